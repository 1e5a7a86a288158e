"""An event being assembled from its mentions: what ``geo.events.extract`` links, ``geo.events.linking``
compares and ``geo.events.summary`` describes, before it becomes a frozen ``geo.model.Event``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span

from geo.model import Toponym


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


def sentence_numbers(sents: Sequence[Span]) -> Callable[[int], int]:
    """The number of the sentence that holds a token (by its index in the doc): a binary search, so
    that rules asking it of many drafts and places stay linear in the length of the text."""
    starts = [s.start for s in sents]
    return lambda token_i: bisect_right(starts, token_i) - 1

