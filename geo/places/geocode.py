"""A location description to one point: the finest place it names, inside the areas it names.

    geocode_description("Mutongo village in Walikale territory", default_gazetteer())
    # with a gazetteer that holds them (the conflict pack added):
    # Geocode(name='Mutongo', kind='city', country='CD', admin1='North Kivu', district='Walikale', ...)
    # with the built-in data alone, which knows neither: None (not Matongo, Tanzania)

The description is split by ``geo.places.describe``. Its areas are read coarsest first, each inside
the ones before it (a country, then a province of that country, then a district of that province);
each keeping a few readings ("Niger" is a country and a Nigerian state: the place decides); then
the place's candidates are ranked by how well they fit: the spelling, lying inside the areas (in the
country, in the province, near the district), the kind of place the words say ("airbase": a
facility; "village": a town, not a province), being the town a district of the same name is named
after, and, when nothing else decides, prominence (a city of 200,000 before a hamlet of the same
name) and, for a bare name, lying in a country the user added a gazetteer for (their area of
work). When the place itself is not found, the finest area stands for it, marked approximate; when none of
the areas a description names is known, a namesake spelled otherwise is no answer. ``geo.geocode`` is the
public face.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from geo.gazetteer import Gazetteer, fold_name
from geo.geometry import distance_km
from geo.model import Candidate
from geo.places.describe import Container, Description, parse_description
from geo.places.ranking import popularity

__all__ = ["Geocode", "geocode_description"]

@dataclass(frozen=True, slots=True)
class Geocode:
    """A location description read as one point (``geo.geocode``): the finest place it names, the
    areas it lies in, and how sure the reading is. ``approximate``: the point is an area's (the
    place itself was not found) or the description says "near" it."""

    query: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    district: str | None
    lat: float
    lon: float
    geonameid: int | None
    confidence: float
    matched: str  # the words of the description the point is for
    approximate: bool = False
    alternatives: tuple[Candidate, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query, "name": self.name, "kind": self.kind, "country": self.country,
            "admin1": self.admin1, "district": self.district, "lat": self.lat, "lon": self.lon,
            "geonameid": self.geonameid, "confidence": self.confidence, "matched": self.matched,
            "approximate": self.approximate, "alternatives": [c.to_dict() for c in self.alternatives],
        }


_MIN_NAME_SCORE = 0.8  # below this a candidate's spelling is too far from the description's
_EXACT_SPELLING = 0.97  # an exact or transliteration-key match; below it, a namesake spelled otherwise
_MIN_AREA_SCORE = 0.85
_AREA_READINGS = 4  # readings kept per area ("Niger": the country, the Nigerian state)
_FOCUS_BONUS = 0.3  # a bare name in a country the user added a gazetteer for
_SEAT_KM = 30.0
_SEAT_BONUS = 0.6
_DISTRICT_KM = 40.0  # the scale of "near the district's point"
_FAR_KM = 120.0  # farther than this from a district's point: not in it
_TEMPERATURE = 0.5
_CANDIDATES = 50


def _is(candidate: Candidate, container: Candidate) -> bool:
    return (candidate.kind, candidate.country, candidate.lat, candidate.lon) == (
        container.kind, container.country, container.lat, container.lon)


def _inside(candidate: Candidate, area: Candidate) -> float:
    """How well a candidate lies in an area already read: > 0 inside, < 0 outside."""
    if area.kind == "country":
        return 1.0 if candidate.country == area.country else -3.0
    if candidate.country != area.country:
        return -3.0
    if area.kind == "admin1":
        if not candidate.admin1:
            return 0.0
        return 1.5 if fold_name(candidate.admin1) == fold_name(area.name) else -1.5
    away = distance_km(candidate.lat, candidate.lon, area.lat, area.lon)  # a district or a town's point
    return 1.5 * math.exp(-away / _DISTRICT_KM) - (2.0 if away > _FAR_KM else 0.0)


_LEVEL_KINDS = {"district": ("admin2", "city"), "province": ("admin1", "region"),
                None: ("country", "admin1", "region", "admin2", "city")}


def _area_readings(container: Container, outer: Sequence[Sequence[Candidate]], gazetteer: Gazetteer
                   ) -> list[Candidate]:
    """The readings of an area the description names, best first: those lying in the coarser areas
    already read. "Niger" may be the country or the Nigerian state: both are kept, and the place
    decides (a village of Niger state)."""
    kinds = _LEVEL_KINDS[container.level]
    found = [c for c in gazetteer.candidates(container.name, limit=_CANDIDATES)
             if c.kind in kinds and c.score >= _MIN_AREA_SCORE]
    if container.level is None:
        country = gazetteer.demonym_country(container.name)
        found += [country] if country is not None else []

    def fit(c: Candidate) -> tuple[float, ...]:
        return (round(c.score, 2), sum(_within_any(c, readings) for readings in outer), -kinds.index(c.kind),
                c.population)

    found = [c for c in found if all(_within_any(c, readings) > -1.0 for readings in outer)]
    return sorted(found, key=fit, reverse=True)[:_AREA_READINGS]


def _within_any(candidate: Candidate, readings: Sequence[Candidate]) -> float:
    """How well a candidate lies in one of an area's readings (the first, likeliest, preferred)."""
    if not readings:
        return 0.0
    return max(_inside(candidate, reading) - 0.3 * rank for rank, reading in enumerate(readings))


