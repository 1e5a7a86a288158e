"""The Brief page: an article in, a map and four panels out, shareable as a link.

Input: a text box (the sample article on first load), or an uploaded .txt/.md/.html file, and
an optional publication date; an analysed article is saved to the corpus store so that a link
to it works for others. Output: filters (kind, category, actor, source type, dates), a metric
header, the offline map, and the Attacks, Responses, Sources cited and Places panels.
Clicking a place on the map selects it: the panels show only its items and its sentences are
shown with the place marked; clicking a panel row centres the map on it. The view (article,
filters, selected place, map centre and zoom) lives in the URL (geo.view_state), read once on
load and written back on every change; a pan or zoom by hand reruns only the map's fragment
(the map and the Share box), so the link follows without redrawing the map or rerunning the
page. ``?view=present`` is the presentation view.
Corrections (geo.corrections) hold for the article they were made on.
Bad input shows the GeoError's one-line message; the previous result stays.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile
from streamlit_folium import st_folium

import geo
from geo.corrections import PlaceChoice, apply_place_choices, candidate_label
from geo.dashboard_articles import delete_place_corrections, load_linked, save_for_link, save_place_correction
from geo.dashboard_present import PRESENT_CSS, PRESENT_MAP_HEIGHT, filter_description, key_facts_html
from geo.dashboard_selection import (
    clicked_point, event_point, evidence_html, focus_zoom, place_selection, point_by_key, selection_ring,
)
from geo.errors import GeoError
from geo.export_brief import Brief, brief_from_report
from geo.ingest import article_from_upload
from geo.mapping import build_map
from geo.mapping_points import MapPoint, map_points
from geo.model import Report
from geo.report_tables import (
    EVENT_COLUMNS, PLACE_COLUMNS, SOURCE_COLUMNS, credit_rows, escape_markdown, event_row, place_label, place_rows,
    report_counts, source_row,
)
from geo.view_state import ViewState
from pages import (
    event_filter, set_filters, show_filters, show_share_and_export, write_state_to_url,
)

MAP_HEIGHT = 540
SENTENCE_ROW_PX = 76  # three lines: evidence and claims wrap instead of being cut
TABLE_ROW_PX, TABLE_HEADER_PX, TABLE_MAX_PX = 35, 38, 620
REPORT_KEY = "brief_report"
ERROR_KEY = "brief_error"
TEXT_KEY = "brief_text"
CHOICES_KEY = "brief_place_choices"  # (text_sha256, tuple of PlaceChoice) for the analysed article
PICK_KEY = "brief_place_pick"
CANDIDATE_KEY = "brief_place_candidate"
VIEW_KEY = "brief_view"  # the ViewState without the filters (those are the filter widgets)
NOTICES_KEY = "brief_notices"  # warnings to show once: unreadable link parameters, store problems
MAP_KEY = "brief_map"
FILTER_KEYS = {"kind": "brief_filter_kind", "category": "brief_filter_category", "actor": "brief_filter_actor",
               "source_type": "brief_filter_source", "since": "brief_filter_since", "until": "brief_filter_until"}
CLICK_OBJECTS = ["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"]
VIEW_OBJECTS = ["center", "zoom"]
MAP_TARGET_KEY = "brief_map_target"  # where the page last put the map; a pan by hand is not undone
SEEN_KEYS = {"click": "brief_map_seen_click", "view": "brief_map_seen_view"}  # what the map last reported
DROP = -1  # the candidate option that drops the place


@st.cache_data(max_entries=32, show_spinner=False)
def analyze_text(text: str, published: date | None) -> Report:
    return geo.analyze(text, published=published)


@st.cache_data(max_entries=16, show_spinner=False)
def analyze_upload(filename: str, data: bytes, published: date | None) -> Report:
    article = article_from_upload(filename, data)
    if published is not None:
        article = replace(article, published=published)
    return geo.analyze_article(article)


def one_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def notify(message: str) -> None:
    st.session_state.setdefault(NOTICES_KEY, []).append(message)


def view() -> ViewState:
    return st.session_state.get(VIEW_KEY) or ViewState()


def set_view(state: ViewState) -> None:
    """The page's view, and the map moved to its centre and zoom."""
    st.session_state[VIEW_KEY] = state
    st.session_state[MAP_TARGET_KEY] = (state.centre, state.zoom)


