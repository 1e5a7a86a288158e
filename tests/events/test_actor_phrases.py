"""Who did an act and on whom (geo/events/actor_phrases.py, the target heads of geo/events/mentions.py,
the trigger filter of geo/events/triggers.py): made-up sentences in the shapes wire copy uses."""

from __future__ import annotations

from datetime import date

from geo.events.actor_phrases import actor_of
from geo.events.extract import extract_events
from geo.model import Event
from geo.pipeline import analyze
from tests.events.helpers import nlp, toponyms_for


def attacks_of(text: str) -> list[Event]:
    attacks, _ = extract_events(nlp()(text), toponyms_for(text))
    return attacks


def events_of(text: str) -> list[Event]:
    attacks, responses = extract_events(nlp()(text), toponyms_for(text))
    return attacks + responses


def test_where_a_claim_was_posted_is_not_the_target() -> None:
    for text in ("A group calling itself the Northern Front claimed the attack on its Telegram channel on Friday.",
                 "Gunmen claimed an attack on social media."):
        assert [a.target for a in attacks_of(text)] == [None]


def test_the_subject_of_a_participle_of_harm_is_the_victims_not_the_doers() -> None:
    text = ("Six villagers were killed and 12 others wounded on Tuesday when soldiers backed by a drone "
            "stormed a village near Kandahar.")
    attacks = attacks_of(text)
    assert len(attacks) == 1 and attacks[0].actor is None
    assert attacks[0].killed == 6 and attacks[0].injured == 12


def test_harm_verbs_sharing_an_attack_noun_as_subject_are_that_attack() -> None:
    text = "Russian artillery and drone attacks killed four civilians and wounded at least nine near Kyiv on Monday."
    attacks = attacks_of(text)
    assert len(attacks) == 1
    assert attacks[0].actor == "Russia" and attacks[0].killed == 4 and attacks[0].injured == 9


def test_a_weapon_that_did_the_act_is_the_means_not_the_actor() -> None:
    attacks = attacks_of("The air base near Kandahar was hit by at least six missiles, damaging a taxiway.")
    assert len(attacks) == 1 and attacks[0].actor is None
    assert attacks[0].category == "Shelling/artillery/missile attack"
    attacks = attacks_of("The depot near Kandahar was hit by Israeli jets on Monday.")
    assert attacks[0].actor == "Israel" and attacks[0].category == "Air/drone strike"
    attacks = attacks_of("A militant camp near Kandahar was struck by Ghana Air Force jets.")  # a side not listed
    assert attacks[0].actor == "Ghana Air Force jets"
    attacks = attacks_of("A militant camp near Kandahar was struck by Philippine Air Force jets.")  # a side listed
    assert attacks[0].actor == "Philippines"


def test_drones_launched_by_a_group_are_that_groups_act() -> None:
    text = ("KANDAHAR, June 14 (Wire) - Drones launched by the paramilitary Rapid Support Forces (RSF) struck a fuel "
            "depot and a market in Kandahar on Friday night, killing nine civilians.")
    attacks = attacks_of(text)
    assert len(attacks) == 1 and attacks[0].actor == "Rapid Support Forces (RSF)"


def test_who_responded_with_strikes_struck() -> None:
    _, responses = extract_events(nlp()(
        "The army responded with air strikes on rebel positions near Kandahar."), toponyms_for("Kandahar"))
    assert [r.actor for r in responses] == ["army"]


def test_our_forces_in_a_spokesmans_words_are_his_service() -> None:
    text = ('"Our forces intercepted most of the drones before they reached their targets," an army spokesman '
            "said on Friday.")
    _, responses = extract_events(nlp()(text), toponyms_for(text))
    assert [r.actor for r in responses] == ["the army"]


def test_a_dateline_the_parser_took_for_a_subject_is_not_the_speaker_a_pronoun_names() -> None:
    found = attacks_of("DUBAI, March 2 (Wire) - Houthi rebels said on Sunday they had fired two missiles at a tanker "
                       "in the Red Sea.")
    assert [e.actor for e in found] == ["Houthi rebels"]


