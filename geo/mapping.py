"""The report as an offline Folium map: places, attacks and responses, with a legend.

Nothing is fetched from the internet: Leaflet and jQuery come from the app's own
static folder (see :mod:`geo.offline`) or are inlined, and the basemap is a set of
country outlines. OpenStreetMap tiles are offered as an optional layer, off by default.

Every string that comes from the article (names, summaries, evidence, sources) is
HTML-escaped by :func:`html_text` before it reaches a popup or a tooltip; the legend
holds only this module's own labels and numbers.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template

from geo import offline
from geo.mapping_points import (
    AREA_KINDS,
    MapPoint,
    html_text,
    map_points,
    point_popup_html,
    point_tooltip,
    unlocated_events,
)
from geo.model import Report

DEFAULT_ASSET_BASE_URL = "/app/static/vendor"
AUTO_BASEMAP = "auto"  # the basemap URL derived from asset_base_url
ONLINE_TILES_NAME = "OpenStreetMap tiles (online)"
BASEMAP_NAME = "Country outlines (offline)"

ROLE_COLOURS: dict[str, str] = {
    "attack": "#d62728",
    "response": "#1f5fbf",
    "both": "#d62728",
    "place": "#3c3c3c",
}
ROLE_LABELS: dict[str, str] = {
    "attack": "Attack",
    "response": "Response",
    "both": "Attack and response",
    "place": "Other place",
}
ROLE_GROUPS: dict[str, str] = {
    "attack": "Attacks",
    "both": "Attacks",
    "response": "Responses",
    "place": "Other places",
}
MARKER_SIZE = 22
MAX_PERMANENT_LABELS = 15  # more points than this: names on hover only, to avoid clutter
MAP_CSS = (
    "<style>"
    ".geobrief-label{font:11px/1.2 sans-serif;padding:1px 5px;opacity:0.92}"
    ".geobrief-marker:focus,.geobrief-marker:focus-visible{outline:none}"
    ".geobrief-popup ul li{margin-left:0}"
    "</style>"
)
AREA_RADIUS_PX: dict[str, int] = {"admin1": 18, "region": 24, "country": 24}

__all__ = [
    "AUTO_BASEMAP",
    "DEFAULT_ASSET_BASE_URL",
    "MapPoint",
    "build_map",
    "html_text",
    "map_html",
    "map_points",
]


def confidence_opacity(confidence: float) -> float:
    """Lower confidence draws lighter: 0.35 at confidence 0, 1.0 at confidence 1."""
    return round(0.35 + 0.65 * min(max(confidence, 0.0), 1.0), 2)


def symbol_svg(role: str, opacity: float = 1.0, size: int = MARKER_SIZE) -> str:
    """The marker symbol of a role as inline SVG: triangle, diamond or dot."""
    colour = ROLE_COLOURS[role]
    half = size / 2
    common = f'fill="{colour}" fill-opacity="{opacity}" stroke="#ffffff" stroke-width="2"'
    if role == "attack":
        shape = f'<polygon points="{half},2 {size - 2},{size - 3} 2,{size - 3}" {common}/>'
    elif role == "both":
        shape = (
            f'<polygon points="{half},2 {size - 2},{size - 3} 2,{size - 3}" fill="{colour}" '
            f'fill-opacity="{opacity}" stroke="{ROLE_COLOURS["response"]}" stroke-width="3"/>'
        )
    elif role == "response":
        shape = f'<polygon points="{half},1 {size - 1},{half} {half},{size - 1} 1,{half}" {common}/>'
    else:
        shape = f'<circle cx="{half}" cy="{half}" r="{half * 0.55}" {common}/>'
    return (
        f'<svg width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" aria-hidden="true">{shape}</svg>'
    )


def _area_symbol_svg(role: str, size: int = 18) -> str:
    colour = ROLE_COLOURS[role]
    half = size / 2
    return (
        f'<svg width="{size}" height="{size}" aria-hidden="true">'
        f'<circle cx="{half}" cy="{half}" r="{half - 2}" fill="{colour}" fill-opacity="0.15" '
        f'stroke="{colour}" stroke-width="2" stroke-dasharray="4 3"/></svg>'
    )


def _js_literal(value: object) -> str:
    """JSON for embedding in a <script>: no '<', '>' or '&' left to end the script early."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


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
        self.url_literal = _js_literal(url or "")
        self.inline_data = inline_data.replace("</", "<\\/") if inline_data else None


