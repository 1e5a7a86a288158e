"""Fetching pages and feeds, against a local HTTP server on 127.0.0.1 only."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from geo.corpus.ingest import ingest_sources, read_articles
from geo.corpus.store import Store
from geo.errors import FetchError, InputError
from geo.ingest.fetch import FeedEntry, FetchPolicy, check_url, fetch_url, read_url
from geo.model import Article
from tests.corpus_helpers import fake_report, run_geo

LOCAL = FetchPolicy(allow_private=True, timeout=10)


def article_page(title: str, outlet: str, sentence: str) -> bytes:
    filler = " ".join(
        f"Paragraph {i} adds background on the regional conflict and the people affected by it." for i in range(4)
    )
    return (
        f'<html><head><title>{title}</title><meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="2024-05-02"></head><body><article><h1>{title}</h1>'
        f"<p>{sentence}</p><p>{filler}</p></article></body></html>"
    ).encode()


RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local news</title><link>http://local/</link>
<item><title>One</title><link>/news/1</link><pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>/news/2</link></item>
<item><title>Missing</title><link>/news/404</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:x</id><updated>2024-05-02T00:00:00Z</updated>
<entry><title>Three</title><id>urn:3</id><link href="/news/3"/><updated>2024-05-03T00:00:00Z</updated></entry>
</feed>"""

ROUTES: dict[str, tuple[str, bytes]] = {
    "/news/1": ("text/html; charset=utf-8", article_page("Shelling in Kharkiv", "Kyiv Desk", "Shelling hit Kharkiv on Wednesday, killing two people, the governor said.")),
    "/news/2": ("text/html; charset=utf-8", article_page("Strike on Odesa port", "Harbour Post", "A missile strike hit the port of Odesa on Wednesday, the navy said.")),
    "/news/3": ("text/html; charset=utf-8", article_page("Drone attack on Sumy", "North Watch", "Drones attacked Sumy overnight, the regional administration said.")),
    "/plain": ("text/plain; charset=utf-8", b"Shelling hit Kherson on Monday, officials said.\n"),
    "/feed.xml": ("application/rss+xml", RSS),
    "/atom": ("application/xml", ATOM),
    "/big": ("text/html", b"<html><body>" + b"x" * 50_000 + b"</body></html>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.startswith("/redirect-to/"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/redirect-to"))
            self.end_headers()
            return
        if self.path == "/redirect-private":
            port = self.server.server_address[1]
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{port}/news/1")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(2)
        content_type, body = ROUTES.get(self.path, ("text/plain", b""))
        if self.path not in ROUTES and self.path != "/slow":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "example.org/news", "http:///path"])
def test_only_http_urls(url: str) -> None:
    with pytest.raises(InputError):
        check_url(url, FetchPolicy())


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "fc00::1"])
def test_private_addresses_are_refused_by_default(address: str) -> None:
    with pytest.raises(FetchError, match="private or local"):
        check_url("http://news.example/a", FetchPolicy(), resolver=lambda host: [address])
    check_url("http://news.example/a", FetchPolicy(allow_private=True), resolver=lambda host: [address])


def test_public_addresses_pass() -> None:
    check_url("https://news.example/a", FetchPolicy(), resolver=lambda host: ["93.184.216.34"])


def test_loopback_server_is_refused_without_the_setting(server: str) -> None:
    with pytest.raises(FetchError, match="--allow-private"):
        fetch_url(f"{server}/news/1")


def test_a_redirect_to_a_private_address_is_refused(server: str) -> None:
    # "localhost" is presented as a public host; the redirect target (127.0.0.1) is checked again.
    port = server.rsplit(":", 1)[1]
    resolver = lambda host: ["93.184.216.34"] if host == "localhost" else [host]  # noqa: E731
    with pytest.raises(FetchError, match="private or local"):
        fetch_url(f"http://localhost:{port}/redirect-private", FetchPolicy(), resolver=resolver)


def test_page_to_article(server: str) -> None:
    (article,) = read_url(f"{server}/redirect-to/news/1", policy=LOCAL)
    assert isinstance(article, Article)
    assert article.title == "Shelling in Kharkiv" and article.outlet == "Kyiv Desk"
    assert article.published == date(2024, 5, 2) and "Shelling hit Kharkiv" in article.text
    assert article.url == f"{server}/news/1"  # the final URL, after the redirect


def test_plain_text_page(server: str) -> None:
    (article,) = read_url(f"{server}/plain", policy=LOCAL)
    assert isinstance(article, Article) and article.text.startswith("Shelling hit Kherson")


def test_limits_and_errors(server: str) -> None:
    with pytest.raises(FetchError, match="limit"):
        fetch_url(f"{server}/big", FetchPolicy(allow_private=True, max_bytes=10_000))
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(f"{server}/news/404", LOCAL)
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(f"{server}/slow", FetchPolicy(allow_private=True, timeout=0.3))


def test_feeds_give_their_entries(server: str) -> None:
    entries = read_url(f"{server}/feed.xml", policy=LOCAL)
    assert [e.url for e in entries if isinstance(e, FeedEntry)] == [
        f"{server}/news/1", f"{server}/news/2", f"{server}/news/404",
    ]
    assert isinstance(entries[0], FeedEntry) and entries[0].published == date(2024, 5, 2)
    (atom_entry,) = read_url(f"{server}/atom", policy=LOCAL)
    assert isinstance(atom_entry, FeedEntry) and atom_entry.url == f"{server}/news/3"


def test_ingesting_feeds_follows_every_entry(server: str, tmp_path: Path) -> None:
    def reader(item: object) -> list[object]:
        return read_articles(item, allow_private=True)  # type: ignore[arg-type]

    sources = [f"{server}/feed.xml", f"{server}/atom", f"{server}/news/1"]
    with Store.open(tmp_path / "c.duckdb") as store:
        first = ingest_sources(store, sources, analyze=fake_report, reader=reader, version="v1")  # type: ignore[arg-type]
        assert first.count("ingested") == 3 and store.article_count() == 3
        (failure,) = first.failures
        assert failure.source == f"{server}/news/404" and "404" in (failure.reason or "")
        outlets = sorted(a.outlet or "" for a in store.articles())
        assert outlets == ["Harbour Post", "Kyiv Desk", "North Watch"]
        second = ingest_sources(store, sources, analyze=fake_report, reader=reader, version="v1")  # type: ignore[arg-type]
        assert second.count("unchanged") == 3 and store.article_count() == 3


def test_cli_ingests_a_url_only_when_allowed(server: str, tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    refused = run_geo("ingest", f"{server}/news/2", db=db)
    assert refused.returncode == 2 and "--allow-private" in refused.stderr
    allowed = run_geo("ingest", f"{server}/news/2", "--allow-private", db=db)
    assert allowed.returncode == 0, allowed.stderr
    (article,) = json.loads(run_geo("articles", "--format", "json", db=db).stdout)
    assert article["outlet"] == "Harbour Post" and article["url"] == f"{server}/news/2"
