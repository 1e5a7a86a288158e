"""The optional Nominatim fallback (geo/places/online.py), against a fake geopy geocoder: no network, no real waiting."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from geopy.exc import GeocoderTimedOut, GeocoderUnavailable
from geopy.location import Location

import geo.pipeline
import geo.places
from geo.errors import GeoError
from geo.ingest import article_from_text
from geo.model import Toponym
from geo.places.online import (MIN_DELAY_SECONDS, OnlineCache, OnlineGeocoder, candidate_from_location,
                               checked_user_agent, resolve_unresolved)
from geo.settings import Settings

AGENT = "geobrief-tests/1.0 (tests@example.org)"


def nominatim_location(name: str, lat: float, lon: float, *, addresstype: str = "town", cls: str = "place",
                       country_code: str = "sy", state: str | None = "Deir ez-Zor Governorate") -> Location:
    address: dict[str, str] = {"country_code": country_code}
    if state:
        address["state"] = state
    raw = {"name": name, "lat": str(lat), "lon": str(lon), "class": cls, "type": addresstype,
           "addresstype": addresstype, "importance": 0.42, "display_name": f"{name}, Syria", "address": address}
    return Location(f"{name}, Syria", (lat, lon), raw)


class FakeNominatim:
    """Answers from a dict; records every query; raises ``error`` when given one."""

    def __init__(self, answers: dict[str, list[Location]] | None = None, error: Exception | None = None) -> None:
        self.answers = answers or {}
        self.error = error
        self.queries: list[str] = []
        self.kwargs: list[dict[str, Any]] = []

    def geocode(self, query: str, *, exactly_one: bool = True, **kwargs: Any) -> Any:
        self.queries.append(query)
        self.kwargs.append({"exactly_one": exactly_one, **kwargs})
        if self.error is not None:
            raise self.error
        found = self.answers.get(query, [])
        if exactly_one:
            return found[0] if found else None
        return found or None


class FakeTime:
    """A clock that only moves when slept on (or set): the rate limiter never really waits."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def make_online(fake: FakeNominatim, tmp_path: Path, time: FakeTime | None = None, **kwargs: Any) -> OnlineGeocoder:
    time = time or FakeTime()
    return OnlineGeocoder(fake, OnlineCache(tmp_path / "nominatim.sqlite3"), sleep=time.sleep, clock=time.clock,
                          **kwargs)


def toponym(text: str, start: int = 0, **fields: Any) -> Toponym:
    return Toponym(start=start, end=start + len(text), text=text, **fields)


HAJIN = {"Hajin": [nominatim_location("Hajin", 34.69, 40.83),
                   nominatim_location("Hajin", 37.48, 35.63, country_code="tr", state="Adana")]}


# --- settings -----------------------------------------------------------------------------------------------


def test_online_geocoding_is_off_by_default() -> None:
    settings = Settings.from_env({})
    assert settings.online_geocoding is False
    assert settings.user_agent is None
    assert Settings().online_geocoding is False


def test_settings_read_the_switch_and_the_user_agent() -> None:
    settings = Settings.from_env({"GEOBRIEF_ONLINE": "1", "GEOBRIEF_USER_AGENT": f"  {AGENT} "})
    assert settings.online_geocoding is True
    assert settings.user_agent == AGENT
    assert Settings.from_env({"GEOBRIEF_ONLINE": "0"}).online_geocoding is False


def test_an_unreadable_switch_is_refused() -> None:
    with pytest.raises(GeoError, match="GEOBRIEF_ONLINE"):
        Settings.from_env({"GEOBRIEF_ONLINE": "maybe"})


def test_a_missing_user_agent_is_a_clear_error(tmp_path: Path) -> None:
    settings = Settings.from_env({"GEOBRIEF_ONLINE": "1", "GEOBRIEF_CACHE_DIR": str(tmp_path)})
    with pytest.raises(GeoError, match="GEOBRIEF_USER_AGENT"):
        OnlineGeocoder.from_settings(settings, FakeNominatim())
    # the pipeline fails the same way before any work is done
    with pytest.raises(GeoError, match="GEOBRIEF_USER_AGENT"):
        geo.pipeline.geoparse("Shelling hit Hajin.", settings=settings)


@pytest.mark.parametrize("agent", ["my-application", "geopy/2.5.0", "specify_your_app_name_here"])
def test_sample_user_agents_are_refused(agent: str) -> None:
    with pytest.raises(GeoError, match="sample"):
        checked_user_agent(Settings(online_geocoding=True, user_agent=agent))


