"""Where the map's JavaScript and CSS come from: the app's static folder, or inlined.

:func:`linked_assets` points Leaflet, Leaflet.markercluster, the basemaps (the detail
layers, the country outlines as their fallback) and the map's tools (when installed) at URLs under
the folder :mod:`geo.maps.offline` installs (the dashboard); :func:`inlined_assets` puts them all
into the page itself (a standalone file that works opened from disk: the detail cells around its
places).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from geo.maps import offline
from geo.maps.map_tools import linked_tool_files, tool_sources, tools_installed

AUTO_BASEMAP = "auto"  # the basemap URL derived from asset_base_url


@dataclass(frozen=True, slots=True)
class MapAssets:
    """The scripts and styles a map page loads, or carries inline."""

    js: list[tuple[str, str]]
    css: list[tuple[str, str]]
    inline_head: str  # <script>/<style> elements for a self-contained file, else ""
    basemap_url: str | None
    basemap_inline: str | None
    image_path: str | None
    cluster_js: list[tuple[str, str]]  # Leaflet.markercluster, loaded only by a clustered map
    cluster_css: list[tuple[str, str]]
    cluster_inline_head: str
    detail_url: str | None = None  # the detail basemap's folder (geo.maps.detail_tiles), served
    tools_js: tuple[tuple[str, str], ...] = ()  # the map's tools (geo.maps.map_tools), when installed
    tools_css: tuple[tuple[str, str], ...] = ()
    tools_inline_head: str = ""
    detail_folder: Path | None = None  # the same folder on disk, for a page that carries its cells

    @property
    def inline(self) -> bool:
        return bool(self.inline_head)


def linked_assets(asset_base_url: str, basemap_url: str | None) -> MapAssets:
    base = asset_base_url.rstrip("/")
    tools = linked_tool_files(base) if tools_installed(offline.DEFAULT_STATIC_DIR) else None
    if basemap_url == AUTO_BASEMAP:
        basemap_url = f"{base}/{offline.BASEMAP_GEOJSON}"
    return MapAssets(
        js=[("leaflet", f"{base}/{offline.LEAFLET_JS}")],  # folium's jQuery: nothing here uses it
        css=[("leaflet_css", f"{base}/{offline.LEAFLET_CSS}")],
        inline_head="",
        basemap_url=basemap_url,
        basemap_inline=None,
        image_path=f"{base}/{offline.LEAFLET_IMAGES}/",
        cluster_js=[("markerclusterjs", f"{base}/{offline.MARKERCLUSTER_JS}")],
        cluster_css=[("markerclustercss", f"{base}/{offline.MARKERCLUSTER_CSS}")],
        cluster_inline_head="",
        detail_url=f"{base}/{offline.DETAIL_FOLDER}" if basemap_url else None,
        tools_js=tuple(tools[0]) if tools else (),
        tools_css=tuple(tools[1]) if tools else (),
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


def script_element(source: str) -> str:
    return "<script>" + source.replace("</script", "<\\/script") + "</script>"


def style_element(source: str) -> str:
    return "<style>" + source.replace("</style", "<\\/style") + "</style>"


def inlined_assets() -> MapAssets:
    leaflet_js = (offline.leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")
    head = script_element(leaflet_js) + "\n" + style_element(_inline_css())
    return MapAssets(
        js=[], css=[], inline_head=head, basemap_url=None,
        basemap_inline=offline.basemap_geojson_text(), image_path=None,
        cluster_js=[], cluster_css=[],
        cluster_inline_head=script_element(offline.markercluster_script()) + "\n"
        + style_element(offline.markercluster_css()),
        detail_folder=offline.DEFAULT_STATIC_DIR / offline.VENDOR_DIR_NAME / offline.DETAIL_FOLDER,
        tools_inline_head="\n".join(script_element(text) if name.endswith(".js") else style_element(text)
                                    for name, text in tool_sources(offline.DEFAULT_STATIC_DIR)),
    )
