"""Admiralty grades, event keys, merge decisions (geo.corpus.judgements) and event grades (geo.corpus.grading)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from geo.corpus.grading import event_grade
from geo.corpus.judgements import Grade, Judgements, MergeDecision, SourceGrade, event_keys, parse_grade
from geo.corpus.merge import merge_events
from geo.errors import InputError
from geo.model import Article, Event, Report, TextSpan


@pytest.mark.parametrize(("text", "code"), [("B", "B"), ("b2", "B2"), (" F 6 ", "F6"), ("A1", "A1")])
def test_grades_read_as_the_admiralty_code(text: str, code: str) -> None:
    assert parse_grade(text).code == code


@pytest.mark.parametrize("text", ["G", "B7", "B0", "2B", "", "Reuters", "AB"])
def test_a_grade_outside_a_to_f_and_1_to_6_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(InputError, match="reliability letter A-F"):
        parse_grade(text)


def test_merge_decisions_are_checked() -> None:
    with pytest.raises(InputError):
        MergeDecision("join", "a:1-2:x")
    with pytest.raises(InputError):
        MergeDecision("split", "a:1-2:x", "b:1-2:x")
    with pytest.raises(InputError):
        MergeDecision("join", "a:1-2:x", "a:1-2:x")
    with pytest.raises(InputError):
        MergeDecision("merge", "a:1-2:x")  # type: ignore[arg-type]


def _event(sentence: str, summary: str, start: int = 0, **fields: object) -> Event:
    return Event(kind="attack", summary=summary, category="Air/drone strike",
                 evidence=TextSpan(sentence, start, start + len(sentence)), **fields)  # type: ignore[arg-type]


def test_event_keys_name_the_sentence_and_the_summary_so_they_survive_corrections() -> None:
    text = "Jets hit the port and the depot."
    port, depot = _event(text, "strike on the port"), _event(text, "strike on the depot")
    report = Report(article=Article(text=text), attacks=(port, depot))
    keys = event_keys("art", report)
    assert keys[0].startswith("art:0-32:") and keys[0] != keys[1]
    moved = Report(article=report.article, attacks=(depot,), responses=(replace(port, kind="response"),))
    assert event_keys("art", moved) == [keys[1], keys[0]]  # the same keys whatever the order
    twice = Report(article=report.article, attacks=(port, port))
    assert event_keys("art", twice)[1] == event_keys("art", twice)[0] + "#1"


def _merged(outlet: str | None, *, sources: tuple[str, ...] = (), outlets: int = 1):  # -> MergedEvent
    reports = []
    for n in range(outlets):
        text = f"Article {n}: a drone strike hit a depot."
        event = _event("A drone strike hit a depot.", "drone strike on a depot", lat=35.0, lon=40.0,
                       date=date(2024, 5, 10), sources=sources)
        article = Article(text=text, outlet=outlet if n == 0 else f"Outlet {n}")
        reports.append((article.text_sha256, Report(article=article, attacks=(event,))))
    (merged,) = merge_events(reports)
    return merged


def test_an_ungraded_event_of_one_outlet_is_f6_and_corroboration_raises_its_credibility() -> None:
    assert event_grade(_merged("Daily Post"), Judgements()).code == "F6"
    assert event_grade(_merged("Daily Post", outlets=2), Judgements()).code == "F2"
    assert event_grade(_merged("Daily Post", outlets=3), Judgements()).code == "F1"


def test_the_best_graded_outlet_or_cited_source_gives_the_reliability() -> None:
    judgements = Judgements(grades=(SourceGrade("The Daily Post", Grade("C")), SourceGrade("city police", Grade("B"))))
    graded = event_grade(_merged("daily post", sources=("City Police",), outlets=2), judgements)
    assert graded.code == "B2" and graded.basis == "City Police graded B; 2 outlets"
    assert event_grade(_merged("Daily Post"), judgements).code == "C6"


def test_a_credibility_the_analyst_gave_with_the_grade_wins_over_corroboration() -> None:
    judgements = Judgements(grades=(SourceGrade("Daily Post", Grade("B", "3")),))
    assert event_grade(_merged("Daily Post", outlets=3), judgements).code == "B3"
    later = Judgements(grades=(*judgements.grades, SourceGrade("DAILY POST", Grade("D"))))
    assert later.grade_of("the daily post") == Grade("D")  # the latest grade of a name wins
