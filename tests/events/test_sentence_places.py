"""The last-resort places and days of events (geo.events.sentence_places, geo.events.dating's
narrative rule). Made-up texts; toponyms built by hand."""

from __future__ import annotations

from datetime import date

from geo.events.extract import extract_events
from geo.model import Event, Toponym
from geo.pipeline import analyze
from tests.events.helpers import nlp, toponyms_for

PUBLISHED = date(2024, 2, 12)


def events(text: str) -> list[Event]:
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=PUBLISHED)
    return attacks + responses


def test_a_town_after_a_word_the_parse_hangs_elsewhere_places_the_act() -> None:
    # "above Kharkiv" hangs on the verb by a word the locative rules do not take.
    found = events("Army artillery pounded rebel positions in the hills above Kharkiv on Monday.")
    assert [e.place for e in found] == ["Kharkiv"]


def test_a_town_named_where_a_spokesman_spoke_does_not_place_the_act() -> None:
    found = events("Gunmen ambushed a convoy on Monday, a spokesman based in Odesa said.")
    assert found and all(e.place != "Odesa" for e in found)


def test_a_capital_spoken_to_is_its_government_not_where_the_strikes_were() -> None:
    text = ("A drone strike hit a truck near Bakhmal in Duhok province on Monday. The ministry handed the envoy a note "
            "describing the strikes as a crime and calling on Ankara to withdraw its troops.")
    found = analyze(text, published=PUBLISHED).events
    assert found and all("Ankara" not in (e.place or "") for e in found)


def test_a_reference_back_to_the_compound_places_the_act_at_the_town_named_before() -> None:
    found = events("A suicide bomber drove a truck into the gate of a police station in Kherson on Sunday. "
                   "Officers on guard shot dead two more gunmen who tried to storm the compound.")
    assert len(found) >= 2 and all(e.place == "Kherson" for e in found)


def test_a_town_named_with_its_own_name_is_not_a_reference_back() -> None:
    found = events("Rebels shelled a market in Kherson on Sunday. "
                   "The next day gunmen attacked the town of Kramatorsk.")
    assert {e.place for e in found} == {"Kherson", "Kramatorsk"}


def test_an_undated_act_told_right_after_a_dated_one_happened_that_day() -> None:
    found = events("Militants fired rockets at an army post in Kharkiv on February 9. "
                   "Soldiers returned fire and killed three of the attackers.")
    assert len(found) == 2 and {e.date for e in found} == {date(2024, 2, 9)}


def test_a_tally_told_after_a_dated_act_keeps_no_day() -> None:
    found = events("Militants fired rockets at an army post in Kharkiv on February 9. "
                   "The group has carried out 40 attacks on army posts in the region.")
    tallies = [e for e in found if e.count == 40]
    assert tallies and tallies[0].date is None


def test_an_act_told_as_one_of_this_months_keeps_no_day() -> None:
    found = events("Militants fired rockets at a base in Kharkiv on February 9. Gunmen also ambushed a convoy "
                   "near Odesa just this month.")
    assert [e.date for e in found if e.place == "Odesa"] == [None]


def test_one_act_told_this_month_is_an_event_and_uncounted_acts_this_year_are_not() -> None:
    assert [e.place for e in events("Gunmen ambushed a convoy near Odesa this month.")] == ["Odesa"]
    assert events("Fighters have killed several officials in Odesa this year.") == []


def test_an_unknown_village_put_near_the_town_named_with_it_places_the_act_before_that_town() -> None:
    text = "Rebels shelled the villages of Paris and Kafr Umbra in Idlib on Monday."
    attacks = [e for e in analyze(text, published=date(2024, 9, 18)).events if e.kind == "attack"]
    assert attacks and attacks[0].place == "Paris (near Idlib)"  # not the town of Idlib it was put near
    attacks = [e for e in analyze("A drone struck the Euphrates River near Al Mayadin on Monday.").events]
    assert attacks[0].place == "Al Mayadin"  # a river by the town does not pin the act down better


def test_the_act_told_again_at_a_camp_the_gazetteer_lacks_is_placed_there_near_its_town() -> None:
    text = ("A drone struck a market in El Fasher on Friday, killing 12 people. The strike hit stalls beside "
            "Zam Kora camp, witnesses said.")
    attacks = [e for e in analyze(text, published=date(2024, 10, 19)).events if e.kind == "attack"]
    assert [e.place for e in attacks] == ["Zam Kora (near El Fasher)"]  # one act, at the camp