def test_from_settings_builds_nominatim_with_the_agent_and_a_cache_under_cache_dir(tmp_path: Path) -> None:
    online = OnlineGeocoder.from_settings(Settings(cache_dir=tmp_path, online_geocoding=True, user_agent=AGENT))
    assert type(online.geocoder).__name__ == "Nominatim"
    assert online.geocoder.headers["User-Agent"] == AGENT
    assert online.cache is not None and online.cache.path.parent == tmp_path
    assert online.cache.path.exists()


# --- the geocoder ---------------------------------------------------------------------------------------------


def test_rate_limiter_allows_at_most_one_request_per_second(tmp_path: Path) -> None:
    online = make_online(FakeNominatim(HAJIN), tmp_path)
    assert MIN_DELAY_SECONDS >= 1.0
    assert online.rate_limiter.min_delay_seconds >= 1.0
    assert online.rate_limiter.max_retries == 0


def test_the_rate_limiter_waits_between_two_requests(tmp_path: Path) -> None:
    time = FakeTime()
    fake = FakeNominatim(HAJIN)
    online = OnlineGeocoder(fake, None, sleep=time.sleep, clock=time.clock)
    online.candidates("Hajin")
    time.now += 0.25
    online.candidates("Hajin")  # no cache: a second request, which must wait for the rest of the second
    assert fake.queries == ["Hajin", "Hajin"]
    assert time.waits == [pytest.approx(0.75)]


def test_candidates_come_from_the_nominatim_results(tmp_path: Path) -> None:
    fake = FakeNominatim(HAJIN)
    found = make_online(fake, tmp_path).candidates("Hajin")
    assert [(c.name, c.country, c.kind) for c in found] == [("Hajin", "SY", "city"), ("Hajin", "TR", "city")]
    assert found[0].lat == pytest.approx(34.69) and found[0].lon == pytest.approx(40.83)
    assert found[0].admin1 == "Deir ez-Zor Governorate"
    assert fake.kwargs[0]["exactly_one"] is False


def test_kinds_follow_nominatim_address_types() -> None:
    assert candidate_from_location(nominatim_location("Syria", 35.0, 38.0, addresstype="country")).kind == "country"
    assert candidate_from_location(nominatim_location("Idlib", 35.8, 36.6, addresstype="state")).kind == "admin1"
    airport = nominatim_location("Mezzeh airbase", 33.48, 36.22, addresstype="aerodrome", cls="aeroway")
    assert candidate_from_location(airport).kind == "facility"
    assert candidate_from_location(nominatim_location("Wadi", 33.0, 36.0, addresstype="valley", cls="natural")).kind \
        == "other"


def test_the_cache_answers_the_second_time(tmp_path: Path) -> None:
    fake = FakeNominatim(HAJIN)
    first = make_online(fake, tmp_path).candidates("Hajin")
    again = make_online(fake, tmp_path).candidates("  hajin ")  # a new client on the same cache file
    assert fake.queries == ["Hajin"]
    assert again == first


def test_a_miss_is_cached_and_expires(tmp_path: Path) -> None:
    fake = FakeNominatim({})
    clock = [1_000.0]
    cache = OnlineCache(tmp_path / "c.sqlite3", missing_ttl=60.0, now=lambda: clock[0])
    time = FakeTime()
    online = OnlineGeocoder(fake, cache, sleep=time.sleep, clock=time.clock)
    assert online.candidates("Nowhereville") == []
    assert online.candidates("Nowhereville") == []
    assert fake.queries == ["Nowhereville"]
    clock[0] += 61.0
    assert online.candidates("Nowhereville") == []
    assert fake.queries == ["Nowhereville", "Nowhereville"]


def test_an_unavailable_service_is_no_answer_with_one_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeNominatim(error=GeocoderUnavailable("offline"))
    online = make_online(fake, tmp_path)
    with caplog.at_level(logging.WARNING, logger="geo.places.online"):
        assert online.candidates("Hajin") == []
        assert online.candidates("Hajin") == []
        assert online.candidates("Mayadin") == []
    assert len([r for r in caplog.records if r.name == "geo.places.online"]) == 1
    assert fake.queries == ["Hajin"]  # paused after the failure: not one failing request per name
    fake.error = None
    fake.answers = HAJIN
    assert online.candidates("Hajin") == []  # a failure is not cached, but the pause still holds


def test_the_pause_after_an_error_ends(tmp_path: Path) -> None:
    time = FakeTime()
    fake = FakeNominatim(HAJIN, error=GeocoderTimedOut("slow"))
    online = make_online(fake, tmp_path, time, pause_after_error=30.0)
    assert online.candidates("Hajin") == []
    fake.error = None
    time.now = 31.0
    assert [c.country for c in online.candidates("Hajin")] == ["SY", "TR"]


