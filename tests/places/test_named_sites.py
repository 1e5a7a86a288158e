"""geo.places.named_sites: buildings, bases and junctions named by their own word."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from geo.gazetteer.normalize import fold_name
from geo.model import Candidate
from geo.pipeline import geoparse
from geo.places.recognize import SPAN_KEY, ToponymRecognizer


class _Gazetteer:
    def __init__(self, places: dict[str, list[Candidate]]) -> None:
        self.places = {fold_name(k): v for k, v in places.items()}

    def candidates(self, name: str, *, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        return self.places.get(fold_name(name), [])[:limit]


def _place(name: str, kind: str, population: int = 0) -> Candidate:
    return Candidate(name=name, kind=kind, country="SY", lat=34.0, lon=37.0, population=population, score=1.0)


_FAKE = _Gazetteer({
    "Tarsa nuclear power plant": [_place("Tarsa Nuclear Power Plant", "facility")],
    "Tarsa": [_place("Tarsa", "city", 9000)],
    "Kelmar Yunis": [_place("Kelmar Yunis", "city", 0), _place("Kelmar Yunis", "city", 170_000)],
    "Ministry of Lands": [_place("Ministry of Lands", "city", 0)],  # a quarter of some capital, so called
})


def _spans(words: list[str], ents: list[tuple[int, int, str]]) -> list[Span]:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    ToponymRecognizer(gazetteer=_FAKE)(doc)
    return list(doc.spans[SPAN_KEY])


def _names(words: list[str], ents: list[tuple[int, int, str]]) -> list[str]:
    return [s.text for s in _spans(words, ents)]


def test_a_kind_of_site_alone_names_no_place() -> None:
    found = geoparse("Planes landed at the Airport in Kabul.")  # GeoNames has a district also called so
    assert [t.text for t in found] == ["Kabul"]


def test_a_known_site_named_whole_is_a_place_though_the_tagger_called_it_a_person() -> None:
    words = ["shells", "fell", "near", "the", "Tarsa", "nuclear", "power", "plant", "."]
    assert _names(words, [(4, 5, "PERSON")]) == ["Tarsa nuclear power plant"]


def test_a_village_of_no_recorded_size_does_not_hide_the_city_of_its_name() -> None:
    words = ["rockets", "hit", "a", "base", "in", "Kelmar", "Yunis", "."]
    assert _names(words, [(5, 7, "PERSON")]) == ["Kelmar Yunis"]


def test_an_unknown_airport_named_after_a_person_is_placed_at_its_town() -> None:
    found = geoparse("A car bomb exploded at Tamsin Okoro International Airport in Kabul on Monday.")
    assert [(t.text, t.name) for t in found][0] == (
        "Tamsin Okoro International Airport", "Tamsin Okoro International Airport (near Kabul)")
    assert "Airport" not in [t.text for t in found]


def test_a_ministry_is_a_place_where_it_is_struck_not_where_it_speaks() -> None:
    struck = geoparse("In Mogadishu, a second bomb struck the Public Works Ministry on Saturday.")
    assert "Public Works Ministry (near Mogadishu)" in [t.name for t in struck]
    speaking = geoparse("The Ministry of Public Works said on Saturday that roads in Mogadishu were closed.")
    assert [t.text for t in speaking] == ["Mogadishu"]


def test_a_name_before_the_word_of_a_site_is_a_place_whether_or_not_its_namesake_is() -> None:
    spans = _spans(["a", "bomb", "went", "off", "near", "Tarsa", "junction", "."], [(5, 6, "ORG")])
    assert [(s.text, s._.geo_cue, s._.geo_gated) for s in spans] == [("Tarsa", "facility", False)]
    spans = _spans(["a", "bomb", "went", "off", "near", "the", "Tarsa", "tower", "."], [(6, 7, "ORG")])
    assert [s._.geo_gated for s in spans] in ([], [True])  # no site's word: the namesake town must hold


_INFOBOX = ["-", "Location", ":", "Harar", "\n", "-", "Target", ":", "Ministry", "of", "Lands", "\n"]


def test_an_infoboxs_target_names_a_site_though_the_gazetteers_namesake_is_a_town() -> None:
    spans = _spans(_INFOBOX, [(3, 4, "GPE"), (8, 12, "ORG")])  # the tagger ran the name to the line's end
    assert [(s.text, s._.geo_gated) for s in spans] == [("Harar", False), ("Ministry of Lands", False)]


def test_other_infobox_fields_name_no_site() -> None:
    words = ["-", "Title", ":", "Ministry", "of", "Lands", "\n"]
    assert _names(words, [(3, 7, "ORG")]) == []
    words = ["Targets", "set", "by", "the", "Ministry", "of", "Lands", "were", "met"]
    assert _names(words, [(4, 7, "ORG")]) == []


def test_an_infoboxs_target_is_placed_at_the_storys_town() -> None:
    text = ("Infobox\n- Location: Kabul, Afghanistan\n- Target: Ministry of Public Works\n- Date: 3 May 2019\n\n"
            "Gunmen stormed a government building in Kabul on 3 May 2019.")
    assert "Ministry of Public Works (near Kabul)" in [t.name for t in geoparse(text)]


def test_every_item_of_a_list_called_villages_is_a_place() -> None:
    found = [t.text for t in geoparse("Drones hit the villages of Bayt Tamsin, Kfar Qorvel and Mazraat Hadi near "
                                      "Tyre on Monday.")]
    assert found == ["Bayt Tamsin", "Kfar Qorvel", "Mazraat Hadi", "Tyre"]


def test_an_unknown_name_called_a_village_is_placed_whole_not_by_its_last_word() -> None:
    found = [(t.text, t.name) for t in geoparse("A jet dropped two bombs on Aung Myin Kone village in Sagaing region "
                                                "on Saturday.")]
    assert found == [("Aung Myin Kone", "Aung Myin Kone (near Sagaing)"), ("Sagaing", "Sagaing")]  # not Kone, New Caledonia
