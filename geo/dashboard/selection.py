"""A place selected on the dashboard's map: which point was clicked, what the panels then show,
and its evidence sentences with the place's mentions marked.

    point = clicked_point(points, lat, lon, tooltip)      # from st_folium's click
    chosen = place_selection(report, point)                # the panels' attacks, responses, sources
    evidence_html(report, point)                           # escaped sentences, mentions in <mark>

Everything that reaches HTML here is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import folium

from geo.geometry import distance_km
from geo.maps import AREA_KINDS, MapPoint
from geo.model import Event, Report, Source, TextSpan

ZOOM_BY_KIND: dict[str, int] = {"country": 5, "region": 6, "admin1": 7}
PLACE_ZOOM = 9  # a town, a facility, an approximate location
MAX_CLICK_DISTANCE_KM = 50.0  # a click farther than this from every point selects nothing
MAX_EVIDENCE_SENTENCES = 30
SELECTION_COLOUR = "#ffb000"


@dataclass(frozen=True, slots=True)
class PlaceSelection:
    """What the panels show for one selected place."""

    point: MapPoint
    attacks: tuple[Event, ...]
    responses: tuple[Event, ...]
    sources: tuple[Source, ...]


MAP_CLICK_FIELDS = ["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"]
MAP_VIEW_FIELDS = ["center", "zoom"]


@dataclass(frozen=True, slots=True)
class MapReport:
    """What the map component (st_folium, asked for ``MAP_CLICK_FIELDS + MAP_VIEW_FIELDS``) last
    reported: its latest click and its view. A rerun hands the last report back again; ``click_key``
    and ``view_key`` are what to compare to see whether a click or a move is new. A click report
    carries the view too."""

    click_key: tuple[object, ...]
    view_key: tuple[object, ...]
    clicked_lat: float | None = None
    clicked_lon: float | None = None
    clicked_tooltip: str | None = None
    centre: tuple[float, float] | None = None  # (lat, lon), when the map reported a usable view
    zoom: float | None = None

    @classmethod
    def read(cls, value: Mapping[str, object] | None) -> MapReport:
        value = value or {}
        where = value.get("last_object_clicked")
        where = where if isinstance(where, dict) else {}
        tooltip = value.get("last_object_clicked_tooltip")
        centre, zoom = value.get("center"), value.get("zoom")
        lat, lon = (centre.get("lat"), centre.get("lng")) if isinstance(centre, dict) else (None, None)
        usable = _number(lat) and _number(lon) and _number(zoom)
        return cls(
            click_key=tuple(value.get(name) for name in MAP_CLICK_FIELDS),
            view_key=(centre, zoom),
            clicked_lat=where.get("lat"), clicked_lon=where.get("lng"),
            clicked_tooltip=tooltip if isinstance(tooltip, str) else None,
            centre=(lat, lon) if usable else None, zoom=zoom if usable else None,
        )


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def clicked_point(points: list[MapPoint], lat: float | None, lon: float | None,
                  tooltip: str | None = None) -> MapPoint | None:
    """The point a map click was on.

    A marker click reports the marker's own position, an area's the position of the click:
    the points whose name the tooltip starts with are preferred, then the nearest one
    within ``MAX_CLICK_DISTANCE_KM`` (an area's circle is wider than its centre).
    """
    if lat is None or lon is None or not points:
        return None
    text = " ".join((tooltip or "").split())
    named = [p for p in points if text and text.startswith(" ".join(p.name.split()))]
    candidates = named or points
    nearest = min(candidates, key=lambda p: distance_km(lat, lon, p.lat, p.lon))
    if named:
        return nearest
    limit = MAX_CLICK_DISTANCE_KM * (4 if nearest.kind in AREA_KINDS else 1)
    return nearest if distance_km(lat, lon, nearest.lat, nearest.lon) <= limit else None


def selection_ring(point: MapPoint) -> folium.FeatureGroup:
    """A ring around the selected place, for st_folium's ``feature_group_to_add``: drawn
    without redrawing the map (the map's own script stays the same)."""
    group = folium.FeatureGroup(name="Selected place", control=False)
    ring = folium.CircleMarker(location=(point.lat, point.lon), radius=26, color=SELECTION_COLOUR, weight=4,
                               opacity=0.95, fill=False, class_name="geobrief-selected")
    ring.options["interactive"] = False  # folium drops it as a keyword
    ring.add_to(group)
    return group


def point_by_key(points: list[MapPoint], key: str | None) -> MapPoint | None:
    return next((p for p in points if p.key == key), None) if key else None


def event_point(points: list[MapPoint], event: Event) -> MapPoint | None:
    """The point an event is drawn at (None when it has no location)."""
    for point in points:
        if any(e is event or e == event for e in point.attacks + point.responses):
            return point
    return None


def focus_zoom(point: MapPoint) -> int:
    """The zoom that shows a point with its surroundings: closer for a town than a country."""
    return ZOOM_BY_KIND.get(point.kind, PLACE_ZOOM)


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def place_selection(report: Report, point: MapPoint) -> PlaceSelection:
    """The point's attacks and responses, and the report's sources cited about it."""
    names = {_normal(name) for name in point.sources}
    return PlaceSelection(
        point=point,
        attacks=point.attacks,
        responses=point.responses,
        sources=tuple(s for s in report.sources if _normal(s.name) in names),
    )


def _sentence_spans(report: Report, point: MapPoint) -> list[TextSpan]:
    """The evidence of the point's events and the claims about it, each once, in text order."""
    place = next((p for p in report.places if p.key == point.key), None)
    mentions = place.mentions if place else ()
    spans: dict[tuple[int, int], TextSpan] = {}
    for event in point.attacks + point.responses:
        for span in event.mentions or (event.evidence,):
            spans.setdefault((span.start, span.end), span)
    for source in report.sources:
        for claim in source.claims:
            if any(claim.start <= m.start and m.end <= claim.end for m in mentions):
                spans.setdefault((claim.start, claim.end), claim)
    for mention in mentions:  # the sentences that only name the place
        if not any(s.start <= mention.start and mention.end <= s.end for s in spans.values()):
            spans.setdefault((mention.start, mention.end), _sentence_around(report.article.text, mention))
    return sorted(spans.values(), key=lambda s: (s.start, s.end))[:MAX_EVIDENCE_SENTENCES]


def _sentence_around(text: str, span: TextSpan) -> TextSpan:
    dot = text.rfind(". ", 0, span.start)
    start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, span.start) + 1)
    ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return TextSpan(text[start:end], start, end)


