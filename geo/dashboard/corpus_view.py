"""What the dashboard's corpus view shows, computed without Streamlit.

    articles = stored_articles(path)                       # the list, from SQL counts
    view = load_view(path, ids)                          # ids=None: the whole corpus
    view.map_report()                                    # a Report for geo.maps.folium_map.build_map
    view.attack_rows(), view.timeline_rows(), ...        # the panels and the timeline

Every function opens the store read-only, reads and closes it again (geo.dashboard.store_access):
the dashboard never keeps the database file locked, so ``python -m geo ingest`` can run while it is
open (a read waits a moment for the ingest's batch, or reports ``StoreLockedError``, the corpus busy).
A missing database file reads as an empty corpus and is not created by reading. Reports are read with the
analysts' stored corrections applied (geo.corpus.corrections).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from geo.corpus import (NO_JUDGEMENTS, UNNAMED_OUTLET, ArticleSummary, EventGrade, Judgements, MergedEvent,
                         article_outlet, copies_in, event_grade, merge_events, repeating_articles)
from geo.dashboard.store_access import reading
from geo.exports import (CLAIM_SEPARATOR, EVENT_COLUMNS, NO_FILTER, PLACE_COLUMNS, EventFilter, event_row, place_row,
                         same_source, source_types)
from geo.maps import MapPoint, map_points, narrowed_points
from geo.model import Article, Event, Place, Report, Source

MAX_CLAIMS_SHOWN = 3
MAX_FILLED_DAYS = 180

ARTICLE_COLUMNS: tuple[str, ...] = ("published", "outlet", "title", "places", "attacks", "responses", "sources",
                                    "url", "id")
MERGED_EVENT_COLUMNS: tuple[str, ...] = (*EVENT_COLUMNS[:4], "corroboration", "grade", "outlets", *EVENT_COLUMNS[4:],
                                         "corrected", "merged_because")
CORPUS_SOURCE_COLUMNS: tuple[str, ...] = ("name", "type", "articles", "outlets", "claims", "claim_count")
CORPUS_PLACE_COLUMNS: tuple[str, ...] = (*PLACE_COLUMNS[:7], "articles", "mentions", "as_written", "corrected")


def store_signature(path: Path) -> tuple[int, ...]:
    """A value that changes whenever the database file (or its write-ahead log) changes: a cache key."""
    signature: list[int] = []
    for file in (path, path.with_name(path.name + ".wal")):
        try:
            stat = file.stat()
        except OSError:
            signature += [-1, -1]
            continue
        signature += [stat.st_mtime_ns, stat.st_size]
    return tuple(signature)


def stored_articles(path: Path) -> list[ArticleSummary]:
    """The stored articles with their counts, oldest fetch first ([] when there is no database yet)."""
    if not path.exists():
        return []
    with reading(path) as store:
        return store.articles()


def article_label(article: ArticleSummary) -> str:
    """One line naming an article for a picker: date, outlet, title (or its id)."""
    parts = [article.published.isoformat() if article.published else "undated", article.outlet or "",
             " ".join((article.title or f"untitled {article.id[:10]}").split())]
    return " · ".join(p for p in parts if p)


def article_rows(articles: Iterable[ArticleSummary]) -> list[dict[str, Any]]:
    """The article list as table rows (plain text and numbers)."""
    return [
        {
            "published": a.published, "outlet": a.outlet or "", "title": " ".join((a.title or "").split()),
            "places": a.places, "attacks": a.attacks, "responses": a.responses, "sources": a.sources,
            "url": a.url or "", "id": a.id,
        }
        for a in articles
    ]


@dataclass(frozen=True, slots=True, eq=False)
class _EventEntry:
    """What the view shows of one merged event, worked out once: the Event standing for it (see
    :func:`standing_event`), its table row (values in ``MERGED_EVENT_COLUMNS`` order) and its day."""

    standing: Event
    row: tuple[Any, ...]
    day: date | None
    corroboration: int
    grade: EventGrade


@dataclass(frozen=True, slots=True, eq=False)
class _PlaceEntry:
    """One place across the articles, the articles that name it, and its table row."""

    place: Place
    articles: tuple[str, ...]
    row: tuple[Any, ...]  # values in CORPUS_PLACE_COLUMNS order


@dataclass(frozen=True, slots=True, eq=False)
class _SourceGroup:
    """The sources of the articles with one name (case and spacing aside), and that name's
    normalised forms (as :func:`same_source` gives them) for matching the events' sources."""

    items: tuple[tuple[str, Source], ...]
    normal: frozenset[str]


