"""Casualty figures read off the parse and the patterns (issue 4), on made-up sentences."""

from __future__ import annotations

from geo.events.casualties import casualty_figures
from geo.events.extract import extract_events
from geo.events.draft import Draft
from geo.events.summary import summarize
from geo.model import Event, Toponym
from tests.events.helpers import nlp, toponyms_for


def figures(text: str) -> list[tuple[int | None, int | None]]:
    return [(killed, injured) for killed, injured, _token in casualty_figures(nlp()(text)[:])]


def events(text: str) -> list[Event]:
    attacks, responses = extract_events(nlp()(text), toponyms_for(text))
    return attacks + responses


def test_victims_joined_by_and_are_added() -> None:
    assert figures("Two bombs killed six police officers and a civilian.") == [(7, None)]
    assert figures("Gunmen opened fire, killing four soldiers and two civilians.") == [(6, None)]


def test_a_counted_subject_far_from_its_verb() -> None:
    text = "Four members of the security forces and a woman visiting from abroad were killed in the attacks."
    assert figures(text) == [(5, None)]


def test_slain_is_killed() -> None:
    assert figures("At least 17 slain in border battle.") == [(17, None)]


def test_one_death_without_a_number_only_when_no_toll_is_given() -> None:
    assert figures("He was killed in a drone strike.") == [(1, None)]
    assert figures("The gunman fatally shot the ambassador.") == [(1, None)]
    assert figures("Three people were killed and he was killed too.") == [(3, None)]


def test_a_title_case_headline_gives_its_toll_to_the_event() -> None:
    text = "At Least 17 Slain in Kharkiv Battle. Fighting in Kharkiv between police and rebels killed 14 rebels."
    (event,) = events(text)
    assert event.killed == 17


def test_two_bombs_are_two_acts() -> None:
    (event,) = events("Two bombs killed six police officers in Odesa.")
    assert (event.count, event.killed) == (2, 6)


def test_the_first_of_coordinated_victims_counts_too() -> None:
    text = "Two servicemen and one local resident were injured in an explosion."
    assert figures(text) == [(None, 3)]


def test_going_on_the_offensive_is_no_event() -> None:
    assert events("He said the country could go on the offensive with its own cyber muscle.") == []


def test_an_act_that_killed_one_named_or_determined_victim() -> None:
    assert figures("An IED blast killed a soldier last week.") == [(1, None)]
    assert figures("The bomb killed some people.") == []


def test_the_deaths_told_already_are_no_new_toll() -> None:
    text = ("Shelling killed two people in Kharkiv on Thursday. The two deaths came after a woman was killed "
            "in a drone strike on Odesa on Wednesday.")
    tolls = {e.place: e.killed for e in events(text)}
    assert tolls == {"Kharkiv": 2, "Odesa": 1}


def test_a_range_of_dead_counts_its_lower_bound_once() -> None:
    assert figures("Between 16 and 19 people were killed and at least 30 were injured.") == [(16, None), (None, 30)]
    assert figures("Some 20–25 villagers were killed.") == [(20, None)]
    assert figures("The raid killed 12 to 15 people.") == [(12, None)]


def test_a_massacre_counts_its_dead() -> None:
    assert figures("Soldiers massacred at least 40 villagers.") == [(40, None)]


def test_the_first_toll_stands_unless_a_later_one_is_told_as_an_update() -> None:
    disputed = events("A drone strike hit a market in Kharkiv on Monday, killing 30 people, officials said. A rights "
                      "group said 45 people were killed in the strike.")
    assert [e.killed for e in disputed] == [30]
    updated = events("A drone strike hit a market in Kharkiv on Monday, killing 30 people. The death toll from the "
                     "strike rose to 45 on Tuesday.")
    assert [e.killed for e in updated] == [45]


def test_a_day_before_a_clause_of_killing_is_no_toll() -> None:
    assert figures("The ministry condemned the attack on February 9, in which gunmen killed at least 37 civilians.") == [
        (37, None)]


def test_a_death_toll_risen_after_a_long_subject_is_read() -> None:
    assert figures("The death toll from Monday's shelling of a village near the river has risen to 38.") == [
        (38, None)]


def test_an_act_near_a_countrys_border_is_not_placed_in_that_country() -> None:
    (event,) = events("Drones struck a fuel depot near the Syria border on Monday, killing four guards.")
    assert event.place is None
    (inside,) = events("Drones struck a fuel depot in Syria on Monday, killing four guards.")
    assert inside.place == "Syria"


