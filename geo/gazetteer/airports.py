"""Airports and air bases for the gazetteer build, from airportsdata (MIT, ICAO-coded, updated monthly)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from geo.gazetteer.aliases import is_latin, usable_alias
from geo.geometry import distance_km

__all__ = ["Airport", "load_airports"]


@dataclass(slots=True)
class Airport:
    name: str
    country: str | None
    lat: float
    lon: float
    aliases: set[str] = field(default_factory=set)


# How airportsdata names end, and the other names news gives the same place ("Bagram airbase").
_AIRPORT_ENDINGS = ("International Airport", "Regional Airport", "Airport", "Air Base", "Airbase", "Air Field",
                    "Airfield", "Aerodrome", "Airstrip")
_AIRPORT_FORMS = ("Airport", "Air Base", "Airbase", "Airfield")
_SAME_SITE_KM = 3.0  # an airport this close to a curated site is that site


def load_airports(sites: Sequence[tuple[float, float]]) -> list[Airport]:
    """Airports and air bases from airportsdata (MIT; about 28,000 with an ICAO code): each by its
    name and the forms news uses for it ("Bagram Air Base", "Bagram airbase", "Bagram airfield";
    "Kabul airport" for a city's international airport), never by the bare town name, which stays
    the town's; none within 3 km of one of the curated ``sites`` (their points). An empty list when airportsdata is
    not installed."""
    try:
        import airportsdata  # noqa: PLC0415 - optional at build time
    except ImportError:
        return []
    places = []
    for airport in airportsdata.load("ICAO").values():
        name = (airport.get("name") or "").strip()
        ending = next((e for e in _AIRPORT_ENDINGS if name.lower().endswith(e.lower())), None)
        if ending is None or not is_latin(name):
            continue
        lat, lon = float(airport["lat"]), float(airport["lon"])
        if any(distance_km(lat, lon, site_lat, site_lon) <= _SAME_SITE_KM for site_lat, site_lon in sites):
            continue
        place = Airport(name, airport.get("country") or None, lat, lon)
        place.aliases.add(name)
        core = name[: -len(ending)].strip(" -,")
        if core and usable_alias(core):
            place.aliases.update(f"{core} {form}" for form in _AIRPORT_FORMS)
            city = (airport.get("city") or "").strip()
            if ending == "International Airport" and city and usable_alias(city):
                place.aliases.update((f"{city} Airport", f"{city} International Airport"))
        places.append(place)
    return places
