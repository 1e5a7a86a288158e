"""Server-side time of a filter change on the Corpus page: ``python tests/pages/bench_corpus_page.py [--events 10000]``.

A temporary store is filled with ``--events`` synthetic events (geo.bench.scale's reports: one
town each, ten per article) and the dashboard is run under ``streamlit.testing.v1.AppTest``,
which runs the page script as the server does, without a browser. Each filter change is timed
from the start to the end of the page script (the server's whole work for the change: reading
the cached corpus view, filtering, building and serialising the map, tables and chart), over
``--rounds`` rounds; the median and the slowest are printed per change, and beside them, as the
baseline of the same run, a rerun with nothing changed.

AppTest compiles the page anew on every run, which the server does once; the benchmark gives it
one compile cache, as the server has. No figure is asserted (target: a filter change under 300 ms
on 10,000 events).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _fill(path: Path, events: int) -> None:
    from geo.bench.scale import synthetic_reports
    from geo.corpus.store import Store

    with Store.open(path) as store:
        for report in synthetic_reports(events):
            store.save_report(report, analyzer_version="bench")


class _ScriptTimer:
    """Times each run of a page script inside Streamlit's script runner."""

    def __init__(self) -> None:
        from streamlit.runtime.scriptrunner import script_runner
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.testing.v1 import app_test

        self.seconds: list[float] = []
        run_script = script_runner.ScriptRunner._run_script

        def timed(runner: Any, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return run_script(runner, *args, **kwargs)
            finally:
                self.seconds.append(time.perf_counter() - started)

        script_runner.ScriptRunner._run_script = timed  # type: ignore[method-assign]
        shared = ScriptCache()
        app_test.ScriptCache = lambda: shared  # type: ignore[attr-defined,assignment]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tests/pages/bench_corpus_page.py", description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="stored events")
    parser.add_argument("--rounds", type=int, default=5, help="times each filter change is made")
    args = parser.parse_args(argv)

    folder = tempfile.mkdtemp(prefix="geobrief-page-bench-")
    db = Path(folder) / "corpus.duckdb"
    _fill(db, args.events)
    os.environ["GEOBRIEF_DB"] = str(db)
    timer = _ScriptTimer()
    from streamlit.testing.v1 import AppTest

    from geo.model import CATEGORIES

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    at.switch_page("pages/corpus.py")
    at.run()
    if at.exception:
        print(f"the page failed: {at.exception[0].value}", file=sys.stderr)
        return 1
    print(f"{args.events} stored events; first open of the Corpus page (store read, events merged): "
          f"{timer.seconds[-1]:.2f} s")

    def widget(kind: str, label: str) -> Any:
        return next(w for w in getattr(at, kind) if w.label == label)

    changes: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        ("kind = attack (two thirds of the events)", lambda: widget("selectbox", "Kind").set_value("attack"),
         lambda: widget("selectbox", "Kind").set_value("")),
        ("kind = response", lambda: widget("selectbox", "Kind").set_value("response"),
         lambda: widget("selectbox", "Kind").set_value("")),
        (f"category = {CATEGORIES[1]}", lambda: widget("selectbox", "Category").set_value(CATEGORIES[1]),
         lambda: widget("selectbox", "Category").set_value("")),
        ("actor = Russian forces", lambda: widget("text_input", "Actor").input("Russian forces"),
         lambda: widget("text_input", "Actor").input("")),
        ("since 2024-02-01", lambda: widget("date_input", "Since").set_value(date(2024, 2, 1)),
         lambda: widget("date_input", "Since").set_value(None)),
    ]
    timings: dict[str, list[float]] = {name: [] for name, _, _ in changes}
    timings["filter cleared (all events again)"] = []
    baseline: list[float] = []
    for _ in range(max(1, args.rounds)):
        at.run()
        baseline.append(timer.seconds[-1])
        for name, apply, clear in changes:
            apply().run()
            timings[name].append(timer.seconds[-1])
            clear().run()
            timings["filter cleared (all events again)"].append(timer.seconds[-1])
        if at.exception:
            print(f"the page failed: {at.exception[0].value}", file=sys.stderr)
            return 1
    print(f"baseline, a rerun with nothing changed: median {statistics.median(baseline) * 1000:.0f} ms")
    for name, seconds in timings.items():
        print(f"  {name}: median {statistics.median(seconds) * 1000:.0f} ms, slowest {max(seconds) * 1000:.0f} ms"
              f" ({statistics.median(seconds) / statistics.median(baseline):.2f} x baseline)")
    medians = [statistics.median(seconds) for seconds in timings.values()]
    print(f"filter change, server side: median of the changes {statistics.median(medians) * 1000:.0f} ms, "
          f"widest {max(medians) * 1000:.0f} ms (target < 300 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
