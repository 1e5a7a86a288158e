"""The geo_toponyms component (geo.places.recognize)."""

from __future__ import annotations

from datetime import date

import spacy
from spacy.tokens import Doc, Span

from geo.gazetteer.normalize import fold_name
from geo.model import Candidate
from geo.nlp import load_pipeline
from geo.pipeline import analyze
from geo.places.recognize import SPAN_KEY, ToponymRecognizer


class FakeGazetteer:
    """A tiny in-memory gazetteer for the component's unit tests."""

    def __init__(self, places: dict[str, list[Candidate]]) -> None:
        self.places = {fold_name(k): v for k, v in places.items()}

    def candidates(self, name: str, *, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        return self.places.get(fold_name(name), [])[:limit]


def _city(name: str, country: str, population: int, admin1: str | None = None) -> Candidate:
    return Candidate(name=name, kind="city", country=country, lat=1.0, lon=2.0, population=population,
                     admin1=admin1, score=1.0)


FAKE = FakeGazetteer({
    "Qaryat": [_city("Qaryat", "SY", 3000)],
    "Bigtown": [_city("Bigtown", "SY", 2_000_000)],
    "Kasongo": [_city("Kasongo", "CD", 300_000)],
    "Hope": [_city("Hope", "US", 9000)],
    "Elmwood": [_city("Elmwood", "US", 5000, admin1="Kansas")],
    "Watertown": [_city("Watertown", "US", 28000)],
    "Kelmar": [_city("Kelmar", "AF", 70000)],
    "al-Kelmar": [_city("Al Kelmar", "IQ", 70000)],
    "Tarsa Citadel": [Candidate(name="Tarsa Citadel", kind="facility", country="RU", lat=50, lon=20, score=1.0)],
    "Brandt": [_city("Brandt", "US", 30000)],
    "Leesburg": [_city("Leesburg", "US", 600)],
    "Kansas": [Candidate(name="Kansas", kind="admin1", country="US", lat=38.5, lon=-98.0, score=1.0)],
    "Tarsa State": [Candidate(name="Tarsa", kind="admin1", country="RU", lat=50, lon=20, score=1.0)],
    "Ruritania": [Candidate(name="Ruritania", kind="country", country="RU", lat=50, lon=20, score=1.0)],
    "Tarsk": [_city("Tarsk", "RU", 0)],  # a town of no recorded size
    "Ras al-Tarsk": [_city("Ras al Tarsk", "RU", 0)],
    "As Salif": [_city("As Salif", "RU", 0)],
    "Debre Tarsk": [_city("Debre Tarsk", "RU", 140_000)],
    "Oldbury": [Candidate(name="Newport", kind="city", country="RU", lat=50, lon=20, population=400_000, score=1.0,
                          main_name=False)],  # an old name of a big town
})


def _doc(words: list[str], ents: list[tuple[int, int, str]] = ()) -> Doc:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _run(doc: Doc) -> list[tuple[str, str, str | None]]:
    ToponymRecognizer(gazetteer=FAKE)(doc)
    return [(s.text, s.label_, s._.geo_cue) for s in doc.spans[SPAN_KEY]]


def test_gpe_and_loc_entities_are_trusted() -> None:
    doc = _doc(["Clashes", "in", "Nowhereland", "and", "Ruritania", "."], [(2, 3, "GPE"), (4, 5, "LOC")])
    assert _run(doc) == [("Nowhereland", "GPE", "near"), ("Ruritania", "LOC", None)]


def test_org_with_city_of_cue_is_kept() -> None:
    doc = _doc(["a", "camp", "near", "the", "city", "of", "Qaryat", "."], [(6, 7, "ORG")])
    assert _run(doc) == [("Qaryat", "GAZ", "city_of")]
    assert doc.spans[SPAN_KEY][0]._.geo_gated is True


def test_date_entity_with_near_cue_is_kept() -> None:
    doc = _doc(["a", "house", "near", "Qaryat", "."], [(3, 4, "DATE")])
    assert _run(doc) == [("Qaryat", "GAZ", "near")]


def test_org_and_person_without_cue_are_dropped() -> None:
    doc = _doc(["Qaryat", "said", "that", "Elmwood", "won", "."], [(0, 1, "ORG"), (3, 4, "PERSON")])
    assert _run(doc) == []


def test_person_tagged_big_city_is_kept_unless_part_of_a_longer_name() -> None:
    # the small model tags "Kharkiv" PERSON; a city of millions is strong evidence ...
    doc = _doc(["Shelling", "hit", "Bigtown", "."], [(2, 3, "PERSON")])
    assert _run(doc) == [("Bigtown", "GAZ", None)]
    # ... but not when the same word is a surname ("Lloyd Austin" ... "Austin")
    doc = _doc(["Joe", "Bigtown", "spoke", ".", "Bigtown", "smiled"], [(0, 2, "PERSON"), (4, 5, "PERSON")])
    assert _run(doc) == []


def test_a_person_tagged_arabic_feature_name_is_a_place() -> None:
    # "Ras", "Wadi", "Tall" (a cape, a valley, a hill) and a name joined by its article: a place, no cue needed
    doc = _doc(["Gunmen", "attacked", "Ras", "al", "-", "Tarsk", "and", "Tall", "el", "-", "Nowhere", "."],
               [(2, 6, "PERSON"), (7, 11, "PERSON")])
    assert [t for t, _, _ in _run(doc)] == ["Ras al - Tarsk", "Tall el - Nowhere"]
    doc = _doc(["Gunmen", "attacked", "Bakr", "al", "-", "Tarsk", "."], [(2, 6, "PERSON")])  # a man's name
    assert _run(doc) == []


def test_capitalised_run_needs_cue_or_strong_evidence() -> None:
    doc = _doc(["They", "saw", "Qaryat", "and", "Bigtown", "and", "Ruritania", "today", "."])
    texts = [t for t, _, _ in _run(doc)]
    assert texts == ["Bigtown", "Ruritania"]  # the small town has no cue; big city and country do


def test_common_word_at_sentence_start_is_not_a_place() -> None:
    doc = _doc(["Hope", "is", "fading", "near", "the", "coast", "."])
    assert _run(doc) == []


def test_comma_state_cue_names_the_container() -> None:
    doc = _doc(["He", "lives", "in", "Elmwood", ",", "Kansas", "."], [(3, 4, "GPE"), (5, 6, "GPE")])
    ToponymRecognizer(gazetteer=FAKE)(doc)
    first = doc.spans[SPAN_KEY][0]
    assert (first.text, first._.geo_cue, first._.geo_container) == ("Elmwood", "comma_state", "Kansas")


def test_province_cue_after_the_name() -> None:
    doc = _doc(["in", "the", "Kansas", "province", "."], [(2, 3, "GPE")])
    assert _run(doc) == [("Kansas", "GPE", "province")]


def test_demonyms_and_adjectival_names_are_not_places() -> None:
    doc = _doc(["Ruritanian", "and", "Ruritania", "-", "backed", "forces"], [(0, 1, "NORP"), (2, 3, "GPE")])
    assert _run(doc) == []


def test_leading_article_is_trimmed() -> None:
    doc = _doc(["in", "the", "Ruritania", "."], [(1, 3, "GPE")])
    assert _run(doc) == [("Ruritania", "GPE", "near")]


def test_without_gazetteer_only_entities_are_kept() -> None:
    doc = _doc(["near", "Qaryat", "in", "Ruritania"], [(1, 2, "ORG"), (3, 4, "GPE")])
    ToponymRecognizer(use_gazetteer=False)(doc)
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["Ruritania"]


# --- through the real pipeline -------------------------------------------------------------


def _toponyms(text: str) -> list[str]:
    """The place names found, demonym spans (label NORP) left out."""
    doc = load_pipeline()(text)
    return [s.text for s in doc.spans[SPAN_KEY] if s.label_ != "NORP"]


def test_sample_places_mislabelled_by_the_model_are_found() -> None:
    with open("assets/sample_article.txt", encoding="utf-8") as handle:
        found = _toponyms(handle.read())
    assert {"Albu Kamal", "Mayadeen", "Deir Ezzor", "Syria", "Iraq", "Middle East"} <= set(found)
    assert not {"Lloyd Austin", "Austin", "Reuters", "Pentagon", "Hamas", "Iranian", "IRGC"} & set(found)


def test_common_words_person_names_and_speakers_are_not_places() -> None:
    found = _toponyms(
        "Hope is fading. Reading the report, Nice officials met in March. "
        "Jordan Henderson scored. Washington said the talks failed."
    )
    assert found == []


def test_arabic_names_split_by_the_tokenizer_are_rejoined() -> None:
    assert "Deir ez-Zor" in _toponyms("Fighting continued near Deir ez-Zor on Monday.")


def test_a_name_joined_by_a_portuguese_or_italian_particle_is_one_name() -> None:
    doc = _doc(["Troops", "reached", "Debre", "da", "Tarsk", "near", "Kelmar", "."], [(2, 3, "GPE"), (4, 5, "GPE")])
    ToponymRecognizer(gazetteer=FakeGazetteer({"Debre da Tarsk": [_city("Debre da Tarsk", "RU", 45_000)],
                                               "Kelmar": [_city("Kelmar", "AF", 70000)]}))(doc)
    assert "Debre da Tarsk" in [s.text for s in doc.spans[SPAN_KEY]]


def test_facility_name_with_its_kind_word() -> None:
    assert "Ain al-Asad air base" in _toponyms("Rockets hit Ain al-Asad air base in Anbar province.")


def test_person_tagged_town_modifying_residents_is_kept() -> None:
    # "An Elmwood man ..." / "Qaryat police said": a place name as a modifier of its residents.
    doc = _doc(["An", "Elmwood", "man", "was", "hurt", "."], [(1, 2, "PERSON")])
    assert [text for text, _, _ in _run(doc)] == ["Elmwood"]
    doc = _doc(["Qaryat", "police", "said", "it", "rained", "."], [(0, 1, "PERSON")])
    assert [text for text, _, _ in _run(doc)] == ["Qaryat"]


def test_a_town_spelled_like_one_is_kept_whatever_the_tagger_said() -> None:
    # "-town", "-ville", "-burg": endings of town names that no given name has.
    doc = _doc(["Watertown", "schools", "reopened", "."], [(0, 1, "PERSON")])
    assert [text for text, _, _ in _run(doc)] == ["Watertown"]
    doc = _doc(["Watertown", "approved", "the", "budget", "."], [(0, 1, "ORG")])
    assert [text for text, _, _ in _run(doc)] == ["Watertown"]
    # not a hamlet of a few hundred people, and not a word of a person's full name in the text
    assert _run(_doc(["Leesburg", "approved", "it", "."], [(0, 1, "ORG")])) == []
    doc = _doc(["Ann", "Watertown", "spoke", ".", "Watertown", "smiled"], [(0, 2, "PERSON"), (4, 5, "PERSON")])
    assert _run(doc) == []


def test_postal_abbreviations_keep_their_period_and_end_with_their_sentence() -> None:
    found = _toponyms("A man from Wheeling, W.Va., was hurt. Officials in Huntsville, Ala. An official said. "
                      "From Red Deer, Alta., to Austin, Tex., the roads closed.")
    assert {"W.Va.", "Ala.", "Alta.", "Tex."} <= set(found)
    assert not [name for name in found if name.startswith("Ala. ")]


def test_person_followed_by_other_nouns_still_needs_a_cue() -> None:
    doc = _doc(["Elmwood", "books", "sold", "well", "."], [(0, 1, "PERSON")])
    assert _run(doc) == []


def test_a_place_name_is_a_place_wherever_else_it_occurs() -> None:
    text = ("A sewer overflow hit Gainesville on Monday. Gainesville's Tom Thumb supermarket closed, "
            "said George Gainesville Smith.")
    doc = load_pipeline()(text)
    found = [s for s in doc.spans[SPAN_KEY] if s.text == "Gainesville"]
    starts = [s.start_char for s in found]
    assert starts == [text.index("Gainesville"), text.index("Gainesville's")]  # not inside the person's name


def test_a_well_known_city_placed_once_by_around_or_in_is_a_place_where_the_tagger_calls_it_a_person() -> None:
    words = ["Fighting", "raged", "around", "Kasongo", ".", "Rebels", "assaulted", "Kasongo", "again", "."]
    assert [name for name, _, _ in _run(_doc(words, [(3, 4, "PERSON"), (7, 8, "PERSON")]))] == ["Kasongo", "Kasongo"]
    words = ["Fighting", "raged", "around", "Qaryat", ".", "Rebels", "assaulted", "Qaryat", "again", "."]
    assert len(_run(_doc(words, [(3, 4, "PERSON"), (7, 8, "PERSON")]))) < 2  # a village of 3,000: not on that alone


def test_counties_and_provinces_inside_organisation_names_but_not_common_words() -> None:
    text = "The Walker County Fair opened. The Department of the Interior and North Central Regional Jail replied."
    found = _toponyms(text)
    assert "Walker County" in found
    assert not {"Interior", "North", "Central"} & set(found)


def test_a_surname_tagged_as_a_place_is_the_person() -> None:
    text = "Dan Ripley, 45, was charged. Police said Ripley fled from officers in Lexington."
    doc = load_pipeline()(text)
    assert any(e.text == "Ripley" and e.label_ == "GPE" for e in doc.ents)  # the model's mistake
    found = _toponyms(text)
    assert "Ripley" not in found and "Lexington" in found


def test_datelines_local_bodies_and_regions_of_a_state_inside_names() -> None:
    text = ("Budget adjusted.\n\nTORRINGTON — City Council approved it. The Mount Pleasant City Council met. "
            "The Spina Bifida Association of Western Pennsylvania helped. BEIRUT: Vandals struck.")
    found = _toponyms(text)
    assert {"TORRINGTON", "Mount Pleasant", "Pennsylvania", "BEIRUT"} <= set(found)
    assert "City Council" not in found


def test_a_town_the_tagger_calls_a_nationality_is_a_place_but_adjectives_are_not() -> None:
    # spaCy's small model tags "Aleppo" NORP in these sentences.
    nlp = load_pipeline()
    for text in ("Fighting continued in Aleppo.", "Rebels attacked Aleppo."):
        doc = nlp(text)
        assert [s.text for s in doc.spans[SPAN_KEY]] == ["Aleppo"], text
    doc = nlp("Sunni militias and Kurdish forces clashed with Arab tribes.")
    assert not list(doc.spans[SPAN_KEY])


def test_a_short_acronym_is_not_a_town_spelled_alike() -> None:
    # "Un" is a town in Gujarat; "at the UN" is the United Nations.
    doc = load_pipeline()("The talks were held at the UN in New York.")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["New York"]


def test_a_place_the_tagger_took_for_a_person_is_a_place_when_told_where_it_lies() -> None:
    doc = load_pipeline()("Jets struck targets near Al Mayadin, in eastern Syria, on Monday.")
    assert "Al Mayadin" in [s.text for s in doc.spans[SPAN_KEY]]


def test_a_name_written_in_lower_case_is_no_place_name() -> None:
    doc = load_pipeline()("Fighters fired from positions on the west bank of the river toward the town.")
    assert "west bank" not in [s.text.lower() for s in doc.spans[SPAN_KEY]]


def test_a_town_after_near_is_a_place_though_tagged_a_person_unless_a_person_bears_its_words() -> None:
    doc = _doc(["a", "depot", "near", "Watertown", "."], [(3, 4, "PERSON")])
    assert _run(doc) == [("Watertown", "GAZ", "near")]
    doc = _doc(["a", "depot", "near", "Hope", "."], [(3, 4, "PERSON")])
    assert _run(doc) == []  # a hamlet of 9,000: too small to take from a person
    doc = _doc(["Joe", "Watertown", "sat", "near", "Watertown", "."], [(0, 2, "PERSON"), (4, 5, "PERSON")])
    assert _run(doc) == []
    doc = _doc(["a", "party", "at", "the", "Watertown", "."], [(4, 5, "PERSON")])
    assert _run(doc) == []  # not right after 'near': a venue named so


def test_a_well_known_town_right_after_in_is_a_place_though_tagged_a_person() -> None:
    doc = _doc(["their", "house", "in", "Watertown", "was", "struck", "."], [(3, 4, "PERSON")])
    assert _run(doc) == [("Watertown", "GAZ", "near")]
    doc = _doc(["their", "house", "in", "Hope", "was", "struck", "."], [(3, 4, "PERSON")])
    assert _run(doc) == []  # a hamlet: too small to take from a person without a stronger cue


def test_a_town_of_some_size_right_after_in_is_a_place_though_tagged_a_person_not_a_possessive() -> None:
    doc = _doc(["rockets", "hit", "a", "base", "in", "Kelmar", "."], [(5, 6, "PERSON")])
    assert _run(doc) == [("Kelmar", "GAZ", "near")]
    doc = _doc(["rockets", "hit", "a", "base", "in", "Brandt", "."], [(5, 6, "PERSON")])
    assert _run(doc) == []  # after 'in' (weaker than 'near'), a town of 30,000 is not enough
    doc = _doc(["a", "change", "in", "Kelmar", "'s", "view", "."], [(3, 4, "PERSON")])
    doc[4].tag_ = "POS"
    assert _run(doc) == []  # a person's view, not the town


def test_a_capitalised_article_opening_a_sentence_is_no_town() -> None:
    doc = load_pipeline()("An air strike destroyed a depot in Abu Kamal on Tuesday.")
    assert "An" not in [s.text for s in doc.spans[SPAN_KEY]]


def _parsed(words: list[str], heads: list[int], deps: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_an_item_of_a_list_of_places_is_a_place_whatever_its_label() -> None:
    words = ["Rockets", "hit", "Nowhereland", ",", "Bigburg", "and", "Qaryat", "."]
    heads = [1, 1, 1, 2, 2, 4, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "conj", "cc", "conj", "punct"]
    doc = _parsed(words, heads, deps, [(2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "ORG")])
    assert ("Qaryat", "GAZ", None) in _run(doc)
    # Listed with people, the same name is a person's.
    doc = _parsed(words, heads, deps, [(2, 3, "PERSON"), (4, 5, "PERSON"), (6, 7, "ORG")])
    assert _run(doc) == []


def test_speaker_labels_of_a_transcript_are_not_places() -> None:
    nlp = load_pipeline()
    transcript = ("MINISTER BIGTOWN: We struck the depots.\nQ: Where exactly?\nBIGTOWN: Near Qaryat, in the east.\n")
    doc = nlp(transcript)
    assert "BIGTOWN" not in [s.text for s in doc.spans[SPAN_KEY]]
    # One such line is a dateline, as some outlets write them.
    doc = nlp("HOUSTON: Storms flooded the city on Monday, officials said.\n")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["HOUSTON"]


def test_a_name_the_gazetteer_lacks_is_a_place_when_called_a_town_or_put_in_a_province_after_in() -> None:
    doc = _doc(["jets", "struck", "the", "village", "of", "Umbrak", "on", "Monday", "."], [(5, 6, "PERSON")])
    assert _run(doc) == [("Umbrak", "GAZ", "city_of")]
    doc = _doc(["a", "drone", "strike", "on", "Gidan", "Umbrak", ",", "Tarsa", "State", ",", "killing", "9", "."],
               [(4, 6, "PERSON"), (7, 9, "GPE")])
    assert ("Gidan Umbrak", "GAZ", "comma_state") in _run(doc)
    doc = _doc(["said", "Musa", "Umbrak", ",", "Tarsa", "State", "police", "spokesman", "."],
               [(1, 3, "PERSON"), (4, 6, "GPE")])
    assert [name for name, _label, _cue in _run(doc)] == ["Tarsa State"]  # a person, then his office
    doc = _doc(["the", "post", "in", "Musa", "Umbrak", ",", "Tarsa", "State", "police", "said", "."],
               [(3, 5, "PERSON"), (6, 8, "GPE")])
    doc[8].pos_ = "NOUN"
    assert [name for name, _label, _cue in _run(doc)] == ["Tarsa State"]  # the State police: no town before it


def test_an_unknown_name_of_a_camp_or_base_one_is_in_is_a_place_but_not_a_persons_camp() -> None:
    doc = _doc(["shells", "hit", "tents", "in", "Zam", "Kora", "camp", "."], [(4, 6, "PERSON")])
    assert _run(doc) == [("Zam Kora", "GAZ", "facility")]
    doc = _doc(["John", "Kora", "said", "shells", "hit", "tents", "in", "Zam", "Kora", "camp", "."],
               [(0, 2, "PERSON"), (7, 9, "PERSON")])
    assert "Zam Kora" not in [name for name, _label, _cue in _run(doc)]  # a word of a person's name
    doc = _doc(["rockets", "fell", "near", "the", "Umbrak", "base", "."], [(4, 5, "PERSON")])
    assert [name for name, _label, _cue in _run(doc)] == ["Umbrak"]
    doc = _doc(["Umbrak", "'s", "camp", "won", "."], [(0, 1, "PERSON")])
    assert _run(doc) == []  # no locative word before it


def _lemmatised(words: list[str], heads: list[int], deps: list[str], lemmas: list[str],
            ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_a_name_told_or_cited_after_a_capitalised_the_is_a_publication() -> None:
    words = ["Villagers", "told", "The", "Ruritania", "that", "jets", "came", "."]
    heads, deps = [1, 1, 3, 1, 6, 6, 1, 1], ["nsubj", "ROOT", "det", "dobj", "mark", "nsubj", "ccomp", "punct"]
    lemmas = ["villager", "tell", "the", "Ruritania", "that", "jet", "come", "."]
    assert _run(_lemmatised(words, heads, deps, lemmas, [(3, 4, "GPE")])) == []
    words[1], lemmas[1] = "entered", "enter"
    assert [name for name, _label, _cue in _run(_lemmatised(words, heads, deps, lemmas, [(3, 4, "GPE")]))] == [
        "Ruritania"]


def test_an_unknown_name_the_tagger_calls_a_facility_before_a_site_word_is_a_place() -> None:
    doc = _doc(["shells", "struck", "Zam", "Kora", "camp", "on", "Monday", "."], [(2, 4, "FAC")])
    assert [name for name, _label, _cue in _run(doc)] == ["Zam Kora"]
    doc = _doc(["shells", "struck", "Zam", "Kora", "camp", "on", "Monday", "."], [(2, 4, "ORG")])
    assert _run(doc) == []  # an organisation's camp needs a placing word


def test_the_last_word_of_an_unknown_camps_name_is_not_a_town_of_that_name() -> None:
    doc = _doc(["troops", "entered", "Nur", "Kelmar", "camp", "on", "Monday", "."])
    assert _run(doc) == []  # "Nur Kelmar camp" is not a camp at the town of Kelmar
    doc = _doc(["troops", "entered", "Kelmar", "camp", "on", "Monday", "."])
    assert _run(doc) == [("Kelmar", "GAZ", "facility")]


def test_a_town_the_tagger_called_a_person_near_another_al_name_is_kept() -> None:
    # "Ain al-Asad" is also tagged a person: sharing "al" and "-" is not sharing a name (and "Ain al-Asad", a
    # spring's name, is a place of its own)
    words = ["a", "depot", "near", "al", "-", "Kelmar", ".", "Ain", "al", "-", "Asad", "was", "hit", "."]
    doc = _doc(words, [(3, 6, "PERSON"), (7, 11, "PERSON")])
    assert [t for t, _, _ in _run(doc)] == ["al - Kelmar", "Ain al - Asad"]


def test_a_building_named_before_its_spokesman_is_the_institution() -> None:
    doc = _doc(["Tarsa", "Citadel", "press", "secretary", "Ann", "Lee", "said", "."], [(0, 2, "ORG"), (4, 6, "PERSON")])
    assert _run(doc) == []
    doc = _doc(["Crowds", "gathered", "at", "Tarsa", "Citadel", "."], [(3, 5, "ORG")])
    assert [t for t, _, _ in _run(doc)] == ["Tarsa Citadel"]


def test_a_captions_press_mark_is_no_dateline_and_an_air_defence_system_no_air_base() -> None:
    # "FILE" folds to a French village and "Dome" is a town in Ghana: neither is where the photo was taken.
    found = _toponyms("FILE - An Iron Dome air defense battery stands near the city of Haifa.\n\n"
                      "BEIRUT - A drone struck a car on the coast road.")
    assert "FILE" not in found and "Dome" not in found
    assert {"Haifa", "BEIRUT"} <= set(found)


def test_a_town_a_drone_was_shot_down_over_is_a_place_but_talks_over_it_give_no_cue() -> None:
    # The small model tags "Kosti" (a Sudanese city of 350,000) an organisation in both sentences.
    assert _toponyms("Early on Friday, air defences shot down a drone over Kosti, a military source said.") == ["Kosti"]
    assert _toponyms("The talks over Kosti stalled, the minister said.") == []


def test_the_town_an_act_is_done_to_by_of_is_a_place_but_a_persons_fall_is_not() -> None:
    assert _toponyms("In June, government shelling of Kosti killed five people, monitors said.") == ["Kosti"]
    assert _toponyms("The fall of Kosti Smith surprised his party.") == []


def test_a_district_named_with_its_word_is_a_place_though_tagged_a_person() -> None:
    # The small model tags "Lakki Marwat" a person; the gazetteer knows "Lakki Marwat District".
    found = _toponyms("The siege of the post in Lakki Marwat district lasted three hours, police chief Omar Khan said.")
    assert found == ["Lakki Marwat district"]


def test_a_place_of_two_words_found_once_is_a_place_again_where_the_tagger_calls_it_a_person() -> None:
    text = ("Warplanes bombed a school in Jisr al-Shughur, in the western countryside, on Wednesday, killing nine people.\n"
            "Citing an army source, state media said aircraft had struck \"depots of terrorist groups\" in Jisr al-Shughur "
            "and around Ariha in response to an attack.")
    assert _toponyms(text).count("Jisr al-Shughur") == 2


def test_a_word_that_opens_a_bases_designation_is_no_town_and_the_whole_designation_is_a_site() -> None:
    # "Mission" is a town in Texas; "Mission Support Site Falcon" is a base, named where a place stands.
    assert _toponyms("Rockets struck U.S. forces at Mission Support Site Conoco in Syria on Monday.") == [
        "U.S.", "Mission Support Site Conoco", "Syria"]
    assert _toponyms("A drone hit troops at Forward Operating Base Kestrel on Monday.") == [
        "Forward Operating Base Kestrel"]
    assert _toponyms("The Mission Support Team met in Syria on Monday.") == ["Syria"]


def test_a_bases_name_written_with_a_hyphen_is_whole_whatever_the_tagger_calls_it() -> None:
    # The tokenizer cuts "Al-Harmon" at its hyphen, and the tagger may call it a person: the base is still one name.
    assert _toponyms("Militants fired rockets at Mission Support Site Al-Harmon from a field near Hajin.") == [
        "Mission Support Site Al-Harmon", "Hajin"]
    assert _toponyms("U.S. personnel were hurt at Mission Support Site Al-Harmon, on the bank of the river.") == [
        "U.S.", "Mission Support Site Al-Harmon"]
    # a text that writes "site" in lower case does not cut the base's name to a town called "Mission"
    text = "The strikes hit a storage site. On Tuesday, militants fired rockets at Mission Support Site Cedar Village."
    assert _toponyms(text) == ["Mission Support Site Cedar Village"]


def test_regions_after_a_list_of_one_countrys_provinces_make_each_a_province() -> None:
    from geo.pipeline import geoparse

    found = geoparse("Drones hit the Kharkiv and Sumy regions overnight.")
    assert [(t.text, t.kind) for t in found] == [("Kharkiv", "admin1"), ("Sumy", "admin1")]
    found = geoparse("Floods hit the Central Plateau and Artibonite regions.")  # not a province of Burkina Faso
    assert "BF" not in [t.country for t in found]


def test_a_name_of_letters_and_digits_tagged_a_country_is_no_place() -> None:
    words = ["R47", "fighters", "attacked", "Qaryat", "as", "T-64", "tanks", "moved", "."]
    doc = _doc(words, [(0, 1, "GPE"), (3, 4, "GPE"), (5, 6, "GPE")])
    assert [name for name, _, _ in _run(doc)] == ["Qaryat"]  # a group and a weapon, not towns to approximate


def test_an_entity_of_a_town_in_a_province_is_two_places_when_both_are_places() -> None:
    words = ["troops", "held", "the", "town", "of", "Kelmar", "in", "Tarsa", "State", "."]
    doc = _doc(words, [(5, 9, "ORG")])
    assert [name for name, _label, _cue in _run(doc)] == ["Kelmar", "Tarsa State"]
    words = ["fighters", "of", "the", "Islamic", "Resistance", "in", "Tarsa", "State", "."]
    assert [name for name, _l, _c in _run(_doc(words, [(3, 8, "ORG")]))] != ["Islamic Resistance", "Tarsa State"]


def test_a_big_city_the_tagger_calls_an_organisation_once_and_a_person_once_is_the_city() -> None:
    words = ["Drone", "attack", "on", "Bigtown", "injures", "five", "\n\n", "Drones", "attacked", "Bigtown", "."]
    doc = _doc(words, [(3, 4, "ORG"), (9, 10, "PERSON")])
    assert [name for name, _label, _cue in _run(doc)] == ["Bigtown", "Bigtown"]


def test_a_common_word_before_a_site_word_in_a_title_case_headline_is_no_place() -> None:
    # "Power" is a county in Idaho; "Power Station" in a headline, with "power station" in the text, is a plant.
    doc = load_pipeline()("Jets Strike Hodeidah Port, Power Station After Rocket Fire\n\n"
                          "Jets struck a power station north of Hodeidah on Tuesday.")
    assert "Power" not in {span.text for span in doc.spans[SPAN_KEY]}


def test_a_word_that_begins_an_arabic_name_is_not_tried_alone() -> None:
    # "Ras" (a cape) cut from "Ras Isa" would match the Saudi town of Ar Rass.
    doc = load_pipeline()("Jets also struck fuel tanks at the Ras Isa oil terminal, up the coast from Hodeidah.")
    assert "Ras" not in {span.text for span in doc.spans[SPAN_KEY]}


def test_the_agency_a_dateline_credits_is_not_a_place_anywhere_in_the_story() -> None:
    nlp = load_pipeline()
    text = ("KHARTOUM/OMDURMAN, May 21 (Concord) - Drones struck a depot in Omdurman on Tuesday, officials said.\n\n"
            "A militia source told Concord that the depot was empty.\n")
    doc = nlp(text)
    names = [s.text for s in doc.spans[SPAN_KEY]]
    assert "Concord" not in names and "Omdurman" in names
    # Without the dateline's brackets, the town is a town.
    doc = nlp("Drones struck a depot near Concord on Tuesday.\n")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["Concord"]


def test_a_name_the_tagger_calls_a_person_is_a_town_in_a_region_of_a_country_named_after_in() -> None:
    nlp = load_pipeline()
    doc = nlp("Israeli jets struck Khan Younis in the Gaza Strip on Monday.")
    assert "Khan Younis" in [s.text for s in doc.spans[SPAN_KEY]]  # the city, though a governorate bears its name
    doc = nlp("Rebels attacked John Smith in the Gaza Strip on Monday.")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["Gaza Strip"]  # no place of that name
    doc = nlp("Several Marines in California held drills on Monday.")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["California"]  # a town of Spain is not in California


def test_a_town_of_a_country_the_text_names_is_kept_after_a_placing_word() -> None:
    # the tagger calls many small Arabic and African towns persons; in a story about their country they are towns
    doc = _doc(["Ruritania", "said", "drones", "hit", "a", "depot", "near", "Tarsk", "."],
               [(0, 1, "GPE"), (7, 8, "PERSON")])
    assert [t for t, _, _ in _run(doc)] == ["Ruritania", "Tarsk"]
    doc = _doc(["Officials", "said", "drones", "hit", "a", "depot", "near", "Tarsk", "."], [(7, 8, "PERSON")])
    assert _run(doc) == []  # a town of no recorded size, in no country the text names: maybe a person


def test_the_last_town_of_a_short_list_after_a_placing_word_is_kept() -> None:
    doc = _doc(["In", "Ruritania", ",", "shells", "fell", "near", "Qaryat", "and", "Tarsk", "."],
               [(1, 2, "GPE"), (6, 7, "ORG"), (8, 9, "PERSON")])
    assert [t for t, _, _ in _run(doc)] == ["Ruritania", "Qaryat", "Tarsk"]


def test_a_town_named_with_an_article_the_tagger_left_out_is_no_person() -> None:
    doc = _doc(["Ruritania", "said", "a", "strike", "in", "As", "Salif", "killed", "two", "."],
               [(0, 1, "GPE"), (6, 7, "PERSON")])
    assert [t for t, _, _ in _run(doc)] == ["Ruritania", "As Salif"]


def test_a_town_whose_first_word_the_tagger_left_out_is_read_whole() -> None:
    doc = _doc(["the", "hospital", "in", "Debre", "Tarsk", "was", "full", "."], [(4, 5, "PERSON")])
    assert [t for t, _, _ in _run(doc)] == ["Debre Tarsk"]


def test_a_recognised_doc_still_serialises_for_worker_processes() -> None:
    # nlp.pipe(n_process=2) sends each parsed Doc back as bytes: the recogniser's per-Doc caches must be msgpack-able
    doc = _doc(["Ruritania", "said", "Joe", "Tarsk", "left", "a", "depot", "near", "Qaryat", "and", "Tarsk", "."],
               [(0, 1, "GPE"), (2, 4, "PERSON"), (8, 9, "ORG"), (10, 11, "PERSON")])
    _run(doc)
    assert Doc(doc.vocab).from_bytes(doc.to_bytes()).text == doc.text


def test_an_unknown_name_right_after_near_is_a_place_unless_a_noun_follows() -> None:
    found = _toponyms("Rockets landed near Kfar Yuval on Monday. Jets struck near Houthi positions.")
    assert "Kfar Yuval" in found  # (tagged a facility)
    assert "Houthi" not in found


def test_an_unknown_name_called_a_village_east_of_a_town_is_a_place() -> None:
    assert "Zelenobrid" in _toponyms("Artillery also hit Zelenobrid, a village east of the city, damaging houses.")
    assert "Zelenobrid" not in _toponyms("Officials met Zelenobrid, a village elder, on Monday.")


def test_a_strait_known_by_a_close_spelling_is_a_place_whatever_the_tagger_said() -> None:
    found = _toponyms("Drones flew toward the tanker as it approached the Bab al-Mandeb Strait.")
    assert "Bab al-Mandeb Strait" in found


def test_a_ships_name_is_no_place() -> None:
    text = ("Missiles were fired at the tanker Sea Harrow off the coast. A drone later hit a station that "
            "directed the attack on the Sea Harrow.")
    assert "Sea Harrow" not in _toponyms(text)
    assert "Iran" in _toponyms("Officials said the vessel Iran seized last year was released.")


def test_a_town_the_tagger_took_for_a_person_is_a_place_where_it_was_shelled() -> None:
    report = analyze("Bondar said artillery on the spit had shelled Ochakiv on Monday evening, wounding a man.",
                     published=date(2024, 9, 24))
    assert [(p.name, p.country) for p in report.places] == [("Ochakiv", "UA")]


def test_a_named_neighbourhood_of_a_town_is_a_place_its_hyphen_counting_for_no_word() -> None:
    # "Tal al-Hawa" is three words (the tokenizer makes it four), the unknown name of a quarter of Rafah.
    assert _toponyms("Shells hit a house in the Tal al-Hawa neighbourhood of Rafah on Monday.") == [
        "Tal al-Hawa", "Rafah"]


def test_an_old_name_of_a_town_opening_a_longer_unknown_name_is_no_place() -> None:
    doc = _doc(["Jets", "struck", "a", "site", "in", "Oldbury", "Zoun", "and", "in", "Oldbury", "."])
    assert [text for text, _label, _cue in _run(doc)] == ["Oldbury"]  # the second one, alone
    doc = _doc(["Jets", "struck", "a", "site", "in", "Oldbury", "Oblast", "."])
    assert [text for text, _label, _cue in _run(doc)] == ["Oldbury"]  # a designation after it: still the town


def test_a_word_of_a_ships_name_is_no_place() -> None:
    text = ("The rebels fired two missiles toward M/V GOLDEN HARROW, a bulk carrier. Drones had also been launched "
            "at GOLDEN HARROW and two other ships.")
    assert not [t for t in _toponyms(text) if "harrow" in t.lower()]


def test_a_ships_name_with_its_prefix_is_no_place() -> None:
    from geo.nlp import load_pipeline
    from geo.places.recognize_spans import DocContext

    doc = load_pipeline()("The rebels launched five drones toward USS GARRISON PIKE (DDG 147) in the Red Sea.")
    context = DocContext.of(doc)
    start = next(t.i for t in doc if t.text == "USS")
    assert context.names_no_place(doc[start:start + 3])  # "USS GARRISON PIKE", the prefix read with the name
    red_sea = next(t.i for t in doc if t.text == "Red")
    assert not context.names_no_place(doc[red_sea:red_sea + 2])


def _place_names(text: str) -> list[str]:
    return [p.name for p in analyze(text).places]


def test_a_name_bombs_are_dropped_on_is_a_place() -> None:
    # "Kafr Zita" (tagged an organisation) is where barrel bombs fell: a town, not a body
    assert "Kafr Zayta" in _place_names("Overnight, enemy helicopters dropped barrel bombs on Kafr Zita, the civil "
                                        "defence said.")


def test_a_name_drones_are_launched_toward_is_a_place() -> None:
    # a name the gazetteer lacks, tagged a person, after "launched toward": placed near the story's town
    names = _place_names("On Friday, two drones were launched toward Tall Kelmar in northeastern Syria, near Hasakah.")
    assert any(name.startswith("Tall Kelmar") for name in names), names
    assert _place_names("She walked toward Tom Kelmar and smiled.") == []  # walking toward a person


def test_a_village_the_gazetteer_lacks_is_a_place_at_each_of_its_mentions() -> None:
    doc = _doc(["fighting", "outside", "Buulo", "Tarsk", ".", "Elders", "of", "Buulo", "Tarsk", "spoke", "."],
               [(2, 4, "PERSON"), (7, 9, "PERSON")])
    assert [t for t, _, _ in _run(doc)] == ["Buulo Tarsk", "Buulo Tarsk"]


def test_a_possessive_joining_two_names_tagged_as_one_entity_gives_two_places() -> None:
    doc = _doc(["a", "raid", "in", "Ruritania", "'s", "Tarsa", "State", "."], [(3, 7, "WORK_OF_ART")])
    assert [text for text, _, _ in _run(doc)] == ["Ruritania", "Tarsa State"]
