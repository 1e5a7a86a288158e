"""Shared syntax helpers (geo.syntax). Made-up texts."""

from __future__ import annotations

from geo.syntax import phrase_text
from tests.events.helpers import nlp


def test_a_phrase_closes_the_bracket_the_parse_left_outside() -> None:
    doc = nlp()("The Northern Liberation Front (NLF) attacked the town.")
    assert phrase_text(list(doc[1:6])) == "Northern Liberation Front (NLF)"


def test_a_phrase_cut_inside_an_aside_leaves_the_aside_out() -> None:
    doc = nlp()("Gunmen of the Front (a splinter group of the Army) attacked the town.")
    assert phrase_text(list(doc[0:7])) == "Gunmen of the Front"


def test_the_text_of_a_doc_is_built_once_and_is_the_docs_text() -> None:
    from geo.syntax import doc_text

    doc = nlp()("Shelling hit the town.\nTwo people were hurt.")
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)


def test_a_name_cut_at_a_dash_written_without_spaces_is_one_phrase() -> None:
    from geo.syntax import phrase_text, phrase_tokens
    from tests.events.helpers import nlp

    doc = nlp()("ISIS–K claimed the attack, and the Iran-backed militia denied it.")
    head = next(t for t in doc if t.dep_ == "nsubj")
    assert phrase_text(phrase_tokens(head)) == "ISIS–K"


def test_datelines_with_a_country_a_date_or_a_plain_dash() -> None:
    from geo.syntax import dateline_length

    for text, dateline in (("DORI, Burkina Faso, May 2 (Sahel Wire) – Gunmen attacked", "DORI, Burkina Faso, May 2 (Sahel Wire) – "),
                           ("GUSAU, Nigeria - Troops rescued", "GUSAU, Nigeria - "),
                           ("CAMP NORTH, Rio Verde, Bahia do Sul – Troops struck", "CAMP NORTH, Rio Verde, Bahia do Sul – "),
                           ("BUKAVU, Republic of the Upper Lakes — Rebels shelled", "BUKAVU, Republic of the Upper Lakes — "),
                           ("DORA, Union of the Two Rivers (Wire) – Rebels", "DORA, Union of the Two Rivers (Wire) – "),
                           ("PLYMOUTH CO. - A suspect was held", ""), ("NATO said on Monday", ""),
                           ("NATO and the EU — said nothing", ""),
                           ("DORI, Burkina Faso, Oct 3 — Gunmen on motorbikes", "DORI, Burkina Faso, Oct 3 — "),
                           ("Port Verde, 14 January 2025 — A drone", "Port Verde, 14 January 2025 — "),
                           ("Dori, Aug. 21 — Rebels said", "Dori, Aug. 21 — "), ("Rebels, in turn — said", ""),
                           ("DORA/KESSA (Wire) - Rebels", "DORA/KESSA (Wire) - ")):
        assert text[:dateline_length(text)] == dateline


def test_a_dateline_the_tagger_cut_into_pieces_is_one_sentence_with_what_follows() -> None:
    from geo.syntax import sentences

    doc = nlp()("Clashes Erupt Near The Border\n\nMARIUPOL, Oct 22 (Northwind Agency) – Troops shelled villages "
                "near the border overnight. Two people were killed.")
    texts = [s.text for s in sentences(doc)]
    assert texts[0] == "Clashes Erupt Near The Border"
    assert texts[1].startswith("MARIUPOL, Oct 22 (Northwind Agency) – Troops shelled")
    assert texts[-1] == "Two people were killed."


def test_a_capitalised_word_cut_off_a_headline_goes_on_with_it() -> None:
    from geo.nlp import load_pipeline
    from geo.syntax import sentences

    doc = load_pipeline()("https://example.test/a\n2025-07-08\n\nBoko Haram fighters kill 12 in village raid; "
                          "troops rescue hostages\n\nGunmen attacked a village on Monday.")
    assert any(s.text.startswith("Boko Haram fighters kill 12") for s in sentences(doc))
    doc = load_pipeline()("https://example.test/a\n2025-04-11\n\nU.S. Africa Command conducts airstrike against "
                          "militants\n\nThe command said the strike killed four.")
    assert any(s.text.startswith("U.S. Africa Command conducts") for s in sentences(doc))


def test_a_heading_in_capitals_that_introduces_with_a_colon_stays_apart() -> None:
    from geo.syntax import sentences

    doc = nlp()("FULL TEXT: Army strikes camp after market blast\n\nThe army said it struck the camp.")
    assert not any(s.text.startswith("FULL TEXT: Army strikes camp after market blast The") for s in sentences(doc))


