"""geo.places.corrections on hand-built reports: pick another reading, drop a place, merge."""

from __future__ import annotations

import json

from geo.maps.points import map_points, unlocated_events
from geo.model import Article, Candidate, Event, Place, Report, TextSpan
from geo.places.corrections import ANALYST_CONFIDENCE, PlaceChoice, apply_place_choices, candidate_key, candidate_label

TEXT = "Shelling hit Springfield. Drones struck Shelbyville. Officials in Capital City said so."
SPRINGFIELD_US = Candidate("Springfield", "city", "US", 39.8, -89.6, geonameid=101, admin1="Illinois", score=0.7)
SPRINGFIELD_AU = Candidate("Springfield", "city", "AU", -27.6, 152.9, geonameid=202, admin1="Queensland", score=0.2)
SHELBYVILLE = Candidate("Shelbyville", "city", "US", 39.4, -85.8, geonameid=303, score=0.9)


def _span(word: str) -> TextSpan:
    start = TEXT.index(word)
    return TextSpan(word, start, start + len(word))


def _sentence(word: str) -> TextSpan:
    start = TEXT.rfind(". ", 0, TEXT.index(word))
    start = 0 if start < 0 else start + 2
    end = TEXT.index(".", TEXT.index(word)) + 1
    return TextSpan(TEXT[start:end], start, end)


def _place(candidate: Candidate, word: str, alternatives: tuple[Candidate, ...]) -> Place:
    return Place(key=candidate_key(candidate), name=candidate.name, kind=candidate.kind,
                 country=candidate.country, lat=candidate.lat, lon=candidate.lon,
                 geonameid=candidate.geonameid, confidence=candidate.score, mentions=(_span(word),),
                 admin1=candidate.admin1, alternatives=alternatives)


def _event(kind: str, place: Place, word: str) -> Event:
    return Event(kind=kind, summary=f"{kind} at {place.name}", category="Other", evidence=_sentence(word),
                 place=place.name, place_key=place.key, lat=place.lat, lon=place.lon)


SPRINGFIELD = _place(SPRINGFIELD_US, "Springfield", (SPRINGFIELD_US, SPRINGFIELD_AU))
SHELBY = _place(SHELBYVILLE, "Shelbyville", (SHELBYVILLE,))


def make_report() -> Report:
    return Report(
        article=Article(TEXT),
        places=(SPRINGFIELD, SHELBY),
        attacks=(_event("attack", SPRINGFIELD, "Springfield"),),
        responses=(_event("response", SHELBY, "Shelbyville"),),
    )


def test_no_choice_returns_the_same_report() -> None:
    report = make_report()
    assert apply_place_choices(report, []) is report
    assert apply_place_choices(report, [PlaceChoice("gn:999", None)]) == report


def test_choosing_an_alternative_moves_the_place_and_its_events() -> None:
    report = make_report()
    corrected = apply_place_choices(report, [PlaceChoice(SPRINGFIELD.key, SPRINGFIELD_AU)])
    place = corrected.places[0]
    assert (place.name, place.country, place.admin1) == ("Springfield", "AU", "Queensland")
    assert (place.lat, place.lon, place.geonameid, place.key) == (-27.6, 152.9, 202, "gn:202")
    assert place.confidence == ANALYST_CONFIDENCE and place.corrected
    assert place.mentions == SPRINGFIELD.mentions and place.alternatives == SPRINGFIELD.alternatives
    attack = corrected.attacks[0]
    assert (attack.place, attack.place_key, attack.lat, attack.lon) == ("Springfield", "gn:202", -27.6, 152.9)
    assert corrected.places[1] == SHELBY and corrected.responses == report.responses
    assert report.places[0] == SPRINGFIELD  # the input is unchanged
    points = {p.key: p for p in map_points(corrected)}
    assert (points["gn:202"].lat, points["gn:202"].lon) == (-27.6, 152.9)
    assert points["gn:202"].attacks == (attack,) and "gn:101" not in points


def test_dropping_a_place_keeps_its_events_without_location() -> None:
    report = make_report()
    corrected = apply_place_choices(report, [PlaceChoice(SHELBY.key, None)])
    assert [p.key for p in corrected.places] == [SPRINGFIELD.key]
    response = corrected.responses[0]
    assert (response.place, response.place_key, response.lat, response.lon) == (None, None, None, None)
    assert response.summary == report.responses[0].summary
    assert corrected.attacks == report.attacks
    assert unlocated_events(corrected) == [response]


def test_the_last_choice_for_a_place_wins() -> None:
    choices = [PlaceChoice(SPRINGFIELD.key, None), PlaceChoice(SPRINGFIELD.key, SPRINGFIELD_AU)]
    corrected = apply_place_choices(make_report(), choices)
    assert [p.key for p in corrected.places] == ["gn:202", SHELBY.key]


def test_confirming_the_current_reading_marks_it_corrected() -> None:
    corrected = apply_place_choices(make_report(), [PlaceChoice(SPRINGFIELD.key, SPRINGFIELD_US)])
    place = corrected.places[0]
    assert place.key == SPRINGFIELD.key and place.corrected and place.confidence == ANALYST_CONFIDENCE


def test_choosing_a_place_the_report_has_merges_the_two() -> None:
    corrected = apply_place_choices(make_report(), [PlaceChoice(SPRINGFIELD.key, SHELBYVILLE)])
    assert [p.key for p in corrected.places] == [SHELBY.key]
    merged = corrected.places[0]
    assert [m.text for m in merged.mentions] == ["Springfield", "Shelbyville"]
    assert corrected.attacks[0].place_key == SHELBY.key == corrected.responses[0].place_key


def test_corrected_flag_is_in_the_json_contract() -> None:
    corrected = apply_place_choices(make_report(), [PlaceChoice(SPRINGFIELD.key, SPRINGFIELD_AU)])
    data = json.loads(json.dumps(corrected.to_dict()))
    assert data["places"][0]["corrected"] is True and data["places"][1]["corrected"] is False
    assert Report.from_dict(data, TEXT).places == corrected.places
    legacy = data["places"][1]
    del legacy["corrected"]
    assert Place.from_dict(legacy).corrected is False


def test_candidate_label_is_plain_text() -> None:
    assert candidate_label(SPRINGFIELD_AU) == "Springfield (city, Queensland, AU)"
    assert candidate_label(Candidate("X", "other", None, 0.0, 0.0)) == "X (other)"
