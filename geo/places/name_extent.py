"""How far a place name reaches: the tagger often cuts one short.

spaCy splits "Deir ez-Zor" after "Deir", leaves "air base" out of "Ain al-Asad air base", "Gulf of"
out of "Gulf of Aden", and the Arabic article out of "As Sukhnah" or "Ar Raqqah" (leaving "As", which
the gazetteer also knows: a Czech town). ``widen`` grows an entity's span to the longest name around
it that the gazetteer knows.

Used by ``geo.places.recognize``; imports the places lexicon and span helpers only.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from geo.places.lexicon import CONNECTORS, FACILITY_WORDS
from geo.places.recognize_spans import is_capitalised

__all__ = ["ARABIC_ARTICLES", "widen"]

# The Arabic article as it is transliterated before a name ("Al Qaim", "As Suwayda", "Ad Dawr").
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "at", "ar", "az", "an", "ath", "adh", "ed", "es", "er"})
_MAX_EXTRA_TOKENS = 4


def widen(span: Span, known: Callable[[str], bool]) -> Span:
    """The longest name around ``span`` that ``known`` accepts: the article before it ("As Sukhnah"),
    "<Name> of" before it ("Gulf of Aden"), and up to four words after it ("Deir ez-Zor",
    "Ain al-Asad air base")."""
    doc, best = span.doc, span
    article = doc[span.start - 1] if span.start > 0 else None
    if article is not None and article.lower_ in ARABIC_ARTICLES and article.text[0].isupper() and (
            known(doc[span.start - 1:span.end].text)):
        span = best = doc[span.start - 1:span.end]
    wider = doc[max(0, span.start - 2):span.end]  # "<Name> of X"
    if len(wider) == len(span) + 2 and wider[1].lower_ == "of" and is_capitalised(wider[0]) and known(wider.text):
        span = best = wider
    for extra in range(1, _MAX_EXTRA_TOKENS + 1):
        end = span.end + extra
        if end > len(doc) or not (doc[end - 1].is_alpha or doc[end - 1].text in {"-", "–"}):
            break
        if doc[end - 2].text.endswith(".") and (doc[end - 1].is_sent_start or doc[end - 1].is_stop):
            break  # "Huntsville, Ala. An official said": the name ends with its sentence
        of_the = doc[end - 1].lower_ == "the" and doc[end - 2].lower_ == "of"  # "Republic of the Congo"
        if doc[end - 1].is_alpha and not (doc[end - 1].lower_ in CONNECTORS or is_capitalised(doc[end - 1])
                                          or doc[end - 1].lower_ in FACILITY_WORDS or of_the):
            break
        longer = doc[span.start:end]
        last = doc[end - 1]
        if not (is_capitalised(last) or last.lower_ in FACILITY_WORDS):
            continue
        if known(longer.text):
            best = longer
    return best
