"""Map and panels, shared links and the presentation view, in a real browser.

One `streamlit run app.py` of its own (a private corpus store: a pasted article is saved
there for its link), Debian's headless Chromium through Playwright, every request that would
leave the machine aborted. Expected values come from geo.analyze and the geo modules the page
calls, never from answers written down here. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

import geo
from geo.bench.mapping import synthetic_report
from geo.browser import block_external_requests
from geo.dashboard.articles import save_for_link
from geo.dashboard.present import present_steps
from geo.dashboard.selection import focus_zoom, place_selection
from geo.exports.brief import brief_from_report, key_facts
from geo.exports.tables import LOCATION_UNKNOWN
from geo.maps.points import MapPoint, map_points
from geo.maps.present_layer import STEP_ZOOM
from geo.model import Report
from tests.browser.support import (ARTIFACTS, FIRST_RENDER_MS, MAP_FRAME, dashboard_with_store, open_expander,
                                   open_tab, pick_option, sync_api, wait_for_idle)

pytestmark = pytest.mark.browser

PASTED = ("Rockets hit the port of Odesa on Monday, killing three people, the governor said. "
          "Later a drone strike hit Kharkiv, officials said.")


@dataclass
class Opened:
    page: sync_api.Page
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sent: list[object] = field(default_factory=list)  # websocket frames the page sent to the server


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("share") / "corpus.duckdb"


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    with dashboard_with_store(store, "streamlit-share.log") as url:
        yield url + "/"


@pytest.fixture(scope="module")
def expected() -> Report:
    return geo.analyze(geo.load_sample())


def open_page(browser: sync_api.Browser, url: str, width: int = 1400, height: int = 1100) -> Opened:
    """A fresh browser context (no cookies, no session) on ``url``, its map drawn."""
    context = browser.new_context(viewport={"width": width, "height": height})
    opened = Opened(page=context.new_page())
    block_external_requests(opened.page, opened.blocked)
    opened.page.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.page.on("websocket", lambda socket: socket.on("framesent", lambda frame: opened.sent.append(frame)))
    opened.page.goto(url)
    map_frame(opened.page).locator(".leaflet-container").wait_for(state="visible", timeout=FIRST_RENDER_MS)
    return opened


def close(opened: Opened) -> None:
    context = opened.page.context
    try:
        assert opened.blocked == [], f"requests that tried to leave the machine: {opened.blocked}"
        assert opened.errors == []
    finally:
        context.close()


def map_frame(page: sync_api.Page) -> sync_api.FrameLocator:
    return page.frame_locator(MAP_FRAME)


def leaflet_frame(page: sync_api.Page) -> sync_api.Frame:
    """The map component's frame, where streamlit-folium keeps the Leaflet map as ``window.map``."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url and frame.evaluate("() => !!window.map"):
                return frame
        page.wait_for_timeout(200)
    raise AssertionError("no Leaflet map in the page")


