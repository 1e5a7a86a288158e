"""An ingest and shared links at once, in a real browser: the README's "an ingest can run alongside".

One ``python app.py`` server and one ``python -m geo ingest`` of 200 generated articles
(geo.bench.scale.generated_article) into the same private corpus store (GEOBRIEF_DB); meanwhile
Debian's headless Chromium opens a shared ``?article=<id>`` link about every second, each time of the
newest article stored so far (the batch the ingest has just written), in a fresh page: every link must
show its own article (its title as the page's heading), never the sample with a busy or an error notice.
The figures (ingest time, links opened, slowest answer) are printed and written to test-artifacts/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.bench.scale import generated_article
from geo.browser import block_external_requests
from geo.corpus.store import Store, StoreError
from geo.ingest import article_from_text
from tests.browser.support import ARTIFACTS, REPO, dashboard_with_store, sync_api
from tests.corpus_helpers import TEST_ANALYZER_VERSION, fake_report

pytestmark = pytest.mark.browser

ARTICLES = 200
LINK_EVERY_S = 1.0
LINKS_FOR_AT_MOST_S = 110  # then only the ingest is waited for: the test stays near two minutes
ANSWER_MS = 60_000


def _seed(store: Path) -> list[tuple[str, str]]:
    """Two articles stored before the ingest starts, so that there are links from the first second."""
    seeded = []
    with Store.open(store) as opened:
        for i in range(2):
            report = fake_report(article_from_text(f"Shelling hit Kharkiv on day {i}, the governor said.",
                                                   title=f"Stored before the ingest, report {i}"))
            opened.save_report(report, analyzer_version=TEST_ANALYZER_VERSION)
            seeded.append((report.article.text_sha256, report.article.title or ""))
    return seeded


def _newest(store: Path, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The stored articles (id, title), oldest first, read as any other reader would; ``known`` while the
    ingest holds the file past a reader's wait."""
    try:
        with Store.open(store, read_only=True) as opened:
            return [(a.id, a.title or "") for a in opened.articles()]
    except StoreError:
        return known


def _open_link(context: sync_api.BrowserContext, url: str, article_id: str, title: str) -> float:
    """Seconds until a fresh page of ``url/?article=article_id`` shows the article's title."""
    page = context.new_page()
    blocked: list[str] = []
    block_external_requests(page, blocked)
    started = time.monotonic()
    try:
        page.goto(f"{url}/?article={article_id}")
        page.get_by_role("heading", name=title, exact=True).wait_for(state="visible", timeout=ANSWER_MS)
        answered = time.monotonic() - started
        notices = page.locator("[data-testid='stAlert']").all_inner_texts()
        assert not any("busy" in n or "cannot" in n for n in notices), notices
        assert blocked == []
        return answered
    except BaseException:
        notices = page.locator("[data-testid='stAlert']").all_inner_texts()
        page.screenshot(path=str(ARTIFACTS / "browser-concurrent-ingest.png"), full_page=True)
        print(f"the link to {title!r} did not answer with it; notices on the page: {notices}")
        raise
    finally:
        page.close()


def test_shared_links_answer_while_an_ingest_writes(browser: sync_api.Browser, tmp_path_factory: pytest.TempPathFactory,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path_factory.mktemp("concurrent")
    store, folder = base / "corpus.duckdb", base / "articles"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"article_{i:03d}.txt").write_text(generated_article(i, seed=47), encoding="utf-8")
    known = _seed(store)
    answers: list[tuple[str, float]] = []
    env = {**os.environ, "GEOBRIEF_DB": str(store), "GEOBRIEF_ANALYZER_VERSION": TEST_ANALYZER_VERSION}
    with dashboard_with_store(store, "streamlit-concurrent-ingest.log") as url, \
            (base / "ingest.log").open("w") as log:
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        started = time.monotonic()
        ingest = subprocess.Popen([sys.executable, "-m", "geo", "ingest", str(folder)], cwd=REPO, env=env,
                                  stdout=subprocess.DEVNULL, stderr=log)
        try:
            while ingest.poll() is None and time.monotonic() - started < LINKS_FOR_AT_MOST_S:
                tick = time.monotonic()
                known = _newest(store, known)
                article_id, title = known[-1]
                answers.append((title, _open_link(context, url, article_id, title)))
                time.sleep(max(0.0, LINK_EVERY_S - (time.monotonic() - tick)))
            ingest.wait(timeout=300)
        finally:
            if ingest.poll() is None:
                ingest.kill()
                ingest.wait()
            context.close()
        ingest_s = time.monotonic() - started
    summary = (base / "ingest.log").read_text(encoding="utf-8")
    assert ingest.returncode == 0 and f"ingested {ARTICLES}, unchanged 0" in summary, summary
    slowest = max(answers, key=lambda answer: answer[1])
    during = sum(not title.startswith("Stored before") for title, _ in answers)
    figures = (f"ingest of {ARTICLES} articles beside the dashboard: {ingest_s:.1f} s; shared links opened "
               f"meanwhile: {len(answers)} ({during} of articles the ingest had just stored), every one answered "
               f"with its article; slowest answer {slowest[1]:.1f} s ({slowest[0]}), median "
               f"{sorted(a for _, a in answers)[len(answers) // 2]:.1f} s")
    with capsys.disabled():  # in the test output whatever the capture mode
        print("\n" + figures)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "concurrent-ingest.txt").write_text(figures + "\n", encoding="utf-8")
    assert len(answers) >= 5 and during >= 1, figures
