"""The dashboard under streamlit.testing.v1.AppTest: no browser, no network.

Expected values come from geo.analyze on the same text (the app analyses the sample
with no publication date), never from answers written down here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import geo
from geo.exports.tables import LOCATION_UNKNOWN, place_label
from geo.model import Candidate, Place, Report
from geo.places.corrections import PlaceChoice, apply_place_choices, candidate_label
from tests.map_helpers import map_symbols, marker_count, stands_at
from tests.page_helpers import open_boxes, open_tab, tab_table

APP_PATH = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 60  # the first analysis loads spaCy and the gazetteer


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", autouse=True)
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Analyze saves the article to the corpus (for its link): a private store for these tests."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GEOBRIEF_DB", str(path))
        patch.setenv("GEOBRIEF_ANALYZER_VERSION", "test-app")
        yield path


@pytest.fixture(scope="module")
def expected() -> Report:
    return geo.analyze(geo.load_sample())


@pytest.fixture(scope="module")
def app() -> AppTest:
    at = open_boxes(AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT))
    at.run()
    return at


def _fresh_app() -> AppTest:
    """The Brief page with its boxes open (the article form, the filters, the search, Share and export)."""
    at = open_boxes(AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT))
    at.run()
    assert not at.exception
    return at


def _map_elements(at: AppTest) -> list:
    return [e for e in at.get("component_instance")
            if getattr(e.proto, "component_name", "") == "streamlit_folium.st_folium"]


def _tables(at: AppTest) -> dict[str, object]:
    names = [tab.label.split(" (")[0] for tab in at.tabs]
    return {name: tab_table(at, name) for name in names}


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
    assert marker_count(script) == len(resolved)


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
        assert list(frame["place"]) == [e.where or LOCATION_UNKNOWN for e in events]
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
        ("report.docx", b"PK\x03\x04 some text", "unsupported file type"),
        ("broken.pdf", b"%PDF-1.7 some text", "cannot be read as a pdf"),
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
    assert "No gazetteer added" in at.caption[-1].value


def test_about_page_lists_the_added_gazetteers(app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.gazetteer import add_source, default_gazetteer

    monkeypatch.setenv("GEOBRIEF_CACHE_DIR", str(tmp_path))
    data = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "XX_villages.txt"
    add_source([data], default_gazetteer().path, name="villages", credit="Made-up villages, CC0")
    at = AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT)
    at.switch_page("pages/about.py")
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table[["source", "places", "countries", "credit"]].values.tolist() == [
        ["villages", 4, "SY", "Made-up villages, CC0"]]


# --- The analyst corrects places (geo.places.corrections): the map and every panel follow ----------

def _alternative_pick(expected: Report) -> tuple[Place, int, Candidate]:
    """The first place with a reading other than the chosen one, somewhere else on the map."""
    for place in expected.places:
        for index, candidate in enumerate(place.alternatives):
            if candidate.geonameid != place.geonameid and (candidate.lat, candidate.lon) != (place.lat, place.lon):
                return place, index, candidate
    pytest.skip("the sample has no place with another reading")


def _place_with_events(expected: Report) -> Place:
    keys = {e.place_key for e in expected.events}
    place = next((p for p in expected.places if p.key in keys), None)
    if place is None:
        pytest.skip("no event of the sample has a place")
    return place


def _correct(at: AppTest, place_key: str, option: int) -> AppTest:
    open_tab(at, "Places")  # the corrections are in the Places tab, drawn when it is open
    at.selectbox(key="brief_place_pick").set_value(place_key)
    at.run()
    at.selectbox(key="brief_place_candidate").set_value(option)
    at.button(key="brief_place_apply").click()
    return at.run()


def _map_script(at: AppTest) -> str:
    maps = _map_elements(at)
    assert len(maps) == 1
    return maps[0].proto.json_args


def test_places_panel_offers_each_place_and_its_readings(app: AppTest, expected: Report) -> None:
    open_tab(app, "Places")
    pick = app.selectbox(key="brief_place_pick")
    assert pick.options == [place_label(p) for p in expected.places]
    first = expected.places[0]
    candidates = app.selectbox(key="brief_place_candidate")
    assert candidates.options == [candidate_label(c) for c in first.alternatives] + ["Drop this place"]
    assert app.button(key="brief_place_apply").label == "Apply"
    assert app.button(key="brief_place_reset").label == "Reset corrections"


def test_choosing_another_reading_moves_the_place(expected: Report) -> None:
    place, index, candidate = _alternative_pick(expected)
    at = _correct(_fresh_app(), place.key, index)
    assert not at.exception and not at.error
    corrected = apply_place_choices(expected, [PlaceChoice(place.key, candidate)])
    script = _map_script(at)
    assert stands_at(map_symbols(script), candidate.lat, candidate.lon)
    assert not stands_at(map_symbols(script), place.lat, place.lon)
    places = _tables(at)["Places"]
    assert list(places["name"]) == [p.name for p in corrected.places]
    row = list(places["name"]).index(candidate.name)
    assert places["corrected"][row] and places["confidence"][row] == 1.0
    assert places["lat"][row] == round(candidate.lat, 5) and places["lon"][row] == round(candidate.lon, 5)


def test_dropping_a_place_leaves_its_events_without_location(expected: Report) -> None:
    place = _place_with_events(expected)
    at = _correct(_fresh_app(), place.key, -1)
    assert not at.exception and not at.error
    corrected = apply_place_choices(expected, [PlaceChoice(place.key, None)])
    tables = _tables(at)
    assert list(tables["Places"]["name"]) == [p.name for p in corrected.places]
    assert place.key not in {p.key for p in corrected.places}
    for name, events, before in (("Attacks", corrected.attacks, expected.attacks),
                                 ("Responses", corrected.responses, expected.responses)):
        if not events:
            continue
        cells = list(tables[name]["place"])
        assert cells == [e.where or LOCATION_UNKNOWN for e in events]
        for cell, old in zip(cells, before):
            if old.place_key == place.key:
                assert cell == LOCATION_UNKNOWN
    values = {m.label: m.value for m in at.metric}
    assert values["Places"] == f"{sum(p.resolved for p in corrected.places)} / {len(corrected.places)}"
    script = _map_script(at)
    assert marker_count(script) == sum(p.resolved for p in corrected.places)


def test_reset_restores_the_report_as_analysed(expected: Report) -> None:
    place, index, _ = _alternative_pick(expected)
    at = _correct(_fresh_app(), place.key, index)
    at = _correct(at, _place_with_events(expected).key, -1)
    assert list(_tables(at)["Places"]["name"]) != [p.name for p in expected.places]
    at.button(key="brief_place_reset").click()
    at.run()
    assert not at.exception
    assert list(_tables(at)["Places"]["name"]) == [p.name for p in expected.places]
    assert not any(_tables(at)["Places"]["corrected"])
    assert stands_at(map_symbols(_map_script(at)), place.lat, place.lon)


def test_a_new_article_clears_the_corrections(expected: Report) -> None:
    place = _place_with_events(expected)
    at = _correct(_fresh_app(), place.key, -1)
    text = "Rockets hit the port of Odesa on Monday, the governor said."
    _analyze_text(at, text)
    assert not at.exception
    assert list(_tables(at)["Places"]["name"]) == [p.name for p in geo.analyze(text).places]
    _analyze_text(at, geo.load_sample())
    assert list(_tables(at)["Places"]["name"]) == [p.name for p in expected.places]


def test_switching_places_after_picking_a_reading_does_not_fail(expected: Report) -> None:
    most = max(expected.places, key=lambda p: len(p.alternatives))
    fewest = min(expected.places, key=lambda p: len(p.alternatives))
    at = open_tab(_fresh_app(), "Places")
    at.selectbox(key="brief_place_pick").set_value(most.key)
    at.run()
    at.selectbox(key="brief_place_candidate").set_value(len(most.alternatives) - 1)
    at.run()
    at.selectbox(key="brief_place_pick").set_value(fewest.key)
    at.run()
    assert not at.exception
    candidates = at.selectbox(key="brief_place_candidate")
    assert candidates.options == [candidate_label(c) for c in fewest.alternatives] + ["Drop this place"]
    assert candidates.value == 0  # reset to the first reading, not a stale index
    at.button(key="brief_place_apply").click()
    at.run()
    assert not at.exception
    assert len(_tables(at)["Places"]) == len(expected.places)  # the first reading kept the place


def test_image_credits_are_shown_as_credits_not_sources(app: AppTest, expected: Report) -> None:
    open_tab(app, "Sources cited")  # the credits are under the sources
    captions = [c.value for c in app.caption if c.value.startswith("Image credits:")]
    if not expected.article.credits:
        assert captions == []
        return
    assert len(captions) == 1
    for credit in expected.article.credits:
        assert _one_line(credit) in captions[0]
    assert not any(_one_line(credit) == s.name for credit in expected.article.credits for s in expected.sources)


# --- The place search: a typed name centres the map ---------------------------------------------

def test_place_search_centres_the_map_on_the_place_picked() -> None:
    at = _fresh_app()
    at.text_input(key="place_search_query").set_value("Albu Kamal").run()
    assert not at.exception
    pick = at.selectbox(key="place_search_pick")
    assert pick.options[0].startswith("Albu Kamal: town, Deir Ezzor, SY")
    at.button(key="place_search_go").click().run()
    assert not at.exception
    state = at.session_state["brief_view"]
    albu_kamal = geo.geocode("Albu Kamal")
    assert albu_kamal is not None
    assert state.zoom == 9
    assert abs(state.lat - albu_kamal.lat) < 1e-3 and abs(state.lon - albu_kamal.lon) < 1e-3


def test_place_search_says_when_nothing_is_known() -> None:
    at = _fresh_app()
    at.text_input(key="place_search_query").set_value("Xqzvillage").run()
    assert not at.exception
    assert any("No place of that name" in caption.value for caption in at.caption)
