"""The report's map as a PNG, drawn locally with matplotlib: no browser, no network.

The same picture as the web map (:mod:`geo.maps.folium_map`): the offline detail basemap
(:mod:`geo.maps.image_basemap`: coastlines, lakes, rivers, borders and towns at the image's scale)
on a sea-blue background, one symbol per place in the role colours
(red triangle attack, blue diamond response, grey dot other place; provinces, countries and
regions as a dashed ring), lighter when less certain, with labels and a legend.

The axes fill the whole image and the view's longitude span is chosen to match the image's
aspect (an equirectangular view scaled by the cosine of the middle latitude), so a
coordinate maps linearly to a pixel: :meth:`RenderedMap.pixel_of`.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass
from functools import lru_cache

from geo.maps import offline
from geo.maps.image_basemap import SEA_COLOUR, draw_basemap
from geo.maps.points import AREA_KINDS, MapPoint, map_points, unlocated_events
from geo.maps.symbols import MAX_PERMANENT_LABELS, ROLE_COLOURS, ROLE_LABELS, confidence_opacity
from geo.model import Report

BAND_COLOUR = "#ffffff"
TITLE_BAND_PX, NOTES_BAND_PX = 34, 22
WORLD = (-180.0, 180.0, -60.0, 80.0)
MIN_SPAN_DEG = 8.0  # the smallest view: a province and its surroundings
PADDING = 0.25  # of the points' span, on each side
MARKER_PX = 22  # as the web map's symbols
AREA_RADIUS_PX: dict[str, int] = {"admin1": 18, "region": 24, "country": 24}
_MARKERS: dict[str, str] = {"attack": "^", "both": "^", "response": "D", "place": "o"}
LAYOUT_DPI = 100
CROWDED_POINTS, CROWDED_SYMBOL_FACTOR = 150, 0.5  # many points: smaller symbols
BEST_LEGEND_MAX_POINTS = 300  # beyond this, finding the emptiest corner costs too much
POINTS_PER_PIXEL = 72 / LAYOUT_DPI

Extent = tuple[float, float, float, float]  # lon_min, lon_max, lat_min, lat_max


@dataclass(frozen=True, slots=True)
class RenderedMap:
    """A PNG of the map, its size in pixels and the view it shows."""

    png: bytes
    width: int
    height: int
    extent: Extent
    map_top: int  # the map's rows in the image: under the title band, above the notes band
    map_height: int
    credit: str = ""  # where the basemap comes from, as printed under the map

    def pixel_of(self, lat: float, lon: float) -> tuple[float, float]:
        """Where a coordinate is in the image: (x, y) in pixels from the top-left corner."""
        lon_min, lon_max, lat_min, lat_max = self.extent
        x = (lon - lon_min) / (lon_max - lon_min) * self.width
        y = self.map_top + (lat_max - lat) / (lat_max - lat_min) * self.map_height
        return x, y


@lru_cache(maxsize=1)
def _outlines() -> tuple[tuple[tuple[tuple[float, float], ...], bool, Extent], ...]:
    """Every outer ring of the offline basemap: (points, approximate, bounding box)."""
    rings = []
    for feature in json.loads(offline.basemap_geojson_text())["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        approximate = bool(feature["properties"].get("approximate"))
        for polygon in polygons:
            ring = tuple((float(lon), float(lat)) for lon, lat in polygon[0])
            lons = [p[0] for p in ring]
            lats = [p[1] for p in ring]
            rings.append((ring, approximate, (min(lons), max(lons), min(lats), max(lats))))
    return tuple(rings)


def map_extent(points: list[MapPoint], aspect: float) -> Extent:
    """The view, padded, at ``aspect`` (width / height in pixels): where things happened; with no
    located event, the towns named; else every place; else the world. A still image cannot be
    panned, so one far-away place does not get to zoom the events out of sight."""
    focus = ([p for p in points if p.attacks or p.responses] or [p for p in points if p.kind not in AREA_KINDS]
             or points)
    if not focus:
        lon_min, lon_max, lat_min, lat_max = WORLD
    else:
        lats = [p.lat for p in focus]
        lons = [p.lon for p in focus]
        lat_pad = max((max(lats) - min(lats)) * PADDING, MIN_SPAN_DEG / 2)
        lon_pad = max((max(lons) - min(lons)) * PADDING, MIN_SPAN_DEG / 2)
        lon_min, lon_max = min(lons) - lon_pad, max(lons) + lon_pad
        lat_min, lat_max = max(min(lats) - lat_pad, -85.0), min(max(lats) + lat_pad, 85.0)
    middle = (lat_min + lat_max) / 2
    shrink = max(math.cos(math.radians(middle)), 0.2)  # a degree of longitude is shorter away from the equator
    lat_span, lon_span = lat_max - lat_min, (lon_max - lon_min) * shrink
    centre_lon, centre_lat = (lon_min + lon_max) / 2, middle
    if lon_span / lat_span < aspect:
        lon_span = lat_span * aspect
    else:
        lat_span = lon_span / aspect
    half_lon = lon_span / shrink / 2
    return (centre_lon - half_lon, centre_lon + half_lon, centre_lat - lat_span / 2, centre_lat + lat_span / 2)


def _overlaps(box: Extent, view: Extent) -> bool:
    return box[0] <= view[1] and box[1] >= view[0] and box[2] <= view[3] and box[3] >= view[2]


def render_map(report: Report, *, width: int = 1200, height: int = 800, scale: float = 1.0,
               title: str | None = None) -> RenderedMap:
    """Draw the report's map; ``title`` (plain text) goes in the top-left corner.

    ``width`` and ``height`` are in layout pixels (symbols and text are sized as on the web map);
    the image has ``scale`` times as many pixels each way (2.0 for print).
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    points = map_points(report)
    top = TITLE_BAND_PX if title else 0
    map_height = height - top - NOTES_BAND_PX
    extent = map_extent(points, width / map_height)
    dpi = LAYOUT_DPI * scale
    figure = Figure(figsize=(width / LAYOUT_DPI, height / LAYOUT_DPI), dpi=dpi, facecolor=BAND_COLOUR)
    axes = figure.add_axes((0.0, NOTES_BAND_PX / height, 1.0, map_height / height))
    axes.set_xlim(extent[0], extent[1])
    axes.set_ylim(extent[2], extent[3])
    axes.set_axis_off()  # which also hides the axes' background: the sea is a rectangle of its own
    axes.add_patch(Rectangle((extent[0], extent[2]), extent[1] - extent[0], extent[3] - extent[2],
                             facecolor=SEA_COLOUR, edgecolor="none", zorder=0))
    # Without the detail basemap, the country outlines; a bounding-box placeholder is never drawn
    # (it would cover the sea as a rectangle).
    outlines = [ring for ring, approximate, box in _outlines() if not approximate and _overlaps(box, extent)]
    labelled = [(p.lon, p.lat) for p in points] if len(points) <= MAX_PERMANENT_LABELS else []
    credit = draw_basemap(axes, extent, width, map_height, labelled, outlines)
    points_per_pixel = POINTS_PER_PIXEL * (1.0 if len(points) <= CROWDED_POINTS else CROWDED_SYMBOL_FACTOR)
    for point in sorted(points, key=lambda p: (p.kind not in AREA_KINDS, p.confidence)):
        _draw_point(axes, point, points_per_pixel)
    if len(points) <= MAX_PERMANENT_LABELS:
        for point in points:
            _draw_label(axes, point, points_per_pixel)
    _draw_legend(axes, points, POINTS_PER_PIXEL)
    outside = sum(1 for p in points if not (extent[0] <= p.lon <= extent[1] and extent[2] <= p.lat <= extent[3]))
    _draw_bands(figure, title, len(unlocated_events(report)), outside, height, credit)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=BAND_COLOUR)
    return RenderedMap(png=buffer.getvalue(), width=round(width * scale), height=round(height * scale),
                       extent=extent, map_top=round(top * scale), map_height=round(map_height * scale),
                       credit=credit)


