"""The conflict-news scorer's own rules (geo.bench.conflict_news): the split, source names however
spelled, places right within a town's reach or at the labelled area. Made-up labels."""

from __future__ import annotations

import json
from pathlib import Path

from geo.bench.conflict_news import file_number, load_articles, place_right, source_match, split_of
from geo.model import Event, Place, TextSpan


def test_files_numbered_divisible_by_three_are_the_test_part() -> None:
    assert [split_of(n) for n in (1, 2, 3, 6, 7)] == ["dev", "dev", "test", "test", "dev"]
    assert [split_of(file_number(f)) for f in ("07_a.txt", "99_b.txt", "102_c.txt", "104_d.txt")] == [
        "dev", "test", "test", "dev"]  # three digits: 102 is test, not "10"


def test_articles_are_read_with_their_header(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    for name in ("01_a.txt", "03_b.txt"):
        (tmp_path / "articles" / name).write_text("https://example.test/x\n2024-05-01\n\nBody text.\n")
    labels = {"places": [], "attacks": [], "responses": [], "sources": []}
    (tmp_path / "truth.jsonl").write_text("".join(json.dumps({"file": n, **labels}) + "\n"
                                                 for n in ("01_a.txt", "03_b.txt")))
    (dev,) = load_articles(tmp_path, "dev")
    assert dev.name == "01_a.txt" and dev.url == "https://example.test/x" and dev.text == "Body text.\n"
    assert [a.name for a in load_articles(tmp_path, "test")] == ["03_b.txt"]
    assert load_articles(tmp_path / "absent", "dev") == []


def test_source_names_match_however_spelled() -> None:
    assert source_match("Lloyd J. Austin III", "Lloyd Austin") >= 1
    assert source_match("CENTCOM", "U.S. Central Command") == 2
    assert source_match("spokesperson for the United Nations Secretary-General",
                        "spokesperson for the UN Secretary-General") == 2
    assert source_match("Saudi Press Agency (SPA)", "SPA") == 2
    assert source_match("the Pentagon", "the Kremlin") == 0
    assert source_match("U.S. Department of Defense", "Pentagon") >= 1 and source_match("Pentagon", "DOD") == 2


def test_a_source_labelled_with_its_speaker_in_parentheses_is_met_by_either_name() -> None:
    label = "Ministry of Water (spokesperson Jane Q. Roe)"
    assert source_match("Jane Roe", label) >= 1 and source_match("the Ministry of Water", label) == 2
    assert source_match("John Doe", label) == 0
    assert source_match("Fareham", "Jane Roe (unnamed)") == 0 and source_match("Fareham", "Jane Roe (mayor)") == 0


def _event(lat: float, lon: float, key: str = "k") -> Event:
    evidence = TextSpan("x", 0, 1)
    return Event(kind="attack", summary="x", category="Attack", evidence=evidence, place="Town", place_key=key,
                 lat=lat, lon=lon, mentions=(evidence,))


def _place(kind: str, lat: float, lon: float) -> Place:
    return Place(key="k", name="Town", kind=kind, country="UA", lat=lat, lon=lon, geonameid=None,
                 confidence=1.0, mentions=(TextSpan("Town", 0, 4),))


def test_a_town_is_right_within_25_km_and_an_area_at_its_level() -> None:
    town = {"Town": {"mention": "Town", "name": "Town", "kind": "city", "lat": 50.0, "lon": 30.0}}
    gold = {"place": ["Town"]}
    assert place_right(_event(50.1, 30.0), gold, [_place("city", 50.1, 30.0)], town)  # 11 km
    assert not place_right(_event(50.5, 30.0), gold, [_place("city", 50.5, 30.0)], town)  # 56 km
    province = {"Town": {"mention": "Town", "name": "Town", "kind": "admin1", "lat": 50.0, "lon": 30.0}}
    assert place_right(_event(50.6, 30.0), gold, [_place("admin1", 50.6, 30.0)], province)
    assert not place_right(_event(50.6, 30.0), gold, [_place("city", 50.6, 30.0)], province)
    assert place_right(_event(50.6, 30.0), {"place": []}, [], town) is False


def test_the_projects_own_labelled_articles_are_well_formed() -> None:
    from geo.bench.conflict_news import SYNTHETIC_ROOT

    articles = load_articles(SYNTHETIC_ROOT, "all")
    assert len(articles) == 552 and {a.split for a in articles} == {"dev", "test"}
    for article in articles:
        raw = (SYNTHETIC_ROOT / "articles" / article.name).read_text(encoding="utf-8")
        for place in article.truth["places"]:
            assert all(raw[start:end] == place["mention"] for start, end in place["spans"]), article.name
        for label in article.truth["attacks"] + article.truth["responses"]:
            assert label["evidence"] in article.text, article.name


def test_source_names_match_whatever_their_accents() -> None:
    assert source_match("the Burkinabe army", "Burkinabè army") == 2


def test_a_country_and_its_peoples_adjective_name_one_source() -> None:
    from geo.bench.conflict_news import source_match
    assert source_match("Iran's foreign ministry", "Iranian foreign ministry") == 2
    assert source_match("Lebanon's government", "Lebanese government") == 2
    assert source_match("Iran's defence ministry", "Iraqi foreign ministry") == 0
