"""Widgets the Brief and Corpus pages share: the event filters, the view in the URL, and the
Share and export box. What they show comes from geo.dashboard (the view state) and geo.exports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from geo.dashboard import ViewState, share_url
from geo.exports import FORMATS, Brief, EventFilter, export_file, file_stem
from geo.model import CATEGORIES, SOURCE_TYPES
from pages.widgets.lazy import keep_values, open_box

ANY = ""
FILTER_NAMES = ("kind", "category", "actor", "source_type", "since", "until", "reliability")
GRADE_LABELS = {ANY: "Any", **{letter: f"{letter} or better" for letter in "ABCDE"}}
KIND_LABELS = {ANY: "Any", "attack": "Attacks", "response": "Responses"}


def event_filter(keys: dict[str, str]) -> EventFilter:
    """The filters as the widgets under ``keys`` (a widget key per name of FILTER_NAMES) hold them."""
    values = {name: st.session_state.get(key) for name, key in keys.items()}
    return EventFilter(kind=values["kind"] or None, category=values["category"] or None,
                       actor=(values["actor"] or "").strip() or None, source_type=values["source_type"] or None,
                       since=values["since"], until=values["until"], reliability=values.get("reliability") or None)


def set_filters(keys: dict[str, str], state: ViewState) -> None:
    """Put a view's filters (from a link) into the widgets, before they are drawn."""
    for name, key in keys.items():
        value = getattr(state, name)
        st.session_state[key] = value if value is not None else (None if name in ("since", "until") else ANY)


def show_filters(keys: dict[str, str]) -> None:
    """The filters, in a box drawn only when open (open from the start when a link sets one)."""
    keep_values(*keys.values())
    box = open_box("Filters: kind, category, actor, source type, dates, source grade", key=f"{keys['kind']}_box",
                   expanded=event_filter(keys).active)
    if box is None:
        return
    with box:
        columns = st.columns([1, 1.6, 1.2, 1, 1, 1, 1])
        columns[0].selectbox("Kind", list(KIND_LABELS), key=keys["kind"], format_func=KIND_LABELS.__getitem__)
        columns[1].selectbox("Category", [ANY, *CATEGORIES], key=keys["category"], format_func=lambda v: v or "Any")
        columns[2].text_input("Actor", key=keys["actor"], help="Words that must all occur in the actor.")
        columns[3].selectbox("Source type", [ANY, *SOURCE_TYPES], key=keys["source_type"],
                             format_func=lambda v: v or "Any")
        columns[4].date_input("Since", key=keys["since"], value=None)
        columns[5].date_input("Until", key=keys["until"], value=None)
        columns[6].selectbox("Source graded", list(GRADE_LABELS), key=keys["reliability"],
                             format_func=GRADE_LABELS.__getitem__,
                             help="Source reliability (Admiralty A-F): events whose best source is graded this "
                                  "or better.")


def write_state_to_url(state: ViewState) -> None:
    params = state.to_params()
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def base_url() -> str:
    try:
        url = st.context.url
    except Exception:  # noqa: BLE001 - older Streamlit or no browser session (tests)
        url = None
    return url or "http://localhost:8501/"


def show_share_and_export(make_brief: Callable[[], Brief], title: str, state: ViewState, note: str | None,
                          key: str, presentation: bool = True) -> None:
    """The Share and export box: the link to this view, the presentation link, a download per format
    (the brief is made only when a download is asked for)."""
    box = open_box("Share and export this view", key=f"{key}_share_box")
    if box is None:
        return
    with box:
        if note:
            st.caption(note)
        st.markdown("**Copy link** (the copy button is at the right of the box)")
        st.code(share_url(base_url(), state), language=None, wrap_lines=True)
        if presentation:
            st.markdown("**Presentation link** (full-width map and key facts, for a projector)")
            st.code(share_url(base_url(), replace(state, view="present")), language=None, wrap_lines=True)
        st.markdown("**Download** (the filters applied)")
        columns = st.columns(len(FORMATS))
        stem = file_stem(title)
        for column, fmt in zip(columns, FORMATS):
            column.download_button(fmt.upper(), data=lambda fmt=fmt: export_file(make_brief(), fmt).data,
                                   file_name=f"{stem}.{fmt}", key=f"{key}_download_{fmt}",
                                   on_click="ignore", width="stretch")
