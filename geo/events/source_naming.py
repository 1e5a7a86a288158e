"""The proper name a source described by a common noun goes by: the name it calls itself ('a militia
coalition calling itself X'), its apposition ('an umbrella group, X'), or the body the text named a
little earlier ('the EU's Aspides mission ..., the mission said'). Used by ``geo.events.sources``."""

from __future__ import annotations

from spacy.tokens import Token

NAMING_VERBS = frozenset({"call", "know", "name", "style"})


def called(head: Token) -> Token | None:
    """'a militia coalition calling itself the Islamic Front', 'an umbrella group, the Islamic Front':
    the name a described body goes by."""
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "ORG":
            return child
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
            return next((c for c in child.children if c.dep_ in {"oprd", "attr"} and c.pos_ == "PROPN"), None)
    return None


BODY_NOUNS = frozenset({"mission", "coalition", "agency", "ministry", "command", "council", "committee", "office",
                        "organisation", "organization", "force", "alliance", "movement", "front"})


def named_before(head: Token) -> Token | None:
    """'A frigate sailing with the EU's Aspides mission shot down a missile, the mission said': the
    body named by its proper name a little earlier in the text."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in BODY_NOUNS or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children) or any(c.pos_ == "PROPN" for c in head.children):
        return None
    doc = head.doc
    for token in reversed(doc[max(0, head.sent.start - 60):head.i]):
        if token.lemma_.lower() == head.lemma_.lower() and any(
                c.dep_ in {"compound", "poss", "amod"} and c.pos_ == "PROPN" for c in token.children):
            return token
    return None


__all__ = ["BODY_NOUNS", "NAMING_VERBS", "called", "named_before"]
