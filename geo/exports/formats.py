"""Export a report, or the corpus's merged events, as GeoJSON, CSV, HTML, PDF, PNG, KML or KMZ.

For the dashboard::

    exported = export_file(report, "pdf")        # a Report, or a Brief (geo.exports.brief)
    st.download_button("PDF", exported.data, file_name=exported.file_name, mime=exported.content_type)

``export_bytes(report, fmt)`` gives only the bytes. Everything is made locally, offline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from geo.errors import InputError
from geo.exports.brief import (NO_FILTER, Brief, EventFilter, EventProvenance, KeyFacts, brief_from_corpus,
                               brief_from_report, key_facts)
from geo.model import Report

CONTENT_TYPES: dict[str, str] = {
    "geojson": "application/geo+json",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "png": "image/png",
    "kml": "application/vnd.google-earth.kml+xml",
    "kmz": "application/vnd.google-earth.kmz",
}
FORMATS: tuple[str, ...] = tuple(CONTENT_TYPES)
MAX_FILE_STEM_CHARS = 60

__all__ = [
    "CONTENT_TYPES",
    "FORMATS",
    "Brief",
    "EventFilter",
    "EventProvenance",
    "ExportedFile",
    "KeyFacts",
    "as_brief",
    "brief_from_corpus",
    "brief_from_report",
    "check_target",
    "export_bytes",
    "export_file",
    "key_facts",
    "write_export",
]


@dataclass(frozen=True, slots=True)
class ExportedFile:
    """One export: its bytes, its MIME type and a file name to offer."""

    data: bytes
    content_type: str
    file_name: str


def as_brief(report_or_brief: Report | Brief, event_filter: EventFilter = NO_FILTER) -> Brief:
    if isinstance(report_or_brief, Brief):
        return report_or_brief
    return brief_from_report(report_or_brief, event_filter)


def _geojson(brief: Brief) -> bytes:
    from geo.exports.geojson import geojson_bytes

    return geojson_bytes(brief)


def _csv(brief: Brief) -> bytes:
    from geo.exports.csv_table import csv_bytes

    return csv_bytes(brief)


def _html(brief: Brief) -> bytes:
    from geo.exports.html_page import html_bytes

    return html_bytes(brief)


def _pdf(brief: Brief) -> bytes:
    from geo.exports.pdf_brief import brief_pdf

    return brief_pdf(brief)


def _png(brief: Brief) -> bytes:
    from geo.maps import map_png

    return map_png(brief.report, title=brief.title)


def _kml(brief: Brief) -> bytes:
    from geo.exports.kml import kml_bytes

    return kml_bytes(brief)


def _kmz(brief: Brief) -> bytes:
    from geo.exports.kml import kmz_bytes

    return kmz_bytes(brief)


_WRITERS: dict[str, Callable[[Brief], bytes]] = {
    "geojson": _geojson, "csv": _csv, "html": _html, "pdf": _pdf, "png": _png, "kml": _kml, "kmz": _kmz,
}


def check_format(fmt: str) -> str:
    """The format name in lower case, or an InputError naming the formats there are."""
    name = fmt.strip().lower().lstrip(".")
    if name not in _WRITERS:
        raise InputError(f"Unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    return name


def export_bytes(report_or_brief: Report | Brief, fmt: str) -> bytes:
    """The export's bytes in ``fmt`` (geojson, csv, html, pdf, png, kml or kmz)."""
    return _WRITERS[check_format(fmt)](as_brief(report_or_brief))


def file_stem(title: str | None) -> str:
    """A file name stem from a title: ASCII letters, digits and dashes."""
    stem = re.sub(r"[^a-z0-9]+", "-", (title or "").lower()).strip("-")
    if len(stem) > MAX_FILE_STEM_CHARS:  # cut at a word's end
        stem = stem[: MAX_FILE_STEM_CHARS + 1].rsplit("-", 1)[0] or stem[:MAX_FILE_STEM_CHARS]
    return f"geobrief-{stem}" if stem else "geobrief"


def export_file(report_or_brief: Report | Brief, fmt: str) -> ExportedFile:
    """The export with its content type and a file name, for a download button."""
    name = check_format(fmt)
    brief = as_brief(report_or_brief)
    return ExportedFile(data=_WRITERS[name](brief), content_type=CONTENT_TYPES[name],
                        file_name=f"{file_stem(brief.title)}.{name}")


def check_target(target: str | Path) -> Path:
    """``target`` as a Path when a file can be written there; else an InputError."""
    path = Path(target)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a file name to write the export to.")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"The folder {folder} does not exist: create it or choose another output path.")
    return path


def write_export(report_or_brief: Report | Brief, fmt: str, target: str | Path) -> int:
    """Write the export to ``target`` through a temporary file; return the number of bytes.

    Raises InputError when the target's folder does not exist or cannot be written.
    """
    path = check_target(target)
    data = export_bytes(report_or_brief, fmt)
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    return len(data)
