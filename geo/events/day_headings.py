"""Days a text gives as headings of its own: a command's update or a monitor's digest that tells each day
under a line that is only its date ("May 17", then the acts of that day, then "May 18"), or opens a list with
the day ("On July 15, forces carried out the following actions:", then "1. At 8:10 a.m., ..."). An act no word
dates, told under such a heading, happened that day (``geo.events.dating.date_by_narrative``).

Used by ``geo.events.dating``; imports the events wing's dates, ``geo.syntax`` and spaCy only.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span

from geo.events.dates import resolve_date
from geo.syntax import doc_text

__all__ = ["day_headings"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_CLOCK = r"(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"  # a live blog's "18 Nov, 06:40 GMT"
DAY_HEADING_RE = re.compile(rf"{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?{_CLOCK}"
                            r"\s*[:.–—-]?")
BODY_WORDS = 8  # a sentence this long starts the body: a date line before it is the header's
LEAST_HEADINGS = 2  # one date line is a header or a caption's; two or more tell a text by day


def day_headings(sents: list[Span], published: date | None) -> dict[int, date]:
    """The sentence numbers each day heading of the body (or just before it) governs (up to the next one): number ->
    its day.
    Empty unless the body has at least ``LEAST_HEADINGS`` headings of distinct days."""
    body = next((i for i, s in enumerate(sents) if sum(t.is_alpha for t in s) >= BODY_WORDS), len(sents))
    headings = [(i, resolve_date(sents[i].text.strip(), published)) for i in range(max(body - 1, 0), len(sents))
                if DAY_HEADING_RE.fullmatch(sents[i].text.strip())]
    dated = [(i, day) for i, day in headings if day is not None]
    if len({day for _i, day in dated}) < LEAST_HEADINGS:
        return _list_days(sents, published)
    bounds = [i for i, _day in headings] + [len(sents)]
    return {at: day for (i, day), end in zip(dated, bounds[1:]) for at in range(i + 1, end)}


ITEM_RE = re.compile(r"\s*(?:\d{1,2}[.)]|[-*•–])\s")  # "1. At 8:10 a.m., ...", "- On the coast, ..."


def _list_days(sents: list[Span], published: date | None) -> dict[int, date]:
    """'On July 15, forces carried out the following actions:' then numbered items: the items' sentences are
    of the day the line that opens the list names (one day, no more)."""
    found: dict[int, date] = {}
    for i, sent in enumerate(sents[:-1]):
        if not sent.text.rstrip().endswith(":") or not _opens_an_item(sents[i + 1]):
            continue
        days = {resolve_date(ent.text, published) for ent in sent.ents if ent.label_ == "DATE"} - {None}
        if len(days) != 1:
            continue
        day = days.pop()
        text = doc_text(sent.doc)
        for at in range(i + 1, len(sents)):
            if not ITEM_RE.match(text, text.rfind("\n", 0, sents[at].start_char) + 1):
                break  # the paragraph of this sentence is no item of the list
            found[at] = day
    return found


def _opens_an_item(sent: Span) -> bool:
    text = doc_text(sent.doc)
    opens_its_line = sent.start_char == text.rfind("\n", 0, sent.start_char + 1) + 1
    return opens_its_line and bool(ITEM_RE.match(text, sent.start_char))
