"""Repairs of the small parser's commonest slips that the trigger rules depend on. Used by
``geo.events.triggers``; imports only spaCy types."""

from __future__ import annotations

from spacy.tokens import Token

# Words that open a clause of time but that the parser may read as a preposition taking the clause's subject
# ("hours after rockets were fired at X": "rockets" the object of "after", "were fired" left without a subject).
CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "as", "when", "while"})


def passive_subjects(verb: Token) -> list[Token]:
    """The subject of a passive verb, also when the parser left it none and hung it on the word opening the
    clause ("hours after rockets and a drone were fired at X": rockets, a drone)."""
    found = [c for c in verb.children if c.dep_ == "nsubjpass"]
    auxiliary = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if found or auxiliary is None or auxiliary.i <= verb.sent.start:
        return found
    before = verb.doc[auxiliary.i - 1]  # the last word of the subject, right before "were"
    head = before.head if before.dep_ == "conj" else before
    if head.pos_ not in {"NOUN", "PROPN"} or head.dep_ != "pobj" or head.head.lower_ not in CLAUSE_OPENERS:
        return []
    return [head, *head.conjuncts]
