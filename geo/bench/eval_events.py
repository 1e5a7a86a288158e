"""Evaluate attacks, responses and sources against hand labels: ``python -m geo.bench.eval_events``.

The labels (``geo/data/events_gold.json``, guideline at its top) reference each text by
corpus and document id; the texts are read from ``../shared/benchmarks`` (or ``--root``)
at evaluation time and never copied into the project. Documents whose corpus is absent
are skipped (and said so); the sample article is read from ``assets/``.

Matching: a predicted event matches an unmatched gold event of the same kind one of whose
evidence phrases overlaps one of the predicted event's mentions (sentences). A predicted
source matches a gold source by normalised name (the gold name or one of its aliases).
Gold items marked optional are neither rewarded nor penalised. For matched events the
command also prints the share with the right place, date and numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.model import Event, Place, Report, Source
from geo.settings import DATA_DIR, PROJECT_DIR

PROJECT_ROOT = PROJECT_DIR
DEFAULT_ROOT = PROJECT_ROOT.parent / "shared" / "benchmarks"
GOLD_PATH = DATA_DIR / "events_gold.json"
CORPUS_FILES = {"TR-News": ("TR-News.xml", "docid"), "LGL": ("lgl.xml", "docid"), "GeoWebNews": ("GWN.xml", "file")}
SAMPLE_PATH = PROJECT_ROOT / "assets" / "sample_article.txt"
KINDS = ("attack", "response")


@dataclass
class Tally:
    """True positives, predictions and gold items of one kind."""

    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.true_positive += other.true_positive
        self.predicted += other.predicted
        self.gold += other.gold


@dataclass
class DocumentResult:
    """What one document contributed, with the misses and false alarms for reading."""

    name: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in (*KINDS, "source")})
    fields: dict[str, list[bool]] = field(default_factory=lambda: {"place": [], "date": [], "numbers": []})
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong_fields: list[str] = field(default_factory=list)


def normalise_name(name: str) -> str:
    """Compare source names: case, leading articles, parentheses and punctuation do not count."""
    text = re.sub(r"\([^)]*\)", " ", name.casefold())
    text = re.sub(r"[’']s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w not in {"the", "a", "an"}]
    while words and words[0] in {"anonymous", "unnamed"}:  # anonymity is the source's type, not its name
        words = words[1:]
    return " ".join(words)


def load_gold(path: Path = GOLD_PATH) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return list(json.load(handle)["documents"])


def load_texts(root: Path) -> dict[tuple[str, str], str]:
    """Every text of the corpora present under ``root``, by (corpus, document id); plus the sample."""
    texts: dict[tuple[str, str], str] = {}
    for corpus, (filename, id_attribute) in CORPUS_FILES.items():
        path = root / corpus / filename
        if not path.is_file():
            continue
        for article in ET.parse(path).getroot().iter("article"):
            texts[(corpus, article.get(id_attribute) or "")] = article.findtext("text") or ""
    if SAMPLE_PATH.is_file():
        texts[("sample", "sample_article")] = SAMPLE_PATH.read_text(encoding="utf-8")
    return texts


def locate(phrase: str, text: str) -> tuple[int, int] | None:
    """Where ``phrase`` is in ``text``, whitespace-insensitively."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _event_spans(event: Event) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in (event.mentions or (event.evidence,))]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _place_surfaces(event: Event, places: Sequence[Place]) -> list[str]:
    surfaces = [event.place] if event.place else []
    for place in places:
        if event.place_key and place.key == event.place_key:
            surfaces.append(place.name)
            surfaces.extend(m.text for m in place.mentions)
    return [normalise_name(s) for s in surfaces]


def place_right(event: Event, gold: dict[str, Any], places: Sequence[Place]) -> bool:
    wanted = [normalise_name(p) for p in gold.get("place") or []]
    surfaces = _place_surfaces(event, places)
    if not wanted:
        return not surfaces
    return any(w == s or (w in s) or (s in w) for w in wanted for s in surfaces if s)


def date_right(event: Event, gold: dict[str, Any]) -> bool:
    wanted = gold.get("date")
    if not wanted:
        return event.date is None
    return event.date is not None and event.date.isoformat().startswith(wanted)


def numbers_right(event: Event, gold: dict[str, Any]) -> bool:
    count_ok = event.count == gold.get("count") or (gold.get("count") is None and event.count in (None, 1))
    return count_ok and event.killed == gold.get("killed") and event.injured == gold.get("injured")


def assign_events(events: Sequence[Event], located: Sequence[tuple[dict[str, Any], list[tuple[int, int]]]]
                  ) -> dict[int, int]:
    """Predicted event index -> gold event index, one to one, as many pairs as possible: pairs of
    the same kind whose spans overlap, those sharing more mentions tried first, then those of the
    same category (a sentence that tells two events must not hand both to whichever predicted
    event touches it first)."""
    options: dict[int, list[int]] = {}
    shared_with: dict[tuple[int, int], int] = {}
    for i, event in enumerate(events):
        spans = _event_spans(event)
        scored = []
        for j, (gold, gold_spans) in enumerate(located):
            if gold["kind"] != event.kind:
                continue
            shared = sum(any(_overlaps(g, s) for s in spans) for g in gold_spans)
            if shared:  # ties go to the gold event of the same category
                score = 2 * shared + (gold.get("category") == event.category)
                scored.append((-score, j))
                shared_with[(i, j)] = score
        options[i] = [j for _score, j in sorted(scored)]
    gold_owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in gold_owner or augment(gold_owner[j], seen):
                gold_owner[j] = i
                return True
        return False

    for i in sorted(options, key=lambda k: len(options[k])):
        augment(i, set())
    # among equally large matchings, a gold event goes to the unmatched prediction that shares
    # more of its evidence than the one holding it
    for i in options:
        if i in gold_owner.values():
            continue
        for j in options[i]:
            holder = gold_owner.get(j)
            if holder is not None and shared_with[(i, j)] > shared_with[(holder, j)]:
                gold_owner[j] = i
                break
    return {i: j for j, i in gold_owner.items()}


