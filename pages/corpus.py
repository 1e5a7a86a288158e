"""The Corpus page: every stored article, and the map, panels and timeline of a selection.

The corpus is the DuckDB store of ``python -m geo ingest`` (GEOBRIEF_DB, else the user data
dir). Articles are added here from URLs, feeds or uploaded files; the list shows them with their
counts; choosing some (none: the whole corpus) shows their merged events (geo.corpus, with
corroboration by outlets) on the map, in the panels and on a timeline. In the Places tab an
analyst corrects one article's place; the correction is stored and applied wherever the corpus
is read. The filters (shared with the Brief page) narrow the merged events; the articles chosen,
the filters and a linked map view live in the URL, and the Share and export box gives the link
and the downloads. All logic is in geo.corpus_view; the store is opened per request and never
kept locked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile
from streamlit_folium import st_folium

from geo.corpus_ingest import IngestSummary, Progress, ingest_into
from geo.corpus_view import (
    ARTICLE_COLUMNS,
    CORPUS_PLACE_COLUMNS,
    CORPUS_SOURCE_COLUMNS,
    MERGED_EVENT_COLUMNS,
    CorpusView,
    CorrectablePlace,
    article_label,
    article_rows,
    correctable_places,
    load_view,
    read_articles,
    reading_label,
    reset_corrections,
    save_place_correction,
    store_signature,
)
from geo.errors import GeoError
from geo.export_brief import brief_from_corpus
from geo.heap import keep_long_lived
from geo.mapping import build_map
from geo.model import Report
from geo.report_tables import escape_markdown, place_label
from geo.store import ArticleSummary, StoreLockedError, default_db_path
from geo.view_state import ViewState
from pages import event_filter, set_filters, show_filters, show_share_and_export, write_state_to_url

MAP_HEIGHT = 520
ROW_PX = 35
SENTENCE_ROW_PX = 76
TABLE_MAX_PX = 460
MAX_TABLE_ROWS = 1000  # beyond this a table shows the first rows and says so
PANEL_BEYOND = "narrow them with the filters, or download them all under Share and export."
ARTICLES_BEYOND = "type in Articles shown below to find any article."
SELECTION_KEY = "corpus_selection"
SUMMARY_KEY = "corpus_ingest_summary"  # (summary lines, failure lines) of the last "Add to corpus"
MESSAGE_KEY = "corpus_message"  # (level, text) of the last correction saved or reset
LAST_ARTICLES_KEY = "corpus_last_articles"
LAST_VIEW_KEY = "corpus_last_view"
DROP = -1
FILTER_KEYS = {name: f"corpus_filter_{name}" for name in ("kind", "category", "actor", "source_type", "since",
                                                           "until")}
LINKED_VIEW_KEY = "corpus_linked_view"  # the view the page was opened with (its map centre and zoom)
T = TypeVar("T")


@st.cache_data(max_entries=8, show_spinner=False)
def cached_articles(path: str, signature: tuple[int, ...]) -> list[ArticleSummary]:
    return read_articles(Path(path))  # ``signature`` is the cache key: the file changed, read again


@st.cache_resource(max_entries=4, show_spinner=False)
def cached_view(path: str, signature: tuple[int, ...], ids: tuple[str, ...] | None) -> CorpusView:
    # One shared object, not a copy per rerun (cache_data would unpickle 10,000 events each
    # time): a CorpusView is frozen, and it holds only what is stored in the shared corpus.
    view = load_view(Path(path), ids)
    keep_long_lived()  # full garbage collections no longer walk the corpus on every few reruns
    return view


@st.cache_data(max_entries=16, show_spinner=False)
def cached_correctable(path: str, signature: tuple[int, ...], article_id: str) -> tuple[Report, list[CorrectablePlace]]:
    return correctable_places(Path(path), article_id)


def one_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return escape_markdown(text)


def run_ingest(path: Path, urls: str, uploads: list[UploadedFile]) -> None:
    """Add the URLs/feeds and uploaded files to the store, with a progress bar."""
    bar = st.progress(0.0, text="Starting (the first article loads the language model)...")

    def show(progress: Progress) -> None:
        bar.progress(min(progress.done / max(progress.total, 1), 1.0),
                     text=f"{progress.done} / {progress.total} items, {progress.per_second:.1f} articles/s")

    try:
        with st.spinner("Adding to the corpus..."):
            summary: IngestSummary = ingest_into(
                path, urls.splitlines(), [(f.name, f.getvalue()) for f in uploads], progress=show
            )
    except GeoError as exc:
        st.session_state[SUMMARY_KEY] = None
        bar.empty()
        st.error(one_line(exc))
        return
    except Exception as exc:  # noqa: BLE001 - the page shows a message, never a traceback
        st.session_state[SUMMARY_KEY] = None
        bar.empty()
        st.error(escape_markdown(f"Adding failed unexpectedly ({type(exc).__name__}): {exc}".splitlines()[0]))
        return
    bar.empty()
    failures = [f"{r.source}: {r.reason}".splitlines()[0] for r in summary.failures]
    st.session_state[SUMMARY_KEY] = (summary.lines()[0], failures)


def show_add_form(path: Path, empty: bool) -> None:
    with st.expander("Add articles: URLs, RSS/Atom feeds or files", expanded=empty):
        with st.form("corpus_add", border=False, clear_on_submit=True, enter_to_submit=False):
            urls = st.text_area("URLs or feeds, one per line", key="corpus_urls", height=90,
                                help="http(s) pages are read with their title, date and outlet; a feed adds every entry.")
            uploads = st.file_uploader("...and/or files (.txt, .md, .html, .pdf)", key="corpus_files",
                                       accept_multiple_files=True)
            submitted = st.form_submit_button("Add to corpus", key="corpus_add_button", type="primary")
        if submitted:
            if urls.strip() or uploads:
                run_ingest(path, urls, uploads or [])
            else:
                st.warning("Give a URL or a feed, or choose a file, then press Add to corpus.")
    last = st.session_state.get(SUMMARY_KEY)
    if last:
        head, failures = last
        (st.warning if failures else st.success)(escape_markdown(head))
        for failure in failures:
            st.error(escape_markdown(f"failed: {failure}"))


def read_or_last(key: str, read: Callable[..., T], *args: object) -> T | None:
    """``read(*args)``; when a writer holds the database, the last result read (with a warning)."""
    try:
        value = read(*args)
    except StoreLockedError as exc:
        st.warning(one_line(exc) + " Showing the corpus as last read; reload the page in a moment.")
        return st.session_state.get(key)
    except GeoError as exc:
        st.error(one_line(exc))
        return None
    st.session_state[key] = value
    return value


def show_table(rows: Sequence[dict[str, object]] | Sequence[tuple[object, ...]], columns: tuple[str, ...],
               empty: str, key: str, row_px: int = SENTENCE_ROW_PX, *, beyond: str = PANEL_BEYOND) -> None:
    """Rows as dicts, or as tuples of values in ``columns`` order (cheaper for thousands of rows);
    past ``MAX_TABLE_ROWS``, the first ones and a caption ending with ``beyond``."""
    if not rows:
        st.info(empty)
        return
    if len(rows) > MAX_TABLE_ROWS:
        st.caption(f"The first {MAX_TABLE_ROWS:,} of {len(rows):,} rows; {beyond}")
        rows = rows[:MAX_TABLE_ROWS]
    config = {
        "evidence": st.column_config.TextColumn("evidence", width="large"),
        "claims": st.column_config.TextColumn("claims", width="large"),
        "title": st.column_config.TextColumn("title", width="large"),
        "confidence": st.column_config.NumberColumn("confidence", format="%.2f"),
        "published": st.column_config.DateColumn("published"),
    }
    height = min(38 + row_px * len(rows) + 3, TABLE_MAX_PX)
    st.dataframe(pd.DataFrame(rows, columns=list(columns)), hide_index=True, width="stretch",
                 column_config=config, key=key, height=height, row_height=row_px)


def choose_articles(articles: list[ArticleSummary]) -> tuple[str, ...] | None:
    """The multiselect of articles shown; None when none is chosen (the whole corpus)."""
    labels = {a.id: article_label(a) for a in articles}
    chosen = [i for i in st.session_state.get(SELECTION_KEY, []) if i in labels]
    st.session_state[SELECTION_KEY] = chosen  # articles no longer stored drop out
    st.multiselect("Articles shown (none chosen: the whole corpus)", list(labels), key=SELECTION_KEY,
                   format_func=lambda i: labels[i], placeholder="All articles; type to find one")
    return tuple(st.session_state[SELECTION_KEY]) or None


def load_state_once() -> ViewState:
    """On a session's first visit: the link's articles, filters and map view into the widgets."""
    if LINKED_VIEW_KEY not in st.session_state:
        state, problems = ViewState.from_params(st.query_params.to_dict())
        for problem in problems:
            st.warning(escape_markdown(f"Link parameter {problem}."))
        st.session_state[SELECTION_KEY] = list(state.selection)
        set_filters(FILTER_KEYS, state)
        st.session_state[LINKED_VIEW_KEY] = state
    return st.session_state[LINKED_VIEW_KEY]


def show_summary(view: CorpusView, total: int) -> None:
    columns = st.columns(5)
    columns[0].metric("Articles", f"{len(view.reports)} / {total}", help="shown / stored")
    columns[1].metric("Attacks", len(view.attacks), help="merged across articles")
    columns[2].metric("Responses", len(view.responses), help="merged across articles")
    columns[3].metric("Corroborated", view.corroborated,
                      help="events reported by two or more outlets")
    columns[4].metric("Places", len(view.places()))


def show_timeline(view: CorpusView) -> None:
    st.subheader("Events per day", anchor=False)
    rows = view.timeline_rows()
    if not rows:
        st.info("No dated event in these articles.")
        return
    frame = pd.DataFrame(rows)
    frame["day"] = frame["day"].map(lambda day: day.isoformat())  # one bar per calendar day
    st.bar_chart(frame, x="day", y=["attacks", "responses"], color=["#d62728", "#1f5fbf"], stack=True,
                 height=320, x_label="day", y_label="events")
    undated = view.undated_count()
    st.caption("An event without a date of its own is counted on its article's publication date."
               + (f" {undated} event(s) without any date are not shown." if undated else ""))


def _save_correction(path: Path, article_id: str, places: dict[str, CorrectablePlace]) -> None:
    entry = places.get(st.session_state.get("corpus_fix_place"))
    picked = st.session_state.get("corpus_fix_reading")
    if entry is None or picked is None or not (picked == DROP or 0 <= picked < len(entry.place.alternatives)):
        return  # a stale pick never drops a place by accident
    candidate = None if picked == DROP else entry.place.alternatives[picked]
    try:
        save_place_correction(path, article_id, entry.place, candidate)
    except GeoError as exc:
        st.session_state[MESSAGE_KEY] = ("error", one_line(exc))
        return
    st.session_state[MESSAGE_KEY] = ("success", escape_markdown(f"Saved: {entry.place.name} → {reading_label(candidate)}"))


def _reset_corrections(path: Path, article_id: str) -> None:
    try:
        removed = reset_corrections(path, article_id)
    except GeoError as exc:
        st.session_state[MESSAGE_KEY] = ("error", one_line(exc))
        return
    st.session_state[MESSAGE_KEY] = ("success", f"Removed {removed} stored decision(s) for this article.")


def show_corrections(path: Path, view: CorpusView, articles: dict[str, ArticleSummary]) -> None:
    """Correct one article's place: the decision is stored and applied wherever the corpus is read."""
    ids = [i for i in view.article_ids if i in articles and articles[i].places]  # places as analysed
    if not ids:
        return
    st.markdown("**Correct a place of one article** (stored in the corpus)")
    article_id = st.selectbox("Article", ids, key="corpus_fix_article", format_func=lambda i: article_label(articles[i]))
    try:  # no fallback to an earlier read here: a correction must be made on this article's places
        _, entries = cached_correctable(str(path), store_signature(path), article_id)
    except GeoError as exc:
        st.warning(one_line(exc))
        return
    places = {e.place.key: e for e in entries}
    left, right = st.columns(2)
    key = left.selectbox("Place", list(places), key="corpus_fix_place",
                         format_func=lambda k: f"{place_label(places[k].place)} [{places[k].current}]")
    place = places[key].place if key in places else entries[0].place
    right.selectbox("Where it is", [*range(len(place.alternatives)), DROP], key="corpus_fix_reading",
                    format_func=lambda i: reading_label(None if i == DROP else place.alternatives[i]))
    save, reset, _ = st.columns([1, 1, 2])
    save.button("Save correction", key="corpus_fix_save", on_click=_save_correction, args=(path, article_id, places))
    reset.button("Reset this article", key="corpus_fix_reset", on_click=_reset_corrections, args=(path, article_id))
    message = st.session_state.get(MESSAGE_KEY)
    if message:
        (st.error if message[0] == "error" else st.success)(message[1])