def map_target() -> tuple[tuple[float, float] | None, int | None]:
    return st.session_state.get(MAP_TARGET_KEY) or (view().centre, view().zoom)


# -- the state in the URL ---------------------------------------------------------------------

def load_state_once() -> None:
    """On a session's first run: the URL's view into the session (widgets, selection, map)."""
    if VIEW_KEY in st.session_state:
        return
    state, problems = ViewState.from_params(st.query_params.to_dict())
    for problem in problems:
        notify(f"Link parameter {problem}.")
    set_filters(FILTER_KEYS, state)
    set_view(replace(state, kind=None, category=None, actor=None, source_type=None, since=None, until=None))
    if state.article:
        open_linked_article(state.article)


def open_linked_article(article_id: str) -> None:
    try:
        report = load_linked(article_id)
    except GeoError as exc:
        notify(f"The linked article cannot be shown ({one_line(exc)}); showing the sample article instead.")
        set_view(ViewState(view=view().view))
        return
    except Exception as exc:  # noqa: BLE001 - the page shows a message, never a traceback
        notify(f"The linked article cannot be read ({type(exc).__name__}); showing the sample article instead.")
        set_view(ViewState(view=view().view))
        return
    st.session_state[REPORT_KEY] = report
    st.session_state[TEXT_KEY] = report.article.text
    st.session_state[CHOICES_KEY] = None


# -- input ------------------------------------------------------------------------------------

def run_analysis(text: str, upload: UploadedFile | None, published: date | None, save: bool) -> None:
    """Analyse the upload if there is one, else the text; keep the last good report on error.
    ``save``: store the article so that a link to it works for others."""
    try:
        with st.spinner("Analysing the article (the first run loads the language model)..."):
            report = (analyze_upload(upload.name, upload.getvalue(), published) if upload is not None
                      else analyze_text(text, published))
    except GeoError as exc:
        st.session_state[ERROR_KEY] = one_line(exc)
        return
    except Exception as exc:  # noqa: BLE001 - the page shows a message, never a traceback
        st.session_state[ERROR_KEY] = f"Analysis failed unexpectedly ({type(exc).__name__}): {exc}".splitlines()[0]
        return
    st.session_state[REPORT_KEY] = report
    st.session_state[ERROR_KEY] = None
    stored = st.session_state.get(CHOICES_KEY)
    if stored is not None and stored[0] != report.article.text_sha256:
        st.session_state[CHOICES_KEY] = None  # corrections belong to the article they were made on
    if not save:
        return  # the sample on a first load: the URL's view stands
    article_id = None
    try:
        article_id = save_for_link(report)
    except GeoError as exc:
        notify(f"Not saved to the corpus, so a link to it works only here: {one_line(exc)}")
    if view().article != article_id or article_id is None:  # another article: its own view
        set_view(ViewState(article=article_id, view=view().view))


def show_input() -> None:
    if TEXT_KEY not in st.session_state:
        st.session_state[TEXT_KEY] = geo.load_sample()
    with st.expander("Article: paste, edit or upload, then Analyze", expanded=False):
        # A form: the text, file and date are sent together when Analyze is pressed.
        with st.form("brief_input", border=False, enter_to_submit=False):
            left, right = st.columns([3, 1])
            with left:
                text = st.text_area("Article text", key=TEXT_KEY, height=220,
                                    help="Paste a news article. The sample article is loaded to start with.")
            with right:
                upload = st.file_uploader("...or upload a file (.txt, .md, .html)", key="brief_upload",
                                          help="An uploaded file is analysed instead of the text box.")
                published = st.date_input("Published (optional)", value=None, key="brief_published",
                                          help="Resolves relative dates such as 'on Tuesday'.")
                clicked = st.form_submit_button("Analyze", key="brief_analyze", type="primary", width="stretch")
    if clicked or REPORT_KEY not in st.session_state:
        run_analysis(text, upload if clicked else None, published, save=clicked)


