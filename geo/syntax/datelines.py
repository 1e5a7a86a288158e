"""Datelines: the town, agency and day a wire story opens with ("KHARTOUM, Jan 5 (Reuters) - ", "TAMPA, Fla. - "),
how long one is at the start of a sentence, and the subjects of a sentence past it (and past a place it
opens with). Part of ``geo.syntax``; imports
spaCy only."""

from __future__ import annotations

import re

from collections.abc import Iterable

from spacy.tokens import Token

__all__ = ["BARE_DATELINE_RE", "DATELINE_RE", "DATE_DATELINE_RE", "DAY_AGENCY_RE", "dateline_agency", "dateline_length",
           "past_a_dateline"]

# "KHARTOUM, Jan 5 (Reuters) - ", "WASHINGTON (AP) “An": the article's own dateline, the city it
# was filed from, not a cited source.
DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .,/'’-]{2,40}(?:,\s*[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|the|and)){0,4})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*\((?P<agency>[^)]{2,40})\)\s*[-–—]*\s*"
)  # "BEIRUT (Reuters) -", "EL WAK, Kenya, April 9 (Eastlight) –", "BEIRUT/JERUSALEM (Reuters) -"
# "Oct. 3", "3 October 2024": the day a dateline may carry
_DAY = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)"
# "MAKHACHKALA -- ", "BAGHDAD — ", "TAMPA, Fla. – ": a dateline with no agency
BARE_DATELINE_RE = re.compile(r"^[A-Z][A-Z.'’-]{2,}(?:[ ,]+(?:[A-Z][A-Z.'’-]{1,}|[A-Z][a-z]{1,5}\.))*"
                              r"(?:,\s*[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|de|del|da|do|al|el|la|of|the|and)){0,4}){0,2}"
                              rf"(?:,\s*{_DAY})?,?\s*(?:--|—|–)\s*|"  # "KANO, Nigeria, Oct 3 — "
                              rf"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s*{_DAY}\s*(?:--|—|–)\s*|"  # "Aden, 1 May —"
                              r"^[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]+)*,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+-\s+")  # "GUSAU, Nigeria - "
# "March 26, 2021 – The embassy condemns ...": the date a statement was issued, not of what it tells
DATE_DATELINE_RE = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})\s*(?:--|—|–|-)\s+")


# "Oct 16 (Reuters) - ": the rest of a dateline whose town the tagger cut off as a sentence of its own
DAY_AGENCY_RE = re.compile(rf"^{_DAY}\s*\([^)]{{2,40}}\)\s*[-–—]+\s*")


def dateline_length(text: str) -> int:
    """How many leading characters of ``text`` are a dateline (0 if none)."""
    found = (DATELINE_RE.match(text) or BARE_DATELINE_RE.match(text) or DATE_DATELINE_RE.match(text)
             or DAY_AGENCY_RE.match(text))
    return found.end() if found else 0


def dateline_agency(texts: Iterable[str]) -> str | None:
    """The agency the first dateline among ``texts`` credits ('KHARTOUM, Jan 5 (TSP) - '): the story's own outlet,
    which the text names when it says who was told ('residents told TSP'), no source of its own."""
    return next((found.group("agency").strip() for text in texts if (found := DATELINE_RE.match(text))), None)


# "Near X, ...", "Outside X, ...": a sentence's opening words that set the place of what it tells
_PLACE_OPENERS = frozenset({"near", "outside", "inside", "around", "across", "along", "beyond", "off", "in"})


def _fronted_place(subject: Token) -> bool:
    """'Near Al Mahr, army jets struck ...', parsed with 'Near Al Mahr' as a second subject: a place the
    sentence opens with, no doer."""
    first, last = subject.left_edge, subject.right_edge
    comma = last if last.text == "," else subject.doc[last.i + 1] if last.i + 1 < len(subject.doc) else last
    return (first.i == subject.sent.start and first.lower_ in _PLACE_OPENERS and first.text[0].isupper()
            and first.dep_ == "compound" and comma.text == ",")  # (the preposition read as a word of the name)


def past_a_dateline(subjects: list[Token]) -> list[Token]:
    """'MAIDUGURI, Nigeria — Boko Haram fighters killed ...', parsed with the dateline as the subject and
    the fighters in apposition to it: the fighters. A place the sentence opens with that the parser took for a
    subject ('Near X, jets struck ...') is none."""
    found: list[Token] = []
    appositives: list[Token] = []
    for subject in subjects:
        if _fronted_place(subject):
            continue
        if not (subject.is_upper and len(subject) > 2):
            found.append(subject)  # a dateline's subject is its town in capitals: no need to read the sentence
            continue
        sent = subject.sent
        floor = sent.start_char + dateline_length(sent.text)
        if subject.idx >= floor or floor == sent.start_char:
            found.append(subject)
        else:  # not "(Sanaa time)" after the dateline's hour; also hung on the dateline's country ("STUTTGART,
            # Germany – U.S. Africa Command ...": the command in apposition to Germany)
            inside = [a for a in subject.children if a.dep_ == "appos" and a.idx < floor]
            appositives.extend(a for a in [*subject.children, *(c for i in inside for c in i.children)]
                               if a.dep_ == "appos" and a.idx >= floor and not (
                                   a.left_edge.i > 0 and a.doc[a.left_edge.i - 1].text == "("))
    return found or appositives  # "TAMPA, Fla. - ... on March 12, U.S. forces struck": the forces
