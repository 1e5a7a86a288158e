"""Responses: acts the text presents as answering an earlier one, and defensive acts. Made-up sentences."""

from __future__ import annotations

from datetime import date

from geo.events.extract import extract_events
from geo.events.actors import actor_family
from geo.events.draft import Draft
from geo.events.sequels import continue_sequels
from geo.events.mentions import Mention
from geo.events.umbrella import answered_together
from geo.model import Event
from geo.pipeline import analyze
from tests.events.helpers import nlp, toponyms_for


def run(text: str, published: date | None = date(2024, 3, 4)) -> tuple[list[Event], list[Event]]:
    return extract_events(nlp()(text), toponyms_for(text), published=published)


def test_a_strike_called_self_defence_is_a_response() -> None:
    attacks, responses = run("Coalition forces conducted a collective self-defense strike against fighters near "
                             "the border on Tuesday.")
    assert attacks == [] and len(responses) == 1
    attacks, responses = run("The navy carried out two self-defence strikes on the launch sites.")
    assert attacks == [] and [r.count for r in responses] == [2]


def test_in_response_without_an_object_makes_its_clause_a_response() -> None:
    attacks, responses = run("Gunmen attacked a police post on Monday. In response, the army launched airstrikes "
                             "on their hideouts.")
    assert [a.actor for a in attacks] == ["Gunmen"]
    assert [r.actor for r in responses] == ["army"]


def test_in_response_to_an_attack_makes_the_strikes_of_the_clause_a_response() -> None:
    attacks, responses = run("In response to the rocket attack on the base, the air force conducted strikes on "
                             "a weapons depot.")
    assert len(attacks) == 1 and len(responses) == 1
    assert responses[0].category == "Air/drone strike"


def test_strikes_that_are_a_response_to_attacks() -> None:
    attacks, responses = run("These precision strikes are a response to a series of attacks against our troops.")
    assert len(responses) == 1 and responses[0].category == "Air/drone strike"
    assert len(attacks) == 1 and attacks[0].target == "our troops"


def test_destroying_things_in_flight_is_an_interception() -> None:
    attacks, responses = run("Air defences destroyed five drones over the region overnight.")
    assert attacks == [] and [(r.category, r.count) for r in responses] == [("Disrupted weapons use", 5)]
    attacks, responses = run("The missile was destroyed in mid-air without causing any casualties.")
    assert attacks == [] and [r.category for r in responses] == ["Disrupted weapons use"]
    attacks, responses = run("Navy ships neutralised three unmanned aerial vehicles over the gulf.")
    assert [r.count for r in responses] == [3]


def test_destroying_a_place_named_after_a_weapon_is_no_interception() -> None:
    attacks, responses = run("Engineers destroyed a drone workshop near the river.")
    assert attacks == [] and responses == []


def test_retaliating_with_an_act_is_one_response_and_alone_counts_its_times() -> None:
    attacks, responses = run("The militia retaliated with rocket fire on the garrison.")
    assert attacks == [] and len(responses) == 1
    attacks, responses = run("Since then the government has retaliated for those attacks nine times.")
    assert [r.count for r in responses] == [9]


def test_a_double_bombing_counts_two_and_a_date_is_no_count() -> None:
    attacks, _ = run("Forty people were killed by a double car bombing outside the ministry.")
    assert [a.count for a in attacks] == [2]
    attacks, _ = run("It was the deadliest attack since the 12 March 2019 bombings at the market.")
    assert all(a.count is None for a in attacks)


def test_a_third_side_striking_the_attackers_responds() -> None:
    attacks, responses = run("Al-Shabaab fighters attacked an army base on Sunday. On Monday, US aircraft struck "
                             "al-Shabaab positions near the town.")
    assert [a.actor for a in attacks] == ["Al-Shabaab fighters"]
    assert [r.actor for r in responses] == ["US"]


def test_two_sides_at_war_striking_each_other_both_attack() -> None:
    attacks, responses = run("Russian forces shelled Kharkiv on Monday. On Tuesday, Ukrainian drones struck an oil "
                             "depot in Russia.")
    assert len(attacks) == 2 and responses == []


def test_a_proxy_is_named_by_its_own_name_not_its_backer() -> None:
    assert actor_family("Iranian-backed Houthis") == "Houthis"
    assert actor_family("Iran-backed militias") is None
    assert actor_family("pro-Russian separatists") is None
    assert actor_family("Kataib Hezbollah fighters") == "Islamic Resistance in Iraq"  # not Hezbollah
    assert actor_family("Iran-backed") is None  # the backer named, the proxy not


def test_destroying_a_weapon_system_that_posed_an_imminent_threat_is_a_response() -> None:
    attacks, responses = run("On Monday, coalition forces destroyed a rebel missile launcher near the coast. It was "
                             "determined the launcher presented an imminent threat to merchant vessels.")
    assert attacks == [] and len(responses) == 1
    assert responses[0].category == "Attack"  # a strike on a missile launcher is no missile attack
    attacks, responses = run("Navy jets struck, in self-defence, three radar sites on the coast on Friday.")
    assert attacks == [] and len(responses) == 1


def test_guards_killing_the_attackers_end_the_assault() -> None:
    attacks, responses = run("Gunmen stormed the ministry on Tuesday. Security forces killed the four attackers "
                             "after a six-hour siege.")
    assert [a.actor for a in attacks] == ["Gunmen"] and len(responses) == 1
    assert responses[0].summary.startswith("Security forces killed the four attackers")
    attacks, responses = run("An official said 14 insurgents were killed in the fighting.")
    assert responses == []  # a toll, not defenders ending an assault


def test_ending_a_siege_quells_the_assault_and_its_killings_are_part_of_it() -> None:
    attacks, responses = run("Gunmen stormed a guesthouse in the port on Friday. Police ended the siege on Saturday, "
                             "killing all five gunmen.")
    assert [a.actor for a in attacks] == ["Gunmen"] and len(responses) == 1
    assert responses[0].summary.startswith("Police ended the siege") and responses[0].killed == 5
    attacks, responses = run("The talks ended the siege of the town on Saturday.")
    assert attacks == [] and responses == []  # no armed defenders: no act


def test_summaries_read_as_plain_english() -> None:
    _, responses = run("Russian air defences destroyed three Ukrainian drones over Kyiv overnight.")
    assert responses[0].summary == "Russia shot down three Ukrainian drones over Kyiv"
    attacks, _ = run("Militants fired rockets at Tel Aviv on Monday.")
    assert attacks[0].summary == "Militants fired rockets at Tel Aviv"
    attacks, _ = run("Russian forces shelled Kharkiv on Monday.")
    assert attacks[0].summary == "Russian forces shelled Kharkiv"
    attacks, _ = run("Gunmen abducted 20 students near Kaduna on Thursday.")
    assert attacks[0].summary == "Gunmen abducted 20 students near Kaduna"


def test_no_one_claiming_an_attack_names_no_actor() -> None:
    attacks, _ = run("A bomb exploded at a market in Kandahar. No group has claimed responsibility for the attack.")
    assert attacks and all(a.actor is None for a in attacks)


def test_an_attack_defended_against_on_the_spot_is_where_and_when_the_defence_was() -> None:
    attacks, responses = run(
        "On March 1, U.S. forces conducted a self-defense strike against militants near Bardera, Somalia. "
        "During a partnered operation, a large group of armed al-Shabaab fighters attacked the force. In response, "
        "the U.S. conducted the strike, killing two militants.")
    assert [(e.place, e.date) for e in responses] == [("Baardheere", date(2024, 3, 1))]
    assert [(e.place, e.date) for e in attacks] == [("Baardheere", date(2024, 3, 1))]


def test_drones_sent_at_a_ship_are_not_where_the_strikes_on_their_launchers_hit() -> None:
    attacks, responses = run(
        "Late Monday, rebels launched five drones toward the USS Carver, a destroyer. Early Tuesday, in response, "
        "U.S. forces conducted self-defense strikes on two launch sites near Bardera, Somalia.")
    assert [e.place for e in responses] == ["Baardheere"] and [e.place for e in attacks] == [None]


def test_an_attack_answered_elsewhere_by_retaliation_keeps_no_place() -> None:
    attacks, responses = run(
        "Militants attacked a patrol on Friday. In retaliation, U.S. forces struck a militant camp near "
        "Bardera, Somalia, on Sunday.")
    assert [e.place for e in responses] == ["Baardheere"] and [e.place for e in attacks] == [None]


def test_a_strike_aimed_at_the_attackers_beyond_its_target_answers_them() -> None:
    attacks, responses = run(
        "Islamic State militants attacked the airport in Kandahar on Thursday, killing 13 soldiers. On Saturday, "
        "U.S. forces conducted a drone strike in Kandahar, targeting a car they believed was carrying ISIS members.")
    assert [e.actor for e in attacks] == ["Islamic State militants"] and [e.actor for e in responses] == [
        "U.S. forces"]


def test_attackers_shot_dead_by_guards_end_the_assault() -> None:
    attacks, responses = run("A suicide bomber struck a police station in Kyiv on Sunday, killing nine officers. Two "
                             "more attackers were shot dead by officers on guard duty, a police official said.")
    assert len(attacks) == 1 and [(e.actor, e.target) for e in responses] == [("officers", "two more attackers")]


def test_a_rescue_that_killed_the_captors_answers_the_kidnapping() -> None:
    attacks, responses = run("Gunmen abducted 26 students from a school in Kaduna on Friday. Troops have rescued 19 "
                             "of the students and killed seven of their captors, the army said.")
    assert len(attacks) == 1 and [e.actor for e in responses] == ["Troops"]


def test_units_pursuing_the_attackers_answer_the_attack_in_the_speakers_name() -> None:
    attacks, responses = run("Gunmen attacked a market in Kaduna on Sunday, killing 37 people. The armed forces said "
                             "their units pursued the attackers toward the border and neutralized several of them.")
    assert [e.killed for e in attacks] == [37] and [e.actor for e in responses] == ["armed forces"]


def test_security_forces_acting_on_the_perpetrators_respond() -> None:
    attacks, responses = run("Gunmen attacked a police station in Kyiv on Monday, killing three officers. "
                             "Troops later stormed the attackers' hideout in Kyiv and killed four of them.")
    assert len(attacks) == 1 and [r.actor for r in responses] == ["Troops"]


def test_security_forces_on_armed_men_after_the_attack_respond_the_day_told() -> None:
    attacks, responses = run("A bomb exploded at a market in Kyiv on Saturday, killing nine people. A day after the "
                             "bombing, police raided a militant hideout in Kyiv and arrested six suspects.")
    assert len(attacks) == 1 and [r.date for r in responses] == [date(2024, 3, 3)]


def test_security_forces_acting_on_their_own_attack() -> None:
    attacks, responses = run("Troops raided a militant hideout in Kyiv on Monday, killing four fighters.")
    assert len(attacks) == 1 and responses == []


def test_a_summary_opens_with_a_capital_and_keeps_a_sentence_opener_low_inside() -> None:
    attacks, responses = run("Gunmen stormed a hotel in Kyiv on Monday. Two of the gunmen were shot dead by "
                             "guards, the police said.")
    assert [r.summary for r in responses] == ["Guards shot two of the gunmen in Kyiv"]  # where the assault was


