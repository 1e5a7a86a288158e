"""geo.dashboard.view_state: a dashboard view as URL query parameters, and back; bad parameters never raise."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest

from geo.dashboard.view_state import ViewState, share_url
from geo.exports.brief import EventFilter
from geo.model import CATEGORIES, SOURCE_TYPES

ARTICLE = "ab" * 32
OTHER = "cd" * 32


def test_default_view_has_no_parameters() -> None:
    assert ViewState().to_params() == {}
    assert ViewState.from_params({}) == (ViewState(), [])


def test_every_field_survives_a_round_trip() -> None:
    state = ViewState(article=ARTICLE, selection=(ARTICLE, OTHER), kind="attack", category=CATEGORIES[0],
                      actor="Iran-backed forces", source_type=SOURCE_TYPES[0], since=date(2023, 10, 1),
                      until=date(2023, 11, 9), place="gn:163843", view="present", colour="actor",
                      size="casualties", at=date(2023, 11, 2), step="week", window=14).with_view(35.33588, 40.14084, 7)
    params = state.to_params()
    assert all(isinstance(value, str) for value in params.values())
    assert ViewState.from_params(params) == (state, [])


def test_round_trip_through_a_real_url() -> None:
    state = ViewState(kind="response", actor="US forces & allies", place="event:34.5,40.9").with_view(34.5, 40.9, 9)
    url = share_url("https://geobrief.example.org/app?stale=1#top", state)
    assert url.startswith("https://geobrief.example.org/app?") and "stale" not in url and "#" not in url
    assert ViewState.from_params(dict(parse_qsl(urlsplit(url).query))) == (state, [])


def test_share_url_of_a_bare_host_gets_a_path() -> None:
    assert share_url("http://127.0.0.1:8501", ViewState(kind="attack")) == "http://127.0.0.1:8501/?kind=attack"
    assert share_url("http://127.0.0.1:8501/", ViewState()) == "http://127.0.0.1:8501/"


def test_values_are_normalised() -> None:
    state, problems = ViewState.from_params({"kind": "Attack", "category": CATEGORIES[0].upper(),
                                             "source": SOURCE_TYPES[1].upper(), "article": ARTICLE.upper(),
                                             "view": "PRESENT"})
    assert problems == []
    assert (state.kind, state.category, state.source_type, state.article, state.view) == (
        "attack", CATEGORIES[0], SOURCE_TYPES[1], ARTICLE, "present")
    assert state.presenting


def test_streamlit_style_lists_take_the_last_value() -> None:
    state, _ = ViewState.from_params({"kind": ["response", "attack"]})
    assert state.kind == "attack"


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"article": "not-a-hash"}, "article="),
        ({"articles": f"{ARTICLE},zz"}, "articles="),
        ({"kind": "bombing"}, "kind="),
        ({"category": "Nuclear strike"}, "category="),
        ({"source": "blog"}, "source="),
        ({"since": "yesterday"}, "since="),
        ({"until": "2023-13-45"}, "until="),
        ({"actor": "x" * 500}, "actor="),
        ({"place": "gn:1\x00<script>"}, "place="),
        ({"view": "fullscreen"}, "view="),
        ({"colour": "rainbow"}, "colour="),
        ({"size": "huge"}, "size="),
        ({"at": "soon"}, "at="),
        ({"step": "month"}, "step="),
        ({"window": "5"}, "window="),
        ({"lat": "95", "lon": "40", "zoom": "5"}, "lat="),
        ({"lat": "35", "lon": "-200", "zoom": "5"}, "lon="),
        ({"lat": "35", "lon": "40", "zoom": "40"}, "zoom="),
        ({"lat": "35", "lon": "40", "zoom": "5.5"}, "zoom="),
        ({"lat": "nan", "lon": "40", "zoom": "5"}, "lat="),
        ({"lat": "35", "lon": "40"}, "lat, lon and zoom go together"),
        ({"since": "2023-11-09", "until": "2023-11-01"}, "after"),
    ],
)
def test_bad_parameters_fall_back_to_defaults_with_one_line_each(params: dict[str, str], fragment: str) -> None:
    state, problems = ViewState.from_params(params)
    assert len(problems) == 1, problems
    assert fragment in problems[0] and "\n" not in problems[0]
    assert "\x00" not in problems[0]
    defaults = ViewState()
    for name in params:
        attribute = {"source": "source_type", "articles": "selection"}.get(name, name)
        assert getattr(state, attribute) == getattr(defaults, attribute), name


def test_good_parameters_stay_when_others_are_bad() -> None:
    state, problems = ViewState.from_params({"kind": "attack", "zoom": "abc", "lat": "1", "lon": "2",
                                             "category": "nope", "unknown": "ignored"})
    assert state.kind == "attack" and state.category is None and state.zoom is None
    assert len(problems) == 2


def test_event_filter_matches_the_fields() -> None:
    state = ViewState(kind="attack", category=CATEGORIES[1], actor="militia", source_type="official",
                      since=date(2024, 1, 1), until=date(2024, 2, 1))
    assert state.event_filter == EventFilter("attack", CATEGORIES[1], "militia", "official",
                                             date(2024, 1, 1), date(2024, 2, 1))
    assert ViewState().with_filter(state.event_filter).event_filter == state.event_filter
    assert ViewState().with_filter(EventFilter(actor="   ")).actor is None


def test_map_view_is_all_or_nothing_and_rounded() -> None:
    state = ViewState().with_view(35.123456789, 40.987654321, 8)
    assert (state.lat, state.lon, state.zoom) == (35.12346, 40.98765, 8)
    assert state.centre == (35.12346, 40.98765)
    assert ViewState().with_view(35.0, None, 8).to_params() == {}
    assert ViewState().with_view(120.0, 40.0, 8).centre is None
    assert ViewState().with_view(0.0, -0.0, 2).to_params() == {"lat": "0", "lon": "0", "zoom": "2"}


def test_a_pan_or_zoom_by_hand_moves_the_view() -> None:
    centred = ViewState(place="gn:1").with_view(34.45226, 40.91854, 8)
    panned = centred.following_map(34.9, 40.1, 8)
    assert (panned.lat, panned.lon, panned.zoom, panned.place) == (34.9, 40.1, 8, "gn:1")
    zoomed = centred.following_map(34.45226, 40.91854, 6)
    assert zoomed.zoom == 6 and zoomed.centre == centred.centre
    assert ViewState().following_map(35.0, 38.0, 5).to_params() == {"lat": "35", "lon": "38", "zoom": "5"}


def test_the_map_settling_on_the_page_s_own_view_changes_nothing() -> None:
    centred = ViewState().with_view(34.45226, 40.91854, 8)
    pixel = 360 / (256 * 2**8)
    assert centred.following_map(34.45226 + pixel, 40.91854 - pixel, 8) is centred
    assert centred.following_map(34.45226 + 3 * pixel, 40.91854, 8) is not centred


def test_longitudes_past_the_antimeridian_are_wrapped() -> None:
    view = ViewState().following_map(10.0, 190.0, 4)
    assert (view.lat, view.lon, view.zoom) == (10.0, -170.0, 4)
    assert ViewState().following_map(10.0, -540.0, 3).lon == -180.0
