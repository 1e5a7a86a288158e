"""Exports: GeoJSON validates, the CSV has ACLED's columns and no formulas, the HTML is
self-contained and escaped, the PDF has pages with a visible map, the PNG is a map.

A hand-made report with hostile text (written for these tests, no spaCy) checks escaping in
every format; the sample article's report checks the real thing.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from geo.errors import InputError
from geo.exports.brief import EventFilter, brief_from_corpus, brief_from_report, key_facts
from geo.exports.acled import ACLED_EVENT_TYPES, acled_event_type
from geo.exports.csv_table import ACLED_COLUMNS, csv_bytes, geo_precision
from geo.exports.formats import CONTENT_TYPES, FORMATS, export_bytes, export_file, write_export
from geo.exports.geojson import geojson_dict
from geo.exports.html_page import brief_html
from geo.exports.pdf_brief import fitted_widths
from geo.ingest import article_from_text
from geo.maps.image import render_map
from geo.maps.symbols import ROLE_COLOURS
from geo.model import CATEGORIES, Article, Event, Place, Report, Source, TextSpan
from tests.corpus_helpers import fake_report

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(3)>"
FORMULA = '=HYPERLINK("http://evil.example","click")'
JS_URL = "javascript:alert(2)"
SENTENCES = (
    f"Gunmen of the {SCRIPT} militia attacked {FORMULA} near the town of Springfield, killing 4 people, "
    "@ReporterX said.",
    f"Troops shelled {JS_URL} positions in Texas in response.",
    "Another clash was reported, place unknown.",
)
TEXT = " ".join(SENTENCES)


def _span(text: str) -> TextSpan:
    start = TEXT.index(text)
    return TextSpan(text, start, start + len(text))


def hostile_report() -> Report:
    """A report whose every text field carries markup, formulas or a javascript: URL."""
    first, second, third = (_span(s) for s in SENTENCES)
    town = Place(key="gn:4250542", name=f"{IMAGE}Springfield $x^2$", kind="city", country="US", lat=39.80,
                 lon=-89.64, geonameid=4250542, confidence=0.9, mentions=(_span("Springfield"),),
                 admin1="=cmd|' /C calc'!A0")
    state = Place(key="admin:US-TX", name="Texas <b>bold</b>", kind="admin1", country="US", lat=31.0, lon=-99.0,
                  geonameid=None, confidence=0.5, mentions=(_span("Texas"),))
    attack = Event(kind="attack", summary=f"+{SCRIPT} attack", category="Attack", evidence=first,
                   actor=FORMULA, target=f"{SCRIPT} militia", place=town.name, place_key=town.key,
                   lat=town.lat, lon=town.lon, date=date(2024, 5, 3), killed=4, sources=("@ReporterX",),
                   mentions=(first,))
    response = Event(kind="response", summary=f"shelling of {JS_URL}", category="Shelling/artillery/missile attack",
                     evidence=second, actor="-Troops", place=state.name, place_key=state.key, lat=state.lat,
                     lon=state.lon, date=date(2024, 5, 4), injured=2, sources=("+Gov <i>x</i>",),
                     mentions=(second,))
    clash = Event(kind="attack", summary="clash", category="Armed clash", evidence=third, mentions=(third,))
    sources = (Source(name="@ReporterX", type="media", claims=(first,)),
               Source(name="+Gov <i>x</i>", type="official", claims=(second,)))
    article = Article(text=TEXT, title=f"{SCRIPT} report", published=date(2024, 5, 5), outlet="@Outlet")
    return Report(article=article, places=(town, state), attacks=(attack, clash), responses=(response,),
                  sources=sources)


@pytest.fixture(scope="module")
def hostile() -> Report:
    return hostile_report()


# -- GeoJSON ---------------------------------------------------------------------------------------

def _validate_geojson(data: dict) -> None:
    from geojson_pydantic import FeatureCollection

    FeatureCollection.model_validate(data)
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["properties"]["feature_type"] in ("place", "event")
        geometry = feature["geometry"]
        if geometry is not None:
            lon, lat = geometry["coordinates"]
            assert geometry["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_of_the_sample_validates_and_holds_every_place_and_event(sample_report: Report) -> None:
    data = json.loads(export_bytes(sample_report, "geojson"))
    _validate_geojson(data)
    places = [f for f in data["features"] if f["properties"]["feature_type"] == "place"]
    events = [f for f in data["features"] if f["properties"]["feature_type"] == "event"]
    assert len(places) == sum(1 for p in sample_report.places if p.resolved)
    assert len(events) == len(sample_report.events)
    for feature, event in zip(events, sample_report.events, strict=True):
        props = feature["properties"]
        assert (props["kind"], props["category"], props["actor"], props["place"]) == (
            event.kind, event.category, event.actor, event.place)
        assert props["evidence"] == event.evidence.text
        assert props["sources"] == list(event.sources)
        for key in ("target", "date", "count", "killed", "injured", "confidence", "alternatives", "event_type"):
            assert key in props
        if event.lat is not None:
            assert feature["geometry"]["coordinates"] == [round(event.lon, 6), round(event.lat, 6)]  # lon, lat
    by_name = {f["properties"]["name"]: f["properties"] for f in places}
    for place in sample_report.places:
        if place.resolved:
            assert by_name[place.name]["confidence"] == round(place.confidence, 4)
            assert len(by_name[place.name]["alternatives"]) == len(place.alternatives)
    assert data["geobrief"]["key_facts"]["attacks"] == len(sample_report.attacks)
    assert [s["name"] for s in data["geobrief"]["sources"]] == [s.name for s in sample_report.sources]


def test_geojson_keeps_hostile_text_as_data_and_escapes_markup_characters(hostile: Report) -> None:
    raw = export_bytes(hostile, "geojson")
    assert b"<" not in raw and b">" not in raw  # written as \u003c, \u003e
    data = json.loads(raw)
    _validate_geojson(data)
    events = [f for f in data["features"] if f["properties"]["feature_type"] == "event"]
    assert events[0]["properties"]["actor"] == FORMULA
    assert events[0]["properties"]["target"] == f"{SCRIPT} militia"
    assert events[1]["geometry"] is None  # the clash has no place, and is still listed
    assert events[1]["properties"]["category"] == "Armed clash"


# -- CSV -------------------------------------------------------------------------------------------

def _csv_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_every_category_has_an_acled_event_type() -> None:
    assert set(CATEGORIES) <= set(ACLED_EVENT_TYPES)
    assert ACLED_EVENT_TYPES["Air/drone strike"] == "Explosions/Remote violence"
    assert ACLED_EVENT_TYPES["Armed clash"] == "Battles"
    assert ACLED_EVENT_TYPES["Abduction/forced disappearance"] == "Violence against civilians"
    assert ACLED_EVENT_TYPES["Disrupted weapons use"] == "Strategic developments"


def test_csv_of_the_sample_has_acled_columns_and_one_row_per_event(sample_report: Report) -> None:
    header, rows = _csv_rows(export_bytes(sample_report, "csv"))
    assert tuple(header) == ACLED_COLUMNS
    assert len(rows) == len(sample_report.events)
    for row, event in zip(rows, sample_report.events, strict=True):
        assert row["sub_event_type"] == event.category
        assert row["event_type"] == acled_event_type(event.category, event.target)
        assert row["location"] == (event.place or "")
        if event.lat is not None:
            assert float(row["latitude"]) == pytest.approx(event.lat, abs=1e-4)
            assert row["geo_precision"] in ("1", "2", "3")
        assert event.evidence.text.split()[0] in row["notes"]


def test_csv_guards_formulas_but_keeps_negative_numbers(hostile: Report) -> None:
    header, rows = _csv_rows(csv_bytes(brief_from_report(hostile)))
    assert tuple(header) == ACLED_COLUMNS
    attack, clash, response = rows  # attacks first, then responses
    assert attack["actor1"] == "'" + FORMULA
    assert attack["source"] == "'@ReporterX"
    assert attack["admin1"].startswith("'=")
    assert response["actor1"] == "'-Troops"
    assert attack["longitude"] == "-89.64" and response["longitude"] == "-99.0"  # numbers stay numbers
    for row in rows:
        for column in ACLED_COLUMNS:
            if column not in ("latitude", "longitude"):
                assert not row[column].startswith(("=", "+", "-", "@")), (column, row[column])
    assert attack["country"] == "United States"
    assert (attack["event_date"], attack["event_type"]) == ("2024-05-03", "Battles")  # on a militia
    assert (attack["inter1"], attack["inter2"], response["inter1"]) == ("", "3", "1")
    assert clash["latitude"] == "" and clash["geo_precision"] == "" and clash["event_type"] == "Battles"


def test_geo_precision_town_near_and_area(hostile: Report) -> None:
    attack, clash = hostile.attacks
    assert geo_precision(attack, hostile) == 2  # "near the town of Springfield"
    assert geo_precision(hostile.responses[0], hostile) == 3  # a state
    assert geo_precision(clash, hostile) is None
    plain = Event(kind="attack", summary="s", category="Attack", evidence=_span(SENTENCES[1]),
                  place=hostile.places[0].name, place_key="gn:4250542", lat=39.8, lon=-89.64)
    town_in_text = Place(key="gn:4250542", name="Springfield", kind="city", country="US", lat=39.8, lon=-89.64,
                         geonameid=4250542, confidence=0.9, mentions=(_span("Texas"),))
    assert geo_precision(plain, Report(article=hostile.article, places=(town_in_text,))) == 1  # "in Texas"


# -- HTML ------------------------------------------------------------------------------------------

def _map_document(page: str) -> str:
    match = re.search(r'<iframe[^>]*srcdoc="([^"]*)"', page)
    assert match, "no map iframe"
    return html.unescape(match.group(1))


def test_html_is_self_contained(sample_report: Report) -> None:
    page = export_bytes(sample_report, "html").decode("utf-8")
    inner = _map_document(page)
    for document in (page, inner):
        assert not re.search(r"""<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""",
                             document, re.IGNORECASE), "a resource is loaded from the network"
    assert "Content-Security-Policy" in page and "default-src 'none'" in html.unescape(page)
    assert "L.map(" in inner or "L.map (" in inner  # Leaflet is there, inlined
    assert "OpenStreetMap tiles" not in inner
    for place in sample_report.places:
        if place.resolved:
            assert html.escape(place.name) in inner
    assert f"Attacks ({len(sample_report.attacks)})" in page


def test_html_escapes_hostile_text_in_the_page_and_the_map(hostile: Report) -> None:
    page = brief_html(brief_from_report(hostile))
    inner = _map_document(page)
    for document in (page, inner):
        for raw in (SCRIPT, IMAGE, "<b>bold</b>", "<i>x</i>"):
            assert raw not in document
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", document, re.IGNORECASE)
    assert html.escape(SCRIPT) in page  # shown as text in the tables
    assert html.escape(FORMULA) in page


# -- PNG -------------------------------------------------------------------------------------------

def _near_colour(image: Image.Image, centre: tuple[float, float], colour: str, radius: int = 12) -> int:
    target = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    x0, y0 = int(centre[0]), int(centre[1])
    count = 0
    for x in range(max(x0 - radius, 0), min(x0 + radius, image.width)):
        for y in range(max(y0 - radius, 0), min(y0 + radius, image.height)):
            pixel = image.getpixel((x, y))[:3]
            if sum(abs(a - b) for a, b in zip(pixel, target, strict=True)) < 60:
                count += 1
    return count


def test_png_is_a_map_with_markers_where_the_events_are(sample_report: Report) -> None:
    rendered = render_map(sample_report)
    image = Image.open(io.BytesIO(rendered.png)).convert("RGB")
    assert image.size == (rendered.width, rendered.height) == (1200, 800)
    colours = {colour for _, colour in image.getcolors(maxcolors=1_000_000) or []}
    assert (0xF4, 0xF1, 0xEA) in colours and (0xCF, 0xE0, 0xEC) in colours  # land and sea
    located = [e for e in sample_report.events if e.lat is not None and e.lon is not None]
    assert located
    for event in located:
        x, y = rendered.pixel_of(event.lat, event.lon)
        assert 0 <= x < image.width and 0 <= y < image.height
        colour = ROLE_COLOURS["attack" if event.kind == "attack" else "response"]
        assert _near_colour(image, (x, y), colour) >= 20, f"no {event.kind} marker at {event.place}"
    assert export_bytes(sample_report, "png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_png_draws_hostile_names_as_plain_text(hostile: Report) -> None:
    rendered = render_map(hostile, width=600, height=400)  # "$x^2$" must not go through mathtext
    image = Image.open(io.BytesIO(rendered.png)).convert("RGB")
    x, y = rendered.pixel_of(39.80, -89.64)
    assert _near_colour(image, (x, y), ROLE_COLOURS["attack"]) >= 10


# -- PDF -------------------------------------------------------------------------------------------

POPPLER_MISSING = "poppler-utils (pdftoppm, pdftotext) is not installed: apt-get install poppler-utils"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason=POPPLER_MISSING)
def test_pdf_has_pages_with_a_visible_map_and_the_tables(sample_report: Report, tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    write_export(sample_report, "pdf", pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages
    first = Image.open(pages[0]).convert("RGB")
    width, height = first.size
    # The map sits under the title, across the text width, in the upper half of page one.
    region = first.crop((int(width * 0.1), int(height * 0.18), int(width * 0.9), int(height * 0.45)))
    pixels = [region.getpixel((x, y)) for x in range(region.width) for y in range(region.height)]
    non_white = sum(1 for p in pixels if sum(p) < 720)
    assert non_white > 0.8 * len(pixels), "the map area is blank"
    red = sum(1 for p in pixels if p[0] > 150 and p[1] < 110 and p[2] < 110)
    blue = sum(1 for p in pixels if p[2] > 150 and p[0] < 90)
    located = [e for e in sample_report.events if e.lat is not None]
    assert (red > 0) == any(e.kind == "attack" for e in located)  # the role colours survive into the PDF
    assert (blue > 0) == any(e.kind == "response" for e in located)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    for heading in ("Attacks (", "Responses (", "Sources cited (", "Citations", "Distinct sources"):
        assert heading in text
    first_words = " ".join(sample_report.events[0].evidence.text.split()[:4])
    assert first_words in " ".join(text.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason=POPPLER_MISSING)
def test_pdf_prints_hostile_text_as_text(hostile: Report, tmp_path: Path) -> None:
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(export_bytes(hostile, "pdf"))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True,
                                   timeout=60).stdout.split())
    assert "<script>alert(1)</script>" in text  # shown literally, not taken as markup
    assert "javascript:alert(2)" in text


LONG_WORDS = ("Shelling/artillery/missile", "telecommunications", "infrastructure", "Secretary",
              "counterinsurgency")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason=POPPLER_MISSING)
def test_pdf_tables_never_break_a_word_inside(hostile: Report, tmp_path: Path) -> None:
    attack, clash = hostile.attacks
    wordy = dataclasses.replace(attack, target="telecommunications infrastructure", actor="counterinsurgency units",
                                category="Shelling/artillery/missile attack", summary="strike on a relay station",
                                place="Springfield")  # no markup in this table: plain words only
    source = dataclasses.replace(hostile.sources[0], role="Deputy Defense Secretary")
    report = dataclasses.replace(hostile, attacks=(wordy, clash), sources=(source, *hostile.sources[1:]))
    pdf = tmp_path / "wordy.pdf"
    pdf.write_bytes(export_bytes(report, "pdf"))
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True,
                           timeout=60).stdout.split()
    for word in LONG_WORDS:
        assert word in words, f"{word!r} is broken across lines"


def test_fitted_widths_hold_the_longest_word_and_fill_the_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    texts = [["#", "Category", "Target"], ["[1]", "Shelling/artillery", "telecommunications infrastructure"]]
    widths = fitted_widths(texts, (0.05, 0.1, 0.85), 300.0, "Helvetica", 8)
    assert sum(widths) == pytest.approx(300.0)
    assert widths[1] > stringWidth("Shelling/artillery", "Helvetica", 8)  # 0.1 of 300 would not hold it
    assert widths[2] > widths[1]  # the room left still goes by the fractions
    narrow = fitted_widths(texts, (0.05, 0.1, 0.85), 60.0, "Helvetica", 8)  # words wider than the table
    assert sum(narrow) == pytest.approx(60.0)


# -- briefs, filters, the corpus, files --------------------------------------------------------------

def test_key_facts_count_events_casualties_dates_and_sources(hostile: Report) -> None:
    facts = key_facts(brief_from_report(hostile))
    assert (facts.attacks, facts.responses, facts.killed, facts.injured) == (2, 1, 4, 2)
    assert facts.date_span == "2024-05-03 to 2024-05-04"
    assert facts.sources == 2


@pytest.mark.parametrize(
    ("event_filter", "expected"),
    [
        (EventFilter(kind="response"), ["shelling of javascript:alert(2)"]),
        (EventFilter(category="armed CLASH"), ["clash"]),
        (EventFilter(actor="troops"), ["shelling of javascript:alert(2)"]),
        (EventFilter(source_type="media"), [f"+{SCRIPT} attack"]),
        (EventFilter(since=date(2024, 5, 4)), ["shelling of javascript:alert(2)"]),
        (EventFilter(until=date(2024, 5, 3)), [f"+{SCRIPT} attack"]),
        (EventFilter(), [f"+{SCRIPT} attack", "clash", "shelling of javascript:alert(2)"]),
    ],
)
def test_filters(hostile: Report, event_filter: EventFilter, expected: list[str]) -> None:
    brief = brief_from_report(hostile, event_filter)
    assert [e.summary for e in brief.report.events] == expected
    if event_filter.active:
        kept_places = {e.place_key for e in brief.report.events}
        assert {p.key for p in brief.report.places} <= kept_places


def _corpus() -> list[tuple[str, Report]]:
    texts = ("Shelling hit Kharkiv on Wednesday. Two dead.", "Kharkiv was shelled again, officials said.")
    outlets = ("Kyiv Independent", "Ukrainska Pravda")
    return [(f"article{i}", fake_report(article_from_text(t, outlet=o)))
            for i, (t, o) in enumerate(zip(texts, outlets, strict=True))]


def test_corpus_brief_merges_events_and_keeps_offsets_true() -> None:
    brief = brief_from_corpus(_corpus())
    text = brief.report.article.text
    assert len(brief.report.attacks) == 1  # the same shelling, two outlets
    assert brief.provenance_of(0).corroboration == 2
    assert brief.provenance_of(0).outlets == ("Kyiv Independent", "Ukrainska Pravda")
    spans = [s for e in brief.report.events for s in (e.evidence, *e.mentions)]
    spans += [c for s in brief.report.sources for c in s.claims]
    assert len(spans) == 5 and all(text[s.start:s.end] == s.text for s in spans)
    second_start = len(_corpus()[0][1].article.text) + 2
    assert [m.start for m in brief.report.places[0].mentions] == [0, second_start]  # shifted like the text
    geo = geojson_dict(brief)
    event = next(f for f in geo["features"] if f["properties"]["feature_type"] == "event")
    assert event["properties"]["corroboration"] == 2
    assert brief.provenance_of(0).describe() == "reported by 2 outlet(s): Kyiv Independent, Ukrainska Pravda"
    assert brief_from_corpus(_corpus(), EventFilter(kind="response")).report.events == ()
    anonymous = [("id-1", fake_report(article_from_text("Shelling hit Kharkiv.")))]
    assert brief_from_corpus(anonymous).provenance_of(0).describe() == "reported by 1 outlet(s)"


def test_the_image_shows_where_things_happened_not_a_far_away_place(hostile: Report) -> None:
    far = Place(key="gn:1", name="Far Town", kind="city", country="CN", lat=27.3, lon=103.7, geonameid=1,
                confidence=0.4, mentions=(_span("Springfield"),))
    rendered = render_map(Report(article=hostile.article, places=(*hostile.places, far),
                                 attacks=hostile.attacks, responses=hostile.responses))
    lon_min, lon_max, lat_min, lat_max = rendered.extent
    assert lon_min <= -99.0 and -89.64 <= lon_max < 0 and lat_min <= 31.0 and 39.8 <= lat_max
    assert not lon_min <= 103.7 <= lon_max


def test_export_file_names_types_and_unknown_formats(hostile: Report, tmp_path: Path) -> None:
    exported = export_file(hostile, "csv")
    assert exported.content_type == CONTENT_TYPES["csv"] and exported.file_name == "geobrief-script-alert-1-script-report.csv"
    assert set(FORMATS) == {"geojson", "csv", "html", "pdf", "png", "kml", "kmz"}
    with pytest.raises(InputError, match="Unknown export format"):
        export_bytes(hostile, "docx")
    with pytest.raises(InputError, match="does not exist"):
        write_export(hostile, "csv", tmp_path / "missing" / "out.csv")
    with pytest.raises(InputError, match="is a folder"):
        write_export(hostile, "csv", tmp_path)
    assert write_export(hostile, "geojson", tmp_path / "out.geojson") == (tmp_path / "out.geojson").stat().st_size
    assert not list(tmp_path.glob(".*.part"))