# -- map and selection ------------------------------------------------------------------------

def _select(point: MapPoint) -> None:
    set_view(replace(view(), place=point.key).with_view(point.lat, point.lon, focus_zoom(point)))


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
    value = value or {}
    centre, zoom = value.get("center"), value.get("zoom")
    moved = _newly_reported("view", [centre, zoom])  # a click report carries the view too: never undo a selection
    if _newly_reported("click", [value.get(name) for name in CLICK_OBJECTS]):
        where = value.get("last_object_clicked")
        where = where if isinstance(where, dict) else {}
        point = clicked_point(points, where.get("lat"), where.get("lng"), value.get("last_object_clicked_tooltip"))
        if point is not None:
            _select(point)
            return True
    if moved and isinstance(centre, dict) and isinstance(zoom, (int, float)):
        lat, lon = centre.get("lat"), centre.get("lng")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            st.session_state[VIEW_KEY] = view().following_map(lat, lon, zoom)
    return False


def _show_all() -> None:
    set_view(replace(view(), place=None))


def show_map(report: Report, points: list[MapPoint], selected: MapPoint | None, height: int,
             interactive: bool = True) -> dict[str, object] | None:
    """The map, where the page last put it; what it reports (clicks, its view) when interactive."""
    centre, zoom = map_target()
    return st_folium(build_map(report, points=points), key=MAP_KEY, height=height, use_container_width=True,
                     returned_objects=CLICK_OBJECTS + VIEW_OBJECTS if interactive else [],
                     center=centre, zoom=zoom,
                     feature_group_to_add=selection_ring(selected) if selected else None)


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


def _centre_on_row(table_key: str, targets: list[MapPoint | None]) -> None:
    rows = ((st.session_state.get(table_key) or {}).get("selection") or {}).get("rows") or []
    if not rows or rows[0] >= len(targets):
        return
    point = targets[rows[0]]
    if point is None:
        notify("That row has no location on the map.")
        return
    set_view(view().with_view(point.lat, point.lon, max(view().zoom or 0, focus_zoom(point))))


def show_table(rows: list[dict[str, object]], columns: tuple[str, ...], empty: str, key: str,
               targets: list[MapPoint | None] | None = None, row_px: int = SENTENCE_ROW_PX) -> None:
    if not rows:
        st.info(empty)
        return
    config = {
        "evidence": st.column_config.TextColumn("evidence", width="large"),
        "claims": st.column_config.TextColumn("claims", width="large"),
        "summary": st.column_config.TextColumn("summary", width="medium"),
        "confidence": st.column_config.NumberColumn("confidence", format="%.2f"),
    }
    frame = pd.DataFrame(rows, columns=list(columns))
    height = min(TABLE_HEADER_PX + row_px * len(rows) + 3, TABLE_MAX_PX)  # all rows when they fit
    # The key names the rows shown: other rows (a filter, a selection) start with no row selected.
    table_key = f"{key}_{abs(hash(tuple(str(r) for r in rows))) % 10**10}"
    if targets is None:
        st.dataframe(frame, hide_index=True, width="stretch", column_config=config, key=table_key,
                     height=height, row_height=row_px)
        return
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, key=table_key, height=height,
                 row_height=row_px, on_select=lambda: _centre_on_row(table_key, targets),
                 selection_mode="single-row")


# -- corrections ------------------------------------------------------------------------------

def place_choices(report: Report) -> tuple[PlaceChoice, ...]:
    """The analyst's corrections to this article's places (none for another article)."""
    stored = st.session_state.get(CHOICES_KEY)
    if stored is None or stored[0] != report.article.text_sha256:
        return ()
    return stored[1]


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


# -- panels, share, export --------------------------------------------------------------------

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
        right.button("Show all", key="brief_show_all", on_click=_show_all, type="primary", width="stretch")
        sentences = evidence_html(report, point)
        if sentences:
            items = "".join(f"<li>{s}</li>" for s in sentences)  # escaped by geo.dashboard_selection
            st.markdown(f'<ul class="geobrief-evidence" style="margin:0">{items}</ul>', unsafe_allow_html=True)