def map_png(report: Report, *, width: int = 1200, height: int = 800, title: str | None = None) -> bytes:
    """The map as PNG bytes."""
    return render_map(report, width=width, height=height, title=title).png


def _draw_point(axes: object, point: MapPoint, pt: float) -> None:
    colour = ROLE_COLOURS[point.role]
    alpha = confidence_opacity(point.confidence)
    if point.kind in AREA_KINDS:
        radius = AREA_RADIUS_PX.get(point.kind, 24)
        axes.plot(point.lon, point.lat, marker="o", markersize=2 * radius * pt,  # type: ignore[attr-defined]
                  markerfacecolor=_with_alpha(colour, 0.12 * alpha), markeredgecolor=_with_alpha(colour, alpha),
                  markeredgewidth=2 * pt, linestyle="none", zorder=3)
        axes.plot(point.lon, point.lat, marker="o", markersize=6 * pt, color=colour,  # type: ignore[attr-defined]
                  alpha=alpha, linestyle="none", zorder=3)
        return
    size = MARKER_PX * (0.55 if point.role == "place" else 0.8)
    edge = ROLE_COLOURS["response"] if point.role == "both" else "#ffffff"
    axes.plot(point.lon, point.lat, marker=_MARKERS[point.role], markersize=size * pt,  # type: ignore[attr-defined]
              markerfacecolor=_with_alpha(colour, alpha), markeredgecolor=edge,
              markeredgewidth=(3 if point.role == "both" else 2) * pt, linestyle="none", zorder=4)


