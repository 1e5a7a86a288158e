"""A panel's table: rows as dicts or as tuples in ``columns`` order (cheaper for thousands of rows),
as tall as its rows up to a limit, the long text columns wide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

SENTENCE_ROW_PX = 76  # three lines: evidence and claims wrap instead of being cut
ROW_PX = 35  # one line
HEADER_PX = 38

Rows = Sequence[dict[str, object]] | Sequence[tuple[object, ...]]


def show_table(rows: Rows, columns: tuple[str, ...], empty: str, key: str, *, row_px: int = SENTENCE_ROW_PX,
               max_px: int, limit: int | None = None, beyond: str = "",
               wide: Sequence[str] = ("evidence", "claims"), config: dict[str, Any] | None = None,
               on_select: Callable[[], None] | None = None) -> None:
    """The table, or ``empty`` as a note when there is no row. Past ``limit`` rows, the first ones
    and a caption ending with ``beyond``. ``on_select``: a row can be selected, and this runs."""
    if not rows:
        st.info(empty)
        return
    if limit is not None and len(rows) > limit:
        st.caption(f"The first {limit:,} of {len(rows):,} rows; {beyond}")
        rows = rows[:limit]
    column_config: dict[str, Any] = {name: st.column_config.TextColumn(name, width="large") for name in wide}
    column_config["confidence"] = st.column_config.NumberColumn("confidence", format="%.2f")
    column_config.update(config or {})
    height = min(HEADER_PX + row_px * len(rows) + 3, max_px)  # all rows when they fit
    options: dict[str, Any] = {"on_select": on_select, "selection_mode": "single-row"} if on_select else {}
    st.dataframe(pd.DataFrame(rows, columns=list(columns)), hide_index=True, width="stretch",
                 column_config=column_config, key=key, height=height, row_height=row_px, **options)
