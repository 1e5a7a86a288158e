"""The date of each event, from the words around it (geo.events.dating). Made-up texts."""

from __future__ import annotations

from datetime import date

from geo.events.extract import extract_events
from geo.model import Event
from tests.events.helpers import nlp, toponyms_for

PUBLISHED = date(2024, 2, 12)


def events(text: str) -> list[Event]:
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=PUBLISHED)
    return attacks + responses


def test_a_day_told_after_an_act_a_statement_condemns_is_the_acts() -> None:
    # The condemnation happens as the statement is written; February 9 is the bombing's day.
    found = events("The embassy condemns the bombing of the central market in Kyiv on February 9, "
                   "which killed 12 people.")
    assert [e.date for e in found] == [date(2024, 2, 9)]


def test_a_condemnation_told_in_the_past_keeps_its_own_day() -> None:
    found = events("The envoy condemned the bombing of the central market in Kyiv on Sunday.")
    assert all(e.date != date(2024, 2, 11) for e in found)


def test_the_following_day_counts_from_the_act_told_before() -> None:
    found = events("Gunmen attacked a police checkpoint in Kyiv on February 9, killing four officers. "
                   "Troops pursued the attackers the following day and killed six of them.")
    by_kind = {e.kind: e for e in found}
    assert by_kind["attack"].date == date(2024, 2, 9) and by_kind["response"].date == date(2024, 2, 10)


def test_days_later_counts_as_many_days() -> None:
    found = events("Gunmen attacked a police checkpoint in Kyiv on February 5, killing four officers. "
                   "Three days later, troops raided the gunmen's hideout in Kyiv and killed six of them.")
    assert sorted(e.date for e in found if e.date) == [date(2024, 2, 5), date(2024, 2, 8)]


def test_overnight_in_a_report_is_the_night_into_its_own_day() -> None:
    found = events("Russian drones hit a power plant in Kyiv overnight, injuring five people, the mayor said.")
    assert [e.date for e in found] == [PUBLISHED]
    found = events("Air defences shot down 40 drones over Kyiv during the night, the air force said.")
    assert [e.date for e in found] == [PUBLISHED]


def test_a_clock_time_after_which_an_act_came_does_not_hide_its_day() -> None:
    from tests.events.test_linking_more import everything

    events = everything("Militants fired rockets at Kiryat Shmona shortly after 7 p.m. on Monday.",
                        published=date(2024, 7, 9))
    assert [e.date for e in events] == [date(2024, 7, 8)]


def test_an_act_an_hour_later_is_on_the_same_day_and_drones_sent_at_a_town_are_an_attack() -> None:
    from tests.events.test_linking_more import everything

    text = ("Militants fired rockets at Kiryat Shmona on Monday evening. An hour later, two drones were sent toward "
            "Tel Aviv.")
    events = everything(text, published=date(2024, 7, 10))
    assert [(e.place, e.date) for e in events] == [("Qiryat Shemona", date(2024, 7, 8)), ("Tel Aviv", date(2024, 7, 8))]


def test_an_undated_interception_right_after_a_dated_launch_is_on_its_day() -> None:
    from tests.events.test_linking_more import everything

    text = "Militants fired rockets at Kherson on Monday evening. Most of the rockets were intercepted by air defences."
    events = everything(text, published=date(2024, 7, 10))
    assert sorted((e.kind, e.date) for e in events) == [("attack", date(2024, 7, 8)), ("response", date(2024, 7, 8))]
    text = ("Militants fired rockets at Kherson on Monday evening. Shelling hit Kharkiv on Sunday. Later, troops "
            "fought near Odesa. Air defences shot down two drones.")
    intercepted = [e for e in everything(text, published=date(2024, 7, 10)) if e.kind == "response"]
    assert [e.date for e in intercepted] == [None]  # no launch just before


def test_the_day_a_ministry_reported_a_toll_is_not_the_day_of_the_clashes_it_refers_back_to() -> None:
    found = events("At least nine people were killed in clashes between two armed groups in Kyiv on Friday. "
                   "The health ministry said on Sunday that at least nine people had been killed in the clashes.")
    assert len(found) == 1 and found[0].date == date(2024, 2, 9)


