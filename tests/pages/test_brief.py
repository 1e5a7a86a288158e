"""The Brief page's view state under AppTest: the URL in, the URL out, links to stored articles,
a selected place, the presentation view and the downloads. No browser, no network; a private
corpus store. Expected values come from geo.analyze and the geo modules the page calls.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import geo
from geo.dashboard.articles import load_linked, save_for_link
from geo.dashboard.present import present_steps
from geo.dashboard.selection import place_selection
from geo.dashboard.store_access import BUSY_MESSAGE
from geo.exports.brief import EventFilter, brief_from_report, key_facts
from geo.exports.formats import FORMATS
from geo.exports.tables import escape_markdown
from geo.maps.points import map_points
from geo.maps.style import ACTOR_PALETTE
from geo.model import Report
from tests.corpus_helpers import held_by_another_process
from tests.page_helpers import open_boxes, open_tab, tab_table

APP_PATH = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 60
OTHER_TEXT = "Rockets hit the port of Odesa on Monday, the governor said. Shelling hit Kharkiv on Tuesday."


@pytest.fixture(scope="module", autouse=True)
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GEOBRIEF_DB", str(path))
        patch.setenv("GEOBRIEF_ANALYZER_VERSION", "test-page")
        yield path


@pytest.fixture(scope="module")
def expected() -> Report:
    return geo.analyze(geo.load_sample())


def run(params: dict[str, str] | None = None) -> AppTest:
    """The Brief page from a link with ``params``, its boxes open (the form, filters, search, share)."""
    at = open_boxes(AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT))
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at


def tabs(at: AppTest) -> list[str]:
    return [tab.label for tab in at.tabs]


def table(at: AppTest, name: str):  # type: ignore[no-untyped-def]
    return tab_table(at, name)


def map_args(at: AppTest) -> dict:
    maps = [e for e in at.get("component_instance")
            if getattr(e.proto, "component_name", "") == "streamlit_folium.st_folium"]
    assert len(maps) == 1
    return json.loads(maps[0].proto.json_args)


def params(at: AppTest) -> dict[str, str]:
    return {name: at.query_params[name][-1] if isinstance(at.query_params[name], list) else at.query_params[name]
            for name in at.query_params}


def test_plain_page_writes_no_parameters(expected: Report) -> None:
    at = run()
    assert params(at) == {}
    assert tabs(at)[:2] == [f"Attacks ({len(expected.attacks)})", f"Responses ({len(expected.responses)})"]
    assert map_args(at)["center"] is None and map_args(at)["zoom"] is None
    assert [b.label for b in at.get("download_button")] == [fmt.upper() for fmt in FORMATS]


def test_a_first_view_draws_no_closed_box_and_only_the_open_tab(expected: Report) -> None:
    at = AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert [e.label for e in at.expander][:2] == ["Article: paste, edit or upload, then Analyze",
                                                   "Filters: kind, category, actor, source type, dates, source grade"]
    # closed: the form, the filters, the search box and the share box draw none of their widgets
    assert not at.text_area and not at.file_uploader and not at.selectbox and not at.text_input and not at.code
    assert not at.get("download_button")
    assert [len(tab.dataframe) for tab in at.tabs] == [1, 0, 0, 0]  # the Attacks tab's table alone
    assert map_args(at)["center"] is None  # the map is there all the same
    assert list(table(at, "Sources cited")["name"]) == [s.name for s in expected.sources]
    assert [len(tab.dataframe) for tab in at.tabs] == [0, 0, 1, 0]


def test_a_closed_form_keeps_the_text_typed_in_it() -> None:
    at = run()
    at.text_area(key="brief_text").set_value(OTHER_TEXT)
    at.text_input(key="brief_title").set_value("Strikes on two cities")
    at.button(key="brief_analyze").click().run()
    at.session_state["brief_input_box"] = False
    at.run()
    at.run()  # Streamlit forgets a widget's value one run after it was last drawn
    assert not at.text_area
    open_boxes(at, ("brief_input_box",)).run()
    assert at.text_area(key="brief_text").value == OTHER_TEXT
    assert at.text_input(key="brief_title").value == "Strikes on two cities"


def test_the_open_tab_stays_open_when_its_count_changes(expected: Report) -> None:
    at = run()
    open_tab(at, "Responses")
    at.selectbox(key="brief_filter_kind").set_value("attack")
    at.run()
    assert at.session_state["brief_tab"] == "Responses (0)"
    assert [len(tab.dataframe) for tab in at.tabs] == [0, 0, 0, 0]  # its "no response" note, no other tab's table


def test_filters_come_from_the_url_and_go_back_to_it(expected: Report) -> None:
    at = run({"kind": "response"})
    assert at.selectbox(key="brief_filter_kind").value == "response"
    filtered = brief_from_report(expected, EventFilter(kind="response")).report
    assert tabs(at)[:2] == ["Attacks (0)", f"Responses ({len(filtered.responses)})"]
    assert params(at) == {"kind": "response"}
    at.selectbox(key="brief_filter_kind").set_value("attack")
    at.text_input(key="brief_filter_actor").set_value("Iran")
    at.run()
    assert params(at) == {"kind": "attack", "actor": "Iran"}
    filtered = brief_from_report(expected, EventFilter(kind="attack", actor="Iran")).report
    assert tabs(at)[:2] == [f"Attacks ({len(filtered.attacks)})", "Responses (0)"]


def test_bad_parameters_warn_and_fall_back() -> None:
    at = run({"kind": "bombing", "zoom": "99", "lat": "1", "lon": "2", "since": "soon"})
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 3 and all("Link parameter" in w and "\n" not in w for w in warnings)
    assert not at.error
    assert at.selectbox(key="brief_filter_kind").value == ""
    assert params(at) == {}  # the bad parameters are gone from the URL


def test_selected_place_narrows_the_panels_and_show_all_restores(expected: Report) -> None:
    point = max((p for p in map_points(expected) if p.attacks or p.responses),
                key=lambda p: len(p.attacks) + len(p.responses), default=None)
    if point is None:
        pytest.skip("the sample has no located event")
    chosen = place_selection(expected, point)
    at = run({"place": point.key, "lat": str(point.lat), "lon": str(point.lon), "zoom": "7"})
    assert tabs(at)[:3] == [f"Attacks ({len(chosen.attacks)})", f"Responses ({len(chosen.responses)})",
                            f"Sources cited ({len(chosen.sources)})"]
    if chosen.attacks:
        assert list(table(at, "Attacks")["summary"]) == [e.summary for e in chosen.attacks]
    evidence = [m.value for m in at.markdown if "geobrief-evidence" in m.value]
    assert len(evidence) == 1 and "<mark>" in evidence[0]
    args = map_args(at)
    assert args["center"] == [round(point.lat, 5), round(point.lon, 5)] and args["zoom"] == 7
    assert "geobrief-selected" in (args["feature_group"] or "")  # the ring, outside the map's script
    at.button(key="brief_show_all").click()
    at.run()
    assert tabs(at)[:2] == [f"Attacks ({len(expected.attacks)})", f"Responses ({len(expected.responses)})"]
    assert "place" not in params(at) and "zoom" not in params(at)  # the view is the events' again
    args = map_args(at)
    assert not args["feature_group"] and args["zoom"] is None
    assert "fitBounds" in args["script"] and "setView" not in args["script"]  # drawn anew, fitted to the events


def test_a_linked_view_opens_the_map_there_at_any_zoom() -> None:
    for zoom in ("2", "9", "12"):
        args = map_args(run({"lat": "34.45123", "lon": "40.91877", "zoom": zoom}))
        assert "fitBounds" not in args["script"]
        assert "center: [34.45123, 40.91877]," in args["script"] and f'"zoom": {zoom},' in args["script"]


def test_unknown_place_is_dropped_with_a_notice() -> None:
    at = run({"place": "gn:0"})
    assert any("not on the map" in w.value for w in at.warning)
    assert "place" not in params(at)


def test_analyze_saves_the_article_and_links_to_it(corpus_db: Path) -> None:
    at = run({"kind": "attack"})
    at.text_area(key="brief_text").set_value(OTHER_TEXT)
    at.button(key="brief_analyze").click()
    at.run()
    report = geo.analyze(OTHER_TEXT)
    article_id = report.article.text_sha256
    assert params(at) == {"article": article_id, "kind": "attack"}
    assert load_linked(article_id, corpus_db).article.text == OTHER_TEXT
    links = [c.value for c in at.code]
    assert links[0].endswith(f"/?article={article_id}&kind=attack")
    assert links[1].endswith(f"/?article={article_id}&kind=attack&view=present")


def test_a_link_opens_the_stored_article(corpus_db: Path) -> None:
    report = geo.analyze(OTHER_TEXT)
    article_id = save_for_link(report, corpus_db, analyzer_version="test-page")
    at = run({"article": article_id})
    assert not at.warning
    assert at.text_area(key="brief_text").value == OTHER_TEXT
    assert list(table(at, "Places")["name"]) == [p.name for p in report.places]
    assert params(at) == {"article": article_id}


def test_a_link_to_a_missing_article_shows_the_sample(expected: Report) -> None:
    at = run({"article": "f" * 64})
    assert any("linked article cannot be shown" in w.value for w in at.warning)
    assert at.text_area(key="brief_text").value == geo.load_sample()
    assert list(table(at, "Places")["name"]) == [p.name for p in expected.places]
    assert "article" not in params(at)


def test_a_link_while_an_ingest_holds_the_corpus_says_it_is_busy_in_one_line(corpus_db: Path,
                                                                            expected: Report) -> None:
    report = geo.analyze(OTHER_TEXT)
    article_id = save_for_link(report, corpus_db, analyzer_version="test-page")
    with held_by_another_process(corpus_db):
        at = run({"article": article_id})
    shown = [w.value for w in at.warning]
    assert len(shown) == 1 and shown[0].startswith(escape_markdown(BUSY_MESSAGE)), shown
    assert str(corpus_db.parent) not in shown[0] and not at.error
    assert list(table(at, "Places")["name"]) == [p.name for p in expected.places]  # the sample meanwhile
    at = run({"article": article_id})  # the ingest's batch is saved: the link works again
    assert not at.warning and at.text_area(key="brief_text").value == OTHER_TEXT


def test_presentation_view_has_key_facts_and_no_widgets(expected: Report) -> None:
    at = run({"view": "present", "kind": "attack"})
    brief = brief_from_report(expected, EventFilter(kind="attack"))
    header, listed = [h.proto.body for h in at.get("html")]
    steps = [step.event.summary for step in present_steps(brief)]  # the attacks only, numbered beside the map
    assert listed.count("data-geobrief-step=") == len(steps) == len(brief.report.events)
    for label, value in key_facts(brief).rows():
        assert f'<span class="geobrief-fact-value">{value}</span>' in header
        assert f'<span class="geobrief-fact-label">{label}</span>' in header
    assert "Only: attacks" in header and "display: none" in header  # sidebar and toolbar hidden
    assert not at.text_area and not at.selectbox and not at.button and not at.tabs and not at.text_input
    assert not at.get("download_button") and not at.title
    args = map_args(at)
    assert args["height"] >= 700 and args["returned_objects"] == []
    assert params(at) == {"kind": "attack", "view": "present"}


def test_clicking_another_point_keeps_the_map_script(expected: Report) -> None:
    """A selection changes the component's centre, zoom and ring, never its script: the map is
    not redrawn (streamlit-folium re-creates the map only when the script changes)."""
    points = map_points(expected)
    if len(points) < 2:
        pytest.skip("the sample has fewer than two places")
    at = run({"place": points[0].key, "lat": str(points[0].lat), "lon": str(points[0].lon), "zoom": "6"})
    a = map_args(at)
    # what a click on the second point does (pages.widgets.brief_map.select)
    chosen = replace(at.session_state["brief_view"], place=points[1].key).with_view(points[1].lat, points[1].lon, 8)
    at.session_state["brief_view"] = chosen
    at.session_state["brief_map_target"] = (chosen.centre, chosen.zoom)
    at.run()
    b = map_args(at)
    strip = __import__("re").compile(r"_[0-9a-f]{32}")  # folium's random element ids
    assert strip.sub("", a["script"]) == strip.sub("", b["script"])
    assert a["center"] != b["center"] and a["feature_group"] != b["feature_group"]


def test_a_store_that_cannot_be_written_leaves_the_analysis_and_warns(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOBRIEF_DB", str(tmp_path))  # a folder: the store refuses it
    at = run()
    at.text_area(key="brief_text").set_value(OTHER_TEXT)
    at.button(key="brief_analyze").click()
    at.run()
    assert not at.exception and not at.error
    assert any("Not saved to the corpus" in w.value for w in at.warning)
    assert not any(str(tmp_path) in w.value for w in at.warning)  # the server's paths stay on the server
    assert list(table(at, "Places")["name"]) == [p.name for p in geo.analyze(OTHER_TEXT).places]
    assert "article" not in params(at)


def test_a_kind_filter_refits_the_map_to_what_it_shows() -> None:
    at = run({"lat": "10.0", "lon": "10.0", "zoom": "11"})  # a linked view far from every event
    assert "fitBounds" not in map_args(at)["script"]
    at.selectbox(key="brief_filter_kind").set_value("response")
    at.run()
    args = map_args(at)
    assert "fitBounds" in args["script"] and "center: [10.0, 10.0]" not in args["script"]
    assert "zoom" not in params(at) and params(at)["kind"] == "response"


def test_a_pasted_header_names_the_article_on_the_page(corpus_db: Path) -> None:
    text = f"Shelling near the port\nhttps://www.example-post.org/port\n2024-03-05\n\n{OTHER_TEXT} The port closed."
    at = run()
    at.text_area(key="brief_text").set_value(text)
    at.button(key="brief_analyze").click()
    at.run()
    assert [s.value for s in at.subheader] == ["Shelling near the port"]
    stored = load_linked(params(at)["article"], corpus_db).article
    assert (stored.outlet, stored.published.isoformat()) == ("example-post.org", "2024-03-05")
    assert not stored.text.startswith("Shelling near the port")  # the header is not analysed as text


def test_typed_title_outlet_and_url_name_a_pasted_article(corpus_db: Path) -> None:
    text = OTHER_TEXT + " Residents said the port was closed."  # a text not stored yet by another test
    at = run()
    at.text_area(key="brief_text").set_value(text)
    at.text_input(key="brief_title").set_value("  Shelling  near the port ")
    at.text_input(key="brief_outlet").set_value("The Daily Example")
    at.text_input(key="brief_url").set_value("https://news.example.org/shelling")
    at.button(key="brief_analyze").click()
    at.run()
    assert [s.value for s in at.subheader] == ["Shelling near the port"]
    captions = [c.value.replace("\\", "") for c in at.caption]  # as escaped for Markdown
    assert any("The Daily Example" in c and "news.example.org" in c for c in captions)
    stored = load_linked(params(at)["article"], corpus_db).article
    assert (stored.title, stored.outlet, stored.url) == ("Shelling near the port", "The Daily Example",
                                                         "https://news.example.org/shelling")


def test_a_url_that_is_no_web_address_is_refused_and_the_report_kept(expected: Report) -> None:
    at = run()
    at.text_area(key="brief_text").set_value(OTHER_TEXT)
    at.text_input(key="brief_url").set_value("javascript:alert(1)")
    at.button(key="brief_analyze").click()
    at.run()
    assert [e.value.replace("\\", "") for e in at.error] == [
        "the URL must start with http:// or https:// (got 'javascript:alert(1)')"]
    assert list(table(at, "Places")["name"]) == [p.name for p in expected.places]  # the sample's report stays


def test_symbol_colour_and_size_come_from_the_link_and_go_back_to_it() -> None:
    at = run({"colour": "actor"})
    assert ACTOR_PALETTE[0] in json.dumps(map_args(at))  # the first actor's colour on the map
    assert at.button_group(key="map_style_colour").value == "actor"
    assert params(at) == {"colour": "actor"}
    at.button_group(key="map_style_size").set_value("casualties")
    at.run()
    assert params(at) == {"colour": "actor", "size": "casualties"}
    at.button_group(key="map_style_colour").set_value("role")
    at.run()
    assert params(at) == {"size": "casualties"}
    assert ACTOR_PALETTE[0] not in json.dumps(map_args(at))
