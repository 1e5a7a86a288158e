"""The CLI contract: exit codes, one-line errors on stderr, JSON on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.ingest import SAMPLE_ARTICLE_PATH

ROOT = Path(__file__).resolve().parents[2]


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


# -- export -------------------------------------------------------------------------------------------


def test_export_bad_format_missing_folder_empty_source_and_no_source(tmp_path: Path) -> None:
    out = str(tmp_path / "out.csv")
    assert_bad_input(run_cli("export", str(SAMPLE_ARTICLE_PATH), "--to", "docx", "-o", out), "invalid choice")
    missing = str(tmp_path / "no-such-folder" / "out.csv")
    assert_bad_input(run_cli("export", str(SAMPLE_ARTICLE_PATH), "--to", "csv", "-o", missing), "does not exist")
    assert_bad_input(run_cli("export", "-", "--to", "csv", "-o", out, stdin=b"  \n"), "empty")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_bad_input(run_cli("export", str(empty), "--to", "csv", "-o", out), "empty")
    assert_bad_input(run_cli("export", "--to", "csv", "-o", out), "either an article")
    assert_bad_input(run_cli("export", "--db", str(tmp_path / "none.duckdb"), "--to", "csv", "-o", out),
                     "No corpus database")
    assert not (tmp_path / "none.duckdb").exists() and not (tmp_path / "out.csv").exists()


def test_export_sample_geojson_with_a_filter(tmp_path: Path) -> None:
    out = tmp_path / "responses.geojson"
    result = run_cli("export", str(SAMPLE_ARTICLE_PATH), "--published", "2023-11-09", "--kind", "response",
                     "--to", "geojson", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b"" and f"wrote {out}".encode() in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    events = [f for f in data["features"] if f["properties"]["feature_type"] == "event"]
    assert events and all(f["properties"]["kind"] == "response" for f in events)
    assert data["geobrief"]["key_facts"]["attacks"] == 0


def test_export_from_a_local_url(tmp_path: Path) -> None:
    import http.server
    import threading
    from functools import partial

    (tmp_path / "article.txt").write_bytes(SAMPLE_ARTICLE_PATH.read_bytes())
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/article.txt"
        out = tmp_path / "events.csv"
        refused = run_cli("export", url, "--to", "csv", "-o", str(out))
        assert refused.returncode == 2 and not out.exists()  # loopback needs --allow-private
        result = run_cli("export", url, "--allow-private", "--to", "csv", "-o", str(out))
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr.decode()
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header == ("event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,location,"
                      "admin1,country,latitude,longitude,geo_precision,source,notes,"
                      "source_grade,corroboration,corrected")


def test_export_corpus_merged_events_with_filters(tmp_path: Path) -> None:
    from geo.corpus.store import Store
    from geo.ingest import article_from_text
    from tests.corpus_helpers import fake_report

    db = tmp_path / "corpus.duckdb"
    with Store.open(db) as store:
        for text, outlet in (("Shelling hit Kharkiv on Wednesday.", "Outlet A"), ("Kharkiv shelled.", "Outlet B")):
            store.save_report(fake_report(article_from_text(text, outlet=outlet)), analyzer_version="test")
    out = tmp_path / "corpus.geojson"
    result = run_cli("export", "--db", str(db), "--kind", "attack", "--source-type", "official",
                     "--since", "2024-05-01", "--to", "geojson", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    events = [f for f in json.loads(out.read_text(encoding="utf-8"))["features"]
              if f["properties"]["feature_type"] == "event"]
    assert len(events) == 1 and events[0]["properties"]["corroboration"] == 2
    assert sorted(events[0]["properties"]["outlets"]) == ["Outlet A", "Outlet B"]
    later = run_cli("export", "--db", str(db), "--since", "2024-06-01", "--to", "geojson", "-o", str(out))
    assert later.returncode == 0, later.stderr.decode()
    assert not [f for f in json.loads(out.read_text(encoding="utf-8"))["features"]
                if f["properties"]["feature_type"] == "event"]


def test_export_corpus_as_kmz(tmp_path: Path) -> None:
    import io
    import zipfile

    from fastkml.kml import KML

    from geo.corpus.store import Store
    from geo.ingest import article_from_text
    from tests.corpus_helpers import fake_report

    db = tmp_path / "corpus.duckdb"
    with Store.open(db) as store:
        for text, outlet in (("Shelling hit Kharkiv at dawn.", "Outlet A"), ("Kharkiv shelled at dawn.", "Outlet B")):
            store.save_report(fake_report(article_from_text(text, outlet=outlet)), analyzer_version="test")
    out = tmp_path / "corpus.kmz"
    result = run_cli("export", "--db", str(db), "--to", "kmz", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert f"wrote {out} (kmz".encode() in result.stderr
    with zipfile.ZipFile(out) as archive:
        document = KML.parse(io.BytesIO(archive.read("doc.kml"))).features[0]
    folders = {folder.name: folder for folder in document.features}
    (event,) = folders["Attacks"].features
    data = {d.name: d.value for d in event.extended_data.elements}
    assert event.name == "Shelling" and data["corroboration"] == "2"
    assert sorted(data["outlets"].split("; ")) == ["Outlet A", "Outlet B"]


# -- hostile PDFs (issue 20): every one ends in one line, in time ------------------------------------------------

# The sample (geo/bench/hostile_files.py), its arguments, what the one line says, the reading budget in seconds:
# short for the PDF that stalls, long enough for the others to meet their limit first on a busy machine.
HOSTILE_PDFS = {
    "spaces": ("spaces_pdf", {"pages": 4, "megabytes": 70}, "took more than 1.5 s to read", "1.5"),
    "bomb": ("bomb_pdf", {"megabytes": 100}, "goes past pypdf's safety limits", "20"),
    "nested": ("nested_arrays_pdf", {}, "nests its objects too deeply", "20"),
}


@pytest.mark.parametrize("command", ["extract", "export"])
@pytest.mark.parametrize("sample", sorted(HOSTILE_PDFS))
def test_a_hostile_pdf_is_one_line_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capfd: pytest.CaptureFixture[str], sample: str, command: str) -> None:
    import time

    from geo.cli import main
    from geo.bench import hostile_files as pdf_samples

    maker, arguments, expected, budget = HOSTILE_PDFS[sample]
    monkeypatch.setenv("GEOBRIEF_PDF_SECONDS", budget)
    path = tmp_path / "x.pdf"
    path.write_bytes(getattr(pdf_samples, maker)(**arguments))
    out = tmp_path / "events.csv"
    args = ["extract", str(path)] if command == "extract" else ["export", str(path), "--to", "csv", "-o", str(out)]
    started = time.perf_counter()
    assert main(args) == 2
    assert time.perf_counter() - started < 25
    captured = capfd.readouterr()
    assert captured.out == "" and not out.exists()
    assert captured.err.count("\n") == 1 and captured.err.startswith("python -m geo: error: ")
    assert f"x.pdf {expected}" in captured.err and "Traceback" not in captured.err


def test_a_pdf_pypdf_warns_about_is_read_with_nothing_on_stderr(tmp_path: Path) -> None:
    """In a process of its own (under pytest, a logging handler would catch the warning before stderr does)."""
    from geo.bench import hostile_files as pdf_samples

    path = tmp_path / "xref.pdf"
    path.write_bytes(pdf_samples.misplaced_xref_pdf())  # pypdf logs "incorrect startxref pointer" reading it
    result = run_cli("extract", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["places"][0]["name"] == "Kharkiv"
    assert result.stderr.count(b"\n") <= 1 and b"startxref" not in result.stderr