def test_an_interception_is_placed_near_what_the_drones_were_launched_at() -> None:
    _attacks, responses = run("Air defences shot down three drones that the rebels launched at a power plant "
                              "outside Kharkiv before dawn on Saturday.")
    (interception,) = responses
    assert interception.place == "Kharkiv" and interception.date == date(2024, 3, 2)


def test_an_armys_guns_striking_armed_men_hours_after_the_act_respond() -> None:
    attacks, responses = run("Rebels shelled camps near Kyiv on Monday, killing six people. Hours after the camps "
                             "were hit, army artillery struck rebel positions in the hills.")
    assert [a.actor for a in attacks] == ["Rebels"] and [r.actor for r in responses] == ["army"]


def test_an_act_framed_after_the_fact_as_retaliation_is_a_response() -> None:
    text = ("A suicide bomber struck a market in Omdurman on Monday, killing nine. On Thursday, police raided a "
            "hideout in Kherson, killing four militants. The ministry presented the operation as retaliation for "
            "the market bombing.")
    attacks, responses = run(text)
    assert [(e.kind, e.place) for e in attacks + responses] == [("attack", "Omdurman"), ("response", "Kherson")]


def test_drones_shot_down_that_a_side_launched_at_a_town_are_two_acts() -> None:
    attacks, responses = run("The army said its air defences shot down four drones that the rebels launched at a "
                             "power station near Omdurman on Friday.")
    assert len(attacks) == 1 and len(responses) == 1
    attacks, responses = run("Rebels fired three missiles at Kherson on Monday. None of the three missiles, which "
                             "were launched from the coast, was intercepted.")
    assert len(attacks) == 1 and responses == []


def test_a_drone_heading_for_a_place_and_shot_down_is_an_attack_and_its_interception() -> None:
    attacks, responses = run("On Monday, a drone heading toward Kherson was shot down by air defences.")
    assert len(attacks) == 1 and len(responses) == 1
    attacks, responses = run("Rebels struck a tanker off Hodeidah on Monday. A frigate shot down two drones that were "
                             "flying toward the tanker.")
    assert len(attacks) == 1 and len(responses) == 1


def test_a_counter_offensive_launched_on_a_day_is_a_response_and_one_of_months_a_campaign() -> None:
    attacks, responses = run("Gunmen killed 40 villagers near Kherson on Monday. On Tuesday the army launched a "
                             "counter-offensive near Kherson.")
    assert [(r.summary, r.place) for r in responses] == [("Army launched a counter-offensive near Kherson", "Kherson")]
    attacks, responses = run("As the army's counteroffensive of more than four months slowly continues, the general "
                             "spoke to reporters.")
    assert attacks == [] and responses == []


def test_most_of_the_projectiles_destroyed_by_air_defences_is_an_interception() -> None:
    attacks, responses = run("Iran launched 120 missiles at Israel on Monday. Most of the projectiles were "
                             "destroyed in flight by Israeli air defences.")
    assert len(attacks) == 1 and len(responses) == 1
    assert responses[0].category == "Disrupted weapons use"
    assert "most of the projectiles" in responses[0].summary  # a common word, not capitalised mid-summary


def test_what_a_counter_rocket_system_destroyed_was_intercepted() -> None:
    _attacks, responses = run("Militants fired three rockets at the base in Kharkiv on Monday. Two were "
                              "destroyed in flight by the base's counter-rocket system.")
    assert [r.category for r in responses] == ["Disrupted weapons use"]


def test_troops_destroying_an_air_defence_system_is_an_attack_not_an_interception() -> None:
    attacks, responses = run("Troops destroyed an enemy air defence system near Kharkiv on Monday.")
    assert len(attacks) == 1 and not responses


def test_a_plural_weapon_opening_a_sentence_is_the_weapon_though_tagged_a_name() -> None:
    attacks, _responses = run("Rockets were fired at the base in Kharkiv on Monday.")
    assert len(attacks) == 1 and attacks[0].place == "Kharkiv"


def test_an_act_in_what_its_side_called_a_response_is_a_response() -> None:
    attacks, responses = run('Russia fired 120 missiles at Kyiv on Monday. Ukrainian jets struck a radar near '
                             'Kharkiv on Tuesday in what the army called "a precise response" to the barrage.')
    assert len(attacks) == 1 and [r.actor for r in responses] == ["Ukraine"]


def test_a_second_wave_is_by_those_who_struck_before_and_of_the_same_kind() -> None:
    _attacks, responses = run('Russia fired 120 missiles at Kyiv on Monday. Ukrainian jets struck a radar near '
                              'Kharkiv on Tuesday in retaliation. A second wave minutes later hit a drone factory '
                              'on the outskirts of Odesa.')
    sequel = next(r for r in responses if r.place == "Odesa")
    radar = next(r for r in responses if r.place == "Kharkiv")
    assert sequel.actor == radar.actor == "Ukraine" and sequel.date is not None and sequel.date == radar.date
    assert "with drones" not in sequel.summary  # a drone factory was hit, not struck with drones


def test_a_second_set_or_package_of_strikes_is_a_further_round_by_those_who_struck_before() -> None:
    for group in ("set", "package", "series"):
        attacks, _responses = run(f"Israeli jets struck a radar site near Albu Kamal on Monday. Later that night a "
                                  f"second {group} of strikes hit a depot outside Mayadeen.")
        sequel = next(a for a in attacks if a.place == "Al Mayādīn")
        assert sequel.actor == "Israel" and str(sequel.date) == "2024-03-04"


def test_a_second_wave_follows_the_strike_told_last_not_the_barrage_that_strike_refers_to() -> None:
    doc = nlp()("Ukraine answered the barrage on Tuesday. Russia fired missiles at Kyiv on Monday. Ukrainian jets "
                "struck a radar in what the army called a response to the barrage. A second wave hit a factory.")
    lead, barrage, radar, wave = list(doc.sents)
    answer = Draft("response", "strike", set(), None, 0, actor="Ukraine", sentences=[lead, radar])
    attack = Draft("attack", "strike", set(), None, 1, actor="Russia", sentences=[barrage, radar])
    sequel = Draft(None, "strike", set(), None, 2, sentences=[wave])
    continue_sequels([answer, attack, sequel], {id(sequel)})
    assert (sequel.actor, sequel.kind) == ("Ukraine", "response")


def test_a_second_round_of_retaliatory_strikes_answers_and_so_did_the_round_before() -> None:
    attacks, responses = run("Drones hit a fuel depot in Omdurman on Monday, killing four workers. Warplanes "
                             "bombed camps around Kaduna on Monday night. A second round of retaliatory air "
                             "strikes early on Tuesday hit positions near Bardera, an army officer said.")
    assert [a.place for a in attacks] == ["Omdurman"]
    assert sorted(r.place for r in responses) == ["Baardheere", "Kaduna"]  # one row for the round on Bardera


def test_a_wave_of_strikes_is_the_act_not_its_doer() -> None:
    attacks, _responses = run("A new wave of Russian strikes hit the port of Odesa on Tuesday, the governor said.")
    assert [(a.actor, a.place) for a in attacks] == [("Russia", "Odesa")]


def test_a_strike_on_a_group_a_day_after_it_bombed_a_market_answers_it() -> None:
    attacks, responses = run("A camp of the Northern Front near Kharkiv was struck by air force jets on Tuesday, "
                             "a day after the group bombed a market in Odesa.")
    assert [r.place for r in responses] == ["Kharkiv"] and [a.place for a in attacks] == ["Odesa"]


def test_an_air_strike_on_the_group_that_bombed_a_market_is_a_response() -> None:
    attacks, responses = run("The Northern Front bombed a market in Odesa on Monday. Air force jets struck a camp "
                             "of the group near Kharkiv on Tuesday.")
    assert [a.place for a in attacks] == ["Odesa"] and [r.place for r in responses] == ["Kharkiv"]


def test_two_armed_groups_attacking_in_turn_both_attack() -> None:
    attacks, responses = run("The Northern Front bombed a market in Odesa on Monday. On Tuesday the Southern Army "
                             "shelled a village near Kharkiv.")
    assert len(attacks) == 2 and not responses


def test_a_dateline_the_parse_took_into_the_clause_is_neither_target_nor_place() -> None:
    attacks, responses = run("CAMP NORTH, Odesa, Bahia do Sul – An encampment of the Northern Front near Kharkiv "
                             "was struck by air force jets at dawn on Tuesday.")
    events = attacks + responses
    assert len(events) == 1 and events[0].place == "Kharkiv"
    assert "CAMP" not in (events[0].target or "") and "encampment" in (events[0].target or "")


def test_an_assault_repelled_in_the_passive_is_a_response_where_the_assault_was() -> None:
    attacks, responses = run("Militants stormed an army camp near Kharkiv on Monday. The attackers were met with "
                             "heavy fire and the assault was repulsed within two hours.")
    assert len(attacks) == 1 and [(r.summary, r.place) for r in responses] == [
        ("The assault was repulsed near Kharkiv", "Kharkiv")]


def test_shells_that_began_landing_on_a_town_are_an_attack() -> None:
    attacks, _responses = run("Rockets began landing on Kharkiv shortly after midnight, residents said.")
    assert [(a.place, a.category) for a in attacks] == [("Kharkiv", "Shelling/artillery/missile attack")]


def test_shells_that_fell_on_a_town_are_an_attack_and_debris_that_fell_is_not() -> None:
    attacks, _responses = run("Shells also fell on Kharkiv on Wednesday morning, damaging a school.")
    assert [a.place for a in attacks] == ["Kharkiv"]
    attacks, _responses = run("Leaves fell on Kharkiv on Wednesday morning.")
    assert not attacks


def test_jets_of_two_named_sides_are_both_the_actor() -> None:
    _attacks, responses = run("Iran fired 120 missiles at Israel on Monday. American and British fighter jets shot "
                              "down more than 70 of them over Iraq early on Tuesday.")
    assert [r.actor for r in responses] == ["American and British fighter jets"]


def test_a_second_strike_after_a_strike_is_the_next_of_the_sequence_not_one_of_an_earlier_tally() -> None:
    _attacks, responses = run("Since October, US forces have been attacked 19 times in Syria. In response, US "
                              "forces conducted strikes early on Monday. Two F-16s struck an ammunition depot near "
                              "Kharkiv. A second strike destroyed a drone storage site outside Odesa.")
    second = [r for r in responses if r.place == "Odesa"]
    assert len(second) == 1 and second[0].date is not None


def test_a_gunship_of_a_force_named_by_its_letters_striking_fighters_after_their_raid_answers_it() -> None:
    attacks, responses = run("Insurgents raided a village near Kharkiv on Sunday, killing seven people. On Tuesday, "
                             "an NDF helicopter gunship struck a group of fighters withdrawing north.")
    assert len(attacks) == 1 and [r.actor for r in responses] == ["NDF"]


