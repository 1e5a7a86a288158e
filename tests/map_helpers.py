"""Reading a map script back in tests: the symbols of geo.maps.layer.PointLayer, decoded from
their fragment table as the browser joins them, and folium's circle markers (provinces,
countries, regions)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

LAYER = re.compile(r"var parts = (.*);\n\s*var options = (.*);\n\s*var items = (.*);\n")
AREA = re.compile(r'L\.circleMarker\(\s*\[([-0-9.e]+), ([-0-9.e]+)\],\s*\{[^\n]*"className": "([^"]*)"')


@dataclass(frozen=True)
class Symbol:
    lat: float
    lon: float
    class_name: str
    icon: str = ""
    tooltip: str = ""
    tooltip_options: dict | None = None
    popup: str = ""


def map_script(text: str) -> str:
    """The Leaflet script of a page's HTML (as it is) or of st_folium's ``json_args`` (its "script")."""
    return json.loads(text)["script"] if text.lstrip().startswith("{") else text


def layer_symbols(text: str) -> list[Symbol]:
    """Every symbol of every PointLayer in the script, its HTML joined from the fragments."""
    symbols = []
    for parts_json, options_json, items_json in LAYER.findall(map_script(text)):
        parts, options, items = json.loads(parts_json), json.loads(options_json), json.loads(items_json)
        for lat, lon, icon, _size, classes, tooltip, option, popup in items:
            symbols.append(Symbol(lat, lon, " ".join(parts[i] for i in classes), parts[icon],
                                  "".join(parts[i] for i in tooltip), options[option],
                                  "".join(parts[i] for i in popup)))
    return symbols


def area_symbols(text: str) -> list[Symbol]:
    return [Symbol(float(lat), float(lon), classes) for lat, lon, classes in AREA.findall(map_script(text))]


def map_symbols(text: str) -> list[Symbol]:
    """Every symbol GeoBrief draws: areas first, then the point layers."""
    return area_symbols(text) + layer_symbols(text)


def marker_count(text: str) -> int:
    return sum(1 for s in map_symbols(text) if s.class_name.startswith("geobrief-marker geobrief-"))


def stands_at(symbols: list[Symbol], lat: float, lon: float) -> bool:
    """Whether a symbol stands at (lat, lon), to the layer's five decimals."""
    return any(abs(s.lat - lat) < 1e-5 and abs(s.lon - lon) < 1e-5 for s in symbols)
