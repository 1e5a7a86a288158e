"""Whether two articles' reports describe the same happening, and why (or why not).

Two reports are one event only when every one of these holds (``compare`` checks them in this
order and says which agreed, or the first that did not):

- **kind and category**: both attacks (or both responses) of the same ACLED sub-event type;
- **dates compatible**: the event's own date, else the article's publication date (news comes out
  the same day or soon after, so that one gets ``PUBLISHED_SLACK_DAYS`` more). Two days at most
  ``MERGE_DAYS`` apart, or a day inside a month when a report knows only the month. A report
  with no date at all merges with nothing: the same place weeks apart is another event;
- **places agree at the finest level both give**: two towns (or sites) the same or within
  ``LOCAL_RADIUS_KM``; a town and a province when the town lies in the province; a country and
  anything in that country; never two countries. Unlocated reports merge with nothing;
- **actors agree and targets agree**: one unknown, or both naming a common party ("Israel" ~
  "Israeli forces", "Russian" ~ "Russia");
- **casualty figures do not contradict**: a later report may give a higher toll (tolls rise as
  news comes in), not a lower one; reports of one day (or of unknown order) may differ, but not by
  more than ``TOLL_RATIO`` times and ``TOLL_SLACK`` people at once ("14 killed" and "3 killed" that
  day are two strikes).

May import: the core.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from geo.geometry import distance_km

MERGE_DAYS = 1
PUBLISHED_SLACK_DAYS = 1
LOCAL_RADIUS_KM = 10.0  # two towns or sites this close are one place (a city and its port, a base by a village)
REGION_RADIUS_KM = 150.0  # a region (a sea, a valley) and a place this close to its centre
TOLL_RATIO = 2.0
TOLL_SLACK = 5

# Words that say what kind of party an actor is, not which one ("Israeli forces" ~ "Israel").
_GENERIC_PARTY_WORDS = frozenset(
    """the a an forces force army military troops soldiers militants militia militias fighters group groups
    unit units aircraft jets warplanes drones drone navy air armed gunmen men official officials
    government regime coalition of and personnel""".split()
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ReportedEvent:
    """What matching reads of one article's report of an event (geo.corpus.merge.EventReport has it)."""

    article_id: str
    kind: str
    category: str
    day: date | None  # the event's date, else the article's publication date
    own_day: bool  # whether ``day`` is the event's own date
    month_only: bool  # the event's date is known to the month only
    published: date | None
    place: str | None
    place_kind: str | None  # geo.model.PLACE_KINDS; None when the place is not among the report's places
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    actor: str | None
    target: str | None
    killed: int | None
    injured: int | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on two reports: ``same`` and the reasons (what agreed; or what did not)."""

    same: bool
    reasons: tuple[str, ...]


def compare(a: ReportedEvent, b: ReportedEvent) -> Comparison:
    """Whether ``a`` and ``b`` (of different articles) report the same event, with the reasons."""
    if a.article_id == b.article_id:
        return Comparison(False, ("the same article",))
    if a.kind != b.kind or a.category != b.category:
        return Comparison(False, (f"{a.category} {a.kind} vs {b.category} {b.kind}",))
    reasons = [f"both {a.category} {a.kind}s"]
    checks: tuple[Callable[[ReportedEvent, ReportedEvent], tuple[bool, str | None]], ...] = (
        dates_agree, places_agree, _actors_agree, _targets_agree, tolls_agree,
    )
    for check in checks:
        agree, reason = check(a, b)
        if not agree:
            return Comparison(False, (reason or check.__name__,))
        if reason:
            reasons.append(reason)
    return Comparison(True, tuple(reasons))


def dates_agree(a: ReportedEvent, b: ReportedEvent) -> tuple[bool, str | None]:
    if a.day is None or b.day is None:
        return False, "no date in one report"
    if a.month_only or b.month_only:
        same_month = (a.day.year, a.day.month) == (b.day.year, b.day.month)
        month = a.day.strftime("%B %Y")
        return same_month, f"{'within' if same_month else 'not within'} {month} (known to the month)"
    gap = abs((a.day - b.day).days)
    allowed = MERGE_DAYS if a.own_day and b.own_day else MERGE_DAYS + PUBLISHED_SLACK_DAYS
    days = f"{_day_text(a)} and {_day_text(b)}" if a.day != b.day or not (a.own_day and b.own_day) else None
    if gap > allowed:
        return False, f"{gap} days apart ({days})"
    return True, f"same day {a.day.isoformat()}" if days is None else f"dates {days}"


def places_agree(a: ReportedEvent, b: ReportedEvent) -> tuple[bool, str | None]:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False, "not located in one report"
    if a.country and b.country and a.country != b.country:
        return False, f"{a.place} ({a.country}) vs {b.place} ({b.country})"
    apart = distance_km(a.lat, a.lon, b.lat, b.lon)
    if a.place == b.place and apart < 1.0:
        return True, f"same place {a.place}"
    coarse, fine = sorted((a, b), key=_level)
    level = _level(coarse)
    if level == 0:  # a country: anything in it agrees
        return bool(coarse.country and coarse.country == fine.country), f"{fine.place} in {coarse.place}"
    if coarse.place_kind == "admin1":
        if fine.place_kind == "admin1":
            inside = _same_name(fine.place or "", coarse.place or "")
        elif fine.admin1:
            inside = _same_name(fine.admin1, coarse.place or "")
        else:  # a town whose province is not known: near enough to the province's centre
            inside = apart <= REGION_RADIUS_KM
        return inside, f"{fine.place} {'in' if inside else 'not in'} {coarse.place}"
    radius = REGION_RADIUS_KM if level == 1 else LOCAL_RADIUS_KM
    return apart <= radius, f"{a.place} and {b.place} {apart:.1f} km apart"


def tolls_agree(a: ReportedEvent, b: ReportedEvent) -> tuple[bool, str | None]:
    """Killed and injured: a later report may raise a toll, not lower it; same-day figures may differ a little."""
    notes = []
    for label, x, y in (("killed", a.killed, b.killed), ("injured", a.injured, b.injured)):
        if x is None or y is None:
            continue
        if x == y:
            notes.append(f"{label} {x}")
            continue
        earlier, later = (x, y) if _before(a, b) else (y, x) if _before(b, a) else (None, None)
        if earlier is not None and later is not None:
            if later < earlier:
                return False, f"{label} {earlier} then {later} in a later report"
            notes.append(f"{label} {earlier}, later {later}")
            continue
        low, high = sorted((x, y))
        if high > TOLL_RATIO * low and high - low > TOLL_SLACK:
            return False, f"{label} {x} vs {y}"
        notes.append(f"{label} {x} / {y}")
    return True, ", ".join(notes) or None


def parties_agree(a: str | None, b: str | None) -> bool:
    """Unknown parties fit anyone; known ones must name a common party ("Israel" ~ "Israeli forces")."""
    words_a, words_b = _party_words(a), _party_words(b)
    if not words_a or not words_b:
        return True
    for x in words_a:
        for y in words_b:
            if x == y:
                return True
            if _same_stem(x, y):
                return True
    return False


def _actors_agree(a: ReportedEvent, b: ReportedEvent) -> tuple[bool, str | None]:
    return _party_verdict("actors", a.actor, b.actor)


def _targets_agree(a: ReportedEvent, b: ReportedEvent) -> tuple[bool, str | None]:
    return _party_verdict("targets", a.target, b.target)


def _party_verdict(label: str, a: str | None, b: str | None) -> tuple[bool, str | None]:
    if not parties_agree(a, b):
        return False, f"{label} {a} vs {b}"
    if _party_words(a) and _party_words(b):
        return True, f"{label} {a} ~ {b}" if a != b else f"{label} {a}"
    return True, None


def _party_words(party: str | None) -> set[str]:
    if not party:
        return set()
    return {w for w in _WORD.findall(party.casefold()) if w not in _GENERIC_PARTY_WORDS and len(w) > 1}


def _same_stem(x: str, y: str) -> bool:
    """A name and its adjective: "iran" ~ "iranian", "ukraine" ~ "ukrainian" (a common start of 4
    letters or more that is all of the shorter word but its last letter at most)."""
    common = 0
    for p, q in zip(x, y):
        if p != q:
            break
        common += 1
    return common >= 4 and common >= min(len(x), len(y)) - 1


def _level(event: ReportedEvent) -> int:
    """0 a country, 1 a province or region, 2 a town, site or a place not known more closely."""
    if event.place_kind == "country":
        return 0
    if event.place_kind in ("admin1", "region"):
        return 1
    return 2


def _same_name(a: str, b: str) -> bool:
    return _WORD.findall(a.casefold()) == _WORD.findall(b.casefold())


def _before(a: ReportedEvent, b: ReportedEvent) -> bool:
    return a.published is not None and b.published is not None and a.published < b.published


def _day_text(event: ReportedEvent) -> str:
    assert event.day is not None
    return event.day.isoformat() if event.own_day else f"published {event.day.isoformat()}"
