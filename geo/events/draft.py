"""An event being assembled from its mentions: what ``geo.events.extract`` links, ``geo.events.linking``
compares and ``geo.events.summary`` describes, before it becomes a frozen ``geo.model.Event``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING

from spacy.tokens import Span

from geo.events.lexicon import RESPONSE_NOUN_PREPS, parse_number
from geo.model import Toponym

if TYPE_CHECKING:
    from geo.events.mentions import Mention


@dataclass
class Draft:
    """An event being assembled from its mentions."""

    kind: str | None
    category: str
    families: set[str]
    weapon: str | None
    group: int
    actor: str | None = None
    target: str | None = None
    place: Toponym | None = None
    place_prep: str = "in"
    extra_places: list[Toponym] = field(default_factory=list)
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    date: date | None = None
    date_precision: str = "day"
    date_said: bool = False  # its date is the day the act was said to have happened ("..., officials said Monday")
    sentences: list[Span] = field(default_factory=list)
    headlines: list[Span] = field(default_factory=list)
    last_seen: int = 0
    last_sentence: int = 0
    whens: set[str] = field(default_factory=set)
    target_names: frozenset[str] = frozenset()
    acts: list[str] = field(default_factory=list)  # the lemmas of the words that told it ("regain", "strike")
    triggers: list[int] = field(default_factory=list)  # the token indices of those words
    background: bool = False  # told in an article's "Background" section
    aims: set[str] = field(default_factory=set)  # sides its clauses say it was aimed at (actor families)
    reference: bool = False  # told only as a point of comparison ("the deadliest since the 2017 bombings")
    umbrella: bool = False  # told by a plural with no count ("carried out strikes"): maybe a heading of acts
    listed: int = 0  # how many targets it names as a list ("bombed a village and a market"): maybe a heading of acts
    own_account: bool = True  # every telling is its doer's own ("the group said its fighters had hit ..."): a claim


SAID_DAYS = 3  # "..., officials said Monday" may tell an act of the weekend before


def said_after(draft: Draft, mention: Mention) -> bool:
    """Whether the draft's day is only the day it was said, a few days after the mention's: no other act. (A
    lead tells when it was said, the next lines the act's own day; not "On Monday, X said it had struck ...",
    after an act of Sunday: another act, most often.)"""
    return draft.date_said and draft.date is not None and mention.date is not None and (
        0 <= (draft.date - mention.date).days <= SAID_DAYS)


def take_date(draft: Draft, mention: Mention) -> None:
    """The mention's day for the draft: when it has none, when it knows only the month, or when its day is
    only the day it was said and the mention tells the act's own day ("late Saturday") before it."""
    if mention.date is None:
        return
    finer = draft.date is not None and draft.date_precision == "month" and mention.date_precision == "day" and (
        (draft.date.year, draft.date.month) == (mention.date.year, mention.date.month))
    own_day = not mention.date_said and said_after(draft, mention)
    if draft.date is None or finer or own_day:
        draft.date, draft.date_precision, draft.date_said = mention.date, mention.date_precision, mention.date_said


def sentence_numbers(sents: Sequence[Span]) -> Callable[[int], int]:
    """The number of the sentence that holds a token (by its index in the doc): a binary search, so
    that rules asking it of many drafts and places stay linear in the length of the text."""
    starts = [s.start for s in sents]
    return lambda token_i: bisect_right(starts, token_i) - 1



ANTECEDENT_WINDOW = 64  # the drafts a new mention may go on telling: the most recently told ones


class DraftLog:
    """A text's drafts as the linker meets them: in the order they were begun, by group, and by when
    each was last told, so that finding an antecedent costs the same for the thousandth act of a
    text as for its first (a mention goes on telling one of the ``ANTECEDENT_WINDOW`` last told)."""

    def __init__(self) -> None:
        self.begun: list[Draft] = []
        self._groups: dict[int, list[Draft]] = {}
        self._told: dict[int, Draft] = {}  # by id, the last told last

    def begin(self, draft: Draft) -> None:
        self.begun.append(draft)
        self._groups.setdefault(draft.group, []).append(draft)

    def told(self, draft: Draft) -> None:
        """``draft`` was told again: it is now the latest."""
        self._told.pop(id(draft), None)
        self._told[id(draft)] = draft

    def recent(self, window: int = ANTECEDENT_WINDOW) -> list[Draft]:
        """The drafts last told, the latest first."""
        return list(islice(reversed(self._told.values()), window))

    def latest(self) -> Draft:
        """The draft told last (once any has been told)."""
        return next(reversed(self._told.values()))

    def group(self, number: int) -> list[Draft]:
        """The drafts of one group (the acts one mention told at once), in the order they were begun."""
        return list(self._groups.get(number, ()))


def counts_its_target(count: int, target: str) -> bool:
    """'three targets', '4 positions', 'three (3) facilities', 'more than 85 targets': a target phrase that gives
    the count itself."""
    words = [w.lower().strip("()") for w in target.split()[:4]]  # "three targets", "more than 85 targets"
    return any(w == str(count) or parse_number(w) == count for w in words)


def told_last_as_a_cause(draft: Draft) -> bool:
    """'Jets bombed X in response to the Zelin attack': the attack was told last as what another act answered, and
    'the raids' told next are the jets', not the attack's."""
    if not draft.triggers or not draft.sentences:
        return False
    last = draft.sentences[0].doc[max(draft.triggers)]
    return last.dep_ == "pobj" and last.head.lower_ in {"to", "for"} and (
        last.head.head.lemma_.lower() in RESPONSE_NOUN_PREPS)


def one_act(draft: Draft) -> bool:
    """An act told once, or told hitting a number of targets ('struck 13 targets'): not a tally of acts."""
    count = draft.count or 1
    return count == 1 or bool(draft.target and counts_its_target(count, draft.target))


def toponyms_by_sentence(toponyms: Sequence[tuple[Toponym, Span]],
                         sents: Sequence[Span]) -> list[list[tuple[Toponym, Span]]]:
    """Per sentence, the toponyms whose span overlaps it, in the order given: what a sentence's rules
    read, without a pass over the whole text's places for each sentence."""
    number = sentence_numbers(sents)
    found: list[list[tuple[Toponym, Span]]] = [[] for _ in sents]
    for toponym, span in toponyms:
        for index in range(max(number(span.start), 0), min(number(span.end - 1), len(sents) - 1) + 1):
            found[index].append((toponym, span))
    return found
