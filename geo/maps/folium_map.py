"""The report as an offline Folium map: places, attacks and responses, with a legend.

Nothing is fetched from the internet: Leaflet comes from the app's own
static folder (see :mod:`geo.maps.offline`) or are inlined, and the basemap is a set of
country outlines. OpenStreetMap tiles are offered as an optional layer, off by default.

Every string that comes from the article (names, summaries, evidence, sources) is
HTML-escaped by :func:`html_text` before it reaches a popup or a tooltip; the legend
holds only this module's own labels and numbers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import folium
from branca.element import Element
from folium.map import Layer
from folium.template import Template

from geo.maps.assets import AUTO_BASEMAP, MapAssets, inlined_assets, linked_assets
from geo.maps.detail_layer import DetailBasemap, LabelDeclutter, inline_cells
from geo.maps.legend import MapDecorations, legend_html
from geo.maps.map_tools import MapTools
from geo.maps.style import DEFAULT_STYLE, MapStyle, actor_colours, point_colour, symbol_size
from geo.maps.cluster import CLUSTER_MIN_POINTS, RoleCluster, add_cluster_library
from geo.maps.layer import BoundPopup, PointItem, PointLayer, RawScript, point_item, script_json
from geo.maps.present_layer import Step, add_presentation
from geo.maps.points import (AREA_KINDS, MapPoint, html_text, map_points, point_popup_html, point_tooltip,
                             unlocated_events)
from geo.maps.symbols import (APPROXIMATE_SIZE, MARKER_SIZE, MAX_PERMANENT_LABELS, ROLE_COLOURS, ROLE_GROUPS,
                              approximate_symbol_svg, confidence_opacity, symbol_svg)
from geo.model import Report


@dataclass(frozen=True)
class MapView:
    """Where a map opens: its centre and zoom."""

    lat: float
    lon: float
    zoom: int

DEFAULT_ASSET_BASE_URL = "/app/static/vendor"
ONLINE_TILES_NAME = "OpenStreetMap tiles (online)"
BASEMAP_NAME = "Country outlines (offline)"

MAX_ZOOM = 18
FIT_MAX_ZOOM_TOWNS = 9  # one town: close enough to see the towns around it
FIT_MAX_ZOOM_AREAS = 6  # events placed only in provinces or countries: the whole of them
FIT_PADDING_TOP_LEFT = (40, 40)  # pixels (x, y)
FIT_PADDING_BOTTOM_RIGHT = (230, 40)  # the legend's width on the right
SYMBOL_CACHE_SIZE = 10_000  # the symbols of a 10,000-place map, kept between page runs (bounded memory)
MAP_CSS = (
    "<style>"
    ".geobrief-label{font:11px/1.2 sans-serif;padding:1px 5px;opacity:0.92}"
    ".geobrief-marker:focus,.geobrief-marker:focus-visible{outline:none}"
    ".geobrief-past{opacity:0.3}"  # before the time slider's highlighted days
    ".geobrief-popup ul li{margin-left:0}"
    ".geobrief-town-box{white-space:nowrap;font:11px/13px sans-serif;color:#4d4539;"
    "text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}"
    ".geobrief-town-box::before{content:'';display:inline-block;width:5px;height:5px;border-radius:50%;"
    "background:#6d6357;margin-right:3px;vertical-align:1px}"
    "</style>"
)
LABEL_OPTIONS = {"permanent": True, "sticky": False, "direction": "right", "offset": [10, 0],
                 "className": "geobrief-label"}  # a permanent label beside the symbol
HOVER_OPTIONS = {"sticky": True}
AREA_RADIUS_PX: dict[str, int] = {"admin1": 18, "region": 24, "country": 24}

__all__ = [
    "AUTO_BASEMAP",
    "DEFAULT_ASSET_BASE_URL",
    "MapPoint",
    "MapView",
    "build_map",
    "fit_focus",
    "html_text",
    "map_html",
    "map_points",
]


class OfflineBasemap(Layer):
    """Country outlines as a GeoJSON layer under everything else, fetched from a URL or inlined."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (map) {
            if (!map.getPane("geobrief-basemap")) {
                map.createPane("geobrief-basemap");
                map.getPane("geobrief-basemap").style.zIndex = 150;
            }
            var layer = L.geoJSON(null, {
                pane: "geobrief-basemap",
                interactive: false,
                className: "geobrief-basemap",
                style: function (feature) {
                    var placeholder = feature.properties && feature.properties.approximate;
                    return {stroke: !placeholder, color: "#8a8a8a", weight: 0.8,
                            fillColor: "#f4f1ea", fillOpacity: 1};
                }
            });
            {%- if this.inline_data %}
            layer.addData({{ this.inline_data }});
            {%- else %}
            fetch({{ this.url_literal }})
                .then(function (response) {
                    if (!response.ok) { throw new Error("HTTP " + response.status); }
                    return response.json();
                })
                .then(function (data) { layer.addData(data); })
                .catch(function (error) { console.warn("GeoBrief: no basemap: " + error); });
            {%- endif %}
            return layer;
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, url: str | None = None, inline_data: str | None = None) -> None:
        super().__init__(name=BASEMAP_NAME, overlay=True, control=True, show=True)
        self._name = "OfflineBasemap"
        self.url_literal = script_json(url or "")
        self.inline_data = inline_data.replace("</", "<\\/") if inline_data else None


