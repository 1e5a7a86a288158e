"""A report as plain table rows, one dict per row, for the dashboard's panels.

Values are plain text or numbers (never HTML); the dashboard shows them with
``st.dataframe``, which renders text as text.
"""

from __future__ import annotations

from typing import Any

from geo.model import Candidate, Event, Place, Report, Source

LOCATION_UNKNOWN = "location unknown"
CLAIM_SEPARATOR = " | "

# What a briefer reads first (when, what, where), then who and how many, then the sentence it comes from.
EVENT_COLUMNS: tuple[str, ...] = (
    "date", "category", "summary", "place", "actor", "target", "killed", "injured", "count", "sources",
    "evidence", "mentions",
)
SOURCE_COLUMNS: tuple[str, ...] = ("name", "type", "role", "via", "claims", "claim_count")
CREDIT_COLUMNS: tuple[str, ...] = ("credit",)
PLACE_COLUMNS: tuple[str, ...] = (
    "name", "kind", "country", "admin1", "lat", "lon", "confidence",
    "alternatives", "mentions", "as_written", "corrected",
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def event_row(event: Event) -> dict[str, Any]:
    """One attack or response: what, who, where (or "location unknown"), numbers, evidence."""
    return {
        "date": event.date_text,
        "category": event.category,
        "summary": event.summary,
        "place": event.where or LOCATION_UNKNOWN,
        "actor": event.actor or "",
        "target": event.target or "",
        "killed": event.killed,
        "injured": event.injured,
        "count": event.count,
        "sources": ", ".join(event.sources),
        "evidence": _one_line(event.evidence.text),
        "mentions": len(event.mentions) or 1,  # the sentences that tell this one event
    }


def source_row(source: Source) -> dict[str, Any]:
    """One cited source: name, type, who relayed it, and its claims."""
    return {
        "name": source.name,
        "type": source.type,
        "role": source.role or "",
        "via": source.via or "",
        "claims": CLAIM_SEPARATOR.join(_one_line(c.text) for c in source.claims),
        "claim_count": len(source.claims),
    }


def _is_chosen(place: Place, candidate: Candidate) -> bool:
    if place.geonameid is not None and candidate.geonameid is not None:
        return candidate.geonameid == place.geonameid
    return (candidate.name == place.name and place.lat is not None and place.lon is not None
            and abs(candidate.lat - place.lat) < 1e-3 and abs(candidate.lon - place.lon) < 1e-3)


def _alternatives(place: Place, limit: int = 3) -> str:
    """The other readings of the name (the chosen one left out)."""
    names = []
    others = [c for c in place.alternatives if not _is_chosen(place, c)]
    for candidate in others[:limit]:
        where = f", {candidate.country}" if candidate.country else ""
        names.append(f"{candidate.name} ({candidate.kind}{where}, {candidate.score:.0%})")
    return "; ".join(names)


def place_row(place: Place) -> dict[str, Any]:
    """One distinct place: where it was resolved, how sure, and how it was written."""
    return {
        "name": place.name,
        "kind": place.kind,
        "country": place.country or "",
        "admin1": place.admin1 or "",
        "lat": round(place.lat, 5) if place.lat is not None else None,
        "lon": round(place.lon, 5) if place.lon is not None else None,
        "confidence": round(place.confidence, 2),
        "alternatives": _alternatives(place),
        "mentions": len(place.mentions),
        "as_written": ", ".join(dict.fromkeys(m.text for m in place.mentions)),
        "corrected": place.corrected,
    }


def place_label(place: Place) -> str:
    """Plain text naming a place for a picker: its name, kind, country and how it was written."""
    details = ", ".join(d for d in (place.kind, place.country) if d)
    written = ", ".join(dict.fromkeys(_one_line(m.text) for m in place.mentions))
    label = f"{place.name} ({details})" if details else place.name
    return f"{label}, written as {written}" if written and written != place.name else label


def attack_rows(report: Report) -> list[dict[str, Any]]:
    return [event_row(e) for e in report.attacks]


def response_rows(report: Report) -> list[dict[str, Any]]:
    return [event_row(e) for e in report.responses]


def source_rows(report: Report) -> list[dict[str, Any]]:
    return [source_row(s) for s in report.sources]


def credit_rows(report: Report) -> list[dict[str, Any]]:
    """The article's image and photo credits: shown as credits, never as sources."""
    return [{"credit": _one_line(credit)} for credit in report.article.credits]


def place_rows(report: Report) -> list[dict[str, Any]]:
    return [place_row(p) for p in report.places]


def report_counts(report: Report) -> dict[str, int]:
    """The headline numbers: places on the map, all places, attacks, responses, sources."""
    return {
        "places": len(report.places),
        "mapped": sum(1 for p in report.places if p.resolved),
        "attacks": len(report.attacks),
        "responses": len(report.responses),
        "sources": len(report.sources),
    }


_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()#+-.!|<>~$:")


def escape_markdown(text: str) -> str:
    """Text that Markdown renderers (st.caption, st.error, st.subheader) show as it is.

    Every punctuation mark Markdown or Streamlit gives a meaning to (links, images,
    emphasis, ``$`` maths, ``:colour[...]`` directives) is backslash-escaped, and the
    text is kept on one line.
    """
    flat = " ".join(str(text).split())
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in flat)
