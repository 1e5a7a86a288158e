"""Exports: what a view holds (a ``Brief``: a report or the corpus's merged events after filters) and
its files: GeoJSON, CSV, HTML, PDF, PNG, KML and KMZ (Google Earth, ATAK, GIS), all made offline.

    brief = brief_from_report(report, EventFilter(kind="attack"))
    exported = export_file(brief, "pdf")

Modules: ``brief`` (the Brief, filters, key facts), ``tables`` (the panel rows shared by the
dashboard and the files), ``formats`` (the format table and ``export_file``), one module per
format: ``geojson``, ``csv_table``, ``html_page``, ``pdf_brief``, ``kml`` (KML and KMZ, with fastkml).
Every writer puts the text it writes through ``bidi.without_bidi_controls``.
A new format is a module here and a row in ``formats.FORMATS``.

May import: the core, ``geo.maps`` and ``geo.corpus`` (the merged events of a corpus brief).
"""

from geo.exports.brief import (NO_FILTER, UNGRADED_CODE, Brief, EventFilter, brief_from_corpus, brief_from_report,
                               key_facts, same_source, source_types)
from geo.exports.formats import FORMATS, check_target, export_file, file_stem, write_export
from geo.exports.tables import (CLAIM_SEPARATOR, EVENT_COLUMNS, PLACE_COLUMNS, SOURCE_COLUMNS, credit_rows,
                                escape_markdown, event_row, place_label, place_row, place_rows, report_counts,
                                source_row)

__all__ = [
    "CLAIM_SEPARATOR",
    "EVENT_COLUMNS",
    "FORMATS",
    "NO_FILTER",
    "PLACE_COLUMNS",
    "SOURCE_COLUMNS",
    "UNGRADED_CODE",
    "Brief",
    "EventFilter",
    "brief_from_corpus",
    "brief_from_report",
    "check_target",
    "credit_rows",
    "escape_markdown",
    "event_row",
    "export_file",
    "file_stem",
    "key_facts",
    "place_label",
    "place_row",
    "place_rows",
    "report_counts",
    "same_source",
    "source_row",
    "source_types",
    "write_export",
]
