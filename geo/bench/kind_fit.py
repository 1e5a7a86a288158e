"""Fit the event-kind layer (``geo.events.kind_model``): ``python -m geo.bench.kind_fit [-o FILE] [--folds 5]``.

Training events: the rules' events on the **dev** parts only (``../shared/conflict-news`` dev, the project's
``conflict_synthetic`` dev, and ``events_gold.json`` where its texts are present), each labelled "attack" or
"response" when the scorer of ``geo.bench.eval_events`` matches it to a gold event of that kind (under the
rules' kind first, else under the other), and "none" when it matches no gold event. A multinomial logistic
regression with an L2 penalty (the bias unpenalised) is fitted by L-BFGS; the penalty and the policy (how sure
the model must be to change a kind or drop a row) are chosen by cross-validation over documents, scoring the
attacks' and responses' F1 against every gold event (those the rules miss count as misses). The command then
prints, for the test parts it never fitted on, the rules' F1 beside the layer's, and writes the weights.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from geo.bench import conflict_news, events_gold
from geo.bench.eval_events import assign_events, conflict_news_documents, locate, related
from geo.bench.events_gold import LabelledDocument, place_right
from geo.model import Event, Report
from geo.events.kind_model import CLASSES, KindModel, Policy, WEIGHTS_PATH, recording

PENALTIES = (0.3, 1.0, 3.0, 10.0)
FLIP_MARGINS = (0.0, 0.2, 0.4, 0.6, 1.0)  # 1.0: never
DROP_ABOVE = (0.5, 0.6, 0.7, 0.8, 1.01)  # 1.01: never
MIN_GAIN = 0.005  # the cross-validated mean F1 the layer must gain over the rules before it is written


@dataclass(frozen=True, slots=True)
class LabelledEvents:
    """One document's events: features, the rules' kinds, labels, and how many gold events of each kind."""

    name: str
    features: list[dict[str, float]]
    rule_kinds: list[str]
    labels: list[str]
    gold: dict[str, int]


def label_events(document: LabelledDocument, report: Report) -> list[str]:
    """Each event's label: the kind whose gold event the scorer gives it (its own kind first), else "none"."""
    events, places = list(report.attacks) + list(report.responses), report.places
    located = [(g, [s for s in (locate(e["text"], report.article.text) for e in g["evidence"]) if s])
               for g in document.gold["events"]]
    check = document.place_check or place_right

    def fallback(event: Event, gold: dict) -> bool:
        return related(event, gold, places, check)

    assignment = assign_events(events, located, fallback)
    used = set(assignment.values())
    labels = []
    for i, event in enumerate(events):
        if i in assignment:
            labels.append(event.kind)
            continue
        other = "response" if event.kind == "attack" else "attack"
        rest = [j for j in range(len(located)) if j not in used]
        found = assign_events([dataclasses.replace(event, kind=other)], [located[j] for j in rest], fallback)
        used |= {rest[j] for j in found.values()}
        labels.append(other if found else "none")
    return labels


def collect(documents: Sequence[LabelledDocument]) -> list[LabelledEvents]:
    from geo.pipeline import analyze  # noqa: PLC0415 - loads spaCy and the gazetteer

    found = []
    for document in documents:
        with recording() as features:
            report = analyze(document.text, published=document.published, url=document.url)
        events = list(report.attacks) + list(report.responses)
        if len(features) != len(events):
            raise RuntimeError(f"{document.name}: {len(features)} feature rows for {len(events)} events")
        gold = {k: sum(1 for g in document.gold["events"] if g["kind"] == k and not g.get("optional"))
                for k in ("attack", "response")}
        found.append(LabelledEvents(document.name, features, [e.kind for e in events],
                                    label_events(document, report), gold))
    return found


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """Softmax regression weights (classes x features); column 0 is the unpenalised bias."""
    classes, width = len(CLASSES), x.shape[1]
    onehot = np.eye(classes)[y]
    mask = np.ones(width)
    mask[0] = 0.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(classes, width)
        scores = x @ w.T
        scores -= scores.max(axis=1, keepdims=True)
        logp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        value = -(onehot * logp).sum() + 0.5 * penalty * ((w * mask) ** 2).sum()
        grad = (np.exp(logp) - onehot).T @ x + penalty * w * mask
        return value, grad.ravel()

    result = minimize(loss, np.zeros(classes * width), jac=True, method="L-BFGS-B")
    return result.x.reshape(classes, width)


