"""A panel's table: rows as dicts or as tuples in ``columns`` order (cheaper for thousands of rows),
as tall as its rows up to a limit; the key columns first and the long ones left to the selected row's
detail, every column as wide as its longest word; a selected row shown in full under the table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from geo.dashboard import column_widths, detail_only, row_details, shown_columns
from geo.exports import escape_markdown

SENTENCE_ROW_PX = 76  # three lines: evidence and claims wrap instead of being cut
ROW_PX = 35  # one line
HEADER_PX = 38

Rows = Sequence[dict[str, object]] | Sequence[tuple[object, ...]]


def show_table(rows: Rows, columns: tuple[str, ...], empty: str, key: str, *, row_px: int = SENTENCE_ROW_PX,
               max_px: int, limit: int | None = None, beyond: str = "", config: dict[str, Any] | None = None,
               on_select: Callable[[], None] | None = None) -> None:
    """The table, or ``empty`` as a note when there is no row. Past ``limit`` rows, the first ones
    and a caption ending with ``beyond``. A row can be selected: it is shown in full under the
    table, and ``on_select`` runs."""
    if not rows:
        st.info(empty)
        return
    if limit is not None and len(rows) > limit:
        st.caption(f"The first {limit:,} of {len(rows):,} rows; {beyond}")
        rows = rows[:limit]
    column_config: dict[str, Any] = {"confidence": st.column_config.NumberColumn("confidence", format="%.2f")}
    column_config.update(config or {})
    for name, width in column_widths(rows, columns).items():
        column_config[name] = {**(column_config.get(name) or st.column_config.Column(name)), "width": width}
    height = min(HEADER_PX + row_px * len(rows) + 3, max_px)  # all rows when they fit
    state = st.dataframe(pd.DataFrame(rows, columns=list(columns)), hide_index=True, width="stretch",
                         column_config=column_config, column_order=shown_columns(columns), key=key, height=height,
                         row_height=row_px, on_select=on_select or "rerun", selection_mode="single-row")
    selected = state.selection.rows if state is not None else []
    if selected and selected[0] < len(rows):
        _show_row(rows[selected[0]], columns, f"{key}_detail")
    elif detail_only(columns):
        st.caption(f"Select a row to read it in full, with its {', '.join(detail_only(columns))}.")


def _show_row(row: dict[str, object] | tuple[object, ...], columns: tuple[str, ...], key: str) -> None:
    """The selected row, every field with a value, the long sentences in full."""
    with st.container(border=True, key=key):
        st.markdown("  \n".join(f"**{escape_markdown(name)}**: {escape_markdown(value)}"
                                for name, value in row_details(row, columns)))
