"""What a mention takes from another mention of its sentence: the place and day of the act in whose phrase
it is told ('a missile fired at X was intercepted in Y'), never those of an act its clause only dates
('struck X, hours after rockets were fired at Y').

Used by ``geo.events.context``; imports the events wing's mentions only.
"""

from __future__ import annotations

from spacy.tokens import Token

from geo.events.mentions import Mention, Part

__all__ = ["inherit_places"]


def inherit_places(mentions: list[Mention]) -> None:
    """A mention inside another's phrase ('a missile fired at X was intercepted in Y') shares
    its place and date."""
    for mention in mentions:
        donors = [o for o in mentions if o is not mention and not (mention.cue == "attack" and o.cue == "response")
                  and not (mention.trigger.dep_ == "conj" and mention.trigger.head.i == o.trigger.i)]  # its own act
        answer = mention.cue == "response" and mention.family not in {"intercept", "defence"}
        places_from = [o for o in donors if not (answer and o.cue != "response" and o.actor and o.actor != (
            mention.actor))]  # "rebels fired at a tanker in the Red Sea, and U.S. forces answered with strikes on
        # the launch sites": not in the Red Sea (the other side's act)
        for other in donors:
            if mention.date is None and other.date is not None and (
                    mention.trigger.i in {t.i for t in other.trigger.subtree}):
                mention.date, mention.date_precision = other.date, other.date_precision
        stopped = [o for o in mentions if o is not mention and o.date is not None
                   and o.trigger.i in {t.i for t in mention.trigger.subtree}]
        if mention.family == "intercept" and mention.date is None and stopped:
            mention.date, mention.date_precision = stopped[0].date, stopped[0].date_precision  # the same night
        if any(p.place for p in mention.parts):
            continue
        for other in places_from:
            if not any(p.place for p in other.parts) or _the_time_of(mention.trigger, other.trigger) or (
                    mention.family not in {"intercept", "defence"} and _a_clause_of_its_own(mention.trigger,
                                                                                            other.trigger)):
                continue  # (not "struck X, hours after rockets were fired at Y": the rockets were not at X; not
                # "rockets hit X, and jets answered with strikes on villages": the jets' clause says no place; but
                # "drones were launched at X, and a destroyer shot down two": where they were aimed)
            if mention.trigger.i in {t.i for t in other.trigger.subtree}:
                donor = next(p for p in other.parts if p.place)
                for part in mention.parts or [Part(target=None)]:
                    part.place, part.place_prep, part.extra_places = donor.place, donor.place_prep, donor.extra_places
                if not mention.parts:
                    mention.parts = [Part(target=None, place=donor.place, place_prep=donor.place_prep)]
                break


def _the_time_of(inner: Token, outer: Token) -> bool:
    """The act of a clause that tells when another was done ('X struck, hours after rockets were fired')."""
    token = inner
    while token.i != outer.i and token.head.i != token.i:
        if token.lower_ in TIME_LINKS or any(c.dep_ == "mark" and c.lower_ in TIME_LINKS for c in token.children):
            return True
        token = token.head
    return False


def _a_clause_of_its_own(inner: Token, outer: Token) -> bool:
    """The act of a coordinated clause with a subject of its own ('X was hit, and jets struck Y')."""
    token = inner
    while token.i != outer.i and token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            return True
        token = token.head
    return False


TIME_LINKS = frozenset({"after", "before", "following", "since", "until"})
