"""Location descriptions to points: how often ``geo.geocode`` lands within 25 km.

    python -m geo.bench.geocode [--file geo/data/location_descriptions.csv] [--split dev|test|all] [--details]

The default file holds about 300 descriptions in the phrasings of event datasets ("X village in Y
territory", "near X (Y region)", "Y: X", "X airbase"), composed from real places by
``scripts/make_location_descriptions.py`` (see its docstring: villages of the conflict pack spelled
from their main or alternate names, a third of them misspelt; towns of conflict-affected
countries; airports). Rows whose number (from 0, after the header) is divisible by 3 are the test
part. Any CSV with ``description``, ``lat`` and ``lon`` columns can be measured the same way.

Prints, for the split and per kind of place: the share whose point lies within 25 km of the truth,
the share with nothing returned, and the time per description. The gazetteers added under
``GEOBRIEF_CACHE_DIR`` count: measure with and without one by pointing it at another folder.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

from geo.geometry import distance_km
from geo.settings import DATA_DIR

DEFAULT_FILE = DATA_DIR / "location_descriptions.csv"
WITHIN_KM = 25.0


def load(path: Path, split: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row for number, row in enumerate(rows)
            if split == "all" or (number % 3 == 0) == (split == "test")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.geocode", description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--details", action="store_true", help="list every description not within 25 km")
    args = parser.parse_args(argv)
    import geo  # noqa: PLC0415 - after parsing, so --help is quick
    from geo.gazetteer import default_gazetteer, list_sources  # noqa: PLC0415

    rows = load(args.file, args.split)
    default_gazetteer()  # built or opened before timing
    right: dict[str, int] = defaultdict(int)
    nothing: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    started = time.perf_counter()
    for row in rows:
        kind = row.get("kind") or "all"
        found = geo.geocode(row["description"])
        for key in (kind, "all"):
            total[key] += 1
        if found is None:
            for key in (kind, "all"):
                nothing[key] += 1
            misses.append(f"  nothing  {row['description']}")
            continue
        away = distance_km(float(row["lat"]), float(row["lon"]), found.lat, found.lon)
        if away <= WITHIN_KM:
            for key in (kind, "all"):
                right[key] += 1
        else:
            misses.append(f"  {away:7.0f} km  {row['description']}  ->  {found.name} ({found.kind}, "
                          f"{found.admin1}, {found.country})")
    seconds = time.perf_counter() - started
    added = ", ".join(s.name for s in list_sources()) or "none"
    print(f"location descriptions: {args.file.name}, split {args.split}; added gazetteers: {added}")
    for key in ["all", *sorted(k for k in total if k != "all")]:
        print(f"  {key:9s} within {WITHIN_KM:.0f} km {right[key] / total[key]:.3f} ({right[key]}/{total[key]})  "
              f"nothing {nothing[key] / total[key]:.3f} ({nothing[key]})")
    print(f"  {seconds / max(len(rows), 1) * 1000:.1f} ms per description")
    if args.details:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