class MapDecorations(MacroElement):
    """Sea colour, the default icon path, and the legend control."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            map.getContainer().style.background = "#cfe0ec";
            {%- if this.image_path_literal %}
            L.Icon.Default.imagePath = {{ this.image_path_literal }};
            {%- endif %}
            var legend = L.control({position: "topright"});
            legend.onAdd = function () {
                var box = L.DomUtil.create("div", "geobrief-legend");
                box.innerHTML = {{ this.legend_literal }};
                L.DomEvent.disableClickPropagation(box);
                return box;
            };
            legend.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, legend_html: str, image_path: str | None) -> None:
        super().__init__()
        self._name = "MapDecorations"
        self.legend_literal = _js_literal(legend_html)
        self.image_path_literal = _js_literal(image_path) if image_path else ""


def legend_html(points: list[MapPoint], unlocated: int) -> str:
    """The legend: one row per symbol in use, and notes. Only this module's labels and numbers."""
    rows: list[str] = []
    roles_present = {p.role for p in points}
    for role in ("attack", "response", "both", "place"):
        if role in roles_present or role in ("attack", "response", "place"):
            count = sum(1 for p in points if p.role == role)
            rows.append(
                f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">'
                f"{symbol_svg(role, size=16)}<span>{html_text(ROLE_LABELS[role])} ({count})</span></div>"
            )
    rows.append(
        f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">{_area_symbol_svg("place")}'
        f"<span>Province, country, region</span></div>"
    )
    rows.append('<div style="margin-top:4px;color:#555">Fainter = less certain place</div>')
    if unlocated:
        rows.append(
            f'<div style="color:#555">{unlocated} event(s) with unknown location: see the panels</div>'
        )
    return (
        '<div style="background:rgba(255,255,255,0.92);padding:6px 9px;border-radius:4px;'
        'box-shadow:0 1px 4px rgba(0,0,0,0.3);font:11px/1.3 sans-serif;color:#222;max-width:190px">'
        '<div style="font-weight:bold;margin-bottom:3px">Legend</div>' + "".join(rows) + "</div>"
    )


def _tooltip(point: MapPoint, permanent: bool) -> folium.Tooltip:
    """A hover tooltip, or with few points a permanent label beside the symbol."""
    if permanent:
        # Towns are labelled on the right, areas on the left: a town inside a province
        # and the province's label do not cover each other.
        area = point.kind in AREA_KINDS
        return folium.Tooltip(html_text(point.name), sticky=False, permanent=True,
                              direction="left" if area else "right", offset=[-6 if area else 10, 0],
                              className="geobrief-label")
    return folium.Tooltip(point_tooltip(point), sticky=True)