def show_panels(report: Report, analysed: Report, points: list[MapPoint], selected: MapPoint | None) -> None:
    chosen = place_selection(report, selected) if selected else None
    attacks = chosen.attacks if chosen else report.attacks
    responses = chosen.responses if chosen else report.responses
    sources = chosen.sources if chosen else report.sources
    tabs = st.tabs([f"Attacks ({len(attacks)})", f"Responses ({len(responses)})",
                    f"Sources cited ({len(sources)})", f"Places ({len(report.places)})"])
    with tabs[0]:
        show_table([event_row(e) for e in attacks], EVENT_COLUMNS, "No attack found in this article.",
                   "brief_attacks", [event_point(points, e) for e in attacks])
    with tabs[1]:
        show_table([event_row(e) for e in responses], EVENT_COLUMNS, "No response found in this article.",
                   "brief_responses", [event_point(points, e) for e in responses])
    with tabs[2]:
        show_table([source_row(s) for s in sources], SOURCE_COLUMNS, "No source cited in this article.",
                   "brief_sources")
        if report.article.credits:  # image credits: shown as credits, never as sources
            st.caption("Image credits: " + escape_markdown("; ".join(r["credit"] for r in credit_rows(report))))
    with tabs[3]:
        show_table(place_rows(report), PLACE_COLUMNS, "No place found in this article.", "brief_places",
                   [point_by_key(points, p.key) for p in report.places], row_px=TABLE_ROW_PX)
        show_place_corrections(analysed)


# -- the page ---------------------------------------------------------------------------------

def show_notices() -> None:
    for message in st.session_state.pop(NOTICES_KEY, []):
        st.warning(escape_markdown(message))


def selected_point(points: list[MapPoint]) -> MapPoint | None:
    state = view()
    point = point_by_key(points, state.place)
    if state.place and point is None:
        notify("The selected place is not on the map with these filters: showing everything.")
        set_view(replace(state, place=None))
    return point


def show_presentation(brief: Brief, state: ViewState) -> None:
    points = map_points(brief.report)
    selected = point_by_key(points, state.place)
    f = state.event_filter
    note = filter_description(f.kind, f.category, f.actor, f.source_type, f.since, f.until,
                              selected.name if selected else None)
    st.html(PRESENT_CSS + key_facts_html(brief, note))
    show_map(brief.report, points, selected, PRESENT_MAP_HEIGHT, interactive=False)


def show_page(analysed: Report) -> ViewState:
    report = apply_place_choices(analysed, place_choices(analysed))
    show_filters(FILTER_KEYS)
    brief = brief_from_report(report, event_filter(FILTER_KEYS))
    filtered = brief.report
    points = map_points(filtered)
    selected = selected_point(points)
    show_notices()
    show_header(filtered)
    show_map_and_link(filtered, points, selected, brief)
    if selected is not None:
        show_selection(filtered, selected)
    show_panels(filtered, analysed, points, selected)
    return view().with_filter(event_filter(FILTER_KEYS))


load_state_once()
if view().presenting:
    show_notices()
    if REPORT_KEY not in st.session_state:
        run_analysis(st.session_state.setdefault(TEXT_KEY, geo.load_sample()), None, None, save=False)
    report = st.session_state.get(REPORT_KEY)
    if report is not None:
        corrected = apply_place_choices(report, place_choices(report))
        state = view().with_filter(event_filter(FILTER_KEYS))
        show_presentation(brief_from_report(corrected, state.event_filter), state)
        write_state_to_url(state)
else:
    st.title("GeoBrief", anchor=False)
    show_input()
    if st.session_state.get(ERROR_KEY):
        st.error(escape_markdown(st.session_state[ERROR_KEY]))
    if st.session_state.get(REPORT_KEY) is not None:
        write_state_to_url(show_page(st.session_state[REPORT_KEY]))
    show_notices()