def _label_class(point: MapPoint) -> str:
    """A permanent label's classes; the rank it keeps when labels overlap (geo.maps.detail_layer)."""
    if point.attacks or point.responses:
        return "geobrief-label geobrief-label-event"
    return "geobrief-label geobrief-label-area" if point.kind in AREA_KINDS else "geobrief-label"


def _tooltip(point: MapPoint, permanent: bool) -> folium.Tooltip:
    """A hover tooltip, or with few points a permanent label beside the symbol."""
    if permanent:
        # Towns are labelled on the right, areas on the left: a town inside a province
        # and the province's label do not cover each other.
        area = point.kind in AREA_KINDS
        return folium.Tooltip(html_text(point.name), sticky=False, permanent=True,
                              direction="left" if area else "right", offset=[-6 if area else 10, 0],
                              className=_label_class(point))
    return folium.Tooltip(point_tooltip(point), sticky=True)


def _add_area(point: MapPoint, group: folium.FeatureGroup, permanent_labels: bool, colour: str, grow: int,
              past: bool) -> None:
    """A province, country or region: a dashed circle, never a precise-looking pin."""
    opacity = confidence_opacity(point.confidence)
    folium.CircleMarker(
        location=(point.lat, point.lon),
        radius=AREA_RADIUS_PX.get(point.kind, 28) + grow // 2,
        color=colour,
        weight=2,
        opacity=opacity,
        dash_array="6 4",
        fill=True,
        fill_color=colour,
        fill_opacity=round(0.12 * opacity, 3),
        class_name=f"geobrief-marker geobrief-{point.role} {point.css_class} geobrief-area"
                   + (" geobrief-past" if past else ""),
        tooltip=_tooltip(point, permanent_labels),
    ).add_child(BoundPopup(point_popup_html(point))).add_to(group)


@functools.lru_cache(maxsize=SYMBOL_CACHE_SIZE)
def _symbol_item(point: MapPoint, permanent_labels: bool, colour: str | None = None,
                 size: int = MARKER_SIZE, past: bool = False) -> PointItem:
    """A town, facility or approximate location, for a PointLayer, in ``colour`` (else the role's) at
    ``size``; faded when ``past``. Cached: a filter change or a rerun draws mostly the same points
    again (a MapPoint is a frozen value; the item is a tuple)."""
    opacity = confidence_opacity(point.confidence)
    css_class = f"geobrief-marker geobrief-{point.role} {point.css_class}" + (" geobrief-past" if past else "")
    if point.approximate:
        size += APPROXIMATE_SIZE - MARKER_SIZE
        icon = approximate_symbol_svg(point.role, opacity, size, colour)
        css_class += " geobrief-approximate"
    else:
        icon = symbol_svg(point.role, opacity, size, uncertain=point.uncertain, colour=colour)
        if point.uncertain:
            css_class += " geobrief-uncertain"
    if permanent_labels:
        tooltip, options = html_text(point.name), {**LABEL_OPTIONS, "className": _label_class(point)}
    else:
        tooltip, options = point_tooltip(point), HOVER_OPTIONS
    return point_item(lat=point.lat, lon=point.lon, icon_html=icon, size=size, css_class=css_class,
                      tooltip_html=tooltip, tooltip_options=options, popup_html=point_popup_html(point))


