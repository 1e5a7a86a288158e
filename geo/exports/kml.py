"""A brief as KML (Google Earth, ATAK, GIS) and as KMZ (the same KML zipped as ``doc.kml``), written with fastkml.

This module owns the KML layout: one Document named after the brief, a Folder "Attacks" and a Folder
"Responses" with one Placemark per located event, a Folder "Not located" for the events without a place
(Placemarks without geometry), a Folder "Places" with the report's places that have coordinates, and one shared
Style per kind in the map's colours (``geo.maps.ROLE_COLOURS``). An event's Placemark carries a TimeStamp (the
day, or ``YYYY-MM`` when only the month is known) for Google Earth's time slider, and ExtendedData built from
:func:`event_fields`, the one list of (name, value) pairs to extend when an event or its provenance gains a field.

Article text is untrusted. Every value is a text node that lxml escapes (``< & ]]>``), after
:func:`clean_text` removed what XML 1.0 forbids (NUL and the other control characters, lone surrogates) and the
bidi controls (``geo.characters``: they would reorder what a reader sees). A ``description`` is
HTML to every KML viewer (Google Earth renders it, scripts included, in the balloon), so it is written as
HTML-escaped plain-text lines joined by ``<br>``; the balloons show only that description (a BalloonStyle with
``$[description]``), never a name or a data value unescaped. ExtendedData values stay plain text for GIS tools.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable, Sequence

from fastkml.containers import Document, Folder
from fastkml.data import Data, ExtendedData
from fastkml.enums import DateTimeResolution
from fastkml.features import Placemark
from fastkml.kml import KML
from fastkml.styles import BalloonStyle, IconStyle, Style, StyleUrl
from fastkml.times import KmlDateTime, TimeStamp
from lxml import etree  # fastkml builds lxml elements when lxml is there (trafilatura needs it too)
from pygeoif.geometry import Point

from geo.characters import BIDI_CONTROLS
from geo.exports.brief import Brief, EventProvenance
from geo.maps import ROLE_COLOURS
from geo.model import Event, Place

KMZ_ENTRY = "doc.kml"  # the name Google Earth opens first in a KMZ
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so that the same brief gives the same KMZ bytes
FOLDER_NAMES: dict[str, str] = {"attack": "Attacks", "response": "Responses"}
NOT_LOCATED = "Not located"
PLACES = "Places"
# Google Earth ships these icons (and draws them tinted by the style's colour); another viewer without them draws
# its own marker in that colour. The shapes follow the map: a triangle for an attack, a diamond for a response.
_ICON_ROOT = "http://maps.google.com/mapfiles/kml/shapes/"
ICONS: dict[str, str] = {"attack": "triangle.png", "response": "open-diamond.png", "place": "placemark_circle.png"}
STYLE_IDS: dict[str, str] = {"attack": "geobrief-attack", "response": "geobrief-response", "place": "geobrief-place"}
TEXT_STYLE_ID = "geobrief-text"  # the Document's balloon: its description only
_BALLOON = "$[description]"  # Google Earth's balloon template: our escaped description, not the raw name
# What XML 1.0 forbids (C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF; lone surrogates), the C1
# controls it discourages, and the bidi controls (geo.characters: marks, embeddings, overrides, isolates).
_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{BIDI_CONTROLS}]")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")

FieldValue = str | int | float | bool | Sequence[str] | None


def clean_text(value: object) -> str:
    """``value`` as text XML 1.0 can hold: forbidden characters and bidi controls removed."""
    return _UNSAFE.sub("", str(value))


def _data_value(value: FieldValue) -> str | None:
    """A field as ExtendedData text; None when unknown (fastkml leaves a Data without a value out)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"  # xsd:boolean
    if isinstance(value, str):
        text = clean_text(value)
    elif isinstance(value, int | float):
        text = str(value)
    else:
        text = "; ".join(clean_text(v) for v in value)
    return text.strip() or None


def event_fields(event: Event, provenance: EventProvenance) -> list[tuple[str, FieldValue]]:
    """What a KML event carries, in order: one line per field (the ExtendedData and the description's facts).

    The provenance's ``grade`` (Admiralty code), what it rests on and why the event's reports were merged travel
    with it, and ``corrected`` when an analyst corrected it. Unknown values (None, empty) are left out.
    """
    return [
        ("kind", event.kind),
        ("category", event.category),
        ("actor", event.actor),
        ("target", event.target),
        ("place", event.place),
        ("date", event.date_text or None),
        ("count", event.count),
        ("killed", event.killed),
        ("injured", event.injured),
        ("sources", event.sources),
        ("outlets", provenance.outlets),
        ("corroboration", provenance.corroboration),
        ("grade", provenance.grade),
        ("grade_basis", provenance.grade_basis),
        ("merge_reasons", provenance.merge_reasons),
        ("corrected", event.corrected),
    ]


def place_fields(place: Place) -> list[tuple[str, FieldValue]]:
    """What a KML place carries, in order."""
    return [
        ("kind", place.kind),
        ("country", place.country),
        ("admin1", place.admin1),
        ("confidence", round(place.confidence, 2)),
        ("as_written", tuple(dict.fromkeys(" ".join(m.text.split()) for m in place.mentions))),
        ("corrected", place.corrected),
    ]


def _extended_data(fields: Iterable[tuple[str, FieldValue]]) -> ExtendedData:
    return ExtendedData(elements=[Data(name=name, value=text) for name, value in fields
                                  if (text := _data_value(value)) is not None])


def _fact_lines(fields: Iterable[tuple[str, FieldValue]]) -> list[str]:
    """"Category: Armed clash" lines for the fields that are known."""
    return [f"{name.replace('_', ' ').capitalize()}: {text}" for name, value in fields
            if (text := _data_value(value)) is not None]


