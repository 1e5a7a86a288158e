"""The standalone HTML export in a real browser (Debian's headless Chromium), with no network:
every request that would leave the machine is aborted, and the page must make none at all
(only data:/about: URLs). The map must draw its basemap and one symbol per place, and hostile
text from the article must show as text, never run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from geo.browser import block_external_requests
from geo.exports.formats import export_bytes
from geo.maps.folium_map import map_points
from geo.model import Report
from tests.browser.support import ARTIFACTS, sync_api
from tests.exports.test_formats import FORMULA, IMAGE, SCRIPT, hostile_report

pytestmark = pytest.mark.browser
MAP_IFRAME = "iframe.map"
RENDER_TIMEOUT_MS = 30_000


@dataclass
class Opened:
    page: sync_api.Page
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_export(browser: sync_api.Browser, report: Report, name: str) -> Opened:
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    opened = Opened(page=page)
    block_external_requests(page, opened.blocked)
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))

    def dismiss(dialog: sync_api.Dialog) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.set_content(export_bytes(report, "html").decode("utf-8"), wait_until="load")
    try:
        page.frame_locator(MAP_IFRAME).locator(".leaflet-container").wait_for(state="visible",
                                                                              timeout=RENDER_TIMEOUT_MS)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"export-{name}.png"), full_page=True)
        raise
    return opened


def test_exported_html_draws_the_map_offline(browser: sync_api.Browser, sample_report: Report) -> None:
    opened = open_export(browser, sample_report, "sample")
    frame = opened.page.frame_locator(MAP_IFRAME)
    points = map_points(sample_report)
    frame.locator(".geobrief-marker").nth(len(points) - 1).wait_for(state="attached", timeout=RENDER_TIMEOUT_MS)
    assert frame.locator(".geobrief-marker").count() == len(points)
    assert frame.locator(".geobrief-attack").count() == sum(1 for p in points if p.role == "attack")
    assert frame.locator(".geobrief-response").count() == sum(1 for p in points if p.role == "response")
    # the detail basemap's cells around the places, inlined: land and rivers on a canvas, towns named
    assert frame.locator(".leaflet-geobrief-basemap-pane canvas").count() == 1
    assert frame.locator(".geobrief-town").count() > 5
    assert frame.locator(".geobrief-legend").is_visible()
    box = opened.page.locator(MAP_IFRAME).bounding_box()
    assert box and box["width"] > 600 and box["height"] > 400
    assert opened.page.locator("h1").inner_text() == sample_report.article.title
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "export-html.png"))
    assert opened.blocked == []
    assert all(url.startswith(("data:", "about:")) for url in opened.requests), opened.requests
    assert opened.errors == []
    opened.page.close()


def test_exported_html_shows_hostile_text_as_text(browser: sync_api.Browser) -> None:
    report = hostile_report()
    opened = open_export(browser, report, "hostile")
    page, frame = opened.page, opened.page.frame_locator(MAP_IFRAME)
    frame.locator(".geobrief-marker").first.wait_for(state="attached", timeout=RENDER_TIMEOUT_MS)
    assert page.locator("td", has_text=SCRIPT).count() >= 1  # the literal text in the tables
    assert page.locator("td", has_text=FORMULA).count() >= 1
    assert page.locator("img").count() == 0 and page.locator("b", has_text="bold").count() == 0
    assert frame.locator("img[src='x']").count() == 0
    frame.locator(".geobrief-label", has_text="Springfield").first.wait_for(state="visible",
                                                                             timeout=RENDER_TIMEOUT_MS)
    assert IMAGE in frame.locator(".geobrief-label", has_text="Springfield").first.inner_text()
    for attempt in range(10):  # open the popup with the evidence: during the first fitBounds a click can be
        try:  # lost, or land on the town's label drawn over the symbol: then the click goes to the symbol itself
            attack = frame.locator(".geobrief-attack").first
            if attempt % 2 == 0:
                attack.click(force=True, timeout=5_000)
            else:
                attack.dispatch_event("click")
            frame.locator(".geobrief-popup").first.wait_for(state="visible", timeout=5_000)
            break
        except sync_api.Error:  # a timeout too
            page.wait_for_timeout(1_000)
    assert SCRIPT in frame.locator(".geobrief-popup").first.inner_text()
    assert opened.dialogs == [], "article text ran as code"
    assert opened.blocked == [] and opened.errors == []
    page.close()
