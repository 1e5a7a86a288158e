"""Whether an event no word marks as an attack or a response answers an earlier one: who struck whom,
in the order the text tells them (``resolve_kinds``). Used by ``geo.events.extract``; imports only
the events wing's actor families and drafts."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from geo.events import actors, lexicon as lx
from geo.events.dating import told_as_earlier
from geo.events.draft import Draft
from geo.syntax import children, prep_objects

if TYPE_CHECKING:
    from geo.events.mentions import Mention


def _victim_family(draft: Draft) -> str | None:
    """Who was attacked: the target's family, or the country it happened in when the target
    is only a place ('rockets at Tel Aviv')."""
    family = actors.actor_family(draft.target)
    if family is None and draft.place is not None and (draft.target is None or (draft.place.text and set(
            draft.target.lower().replace(draft.place.text.lower(), " ").split()) <= _ONLY_A_PLACE)):
        family = actors.COUNTRY_FAMILY.get(draft.place.country or "")  # (not "the X camp": who lives there)
    return family


_ONLY_A_PLACE = frozenset({"the", "city", "town", "village", "area", "of", "outskirts", "centre", "center", "region",
                           "province", "district", "capital"})


# Who did an act, named by it ("the attackers", "the kidnappers' camp").
PERPETRATOR_NOUNS = frozenset({"attacker", "assailant", "gunman", "bomber", "kidnapper", "abductor", "captor",
                               "perpetrator", "raider"})
# Armed men of no named side ("militants", "gunmen").
ARMED_GROUP_NOUNS = (lx.ATTACKER_NOUNS | {"militia"}) - {"attacker", "assailant", "bomber", "sniper"}
STATE_FORCE_NOUNS = frozenset({"troop", "soldier", "force", "army", "police", "policeman", "military", "officer",
                               "security", "commando", "gendarme"})
AFTER_THE_ACT_RE = re.compile(r"\b(?:after|following)\b[^.;]{0,40}?\b(?:attacks?|bombings?|blasts?|assaults?|ambush|"
                              r"raids?|abductions?|kidnappings?|massacre|shooting|shelling|(?:was|were) (?:hit|attacked|"
                              r"struck|shelled|bombed|targeted))\b", re.I)


# What an armed group fires from or keeps its weapons in ("struck underground weapons depots", "launch sites").
ARSENAL_NOUNS = frozenset({"launcher", "radar", "site", "depot", "bunker", "storage", "stockpile", "node", "hideout",
                           "workshop", "warehouse", "factory", "facility"})
# Weapons only states fly here: an air strike told without its actor is a state's.
AIR_WEAPONS = frozenset({"aircraft", "jet", "warplane", "plane", "helicopter", "gunship", "fighter", "bomber"})
# Head words of a named armed group of no known side.
GROUP_HEADS = frozenset({"group", "front", "movement", "organisation", "organization", "faction", "brigade",
                         "battalion", "army", "militia", "network", "cell", "gang"})
# "a day after the group bombed a market": an attack told as done before the act of the sentence.
DONE_BEFORE_RE = re.compile(r"\bafter\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?P<head>group|front|movement|faction|militia|"
                            r"network|cell|organi[sz]ation)\s+(?:had\s+)?(?:bombed|attacked|struck|raided|ambushed|"
                            r"shelled|killed|stormed|abducted|kidnapped|fired|massacred)\b", re.I)


def nouns_of(phrase: str | None) -> set[str]:
    """The words of a phrase, plurals made singular ("gunmen" -> "gunman", "forces" -> "force", "facilities" ->
    "facility")."""
    words = re.findall(r"[a-z]+", re.sub(r"['’]s\b", "", (phrase or "").lower()))
    return {w[:-3] + "man" if w.endswith("men") else w[:-3] + "y" if w.endswith("ies") and len(w) > 4 else
            w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in words}


def armed_men(phrase: str | None) -> bool:
    """'militants', 'the attackers', 'two gunmen': armed men of no named side."""
    return bool(nouns_of(phrase) & (ARMED_GROUP_NOUNS | PERPETRATOR_NOUNS))


def other_sides(mine: str | None, theirs: str | None) -> bool:
    """Doers on two sides: of named families that do not meet, or a state's forces and armed men (named or not:
    'the army' and 'the Rapid Support Forces')."""
    a, b = actors.actor_families(mine), actors.actor_families(theirs)
    if a and b:
        return not a & b
    return {_side_kind(mine, a), _side_kind(theirs, b)} == {"armed", "state"}


def _side_kind(phrase: str | None, families: set[str]) -> str | None:
    if families:
        return "state" if families & actors.STATES else "armed"
    return "armed" if armed_men(phrase) else "state" if nouns_of(phrase) & STATE_FORCE_NOUNS else None


def resolve_kinds(drafts: list[Draft]) -> set[int]:
    """Events without a cue: a strike on those who attacked earlier, by a side that has not attacked
    (the side they attacked, or one coming to its aid), is a response: its target is the attackers'
    side, or armed men like the unnamed ones who attacked. So is an act of unnamed security forces on
    the perpetrators ("troops stormed the kidnappers' camp") or, told as after the attack, on armed
    men ("a day after the bombing, police raided a militant hideout"); an air strike or a state's
    forces on a named group after it attacked ("a camp of the group", "a day after the group bombed
    ..."), or on armed men after armed men attacked; and a side that answered, striking the same
    fighters again. Two sides at war attacking each other in turn both attack: a state striking the state
    that struck it, with no word of an answer, attacks. Returns the drafts (ids) whose kind it inferred."""
    inferred = {id(d) for d in drafts if d.kind is None}
    attackers: set[str] = set()
    armed_attack = False  # an attack by armed men of no named side ("militants fired rockets")
    attacked = False
    groups: set[str] = set()  # head words of attackers of no known side ("the Northern Front", "the group")
    responders: set[str] = set()
    answered_in: dict[str, set[str]] = {}  # the countries where each answering side struck
    attacks_from: dict[str, date | None] = {}  # the first day each side attacked (None: on a day untold)
    struck: set[str] = set()  # the sides attacked so far (the victims' families)
    before_last: tuple[set[str], bool, bool, set[str]] = (set(), False, False, set())
    told_in: dict[int, list[Draft]] = {}  # sentence -> the drafts it tells (to compare acts told together)
    for draft in drafts:
        for sent in {id(s): s for s in draft.sentences + draft.headlines}:
            told_in.setdefault(sent, []).append(draft)
    told_first = sorted(drafts, key=lambda d: (min(s.start for s in d.sentences + d.headlines), not _told_as_before(d)))
    for draft in told_first:
        now = (set(attackers), armed_attack, attacked, set(groups))
        earlier = told_as_earlier(draft)  # "Hours earlier, ...": it came before the act told last: answers not that
        if earlier:
            attackers, armed_attack, attacked, groups = set(before_last[0]), *before_last[1:3], set(before_last[3])
        before_last = now
        family = actors.actor_family(draft.actor)
        told_after = {m.group("head").lower() for s in draft.sentences for m in DONE_BEFORE_RE.finditer(s.text)}
        if draft.kind is None:
            words = nouns_of(draft.target)
            on_armed = armed_attack and bool(words & ARMED_GROUP_NOUNS)  # "a gunship struck fighters" after their raid
            on_attackers = _victim_family(draft) in attackers or bool(draft.aims & attackers) or on_armed
            hit = ({_victim_family(draft)} | draft.aims) & attackers
            at_war = family in actors.STATES and bool(hit) and hit <= actors.STATES  # two states striking in turn
            answering = family is not None and family not in attackers and on_attackers and not at_war and not (
                _before_their_attacks(draft, hit or {_victim_family(draft) or ""}, attacks_from))
            fled = any(perpetrators_fled(s) for s in draft.sentences)  # "the attackers fled to X, where jets struck"
            state_forces = family is None and not armed_men(draft.actor) and (
                bool(nouns_of(draft.actor) & STATE_FORCE_NOUNS) or draft.weapon in AIR_WEAPONS or (
                    draft.actor is None and fled))  # "air strikes hit them as they withdrew": the other side's
            on_perpetrators = bool(words & PERPETRATOR_NOUNS) or fled or (
                bool(words & ARMED_GROUP_NOUNS) and any(AFTER_THE_ACT_RE.search(s.text) for s in draft.sentences))
            on_group = bool(groups | told_after) and bool(words & GROUP_HEADS)  # "a camp of the group" after its bombing
            a_side = state_forces or (family is not None and family not in attackers)
            # a side that answered goes on answering: "a gunship struck fighters withdrawing north"; after downing
            # a group's drones, "U.S. and British jets struck its weapons depots"; more villages
            sides = actors.actor_families(draft.actor)
            going_on = bool(sides & responders) and not sides & attackers and bool(
                words & (ARMED_GROUP_NOUNS | PERPETRATOR_NOUNS) or (words & ARSENAL_NOUNS and attackers - actors.STATES)
                or (attackers - actors.STATES and _in_answered_country(draft, sides, answered_in)))
            following = family is not None and family in struck and _told_following_an_attack(draft)
            beside = {id(o): o for s in draft.sentences + draft.headlines for o in told_in.get(id(s), [])}
            after_an_attack_on_it = family is not None and any(
                _told_after(draft, other, family) for other in beside.values())
            draft.kind = "response" if answering or going_on or after_an_attack_on_it or following or (
                    (attacked or told_after or fled) and a_side and (
                on_perpetrators or on_group or on_armed)) else "attack"
        if draft.kind == "response" and family:
            responders.add(family)  # a side that answered goes on answering the same attackers
            if draft.place is not None and draft.place.country:
                answered_in.setdefault(family, set()).add(draft.place.country)
        if draft.kind == "attack":
            attacked = True
            struck.add(_victim_family(draft) or _country_side(draft) or "")
            if family:
                attackers.add(family)
                known = attacks_from.get(family, draft.date)
                attacks_from[family] = None if known is None or draft.date is None else min(known, draft.date)
            if armed_men(draft.actor) and family not in actors.STATES:
                armed_attack = True  # "militants fired rockets", "JNIM militants ambushed a convoy"
            elif not family:
                groups |= nouns_of(draft.actor) & GROUP_HEADS
        if earlier:  # what was told before it stays told
            attackers |= now[0]
            armed_attack, attacked, groups = armed_attack or now[1], attacked or now[2], groups | now[3]
    return inferred


def _told_as_before(draft: Draft) -> bool:
    """'Jets struck X on Tuesday, a day after fighters stormed Y': the storming, told after the strike in the same
    sentence, came first."""
    if not draft.triggers or not draft.sentences:
        return False
    trigger = draft.sentences[0].doc[draft.triggers[0]]
    return any(c.dep_ == "mark" and c.lower_ in {"after", "following"} for c in trigger.children) or (
        trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ in {"after", "following"})


def _before_their_attacks(draft: Draft, sides: set[str], attacks_from: dict[str, date | None]) -> bool:
    """'On Monday, a drone strike killed a Hezbollah fighter', told after Hezbollah's rockets of Tuesday: a strike
    on a side dated before every attack it is told to have made answers none of them."""
    days = [attacks_from.get(side) for side in sides]
    return draft.date is not None and bool(days) and all(day is not None and draft.date < day for day in days)


def _country_side(draft: Draft) -> str | None:
    """The side of the country an act with no named victim hit ("an army post near Metula": Israel's)."""
    side = None if draft.place is None else actors.COUNTRY_FAMILY.get(draft.place.country or "")
    return side if side != actors.actor_family(draft.actor) else None


def _in_answered_country(draft: Draft, sides: set[str], answered_in: dict[str, set[str]]) -> bool:
    """'Israeli strikes hit villages in southern Lebanon after Hezbollah fired drones ... Warplanes struck a house
    in Bint Jbeil': the answering side striking again in the country where it answered is that answer (not an
    act of another week: "the most serious since last week, when a drone strike hit a motorcycle in X"; nor one
    told apart: "In a separate action, jets struck X")."""
    place = draft.place
    return place is not None and any(place.country in answered_in.get(side, ()) for side in sides) and not any(
        OTHER_WEEK_RE.search(s.text) for s in draft.sentences)


OTHER_WEEK_RE = re.compile(r"\b(?:last|previous|past)\s+(?:week|month|year)|\b(?:weeks?|months?|years?)\s+"
                           r"(?:ago|earlier)\b|\bsince\b|\bseparate(?:ly)?\b", re.I)  # "In a separate action, ..."


def _told_following_an_attack(draft: Draft) -> bool:
    """'Following the missile attack on Metula, artillery pounded Khiam': an act its sentence opens as coming
    after an attack (on the doer's side, the caller checks)."""
    for sent in draft.sentences:
        found = AFTER_THE_ACT_RE.search(sent.text)
        if found is not None and any(sent.start_char + found.end() <= sent.doc[i].idx for i in draft.triggers
                                     if sent.start <= i < sent.end):
            return True
    return False


FLIGHT_VERBS = frozenset({"flee", "escape", "retreat", "withdraw"})


def perpetrators_fled(sent: Span) -> bool:
    """'The attackers fled towards the border, where the air force struck a column', 'aircraft struck the
    columns as they withdrew from X', 'a jet caught a column of fleeing fighters', 'a group of fighters
    retreating from X': those who did the act, told fleeing in the sentence of the strike."""
    return any(t.dep_ == "nsubj" and t.head.lemma_.lower() in FLIGHT_VERBS and (
        (t.lemma_.lower() in PERPETRATOR_NOUNS and any(c.lower_ == "the" for c in t.children))
        or (t.lower_ == "they" and t.head.dep_ == "advcl" and _armed_objects(t.head.head))) for t in sent) or any(
        t.tag_ == "VBG" and t.lemma_.lower() in FLIGHT_VERBS and (t.i + 1 < sent.end and (
            t.nbor().lemma_.lower() in ARMED_GROUP_NOUNS | PERPETRATOR_NOUNS) or _fleeing_men(t)) for t in sent)


def _armed_objects(verb: Token) -> bool:
    """'struck the group's columns as they withdrew' (not 'killing three members of a family as they fled')."""
    objects = [o for d in children(verb, "dobj") for o in (d, *prep_objects(d, "of"))]
    return any(o.lemma_.lower() in lx.ATTACKER_NOUNS | PERPETRATOR_NOUNS | {"militia", "column", "convoy"}
               for o in objects)


def _fleeing_men(verb: Token) -> bool:
    """'struck a group of fighters retreating toward X', 'fighters who were fleeing': armed men told fleeing by a
    participle or a clause after them."""
    men = [verb.head, *prep_objects(verb.head, "of")] if verb.dep_ in {"acl", "relcl"} else []
    return any(m.lemma_.lower() in ARMED_GROUP_NOUNS | PERPETRATOR_NOUNS for m in men)


def _told_after(draft: Draft, other: Draft, family: str) -> bool:
    """'X struck a command centre in Y hours after rockets were fired at X's town', '... two days after a rocket
    attack on a base injured X's soldiers': in one sentence, the act is told as coming after an attack on its own
    side, its target or the people it harmed (not by a state at war with it: those strike in turn); or as following
    another side's act ('the airstrike followed an assault by militants')."""
    if other is draft or other.kind == "response" or (
            family in actors.STATES and actors.actor_family(other.actor) in actors.STATES):
        return False
    for sent in set(map(id, draft.sentences + draft.headlines)) & set(map(id, other.sentences + other.headlines)):
        span = next(s for s in draft.sentences + draft.headlines if id(s) == sent)
        mine = [i for i in draft.triggers if span.start <= i < span.end]
        theirs = [i for i in other.triggers if span.start <= i < span.end]
        if mine and theirs and family in {_victim_family(other), *_harmed(span, theirs)} and any(
                t.lower_ in {"after", "following"} and min(mine) < t.i < max(theirs) for t in span):
            return True
        theirs_by = actors.actor_family(other.actor)  # (the other side's act: not "the assault followed a bombing")
        if mine and theirs and theirs_by not in {None, family} and _follows(span, mine, theirs):
            return True
    return False


def _follows(span: Span, mine: list[int], theirs: list[int]) -> bool:
    """'The airstrike followed an assault by militants on a base', 'the strike came after an attack on X': the act
    is the subject of a verb that puts it after the other act, that verb's object (told as a sequence, an answer)."""
    doc = span.doc
    for i in mine:
        verb = doc[i].head
        if doc[i].dep_ != "nsubj" or not (verb.lemma_.lower() == "follow" or (
                verb.lemma_.lower() == "come" and prep_objects(verb, "after"))):
            continue
        objects = children(verb, "dobj") + prep_objects(verb, "after")
        if any(doc[j] in o.subtree for o in objects for j in theirs):
            return True
    return False


def _harmed(span: Span, triggers: list[int]) -> set[str | None]:
    """'a rocket attack on the base injured U.S. service members': the sides of those an act, named as the subject
    of a verb of harm, killed or wounded; 'a barrage on a base hosting American troops': those its target hosted."""
    acts = [span.doc[i] for i in triggers]
    victims = [v for act in acts if act.dep_ == "nsubj" and act.head.lemma_.lower() in {"kill", "wound", "injure"}
               for v in children(act.head, "dobj")]
    victims += [v for act in acts for target in prep_objects(act, "on", "at", "against") + children(act, "dobj")
                for verb in children(target, "acl", "relcl") if verb.lemma_.lower() in {"host", "house"}
                for v in children(verb, "dobj")]
    return {actors.actor_family(" ".join(t.text for t in victim.subtree)) for victim in victims}


ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "other", "latter", "last"})


