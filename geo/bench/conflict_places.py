"""Geoparsing on the labelled conflict-news corpus: are its places found and placed right?

    python -m geo.bench.conflict_places [--split dev|test|all] [--details]

The labels (``../shared/conflict-news/truth.jsonl``) give every place mention with its role, kind and
coordinates where the annotators could find them. Scored, for the *literal* entries with coordinates
(one entry = one mention string of one article; right when the toponym GeoBrief reads at the first
of its spans that it reads at all lies within the kind's tolerance):

- **towns and sites** (kinds city, facility, other) within ``TOWN_KM``;
- **every place** within its kind's tolerance: towns and sites as above; a province, country or
  region when read as an area of that level (a province, a country, a region or province) with the
  same country, or within ``AREA_KM`` of the label's rough centre;
- **nothing**: the share of those entries with no resolved toponym at any of their spans;
- **place precision**: of the resolved toponyms GeoBrief returns (demonyms aside), the share that
  lie on a labelled place (any role) and within its tolerance; one on no labelled place is wrong
  ("AUSTIN:" read as Austin, Texas), one on a labelled place without coordinates is not scored.

The gazetteers added under ``GEOBRIEF_CACHE_DIR`` count (``python -m geo gazetteer add``): point it
at a private cache dir to measure with and without one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.bench.conflict_news import AREA_KM, DEFAULT_ROOT, TOWN_KINDS, TOWN_KM, load_articles
from geo.geometry import distance_km
from geo.model import Toponym

__all__ = ["PlaceScores", "entry_right", "main", "score_article"]

_AREA_LEVELS = {"admin1": {"admin1", "region"}, "country": {"country"}, "region": {"region", "admin1", "country"}}


@dataclass
class PlaceScores:
    towns: int = 0
    towns_right: int = 0
    entries: int = 0
    entries_right: int = 0
    nothing: int = 0
    predicted: int = 0
    predicted_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: PlaceScores) -> None:
        for name in ("towns", "towns_right", "entries", "entries_right", "nothing", "predicted", "predicted_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def entry_right(entry: dict[str, Any], toponym: Toponym) -> bool:
    """Whether a resolved toponym is where the label's entry says (tolerance by the entry's kind)."""
    if toponym.lat is None or toponym.lon is None or entry.get("lat") is None:
        return False
    away = distance_km(entry["lat"], entry["lon"], toponym.lat, toponym.lon)
    if entry["kind"] in TOWN_KINDS:
        return away <= TOWN_KM
    if toponym.kind not in _AREA_LEVELS.get(entry["kind"], set()):
        return False
    return (bool(entry.get("country")) and toponym.country == entry["country"]) or away <= AREA_KM


def _spans(entry: dict[str, Any], shift: int) -> list[tuple[int, int]]:
    return [(start - shift, end - shift) for start, end in entry["spans"]]


def _overlapping(toponyms: Sequence[Toponym], start: int, end: int) -> Toponym | None:
    return next((t for t in toponyms if t.start < end and start < t.end), None)


def score_article(truth: dict[str, Any], toponyms: Sequence[Toponym], shift: int) -> PlaceScores:
    """Scores of one article (``shift``: where its text starts in the file the spans index)."""
    scores = PlaceScores()
    read = [t for t in toponyms if not t.demonym and t.lat is not None]
    for entry in truth["places"]:
        if entry["role"] != "literal" or entry.get("lat") is None:
            continue
        found = next((t for s, e in _spans(entry, shift) if (t := _overlapping(read, s, e)) is not None), None)
        right = found is not None and entry_right(entry, found)
        scores.entries += 1
        scores.entries_right += right
        scores.nothing += found is None
        if entry["kind"] in TOWN_KINDS:
            scores.towns += 1
            scores.towns_right += right
        if not right:
            got = "nothing" if found is None else (
                f"{found.name} ({found.kind}, {found.country}) "
                f"{distance_km(entry['lat'], entry['lon'], found.lat, found.lon):.0f} km away")
            scores.errors.append(f"{truth['file'].split('_')[0]} missed {entry['mention']!r} ({entry['kind']}): {got}")
    labelled = [(entry, span) for entry in truth["places"] for span in _spans(entry, shift)]
    for toponym in read:
        on = [entry for entry, (s, e) in labelled if toponym.start < e and s < toponym.end]
        if on and all(entry.get("lat") is None for entry in on):
            continue
        scores.predicted += 1
        if any(entry_right(entry, toponym) for entry in on):
            scores.predicted_right += 1
        else:
            why = "on no labelled place" if not on else "placed wrong"
            scores.errors.append(f"{truth['file'].split('_')[0]} false {toponym.text!r} -> {toponym.name} "
                                 f"({toponym.kind}, {toponym.country}): {why}")
    return scores


def run(root: Path = DEFAULT_ROOT, split: str = "all") -> PlaceScores | None:
    from geo.pipeline import geoparse  # noqa: PLC0415 - loads spaCy and the gazetteer

    articles = load_articles(root, split)
    if not articles:
        return None
    total = PlaceScores()
    for article in articles:
        raw = (root / "articles" / article.truth["file"]).read_text(encoding="utf-8")
        shift = len(raw) - len(article.text)
        total.add(score_article(article.truth, geoparse(article.text), shift))
    return total


def _share(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.conflict_places", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the conflict-news folder")
    parser.add_argument("--details", action="store_true", help="list every miss and false place")
    args = parser.parse_args(argv)
    from geo.gazetteer import list_sources  # noqa: PLC0415

    scores = run(args.root, args.split)
    if scores is None:
        print(f"no labelled articles under {args.root}: nothing to measure")
        return 0
    added = ", ".join(s.name for s in list_sources()) or "none"
    print(f"conflict-news places, split {args.split}; added gazetteers: {added}")
    print(f"towns and sites within {TOWN_KM:.0f} km: {_share(scores.towns_right, scores.towns)}")
    print(f"every place within its tolerance: {_share(scores.entries_right, scores.entries)}")
    print(f"nothing returned:                 {_share(scores.nothing, scores.entries)}")
    print(f"place precision:                  {_share(scores.predicted_right, scores.predicted)}")
    if args.details:
        kinds = Counter(error.split(" ", 2)[1] for error in scores.errors)
        print(f"\n{kinds['missed']} misses, {kinds['false']} false places:")
        for error in scores.errors:
            print(f"  {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
