"""The place search box's data (geo.dashboard.place_search)."""

from __future__ import annotations

from geo.dashboard import place_label, search_places, search_zoom
from geo.model import Candidate


def test_a_name_lists_its_places_best_first() -> None:
    found = search_places("  Albu   Kamal ")
    assert found[0].country == "SY" and found[0].kind == "city"
    assert len({(c.name, round(c.lat, 3), round(c.lon, 3)) for c in found}) == len(found)  # no repeats


def test_a_description_is_read_as_one() -> None:
    found = search_places("Minna, Niger state")
    assert found[0].name == "Minna" and found[0].country == "NG"


def test_nothing_typed_nothing_found() -> None:
    assert search_places("   ") == []
    assert search_places("Xqzvillage") == []


def test_labels_and_zooms() -> None:
    town = Candidate(name="Qaryat", kind="city", country="SY", lat=1.0, lon=2.0, admin1="Homs", population=1200)
    assert place_label(town) == "Qaryat: town, Homs, SY, population 1,200"
    province = Candidate(name="Homs", kind="admin1", country="SY", lat=1.0, lon=2.0, admin1="Homs")
    assert place_label(province) == "Homs: province, SY"
    assert search_zoom(town) > search_zoom(province)
