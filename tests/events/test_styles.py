"""How briefings, press releases and wire stories tell acts: headings then parts, tallies beside single acts,
claims in a spokesman's words, questions. Made-up texts."""

from __future__ import annotations

from datetime import date

from geo.events.extract import extract_events
from geo.model import Event
from tests.events.helpers import nlp, toponyms_for

PUBLISHED = date(2024, 2, 16)  # a Friday


def everything(text: str) -> list[Event]:
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=PUBLISHED)
    return attacks + responses


def test_a_heading_of_strikes_is_folded_into_the_strikes_it_lists() -> None:
    text = ("Militias attacked U.S. bases in Iraq on Monday. Last night, U.S. forces carried out strikes in response "
            "to the attacks. In Syria, two jets struck a weapons depot near Albu Kamal. Separately, a gunship hit a "
            "command post near Mayadeen.")
    responses = [e for e in everything(text) if e.kind == "response"]
    assert sorted((e.place, e.date, e.actor, e.count) for e in responses) == [
        ("Al Mayādīn", date(2024, 2, 15), "U.S. forces", None), ("Ālbū Kamāl", date(2024, 2, 15), "U.S. forces", None)]


def test_at_the_direction_of_someone_is_no_target() -> None:
    (event,) = everything("At the direction of the President, U.S. forces struck a depot near Albu Kamal on Monday.")
    assert event.target == "a depot"


def test_a_vow_told_after_an_act_does_not_make_it_hypothetical() -> None:
    text = ("Rebels struck a cargo ship in the Red Sea on Monday, in the latest assault on a route the group has "
            "vowed to close.")
    assert [e.date for e in everything(text)] == [date(2024, 2, 12)]


def test_a_dated_act_and_a_tally_of_many_are_two_events() -> None:
    text = ("Houthi rebels struck a cargo ship in the Red Sea on Monday. The Houthis have carried out more than 40 "
            "attacks on ships in the Red Sea since November.")
    assert sorted((e.count or 1) for e in everything(text)) == [1, 40]


def test_one_act_with_a_target_of_its_own_is_not_the_tally_before_it() -> None:
    text = ("Since October, militias have attacked U.S. forces in Syria more than 60 times. On Monday, a drone hit "
            "a barracks near Albu Kamal.")
    assert sorted((e.count or 1) for e in everything(text)) == [1, 60]


def test_the_most_recent_of_many_is_one_of_them_told_by_its_when_clause() -> None:
    text = ("Militias have attacked U.S. forces in Iraq more than 60 times since October. The most recent attack "
            "came on Tuesday, when two drones were launched at a base near Al Qaim.")
    single = [e for e in everything(text) if e.count is None]
    assert [(e.place, e.date) for e in single] == [("Al Qa'im", date(2024, 2, 13))]


def test_its_forces_in_a_spokesmans_words_are_his_groups() -> None:
    (event,) = everything("Houthi military spokesman Yahya Saree said its naval forces had targeted a tanker in "
                          "the Red Sea on Monday.")
    assert event.actor == "Houthis"


def test_a_question_names_no_actor() -> None:
    events = everything("Q: Channels are reporting a drone strike this morning near Al Qaim. Was that a U.S. strike?")
    assert [e.actor for e in events] == [None]


def test_what_happened_on_and_off_is_a_habit() -> None:
    assert everything("These militias were firing at our troops on and off in 2020 and 2021.") == []


def test_two_aircraft_striking_is_one_strike_told() -> None:
    (event,) = everything("On Monday, two jets struck a weapons depot near Albu Kamal.")
    assert event.count is None


def test_a_side_named_by_two_countries_fits_either() -> None:
    text = ("U.S. jets strike Houthi sites near the Red Sea\n\nOn Monday, U.S. and British warplanes carried out "
            "strikes on Houthi radar sites near the Red Sea.")
    assert len(everything(text)) == 1


def test_a_country_named_again_is_no_sign_of_an_older_act_in_a_town_of_it() -> None:
    text = ("On Monday, a drone hit a barracks near Al Qaim, injuring two soldiers. On Tuesday, U.S. jets struck a "
            "depot near Albu Kamal. In Iraq, a gunship hit a militia post on Tuesday.")
    assert len(everything(text)) == 3


def test_an_encyclopedia_definition_heads_the_acts_told_below_it() -> None:
    from datetime import date

    from geo.events.extract import extract_events
    from tests.events.helpers import nlp, toponyms_for

    text = ("The 2024 Russian strikes on Kharkiv were a combined missile and drone attack launched on 9 February.\n\n"
            "==Attacks==\nOn 9 February, Russia fired 20 missiles at Kharkiv, killing four people.")
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert len(attacks) == 1 and not responses and attacks[0].killed == 4
    text = "The 2024 Kharkiv bombing was a missile attack on Kharkiv on 9 February that killed four people."
    attacks, _responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 2, 12))
    assert len(attacks) == 1 and attacks[0].place == "Kharkiv"  # the article tells no other act: the definition's


