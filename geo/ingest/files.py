"""Files and uploads (.txt, .md, .html, .pdf) to an ``Article``, by their extension.

HTML goes through ``geo.ingest.webpage`` (trafilatura), PDF through ``geo.ingest.pdf`` (pypdf),
Markdown is turned into plain prose here; a text file's header (front matter, or "Title / URL / date"
lines: ``geo.ingest.header``) names the article, else its first line or its file name; every text then
becomes an Article through ``geo.ingest.text.article_from_text``. Bad input fails with a one-line ``InputError``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from geo.errors import InputError
from geo.ingest.header import split_header
from geo.ingest.pdf import pdf_text
from geo.ingest.text import article_from_text, decode_bytes
from geo.ingest.webpage import article_from_html
from geo.model import Article
from geo.settings import Settings

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
MAX_FILE_BYTES = 10 * 1024 * 1024


def article_from_upload(
    filename: str, data: bytes, *, published: date | None = None, settings: Settings | None = None
) -> Article:
    """An uploaded or read file (.txt, .md, .html, .pdf) as an Article."""
    name = Path(filename).name or "the file"
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "no extension"
        raise InputError(f"Unsupported file type ({shown}) for {name}: use .txt, .md, .html or .pdf.")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name} is {len(data) / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB.")
    if not data.strip():
        raise InputError(f"{name} is empty.")
    if suffix in HTML_SUFFIXES:
        return article_from_html(data, name=name, published=published, settings=settings)
    if suffix in PDF_SUFFIXES:
        pdf = pdf_text(data, name)
        return article_from_text(pdf.text, title=pdf.title or title_from_name(name), published=published or pdf.created,
                                 settings=settings)
    header, text = split_header(decode_bytes(data, name))  # "Title / URL / date" lines or front matter
    title = header.title
    if suffix in MARKDOWN_SUFFIXES:
        text, heading = markdown_to_text(text)
        title = title or heading
    article = article_from_text(text, title=title, url=header.url, published=published or header.published,
                                outlet=header.outlet, settings=settings)
    return article if article.title else replace(article, title=title_from_name(name))


def title_from_name(name: str) -> str | None:
    """A title from a file's name, when nothing better names the article: "19_kherson-shelling.txt" is
    "19 kherson shelling"."""
    words = re.sub(r"[_\s-]+", " ", Path(name).stem).strip()
    return words[:200] or None


def read_path(path: str | Path, *, published: date | None = None, settings: Settings | None = None) -> Article:
    """Read an article file from disk."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"No such file: {p}")
    if p.is_dir():
        raise InputError(f"{p} is a folder; give one article file (.txt, .md, .html or .pdf).")
    if p.suffix.lower() not in SUPPORTED_SUFFIXES:
        shown = p.suffix.lower() or "no extension"
        raise InputError(f"Unsupported file type ({shown}) for {p.name}: use .txt, .md, .html or .pdf.")
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{p.name} is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB.")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {p}: {exc.strerror or exc}") from exc
    return article_from_upload(p.name, data, published=published, settings=settings)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE_OR_BULLET = re.compile(r"^[ \t]{0,3}(?:>[ \t]?|[-*+][ \t]+)", re.MULTILINE)


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Markdown to plain prose; the first heading, if any, is the title."""
    heading = _MD_HEADING.search(markdown)
    title = heading.group(1).strip() if heading else None
    text = _MD_IMAGE.sub(lambda m: m.group(1), markdown)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_HEADING.sub(lambda m: m.group(1), text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2), text)
    text = _MD_QUOTE_OR_BULLET.sub("", text)
    return text, title
