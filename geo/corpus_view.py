"""What the dashboard's corpus view shows, computed without Streamlit.

    articles = read_articles(path)                       # the list, from SQL counts
    view = load_view(path, ids)                          # ids=None: the whole corpus
    view.map_report()                                    # a Report for geo.mapping.build_map
    view.attack_rows(), view.timeline_rows(), ...        # the panels and the timeline

Every function opens the store, reads or writes, and closes it again: the dashboard never keeps
the database file locked, so ``python -m geo ingest`` can run while it is open (the dashboard
then waits for the ingest's lock, or reports it as ``StoreLockedError``). A missing database
file reads as an empty corpus and is not created by reading. Reports are read with the
analysts' stored corrections applied (geo.store_corrections).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from geo.corpus import MergedEvent, merge_events, outlet_of
from geo.corrections import candidate_label
from geo.export_brief import NO_FILTER, EventFilter, same_source, source_types
from geo.model import Article, Candidate, Event, Place, Report, Source
from geo.report_tables import CLAIM_SEPARATOR, EVENT_COLUMNS, PLACE_COLUMNS, event_row, place_row
from geo.store import ArticleSummary, Store
from geo.store_corrections import corrections_for_place

READ_LOCK_TIMEOUT_S = 3.0  # a dashboard request waits this long for a writer, then says so
WRITE_LOCK_TIMEOUT_S = 10.0
MAX_CLAIMS_SHOWN = 3
MAX_FILLED_DAYS = 180

ARTICLE_COLUMNS: tuple[str, ...] = ("published", "outlet", "title", "places", "attacks", "responses", "sources",
                                    "url", "id")
MERGED_EVENT_COLUMNS: tuple[str, ...] = (*EVENT_COLUMNS[:3], "corroboration", "outlets", *EVENT_COLUMNS[3:])
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


def read_articles(path: Path) -> list[ArticleSummary]:
    """The stored articles with their counts, oldest fetch first ([] when there is no database yet)."""
    if not path.exists():
        return []
    with Store.open(path, lock_timeout=READ_LOCK_TIMEOUT_S) as store:
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


@dataclass(frozen=True, slots=True)
class CorpusView:
    """A selection of stored articles (corrections applied) and their merged events; with an
    active ``event_filter`` (see :meth:`filtered`) only the events that pass it, and only the
    places they happened at and the sources they cite."""

    reports: tuple[tuple[str, Report], ...]
    events: tuple[MergedEvent, ...]
    event_filter: EventFilter = NO_FILTER

    def filtered(self, event_filter: EventFilter) -> CorpusView:
        """The merged events that pass ``event_filter`` (judged on the merged event: its place,
        date, actor and every outlet's sources)."""
        types = source_types(s for _, report in self.reports for s in report.sources)
        kept = tuple(e for e in self.events if event_filter.keeps(self.merged_event(e), types))
        return replace(self, events=kept, event_filter=event_filter)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(article_id for article_id, _ in self.reports)

    @property
    def attacks(self) -> tuple[MergedEvent, ...]:
        return tuple(e for e in self.events if e.kind == "attack")

    @property
    def responses(self) -> tuple[MergedEvent, ...]:
        return tuple(e for e in self.events if e.kind != "attack")

    def places(self) -> list[tuple[Place, tuple[str, ...]]]:
        """One place per key across the articles: the most confident reading, every mention, and
        the articles that name it."""
        grouped: dict[str, list[tuple[str, Place]]] = {}
        involved = self._involved_places()
        for article_id, report in self.reports:
            for place in report.places:
                if involved is None or place.key in involved or place.name in involved:
                    grouped.setdefault(place.key, []).append((article_id, place))
        merged = []
        for items in grouped.values():
            best = max((p for _, p in items), key=lambda p: (p.corrected, p.confidence))
            mentions = tuple(m for _, p in items for m in p.mentions)
            merged.append((replace(best, mentions=mentions), tuple(dict.fromkeys(a for a, _ in items))))
        return merged

    def _involved_places(self) -> set[str] | None:
        """With an active filter, the keys and names of the places its events happened at."""
        if not self.event_filter.active:
            return None
        data = [e.to_dict() for e in self.events]
        return {d["place_key"] for d in data if d["place_key"]} | {d["place"] for d in data if d["place"]}

    def merged_event(self, event: MergedEvent) -> Event:
        """One Event standing for a merged event: the most detailed report, with the merged place,
        date, numbers and sources; its summary says how many outlets report it."""
        data = event.to_dict()
        summary = data["summary"] + (f" (reported by {event.corroboration} outlets)" if event.corroboration > 1 else "")
        return replace(
            event.representative, summary=summary, actor=data["actor"], target=data["target"], place=data["place"],
            place_key=data["place_key"], lat=data["lat"], lon=data["lon"], date=event.date, count=data["count"],
            killed=data["killed"], injured=data["injured"], sources=tuple(data["sources"]),
        )

    def map_report(self) -> Report:
        """The selection as one Report for geo.mapping: merged places and merged events.

        Its sources are left out: their claims' offsets belong to different articles' texts.
        """
        events = [self.merged_event(e) for e in self.events]
        title = f"{len(self.reports)} article(s)"
        return Report(
            article=Article(text="", title=title),
            places=tuple(place for place, _ in self.places()),
            attacks=tuple(e for e in events if e.kind == "attack"),
            responses=tuple(e for e in events if e.kind != "attack"),
        )

    def event_rows(self, kind: str) -> list[dict[str, Any]]:
        """Attacks (``kind="attack"``) or responses as rows, with corroboration and outlets."""
        chosen = self.attacks if kind == "attack" else self.responses
        rows = []
        for event in chosen:
            row = event_row(self.merged_event(event))
            row["summary"] = event.representative.summary
            row["corroboration"] = event.corroboration
            row["outlets"] = ", ".join(event.outlets)
            rows.append({column: row[column] for column in MERGED_EVENT_COLUMNS})
        return rows

    def source_rows(self) -> list[dict[str, Any]]:
        """One row per source name across the articles (case and spacing aside)."""
        outlet_of_article = {article_id: _outlet(report, article_id) for article_id, report in self.reports}
        grouped: dict[str, list[tuple[str, Source]]] = {}
        cited = ({same_source(name) for e in self.events for name in e.sources}
                 if self.event_filter.active else None)
        for article_id, report in self.reports:
            for source in report.sources:
                if cited is not None and same_source(source.name) not in cited:
                    continue
                grouped.setdefault(" ".join(source.name.casefold().split()), []).append((article_id, source))
        rows = []
        for items in grouped.values():
            first = items[0][1]
            claims = [" ".join(c.text.split()) for _, s in items for c in s.claims]
            articles = tuple(dict.fromkeys(a for a, _ in items))
            rows.append({
                "name": first.name,
                "type": Counter(s.type for _, s in items).most_common(1)[0][0],
                "articles": len(articles),
                "outlets": ", ".join(dict.fromkeys(outlet_of_article[a] for a in articles)),
                "claims": CLAIM_SEPARATOR.join(claims[:MAX_CLAIMS_SHOWN]) + (" …" if len(claims) > MAX_CLAIMS_SHOWN else ""),
                "claim_count": len(claims),
            })
        return sorted(rows, key=lambda r: (-r["articles"], -r["claim_count"], r["name"].casefold()))

    def place_rows(self) -> list[dict[str, Any]]:
        rows = []
        for place, articles in self.places():
            row = place_row(place)
            row["articles"] = len(articles)
            rows.append({column: row[column] for column in CORPUS_PLACE_COLUMNS})
        return rows

    def timeline_rows(self) -> list[dict[str, Any]]:
        """Merged events per day and kind, oldest first: the event's date, else its earliest article's
        publication date; events with neither are left out (``undated_count``). Days without events
        between the first and the last are included (with zeros) when the span is at most
        ``MAX_FILLED_DAYS``, so that the chart's axis is a calendar."""
        days: dict[date, Counter[str]] = {}
        for event in self.events:
            day = event_day(event)
            if day is not None:
                days.setdefault(day, Counter())["attacks" if event.kind == "attack" else "responses"] += 1
        if days and (max(days) - min(days)).days <= MAX_FILLED_DAYS:
            first, span = min(days), (max(days) - min(days)).days
            for offset in range(span + 1):
                days.setdefault(first + timedelta(days=offset), Counter())
        return [{"day": day, "attacks": c["attacks"], "responses": c["responses"]} for day, c in sorted(days.items())]

    def undated_count(self) -> int:
        return sum(event_day(e) is None for e in self.events)


def event_day(event: MergedEvent) -> date | None:
    """When a merged event happened, as far as its reports say."""
    if event.date is not None:
        return event.date
    published = [r.published for r in event.reports if r.published is not None]
    return min(published) if published else None


def _outlet(report: Report, article_id: str) -> str:
    return outlet_of(report.article, article_id)


def load_view(path: Path, ids: Sequence[str] | None = None) -> CorpusView:
    """The selected articles (``None``: all) with corrections applied, and their merged events."""
    if not path.exists() or (ids is not None and not ids):
        return CorpusView((), ())
    with Store.open(path, lock_timeout=READ_LOCK_TIMEOUT_S) as store:
        stored = store.reports(ids)
    reports = tuple((s.article_id, s.report) for s in stored)
    return CorpusView(reports, tuple(merge_events(reports)))


@dataclass(frozen=True, slots=True)
class CorrectablePlace:
    """A place of one stored article as analysed, and how the analyst has corrected it, if at all."""

    place: Place
    current: str  # the reading the corpus shows now: a candidate label, or "dropped"


def correctable_places(path: Path, article_id: str) -> tuple[Report, list[CorrectablePlace]]:
    """An article's report as analysed, and each place with the reading the corrections give it."""
    with Store.open(path, lock_timeout=READ_LOCK_TIMEOUT_S) as store:
        analysed = store.load_report(article_id, corrected=False)
        corrected = store.load_report(article_id)
    now = {}
    for place in analysed.places:
        mentions = set(place.mentions)
        after = next((p for p in corrected.places if mentions & set(p.mentions)), None)
        now[place.key] = "dropped" if after is None else (
            "as analysed" if not after.corrected else f"corrected to {after.name}"
        )
    return analysed, [CorrectablePlace(p, now[p.key]) for p in analysed.places]


def save_place_correction(path: Path, article_id: str, place: Place, candidate: Candidate | None) -> None:
    """Store the analyst's reading of ``place`` (one of its alternatives, or None to drop it)."""
    with Store.open(path, lock_timeout=WRITE_LOCK_TIMEOUT_S) as store:
        store.save_corrections(corrections_for_place(article_id, place, candidate))


def reset_corrections(path: Path, article_id: str) -> int:
    """Forget the analyst's corrections of one article; how many mention decisions were removed."""
    with Store.open(path, lock_timeout=WRITE_LOCK_TIMEOUT_S) as store:
        return store.delete_corrections(article_id)


def reading_label(candidate: Candidate | None) -> str:
    return "Drop this place" if candidate is None else candidate_label(candidate)
