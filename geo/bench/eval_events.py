"""Evaluate attacks, responses and sources against hand labels:
``python -m geo.bench.eval_events [--corpus events-gold|conflict-news|conflict-synthetic] [--split dev|test|all]
[--details]``.

Two labelled sets. ``events-gold``: ``geo/data/events_gold.json`` (guideline at its top) labels
general-news texts of the geoparsing benchmarks by corpus and document id; the texts are read from
``../shared/benchmarks`` (or ``--root``) and the sample from ``assets/``. ``conflict-news``: the
conflict articles of ``../shared/conflict-news`` with their own labels and fixed split
(``geo.bench.conflict_news``). ``conflict-synthetic``: the project's own made-up conflict articles in the
same layout and split (``geo/data/conflict_synthetic``, see its README), written and labelled apart from the
rules to measure how they carry over. Shared texts are read at evaluation time and never copied into the project;
documents whose corpus is absent are skipped (and said so).

Matching: a predicted event matches an unmatched gold event of the same kind one of whose
evidence phrases overlaps one of the predicted event's mentions (sentences); failing that, one
placed at the same place whose actor or target shares a word with it. A predicted source matches
a gold source by name (the gold name or an alias; on conflict-news, any spelling of it); a second
prediction of a source already matched is a false alarm. Gold items marked optional are neither
rewarded nor penalised. For matched events the command also prints the share with the right place,
date and numbers, and with ``--details`` the errors of each document and the most frequent kinds.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.bench import conflict_news, events_gold
from geo.bench.events_gold import LabelledDocument, PlaceCheck, SourceMatch, place_right, source_named
from geo.model import Event, Place, Report, Source

KINDS = ("attack", "response")
LABELLED_SETS = ("events-gold", "conflict-news", "conflict-synthetic")

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
    """What one document contributed, with the misses and false alarms for reading; ``errors``
    counts them by kind ("missed attack", "wrong place" ...)."""

    name: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in (*KINDS, "source")})
    fields: dict[str, list[bool]] = field(default_factory=lambda: {"place": [], "date": [], "numbers": []})
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong_fields: list[str] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)


def locate(phrase: str, text: str) -> tuple[int, int] | None:
    """Where ``phrase`` is in ``text``, whitespace-insensitively."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _event_spans(event: Event) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in (event.mentions or (event.evidence,))]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def date_right(event: Event, gold: dict[str, Any]) -> bool:
    """The labelled day; a label without a day (none, or a month: '2015-11') is met by no date or by
    a date known only to the month (of that month)."""
    wanted = gold.get("date")
    if event.date is None:
        return not wanted
    if event.date_precision == "month":
        return not wanted or (len(wanted) == 7 and event.date.isoformat().startswith(wanted))
    return bool(wanted) and event.date.isoformat().startswith(wanted)


def numbers_right(event: Event, gold: dict[str, Any]) -> bool:
    """Count (none and one are the same: 'a strike'), killed and injured as labelled. A labelled 0 ('no
    injuries were reported') is met by no figure: the shared guideline leaves such a toll null."""
    count_ok = (event.count or 1) == (gold.get("count") or 1)
    return count_ok and _toll_right(event.killed, gold.get("killed")) and _toll_right(event.injured, gold.get("injured"))


def _toll_right(found: int | None, labelled: int | None) -> bool:
    return found == labelled or (labelled == 0 and found is None)


_PARTY_WORD = re.compile(r"[A-Za-z][\w-]{3,}")
_NOT_PARTY_WORDS = frozenset({"forces", "force", "group", "groups", "militants", "fighters", "military", "their",
                              "with", "from", "unspecified", "implied", "suspected", "people", "civilians"})


def _party_words(text: str | None) -> set[str]:
    return {w.casefold() for w in _PARTY_WORD.findall(text or "")} - _NOT_PARTY_WORDS


def related(event: Event, gold: dict[str, Any], places: Sequence[Place], place_check: PlaceCheck) -> bool:
    """No shared sentence, but the same act: the same place, and the actor or the target shares a word."""
    if not gold.get("place") or event.place is None or not place_check(event, gold, places):
        return False
    mine = _party_words(event.actor) | _party_words(event.target)
    return bool(mine & (_party_words(gold.get("actor")) | _party_words(gold.get("target"))))


