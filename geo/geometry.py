"""Distances on the Earth's surface, shared by the gazetteer, the ranking, the corpus merge and the map.

    distance_km(33.51, 36.29, 35.13, 36.75)   # Damascus to Hama: about 186 km

A sphere of the mean Earth radius (IUGG, 6371.0088 km, as geopy's ``great_circle``): within 0.5%
of the ellipsoid, which is more than enough to compare places, and fast enough to call millions of
times (no object per call).
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres between two points in decimal degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
