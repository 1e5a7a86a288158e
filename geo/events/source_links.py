"""Which cited sources an event rests on: those whose claims overlap the sentences that tell it.

Used by ``geo.pipeline`` once events and sources are extracted; imports ``geo.model`` only.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from geo.model import Event, Source, TextSpan

__all__ = ["link_sources"]


def _overlaps(a: TextSpan, b: TextSpan) -> bool:
    return a.start < b.end and b.start < a.end


def link_sources(events: Sequence[Event], sources: Sequence[Source]) -> list[Event]:
    """Events with ``sources`` = the names of the sources whose claims overlap their sentences (the claims
    searched by position, so that a long text's thousand events do not each read its every claim)."""
    ordered = sorted(sources, key=lambda s: min((c.start for c in s.claims), default=0))
    claims = sorted(((c.start, rank, c) for rank, source in enumerate(ordered) for c in source.claims),
                    key=lambda item: item[:2])
    starts = [start for start, _rank, _claim in claims]
    longest = max((c.end - c.start for _start, _rank, c in claims), default=0)
    linked: list[Event] = []
    for event in events:
        ranks = {rank for m in (event.evidence, *event.mentions)
                 for _start, rank, c in claims[bisect.bisect_left(starts, m.start - longest):
                                               bisect.bisect_left(starts, m.end)] if _overlaps(c, m)}
        names = [ordered[rank].name for rank in sorted(ranks)]
        linked.append(dataclasses.replace(event, sources=tuple(dict.fromkeys(names))))
    return linked
