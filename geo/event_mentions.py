"""Find event mentions in one sentence: triggers, their role, actor, target, place, numbers.

A mention is one trigger word ("airstrikes", "attacked", "intercepted") with what the
dependency parse attaches to it. ``geo.events`` links mentions across sentences into events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from geo import lexicon as lx
from geo.model import Toponym
from geo.syntax import (
    PRONOUNS,
    children,
    is_passive,
    phrase_text,
    phrase_tokens,
    prep_objects,
)

KIND_RANK = {"facility": 0, "city": 1, "other": 2, "admin1": 3, "region": 4, "country": 5}
ANAPHORIC_DETS = frozenset({"the", "these", "those", "this", "that", "such", "both", "its", "their"})
NEW_EVENT_MARKERS = frozenset({"another", "separate", "second", "third", "fourth", "new", "fresh", "earlier"})


@dataclass
class Part:
    """One target and place of a mention ("a training facility near A")."""

    target: str | None
    place: Toponym | None = None
    place_prep: str = "in"
    extra_places: list[Toponym] = field(default_factory=list)


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
    parts: list[Part] = field(default_factory=list)
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    date: date | None = None
    headline: bool = False
    merged: list[Token] = field(default_factory=list)  # further verbs of the same event


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def trigger_family(token: Token) -> str | None:
    """The trigger family of a token, or None when it is no event word here."""
    lemma, lower = _lemma(token), token.lower_
    nominal_gerund = token.tag_ == "VBG" and not any(c.dep_ == "dobj" for c in token.children)
    if token.pos_ in {"NOUN", "PROPN"} or (nominal_gerund and lower in lx.EVENT_NOUNS):
        family = lx.EVENT_NOUNS.get(lower) or lx.EVENT_NOUNS.get(lemma) or lx.EVENT_NOUNS.get(lower.rstrip("s"))
        if family == "bomb" and lemma == "bomber" and not any(c.lower_ == "suicide" for c in token.children):
            return None
        if family is None and lemma in {"bomb", "ied"} and token.head.lemma_.lower() in {"explode", "detonate", "go"}:
            return None  # the verb carries the event
        return family
    if token.pos_ == "VERB":
        if lemma == "shoot" and any(c.lower_ == "down" for c in token.children):
            return "intercept"
        if lemma == "blow" and any(c.lower_ == "up" for c in token.children):
            return "blast"
        if lemma in lx.EVENT_VERBS:
            return lx.EVENT_VERBS[lemma]
        objects = children(token, "dobj")
        subjects = children(token, "nsubj")
        objects += children(token, "nsubjpass")
        if lemma in lx.WEAPON_OBJECT_VERBS and any(_weapon_of(o) and not _is_event_noun(o) for o in objects):
            return "attack"
        if lemma in lx.WEAPON_OBJECT_VERBS and token.dep_ == "acl" and _weapon_of(token.head):
            return "attack"
        if lemma in lx.WEAPON_SUBJECT_VERBS and any(_weapon_of(s) or _lemma(s) in lx.ATTACKER_NOUNS for s in subjects):
            return "attack"
    return None


QUANTITY_HEADS = frozenset({"dozen", "dozens", "hundred", "hundreds", "number", "barrage", "wave", "salvo", "hail",
                            "series", "swarm", "volley", "score", "scores", "thousand", "thousands"})


def _is_event_noun(token: Token) -> bool:
    lemma = _lemma(token)
    return token.pos_ in {"NOUN", "PROPN"} and (lemma in lx.EVENT_NOUNS or token.lower_ in lx.EVENT_NOUNS)


def _weapon_of(token: Token) -> str | None:
    """The weapon word a noun is or is modified by ('Russian drones' -> 'drone')."""
    if token.lower_ in QUANTITY_HEADS or token.pos_ == "NUM":
        for obj in prep_objects(token, "of"):
            return _weapon_of(obj)
    for candidate in [token, *(c for c in token.children if c.dep_ in {"compound", "amod", "nmod"})]:
        for word in (_lemma(candidate), candidate.lower_):
            if word in lx.WEAPON_WORDS or (word in lx.WEAPON_CATEGORY and candidate is not token):
                return word
    return None


def _is_excluded(token: Token, family: str) -> bool:
    """Metaphors, hypothetical and negated mentions, labour strikes."""
    mods = [c for c in token.children if c.dep_ in {"compound", "amod", "det", "neg", "nmod"}]
    if any(_lemma(m) in lx.NON_VIOLENT_COMPOUNDS or m.lower_ in lx.NON_VIOLENT_COMPOUNDS for m in mods):
        return True
    if any(m.lower_ in lx.HYPOTHETICAL_MODIFIERS for m in mods) or any(c.dep_ == "neg" for c in token.children):
        return True
    if token.pos_ == "VERB":
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in lx.MODAL_AUX for c in token.children):
            return True
        if any(_lemma(o) in lx.NON_VIOLENT_OBJECTS for o in children(token, "dobj")):
            return True
        if token.dep_ == "xcomp" and _lemma(token.head) in lx.HYPOTHETICAL_GOVERNORS:
            return True
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether", "lest"} for c in token.children):
            return True  # "if attacked"
    if family == "strike" and token.head.lower_ == "on" and not any(c.dep_ == "det" for c in token.children):
        return True  # "went on strike"
    steps = 0
    for head in token.ancestors:
        steps += 1
        if steps > 3:
            break
        if _lemma(head) in lx.HYPOTHETICAL_GOVERNORS and head.pos_ == "VERB":
            return True
        if head.pos_ == "NOUN" and _lemma(head) in lx.HYPOTHETICAL_HEADS:
            return True
        if head.pos_ == "VERB" and head is not token:
            break
    return False


PARTITIVES = frozenset({"one", "two", "three", "some", "both", "each", "all", "several", "none", "many", "most"})


def anchor_of(trigger: Token) -> Token:
    """'one of the strikes' -> 'one' (the token that takes the clause role)."""
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in {"NUM", "PRON", "DET", "ADJ"}:
        if head.head.lower_ in PARTITIVES:
            return head.head
    return trigger


def governor_of(anchor: Token) -> Token | None:
    """The verb whose subject or object the (noun) trigger is."""
    if anchor.pos_ == "VERB" and trigger_family(anchor):
        return anchor
    if anchor.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and anchor.head.pos_ in {"VERB", "AUX"}:
        return anchor.head
    if anchor.dep_ == "pobj" and anchor.head.lower_ in {"under", "with"} and anchor.head.head.pos_ == "VERB":
        return anchor.head.head
    return None


def find_triggers(sent: Span) -> list[tuple[Token, str]]:
    """The event words of a sentence with their trigger family."""
    triggers: list[tuple[Token, str]] = []
    for token in sent:
        family = trigger_family(token)
        if family and not _is_excluded(token, family):
            triggers.append((token, family))
    trigger_ids = {t.i for t, _ in triggers}
    # a noun trigger compounded into another ("bombing attack") is part of it
    triggers = [(t, f) for t, f in triggers if not (t.dep_ == "compound" and t.head.i in trigger_ids)]
    # a verb whose subject is itself a trigger noun adds nothing ("the attack hit")
    noun_ids = {t.i for t, _ in triggers if t.pos_ != "VERB"}
    return [
        (t, f) for t, f in triggers
        if t.pos_ != "VERB" or f == "intercept" or not any(c.i in noun_ids for c in children(t, "nsubj", "nsubjpass"))
    ]


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
    if anchor.dep_ == "attr" and anchor.head.lemma_ == "be":
        mention.anaphoric, mention.new_event = True, False  # "It was the third such attack"
    if anchor is not trigger and anchor.lower_ == "both":
        mention.singular = False
    mention.count = _count(trigger)
    mention.actor = _actor(trigger, anchor)
    return mention


def _weapon_in_mention(trigger: Token) -> str | None:
    words = [trigger, *trigger.children]
    if trigger.lower_ in QUANTITY_HEADS or _lemma(trigger) in QUANTITY_HEADS:
        words += [t for o in prep_objects(trigger, "of") for t in (o, *o.children)]
    if trigger.pos_ == "VERB":
        words += [t for c in children(trigger, "nsubj", "nsubjpass", "dobj") for t in (c, *c.children)]
        if trigger.dep_ == "acl":
            words += [trigger.head, *trigger.head.children]
        for arg in children(trigger, "dobj", "nsubjpass"):
            if arg.lower_ in QUANTITY_HEADS or arg.pos_ == "NUM":
                words += [t for o in prep_objects(arg, "of") for t in (o, *o.children)]
    words += [c for w in list(words) if w.dep_ == "nmod" for c in w.conjuncts]
    for word in words:
        for key in (_lemma(word), word.lower_):
            if key in lx.WEAPON_CATEGORY and not (word is trigger and trigger.pos_ == "VERB"):
                if key in {"gun", "knife"} and word is not trigger:
                    continue
                return key
    return None


WEAPON_FAMILIES = frozenset({"attack", "strike", "shell", "raid", "shooting", "bomb", "blast", "ambush"})


def _category(trigger: Token, family: str, weapon: str | None) -> str:
    if family == "intercept":
        return "Disrupted weapons use"
    if any(c.lower_ == "suicide" for c in trigger.subtree if abs(c.i - trigger.i) <= 3):
        return "Suicide bomb"
    if weapon in {"bomb", "explosive"} and family not in {"blast", "bomb"} and weapon != _lemma(trigger):
        weapon_category = lx.WEAPON_CATEGORY[weapon]
        return weapon_category if family == "attack" else lx.FAMILY_CATEGORY.get(family, "Other")
    if weapon and family in WEAPON_FAMILIES:
        category = lx.WEAPON_CATEGORY[weapon]
        if category != "Attack" or family in {"attack", "raid", "shooting"}:
            return category
    return lx.FAMILY_CATEGORY.get(family, "Other")


def _count(trigger: Token) -> int | None:
    for child in trigger.children:
        if child.dep_ == "nummod":
            return lx.parse_number(child.text)
    if trigger.pos_ == "VERB" and trigger_family(trigger) == "intercept":
        for obj in children(trigger, "dobj"):
            if obj.pos_ == "NUM":
                return lx.parse_number(obj.text)
            for child in children(obj, "nummod"):
                return lx.parse_number(child.text)
    return None


def _resolve_pronoun(token: Token) -> str | None:
    """'it' in 'According to the US, it has carried out ...' or in 'the air force said it
    shot down ...' -> the speaker."""
    for head in token.ancestors:
        if head.lemma_.lower() in lx.REPORTING_VERBS and head.pos_ == "VERB":
            subjects = [s for s in children(head, "nsubj") if s.lower_ not in PRONOUNS]
            if subjects:
                return lx.clean_phrase(phrase_text(phrase_tokens(subjects[0], with_acl=False)))
    for candidate in token.sent:
        if candidate.lower_ == "according":
            for prep in candidate.children:
                for obj in children(prep, "pobj"):
                    return lx.clean_phrase(phrase_text(phrase_tokens(obj)), drop_article=False)
    return None


