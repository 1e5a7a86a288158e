"""No export carries a bidirectional control (geo.characters), analyst-entered fields included: an outlet, a
title, a corrected place name and an event's fields written with a right-to-left override come out without it."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import zipfile

import pytest

from geo.characters import BIDI_CONTROLS, without_bidi_controls
from geo.exports.brief import Brief, brief_from_corpus, brief_from_report
from geo.exports.formats import export_bytes
from geo.model import Article, Report
from tests.corpus_helpers import fake_report

RLO, PDF_, RLI, PDI, RLM = "\u202e", "\u202c", "\u2067", "\u2069", "\u200f"
ANY_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
TEXT = "Shelling hit Kharkiv on Wednesday, the regional governor said."


def spoofed_report() -> Report:
    """A report whose analyst-facing fields (not cleaned on the way in) carry bidi controls."""
    article = Article(text=TEXT, title=f"Strike on {RLO}vikrahK{PDF_}", outlet=f"Kyiv {RLO}semiT{PDF_} Daily",
                      url="https://example.org/story")
    report = fake_report(article)
    place = dataclasses.replace(report.places[0], name=f"Khar{RLM}kiv", corrected=True)
    attack = dataclasses.replace(report.attacks[0], summary=f"Shelling {RLI}reported{PDI}", actor=f"{RLO}=1+2",
                                 sources=(f"regional {RLO}governor",), corrected=True)
    return dataclasses.replace(report, places=(place,), attacks=(attack,))


def exported_text(report_or_brief: Report | Brief, fmt: str) -> str:
    data = export_bytes(report_or_brief, fmt)
    if fmt == "kmz":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = archive.read("doc.kml")
    return data.decode("utf-8")


def test_without_bidi_controls_removes_marks_embeddings_overrides_and_isolates() -> None:
    controls = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    assert without_bidi_controls(f"a{controls}b \u0639\u0641\u0631") == "ab \u0639\u0641\u0631"  # Arabic letters kept
    assert without_bidi_controls("Aleppo") == "Aleppo"


@pytest.mark.parametrize("fmt", ["csv", "kml", "kmz", "html", "geojson"])
def test_text_exports_carry_no_bidi_control(fmt: str) -> None:
    text = exported_text(spoofed_report(), fmt)
    assert not ANY_BIDI.search(text)
    escaped = [form for char in BIDI_CONTROLS
               for form in (f"\\u{ord(char):04x}", f"&#{ord(char)};", f"&#x{ord(char):x};")]
    assert not [form for form in escaped if form in text.lower()]  # nor written as "\u202e" or "&#8238;"


def test_the_fields_are_still_there_without_the_controls() -> None:
    report = spoofed_report()
    html_page = exported_text(report, "html")
    assert "Kyiv semiT Daily" in html_page and "Strike on vikrahK" in html_page
    kml = exported_text(report, "kml")
    assert "Kyiv semiT Daily" in kml and "Shelling reported" in kml
    rows = exported_text(report, "csv").splitlines()
    assert "regional governor" in rows[1] and "'=1+2" in rows[1]  # the override hid a formula: it is quoted now
    geojson = json.loads(exported_text(report, "geojson"))
    names = {f["properties"].get("name") for f in geojson["features"]}
    assert "Kharkiv" in names


def test_a_corpus_brief_lists_its_outlets_without_controls() -> None:
    report = spoofed_report()
    brief = brief_from_corpus([("a1", report)])
    for fmt in ("csv", "kml", "html", "geojson"):
        text = exported_text(brief, fmt)
        assert not ANY_BIDI.search(text), fmt


def test_the_pdf_brief_carries_no_bidi_control() -> None:
    from geo.ingest.pdf import read_pdf

    brief = brief_from_report(spoofed_report())
    text = read_pdf(export_bytes(brief, "pdf"), "brief.pdf").text
    assert "Kyiv semiT Daily" in text and not ANY_BIDI.search(text)
