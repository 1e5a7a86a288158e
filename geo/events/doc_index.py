"""What the event rules ask of a whole Doc, answered from indexes built once per Doc, so that asking
it for every mention of a long text stays linear (``Doc.ents`` builds every entity on each access;
a pass over every token per mention is quadratic).

    entity_at(token)            # the named entity holding a token, from its IOB tags
    tokens_spelled(doc, "X")    # every token of the text spelled so
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

__all__ = ["entity_at", "tokens_spelled"]

_SPELLINGS_KEY = "geo.tokens_by_text"  # where tokens_spelled keeps its index of a Doc


def entity_at(token: Token) -> Span | None:
    """The entity ``token`` is part of (the span its IOB tags mark, with its label), or None."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def tokens_spelled(doc: Doc, text: str) -> list[Token]:
    """The tokens of ``doc`` whose text is ``text``, in order."""
    if (index := doc.user_data.get(_SPELLINGS_KEY)) is None:
        index = doc.user_data[_SPELLINGS_KEY] = {}
        for token in doc:
            index.setdefault(token.text, []).append(token.i)
    return [doc[i] for i in index.get(text, ())]
