"""What is no event (habits, campaigns, tallies) and what is one that used to be missed; dates that are
not the event's. Made-up sentences."""

from __future__ import annotations

from datetime import date

from geo.events.dates import date_precision
from geo.events.extract import extract_events
from geo.model import Event
from geo.pipeline import analyze
from tests.events.helpers import nlp, toponyms_for

PUBLISHED = date(2024, 6, 12)


def everything(text: str, published: date | None = PUBLISHED) -> list[Event]:
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=published)
    return attacks + responses


def test_habits_are_no_events() -> None:
    assert everything("Militants in the hills often fire mortars at the garrison.") == []
    assert everything("The market is a frequent target of drone strikes.") == []
    assert everything("The group still launches periodic raids on army posts.") == []


def test_a_counted_aggregate_is_an_event() -> None:
    (event,) = everything("Rebels have carried out more than 40 attacks on army posts since March.")
    assert event.count == 40


def test_a_campaign_is_no_event_unless_it_is_counted() -> None:
    assert everything("The army launched a military offensive in the north to crush the insurgency.") == []
    (event,) = everything("The offensive has killed more than 300 civilians, medics said.")
    assert event.killed == 300


def test_a_tally_over_a_span_is_no_event() -> None:
    assert everything("Gunmen have killed several local officials this year.") == []


def test_fighting_for_years_is_no_event() -> None:
    assert everything("The movement has been fighting since 2011 to overthrow the government.") == []


def test_an_engagement_between_armed_sides_is_a_clash() -> None:
    (event,) = everything("An assessment is pending due to the ongoing engagement between the rebels and the army.")
    assert event.category == "Armed clash"
    assert everything("The minister praised the engagement with civil society.") == []


def test_killings_by_an_armed_group_and_by_armed_agents() -> None:
    (event,) = everything("On 3 May, the militant group killed six people at a hotel.")
    assert event.killed == 6 and event.date == date(2024, 5, 3)
    (event,) = everything("The commander was killed by security forces in a raid last year.")
    assert event.kind == "attack"


def test_taking_back_a_base_after_an_attack_answers_it() -> None:
    attacks, responses = extract_events(nlp()(
        "The mission said it had regained control of the camp after gunmen stormed the compound."), [])
    assert [a.actor for a in attacks] == ["gunmen"]
    assert len(responses) == 1
    assert extract_events(nlp()("Rebels recaptured the town last year."), []) == ([], [])


def test_a_month_is_a_month_not_its_first_day() -> None:
    assert date_precision("in August 2022") == "month"
    assert date_precision("early January") == "month"
    assert date_precision("3 August 2022") == "day" and date_precision("Tuesday") == "day"
    (event,) = everything("In August 2022, militants attacked a hotel in the capital.")
    assert event.date == date(2022, 8, 1) and event.date_precision == "month" and event.date_text == "2022-08"


def test_the_date_of_a_statement_line_and_of_a_reaction_are_not_the_events() -> None:
    (event,) = everything("March 26, 2024 – The embassy strongly condemns the attack on the town.")
    assert event.date is None
    events = everything("Gunmen attacked a police post on Monday. The envoy on Tuesday condemned the attack.")
    assert len(events) == 1 and events[0].date == date(2024, 6, 10)


def test_the_actor_of_a_relative_clause_is_its_antecedent() -> None:
    events = everything("Troops killed the militants who attacked the checkpoint.")
    assert [(e.kind, e.actor, e.target) for e in events] == [("attack", "militants", "the checkpoint"),
                                                             ("response", "Troops", "the militants")]


def test_a_gerund_naming_an_act_as_subject_is_an_event() -> None:
    events = everything("Russian shelling on Thursday killed two civilians in the Kherson region, officials said.")
    assert [(e.place, e.killed) for e in events] == [("Kherson", 2)]
    assert everything("Attacking churches is prohibited by law.") == []


def test_a_habit_told_of_two_acts_covers_both() -> None:
    assert everything("The port is a frequent target of drone strikes and shelling.") == []
    assert everything("Several air forces are carrying out bombing raids in Syria, sometimes in the same areas.") == []


def test_acts_done_to_a_kind_of_thing_are_a_campaign() -> None:
    assert everything("The army burned and raided villages and murdered villagers across the region.") == []
    assert len(everything("The army raided villages near Kharkiv on Monday, killing six.")) == 1


