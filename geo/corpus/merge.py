"""Across articles: one merged event per happening, one place per place, corroboration by outlets.

Two events from different articles report the same happening when they have the same kind and
category, both are located and lie within ``MERGE_RADIUS_KM`` of each other, their dates are at
most ``MERGE_DAYS`` apart when both are known, and their actors are compatible (one unknown, or
naming the same party). An event without a date of its own is dated by its article's publication
date, with ``PUBLISHED_SLACK_DAYS`` more leeway (news of an event comes out the same day or
soon after); only when neither is known does the date not count. An event is merged into a group only when it matches every event already
in it, so groups do not drift along a chain of near matches; events of one article are never
merged with each other (the extractor already kept them apart on purpose). Unlocated events are
never merged: "a strike on Tuesday" with no place is too little to say it is the same one.

A merged event's corroboration is the number of distinct outlets among its articles: the
article's outlet, else its URL's host, else the article's id (an anonymous file counts alone).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlparse

from geo.geometry import EARTH_RADIUS_KM, distance_km
from geo.model import Article, Event, Report, TextSpan

MERGE_RADIUS_KM = 25.0
MERGE_DAYS = 1
PUBLISHED_SLACK_DAYS = 1

# Words that say what kind of party an actor is, not which one ("Israeli forces" ~ "Israel").
_GENERIC_ACTOR_WORDS = frozenset(
    """the a an forces force army military troops soldiers militants militia militias fighters group groups
    unit units aircraft jets warplanes drones drone navy air armed gunmen men official officials
    government regime coalition of and""".split()
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def outlet_of(article: Article, article_id: str) -> str:
    """Who published the article: its outlet, else its URL's host (without www.), else its id."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    if article.url:
        host = urlparse(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return article_id


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's report of an event."""

    article_id: str
    outlet: str
    event: Event
    published: date | None = None  # the article's publication date

    @property
    def when(self) -> tuple[date | None, bool]:
        """The event's date, else the article's publication date; and whether it is the event's own."""
        if self.event.date is not None:
            return self.event.date, True
        return self.published, False


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One happening, as reported by one or more articles."""

    reports: tuple[EventReport, ...]

    @property
    def representative(self) -> Event:
        """The most detailed report (ties: the first ingested)."""
        return max(self.reports, key=lambda r: _detail(r.event)).event

    @property
    def kind(self) -> str:
        return self.reports[0].event.kind

    @property
    def category(self) -> str:
        return self.reports[0].event.category

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.article_id for r in self.reports))

    @property
    def outlets(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for r in self.reports:
            seen.setdefault(r.outlet.casefold(), r.outlet)
        return tuple(seen.values())

    @property
    def corroboration(self) -> int:
        return len(self.outlets)

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for r in self.reports:
            for name in r.event.sources:
                seen.setdefault(_normal_name(name), name)
        return tuple(seen.values())

    @property
    def date(self) -> date | None:
        """The date most reports give (ties: the earliest)."""
        dates = Counter(r.event.date for r in self.reports if r.event.date is not None)
        if not dates:
            return None
        return min(dates, key=lambda d: (-dates[d], d))

    def to_dict(self) -> dict[str, Any]:
        """Issue 2's EVENT fields, plus kind, articles, outlets and corroboration.

        ``evidence`` is the representative report's sentence; ``mentions`` holds every report's
        evidence sentence with its article id. Numbers are the highest any report gives
        (counts of dead and wounded tend to rise as reports come in).
        """
        best = self.representative
        place = _most_common_place(self.reports) or best
        return {
            "kind": self.kind,
            "summary": best.summary,
            "category": self.category,
            "actor": best.actor or _first(r.event.actor for r in self.reports),
            "target": best.target or _first(r.event.target for r in self.reports),
            "place": place.place,
            "place_key": place.place_key,
            "lat": place.lat,
            "lon": place.lon,
            "date": self.date.isoformat() if self.date else None,
            "count": _highest(r.event.count for r in self.reports),
            "killed": _highest(r.event.killed for r in self.reports),
            "injured": _highest(r.event.injured for r in self.reports),
            "evidence": _evidence(self._report_of(best)),
            "mentions": [_evidence(r) for r in self.reports],
            "sources": list(self.sources),
            "articles": list(self.articles),
            "outlets": list(self.outlets),
            "corroboration": self.corroboration,
        }

    def _report_of(self, event: Event) -> EventReport:
        return next(r for r in self.reports if r.event is event)


@dataclass(frozen=True, slots=True)
class CorpusPlace:
    """One place across articles (same GeoNames id, or the same place key)."""

    key: str
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    articles: tuple[str, ...]
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "articles": list(self.articles),
            "mentions": self.mentions,
        }


def same_happening(a: EventReport, b: EventReport) -> bool:
    """Whether two reports (of different articles) describe the same event."""
    ea, eb = a.event, b.event
    if a.article_id == b.article_id or ea.kind != eb.kind or ea.category != eb.category:
        return False
    if ea.lat is None or ea.lon is None or eb.lat is None or eb.lon is None:
        return False
    if distance_km(ea.lat, ea.lon, eb.lat, eb.lon) > MERGE_RADIUS_KM:
        return False
    (day_a, own_a), (day_b, own_b) = a.when, b.when
    if day_a is not None and day_b is not None:
        allowed = MERGE_DAYS if own_a and own_b else MERGE_DAYS + PUBLISHED_SLACK_DAYS
        if abs((day_a - day_b).days) > allowed:
            return False
    return actors_compatible(ea.actor, eb.actor)


def actors_compatible(a: str | None, b: str | None) -> bool:
    """Unknown actors fit anyone; known ones must name a common party ("Israel" ~ "Israeli forces")."""
    words_a, words_b = _actor_words(a), _actor_words(b)
    if not words_a or not words_b:
        return True
    for x in words_a:
        for y in words_b:
            if x == y:
                return True
            short, long_ = sorted((x, y), key=len)
            if len(short) >= 4 and long_.startswith(short):
                return True
    return False


def merge_events(reports: Iterable[tuple[str, Report]]) -> list[MergedEvent]:
    """Group the events of ``(article_id, report)`` pairs into merged events, in input order.

    A located event joins the earliest group it matches. Groups are indexed by where their first
    event lies (``_MergeGrid``), so an event is compared only with groups that start near it.
    """
    groups: list[list[EventReport]] = []
    grid = _MergeGrid()
    for article_id, report in reports:
        outlet = outlet_of(report.article, article_id)
        for event in report.events:
            item = EventReport(article_id, outlet, event, report.article.published)
            if event.lat is None or event.lon is None:
                groups.append([item])  # unlocated: never merged
                continue
            kind = (event.kind, event.category)  # only the same kind and category can merge
            home = next((groups[i] for i in grid.near(kind, event.lat, event.lon)
                         if all(same_happening(item, member) for member in groups[i])), None)
            if home is None:
                grid.add(kind, event.lat, event.lon, len(groups))
                groups.append([item])
            else:
                home.append(item)
    return [MergedEvent(tuple(group)) for group in groups]


class _MergeGrid:
    """Groups by the position of their first event, in cubes of a grid over the unit sphere's
    3-D coordinates whose side is the chord of ``MERGE_RADIUS_KM``: every event within the radius
    of a point lies in the point's cube or one of its 26 neighbours (no trouble at the poles or
    the date line)."""

    _SIDE = 2 * math.sin(MERGE_RADIUS_KM / EARTH_RADIUS_KM / 2) * 1.001  # a little over the chord

    def __init__(self) -> None:
        self._cells: dict[tuple[tuple[str, str], int, int, int], list[int]] = {}

    def _cell(self, lat: float, lon: float) -> tuple[int, int, int]:
        phi, lam = math.radians(lat), math.radians(lon)
        x, y, z = math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)
        return math.floor(x / self._SIDE), math.floor(y / self._SIDE), math.floor(z / self._SIDE)

    def add(self, kind: tuple[str, str], lat: float, lon: float, group: int) -> None:
        self._cells.setdefault((kind, *self._cell(lat, lon)), []).append(group)

    def near(self, kind: tuple[str, str], lat: float, lon: float) -> list[int]:
        """The groups of this kind starting in the point's cube or its neighbours, oldest first."""
        cx, cy, cz = self._cell(lat, lon)
        found = [group for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)
                 for group in self._cells.get((kind, cx + dx, cy + dy, cz + dz), ())]
        return sorted(found)


