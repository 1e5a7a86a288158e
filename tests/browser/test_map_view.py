"""What the map shows in a real browser with every external request blocked: the offline detail
basemap (rivers, coasts, town labels), the first view of articles of different shapes, and shared
links that keep any zoom, and the map's tools (the cursor's coordinates, a measured distance).

One `streamlit run app.py` with a private corpus store (the articles are saved there so that a
link opens them), Debian's headless Chromium through Playwright. Expected places come from
geo.analyze; the articles are made up. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

import geo
from geo.geometry import distance_km
from geo.browser import block_external_requests
from geo.dashboard.articles import save_for_link
from geo.maps.map_tools import tools_installed
from geo.maps.offline import DEFAULT_STATIC_DIR, detail_installed
from geo.maps.points import MapPoint, map_points
from tests.browser.support import (ARTIFACTS, FIRST_RENDER_MS, MAP_FRAME, dashboard_with_store, sync_api,
                                   wait_for_idle)

pytestmark = pytest.mark.browser

if not detail_installed():
    pytest.skip("the detail basemap is not built: `make setup` (or `make test`) builds it", allow_module_level=True)

SEA_RGB, LAND_RGB = (0xCF, 0xE0, 0xEC), (0xF4, 0xF1, 0xEA)
ARTICLES = {
    # a strike in one town, with a far-away ministry and countries named only as supporters
    "far": ("Coalition aircraft struck rebel missile launchers near Zinjibar on Thursday, the Pentagon said in a "
            "statement. Canada, Denmark and the Netherlands supported the operation, officials in Washington said."),
    # an attack at sea
    "sea": ("Rebels fired two anti-ship missiles at a bulk carrier in the Red Sea on Tuesday, the navy said. "
            "The crew was unhurt."),
    # a strike in a city, and an interception over its region
    "city": ("A missile struck a warehouse in Odesa on Tuesday night, killing two workers, the governor said. "
             "Air defences shot down four drones over the Odesa region, the air force said."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("map-view") / "corpus.duckdb"


@pytest.fixture(scope="module")
def links(store: Path) -> dict[str, tuple[str, list[MapPoint]]]:
    """Each article's id and its event points (attacks and responses with a place)."""
    saved = {}
    for name, text in ARTICLES.items():
        report = geo.analyze(text)
        saved[name] = (save_for_link(report, store), [p for p in map_points(report) if p.attacks or p.responses])
    return saved


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    with dashboard_with_store(store, "streamlit-map-view.log") as url:
        yield url


def open_map(browser: sync_api.Browser, url: str) -> tuple[sync_api.Page, sync_api.Frame, list[str]]:
    """A fresh context on ``url``; the page, the map's frame once its basemap is drawn, what was blocked."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    blocked: list[str] = []
    block_external_requests(page, blocked)
    page.goto(url)
    page.frame_locator(MAP_FRAME).locator(".leaflet-container").wait_for(state="visible", timeout=FIRST_RENDER_MS)
    wait_for_idle(page)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    frame.wait_for_function("() => window.map && document.querySelectorAll('.geobrief-town').length > 0",
                            timeout=30_000)
    page.wait_for_timeout(800)  # the labels are decluttered after the last cell arrives
    return page, frame, blocked


def visible_labels(frame: sync_api.Frame, selector: str) -> list[str]:
    """The texts of the labels matching ``selector`` that are shown inside the map's box."""
    return frame.evaluate(
        """(selector) => {
            var box = window.map.getContainer().getBoundingClientRect();
            return Array.from(document.querySelectorAll(selector)).filter(function (element) {
                var r = element.getBoundingClientRect();
                return element.style.visibility !== "hidden" && r.width > 0 && r.left >= box.left &&
                       r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
            }).map(function (element) { return element.textContent.trim(); });
        }""", selector)


