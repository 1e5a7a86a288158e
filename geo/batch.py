"""Many articles at once: spaCy's ``nlp.pipe`` under GeoBrief's analysis.

    for report in geo.analyze_many(texts, batch_size=64):
        ...

The spaCy pipeline and the gazetteer index are loaded once per process (``geo.nlp.load_pipeline``
and ``geo.gazetteer.default_gazetteer`` are cached); the texts are parsed in batches by
``nlp.pipe`` and every parsed Doc becomes its Report through ``geo.pipeline.report_from_doc``, the
same code ``geo.analyze_article`` runs, so a text gives the same Report either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Union

from geo.errors import GeoError, InputError
from geo.model import Article, Report
from geo.settings import Settings

DEFAULT_BATCH_SIZE = 32
TextOrArticle = Union[str, Article]

__all__ = ["AnalysisFailure", "DEFAULT_BATCH_SIZE", "analyze_articles", "analyze_many"]


@dataclass(frozen=True, slots=True)
class AnalysisFailure:
    """An article that could not be analysed, with the one-line reason (from a GeoError)."""

    article: Article
    reason: str


def analyze_many(
    texts: Iterable[TextOrArticle],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    published: date | None = None,
    settings: Settings | None = None,
) -> Iterator[Report]:
    """Analyse many texts (cleaned as ``geo.analyze`` cleans them) or Articles (taken as they are).

    Reports come back lazily and in order. ``n_process`` > 1 parses in that many worker processes
    (spaCy's multiprocessing); ``published`` applies to the texts given as strings. A text that
    cannot be analysed (empty, binary, too long) raises its InputError when the stream reaches it.
    """
    settings = settings or Settings.from_env()
    articles = (_as_article(item, published, settings) for item in texts)
    for outcome in analyze_articles(articles, n_process=n_process, batch_size=batch_size, settings=settings):
        if isinstance(outcome, AnalysisFailure):
            raise InputError(outcome.reason)
        yield outcome


def analyze_articles(
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    settings: Settings | None = None,
) -> Iterator[Report | AnalysisFailure]:
    """One Report per Article, in order; an article longer than ``settings.max_text_chars`` or
    whose analysis raises a GeoError gives an AnalysisFailure instead, and the stream goes on
    (what a long ingest needs)."""
    from geo.nlp import load_pipeline, model_name
    from geo.pipeline import _online_geocoder, report_from_doc

    if n_process < 1 and n_process != -1:
        raise InputError(f"n_process must be a positive number of processes (or -1 for all cores), not {n_process}.")
    if batch_size < 1:
        raise InputError(f"batch_size must be at least 1, not {batch_size}.")
    settings = settings or Settings.from_env()
    online = _online_geocoder(settings)
    nlp = load_pipeline(settings)
    model = model_name(nlp)
    limit = min(settings.max_text_chars, nlp.max_length)
    def pairs() -> Iterator[tuple[str, tuple[Article, str | None]]]:
        for article in articles:
            too_long = len(article.text) > limit
            reason = f"The text is {len(article.text):,} characters long; the limit is {limit:,} (GEOBRIEF_MAX_TEXT_CHARS)."
            yield ("" if too_long else article.text), (article, reason if too_long else None)

    for doc, (article, refused) in nlp.pipe(pairs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        if refused:
            yield AnalysisFailure(article, refused)
            continue
        try:
            yield report_from_doc(article, doc, model, online=online)
        except GeoError as exc:
            yield AnalysisFailure(article, str(exc))


def _as_article(item: TextOrArticle, published: date | None, settings: Settings) -> Article:
    if isinstance(item, Article):
        return item
    from geo.ingest import article_from_text

    return article_from_text(item, published=published, settings=settings)