def test_a_first_line_ending_in_a_quoted_phrase_is_a_headline() -> None:
    from geo.syntax import is_headline, sentences

    doc = nlp()('Two killed as shelling hits border town; army says it "hit back hard"\n\nShells fell overnight.')
    first = sentences(doc)[0]
    assert first.text.endswith('"hit back hard"') and is_headline(first, 0)
    doc = nlp()('The army said it would "hit back hard."\n\nShells fell overnight.')
    assert not is_headline(sentences(doc)[0], 0)


def test_the_doer_after_a_dateline_is_the_subject_not_a_bracketed_appositive_of_the_town() -> None:
    from spacy.tokens import Doc

    from geo.syntax import past_a_dateline

    words = ["TAMPA", ",", "Fla.", "–", "At", "noon", "(", "Kyiv", "time", ")", ",", "U.S.", "forces", "struck", "."]
    spaces = [False, True, True, True, True, True, False, True, False, False, True, True, True, False, False]
    heads = [13, 0, 0, 0, 0, 4, 0, 8, 0, 0, 13, 12, 13, 13, 13]
    deps = ["nsubj", "punct", "appos", "punct", "prep", "pobj", "punct", "compound", "appos", "punct", "punct",
            "compound", "nsubj", "ROOT", "punct"]
    doc = Doc(nlp().vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert [t.text for t in past_a_dateline([doc[0], doc[12]])] == ["forces"]
    assert past_a_dateline([doc[0]]) == []


def test_a_long_phrase_cut_short_does_not_end_on_the_participle_that_began_its_tail() -> None:
    from geo.nlp import load_pipeline
    from geo.syntax import phrase_text, phrase_tokens

    doc = load_pipeline()("Jets struck seven depots in northern Tarsia and southern Velland used by the Free Dawn "
                          "Brigades (FDB) and the smaller groups it arms.")
    head = next(t for t in doc if t.text == "depots")
    phrase = phrase_text(phrase_tokens(head))
    assert phrase.startswith("seven depots") and not phrase.endswith(" used")


def test_a_long_phrase_cut_short_does_not_end_inside_a_name() -> None:
    from geo.nlp import load_pipeline
    from geo.syntax import phrase_text, phrase_tokens

    doc = load_pipeline()("Jets struck three depots in northern Tarsia used by Velland's Northern Revolutionary "
                          "Guard Corps (NRGC) and affiliated groups.")
    head = next(t for t in doc if t.text == "depots")
    phrase = phrase_text(phrase_tokens(head))
    assert phrase.startswith("three depots") and phrase.split()[-1] not in {"Velland's", "Northern", "Revolutionary"}


def test_a_place_a_sentence_opens_with_is_no_subject_even_when_parsed_as_one() -> None:
    from spacy.tokens import Doc

    from geo.syntax import past_a_dateline

    words = ["Near", "Al", "Mahr", ",", "army", "jets", "struck", "a", "depot", "."]
    heads = [2, 2, 6, 2, 5, 6, 6, 8, 6, 6]
    deps = ["compound", "compound", "nsubj", "punct", "compound", "nsubj", "ROOT", "det", "dobj", "punct"]
    doc = Doc(nlp().vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in past_a_dateline([doc[2], doc[5]])] == ["jets"]
    # a subject that merely opens the sentence stays one: "Around 20 gunmen, ...", "In-laws, ..."
    words = ["Around", "20", "gunmen", ",", "on", "motorbikes", ",", "attacked", "the", "village", "."]
    heads = [1, 2, 7, 2, 2, 4, 2, 7, 9, 7, 7]
    deps = ["advmod", "nummod", "nsubj", "punct", "prep", "pobj", "punct", "ROOT", "det", "dobj", "punct"]
    doc = Doc(nlp().vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in past_a_dateline([doc[2]])] == ["gunmen"]


def test_a_noun_the_parser_took_for_a_verb_keeps_its_object_in_the_phrase() -> None:
    from geo.syntax import phrase_with_conjuncts

    doc = nlp()("Jets followed up with strikes on Kelvar radar and launch sites in the north.")
    radar = next(t for t in doc if t.text == "radar")
    assert phrase_with_conjuncts(radar) == "Kelvar radar and launch sites"


def test_the_doer_the_parser_hung_on_the_datelines_country_is_the_subject() -> None:
    from spacy.tokens import Doc

    from geo.syntax import past_a_dateline

    words = ["STUTTGART", ",", "Germany", "–", "Africa", "Command", "conducted", "a", "strike", "."]
    spaces = [False, True, True, True, True, True, True, True, False, False]
    heads = [6, 0, 0, 2, 5, 2, 6, 8, 6, 6]  # "Command" in apposition to "Germany", itself to the town
    deps = ["nsubj", "punct", "appos", "punct", "compound", "appos", "ROOT", "det", "dobj", "punct"]
    doc = Doc(nlp().vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert [t.text for t in past_a_dateline([doc[0]])] == ["Command"]
