"""geo.maps.folium_map: the offline Folium map, checked on its generated HTML (no browser, no network)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import folium
import pytest

from geo.maps.folium_map import AUTO_BASEMAP, ONLINE_TILES_NAME, build_map, html_text, map_html, map_points
from geo.maps.layer import script_json
from geo.maps.points import point_popup_html, unlocated_events
from geo.model import Article, Candidate, Event, Place, Report, Source, TextSpan
from tests.map_helpers import area_symbols, layer_symbols, marker_count

EVIL = "<script>alert(1)</script>"
TEXT = (
    f"Drones struck a depot in {EVIL} on Monday, officials said. "
    "Air defences intercepted rockets over Harbour `${document.cookie}` later. "
    "Fighting was reported across Northprov. "
    "A blast hit somewhere unnamed."
)


def _span(fragment: str) -> TextSpan:
    start = TEXT.index(fragment)
    return TextSpan(fragment, start, start + len(fragment))


def _place(key: str, name: str, kind: str, lat: float | None, lon: float | None,
           confidence: float, mention: str) -> Place:
    return Place(key=key, name=name, kind=kind, country="XA", lat=lat, lon=lon,
                 geonameid=None, confidence=confidence, mentions=(_span(mention),),
                 alternatives=(Candidate(name=name + " (other)", kind="city", country="XB",
                                         lat=1.0, lon=2.0),))


def make_report() -> Report:
    places = (
        _place("gn:101", EVIL, "city", 34.45, 40.92, 0.9, EVIL),
        _place("gn:102", "Harbour `${document.cookie}`", "city", 35.02, 40.45, 0.35,
               "Harbour `${document.cookie}`"),
        _place("gn:103", "Northprov", "admin1", 35.34, 40.14, 0.7, "Northprov"),
        _place("unresolved:atlantis", "Atlantis", "other", None, None, 0.0, "Fighting"),
    )
    attack = Event(kind="attack", summary=f"drone strike on {EVIL}", category="Air/drone strike",
                   evidence=_span(f"Drones struck a depot in {EVIL} on Monday, officials said."),
                   actor="Drones", target="a depot", place=EVIL, place_key="gn:101",
                   lat=34.45, lon=40.92, date=date(2024, 1, 8), killed=2, sources=("officials",))
    response = Event(kind="response", summary="interception", category="Disrupted weapons use",
                     evidence=_span("Air defences intercepted rockets over Harbour `${document.cookie}` later."),
                     place="Harbour `${document.cookie}`", place_key="gn:102", lat=35.02, lon=40.45)
    nowhere = Event(kind="attack", summary="blast", category="Remote explosive/landmine/IED",
                    evidence=_span("A blast hit somewhere unnamed."))
    source = Source(name="officials <b>bold</b>", type="official",
                    claims=(_span(f"Drones struck a depot in {EVIL} on Monday, officials said."),))
    return Report(article=Article(text=TEXT, title="Test"), places=places,
                  attacks=(attack, nowhere), responses=(response,), sources=(source,))


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    return build_map(report).get_root().render()


def _fetched_urls(page: str) -> list[str]:
    """URLs the page loads by itself: <script src>, <link href>, and the basemap fetch()."""
    urls = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", page)
    urls += re.findall(r"<link[^>]*\bhref=\"([^\"]+)\"", page)
    urls += re.findall(r"fetch\(\"([^\"]+)\"\)", page)
    return urls


def test_assets_come_from_the_local_static_folder(page: str) -> None:
    urls = _fetched_urls(page)
    assert "/app/static/vendor/leaflet/leaflet.js" in urls
    assert not any("jquery" in url for url in urls)  # nothing on the map uses it
    assert "/app/static/vendor/leaflet/leaflet.css" in urls
    assert "/app/static/vendor/basemap/countries.geojson" in urls
    assert all(url.startswith("/app/static/vendor/") for url in urls), urls
    assert 'L.Icon.Default.imagePath = "/app/static/vendor/leaflet/images/"' in page


def test_no_internet_url_is_loaded_by_default(page: str) -> None:
    # Every http(s) URL in the page must belong to the optional OpenStreetMap tile layer
    # (its tile template and attribution link). That layer is created with L.tileLayer(...)
    # into a variable; Leaflet fetches tiles only once a layer is on the map, so we check
    # that no "<that variable>.addTo(" appears: the layer is only listed in the layer control.
    for cdn in ("cdn.jsdelivr", "code.jquery", "cdnjs", "bootstrapcdn", "fontawesome"):
        assert cdn not in page
    urls = re.findall(r"https?://[^\s\"'\\)]+", page)
    assert urls, "the optional OpenStreetMap layer should be offered"
    assert all("openstreetmap.org" in url for url in urls), urls
    tile_vars = re.findall(r"var (tile_layer_\w+) = L\.tileLayer\(", page)
    assert len(tile_vars) == 1
    assert f"{tile_vars[0]}.addTo(" not in page
    assert ONLINE_TILES_NAME in page  # listed in the LayerControl, to be switched on by hand


def test_folium_globals_are_not_mutated(report: Report) -> None:
    build_map(report)
    assert any("cdn.jsdelivr" in url for _, url in folium.Map.default_js)
    plain = folium.Map(tiles=None).get_root().render()
    assert "cdn.jsdelivr" in plain  # folium's own defaults untouched for other users


def test_without_online_tiles_there_is_no_http_url_at_all(report: Report) -> None:
    page = build_map(report, online_tiles=False).get_root().render()
    assert re.findall(r"https?://", page) == []


def test_one_marker_per_resolved_place(report: Report, page: str) -> None:
    resolved = [p for p in report.places if p.resolved]
    points = map_points(report)
    assert [p.key for p in points] == [p.key for p in resolved]
    # point-like places are DivIcon markers, areas (admin1/country) translucent circle markers
    assert len(layer_symbols(page)) == 2
    assert page.count("L.circleMarker(") == len(area_symbols(page)) == 1
    assert marker_count(page) == 3
    assert sorted((s.lat, s.lon) for s in layer_symbols(page)) == sorted((p.lat, p.lon) for p in points
                                                                         if p.kind == "city")


def test_attacks_and_responses_are_distinct(report: Report, page: str) -> None:
    roles = {p.name: p.role for p in map_points(report)}
    assert roles[EVIL] == "attack"
    assert roles["Harbour `${document.cookie}`"] == "response"
    assert roles["Northprov"] == "place"
    assert "geobrief-attack" in page and "geobrief-response" in page and "geobrief-place" in page
    # distinct colour and symbol: a red triangle (polygon of 3 points) vs a blue diamond
    assert re.search(r'polygon points=\\"[\d.]+,\d+ [\d.]+,[\d.]+ [\d.]+,[\d.]+\\" fill=\\"#d62728', page)
    assert re.search(r'polygon points=\\"[\d.]+,\d+ [\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+\\" fill=\\"#1f5fbf', page)


def test_lower_confidence_is_lighter(report: Report) -> None:
    from geo.maps.symbols import confidence_opacity

    assert confidence_opacity(0.35) < confidence_opacity(0.9) <= 1.0
    page = build_map(report).get_root().render()
    # the low-confidence response (0.35): opacity 0.35 + 0.65 * 0.35 = 0.58, its fill lighter
    # still (x 0.45) and its outline dashed in the role colour: an uncertain place
    assert 'fill-opacity=\\"0.26\\" stroke=\\"#1f5fbf\\" stroke-width=\\"2\\" stroke-dasharray' in page
    assert page.count("geobrief-uncertain") == 1


def test_untrusted_text_is_escaped(page: str) -> None:
    assert EVIL not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page
    # backticks and ${ would break out of folium's JavaScript template literals
    assert "`${document.cookie}`" not in page
    assert "&#96;&#36;&#123;document.cookie&#125;&#96;" in page


def test_html_text_escapes_template_literal_characters() -> None:
    assert html_text("a`b${c}\\d<e>&'\"") == "a&#96;b&#36;&#123;c&#125;&#92;d&lt;e&gt;&amp;&#x27;&quot;"


def test_an_area_popup_is_bound_as_a_json_string(report: Report, page: str) -> None:
    area = next(p for p in map_points(report) if p.kind == "admin1")
    bound = re.search(r'\.bindPopup\(("(?:[^"\\]|\\.)*"), \{maxWidth: 380\}\);', page)
    assert bound is not None, "the province's popup is not bound"
    assert json.loads(bound.group(1)) == point_popup_html(area)  # exactly the escaped HTML written
    assert "<" not in bound.group(1)  # '<' is \\u003c in the script: nothing in it can end the script


def test_the_dashboard_map_binds_the_area_popups_too(report: Report) -> None:
    # streamlit-folium writes the map from each element's script macro, not from the page
    from streamlit_folium import generate_leaflet_string

    area = next(p for p in map_points(report) if p.kind == "admin1")
    script = generate_leaflet_string(build_map(report))
    assert f".bindPopup({script_json(point_popup_html(area))}, {{maxWidth: 380}});" in script


def test_popup_lists_events_sources_and_evidence(report: Report) -> None:
    point = map_points(report)[0]
    popup = point_popup_html(point)
    assert "Attacks here (1)" in popup
    assert "drone strike on &lt;script&gt;" in popup
    assert "Drones struck a depot in &lt;script&gt;" in popup  # the evidence sentence
    assert "officials &lt;b&gt;bold&lt;/b&gt;" in popup  # a source whose claim mentions the place
    assert "confidence 0.90" in popup and "XA" in popup


def test_events_without_location_are_counted_not_drawn(report: Report, page: str) -> None:
    assert [e.summary for e in unlocated_events(report)] == ["blast"]
    assert "1 event(s) with no pin (place unknown or told over several)" in page


def _fitted_bounds(page: str) -> list[float]:
    match = re.search(r"fitBounds\(\s*\[\[([\d.-]+), ([\d.-]+)\], \[([\d.-]+), ([\d.-]+)\]\]", page)
    assert match, "the view should fit the markers"
    return [float(x) for x in match.groups()]


def test_map_fits_the_events_and_towns(page: str) -> None:
    # the province without events (35.34, 40.14) is left out: areas only widen the view
    assert _fitted_bounds(page) == [34.45, 40.45, 35.02, 40.92]


def test_map_fits_areas_when_there_is_nothing_else() -> None:
    only_area = Report(article=Article(text=TEXT), places=(
        _place("gn:103", "Northprov", "admin1", 35.34, 40.14, 0.7, "Northprov"),
        _place("gn:104", "Farland", "country", -20.0, -60.0, 0.9, "Fighting"),
    ))
    assert _fitted_bounds(build_map(only_area).get_root().render()) == [-20.0, -60.0, 35.34, 40.14]


def test_few_points_get_permanent_labels(page: str) -> None:
    assert page.count('"permanent": true') == 3
    assert 'className": "geobrief-label' in page


def test_labels_carry_the_rank_that_decides_overlaps(page: str) -> None:
    # an event's place outranks another place, which outranks a province (geo.maps.detail_layer)
    assert '"className": "geobrief-label geobrief-label-event"' in page
    assert '"className": "geobrief-label geobrief-label-area"' in page
    assert "LabelDeclutter" not in page and 'querySelectorAll(".geobrief-label, .geobrief-town")' in page


def test_empty_report_renders_a_world_map() -> None:
    page = build_map(Report(article=Article(text="Nothing here."))).get_root().render()
    assert "fitBounds" not in page
    assert "L.map(" in page and "geobrief-marker geobrief-" not in page


def test_basemap_can_be_disabled_or_moved(report: Report) -> None:
    without = build_map(report, basemap_url=None).get_root().render()
    assert "fetch(" not in without
    moved = build_map(report, asset_base_url="/assets/v1/", basemap_url=AUTO_BASEMAP).get_root().render()
    assert 'fetch("/assets/v1/basemap/countries.geojson")' in moved
    assert '<script src="/assets/v1/leaflet/leaflet.js"></script>' in moved


def test_inline_html_is_self_contained(report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("geo.maps.offline.DEFAULT_STATIC_DIR", tmp_path)  # no detail basemap: the outlines
    page = map_html(report, inline_assets=True, online_tiles=False)
    assert "<script src=" not in page and "<link rel=\"stylesheet\"" not in page
    assert "fetch(" not in page
    assert "L.version" in page or "Leaflet" in page  # leaflet.js is inlined
    assert "jQuery" not in page and "bindPopup(" in page  # popups bound as strings, no jQuery
    assert "layer.addData({\"type\":\"FeatureCollection\"" in page  # the basemap is embedded
    assert "url(images/" not in page  # leaflet.css images became data: URLs
    assert EVIL not in page


def test_st_folium_sees_the_local_assets_only(report: Report) -> None:
    """streamlit-folium collects default_js/default_css from every element it walks."""
    from branca.element import Element as BrancaElement

    m = build_map(report)
    links: list[str] = []

    def walk(element: BrancaElement) -> None:
        links.extend(url for _, url in getattr(element, "default_js", []))
        links.extend(url for _, url in getattr(element, "default_css", []))
        for child in getattr(element, "_children", {}).values():
            walk(child)

    walk(m)
    assert links and all(url.startswith("/app/static/vendor/") for url in links), links


# --- uncertain and approximate places, clustering ---------------------------------------------


def _town(index: int, lat: float, lon: float, kind: str = "city", confidence: float = 0.9) -> Place:
    name = f"Town {index}" if kind != "other" else f"Street {index} (near Town 0)"
    return Place(key=f"k:{index}", name=name, kind=kind, country="XA", lat=lat, lon=lon, geonameid=None,
                 confidence=confidence, mentions=(TextSpan("x", 0, 1),))


def _many(count: int) -> Report:
    places = tuple(_town(i, 30 + (i % 40) * 0.1, 40 + (i // 40) * 0.1) for i in range(count))
    attacks = tuple(
        Event(kind="attack", summary=f"strike {i}", category="Air/drone strike", evidence=TextSpan("x", 0, 1),
              place=p.name, place_key=p.key, lat=p.lat, lon=p.lon)
        for i, p in enumerate(places) if i % 2 == 0
    )
    return Report(article=Article(text="x"), places=places, attacks=attacks)


def test_approximate_place_is_a_dashed_ring_not_a_pin() -> None:
    approximate = _town(1, 35.0, 40.0, kind="other", confidence=0.2)
    report = Report(article=Article(text="x"), places=(_town(0, 35.1, 40.1), approximate))
    point = next(p for p in map_points(report) if p.key == "k:1")
    assert point.approximate and point.uncertain
    page = build_map(report).get_root().render()
    assert page.count("geobrief-approximate") == 1
    assert 'stroke-dasharray=\\"4 3\\"' in page  # the ring around it
    assert "approximate location" in point_popup_html(point)
    assert "Approximate location (near a named place)" in page  # in the legend


def test_few_points_are_not_clustered(report: Report) -> None:
    page = build_map(report).get_root().render()
    assert "markerClusterGroup" not in page and "markercluster" not in page


def test_many_points_are_clustered_with_the_local_library() -> None:
    report = _many(300)
    m = build_map(report)
    page = m.get_root().render()
    assert page.count("L.markerClusterGroup(") == 3  # one per role
    assert '<script src="/app/static/vendor/markercluster/leaflet.markercluster.js"></script>' in page
    assert "/app/static/vendor/markercluster/leaflet.markercluster.css" in page
    assert "cdnjs" not in page and "unpkg" not in page
    assert marker_count(page) == 300  # every place is still drawn
    assert "Numbered circles" in page
    assert '"maxZoom": 18' in page  # Leaflet.markercluster refuses a map without one


def test_clustering_can_be_forced_either_way(report: Report) -> None:
    assert "L.markerClusterGroup(" in build_map(report, cluster=True).get_root().render()
    assert "L.markerClusterGroup(" not in build_map(_many(300), cluster=False).get_root().render()


def test_inline_clustered_map_carries_the_library() -> None:
    page = map_html(_many(100), inline_assets=True, online_tiles=False)
    assert "<script src=" not in page
    assert "L.MarkerClusterGroup = L.FeatureGroup.extend" in page
    assert "\nexport " not in page  # the ES module became a classic script
    assert ".marker-cluster" in page or "leaflet-cluster-anim" in page


def test_symbols_carry_exactly_the_html_python_wrote(report: Report, page: str) -> None:
    points = {(round(p.lat, 5), round(p.lon, 5)): p for p in map_points(report)}
    symbols = layer_symbols(page)
    assert symbols
    for symbol in symbols:
        point = points[(symbol.lat, symbol.lon)]
        assert symbol.popup == point_popup_html(point)
        assert symbol.tooltip == html_text(point.name)  # few points: a permanent label
        assert point.css_class in symbol.class_name.split()


def test_template_syntax_in_the_article_is_shown_not_evaluated() -> None:
    text = "Rockets hit {{ 7*7 }} at dawn {% if %}, {# officials #} said."
    span = TextSpan(text, 0, len(text))
    places = tuple(Place(key=f"gn:{i}", name=f"{{{{ {i}*{i} }}}} {kind}", kind=kind, country="XA", lat=30.0 + i,
                         lon=40.0, geonameid=None, confidence=0.9, mentions=(span,))
                   for i, kind in ((3, "city"), (4, "admin1")))
    events = tuple(Event(kind="attack", summary="{{ 6*6 }}", category="Attack", evidence=span, place=p.name,
                         place_key=p.key, lat=p.lat, lon=p.lon) for p in places)
    report = Report(article=Article(text=text, title="t"), places=places, attacks=events)
    page = map_html(report)  # a Jinja syntax error here would raise
    popups = " ".join(s.popup for s in layer_symbols(page))
    assert "&#123;&#123; 7*7 &#125;&#125;" in popups and "{% if %}" not in page
    for evaluated in ("Rockets hit 49", "<b>36</b>", ">9 city<"):
        assert evaluated not in popups
    assert "&#123;&#123; 4*4 &#125;&#125; admin1" in page and "16 admin1" not in page


def test_the_presentation_map_steps_through_the_events_with_the_keys(report: Report) -> None:
    page = build_map(report, steps=[(1, 35.0, 40.0), (2, None, None)]).get_root().render()
    assert "var steps = [[1, 35.0, 40.0], [2, null, null]]" in page
    assert 'key === "ArrowRight"' in page and "window.geobriefStep = go" in page
    assert '"keyboard": false' in page  # the arrows step, they do not pan
    assert ".geobrief-legend-box{font-size:15px" in page  # large type for a room
    plain = build_map(report).get_root().render()
    assert "geobriefStep" not in plain and '"keyboard": false' not in plain