def balloon_html(lines: Iterable[str]) -> str:
    """Plain-text lines as a description: each line cleaned, flattened and HTML-escaped, joined by ``<br>``."""
    kept = [html.escape(_LINE_BREAKS.sub(" ", clean_text(line)).strip(), quote=False) for line in lines]
    return "<br>\n".join(line for line in kept if line)


def _styles() -> list[Style]:
    """One shared Style per kind (attack, response, place) and the Document's text style."""
    styles = [
        Style(id=STYLE_IDS[role], styles=[
            IconStyle(color=kml_colour(ROLE_COLOURS[role]), scale=1.1, icon_href=_ICON_ROOT + ICONS[role]),
            BalloonStyle(text=_BALLOON),
        ])
        for role in ("attack", "response", "place")
    ]
    return [*styles, Style(id=TEXT_STYLE_ID, styles=[BalloonStyle(text=_BALLOON)])]


def kml_colour(hex_colour: str) -> str:
    """A CSS ``#rrggbb`` colour as KML's opaque ``aabbggrr``."""
    red, green, blue = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"ff{blue}{green}{red}".lower()


def _time_stamp(event: Event) -> TimeStamp | None:
    """The event's day, or its month (``YYYY-MM``, KML's gYearMonth) when only the month is known."""
    if event.date is None:
        return None
    resolution = DateTimeResolution.year_month if event.date_precision == "month" else DateTimeResolution.date
    return TimeStamp(timestamp=KmlDateTime(event.date, resolution))


def _point(lat: float | None, lon: float | None) -> Point | None:
    return None if lat is None or lon is None else Point(float(lon), float(lat))


def event_placemark(index: int, event: Event, provenance: EventProvenance) -> Placemark:
    """One event: its summary as the name, its kind's style, its date, its fields and a description (the summary,
    the fields, the evidence sentence and who reported it)."""
    fields = event_fields(event, provenance)
    evidence = " ".join(event.evidence.text.split())
    lines = [event.summary, *_fact_lines(fields), f'Evidence: "{evidence}"', provenance.describe()]
    style = STYLE_IDS.get(event.kind, STYLE_IDS["response"])
    return Placemark(
        id=f"event-{index}",
        name=clean_text(event.summary).strip() or clean_text(event.category),
        description=balloon_html(lines),
        style_url=StyleUrl(url=f"#{style}"),
        times=_time_stamp(event),
        extended_data=_extended_data(fields),
        geometry=_point(event.lat, event.lon),
    )


def place_placemark(index: int, place: Place) -> Placemark:
    """One place with coordinates: its name, and its kind, country and confidence in the description."""
    fields = place_fields(place)
    return Placemark(
        id=f"place-{index}",
        name=clean_text(place.name).strip() or None,
        description=balloon_html([place.name, *_fact_lines(fields)]),
        style_url=StyleUrl(url=f"#{STYLE_IDS['place']}"),
        extended_data=_extended_data(fields),
        geometry=_point(place.lat, place.lon),
    )


def kml_document(brief: Brief) -> KML:
    """The brief as a fastkml KML object (see the module's docstring for its layout)."""
    report = brief.report
    folders: dict[str, list[Placemark]] = {"attack": [], "response": [], NOT_LOCATED: []}
    for index, event in enumerate(report.events):
        placemark = event_placemark(index, event, brief.provenance_of(index))
        # An event without a place is still listed, in its own folder as a Placemark without geometry: the KML
        # schema allows it, Google Earth lists it in the Places panel (with its balloon) and draws nothing, and GIS
        # importers (GDAL's LIBKML) keep it as a row with an empty geometry; a count alone would lose its facts.
        located = event.lat is not None and event.lon is not None
        folders[("attack" if event.kind == "attack" else "response") if located else NOT_LOCATED].append(placemark)
    features = [Folder(name=FOLDER_NAMES[kind], features=folders[kind]) for kind in ("attack", "response")]
    if folders[NOT_LOCATED]:
        features.append(Folder(name=NOT_LOCATED, features=folders[NOT_LOCATED]))
    places = [place_placemark(i, p) for i, p in enumerate(report.places) if p.lat is not None and p.lon is not None]
    features.append(Folder(name=PLACES, features=places))
    document = Document(
        name=clean_text(brief.title).strip() or "GeoBrief",
        description=balloon_html(_document_lines(brief, len(folders[NOT_LOCATED]))),
        style_url=StyleUrl(url=f"#{TEXT_STYLE_ID}"),
        styles=_styles(),
        features=features,
    )
    return KML(features=[document])


def _document_lines(brief: Brief, not_located: int) -> list[str]:
    report = brief.report
    lines = [brief.title, brief.subtitle,
             f"{len(report.attacks)} attack(s), {len(report.responses)} response(s), "
             f"{sum(1 for p in report.places if p.resolved)} place(s) with coordinates"]
    if not_located:
        lines.append(f"{not_located} event(s) without a known place (folder \"{NOT_LOCATED}\")")
    lines.append("Made by GeoBrief from news text: check each event against its evidence.")
    return lines


def kml_bytes(brief: Brief) -> bytes:
    """The KML file: UTF-8 with an XML declaration."""
    element = kml_document(brief).etree_element()
    return etree.tostring(element, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def kmz_bytes(brief: Brief) -> bytes:
    """The KMZ file: a zip holding the KML as ``doc.kml`` (compressed, with a fixed date)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(KMZ_ENTRY, date_time=_ZIP_DATE), kml_bytes(brief),
                         compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