def intercepts_the_latest(recent: list[Draft], mention: Mention) -> bool:
    """'A drone was launched toward the destroyer X. The destroyer shot the drone down': an interception of the
    weapon the act told last used (its "the" refers to the weapon, not to an interception told before it) is an
    act of its own, the answer to that one."""
    if mention.family != "intercept" or not mention.anaphoric or not recent or not mention.parts:
        return False
    latest = max(recent, key=lambda d: d.last_seen)
    if latest.kind == "response" or not _weapon_kinds(mention.parts[0].target) & _weapon_kinds(latest.weapon):
        return False
    first = min(s.start for s in latest.sentences + latest.headlines)  # and no answer to it told yet ("X said it
    return not any(d.kind == "response" and any(s.start >= first for s in d.sentences)  # had intercepted a missile
                   for d in recent)  # launched from Y ... The missile was shot down over Z": one interception)


def _weapon_kinds(phrase: str | None) -> set[str]:
    """The kinds of weapon a phrase names ("the drone", "a UAS", "two missiles")."""
    words = re.findall(r"[a-z]+", (phrase or "").lower())
    return {k for w in words if (k := lx.WEAPON_CATEGORY.get(w) or lx.WEAPON_CATEGORY.get(w.removesuffix("s")))}


__all__ = ["AFTER_THE_ACT_RE", "ORDINAL_WORDS", "armed_men", "intercepts_the_latest", "nouns_of", "other_sides",
           "resolve_kinds"]


ANSWER_NOUNS = lx.RESPONSE_NOUN_PREPS | {"reaction"}
BRANDING_WORDS = frozenset({"terrorist", "criminal", "barbaric", "provocative", "cowardly"})  # a side's label


def cited_cause(draft: Draft) -> bool:
    """'The strike was in response to terrorist attacks by the Kyiv regime on civilian targets': acts a side
    cites as its cause under its own label, told nowhere else, with no place, day or count, are a
    justification, not an event."""
    if draft.kind != "attack" or draft.place is not None or draft.date is not None or draft.count is not None or (
            draft.headlines or len(draft.triggers) != 1 or not draft.sentences):
        return False
    trigger = draft.sentences[0].doc[draft.triggers[0]]
    # labelled so by the side, not "in response to continued Houthi attacks on vessels" (an attack told)
    labelled = any(c.dep_ == "amod" and c.lower_ in BRANDING_WORDS for c in trigger.children)
    return labelled and trigger.tag_ == "NNS" and trigger.dep_ == "pobj" and trigger.head.lower_ in {"to", "for"} and (
        trigger.head.head.lemma_.lower() in ANSWER_NOUNS)
