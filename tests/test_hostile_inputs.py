"""Hostile and broken inputs: each gives a one-line GeoError (or a sound report), nothing crashes,
nothing half-written stays in the store. URLs are served by a local http.server on 127.0.0.1."""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

import geo
from geo.corpus.ingest import ingest_sources, read_articles
from geo.corpus.store import Store
from geo.errors import GeoError, InputError
from geo.ingest import read_path
from geo.ingest.fetch import FeedEntry, FetchPolicy, check_url, read_url
from geo.model import Article, Report
from tests.corpus_helpers import TEST_ANALYZER_VERSION, pdf_bytes, run_geo
from tests.http_helpers import loopback_server

POLICY = FetchPolicy(allow_private=True, timeout=1.0)
STORY = "Shelling hit Kharkiv on Monday, killing two people, the regional governor said."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
SCRIPTED_PAGE = (
    "<html><head><title>Strike</title><style>body{color:red}</style><script>var secret='SCRIPT-TEXT';</script>"
    + "<script>alert(1)</script>" * 50 + "<style>.x{content:'STYLE-TEXT'}</style>" * 50
    + f"</head><body onload=\"alert('x')\"><article><p>{STORY}</p><p>Residents spent the night in shelters, "
    "officials added.</p></article><script>document.write('SCRIPT-TEXT')</script><noscript>NOSCRIPT-TEXT</noscript>"
    "</body></html>"
)
ONLY_SCRIPTS = "<html><head><script>alert(1)</script><style>p{}</style></head><body><script>x()</script></body></html>"
BROKEN_FEED = (
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</title>"
    b"<item><title>No link at all</title></item>"
    b"<item><title>Script</title><link>javascript:alert(1)</link></item>"
    b"<item><title>Loop</title><link>/loop</link><pubDate>not a date</pubDate></item>"
    b"<item><title>Picture</title><link>/image.png</link></item>"
    b"<item><title>Good</title><link>/story</link><pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate></item>"
    b"<item><title>Unclosed <b>tag</title><link>/missing</link>"  # the XML breaks off here
)
HUNDRED_MB = 100 * 1024 * 1024


class HostileHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path
        if path == "/loop":
            return self._redirect("/loop")
        if path.startswith("/hop/"):
            return self._redirect(f"/hop/{int(path.rsplit('/', 1)[1]) + 1}")
        if path == "/slow":
            time.sleep(3)
            return self._send("text/html", b"<p>too late</p>")
        if path == "/drip":  # a byte now and then: every read is quick, the whole never ends
            self._head("text/html")
            return self._stream(lambda: (time.sleep(0.2), b"<p>drip</p>")[1], 200)
        if path == "/huge-declared":
            self._head("text/html", HUNDRED_MB)
            return self._stream(lambda: b"x" * 65536, HUNDRED_MB // 65536)
        if path == "/huge-streamed":
            self._head("text/html")
            return self._stream(lambda: b"<p>" + b"x" * 65529 + b"</p>", HUNDRED_MB // 65536)
        routes = {
            "/story": ("text/html", f"<html><body><article><p>{STORY}</p></article></body></html>".encode()),
            "/scripts": ("text/html", SCRIPTED_PAGE.encode()),
            "/only-scripts": ("text/html", ONLY_SCRIPTS.encode()),
            "/report.pdf": ("application/pdf", pdf_bytes([STORY], title="Shelling in Kharkiv")),
            "/broken.pdf": ("application/pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50),
            "/image.png": ("image/png", PNG),
            "/disguised": ("text/html", PNG),
            "/feed": ("application/rss+xml", BROKEN_FEED),
            "/latin1": ("text/plain", "Frappes sur Alep, a déclaré l'OSDH.".encode("latin-1")),
        }
        if path not in routes:
            return self.send_error(404)
        self._send(*routes[path])

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _head(self, content_type: str, length: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _send(self, content_type: str, body: bytes) -> None:
        self._head(content_type, len(body))
        self._stream(lambda: body, 1)

    def _stream(self, chunk: Callable[[], bytes], count: int) -> None:
        try:
            for _ in range(count):
                self.wfile.write(chunk())
        except OSError:  # the client stopped reading (or gave up waiting): what it should do
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with loopback_server(HostileHandler) as url:
        yield url


def one_line(exc: BaseException) -> str:
    message = str(exc)
    assert isinstance(exc, GeoError), f"{type(exc).__name__} escaped: {message}"
    assert message.strip() and "\n" not in message and "Traceback" not in message
    return message


# -- files ---------------------------------------------------------------------------------------

HOSTILE_FILES: dict[str, tuple[bytes, str | None]] = {  # name: (content, None for an article / the reason)
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n   ", "empty"),
    "ten-megabytes.txt": ((STORY + "\n") * (10_000_000 // (len(STORY) + 1)), "limit is 1,000,000"),
    "binary.txt": (PNG * 100, "binary"),
    "random.md": (bytes(range(128, 256)) * 40, "not UTF-8"),
    "program.exe": (b"MZ\x90\x00" * 10, "Unsupported file type (.exe)"),
    "utf16.txt": (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), None),
    "utf16-no-bom.txt": (STORY.encode("utf-16-be"), None),
    "latin1.txt": ("Frappes sur Alep, a déclaré l'OSDH.".encode("latin-1"), "not UTF-8"),
    "scripts.html": (SCRIPTED_PAGE.encode(), None),
    "only-scripts.html": (ONLY_SCRIPTS.encode(), "No article text"),
    "broken.pdf": (b"%PDF-1.4\n%\xe2\xe3\n1 0 obj <<", "cannot be read as a PDF"),
    "not-a.pdf": (b"<html>a page</html>", "not a PDF"),
    "russian.txt": ("Российские войска обстреляли Харьков в понедельник, сообщил губернатор.".encode(), None),
    "arabic.txt": ("قصفت القوات مدينة حلب يوم الاثنين، حسبما قال مسؤولون.".encode(), None),
    "no-places.txt": (b"The committee met on Monday and agreed to meet again next week.", None),
    "controls.txt": ("Shelling \u202ehit\u202c Kharkiv\u200b on Monday\x07, officials said. 💥\u0301".encode(), None),
}


def _content(name: str) -> bytes:
    data, _ = HOSTILE_FILES[name]
    return data.encode() if isinstance(data, str) else data


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name in HOSTILE_FILES:
        (folder / name).write_bytes(_content(name))
    return folder


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_files_give_an_article_or_one_line(name: str, hostile_folder: Path) -> None:
    expected = HOSTILE_FILES[name][1]
    if expected is None:
        article = read_path(hostile_folder / name)
        assert article.text.strip()
        assert "SCRIPT-TEXT" not in article.text and "STYLE-TEXT" not in article.text and "alert" not in article.text
        return
    with pytest.raises(GeoError) as caught:
        read_path(hostile_folder / name)
    assert expected in one_line(caught.value)


def test_pasted_hostile_texts() -> None:
    for text, reason in [("", "empty"), (" \n\t ", "empty"), ("x" * 10_000_001, "limit"), ("a\x00b" * 10, "NUL"),
                         ("1234 5678 !!!", "no words")]:
        with pytest.raises(InputError) as caught:
            geo.analyze(text)
        assert reason in one_line(caught.value)
    with pytest.raises(InputError):
        geo.analyze(b"bytes are not text")  # type: ignore[arg-type]


def test_texts_without_places_or_in_other_languages_analyse_cleanly(hostile_folder: Path) -> None:
    for name in ("russian.txt", "arabic.txt", "no-places.txt", "controls.txt"):
        report = geo.analyze_article(read_path(hostile_folder / name))
        text = report.article.text
        for place in report.places:
            assert all(text[m.start:m.end] == m.text for m in place.mentions)
        for event in report.events:
            assert text[event.evidence.start:event.evidence.end] == event.evidence.text
    assert geo.analyze(_content("no-places.txt").decode()).places == ()


def test_many_place_names_in_one_text() -> None:
    towns = ("Kharkiv", "Odesa", "Sumy", "Aleppo", "Idlib", "Homs", "Mosul", "Kirkuk", "Rafah", "Jenin")
    count = 10_000  # about 10 s: no step is quadratic in the names found
    text = "Shelling hit " + ", ".join(towns[i % len(towns)] for i in range(count)) + " on Monday, officials said."
    report = geo.analyze(text)
    assert {p.name for p in report.places} >= {"Kharkiv", "Aleppo", "Mosul"}
    mentions = [m for p in report.places for m in p.mentions]
    assert len(mentions) >= count * 0.8
    assert all(report.article.text[m.start:m.end] == m.text for m in mentions)


# -- URLs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "http://[::1", "http://", "https://:80/", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd", "http://exa mple.org/", "http://example.org/\x00", "http://example.org:99999/",
    "http://a:b:c/", "ftp://example.org/", "//example.org/news", "example.org",
])
def test_malformed_urls_are_refused_before_any_request(url: str) -> None:
    with pytest.raises(InputError) as caught:
        check_url(url, FetchPolicy(), resolver=lambda host: pytest.fail(f"resolved {host}"))
    one_line(caught.value)


@pytest.mark.parametrize(("path", "reason"), [
    ("/slow", "timed out"),
    ("/drip", "took longer than 1 s"),
    ("/loop", "redirects too often"),
    ("/hop/0", "redirects too often"),
    ("/huge-declared", "larger than the 5.2 MB limit"),
    ("/huge-streamed", "larger than the 5.2 MB limit"),
    ("/image.png", "image/png, not an article"),
    ("/disguised", "binary"),
    ("/broken.pdf", "cannot be read as a PDF"),
    ("/only-scripts", "No article text"),
    ("/latin1", "not UTF-8"),
    ("/nowhere", "HTTP 404"),
])
def test_hostile_urls_give_one_line(server: str, path: str, reason: str) -> None:
    started = time.monotonic()
    with pytest.raises(GeoError) as caught:
        read_url(server + path, policy=POLICY)
    assert reason in one_line(caught.value)
    assert time.monotonic() - started < 30, "a capped fetch must not hang"  # a hang guard, not a speed target


def test_a_pdf_and_a_scripted_page_are_read_as_articles(server: str) -> None:
    (pdf,) = read_url(f"{server}/report.pdf", policy=POLICY)
    assert isinstance(pdf, Article) and "Kharkiv" in pdf.text and pdf.title == "Shelling in Kharkiv"
    (page,) = read_url(f"{server}/scripts", policy=POLICY)
    assert isinstance(page, Article) and "Kharkiv" in page.text
    assert not any(marker in page.text for marker in ("SCRIPT-TEXT", "STYLE-TEXT", "alert", "NOSCRIPT"))


def test_a_broken_feed_gives_its_usable_entries(server: str) -> None:
    entries = read_url(f"{server}/feed", policy=POLICY)
    assert all(isinstance(e, FeedEntry) for e in entries)
    urls = [e.url for e in entries]  # type: ignore[union-attr]
    assert f"{server}/story" in urls and "javascript:alert(1)" in urls and len(urls) >= 4


# -- the whole corpus into a store ---------------------------------------------------------------

def test_ingesting_everything_hostile_stores_only_whole_articles(
    server: str, hostile_folder: Path, tmp_path: Path
) -> None:
    urls = [server + p for p in ("/feed", "/scripts", "/report.pdf", "/loop", "/huge-declared", "/image.png")]
    sources = [str(hostile_folder), *urls, "http://[::1", "javascript:alert(1)"]

    def reader(item: object) -> list[object]:
        return read_articles(item, allow_private=True)  # type: ignore[arg-type]

    db = tmp_path / "c.duckdb"
    with Store.open(db) as store:
        summary = ingest_sources(store, sources, reader=reader, version=TEST_ANALYZER_VERSION)  # type: ignore[arg-type]
        for failure in summary.failures:
            assert failure.reason and "\n" not in failure.reason and "Traceback" not in failure.reason
        failed_ids = {f.article_id for f in summary.failures if f.article_id}
        stored = {s.article_id: s.report for s in store.reports(corrected=False)}
        assert len(stored) == summary.count("ingested") == store.article_count()
        assert not failed_ids & set(stored)
        for article_id, report in stored.items():
            assert_whole(store, article_id, report)
    reasons = " | ".join(f.reason or "" for f in summary.failures)
    for expected in ("empty", "binary", "redirects too often", "larger than", "image/png", "Malformed URL",
                     "Only http and https"):
        assert expected in reasons
    # 7 files are articles, then the scripted page, the PDF and the feed's story (some texts repeat: "unchanged")
    assert summary.count("ingested") + summary.count("unchanged") == 10


def assert_whole(store: Store, article_id: str, report: Report) -> None:
    """Every derived row of the article is there, and nothing more."""
    con = store._con  # the counts per article are what we check: no public API lists them
    expected = {"places": len(report.places), "events": len(report.events), "sources": len(report.sources),
                "claims": sum(len(s.claims) for s in report.sources)}
    for table, count in expected.items():
        (found,) = con.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", [article_id]).fetchone()
        assert found == count, (table, article_id)


def test_cli_reports_each_hostile_file_on_one_line(hostile_folder: Path, tmp_path: Path) -> None:
    result = run_geo("ingest", str(hostile_folder), db=tmp_path / "c.duckdb")
    assert result.returncode == 0, result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("  failed: ")]
    refused = [name for name, (_, reason) in HOSTILE_FILES.items() if reason and not name.endswith(".exe")]
    assert len(failed) == len(refused)  # the folder walk skips unsupported suffixes (.exe)
    assert "Traceback" not in result.stderr