def test_the_accused_is_the_actor_of_what_they_are_accused_of() -> None:
    found = attacks_of("Rebel leaders denied any losses and accused the army of bombing villages near Kharkiv with "
                       "drones.")
    assert [e.actor for e in found] == ["army"]


def test_condemning_on_x_names_no_target() -> None:
    found = attacks_of("A suicide bomber blew himself up inside a mosque in Kharkiv on 12 September 2025, killing 14. "
                       "The spokesman condemned the bombing on X.")
    assert len(found) == 1 and found[0].target != "X"


def test_who_carried_out_dozens_of_attacks_did_them() -> None:
    found = attacks_of("The Northern Front has carried out dozens of attacks on mosques and schools in Kharkiv.")
    assert [e.actor for e in found] == ["Northern Front"]


def test_a_country_in_the_dateline_is_not_the_owner_of_the_weapons_after_it() -> None:
    # The parser hangs the dateline's country on "drones" as a compound (whole pipeline: its paragraphs rule).
    text = ("Turkish drones strike SDF positions near Manbij; SDF says three fighters killed\n\n"
            "HASAKAH, Syria — Turkish drones struck positions of the Kurdish forces near Manbij on Wednesday night.")
    assert [e.actor for e in analyze(text).events] == ["Turkey"]


def test_a_named_warship_that_shot_down_drones_is_the_actor_but_a_weapons_name_is_not() -> None:
    found = events_of("The destroyer USS Harlow shot down three drones over the sea near Odesa on Monday.")
    assert [e.actor for e in found] == ["USS Harlow"]
    assert [a.actor for a in attacks_of("A missile, a Kh-101, struck a school in Kharkiv.")] == [None]


def test_fighting_between_two_sides_is_between_them_whoever_it_killed() -> None:
    found = attacks_of("Fighting between the army and rebels near Kharkiv killed five civilians on Monday.")
    assert [(a.actor, a.target, a.killed) for a in found] == [("army", "rebels", 5)]


def test_the_second_side_of_a_clash_is_found_where_the_parse_takes_it_for_a_subject() -> None:
    # The parser reads "the SDF around the dam" as a second subject of "had killed".
    text = ("The observatory, a war monitor, said clashes between Turkish-backed factions and the SDF around the dam "
            "had killed at least 19 fighters from both sides since Sunday.")
    assert [(a.actor, a.target) for a in attacks_of(text)] == [("Turkish-backed factions", "the SDF")]


def test_its_fighters_are_the_side_of_the_speaker_the_sentence_before_named() -> None:
    text = ("In a statement, the Taliban's media office said the strikes hit a checkpoint near Kandahar.\n"
            "It blamed Kabul for the raid and said its fighters had shot down a drone over the valley.")
    assert [e.actor for e in events_of(text) if "drone" in (e.target or "")] == ["Taliban"]


def test_its_air_defences_are_the_side_of_the_ministry_that_says_so() -> None:
    text = "Russia's Defense Ministry said Thursday its air defenses had destroyed 40 Ukrainian drones over Kharkiv."
    assert [e.actor for e in events_of(text)] == ["Russia"]


def test_the_subject_of_a_verb_of_dying_is_not_the_doer_of_the_shelling_it_died_in() -> None:
    found = attacks_of("The two deaths came after one woman died Wednesday in Russian shelling in Kharkiv.")
    assert [a.actor for a in found] in ([None], ["Russia"])


def test_a_side_named_exactly_and_the_tables_one_state_row_feeds() -> None:
    from geo.events import actors

    assert actors.named_exactly("the RSF") == "Rapid Support Forces (RSF)"
    assert actors.named_exactly("Port Sudan") is None and actors.named_exactly("RSF drones") is None
    assert actors.COUNTRY_FAMILY["AF"] == "Afghanistan" and "kabul" in actors.CAPITAL_ALIASES
    assert actors.actor_family("Kabul") == "Afghanistan" and "Afghanistan" in actors.STATES


def test_a_group_whose_name_begins_with_an_arabic_article_is_named_whole() -> None:
    (attack,) = attacks_of("This follows al-Shabaab's March 3 mortar attack on a market in Kharkiv that killed four "
                           "civilians.")  # the parse hangs 'al' on the attack, the rest on the possessive
    assert attack.actor == "al-Shabaab"


