"""The dashboard's geo logic: the selected place (geo.dashboard.selection), the presentation
header (geo.dashboard.present) and the articles behind links (geo.dashboard.articles)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geo.corpus.store import StoreError
from geo.dashboard.articles import (delete_place_corrections, is_stored, load_linked, save_for_link,
                                    save_place_correction)
from geo.dashboard.present import filter_description, key_facts_html, present_steps, shown_brief, steps_html
from geo.dashboard.selection import (MapReport, clicked_point, event_point, evidence_html, focus_zoom, place_selection,
                                     point_by_key, selection_ring)
from geo.exports.brief import brief_from_report, key_facts
from geo.maps.points import map_points
from geo.model import Article, Candidate, Event, Place, Report, Source, TextSpan

TEXT = ("Drones struck <Harbour> on Monday, officials said. Rockets hit Northprov later. "
        "Harbour residents fled. The army said it intercepted rockets over Hilltown.")


def _span(fragment: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return TextSpan(fragment, start, start + len(fragment))


def _place(key: str, name: str, kind: str, lat: float, lon: float, *mentions: TextSpan) -> Place:
    return Place(key=key, name=name, kind=kind, country="XA", lat=lat, lon=lon, geonameid=None,
                 confidence=0.8, mentions=mentions,
                 alternatives=(Candidate(name=f"{name} B", kind="city", country="XB", lat=1.0, lon=2.0),))


def make_report() -> Report:
    harbour = _place("gn:1", "<Harbour>", "city", 35.0, 40.0, _span("<Harbour>"), _span("Harbour", 1))
    province = _place("gn:2", "Northprov", "admin1", 36.0, 41.0, _span("Northprov"))
    hill = _place("gn:3", "Hilltown", "city", 34.0, 39.0, _span("Hilltown"))
    strike = Event(kind="attack", summary="drone strike", category="Air/drone strike",
                   evidence=_span("Drones struck <Harbour> on Monday, officials said."), place="<Harbour>",
                   place_key="gn:1", lat=35.0, lon=40.0, date=date(2024, 1, 8), killed=2, sources=("officials",))
    rockets = Event(kind="attack", summary="rockets", category="Shelling/artillery/missile attack",
                    evidence=_span("Rockets hit Northprov later."), place="Northprov", place_key="gn:2",
                    lat=36.0, lon=41.0, injured=3)
    intercept = Event(kind="response", summary="interception", category="Disrupted weapons use",
                      evidence=_span("The army said it intercepted rockets over Hilltown."), place="Hilltown",
                      place_key="gn:3", lat=34.0, lon=39.0, sources=("the army",))
    sources = (Source(name="officials", type="official",
                      claims=(_span("Drones struck <Harbour> on Monday, officials said."),)),
               Source(name="the army", type="official",
                      claims=(_span("The army said it intercepted rockets over Hilltown."),)))
    return Report(article=Article(text=TEXT, title="Test <b>brief</b>"), places=(harbour, province, hill),
                  attacks=(strike, rockets), responses=(intercept,), sources=sources)


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


def test_a_marker_click_finds_its_point(report: Report) -> None:
    points = map_points(report)
    harbour = point_by_key(points, "gn:1")
    assert clicked_point(points, 35.0, 40.0, "<Harbour> · 1 attack(s)") == harbour
    assert clicked_point(points, 35.0, 40.0) == harbour  # no tooltip: the nearest
    assert clicked_point(points, 36.3, 41.2, "Northprov").key == "gn:2"  # inside an area's circle
    assert clicked_point(points, 10.0, 10.0) is None  # far from everything
    assert clicked_point(points, None, None) is None
    assert clicked_point([], 35.0, 40.0) is None


def test_selection_holds_the_place_events_and_sources(report: Report) -> None:
    points = map_points(report)
    chosen = place_selection(report, point_by_key(points, "gn:1"))
    assert [e.summary for e in chosen.attacks] == ["drone strike"]
    assert chosen.responses == ()
    assert [s.name for s in chosen.sources] == ["officials"]
    hill = place_selection(report, point_by_key(points, "gn:3"))
    assert [e.summary for e in hill.responses] == ["interception"] and [s.name for s in hill.sources] == ["the army"]
    assert event_point(points, report.responses[0]).key == "gn:3"
    assert event_point(points, Event(kind="attack", summary="x", category="Attack", evidence=_span("Rockets"))) is None


def test_evidence_marks_the_mentions_and_escapes_the_text(report: Report) -> None:
    point = point_by_key(map_points(report), "gn:1")
    sentences = evidence_html(report, point)
    assert sentences[0] == "Drones struck <mark>&lt;Harbour&gt;</mark> on Monday, officials said."
    assert sentences[1] == "<mark>Harbour</mark> residents fled."  # a sentence that only names it
    assert all("<Harbour>" not in s for s in sentences)
    assert len(sentences) == 2


def test_focus_zoom_is_closer_for_a_town_than_a_province(report: Report) -> None:
    points = map_points(report)
    assert focus_zoom(point_by_key(points, "gn:1")) > focus_zoom(point_by_key(points, "gn:2"))


def test_key_facts_header_is_escaped_and_complete(report: Report) -> None:
    brief = brief_from_report(report)
    page = key_facts_html(brief, filter_description("attack", None, "<x>", None, date(2024, 1, 1), None))
    assert "Test &lt;b&gt;brief&lt;/b&gt;" in page and "<b>brief" not in page
    for label, value in key_facts(brief).rows():
        assert f'<span class="geobrief-fact-value">{value}</span>' in page
        assert f'<span class="geobrief-fact-label">{label}</span>' in page
    assert "Only: attacks, actor &#x27;&lt;x&gt;&#x27;, since 2024-01-01" in page
    assert filter_description(None, None, None, None, None, None) == ""


def test_articles_are_stored_for_links_and_read_back(report: Report, tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    article_id = save_for_link(report, db, analyzer_version="test")
    assert article_id == report.article.text_sha256 and is_stored(article_id, db)
    assert save_for_link(report, db, analyzer_version="test") == article_id  # again: unchanged
    loaded = load_linked(article_id, db)
    assert loaded.article.text == TEXT and [p.name for p in loaded.places] == [p.name for p in report.places]
    save_place_correction(article_id, report.places[0], None, db)
    assert [p.key for p in load_linked(article_id, db).places] == ["gn:2", "gn:3"]  # the link shows it
    delete_place_corrections(article_id, db)
    assert len(load_linked(article_id, db).places) == 3
    with pytest.raises(StoreError):
        load_linked("0" * 64, db)


def test_selection_ring_surrounds_the_point_and_ignores_clicks(report: Report) -> None:
    import folium

    point = point_by_key(map_points(report), "gn:1")
    m = folium.Map()
    selection_ring(point).add_to(m)
    page = m.get_root().render()
    assert "geobrief-selected" in page and f"[{point.lat}, {point.lon}]" in page
    assert '"interactive": false' in page  # a click goes through to the place's own symbol


def test_a_map_report_tells_its_click_and_its_view() -> None:
    value = {"last_object_clicked": {"lat": 34.5, "lng": 40.9}, "last_object_clicked_tooltip": "Harbour",
             "last_object_clicked_count": 2, "center": {"lat": 34.0, "lng": 40.0}, "zoom": 7}
    report = MapReport.read(value)
    assert (report.clicked_lat, report.clicked_lon, report.clicked_tooltip) == (34.5, 40.9, "Harbour")
    assert report.centre == (34.0, 40.0) and report.zoom == 7
    assert MapReport.read(dict(value)) == report  # the same report handed back by a rerun compares equal
    moved = MapReport.read({**value, "zoom": 8})
    assert moved.click_key == report.click_key and moved.view_key != report.view_key


def test_a_map_report_without_a_usable_view_or_click_says_so() -> None:
    for value in (None, {}, {"center": {"lat": "34", "lng": 40.0}, "zoom": 7}, {"center": [34, 40], "zoom": 7},
                  {"center": {"lat": 34.0, "lng": 40.0}, "zoom": None}, {"last_object_clicked": "Harbour"}):
        report = MapReport.read(value)
        assert report.centre is None and report.zoom is None
        assert report.clicked_lat is None and report.clicked_lon is None


def test_the_presentation_counts_what_is_shown(report: Report) -> None:
    brief = brief_from_report(report)
    assert shown_brief(brief, None) is brief
    harbour = point_by_key(map_points(report), "gn:1")
    shown = shown_brief(brief, harbour)
    chosen = place_selection(report, harbour)  # what the panels list for the selected place
    facts = key_facts(shown)
    assert (facts.attacks, facts.responses, facts.sources) == (len(chosen.attacks), len(chosen.responses),
                                                                len(chosen.sources)) == (1, 0, 1)
    assert (facts.killed, facts.injured) == (2, None)  # the rockets' 3 injured are elsewhere
    assert len(shown.provenance) == 1


def test_present_steps_are_numbered_by_date_and_escaped(report: Report) -> None:
    steps = present_steps(brief_from_report(report))
    assert [(s.number, s.event.summary) for s in steps] == [(1, "drone strike"), (2, "rockets"), (3, "interception")]
    assert (steps[0].lat, steps[0].lon) == (35.0, 40.0)
    listed = steps_html(steps)
    assert listed.count("<li data-geobrief-step=") == 3 and 'data-geobrief-step="3"' in listed
    assert "&lt;Harbour&gt; · 2024-01-08 · 2 killed" in listed and "<Harbour>" not in listed
    assert "Sources: the army" in listed
    assert "No event shown" in steps_html([])
