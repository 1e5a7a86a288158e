"""The Corpus page in a real browser, on a temporary corpus of 55 articles.

The articles are generated here (tests/corpus_helpers.write_conflict_corpus: ten towns, six
outlets, two weeks; every three report one happening) plus one carrying markup, and ingested
with geo.corpus.ingest and the real analysis. The module starts its own `streamlit run app.py`
with GEOBRIEF_DB on that store; Debian's headless Chromium through Playwright, every non-local
request aborted. Expected values come from geo.dashboard.corpus_view on the same store.
"""

from __future__ import annotations

import re
import time
from datetime import date
from urllib.parse import parse_qs
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from geo.browser import block_external_requests, launch_chromium, running_dashboard
from geo.corpus.ingest import ingest_sources
from geo.corpus.store import Store
from geo.dashboard.corpus_view import article_label, load_view, stored_articles
from geo.exports.brief import EventFilter
from geo.maps.folium_map import map_points
from tests.browser.support import ARTIFACTS, FIRST_RENDER_MS, MAP_FRAME, REPO, open_expander, sync_api, wait_for_idle
from tests.corpus_helpers import TEST_ANALYZER_VERSION, write_conflict_corpus

pytestmark = pytest.mark.browser

GENERATED_ARTICLES = 54
HOSTILE_TEXT = ("Rockets hit Kharkiv on Friday <img src=x onerror=\"window.__xss=1\"> killing two people, "
                "officials said.\n")


@dataclass
class Session:
    page: sync_api.Page
    db: Path
    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_conflict_corpus(folder / "news", GENERATED_ARTICLES)
    (folder / "news" / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    db = folder / "corpus.duckdb"
    with Store.open(db) as store:
        summary = ingest_sources(store, [str(folder / "news")], version=TEST_ANALYZER_VERSION)
    assert summary.count("ingested") == GENERATED_ARTICLES + 1, summary.lines()
    return db


@pytest.fixture(scope="module")
def corpus_dashboard(corpus_db: Path) -> Iterator[str]:
    """A dashboard of its own, reading the temporary corpus (GEOBRIEF_DB is read by the page)."""
    ARTIFACTS.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GEOBRIEF_DB", str(corpus_db))
        with (ARTIFACTS / "streamlit-corpus.log").open("wb") as log, \
                running_dashboard(REPO / "app.py", log=log) as url:
            yield url


@pytest.fixture(scope="module")
def session(corpus_dashboard: str, corpus_db: Path) -> Iterator[Session]:
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1400})
        state = Session(page=page, db=corpus_db)
        page.on("pageerror", lambda error: state.page_errors.append(str(error)))
        block_external_requests(page, state.blocked)
        # A shared Corpus link as the server's very first visit: app.py runs it (its sidebar, its three
        # pages), not Streamlit's legacy page folder (which would list "app", "about", "brief", "corpus").
        page.goto(corpus_dashboard + "corpus")
        try:
            page.get_by_text("GeoBrief turns a conflict news article").wait_for(timeout=FIRST_RENDER_MS)
            page.get_by_role("heading", name="Corpus").wait_for(timeout=FIRST_RENDER_MS)
            navigation = page.get_by_test_id("stSidebarNav").inner_text().split()
            assert navigation == ["Brief", "Corpus", "About"], navigation
            page.frame_locator(MAP_FRAME).locator(".leaflet-container").wait_for(state="visible",
                                                                                 timeout=FIRST_RENDER_MS)
        except BaseException:
            page.screenshot(path=str(ARTIFACTS / "browser-corpus-load.png"))
            raise
        yield state
        browser.close()


def _metric(page: sync_api.Page, label: str) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text=label)
    return " ".join(metric.get_by_test_id("stMetricValue").inner_text().split())


def _wait_for(condition, what: str, timeout_s: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} after {timeout_s:.0f} s")


def _single_map_with_markers(page: sync_api.Page, count: int) -> bool:
    """One map left (after a rerun the old and the new one can share the DOM) with ``count`` markers."""
    return (page.locator(MAP_FRAME).count() == 1
            and page.frame_locator(MAP_FRAME).locator(".geobrief-marker").count() == count)


def _on_failure(page: sync_api.Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"browser-corpus-{name}.png"))


