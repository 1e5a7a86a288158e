"""Across articles: one merged event per happening, corroborated by distinct outlets, and why.

    merged = merge_events([(article_id, report), ...], judgements)

Steps, in this order:

1. **Copies are one report.** Articles that tell one story in (nearly) the same words (the same
   text pasted and uploaded, or syndicated: geo.corpus.duplicates) count once: the copy whose
   identity is best known (outlet, date, title, URL) stands for the story; the others are listed as
   its copies and add no events and no corroboration.
2. **Reports of one happening merge** when geo.corpus.matching.compare says so: same kind and
   category, compatible dates, places that agree at the finest level both give, agreeing actors
   and targets, casualty figures that do not contradict. A report joins the earliest merged event
   whose every report it matches (no drift along a chain of near matches); events of one article
   never merge with each other; undated or unlocated reports never merge.
3. **The analyst's decisions** (geo.corpus.judgements.MergeDecision) are applied, oldest first: a
   split report stands alone, a join puts two merged events together.

A merged event's corroboration is the number of distinct outlets among its reports, by name (case
aside); reports whose outlet is unknown count once together, since nothing tells them apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from geo.corpus.duplicates import StoryCopies, story_copies
from geo.corpus.judgements import NO_JUDGEMENTS, Judgements, event_keys, source_key
from geo.corpus.matching import ReportedEvent, compare
from geo.ingest import outlet_of
from geo.model import Article, Event, Place, Report, TextSpan

UNNAMED_OUTLET = "unnamed outlet"


def article_outlet(article: Article) -> str | None:
    """Who published the article: its outlet, else its URL's registered domain; None when unknown."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    return outlet_of(article.url)


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's report of an event; ``copies``: the articles that repeat that article's story."""

    article_id: str
    outlet: str | None
    event: Event
    published: date | None = None  # the article's publication date
    key: str = ""  # geo.corpus.judgements.event_keys
    place: Place | None = None  # the report's place the event is at, when it is one of the report's places
    copies: tuple[str, ...] = ()
    title: str | None = None  # the article's

    @property
    def when(self) -> tuple[date | None, bool]:
        """The event's date, else the article's publication date; and whether it is the event's own."""
        if self.event.date is not None:
            return self.event.date, True
        return self.published, False

    def reported(self) -> ReportedEvent:
        """What geo.corpus.matching compares."""
        day, own = self.when
        e, p = self.event, self.place
        return ReportedEvent(
            article_id=self.article_id, kind=e.kind, category=e.category, day=day, own_day=own,
            month_only=own and e.date_precision == "month", published=self.published, place=e.place,
            place_kind=p.kind if p else None, country=p.country if p else None,
            admin1=(p.name if p.kind == "admin1" else p.admin1) if p else None,
            lat=e.lat, lon=e.lon, actor=e.actor, target=e.target, killed=e.killed, injured=e.injured,
        )


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One happening, as reported by one or more articles; ``reasons``: why its reports were merged
    (one line per report after the first), or what the analyst decided."""

    reports: tuple[EventReport, ...]
    reasons: tuple[str, ...] = ()

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
    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.reports)

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles that report it, copies of one story too."""
        return tuple(dict.fromkeys(a for r in self.reports for a in (r.article_id, *r.copies)))

    @property
    def outlets(self) -> tuple[str, ...]:
        """The named outlets of its reports (case aside), in order."""
        seen: dict[str, str] = {}
        for r in self.reports:
            if r.outlet:
                seen.setdefault(r.outlet.casefold(), r.outlet)
        return tuple(seen.values())

    @property
    def unnamed_outlet(self) -> bool:
        """Whether some report's outlet is unknown."""
        return any(not r.outlet for r in self.reports)

    @property
    def corroboration(self) -> int:
        return len(self.outlets) + self.unnamed_outlet

    @property
    def outlet_names(self) -> tuple[str, ...]:
        """The named outlets, and "unnamed outlet" when some report's is unknown: what a panel lists."""
        return (*self.outlets, *((UNNAMED_OUTLET,) if self.unnamed_outlet else ()))

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for r in self.reports:
            for name in r.event.sources:
                seen.setdefault(source_key(name), name)
        return tuple(seen.values())

    @property
    def date(self) -> date | None:
        """The date most reports give (ties: the earliest)."""
        dates = Counter(r.event.date for r in self.reports if r.event.date is not None)
        if not dates:
            return None
        return min(dates, key=lambda d: (-dates[d], d))

    @property
    def corrected(self) -> bool:
        """Whether an analyst corrected one of its reports (geo.corpus.event_corrections)."""
        return any(r.event.corrected for r in self.reports)

    def to_dict(self) -> dict[str, Any]:
        """Issue 2's EVENT fields, plus kind, articles, outlets, corroboration and why it was merged.

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
            "areas": list(place.areas),
            "date": self.date.isoformat() if self.date else None,
            "count": _highest(r.event.count for r in self.reports),
            "killed": _highest(r.event.killed for r in self.reports),
            "injured": _highest(r.event.injured for r in self.reports),
            "evidence": _evidence(self._report_of(best)),
            "mentions": [_evidence(r) for r in self.reports],
            "sources": list(self.sources),
            "articles": list(self.articles),
            "outlets": list(self.outlet_names),
            "corroboration": self.corroboration,
            "corrected": self.corrected,
            "events": list(self.keys),
            "merge_reasons": list(self.reasons),
        }

    def _report_of(self, event: Event) -> EventReport:
        return next(r for r in self.reports if r.event is event)


def merge_events(reports: Iterable[tuple[str, Report]], judgements: Judgements = NO_JUDGEMENTS,
                 stories: Sequence[StoryCopies] | None = None) -> list[MergedEvent]:
    """Group the events of ``(article_id, report)`` pairs into merged events, in input order.
    ``stories``: :func:`copies_in` of the same reports, when the caller has it already."""
    pairs = list(reports)
    stories = copies_in(pairs) if stories is None else stories
    copies_of = {story.kept: tuple(a for a, _ in story.copies) for story in stories}
    repeating = repeating_articles(stories)
    groups = _Groups()
    for article_id, report in pairs:
        if article_id in repeating:
            continue  # a copy of another article's story: that one reports it
        for item in _event_reports(article_id, report, copies_of.get(article_id, ())):
            groups.place(item)
    groups.apply(judgements)
    return groups.merged()


def copies_in(reports: Sequence[tuple[str, Report]]) -> tuple[StoryCopies, ...]:
    """The stories told by more than one of the reports' articles, as ``merge_events`` finds them.

    The article kept for a story is the original as far as the articles tell: the one whose identity
    is best known (outlet, date, title, URL), then the one the others credit (its outlet named in their
    text: "Reporting by the Northern Wire desk"), then the earliest published, then the first stored.
    """
    articles = {a: r.article for a, r in reports}

    def original(members: Sequence[str]) -> str:
        def credited(a: str) -> int:
            outlet = (articles[a].outlet or "").casefold()
            return sum(bool(outlet) and outlet in articles[b].text.casefold() for b in members if b != a)

        return min(members, key=lambda a: (-_identity(articles[a]), -credited(a),
                                           articles[a].published or date.max, members.index(a)))

    return story_copies([(a, r.article.text) for a, r in reports], choose=original)


def repeating_articles(stories: Iterable[StoryCopies]) -> frozenset[str]:
    """The articles that repeat another's story (each story's copies, not the one kept)."""
    return frozenset(article_id for story in stories for article_id, _ in story.copies)


def _event_reports(article_id: str, report: Report, copies: tuple[str, ...]) -> Iterable[EventReport]:
    places = {p.key: p for p in report.places}
    outlet, published = article_outlet(report.article), report.article.published
    for key, event in zip(event_keys(article_id, report), report.events):
        place = places.get(event.place_key) if event.place_key else None
        yield EventReport(article_id, outlet, event, published, key=key, place=place, copies=copies,
                          title=report.article.title)


class _Groups:
    """Merged events being built: each a list of reports and the reasons they are together.

    Groups are indexed by kind, category and the month of their first report's day: a report can
    only match a group whose first report is at most a few days from it (geo.corpus.matching), so
    it is compared with the groups of the months three days around its own day.
    """

    def __init__(self) -> None:
        self.members: list[list[EventReport]] = []
        self.reasons: list[list[str]] = []
        self._index: dict[tuple[str, str, int, int], list[int]] = {}

    def place(self, item: EventReport) -> None:
        seen = item.reported()
        if seen.day is None or seen.lat is None:
            self._new(item)  # undated or unlocated: never merged
            return
        for group in self._near(item.event.kind, item.event.category, seen.day):
            verdicts = [compare(seen, member.reported()) for member in self.members[group]]
            if all(v.same for v in verdicts):
                self.members[group].append(item)
                self.reasons[group].append(f"{_label(item)}: " + "; ".join(verdicts[0].reasons))
                return
        index = self._new(item)
        self._index.setdefault((item.event.kind, item.event.category, seen.day.year, seen.day.month), []).append(index)

    def _new(self, item: EventReport) -> int:
        self.members.append([item])
        self.reasons.append([])
        return len(self.members) - 1

    def _near(self, kind: str, category: str, day: date) -> list[int]:
        months = {(d.year, d.month) for d in (day - timedelta(days=3), day, day + timedelta(days=3))}
        return sorted(g for month in months for g in self._index.get((kind, category, *month), ()))

    def apply(self, judgements: Judgements) -> None:
        """The analyst's splits and joins, oldest first."""
        for decision in judgements.decisions:
            home = self._group_of(decision.event)
            if home is None:
                continue
            if decision.action == "split":
                if len(self.members[home]) > 1:
                    item = next(r for r in self.members[home] if r.key == decision.event)
                    self.members[home].remove(item)
                    self.reasons[home] = [r for r in self.reasons[home] if not r.startswith(f"{_label(item)}:")]
                    self.members.append([item])
                    self.reasons.append(["split from a merged event by the analyst"])
                continue
            other = self._group_of(decision.other or "")
            if other is None or other == home or self.members[other][0].event.kind != self.members[home][0].event.kind:
                continue
            joined = self.members[other]
            self.members[home].extend(joined)
            self.reasons[home].extend([*self.reasons[other], *(f"{_label(r)}: joined by the analyst" for r in joined)])
            self.members[other], self.reasons[other] = [], []

    def _group_of(self, key: str) -> int | None:
        return next((i for i, group in enumerate(self.members) if any(r.key == key for r in group)), None)

    def merged(self) -> list[MergedEvent]:
        return [MergedEvent(tuple(group), tuple(reasons))
                for group, reasons in zip(self.members, self.reasons) if group]


def _label(item: EventReport) -> str:
    title = item.title or "untitled"
    if len(title) > 60:
        title = title[:59] + "\u2026"
    return f"{item.outlet or UNNAMED_OUTLET}, \u201c{title}\u201d"


def _identity(article: Article) -> int:
    """How much of an article's identity is known: outlet, publication date, title, URL."""
    return sum(bool(value) for value in (article.outlet, article.published, article.title, article.url))


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
