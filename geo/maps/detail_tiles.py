"""The detail basemap as small files per zoom band and grid cell, built once at install time.

Three zoom bands, each from the GSHHG / WDB II resolution that holds at its scale
(:mod:`geo.maps.detail_source`), simplified to about a pixel at the band's closest zoom and
cut into grid cells, so that a view loads only the few cells it shows::

    detail/index.json           the bands, the cells that exist, the licence
    detail/B/X_Y.json           band B, cell column X (from 180 W), row Y (from 90 S)

A cell holds ``land`` ([level, line] pairs: GSHHG level 1 land, 2 lake, 3 island in a lake,
4 pond, 5-6 Antarctica, each ring cut to the cell), ``rivers``, ``borders`` (lines) and
``towns`` (:mod:`geo.maps.towns`: name, latitude and longitude in thousandths of a degree from
the cell's south-west corner, the zoom from which it is labelled; most populous first). Lines are
in Google's encoded-polyline format at the band's precision (``index.json`` gives it): the browser
decodes them in a few lines of script and :func:`read_cell` does the same for the PNG.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from geo.maps.detail_source import LICENCE, BasemapSource
from geo.maps.provinces import SOURCE as PROVINCES_SOURCE
from geo.maps.towns import Town, towns_with_min_zoom

FORMAT_VERSION = 1
TOWN_SCALE = 1000  # town coordinates: thousandths of a degree
INDEX_FILE = "index.json"


@dataclass(frozen=True)
class Band:
    """A range of zooms drawn from one resolution, cut into square cells of ``cell`` degrees."""

    name: str
    min_zoom: int
    max_zoom: int
    resolution: str  # of detail_source.RESOLUTIONS
    cell: float  # degrees
    tolerance: float  # degrees of simplification: about a pixel at max_zoom
    precision: int  # decimal places kept
    min_area: float  # square degrees: smaller rings are dropped (under a pixel or two)
    min_length: float  # degrees: shorter lines are dropped (a few pixels of a stream)
    rivers: bool
    provinces: bool = False  # the lines between provinces (geo.maps.provinces)


BANDS = (
    Band("0", 0, 4, "l", 90.0, 0.04, 2, 0.01, 0.5, rivers=False),
    Band("1", 5, 7, "i", 20.0, 0.01, 2, 0.0002, 0.1, rivers=True, provinces=True),
    Band("2", 8, 18, "h", 6.0, 0.0014, 3, 0.000002, 0.01, rivers=True, provinces=True),
)
PROVINCE_TOLERANCE = 0.004  # degrees: Natural Earth's 1:10m lines hold no finer detail


def band_for_zoom(zoom: float) -> Band:
    for band in BANDS:
        if zoom <= band.max_zoom:
            return band
    return BANDS[-1]


# -- encoded polylines --------------------------------------------------------------------------

def encode_line(points: np.ndarray, precision: int) -> str:
    """(lon, lat) points as an encoded polyline (lat first, as the format has it)."""
    scaled = np.round(points[:, ::-1] * 10**precision).astype(np.int64)
    deltas = np.diff(scaled, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).ravel()
    values = np.where(deltas < 0, ~(deltas << 1), deltas << 1)
    out: list[str] = []
    for value in values.tolist():
        while value >= 0x20:
            out.append(chr((0x20 | (value & 0x1F)) + 63))
            value >>= 5
        out.append(chr(value + 63))
    return "".join(out)


def decode_line(text: str, precision: int) -> list[tuple[float, float]]:
    """An encoded polyline back to (lon, lat) points."""
    numbers: list[int] = []
    value = shift = 0
    for char in text:
        byte = ord(char) - 63
        value |= (byte & 0x1F) << shift
        shift += 5
        if byte < 0x20:
            numbers.append(~(value >> 1) if value & 1 else value >> 1)
            value = shift = 0
    scale = 10.0**precision
    points: list[tuple[float, float]] = []
    lat = lon = 0
    for index in range(0, len(numbers) - 1, 2):
        lat += numbers[index]
        lon += numbers[index + 1]
        points.append((lon / scale, lat / scale))
    return points


# -- cutting into cells -------------------------------------------------------------------------

Cell = tuple[int, int]


def _cells_of(bounds: tuple[float, float, float, float], size: float) -> Iterator[Cell]:
    west, south, east, north = bounds
    columns, rows = round(360 / size), round(180 / size)
    for x in range(max(int((west + 180) // size), 0), min(int((east + 180) // size), columns - 1) + 1):
        for y in range(max(int((south + 90) // size), 0), min(int((north + 90) // size), rows - 1) + 1):
            yield x, y


def _cell_box(cell: Cell, size: float) -> tuple[float, float, float, float]:
    x, y = cell
    return x * size - 180, y * size - 90, (x + 1) * size - 180, (y + 1) * size - 90


def _parts(geometry: shapely.Geometry) -> Iterator[np.ndarray]:
    """The rings of polygons, or the lines, of a clipped geometry, as (n, 2) arrays."""
    for part in shapely.get_parts(geometry):
        if isinstance(part, shapely.Polygon):
            if not part.is_empty:
                yield shapely.get_coordinates(part.exterior)
        elif isinstance(part, shapely.LineString):
            if not part.is_empty:
                yield shapely.get_coordinates(part)
        elif isinstance(part, shapely.GeometryCollection | shapely.MultiPolygon | shapely.MultiLineString):
            yield from _parts(part)


def _cut(geometry: shapely.Geometry, band: Band) -> Iterator[tuple[Cell, np.ndarray]]:
    """``geometry`` cut along the band's cell edges: (cell, points) pieces."""
    cells = list(_cells_of(shapely.bounds(geometry), band.cell))
    if len(cells) == 1:
        for points in _parts(geometry):
            yield cells[0], points
        return
    for cell in cells:
        clipped = shapely.clip_by_rect(geometry, *_cell_box(cell, band.cell))
        for points in _parts(clipped):
            yield cell, points