def redrawn_map_frame(page: sync_api.Page) -> sync_api.Frame:
    """The map's frame once drawn anew (the probe an earlier check left in the old one is gone); the old frame may
    be detached while it is looked at, so each look starts from the page's frames again."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if "streamlit_folium" in frame.url and frame.evaluate(
                        "() => !!window.map && window.__geobrief_probe === undefined"):
                    return frame
            except sync_api.Error:  # detached while the map is drawn anew
                continue
        page.wait_for_timeout(200)
    raise AssertionError("the map was not drawn anew")


def map_view(page: sync_api.Page) -> tuple[float, float, int]:
    lat, lon, zoom = leaflet_frame(page).evaluate(
        "() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]")
    return round(lat, 4), round(lon, 4), int(zoom)


def wait_for_view(page: sync_api.Page, lat: float, lon: float, zoom: int, timeout_s: float = 20) -> None:
    """Wait until the map is centred at (lat, lon), within two screen pixels (Leaflet centres on
    whole pixels), at ``zoom``."""
    tolerance = 2 * 360 / (256 * 2**zoom)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        seen = map_view(page)
        if abs(seen[0] - lat) < tolerance and abs(seen[1] - lon) < tolerance and seen[2] == zoom:
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"the map shows {map_view(page)}, not ({lat}, {lon}) at zoom {zoom}")


def tab_labels(page: sync_api.Page) -> list[str]:
    return [" ".join(t.split()) for t in page.get_by_role("tab").all_inner_texts()]


def panel_cells(page: sync_api.Page, tab_label: str) -> list[str]:
    open_tab(page, tab_label)
    grid = page.locator("[data-testid='stDataFrame'] >> visible=true").locator("table[role='grid']")
    grid.locator("td").first.wait_for(state="attached", timeout=10_000)
    return [" ".join(text.split()) for text in grid.locator("td").all_inner_texts()]


def wait_for_tabs(page: sync_api.Page, attacks: int, responses: int, timeout_s: float = 30) -> None:
    wanted = [f"Attacks ({attacks})", f"Responses ({responses})"]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if tab_labels(page)[:2] == wanted:
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"tabs {tab_labels(page)}, expected to start with {wanted}")


def click_point(page: sync_api.Page, point: MapPoint) -> None:
    """Click a point's symbol until the page says it is selected (a click during the map's
    first fitBounds animation can be lost)."""
    selected = page.get_by_text(f"Selected: {point.name}")
    for _ in range(5):
        wait_for_idle(page)  # during a rerun the old map and the new one can both be in the page
        try:
            map_frame(page).locator(f".{point.css_class}").first.click(force=True, timeout=10_000)
            selected.wait_for(state="visible", timeout=5_000)
            return
        except sync_api.Error:
            continue
    raise AssertionError(f"clicking {point.name} selected nothing")


def copied_link(page: sync_api.Page, index: int = 0) -> str:
    """The link in the Share box (the first code block: the view; the second: the presentation)."""
    codes = page.locator("[data-testid='stCode']")
    open_expander(page, "Share and export this view", codes)
    code = codes.nth(index)
    code.wait_for(state="visible", timeout=10_000)
    return " ".join(code.inner_text().split())


def located_point(expected: Report) -> MapPoint:
    """The place with the most events (ties: the first), so that selecting it narrows the panels."""
    points = [p for p in map_points(expected) if p.attacks or p.responses]
    if not points:
        pytest.skip("the sample has no located event")
    return max(points, key=lambda p: len(p.attacks) + len(p.responses))


def test_marker_click_filters_panels_and_show_all_restores(server: str, browser: sync_api.Browser,
                                                           expected: Report) -> None:
    opened = open_page(browser, server)
    page = opened.page
    try:
        point = located_point(expected)
        chosen = place_selection(expected, point)
        leaflet_frame(page).evaluate("() => { window.__geobrief_probe = 1; }")  # gone if the map is redrawn
        click_point(page, point)
        wait_for_tabs(page, len(chosen.attacks), len(chosen.responses))
        wait_for_idle(page)  # the tabs may show these counts before the page has finished its rerun
        assert tab_labels(page)[2] == f"Sources cited ({len(chosen.sources)})"
        for label, events in (("Attacks", chosen.attacks), ("Responses", chosen.responses)):
            if events:
                cells = panel_cells(page, label)
                assert [c for c in cells if c in {e.summary for e in expected.events}] == [e.summary for e in events]
        marks = page.locator(".geobrief-evidence mark").all_inner_texts()
        mentions = {m.text for p in expected.places if p.key == point.key for m in p.mentions}
        assert marks and set(marks) <= mentions  # the place's mentions are highlighted
        page.wait_for_url(lambda url: f"place={point.key}".replace(":", "%3A") in url, timeout=10_000)
        wait_for_view(page, round(point.lat, 5), round(point.lon, 5), focus_zoom(point))
        assert leaflet_frame(page).evaluate("() => window.__geobrief_probe") == 1  # same map: no flicker
        assert map_frame(page).locator(".geobrief-selected").count() == 1  # the ring around it
        page.screenshot(path=str(ARTIFACTS / "share-selected.png"))

        wait_for_idle(page)  # a click while the page reruns is lost
        page.get_by_role("button", name="Show all").click()
        wait_for_tabs(page, len(expected.attacks), len(expected.responses))
        page.wait_for_url(lambda url: "place=" not in url, timeout=10_000)  # written at the run's end
        assert map_frame(page).locator(".geobrief-selected").count() == 0
        # the map is drawn anew, fitted to every attack and response again
        events = [[p.lat, p.lon] for p in map_points(expected) if p.attacks or p.responses]
        frame = redrawn_map_frame(page)
        assert frame.evaluate("(points) => points.every(function (p) { return window.map.getBounds().contains(p); })",
                              events)
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "browser-share-click.png"), full_page=True)
        raise
    close(opened)


def reruns_requested(frames: list[object]) -> list[str]:
    """The rerun requests among websocket frames sent by the page: each one's fragment id
    ("" for a rerun of the whole page)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    requested = []
    for frame in frames:
        if isinstance(frame, bytes):
            message = BackMsg()
            message.ParseFromString(frame)
            if message.WhichOneof("type") == "rerun_script":
                requested.append(message.rerun_script.fragment_id)
    return requested