def test_an_envoy_summoned_over_an_attack_does_not_make_it_another_attack() -> None:
    found = events("Gunmen stormed a police post in Kyiv on Friday, killing four officers. On Sunday, the "
                   "foreign ministry summoned the ambassador and handed him a protest over the attack.")
    assert len(found) == 1 and found[0].date == date(2024, 2, 9)


def test_a_month_the_tagger_cut_from_its_day_takes_the_day_back() -> None:
    found = events("Air defences shot down 12 drones over Kyiv in the early hours of 9 February, the air force said.")
    assert [(e.date, e.date_precision) for e in found] == [(date(2024, 2, 9), "day")]


def test_an_act_answering_one_dated_in_its_own_sentence_happened_that_day() -> None:
    found = {e.kind: e for e in events("Gunmen attacked the post on Monday but were repulsed by soldiers.")}
    assert found["response"].date == found["attack"].date is not None


def test_an_interception_of_many_drones_right_after_their_dated_launch_happened_that_day() -> None:
    text = ("Militants launched drones at the base on Tuesday. The base was put on alert. Air defences shot down "
            "six of the drones.")
    found = {e.kind: e for e in events(text)}
    assert found["response"].count == 6 and found["response"].date == found["attack"].date is not None


def test_an_act_told_only_with_a_time_of_day_goes_on_the_day_of_the_act_before() -> None:
    text = ("Troops shelled villages near Kandahar on Saturday, killing two civilians. "
            "Mortar bombs began landing on Kyiv shortly after midnight, residents said.")
    found = sorted(events(text), key=lambda e: e.evidence.start)
    assert [e.date for e in found] == [date(2024, 2, 10), date(2024, 2, 10)]


def test_a_days_name_that_opens_a_persons_name_is_no_date() -> None:
    text = ("Gunmen stormed a village near Kandahar late on Sunday, killing 17 people. Monday Kassah, chairman of the "
            "local council, said the attackers opened fire on residents.")
    found = events(text)
    assert len(found) == 1 and found[0].date == date(2024, 2, 11)


def test_a_day_told_with_followed_by_is_the_day_of_what_followed() -> None:
    found = events("The week opened with a rebel attack on a market in Kharkiv, followed on Saturday by army air "
                   "strikes on rebel camps near Odesa.")
    by_place = {e.place: e.date for e in found}
    assert by_place.get("Kharkiv") is None and by_place.get("Odesa") == date(2024, 2, 10)


def test_a_photo_caption_between_two_acts_does_not_part_them_in_the_story_of_one_day() -> None:
    found = events("Russian drones hit a power plant in Odesa on Saturday, the governor said.\n\n"
                   "FILE - Firefighters work at a damaged building in Kharkiv, Ukraine, Jan. 3, 2024. (Photo: Regional "
                   "Administration) (Second line of credits.)\n\n"
                   "A missile struck a factory in Kherson, injuring four people.")
    assert {e.place: e.date for e in found}.get("Kherson") == date(2024, 2, 10)


def test_the_by_of_a_passer_by_blocks_no_day() -> None:
    found = events("ODESA — A drone strike on a car near the city of Odesa killed a local commander and a passer-by on "
                   "Saturday, the health ministry said.")
    assert [e.date for e in found] == [date(2024, 2, 10)]


def test_an_act_a_caption_shows_is_still_dated_by_the_story_around_it() -> None:
    # The caption's date is the photo's; the act is told after the day's lead and takes its day.
    found = events("A man stands by a bus shelter damaged by shelling in Kherson, Ukraine, Feb. 9, 2024.\n\n"
                   "Russian shelling killed three civilians in villages near Odesa on Saturday, officials said.\n\n"
                   "The governor said the army fired on the region all day.\n\n"
                   "In Kherson, a shell hit a bus shelter, killing two women, the governor said.")
    assert {e.place: e.date for e in found}.get("Kherson") == date(2024, 2, 10)


def test_an_act_before_dawn_with_no_day_told_happened_on_the_day_of_the_report() -> None:
    found = events("A drone struck a warehouse in Kherson before dawn, injuring two workers.\n\n"
                   "Shelling hit a school in Odesa at dawn on Friday.")
    assert {e.place: e.date for e in found} == {"Kherson": PUBLISHED, "Odesa": date(2024, 2, 9)}


