"""Coarser readings of unknown place names (geo.name_fallbacks)."""

from __future__ import annotations

from geo.name_fallbacks import DEMONYM, HEAD, PART, fallback_names


def _names(text: str) -> dict[str, str]:
    return dict(fallback_names(text))


def test_demonyms_yield_their_place() -> None:
    assert _names("Ohioans").get("Ohio") == DEMONYM
    assert _names("Ontarians").get("Ontario") == DEMONYM
    assert _names("European").get("Europe") == DEMONYM
    assert _names("South Ossetian").get("South Ossetia") == DEMONYM


def test_features_named_after_places_yield_the_place() -> None:
    assert _names("Neches River").get("Neches") == HEAD
    assert _names("Port of Los Angeles").get("Los Angeles") == HEAD
    assert _names("Pearson International Airport").get("Pearson") == HEAD


def test_parts_of_places_yield_the_place() -> None:
    assert _names("South Los Angeles").get("Los Angeles") == PART
    assert _names("Greater Toronto Area").get("Toronto") == PART


def test_no_readings_for_plain_names() -> None:
    assert fallback_names("") == []
    assert all(name.lower() != "paris" for name, _ in fallback_names("Paris"))