def test_an_act_denied_is_no_event() -> None:
    # The rockets were fired (an attack); their interception is denied (no response).
    assert [e.kind for e in everything("None of the four rockets fired at the base was intercepted.")] == ["attack"]
    assert everything("No drones were shot down over the city, the governor said.") == []
    assert everything("Doctors said two of the wounded were still fighting for their lives.") == []


def test_a_trend_or_a_habit_of_years_is_no_event() -> None:
    assert everything("Insurgents have stepped up attacks on police posts in Kyiv since the election in 2021.") == []
    assert everything("Gangs have for years raided farms in Kyiv, killing and kidnapping herders for ransom.") == []
    found = everything("Gangs raided a farm in Kyiv on Monday, kidnapping four herders for ransom.")
    assert found and all(e.date == date(2024, 6, 10) for e in found)


def test_fighting_people_fled_is_no_event() -> None:
    assert everything("The shell hit a school in Kyiv where families who had fled earlier fighting were sheltering, "
                      "killing three.")[0].category != "Armed clash"
    assert everything("Thousands displaced by the fighting have reached Kyiv.") == []


def test_acts_in_a_condition_are_no_events() -> None:
    assert everything("If the raids keep coming, would the army consider striking the camps?") == []
    assert everything("Unless the shelling stops, talks will end.") == []


def test_a_habit_said_of_the_first_of_coordinated_acts_is_said_of_all() -> None:
    assert everything("Government troops continue daily rocket and artillery strikes on Kharkiv.") == []


def test_acts_said_to_have_become_usual_are_no_events() -> None:
    assert everything("Drone strikes have become a regular feature of the war in Tigray since the rebellion began in "
                      "March 2021, and residents say they avoid markets.") == []
    assert everything("Air strikes have become routine in the region since the uprising began in May 2022.") == []


def test_acts_done_every_week_are_a_habit() -> None:
    assert everything("Government aircraft bomb the villages almost every week, despite a ceasefire.") == []


def test_what_an_act_is_called_is_no_other_act() -> None:
    text = ('Troops raided the camp in Kherson on Monday. The ministry condemned the raid as "a new massacre '
            'against our people".')
    assert [e.summary for e in everything(text)] == ["Troops raided the camp in Kherson"]


def test_a_toll_over_time_since_a_date_is_not_an_act() -> None:
    from datetime import date

    from geo.events.extract import extract_events
    from tests.events.helpers import nlp, toponyms_for

    text = "The ministry says at least 780 people have been killed in Kharkiv by Russian troops since October 2023."
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert attacks == [] and responses == []
    text = "Russian missiles killed 12 people in Kharkiv on Monday."
    attacks, _responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert len(attacks) == 1


def test_troops_killing_a_counted_number_of_people_is_an_act() -> None:
    from datetime import date

    from geo.events.extract import extract_events
    from tests.events.helpers import nlp, toponyms_for

    text = "Russian troops killed 12 people in Kharkiv on Monday."
    attacks, _responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert [(a.place, a.killed, a.summary) for a in attacks] == [("Kharkiv", 12, "Russian troops killed 12 people in Kharkiv")]


def test_an_act_done_daily_or_nightly_is_a_habit_not_an_event() -> None:
    assert not everything("The town has been shelled almost daily since the summer of 2022, residents said.")
    assert not everything("Drones strike the city nightly, residents said.")


def test_a_toll_of_attacks_since_a_date_is_no_act() -> None:
    text = "Rights groups said at least 1,300 people had been killed in attacks in the state since December."
    attacks, _ = extract_events(nlp()(text), toponyms_for(text))
    assert attacks == []


def test_fighting_that_has_gone_on_since_a_month_is_a_war_not_an_event() -> None:
    assert everything("Fighting between the army and rebels has continued near Kharkiv since August.") == []
    assert len(everything("Fighting between the army and rebels continued near Kharkiv on Monday, killing two.")) == 1


def test_fighting_that_grows_over_weeks_is_a_trend_not_an_act() -> None:
    assert everything("Fighting has intensified around Kharkiv since rebels entered the city in late May.") == []
    assert everything("Clashes have escalated near Kyiv for weeks.") == []
    (event,) = everything("Fighting broke out near Kyiv on Monday.")
    assert event.date == date(2024, 6, 10)


def test_an_act_done_for_years_is_a_habit_however_the_sentence_is_parsed() -> None:
    assert everything("Armed gangs known locally as bandits have for years raided villages near Kyiv, kidnapping "
                      "residents for ransom.") == []


