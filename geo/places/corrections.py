"""An analyst's corrections to where the places of a report are: pick another reading, or drop one.

``apply_place_choices(report, choices)`` returns a new Report; the input is never changed.

- A chosen place takes the candidate's name, kind, country, admin1, lat/lon and geonameid,
  and its key becomes the candidate's identity (``gn:<geonameid>``, as for a Toponym).
  Its confidence becomes 1.0 and ``corrected`` True: the analyst confirmed it, so the
  gazetteer's score for the candidate no longer says how sure we are. Its mentions and
  alternatives are kept, so the analyst can change their mind.
- A dropped place (``candidate=None``) disappears from ``places``.
- Every event whose ``place_key`` is a chosen place follows it (place, place_key, lat, lon);
  an event of a dropped place stays, with place, place_key, lat and lon None ("location unknown").
- Should the chosen reading be a place the report already has, the two become one place
  (mentions joined, at the position of the first).
- Choices are keyed by the place's key in the report as analysed; choices for keys the
  report does not have are ignored, and for one key the last choice wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.model import Candidate, Event, Place, Report

ANALYST_CONFIDENCE = 1.0


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """The analyst's reading of one place: a candidate, or None to drop the place."""

    place_key: str
    candidate: Candidate | None


def candidate_key(candidate: Candidate) -> str:
    """The place key a place resolved to this candidate has (as ``Toponym.place_key``)."""
    if candidate.geonameid is not None:
        return f"gn:{candidate.geonameid}"
    return f"{candidate.kind}:{candidate.name}:{candidate.lat:.4f},{candidate.lon:.4f}"


def candidate_label(candidate: Candidate) -> str:
    """Plain text naming one reading: "Paris (city, Île-de-France, FR)"."""
    details = [d for d in (candidate.kind, candidate.admin1, candidate.country) if d]
    return f"{candidate.name} ({', '.join(details)})"


def _chosen_place(place: Place, candidate: Candidate) -> Place:
    return replace(
        place,
        key=candidate_key(candidate),
        name=candidate.name,
        kind=candidate.kind,
        country=candidate.country,
        admin1=candidate.admin1,
        lat=candidate.lat,
        lon=candidate.lon,
        geonameid=candidate.geonameid,
        confidence=ANALYST_CONFIDENCE,
        corrected=True,
    )


def _merge_same_key(places: list[Place]) -> tuple[Place, ...]:
    merged: dict[str, Place] = {}
    for place in places:
        first = merged.get(place.key)
        if first is None:
            merged[place.key] = place
            continue
        mentions = tuple(sorted(set(first.mentions + place.mentions), key=lambda m: (m.start, m.end)))
        merged[place.key] = replace(first, mentions=mentions, corrected=first.corrected or place.corrected)
    return tuple(merged.values())


def _moved_event(event: Event, new_places: dict[str, Place | None]) -> Event:
    if event.place_key is None or event.place_key not in new_places:
        return event
    place = new_places[event.place_key]
    if place is None:
        return replace(event, place=None, place_key=None, lat=None, lon=None)
    return replace(event, place=place.name, place_key=place.key, lat=place.lat, lon=place.lon)


def apply_place_choices(report: Report, choices: Sequence[PlaceChoice]) -> Report:
    """The report as the analyst corrected it (see the module docstring)."""
    by_key = {choice.place_key: choice for choice in choices}  # the last choice for a key wins
    if not by_key:
        return report
    new_places: dict[str, Place | None] = {}
    kept: list[Place] = []
    for place in report.places:
        choice = by_key.get(place.key)
        if choice is None:
            kept.append(place)
            continue
        new_place = None if choice.candidate is None else _chosen_place(place, choice.candidate)
        new_places[place.key] = new_place
        if new_place is not None:
            kept.append(new_place)
    if not new_places:
        return report
    return replace(
        report,
        places=_merge_same_key(kept),
        attacks=tuple(_moved_event(e, new_places) for e in report.attacks),
        responses=tuple(_moved_event(e, new_places) for e in report.responses),
    )
