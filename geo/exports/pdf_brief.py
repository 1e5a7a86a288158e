"""A brief as a PDF (reportlab): the map image, key facts, the attacks, responses and sources
tables, and the citations (each event's evidence sentence, numbered as in the tables).

The map is :func:`geo.maps.image.render_map`, drawn locally. Text is set in DejaVu Sans (shipped
with matplotlib, so most scripts print), and every string from the article is escaped before it
reaches reportlab's paragraph markup.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from geo.characters import without_bidi_controls
from geo.exports.brief import Brief, EventProvenance, grade_note, key_facts
from geo.exports.tables import LOCATION_UNKNOWN
from geo.maps import render_map
from geo.model import Event

FONT, FONT_BOLD = "GeoBriefSans", "GeoBriefSans-Bold"
MAP_WIDTH_PX, MAP_HEIGHT_PX, MAP_SCALE = 1000, 640, 2.0  # layout pixels; printed at twice the resolution
MAX_EVIDENCE_CHARS = 600
CELL_PADDING = 3  # points on each side of a table cell
MAX_WORD_SHARE = 0.3  # a word wider than this share of the table (a URL) may still be broken


@lru_cache(maxsize=1)
def _register_fonts() -> tuple[str, str]:
    """DejaVu Sans from matplotlib's data folder; reportlab's Helvetica when it is missing."""
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    try:
        pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts / "DejaVuSans-Bold.ttf")))
    except (OSError, ValueError):  # pragma: no cover - matplotlib always ships them
        return "Helvetica", "Helvetica-Bold"
    return FONT, FONT_BOLD


def _e(value: object) -> str:
    """Plain text for reportlab's paragraph markup, without bidi controls."""
    return html.escape("" if value is None else " ".join(without_bidi_controls(str(value)).split()), quote=False)


