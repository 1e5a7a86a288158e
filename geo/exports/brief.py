"""What an export holds: a report (one article's, or the corpus's merged events) after filters.

Every export format is written from a :class:`Brief`. A brief's ``report`` is an ordinary
:class:`~geo.model.Report`, so the map code draws it as it draws one article. For the corpus,
the articles' texts are joined into one text and every offset (place mentions, source claims,
event evidence) is shifted to index it, so a claim still covers only the mentions of its own
article. ``provenance`` says, per event (in ``report.events`` order), which articles and
outlets reported it, its Admiralty grade (geo.corpus.grading) and, for the corpus, why its reports
were merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from geo.model import Article, Event, Place, Report, Source, TextSpan

if TYPE_CHECKING:  # geo.corpus loads spaCy and Dask: imported where a brief merges events
    from geo.corpus import Judgements, MergedEvent

ARTICLE_SEPARATOR = "\n\n"
UNGRADED_CODE = "F6"  # reliability and credibility cannot be judged
RELIABILITY_ORDER = "ABCDEF"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to keep. ``None`` (or empty) means any."""

    kind: str | None = None  # "attack" | "response"
    category: str | None = None  # an ACLED sub-event type, compared case-insensitively
    actor: str | None = None  # words that must all occur in the actor
    source_type: str | None = None  # one of geo.model.SOURCE_TYPES: some source of the event has it
    since: date | None = None
    until: date | None = None
    reliability: str | None = None  # an Admiralty letter: the event's source is graded this or better

    @property
    def active(self) -> bool:
        return any(v is not None and v != "" for v in (self.kind, self.category, self.actor, self.source_type,
                                                        self.since, self.until, self.reliability))

    def keeps(self, event: Event, source_types: dict[str, str], grade: str = UNGRADED_CODE) -> bool:
        """Whether ``event`` passes; ``source_types`` maps a source's normalised name to its type,
        ``grade`` is the event's Admiralty code ("B2")."""
        if self.reliability and RELIABILITY_ORDER.index(grade[0]) > RELIABILITY_ORDER.index(self.reliability):
            return False
        if self.kind and event.kind != self.kind:
            return False
        if self.category and event.category.casefold() != self.category.casefold():
            return False
        if self.actor:
            wanted = _words(self.actor)
            if not wanted or not wanted <= _words(event.actor or ""):
                return False
        if self.source_type and not any(
            source_types.get(_normal(name)) == self.source_type for name in event.sources
        ):
            return False
        if (self.since or self.until) and event.date is None:
            return False
        if self.since and event.date and event.date < self.since:
            return False
        return not (self.until and event.date and event.date > self.until)


NO_FILTER = EventFilter()


def source_types(sources: Iterable[Source]) -> dict[str, str]:
    """Each source's type by its normalised name, as :meth:`EventFilter.keeps` reads them."""
    return {_normal(s.name): s.type for s in sources}


def same_source(name: str) -> str:
    """A source name normalised (case, articles and punctuation aside): "The AP" = "AP"."""
    return _normal(name)


@dataclass(frozen=True, slots=True)
class EventProvenance:
    """Who reported one event: the articles, their named outlets and whether some outlet is unknown
    (corroboration: distinct outlets, the unknown ones counting once), its Admiralty grade and what the
    grade rests on, and why its reports were merged (geo.corpus.merge)."""

    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    unnamed_outlet: bool = False
    grade: str = UNGRADED_CODE
    grade_basis: str = ""
    merge_reasons: tuple[str, ...] = ()

    @property
    def corroboration(self) -> int:
        return len(self.outlets) + self.unnamed_outlet

    def describe(self) -> str:
        """"reported by 3 outlet(s): A, B and an unnamed one", in plain text."""
        text = f"reported by {self.corroboration} outlet(s)"
        if self.outlets:
            text += ": " + ", ".join(self.outlets) + (" and an unnamed one" if self.unnamed_outlet else "")
        return text


def grade_note(event: Event, provenance: EventProvenance) -> str:
    """"grade B2", and ", corrected" when an analyst corrected the event: what a brief's table says beside
    its sources."""
    return f"grade {provenance.grade}" + (", corrected" if event.corrected else "")


