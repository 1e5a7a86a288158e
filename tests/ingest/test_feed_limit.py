"""A feed gives its first 500 entries (or as many as asked), says so when it has more, and is parsed
no further than that; ``ingest --max-entries N`` sets the number. Served from 127.0.0.1 only."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import feedparser
import pytest

from geo.errors import InputError
from geo.ingest.fetch import DEFAULT_MAX_FEED_ENTRIES, FeedEntry, Fetched, FetchPolicy, feed_entries, read_url
from tests.corpus_helpers import run_geo
from tests.http_helpers import loopback_server

LOCAL = FetchPolicy(allow_private=True, timeout=10)
ASKED: list[str] = []  # the paths the server was asked for


def rss(count: int) -> bytes:
    items = "".join(f"<item><title>Story {i}</title><link>/news/{i}</link></item>" for i in range(count))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Many</title>{items}</channel></rss>".encode()


def atom(count: int) -> bytes:
    entries = "".join(f'<entry><title>Story {i}</title><id>urn:{i}</id><link href="/news/{i}"/></entry>'
                      for i in range(count))
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>{entries}</feed>'.encode()


BIG_FEED = rss(10_000)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        ASKED.append(self.path)
        if self.path != "/feed.xml":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(BIG_FEED)))
        self.end_headers()
        self.wfile.write(BIG_FEED)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with loopback_server(Handler) as url:
        yield url


def fetched(body: bytes) -> Fetched:
    return Fetched(url="http://news.example/feed", content_type="application/rss+xml", body=body)


def test_a_long_feed_gives_its_first_entries_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    parsed: list[int] = []
    parse = feedparser.parse

    def measured(body: bytes, **kwargs: Any) -> Any:
        parsed.append(len(body))
        return parse(body, **kwargs)

    monkeypatch.setattr(feedparser, "parse", measured)
    with caplog.at_level(logging.WARNING, logger="geo.ingest.fetch"):
        entries = feed_entries(fetched(BIG_FEED))
    assert DEFAULT_MAX_FEED_ENTRIES == 500 and len(entries) == 500
    assert entries[0].url == "http://news.example/news/0" and entries[-1].url == "http://news.example/news/499"
    assert parsed[0] < len(BIG_FEED) / 10  # the rest of the feed was not parsed
    (note,) = caplog.messages
    assert note == ("http://news.example/feed lists more than 500 entries; only the first 500 are read "
                    "(raise the limit with --max-entries).")


def test_the_limit_can_be_raised_or_lowered(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="geo.ingest.fetch"):
        assert len(feed_entries(fetched(BIG_FEED), max_entries=20_000)) == 10_000
        assert len(feed_entries(fetched(rss(500)))) == 500  # exactly the limit: nothing left out
    assert caplog.messages == []
    atom_entries = feed_entries(fetched(atom(30)), max_entries=7)
    assert [e.url for e in atom_entries] == [f"http://news.example/news/{i}" for i in range(7)]
    with pytest.raises(InputError, match="--max-entries 1 or more"):
        feed_entries(fetched(rss(3)), max_entries=0)


def test_read_url_passes_the_limit_on(server: str) -> None:
    ASKED.clear()
    entries = read_url(f"{server}/feed.xml", policy=LOCAL, max_entries=3)
    assert [e.url for e in entries if isinstance(e, FeedEntry)] == [f"{server}/news/{i}" for i in range(3)]
    assert ASKED == ["/feed.xml"]  # the entries are not fetched here: the corpus reads them in turn
    assert len(read_url(f"{server}/feed.xml", policy=LOCAL)) == 500


def test_ingest_reads_max_entries_of_a_feed(server: str, tmp_path: Path) -> None:
    ASKED.clear()
    result = run_geo("ingest", f"{server}/feed.xml", "--allow-private", "--max-entries", "2", db=tmp_path / "c.duckdb")
    assert f"{server}/feed.xml lists more than 2 entries; only the first 2 are read" in result.stderr
    assert ASKED == ["/feed.xml", "/news/0", "/news/1"]  # the two entries, both missing here (HTTP 404)
    assert result.stderr.count("failed: ") == 2, result.stderr
