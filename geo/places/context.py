"""The document context a candidate reading is judged against, at a cost that grows with the log of
the number of names rather than with the number itself.

    chosen = ChosenReadings({"aleppo": aleppo, "idlib": idlib})
    chosen.features([candidate, ...], own="homs")   # == [context_features(c, others) for c in ...]
    chosen.choose("idlib", another_reading)

``geo.places.ranking.context_features`` says what the features mean, against a list of the other
names' readings: that is a pass over every other name for every candidate, some six million
distances for a text of 1,000 names and hours for 20,000. ``ChosenReadings`` keeps the same
answers as tallies (per country, per province) and two nearest-point indexes
(``geo.places.spatial``), kept up to date as the readings change: the features of one candidate
cost a few tree queries.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from geo.geometry import distance_km
from geo.model import Candidate
from geo.places.ranking import COARSE_KINDS, COARSE_SCALE_KM, LOCAL_SCALE_KM
from geo.places.spatial import NearestPoints, unit_vectors

__all__ = ["ChosenReadings"]


class ChosenReadings:
    """The reading chosen for each of a document's names, and the context features of a candidate
    against all of them but its own name's (``geo.places.ranking.context_features``, the same numbers)."""

    def __init__(self, chosen: Mapping[str, Candidate | None]) -> None:
        self._chosen: dict[str, Candidate] = {}
        self._countries: Counter[str] = Counter()  # readings per country
        self._provinces: Counter[tuple[str, str]] = Counter()  # province readings, by (country, name)
        self._local: Counter[tuple[str, str]] = Counter()  # sub-national readings, by (country, province)
        self._with_country = self._local_total = 0
        self._coarse, self._fine = NearestPoints(), NearestPoints()
        for name, candidate in chosen.items():
            self.choose(name, candidate)

    def choose(self, name: str, candidate: Candidate | None) -> None:
        """Make ``candidate`` the reading of ``name`` (None: it has none)."""
        old = self._chosen.pop(name, None)
        if old is not None:
            self._tally(old, -1)
        if candidate is not None:
            self._chosen[name] = candidate
            self._tally(candidate, +1)
        coarse = candidate is not None and candidate.kind in COARSE_KINDS
        point = None if candidate is None else (candidate.lat, candidate.lon)
        self._coarse.move(name, point if coarse else None)
        self._fine.move(name, point if candidate is not None and not coarse else None)

    def _tally(self, reading: Candidate, sign: int) -> None:
        if reading.country:
            self._countries[reading.country] += sign
            self._with_country += sign
        if reading.kind == "admin1":
            self._provinces[(reading.country, reading.name)] += sign
        if _is_local(reading):
            self._local[(reading.country, reading.admin1)] += sign
            self._local_total += sign

    def features(self, candidates: Sequence[Candidate], own: str) -> list[dict[str, float]]:
        """The context features of each candidate of the name ``own``: its reading does not count."""
        mine = self._chosen.get(own)
        others = len(self._chosen) - (mine is not None)
        if not others:
            return [{} for _ in candidates]
        with_country = self._with_country - (mine is not None and bool(mine.country))
        local_total = self._local_total - (mine is not None and _is_local(mine))
        points = unit_vectors([c.lat for c in candidates], [c.lon for c in candidates])
        near_coarse = self._coarse.nearest(points, besides=own)
        near_fine = self._fine.nearest(points, besides=own)
        rows: list[dict[str, float]] = []
        for candidate, coarse, fine in zip(candidates, near_coarse, near_fine):
            f: dict[str, float] = {}
            if candidate.country and with_country:
                same = self._countries[candidate.country] - (mine is not None and mine.country == candidate.country)
                f["focus_country"] = same / others
            if candidate.admin1:
                key = (candidate.country, candidate.admin1)
                if self._provinces[key] - (mine is not None and mine.kind == "admin1"
                                           and (mine.country, mine.name) == key) > 0:
                    f["named_province"] = 1.0
                if candidate.kind not in COARSE_KINDS and local_total:
                    same = self._local[key] - (mine is not None and _is_local(mine)
                                               and (mine.country, mine.admin1) == key)
                    f["focus_province"] = same / local_total
            fine_scale = COARSE_SCALE_KM if candidate.kind in COARSE_KINDS else LOCAL_SCALE_KM
            f["closeness"] = max(_closeness(candidate, coarse, COARSE_SCALE_KM),
                                 _closeness(candidate, fine, fine_scale))
            rows.append(f)
        return rows


def _is_local(reading: Candidate) -> bool:
    """A sub-national reading below the province: what the focus province is judged on."""
    return bool(reading.admin1) and reading.kind not in COARSE_KINDS


def _closeness(candidate: Candidate, point: tuple[float, float] | None, scale: float) -> float:
    if point is None:
        return 0.0
    return math.exp(-distance_km(candidate.lat, candidate.lon, point[0], point[1]) / scale)
