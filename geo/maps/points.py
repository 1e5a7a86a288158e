"""What the map shows at each location, and the escaped text of its tooltips and popups.

A :class:`MapPoint` is one resolved place of the report with the attacks and responses
located there and the sources cited about it. Its ``role`` picks the symbol:
``attack`` (any attack there), ``response`` (responses only), ``both``, or ``place``.
"""

from __future__ import annotations

import bisect
import hashlib
import html
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from geo.model import Event, Place, Report, Source

AREA_KINDS: frozenset[str] = frozenset({"admin1", "country", "region"})
KIND_LABELS: dict[str, str] = {
    "city": "city / town",
    "admin1": "province / state",
    "country": "country",
    "facility": "facility",
    "region": "region",
    "other": "place",
}
MAX_EVIDENCE_CHARS = 400
APPROXIMATE_KIND = "other"  # a place located from its context: "Royal Street (near New Orleans)"
UNCERTAIN_CONFIDENCE = 0.5  # below this a place is drawn as uncertain (dashed outline)


_SCRIPT_SAFE = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"})


def html_text(value: object) -> str:
    """Escape text for HTML, also safe inside a JavaScript template literal.

    Besides ``& < > " '``, the backtick, ``$`` and the backslash become character
    references: folium puts popup and tooltip HTML between backticks, where ``${...}``
    would run as code. So do the braces: folium compiles what its objects render as a
    Jinja template, where ``{{ ... }}`` would be evaluated on the server.
    """
    escaped = html.escape(str(value), quote=True)
    return escaped.translate(_SCRIPT_SAFE)


@dataclass(frozen=True, slots=True)
class MapPoint:
    """One symbol on the map."""

    key: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    confidence: float
    mentions: int
    attacks: tuple[Event, ...] = ()
    responses: tuple[Event, ...] = ()
    sources: tuple[str, ...] = ()

    def __hash__(self) -> int:
        # From a few fields only (equality still compares them all): the symbol cache hashes every
        # point of every map, and hashing the events would hash each of their sentences again.
        return hash((self.key, self.lat, self.lon, len(self.attacks), len(self.responses)))

    @property
    def css_class(self) -> str:
        """A class naming this point on the web map (its key's digest: safe in any selector)."""
        return "geobrief-p-" + hashlib.sha1(self.key.encode("utf-8")).hexdigest()[:12]

    @property
    def approximate(self) -> bool:
        """Located from its context (near a named town) or from an event alone: not a precise point."""
        return self.kind == APPROXIMATE_KIND

    @property
    def uncertain(self) -> bool:
        """Approximate, or resolved with a low confidence: drawn with a dashed outline."""
        return self.approximate or self.confidence < UNCERTAIN_CONFIDENCE

    @property
    def role(self) -> str:
        if self.attacks and self.responses:
            return "both"
        if self.attacks:
            return "attack"
        if self.responses:
            return "response"
        return "place"


class _PlaceIndex:
    """The resolved places of a report by key and by folded name, built once per report."""

    def __init__(self, places: list[Place]) -> None:
        self.keys = {p.key for p in places}
        self.by_name: dict[str, str] = {}
        for place in places:
            self.by_name.setdefault(place.name.casefold(), place.key)  # the first place of a name wins

    def event_place_key(self, event: Event) -> str | None:
        """The key of the resolved place an event happened at, matched by key, else by name."""
        if event.place_key in self.keys:
            return event.place_key
        if event.place:
            return self.by_name.get(event.place.casefold())
        return None


class _ClaimIndex:
    """Which sources have a claim containing a span, in O(sources x log claims) per question.

    Per source: its claims sorted by start, and the furthest end among the claims that start at or
    before each one, so that "is some claim around [start, end)" is one bisection.
    """

    def __init__(self, sources: tuple[Source, ...]) -> None:
        self.sources: list[tuple[str, list[int], list[int]]] = []
        for source in sources:
            claims = sorted((c.start, c.end) for c in source.claims)
            if not claims:
                continue
            furthest, ends = -1, []
            for _, end in claims:
                furthest = max(furthest, end)
                ends.append(furthest)
            self.sources.append((source.name, [start for start, _ in claims], ends))

    def about(self, place: Place) -> list[str]:
        """Sources with a claim that contains a mention of the place, in the report's order."""
        names = []
        for name, starts, ends in self.sources:
            for mention in place.mentions:
                before = bisect.bisect_right(starts, mention.start)
                if before and ends[before - 1] >= mention.end:
                    names.append(name)
                    break
        return names


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


def unlocated_events(report: Report) -> list[Event]:
    """Events with no coordinates at all: they appear in the panels, not on the map."""
    index = _PlaceIndex([p for p in report.places if p.resolved])
    return [e for e in report.events if index.event_place_key(e) is None and (e.lat is None or e.lon is None)]


