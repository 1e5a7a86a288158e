from __future__ import annotations

import pytest
from geopy.distance import great_circle

from geo.geometry import EARTH_RADIUS_KM, distance_km


def test_one_degree_along_the_equator() -> None:
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)


def test_agrees_with_geopy_great_circle() -> None:
    for a, b in [((33.51, 36.29), (35.13, 36.75)), ((34.46, 40.92), (35.01, 40.45)), ((51.5, -0.1), (-33.9, 151.2))]:
        assert distance_km(*a, *b) == pytest.approx(great_circle(a, b).km, rel=1e-6)


def test_symmetric_zero_and_antipodes() -> None:
    assert distance_km(10, 20, 10, 20) == 0
    assert distance_km(10, 20, -5, 40) == pytest.approx(distance_km(-5, 40, 10, 20))
    assert distance_km(0, 0, 0, 180) == pytest.approx(3.141592653589793 * EARTH_RADIUS_KM)