def test_the_list_shows_every_stored_article(session: Session) -> None:
    page, stored = session.page, stored_articles(session.db)
    try:
        assert len(stored) >= 50
        assert _metric(page, "Articles") == f"{len(stored)} / {len(stored)}"
        grid = page.locator("[data-testid='stDataFrame']").first.locator("table[role='grid']")
        grid.locator("td").first.wait_for(state="attached", timeout=10_000)
        assert grid.get_attribute("aria-rowcount") == str(len(stored) + 1)  # the header and every article
        cells = {" ".join(text.split()) for text in grid.locator("td").all_inner_texts()}
        first = next(a for a in stored if a.title and a.outlet)  # the first rows are in view
        assert first.title in cells and first.outlet in cells
    except BaseException:
        _on_failure(page, "list")
        raise


def test_the_map_the_timeline_and_the_panels_show_the_corpus(session: Session) -> None:
    page, view = session.page, load_view(session.db)
    try:
        expected_points = len(map_points(view.map_report()))
        assert expected_points >= 5
        _wait_for(lambda: _single_map_with_markers(page, expected_points), f"no map with {expected_points} markers")
        frame = page.frame_locator(MAP_FRAME)
        assert frame.locator(".geobrief-attack, .geobrief-both").count() > 0
        chart = page.get_by_test_id("stVegaLiteChart").first
        chart.wait_for(state="visible", timeout=20_000)
        box = chart.bounding_box()
        assert box is not None and box["height"] > 100 and box["width"] > 300
        wait_for_idle(page)  # during a rerun the old tabs and the new ones are both there
        assert page.get_by_role("tab", name=f"Attacks ({len(view.event_rows('attack'))})").count() == 1
        assert page.get_by_role("tab", name=f"Places ({len(view.place_rows())})").count() == 1
        assert _metric(page, "Corroborated") == str(sum(e.corroboration > 1 for e in view.events))
    except BaseException:
        _on_failure(page, "map")
        raise


def test_choosing_articles_updates_the_map_and_the_panels(session: Session) -> None:
    page, stored = session.page, stored_articles(session.db)
    by_title = {a.title: a for a in stored}
    chosen = [by_title["Kharkiv update, report 0"], by_title["Izium update, report 3"]]
    ids = tuple(a.id for a in chosen)
    view = load_view(session.db, ids)
    try:
        for article in chosen:
            page.get_by_label("Articles shown (none chosen: the whole corpus)").click()
            page.keyboard.type(article.title)
            option = page.get_by_role("option").filter(has_text=re.compile(rf"^\s*{re.escape(article_label(article))}\s*$"))
            option.first.click()
            page.keyboard.press("Escape")
        _wait_for(lambda: _metric(page, "Articles") == f"2 / {len(stored)}", "the selection was not shown")
        expected_points = len(map_points(view.map_report()))
        _wait_for(lambda: _single_map_with_markers(page, expected_points), f"no map with {expected_points} markers")
        labels = {" ".join(t.split()) for t in page.frame_locator(MAP_FRAME).locator(".geobrief-label").all_inner_texts()}
        assert labels == {place.name for place, _ in view.places() if place.resolved}
        attacks = len(view.event_rows("attack"))
        _wait_for(lambda: page.get_by_role("tab", name=f"Attacks ({attacks})").count() == 1, "no Attacks tab")
    except BaseException:
        _on_failure(page, "selection")
        raise


@contextmanager
def _corpus_page(session: Session, url: str, query: str, name: str) -> Iterator[sync_api.Page]:
    """A new page on the Corpus page at ``query``, its map drawn; a screenshot named ``name`` when the
    test fails in it; closed after."""
    page = session.page.context.browser.new_page(viewport={"width": 1400, "height": 1400})
    block_external_requests(page, session.blocked)
    page.on("pageerror", lambda error: session.page_errors.append(str(error)))
    try:
        page.goto(f"{url.rstrip('/')}/corpus?{query}")
        page.frame_locator(MAP_FRAME).locator(".leaflet-container").wait_for(state="visible", timeout=FIRST_RENDER_MS)
        wait_for_idle(page)
        yield page
    except BaseException:
        _on_failure(page, name)
        raise
    finally:
        page.close()


def _param(page: sync_api.Page, name: str) -> str | None:
    """A parameter of the page's address as the page has it now (page.url lags between Playwright calls)."""
    values = parse_qs(page.evaluate("() => location.search").lstrip("?")).get(name)
    return values[-1] if values else None


