"""geo.bench.ranker_fit: the conditional-logit fit of the ranking weights."""

from __future__ import annotations

import numpy as np

from geo.bench.ranker_fit import TrainingSet, accuracy, choose_l2, fit


def synthetic(true_theta: np.ndarray, names: int = 400, candidates: int = 5, seed: int = 7) -> TrainingSet:
    """Names whose right candidate is drawn from the softmax of ``true_theta``'s scores."""
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(names, candidates, len(true_theta)))
    scores = features @ true_theta
    probabilities = np.exp(scores - scores.max(axis=1, keepdims=True))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    positive = np.array([rng.choice(candidates, p=p) for p in probabilities])
    mask = np.ones((names, candidates), dtype=bool)
    return TrainingSet(features, mask, positive, np.arange(names) % 10)


def test_fit_moves_the_weights_towards_the_ones_that_made_the_data() -> None:
    truth = np.array([2.0, -1.5, 0.0])
    data = synthetic(truth)
    start = np.zeros(3)
    theta = fit(data, start, l2=0.0, steps=1500)
    assert np.sign(theta[0]) == 1 and np.sign(theta[1]) == -1 and abs(theta[2]) < 0.5
    assert accuracy(data, theta) > accuracy(data, start)


def test_a_strong_l2_keeps_the_prior_weights() -> None:
    data = synthetic(np.array([2.0, -1.5, 0.0]))
    prior = np.array([0.1, 0.1, 0.1])
    theta = fit(data, prior, l2=100.0, steps=500)
    assert np.allclose(theta, prior, atol=0.05)


def test_padded_candidates_are_never_chosen() -> None:
    data = synthetic(np.array([1.0, 0.0, 0.0]), names=50)
    mask = data.mask.copy()
    mask[:, 3:] = False
    features = data.features.copy()
    features[:, 3:, 0] = 100.0  # padding that would win if it were scored
    positive = np.minimum(data.positive, 2)
    padded = TrainingSet(features, mask, positive, data.document)
    assert accuracy(padded, np.array([1.0, 0.0, 0.0])) > 0.0
    theta = fit(padded, np.zeros(3), l2=0.0, steps=200)
    assert np.isfinite(theta).all()


def test_choose_l2_reports_held_out_accuracy_for_each_strength() -> None:
    data = synthetic(np.array([2.0, -1.5, 0.0]), names=200)
    results = choose_l2(data, np.zeros(3), grid=(10.0, 0.01), folds=4)
    assert set(results) == {10.0, 0.01} and all(0.0 <= v <= 1.0 for v in results.values())
    assert results[0.01] >= results[10.0]


def test_only_the_named_weights_move() -> None:
    data = synthetic(np.array([2.0, -1.5, 0.0]))
    prior = np.zeros(3)
    theta = fit(data, prior, l2=0.0, steps=1500, only=np.array([False, True, False]))
    assert theta[0] == 0.0 and theta[2] == 0.0
    assert theta[1] < -0.5