# --- resolve_unresolved -------------------------------------------------------------------------------------


def test_only_unresolved_toponyms_are_sent(tmp_path: Path) -> None:
    fake = FakeNominatim(HAJIN)
    resolved = toponym("Damascus", name="Damascus", kind="city", country="SY", lat=33.51, lon=36.29,
                       geonameid=170654, confidence=0.9)
    toponyms = [resolved, toponym("Hajin", 20), toponym("Hajin", 40), toponym("Qqq Zzz", 60)]
    filled = resolve_unresolved(toponyms, make_online(fake, tmp_path))
    assert fake.queries == ["Hajin", "Qqq Zzz"]  # each unresolved name once, the resolved one never
    assert filled[0] is resolved
    for hajin in filled[1:3]:
        assert hajin.resolved and hajin.country == "SY" and hajin.kind == "city"
        assert hajin.confidence == pytest.approx(0.5)
        assert hajin.geonameid is None
        assert [c.country for c in hajin.alternatives] == ["SY", "TR"]
    assert (filled[1].start, filled[2].start) == (20, 40)
    assert filled[1].place_key == filled[2].place_key
    assert filled[3] == toponyms[3]  # no answer: left unresolved


def test_unavailable_service_leaves_toponyms_unresolved(tmp_path: Path) -> None:
    fake = FakeNominatim(error=GeocoderUnavailable("no network"))
    toponyms = [toponym("Hajin"), toponym("Mayadin", 10)]
    assert resolve_unresolved(toponyms, make_online(fake, tmp_path)) == toponyms


# --- the pipeline hook ----------------------------------------------------------------------------------------


TEXT = "Shelling hit Damascus and Qzxwvabad on Monday."
SPANS = [(TEXT.index("Damascus"), TEXT.index("Damascus") + 8), (TEXT.index("Qzxwvabad"), TEXT.index("Qzxwvabad") + 9)]


def test_off_by_default_the_online_geocoder_is_never_built(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(settings: Settings) -> OnlineGeocoder:
        raise AssertionError("the online geocoder was used while GEOBRIEF_ONLINE is off")

    monkeypatch.setattr(geo.places, "default_online_geocoder", forbidden)
    monkeypatch.delenv("GEOBRIEF_ONLINE", raising=False)
    toponyms = geo.pipeline.geoparse(TEXT, spans=SPANS)
    # Offline, the unknown name only gets the approximate point of the town named before it.
    assert toponyms[0].resolved and toponyms[1].kind == "other" and toponyms[1].geonameid is None
    assert (toponyms[1].lat, toponyms[1].lon) == (toponyms[0].lat, toponyms[0].lon)


def test_with_online_on_the_pipeline_fills_only_what_the_gazetteer_missed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = FakeNominatim({"Qzxwvabad": [nominatim_location("Qzxwvabad", 34.1, 40.2)]})
    online = make_online(fake, tmp_path)
    monkeypatch.setattr(geo.places, "default_online_geocoder", lambda settings: online)
    settings = Settings(cache_dir=tmp_path, online_geocoding=True, user_agent=AGENT)
    offline = geo.pipeline.geoparse(TEXT, spans=SPANS, settings=Settings(cache_dir=tmp_path))
    toponyms = geo.pipeline.geoparse(TEXT, spans=SPANS, settings=settings)
    assert fake.queries == ["Qzxwvabad"]
    assert toponyms[0] == offline[0]  # the offline resolution is unchanged
    assert toponyms[1].resolved and toponyms[1].lat == pytest.approx(34.1)
    report = geo.pipeline.analyze_article(article_from_text(TEXT), settings=settings)
    filled = [place for place in report.places if place.name == "Qzxwvabad"]
    assert len(filled) == 1 and filled[0].lat == pytest.approx(34.1) and filled[0].country == "SY"
    assert fake.queries == ["Qzxwvabad"]  # the second time, the cache answered


def test_an_unreadable_cache_entry_is_asked_again(tmp_path: Path) -> None:
    fake = FakeNominatim(HAJIN)
    online = make_online(fake, tmp_path)
    online.candidates("Hajin")
    assert online.cache is not None
    with sqlite3.connect(online.cache.path) as db:
        db.execute("UPDATE answers SET candidates = 'not json'")
    assert [c.country for c in online.candidates("Hajin")] == ["SY", "TR"]
    assert fake.queries == ["Hajin", "Hajin"]


def test_a_cache_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(GeoError, match="GEOBRIEF_CACHE_DIR"):
        OnlineCache(blocker / "nominatim.sqlite3")
