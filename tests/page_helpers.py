"""AppTest helpers for the boxes and tabs the pages draw only when open (pages/widgets/lazy.py)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

# The Brief page's boxes: the article form, the filters, the place search, the Share and export box.
BRIEF_BOXES = ("brief_input_box", "brief_filter_kind_box", "place_search_query_box", "brief_share_box")
BRIEF_TAB_KEY = "brief_tab"


def open_boxes(at: AppTest, boxes: tuple[str, ...] = BRIEF_BOXES) -> AppTest:
    """Open these boxes for the next run, as a user's click would."""
    for key in boxes:
        at.session_state[key] = True
    return at


def open_tab(at: AppTest, name: str, key: str = BRIEF_TAB_KEY) -> AppTest:
    """Open the panel tab whose label starts with ``name (`` and rerun, as a click on it would."""
    label = next(tab.label for tab in at.tabs if tab.label.startswith(f"{name} ("))
    at.session_state[key] = label
    at.run()
    return at


def tab_table(at: AppTest, name: str, key: str = BRIEF_TAB_KEY):  # type: ignore[no-untyped-def]
    """The open tab ``name``'s table (after opening it), or None when it shows none."""
    open_tab(at, name, key)
    tab = next(t for t in at.tabs if t.label.startswith(f"{name} ("))
    return tab.dataframe[0].value if len(tab.dataframe) else None
