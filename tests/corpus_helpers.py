"""Helpers for the corpus tests: generated article files and a report made without spaCy."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from geo.model import Article, Event, Place, Report, Source, TextSpan

ROOT = Path(__file__).resolve().parent.parent

TOWNS = ("Kharkiv", "Izium", "Kupiansk", "Bakhmut", "Avdiivka", "Kherson", "Zaporizhzhia", "Sumy", "Odesa", "Mykolaiv")


def fake_report(article: Article) -> Report:
    """A report with one place, one attack and one source, without spaCy."""
    sentence_end = article.text.find(".") + 1 or len(article.text)
    evidence = TextSpan(article.text[:sentence_end], 0, sentence_end)
    place = Place(
        key="gn:706483", name="Kharkiv", kind="city", country="UA", lat=49.98, lon=36.25, geonameid=706483,
        confidence=0.9, mentions=(TextSpan("Kharkiv", 0, 7),),
    )
    attack = Event(
        kind="attack", summary="Shelling", category="Shelling/artillery/missile attack", evidence=evidence,
        place="Kharkiv", place_key="gn:706483", lat=49.98, lon=36.25, date=date(2024, 5, 1), killed=2,
        sources=("regional governor",), mentions=(evidence,),
    )
    source = Source(name="regional governor", type="official", claims=(evidence,))
    return Report(article=article, places=(place,), attacks=(attack,), sources=(source,), meta={"geobrief": "test"})


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        town = TOWNS[i % len(TOWNS)]
        path = folder / f"sub{i % 3}" / f"article_{i:03d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(
            f"Shelling in {town}, report {i}\n\nShelling hit {town} on day {i}, killing {i % 5} people, "
            f"the regional governor said. Report number {i}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


# Pinned, so that a run and its repetition agree even while the analysis code is being edited.
TEST_ANALYZER_VERSION = "geobrief test analyzer"


def run_geo(*args: str, db: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m geo ARGS [--db DB]`` in a subprocess, with the analyzer version pinned."""
    command = [sys.executable, "-m", "geo", *args] + (["--db", str(db)] if db else [])
    environment = {**os.environ, "GEOBRIEF_ANALYZER_VERSION": TEST_ANALYZER_VERSION, **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=240, env=environment)
