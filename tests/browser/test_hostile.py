"""A hostile article in the dashboard, in a real browser: no script runs, no dialog opens.

The article carries script tags, event-handler attributes, ``javascript:`` links and Markdown
injection where the analysis picks up place names, actors, source names and evidence. It is
pasted and analysed; then the map, its popups, every panel and the HTML download are looked at
while ``window.__xss`` (which every payload would set) stays undefined and no dialog opens.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

import geo
from geo.browser import block_external_requests, launch_chromium
from geo.maps.folium_map import map_points
from tests.browser.support import (ARTIFACTS, FIRST_RENDER_MS, MAP_FRAME, download, open_expander, open_tab, sync_api,
                                   wait_for_idle)

pytestmark = pytest.mark.browser

HOSTILE_ARTICLE = (
    "<script>window.__xss = 'script'; alert('script')</script>\n\n"
    "Russian forces shelled Kharkiv on Friday, killing two people <img src=x onerror=\"window.__xss='img';"
    "alert('img')\">, the regional governor said.\n\n"
    "<a href=\"javascript:window.__xss='anchor'\">Wagner</a> fighters attacked Izium on Saturday, according to "
    "**[Reuters](javascript:alert('md-source'))**.\n\n"
    "Russian drones struck Kupiansk on Sunday, <b onmouseover=\"window.__xss='hover'\">Ukrinform</b> reported "
    "<svg onload=\"window.__xss='svg';alert('svg')\">.\n\n"
    "Russian forces shelled Sumy on Friday, according to Reuters<img/src=y/onerror=alert('source')>. "
    "Artillery hit Kherson on Friday, according to the Ministry of *Defence*<svg/onload=alert('defence')>.\n\n"
    "In response, Ukrainian air defences shot down 12 drones over Odesa on Monday, the "
    "[air force](javascript:alert('md')) said. <style>body{display:none}</style> "
    "`<script>alert('code')</script>` ![x](javascript:alert('image')) "
    "<details open ontoggle=\"window.__xss='toggle'\">details</details>"
)
NO_SCRIPT_RAN = "() => window.__xss === undefined"
LIVE_HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
    .filter(a => /^on/i.test(a.name) && /__xss|alert/.test(a.value)).map(a => el.tagName + ' ' + a.name))"""
JS_LINKS = """() => [...document.querySelectorAll('[href],[src],[action],[formaction]')]
    .map(el => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action')
               || el.getAttribute('formaction') || '')
    .filter(url => /^\\s*javascript:/i.test(url))"""


@dataclass
class Hostile:
    page: sync_api.Page
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def hostile(dashboard_url: str) -> Iterator[Hostile]:
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        state = Hostile(page=page)

        def record(dialog: sync_api.Dialog) -> None:
            state.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", record)
        page.on("pageerror", lambda error: state.page_errors.append(str(error)))
        block_external_requests(page, state.blocked)
        page.goto(dashboard_url)
        try:
            page.frame_locator(MAP_FRAME).locator(".leaflet-container").wait_for(state="visible",
                                                                                 timeout=FIRST_RENDER_MS)
            wait_for_idle(page)  # the map's first report reruns the page: a click meanwhile is lost
            page.get_by_text("Article: paste, edit or upload").click()
            page.get_by_role("textbox", name="Article text").fill(HOSTILE_ARTICLE)
            wait_for_idle(page)
            page.get_by_role("button", name="Analyze").click()
            wait_for_map_of(page, located_names())
        except BaseException:
            save_screenshot(page, "hostile-analysis")
            raise
        yield state
        browser.close()


def located_names() -> list[str]:
    return [p.name for p in map_points(geo.analyze(HOSTILE_ARTICLE))]


def wait_for_map_of(page: sync_api.Page, names: list[str], timeout_ms: int = 60_000) -> None:
    """Wait until the single map on the page labels the hostile article's places."""
    assert names, "the hostile article must put places on the map for this test to mean anything"
    deadline = timeout_ms / 1000
    waited = 0.0
    while waited < deadline:
        if page.locator(MAP_FRAME).count() == 1:
            label = page.frame_locator(MAP_FRAME).locator(".geobrief-label", has_text=names[0])
            if label.count() and label.first.is_visible():
                return
        page.wait_for_timeout(250)
        waited += 0.25
    raise TimeoutError(f"no map of the hostile article (labels {names}) after {deadline:.0f} s")


