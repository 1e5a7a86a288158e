from __future__ import annotations

from datetime import date

import pytest

from geo.events.dates import resolve_date

THURSDAY = date(2024, 11, 21)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Tuesday", date(2024, 11, 19)),
        ("on Tuesday", date(2024, 11, 19)),
        ("Thursday", THURSDAY),  # the day of publication itself
        ("last Thursday", date(2024, 11, 14)),
        ("yesterday", date(2024, 11, 20)),
        ("last night", date(2024, 11, 20)),
        ("today", THURSDAY),
        ("last week", date(2024, 11, 14)),
        ("last month", date(2024, 10, 1)),
        ("three days ago", date(2024, 11, 18)),
        ("a week ago", date(2024, 11, 14)),
        ("the beginning of October", date(2024, 10, 1)),
        ("at the beginning of October", date(2024, 10, 1)),
        ("mid-October", date(2024, 10, 15)),
        ("the end of February", date(2024, 2, 29)),
        ("November 8", date(2024, 11, 8)),
        ("8 November", date(2024, 11, 8)),
        ("Dec. 25", date(2023, 12, 25)),  # a December after publication means last year's
        ("7 October 2023", date(2023, 10, 7)),
        ("October 7th, 2023", date(2023, 10, 7)),
        ("2023-10-07", date(2023, 10, 7)),
    ],
)
def test_resolves_against_the_publication_date(expression: str, expected: date) -> None:
    assert resolve_date(expression, THURSDAY) == expected


@pytest.mark.parametrize("expression", ["in recent weeks", "just over two weeks", "decades", "", "   ", "overnight"])
def test_vague_expressions_give_none(expression: str) -> None:
    assert resolve_date(expression, THURSDAY) is None


@pytest.mark.parametrize("expression", ["Tuesday", "yesterday", "last week", "the beginning of October", "November 8"])
def test_relative_expressions_need_a_publication_date(expression: str) -> None:
    assert resolve_date(expression, None) is None


def test_a_full_date_resolves_without_a_publication_date() -> None:
    assert resolve_date("7 October 2023", None) == date(2023, 10, 7)
    assert resolve_date("the beginning of October 2023", None) == date(2023, 10, 1)


def test_impossible_dates_give_none() -> None:
    assert resolve_date("February 30", THURSDAY) is None