@dataclass(frozen=True, slots=True)
class Brief:
    """A report ready to export, with a title and each event's provenance."""

    title: str
    report: Report
    provenance: tuple[EventProvenance, ...]
    subtitle: str = ""
    article_count: int = 1

    def provenance_of(self, index: int) -> EventProvenance:
        return self.provenance[index] if index < len(self.provenance) else EventProvenance()


@dataclass(frozen=True, slots=True)
class KeyFacts:
    """The headline numbers of a brief."""

    attacks: int
    responses: int
    killed: int | None  # None when no event gives a number
    injured: int | None
    first_date: date | None
    last_date: date | None
    sources: int  # distinct cited sources

    @property
    def date_span(self) -> str:
        if self.first_date is None or self.last_date is None:
            return "unknown"
        if self.first_date == self.last_date:
            return self.first_date.isoformat()
        return f"{self.first_date.isoformat()} to {self.last_date.isoformat()}"

    def to_dict(self) -> dict[str, object]:
        return {
            "attacks": self.attacks,
            "responses": self.responses,
            "killed": self.killed,
            "injured": self.injured,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "distinct_sources": self.sources,
        }

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs, in reading order."""
        def number(value: int | None) -> str:
            return "not reported" if value is None else str(value)

        return [
            ("Attacks", str(self.attacks)),
            ("Responses", str(self.responses)),
            ("Killed", number(self.killed)),
            ("Injured", number(self.injured)),
            ("Date span", self.date_span),
            ("Distinct sources", str(self.sources)),
        ]


def key_facts(brief: Brief) -> KeyFacts:
    """Counts, casualties (the sum of the numbers events give), date span and distinct sources.

    The date span is the events' own dates; for one article without any, its publication date.
    """
    report = brief.report
    events = report.events
    dates = sorted(e.date for e in events if e.date is not None)
    if not dates and report.article.published:
        dates = [report.article.published]
    # The sources cited as the panels list them (one row per source however it is spelled); an
    # event's source not in that list (a report without its sources table) counts too.
    names = {_normal(s.name) for s in report.sources} | {_normal(n) for e in events for n in e.sources}
    return KeyFacts(
        attacks=len(report.attacks),
        responses=len(report.responses),
        killed=_total(e.killed for e in events),
        injured=_total(e.injured for e in events),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        sources=len(names - {""}),
    )


def brief_from_report(report: Report, event_filter: EventFilter = NO_FILTER,
                      judgements: Judgements | None = None) -> Brief:
    """One article's brief, its events graded by the analyst's ``judgements`` of its sources."""
    from geo.corpus import NO_JUDGEMENTS, merge_events

    judgements = judgements or NO_JUDGEMENTS
    article = report.article
    outlet = article.outlet or ""
    subtitle = " | ".join(p for p in (outlet, article.published.isoformat() if article.published else "",
                                       article.url or "") if p)
    merged = {id(m.representative): m for m in merge_events([(article.text_sha256, report)], judgements)}
    events = [(e, _provenance(merged[id(e)], judgements)) for e in report.events]
    filtered, kept = _apply_filter(report, events, event_filter)
    return Brief(title=article.title or "Untitled article", report=filtered, provenance=kept, subtitle=subtitle)


def brief_from_corpus(reports: Sequence[tuple[str, Report]], event_filter: EventFilter = NO_FILTER,
                      judgements: Judgements | None = None) -> Brief:
    """The corpus's brief: ``(article_id, report)`` pairs, their events merged across articles (with the
    analyst's splits and joins) and graded; a story told by several articles lists its sources once."""
    from geo.corpus import NO_JUDGEMENTS, copies_in, merge_events, repeating_articles

    judgements = judgements or NO_JUDGEMENTS
    stories = copies_in(reports)  # a story told by several articles: its sources read once
    offsets: dict[str, int] = {}
    texts: list[str] = []
    position = 0
    for article_id, report in reports:
        offsets[article_id] = position
        texts.append(report.article.text)
        position += len(report.article.text) + len(ARTICLE_SEPARATOR)
    text = ARTICLE_SEPARATOR.join(texts)
    places = _corpus_places(reports, offsets)
    copies = repeating_articles(stories)
    sources = _corpus_sources([(a, r) for a, r in reports if a not in copies], offsets)
    events: list[tuple[Event, EventProvenance]] = []
    for merged in merge_events(reports, judgements, stories):
        data = merged.to_dict()
        best = merged.representative
        home = next(r for r in merged.reports if r.event is best)
        event = replace(
            best,
            place=data["place"], place_key=data["place_key"], lat=data["lat"], lon=data["lon"],
            date=merged.date, count=data["count"], killed=data["killed"], injured=data["injured"],
            actor=data["actor"], target=data["target"], sources=merged.sources,
            evidence=_shift(best.evidence, offsets[home.article_id]),
            mentions=tuple(_shift(r.event.evidence, offsets[r.article_id]) for r in merged.reports),
        )
        events.append((event, _provenance(merged, judgements)))
    outlets = {o.casefold() for _, p in events for o in p.outlets}
    corpus = Report(
        article=Article(text=text, title=f"Corpus: {len(reports)} article(s)"),
        places=tuple(places), sources=tuple(sources), meta={"corpus_articles": len(reports)},
    )
    filtered, kept = _apply_filter(corpus, events, event_filter)
    subtitle = f"{len(reports)} article(s), {len(outlets)} outlet(s)"
    return Brief(title=corpus.article.title or "Corpus", report=filtered, provenance=kept, subtitle=subtitle,
                 article_count=len(reports))