@dataclass(frozen=True, slots=True, eq=False)
class _SourceIndex:
    """The articles' sources grouped by name, and each source's type by its normalised name."""

    groups: dict[str, _SourceGroup]
    types: dict[str, str]

    @classmethod
    def of(cls, reports: Sequence[tuple[str, Report]], copies: frozenset[str]) -> _SourceIndex:
        """The sources of the reports but ``copies`` (a story told by several articles is read once)."""
        pairs = [(article_id, source) for article_id, report in reports if article_id not in copies
                 for source in report.sources]
        grouped: dict[str, list[tuple[str, Source]]] = {}
        for article_id, source in pairs:
            grouped.setdefault(" ".join(source.name.casefold().split()), []).append((article_id, source))
        groups = {key: _SourceGroup(tuple(items), frozenset(same_source(s.name) for _, s in items))
                  for key, items in grouped.items()}
        return cls(groups, source_types(source for _, source in pairs))


@dataclass(frozen=True, slots=True, eq=False)
class _MapBase:
    """The map points of a whole selection, the keys of its places and its number of events."""

    points: tuple[MapPoint, ...]
    place_keys: frozenset[str]
    events: int


@dataclass(frozen=True, slots=True)
class CorpusView:
    """A selection of stored articles (corrections applied) and their merged events; with an
    active ``event_filter`` (see :meth:`filtered`) only the events that pass it, and only the
    places they happened at and the sources they cite.

    What each merged event and place shows (standing event, table row, day) is worked out once,
    when the view is made, and :meth:`filtered` only narrows it: a dashboard rerun on a filter
    change reads it as it is.
    """

    reports: tuple[tuple[str, Report], ...]
    events: tuple[MergedEvent, ...]
    event_filter: EventFilter = NO_FILTER
    judgements: Judgements = NO_JUDGEMENTS
    copies: frozenset[str] | None = None  # articles repeating another's story (None: found when made)
    _entries: tuple[_EventEntry, ...] = field(default=(), repr=False, compare=False)
    _places: tuple[_PlaceEntry, ...] | None = field(default=None, repr=False, compare=False)
    _sources: _SourceIndex | None = field(default=None, repr=False, compare=False)
    _map_base: _MapBase | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self._entries) != len(self.events):
            object.__setattr__(self, "_entries", tuple(_event_entry(e, self.judgements) for e in self.events))
        if self._places is None:
            object.__setattr__(self, "_places", tuple(_place_entries(self.reports)))
        if self._sources is None:
            if self.copies is None:
                object.__setattr__(self, "copies", repeating_articles(copies_in(self.reports)))
            object.__setattr__(self, "_sources", _SourceIndex.of(self.reports, self.copies or frozenset()))
        if self._map_base is None and not self.event_filter.active:
            report = self.map_report()
            object.__setattr__(self, "_map_base", _MapBase(tuple(map_points(report)),
                                                           frozenset(p.key for p in report.places), len(self.events)))

    def filtered(self, event_filter: EventFilter) -> CorpusView:
        """The merged events that pass ``event_filter`` (judged on the merged event: its place,
        date, actor and every outlet's sources), and the places they happened at."""
        types = self._sources.types if self._sources else {}
        kept = [i for i, entry in enumerate(self._entries)
                if event_filter.keeps(entry.standing, types, entry.grade.code)]
        return self._keeping(kept, event_filter, narrow_places=event_filter.active)

    def as_of(self, day: date, window_days: int) -> tuple[CorpusView, frozenset[str]]:
        """The events that happened by ``day`` (one with no date is left out: it has no place in time),
        and the keys of the places with one in the ``window_days`` up to it (the time slider's
        highlighted days)."""
        kept = [i for i, entry in enumerate(self._entries) if entry.day is not None and entry.day <= day]
        shown = self._keeping(kept, self.event_filter, narrow_places=True)
        start = day - timedelta(days=window_days)
        recent = frozenset(e.standing.place_key for e in shown._entries
                           if e.standing.place_key and e.day is not None and e.day > start)
        return shown, recent

    def _keeping(self, kept: list[int], event_filter: EventFilter, narrow_places: bool) -> CorpusView:
        entries = tuple(self._entries[i] for i in kept)
        places = self._places
        if narrow_places:
            keys = {e.standing.place_key for e in entries if e.standing.place_key}
            names = {e.standing.place for e in entries if e.standing.place}
            places = tuple(p for p in self._places or () if p.place.key in keys or p.place.name in names)
        return replace(self, events=tuple(self.events[i] for i in kept), event_filter=event_filter,
                       _entries=entries, _places=places)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(article_id for article_id, _ in self.reports)

    @property
    def attacks(self) -> tuple[MergedEvent, ...]:
        return tuple(e for e in self.events if e.kind == "attack")

    @property
    def responses(self) -> tuple[MergedEvent, ...]:
        return tuple(e for e in self.events if e.kind != "attack")

    def merged_event(self, key: str | None) -> MergedEvent | None:
        """The merged event holding the report ``key`` (geo.corpus.event_keys), None when none does."""
        return next((m for m in self.events if key in m.keys), None) if key else None

    def standing_of(self, standing: Event) -> MergedEvent | None:
        """The merged event a standing event (a map symbol's, a panel row's) stands for."""
        return next((m for m, e in zip(self.events, self._entries) if e.standing is standing), None)

    def grade_of(self, event: MergedEvent) -> EventGrade:
        return next(e.grade for m, e in zip(self.events, self._entries) if m is event)

    def of_kind(self, kind: str) -> tuple[MergedEvent, ...]:
        """The attacks (``kind="attack"``) or responses, in the order of :meth:`event_records`."""
        return self.attacks if kind == "attack" else self.responses

    @property
    def corroborated(self) -> int:
        """How many merged events two or more outlets report."""
        return sum(entry.corroboration > 1 for entry in self._entries)

    def places(self) -> list[tuple[Place, tuple[str, ...]]]:
        """One place per key across the articles: the most confident reading, every mention, and
        the articles that name it (with an active filter, only where its events happened)."""
        return [(p.place, p.articles) for p in self._places or ()]

    def map_report(self) -> Report:
        """The selection as one Report for geo.maps.folium_map: merged places and merged events.

        Its sources are left out: their claims' offsets belong to different articles' texts.
        """
        standing = [e.standing for e in self._entries]
        return Report(
            article=Article(text="", title=f"{len(self.reports)} article(s)"),
            places=tuple(p.place for p in self._places or ()),
            attacks=tuple(e for e in standing if e.kind == "attack"),
            responses=tuple(e for e in standing if e.kind != "attack"),
        )

    def map_points(self, report: Report | None = None) -> list[MapPoint]:
        """``geo.maps.folium_map.map_points(self.map_report())``, narrowed from the points of the whole
        selection (worked out once) instead of built anew on every filter change. ``report``:
        this view's ``map_report()`` when the caller has it already."""
        report = self.map_report() if report is None else report
        base = self._map_base
        if base is None:
            return map_points(report)
        if len(self._entries) == base.events:
            return list(base.points)  # nothing filtered out
        return narrowed_points(base.points, base.place_keys, {p.key for p in report.places},
                               {id(e): i for i, e in enumerate(report.events)})

    def event_records(self, kind: str) -> list[tuple[Any, ...]]:
        """Attacks (``kind="attack"``) or responses as table rows, values in ``MERGED_EVENT_COLUMNS``
        order (what a large table is cheapest made from)."""
        attack = kind == "attack"
        return [e.row for e in self._entries if (e.standing.kind == "attack") == attack]

    def event_rows(self, kind: str) -> list[dict[str, Any]]:
        """Attacks (``kind="attack"``) or responses as rows, with corroboration and outlets."""
        return [dict(zip(MERGED_EVENT_COLUMNS, row)) for row in self.event_records(kind)]

    def source_rows(self) -> list[dict[str, Any]]:
        """One row per source name across the articles (case and spacing aside)."""
        groups = self._sources.groups if self._sources else {}
        if self.event_filter.active:
            cited = {same_source(name) for e in self._entries for name in e.standing.sources}
            groups = {key: g for key, g in groups.items() if g.normal & cited}
        outlet_of_article = {article_id: _outlet(report) for article_id, report in self.reports}
        rows = []
        for group in groups.values():
            items = group.items
            claims = [" ".join(c.text.split()) for _, s in items for c in s.claims]
            articles = tuple(dict.fromkeys(a for a, _ in items))
            rows.append({
                "name": items[0][1].name,
                "type": Counter(s.type for _, s in items).most_common(1)[0][0],
                "articles": len(articles),
                "outlets": ", ".join(dict.fromkeys(outlet_of_article[a] for a in articles)),
                "claims": CLAIM_SEPARATOR.join(claims[:MAX_CLAIMS_SHOWN]) + (" …" if len(claims) > MAX_CLAIMS_SHOWN else ""),
                "claim_count": len(claims),
            })
        return sorted(rows, key=lambda r: (-r["articles"], -r["claim_count"], r["name"].casefold()))

    def place_records(self) -> list[tuple[Any, ...]]:
        """The places as table rows, values in ``CORPUS_PLACE_COLUMNS`` order."""
        return [p.row for p in self._places or ()]

    def place_rows(self) -> list[dict[str, Any]]:
        return [dict(zip(CORPUS_PLACE_COLUMNS, row)) for row in self.place_records()]

    def timeline_rows(self) -> list[dict[str, Any]]:
        """Merged events per day and kind, oldest first: the event's date, else its earliest article's
        publication date; events with neither are left out (``undated_count``). Days without events
        between the first and the last are included (with zeros) when the span is at most
        ``MAX_FILLED_DAYS``: a calendar of the span (the timeline draws no bar for them)."""
        days: dict[date, Counter[str]] = {}
        for entry in self._entries:
            if entry.day is not None:
                kind = "attacks" if entry.standing.kind == "attack" else "responses"
                days.setdefault(entry.day, Counter())[kind] += 1
        if days and (max(days) - min(days)).days <= MAX_FILLED_DAYS:
            first, span = min(days), (max(days) - min(days)).days
            for offset in range(span + 1):
                days.setdefault(first + timedelta(days=offset), Counter())
        return [{"day": day, "attacks": c["attacks"], "responses": c["responses"]} for day, c in sorted(days.items())]

    def undated_count(self) -> int:
        return sum(entry.day is None for entry in self._entries)


