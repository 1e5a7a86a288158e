"""The panels' layout: key columns first, long ones in a row's detail, widths that hold every word."""

from __future__ import annotations

import math

from geo.dashboard.table_layout import (CELL_PADDING_PX, CHAR_PX, MAX_WORD_PX, SENTENCE_WIDTHS, column_widths,
                                        detail_only, longest_word, row_details, shown_columns)

COLUMNS = ("category", "summary", "place", "evidence", "actor", "date", "killed", "sources")


def test_key_columns_come_first_and_long_ones_go_to_the_detail() -> None:
    assert shown_columns(COLUMNS) == ("date", "category", "summary", "place", "actor", "killed")
    assert detail_only(COLUMNS) == ("evidence", "sources")
    assert shown_columns(("name", "type", "role", "claims")) == ("name", "type", "role", "claims")


def test_a_column_holds_its_longest_word_and_its_header() -> None:
    rows = [{"role": "Deputy Defense Secretary", "killed": 4, "summary": "short"},
            {"role": None, "killed": None, "summary": "a strike"}]
    widths = column_widths(rows, ("role", "killed", "summary"))
    assert widths["role"] >= len("Secretary") * CHAR_PX + CELL_PADDING_PX
    assert widths["killed"] >= len("killed") * CHAR_PX + CELL_PADDING_PX  # the header is the widest
    assert widths["summary"] == SENTENCE_WIDTHS["summary"]  # sentence columns: room to wrap


def test_tuple_rows_and_a_word_longer_than_any_column() -> None:
    url = "https://example.org/" + "x" * 200
    widths = column_widths([(url, "Shelling/artillery/missile attack")], ("via", "category"))
    assert widths["via"] == MAX_WORD_PX + CELL_PADDING_PX  # a URL may be cut, it never widens a table off screen
    assert widths["category"] >= len("Shelling/artillery/missile") * CHAR_PX
    assert longest_word(["a bb", None, "ccc d"]) == 3


def test_a_rows_detail_has_every_field_with_a_value_in_order() -> None:
    row = {"date": "", "category": "Attack", "killed": math.nan, "evidence": "Gunmen attacked a post.", "count": 0}
    assert row_details(row, ("category", "date", "killed", "evidence", "count")) == [
        ("category", "Attack"), ("evidence", "Gunmen attacked a post."), ("count", "0")]
    assert row_details(("Attack", None), ("category", "place")) == [("category", "Attack")]