def show_panels(path: Path, view: CorpusView, articles: dict[str, ArticleSummary]) -> None:
    attacks, responses, sources, places = view.event_records("attack"), view.event_records("response"), \
        view.source_rows(), view.place_records()
    tabs = st.tabs([f"Attacks ({len(attacks)})", f"Responses ({len(responses)})",
                    f"Sources cited ({len(sources)})", f"Places ({len(places)})"])
    with tabs[0]:
        show_table(attacks, MERGED_EVENT_COLUMNS, "No attack in these articles.", "corpus_attacks")
    with tabs[1]:
        show_table(responses, MERGED_EVENT_COLUMNS, "No response in these articles.", "corpus_responses")
    with tabs[2]:
        show_table(sources, CORPUS_SOURCE_COLUMNS, "No source cited in these articles.", "corpus_sources")
    with tabs[3]:
        show_table(places, CORPUS_PLACE_COLUMNS, "No place in these articles.", "corpus_places", row_px=ROW_PX)
        show_corrections(path, view, articles)


st.title("Corpus", anchor=False)
linked = load_state_once()
db_path = default_db_path()
st.caption(escape_markdown(f"Database: {db_path} (set GEOBRIEF_DB to use another)"))
show_add_form(db_path, empty=not db_path.exists())
stored = read_or_last(LAST_ARTICLES_KEY, cached_articles, str(db_path), store_signature(db_path))
if stored is None:
    pass  # the store could not be read: the warning or error above says why