def save_screenshot(page: sync_api.Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)


def assert_nothing_ran(state: Hostile) -> None:
    page = state.page
    frame = page.frame_locator(MAP_FRAME).locator("body")
    assert page.evaluate(NO_SCRIPT_RAN), page.evaluate("() => window.__xss")
    assert frame.evaluate(NO_SCRIPT_RAN)
    assert state.dialogs == []
    for scope in (page.evaluate, frame.evaluate):
        assert scope(LIVE_HANDLERS) == []
        assert scope(JS_LINKS) == []


def test_the_map_and_its_popups_run_nothing(hostile: Hostile) -> None:
    page = hostile.page
    frame = page.frame_locator(MAP_FRAME)
    try:
        markers = frame.locator(".geobrief-marker")
        assert markers.count() >= 1
        shown = []
        for index in range(markers.count()):  # events, not the mouse: a marker may lie outside the view
            markers.nth(index).dispatch_event("mouseover")  # its tooltip
            markers.nth(index).dispatch_event("click")  # its popup
            frame.locator(".leaflet-popup-content").first.wait_for(state="attached", timeout=5_000)
            shown.extend(frame.locator(".leaflet-popup-content").all_inner_texts())
            assert_nothing_ran(hostile)
        popups = " ".join(shown)
        assert "onerror=" in popups or "javascript:" in popups, popups  # the markup shows as text
        assert frame.locator(".leaflet-popup-content img, .leaflet-popup-content script, "
                             ".leaflet-popup-content svg, .leaflet-popup-content iframe").count() == 0
        assert_nothing_ran(hostile)
    except BaseException:
        save_screenshot(page, "hostile-map")
        raise


@pytest.mark.parametrize("tab", ["Attacks", "Responses", "Sources cited", "Places"])
def test_every_panel_runs_nothing(hostile: Hostile, tab: str) -> None:
    page = hostile.page
    try:
        open_tab(page, tab)
        page.wait_for_timeout(500)
        grids = page.locator("[data-testid='stDataFrame'] >> visible=true")
        if grids.count():
            grids.first.hover()
            grids.first.click(position={"x": 40, "y": 50})  # a cell: its full text shows on selection
        page.mouse.move(5, 5)
        assert_nothing_ran(hostile)
        assert page.locator("[data-testid='stMarkdownContainer'] a[href^='javascript' i]").count() == 0
    except BaseException:
        save_screenshot(page, f"hostile-{tab.split()[0].lower()}")
        raise


def test_the_html_download_runs_nothing(hostile: Hostile) -> None:
    page = hostile.page
    try:
        html_button = page.get_by_role("button", name="HTML", exact=True)
        open_expander(page, "Share and export this view", html_button)
        html = download(page, html_button).path().read_text(encoding="utf-8")
    except BaseException:
        save_screenshot(page, "hostile-download")
        raise
    assert "Kharkiv" in html
    browser = page.context.browser
    assert browser is not None
    exported = browser.new_page()
    dialogs: list[str] = []
    exported.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    block_external_requests(exported, [])
    exported.set_content(html, wait_until="load")
    exported.wait_for_timeout(1500)
    assert exported.evaluate(NO_SCRIPT_RAN) and dialogs == []
    assert exported.evaluate(LIVE_HANDLERS) == [] and exported.evaluate(JS_LINKS) == []
    for frame in exported.frames:
        assert frame.evaluate(NO_SCRIPT_RAN)
        assert frame.evaluate(LIVE_HANDLERS) == [] and frame.evaluate(JS_LINKS) == []
    exported.close()


def test_no_dialog_and_no_page_error_at_the_end(hostile: Hostile) -> None:
    assert_nothing_ran(hostile)
    assert hostile.dialogs == []
    assert not [e for e in hostile.page_errors if "__xss" in e or "alert" in e]
