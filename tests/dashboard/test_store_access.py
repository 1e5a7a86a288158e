"""The dashboard's visits to the corpus store: read-only reads beside a writer, a short wait, then one
line that says the corpus is busy; and no message that names a file on the server."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from geo.corpus import StoreLockedError
from geo.corpus.store import Store
from geo.dashboard.articles import load_linked, save_for_link
from geo.dashboard.corpus_edits import add_articles, correction_rows, save_grade
from geo.dashboard.corpus_view import load_view, stored_articles
from geo.corpus.database import READ_LOCK_TIMEOUT_S
from geo.dashboard.store_access import BUSY_MESSAGE, reading, visitor_message
from geo.errors import GeoError
from geo.ingest import article_from_text
from tests.corpus_helpers import fake_report, held_by_another_process


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "private" / "corpus.duckdb"
    report = fake_report(article_from_text("Shelling hit Kharkiv on Monday, the regional governor said."))
    save_for_link(report, path, analyzer_version="v1")
    return path


@pytest.fixture()
def writer(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the store read-write (an ingest saving a batch) until told to let go."""
    with held_by_another_process(db) as process:
        yield process


def test_reads_are_read_only(db: Path) -> None:
    with reading(db) as store:
        assert store.article_count() == 1
        with pytest.raises(duckdb.Error, match="read-only"):
            store._con.execute("DELETE FROM articles")


@pytest.mark.parametrize("read", [stored_articles, load_view, correction_rows])
def test_a_busy_corpus_is_waited_for_then_said_in_one_line_without_the_path(
    db: Path, writer: subprocess.Popen[str], read: object
) -> None:
    started = time.monotonic()
    with pytest.raises(StoreLockedError) as caught:
        read(db)  # type: ignore[operator]
    assert READ_LOCK_TIMEOUT_S - 0.1 <= time.monotonic() - started < READ_LOCK_TIMEOUT_S + 2
    assert str(caught.value) == BUSY_MESSAGE
    assert "private" not in str(caught.value) and "duckdb" not in str(caught.value)


def test_a_shared_link_waits_for_the_writer_to_let_go(db: Path, writer: subprocess.Popen[str]) -> None:
    threading.Timer(0.5, writer.communicate, args=("",)).start()  # an ingest's batch saved, the file let go
    started = time.monotonic()
    with reading(db) as store:
        article_id = store.articles()[0].id
    assert time.monotonic() - started < READ_LOCK_TIMEOUT_S
    assert load_linked(article_id, db).article.text.startswith("Shelling hit Kharkiv")


def test_store_errors_reach_the_page_without_a_server_path(db: Path, tmp_path: Path) -> None:
    with pytest.raises(GeoError) as missing:
        load_linked("0" * 64, db)
    assert "No article" in str(missing.value) and str(tmp_path) not in str(missing.value)
    assert "the corpus database" in str(missing.value)

    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(GeoError) as refused:
        save_grade(folder, "Reuters", "B")
    assert "is a folder" in str(refused.value) and str(tmp_path) not in str(refused.value)

    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"not a database" * 100)
    for call in (lambda: stored_articles(corrupt), lambda: add_articles(corrupt, [], [("a.txt", b"Kharkiv.")])):
        with pytest.raises(GeoError) as unreadable:
            call()
        message = str(unreadable.value)
        assert "not a readable GeoBrief corpus" in message and str(tmp_path) not in message
        assert len(message.splitlines()) == 1


def test_visitor_messages_leave_out_every_server_path(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    duckdb_error = duckdb.IOException(f'IO Error: Cannot open file "{db}.wal": Permission denied')
    assert str(tmp_path) not in visitor_message(duckdb_error, db)
    os_error = OSError(f"[Errno 13] Permission denied: '{tmp_path}/elsewhere/x'")
    assert visitor_message(os_error, db) == "[Errno 13] Permission denied: '(a server path)'"
    kept = GeoError("Fetching https://example.org/news/a.html failed: 404; Kharkiv 1/2 and/or Sumy")
    assert visitor_message(kept, db) == str(kept)  # URLs and slashes in words are not paths
    assert visitor_message(StoreLockedError(f"The corpus is busy ({db})"), db) == BUSY_MESSAGE
    assert visitor_message(GeoError(f"{db} was written by a newer GeoBrief"), db).startswith(
        "The corpus database was written")


def test_what_the_dashboard_writes_waits_for_a_reader_elsewhere(db: Path) -> None:
    script = ("import duckdb,sys,time; c=duckdb.connect(sys.argv[1], read_only=True); print('ready', flush=True); "
              "time.sleep(0.5)")
    reader = subprocess.Popen([sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE, text=True)
    assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
    save_grade(db, "Reuters", "B")  # waits for the reader to let go, then writes
    reader.wait(timeout=60)
    with Store.open(db, read_only=True) as store:
        assert [g.name for g in store.judgements().grades] == ["Reuters"]
