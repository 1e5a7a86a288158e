"""The Brief page: an article in, a map and four panels out, shareable as a link.

Input: a text box (the sample article on first load), or an uploaded .txt/.md/.html file, and
an optional publication date; an analysed article is saved to the corpus store so that a link
to it works for others. Output: filters (kind, category, actor, source type, dates, source grade),
a metric header, the offline map, and the Attacks, Responses, Sources cited and Places panels (the
events graded by the corpus's source grades).
Clicking a place on the map selects it: the panels show only its items and its sentences are
shown with the place marked; clicking a panel row centres the map on it. The view (article,
filters, selected place, map centre and zoom) lives in the URL (geo.dashboard.view_state), read once on
load and written back on every change; a pan or zoom by hand reruns only the map's fragment
(the map and the Share box), so the link follows without redrawing the map or rerunning the
page. ``?view=present`` is the presentation view.
Corrections (geo.places.corrections) hold for the article they were made on. The page's parts
are in pages/widgets/ (brief_state, brief_map, brief_panels, view_controls, place_search: a place
typed by name centres the map on it).
Bad input shows the GeoError's one-line message; the previous result stays.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

import geo
from geo.corpus import NO_JUDGEMENTS, Judgements, StoreLockedError, default_db_path
from geo.dashboard import (NO_DETAILS, PRESENT_CSS, PRESENT_MAP_HEIGHT, ArticleDetails, ViewState, filter_description,
                           key_facts_html, load_linked, pasted_article, point_by_key, present_steps, save_for_link,
                           shown_brief, steps_html, store_signature, stored_judgements)
from geo.errors import GeoError, one_line
from geo.exports import Brief, brief_from_report, escape_markdown
from geo.ingest import article_from_upload
from geo.maps import map_points
from geo.model import Report
from geo.places import apply_place_choices
from pages.widgets.brief_map import selected_point, show_map, show_map_and_link
from pages.widgets.map_style import show_map_style
from pages.widgets.brief_panels import show_header, show_panels, show_selection
from pages.widgets.brief_state import (CHOICES_KEY, ERROR_KEY, FILTER_KEYS, REPORT_KEY, TEXT_KEY, VIEW_KEY, notify,
                                       place_choices, set_view, show_notices, view)
from pages.widgets.lazy import keep_values, open_box
from pages.widgets.place_search import show_place_search
from pages.widgets.view_controls import event_filter, set_filters, show_filters, write_state_to_url

INPUT_KEYS = (TEXT_KEY, "brief_published", "brief_title", "brief_outlet", "brief_url")  # the form's kept values


@st.cache_data(max_entries=32, show_spinner=False)
def analyze_text(text: str, published: date | None, details: ArticleDetails) -> Report:
    return geo.analyze_article(pasted_article(text, published, details))


@st.cache_data(max_entries=16, show_spinner=False)
def analyze_upload(filename: str, data: bytes, published: date | None, details: ArticleDetails) -> Report:
    article = details.applied_to(article_from_upload(filename, data))
    if published is not None:
        article = replace(article, published=published)
    return geo.analyze_article(article)


@st.cache_data(max_entries=4, show_spinner=False)
def cached_judgements(path: str, signature: tuple[int, ...]) -> Judgements:
    return stored_judgements(Path(path))  # ``signature`` is the cache key: the corpus changed, read again


def corpus_judgements() -> Judgements:
    """The corpus's source grades, which grade this article's events too; none when it cannot be read."""
    path = default_db_path()
    try:
        return cached_judgements(str(path), store_signature(path))
    except GeoError:
        return NO_JUDGEMENTS  # a busy or unreadable corpus: the events read as ungraded (F6), the page goes on


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
    except StoreLockedError as exc:  # an ingest held the corpus past the wait: one line, the sample meanwhile
        notify(f"{one_line(exc)} The sample article is shown until then: open the link again.")
        set_view(ViewState(view=view().view))
        return
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

def run_analysis(text: str, upload: UploadedFile | None, published: date | None, save: bool,
                 details: ArticleDetails = NO_DETAILS) -> None:
    """Analyse the upload if there is one, else the text; keep the last good report on error.
    ``save``: store the article so that a link to it works for others. ``details``: the title,
    outlet and URL typed in (over what the file says)."""
    try:
        with st.spinner("Analysing the article (the first run loads the language model)..."):
            report = (analyze_upload(upload.name, upload.getvalue(), published, details) if upload is not None
                      else analyze_text(text, published, details))
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
    """The article form, in a box drawn only when open; the sample is analysed on a first load."""
    if TEXT_KEY not in st.session_state:
        st.session_state[TEXT_KEY] = geo.load_sample()
    keep_values(*INPUT_KEYS)
    box = open_box("Article: paste, edit or upload, then Analyze", key="brief_input_box")
    clicked = False
    if box is not None:
        with box, st.form("brief_input", border=False, enter_to_submit=False):
            # A form: the text, file and date are sent together when Analyze is pressed.
            left, right = st.columns([3, 1])
            with left:
                text = st.text_area("Article text", key=TEXT_KEY, height=220,
                                    help="Paste a news article. The sample article is loaded to start with.")
            with right:
                upload = st.file_uploader("...or upload a file (.txt, .md, .html)", key="brief_upload",
                                          help="An uploaded file is analysed instead of the text box.")
                published = st.date_input("Published (optional)", value=None, key="brief_published",
                                          help="Resolves relative dates such as 'on Tuesday'.")
            title, outlet, url = st.columns([2, 1, 2])
            typed = (title.text_input("Title (optional)", key="brief_title", max_chars=300),
                     outlet.text_input("Outlet (optional)", key="brief_outlet", max_chars=120),
                     url.text_input("URL (optional)", key="brief_url", max_chars=2000,
                                    help="Where the article was published: shown, never fetched."))
            clicked = st.form_submit_button("Analyze", key="brief_analyze", type="primary", width="stretch")
    if clicked:
        try:
            details = ArticleDetails.typed(*typed)
        except GeoError as exc:
            st.session_state[ERROR_KEY] = one_line(exc)
            return
        run_analysis(text, upload, published, save=True, details=details)
    elif REPORT_KEY not in st.session_state:
        run_analysis(st.session_state[TEXT_KEY], None, st.session_state.get("brief_published"), save=False)


# -- the page ---------------------------------------------------------------------------------

def show_presentation(brief: Brief, state: ViewState) -> None:
    points = map_points(brief.report)
    selected = point_by_key(points, state.place)
    f = state.event_filter
    note = filter_description(f.kind, f.category, f.actor, f.source_type, f.since, f.until,
                              selected.name if selected else None)
    shown = shown_brief(brief, selected)  # the figures and the list: what is shown, as the panels count it
    steps = present_steps(shown)
    st.html(PRESENT_CSS + key_facts_html(shown, note))
    left, right = st.columns([3.3, 1], gap="small")
    with left:
        show_map(brief.report, points, selected, PRESENT_MAP_HEIGHT, interactive=False,
                 steps=[(step.number, step.lat, step.lon) for step in steps])
    with right:
        st.html(steps_html(steps))


def show_page(analysed: Report) -> ViewState:
    report = apply_place_choices(analysed, place_choices(analysed))
    show_filters(FILTER_KEYS)
    brief = brief_from_report(report, event_filter(FILTER_KEYS), corpus_judgements())
    filtered = brief.report
    points = map_points(filtered)
    selected = selected_point(points)
    show_notices()
    show_header(filtered)
    search, style = st.columns([1.2, 1], vertical_alignment="top")
    with search:
        show_place_search()
    with style:
        show_map_style()
    show_map_and_link(filtered, points, selected, brief)
    if selected is not None:
        show_selection(filtered, selected)
    show_panels(brief, analysed, points, selected)
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
        show_presentation(brief_from_report(corrected, state.event_filter, corpus_judgements()), state)
        write_state_to_url(state)
else:
    st.title("GeoBrief", anchor=False)
    show_input()
    if st.session_state.get(ERROR_KEY):
        st.error(escape_markdown(st.session_state[ERROR_KEY]))
    if st.session_state.get(REPORT_KEY) is not None:
        write_state_to_url(show_page(st.session_state[REPORT_KEY]))
    show_notices()
