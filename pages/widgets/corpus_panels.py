"""The Corpus page under the map: the key counts, the timeline of events per day, the Attacks,
Responses, Sources cited and Places panels of the merged events (a row of Attacks or Responses selects
its event: pages/widgets/corpus_event.py), the sources' grades, and one article's place corrections
(stored in the corpus)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import streamlit as st

from geo.corpus import ArticleSummary
from geo.dashboard import (CORPUS_PLACE_COLUMNS, CORPUS_SOURCE_COLUMNS, MERGED_EVENT_COLUMNS, CorpusView,
                           CorrectablePlace, article_label, correctable_places, delete_place_corrections, reading_label,
                           save_place_correction, store_signature)
from geo.errors import GeoError, one_line
from geo.exports import escape_markdown, place_label
from geo.model import Report
from pages.widgets.corpus_changes import show_grading
from pages.widgets.corpus_event import pick_from_table, show_event
from pages.widgets.tables import ROW_PX, SENTENCE_ROW_PX, Rows, show_table

TABLE_MAX_PX = 460
MAX_TABLE_ROWS = 1000  # beyond this a table shows the first rows and says so
PANEL_BEYOND = "narrow them with the filters, or download them all under Share and export."
MESSAGE_KEY = "corpus_message"  # (level, text) of the last correction saved or reset
DROP = -1


def corpus_table(rows: Rows, columns: tuple[str, ...], empty: str, key: str, row_px: int = SENTENCE_ROW_PX, *,
                 beyond: str = PANEL_BEYOND, on_select: Callable[[], None] | None = None) -> None:
    """A table of the Corpus page: past ``MAX_TABLE_ROWS``, the first ones and a caption ending with ``beyond``."""
    show_table(rows, columns, empty, key, row_px=row_px, max_px=TABLE_MAX_PX, limit=MAX_TABLE_ROWS, beyond=beyond,
               config={"published": st.column_config.DateColumn("published")}, on_select=on_select)


@st.cache_data(max_entries=16, show_spinner=False)
def cached_correctable(path: str, signature: tuple[int, ...], article_id: str) -> tuple[Report, list[CorrectablePlace]]:
    return correctable_places(Path(path), article_id)


def show_summary(view: CorpusView, total: int) -> None:
    columns = st.columns(5)
    columns[0].metric("Articles", f"{len(view.reports)} / {total}", help="shown / stored")
    columns[1].metric("Attacks", len(view.attacks), help="merged across articles")
    columns[2].metric("Responses", len(view.responses), help="merged across articles")
    columns[3].metric("Corroborated", view.corroborated,
                      help="events reported by two or more outlets")
    columns[4].metric("Places", len(view.places()))


def _save_correction(path: Path, article_id: str, places: dict[str, CorrectablePlace]) -> None:
    entry = places.get(st.session_state.get("corpus_fix_place"))
    picked = st.session_state.get("corpus_fix_reading")
    if entry is None or picked is None or not (picked == DROP or 0 <= picked < len(entry.place.alternatives)):
        return  # a stale pick never drops a place by accident
    candidate = None if picked == DROP else entry.place.alternatives[picked]
    try:
        save_place_correction(article_id, entry.place, candidate, path)
    except GeoError as exc:
        st.session_state[MESSAGE_KEY] = ("error", escape_markdown(one_line(exc)))
        return
    st.session_state[MESSAGE_KEY] = ("success", escape_markdown(f"Saved: {entry.place.name} → {reading_label(candidate)}"))


def _reset_corrections(path: Path, article_id: str) -> None:
    try:
        removed = delete_place_corrections(article_id, path)
    except GeoError as exc:
        st.session_state[MESSAGE_KEY] = ("error", escape_markdown(one_line(exc)))
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
        st.warning(escape_markdown(one_line(exc)))
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
        corpus_table(attacks, MERGED_EVENT_COLUMNS, "No attack in these articles.", "corpus_attacks",
                     on_select=partial(pick_from_table, "corpus_attacks", view.of_kind("attack")))
    with tabs[1]:
        corpus_table(responses, MERGED_EVENT_COLUMNS, "No response in these articles.", "corpus_responses",
                     on_select=partial(pick_from_table, "corpus_responses", view.of_kind("response")))
    with tabs[2]:
        corpus_table(sources, CORPUS_SOURCE_COLUMNS, "No source cited in these articles.", "corpus_sources")
        outlets = sorted({o for e in view.events for o in e.outlets}, key=str.casefold)
        show_grading(path, [*outlets, *(row["name"] for row in sources if row["name"] not in outlets)])
    with tabs[3]:
        corpus_table(places, CORPUS_PLACE_COLUMNS, "No place in these articles.", "corpus_places", row_px=ROW_PX)
        show_corrections(path, view, articles)
    show_event(path, view)
