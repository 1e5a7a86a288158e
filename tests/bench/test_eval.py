from __future__ import annotations

from pathlib import Path

import pytest

import geo
from geo.bench import eval as geoeval
from geo.model import Toponym

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="7"><title>t</title><text><![CDATA[Shots in Homs and Xyz.]]></text>
<toponyms><toponym><start>9</start><end>13</end><phrase>Homs</phrase>
<gaztag geonameid="169577"><name>Homs</name><lat>34.72682</lat><lon>36.72339</lon></gaztag></toponym>
<toponym><start>18</start><end>21</end><phrase>Xyz</phrase></toponym></toponyms></article></articles>
"""


def test_metrics() -> None:
    assert geoeval.auc([0, 0, 0]) == 0
    assert geoeval.auc([geoeval.EARTH_HALF_CIRCUMFERENCE_KM] * 2) == pytest.approx(1.0)


def test_lgl_reader_and_gold_evaluation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "LGL").mkdir()
    (tmp_path / "LGL" / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    [doc] = geoeval.load_corpus("lgl", tmp_path)
    assert doc.text[9:13] == "Homs" and len(doc.toponyms) == 2 and doc.toponyms[1].lat is None

    def fake_geoparse(text: str, *, spans=None):
        assert spans == [(9, 13)]  # only toponyms with coordinates are scored
        return [Toponym(9, 13, "Homs", lat=34.8, lon=36.7, geonameid=169577)]

    monkeypatch.setattr(geo, "geoparse", fake_geoparse)
    scores = geoeval.evaluate([doc], "gold")
    assert scores.exact_ids == 1 and len(scores.errors_km) == 1 and scores.errors_km[0] < 25


def test_e2e_span_matching(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "LGL").mkdir()
    (tmp_path / "LGL" / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    [doc] = geoeval.load_corpus("lgl", tmp_path)
    monkeypatch.setattr(geo, "geoparse", lambda text, spans=None: [
        Toponym(9, 13, "Homs", lat=10.0, lon=10.0), Toponym(0, 5, "Shots")])
    scores = geoeval.evaluate([doc], "e2e")
    assert (scores.true_positive, scores.predicted, scores.gold) == (1, 2, 1)
    assert scores.errors_km[0] > 161


def test_e2e_a_prediction_on_a_toponym_without_coordinates_is_not_scored(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "LGL").mkdir()
    (tmp_path / "LGL" / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    [doc] = geoeval.load_corpus("lgl", tmp_path)
    # "Xyz" (18-21) is a gold toponym with no coordinates; "Shots" (0-5) is no toponym at all.
    monkeypatch.setattr(geo, "geoparse", lambda text, spans=None: [
        Toponym(9, 13, "Homs", lat=34.7, lon=36.7), Toponym(18, 21, "Xyz"), Toponym(0, 5, "Shots")])
    scores = geoeval.evaluate([doc], "e2e")
    assert (scores.true_positive, scores.predicted, scores.unscored_predictions, scores.gold) == (1, 2, 1, 1)
    lines = scores.as_lines("e2e")
    assert "precision 0.500 recall 1.000" in lines[-2]
    assert lines[-1].startswith("not scored: 1 predictions") and "precision 0.333" in lines[-1]


def test_missing_benchmarks_skip_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert geoeval.main(["lgl", "--root", str(tmp_path / "nowhere")]) == 0
    assert "not found" in capsys.readouterr().out


def test_drifting_gold_offsets_are_realigned() -> None:
    text = "Floods hit Pandi, in Bulacan."
    drifted = geoeval.GoldToponym(12, 17, "Pandi", 14.86, 120.95)
    fixed = geoeval._aligned(text, drifted)
    assert text[fixed.start:fixed.end] == "Pandi"
    absent = geoeval.GoldToponym(0, 3, "Nowhere", 1.0, 1.0)
    assert geoeval._aligned(text, absent) == absent


def test_misses_are_grouped_by_feature_code_and_cause(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    xml = LGL_XML.replace("<name>Homs</name>", "<name>Homs</name><fclass>P</fclass><fcode>PPLA</fcode>")
    (tmp_path / "LGL").mkdir()
    (tmp_path / "LGL" / "lgl.xml").write_text(xml, encoding="utf-8")
    [doc] = geoeval.load_corpus("lgl", tmp_path)
    assert doc.toponyms[0].feature_code == "PPLA"
    # the right GeoNames id with a point far from the gold one: a coordinate mismatch
    monkeypatch.setattr(geo, "geoparse", lambda text, spans=None: [
        Toponym(9, 13, "Homs", lat=10.0, lon=10.0, geonameid=169577)])
    scores = geoeval.evaluate([doc], "gold")
    assert scores.misses == {("PPLA", geoeval.MISS_COORDINATES): 1}
    assert any("coordinate mismatch" in line for line in scores.breakdown_lines())
    # no candidate, and a wrong candidate
    gold = doc.toponyms[0]
    assert geoeval.miss_cause(gold, None, False) == geoeval.MISS_NO_CANDIDATE
    assert geoeval.miss_cause(gold, 1, True) == geoeval.MISS_WRONG


def test_the_ceiling_counts_what_the_gazetteer_can_reach() -> None:
    text = "In Homs, on Quwatli Street, and at Nowhere Lane."
    homs_lat, homs_lon = 34.72682, 36.72339
    doc = geoeval.Document("1", text, (
        geoeval.GoldToponym(3, 7, "Homs", homs_lat, homs_lon),  # its own name reaches it
        geoeval.GoldToponym(12, 26, "Quwatli Street", 34.73, 36.71),  # only through Homs, named beside it
        geoeval.GoldToponym(35, 47, "Nowhere Lane", -40.0, -100.0),  # nothing reaches the South Pacific
    ))
    own, hosted = geoeval.reachable([doc])
    assert own == pytest.approx(1 / 3) and hosted == pytest.approx(2 / 3)