def test_the_act_told_again_at_a_spot_put_near_another_town_is_still_the_same_act() -> None:
    text = ("A drone struck a market in El Fasher on Friday, killing 12 people. Shelling also hit Omdurman and "
            "Khartoum. The strike tore through stalls beside Zam Kora camp, witnesses said.")
    attacks = [e for e in analyze(text, published=date(2024, 10, 19)).events if e.kind == "attack"]
    assert sorted(e.place or "" for e in attacks) == ["El Fasher", "Omdurman"]  # no third act at the camp


def test_the_shelling_of_a_town_is_placed_there() -> None:
    found = events("In June, government shelling of Kharkiv killed five members of one family, monitors said.")
    assert [e.place for e in found] == ["Kharkiv"]


def test_the_datelines_town_is_no_place_a_later_reference_points_back_at() -> None:
    report = analyze("Troops repel rebel attack on base\n\nKHARKIV, Ukraine — Rebels attacked an army base on Sunday. "
                     "Troops repelled the attack on the base, killing 18 of the attackers, the army said.")
    found = report.attacks + report.responses
    assert found and all(e.place is None or "Kharkiv" not in e.place for e in found)


def test_a_place_describing_the_place_of_the_act_is_not_where_it_happened() -> None:
    found = analyze("Militants shelled a market in Kismayo, the capital of Jubaland, on Monday.").events
    assert [e.place for e in found] == ["Kismayo"]
    assert "Jubaland" not in found[0].summary


def test_a_hotel_named_after_the_gate_of_is_the_place_of_the_act() -> None:
    found = analyze("On Friday, militants detonated a car bomb at the gate of the Kelmar Hotel in Garissa.").events
    assert [e.place for e in found] == ["Kelmar Hotel (near Garissa)"]


def test_a_place_in_the_cause_a_side_gives_is_not_where_it_struck() -> None:
    found = analyze("Since 2023, the Houthis have attacked more than 100 ships in the Red Sea, in what they call "
                    "solidarity with Palestinians in Gaza.").events
    assert found and all(e.place != "Gaza City Governorate" and "Gaza" not in (e.place or "") for e in found)


def test_a_locative_word_the_parse_lost_behind_an_adjective_places_the_act() -> None:
    # "near occupied Kharkiv": the parse makes the town the object of 'occupied', not of 'near'.
    found = events("Rebel drones struck an army depot near occupied Kharkiv on Monday.")
    assert [(e.place, e.summary.endswith("near Kharkiv")) for e in found] == [("Kharkiv", True)]


def test_a_town_after_a_compass_word_and_of_places_the_act_when_the_parse_misreads_the_name() -> None:
    # "As" of "As Sukhnah" read as a preposition: the name hangs on no locative word in the parse.
    text = "Gunmen ambushed a convoy of government forces on the road east of As Sukhnah, killing three of them."
    start = text.index("As Sukhnah")
    town = Toponym(start, start + len("As Sukhnah"), "As Sukhnah", "As Sukhnah", "city", "SY", 34.885, 38.871,
                   172408, 0.9)
    attacks, _responses = extract_events(nlp()(text), [town], published=PUBLISHED)
    assert [(a.place, a.summary.endswith("near As Sukhnah")) for a in attacks] == [("As Sukhnah", True)]


def test_a_word_before_the_name_does_not_place_an_act_in_a_reporting_clause() -> None:
    found = events("Gunmen ambushed a convoy on Monday, a spokesman speaking near occupied Kharkiv said.")
    assert found and all(e.place != "Kharkiv" for e in found)


def test_a_province_its_own_sentence_puts_the_act_in_places_it_when_nothing_else_does() -> None:
    # the province sits in a clause the reporting verb governs ("which officials said was against ... in X")
    text = ("On Friday the army launched an airstrike which officials said was against two suspected bomb makers "
            "in Helmand Province.")
    found = analyze(text, published=PUBLISHED).events
    assert [(e.place, e.lat is not None) for e in found] == [("Helmand", True)]
    # a province named where the speaker was does not place it
    spoken = analyze("On Friday the army launched an airstrike, a spokesman in Helmand Province said.",
                     published=PUBLISHED).events
    assert found and all(e.place is None for e in spoken)


def test_the_town_is_the_last_town_named_not_the_province_after_it() -> None:
    text = ("Clashes went on for days in the hills around Sake, a lakeside town on the only road that links Goma to "
            "the rest of North Kivu. Late on Tuesday, the rebels tried to storm the town, the army said.")
    stormed = [e for e in analyze(text, published=PUBLISHED).events if e.actor == "rebels"]
    assert [(e.place, e.target) for e in stormed] == [("Sake", "Sake")]


