"""How big the dashboard's map is: ``python -m geo.bench.mapping [--events 1000]``.

Prints, for the sample article and for a synthetic report with N located events (each at its
own place, spread over a region), the bytes the map component sends to the browser (the map
rendered as a page: its Leaflet script, header and HTML) and the time to build it.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

import folium

from geo.maps.cluster import CLUSTER_MIN_POINTS
from geo.maps.folium_map import build_map
from geo.model import CATEGORIES, Article, Event, Place, Report, TextSpan


def synthetic_report(events: int, seed: int = 7) -> Report:
    """``events`` attacks and responses, each at its own town in a 10 x 10 degree box."""
    rng = random.Random(seed)
    sentence = "A strike hit the town, officials said."
    text = " ".join([sentence] * min(events, 50))
    places, attacks, responses = [], [], []
    for index in range(events):
        lat, lon = 30 + rng.random() * 10, 35 + rng.random() * 10
        start = (index % 50) * (len(sentence) + 1)
        span = TextSpan(sentence, start, start + len(sentence))
        place = Place(key=f"syn:{index}", name=f"Town {index}", kind="city", country="XA", lat=lat, lon=lon,
                      geonameid=None, confidence=rng.choice((0.3, 0.6, 0.9)), mentions=(span,))
        event = Event(kind="attack" if index % 3 else "response", summary=f"event {index}",
                      category=CATEGORIES[index % len(CATEGORIES)], evidence=span, place=place.name,
                      place_key=place.key, lat=lat, lon=lon, date=date(2024, 1, 1) + timedelta(days=index % 60),
                      sources=("officials",))
        places.append(place)
        (attacks if event.kind == "attack" else responses).append(event)
    return Report(article=Article(text=text, title=f"{events} synthetic events"), places=tuple(places),
                  attacks=tuple(attacks), responses=tuple(responses))


def serialised_bytes(m: folium.Map) -> int:
    """The bytes of the map rendered as a page: its Leaflet script, header and HTML, which is what
    the map component sends to the browser (give or take the page's few lines of skeleton)."""
    return len(m.get_root().render().encode("utf-8"))


def payload_bytes(report: Report) -> tuple[int, float]:
    """(bytes the map component sends, seconds to build and render the map)."""
    started = time.perf_counter()
    size = serialised_bytes(build_map(report))
    return size, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args(argv)
    import geo

    reports = [("sample article", geo.analyze(geo.load_sample())),
               (f"{args.events} synthetic events", synthetic_report(args.events))]
    for label, report in reports:
        size, seconds = payload_bytes(report)
        clustered = "clustered" if len(report.places) >= CLUSTER_MIN_POINTS else "not clustered"
        print(f"{label}: {len(report.places)} places, {len(report.events)} events, map payload "
              f"{size / 1024:.0f} KiB ({clustered}), built in {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
