"""The parser's slips the trigger rules repair (``geo.events.parse_repairs``)."""

from __future__ import annotations

from spacy.tokens import Token

from geo.events.parse_repairs import passive_subjects
from tests.events.helpers import nlp
from tests.events.test_responses import run

# The parser reads "rockets and a drone" as the object of "after", leaving "were fired" without a subject.
MISPARSED = ("Coalition aircraft struck two facilities in eastern Syria used by militia groups late Thursday, hours "
             "after rockets and a drone were fired at coalition troops at Kiryat Shmona, officials said today.")


def _word(text: str, word: str) -> Token:
    return next(t for t in nlp()(text) if t.text == word)


def test_a_passive_subject_hung_on_the_clause_opener_is_found() -> None:
    assert [t.text for t in passive_subjects(_word(MISPARSED, "fired"))] == ["rockets", "drone"]
    # A subject parsed as one is kept; an active verb has none; a phrase opened by "after" is no subject.
    parsed = _word("After the raid, two rockets were fired at the base.", "fired")
    assert [t.text for t in passive_subjects(parsed)] == ["rockets"]
    assert passive_subjects(_word("After the raid, gunmen fired at the police.", "fired")) == []


def test_the_act_of_the_misparsed_clause_is_read_at_its_own_place() -> None:
    attacks, _ = run(MISPARSED)
    assert sorted((e.target, e.place) for e in attacks) == [
        ("coalition troops", "Qiryat Shemona"), ("two facilities in eastern Syria used by militia groups", "Syria")]
