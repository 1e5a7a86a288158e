"""geo.browser.launch_chromium(loopback_only=True): what the timing benchmark browses with."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.browser import launch_chromium
from tests.browser.support import sync_api

PAGE = """<!doctype html><title>probe</title><script>
async function probe(url) {
  try { const reply = await fetch(url, {mode: "no-cors"}); return "reached"; } catch (e) { return "failed"; }
}
window.results = Promise.all([probe("/here.txt"), probe("http://192.0.2.1/far.txt"), probe("http://far.example/x")]);
</script>"""


@pytest.fixture()
def local_site(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "here.txt").write_text("here", encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def test_loopback_is_reached_and_every_other_address_fails(local_site: str) -> None:
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright, loopback_only=True)
        try:
            page = browser.new_page()
            failed: list[str] = []
            page.on("requestfailed", lambda request: failed.append(request.url))
            page.goto(local_site)
            assert page.evaluate("() => window.results") == ["reached", "failed", "failed"]
            assert sorted(failed) == ["http://192.0.2.1/far.txt", "http://far.example/x"]
        finally:
            browser.close()
