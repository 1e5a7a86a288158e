"""`python app.py`, what `make run` starts: warmed up first, then the Streamlit server, with a clean log."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from geo.browser import free_port, wait_for_health

APP_PATH = Path(__file__).resolve().parents[2] / "app.py"


def test_python_app_py_warms_up_then_serves_the_dashboard(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, str(APP_PATH), "--server.address", "127.0.0.1", "--server.port", str(port)],
            cwd=APP_PATH.parent, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "GEOBRIEF_DB": str(tmp_path / "corpus.duckdb"), "PYTHONUNBUFFERED": "1"})
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_for_health(url, alive=lambda: server.poll() is None)
            with urllib.request.urlopen(url, timeout=10) as reply:
                assert reply.status == 200 and b"<title>Streamlit</title>" in reply.read()
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert "GeoBrief: language model, gazetteer and map loaded in" in text
    assert text.index("loaded in") < text.index(f":{port}")  # warmed up before the server said where it is
    # Nothing alarming for the person who started it: no config warning, no missing-context noise.
    assert "update to the [server] config" not in text and "ScriptRunContext" not in text
    assert "Traceback" not in text
