"""Merging events across articles and counting the outlets that corroborate them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from geo.corpus.matching import parties_agree
from geo.corpus.merge import article_outlet, merge_events
from geo.model import Article, Event, Place, Report, TextSpan

ALBU_KAMAL = (34.45226, 40.91854)
AL_QAIM = (34.36857, 41.09457)  # across the border, ~19 km away
BY_ALBU_KAMAL = (34.47, 40.95)  # ~4 km away
AL_MAYADIN = (35.01982, 40.45154)  # ~76 km away


def event(sentence: str = "A drone strike hit a depot.", *, at: tuple[float, float] | None = ALBU_KAMAL,
          on: date | None = date(2024, 3, 5), actor: str | None = None, killed: int | None = None,
          sources: tuple[str, ...] = (), category: str = "Air/drone strike", kind: str = "attack") -> Event:
    return Event(
        kind=kind, summary=sentence.rstrip("."), category=category, evidence=TextSpan(sentence, 0, len(sentence)),
        actor=actor, place="Albu Kamal" if at == ALBU_KAMAL else ("elsewhere" if at else None),
        place_key="gn:174448" if at == ALBU_KAMAL else None,
        lat=at[0] if at else None, lon=at[1] if at else None, date=on, killed=killed, sources=sources,
    )


def report(text: str, *events: Event, outlet: str | None = None, url: str | None = None,
           published: date | None = None) -> tuple[str, Report]:
    article = Article(text=text, outlet=outlet, url=url, published=published)
    return article.text_sha256, Report(article=article, attacks=tuple(events))


def test_three_outlets_one_strike() -> None:
    merged = merge_events([
        report("a", event(killed=4, sources=("the Syrian Observatory",)), outlet="Reuters"),
        report("b", event(on=date(2024, 3, 6), killed=5, sources=("local residents",)), outlet="AP"),
        report("c", event(at=BY_ALBU_KAMAL, sources=("The Syrian Observatory",)), url="https://www.bbc.co.uk/news/1"),
    ])
    assert len(merged) == 1
    data = merged[0].to_dict()
    assert data["corroboration"] == 3 and data["outlets"] == ["Reuters", "AP", "bbc.co.uk"]
    assert len(data["articles"]) == 3 and len(data["mentions"]) == 3
    assert data["sources"] == ["the Syrian Observatory", "local residents"]
    assert data["killed"] == 5 and data["date"] == "2024-03-05" and data["place"] == "Albu Kamal"
    assert data["kind"] == "attack" and data["category"] == "Air/drone strike"


def test_the_same_outlet_twice_corroborates_once() -> None:
    (merged,) = merge_events([report("a", event(), outlet="Reuters"), report("b", event(), outlet="reuters")])
    assert merged.corroboration == 1 and len(merged.articles) == 2


@pytest.mark.parametrize(
    "other",
    [
        event(at=AL_MAYADIN),  # 76 km away
        event(at=AL_QAIM),  # 19 km away, another town
        event(on=date(2024, 3, 8)),  # three days later
        event(category="Shelling/artillery/missile attack"),
        event(kind="response"),
        event(at=None),  # unlocated events are never merged
    ],
)
def test_different_happenings_stay_apart(other: Event) -> None:
    assert len(merge_events([report("a", event(), outlet="A"), report("b", other, outlet="B")])) == 2


def test_a_report_with_no_date_at_all_merges_with_nothing() -> None:
    assert len(merge_events([report("a", event(on=None), outlet="A"), report("b", event(), outlet="B")])) == 2


def test_publication_dates_stand_in_for_unknown_event_dates() -> None:
    def pair(published_a: date, published_b: date) -> int:
        return len(merge_events([
            report("a", event(on=None), outlet="A", published=published_a),
            report("b", event(on=None), outlet="B", published=published_b),
        ]))

    assert pair(date(2024, 3, 5), date(2024, 3, 7)) == 1  # two days: reports of one event
    assert pair(date(2024, 3, 5), date(2024, 3, 15)) == 2  # ten days: shelling again, not the same one
    mixed = merge_events([
        report("a", event(on=date(2024, 3, 5)), outlet="A"),
        report("b", event(on=None), outlet="B", published=date(2024, 3, 6)),
    ])
    assert len(mixed) == 1


def test_events_of_one_article_are_not_merged() -> None:
    merged = merge_events([report("a", event("One strike."), event("Another strike."), outlet="A")])
    assert len(merged) == 2


def test_a_group_does_not_drift_along_a_chain() -> None:
    # Each neighbour is within 10 km of the next (8 km), but the ends are 16 km apart.
    west, middle, east = (34.45, 40.700), (34.45, 40.787), (34.45, 40.874)
    merged = merge_events([
        report("a", replace(event(), lat=west[0], lon=west[1]), outlet="A"),
        report("b", replace(event(), lat=middle[0], lon=middle[1]), outlet="B"),
        report("c", replace(event(), lat=east[0], lon=east[1]), outlet="C"),
    ])
    assert sorted(m.corroboration for m in merged) == [1, 2]


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (None, "Israel", True),
        ("Israel", "Israeli forces", True),
        ("the US military", "US forces", True),
        ("US forces", "Russian forces", False),
        ("Hezbollah", "Hamas", False),
        ("forces", "Russian forces", True),
        ("Ukraine", "Ukrainian troops", True),
        ("Iran", "Iraqi forces", False),
    ],
)
def test_actor_compatibility(a: str | None, b: str | None, compatible: bool) -> None:
    assert parties_agree(a, b) is compatible
    assert parties_agree(b, a) is compatible


def test_actors_that_differ_keep_events_apart() -> None:
    merged = merge_events([
        report("a", event(actor="US forces"), outlet="A"), report("b", event(actor="Russian forces"), outlet="B")
    ])
    assert len(merged) == 2


def test_outlet_fallbacks() -> None:
    assert article_outlet(Article(text="x", outlet=" Reuters ")) == "Reuters"
    assert article_outlet(Article(text="x", url="https://news.example.co.uk/world/x")) == "example.co.uk"
    assert article_outlet(Article(text="x")) is None


def test_reports_whose_outlet_is_unknown_corroborate_once_together() -> None:
    (merged,) = merge_events([report("a", event()), report("b", event()), report("c", event(), outlet="AP")])
    assert merged.corroboration == 2 and merged.to_dict()["outlets"] == ["AP", "unnamed outlet"]


# -- the dashboard's corpus view (geo.dashboard.corpus_view) ---------------------------------------------------


def _view(*pairs: tuple[str, Report]):  # -> CorpusView
    from geo.dashboard.corpus_view import CorpusView

    return CorpusView(tuple(pairs), tuple(merge_events(pairs)))


def test_the_view_counts_merged_events_per_day_and_fills_the_gaps() -> None:
    view = _view(
        report("a", event(on=date(2024, 3, 5)), outlet="Reuters"),
        report("b", event(on=date(2024, 3, 5)), outlet="AFP"),  # the same strike: counted once
        report("c", event("Shelling hit a road.", on=None, at=AL_MAYADIN, category="Shelling/artillery/missile attack"),
               outlet="AP", published=date(2024, 3, 8)),  # no date of its own: its article's
        report("d", event("A drone fell.", on=None, at=None), outlet="AP"),  # no date at all
        report("e", event("Air defences shot it down.", kind="response", on=date(2024, 3, 5)), outlet="AP"),
    )
    assert view.timeline_rows() == [
        {"day": date(2024, 3, 5), "attacks": 1, "responses": 1},
        {"day": date(2024, 3, 6), "attacks": 0, "responses": 0},
        {"day": date(2024, 3, 7), "attacks": 0, "responses": 0},
        {"day": date(2024, 3, 8), "attacks": 1, "responses": 0},
    ]
    assert view.undated_count() == 1


def test_the_map_report_holds_merged_events_with_their_outlets() -> None:
    from geo.maps.folium_map import map_points

    text = "A drone strike hit a depot in Albu Kamal."
    start = text.index("Albu Kamal")
    place = Place(key="gn:174448", name="Albu Kamal", kind="city", country="SY", lat=ALBU_KAMAL[0],
                  lon=ALBU_KAMAL[1], geonameid=174448, confidence=0.8, mentions=(TextSpan("Albu Kamal", start, start + 10),))
    pairs = []
    for outlet, sources in (("Reuters", ("SOHR",)), ("AFP", ("the Pentagon",))):
        article_id, plain = report(text + f" ({outlet})", event(sources=sources, killed=3), outlet=outlet)
        pairs.append((article_id, replace(plain, places=(place,))))
    view = _view(*pairs)
    mapped = view.map_report()
    assert len(mapped.places) == 1 and len(mapped.places[0].mentions) == 2
    (strike,) = mapped.attacks
    assert strike.sources == ("SOHR", "the Pentagon") and "reported by 2 outlets" in strike.summary
    (point,) = map_points(mapped)
    assert point.attacks == (strike,)
    (row,) = view.event_rows("attack")
    assert (row["corroboration"], row["outlets"], row["summary"]) == (2, "Reuters, AFP", "A drone strike hit a depot")
    (place_row,) = view.place_rows()
    assert (place_row["articles"], place_row["mentions"]) == (2, 2)


def test_sources_are_one_row_per_name_across_articles() -> None:
    from geo.model import Source

    def with_source(text: str, name: str, outlet: str) -> tuple[str, Report]:
        article_id, plain = report(text, outlet=outlet)
        return article_id, replace(plain, sources=(Source(name=name, type="official", claims=(TextSpan(text, 0, len(text)),)),))

    view = _view(with_source("The ministry said one thing.", "the Ministry", "Reuters"),
                 with_source("The ministry said another.", "The  ministry", "AFP"),
                 with_source("A witness said so.", "a witness", "AFP"))
    rows = view.source_rows()
    assert [(r["name"], r["articles"], r["outlets"], r["claim_count"]) for r in rows] == [
        ("the Ministry", 2, "Reuters, AFP", 2), ("a witness", 1, "AFP", 1),
    ]
    assert rows[0]["claims"] == "The ministry said one thing. | The ministry said another."


def test_reading_a_missing_store_creates_nothing(tmp_path) -> None:
    from geo.dashboard.corpus_view import load_view, store_signature, stored_articles

    path = tmp_path / "nothing.duckdb"
    assert stored_articles(path) == [] and load_view(path).reports == () and not path.exists()
    assert store_signature(path) == (-1, -1, -1, -1)


def _merged_by_scanning_every_group(reports: list[tuple[str, Report]]) -> list[list[tuple[str, str]]]:
    """The merging rule applied the slow way (every earlier group of the same kind and category
    tried in order), as (article id, summary) lists: what the spatial index must reproduce."""
    from geo.corpus.matching import compare
    from geo.corpus.merge import EventReport

    groups: list[list[EventReport]] = []
    for article_id, rep in reports:
        for ev in rep.events:
            item = EventReport(article_id, None, ev, rep.article.published)
            home = next((g for g in groups if item.reported().day and item.reported().lat is not None
                         and all(compare(item.reported(), member.reported()).same for member in g)), None)
            if home is None:
                groups.append([item])
            else:
                home.append(item)
    return [[(r.article_id, r.event.summary) for r in g] for g in groups]


@pytest.mark.parametrize("centre", [(34.4, 40.9), (89.9, 10.0), (-12.0, 179.99), (0.0, 0.0)])
def test_the_month_index_merges_exactly_as_comparing_with_every_group(centre: tuple[float, float]) -> None:
    import random

    rng = random.Random(7)
    reports = []
    for article in range(60):
        events = []
        for number in range(3):
            lat = max(-90.0, min(90.0, centre[0] + rng.uniform(-0.3, 0.3)))
            lon = (centre[1] + rng.uniform(-0.3, 0.3) + 180) % 360 - 180  # across the date line too
            located = rng.random() > 0.1
            events.append(event(f"Strike {article}-{number}.", at=(lat, lon) if located else None,
                                on=date(2024, 2, 27) + timedelta(days=rng.randint(0, 4)),  # across a month
                                category=rng.choice(["Air/drone strike", "Shelling/artillery/missile attack"])))
        reports.append(report(f"article {article}", *events, outlet=f"Outlet {article % 5}"))
    merged = [[(r.article_id, r.event.summary) for r in m.reports] for m in merge_events(reports)]
    assert merged == _merged_by_scanning_every_group(reports)
    assert any(len(group) > 1 for group in merged) and len(merged) < 180  # the case merges something


def test_the_map_points_of_a_filtered_view_are_narrowed_exactly_as_built_anew() -> None:
    """CorpusView.map_points narrows the whole selection's points; it must give what
    map_points(view.map_report()) gives, for places with mixed events, events at no known place
    (drawn at their coordinates), events matched to a place by name, and places of one name."""
    import random

    from geo.exports.brief import EventFilter
    from geo.maps.folium_map import map_points

    rng = random.Random(3)
    towns = [(f"gn:{i}", f"Town {i % 7}", (34.0 + i * 0.5, 40.0 + (i % 4) * 0.5)) for i in range(12)]
    pairs = []
    for article in range(40):
        key, name, at = rng.choice(towns)
        text = f"Report {article} from {name}."
        start = text.index(name)
        place = Place(key=key, name=name, kind="city", country="SY", lat=at[0], lon=at[1], geonameid=None,
                      confidence=0.8, mentions=(TextSpan(name, start, start + len(name)),))
        events = []
        for number in range(rng.randint(1, 3)):
            where = rng.random()
            located = at if where < 0.6 else ((35.5, 41.5) if where < 0.8 else (36.0 + number, 42.0))
            ev = event(f"Event {article}-{number}.", at=located, on=date(2024, 3, rng.randint(1, 9)),
                       actor=rng.choice([None, "Israeli forces", "Russian forces"]),
                       kind=rng.choice(["attack", "response"]), sources=(rng.choice(["SOHR", "AP", "the army"]),),
                       category=rng.choice(["Air/drone strike", "Shelling/artillery/missile attack"]))
            by_key = where < 0.4
            events.append(replace(ev, place=name if where < 0.6 else ("Deir Hafer" if where < 0.8 else None),
                                  place_key=key if by_key else None))
        article_id, plain = report(text, *events, outlet=f"Outlet {article % 4}")
        pairs.append((article_id, replace(plain, places=(place,), attacks=tuple(e for e in events if e.kind == "attack"),
                                          responses=tuple(e for e in events if e.kind != "attack"))))
    view = _view(*pairs)
    assert view.map_points() == map_points(view.map_report())
    filters = [EventFilter(kind="attack"), EventFilter(kind="response"), EventFilter(actor="Israeli"),
               EventFilter(category="Air/drone strike"), EventFilter(since=date(2024, 3, 5)),
               EventFilter(until=date(2024, 3, 3), kind="attack"), EventFilter(actor="nobody")]
    narrowed_some = False
    for chosen in filters:
        filtered = view.filtered(chosen)
        expected = map_points(filtered.map_report())
        assert filtered.map_points() == expected, chosen
        whole = {p.key: p for p in view.map_points()}
        narrowed_some |= any(p != whole.get(p.key) for p in expected)
    assert narrowed_some  # some filter kept only part of a point's events
    twice = view.filtered(EventFilter(kind="attack")).filtered(EventFilter())
    assert twice.map_points() == map_points(twice.map_report())
    assert any(p.key.startswith("event:") for p in view.map_points())  # events at no place are drawn too


def test_as_of_a_day_keeps_the_dated_events_by_then_and_names_the_recent_places() -> None:
    view = _view(report("a", event("A drone strike hit a depot.", on=date(2024, 3, 1))),
                 report("b", event("Shells hit a bridge.", at=AL_QAIM, on=date(2024, 3, 10), category="Armed clash")),
                 report("c", event("Gunmen raided a camp.", at=None, on=None, category="Armed clash")))
    assert len(view.events) == 3
    early, recent = view.as_of(date(2024, 3, 5), 3)
    assert [e.representative.date for e in early.events] == [date(2024, 3, 1)]
    assert recent == frozenset()  # 1 March is before the three days up to 5 March
    late, recent = view.as_of(date(2024, 3, 10), 30)
    assert len(late.events) == 2  # the undated raid has no place in time
    assert recent == {"gn:174448"}
    assert view.as_of(date(2024, 2, 1), 7)[0].events == ()