def test_the_day_a_group_claimed_the_attack_is_not_the_attacks() -> None:
    found = events("Rebels attacked the village of Kharkiv overnight Friday, killing 22 civilians, officials said.\n"
                   "The militia has killed thousands of civilians in the region over the past decade.\n"
                   "The Islamic State group claimed the attack on its Amaq news agency on Sunday.")
    assert [(e.date, e.target) for e in found] == [(date(2024, 2, 9), "the village of Kharkiv")]


def test_troops_who_arrived_the_next_morning_and_pursued_the_attackers_did_so_a_day_later() -> None:
    found = events("Rebels attacked the village of Kharkiv overnight Friday, killing 22 civilians.\n"
                   "Troops arrived in the village the next morning and pursued the attackers into the forest, "
                   "an army spokesman said.")
    assert [(e.kind, e.date) for e in found] == [("attack", date(2024, 2, 9)), ("response", date(2024, 2, 10))]


def test_an_act_told_in_a_when_clause_on_a_time_is_of_that_time() -> None:
    attacks = events("It was the worst day in the region since early May, when rebels shelled a market in Kharkiv, "
                     "killing six people, monitors said.")
    assert [(a.date, a.killed) for a in attacks] == [(date(2023, 5, 1), 6)]  # early in the May before publication


def test_a_day_told_after_the_place_people_were_taken_from_is_the_acts() -> None:
    attacks = events("Boko Haram insurgents abducted at least 30 women from a camp for displaced people near Gwoza "
                     "on Tuesday, residents said.")
    assert [a.date for a in attacks] == [date(2024, 2, 6)]


def test_continued_attacks_answered_in_a_dated_sentence_take_no_day() -> None:
    from geo.events.extract import extract_events
    from tests.events.helpers import nlp, toponyms_for

    text = ("U.S. forces conducted strikes against 13 Houthi targets near Kharkiv on Saturday in response to "
            "continued Houthi attacks on commercial and naval vessels, the Pentagon said.")
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 25))
    assert [r.date for r in responses] == [date(2024, 2, 24)] and [a.date for a in attacks] == [None]


def test_today_the_tagger_missed_is_the_day_of_publication() -> None:
    from geo.pipeline import analyze_article
    from geo.model import Article

    text = ("Statement from the Press Secretary on a Strike\n\nToday, U.S. forces conducted a unilateral strike in "
            "Baghdad, Iraq, in response to recent attacks on U.S. personnel.")
    report = analyze_article(Article(text=text, published=date(2024, 1, 10)))
    assert [e.date for e in report.responses] == [date(2024, 1, 10)]


def test_an_act_told_in_the_clause_a_later_one_came_after_is_days_before_it() -> None:
    found = events("Troops raided a militant hideout near Kyiv on February 9, killing six fighters. "
                   "The raid came two days after gunmen ambushed a police patrol in Kyiv, killing four officers.")
    assert sorted(e.date for e in found if e.date) == [date(2024, 2, 7), date(2024, 2, 9)]


def test_rockets_intercepted_sections_after_their_launch_take_its_day() -> None:
    found = events("Militants fired about 50 rockets at Kharkiv on February 9. Officials said the barrage caused "
                   "fires. A school was closed. Residents fled to shelters. The army said 38 of the rockets were "
                   "intercepted by air defences.")
    assert [e.date for e in found if e.kind == "response"] == [date(2024, 2, 9)]


def test_an_act_the_same_day_as_the_one_told_before_takes_its_day() -> None:
    found = events("On February 5, troops destroyed a rebel convoy near Kharkiv. The convoy carried fuel. Aid groups "
                   "warned of shortages. The rebels said their fighters shot down an army drone over Kharkiv the same "
                   "day.")
    assert sorted(e.date for e in found) == [date(2024, 2, 5), date(2024, 2, 5)]


def test_an_act_told_under_a_heading_of_its_day_happened_that_day() -> None:
    text = ("Army Update\n\nThe army said rebels kept up attacks on its posts over the past three days.\n\n"
            "February 9\nAt about 6 a.m., rebels fired mortars at a checkpoint near Kharkiv.\n\n"
            "February 10\nIn the evening, soldiers repelled an assault on a base near Odesa.\n")
    found = events(text)
    assert {(e.place, e.date) for e in found} >= {("Kharkiv", date(2024, 2, 9)), ("Odesa", date(2024, 2, 10))}


