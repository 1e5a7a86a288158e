"""Time to first view: ``python -m geo.bench.first_view [--runs 3]``.

Measured in one run, in Debian's headless Chromium with every external request blocked, each page
on a fresh ``streamlit run`` server: the first visit (cold: the server has done nothing yet) and
a second visit in a new browser context (warm), for

- a bare Streamlit page that writes one line (the baseline: Streamlit's own cost), until the line
  shows;
- GeoBrief's dashboard on the sample article, until the sample's attack and response symbols
  show on the map, and until the detail basemap has named a town.

It prints the times, the ratios against the baseline (targets: at most 2.5 cold, 2.0 warm) and
where the time goes: when the map's frame appeared, when Leaflet was there, how many messages the
page sent to the server (script runs, the map's reports), the size of the map's script, and the analysis of the sample in this process
(the first, with spaCy and the gazetteer loading, and the next). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from geo.browser import block_external_requests, launch_chromium, running_dashboard
from geo.settings import PROJECT_DIR

MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
BARE_PAGE = 'import streamlit as st\nst.write("GeoBrief baseline: one line")\n'
TIMEOUT_MS = 120_000


def _visit_bare(browser: Any, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    block_external_requests(page, [])
    start = time.perf_counter()
    page.goto(url)
    page.get_by_text("GeoBrief baseline: one line").wait_for(state="visible", timeout=TIMEOUT_MS)
    shown = time.perf_counter() - start
    context.close()
    return {"shown": shown}


def _visit_dashboard(browser: Any, url: str, symbols: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    blocked: list[str] = []
    sent: list[Any] = []
    block_external_requests(page, blocked)
    page.on("websocket", lambda socket: socket.on("framesent", lambda frame: sent.append(frame)))
    start = time.perf_counter()
    page.goto(url)
    page.locator(MAP_FRAME).first.wait_for(state="attached", timeout=TIMEOUT_MS)
    frame_at = time.perf_counter() - start
    inside = page.frame_locator(MAP_FRAME)
    inside.locator(".leaflet-container").wait_for(state="visible", timeout=TIMEOUT_MS)
    leaflet_at = time.perf_counter() - start
    inside.locator(".geobrief-marker").nth(symbols - 1).wait_for(state="attached", timeout=TIMEOUT_MS)
    markers_at = time.perf_counter() - start
    inside.locator(".geobrief-town").first.wait_for(state="attached", timeout=TIMEOUT_MS)
    basemap_at = time.perf_counter() - start
    page.wait_for_timeout(1500)  # the runs the map's first report asks for
    context.close()
    return {"frame": frame_at, "leaflet": leaflet_at, "shown": markers_at, "basemap": basemap_at,
            "sent": float(len(sent)), "blocked": float(len(blocked))}


def _serve_and_visit(app: Path, visit: Any, *args: Any) -> tuple[dict[str, float], dict[str, float]]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryFile() as log, running_dashboard(app, log=log) as url:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                return visit(browser, url, *args), visit(browser, url, *args)
            finally:
                browser.close()


def _analysis_times() -> tuple[float, float, int]:
    """The sample's analysis in a fresh process (the first, with spaCy and the gazetteer loading,
    and the second), and the size of its map's page."""
    import subprocess
    import sys

    script = ("import time, geo\n"
              "t = time.perf_counter(); geo.analyze(geo.load_sample()); first = time.perf_counter() - t\n"
              "t = time.perf_counter(); geo.analyze(geo.load_sample()); print(first, time.perf_counter() - t)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True)
    first, second = (float(x) for x in done.stdout.split()[-2:])
    import geo
    from geo.maps import build_map, map_points

    report = geo.analyze(geo.load_sample())
    size = len(build_map(report, points=map_points(report)).get_root().render().encode("utf-8"))
    return first, second, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.first_view", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh servers per page (default 3); medians shown")
    args = parser.parse_args(argv)
    import geo
    from geo.maps import map_points

    report = geo.analyze(geo.load_sample())
    symbols = sum(1 for p in map_points(report) if p.kind not in ("admin1", "country", "region"))
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare_page.py"
        bare.write_text(BARE_PAGE, encoding="utf-8")
        bare_runs = [_serve_and_visit(bare, _visit_bare) for _ in range(args.runs)]
        app_runs = [_serve_and_visit(PROJECT_DIR / "app.py", _visit_dashboard, symbols) for _ in range(args.runs)]

    def median(runs: list[tuple[dict[str, float], dict[str, float]]], visit: int, key: str) -> float:
        return statistics.median(run[visit][key] for run in runs)

    print(f"time to first view, medians of {args.runs} fresh servers (headless Chromium, network blocked)")
    for visit, name, target in ((0, "cold (first visit)", 2.5), (1, "warm (new context)", 2.0)):
        base, shown = median(bare_runs, visit, "shown"), median(app_runs, visit, "shown")
        print(f"  {name}: bare page {base:.2f} s, GeoBrief sample markers {shown:.2f} s, "
              f"ratio {shown / base:.2f} (target <= {target}); detail basemap named a town at "
              f"{median(app_runs, visit, 'basemap'):.2f} s")
        print(f"    where it goes: map frame at {median(app_runs, visit, 'frame'):.2f} s, Leaflet at "
              f"{median(app_runs, visit, 'leaflet'):.2f} s, messages the page sent to the server "
              f"{median(app_runs, visit, 'sent'):.0f}, requests blocked {median(app_runs, visit, 'blocked'):.0f}")
    first, second, size = _analysis_times()
    print(f"  the sample's analysis in a fresh process: first {first:.2f} s (spaCy and the gazetteer load), "
          f"then {second:.2f} s; the map's page {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
