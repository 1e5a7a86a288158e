"""The dashboard under streamlit.testing.v1.AppTest: no browser, no network.

Expected values come from geo.analyze on the same text (the app analyses the sample
with no publication date), never from answers written down here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import geo
from geo.model import Report
from geo.report_tables import LOCATION_UNKNOWN

APP_PATH = Path(__file__).resolve().parent.parent / "app.py"
TIMEOUT = 60  # the first analysis loads spaCy and the gazetteer


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def expected() -> Report:
    return geo.analyze(geo.load_sample())


@pytest.fixture(scope="module")
def app() -> AppTest:
    at = AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT)
    at.run()
    return at


def _fresh_app() -> AppTest:
    at = AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def _map_elements(at: AppTest) -> list:
    return [e for e in at.get("component_instance")
            if getattr(e.proto, "component_name", "") == "streamlit_folium.st_folium"]


def _tables(at: AppTest) -> dict[str, object]:
    frames = {}
    for tab in at.tabs:
        name = tab.label.split(" (")[0]
        frames[name] = tab.dataframe[0].value if len(tab.dataframe) else None
    return frames


def test_sample_runs_without_exception(app: AppTest) -> None:
    assert not app.exception
    assert not app.error
    assert app.title[0].value == "GeoBrief"
    assert app.text_area(key="brief_text").value == geo.load_sample()
    assert app.file_uploader(key="brief_upload").value is None
    assert app.date_input(key="brief_published").value is None
    assert app.button(key="brief_analyze").label == "Analyze"


def test_map_component_holds_the_leaflet_script(app: AppTest, expected: Report) -> None:
    maps = _map_elements(app)
    assert len(maps) == 1
    script = maps[0].proto.json_args
    assert "L.map(" in script
    assert "/app/static/vendor/leaflet/leaflet.js" in script  # the local asset, in js_links
    assert "cdn.jsdelivr" not in script and "code.jquery" not in script
    resolved = [p for p in expected.places if p.resolved]
    assert script.count("geobrief-marker geobrief-") == len(resolved)


def test_metrics_match_the_report(app: AppTest, expected: Report) -> None:
    values = {m.label: m.value for m in app.metric}
    mapped = sum(1 for p in expected.places if p.resolved)
    assert values["Places"] == f"{mapped} / {len(expected.places)}"
    assert values["Attacks"] == str(len(expected.attacks))
    assert values["Responses"] == str(len(expected.responses))
    assert values["Sources cited"] == str(len(expected.sources))


def test_event_panels_list_the_report_events(app: AppTest, expected: Report) -> None:
    tables = _tables(app)
    for name, events in (("Attacks", expected.attacks), ("Responses", expected.responses)):
        frame = tables[name]
        if not events:
            assert frame is None
            continue
        assert list(frame["summary"]) == [e.summary for e in events]
        assert list(frame["category"]) == [e.category for e in events]
        assert list(frame["evidence"]) == [_one_line(e.evidence.text) for e in events]
        assert list(frame["place"]) == [e.place or LOCATION_UNKNOWN for e in events]
        assert list(frame["sources"]) == [", ".join(e.sources) for e in events]


def test_sources_and_places_panels(app: AppTest, expected: Report) -> None:
    tables = _tables(app)
    if expected.sources:
        sources = tables["Sources cited"]
        assert list(sources["name"]) == [s.name for s in expected.sources]
        assert list(sources["type"]) == [s.type for s in expected.sources]
        assert list(sources["via"]) == [s.via or "" for s in expected.sources]
        for cell, source in zip(sources["claims"], expected.sources):
            for claim in source.claims:
                assert _one_line(claim.text) in cell
    places = tables["Places"]
    assert list(places["name"]) == [p.name for p in expected.places]
    assert list(places["kind"]) == [p.kind for p in expected.places]
    assert list(places["mentions"]) == [len(p.mentions) for p in expected.places]


def _analyze_text(at: AppTest, text: str) -> AppTest:
    at.text_area(key="brief_text").set_value(text)
    at.button(key="brief_analyze").click()
    return at.run()


def _analyze_upload(at: AppTest, name: str, data: bytes, mime: str = "text/plain") -> AppTest:
    at.file_uploader(key="brief_upload").set_value((name, data, mime))
    at.button(key="brief_analyze").click()
    return at.run()


def _assert_error_keeps_previous(at: AppTest, fragment: str, previous_places: list[str]) -> None:
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert fragment.lower() in message.replace("\\", "").lower()
    assert "\n" not in message and "Traceback" not in message
    assert list(_tables(at)["Places"]["name"]) == previous_places  # the last result is still shown
    assert len(_map_elements(at)) == 1


@pytest.fixture()
def fresh(expected: Report) -> tuple[AppTest, list[str]]:
    return _fresh_app(), [p.name for p in expected.places]


def test_empty_text_shows_an_error(fresh: tuple[AppTest, list[str]]) -> None:
    at, places = fresh
    _assert_error_keeps_previous(_analyze_text(at, "   \n  "), "empty", places)


def test_huge_text_shows_an_error(fresh: tuple[AppTest, list[str]]) -> None:
    at, places = fresh
    _assert_error_keeps_previous(_analyze_text(at, "words " * 900_000), "limit", places)


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("report.pdf", b"%PDF-1.7 some text", "unsupported file type"),
        ("latin1.txt", "Caf\u00e9 bombing in the city centre.".encode("latin-1"), "utf-8"),
    ],
)
def test_bad_uploads_show_an_error(fresh: tuple[AppTest, list[str]], name: str, data: bytes,
                                   fragment: str) -> None:
    at, places = fresh
    _assert_error_keeps_previous(_analyze_upload(at, name, data), fragment, places)


def test_error_clears_after_good_input(fresh: tuple[AppTest, list[str]]) -> None:
    at, _ = fresh
    _analyze_text(at, "")
    assert len(at.error) == 1
    text = "Rockets hit the port of Odesa on Monday, the governor said."
    _analyze_text(at, text)
    assert not at.exception and not at.error
    expected = geo.analyze(text)
    assert list(_tables(at)["Places"]["name"]) == [p.name for p in expected.places]


def test_good_upload_is_analysed(fresh: tuple[AppTest, list[str]]) -> None:
    at, _ = fresh
    data = "# Strike report\n\nA drone strike hit Kharkiv on Friday, officials said.\n".encode()
    _analyze_upload(at, "note.md", data, "text/markdown")
    assert not at.exception and not at.error
    expected = geo.analyze_article(geo.ingest.article_from_upload("note.md", data))
    assert list(_tables(at)["Places"]["name"]) == [p.name for p in expected.places]


def test_markdown_in_the_article_title_is_not_rendered(fresh: tuple[AppTest, list[str]]) -> None:
    at, _ = fresh
    _analyze_text(at, "![x](http://example.invalid/p.png) **Big** $x$ title\n\nShelling hit Donetsk today.")
    assert not at.exception
    title = at.subheader[0].value
    assert "\\!\\[x\\]\\(http" in title and "\\*\\*Big\\*\\*" in title and "\\$x\\$" in title


def test_about_page_runs(app: AppTest) -> None:
    at = AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT)
    at.switch_page("pages/about.py")
    at.run()
    assert not at.exception
    assert at.title[0].value == "About GeoBrief"
