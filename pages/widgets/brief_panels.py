"""The Brief page under the map: the header of counts, the selected place's sentences, the Attacks,
Responses, Sources cited and Places panels, and the analyst's corrections of a place."""

from __future__ import annotations

import streamlit as st

from geo.dashboard import (delete_place_corrections, event_point, evidence_html, place_selection, point_by_key,
                           save_place_correction)
from geo.errors import GeoError, one_line
from geo.exports import (EVENT_COLUMNS, PLACE_COLUMNS, SOURCE_COLUMNS, UNGRADED_CODE, Brief, credit_rows,
                         escape_markdown, event_row, place_label, place_rows, report_counts, source_row)
from geo.maps import MapPoint
from geo.model import Report
from geo.places import PlaceChoice, candidate_label
from pages.widgets.brief_map import centre_on_row, show_all
from pages.widgets.brief_state import CHOICES_KEY, notify, place_choices, view
from pages.widgets.lazy import open_tabs
from pages.widgets.tables import ROW_PX, SENTENCE_ROW_PX, show_table

TABLE_MAX_PX = 620
TAB_KEY = "brief_tab"  # the open panel tab
PICK_KEY = "brief_place_pick"
CANDIDATE_KEY = "brief_place_candidate"
DROP = -1  # the candidate option that drops the place
GRADED_COLUMNS = (*EVENT_COLUMNS[:3], "grade", *EVENT_COLUMNS[3:])  # the Admiralty code of the event's best source


def show_header(report: Report) -> None:
    article = report.article
    if article.title:
        st.subheader(escape_markdown(article.title), anchor=False)
    details = [d for d in (article.outlet, article.published and article.published.isoformat(), article.url) if d]
    if details:
        st.caption(escape_markdown(" · ".join(str(d) for d in details)))
    counts = report_counts(report)
    columns = st.columns(4)
    columns[0].metric("Places", f"{counts['mapped']} / {counts['places']}", help="on the map / found")
    columns[1].metric("Attacks", counts["attacks"])
    columns[2].metric("Responses", counts["responses"])
    columns[3].metric("Sources cited", counts["sources"])


def show_selection(report: Report, point: MapPoint) -> None:
    with st.container(border=True):
        left, right = st.columns([5, 1])
        left.markdown(f"**Selected: {escape_markdown(point.name)}** — the panels show only this place's "
                      "attacks, responses and sources.")
        right.button("Show all", key="brief_show_all", on_click=show_all, type="primary", width="stretch")
        sentences = evidence_html(report, point)
        if sentences:
            items = "".join(f"<li>{s}</li>" for s in sentences)  # escaped by geo.dashboard.selection
            st.markdown(f'<ul class="geobrief-evidence" style="margin:0">{items}</ul>', unsafe_allow_html=True)


def _panel(rows: list[dict[str, object]], columns: tuple[str, ...], empty: str, key: str,
           targets: list[MapPoint | None] | None = None, row_px: int = SENTENCE_ROW_PX) -> None:
    # The key names the rows shown: other rows (a filter, a selection) start with no row selected.
    table_key = f"{key}_{abs(hash(tuple(str(r) for r in rows))) % 10**10}"
    show_table(rows, columns, empty, table_key, row_px=row_px, max_px=TABLE_MAX_PX,
               on_select=None if targets is None else (lambda: centre_on_row(table_key, targets)))


def show_panels(brief: Brief, analysed: Report, points: list[MapPoint], selected: MapPoint | None) -> None:
    report = brief.report
    grades = {id(e): brief.provenance_of(i).grade for i, e in enumerate(report.events)}
    chosen = place_selection(report, selected) if selected else None
    attacks = chosen.attacks if chosen else report.attacks
    responses = chosen.responses if chosen else report.responses
    sources = chosen.sources if chosen else report.sources
    # Only the open tab is drawn: the others' tables cost the first view nothing (pages/widgets/lazy.py).
    attacks_tab, responses_tab, sources_tab, places_tab = open_tabs(
        [f"Attacks ({len(attacks)})", f"Responses ({len(responses)})", f"Sources cited ({len(sources)})",
         f"Places ({len(report.places)})"], key=TAB_KEY)
    if attacks_tab is not None:
        with attacks_tab:
            _panel([{**event_row(e), "grade": grades.get(id(e), UNGRADED_CODE)} for e in attacks], GRADED_COLUMNS,
                   "No attack found in this article.",
                   "brief_attacks", [event_point(points, e) for e in attacks])
    if responses_tab is not None:
        with responses_tab:
            _panel([{**event_row(e), "grade": grades.get(id(e), UNGRADED_CODE)} for e in responses], GRADED_COLUMNS,
                   "No response found in this article.",
                   "brief_responses", [event_point(points, e) for e in responses])
    if sources_tab is not None:
        with sources_tab:
            _panel([source_row(s) for s in sources], SOURCE_COLUMNS, "No source cited in this article.",
                   "brief_sources")
            if report.article.credits:  # image credits: shown as credits, never as sources
                st.caption("Image credits: " + escape_markdown("; ".join(r["credit"] for r in credit_rows(report))))
    if places_tab is not None:
        with places_tab:
            _panel(place_rows(report), PLACE_COLUMNS, "No place found in this article.", "brief_places",
                   [point_by_key(points, p.key) for p in report.places], row_px=ROW_PX)
            show_place_corrections(analysed)


def _apply_pick(report: Report) -> None:
    place = next((p for p in report.places if p.key == st.session_state.get(PICK_KEY)), None)
    picked = st.session_state.get(CANDIDATE_KEY)
    if place is None or picked is None or not (picked == DROP or 0 <= picked < len(place.alternatives)):
        return  # a stale pick never drops a place by accident
    candidate = None if picked == DROP else place.alternatives[picked]
    others = tuple(c for c in place_choices(report) if c.place_key != place.key)
    st.session_state[CHOICES_KEY] = (report.article.text_sha256, others + (PlaceChoice(place.key, candidate),))
    if view().article == report.article.text_sha256:  # stored: the link shows the correction too
        try:
            save_place_correction(report.article.text_sha256, place, candidate)
        except GeoError as exc:
            notify(f"The correction holds here, but a link will not show it: {one_line(exc)}")


def _reset_choices(report: Report) -> None:
    st.session_state[CHOICES_KEY] = None
    if view().article == report.article.text_sha256:
        try:
            delete_place_corrections(report.article.text_sha256)
        except GeoError as exc:
            notify(f"Reset here, but a link still shows the stored corrections: {one_line(exc)}")


def show_place_corrections(report: Report) -> None:
    """Pick another reading of a place, or drop it; ``report`` is the report as analysed."""
    if not report.places:
        return
    places = {p.key: p for p in report.places}
    left, right = st.columns(2)
    with left:
        key = st.selectbox("Place to correct", list(places), key=PICK_KEY,
                           format_func=lambda k: place_label(places[k]))
    place = places.get(key) or report.places[0]
    with right:
        st.selectbox("Where it is", [*range(len(place.alternatives)), DROP], key=CANDIDATE_KEY,
                     format_func=lambda i: "Drop this place" if i == DROP else candidate_label(place.alternatives[i]))
    apply_column, reset_column, count_column = st.columns([1, 1, 2])
    apply_column.button("Apply", key="brief_place_apply", on_click=_apply_pick, args=(report,))
    reset_column.button("Reset corrections", key="brief_place_reset", on_click=_reset_choices, args=(report,))
    corrected = len({c.place_key for c in place_choices(report)})
    if corrected:
        count_column.caption(f"{corrected} place(s) corrected by you")