def _fit(candidate: Candidate, rivals: Sequence[Candidate], areas: Sequence[Sequence[Candidate]],
         description: Description, focus: frozenset[str]) -> float:
    score = 3.0 * candidate.score + popularity(candidate.population) + (0.2 if candidate.main_name else 0.0)
    score += sum(_within_any(candidate, readings) for readings in areas)
    if not areas and candidate.country in focus:
        score += _FOCUS_BONUS
    feature = description.feature
    if feature == "facility":
        score += 1.5 if candidate.kind == "facility" else 0.0
    elif feature == "town":
        score += 0.5 if candidate.kind == "city" else (-1.0 if candidate.kind in {"country", "admin1"} else 0.0)
    if candidate.kind == "city" and any(r.kind == "admin2" and r.score >= 0.97 and r.country == candidate.country
                                        and distance_km(r.lat, r.lon, candidate.lat, candidate.lon) <= _SEAT_KM
                                        for r in rivals):
        score += _SEAT_BONUS  # the town a district is named after: its seat ("Ras al-Ain")
    if candidate.kind == "admin1" and any(
            r.kind == "city" and r.country == candidate.country and r.admin1 == candidate.admin1
            and r.population >= 50_000 for r in rivals):
        score -= 1.0  # "Misrata": the city, more often than the province named after it
    return score


def _softmax_top(scores: Sequence[float]) -> float:
    top = max(scores)
    return 1.0 / sum(math.exp((s - top) / _TEMPERATURE) for s in scores)


def geocode_description(text: str, gazetteer: Gazetteer) -> Geocode | None:
    """The finest place a description names, with its areas and a confidence; None when nothing in
    it is a known place."""
    description = parse_description(text)
    areas: list[list[Candidate]] = []
    for container in reversed(description.containers):  # coarsest first
        readings = _area_readings(container, areas, gazetteer)
        if readings:
            areas.append(readings)
    candidates: list[Candidate] = []
    if description.facility_text:
        for name in _facility_names(description):
            candidates += [c for c in gazetteer.candidates(name, limit=_CANDIDATES)
                           if c.kind == "facility" and c.score >= _MIN_NAME_SCORE]
    if description.name:
        candidates += [c for c in gazetteer.candidates(description.name, limit=_CANDIDATES)
                       if c.score >= _MIN_NAME_SCORE and not any(_is(c, r) for readings in areas for r in readings)]
    candidates = list({(c.name, c.kind, c.lat, c.lon): c for c in reversed(candidates)}.values())[::-1]
    if candidates:
        scores = [_fit(c, candidates, areas, description, gazetteer.added_countries()) for c in candidates]
        order = sorted(range(len(candidates)), key=lambda i: -scores[i])
        best = candidates[order[0]]
        unplaced = description.containers and not areas and best.score < _EXACT_SPELLING  # "Mutongo village in
        if all(_within_any(best, readings) > -1.0 for readings in areas) and not unplaced:  # X territory", X unknown
            confidence = _softmax_top(scores) * best.score * (0.8 if description.near else 1.0)
            return _result(text, best, description.name or best.name, confidence, _district(best, areas),
                           approximate=description.near, alternatives=[candidates[i] for i in order[:5]])
    if not areas:
        return None
    finest = _as_point(areas[-1][0], gazetteer, said_province=description.containers[0].level == "province")
    return _result(text, finest, finest.name, 0.5 * finest.score, None, approximate=True, alternatives=[])


def _facility_names(description: Description) -> list[str]:
    """The facility's own words, then the names datasets and GeoNames give air bases and airports."""
    names = [description.facility_text or ""]
    if description.feature == "facility" and description.name:
        names += [f"{description.name} {word}" for word in ("Airport", "Air Base", "Airbase", "Airfield")]
    return names


def _district(place: Candidate, areas: Sequence[Sequence[Candidate]]) -> str | None:
    for readings in reversed(areas):
        for reading in readings:
            if reading.kind in {"admin2", "city"} and _inside(place, reading) > 0.3:
                return reading.name
    return None


def _as_point(area: Candidate, gazetteer: Gazetteer, *, said_province: bool) -> Candidate:
    """An area standing for a place not found: a province named like its big city ("Misrata",
    unless the description says "province") is the city."""
    if area.kind != "admin1" or said_province:
        return area
    cities = [c for c in gazetteer.candidates(area.name, limit=_CANDIDATES, fuzzy=False)
              if c.kind == "city" and c.country == area.country and c.admin1 == area.admin1
              and c.population >= 50_000]
    return max(cities, key=lambda c: c.population) if cities else area


def _result(text: str, place: Candidate, matched: str, confidence: float, district: str | None, *,
            approximate: bool, alternatives: Sequence[Candidate]) -> Geocode:
    return Geocode(query=text, name=place.name, kind=place.kind, country=place.country, admin1=place.admin1,
                   district=district, lat=place.lat, lon=place.lon, geonameid=place.geonameid,
                   confidence=round(max(0.0, min(1.0, confidence)), 4), matched=matched, approximate=approximate,
                   alternatives=tuple(alternatives))
