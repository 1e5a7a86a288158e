"""The province of the nearest town: a grid of towns by country, for places whose province no file gives (an air base
of the curated list, an airport, a village of an added dump without a province code).

Used by ``geo.gazetteer.build`` and ``geo.gazetteer.added``; imports only the distance.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar

from geo.geometry import distance_km

__all__ = ["NEAREST_TOWN_KM", "TownGrid", "give_sites_provinces"]

NEAREST_TOWN_KM = 50.0  # a place takes the province of the nearest town within this distance
_CELL = 0.5  # degrees: the grid's cells (0.5 degrees > 50 km north-south)

Province = TypeVar("Province")


class TownGrid(Generic[Province]):
    """Towns by (country, grid cell), each with its province (a code, or any value the caller keeps)."""

    def __init__(self) -> None:
        self._cells: dict[tuple[str, int, int], list[tuple[float, float, Province]]] = defaultdict(list)

    def add(self, country: str, lat: float, lon: float, province: Province) -> None:
        self._cells[(country, math.floor(lat / _CELL), math.floor(lon / _CELL))].append((lat, lon, province))

    def nearest(self, country: str, lat: float, lon: float, within_km: float = NEAREST_TOWN_KM) -> Province | None:
        """The province of the nearest town of ``country`` within ``within_km`` of the point, or None."""
        row, column = math.floor(lat / _CELL), math.floor(lon / _CELL)
        best: tuple[float, Province] | None = None
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for town_lat, town_lon, province in self._cells.get((country, row + dr, column + dc), ()):
                    km = distance_km(lat, lon, town_lat, town_lon)
                    if km <= within_km and (best is None or km < best[0]):
                        best = (km, province)
        return best[1] if best else None


class _Located(Protocol):
    country: str | None
    lat: float
    lon: float
    admin1_code: str | None
    admin1_name: str | None


def give_sites_provinces(sites: Iterable[_Located], towns: Iterable[_Located]) -> None:
    """A site with no province ("Ain al-Asad Air Base", an airport) takes the province (ISO 3166-2 code and name) of
    the nearest of ``towns`` of its country within ``NEAREST_TOWN_KM``; one with no such town keeps none."""
    grid: TownGrid[tuple[str, str | None]] = TownGrid()
    for town in towns:
        if town.country and town.admin1_code and "-" in town.admin1_code:
            grid.add(town.country, town.lat, town.lon, (town.admin1_code, town.admin1_name))
    for site in sites:
        if site.country and not site.admin1_code and (found := grid.nearest(site.country, site.lat, site.lon)):
            site.admin1_code, site.admin1_name = found
