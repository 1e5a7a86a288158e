"""The corpus: many articles in one embedded DuckDB store, ingested from files, URLs and feeds, and
their events merged across articles with a corroboration count.

    summary = ingest_sources(store, ["articles/", "https://example.org/feed.xml"])
    merged = merge_events(reports)

Modules: ``store`` (the database) and ``schema``, ``corrections`` (analysts' place corrections as
stored), ``ingest`` (the ingest run), ``defaults`` (the outlet and date
an analyst gives a run's articles), ``dask_engine`` (analysis on a Dask cluster), ``merge``
(cross-article merging).

May import: the core, ``geo.ingest``, ``geo.gazetteer``, ``geo.places``, ``geo.nlp`` and
``geo.pipeline``.
"""

from geo.corpus.corrections import corrections_for_place
from geo.corpus.dask_engine import DEFAULT_WORKERS, DaskOptions, dask_analyzer
from geo.corpus.defaults import NO_DEFAULTS, ArticleDefaults, parse_published
from geo.corpus.ingest import (IngestSummary, Progress, analyzer_version, ingest_into, ingest_sources, read_articles,
                               reanalyze_stale)
from geo.corpus.merge import MergedEvent, merge_events, outlet_of
from geo.corpus.store import ArticleSummary, Store, StoreLockedError, default_db_path

__all__ = [
    "DEFAULT_WORKERS",
    "NO_DEFAULTS",
    "ArticleDefaults",
    "ArticleSummary",
    "DaskOptions",
    "IngestSummary",
    "MergedEvent",
    "Progress",
    "Store",
    "StoreLockedError",
    "analyzer_version",
    "corrections_for_place",
    "dask_analyzer",
    "default_db_path",
    "ingest_into",
    "ingest_sources",
    "merge_events",
    "outlet_of",
    "parse_published",
    "read_articles",
    "reanalyze_stale",
]
