"""geo.places.ranking: the features that rank candidates, and the weights file."""

from __future__ import annotations

import json
from pathlib import Path

from geo.model import Candidate
from geo.places.ranking import (DEFAULT_WEIGHTS, FEATURES, NearbyReadings, ProvinceVotes, candidate_provinces,
                                context_features, dot, load_weights, prior_features)


def cand(name: str, kind: str = "city", country: str = "US", lat: float = 0.0, lon: float = 0.0, *,
         admin1: str | None = None, population: int = 0, score: float = 1.0, name_count: int = 1,
         main_name: bool = True) -> Candidate:
    return Candidate(name=name, kind=kind, country=country, lat=lat, lon=lon, admin1=admin1,
                     population=population, score=score, name_count=name_count, main_name=main_name)


def test_prior_features_name_kind_and_cues() -> None:
    lome = cand("Lome", country="TG", population=2_000_000, name_count=20, main_name=False)
    f = prior_features(lome, [lome], cue=None, label=None, containers=(), capital=True)
    assert f["capital"] == 1.0 and f["city_alternate_name"] == 1.0
    assert abs(f["city_name_count"] - 1.30103) < 1e-4
    province = cand("Homs", kind="admin1", country="SY", admin1="Homs", population=1_500_000)
    city = cand("Homs", country="SY", admin1="Homs", population=800_000)
    assert prior_features(province, [province, city], cue=None, label=None, containers=(),
                          capital=False)["province_named_like_big_city"] == 1.0
    with_cue = prior_features(province, [province, city], cue="province", label=None, containers=(), capital=False)
    assert with_cue.get("province_cue_admin1") == 1.0 and "province_named_like_big_city" not in with_cue


def test_a_city_that_goes_by_name_city_does_not_outweigh_its_province() -> None:
    province = cand("Quebec", kind="admin1", country="CA", admin1="Quebec", population=8_000_000)
    city = Candidate(name="Quebec", kind="city", country="CA", lat=46.8, lon=-71.2, admin1="Quebec",
                     population=530_000, score=1.0, geonameid=6325494)
    plain = prior_features(province, [province, city], cue=None, label=None, containers=(), capital=False)
    called = prior_features(province, [province, city], cue=None, label=None, containers=(), capital=False,
                            called_city=frozenset({6325494}))
    assert plain.get("province_named_like_big_city") == 1.0 and "province_named_like_big_city" not in called


def test_a_province_named_like_a_capital_of_its_country_is_marked() -> None:
    state = cand("Washington", kind="admin1", population=7_000_000)
    capital = cand("Washington", population=700_000)
    f = prior_features(state, [state, capital], cue=None, label=None, containers=(), capital=False,
                       rival_capitals=[capital])
    assert f["province_named_like_capital"] == 1.0
    abroad = cand("Washington", country="GB", population=60_000)
    g = prior_features(state, [state, abroad], cue=None, label=None, containers=(), capital=False,
                       rival_capitals=[abroad])
    assert "province_named_like_capital" not in g


def test_context_features_reward_the_document_country_province_and_nearness() -> None:
    here = cand("Mayadin", country="SY", lat=35.02, lon=40.45, admin1="Deir ez-Zor")
    places = [cand("Deir ez-Zor", kind="admin1", country="SY", lat=35.3, lon=40.1, admin1="Deir ez-Zor"),
              cand("Albu Kamal", country="SY", lat=34.45, lon=40.92, admin1="Deir ez-Zor")]
    f = context_features(here, places)
    assert f["focus_country"] == 1.0 and f["named_province"] == 1.0 and f["focus_province"] == 1.0
    assert 0.7 < f["closeness"] < 1.0
    far = context_features(cand("Mayadin", country="XX", lat=-30.0, lon=-60.0), places)
    assert far.get("focus_country", 0.0) == 0.0 and far["closeness"] < 0.01
    assert context_features(here, []) == {}


