"""The corpus store: every analysed article and its report, in one embedded DuckDB file.

    with Store.open() as store:                      # GEOBRIEF_DB, else the user data dir
        status = store.save_report(report, analyzer_version="geobrief 0.1.0; en_core_web_sm 3.8.0")
        reports = store.reports()                    # -> list[StoredReport], analysts' corrections applied

The tables are described in geo.corpus.database; the corrections in geo.corpus.corrections.

Every write is one transaction. Saving a text that is already stored with the same analyzer version
changes nothing; a different analyzer version replaces the derived rows. Only one process may write
at a time: a second one waits up to ``lock_timeout`` seconds, then fails with ``StoreLockedError``.
A file that is not a GeoBrief corpus gives ``StoreError`` and is never replaced. A long-lived
reader (the dashboard) opens the store per request and closes it at once, so writers are not kept out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Literal

import duckdb

from geo.corpus.corrections import PlaceCorrection, apply_corrections
from geo.corpus.database import (DB_ENV_VAR, DERIVED_TABLES, META_TABLE, SCHEMA, SCHEMA_VERSION, StoreError,
                                 StoreLockedError, connect, default_db_path)
from geo.model import Article, Report

__all__ = [
    "ArticleSummary", "PlaceCorrection", "Store", "StoreError", "StoreLockedError", "StoredReport", "default_db_path",
]

SaveStatus = Literal["ingested", "unchanged", "reanalysed"]

@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One stored article as the ``articles`` listing shows it."""

    id: str
    title: str | None
    url: str | None
    published: date | None
    outlet: str | None
    fetched_at: datetime | None
    analyzer_version: str
    places: int
    attacks: int
    responses: int
    sources: int

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for moment in ("published", "fetched_at"):
            data[moment] = data[moment].isoformat() if data[moment] else None
        return data


@dataclass(frozen=True, slots=True)
class StoredReport:
    """A stored article's id and its report, read back."""

    article_id: str
    report: Report


