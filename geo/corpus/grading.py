"""The Admiralty grade of a merged event: how reliable its best-graded source is, and how credible
the information is.

- **Source reliability (A-F)**: the best grade the analyst gave to any outlet that reports the event
  or any source it cites (geo.corpus.judgements.SourceGrade). No graded source: F, "reliability
  cannot be judged".
- **Information credibility (1-6)**: the digit the analyst gave with that grade (a "B2" source), else
  from independent corroboration: ``CONFIRMED_AT`` or more distinct outlets, 1 "confirmed by other
  sources"; two, 2 "probably true"; one, 6 "truth cannot be judged". Copies of one story are one
  outlet (geo.corpus.merge).

So an event nobody graded and one outlet reports is F6, and reads so.

    grade = event_grade(merged, judgements)      # EventGrade("B", "2", "Reuters graded B; 2 outlets")

May import: the core.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.corpus.judgements import CREDIBILITY, RELIABILITY, UNGRADED, UNJUDGED, Grade, Judgements
from geo.corpus.merge import MergedEvent

CONFIRMED_AT = 3
RELIABILITY_ORDER = "ABCDEF"


@dataclass(frozen=True, slots=True)
class EventGrade:
    """An event's Admiralty code and what it rests on."""

    reliability: str
    credibility: str
    basis: str

    @property
    def code(self) -> str:
        return self.reliability + self.credibility

    def describe(self) -> str:
        return f"{self.code}: {RELIABILITY[self.reliability]}; {CREDIBILITY[self.credibility].lower()} ({self.basis})"

    def at_least(self, reliability: str) -> bool:
        """Whether the source is graded ``reliability`` or better (A is best)."""
        return RELIABILITY_ORDER.index(self.reliability) <= RELIABILITY_ORDER.index(reliability)


def credibility_from_corroboration(outlets: int) -> str:
    """1 when ``CONFIRMED_AT`` or more outlets report it, 2 for two, else 6 (cannot be judged)."""
    if outlets >= CONFIRMED_AT:
        return "1"
    return "2" if outlets == 2 else UNJUDGED


def event_grade(event: MergedEvent, judgements: Judgements) -> EventGrade:
    """The merged event's grade from the analyst's source grades and its corroboration."""
    outlets = event.corroboration
    graded: list[tuple[str, Grade]] = []
    for name in (*event.outlets, *event.sources):
        grade = judgements.grade_of(name)
        if grade is not None:
            graded.append((name, grade))
    corroboration = f"{outlets} outlet{'s' if outlets != 1 else ''}"
    if not graded:
        return EventGrade(UNGRADED, credibility_from_corroboration(outlets), f"no graded source; {corroboration}")
    name, best = min(graded, key=lambda item: (RELIABILITY_ORDER.index(item[1].reliability),
                                               item[1].credibility or UNJUDGED))
    if best.credibility:
        return EventGrade(best.reliability, best.credibility, f"{name} graded {best.code}")
    return EventGrade(best.reliability, credibility_from_corroboration(outlets),
                      f"{name} graded {best.reliability}; {corroboration}")
