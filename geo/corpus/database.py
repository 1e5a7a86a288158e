"""The corpus database file: where it is, opening it (read-write or read-only, waiting a while for a
writer), letting go of it between short transactions, and its tables.

    corpus = CorpusFile(default_db_path(), read_only=False, lock_timeout=10.0)
    with corpus.held() as connection:             # StoreLockedError, StoreError
        with transaction(connection, corpus.path):
            connection.execute("INSERT ...")
    # the file is closed again: another process (the dashboard, a listing) can open it

DuckDB lets one process hold a file read-write, or several hold it read-only, never both. So a writer
holds the file only for a short transaction (an ingest: a batch of articles, analysed beforehand), and
readers open it read-only (which works on a read-only mount too). A process that finds the file held
retries for its ``lock_timeout``, then raises ``StoreLockedError``. Ctrl-C during a query (DuckDB turns
it into "Query interrupted") raises ``KeyboardInterrupt``, and the open transaction is rolled back.

Tables:

    geobrief_meta  key/value: schema_version, created_at
    articles       id (SHA-256 of the analysed text), url, title, published, fetched_at, outlet, text,
                   credits, analyzer_version, analysed_at, report (the Report.to_dict() JSON)
    places         one row per (article, place)            } derived rows, rebuilt whenever the
    events         one row per attack or response          } article is analysed again
    sources        one row per cited source                }
    claims         one row per claim of a source           }
    corrections    analysts' place choices (another candidate, a dropped place) per place mention, kept
                   across re-analysis and applied when reports are read (geo.corpus.corrections)
    event_corrections  analysts' changes to an event, or its deletion, by event key (geo.corpus.event_corrections)
    merge_decisions    analysts' splits and joins of merged events, by event key (geo.corpus.judgements)
    source_grades      analysts' Admiralty grade of a source or outlet, by normalised name (geo.corpus.judgements)

Version 2 added the last three tables (``MIGRATIONS[1]`` creates them in a version 1 corpus).

Bump ``SCHEMA_VERSION`` with every change and teach ``Store`` to migrate the previous version.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import platformdirs

from geo.errors import GeoError

DB_ENV_VAR = "GEOBRIEF_DB"
DB_FILENAME = "corpus.duckdb"
READ_LOCK_TIMEOUT_S = 2.0  # a reader (a listing, a shared link) waits this long for a writer, then says so
WRITE_LOCK_TIMEOUT_S = 10.0

# "Could not set lock" between processes; "different configuration" within one (read-only beside read-write).
_LOCK_MESSAGE = re.compile(r"could not set lock|conflicting lock|different configuration", re.IGNORECASE)
_NOT_A_DATABASE = re.compile(r"not a valid duckdb database|invalid database|corrupt", re.IGNORECASE)
_INTERRUPTED = re.compile(r"^(INTERRUPT Error: )?(Query )?interrupted", re.IGNORECASE)


class StoreError(GeoError):
    """The corpus database cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process is writing to the corpus database (or, for a writer, has it open)."""


def default_db_path(environ: dict[str, str] | None = None) -> Path:
    """GEOBRIEF_DB when set, else ``corpus.duckdb`` in the user's data directory."""
    env = os.environ if environ is None else environ
    configured = env.get(DB_ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("geobrief", appauthor=False)) / DB_FILENAME


def is_interruption(exc: BaseException) -> bool:
    """Whether a DuckDB error is Ctrl-C arriving during a query (DuckDB takes the signal and raises this)."""
    return isinstance(exc, duckdb.InterruptException) or (
        isinstance(exc, (RuntimeError, duckdb.Error)) and bool(_INTERRUPTED.match(str(exc)))
    )


@contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C during a DuckDB call raises KeyboardInterrupt, as anywhere else in Python."""
    try:
        yield
    except (duckdb.Error, RuntimeError) as exc:
        if is_interruption(exc):
            raise KeyboardInterrupt from exc
        raise


class Connection:
    """A DuckDB connection to the corpus file, whose interrupted queries raise KeyboardInterrupt."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._connection = connection

    def execute(self, query: str, parameters: Sequence[Any] | None = None) -> Connection:
        with _interruptible():
            self._connection.execute(query, parameters)
        return self

    def executemany(self, query: str, parameters: Sequence[Sequence[Any]]) -> Connection:
        with _interruptible():
            self._connection.executemany(query, parameters)
        return self

    def fetchone(self) -> tuple[Any, ...] | None:
        with _interruptible():
            return self._connection.fetchone()

    def fetchall(self) -> list[tuple[Any, ...]]:
        with _interruptible():
            return self._connection.fetchall()

    def close(self) -> None:
        with _interruptible():
            self._connection.close()