def _apply_filter(
    report: Report, events: list[tuple[Event, EventProvenance]], event_filter: EventFilter
) -> tuple[Report, tuple[EventProvenance, ...]]:
    """Keep the events that pass; with a filter, keep only the places and sources they involve."""
    types = source_types(report.sources)
    kept = [(e, p) for e, p in events if event_filter.keeps(e, types, p.grade)]
    attacks = [(e, p) for e, p in kept if e.kind == "attack"]
    responses = [(e, p) for e, p in kept if e.kind != "attack"]
    places, sources = report.places, report.sources
    if event_filter.active:
        place_keys = {e.place_key for e, _ in kept} | {e.place for e, _ in kept}
        places = tuple(p for p in places if p.key in place_keys or p.name in place_keys)
        cited = {_normal(name) for e, _ in kept for name in e.sources}
        sources = tuple(s for s in sources if _normal(s.name) in cited)
    filtered = replace(report, places=places, sources=sources,
                       attacks=tuple(e for e, _ in attacks), responses=tuple(e for e, _ in responses))
    return filtered, tuple(p for _, p in attacks + responses)


def _provenance(merged: MergedEvent, judgements: Judgements) -> EventProvenance:
    from geo.corpus import event_grade

    grade = event_grade(merged, judgements)
    return EventProvenance(articles=merged.articles, outlets=merged.outlets, unnamed_outlet=merged.unnamed_outlet,
                           grade=grade.code, grade_basis=grade.basis, merge_reasons=merged.reasons)


def _corpus_places(reports: Sequence[tuple[str, Report]], offsets: dict[str, int]) -> list[Place]:
    """One place per key: the most confident reading, with every article's mentions."""
    best: dict[str, Place] = {}
    mentions: dict[str, list[TextSpan]] = {}
    for article_id, report in reports:
        for place in report.places:
            if place.key not in best or place.confidence > best[place.key].confidence:
                best[place.key] = place
            mentions.setdefault(place.key, []).extend(_shift(m, offsets[article_id]) for m in place.mentions)
    return [replace(place, mentions=tuple(mentions[key])) for key, place in best.items()]


def _corpus_sources(reports: Sequence[tuple[str, Report]], offsets: dict[str, int]) -> list[Source]:
    """One source per name and type, with every article's claims."""
    merged: dict[tuple[str, str], Source] = {}
    for article_id, report in reports:
        for source in report.sources:
            key = (_normal(source.name), source.type)
            claims = tuple(_shift(c, offsets[article_id]) for c in source.claims)
            if key in merged:
                merged[key] = replace(merged[key], claims=merged[key].claims + claims)
            else:
                merged[key] = replace(source, claims=claims)
    return list(merged.values())


def _shift(span: TextSpan, offset: int) -> TextSpan:
    return TextSpan(span.text, span.start + offset, span.end + offset) if offset else span


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _normal(name: str) -> str:
    return " ".join(w for w in _WORD.findall(name.casefold()) if w not in {"the", "a", "an"})


def _total(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None