def test_fighters_from_a_named_group_are_that_group() -> None:
    (attack,) = attacks_of("Fighters from the paramilitary Northern Front stormed a village near Kharkiv on Sunday.")
    assert attack.actor == "paramilitary Northern Front"


def test_the_pakistani_taliban_spelled_tehreek_is_that_group_not_pakistan() -> None:
    from geo.events.actors import actor_family

    assert actor_family("the Tehreek-e-Taliban Pakistan") == actor_family("TTP") != actor_family("Pakistan")


def test_a_force_named_in_compounds_before_its_aircraft_is_the_doer() -> None:
    found = attacks_of("A Nigerian Air Force jet bombed a camp near Kaduna.")
    assert [a.actor for a in found] == ["Nigerian Air Force"]


def test_it_after_two_conjoined_verbs_is_what_the_first_one_took() -> None:
    events = events_of("A gunship spotted a convoy of trucks near Kaduna and then struck it.")
    assert [e.target for e in events] == ["a convoy of trucks"]
    assert [e.category for e in events_of("A drone tracked a car near Kaduna and bombed it.")] == ["Air/drone strike"]


def test_those_who_did_an_act_name_no_doer() -> None:
    text = ("The United States condemns the November 17 attack on a passenger bus outside Kaduna. Those who carried "
            "out this attack must be held to account.")
    assert [(a.actor, a.target) for a in attacks_of(text)] == [(None, "a passenger bus")]


def test_they_in_a_clause_of_the_doers_is_the_doers_not_the_source_that_tells_it() -> None:
    doc = nlp()("According to the regional relief agency, the gunmen killed nine people in Kharkiv as they fired "
                "into homes and looted a clinic.")
    looted = next(t for t in doc if t.text == "looted")
    assert actor_of(looted, looted, doc[:]) == "the gunmen"
    # "According to the ministry, they shelled a clinic": the speaker still, when no doer is told before it
    spoken = nlp()("According to the ministry, they shelled a clinic in Kharkiv on Monday.")
    shelled = next(t for t in spoken if t.text == "shelled")
    assert actor_of(shelled, shelled, spoken[:]) == "the ministry"


def test_they_in_a_clause_of_the_doers_act_are_the_doers_not_those_who_told_it() -> None:
    attacks = attacks_of("Gunmen killed six people when they stormed a village near Kharkiv late Sunday, residents "
                         "said.")
    assert [e.actor for e in attacks] == ["Gunmen"]
    assert [e.actor for e in attacks_of("Rebel officials said they attacked a police post near Kharkiv.")] == [
        "Rebel officials"]


def test_a_weapon_described_by_where_it_stood_is_no_doer_named_by_the_participle() -> None:
    (attack,) = attacks_of("On Monday, artillery positioned near Kherson was shelling the town of Kramatorsk.")
    assert attack.actor is None and attack.place == "Kramatorsk"
    (attack,) = attacks_of("On Monday, militants attacked soldiers stationed in Kharkiv.")
    assert attack.place == "Kharkiv"


def test_harm_inflicted_on_the_enemy_by_armed_units_is_an_attack_on_them() -> None:
    (attack,) = attacks_of("On Tuesday, units of the Vostok group inflicted defeat on formations of a brigade "
                           "near Kramatorsk.")
    assert (attack.actor, attack.target, attack.place) == ("units of the Vostok group", "formations of a brigade",
                                                           "Kramatorsk")
    (attack,) = attacks_of("Ukrainian troops inflicted heavy losses on Russian units near Kharkiv on Monday.")
    assert attack.target == "Russian units"
    assert attacks_of("The drought inflicted heavy losses on farmers near Kherson.") == []


def test_armed_men_who_came_at_positions_attacked_them() -> None:
    (attack,) = attacks_of("On Saturday the rebels came at our positions near Kherson from three sides.")
    assert (attack.actor, attack.target, attack.place) == ("rebels", "our positions", "Kherson")
    assert attacks_of("The news came at a bad time for the garrison in Kherson.") == []


