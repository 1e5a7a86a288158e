"""The corpus database's tables.

    geobrief_meta  key/value: schema_version, created_at
    articles       id (SHA-256 of the analysed text), url, title, published, fetched_at, outlet, text,
                   credits, analyzer_version, analysed_at, report (the Report.to_dict() JSON)
    places         one row per (article, place)            } derived rows, rebuilt whenever the
    events         one row per attack or response          } article is analysed again
    sources        one row per cited source                }
    claims         one row per claim of a source           }
    corrections    analysts' place choices (another candidate, a dropped place) per place mention, kept
                   across re-analysis and applied when reports are read (geo.store_corrections)

Bump ``SCHEMA_VERSION`` with every change and teach ``Store`` to migrate the previous version.
"""

from __future__ import annotations

SCHEMA_VERSION = 1
META_TABLE = "geobrief_meta"
# Rows rebuilt from the report whenever an article is analysed again.
DERIVED_TABLES: tuple[str, ...] = ("places", "events", "sources", "claims")

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
)
