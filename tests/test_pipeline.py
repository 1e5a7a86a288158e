"""The analysis contract on the sample article (issue 2's acceptance), and geoparse's interface."""

from __future__ import annotations

import json

import pytest
from geopy.distance import geodesic

import geo
from geo.errors import InputError
from geo.model import Event, Place, Report

ALBU_KAMAL = (34.452, 40.919)
MAYADEEN = (35.020, 40.452)
DEIR_EZ_ZOR_CITY = (35.336, 40.141)


def km(a: tuple[float, float], lat: float | None, lon: float | None) -> float:
    assert lat is not None and lon is not None
    return geodesic(a, (lat, lon)).km


def place_mentioned_as(report: Report, surface: str) -> Place:
    matches = [p for p in report.places if any(m.text == surface for m in p.mentions)]
    assert matches, f"{surface!r} not among {[p.name for p in report.places]}"
    return matches[0]


def near(events: tuple[Event, ...], point: tuple[float, float], radius_km: float = 10) -> list[Event]:
    return [e for e in events if e.lat is not None and km(point, e.lat, e.lon) <= radius_km]


def test_sample_places(sample_report: Report) -> None:
    assert km(ALBU_KAMAL, *latlon(place_mentioned_as(sample_report, "Albu Kamal"))) <= 10
    assert km(MAYADEEN, *latlon(place_mentioned_as(sample_report, "Mayadeen"))) <= 10
    deir = place_mentioned_as(sample_report, "Deir Ezzor")
    assert deir.kind == "admin1" or km(DEIR_EZ_ZOR_CITY, *latlon(deir)) <= 10
    for place in sample_report.places:
        assert 0.0 <= place.confidence <= 1.0
    names = {p.name for p in sample_report.places}
    assert not any("Austin" in n for n in names)


def latlon(place: Place) -> tuple[float | None, float | None]:
    return place.lat, place.lon


def test_sample_responses_are_the_two_strikes_at_their_places(sample_report: Report) -> None:
    at_albu_kamal = near(sample_report.responses, ALBU_KAMAL)
    at_mayadeen = near(sample_report.responses, MAYADEEN)
    assert len(at_albu_kamal) == 1 and len(at_mayadeen) == 1
    for event in at_albu_kamal + at_mayadeen:
        assert event.category == "Air/drone strike"
        assert event.actor and "US" in event.actor
    assert "training facility" in " ".join(m.text for m in at_albu_kamal[0].mentions)
    assert "safe house" in " ".join(m.text for m in at_mayadeen[0].mentions)


def test_sample_attacks_include_the_40_attacks(sample_report: Report) -> None:
    forty = [e for e in sample_report.attacks if e.count == 40]
    assert len(forty) == 1
    assert forty[0].injured == 56
    assert forty[0].target and "US" in forty[0].target


def test_sample_sources(sample_report: Report) -> None:
    by_name = {s.name: s for s in sample_report.sources}
    assert by_name["Lloyd Austin"].type == "official"
    assert "Reuters" not in by_name  # it relayed the local source ("cited by Reuters")
    assert by_name["Associated Press (AP)"].type == "wire"
    assert "Pentagon" in " ".join(by_name)
    unnamed = [s for s in sample_report.sources if s.via == "Reuters"]
    assert unnamed and unnamed[0].type == "anonymous"
    assert all(s.claims for s in sample_report.sources)
    assert not any("Department of Defense" in s.name for s in sample_report.sources)  # an image credit
    assert sample_report.article.credits == ("US Department of Defense",)
    assert any(e.sources for e in sample_report.events)


def test_sample_has_no_boilerplate_and_offsets_point_at_their_text(sample_report: Report) -> None:
    text = sample_report.article.text
    dumped = json.dumps(sample_report.to_dict())
    assert "Please enter" not in dumped and "Please enter" not in text
    spans = [m for p in sample_report.places for m in p.mentions]
    spans += [m for e in sample_report.events for m in (e.evidence, *e.mentions)]
    spans += [c for s in sample_report.sources for c in s.claims]
    assert spans
    for span in spans:
        assert text[span.start:span.end] == span.text


def test_report_round_trips_through_json(sample_report: Report) -> None:
    data = json.loads(json.dumps(sample_report.to_dict()))
    again = Report.from_dict(data, sample_report.article.text)
    assert again.to_dict() == sample_report.to_dict()


def test_geoparse_given_spans_resolves_exactly_those() -> None:
    text = "Fighting near Aleppo and in Qwxyzzville spread to Idlib."
    spans = [(text.index("Idlib"), text.index("Idlib") + 5), (text.index("Qwx"), text.index("Qwx") + 11),
             (text.index("Aleppo"), text.index("Aleppo") + 6)]
    toponyms = geo.geoparse(text, spans=spans)
    assert [(t.start, t.end) for t in toponyms] == spans
    assert toponyms[2].lat is not None and km((36.20, 37.16), toponyms[2].lat, toponyms[2].lon) < 25
    assert toponyms[0].country == "SY"
    # The unknown name is placed approximately at the town named just before it, and says so.
    unknown = toponyms[1]
    assert (unknown.lat, unknown.lon) == (toponyms[2].lat, toponyms[2].lon)
    assert unknown.kind == "other" and unknown.geonameid is None and unknown.confidence <= 0.25
    assert unknown.name == "Qwxyzzville (near Aleppo)"


def test_geoparse_leaves_a_name_unresolved_when_no_place_is_around_it() -> None:
    text = "The meeting took place at Qwxyzzville on Tuesday."
    start = text.index("Qwx")
    (toponym,) = geo.geoparse(text, spans=[(start, start + 11)])
    assert toponym.lat is None and toponym.lon is None and not toponym.resolved


def test_geoparse_recognises_without_spans() -> None:
    text = "Rockets were fired at Kyiv and Odesa overnight."
    found = {t.text for t in geo.geoparse(text)}
    assert {"Kyiv", "Odesa"} <= found


@pytest.mark.parametrize("spans", [[(5, 2)], [(0, 999)], [("a", "b")]])
def test_geoparse_rejects_bad_spans(spans) -> None:
    with pytest.raises(InputError):
        geo.geoparse("A short text.", spans=spans)


def test_reported_kinds_are_the_contracts(sample_report: Report) -> None:
    kinds = {"city", "admin1", "country", "facility", "region", "other"}
    text = "Deputies in DeKalb County, Georgia, searched the area near Decatur."
    toponyms = geo.geoparse(text)
    assert toponyms
    for toponym in toponyms:
        assert toponym.kind in kinds and all(c.kind in kinds for c in toponym.alternatives)
    assert all(p.kind in kinds for p in sample_report.places)


def test_a_story_set_in_one_country_names_its_army_after_it() -> None:
    from geo.pipeline import _home_country
    from geo.model import Toponym

    def place(start: int, country: str) -> Toponym:
        return Toponym(start=start, end=start + 3, text="X", name="X", kind="city", country=country, lat=1.0, lon=1.0)

    assert _home_country([place(0, "SD"), place(10, "SD"), place(20, "SD"), place(30, "TD")]) == "SD"
    assert _home_country([place(0, "IL"), place(10, "IL"), place(20, "LB"), place(30, "LB")]) is None


def test_a_text_that_is_only_a_known_name_is_that_place() -> None:
    (found,) = geo.geoparse("  Netanya ")
    assert (found.start, found.end, found.country, found.kind) == (2, 9, "IL", "city")
    assert [t.country for t in geo.geoparse("Albu Kamal")] == ["SY"]
    assert geo.geoparse("Hello") == [] and geo.geoparse("The end.") == []
