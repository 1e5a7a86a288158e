"""Resolution with an added gazetteer's villages (population 0): they count where the story supports them."""

from __future__ import annotations

from geo.gazetteer import Gazetteer
from geo.nlp import load_pipeline
from geo.places.resolve import resolve_spans


def _read(text: str, names: list[str], gazetteer: Gazetteer) -> dict[str, str | None]:
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    return {t.text: t.country for t in resolve_spans(load_pipeline()(text), spans, gazetteer)}


def test_villages_in_a_story_that_names_their_country(with_villages: Gazetteer) -> None:
    text = "Shelling hit Zubaydah and Tall Kharuf in Syria, officials in Damascus said."
    read = _read(text, ["Zubaydah", "Tall Kharuf", "Syria", "Damascus"], with_villages)
    assert read["Zubaydah"] == read["Tall Kharuf"] == "SY"


def test_two_villages_abroad_do_not_vouch_for_each_other(with_villages: Gazetteer) -> None:
    text = "Elders from Zubaydah and Tall Kharuf met in Peshawar, Quetta and Lahore, Pakistani officials said."
    read = _read(text, ["Zubaydah", "Tall Kharuf", "Peshawar", "Quetta", "Lahore"], with_villages)
    assert read["Zubaydah"] is None and read["Tall Kharuf"] is None
    assert read["Peshawar"] == "PK"



def test_a_village_that_only_names_a_site_abroad_is_left_for_the_storys_town(with_villages: Gazetteer) -> None:
    text = "A car bomb went off near Zubaydah checkpoint in Mogadishu, Somali police in Kismayo and Baidoa said."
    assert _read(text, ["Zubaydah", "Mogadishu"], with_villages)["Zubaydah"] is None  # not the Syrian village
    text = "A car bomb went off near Zubaydah checkpoint, Syrian officials in Damascus said."
    assert _read(text, ["Zubaydah", "Damascus"], with_villages)["Zubaydah"] == "SY"
