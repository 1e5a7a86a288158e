"""Take assets/screenshot.png of the dashboard on the sample article, in headless Chromium.

    python scripts/screenshot.py                      # starts the app on a free port, then stops it
    python scripts/screenshot.py --url http://127.0.0.1:8501/   # uses a running app

Every request that leaves 127.0.0.1/localhost is blocked and listed: the dashboard must
need none. Uses Debian's /usr/bin/chromium through Playwright (no browser download).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from geo.browser import CHROMIUM, block_external_requests, launch_chromium, running_dashboard

REPO = Path(__file__).resolve().parent.parent
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"


def wait_for_map(page: Page, timeout_ms: float = 90_000) -> None:
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".leaflet-container").wait_for(state="visible", timeout=timeout_ms)
    frame.locator(".geobrief-basemap").first.wait_for(state="attached", timeout=timeout_ms)


def take_screenshot(url: str, output: Path, width: int, height: int) -> list[str]:
    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            block_external_requests(page, blocked)
            page.goto(url)
            wait_for_map(page)
            page.wait_for_timeout(800)  # let the fitBounds animation and the tables settle
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output), full_page=False)
        finally:
            browser.close()
    return blocked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running dashboard (default: start one)")
    parser.add_argument("--output", type=Path, default=REPO / "assets" / "screenshot.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1300)
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"error: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 1
    if args.url:
        blocked = take_screenshot(args.url, args.output, args.width, args.height)
    else:
        with running_dashboard(REPO / "app.py") as url:
            blocked = take_screenshot(url, args.output, args.width, args.height)
    print(f"wrote {args.output}")
    if blocked:
        print("blocked requests to the internet:", *blocked, sep="\n  ", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
