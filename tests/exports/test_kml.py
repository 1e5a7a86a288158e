"""The KML and KMZ exports: read back with fastkml (which validates against the OGC KML 2.2 schema) and with lxml.

Hand-made reports (made-up sentences, no spaCy): the events come back in their folders with their names, dates,
styles and ExtendedData; an event without a place is listed without geometry; article text cannot break the XML.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from datetime import date

import pytest
from fastkml.containers import Document, Folder
from fastkml.enums import DateTimeResolution
from fastkml.features import Placemark
from fastkml.kml import KML
from lxml import etree

from geo.exports.brief import EventProvenance, brief_from_corpus, brief_from_report
from geo.exports.formats import CONTENT_TYPES, FORMATS, export_bytes, export_file
from geo.exports.kml import KMZ_ENTRY, clean_text, kml_bytes, kml_colour, kmz_bytes
from geo.ingest import article_from_text
from geo.maps import ROLE_COLOURS
from geo.model import Article, Event, Place, Report, TextSpan
from tests.corpus_helpers import fake_report

KML_NS = "{http://www.opengis.net/kml/2.2}"
SENTENCES = (
    "Drones struck a depot in Lakeside on 3 May, killing 2 guards and wounding 5, the mayor said.",
    "In March the coastal brigade shelled positions near Hillford in reply.",
    "A convoy was ambushed somewhere on the northern road.",
)
TEXT = " ".join(SENTENCES)


def _span(text: str) -> TextSpan:
    start = TEXT.index(text)
    return TextSpan(text, start, start + len(text))


def _report(actor: str = "Northern militia", summary: str = "Drone strike on a depot in Lakeside") -> Report:
    lakeside = Place(key="gn:101", name="Lakeside", kind="city", country="XA", lat=45.25, lon=12.5, geonameid=101,
                     confidence=0.87, mentions=(_span("Lakeside"),), admin1="North Province")
    hillford = Place(key="gn:202", name="Hillford", kind="city", country="XA", lat=44.75, lon=13.125,
                     geonameid=202, confidence=0.6, mentions=(_span("Hillford"),))
    unplaced = Place(key="unresolved:northern road", name="northern road", kind="other", country=None, lat=None,
                     lon=None, geonameid=None, confidence=0.0, mentions=(_span("northern road"),))
    first, second, third = (_span(s) for s in SENTENCES)
    strike = Event(kind="attack", summary=summary, category="Air/drone strike", evidence=first, actor=actor,
                   target="fuel depot", place="Lakeside", place_key="gn:101", lat=45.25, lon=12.5,
                   date=date(2024, 5, 3), killed=2, injured=5, sources=("the mayor",), mentions=(first,))
    shelling = Event(kind="response", summary="Shelling near Hillford", category="Shelling/artillery/missile attack",
                     evidence=second, actor="coastal brigade", place="Hillford", place_key="gn:202", lat=44.75,
                     lon=13.125, date=date(2024, 3, 1), date_precision="month", mentions=(second,))
    ambush = Event(kind="attack", summary="Ambush of a convoy", category="Armed clash", evidence=third, count=1,
                   mentions=(third,))
    article = Article(text=TEXT, title="Raids around Lakeside", published=date(2024, 5, 4), outlet="Made-up Daily")
    return Report(article=article, places=(lakeside, hillford, unplaced), attacks=(strike, ambush),
                  responses=(shelling,))


def _document(data: bytes) -> Document:
    """The KML's Document, parsed by fastkml with schema validation."""
    parsed = KML.parse(io.BytesIO(data), strict=True, validate=True)
    (document,) = parsed.features
    assert isinstance(document, Document)
    return document


def _folders(document: Document) -> dict[str, Folder]:
    return {f.name: f for f in document.features if isinstance(f, Folder)}


PROVENANCE_EXTRAS = ("grade", "grade_basis", "merge_reasons")  # what an EventProvenance adds to the event


def _data(placemark: Placemark) -> dict[str, str]:
    assert placemark.extended_data is not None
    return {d.name: d.value for d in placemark.extended_data.elements}


def _event_data(placemark: Placemark, provenance: EventProvenance) -> dict[str, str]:
    """An event's data; ``corrected`` (false: nobody corrected it) and the provenance's fields (grade...)
    checked, then left aside."""
    data = _data(placemark)
    assert data.pop("corrected") == "false"
    for name in PROVENANCE_EXTRAS:
        value = getattr(provenance, name)
        expected = "; ".join(value) if isinstance(value, tuple) else value
        assert data.pop(name, None) == (expected or None), name
    return data