def test_troops_killing_militants_after_militants_attacked_answer_them() -> None:
    attacks, responses = run("Militants attacked a checkpoint near Kharkiv on Sunday. Troops killed five militants "
                             "near Odesa on Tuesday.")
    assert [a.place for a in attacks] == ["Kharkiv"] and [r.place for r in responses] == ["Odesa"]


def test_retaliating_for_the_earlier_attacks_refers_back_and_reads_as_retaliation() -> None:
    attacks, responses = run("Militias have attacked US forces 40 times since October. The U.S. has retaliated for "
                             "the earlier attacks eight times.")
    assert [a.count for a in attacks] == [40]
    assert [r.summary for r in responses] == ["U.S. retaliated 8 times"]  # its abbreviation's full stop kept


def test_an_earlier_attack_told_with_an_indefinite_article_is_another_act() -> None:
    attacks, _responses = run("Gunmen attacked a checkpoint in Kyiv on Monday. In an earlier attack, gunmen shot two "
                              "soldiers in Odesa.")
    assert sorted(a.place for a in attacks) == ["Kyiv", "Odesa"]


def test_attackers_repelled_in_the_same_sentence_make_a_response_of_their_own() -> None:
    events = run("Gunmen attacked a police post on Monday but were repulsed by soldiers.")
    assert [e.summary for e in events[1]] == ["Soldiers repulsed the assault"]
    assert len(events[0]) == 1  # the assault itself stays an attack
    events = run("Militiamen attacked an army camp but were repelled, officials said.")
    assert [e.summary for e in events[1]] == ["The assault was repelled"]


def test_a_drone_the_parser_hangs_on_down_is_still_shot_down() -> None:
    text = ("Militants launched a drone toward the garrison on Monday. Coalition forces shot down the drone about "
            "12 kilometers from the garrison.")
    assert len(run(text)[1]) == 1
    assert run("Officers ran after him, shooting down the corridor.") == ([], [])


def test_what_an_interception_left_is_no_other_interception() -> None:
    found = run("Air defences shot down most of the drones over Kyiv overnight. Falling fragments of a downed drone "
                "damaged a school, and debris from an interception hit a house.")
    assert len(found[0]) + len(found[1]) == 1


def test_an_interception_told_before_an_unplaced_shelling_does_not_place_it() -> None:
    text = ("Air defences shot down five drones over Kyiv on Friday. Rebels shelled a town for a third day. "
            "At least four people died when a shell hit a mosque, the group said.")
    attacks, _ = run(text)
    assert attacks and all(a.place is None for a in attacks)


def test_two_states_striking_each_other_in_turn_both_attack() -> None:
    text = ("Russian missiles struck an apartment block in Kyiv on Monday, killing five. "
            "Ukrainian forces struck a Russian ammunition depot on Tuesday.")
    attacks, responses = run(text)
    assert len(attacks) == 2 and responses == []


def test_a_state_striking_the_group_that_struck_it_answers_it() -> None:
    text = ("Islamic State fighters bombed a U.S. base in Syria on Monday, killing two soldiers. "
            "U.S. aircraft struck Islamic State positions in Syria on Tuesday.")
    attacks, responses = run(text, published=date(2024, 3, 6))  # (Monday the 4th, Tuesday the 5th)
    assert len(attacks) == 1 and len(responses) == 1


def test_drones_shot_down_do_not_answer_a_missile_strike_in_their_sentence() -> None:
    text = ("Air defences shot down or jammed 61 of the drones, the air force said, while the missiles struck an "
            "industrial site in Kyiv.")
    attacks, responses = run(text)
    assert [a.place for a in attacks] == ["Kyiv"]
    assert [(r.place, r.count) for r in responses] == [(None, 61)]


def test_counted_targets_that_are_no_people_are_struck_not_attacked() -> None:
    attacks, _ = run("On March 17, U.S. forces conducted strikes against 12 Houthi targets in Yemen.")
    assert attacks[0].summary.startswith("U.S. forces struck 12 Houthi targets")
    attacks, _ = run("Gunmen struck at least 20 civilians in a market in Kyiv.")
    assert "attacked at least 20 civilians" in attacks[0].summary


def test_an_act_on_those_it_blames_for_an_attack_answers_it_and_is_not_at_its_place() -> None:
    attacks, responses = run("Troops killed three gunmen in a raid on a cell that the army held responsible for a "
                             "bombing in Kaduna last week.")
    assert [a.place for a in attacks] == ["Kaduna"]
    assert len(responses) == 1 and responses[0].place is None and responses[0].killed == 3


def test_an_air_strike_on_a_gang_it_accuses_of_an_abduction_is_a_response() -> None:
    attacks, responses = run("The air force struck a camp near Kharkiv of a gang it accuses of kidnapping dozens of "
                             "pupils.")
    assert [r.place for r in responses] == ["Kharkiv"] and all(a.place != "Kharkiv" for a in attacks)


def test_a_group_accused_of_ties_to_another_answers_nothing() -> None:
    attacks, responses = run("A drone hit a car in Kharkiv on Monday, killing two members of a militia that the "
                             "government accuses of ties to the Northern Front.")
    assert [a.place for a in attacks] == ["Kharkiv"] and not responses


def test_an_interception_told_separately_is_not_at_the_attack_told_before() -> None:
    _attacks, responses = run("Drones hit a warehouse in Odesa overnight, injuring two workers. Separately, "
                              "Jordan said its air defences had shot down a drone that entered its airspace near "
                              "Kharkiv.")
    assert [r.place for r in responses] == ["Kharkiv"]


def test_a_strike_on_the_attackers_as_they_withdrew_answers_their_attack() -> None:
    attacks, responses = run("Gunmen ambushed an army convoy near Kharkiv on Monday, killing 12 soldiers. The army said "
                             "air force drones had struck the attackers as they withdrew towards the border.")
    assert len(attacks) == 1 and len(responses) == 1 and responses[0].target == "the attackers"


def test_an_assault_repelled_where_the_text_names_no_place_is_not_put_at_an_earlier_attack() -> None:
    _attacks, responses = run("Rebels shelled Kharkiv on Sunday, killing six civilians. Soldiers were wounded when a "
                              "mortar round struck their base. The army said its forces had repelled a rebel assault "
                              "on a hill overnight.")
    assert [r.place for r in responses] == [None]


def test_a_gunfight_after_troops_tracked_the_attackers_answers_their_attack() -> None:
    attacks, responses = run("Gunmen killed 12 villagers in a raid near Kharkiv on Monday. The army said troops had "
                             "tracked the attackers to a forest near Odesa and freed 14 hostages after a gunfight.")
    assert [a.place for a in attacks] == ["Kharkiv"] and [r.place for r in responses] == ["Odesa"]


def test_troops_who_rescued_hostages_and_killed_some_of_their_captors_answered_the_abduction() -> None:
    attacks, responses = run("KHARKIV, Ukraine - Ukrainian troops have rescued 19 of the 26 students abducted last "
                             "week and killed seven of their captors in a forest near Odesa, the army said on Monday.")
    assert [(r.actor, r.killed, r.place) for r in responses] == [("Ukrainian troops", 7, "Odesa")]



def test_an_airstrike_supporting_a_response_that_killed_the_attackers_answers_the_attack_where_it_was() -> None:
    text = ("Militants attacked an army checkpoint near Kharkiv on Monday, killing two soldiers.\n"
            "Allied forces supported the army's response with an airstrike that killed three of the attackers.")
    _attacks, responses = run(text)
    assert [(e.actor, e.place, e.killed) for e in responses] == [("Allied forces", "Kharkiv", 3)]


def test_strikes_a_statement_places_in_two_towns_answer_as_the_two_strikes_told_there() -> None:
    text = ("Russian jets bombed a market in Kharkiv on Monday morning, killing nine people.\n"
            "A few hours later, an air strike hit a camp near Odesa, killing two.\n"
            "Citing a military source, state media said Russian and \"friendly Syrian\" aircraft had struck depots "
            "of terrorist groups in Kharkiv and around Odesa in response to an attack on army posts.")
    attacks, responses = run(text)
    assert sorted((e.place, e.killed) for e in responses) == [("Kharkiv", 9), ("Odesa", 2)]
    assert all(e.place not in {"Kharkiv", "Odesa"} for e in attacks)
    assert all("Syrian" in (e.actor or "") for e in responses if e.place == "Odesa")


def test_acts_told_by_a_phrasal_verb_of_defence_retaliation_or_interception_are_responses() -> None:
    cases = {
        "Israel hit back with air strikes on rebel positions near Kharkiv on Tuesday.": "retaliated against",
        "Guards returned fire near Kharkiv on Tuesday, killing two attackers.": "returned fire",
        "Patriot batteries engaged the incoming missiles over Kharkiv on Tuesday.": "intercepted",
        "Troops beat back an assault on the base near Kharkiv on Tuesday.": "beat back",
        "Soldiers foiled an attack on a checkpoint near Kharkiv on Tuesday, killing three militants.": "foiled",
        "The army responded by striking a rebel depot near Kharkiv on Tuesday.": "struck",
    }
    for text, verb in cases.items():
        _attacks, responses = run(text)
        assert len(responses) == 1 and verb in responses[0].summary and responses[0].actor, text


def test_struck_back_hitting_a_depot_is_one_response_by_who_struck_back() -> None:
    _attacks, responses = run("Ukraine struck back overnight, hitting an oil depot near Kharkiv with drones.")
    assert [(e.actor, e.target) for e in responses] == [("Ukraine", "an oil depot")]
    assert _attacks == []


def test_a_tit_for_tat_strike_told_before_the_act_makes_it_a_response() -> None:
    attacks, responses = run("In a tit-for-tat strike, Russian artillery shelled army posts near Kharkiv on Monday.")
    assert attacks == [] and len(responses) == 1


def test_an_interception_by_a_countrys_air_force_is_over_that_country_not_the_first_town_hit() -> None:
    text = ("Russian missiles struck power plants in Kharkiv and Odesa overnight, officials said. Ukraine's air force said "
            "it shot down 58 of 93 missiles.")
    _, responses = run(text)
    assert [(r.place, r.count) for r in responses] == [("Ukraine", 58)]


def test_an_act_said_to_answer_a_war_is_an_attack_placed_where_it_was_done_not_where_the_war_is() -> None:
    attacks, responses = run("The Kelmar Front fired missiles at a tanker in the Red Sea on Monday, in what it said was "
                             "a response to the war in Gaza.")
    assert (len(attacks), responses) == (1, []) and attacks[0].place == "Red Sea"
    attacks, responses = run("Rebels shelled a base in Kandahar on Monday in retaliation for the occupation.")
    assert (len(attacks), responses) == (1, [])
    attacks, responses = run("Rebels shelled a base in Kandahar on Monday in retaliation for the air strike on Kyiv.")
    assert len(responses) == 1


def test_debris_of_drones_shot_down_is_no_doer_of_the_interception() -> None:
    _, responses = run("Debris from drones shot down near Kandahar fell on a factory on Monday, starting a fire.")
    assert [r.actor for r in responses] == [None] and not responses[0].summary.startswith("Debris")