def test_dot_and_weights_file(tmp_path: Path) -> None:
    assert dot({"name_score": 1.0, "capital": 1.0}, DEFAULT_WEIGHTS) == DEFAULT_WEIGHTS["name_score"] + 0.6
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"weights": {"capital": 2.0, "unknown_feature": 9.0}}), encoding="utf-8")
    weights = load_weights(path)
    assert weights["capital"] == 2.0 and "unknown_feature" not in weights
    assert set(weights) == set(FEATURES) and weights["name_score"] == DEFAULT_WEIGHTS["name_score"]
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert load_weights(broken) == DEFAULT_WEIGHTS
    assert load_weights(tmp_path / "missing.json") == DEFAULT_WEIGHTS


def test_province_vote_counts_the_other_names_readings_split_among_their_provinces() -> None:
    paris_tn = cand("Paris", admin1="Tennessee")
    paris_tx = cand("Paris", admin1="Texas")
    names = {
        "paris": candidate_provinces([paris_tn, paris_tx]),
        # Huntingdon may lie in Tennessee or Pennsylvania; McKenzie only in Tennessee.
        "huntingdon": candidate_provinces([cand("Huntingdon", admin1="Tennessee"),
                                           cand("Huntingdon", admin1="Pennsylvania")]),
        "mckenzie": candidate_provinces([cand("McKenzie", admin1="Tennessee")]),
        "texas": candidate_provinces([cand("Texas", kind="admin1", admin1="Texas", score=0.9)]),  # loose spelling
    }
    assert ProvinceVotes(names).features(paris_tn, "paris") == {"province_vote": (0.5 + 1.0) / 2}
    assert ProvinceVotes(names).features(paris_tx, "paris") == {"province_vote": 0.0}
    # its own name never votes; countries and regions get no vote
    mckenzie = cand("McKenzie", admin1="Tennessee")
    assert ProvinceVotes(names).features(mckenzie, "mckenzie") == {"province_vote": (0.5 + 0.5) / 2}
    country = cand("United States", kind="country", admin1="Tennessee")
    assert ProvinceVotes(names).features(country, "us") == {}


def test_nearby_readings_count_the_other_names_with_a_reading_close_by() -> None:
    paris_tn, paris_tx = cand("Paris", lat=36.30, lon=-88.33), cand("Paris", lat=33.66, lon=-95.55)
    henry_tn = cand("Henry County", kind="admin2", lat=36.33, lon=-88.32)
    henry_va = cand("Henry County", kind="admin2", lat=36.68, lon=-79.87)
    readings = NearbyReadings({
        "paris": [paris_tn, paris_tx],
        "henry county": [henry_tn, henry_va],
        "tennessee": [cand("Tennessee", kind="admin1", lat=35.8, lon=-86.4)],  # no town-level reading: no vote
        "camden": [cand("Camden", lat=36.06, lon=-88.10, score=0.9)],  # a loose spelling: no vote
    })
    assert readings.features(paris_tn, "paris") == {"nearby_reading": 1.0}
    assert readings.features(paris_tx, "paris") == {}
    assert readings.features(henry_tn, "henry county") == {"nearby_reading": 1.0}
    assert readings.features(henry_va, "henry county") == {}
    # a name's own readings never count, and provinces or countries get no such feature
    assert NearbyReadings({"paris": [paris_tn, paris_tx]}).features(paris_tn, "paris") == {}
    assert readings.features(cand("Tennessee", kind="admin1", lat=36.3, lon=-88.3), "tennessee") == {}


def test_nearby_readings_reach_across_grid_cells_and_the_date_line() -> None:
    east, west = cand("A", lat=64.99, lon=179.9), cand("B", lat=65.01, lon=-179.9)  # ~9 km apart
    readings = NearbyReadings({"a": [east], "b": [west]})
    assert readings.features(east, "a") == {"nearby_reading": 1.0}
    north = cand("C", lat=70.0, lon=20.99)
    far_cell = cand("D", lat=70.0, lon=22.0)  # ~38 km east at 70 degrees north, two cells over
    assert NearbyReadings({"c": [north], "d": [far_cell]}).features(north, "c") == {"nearby_reading": 1.0}