def fit_focus(points: list[MapPoint]) -> tuple[list[MapPoint], int]:
    """What the first view fits, and the closest zoom it may take: the attacks and responses;
    with none located, the towns named; else every place. A country or a far-away town named
    only as an actor (the Pentagon in a story on Yemen) never pulls the view to another continent."""
    events = [p for p in points if p.attacks or p.responses]
    towns = [p for p in points if p.kind not in AREA_KINDS]
    focus = events or towns or points
    closest = FIT_MAX_ZOOM_TOWNS if any(p.kind not in AREA_KINDS for p in focus) else FIT_MAX_ZOOM_AREAS
    return focus, closest


def _fit_view(m: folium.Map, points: list[MapPoint]) -> None:
    focus, closest = fit_focus(points)
    if not focus:
        return
    lats = [p.lat for p in focus]
    lons = [p.lon for p in focus]
    # The legend sits at the top right: the right-hand padding keeps the symbols out from under it.
    m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding_top_left=FIT_PADDING_TOP_LEFT,
                 padding_bottom_right=FIT_PADDING_BOTTOM_RIGHT, max_zoom=closest)


def _add_basemap(m: folium.Map, assets: MapAssets, points: list[MapPoint]) -> None:
    """The detail basemap, or the country outlines where it is not installed."""
    if assets.inline:
        cells = inline_cells(assets.detail_folder, points) if assets.detail_folder else None
        if cells is not None:
            DetailBasemap(url=None, inline=cells).add_to(m)
        elif assets.basemap_inline:
            OfflineBasemap(inline_data=assets.basemap_inline).add_to(m)
    elif assets.basemap_url:
        DetailBasemap(url=assets.detail_url, fallback_url=assets.basemap_url).add_to(m)
    LabelDeclutter().add_to(m)