def _add_point(point: MapPoint, group: folium.FeatureGroup, permanent_labels: bool) -> None:
    opacity = confidence_opacity(point.confidence)
    colour = ROLE_COLOURS[point.role]
    tooltip = _tooltip(point, permanent_labels)
    popup = folium.Popup(point_popup_html(point), max_width=380)
    css_class = f"geobrief-marker geobrief-{point.role}"
    if point.kind in AREA_KINDS:
        folium.CircleMarker(
            location=(point.lat, point.lon),
            radius=AREA_RADIUS_PX.get(point.kind, 28),
            color=colour,
            weight=2,
            opacity=opacity,
            dash_array="6 4",
            fill=True,
            fill_color=colour,
            fill_opacity=round(0.12 * opacity, 3),
            class_name=f"{css_class} geobrief-area",
            tooltip=tooltip,
            popup=popup,
        ).add_to(group)
        return
    icon = folium.DivIcon(
        html=symbol_svg(point.role, opacity),
        icon_size=(MARKER_SIZE, MARKER_SIZE),
        icon_anchor=(MARKER_SIZE // 2, MARKER_SIZE // 2),
        class_name=css_class,
    )
    folium.Marker(location=(point.lat, point.lon), icon=icon, tooltip=tooltip, popup=popup).add_to(group)


@dataclass(frozen=True, slots=True)
class _Assets:
    js: list[tuple[str, str]]
    css: list[tuple[str, str]]
    inline_head: str  # <script>/<style> elements for a self-contained file, else ""
    basemap_url: str | None
    basemap_inline: str | None
    image_path: str | None


def _linked_assets(asset_base_url: str, basemap_url: str | None) -> _Assets:
    base = asset_base_url.rstrip("/")
    if basemap_url == AUTO_BASEMAP:
        basemap_url = f"{base}/{offline.BASEMAP_GEOJSON}"
    return _Assets(
        js=[("leaflet", f"{base}/{offline.LEAFLET_JS}"), ("jquery", f"{base}/{offline.JQUERY_JS}")],
        css=[("leaflet_css", f"{base}/{offline.LEAFLET_CSS}")],
        inline_head="",
        basemap_url=basemap_url,
        basemap_inline=None,
        image_path=f"{base}/{offline.LEAFLET_IMAGES}/",
    )


def _inline_css() -> str:
    """leaflet.css with its images turned into data: URLs."""
    images = offline.leaflet_dir() / "images"
    css = (offline.leaflet_dir() / "leaflet.css").read_text(encoding="utf-8")

    def to_data_url(match: re.Match[str]) -> str:
        image = images / Path(match.group(1)).name
        if not image.is_file():
            return "url()"
        return "url(data:image/png;base64," + base64.b64encode(image.read_bytes()).decode("ascii") + ")"

    return re.sub(r"url\(images/([^)]+)\)", to_data_url, css)


def _script_element(source: str) -> str:
    return "<script>" + source.replace("</script", "<\\/script") + "</script>"


def _inlined_assets() -> _Assets:
    leaflet_js = (offline.leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")
    jquery_js = (offline.jquery_dir() / "jquery.min.js").read_text(encoding="utf-8")
    head = (
        _script_element(leaflet_js)
        + "\n"
        + _script_element(jquery_js)
        + "\n<style>"
        + _inline_css().replace("</style", "<\\/style")
        + "</style>"
    )
    return _Assets(
        js=[], css=[], inline_head=head, basemap_url=None,
        basemap_inline=offline.basemap_geojson_text(), image_path=None,
    )


def _fit_view(m: folium.Map, points: list[MapPoint]) -> None:
    """Fit the view to where things happened and to the towns named; countries and
    provinces alone (one far-away country would zoom out to the whole world) only
    when there is nothing else."""
    focus = [p for p in points if p.attacks or p.responses or p.kind not in AREA_KINDS]
    points = focus or points
    if not points:
        return
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(50, 50), max_zoom=6)


def _build(report: Report, assets: _Assets, online_tiles: bool) -> folium.Map:
    points = map_points(report)
    m = folium.Map(location=(25.0, 20.0), zoom_start=2, tiles=None, control_scale=True,
                   prefer_canvas=False, world_copy_jump=True)
    # Per instance, so folium's CDN defaults (and its class attributes) stay untouched.
    m.default_js = list(assets.js)
    m.default_css = list(assets.css)
    m.get_root().header.add_child(Element(MAP_CSS), name="geobrief_map_css")
    if assets.inline_head:
        m.get_root().header.add_child(Element(assets.inline_head), name="geobrief_inline_assets")
    if assets.basemap_url or assets.basemap_inline:
        OfflineBasemap(url=assets.basemap_url, inline_data=assets.basemap_inline).add_to(m)
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name=ONLINE_TILES_NAME, overlay=True, control=True,
                         show=False).add_to(m)
    groups: dict[str, folium.FeatureGroup] = {}
    for name in ("Other places", "Responses", "Attacks"):  # attacks drawn last, on top
        groups[name] = folium.FeatureGroup(name=name, overlay=True, control=True, show=True)
        groups[name].add_to(m)
    permanent_labels = len(points) <= MAX_PERMANENT_LABELS
    for point in sorted(points, key=lambda p: (p.kind not in AREA_KINDS, p.confidence)):
        _add_point(point, groups[ROLE_GROUPS[point.role]], permanent_labels)
    MapDecorations(legend_html(points, len(unlocated_events(report))), assets.image_path).add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    _fit_view(m, points)
    return m


def build_map(
    report: Report,
    *,
    asset_base_url: str = DEFAULT_ASSET_BASE_URL,
    basemap_url: str | None = AUTO_BASEMAP,
    online_tiles: bool = True,
) -> folium.Map:
    """The report's map, loading Leaflet/jQuery (and the basemap) from ``asset_base_url``.

    ``basemap_url``: ``AUTO_BASEMAP`` uses the outlines installed next to the other
    assets, ``None`` draws no basemap. ``online_tiles`` adds OpenStreetMap as an optional
    layer that is off until the user picks it.
    """
    return _build(report, _linked_assets(asset_base_url, basemap_url), online_tiles)


def map_html(report: Report, inline_assets: bool = False, *, online_tiles: bool = True,
             asset_base_url: str = DEFAULT_ASSET_BASE_URL) -> str:
    """The map as a standalone HTML page.

    With ``inline_assets=True`` Leaflet, jQuery, the CSS and the basemap are inlined:
    the file works opened straight from disk with no network.
    """
    assets = _inlined_assets() if inline_assets else _linked_assets(asset_base_url, AUTO_BASEMAP)
    return _build(report, assets, online_tiles).get_root().render()
