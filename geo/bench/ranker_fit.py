"""Fit the candidate-ranking weights: ``python -m geo.bench.ranker_fit [--corpus geovirus] [-o FILE]``.

The ranker (``geo.places.ranking``) scores each gazetteer candidate of a name by a weighted sum of
features; this command fits those weights as a conditional logit (a softmax over each name's
candidates, the right candidate being the one with the gold GeoNames id, else the nearest within
161 km), with an L2 pull towards the hand-set ``DEFAULT_WEIGHTS``. The strength of that pull is
chosen by cross-validation over the training documents; a feature that tells candidates apart in
too few training names (a rare cue, say) keeps its hand-set weight.

Train on a corpus kept apart from the ones you report: by default GeoVirus, so that LGL,
TR-News and GeoWebNews stay unseen by the fit (``python -m geo.bench.eval`` measures on them).
Context features depend on the other names' choices, so features are extracted with the current
weights, the weights refitted, and this repeated (``--rounds``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geo.bench.eval import CORPORA, DEFAULT_ROOT, Document, load_corpus
from geo.geometry import distance_km
from geo.places.ranking import DEFAULT_WEIGHTS, FEATURES, WEIGHTS_PATH

_TEMPERATURE = 0.4  # geo.places.resolve's softmax temperature: probabilities there are softmax(score / T)
_MATCH_KM = 161.0
_MIN_SUPPORT = 30  # names a feature must tell apart before its weight is fitted


@dataclass(frozen=True, slots=True)
class TrainingSet:
    features: np.ndarray  # (names, candidates, features), zero-padded
    mask: np.ndarray  # (names, candidates) True where a candidate exists
    positive: np.ndarray  # (names,) index of the right candidate
    document: np.ndarray  # (names,) index of the document, for cross-validation


def _positive_index(candidates: Sequence, lat: float, lon: float, geonameid: int | None) -> int | None:
    if geonameid is not None:
        for index, candidate in enumerate(candidates):
            if candidate.geonameid == geonameid:
                return index
    distances = [distance_km(lat, lon, c.lat, c.lon) for c in candidates]
    best = min(range(len(candidates)), key=distances.__getitem__)
    return best if distances[best] <= _MATCH_KM else None


def extract(documents: Sequence[Document], weights: Mapping[str, float]) -> TrainingSet:
    """Features of every gold name with at least two candidates, the right one among them."""
    from geo.gazetteer.index import default_gazetteer
    from geo.nlp import load_pipeline
    from geo.places.resolve import look_up_candidates, score_candidates, span_mentions

    nlp, gazetteer = load_pipeline(), default_gazetteer()
    rows: list[tuple[list[dict[str, float]], int, int]] = []
    for doc_index, document in enumerate(documents):
        gold = [t for t in document.toponyms
                if t.lat is not None and t.lon is not None and 0 <= t.start < t.end <= len(document.text)]
        if not gold:
            continue
        mentions = span_mentions(nlp(document.text), [(t.start, t.end) for t in gold], gazetteer)
        look_up_candidates(mentions, gazetteer)
        score_candidates(mentions, gazetteer, weights)
        for toponym, mention in zip(gold, mentions):
            if len(mention.candidates) < 2:
                continue
            assert toponym.lat is not None and toponym.lon is not None
            positive = _positive_index(mention.candidates, toponym.lat, toponym.lon, toponym.geonameid)
            if positive is not None:
                rows.append((mention.features, positive, doc_index))
    width = max((len(f) for f, _, _ in rows), default=1)
    features = np.zeros((len(rows), width, len(FEATURES)))
    mask = np.zeros((len(rows), width), dtype=bool)
    column = {name: i for i, name in enumerate(FEATURES)}
    for i, (candidate_features, _, _) in enumerate(rows):
        for j, values in enumerate(candidate_features):
            mask[i, j] = True
            for name, value in values.items():
                features[i, j, column[name]] = value
    return TrainingSet(features, mask, np.array([p for _, p, _ in rows], dtype=int),
                       np.array([d for _, _, d in rows], dtype=int))


def _log_softmax(data: TrainingSet, theta: np.ndarray) -> np.ndarray:
    scores = np.where(data.mask, data.features @ theta, -np.inf)
    top = scores.max(axis=1, keepdims=True)
    return scores - top - np.log(np.exp(scores - top).sum(axis=1, keepdims=True))


def support(data: TrainingSet) -> np.ndarray:
    """Per feature, the number of names where it tells some candidates apart."""
    masked = np.where(data.mask[..., None], data.features, np.nan)
    spread = np.nanmax(masked, axis=1) - np.nanmin(masked, axis=1)
    return (spread > 1e-9).sum(axis=0)


def fit(data: TrainingSet, prior: np.ndarray, l2: float, steps: int = 3000, rate: float = 0.05,
        min_support: int = 0, only: np.ndarray | None = None) -> np.ndarray:
    """Maximise the mean log-likelihood minus ``l2 * |theta - prior|^2`` (Adam). Features that
    tell candidates apart in fewer than ``min_support`` names keep their prior weight, and so do
    features outside ``only`` (a boolean mask) when it is given."""
    theta = prior.copy()
    free = support(data) >= min_support
    if only is not None:
        free &= only
    first, second = np.zeros_like(theta), np.zeros_like(theta)
    rows = np.arange(len(data.positive))
    for step in range(1, steps + 1):
        probabilities = np.exp(_log_softmax(data, theta))
        expected = np.einsum("nk,nkf->nf", np.nan_to_num(probabilities), data.features)
        gradient = (data.features[rows, data.positive] - expected).mean(axis=0) - 2 * l2 * (theta - prior)
        gradient = np.where(free, gradient, 0.0)
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        theta += rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return theta


def _subset(data: TrainingSet, keep: np.ndarray) -> TrainingSet:
    return TrainingSet(data.features[keep], data.mask[keep], data.positive[keep], data.document[keep])


def accuracy(data: TrainingSet, theta: np.ndarray) -> float:
    """Share of names whose top-scored candidate is the right one."""
    if not len(data.positive):
        return 0.0
    return float((_log_softmax(data, theta).argmax(axis=1) == data.positive).mean())


def choose_l2(data: TrainingSet, prior: np.ndarray, grid: Sequence[float], folds: int = 4,
              only: np.ndarray | None = None) -> dict[float, float]:
    """Held-out accuracy of each L2 strength, by folds over documents."""
    results: dict[float, float] = {}
    fold_of = data.document % folds
    for l2 in grid:
        correct = 0.0
        for fold in range(folds):
            train, test = _subset(data, fold_of != fold), _subset(data, fold_of == fold)
            theta = fit(train, prior, l2, steps=800, min_support=_MIN_SUPPORT, only=only)
            correct += accuracy(test, theta) * len(test.positive)
        results[l2] = correct / len(data.positive)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.ranker_fit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=list(CORPORA), default="geovirus")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("-o", "--output", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--only", nargs="+", choices=FEATURES, metavar="FEATURE",
                        help="fit only these weights (a new feature, say); the others keep their values in "
                             "the current weights file")
    args = parser.parse_args(argv)
    folder, filename = CORPORA[args.corpus]
    if not (args.root / folder / filename).is_file():
        print(f"{args.corpus}: not found under {args.root}; nothing to fit")
        return 0
    documents = load_corpus(args.corpus, args.root)
    start, based_on = _starting_weights(args.only)
    prior = np.array([start[name] for name in FEATURES]) / _TEMPERATURE
    only = np.array([name in args.only for name in FEATURES]) if args.only else None
    weights: dict[str, float] = dict(start)
    theta = prior
    for round_number in range(1, args.rounds + 1):
        data = extract(documents, weights)
        validation = choose_l2(data, prior, grid=(0.3, 0.1, 0.03, 0.01, 0.003, 0.001), only=only)
        l2 = max(validation, key=lambda k: (validation[k], k))
        theta = fit(data, prior, l2, min_support=_MIN_SUPPORT, only=only)
        held = [name for name, count in zip(FEATURES, support(data)) if count < _MIN_SUPPORT]
        weights = {name: float(value * _TEMPERATURE) for name, value in zip(FEATURES, theta)}
        print(f"round {round_number}: {len(data.positive)} names; held-out accuracy by l2 "
              + ", ".join(f"{k}: {v:.3f}" for k, v in validation.items())
              + f"; chosen {l2}; training accuracy {accuracy(data, prior):.3f} -> {accuracy(data, theta):.3f}"
              + f"; kept at their hand weight (support < {_MIN_SUPPORT}): {', '.join(held) or 'none'}")
    payload = {
        "fitted_on": f"{folder} ({len(documents)} documents)",
        "command": "python -m geo.bench.ranker_fit " + " ".join(argv if argv is not None else sys.argv[1:]),
        "temperature": _TEMPERATURE,
        "weights": {name: round(value, 4) for name, value in weights.items()},
    }
    if based_on:
        payload["based_on"] = based_on
    args.output.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"weights written to {args.output}")
    for name in FEATURES:
        print(f"  {name:32s} {start[name]:7.3f} -> {weights[name]:7.3f}")
    return 0


def _starting_weights(only: Sequence[str] | None) -> tuple[dict[str, float], list[str]]:
    """The hand-set weights for a full fit; for ``--only``, the current file's weights (features it
    does not have start at their hand-set value) and the commands that made that file."""
    if not only:
        return dict(DEFAULT_WEIGHTS), []
    try:
        payload = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
        current, history = payload["weights"], [*payload.get("based_on", []), payload["command"]]
    except (OSError, ValueError, KeyError, TypeError):
        return dict(DEFAULT_WEIGHTS), []
    return {name: float(current.get(name, default)) for name, default in DEFAULT_WEIGHTS.items()}, history


if __name__ == "__main__":
    raise SystemExit(main())
