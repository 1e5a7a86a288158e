"""The corpus file beside other processes: read-only opens, short holds, waiting for a writer, Ctrl-C.

DuckDB lets one process hold a file read-write, or several hold it read-only, never both; these tests
hold the file from another process (or, in this one, look whether DuckDB would let a reader in) and
check that readers wait a moment and then say the corpus is busy, that an ingest lets go of the file
between batches, and that an interrupted query raises KeyboardInterrupt and rolls its transaction back.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from geo.corpus.database import READ_LOCK_TIMEOUT_S, StoreLockedError, is_interruption
from geo.corpus.ingest import ingest_sources
from geo.corpus.store import Store, StoreError
from geo.ingest import article_from_text
from geo.model import Article, Report
from tests.corpus_helpers import ROOT, TEST_ANALYZER_VERSION, fake_report, held_by_another_process, write_articles


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.duckdb"


def _stored(db: Path, count: int) -> list[str]:
    """``count`` articles saved in ``db``; their ids."""
    ids = []
    with Store.open(db) as store:
        for i in range(count):
            report = fake_report(article_from_text(f"Shelling hit Kharkiv on day {i}, the governor said."))
            store.save_report(report, analyzer_version="v1")
            ids.append(report.article.text_sha256)
    return ids


@pytest.fixture()
def holder(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``db`` read-write until its standard input closes."""
    _stored(db, 1)
    with held_by_another_process(db) as process:
        yield process


def test_a_reader_opens_the_file_read_only(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _stored(db, 2)
    modes = []
    real_connect = duckdb.connect

    def spy(database: str, read_only: bool = False, **kwargs: object) -> duckdb.DuckDBPyConnection:
        modes.append(read_only)
        return real_connect(database, read_only=read_only, **kwargs)

    monkeypatch.setattr(duckdb, "connect", spy)
    with Store.open(db, read_only=True) as store:
        assert [a.id for a in store.articles()] == ids
        with pytest.raises(duckdb.Error, match="read-only"):
            store._con.execute("DELETE FROM articles")
    assert modes == [True]


def test_a_missing_file_reads_as_an_empty_corpus_and_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nothing" / "corpus.duckdb"
    with Store.open(path, read_only=True) as store:
        assert store.articles() == [] and store.reports() == [] and store.article_count() == 0
    assert not path.exists() and not path.parent.exists()


def test_readers_share_the_file_with_other_readers(db: Path) -> None:
    ids = _stored(db, 1)
    script = ("import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True); print('ready', flush=True); "
              "sys.stdin.read()")
    other = subprocess.Popen([sys.executable, "-c", script, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "ready"
        started = time.monotonic()
        with Store.open(db, read_only=True) as store:
            assert [a.id for a in store.articles()] == ids
        assert time.monotonic() - started < 1.0  # no waiting: readers do not exclude each other
    finally:
        other.communicate("", timeout=60)


def test_a_reader_waits_briefly_for_a_writer_then_says_the_corpus_is_busy(
    db: Path, holder: subprocess.Popen[str]
) -> None:
    started = time.monotonic()
    with pytest.raises(StoreLockedError) as caught:
        Store.open(db, read_only=True)
    waited = time.monotonic() - started
    assert READ_LOCK_TIMEOUT_S - 0.1 <= waited < READ_LOCK_TIMEOUT_S + 2.0
    message = str(caught.value)
    assert message.startswith("The corpus is busy") and "try again in a moment" in message
    assert f"process {holder.pid}" in message and len(message.splitlines()) == 1


def test_a_reader_gets_in_when_the_writer_lets_go_within_the_wait(db: Path, holder: subprocess.Popen[str]) -> None:
    threading.Timer(0.6, holder.communicate, args=("",)).start()
    started = time.monotonic()
    with Store.open(db, read_only=True) as store:
        assert store.article_count() == 1
    assert 0.5 < time.monotonic() - started < READ_LOCK_TIMEOUT_S


def test_the_ingest_lets_go_of_the_file_while_it_reads_and_analyses(tmp_path: Path, db: Path) -> None:
    """While an article is analysed, a reader can open the file read-only; the saves are whole."""
    write_articles(tmp_path / "news", 6)
    readable: list[bool] = []

    def analyse(article: Article) -> Report:
        try:
            duckdb.connect(str(db), read_only=True).close()  # in this process too: refused while a writer holds it
            readable.append(True)
        except duckdb.Error:
            readable.append(False)
        return fake_report(article)

    with Store.open(db) as store:
        summary = ingest_sources(store, [str(tmp_path / "news")], analyze=analyse, version="v1")
        assert summary.count("ingested") == 6 and store.article_count() == 6
    assert readable == [True] * 6


def test_ctrl_c_during_a_write_rolls_it_back_and_keeps_what_was_stored(db: Path) -> None:
    ids = _stored(db, 2)
    with Store.open(db) as store:
        raw = store._con._connection
        threading.Timer(0.3, raw.interrupt).start()  # what Ctrl-C does to a running query
        with pytest.raises(KeyboardInterrupt):
            with store._transaction():
                store._con.execute("DELETE FROM articles")
                store._con.execute("CREATE TABLE scratch AS SELECT range AS x FROM range(3000000000)")
    with Store.open(db, read_only=True) as store:
        assert [a.id for a in store.articles()] == ids
        tables = store._con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        assert ("scratch",) not in tables


def test_duckdb_interruptions_are_recognised() -> None:
    assert is_interruption(RuntimeError("Query interrupted"))
    assert is_interruption(duckdb.InterruptException("INTERRUPT Error: Interrupted!"))
    assert not is_interruption(RuntimeError("something else")) and not is_interruption(ValueError("interrupted"))


def _without_write_permission(command: list[str]) -> list[str] | None:
    """``command`` as a process that file permissions bind: as it is for a user; for root, run with
    the capabilities that override them dropped (``setpriv``), else None."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner", *command]


def test_a_corpus_on_a_read_only_mount_can_be_listed(tmp_path: Path) -> None:
    """A folder chmod 0555 holding the database chmod 0444: no write-ahead log can be created beside it."""
    folder = tmp_path / "mount"
    folder.mkdir()
    db = folder / "corpus.duckdb"
    ids = _stored(db, 3)
    probe = _without_write_permission([sys.executable, "-c", "import sys; open(sys.argv[1] + '.wal', 'w')", str(db)])
    if probe is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to bind")
    env = {**os.environ, "GEOBRIEF_ANALYZER_VERSION": TEST_ANALYZER_VERSION}
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    try:
        refused = subprocess.run(probe, capture_output=True, text=True, timeout=60)
        if refused.returncode == 0:
            pytest.skip("this file system lets the folder be written in spite of its mode")
        listing = _without_write_permission([sys.executable, "-m", "geo", "articles", "--format", "json", "--db",
                                             str(db)])
        assert listing is not None
        result = subprocess.run(listing, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        assert [a["id"] for a in json.loads(result.stdout)] == ids
        out = tmp_path / "events.csv"  # the corpus exported too, read-only
        export = _without_write_permission([sys.executable, "-m", "geo", "export", "--db", str(db), "--to", "csv",
                                            "-o", str(out)])
        assert export is not None
        exported = subprocess.run(export, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
        assert exported.returncode == 0, exported.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["corpus.duckdb"]  # no log, nothing written
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def test_an_old_schema_read_only_asks_for_one_writing_open(db: Path) -> None:
    _stored(db, 1)
    connection = duckdb.connect(str(db))
    connection.execute("UPDATE geobrief_meta SET value = '1' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(StoreError, match="older GeoBrief"):
        Store.open(db, read_only=True)
