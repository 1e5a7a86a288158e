"""The event-kind layer's fitting command: labels taken from the scorer's matching, the softmax fit, the
F1 it optimises."""

from __future__ import annotations

from datetime import date

import numpy as np

from geo.bench.events_gold import LabelledDocument
from geo.bench.kind_fit import LabelledEvents, f1_scores, fit, label_events
from geo.events.kind_model import CLASSES
from geo.pipeline import analyze


def test_an_attack_and_its_answer_told_in_one_sentence_keep_their_own_labels() -> None:
    text = ("Gunmen attacked a police post in Kano on Monday, and soldiers repelled the assault. "
            "Separately, a bomb exploded at a market in Maiduguri.")
    sentence = text.split(". ")[0] + "."
    gold = {"events": [{"kind": "attack", "evidence": [{"text": sentence}]},
                       {"kind": "response", "evidence": [{"text": sentence}]}], "sources": []}
    report = analyze(text, published=date(2024, 3, 4))
    labels = label_events(LabelledDocument("made-up", text, gold), report)
    kinds = [e.kind for e in list(report.attacks) + list(report.responses)]
    assert len(kinds) == 3 and sorted(zip(kinds, labels)) == [
        ("attack", "attack"), ("attack", "none"), ("response", "response")]


def test_the_fit_separates_classes_a_feature_tells_apart() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, size=300)
    x = np.column_stack([np.ones(300), y == 1, y == 2, rng.normal(size=300)]).astype(float)
    w = fit(x, y, penalty=0.1)
    assert w.shape == (len(CLASSES), 4)
    assert ((x @ w.T).argmax(axis=1) == y).mean() == 1.0
    assert abs(w[:, 3]).max() < 0.5  # the noise feature stays small


def test_f1_counts_gold_events_the_rules_missed() -> None:
    doc = LabelledEvents("d", [{}, {}, {}], ["attack", "attack", "response"], ["attack", "none", "attack"],
                         {"attack": 3, "response": 1})
    scores = f1_scores([doc], ["attack", "attack", "response"])
    assert scores["attack"] == 2 * 1 / (2 + 3)
    assert scores["response"] == 0.0
