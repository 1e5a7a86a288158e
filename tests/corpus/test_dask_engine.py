"""Ingest on a Dask cluster: the same stored results as the local engine, one writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.corpus.dask_engine import DaskOptions, dask_analyzer
from geo.corpus.ingest import ingest_sources
from geo.corpus.store import Store
from geo.errors import GeoError
from tests.corpus_helpers import TEST_ANALYZER_VERSION, conflict_article_html, run_geo

pytest.importorskip("distributed")
COUNT = 50


def stored_reports(db: Path) -> dict[str, dict]:
    with Store.open(db) as store:
        return {stored.article_id: stored.report.to_dict() for stored in store.reports(corrected=False)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "news"
    folder.mkdir()
    for i in range(COUNT):
        (folder / f"report_{i:03d}.html").write_text(conflict_article_html(i), encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")  # a failure travels like the rest
    return folder


def test_two_workers_store_what_the_local_engine_stores(tmp_path: Path, corpus: Path) -> None:
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    with Store.open(local_db) as store:
        local = ingest_sources(store, [str(corpus)], version=TEST_ANALYZER_VERSION)
    with dask_analyzer(DaskOptions(workers=2, articles_per_worker=5)) as engine, Store.open(dask_db) as store:
        assert engine.worker_count == 2 and engine.batch_size == 10
        remote = ingest_sources(store, [str(corpus)], version=TEST_ANALYZER_VERSION, analyze_batch=engine,
                                batch_size=engine.batch_size)
    assert local.count("ingested") == remote.count("ingested") == COUNT
    assert [f.source for f in remote.failures] == [f.source for f in local.failures] == [str(corpus / "empty.txt")]
    local_reports, dask_reports = stored_reports(local_db), stored_reports(dask_db)
    assert len(dask_reports) == COUNT and dask_reports == local_reports
    assert sum(len(r["attacks"]) for r in dask_reports.values()) >= COUNT // 2


def test_cli_engine_options(tmp_path: Path, corpus: Path) -> None:
    unreachable = run_geo("ingest", str(corpus / "report_000.html"), "--engine", "dask", "--scheduler",
                          "tcp://127.0.0.1:9", db=tmp_path / "c.duckdb",
                          env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert unreachable.returncode == 2 and "Cannot connect to the Dask scheduler at tcp://127.0.0.1:9" in unreachable.stderr
    assert len(unreachable.stderr.strip().splitlines()) == 1
    misplaced = run_geo("ingest", str(corpus), "--workers", "3", db=tmp_path / "c.duckdb")
    assert misplaced.returncode == 2 and "--engine dask" in misplaced.stderr


def test_bad_worker_count() -> None:
    with pytest.raises(GeoError, match="at least 1"), dask_analyzer(DaskOptions(workers=0)):
        pass


def test_online_geocoding_is_refused_on_a_cluster() -> None:
    from geo.settings import Settings

    with pytest.raises(GeoError, match="GEOBRIEF_ONLINE"), dask_analyzer(DaskOptions(), Settings(online_geocoding=True)):
        pass
