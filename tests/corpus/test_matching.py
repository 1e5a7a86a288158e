"""Whether two reports are one event, and the reasons (geo.corpus.matching)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from geo.corpus.matching import ReportedEvent, compare, dates_agree, places_agree, tolls_agree

# A made-up province with two towns 30 km apart, and a third town across a border.
BASE = ReportedEvent(
    article_id="a", kind="attack", category="Air/drone strike", day=date(2024, 5, 10), own_day=True,
    month_only=False, published=date(2024, 5, 10), place="Northtown", place_kind="city", country="SY",
    admin1="Riverland", lat=35.0, lon=40.0, actor=None, target=None, killed=None, injured=None,
)
SOUTHTOWN = {"place": "Southtown", "lat": 34.73, "lon": 40.0}  # ~30 km south, also in Riverland
PROVINCE = {"place": "Riverland", "place_kind": "admin1", "admin1": "Riverland", "lat": 34.8, "lon": 40.3}


def other(**changes: object) -> ReportedEvent:
    return replace(BASE, article_id="b", **changes)


def test_the_same_strike_told_twice_merges_and_says_why() -> None:
    verdict = compare(BASE, other(actor="Israeli forces", killed=3))
    assert verdict.same
    assert verdict.reasons[:3] == ("both Air/drone strike attacks", "same day 2024-05-10", "same place Northtown")


@pytest.mark.parametrize(
    ("changes", "same"),
    [
        ({"day": date(2024, 5, 11)}, True),  # a day later: time zones, "overnight"
        ({"day": date(2024, 5, 13)}, False),  # three days: another strike
        ({"day": date(2024, 6, 21)}, False),  # six weeks
        ({"day": None}, False),  # no date at all: nothing to say it is the same
        ({"day": date(2024, 5, 12), "own_day": False}, True),  # published two days after
    ],
)
def test_dates(changes: dict[str, object], same: bool) -> None:
    assert dates_agree(BASE, other(**changes))[0] is same


def test_a_report_known_to_the_month_agrees_with_any_day_in_it() -> None:
    month = other(day=date(2024, 5, 1), month_only=True)
    assert dates_agree(BASE, month) == (True, "within May 2024 (known to the month)")
    assert not dates_agree(replace(BASE, day=date(2024, 6, 2)), month)[0]


@pytest.mark.parametrize(
    ("changes", "same"),
    [
        (SOUTHTOWN, False),  # two towns 30 km apart are two places
        ({"place": "Northtown airport", "place_kind": "facility", "lat": 35.05, "lon": 40.02}, True),  # 6 km
        (PROVINCE, True),  # a town and its province
        ({**PROVINCE, "place": "Hillshire", "admin1": "Hillshire"}, False),  # another province
        ({"place": "Syria", "place_kind": "country", "admin1": None, "lat": 35.0, "lon": 38.5}, True),
        ({"place": "Iraq", "place_kind": "country", "country": "IQ", "lat": 33.0, "lon": 44.0}, False),
        ({"place": "Border post", "country": "IQ", "lat": 35.01, "lon": 40.01}, False),  # 1 km, but Iraq
        ({"lat": None, "lon": None}, False),
    ],
)
def test_places_agree_at_the_finest_level_both_give(changes: dict[str, object], same: bool) -> None:
    assert places_agree(BASE, other(**changes))[0] is same
    assert places_agree(other(**changes), BASE)[0] is same


def test_a_town_whose_province_is_unknown_is_in_a_province_near_its_centre() -> None:
    assert places_agree(replace(BASE, admin1=None), other(**PROVINCE)) == (True, "Northtown in Riverland")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ((4, date(2024, 5, 10)), (9, date(2024, 5, 11)), True),  # the toll rose in a later report
        ((9, date(2024, 5, 10)), (4, date(2024, 5, 11)), False),  # a later report with fewer dead
        ((14, date(2024, 5, 10)), (3, date(2024, 5, 10)), False),  # the same day, far apart: two strikes
        ((5, date(2024, 5, 10)), (7, date(2024, 5, 10)), True),  # the same day, close
        ((5, None), (5, None), True),
    ],
)
def test_casualty_figures_may_rise_but_not_contradict(first: tuple[int, date | None], second: tuple[int, date | None],
                                                       same: bool) -> None:
    a = replace(BASE, killed=first[0], published=first[1])
    b = other(killed=second[0], published=second[1])
    assert tolls_agree(a, b)[0] is same and tolls_agree(b, a)[0] is same


def test_other_kinds_actors_and_targets_keep_reports_apart() -> None:
    assert not compare(BASE, other(kind="response")).same
    assert not compare(replace(BASE, actor="Russian forces"), other(actor="Ukrainian forces")).same
    assert compare(replace(BASE, actor="Russia"), other(actor="Russian forces")).same
    verdict = compare(replace(BASE, target="a hospital"), other(target="an army base"))
    assert not verdict.same and verdict.reasons == ("targets a hospital vs an army base",)
    assert not compare(BASE, replace(BASE)).same  # one article's events are never merged
