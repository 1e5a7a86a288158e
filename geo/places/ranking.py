"""The features and weights that rank a name's gazetteer candidates.

A candidate's score is a weighted sum of features: its *prior* (name similarity, population,
kind of feature, capital, how many names the place has, whether the mention matched a main name
or a secondary alternate name, the span's cue: "the city of X", "X province", "X, Georgia") and
its *context* (the document's focus countries and provinces, the provinces it names, the
provinces and towns its other names may lie at whatever reading they get, the distance to its
other places). ``geo.places.resolve`` turns scores into probabilities by a softmax.

The weights live in ``geo/data/ranker_weights.json``, fitted by ``python -m geo.bench.ranker_fit``
on a corpus kept apart from the evaluation corpora; ``DEFAULT_WEIGHTS`` (set by hand) are the
starting point of that fit and the fallback when the file is absent.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from geo.gazetteer import fold_name
from geo.geometry import distance_km
from geo.model import Candidate
from geo.settings import DATA_DIR

__all__ = ["DEFAULT_WEIGHTS", "FEATURES", "LOCAL_KINDS", "WEIGHTS_PATH", "NearbyReadings", "ProvinceVotes",
           "candidate_provinces", "context_features", "dot", "load_weights", "prior_features"]

WEIGHTS_PATH = DATA_DIR / "ranker_weights.json"
COARSE_KINDS = frozenset({"country", "region"})
# How far closeness reaches: points of countries and regions are rough centres, judged on a wider scale.
COARSE_SCALE_KM, LOCAL_SCALE_KM = 1000.0, 250.0

DEFAULT_WEIGHTS: dict[str, float] = {
    # prior
    "name_score": 2.5, "popularity": 1.0, "country": 1.2, "admin1": 0.4, "region": 1.3, "facility": 1.1,
    "admin2": -0.3, "capital": 0.6, "city_name_count": 0.3, "city_alternate_name": -0.3,
    "loc_label_region": 0.8, "loc_label_facility": 0.3,
    "province_cue_admin1": 1.5, "province_cue_region": 0.5, "province_cue_city": -0.5,
    "city_cue_city": 1.2, "city_cue_country": -1.2, "city_cue_admin1": -1.2, "city_cue_region": -1.0,
    "facility_cue_facility": 1.0, "facility_cue_city": -0.3,
    "container_match": 2.0, "container_mismatch": -1.0, "province_named_like_big_city": -0.9,
    "province_named_like_capital": -0.9,
    # context
    "focus_country": 1.2, "named_province": 0.5, "focus_province": 1.0, "closeness": 0.8,
    "province_vote": 1.0, "nearby_reading": 1.0,
}
FEATURES: tuple[str, ...] = tuple(DEFAULT_WEIGHTS)
_CONTEXT = ("focus_country", "named_province", "focus_province", "closeness", "province_vote",
            "nearby_reading")
PRIOR_FEATURES: tuple[str, ...] = tuple(f for f in FEATURES if f not in _CONTEXT)
CONTEXT_FEATURES: tuple[str, ...] = _CONTEXT


def popularity(population: int) -> float:
    return min(math.log10(population + 1) / 7.0, 1.2)


# A curated region or site (an ocean, "the Middle East", an air base, the White House) has no
# population, yet news names it as readily as a big city: it ranks as prominent as a city of a
# million ("the Atlantic" is the ocean, not Atlantic, Iowa).
CURATED_PROMINENCE = popularity(1_000_000)


def container_match(candidate: Candidate, containers: Sequence[Candidate]) -> bool:
    for container in containers:
        if container.kind == "country" and candidate.country == container.country:
            return True
        if container.kind == "admin1" and candidate.country == container.country and (
            candidate.admin1 and fold_name(candidate.admin1) == fold_name(container.name)
        ):
            return True
    return False


def _named_like_its_province(city: Candidate, rivals: Sequence[Candidate]) -> bool:
    """'Raqqa' is an alternate name of Ar Raqqah, and the main name of the province it is the seat
    of: no doubtful name, but the city's name in English (unless the city goes by '<name> City',
    as New York does)."""
    return any(r.kind == "admin1" and r.main_name and r.country == city.country and r.admin1 == city.admin1
               and r.score >= city.score - 0.03 for r in rivals)


def prior_features(candidate: Candidate, rivals: Sequence[Candidate], *, cue: str | None, label: str | None,
                   containers: Sequence[Candidate], capital: bool,
                   rival_capitals: Sequence[Candidate] = (),
                   called_city: frozenset[int] = frozenset()) -> dict[str, float]:
    """Features of a candidate that depend on the mention alone (``rivals``: all its candidates,
    ``rival_capitals``: those that are national capitals, ``called_city``: ids of the rival cities
    also named "<the name> City", as Quebec and New York are)."""
    kind = candidate.kind
    prominence = (CURATED_PROMINENCE if kind in {"region", "facility"} and not candidate.population
                  else popularity(candidate.population))
    f: dict[str, float] = {"name_score": candidate.score, "popularity": prominence}
    if kind in {"country", "admin1", "region", "facility", "admin2"}:
        f[kind] = 1.0
    if capital:
        f["capital"] = 1.0
    if kind == "city":
        f["city_name_count"] = math.log10(max(candidate.name_count, 1))
        if not candidate.main_name and (candidate.geonameid in called_city
                                        or not _named_like_its_province(candidate, rivals)):
            f["city_alternate_name"] = 1.0
    if label == "LOC" and kind in {"region", "facility"}:
        f[f"loc_label_{kind}"] = 1.0
    if cue in {"province", "province_of"} and kind in {"admin1", "region", "city"}:
        f[f"province_cue_{kind}"] = 1.0
    elif cue in {"city", "city_of"} and kind in {"city", "country", "admin1", "region"}:
        f[f"city_cue_{kind}"] = 1.0
    elif cue == "facility" and kind in {"facility", "city"}:
        f[f"facility_cue_{kind}"] = 1.0
    elif cue == "comma_state" and containers:
        f["container_match" if container_match(candidate, containers) else "container_mismatch"] = 1.0
    if kind == "admin1" and cue not in {"province", "province_of"}:
        # A big city inside the province of the same name is the usual reading ("Homs", "Aleppo"),
        # unless the city goes by "<name> City": then the bare name is the province ("Quebec").
        for other in rivals:
            if (other.kind == "city" and other.geonameid not in called_city
                    and other.country == candidate.country and other.admin1 == candidate.admin1
                    and other.score >= candidate.score - 0.03
                    and other.population >= min(50_000, 0.15 * max(candidate.population, 1))):
                f["province_named_like_big_city"] = 1.0
                break
        # "Washington" is the capital far more often than the state of that name.
        if any(c.country == candidate.country and c.score >= candidate.score - 0.03 for c in rival_capitals):
            f["province_named_like_capital"] = 1.0
    return f


def context_features(candidate: Candidate, places: Sequence[Candidate]) -> dict[str, float]:
    """Agreement of a candidate with the places chosen for the document's other names. What the
    features mean, over a list: ``geo.places.context.ChosenReadings`` gives the same for a whole
    document at a cost that does not grow with the square of its names."""
    if not places:
        return {}
    f: dict[str, float] = {}
    countries = Counter(p.country for p in places if p.country)
    if candidate.country and countries:
        f["focus_country"] = countries[candidate.country] / len(places)
    provinces = {(p.country, p.name) for p in places if p.kind == "admin1"}
    if candidate.admin1 and (candidate.country, candidate.admin1) in provinces:
        f["named_province"] = 1.0
    if candidate.admin1 and candidate.kind not in COARSE_KINDS:
        # The document's focus province: the share of its other sub-national places in the same one.
        local = [p for p in places if p.admin1 and p.kind not in COARSE_KINDS]
        if local:
            same = sum(1 for p in local if (p.country, p.admin1) == (candidate.country, candidate.admin1))
            f["focus_province"] = same / len(local)
    closeness = 0.0
    for place in places:
        coarse = candidate.kind in COARSE_KINDS or place.kind in COARSE_KINDS
        scale = COARSE_SCALE_KM if coarse else LOCAL_SCALE_KM
        closeness = max(closeness, math.exp(-distance_km(candidate.lat, candidate.lon, place.lat, place.lon) / scale))
    f["closeness"] = closeness
    return f


def candidate_provinces(candidates: Sequence[Candidate]) -> frozenset[tuple[str, str]]:
    """The provinces a name may lie in: those of its exactly spelled sub-national candidates."""
    return frozenset((c.country, c.admin1) for c in candidates
                     if c.country and c.admin1 and c.kind not in COARSE_KINDS and c.score >= 0.97)


class ProvinceVotes:
    """How strongly the document's other names point at a candidate's province, whatever reading
    each of them is given: each name that may lie in some province splits one vote among the
    provinces it may lie in ("Huntingdon" and "McKenzie" both have a Tennessee reading, so "Paris"
    in Tennessee gets their votes). The tallies are made once per document."""

    def __init__(self, provinces_by_name: Mapping[str, frozenset[tuple[str, str]]]) -> None:
        self._provinces = {name: provinces for name, provinces in provinces_by_name.items() if provinces}
        self._tally: defaultdict[tuple[str, str], float] = defaultdict(float)
        for provinces in self._provinces.values():
            for key in provinces:
                self._tally[key] += 1.0 / len(provinces)

    def features(self, candidate: Candidate, own_name: str) -> dict[str, float]:
        """``province_vote``: the other names' votes for this candidate's province, per voting name."""
        if not candidate.admin1 or candidate.kind in COARSE_KINDS:
            return {}
        own = self._provinces.get(own_name, frozenset())
        voters = len(self._provinces) - (1 if own else 0)
        if not voters:
            return {}
        key = (candidate.country, candidate.admin1)
        votes = self._tally.get(key, 0.0) - (1.0 / len(own) if key in own else 0.0)
        return {"province_vote": max(votes, 0.0) / voters}


NEARBY_KM = 40.0  # a county and its seat, neighbouring towns
LOCAL_KINDS = frozenset({"city", "admin2", "facility"})  # town-level kinds


class NearbyReadings:
    """Where the document's names may lie at town level: every exactly spelled reading (town,
    county, facility) of every name, on a grid, to ask how many *other* names have a reading near
    a candidate ("Paris" and "Henry County": Paris, Tennessee is the seat of Henry County,
    Tennessee, and no other pair of their readings is as close)."""

    def __init__(self, readings: Mapping[str, Sequence[Candidate]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        self._names: set[str] = set()
        for name, candidates in readings.items():
            for c in candidates:
                if c.kind in LOCAL_KINDS and c.score >= 0.97:
                    self._cells.setdefault((math.floor(c.lat), math.floor(c.lon)), []).append((name, c.lat, c.lon))
                    self._names.add(name)

    def features(self, candidate: Candidate, own_name: str) -> dict[str, float]:
        """``nearby_reading``: the share of the other names with a reading within NEARBY_KM."""
        voters = len(self._names) - (own_name in self._names)
        if not voters or candidate.kind not in LOCAL_KINDS:
            return {}
        row, column = math.floor(candidate.lat), math.floor(candidate.lon)
        reach = math.ceil(NEARBY_KM / max(111.0 * math.cos(math.radians(min(abs(candidate.lat), 89.0))), 1.0))
        near: set[str] = set()
        for dr in (-1, 0, 1):
            for dc in range(-reach, reach + 1):
                for name, lat, lon in self._cells.get((row + dr, (column + dc + 180) % 360 - 180), ()):
                    if (name != own_name and name not in near
                            and distance_km(candidate.lat, candidate.lon, lat, lon) <= NEARBY_KM):
                        near.add(name)
        return {"nearby_reading": len(near) / voters} if near else {}


def dot(features: Mapping[str, float], weights: Mapping[str, float]) -> float:
    return sum(value * weights.get(name, 0.0) for name, value in features.items())


@lru_cache(maxsize=4)
def load_weights(path: Path = WEIGHTS_PATH) -> dict[str, float]:
    """The fitted weights, or the defaults when no fitted file exists (unknown names are ignored)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fitted = data["weights"]
    except (OSError, ValueError, KeyError, TypeError):
        return dict(DEFAULT_WEIGHTS)
    return {name: float(fitted.get(name, default)) for name, default in DEFAULT_WEIGHTS.items()}
