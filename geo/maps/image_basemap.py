"""The basemap of the map image: the detail layers the web map shows (:mod:`geo.maps.detail_tiles`),
or the country outlines where they are not installed.

The image's scale picks the zoom band the web map would use at the same scale, its view picks the
cells; land and lakes are filled, rivers and borders drawn, and the towns labelled from that zoom
on, except near the report's own labelled places (their labels win, as on the web map).
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo.maps import detail_tiles, offline

SEA_COLOUR = "#cfe0ec"
LAND_COLOUR = "#f4f1ea"
BORDER_COLOUR = "#8a8a8a"
RIVER_COLOUR = "#86b4d8"
TOWN_COLOUR = "#4d4539"
MAX_TOWN_LABELS = 60
NEAR_LABEL_PX = (90, 14)  # a town this close (x, y) to a labelled place is not named
DETAIL_CREDIT = "Basemap: GSHHG and WDB II (LGPL), towns: GeoNames (CC BY 4.0)"
PROVINCES_CREDIT = ", provinces: Natural Earth"
OUTLINE_CREDIT = "Country outlines: countryinfo"

Extent = tuple[float, float, float, float]  # lon_min, lon_max, lat_min, lat_max


def detail_folder() -> Path:
    return offline.DEFAULT_STATIC_DIR / offline.VENDOR_DIR_NAME / offline.DETAIL_FOLDER


def web_zoom(extent: Extent, width_px: float) -> float:
    """The web map's zoom at the image's scale (degrees of longitude per pixel)."""
    degrees_per_pixel = (extent[1] - extent[0]) / max(width_px, 1.0)
    return math.log2(360.0 / (256 * degrees_per_pixel))


@lru_cache(maxsize=64)
def _cell(folder: Path, band_name: str, cell: tuple[int, int]) -> dict[str, Any] | None:
    band = next(b for b in detail_tiles.BANDS if b.name == band_name)
    return detail_tiles.read_cell(folder, band, cell)


def draw_basemap(axes: Any, extent: Extent, width_px: float, height_px: float,
                 labelled: list[tuple[float, float]], outlines: list[Any]) -> str:
    """Draw the basemap under everything; return its credit line. ``labelled``: (lon, lat) of the
    places whose labels are drawn; ``outlines``: the country rings to use without the detail."""
    from matplotlib.collections import LineCollection, PolyCollection

    folder = detail_folder()
    index = detail_tiles.read_index(folder)
    if index is None:
        axes.add_collection(PolyCollection(outlines, facecolors=LAND_COLOUR, edgecolors=BORDER_COLOUR,
                                           linewidths=0.6, zorder=1))
        return OUTLINE_CREDIT
    zoom = web_zoom(extent, width_px)
    band = detail_tiles.band_for_zoom(zoom)
    existing = set(index["cells"].get(band.name, []))
    contents = [content for cell in detail_tiles.cells_in_view(band, extent[0], extent[2], extent[1], extent[3])
                if detail_tiles.cell_name(cell) in existing and (content := _cell(folder, band.name, cell))]
    levels = sorted({level for content in contents for level, _ in content["land"]})
    for level in levels:
        colour = LAND_COLOUR if level % 2 == 1 else SEA_COLOUR
        rings = [ring for content in contents for lvl, ring in content["land"] if lvl == level]
        axes.add_collection(PolyCollection(rings, facecolors=colour, edgecolors=colour, linewidths=0.4, zorder=1))
    rivers = [line for content in contents for line in content["rivers"]]
    borders = [line for content in contents for line in content["borders"]]
    provinces = [line for content in contents for line in content.get("provinces", [])]
    axes.add_collection(LineCollection(provinces, colors=BORDER_COLOUR, linewidths=0.5, alpha=0.55,
                                       linestyles=(0, (2, 3)), zorder=1.4))
    axes.add_collection(LineCollection(rivers, colors=RIVER_COLOUR, linewidths=0.9, zorder=1.5))
    axes.add_collection(LineCollection(borders, colors=BORDER_COLOUR, linewidths=0.7, linestyles=(0, (4, 3)),
                                       zorder=1.6))
    _label_towns(axes, extent, width_px, height_px, zoom, contents, labelled)
    return DETAIL_CREDIT + (PROVINCES_CREDIT if provinces else "")


def _label_towns(axes: Any, extent: Extent, width_px: float, height_px: float, zoom: float,
                 contents: list[dict[str, Any]], labelled: list[tuple[float, float]]) -> None:
    from matplotlib import patheffects

    def pixel(lon: float, lat: float) -> tuple[float, float]:
        return ((lon - extent[0]) / (extent[1] - extent[0]) * width_px,
                (extent[3] - lat) / (extent[3] - extent[2]) * height_px)

    taken = [pixel(lon, lat) for lon, lat in labelled]
    towns = sorted((town for content in contents for town in content["towns"] if town[3] <= math.floor(zoom)),
                   key=lambda town: town[3])
    shown = 0
    for name, lat, lon, _ in towns:
        if shown >= MAX_TOWN_LABELS:
            break
        if not (extent[0] <= lon <= extent[1] and extent[2] <= lat <= extent[3]):
            continue
        x, y = pixel(lon, lat)
        if any(abs(x - tx) < NEAR_LABEL_PX[0] and abs(y - ty) < NEAR_LABEL_PX[1] for tx, ty in taken):
            continue
        taken.append((x, y))
        shown += 1
        axes.plot(lon, lat, marker="o", markersize=2.6, color=TOWN_COLOUR, linestyle="none", zorder=2)
        axes.annotate(name, (lon, lat), xytext=(3.5, 0), textcoords="offset points", ha="left", va="center",
                      fontsize=7, color=TOWN_COLOUR, zorder=2, annotation_clip=True, parse_math=False,
                      path_effects=[patheffects.withStroke(linewidth=2, foreground="white")])
