"""The Corpus page's time axis: the timeline of events per day on a true time scale, where a brush
sets the date filters (so the map and the panels show that range); and the map with its time
slider: switched on, the map shows the events up to the slider's day, the last days highlighted
and the older ones faded; Play steps it through the days or weeks. The slider's day, step and
highlighted days are in the link."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.dashboard import (BRUSH, DEFAULT_WINDOW, MAP_CLICK_FIELDS, STEPS, WINDOWS, CorpusView, ViewState,
                           brushed_range,
                           default_step, faded_points, nearest_step, next_step, time_steps)
from geo.maps import build_map
from pages.widgets.corpus_event import select_clicked
from pages.widgets.view_controls import write_state_to_url

ON_KEY = "corpus_time_on"
AT_KEY = "corpus_time_at"
STEP_KEY = "corpus_time_step"
WINDOW_KEY = "corpus_time_window"
PLAYING_KEY = "corpus_time_playing"
CHART_KEY = "corpus_timeline"
PLAY_EVERY_S = 1.5  # a step of playback: time for the map to draw and be seen
KIND_COLOURS = {"attacks": "#d62728", "responses": "#1f5fbf"}


def set_time(state: ViewState) -> None:
    """Put a link's time slider (on, day, step, highlighted days) into the widgets, before they are drawn."""
    st.session_state[ON_KEY] = state.at is not None
    st.session_state[AT_KEY] = state.at
    st.session_state[STEP_KEY] = state.step
    st.session_state[WINDOW_KEY] = state.window


def with_time(state: ViewState) -> ViewState:
    """``state`` with the time slider as the widgets hold it (no day while it is off)."""
    on = bool(st.session_state.get(ON_KEY))
    return replace(state, at=st.session_state.get(AT_KEY) if on else None,
                   step=st.session_state.get(STEP_KEY) or "day",
                   window=st.session_state.get(WINDOW_KEY) or DEFAULT_WINDOW)


def dated_span(view: CorpusView) -> tuple[date, date] | None:
    days = [row["day"] for row in view.timeline_rows() if row["attacks"] or row["responses"]]
    return (min(days), max(days)) if days else None


def _brushed(filter_keys: dict[str, str]) -> None:
    chart = st.session_state.get(CHART_KEY)
    span = brushed_range(chart.selection if chart is not None else None)
    if span is not None:
        st.session_state[filter_keys["since"]], st.session_state[filter_keys["until"]] = span


def _clear_dates(filter_keys: dict[str, str]) -> None:
    st.session_state[filter_keys["since"]] = st.session_state[filter_keys["until"]] = None


def show_timeline(view: CorpusView, filter_keys: dict[str, str], dated: bool) -> None:
    """The events per day of ``view`` (every filter but the dates applied) on a time axis; a brush
    across it sets the date filters. ``dated``: the date filters are set."""
    st.subheader("Events per day", anchor=False)
    rows = [r for r in view.timeline_rows() if r["attacks"] or r["responses"]]
    undated = view.undated_count()
    note = (f" {undated} event(s) have no date, neither their own nor their article's: they are on the map and "
            "in the panels, but not on this timeline nor in the time slider's steps." if undated else "")
    if not rows:
        st.info("No dated event in these articles." + note)
        return
    frame = pd.DataFrame(rows).melt(id_vars="day", value_vars=list(KIND_COLOURS), var_name="kind", value_name="events")
    frame = frame[frame["events"] > 0].assign(day=lambda f: pd.to_datetime(f["day"]))
    brush = alt.selection_interval(name=BRUSH, encodings=["x"])
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("yearmonthdate(day):T", title="day", axis=alt.Axis(format="%Y-%m-%d", labelAngle=0)),
        y=alt.Y("sum(events):Q", title="events", stack=True),
        color=alt.Color("kind:N", scale=alt.Scale(domain=list(KIND_COLOURS), range=list(KIND_COLOURS.values())),
                        legend=alt.Legend(orient="top", title=None)),
        tooltip=[alt.Tooltip("yearmonthdate(day):T", title="day"), "kind:N", "sum(events):Q"],
    ).add_params(brush).properties(height=260)
    st.altair_chart(chart, key=CHART_KEY, on_select=lambda: _brushed(filter_keys), selection_mode=BRUSH,
                    width="stretch")
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.caption("Drag across the timeline to show only those days on the map and in the panels. An event "
                 "without a date of its own is placed on its article's publication date." + note)
    if dated:
        right.button("All dates", key="corpus_all_dates", on_click=_clear_dates, args=(filter_keys,),
                     width="stretch")


def show_time_map(view: CorpusView, state: ViewState, height: int) -> None:
    """The map, with its time slider above it (playback reruns only this part)."""
    every = PLAY_EVERY_S if st.session_state.get(PLAYING_KEY) else None
    st.fragment(_time_map, run_every=every)(view, state, height, every is not None)


def _toggle_play() -> None:
    st.session_state[PLAYING_KEY] = not st.session_state.get(PLAYING_KEY)


def _time_map(view: CorpusView, state: ViewState, height: int, timed: bool) -> None:
    if bool(st.session_state.get(PLAYING_KEY)) != timed:  # Play or Pause was pressed in this part:
        st.rerun(scope="app")  # the whole page runs, to start or stop this part's timer
    span = dated_span(view)
    shown, recent, whole_points = view, frozenset(), None
    if span is not None and st.toggle("Step through time", key=ON_KEY,
                                      help="The events up to a day, the last days highlighted; Play moves on."):
        first, last = span
        step = st.session_state.get(STEP_KEY) if st.session_state.get(STEP_KEY) in STEPS else default_step(first, last)
        days = time_steps(first, last, step)
        at = nearest_step(days, st.session_state.get(AT_KEY))
        if st.session_state.get(PLAYING_KEY):
            following = next_step(days, at)
            if following is None:  # the end: stop, and let the page run without the timer
                st.session_state[PLAYING_KEY] = False
                st.rerun()
            at = following
        st.session_state[AT_KEY], st.session_state[STEP_KEY] = at, step
        play, slider, unit, window = st.columns([0.8, 4, 1.2, 1.6], vertical_alignment="bottom")
        play.button("Pause" if st.session_state.get(PLAYING_KEY) else "Play", key="corpus_time_play",
                    on_click=_toggle_play, width="stretch")
        slider.select_slider("Events up to", options=days, key=AT_KEY, format_func=date.isoformat)
        unit.segmented_control("Step", list(STEPS), key=STEP_KEY)
        window.selectbox("Highlight the last", WINDOWS, key=WINDOW_KEY, format_func=lambda n: f"{n} day(s)")
        whole_points = view.map_points()
        shown, recent = view.as_of(st.session_state[AT_KEY], st.session_state[WINDOW_KEY] or WINDOWS[0])
    mapped = shown.map_report()
    points = shown.map_points(mapped)
    faded = faded_points(points, recent) if whole_points is not None else frozenset()
    if whole_points is not None:
        st.caption(f"{len(shown.events)} of {len(view.events)} events by {st.session_state[AT_KEY].isoformat()}; "
                   "faded: before the highlighted days.")
    fmap = build_map(mapped, points=points, fit_to=whole_points, faded=faded, style=state.map_style)
    clicked = st_folium(fmap, key="corpus_map", height=height, use_container_width=True,
                        returned_objects=MAP_CLICK_FIELDS, center=state.centre, zoom=state.zoom)
    write_state_to_url(with_time(state))
    if select_clicked(shown, points, clicked):
        st.rerun(scope="app")  # the event's card is drawn outside this part