def test_a_communiques_words_for_killing_count_the_dead() -> None:
    assert figures('Troops "neutralized 14 terrorists" in the forest.') == [(14, None)]
    assert figures("The strikes eliminated about 30 militants, the ministry said.") == [(30, None)]


def test_some_of_a_told_toll_is_no_new_toll() -> None:
    assert figures("Doctors said three of the wounded were in critical condition.") == []
    assert figures("Two of those injured were children, and four more were wounded later.") == [(None, 4)]


def test_a_span_of_time_before_killed_is_no_toll() -> None:
    assert figures("A strike on the market and an ambush two days later have killed dozens.") == []
    assert figures("Three years of war have killed thousands, and 12 soldiers were killed on Monday.") == [(12, None)]


def test_people_shot_dead_are_dead() -> None:
    assert figures("Two more gunmen, who tried to climb the wall after the blast, were shot dead by guards.") == [(2, None)]


def test_a_toll_word_on_one_of_two_counted_nouns_counts_only_that_noun() -> None:
    assert figures("The clinic received 24 bodies and 51 injured people on Tuesday.") == [(None, 51)]


def test_an_interception_of_some_drones_and_some_missiles_counts_both() -> None:
    from datetime import date

    from geo.events.extract import extract_events
    from tests.events.helpers import nlp, toponyms_for

    text = ("Russia launched 110 drones and five missiles at Ukraine overnight. Air defences shot down 104 of the "
            "drones and three of the missiles.")
    _attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert [r.count for r in responses] == [107]


def test_a_farmer_and_his_daughter_killed_are_two_deaths() -> None:
    from geo.events.casualties import casualty_figures
    from tests.events.helpers import nlp

    doc = nlp()("A farmer and his daughter were killed when their house was struck by a shell.")
    assert [killed for killed, _injured, _token in casualty_figures(next(iter(doc.sents)))] == [2]


def test_both_victims_are_two() -> None:
    assert figures("Both riders were killed, the ministry said.") == [(2, None)]
    assert figures("The blast wounded both guards.") == [(None, 2)]


def test_a_toll_counted_over_months_is_no_more_of_the_act_told_before() -> None:
    text = ("Gunmen fired on a police patrol near Umbra on Friday, wounding two officers. At least 1,600 people "
            "were killed in gang violence across the country between January and March, the UN said.")
    found = events(text)
    assert len(found) == 1 and found[0].killed is None and found[0].injured == 2


def test_one_victim_killed_or_shot_dead_without_a_number_is_one_death() -> None:
    assert figures("A drone dropped explosives on a car near the village, killing its driver.") == [(1, None)]
    assert figures("Gunmen shot dead a police officer in the market on Monday.") == [(1, None)]


def test_counted_wounded_far_from_their_verb() -> None:
    text = "Four fighters of the local militia were wounded when a roadside bomb exploded beside their patrol."
    assert figures(text) == [(None, 4)]


def test_several_missiles_or_shells_of_one_salvo_are_one_act() -> None:
    (event,) = events("Two missiles hit near the railway station in Odesa, killing 12 people.")
    assert (event.count, event.killed) == (None, 12)
    (event,) = events("Three shells landed on the market in Odesa, wounding nine.")
    assert event.count is None


def test_shot_dead_told_before_the_victims_counts_them_and_reads_as_shot_dead() -> None:
    found = events("Gunmen shot dead two men in Kharkiv on Monday.")
    assert [(e.killed, e.summary) for e in found] == [(2, "Gunmen shot dead two men in Kharkiv")]


def test_a_suicide_bomber_who_killed_all_the_people_struck_reads_as_killing_them() -> None:
    found = events("A suicide bomber killed at least five people outside an army compound in Kharkiv on Monday. "
                   "Witnesses say the attacker detonated his explosives after being approached by guards.")
    assert [e.summary for e in found] == ["Suicide bomber killed at least five people in Kharkiv"]


def test_launchers_destroyed_were_struck() -> None:
    found = events("Coalition forces destroyed two mobile missile launchers near Odesa on Saturday.")
    assert [e.summary for e in found] == ["Coalition forces struck two mobile missile launchers near Odesa"]



