"""The Brief page: an article in, a map and four panels out.

Input: a text box (the sample article on first load), or an uploaded .txt/.md/.html
file, and an optional publication date. Output: a metric header, the offline map and
the Attacks, Responses, Sources cited and Places panels, each row with its sentence.
Below the Places table the analyst picks another reading of a place or drops it; the
corrections (geo.corrections) hold for the article they were made on, and every panel
and the map show the corrected report.
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
from geo.errors import GeoError
from geo.ingest import article_from_upload
from geo.mapping import build_map
from geo.model import Report
from geo.report_tables import (
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    SOURCE_COLUMNS,
    attack_rows,
    escape_markdown,
    place_label,
    place_rows,
    report_counts,
    response_rows,
    source_rows,
)

MAP_HEIGHT = 540
SENTENCE_ROW_PX = 76  # three lines: evidence and claims wrap instead of being cut
TABLE_ROW_PX = 35
TABLE_HEADER_PX = 38
TABLE_MAX_PX = 620
REPORT_KEY = "brief_report"
ERROR_KEY = "brief_error"
TEXT_KEY = "brief_text"
CHOICES_KEY = "brief_place_choices"  # (text_sha256, tuple of PlaceChoice) for the analysed article
PICK_KEY = "brief_place_pick"
CANDIDATE_KEY = "brief_place_candidate"
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


def run_analysis(text: str, upload: UploadedFile | None, published: date | None) -> None:
    """Analyse the upload if there is one, else the text; keep the last good report on error."""
    try:
        with st.spinner("Analysing the article (the first run loads the language model)..."):
            if upload is not None:
                report = analyze_upload(upload.name, upload.getvalue(), published)
            else:
                report = analyze_text(text, published)
    except GeoError as exc:
        st.session_state[ERROR_KEY] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return
    except Exception as exc:  # noqa: BLE001 - the page shows a message, never a traceback
        st.session_state[ERROR_KEY] = f"Analysis failed unexpectedly ({type(exc).__name__}): {exc}".splitlines()[0]
        return
    st.session_state[REPORT_KEY] = report
    st.session_state[ERROR_KEY] = None
    stored = st.session_state.get(CHOICES_KEY)
    if stored is not None and stored[0] != report.article.text_sha256:
        st.session_state[CHOICES_KEY] = None  # corrections belong to the article they were made on


def show_input() -> None:
    if TEXT_KEY not in st.session_state:
        st.session_state[TEXT_KEY] = geo.load_sample()
    # Collapsed: the sample's brief shows at once; a fixed `expanded` keeps the user's toggle.
    with st.expander("Article: paste, edit or upload, then Analyze", expanded=False):
        _input_widgets()


def _input_widgets() -> None:
    # A form: the text, file and date are sent together when Analyze is pressed, so a click
    # right after typing is never lost to the text box's own rerun.
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
        run_analysis(text, upload if clicked else None, published)


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


def show_table(rows: list[dict[str, object]], columns: tuple[str, ...], empty: str, key: str,
               row_px: int = SENTENCE_ROW_PX) -> None:
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
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, key=key,
                 height=height, row_height=row_px)


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
    choices = others + (PlaceChoice(place.key, candidate),)
    st.session_state[CHOICES_KEY] = (report.article.text_sha256, choices)


def _reset_choices() -> None:
    st.session_state[CHOICES_KEY] = None


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
    options = [*range(len(place.alternatives)), DROP]
    with right:
        st.selectbox("Where it is", options, key=CANDIDATE_KEY,
                     format_func=lambda i: "Drop this place" if i == DROP else candidate_label(place.alternatives[i]))
    apply_column, reset_column, count_column = st.columns([1, 1, 2])
    apply_column.button("Apply", key="brief_place_apply", on_click=_apply_pick, args=(report,))
    reset_column.button("Reset corrections", key="brief_place_reset", on_click=_reset_choices)
    corrected = len({c.place_key for c in place_choices(report)})
    if corrected:
        count_column.caption(f"{corrected} place(s) corrected by you")


def show_panels(report: Report, analysed: Report) -> None:
    attacks, responses, sources, places = st.tabs([
        f"Attacks ({len(report.attacks)})",
        f"Responses ({len(report.responses)})",
        f"Sources cited ({len(report.sources)})",
        f"Places ({len(report.places)})",
    ])
    with attacks:
        show_table(attack_rows(report), EVENT_COLUMNS, "No attack found in this article.", "brief_attacks")
    with responses:
        show_table(response_rows(report), EVENT_COLUMNS, "No response found in this article.", "brief_responses")
    with sources:
        show_table(source_rows(report), SOURCE_COLUMNS, "No source cited in this article.", "brief_sources")
    with places:
        show_table(place_rows(report), PLACE_COLUMNS, "No place found in this article.", "brief_places",
                   row_px=TABLE_ROW_PX)
        show_place_corrections(analysed)


def show_report(analysed: Report) -> None:
    """The report with the analyst's place corrections applied: header, map and panels."""
    report = apply_place_choices(analysed, place_choices(analysed))
    show_header(report)
    st_folium(build_map(report), key="brief_map", height=MAP_HEIGHT, use_container_width=True,
              returned_objects=[])
    show_panels(report, analysed)


st.title("GeoBrief", anchor=False)
show_input()
if st.session_state.get(ERROR_KEY):
    st.error(escape_markdown(st.session_state[ERROR_KEY]))
if st.session_state.get(REPORT_KEY) is not None:
    show_report(st.session_state[REPORT_KEY])