def test_a_live_blogs_entries_headed_by_day_and_hour_tell_acts_of_that_day() -> None:
    text = ("Live updates\n\nAll times local.\n\n"
            "9 Feb, 06:40\nRebels fired mortars at a checkpoint near Kharkiv, the army said.\n\n"
            "10 Feb, 05:55\nA drone hit a house near Odesa, and an elderly man was taken to hospital.\n")
    assert {(e.place, e.date) for e in events(text)} == {("Kharkiv", date(2024, 2, 9)), ("Odesa", date(2024, 2, 10))}


def test_one_date_line_is_a_header_not_a_day_the_text_is_told_by() -> None:
    text = ("Statement by the Ministry\nFebruary 9, 2024\n\n"
            "Rebels fired mortars at a checkpoint near Kharkiv, the ministry said in a statement.\n")
    attacks, _ = extract_events(nlp()(text), toponyms_for(text), published=None)  # (not the report's day either)
    assert [e.date for e in attacks] == [None]


def test_the_night_of_a_day_of_a_month_and_year_is_that_day() -> None:
    from geo.pipeline import analyze

    text = "On the night of 10 March 2025, rebel fighters attacked a police post on the main road."
    assert [(e.date, e.date_precision) for e in analyze(text, published=date(2025, 3, 14)).events] == [
        (date(2025, 3, 10), "day")]


def test_a_day_the_tagger_missed_is_read_from_its_words() -> None:
    from geo.pipeline import analyze

    report = analyze("On the morning of 9 April 2025, two Redland glide bombs struck a residential quarter of Kharkiv, "
                     "killing three civilians.", published=date(2025, 4, 12))
    assert [(e.date, e.place) for e in report.events] == [(date(2025, 4, 9), "Kharkiv")]


def test_an_act_told_only_by_its_hour_goes_on_the_day_of_the_timeline_before_it() -> None:
    found = events("On February 10, at about 2 p.m., rebels fired two missiles at a tanker in the Gulf of Aden. One "
                   "missile hit the tanker's bow. The other fell into the sea. The crew put out a small fire. The "
                   "tanker sailed on to its port. At about 7:15 p.m., the rebels launched three drones at a freighter "
                   "in the Red Sea.")
    assert [(e.place, e.date) for e in found] == [("Gulf of Aden", date(2024, 2, 10)), ("Red Sea", date(2024, 2, 10))]


def test_the_day_of_saying_does_not_date_an_act_told_with_a_time_of_its_own() -> None:
    found = events("Gunmen stormed a village near Kharkiv over the weekend, killing at least ten people, officials "
                   "said Monday.")
    assert [(e.place, e.date) for e in found] == [("Kharkiv", None)]
    found = events("Gunmen stormed a village near Kharkiv, killing at least ten people, officials said Monday.")
    assert [e.date for e in found] == [date(2024, 2, 12)]  # no time of its own: the day it was said, as before


def test_a_night_watchman_tells_no_time_of_the_act() -> None:
    text = ("Russian drones struck Odesa overnight into Monday, killing two people, officials said. In Kharkiv, a "
            "missile hit a grain store shortly before 4 a.m., killing a night watchman and wounding nine.")
    struck = [e for e in events(text) if e.place == "Kharkiv"]
    assert [e.date for e in struck] == [PUBLISHED]
    # the time of an act told so stays its own: "a night raid" on Saturday is not of Monday
    raid = events("Russian drones struck Odesa overnight into Monday, officials said. In Kharkiv, troops repelled a "
                  "night raid on Saturday.")
    assert [e.date for e in raid if e.place == "Kharkiv"] != [PUBLISHED]


def test_an_ongoing_bombardment_a_side_cites_is_no_act() -> None:
    text = ("Kyiv has described its strikes as answers to Moscow's bombardment of the power grid, which has "
            "intensified almost nightly since early October.")
    assert events(text) == []


def test_an_act_of_a_bulletins_past_night_is_of_its_day() -> None:
    (event,) = events("Over the past night, rebels attacked facilities in Kharkiv with drones.")
    assert event.date == PUBLISHED


