"""What the dashboard loads before its server accepts a visitor: the language model, the gazetteer,
the sample's analysis, the map's templates and the corpus code that grades a brief's events.

A Streamlit server runs the app's script only when someone opens the page, so without this the
first visitor waits for spaCy, the gazetteer and Jinja's template compilation (about 3 s of a
6 s first view). ``python app.py`` calls :func:`warm_up` and only then starts the server in the
same process: everything loaded here is already in memory when the page's script runs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class WarmUp:
    """Seconds spent on each step of :func:`warm_up`, in order."""

    steps: tuple[tuple[str, float], ...]

    @property
    def total(self) -> float:
        return sum(seconds for _, seconds in self.steps)

    def summary(self) -> str:
        parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.steps)
        return f"loaded in {self.total:.1f} s ({parts})"


def warm_up() -> WarmUp:
    """Load what the first page view needs: the language model and the gazetteer (by analysing the sample
    article, which also fills their caches) and the map's templates (by drawing the sample's map once) and the
    corpus code that grades its events (by making its brief). Idempotent: a second call finds everything
    loaded and takes milliseconds."""
    steps: list[tuple[str, float]] = []
    start = time.perf_counter()

    from geo.ingest import load_sample
    from geo.nlp import load_pipeline
    from geo.pipeline import analyze

    load_pipeline()
    steps.append(("language model", time.perf_counter() - start))

    start = time.perf_counter()
    report = analyze(load_sample())
    steps.append(("gazetteer and the sample's analysis", time.perf_counter() - start))

    start = time.perf_counter()
    from geo.maps import build_map, map_points

    build_map(report, points=map_points(report)).get_root().render()
    steps.append(("map templates", time.perf_counter() - start))

    start = time.perf_counter()
    from geo.exports import brief_from_report

    brief_from_report(report)  # the corpus code that grades the Brief page's events
    steps.append(("the brief's grading", time.perf_counter() - start))
    return WarmUp(tuple(steps))
