"""A small learned layer over the rules' events: is each an attack, a response, or no act of its own?

The rules (``geo.events.kinds`` and the linker) decide what each event is from cues and from who struck
whom; on texts they were not written from they confuse an answer with an attack and keep a few rows that are
no act (a retelling, a heading of acts told later). This layer reads features the drafts already carry (the
rules' own kind, the act's category, answer and defence cues, the sides of the acts told before it, how it
is told) and a multinomial logistic regression gives the three probabilities. An event changes kind only
when the model is sure of the other kind, and is dropped only when it is sure there is no act
(``Policy``). Weights, policy and the features' names live in ``geo/data/event_kind_weights.json``, fitted
by ``python -m geo.bench.kind_fit`` on the labelled dev parts only; without that file the rules stand.

Used by ``geo.events.extract`` once kinds are settled; imports the events wing's drafts, actors and
lexicon only. ``recording()`` lets the fitting command collect each draft's features with the layer off.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from geo.events import actors
from geo.events import lexicon as lx
from geo.events.draft import Draft

__all__ = ["CLASSES", "KindModel", "Policy", "WEIGHTS_PATH", "draft_features", "learned_kinds", "recording"]

CLASSES = ("attack", "response", "none")
WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "data" / "event_kind_weights.json"

ANSWER_RE = re.compile(r"(?i)\b(?:in\s+response|respon(?:se|ded|ding|ds)|retaliat\w*|reprisals?|revenge|avenge\w*|"
                       r"self[-\s]defen[cs]e|in\s+return|counter[-\s]?(?:attack|offensive|strike)\w*|punish\w*)")
DEFENCE_RE = re.compile(r"(?i)\b(?:intercept\w*|shot\s+down|shoot(?:ing|s)?\s+down|downed|repel\w*|repuls\w*|"
                        r"fend(?:ed)?\s+off|beat\s+back|thwart\w*|foil\w*|air\s+defen[cs]es?)\b")
EARLIER_RE = re.compile(r"(?i)\b(?:earlier|previous(?:ly)?|last\s+(?:week|month|year)|since|had\s+been|ago)\b")
QUOTE_RE = re.compile(r"[\"“”]")
DEFENCE_ACTS = frozenset({"intercept", "repel", "repulse", "thwart", "foil", "down", "shoot"})
CATEGORIES = ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Armed clash",
              "Attack", "Abduction/forced disappearance", "Disrupted weapons use", "Suicide bomb")


@dataclass(frozen=True, slots=True)
class Policy:
    """When the model overrules the rules: another kind when its probability beats the rules' kind by
    ``flip_margin``; no row when "none" is at least ``drop_above``."""

    flip_margin: float = 1.0
    drop_above: float = 1.0


@dataclass(frozen=True, slots=True)
class KindModel:
    names: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]  # one row per class in CLASSES, one column per feature name
    policy: Policy

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> KindModel | None:
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        names = tuple(data["features"])
        rows = tuple(tuple(float(data["weights"][k].get(n, 0.0)) for n in names) for k in CLASSES)
        return cls(names, rows, Policy(**data["policy"]))

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        values = [features.get(n, 0.0) for n in self.names]
        scores = [sum(w * v for w, v in zip(row, values)) for row in self.weights]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {k: e / total for k, e in zip(CLASSES, exps)}

    def decide(self, rule_kind: str, features: dict[str, float]) -> str:
        """"attack", "response" or "none" for an event the rules call ``rule_kind``."""
        p = self.probabilities(features)
        if p["none"] >= self.policy.drop_above:
            return "none"
        other = "response" if rule_kind == "attack" else "attack"
        return other if p[other] - p[rule_kind] >= self.policy.flip_margin else rule_kind


@lru_cache(maxsize=1)
def _default_model() -> KindModel | None:
    return KindModel.load()


_RECORDING: ContextVar[list[dict[str, float]] | None] = ContextVar("kind_features", default=None)


@contextmanager
def recording() -> Iterator[list[dict[str, float]]]:
    """Within it, extraction keeps the rules' kinds and appends each event's features, in the order of
    the events it returns (attacks, then responses), to the list it yields."""
    collected: list[dict[str, float]] = []
    token = _RECORDING.set(collected)
    try:
        yield collected
    finally:
        _RECORDING.reset(token)


def _text(draft: Draft) -> str:
    return " ".join(s.text for s in draft.sentences or draft.headlines)


def _told_from(draft: Draft) -> int:
    return min(s.start for s in draft.sentences + draft.headlines)


def draft_features(drafts: Sequence[Draft], sents: Sequence[Span]) -> list[dict[str, float]]:
    """Each draft's features, in the order of ``drafts`` (kinds already settled by the rules)."""
    first_of = {s.start: i for i, s in enumerate(sents)}
    body_start = next((i for i, s in enumerate(sents) if s.text.strip()), 0)
    order = sorted(drafts, key=_told_from)
    found = []
    for draft in drafts:
        text = _text(draft)
        family = actors.actor_family(draft.actor)
        victims = actors.actor_family(draft.target)
        before = [o for o in order if o is not draft and _told_from(o) < _told_from(draft)]
        attacks_before = [o for o in before if o.kind == "attack"]
        own_sentences = {s.start for s in draft.sentences}
        twins = [o for o in drafts if o is not draft and o.kind == draft.kind and own_sentences & {
            s.start for s in o.sentences}]
        doc = (draft.sentences or draft.headlines)[0].doc
        triggers = [doc[i] for i in draft.triggers if i < len(doc)]
        first = min((first_of.get(s.start, len(sents)) for s in draft.sentences), default=len(sents))
        values = {
            "bias": 1.0,
            "rules say response": float(draft.kind == "response"),
            "answer cue": float(bool(ANSWER_RE.search(text))),
            "defence cue": float(bool(DEFENCE_RE.search(text))),
            "defence act": float(bool(set(draft.acts) & DEFENCE_ACTS)),
            "told as earlier": float(bool(EARLIER_RE.search(text))),
            "quoted": float(bool(QUOTE_RE.search(text))),
            "no actor": float(draft.actor is None),
            "no target": float(draft.target is None),
            "no place": float(draft.place is None),
            "state actor": float(family in actors.STATES),
            "named non-state actor": float(family is not None and family not in actors.STATES),
            "state target": float(victims in actors.STATES),
            "actor's side attacked before": float(family is not None and any(
                actors.actor_family(o.target) == family for o in attacks_before)),
            "target's side attacked before": float(victims is not None and any(
                actors.actor_family(o.actor) == victims for o in attacks_before)),
            "an attack before": float(bool(attacks_before)),
            "first act told": float(not before),
            "in the lead": float(first - body_start <= 1),
            "headline only": float(not draft.sentences),
            "sentences (log)": math.log1p(len(draft.sentences)),
            "plural with no count": float(draft.umbrella),
            "listed targets": float(draft.listed > 1),
            "told in passing": float(draft.reference),
            "background section": float(draft.background),
            "a claim": float(not draft.own_account),
            "count": float(draft.count is not None),
            "casualties": float(draft.killed is not None or draft.injured is not None),
            "modal": float(any(c.lemma_ in lx.MODAL_AUX for t in triggers for c in (*t.children, *t.head.children))),
            "twin in its sentence": float(bool(twins)),
        }
        values.update({f"category: {c}": float(draft.category == c) for c in CATEGORIES})
        found.append(values)
    return found


def learned_kinds(drafts: list[Draft], sents: Sequence[Span], model: KindModel | None = None) -> list[Draft]:
    """The drafts the model keeps, their kinds settled; while ``recording()``, the rules' drafts as they
    are, their features recorded."""
    collected = _RECORDING.get()
    if collected is not None:
        features = draft_features(drafts, sents)
        collected.extend(f for kind in ("attack", "response") for d, f in zip(drafts, features)
                         if (d.kind or "attack") == kind)
        return drafts
    model = model or _default_model()
    if model is None:
        return drafts
    kept = []
    for draft, values in zip(drafts, draft_features(drafts, sents)):
        decided = model.decide(draft.kind or "attack", values)
        if decided != "none":
            draft.kind = decided
            kept.append(draft)
    return kept