def test_panning_moves_the_link_without_rerunning_the_page(server: str, browser: sync_api.Browser) -> None:
    opened = open_page(browser, server)
    page = opened.page
    try:
        wait_for_idle(page)
        leaflet_frame(page).evaluate("() => { window.__geobrief_probe = 2; }")
        assert reruns_requested(opened.sent)  # the frames are seen: the first run was requested
        sent_before = len(opened.sent)
        before = map_view(page)
        box = page.locator(MAP_FRAME).bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x - 150, y - 80, steps=8)
        page.mouse.up()
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(1_000)
        wait_for_idle(page)
        lat, lon, zoom = map_view(page)
        assert (lat, lon, zoom) != before  # the map moved...
        page.wait_for_url(lambda url: f"zoom={zoom}" in url, timeout=10_000)  # ...the URL and the link follow,
        shown = dict(parse_qsl(urlsplit(copied_link(page)).query))
        tolerance = 2 * 360 / (256 * 2**zoom)
        assert abs(float(shown["lat"]) - lat) <= tolerance and abs(float(shown["lon"]) - lon) <= tolerance
        assert int(shown["zoom"]) == zoom and dict(parse_qsl(urlsplit(page.url).query)) == shown
        assert map_view(page) == (lat, lon, zoom)  # the map was not moved back,
        assert leaflet_frame(page).evaluate("() => window.__geobrief_probe") == 2  # nor redrawn,
        requested = reruns_requested(opened.sent[sent_before:])
        assert requested and all(requested)  # and only the map's fragment ran again, never the page
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "browser-share-pan.png"), full_page=True)
        raise
    close(opened)


def _click_first_row(page: sync_api.Page, tab_label: str) -> None:
    """Select the first row of a panel (the row-selection column at the grid's left edge)."""
    open_tab(page, tab_label)
    grid = page.locator("[data-testid='stDataFrame'] >> visible=true").first
    grid.wait_for(state="visible", timeout=10_000)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 14, box["y"] + 38 + 38)  # header 38 px, rows 76 px high


def test_clicking_a_panel_row_centres_the_map(server: str, browser: sync_api.Browser, expected: Report) -> None:
    opened = open_page(browser, server)
    page = opened.page
    points = map_points(expected)
    label, event = next(((lab, evs[0]) for lab, evs in (("Responses", expected.responses),
                                                         ("Attacks", expected.attacks)) if evs), (None, None))
    if event is None:
        pytest.skip("the sample has no event")
    point = next((p for p in points if event in p.attacks + p.responses), None)
    if point is None:
        pytest.skip("the first event has no location")
    try:
        leaflet_frame(page).evaluate("() => { window.__geobrief_probe = 3; }")
        for _ in range(3):
            _click_first_row(page, label)
            try:
                page.wait_for_url(re.compile(r"[?&]lat="), timeout=5_000)
                break
            except sync_api.TimeoutError:
                continue
        wait_for_view(page, round(point.lat, 5), round(point.lon, 5), focus_zoom(point))
        assert leaflet_frame(page).evaluate("() => window.__geobrief_probe") == 3
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "browser-share-row.png"), full_page=True)
        raise
    close(opened)


