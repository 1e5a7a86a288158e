"""What the real-browser test modules share: the skip when Debian chromium or Playwright is
missing, and the names of the page's parts. Import it first in a browser test module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.browser import CHROMIUM

if not CHROMIUM.exists():
    pytest.skip("Debian chromium (/usr/bin/chromium) is not installed: `make chromium` installs it",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
FIRST_RENDER_MS = 90_000  # the first analysis loads spaCy and the gazetteer


def pick_option(page: sync_api.Page, label: str, option: str) -> None:
    """Choose an option of a selectbox (re-opening it: a map redrawing can steal the focus)."""
    for _ in range(5):
        page.get_by_label(label).click()
        try:
            page.get_by_role("listbox").wait_for(state="visible", timeout=2_000)
            break
        except sync_api.TimeoutError:
            continue
    page.get_by_role("option").filter(has_text=re.compile(rf"^\s*{re.escape(option)}\s*$")).first.click()
    page.wait_for_timeout(500)
