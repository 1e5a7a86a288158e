"""Fetching articles and feeds over HTTP(S), carefully.

    fetched = fetch_url("https://example.org/news/1", FetchPolicy())
    read_url("https://example.org/feed.xml")   # -> [FeedEntry(...), ...] for a feed, [Article] for a page

Only http and https; a timeout on every request; a cap on the bytes read (a larger page fails
instead of filling memory); redirects are followed a few times, each target checked again.
Hosts that resolve to private, loopback, link-local or otherwise reserved addresses are refused
unless ``FetchPolicy.allow_private`` is set (tests serve pages from 127.0.0.1 that way). Page
text, title, date and outlet come from trafilatura (``geo.ingest.webpage.article_from_html``); RSS and
Atom feeds are read with feedparser and give their entries' links, each fetched as a page.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlparse

from geo.errors import FetchError, GeoError, InputError
from geo.ingest.pdf import pdf_text
from geo.ingest.text import article_from_text, decode_bytes
from geo.ingest.webpage import article_from_html
from geo.model import Article
from geo.settings import Settings

DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "GeoBrief/0.1 (news-to-map analysis; one request per article)"
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_XML_TYPES = ("application/xml", "text/xml")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_CHUNK_BYTES = 64 * 1024
_NOT_ARTICLES = ("image/", "audio/", "video/", "font/", "application/octet-stream", "application/zip",
                 "application/gzip", "application/x-", "application/vnd.", "application/msword")

Resolver = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How fetching behaves; ``allow_private`` lets tests and intranets reach local addresses."""

    timeout: float = DEFAULT_TIMEOUT_S
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched resource: the final URL (after redirects), its content type and body."""

    url: str
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """A link found in a feed, to be fetched as a page; ``published`` from the feed when it says."""

    url: str
    title: str | None = None
    published: date | None = None


def resolve_host(host: str) -> list[str]:
    """Every IP address ``host`` resolves to."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"Cannot resolve {host}: {exc}; check the address or your connection.") from exc
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, policy: FetchPolicy, resolver: Resolver = resolve_host) -> None:
    """Raise InputError for a non-HTTP(S) URL, FetchError for a refused (private) host."""
    shown = _shown(url)
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise InputError(f"The URL contains spaces or control characters: {shown}")
    try:
        parsed = urlparse(url)
        parsed.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError as exc:
        raise InputError(f"Malformed URL ({exc}): {shown}") from exc
    if parsed.scheme not in ("http", "https"):
        raise InputError(f"Only http and https URLs can be fetched, not {parsed.scheme or 'no scheme'}: {shown}")
    if not parsed.hostname:
        raise InputError(f"The URL has no host: {shown}")
    if policy.allow_private:
        return
    for address in resolver(parsed.hostname):
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(
                f"Refused to fetch {url}: {parsed.hostname} is a private or local address ({ip}); "
                "use --allow-private to fetch from your own network."
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects, checking every target against the policy."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, policy: FetchPolicy, resolver: Resolver) -> None:
        super().__init__()
        self._policy = policy
        self._resolver = resolver

    def redirect_request(  # type: ignore[override]
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Message, newurl: str
    ) -> urllib.request.Request | None:
        check_url(urljoin(req.full_url, newurl), self._policy, self._resolver)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, policy: FetchPolicy | None = None, *, resolver: Resolver = resolve_host) -> Fetched:
    """GET ``url`` within the policy's limits; FetchError when it cannot be had."""
    policy = policy or FetchPolicy()
    check_url(url, policy, resolver)
    opener = urllib.request.build_opener(_CheckedRedirects(policy, resolver))
    request = urllib.request.Request(url, headers={"User-Agent": policy.user_agent, "Accept": "*/*"})
    deadline = time.monotonic() + policy.timeout
    try:
        with opener.open(request, timeout=policy.timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                raise FetchError(_too_large(url, policy))
            body = _read_capped(response, url, policy, deadline)
            content_type = response.headers.get_content_type() or ""
            return Fetched(url=response.geturl(), content_type=content_type.lower(), body=body)
    except GeoError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise FetchError(f"{url} redirects too often (a loop, or more than {MAX_REDIRECTS} redirects); "
                             "it was not read.") from exc
        raise FetchError(f"{url} answered HTTP {exc.code} {exc.reason}.") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (FetchError, InputError)):
            raise exc.reason from exc
        raise FetchError(f"Cannot fetch {url}: {exc.reason}.") from exc
    except TimeoutError as exc:
        raise FetchError(f"Fetching {url} timed out after {policy.timeout:g} s.") from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FetchError(f"Cannot fetch {url}: {reason}.") from exc


