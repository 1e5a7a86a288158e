"""Which place of a sentence is where its act was (geo.events.place_choice). Made-up sentences."""

from __future__ import annotations

from datetime import date

from geo.pipeline import analyze


def _placed(text: str) -> list[tuple[str | None, str]]:
    report = analyze(text)
    return [(e.place, e.summary) for e in report.attacks + report.responses]


def test_a_road_named_after_a_town_is_not_where_the_act_was() -> None:
    [(place, summary)] = _placed("Gunmen ambushed a convoy on the Kharkiv highway near Izium on Monday.")
    assert place == "Izyum" and "Kharkiv" not in summary
    [(place, _summary)] = _placed("Gunmen ambushed a convoy on the Kharkiv highway on Monday.")
    assert place == "Kharkiv"  # the only place the sentence gives


def test_where_survivors_were_interviewed_is_not_where_the_raid_was() -> None:
    report = analyze("Survivors of the raid on Mucojo, interviewed by a local radio station in Pemba, said the "
                     "fighters killed 15 soldiers.", published=date(2024, 3, 4))
    assert [a.place for a in report.attacks] == [None]  # not "Fighters raided Mucojo in Pemba"


def test_a_country_in_the_name_of_a_mission_is_not_where_the_act_was() -> None:
    assert _placed("According to the United Nations Mission in the Democratic Republic of the Congo, at least 31 "
                   "civilians were killed on Monday when assailants stormed the site.") == [
        (None, "Assailants attacked the site")]
    assert [p for p, _ in _placed("Gunmen attacked a convoy in the Democratic Republic of the Congo on Monday.")] == [
        "Democratic Republic of the Congo"]  # in the country, told so
