"""The text of a PDF article, read with pypdf (pure Python, BSD licence).

    pdf = pdf_text(data, name="report.pdf")          # PdfText: text, title, created

Only PDFs that carry text: a scanned PDF (images of pages) has none, and OCR is out of scope.
Every failure is a one-line ``InputError`` saying what to do.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timezone
from typing import NamedTuple

from geo.errors import InputError

MAX_PDF_PAGES = 200
_SPACES_BEFORE_NEWLINE = re.compile(r"[ \t]+\n")


class PdfText(NamedTuple):
    """A PDF's text (pages separated by blank lines), and its metadata's title and creation day, if set."""

    text: str
    title: str | None
    created: date | None


def pdf_text(data: bytes, name: str = "the PDF") -> PdfText:
    """The text of every page and what the metadata says of the document (a creation day in the future
    is no day: a wrong clock)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise InputError(f"{name} is not a PDF file (it does not start with %PDF).")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{name} is encrypted: save an unprotected copy and try again.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise InputError(f"{name} has {len(reader.pages)} pages; the limit is {MAX_PDF_PAGES}.")
        pages = [page.extract_text() or "" for page in reader.pages]
        title, created = _title(reader), _created(reader)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise InputError(f"{name} cannot be read as a PDF ({type(exc).__name__}: {exc}).".splitlines()[0]) from exc
    text = "\n\n".join(_tidy(page) for page in pages if page.strip())
    if not text.strip():
        raise InputError(f"{name} has no text layer (a scanned PDF?): GeoBrief needs a PDF with text.")
    return PdfText(text, title, created)


def _created(reader: object) -> date | None:
    metadata = getattr(reader, "metadata", None)
    try:
        moment = getattr(metadata, "creation_date", None) if metadata is not None else None
    except (ValueError, TypeError):  # a date pypdf cannot parse
        return None
    if not isinstance(moment, datetime):
        return None
    day = moment.date()
    return day if day <= datetime.now(timezone.utc).date() else None


def _title(reader: object) -> str | None:
    metadata = getattr(reader, "metadata", None)
    title = getattr(metadata, "title", None) if metadata is not None else None
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    return None


def _tidy(page: str) -> str:
    """Unix line ends, no trailing spaces (a hyphen at a line end is kept: "Deir ez-Zor")."""
    page = page.replace("\r\n", "\n").replace("\r", "\n")
    return _SPACES_BEFORE_NEWLINE.sub("\n", page).strip()
