"""The dashboard's place search: a name or a location description typed by the analyst, its
candidates from the offline gazetteer (and those added to it), each with a label and the zoom
that shows it.

    found = search_places("Albu Kamal")     # [Candidate(...), ...], best first
    place_label(found[0])                   # 'Albu Kamal: town, Deir Ezzor, SY, population 57,572'
"""

from __future__ import annotations

import html

import folium

from geo.dashboard.selection import PLACE_ZOOM, ZOOM_BY_KIND
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.model import Candidate
from geo.places import geocode_description

__all__ = ["MAX_QUERY", "found_place_marker", "place_label", "search_places", "search_zoom"]

MAX_QUERY = 200
FOUND_COLOUR = "#6a3d9a"  # a colour no event or place symbol uses
_KIND_WORDS = {"admin1": "province", "admin2": "district", "city": "town", "facility": "site", "region": "region",
               "country": "country"}


def search_places(query: str, *, limit: int = 10, gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """The places a typed name may be, best first: the reading of the words as a location
    description ("Nahta, Daraa", "Bagram airbase") and then every place of that name."""
    text = " ".join(query.split())[:MAX_QUERY]
    if not text:
        return []
    gazetteer = gazetteer or default_gazetteer()
    found: list[Candidate] = []
    reading = geocode_description(text, gazetteer)
    if reading is not None:
        found += list(reading.alternatives) or [Candidate(
            name=reading.name, kind=reading.kind, country=reading.country, lat=reading.lat, lon=reading.lon,
            geonameid=reading.geonameid, admin1=reading.admin1, score=reading.confidence)]
    found += gazetteer.candidates(text, limit=limit)
    unique: dict[tuple[str, float, float], Candidate] = {}
    for candidate in found:
        unique.setdefault((candidate.name, round(candidate.lat, 3), round(candidate.lon, 3)), candidate)
    return list(unique.values())[:limit]


def place_label(candidate: Candidate) -> str:
    """'Albu Kamal: town, Deir Ezzor, SY, population 57,572'."""
    parts = [_KIND_WORDS.get(candidate.kind, candidate.kind)]
    parts += [part for part in (candidate.admin1, candidate.country) if part and part != candidate.name]
    if candidate.population:
        parts.append(f"population {candidate.population:,}")
    return f"{candidate.name}: {', '.join(parts)}"


def search_zoom(candidate: Candidate) -> int:
    """The zoom that shows a found place with its surroundings."""
    return ZOOM_BY_KIND.get(candidate.kind, PLACE_ZOOM)


def found_place_marker(candidate: Candidate) -> folium.FeatureGroup:
    """A marker at the place found by the search, with its name always shown, for st_folium's
    ``feature_group_to_add`` (drawn without redrawing the map)."""
    group = folium.FeatureGroup(name="Found place", control=False)
    marker = folium.CircleMarker(location=(candidate.lat, candidate.lon), radius=9, color=FOUND_COLOUR, weight=3,
                                 fill=True, fill_color=FOUND_COLOUR, fill_opacity=0.35, class_name="geobrief-found")
    folium.Tooltip(html.escape(place_label(candidate)), permanent=True, direction="right").add_to(marker)
    marker.add_to(group)
    return group
