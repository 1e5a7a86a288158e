"""How the map's symbols are coloured and sized, as the analyst chooses: by role (attack red,
response blue: the default) or by actor (a small palette, one colour per actor, the others grey),
and at one size or by casualties (the area grows with the killed and injured at the place).

The shape always says the role (a triangle for an attack, a diamond for a response).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from geo.maps.points import MapPoint
from geo.maps.symbols import MARKER_SIZE, ROLE_COLOURS

COLOUR_MODES: tuple[str, ...] = ("role", "actor")
SIZE_MODES: tuple[str, ...] = ("fixed", "casualties")
# Tableau 10 without its grey and pink: distinct on the beige land and the pale sea, and apart
# from the "other actors" grey.
ACTOR_PALETTE: tuple[str, ...] = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                                  "#9c755f")
OTHER_ACTORS_COLOUR = "#8c8c8c"
NO_ACTOR_COLOUR = "#4d4d4d"
OTHER_ACTORS = "Other actors"
NO_ACTOR = "Actor not stated"
MAX_SYMBOL_SIZE = 60  # pixels: the largest casualties symbol
SIZE_PER_ROOT_CASUALTY = 5.0  # the symbol's width grows with the square root: its area with the count


@dataclass(frozen=True, slots=True)
class MapStyle:
    """The colour and size modes of a map's symbols."""

    colour_by: str = "role"
    size_by: str = "fixed"

    def __post_init__(self) -> None:
        if self.colour_by not in COLOUR_MODES or self.size_by not in SIZE_MODES:
            raise ValueError(f"colour_by is one of {COLOUR_MODES}, size_by one of {SIZE_MODES}")

    @property
    def by_actor(self) -> bool:
        return self.colour_by == "actor"

    @property
    def by_casualties(self) -> bool:
        return self.size_by == "casualties"


DEFAULT_STYLE = MapStyle()


def point_actor(point: MapPoint) -> str | None:
    """The actor of most of the point's attacks and responses (the first named on a tie), or None."""
    actors = Counter(" ".join(e.actor.split()) for e in (*point.attacks, *point.responses) if e.actor)
    return actors.most_common(1)[0][0] if actors else None


def actor_colours(points: list[MapPoint]) -> dict[str, str]:
    """The palette's colours for the actors of the most places, in that order (ties: first seen)."""
    counts = Counter(actor for actor in map(point_actor, points) if actor)
    return {actor: colour for (actor, _), colour in zip(counts.most_common(len(ACTOR_PALETTE)), ACTOR_PALETTE)}


def point_colour(point: MapPoint, style: MapStyle, palette: dict[str, str]) -> str:
    """The point's colour under ``style``; a place with no event keeps its own."""
    if not style.by_actor or not (point.attacks or point.responses):
        return ROLE_COLOURS[point.role]
    actor = point_actor(point)
    if actor is None:
        return NO_ACTOR_COLOUR
    return palette.get(actor, OTHER_ACTORS_COLOUR)


def casualties(point: MapPoint) -> int:
    """The killed and injured of the point's attacks and responses (unknown counts as none)."""
    return sum((e.killed or 0) + (e.injured or 0) for e in (*point.attacks, *point.responses))


def symbol_size(point: MapPoint, style: MapStyle) -> int:
    """The symbol's width in pixels: the usual one, or grown with the casualties at the place."""
    if not style.by_casualties:
        return MARKER_SIZE
    return casualty_size(casualties(point))


def casualty_size(count: int) -> int:
    return min(MARKER_SIZE + round(SIZE_PER_ROOT_CASUALTY * math.sqrt(max(count, 0))), MAX_SYMBOL_SIZE)
