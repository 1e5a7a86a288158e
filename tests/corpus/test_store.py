"""The corpus store: schema, idempotent writes, re-analysis, locking, corrupt files; ingest runs."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from geo.corpus.ingest import ingest_sources, reanalyze_stale
from geo.corpus.store import SCHEMA_VERSION, PlaceCorrection, Store, StoreError, StoreLockedError, default_db_path
from geo.errors import GeoError
from geo.ingest import article_from_text
from geo.model import Article, Report, TextSpan
from tests.corpus_helpers import fake_report, held_by_another_process, write_articles


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.duckdb"


def test_save_is_idempotent_and_reads_back(db: Path) -> None:
    report = fake_report(article_from_text("Shelling hit Kharkiv. More later.", outlet="Kyiv Independent"))
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.save_report(report, analyzer_version="v1") == "ingested"
        counts = store.row_counts()
        assert store.save_report(report, analyzer_version="v1") == "unchanged"
        assert store.row_counts() == counts
        assert counts == {"articles": 1, "places": 1, "events": 1, "sources": 1, "claims": 1, "corrections": 0}
    with Store.open(db) as store:  # reopening keeps everything
        (stored,) = store.reports()
        assert stored.article_id == report.article.text_sha256
        assert stored.report.to_dict() == report.to_dict()
        assert stored.report.article.text == report.article.text
        (summary,) = store.articles()
        assert (summary.outlet, summary.places, summary.attacks, summary.responses, summary.sources) == (
            "Kyiv Independent", 1, 1, 0, 1,
        )


def test_new_analyzer_version_rebuilds_derived_rows(db: Path) -> None:
    article = article_from_text("Shelling hit Kharkiv. More later.")
    with Store.open(db) as store:
        store.save_report(fake_report(article), analyzer_version="v1")
        assert store.stale_article_ids("v2") == [article.text_sha256]
        richer = fake_report(article)
        richer = Report(article=article, places=richer.places * 1, attacks=richer.attacks * 2, sources=richer.sources)
        assert store.save_report(richer, analyzer_version="v2") == "reanalysed"
        counts = store.row_counts()
        assert counts["articles"] == 1 and counts["events"] == 2 and counts["places"] == 1
        assert store.analyzer_version_of(article.text_sha256) == "v2"
        assert store.stale_article_ids("v2") == []


def test_reanalyze_stale_uses_the_stored_text(db: Path) -> None:
    seen: list[str] = []

    def analyze(article: Article) -> Report:
        seen.append(article.text)
        return fake_report(article)

    article = article_from_text("Shelling hit Kharkiv. More later.")
    with Store.open(db) as store:
        store.save_report(fake_report(article), analyzer_version="old")
        summary = reanalyze_stale(store, analyze=analyze, version="new")
        assert summary.count("reanalysed") == 1 and seen == [article.text]
        assert reanalyze_stale(store, analyze=analyze, version="new").results == ()


def test_a_failed_write_leaves_nothing_behind(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = fake_report(article_from_text("Shelling hit Kharkiv. More later."))
    with Store.open(db) as store:
        def broken(*_: object) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(store, "_insert_derived_rows", broken)
        with pytest.raises(RuntimeError):
            store.save_report(report, analyzer_version="v1")
        assert store.row_counts()["articles"] == 0
        monkeypatch.undo()
        assert store.save_report(report, analyzer_version="v1") == "ingested"


def test_default_path_from_env_and_data_dir(tmp_path: Path) -> None:
    assert default_db_path({"GEOBRIEF_DB": str(tmp_path / "x.duckdb")}) == tmp_path / "x.duckdb"
    default = default_db_path({})
    assert default.name == "corpus.duckdb" and "geobrief" in str(default)


def test_corrupt_file_is_refused_and_untouched(db: Path) -> None:
    garbage = b"this is not a database\n" * 200
    db.write_bytes(garbage)
    with pytest.raises(StoreError, match="left untouched"):
        Store.open(db)
    assert db.read_bytes() == garbage


def test_foreign_duckdb_is_refused(db: Path) -> None:
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE payroll (name VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match="not a GeoBrief corpus"):
        Store.open(db)


def test_newer_schema_is_refused(db: Path) -> None:
    with Store.open(db) as store:
        store._con.execute("UPDATE geobrief_meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer GeoBrief"):
        Store.open(db)


def test_folder_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store.open(tmp_path)


def test_second_writer_fails_clearly(db: Path) -> None:
    Store.open(db).close()
    with held_by_another_process(db):
        with pytest.raises(StoreLockedError, match="The corpus is busy") as caught:
            Store.open(db, lock_timeout=0.2)
        assert isinstance(caught.value, GeoError)
    with Store.open(db, lock_timeout=5) as store:  # free again once the other process has gone
        assert store.article_count() == 0


def test_ingesting_a_folder_twice_keeps_the_count(tmp_path: Path, db: Path) -> None:
    write_articles(tmp_path / "news", 20)
    with Store.open(db) as store:
        first = ingest_sources(store, [str(tmp_path / "news")], analyze=fake_report, version="v1")
        assert first.count("ingested") == 20 and not first.failures
        counts = store.row_counts()
        second = ingest_sources(store, [str(tmp_path / "news")], analyze=fake_report, version="v1")
        assert second.count("unchanged") == 20 and second.count("ingested") == 0
        assert store.row_counts() == counts and counts["articles"] == 20 and counts["events"] == 20


def test_a_run_stopped_halfway_completes_without_duplicates(tmp_path: Path, db: Path) -> None:
    paths = write_articles(tmp_path / "news", 20)
    with Store.open(db) as store:
        ingest_sources(store, [str(p) for p in paths[:10]], analyze=fake_report, version="v1")
        assert store.article_count() == 10
        rest = ingest_sources(store, [str(tmp_path / "news")], analyze=fake_report, version="v1")
        assert (rest.count("unchanged"), rest.count("ingested")) == (10, 10)
        counts = store.row_counts()
        assert counts["articles"] == 20 and counts["places"] == 20 and counts["claims"] == 20


def test_one_failure_never_stops_the_rest(tmp_path: Path, db: Path) -> None:
    write_articles(tmp_path / "news", 4)
    (tmp_path / "news" / "empty.txt").write_text("", encoding="utf-8")

    def flaky(article: Article) -> Report:
        if "report 2" in article.text:
            raise ValueError("parser exploded")
        return fake_report(article)

    progress = []
    with Store.open(db) as store:
        summary = ingest_sources(
            store, [str(tmp_path / "news"), str(tmp_path / "missing.txt")], analyze=flaky, version="v1",
            progress=progress.append,
        )
        assert summary.count("ingested") == 3 and store.article_count() == 3
        reasons = {Path(r.source).name: r.reason for r in summary.failures}
        assert set(reasons) == {"empty.txt", "missing.txt", "article_002.txt"}
        assert "empty" in reasons["empty.txt"] and "No such file" in reasons["missing.txt"]
        assert "parser exploded" in reasons["article_002.txt"]
    assert [p.done for p in progress] == [1, 2, 3, 4, 5, 6] and progress[-1].total == 6
    assert "failed 3" in summary.lines()[0]


def test_corrections_persist_across_reanalysis(db: Path) -> None:
    article = article_from_text("Shelling hit Kharkiv. More later.")
    article_id = article.text_sha256
    with Store.open(db) as store:
        store.save_report(fake_report(article), analyzer_version="v1")
        store.save_correction(PlaceCorrection(article_id, 13, 20, "drop"))
        chosen = PlaceCorrection(article_id, 13, 20, "choose", geonameid=706483, name="Kharkiv", lat=49.98, lon=36.25)
        store.save_correction(chosen)  # replaces the earlier decision on the same mention
        store.save_report(fake_report(article), analyzer_version="v2")
        assert store.corrections(article_id) == [chosen] and store.corrections() == [chosen]
        with pytest.raises(StoreError, match="name, lat and lon"):
            store.save_correction(PlaceCorrection(article_id, 0, 5, "choose"))
        with pytest.raises(StoreError, match="No article"):
            store.save_correction(PlaceCorrection("nope", 0, 5, "drop"))
        assert store.row_counts()["corrections"] == 1


def test_analyzer_version_names_the_code_and_the_model() -> None:
    from geo.corpus.ingest import analysis_code_digest, analyzer_version

    version = analyzer_version(environ={})
    assert version.startswith("geobrief ") and f"+{analysis_code_digest()};" in version
    assert len(analysis_code_digest()) == 12
    assert analyzer_version(environ={"GEOBRIEF_ANALYZER_VERSION": "pinned"}) == "pinned"


def test_the_analyzer_version_follows_the_analysis_code_only() -> None:
    from geo.corpus.ingest import analysis_files
    from geo.settings import PACKAGE_DIR

    files = {p.relative_to(PACKAGE_DIR).as_posix() for p in analysis_files()}
    analysis = {"pipeline.py", "nlp.py", "model.py", "places/resolve.py", "events/extract.py", "gazetteer/build.py",
                "ingest/text.py", "data/curated_places.csv", "data/ranker_weights.json"}
    presentation = {"browser.py", "__main__.py", "ingest/fetch.py", "maps/folium_map.py", "exports/formats.py",
                    "dashboard/view_state.py", "corpus/store.py", "cli/entry.py", "bench/eval.py"}
    assert analysis <= files and not presentation & files


def test_an_interrupted_run_keeps_what_it_stored(tmp_path: Path, db: Path) -> None:
    write_articles(tmp_path / "news", 6)
    analysed = []

    def interrupted_on_the_fourth(article: Article) -> Report:
        if len(analysed) == 3:
            raise KeyboardInterrupt
        analysed.append(article)
        return fake_report(article)

    with Store.open(db) as store:
        summary = ingest_sources(store, [str(tmp_path / "news")], analyze=interrupted_on_the_fourth, version="v1")
        assert summary.interrupted and summary.count("ingested") == 3 and store.article_count() == 3
        assert "run the same command again" in summary.lines()[-1]
        rest = ingest_sources(store, [str(tmp_path / "news")], analyze=fake_report, version="v1")
        assert (rest.count("unchanged"), rest.count("ingested")) == (3, 3) and store.article_count() == 6


def _corrected_fixture(db: Path) -> tuple[str, Report]:
    from geo.model import Candidate

    article = article_from_text("Shelling hit Kharkiv. Kharkiv was hit again. More later.")
    plain = fake_report(article)
    oblast = Candidate("Kharkiv Oblast", "admin1", "UA", 49.5, 36.5, geonameid=706482, score=0.4)
    place = replace(plain.places[0], mentions=(TextSpan("Kharkiv", 13, 20), TextSpan("Kharkiv", 22, 29)),
                    alternatives=(oblast,))
    report = replace(plain, places=(place,))
    with Store.open(db) as store:
        store.save_report(report, analyzer_version="v1")
    return article.text_sha256, report


def test_stored_corrections_are_applied_when_reports_are_read(db: Path) -> None:
    from geo.corpus.corrections import corrections_for_place

    article_id, report = _corrected_fixture(db)
    place = report.places[0]
    with Store.open(db) as store:
        store.save_corrections(corrections_for_place(article_id, place, None))  # drop: one row per mention
        assert [(c.mention_start, c.action) for c in store.corrections(article_id)] == [(13, "drop"), (22, "drop")]
        (dropped,) = store.reports()
        assert dropped.report.places == () and dropped.report.attacks[0].lat is None
        assert store.load_report(article_id).places == ()
        assert store.load_report(article_id, corrected=False) == report
        assert store.reports(corrected=False)[0].report == report
        store.save_corrections(corrections_for_place(article_id, place, place.alternatives[0]))  # changed mind
        (chosen,) = store.reports([article_id])
        assert [(p.name, p.corrected) for p in chosen.report.places] == [("Kharkiv Oblast", True)]
        assert (chosen.report.attacks[0].place, chosen.report.attacks[0].lat) == ("Kharkiv Oblast", 49.5)
        assert store.reports([]) == [] and store.reports(["unknown"]) == []
        assert store.delete_corrections(article_id) == 2
        assert store.reports()[0].report == report


def test_corrections_follow_the_mention_when_reanalysis_changes_the_key(db: Path) -> None:
    from geo.corpus.corrections import corrections_for_place

    article_id, report = _corrected_fixture(db)
    with Store.open(db) as store:
        store.save_corrections(corrections_for_place(article_id, report.places[0], report.places[0].alternatives[0]))
        rekeyed = replace(report.places[0], key="city:Kharkiv:49.9800,36.2500", geonameid=None)
        newer = replace(report, places=(rekeyed,),
                        attacks=tuple(replace(e, place_key=rekeyed.key) for e in report.attacks))
        assert store.save_report(newer, analyzer_version="v2") == "reanalysed"
        (stored,) = store.reports()
        assert [p.name for p in stored.report.places] == ["Kharkiv Oblast"]
        assert stored.report.attacks[0].place == "Kharkiv Oblast"


def test_ingest_into_reads_feeds_urls_and_uploads(db: Path) -> None:
    """What the dashboard's "Add to corpus" runs: a feed from a local server, an upload, a bad line."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from geo.corpus.ingest import Progress, ingest_into

    page = (b"<html><head><title>Shelling in Kharkiv</title><meta property='og:site_name' content='Kyiv Desk'>"
            b"</head><body><article><p>Shelling hit Kharkiv on Wednesday, killing two people, the governor said. "
            b"Residents spent the night in shelters across the city.</p></article></body></html>")
    routes = {"/feed.xml": ("application/rss+xml", b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
                            b"<item><title>One</title><link>/news/1</link></item></channel></rss>"),
              "/news/1": ("text/html; charset=utf-8", page)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            kind, body = routes.get(self.path, ("text/plain", b""))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    feed = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    progress: list[Progress] = []
    try:
        summary = ingest_into(db, [feed, "  ", "articles/local.txt"], [("note.md", b"# Drone on Sumy\n\nA drone hit Sumy.")],
                              allow_private=True, analyze=fake_report, version="v1", progress=progress.append)
        refused = ingest_into(db, [feed], analyze=fake_report, version="v1")  # private addresses: only when allowed
    finally:
        server.shutdown()
    assert (summary.count("ingested"), len(summary.failures)) == (2, 1), summary.lines()
    assert "is not a URL" in summary.failures[0].reason
    assert progress[-1].done == progress[-1].total == 4  # the upload, the feed, the bad line, the feed's entry
    assert refused.count("ingested") == 0 and len(refused.failures) == 1
    with Store.open(db) as store:
        assert sorted(a.outlet or "" for a in store.articles()) == ["", "Kyiv Desk"]


def test_two_ingest_processes_at_once_lose_nothing(tmp_path: Path, db: Path) -> None:
    """The second ingest waits for the store (then completes) or fails with a clear one-line message;
    either way every article of the first is stored whole, and running the second again completes it."""
    import os

    from tests.corpus_helpers import ROOT, TEST_ANALYZER_VERSION

    paths = write_articles(tmp_path / "news", 24)
    first_half, second_half = paths[:16], paths[12:]  # four articles in both runs
    env = {**os.environ, "GEOBRIEF_ANALYZER_VERSION": TEST_ANALYZER_VERSION}

    def ingest(items: list[Path]) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "geo", "ingest", *map(str, items), "--db", str(db)], cwd=ROOT,
                                env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)

    first = ingest(first_half)
    assert first.stderr is not None
    progress_seen = first.stderr.readline()  # the first progress line: the store is open and being written
    second = ingest(second_half)
    first_err = progress_seen + first.stderr.read()
    second_err = second.communicate(timeout=240)[1]
    assert first.wait(timeout=240) == 0, first_err
    assert "ingested 16" in first_err
    if second.returncode != 0:  # it gave up waiting: one clear line, nothing written
        assert second.returncode == 2 and "The corpus is busy" in second_err, second_err
        assert len(second_err.strip().splitlines()) == 1 and "Traceback" not in second_err
        rerun = ingest(second_half)
        second_err = rerun.communicate(timeout=240)[1]
        assert rerun.returncode == 0, second_err
    assert "ingested 8, unchanged 4" in second_err, second_err
    with Store.open(db) as store:
        counts = store.row_counts()
        distinct = store._con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()
    assert counts["articles"] == distinct[0] == 24