def test_a_dateline_the_parse_hung_on_the_subject_is_never_part_of_the_actor() -> None:
    import spacy
    from spacy.tokens import Doc

    from geo.events.actor_phrases import _np

    # A parse (built by hand) that took the dateline into the subject's phrase, as the tagger sometimes does.
    words = ["TARNO", ",", "Ruvania", ",", "Aug.", "20", "(", "Wire", ")", "–", "Armed", "men", "raided", "a", "village", "."]
    heads = [11, 0, 0, 0, 0, 4, 7, 0, 7, 0, 11, 12, 12, 14, 12, 12]
    deps = ["compound", "punct", "appos", "punct", "npadvmod", "nummod", "punct", "appos", "punct", "punct", "amod",
            "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "NUM", "PUNCT", "PROPN", "PUNCT", "PUNCT", "ADJ", "NOUN",
           "VERB", "DET", "NOUN", "PUNCT"]
    spaces = [False, True, False, True, True, True, False, False, True, True, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    assert doc.text.startswith("TARNO, Ruvania, Aug. 20 (Wire) – Armed men")
    assert _np(doc[11]) == "Armed men"


def test_an_articles_defining_sentence_gives_its_act_the_place_day_doer_and_toll_the_body_leaves_untold() -> None:
    text = ("The 2024 Kharkiv market strike was an air attack by the Russian Air Force on a crowded market in Kharkiv "
            "on 9 February 2024. At least 30 civilians were killed and more than 50 injured, according to residents.\n\n"
            "Strike\n"
            "According to witnesses, a drone struck the market around noon, when it was busiest.")
    found = everything(text)
    assert [(e.place, e.date, e.killed, e.injured) for e in found] == [("Kharkiv", date(2024, 2, 9), 30, 50)]
    assert found[0].actor is not None and "Russia" in found[0].actor


def test_the_groups_fighters_are_the_side_its_spokesperson_speaks_for() -> None:
    found = everything("A Redland spokesperson, Omar Haddad, said the group's fighters had ambushed an army convoy "
                       "near Kharkiv on 10 February, killing 17 soldiers.")
    assert [e.actor for e in found] == ["Redland"]


def test_a_section_heading_is_no_acts_evidence() -> None:
    text = ("The 2024 Kharkiv market strike was an air attack by the Russian Air Force on a market in Kharkiv on "
            "9 February 2024.\n\nStrike\nAccording to witnesses, a drone struck the market around noon.\n\n"
            "Aftermath\nThe governor condemned the strike.")
    found = everything(text)
    assert len(found) == 1 and found[0].evidence.text != "Strike"
    assert all(m.text != "Strike" for m in found[0].mentions)


def test_forces_after_an_opening_phrase_are_the_doers_however_parsed() -> None:
    (event,) = everything("At the direction of the President, U.S. military forces tonight conducted precision "
                          "strikes on two depots near Kharkiv used by the rebels.")
    assert event.actor == "U.S. military forces"


def test_a_defining_sentence_is_its_own_act_beside_the_interception_and_the_strikes_days_later() -> None:
    text = ("The 2024 Kharkiv drone attack was a drone and rocket attack carried out on 9 February 2024 against a "
            "power station in Kharkiv. Most of the drones were shot down by air defences, but one hit a transformer. "
            "Three days later, Redland aircraft bombed depots near Odesa.")
    found = everything(text)
    assert sorted((e.kind, e.place, e.count) for e in found if e.place != "Odesa") == [
        ("attack", "Kharkiv", None), ("response", None, None)]  # (not 2024 attacks: a year)
    assert [e.kind for e in found if e.place == "Odesa"] == ["attack"]


def test_strikes_that_destroyed_sites_and_a_separate_strike_are_two_answers() -> None:
    text = ("Militants fired missiles at a tanker in the Red Sea on Monday. Later, U.S. forces conducted self-defense "
            "strikes that destroyed two radar sites near Hodeidah. In a separate strike, U.S. forces destroyed a "
            "launcher near Kharkiv.")
    responses = [e for e in everything(text) if e.kind == "response"]
    assert sorted((e.target or "", e.place or "") for e in responses) == [
        ("a launcher", "Kharkiv"), ("two radar sites", "Al Hudaydah")]


WIKI_AFTERMATH = """https://en.wikipedia.org/wiki/2024_Gusau_kidnapping
2024-05-10

= 2024 Gusau kidnapping =

The 2024 Gusau kidnapping was a mass abduction of students in Zamfara State, Nigeria.

==Kidnapping==
On 3 May 2024, gunmen abducted 20 students from a secondary school in Gusau.

==Aftermath==
On 5 May, soldiers stormed a bandit camp near Gusau, killing six gunmen and freeing four students.

On 6 May, gunmen ambushed an army patrol near Gusau, killing two soldiers.
"""


def test_forces_striking_armed_mens_camps_in_an_aftermath_section_respond() -> None:
    from geo.events.headlines import section_kind
    from geo.pipeline import analyze

    doc = nlp()("== Rescue operation ==\n")
    assert section_kind(doc[:]) == "aftermath"
    url = "https://en.wikipedia.org/wiki/2024_Gusau_kidnapping"
    report = analyze(WIKI_AFTERMATH, published=date(2024, 5, 10), url=url)
    kinds = {e.actor: e.kind for e in report.attacks + report.responses if "camp" in (e.target or "") or (
        "patrol" in (e.target or ""))}
    assert kinds == {"soldiers": "response", "gunmen": "attack"}
