"""``python -m geo gazetteer add FILE... | list | remove NAME``, ``python -m geo place NAME`` and
``python -m geo geocode DESCRIPTION``.

    python -m geo gazetteer add ~/geonames/SY.zip ~/geonames/IQ.zip --name levant
    python -m geo gazetteer list
    python -m geo place "Albu Kamal"
    python -m geo geocode "near the village of Podgorodnoye (Donetsk region)"
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from geo.gazetteer import (AddedSource, Gazetteer, add_source, built_index, default_gazetteer, index_path,
                           list_sources, remove_source)

__all__ = ["GAZETTEER_COMMANDS", "add_gazetteer_commands", "run_gazetteer_command"]

GAZETTEER_COMMANDS = frozenset({"gazetteer", "place", "geocode"})


def add_gazetteer_commands(commands: Any) -> None:
    """Add ``gazetteer`` (add, list, remove) and ``place`` to ``python -m geo``'s subparsers."""
    gazetteer = commands.add_parser("gazetteer", help="add your own GeoNames files to the offline gazetteer")
    actions = gazetteer.add_subparsers(dest="action", required=True, parser_class=type(gazetteer))
    add = actions.add_parser("add", help="read GeoNames dump files (allCountries.zip, XX.zip, cities*.txt, .gz)")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--name", help="what to call this source (default: the first file's name)")
    add.add_argument("--credit", help="the data's credit line (default: GeoNames, CC BY 4.0)")
    add.add_argument("--quiet", action="store_true", help="no progress bar")
    actions.add_parser("list", help="show the built-in data and what was added")
    remove = actions.add_parser("remove", help="take an added source out")
    remove.add_argument("name", metavar="NAME")
    place = commands.add_parser("place", help="look a place name up in the offline gazetteer")
    place.add_argument("name", metavar="NAME")
    place.add_argument("--limit", type=int, default=10, help="how many candidates to show (default: 10)")
    geocode = commands.add_parser("geocode", help="read a location description as one point (JSON)")
    geocode.add_argument("description", metavar="DESCRIPTION", help='e.g. "Mutongo village in Walikale territory"')


def run_gazetteer_command(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "geocode":
        from geo.pipeline import geocode

        found = geocode(args.description)
        out.write(json.dumps(found.to_dict() if found else None, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.command == "place":
        return _place(default_gazetteer(), args.name, args.limit, out)
    if args.action == "add":
        return _add(args, out)
    if args.action == "remove":
        source = remove_source(args.name)
        out.write(f"removed {source.name} ({source.rows:,} places)\n")
        return 0
    return _list(out)


def _add(args: argparse.Namespace, out: TextIO) -> int:
    from tqdm import tqdm  # only for this command

    base = built_index()
    with tqdm(unit=" rows", unit_scale=True, disable=args.quiet or None, file=sys.stderr,
              desc="reading GeoNames") as bar:
        source, changed = add_source(args.files, base, name=args.name, credit=args.credit, progress=bar.update)
    if not changed:
        out.write(f"{source.name} is already loaded from these files: nothing changed\n")
        return 0
    out.write(f"added {source.name}: {source.rows:,} places in {len(source.countries)} countries "
              f"({_kinds(source)}); {source.skipped:,} already built in\n")
    return 0


def _kinds(source: AddedSource) -> str:
    return ", ".join(f"{count:,} {kind}" for kind, count in sorted(source.kinds.items(), key=lambda kv: -kv[1]))


def _list(out: TextIO) -> int:
    out.write(f"built-in: GeoNames cities500, countries, provinces, curated sites ({index_path()})\n")
    sources = list_sources()
    if not sources:
        out.write("added: none (python -m geo gazetteer add FILE...)\n")
    for source in sources:
        countries = " ".join(source.countries[:20]) + (" ..." if len(source.countries) > 20 else "")
        state = "  STALE: add the files again" if source.stale else ""
        out.write(f"{source.name}: {source.rows:,} places, {len(source.countries)} countries ({countries}), "
                  f"added {source.added[:10]}{state}\n  files: {', '.join(source.files)}\n  credit: {source.credit}\n")
    return 0


def _place(gazetteer: Gazetteer, name: str, limit: int, out: TextIO) -> int:
    found = gazetteer.candidates(name.strip(), limit=max(1, limit))
    if not found:
        out.write(f"no place called {name!r} in the gazetteer\n")
        return 0
    for candidate in found:
        where = ", ".join(part for part in (candidate.admin1, candidate.country) if part)
        population = f", population {candidate.population:,}" if candidate.population else ""
        out.write(f"{candidate.name} ({candidate.kind}; {where}{population}) "
                  f"{candidate.lat:.4f}, {candidate.lon:.4f}  match {candidate.score:.2f}\n")
    return 0
