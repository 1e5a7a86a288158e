"""Rules that tell one event from several, on small made-up texts (issue 4): bare mentions
continue the event just told unless a time, actor, target or toll sets them apart; 'came under
attack'; the nouns, verbs and clauses that are no event."""

from __future__ import annotations

from datetime import date

from geo.events.extract import extract_events
from geo.model import Event
from geo.pipeline import analyze
from tests.events.helpers import nlp, toponyms_for


def run(text: str) -> tuple[list[Event], list[Event]]:
    return extract_events(nlp()(text), toponyms_for(text))


def everything(text: str) -> list[Event]:
    attacks, responses = run(text)
    return attacks + responses


# --- one event or several --------------------------------------------------------------------

def test_a_new_time_and_toll_make_a_new_event() -> None:
    text = ("Heavy fighting near the border killed nine people yesterday. The army said the situation was tense. "
            "Officials met to discuss a truce. The talks ended without a deal. "
            "Last month the worst fighting in a decade left 30 dead.")
    events = everything(text)
    assert sorted(e.killed for e in events) == [9, 30]


def test_other_attackers_tell_another_event() -> None:
    text = ("Rebels stormed a checkpoint outside the town. "
            "The government said army units attacked a rebel village in the hills.")
    events = everything(text)
    assert len(events) == 2
    assert {e.actor for e in events} == {"Rebels", "army units"}


def test_the_gunman_goes_on_telling_the_same_attack() -> None:
    text = ("A gunman opened fire on shoppers at a mall in Berlin on Friday. Police closed the area. "
            "Witnesses described chaos. Shops were shut. Trains stopped. "
            "The gunman stormed into a cafe before police shot and killed the attacker.")
    events = everything(text)
    assert len(events) == 1
    assert len(events[0].mentions) == 2


def test_a_bare_mention_continues_the_latest_event() -> None:
    text = "A gunman opened fire on police in Berlin on Friday. Heavy shooting continued for an hour."
    events = everything(text)
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_villages_named_apart_are_two_attacks() -> None:
    text = ("The village of Dorna came under attack late last night. "
            "Kelvo, a town nearby, also came under fire last night, the ministry said.")
    events = everything(text)
    assert len(events) == 2
    assert {e.target for e in events} == {"the village of Dorna", "Kelvo"}


def test_a_killing_told_inside_a_shooting_is_one_act() -> None:
    text = "Weeks earlier a man killed 10 people in the worst mass shooting in the state's history."
    events = everything(text)
    assert len(events) == 1 and events[0].killed == 10


def test_two_acts_of_different_kinds_in_one_retaliation() -> None:
    text = "The rebels retaliated, shelling two villages near Kyiv and detonating a car bomb at a checkpoint."
    attacks, responses = run(text)
    assert attacks == []
    assert sorted(e.category for e in responses) == ["Remote explosive/landmine/IED",
                                                     "Shelling/artillery/missile attack"]


# --- what the parse says about one mention ---------------------------------------------------

def test_came_under_attack_names_the_target_and_place() -> None:
    text = "The town of Kharkiv came under heavy attack on Tuesday."
    (event,) = everything(text)
    assert event.place == "Kharkiv"
    assert "Kharkiv" in (event.target or "")


def test_bombardment_is_shelling() -> None:
    (event,) = everything("Troops reported an intense bombardment of the city of Odesa.")
    assert event.category == "Shelling/artillery/missile attack"


def test_a_title_case_first_sentence_is_a_headline() -> None:
    text = "At Least Nine Killed in Kharkiv Clash. Fighting in Kharkiv killed nine people on Monday, police said."
    (event,) = everything(text)
    assert event.evidence.text.startswith("Fighting in Kharkiv")
    assert event.mentions[0].text.startswith("At Least Nine")


def test_a_day_or_a_dateline_is_no_actor() -> None:
    text = "KYIV — A car bomb exploded near a market in Kyiv. Sunday's attack was condemned abroad."
    (event,) = everything(text)
    assert event.actor is None


def test_a_date_in_a_relative_clause_is_not_the_events() -> None:
    text = ("The blast in Kyiv came a day after officials said overall attacks had fallen since the war, "
            "which began in March 2022.")
    for event in everything(text):
        assert event.date is None


def test_subject_of_an_infinitive_is_the_actor() -> None:
    (event,) = everything("Rebel fighters continued to attack the outskirts of Kharkiv.")
    assert event.actor == "Rebel fighters"