def _np(token: Token) -> str | None:
    if token.lower_ in PRONOUNS:
        return _resolve_pronoun(token)
    if token.pos_ in {"NUM"}:
        return None
    return lx.clean_phrase(phrase_text(phrase_tokens(token, with_acl=False)))


def _actor(trigger: Token, anchor: Token) -> str | None:
    if trigger.pos_ == "VERB":
        if is_passive(trigger) or trigger.dep_ == "acl":
            return next((_np(o) for o in prep_objects(trigger, "by")), None)
        subjects = children(trigger, "nsubj")
        if subjects:
            subject = subjects[0]
            if _weapon_of(subject) and _lemma(subject) not in lx.ATTACKER_NOUNS:
                owner = [c for c in subject.children
                         if c.dep_ in {"amod", "compound", "poss", "nmod"} and lx.actor_family(c.text)]
                return lx.readable_actor(owner[0].text) if owner else None
            return _np(subject)
        return None
    by_objects = prep_objects(trigger, "by")
    if by_objects:
        return _np(by_objects[0])
    between = prep_objects(trigger, "between")
    if between:  # "clashes between the army and the RSF": the first side
        return _np(between[0])
    for child in trigger.children:
        if child.dep_ == "poss":
            return _np(child) if child.lower_ not in PRONOUNS else _resolve_pronoun(child)
        if child.dep_ in {"compound", "amod", "nmod"} and lx.actor_family(child.text):
            return lx.readable_actor(child.text)
        named = child.pos_ == "PROPN" and child.ent_type_ in {"ORG", "NORP", "GPE"}
        if child.dep_ in {"compound", "amod", "nmod"} and named:
            return lx.clean_phrase(phrase_text(list(child.subtree)))
        if child.dep_ == "acl":
            for obj in prep_objects(child, "by"):
                return _np(obj)
    governor = governor_of(anchor)
    if governor is None or governor is trigger:
        return None
    lemma = _lemma(governor)
    if lemma in lx.SUFFER_VERBS:
        return None
    by_objects = prep_objects(governor, "by")
    if by_objects:
        return _np(by_objects[0])
    if anchor.dep_ == "dobj" and lemma in lx.LIGHT_VERBS:
        subjects = children(governor, "nsubj")
        return _np(subjects[0]) if subjects else None
    return None


