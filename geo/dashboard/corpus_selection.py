"""The Corpus page's selected event, without Streamlit: a panel row or a map symbol selects a merged
event; this says what to show of it (its grade, why its reports were merged, each report with its
outlet, title, date and evidence marked in the text around it) and what it can be joined with.

    merged = view.merged_event(key)               # key: any of its reports' event keys
    cards = report_cards(view, merged)            # one per report, the evidence marked (escaped HTML)
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from geo.corpus import UNNAMED_OUTLET, MergedEvent, article_outlet
from geo.dashboard.corpus_view import CorpusView
from geo.maps import MapPoint
from geo.model import where_text

CONTEXT_CHARS = 160  # text shown either side of the evidence sentence


@dataclass(frozen=True, slots=True)
class ReportCard:
    """One article's report of the selected event."""

    key: str
    outlet: str
    title: str
    published: date | None
    copies: int  # other articles with the same story
    evidence_html: str  # the evidence sentence marked in its surroundings, escaped

    @property
    def heading(self) -> str:
        when = self.published.isoformat() if self.published else "undated"
        copies = f" (+{self.copies} cop{'y' if self.copies == 1 else 'ies'} of the story)" if self.copies else ""
        return f"{self.outlet} · {when} · {self.title}{copies}"


def report_cards(view: CorpusView, event: MergedEvent) -> list[ReportCard]:
    """Each report of ``event`` with its evidence sentence marked in the text around it."""
    reports = dict(view.reports)
    cards = []
    for item in event.reports:
        report = reports.get(item.article_id)
        if report is None:
            continue
        text, span = report.article.text, item.event.evidence
        start, end = max(0, span.start - CONTEXT_CHARS), min(len(text), span.end + CONTEXT_CHARS)
        before, inside, after = text[start:span.start], text[span.start:span.end], text[span.end:end]
        marked = (("\u2026" if start else "") + html.escape(before) + f"<mark>{html.escape(inside)}</mark>"
                  + html.escape(after) + ("\u2026" if end < len(text) else ""))
        cards.append(ReportCard(item.key, article_outlet(report.article) or UNNAMED_OUTLET,
                                " ".join((report.article.title or "untitled").split()), report.article.published,
                                len(item.copies), " ".join(marked.split())))
    return cards


def events_at(view: CorpusView, point: MapPoint) -> list[MergedEvent]:
    """The merged events drawn at a map symbol."""
    found = (view.standing_of(e) for e in (*point.attacks, *point.responses))
    return list(dict.fromkeys(m for m in found if m is not None))


def event_label(event: MergedEvent) -> str:
    """One line naming a merged event in a picker: date, place, summary."""
    data = event.to_dict()
    parts = [data["date"] or "undated", where_text(data["place"], data["areas"]) or "location unknown", data["summary"]]
    return " · ".join(" ".join(str(p).split()) for p in parts)


def join_candidates(view: CorpusView, event: MergedEvent) -> list[MergedEvent]:
    """The other merged events of the same kind, the nearest in time first: what ``event`` can be joined with."""
    day = event.date

    def distance(other: MergedEvent) -> int:
        return abs((other.date - day).days) if other.date and day else 10**6

    return sorted((e for e in view.of_kind(event.kind) if e is not event), key=distance)