def _event_entry(event: MergedEvent, judgements: Judgements) -> _EventEntry:
    standing = standing_event(event)
    grade = event_grade(event, judgements)
    row = event_row(standing)
    row["summary"] = event.representative.summary
    row["corroboration"] = event.corroboration
    row["grade"] = grade.code
    row["outlets"] = ", ".join(event.outlet_names)
    row["corrected"] = event.corrected
    row["merged_because"] = " | ".join(event.reasons)
    return _EventEntry(standing, tuple(row[column] for column in MERGED_EVENT_COLUMNS), event_day(event),
                       event.corroboration, grade)


def _place_entries(reports: Iterable[tuple[str, Report]]) -> Iterable[_PlaceEntry]:
    for place, articles in _merge_places(reports):
        row = place_row(place)
        row["articles"] = len(articles)
        yield _PlaceEntry(place, articles, tuple(row[column] for column in CORPUS_PLACE_COLUMNS))


def standing_event(event: MergedEvent) -> Event:
    """One Event standing for a merged event: the most detailed report, with the merged place,
    date, numbers and sources; its summary says how many outlets report it."""
    data = event.to_dict()
    summary = data["summary"] + (f" (reported by {event.corroboration} outlets)" if event.corroboration > 1 else "")
    return replace(
        event.representative, summary=summary, actor=data["actor"], target=data["target"], place=data["place"],
        place_key=data["place_key"], lat=data["lat"], lon=data["lon"], date=event.date, count=data["count"],
        killed=data["killed"], injured=data["injured"], sources=tuple(data["sources"]),
    )