def test_the_coalitions_aircraft_are_the_coalition() -> None:
    actors_found = [e.actor for e in attacks_of("Coalition jets bombed a rebel camp near Kharkiv on Tuesday.")]
    assert actors_found == ["Coalition"]


def test_plain_nouns_name_a_side_only_when_no_name_does() -> None:
    from geo.events.actors import generic_side
    assert generic_side("a band of insurgents") == generic_side("insurgent hideouts") == "irregulars"
    assert generic_side("troops") == generic_side("a police station") == "state forces"
    assert generic_side("Houthi rebels") is None  # the name says the side
    assert generic_side("the attackers") is None  # a role either side may have
    assert generic_side("soldiers and rebels") is None


def test_the_people_who_ordered_an_attack_are_no_actor() -> None:
    text = ('Rockets hit a police post near Omdurman on Friday. "The people who ordered that attack will answer for '
            'it," the governor said.')
    assert [a.actor for a in attacks_of(text)] == [None]
    assert [a.actor for a in attacks_of(text.replace("The people who ordered", "The rebels who ordered"))] == ["rebels"]


def test_the_that_opening_a_reported_clause_is_no_part_of_the_doers() -> None:
    from geo.events.lexicon import clean_phrase

    # "... said the enemy sent drones, and that mobile fire groups downed 47": "that" read as a determiner
    assert clean_phrase("that mobile fire groups") == "mobile fire groups"
    assert clean_phrase("that village") == "that village"  # a determiner of one thing stays


def test_air_force_aircraft_are_the_air_forces() -> None:
    text = ("Gunmen stormed an army post near Tarsa on Tuesday. In a statement read on state television late "
            "Wednesday, the army said air force aircraft had struck several terrorist groups fleeing the area on "
            "Tuesday afternoon, killing about 40.")
    _, responses = extract_events(nlp()(text), toponyms_for(text))
    assert [r.actor for r in responses] == ["air force"]


def test_fire_from_a_sides_positions_is_that_sides() -> None:
    found = attacks_of("Artillery fire from RSF positions near Tarsa hit homes on Monday, killing four people.")
    assert [a.actor for a in found] == ["RSF"]
    found = attacks_of("Two rockets fired from Hezbollah positions hit a house in Dorn on Tuesday.")
    assert [a.actor for a in found] == ["Hezbollah"]
    found = attacks_of("Gunmen from the village of Kelo attacked a police post near Tarsa on Monday.")
    assert [a.actor for a in found] == ["Gunmen"]  # a village is no side's ground


def test_the_doer_named_right_after_a_dateline_carries_out_the_act() -> None:
    report = analyze("MOGADISHU, Somalia – U.S. Africa Command (AFRICOM) carried out an airstrike on March 2, 2024, in "
                     "collective self-defense of Somali forces who came under attack by militants near Jowhar.")
    assert [r.actor for r in report.responses] == ["U.S. Africa Command (AFRICOM)"]


def test_a_branch_of_the_islamic_state_named_with_its_country_is_the_group_not_the_country() -> None:
    from geo.events.actors import actor_family

    assert actor_family("ISIS-Somalia") == actor_family("ISIS") and actor_family("IS-Sahel") == actor_family("ISIS")
    assert actor_family("the Russia-Ukraine war") is None and actor_family("Hezbollah-Israel clashes") is None
    text = "On Monday, ISIS-Somalia attacks on Puntland positions near Bosaso killed five soldiers."
    attacks, _ = extract_events(nlp()(text), toponyms_for(text))
    assert [a.actor for a in attacks] == ["ISIS-Somalia"]


def test_gulf_states_and_others_whose_forces_act_in_the_news_are_sides() -> None:
    from geo.events.actors import actor_family, readable_actor

    assert actor_family("Qatari air defenses") == actor_family("Doha") == "Qatar"
    assert actor_family("Philippine Air Force jets") == actor_family("Filipino troops") == "Philippines"
    assert readable_actor("Philippine") == "Philippines" and readable_actor("Kuwaiti") == "Kuwait"


def test_the_doer_of_an_attempt_to_attack_is_who_made_it_not_the_attempt() -> None:
    found = events_of("On Friday, rebel fighters made a third attempt to storm the checkpoint.")
    assert [(e.actor, e.target) for e in found] == [("rebel fighters", "the checkpoint")]