def test_strikes_answering_attacks_on_support_vessels_answer_an_act_not_a_cause() -> None:
    attacks, responses = run("Jets struck rebel positions near Kandahar on Tuesday in response to attacks on support "
                             "vessels.")
    assert (attacks, len(responses)) == ([], 1)


def test_strikes_that_kill_the_assailants_answer_their_assault() -> None:
    attacks, responses = run("Gunmen on motorbikes stormed an army post in Kyiv on Sunday, killing nine soldiers. "
                             "Air strikes later killed about 30 assailants as they withdrew, the army said.")
    assert [a.killed for a in attacks] == [9] and [r.killed for r in responses] == [30]
    attacks, responses = run("Air strikes killed 30 militants near Kyiv on Sunday, the army said.")
    assert len(attacks) == 1 and responses == []  # militants are not, by that word, those who attacked


def test_strikes_on_a_kind_of_target_told_as_the_answer_are_a_response() -> None:
    attacks, responses = run("Rebels shelled a camp near Kharkiv on Monday. Army drones struck rebel positions in "
                             "the hills in response.")
    assert len(attacks) == 1 and [r.category for r in responses] == ["Air/drone strike"]
    attacks, responses = run("Army drones struck rebel positions in the hills.")
    assert attacks == [] and responses == []  # acts done to a kind of target, pinned to nothing: no event


def test_a_retaliatory_operation_answers_the_attack_its_targets_made() -> None:
    attacks, responses = run("Security forces launched a retaliatory operation against the militants who attacked "
                             "a police station in Kyiv on Monday, killing six of them.")
    assert [a.summary for a in attacks] == ["Militants attacked a police station in Kyiv"]
    assert [(r.actor, r.killed) for r in responses] == [("Security forces", 6)]


def test_interceptors_fired_at_rockets_are_an_interception() -> None:
    _, responses = run("An air defence battery near Kyiv fired interceptors at incoming rockets on Wednesday.")
    assert [r.category for r in responses] == ["Disrupted weapons use"]


def test_assailants_killed_in_the_answer_count_for_the_answer() -> None:
    attacks, responses = run("Troops returned fire after their convoy was ambushed near Kyiv on Friday, killing four "
                             "assailants.")
    assert [a.killed for a in attacks] == [None] and [r.killed for r in responses] == [4]
    assert attacks[0].summary.startswith("Ambush on")


def test_strikes_carried_out_to_degrade_the_ability_to_attack_answer_those_attacks() -> None:
    attacks, responses = run("The coalition conducted airstrikes on rebel launch sites near Kyiv on Thursday to "
                             "degrade their ability to attack shipping.")
    assert attacks == [] and [r.actor for r in responses] == ["coalition"]
    attacks, responses = run("The army conducted strikes on rebel positions near Kyiv to disrupt their supply lines.")
    assert len(attacks) == 1 and responses == []


def test_an_act_told_as_earlier_does_not_answer_the_one_told_before_it() -> None:
    attacks, responses = run("Israeli jets bombed a fuel depot near Kharkiv on Sunday, killing three guards. "
                             "Hours earlier, Hezbollah fired four rockets at Kiryat Shmona.")
    assert sorted(a.actor or "" for a in attacks) == ["Hezbollah", "Israel"] and responses == []
    assert {a.date for a in attacks} == {date(2024, 3, 3)}
    attacks, responses = run("Israeli jets bombed a fuel depot near Kharkiv on Sunday, killing three guards. "
                             "A day earlier, Hezbollah fired four rockets at Kiryat Shmona.")
    assert [a.date for a in attacks if a.actor == "Hezbollah"] == [date(2024, 3, 2)]


def test_forces_sent_in_who_killed_the_attackers_answer_the_attack() -> None:
    attacks, responses = run("Gunmen stormed a church in Kyiv on Sunday, killing nine worshippers. Police said officers "
                             "were sent to the area and had killed two of the attackers in a shootout.")
    assert [a.actor for a in attacks] == ["Gunmen"] and [r.killed for r in responses] == [2]
    assert responses[0].actor is not None and responses[0].actor.lower() == "officers"


def test_an_act_told_as_coming_after_an_attack_on_its_side_answers_it() -> None:
    attacks, responses = run("Israeli jets struck a Hamas post in Gaza on Monday, hours after militants fired rockets "
                             "at the Israeli town of Kiryat Shmona.")
    assert [r.actor for r in responses] == ["Israel"] and [a.place for a in attacks] == ["Qiryat Shemona"]
    attacks, responses = run("Russian jets struck a depot in Kharkiv on Monday, hours after Ukrainian drones hit "
                             "a Russian base in Kherson.")
    assert responses == [] and len(attacks) == 2  # two states at war strike in turn


def test_an_act_told_after_an_attack_that_wounded_its_sides_people_answers_it() -> None:
    attacks, responses = run("British jets struck two depots near Mosul on Friday, two days after a rocket attack on "
                             "Camp Taji injured British soldiers.")
    assert [r.actor for r in responses] == ["United Kingdom"] and len(attacks) == 1
    attacks, responses = run("Militants struck a village near Mosul on Friday, two days after a rocket attack on Camp "
                             "Taji injured British soldiers.")
    assert responses == [] and len(attacks) == 2  # not the wounded soldiers' side


def test_forces_who_exchanged_fire_with_the_gang_that_attacked_answer_it() -> None:
    attacks, responses = run("Members of the Red Hand gang stormed a village near Kharkiv on Monday, killing nine "
                             "people. Police officers were sent to the area and exchanged fire with the gang, killing "
                             "two of its members.")
    assert len(attacks) == 1 and [(r.target, r.killed) for r in responses] == [("the gang", 2)]


def test_a_barrage_launched_in_retaliation_is_stopped_and_dated_apart_from_the_strike_it_answers() -> None:
    attacks, responses = run("Rebels launched more than 40 drones at Kyiv overnight, in retaliation for a government "
                             "strike on their headquarters in Kharkiv on February 12. Officials said 90 percent of the "
                             "drones were shot down by the army and its allies, including Poland and Romania.")
    assert [(a.place, a.date) for a in attacks] == [("Kharkiv", date(2024, 2, 12))]
    assert [(r.place, r.date, r.count) for r in responses if r.category != "Disrupted weapons use"] == [
        ("Kyiv", date(2024, 3, 4), None)]
    stopped = [r for r in responses if r.category == "Disrupted weapons use"]
    assert [(r.count, r.place) for r in stopped] == [(None, "Kyiv")]


def test_the_sides_of_the_sahel_horn_and_great_lakes_wars_are_known() -> None:
    assert [actor_family(p) for p in ("the Burkinabe air force", "Nigerien troops", "ISWAP fighters",
                                      "Mozambican soldiers", "Fano militiamen", "the Haitian police")] == [
        "Burkina Faso", "Niger", "Islamic State West Africa Province (ISWAP)", "Mozambique", "Fano", "Haiti"]


def test_a_state_striking_militants_the_day_after_a_named_groups_militants_attacked_answers_them() -> None:
    attacks, responses = run("Suspected JNIM militants ambushed an army convoy near Kharkiv on Sunday, killing 17 "
                             "soldiers. The following day, the Burkinabe air force carried out drone strikes on "
                             "militant positions near the town.")
    assert [a.actor for a in attacks] == ["Suspected JNIM militants"]
    assert [(r.actor, r.date) for r in responses] == [("Burkinabe air force", date(2024, 3, 4))]


def test_an_assault_repelled_is_repelled_the_day_it_was_made() -> None:
    attacks, responses = run("Jets bombed a rebel depot near Kyiv on Friday. Rebels attacked an army post near "
                             "Kharkiv on Saturday, killing six soldiers. The army said it had repelled the attack and "
                             "killed 20 assailants.")
    assert [r.date for r in responses if r.place == "Kharkiv"] == [date(2024, 3, 2)]


def test_troops_that_responded_destroying_posts_answer_the_attack() -> None:
    attacks, responses = run("Rebel forces opened fire on a border post near Kharkiv on Friday night, killing two "
                             "soldiers. Army troops responded, destroying several rebel posts and killing an "
                             "unspecified number of fighters.")
    assert [(r.actor, r.killed) for r in responses] == [("Army troops", None)] and len(attacks) == 1


def test_a_spokesman_of_the_houthis_is_typed_as_the_group() -> None:
    assert actor_family("the Houthis' military spokesman") == "Houthis"


def test_a_national_air_forces_tally_is_over_the_country_not_the_one_town_hit() -> None:
    _, responses = run("Russian drones attacked Kyiv overnight, injuring five people. Ukraine's air force said it had "
                       "shot down 38 of the 46 drones launched by Russia overnight.")
    assert [(r.place, r.count) for r in responses] == [("Ukraine", 38)]


def test_a_strike_where_the_attackers_fled_answers_their_attack() -> None:
    attacks, responses = run("Soldiers thwarted an attack by rebels on a police station near Kharkiv on Monday. The "
                             "attackers fled towards the border, where the air force later struck a column of "
                             "motorcycles, the army said.")
    assert attacks == [] and sorted(r.actor or "" for r in responses) == ["Soldiers", "air force"]


def test_a_state_army_reporting_a_shoot_down_without_a_doer_is_the_one_that_shot_down() -> None:
    text = ("Militants launched two drones at the port of Aden on Monday, but the Yemeni army said both were "
            "shot down over the sea.")
    _attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert [r.actor for r in responses] == ["Yemen"]


def test_an_interception_of_missiles_and_drones_answers_a_barrage_of_both() -> None:
    from geo.model import Article
    from geo.pipeline import analyze_article

    text = ("Russian drones struck Ukraine overnight as Russia launched 134 drones and seven missiles, officials "
            "said. Air defences shot down "
            "five of the missiles and 88 of the drones, the air force said.")
    report = analyze_article(Article(text=text, published=date(2025, 2, 26)))
    assert [r.place for r in report.responses] == ["Ukraine"]


def test_strikes_counted_then_told_one_by_one_are_each_a_response() -> None:
    text = ("Militants fired rockets at a base near Kharkiv on Monday. Overnight, U.S. forces struck two facilities "
            "in Ukraine in response to the attack. One strike hit a depot near Odesa. The second destroyed a hub "
            "near Kyiv.")
    _attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert sorted(r.place for r in responses) == ["Kyiv", "Odesa"] and all(r.actor for r in responses)


def test_a_strike_on_fighters_who_took_part_in_an_attack_answers_it_and_its_day_is_the_previous_evening() -> None:
    text = ("Jets struck militants near Odesa on February 10. The strike targeted fighters who, officials said, took "
            "part in an attack the previous evening on an army base near Kharkiv.")
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert [(a.place, a.date) for a in attacks] == [("Kharkiv", date(2024, 2, 9))]
    assert [r.place for r in responses] == ["Odesa"]


def test_forces_storming_a_site_and_killing_the_gunmen_end_the_assault() -> None:
    attacks, responses = run("Gunmen stormed a hotel in Garissa on Saturday, killing eight guests. Police commandos "
                             "surrounded the building overnight. At dawn, they stormed the top floors and killed the "
                             "two gunmen, the interior ministry said.")
    assert [a.killed for a in attacks] == [8]
    assert len(responses) == 1 and responses[0].killed == 2
    assert "floors" not in (responses[0].target or "") and "ministry" not in (responses[0].actor or "")


