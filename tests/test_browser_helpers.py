from __future__ import annotations

import pytest

from geo.browser import is_local_url, wait_for_health
from geo.errors import GeoError


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8501/app/static/vendor/leaflet.js", True),
        ("http://localhost/x", True),
        ("http://[::1]:8000/", True),
        ("data:image/png;base64,AAAA", True),
        ("https://unpkg.com/leaflet.js", False),
        ("http://127.0.0.1.evil.example/", False),
        ("https://tile.openstreetmap.org/1/1/1.png", False),
    ],
)
def test_is_local_url(url: str, local: bool) -> None:
    assert is_local_url(url) is local


def test_wait_for_health_gives_up_when_the_server_died() -> None:
    with pytest.raises(GeoError, match="exited"):
        wait_for_health("http://127.0.0.1:9/", alive=lambda: False)
