"""A wire story's lead tells its acts vaguely ("gunmen killed 12 people in a raid on a village ..., officials
said Monday"); the next lines tell them in full. Made-up texts."""

from __future__ import annotations

from datetime import date

from geo.pipeline import analyze

MONDAY = date(2025, 5, 19)


def test_the_day_a_lead_was_said_gives_way_to_the_acts_own_day_told_next() -> None:
    report = analyze("Gunmen killed at least 12 civilians in a raid on a village in western Niger, officials said "
                     "Monday. The attackers stormed the village of Banibangou late Saturday, shooting residents.",
                     published=MONDAY)
    assert [(e.place, e.date, e.killed) for e in report.events] == [("Bani Bangou", date(2025, 5, 17), 12)]


def test_a_day_said_after_an_act_of_the_day_before_still_tells_another_act() -> None:
    report = analyze("On Sunday, army warplanes pounded rebel positions around Bara. On Monday, the army said its "
                     "aircraft had destroyed a rebel convoy of more than 30 vehicles.", published=MONDAY)
    assert [e.date for e in report.events] == [date(2025, 5, 18), date(2025, 5, 19)]


def test_each_act_of_a_two_act_lead_is_told_in_full_by_the_lines_that_name_its_target() -> None:
    report = analyze(
        "NIAMEY, NIGER - Gunmen killed at least 12 civilians in a raid on a village in western Niger, while "
        "soldiers repelled a separate attack on a patrol, officials said Monday.\n\nThe attackers stormed the "
        "village of Banibangou late Saturday, shooting residents.\n\nOn Sunday, militants ambushed an army patrol "
        "near Ouallam. The army said troops had repelled the attack, killing nine assailants.", published=MONDAY)
    assert [(e.place, e.date, e.killed) for e in report.attacks] == [
        ("Bani Bangou", date(2025, 5, 17), 12), ("Ouallam", date(2025, 5, 18), None)]
    assert [(e.kind, e.killed) for e in report.responses] == [("response", 9)]  # the lead's and the army's: one


def test_a_thing_described_otherwise_is_another_thing() -> None:
    report = analyze("Rebels said government forces attacked a rebel-held village on Tuesday. Later, the "
                     "government-held village of Kobo came under attack.", published=MONDAY)
    assert len(report.attacks) == 2  # not "the government-held village" of "a rebel-held village"


def test_the_attackers_told_with_a_day_right_after_an_undated_act_tell_that_act() -> None:
    report = analyze("Gunmen have killed at least 14 people and abducted 30 others in Kaura Namoda, police said. "
                     "The attackers stormed the town at about 11pm on Sunday.", published=MONDAY)
    assert [(e.place, e.date, e.killed) for e in report.attacks] == [("Kaura Namoda", date(2025, 5, 18), 14)]
    assert "abducted the town" not in report.attacks[0].summary
    apart = analyze("Gunmen have killed at least 14 people in Kaura Namoda, police said. Residents fled to Gusau. "
                    "Farmers returned to their fields. The attackers struck a police post on Sunday.", published=MONDAY)
    assert len(apart.attacks) == 2  # three sentences on: another act


def test_the_other_of_two_rockets_blowing_up_is_no_act_of_its_own() -> None:
    report = analyze("Militants fired two rockets at Sderot on Monday. Iron Dome intercepted one over the town, "
                     "while the other blew up in an open field.", published=MONDAY)
    assert [(e.kind, e.target) for e in report.events if e.kind == "attack"] == [("attack", "Sderot")]


def test_reports_of_strikes_across_a_region_with_no_day_or_figure_are_a_campaign() -> None:
    report = analyze("Rebels shelled a market in Goma on Monday, killing five people. We are also concerned by "
                     "reports of army airstrikes in populated areas across North Kivu.", published=MONDAY)
    assert [e.place for e in report.events] == ["Goma"]
    wave = analyze("Civilians were killed in airstrikes across Idlib province on Sunday.", published=MONDAY)
    assert len(wave.events) == 1  # a day: one wave of strikes


def test_acts_a_lead_counts_are_its_parts_though_told_further_on() -> None:
    text = ("Army jets struck two depots on Thursday in response to two attacks earlier this week on an outpost by the "
            "river. On Monday, militants fired three rockets at the outpost. Two rockets hit a shelter. Nobody was "
            "hurt. On Wednesday, militants launched a drone at the same outpost.")
    attacks = [e for e in analyze(text, published=date(2025, 5, 23)).events if e.kind == "attack"]
    assert [(a.actor, a.count, a.date) for a in attacks] == [("militants", None, MONDAY),
                                                             ("militants", None, date(2025, 5, 21))]


def test_a_count_of_what_an_act_hit_is_no_count_of_acts_told_further_on() -> None:
    text = ("Forces destroyed two rebel missiles that were prepared to launch from an area near Hodeidah. Forces also "
            "destroyed a rebel radar site near Hodeidah. Nobody was hurt. In addition, forces destroyed a rebel boat "
            "in the Red Sea.")
    events = analyze(text, published=date(2025, 5, 23)).events
    assert len(events) == 3 and events[0].count == 2
