"""Fetching articles and feeds over HTTP(S), carefully.

    fetched = fetch_url("https://example.org/news/1", FetchPolicy())
    read_url("https://example.org/feed.xml")   # -> [FeedEntry(...), ...] for a feed, [Article] for a page

Only http and https, also where a redirect leads; one deadline (``FetchPolicy.timeout``) over the
whole fetch: connecting, the headers, the body and every redirect hop; a cap on the bytes read (a
larger page fails instead of filling memory); a few redirects at most. Each hop's host is resolved
once, every address checked (``geo.ingest.addresses``: private, loopback, link-local, reserved and
such addresses wrapped in IPv6 are refused unless ``FetchPolicy.allow_private`` is set, as tests do
to serve pages from 127.0.0.1), and the connection goes to a checked address, never to a second DNS
answer (``geo.ingest.connection``). Page text, title, date and outlet come from trafilatura
(``geo.ingest.webpage.article_from_html``); RSS and Atom feeds are read with feedparser and give their
entries' links, each fetched as a page: the first ``DEFAULT_MAX_FEED_ENTRIES`` of them unless told
otherwise, and the feed is parsed no further than that.

Errors are FetchError (or InputError for a URL that is not one), each one line.
"""

from __future__ import annotations

import http.client
import logging
import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from ipaddress import ip_address
from typing import Any
from urllib.parse import SplitResult, quote, urljoin, urlsplit

from geo.errors import FetchError, GeoError, InputError
from geo.ingest.addresses import not_public
from geo.ingest.connection import Connector, Deadline, pinned_connection
from geo.ingest.pdf import pdf_text
from geo.ingest.text import article_from_text, decode_bytes
from geo.ingest.webpage import article_from_html
from geo.model import Article
from geo.settings import Settings

DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_FEED_ENTRIES = 500
MAX_REDIRECTS = 5
USER_AGENT = "GeoBrief/0.1 (news-to-map analysis; one request per article)"
_REDIRECT_CODES = (301, 302, 303, 307, 308)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_XML_TYPES = ("application/xml", "text/xml")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)  # RSS items, Atom entries
_ENTRY_START = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]", re.IGNORECASE)
_CHUNK_BYTES = 64 * 1024
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"  # kept in a request target; the rest (non-ASCII, quotes, braces) percent-encoded
_NOT_ARTICLES = ("image/", "audio/", "video/", "font/", "application/octet-stream", "application/zip",
                 "application/gzip", "application/x-", "application/vnd.", "application/msword")
