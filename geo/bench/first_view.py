"""Time to first view: ``python -m geo.bench.first_view [--runs 3]``.

Measured in one run, in Debian's headless Chromium with every request to another machine failing
(a proxy where nothing listens; the loopback is reached directly, so nothing slows the page's own
requests down), each page on a fresh server started as its users start it, for

- a bare Streamlit page that writes one line (the baseline: Streamlit's own cost; ``streamlit run``),
  until the line shows;
- GeoBrief's dashboard on the sample article (``python app.py``, as ``make run`` starts it), until
  the sample's attack and response symbols show on the map, and until the detail basemap has
  named a town,

on the first visit (cold: no page has run on the server yet) and a second visit in a new browser
context (warm: nothing in the browser's cache). The page itself records when each thing appeared
(a 25 ms timer in the top frame that also looks into the map's frame), so the times do not depend
on how often Playwright polls.

It prints the times, the ratios against the baseline (targets: at most 2.5 cold, 2.0 warm), how long
each server took to answer (GeoBrief's loads the language model, the gazetteer and the map's
templates before it answers: geo.dashboard.startup) and where the time goes: when the map's script
reached the browser, when its frame appeared, how many messages the page sent to the server, how
many requests to other machines failed. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from geo.browser import launch_chromium, running_dashboard
from geo.settings import PROJECT_DIR

BARE_LINE = "GeoBrief baseline: one line"
BARE_PAGE = f'import streamlit as st\nst.write("{BARE_LINE}")\n'
TIMEOUT_S = 120.0
MAP_MESSAGE_BYTES = 10_000  # the largest message of a page run: the map's script
# Runs in every frame before the page's own scripts; only the top frame keeps time.
SEEN_SCRIPT = """
(() => {
  if (window !== window.top) return;
  window.__seen = {};
  const mark = (key) => { if (!(key in window.__seen)) window.__seen[key] = Date.now(); };
  const look = (doc) => {
    if (%(symbols)d > 0 && doc.querySelectorAll('.geobrief-marker').length >= %(symbols)d) mark('shown');
    if (doc.querySelector('.geobrief-town')) mark('town');
    if (%(symbols)d === 0 && doc.body && doc.body.textContent.includes(%(line)s)) mark('shown');
  };
  setInterval(() => {
    if (!document.body) return;
    look(document);
    for (const frame of document.querySelectorAll('iframe')) {
      mark('frame');
      try { if (frame.contentDocument) look(frame.contentDocument); } catch (error) {}
    }
  }, 25);
})();
"""


def _visit(browser: Any, url: str, symbols: int) -> dict[str, float]:
    """One visit in a new browser context: seconds from navigation to each thing seen, and counts."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(SEEN_SCRIPT % {"symbols": symbols, "line": repr(BARE_LINE)})
    page = context.new_page()
    failed: list[str] = []
    sent: list[float] = []
    map_message: list[float] = []
    page.on("requestfailed", lambda request: failed.append(request.url))

    def watch(socket: Any) -> None:
        socket.on("framesent", lambda _: sent.append(time.time()))
        socket.on("framereceived", lambda frame: map_message.append(time.time())
                  if frame and len(frame) > MAP_MESSAGE_BYTES else None)

    page.on("websocket", watch)
    start_ms = time.time() * 1000
    page.goto(url)
    deadline = time.monotonic() + TIMEOUT_S
    seen: dict[str, float] = {}
    while time.monotonic() < deadline and "shown" not in seen:
        page.wait_for_timeout(100)
        seen = page.evaluate("() => window.__seen || {}")
    if "shown" not in seen:
        raise TimeoutError(f"nothing shown at {url} within {TIMEOUT_S:.0f} s")
    page.wait_for_timeout(1500)  # the town labels, and the runs the map's first report asks for
    seen = page.evaluate("() => window.__seen || {}")
    context.close()
    times = {key: (value - start_ms) / 1000 for key, value in seen.items()}
    if map_message:
        times["map_script"] = map_message[0] - start_ms / 1000
    return {**times, "sent": float(len(sent)), "failed": float(len(failed))}


def _serve_and_visit(app: Path, symbols: int) -> tuple[float, dict[str, float], dict[str, float]]:
    """A fresh server for ``app``: seconds until it answered, then a cold and a warm visit."""
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    with tempfile.TemporaryFile() as log, running_dashboard(app, log=log) as url:
        answered = time.perf_counter() - started
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright, loopback_only=True)
            try:
                return answered, _visit(browser, url, symbols), _visit(browser, url, symbols)
            finally:
                browser.close()


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
        bare_runs = [_serve_and_visit(bare, 0) for _ in range(args.runs)]
        app_runs = [_serve_and_visit(PROJECT_DIR / "app.py", symbols) for _ in range(args.runs)]

    def median(runs: list[tuple[float, dict[str, float], dict[str, float]]], visit: int, key: str) -> float:
        values = [run[visit][key] for run in runs if key in run[visit]]  # type: ignore[index]
        return statistics.median(values) if values else float("nan")

    print(f"time to first view, medians of {args.runs} fresh servers (headless Chromium, other machines unreachable)")
    print(f"  servers answered after: bare page {statistics.median(r[0] for r in bare_runs):.2f} s, GeoBrief "
          f"{statistics.median(r[0] for r in app_runs):.2f} s (it loads the language model, the gazetteer and "
          "the map's templates first)")
    for visit, name, target in ((1, "cold (first visit)", 2.5), (2, "warm (new context)", 2.0)):
        base, shown = median(bare_runs, visit, "shown"), median(app_runs, visit, "shown")
        print(f"  {name}: bare page {base:.2f} s, GeoBrief sample markers {shown:.2f} s, "
              f"ratio {shown / base:.2f} (target <= {target}); detail basemap named a town at "
              f"{median(app_runs, visit, 'town'):.2f} s")
        print(f"    where it goes: the map's script reached the browser at {median(app_runs, visit, 'map_script'):.2f}"
              f" s, its frame appeared at {median(app_runs, visit, 'frame'):.2f} s; messages the page sent "
              f"{median(app_runs, visit, 'sent'):.0f}, requests to other machines "
              f"{median(app_runs, visit, 'failed'):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