def pixels_near(page: sync_api.Page, frame: sync_api.Frame, lat: float, lon: float, radius: int,
                name: str) -> list[tuple[int, int, int]]:
    """The map's pixels within ``radius`` of (lat, lon), from a screenshot saved as ``name``."""
    from PIL import Image

    x, y = frame.evaluate("([lat, lon]) => { var p = window.map.latLngToContainerPoint([lat, lon]); "
                          "return [p.x, p.y]; }", [lat, lon])
    shot = page.locator(MAP_FRAME).screenshot(path=str(ARTIFACTS / name))
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    box = (max(int(x) - radius, 0), max(int(y) - radius, 0), int(x) + radius, int(y) + radius)
    cropped = image.crop(box)
    width, height = cropped.size  # (pixel by pixel: Pillow 13 deprecates getdata, older ones lack its successor)
    return [cropped.getpixel((i, j)) for j in range(height) for i in range(width)]  # type: ignore[misc]


def river_like(colour: tuple[int, int, int]) -> bool:
    """The river blue or its anti-aliased edge on the land (much bluer than the sea)."""
    return colour[2] - colour[0] > 45 and colour[2] > 170


def close_to(colour: tuple[int, int, int], wanted: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, wanted))


def test_the_sample_at_zoom_9_shows_the_euphrates_and_the_towns_around(server: str,
                                                                       browser: sync_api.Browser) -> None:
    page, frame, blocked = open_map(browser, f"{server}/?lat=34.7&lon=40.75&zoom=9")
    try:
        events = visible_labels(frame, ".geobrief-label")
        assert "Al Mayadin" in events and "Albu Kamal" in events
        towns = set(visible_labels(frame, ".geobrief-town")) - {"Al Mayadin", "Albu Kamal"}
        assert len(towns) >= 3, towns
        # the Euphrates runs between the two towns: river-blue pixels around the midpoint
        river = pixels_near(page, frame, 34.63, 40.62, 60, "map-zoom9-sample.png")
        assert sum(river_like(p) for p in river) > 40
        assert blocked == []
    finally:
        page.context.close()


def test_an_odesa_story_shows_the_black_sea_coast_and_the_dnipro_mouth(
        server: str, browser: sync_api.Browser, links: dict[str, tuple[str, list[MapPoint]]]) -> None:
    article, _ = links["city"]
    page, frame, blocked = open_map(browser, f"{server}/?article={article}&lat=46.4&lon=31.4&zoom=8")
    try:
        coast = pixels_near(page, frame, 46.3, 30.75, 60, "map-odesa-coast.png")  # the coast south of Odesa
        assert sum(close_to(p, SEA_RGB) for p in coast) > 500 and sum(close_to(p, LAND_RGB) for p in coast) > 500
        mouth = pixels_near(page, frame, 46.52, 32.3, 40, "map-odesa-dnipro.png")  # the Dnipro below Kherson
        assert sum(river_like(p) or close_to(p, SEA_RGB) for p in mouth) > 300
        assert blocked == []
    finally:
        page.context.close()


@pytest.mark.parametrize("name", list(ARTICLES))
def test_the_first_view_holds_every_attack_and_response(name: str, server: str, browser: sync_api.Browser,
                                                         links: dict[str, tuple[str, list[MapPoint]]]) -> None:
    article, events = links[name]
    assert events, f"the {name} article should place an event"
    page, frame, blocked = open_map(browser, f"{server}/?article={article}")
    try:
        inside = frame.evaluate("(points) => points.map(function (p) { return window.map.getBounds().contains(p); })",
                                [[p.lat, p.lon] for p in events])
        assert all(inside), [(p.name, ok) for p, ok in zip(events, inside)]
        zoom = frame.evaluate("() => window.map.getZoom()")
        assert zoom >= 5, f"the {name} article opens at zoom {zoom}: pulled out by places far from its events"
        page.locator(MAP_FRAME).screenshot(path=str(ARTIFACTS / f"map-first-view-{name}.png"))
        assert blocked == []
    finally:
        page.context.close()


