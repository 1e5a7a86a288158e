"""The dashboard in a real browser: Debian's headless Chromium through Playwright.

One `streamlit run app.py` per module on a free local port, one page load. Every request
that is not for 127.0.0.1/localhost is aborted and recorded: the dashboard must need
none. Expected values come from geo.analyze on the sample, as the app runs it.
A failing test leaves a screenshot in test-artifacts/.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

import geo
from geo.browser import block_external_requests, launch_chromium
from geo.dashboard import column_widths, shown_columns
from geo.exports.tables import (EVENT_COLUMNS, LOCATION_UNKNOWN, PLACE_COLUMNS, SOURCE_COLUMNS, event_row, place_rows,
                                source_row)
from geo.maps.folium_map import map_points
from geo.model import Report
from pages.widgets.tables import HEADER_PX, SENTENCE_ROW_PX
from tests.browser.support import ARTIFACTS, FIRST_RENDER_MS, MAP_FRAME, open_tab, sync_api, wait_for_idle

pytestmark = pytest.mark.browser
GRID_CELL_PADDING_PX = 16  # the grid's padding on both sides of a cell's text


@dataclass
class Session:
    page: sync_api.Page
    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def expected() -> Report:
    return geo.analyze(geo.load_sample())


@pytest.fixture(scope="module")
def session(dashboard_url: str) -> Iterator[Session]:
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        state = Session(page=page)
        page.on("pageerror", lambda error: state.page_errors.append(str(error)))
        block_external_requests(page, state.blocked)
        page.goto(dashboard_url)
        with screenshot_on_failure(page, "first-load"):
            map_frame(page).locator(".leaflet-container").wait_for(state="visible", timeout=FIRST_RENDER_MS)
        yield state
        browser.close()


@contextmanager
def screenshot_on_failure(page: sync_api.Page, name: str) -> Iterator[None]:
    try:
        yield
    except BaseException:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)
        raise


def map_frame(page: sync_api.Page) -> sync_api.FrameLocator:
    return page.frame_locator(MAP_FRAME)


def wait_for_single_map_with_label(page: sync_api.Page, name: str, timeout_s: float = 30) -> None:
    """After a rerun the old map and the new one can share the DOM for a moment: wait
    until one map is left and it shows the label."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if page.locator(MAP_FRAME).count() == 1:
            label = map_frame(page).locator(".geobrief-label", has_text=name)
            if label.count() and label.first.is_visible():
                return
        page.wait_for_timeout(200)
    raise TimeoutError(f"no single map labelled {name!r} after {timeout_s} s")


def open_popup(frame: sync_api.FrameLocator, selector: str) -> sync_api.Locator:
    """Click a marker until its popup shows (a click during the map's first fitBounds
    animation can be lost, or find the marker outside the view)."""
    popup = frame.locator(".leaflet-popup-content")
    for _ in range(5):
        try:
            frame.locator(selector).first.click(force=True, timeout=5_000)
            popup.wait_for(state="visible", timeout=2_000)
            return popup
        except sync_api.Error:  # a timeout, or the symbol still outside the map's view
            continue
    raise AssertionError(f"no popup after clicking {selector}")


def panel_cells(page: sync_api.Page, tab_label: str) -> list[str]:
    """Open a panel's tab and read its table's cells (the grid's accessible table)."""
    open_tab(page, tab_label)
    grid = page.locator("[data-testid='stDataFrame'] >> visible=true").locator("table[role='grid']")
    grid.locator("td").first.wait_for(state="attached", timeout=30_000)
    return [" ".join(text.split()) for text in grid.locator("td").all_inner_texts()]


def select_row(page: sync_api.Page, row: int, row_px: int = SENTENCE_ROW_PX) -> str:
    """Tick the row's box in the open panel (the grid is a canvas: a click where the box is) and
    return the text of the row's detail under the table."""
    wait_for_idle(page)
    grid = page.locator("[data-testid='stDataFrame'] >> visible=true")
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 15, box["y"] + HEADER_PX + row_px * (row + 0.5))
    wait_for_idle(page)  # the click reruns the page: the detail's box may stand empty until the rerun ends
    detail = page.locator("[class*='st-key-'][class*='_detail'] >> visible=true").last
    detail.wait_for(timeout=20_000)
    text = detail.inner_text()
    for _ in range(DETAIL_POLLS):
        if text.strip():
            break
        page.wait_for_timeout(250)
        text = detail.inner_text()
    return text


DETAIL_POLLS = 80  # a quarter second each: the detail is filled in once the rerun has drawn it


def test_map_renders_basemap_and_one_marker_per_place(session: Session, expected: Report) -> None:
    frame = map_frame(session.page)
    with screenshot_on_failure(session.page, "map"):
        points = map_points(expected)
        assert len(points) == sum(1 for p in expected.places if p.resolved)  # no stray event points
        markers = frame.locator(".geobrief-marker")
        markers.nth(max(len(points) - 1, 0)).wait_for(state="attached", timeout=20_000)
        assert markers.count() == len(points)
        in_panes = (frame.locator(".leaflet-marker-pane .geobrief-marker").count()
                    + frame.locator(".leaflet-overlay-pane path.geobrief-marker").count())
        assert in_panes == len(points)
        for role in ("attack", "response", "both", "place"):
            wanted = sum(1 for p in points if p.role == role)
            assert frame.locator(f".geobrief-{role}").count() == wanted, role
        # the detail basemap's cells came from the app's static folder: drawn on a canvas, towns named
        frame.locator(".geobrief-town").first.wait_for(state="attached", timeout=20_000)
        assert frame.locator(".leaflet-geobrief-basemap-pane canvas").count() == 1
        assert frame.locator(".geobrief-legend").is_visible()
        assert frame.locator(".leaflet-tile").count() == 0  # no online tiles by default


