"""Resolution with an added gazetteer's villages (population 0): they count where the story supports them."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, add_source, default_gazetteer
from geo.gazetteer.added import added_dir, index_file
from geo.nlp import load_pipeline
from geo.places.resolve import resolve_spans
from geo.settings import Settings

VILLAGES = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "XX_villages.txt"


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    settings = Settings(cache_dir=tmp_path_factory.mktemp("cache"))
    base = default_gazetteer().path
    source, _ = add_source([VILLAGES], base, settings=settings)
    return Gazetteer(base, [index_file(added_dir(settings), source.name)])


def _read(text: str, names: list[str], gazetteer: Gazetteer) -> dict[str, str | None]:
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    return {t.text: t.country for t in resolve_spans(load_pipeline()(text), spans, gazetteer)}


def test_villages_in_a_story_that_names_their_country(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Zubaydah and Tall Kharuf in Syria, officials in Damascus said."
    read = _read(text, ["Zubaydah", "Tall Kharuf", "Syria", "Damascus"], gazetteer)
    assert read["Zubaydah"] == read["Tall Kharuf"] == "SY"


def test_two_villages_abroad_do_not_vouch_for_each_other(gazetteer: Gazetteer) -> None:
    text = "Elders from Zubaydah and Tall Kharuf met in Peshawar, Quetta and Lahore, Pakistani officials said."
    read = _read(text, ["Zubaydah", "Tall Kharuf", "Peshawar", "Quetta", "Lahore"], gazetteer)
    assert read["Zubaydah"] is None and read["Tall Kharuf"] is None
    assert read["Peshawar"] == "PK"
