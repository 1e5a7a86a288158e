"""The map's symbol options, above the map: colour by role or by actor, one size or sized by
casualties. The choice is part of the view, so the link and the presentation view keep it."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from pages.widgets.brief_state import follow_view, view

COLOUR_KEY = "map_style_colour"
SIZE_KEY = "map_style_size"
COLOUR_LABELS = {"role": "Colour: role", "actor": "actor"}
SIZE_LABELS = {"fixed": "Size: one", "casualties": "casualties"}


def _changed() -> None:
    colour = st.session_state.get(COLOUR_KEY) or "role"  # a segmented control can be emptied
    size = st.session_state.get(SIZE_KEY) or "fixed"
    follow_view(replace(view(), colour=colour, size=size))  # the map is redrawn, not moved


def show_map_style() -> None:
    """The two choices side by side, labelled by their options (they sit in a row with the place search)."""
    st.session_state[COLOUR_KEY] = view().colour  # a link's choice shows in the controls
    st.session_state[SIZE_KEY] = view().size
    left, right = st.columns([1, 1.1])
    left.segmented_control("Symbol colour", list(COLOUR_LABELS), key=COLOUR_KEY, label_visibility="collapsed",
                           format_func=COLOUR_LABELS.__getitem__, on_change=_changed,
                           help="Colour the symbols by role (attack, response) or by actor.")
    right.segmented_control("Symbol size", list(SIZE_LABELS), key=SIZE_KEY, label_visibility="collapsed",
                            format_func=SIZE_LABELS.__getitem__, on_change=_changed,
                            help="By casualties: the area grows with the killed and injured.")