def matrix(docs: Sequence[LabelledEvents], names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    rows = [[f.get(n, 0.0) for n in names] for d in docs for f in d.features]
    labels = [CLASSES.index(label) for d in docs for label in d.labels]
    return np.array(rows, dtype=float).reshape(-1, len(names)), np.array(labels, dtype=int)


def f1_scores(docs: Sequence[LabelledEvents], decisions: Sequence[str]) -> dict[str, float]:
    """Attack and response F1 of the decisions against every gold event of the documents."""
    labels = [label for d in docs for label in d.labels]
    scores = {}
    for kind in ("attack", "response"):
        tp = sum(1 for got, want in zip(decisions, labels) if got == want == kind)
        predicted = sum(1 for got in decisions if got == kind)
        gold = sum(d.gold[kind] for d in docs)
        scores[kind] = 2 * tp / (predicted + gold) if predicted + gold else 1.0
    return scores


def decide(model: KindModel, docs: Sequence[LabelledEvents]) -> list[str]:
    return [model.decide(kind, f) for d in docs for kind, f in zip(d.rule_kinds, d.features)]


def _model(names: Sequence[str], w: np.ndarray, policy: Policy) -> KindModel:
    return KindModel(tuple(names), tuple(tuple(float(v) for v in row) for row in w), policy)


def cross_validate(docs: Sequence[LabelledEvents], names: Sequence[str], folds: int) -> tuple[float, Policy, float]:
    """The penalty and policy with the best mean of attack and response F1 over held-out folds."""
    best = (-1.0, 1.0, Policy())
    for penalty in PENALTIES:
        decisions: dict[Policy, list[str]] = {}
        fold_docs = [docs[i::folds] for i in range(folds)]
        for k in range(folds):
            train = [d for j, part in enumerate(fold_docs) if j != k for d in part]
            w = fit(*matrix(train, names), penalty)
            for margin, drop in itertools.product(FLIP_MARGINS, DROP_ABOVE):
                policy = Policy(margin, drop)
                decisions.setdefault(policy, []).extend(decide(_model(names, w, policy), fold_docs[k]))
        ordered = [d for k in range(folds) for d in docs[k::folds]]
        for policy, decided in decisions.items():
            scores = f1_scores(ordered, decided)
            mean = (scores["attack"] + scores["response"]) / 2
            if mean > best[0] + 1e-9:
                best = (mean, penalty, policy)
    return best[1], best[2], best[0]


def _line(title: str, docs: Sequence[LabelledEvents], model: KindModel) -> str:
    """Attack and response F1: the rules, the layer with its policy, and the model's most likely class alone."""
    rules = f1_scores(docs, [k for d in docs for k in d.rule_kinds])
    learned = f1_scores(docs, decide(model, docs))
    alone = f1_scores(docs, [max(p, key=p.get) for d in docs for p in map(model.probabilities, d.features)])
    return (f"{title:<36} attacks {rules['attack']:.3f} / {learned['attack']:.3f} / {alone['attack']:.3f}   "
            f"responses {rules['response']:.3f} / {learned['response']:.3f} / {alone['response']:.3f}   "
            f"({sum(len(d.labels) for d in docs)} events)")


def _documents(split: str) -> list[tuple[str, list[LabelledDocument]]]:
    parts = [("conflict-news " + split, list(conflict_news_documents(conflict_news.DEFAULT_ROOT, split))),
             ("conflict-synthetic " + split, list(conflict_news_documents(conflict_news.SYNTHETIC_ROOT, split)))]
    if split == "dev":
        parts.append(("events-gold", events_gold.labelled_documents(events_gold.DEFAULT_ROOT)[0]))
    return [(title, docs) for title, docs in parts if docs]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.kind_fit", description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=WEIGHTS_PATH, help="where to write the weights")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds over the training documents")
    parser.add_argument("--force", action="store_true", help="write the weights even if the rules do as well")
    parser.add_argument("--without", nargs="*", default=[], metavar="FEATURE", help="features to leave out")
    args = parser.parse_args(argv)

    train_parts = [(title, collect(docs)) for title, docs in _documents("dev")]
    train = [d for _title, docs in train_parts for d in docs]
    names = [n for n in dict.fromkeys(n for d in train for f in d.features for n in f) if n not in args.without]
    counts = {k: sum(label == k for d in train for label in d.labels) for k in CLASSES}
    print(f"training events: {sum(counts.values())} ({', '.join(f'{v} {k}' for k, v in counts.items())}) "
          f"from {len(train)} dev documents; {len(names)} features")
    penalty, policy, cv = cross_validate(train, names, args.folds)
    rules = f1_scores(train, [k for d in train for k in d.rule_kinds])
    print(f"cross-validated mean F1 {(rules['attack'] + rules['response']) / 2:.3f} (rules) -> {cv:.3f}; "
          f"penalty {penalty}, flip margin {policy.flip_margin}, drop above {policy.drop_above}")
    model = _model(names, fit(*matrix(train, names), penalty), policy)
    beats = cv > (rules["attack"] + rules["response"]) / 2 + MIN_GAIN
    print("F1: rules / the layer / the model alone")
    for title, docs in train_parts:
        print(_line(title + " (fitted)", docs, model))
    for title, documents in _documents("test"):
        print(_line(title + " (held out)", collect(documents), model))
    if not (beats or args.force):
        print(f"the layer does not beat the rules by {MIN_GAIN} in cross-validation: no weights written")
        return 0
    weights = {k: {n: round(v, 5) for n, v in zip(names, row)} for k, row in zip(CLASSES, model.weights)}
    args.output.write_text(json.dumps({
        "about": "geo.events.kind_model weights; refit with python -m geo.bench.kind_fit",
        "features": names, "weights": weights, "policy": dataclasses.asdict(policy),
        "trained_on": {title: len(docs) for title, docs in train_parts}, "cross_validated_f1": round(cv, 4),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
