"""geo.places.recognize_spans: the span tests the toponym recogniser applies."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from geo.model import Candidate
from geo.nlp import load_pipeline
from geo.places.name_extent import capitalised_runs, is_capitalised
from geo.places.locative_cues import locative_cue
from geo.places.recognize_spans import DocContext, dateline_agencies, listed, looks_common, modifies_noun, names_a_channel, trim


def _blank(words: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words)


def test_capitalised_words_and_abbreviations_with_periods() -> None:
    doc = _blank(["Wheeling", ",", "W.Va.", "and", "Ala.", "a.m.", "US", "x"])
    assert [is_capitalised(t) for t in doc] == [True, False, True, False, True, False, True, False]


def test_capitalised_runs_skip_taken_tokens_and_keep_connectors_inside() -> None:
    doc = _blank(["near", "Deir", "ez", "Zor", "and", "Abu", "Kamal", "."])
    runs = capitalised_runs(doc, [False] * len(doc), max_tokens=4)
    assert [r.text for r in runs] == ["Deir ez Zor", "Abu Kamal"]
    taken = [False, True, True, True, False, False, False, False]
    assert [r.text for r in capitalised_runs(doc, taken, max_tokens=4)] == ["Abu Kamal"]


def test_trim_drops_articles_and_possessives() -> None:
    doc = _blank(["the", "Gaza", "Strip", "'s", "border"])
    assert trim(doc[0:4]).text == "Gaza Strip"
    assert trim(doc[0:1]) is None
    doc = _blank(["Target", ":", "Harar", "Hospital", "\n", "-"])  # an entity run to the end of its line
    assert trim(doc[2:5]).text == "Harar Hospital"


def test_locative_cues_and_the_container_of_comma_state() -> None:
    places = {
        "Texas": [Candidate(name="Texas", kind="admin1", country="US", lat=31.0, lon=-99.0, score=1.0)],
        "Paris": [Candidate(name="Paris", kind="city", country="US", lat=33.66, lon=-95.55, admin1="Texas",
                            score=1.0)],
    }

    def lookup(text: str) -> list[Candidate]:
        return places.get(text, [])

    doc = load_pipeline()("Shells fell near the city of Qaryat. Rain hit Paris, Texas, on Monday.")
    qaryat = next(t for t in doc if t.text == "Qaryat")
    assert locative_cue(doc[qaryat.i:qaryat.i + 1], lookup)[0] == "city_of"
    paris = next(t for t in doc if t.text == "Paris")
    assert locative_cue(doc[paris.i:paris.i + 1], lookup) == ("comma_state", "Texas")


def test_the_container_of_a_name_or_a_short_list_put_in_a_province() -> None:
    places = {"Tarsa": [Candidate(name="Tarsa", kind="admin1", country="RU", lat=50.0, lon=20.0, score=1.0)]}

    def lookup(text: str) -> list[Candidate]:
        return places.get(text, [])

    doc = _blank(["shells", "hit", "the", "villages", "of", "Umbra", "and", "Kelta", "in", "Tarsa", "on", "Monday"])
    assert locative_cue(doc[5:6], lookup)[1] == "Tarsa"  # the first of the list
    assert locative_cue(doc[7:8], lookup)[1] == "Tarsa"
    doc = _blank(["fighting", "in", "Umbra", "in", "Tarsa", "'s", "war"])
    doc[5].tag_ = "POS"
    assert locative_cue(doc[2:3], lookup)[1] is None  # "Tarsa's war": no division named
    doc = _blank(["Kelta", "in", "Tarsa", "City"])
    assert locative_cue(doc[0:1], lookup)[1] is None  # another name that starts with the division's
    doc = _blank(["Tarsa", "in", "Tarsa"])
    assert locative_cue(doc[0:1], lookup)[1] is None  # a division itself lies in none


def test_doc_context_knows_full_person_names_and_lower_case_words() -> None:
    doc = load_pipeline()("Lloyd Austin said the reading of the report in Austin went well.")
    context = DocContext.of(doc)
    assert "Austin" in context.person_words and "reading" in context.lower_words
    reading = _blank(["Reading", "is", "fun", ",", "reading", "too"])
    assert looks_common(reading[0:1], frozenset({"reading"}))


def test_a_name_before_a_noun_modifies_it_but_not_before_a_place_word() -> None:
    doc = load_pipeline()("Sunni militias took Aleppo province and Aleppo.")
    sunni, province_aleppo, aleppo = doc[0:1], doc[3:4], doc[6:7]
    assert modifies_noun(sunni) and not modifies_noun(province_aleppo) and not modifies_noun(aleppo)


def test_a_list_of_towns_is_not_a_town_and_its_state() -> None:
    places = {
        "New York": [Candidate(name="New York", kind="admin1", country="US", lat=43.0, lon=-75.5, score=1.0)],
        "Washington": [Candidate(name="Washington County", kind="admin2", country="US", lat=43.3, lon=-73.4,
                                 admin1="New York", score=1.0)],
    }
    doc = load_pipeline()("After stops in Washington, New York and Boston, the prince flew west.")
    washington = doc[3:4]
    assert listed(washington, doc[5:7])
    assert locative_cue(washington, lambda text: places.get(text, []))[0] != "comma_state"


def test_a_dateline_in_capitals_is_a_city_cue() -> None:
    for words, size in [(["WASHINGTON", "(", "AP", ")", "—", "Lawmakers", "met"], 1),
                        (["NEW", "YORK", "(", "Reuters", ")", "-", "Stocks", "fell"], 2),
                        (["BAGHDAD", "—", "A", "bomb", "exploded"], 1)]:
        doc = _blank(words)
        assert locative_cue(doc[0:size], lambda _: []) == ("city", None), words
    # A name in capitals elsewhere, or a title-case name before a bracket, is no dateline.
    assert locative_cue(_blank(["Washington", "(", "AP", ")", "said"])[0:1], lambda _: []) == (None, None)
    assert locative_cue(_blank(["IRAN", "said", "so"])[0:1], lambda _: []) == (None, None)


def test_a_dateline_reads_the_capital_not_the_state() -> None:
    from geo import geoparse

    first, *_ = geoparse("WASHINGTON (AP) — Lawmakers met Seattle officials on Tuesday.")
    assert first.text == "WASHINGTON" and first.kind == "city" and first.admin1 == "District of Columbia"


def test_the_object_of_a_shelling_has_a_strong_cue_of_a_raid_a_weak_one() -> None:
    # No person is shelled: a name shelled is a place, even one the tagger took for a person's; people are raided.
    doc = load_pipeline()("Russian forces shelled Nikopol and Marhanets overnight. Police questioned Marhanets. "
                          "Troops raided Tarsa.")
    nikopol, marhanets, questioned, tarsa = (t for t in doc if t.text in {"Nikopol", "Marhanets", "Tarsa"})
    for token in (nikopol, marhanets):
        assert locative_cue(doc[token.i:token.i + 1], lambda text: [])[0] == "struck"
    assert locative_cue(doc[questioned.i:questioned.i + 1], lambda text: [])[0] is None
    assert locative_cue(doc[tarsa.i:tarsa.i + 1], lambda text: [])[0] == "near"


def test_a_name_called_a_community_with_a_modifier_between_is_a_town() -> None:
    doc = load_pipeline()("Gunmen raided Tarsa, a farming community about 40 km east of the capital, on Monday.")
    assert locative_cue(doc[2:3], lambda text: [])[0] == "city"


def test_a_town_word_that_modifies_the_noun_after_the_name_is_not_part_of_it() -> None:
    doc = load_pipeline()("Fighters kill 12 in Tarsa village raid; troops rescue women")
    assert trim(doc[4:6]).text == "Tarsa"
    doc = load_pipeline()("Fighters raided Tarsa village on Monday.")
    assert trim(doc[2:4]).text == "Tarsa village"


def test_a_rank_written_short_before_a_name_is_no_place() -> None:
    from geo.pipeline import analyze

    report = analyze("The army spokesman, Brig. Gen. Omar Kessla, said troops had retaken the town of Kassala.")
    assert "Brig" not in {p.name for p in report.places}


def test_the_agencies_datelines_credit() -> None:
    text = "Headline Of The Day\n\n  DORA/KESSA, May 2 (Sahel Wire) – Gunmen attacked.\nThe (Old) Town said.\n"
    assert dateline_agencies(text) == {"Sahel Wire"}
    assert dateline_agencies("Rebels (the Front) took the town.\nNo dateline here.") == frozenset()


def test_a_broadcasters_name_is_a_channel() -> None:
    doc = _blank("A spokesman told Lakeside Horizon TV and Radio Kestrel that the Tigris Water Board had met .".split())
    assert names_a_channel(doc[3:6]) and names_a_channel(doc[7:9]) and not names_a_channel(doc[11:14])
