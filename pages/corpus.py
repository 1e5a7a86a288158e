"""The Corpus page: every stored article, and the map, panels and timeline of a selection.

The corpus is the DuckDB store of ``python -m geo ingest`` (GEOBRIEF_DB, else the user data dir). Articles are
added here from URLs, feeds or uploaded files; the list shows them with their counts; choosing some (none: the
whole corpus) shows their merged events (geo.corpus.merge, with corroboration by outlets, why they were merged
and an Admiralty grade) on the map, in the panels and on a timeline. A row of Attacks or Responses selects its
event: its reports with their evidence, and its corrections (move, re-kind, edit, delete, split, join); in the
Places tab an analyst corrects one article's place; sources are graded under Sources cited, an article's
title, outlet, URL and date edited under the list. All of it is stored and applied wherever the corpus is
read, listed under the panels and undone from there. The filters (shared with the Brief page) narrow the
merged events; the articles chosen, the filters and a linked map view live in the URL, and the Share and
export box gives the link and the downloads. All logic is in geo.dashboard (corpus_view, corpus_selection, corpus_edits); the store is opened
per request and never kept locked. The page's parts are in pages/widgets/ (corpus_add, corpus_panels,
corpus_event, corpus_changes, view_controls).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import streamlit as st

from geo.corpus import ArticleSummary, StoreLockedError, default_db_path
from geo.dashboard import (ARTICLE_COLUMNS, CorpusView, ViewState, article_label, article_rows, load_view,
                           store_signature, stored_articles)
from geo.errors import GeoError, one_line
from geo.exports import brief_from_corpus, escape_markdown
from geo.heap import keep_long_lived
from pages.widgets.corpus_add import show_add_form
from pages.widgets.corpus_changes import show_changes, show_identity
from pages.widgets.corpus_panels import corpus_table, show_panels, show_summary
from pages.widgets.time_axis import set_time, show_time_map, show_timeline, with_time
from pages.widgets.tables import ROW_PX
from pages.widgets.view_controls import (FILTER_NAMES, event_filter, set_filters, show_filters, show_share_and_export,
                                         write_state_to_url)

MAP_HEIGHT = 520
ARTICLES_BEYOND = "type in Articles shown below to find any article."
SELECTION_KEY = "corpus_selection"
LAST_ARTICLES_KEY = "corpus_last_articles"
LAST_VIEW_KEY = "corpus_last_view"
FILTER_KEYS = {name: f"corpus_filter_{name}" for name in FILTER_NAMES}
LINKED_VIEW_KEY = "corpus_linked_view"  # the view the page was opened with (its map centre and zoom)
T = TypeVar("T")
said: set[str] = set()  # the busy warning shown in this run (the script runs from the top on every rerun)


@st.cache_data(max_entries=8, show_spinner=False)
def cached_articles(path: str, signature: tuple[int, ...]) -> list[ArticleSummary]:
    return stored_articles(Path(path))  # ``signature`` is the cache key: the file changed, read again


@st.cache_resource(max_entries=4, show_spinner=False)
def cached_view(path: str, signature: tuple[int, ...], ids: tuple[str, ...] | None) -> CorpusView:
    # One shared object, not a copy per rerun (cache_data would unpickle 10,000 events each
    # time): a CorpusView is frozen, and it holds only what is stored in the shared corpus.
    view = load_view(Path(path), ids)
    keep_long_lived()  # full garbage collections no longer walk the corpus on every few reruns
    return view


def read_or_last(key: str, read: Callable[..., T], *args: object) -> T | None:
    """``read(*args)``; when a writer holds the database past the wait, the last result read (with a
    warning, once per run), or the busy message alone when there is none."""
    try:
        value = read(*args)
    except StoreLockedError as exc:
        last, message = st.session_state.get(key), escape_markdown(one_line(exc))
        if last is None:
            st.error(message)
        elif message not in said:
            st.warning(message + " Showing the corpus as last read.")
        said.add(message)
        return last
    except GeoError as exc:
        st.error(escape_markdown(one_line(exc)))
        return None
    st.session_state[key] = value
    return value


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
        set_time(state)
        st.session_state[LINKED_VIEW_KEY] = state
    return st.session_state[LINKED_VIEW_KEY]


st.title("Corpus", anchor=False)
linked = load_state_once()
db_path = default_db_path()
st.caption(escape_markdown(f"Database: {db_path.name} (set GEOBRIEF_DB to use another)"))  # its folder: the server's
show_add_form(db_path, empty=not db_path.exists())
stored = read_or_last(LAST_ARTICLES_KEY, cached_articles, str(db_path), store_signature(db_path))
if stored is None:
    pass  # the store could not be read: the warning or error above says why
elif not stored:
    st.info("The corpus is empty: add articles above, or run `python -m geo ingest SOURCE...`.")
else:
    corpus_table(article_rows(stored), ARTICLE_COLUMNS, "", "corpus_articles", row_px=ROW_PX, beyond=ARTICLES_BEYOND)
    show_identity(db_path, stored)
    selection = choose_articles(stored)
    show_filters(FILTER_KEYS)
    chosen = event_filter(FILTER_KEYS)
    state = ViewState(selection=selection or ()).with_filter(chosen).with_view(linked.lat, linked.lon, linked.zoom)
    state = with_time(state)
    write_state_to_url(state)
    whole = read_or_last(LAST_VIEW_KEY, cached_view, str(db_path), store_signature(db_path), selection)
    if whole is not None:
        current = whole.filtered(chosen) if chosen.active else whole
        show_summary(current, len(stored))
        show_time_map(current, state, MAP_HEIGHT)
        show_share_and_export(lambda: brief_from_corpus(whole.reports, chosen, whole.judgements),
                              f"Corpus: {len(whole.reports)} article(s)", state, None, key="corpus",
                              presentation=False)
        every_date = replace(chosen, since=None, until=None)
        show_timeline(whole.filtered(every_date) if every_date.active else whole, FILTER_KEYS,
                      dated=chosen.since is not None or chosen.until is not None)
        show_panels(db_path, current, {a.id: a for a in stored})
        show_changes(db_path)
