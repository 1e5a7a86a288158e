"""Location descriptions (geo.places.describe) and their reading as one point (geo.geocode)."""

from __future__ import annotations

import pytest

import geo
from geo.errors import InputError
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.places.describe import Container, parse_description
from geo.places.geocode import geocode_description


@pytest.mark.parametrize(("text", "name", "feature", "near", "containers"), [
    ("Qaryat village in Walikale territory", "Qaryat", "town", False, [("Walikale", "district")]),
    ("near the village of Qaryat (Donetsk region)", "Qaryat", None, True, [("Donetsk", "province")]),
    ("Daraa: Qaryat", "Qaryat", None, False, [("Daraa", None)]),
    ("Qaryat area (Akre district, Nineveh)", "Qaryat", "area", False, [("Akre", "district"), ("Nineveh", None)]),
    ("Qaryat, North Kivu province, DR Congo", "Qaryat", None, False, [("North Kivu", "province"), ("DR Congo", None)]),
    ("Court complex, Misrata", "Court complex", None, False, [("Misrata", None)]),
    ("12 km south-east of Qaryat", "Qaryat", None, True, []),
    ("between Qaryat and Bigtown", "Qaryat", None, True, []),
    ("the province of Idlib", "", None, False, [("Idlib", "province")]),
])
def test_descriptions_split_into_place_and_areas(text: str, name: str, feature: str | None, near: bool,
                                                 containers: list[tuple[str, str | None]]) -> None:
    parsed = parse_description(text)
    assert (parsed.name, parsed.feature, parsed.near) == (name, feature, near)
    assert parsed.containers == tuple(Container(n, level) for n, level in containers)


def test_facility_words_are_kept_for_the_facility_lookup() -> None:
    parsed = parse_description("Qasr Nimrin air base")
    assert (parsed.name, parsed.feature, parsed.facility_text) == ("Qasr Nimrin", "facility", "Qasr Nimrin air base")


def test_a_village_inside_its_province(with_villages: Gazetteer) -> None:
    found = geocode_description("Zubaida village, Damascus governorate, Syria", with_villages)
    assert found is not None and (found.name, found.country, found.approximate) == ("Zubaydah", "SY", False)
    assert found.admin1 == default_gazetteer().candidates("Damascus")[0].admin1


def test_an_air_base_by_its_facility_words(with_villages: Gazetteer) -> None:
    found = geocode_description("Qasr Nimrin airbase", with_villages)
    assert found is not None and found.kind == "facility" and found.name == "Qasr Nimrin Air Base"


def test_an_unknown_place_falls_back_to_its_area_marked_approximate(with_villages: Gazetteer) -> None:
    found = geocode_description("Xqzvillage village, Homs governorate", with_villages)
    assert found is not None and found.approximate and found.kind == "admin1" and found.country == "SY"
    assert found.confidence <= 0.5


def test_a_place_outside_the_named_country_is_not_taken(with_villages: Gazetteer) -> None:
    # Zubaydah is only known in Syria: named in Iraq, the reading falls back to Iraq itself.
    found = geocode_description("Zubaydah, Iraq", with_villages)
    assert found is not None and found.country == "IQ" and found.kind == "country" and found.approximate


def test_a_province_named_like_a_country_is_read_by_the_place_inside_it() -> None:
    # "Niger" is a country and a Nigerian state; Minna lies in the state.
    found = geo.geocode("Niger: Minna")
    assert found is not None and found.country == "NG" and found.name == "Minna"


def test_bare_well_known_names() -> None:
    netanya = geo.geocode("Netanya")
    assert netanya is not None and netanya.country == "IL" and netanya.kind == "city"
    misrata = geo.geocode("Court complex, Misrata")  # the site is unknown: the city, not its province
    assert misrata is not None and misrata.kind == "city" and misrata.country == "LY" and misrata.approximate


def test_nothing_known() -> None:
    assert geo.geocode("Xqzvillage") is None


def test_a_namesake_spelled_otherwise_is_no_answer_when_the_named_areas_are_unknown() -> None:
    # Neither the village nor the district is in the built-in data; Matongo, Tanzania only resembles it.
    assert geo.geocode("Mutongo village in Xqzdistrict territory") is None
    assert geo.geocode("Matongo village in Xqzdistrict territory") is not None  # the name itself: still a reading


@pytest.mark.parametrize("bad", ["", "   ", "x" * 501])
def test_bad_descriptions_are_refused(bad: str) -> None:
    with pytest.raises(InputError):
        geo.geocode(bad)