def test_a_target_named_inside_the_place_is_not_placed_again() -> None:
    base = Toponym(0, 20, "Tarsa air base", "Tarsa Air Base", "facility", "IQ", 33.8, 42.4, None, 0.9)
    draft = Draft("attack", "Shelling/artillery/missile attack", {"attack"}, "rocket", 0, target="Tarsa", place=base)
    assert summarize(draft) == "Rocket attack on Tarsa"


def test_the_dead_named_as_the_target_of_a_killing_and_an_abduction_read_as_killed() -> None:
    found = events("KHARKIV, Ukraine — Northern Front fighters killed 12 villagers and abducted at least 20 women "
                   "in an overnight raid on Kharkiv, officials said on Tuesday.")
    assert [(e.actor, e.killed, e.summary.split(" in ")[0]) for e in found] == [
        ("Northern Front fighters", 12, "Northern Front fighters killed 12 villagers")]


def test_the_toll_of_an_airstrike_is_no_defence_of_its_own() -> None:
    found = events("Coalition jets conducted an airstrike against militants near Kharkiv on Monday. The command "
                   "said the airstrike killed four terrorists.")
    assert [(e.kind, e.killed) for e in found] == [("attack", 4)]


def test_weapons_launched_against_a_country_strike_it() -> None:
    found = events("Russian forces launched 86 drones and two ballistic missiles against Ukraine on 8 March 2025.")
    assert [e.target for e in found] == ["Ukraine"]


def test_those_who_continued_assaults_did_them() -> None:
    found = events("Russian forces continued assaults near Kharkiv on Saturday.")
    assert [e.actor for e in found] == ["Russian forces"]


def test_strikes_on_counted_sites_count_one_strike_per_site_and_say_so_once() -> None:
    for text in ("Russian forces struck three targets near Kherson on Monday.",
                 "Russian forces conducted strikes on three targets near Kherson on Monday."):
        found = events(text)
        assert [e.count for e in found] == [3], text
        assert found[0].summary.endswith(" struck three targets near Kherson"), text
    assert [e.count for e in events("Russian jets struck three houses near Kherson on Monday.")] == [None]


def test_missiles_told_launched_at_a_ship_were_launched_at_it_not_said_to_strike_it() -> None:
    found = events("Rebels fired two missiles at a tanker off Odesa on Monday.")
    assert [e.summary for e in found] == ["Rebels fired missiles at a tanker near Odesa"]


def test_a_helicopter_raid_is_said_a_raid_not_a_strike_on_targets() -> None:
    found = events("Army commandos conducted a helicopter raid near Kharkiv on Monday, killing a rebel commander.")
    assert [e.summary.split(" ", 2)[-1] for e in found] == ["carried out a raid near Kharkiv"]


def test_an_act_with_no_doer_that_killed_whom_it_hit_is_said_to_have_killed_them() -> None:
    found = events("An air strike killed 12 villagers in Kharkiv on Monday.")
    assert [e.summary for e in found] == ["An air strike killed 12 villagers in Kharkiv"]


def test_speakers_the_parser_hung_on_the_list_of_the_dead_are_not_counted() -> None:
    assert figures("Suspected jihadists ambushed an army convoy near the town of Kelmar on Thursday, killing at least "
                   "15 soldiers, a local official and a security source told AFP.") == [(15, None)]
    assert figures("Gunmen ambushed a convoy, killing 15 soldiers and a local official.") == [(16, None)]


def test_an_aside_between_the_counted_people_and_the_verb_keeps_their_number() -> None:
    # a dateline before it leads the parse to take the town for the one killed
    assert figures("KHARKIV, Ukraine — At least 23 civilians, eight of them children, were killed when militiamen "
                   "raided a village.") == [(23, None)]
    assert figures("MOSCOW, Russia — Nine soldiers, two of them officers, were wounded when drones hit a base.") == [
        (None, 9)]


def test_victims_told_as_more_in_the_next_sentence_add_to_the_toll() -> None:
    (event,) = events("Soldiers raided a militant hideout near Kharkiv on Monday, killing six militants, the army "
                      "said. Two soldiers were also killed in the exchange of fire, it said.")
    assert event.killed == 8
    (event,) = events("Rebels shelled a market in Odesa on Tuesday, killing four people. Four people were killed, the "
                      "governor said.")
    assert event.killed == 4  # the same toll told again


def test_all_of_a_counted_group_killed_is_their_number() -> None:
    assert figures("Soldiers stormed the hotel and killed all five assailants.") == [(5, None)]


