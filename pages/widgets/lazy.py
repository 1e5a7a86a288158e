"""Boxes and tabs drawn only when open: what a collapsed expander or a hidden tab holds costs the
browser nothing on the first view.

Every kind of widget the page draws makes the browser fetch and run its code before the map's frame
gets its turn (geo.bench.first_view measured the article form, the filters, the share box and the
hidden panel tabs at about 0.45 s of a warm first view). A box made with :func:`open_box` or a tab
of :func:`open_tabs` reruns the page when it is opened and holds its content only while open. Streamlit forgets a widget's value after a
run that did not draw it, so the values of the widgets inside are kept with :func:`keep_values`.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def keep_values(*keys: str) -> None:
    """Keep these widgets' values while their box is closed (call before the widgets are drawn)."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def open_box(label: str, key: str, expanded: bool = False) -> DeltaGenerator | None:
    """An expander whose content is to be drawn only when this returns it (it is open).

    ``expanded`` opens it on a session's first run (for example when a link sets a filter)."""
    box = st.expander(label, expanded=expanded, key=key, on_change="rerun")
    return box if box.open else None


def _name(label: str) -> str:
    return label.rsplit(" (", 1)[0]


def open_tabs(labels: list[str], key: str) -> list[DeltaGenerator | None]:
    """Tabs of which only the open one is returned, to be drawn; the others are ``None``.

    A label may end with a count ("Sources cited (5)"): when the count changes (a filter, a
    selection) the same tab stays open."""
    chosen = st.session_state.get(key)
    if isinstance(chosen, str) and chosen not in labels:
        st.session_state[key] = next((label for label in labels if _name(label) == _name(chosen)), labels[0])
    return [tab if tab.open else None for tab in st.tabs(labels, key=key, on_change="rerun")]