def test_kml_round_trip_folders_names_dates_styles_and_data() -> None:
    brief = brief_from_report(_report())
    document = _document(export_bytes(brief, "kml"))
    assert document.name == "Raids around Lakeside"
    folders = _folders(document)
    assert list(folders) == ["Attacks", "Responses", "Not located", "Places"]
    (strike,) = folders["Attacks"].features
    (shelling,) = folders["Responses"].features
    assert strike.name == "Drone strike on a depot in Lakeside" and shelling.name == "Shelling near Hillford"
    assert (strike.geometry.x, strike.geometry.y) == (12.5, 45.25)  # lon, lat
    assert (shelling.geometry.x, shelling.geometry.y) == (13.125, 44.75)
    assert strike.times.timestamp.dt == date(2024, 5, 3)
    assert strike.times.timestamp.resolution == DateTimeResolution.date
    assert _event_data(strike, brief.provenance_of(0)) == {
        "kind": "attack", "category": "Air/drone strike", "actor": "Northern militia", "target": "fuel depot",
        "place": "Lakeside", "date": "2024-05-03", "killed": "2", "injured": "5", "sources": "the mayor",
        "outlets": "Made-up Daily", "corroboration": "1",
    }  # no count: unknown values are left out
    assert _data(shelling)["kind"] == "response" and _data(shelling)["date"] == "2024-03"
    styles = {s.id: s for s in document.styles}
    assert strike.style_url.url == "#geobrief-attack" and shelling.style_url.url == "#geobrief-response"
    assert styles["geobrief-attack"].styles[0].color == kml_colour(ROLE_COLOURS["attack"]) == "ff2827d6"
    assert styles["geobrief-response"].styles[0].color == kml_colour(ROLE_COLOURS["response"]) == "ffbf5f1f"
    description = strike.description
    assert description.startswith("Drone strike on a depot in Lakeside<br>")
    for line in ("Actor: Northern militia", "Killed: 2", f'Evidence: "{SENTENCES[0]}"',
                 "reported by 1 outlet(s): Made-up Daily"):
        assert line in description.split("<br>\n")
    places = folders["Places"].features
    assert [p.name for p in places] == ["Lakeside", "Hillford"]  # the unresolved "northern road" is not drawn
    assert _data(places[0]) == {"kind": "city", "country": "XA", "admin1": "North Province", "confidence": "0.87",
                                "as_written": "Lakeside", "corrected": "false"}
    assert {"Kind: city", "Country: XA", "Confidence: 0.87"} <= set(places[0].description.split("<br>\n"))
    assert places[1].style_url.url == "#geobrief-place" and (places[1].geometry.x, places[1].geometry.y) == (
        13.125, 44.75)


def test_an_event_without_a_place_is_listed_without_geometry() -> None:
    brief = brief_from_report(_report())
    document = _document(kml_bytes(brief))
    (ambush,) = _folders(document)["Not located"].features
    assert ambush.name == "Ambush of a convoy" and ambush.geometry is None and ambush.times is None
    assert _event_data(ambush, brief.provenance_of(1)) == {
        "kind": "attack", "category": "Armed clash", "count": "1", "outlets": "Made-up Daily", "corroboration": "1"}
    assert "1 event(s) without a known place" in document.description
    located = dataclasses.replace(_report(), attacks=_report().attacks[:1])
    assert "Not located" not in _folders(_document(kml_bytes(brief_from_report(located))))


def test_a_month_precision_date_is_written_as_year_and_month() -> None:
    data = kml_bytes(brief_from_report(_report()))
    assert b"<when>2024-03</when>" in data and b"2024-03-01" not in data
    (shelling,) = _folders(_document(data))["Responses"].features
    assert shelling.times.timestamp.resolution == DateTimeResolution.year_month
    assert str(shelling.times.timestamp) == "2024-03"


def test_kmz_holds_the_same_kml_as_doc_kml() -> None:
    report = _report()
    exported = export_file(report, "kmz")
    assert exported.content_type == CONTENT_TYPES["kmz"] == "application/vnd.google-earth.kmz"
    assert exported.file_name == "geobrief-raids-around-lakeside.kmz"
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        assert archive.namelist() == [KMZ_ENTRY] == ["doc.kml"]
        assert archive.getinfo(KMZ_ENTRY).compress_type == zipfile.ZIP_DEFLATED
        inner = archive.read(KMZ_ENTRY)
    assert inner == export_bytes(report, "kml")
    folders = _folders(_document(inner))
    assert [p.name for p in folders["Attacks"].features] == ["Drone strike on a depot in Lakeside"]
    assert [p.name for p in folders["Places"].features] == ["Lakeside", "Hillford"]
    assert kmz_bytes(brief_from_report(report)) == exported.data  # the same brief, the same bytes
    assert {"kml", "kmz"} <= set(FORMATS) and CONTENT_TYPES["kml"] == "application/vnd.google-earth.kml+xml"