def _draw_label(axes: object, point: MapPoint, pt: float) -> None:
    from matplotlib import patheffects

    area = point.kind in AREA_KINDS
    offset = -(AREA_RADIUS_PX.get(point.kind, 24) + 2) if area else MARKER_PX * 0.6
    axes.annotate(  # type: ignore[attr-defined]
        point.name, (point.lon, point.lat), xytext=(offset * pt, 0), textcoords="offset points",
        ha="right" if area else "left", va="center", fontsize=9, color="#222222", zorder=5,
        annotation_clip=True, parse_math=False,
        path_effects=[patheffects.withStroke(linewidth=3, foreground="white")],
    )


def _draw_legend(axes: object, points: list[MapPoint], pt: float) -> None:
    from matplotlib.lines import Line2D

    roles = {p.role for p in points}
    handles = []
    for role in ("attack", "response", "both", "place"):
        if role in roles or role != "both":
            count = sum(1 for p in points if p.role == role)
            edge = ROLE_COLOURS["response"] if role == "both" else "#ffffff"
            handles.append(Line2D([], [], marker=_MARKERS[role], linestyle="none", markersize=14 * pt,
                                  markerfacecolor=ROLE_COLOURS[role], markeredgecolor=edge,
                                  label=f"{ROLE_LABELS[role]} ({count})"))
    handles.append(Line2D([], [], marker="o", linestyle="none", markersize=16 * pt,
                          markerfacecolor=_with_alpha(ROLE_COLOURS["place"], 0.15),
                          markeredgecolor=ROLE_COLOURS["place"], label="Province, country, region"))
    where = "best" if len(points) <= BEST_LEGEND_MAX_POINTS else "upper right"  # "best" avoids the symbols
    legend = axes.legend(handles=handles, loc=where, title="Legend", fontsize=9,  # type: ignore[attr-defined]
                         title_fontsize=10, framealpha=0.92, facecolor="white", edgecolor="#bbbbbb")
    legend.set_zorder(6)


def _draw_bands(figure: object, title: str | None, unlocated: int, outside: int, height: int,
                credit: str) -> None:
    """The title above the map; the notes and the credits below it."""
    notes = ["Fainter = less certain place"]
    if outside:
        notes.append(f"{outside} place(s) outside this view")
    if unlocated:
        notes.append(f"{unlocated} event(s) with no pin (place unknown or told over several): see the tables")
    middle = NOTES_BAND_PX / 2 / height
    figure.text(0.008, middle, " \u00b7 ".join(notes), fontsize=8, color="#333333", ha="left",  # type: ignore[attr-defined]
                va="center", parse_math=False)
    figure.text(0.992, middle, f"{credit} \u00b7 drawn offline by GeoBrief",  # type: ignore[attr-defined]
                fontsize=7, color="#555555", ha="right", va="center", parse_math=False)
    if title:
        figure.text(0.008, 1 - TITLE_BAND_PX / 2 / height, title, fontsize=12, fontweight="bold",  # type: ignore[attr-defined]
                    color="#222222", ha="left", va="center", parse_math=False)


def _with_alpha(colour: str, alpha: float) -> tuple[float, float, float, float]:
    from matplotlib.colors import to_rgba

    return to_rgba(colour, alpha)
