"""Acts told by a verb and its particle or object rather than by an event word: defence ('beat back an
assault', 'fought off the attackers', 'foiled an attack', 'returned fire'), retaliation ('hit back'),
interception ('engaged the incoming missiles'), blast ('a bomb tore through a convoy'), attack ('inflicted
losses on the enemy', 'came at our positions'), bombing ('set off a car bomb') and abduction ('seized 12
passengers'); and the act told from the side of those it struck ('came under fire'). Used by ``geo.events.triggers``,
``linking`` and ``not_events``; imports only the events wing's word lists and ``geo.syntax``.
"""

from __future__ import annotations

from spacy.tokens import Token

from geo.events import context_words as elx
from geo.events import lexicon as lx
from geo.syntax import children, sentence_before

__all__ = ["came_under", "phrasal_family"]

REPELLING_VERBS = frozenset({"beat", "fight", "drive", "push", "fend", "hold"})  # "... back/off the assault"
FOILING_VERBS = frozenset({"foil", "thwart", "repel", "repulse"})  # "foiled an attack" (not "stopping the gunman")
STOPPING_VERBS = frozenset({"stop", "halt", "blunt"})  # "both assaults were stopped": an act, not a person, stopped
STOPPED_ACTS = frozenset({"attack", "assault", "raid", "offensive", "advance", "incursion", "push"})
ASSAULT_WORDS = frozenset({"attack", "assault", "attacker", "assailant", "raid", "offensive", "advance", "incursion",
                           "gunman", "militant", "insurgent", "fighter"})
# People seizing whom is an abduction (a town, a ship or weapons seized is not).
SEIZED_PEOPLE = elx.PERSON_NOUNS | frozenset({"people", "civilian", "villager", "resident", "worshipper", "passenger",
                                              "child", "farmer", "pupil", "schoolgirl", "schoolboy", "hostage",
                                              "traveller", "traveler", "teacher", "trader"})
