"""Ingest many articles into the corpus store: files, folders (recursively), URLs and feeds.

    summary = ingest_sources(store, ["articles/", "one.html"], progress=print_progress)
    summary = ingest_into(db_path, urls, [(name, data)])   # the dashboard: URLs/feeds and uploads

Each article is read, identified by the SHA-256 of its analysed text, skipped when the store
already holds it from the same analyzer version, else analysed (in batches: spaCy's nlp.pipe in
this process, or a Dask cluster, ``geo.corpus.dask_engine``) and saved in one transaction by this
process. The run holds the database file only while it checks or saves a batch, never while it
reads or analyses, so the dashboard and the listings read it in between. A failure on one item
is recorded in the summary and never stops the rest; a run killed or interrupted (Ctrl-C) halfway
leaves only whole articles behind, so running it again completes it without duplicates.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Literal, Union

from geo.corpus.defaults import NO_DEFAULTS, ArticleDefaults
from geo.corpus.store import Store, StoreError
from geo.errors import GeoError, InputError
from geo.ingest import FeedEntry
from geo.model import Article, Report
from geo.pipeline import AnalysisFailure
from geo.settings import DATA_DIR, PACKAGE_DIR, Settings

ANALYZER_VERSION_ENV_VAR = "GEOBRIEF_ANALYZER_VERSION"
ItemStatus = Literal["ingested", "unchanged", "reanalysed", "failed"]
Analyzer = Callable[[Article], Report]
SourceItem = Union[str, FeedEntry]  # a path or URL given, or a feed entry found on the way
ArticleReader = Callable[[SourceItem], Iterable[Union[Article, FeedEntry]]]
BatchAnalyzer = Callable[[list[Article]], Sequence[Union[Report, AnalysisFailure]]]
DEFAULT_BATCH_SIZE = 16  # articles analysed together (nlp.pipe locally, one round trip on a cluster)


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one item (a file, a URL, a feed entry)."""

    source: str
    status: ItemStatus
    article_id: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a run is: ``done`` of ``total`` items after ``elapsed`` seconds."""

    done: int
    total: int
    elapsed: float

    @property
    def per_second(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(frozen=True, slots=True)
class IngestSummary:
    results: tuple[IngestResult, ...] = field(default_factory=tuple)
    elapsed: float = 0.0
    interrupted: bool = False  # stopped by Ctrl-C: run the same sources again to finish

    def count(self, status: ItemStatus) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failures(self) -> tuple[IngestResult, ...]:
        return tuple(r for r in self.results if r.status == "failed")

    @property
    def succeeded(self) -> int:
        return len(self.results) - len(self.failures)

    def lines(self) -> list[str]:
        """A human summary: one line of counts, then one line per failure with its reason."""
        rate = f", {len(self.results) / self.elapsed:.1f} articles/s" if self.elapsed > 0 and self.results else ""
        head = (
            f"ingested {self.count('ingested')}, unchanged {self.count('unchanged')}, "
            f"reanalysed {self.count('reanalysed')}, failed {len(self.failures)} "
            f"in {self.elapsed:.1f} s{rate}"
        )
        lines = [head] + [f"  failed: {r.source}: {r.reason}" for r in self.failures]
        if self.interrupted:
            lines.append("interrupted: what was stored is kept; run the same command again to finish")
        return lines


def analyzer_version(settings: Settings | None = None, environ: dict[str, str] | None = None) -> str:
    """What produced the derived rows: GeoBrief's version, a digest of its analysis code, the model.

    The digest makes an upgrade (or, in a development checkout, an edited extractor) count as a
    new analyzer even when the version number stays the same. GEOBRIEF_ANALYZER_VERSION, when set,
    is used instead (to pin it: in tests, or to keep a corpus from re-analysis during development).
    """
    import spacy

    from geo.nlp import resolve_model_name
    from geo.pipeline import __version__

    pinned = (os.environ if environ is None else environ).get(ANALYZER_VERSION_ENV_VAR)
    if pinned:
        return pinned
    model = resolve_model_name(settings)
    model_version = spacy.util.get_package_version(model) or "?"
    return f"geobrief {__version__}+{analysis_code_digest()}; {model} {model_version}"


# The code that analyses an article: editing anything else (the corpus, maps, exports, dashboard,
# command line, benchmarks, URL fetching) calls for no re-analysis.
_ANALYSIS_WINGS = ("ingest", "gazetteer", "places", "events")
_NOT_ANALYSIS = frozenset({"__main__.py", "browser.py", "ingest/fetch.py"})


def analysis_files() -> list[Path]:
    """The package's files whose change calls for analysing the stored articles again, in a fixed order."""
    files = [*PACKAGE_DIR.glob("*.py"), *(p for wing in _ANALYSIS_WINGS for p in (PACKAGE_DIR / wing).glob("*.py"))]
    files = [p for p in files if p.relative_to(PACKAGE_DIR).as_posix() not in _NOT_ANALYSIS]
    return sorted([*files, *DATA_DIR.glob("*.csv"), DATA_DIR / "ranker_weights.json"])


