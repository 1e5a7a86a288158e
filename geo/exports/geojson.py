"""A brief as a GeoJSON FeatureCollection (RFC 7946): its places and its events.

Each feature has ``properties.feature_type`` "place" or "event". An event with no known
location has a ``null`` geometry (it is still listed); its ``event_type``, ``inter1`` and ``inter2`` are
ACLED's, as in the CSV (``geo.exports.acled``). Coordinates are WGS 84 ``[lon, lat]``.
The collection's foreign member ``geobrief`` carries the title, the key facts and the cited
sources, which have no location of their own. Text from the article is written as it is
(JSON-encoded, with ``< > &`` as unicode escapes): a consumer must escape it for its own output.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from geo.characters import without_bidi_controls
from geo.exports.acled import acled_coding, report_countries
from geo.exports.brief import Brief, EventProvenance, key_facts
from geo.exports.csv_table import event_place, geo_precision
from geo.maps import map_points
from geo.model import Event, Place, Report

COORDINATE_DECIMALS = 6


def _point(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [round(float(lon), COORDINATE_DECIMALS),
                                             round(float(lat), COORDINATE_DECIMALS)]}


def place_feature(place: Place, role: str, attacks: int, responses: int) -> dict[str, Any]:
    """A place with all its properties, and what the map shows there (role, event counts)."""
    data = place.to_dict()
    properties = {
        "feature_type": "place",
        **{k: v for k, v in data.items() if k not in ("lat", "lon")},
        "as_written": list(dict.fromkeys(m.text for m in place.mentions)),
        "mention_count": len(place.mentions),
        "role": role,
        "attacks": attacks,
        "responses": responses,
    }
    return {"type": "Feature", "id": f"place:{place.key}", "geometry": _point(place.lat, place.lon),
            "properties": properties}


def event_feature(index: int, event: Event, report: Report, provenance: EventProvenance,
                  countries: Mapping[str, str] | None = None) -> dict[str, Any]:
    """An event with all its properties, its place's confidence and alternatives, and who reported it, and
    how ACLED would code it; ``countries``: the report's country mentions, when the caller has them already."""
    data = event.to_dict()
    place = event_place(event, report)
    coding = acled_coding(event, place, report_countries(report) if countries is None else countries)
    properties = {
        "feature_type": "event",
        **{k: v for k, v in data.items() if k not in ("lat", "lon")},
        "evidence": event.evidence.text,
        "evidence_span": [event.evidence.start, event.evidence.end],
        "event_type": coding.event_type,
        "inter1": coding.inter1,
        "inter2": coding.inter2,
        "place_kind": place.kind if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "geo_precision": geo_precision(event, report),
        "confidence": round(place.confidence, 4) if place else None,
        "alternatives": [c.to_dict() for c in place.alternatives] if place else [],
        "articles": list(provenance.articles),
        "outlets": list(provenance.outlets),
        "unnamed_outlet": provenance.unnamed_outlet,
        "corroboration": provenance.corroboration,
        "grade": provenance.grade,
        "grade_basis": provenance.grade_basis,
        "merge_reasons": list(provenance.merge_reasons),
    }
    return {"type": "Feature", "id": f"event:{index}", "geometry": _point(event.lat, event.lon),
            "properties": properties}


def geojson_dict(brief: Brief) -> dict[str, Any]:
    """The FeatureCollection: resolved places first, then every event."""
    report = brief.report
    points = {p.key: p for p in map_points(report)}
    features = []
    for place in report.places:
        if not place.resolved:
            continue
        point = points.get(place.key)
        role = point.role if point else "place"
        features.append(place_feature(place, role, len(point.attacks) if point else 0,
                                      len(point.responses) if point else 0))
    countries = report_countries(report)
    for index, event in enumerate(report.events):
        features.append(event_feature(index, event, report, brief.provenance_of(index), countries))
    facts = key_facts(brief)
    return {
        "type": "FeatureCollection",
        "features": features,
        "geobrief": {
            "title": brief.title,
            "subtitle": brief.subtitle,
            "article": report.article.to_dict(),
            "key_facts": facts.to_dict(),
            "unresolved_places": [p.to_dict() for p in report.places if not p.resolved],
            "sources": [s.to_dict() for s in report.sources],
        },
    }


def geojson_bytes(brief: Brief) -> bytes:
    """UTF-8 JSON in which ``< > &`` are written as ``\\u003c`` etc.: the same data once parsed,
    and harmless if a viewer pastes the file into an HTML page or a script. No string carries a bidi control:
    JSON writes them as they are here (not escaped), and only inside strings, so the whole text loses them."""
    text = without_bidi_controls(json.dumps(geojson_dict(brief), ensure_ascii=False, indent=1))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")