def score_events(events: Sequence[Event], gold_events: Sequence[dict[str, Any]], text: str,
                 places: Sequence[Place], result: DocumentResult) -> None:
    """Match predicted to gold events of each kind; record tallies, field checks, misses, false alarms."""
    located = []
    for gold in gold_events:
        spans = [span for span in (locate(e["text"], text) for e in gold["evidence"]) if span]
        located.append((gold, spans))
    assignment = assign_events(events, located)
    used = set(assignment.values())
    for index, event in enumerate(events):
        tally = result.tallies[event.kind]
        match = assignment.get(index)
        if match is None:
            tally.predicted += 1
            result.false_alarms.append(f"{event.kind}: {event.summary} | {event.evidence.text[:90]!r}")
            continue
        gold = located[match][0]
        if gold.get("optional"):
            continue
        tally.predicted += 1
        tally.true_positive += 1
        checks = {"place": place_right(event, gold, places), "date": date_right(event, gold),
                  "numbers": numbers_right(event, gold)}
        for name, right in checks.items():
            result.fields[name].append(right)
        wrong = [name for name, right in checks.items() if not right]
        if wrong:
            result.wrong_fields.append(
                f"{'/'.join(wrong)}: {event.summary} | place {event.place} date {event.date} count {event.count} "
                f"killed {event.killed} injured {event.injured} | gold place {gold.get('place')} date "
                f"{gold.get('date')} count {gold.get('count')} killed {gold.get('killed')} injured {gold.get('injured')}")
    for i, (gold, _spans) in enumerate(located):
        if gold.get("optional"):
            continue
        result.tallies[gold["kind"]].gold += 1
        if i not in used:
            result.missed.append(f"{gold['kind']}: {gold['evidence'][0]['text'][:90]!r}")


def score_sources(sources: Sequence[Source], gold_sources: Sequence[dict[str, Any]], result: DocumentResult) -> None:
    tally = result.tallies["source"]
    keys = [{normalise_name(n) for n in (g["name"], *g.get("aliases", ()))} for g in gold_sources]
    used: set[int] = set()
    for source in sources:
        key = normalise_name(source.name)
        match = next((i for i, names in enumerate(keys) if key in names and i not in used), None)
        if match is None:
            match = next((i for i, names in enumerate(keys) if key in names), None)
            if match is None:
                tally.predicted += 1
                result.false_alarms.append(f"source: {source.name} ({source.type})")
            continue
        used.add(match)
        if gold_sources[match].get("optional"):
            continue
        tally.predicted += 1
        tally.true_positive += 1
    for i, gold in enumerate(gold_sources):
        if gold.get("optional"):
            continue
        tally.gold += 1
        if i not in used:
            result.missed.append(f"source: {gold['name']}")


def evaluate_report(report: Report, gold_document: dict[str, Any], name: str) -> DocumentResult:
    result = DocumentResult(name=name)
    score_events(report.events, gold_document["events"], report.article.text, report.places, result)
    score_sources(report.sources, gold_document["sources"], result)
    return result


def _share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({sum(values)}/{len(values)})" if values else "n/a"


def summary_lines(results: Sequence[DocumentResult]) -> list[str]:
    totals = {k: Tally() for k in (*KINDS, "source")}
    fields: dict[str, list[bool]] = {"place": [], "date": [], "numbers": []}
    for result in results:
        for kind, tally in result.tallies.items():
            totals[kind].add(tally)
        for name, values in result.fields.items():
            fields[name].extend(values)
    lines = [f"documents {len(results)}"]
    for kind, label in (("attack", "attacks"), ("response", "responses"), ("source", "sources")):
        t = totals[kind]
        lines.append(f"{label:<10} precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  "
                     f"(tp {t.true_positive}, predicted {t.predicted}, gold {t.gold})")
    lines.append("matched events with the right place " + _share(fields["place"]) + ", date " + _share(fields["date"])
                 + ", numbers " + _share(fields["numbers"]))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.eval_events", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the benchmarks folder")
    parser.add_argument("--details", action="store_true", help="list misses and false alarms per document")
    args = parser.parse_args(argv)

    from geo.pipeline import analyze

    texts = load_texts(args.root)
    results = []
    skipped = 0
    for document in load_gold():
        key = (document["corpus"], document["doc"])
        if key not in texts:
            skipped += 1
            continue
        report = analyze(texts[key])
        result = evaluate_report(report, document, f"{key[0]}/{key[1]}")
        results.append(result)
        if args.details and (result.missed or result.false_alarms or result.wrong_fields):
            print(f"== {result.name}")
            for line in result.missed:
                print(f"  missed      {line}")
            for line in result.false_alarms:
                print(f"  false alarm {line}")
            for line in result.wrong_fields:
                print(f"  wrong       {line}")
    if skipped:
        print(f"skipped {skipped} documents whose corpus is absent under {args.root}")
    for line in summary_lines(results):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