class Store:
    """An open corpus database. Use ``Store.open(path)`` as a context manager."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._con = connection
        self.path = path

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, lock_timeout: float = 10.0) -> Store:
        """Open (or create) the corpus at ``path`` (default: ``default_db_path()``)."""
        db_path = Path(path).expanduser() if path is not None else default_db_path()
        if db_path.exists() and db_path.is_dir():
            raise StoreError(f"{db_path} is a folder; give a database file path with --db or {DB_ENV_VAR}.")
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder for the corpus database {db_path}: {exc}") from exc
        connection = connect(db_path, lock_timeout)
        store = cls(connection, db_path)
        try:
            store._ensure_schema()
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _ensure_schema(self) -> None:
        tables = {row[0] for row in self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if not tables:
            with self._transaction():
                for statement in SCHEMA:
                    self._con.execute(statement)
                self._con.executemany(
                    f"INSERT INTO {META_TABLE} VALUES (?, ?)",
                    [("schema_version", str(SCHEMA_VERSION)), ("created_at", _now().isoformat())],
                )
            return
        if META_TABLE not in tables:
            raise StoreError(
                f"{self.path} is a DuckDB database but not a GeoBrief corpus; it was left untouched: "
                "choose another file with --db."
            )
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer GeoBrief (schema {version}, this one reads {SCHEMA_VERSION}): "
                "upgrade GeoBrief or use another --db."
            )
        # Older schemas would be migrated here; version 1 is the first.

    @property
    def schema_version(self) -> int:
        row = self._con.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'").fetchone()
        try:
            return int(row[0]) if row else 0
        except ValueError as exc:
            raise StoreError(f"{self.path} has an unreadable schema_version {row!r}.") from exc

    # -- writing -----------------------------------------------------------------------------

    def analyzer_version_of(self, article_id: str) -> str | None:
        """The analyzer version an article was stored with, or None when it is not stored."""
        row = self._con.execute("SELECT analyzer_version FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def save_report(
        self, report: Report, *, analyzer_version: str, fetched_at: datetime | None = None
    ) -> SaveStatus:
        """Store a report and its derived rows in one transaction.

        ``unchanged`` when the text is already stored with this analyzer version (nothing is
        written), ``reanalysed`` when it was stored by another version (its derived rows are
        replaced; url, title and the other article fields stay as first stored), else ``ingested``.
        """
        article = report.article
        article_id = article.text_sha256
        payload = json.dumps(report.to_dict(), ensure_ascii=False)
        with self._transaction():
            stored_version = self.analyzer_version_of(article_id)
            if stored_version == analyzer_version:
                return "unchanged"
            if stored_version is None:
                self._insert_article(article_id, article, analyzer_version, fetched_at, payload)
            else:
                self._con.execute(
                    "UPDATE articles SET analyzer_version = ?, analysed_at = ?, report = ? WHERE id = ?",
                    [analyzer_version, _now(), payload, article_id],
                )
                for table in DERIVED_TABLES:
                    self._con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            self._insert_derived_rows(article_id, report)
        return "ingested" if stored_version is None else "reanalysed"

    def _insert_article(
        self, article_id: str, article: Article, analyzer_version: str, fetched_at: datetime | None, payload: str
    ) -> None:
        self._con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                article.url,
                article.title,
                article.published,
                _naive_utc(fetched_at or _now()),
                article.outlet,
                article.text,
                json.dumps(list(article.credits), ensure_ascii=False),
                analyzer_version,
                _now(),
                payload,
            ],
        )

    def _insert_derived_rows(self, article_id: str, report: Report) -> None:
        places = [
            (article_id, p.key, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.geonameid, p.confidence,
             len(p.mentions))
            for p in report.places
        ]
        events = [
            (article_id, position, e.kind, e.summary, e.category, e.actor, e.target, e.place, e.place_key, e.lat,
             e.lon, e.date, e.count, e.killed, e.injured, e.evidence.text, e.evidence.start, e.evidence.end,
             json.dumps(list(e.sources), ensure_ascii=False))
            for position, e in enumerate(report.events)
        ]
        sources = [(article_id, i, s.name, s.type, s.via, s.role) for i, s in enumerate(report.sources)]
        claims = [
            (article_id, i, c.text, c.start, c.end) for i, s in enumerate(report.sources) for c in s.claims
        ]
        for table, rows in (("places", places), ("events", events), ("sources", sources), ("claims", claims)):
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                self._con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

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
                if self.analyzer_version_of(c.article_id) is None:
                    raise StoreError(f"No article {c.article_id} in {self.path} to correct.")
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

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        try:
            self._con.execute("BEGIN TRANSACTION")
        except duckdb.Error as exc:
            raise StoreError(f"Cannot start a transaction on {self.path}: {exc}") from exc
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        try:
            self._con.execute("COMMIT")
        except duckdb.Error as exc:
            raise StoreError(f"Cannot write to the corpus database {self.path}: {exc}") from exc

    # -- reading -----------------------------------------------------------------------------

    def article_count(self) -> int:
        row = self._con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def row_counts(self) -> dict[str, int]:
        """Rows per table (articles and the derived tables)."""
        counts = {}
        for table in ("articles", *DERIVED_TABLES, "corrections"):
            row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts

    def load_report(self, article_id: str, *, corrected: bool = True) -> Report:
        """One stored report; with ``corrected`` the analyst's stored corrections applied."""
        row = self._con.execute("SELECT report, text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise StoreError(f"No article {article_id} in {self.path}.")
        report = _report_from_row(row[0], row[1], self.path)
        return apply_corrections(report, self.corrections(article_id)) if corrected else report

    def reports(self, ids: Sequence[str] | None = None, *, corrected: bool = True) -> list[StoredReport]:
        """Every stored report (or those of ``ids``), oldest fetch first; with ``corrected`` (the
        default) as the analyst corrected them, else as analysed."""
        where, params = "", []
        if ids is not None:
            if not ids:
                return []
            where, params = f"WHERE id IN ({', '.join('?' * len(ids))})", list(ids)
        rows = self._con.execute(
            f"SELECT id, report, text FROM articles {where} ORDER BY fetched_at, id", params
        ).fetchall()
        by_article: dict[str, list[PlaceCorrection]] = {}
        if corrected:
            for correction in self.corrections():
                by_article.setdefault(correction.article_id, []).append(correction)
        stored = []
        for article_id, payload, text in rows:
            report = _report_from_row(payload, text, self.path)
            if by_article.get(article_id):
                report = apply_corrections(report, by_article[article_id])
            stored.append(StoredReport(article_id, report))
        return stored

    def stale_article_ids(self, analyzer_version: str) -> list[str]:
        """Articles analysed by another analyzer version than ``analyzer_version``."""
        rows = self._con.execute(
            "SELECT id FROM articles WHERE analyzer_version <> ? ORDER BY fetched_at, id", [analyzer_version]
        ).fetchall()
        return [row[0] for row in rows]

    def articles(self) -> list[ArticleSummary]:
        """Every stored article with its counts, oldest fetch first."""
        rows = self._con.execute(
            """
            SELECT a.id, a.title, a.url, a.published, a.outlet, a.fetched_at, a.analyzer_version,
                   (SELECT count(*) FROM places p WHERE p.article_id = a.id),
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.kind = 'attack'),
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.kind = 'response'),
                   (SELECT count(*) FROM sources s WHERE s.article_id = a.id)
            FROM articles a ORDER BY a.fetched_at, a.id
            """
        ).fetchall()
        return [ArticleSummary(*row) for row in rows]


def _report_from_row(payload: str, text: str, path: Path) -> Report:
    try:
        return Report.from_dict(json.loads(payload), text)
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"A stored report in {path} cannot be read back ({exc}); re-ingest the article.") from exc


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)
