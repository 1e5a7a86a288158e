"""Compose the development set of location descriptions (``geo/data/location_descriptions.csv``).

    python -m geo gazetteer add ../shared/gazetteers/conflict15-wof.geonames.txt.gz   # once
    python scripts/make_location_descriptions.py ../shared/gazetteers/conflict15-wof.geonames.txt.gz

Event datasets locate an event with a short description ("Mutongo village in Walikale territory",
"near the village of Podgorodnoye (Donetsk region)", "Daraa: Nahta", "Bagram airbase"). This script
writes such descriptions for real places drawn at random (fixed seed) from a GeoNames-format file
(villages of the 15 countries of the conflict pack) and from the built-in index (towns of those
and of other conflict-affected countries), in the phrasings of those datasets, with the province
(the one the added gazetteer gives the village) and the nearest district as the dataset would
name them, and a realistic misspelling in about a third of them (a vowel or a
doubled letter changed, "ou"/"u", "Al-"/"El "). The truth is the place's own point. Rows whose
number is divisible by 3 are the test part (``geo.bench.geocode`` reports both).

The pack's villages are spelled from their alternate names as often as from their main name, the
way reports transliterate them; nothing here reads GeoBrief's matching code.
"""

from __future__ import annotations

import csv
import gzip
import math
import random
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

from anyascii import anyascii

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geo" / "data" / "location_descriptions.csv"
SEED = 20261202
COUNTRY_NAMES = {"AF": "Afghanistan", "BF": "Burkina Faso", "CD": "DR Congo", "IL": "Israel", "IQ": "Iraq",
                 "LB": "Lebanon", "ML": "Mali", "MM": "Myanmar", "NG": "Nigeria", "PS": "Palestine", "SD": "Sudan",
                 "SO": "Somalia", "SY": "Syria", "UA": "Ukraine", "YE": "Yemen"}
# What each country's event reports call a province and a district.
PROVINCE_WORD = {"UA": "region", "SY": "governorate", "IQ": "governorate", "YE": "governorate", "AF": "province",
                 "NG": "state", "SD": "state", "MM": "region", "ML": "region", "BF": "region", "SO": "region",
                 "CD": "province", "LB": "governorate", "IL": "district", "PS": "governorate"}
# Towns from the built-in index: the pack's countries and other conflict-affected ones.
TOWN_COUNTRIES = frozenset(COUNTRY_NAMES) | {"ET", "MZ", "LY", "SS", "CF", "CM", "NE", "TD", "PK", "CO", "MX", "HT",
                                             "RU", "TR", "IR", "KE", "PH", "SA", "EG", "IN"}
DISTRICT_WORD = {"UA": "raion", "SY": "district", "IQ": "district", "YE": "district", "AF": "district",
                 "NG": "LGA", "SD": "locality", "MM": "township", "ML": "cercle", "BF": "department",
                 "SO": "district", "CD": "territory", "LB": "district", "IL": "subdistrict", "PS": "district"}


def misspell(name: str, rng: random.Random) -> str:
    """One change a reporter's transliteration makes."""
    choices = []
    if "ou" in name:
        choices.append(name.replace("ou", "u", 1))
    elif "u" in name[1:]:
        index = name.index("u", 1)
        choices.append(name[:index] + "ou" + name[index + 1:])
    if name.startswith("Al "):
        choices.append("Al-" + name[3:])
        choices.append("El " + name[3:])
    if name.startswith("Al-"):
        choices.append(name[3:])
    for index in range(1, len(name) - 1):
        if name[index] == name[index + 1]:
            choices.append(name[:index] + name[index + 1:])  # a doubled letter written once
            break
    vowels = [i for i, ch in enumerate(name) if ch in "aeio" and 0 < i < len(name) - 1]
    if vowels:
        i = rng.choice(vowels)
        choices.append(name[:i] + {"a": "e", "e": "a", "i": "e", "o": "u"}[name[i]] + name[i + 1:])
    return rng.choice(choices) if choices else name


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name) and not any(ch.isdigit() for ch in name) and len(name) >= 4


def read_pack(path: Path) -> tuple[list[dict], list[dict], list[dict]]:
    villages, districts, airports = [], [], []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            f = line.rstrip("\n").split("\t")
            row = {"id": int(f[0]), "name": f[1], "alternates": [a for a in f[3].split(",") if _latin(a)],
                   "lat": float(f[4]), "lon": float(f[5]), "code": f[7], "country": f[8], "admin1": f[10]}
            if f[7] == "PPL" and _latin(f[1]):
                villages.append(row)
            elif f[7] == "ADM2" and _latin(f[1]):
                districts.append(row)
            elif f[7] == "AIRP":
                airports.append(row)
    return villages, districts, airports


