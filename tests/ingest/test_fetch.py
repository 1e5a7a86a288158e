"""Fetching pages and feeds, against a local HTTP server on 127.0.0.1 only: the deadline over a whole
fetch, the pinned address, where redirects may lead. The internet is never reached: "public" addresses
go through a connector that refuses them (or hands the loopback server in their place)."""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
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
from tests.http_helpers import loopback_server

LOCAL = FetchPolicy(allow_private=True, timeout=10)
PUBLIC = "93.184.216.34"  # passes the address check; never connected to
SEEN: list[tuple[str, str]] = []  # (path, Host header) of every request the server got


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
        SEEN.append((self.path, self.headers.get("Host", "")))
        if self.path == "/drip-headers":  # a byte of the status line and headers every 0.2 s, for 40 s
            return self._drip(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200)
        if self.path.startswith("/slow-hop/"):  # 0.3 s, then the next hop; the fourth is a page
            hop = int(self.path.rsplit("/", 1)[1])
            time.sleep(0.3)
            return self._redirect(f"/slow-hop/{hop + 1}" if hop < 4 else "/news/1")
        if self.path.startswith("/redirect-away?to="):
            return self._redirect(self.path.split("=", 1)[1])
        if self.path.startswith("/redirect-host/"):  # to the same server under another host name
            host, path = self.path.removeprefix("/redirect-host/").split("/", 1)
            return self._redirect(f"http://{host}:{self.server.server_address[1]}/{path}")
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

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _drip(self, data: bytes) -> None:
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                time.sleep(0.2)
        except OSError:  # the client gave up: what it should do
            pass

    def log_message(self, *args: object) -> None:
        pass


class Refused:
    """A connector that records where it is asked to connect and refuses: no test reaches the internet."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int]] = []

    def __call__(self, address: tuple[str, int], timeout: float) -> socket.socket:
        self.asked.append(address)
        raise ConnectionRefusedError(f"no connection to {address[0]} in tests")


class PublicHere(Refused):
    """A connector that connects the public test address to the loopback server (and refuses the rest)."""

    def __call__(self, address: tuple[str, int], timeout: float) -> socket.socket:
        if address[0] != PUBLIC:
            return super().__call__(address, timeout)
        self.asked.append(address)
        return socket.create_connection(("127.0.0.1", address[1]), timeout)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with loopback_server(Handler) as url:
        yield url


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
    # news.example is a public host (served here by the loopback server); its redirect to 127.0.0.1 is checked.
    port = server.rsplit(":", 1)[1]
    connector = PublicHere()
    with pytest.raises(FetchError, match="private or local"):
        fetch_url(f"http://news.example:{port}/redirect-private", FetchPolicy(), resolver=lambda host: [PUBLIC],
                  connector=connector)
    assert connector.asked == [(PUBLIC, int(port))]  # the first hop only


def test_the_checked_address_is_the_one_connected_to(server: str) -> None:
    # DNS rebinding: the first answer is public, a second one would be loopback. There is no second lookup.
    port = int(server.rsplit(":", 1)[1])
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    asked: list[str] = []

    def rebinding(host: str) -> list[str]:
        asked.append(host)
        return next(answers)

    connector = Refused()
    SEEN.clear()
    with pytest.raises(FetchError, match="Cannot fetch.*no connection to 93.184.216.34"):
        fetch_url(f"http://rebind.example:{port}/news/1", FetchPolicy(), resolver=rebinding, connector=connector)
    assert asked == ["rebind.example"] and connector.asked == [(PUBLIC, port)]
    assert SEEN == []  # the loopback server was never asked for anything


def test_every_hop_is_resolved_once_and_keeps_its_host_name(server: str) -> None:
    port = int(server.rsplit(":", 1)[1])
    asked: list[str] = []

    def resolver(host: str) -> list[str]:
        asked.append(host)
        return [PUBLIC]

    connector = PublicHere()
    SEEN.clear()
    fetched = fetch_url(f"http://first.example:{port}/redirect-host/second.example/news/2", FetchPolicy(),
                        resolver=resolver, connector=connector)
    assert fetched.url == f"http://second.example:{port}/news/2" and b"Odesa" in fetched.body
    assert asked == ["first.example", "second.example"] and connector.asked == [(PUBLIC, port)] * 2
    assert SEEN == [("/redirect-host/second.example/news/2", f"first.example:{port}"),
                    ("/news/2", f"second.example:{port}")]


def test_one_deadline_over_the_headers(server: str) -> None:
    # Every read gets a byte within 0.2 s: only a deadline over the whole fetch ends it.
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^Fetching .* timed out: it took longer than 1 s") as caught:
        fetch_url(f"{server}/drip-headers", FetchPolicy(allow_private=True, timeout=1))
    assert time.monotonic() - started < 3, "the deadline was not kept"  # a bound, not a benchmark
    assert "\n" not in str(caught.value)


def test_one_deadline_over_every_redirect_hop(server: str) -> None:
    assert fetch_url(f"{server}/slow-hop/1", LOCAL).url == f"{server}/news/1"  # 1.2 s in all, each hop 0.3 s
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1 s"):
        fetch_url(f"{server}/slow-hop/1", FetchPolicy(allow_private=True, timeout=1))
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(("location", "form"), [
    ("file:///etc/passwd", "file://"), ("ftp://example.org/a", "ftp://"), ("data:text/html,hello", "data:"),
    ("javascript:alert(1)", "javascript:"),
])
def test_a_redirect_away_from_http_says_so(server: str, location: str, form: str) -> None:
    url = f"{server}/redirect-away?to={location}"
    with pytest.raises(FetchError) as caught:
        fetch_url(url, LOCAL)
    assert str(caught.value) == f"{url} redirects to a {form} address; only http and https are fetched."


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


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A self-signed certificate for news.example, made by the openssl command: (certificate, key)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command makes the test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = str(folder / "cert.pem"), str(folder / "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=news.example",
                    "-addext", "subjectAltName=DNS:news.example"], check=True, capture_output=True, timeout=60)
    return cert, key


def test_https_at_a_pinned_address_checks_the_url_host(certificate: tuple[str, str]) -> None:
    cert, key = certificate
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names.append(name)  # type: ignore[assignment,misc,return-value]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    trusted = ssl.create_default_context(cafile=cert)
    port = httpd.server_address[1]
    try:
        SEEN.clear()
        fetched = fetch_url(f"https://news.example:{port}/news/3", LOCAL, resolver=lambda host: ["127.0.0.1"],
                            tls=trusted)
        assert b"Sumy" in fetched.body and names == ["news.example"]
        assert SEEN == [("/news/3", f"news.example:{port}")]
        with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):  # the certificate names news.example only
            fetch_url(f"https://other.example:{port}/news/3", LOCAL, resolver=lambda host: ["127.0.0.1"], tls=trusted)
        assert names[-1] == "other.example"
    finally:
        httpd.shutdown()
        httpd.server_close()


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
