"""The text of a PDF article, read with pypdf (pure Python, BSD licence) in a worker process under a budget.

    pdf = pdf_text(data, name="report.pdf")          # PdfText: text, title, created

A PDF can be built to stall or flood a reader: 200 pages sharing one small stream that inflates to 70 MB of
spaces (minutes a page), a decompression bomb, arrays nested 100,000 deep. So pypdf runs in a Python process of
its own (``python -c``, importing this module and pypdf, not spaCy; about 0.2 s to start), which is stopped
past ``Settings.pdf_seconds`` (``GEOBRIEF_PDF_SECONDS``, 30 s), whose memory is capped where the system allows
(``WORKER_MEMORY_BYTES`` of address space), and which stops at ``Settings.max_text_chars`` of text. pypdf's
warnings (a repaired cross-reference table, say) stay in the worker, off the command line's stderr.
``read_pdf`` is the reading itself, in the calling process, for the worker and for tests.

Only PDFs that carry text: a scanned PDF (images of pages) has none, and OCR is out of scope.
Every failure is a one-line ``InputError`` saying what to do.
"""

from __future__ import annotations

import io
import json
import logging
import re
import subprocess
import sys
import warnings
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from geo.errors import InputError, one_line
from geo.settings import Settings

MAX_PDF_PAGES = 200
WORKER_MEMORY_BYTES = 1 << 30  # address space; the worker needs ~30 MB to start and pypdf's own stream limit is 75 MB
_IMPORT_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding the geo package
# The worker's program: this checkout's geo first on the path, the working directory ("") off it; then run_worker.
_WORKER = ("import sys; sys.path[:] = [sys.argv[1], *(p for p in sys.path if p)]; "
           "from geo.ingest.pdf import run_worker; run_worker(sys.argv[2])")
_SPACES_BEFORE_NEWLINE = re.compile(r"[ \t]+\n")
_SAVE_AS_TEXT = "save its text as a .txt file and try again"


class PdfText(NamedTuple):
    """A PDF's text (pages separated by blank lines), and its metadata's title and creation day, if set."""

    text: str
    title: str | None
    created: date | None


def pdf_text(data: bytes, name: str = "the PDF", *, settings: Settings | None = None) -> PdfText:
    """The text of every page and what the metadata says of the document (a creation day in the future
    is no day: a wrong clock), read in a worker process stopped past ``settings.pdf_seconds``."""
    if not data.startswith(b"%PDF"):
        raise InputError(f"{name} is not a PDF file (it does not start with %PDF).")
    settings = settings or Settings.from_env()
    if not sys.executable:  # an embedded interpreter with no Python to start: read here, unbounded
        return read_pdf(data, name, max_chars=settings.max_text_chars)
    options = json.dumps({"name": name, "max_chars": settings.max_text_chars})
    try:
        done = subprocess.run([sys.executable, "-c", _WORKER, _IMPORT_ROOT, options], input=data,
                              capture_output=True, timeout=settings.pdf_seconds, check=False)
    except subprocess.TimeoutExpired:  # run() has killed the worker
        raise InputError(
            f"{name} took more than {settings.pdf_seconds:g} s to read; it may be damaged or built to stall a "
            f"reader: {_SAVE_AS_TEXT} (or raise GEOBRIEF_PDF_SECONDS)."
        ) from None
    except OSError as exc:
        raise InputError(f"{name} was not read: the PDF reader process did not start ({exc}).") from exc
    return _from_worker(done, name)


def _from_worker(done: subprocess.CompletedProcess[bytes], name: str) -> PdfText:
    """The worker's answer: its PdfText, its one-line error, or what its exit says when it died."""
    try:
        payload: Any = json.loads(done.stdout)
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        said = [line for line in done.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        why = f": {said[-1].strip()[:200]}" if said else ""
        raise InputError(f"{name} stopped the PDF reader (exit code {done.returncode}{why}); {_SAVE_AS_TEXT}.")
    if "error" in payload:
        raise InputError(str(payload["error"]))
    created = payload.get("created")
    return PdfText(payload["text"], payload.get("title"), date.fromisoformat(created) if created else None)


def run_worker(options: str) -> None:
    """The worker's body: the PDF's bytes on stdin, one JSON object on stdout (the PdfText, or its error)."""
    logging.getLogger("pypdf").disabled = True  # its warnings would only fill the pipe nobody shows
    warnings.simplefilter("ignore")
    _cap_memory(WORKER_MEMORY_BYTES)
    settings = json.loads(options)
    name = str(settings["name"])
    try:
        pdf = read_pdf(sys.stdin.buffer.read(), name, max_chars=int(settings["max_chars"]))
        payload: dict[str, Any] = {"text": pdf.text, "title": pdf.title,
                                   "created": pdf.created.isoformat() if pdf.created else None}
    except InputError as exc:
        payload = {"error": one_line(exc)}
    except Exception as exc:  # noqa: BLE001 - whatever else a hostile file sets off is still the file's fault
        payload = {"error": _unreadable(name, exc)}
    sys.stdout.write(json.dumps(payload))


def _cap_memory(limit: int) -> None:
    """Lower this process's address space to ``limit`` bytes (past it, MemoryError), where the system allows."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def read_pdf(data: bytes, name: str = "the PDF", *, max_chars: int = 1_000_000) -> PdfText:
    """The PDF's text, read in this process with no time limit (``pdf_text`` runs this in a worker)."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    if not data.startswith(b"%PDF"):
        raise InputError(f"{name} is not a PDF file (it does not start with %PDF).")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{name} is encrypted: save an unprotected copy and try again.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise InputError(f"{name} has {len(reader.pages)} pages; the limit is {MAX_PDF_PAGES}.")
        pages = _page_texts(reader, name, max_chars)
        title, created = _title(reader), _created(reader)
    except InputError:
        raise
    except LimitReachedError as exc:
        raise InputError(f"{name} goes past pypdf's safety limits ({one_line(exc)}): it may be damaged or built "
                         f"to overwhelm a reader; {_SAVE_AS_TEXT}.") from exc
    except RecursionError:
        raise InputError(f"{name} nests its objects too deeply to read (a damaged or hostile PDF); "
                         f"{_SAVE_AS_TEXT}.") from None
    except MemoryError:
        raise InputError(f"{name} needs too much memory to read (a damaged or hostile PDF); {_SAVE_AS_TEXT}.") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise InputError(_unreadable(name, exc)) from exc
    text = "\n\n".join(_tidy(page) for page in pages if page.strip())
    if not text.strip():
        raise InputError(f"{name} has no text layer (a scanned PDF?): GeoBrief needs a PDF with text.")
    return PdfText(text, title, created)


def _page_texts(reader: Any, name: str, max_chars: int) -> list[str]:
    """Every page's text, stopping once there is more than ``max_chars`` of it."""
    pages: list[str] = []
    total = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        total += len(text)
        if total > max_chars:
            raise InputError(f"{name} holds more than {max_chars:,} characters of text, the limit for one "
                             "article: split it, or raise GEOBRIEF_MAX_TEXT_CHARS.")
        pages.append(text)
    return pages


def _unreadable(name: str, exc: BaseException) -> str:
    said = str(exc).strip().splitlines()
    because = f"{type(exc).__name__}: {said[0]}" if said else type(exc).__name__
    return f"{name} cannot be read as a PDF ({because}); {_SAVE_AS_TEXT}."


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
