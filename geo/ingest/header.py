"""An article's identity written above its text: a YAML front-matter block, or a leading header of
lines ("Title / URL / date"), and the outlet named by a URL.

Saved articles often carry where they came from in their first lines::

    ---                                     https://www.example.org/news/strike-on-the-port
    title: Strike on the port               2024-05-01
    outlet: Example News
    date: 2024-05-01                        Strike on the port (a headline line is kept as the title)
    ---

:func:`split_header` reads either form and returns the fields and the text without them. A leading
block is taken for a header only when every one of its lines is a URL, a date, a known ``Key: value``
or (at most one) headline, and at least one is a URL or a date: a text that starts with its headline
and a paragraph keeps both. A header date in the future is an ``InputError``. The outlet of a URL is
its registered domain (``tld``, with the Public Suffix List it bundles: ``news.bbc.co.uk`` is
``bbc.co.uk``), read offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from geo.errors import InputError

MAX_HEADER_LINES = 8
_URL = re.compile(r"^<?(https?://[^\s<>\"]+)>?$", re.IGNORECASE)
_KEY_VALUE = re.compile(r"^([A-Za-z][A-Za-z _-]{1,20}):\s*(.+)$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
# The names a header or a front-matter block gives each field (lower case).
FIELD_NAMES: dict[str, frozenset[str]] = {
    "title": frozenset({"title", "headline"}),
    "url": frozenset({"url", "link", "source url", "source_url", "canonical"}),
    "published": frozenset({"date", "published", "pubdate", "publication date", "published_at", "dated"}),
    "outlet": frozenset({"outlet", "source", "publisher", "site", "site_name", "sitename", "site name"}),
    "language": frozenset({"language", "lang"}),
}
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")  # a date, or a timestamp
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y")


@dataclass(frozen=True)
class ArticleHeader:
    """What a header said; ``None`` where it said nothing."""

    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    language: str | None = None


NO_HEADER = ArticleHeader()


def parse_header_date(value: object, today: date | None = None) -> date | None:
    """A header's date (ISO, "July 9, 2023", "9 July 2023"...), ``None`` when it is none of them;
    an InputError when it is in the future."""
    found: date | None = None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    else:
        text = " ".join(str(value).replace("Sept.", "Sep.").split())
        iso = _ISO_DATE.match(text)
        formats = ("%Y-%m-%d",) if iso else _DATE_FORMATS
        for fmt in formats:
            try:
                found = datetime.strptime(iso.group(1) if iso else text, fmt).date()
                break
            except ValueError:
                continue
    today = today or datetime.now(timezone.utc).date()
    if found is not None and found > today:
        raise InputError(f"The article's date {found.isoformat()} is in the future: correct the date line.")
    return found


def _field(key: str) -> str | None:
    key = key.strip().lower()
    return next((name for name, names in FIELD_NAMES.items() if key in names), None)


def _from_mapping(values: dict[str, object]) -> ArticleHeader:
    fields: dict[str, object] = {}
    for key, value in values.items():
        name = _field(str(key))
        if name is None or value is None or name in fields:
            continue
        if name == "published":
            fields[name] = parse_header_date(value)
        else:
            text = " ".join(str(value).split())
            if name == "url":
                match = _URL.match(text)
                text = match.group(1) if match else ""
            if text:
                fields[name] = text[:300]
    return ArticleHeader(**fields)  # type: ignore[arg-type]


def _front_matter(text: str) -> tuple[ArticleHeader, str] | None:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    import yaml

    try:
        values = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(f"The front matter at the top of the article cannot be read{where}.") from exc
    if not isinstance(values, dict):
        raise InputError("The front matter at the top of the article is not a list of 'key: value' lines.")
    return _from_mapping(values), text[match.end():]


def _header_lines(text: str) -> tuple[ArticleHeader, str] | None:
    block, blank, rest = text.lstrip("\n").partition("\n\n")
    lines = [line.strip() for line in block.split("\n")]
    if not blank or not rest.strip() or len(lines) > MAX_HEADER_LINES:
        return None
    values: dict[str, object] = {}  # by field name
    titles: list[str] = []
    for line in lines:
        url, pair = _URL.match(line), _KEY_VALUE.match(line)
        if url:
            values.setdefault("url", url.group(1))
        elif pair and (name := _field(pair.group(1))):
            values.setdefault(name, pair.group(2))
        elif (day := parse_header_date(line)) is not None:
            values.setdefault("published", day)
        elif line and len(line) <= 200 and line[-1] not in ".!?;,":
            titles.append(line)
        else:
            return None
    if len(titles) > 1 or not {"url", "published"} & values.keys():
        return None
    if titles:
        values.setdefault("title", titles[0])
    return _from_mapping(values), rest


def split_header(text: str) -> tuple[ArticleHeader, str]:
    """The header at the top of ``text`` (front matter, else header lines) and the text after it;
    ``(NO_HEADER, text)`` when it has none."""
    found = _front_matter(text) or _header_lines(text)
    return found if found is not None else (NO_HEADER, text)


def outlet_of(url: str | None) -> str | None:
    """The registered domain of ``url`` ("bbc.co.uk" for news.bbc.co.uk), ``None`` when it has none."""
    if not url:
        return None
    from tld import get_fld

    try:
        return str(get_fld(url, fail_silently=True) or "") or None
    except Exception:  # noqa: BLE001 - a malformed URL names no outlet
        return None