def _read_capped(response: Any, url: str, policy: FetchPolicy, deadline: float) -> bytes:
    """The body, refused when it grows past ``max_bytes`` or takes longer than ``timeout`` in all."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK_BYTES):  # what has arrived: a slow drip meets the deadline too
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(_too_large(url, policy))
        if time.monotonic() > deadline:
            raise FetchError(f"Fetching {url} took longer than {policy.timeout:g} s; it was not read.")
        chunks.append(chunk)
    return b"".join(chunks)


def looks_like_feed(fetched: Fetched) -> bool:
    if fetched.content_type in _FEED_TYPES:
        return True
    head = fetched.body[:2048].lstrip().lower()
    if fetched.content_type in _XML_TYPES or head.startswith(b"<?xml"):
        return any(root in head for root in _FEED_ROOTS)
    return False


def feed_entries(fetched: Fetched) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed that link to a page."""
    import feedparser

    parsed = feedparser.parse(fetched.body, response_headers={"content-location": fetched.url})
    if parsed.get("bozo") and not parsed.entries:
        raise InputError(f"{fetched.url} is not a readable RSS or Atom feed ({parsed.get('bozo_exception')}).")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        entries.append(FeedEntry(url=urljoin(fetched.url, link), title=entry.get("title"), published=published))
    return entries


def article_from_fetched(
    fetched: Fetched, *, published: date | None = None, settings: Settings | None = None
) -> Article:
    """The article of a fetched page (HTML through trafilatura; plain text as it is)."""
    if fetched.content_type == "text/plain":
        article = article_from_text(decode_bytes(fetched.body, fetched.url), url=fetched.url, published=published,
                                    settings=settings)
        return article
    if fetched.content_type == "application/pdf" or fetched.body.startswith(b"%PDF-"):
        pdf = pdf_text(fetched.body, fetched.url)
        return article_from_text(pdf.text, title=pdf.title, url=fetched.url, published=published or pdf.created,
                                 settings=settings)
    if fetched.content_type.startswith(_NOT_ARTICLES):
        raise InputError(f"{fetched.url} is {fetched.content_type}, not an article page (HTML, text or PDF).")
    return article_from_html(fetched.body, name=fetched.url, url=fetched.url, published=published, settings=settings)


def read_url(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    settings: Settings | None = None,
    published: date | None = None,
    follow_feeds: bool = True,
    resolver: Resolver = resolve_host,
) -> list[Article | FeedEntry]:
    """A page gives its Article; a feed (when ``follow_feeds``) gives its entries, to be read in turn."""
    fetched = fetch_url(url, policy, resolver=resolver)
    if looks_like_feed(fetched):
        if not follow_feeds:
            raise InputError(f"{url} is a feed inside a feed; only one level of feeds is followed.")
        return list(feed_entries(fetched))
    return [article_from_fetched(fetched, published=published, settings=settings)]


def _shown(url: str, limit: int = 200) -> str:
    """The URL as an error message shows it: printable, on one line, not too long."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in url)
    return printable if len(printable) <= limit else printable[:limit] + "…"


def _too_large(url: str, policy: FetchPolicy) -> str:
    return f"{url} is larger than the {policy.max_bytes / 1e6:.1f} MB limit for one page; it was not read."
