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


def test_the_found_place_is_marked_with_its_escaped_label() -> None:
    import folium

    from geo.dashboard import found_place_marker

    place = Candidate(name="<b>Qaryat</b>", kind="city", country="SY", lat=34.5, lon=40.9)
    figure = folium.Map(location=(34.5, 40.9), tiles=None)
    found_place_marker(place).add_to(figure)
    rendered = figure.get_root().render()
    assert "&lt;b&gt;Qaryat&lt;/b&gt;: town, SY" in rendered and "<b>Qaryat</b>" not in rendered
    assert "34.5" in rendered and "40.9" in rendered
