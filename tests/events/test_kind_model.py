"""The learned event-kind layer: features read from the drafts of made-up sentences, and how a model's
probabilities settle a kind or drop a row."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geo.events import kind_model
from geo.events.extract import extract_events
from geo.events.kind_model import CLASSES, KindModel, Policy, recording

from tests.events.helpers import nlp, toponyms_for


def _model(weights: dict[str, dict[str, float]], policy: Policy) -> KindModel:
    names = tuple(sorted({n for row in weights.values() for n in row}))
    return KindModel(names, tuple(tuple(weights.get(k, {}).get(n, 0.0) for n in names) for k in CLASSES), policy)


def _features(text: str) -> tuple[list, list[dict[str, float]]]:
    with recording() as features:
        attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 3, 4))
    return attacks + responses, features


def test_recording_gives_one_feature_row_per_event_in_the_order_returned() -> None:
    events, features = _features("Militants fired rockets at a base in Syria on Monday. In response, US jets "
                                 "struck a depot of the militants in Syria on Tuesday.")
    assert [e.kind for e in events] == ["attack", "response"]
    assert len(features) == 2
    attack, response = features
    assert attack["rules say response"] == 0.0 and response["rules say response"] == 1.0
    assert attack["answer cue"] == 0.0 and response["answer cue"] == 1.0
    assert attack["first act told"] == 1.0 and response["first act told"] == 0.0
    assert response["an attack before"] == 1.0


def test_defence_words_and_quotes_are_read_from_the_sentence() -> None:
    _events, features = _features('Air defences shot down three drones over Kyiv overnight, the air force said. '
                                  'A spokesman said "the enemy shelled a school in Kyiv".')
    assert features[0]["defence cue"] == 1.0 or features[-1]["defence cue"] == 1.0
    assert any(f["quoted"] == 1.0 for f in features)


def test_a_sure_model_changes_the_kind_and_drops_a_row_but_a_doubtful_one_does_not() -> None:
    text = "Militants fired rockets at a base in Syria on Monday. US jets struck a depot in Iraq on Tuesday."
    flipping = _model({"response": {"answer cue": -5.0, "bias": 3.0}}, Policy(flip_margin=0.5, drop_above=1.01))
    doc = nlp()(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kind_model, "_default_model", lambda: flipping)
        attacks, responses = extract_events(doc, toponyms_for(text), published=date(2024, 3, 4))
    assert attacks == [] and len(responses) == 2  # p(response) ~ 0.95: both become responses
    cautious = _model({"response": {"bias": 3.0}}, Policy(flip_margin=0.99, drop_above=1.01))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kind_model, "_default_model", lambda: cautious)
        attacks, responses = extract_events(doc, toponyms_for(text), published=date(2024, 3, 4))
    assert len(attacks) == 2 and responses == []
    dropping = _model({"none": {"bias": 4.0}}, Policy(flip_margin=1.0, drop_above=0.9))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kind_model, "_default_model", lambda: dropping)
        assert extract_events(doc, toponyms_for(text), published=date(2024, 3, 4)) == ([], [])


def test_probabilities_are_a_softmax_over_the_three_classes() -> None:
    model = _model({"attack": {"bias": 1.0}, "response": {"x": 2.0}}, Policy())
    p = model.probabilities({"bias": 1.0, "x": 1.0})
    assert sum(p.values()) == pytest.approx(1.0)
    assert p["response"] > p["attack"] > p["none"]
    assert model.decide("attack", {"bias": 1.0, "x": 1.0}) == "attack"  # the default policy never overrules


def test_weights_load_from_json_and_a_missing_file_leaves_the_rules(tmp_path: Path) -> None:
    assert KindModel.load(tmp_path / "absent.json") is None
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"features": ["bias"], "weights": {"attack": {"bias": 0.5}, "response": {},
                                                                 "none": {"bias": -1}},
                                "policy": {"flip_margin": 0.3, "drop_above": 0.8}}), encoding="utf-8")
    model = KindModel.load(path)
    assert model is not None and model.weights == ((0.5,), (0.0,), (-1.0,))
    assert model.policy == Policy(0.3, 0.8)
