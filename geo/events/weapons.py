"""What the nouns of an act are: the weapon a noun names or is modified by ('Russian drones' -> drone), a thing in
flight that can be shot down, an air defence, an act's own noun ('the strike'); and the lemma as the tagger should
have given it. Used by ``geo.events.triggers`` and the rules that read actors, targets, dates and places; imports
the events wing's lexicons and ``geo.syntax``."""

from __future__ import annotations

from spacy.tokens import Token

from geo.events import context_words as elx, lexicon as lx
from geo.syntax import children, dateline_length, prep_objects


def lemma_of(token: Token) -> str:
    """The token's lemma; a plural the tagger took for a name because it opens the sentence or follows its
    dateline ('Rockets were fired at ...', 'JERUSALEM — Rockets slammed into ...', lemma 'Rockets') is read as
    the noun it is."""
    lower = token.lemma_.lower()
    if token.pos_ == "PROPN" and token.is_title and lower.endswith("s") and not lower.endswith("ss") and (
            _opens_the_sentence(token)):
        return lower[:-1]
    return lower


def _opens_the_sentence(token: Token) -> bool:
    """First in its sentence, or first after a dateline's dash ('KHARTOUM, Sudan (Wire) — Drones')."""
    before = token.doc[token.sent.start:token.i]
    return token.is_sent_start or (0 < len(before) <= 10 and before[-1].text in {"—", "–", "--", "-"})


def is_airborne(token: Token) -> bool:
    """What can be shot down: a weapon or aircraft, a number of them, or a pronoun or a share for them ('most')."""
    return (token.pos_ in {"NUM", "PRON"} or lemma_of(token) in AIRBORNE_NOUNS or weapon_of(token) is not None
            or (token.lower_ in elx.SHARE_WORDS and not prep_objects(token, "of"))
            or any(weapon_of(o) for o in prep_objects(token, "of")))


QUANTITY_HEADS = frozenset({"dozen", "dozens", "hundred", "hundreds", "number", "barrage", "wave", "salvo", "hail",
                            "series", "swarm", "volley", "score", "scores", "thousand", "thousands"})
AIRBORNE_NOUNS = frozenset({"plane", "airplane", "airliner", "balloon", "projectile", "satellite", "fighter"})


def doers(verb: Token) -> list[Token]:
    agents = [o for a in children(verb, "agent") for o in children(a, "pobj")]
    return children(verb, "nsubj") + agents + [c for a in agents for c in a.conjuncts]


def is_air_defence(token: Token) -> bool:
    """'air defences', 'Israeli air defense systems', 'the base's counter-rocket system', 'Iron Dome'."""
    phrase = token.doc[min(t.i for t in token.subtree) : token.i + 1].text.lower()
    if token.lower_ in elx.AIR_DEFENCE_WORDS or set(phrase.split()) & elx.AIR_DEFENCE_WORDS:
        return True
    defended = lemma_of(token) in {"defence", "defense", "system", "battery", "unit"}
    return defended and elx.AIR_DEFENCE_RE.search(phrase) is not None


def is_projectile(token: Token) -> bool:
    """A missile, rocket, drone or other thing in flight, or a number of them ('three of the drones')."""
    if token.pos_ == "NUM" or token.lower_ in QUANTITY_HEADS or token.lower_ in elx.SHARE_WORDS:
        return any(is_projectile(o) for o in prep_objects(token, "of"))
    lemma = lemma_of(token)
    if lemma in elx.PROJECTILE_NOUNS or token.lower_ in elx.PROJECTILE_NOUNS:
        return True
    return lemma in {"vehicle", "system", "aircraft", "vessel"} and any(  # "unmanned aerial vehicles"
        c.lower_ in elx.UNCREWED_WORDS for c in token.children if c.dep_ in {"amod", "compound"})


def is_event_noun(token: Token) -> bool:
    lemma = lemma_of(token)
    return token.pos_ in {"NOUN", "PROPN"} and (lemma in lx.EVENT_NOUNS or token.lower_ in lx.EVENT_NOUNS)


def weapon_of(token: Token) -> str | None:
    """The weapon word a noun is or is modified by ('Russian drones' -> 'drone')."""
    if token.lower_ in QUANTITY_HEADS | {"group", "pair", "flight"} or token.pos_ == "NUM":  # "a group of drones"
        for obj in prep_objects(token, "of"):
            return weapon_of(obj)
    for candidate in [token, *(c for c in token.children if c.dep_ in {"compound", "amod", "nmod"})]:
        for word in (lemma_of(candidate), candidate.lower_):
            if word in lx.WEAPON_WORDS or (word in lx.WEAPON_CATEGORY and candidate is not token):
                return word
        if lx.AIRCRAFT_MODEL_RE.fullmatch(candidate.text):
            return "aircraft"  # "Two F-16s struck", "an MQ-9 Reaper", "Su-25 jets"
    return None


def fired_in_defence(verb: Token) -> bool:
    """'A Patriot battery fired interceptors at incoming rockets', 'air defences fired at the drones', 'the crew
    launched two missiles to defend the base'; not 'fired missiles at the ship to protect the country'."""
    if any(lemma_of(o) == "interceptor" for o in children(verb, "dobj")) or any(is_air_defence(d) for d in doers(verb)):
        return True
    purposes = [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and any(  # "to defend", not "..., most
        a.lower_ == "to" for a in children(c, "aux"))]  # of which were intercepted": what became of them
    return any(lemma_of(c) in {"defend", "protect", "intercept"} for c in purposes) and all(
        is_projectile(o) for o in prep_objects(verb, "at", "on", "against"))


def launched_before(verb: Token) -> list[Token]:
    """'Rockets fired from Lebanon hit the town', parsed as the rockets firing and 'hit' hung on it without a
    subject, or with the dateline for subject ('JERUSALEM — Rockets fired from ...' taken for the city's
    rockets): the weapons launched are what did the act of the verb after."""
    launch = verb.head
    if verb.dep_ == "dep" and verb.i > launch.i and not children(verb, "nsubj", "nsubjpass") and (
            lemma_of(launch) in LAUNCH_VERBS and launch.tag_ == "VBD"):
        return [s for s in children(launch, "nsubj") if is_projectile(s)]
    launches = [(subject, launch) for subject in children(verb, "nsubj") for launch in children(subject, "acl")
                if lemma_of(launch) in LAUNCH_VERBS and launch.i < verb.i]
    if not launches:
        return []
    dateline_end = verb.sent.start_char + dateline_length(verb.sent.text)
    return [s for subject, launch in launches if subject.idx < dateline_end
            for s in children(launch, "nsubj") if is_projectile(s)]


LAUNCH_VERBS = frozenset({"fire", "launch"})


def sets_fire(verb: Token) -> bool:
    """'set fire to homes': what burned is the object of 'to', not the fire."""
    return lemma_of(verb) == "set" and any(lemma_of(o) == "fire" for o in children(verb, "dobj"))
