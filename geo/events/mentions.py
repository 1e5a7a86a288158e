"""Find event mentions in one sentence: triggers, their role, actor, target, place, numbers.

A mention is one trigger word ("airstrikes", "attacked", "intercepted") with what the dependency parse
attaches to it. ``geo.events.extract`` links mentions across sentences into events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from geo.events import context_words as elx, lexicon as lx
from geo.events.parse_repairs import (called_object, detached_target, number_of, past_the_dateline, second_side,
                                      what_it_was_called)
from geo.events.actor_phrases import actor_indefinite, actor_of, anchor_of, governor_of
from geo.events.triggers import trigger_family
from geo.events.weapons import QUANTITY_HEADS, is_projectile, launched_before, lemma_of, sets_fire, weapon_of
from geo.model import Toponym
from geo.places import SITE_PARTS  # "stormed the upper floors": a part of the site, no target
from geo.syntax import children, is_passive, prep_objects, shared_subjects

ANAPHORIC_DETS = frozenset({"the", "these", "those", "this", "that", "such", "both", "its", "their"})
NEW_EVENT_MARKERS = frozenset({"another", "separate", "second", "third", "fourth", "new", "fresh", "earlier"})


@dataclass
class Part:
    """One target and place of a mention ("a training facility near A")."""

    target: str | None
    place: Toponym | None = None
    place_prep: str = "in"
    extra_places: list[Toponym] = field(default_factory=list)
    target_names: frozenset[str] = frozenset()  # the named entities of the target ("Prisi")


@dataclass
class Mention:
    sentence: Span
    trigger: Token
    family: str
    category: str
    weapon: str | None = None
    cue: str | None = None  # "response", "attack" or None
    anaphoric: bool = False
    singular: bool = False
    new_event: bool = False
    actor: str | None = None
    actor_indefinite: bool = False  # "a gunman" (someone new), not "the gunman"
    parts: list[Part] = field(default_factory=list)
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    date: date | None = None
    date_precision: str = "day"  # "month" when only the month is known ("in August 2022")
    date_said: bool = False  # the day it was said ("..., officials said Monday"): the act may come days before
    when: str | None = None  # the time expression owned by the mention, resolved or not ("last weekend")
    headline: bool = False
    photo_date: date | None = None  # the day a photo was taken, when the mention is in its caption
    merged: list[Token] = field(default_factory=list)  # further verbs of the same event


def build_mention(sent: Span, trigger: Token, family: str, headline: bool) -> Mention:
    anchor = anchor_of(trigger)
    weapon = _weapon_in_mention(trigger)
    category = _category(trigger, family, weapon)
    dets = {c.lower_ for c in trigger.children if c.dep_ in {"det", "poss", "amod", "predet"}}
    mention = Mention(
        sentence=sent, trigger=trigger, family=family, category=category, weapon=weapon, headline=headline,
        anaphoric=bool(dets & ANAPHORIC_DETS) or anchor is not trigger,
        singular=(trigger.tag_ in {"NN", "NNP"} and trigger.pos_ != "VERB") or anchor.lower_ == "one",
        new_event=bool(dets & NEW_EVENT_MARKERS),
    )
    if "earlier" in dets and dets & {"the", "these", "those"} and trigger.tag_ == "NNS":
        mention.new_event = False  # "retaliated for the earlier attacks": those already told, not others
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in lx.REACTION_VERBS and trigger.pos_ == "NOUN" and (
            dets & {"new", "fresh"}):
        mention.anaphoric, mention.new_event = True, False  # 'condemned "a new massacre"': the one told, called new
    if trigger.pos_ == "VERB" and any(
            c.lower_ in NEW_EVENT_MARKERS for o in prep_objects(trigger, "in") for c in o.children):
        mention.new_event = True  # "In a third incident, armed men opened fire ..."
    possessors = [c for c in trigger.children if c.dep_ == "poss"]
    if possessors and (trigger.tag_ in {"NNS", "NNPS"} or any(p.ent_type_ in {"DATE", "TIME"} for p in possessors)):
        mention.anaphoric = True  # "the separatists' attacks", "Sunday's explosion": already told of
    if any(c.tag_ == "JJS" for c in trigger.children):
        mention.anaphoric = False  # "the worst shooting in the state's history": 'the' of a superlative
    if trigger.tag_ == "NN" and any(c.lower_ in {"latest", "recent"} for c in trigger.children):
        mention.anaphoric, mention.new_event = False, True  # "the most recent attack came on Tuesday": one of them
    if anchor.dep_ == "attr" and anchor.head.lemma_ == "be" and not children(anchor.head, "expl"):
        mention.anaphoric, mention.new_event = True, False  # "It was the third such attack" (not "there have been")
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in RANKING_VERBS and any(
            s.lower_ in {"this", "it", "that"} for s in children(anchor.head, "nsubj")):
        mention.anaphoric, mention.new_event = True, False  # "This marks the fourth attack on the ship"
    if family == "blast" and anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in {"report", "hear", "feel"}:
        mention.anaphoric = True  # "the master reported an explosion": the blast of the attack told, no bombing
    mention.singular = mention.singular and not (anchor is not trigger and anchor.lower_ == "both")
    if trigger.pos_ == "VERB":
        patients = children(trigger, "nsubjpass") if is_passive(trigger) else children(trigger, "dobj")
        others = any(c.lower_ in elx.REST_WORDS | {"remaining"} for p in patients for c in p.children)
        if family == "intercept" and not others and any(  # (not "the remaining two were downed": others)
                c.dep_ == "det" and c.lower_ in {"the", "this", "these", "those"} for p in patients for c in p.children):
            mention.anaphoric = True  # "the missile was destroyed in mid-air": the one already told of
        weapons = [w for s in children(trigger, "nsubj") if (w := told_weapon(s))] + [  # "the rockets that hit X
            w for s in children(trigger, "nsubjpass") if (w := told_weapon(s)) is not None and (any(  # were fired from
                c.dep_ == "relcl" and c.lemma_.lower() in lx.WEAPON_SUBJECT_VERBS for c in w.children)  # Y": told of;
                or prep_objects(trigger, "from"))]  # "the rockets were fired from a truck outside Y": their launch
        if family != "intercept" and any(s.lower_ in elx.REST_WORDS and children(s, "det")
                                         for s in children(trigger, "nsubj")):
            mention.anaphoric = True  # "one was intercepted, while the other blew up in a field": the one told of
        if family != "intercept" and weapons and all(
                any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in w.children) for w in weapons):
            mention.anaphoric = True  # "the rockets landed outside the perimeter", "one of the bombs hit": told of
        if trigger.dep_ == "relcl" and any(c.lower_ in NEW_EVENT_MARKERS for c in trigger.head.children):
            mention.new_event = True  # "the second missile Saudi Arabia has intercepted"
        elif trigger.dep_ in {"relcl", "acl"} and family != "intercept" and any(
                c.dep_ == "det" and c.lower_ in {"the", "these", "those"}
                for h in (trigger.head, *prep_objects(trigger, "toward", "towards", "at", "for")) for c in h.children):
            mention.anaphoric = True  # "the three missiles, which were launched from X", "drones flying toward the
            # ship": the attack already told of
    mention.count = _count(trigger)
    mention.actor = actor_of(trigger, anchor, sent)
    mention.actor_indefinite = actor_indefinite(sent, mention.actor)
    return mention


def told_weapon(subject: Token) -> Token | None:
    """'the rockets', 'one of the bombs': the weapon a subject names (None when it names none)."""
    if subject.pos_ == "NUM" or subject.lower_ in {"some", "each", "both", "all", "most"}:
        subject = next(iter(prep_objects(subject, "of")), subject)
    return subject if is_projectile(subject) or lemma_of(subject) in {"bomb", "shell", "munition"} else None


# Places and things named after the weapons they make, keep or fire.
WEAPON_SITE_NOUNS = frozenset({"factory", "depot", "storage", "site", "plant", "warehouse", "workshop", "facility",
                               "store", "dump", "launcher", "launchpad", "position", "base", "cache", "stockpile"})


AIR_STRIKE = "Air/drone strike"


def _weapon_in_mention(trigger: Token) -> str | None:
    aimed = min((c.i for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "at"}), default=None)
    words = [trigger, *(c for c in trigger.children if aimed is None or c.dep_ != "conj" or c.i < aimed)]  # not
    # "strikes against two boats and one missile", the parse hanging the missile on the strikes: a target
    if trigger.pos_ == "VERB":
        platform = next((lemma_of(s) for s in children(trigger, "nsubj")
                         if lx.WEAPON_CATEGORY.get(lemma_of(s)) == AIR_STRIKE), None)
        if platform and any(lemma_of(o) in lx.WEAPON_CATEGORY for o in children(trigger, "dobj")):
            return platform  # "a drone fired a missile at ...", "jets dropped bombs on ...": an air strike
        for munition in (*children(trigger, "dobj"), *prep_objects(trigger, "by")):
            for platform in (o for acl in children(munition, "acl") for o in prep_objects(acl, "from", "by")):
                if lx.WEAPON_CATEGORY.get(lemma_of(platform)) == AIR_STRIKE:
                    return lemma_of(platform)  # "hit by missiles fired from a jet"
    if trigger.lower_ in QUANTITY_HEADS or lemma_of(trigger) in QUANTITY_HEADS:
        words += [t for o in prep_objects(trigger, "of") for t in (o, *o.children)]
    if lemma_of(trigger) in {"retaliate", "respond", "answer", "reply"}:  # "troops answered with artillery"
        words += [t for o in prep_objects(trigger, "with") for t in (o, *o.children)]
    if trigger.pos_ == "VERB":
        hit = lemma_of(trigger) in {"destroy", "target"}  # "destroyed a missile system": what was hit, not the means
        words += [t for c in (*shared_subjects(trigger), *launched_before(trigger),
                              *children(trigger, *(() if hit else ("nsubjpass", "dobj"))))
                  for t in (c, *c.children)]  # "a jet caught a column and bombed it": the jet's
        if trigger.dep_ == "acl" or (trigger.dep_ == "relcl" and any(  # "the drone that struck the base"
                s.lower_ in {"that", "which"} for s in children(trigger, "nsubj"))):
            words += [trigger.head, *trigger.head.children]
        if is_passive(trigger):  # "the base was hit by six missiles"
            words += [t for o in prep_objects(trigger, "by") for t in (o, *o.children)]
        if trigger.dep_ == "xcomp":  # "shells began landing on X"
            words += [t for c in children(trigger.head, "nsubj") for t in (c, *c.children, *c.conjuncts)]
        for arg in children(trigger, "dobj", "nsubjpass", "nsubj"):  # "one of the drones struck": a drone's hit
            if (arg.lower_ in QUANTITY_HEADS or arg.pos_ == "NUM") and (arg.dep_ != "nsubj" or is_projectile(arg)):
                words += [t for o in prep_objects(arg, "of") for t in (o, *o.children)]
    words += [c for w in list(words) if w.dep_ in {"nmod", "compound", "amod"} for c in w.conjuncts]
    found: list[str] = []
    for word in words:
        if word.dep_ == "compound" and lemma_of(word.head) in WEAPON_SITE_NOUNS:
            continue  # "hit a drone factory", "struck a rocket launcher": what was hit, not the means
        for key in (lemma_of(word), word.lower_):
            if key in lx.WEAPON_CATEGORY and not (word is trigger and trigger.pos_ == "VERB"):
                if key in {"gun", "knife"} and word is not trigger:
                    continue
                found.append("drone" if key == "aerial" and lemma_of(word.head) in lx.UAV_HEADS else key)
                break
    return _single_weapon(found)


def _single_weapon(found: list[str]) -> str | None:
    """The weapon of a mention; none for two categories ("drone and rocket attacks" are not drone attacks)."""
    if not found:
        return None
    modifiers = {lx.WEAPON_CATEGORY[k] for k in found if k not in lx.WEAPON_QUALIFIERS}
    if len(modifiers) > 1:
        return None
    return found[0]


WEAPON_FAMILIES = frozenset({"attack", "strike", "shell", "raid", "shooting", "bomb", "blast", "ambush"})
_BOMB_CARRIERS = frozenset({"car", "truck", "lorry", "vehicle", "motorcycle", "roadside", "parcel", "letter"})


def _category(trigger: Token, family: str, weapon: str | None) -> str:
    if family == "intercept":
        return "Disrupted weapons use"
    near = trigger.doc[max(trigger.i - 3, 0) : trigger.i + 7]  # not the whole subtree: it can be the text
    if any(c.lower_ == "suicide" and (c == trigger or trigger.is_ancestor(c)) for c in near):
        return "Suicide bomb"
    if weapon == "bomb" and any(t.lower_ in _BOMB_CARRIERS and t.nbor(1).lemma_ == "bomb" for t in near[:-1]):
        return lx.WEAPON_CATEGORY["bomb"]  # "car bombs struck X", "struck by a roadside bomb": set off, not dropped
    if weapon in {"bomb", "explosive"} and family not in {"blast", "bomb"} and weapon != lemma_of(trigger):
        weapon_category = lx.WEAPON_CATEGORY[weapon]
        return weapon_category if family == "attack" else lx.FAMILY_CATEGORY.get(family, "Other")
    if weapon and family in WEAPON_FAMILIES:
        category = lx.WEAPON_CATEGORY[weapon]
        if category != "Attack" or family in {"attack", "raid", "shooting"}:
            return category
    return lx.FAMILY_CATEGORY.get(family, "Other")


MULTIPLE_WORDS = {"double": 2, "twin": 2, "triple": 3, "dual": 2}
# What carries weapons, not a weapon spent: "two F-15E aircraft struck a depot" is one strike told.
PLATFORM_NOUNS = frozenset({"aircraft", "jet", "warplane", "plane", "helicopter", "gunship", "fighter", "ship",
                            "warship", "destroyer", "frigate", "tank", "vehicle", "boat"})

# What is fired by the several in one attack ("two missiles hit the station", "three shells landed"): no count of acts.
SALVO_WEAPONS = elx.PROJECTILE_NOUNS | {"shell", "mortar", "artillery"}
TALLY_NOUNS = frozenset({"number", "total", "tally", "count"})


def _count(trigger: Token) -> int | None:
    tally = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
    if tally is not None and tally.lemma_.lower() in TALLY_NOUNS:  # "brings the number of attacks ... to nine"
        return next((n for o in prep_objects(tally.head, "to") if (n := number_of(o)) is not None), None)
    for child in trigger.children:
        if child.dep_ == "nummod" and child.ent_type_ not in {"DATE", "TIME"} and not lx.is_year(child.text):
            return number_of(child)  # not "the 14 October bombings", "the 2024 Kharkiv drone attack"
        if child.dep_ in {"amod", "compound"} and child.lower_ in MULTIPLE_WORDS:  # "a double car bombing"
            return MULTIPLE_WORDS[child.lower_]
    if trigger.pos_ == "VERB":  # "two bombs killed six people": two acts
        for subject in children(trigger, "nsubj"):
            weapon = weapon_of(subject)  # "two F-16s struck": aircraft, not acts; "two missiles hit": one salvo
            if weapon and weapon not in PLATFORM_NOUNS | SALVO_WEAPONS and (
                    lemma_of(subject) not in lx.ATTACKER_NOUNS | PLATFORM_NOUNS):
                for child in children(subject, "nummod"):
                    return number_of(child)
        for times in trigger.subtree:  # "retaliated eight times" (the parser may hang it on the object)
            if times.lower_ == "times" and times.i > trigger.i:
                for child in children(times, "nummod"):
                    return number_of(child)
    if trigger_family(trigger) in {"strike", "bomb", "shell", "attack"} and (trigger.pos_ == "VERB" or trigger.tag_ == "NNS"):
        objects = children(trigger, "dobj") if trigger.pos_ == "VERB" else prep_objects(trigger, "on", "against") + (
            prep_objects(trigger.head, "on", "against") if trigger.dep_ == "dobj" else [])  # "conducted strikes on"
        for obj in objects:  # "struck three targets", "strikes on three facilities": one strike per site
            if obj.lemma_.lower() in COUNTED_SITES and (sites := _counted_things(obj)) is not None:
                return sites
    if trigger.pos_ == "VERB" and trigger_family(trigger) == "intercept":  # "shot down or jammed 61 of the drones"
        for obj in children(trigger, "dobj", "nsubjpass") or [o for c in children(trigger, "conj") for o in children(c, "dobj")]:
            counts = [_counted_things(o) for o in (obj, *obj.conjuncts)]  # "104 of the drones and three of the missiles"
            if counts[0] is not None:
                return sum(c for c in counts if c is not None)
    return None


# Sites a strike is counted by ("struck three targets", "hit four positions"), not people or things destroyed.
COUNTED_SITES = frozenset({"target", "facility", "site", "location", "position"})


def _counted_things(token: Token) -> int | None:
    """'104', 'three drones', 'three of the missiles': how many things a phrase counts (not '99 percent of them')."""
    if token.ent_type_ == "PERCENT" or token.lower_ in {"percent", "per", "%"}:
        return None
    if token.pos_ == "NUM":
        return number_of(token)
    for child in children(token, "nummod"):
        return number_of(child)
    return None


RANKING_VERBS = frozenset({"mark", "represent", "constitute", "become"})


# "at the direction of the President", "at the request of": on whose word, not on whom
AUTHORITY_NOUNS = frozenset({"direction", "order", "behest", "request", "invitation", "instruction", "command",
                             "time", "moment", "height", "start", "end", "beginning", "expense", "cost"})
VAGUE_TARGETS = frozenset({"most", "some", "all", "many", "several", "one", "none", "others", "it", "them", "majority"})


# What an act does, not whom it is aimed at ("caused no damage", "caused casualties").
HARM_NOUNS = frozenset({"damage", "harm", "casualty", "injury", "loss", "destruction", "panic"})

# Where a claim is posted, not what was attacked ("claimed the attack on its Telegram channel", "on social media").
MEDIA_NOUNS = frozenset({"channel", "account", "website", "media", "medium", "platform", "feed", "app", "page", "blog",
                         "x", "twitter", "telegram", "facebook", "instagram", "tiktok", "youtube"})  # "... on X"


def _news_outlet(token: Token) -> bool:
    """'on its Amaq news agency', 'on its radio station': where a claim was posted."""
    return lemma_of(token) in {"agency", "station", "outlet"} and any(
        c.lower_ in {"news", "radio", "media", "propaganda"} for c in token.children)


def _directed_at(token: Token) -> list[Token]:
    """Where it was aimed: 'launched in the direction of X'; 'inflicted heavy losses on X' ('on' hung on 'losses')."""
    return [o for d in prep_objects(token, "in") if d.lower_ == "direction" for o in prep_objects(d, "of")] + [
        o for h in children(token, "dobj") if lemma_of(h) in elx.INFLICTED_HARM for o in prep_objects(h, "on", "upon")]


def _hit_into(verb: Token) -> list[Token]:
    """'a drone slammed into a ship', 'fired into a crowd': what it went into (not 'fired missiles into the sea',
    where they fell, nor 'fired into the air')."""
    into = [o for o in prep_objects(verb, "into") if o.lower_ != "air" and o.ent_type_ not in {"GPE", "LOC", "FAC"}]
    return into if lemma_of(verb) in elx.IMPACT_VERBS or not children(verb, "dobj") else []


def _a_possible_target(token: Token) -> bool:
    """Whether a preposition's object may be what an act was aimed at: not a time ('on Monday') nor how often
    ('on dozens of occasions', 'on one occasion')."""
    return token.ent_type_ not in {"DATE", "TIME"} and lemma_of(token) != "occasion" and not any(
        lemma_of(o) == "occasion" for o in prep_objects(token, "of"))


def target_heads(trigger: Token, anchor: Token) -> list[Token]:
    """Heads of the target phrases: 'against X', 'on X', 'targeting X and Y', 'X were attacked'."""
    if trigger.pos_ == "VERB":
        if lemma_of(trigger) in lx.WEAPON_OBJECT_VERBS or (lemma_of(trigger) in {"open", "return", "exchange"} and any(
                lemma_of(o) == "fire" for o in children(trigger, "dobj"))):
            heads: list[Token] = []  # "fired rockets at X", "opened (returned) fire on X", "exchanged fire with X"
        elif is_passive(trigger):
            heads = children(trigger, "nsubjpass")
        elif trigger.dep_ == "conj" and is_passive(trigger.head) and not children(trigger, "dobj", "nsubj", "prt"):
            heads = children(trigger.head, "nsubjpass")  # "the positions were identified and struck": both passive
        elif trigger_family(trigger) == "blast" and not children(trigger, "dobj"):
            heads = [s for s in children(trigger, "nsubj") if weapon_of(s) is None] or prep_objects(  # "the vehicle
                trigger, "through")  # exploded", "a bomb tore through a convoy"
        elif sets_fire(trigger):
            heads = prep_objects(trigger, "to")  # "set fire to homes": the homes
        else:
            heads = [o for o in children(trigger, "dobj") if lemma_of(o) not in elx.UNAIMED_OBJECTS | SITE_PARTS]
            if not heads:  # "shot and killed the attacker": the object the verbs share
                heads = [o for c in children(trigger, "conj") if c.pos_ == "VERB"
                         for o in (prep_objects(c, "to") if sets_fire(c) else children(c, "dobj"))][:1]
            elif heads[0].lower_ in {"it", "them"} and trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
                heads = children(trigger.head, "dobj")[:1] or heads  # "caught a column of fighters and bombed it"
        heads = heads or [o for o in prep_objects(trigger, "on", "against", "at", "toward", "towards", *(
            ("with",) if lemma_of(trigger) == "exchange" else ())) + _directed_at(trigger) + _hit_into(trigger)
            if _a_possible_target(o)]
        if not heads and lemma_of(trigger) in lx.WEAPON_OBJECT_VERBS:  # "launched 86 drones and two missiles
            weapons = [w for o in children(trigger, "dobj") for w in (o, *o.conjuncts)]  # against Ukraine"
            heads = [o for w in weapons for o in prep_objects(w, "against", "at", "on", "toward", "towards")
                     if _a_possible_target(o)][:1]
    else:
        heads = [o for o in prep_objects(trigger, "against", "on", "targeting", "at") if _a_possible_target(o)] or (
            detached_target(trigger))
    between = prep_objects(trigger, "between")  # "clashes (fighting) between the army and the RSF": the second side
    if not heads and between and (trigger.pos_ != "VERB" or trigger.tag_ == "VBG"):
        other = second_side(between[0])
        if other is not None:
            return [other]
    governor = governor_of(anchor)
    holders = [trigger] + ([governor] if governor is not None and governor is not trigger else [])
    if not heads and governor is not None and governor is not trigger:
        lemma = lemma_of(governor)
        if lemma in lx.SUFFER_VERBS and anchor.dep_ == "dobj":
            heads = children(governor, "nsubj")
        elif lemma in {"come", "be", "remain"} and anchor.dep_ == "pobj" and anchor.head.lower_ == "under":
            heads = children(governor, "nsubj")  # "the village came under attack"
            if governor.dep_ == "relcl" and [h.lower_ for h in heads] in (["who"], ["that"], ["which"]):
                heads = [governor.head]  # "forces who came under attack": the forces
        elif lemma in lx.HAPPEN_VERBS and anchor.dep_ == "nsubj" and lemma not in {"take", "occur", "happen", "be"}:
            heads = children(governor, "dobj")
        elif lemma in lx.LIGHT_VERBS and anchor.dep_ == "dobj":
            heads = [o for o in prep_objects(governor, "at", "on", "against", "toward", "towards", "into")
                     if _a_possible_target(o)]
    if not heads:
        for holder in holders:
            for child in holder.children:
                if child.dep_ in {"advcl", "acl", "xcomp", "conj"} and lemma_of(child) == "target" or (
                        child.dep_ == "relcl" and trigger.pos_ == "NOUN" and lemma_of(child) in lx.RELATIVE_HITS
                        and any(c.lower_ in {"that", "which"} for c in children(child, "nsubj"))):
                    heads = children(child, "dobj")  # "an airstrike that killed three of the attackers"
                    break
            if heads:
                break
    heads = [what_it_was_called(h) for h in past_the_dateline(heads, trigger)] or called_object(trigger)
    heads = [h for h in heads if (h.lower_ not in VAGUE_TARGETS or prep_objects(h, "of"))
             and h.ent_type_ not in {"DATE", "TIME"} and lemma_of(h) not in AUTHORITY_NOUNS
             and lemma_of(h) not in HARM_NOUNS and not any(c.dep_ == "det" and c.lower_ == "no" for c in h.children)
             and not (h.head.lower_ == "on" and (lemma_of(h).rstrip(".") in MEDIA_NOUNS or _news_outlet(h)))
             and not (h.tag_ == "JJS" and not prep_objects(h, "of"))  # "..., the latest in a string of attacks"
             and not any(o.lower_ in {"which", "whom"} for o in prep_objects(h, "of"))]  # "most of which": untold
    if heads and trigger.pos_ == "VERB" and trigger_family(trigger) == "blast" and (
            lemma_of(heads[0]) in lx.WEAPON_WORDS | elx.BLAST_DEVICES):  # "detonating a car bomb", "his vest": the weapon,
        return [o for o in prep_objects(trigger, "inside", "at", "in", "outside", "near")  # not the target; "inside a mosque" is
                if lemma_of(o) in elx.BLAST_SITES][:1]
    weapon_object = bool(heads) and weapon_of(heads[0]) is not None and trigger.pos_ == "VERB"
    if heads and not (heads[0].pos_ == "PRON" or weapon_object and trigger_family(trigger) != "intercept"):
        return [heads[0], *heads[0].conjuncts]
    return heads[:1]