def test_fighting_that_has_raged_for_months_is_a_war_going_on() -> None:
    assert everything("Fighting between the army and the rebels has raged around Kharkiv since August.") == []


def test_the_day_an_act_done_before_was_told_is_not_its_day() -> None:
    (event,) = everything("The rebels said Tuesday they had targeted a navy frigate with missiles near Odesa.")
    assert event.date is None
    (event,) = everything("The rebels said they targeted a navy frigate with missiles near Odesa on Tuesday.")
    assert event.date == date(2024, 6, 11)


def test_hundreds_of_acts_carried_out_since_a_year_are_a_campaign() -> None:
    assert everything("Armed gangs have carried out hundreds of kidnappings for ransom near Kharkiv since 2020.") == []


def test_raids_told_as_going_on_since_a_year_are_a_campaign() -> None:
    assert everything("Gunmen from across the border had raided the villages near Kharkiv since 2017.") == []
    assert len(everything("Gunmen from across the border raided the villages near Kharkiv on Sunday.")) == 1
    assert len(everything("Gunmen had raided the villages near Kharkiv at least six times since 2017.")) == 1


def test_attacks_that_have_killed_thousands_are_years_of_acts_not_one() -> None:
    assert everything("Raids by the rebels have killed hundreds of people near Kharkiv.") == []
    assert len(everything("Raids by the rebels killed 40 people near Kharkiv on Sunday.")) == 1


def test_fighting_that_resumed_ending_a_truce_of_a_year_is_the_war_going_on() -> None:
    assert everything("Fighting between the army and the rebels resumed near Kharkiv in November, ending a truce that "
                      "had held for a year.") == []


def test_a_war_a_place_names_is_not_where_an_act_was() -> None:
    from geo.pipeline import analyze_article
    from geo.model import Article

    report = analyze_article(Article(text="Militants fired rockets on Monday in what they called support for "
                                     "Palestinians in the Gaza war.", published=PUBLISHED))
    assert [e.place for e in report.events] == [None]


def test_acts_a_group_describes_as_something_are_no_event() -> None:
    assert everything("The militia has clashed with the army for months, describing its attacks as self-defence "
                      "for villagers in Kharkiv.") == []


def test_firefighters_battling_a_blaze_are_no_clash() -> None:
    assert everything("Firefighters battle a blaze at a warehouse in Kharkiv.") == []


def test_acts_a_side_cites_as_its_cause_with_no_place_or_day_are_no_event() -> None:
    found = everything("Russian missiles struck a depot in Kharkiv on Monday. Moscow said the strike was in response "
                       "to terrorist attacks by the Kyiv regime on civilian targets.")
    assert [e.place for e in found] == ["Kharkiv"]


def test_acts_told_as_the_means_of_a_siege_going_on_since_a_date_are_no_one_act() -> None:
    assert everything("The rebels have besieged Kandahar since May 2024, shelling its districts and the nearby camp "
                      "and blocking convoys.") == []


def test_acts_on_a_kind_of_thing_told_at_a_time_are_an_event_in_an_undated_text() -> None:
    attacks, _ = extract_events(nlp()("Army aircraft struck rebel columns late on Sunday."), [], published=None)
    assert len(attacks) == 1
    attacks, _ = extract_events(nlp()("The army burned and raided villages."), [], published=None)
    assert attacks == []


def test_attack_before_and_another_kind_of_drone_names_the_drones_not_a_count_of_attacks() -> None:
    attacks, _responses = extract_events(nlp()("The army said the enemy launched 126 attack and decoy drones "
                                               "overnight."), [])
    assert all(e.count != 126 for e in attacks)
    attacks, _responses = extract_events(nlp()("Rebels launched an attack and heavy rockets hit the base."), [])
    assert len(attacks) == 1


def test_explosions_someone_heard_tell_no_act_of_their_own() -> None:
    attacks, _responses = extract_events(nlp()("Rebels shelled the town on Monday. Residents heard at least eight "
                                               "explosions."), [])
    assert len(attacks) == 1 and attacks[0].category.startswith("Shelling")
    attacks, _responses = extract_events(nlp()("An explosion killed four people at a bus stop."), [])
    assert len(attacks) == 1


def test_shooting_someone_heard_is_no_act_of_the_listener() -> None:
    attacks, _responses = extract_events(nlp()("Gunmen stormed a hotel on Friday. \"Then I heard shooting inside the "
                                               "hotel for an hour,\" a guard said."), [])
    assert [a.actor for a in attacks] == ["Gunmen"]
    attacks, _responses = extract_events(nlp()("Gunmen were shooting at the guards inside the hotel."), [])
    assert len(attacks) == 1


