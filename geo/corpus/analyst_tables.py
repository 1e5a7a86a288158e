"""The analyst's records in the corpus store: place and event corrections, merge decisions, source
grades and edits of an article's identity. ``Store`` (geo.corpus.store) has these methods; they
are kept here so that the store's own module is about articles and reports.

Every write checks its input first and is one transaction: a bad value, or an article or event that
is not (or no longer) in the corpus, is an error and nothing is stored.

May import: the core, ``geo.ingest`` (dates and URLs as it reads them).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from geo.corpus.corrections import PlaceCorrection
from geo.corpus.database import StoreError
from geo.corpus.event_corrections import EventCorrection, correction_from_row
from geo.corpus.judgements import Grade, Judgements, MergeDecision, SourceGrade, article_of_key, event_keys
from geo.errors import InputError
from geo.ingest import parse_header_date
from geo.model import Report

MAX_IDENTITY_CHARS = 500


@dataclass(frozen=True, slots=True)
class ArticleIdentity:
    """What an analyst may set of an article: title, outlet, URL and publication date (None: unknown)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None

    @classmethod
    def checked(cls, title: str | None, outlet: str | None, url: str | None, published: object) -> ArticleIdentity:
        """Tidied and checked: InputError for a URL that is not http(s), a date that is not one or is
        in the future, or an overlong value."""
        values = {}
        for name, value in (("title", title), ("outlet", outlet), ("url", url)):
            text = " ".join((value or "").split())
            if len(text) > MAX_IDENTITY_CHARS:
                raise InputError(f"An article's {name} is at most {MAX_IDENTITY_CHARS} characters.")
            values[name] = text or None
        if values["url"] and not values["url"].lower().startswith(("http://", "https://")):
            raise InputError(f"An article's URL starts with http:// or https://, not {values['url'][:40]!r}.")
        day = None
        if published not in (None, ""):
            day = parse_header_date(published)
            if day is None:
                raise InputError(f"{published!r} is not a date (write it as YYYY-MM-DD).")
        return cls(values["title"], values["outlet"], values["url"], day)