def test_an_interception_has_no_toll_of_its_own() -> None:
    # the debris's victims are the attack's, not the air defence's
    found = events("Air defences shot down 40 drones over Kharkiv overnight. Falling debris injured two people "
                   "and killed a man, the governor said.")
    stopped = [e for e in found if e.category == "Disrupted weapons use"]
    assert stopped and all((e.killed, e.injured) == (None, None) for e in stopped)
    assert [e.count for e in stopped] == [40]


def test_people_treated_for_or_who_sustained_injuries_are_injured() -> None:
    assert figures("Three guards were treated for minor injuries.") == [(None, 3)]
    assert figures("One deckhand sustained minor injuries and was treated aboard.") == [(None, 1)]
    assert figures("Two porters suffered shrapnel wounds.") == [(None, 2)]
    assert figures("Three guards were treated for shock.") == []


def test_no_one_hurt_is_no_toll_of_one() -> None:
    assert figures("Rescue crews said the orchard was empty and that no one was hurt there.") == []
    assert [(e.killed, e.injured) for e in events("Jets hit a launcher in an orchard near Kaduna on Thursday. "
                                                  "Crews said that no one was hurt there.")] == [(None, None)]


def test_a_toll_killed_as_an_act_was_done_is_that_acts() -> None:
    found = events("Eleven killed as Israeli jets hit Gaza City; rockets fired at Tel Aviv\n\nAn Israeli air strike "
                   "flattened a house in Gaza City before dawn on Thursday. By mid-afternoon, militants launched a "
                   "salvo of rockets toward Tel Aviv.")
    assert sorted((e.place, e.killed) for e in found) == [("Gaza", 11), ("Tel Aviv", None)]


def test_the_wounded_told_by_what_they_suffered() -> None:
    assert figures("Three service members of the coalition sustained minor injuries.") == [(None, 3)]
    assert figures("Two U.S. contractors were treated for minor wounds.") == [(None, 2)]
    assert figures("The rocket left two U.S. guards with minor injuries.") == [(None, 2)]
    assert figures("No one was treated for injuries.") == []
    assert figures("Three soldiers sustained the blow of the advance.") == []
    told = events("On Monday, militants fired rockets at a base in Kharkiv. Four U.S. soldiers suffered minor injuries.")
    assert [e.injured for e in told] == [4]


def test_one_wounded_person_told_without_a_number_is_one_injured() -> None:
    assert figures("Shells hit the market on Monday, wounding a 61-year-old man and damaging a school.") == [(None, 1)]
    assert figures("A farmer was killed and his nephew was injured, the mayor said.") == [(1, None), (None, 1)]


def test_wounded_people_told_by_what_they_suffered() -> None:
    assert figures("Three of the sailors suffered burns, the operator said.") == [(None, 3)]


def test_a_wounded_group_or_crew_is_no_count() -> None:
    assert figures("The blast injured the crew of the tanker.") == []
    assert figures("Shelling wounded a family in the village.") == []


def test_counted_clashes_read_as_a_plural() -> None:
    from geo.events.summary import _plural
    assert (_plural("Armed clash"), _plural("Air strike"), _plural("artillery shelling")) == (
        "Armed clashes", "Air strikes", "artillery shelling attacks")


def test_a_number_written_with_a_hyphen_is_read_whole() -> None:
    assert figures("Gunmen killed thirty-two villagers and wounded forty-five others.") == [(32, None), (None, 45)]
    intercepted = events("Air defence units intercepted twenty-one drones over Kharkiv on Monday.")
    assert [e.count for e in intercepted] == [21]


def test_the_toll_of_one_of_an_acts_munitions_is_the_acts_when_it_has_none() -> None:
    found = events("On Saturday, rebels fired two missiles and three drones at Kherson. According to the police, one "
                   "missile struck a market street, killing seven civilians and wounding 19 others.")
    assert [(e.killed, e.injured) for e in found] == [(7, 19)]


def test_one_person_who_died_after_the_act_is_one_dead() -> None:
    assert figures("A 54-year-old woman died after a shell struck her house.") == [(1, None)]
    assert figures("The driver died in hospital.") == [(1, None)]
    assert figures("No civilians died.") == [] and figures("The woman who died had fled the town.") == []


def test_a_quoted_our_in_a_target_is_not_the_readers() -> None:
    found = events('"Rebels shelled our villages near Kharkiv on Monday," the mayor said.')
    assert [e.summary for e in found] == ["Rebels shelled the villages near Kharkiv"]
