"""The analyst's records in the store: event corrections, merge decisions, source grades, article
identity; each checked, stored whole or not at all, applied wherever the corpus is read."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import duckdb
import pytest

from geo.corpus import (ArticleIdentity, Grade, MergeDecision, Store, event_correction, event_keys, merge_events,
                        parse_grade)
from geo.corpus.event_corrections import apply_event_corrections
from geo.corpus.database import ANALYST_TABLES, META_TABLE, SCHEMA_VERSION, StoreError
from geo.errors import GeoError, InputError
from geo.exports import NO_FILTER
from geo.ingest import article_from_text
from tests.corpus_helpers import fake_report

TEXTS = ("Shelling hit Kharkiv overnight. The governor spoke.", "Shelling struck Kharkiv. Two people died.")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.duckdb"
    with Store.open(path) as store:
        for n, text in enumerate(TEXTS):
            store.save_report(fake_report(article_from_text(text, outlet=f"Outlet {n}")), analyzer_version="v1")
    return path


def _keys(store: Store) -> list[str]:
    return [key for s in store.reports(corrected=False) for key in event_keys(s.article_id, s.report)]


def test_an_event_is_turned_into_a_response_moved_and_given_a_toll_then_undone(db: Path) -> None:
    with Store.open(db) as store:
        key = _keys(store)[0]
        store.save_event_correction(event_correction(key, {"kind": "response", "place": "Kupiansk", "lat": 49.71,
                                                           "lon": 37.61, "place_key": "gn:704422"}))
        store.save_event_correction(event_correction(key, {"killed": 3}))  # corrections of one event add up
        (corrected,) = store.load_report(key.split(":")[0]).responses
        assert (corrected.place, corrected.killed, corrected.corrected, corrected.date) == (
            "Kupiansk", 3, True, date(2024, 5, 1))
        assert store.load_report(key.split(":")[0]).attacks == ()
        assert [c.describe() for c in store.event_corrections()] == ["kind \u2192 response, place \u2192 Kupiansk",
                                                                     "killed \u2192 3"]
        assert store.undo_event_correction(key) == 2
        assert store.load_report(key.split(":")[0]).attacks[0].corrected is False


def test_an_event_told_over_several_places_moved_by_hand_is_at_that_place_only() -> None:
    report = fake_report(article_from_text("Militias carried out 60 attacks in Ruritania and Borduria."))
    spread = dataclasses.replace(report.attacks[0], place=None, place_key=None, lat=None, lon=None,
                                 areas=("Ruritania", "Borduria"))
    report = dataclasses.replace(report, attacks=(spread,))
    key = event_keys("a1", report)[0]
    killed = apply_event_corrections("a1", report, [event_correction(key, {"killed": 3})]).attacks[0]
    assert (killed.where, killed.killed) == ("across Ruritania and Borduria", 3)
    moved = apply_event_corrections("a1", report, [event_correction(key, {"place": "Kharkiv", "lat": 49.98,
                                                                          "lon": 36.25})]).attacks[0]
    assert (moved.where, moved.areas) == ("Kharkiv", ())
    unknown = apply_event_corrections("a1", report, [event_correction(key, {"place": None, "lat": None,
                                                                            "lon": None})]).attacks[0]
    assert unknown.where is None  # the analyst said unknown


def test_a_deleted_event_is_gone_from_every_reading(db: Path) -> None:
    with Store.open(db) as store:
        key = _keys(store)[1]
        store.save_event_correction(event_correction(key, delete=True))
        merged = merge_events([(s.article_id, s.report) for s in store.reports()], store.judgements())
        assert [m.keys for m in merged] == [(_keys(store)[0],)]


@pytest.mark.parametrize(
    "changes",
    [{"kind": "raid"}, {"category": "Bombing"}, {"killed": -1}, {"killed": "many"}, {"date": "2999-01-01"},
     {"date": "yesterday"}, {"lat": 49.0, "lon": None, "place": "x"}, {"place": "Somewhere"}, {"colour": "red"}, {}],
)
def test_a_bad_correction_is_refused_with_a_message(changes: dict[str, object]) -> None:
    with pytest.raises(InputError):
        event_correction("a:0-5:abc", changes)


def test_a_correction_of_an_event_that_no_longer_exists_stores_nothing(db: Path) -> None:
    with Store.open(db) as store:
        article = _keys(store)[0].split(":")[0]
        with pytest.raises(StoreError, match="No event"):
            store.save_event_correction(event_correction(f"{article}:999-1000:abcdef", {"killed": 1}))
        with pytest.raises(StoreError, match="No article"):
            store.save_merge_decision(MergeDecision("split", "nope:0-1:abcdef"))
        assert store.event_corrections() == [] and store.judgements().decisions == ()


def test_a_split_and_a_join_are_stored_and_applied_in_order(db: Path) -> None:
    with Store.open(db) as store:
        first, second = _keys(store)
        pairs = [(s.article_id, s.report) for s in store.reports()]
        (together,) = merge_events(pairs)  # the same shelling of Kharkiv, two outlets
        assert together.corroboration == 2 and together.reasons
        store.save_merge_decision(MergeDecision("split", second))
        assert len(merge_events(pairs, store.judgements())) == 2
        store.save_merge_decision(MergeDecision("join", first, second))
        (joined,) = merge_events(pairs, store.judgements())
        assert joined.reasons[-1].endswith("joined by the analyst")
        assert store.undo_merge_decisions(second) == 2 and store.judgements().decisions == ()


def test_grades_are_kept_by_name_replaced_and_forgotten(db: Path) -> None:
    with Store.open(db) as store:
        store.save_grade("Reuters", parse_grade("C"))
        store.save_grade("  the reuters ", parse_grade("B2"))
        assert [(g.name, g.grade.code) for g in store.judgements().grades] == [("the reuters", "B2")]
        assert store.judgements().grade_of("REUTERS") == Grade("B", "2")
        assert store.delete_grade("Reuters") == 1 and store.judgements().grades == ()
        with pytest.raises(InputError):
            store.save_grade("  ", parse_grade("A"))


def test_an_article_identity_is_edited_in_its_row_and_its_report(db: Path) -> None:
    with Store.open(db) as store:
        article_id = store.articles()[0].id
        store.update_identity(article_id, ArticleIdentity.checked(" Shelling  in Kharkiv ", "Kyiv Post",
                                                                  "https://kyivpost.com/a", "2024-05-01"))
        (summary,) = [a for a in store.articles() if a.id == article_id]
        assert (summary.title, summary.outlet, summary.published) == ("Shelling in Kharkiv", "Kyiv Post",
                                                                       date(2024, 5, 1))
        assert store.load_report(article_id).article.url == "https://kyivpost.com/a"


@pytest.mark.parametrize(("url", "published"), [("ftp://x.org/a", None), (None, "2999-12-31"), (None, "soon")])
def test_a_bad_identity_is_refused(url: str | None, published: str | None) -> None:
    with pytest.raises(GeoError):
        ArticleIdentity.checked("Title", None, url, published)


def test_a_version_1_corpus_gains_the_analyst_tables_and_keeps_its_articles(db: Path) -> None:
    con = duckdb.connect(str(db))
    for statement in ANALYST_TABLES:
        con.execute(f"DROP TABLE {statement.split()[2]}")
    con.execute(f"UPDATE {META_TABLE} SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        assert store.article_count() == 2 and store.judgements().grades == ()
        store.save_grade("Reuters", parse_grade("A"))


def test_grades_and_corrections_survive_a_reload_and_a_kml_round_trip(db: Path) -> None:
    from fastkml.kml import KML

    from geo.exports import brief_from_corpus
    from geo.exports.formats import export_bytes

    with Store.open(db) as store:
        first, second = _keys(store)
        store.save_merge_decision(MergeDecision("split", second))
        store.save_event_correction(event_correction(second, {"kind": "response", "date": "2024-05-02"}))
        store.save_grade("Outlet 0", parse_grade("B"))
    with Store.open(db) as store:  # reopened: what the page or the CLI reads next time
        reports = [(s.article_id, s.report) for s in store.reports()]
        judgements = store.judgements()
    document = next(iter(KML.from_string(export_bytes(brief_from_corpus(reports, NO_FILTER, judgements), "kml"))
                         .features))
    folders = {folder.name: folder.features for folder in document.features}
    (attack,), (response,) = folders["Attacks"], folders["Responses"]
    attack_data, response_data = ({d.name: d.value for d in p.extended_data.elements} for p in (attack, response))
    assert attack_data["grade"] == "B6" and attack_data["corrected"] == "false"  # Outlet 0's report, alone
    assert response_data["grade"] == "F6" and response_data["corrected"] == "true"
    assert attack.times.timestamp.dt == date(2024, 5, 1) and response.times.timestamp.dt == date(2024, 5, 2)
