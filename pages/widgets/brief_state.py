"""The Brief page's session state: its keys, the view (article, selection, map centre and zoom;
the filters are the filter widgets), the analyst's place corrections and the notices to show once."""

from __future__ import annotations

import streamlit as st

from geo.dashboard import ViewState
from geo.exports import escape_markdown
from geo.model import Report
from geo.places import PlaceChoice

REPORT_KEY = "brief_report"
ERROR_KEY = "brief_error"
TEXT_KEY = "brief_text"
CHOICES_KEY = "brief_place_choices"  # (text_sha256, tuple of PlaceChoice) for the analysed article
VIEW_KEY = "brief_view"  # the ViewState without the filters (those are the filter widgets)
NOTICES_KEY = "brief_notices"  # warnings to show once: unreadable link parameters, store problems
MAP_TARGET_KEY = "brief_map_target"  # where the page last put the map; a pan by hand is not undone
FILTER_KEYS = {"kind": "brief_filter_kind", "category": "brief_filter_category", "actor": "brief_filter_actor",
               "source_type": "brief_filter_source", "since": "brief_filter_since", "until": "brief_filter_until",
               "reliability": "brief_filter_graded"}


def notify(message: str) -> None:
    st.session_state.setdefault(NOTICES_KEY, []).append(message)


def show_notices() -> None:
    for message in st.session_state.pop(NOTICES_KEY, []):
        st.warning(escape_markdown(message))


def view() -> ViewState:
    return st.session_state.get(VIEW_KEY) or ViewState()


def set_view(state: ViewState) -> None:
    """The page's view, and the map moved to its centre and zoom."""
    st.session_state[VIEW_KEY] = state
    st.session_state[MAP_TARGET_KEY] = (state.centre, state.zoom)


def follow_view(state: ViewState) -> None:
    """The view after a pan or zoom by hand: the map is where the analyst put it, so it is not moved."""
    st.session_state[VIEW_KEY] = state


def map_target() -> tuple[tuple[float, float] | None, int | None]:
    return st.session_state.get(MAP_TARGET_KEY) or (view().centre, view().zoom)


def place_choices(report: Report) -> tuple[PlaceChoice, ...]:
    """The analyst's corrections to this article's places (none for another article)."""
    stored = st.session_state.get(CHOICES_KEY)
    if stored is None or stored[0] != report.article.text_sha256:
        return ()
    return stored[1]
