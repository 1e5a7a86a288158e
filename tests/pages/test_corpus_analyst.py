"""The Corpus page's analyst tools under AppTest: a selected event's card and its corrections, a split,
source grades, an article's identity, and the list of changes that undoes each (stored in the corpus)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo.corpus import Store
from geo.dashboard import load_view, stored_articles
from tests.pages.test_corpus import _corpus_page, _panel, db

__all__ = ["db"]  # the corpus of tests/pages/test_corpus.py, a fixture


def _select(at: AppTest, db: Path, place: str) -> AppTest:
    """Select the merged event at ``place`` as a click on its panel row does (AppTest cannot click a row)."""
    from pages.widgets.corpus_event import FIELD_KEYS, SELECTED_KEY

    event = next(e for e in load_view(db).events if e.to_dict()["place"] == place)
    data = event.to_dict()
    at.session_state[SELECTED_KEY] = event.keys[0]
    for name, value in {"kind": event.kind, "category": event.category, "actor": data["actor"] or "",
                        "target": data["target"] or "", "date": event.date, "killed": data["killed"],
                        "injured": data["injured"]}.items():
        at.session_state[FIELD_KEYS[name]] = value
    at.session_state["corpus_event_edit_box"] = True
    at.run()
    assert not at.exception, at.exception
    return at


def _card(at: AppTest) -> str:
    """The page's text, the markdown escapes left out."""
    return (" ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)).replace("\\", "")


def test_a_selected_event_shows_its_reports_grade_and_why_they_were_merged(db: Path) -> None:
    at = _select(_corpus_page(), db, "Kharkiv")
    text = _card(at)
    assert "Grade F1" in text and "3 outlet(s): Kyiv Independent, Reuters, BBC News" in text
    assert "Why these reports are one event" in text and "same place Kharkiv" in text
    marked = [h.proto.body for h in at.get("html") if "geobrief-report-evidence" in h.proto.body]
    assert len(marked) == 3 and all("<mark>A drone hit Kharkiv overnight, killing two.</mark>" in h for h in marked)


def test_turning_an_attack_into_a_response_is_stored_shown_and_undone(db: Path) -> None:
    from pages.widgets.corpus_event import FIELD_KEYS

    at = _select(_corpus_page(), db, "Kherson")
    at.selectbox(key=FIELD_KEYS["kind"]).select("response")
    at.number_input(key=FIELD_KEYS["killed"]).set_value(5)
    at.button(key="corpus_event_save").click().run()
    assert not at.exception and not at.error
    kherson = next(e for e in load_view(db).events if e.to_dict()["place"] == "Kherson")
    assert (kherson.kind, kherson.to_dict()["killed"], kherson.corrected) == ("response", 5, True)
    assert "Kherson" in set(_panel(at, "Responses")["place"])

    at.session_state["corpus_changes_box"] = True
    at.run()
    assert [o for o in at.selectbox(key="corpus_changes_pick").options if o.startswith("event:")]
    at.button(key="corpus_changes_undo").click().run()
    assert not at.exception and not at.error
    assert next(e for e in load_view(db).events if e.to_dict()["place"] == "Kherson").kind == "attack"


def test_a_report_split_out_of_a_merged_event_stands_alone(db: Path) -> None:
    at = _select(_corpus_page(), db, "Kharkiv")
    options = at.selectbox(key="corpus_event_split_pick").options
    assert len(options) == 3 and any("BBC News" in o for o in options)
    at.selectbox(key="corpus_event_split_pick").select_index(2)
    at.button(key="corpus_event_split").click().run()
    assert not at.exception and not at.error
    kharkiv = [e for e in load_view(db).events if e.to_dict()["place"] == "Kharkiv"]
    assert sorted(e.corroboration for e in kharkiv) == [1, 2]


def test_a_bad_correction_says_why_and_stores_nothing(db: Path) -> None:
    from pages.widgets.corpus_event import FIELD_KEYS

    at = _select(_corpus_page(), db, "Kherson")
    at.text_input(key=FIELD_KEYS["actor"]).input("x" * 300)
    at.button(key="corpus_event_save").click().run()
    assert not at.exception and "at most 200 characters" in at.error[0].value
    with Store.open(db) as store:
        assert store.event_corrections() == []


def test_a_grade_given_to_an_outlet_grades_its_events(db: Path) -> None:
    at = _corpus_page()
    at.session_state["corpus_grade_box"] = True
    at.run()
    assert "Ukrainska Pravda" in at.selectbox(key="corpus_grade_name").options
    at.selectbox(key="corpus_grade_name").select("Ukrainska Pravda")
    at.selectbox(key="corpus_grade_reliability").select("B")
    at.button(key="corpus_grade_save").click().run()
    assert not at.exception and not at.error
    assert set(_panel(at, "Responses")["grade"]) == {"B6"}  # one outlet: credibility cannot be judged
    assert set(_panel(at, "Attacks")["grade"]) <= {"F1", "F6"}


def test_an_article_gets_another_title_and_date_and_a_future_date_is_refused(db: Path) -> None:
    at = _corpus_page()
    at.session_state["corpus_identity_box"] = True
    at.run()
    odesa = next(a for a in stored_articles(db) if a.outlet == "Ukrainska Pravda")
    at.selectbox(key="corpus_identity_article").select(odesa.id).run()
    assert at.text_input(key="corpus_identity_title").value == odesa.title
    at.text_input(key="corpus_identity_title").input("Drones downed over Odesa")
    at.date_input(key="corpus_identity_published").set_value(date(2024, 5, 5))
    at.button(key="corpus_identity_save").click().run()
    assert not at.exception and not at.error
    stored = next(a for a in stored_articles(db) if a.id == odesa.id)
    assert (stored.title, stored.published) == ("Drones downed over Odesa", date(2024, 5, 5))
    at.date_input(key="corpus_identity_published").set_value(date.today() + timedelta(days=30))
    at.button(key="corpus_identity_save").click().run()
    assert "in the future" in at.error[0].value
    assert next(a for a in stored_articles(db) if a.id == odesa.id).published == date(2024, 5, 5)


def test_the_source_grade_filter_keeps_the_events_of_well_graded_sources_and_lives_in_the_link(db: Path) -> None:
    from geo.dashboard import save_grade

    save_grade(db, "Ukrainska Pravda", "B2")
    at = _corpus_page({"graded": "C"})
    assert at.selectbox(key="corpus_filter_reliability").value == "C"
    assert _panel(at, "Responses")["grade"].tolist() == ["B2"]
    assert not any(t.label.startswith("Attacks (") and not t.label.startswith("Attacks (0)") for t in at.tabs)
    assert at.query_params["graded"] in ("C", ["C"])


def test_a_link_with_a_grade_that_is_not_one_says_so() -> None:
    from geo.dashboard import ViewState

    state, problems = ViewState.from_params({"graded": "Z"})
    assert state.reliability is None and len(problems) == 1 and "graded" in problems[0]
    assert ViewState.from_params({"graded": "B"})[0].to_params() == {"graded": "B"}
