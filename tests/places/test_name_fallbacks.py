"""Coarser readings of unknown place names (geo.places.name_fallbacks)."""

from __future__ import annotations

from geo.places.name_fallbacks import DEMONYM, EMBEDDED, HEAD, PART, article_apart, fallback_names


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


def test_places_inside_the_names_of_bodies_and_buildings() -> None:
    assert _names("Delhi High Court").get("Delhi") == EMBEDDED
    assert _names("Seoul Central District Court").get("Seoul") == EMBEDDED
    assert _names("Bank of England").get("England") == EMBEDDED
    assert _names("British Embassy Tokyo").get("Tokyo") == EMBEDDED
    assert _names("New York Auto Show").get("New York") == EMBEDDED


def test_no_embedded_place_where_the_name_points_elsewhere() -> None:
    # An embassy lies abroad from the country it is named after; streets are named after faraway
    # places; a county's seat is not its county; "de France" and "St. Thomas" are parts of names.
    for text, place in [("Embassy of the Republic of Armenia", "Armenia"), ("Russian Embassy", "Russian"),
                        ("Hampton Avenue", "Hampton"), ("Montgomery County History Center", "Montgomery"),
                        ("Stade de France", "France"), ("University of St. Thomas", "Thomas"),
                        ("Northern Trust", "Northern"), ("Convention Centre", "Centre"),
                        ("Villa Dunmore", "Dunmore"), ("Camp Springfield", "Springfield")]:  # a villa, a base so named
        assert _names(text).get(place) != EMBEDDED, text


def test_an_arabic_article_written_onto_a_name_is_set_apart() -> None:
    assert [article_apart(n) for n in ("Elbur", "Alqaim", "Ashsharqat", "Elba", "Berlin")] == [
        "El Bur", "Al Qaim", "Ash Sharqat", None, None]


def test_an_arabic_name_joined_by_its_article_is_one_name() -> None:
    # "Wadi al-Tarsa" is a valley's name: not a place "Wadi" nor a place "Tarsa"; nor "Ras el-Kilmar"'s parts
    assert _names("Wadi al-Tarsa") == {}
    assert _names("Ras el-Kilmar Port") == {"Ras el Kilmar": HEAD}
    assert _names("Tarsa Kilmar") == {"Tarsa": EMBEDDED, "Kilmar": EMBEDDED}  # no article: the parts are tried
