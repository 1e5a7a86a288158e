from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from geo.model import Article, Candidate, Event, Place, Report, Source, TextSpan, Toponym

TEXT = "Drones struck Odesa on Monday, officials said."


def make_report() -> Report:
    odesa = TextSpan("Odesa", 14, 19)
    sentence = TextSpan(TEXT, 0, len(TEXT))
    candidate = Candidate("Odesa", "city", "UA", 46.48, 30.73, geonameid=698740, population=1_000_000, score=0.9)
    return Report(
        article=Article(text=TEXT, title="Odesa", published=date(2024, 3, 4), credits=("AFP",)),
        places=(Place("gn:698740", "Odesa", "city", "UA", 46.48, 30.73, 698740, 0.9, (odesa,),
                      alternatives=(candidate,)),),
        attacks=(Event("attack", "Drone attack on Odesa", "Air/drone strike", sentence, actor="Russia",
                       place="Odesa", place_key="gn:698740", lat=46.48, lon=30.73, date=date(2024, 3, 4),
                       count=1, sources=("officials",), mentions=(sentence,)),),
        sources=(Source("officials", "official", (sentence,)),),
        meta={"model": "test"},
    )


def test_report_json_contract_keys() -> None:
    data = make_report().to_dict()
    assert set(data) >= {"article", "places", "attacks", "responses", "sources"}
    assert data["article"]["text_sha256"] == make_report().article.text_sha256
    assert data["article"]["published"] == "2024-03-04"
    assert data["attacks"][0]["date"] == "2024-03-04"
    assert data["attacks"][0]["evidence"] == {"text": TEXT, "start": 0, "end": len(TEXT)}
    assert data["places"][0]["mentions"] == [{"text": "Odesa", "start": 14, "end": 19}]
    json.dumps(data)  # JSON-serialisable as it is


def test_report_round_trip() -> None:
    report = make_report()
    again = Report.from_dict(json.loads(json.dumps(report.to_dict())), TEXT)
    assert again == report


def test_values_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        make_report().article.title = "changed"  # type: ignore[misc]


def test_toponym_place_key() -> None:
    assert Toponym(0, 5, "Odesa", geonameid=698740, lat=1.0, lon=2.0).place_key == "gn:698740"
    assert Toponym(0, 5, "Odesa", name="Odesa", kind="city", lat=1.0, lon=2.0).place_key.startswith("city:Odesa:")
    unresolved = Toponym(0, 5, "Qwxyz")
    assert not unresolved.resolved and unresolved.place_key == "unresolved:qwxyz"


def test_an_event_told_over_several_places_reads_across_them_and_keeps_them_in_its_json() -> None:
    sentence = TextSpan(TEXT, 0, len(TEXT))
    spread = Event("attack", "Militias carried out 60 attacks", "Attack", sentence, count=60, mentions=(sentence,),
                   areas=("Syria", "Iraq"))
    assert spread.where == "across Syria and Iraq"
    assert Event.from_dict(json.loads(json.dumps(spread.to_dict()))) == spread
    three = dataclasses.replace(spread, areas=("Kherson", "Kharkiv", "Odesa"))
    assert three.where == "across Kherson, Kharkiv and Odesa"
    assert dataclasses.replace(spread, areas=()).where is None  # unknown
    assert dataclasses.replace(spread, place="Odesa").where == "Odesa"  # a place wins
    assert Event.from_dict({k: v for k, v in spread.to_dict().items() if k != "areas"}).areas == ()  # older JSON