def test_a_town_named_before_an_act_noun_is_where_not_who_when_the_text_puts_things_on_its_outskirts() -> None:
    found = events_of("A drone hit a tractor on the outskirts of Kupiansk on Friday, killing its driver. The ministry "
                      "did not comment on the Kupiansk strike.")
    assert [(e.actor, e.target) for e in found] == [(None, "a tractor")]


def test_fighting_between_the_two_sides_names_no_doer() -> None:
    found = events_of("On Monday, a rocket fired from across the border hit a barn near Kiryat Shmona, in the fiercest "
                      "fighting between the two sides in months.")
    assert found and all(e.actor is None for e in found)


def test_a_doer_with_no_letters_is_none() -> None:
    from geo.events.draft import Draft
    from geo.events.finish import to_event

    sentence = next(nlp()("* May 8 - Jets struck two depots near Mayadin.").sents)
    draft = Draft("attack", "Air/drone strike", {"strike"}, None, 0, actor="*", target="two depots",
                  sentences=[sentence])
    assert to_event(draft).actor is None
    draft.actor = "Army jets"
    assert to_event(draft).actor == "Army jets"


def test_we_in_a_quote_of_a_titled_speaker_is_his_side_not_his_title() -> None:
    found = events_of('Cruise missiles fired from a Navy warship hit a radar site near Zabid on Monday. "Our assessment '
                      'is that we destroyed the radar and two launchers," the admiral said.')
    assert found and all(e.actor != "admiral" for e in found)


def test_on_dozens_of_occasions_is_how_often_not_the_target() -> None:
    report = analyze("Militia fighters have also fired rockets and drones at army bases in Anbar province on dozens "
                     "of occasions.", published=date(2024, 3, 6))
    assert [e.target for e in report.attacks] == ["army bases"]
    found = events_of("The attacks on dozens of occasions hit army bases near Jilib, officials said.")
    assert [e.target for e in found] == ["army bases"]


def test_the_group_named_before_the_weapons_of_a_nominal_attack_did_it() -> None:
    found = attacks_of("The ministry called the raid retaliation for an RSF rocket and drone attack on an army base "
                       "near Zelin.")
    assert [e.actor for e in found] == ["RSF"]


def test_a_group_whose_name_ends_in_a_country_is_not_that_country() -> None:
    found = attacks_of("Officials called the shelling revenge for a Tehrik-i-Taliban Pakistan (TTP) assault on a police "
                       "station in Lakki Marwat.")
    assert [e.actor for e in found] == ["Tehrik-i-Taliban Pakistan"]


def test_a_spokesmans_own_forces_are_his_side_not_him() -> None:
    found = events_of("The Harrow Front's spokesman said his forces had shot down an army drone over Kalo.")
    assert [e.actor for e in found] == ["Harrow Front"]
    found = events_of("A Joint Forces spokesman said his fighters repelled an assault on Kalo.")
    assert "Joint Forces" in [e.actor for e in found] and not any("his" in (e.actor or "").split() for e in found)


def test_its_weapons_and_crews_are_the_speakers_side_also_in_the_next_sentence() -> None:
    found = events_of("Russia's defence ministry said its air defence systems intercepted 21 drones over Kalo.")
    assert [e.actor for e in found] == ["Russia"]
    found = events_of("The Sudanese army said on Monday that its forces had raided a depot near Kalo. Its forces also "
                      "struck a convoy near Dorvani on Tuesday.")
    assert [e.actor for e in found] == ["Sudan", "Sudan"]


def test_the_group_that_acts_after_an_armed_group_was_named_is_that_group() -> None:
    found = events_of("The Houthis vowed revenge on Sunday. Their spokesman said the group had fired two missiles at "
                      "a tanker off Kalo.")
    assert [e.actor for e in found] == ["Houthis"]


def test_these_groups_are_the_doers_told_before() -> None:
    found = events_of("Kalo-backed militia groups attacked a base near Dorvani on Sunday, killing three soldiers. "
                      "These groups have carried out 27 attacks on the base since October.")
    assert [e.actor for e in found] == ["Kalo-backed militia groups"] * 2