def connect(path: Path, lock_timeout: float, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection; while another process holds the file, retry for ``lock_timeout`` seconds."""
    deadline = time.monotonic() + max(lock_timeout, 0.0)
    delay = 0.05
    while True:
        try:
            with _interruptible():
                return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            message = str(exc)
            if _LOCK_MESSAGE.search(message):
                if time.monotonic() < deadline:
                    time.sleep(min(delay, max(deadline - time.monotonic(), 0.01)))
                    delay = min(delay * 2, 0.25)
                    continue
                holder = re.search(r"PID (\d+)", message)
                who = f" (process {holder.group(1)})" if holder else ""
                doing = "writing to" if read_only else "using"
                raise StoreLockedError(
                    f"The corpus is busy (another GeoBrief process{who} is {doing} {path}); try again in a moment."
                ) from exc
            if _NOT_A_DATABASE.search(message):
                raise StoreError(
                    f"{path} is not a readable GeoBrief corpus (DuckDB: {message.splitlines()[0]}); "
                    "it was left untouched: move it away or choose another file with --db."
                ) from exc
            raise StoreError(f"Cannot open the corpus database {path}: {message.splitlines()[0]}") from exc


class CorpusFile:
    """One store's database file: opened when a query needs it, let go with ``release`` or at the end of
    ``held``, so that other processes get in between short transactions."""

    def __init__(self, path: Path, *, read_only: bool, lock_timeout: float) -> None:
        self.path = path
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._connection: Connection | None = None

    @property
    def connection(self) -> Connection:
        """The open connection, opening the file (and waiting for a writer) when it is not open."""
        if self._connection is None:
            self._connection = Connection(connect(self.path, self.lock_timeout, read_only=self.read_only))
        return self._connection

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    def release(self) -> None:
        """Close the file (DuckDB writes its log into it), so that another process can open it."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    @contextmanager
    def held(self) -> Iterator[Connection]:
        """The file open for the block; released after it unless it was open before."""
        was_open = self.is_open
        try:
            yield self.connection
        finally:
            if not was_open:
                self.release()


@contextmanager
def transaction(connection: Connection, path: Path) -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back when it raises (Ctrl-C too)."""
    try:
        connection.execute("BEGIN TRANSACTION")
    except duckdb.Error as exc:
        raise StoreError(f"Cannot start a transaction on {path}: {exc}") from exc
    try:
        yield
    except BaseException:
        _roll_back(connection)
        raise
    try:
        connection.execute("COMMIT")
    except duckdb.Error as exc:
        _roll_back(connection)
        raise StoreError(f"Cannot write to the corpus database {path}: {exc}") from exc
    except KeyboardInterrupt:
        _roll_back(connection)
        raise


def _roll_back(connection: Connection) -> None:
    try:
        connection.execute("ROLLBACK")
    except (duckdb.Error, KeyboardInterrupt):  # no transaction left to roll back (DuckDB ended it)
        pass


SCHEMA_VERSION = 2
META_TABLE = "geobrief_meta"
# Rows rebuilt from the report whenever an article is analysed again.
DERIVED_TABLES: tuple[str, ...] = ("places", "events", "sources", "claims")

ANALYST_TABLES: tuple[str, ...] = (
    """CREATE TABLE event_corrections (
        event VARCHAR NOT NULL, article_id VARCHAR NOT NULL, action VARCHAR NOT NULL, changes VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE merge_decisions (
        action VARCHAR NOT NULL, event VARCHAR NOT NULL, other VARCHAR, created_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE source_grades (
        source_key VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, reliability VARCHAR NOT NULL, credibility VARCHAR,
        created_at TIMESTAMP NOT NULL)""",
)
SCHEMA: tuple[str, ...] = (
    f"CREATE TABLE {META_TABLE} (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, published DATE, fetched_at TIMESTAMP,
        outlet VARCHAR, text VARCHAR NOT NULL, credits VARCHAR NOT NULL, analyzer_version VARCHAR NOT NULL,
        analysed_at TIMESTAMP NOT NULL, report VARCHAR NOT NULL)""",
    """CREATE TABLE places (
        article_id VARCHAR NOT NULL, place_key VARCHAR NOT NULL, name VARCHAR, kind VARCHAR, country VARCHAR,
        admin1 VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT, confidence DOUBLE, mentions INTEGER)""",
    """CREATE TABLE events (
        article_id VARCHAR NOT NULL, position INTEGER NOT NULL, kind VARCHAR NOT NULL, summary VARCHAR,
        category VARCHAR, actor VARCHAR, target VARCHAR, place VARCHAR, place_key VARCHAR, lat DOUBLE,
        lon DOUBLE, event_date DATE, count INTEGER, killed INTEGER, injured INTEGER, evidence VARCHAR,
        evidence_start INTEGER, evidence_end INTEGER, sources VARCHAR)""",
    """CREATE TABLE sources (
        article_id VARCHAR NOT NULL, position INTEGER NOT NULL, name VARCHAR, type VARCHAR, via VARCHAR,
        role VARCHAR)""",
    """CREATE TABLE claims (
        article_id VARCHAR NOT NULL, source_position INTEGER NOT NULL, text VARCHAR, start_char INTEGER,
        end_char INTEGER)""",
    """CREATE TABLE corrections (
        article_id VARCHAR NOT NULL, mention_start INTEGER NOT NULL, mention_end INTEGER NOT NULL,
        action VARCHAR NOT NULL, geonameid BIGINT, name VARCHAR, lat DOUBLE, lon DOUBLE,
        created_at TIMESTAMP NOT NULL)""",
    *ANALYST_TABLES,
)
# The statements that bring a corpus of version N to version N + 1.
MIGRATIONS: dict[int, tuple[str, ...]] = {1: ANALYST_TABLES}