def province_names(base_index: Path, added_index: Path) -> tuple[dict[int, str], list[tuple]]:
    """Each added village's province name (GeoNames id -> name), and the built-in towns."""
    connection = sqlite3.connect(f"file:{base_index}?mode=ro", uri=True)
    names = dict(connection.execute("SELECT admin1_code, admin1_name FROM places WHERE kind = 'admin1'").fetchall())
    towns = connection.execute("SELECT geonameid, admin1_name, country, population, name, lat, lon FROM places "
                               "WHERE kind = 'city' AND admin1_name IS NOT NULL").fetchall()
    connection.close()
    connection = sqlite3.connect(f"file:{added_index}?mode=ro", uri=True)
    villages = {geonameid: anyascii(names[code]) for geonameid, code in connection.execute(
        "SELECT geonameid, admin1_code FROM places WHERE kind = 'city'") if code in names}
    connection.close()
    return villages, towns


def nearest(point: dict, others: list[dict], within_km: float) -> dict | None:
    best, best_km = None, within_km
    for other in others:
        km = 111.0 * math.hypot(point["lat"] - other["lat"],
                                (point["lon"] - other["lon"]) * math.cos(math.radians(point["lat"])))
        if km < best_km:
            best, best_km = other, km
    return best


def main(pack: Path, base_index: Path, added_index: Path) -> None:
    rng = random.Random(SEED)
    villages, districts, airports = read_pack(pack)
    province_of, towns = province_names(base_index, added_index)
    by_country_districts: dict[str, list[dict]] = defaultdict(list)
    for d in districts:
        by_country_districts[d["country"]].append(d)
    rows: list[dict] = []
    for village in rng.sample([v for v in villages if v["id"] in province_of], 200):
        district = nearest(village, by_country_districts[village["country"]], 30.0)
        spelled = anyascii(rng.choice([village["name"], *village["alternates"][:3]]))
        misspelt = rng.random() < 0.33
        if misspelt:
            spelled = misspell(spelled, rng)
        country = village["country"]
        province = province_of[village["id"]]
        templates = [
            f"{spelled} village in {district['name']} {DISTRICT_WORD[country]}" if district else None,
            f"near the village of {spelled} ({province} {PROVINCE_WORD[country]})",
            f"{province}: {spelled}",
            f"{spelled}, {province} {PROVINCE_WORD[country]}, {COUNTRY_NAMES[country]}",
            f"{spelled} village, {province}",
            f"{spelled} area ({district['name']} {DISTRICT_WORD[country]}, {province})" if district else None,
            f"{spelled} town in {province} {PROVINCE_WORD[country]}",
        ]
        rows.append({"description": rng.choice([t for t in templates if t]), "lat": village["lat"],
                     "lon": village["lon"], "country": country, "kind": "village", "misspelt": int(misspelt)})
    # Towns of the built-in index in conflict-affected countries, bare or with their province.
    pool = [t for t in towns if t[3] >= 5000 and t[2] in TOWN_COUNTRIES and _latin(t[4])]
    for _geonameid, admin1, country, _population, name, lat, lon in rng.sample(pool, 80):
        misspelt = rng.random() < 0.33
        spelled = misspell(anyascii(name), rng) if misspelt else anyascii(name)
        province = anyascii(admin1)
        text = rng.choice([spelled, f"{spelled} city", f"{spelled} town, {province}", f"{province}: {spelled}",
                           f"outskirts of {spelled}"])
        rows.append({"description": text, "lat": lat, "lon": lon, "country": country, "kind": "town",
                     "misspelt": int(misspelt)})
    for airport in airports:
        base = airport["name"].replace(" Airport", "")
        text = rng.choice([f"{base} airbase", f"{base} airport", f"{base} air base", f"{base} airfield"])
        rows.append({"description": text, "lat": airport["lat"], "lon": airport["lon"], "country": airport["country"],
                     "kind": "airport", "misspelt": 0})
    rng.shuffle(rows)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["description", "lat", "lon", "country", "kind", "misspelt"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} descriptions to {OUT}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from geo.gazetteer import built_index, list_sources
    from geo.gazetteer.added import added_dir, index_file

    added = [s for s in list_sources() if s.name == "conflict15-wof.geonames"]
    if not added:
        raise SystemExit("add the pack first: python -m geo gazetteer add " + sys.argv[1])
    main(Path(sys.argv[1]), built_index(), index_file(added_dir(), added[0].name))