def test_a_place_set_off_by_commas_after_capital() -> None:
    text = "In the regional capital, Kharkiv, police fatally shot two men on Friday."
    (event,) = everything(text)
    assert event.place == "Kharkiv"


def test_he_in_a_quote_is_not_the_speaker() -> None:
    text = 'His wife, Mary Stone said, "He started shooting bullets in the air."'
    for event in everything(text):
        assert event.actor is None
        assert event.target is None


def test_a_vehicle_that_exploded_is_the_target() -> None:
    (event,) = everything("A police truck exploded on a mine near Kharkiv.")
    assert event.actor is None
    assert event.target == "a police truck"


def test_a_teen_who_killed_twelve_people_is_an_attack() -> None:
    (event,) = everything("In March a teen killed 12 people at his former school in Germany.")
    assert event.killed == 12


def test_helicopters_firing_on_positions_are_an_attack() -> None:
    (event,) = everything("Helicopter gunships fired on militant positions near Kharkiv.")
    assert event.category == "Air/drone strike"


# --- no event ----------------------------------------------------------------------------------

def test_equipment_named_after_an_act_is_no_event() -> None:
    assert everything("He bought an assault rifle and two attack helicopters were on display.") == []


def test_an_attacked_animal_is_no_event() -> None:
    assert everything("In 2003, a horse was killed after being attacked.") == []


def test_the_latest_in_a_series_is_no_event_of_its_own() -> None:
    assert everything("The killings were the latest in a series of knife attacks.") == []
    (event,) = everything("Rebels fired rockets at a ferry near Odesa on Monday, in the latest of their attacks on "
                          "shipping in the Black Sea.")
    assert event.actor == "Rebels" and event.place == "Odesa"


def test_an_attack_not_remembered_is_no_event() -> None:
    assert everything("I don't remember an attack this bad.") == []


def test_a_bare_infinitive_continuing_a_plot_is_no_event() -> None:
    text = "A man who admitted to having plotted to kill a guard and then attack a police station was jailed."
    assert everything(text) == []


# --- places, numbers and markers of another event ----------------------------------------------

def test_a_place_describing_another_place_is_not_where_it_happened() -> None:
    text = "A police truck exploded on a mine near the village of Dorna, which is seven kilometers south of Kharkiv."
    (event,) = everything(text)
    assert event.place is None


def test_north_of_a_place_is_a_location() -> None:
    (event,) = everything("A three-hour shootout on Thursday north of the capital of Kaduna left four gunmen dead.")
    assert event.place == "Kaduna"


def test_one_death_told_without_a_number() -> None:
    (strike,) = everything("He was killed in a drone strike in Yemen in August.")
    assert strike.killed == 1
    (shooting,) = everything("A policeman fatally shot the ambassador at a gallery in Berlin.")
    assert shooting.killed == 1


def test_a_third_incident_is_a_new_event() -> None:
    text = ("Gunmen fired on a patrol in Berlin on Sunday. "
            "In a third incident, armed men opened fire on a police station in Berlin.")
    assert len(everything(text)) == 2


def test_another_day_and_toll_in_the_same_place_is_another_event() -> None:
    text = "Fighting in Kharkiv killed 12 people on Saturday. Police in Kharkiv shot dead four men on Friday."
    assert len(everything(text)) == 2


def test_a_noun_named_after_an_act_is_no_event() -> None:
    assert everything("Scouts from Battle Creek collected food. Firefighters battle brush fire.") == []


def test_criticism_and_feelings_are_no_attack() -> None:
    assert everything("The mayor's travels came under fire in the campaign.") == []
    assert everything("The plan came under fire over its cost.") == []
    assert everything("Minorities are feeling more under attack.") == []
    assert everything("The bishop died on Sunday after a long battle with cancer.") == []


def test_sport_is_no_violence() -> None:
    assert everything("It was a three-run blast that won the series for the home team.") == []
    assert everything("Both clubs are set to miss the crucial relegation battle.") == []


def test_a_sundays_explosion_refers_to_the_known_one() -> None:
    text = ("A bomb blast ripped through a church in Kyiv on Sunday, killing 25 people. Prayers were held. "
            "Shops closed. Police searched homes. Officials met. Schools shut. "
            "Sunday's explosion came two days after two bombs killed six police officers and a civilian in Odesa.")
    events = everything(text)
    assert len(events) == 2
    kyiv, odesa = sorted(events, key=lambda e: e.evidence.start)
    assert len(kyiv.mentions) == 2 and kyiv.killed == 25
    assert (odesa.count, odesa.killed) == (2, 7)


