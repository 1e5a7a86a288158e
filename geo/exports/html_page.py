"""A brief as one standalone HTML file that works offline: title, key facts, the map, the tables.

The map is :func:`geo.maps.folium_map.map_html` with every asset inlined, embedded through
``<iframe srcdoc>`` in a sandbox that allows its scripts and nothing else. A Content Security
Policy lets the page load nothing from anywhere (inline scripts, styles and ``data:`` images
only), so the file neither needs nor reaches the network. Every string from the article is
escaped with :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from geo.characters import without_bidi_controls
from geo.exports.brief import Brief, EventProvenance, grade_note, key_facts
from geo.exports.tables import LOCATION_UNKNOWN
from geo.maps import map_html
from geo.model import Event, Source

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; frame-src 'self' about: data:"
)
PAGE_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0;background:#fafafa}
header,section,footer{max-width:1200px;margin:0 auto;padding:12px 20px}
h1{font-size:24px;margin:8px 0 2px}h2{font-size:18px;margin:18px 0 6px}
.subtitle{color:#555;margin:0 0 8px}
.facts{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.fact{background:#fff;border:1px solid #ddd;border-radius:6px;padding:6px 12px;min-width:110px}
.fact b{display:block;font-size:20px}.fact span{color:#555;font-size:12px}
.map{display:block;width:100%;max-width:1200px;height:560px;margin:0 auto;border:1px solid #ccc;background:#cfe0ec}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.evidence{font-style:italic;color:#333;max-width:420px}
footer{color:#666;font-size:12px}
"""
EVENT_HEADERS: tuple[str, ...] = (
    "#", "Category", "Summary", "Place", "Date", "Actor", "Target", "Killed", "Injured", "Sources", "Evidence",
)


def _e(value: object) -> str:
    """A value as HTML text (an attribute's too): escaped, without bidi controls. The map's page goes through it."""
    return html.escape(without_bidi_controls("" if value is None else str(value)), quote=True)


def _cells(values: Sequence[object], classes: Sequence[str] = ()) -> str:
    cells = []
    for i, value in enumerate(values):
        css = f' class="{classes[i]}"' if i < len(classes) and classes[i] else ""
        cells.append(f"<td{css}>{_e(value)}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def _table(headers: Sequence[str], rows: list[str], empty: str) -> str:
    if not rows:
        return f"<p>{_e(empty)}</p>"
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _event_rows(events: Sequence[tuple[int, Event, EventProvenance]], corpus: bool) -> list[str]:
    rows = []
    for number, event, provenance in events:
        sources = ", ".join(event.sources)
        if corpus and provenance.outlets:
            sources += f" ({provenance.describe()})"
        sources += f" [{grade_note(event, provenance)}]"
        values = (number, event.category, event.summary, event.where or LOCATION_UNKNOWN,
                  event.date_text, event.actor or "", event.target or "",
                  event.killed, event.injured, sources.strip(), " ".join(event.evidence.text.split()))
        rows.append(_cells(values, classes=("",) * 10 + ("evidence",)))
    return rows


def _source_rows(sources: Sequence[Source]) -> list[str]:
    return [
        _cells((s.name, s.type, s.role or "", s.via or "", len(s.claims),
                " | ".join(" ".join(c.text.split()) for c in s.claims)), classes=("",) * 5 + ("evidence",))
        for s in sources
    ]


def _facts_html(brief: Brief) -> str:
    items = "".join(f'<div class="fact"><b>{_e(value)}</b><span>{_e(label)}</span></div>'
                    for label, value in key_facts(brief).rows())
    return f'<div class="facts">{items}</div>'


def brief_html(brief: Brief) -> str:
    """The whole page as text."""
    report = brief.report
    numbered = [(i + 1, e, brief.provenance_of(i)) for i, e in enumerate(report.events)]
    attacks = [item for item in numbered if item[1].kind == "attack"]
    responses = [item for item in numbered if item[1].kind != "attack"]
    corpus = brief.article_count > 1
    map_document = map_html(report, inline_assets=True, online_tiles=False)
    subtitle = f'<p class="subtitle">{_e(brief.subtitle)}</p>' if brief.subtitle else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CONTENT_SECURITY_POLICY)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(brief.title)} \u2014 GeoBrief</title><style>{PAGE_CSS}</style></head><body>"
        f"<header><h1>{_e(brief.title)}</h1>{subtitle}{_facts_html(brief)}</header>"
        '<iframe class="map" title="Map of the places, attacks and responses" sandbox="allow-scripts" '
        f'srcdoc="{_e(map_document)}"></iframe>'
        f"<section><h2>Attacks ({len(attacks)})</h2>"
        f"{_table(EVENT_HEADERS, _event_rows(attacks, corpus), 'No attacks found.')}</section>"
        f"<section><h2>Responses ({len(responses)})</h2>"
        f"{_table(EVENT_HEADERS, _event_rows(responses, corpus), 'No responses found.')}</section>"
        f"<section><h2>Sources cited ({len(report.sources)})</h2>"
        f"{_table(('Name', 'Type', 'Role', 'Via', 'Claims', 'What they said'), _source_rows(report.sources), 'No sources found.')}"
        "</section><footer>Made by GeoBrief, offline. Place data: GeoNames (CC BY 4.0); country outlines: "
        "countryinfo; map: Leaflet.</footer></body></html>\n"
    )


def html_bytes(brief: Brief) -> bytes:
    return brief_html(brief).encode("utf-8")
