"""Airports and air bases from airportsdata, and fuzzy matching that ignores a long shared ending."""

from __future__ import annotations

from geo.gazetteer import default_gazetteer
from geo.gazetteer.airports import load_airports
from geo.gazetteer.index import _distinct_ratio
from geo.gazetteer.normalize import name_key


def test_an_air_base_goes_by_the_forms_news_uses_never_by_the_town_name() -> None:
    bases = {a.name: a for a in load_airports([])}
    bagram = bases["Bagram Air Base"]
    assert {"bagram airbase", "bagram airfield", "bagram airport"} <= {a.lower() for a in bagram.aliases}
    assert "Bagram" not in bagram.aliases and bagram.country == "AF"


def test_an_airport_named_after_its_city_and_more_goes_by_the_rest_too() -> None:
    airports = load_airports([], big_cities={("CA", "toronto")})
    pearson = next(a for a in airports if a.name == "Toronto Pearson International Airport")
    assert "Pearson International Airport" in pearson.aliases


def test_an_airport_near_a_curated_site_is_that_site() -> None:
    bagram = next(a for a in load_airports([]) if a.name == "Bagram Air Base")
    assert not [a for a in load_airports([(bagram.lat + 0.01, bagram.lon)]) if a.name == "Bagram Air Base"]


def test_lookups() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.candidates("Bagram airbase")[0].kind == "facility"
    assert all(c.kind != "facility" for c in gazetteer.candidates("Bagram"))


def test_a_long_shared_ending_is_no_evidence_of_the_same_name() -> None:
    assert _distinct_ratio("pearsoninternationalairport", "parisinternationalairport") < 80
    assert _distinct_ratio("deirzor", "dayrzor") == 100.0  # no generic ending: the plain ratio stands
    assert default_gazetteer().candidates("Pearsen International Airport")[0].name == \
        "Toronto Pearson International Airport"


def test_an_airport_without_a_name_of_its_own_is_left_out() -> None:
    assert all(name_key(a.name) != "airport" for a in load_airports([]))
    assert not [c for c in default_gazetteer().candidates("Airport") if c.kind == "facility"]
