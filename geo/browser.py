"""Headless Chromium and a local dashboard server, for screenshots, rendering and tests.

Debian's ``/usr/bin/chromium`` driven through Playwright (never a downloaded browser),
started with the flags that keep it from reaching out to the internet. Playwright is
imported only by the functions that need it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from geo.errors import GeoError
from geo.settings import PROJECT_DIR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
LOOPBACK_BYPASS = "127.0.0.1,localhost,[::1]"  # the same names, as a proxy's bypass list
APP_PATH = PROJECT_DIR / "app.py"


def is_local_url(url: str) -> bool:
    """True for data:/blob:/about: URLs and for URLs on this machine's loopback names."""
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return (urlsplit(url).hostname or "") in LOCAL_HOSTS


def launch_chromium(playwright: Any, *, loopback_only: bool = False) -> Any:
    """A headless Debian Chromium browser from a running ``sync_playwright()``.

    ``loopback_only``: every request to another machine goes to a proxy address where nothing
    listens, so it fails, while this machine's servers are reached directly. Unlike
    :func:`block_external_requests` nothing passes through Playwright on its way, so a page with
    a hundred requests is not slowed down by the blocking (what a timing measures stays the page's)."""
    if not CHROMIUM.exists():
        raise GeoError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).")
    proxy = {"server": f"http://127.0.0.1:{free_port()}", "bypass": LOOPBACK_BYPASS} if loopback_only else None
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS), proxy=proxy)


def block_external_requests(page: Any, blocked: list[str]) -> None:
    """Abort every request that would leave the machine, and record its URL in ``blocked``."""

    def handle(route: Any) -> None:
        url = route.request.url
        if is_local_url(url):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", handle)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(base_url: str, *, timeout_s: float = 60.0, alive: Callable[[], bool] = lambda: True) -> None:
    """Poll Streamlit's health endpoint until it answers (or the server died, or time ran out)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not alive():
            raise GeoError(f"the dashboard server at {base_url} exited before it answered")
        try:
            with urllib.request.urlopen(base_url + "_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise GeoError(f"the dashboard did not answer at {base_url} within {timeout_s:.0f} s")


@contextmanager
def running_dashboard(app: Path = APP_PATH, *, log: IO[bytes] | None = None) -> Iterator[str]:
    """Run the dashboard on a free loopback port; yield its base URL; stop it.

    GeoBrief's ``app.py`` is started as ``make run`` starts it (``python app.py``: warmed up first,
    see geo.dashboard.startup); any other script with ``streamlit run``."""
    port = free_port()
    warmed = Path(app).resolve() == APP_PATH
    start = [sys.executable, str(app)] if warmed else [sys.executable, "-m", "streamlit", "run", str(app)]
    command = [
        *start,
        "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]
    server = subprocess.Popen(
        command, cwd=app.parent, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for_health(url, alive=lambda: server.poll() is None)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
