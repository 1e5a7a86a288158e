"""Extraction on a Dask cluster: ``python -m geo ingest ... --engine dask [--scheduler ADDRESS] [--workers N]``.

    with dask_analyzer(DaskOptions(workers=2), settings) as analyze_batch:
        summary = ingest_sources(store, sources, analyze_batch=analyze_batch, batch_size=analyze_batch.batch_size)

The client process reads the articles (files, URLs, feeds) and is the only one that writes to the
store; the workers only analyse. Each batch of articles is split into one chunk per worker, each
chunk goes through ``geo.pipeline.analyze_articles`` (spaCy's ``nlp.pipe``) on a worker, and the
Reports come back in order. The spaCy pipeline and the gazetteer index are loaded once per
worker: a worker plugin loads them when the worker joins, and both loaders are cached.

Without ``scheduler`` a ``dask.distributed.LocalCluster`` of ``workers`` processes is started and
stopped with the run (its workers ignore Ctrl-C and the client, interrupted, stops them: no traceback
of theirs reaches the terminal; a Ctrl-C while they start is ignored too); with it, the client
connects to that scheduler (``tcp://host:8786``), whose workers must have GeoBrief and the same spaCy
model installed.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin

from geo.errors import GeoError, InputError
from geo.model import Article, Report
from geo.pipeline import AnalysisFailure, analyze_articles
from geo.settings import Settings

DEFAULT_WORKERS = 2
ARTICLES_PER_WORKER = 8  # a chunk: enough for nlp.pipe to batch, small enough to keep workers even
PLUGIN_NAME = "geobrief-pipeline"

__all__ = ["DaskAnalyzer", "DaskOptions", "analyze_chunk", "dask_analyzer"]


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """Where to analyse: an existing scheduler's address, else a local cluster of ``workers`` processes."""

    scheduler: str | None = None
    workers: int = DEFAULT_WORKERS
    processes: bool = True  # local cluster: one process per worker (spaCy is not shared across threads)
    articles_per_worker: int = ARTICLES_PER_WORKER
    connect_timeout: float | None = None  # None: dask's distributed.comm.timeouts.connect (30 s)


def analyze_chunk(articles: Sequence[Article], settings: Settings | None) -> list[Report | AnalysisFailure]:
    """What a worker runs: Reports (or failures) for ``articles``, in order."""
    return list(analyze_articles(articles, batch_size=max(1, len(articles)), settings=settings))


class PipelineLoader(WorkerPlugin):
    """A Dask worker plugin that loads the spaCy pipeline and the gazetteer once, when a worker starts.

    A model that cannot be loaded is not fatal here: every task then reports the ModelError."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings | None) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        from geo.gazetteer import default_gazetteer
        from geo.nlp import load_pipeline

        try:
            load_pipeline(self.settings)
            default_gazetteer()
        except GeoError as exc:
            logging.getLogger(__name__).warning("GeoBrief pipeline not loaded on %s: %s", worker.address, exc)


class DaskAnalyzer:
    """A batch analyser for ``geo.corpus.ingest.ingest_sources`` that runs on a Dask client's workers."""

    def __init__(self, client: Client, settings: Settings | None, options: DaskOptions) -> None:
        self._client = client
        self._settings = settings
        self._options = options

    @property
    def worker_count(self) -> int:
        workers = self._client.scheduler_info(n_workers=-1).get("workers", {})
        return max(1, len(workers))

    @property
    def batch_size(self) -> int:
        """Articles per round trip: one chunk for every worker."""
        return self.worker_count * self._options.articles_per_worker

    def __call__(self, articles: list[Article]) -> list[Report | AnalysisFailure]:
        if not articles:
            return []
        size = max(1, -(-len(articles) // self.worker_count))
        chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
        futures = self._client.map(analyze_chunk, chunks, settings=self._settings, pure=False)
        try:
            gathered = self._client.gather(futures)
        except KeyboardInterrupt:  # Ctrl-C: the gather cut short leaves a task whose AllExit nobody reads
            logging.getLogger("asyncio").setLevel(logging.CRITICAL)  # when the cluster stops: no news
            raise
        return [outcome for chunk in gathered for outcome in chunk]


@contextmanager
def dask_analyzer(options: DaskOptions, settings: Settings | None = None) -> Iterator[DaskAnalyzer]:
    """A connected DaskAnalyzer; the local cluster (if one was started) is stopped on exit."""
    if options.workers < 1:
        raise InputError(f"--workers must be at least 1, not {options.workers}.")
    settings = settings or Settings.from_env()
    if settings.online_geocoding:
        raise InputError("GEOBRIEF_ONLINE=1 cannot be used with --engine dask: Nominatim allows one request per "
                         "second, and every worker would send its own; unset it or use the local engine.")
    cluster: LocalCluster | None = None
    client: Client | None = None
    try:
        if options.scheduler:
            client = Client(options.scheduler, timeout=options.connect_timeout)
        else:
            with _workers_ignore_ctrl_c():
                cluster = LocalCluster(
                    n_workers=options.workers, threads_per_worker=1, processes=options.processes,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
                client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        _close(client, cluster)
        where = f"the Dask scheduler at {options.scheduler}" if options.scheduler else "a local Dask cluster"
        raise GeoError(f"Cannot connect to {where}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}; "
                       "check the address (tcp://host:8786) and that the scheduler is running.") from exc
    try:
        client.register_plugin(PipelineLoader(settings), name=PLUGIN_NAME)
        yield DaskAnalyzer(client, settings, options)
    finally:
        _close(client, cluster)


def _close(client: Client | None, cluster: LocalCluster | None) -> None:
    if client is not None:
        client.close()
    if cluster is not None:
        cluster.close()


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl-C ignored while the local cluster starts (a few seconds), so that its worker processes inherit
    "ignore Ctrl-C" from their first instruction: a terminal's Ctrl-C reaches the whole process group, and
    the client alone stops, and stops them, with no traceback of theirs. A Ctrl-C in those seconds is lost:
    the next one stops the run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler if handler is not None else signal.default_int_handler)