def test_strikes_a_spokesman_describes_as_a_response_are_a_response() -> None:
    attacks, responses = run("Rebel drones struck a clinic in Kutum on Friday, killing nine patients. On Sunday, jets "
                             "bombed rebel positions near Mellit. An army spokesman described the raids as a response "
                             "to the attack on the clinic.")
    assert [a.killed for a in attacks] == [9]
    assert len(responses) == 1 and "rebel positions" in (responses[0].target or "")


def test_an_interception_told_separately_is_where_its_own_sentence_aims_the_drones() -> None:
    _attacks, responses = run("Shelling killed five people in Kharkiv on Thursday. Separately, the army said its air "
                              "defences had shot down three drones that the rebels launched at a power station "
                              "outside the northern city of Omdurman before dawn on Saturday.")
    assert [(r.place, r.count) for r in responses] == [("Omdurman", 3)]


def test_a_clause_that_responds_makes_no_response_of_the_attack_it_is_joined_to() -> None:
    attacks, responses = run("Rebel fighters attacked a police post in Kharkiv on Monday, and government troops "
                             "responded by shelling the positions used to launch the attack.")
    assert [a.actor for a in attacks] == ["Rebel fighters"]
    assert [r.actor for r in responses] == ["government troops"]


def test_a_separate_or_second_strike_by_the_same_doers_is_a_response_like_the_one_before() -> None:
    for sequel in ("In a separate strike, the frigate Volya fired missiles at a rebel depot near Kherson.",
                   "A second coalition strike, on Tuesday, destroyed a rebel truck near Kherson."):
        attacks, responses = run("Rebels shelled Odesa on Sunday, killing four civilians. In response, coalition jets "
                                 "struck rebel positions near Kharkiv on Monday. " + sequel)
        assert [a.place for a in attacks] == ["Odesa"], sequel
        assert sorted(r.place for r in responses) == ["Kharkiv", "Kherson"], sequel


def test_a_second_wave_by_another_side_keeps_its_own_kind() -> None:
    attacks, responses = run("Rebels shelled Odesa on Sunday. In response, Ukrainian jets struck rebel positions near "
                             "Kharkiv on Monday. In a separate strike, Russian jets bombed Kherson on Tuesday.")
    assert [r.place for r in responses] == ["Kharkiv"] and "Kherson" in [a.place for a in attacks]


def test_an_answer_told_in_a_clause_of_its_own_leaves_the_attack_an_attack() -> None:
    attacks, responses = run("Fighters from the paramilitary Northern Front stormed a village near Kharkiv on Sunday, "
                             "killing 12 people, officials said, as the army hit back with airstrikes on the group's "
                             "trucks.")
    assert [a.actor for a in attacks] == ["paramilitary Northern Front"]
    assert [r.actor for r in responses] == ["army"]


def test_a_strike_on_columns_as_they_withdrew_answers_the_attack_they_made() -> None:
    attacks, responses = run("Northern Front militants raided a market in Kharkiv on Sunday, killing nine traders. "
                             "The Ukrainian army said its aircraft struck the group's columns as they withdrew from "
                             "the town late on Sunday.")
    assert len(attacks) == 1 and [r.target for r in responses] == ["the group's columns"]


def test_drones_brought_down_or_rockets_knocked_down_are_interceptions() -> None:
    _attacks, responses = run("The army said its air defences had brought down seven drones over Kharkiv.")
    assert [(r.place, r.count) for r in responses] == [("Kharkiv", 7)]
    _attacks, responses = run("Batteries knocked down 14 of the rockets over Odesa, the military said.")
    assert [(r.place, r.count) for r in responses] == [("Odesa", 14)]
    attacks, responses = run("Protesters brought down a statue in Kharkiv on Monday.")
    assert attacks == [] and responses == []


def test_a_military_command_that_strikes_is_armed() -> None:
    attacks, responses = run("Rebels ambushed an army patrol near the river on Monday. In response, the command "
                             "struck the fighters as they regrouped.")
    assert [e.actor for e in attacks] == ["Rebels"]
    assert len(responses) == 1 and responses[0].target == "the fighters"
    attacks, responses = run("The storm struck the coast on Monday.")
    assert attacks == [] and responses == []


def test_an_act_named_again_as_an_answer_a_few_sentences_later_is_a_response() -> None:
    text = ("This morning, our forces struck four depots used by the Dawn Brigades near the river. Two of the depots "
            "stood near a school. A third held fuel. Today's action answers a month of rocket fire at our bases.")
    attacks, responses = run(text)
    assert [r.actor for r in responses] == ["our forces"] and all(a.actor != "our forces" for a in attacks)
    text = text.replace("Today's action answers", "The rebels answered with")
    attacks, responses = run(text)
    assert responses == [] and [a.actor for a in attacks] == ["our forces"]


def test_strikes_called_an_act_of_self_defence_are_a_response() -> None:
    text = ("Navy jets struck two radar sites on the coast on Sunday. Both sites were destroyed, and a crane near "
            "them burned. These strikes were a measured act of self-defense.")
    attacks, responses = run(text)
    assert attacks == [] and len(responses) == 1


def test_a_shoot_down_is_told_with_the_verb_of_the_text() -> None:
    attacks, responses = run("Rebels shot down an army helicopter near the river on Monday.")
    assert [e.summary for e in attacks + responses] == ["Rebels shot down an army helicopter"]


def test_a_counterattack_is_a_response_told_as_one() -> None:
    attacks, responses = run("Rebels attacked the base on Monday. The army launched a counterattack on Tuesday.")
    assert [a.actor for a in attacks] == ["Rebels"]
    assert [r.summary for r in responses] == ["Army counterattacked"]
    attacks, responses = run("The general staff said its units had counterattacked near the river and pushed the "
                             "invaders back.")
    assert attacks == [] and len(responses) == 1 and "counterattacked" in responses[0].summary


def test_a_releases_weapon_acronyms_and_the_threats_a_warship_destroyed() -> None:
    attacks, responses = run("On Monday, rebels fired two ASBMs and three UAS toward M/V Kestrel Bay in the Red Sea. "
                             "USS Oakridge (DDG 170) engaged and destroyed all five threats.")
    assert [e.target for e in attacks] == ["M/V Kestrel Bay"] and attacks[0].place == "Red Sea"
    assert [(e.actor, e.category) for e in responses] == [("USS Oakridge (DDG 170)", "Disrupted weapons use")]
    assert responses[0].summary.endswith("over the Red Sea")  # a sea takes its article
    attacks, responses = run("On Monday, a fourth UAS was launched in the direction of USS Oakridge in the Gulf of Aden.")
    assert [e.target for e in attacks] == ["USS Oakridge"] and not responses
    attacks, responses = run("The minister said on Monday that the army had destroyed the threat posed by the rebels.")
    assert attacks == [] and responses == []


def test_a_number_or_pronoun_standing_for_the_drones_launched_just_before_makes_their_destruction_a_defence() -> None:
    for destroyed in ("all four", "them", "three of them"):
        attacks, responses = run(f"On Monday, rebels launched four drones at the USS Oakridge in the Red Sea. The "
                                 f"Oakridge engaged and destroyed {destroyed}, and there was no damage to the ship.")
        assert [e.target for e in attacks] == ["the USS Oakridge"] and len(responses) == 1
    attacks, responses = run("On Monday, rebels launched four drones at a ship in the Red Sea. Later, the army "
                             "destroyed two of their camps.")  # what the number counts is said: camps, not drones
    assert all(e.category != "Disrupted weapons use" for e in responses)


def test_a_strike_said_to_be_conducted_after_an_attack_answers_it_but_a_separate_one_does_not() -> None:
    attacks, responses = run("On Tuesday, U.S. forces conducted an airstrike against al-Shabaab fighters near Bardera. "
                             "The strike was conducted after al-Shabaab militants assaulted an army outpost in Bardera "
                             "early Tuesday, killing three soldiers. In a separate action, U.S. forces conducted an "
                             "airstrike against ISIS in Somalia on Feb. 8.")
    assert [e.actor for e in attacks] == ["al-Shabaab militants", "U.S. forces"]
    assert [e.target for e in responses] == ["al-Shabaab fighters"]


def test_pushing_the_assailants_out_of_a_town_answers_their_attack() -> None:
    attacks, responses = run("Gunmen attacked the town of Kaya on Monday. By the evening, soldiers and volunteers had "
                             "pushed the assailants out of Kaya.")
    assert [e.actor for e in attacks] == ["Gunmen"] and [e.target for e in responses] == ["the assailants"]
    attacks, responses = run("The army drove the herders out of the valley on Monday.")
    assert attacks == [] and responses == []


def test_what_the_responding_side_also_struck_is_part_of_its_response() -> None:
    attacks, responses = run("Rebels fired rockets at a ferry on the lake on Monday. In response, navy gunboats struck "
                             "two launch sites near Kestrel Bay. Navy gunboats also struck a depot near Harrowgate.")
    assert [e.target for e in attacks] == ["a ferry"] and [e.target for e in responses] == ["two launch sites", "a depot"]
    attacks, responses = run("Rebels shelled a market on Monday. In response, the army struck rebel positions. The "
                             "rebels also attacked a checkpoint on the road.")
    assert [e.target for e in attacks] == ["a market", "a checkpoint"]  # the other side's act stays an attack


def test_a_drone_engaged_and_destroyed_by_air_defences_is_intercepted_where_it_flew() -> None:
    from geo.pipeline import analyze

    text = ("Later on Monday, a drone approaching an army post near Tikrit, in northern Iraq, was engaged and destroyed "
            "by air defence systems.")
    responses = [e for e in analyze(text, published=date(2024, 3, 4)).events if e.kind == "response"]
    assert [(e.category, e.target, e.place) for e in responses] == [("Disrupted weapons use", "a drone", "Tikrit")]


def test_striking_the_launcher_used_in_the_attack_answers_it() -> None:
    attacks, responses = run("Rebels fired rockets at a base near Kelmar on Monday. The army later said its aircraft had "
                             "struck the launcher used in the attack.")
    assert [e.actor for e in attacks] == ["Rebels"] and [e.target for e in responses] == ["the launcher used in the attack"]


def test_rockets_fired_and_drones_launched_at_one_target_are_one_salvo() -> None:
    from geo.pipeline import analyze

    text = "On Monday, militants fired rockets and launched two drones at troops at a base near Kelmar."
    assert len(analyze(text, published=date(2024, 3, 4)).events) == 1


def test_the_side_that_downed_a_groups_drones_striking_its_depots_goes_on_answering() -> None:
    text = ("A U.S. destroyer shot down three drones that Houthi militants launched at a tanker in the Red Sea on "
            "Monday, officials said. Late Tuesday, U.S. and British jets struck underground weapons depots near Sanaa.")
    attacks, responses = run(text)
    assert [e.actor for e in attacks] == ["Houthi militants"]
    assert any("weapons depots" in (e.target or "") for e in responses)