def _shorten(text: str, limit: int = MAX_EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


class _Styles:
    def __init__(self) -> None:
        from reportlab.lib.styles import ParagraphStyle

        regular, bold = _register_fonts()
        self.title = ParagraphStyle("title", fontName=bold, fontSize=17, leading=21, spaceAfter=4)
        self.subtitle = ParagraphStyle("subtitle", fontName=regular, fontSize=9, leading=12, textColor="#555555")
        self.heading = ParagraphStyle("heading", fontName=bold, fontSize=12, leading=15, spaceBefore=10,
                                      spaceAfter=4)
        self.cell = ParagraphStyle("cell", fontName=regular, fontSize=7.5, leading=9.2)
        self.head = ParagraphStyle("head", parent=self.cell, fontName=bold)
        self.body = ParagraphStyle("body", fontName=regular, fontSize=8.5, leading=11, spaceAfter=3)
        self.fact_value = ParagraphStyle("fact_value", fontName=bold, fontSize=11, leading=13)
        self.fact_label = ParagraphStyle("fact_label", fontName=regular, fontSize=7.5, leading=9,
                                         textColor="#555555")
        self.bold = bold


def _table(rows: list[list[object]], widths: Sequence[float], styles: _Styles, header_colour: str = "#eeeeee"):  # type: ignore[no-untyped-def]
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, "#bbbbbb"),
        ("BACKGROUND", (0, 0), (-1, 0), header_colour),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def fitted_widths(table: Sequence[Sequence[object]], fractions: Sequence[float], width: float,
                  font: str, size: float) -> list[float]:
    """Column widths that hold each column's longest word, so that no word is broken inside it; the room
    left goes by ``fractions`` (the wider share to the column that asks for it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    need = [min(max((stringWidth(word, font, size) for row in table for word in str(row[column]).split()),
                    default=0.0) + 2 * CELL_PADDING + 1, width * MAX_WORD_SHARE)
            for column in range(len(fractions))]
    if sum(need) >= width:  # even the words do not fit: only the widest ones are cut (markup, URLs)
        return _capped(need, width)
    total = sum(fractions)
    widths = [max(n, width * f / total) for n, f in zip(need, fractions)]
    overflow = sum(widths) - width
    slack = [w - n for w, n in zip(widths, need)]  # what each column can give back
    return [w - overflow * s / sum(slack) if overflow > 0 else w for w, s in zip(widths, slack)]


def _capped(need: Sequence[float], width: float) -> list[float]:
    """``need`` with its largest values lowered to one cap, so that they add up to ``width``."""
    low, high = 0.0, max(need)
    for _ in range(50):  # bisection on the cap
        cap = (low + high) / 2
        low, high = (cap, high) if sum(min(n, cap) for n in need) < width else (low, cap)
    return [min(n, low) + (width - sum(min(n, low) for n in need)) / len(need) for n in need]


def _facts_table(brief: Brief, width: float, styles: _Styles):  # type: ignore[no-untyped-def]
    from reportlab.platypus import Paragraph, Table, TableStyle

    facts = key_facts(brief).rows()
    cells = [[Paragraph(_e(value), styles.fact_value), Paragraph(_e(label), styles.fact_label)]
             for label, value in facts]
    table = Table([cells], colWidths=[width / len(facts)] * len(facts))
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.5, "#bbbbbb"),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, "#dddddd"),
        ("BACKGROUND", (0, 0), (-1, -1), "#f7f7f7"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _events_table(events: Sequence[tuple[int, Event, EventProvenance]], width: float, styles: _Styles,
                  corpus: bool):  # type: ignore[no-untyped-def]
    headers = ["#", "Category", "What", "Place", "Date", "Actor", "Target", "Killed / injured", "Sources"]
    texts: list[list[object]] = [headers]
    for number, event, provenance in events:
        numbers = " / ".join("?" if v is None else str(v) for v in (event.killed, event.injured))
        sources = ", ".join(event.sources)
        if corpus and provenance.outlets:
            sources += f" ({provenance.describe()})"
        sources += f" [{grade_note(event, provenance)}]"
        texts.append([f"[{number}]", event.category, event.summary, event.where or LOCATION_UNKNOWN,
                      event.date_text, event.actor or "", event.target or "", numbers, sources])
    return _text_table(texts, (0.04, 0.12, 0.17, 0.10, 0.10, 0.11, 0.11, 0.07, 0.18), width, styles)


def _sources_table(brief: Brief, width: float, styles: _Styles):  # type: ignore[no-untyped-def]
    headers = ["Name", "Type", "Role / via", "Claims", "First claim"]
    texts: list[list[object]] = [headers]
    for source in brief.report.sources:
        role = " / ".join(p for p in (source.role, f"via {source.via}" if source.via else None) if p)
        first = _shorten(source.claims[0].text, 300) if source.claims else ""
        texts.append([source.name, source.type, role, len(source.claims), first])
    return _text_table(texts, (0.17, 0.11, 0.15, 0.07, 0.50), width, styles)


def _text_table(texts: list[list[object]], fractions: Sequence[float], width: float,
                styles: _Styles):  # type: ignore[no-untyped-def]
    """A header row and rows of plain text, each column as wide as its longest word at least."""
    from reportlab.platypus import Paragraph

    widths = fitted_widths(texts, fractions, width, styles.bold, styles.cell.fontSize)  # bold: the wider face
    rows: list[list[object]] = [[Paragraph(_e(v), styles.head if i == 0 else styles.cell) for v in row]
                                for i, row in enumerate(texts)]
    return _table(rows, widths, styles)


def brief_pdf(brief: Brief, *, today: date | None = None) -> bytes:
    """The PDF file's bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer

    styles = _Styles()
    report = brief.report
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=14 * mm, bottomMargin=14 * mm,
        title=without_bidi_controls(brief.title), author="GeoBrief", subject="GeoBrief export",
    )
    width = document.width
    rendered = render_map(report, width=MAP_WIDTH_PX, height=MAP_HEIGHT_PX, scale=MAP_SCALE)
    image = Image(io.BytesIO(rendered.png), width=width, height=width * MAP_HEIGHT_PX / MAP_WIDTH_PX)
    numbered = [(i + 1, e, brief.provenance_of(i)) for i, e in enumerate(report.events)]
    corpus = brief.article_count > 1
    made = (today or date.today()).isoformat()
    story: list[object] = [
        Paragraph(_e(brief.title), styles.title),
        Paragraph(_e(" | ".join(p for p in (brief.subtitle, f"GeoBrief export of {made}") if p)), styles.subtitle),
        Spacer(1, 4 * mm), image, Spacer(1, 3 * mm), _facts_table(brief, width, styles),
    ]
    for title, kind in (("Attacks", "attack"), ("Responses", "response")):
        events = [item for item in numbered if (item[1].kind == "attack") == (kind == "attack")]
        story.append(Paragraph(f"{title} ({len(events)})", styles.heading))
        story.append(_events_table(events, width, styles, corpus) if events
                     else Paragraph(f"No {title.lower()} found.", styles.body))
    story.append(Paragraph(f"Sources cited ({len(report.sources)})", styles.heading))
    story.append(_sources_table(brief, width, styles) if report.sources
                 else Paragraph("No sources found.", styles.body))
    story.append(Paragraph("Citations", styles.heading))
    for number, event, _ in numbered:
        story.append(Paragraph(f"[{number}] \u201c{_e(_shorten(event.evidence.text))}\u201d", styles.body))
    if not numbered:
        story.append(Paragraph("No events, so nothing to cite.", styles.body))
    story.append(Paragraph(
        f"Place data: GeoNames (CC BY 4.0). {rendered.credit}. Map drawn offline by GeoBrief.",
        styles.subtitle))
    document.build(story)  # type: ignore[arg-type]
    return buffer.getvalue()
