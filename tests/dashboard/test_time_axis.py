"""The Corpus page's time axis: slider steps, the brush's range, the places to fade."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from geo.dashboard.time_axis import (BRUSH, default_step, faded_points, nearest_step, next_step, time_steps)
from geo.maps.points import MapPoint
from geo.model import Event, TextSpan

D = date


def test_steps_run_from_the_first_day_to_the_last_by_days_or_weeks() -> None:
    assert time_steps(D(2024, 5, 1), D(2024, 5, 3), "day") == [D(2024, 5, 1), D(2024, 5, 2), D(2024, 5, 3)]
    assert time_steps(D(2024, 5, 1), D(2024, 5, 16), "week") == [D(2024, 5, 1), D(2024, 5, 8), D(2024, 5, 15),
                                                                D(2024, 5, 16)]  # the last day always
    assert time_steps(D(2024, 5, 1), D(2024, 5, 1), "week") == [D(2024, 5, 1)]
    with pytest.raises(ValueError):
        time_steps(D(2024, 5, 1), D(2024, 5, 3), "month")


def test_long_spans_step_by_weeks() -> None:
    assert default_step(D(2024, 1, 1), D(2024, 2, 1)) == "day"
    assert default_step(D(2023, 1, 1), D(2024, 2, 1)) == "week"


def test_a_day_between_stops_goes_to_the_stop_before_and_playback_ends_at_the_last() -> None:
    days = time_steps(D(2024, 5, 1), D(2024, 5, 29), "week")
    assert nearest_step(days, D(2024, 5, 10)) == D(2024, 5, 8)
    assert nearest_step(days, D(2023, 1, 1)) == D(2024, 5, 1) and nearest_step(days, None) == D(2024, 5, 29)
    assert next_step(days, D(2024, 5, 8)) == D(2024, 5, 15) and next_step(days, D(2024, 5, 29)) is None


def _ms(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp() * 1000


def test_a_brush_is_read_as_two_dates_whatever_its_field_is_named() -> None:
    from geo.dashboard.time_axis import brushed_range

    brushed = {BRUSH: {"yearmonthdate_day": [_ms(D(2024, 5, 9)), _ms(D(2024, 5, 2))]}}
    assert brushed_range(brushed) == (D(2024, 5, 2), D(2024, 5, 9))
    assert brushed_range({BRUSH: {"day": ["2024-05-02T00:00:00Z", "2024-05-04"]}}) == (D(2024, 5, 2), D(2024, 5, 4))
    assert brushed_range({BRUSH: {}}) is None and brushed_range(None) is None
    assert brushed_range({BRUSH: {"day": ["soon", "later"]}}) is None


def test_only_places_with_events_none_of_them_recent_are_faded() -> None:
    span = TextSpan("A strike.", 0, 9)
    strike = Event(kind="attack", summary="s", category="Attack", evidence=span, mentions=(span,))

    def point(key: str, events: tuple[Event, ...]) -> MapPoint:
        return MapPoint(key=key, name=key, kind="city", country="UA", admin1=None, lat=50.0, lon=30.0,
                        confidence=1.0, mentions=1, attacks=events)

    points = [point("old", (strike,)), point("new", (strike,)), point("quiet", ())]
    assert faded_points(points, frozenset({"new"})) == {"old"}