def merge_places(reports: Iterable[tuple[str, Report]]) -> list[CorpusPlace]:
    """One entry per distinct place key across the reports, in order of first appearance."""
    grouped: dict[str, list[tuple[str, Any]]] = {}
    for article_id, report in reports:
        for place in report.places:
            grouped.setdefault(place.key, []).append((article_id, place))
    merged = []
    for key, items in grouped.items():
        best = max((p for _, p in items), key=lambda p: p.confidence)
        merged.append(
            CorpusPlace(
                key=key,
                name=best.name,
                kind=best.kind,
                country=best.country,
                lat=best.lat,
                lon=best.lon,
                geonameid=best.geonameid,
                articles=tuple(dict.fromkeys(article_id for article_id, _ in items)),
                mentions=sum(len(p.mentions) for _, p in items),
            )
        )
    return merged


def _actor_words(actor: str | None) -> set[str]:
    if not actor:
        return set()
    return {w for w in _WORD.findall(actor.casefold()) if w not in _GENERIC_ACTOR_WORDS}


def _normal_name(name: str) -> str:
    return " ".join(w for w in _WORD.findall(name.casefold()) if w not in {"the", "a", "an"})


def _detail(event: Event) -> int:
    fields = (event.actor, event.target, event.place, event.date, event.count, event.killed, event.injured)
    return sum(value is not None for value in fields) + len(event.sources)


def _most_common_place(reports: Sequence[EventReport]) -> Event | None:
    located = [r.event for r in reports if r.event.lat is not None]
    if not located:
        return None
    keys = Counter(e.place_key or e.place for e in located)
    top = max(keys.values())
    return next(e for e in located if keys[e.place_key or e.place] == top)


def _evidence(report: EventReport) -> dict[str, Any]:
    span: TextSpan = report.event.evidence
    return {"article": report.article_id, "outlet": report.outlet, **span.to_dict()}


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _highest(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None
