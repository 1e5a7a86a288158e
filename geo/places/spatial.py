"""Points on the sphere in k-d trees (scipy), for questions about a document's places that would
otherwise compare every place with every other one.

    NearestPoints({"aleppo": (36.2, 37.16)}).nearest([35.9], [36.6], besides="idlib")
    names_within([("aleppo", 36.2, 37.16), ...], radius_km=161.0, cap=2)   # other names near each

A point is kept as its unit vector (x, y, z): the nearest by chord is the nearest by great circle,
and a chord radius stands for a distance on the ground; distances are then measured with
``geo.geometry.distance_km``, so the answers are those of a plain pass over all the points.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.spatial import cKDTree

from geo.geometry import EARTH_RADIUS_KM, distance_km

__all__ = ["NearestPoints", "names_within", "unit_vectors"]

_MIN_PENDING = 16  # changes kept beside a tree before it is rebuilt (at least; else the square root of its size)


def unit_vectors(lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
    """Points on the unit sphere, one row (x, y, z) per latitude and longitude in degrees."""
    lat, lon = np.radians(np.asarray(lats, dtype=float)), np.radians(np.asarray(lons, dtype=float))
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


class NearestPoints:
    """One point per name, and for a query point the nearest of them except a given name's.

    A k-d tree holds the points as they were when it was built; the names moved or removed since
    are masked in it and their new points searched one by one, until there are enough of them
    (the square root of the tree's size) to rebuild it."""

    def __init__(self, points: Mapping[str, tuple[float, float]] | None = None) -> None:
        self._points: dict[str, tuple[float, float]] = dict(points or {})
        self._build()

    def __len__(self) -> int:
        return len(self._points)

    def _build(self) -> None:
        self._names = list(self._points)
        self._row = {name: row for row, name in enumerate(self._names)}
        coordinates = [self._points[name] for name in self._names]
        self._tree = cKDTree(unit_vectors([c[0] for c in coordinates], [c[1] for c in coordinates])
                             if coordinates else np.empty((0, 3)))
        self._masked = np.zeros(len(self._names) + 1, dtype=bool)
        self._masked[-1] = True  # the row number the tree answers when it has fewer points than asked
        self._pending: dict[str, tuple[float, float]] = {}
        self._pending_vectors: dict[str, np.ndarray] = {}  # their points on the sphere, made once

    def move(self, name: str, point: tuple[float, float] | None) -> None:
        """Put ``name`` at ``point``, or take it out (None)."""
        if point is None:
            if self._points.pop(name, None) is None:
                return
        else:
            self._points[name] = point
        row = self._row.get(name)
        if row is not None:
            self._masked[row] = True
        if point is None:
            self._pending.pop(name, None)
            self._pending_vectors.pop(name, None)
        else:
            self._pending[name] = point
            self._pending_vectors[name] = unit_vectors([point[0]], [point[1]])[0]
        if len(self._pending) + int(self._masked.sum()) - 1 > max(_MIN_PENDING, math.isqrt(len(self._names))):
            self._build()

    def nearest(self, queries: np.ndarray, *, besides: str | None = None) -> list[tuple[float, float] | None]:
        """For each query point (a row of ``unit_vectors``), the nearest point of a name other than ``besides``
        (None if there is none)."""
        if not len(queries):
            return []
        found: list[tuple[float, float] | None] = [None] * len(queries)
        chords = np.full(len(queries), np.inf)
        if len(self._names):
            masked = self._masked
            own_row = self._row.get(besides) if besides is not None else None
            if own_row is not None and not masked[own_row]:
                masked = masked.copy()
                masked[own_row] = True
            self._search_tree(queries, masked, found, chords)
        pending = [(name, point) for name, point in self._pending.items() if name != besides]
        if pending:
            vectors = np.array([self._pending_vectors[name] for name, _point in pending])
            distances = np.linalg.norm(queries[:, None, :] - vectors[None, :, :], axis=2)  # queries x pending
            nearest = distances.argmin(axis=1)
            for i in np.flatnonzero(distances[np.arange(len(queries)), nearest] < chords):
                found[i] = pending[nearest[i]][1]
        return found

    def _search_tree(self, queries: np.ndarray, masked: np.ndarray, found: list[tuple[float, float] | None],
                     chords: np.ndarray) -> None:
        """The nearest unmasked tree point of each query, asking for more neighbours while all are masked."""
        rows = np.arange(len(queries))
        k = min(4, len(self._names))
        while len(rows):
            distances, indices = self._tree.query(queries[rows], k=k)
            distances, indices = distances.reshape(len(rows), k), indices.reshape(len(rows), k)
            usable = ~masked[indices]
            hit = usable.any(axis=1)
            first = usable.argmax(axis=1)
            for i in np.flatnonzero(hit):
                row = rows[i]
                chords[row] = distances[i, first[i]]
                found[row] = self._points[self._names[indices[i, first[i]]]]
            if k >= len(self._names):
                return
            rows, k = rows[~hit], min(2 * k, len(self._names))


def names_within(points: Sequence[tuple[str, float, float]], radius_km: float, cap: int) -> list[int]:
    """For each named point (name, lat, lon), how many other names have a point within ``radius_km``
    of it, counted up to ``cap``."""
    spots = sorted(set(points))
    if not spots:
        return []
    tree = cKDTree(unit_vectors([s[1] for s in spots], [s[2] for s in spots]))
    reach = 2.0 * math.sin(min(radius_km / EARTH_RADIUS_KM, math.pi) / 2.0) * 1.001  # a little more: then measured
    counts: dict[tuple[str, float, float], int] = {}
    for spot, query in zip(spots, unit_vectors([s[1] for s in spots], [s[2] for s in spots])):
        k = min(8, len(spots))
        while True:
            distances, indices = tree.query(query, k=k, distance_upper_bound=reach)
            near = {spots[i][0] for d, i in zip(np.atleast_1d(distances), np.atleast_1d(indices))
                    if np.isfinite(d) and spots[i][0] != spot[0]
                    and distance_km(spot[1], spot[2], spots[i][1], spots[i][2]) <= radius_km}
            if len(near) >= cap or k >= len(spots) or not np.isfinite(np.atleast_1d(distances)[-1]):
                break
            k = min(2 * k, len(spots))
        counts[spot] = min(len(near), cap)
    return [counts[point] for point in points]