@lru_cache(maxsize=1)
def analysis_code_digest() -> str:
    """12 hex digits of SHA-256 over the analysis modules and curated data files of the package."""
    digest = hashlib.sha256()
    for path in analysis_files():
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def expand_sources(sources: Iterable[str]) -> Iterator[str]:
    """Files as given; folders as their article files (.txt, .md, .html, .pdf, recursively, sorted); URLs as given."""
    from geo.ingest import SUPPORTED_SUFFIXES

    for source in sources:
        if _is_url(source):
            yield source
            continue
        path = Path(source)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield source  # reported as a failure: an empty folder is a mistake worth seeing
            yield from (str(p) for p in found)
        else:
            yield source


def read_articles(
    source: SourceItem, settings: Settings | None = None, *, allow_private: bool = False,
    defaults: ArticleDefaults = NO_DEFAULTS, max_entries: int | None = None,
) -> list[Article | FeedEntry]:
    """What one item yields: a file its Article; a URL its Article, or a feed's entries to read next
    (its first ``max_entries``, by default ``geo.ingest.fetch.DEFAULT_MAX_FEED_ENTRIES``).
    ``defaults`` give the articles that name none their outlet and date (``geo.corpus.defaults``)."""
    from geo.ingest import FetchPolicy, read_path, read_url

    policy = FetchPolicy(allow_private=allow_private)
    found: list[Article | FeedEntry]
    if isinstance(source, FeedEntry):
        found = read_url(source.url, policy=policy, settings=settings, published=source.published, follow_feeds=False)
    elif _is_url(source):
        found = read_url(source, policy=policy, settings=settings, max_entries=max_entries)
    elif Path(source).is_dir():
        raise InputError(f"{source} holds no .txt, .md, .html or .pdf files.")
    else:
        found = [read_path(source, settings=settings)]
    return [defaults.applied_to(item) if isinstance(item, Article) else item for item in found]