def test_a_brush_on_the_timeline_filters_the_map_and_the_panels(session: Session, corpus_dashboard: str) -> None:
    with _corpus_page(session, corpus_dashboard, "", "brush") as page:
        chart = page.get_by_test_id("stVegaLiteChart").first
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box is not None
        y = box["y"] + box["height"] * 0.5
        page.mouse.move(box["x"] + box["width"] * 0.3, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=8)
        page.mouse.up()
        _wait_for(lambda: _param(page, "since") is not None and _param(page, "until") is not None, "no date range")
        since, until = date.fromisoformat(_param(page, "since") or ""), date.fromisoformat(_param(page, "until") or "")
        view = load_view(session.db)
        first, last = min(r["day"] for r in view.timeline_rows()), max(r["day"] for r in view.timeline_rows())
        assert first <= since <= until <= last and (since, until) != (first, last)
        brushed = view.filtered(EventFilter(since=since, until=until))
        attacks = len(brushed.event_rows("attack"))
        assert 0 < attacks < len(view.event_rows("attack"))
        _wait_for(lambda: page.get_by_role("tab", name=f"Attacks ({attacks})").count() == 1, "the panels kept all")
        points = len(map_points(brushed.map_report()))
        _wait_for(lambda: _single_map_with_markers(page, points), f"no map with the brushed {points} markers")
        page.get_by_role("button", name="All dates").click()
        _wait_for(lambda: _param(page, "since") is None, "the dates were not cleared")


def test_the_time_slider_shows_the_events_up_to_its_day_and_plays(session: Session, corpus_dashboard: str) -> None:
    view = load_view(session.db)
    days = sorted(r["day"] for r in view.timeline_rows() if r["attacks"] or r["responses"])
    middle = days[len(days) // 2]
    with _corpus_page(session, corpus_dashboard, f"at={middle.isoformat()}&window=3", "time") as page:
        shown, recent = view.as_of(middle, 3)
        points = map_points(shown.map_report())
        faded = [p for p in points if (p.attacks or p.responses) and p.key not in recent]
        assert 0 < len(shown.events) < len(view.events)
        _wait_for(lambda: _single_map_with_markers(page, len(points)), f"no map with the {len(points)} markers by then")
        assert page.frame_locator(MAP_FRAME).locator(".geobrief-past").count() == len(faded)
        page.get_by_role("button", name="Play").click()
        _wait_for(lambda: (_param(page, "at") or "") > middle.isoformat(), "playback did not move on", 30)
        page.get_by_role("button", name="Pause").click()
        wait_for_idle(page)
        stopped = _param(page, "at")
        page.wait_for_timeout(3_000)
        assert _param(page, "at") == stopped  # paused: the day stays
        assert _param(page, "window") == "3"


def test_adding_files_from_the_page(session: Session, tmp_path: Path) -> None:
    page, before = session.page, len(stored_articles(session.db))
    good = tmp_path / "mykolaiv.txt"
    good.write_text("Shelling hit the city of Mykolaiv on Monday, killing three people, the governor said.\n",
                    encoding="utf-8")
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"PK\x03\x04")
    try:
        add = page.get_by_role("button", name="Add to corpus")
        open_expander(page, "Add articles: URLs, RSS/Atom feeds or files", add)
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([str(good), str(bad)])
        page.get_by_text("notes.docx").wait_for(timeout=10_000)
        wait_for_idle(page)
        add.click()
        page.get_by_text(re.compile(r"ingested 1, unchanged 0, reanalysed 0, failed 1")).wait_for(timeout=120_000)
        error = page.get_by_test_id("stAlertContentError").filter(has_text="notes.docx")
        assert "Unsupported file type" in error.inner_text()
        assert len(stored_articles(session.db)) == before + 1
        _wait_for(lambda: _metric(page, "Articles").endswith(f"/ {before + 1}"), "the new article was not listed")
    except BaseException:
        _on_failure(page, "add")
        raise


def test_markup_stays_text_and_nothing_leaves_the_machine(session: Session) -> None:
    # Last in the module: covers the load and every interaction above.
    page = session.page
    wait_for_idle(page)  # a rerun may replace a map's frame while it is read
    live = [frame for frame in page.frames if not frame.is_detached()]
    assert len(live) > 1 and all(frame.evaluate("() => window.__xss === undefined") for frame in live)  # page, maps
    assert session.page_errors == []
    assert session.blocked == [], f"requests that tried to leave the machine: {session.blocked}"
