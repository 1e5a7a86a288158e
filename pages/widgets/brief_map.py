"""The Brief page's map: drawn where the page last put it, a click on a symbol selects its place, a pan
or zoom by hand becomes the view (and so the link) without redrawing the map; a panel row centres it."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from geo.dashboard import (MAP_CLICK_FIELDS, MAP_VIEW_FIELDS, MapReport, clicked_point, focus_zoom,
                           found_place_marker, point_by_key, selection_ring)
from geo.exports import Brief
from geo.maps import MapPoint, MapView, build_map
from geo.model import Report
from pages.widgets.brief_state import (FILTER_KEYS, MAP_TARGET_KEY, follow_view, map_target, notify, set_view,
                                      view)
from pages.widgets.place_search import shown_place
from pages.widgets.view_controls import event_filter, show_share_and_export, write_state_to_url

MAP_HEIGHT = 540
MAP_KEY = "brief_map"
SEEN_KEYS = {"click": "brief_map_seen_click", "view": "brief_map_seen_view"}  # what the map last reported
DRAWN_KEY = "brief_map_drawn"  # (the points drawn, the view the map opened at, how many times it was refitted)


def select(point: MapPoint) -> None:
    set_view(replace(view(), place=point.key).with_view(point.lat, point.lon, focus_zoom(point)))


def show_all() -> None:
    """No place selected, and the map fitted to the events again."""
    set_view(replace(view(), place=None).with_view(None, None, None))
    _, _, fits = st.session_state.get(DRAWN_KEY) or (None, None, 0)
    st.session_state[DRAWN_KEY] = (None, None, fits + 1)


def opening_view(points: list[MapPoint]) -> tuple[MapView | None, int]:
    """Where the map opens when it is drawn anew, and a count that changes when it must be redrawn.

    On the first draw: the page's view (a shared link's centre and zoom), or ``None`` to fit the
    events. While the same points are drawn, the map is not drawn again (a pan, a selection or a
    panel row move it in place). When the filters change what is drawn, the new map fits it again.
    """
    drawn_points, opened, fits = st.session_state.get(DRAWN_KEY) or (None, None, 0)
    current = tuple(points)
    if drawn_points == current:
        return opened, fits
    if drawn_points is not None:
        follow_view(view().with_view(None, None, None))
        st.session_state[MAP_TARGET_KEY] = (None, None)
        opened = None
    else:
        centre, zoom = map_target()
        opened = MapView(centre[0], centre[1], zoom) if centre is not None and zoom is not None else None
    st.session_state[DRAWN_KEY] = (current, opened, fits)
    return opened, fits


def selected_point(points: list[MapPoint]) -> MapPoint | None:
    state = view()
    point = point_by_key(points, state.place)
    if state.place and point is None:
        notify("The selected place is not on the map with these filters: showing everything.")
        set_view(replace(state, place=None))
    return point


def _newly_reported(name: str, value: object) -> bool:
    """Whether the map reports ``value`` for the first time (a rerun hands back the last report)."""
    if st.session_state.get(SEEN_KEYS[name]) == value:
        return False
    st.session_state[SEEN_KEYS[name]] = value
    return True


def follow_map(value: dict[str, object] | None, points: list[MapPoint]) -> bool:
    """Apply what the map reports. A click on a symbol selects its place: True, the whole page
    must follow. A pan or zoom by hand becomes the view, and so the URL and the link, without
    moving the map again."""
    report = MapReport.read(value)
    moved = _newly_reported("view", report.view_key)  # a click report carries the view too: never undo a selection
    if _newly_reported("click", report.click_key):
        point = clicked_point(points, report.clicked_lat, report.clicked_lon, report.clicked_tooltip)
        if point is not None:
            select(point)
            return True
    if moved and report.centre is not None and report.zoom is not None:
        follow_view(view().following_map(*report.centre, report.zoom))
    return False


def show_map(report: Report, points: list[MapPoint], selected: MapPoint | None, height: int,
             interactive: bool = True, steps: list[tuple[int, float | None, float | None]] | None = None,
             ) -> dict[str, object] | None:
    """The map, where the page last put it; what it reports (clicks, its view) when interactive."""
    opened, fits = opening_view(points)
    centre, zoom = map_target()
    found = shown_place()
    groups = ([selection_ring(selected)] if selected else []) + ([found_place_marker(found)] if found else [])
    # A new key after "Show all" draws the map anew, fitted to the events.
    fmap = build_map(report, points=points, view=opened, steps=steps, style=view().map_style)
    return st_folium(fmap, key=f"{MAP_KEY}_{fits}", height=height,
                     use_container_width=True,
                     returned_objects=MAP_CLICK_FIELDS + MAP_VIEW_FIELDS if interactive else [],
                     center=centre, zoom=zoom, feature_group_to_add=groups or None)


@st.fragment
def show_map_and_link(report: Report, points: list[MapPoint], selected: MapPoint | None, brief: Brief) -> None:
    """The map and the Share box under it. A pan or zoom reruns only this part: the view goes
    into the URL and the link, and the map is not redrawn; a click on a place reruns the page."""
    reported = show_map(report, points, selected, MAP_HEIGHT)
    if follow_map(reported, points):
        st.rerun()
    state = view().with_filter(event_filter(FILTER_KEYS))
    write_state_to_url(state)
    note = None if state.article else ("The sample article: the link shows it to anyone running GeoBrief. A pasted "
                                       "article is saved to the corpus when you press Analyze, so its link works too.")
    show_share_and_export(lambda: brief, brief.title, state, note, key="brief")


def centre_on_row(table_key: str, targets: list[MapPoint | None]) -> None:
    """A panel row was selected: centre the map on where it is drawn."""
    rows = ((st.session_state.get(table_key) or {}).get("selection") or {}).get("rows") or []
    if not rows or rows[0] >= len(targets):
        return
    point = targets[rows[0]]
    if point is None:
        notify("That row has no location on the map.")
        return
    set_view(view().with_view(point.lat, point.lon, max(view().zoom or 0, focus_zoom(point))))