def test_an_act_on_a_ship_sailing_in_a_sea_is_placed_at_that_sea() -> None:
    found = events("The Houthis fired a missile at the bulk carrier Morning Wren, a freighter sailing in the Red Sea.")
    assert [e.place for e in found] == ["Red Sea"]
    found = events("A Houthi drone struck the tanker Silver Gull while it was transiting the Gulf of Aden on Monday.")
    assert [e.place for e in found] == ["Gulf of Aden"]


def test_a_ship_told_some_miles_off_a_town_places_the_act_near_it() -> None:
    found = events("On Tuesday the Houthis fired two missiles at the M/V Lark Spur, a Liberian-flagged bulk carrier "
                   "hauling grain, roughly 70 nautical miles west of Hodeidah.")
    assert [e.place for e in found] == ["Al Hudaydah"]


def test_a_place_told_inside_what_someone_called_the_target_places_the_act() -> None:
    found = events("Israeli jets hit what the army described as a weapons depot in Bint Jbeil on Monday.")
    assert [e.place for e in found] == ["Bent Jbail"]


def test_where_an_act_pushed_others_to_go_does_not_place_it() -> None:
    found = events("Rebels fired two missiles at a tanker in the Red Sea on Monday. The attacks have pushed shipping "
                   "firms to send their vessels around Somalia.")
    assert [e.place for e in found] == ["Red Sea"]


def test_where_the_wounded_were_taken_does_not_place_the_act() -> None:
    found = events("Separately, an anti-tank missile hit a house in the village late Tuesday. The emergency service "
                   "said a man was lightly wounded by shrapnel and taken to a hospital in Kharkiv. Rebels said their "
                   "fighters had fired a missile at a building in the village.")
    assert [e.place for e in found] == [None]


def test_a_place_in_the_reason_an_act_is_told_with_does_not_place_it() -> None:
    found = events("Drones struck a warehouse on Sunday because its owner sold spare parts to factories in "
                   "Kharkiv, the army said. Gunmen attacked a bus on Monday because it carried workers to a plant in "
                   "Kherson, police said.")
    assert [(e.target, e.place) for e in found] == [("a warehouse", None), ("a bus", None)]
    found = events("Two men died because a shell hit their house in Kharkiv on Sunday.")  # the act is the reason
    assert [e.place for e in found] == ["Kharkiv"]


def test_the_sea_a_ship_sailed_told_in_an_apposition_to_it_is_where_it_was_hit() -> None:
    text = ("Early this morning, rebels fired two missiles from Yemen at the M/V Blue Ibis, a container ship sailing "
            "through the Red Sea.")
    assert [e.place for e in analyze(text, published=PUBLISHED).events] == ["Red Sea"]


def test_where_bombers_flew_to_launch_is_not_where_the_attack_was() -> None:
    text = ("Russian missiles struck Odesa on Monday, killing three people. The air force said Russia had used "
            "four cruise missiles launched by bombers over the Red Sea and 20 drones in the attack.")
    assert [e.place for e in events(text)] == ["Odesa"]


def test_where_the_wounded_were_flown_is_not_where_the_attack_was() -> None:
    text = ("A drone hit an army base near Kharkiv on Sunday. Six soldiers were injured in that attack; two of them "
            "were flown to a hospital in Berlin for treatment.")
    assert [(e.place, e.injured) for e in events(text)] == [("Kharkiv", 6)]


def test_a_counter_attack_is_where_the_assault_it_answered_was() -> None:
    found = events("Rebels stormed an army post near Kharkiv on Sunday. Hours later, troops counter-attacked and "
                   "drove the rebels off.")
    assert [(e.kind, e.place) for e in found] == [("attack", "Kharkiv"), ("response", "Kharkiv")]


def test_a_capital_that_speaks_is_not_the_place_a_reference_back_points_at() -> None:
    found = events("Rebels attacked an army outpost near Kherson on Sunday. Kyiv denied that any soldiers died. "
                   "Residents living below the outpost said army artillery shelled the hills until dawn.")
    shelling = [e for e in found if "shell" in e.summary.lower()]
    assert shelling and all(e.place == "Kherson" for e in shelling)


def test_a_reference_back_to_a_post_points_at_its_town_not_the_province_after_it() -> None:
    found = events("Gunmen attacked an army outpost near Albu Kamal, in Deir Ezzor province, on Sunday. "
                   "Residents living below the outpost said army artillery shelled the hills until dawn.")
    shelling = [e for e in found if "shell" in e.summary.lower()]
    assert shelling and all(e.place == "Ālbū Kamāl" for e in shelling)


def test_the_slopes_of_a_town_place_the_act_there() -> None:
    assert [e.place for e in events("Jets hit militant positions on the slopes of Kharkiv on Monday.")] == ["Kharkiv"]