def test_a_state_that_downed_another_states_drones_striking_its_depots_attacks() -> None:
    text = ("Ukrainian air defences shot down 20 Russian drones over Kyiv on Monday, the air force said. On Tuesday, "
            "Ukrainian drones struck an ammunition depot in Russia, officials said.")
    attacks, _ = run(text)
    assert any("depot" in (e.target or "") for e in attacks)


def test_an_act_its_sentence_opens_as_following_an_attack_on_the_doers_side_is_a_response() -> None:
    text = ("Militants fired rockets at a police post near Kiryat Shmona on Monday. Following the rocket attack on "
            "Kiryat Shmona, Israeli artillery shelled fields outside Bint Jbeil.")
    attacks, responses = run(text)
    assert [(e.actor, e.place) for e in attacks] == [("Militants", "Qiryat Shemona")]
    assert [(e.actor, e.place) for e in responses] == [("Israel", "Bent Jbail")]
    # Told with no such opening, the shelling is an act of its own.
    attacks, responses = run("Militants fired rockets at a police post near Kiryat Shmona on Monday. Israeli "
                             "artillery shelled fields outside Bint Jbeil on Tuesday.")
    assert len(attacks) == 2 and responses == []


def test_the_answering_side_striking_again_where_it_answered_goes_on_answering() -> None:
    lead = ("Hezbollah fired rockets at Kiryat Shmona on Sunday. Israeli jets struck villages in Lebanon on Monday "
            "in response.")
    attacks, responses = run(f"{lead} Hours later, Israeli warplanes struck a house in Nabatieh, killing two people.")
    assert [e.actor for e in attacks] == ["Hezbollah"] and len(responses) == 2
    # Not an act of another week, nor one in another country.
    attacks, _ = run(f"{lead} Last week, Israeli warplanes struck a house in Nabatieh, killing two people.")
    assert [e.actor for e in attacks] == ["Hezbollah", "Israel"]
    elsewhere = ("Hezbollah fired rockets at Kiryat Shmona on Sunday. Israeli jets struck a depot in Gaza City on "
                 "Monday in response. Hours later, Israeli warplanes struck a house in Nabatieh, killing two people.")
    attacks, _ = run(elsewhere)
    assert [e.actor for e in attacks] == ["Hezbollah", "Israel"]


def test_an_act_said_to_punish_civilians_for_battlefield_defeats_answers_no_act() -> None:
    text = ("Rebel drones hit a power station in Kharkiv on Monday. \"These attacks show that the militia has no goal "
            "left except to punish civilians for its defeats,\" the army said.")
    attacks, responses = run(text)
    assert len(attacks) == 1 and responses == []
    # Punished for an act, it answers that act.
    attacks, responses = run("Militants fired rockets at Kiryat Shmona on Sunday. On Monday the army struck a "
                             "militant base near Bint Jbeil to punish the group for the rocket attack.")
    assert [e.actor for e in responses] == ["army"]


def test_one_of_the_acts_counted_in_a_response_told_by_its_ordinal_is_a_response() -> None:
    attacks, responses = run("Militants fired rockets at a base in Syria on Sunday. In response, US forces struck two "
                             "facilities in Syria on Monday. The first, a depot near Mayadeen, was struck by two jets. "
                             "The second, a compound near Albu Kamal, was hit minutes later by a drone.")
    assert [a.summary for a in attacks] == ["Militants fired rockets at a base in Syria"]
    assert len(responses) == 2 and "a compound" in (responses[1].target or "")
    attacks, responses = run("Gunmen attacked two villages in Syria on Sunday. The second, a hamlet near Mayadeen, "
                             "was hit at dawn.")
    assert responses == []  # one of the attacks counted is an attack


def test_shooting_down_the_weapon_of_the_act_told_last_is_a_new_interception() -> None:
    attacks, responses = run("On Monday rebels fired three drones at a tanker in the Red Sea. A frigate destroyed all "
                             "three drones. Hours later a fourth UAV was launched toward a second frigate near "
                             "Hodeidah. The frigate shot the drone down without damage.")
    assert len(attacks) == 2 and len(responses) == 2
    assert {r.place for r in responses} == {"Red Sea", "Al Hudaydah"}
    attacks, responses = run("Israel said it had intercepted a missile launched from Yemen on Monday. The missile was "
                             "shot down over the Negev desert.")
    assert len(responses) == 1  # the interception told first, told again


def test_plurals_in_ies_are_made_singular() -> None:
    from geo.events.kinds import nouns_of

    assert nouns_of("two facilities of the militias") == {"two", "facility", "of", "the", "militia"}
    assert nouns_of("the gunmen's bases") == {"the", "gunman", "base"}


def test_fewer_strikes_by_the_same_side_told_right_after_its_counted_response_are_part_of_it() -> None:
    attacks, responses = run("Militants fired rockets at a base in Syria on Sunday. In response, US forces struck "
                             "three facilities in Iraq and Syria on Monday. In Iraq, US forces struck a depot near "
                             "Kandahar. In Syria, US forces struck two facilities near Mayadeen.")
    assert [a.summary for a in attacks] == ["Militants fired rockets at a base in Syria"]
    assert any(r.place == "Al Mayādīn" for r in responses)


def test_a_further_round_that_names_its_side_continues_that_sides_acts() -> None:
    attacks, responses = run("Militants fired rockets at Kiryat Shmona on Tuesday. In response, Israeli jets struck a "
                             "launcher in Lebanon. The militants then fired drones at Kiryat Shmona. A second wave of "
                             "Israeli strikes hit what the military described as a militant weapons depot.")
    assert [r.target for r in responses] == ["a launcher", "a militant weapons depot"]
    assert {r.actor for r in responses} == {"Israel"}


def test_a_counter_operation_answers_the_attack() -> None:
    attacks, responses = run("Gunmen attacked a village near Kandahar on Monday. Two days later, the army launched a "
                             "counter-operation in the area.")
    assert len(attacks) == 1
    assert [r.summary for r in responses] == ["Army launched a counter-operation"]


def test_a_strike_on_launchers_readied_to_fire_is_an_answer() -> None:
    attacks, responses = run("Navy jets struck two launchers near Hodeidah that officials said were being readied "
                             "to fire on shipping.")
    assert attacks == [] and [r.place for r in responses] == ["Al Hudaydah"]


def test_a_strike_on_a_post_that_directed_an_attack_is_an_answer_and_a_depot_once_used_is_not() -> None:
    attacks, responses = run("Jets destroyed a control post near Hodeidah, which officials believe directed "
                             "Monday's attack on a tanker.")
    assert attacks == [] and len(responses) == 1
    attacks, responses = run("Jets bombed a depot near Hodeidah that rebels had used for years.")
    assert len(attacks) == 1 and responses == []


def test_a_named_ship_acts_without_the_clause_that_describes_it() -> None:
    attacks, responses = run("The destroyer USS Harlow Point, which was sailing nearby, shot down four drones.")
    assert [r.actor for r in responses] == ["USS Harlow Point"]


def test_an_assault_fought_off_and_the_attackers_killed_are_one_defence() -> None:
    attacks, responses = run("Soldiers fought off a night assault on their base in Kaduna, the army said on Monday. "
                             "Gunmen on motorcycles approached the base from two directions, a spokesman said. Two "
                             "soldiers were killed. The battle lasted two hours. Troops killed 12 of the attackers.")
    assert len(attacks) == 1
    assert [(r.summary.split()[:3], r.killed) for r in responses] == [(["Soldiers", "fought", "off"], 12)]


def test_a_jet_that_caught_fleeing_fighters_and_bombed_them_answers_their_attack() -> None:
    attacks, responses = run("Gunmen attacked an army base in Kaduna on Sunday night. At dawn on Monday, a Nigerian "
                             "Air Force jet caught a column of fleeing fighters and bombed it, the army said. The army "
                             "said dozens of militants died in that strike.")
    assert [a.actor for a in attacks] == ["Gunmen"]
    assert [(r.actor, r.target, r.category) for r in responses] == [
        ("Nigerian Air Force", "a column", "Air/drone strike")]


def test_most_shot_down_after_a_salvo_is_its_interception() -> None:
    attacks, responses = run("Militants launched 15 rockets toward Tel Aviv on Thursday. Most were shot down by air "
                             "defences, the army said, and two fell in open ground.")
    assert len(attacks) == 1 and [r.category for r in responses] == ["Disrupted weapons use"]


def test_an_answer_announced_then_told_in_full_is_one_response() -> None:
    attacks, responses = run("Militants launched rockets toward Tel Aviv on Thursday. Less than an hour later the "
                             "military announced that it had struck back. Fighter jets hit the launcher used in the "
                             "barrage, hidden in an orchard in Gaza City, the army said.")
    assert len(attacks) == 1
    assert [(r.place, r.target) for r in responses] == [
        ("Gaza", "the launcher used in the barrage, hidden in an orchard")]


def test_strikes_our_action_answers_are_a_response_whose_fronted_doer_is_found() -> None:
    attacks, responses = run("At the direction of the President, U.S. forces early this morning struck 14 targets in "
                             "Yemen. Our action answers a campaign against shipping. On Tuesday, a Houthi missile "
                             "struck a bulk carrier in the Red Sea.")
    assert [(r.actor, r.count) for r in responses] == [("U.S. forces", 14)]
    assert [a.actor for a in attacks] == ["Houthis"]


def test_strikes_said_to_answer_an_attack_told_by_a_clause_of_its_time_are_a_response() -> None:
    attacks, responses = run("Army jets struck two depots near Kandahar on Friday. The strikes were in response to "
                             "an attack on the evening of Nov. 18, when insurgents fired mortars at a police "
                             "checkpoint.")
    assert [(a.actor, a.target) for a in attacks] == [("insurgents", "a police checkpoint")]
    assert [r.actor for r in responses] == ["Army"]


def test_strikes_on_those_behind_an_act_told_answer_it() -> None:
    for object_ in ("the people and the depots behind that attack", "the militants responsible for the attack"):
        attacks, responses = run("Insurgents fired mortars at a police checkpoint near Kandahar on Tuesday. Army "
                                 f"jets struck {object_} on Friday.")
        assert [a.actor for a in attacks] == ["Insurgents"] and [r.actor for r in responses] == ["Army"], object_
    attacks, responses = run("Insurgents fired mortars at a police checkpoint near Kandahar on Tuesday. Army jets "
                             "struck a cell behind a wave of bombings in the north on Friday.")
    assert len(attacks) == 2 and responses == []


def test_a_drone_strike_on_fighters_retreating_after_an_attack_answers_it() -> None:
    attacks, responses = run("Gunmen attacked an army post near Kandahar on Monday. Late Tuesday, a drone operated "
                             "by the army's foreign allies struck a group of fighters retreating toward the hills, "
                             "killing nine. An officer did not say which country had carried out the strike.")
    assert [a.actor for a in attacks] == ["Gunmen"]
    assert [(r.actor, r.killed) for r in responses] == [("army's foreign allies", 9)]  # not "which country"


