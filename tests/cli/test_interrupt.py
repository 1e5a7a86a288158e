"""Clean exits of the corpus commands: Ctrl-C at any moment of an ingest, and a listing while a writer
holds the corpus. Real subprocesses (``python -m geo``), real analysis, a temporary database."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from contextlib import redirect_stderr
from pathlib import Path

import pytest

from geo.bench.scale import generated_article
from geo.cli import main
from geo.cli.corpus import EXIT_INTERRUPTED, INTERRUPTED_LINE
from geo.corpus.store import Store, StoreLockedError
from geo.ingest import article_from_text
from tests.corpus_helpers import ROOT, TEST_ANALYZER_VERSION, fake_report, held_by_another_process, run_geo

ARTICLES = 160  # more than the runs below get through before their signals, whatever the moments
# When the signal is sent: seconds after the start (starting up, loading the model); once the run holds the
# file (checking or saving a batch: a DuckDB write); seconds after it stored a batch (analysing the next one).
MOMENTS = (("start", 0.5), ("start", 1.0), ("start", 2.0), ("held", 0.0), ("batch", 0.0), ("batch", 0.3),
           ("batch", 0.7), ("held", 0.0))


def _seed(db: Path, count: int) -> dict[str, str]:
    """``count`` articles stored before the interrupted runs: id -> text."""
    stored = {}
    with Store.open(db) as store:
        for i in range(count):
            report = fake_report(article_from_text(f"Shelling hit Kharkiv on day {i}, the regional governor said."))
            store.save_report(report, analyzer_version=TEST_ANALYZER_VERSION)
            stored[report.article.text_sha256] = report.article.text
    return stored


def _count(db: Path) -> int | None:
    """The articles stored, read as the dashboard reads them; None while the ingest saves a batch."""
    try:
        with Store.open(db, read_only=True, lock_timeout=0) as store:
            return store.article_count()
    except StoreLockedError:
        return None


def _wait_for(moment: str, db: Path, process: subprocess.Popen[str]) -> None:
    """Until ``process`` holds the file (``held``) or has stored another batch (``batch``)."""
    before = _count(db)
    while before is None:
        before = _count(db)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        now = _count(db)
        if (now is None) if moment == "held" else (now is not None and now > before):
            return
        time.sleep(0.01)


def _hears_ctrl_c() -> None:
    """In the child: Ctrl-C as a terminal sends it, even when the suite runs as a background job (which starts with
    SIGINT ignored, and a child would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_at_any_moment_of_an_ingest_exits_130_in_one_line_and_keeps_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"article_{i:03d}.txt").write_text(generated_article(i, seed=31), encoding="utf-8")
    db = tmp_path / "corpus.duckdb"
    earlier = _seed(db, 3)
    env = {**os.environ, "GEOBRIEF_ANALYZER_VERSION": TEST_ANALYZER_VERSION}
    counts = []
    for moment, delay in MOMENTS:
        process = subprocess.Popen([sys.executable, "-m", "geo", "ingest", str(folder), "--db", str(db)], cwd=ROOT,
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   preexec_fn=_hears_ctrl_c)
        if moment != "start":
            _wait_for(moment, db, process)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        assert process.returncode == EXIT_INTERRUPTED, f"{moment} + {delay} s: {err}"
        assert "Traceback" not in err and out == "", f"{moment} + {delay} s: {err}"
        assert err.splitlines()[-1] == INTERRUPTED_LINE and err.count("interrupted") == 1, err
        with Store.open(db, read_only=True) as store:  # it opens, and what was stored before is whole
            for article_id, text in earlier.items():
                assert store.load_report(article_id).article.text == text
            counts.append(store.article_count())
    assert counts == sorted(counts) and counts[0] >= len(earlier)
    print(f"\narticles stored after each Ctrl-C ({MOMENTS}): {counts}")
    finished = run_geo("ingest", str(folder), db=db)  # running it again completes the run
    assert finished.returncode == 0, finished.stderr
    listing = json.loads(run_geo("articles", "--format", "json", db=db).stdout)
    assert len(listing) == len({a["id"] for a in listing}) == ARTICLES + len(earlier)


def test_ctrl_c_anywhere_in_a_command_is_one_line_and_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("geo.cli.entry.run_corpus_command", interrupted)
    err = io.StringIO()
    with redirect_stderr(err):
        assert main(["articles"]) == EXIT_INTERRUPTED
    assert err.getvalue() == INTERRUPTED_LINE + "\n"


def test_a_listing_while_a_writer_holds_the_corpus_waits_briefly_then_says_it_is_busy(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    _seed(db, 1)
    with held_by_another_process(db):
        for command in ("articles", "events"):
            started = time.monotonic()
            result = run_geo(command, db=db)
            elapsed = time.monotonic() - started
            assert result.returncode == 2 and result.stdout == "", result.stderr
            assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
            assert result.stderr.startswith("python -m geo: error: The corpus is busy"), result.stderr
            assert "try again in a moment" in result.stderr and str(db) in result.stderr  # the CLI names the file
            assert 1.5 < elapsed < 15, elapsed  # it retried for a moment (and the interpreter started)
    assert run_geo("articles", db=db).returncode == 0  # free again


def test_ctrl_c_in_a_terminal_stops_a_dask_ingest_and_its_workers_without_a_traceback(tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches the whole process group: the client and its local workers."""
    pytest.importorskip("distributed")
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"article_{i:03d}.txt").write_text(generated_article(i, seed=37), encoding="utf-8")
    db = tmp_path / "corpus.duckdb"
    earlier = _seed(db, 2)
    env = {**os.environ, "GEOBRIEF_ANALYZER_VERSION": TEST_ANALYZER_VERSION}
    process = subprocess.Popen([sys.executable, "-m", "geo", "ingest", str(folder), "--db", str(db), "--engine", "dask",
                                "--workers", "1"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        _wait_for("batch", db, process)
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == EXIT_INTERRUPTED, err
    assert "Traceback" not in err and "Error" not in err and out == "", err
    assert err.splitlines()[-1] == INTERRUPTED_LINE
    with Store.open(db, read_only=True) as store:
        assert all(store.load_report(article_id).article.text == text for article_id, text in earlier.items())


def test_a_ctrl_c_a_library_swallowed_still_stops_the_ingest_at_the_next_item() -> None:
    """A bare ``except:`` around an import or a model load may catch the KeyboardInterrupt; the latch keeps it."""
    from geo.cli.corpus import _progress_printer
    from geo.cli.interrupts import InterruptLatch
    from geo.corpus import Progress

    before = signal.getsignal(signal.SIGINT)  # (Python's own handler; ignored when the suite runs in the background)
    latch = InterruptLatch().install()
    try:
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # (the handler runs here)
        except:  # noqa: E722 - what such a library does
            pass
        show = _progress_printer(io.StringIO(), latch)
        with pytest.raises(KeyboardInterrupt):
            show(Progress(1, 160, 0.1))
    finally:
        latch.restore()
    assert signal.getsignal(signal.SIGINT) is before