def ingest_sources(
    store: Store,
    sources: Iterable[str],
    *,
    analyze: Analyzer | None = None,
    reader: ArticleReader | None = None,
    version: str | None = None,
    settings: Settings | None = None,
    progress: Callable[[Progress], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
    expand: bool = True,
    analyze_batch: BatchAnalyzer | None = None,
    batch_size: int | None = None,
) -> IngestSummary:
    """Read, analyse and store every item of ``sources``; see the module docstring.

    ``analyze`` analyses one article at a time; ``analyze_batch`` a list of them at once (on a
    Dask cluster, ``geo.corpus.dask_engine``); without either, batches of ``DEFAULT_BATCH_SIZE`` go through
    spaCy's ``nlp.pipe`` (``geo.pipeline``). The articles read are analysed ``batch_size`` at a time
    and each result is saved in its own transaction; the store's file is held only while a batch is
    checked and while it is saved (``Store.held``), never while articles are read or analysed.
    ``reader`` defaults to ``read_articles``; with ``expand`` False the sources are passed to the
    reader as they are (no folder walk). A feed's entries join the queue as items of their own
    (each linked page is read once per run).
    """
    store.release()  # held only per batch from here on: readers get in between
    if analyze is not None:
        analyze_batch, batch_size = _one_by_one(analyze), batch_size or 1
    elif analyze_batch is None:
        analyze_batch = _local_batches(settings)
    batch_size = max(1, batch_size or DEFAULT_BATCH_SIZE)
    read = reader or (lambda source: read_articles(source, settings))
    version = version or analyzer_version(settings)
    queue: list[SourceItem] = list(expand_sources(sources)) if expand else list(sources)
    seen = {_item_key(item) for item in queue}
    started = clock()
    results: list[IngestResult] = []
    pending: list[tuple[str, Article]] = []
    index = 0
    interrupted = False
    try:
        while index < len(queue):
            item = queue[index]
            index += 1
            outcome, ready, follow = _read_one(item, read)
            results.extend(outcome)
            pending.extend(ready)
            if len(pending) >= batch_size:
                results.extend(_analyse_and_save(store, pending, analyze_batch, version, settings))
                pending = []
            for entry in follow:
                if _item_key(entry) not in seen:
                    seen.add(_item_key(entry))
                    queue.append(entry)
            if progress is not None:
                progress(Progress(index, len(queue), clock() - started))
        results.extend(_analyse_and_save(store, pending, analyze_batch, version, settings))
    except KeyboardInterrupt:  # the batch in flight is not stored (an article being saved is rolled back)
        interrupted = True
    finally:
        store.release()
    return IngestSummary(tuple(results), clock() - started, interrupted)


def _read_one(
    item: SourceItem, read: ArticleReader
) -> tuple[list[IngestResult], list[tuple[str, Article]], list[FeedEntry]]:
    """Read one item (the store is not needed): (failures, articles found, feed entries)."""
    source = _item_key(item)
    try:
        found = list(read(item))
    except GeoError as exc:
        return [IngestResult(source, "failed", reason=str(exc))], [], []
    except Exception as exc:  # noqa: BLE001 - one unreadable item must not stop a long run
        return [IngestResult(source, "failed", reason=f"{type(exc).__name__}: {exc}")], [], []
    follow = [entry for entry in found if isinstance(entry, FeedEntry)]
    articles = [a for a in found if isinstance(a, Article)]
    if not follow and not articles:
        return [IngestResult(source, "failed", reason="nothing to read: the feed has no entries with links")], [], []
    return [], [(article.url or source, article) for article in articles], follow


def _analyse_and_save(
    store: Store, batch: list[tuple[str, Article]], analyze_batch: BatchAnalyzer, version: str,
    settings: Settings | None,
) -> list[IngestResult]:
    """Analyse a batch and save each report in its own transaction; a failure stays with its article.
    The file is held twice, briefly: to find the articles already stored, then to save the reports."""
    if not batch:
        return []
    results, pending = [], []
    with store.held():
        for label, article in batch:
            if store.analyzer_version_of(article.text_sha256) == version:
                store.fill_identity(article)  # the same text with a header, or --outlet: what it lacked is filled
                results.append(IngestResult(label, "unchanged", article.text_sha256))
            else:
                pending.append((label, article))
    if not pending:
        return results
    articles = [article for _, article in pending]
    try:
        outcomes = list(analyze_batch(articles))
    except StoreError:
        raise
    except GeoError as exc:  # the engine cannot run (no model, cluster gone): every article says why
        outcomes = [AnalysisFailure(article, str(exc)) for article in articles]
    except Exception:  # noqa: BLE001 - one article broke the batch: analyse them one by one to find it
        from geo.pipeline import analyze_article

        outcomes = _one_by_one(lambda article: analyze_article(article, settings=settings))(articles)
    if len(outcomes) != len(articles):
        raise GeoError(f"The analysis engine returned {len(outcomes)} results for {len(articles)} articles.")
    with store.held():
        for (label, article), outcome in zip(pending, outcomes):
            if isinstance(outcome, AnalysisFailure):
                results.append(IngestResult(label, "failed", article.text_sha256, outcome.reason))
                continue
            status = store.save_report(outcome, analyzer_version=version, fetched_at=datetime.now(timezone.utc))
            results.append(IngestResult(label, status, article.text_sha256))
    return results


def _one_by_one(analyze: Analyzer) -> BatchAnalyzer:
    """A batch analyser that runs ``analyze`` on each article; any error stays with its article."""

    def run(articles: list[Article]) -> list[Report | AnalysisFailure]:
        outcomes: list[Report | AnalysisFailure] = []
        for article in articles:
            try:
                outcomes.append(analyze(article))
            except GeoError as exc:
                outcomes.append(AnalysisFailure(article, str(exc)))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a long run
                outcomes.append(AnalysisFailure(article, f"{type(exc).__name__}: {exc}"))
        return outcomes

    return run


def _local_batches(settings: Settings | None) -> BatchAnalyzer:
    """Batches through spaCy's nlp.pipe in this process (``geo.pipeline.analyze_articles``)."""
    from geo.pipeline import analyze_articles

    def run(articles: list[Article]) -> list[Report | AnalysisFailure]:
        return list(analyze_articles(articles, batch_size=len(articles), settings=settings))

    return run


def _item_key(item: SourceItem) -> str:
    return item.url if isinstance(item, FeedEntry) else item


def reanalyze_stale(
    store: Store, *, analyze: Analyzer | None = None, version: str | None = None, settings: Settings | None = None
) -> IngestSummary:
    """Analyse again every stored article whose analyzer version is not the current one."""
    version = version or analyzer_version(settings)
    stale = store.stale_article_ids(version)

    def read_stored(article_id: SourceItem) -> list[Article | FeedEntry]:
        with store.held():
            return [store.load_report(_item_key(article_id), corrected=False).article]

    return ingest_sources(
        store, stale, analyze=analyze, reader=read_stored, version=version, settings=settings, expand=False
    )


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # two letters at least: "C:" is a drive


def _is_url(source: str) -> bool:
    """http(s) URLs, and anything else with a scheme that is not a file (refused by geo.ingest.fetch with its reason)."""
    if source.lower().startswith(("http://", "https://")):
        return True
    return bool(_SCHEME.match(source)) and not Path(source).exists()


def ingest_into(
    path: str | Path,
    urls: Iterable[str] = (),
    uploads: Iterable[tuple[str, bytes]] = (),
    *,
    allow_private: bool = False,
    analyze: Analyzer | None = None,
    version: str | None = None,
    settings: Settings | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> IngestSummary:
    """Ingest URLs and feeds (http/https only) and uploaded files (name, bytes) into the store at
    ``path``, which is open for this run only. What the dashboard's "Add to corpus" does."""
    from geo.ingest import article_from_upload

    files = dict(uploads)  # a name uploaded twice: the last one
    lines = [u.strip() for u in urls if u.strip()]

    def reader(item: SourceItem) -> Iterable[Article | FeedEntry]:
        if isinstance(item, str) and item in files:
            return [article_from_upload(item, files[item], settings=settings)]
        if isinstance(item, str) and not _is_url(item):
            raise InputError(f"{item} is not a URL: give an http:// or https:// address (files: upload them).")
        return read_articles(item, settings, allow_private=allow_private)

    sources = list(dict.fromkeys([*files, *lines]))
    with Store.open(path) as store:
        return ingest_sources(store, sources, analyze=analyze, reader=reader, version=version, settings=settings,
                              progress=progress, expand=False)
