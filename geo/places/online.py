"""Optional online fallback: ask Nominatim (through geopy) for the names the offline gazetteer left unresolved.

Off by default (GEOBRIEF_ONLINE=1 turns it on, GEOBRIEF_USER_AGENT is then required). Nominatim's usage policy
is kept: a real user agent, at most one request per second (geopy's RateLimiter) and an on-disk cache, where a
miss is cached too (for a shorter time). Without a network the product degrades to the offline answer: geopy's
errors become "no answer", with one logged warning, and the service is left alone for a while.

    online = OnlineGeocoder(Nominatim(user_agent="geobrief-newsroom/1.0 (desk@example.org)"),
                            OnlineCache(Path("nominatim.sqlite3")))
    toponyms = resolve_unresolved(toponyms, online)
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geo.errors import GeoError
from geo.model import Candidate, Toponym
from geo.settings import Settings

log = logging.getLogger(__name__)

MIN_DELAY_SECONDS = 1.0  # Nominatim's usage policy: at most one request per second
REQUEST_TIMEOUT_SECONDS = 5.0
RESULT_LIMIT = 5  # the best result is the answer, the rest become its alternatives
FOUND_TTL_SECONDS = 30 * 24 * 3600.0
MISSING_TTL_SECONDS = 7 * 24 * 3600.0
PAUSE_AFTER_ERROR_SECONDS = 300.0  # after a failure, stop asking for this long (offline: one failure, not one per name)
ONLINE_CONFIDENCE = 0.5  # an online answer, without the gazetteer's context checks, is worth a modest confidence
CACHE_FILE_NAME = "nominatim.sqlite3"

# geopy's default agent and the sample agents from its docs; Nominatim blocks them.
SAMPLE_USER_AGENTS = frozenset(
    {"my-application", "my_app/1", "my_user_agent/1.0", "specify_your_app_name_here", "geopy", "geobrief"}
)


class Geocoder(Protocol):
    """What OnlineGeocoder needs from a geopy geocoder (Nominatim, or a fake in tests)."""

    def geocode(self, query: str, *, exactly_one: bool = ..., **kwargs: Any) -> Any: ...


class CandidateSource(Protocol):
    """What resolve_unresolved needs: candidates for a name, best first (empty: no answer)."""

    def candidates(self, query: str) -> list[Candidate]: ...


def checked_user_agent(settings: Settings) -> str:
    """The configured user agent, or a GeoError saying how to set a usable one."""
    agent = (settings.user_agent or "").strip()
    if not agent:
        raise GeoError(
            "GEOBRIEF_ONLINE=1 needs GEOBRIEF_USER_AGENT: Nominatim's usage policy asks for a user agent "
            "naming your application and a contact, e.g. GEOBRIEF_USER_AGENT='newsdesk-map/1.0 (you@example.org)'."
        )
    if agent.casefold() in SAMPLE_USER_AGENTS or agent.casefold().startswith("geopy/"):
        raise GeoError(
            f"GEOBRIEF_USER_AGENT={agent!r} is a default or sample agent that Nominatim refuses; "
            "name your own application and a contact, e.g. 'newsdesk-map/1.0 (you@example.org)'."
        )
    return agent


class OnlineCache:
    """Answers by query in a sqlite file; found answers and misses expire (misses sooner)."""

    def __init__(
        self,
        path: Path,
        *,
        found_ttl: float = FOUND_TTL_SECONDS,
        missing_ttl: float = MISSING_TTL_SECONDS,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.path = path
        self.found_ttl = found_ttl
        self.missing_ttl = missing_ttl
        self._now = now
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.execute(
                    "CREATE TABLE IF NOT EXISTS answers ("
                    " query TEXT PRIMARY KEY, fetched REAL NOT NULL, candidates TEXT NOT NULL)"
                )
        except (OSError, sqlite3.Error) as exc:
            raise GeoError(
                f"The online geocoding cache {path} cannot be created ({exc}); set GEOBRIEF_CACHE_DIR to a "
                "writable directory or turn GEOBRIEF_ONLINE off."
            ) from exc

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=5.0)

    def get(self, query: str) -> list[Candidate] | None:
        """The cached answer ([] for a cached miss), or None when not cached, expired or unreadable."""
        try:
            with self._connect() as db:
                row = db.execute("SELECT fetched, candidates FROM answers WHERE query = ?", (query,)).fetchone()
            if row is None:
                return None
            fetched, payload = row
            candidates = [Candidate.from_dict(item) for item in json.loads(payload)]
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            log.debug("Unreadable online cache entry for %r: %s", query, exc)
            return None
        ttl = self.found_ttl if candidates else self.missing_ttl
        if self._now() - fetched > ttl:
            return None
        return candidates

    def put(self, query: str, candidates: Sequence[Candidate]) -> None:
        payload = json.dumps([c.to_dict() for c in candidates])
        try:
            with self._connect() as db:
                db.execute(
                    "INSERT OR REPLACE INTO answers (query, fetched, candidates) VALUES (?, ?, ?)",
                    (query, self._now(), payload),
                )
        except sqlite3.Error as exc:  # a locked or read-only cache costs a repeat request later, not the run
            log.debug("Could not cache the online answer for %r: %s", query, exc)


class OnlineGeocoder:
    """A geopy geocoder behind a 1 request/s rate limiter and a cache; errors become "no answer"."""

    def __init__(
        self,
        geocoder: Geocoder,
        cache: OnlineCache | None = None,
        *,
        language: str = "en",
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        pause_after_error: float = PAUSE_AFTER_ERROR_SECONDS,
    ) -> None:
        self.geocoder = geocoder
        self.cache = cache
        self.language = language
        self.rate_limiter = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=MIN_DELAY_SECONDS,
            max_retries=0,
            error_wait_seconds=MIN_DELAY_SECONDS,
            swallow_exceptions=False,
        )
        # the limiter measures time on ``clock`` and waits with ``sleep``: tests inject a fake pair
        self.rate_limiter._clock = clock  # type: ignore[method-assign]
        if sleep is not None:
            self.rate_limiter._sleep = sleep  # type: ignore[method-assign]
        self._clock = clock
        self._pause_after_error = pause_after_error
        self._paused_until: float | None = None
        self._warned = False
        self.requests = 0  # requests sent to the service, for tests and benchmarks

    @classmethod
    def from_settings(cls, settings: Settings, geocoder: Geocoder | None = None) -> OnlineGeocoder:
        """Nominatim with the configured user agent (refused when missing or a sample) and the on-disk cache."""
        agent = checked_user_agent(settings)
        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=agent, timeout=REQUEST_TIMEOUT_SECONDS)
        return cls(geocoder, OnlineCache(settings.cache_dir / CACHE_FILE_NAME))

    def candidates(self, query: str) -> list[Candidate]:
        """Places named ``query``, best first; [] for no answer (not found, offline, refused)."""
        key = cache_key(query, self.language)
        if not key:
            return []
        if self.cache is not None:
            cached = self.cache.get(key)
            if cached is not None:
                return cached
        if self._paused_until is not None and self._clock() < self._paused_until:
            return []
        try:
            self.requests += 1
            found = self.rate_limiter(query.strip(), exactly_one=False, limit=RESULT_LIMIT,
                                      addressdetails=True, language=self.language)
        except GeopyError as exc:
            self._paused_until = self._clock() + self._pause_after_error
            if not self._warned:
                self._warned = True
                log.warning("Online geocoding is unavailable (%s: %s); keeping the offline answers.",
                            type(exc).__name__, exc)
            return []
        candidates = [candidate_from_location(location) for location in _as_list(found)]
        if self.cache is not None:
            self.cache.put(key, candidates)
        return candidates

    def lookup(self, query: str) -> Candidate | None:
        """The best place named ``query``, or None."""
        found = self.candidates(query)
        return found[0] if found else None


@lru_cache(maxsize=4)
def default_online_geocoder(settings: Settings) -> OnlineGeocoder:
    """One shared Nominatim client per settings, so the rate limit and the one warning hold for the whole run."""
    return OnlineGeocoder.from_settings(settings)


def resolve_unresolved(toponyms: Sequence[Toponym], geocoder: CandidateSource) -> list[Toponym]:
    """Fill the toponyms the gazetteer left without coordinates; resolved ones are returned untouched."""
    answers: dict[str, list[Candidate]] = {}
    filled: list[Toponym] = []
    for toponym in toponyms:
        query = " ".join(toponym.text.split())
        if toponym.resolved or not _worth_asking(query):
            filled.append(toponym)
            continue
        if query.casefold() not in answers:
            answers[query.casefold()] = geocoder.candidates(query)
        found = answers[query.casefold()]
        if not found:
            filled.append(toponym)
            continue
        best = found[0]
        filled.append(
            replace(toponym, name=best.name, kind=best.kind, country=best.country, admin1=best.admin1,
                    lat=best.lat, lon=best.lon, geonameid=None, confidence=ONLINE_CONFIDENCE,
                    alternatives=tuple(found))
        )
    return filled


def cache_key(query: str, language: str) -> str:
    text = " ".join(query.split()).casefold()
    return f"{language}:{text}" if text else ""


def _worth_asking(query: str) -> bool:
    return len(query) >= 2 and any(ch.isalpha() for ch in query)


def _as_list(found: Location | Sequence[Location] | None) -> list[Location]:
    if found is None:
        return []
    if isinstance(found, Location):
        return [found]
    return list(found)


# Nominatim's address types and (class, type) pairs, mapped to GeoBrief's kinds.
_KIND_BY_ADDRESS_TYPE = {
    "country": "country",
    "state": "admin1", "province": "admin1", "region": "region",
    "state_district": "region", "county": "region", "district": "region", "municipality": "city",
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "suburb": "city",
    "neighbourhood": "city", "quarter": "city", "city_district": "city", "borough": "city",
}
_FACILITY_CLASSES = frozenset(
    {"aeroway", "amenity", "building", "man_made", "military", "railway", "tourism", "office", "power"}
)


def nominatim_kind(raw: dict[str, Any]) -> str:
    """GeoBrief's kind for one Nominatim result (its addresstype, else its class/type)."""
    for field_name in ("addresstype", "type"):
        kind = _KIND_BY_ADDRESS_TYPE.get(str(raw.get(field_name) or ""))
        if kind is not None:
            return kind
    if raw.get("class") in _FACILITY_CLASSES:
        return "facility"
    return "other"


def candidate_from_location(location: Location) -> Candidate:
    """A Candidate from a geopy Location (Nominatim's raw result gives the name, kind and country)."""
    raw: dict[str, Any] = location.raw if isinstance(location.raw, dict) else {}
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    name = str(raw.get("name") or "").strip() or (location.address or "").split(",")[0].strip()
    country = str(address.get("country_code") or "").upper() or None
    try:
        importance = float(raw.get("importance") or 0.0)
    except (TypeError, ValueError):
        importance = 0.0
    return Candidate(
        name=name,
        kind=nominatim_kind(raw),
        country=country,
        lat=float(location.latitude),
        lon=float(location.longitude),
        admin1=address.get("state") or None,
        score=importance,
    )


__all__ = [
    "OnlineCache",
    "OnlineGeocoder",
    "candidate_from_location",
    "checked_user_agent",
    "default_online_geocoder",
    "resolve_unresolved",
]
