"""Times of day: whether a 'when' is an hour and no day ('approximately 10:30', 'shortly after midnight'),
and whether an act told at another hour, or 'later that afternoon', is another act than one told before; the
day after one told, of an act told 'shortly after midnight'.

Used by ``geo.events.dating`` and ``geo.events.linking``; imports spaCy only.
"""

from __future__ import annotations

import re

from datetime import date, timedelta

from spacy.tokens import Span


def clock_time(when: str) -> bool:
    """'approximately 10:30', 'around midday', 'shortly after midnight': a time of day, which tells no day."""
    return bool(re.search(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*[ap]\.?m\b|"
                          r"\b(?:midday|noon|midnight|morning|afternoon|evening|dawn)\b", when)) and not (
        re.search(r"\b(?:yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4})\b", when))


HOUR_RE = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b", re.I)


def _hours(text: str) -> list[float]:
    return [int(h) % 12 + (12 if half.lower() == "p" else 0) + int(m or 0) / 60 for h, m, half in HOUR_RE.findall(text)]


LATER_SAME_DAY_RE = re.compile(r"\b(?:later\s+(?:that|the\s+same|in\s+the)\s+(?:day|morning|afternoon|evening|night)|"
                               r"(?:several\s+|a\s+few\s+|two\s+|three\s+)?hours\s+later)\b", re.I)


def another_hour(told: list[Span], sent: Span, before: int) -> bool:
    """'At 6:40 p.m., the Houthis launched drones toward the same vessel' after the missiles of 3 p.m.: a clock
    time (before the act's word) an hour or more from every clock time the act was told with, another act; so
    is an act told 'later that afternoon' or 'hours later' after one told with its hour."""
    opening = sent.doc[sent.start:before].text
    hours = _hours(opening)
    earlier = [h for s in told for h in _hours(s.text)]
    later = LATER_SAME_DAY_RE.search(opening) is not None and sent not in told
    return bool(earlier) and (later or (len(hours) == 1 and all(abs(hours[0] - h) >= 1 for h in earlier)))


def of_the_day_told(when: str) -> bool:
    """'at 3 p.m.', 'later in the day', 'hours later': a time that tells no day of its own, so the day the text
    last told."""
    return clock_time(when) or LATER_SAME_DAY_RE.search(when) is not None


def past_midnight(day: date, whens: set[str], opening: Span) -> date:
    """'Late on Tuesday, jets struck X. Shortly after midnight, they struck Y': an act told 'after midnight', right
    after an act told late in a day (``opening``: the act's first sentence), happened the next day (not after
    'overnight and early Wednesday': that day)."""
    before = opening.doc[opening.start - 1].sent.text if opening.start > 0 else ""
    late = re.search(r"\b(?:late|evening|tonight)\b|\b(?:that|the)\s+night\b", before, re.I) is not None
    return day + timedelta(days=1) if late and any(re.search(r"\bafter\s+midnight\b", w, re.I) for w in whens) else day
