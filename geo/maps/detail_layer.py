"""The detail basemap on the Leaflet map: land, lakes, rivers, borders and town labels per zoom.

The layer loads ``index.json`` of the folder :mod:`geo.maps.detail_tiles` wrote, then on every
move the cells of the zoom's band that the view shows (fetched once, kept), and draws them on a
canvas under everything else: land and lakes filled, rivers and borders as lines, towns as a dot
and a name from the zoom their label fits. With no detail folder it falls back to the country
outlines. A standalone page carries its cells inline (:func:`inline_cells`).

:class:`LabelDeclutter` hides, after each move, every label that overlaps one of higher rank:
event places first, then other places, provinces and countries, then towns by population.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from branca.element import Figure, MacroElement
from folium.elements import ElementAddToElement
from folium.map import Layer
from folium.template import Template

from geo.maps import detail_tiles
from geo.maps.layer import RawScript, script_json
from geo.maps.points import MapPoint

LAYER_NAME = "Basemap (offline)"
LAND_COLOUR, SEA_COLOUR = "#f4f1ea", "#cfe0ec"
RIVER_COLOUR, BORDER_COLOUR = "#86b4d8", "#9a8f80"
INLINE_MARGIN = 0.5  # of the points' span, around them: the cells a standalone page carries
INLINE_MIN_SPAN = 4.0  # degrees

_SCRIPT = r"""
var {{ this.get_name() }} = (function (map) {
    var bandsPane = map.getPane("geobrief-basemap") || map.createPane("geobrief-basemap");
    bandsPane.style.zIndex = 150;
    var townsPane = map.getPane("geobrief-towns") || map.createPane("geobrief-towns");
    townsPane.style.zIndex = 390;
    var renderer = L.canvas({pane: "geobrief-basemap", padding: 0.3});
    var group = L.layerGroup();
    var base = {{ this.url_literal }}, inline = {{ this.inline_literal }};
    var index = inline ? inline.index : null, cells = {}, drawn = {}, pending = {};
    function decode(text, precision, shift) {
        var points = [], lat = 0, lon = 0, scale = Math.pow(10, precision), i = 0;
        while (i < text.length) {
            var values = [0, 0];
            for (var k = 0; k < 2; k++) {
                var result = 0, bit = 0, b;
                do { b = text.charCodeAt(i++) - 63; result |= (b & 31) << bit; bit += 5; } while (b >= 32);
                values[k] = (result & 1) ? ~(result >> 1) : (result >> 1);
            }
            lat += values[0]; lon += values[1];
            points.push([lat / scale, lon / scale + shift]);
        }
        return points;
    }
    function townMarker(town, band, cell, shift) {
        var size = band.cell, parts = cell.split("_");
        var lat = (+parts[1]) * size - 90 + town[1] / 1000, lon = (+parts[0]) * size - 180 + town[2] / 1000;
        var box = document.createElement("div"), name = document.createElement("span");
        box.className = "geobrief-town-box";
        name.className = "geobrief-town-name";
        name.textContent = town[0];
        box.appendChild(name);
        var marker = L.marker([lat, lon + shift], {icon: L.divIcon({html: box, className: "geobrief-town",
            iconSize: null, iconAnchor: [3, 3]}), pane: "geobrief-towns", interactive: false, keyboard: false});
        marker.minZoom = town[3];
        return marker;
    }
    function draw(band, cell, data, shift) {
        var layer = L.layerGroup(), byLevel = {};
        (data.land || []).forEach(function (item) {
            (byLevel[item[0]] = byLevel[item[0]] || []).push([decode(item[1], band.precision, shift)]);
        });
        Object.keys(byLevel).sort().forEach(function (level) {
            var land = level % 2 === 1, colour = land ? "{{ this.land }}" : "{{ this.sea }}";
            L.polygon(byLevel[level], {renderer: renderer, interactive: false, stroke: true, color: colour,
                weight: 1, fill: true, fillColor: colour, fillOpacity: 1}).addTo(layer);
        });
        var line = function (key, style) {
            var lines = (data[key] || []).map(function (text) { return decode(text, band.precision, shift); });
            if (lines.length) {
                L.polyline(lines, L.extend({renderer: renderer, interactive: false}, style)).addTo(layer);
            }
        };
        line("provinces", {color: "{{ this.border }}", weight: 1, opacity: 0.7, dashArray: "2 3"});
        line("rivers", {color: "{{ this.river }}", weight: 1.3, opacity: 0.9});
        line("borders", {color: "{{ this.border }}", weight: 1, opacity: 0.9, dashArray: "4 3"});
        layer.towns = (data.towns || []).map(function (town) { return townMarker(town, band, cell, shift); });
        layer.townLayer = L.layerGroup().addTo(layer);
        return layer;
    }
    function showTowns(layer, zoom) {
        layer.townLayer.clearLayers();
        layer.towns.forEach(function (marker) { if (marker.minZoom <= zoom) { layer.townLayer.addLayer(marker); } });
    }
    function json(response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
    }
    function bandFor(zoom) {
        for (var i = 0; i < index.bands.length; i++) { if (zoom <= index.bands[i].max_zoom) { return index.bands[i]; } }
        return index.bands[index.bands.length - 1];
    }
    function wanted(band) {
        var bounds = map.getBounds().pad(0.25), size = band.cell, columns = Math.round(360 / size);
        var rows = Math.round(180 / size), keys = {};
        var x0 = Math.floor((bounds.getWest() + 180) / size), x1 = Math.floor((bounds.getEast() + 180) / size);
        var y0 = Math.max(0, Math.floor((bounds.getSouth() + 90) / size));
        var y1 = Math.min(rows - 1, Math.floor((bounds.getNorth() + 90) / size));
        if (x1 - x0 >= columns) { x0 = 0; x1 = columns - 1; }
        for (var x = x0; x <= x1; x++) {
            var wrapped = ((x % columns) + columns) % columns, shift = (x - wrapped) / columns * 360;
            for (var y = y0; y <= y1; y++) { keys[band.name + "/" + wrapped + "_" + y + "@" + shift] = shift; }
        }
        return keys;
    }
    function refresh() {
        if (!index || !map.hasLayer(group)) { return; }
        var zoom = map.getZoom(), band = bandFor(zoom), keys = wanted(band), known = index.cells[band.name] || [];
        Object.keys(drawn).forEach(function (key) {
            if (!(key in keys)) { group.removeLayer(drawn[key]); delete drawn[key]; }
        });
        Object.keys(keys).forEach(function (key) {
            var cellKey = key.split("@")[0], cell = cellKey.split("/")[1];
            if (drawn[key]) { showTowns(drawn[key], zoom); return; }
            if (known.indexOf(cell) < 0) { return; }
            var place = function (data) {
                if (!(key in wanted(bandFor(map.getZoom()))) || drawn[key]) { return; }
                drawn[key] = draw(band, cell, data, keys[key]);
                showTowns(drawn[key], map.getZoom());
                group.addLayer(drawn[key]);
                map.fire("geobrief:labels");
            };
            if (cells[cellKey]) { place(cells[cellKey]); return; }
            if (inline && inline.cells[cellKey]) {
                cells[cellKey] = inline.cells[cellKey];
                place(cells[cellKey]);
                return;
            }
            {%- if this.linked %}
            if (pending[cellKey]) { return; }
            pending[cellKey] = true;
            fetch(base + "/" + cellKey + ".json")
                .then(json)
                .then(function (data) { cells[cellKey] = data; delete pending[cellKey]; place(data); })
                .catch(function (error) {
                    delete pending[cellKey];
                    console.warn("GeoBrief: basemap cell " + cellKey + ": " + error);
                });
            {%- endif %}
        });
        map.fire("geobrief:labels");
    }
    function outlines() {
        {%- if this.fallback_literal %}
        fetch({{ this.fallback_literal }}).then(function (response) { return response.json(); }).then(function (data) {
            L.geoJSON(data, {pane: "geobrief-basemap", interactive: false, style: function () {
                return {color: "{{ this.border }}", weight: 0.8, fillColor: "{{ this.land }}", fillOpacity: 1};
            }}).addTo(group);
        }).catch(function (error) { console.warn("GeoBrief: no basemap: " + error); });
        {%- endif %}
    }
    map.on("moveend", refresh);
    group.on("add", function () { setTimeout(refresh, 0); });
    if (index) { setTimeout(refresh, 0); }
    {%- if this.linked %}
    else {
        fetch(base + "/index.json")
            .then(json)
            .then(function (data) { index = data; refresh(); })
            .catch(function () { outlines(); });
    }
    {%- endif %}
    return group;
})({{ this._parent.get_name() }});
"""


class DetailBasemap(Layer):
    """The offline detail basemap (see the module's docstring) as a layer of the map."""

    _template = Template("{% macro script(this, kwargs) %}" + _SCRIPT + "{% endmacro %}")

    def __init__(self, *, url: str | None, inline: dict[str, Any] | None = None,
                 fallback_url: str | None = None) -> None:
        super().__init__(name=LAYER_NAME, overlay=True, control=True, show=True)
        self._name = "DetailBasemap"
        self.linked = bool(url)
        self.url_literal = script_json((url or "").rstrip("/") or None)
        self.inline_literal = script_json(inline)
        self.fallback_literal = script_json(fallback_url) if fallback_url else ""
        self.land, self.sea, self.river, self.border = LAND_COLOUR, SEA_COLOUR, RIVER_COLOUR, BORDER_COLOUR

    def render(self, **kwargs: Any) -> None:
        """As a Layer renders, but with the script added as it is: the inline cells must not be read
        as a template. (streamlit-folium reads the script macro and the children directly.)"""
        if self.show:
            self.add_child(ElementAddToElement(element_name=self.get_name(),
                                               element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        figure = self.get_root()
        assert isinstance(figure, Figure), "a DetailBasemap renders inside a Figure"
        script = self._template.module.__dict__["script"]
        figure.script.add_child(RawScript(script(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


def inline_cells(folder: Path, points: list[MapPoint]) -> dict[str, Any] | None:
    """The index and the cells around ``points`` (every band), for a page that works from disk."""
    index = detail_tiles.read_index(folder)
    if index is None:
        return None
    if points:
        lats, lons = [p.lat for p in points], [p.lon for p in points]
        lat_pad = max((max(lats) - min(lats)) * INLINE_MARGIN, INLINE_MIN_SPAN / 2)
        lon_pad = max((max(lons) - min(lons)) * INLINE_MARGIN, INLINE_MIN_SPAN / 2)
        box = (min(lons) - lon_pad, min(lats) - lat_pad, max(lons) + lon_pad, max(lats) + lat_pad)
    else:
        box = (-180.0, -90.0, 180.0, 90.0)
    cells: dict[str, Any] = {}
    for band in detail_tiles.BANDS:
        wide = band.name == detail_tiles.BANDS[0].name
        chosen = detail_tiles.cells_in_view(band, *((-180.0, -90.0, 180.0, 90.0) if wide else box))
        existing = set(index["cells"].get(band.name, []))
        for cell in chosen:
            name = detail_tiles.cell_name(cell)
            if name in existing:
                path = Path(folder) / band.name / f"{name}.json"
                cells[f"{band.name}/{name}"] = json.loads(path.read_text(encoding="utf-8"))
    return {"index": index, "cells": cells}


class LabelDeclutter(MacroElement):
    """After each move, hide the labels that overlap a label of higher rank (see the module)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var timer = null;
            function rank(element) {
                if (element.classList.contains("geobrief-town")) { return 3; }
                if (element.classList.contains("geobrief-label-area")) { return 2; }
                if (element.classList.contains("geobrief-label-event")) { return 0; }
                return 1;
            }
            function replace() {
                // A permanent label placed while the map had no size yet sits in the wrong place
                // (one to the left of a ring is off the map): put each where it belongs, every time.
                map.eachLayer(function (layer) {
                    var tooltip = layer.getTooltip && layer.getTooltip();
                    if (tooltip && tooltip.options.permanent && layer.isTooltipOpen()) { tooltip.update(); }
                });
            }
            function declutter() {
                timer = null;
                replace();
                var container = map.getContainer();
                var labels = Array.prototype.slice.call(
                    container.querySelectorAll(".geobrief-label, .geobrief-town"));
                labels.forEach(function (element, order) { element.style.visibility = ""; element._order = order; });
                labels.sort(function (a, b) { return rank(a) - rank(b) || a._order - b._order; });
                var kept = [];
                labels.forEach(function (element) {
                    var target = element.classList.contains("geobrief-town")
                        ? element.querySelector(".geobrief-town-box") || element : element;
                    var box = target.getBoundingClientRect();
                    if (!box.width && !box.height) { return; }
                    var clash = kept.some(function (other) {
                        return box.left < other.right && other.left < box.right &&
                               box.top < other.bottom && other.top < box.bottom;
                    });
                    if (clash) { element.style.visibility = "hidden"; } else { kept.push(box); }
                });
            }
            function later() { if (timer === null) { timer = setTimeout(declutter, 60); } }
            map.on("resize moveend zoomend layeradd overlayadd geobrief:labels", later);
            later();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "LabelDeclutter"