def _marked(text: str, offset: int, marks: list[tuple[int, int]]) -> str:
    """``text`` (starting at ``offset`` in the article) escaped, the ``marks`` spans in <mark>."""
    parts: list[str] = []
    position = 0
    for start, end in sorted(marks):
        local_start, local_end = max(start - offset, position), min(end - offset, len(text))
        if local_start >= local_end:
            continue
        parts.append(html.escape(text[position:local_start]))
        parts.append(f"<mark>{html.escape(text[local_start:local_end])}</mark>")
        position = local_end
    parts.append(html.escape(text[position:]))
    return " ".join("".join(parts).split())


def evidence_html(report: Report, point: MapPoint) -> list[str]:
    """The sentences about the place, escaped, with its mentions marked (one HTML string each)."""
    place = next((p for p in report.places if p.key == point.key), None)
    mentions = [(m.start, m.end) for m in (place.mentions if place else ())]
    sentences = []
    for span in _sentence_spans(report, point):
        inside = [(s, e) for s, e in mentions if span.start <= s and e <= span.end]
        if not inside and point.name and not place:  # an event located without a place: mark its name
            at = span.text.find(point.name)
            inside = [(span.start + at, span.start + at + len(point.name))] if at >= 0 else []
        sentences.append(_marked(span.text, span.start, inside))
    return sentences