def test_an_answer_told_with_the_act_it_answers_is_not_placed_where_that_act_was() -> None:
    attacks, responses = run("Rebels fired two missiles at a tanker in the Red Sea on Tuesday, and U.S. forces "
                             "answered with strikes on the launch sites over the next day, officials said. The "
                             "strikes hit three launchers near Hodeidah.")
    assert [(a.actor, a.place) for a in attacks] == [("Rebels", "Red Sea")]
    assert [(r.actor, r.place) for r in responses] == [("U.S. forces", "Al Hudaydah")]  # one answer, at the launchers


def test_drones_shot_down_of_an_attack_with_rockets_and_drones_are_placed_where_it_was_aimed() -> None:
    attacks, responses = run("Militants fired six rockets and launched three drones at Al-Tanf on Monday evening. "
                             "Base air defenses destroyed two of the drones in flight.")
    assert [a.place for a in attacks] == ["Al-Tanf garrison"]
    assert [(r.count, r.place) for r in responses] == [(2, "Al-Tanf garrison")]
    attacks, responses = run("Militants fired six rockets at Al-Tanf on Monday evening, and drones hit a depot "
                             "in Kherson. Air defenses destroyed two of the drones.")
    assert all(r.place != "Al-Tanf garrison" for r in responses)  # the drones were the other attack's


def test_drones_shot_down_of_an_attack_told_in_a_clause_of_its_time_are_placed_where_it_was_aimed() -> None:
    attacks, responses = run("The raids answered an attack on the night of March 1, when gunmen fired four rockets "
                             "and launched two drones at Al-Tanf. Air defenses shot down one of the drones.")
    assert [(a.place, a.date) for a in attacks] == [("Al-Tanf garrison", date(2024, 3, 1))]
    assert [(r.count, r.place) for r in responses if r.category == "Disrupted weapons use"] == [
        (1, "Al-Tanf garrison")]


def test_uncrewed_aerial_systems_are_drones_whose_interception_answers_their_launch() -> None:
    attacks, responses = run("Rebels fired two missiles at a tanker in the Gulf of Aden on Saturday. Later that day "
                             "the rebels launched three uncrewed aerial systems toward a ship in the Red Sea. A "
                             "destroyer shot down two of the drones.")
    assert [r.place for r in responses] == ["Red Sea"]


def test_an_air_force_that_followed_up_with_a_strike_on_fleeing_attackers_answered_their_attack() -> None:
    attacks, responses = run("Gunmen attacked a police post near Kharkiv on Saturday. The army said the air force "
                             "followed up on Sunday with an air strike on a column of gunmen retreating toward the "
                             "border.")
    assert [a.actor for a in attacks] == ["Gunmen"]
    assert [(r.actor, r.date) for r in responses] == [("air force", date(2024, 3, 3))]


def test_villagers_killed_as_they_fled_do_not_make_a_strike_an_answer() -> None:
    report = analyze("A fighter jet dropped two bombs on a village near Kharkiv at 7 a.m. About an hour later, a "
                     "second jet fired rockets into a village near Odesa, killing three members of one family as "
                     "they fled toward the fields.", published=date(2024, 3, 4))
    assert [(e.kind, e.place) for e in report.events] == [("attack", "Kharkiv"), ("attack", "Odesa")]


def test_another_group_of_drones_that_struck_a_port_is_an_act_of_its_own() -> None:
    attacks, _responses = run("A drone hit a shipyard in Odesa at 2 a.m. About an hour later, another group of "
                              "drones struck the port of Kherson.")
    assert [a.place for a in attacks] == ["Odesa", "Kherson"]


def test_what_answers_a_threat_does_not_make_the_acts_it_answers_responses() -> None:
    # "that were prepared to fire" makes the strikes an answer; "these attacks", the object of "in response to",
    # stays what they answer, and the drones' launch an attack.
    report = analyze("Late Monday, rebels launched five drones toward a destroyer in the Black Sea. The destroyer "
                     "shot down all five drones. Early Tuesday, in response to these attacks, navy jets conducted "
                     "strikes against two rebel launchers that were prepared to fire on ships.",
                     published=date(2024, 12, 3))
    assert [(e.actor, e.date) for e in report.attacks] == [("rebels", date(2024, 12, 2))]
    assert len(report.responses) == 2


def test_a_camp_in_the_country_of_an_earlier_attacker_is_not_that_attacker_struck() -> None:
    # The army attacked first; a group then shelling a camp for displaced people in the same country strikes the
    # camp's people, not the army: an attack, not an answer.
    report = analyze("Sudan's army bombed a market in Mellit on Saturday, killing five people. On Sunday, RSF "
                     "artillery shelled the Kalma camp for displaced people near Nyala, killing nine civilians.",
                     published=date(2025, 3, 18))
    assert [e.actor for e in report.attacks] == ["Sudan's army", "RSF"] and report.responses == ()


TWO_STRIKES = ("On Tuesday, U.S. forces struck three depots near Al Qaim used by the Kestrel militia. In Syria, U.S. "
               "forces struck two sites near Albu Kamal. These strikes were conducted in response to a series of "
               "rocket attacks on U.S. personnel at bases in Iraq and Syria.")


def test_these_strikes_called_a_response_are_each_strike_of_that_side_told_just_before() -> None:
    attacks, responses = run(TWO_STRIKES)
    assert sorted(e.place for e in responses) == ["Al Qa'im", "Ālbū Kamāl"]
    assert all(e.place not in {"Al Qa'im", "Ālbū Kamāl"} for e in attacks)


def test_these_strikes_called_a_response_reach_back_past_a_strike_told_without_its_doer() -> None:
    doc = nlp()("Gunmen fired at a checkpoint. U.S. jets struck a depot near Albu Kamal. Strikes then destroyed "
                "two sites near Mayadeen. These strikes were a response to rocket fire.")
    gunfire, depot, sites, these = list(doc.sents)
    gunmen = Draft(None, "Armed assault", {"strike"}, None, 0, actor="Gunmen", sentences=[gunfire])
    jets = Draft(None, "Air/drone strike", {"strike"}, None, 1, actor="U.S. jets", sentences=[depot], last_sentence=1)
    doerless = Draft(None, "Air/drone strike", {"strike"}, None, 2, sentences=[sites], last_sentence=2)
    strikes = next(t for t in these if t.lower_ == "strikes")
    mention = Mention(sentence=these, trigger=strikes, family="strike", category="Air/drone strike", cue="response",
                      anaphoric=True)
    answered_together([doerless, jets, gunmen], doerless, mention, 3)
    assert jets.kind == "response"  # the doer of the strikes told just before
    assert gunmen.kind is None  # no side of a state or group the text names


def test_these_strikes_called_a_response_leave_the_other_sides_acts_told_before_attacks() -> None:
    text = TWO_STRIKES.replace("In Syria, U.S. forces struck two sites near Albu Kamal.",
                               "Hours earlier, militia fighters fired rockets at a U.S. base near Albu Kamal.")
    attacks, responses = run(text)
    assert [e.place for e in responses] == ["Al Qa'im"]
    assert "Ālbū Kamāl" in [e.place for e in attacks]


def test_strikes_a_side_described_as_retaliation_in_passing_are_one_response() -> None:
    attacks, responses = run("Russian drone strikes on villages near Kharkiv killed six people on Sunday, officials "
                             "said, in strikes that Moscow described as retaliation for an attack on one of its "
                             "airfields.")
    assert [(e.actor, e.place) for e in responses] == [("Russia", "Kharkiv")]
    assert [e.target for e in attacks] == ["one of its airfields"]


def test_the_positions_an_attack_came_from_identified_and_struck_with_artillery_is_a_response() -> None:
    attacks, responses = run("On Sunday, militants fired rockets at our base near Kharkiv, wounding two soldiers. "
                             "The positions from which the attack was launched were identified and struck with "
                             "artillery.")
    assert len(attacks) == 1 and [e.target for e in responses] == ["the positions"]


def test_a_strike_on_a_place_where_the_attackers_regrouped_answers_them() -> None:
    text = ("Gunmen killed nine villagers near Kharkiv on Sunday. On Monday, jets struck a camp on the edge of a "
            "forest, where the attackers were said to have hidden.")
    attacks, responses = run(text)
    assert len(attacks) == 1 and [e.target for e in responses] == ["a camp"]
    _attacks, responses = run(text.replace("where the attackers were said to have hidden", "where rebels train"))
    assert responses == []


def test_shelling_described_as_payback_for_an_act_told_before_answers_it() -> None:
    attacks, responses = run("Militants ambushed an army patrol near Kharkiv on Monday. Hours later, guns positioned "
                             "in Kharkiv were shelling Kramatorsk, which residents described as payback for the "
                             "ambush.")
    assert [a.actor for a in attacks] == ["Militants"]
    assert [(r.place, r.actor) for r in responses] == [("Kramatorsk", None)]


def test_counterattacks_repelled_are_the_attack_the_repelling_answers() -> None:
    attacks, responses = run("On Tuesday, Russian units repelled two counterattacks by Ukrainian assault groups "
                             "near Kramatorsk.")
    assert [(a.actor, a.count, a.place) for a in attacks] == [("Ukrainian assault groups", 2, "Kramatorsk")]
    assert [r.actor for r in responses] == ["Russian units"]


def test_attackers_driven_back_by_a_time_of_day_are_repelled_by_no_one_named() -> None:
    attacks, responses = run("Militants attacked an army base near Kherson before dawn on Monday. By sunrise the "
                             "attackers had been driven back across the fields, leaving 21 of them dead.")
    assert [a.actor for a in attacks] == ["Militants"]
    assert [(r.actor, r.killed) for r in responses] == [(None, 21)]


def test_shelling_the_launch_area_answers_the_launch_and_is_not_placed_where_it_landed() -> None:
    attacks, responses = run("A rocket was fired from Lebanon at Kiryat Shmona on Sunday, the army said. Israeli "
                             "artillery then shelled the launch area, the military said.")
    assert [(e.actor, e.target) for e in responses] == [("Israel", "the launch area")]
    assert responses[0].place != "Kiryat Shmona" and [a.actor for a in attacks] == [None]


def test_assaults_told_stopped_were_repelled() -> None:
    _attacks, responses = run("Rebel fighters attacked an army post near Kharkiv twice on Sunday, the governor said. "
                              "\"Both assaults were stopped, and the enemy fell back,\" he wrote.")
    assert [(r.summary, r.place) for r in responses] == [("The assault was stopped near Kharkiv", "Kharkiv")]


def test_the_counter_attack_that_won_a_village_back_is_the_act_of_winning_it() -> None:
    _attacks, responses = run("Ukrainian troops recaptured a village near Kharkiv on Sunday after a three-day "
                              "counter-attack, a brigade spokesman said.")
    assert [r.summary for r in responses] == ["Ukrainian troops recaptured a village near Kharkiv"]


def test_an_act_told_right_after_the_answer_is_announced_is_a_response() -> None:
    text = ("Rebels shelled a police post near Omdurman on Sunday, wounding two officers. The retaliation came two "
            "days later. On Tuesday, army jets bombed nine targets near Kherson, the ministry said.")
    attacks, responses = run(text)
    assert [a.actor for a in attacks] == ["Rebels"] and [r.actor for r in responses] == ["army"]
    plain = text.replace("The retaliation came two days later.", "The weather was cold.")
    attacks, responses = run(plain)
    assert responses == [] and [a.actor for a in attacks] == ["Rebels", "army"]