def test_copied_link_reproduces_selection_and_view_in_a_fresh_context(
        server: str, browser: sync_api.Browser, expected: Report) -> None:
    first = open_page(browser, server)
    page = first.page
    point = located_point(expected)
    kind = "attack" if point.attacks else "response"
    try:
        open_expander(page, "Filters: kind", page.get_by_label("Kind"))
        pick_option(page, "Kind", "Attacks" if kind == "attack" else "Responses")
        page.wait_for_url(re.compile(rf"kind={kind}"), timeout=20_000)
        click_point(page, point)
        wait_for_view(page, round(point.lat, 5), round(point.lon, 5), focus_zoom(point))
        link = copied_link(page)
        assert link.startswith(server) and f"kind={kind}" in link and "place=" in link and "zoom=" in link
        view, tabs, cells = map_view(page), tab_labels(page), panel_cells(page, "Places")
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "browser-share-link.png"), full_page=True)
        raise
    close(first)

    second = open_page(browser, link)  # a new context: no session, no cookies
    try:
        second.page.get_by_text(f"Selected: {point.name}").wait_for(state="visible", timeout=30_000)
        wait_for_view(second.page, view[0], view[1], view[2])
        assert tab_labels(second.page) == tabs
        assert panel_cells(second.page, "Places") == cells
        assert map_frame(second.page).locator(".geobrief-selected").count() == 1
        second.page.screenshot(path=str(ARTIFACTS / "share-link-opened.png"))
    except BaseException:
        second.page.screenshot(path=str(ARTIFACTS / "browser-share-opened.png"), full_page=True)
        raise
    close(second)


def test_pasted_article_is_stored_and_its_link_works_elsewhere(server: str, browser: sync_api.Browser) -> None:
    report = geo.analyze(PASTED)
    first = open_page(browser, server)
    page = first.page
    try:
        page.get_by_text("Article: paste, edit or upload").click()
        page.get_by_role("textbox", name="Article text").fill(PASTED)
        for _ in range(3):  # a click while the page is still settling can be lost: Analyze is idempotent
            page.get_by_role("button", name="Analyze").click()
            try:
                page.wait_for_url(re.compile(rf"article={report.article.text_sha256}"), timeout=40_000)
                break
            except sync_api.TimeoutError:
                continue
        assert f"article={report.article.text_sha256}" in page.url
        link = copied_link(page)
        assert f"article={report.article.text_sha256}" in link
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "browser-share-paste.png"), full_page=True)
        raise
    close(first)

    second = open_page(browser, link)
    try:
        wait_for_tabs(second.page, len(report.attacks), len(report.responses))
        cells = panel_cells(second.page, "Places")
        for place in report.places:
            assert place.name in cells
        for event in report.attacks[:1]:
            cells = panel_cells(second.page, "Attacks")
            assert event.summary in cells and (event.where or LOCATION_UNKNOWN) in cells
    except BaseException:
        second.page.screenshot(path=str(ARTIFACTS / "browser-share-paste-opened.png"), full_page=True)
        raise
    close(second)


