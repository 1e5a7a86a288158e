"""The analyst's judgements on a corpus that are not about one article: which merged events to split
or join, and how reliable each source is (the Admiralty code of NATO STANAG 2511 / AJP-2.1).

    grade = parse_grade("B2")                        # Grade("B", "2"); InputError outside A-F / 1-6
    keys = event_keys(article_id, report)            # one stable key per event of a report
    judgements = Judgements(decisions=(MergeDecision("split", key),), grades=(SourceGrade("Reuters", grade),))

An event is named by its article, its evidence sentence's span and a short digest of its summary as
analysed (two events told in one sentence differ there): the text, and so the span, stays when the
article is analysed again, as place corrections do (geo.corpus.corrections), and corrections do not
change the summary, so an event keeps its key when it is corrected or another event is deleted.

May import: the core.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from geo.errors import InputError
from geo.model import Report

RELIABILITY: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY: dict[str, str] = {
    "1": "Confirmed by other sources",
    "2": "Probably true",
    "3": "Possibly true",
    "4": "Doubtful",
    "5": "Improbable",
    "6": "Truth cannot be judged",
}
UNGRADED = "F"
UNJUDGED = "6"
_GRADE = re.compile(r"\s*([A-Fa-f])\s*([1-6])?\s*")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

MergeAction = Literal["split", "join"]


@dataclass(frozen=True, slots=True)
class Grade:
    """An Admiralty grade: source reliability A-F and, when judged, information credibility 1-6."""

    reliability: str
    credibility: str | None = None

    @property
    def code(self) -> str:
        return self.reliability + (self.credibility or "")

    def describe(self) -> str:
        text = RELIABILITY[self.reliability]
        return text + (f"; {CREDIBILITY[self.credibility].lower()}" if self.credibility else "")


def parse_grade(text: str) -> Grade:
    """``"B"`` or ``"b2"`` as a Grade; anything else an InputError that says what a grade is."""
    match = _GRADE.fullmatch(text or "")
    if not match:
        raise InputError(
            f"A grade is a source reliability letter A-F, optionally followed by an information credibility "
            f"digit 1-6 (for example B or B2), not {text!r}."
        )
    return Grade(match.group(1).upper(), match.group(2))


@dataclass(frozen=True, slots=True)
class SourceGrade:
    """The analyst's grade of one source (an outlet or a cited source), by name across the corpus."""

    name: str
    grade: Grade

    @property
    def key(self) -> str:
        return source_key(self.name)


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """``split`` one report out of its merged event (it stands alone), or ``join`` the merged events
    holding two reports; later decisions override earlier ones."""

    action: MergeAction
    event: str
    other: str | None = None

    def __post_init__(self) -> None:
        if self.action not in ("split", "join"):
            raise InputError(f"A merge decision is 'split' or 'join', not {self.action!r}.")
        if (self.action == "join") != (self.other is not None):
            raise InputError("Joining names two events; splitting names one.")
        if self.other is not None and self.other == self.event:
            raise InputError("An event cannot be joined with itself.")


@dataclass(frozen=True, slots=True)
class Judgements:
    """Everything the analyst decided about the corpus as a whole."""

    decisions: tuple[MergeDecision, ...] = ()
    grades: tuple[SourceGrade, ...] = ()

    def grade_of(self, name: str | None) -> Grade | None:
        """The grade given to a source of this name (case, articles and punctuation aside); the latest wins."""
        if not name:
            return None
        key = source_key(name)
        return next((g.grade for g in reversed(self.grades) if g.key == key), None)


NO_JUDGEMENTS = Judgements()


def source_key(name: str) -> str:
    """A source's name as grades are matched: "The Associated Press" = "associated press"."""
    return " ".join(w for w in _WORD.findall(name.casefold()) if w not in {"the", "a", "an"})


def event_keys(article_id: str, report: Report) -> list[str]:
    """One key per event of ``report`` (in ``report.events`` order): ``article:start-end:digest``, with
    ``#n`` for the n-th further event of the same sentence and summary."""
    seen: Counter[str] = Counter()
    keys = []
    for event in report.events:
        digest = hashlib.blake2b(event.summary.encode("utf-8"), digest_size=3).hexdigest()
        key = f"{article_id}:{event.evidence.start}-{event.evidence.end}:{digest}"
        keys.append(key + (f"#{seen[key]}" if seen[key] else ""))
        seen[key] += 1
    return keys


def article_of_key(key: str) -> str:
    """The article id an event key names."""
    return key.split(":", 1)[0]


def check_event_key(key: str, known: Sequence[str]) -> None:
    """An InputError when ``key`` names no event among ``known`` (it was re-analysed away, or mistyped)."""
    if key not in known:
        raise InputError(f"No event {key} in the corpus (its article was removed or analysed again); nothing stored.")
