"""The corpus database file: where it is, opening it (waiting a while for a writer), and its tables.

    connection = connect(default_db_path(), lock_timeout=10.0)   # StoreLockedError, StoreError

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
from pathlib import Path

import duckdb
import platformdirs

from geo.errors import GeoError

DB_ENV_VAR = "GEOBRIEF_DB"
DB_FILENAME = "corpus.duckdb"

_LOCK_MESSAGE = re.compile(r"could not set lock|conflicting lock", re.IGNORECASE)
_NOT_A_DATABASE = re.compile(r"not a valid duckdb database|invalid database|corrupt", re.IGNORECASE)


class StoreError(GeoError):
    """The corpus database cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process is writing to the corpus database."""


def default_db_path(environ: dict[str, str] | None = None) -> Path:
    """GEOBRIEF_DB when set, else ``corpus.duckdb`` in the user's data directory."""
    env = os.environ if environ is None else environ
    configured = env.get(DB_ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("geobrief", appauthor=False)) / DB_FILENAME


def connect(path: Path, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """A connection; while another process holds the file, retry for ``lock_timeout`` seconds."""
    deadline = time.monotonic() + max(lock_timeout, 0.0)
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.Error as exc:
            message = str(exc)
            if _LOCK_MESSAGE.search(message):
                if time.monotonic() < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 0.5)
                    continue
                holder = re.search(r"PID (\d+)", message)
                who = f" (process {holder.group(1)})" if holder else ""
                raise StoreLockedError(
                    f"The corpus database {path} is in use by another GeoBrief process{who}; "
                    "wait for it to finish, or use another --db."
                ) from exc
            if _NOT_A_DATABASE.search(message):
                raise StoreError(
                    f"{path} is not a readable GeoBrief corpus (DuckDB: {message.splitlines()[0]}); "
                    "it was left untouched: move it away or choose another file with --db."
                ) from exc
            raise StoreError(f"Cannot open the corpus database {path}: {message.splitlines()[0]}") from exc


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