def test_a_unit_described_as_fighting_somewhere_is_no_clash() -> None:
    attacks, _responses = extract_events(nlp()("The depot supplies fuel to the units fighting in the north."), [])
    assert attacks == []
    attacks, _responses = extract_events(nlp()("Rebels fighting the army killed 12 soldiers on Monday."), [])
    assert [a.killed for a in attacks] == [12]


def test_an_act_told_only_in_a_claim_the_text_rejects_is_no_event() -> None:
    for text in ("The army denied rebel claims that fighters had shot down a helicopter.",
                 "The ministry dismissed as false a rebel claim that its fighters had shelled a base.",
                 "The spokesman rejected as baseless a report that navy jets bombed a school."):
        assert extract_events(nlp()(text), []) == ([], []), text
    attacks, responses = extract_events(nlp()("Rebels claimed that their fighters had shelled a base."), [])
    assert len(attacks) == 1


def test_a_wars_toll_since_some_time_is_no_act() -> None:
    text = "The offensive since then has killed more than 9,000 people, the ministry says."
    assert extract_events(nlp()(text), []) == ([], [])
    attacks, _ = extract_events(nlp()("The offensive killed 16 people in the district on Monday."), [])
    assert [a.killed for a in attacks] == [16]


def test_an_act_a_speaker_says_is_the_one_described_is_no_new_act() -> None:
    from geo.pipeline import analyze

    text = ("On Sunday, a drone struck a hangar at a base near Kirkuk. Q: How many attacks were there near Kirkuk? "
            "A: We have one attack near Kirkuk over the weekend, which is the one I described.")
    assert len(analyze(text, published=date(2024, 3, 4)).events) == 1


def test_the_purpose_of_a_habit_is_no_event() -> None:
    assert everything("The Northern Front routinely uses villages near Khan Younis to stage attacks, and it has "
                      "threatened to strike again.") == []
    events = everything("Rebels used a stolen truck to stage an ambush on an army convoy on Monday, killing two "
                        "soldiers.")
    assert [e.killed for e in events] == [2]


def test_what_a_side_uses_a_place_for_is_no_event() -> None:
    events = everything("Rebels shelled the airport in Kharkiv on Monday, which the army uses to launch air raids on "
                        "the north.")
    assert [e.place for e in events] == ["Kharkiv"]
    assert everything("The group says the army uses the airfield to launch raids on villages.") == []


def test_what_a_place_is_used_for_is_no_event() -> None:
    events = everything("Jets struck two facilities near Mayadeen, in Deir Ezzor province, used by the militia and "
                        "allied groups to store weapons and coordinate attacks.")
    assert [e.summary for e in events] == ["Air strikes on two facilities near Mayadeen"]
    (event,) = everything("Army troops raided a compound in Syria that the group used to prepare bombings.")
    assert event.category != "Remote explosive/landmine/IED"
    assert len(everything("After the ceasefire collapsed, the militia went on to carry out raids on Kyiv.")) == 1


def test_a_trend_in_acts_is_no_act() -> None:
    assert everything("A monitor said that drone attacks on farms in Syria rose by a third in May.") == []
    assert everything("Officials said that water pumps in Syria are increasingly being hit as summer nears.") == []
    assert len(everything("Rebels said that a drone hit a water pump in Syria on Monday.")) == 1


def test_people_seized_are_abducted_and_a_town_seized_or_captives_freed_are_no_act() -> None:
    (event,) = everything("Gunmen seized 12 passengers from a bus near Kaduna on Sunday.")
    assert event.category.startswith("Abduction")
    (event,) = everything("We remain concerned for the 20 worshippers who were seized from a mosque near Kaduna "
                          "last month.")
    assert event.category.startswith("Abduction")
    assert everything("Rebels seized the town of Kaduna on Sunday.") == []
    assert everything("Police said 11 abducted residents were freed and returned to their families.") == []


def test_a_second_group_hitting_a_checkpoint_is_an_attack() -> None:
    found = everything("Gunmen stormed a police station in Kharkiv on Sunday night. Almost at the same time, a second "
                       "group hit a police checkpoint outside the city.")
    assert len(found) == 2 and all(e.kind == "attack" for e in found)


def test_fighting_a_town_was_spared_is_no_act() -> None:
    assert everything("Kaduna had largely been spared the fighting until this year.") == []
    assert len(everything("Gunmen attacked a market in Kaduna on Sunday, a town spared until then.")) == 1


