"""How a panel's table is laid out: the columns a briefer reads first at the left, the long ones left
to the detail of a row, so that the table fits its width; every column as wide as its longest
word, so that no word is broken inside it; and the detail of one row, every field of it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

# Read first: at the left of the table, in this order.
KEY_COLUMNS: tuple[str, ...] = ("date", "category", "summary", "place", "name", "title")
# Read in a row's detail only: long lists and sentences that would push the key columns out of view.
DETAIL_COLUMNS: frozenset[str] = frozenset({"evidence", "sources", "count", "mentions", "outlets", "alternatives",
                                            "as_written", "merged_because"})
# Text that wraps over a few lines: at least this wide (pixels), wider only for a longer word.
SENTENCE_WIDTHS: Mapping[str, int] = {"summary": 240, "evidence": 420, "claims": 420, "title": 300,
                                      "alternatives": 300, "outlets": 200}
CHAR_PX = 8.0  # a generous average for the dashboard's 14 px sans-serif, capitals included
CELL_PADDING_PX = 20  # both sides of a cell, with room for a sort arrow in the header
MAX_WORD_PX = 320  # a longer "word" (a URL) may still be cut


def longest_word(values: Iterable[object]) -> int:
    """The length in characters of the longest space-free run in ``values``."""
    return max((len(word) for value in values if value is not None for word in str(value).split()), default=0)


def column_widths(rows: Sequence[Mapping[str, object]] | Sequence[Sequence[object]],
                  columns: Sequence[str]) -> dict[str, int]:
    """Each column's width in pixels: its header and its longest word fit on one line (up to
    ``MAX_WORD_PX``); sentence columns at least their ``SENTENCE_WIDTHS``."""
    widths: dict[str, int] = {}
    for index, column in enumerate(columns):
        values = (row.get(column) if isinstance(row, Mapping) else row[index] for row in rows)
        word_px = round(min(max(longest_word(values), len(column)) * CHAR_PX, MAX_WORD_PX)) + CELL_PADDING_PX
        widths[column] = max(word_px, SENTENCE_WIDTHS.get(column, 0))
    return widths


def shown_columns(columns: Sequence[str]) -> tuple[str, ...]:
    """The table's columns: its key columns first, then the others but those read in a row's detail."""
    first = tuple(c for c in KEY_COLUMNS if c in columns)
    return (*first, *(c for c in columns if c not in first and c not in DETAIL_COLUMNS))


def detail_only(columns: Sequence[str]) -> tuple[str, ...]:
    """The columns of this table that only a row's detail shows."""
    return tuple(c for c in columns if c in DETAIL_COLUMNS)


def row_details(row: Mapping[str, object] | Sequence[object], columns: Sequence[str]) -> list[tuple[str, str]]:
    """Every field of one row that has a value, as (column, text) pairs in the table's order: the
    detail view of the row selected, where the long sentences are read in full."""
    fields = dict(row) if isinstance(row, Mapping) else dict(zip(columns, row))
    return [(column, str(fields[column])) for column in columns
            if fields.get(column) not in (None, "") and not _is_nan(fields[column])]


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and value != value
