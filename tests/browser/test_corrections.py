"""Place corrections in a real browser: drop a place, the map and panels follow; reset restores.

One `streamlit run app.py` on a free local port, Debian's headless Chromium through
Playwright, every non-local request aborted. Expected values come from geo.analyze on the
sample and geo.places.corrections, never from answers written down here.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

import geo
from geo.browser import block_external_requests, launch_chromium
from geo.exports.tables import LOCATION_UNKNOWN, place_label
from geo.maps.folium_map import map_points
from geo.model import Place, Report
from geo.places.corrections import PlaceChoice, apply_place_choices
from tests.browser.support import ARTIFACTS, FIRST_RENDER_MS, MAP_FRAME, open_tab, pick_option, sync_api, wait_for_idle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(dashboard_url: str) -> Iterator[sync_api.Page]:
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1400})
        blocked: list[str] = []
        block_external_requests(page, blocked)
        page.goto(dashboard_url)
        page.frame_locator(MAP_FRAME).locator(".leaflet-container").wait_for(state="visible",
                                                                             timeout=FIRST_RENDER_MS)
        yield page
        try:
            assert not blocked, blocked
        finally:
            browser.close()


def _wait_for_markers(page: sync_api.Page, count: int, timeout_s: float = 30) -> None:
    """Wait until one map is left (after a rerun two can share the DOM) with ``count`` markers."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if page.locator(MAP_FRAME).count() == 1:
            if page.frame_locator(MAP_FRAME).locator(".geobrief-marker").count() == count:
                return
        page.wait_for_timeout(200)
    raise AssertionError(f"no single map with {count} markers after {timeout_s} s")


def _panel_cells(page: sync_api.Page, tab_label: str) -> list[str]:
    open_tab(page, tab_label)
    grid = page.locator("[data-testid='stDataFrame'] >> visible=true").locator("table[role='grid']")
    grid.locator("td").first.wait_for(state="attached", timeout=10_000)
    return [" ".join(text.split()) for text in grid.locator("td").all_inner_texts()]


def _place_with_events(report: Report) -> Place:
    keys = {e.place_key for e in report.events}
    place = next((p for p in report.places if p.key in keys and p.resolved), None)
    if place is None:
        pytest.skip("no event of the sample has a place on the map")
    return place


def test_dropping_a_place_updates_map_and_panels_and_reset_restores(page: sync_api.Page) -> None:
    expected = geo.analyze(geo.load_sample())
    place = _place_with_events(expected)
    dropped = apply_place_choices(expected, [PlaceChoice(place.key, None)])
    try:
        open_tab(page, "Places")
        pick_option(page, "Place to correct", place_label(place))
        pick_option(page, "Where it is", "Drop this place")
        page.get_by_role("button", name="Apply").click()
        _wait_for_markers(page, len(map_points(dropped)))
        wait_for_idle(page)  # the panels below the map may still be rerunning
        frame = page.frame_locator(MAP_FRAME)
        assert frame.locator(".geobrief-label", has_text=re.compile(rf"^{re.escape(place.name)}$")).count() == 0
        assert page.get_by_role("tab", name=f"Places ({len(dropped.places)})").count() == 1
        for label, events in (("Attacks", dropped.attacks), ("Responses", dropped.responses)):
            if events and any(e.where is None for e in events):
                assert LOCATION_UNKNOWN in _panel_cells(page, label)
        open_tab(page, "Places")
        page.get_by_role("button", name="Reset corrections").click()
        _wait_for_markers(page, len(map_points(expected)))
        wait_for_idle(page)
        assert page.get_by_role("tab", name=f"Places ({len(expected.places)})").count() == 1
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "browser-corrections.png"), full_page=True)
        raise