def map_points(report: Report) -> list[MapPoint]:
    """One point per resolved place (in report order), plus one per located event
    whose location is not among the places."""
    places = [p for p in report.places if p.resolved]
    index = _PlaceIndex(places)
    claims = _ClaimIndex(report.sources)
    by_key: dict[str, list[Event]] = {p.key: [] for p in places}
    orphans: dict[tuple[float, float], list[Event]] = {}
    for event in report.events:
        key = index.event_place_key(event)
        if key is not None:
            by_key[key].append(event)
        elif event.lat is not None and event.lon is not None:
            orphans.setdefault((round(event.lat, 5), round(event.lon, 5)), []).append(event)

    points = []
    for place in places:
        events = by_key[place.key]
        source_names = [s for e in events for s in e.sources] + claims.about(place)
        points.append(
            MapPoint(
                key=place.key, name=place.name, kind=place.kind, country=place.country,
                admin1=place.admin1, lat=float(place.lat), lon=float(place.lon),  # type: ignore[arg-type]
                confidence=place.confidence, mentions=len(place.mentions),
                attacks=tuple(e for e in events if e.kind == "attack"),
                responses=tuple(e for e in events if e.kind != "attack"),
                sources=_unique(source_names),
            )
        )
    for (lat, lon), events in orphans.items():
        points.append(
            MapPoint(
                key=f"event:{lat},{lon}", name=events[0].place or "Event location", kind="other",
                country=None, admin1=None, lat=lat, lon=lon, confidence=0.5, mentions=0,
                attacks=tuple(e for e in events if e.kind == "attack"),
                responses=tuple(e for e in events if e.kind != "attack"),
                sources=_unique([s for e in events for s in e.sources]),
            )
        )
    return points


def narrowed_points(points: Sequence[MapPoint], wider_places: Collection[str], places: Collection[str],
                    events: Mapping[int, int]) -> list[MapPoint]:
    """``map_points`` of a narrower report, worked out from the points of a wider one.

    ``wider_places`` are the keys of the wider report's places, ``places`` those the narrower
    report keeps, ``events`` the ids of the events it keeps with their positions in its
    ``events``. Equal to ``map_points(narrower)`` when the narrower report keeps every place its
    events name (by key or by name) and has no sources of its own, as the map reports of
    geo.dashboard.corpus_view do; points whose events are all kept are the same objects as before.
    """
    narrowed: list[MapPoint] = []
    located: list[tuple[int, MapPoint]] = []  # points of events at no place, by their first event
    for point in points:
        is_place = point.key in wider_places
        if is_place and point.key not in places:
            continue
        attacks = tuple(e for e in point.attacks if id(e) in events)
        responses = tuple(e for e in point.responses if id(e) in events)
        if len(attacks) == len(point.attacks) and len(responses) == len(point.responses):
            kept = point
        elif is_place:
            kept = replace(point, attacks=attacks, responses=responses,
                           sources=_unique([s for e in attacks + responses for s in e.sources]))
        elif attacks or responses:
            first = min(attacks + responses, key=lambda e: events[id(e)])
            kept = replace(point, name=first.place or "Event location", attacks=attacks, responses=responses,
                           sources=_unique([s for e in attacks + responses for s in e.sources]))
        else:
            continue
        if is_place:
            narrowed.append(kept)
        else:
            located.append((min(events[id(e)] for e in kept.attacks + kept.responses), kept))
    return narrowed + [point for _, point in sorted(located, key=lambda item: item[0])]


def point_tooltip(point: MapPoint) -> str:
    """Tooltip HTML: the place name, and what happened there."""
    parts = [f"<b>{html_text(point.name)}</b>"]
    if point.attacks:
        parts.append(f"{len(point.attacks)} attack(s)")
    if point.responses:
        parts.append(f"{len(point.responses)} response(s)")
    return " &middot; ".join(parts)


def _shorten(text: str, limit: int = MAX_EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _event_html(event: Event) -> str:
    facts = [html_text(event.category)]
    if event.actor:
        facts.append("by " + html_text(event.actor))
    if event.target:
        facts.append("on " + html_text(event.target))
    if event.date:
        facts.append(html_text(event.date_text))
    for label, number in (("count", event.count), ("killed", event.killed), ("injured", event.injured)):
        if number is not None:
            facts.append(f"{label} {int(number)}")
    lines = [
        f"<b>{html_text(event.summary)}</b>",
        f'<span style="color:#555">{" &middot; ".join(facts)}</span>',
    ]
    if event.sources:
        lines.append("Sources: " + html_text(", ".join(event.sources)))
    lines.append(f"<i>&ldquo;{html_text(_shorten(event.evidence.text))}&rdquo;</i>")
    return '<li style="margin-bottom:6px">' + "<br>".join(lines) + "</li>"


def point_popup_html(point: MapPoint) -> str:
    """Popup HTML: name, kind, country, confidence, events with their evidence, sources."""
    where = [KIND_LABELS.get(point.kind, html_text(point.kind))]
    if point.approximate:
        where[0] = "approximate location (from the places around it)"
    if point.admin1:
        where.append(html_text(point.admin1))
    if point.country:
        where.append(html_text(point.country))
    parts = [
        f'<div style="font-size:14px;font-weight:bold">{html_text(point.name)}</div>',
        f'<div style="color:#555">{" &middot; ".join(where)}</div>',
        f"<div>confidence {point.confidence:.2f} &middot; {point.lat:.4f}, {point.lon:.4f}"
        f" &middot; {point.mentions} mention(s)</div>",
    ]
    for title, events in (("Attacks", point.attacks), ("Responses", point.responses)):
        if events:
            items = "".join(_event_html(e) for e in events)
            parts.append(
                f'<div style="margin-top:6px;font-weight:bold">{title} here ({len(events)})</div>'
                f'<ul style="margin:2px 0 0 0;padding-left:16px">{items}</ul>'
            )
    listed = {name for event in point.attacks + point.responses for name in event.sources}
    others = [name for name in point.sources if name not in listed]
    if others:
        title = "Also cited about this place" if listed else "Sources cited about this place"
        parts.append(f'<div style="margin-top:6px"><b>{title}</b>: ' + html_text(", ".join(others)) + "</div>")
    return (
        '<div class="geobrief-popup" style="font:12px/1.4 sans-serif;max-height:280px;'
        'overflow-y:auto;min-width:220px;max-width:360px">' + "".join(parts) + "</div>"
    )