elif not stored:
    st.info("The corpus is empty: add articles above, or run `python -m geo ingest SOURCE...`.")
else:
    show_table(article_rows(stored), ARTICLE_COLUMNS, "", "corpus_articles", row_px=ROW_PX, beyond=ARTICLES_BEYOND)
    selection = choose_articles(stored)
    show_filters(FILTER_KEYS)
    chosen = event_filter(FILTER_KEYS)
    state = ViewState(selection=selection or ()).with_filter(chosen).with_view(linked.lat, linked.lon, linked.zoom)
    write_state_to_url(state)
    whole = read_or_last(LAST_VIEW_KEY, cached_view, str(db_path), store_signature(db_path), selection)
    if whole is not None:
        current = whole.filtered(chosen) if chosen.active else whole
        show_summary(current, len(stored))
        mapped = current.map_report()
        st_folium(build_map(mapped, points=current.map_points(mapped)), key="corpus_map", height=MAP_HEIGHT,
                  use_container_width=True, returned_objects=[], center=state.centre, zoom=state.zoom)
        show_share_and_export(lambda: brief_from_corpus(whole.reports, chosen),
                              f"Corpus: {len(whole.reports)} article(s)", state, None, key="corpus",
                              presentation=False)
        show_timeline(current)
        show_panels(db_path, current, {a.id: a for a in stored})