VAGUE_TARGETS = frozenset({"most", "some", "all", "many", "several", "one", "none", "others", "it", "them", "majority"})


def target_heads(trigger: Token, anchor: Token) -> list[Token]:
    """Heads of the target phrases: 'against X', 'on X', 'targeting X and Y', 'X were attacked'."""
    if trigger.pos_ == "VERB":
        if _lemma(trigger) in lx.WEAPON_OBJECT_VERBS:
            heads: list[Token] = []
        elif is_passive(trigger):
            heads = children(trigger, "nsubjpass")
        else:
            heads = children(trigger, "dobj")
        heads = heads or [o for o in prep_objects(trigger, "on", "against", "at", "toward", "towards")
                          if o.ent_type_ not in {"DATE", "TIME"}]
    else:
        heads = prep_objects(trigger, "against", "on", "targeting", "at")
        between = prep_objects(trigger, "between")
        if not heads and between and between[0].conjuncts:
            return [between[0].conjuncts[0]]
    governor = governor_of(anchor)
    holders = [trigger] + ([governor] if governor is not None and governor is not trigger else [])
    if not heads and governor is not None and governor is not trigger:
        lemma = _lemma(governor)
        if lemma in lx.SUFFER_VERBS and anchor.dep_ == "dobj":
            heads = children(governor, "nsubj")
        elif lemma in lx.HAPPEN_VERBS and anchor.dep_ == "nsubj" and lemma not in {"take", "occur", "happen", "be"}:
            heads = children(governor, "dobj")
        elif lemma in lx.LIGHT_VERBS and anchor.dep_ == "dobj":
            heads = [o for o in prep_objects(governor, "at", "on", "against", "toward", "towards", "into")
                     if o.ent_type_ not in {"DATE", "TIME"}]
    if not heads:
        for holder in holders:
            for child in holder.children:
                if child.dep_ in {"advcl", "acl", "xcomp", "conj"} and _lemma(child) == "target":
                    heads = children(child, "dobj")
                    break
            if heads:
                break
    heads = [h for h in heads if h.lower_ not in VAGUE_TARGETS or prep_objects(h, "of")]
    weapon_object = bool(heads) and _weapon_of(heads[0]) is not None and trigger.pos_ == "VERB"
    if heads and not (heads[0].pos_ == "PRON" or weapon_object and trigger_family(trigger) != "intercept"):
        return [heads[0], *heads[0].conjuncts]
    return heads[:1]