def test_items_of_a_list_a_dated_line_opens_happened_that_day() -> None:
    text = ("Army Update\n\nOn February 9, the army carried out the following actions in the east:\n\n"
            "1. Between 6:10 a.m. and 7:05 a.m., soldiers destroyed two rocket launchers near Kharkiv.\n\n"
            "2. At about 3 p.m., rebels fired mortars at a checkpoint near Kramatorsk.\n\n"
            "3. Later in the day, soldiers repelled an assault on a base near Odesa.\n")
    found = {(e.place, e.date) for e in events(text)}
    assert found >= {("Kharkiv", date(2024, 2, 9)), ("Kramatorsk", date(2024, 2, 9)), ("Odesa", date(2024, 2, 9))}


def test_a_night_told_by_two_days_and_the_month_is_dated_to_the_day() -> None:
    (event,) = events("On the night of 9–10 February 2024, Russian drones struck a fuel depot in Odesa, the "
                      "governor said.")
    assert (event.date, event.date_precision) == (date(2024, 2, 10), "day")


def test_an_undated_act_of_a_report_happened_on_the_last_day_told_else_the_reports() -> None:
    alone = "Drones hit a fuel depot near Odesa, the governor said. Firefighters worked for hours."
    assert [e.date for e in events(alone)] == [PUBLISHED]
    told = ("Rebels shelled Kherson on Saturday, killing two people. The army said it had closed the bridge. "
            "Officials asked residents to stay indoors. Drones also hit a fuel depot near Odesa, the governor said.")
    assert [e.date for e in events(told)] == [date(2024, 2, 10), date(2024, 2, 10)]
    assert [e.date for e in events("= Odesa depot strike =\n\n" + alone)] == [None]
    assert [e.date for e in events(alone.replace("Drones hit", "In 2019, drones hit"))] == [None]


def test_the_day_of_a_noun_told_in_a_participle_after_it_is_not_the_acts() -> None:
    text = ("Rebels shelled a market in Kherson on Friday. The shelling came a month before the third anniversary "
            "of the rebels' invasion, launched in February 2021.")
    assert [(e.date, e.date_precision) for e in events(text)] == [(date(2024, 2, 9), "day")]


def test_what_air_defences_downed_of_drones_sent_that_night_was_downed_that_night() -> None:
    text = ("The air force said the enemy sent 40 drones toward Tarsa during the night, and that air defense units "
            "downed 31 of them.")
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 5, 22))
    assert [a.date for a in attacks] == [date(2024, 5, 22)]
    assert [r.date for r in responses] == [date(2024, 5, 22)]


def test_the_day_of_an_answer_told_by_its_means_is_the_day_of_the_act_it_names() -> None:
    # PUBLISHED is a Monday: "late Saturday" is Feb. 10, "on Sunday" Feb. 11.
    found = events("Jets bombed two villages in Kherson late Saturday, and rebels answered on Sunday by attacking "
                   "army posts along the border.")
    assert sorted((e.kind, e.date) for e in found) == [("attack", date(2024, 2, 10)), ("response", date(2024, 2, 11))]


def test_an_act_later_that_evening_is_of_the_day_of_the_act_told_before() -> None:
    found = events("On Saturday, rebels fired a missile at a ship near Hodeidah. Later that evening, jets struck two "
                   "rebel radar sites near Hodeidah.")
    assert [e.date for e in found] == [date(2024, 2, 10), date(2024, 2, 10)]


def test_an_interception_right_after_an_attack_told_overnight_takes_the_night_s_day() -> None:
    found = events("Rebel forces targeted an air base near Kherson overnight. The ministry said air defences destroyed "
                   "four missiles and nine drones over the region.")
    assert {e.kind: e.date for e in found} == {"attack": date(2024, 2, 12), "response": date(2024, 2, 12)}


def test_an_act_told_after_midnight_after_one_late_in_a_day_is_of_the_next_day() -> None:
    found = events("Rebels shelled the town of Kalo late on Saturday, February 10. Shortly after midnight, army jets "
                   "struck a rebel depot near Dorvani.")
    assert [e.date for e in found] == [date(2024, 2, 10), date(2024, 2, 11)]
    found = events("Rebels shelled the town of Kalo overnight and early on Saturday, February 10. Shortly after "
                   "midnight, army jets struck a rebel depot near Dorvani.")
    assert [e.date for e in found] == [date(2024, 2, 10), date(2024, 2, 10)]