def test_planes_that_keep_bombing_tell_a_campaign_not_an_act() -> None:
    assert everything("An adviser warned that no city would be safe as long as army planes keep bombing Darfur.") == []
    assert everything("Residents say jets keep striking villages near Kaduna.") == []
    found = everything("Army planes kept bombing the town of Kaduna until dawn on Monday.")
    assert [e.place for e in found] == ["Kaduna"]


def test_an_act_that_began_a_state_told_since_is_no_event() -> None:
    # "have held X since launching an incursion": how the holding began, weeks ago; no act told.
    assert everything("Rebel forces have held a strip of the valley since launching a cross-border incursion in "
                      "early May.") == []
    # the act itself, told as done, stays one
    assert len(everything("Rebel forces launched a cross-border incursion into the valley on Monday.")) == 1


def test_the_means_of_what_a_side_says_it_would_do_is_no_event() -> None:
    assert everything("A group spokesman warned on Monday that any raid on the camps would be answered with "
                      "rocket strikes on towns in the north.") == []
    assert everything("The minister said the army will respond with air strikes on the hills.") == []
    # done, not said it would be done
    told = everything("On Monday the raid on the camps was answered with rocket strikes on towns in the north.")
    assert [e.category for e in told if "strike" in e.summary.lower() or "rocket" in e.summary.lower()]


def test_fighters_who_overran_a_post_attacked_it_but_a_post_told_overrun_is_no_act() -> None:
    told = everything("Rebel fighters overran an army post near Kharkiv on Monday, killing six soldiers.")
    assert [(e.actor, e.killed) for e in told] == [("Rebel fighters", 6)]
    assert everything("The army denied on Monday that the post near Kharkiv had been overrun.") == []
    assert everything("Videos shared online claimed that the base had been overrun.") == []


def test_what_none_of_the_acts_did_is_no_act() -> None:
    events = everything("U.S. aircraft struck two camps near Al Qaim on Tuesday. None of the strikes were near Kharkiv.")
    assert [e.place for e in events] == ["Al Qa'im"]
    assert not any(m.text.startswith("None") for e in events for m in e.mentions)


def test_what_such_acts_are_now_is_no_event() -> None:
    assert everything("Drone strikes remain the deadliest kind of violence in Kharkiv, monitors say.") == []
    assert everything("Shelling attacks are now the main danger for farmers near Kherson.") == []
    assert len(everything("The strikes on Kherson were the heaviest in months, officials said.")) == 1


def test_an_act_told_only_as_denied_is_no_new_act() -> None:
    found = everything("On Monday a jet dropped two bombs on Kramatorsk, killing six people. The army denied on "
                       "Thursday that its aircraft had struck civilians in Kramatorsk.")
    assert [(e.place, e.killed) for e in found] == [("Kramatorsk", 6)]


def test_where_the_fighting_spread_is_no_act() -> None:
    assert everything("Fighting has spread this autumn from Kherson into the hills around Odesa.") == []
    assert len(everything("Fighting spread from Kherson to Odesa on Monday, killing four people.")) == 1


def test_what_a_reaction_calls_an_act_told_before_is_no_act_of_its_own() -> None:
    from geo.events.not_events import a_label
    doc = nlp()('The foreign ministry called the raid "a deliberate bombing of a school" and asked for help.')
    assert a_label(next(t for t in doc if t.lower_ == "bombing"))
    doc = nlp()("Hours later, the army said its jets had carried out what it called retaliatory strikes.")
    assert not a_label(next(t for t in doc if t.lower_ == "strikes"))


def test_an_act_a_side_calls_by_its_own_name_stays_an_act() -> None:
    text = "Hours later, the army said its jets had carried out what it called retaliatory strikes near Kharkiv."
    assert [(e.kind, e.place) for e in everything(text)] == [("response", "Kharkiv")]


def test_a_claim_the_next_sentence_calls_false_is_no_act() -> None:
    text = ("U.S. forces shot down four drones over the Red Sea on Monday. On Tuesday, a rebel spokesman claimed on "
            "television that the group had fired missiles at a U.S. destroyer. That claim is false: no ship was "
            "targeted, the command said.")
    assert [e.kind for e in everything(text)] == ["response"]


def test_attacks_someone_was_responsible_for_planning_are_no_event() -> None:
    text = "Police arrested Abu Saleh, a man responsible for planning attacks against checkpoints in Kherson."
    assert everything(text) == []
    assert [e.target for e in everything(text.replace("planning attacks", "attacks"))] == ["checkpoints"]


