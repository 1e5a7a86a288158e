"""How far a place name reaches when the tagger cuts it short. Made-up sentences, fake gazetteer."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from geo.places.name_extent import complete_cut_names, join_split_name, widen

KNOWN = {"As Suwara", "Gulf of Tarsa", "Tarsa air base"}


def _span(words: list[str], start: int, end: int) -> Span:
    doc = Doc(spacy.blank("en").vocab, words=words)
    return doc[start:end]


def _widened(words: list[str], start: int, end: int) -> str:
    return widen(_span(words, start, end), KNOWN.__contains__).text


def test_the_arabic_article_before_a_name_is_part_of_it_when_the_longer_name_is_known() -> None:
    assert _widened(["east", "of", "As", "Suwara", ",", "Syria"], 3, 4) == "As Suwara"
    assert _widened(["east", "of", "As", "Kilmar", ",", "Syria"], 3, 4) == "Kilmar"  # no such longer name
    assert _widened(["known", "as", "Suwara"], 2, 3) == "Suwara"  # a lower-case 'as' is no article


def test_a_name_grows_to_the_right_and_over_of() -> None:
    assert _widened(["the", "Tarsa", "air", "base", "was", "hit"], 1, 2) == "Tarsa air base"
    assert _widened(["in", "the", "Gulf", "of", "Tarsa", "."], 4, 5) == "Gulf of Tarsa"


def test_a_name_the_tagger_ran_into_a_title_is_cut_to_the_known_name() -> None:
    words = ["Rebel", "Raid", "on", "North", "Tarsa", "Town", "Kills", "Dozens", ";", "Army", "Answers"]
    known = {"North Tarsa"}.__contains__
    lower = frozenset({"town", "dozens", "raid"})
    assert widen(_span(words, 3, 8), known, lower).text == "North Tarsa"
    assert widen(_span(words, 3, 8), known).text == "North Tarsa Town Kills Dozens"  # no word known in lower case
    words = ["hideouts", "in", "Wadi", "al", "-", "Tarsa", "were", "hit"]  # "Wadi" is known, "al" written lower case
    assert widen(_span(words, 2, 6), {"Wadi"}.__contains__, frozenset({"al", "were", "hit"})).text == "Wadi al - Tarsa"
    words = ["in", "North", "Tarsa", "Province", "on", "Monday"]  # a word a name ends with stays
    assert widen(_span(words, 1, 4), known, frozenset({"province"})).text == "North Tarsa Province"


def test_a_name_cut_short_is_the_longer_name_the_text_names_elsewhere() -> None:
    words = ["the", "village", "of", "Ceel", "Dheer", ".", "Men", "fled", "from", "Ceel", "Dheer", "and", "Ceel", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    found = [(doc[3:5], "cue"), (doc[9:10], "entity"), (doc[10:11], "run"), (doc[12:13], "entity")]
    assert [(span.text, span.start, info) for span, info in complete_cut_names(found)] == [
        ("Ceel Dheer", 3, "cue"), ("Ceel Dheer", 9, "entity"), ("Ceel", 12, "entity")]  # the last goes on otherwise


def _tagged(words: list[str], ents: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))


def test_a_place_the_tagger_split_from_the_rest_of_its_name_is_the_whole_name() -> None:
    doc = _tagged(["near", "Khor", "Dalbat", "east", "of", "Tarsa"], ["O", "B-GPE", "B-PERSON", "O", "O", "B-GPE"])
    assert join_split_name(doc[1:2], "GPE").text == "Khor Dalbat"
    assert join_split_name(doc[1:2], "ORG").text == "Khor"  # only a name the tagger took for a place grows
    titled = _tagged(["Tarsa", "Governor", "said"], ["B-GPE", "B-PERSON", "O"])
    assert join_split_name(titled[0:1], "GPE").text == "Tarsa"  # a title after the place
    envoy = _tagged(["envoy", "to", "Tarsa", "Ilse", "Brandt", "said"], ["O", "O", "B-GPE", "B-PERSON", "I-PERSON", "O"])
    assert join_split_name(envoy[2:3], "GPE").text == "Tarsa"  # a person's full name after the place
    inside = _tagged(["by", "Keep", "Tarsa", "Tidy"], ["O", "O", "B-GPE", "B-PERSON"])
    assert join_split_name(inside[2:3], "GPE").text == "Tarsa"  # a name inside a longer capitalised one