def test_a_detonated_bomb_is_the_weapon_and_its_own_act() -> None:
    text = "The rebels retaliated, shelling villages in Odesa and detonating a car bomb in a frontline area."
    _attacks, responses = run(text)
    bomb = next(e for e in responses if e.category == "Remote explosive/landmine/IED")
    assert bomb.target is None and bomb.place is None


def test_an_offensive_that_killed_many_is_an_event() -> None:
    (event,) = everything("The offensive in Kharkiv has killed more than 1600 civilians, rescuers said.")
    assert (event.place, event.killed) == ("Kharkiv", 1600)


def test_an_accident_a_lawsuit_and_a_surname_are_no_attacks() -> None:
    assert everything("An explosion at a supermarket in Kyiv injured 37 people and may have been caused by a "
                      "gas leak.") == []
    assert everything("Her parents staged a months-long battle with the courts.") == []
    assert everything("He is survived by a loving friend, Linda Battle of Toco.") == []


def test_a_headline_is_no_subject_of_the_first_sentence() -> None:
    text = "Rebel Drones Strike Odesa Port\n\nKYIV (VOA) — Russia launched 35 drones at Odesa overnight, officials said."
    for event in everything(text):
        assert "Port" not in (event.actor or "")


def test_an_armed_speaker_striking_is_a_military_strike() -> None:
    text = ("Russian drones hit Odesa on Monday. Ukraine's military said it struck an ammunition depot "
            "in Russia in response to the attacks.")
    attacks, responses = run(text)
    assert len(attacks) == 1 and len(responses) == 1
    assert responses[0].category == "Air/drone strike"


def test_ranges_and_ways_are_no_shooting_or_storming() -> None:
    assert everything("Members used the new shooting range on Sunday.") == []
    assert everything("The Panthers stormed their way to the title in Montgomery.") == []


def test_groups_described_as_fighting_are_no_clash() -> None:
    assert everything("Turkey backs some of the rebel groups fighting to topple the government.") == []


def test_one_of_the_bombs_told_of_is_the_same_strike() -> None:
    from geo.events.mentions import build_mention

    doc = nlp()("One of the bombs hit a school, the mayor said. One bomb hit a school.")
    told, new = (build_mention(sent, sent[4 if i == 0 else 2], "strike", False) for i, sent in enumerate(doc.sents))
    assert (told.trigger.text, told.anaphoric) == ("hit", True) and (new.trigger.text, new.anaphoric) == ("hit", False)
    (event,) = everything("Jets struck Kharkiv with four glide bombs on Monday, killing two people. One of the bombs "
                          "hit a school in Kharkiv, the mayor said.")
    assert event.killed == 2 and len(event.mentions) == 2


def test_an_accused_act_on_another_target_is_another_act() -> None:
    found = everything("Mortar shells hit a displacement camp near Kharkiv on Tuesday, killing seven civilians. "
                       "The army accused rebel troops of shelling its positions near the border.")
    assert len(found) == 2 and [e.killed for e in found if e.actor] == [None]


def test_an_assault_on_the_defences_or_environs_of_a_town_is_placed_at_the_town() -> None:
    (defences,) = everything("Militants launched an assault on the northern defenses of Kaduna on Monday.")
    assert defences.place == "Kaduna"
    (environs,) = everything("Artillery shelled the environs of Kharkiv overnight.")
    assert environs.place == "Kharkiv"


def test_an_attack_word_that_qualifies_an_adjective_of_a_weapon_names_no_act() -> None:
    # "one-way attack unmanned aerial system": the parse hangs "attack" on "unmanned", not on the system.
    text = "On Friday, gunmen launched a one-way attack unmanned aerial system from a field near Kharkiv toward a depot."
    assert [(e.kind, e.actor) for e in analyze(text, published=date(2024, 3, 5)).events] == [("attack", "gunmen")]


def test_an_answer_with_a_target_of_its_own_is_not_the_attack_it_answers() -> None:
    # (and "F-15E Strike Eagles", the aircraft's model parsed apart from its name, are armed strikers)
    text = ("Later that day, several rockets were fired at Camp Tarsa in eastern Syria. No injuries were reported. "
            "In response to the attacks, U.S. F-15E Strike Eagles struck a weapons storage facility near Mayadin late "
            "Thursday.")
    report = analyze(text, published=date(2024, 3, 4))
    assert [a.target for a in report.attacks] == ["Camp Tarsa"]
    assert [r.target for r in report.responses] == ["a weapons storage facility"]