def test_clicking_a_marker_opens_its_popup(session: Session, expected: Report) -> None:
    frame = map_frame(session.page)
    with screenshot_on_failure(session.page, "popup"):
        point = next((p for p in map_points(expected) if p.responses or p.attacks), None)
        if point is None:
            pytest.skip("the sample report has no located event")
        popup = open_popup(frame, f".leaflet-marker-icon.geobrief-{point.role}, path.geobrief-{point.role}")
        text = popup.inner_text()
        assert "confidence" in text
        located = [p for p in map_points(expected) if p.role == point.role]
        assert any(p.name in text for p in located)
        assert "here (" in text  # the events listed with their evidence
        # The click also selected the place (issue 6): back to every item for the tests that follow.
        wait_for_idle(session.page)  # the click on the map reruns the page: a click meanwhile is lost
        session.page.get_by_role("button", name="Show all").click()
        wait_for_idle(session.page)  # during the rerun the old tabs and the new ones are both there
        session.page.get_by_role("tab", name=f"Attacks ({len(expected.attacks)})").wait_for(timeout=20_000)


def test_attacks_and_responses_panels(session: Session, expected: Report) -> None:
    with screenshot_on_failure(session.page, "events"):
        for label, events in (("Attacks", expected.attacks), ("Responses", expected.responses)):
            if not events:
                open_tab(session.page, label)
                assert session.page.get_by_text(f"No {label[:-1].lower()} found").is_visible()
                continue
            cells = panel_cells(session.page, label)
            for event in events:
                assert event.summary in cells, (label, event.summary)
                assert (event.where or LOCATION_UNKNOWN) in cells
            detail = select_row(session.page, len(events) - 1)  # the evidence is read in the row's detail
            assert " ".join(events[-1].evidence.text.split()) in " ".join(detail.split())


def test_no_word_is_wider_than_its_column(session: Session, expected: Report) -> None:
    """The widths the tables ask for hold every word in the dashboard's own font (so the grid never
    breaks a word inside it, as it did with "Secretar y")."""
    font = session.page.evaluate("() => getComputedStyle(document.body).fontFamily")
    tables = ((EVENT_COLUMNS, [event_row(e) for e in expected.events]),
              (SOURCE_COLUMNS, [source_row(s) for s in expected.sources]), (PLACE_COLUMNS, place_rows(expected)))
    for columns, rows in tables:
        widths = column_widths(rows, columns)
        for column in shown_columns(columns):
            words = sorted({w for row in rows for w in str(row[column]).split()} | {column})
            measured = session.page.evaluate(
                """([font, words]) => { const ctx = document.createElement('canvas').getContext('2d');
                   ctx.font = '14px ' + font; return words.map(w => ctx.measureText(w).width); }""", [font, words])
            widest = max(zip(measured, words))
            assert widest[0] + GRID_CELL_PADDING_PX <= widths[column], (column, widest, widths[column])


def test_sources_panel(session: Session, expected: Report) -> None:
    with screenshot_on_failure(session.page, "sources"):
        if not expected.sources:
            pytest.skip("the sample report cites no source")
        cells = panel_cells(session.page, "Sources cited")
        for source in expected.sources:
            assert source.name in cells
            assert source.type in cells


def test_places_panel(session: Session, expected: Report) -> None:
    with screenshot_on_failure(session.page, "places"):
        cells = panel_cells(session.page, "Places")
        for place in expected.places[:8]:  # the rows in view
            assert place.name in cells


HOSTILE_TEXT = (
    "Rockets hit Kharkiv on Friday <img src=http://evil.example/x.png onerror=\"window.__xss=1\"> "
    "killing two people, officials said."
)


def test_markup_in_the_article_stays_text(session: Session) -> None:
    """An article carrying HTML: analysed from the text box, shown as text in map and panels."""
    page = session.page
    expected = geo.analyze(HOSTILE_TEXT)
    located = [p for p in map_points(expected) if p.attacks or p.responses]
    if not located:
        pytest.skip("the pipeline located no event in the hostile text")
    with screenshot_on_failure(page, "hostile"):
        wait_for_idle(page)  # the popup opened by the test before reruns the page: a click now is lost
        page.get_by_text("Article: paste, edit or upload").click()
        box = page.get_by_role("textbox", name="Article text")
        box.fill(HOSTILE_TEXT)
        wait_for_idle(page)
        page.get_by_role("button", name="Analyze").click()
        wait_for_single_map_with_label(page, located[0].name)
        frame = map_frame(page)
        popup = open_popup(frame, f".geobrief-{located[0].role}")
        assert "<img src=http://evil.example/x.png" in popup.inner_text()  # shown, not parsed
        assert popup.locator("img").count() == 0
        assert frame.locator("body").evaluate("() => window.__xss === undefined")
        assert page.evaluate("() => window.__xss === undefined")
        open_tab(page, "Attacks" if located[0].attacks else "Responses")
        detail = page.locator("[class*='st-key-'][class*='_detail'] >> visible=true").last
        detail_text = detail.inner_text() if detail.count() else select_row(page, 0)  # the evidence, as text
        assert "<img src=http://evil.example/x.png" in detail_text
        assert detail.locator("img").count() == 0


def test_no_page_error_and_nothing_fetched_from_the_internet(session: Session) -> None:
    # Last in the module: covers the load and every interaction above.
    assert session.page_errors == []
    assert session.blocked == [], f"requests that tried to leave the machine: {session.blocked}"