def test_presentation_view_shows_the_map_and_the_key_facts(server: str, browser: sync_api.Browser,
                                                           expected: Report) -> None:
    opened = open_page(browser, server + "?view=present", width=1920, height=1080)
    page = opened.page
    try:
        frame = map_frame(page)
        points = map_points(expected)
        frame.locator(".geobrief-marker").nth(len(points) - 1).wait_for(state="attached", timeout=30_000)
        facts = page.locator("[data-testid='geobrief-key-facts'] .geobrief-fact")
        shown = [" ".join(text.split()) for text in facts.all_inner_texts()]
        wanted = [f"{value} {label}".upper() for label, value in key_facts(brief_from_report(expected)).rows()]
        assert [text.upper() for text in shown] == wanted
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        for widget in ("stTextArea", "stSelectbox", "stTextInput", "stDateInput", "stButton", "stDownloadButton",
                       "stExpander"):
            assert page.locator(f"[data-testid='{widget}']").count() == 0, widget
        box = page.locator(MAP_FRAME).bounding_box()
        assert box and box["width"] > 0.65 * 1920 and box["y"] + box["height"] >= 1000  # down to the screen's foot
        value_size = facts.first.locator(".geobrief-fact-value").evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)")
        assert value_size >= 36  # large type, for a projector
        legend_size = frame.locator(".geobrief-legend-box").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert legend_size >= 14
        # the numbered list of the events shown, with their sources, beside the map
        steps = present_steps(brief_from_report(expected))
        items = page.locator("[data-geobrief-step]")
        assert items.count() == len(steps) == len(expected.events)
        assert [" ".join(t.split()) for t in items.all_inner_texts()][0].startswith(
            f"{steps[0].event.kind.capitalize()} {steps[0].event.summary}")
        page.screenshot(path=str(ARTIFACTS / "present-view.png"))
        # the keys step through the events: the item is marked and the map centred on its place
        located = next(step for step in steps if step.lat is not None)
        zoom = max(STEP_ZOOM, map_view(page)[2])  # a step zooms in to a town's surroundings, never out
        page.mouse.click(1900, 1060)  # the focus in the page, not the map
        for _ in range(located.number):
            page.keyboard.press("ArrowRight")
        current = page.locator(".geobrief-step-current")
        current.wait_for(state="visible", timeout=5_000)
        assert current.get_attribute("data-geobrief-step") == str(located.number)
        wait_for_view(page, located.lat, located.lon, zoom, timeout_s=10)
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)
        assert page.locator(".geobrief-step-current").count() == 0
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "browser-share-present.png"), full_page=True)
        raise
    close(opened)


def test_presentation_figures_count_what_the_panels_count(server: str, browser: sync_api.Browser,
                                                          expected: Report) -> None:
    point = located_point(expected)
    chosen = place_selection(expected, point)
    opened = open_page(browser, f"{server}?view=present&place={point.key}", width=1920, height=1080)
    try:
        facts = opened.page.locator("[data-testid='geobrief-key-facts'] .geobrief-fact")
        facts.first.wait_for(state="visible", timeout=30_000)
        values = {f.get_attribute("data-fact"): f.locator(".geobrief-fact-value").inner_text() for f in facts.all()}
        # the Brief page's tabs with this place selected say: Attacks (n), Responses (n), Sources cited (n)
        assert values["attacks"] == str(len(chosen.attacks)) and values["responses"] == str(len(chosen.responses))
        assert values["distinct sources"] == str(len(chosen.sources))
        assert opened.page.locator("[data-geobrief-step]").count() == len(chosen.attacks) + len(chosen.responses)
    finally:
        close(opened)


def test_a_thousand_events_are_clustered_and_stay_clickable(server: str, browser: sync_api.Browser,
                                                            store: Path) -> None:
    """Leaflet.markercluster, served from the app's static folder, groups 1,000 places."""
    report = synthetic_report(1000)
    article_id = save_for_link(report, store, analyzer_version="test-share")
    opened = open_page(browser, f"{server}?article={article_id}")
    page = opened.page
    try:
        frame = map_frame(page)
        frame.locator(".geobrief-cluster").first.wait_for(state="visible", timeout=30_000)
        # Let the first zoom animation end: during it the clusters of two zoom levels coexist.
        texts: list[str] = []
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            page.wait_for_timeout(500)
            current = frame.locator(".geobrief-cluster").all_inner_texts()
            if current == texts and not frame.locator(".leaflet-zoom-anim").count():
                break
            texts = current
        clusters = frame.locator(".geobrief-cluster").count()
        singles = frame.locator(".leaflet-marker-icon.geobrief-marker").count()
        assert 0 < clusters and singles + clusters < 300  # grouped, not 1,000 symbols
        counts = [int(text) for text in frame.locator(".geobrief-cluster").all_inner_texts()]
        assert sum(counts) + singles <= 1000 and max(counts) > 1
        wait_for_idle(page)
        assert page.get_by_role("tab", name=f"Attacks ({len(report.attacks)})").count() == 1
        page.screenshot(path=str(ARTIFACTS / "share-clustered.png"))
        zoom = map_view(page)[2]
        frame.locator(".geobrief-cluster").first.click()  # zooms in to the cluster's places
        deadline = time.monotonic() + 10
        while map_view(page)[2] == zoom and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        assert map_view(page)[2] > zoom
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "browser-share-cluster.png"), full_page=True)
        raise
    close(opened)
