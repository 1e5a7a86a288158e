"""geo.places.context: the document context as tallies and nearest-point indexes gives the same
features as the plain pass over the other names (geo.places.ranking.context_features)."""

from __future__ import annotations

import random

import pytest

from geo.model import Candidate
from geo.places.context import ChosenReadings
from geo.places.spatial import NearestPoints, names_within, unit_vectors
from geo.places.ranking import context_features

KINDS = ("city", "city", "city", "admin1", "admin2", "facility", "country", "region")
COUNTRIES = ("SY", "IQ", "UA", "YE")
PROVINCES = ("North", "South", "East")


def random_reading(rng: random.Random, name: str) -> Candidate:
    kind = rng.choice(KINDS)
    country = rng.choice(COUNTRIES + (None,)) if kind != "country" else rng.choice(COUNTRIES)
    province = rng.choice(PROVINCES + (None,))
    return Candidate(name=province if kind == "admin1" and province else name, kind=kind, country=country,
                     lat=rng.uniform(-60.0, 70.0), lon=rng.uniform(-180.0, 180.0),
                     admin1=province if kind != "country" else None)


def brute_force(chosen: dict[str, Candidate | None], candidate: Candidate, own: str) -> dict[str, float]:
    return context_features(candidate, [c for name, c in chosen.items() if name != own and c is not None])


@pytest.mark.parametrize("seed", range(6))
def test_the_features_equal_the_pass_over_the_other_names_as_readings_change(seed: int) -> None:
    rng = random.Random(seed)
    names = [f"name{i}" for i in range(rng.choice((1, 3, 40, 120)))]
    chosen: dict[str, Candidate | None] = {name: random_reading(rng, name) for name in names}
    context = ChosenReadings(chosen)
    for _ in range(150):  # enough changes to rebuild the indexes several times
        own = rng.choice(names + ["unnamed"])
        candidates = [random_reading(rng, own) for _ in range(rng.randint(0, 4))]
        got = context.features(candidates, own)
        for candidate, features in zip(candidates, got, strict=True):
            expected = brute_force(chosen, candidate, own)
            assert features.keys() == expected.keys()
            for key, value in expected.items():
                assert features[key] == pytest.approx(value, abs=1e-9), key
        moved = rng.choice(names)
        chosen[moved] = random_reading(rng, moved) if rng.random() < 0.9 else None
        context.choose(moved, chosen[moved])


def test_a_document_of_one_name_has_no_context() -> None:
    only = Candidate(name="Homs", kind="city", country="SY", lat=34.7, lon=36.7)
    assert ChosenReadings({"homs": only}).features([only], "homs") == [{}]


def test_nearest_skips_the_own_name_and_the_names_moved_away() -> None:
    points = NearestPoints({"a": (0.0, 0.0), "b": (0.0, 1.0), "c": (0.0, 50.0)})
    assert points.nearest(unit_vectors([0.0], [0.1])) == [(0.0, 0.0)]
    assert points.nearest(unit_vectors([0.0], [0.1]), besides="a") == [(0.0, 1.0)]
    points.move("b", (0.0, 49.0))  # masked in the tree, searched beside it
    assert points.nearest(unit_vectors([0.0], [0.1]), besides="a") == [(0.0, 49.0)]
    points.move("a", None)
    assert points.nearest(unit_vectors([0.0], [0.1])) == [(0.0, 49.0)]
    assert NearestPoints().nearest(unit_vectors([1.0], [1.0])) == [None]


def test_names_within_counts_other_names_near_each_point_up_to_the_cap() -> None:
    points = [("a", 0.0, 0.0), ("b", 0.0, 1.0), ("c", 0.0, 1.2), ("a", 0.0, 0.0), ("d", 10.0, 10.0)]
    assert names_within(points, radius_km=150.0, cap=5) == [2, 2, 2, 2, 0]  # 1 degree ~ 111 km
    assert names_within(points, radius_km=150.0, cap=1) == [1, 1, 1, 1, 0]
    assert names_within([], radius_km=10.0, cap=2) == []


def test_names_within_matches_the_pass_over_every_pair() -> None:
    from geo.geometry import distance_km
    rng = random.Random(5)
    points = [(f"n{rng.randint(0, 30)}", rng.uniform(30.0, 36.0), rng.uniform(35.0, 42.0)) for _ in range(200)]
    expected = [min(len({n for n, la, lo in points if n != name and distance_km(lat, lon, la, lo) <= 161.0}), 2)
                for name, lat, lon in points]
    assert names_within(points, radius_km=161.0, cap=2) == expected


def test_the_opener_of_a_list_is_found_once_per_doc() -> None:
    import spacy
    from spacy.tokens import Doc

    from geo.places.locative_cues import list_opener
    nlp = spacy.blank("en")
    words = ["in", "A", ",", "B", ",", "C", "and", "D"]
    heads = [0, 0, 1, 1, 3, 3, 5, 5]  # each name the conjunct of the one before
    deps = ["ROOT", "pobj", "punct", "conj", "punct", "conj", "cc", "conj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert list_opener(doc[7], "k", lambda t: t.head.i < t.i).text == "A"
    assert doc.user_data["k"] == {7: 1, 5: 1, 3: 1}  # remembered: the next name walks no further
    assert list_opener(doc[5], "k", lambda t: t.head.i < t.i).text == "A"
    assert list_opener(doc[1], "k", lambda t: t.head.i < t.i).text == "A"
    assert list_opener(doc[7], "other", lambda t: False).text == "D"