def _simplified(shapes: Iterable[np.ndarray], band: Band, polygons: bool) -> Iterator[tuple[int, shapely.Geometry]]:
    for index, points in enumerate(shapes):
        if polygons:
            if len(points) < 4:
                continue
            geometry = shapely.Polygon(points)
            if band.min_area and geometry.area < band.min_area:
                continue
        else:
            geometry = shapely.LineString(points)
            if geometry.length < band.min_length:
                continue
        simple = shapely.simplify(geometry, band.tolerance, preserve_topology=False)
        if simple.is_empty:
            continue
        yield index, simple


def build_band(source: BasemapSource, band: Band, towns: list[Town],
               provinces: list[np.ndarray] | None = None) -> dict[Cell, dict[str, list[Any]]]:
    """Every non-empty cell of ``band``: its land rings, rivers, borders, province lines and towns."""
    cells: dict[Cell, dict[str, list[Any]]] = defaultdict(lambda: {"land": [], "rivers": [], "borders": [],
                                                                   "provinces": [], "towns": []})
    land = list(source.shapes("gshhs", band.resolution))
    for index, geometry in _simplified((shape.points for shape in land), band, polygons=True):
        for cell, points in _cut(geometry, band):
            if len(points) >= 4:  # a ring: three corners and the first again
                cells[cell]["land"].append([land[index].level, encode_line(points, band.precision)])
    layers = [("borders", "countries")] + ([("rivers", "rivers")] if band.rivers else [])
    for key, layer in layers:
        lines = (shape.points for shape in source.shapes(layer, band.resolution))
        for _, geometry in _simplified(lines, band, polygons=False):
            for cell, points in _cut(geometry, band):
                if len(points) >= 2:
                    cells[cell][key].append(encode_line(points, band.precision))
    province_band = replace(band, tolerance=max(band.tolerance, PROVINCE_TOLERANCE))
    for _, geometry in _simplified(provinces if band.provinces and provinces else (), province_band, polygons=False):
        for cell, points in _cut(geometry, band):
            if len(points) >= 2:
                cells[cell]["provinces"].append(encode_line(points, band.precision))
    for town in towns:
        if town.min_zoom > band.max_zoom:
            continue
        cell = next(_cells_of((town.lon, town.lat, town.lon, town.lat), band.cell))
        west, south, _, _ = _cell_box(cell, band.cell)
        # thousandths of a degree (about 100 m) from the cell's south-west corner: short numbers
        cells[cell]["towns"].append([town.name, round((town.lat - south) * TOWN_SCALE),
                                     round((town.lon - west) * TOWN_SCALE), town.min_zoom])
    for content in cells.values():
        content["land"].sort(key=lambda item: item[0])  # land, then lakes, then islands in them
    return dict(cells)


def cell_name(cell: Cell) -> str:
    return f"{cell[0]}_{cell[1]}"


def build_detail(source: BasemapSource, target: Path, towns: list[Town] | None = None,
                 provinces: list[np.ndarray] | None = None) -> dict[str, Any]:
    """Write every band's cells and the index under ``target`` (replaced whole); return the index.
    ``provinces``: the lines between provinces (geo.maps.provinces), drawn from zoom 5."""
    towns = towns_with_min_zoom() if towns is None else towns
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        licence = LICENCE + (f"; provinces: {PROVINCES_SOURCE}" if provinces else "")
        index: dict[str, Any] = {"version": FORMAT_VERSION, "licence": licence,
                                 "bands": [asdict(band) for band in BANDS], "cells": {}}
        for band in BANDS:
            cells = build_band(source, band, towns, provinces)
            (building / band.name).mkdir()
            for cell, content in cells.items():
                text = json.dumps(content, separators=(",", ":"), ensure_ascii=False)
                (building / band.name / f"{cell_name(cell)}.json").write_text(text, encoding="utf-8")
            index["cells"][band.name] = sorted(cell_name(cell) for cell in cells)
        (building / INDEX_FILE).write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        for folder in [building, *building.rglob("*")]:
            os.chmod(folder, 0o755 if folder.is_dir() else 0o644)
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        building.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return index


# -- reading ------------------------------------------------------------------------------------

def read_index(folder: Path) -> dict[str, Any] | None:
    try:
        index = json.loads((Path(folder) / INDEX_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return index if index.get("version") == FORMAT_VERSION else None


def cells_in_view(band: Band, west: float, south: float, east: float, north: float) -> list[Cell]:
    return list(_cells_of((max(west, -180.0), max(south, -90.0), min(east, 179.999), min(north, 89.999)),
                          band.cell))


def read_cell(folder: Path, band: Band, cell: Cell) -> dict[str, Any] | None:
    """A cell's content with its lines decoded to (lon, lat) points; None where there is nothing."""
    try:
        content = json.loads((Path(folder) / band.name / f"{cell_name(cell)}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    west, south, _, _ = _cell_box(cell, band.cell)
    return {
        "land": [(level, decode_line(line, band.precision)) for level, line in content.get("land", [])],
        "rivers": [decode_line(line, band.precision) for line in content.get("rivers", [])],
        "borders": [decode_line(line, band.precision) for line in content.get("borders", [])],
        "provinces": [decode_line(line, band.precision) for line in content.get("provinces", [])],
        "towns": [(name, south + y / TOWN_SCALE, west + x / TOWN_SCALE, zoom)
                  for name, y, x, zoom in content.get("towns", [])],
    }

