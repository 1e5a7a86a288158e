"""The corpus: many articles in one embedded DuckDB store, ingested from files, URLs and feeds, and
their events merged across articles with a corroboration count.

    summary = ingest_sources(store, ["articles/", "https://example.org/feed.xml"])
    merged = merge_events(reports)

Modules: ``store`` (the database) and ``database`` (its file and tables), ``analyst_tables`` (the
analyst's records in it), ``corrections`` and ``event_corrections`` (analysts' corrections of places
and events, applied when reports are read), ``judgements`` (merge decisions, Admiralty source grades,
event keys), ``ingest`` (the ingest run), ``defaults`` (the outlet and date an analyst gives a run's
articles), ``dask_engine`` (analysis on a Dask cluster), ``duplicates`` (copies of one story),
``matching`` (whether two reports are one event, and why), ``merge`` (cross-article merging),
``grading`` (a merged event's Admiralty grade).

May import: the core, ``geo.ingest``, ``geo.gazetteer``, ``geo.places``, ``geo.nlp`` and
``geo.pipeline``.
"""

from geo.corpus.analyst_tables import ArticleIdentity
from geo.corpus.corrections import corrections_for_place
from geo.corpus.dask_engine import DEFAULT_WORKERS, DaskOptions, dask_analyzer
from geo.corpus.defaults import NO_DEFAULTS, ArticleDefaults, parse_published
from geo.corpus.ingest import (IngestSummary, Progress, analyzer_version, ingest_into, ingest_sources, read_articles,
                               reanalyze_stale)
from geo.corpus.duplicates import StoryCopies
from geo.corpus.event_corrections import EDITABLE_FIELDS, EventCorrection, event_correction
from geo.corpus.grading import EventGrade, event_grade
from geo.corpus.judgements import (CREDIBILITY, NO_JUDGEMENTS, RELIABILITY, Grade, Judgements, MergeDecision,
                                   SourceGrade, event_keys, parse_grade)
from geo.corpus.merge import (UNNAMED_OUTLET, MergedEvent, article_outlet, copies_in, merge_events,
                              repeating_articles)
from geo.corpus.store import ArticleSummary, Store, StoreError, StoreLockedError, default_db_path

__all__ = [
    "CREDIBILITY",
    "DEFAULT_WORKERS",
    "EDITABLE_FIELDS",
    "NO_DEFAULTS",
    "NO_JUDGEMENTS",
    "RELIABILITY",
    "UNNAMED_OUTLET",
    "ArticleDefaults",
    "ArticleIdentity",
    "ArticleSummary",
    "DaskOptions",
    "EventCorrection",
    "EventGrade",
    "Grade",
    "IngestSummary",
    "Judgements",
    "MergeDecision",
    "MergedEvent",
    "Progress",
    "SourceGrade",
    "Store",
    "StoreError",
    "StoreLockedError",
    "StoryCopies",
    "analyzer_version",
    "article_outlet",
    "copies_in",
    "corrections_for_place",
    "dask_analyzer",
    "default_db_path",
    "event_correction",
    "event_grade",
    "event_keys",
    "ingest_into",
    "ingest_sources",
    "merge_events",
    "parse_grade",
    "parse_published",
    "read_articles",
    "reanalyze_stale",
    "repeating_articles",
]
