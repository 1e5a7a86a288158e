"""How far a place name reaches: the tagger often cuts one short.

spaCy splits "Deir ez-Zor" after "Deir", leaves "air base" out of "Ain al-Asad air base", "Gulf of"
out of "Gulf of Aden", and the Arabic article out of "As Sukhnah" or "Ar Raqqah" (leaving "As", which
the gazetteer also knows: a Czech town). ``widen`` grows an entity's span to the longest name around
it that the gazetteer knows. ``capitalised_runs`` and ``subspans_longest_first`` give the runs of
capitalised words no entity covers, and their parts, longest first, for the gazetteer to try.

Used by ``geo.places.recognize`` and ``recognize_spans``; imports the places lexicon and the words the
gazetteer names districts with ("Djugu territory").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

from geo.gazetteer import DISTRICT_WORDS
from geo.places.lexicon import (CITY_WORDS, CONNECTORS, DIRECTION_WORDS, FACILITY_WORDS, LOCAL_BODY_WORDS,
                                PLACE_TYPE_WORDS, PROVINCE_WORDS, TITLES, TRUSTED_LABELS)
from geo.syntax import ARABIC_ARTICLES, ARABIC_FEATURE_WORDS

__all__ = ["ARABIC_ARTICLES", "capitalised_runs", "complete_cut_names", "is_capitalised", "join_split_name",
           "names_an_arabic_feature", "subspans_longest_first", "widen"]

_MAX_EXTRA_TOKENS = 4
# Lower-case words a name may end with ("air base", "territory", "the X nuclear power plant") ...
_NAMED_WITH = FACILITY_WORDS | DISTRICT_WORDS | {"plant", "station", "peninsula"}
# ... and run through ("the Zaporizhzhia nuclear power plant", "the Kakhovka hydroelectric dam").
_RUN_THROUGH = frozenset({"nuclear", "power", "hydroelectric", "thermal"})


def widen(span: Span, known: Callable[[str], bool], lower_words: frozenset[str] = frozenset()) -> Span:
    """The longest name around ``span`` that ``known`` accepts: the article or the first word before it ("As Sukhnah",
    "Debre Markos"), "<Name> of" before it ("Gulf of Aden"), and up to four words after it ("Deir ez-Zor",
    "Ain al-Asad air base", "Djugu territory"). A span the tagger ran past a name into a title's words ("North
    Darfur Town Kills Dozens") is first cut to the name: the longest start of it ``known`` accepts, when the
    rest holds a word the text writes in lower case (``lower_words``) that is no word a name ends with or runs
    through ("Wadi al-Shati" is one name, not "Wadi")."""
    doc = span.doc
    if len(span) > 1 and not known(span.text):
        for end in range(span.end - 1, span.start, -1):
            rest = {t.lower_ for t in doc[end:span.end] if t.is_alpha}
            if known(doc[span.start:end].text) and (rest & lower_words) - _NAMED_WITH - PROVINCE_WORDS - CONNECTORS:
                span = doc[span.start:end]
                break
    best = span
    article = doc[span.start - 1] if span.start > 0 else None
    if article is not None and article.lower_ in ARABIC_ARTICLES and article.text[0].isupper() and (
            known(doc[span.start - 1:span.end].text)):
        span = best = doc[span.start - 1:span.end]
    first = doc[span.start - 1] if span.start > 1 else None  # "Debre Markos", the tagger's entity "Markos"
    if first is not None and first.is_alpha and first.is_title and not first.is_sent_start and (
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
                                          or doc[end - 1].lower_ in _NAMED_WITH | _RUN_THROUGH or of_the):
            break
        longer = doc[span.start:end]
        last = doc[end - 1]
        if not (is_capitalised(last) or last.lower_ in _NAMED_WITH):
            continue
        if known(longer.text):
            best = longer
    return best


def capitalised_runs(doc: Doc, taken: list[bool], max_tokens: int) -> list[Span]:
    """Maximal runs of capitalised tokens (with name connectors inside) not in an entity."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        if taken[i] or not is_capitalised(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and not taken[end] and end - i < max_tokens:
            token = doc[end]
            if is_capitalised(token):
                end += 1
            elif (token.lower_ in CONNECTORS and end + 1 < len(doc) and not taken[end + 1]
                  and (is_capitalised(doc[end + 1]) or doc[end + 1].text == "-")):
                end += 1
            elif (token.text == "-" and not doc[end - 1].whitespace_ and not token.whitespace_ and end + 1 < len(doc)
                  and not taken[end + 1] and is_capitalised(doc[end + 1])):
                end += 1  # "Al-Harmon": one word the tokenizer cut at its hyphen
            else:
                break
        while end > i + 1 and not is_capitalised(doc[end - 1]):
            end -= 1
        runs.append(doc[i:end])
        i = end
    return runs