def test_the_attacks_named_in_the_target_of_an_answer_stay_attacks() -> None:
    text = ("Rebels fired two rockets at a police post near Kherson on Tuesday, and army jets answered with strikes "
            "on the sites the attacks came from over the next day.")
    attacks, responses = run(text)
    assert [a.actor for a in attacks] == ["Rebels"] and [r.actor for r in responses] == ["army jets"]


def test_missiles_fired_by_an_air_defence_or_to_defend_a_base_are_an_interception() -> None:
    for second in ("A Patriot battery launched two missiles at the incoming rockets.",
                   "The crew launched two missiles to defend the base."):
        attacks, responses = run("Militants fired rockets at the Kelvar air base on Tuesday. " + second)
        assert [a.actor for a in attacks] == ["Militants"]
        assert [(r.category, r.count) for r in responses] == [("Disrupted weapons use", 2)], second
    attacks, responses = run("The rebels fired two missiles at the frigate to protect the coast, they said.")
    assert [a.actor for a in attacks] == ["rebels"] and responses == []  # a purpose, but fired at a ship


def test_places_retaken_are_said_retaken_by_the_unit_that_said_it_had_retaken_them() -> None:
    told = "Rebels shelled the village of Tarvo on Sunday. On Monday, {} after clashes in which dozens of rebels died."
    _, responses = run(told.format("the 7th Brigade moved east and said it had retaken Tarvo and Dambo"))
    assert [(r.actor, r.summary) for r in responses] == [("7th Brigade", "7th Brigade retook Tarvo and Dambo")]
    _, responses = run(told.format("Tarvo and Dambo were retaken"))
    assert [(r.actor, r.summary) for r in responses] == [(None, "Tarvo and Dambo were retaken")]


def test_the_attack_on_forces_a_strike_defended_is_an_attack_by_those_it_names() -> None:
    report = analyze("KISMAYO, Somalia – U.S. Africa Command carried out an airstrike on March 2 in collective "
                     "self-defense of Somali forces who came under attack by al-Shabaab militants near Jowhar.",
                     published=date(2024, 3, 4))
    assert [(a.actor, a.target) for a in report.attacks] == [("al-Shabaab militants", "Somali forces")]
    assert [r.actor for r in report.responses] == ["U.S. Africa Command"]


def test_a_side_that_answered_or_responded_with_fire_retaliated_with_it() -> None:
    attacks, responses = run("Rebels fired mortars at army posts near Tarvo on Monday, killing two soldiers. The "
                             "troops answered with artillery, the army said.")
    assert len(attacks) == 1 and [r.summary for r in responses] == ["Troops retaliated with artillery"]
    attacks, responses = run("Rebels fired mortars at army posts near Tarvo on Monday. The troops responded with "
                             "drones, the army said.")
    assert [r.summary for r in responses] == ["Troops retaliated with drones"]
    attacks, responses = run("Rebels fired mortars at army posts near Tarvo on Monday. The government responded "
                             "with a statement condemning the attack.")
    assert len(attacks) == 1 and responses == []  # words, not fire


def test_rockets_most_of_which_were_intercepted_were_launched_in_an_attack_not_in_defence() -> None:
    attacks, responses = run("The army said about 35 rockets were launched toward Tarvo on Tuesday, most of which "
                             "were intercepted by the Iron Dome air defense system.")
    assert [a.target for a in attacks] == ["Tarvo"]
    assert len(responses) == 1 and responses[0].target is None  # not "intercepted most of which"


def test_an_answer_in_a_clause_of_its_own_does_not_take_the_place_of_the_act_it_answers() -> None:
    attacks, responses = run("Rockets fired from the south slammed into the city of Kherson early Tuesday, wounding "
                             "three people, and army jets answered with strikes on border villages.")
    assert [(a.place, a.injured) for a in attacks] == [("Kherson", 3)]
    assert [(r.actor, r.place) for r in responses] == [("army jets", None)]


def test_a_strike_on_a_side_dated_before_its_attacks_answers_none_of_them() -> None:
    text = ("Hezbollah fired rockets at Metula on Tuesday, wounding two people. On Monday, an Israeli drone strike on "
            "a motorcycle in Houla killed a Hezbollah fighter.")
    events = analyze(text, published=date(2024, 3, 6)).events
    assert [(e.kind, e.actor) for e in events] == [("attack", "Hezbollah"), ("attack", "Israel")]
    later = text.replace("On Monday", "On Wednesday")  # after the rockets: an answer to them
    assert [e.kind for e in analyze(later, published=date(2024, 3, 7)).events] == ["attack", "response"]


def test_troops_who_counter_attacked_are_named_and_counterattacked() -> None:
    events = analyze("Rebels attacked the army post at Kolofata on Monday. Cameroonian troops counter-attacked on "
                     "Tuesday, killing nine of the assailants.", published=date(2024, 3, 6)).events
    assert [(e.kind, e.actor, e.summary) for e in events if e.kind == "response"] == [
        ("response", "Cameroonian troops", "Cameroonian troops counterattacked")]
    events = analyze("Troops of the Rapid Intervention Battalion (BIR) counter-attacked before dawn on Tuesday and "
                     "drove the assailants back towards the border.", published=date(2024, 3, 6)).events
    assert [e.summary for e in events] == ["Troops of the Rapid Intervention Battalion (BIR) counterattacked"]
    assert all(e.target != e.actor for e in events)


def test_an_act_an_appositive_calls_retaliation_is_one_response() -> None:
    found = analyze("Army forces hit the city of Sumy with missiles on Monday, an attack the defence ministry "
                    "called retaliation for drone strikes on its bases.", published=date(2024, 3, 6))
    assert [e.kind for e in found.attacks + found.responses] == ["response"]


def test_a_spokesman_who_claimed_an_attack_is_not_its_doer() -> None:
    found = analyze("Two missiles struck a bulk carrier off Aden on Tuesday, killing two sailors. A Houthi military "
                    "spokesman claimed responsibility for the attack.", published=date(2024, 3, 6))
    assert [e.actor for e in found.attacks] == ["Houthis"]


def test_a_plural_owner_of_an_attack_is_named_without_its_apostrophe() -> None:
    found = analyze("The United States condemns the rebels' missile attack on a ship in the Gulf of Aden on Tuesday.",
                    published=date(2024, 3, 6))
    assert [e.actor for e in found.attacks] == ["rebels"]


def test_a_count_destroyed_before_it_could_reach_its_target_was_intercepted() -> None:
    found = analyze("Militants launched four drones at the port on Sunday. Two were destroyed by fighter jets before "
                    "they could reach the harbour.", published=date(2024, 3, 6))
    assert [e.kind for e in found.responses] == ["response"]
    assert [e.category for e in found.responses] == ["Disrupted weapons use"]
    bridge = analyze("Troops destroyed the bridge before they could reach the town.")
    assert not bridge.attacks and not bridge.responses


def test_troops_who_responded_with_fire_of_any_kind_answered_the_attack() -> None:
    attacks, responses = run("Rockets were fired at Camp Victory near Kherson on Wednesday. Soldiers at the camp "
                             "responded with counter-battery fire.")
    assert len(attacks) == 1 and len(responses) == 1 and responses[0].actor == "Soldiers"


def test_a_leads_vague_answer_is_the_one_such_act_the_story_tells_in_full() -> None:
    # The lead tells the answer with no day, target or place; the one retaliation told later, on Wednesday, is it.
    text = ("U.S. forces in Ukraine came under attack twice this week, and troops at one base answered with "
            "counter-battery fire that destroyed the launch site, the Pentagon said. On Wednesday, four rockets were "
            "fired at Camp Victory near Kherson. \"Our forces responded with counter-battery fire against the point "
            "of origin,\" she said.")
    _attacks, responses = run(text)
    assert [r.date for r in responses] == [date(2024, 2, 28)]


def test_a_strike_told_after_an_attack_on_a_base_hosting_its_troops_answers_it() -> None:
    attacks, responses = run("U.S. warplanes struck a weapons depot belonging to the militia early Thursday, the "
                             "Pentagon said, days after a rocket barrage on a base hosting American troops.")
    assert [r.target for r in responses] == ["a weapons depot"] and [a.target for a in attacks] == ["a base"]


def test_a_strike_that_followed_the_other_side_s_assault_answers_it() -> None:
    report = analyze("On May 3, U.S. forces carried out an airstrike against militants near Kismayo. The airstrike "
                     "followed an assault by al-Shabaab fighters on an army base in Jamaame in the early hours of May 2.",
                     published=date(2024, 5, 4))
    assert [(e.actor, e.date) for e in report.responses] == [("U.S. forces", date(2024, 5, 3))]
    assert [(e.kind, e.date, e.place) for e in report.attacks] == [("attack", date(2024, 5, 2), "Jamaame")]


def test_an_assault_that_followed_a_bombing_by_no_named_side_stays_an_attack() -> None:
    report = analyze("On May 3, al-Shabaab fighters stormed an army base near Jamaame. The assault followed a roadside "
                     "bombing on May 2 that wounded three soldiers.", published=date(2024, 5, 4))
    assert not report.responses
    assert sorted(e.date for e in report.attacks) == [date(2024, 5, 2), date(2024, 5, 3)]


def test_a_strike_on_a_column_carrying_fighters_who_were_fleeing_answers_their_attack() -> None:
    attacks, responses = run("Gunmen stormed a police post near Kaya on Sunday, killing three officers. Hours later, an "
                             "army helicopter hit a convoy of pickups carrying fighters who were fleeing north.")
    assert [e.actor for e in attacks] == ["Gunmen"] and [e.target for e in responses] == ["a convoy of pickups"]


def test_a_strike_on_those_who_attacked_the_day_before_answers_them_though_told_first() -> None:
    text = "Sudan's army said Tuesday its jets had struck RSF positions near Zelin, a day after RSF fighters stormed a camp."
    found = analyze(text, published=date(2024, 3, 6)).events
    assert sorted((e.kind, e.actor) for e in found) == [("attack", "RSF fighters"), ("response", "Sudan")]


def test_strikes_on_armed_men_after_their_raid_are_another_act_that_answers_it() -> None:
    attacks, responses = run("Rebels stormed an army post near Kalo on Monday. Air strikes then hit the fighters as "
                             "they withdrew.")
    assert [e.actor for e in attacks] == ["Rebels"] and [e.target for e in responses] == ["the fighters"]


def test_strikes_on_armed_men_after_another_groups_raid_on_them_are_that_raid() -> None:
    attacks, responses = run("Troops clashed with militants near Kalo on Monday. Helicopters struck the militants.")
    assert len(attacks) == 1 and responses == []


def test_the_remaining_weapons_downed_by_others_are_another_interception() -> None:
    attacks, responses = run("Rebels launched four drones at a tanker off Kalo on Monday. Two were shot down by a "
                             "frigate. The remaining two drones were destroyed by coalition aircraft.")
    assert len(attacks) == 1 and [e.actor for e in responses] == ["frigate", "coalition"]
