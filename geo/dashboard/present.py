"""The presentation view (``?view=present``): a header of key facts in large type over a full-width map.

``key_facts_html(brief)`` is the header (escaped); ``PRESENT_CSS`` hides Streamlit's sidebar,
toolbar and header and widens the page, for a projector.
"""

from __future__ import annotations

import html

from geo.exports import Brief, key_facts

PRESENT_MAP_HEIGHT = 700

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
</style>
"""


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