def _build(report: Report, assets: MapAssets, online_tiles: bool, cluster: bool | None,
           points: list[MapPoint] | None = None, view: MapView | None = None,
           steps: Sequence[Step] | None = None, style: MapStyle = DEFAULT_STYLE,
           faded: frozenset[str] = frozenset(), fit_to: list[MapPoint] | None = None) -> folium.Map:
    points = map_points(report) if points is None else points
    palette = actor_colours(points) if style.by_actor else {}
    # max_zoom: with no tile layer to set it, Leaflet.markercluster needs it on the map.
    location, zoom = ((view.lat, view.lon), view.zoom) if view else ((25.0, 20.0), 2)
    m = folium.Map(location=location, zoom_start=zoom, tiles=None, control_scale=True,
                   prefer_canvas=False, world_copy_jump=True)
    m.options["maxZoom"] = MAX_ZOOM  # folium gives max_zoom only to tile layers
    # Per instance, so folium's CDN defaults (and its class attributes) stay untouched.
    m.default_js = list(assets.js)
    m.default_css = list(assets.css)
    m.get_root().header.add_child(Element(MAP_CSS), name="geobrief_map_css")
    if assets.inline_head:
        m.get_root().header.add_child(Element(assets.inline_head), name="geobrief_inline_assets")
    _add_basemap(m, assets, points)
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name=ONLINE_TILES_NAME, overlay=True, control=True,
                         show=False).add_to(m)
    symbols = sum(1 for p in points if p.kind not in AREA_KINDS)
    clustered = symbols >= CLUSTER_MIN_POINTS if cluster is None else cluster
    if clustered:
        add_cluster_library(m.get_root().header, assets)
    areas: dict[str, folium.FeatureGroup] = {}
    groups: dict[str, folium.FeatureGroup] = {}
    for name in ("Other places", "Responses", "Attacks"):  # attacks drawn last, on top
        group = folium.FeatureGroup(name=name, overlay=True, control=True, show=True)
        group.add_to(m)
        areas[name] = group
        if clustered:
            role = {"Other places": "place", "Responses": "response", "Attacks": "attack"}[name]
            groups[name] = RoleCluster(f"{name} (clustered)", role, ROLE_COLOURS[role], assets)
            groups[name].add_to(m)
        else:
            groups[name] = group
    permanent_labels = len(points) <= MAX_PERMANENT_LABELS
    symbols: dict[str, list[PointItem]] = {name: [] for name in groups}
    for point in sorted(points, key=lambda p: (p.kind not in AREA_KINDS, p.confidence)):
        if point.kind in AREA_KINDS:
            _add_area(point, areas[ROLE_GROUPS[point.role]], permanent_labels, point_colour(point, style, palette),
                      symbol_size(point, style) - MARKER_SIZE, point.key in faded)
        else:
            symbols[ROLE_GROUPS[point.role]].append(_symbol_item(
                point, permanent_labels, point_colour(point, style, palette), symbol_size(point, style),
                point.key in faded))
    for name, items in symbols.items():
        if items:
            PointLayer(items).add_to(groups[name])
    legend = legend_html(points, len(unlocated_events(report)), clustered, style, palette)
    MapDecorations(legend, assets.image_path).add_to(m)
    if assets.tools_js or assets.tools_inline_head:
        if assets.tools_inline_head:
            # As it is: the plugins' source is no template (it has "{{" in it).
            m.get_root().header.add_child(RawScript(assets.tools_inline_head), name="geobrief_inline_tools")
        MapTools(list(assets.tools_js), list(assets.tools_css)).add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    if view is None:
        _fit_view(m, points if fit_to is None else fit_to)
    if steps is not None:
        add_presentation(m, steps)
    return m


def build_map(
    report: Report,
    *,
    asset_base_url: str = DEFAULT_ASSET_BASE_URL,
    basemap_url: str | None = AUTO_BASEMAP,
    online_tiles: bool = True,
    cluster: bool | None = None,
    points: list[MapPoint] | None = None,
    view: MapView | None = None,
    steps: Sequence[Step] | None = None,
    style: MapStyle = DEFAULT_STYLE,
    faded: frozenset[str] = frozenset(),
    fit_to: list[MapPoint] | None = None,
) -> folium.Map:
    """The report's map, loading Leaflet (and the basemap) from ``asset_base_url``.

    ``basemap_url``: ``AUTO_BASEMAP`` uses the outlines installed next to the other
    assets, ``None`` draws no basemap. ``online_tiles`` adds OpenStreetMap as an optional
    layer that is off until the user picks it. ``cluster``: group nearby point symbols
    (Leaflet.markercluster); ``None`` clusters from ``CLUSTER_MIN_POINTS`` symbols on.
    ``points``: ``map_points(report)`` when the caller has them already. ``view``: where the map
    opens (a shared link's centre and zoom); ``None`` fits the events (see :func:`fit_focus`).
    ``steps``: the presentation view's numbered events (geo.maps.present_layer). ``style``: symbols
    coloured by role or actor, sized alike or by casualties (geo.maps.style). ``faded``: the keys of
    the points drawn faded (before the time slider's highlighted days). ``fit_to``: the points the first
    view fits instead of ``points`` (the time slider's map stays put as events appear).
    """
    return _build(report, linked_assets(asset_base_url, basemap_url), online_tiles, cluster, points, view, steps,
                  style, faded, fit_to)


def map_html(report: Report, inline_assets: bool = False, *, online_tiles: bool = True,
             asset_base_url: str = DEFAULT_ASSET_BASE_URL, cluster: bool | None = None) -> str:
    """The map as a standalone HTML page.

    With ``inline_assets=True`` Leaflet, the CSS and the basemap are inlined:
    the file works opened straight from disk with no network.
    """
    assets = inlined_assets() if inline_assets else linked_assets(asset_base_url, AUTO_BASEMAP)
    return _build(report, assets, online_tiles, cluster).get_root().render()
