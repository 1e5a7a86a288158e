"""The events evaluation: labels file, matching rules and the command (no benchmark corpora needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geo.bench import eval_events as ev
from geo.bench import events_gold
from geo.model import CATEGORIES, SOURCE_TYPES, Event, Place, Source, TextSpan

TEXT = "Rebels shelled Foua on Monday. Police said a bomb killed six in Giza, and a blast hit Cairo."


def span(phrase: str) -> TextSpan:
    start = TEXT.index(phrase)
    return TextSpan(phrase, start, start + len(phrase))


def event(kind: str, phrase: str, **fields: object) -> Event:
    evidence = span(phrase)
    return Event(kind=kind, summary=phrase, category="Attack", evidence=evidence, mentions=(evidence,),
                 **fields)  # type: ignore[arg-type]


def gold_event(kind: str, *phrases: str, **fields: object) -> dict[str, object]:
    base: dict[str, object] = {"kind": kind, "place": [], "date": None, "count": None, "killed": None,
                               "injured": None, "optional": False}
    base.update(fields)
    base["evidence"] = [{"text": p} for p in phrases]
    return base


def test_labels_file_is_well_formed() -> None:
    documents = events_gold.load_gold()
    assert len(documents) >= 20
    assert {d["corpus"] for d in documents} >= {"TR-News", "LGL", "GeoWebNews", "sample"}
    for document in documents:
        for item in document["events"]:
            assert item["kind"] in ev.KINDS and item["category"] in CATEGORIES
            assert item["evidence"] and all(e["end"] > e["start"] for e in item["evidence"])
        for source in document["sources"]:
            assert source["type"] in SOURCE_TYPES and source["name"]


def test_gold_evidence_is_found_in_the_sample() -> None:
    sample = next(d for d in events_gold.load_gold() if d["corpus"] == "sample")
    text = events_gold.SAMPLE_PATH.read_text(encoding="utf-8")
    for item in sample["events"]:
        for evidence in item["evidence"]:
            assert ev.locate(evidence["text"], text) == (evidence["start"], evidence["end"])


def test_normalised_names() -> None:
    assert events_gold.normalise_name("The Associated Press (AP)") == events_gold.normalise_name("associated press")
    assert events_gold.normalise_name("an unnamed local source") == "local source"
    assert events_gold.normalise_name("Jordan's Public Security Directorate") == "jordan public security directorate"


def test_locate_ignores_whitespace() -> None:
    assert ev.locate("bomb  killed\nsix", TEXT) == (TEXT.index("bomb killed six"), TEXT.index(" in Giza"))
    assert ev.locate("not there", TEXT) is None


def test_one_sentence_with_two_events_gives_each_its_own_match() -> None:
    gold = [gold_event("attack", "a blast hit Cairo", killed=None, place=["Cairo"]),
            gold_event("attack", "a bomb killed six in Giza", killed=6, place=["Giza"])]
    giza = event("attack", "Police said a bomb killed six in Giza, and a blast hit Cairo.", killed=6)
    cairo = Event(kind="attack", summary="blast", category="Attack",
                  evidence=span("Police said a bomb killed six in Giza, and a blast hit Cairo."),
                  mentions=(span("a blast hit Cairo"),))
    result = ev.DocumentResult(name="t")
    ev.score_events([giza, cairo], gold, TEXT, [], result)
    attack = result.tallies["attack"]
    assert (attack.true_positive, attack.predicted, attack.gold) == (2, 2, 2)


def test_a_gold_event_goes_to_the_prediction_sharing_more_of_its_evidence() -> None:
    gold = gold_event("attack", "Rebels shelled Foua", "a blast hit Cairo")
    located = [(gold, [(0, 19), (TEXT.index("a blast"), len(TEXT) - 1)])]
    partial = event("attack", "Rebels shelled Foua on Monday.")
    fuller = Event(kind="attack", summary="shelling", category="Attack", evidence=span("Rebels shelled Foua"),
                   mentions=(span("Rebels shelled Foua"), span("a blast hit Cairo")))
    for order in ([partial, fuller], [fuller, partial]):
        assignment = ev.assign_events(order, located)
        assert [order[i] for i in assignment] == [fuller]


def test_kind_must_agree_and_optional_gold_is_neutral() -> None:
    gold = [gold_event("response", "Rebels shelled Foua"), gold_event("attack", "a blast hit Cairo", optional=True)]
    predicted = [event("attack", "Rebels shelled Foua on Monday."), event("attack", "a blast hit Cairo")]
    result = ev.DocumentResult(name="t")
    ev.score_events(predicted, gold, TEXT, [], result)
    assert (result.tallies["attack"].predicted, result.tallies["attack"].gold) == (1, 0)
    assert (result.tallies["response"].true_positive, result.tallies["response"].gold) == (0, 1)
    assert len(result.missed) == 1 and len(result.false_alarms) == 1


def test_field_checks_on_matched_events() -> None:
    place = Place(key="giza", name="Giza", kind="city", country="EG", lat=30.0, lon=31.2, geonameid=1,
                  confidence=0.9, mentions=(span("Giza"),))
    gold = gold_event("attack", "a bomb killed six in Giza", killed=6, place=["Giza"], date="2016-12")
    right = event("attack", "a bomb killed six in Giza", killed=6, place="Giza", place_key="giza",
                  date=date(2016, 12, 9), count=1)
    assert events_gold.place_right(right, gold, [place]) and ev.date_right(right, gold) and ev.numbers_right(right, gold)
    wrong = event("attack", "a bomb killed six in Giza", killed=60)
    assert not events_gold.place_right(wrong, gold, [place]) and not ev.date_right(wrong, gold)
    assert not ev.numbers_right(wrong, gold)


def test_sources_match_by_name_or_alias() -> None:
    gold = [{"name": "Associated Press (AP)", "type": "wire", "aliases": ["AP"]},
            {"name": "police", "type": "official", "aliases": []},
            {"name": "experts", "type": "other", "aliases": [], "optional": True}]
    found = [Source(name="The Associated Press", type="wire", claims=()),
             Source(name="Experts", type="other", claims=()),
             Source(name="the government", type="official", claims=())]
    result = ev.DocumentResult(name="t")
    ev.score_sources(found, gold, result)
    tally = result.tallies["source"]
    assert (tally.true_positive, tally.predicted, tally.gold) == (1, 2, 2)
    assert tally.precision == 0.5 and tally.recall == 0.5 and tally.f1 == 0.5


def test_summary_lines_print_the_figures() -> None:
    result = ev.DocumentResult(name="t")
    result.tallies["attack"] = ev.Tally(true_positive=3, predicted=4, gold=5)
    result.fields["place"] = [True, False]
    lines = ev.summary_lines([result])
    assert any(line.startswith("attacks") and "precision 0.750" in line and "recall 0.600" in line for line in lines)
    assert any("place 0.500 (1/2)" in line for line in lines)


def test_command_skips_absent_corpora(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(["--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "skipped" in out and "documents 1" in out
    assert "responses  precision 1.000  recall 1.000" in out  # the sample's two strikes


def test_a_labelled_zero_toll_is_met_by_no_figure_but_not_by_another() -> None:
    gold = gold_event("attack", "a blast hit Cairo", killed=0, injured=0)
    assert ev.numbers_right(event("attack", "a blast hit Cairo"), gold)
    assert not ev.numbers_right(event("attack", "a blast hit Cairo", injured=3), gold)


def test_the_scorer_runs_under_the_name_the_issue_gives_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "geo.eval_events", "--root", str(tmp_path)], capture_output=True,
                          text=True, cwd=Path(__file__).resolve().parents[2], timeout=300)
    assert done.returncode == 0 and "responses  precision 1.000  recall 1.000" in done.stdout
