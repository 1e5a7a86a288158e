"""Airports and air bases for the gazetteer build, from airportsdata (MIT, ICAO-coded, updated monthly)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from geo.gazetteer.aliases import is_latin, usable_alias
from geo.gazetteer.normalize import fold_name, name_key
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


def load_airports(sites: Sequence[tuple[float, float]],
                  big_cities: Collection[tuple[str | None, str]] = ()) -> list[Airport]:
    """Airports and air bases from airportsdata (MIT; about 28,000 with an ICAO code): each by its
    name and the forms news uses for it ("Bagram Air Base", "Bagram airbase", "Bagram airfield";
    "Kabul airport" for a city's international airport), never by the bare town name, which stays
    the town's; none within 3 km of one of the curated ``sites`` (their points). An airport named
    after its city and more ("Toronto Pearson") goes by the rest too ("Pearson International
    Airport"): ``big_cities`` holds (country, folded name) of the cities that may head a name. An empty list when airportsdata is
    not installed."""
    try:
        import airportsdata  # noqa: PLC0415 - optional at build time
    except ImportError:
        return []
    places = []
    for airport in airportsdata.load("ICAO").values():
        name = (airport.get("name") or "").strip()
        ending = next((e for e in _AIRPORT_ENDINGS if name.lower().endswith(e.lower())), None)
        if ending is None or not is_latin(name) or name_key(name) == name_key(ending):
            continue  # no name of its own once its words for an airport are set aside ("Al Al Airport")
        lat, lon = float(airport["lat"]), float(airport["lon"])
        if any(distance_km(lat, lon, site_lat, site_lon) <= _SAME_SITE_KM for site_lat, site_lon in sites):
            continue
        place = Airport(name, airport.get("country") or None, lat, lon)
        place.aliases.add(name)
        core = name[: -len(ending)].strip(" -,")
        city = (airport.get("city") or "").strip()
        cores = [core]
        head, _, rest = core.replace("–", "-").replace("-", " ", 1).partition(" ")
        if rest and (head.lower() == city.lower() or (airport.get("country"), fold_name(head)) in big_cities):
            cores.append(rest.strip())  # "Toronto Pearson": also "Pearson International Airport"
        words = core.split()
        if len(words) >= 3 and any(len(w) == 2 and w[0].isupper() and w[1] == "." for w in words[1:-1]):
            cores.append(words[-1])  # named after a person ("Lester B. Pearson"): by the surname too
        for short in cores:
            if short and usable_alias(short) and name_key(short):
                place.aliases.update(f"{short} {form}" for form in _AIRPORT_FORMS)
                if ending == "International Airport":
                    place.aliases.add(f"{short} {ending}")
        if ending == "International Airport" and city and usable_alias(city):
            place.aliases.update((f"{city} Airport", f"{city} International Airport"))
        places.append(place)
    return places
