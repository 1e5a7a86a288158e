"""Scale benchmark: ``python -m geo.bench.scale [--articles 300] [--ingest 1000] [--events 10000]``.

Prints, measured in one run:

1. articles per second of ``geo.analyze_many`` against bare ``nlp.pipe`` of the same spaCy model
   on the same generated articles, and their ratio (target: at least 0.8);
2. peak memory (maximum resident set size) of this process;
3. the ingest rate of ``--ingest`` generated article files into a temporary store (read, analyse
   in nlp.pipe batches, one transaction per article);
4. on ``--events`` stored events (synthetic reports saved to a temporary store and read back into
   the Corpus page's view), GeoBrief's part of a filter change (the view filtered, the map rebuilt
   and serialised as streamlit-folium sends it, the tables and timeline) and the map payload
   (target under 5 MB). The whole page's server-side time of a filter change, Streamlit
   included (target under 300 ms), is measured by ``python tests/pages/bench_corpus_page.py``.

No figure is asserted. The articles are generated from templates over real towns; they say
nothing true. ``--profile`` prints the top of a cProfile of analyze_many.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TOWNS = (
    "Kharkiv", "Izium", "Kupiansk", "Bakhmut", "Avdiivka", "Kherson", "Zaporizhzhia", "Sumy", "Odesa", "Mykolaiv",
    "Dnipro", "Pokrovsk", "Aleppo", "Idlib", "Homs", "Deir ez-Zor", "Raqqa", "Daraa", "Khan Younis", "Rafah",
    "Jenin", "Nablus", "Mosul", "Kirkuk", "Erbil", "Hodeidah", "Marib", "Taiz", "El Fasher", "Omdurman", "Gao",
)
ACTORS = ("Russian forces", "Ukrainian troops", "Syrian government aircraft", "Israeli forces", "Houthi fighters",
          "the Rapid Support Forces", "Islamic State militants", "rebel fighters")
SOURCES = ("the regional governor said", "according to the Syrian Observatory for Human Rights",
           "the Health Ministry said", "a military spokesman told Reuters", "local officials said",
           "the State Emergency Service said", "witnesses told the Associated Press")
TARGETS = ("a market", "an apartment block", "a fuel depot", "a hospital", "a power station", "a checkpoint")
SENTENCES = (
    "{actor} shelled {town} on {weekday}, killing {k} civilians and wounding {w}, {source}.",
    "A missile strike hit {target} in {town} on {weekday}, killing {k} people, {source}.",
    "{actor} attacked {target} near {town} overnight, {source}.",
    "Clashes broke out between {actor} and {actor2} on the outskirts of {town}, leaving {k} dead, {source}.",
    "Air defences shot down {n} drones over {town2} on {weekday}, {source}.",
    "In response, {actor2} struck positions near {town2} on {weekday}, {source}.",
    "Residents of {town} said power and water were cut in several districts.",
    "Humanitarian groups warned of shortages of food and medicine in {town2}.",
    "The claims could not be independently verified.",
    "The area has seen heavy fighting for months, and thousands of families have left.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def generated_article(i: int, seed: int = 11) -> str:
    """Article ``i``: a headline and six to nine sentences drawn from the templates."""
    rng = random.Random(seed * 100_003 + i)
    town, town2 = rng.sample(TOWNS, 2)
    actor, actor2 = rng.sample(ACTORS, 2)
    values = {"town": town, "town2": town2, "actor": actor, "actor2": actor2, "weekday": rng.choice(WEEKDAYS),
              "k": rng.randint(1, 30), "w": rng.randint(1, 60), "n": rng.randint(2, 40),
              "target": rng.choice(TARGETS), "source": rng.choice(SOURCES)}
    body = [s.format(**values) for s in rng.sample(SENTENCES, rng.randint(6, 9))]
    body = [sentence[0].upper() + sentence[1:] for sentence in body]
    return f"Fighting around {town}, report {i}\n\n" + " ".join(body) + "\n"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def throughput(texts: list[str], rounds: int, profile: bool) -> None:
    import spacy

    import geo
    from geo.ingest import article_from_text
    from geo.nlp import load_pipeline, resolve_model_name

    model = resolve_model_name()
    bare = spacy.load(model)
    articles = [article_from_text(text) for text in texts]  # cleaning is done once: both sides parse the same text
    plain = [a.text for a in articles]
    load_pipeline()
    list(geo.analyze_many(articles[:8]))  # warm-up: the gazetteer index and the caches
    list(bare.pipe(plain[:8]))

    def bare_run() -> None:
        for _ in bare.pipe(plain, batch_size=32):
            pass

    def geo_run() -> None:
        for _ in geo.analyze_many(articles, batch_size=32):
            pass

    bare_times, geo_times = [], []
    for _ in range(rounds):  # interleaved, best of each: other load on the machine hits both alike
        bare_times.append(_seconds(bare_run))
        geo_times.append(_seconds(geo_run))
    print(f"throughput on {len(texts)} articles ({sum(map(len, plain)) // len(plain)} chars each on average), "
          f"model {model}, best of {rounds}; wall clock, and CPU time of this process (steadier on a shared machine):")
    for label, index in (("wall", 0), ("cpu", 1)):
        bare_rate = len(texts) / min(t[index] for t in bare_times)
        geo_rate = len(texts) / min(t[index] for t in geo_times)
        print(f"  {label}: bare nlp.pipe {bare_rate:6.1f} articles/s | geo.analyze_many {geo_rate:6.1f} articles/s | "
              f"ratio {geo_rate / bare_rate:.2f} (target >= 0.80)")
    print(f"  bare pipeline: {', '.join(bare.pipe_names)}; GeoBrief adds geo_toponyms and the extraction")
    if profile:
        _profile(geo_run)


def _profile(run: Callable[[], None]) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(run)
    print("cProfile of analyze_many (top 25 by cumulative time):")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def ingest_rate(count: int, base: Path) -> None:
    from geo.corpus.ingest import ingest_sources
    from geo.corpus.store import Store

    folder = base / "articles"
    folder.mkdir()
    for i in range(count):
        (folder / f"article_{i:04d}.txt").write_text(generated_article(i, seed=23), encoding="utf-8")
    with Store.open(base / "ingest.duckdb") as store:
        started = time.perf_counter()
        summary = ingest_sources(store, [str(folder)], version="geobrief bench_scale")
        elapsed = time.perf_counter() - started
        counts = store.row_counts()
    print(f"ingest of {count} article files into a new store: {elapsed:.1f} s, {count / elapsed:.1f} articles/s "
          f"(ingested {summary.count('ingested')}, failed {len(summary.failures)}; rows {counts})")


def synthetic_reports(events: int, per_article: int = 10, seed: int = 5) -> list:
    """``events`` attacks and responses in reports of ``per_article`` events, each at its own place."""
    from geo.model import CATEGORIES, Article, Event, Place, Report, Source, TextSpan

    rng = random.Random(seed)
    reports = []
    for first in range(0, events, per_article):
        sentence = f"Report {first}: a strike hit the town, officials said."
        span = TextSpan(sentence, 0, len(sentence))
        places, attacks, responses = [], [], []
        for index in range(first, min(first + per_article, events)):
            lat, lon = 30 + rng.random() * 20, 30 + rng.random() * 20
            place = Place(key=f"syn:{index}", name=f"Town {index}", kind="city", country="XA", lat=lat, lon=lon,
                          geonameid=None, confidence=rng.choice((0.3, 0.6, 0.9)), mentions=(span,))
            event = Event(kind="attack" if index % 3 else "response", summary=f"Strike {index}",
                          category=CATEGORIES[index % len(CATEGORIES)], evidence=span, place=place.name,
                          place_key=place.key, lat=lat, lon=lon, actor=rng.choice(ACTORS),
                          date=date(2024, 1, 1) + timedelta(days=index % 90), killed=rng.randint(0, 9),
                          sources=("officials",), mentions=(span,))
            places.append(place)
            (attacks if event.kind == "attack" else responses).append(event)
        article = Article(text=sentence, title=f"Synthetic report {first}", outlet=f"Outlet {first % 7}",
                          published=date(2024, 1, 1) + timedelta(days=first % 90))
        reports.append(Report(article=article, places=tuple(places), attacks=tuple(attacks),
                              responses=tuple(responses), sources=(Source("officials", "official", claims=(span,)),)))
    return reports


def filter_change(events: int, base: Path, rounds: int = 3) -> None:
    """The Corpus page's own work on a filter change, on ``events`` stored events: the cached view
    filtered, the map points narrowed, the map built and serialised as streamlit-folium sends it,
    the table rows and the timeline. (Streamlit's part as well: tests/pages/bench_corpus_page.py.)"""
    from geo.bench.mapping import serialised_bytes
    from geo.corpus.store import Store
    from geo.dashboard.corpus_view import load_view
    from geo.exports.brief import EventFilter
    from geo.heap import keep_long_lived
    from geo.maps.folium_map import build_map
    from geo.model import CATEGORIES

    path = base / "events.duckdb"
    with Store.open(path) as store:
        for report in synthetic_reports(events):
            store.save_report(report, analyzer_version="bench")
    started = time.perf_counter()
    whole = load_view(path)
    keep_long_lived()  # as the dashboard does with the view it caches
    print(f"stored events: {len(whole.events)} in {len(whole.reports)} articles; read and merged into the "
          f"dashboard's view in {time.perf_counter() - started:.2f} s")

    def page_work(view: Any) -> int:
        size = serialised_bytes(build_map(view.map_report(), points=view.map_points()))
        view.event_records("attack"), view.event_records("response"), view.place_records()
        view.source_rows(), view.timeline_rows()
        return size

    started = time.perf_counter()
    size = page_work(whole)
    print(f"  map payload, all {len(whole.events)} events: {size / 1e6:.2f} MB (target < 5 MB); first view "
          f"built in {time.perf_counter() - started:.2f} s")
    filters = [
        EventFilter(kind="attack"),
        EventFilter(kind="response", since=date(2024, 2, 1)),
        EventFilter(category=CATEGORIES[1]),
        EventFilter(actor="Russian forces", until=date(2024, 2, 15)),
        EventFilter(source_type="official", since=date(2024, 1, 10), until=date(2024, 1, 20)),
        EventFilter(),  # cleared: every event again
    ]
    medians = []
    for event_filter in filters:
        seconds = []
        for _ in range(max(1, rounds)):
            started = time.perf_counter()
            view = whole.filtered(event_filter) if event_filter.active else whole
            size = page_work(view)
            seconds.append(time.perf_counter() - started)
        medians.append(statistics.median(seconds))
        shown = {k: str(v) for k, v in ((f, getattr(event_filter, f)) for f in event_filter.__slots__) if v}
        print(f"  filter {shown or 'cleared'}: {len(view.events)} events kept; median {medians[-1] * 1000:.0f} ms, "
              f"slowest {max(seconds) * 1000:.0f} ms, payload {size / 1e6:.2f} MB")
    print(f"  filter change (GeoBrief's part): median {statistics.median(medians) * 1000:.0f} ms, "
          f"widest {max(medians) * 1000:.0f} ms; the whole page: python tests/pages/bench_corpus_page.py")


def _seconds(run: Callable[[], None]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) that ``run`` took."""
    started, cpu_started = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - started, time.process_time() - cpu_started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles for the throughput comparison")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds of each (the best is kept)")
    parser.add_argument("--ingest", type=int, default=1000, help="articles ingested into a temporary store")
    parser.add_argument("--events", type=int, default=10_000, help="stored events for the filter-change timing")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of analyze_many")
    args = parser.parse_args(argv)
    texts = [generated_article(i) for i in range(args.articles)]
    throughput(texts, max(1, args.rounds), args.profile)
    print(f"peak memory after the throughput runs: {peak_rss_mb():.0f} MB (max RSS)")
    with tempfile.TemporaryDirectory(prefix="geobrief-scale-") as folder:
        if args.ingest:
            ingest_rate(args.ingest, Path(folder))
        if args.events:
            filter_change(args.events, Path(folder))
    print(f"peak memory of the whole run: {peak_rss_mb():.0f} MB (max RSS)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
