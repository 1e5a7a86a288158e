"""The Corpus page under streamlit.testing.v1.AppTest, on a temporary store: no browser, no network.

The store holds small reports made without spaCy (three outlets reporting one strike on Kharkiv,
a shelling of Kherson, an interception over Odesa). Expected values come from geo.dashboard.corpus_view
on the same store, never from answers written down here; only the facts the store was built
with (three outlets, one strike) are stated.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from geo.corpus.store import Store
from geo.dashboard.corpus_view import article_label, load_view, stored_articles
from geo.dashboard.store_access import BUSY_MESSAGE
from geo.exports.brief import EventFilter
from geo.exports.tables import escape_markdown
from geo.maps.folium_map import map_points
from geo.model import Article, Candidate, Event, Place, Report, TextSpan
from tests.corpus_helpers import ROOT, pdf_bytes, run_geo
from tests.map_helpers import marker_count
from tests.page_helpers import open_boxes

APP_PATH = ROOT / "app.py"
TIMEOUT = 120  # the first analysis loads spaCy and the gazetteer
KHARKIV = Candidate("Kharkiv", "city", "UA", 49.98081, 36.25272, geonameid=706483, admin1="Kharkiv", score=0.9)
KHARKIV_OBLAST = Candidate("Kharkiv Oblast", "admin1", "UA", 49.5, 36.5, geonameid=706482, score=0.4)
KHERSON = Candidate("Kherson", "city", "UA", 46.65581, 32.6178, geonameid=706448, score=0.9)
ODESA = Candidate("Odesa", "city", "UA", 46.47747, 30.73262, geonameid=698740, score=0.9)


def _report(text: str, outlet: str, published: date, town: Candidate, kind: str, category: str,
            alternatives: tuple[Candidate, ...] = ()) -> Report:
    """A report of one event at ``town`` (named in the text), made without spaCy."""
    article = Article(text=text, title=text.split(".")[0], outlet=outlet, published=published)
    start = text.index(town.name)
    mention = TextSpan(town.name, start, start + len(town.name))
    evidence = TextSpan(text.split(". ")[0] + ".", 0, len(text.split(". ")[0]) + 1)
    place = Place(key=f"gn:{town.geonameid}", name=town.name, kind=town.kind, country=town.country, lat=town.lat,
                  lon=town.lon, geonameid=town.geonameid, confidence=town.score, mentions=(mention,),
                  alternatives=alternatives or (town,))
    event = Event(kind=kind, summary=f"{category} in {town.name}", category=category, evidence=evidence,
                  place=town.name, place_key=place.key, lat=town.lat, lon=town.lon, date=published,
                  killed=2, sources=("the governor",), mentions=(evidence,))
    events = {"attacks": (event,)} if kind == "attack" else {"responses": (event,)}
    return Report(article=article, places=(place,), **events)


def _fill(path: Path) -> list[Report]:
    strike = "Air/drone strike"
    reports = [
        _report(f"A drone hit Kharkiv overnight, killing two. Reported by {outlet}.", outlet, date(2024, 5, 1),
                KHARKIV, "attack", strike, alternatives=(KHARKIV, KHARKIV_OBLAST))
        for outlet in ("Kyiv Independent", "Reuters", "BBC News")
    ]
    reports.append(_report("Shelling hit Kherson on Friday. The governor said two died.", "Reuters",
                           date(2024, 5, 3), KHERSON, "attack", "Shelling/artillery/missile attack"))
    reports.append(_report("Air defences shot down drones over Odesa. The air force said so.", "Ukrainska Pravda",
                           date(2024, 5, 4), ODESA, "response", "Disrupted weapons use"))
    with Store.open(path) as store:
        for report in reports:
            store.save_report(report, analyzer_version="test")
    return reports


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "corpus.duckdb"
    _fill(path)
    monkeypatch.setenv("GEOBRIEF_DB", str(path))
    return path


def _corpus_page(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/corpus.py")
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at


def _params(at: AppTest) -> dict[str, str]:
    return {name: value[-1] if isinstance(value, list) else value
            for name, value in ((n, at.query_params[n]) for n in at.query_params)}


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _panel(at: AppTest, name: str):  # -> pandas.DataFrame
    tab = next(t for t in at.tabs if t.label.startswith(name + " ("))
    return tab.dataframe[0].value


def _tab_labels(at: AppTest) -> list[str]:
    return [tab.label for tab in at.tabs]


def _expected_tabs(path: Path, ids: tuple[str, ...] | None = None) -> list[str]:
    view = load_view(path, ids)
    return [f"Attacks ({len(view.event_rows('attack'))})", f"Responses ({len(view.event_rows('response'))})",
            f"Sources cited ({len(view.source_rows())})", f"Places ({len(view.place_rows())})"]


def _map_script(at: AppTest) -> str:
    (component,) = [e for e in at.get("component_instance")
                    if getattr(e.proto, "component_name", "") == "streamlit_folium.st_folium"]
    return component.proto.json_args


def _timeline(at: AppTest) -> dict[str, int]:
    (chart,) = at.get("vega_lite_chart")
    table = pa.ipc.open_stream(chart.proto.datasets[0].data.data).read_all().to_pandas()
    return {day.date().isoformat(): int(total) for day, total in table.groupby("day")["events"].sum().items()}


def test_the_list_map_panels_and_timeline_show_the_whole_corpus(db: Path) -> None:
    at = _corpus_page()
    stored = stored_articles(db)
    listing = at.dataframe[0].value  # the article list comes first
    assert sorted(listing["id"]) == sorted(a.id for a in stored)
    assert set(listing["outlet"]) == {"Kyiv Independent", "Reuters", "BBC News", "Ukrainska Pravda"}
    assert _metric(at, "Articles") == f"{len(stored)} / {len(stored)}"
    assert _tab_labels(at) == _expected_tabs(db)
    attacks = _panel(at, "Attacks")
    strike = attacks[attacks["place"] == "Kharkiv"]
    assert list(strike["corroboration"]) == [3]  # three outlets, one strike
    assert set(strike["outlets"].iloc[0].split(", ")) == {"Kyiv Independent", "Reuters", "BBC News"}
    view = load_view(db)
    assert marker_count(_map_script(at)) == len(map_points(view.map_report()))
    expected_days = {row["day"].isoformat(): row["attacks"] + row["responses"] for row in view.timeline_rows()}
    assert _timeline(at) == {day: count for day, count in expected_days.items() if count}
    assert expected_days["2024-05-01"] == 1 and "2024-05-02" not in _timeline(at)  # merged; a day of none: no bar


def test_choosing_articles_narrows_everything(db: Path) -> None:
    at = _corpus_page()
    stored = {a.outlet + a.published.isoformat(): a for a in stored_articles(db)}
    chosen = (stored["Reuters2024-05-01"].id, stored["Reuters2024-05-03"].id)
    picker = at.multiselect(key="corpus_selection")
    assert picker.format_func(chosen[0]) == article_label(stored["Reuters2024-05-01"])
    for article_id in chosen:
        picker.select(article_id)
    at.run()
    assert not at.exception
    assert _metric(at, "Articles") == f"2 / {len(stored)}"
    assert _tab_labels(at) == _expected_tabs(db, chosen)
    attacks = _panel(at, "Attacks")
    assert sorted(attacks["place"]) == ["Kharkiv", "Kherson"] and list(attacks["corroboration"]) == [1, 1]
    assert _timeline(at) == {"2024-05-01": 1, "2024-05-03": 1}


def test_filters_narrow_the_merged_view_its_places_and_sources(db: Path) -> None:
    view = load_view(db)
    assert view.filtered(EventFilter()).events == view.events
    attacks = view.filtered(EventFilter(kind="attack"))
    assert {e.kind for e in attacks.events} == {"attack"} and len(attacks.events) == 2
    assert sorted(p.name for p, _ in attacks.places()) == ["Kharkiv", "Kherson"]  # Odesa had only a response
    late = view.filtered(EventFilter(since=date(2024, 5, 3)))
    assert sorted(p.name for p, _ in late.places()) == ["Kherson", "Odesa"]
    assert [row["day"] for row in late.timeline_rows()] == [date(2024, 5, 3), date(2024, 5, 4)]
    assert view.filtered(EventFilter(source_type="wire")).events == ()  # no stored source is a wire
    assert view.filtered(EventFilter(actor="nobody")).place_rows() == []


def test_a_link_sets_articles_and_filters_and_the_page_writes_them_back(db: Path) -> None:
    stored = {a.outlet + a.published.isoformat(): a for a in stored_articles(db)}
    chosen = [stored["Reuters2024-05-01"].id, stored["Reuters2024-05-03"].id]
    linked = {"articles": ",".join(chosen), "kind": "attack", "since": "2024-05-02"}
    at = _corpus_page(linked)
    assert at.multiselect(key="corpus_selection").value == chosen
    assert at.selectbox(key="corpus_filter_kind").value == "attack"
    assert _tab_labels(at)[:2] == ["Attacks (1)", "Responses (0)"]
    assert list(_panel(at, "Attacks")["place"]) == ["Kherson"]
    assert _params(at) == linked
    open_boxes(at, ("corpus_share_box",)).run()  # the Share box is drawn when opened
    assert any(f"articles={chosen[0]}%2C{chosen[1]}" in code.value and "kind=attack" in code.value
               for code in at.code)  # the Share box's link
    at.selectbox(key="corpus_filter_kind").set_value("response")
    at.run()
    assert _tab_labels(at)[:2] == ["Attacks (0)", "Responses (0)"]
    assert _params(at) == {**linked, "kind": "response"}


def _stored_events(db: Path) -> list[dict]:
    result = run_geo("events", "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_correction_saved_on_the_page_is_stored_and_applied_everywhere(db: Path) -> None:
    at = _corpus_page()
    kherson = next(a for a in stored_articles(db) if a.published == date(2024, 5, 3))
    at.tabs[3].selectbox(key="corpus_fix_article").select(kherson.id).run()
    at.selectbox(key="corpus_fix_place").select(f"gn:{KHERSON.geonameid}").run()
    at.selectbox(key="corpus_fix_reading").select(-1).run()  # Drop this place
    at.button(key="corpus_fix_save").click().run()
    assert not at.exception and not at.error
    with Store.open(db) as store:
        assert [c.action for c in store.corrections(kherson.id)] == ["drop"]
    assert _tab_labels(at) == _expected_tabs(db)
    attacks = _panel(at, "Attacks")
    assert "Kherson" not in set(attacks["place"]) and "location unknown" in set(attacks["place"])
    shelling = next(e for e in _stored_events(db) if kherson.id in e["articles"])
    assert shelling["place"] is None and shelling["lat"] is None  # `python -m geo events` applies it too

    at.button(key="corpus_fix_reset").click().run()
    assert not at.exception
    assert "Kherson" in set(_panel(at, "Attacks")["place"])
    assert next(e for e in _stored_events(db) if kherson.id in e["articles"])["place"] == "Kherson"


def test_choosing_another_candidate_moves_the_event(db: Path) -> None:
    at = _corpus_page()
    first = next(a for a in stored_articles(db) if a.outlet == "Kyiv Independent")
    at.tabs[3].selectbox(key="corpus_fix_article").select(first.id).run()
    at.selectbox(key="corpus_fix_place").select(f"gn:{KHARKIV.geonameid}").run()
    at.selectbox(key="corpus_fix_reading").select(1).run()  # the oblast, the place's second reading
    at.button(key="corpus_fix_save").click().run()
    assert not at.exception and not at.error
    view = load_view(db)
    moved = next(e for e in view.events if first.id in e.articles)
    assert next(r for r in moved.reports if r.article_id == first.id).event.place == "Kharkiv Oblast"
    assert moved.to_dict()["place"] == "Kharkiv"  # the other outlets' town lies in that oblast: one strike still
    assert _tab_labels(at) == _expected_tabs(db)
    places = _panel(at, "Places")
    assert bool(places[places["name"] == "Kharkiv Oblast"]["corrected"].iloc[0])


def test_adding_files_and_urls_reports_each_failure_in_one_line(db: Path) -> None:
    at = _corpus_page()
    before = len(stored_articles(db))
    at.text_area(key="corpus_urls").input("http://127.0.0.1:9/news.html\nnot a url")
    uploader = at.file_uploader(key="corpus_files")
    uploader.upload("strike.txt", b"Shelling hit the city of Sumy on Monday, killing three people, the governor said.")
    uploader.upload("report.pdf", pdf_bytes(["A drone hit Mykolaiv on Sunday, officials said."], title="Mykolaiv"))
    uploader.upload("notes.docx", b"PK\x03\x04")
    at.button(key="corpus_add_button").click().run()
    assert not at.exception
    assert len(stored_articles(db)) == before + 2
    summary = [w.value for w in at.warning]
    assert any("ingested 2" in line and "failed 3" in line for line in summary), summary
    errors = [e.value for e in at.error]
    assert len(errors) == 3 and all("\n" not in e for e in errors)
    assert any("Unsupported file type" in e for e in errors)
    assert any(escape_markdown("127.0.0.1") in e for e in errors) and any("not a URL" in e for e in errors)
    assert _metric(at, "Articles") == f"{before + 2} / {before + 2}"


def test_an_empty_submission_asks_for_something(db: Path) -> None:
    at = _corpus_page()
    at.button(key="corpus_add_button").click().run()
    assert not at.exception
    assert any("Give a URL" in w.value for w in at.warning)


def test_an_empty_corpus_says_so_and_creates_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "none" / "corpus.duckdb"
    monkeypatch.setenv("GEOBRIEF_DB", str(path))
    at = _corpus_page()
    assert any("The corpus is empty" in i.value for i in at.info)
    assert not path.exists()


def _hold(db: Path, grade: str | None = None) -> subprocess.Popen[str]:
    """Another process holding the store read-write (an ingest saving a batch), after grading a source."""
    script = ("import sys, time; from geo.corpus import parse_grade; from geo.corpus.store import Store; "
              "s = Store.open(sys.argv[1]); sys.argv[2] and s.save_grade('Reuters', parse_grade(sys.argv[2])); "
              "print('holding', flush=True); time.sleep(120)")
    holder = subprocess.Popen([sys.executable, "-c", script, str(db), grade or ""], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


@pytest.fixture()
def held_by_another_process(db: Path) -> Iterator[subprocess.Popen[str]]:
    holder = _hold(db)
    try:
        yield holder
    finally:
        holder.kill()
        holder.wait()


def _visible_messages(at: AppTest) -> list[str]:
    return [m.value for m in (*at.error, *at.warning, *at.info, *at.caption)]


def test_a_store_held_by_a_writer_says_the_corpus_is_busy_in_one_line(
    db: Path, held_by_another_process: subprocess.Popen[str]
) -> None:
    at = _corpus_page()
    assert [e.value for e in at.error] == [escape_markdown(BUSY_MESSAGE)]
    assert not any(str(db.parent) in m or "Traceback" in m for m in _visible_messages(at))


def test_a_store_held_after_a_first_read_shows_the_corpus_as_last_read(db: Path) -> None:
    at = _corpus_page()
    shown = len(stored_articles(db))
    holder = _hold(db, grade="B")  # the file changes (a new grade), so the page reads it again: busy
    try:
        at.run()
    finally:
        holder.kill()
        holder.wait()
    assert not at.exception and not at.error
    busy = [w.value for w in at.warning if "busy" in w.value]
    assert busy[0] == escape_markdown(BUSY_MESSAGE) + " Showing the corpus as last read."
    assert all(m.startswith(escape_markdown(BUSY_MESSAGE)) for m in busy)  # the Places tab's picker may say so too
    assert not any(str(db.parent) in m or "Traceback" in m for m in _visible_messages(at))
    assert _metric(at, "Articles") == f"{shown} / {shown}"


def test_the_page_does_not_keep_the_store_locked(db: Path) -> None:
    _corpus_page()
    result = run_geo("articles", "--format", "json", db=db)  # another process can open it at once
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == len(stored_articles(db))


def test_a_panel_of_thousands_of_rows_shows_the_first_thousand_and_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.bench.scale import synthetic_reports

    path = tmp_path / "large.duckdb"
    with Store.open(path) as store:
        for report in synthetic_reports(1_800):  # two thirds attacks: 1,200
            store.save_report(report, analyzer_version="test")
    monkeypatch.setenv("GEOBRIEF_DB", str(path))
    view = load_view(path)
    attacks = len(view.event_rows("attack"))
    assert attacks > 1_000
    at = _corpus_page()
    assert f"Attacks ({attacks})" in _tab_labels(at)
    assert len(_panel(at, "Attacks")) == 1_000
    tab = next(t for t in at.tabs if t.label.startswith("Attacks ("))
    assert any(f"The first 1,000 of {attacks:,} rows" in c.value for c in tab.caption)
    assert len(_panel(at, "Responses")) == len(view.event_rows("response")) < 1_000  # shown whole


def test_a_link_with_a_day_shows_the_events_by_then_and_the_slider_there(db: Path) -> None:
    view = load_view(db)
    at = _corpus_page({"at": "2024-05-01", "window": "14"})
    assert at.toggle(key="corpus_time_on").value is True
    assert at.select_slider(key="corpus_time_at").value == date(2024, 5, 1)
    shown, _ = view.as_of(date(2024, 5, 1), 14)
    assert 0 < len(shown.events) < len(view.events)
    assert marker_count(_map_script(at)) == len(map_points(shown.map_report()))
    assert _params(at) == {"at": "2024-05-01", "window": "14"}
    at.toggle(key="corpus_time_on").set_value(False)
    at.run()
    assert marker_count(_map_script(at)) == len(map_points(view.map_report()))
    assert "at" not in _params(at)