def is_capitalised(token: Any) -> bool:
    """A capitalised word, or a capitalised abbreviation with periods ("W.Va.", "Ala."), or a name
    with an apostrophe inside ("Sana'a", "Ma'arrat")."""
    text = token.text
    if "." in text and len(text) > 2:
        return text[:1].isupper() and text.replace(".", "").isalpha()
    if "'" in text[1:-1] or "’" in text[1:-1]:  # not "O'Brien": a capital after it is a surname's
        inner = text.replace("’", "'").split("'")
        return (text[:1].isupper() and len(text) > 3 and all(part.isalpha() for part in inner)
                and all(part[:1].islower() for part in inner[1:]))
    return token.is_alpha and text[:1].isupper() and (len(text) > 1)


def names_an_arabic_feature(span: Span) -> bool:
    """'Ras al-Ain', 'Wadi al-Shati', 'Tall al-Hawa': a word for a cape, a valley or a hill, then a name joined by
    its article, names a place; the tagger often takes it for a person's name."""
    return len(span) > 2 and span[0].lower_ in ARABIC_FEATURE_WORDS and span[1].lower_ in ARABIC_ARTICLES and (
        span[2].text in {"-", "–"})


def subspans_longest_first(run: Span) -> list[Span]:
    """The parts of a run of capitalised words, longest first; not a word that begins a name cut from the
    name it begins ("Ras" of "Ras Isa", "Wadi" of "Wadi Kelmar": a cape or a valley, no place of its own)."""
    spans = []
    for size in range(len(run), 0, -1):
        for start in range(0, len(run) - size + 1):
            sub = run[start:start + size]
            cut_prefix = sub[-1].lower_ in ARABIC_FEATURE_WORDS and start + size < len(run)
            if is_capitalised(sub[0]) and is_capitalised(sub[-1]) and not cut_prefix:
                spans.append(sub)
    return spans


_NOT_A_NAMES_WORD = (CITY_WORDS | DIRECTION_WORDS | FACILITY_WORDS | LOCAL_BODY_WORDS | PLACE_TYPE_WORDS
                     | PROVINCE_WORDS | TITLES | DISTRICT_WORDS | {"army", "forces"})


def old_name_heading(span: Span, run: Span, main_name: Callable[[str], bool]) -> bool:
    """'Majdal Zoun': the first words of a longer name the gazetteer lacks are no place when they match only
    another town's other name (Majdal, Ashkelon's old name) and the words after them go on with the name,
    no designation or title ('Kharkiv Oblast', 'Sumy Governor')."""
    rest = run.doc[span.end:run.end]
    return (span.start == run.start and len(rest) > 0 and not main_name(span.text)
            and all(t.is_alpha and t.is_title and t.lower_ not in _NOT_A_NAMES_WORD for t in rest))


def join_split_name(span: Span, label: str) -> Span:
    """'near Khor Taqqat', tagged 'Khor' a place and 'Taqqat' a person: the tagger split a name it did not know,
    and the place is the whole of it. Not a title or a designation after a name ('Kyiv Mayor'), a person's full
    name ('ambassador to Egypt Dan Kurtzer'), a dateline ('WASHINGTON Barack Obama') or a name inside a longer
    one ('Keep Britain Tidy')."""
    doc, last = span.doc, span[-1]
    after = next((e for e in doc.ents if e.start == span.end), None)
    if label not in TRUSTED_LABELS or after is None or after.label_ != "PERSON" or len(after) > 1 or (
            last.whitespace_ != " " or not last.is_alpha or last.is_upper or after[0].sent != last.sent):
        return span
    word, before = after[0], doc[span.start - 1] if span.start > last.sent.start else None
    if not (word.is_alpha and word.is_title) or word.lower_ in _NOT_A_NAMES_WORD or (before is not None and (
            before.is_title or before.is_upper)):
        return span
    return doc[span.start:after.end]


def complete_cut_names(found: list[tuple[Span, Any]]) -> list[tuple[Span, Any]]:
    """One name, one extent: a span whose words open a longer name found elsewhere in the text, and which the
    text goes on with ("Ceel" of "retreating from Ceel God", where "the village of Ceel God" was found), is
    that name, not the shorter one ("Ceel", a spelling of Eyl). Spans the longer one swallows are dropped."""
    if not found:
        return found
    doc = found[0][0].doc
    names = {span.text: len(span) for span, _ in found if len(span) > 1}
    grown: list[tuple[Span, Any]] = []
    longer: list[Span] = []
    for span, info in found:
        sizes = [size for name, size in names.items() if size > len(span) and span.start + size <= len(doc)
                 and doc[span.start:span.start + size].text == name]
        if sizes:
            span = doc[span.start:span.start + max(sizes)]
            longer.append(span)
        grown.append((span, info))
    return [(span, info) for span, info in grown if not any(
        other.start < span.end and span.start < other.end and (other.start, other.end) != (span.start, span.end)
        and len(other) > len(span) for other in longer)]