def test_a_link_keeps_its_view_at_every_zoom(server: str, browser: sync_api.Browser) -> None:
    lat, lon = 34.45123, 40.91877
    for zoom in range(2, 13):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        block_external_requests(page, [])
        try:
            page.goto(f"{server}/?lat={lat}&lon={lon}&zoom={zoom}")
            page.frame_locator(MAP_FRAME).locator(".leaflet-container").wait_for(state="visible",
                                                                              timeout=FIRST_RENDER_MS)
            wait_for_idle(page)
            time.sleep(0.5)
            frame = next(f for f in page.frames if "streamlit_folium" in f.url)
            shown = frame.evaluate(
                "() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]")
            pixel = 360 / (256 * 2**zoom)  # degrees per pixel: Leaflet centres on whole pixels
            assert shown[2] == zoom and abs(shown[0] - lat) < 2 * pixel and abs(shown[1] - lon) < 2 * pixel, shown
            params = dict(parse_qsl(urlsplit(page.url).query))
            assert (params.get("lat"), params.get("lon"), params.get("zoom")) == (str(lat), str(lon), str(zoom))
        finally:
            context.close()


def test_the_first_view_labels_every_event_place_beside_its_symbol(server: str, browser: sync_api.Browser) -> None:
    events = [p for p in map_points(geo.analyze(geo.load_sample())) if p.attacks or p.responses]
    page, frame, blocked = open_map(browser, f"{server}/")
    try:
        # a label to the left of a province's or country's ring was once placed off the map
        inside = frame.evaluate("(points) => points.map(function (p) { return window.map.getBounds().contains(p); })",
                                [[p.lat, p.lon] for p in events])
        shown = set(visible_labels(frame, ".geobrief-label"))
        assert all(inside) and {p.name for p in events} <= shown, shown
        assert blocked == []
    finally:
        page.context.close()


@pytest.mark.skipif(not tools_installed(DEFAULT_STATIC_DIR), reason="the map's tools are not installed (needs npm)")
def test_the_cursor_reads_decimal_degrees_and_mgrs_and_a_line_measures_kilometres(
        server: str, browser: sync_api.Browser) -> None:
    page, frame, blocked = open_map(browser, f"{server}/?lat=34.7&lon=40.75&zoom=8")
    try:
        box = page.locator(MAP_FRAME).bounding_box()
        assert box is not None
        x, y = box["width"] * 0.4, box["height"] * 0.6
        page.mouse.move(box["x"] + x, box["y"] + y)
        text = frame.locator(".leaflet-control-mouseposition").inner_text()
        lat, lon = frame.evaluate("([x, y]) => { var p = map.containerPointToLatLng([x, y]); return [p.lat, p.lng]; }",
                                  [x, y])
        shown = [float(v) for v in text.split("\u00b7")[0].split(",")]
        assert shown == pytest.approx([lat, lon], abs=2e-5)
        assert re.search(r"MGRS 37S [A-Z]{2} \d{5} \d{5}$", text), text  # zone 37, band S: eastern Syria
        assert frame.evaluate("() => mgrs.forward([0, 0], 5)") == "31NAA6602100000"  # the library's own answer
        frame.locator(".polyline-measure-unicode-icon").first.click()  # which may scroll the page
        page.wait_for_timeout(300)
        box = page.locator(MAP_FRAME).bounding_box()
        assert box is not None
        start = frame.evaluate("() => map.latLngToContainerPoint([34.45, 40.92])")  # Albu Kamal
        end = frame.evaluate("() => map.latLngToContainerPoint([35.02, 40.45])")  # Al Mayadin
        page.mouse.click(box["x"] + start["x"], box["y"] + start["y"])
        page.wait_for_timeout(300)
        page.mouse.dblclick(box["x"] + end["x"], box["y"] + end["y"])
        totals = frame.locator(".polyline-measure-tooltip-total").all_inner_texts()
        km = float(totals[-1].replace("\u00a0", " ").split()[0])
        assert km == pytest.approx(distance_km(34.45, 40.92, 35.02, 40.45), abs=1.5)  # about 76.6 km
        wait_for_idle(page)
        assert page.get_by_text("Selected:").count() == 0  # measuring from a town's symbol did not select it
        assert blocked == []
    finally:
        page.context.close()
