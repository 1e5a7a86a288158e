"""Hostile PDFs, written as raw PDF bytes (never downloaded), for the tests and ``geo.bench.hostile``: a
content stream that inflates to megabytes of spaces shared by many pages, a decompression bomb, deeply
nested arrays, and a PDF whose ``startxref`` points at the wrong byte (pypdf warns and recovers)."""

from __future__ import annotations

import zlib

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
         b"/Contents 4 0 R >>")  # every page draws the content stream, object 4
STORY = b"Shelling hit Kharkiv on Tuesday, the governor said."


def raw_pdf(objects: list[bytes], *, startxref_shift: int = 0) -> bytes:
    """A PDF of ``objects`` (numbered from 1; object 1 is the catalog) with a correct cross-reference
    table, unless ``startxref_shift`` moves the offset its trailer gives."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1,
                                                                             xref + startxref_shift)
    return bytes(out)


def _stream(data: bytes, *, compressed: bool = False) -> bytes:
    if compressed:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def pages_pdf(content: bytes, pages: int = 1, *, compressed: bool = False, startxref_shift: int = 0) -> bytes:
    """``pages`` pages that all draw the same content stream (object 4)."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        _FONT,
        _stream(content, compressed=compressed),
    ]
    objects += [_PAGE] * pages
    return raw_pdf(objects, startxref_shift=startxref_shift)


def text_content(text: bytes = STORY) -> bytes:
    return b"BT /F1 11 Tf 72 740 Td (" + text + b") Tj ET"


def spaces_pdf(pages: int, megabytes: int) -> bytes:
    """``pages`` pages sharing one small compressed stream of ``megabytes`` MB of spaces around a line of
    text: little to download, slow to parse page after page."""
    padding = b" " * (megabytes * 1_000_000)
    return pages_pdf(text_content() + padding, pages, compressed=True)


def bomb_pdf(megabytes: int = 1000) -> bytes:
    """One page whose content stream inflates to ``megabytes`` MB of zeros (about 1 MB compressed per GB)."""
    compressor = zlib.compressobj(9)
    chunk = b"\x00" * 1_000_000
    data = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        _FONT,
        body,
        _PAGE,
    ]
    return raw_pdf(objects)


def nested_arrays_pdf(depth: int = 100_000) -> bytes:
    """One page whose content stream holds ``depth`` nested arrays: ``[[[[...]]]]``."""
    return pages_pdf(text_content() + b" " + b"[" * depth + b"]" * depth, 1)


def nested_object_pdf(depth: int = 100_000) -> bytes:
    """A catalog entry holding ``depth`` nested arrays (the reader meets them, not the text extraction)."""
    nested = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Junk " + nested + b" >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        _FONT,
        _stream(text_content()),
        _PAGE,
    ]
    return raw_pdf(objects)


def misplaced_xref_pdf() -> bytes:
    """A readable one-page PDF whose ``startxref`` is off by a few bytes: pypdf logs a warning and recovers."""
    return pages_pdf(text_content(), 1, startxref_shift=-7)
