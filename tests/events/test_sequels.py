"""Further rounds and parts of an act whose kind is known (geo.events.sequels). Made-up texts."""

from __future__ import annotations

from datetime import date

from geo.events.extract import extract_events
from tests.events.helpers import nlp, toponyms_for


def test_the_parts_of_a_counted_answer_told_after_the_attacks_it_answered_are_that_answer() -> None:
    text = ("Early on Friday, U.S. forces struck three facilities in Iraq and Syria used by Tarsa militias. These strikes "
            "were a response to attacks on U.S. forces. On Monday, militants fired rockets at a base in Syria. Air "
            "defenses shot down one rocket. In Iraq, U.S. forces struck a depot near Mosul. In Syria, U.S. forces struck "
            "two facilities near Raqqa.")
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 3))
    assert [a.actor for a in attacks] == ["militants"]
    parts = [r for r in responses if r.actor == "U.S. forces"]
    assert len(parts) == 2 and {r.date for r in parts} == {date(2024, 2, 2)}  # Friday's, the answer's day


def test_an_ambush_named_as_the_time_of_a_second_round_of_strikes_is_not_part_of_that_round() -> None:
    text = ("Hundreds of fighters stormed an army post near Tarsa early Tuesday, killing 20 soldiers, security sources "
            "said. The army said its aircraft struck several groups fleeing the area on Tuesday afternoon. The "
            "following day, a supply convoy bound for Tarsa was ambushed near the village of Kelo, killing eight "
            "soldiers. A second round of strikes on Wednesday evening hit assailants regrouping in a forest west of "
            "Kelo after the ambush, the army said.")
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 3, 7))
    convoy = [e for e in attacks + responses if "convoy" in (e.target or "")]
    assert [(e.kind, e.actor) for e in convoy] == [("attack", None)]  # not "the army ambushed a supply convoy"
