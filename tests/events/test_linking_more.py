"""Mentions that tell one event, and what they tell of it: captions, anaphora, actors. Made-up texts."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from geo.events.context import find_mentions
from geo.events.dates import resolve_date
from geo.events.extract import extract_events
from geo.events.introduced import quoted
from geo.model import Article, Event
from geo.pipeline import analyze, analyze_article
from tests.events.helpers import nlp, toponyms_for


def run(text: str) -> tuple[list[Event], list[Event]]:
    return extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))


def everything(text: str, published: date | None = date(2024, 2, 12)) -> list[Event]:
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=published)
    return attacks + responses


def test_a_caption_printed_twice_tells_the_storys_event_at_its_place() -> None:
    caption = ("A man walks past a house hit by what activists said were airstrikes by government forces, in Kharkiv, "
               "Ukraine, Feb. 11, 2024.")
    text = (f"{caption}\n{caption}\n\nAt least nine people were killed in Russian airstrikes on Kharkiv on Sunday, "
            "officials said.")
    events = everything(text)
    assert len(events) == 1 and events[0].killed == 9


def test_a_caption_of_another_place_is_an_event_of_its_own() -> None:
    text = ("FILE - Firefighters work at a depot after what officials said was shelling in Odesa.\n\n"
            "Russian missiles hit Kharkiv on Sunday, killing four people.")
    assert sorted(e.place or "" for e in everything(text)) == ["Kharkiv", "Odesa"]


def test_a_caption_of_an_act_of_another_month_is_an_event_of_its_own() -> None:
    text = ("FILE - Smoke rises over a village near Kharkiv after an airstrike in March 2023.\n\n"
            "Russian jets bombed a village near Kharkiv on Sunday, killing four people.")
    assert sorted((e.date, e.date_precision) for e in everything(text)) == [
        (date(2023, 3, 1), "month"), (date(2024, 2, 11), "day")]


def test_this_marks_the_nth_attack_is_the_same_attack() -> None:
    text = ("Rebels attacked a cargo ship in the Red Sea on Sunday. This marks the fourth attack by the rebels on "
            "the ship.")
    assert len(everything(text)) == 1


def test_a_states_war_on_another_is_no_event() -> None:
    text = "A view shows a busy market, amid Russia's attack on Ukraine. Russian drones hit Odesa on Sunday."
    assert [e.place for e in everything(text)] == ["Odesa"]
    assert len(everything("Russia launched a drone attack on Kyiv on Tuesday.")) == 1  # a city: one attack


def test_who_claimed_an_attack_did_it_and_who_condemned_it_did_not() -> None:
    (event,) = everything("A car bomb exploded at a checkpoint in Kandahar on Monday. The Taliban claimed "
                          "responsibility for the attack, which was condemned by the United Nations.")
    assert event.actor == "Taliban"


def test_a_capital_naming_an_attack_is_its_place_not_its_actor() -> None:
    attacks, _ = extract_events(nlp()("The Kabul airport attack killed dozens."), [])
    assert attacks and attacks[0].actor is None


def test_the_town_named_after_near_another_is_the_place() -> None:
    text = ("Air strikes on a town near Kyiv killed 12 people on Sunday. The attack on the town of Irpin was the "
            "deadliest this month.")
    toponyms = toponyms_for(text)
    from geo.model import Toponym
    start = text.index("Irpin")
    toponyms.append(Toponym(start, start + 5, "Irpin", "Irpin", "city", "UA", 50.52175, 30.25055, 702569, 0.9))
    attacks, _ = extract_events(nlp()(text), sorted(toponyms, key=lambda t: t.start), published=date(2024, 2, 12))
    assert [a.place for a in attacks] == ["Irpin"]


def test_the_strikes_after_shelling_are_the_shelling() -> None:
    text = "Russian shelling hit several villages on Thursday. Four people were injured in the strikes."
    events = everything(text)
    assert len(events) == 1 and events[0].injured == 4


def test_a_day_just_after_publication_is_this_years() -> None:
    assert resolve_date("27 August", date(2021, 8, 26)) == date(2021, 8, 27)
    assert resolve_date("27 November", date(2021, 8, 26)) == date(2020, 11, 27)


def test_where_a_missile_was_launched_from_places_the_launch_and_its_interception() -> None:
    text = "Navy destroyers shot down a cruise missile launched from Yemen on Tuesday."
    assert {e.kind: e.place for e in everything(text)} == {"attack": "Yemen", "response": "Yemen"}


def test_a_launch_from_somewhere_is_placed_where_it_landed_when_the_text_says() -> None:
    text = "Militants launched rockets from Lebanon at Kiryat Shmona on Tuesday."
    assert [e.place for e in everything(text)] == ["Qiryat Shemona"]


def test_a_town_listed_after_including_is_a_place_of_the_attack() -> None:
    text = "Russian drones struck several towns on Sunday, including Kherson, killing two people."
    assert [e.place for e in everything(text)] == ["Kherson"]


def test_a_station_of_the_city_of_a_town_is_in_that_town() -> None:
    text = "A missile hit the railway station of the city of Kramatorsk on Friday, killing 50 people."
    assert [e.place for e in everything(text)] == ["Kramatorsk"]


def test_a_caption_places_what_it_shows_where_the_photo_was_taken_and_its_date_is_the_photos() -> None:
    text = ("Officials said drones hit Odesa on Monday, killing two people.\n\n"
            "A man stands by a depot damaged by a missile strike, in Kharkiv, Ukraine, Feb. 9, 2024. "
            "Shelling in the area has intensified.")
    caption = [e for e in everything(text) if e.place == "Kharkiv"]
    assert len(caption) == 1 and caption[0].date is None


def test_a_photo_taken_before_an_act_does_not_show_it() -> None:
    text = ("Russian missiles hit Kharkiv on Sunday, killing four people.\n\n"
            "A woman walks past a house hit by a missile strike, in Kharkiv, Ukraine, Feb. 2, 2024.")
    assert len(everything(text)) == 2


def test_the_sentences_after_a_captions_place_and_date_belong_to_the_caption() -> None:
    text = ("A view shows a school damaged by a missile strike, in Kharkiv, Ukraine, Feb. 9, 2024. "
            "Shelling in the region on Feb. 10 killed three civilians.\n\n"
            "Russian shelling on Saturday killed three civilians in Kharkiv, officials said.")
    shelling = [e for e in everything(text) if e.date == date(2024, 2, 10)]
    assert len(shelling) == 1 and len(shelling[0].mentions) == 2


def test_an_interception_no_word_places_is_over_the_country_that_intercepted() -> None:
    text = "Israel said it intercepted a missile launched from Yemen on Monday night."
    response = [e for e in everything(text) if e.kind == "response"]
    assert [(e.place, e.date) for e in response] == [("Israel", date(2024, 2, 12))]
    assert "over Israel" not in response[0].summary


def test_a_side_named_only_as_a_side_intercepts_where_its_people_are_not_over_home() -> None:
    text = ("On Tuesday, militants fired four rockets at Camp Kestrel from a field east of the river. US "
            "counter-rocket systems intercepted two of the rockets, and the others landed in an empty area.")
    response = [e for e in everything(text) if e.kind == "response"]
    assert len(response) == 1 and response[0].place != "United States"
    assert [e.place for e in everything(text.replace("Camp Kestrel", "US forces in Iraq"))
            if e.kind == "response"] == ["Iraq"]


def test_a_side_shooting_down_a_drone_after_one_struck_near_a_town_abroad_is_not_over_home() -> None:
    # The attack just before has no target, only a place: the interception is there, not over the US.
    text = ("Early Tuesday, a drone struck near a patrol base outside Al Qaim. Two soldiers were treated for "
            "concussions. A second drone was shot down by US air defenses minutes later.")
    response = [e for e in everything(text) if e.kind == "response"]
    assert len(response) == 1 and response[0].place == "Al Qa'im"


def test_an_interception_no_word_places_is_where_the_attack_it_answered_was() -> None:
    text = ("Militants launched a drone attack on Kharkiv on Sunday. "
            "Air defences shot down four drones, the army said.")
    assert [e.place for e in everything(text) if e.kind == "response"] == ["Kharkiv"]


def test_the_tally_of_a_barrage_on_several_towns_is_over_their_country() -> None:
    text = ("Russian missiles hit a school in Kharkiv overnight, killing two people, officials said. Drones also "
            "struck a depot in Odesa. Ukraine's air force said Russia launched 90 drones and five missiles during the "
            "night. Air defences shot down 70 of the drones and three of the missiles, it said.")
    assert [e.place for e in everything(text) if e.kind == "response"] == ["Ukraine"]
    one_town = text.replace("Drones also struck a depot in Odesa. ", "")
    assert [e.place for e in everything(one_town) if e.kind == "response"] == ["Kharkiv"]
    a_few = text.replace("70 of the drones and three of the missiles", "four of the drones")
    assert [e.place for e in everything(a_few) if e.kind == "response"] != ["Ukraine"]


def test_the_side_that_was_struck_acting_is_another_act() -> None:
    text = "U.S. forces struck militants near Kharkiv on Monday in self-defense. Later, armed militants attacked the base."
    assert {(e.kind, e.actor, e.target) for e in everything(text)} == {
        ("response", "U.S. forces", "militants"), ("attack", "armed militants", "the base")}


def test_what_the_strikes_hit_in_a_coordinated_clause_tells_where_they_were() -> None:
    text = ("Officials said airstrikes killed 12 people on Sunday. The strikes happened overnight and hit several "
            "areas in Ukraine, including the city of Kharkiv.")
    assert [e.place for e in everything(text)] == ["Kharkiv"]


def test_the_second_explosion_of_a_double_bombing_is_part_of_it() -> None:
    text = ("On Sunday, 30 people were killed by a double car bombing in Kharkiv. The first explosion struck a "
            "market. A second explosion occurred minutes later.")
    events = everything(text)
    assert [(e.count, e.killed) for e in events] == [(2, 30)] and len(events[0].mentions) == 3


def test_an_act_told_to_compare_with_is_no_antecedent() -> None:
    text = ("A car bombing killed 30 people in Kharkiv on Sunday, the deadliest attack since the 2019 Odesa "
            "bombings. The bombing happened at noon.")
    events = everything(text)
    assert [(e.place, len(e.mentions)) for e in events] == [("Kharkiv", 2), ("Odesa", 1)]


def test_an_act_in_a_month_is_the_one_told_on_a_day_of_it() -> None:
    text = ("The attack was the deadliest since the 14 October 2017 bombings in Odesa. The square was the site "
            "of a deadlier bombing in October 2017.")
    assert len([e for e in everything(text) if e.date and e.date.year == 2017]) == 1


def test_an_act_months_before_the_story_is_no_antecedent_of_the_attack() -> None:
    text = ("A drone strike hit Kharkiv on 10 February 2024, killing 20 people. Such strikes are not new: a drone "
            "strike in Odesa in March 2023 killed three others. Survivors of the attack said there was no warning.")
    events = everything(text)
    assert [(e.place, len(e.mentions)) for e in events] == [("Kharkiv", 2), ("Odesa", 1)]


def _parsed(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """A sentence with the parse given: (word, lemma, pos, tag, head index, dep) per token."""
    words, lemmas, pos, tags, heads, deps = (list(column) for column in zip(*rows))
    return Doc(nlp().vocab, words=words, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_a_clause_in_which_an_act_is_told_joins_the_act_it_is_about_however_parsed() -> None:
    doc = _parsed([("Officials", "official", "NOUN", "NNS", 1, "nsubj"), ("condemned", "condemn", "VERB", "VBD", 1, "ROOT"),
                   ("the", "the", "DET", "DT", 3, "det"), ("attack", "attack", "NOUN", "NN", 1, "dobj"),
                   (",", ",", "PUNCT", ",", 3, "punct"), ("in", "in", "ADP", "IN", 8, "prep"),
                   ("which", "which", "PRON", "WDT", 5, "pobj"), ("gunmen", "gunman", "NOUN", "NNS", 8, "nsubj"),
                   ("killed", "kill", "VERB", "VBD", 3, "relcl"), ("37", "37", "NUM", "CD", 10, "nummod"),
                   ("civilians", "civilian", "NOUN", "NNS", 8, "dobj"), (".", ".", "PUNCT", ".", 1, "punct")])
    assert len(find_mentions(doc[:], [], None)) == 1


def test_the_latest_assault_an_act_is_called_is_that_act_however_parsed() -> None:
    doc = _parsed([("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"), ("struck", "strike", "VERB", "VBD", 1, "ROOT"),
                   ("a", "a", "DET", "DT", 3, "det"), ("ship", "ship", "NOUN", "NN", 1, "dobj"),
                   (",", ",", "PUNCT", ",", 1, "punct"), ("in", "in", "ADP", "IN", 12, "prep"),
                   ("the", "the", "DET", "DT", 8, "det"), ("latest", "late", "ADJ", "JJS", 8, "amod"),
                   ("assault", "assault", "NOUN", "NN", 5, "pobj"), ("on", "on", "ADP", "IN", 8, "prep"),
                   ("a", "a", "DET", "DT", 11, "det"), ("route", "route", "NOUN", "NN", 9, "pobj"),
                   ("vowed", "vow", "VERB", "VBD", 1, "conj"), (".", ".", "PUNCT", ".", 1, "punct")])
    assert len(find_mentions(doc[:], [], None)) == 1


def test_what_someone_does_after_the_act_referred_back_to_is_another_act() -> None:
    events = everything("A bomb exploded at a market in Kyiv, killing nine people. After the bombing, police "
                        "raided a militant hideout in Kyiv.")
    assert len(events) == 2 and {e.actor for e in events} == {None, "police"}


def test_an_act_referred_back_to_takes_neither_the_place_nor_the_day_of_what_followed() -> None:
    events = everything("A bomb exploded at a market in Kyiv on Saturday, killing nine people. A day after the "
                        "bombing, police raided a militant hideout near Kharkiv, killing six militants.")
    by_kind = {e.kind: e for e in events}
    assert len(events) == 2 and by_kind["attack"].place == "Kyiv" and by_kind["attack"].killed == 9
    assert by_kind["response"].place == "Kharkiv" and by_kind["response"].date == date(2024, 2, 11)


def test_the_attackers_acting_after_the_blast_go_on_with_the_same_assault() -> None:
    events = everything("A car bomb exploded at the gate of a police station in Kyiv on Saturday. Two gunmen who "
                        "tried to storm the station after the blast were shot dead by guards.")
    assert [e.kind for e in events].count("attack") == 1


def test_the_act_referred_back_to_at_a_place_is_the_one_told_there() -> None:
    events = everything("A military jet bombed a market in Kharkiv on Monday, killing 11 people. On Tuesday, fighters "
                        "struck a police station with drones. Officials did not comment on the airstrike on Kharkiv.")
    assert len(events) == 2
    police = next(e for e in events if e.target == "a police station")
    assert police.place is None and len(police.mentions) == 1


def test_a_place_across_which_another_lies_is_not_where_it_happened() -> None:
    (event,) = everything("Artillery fire hit residential areas of Kherson, across the Dnipro River from the "
                          "occupied bank, on Sunday.")
    assert event.place == "Kherson"


def test_the_harm_an_act_did_or_did_not_do_is_no_target() -> None:
    events = everything("Militants fired rockets at a base near Kyiv on Monday. The rockets landed outside the "
                        "perimeter and caused no damage.")
    assert len(events) == 1 and events[0].target == "a base"
    alone = everything("The rockets landed outside the perimeter of the base in Kyiv and caused no damage.")
    assert all("damage" not in (e.target or "") for e in alone)


def test_what_its_side_owns_is_no_actor_unless_it_fights() -> None:
    events = everything("According to the army, the convoy was heading to Kyiv when a roadside bomb struck its "
                        "lead vehicle and gunmen on motorcycles opened fire from both sides of the road.")
    assert events and all(e.actor in {None, "gunmen"} for e in events)


def test_a_weapon_named_after_an_act_tells_no_act_of_its_own() -> None:
    events = everything("On Monday, militants fired rockets and launched two one-way attack uncrewed aerial systems "
                        "toward a base near Kyiv.")
    assert events and all(e.count is None for e in events)  # not "2 attacks"


def test_a_river_placed_near_the_town_does_not_replace_the_town() -> None:
    (event,) = everything("Jets struck fuel depots near Kharkiv on Monday, killing two guards. The strikes hit depots "
                          "along the Lopan River.")
    assert event.place == "Kharkiv"


def test_a_claim_of_the_act_made_on_a_later_day_is_the_same_act() -> None:
    text = ("Gunmen ambushed a police patrol near Mopti on Saturday, killing four officers. "
            "The Liberation Front claimed the ambush in a statement released on Monday.")
    events = everything(text, published=date(2025, 6, 10))
    assert len(events) == 1 and events[0].date == date(2025, 6, 7)


def test_the_groups_own_version_of_the_act_is_the_same_act() -> None:
    text = ("Gunmen ambushed a police patrol near Mopti on Saturday, killing four officers. "
            "The Liberation Front claimed the ambush on Sunday. "
            "The group said its fighters had killed more than 20 policemen.")
    events = everything(text, published=date(2025, 6, 10))
    assert len(events) == 1 and events[0].killed == 4


def test_a_headline_toll_goes_to_the_act_with_that_toll() -> None:
    text = ("Air strikes kill 12 in northern villages\n\nAn air strike killed three people in Kafr Nabl on Monday, "
            "residents said. On Tuesday, another air strike killed 12 people in Saraqib, medics said.")
    tolls = {e.killed: [m.text.split()[0] for m in e.mentions] for e in everything(text, published=date(2024, 2, 14))}
    assert tolls == {3: ["An"], 12: ["Air", "On"]}


def test_military_aircraft_named_by_model_strike_and_their_number_counts_no_acts() -> None:
    events = everything("Two F-16s struck an ammunition depot on Monday.")
    assert [(e.category, e.count) for e in events] == [("Air/drone strike", None)]


def test_a_strike_against_a_country_is_placed_there_and_a_dated_act_at_one_of_its_towns_is_another() -> None:
    text = ("Russian forces launched a missile strike against Ukraine overnight. Power was cut in many regions. "
            "Later, Russian forces attacked Ukrainian positions near Kharkiv on February 11, the General Staff said.")
    events = everything(text)
    assert sorted(e.place for e in events) == ["Kharkiv", "Ukraine"]
    glued = "Air strike on militia depot in Syria\nAn air strike destroyed a depot in Albu Kamal on Tuesday night."
    assert len(everything(glued)) == 1  # a headline the sentencer glued to the lead tells the lead's act


def test_a_headline_toll_goes_to_the_raid_with_that_toll_not_to_guards_ending_an_assault() -> None:
    text = ("Troops kill six militants near Kherson\n\nA suicide bomber killed nine police officers in Kharkiv on "
            "Sunday. Two more attackers who tried to storm the gate were killed by guards after the blast. A day after "
            "the bombing, troops raided a hideout near Kherson, killing six militants.")
    tolls = sorted((e.place or "", e.killed or 0) for e in everything(text, published=date(2024, 9, 23)))
    assert tolls == [("Kharkiv", 2), ("Kharkiv", 9), ("Kherson", 6)]  # guards ended the assault where it was made


def test_a_dateline_with_a_date_is_never_the_actor() -> None:
    text = ("KHERSON, Ukraine, April 9 (Steppe Wire) – Militants from a separatist group detonated a car bomb at "
            "the gate of an army camp on Tuesday.")
    events = everything(text, published=date(2025, 4, 9))
    assert [(e.actor, e.date) for e in events] == [("Militants", date(2025, 4, 8))]  # Tuesday, not the dateline's day


def test_a_tally_over_several_places_alike_has_no_one_place_on_the_map() -> None:
    towns = everything("Russian forces carried out 46 attacks near Kherson, Kharkiv and Odesa on Monday.",
                       published=date(2024, 9, 23))
    assert [(e.count, e.place, e.where) for e in towns] == [(46, None, "across Kherson, Kharkiv and Odesa")]
    assert "Kherson" in towns[0].summary  # the summary still names them
    countries = everything("Militias carried out 60 attacks on US forces in Syria and Iraq.", published=date(2024, 9, 23))
    assert [(e.count, e.place, e.areas) for e in countries] == [(60, None, ("Syria", "Iraq"))]  # a pin: half of it
    assert "Syria and Iraq" in countries[0].summary
    downed = analyze("Air defences shot down 31 drones over the Kherson, Kharkiv and Odesa regions overnight, the "
                     "ministry said.", published=date(2024, 9, 23)).events
    assert [(e.kind, e.count, e.place) for e in downed] == [("response", 31, None)]
    apart = analyze("Air defences shot down 31 drones overnight, 20 of them over the Kherson region and the rest over "
                    "the Kharkiv region.", published=date(2024, 9, 23)).events
    assert [(e.place, e.areas) for e in apart] == [("Kherson", ())]  # each told apart: the first, with most of them
    shares = analyze("Militias have struck U.S. troops 52 times this year, 30 times in Syria and 22 in Iraq.",
                     published=date(2024, 9, 23)).events
    assert [(e.count, e.place, e.areas) for e in shares] == [(52, None, ("Syria", "Iraq"))]  # each with its share


def test_counted_blasts_at_a_site_beside_a_landmark_of_the_same_town_keep_their_place() -> None:
    text = "Two explosions struck the Public Works Ministry, near Tarsel junction, in Mogadishu on Saturday, police said."
    report = analyze_article(Article(text=text, published=date(2024, 9, 23)))
    assert [(e.count, e.place) for e in report.attacks] == [(2, "Public Works Ministry (near Mogadishu)")]


def test_another_or_a_second_actor_is_another_act_not_more_of_the_last() -> None:
    text = ("Gunmen stormed a hotel in Ruritown on Monday. Another group of gunmen attacked a bank near the old "
            "market.")
    assert len([e for e in everything(text) if e.kind == "attack"]) == 2
    text = "Gunmen stormed a hotel in Ruritown on Monday. A second group attacked the Grand Palace Hotel."
    assert len([e for e in everything(text) if e.kind == "attack"]) == 2


def test_a_second_verb_with_its_own_subject_and_named_object_is_another_act() -> None:
    text = "Fighters attacked Camp Borvik on Tuesday, and rockets hit Camp Dalen."
    assert sorted(e.target or "" for e in everything(text)) == ["Camp Borvik", "Camp Dalen"]
    text = "Gunmen stormed Camp Borvik on Tuesday and they killed five guards."
    assert len(everything(text)) == 1  # 'they': the same attackers going on


def test_the_weapons_told_of_doing_more_are_the_same_act() -> None:
    text = ("On Sunday evening, militants fired several rockets and launched two drones toward the Umbra base. One "
            "of the drones hit a vehicle, wounding four soldiers. Coalition forces shot down the second drone. The "
            "rockets landed outside the perimeter and caused no damage.")
    assert [e.kind for e in everything(text)] == ["attack", "response"]  # no third act of 'the rockets'

    text = "Drones hit Ruritown on Monday. Drones struck Kelmar on Tuesday."
    assert len(everything(text)) == 2  # no article: other drones, another act


def test_an_act_on_the_side_that_attacked_is_another_act() -> None:
    text = ("Drones launched by the Rapid Support Forces (RSF) struck a market in Kandahar on Friday, killing nine. "
            "The army responded with air strikes on RSF positions near Kandahar.")
    found = everything(text)
    assert sorted(e.kind for e in found) == ["attack", "response"]
    assert next(e for e in found if e.kind == "attack").killed == 9


def test_an_interception_told_again_in_a_quote_is_one_interception() -> None:
    text = ("The army said its air defences shot down five drones over Kandahar. 'Our forces intercepted most of the "
            "drones before they reached their targets,' an army spokesman said.")
    found = everything(text)
    assert len(found) == 1 and found[0].count == 5


def test_a_counted_tally_of_the_side_whose_continued_attacks_were_named_is_that_tally() -> None:
    text = ("The strikes were in response to continued Houthi attacks against ships in the Red Sea. "
            "Since November, the Houthis have attacked merchant ships more than 100 times.")
    attacks = [e for e in everything(text) if e.kind == "attack"]
    assert len(attacks) == 1 and attacks[0].count == 100


def test_a_drone_firing_a_missile_after_a_gunman_is_another_act_at_the_camp_it_points_back_to() -> None:
    found = everything("Troops stormed the Omdurman camp on Tuesday. The army blamed the camp for an attack near "
                       "Odesa last week, in which a gunman fired from a passing car at a bus stop, wounding two people. "
                       "Armoured vehicles entered from several directions, residents said. Shortly after sunrise "
                       "a drone fired a missile at a group of young men near the camp's main square.")
    drone = [e for e in found if e.category == "Air/drone strike"]
    assert len(drone) == 1 and drone[0].place == "Omdurman"
    assert all(e.category != "Air/drone strike" for e in found if e.place == "Odesa")


def test_missiles_fired_from_a_jet_are_an_air_strike_the_air_force_s_account_goes_on_telling() -> None:
    found = everything("On Monday a camp for displaced families near Odesa was hit by missiles fired from a "
                       "government jet. The ministry said army aircraft had struck terrorist depots around Odesa in "
                       "response to an attack on army posts near Kherson.")
    at_odesa = [e for e in found if e.place == "Odesa"]
    assert [(e.kind, e.category) for e in at_odesa] == [("response", "Air/drone strike")]


def test_the_enemy_in_a_quote_goes_on_telling_the_attack_just_reported() -> None:
    found = everything('Russian missiles hit a power plant in Odesa overnight, injuring seven people, the governor '
                       'said. "The enemy again attacked our energy infrastructure," he wrote.')
    assert len(found) == 1 and found[0].injured == 7


def test_a_barrage_across_a_country_is_not_the_one_town_s_hit_told_before() -> None:
    found = everything("Russian drones hit a power plant in Odesa overnight, injuring seven people. Across Ukraine, "
                       "Russia launched 131 drones and 11 missiles, the air force said.")
    assert sorted(e.place for e in found) == ["Odesa", "Ukraine"]



def test_a_drone_crashing_into_a_building_struck_it_and_a_drone_crashing_in_a_field_did_not() -> None:
    assert [e.injured for e in everything("A drone crashed into a warehouse in Odesa, injuring two workers.")] == [2]
    assert everything("The drone crashed in a field near Odesa without exploding.") == []


def test_what_a_group_says_it_targeted_is_its_attack() -> None:
    attacks, _responses = run("Hours later the rebels said they had targeted army barracks in Odesa.")
    assert [a.place for a in attacks] == ["Odesa"]


def test_a_hit_on_a_town_after_an_attack_on_the_whole_country_is_one_hit_of_many() -> None:
    found = everything("Russia attacked Ukraine on Sunday with 76 drones and three missiles, the air force said. "
                       "In the south, drones hit port warehouses in Odesa, the governor said.")
    assert sorted(e.place for e in found) == ["Odesa", "Ukraine"]


def test_a_strike_by_the_side_whose_town_was_hit_on_the_other_side_is_another_act() -> None:
    found = everything("A ballistic missile hit a factory in Kharkiv overnight, killing two workers. Ukrainian "
                       "forces struck a Russian ammunition depot the same night.")
    assert len(found) == 2 and [e.killed for e in found if e.place == "Kharkiv"] == [2]


def test_the_attack_a_recapture_answers_goes_on_telling_the_attack_told_before() -> None:
    attacks, responses = run("Eight militants attacked an army base in Kharkiv on Monday, killing 14 people. The army "
                             "said it had regained control of the base after rebels stormed the compound around "
                             "midday.")
    assert len(attacks) == 1 and attacks[0].killed == 14 and len(responses) == 1


def test_an_explosion_reported_after_missiles_fired_in_retaliation_is_their_blast() -> None:
    found = everything("Rebels said they fired two missiles at a cargo ship in the Red Sea on Sunday in retaliation "
                       "for air strikes on their bases. The crew reported an explosion in the water close to the "
                       "ship, the maritime agency said.")
    assert [(e.kind, len(e.mentions)) for e in found] == [("response", 2)]


def test_what_a_named_side_did_later_is_its_own_act() -> None:
    found = everything("Three rockets were fired from Ukraine towards border villages on Monday, the Russian military "
                       "said. Russian artillery later shelled the outskirts of Kharkiv.")
    assert len(found) == 2 and [e.actor for e in found if e.place == "Kharkiv"] == ["Russia"]


def test_the_strike_a_side_names_is_its_own_and_the_strike_is_an_air_strike_not_rockets_that_struck() -> None:
    found = everything("Three rockets struck near a base in Kharkiv on Sunday, the military said. Hours later, "
                       "Ukrainian jets struck a depot near Odesa. \"These strikes were a direct response to the attack "
                       "on the base,\" the ministry said. The Northern Front said two of its members were killed in the "
                       "strike. The mayor condemned both the rocket attack and the Ukrainian strike.")
    rockets = next(e for e in found if e.place == "Kharkiv")
    jets = next(e for e in found if e.place == "Odesa")
    assert rockets.actor is None and rockets.killed is None and (jets.actor, jets.killed) == ("Ukraine", 2)


def test_the_latest_in_a_string_of_attacks_is_no_target() -> None:
    found = everything("Three rockets struck near Odesa on Sunday, the military said, the latest in a string of "
                       "attacks on the port.")
    assert [e.target for e in found] == [None]


def test_dozens_of_attacks_told_after_one_bombing_are_not_that_bombing() -> None:
    found = everything("A suicide bomber killed 14 worshippers at a mosque in Kharkiv on Friday. The Northern Front "
                       "has carried out dozens of attacks on mosques and schools since the war began in August 2021.")
    bombing = next(e for e in found if e.place == "Kharkiv")
    assert bombing.target != "mosques and schools" and len(found) == 2
    assert all(e.date is None or e.date.year == 2024 for e in found)  # not the day the war began


def test_a_toll_since_the_war_began_is_no_toll_of_the_last_act() -> None:
    found = everything("Two rockets were launched at Odesa on Saturday. One was intercepted. The health ministry "
                       "said 54,000 people have been killed in the territory since the war began in October 2023.")
    assert all(e.killed is None for e in found)


def test_shelling_told_as_the_subject_of_what_it_hit_is_that_act_on_its_own_day() -> None:
    found = everything("On 11 February, gunmen attacked a camp near Odesa, killing 40 people. According to local "
                       "sources, the attackers shelled the camp's central market. On 12 February, shelling hit the "
                       "Tarsa camp, north of Odesa, killing three people, the camp's committee said.")
    assert sorted((e.killed, e.date) for e in found) == [(3, date(2024, 2, 12)), (40, date(2024, 2, 11))]


def test_the_bombing_a_leader_condemned_is_the_bombing_not_the_guards_shooting_of_a_second_bomber() -> None:
    text = ("A suicide bomber detonated explosives inside a mosque in Kharkiv on Friday, killing 27 worshippers.\n"
            "A second attacker was shot dead by guards outside the gate before he could detonate his explosives.\n"
            "The prime minister condemned the bombing and ordered an investigation.")
    found = everything(text)
    bombing = [e for e in found if e.killed == 27]
    assert len(bombing) == 1 and bombing[0].target == "a mosque" and bombing[0].kind == "attack"
    assert all(e.category not in {"Suicide bomb", "Remote explosive/landmine/IED"} for e in found if e.killed == 1)



def test_there_have_been_ten_attacks_is_a_tally_not_the_strike_told_before() -> None:
    # Whole pipeline: the transcript's labels and the parse of "there have been" matter.
    text = ("This strike answered the November 18 rocket attack against troops at a base in Syria, which caused no "
            "injuries.\nQ: Have there been more attacks?\nA: Since October 17, there have been 10 attacks against U.S. "
            "forces in Iraq and Syria.\n")
    counted = [e for e in analyze(text).events if e.count == 10]
    assert [e.kind for e in counted] == ["attack"]


def test_the_attack_at_a_named_site_is_the_one_told_there_though_no_gazetteer_knows_the_site() -> None:
    text = ("Militants fired rockets at U.S. forces at Mission Support Site Conoco in Syria on Monday.\n\n"
            "Separately, on Tuesday, a one-way attack drone targeted U.S. forces at Rumalyn Landing Zone in Syria.\n\n"
            "Q: Thank you. The attack at Mission Support Site Conoco caused no injuries, officials said.\n")
    told = [e for e in analyze(text).events if any(m.text.startswith("The attack at") for m in e.mentions)]
    assert [e.summary for e in told] == ["Militants fired rockets at U.S. forces in Mission Support Site Conoco"]


def test_a_question_tells_no_act() -> None:
    text = ("U.S. aircraft struck two camps near Al Qaim on Tuesday.\n\n"
            "Q: Did the strikes hit anything near Kharkiv?\n\n"
            "Q: Were rockets fired at Bardera overnight?\n")
    events = analyze(text).events
    assert [e.place for e in events] == ["Al Qa'im"]
    assert not any("?" in m.text for e in events for m in e.mentions)


ASSESSMENT = (
    'Russian Offensive Campaign Assessment, March 3, 2025\n'
    '\n'
    'Key Takeaways:\n'
    'Russian forces conducted a combined missile and drone strike against Ukraine on the night of March '
    '2 to 3. The Ukrainian Air Force reported that Russian forces launched 83 Shahed-type and decoy '
    'drones and four Iskander-M ballistic missiles from Kursk, Oryol, and Bryansk oblasts and occupied '
    'Crimea. Ukrainian forces shot down 61 drones over Kharkiv, Sumy, Poltava, Kyiv, and Odesa oblasts, '
    'and 20 decoy drones were "lost" due to Ukrainian electronic warfare.\n'
    '\n'
    'Ukrainian officials reported that Russian strikes damaged energy infrastructure in Odesa Oblast '
    'and residential buildings in Kharkiv City. Kharkiv City Mayor Ihor Terekhov reported that a drone '
    "struck a high-rise building in Kharkiv City's Kyivskyi Raion, injuring five people.\n"
    '\n'
    'Ukrainian forces recently advanced near Pokrovsk. Geolocated footage published on March 2 indicates '
    'that Ukrainian forces advanced in eastern Kotlyne (southwest of Pokrovsk).\n'
    '\n'
    'Russian forces continued offensive operations in the Toretsk direction on March 2 but did not make '
    'confirmed advances. Russian forces attacked near Toretsk itself and Dyliivka (northeast of Toretsk).\n'
)


def test_a_nights_strike_on_a_country_is_one_with_its_launches_from_abroad_not_with_a_later_ground_attack() -> None:
    # Whole pipeline (an assessment's paragraphs); the launch sites lie in Russia, the strike on Ukraine.
    report = analyze_article(Article(text=ASSESSMENT, published=date(2025, 3, 3)))
    places = [e.place for e in report.events if e.kind == "attack" and e.actor == "Russian forces"]
    assert sorted(places) == ["Toretsk", "Ukraine"]


def test_a_tally_told_over_weeks_is_not_the_single_act_told_before_even_with_no_dates() -> None:
    text = ("The strike answered a rocket attack against troops at a base near Kharkiv, which caused no injuries.\n"
            "Since October, there have been 10 attacks against troops in Kharkiv and Odesa.")
    found = everything(text, published=None)
    assert sorted(e.count or 1 for e in found if e.kind == "attack") == [1, 10]


def test_the_group_is_the_doer_named_before_it_not_a_doer_called_group() -> None:
    text = ("The Kelmar Front fired rockets at a base in Omdurman on Monday. On Tuesday the group ambushed an army "
            "convoy near Khan Younis, killing four soldiers.")
    assert [e.actor for e in everything(text)] == ["Kelmar Front", "Kelmar Front"]
    text = ("The Kelmar Front fired rockets at a base in Omdurman on Monday. Days earlier, the same group raided the "
            "villages of Kassala and Gedaref, abducting seven men.")
    assert [e.actor for e in everything(text)] == ["Kelmar Front", "Kelmar Front"]


def test_a_claimants_own_figures_for_its_attack_are_no_second_attack() -> None:
    text = ("Hamas fighters attacked an army post near Khan Younis on Monday, killing four soldiers, the army said. "
            "Hamas claimed on its Telegram channel that its fighters had killed 12 soldiers.")
    attacks, _ = extract_events(nlp()(text), toponyms_for(text))
    assert [a.killed for a in attacks] == [4]


def test_a_later_generic_name_for_the_doers_does_not_replace_their_first_name() -> None:
    text = ("Gunmen kill 23 in attack on Plateau villages, police say\n\nGunmen killed at least 23 people in overnight "
            "attacks on three villages in the Bokkos local government area of Plateau State, police said on Monday."
            "\n\nThe attackers, who arrived on motorcycles, opened fire on residents and set houses ablaze in Mushu, "
            "Hurti and Tamiso, police spokesman Alfred Alabo said in a statement.")
    report = analyze_article(Article(text=text, published=date(2024, 4, 15)))
    assert [e.actor for e in report.events] == ["Gunmen"]  # not "attackers"


def test_the_attack_after_a_background_section_is_the_articles_own() -> None:
    text = ("2024 Kharkiv school raid\n\nOn 7 March 2024, gunmen abducted 90 pupils from a school in Kharkiv.\n\n"
            "Background\nIn February 2021, gunmen abducted 30 pupils from a school in Odesa.\n\n"
            "Raid\nOne teacher was shot dead during the attack, the governor said.")
    found = everything(text)
    assert sorted((e.place, e.killed) for e in found) == [("Kharkiv", 1), ("Odesa", None)]


def test_gunmen_who_stopped_a_bus_and_shot_the_passengers_did_it_and_a_later_claim_names_them() -> None:
    text = ("Gunmen stopped a bus near Kharkiv on Sunday, forced nine passengers off and shot them dead, officials "
            "said. The attack took place on a highway. The outlawed Tarsa Liberation Army claimed responsibility in "
            "a statement.")
    (event,) = everything(text)
    assert (event.actor, event.killed, event.date) == ("Tarsa Liberation Army", 9, date(2024, 2, 11))


def test_one_of_the_bombs_told_is_the_same_strike_wherever_its_spot_is_read_to_be() -> None:
    report = analyze_article(Article(text="Russian aircraft struck Sumy with three guided bombs on Monday, killing "
                                     "two people. One of the bombs hit a school in the Kyivskyi district, the mayor "
                                     "said.", published=date(2024, 2, 12)))  # a district of many cities' names
    assert [a.place for a in report.attacks] == ["Sumy"]


def test_a_wiki_markup_heading_ends_the_background_section() -> None:
    text = ("= 2024 Kharkiv air strike =\n\nOn 7 March 2024, an air strike destroyed a school in Kharkiv.\n\n"
            "==Background==\nSince 2022, the two sides have traded fire, and rockets hit a market in Odesa in 2023."
            "\n\n==Strike==\nTwo missiles hit the building minutes apart, a resident said.")
    odesa = [e for e in everything(text) if e.place == "Odesa"]
    assert [len(e.mentions) for e in odesa] == [1]  # the missiles of the strike told after are not the market's


def test_strikes_on_the_launch_sites_answer_the_fire_and_are_not_the_hit_told_before() -> None:
    text = ("Militants fired rockets at Kharkiv on Monday. A rocket struck an army post near Kharkiv, wounding two "
            "soldiers. Overnight, army jets hit the launch sites near Odesa, the army said.")
    attacks, responses = run(text)
    assert [r.summary for r in responses] == ["Army struck the launch sites near Odesa"]
    assert all("launch sites" not in s.text for a in attacks for s in a.mentions)


def test_a_condemned_new_massacre_is_the_one_told_not_another() -> None:
    text = ("Jets struck a market in Kharkiv on Monday, killing nine people. The mayor condemned \"a new massacre "
            "against civilians\".")
    attacks, _ = run(text)
    assert len(attacks) == 1


def test_a_caption_ending_in_a_date_and_what_came_before_is_a_caption() -> None:
    text = ("Russian Drones Hit Ukraine\n\nFirefighters work at a depot in Odesa, Ukraine, Feb. 26, 2025, after an "
            "overnight Russian attack.\n\nRussia fired 40 drones at Ukraine overnight, killing two people, officials "
            "said.")
    report = analyze_article(Article(text=text, published=date(2025, 2, 26)))
    assert [e.place for e in report.attacks] == ["Ukraine"]


def test_a_launch_counted_over_the_past_week_is_not_the_nights_attack() -> None:
    text = ("Russia fired 40 drones at Ukraine overnight, killing two people, officials said. Another drone "
            "hit a house in Kharkiv. The president said Russia had launched more than 900 drones at Ukraine over the "
            "past week.")
    report = analyze_article(Article(text=text, published=date(2025, 2, 26)))
    assert len(report.attacks) == 3


def test_a_country_inside_a_towns_name_is_no_doer() -> None:
    text = ("RSF drones struck a fuel depot in Port Sudan on Tuesday. Hours later, army jets bombed RSF positions "
            "near Bara; an officer said the raids were retaliation for the Port Sudan attack.")
    report = analyze_article(Article(text=text, published=date(2025, 6, 10)))
    assert len(report.attacks) == 1 and len(report.responses) == 1


def test_a_questioners_label_is_no_doer() -> None:
    text = ("Q: The Tarsa Front said on Telegram it launched the drone at the base near Kharkiv. Your reaction?")
    assert [e.actor for e in everything(text)] == ["Tarsa Front"]


def test_attacks_brought_to_a_number_are_that_many() -> None:
    text = "That brings the number of attacks on our forces in Kharkiv this month to nine."
    assert [e.count for e in everything(text)] == [9]


def test_the_rockets_that_hit_a_base_are_the_rocket_attack_told_not_the_drone_one() -> None:
    text = ("On Monday, militants fired rockets at a base near Kharkiv. On Tuesday, a drone was launched at a base "
            "near Odesa. An official said the rockets that hit the base were fired from across the river.")
    found = everything(text)
    assert len(found) == 2 and [len(e.mentions) for e in found if e.place == "Kharkiv"] == [2]


WIKI_RAID = ("= Kharkiv raid =\n\nThe Kharkiv raid took place on 7 March 2024, when fighters of the Tarsa Front "
             "stormed the village of Kharkiv.\n\n==Attack==\nOne column assaulted the police post while others "
             "went from house to house, shooting men.\n\n==Counter-offensive==\nOn 8 March, army drones struck "
             "fighters near Odesa.\n\n==Casualties==\nThe government announced 23 people killed.")


def test_acts_of_an_attack_section_are_the_articles_subject_and_those_of_a_counter_offensive_answer_it() -> None:
    report = analyze_article(Article(text=WIKI_RAID, published=date(2024, 3, 7)))
    assert len(report.attacks) == 1 and "Tarsa Front" in (report.attacks[0].actor or "")
    assert [(r.date, r.killed) for r in report.responses] == [(date(2024, 3, 8), None)]


def test_a_name_the_text_places_acts_in_is_not_the_doer_of_the_attack_named_after_it() -> None:
    text = ("= Kouria attack =\n\nThe Kouria attack took place on 9 March 2025, when gunmen stormed the village of "
            "Kouria and its army post.")
    report = analyze_article(Article(text=text, published=date(2025, 3, 9)))
    assert [e.actor for e in report.attacks] == ["gunmen"]


def test_an_infobox_perpetrator_is_the_doer_when_the_text_names_none() -> None:
    text = ("= 2024 Kharkiv market bombing =\n\nInfobox\n- Date: 7 March 2024\n- Perpetrator: Tarsa Front\n\n"
            "On 7 March 2024, a bomb exploded in a market in Kharkiv, killing 12 people.")
    report = analyze_article(Article(text=text, published=date(2024, 3, 7)))
    assert [e.actor for e in report.attacks] == ["Tarsa Front"]


def test_a_bomb_that_killed_two_is_one_bombing_with_no_bomb_for_a_doer() -> None:
    text = ("Officials said the group planted a roadside bomb that hit an army truck near Kharkiv on March 4, killing "
            "two soldiers.")
    found = everything(text)
    assert len(found) == 1 and found[0].actor != "Roadside bomb" and found[0].killed == 2


def test_a_lead_naming_a_list_of_targets_heads_the_acts_told_one_by_one_after_it() -> None:
    attacks, _ = run("Jets bombed a village and a busy market on Monday, killing 15 civilians, a rescuer "
                     "said. A jet dropped two bombs on Bardera, killing six people. He asked not to be named. "
                     "An hour later, aircraft struck the market in Kandahar, killing nine.")
    assert sorted(a.killed or 0 for a in attacks) == [6, 9]


def test_the_strikes_are_the_air_strikes_rather_than_the_missile_fire_they_followed() -> None:
    attacks, responses = run("Israeli jets bombed a port in Yemen on Tuesday, a day after the rebels fired a missile "
                             "at Israel. The health ministry said the strikes killed four people.")
    events = attacks + responses
    assert [e.killed for e in events if e.actor and "Israel" in e.actor] == [4]
    assert [e.killed for e in events if e.actor and "rebel" in e.actor] == [None]


def test_a_dated_act_after_a_tally_over_a_period_is_an_act_of_its_own() -> None:
    text = ("Since November 2023, the Houthis have attacked more than 60 cargo ships in the Red Sea and the Gulf of "
            "Aden, sinking two, in what they call solidarity with Gaza. In July, Houthi boats and drones attacked the "
            "Panama-flagged tanker Blue Star off Mocha; its crew were rescued by a passing ship.")
    attacks = [e for e in analyze(text, published=date(2025, 8, 5)).events if e.kind == "attack"]
    assert len(attacks) == 2


def test_the_massacre_is_the_one_act_told_not_a_tally_of_many() -> None:
    text = ("A drone struck a hospital in Kandahar on Friday, killing nine patients. Since 2023, the WHO has verified "
            "31 attacks on clinics in the region. On Sunday, jets bombed rebel positions near Kaduna, in what the "
            "army called a response to the massacre.")
    attacks, _ = run(text)
    tally = next(a for a in attacks if a.count == 31)
    hospital = next(a for a in attacks if a.killed == 9)
    assert not any("massacre" in text[m.start:m.end] for m in tally.mentions)
    assert any("massacre" in text[m.start:m.end] for m in hospital.mentions)


def test_one_of_the_drones_told_after_the_answer_goes_on_telling_the_drone_attack() -> None:
    attacks, responses = run("Army jets struck two rebel depots near Odesa overnight. These strikes respond to the "
                             "drone attack on an army base near Kharkiv. One of the drones struck near a hangar, "
                             "wounding four soldiers.")
    assert [(a.place, a.injured) for a in attacks] == [("Kharkiv", 4)]
    assert [r.injured for r in responses] == [None]


def test_strikes_across_a_region_told_one_by_one_after_a_photo_caption_are_a_heading() -> None:
    text = ("Jets Pound Deir Ezzor\n\n"
            "Villagers search the rubble of a house destroyed in a Syrian air strike in Mayadeen, Oct. 15, 2024.\n\n"
            "Syrian air strikes across Deir Ezzor province killed at least 30 people overnight, the health "
            "ministry said.\n\n"
            "The deadliest strike flattened a house in Mayadeen shortly after 1 a.m., killing 15 people.\n")
    attacks, _responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 10, 16))
    assert [a.killed for a in attacks] == [15] and attacks[0].place == "Al Mayādīn"


def test_the_doer_named_again_striking_the_same_kind_of_target_tells_the_same_act() -> None:
    text = ("Earlier on March 12, the Lakeside Command conducted an airstrike against rebel fighters some 14 "
            "kilometers from the river crossing.\n\n"
            "That morning, rebels ambushed an army patrol at the crossing, wounding two soldiers.\n\n"
            "In response, and at the request of the army, the command struck the fighters as they regrouped in "
            "farmland near the crossing. The airstrike killed three fighters.\n")
    attacks, responses = extract_events(nlp()(text), [], published=date(2024, 3, 14))
    assert all("Command" not in (a.actor or "") for a in attacks)
    assert [(r.actor, r.killed) for r in responses] == [("Lakeside Command", 3)]


def test_the_launch_told_of_the_weapon_that_struck_is_the_same_act() -> None:
    attacks, _ = run("A mayor told reporters in Khan Younis on Monday that shells fired by the army and its allies in "
                     "the militia struck homes on Sunday, killing seven people.")
    assert [(e.actor, e.target, e.killed) for e in attacks] == [("army", "homes", 7)]


def test_a_weapon_fired_and_shot_down_is_a_launch_and_an_interception() -> None:
    attacks, responses = run("Rockets fired by the militia at Kiryat Shmona were shot down by air defences on Sunday.")
    assert len(responses) == 1 and all(e.kind == "attack" for e in attacks)


def test_an_explosion_a_ships_master_reported_off_a_port_is_the_attack_on_the_ship() -> None:
    text = ("Houthi militants fired two missiles at a container ship in the Red Sea on Monday, wounding three "
            "sailors, the Pentagon said. The maritime agency said the master reported an explosion 40 nautical miles "
            "west of Hodeidah.")
    attacks, _ = run(text)
    assert len(attacks) == 1 and attacks[0].actor == "Houthi militants"
    assert any("reported an explosion" in m.text for m in attacks[0].mentions)


def test_an_act_at_sea_told_again_off_a_port_is_placed_at_the_port() -> None:
    # A sea's point says nothing of where on it; the town the ship was hit off is the most precise place told.
    text = ("Militants fired a missile at a tanker in the Red Sea on Monday, the navy said. A crew member "
            "reported an explosion about 30 nautical miles west of Hodeidah.")
    attacks, _ = run(text)
    assert [(e.place, e.target) for e in attacks] == [("Al Hudaydah", "a tanker")]


def test_the_base_an_attack_was_told_at_coming_under_fire_is_that_attack() -> None:
    text = ("Rockets were fired at soldiers at the Al-Tanf garrison on Thursday, officials said. The Al-Tanf garrison "
            "came under fire at about 7:30 a.m. Thursday.")
    attacks, _ = run(text)
    assert len(attacks) == 1 and len(attacks[0].mentions) == 2


def test_what_one_of_the_munitions_counted_did_is_the_act_that_counted_them() -> None:
    from tests.events.test_responses import run

    attacks, _ = run("A jet dropped two bombs on the school in Kyiv on Monday, killing five pupils. One bomb struck a "
                     "classroom building, and the second landed beside the playground.")
    assert [a.summary for a in attacks] == ["Air strike on the school in Kyiv"]
    attacks, _ = run("A jet dropped two bombs on the school in Kyiv on Monday. Gunmen attacked a market in Syria on "
                     "Tuesday. One bomb struck a house near Mayadeen.")
    school = next(a for a in attacks if a.place == "Kyiv")  # not told right after the act that counted them
    assert not any("One bomb" in m.text for m in school.mentions)
    attacks, responses = run("Rebels fired two rockets at a base near Kyiv on Monday. Air defences shot down one of "
                             "them, while the second exploded near the gate.")
    assert [a.summary for a in attacks] == ["Rebels fired rockets at a base near Kyiv"] and len(responses) == 1


def test_an_act_told_at_another_hour_is_another_act() -> None:
    from tests.events.test_responses import run

    attacks, _ = run("At about 9 a.m. on Monday, rebels fired two missiles at a tanker in the Red Sea. At about "
                     "5:30 p.m., the rebels fired three drones at the same tanker.")
    assert len(attacks) == 2
    attacks, _ = run("At about 9 a.m. on Monday, rebels fired two missiles at a tanker in the Red Sea. At 9:20 a.m., "
                     "one of the missiles struck the tanker.")
    assert len(attacks) == 1


def test_in_addition_opens_another_act_of_the_same_doer() -> None:
    from tests.events.test_responses import run

    _, responses = run("Rebels fired drones at a tanker in the Red Sea on Monday. In response, US forces destroyed two "
                       "missile launchers near Hodeidah. In addition, US forces destroyed a drone boat in the Red Sea.")
    assert len(responses) == 2


def test_a_release_lead_and_the_act_told_in_full_below_its_byline_are_one_act_each() -> None:
    text = ("Redland fighters attacked Somali National Army forces near Bardera, Somalia, on February 10, 2024. "
            "U.S. Africa Command conducted an airstrike against the attacking fighters the same morning.\n\n"
            "By Africa Command Public Affairs, Stuttgart, Germany, February 11, 2024\n\n"
            "Shortly before dawn on February 10, about 40 Redland fighters assaulted a Somali National Army post "
            "east of Bardera. Two soldiers were killed in the assault. At the request of the Federal Government of "
            "Somalia, U.S. Africa Command conducted a collective self-defense airstrike against the Redland fighters "
            "engaging the post.")
    found = everything(text)
    assert sorted(e.kind for e in found) == ["attack", "response"]
    (attack,) = [e for e in found if e.kind == "attack"]
    assert attack.killed == 2


def test_the_same_sides_on_the_same_day_at_a_town_and_across_the_country_are_two_acts() -> None:
    text = ("Russian forces launched 90 drones at Ukraine on February 10, the air force said. Russian forces also "
            "attacked Ukrainian positions near Kharkiv on February 10.")
    assert len([e for e in everything(text) if e.kind == "attack"]) == 2


def test_a_finite_verb_the_parse_hangs_on_its_subject_still_has_that_doer() -> None:
    (event,) = [e for e in everything("Gunmen attacked a post near Kharkiv. Army forces then counterattacked, drove "
                                      "the gunmen from the area and retook the post.") if e.kind == "response"]
    assert event.actor == "Army forces"


def test_a_day_before_a_named_doer_is_not_part_of_its_name() -> None:
    (event,) = everything("This action follows a February 6 AFRICOM airstrike against a weapons cache near Bardera.")
    assert event.actor == "AFRICOM"


def test_blasts_a_witness_heard_are_part_of_the_act_told() -> None:
    attacks, _responses = run('Drones hit a crowded bus station in Kharkiv on Sunday, killing nine people. "First we '
                              'heard the buzzing, then two explosions close together," a driver told reporters. "There '
                              'was one huge blast and the windows came down on us," a vendor said.')
    assert [(a.place, a.count, a.killed) for a in attacks] == [("Kharkiv", None, 9)]


def test_quoted_knows_straight_and_curly_quotes() -> None:
    doc = nlp()('"We heard two explosions," a man said. “Then a blast,” she said, and the blast was loud.')
    inside = [t.text for t in doc if quoted(t)]
    assert "explosions" in inside and "man" not in inside and "loud" not in inside
    assert [t.text for t in doc if t.text == "blast" and quoted(t)] == ["blast"]  # the first, not the second



def test_the_rockets_fired_from_a_truck_are_the_launch_of_the_attack_told() -> None:
    attacks, responses = run("Militants fired rockets at an air base near Kandahar on Monday, wounding three soldiers. "
                             "On Tuesday, a drone was shot down near Kaduna. Police said the rockets were fired from a "
                             "truck parked outside Kaduna.")
    assert [(a.actor, a.place) for a in attacks] == [("Militants", "Kandahar")] and len(responses) == 1


def test_where_an_envoy_was_summoned_over_an_attack_is_not_where_the_attack_was() -> None:
    attacks, _responses = run("On Monday, missiles fired by Iran struck a farm near Kandahar, killing two people. On "
                              "Wednesday, the foreign ministry summoned Iran's envoy in Berlin and handed him a "
                              "protest note, describing the attack as an unacceptable aggression.")
    assert [(a.place, a.killed) for a in attacks] == [("Kandahar", 2)]


def test_another_of_the_drones_that_got_through_is_no_other_act() -> None:
    attacks, responses = run("Rebel drones struck a fuel depot in Kaduna before dawn on Tuesday. Air defences "
                             "intercepted 11 drones over the city, but three got through. One hit storage tanks at the "
                             "depot, and another exploded near the cargo terminal in Kaduna, wounding three workers.")
    assert [(a.place, a.injured) for a in attacks] == [("Kaduna", 3)] and len(responses) == 1


def test_the_strike_near_one_of_the_places_of_strikes_is_one_of_them() -> None:
    text = ("On Tuesday, U.S. aircraft struck camps near Albu Kamal and Mayadeen. "
            "Local media said two shepherds were killed in the strike near Mayadeen.")
    events = everything(text)
    assert len(events) == 1 and events[0].killed == 2


def test_a_group_calling_itself_a_name_is_that_name_not_the_doer_named_before() -> None:
    text = ("U.S. forces struck three camps near Al Qaim on Tuesday. On Sunday, rockets were fired at a base in "
            "Kharkiv. A group calling itself the Lions Brigade said it fired the rockets.")
    assert [e.actor for e in everything(text)] == ["U.S. forces", "the Lions Brigade"]


def test_an_act_told_later_that_afternoon_is_another_act() -> None:
    text = ("At 9:10 a.m. on Monday, militants fired two missiles at a tanker in the Red Sea. Later that afternoon, "
            "the militants launched three drones toward a bulk carrier. An hour after the drones, officials said "
            "the missiles had missed.")
    assert len(everything(text)) == 2
    text = "At 9:10 a.m. on Monday, militants fired two missiles at a tanker in the Red Sea. The missiles missed."
    assert len(everything(text)) == 1


def test_an_act_told_off_a_town_and_then_in_the_sea_is_one_act() -> None:
    text = ("A missile struck a tanker 40 nautical miles west of Hodeidah on Monday, officials said. Analysts said "
            "the missile attack in the Red Sea was the first in a month.")
    assert [e.place for e in everything(text)] == ["Al Hudaydah"]
    inland = text.replace("40 nautical miles west of Hodeidah", "in Hodeidah")
    assert len(everything(inland)) == 2


def test_an_attack_by_the_side_a_response_struck_is_another_act_even_unnamed() -> None:
    text = ("Rebels shot dead 45 villagers in Odesa on Sunday, officials said. Early on 11 February, troops mounted a "
            "counter-attack on rebel bases near Kharkiv and killed eight rebels, an army spokesman said. In the "
            "evening a band of rebels raided a military checkpoint in Kharkiv but was repelled, he said.")
    events = everything(text)
    assert ("attack", "rebels", "Kharkiv") in {(e.kind, e.actor, e.place) for e in events}
    assert [e.place for e in events if e.target is None] == ["Kharkiv"]  # the raid repelled where it was made


def test_a_further_wave_goes_on_with_the_strikes_not_with_the_missiles_shot_down_between() -> None:
    text = ("Russian jets fired missiles at Kharkiv on Sunday, officials said. A state agency said air defence "
            "units around Kharkiv had intercepted most of the missiles. Minutes later, a further wave hit an "
            "airfield near Kramatorsk.")
    assert sorted((e.kind, e.actor or "", e.place or "") for e in everything(text)) == [
        ("attack", "Russia", "Kharkiv"), ("attack", "Russia", "Kramatorsk"),
        ("response", "air defence units", "Kharkiv")]


def test_police_who_shot_the_attacker_ended_the_attack_on_police() -> None:
    text = ("A gunman opened fire on police officers in Kharkiv on Sunday, killing one officer and wounding two "
            "people. The attack ended when police shot and killed the attacker.")
    assert [e.kind for e in everything(text)] == ["attack"]


def test_an_act_at_the_base_on_the_day_of_the_attack_on_a_base_tells_that_attack() -> None:
    text = ("The minister spoke about Friday's rocket attack on Erbil Air Base, which wounded four soldiers. "
            "A rocket hit a fuel depot at the base shortly after dawn on Friday, an official said.")
    report = analyze(text, published=date(2024, 2, 12))
    assert len(report.attacks) == 1 and report.attacks[0].injured == 4
    elsewhere = analyze(text.replace("at the base", "in a village"), published=date(2024, 2, 12))
    assert len(elsewhere.attacks) == 2


def test_warplanes_striking_near_a_base_rebels_attacked_are_not_that_attack() -> None:
    text = ("Rebels attacked an army base near Kherson, killing six soldiers. Shortly after midnight, F-16s flew 19 "
            "sorties against caves and depots outside Kherson.")
    assert [(e.actor, e.count, e.killed) for e in everything(text)] == [("Rebels", None, 6), (None, 19, None)]
    drones = text.replace("F-16s flew 19 sorties", "the rebels' drones struck again")
    assert [e.actor for e in everything(drones)] == ["Rebels"]


def test_an_act_of_the_other_side_told_in_an_attack_section_is_not_the_articles_subject() -> None:
    text = WIKI_RAID.replace("the Tarsa Front", "al-Shabaab").replace(
        "went from house to house, shooting men.", "went from house to house, shooting men. Russian troops shelled "
        "the village of Kherson.")
    report = analyze_article(Article(text=text, published=date(2024, 3, 7)))
    assert sorted(e.actor or "" for e in report.attacks) == ["Russian troops", "fighters of al-Shabaab"]


def test_the_attack_on_sites_a_strike_on_a_number_of_targets_included_is_that_strike() -> None:
    text = ("Early Wednesday, a Houthi drone slammed into a bulk carrier in the Gulf of Aden, wounding one sailor. Late "
            "Wednesday, U.S. and British aircraft hit 13 Houthi targets near the port of Hodeidah, including radar "
            "sites. British officials said four jets took part in the attack on the radar installations, which killed "
            "two fighters.")
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 3, 4))
    assert [(a.actor, a.target, a.killed) for a in attacks] == [("Houthis", "a bulk carrier", None)]
    assert [(r.count, r.killed) for r in responses] == [(13, 2)]


def test_an_act_of_other_doers_told_as_the_time_of_a_strike_is_not_that_strike() -> None:
    report = analyze("U.S. forces struck a militia weapons depot in western Iraq early today, hours after Iran-backed "
                     "fighters targeted Ain al-Asad Air Base with rockets, officials said.", published=date(2024, 3, 4))
    events = {e.actor: e for e in report.attacks + report.responses}
    assert set(events) == {"U.S. forces", "Iran-backed fighters"}
    assert events["U.S. forces"].place == "Iraq"  # not "a militia weapons depot in Ain al-Asad Air Base"


def test_those_who_came_under_fire_after_a_raid_were_attacked_in_an_act_of_its_own() -> None:
    found = everything("U.S. forces raided a compound near Kherson on Monday, killing three militants. As the assault "
                       "force left, one of the supporting helicopters came under fire from a vehicle.")
    assert sorted(e.target or "" for e in found) == ["a compound", "one of the supporting helicopters"]


def test_an_armed_group_is_never_the_doer_of_a_strike_on_its_own_men() -> None:
    found = everything("RSF drones struck a power station in Kherson on Tuesday, officials said. Residents told VOA "
                       "that a second strike early Tuesday evening destroyed a building used by RSF fighters in Kharkiv.")
    assert [(e.actor, e.target) for e in found] == [("RSF", "a power station"),
                                                    (None, "a building used by RSF fighters")]


def test_the_raids_after_an_answer_are_the_answers_not_the_attack_it_answered() -> None:
    found = everything("Shortly before midnight on Monday, Harrak fighters fired rockets at the army base above Zelin. "
                       "Three soldiers were killed in the attack. On Tuesday, warplanes bombed Harrak shelters near "
                       "Tarbiya in response to the Zelin attack. The ministry said 14 militants were killed in the raids.")
    harrak = [e for e in found if e.actor == "Harrak fighters"]
    assert [e.kind for e in harrak] == ["attack"] and harrak[0].killed == 3
    assert [(e.kind, e.killed) for e in found if e.actor != "Harrak fighters"] == [("response", 14)]


def test_the_very_groups_that_carried_out_the_attacks_name_no_one() -> None:
    found = everything("An army post near Zelin was attacked on Monday. Abuses play into the hands of the very groups "
                       "that carried out the attack.")
    assert found and all("very" not in (e.actor or "").lower() for e in found)
