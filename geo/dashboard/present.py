"""The presentation view (``?view=present``): what a briefer puts on a projector.

A header of the article's title, outlet and date and of the key facts in large type, computed on
what is shown (the filters and the selected place: :func:`shown_brief`, the panels' counts); the
map as tall as the screen; beside it the numbered list of the events shown with their sources
(:func:`present_steps`, :func:`steps_html`), which the keyboard steps through on the map.
``PRESENT_CSS`` hides Streamlit's sidebar, toolbar and header and sizes the map to the screen.
Every string from the article is escaped here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

from geo.dashboard.selection import place_selection
from geo.exports import Brief, key_facts
from geo.maps import MapPoint
from geo.model import Event

PRESENT_MAP_HEIGHT = 760  # the map's height before the page's style fits it to the screen
MAP_SCREEN_MARGIN_PX = 190  # the header above the map, on the screen

PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="collapsedControl"],
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], header, footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] {
    padding: 0.8rem 1.2rem 0.5rem 1.2rem !important; max-width: 100% !important;
}
.geobrief-present-title { font: 600 2.1rem/1.2 sans-serif; margin: 0 0 0.2rem 0; color: #111; }
.geobrief-present-subtitle { font: 1.15rem/1.3 sans-serif; color: #444; margin-bottom: 0.6rem; }
.geobrief-facts { display: flex; flex-wrap: wrap; gap: 0.6rem 2.2rem; margin: 0.2rem 0 0.8rem 0; }
.geobrief-fact { display: flex; flex-direction: column; }
.geobrief-fact-value { font: 700 2.6rem/1.1 sans-serif; color: #111; }
.geobrief-fact-label { font: 1.1rem/1.2 sans-serif; color: #555; text-transform: uppercase; letter-spacing: 0.04em; }
.geobrief-present-filter { font: 1.05rem/1.3 sans-serif; color: #7a4b00; margin-bottom: 0.4rem; }
iframe[title="streamlit_folium.st_folium"] { height: calc(100vh - MARGINpx) !important; min-height: 420px; }
.geobrief-steps { max-height: calc(100vh - MARGINpx); overflow-y: auto; margin: 0; padding: 0 0.2rem 0 0; }
.geobrief-steps ol { margin: 0; padding-left: 2.1rem; }
.geobrief-steps li { font: 1.05rem/1.35 sans-serif; color: #222; margin: 0 0 0.7rem 0; padding: 0.25rem 0.4rem;
    border-radius: 4px; }
.geobrief-steps li.geobrief-step-current { background: #fff3c4; outline: 2px solid #e0b000; }
.geobrief-step-kind { font-weight: 700; }
.geobrief-step-kind-attack { color: #c0392b; } .geobrief-step-kind-response { color: #1f5fa8; }
.geobrief-step-meta { display: block; color: #555; font-size: 0.95rem; }
.geobrief-steps-head { font: 600 1.15rem/1.3 sans-serif; margin: 0 0 0.4rem 0; color: #111; }
.geobrief-steps-keys { font: 0.9rem/1.3 sans-serif; color: #666; margin: 0.2rem 0 0.6rem 0; }
</style>
""".replace("MARGIN", str(MAP_SCREEN_MARGIN_PX))


def key_facts_html(brief: Brief, filter_note: str = "") -> str:
    """Title, subtitle and the key facts (attacks, responses, killed, injured, dates, sources)."""
    facts = key_facts(brief)
    cells = "".join(
        f'<div class="geobrief-fact" data-fact="{html.escape(label.lower())}">'
        f'<span class="geobrief-fact-value">{html.escape(value)}</span>'
        f'<span class="geobrief-fact-label">{html.escape(label)}</span></div>'
        for label, value in facts.rows()
    )
    parts = [f'<div class="geobrief-present-title">{html.escape(brief.title)}</div>']
    if brief.subtitle:
        parts.append(f'<div class="geobrief-present-subtitle">{html.escape(brief.subtitle)}</div>')
    if filter_note:
        parts.append(f'<div class="geobrief-present-filter">{html.escape(filter_note)}</div>')
    parts.append(f'<div class="geobrief-facts" data-testid="geobrief-key-facts">{cells}</div>')
    return '<div class="geobrief-present">' + "".join(parts) + "</div>"


def filter_description(kind: str | None, category: str | None, actor: str | None, source_type: str | None,
                       since: object, until: object, place: str | None = None) -> str:
    """The active filters in plain words ("Only: attacks, Air/drone strike, since 2023-11-01")."""
    words = []
    if kind:
        words.append(f"{kind}s")
    if category:
        words.append(category)
    if actor:
        words.append(f"actor '{actor}'")
    if source_type:
        words.append(f"{source_type} sources")
    if since:
        words.append(f"since {since}")
    if until:
        words.append(f"until {until}")
    if place:
        words.append(f"at {place}")
    return "Only: " + ", ".join(words) if words else ""


def shown_brief(brief: Brief, point: MapPoint | None) -> Brief:
    """The brief as the panels show it: with a place selected, that place's attacks, responses and
    sources only (the figures of the presentation and the panels' counts are then the same)."""
    if point is None:
        return brief
    chosen = place_selection(brief.report, point)
    kept = set(chosen.attacks) | set(chosen.responses)
    provenance = tuple(brief.provenance_of(i) for i, e in enumerate(brief.report.events) if e in kept)
    report = replace(brief.report, attacks=chosen.attacks, responses=chosen.responses, sources=chosen.sources)
    return replace(brief, report=report, provenance=provenance)


@dataclass(frozen=True, slots=True)
class PresentStep:
    """One event of the numbered list, and where the map goes for it (None: no location)."""

    number: int
    event: Event
    lat: float | None
    lon: float | None


def present_steps(brief: Brief) -> list[PresentStep]:
    """The events shown, by date (undated last) then as the text tells them."""
    events = list(brief.report.events)
    order = sorted(range(len(events)),
                   key=lambda i: (events[i].date is None, events[i].date or 0, events[i].evidence.start))
    return [PresentStep(n, events[i], events[i].lat, events[i].lon) for n, i in enumerate(order, start=1)]


def _casualties(event: Event) -> str:
    parts = []
    if event.killed is not None:
        parts.append(f"{event.killed} killed")
    if event.injured is not None:
        parts.append(f"{event.injured} injured")
    return ", ".join(parts)


def steps_html(steps: list[PresentStep]) -> str:
    """The numbered list of events beside the map (escaped); each item carries its step number."""
    if not steps:
        return '<div class="geobrief-steps"><div class="geobrief-steps-head">No event shown</div></div>'
    items = []
    for step in steps:
        event = step.event
        where = event.where or "location unknown"
        meta = " · ".join(p for p in (where, event.date.isoformat() if event.date else "", _casualties(event)) if p)
        sources = f"Sources: {', '.join(event.sources)}" if event.sources else "No source named"
        items.append(
            f'<li data-geobrief-step="{step.number}">'
            f'<span class="geobrief-step-kind geobrief-step-kind-{html.escape(event.kind)}">'
            f"{html.escape(event.kind.capitalize())}</span> {html.escape(event.summary)}"
            f'<span class="geobrief-step-meta">{html.escape(meta)}</span>'
            f'<span class="geobrief-step-meta">{html.escape(sources)}</span></li>'
        )
    return ('<div class="geobrief-steps"><div class="geobrief-steps-head">Events shown</div>'
            '<div class="geobrief-steps-keys">Keys: \u2192 next, \u2190 previous, Esc all</div>'
            f'<ol>{"".join(items)}</ol></div>')
