"""The map's tools: the cursor's coordinates in decimal degrees and MGRS, and a distance tool.

Both are Leaflet plugins from the npm registry (``assets/web/package.json``: leaflet-mouse-position,
MIT; leaflet.polylinemeasure, BSD-2-Clause; mgrs from proj4js, MIT). ``make setup`` installs them
with npm and :func:`install_map_tools` copies the files the map loads into the static folder, next
to Leaflet; a map without them (no npm on the machine) opens without the tools, nothing else lost.
"""

from __future__ import annotations

import json
from pathlib import Path

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from geo.errors import GeoError
from geo.maps.offline import VENDOR_DIR_NAME, write_atomically

TOOLS_FOLDER = "tools"
MANIFEST = "tools.json"
# (npm package, file inside it, name in the static folder); the scripts in the order they load.
TOOL_FILES: tuple[tuple[str, str, str], ...] = (
    ("mgrs", "dist/mgrs.min.js", "mgrs.min.js"),
    ("leaflet-mouse-position", "src/L.Control.MousePosition.js", "mouse-position.js"),
    ("leaflet-mouse-position", "src/L.Control.MousePosition.css", "mouse-position.css"),
    ("leaflet.polylinemeasure", "Leaflet.PolylineMeasure.js", "polyline-measure.js"),
    ("leaflet.polylinemeasure", "Leaflet.PolylineMeasure.css", "polyline-measure.css"),
    ("mgrs", "license.md", "LICENSE-mgrs.md"),
    ("leaflet-mouse-position", "MIT-LICENCE.txt", "LICENSE-leaflet-mouse-position.txt"),
    ("leaflet.polylinemeasure", "LICENSE.txt", "LICENSE-leaflet.polylinemeasure.txt"),
)
# What a map loads: the scripts joined into one file and the styles into another, so that the map's
# frame makes two requests instead of five, one after the other (geo.bench.first_view: ~0.1 s).
BUNDLE_JS = "map-tools.js"
BUNDLE_CSS = "map-tools.css"
MGRS_DIGITS = 5  # 1 m: the precision a grid reference is read out at
COORDINATE_DIGITS = 5  # about 1 m of latitude


class ToolsMissing(GeoError):
    """The npm packages of the map's tools are not where they were looked for."""


def tools_folder(static_dir: Path) -> Path:
    return Path(static_dir) / VENDOR_DIR_NAME / TOOLS_FOLDER


def tools_installed(static_dir: Path) -> bool:
    """True when the static folder holds every file of the tools (the manifest is written last)."""
    folder = tools_folder(static_dir)
    names = [name for _, _, name in TOOL_FILES] + [BUNDLE_JS, BUNDLE_CSS]
    return (folder / MANIFEST).is_file() and all((folder / name).is_file() for name in names)


def install_map_tools(node_modules: Path, static_dir: Path) -> Path:
    """Copy the tools' files out of an npm ``node_modules`` folder into the static folder; the
    manifest (package versions) goes last. Raises :class:`ToolsMissing` when a file is missing."""
    folder = tools_folder(static_dir)
    versions: dict[str, str] = {}
    for package, inside, name in TOOL_FILES:
        source = Path(node_modules) / package / inside
        try:
            data = source.read_bytes()
            meta = json.loads((Path(node_modules) / package / "package.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ToolsMissing(f"{source} is missing: run `npm ci --prefix assets/web` first ({exc})") from exc
        versions[package] = str(meta.get("version", "?"))
        write_atomically(folder / name, data)
    write_atomically(folder / BUNDLE_JS, _joined(folder, ".js", "\n;"))
    write_atomically(folder / BUNDLE_CSS, _joined(folder, ".css", ""))
    write_atomically(folder / MANIFEST, json.dumps(versions, indent=2, sort_keys=True).encode("utf-8"))
    return folder


def _joined(folder: Path, suffix: str, end: str) -> bytes:
    """The copied files of one kind, in load order, each under a comment naming it (a script
    ends with ``;`` so that the next one never continues its last statement)."""
    parts = [f"/* {name} */\n" + (folder / name).read_text(encoding="utf-8").rstrip() + end
             for _, _, name in TOOL_FILES if name.endswith(suffix)]
    return ("\n".join(parts) + "\n").encode("utf-8")


def linked_tool_files(base_url: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The tools' script and style bundles as (name, URL) pairs under the static folder's URL."""
    base = f"{base_url.rstrip('/')}/{TOOLS_FOLDER}"
    return [("geobrief_map_tools", f"{base}/{BUNDLE_JS}")], [("geobrief_map_tools_css", f"{base}/{BUNDLE_CSS}")]


def tool_sources(static_dir: Path) -> list[tuple[str, str]]:
    """The tools' script and style bundles as (file name, text), for a standalone page; none when missing."""
    if not tools_installed(static_dir):
        return []
    folder = tools_folder(static_dir)
    return [(name, (folder / name).read_text(encoding="utf-8")) for name in (BUNDLE_JS, BUNDLE_CSS)]


_SCRIPT = """
(function (map) {
    function grid(lng, lat) {  // "37S EV 12345 67890"; none beyond the UTM zones (the poles)
        try {
            var ref = mgrs.forward([lng, lat], %(mgrs_digits)d);
            var parts = /^(\\d{1,2}[C-X])([A-Z]{2})(\\d*)$/.exec(ref);
            if (!parts) { return ref; }
            var half = parts[3].length / 2;
            return parts[1] + " " + parts[2] + " " + parts[3].slice(0, half) + " " + parts[3].slice(half);
        } catch (error) { return "none here"; }
    }
    if (L.Control.MousePosition && window.mgrs) {
        L.control.mousePosition({
            position: "bottomright", emptyString: "", wrapLng: true,
            formatter: function (lng, lat) {
                return '<span class="geobrief-coords">' + lat.toFixed(%(digits)d) + ", " + lng.toFixed(%(digits)d)
                    + "</span> &middot; MGRS " + grid(lng, lat);
            }
        }).addTo(map);
    }
    if (L.Control.PolylineMeasure) {
        map.geobriefMeasure = L.control.polylineMeasure({
            position: "topleft", unit: "kilometres", showBearings: true, clearMeasurementsOnStop: false,
            showClearControl: true, showUnitControl: true,
            measureControlTitleOn: "Measure a distance (click points, double-click to finish)",
            measureControlTitleOff: "Stop measuring", clearControlTitle: "Clear the measurements"
        }).addTo(map);
        // While measuring, a click on a symbol adds a point to the line: it does not select the place.
        var style = document.createElement("style");
        style.textContent = ".geobrief-measuring .geobrief-marker{pointer-events:none}";
        document.head.appendChild(style);
        map.on("polylinemeasure:toggle", function (event) {
            L.DomUtil[event.sttus ? "addClass" : "removeClass"](map.getContainer(), "geobrief-measuring");
        });
    }
})({{ this._parent.get_name() }});
""" % {"mgrs_digits": MGRS_DIGITS, "digits": COORDINATE_DIGITS}


class MapTools(JSCSSMixin, MacroElement):
    """The cursor's coordinates (bottom right) and the distance tool (top left); each only where
    its plugin loaded. Its scripts come from ``js``/``css`` (linked) or the page's head (inlined)."""

    _template = Template("{% macro script(this, kwargs) %}" + _SCRIPT + "{% endmacro %}")

    def __init__(self, js: list[tuple[str, str]], css: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "MapTools"
        # Per instance: the class attributes (folium's defaults) stay untouched.
        self.default_js: list[tuple[str, str]] = list(js)
        self.default_css: list[tuple[str, str]] = list(css)
