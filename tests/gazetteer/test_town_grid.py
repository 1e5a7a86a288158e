"""The province of the nearest town (geo.gazetteer.town_grid). Made-up points."""

from __future__ import annotations

from dataclasses import dataclass

from geo.gazetteer.town_grid import TownGrid, give_sites_provinces


@dataclass
class _Place:
    country: str | None
    lat: float
    lon: float
    admin1_code: str | None = None
    admin1_name: str | None = None


def test_the_nearest_town_of_the_same_country_within_reach_gives_the_province() -> None:
    grid: TownGrid[str] = TownGrid()
    grid.add("IQ", 33.0, 42.0, "IQ-AN")
    grid.add("IQ", 33.0, 42.6, "IQ-BG")
    grid.add("SY", 33.0, 42.1, "SY-DY")  # nearer, but across the border
    assert grid.nearest("IQ", 33.05, 42.1) == "IQ-AN"
    assert grid.nearest("IQ", 33.0, 42.5) == "IQ-BG"
    assert grid.nearest("IQ", 35.0, 42.0) is None  # no town within 50 km


def test_a_site_with_no_province_takes_its_nearest_towns() -> None:
    towns = [_Place("IQ", 33.0, 42.0, "IQ-AN", "Anbar"), _Place("IQ", 33.3, 44.4, "IQ.07")]  # (no ISO code)
    base, far, known = _Place("IQ", 33.1, 42.1), _Place("IQ", 33.3, 44.3), _Place("IQ", 33.0, 42.0, "IQ-BG", "Bag")
    give_sites_provinces([base, far, known], towns)
    assert (base.admin1_code, base.admin1_name) == ("IQ-AN", "Anbar")
    assert far.admin1_code is None and known.admin1_code == "IQ-BG"