def assign_events(events: Sequence[Event], located: Sequence[tuple[dict[str, Any], list[tuple[int, int]]]],
                  fallback: Callable[[Event, dict[str, Any]], bool] | None = None) -> dict[int, int]:
    """Predicted event index -> gold event index, one to one, as many pairs as possible: pairs of
    the same kind whose spans overlap, those sharing more mentions tried first, then those of the
    same category (a sentence that tells two events must not hand both to whichever predicted
    event touches it first); pairs that only ``fallback`` relates come last."""
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
            elif fallback is not None and fallback(event, gold):
                score = 1
            else:
                continue
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
                 places: Sequence[Place], result: DocumentResult, place_check: PlaceCheck = place_right) -> None:
    """Match predicted to gold events of each kind; record tallies, field checks, misses, false alarms."""
    located = []
    for gold in gold_events:
        spans = [span for span in (locate(e["text"], text) for e in gold["evidence"]) if span]
        located.append((gold, spans))
    assignment = assign_events(events, located, lambda e, g: related(e, g, places, place_check))
    used = set(assignment.values())
    for index, event in enumerate(events):
        tally = result.tallies[event.kind]
        match = assignment.get(index)
        if match is None:
            tally.predicted += 1
            other = "response" if event.kind == "attack" else "attack"
            confused = any(g["kind"] == other and any(_overlaps(s, e) for s in spans for e in _event_spans(event))
                           for g, spans in located)
            result.errors[f"{other} taken for {event.kind}" if confused else f"false {event.kind}"] += 1
            result.false_alarms.append(f"{event.kind}: {event.summary} | {event.evidence.text[:90]!r}")
            continue
        gold = located[match][0]
        if gold.get("optional"):
            continue
        tally.predicted += 1
        tally.true_positive += 1
        checks = {"place": place_check(event, gold, places), "date": date_right(event, gold),
                  "numbers": numbers_right(event, gold)}
        for name, right in checks.items():
            result.fields[name].append(right)
        wrong = [name for name, right in checks.items() if not right]
        result.errors.update(f"wrong {name}" for name in wrong)
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
            result.errors[f"missed {gold['kind']}"] += 1
            result.missed.append(f"{gold['kind']}: {gold['evidence'][0]['text'][:90]!r}")


def score_sources(sources: Sequence[Source], gold_sources: Sequence[dict[str, Any]], result: DocumentResult,
                  match: SourceMatch = source_named) -> None:
    """One gold source per predicted source, the surest pairs first; a prediction of a source
    already matched, or of none, is a false alarm."""
    tally = result.tallies["source"]
    pairs = sorted(((match(s.name, g), i, j) for i, s in enumerate(sources) for j, g in enumerate(gold_sources)),
                   key=lambda t: (-t[0], t[1], t[2]))
    owner: dict[int, int] = {}
    for strength, i, j in pairs:
        if strength and i not in owner.values() and j not in owner:
            owner[j] = i
    matched = {i: j for j, i in owner.items()}
    for i, source in enumerate(sources):
        j = matched.get(i)
        if j is None:
            tally.predicted += 1
            again = any(match(source.name, g) for g in gold_sources)
            result.errors["source named twice" if again else "false source"] += 1
            result.false_alarms.append(f"source: {source.name} ({source.type})" + (" again" if again else ""))
        elif not gold_sources[j].get("optional"):
            tally.predicted += 1
            tally.true_positive += 1
    for j, gold in enumerate(gold_sources):
        if gold.get("optional"):
            continue
        tally.gold += 1
        if j not in owner:
            result.errors["missed source"] += 1
            result.missed.append(f"source: {gold['name']}")


def evaluate_report(report: Report, gold_document: dict[str, Any], name: str,
                    place_check: PlaceCheck = place_right, source_match: SourceMatch = source_named) -> DocumentResult:
    result = DocumentResult(name=name)
    score_events(report.events, gold_document["events"], report.article.text, report.places, result, place_check)
    score_sources(report.sources, gold_document["sources"], result, source_match)
    return result


def conflict_news_documents(root: Path, split: str) -> Iterator[LabelledDocument]:
    for article in conflict_news.load_articles(root, split):
        labelled = conflict_news.places_by_mention(article)
        yield LabelledDocument(
            article.name, article.text, conflict_news.gold_document(article), article.published, article.url,
            place_check=lambda event, gold, places, labelled=labelled: conflict_news.place_right(
                event, gold, places, labelled),
            source_match=lambda name, gold: conflict_news.source_match(name, gold["name"]))


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


def error_lines(results: Sequence[DocumentResult], most: int = 10) -> list[str]:
    errors: Counter[str] = Counter()
    for result in results:
        errors.update(result.errors)
    return [f"  {count:>3}  {kind}" for kind, count in errors.most_common(most)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.eval_events", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=LABELLED_SETS, default="events-gold", help="the labelled set")
    parser.add_argument("--split", choices=conflict_news.SPLITS, default="dev",
                        help="conflict-news: the part to score (the test part is for the figure, not for tuning)")
    parser.add_argument("--root", type=Path, default=None,
                        help=f"the texts' folder (default {events_gold.DEFAULT_ROOT} or {conflict_news.DEFAULT_ROOT})")
    parser.add_argument("--details", action="store_true", help="list misses and false alarms per document")
    args = parser.parse_args(argv)

    from geo.pipeline import analyze

    if args.corpus in {"conflict-news", "conflict-synthetic"}:
        default = conflict_news.DEFAULT_ROOT if args.corpus == "conflict-news" else conflict_news.SYNTHETIC_ROOT
        root = args.root or default
        documents, skipped = list(conflict_news_documents(root, args.split)), 0
        if not documents:
            print(f"no labelled {args.corpus} articles under {root}")
            return 0
    else:
        documents, skipped = events_gold.labelled_documents(args.root or events_gold.DEFAULT_ROOT)
    results = []
    for document in documents:
        report = analyze(document.text, published=document.published, url=document.url)
        result = evaluate_report(report, document.gold, document.name, document.place_check or place_right,
                                 document.source_match or source_named)
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
        print(f"skipped {skipped} documents whose corpus is absent under {args.root or events_gold.DEFAULT_ROOT}")
    for line in summary_lines(results):
        print(line)
    if args.details:
        print("most frequent errors:")
        for line in error_lines(results):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
