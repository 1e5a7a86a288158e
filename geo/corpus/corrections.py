"""Analysts' place corrections as the corpus stores them, and their application to stored reports.

A stored correction names one place *mention* of an article (its character span in the analysed
text, which is what the article's id is the SHA-256 of) and what the analyst decided: ``choose``
another place (its name, GeoNames id and coordinates) or ``drop`` it. Spans, not place keys, are
what is stored, because a later analyzer may give the same place another key; the text, and so
the span, stays the same.

    rows = corrections_for_place(article_id, place, candidate)   # one per mention of the place
    corrected = apply_corrections(report, store.corrections(article_id))

A place takes the decision stored for any of its mentions (the latest when several disagree);
decisions for spans that no place of the report covers any more are ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from geo.model import Candidate, Place, Report
from geo.places import PlaceChoice, apply_place_choices


@dataclass(frozen=True, slots=True)
class PlaceCorrection:
    """An analyst's decision on one place mention: ``choose`` another place, or ``drop`` it."""

    article_id: str
    mention_start: int
    mention_end: int
    action: Literal["choose", "drop"]
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None


def corrections_for_place(article_id: str, place: Place, candidate: Candidate | None) -> list[PlaceCorrection]:
    """The rows that record choosing ``candidate`` for ``place`` (``None``: dropping it), one per mention."""
    rows = []
    for mention in place.mentions:
        if candidate is None:
            rows.append(PlaceCorrection(article_id, mention.start, mention.end, "drop"))
        else:
            rows.append(
                PlaceCorrection(
                    article_id, mention.start, mention.end, "choose",
                    geonameid=candidate.geonameid, name=candidate.name, lat=candidate.lat, lon=candidate.lon,
                )
            )
    return rows


def place_choices(report: Report, corrections: Sequence[PlaceCorrection]) -> tuple[PlaceChoice, ...]:
    """The stored corrections (oldest first) as choices on the report's places."""
    choices: dict[str, PlaceChoice] = {}
    for correction in corrections:
        if correction.article_id != report.article.text_sha256:
            continue
        place = _place_at(report, correction.mention_start, correction.mention_end)
        if place is None:
            continue
        candidate = None if correction.action == "drop" else _candidate(place, correction)
        if correction.action == "choose" and candidate is None:
            continue
        choices.pop(place.key, None)  # re-inserted last: the latest decision wins
        choices[place.key] = PlaceChoice(place.key, candidate)
    return tuple(choices.values())


def apply_corrections(report: Report, corrections: Sequence[PlaceCorrection]) -> Report:
    """The report as the analyst corrected it (geo.places.corrections.apply_place_choices)."""
    return apply_place_choices(report, place_choices(report, corrections))


def _place_at(report: Report, start: int, end: int) -> Place | None:
    for place in report.places:
        if any(m.start == start and m.end == end for m in place.mentions):
            return place
    for place in report.places:  # a later analyzer may have cut the mention a little differently
        if any(m.start < end and start < m.end for m in place.mentions):
            return place
    return None


def _candidate(place: Place, correction: PlaceCorrection) -> Candidate | None:
    """The place's alternative the correction names, else a candidate made from the stored fields."""
    for alternative in place.alternatives:
        if correction.geonameid is not None and alternative.geonameid == correction.geonameid:
            return alternative
    for alternative in place.alternatives:
        if (correction.geonameid is None and alternative.name == correction.name
                and correction.lat is not None and correction.lon is not None
                and abs(alternative.lat - correction.lat) < 1e-4 and abs(alternative.lon - correction.lon) < 1e-4):
            return alternative
    if not correction.name or correction.lat is None or correction.lon is None:
        return None
    return Candidate(
        name=correction.name, kind=place.kind, country=None, lat=correction.lat, lon=correction.lon,
        geonameid=correction.geonameid,
    )
