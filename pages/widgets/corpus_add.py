"""The Corpus page's *Add articles* box: URLs, RSS/Atom feeds and uploaded files ingested into the
store with a progress bar, and one line per failure."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from geo.corpus import IngestSummary, Progress
from geo.dashboard import add_articles
from geo.errors import GeoError, one_line
from geo.exports import escape_markdown

SUMMARY_KEY = "corpus_ingest_summary"  # (summary lines, failure lines) of the last "Add to corpus"


def run_ingest(path: Path, urls: str, uploads: list[UploadedFile]) -> None:
    """Add the URLs/feeds and uploaded files to the store, with a progress bar."""
    bar = st.progress(0.0, text="Starting (the first article loads the language model)...")

    def show(progress: Progress) -> None:
        bar.progress(min(progress.done / max(progress.total, 1), 1.0),
                     text=f"{progress.done} / {progress.total} items, {progress.per_second:.1f} articles/s")

    try:
        with st.spinner("Adding to the corpus..."):
            summary: IngestSummary = add_articles(
                path, urls.splitlines(), [(f.name, f.getvalue()) for f in uploads], progress=show
            )
    except GeoError as exc:
        st.session_state[SUMMARY_KEY] = None
        bar.empty()
        st.error(escape_markdown(one_line(exc)))
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
