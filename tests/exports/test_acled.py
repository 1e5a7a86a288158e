"""ACLED coding (geo/exports/acled.py): the event type from the means and the target, the inter codes.

Targets and sentences are made up for these tests.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from geo.exports.acled import (ACLED_EVENT_TYPES, BATTLES, REMOTE_VIOLENCE, VIOLENCE_AGAINST_CIVILIANS, acled_coding,
                               acled_event_type, inter_code, named_countries, target_is_armed)
from geo.exports.brief import brief_from_report
from geo.exports.csv_table import csv_bytes
from geo.exports.geojson import geojson_dict
from geo.model import CATEGORIES, Article, Event, Place, Report, TextSpan


@pytest.mark.parametrize(
    ("category", "target", "expected"),
    [
        ("Air/drone strike", "U.S. forces", REMOTE_VIOLENCE),  # remote means decide whoever the target
        ("Air/drone strike", "a crowded market", REMOTE_VIOLENCE),
        ("Shelling/artillery/missile attack", "residential buildings", REMOTE_VIOLENCE),
        ("Suicide bomb", "an army convoy", REMOTE_VIOLENCE),
        ("Attack", "villagers", VIOLENCE_AGAINST_CIVILIANS),
        ("Attack", "a Hamas-run hospital", VIOLENCE_AGAINST_CIVILIANS),  # run by a group, still civilian
        ("Attack", "an army checkpoint", BATTLES),
        ("Attack", "U.S. forces", BATTLES),
        ("Attack", "police officers and two passers-by", BATTLES),  # armed actors among the targets decide
        ("Attack", "a militant safe house", BATTLES),
        ("Armed clash", "an army checkpoint", BATTLES),
        ("Armed clash", "villagers", BATTLES),  # a clash has two armed sides
        ("Attack", None, VIOLENCE_AGAINST_CIVILIANS),  # unknown target: as the category says
        ("Attack", "Mr Kovalenko", VIOLENCE_AGAINST_CIVILIANS),
        ("Abduction/forced disappearance", "soldiers", VIOLENCE_AGAINST_CIVILIANS),
        ("Other", "soldiers", "Strategic developments"),
    ],
)
def test_event_type_from_the_means_and_the_target(category: str, target: str | None, expected: str) -> None:
    assert acled_event_type(category, target) == expected


def test_every_category_has_an_event_type_when_the_target_says_nothing() -> None:
    assert set(CATEGORIES) <= set(ACLED_EVENT_TYPES)
    for category in CATEGORIES:
        assert acled_event_type(category) == ACLED_EVENT_TYPES[category]
    assert acled_event_type("Something new") == "Strategic developments"


@pytest.mark.parametrize(
    ("phrase", "country", "expected"),
    [
        ("U.S. forces", "SY", 8),  # a state's forces abroad
        ("US troops", "US", 1),
        ("the Syrian army", "SY", 1),
        ("Russian positions", "UA", 8),
        ("government forces", None, 1),
        ("border guards", None, 1),
        ("a military base", None, 1),
        ("the US", "IQ", 8),  # a country alone: its state
        ("Iran-backed forces", "IQ", 3),  # forces a state backs are a militia
        ("pro-government militias", None, 3),
        ("gunmen", None, 3),
        ("an ethnic militia", None, 4),
        ("militants", None, 2),
        ("Houthi rebels", "YE", 2),
        ("the Islamic State group", None, 2),
        ("UN peacekeepers", None, 8),
        ("coalition forces", "IQ", 8),
        ("rioters", None, 5),
        ("protesters", None, 6),
        ("civilians", None, 7),
        ("children at a school", None, 7),
        ("a rebel-held village", None, 7),
        ("Mr Kovalenko", None, None),
        ("the port", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_inter_codes(phrase: str | None, country: str | None, expected: int | None) -> None:
    assert inter_code(phrase, country) == expected


def test_countries_named_by_name_demonym_and_abbreviation() -> None:
    assert named_countries("U.S. and British warships") == {"US", "GB"}
    assert named_countries("Syrians") == {"SY"}
    assert named_countries("Ukraine's forces") == {"UA"}
    assert named_countries("IS fighters") == set()  # two letters are no country
    assert named_countries("Zedland forces", {"Zedland": "ZZ"}) == {"ZZ"}  # the report's own readings


def test_target_is_armed_civilian_or_unknown() -> None:
    assert target_is_armed("insurgent positions") is True
    assert target_is_armed("worshippers at a mosque") is False
    assert target_is_armed("protesters") is None
    assert target_is_armed("the bridge") is None


TEXT = ("A drone attack on U.S. forces hit the Tanf garrison. Gunmen attacked villagers in Zamfara. "
        "Militants attacked an army checkpoint near Kandahar. Unknown assailants struck a car.")


def _span(text: str) -> TextSpan:
    start = TEXT.index(text)
    return TextSpan(text, start, start + len(text))


def _event(sentence: str, category: str, actor: str | None, target: str | None, place: Place | None) -> Event:
    return Event(kind="attack", summary=sentence[:20], category=category, evidence=_span(sentence),
                 actor=actor, target=target, place=place.name if place else None,
                 place_key=place.key if place else None, lat=place.lat if place else None,
                 lon=place.lon if place else None, date=date(2024, 2, 1), mentions=(_span(sentence),))


def made_up_report() -> Report:
    tanf = Place(key="gn:1", name="Al-Tanf garrison", kind="facility", country="SY", lat=33.5, lon=38.6,
                 geonameid=1, confidence=0.9, mentions=(_span("Tanf"),))
    zamfara = Place(key="admin:NG-ZA", name="Zamfara", kind="admin1", country="NG", lat=12.1, lon=6.2,
                    geonameid=None, confidence=0.8, mentions=(_span("Zamfara"),))
    kandahar = Place(key="gn:2", name="Kandahar", kind="city", country="AF", lat=31.6, lon=65.7, geonameid=2,
                     confidence=0.9, mentions=(_span("Kandahar"),))
    usa = Place(key="gn:3", name="United States", kind="country", country="US", lat=39.8, lon=-98.5,
                geonameid=3, confidence=0.9, mentions=(_span("U.S."),))
    sentences = TEXT.split(". ")
    attacks = (
        _event(sentences[0], "Air/drone strike", "Iran-backed militias", "U.S. forces", tanf),
        _event(sentences[1], "Attack", "Gunmen", "villagers", zamfara),
        _event(sentences[2], "Attack", "Militants", "an army checkpoint", kandahar),
        _event(sentences[3], "Attack", "Unknown assailants", "a car", None),
    )
    return Report(article=Article(text=TEXT, title="Made up"), places=(tanf, zamfara, kandahar, usa),
                  attacks=attacks)


EXPECTED = [  # event_type, sub_event_type, inter1, inter2
    (REMOTE_VIOLENCE, "Air/drone strike", "3", "8"),
    (VIOLENCE_AGAINST_CIVILIANS, "Attack", "3", "7"),
    (BATTLES, "Attack", "2", "1"),
    (VIOLENCE_AGAINST_CIVILIANS, "Attack", "3", ""),  # a car says nothing: as before
]


def test_csv_codes_event_types_and_inter_codes() -> None:
    rows = list(csv.DictReader(io.StringIO(csv_bytes(brief_from_report(made_up_report())).decode("utf-8"))))
    assert [(r["event_type"], r["sub_event_type"], r["inter1"], r["inter2"]) for r in rows] == EXPECTED
    header = list(rows[0])
    assert header.index("inter1") == header.index("actor1") + 1 and header.index("inter2") == header.index("actor2") + 1


def test_geojson_codes_events_as_the_csv_does() -> None:
    data = json.loads(json.dumps(geojson_dict(brief_from_report(made_up_report()))))
    events = [f["properties"] for f in data["features"] if f["properties"]["feature_type"] == "event"]
    coded = [(p["event_type"], p["category"], str(p["inter1"] or ""), str(p["inter2"] or "")) for p in events]
    assert coded == EXPECTED
    assert events[3]["inter2"] is None


def test_coding_without_a_place_cannot_tell_foreign_forces() -> None:
    event = made_up_report().attacks[0]
    assert acled_coding(event, None).inter2 == 1  # no event country: state forces