def test_hostile_text_is_escaped_and_what_xml_forbids_is_removed() -> None:
    actor = "<script>alert(1)</script> ]]> Smith & Sons\x00\x1b"
    summary = "Raid \u202eevil\u202c on <b>depot</b> & ]]>"
    data = export_bytes(_report(actor=actor, summary=summary), "kml")
    assert b"<script>" not in data and b"<b>" not in data and b"]]>" not in data
    assert b"&lt;script&gt;" in data and b"]]&gt;" in data and b"&amp; Sons" in data
    assert b"\x00" not in data and b"\x1b" not in data and "\u202e".encode() not in data
    root = etree.fromstring(data, etree.XMLParser(recover=False))  # strict XML 1.0
    names = [e.text for e in root.iter(f"{KML_NS}name")]
    assert "Raid evil on <b>depot</b> & ]]>" in names  # the bidi controls gone, the rest as written
    values = [e.text for e in root.iter(f"{KML_NS}value")]
    assert "<script>alert(1)</script> ]]> Smith & Sons" in values
    (strike,) = _folders(_document(data))["Attacks"].features
    assert strike.name == "Raid evil on <b>depot</b> & ]]>"
    assert _data(strike)["actor"] == "<script>alert(1)</script> ]]> Smith & Sons"
    # The description is HTML to a viewer: the article's markup is escaped there, so it shows as text.
    assert "<script>" not in strike.description and "<b>" not in strike.description
    assert "Actor: &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; Smith &amp; Sons" in strike.description


def test_clean_text_keeps_text_and_drops_controls() -> None:
    assert clean_text("a\tb\nc\x00d\x08e\x7f\u0085f\ufffe\u2066g\u2069") == "a\tb\ncdefg"
    assert clean_text("Tall \u200f\u0639\u0641\u0631") == "Tall \u0639\u0641\u0631"  # a mark is a bidi control too
    assert clean_text(3) == "3"


def test_the_grade_and_an_analysts_correction_travel_in_extended_data() -> None:
    from geo.corpus import Grade, Judgements, SourceGrade

    report = _report()
    corrected = dataclasses.replace(report, attacks=tuple(dataclasses.replace(e, corrected=True)
                                                          for e in report.attacks))
    graded = Judgements(grades=(SourceGrade("Made-up Daily", Grade("B", "2")),))
    (strike,) = _folders(_document(kml_bytes(brief_from_report(corrected, judgements=graded))))["Attacks"].features
    assert _data(strike)["grade"] == "B2" and _data(strike)["corrected"] == "true"
    assert "Grade: B2" in strike.description.split("<br>\n")
    (plain,) = _folders(_document(kml_bytes(brief_from_report(report))))["Attacks"].features
    assert _data(plain)["grade"] == "F6" and _data(plain)["corrected"] == "false"  # ungraded reads F6


def test_a_corpus_brief_carries_outlets_and_corroboration() -> None:
    texts = ("Shelling hit Kharkiv overnight, officials said.", "Kharkiv came under shelling again at night.")
    outlets = ("Outlet One", "Outlet Two")
    reports = [(f"article{i}", fake_report(article_from_text(t, outlet=o)))
               for i, (t, o) in enumerate(zip(texts, outlets, strict=True))]
    brief = brief_from_corpus(reports)
    document = _document(export_bytes(brief, "kml"))
    assert document.name == "Corpus: 2 article(s)"
    (event,) = _folders(document)["Attacks"].features
    assert event.name == "Shelling" and event.times.timestamp.dt == date(2024, 5, 1)
    data = _data(event)
    assert (data["outlets"], data["corroboration"], data["killed"]) == ("Outlet One; Outlet Two", "2", "2")
    assert data["sources"] == "regional governor"
    assert "reported by 2 outlet(s): Outlet One, Outlet Two" in event.description.split("<br>\n")


@pytest.mark.parametrize("fmt", ["kml", "kmz"])
def test_export_file_offers_kml_and_kmz(fmt: str) -> None:
    exported = export_file(_report(), fmt)
    assert exported.file_name.endswith(f".{fmt}") and exported.content_type == CONTENT_TYPES[fmt]
    head = exported.data[:40]
    assert head.startswith(b"<?xml version='1.0' encoding='UTF-8'?>") if fmt == "kml" else head.startswith(b"PK")
