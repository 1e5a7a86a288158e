"""Resolve the date expressions of news text against the publication date.

``resolve_date("Tuesday", date(2024, 3, 14))`` is the Tuesday of that week (the 12th): news
speaks of the past. Relative expressions need the publication date and give None without it;
a full date with a year ("7 October 2023") resolves on its own. Vague spans ("in recent
weeks", "two weeks") give None.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from geo.events.lexicon import parse_number

WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_RE = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:19|20)\d{2})"
_MONTH_DAY = re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b(?:,?\s+{_YEAR_RE})?", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+{_YEAR_RE})?", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_PART = re.compile(
    rf"\b(?P<part>beginning|start|early|mid|middle|end|late)(?:\s+of)?[-\s]+{_MONTH_RE}(?:,?\s+{_YEAR_RE})?",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(rf"^(?:in|on|during|since)?\s*{_MONTH_RE}(?:,?\s+{_YEAR_RE})?$", re.IGNORECASE)
_AGO = re.compile(r"\b(?P<n>\w+(?:-\w+)?|a|an)\s+(?P<unit>day|week|month)s?\s+ago\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?P<last>last\s+|this\s+|past\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)

_TODAY_WORDS = ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today")
_YESTERDAY_WORDS = ("yesterday", "last night", "late last night")


AHEAD_DAYS = 7  # "On 27 August" in a text dated 26 August: the next day, not last year's


def _month_back(year: int, month: int, published: date | None, explicit_year: bool) -> int | None:
    """The year of ``month``: given, or the latest such month not after ``published``."""
    if explicit_year:
        return year
    if published is None:
        return None
    ahead = date(published.year, month, 1) <= published + timedelta(days=AHEAD_DAYS)
    return published.year if month <= published.month or ahead else published.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(text: str, published: date | None) -> date | None:
    match = _ISO.search(text)
    if match:
        return _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.search(text)
        if match:
            month = MONTHS[match["month"].lower()]
            year = _month_back(int(match["year"] or 0), month, published, bool(match["year"]))
            if year is None:
                return None
            if published and not match["year"]:
                found = _safe_date(year, month, int(match["day"]))
                if found and found > published + timedelta(days=AHEAD_DAYS):
                    return _safe_date(year - 1, month, int(match["day"]))
                return found
            return _safe_date(year, month, int(match["day"]))
    match = _MONTH_PART.search(text)
    if match:
        month = MONTHS[match["month"].lower()]
        year = _month_back(int(match["year"] or 0), month, published, bool(match["year"]))
        if year is None:
            return None
        part = match["part"].lower()
        if part in {"beginning", "start", "early"}:
            return date(year, month, 1)
        if part in {"mid", "middle"}:
            return date(year, month, 15)
        return date(year, month, calendar.monthrange(year, month)[1])
    match = _MONTH_ONLY.search(text.strip())
    if match:
        month = MONTHS[match["month"].lower()]
        year = _month_back(int(match["year"] or 0), month, published, bool(match["year"]))
        return date(year, month, 1) if year is not None else None
    return None


def _relative(text: str, published: date) -> date | None:
    lowered = text.lower()
    if any(word in lowered for word in _YESTERDAY_WORDS):
        return published - timedelta(days=1)
    if any(word in lowered for word in _TODAY_WORDS):
        return published
    match = _WEEKDAY.search(lowered)
    if match:
        back = (published.weekday() - WEEKDAYS[match["weekday"]]) % 7
        if back == 0 and match["last"] and match["last"].strip() in {"last", "past"}:
            back = 7
        return published - timedelta(days=back)
    match = _AGO.search(lowered)
    if match:
        count = 1 if match["n"] in {"a", "an"} else parse_number(match["n"])
        if count is None:
            return None
        days = {"day": 1, "week": 7, "month": 30}[match["unit"].lower()] * count
        return published - timedelta(days=days)
    if re.search(r"\blast\s+week\b", lowered):
        return published - timedelta(days=7)
    if re.search(r"\blast\s+month\b", lowered):
        first_of_this = published.replace(day=1)
        return (first_of_this - timedelta(days=1)).replace(day=1)
    if re.search(r"\b(?:last|past)\s+weekend\b|\bover\s+the\s+weekend\b", lowered):
        return published - timedelta(days=(published.weekday() - 5) % 7 or 7)
    return None


def date_precision(expression: str) -> str:
    """'month' for an expression that names a month but no day ('in August 2022', 'early January'),
    else 'day'. ``resolve_date`` gives such a month its first (or 15th, last) day: a stand-in, not
    the day it happened."""
    text = expression.strip()
    if _ISO.search(text) or _MONTH_DAY.search(text) or _DAY_MONTH.search(text):
        return "day"
    return "month" if _MONTH_PART.search(text) or _MONTH_ONLY.search(text) else "day"


def resolve_date(expression: str, published: date | None = None) -> date | None:
    """The calendar date an expression points at, or None when it is vague or unresolvable."""
    if not expression or not expression.strip():
        return None
    found = _absolute(expression, published)
    if found is not None:
        return found
    if published is None:
        return None
    return _relative(expression, published)


__all__ = ["date_precision", "resolve_date"]