INCOMING_WORDS = frozenset({"missile", "rocket", "drone", "projectile", "uav", "uas", "asbm", "ascm"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def phrasal_family(verb: Token) -> str | None:
    """The family of an act a phrasal verb tells, or None."""
    lemma = _lemma(verb)
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}
    passive = REPELLING_VERBS | FOILING_VERBS | STOPPING_VERBS | {"engage"}  # "the attackers were driven back"
    objects = children(verb, "dobj") or [s for s in children(verb, "nsubjpass") if lemma in passive]
    if lemma in {"hit", "strike"} and "back" in particles and not objects:
        return "retaliation"  # "Israel hit back with air strikes", "Ukraine struck back overnight"
    if lemma in {"tear", "rip"} and any(c.lower_ == "through" for c in verb.children) and any(
            _lemma(s) in BLAST_OBJECTS | {"explosion"} for s in children(verb, "nsubj")):
        return "blast"  # "a roadside bomb tore through a convoy", "an explosion ripped through the market"
    if lemma == "return" and any(_lemma(o) == "fire" for o in objects):
        return "defence"  # "guards returned fire"
    if lemma == "exchange" and any(_lemma(o) in {"fire", "gunfire", "shot"} for o in objects):
        return "clash"  # "troops exchanged fire with the gang"
    assaults = any(_lemma(o) in ASSAULT_WORDS for o in objects)
    if lemma in REPELLING_VERBS and particles & {"back", "off"} and assaults:
        return "defence"  # "troops beat back an assault on the base", "fought off the attackers"
    if lemma in REPELLING_VERBS | {"chase", "force"} and _out_of(verb) and any(
            _lemma(o) in {"attacker", "assailant", "gunman", "gunmen", "raider"} for o in objects):
        return "defence"  # "soldiers pushed the assailants out of the town" (those who attacked it)
    if lemma in FOILING_VERBS - set(lx.EVENT_VERBS) and assaults or (
            lemma in STOPPING_VERBS and any(_lemma(o) in STOPPED_ACTS for o in objects)):
        return "defence"  # "soldiers foiled an attack on a checkpoint", "both assaults were stopped"
    if lemma == "engage" and any(_lemma(o) in INCOMING_WORDS for o in objects):
        return "intercept"  # "Patriot batteries engaged the incoming missiles"
    if lemma in {"engage", "destroy", "defeat", "neutralize", "neutralise"} and any(
            _counted_threat(o) or _counted_back(o) for o in objects):  # "the destroyer engaged and destroyed all four
        return "intercept"  # threats" (not "the threat posed by X"), "... all four" after drones were launched
    if lemma in {"bring", "knock", "take"} and "down" in particles and any(
            _lemma(w).rstrip("s") in INCOMING_WORDS
            for o in objects for w in (o, *(p for c in o.children if c.lower_ == "of" for p in c.children))):
        return "intercept"  # "air defences brought down seven drones", "knocked down 14 of the rockets"
    if lemma == "come" and any(_lemma(o) in ASSAILED_SITES for p in children(verb, "prep") if p.lower_ == "at"
                               for o in children(p, "pobj")) and _armed_subject(verb):
        return "attack"  # "the rebels came at our positions from three sides"
    harm = [o for o in objects if _lemma(o) in elx.INFLICTED_HARM]
    if lemma == "inflict" and harm and _armed_subject(verb) and any(
            p.lower_ in {"on", "upon"} and any(o.ent_type_ not in {"DATE", "TIME"} for o in children(p, "pobj"))
            for h in (verb, *harm) for p in children(h, "prep")):
        return "attack"  # "units inflicted defeat on formations of a brigade", "inflicted heavy losses on the enemy"
    seized = children(verb, "dobj", "nsubjpass") + ([verb.head] if verb.dep_ == "relcl" else [])
    if lemma in {"seize", "snatch", "grab"} and any(_lemma(o) in SEIZED_PEOPLE for o in seized):
        return "abduction"  # "gunmen seized 12 passengers", "worshippers who were seized from a mosque"
    if lemma == "set" and "off" in particles and any(_lemma(o) in BLAST_OBJECTS for o in objects):
        return "blast"  # "militants set off a car bomb outside a hotel" (not "set off an alarm")
    return None


# What armed men "came at": the positions, posts and camps of the other side.
ASSAILED_SITES = frozenset({"position", "post", "outpost", "base", "camp", "checkpoint", "garrison", "line",
                            "trench", "convoy", "barracks"})


def _armed_subject(verb: Token) -> bool:
    """Whether the verb's subject is armed men or a named side ('units', 'the rebels', 'the M23'), not 'the drought'."""
    return any(_lemma(s) in lx.ARMED_NOUNS | lx.ATTACKER_NOUNS or s.ent_type_ in {"ORG", "NORP", "GPE"}
               for s in children(verb, "nsubj"))


def _out_of(verb: Token) -> bool:
    """'... out of the town': a preposition 'out' (or a particle) followed by 'of'."""
    return any(c.lower_ == "out" and c.dep_ in {"prep", "prt", "advmod"} and any(g.lower_ == "of" for g in c.children)
               for c in verb.children) or any(c.lower_ == "out" and c.dep_ == "prt" for c in verb.children)


def _counted_threat(noun: Token) -> bool:
    """'all four threats', 'both threats', 'the threat': incoming weapons in a military release's words."""
    return _lemma(noun) == "threat" and any(c.dep_ in {"nummod", "det", "predet"} for c in noun.children) and not any(
        c.dep_ in {"prep", "acl", "relcl"} for c in noun.children)


def _counted_back(noun: Token) -> bool:
    """'destroyed all four', 'destroyed them', 'destroyed three of them': a number or a pronoun standing for the
    weapons told just before (in this sentence or the one before it)."""
    counted = [o for p in children(noun, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
    if counted and not all(o.lower_ == "them" for o in counted):
        return False
    if not counted and noun.lower_ not in {"them", "both", "all"} and noun.pos_ != "NUM":
        return False
    before = sentence_before(noun)
    start = before.start if before is not None else noun.sent.start
    return any(t.tag_ == "NNS" and _lemma(t) in elx.PROJECTILE_NOUNS for t in noun.doc[start:noun.i])


BLAST_OBJECTS = elx.BLAST_DEVICES | {"bomb", "blast"}


BLAZE_NOUNS = frozenset({"blaze", "fire", "flame", "wildfire", "inferno"})


def fights_a_fire(token: Token) -> bool:
    """'Firefighters battle a blaze', 'fighting the fire': a verb of fighting whose object burns, no act."""
    return token.lemma_.lower() in {"battle", "fight", "combat"} and any(
        c.dep_ in {"dobj", "npadvmod"} and c.lemma_.lower() in BLAZE_NOUNS for c in token.children)


def counted_off(subject: Token) -> bool:
    """'One strike hit a depot near X. The second destroyed a hub near Y.': the next of the acts counted off."""
    before = sentence_before(subject)
    if subject.lower_ not in {"second", "third", "other", "latter"} or before is None:
        return False
    return any(t.dep_ == "nsubj" and (t.lower_ in lx.EVENT_NOUNS or t.lemma_.lower() in lx.WEAPON_CATEGORY) and any(
        c.lower_ == "one" for c in t.children) for t in before)


def came_under(token: Token) -> bool:
    """'X came under fire', 'came under attack': an act told from the side of the one it struck."""
    under = token.head
    return under.lower_ == "under" and under.head.lemma_.lower() == "come"
