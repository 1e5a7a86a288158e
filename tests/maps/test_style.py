"""Symbols coloured by actor and sized by casualties: the palette, the sizes, the map and its legend."""

from __future__ import annotations

import html

import pytest

from geo.maps.folium_map import build_map
from geo.maps.legend import legend_html
from geo.maps.points import MapPoint
from geo.maps.style import (ACTOR_PALETTE, MAX_SYMBOL_SIZE, NO_ACTOR, NO_ACTOR_COLOUR, OTHER_ACTORS,
                            OTHER_ACTORS_COLOUR, MapStyle, actor_colours, casualties, point_actor, point_colour,
                            symbol_size)
from geo.maps.symbols import MARKER_SIZE, ROLE_COLOURS
from geo.model import Article, Event, Report, TextSpan

SENTENCE = TextSpan("Gunmen attacked a post.", 0, 23)
BY_ACTOR = MapStyle(colour_by="actor")


def event(actor: str | None, killed: int | None = None, injured: int | None = None,
          kind: str = "attack") -> Event:
    return Event(kind=kind, summary="an attack", category="Attack", evidence=SENTENCE, actor=actor, killed=killed,
                 injured=injured, mentions=(SENTENCE,))


def point(name: str, *events: Event, lat: float = 15.0) -> MapPoint:
    attacks = tuple(e for e in events if e.kind == "attack")
    responses = tuple(e for e in events if e.kind == "response")
    return MapPoint(key=f"k:{name}", name=name, kind="city", country="YE", admin1=None, lat=lat, lon=45.0,
                    confidence=0.9, mentions=1, attacks=attacks, responses=responses)


def test_a_places_actor_is_the_one_of_most_of_its_events() -> None:
    assert point_actor(point("a", event("Rebels"), event("the  army"), event("the army"))) == "the army"
    assert point_actor(point("b", event("Rebels"), event("Navy"))) == "Rebels"  # a tie: the first named
    assert point_actor(point("c", event(None))) is None


def test_the_palette_goes_to_the_actors_of_most_places_and_the_rest_are_grey() -> None:
    points = [point(f"p{i}", event(f"group {i % 10}")) for i in range(30)] + [point("x", event(None))]
    palette = actor_colours(points)
    assert len(palette) == len(ACTOR_PALETTE) and list(palette.values()) == list(ACTOR_PALETTE)
    unlisted = next(p for p in points if point_actor(p) not in palette and point_actor(p))
    assert point_colour(unlisted, BY_ACTOR, palette) == OTHER_ACTORS_COLOUR
    assert point_colour(points[-1], BY_ACTOR, palette) == NO_ACTOR_COLOUR
    assert point_colour(points[0], MapStyle(), palette) == ROLE_COLOURS["attack"]  # by role: as ever
    quiet = point("q")
    assert point_colour(quiet, BY_ACTOR, palette) == ROLE_COLOURS["place"]  # no event: its own colour


def test_size_grows_with_the_casualties_up_to_a_cap() -> None:
    by_casualties = MapStyle(size_by="casualties")
    none, few, many = point("n", event("A")), point("f", event("A", killed=2, injured=2)), \
        point("m", event("A", killed=5000))
    assert casualties(few) == 4
    assert symbol_size(few, MapStyle()) == MARKER_SIZE
    assert symbol_size(none, by_casualties) == MARKER_SIZE < symbol_size(few, by_casualties)
    assert symbol_size(many, by_casualties) == MAX_SYMBOL_SIZE


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError):
        MapStyle(colour_by="rainbow")


def test_the_legend_names_each_actor_escaped_and_how_sizes_read() -> None:
    points = [point("a", event("<b>Rebels</b>", killed=3)), point("b", event("Navy", kind="response")),
              point("c", event(None))]
    palette = actor_colours(points)
    legend = legend_html(points, 0, style=MapStyle("actor", "casualties"), palette=palette)
    assert html.escape("<b>Rebels</b>") in legend and "<b>Rebels" not in legend
    assert f"{NO_ACTOR} (1)" in legend and OTHER_ACTORS not in legend
    assert "up to 3" in legend
    assert ROLE_COLOURS["attack"] not in legend  # the shapes are grey: colour means the actor here


def test_the_map_draws_each_place_in_its_actors_colour() -> None:
    text = "Rebels attacked a post. The navy struck a port."
    spans = (TextSpan(text[:23], 0, 23), TextSpan(text[24:], 24, len(text)))
    attack = Event(kind="attack", summary="s", category="Attack", evidence=spans[0], actor="Rebels", place="Aden",
                   place_key="k:aden", lat=12.8, lon=45.0, mentions=(spans[0],))
    strike = Event(kind="response", summary="s", category="Air/drone strike", evidence=spans[1], actor="Navy",
                   place="Hodeidah", place_key="k:hod", lat=14.8, lon=42.95, mentions=(spans[1],))
    report = Report(article=Article(text=text), places=(), attacks=(attack,), responses=(strike,), sources=())
    rendered = build_map(report, style=BY_ACTOR).get_root().render()
    assert ACTOR_PALETTE[0] in rendered and ACTOR_PALETTE[1] in rendered
    role_map = build_map(report).get_root().render()
    assert ACTOR_PALETTE[0] not in role_map
