"""What the Corpus page lets an analyst change, without Streamlit: the articles added, the reading of
a place, an event (move, re-kind, edit, delete), a merge (split, join), a source's Admiralty grade and
an article's identity (title, outlet, URL, date). Each call opens the store, writes in one transaction (or raises
a GeoError with a one-line message that names no server path, nothing stored) and closes it again;
what is only read is read read-only (geo.dashboard.store_access).

    save_grade(path, "Reuters", "B")
    correct_event(path, merged.keys, {"kind": "response"})
    correction_rows(path)            # what the analyst has changed, to list and undo
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.corpus import (NO_JUDGEMENTS, ArticleIdentity, IngestSummary, Judgements, MergeDecision, Progress,
                         event_correction, ingest_into, parse_grade)
from geo.dashboard.store_access import reading, visitor_errors, writing
from geo.model import Candidate, Place, Report
from geo.places import candidate_label


@dataclass(frozen=True, slots=True)
class CorrectablePlace:
    """A place of one stored article as analysed, and how the analyst has corrected it, if at all."""

    place: Place
    current: str  # the reading the corpus shows now: a candidate label, or "dropped"


def add_articles(path: Path, urls: Iterable[str], uploads: Iterable[tuple[str, bytes]],
                 progress: Callable[[Progress], None] | None = None) -> IngestSummary:
    """URLs, feeds and uploaded files (name, bytes) ingested into the store (``geo.corpus.ingest_into``: the
    file held per batch only, so the page's readers get in); its errors name no server path."""
    with visitor_errors(path):
        return ingest_into(path, urls, uploads, progress=progress)


def correctable_places(path: Path, article_id: str) -> tuple[Report, list[CorrectablePlace]]:
    """An article's report as analysed, and each place with the reading the corrections give it."""
    with reading(path) as store:
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


def reading_label(candidate: Candidate | None) -> str:
    return "Drop this place" if candidate is None else candidate_label(candidate)


def correct_event(path: Path, keys: Sequence[str], changes: Mapping[str, Any] | None = None, *,
                  delete: bool = False) -> None:
    """Change fields (geo.corpus.event_corrections.EDITABLE_FIELDS) of the reports ``keys`` of one merged
    event, or delete them, in one transaction."""
    corrections = [event_correction(key, changes, delete=delete) for key in keys]
    with writing(path) as store:
        store.save_event_corrections(corrections)


def undo_event(path: Path, key: str) -> int:
    """Bring an event back as analysed; how many corrections were forgotten."""
    with writing(path) as store:
        return store.undo_event_correction(key)


def split_event(path: Path, key: str) -> None:
    """Take one report out of its merged event."""
    with writing(path) as store:
        store.save_merge_decision(MergeDecision("split", key))


def join_events(path: Path, key: str, other: str) -> None:
    """Put the merged events holding two reports together."""
    with writing(path) as store:
        store.save_merge_decision(MergeDecision("join", key, other))


def undo_merge_decisions(path: Path, key: str) -> int:
    with writing(path) as store:
        return store.undo_merge_decisions(key)


def save_grade(path: Path, name: str, code: str) -> None:
    """Grade a source or an outlet ("B", "B2") across the corpus."""
    grade = parse_grade(code)
    with writing(path) as store:
        store.save_grade(name, grade)


def delete_grade(path: Path, name: str) -> int:
    with writing(path) as store:
        return store.delete_grade(name)


def save_identity(path: Path, article_id: str, title: str | None, outlet: str | None, url: str | None,
                  published: object) -> None:
    """Set a stored article's title, outlet, URL and publication date."""
    identity = ArticleIdentity.checked(title, outlet, url, published)
    with writing(path) as store:
        store.update_identity(article_id, identity)


def stored_judgements(path: Path) -> Judgements:
    """The analyst's merge decisions and source grades (none when there is no corpus yet)."""
    if not path.exists():
        return NO_JUDGEMENTS
    with reading(path) as store:
        return store.judgements()


def correction_rows(path: Path) -> list[dict[str, str]]:
    """Every change the analyst made to events, merges and grades, oldest first, to list and undo:
    ``what`` (event, merge, grade), ``key`` (the event key or source name) and ``change``."""
    if not path.exists():
        return []
    with reading(path) as store:
        events = store.event_corrections()
        judgements = store.judgements()
    rows = [{"what": "event", "key": c.event, "change": c.describe()} for c in events]
    rows += [{"what": "merge", "key": d.event, "change": d.action + (f" with {d.other}" if d.other else "")}
             for d in judgements.decisions]
    rows += [{"what": "grade", "key": g.name, "change": f"graded {g.grade.code}"} for g in judgements.grades]
    return rows
