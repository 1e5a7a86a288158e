"""Readings the story does not support are left unresolved: a dot in the wrong place is worse
than none (the name is then placed, marked approximate, near a town the story names:
``geo.places.approximate``).

``drop_unsupported`` applies seven rules once a document's names are ranked, each judging a
name's best reading by the places the story names by an exact spelling:

- a loose spelling ("Helmet" ~ Helmetta) outside the countries and provinces the story names;
- a small town, or one named by a secondary alternate name ("Abbasiya", an old name of Yehud),
  in a country where the story names no other place (for a hamlet so named in a story set elsewhere, no
  town, site or province: "al-Baghdadi" in Anbar is not Baghdadeh, Iran, with "Tehran" named);
- a town of no great size whose own sentence names another country, one where the story names places,
  and not its own, in a country where the story names no other town, province or site ("Yemen's
  government said a drone hit a post near the town of Hays": not Hays, Kansas);
- a town a cue calls one ("the border village of X", "the town of X") that lies far from every local place
  the story names, in a country it does not name ("the villages of Houla and Yaroun" in a story from south
  Lebanon: not Yarun in Ukraine);
- a town or district of no great size, named without its container, in a country the story names but far from
  every town, site and province it names but its dateline ("Baarow" in a story from Somalia is not Barrow, Alaska);
- a province named only by generic words ("Western", "Central", "Valley": a province of Rwanda,
  Kenya, Honduras) in a country the story does not otherwise name: "the West" is not Rwanda's;
- a town matched only through its transliteration key ("Ondaw" ~ Ondo), short of a metropolis, in a country
  the story never names, while it names the country of its other places: a village there the gazetteer lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from geo.gazetteer import DISTRICT_WORDS, fold_name
from geo.geometry import distance_km
from geo.model import Candidate
from geo.places.name_fallbacks import DEMONYM, HEAD
from geo.places.ranking import LOCAL_KINDS

__all__ = ["BIG_TOWN", "EXACT_SPELLING", "drop_unsupported", "not_the_city_province", "prefer_countries_named_in_full",
           "province_of_its_town", "towns_abroad_of_a_district"]

EXACT_SPELLING = 0.97  # name similarity of an exact or transliteration-key match
BIG_TOWN = 100_000
METROPOLIS = 1_000_000  # a city this big may be named abroad without its country ("talks in Tehran")
_SMALL_TOWN = 20_000  # a town this small needs support from the story when it is abroad
_STRAY_TOWN = 50_000  # a town this small, far from all the story names, is more likely a namesake than its scene
_SAME_THEATRE_KM = 2_500.0  # a town this close to the story's places may be where its war reaches
_CUED_TOWN_REACH_KM = 1_000.0  # a small town a cue names lies this close to the story's other local places
_MIN_CONTEXT_NAMES = 3  # other places a story must name before a town is judged against them
# Words that name a part of any country rather than one place ("Western", "North-West", "Central").
_GENERIC_PROVINCE_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
    "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "central",
    "centre", "center", "middle", "upper", "lower", "valley", "coast", "coastal", "lakes", "islands",
    "capital", "highlands", "lowlands", "plateau", "littoral", "delta", "border", "interior", "region",
    "province", "the",
})


class _Mention(Protocol):
    text: str
    cue: str | None
    container: str | None
    sentence: int
    reading: str | None
    candidates: list[Candidate]
    scores: list[float]
    features: list[dict[str, float]]

    @property
    def best(self) -> Candidate | None: ...


def drop_unsupported(mentions: Sequence[_Mention]) -> None:
    """Leave unresolved the readings nothing in the story supports (the module's seven rules)."""
    exact = [m.best for m in mentions if m.best is not None and m.best.score >= EXACT_SPELLING]
    _drop_respelt_towns_abroad(mentions)
    exact = [m.best for m in mentions if m.best is not None and m.best.score >= EXACT_SPELLING]
    _drop_unsupported_spellings(mentions, exact)
    _drop_unsupported_towns(mentions, exact)
    _drop_towns_put_in_another_country(mentions)
    _drop_cued_towns_far_from_the_scene(mentions, exact)
    _drop_towns_far_from_the_scene(mentions)
    _drop_generic_provinces(mentions, exact)


def _leave_unresolved(mention: _Mention) -> None:
    mention.candidates, mention.scores, mention.features = [], [], []


def _drop_unsupported_spellings(mentions: Sequence[_Mention], exact: Sequence[Candidate]) -> None:
    """A name matched only by a loose spelling ("Philippine" ~ Flippin, "Helmet" ~ Helmetta) is
    kept when the document's exactly named places share its country (and, where they include
    towns of that country, the province of one of them), or when it is a big town in a story that
    names no other country ("Khiam" in a story from Lebanon is not Hamm, Germany; a big city read from
    a longer name, "Seoul Central District Court", stays wherever the story is). A coarser reading
    of the name (a demonym, "Central American" -> Central America; the place a feature is named after,
    "Nangarhar Province" -> Nangarhar) is an exact reading of another name, not a loose spelling: its
    lowered score says how sure it is, and it stays. ``exact``: the readings of the names matched by
    an exact spelling."""
    countries = {c.country for c in exact}
    # Where the story names towns of that country exactly, the spelling must fall in one of their
    # provinces ("HARWINTON" among Connecticut towns is not Harrington, Delaware).
    provinces: dict[str | None, set[str]] = {}
    for place in exact:
        if place.admin1 and place.kind in LOCAL_KINDS:
            provinces.setdefault(place.country, set()).add(place.admin1)
    datelines = {m.best.admin1 for m in mentions if m.best is not None and m.text.isupper()} - {
        m.best.admin1 for m in mentions if m.best is not None and not m.text.isupper() and m.best in exact}
    for country in provinces:  # the city a story is filed from ("MAPUTO, Mozambique -") is not where it happens
        provinces[country] = provinces[country] - datelines or provinces[country]
    for mention in mentions:
        best = mention.best
        if (best is not None and not _another_names_reading(mention) and best.score < EXACT_SPELLING
                and (best.population < BIG_TOWN or (mention.reading is None and countries - {best.country}))
                and (best.country not in countries
                     or best.admin1 not in provinces.get(best.country, set() if provinces else {best.admin1}))):
            _leave_unresolved(mention)


def _another_names_reading(mention: _Mention) -> bool:
    """A demonym's country or region, or the province a feature is named after ("Nangarhar Province"); not a
    town a site is named after ("Al-Nour Hospital" is no town Nur)."""
    best = mention.best
    return mention.reading == DEMONYM or (mention.reading == HEAD and best is not None and best.kind in _PROVINCES)


_PROVINCES = frozenset({"admin1", "admin2"})


def _drop_unsupported_towns(mentions: Sequence[_Mention], exact: Sequence[Candidate]) -> None:
    """A town matched only through a secondary alternate name ("Abbasiya"; "the town of Boni" is not
    Bern, whatever a cue says) or a small one that no cue ("the town of X", "X, Texas") vouches for,
    in a country where no other place the story names exactly lies, when the story names a few
    other places (or two in one country)."""
    # Support comes from a place the story names that stands on its own (a country, a province, a
    # site, a town of some size) or from a small town of the same province ("Huntingdon" and
    # "McKenzie" for Paris, Tennessee); two hamlets in different provinces of a country the story
    # does not name do not vouch for each other ("Makeen" and "FATA" as villages of Yemen in a
    # story from Waziristan).
    places_by_country = _places_by_country([c for c in exact if c.kind != "city" or c.population >= _SMALL_TOWN])
    towns_by_province = _places_by_province([c for c in exact if c.kind == "city"])
    # The setting a town abroad is judged against is the local places the story names (towns,
    # provinces, sites): countries named as participants ("with support from Canada, Denmark and
    # the Netherlands") set no scene.
    named = {fold_name(m.text) for m in mentions if m.best is not None and m.best.kind != "country"}
    # (a country, or a capital that stands for its government, sets no scene for a hamlet)
    scene_places = [c for c in exact if c.kind != "country" and not (c.kind == "city" and c.population >= METROPOLIS)]
    scenes = {(c.lat, c.lon) for c in scene_places}
    for mention in mentions:
        best = mention.best
        district = best is not None and best.kind == "admin2" and mention.text.split()[-1].lower() in DISTRICT_WORDS
        if best is None or (best.kind != "city" and not district):
            continue  # a district abroad named with its word ("Haram district": Haram, Norway) needs support too
        main = best.main_name or _city_form(mention.text, best)
        # a town abroad spelt only alike ("Djaiba" ~ Jaiba, Brazil, a transliteration) stands alone only if big
        size = _SMALL_TOWN if best.score >= 1.0 else BIG_TOWN
        if not district and ((mention.cue not in (None, "near", "facility") and main) or (main and best.population >= size)):
            continue  # "the town of X" vouches for a town called so (not "X junction"), not for one abroad that X only translates
        # Support is another place in that country, not another spelling of this one ("Abbassiya").
        support = places_by_country.get(best.country, set())
        if not main and best.population < _SMALL_TOWN and any(c.country != best.country for c in scene_places):
            support = support & scenes  # a hamlet read by another of its names ("al-Baghdadi" ~ Baghdadeh, Iran) in
            # a story set elsewhere needs a scene there: not its country named as a side, nor "Tehran" speaking for it
        others_there = (support | towns_by_province.get((best.country, best.admin1), set())) - {(best.lat, best.lon)}
        others = len(named - {fold_name(mention.text)})
        one_country = best.population < BIG_TOWN and len({c.country for c in exact if c is not best}) == 1
        # "El Fasher, North Darfur": a setting a hamlet abroad must fit (not a city called by another name)
        if not others_there and (others >= _MIN_CONTEXT_NAMES or (others >= 2 and one_country)):
            _leave_unresolved(mention)


def _drop_towns_put_in_another_country(mentions: Sequence[_Mention]) -> None:
    """A town under ``BIG_TOWN`` whose sentence names another country and nothing in its own is a place of
    that country the gazetteer lacks, when the story names a town, province or site in that country, none
    in the town's own and none within ``_SAME_THEATRE_KM`` of it ("Yemen's government said a drone hit a
    post near Hays", with Sanaa in the story: not Hays, Kansas, though "the U.S. military" is in it too;
    "Yemen's Houthis fired a drone at Eilat" stays: Eilat is within reach of the story's Yemeni towns).
    A name given its container ("Hays, Kansas") is left to that."""
    exact = [m for m in mentions if m.best is not None and m.best.score >= EXACT_SPELLING]
    local: dict[str | None, dict[str, Candidate]] = {}  # the story's sub-national places by country, by name
    for mention in exact:
        if mention.best is not None and mention.best.kind != "country":
            local.setdefault(mention.best.country, {})[fold_name(mention.text)] = mention.best
    for mention in mentions:
        best, name = mention.best, fold_name(mention.text)
        if (best is None or best.kind != "city" or best.population >= BIG_TOWN or mention.container
                or mention.sentence < 0 or set(local.get(best.country, {})) - {name}):
            continue
        same_sentence = [m.best for m in exact if m.sentence == mention.sentence and m is not mention]
        own_named = any(c is not None and c.country == best.country for c in same_sentence)
        others = {c.country for c in same_sentence if c is not None and c.kind == "country"} - {best.country}
        near = any(distance_km(best.lat, best.lon, place.lat, place.lon) <= _SAME_THEATRE_KM
                   for places in local.values() for other, place in places.items() if other != name)
        if others & set(local) and not own_named and not near:
            _leave_unresolved(mention)


def _drop_cued_towns_far_from_the_scene(mentions: Sequence[_Mention], exact: Sequence[Candidate]) -> None:
    """A town a cue calls one ("the village of X", "X town") says it is part of the story's scene: a namesake
    in a country the story does not name, where none of its places lie, and farther from each of them than
    ``_CUED_TOWN_REACH_KM`` (``_SAME_THEATRE_KM`` for a big town) is not that town, when the story names a
    few local places (towns, provinces, sites), or a country and one more place. A name given its container
    ("X, Texas") is left to that."""
    countries = [m.best for m in mentions if m.best is not None and m.best.kind == "country"
                 and m.best.score >= EXACT_SPELLING]
    for mention in mentions:
        best, name = mention.best, fold_name(mention.text)
        if best is None or best.kind != "city" or mention.cue not in {"city", "city_of"} or mention.container:
            continue
        local = [m.best for m in mentions if m.best is not None and m.best.score >= EXACT_SPELLING
                 and m.best.kind != "country" and fold_name(m.text) != name]
        scene = local + [c for c in countries if c.country != best.country]  # a country it names sets a scene too
        enough = len({(c.lat, c.lon) for c in local}) >= _MIN_CONTEXT_NAMES or (
            len(scene) > len(local) and len({(c.lat, c.lon) for c in scene}) >= 2)
        if not enough or best.country in {c.country for c in countries} or any(
                c.country == best.country and (c.lat, c.lon) != (best.lat, best.lon) for c in exact):
            continue
        reach = _SAME_THEATRE_KM if best.population >= BIG_TOWN else _CUED_TOWN_REACH_KM
        if all(distance_km(best.lat, best.lon, c.lat, c.lon) > reach for c in scene):
            _leave_unresolved(mention)


def _drop_towns_far_from_the_scene(mentions: Sequence[_Mention]) -> None:
    """A town or district under ``_STRAY_TOWN``, named without its container, in a country the story names (as a side:
    "U.S. forces", "TAMPA, Fla.") but farther than ``_SAME_THEATRE_KM`` from every town, site and province it names
    exactly (but the city it is filed from and that city's state), when it names two or more, is a place there the
    gazetteer lacks, not a namesake across the world ("Baarow" in a story from Somalia is not Barrow, Alaska; "the
    Green Village" in Syria is not Green, Ohio)."""
    datelines = [m.best for m in mentions if m.best is not None and m.text.isupper()]
    scene = [m.best for m in mentions if m.best is not None and m.best.score >= EXACT_SPELLING and not m.text.isupper()
             and m.best.kind not in {"country", "region"} and not any(
                 m.best.country == d.country and m.best.name == d.admin1 for d in datelines)]
    sides = {m.best.country for m in mentions if m.best is not None and m.best.kind == "country"} | {
        d.country for d in datelines}  # (a country the story does not name is judged by the other rules)
    for mention in mentions:
        best = mention.best
        if best is None or best.kind not in {"city", "admin2"} or best.population >= _STRAY_TOWN or (
                mention.container or best.country not in sides):
            continue
        others = {(c.lat, c.lon) for c in scene if fold_name(c.name) != fold_name(best.name)} - {(best.lat, best.lon)}
        if len(others) >= 2 and all(distance_km(best.lat, best.lon, *point) > _SAME_THEATRE_KM for point in others):
            _leave_unresolved(mention)


def _drop_respelt_towns_abroad(mentions: Sequence[_Mention]) -> None:
    """A town read only through its transliteration key ("Ondaw", a fishing village of Rakhine, ~ Ondo, Nigeria),
    under ``METROPOLIS``, in a country the story never names (by name or people) and where none of the places it
    spells exactly lies, while the story names a country that two of those places lie in: not that town."""
    spelt = [m.best for m in mentions if m.best is not None and m.best.score >= 1.0 and m.best.kind != "country"]
    named = {m.best.country for m in mentions if m.best is not None and m.best.kind == "country"}
    settings = {c for c in named if sum(p.country == c for p in spelt) >= 2}
    for mention in mentions:
        best = mention.best
        if (best is not None and best.kind == "city" and best.score < 1.0 and best.population < METROPOLIS
                and settings and best.country not in named and all(p.country != best.country for p in spelt)):
            _leave_unresolved(mention)


def _drop_generic_provinces(mentions: Sequence[_Mention], exact: Sequence[Candidate]) -> None:
    """A province read from generic words only ("Western", "West", "Valley") needs another place
    the story names exactly in its country ("Western province" among Kenyan towns stays)."""
    places_by_country = _places_by_country(exact)
    for mention in mentions:
        best = mention.best
        if best is None or best.kind != "admin1" or mention.cue in {"province", "province_of"}:
            continue
        words = fold_name(mention.text).replace("-", " ").split()
        if words and all(w in _GENERIC_PROVINCE_WORDS for w in words):
            if not places_by_country.get(best.country, set()) - {(best.lat, best.lon)}:
                _leave_unresolved(mention)


def _places_by_country(places: Sequence[Candidate]) -> dict[str | None, set[tuple[float, float]]]:
    found: dict[str | None, set[tuple[float, float]]] = {}
    for place in places:
        found.setdefault(place.country, set()).add((place.lat, place.lon))
    return found


def _places_by_province(places: Sequence[Candidate]) -> dict[tuple[str | None, str], set[tuple[float, float]]]:
    found: dict[tuple[str | None, str], set[tuple[float, float]]] = {}
    for place in places:
        if place.admin1:
            found.setdefault((place.country, place.admin1), set()).add((place.lat, place.lon))
    return found


def _city_form(text: str, place: Candidate) -> bool:
    """Whether ``text`` is the place's main name followed by "City" ("Quebec City", "Calamba City"):
    the name English uses for it, not a secondary one."""
    folded = fold_name(text)
    return folded.endswith(" city") and folded[: -len(" city")] == fold_name(place.name)


class _Named(Protocol):
    text: str
    candidates: list[Candidate]


def _exact_countries(mention: _Named) -> set[str]:
    return {c.country or "" for c in mention.candidates if c.kind == "country" and c.score >= EXACT_SPELLING}


def prefer_countries_named_in_full(mentions: Sequence[_Named]) -> None:
    """'Congo' is both Congos, 'Georgia' a country and a state: where the story also names one of a
    short name's countries by a name only that country has ("the Republic of Congo", "DRC"), the
    short name is that country. Applied before ranking, to the short name's country candidates."""
    named: set[str] = set()
    for mention in mentions:
        exact = [c for c in mention.candidates if c.score >= EXACT_SPELLING]
        countries = _exact_countries(mention)
        if len(countries) == 1 and len(exact) == 1:
            named |= countries
    if not named:
        return
    for mention in mentions:
        countries = _exact_countries(mention)
        if len(countries) > 1 and len(countries & named) == 1:
            mention.candidates = [c for c in mention.candidates
                                  if c.kind != "country" or c.score < EXACT_SPELLING or c.country in named]


class _Lookup(Protocol):
    def candidates(self, name: str, *, limit: int = 10, fuzzy: bool = True) -> list[Candidate]: ...


def province_of_its_town(candidates: Sequence[Candidate], gazetteer: _Lookup) -> list[Candidate]:
    """'Hodeidah province': a spelling the gazetteer gives only the town reaches the province named like the
    town ('Al Hudaydah' the city and the governorate), with the score of the spelling."""
    if any(c.kind in {"admin1", "region"} for c in candidates):
        return []
    found: dict[int | None, Candidate] = {}
    for town in (c for c in candidates if c.kind == "city" and c.score >= EXACT_SPELLING):
        for province in gazetteer.candidates(town.name, limit=5, fuzzy=False):
            if province.kind == "admin1" and province.country == town.country and province.score >= EXACT_SPELLING:
                found.setdefault(province.geonameid, replace(province, score=town.score))
    return list(found.values())


def not_the_city_province(candidates: list[Candidate]) -> list[Candidate]:
    """'Kyiv, Sumy and Kharkiv oblasts': the province called by the bare name (Kyiv Oblast), not the city that
    is a province of its own (Kyiv City), when the text calls it a province."""
    named = {fold_name(c.name) for c in candidates if c.kind == "admin1"}
    return [c for c in candidates if not (c.kind == "admin1" and fold_name(c.name).endswith(" city") and (
        fold_name(c.name).removesuffix(" city") in named))]


def towns_abroad_of_a_district(text: str, candidates: Sequence[Candidate], gazetteer: _Lookup) -> list[Candidate]:
    """'Giza's Haram district': a district the gazetteer knows abroad (Haram, Norway) is one reading; the towns
    of the bare name in countries without such a district are the others, for the context to choose."""
    words = text.split()
    districts = {c.country for c in candidates if c.kind == "admin2"}
    if len(words) < 2 or words[-1].lower() not in DISTRICT_WORDS or not districts:
        return []
    return [c for c in gazetteer.candidates(" ".join(words[:-1]), limit=10, fuzzy=False)
            if c.kind == "city" and c.score >= EXACT_SPELLING and c.country not in districts]
