"""The Brief page's place search: type a name, pick one of its places, and the map centres on it
and marks it (until the box is cleared)."""

from __future__ import annotations

import streamlit as st

from geo.dashboard import place_label, search_places, search_zoom
from geo.errors import GeoError, one_line
from geo.model import Candidate
from pages.widgets.brief_state import set_view, view
from pages.widgets.lazy import keep_values, open_box

QUERY_KEY = "place_search_query"
PICK_KEY = "place_search_pick"
FOUND_KEY = "place_search_found"
SHOWN_KEY = "place_search_shown"  # the place the map was last centred on by the search


def _centre() -> None:
    found: list[Candidate] = st.session_state.get(FOUND_KEY) or []
    index = st.session_state.get(PICK_KEY)
    if isinstance(index, int) and 0 <= index < len(found):
        place = found[index]
        st.session_state[SHOWN_KEY] = place
        set_view(view().with_view(place.lat, place.lon, search_zoom(place)))


def shown_place() -> Candidate | None:
    """The place the search centred the map on, while its name is still in the box."""
    return st.session_state.get(SHOWN_KEY) if st.session_state.get(QUERY_KEY) else None


def show_place_search() -> None:
    keep_values(QUERY_KEY, PICK_KEY)
    box = open_box("Find a place on the map", key=f"{QUERY_KEY}_box", expanded=bool(st.session_state.get(QUERY_KEY)))
    if box is None:
        return
    with box:
        query = st.text_input("Place name or description", key=QUERY_KEY,
                              placeholder="Albu Kamal; Nahta, Daraa; Bagram airbase")
        if not query.strip():
            st.session_state.pop(SHOWN_KEY, None)
            return
        try:
            found = search_places(query)
        except GeoError as exc:
            st.error(one_line(exc))
            return
        st.session_state[FOUND_KEY] = found
        if not found:
            st.caption("No place of that name in the offline gazetteer (add GeoNames files for villages: "
                       "`python -m geo gazetteer add`).")
            return
        left, right = st.columns([4, 1], vertical_alignment="bottom")
        left.selectbox("Places of that name", range(len(found)), key=PICK_KEY,
                       format_func=lambda i: place_label(found[i]) if i < len(found) else "")
        right.button("Centre the map", key="place_search_go", on_click=_centre, width="stretch")
