"""The corpus store: every analysed article and its report, in one embedded DuckDB file.

    with Store.open() as store:                      # GEOBRIEF_DB, else the user data dir
        status = store.save_report(report, analyzer_version="geobrief 0.1.0; en_core_web_sm 3.8.0")
        reports = store.reports()                    # -> list[StoredReport], analysts' corrections applied

The tables are described in geo.corpus.database; the analyst's records (place and event corrections,
merge decisions, source grades, an article's identity) are written and read by the methods of
geo.corpus.analyst_tables, which ``Store`` has.

Every write is one transaction. Saving a text that is already stored with the same analyzer version
changes nothing; a different analyzer version replaces the derived rows. Only one process may hold the
file read-write, and none may read it meanwhile: a process that finds it held waits up to ``lock_timeout``
seconds, then fails with ``StoreLockedError``. So readers open it ``read_only`` (several at once, a
read-only mount too; a missing file reads as an empty corpus and is not created), a long-lived reader
(the dashboard) opens the store per request and closes it at once, and a long writer (an ingest) lets go
of the file between short transactions: ``store.release()``, then ``with store.held():`` per batch
(geo.corpus.database). A file that is not a GeoBrief corpus gives ``StoreError`` and is never replaced.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Literal

from geo.corpus.analyst_tables import AnalystTables
from geo.corpus.corrections import PlaceCorrection, apply_corrections
from geo.corpus.database import (DB_ENV_VAR, DERIVED_TABLES, META_TABLE, MIGRATIONS, READ_LOCK_TIMEOUT_S, SCHEMA,
                                 SCHEMA_VERSION, WRITE_LOCK_TIMEOUT_S, Connection, CorpusFile, StoreError,
                                 StoreLockedError, default_db_path, transaction)
from geo.corpus.event_corrections import EventCorrection, apply_event_corrections
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


class Store(AnalystTables):
    """An open corpus database. Use ``Store.open(path)`` as a context manager."""

    def __init__(self, file: CorpusFile) -> None:
        self._file = file
        self.path = file.path

    @property
    def _con(self) -> Connection:  # type: ignore[override]
        """The open connection (the file is opened again, waiting for a writer, after ``release``)."""
        return self._file.connection

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, lock_timeout: float | None = None,
             read_only: bool = False) -> Store:
        """Open (or create) the corpus at ``path`` (default: ``default_db_path()``); ``read_only``: open it
        for reading only, beside other readers (an empty corpus when there is no file: none is created).
        While another process holds the file, wait up to ``lock_timeout`` seconds (default: briefly for a
        reader, ``READ_LOCK_TIMEOUT_S``; longer for a writer, ``WRITE_LOCK_TIMEOUT_S``)."""
        if lock_timeout is None:
            lock_timeout = READ_LOCK_TIMEOUT_S if read_only else WRITE_LOCK_TIMEOUT_S
        db_path = Path(path).expanduser() if path is not None else default_db_path()
        if db_path.exists() and db_path.is_dir():
            raise StoreError(f"{db_path} is a folder; give a database file path with --db or {DB_ENV_VAR}.")
        if read_only and not db_path.exists():
            store = cls(CorpusFile(Path(":memory:"), read_only=False, lock_timeout=0))
            store._ensure_schema()
            store.path = db_path
            return store
        if not read_only:
            try:
                db_path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"Cannot create the folder for the corpus database {db_path}: {exc}") from exc
        store = cls(CorpusFile(db_path, read_only=read_only, lock_timeout=lock_timeout))
        try:
            store._ensure_schema()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self._file.release()

    def release(self) -> None:
        """Let go of the file until the next query (or ``held``) opens it again: other processes get in."""
        if self._file.path != Path(":memory:"):
            self._file.release()

    def held(self) -> AbstractContextManager[Connection]:
        """The file open for a block (a batch of writes), released after it unless it was open before."""
        return self._file.held()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _ensure_schema(self) -> None:
        tables = {row[0] for row in self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if not tables and self._file.read_only:
            raise StoreError(f"{self.path} holds no GeoBrief corpus yet: ingest articles into it first.")
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
        if version < SCHEMA_VERSION and self._file.read_only:
            raise StoreError(f"{self.path} was written by an older GeoBrief (schema {version}): open it for writing "
                             "once (python -m geo reanalyze --db PATH) to upgrade it.")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        """Bring an older corpus to ``SCHEMA_VERSION``, one version at a time, in one transaction."""
        with self._transaction():
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    self._con.execute(statement)
            self._con.execute(f"UPDATE {META_TABLE} SET value = ? WHERE key = 'schema_version'",
                              [str(SCHEMA_VERSION)])

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
        written but what the stored article did not know of its title, URL, date and outlet),
        ``reanalysed`` when it was stored by another version (its derived rows are replaced; url,
        title and the other article fields stay as first stored, gaps filled), else ``ingested``.
        """
        article = report.article
        article_id = article.text_sha256
        payload = json.dumps(report.to_dict(), ensure_ascii=False)
        with self._transaction():
            stored_version = self.analyzer_version_of(article_id)
            if stored_version is not None:
                self._fill_identity(article_id, article)
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

    def fill_identity(self, article: Article) -> None:
        """Give a stored article what it does not know of its identity from ``article`` (the same text)."""
        with self._transaction():
            self._fill_identity(article.text_sha256, article)

    def _fill_identity(self, article_id: str, article: Article) -> None:
        """What the stored article does not know of its identity (title, URL, date, outlet), taken from
        the same text arriving again (pasted first, uploaded later with a header); nothing is replaced."""
        row = self._con.execute("SELECT title, url, published, outlet, report FROM articles WHERE id = ?",
                                [article_id]).fetchone()
        if row is None:
            return
        arriving = (article.title, article.url, article.published, article.outlet)
        filled = [old if old is not None else new for old, new in zip(row[:4], arriving)]
        if filled == list(row[:4]):
            return
        payload = json.loads(row[4])
        payload["article"].update(title=filled[0], url=filled[1], outlet=filled[3],
                                  published=filled[2].isoformat() if filled[2] else None)
        self._con.execute("UPDATE articles SET title = ?, url = ?, published = ?, outlet = ?, report = ? WHERE id = ?",
                          [*filled, json.dumps(payload, ensure_ascii=False), article_id])

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

    def _transaction(self) -> AbstractContextManager[None]:
        """One transaction: committed when the block ends, rolled back when it raises (Ctrl-C too)."""
        return transaction(self._con, self.path)

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
        if not corrected:
            return report
        report = apply_corrections(report, self.corrections(article_id))
        return apply_event_corrections(article_id, report, self.event_corrections(article_id))

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
        events_by_article: dict[str, list[EventCorrection]] = {}
        if corrected:
            for correction in self.corrections():
                by_article.setdefault(correction.article_id, []).append(correction)
            for event_correction in self.event_corrections():
                events_by_article.setdefault(event_correction.article_id, []).append(event_correction)
        stored = []
        for article_id, payload, text in rows:
            report = _report_from_row(payload, text, self.path)
            if by_article.get(article_id):
                report = apply_corrections(report, by_article[article_id])
            if events_by_article.get(article_id):
                report = apply_event_corrections(article_id, report, events_by_article[article_id])
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