def _merge_places(reports: Iterable[tuple[str, Report]]) -> list[tuple[Place, tuple[str, ...]]]:
    """One place per key: the most confident reading (a correction first), every mention, and the
    articles that name it."""
    grouped: dict[str, list[tuple[str, Place]]] = {}
    for article_id, report in reports:
        for place in report.places:
            grouped.setdefault(place.key, []).append((article_id, place))
    merged = []
    for items in grouped.values():
        best = max((p for _, p in items), key=lambda p: (p.corrected, p.confidence))
        mentions = tuple(m for _, p in items for m in p.mentions)
        merged.append((replace(best, mentions=mentions), tuple(dict.fromkeys(a for a, _ in items))))
    return merged


def event_day(event: MergedEvent) -> date | None:
    """When a merged event happened, as far as its reports say."""
    if event.date is not None:
        return event.date
    published = [r.published for r in event.reports if r.published is not None]
    return min(published) if published else None


def _outlet(report: Report) -> str:
    return article_outlet(report.article) or UNNAMED_OUTLET


def load_view(path: Path, ids: Sequence[str] | None = None) -> CorpusView:
    """The selected articles (``None``: all) with corrections applied, and their merged events
    (the analyst's splits and joins applied, graded by the analyst's source grades)."""
    if not path.exists() or (ids is not None and not ids):
        return CorpusView((), ())
    with reading(path) as store:
        stored = store.reports(ids)
        judgements = store.judgements()
    reports = tuple((s.article_id, s.report) for s in stored)
    stories = copies_in(reports)  # found once, for the merging and the sources
    return CorpusView(reports, tuple(merge_events(reports, judgements, stories)), judgements=judgements,
                      copies=repeating_articles(stories))
