"""Web pages to articles: the main text, title, date and outlet, via trafilatura.

trafilatura is made for this (main-content extraction, boilerplate and comment
removal, metadata); GeoBrief only maps its result onto an ``Article``.
"""

from __future__ import annotations

import re
from datetime import date

from geo.errors import InputError
from geo.ingest.text import article_from_text, decode_bytes
from geo.model import Article
from geo.settings import Settings

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.IGNORECASE)


def decode_html(data: bytes, name: str) -> str:
    """Decode HTML bytes using its declared charset when it is not UTF-8."""
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        charset = declared.group(1).decode("ascii", "replace").lower()
        if charset not in {"utf-8", "utf8"}:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError) as exc:
                raise InputError(f"{name} declares charset {charset!r} but cannot be decoded with it.") from exc
    return decode_bytes(data, name)


def article_from_html(
    data: bytes | str,
    *,
    name: str = "the page",
    url: str | None = None,
    published: date | None = None,
    settings: Settings | None = None,
) -> Article:
    """The article inside an HTML page; InputError when no article text is found."""
    import trafilatura

    html = data if isinstance(data, str) else decode_html(data, name)
    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=True,
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError(f"No article text found in {name}.")
    page_date = _parse_date(getattr(result, "date", None))
    return article_from_text(
        text,
        title=getattr(result, "title", None) or None,
        url=url or getattr(result, "url", None) or None,
        published=published or page_date,
        outlet=getattr(result, "sitename", None) or None,
        settings=settings,
    )


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
