"""Helpers for the corpus tests: generated article files and a report made without spaCy."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


def pdf_bytes(lines: list[str], title: str | None = None, created: str | None = None) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Helvetica), made with pypdf; ``created``: the
    metadata's /CreationDate ("D:20240503120000Z")."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    shown = " 0 -16 Td ".join(f"({line}) Tj" for line in escaped)
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 11 Tf 72 740 Td {shown} ET".encode("latin-1"))
    page.replace_contents(content)
    if title or created:
        writer.add_metadata({key: value for key, value in (("/Title", title), ("/CreationDate", created)) if value})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


OUTLETS = ("Kyiv Independent", "Ukrainska Pravda", "Reuters", "Associated Press", "BBC News", "Al Jazeera")
ATTACK_TEMPLATES = (
    "Russian forces shelled {town} on {weekday}, killing {killed} civilians and wounding {injured}, "
    "the regional governor said.",
    "A Russian missile strike hit an apartment block in {town} on {weekday}, killing {killed} people, "
    "according to the State Emergency Service.",
    "Russian drones attacked energy facilities in {town} overnight on {weekday}, local officials said.",
)
RESPONSE_TEMPLATES = (
    "Ukrainian air defences shot down {drones} drones over {town} on {weekday}, the air force said.",
    "In response, Ukrainian forces struck Russian positions near {town} on {weekday}, the General Staff said.",
)


def conflict_article_html(i: int, first_day: date = date(2024, 5, 1)) -> str:
    """Article ``i`` of a synthetic corpus: every three articles report one happening (an attack,
    every other time a response too) from three different outlets; happenings move across ten
    towns and fourteen days."""
    from datetime import timedelta

    happening = i // 3
    town = TOWNS[happening % len(TOWNS)]
    outlet = OUTLETS[i % len(OUTLETS)]
    published = first_day + timedelta(days=happening % 14)
    happened = published - timedelta(days=1)
    values = {"town": town, "weekday": happened.strftime("%A"), "killed": 1 + happening % 6,
              "injured": 2 + happening % 9, "drones": 3 + happening % 12}
    sentences = [ATTACK_TEMPLATES[happening % len(ATTACK_TEMPLATES)].format(**values)]
    if happening % 2 == 0:
        sentences.append(RESPONSE_TEMPLATES[(happening // 2) % len(RESPONSE_TEMPLATES)].format(**values))
    sentences.append(f"Report {i} by {outlet} staff.")
    title = f"{town} update, report {i}"
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='{outlet}'>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' content='{published.isoformat()}'></head>"
        f"<body><article>{body}</article></body></html>"
    )


def write_conflict_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` synthetic articles (conflict_article_html) as .html files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"report_{i:03d}.html"
        path.write_text(conflict_article_html(i), encoding="utf-8")
        paths.append(path)
    return paths


@contextmanager
def held_by_another_process(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``db`` read-write (as an ingest saving a batch does) while the block runs,
    or until its standard input is closed."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import duckdb,sys; c=duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        yield process
    finally:
        if process.returncode is None:
            process.communicate("", timeout=60)
