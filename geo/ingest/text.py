"""From pasted or decoded text to a clean ``Article``.

What reaches the analysis is the article's own text: page boilerplate (comment
forms, share buttons, newsletter prompts) is dropped, image credits are set
aside in ``Article.credits``, and bad input fails early with a one-line
``InputError`` that says what to do.

Characters are put in one form first (``normalize_characters``): NFC, with the invisible
ones that split a name for the matcher but not for the eye removed ("Ale\u200dppo" is
Aleppo): zero-width characters, the soft hyphen and the bidirectional controls. The cleaned
text is the analysed text, so every offset in a Report indexes ``Article.text``.
"""

from __future__ import annotations

import codecs
import re
from datetime import date

from geo.characters import normalize_characters
from geo.errors import InputError
from geo.ingest.header import outlet_of
from geo.model import Article
from geo.settings import PROJECT_DIR, Settings

SAMPLE_ARTICLE_PATH = PROJECT_DIR / "assets" / "sample_article.txt"

# The invisible characters removed (geo.characters): the zero-width non-joiner (U+200C) among them belongs to
# Persian and some other Arabic-script spelling (it keeps two letters of a word from joining): removing it
# changes how such a word is drawn, not its letters, and the matcher reads it whole.


# Whole lines that belong to the page around an article, not to the article.
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        please\ enter\ your\ (?:comment|name|email|e-mail)(?:\ address)?(?:\ here)?[!.]?
      | you\ have\ entered\ an\ incorrect\ e-?mail\ address!?
      | save\ my\ name,\ email,?\ and\ website\ in\ this\ browser.*
      | (?:leave|post|add|write)\ a\ (?:reply|comment)[!.:]?
      | (?:\d+\ )?comments?:?
      | share\ (?:this(?:\ article|\ story)?|on\ \w+)[:!.]?
      | click\ to\ share\ on\ .*
      | (?:sign\ up\ for|subscribe\ to)\ (?:our|the)\ (?:newsletter|mailing\ list).*
      | (?:advertisement|sponsored\ content|related\ (?:articles|posts|stories)|read\ more|you\ may\ also\ like)[:.]?
      | (?:we\ use\ cookies|this\ (?:web)?site\ uses\ cookies).*
      | all\ rights\ reserved\.?
      | ©.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Lines that start the page's tail (comment section, related links): everything
# after one of them in the second half of the text is dropped.
_TAIL_START = re.compile(
    r"^\s*(?:leave\ a\ (?:reply|comment)|please\ enter\ your\ comment!?|related\ (?:articles|posts|stories)"
    r"|you\ may\ also\ like|more\ from\ \w+)[!.:]?\s*$",
    re.IGNORECASE | re.VERBOSE,
)

_CREDIT_LINE = re.compile(
    r"^\s*\(?\s*(?:(?:photo|image|picture|video|graphic)\s+)?(?:credits?|courtesy)\s*[:\-\u2013]\s*(?P<who>.+?)\s*\)?\s*$"
    r"|^\s*\(?\s*(?:photo|image|picture)\s*(?:by|:)\s*(?P<who2>.+?)\s*\)?\s*$",
    re.IGNORECASE,
)


def load_sample() -> str:
    """The bundled sample article (raw, as published, boilerplate included)."""
    return SAMPLE_ARTICLE_PATH.read_text(encoding="utf-8")


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Clean ``text`` and wrap it as an Article; raise InputError when it cannot be analysed."""
    settings = settings or Settings.from_env()
    if not isinstance(text, str):
        raise InputError(f"Expected article text as a string, got {type(text).__name__}.")
    if len(text) > settings.max_text_chars:
        raise InputError(
            f"The text is {len(text):,} characters long; the limit is {settings.max_text_chars:,} "
            "(split it into articles, or raise GEOBRIEF_MAX_TEXT_CHARS)."
        )
    if "\x00" in text:
        raise InputError("The text contains NUL characters: it looks like a binary file, not an article.")
    cleaned, credits = clean_text(text)
    if not cleaned.strip():
        raise InputError("The article is empty: paste or upload some text.")
    if sum(ch.isalpha() for ch in cleaned) < 3:
        raise InputError("The article has no words to analyse.")
    return Article(
        text=cleaned,
        title=normalize_characters(title) if title is not None else guess_title(cleaned),
        url=url,
        published=published,
        outlet=normalize_characters(outlet) if outlet else outlet_of(url),  # else a URL names its outlet
        credits=tuple(credits),
    )


def clean_text(text: str) -> tuple[str, list[str]]:
    """Normalise the characters, drop page boilerplate and pull out image credits; return (text, credits)."""
    text = normalize_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    half = len(text) // 2
    position = 0
    kept: list[str] = []
    credits: list[str] = []
    for line in lines:
        if position >= half and _TAIL_START.match(line):
            break
        position += len(line) + 1
        credit = _CREDIT_LINE.match(line)
        if credit:
            credits.append((credit.group("who") or credit.group("who2")).strip(" ()"))
            continue
        if _BOILERPLATE_LINE.match(line):
            continue
        kept.append(line.rstrip())
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned, credits


_WIKI_HEADING = re.compile(r"^(=+)\s*(.+?)\s*\1$")


def guess_title(text: str) -> str | None:
    """The first line when it reads as a headline: short, no final full stop, a blank line after."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first) > 200:
        return None
    if first[-1] in ".!?:;," or not rest.startswith("\n"):
        return None
    heading = _WIKI_HEADING.match(first)  # "= Title =", a saved wiki page's first heading
    return heading.group(2) if heading else first


def decode_bytes(data: bytes, name: str = "the file") -> str:
    """Decode text bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; refuse anything else."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name} claims to be UTF-16 but is not valid UTF-16 text.") from exc
    if b"\x00" in data[:8192]:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        raise InputError(f"{name} looks like a binary file, not text: upload a .txt, .md or .html article.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at position {exc.start}): "
            "save it as UTF-8 and try again."
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (mostly Latin script: every other byte is NUL), else None."""
    sample = data[: min(len(data), 8192) // 2 * 2]
    half = len(sample) // 2
    if half < 2 or len(data) % 2:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls >= half // 2 and even_nuls == 0:
        encoding = "utf-16-le"
    elif even_nuls >= half // 2 and odd_nuls == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text