class AnalystTables:
    """The analyst's records; mixed into ``Store``, whose connection, path and transactions they use."""

    _con: duckdb.DuckDBPyConnection
    path: Path

    def _transaction(self) -> AbstractContextManager[None]:  # Store's
        raise NotImplementedError

    def analyzer_version_of(self, article_id: str) -> str | None:  # Store's
        raise NotImplementedError

    def load_report(self, article_id: str, *, corrected: bool = True) -> Report:  # Store's
        raise NotImplementedError

    def _require_article(self, article_id: str) -> None:
        if self.analyzer_version_of(article_id) is None:
            raise StoreError(f"No article {article_id} in {self.path}; nothing stored.")

    # -- place corrections -------------------------------------------------------------------

    def save_correction(self, correction: PlaceCorrection) -> None:
        """Store an analyst's correction, replacing any earlier one for the same mention."""
        self.save_corrections([correction])

    def save_corrections(self, corrections: Sequence[PlaceCorrection]) -> None:
        """Store corrections (e.g. one per mention of a place) in one transaction; each replaces
        any earlier one for the same mention."""
        for c in corrections:
            if c.action not in ("choose", "drop"):
                raise StoreError(f"A correction is 'choose' or 'drop', not {c.action!r}.")
            if c.action == "choose" and (c.lat is None or c.lon is None or not c.name):
                raise StoreError("Choosing another place needs its name, lat and lon.")
        with self._transaction():
            for c in corrections:
                self._require_article(c.article_id)
                mention = [c.article_id, c.mention_start, c.mention_end]
                self._con.execute(
                    "DELETE FROM corrections WHERE article_id = ? AND mention_start = ? AND mention_end = ?", mention
                )
                self._con.execute(
                    "INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [*mention, c.action, c.geonameid, c.name, c.lat, c.lon, _now()],
                )

    def delete_corrections(self, article_id: str) -> int:
        """Forget every correction of one article (the analysis stands again); how many were removed."""
        with self._transaction():
            row = self._con.execute("SELECT count(*) FROM corrections WHERE article_id = ?", [article_id]).fetchone()
            self._con.execute("DELETE FROM corrections WHERE article_id = ?", [article_id])
        return int(row[0]) if row else 0

    def corrections(self, article_id: str | None = None) -> list[PlaceCorrection]:
        """The stored corrections (of one article, or all), oldest first."""
        where, params = ("WHERE article_id = ?", [article_id]) if article_id else ("", [])
        rows = self._con.execute(
            "SELECT article_id, mention_start, mention_end, action, geonameid, name, lat, lon FROM corrections "
            f"{where} ORDER BY created_at, article_id, mention_start",
            params,
        ).fetchall()
        return [PlaceCorrection(*row) for row in rows]

    # -- event corrections -------------------------------------------------------------------

    def save_event_correction(self, correction: EventCorrection) -> None:
        """Store a correction of an event the corpus holds (as analysed); StoreError when it holds none."""
        self.save_event_corrections([correction])

    def save_event_corrections(self, corrections: Sequence[EventCorrection]) -> None:
        """Store corrections (e.g. of every report of a merged event) in one transaction: all or none."""
        with self._transaction():
            for correction in corrections:
                self._require_event(correction.event)
                self._con.execute("INSERT INTO event_corrections VALUES (?, ?, ?, ?, ?)",
                                  [correction.event, correction.article_id, correction.action,
                                   correction.changes_json(), _now()])

    def undo_event_correction(self, event: str) -> int:
        """Forget the corrections of one event (it stands as analysed again); how many were removed."""
        with self._transaction():
            row = self._con.execute("SELECT count(*) FROM event_corrections WHERE event = ?", [event]).fetchone()
            self._con.execute("DELETE FROM event_corrections WHERE event = ?", [event])
        return int(row[0]) if row else 0

    def event_corrections(self, article_id: str | None = None) -> list[EventCorrection]:
        """The stored event corrections (of one article, or all), oldest first."""
        where, params = ("WHERE article_id = ?", [article_id]) if article_id else ("", [])
        rows = self._con.execute(
            f"SELECT event, action, changes FROM event_corrections {where} ORDER BY created_at, rowid", params
        ).fetchall()
        return [correction_from_row(*row) for row in rows]

    def _require_event(self, key: str) -> None:
        article_id = article_of_key(key)
        self._require_article(article_id)
        if key not in event_keys(article_id, self.load_report(article_id, corrected=False)):
            raise StoreError(f"No event {key} in {self.path} (its article was analysed again); nothing stored.")

    # -- merge decisions and grades ----------------------------------------------------------

    def save_merge_decision(self, decision: MergeDecision) -> None:
        """Store a split or a join of events the corpus holds; StoreError when one is not held."""
        with self._transaction():
            for key in (decision.event, decision.other):
                if key is not None:
                    self._require_event(key)
            self._con.execute("INSERT INTO merge_decisions VALUES (?, ?, ?, ?)",
                              [decision.action, decision.event, decision.other, _now()])

    def undo_merge_decisions(self, event: str) -> int:
        """Forget the splits and joins that name an event; how many were removed."""
        with self._transaction():
            row = self._con.execute("SELECT count(*) FROM merge_decisions WHERE event = ? OR other = ?",
                                    [event, event]).fetchone()
            self._con.execute("DELETE FROM merge_decisions WHERE event = ? OR other = ?", [event, event])
        return int(row[0]) if row else 0

    def save_grade(self, name: str, grade: Grade) -> None:
        """Grade a source (or an outlet) across the corpus, replacing its earlier grade."""
        source = SourceGrade(" ".join(name.split()), grade)
        if not source.key:
            raise InputError("A graded source has a name.")
        with self._transaction():
            self._con.execute("DELETE FROM source_grades WHERE source_key = ?", [source.key])
            self._con.execute("INSERT INTO source_grades VALUES (?, ?, ?, ?, ?)",
                              [source.key, source.name, grade.reliability, grade.credibility, _now()])

    def delete_grade(self, name: str) -> int:
        """Forget a source's grade (it reads F6 again); how many were removed."""
        key = SourceGrade(name, Grade("F")).key
        with self._transaction():
            row = self._con.execute("SELECT count(*) FROM source_grades WHERE source_key = ?", [key]).fetchone()
            self._con.execute("DELETE FROM source_grades WHERE source_key = ?", [key])
        return int(row[0]) if row else 0

    def judgements(self) -> Judgements:
        """Every merge decision and grade, oldest first."""
        decisions = self._con.execute(
            "SELECT action, event, other FROM merge_decisions ORDER BY created_at, rowid").fetchall()
        grades = self._con.execute(
            "SELECT name, reliability, credibility FROM source_grades ORDER BY created_at, rowid").fetchall()
        return Judgements(decisions=tuple(MergeDecision(*row) for row in decisions),
                          grades=tuple(SourceGrade(name, Grade(r, c)) for name, r, c in grades))

    # -- article identity --------------------------------------------------------------------

    def update_identity(self, article_id: str, identity: ArticleIdentity) -> None:
        """Set an article's title, outlet, URL and publication date, in its row and its stored report."""
        with self._transaction():
            row = self._con.execute("SELECT report FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise StoreError(f"No article {article_id} in {self.path}; nothing stored.")
            payload: dict[str, Any] = json.loads(row[0])
            payload["article"].update(title=identity.title, outlet=identity.outlet, url=identity.url,
                                      published=identity.published.isoformat() if identity.published else None)
            self._con.execute(
                "UPDATE articles SET title = ?, outlet = ?, url = ?, published = ?, report = ? WHERE id = ?",
                [identity.title, identity.outlet, identity.url, identity.published,
                 json.dumps(payload, ensure_ascii=False), article_id],
            )


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
