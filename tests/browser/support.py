"""What the real-browser test modules share: the skip when Debian chromium or Playwright is
missing, and the names of the page's parts. Import it first in a browser test module."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from geo.browser import CHROMIUM, running_dashboard

if not CHROMIUM.exists():
    pytest.skip("Debian chromium (/usr/bin/chromium) is not installed: `make chromium` installs it",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
FIRST_RENDER_MS = 90_000  # the first analysis loads spaCy and the gazetteer


def pick_option(page: sync_api.Page, label: str, option: str, attempts: int = 5) -> None:
    """Choose an option of a selectbox, once the page is idle (a rerun or the map redrawing can
    close the list or steal the focus: then it is opened again)."""
    wanted = page.get_by_role("option").filter(has_text=re.compile(rf"^\s*{re.escape(option)}\s*$")).first
    for _ in range(attempts):
        wait_for_idle(page)
        try:
            page.get_by_label(label).click(timeout=10_000)
            wanted.click(timeout=5_000)
            page.wait_for_timeout(500)
            return
        except sync_api.Error:
            page.keyboard.press("Escape")
    raise AssertionError(f"could not choose {option!r} in {label!r}")


def wait_for_idle(page: sync_api.Page, *, settle_ms: int = 1_000, timeout_ms: int = 60_000) -> None:
    """Wait until the script has not been running for ``settle_ms`` in a row.

    A rerun (a widget, the map component reporting its first render, the URL being written)
    briefly keeps the old elements beside the new ones, and a click on an old one is lost.
    """
    idle = page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
    waited = quiet = 0
    while waited < timeout_ms:
        quiet = quiet + 100 if idle.count() == 1 else 0
        if quiet >= settle_ms:
            return
        page.wait_for_timeout(100)
        waited += 100
    raise AssertionError(f"the page was still running after {timeout_ms / 1000:.0f} s")


def open_expander(page: sync_api.Page, label: str, inside: sync_api.Locator, attempts: int = 5) -> None:
    """Open the expander titled ``label`` until ``inside`` (a locator of its content) is visible."""
    for _ in range(attempts):
        wait_for_idle(page)
        if inside.count() and inside.first.is_visible():
            return
        try:
            page.locator("[data-testid='stExpander'] summary").filter(has_text=label).last.click(timeout=10_000)
            inside.first.wait_for(state="visible", timeout=5_000)
            return
        except sync_api.Error:
            continue
    raise AssertionError(f"the expander {label!r} did not open")


def download(page: sync_api.Page, button: sync_api.Locator, attempts: int = 3) -> sync_api.Download:
    """Click a download button until the browser receives the file (a click during a rerun is lost)."""
    for attempt in range(attempts):
        wait_for_idle(page)
        try:
            with page.expect_download(timeout=30_000) as download_info:
                button.click()
            return download_info.value
        except sync_api.Error:  # no file in time, or an old button beside the new one
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def open_tab(page: sync_api.Page, label: str) -> None:
    """Click the panel tab whose label starts with ``label (``, once the page is idle (during a
    rerun the old tabs and the new ones can both be in the page)."""
    wait_for_idle(page)
    page.get_by_role("tab", name=re.compile(rf"^{re.escape(label)} \(")).click()


@contextmanager
def dashboard_with_store(store: Path, log_name: str) -> Iterator[str]:
    """``streamlit run app.py`` with its own corpus store (a pasted article is saved there for its
    link); its log in test-artifacts/; yields the base URL without the final slash."""
    ARTIFACTS.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GEOBRIEF_DB", str(store))
        with (ARTIFACTS / log_name).open("wb") as log, running_dashboard(REPO / "app.py", log=log) as url:
            yield url.rstrip("/")
