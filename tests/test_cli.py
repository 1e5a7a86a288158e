"""The CLI contract: exit codes, one-line errors on stderr, JSON on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.ingest import SAMPLE_ARTICLE_PATH

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "geo", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=240
    )


def assert_bad_input(result: subprocess.CompletedProcess[bytes], expected: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == b""
    err = result.stderr.decode()
    assert err.count("\n") == 1, f"expected one line, got: {err!r}"
    assert "Traceback" not in err
    assert expected in err


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "image.txt",
        "unknown": tmp_path / "report.docx",
        "latin1": tmp_path / "latin1.txt",
        "huge": tmp_path / "huge.txt",
    }
    paths["empty"].write_bytes(b"")
    paths["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    paths["unknown"].write_bytes(b"PK\x03\x04 some zip")
    paths["latin1"].write_bytes("Frappe a\xe9rienne pr\xe8s de Homs.".encode("latin-1", "replace"))
    paths["huge"].write_text("Shelling hit Kharkiv again. " * 190_000, encoding="utf-8")  # ~5.3 MB
    return paths


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty", "empty"),
        ("binary", "binary"),
        ("unknown", "Unsupported file type (.docx)"),
        ("latin1", "not UTF-8"),
        ("huge", "limit"),
    ],
)
def test_bad_files_exit_2_with_one_line(files: dict[str, Path], name: str, expected: str) -> None:
    assert_bad_input(run_cli("extract", str(files[name]), "--format", "json"), expected)


def test_missing_file() -> None:
    assert_bad_input(run_cli("extract", "no/such/article.txt"), "No such file")


def test_empty_stdin() -> None:
    assert_bad_input(run_cli("extract", "-", stdin=b"   \n"), "empty")


def test_bad_published_date() -> None:
    assert_bad_input(run_cli("extract", str(SAMPLE_ARTICLE_PATH), "--published", "9/11/2023"), "YYYY-MM-DD")


def test_unknown_format() -> None:
    assert_bad_input(run_cli("extract", str(SAMPLE_ARTICLE_PATH), "--format", "xml"), "invalid choice")


def test_sample_json_from_stdin() -> None:
    result = run_cli("extract", "-", "--published", "2023-11-09", "--format", "json", stdin=SAMPLE_ARTICLE_PATH.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert set(report) >= {"article", "places", "attacks", "responses", "sources"}
    assert set(report["article"]) >= {"title", "url", "published", "text_sha256"}
    assert report["article"]["published"] == "2023-11-09"
    place_keys = {"name", "kind", "country", "lat", "lon", "geonameid", "confidence", "mentions"}
    assert report["places"] and all(place_keys <= set(p) for p in report["places"])
    event_keys = {"summary", "category", "actor", "target", "place", "lat", "lon", "date", "count", "killed",
                  "injured", "evidence", "sources"}
    events = report["attacks"] + report["responses"]
    assert events and all(event_keys <= set(e) for e in events)
    assert all({"name", "type", "via", "claims"} <= set(s) for s in report["sources"])
    assert "Please enter" not in result.stdout.decode()


def test_text_format_lists_the_sections() -> None:
    result = run_cli("extract", str(SAMPLE_ARTICLE_PATH))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    for heading in ("Places (", "Attacks (", "Responses (", "Sources cited ("):
        assert heading in out