_LOG = logging.getLogger(__name__)

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
    """Every IP address ``host`` resolves to, in the order the system prefers them."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"Cannot resolve {host}: {exc}; check the address or your connection.") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_url(url: str, policy: FetchPolicy, resolver: Resolver = resolve_host) -> list[str]:
    """The addresses to connect to for ``url``: its host resolved once (an IP address as it is), each
    address checked. InputError for a URL that is not http(s), FetchError for a refused (private) host."""
    parsed = _parsed(url)
    host = parsed.hostname or ""
    try:
        addresses = [str(ip_address(host))]
    except ValueError:
        addresses = resolver(host)
    if not addresses:
        raise FetchError(f"Cannot resolve {host}: it has no address; check the URL.")
    if policy.allow_private:
        return addresses
    for address in addresses:
        try:
            refused = not_public(address.split("%")[0])
        except ValueError as exc:
            raise FetchError(f"Cannot fetch {_shown(url)}: {host} resolved to {address!r}, not an address.") from exc
        if refused:
            raise FetchError(
                f"Refused to fetch {_shown(url)}: {host} is a private or local address ({refused}); "
                "use --allow-private to fetch from your own network."
            )
    return addresses


def _parsed(url: str) -> SplitResult:
    """``url`` split, InputError unless it is a well-formed http(s) URL with a host."""
    shown = _shown(url)
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise InputError(f"The URL contains spaces or control characters: {shown}")
    try:
        parsed = urlsplit(url)
        parsed.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError as exc:
        raise InputError(f"Malformed URL ({exc}): {shown}") from exc
    if parsed.scheme not in ("http", "https"):
        raise InputError(f"Only http and https URLs can be fetched, not {parsed.scheme or 'no scheme'}: {shown}")
    if not parsed.hostname:
        raise InputError(f"The URL has no host: {shown}")
    return parsed


def fetch_url(
    url: str,
    policy: FetchPolicy | None = None,
    *,
    resolver: Resolver = resolve_host,
    connector: Connector = socket.create_connection,
    tls: ssl.SSLContext | None = None,
) -> Fetched:
    """GET ``url`` within the policy's limits; FetchError when it cannot be had.

    Every hop (the URL, then each redirect target) is checked by ``check_url`` and connected to at the
    addresses it returned; ``connector`` opens the sockets (``socket.create_connection``) and ``tls``
    checks certificates (the system's trust store by default): both there for tests.
    """
    policy = policy or FetchPolicy()
    current = url
    with Deadline(policy.timeout) as deadline:
        for _ in range(MAX_REDIRECTS + 1):
            addresses = check_url(current, policy, resolver)
            if deadline.expired:
                raise FetchError(_timed_out(url, policy))
            fetched, location = _get(current, addresses, policy, deadline, connector, tls)
            if fetched is not None:
                return fetched
            current = _redirect_target(url, current, location or "")
    raise FetchError(f"{url} redirects too often (a loop, or more than {MAX_REDIRECTS} redirects); it was not read.")


def _get(
    url: str, addresses: list[str], policy: FetchPolicy, deadline: Deadline, connector: Connector,
    tls: ssl.SSLContext | None,
) -> tuple[Fetched | None, str | None]:
    """One GET: the Fetched resource, or (None, the Location) for a redirect."""
    parsed = urlsplit(url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    connection = pinned_connection(parsed.scheme, parsed.hostname or "", port, addresses, deadline,
                                   connector=connector, tls=tls)
    try:
        target = quote(parsed.path or "/", safe=_URL_SAFE) + (f"?{quote(parsed.query, safe=_URL_SAFE)}"
                                                               if parsed.query else "")
        connection.request("GET", target, headers={"User-Agent": policy.user_agent, "Accept": "*/*",
                                                   "Connection": "close"})
        response = connection.getresponse()
        location = response.getheader("Location")
        if response.status in _REDIRECT_CODES and location:
            return None, location
        if not 200 <= response.status < 300:
            status = f"{response.status} {response.reason[:100]}".strip()
            raise FetchError(f"{url} answered HTTP {status}.")
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > policy.max_bytes:
            raise FetchError(_too_large(url, policy))
        body = _read_capped(response, url, policy)
        if deadline.expired:  # the watchdog may have cut the body short
            raise FetchError(_timed_out(url, policy))
        return Fetched(url=url, content_type=response.headers.get_content_type().lower(), body=body), None
    except GeoError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if deadline.expired or isinstance(exc, TimeoutError):
            raise FetchError(_timed_out(url, policy)) from exc
        reason = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise FetchError(f"Cannot fetch {url}: {reason}.") from exc
    finally:
        connection.close()


def _redirect_target(url: str, current: str, location: str) -> str:
    """Where a redirect from ``current`` leads; FetchError when it leaves http(s)."""
    target = urljoin(current, location.strip())
    scheme = target.split(":", 1)[0].lower() if ":" in target else ""
    if scheme not in ("http", "https"):
        form = f"{scheme}://" if target[len(scheme) + 1:].startswith("//") else f"{scheme}:"
        raise FetchError(f"{url} redirects to a {_shown(form, 20)} address; only http and https are fetched.")
    return target


def _read_capped(response: Any, url: str, policy: FetchPolicy) -> bytes:
    """The body, refused when it grows past ``max_bytes`` (the deadline's watchdog bounds its time)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK_BYTES):
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(_too_large(url, policy))
        chunks.append(chunk)
    return b"".join(chunks)


def looks_like_feed(fetched: Fetched) -> bool:
    """Whether a fetched resource is an RSS or Atom feed (by its content type, else its first bytes)."""
    if fetched.content_type in _FEED_TYPES:
        return True
    head = fetched.body[:2048].lstrip().lower()
    if fetched.content_type in _XML_TYPES or head.startswith(b"<?xml"):
        return any(root in head for root in _FEED_ROOTS)
    return False


def feed_entries(fetched: Fetched, max_entries: int = DEFAULT_MAX_FEED_ENTRIES) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed that link to a page: of the feed's first ``max_entries``
    entries. A longer feed is parsed no further than that and a warning says so (one line, logged)."""
    import feedparser

    if max_entries < 1:
        raise InputError(f"At least one entry of a feed must be read, not {max_entries}; use --max-entries 1 or more.")
    body, cut = _first_entries(fetched.body, max_entries)
    parsed = feedparser.parse(body, response_headers={"content-location": fetched.url})
    if parsed.get("bozo") and not parsed.entries:
        raise InputError(f"{fetched.url} is not a readable RSS or Atom feed ({parsed.get('bozo_exception')}).")
    if cut or len(parsed.entries) > max_entries:
        _LOG.warning("%s lists more than %d entries; only the first %d are read (raise the limit with --max-entries).",
                     fetched.url, max_entries, max_entries)
    entries = []
    for entry in parsed.entries[:max_entries]:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        entries.append(FeedEntry(url=urljoin(fetched.url, link), title=entry.get("title"), published=published))
    return entries


def _first_entries(body: bytes, count: int) -> tuple[bytes, bool]:
    """The feed cut after its ``count``-th item or entry when more follow (feedparser reads the rest of a
    cut document leniently), and whether it was cut. A feed it cannot scan (UTF-16, say) is left whole."""
    for seen, end in enumerate(_ENTRY_END.finditer(body), 1):
        if seen == count:
            more = _ENTRY_START.search(body, end.end()) is not None
            return (body[:end.end()], True) if more else (body, False)
    return body, False


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
    max_entries: int | None = None,
    resolver: Resolver = resolve_host,
) -> list[Article | FeedEntry]:
    """A page gives its Article; a feed (when ``follow_feeds``) gives its entries, to be read in turn:
    the first ``max_entries`` (``DEFAULT_MAX_FEED_ENTRIES`` when None)."""
    fetched = fetch_url(url, policy, resolver=resolver)
    if looks_like_feed(fetched):
        if not follow_feeds:
            raise InputError(f"{url} is a feed inside a feed; only one level of feeds is followed.")
        return list(feed_entries(fetched, DEFAULT_MAX_FEED_ENTRIES if max_entries is None else max_entries))
    return [article_from_fetched(fetched, published=published, settings=settings)]


def _shown(url: str, limit: int = 200) -> str:
    """The URL as an error message shows it: printable, on one line, not too long."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in url)
    return printable if len(printable) <= limit else printable[:limit] + "…"


def _timed_out(url: str, policy: FetchPolicy) -> str:
    return f"Fetching {url} timed out: it took longer than {policy.timeout:g} s in all; try again later."


def _too_large(url: str, policy: FetchPolicy) -> str:
    return f"{url} is larger than the {policy.max_bytes / 1e6:.1f} MB limit for one page; it was not read."
