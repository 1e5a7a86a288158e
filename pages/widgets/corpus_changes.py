"""The Corpus page's analyst's records: grading sources (the Admiralty code, applied across the corpus),
editing an article's title, outlet, URL and date, and the list of every change made to events, merges
and grades, each one undone from there. All stored through geo.dashboard.corpus_edits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import streamlit as st

from geo.corpus import CREDIBILITY, RELIABILITY, ArticleSummary
from geo.dashboard import (article_label, correction_rows, delete_grade, save_grade, save_identity, undo_event,
                           undo_merge_decisions)
from geo.errors import GeoError, one_line
from geo.exports import escape_markdown
from pages.widgets.lazy import open_box

MESSAGE_KEY = "corpus_changes_message"
BY_CORROBORATION = ""
IDENTITY_KEYS = {name: f"corpus_identity_{name}" for name in ("title", "outlet", "url", "published")}


def show_grading(path: Path, names: Sequence[str]) -> None:
    """Grade a source or an outlet: its reliability (A-F) and, if judged, its information's credibility."""
    box = open_box("Grade a source (Admiralty code: reliability A-F, credibility 1-6)", key="corpus_grade_box")
    if box is None:
        return
    with box:
        name, reliability, credibility = st.columns([2, 1.4, 1.4])
        name.selectbox("Source or outlet", list(names), key="corpus_grade_name", accept_new_options=True,
                       placeholder="Choose or type a name")
        reliability.selectbox("Reliability", list(RELIABILITY), key="corpus_grade_reliability",
                              format_func=lambda r: f"{r}: {RELIABILITY[r]}")
        credibility.selectbox("Credibility", [BY_CORROBORATION, *CREDIBILITY], key="corpus_grade_credibility",
                              format_func=lambda c: f"{c}: {CREDIBILITY[c]}" if c else "From corroboration")
        st.button("Save grade", key="corpus_grade_save", on_click=_save_grade, args=(path,))
        st.caption("A grade applies to every event that source or outlet reports or is cited in; ungraded is F "
                   "(cannot be judged). Credibility follows from how many outlets report an event unless given here.")
        _show_message()


def show_identity(path: Path, articles: Sequence[ArticleSummary]) -> None:
    """Edit one stored article's title, outlet, URL and publication date."""
    box = open_box("Edit an article's title, outlet, URL, date", key="corpus_identity_box")
    if box is None:
        return
    by_id = {a.id: a for a in articles}
    with box:
        st.selectbox("Article", list(by_id), key="corpus_identity_article", index=None,
                     format_func=lambda i: article_label(by_id[i]), on_change=_fill_identity, args=(by_id,),
                     placeholder="Choose an article")
        article_id = st.session_state.get("corpus_identity_article")
        if article_id not in by_id:
            return
        title, outlet, url, published = st.columns([2.2, 1.2, 2, 1])
        title.text_input("Title", key=IDENTITY_KEYS["title"])
        outlet.text_input("Outlet", key=IDENTITY_KEYS["outlet"])
        url.text_input("URL", key=IDENTITY_KEYS["url"])
        published.date_input("Published", key=IDENTITY_KEYS["published"], value=None)
        st.button("Save article details", key="corpus_identity_save", on_click=_save_identity, args=(path, article_id))
        _show_message()


def show_changes(path: Path) -> None:
    """Every change to events, merges and grades, oldest first; any one undone."""
    try:
        rows = correction_rows(path)
    except GeoError as exc:  # busy (an ingest's batch) or unreadable: one line, the box comes back on a rerun
        st.caption(escape_markdown(f"Changes made by analysts: {one_line(exc)}"))
        return
    box = open_box(f"Changes made by analysts ({len(rows)})", key="corpus_changes_box")
    if box is None:
        return
    with box:
        if not rows:
            st.caption("No event, merge or grade has been changed yet.")
            return
        st.dataframe(rows, hide_index=True, width="stretch", key="corpus_changes_table")
        labels = {i: f"{r['what']}: {r['change']} ({r['key'][:60]})" for i, r in enumerate(rows)}
        st.selectbox("Change", list(labels), key="corpus_changes_pick", format_func=labels.__getitem__)
        st.button("Undo it", key="corpus_changes_undo", on_click=_undo, args=(path, rows))
        _show_message()


def _fill_identity(by_id: dict[str, ArticleSummary]) -> None:
    article = by_id.get(st.session_state.get("corpus_identity_article") or "")
    if article is None:
        return
    values = {"title": article.title or "", "outlet": article.outlet or "", "url": article.url or "",
              "published": article.published}
    for name, key in IDENTITY_KEYS.items():
        st.session_state[key] = values[name]


def _save_grade(path: Path) -> None:
    name = (st.session_state.get("corpus_grade_name") or "").strip()
    code = (st.session_state.get("corpus_grade_reliability") or "") + (
        st.session_state.get("corpus_grade_credibility") or "")
    if not name:
        st.session_state[MESSAGE_KEY] = ("error", "Choose or type the name of a source or outlet to grade.")
        return
    store_change(lambda: save_grade(path, name, code), f"Graded {name} {code}.")


def _save_identity(path: Path, article_id: str) -> None:
    values = {name: st.session_state.get(key) for name, key in IDENTITY_KEYS.items()}
    store_change(lambda: save_identity(path, article_id, values["title"], values["outlet"], values["url"],
                                 values["published"]), "Saved the article's details.")


def _undo(path: Path, rows: list[dict[str, str]]) -> None:
    picked = st.session_state.get("corpus_changes_pick")
    if not isinstance(picked, int) or not 0 <= picked < len(rows):
        return
    row = rows[picked]
    undo: Callable[[Path, str], int] = {"event": undo_event, "merge": undo_merge_decisions,
                                        "grade": delete_grade}[row["what"]]
    store_change(lambda: undo(path, row["key"]), f"Undone: {row['what']} {row['change']}.")


def store_change(write: Callable[[], object], done: str, message_key: str = MESSAGE_KEY) -> None:
    """Write one change; the next run says ``done``, or why it could not be stored (nothing was)."""
    try:
        write()
    except GeoError as exc:
        st.session_state[message_key] = ("error", escape_markdown(one_line(exc)))
        return
    st.session_state[message_key] = ("success", escape_markdown(done))


def _show_message() -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        (st.error if message[0] == "error" else st.success)(message[1])