def test_a_lone_gunman_firing_on_troops_is_one_act_not_a_campaign() -> None:
    assert [(e.actor, e.target) for e in everything("A gunman opened fire on American troops from a rooftop.")] == [
        ("gunman", "American troops")]
    assert everything("Gunmen often fire on American troops.") == []


def test_what_a_group_does_as_a_habit_is_no_event() -> None:
    assert everything("The Omdurman Monitor, a group that documents drone attacks, opened an office in Omdurman.") == []
    told = everything("The Kherson Monitor, a group that documented Monday's drone attacks on Omdurman, said six "
                      "people were killed.")
    assert [(e.place, e.killed) for e in told] == [("Omdurman", 6)]


def test_acts_a_side_says_it_would_keep_doing_are_no_event() -> None:
    text = ("Ukraine's General Staff said later Tuesday that the depot supplied fuel to Russian units fighting in the "
            "Kharkiv region and that it would keep striking such targets.")
    assert everything(text) == []
    assert len(everything(text.replace("it would keep striking such targets", "its drones had struck the depot"))) == 1



def test_what_a_group_is_often_accused_of_is_a_habit_not_an_act() -> None:
    for text in ("Residents frequently accused the militia of looting herds and grain on the roads north of Tarsa.",
                 "Farmers often accused the militia of looting herds on the roads north of Tarsa."):
        attacks, _ = extract_events(nlp()(text), toponyms_for(text))
        assert attacks == [], text
    text = "Farmers accused the militia of raiding the village of Kelo near Tarsa on Monday, killing two."
    attacks, _ = extract_events(nlp()(text), toponyms_for(text))
    assert len(attacks) == 1  # one raid, told once


def test_an_assault_that_could_come_is_no_act_but_one_that_may_have_killed_is() -> None:
    text = "The U.N. office warned last week that a full assault on Tarsa could trigger mass displacement."
    assert extract_events(nlp()(text), toponyms_for(text))[0] == []
    text = "The strike on the market in Tarsa may have killed 20 people on Monday."
    assert len(extract_events(nlp()(text), toponyms_for(text))[0]) == 1


def test_attacks_a_side_could_or_will_launch_are_no_act_but_those_it_has_carried_out_are() -> None:
    text = "The governor warned that the rebels could launch new attacks on the power grid of Tarsa."
    assert extract_events(nlp()(text), toponyms_for(text))[0] == []
    text = "Officials said the army will conduct strikes on the launch sites near Tarsa."
    assert extract_events(nlp()(text), toponyms_for(text))[0] == []
    text = "The army said on Monday it had carried out strikes on the launch sites near Tarsa, killing 12 fighters."
    attacks, responses = extract_events(nlp()(text), toponyms_for(text))
    assert len(attacks + responses) == 1


def test_a_place_found_looted_is_what_an_act_left_and_names_no_doer() -> None:
    text = ("Gunmen stormed the village of Kelo near Tarsa on Monday. Peacekeepers later counted eight bodies and "
            "found the health center looted and burned.")
    attacks, _ = extract_events(nlp()(text), toponyms_for(text))
    assert [a.actor for a in attacks] == ["Gunmen"]


def test_fighters_who_did_something_are_no_kind_of_thing() -> None:
    found = analyze("Rebel fighters who tried to re-enter the town were driven back by soldiers.")
    assert [(e.kind, e.actor) for e in found.attacks + found.responses] == [("response", "soldiers")]


def test_a_demand_to_end_attacks_tells_no_attack() -> None:
    for text in ("We call on the militia to end its attacks on civilians in Kharkiv.",
                 "The rebels must cease their attacks on aid convoys near Kherson.",
                 "The council called for an end to attacks on hospitals in Kharkiv.",
                 "The envoy demanded a cessation of attacks on civilians in Kherson."):
        assert everything(text) == [], text
    # the end of an attack told is no demand
    assert len(everything("At the end of the attack on Kherson, two soldiers were dead.")) == 1


def test_places_that_come_under_fire_as_a_habit_or_whenever_tell_no_attack() -> None:
    for text in ("Villages along the front near Kherson come under fire almost every day.",
                 "Markets in Kharkiv have repeatedly come under fire since the siege began.",
                 "\"When our partners come under attack, we will act in their defense,\" he said."):
        assert everything(text) == [], text
    assert len(everything("A patrol came under fire near Kherson on Monday.")) == 1
