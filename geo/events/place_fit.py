"""Whether the places told of an event and of a new mention can be one place: a town in its province
or country, a site in or near its town, a town near the place the event was put near, a name the
gazetteer lacks that lies in no other country, where a launch came from and the country it was launched at; an act
on a whole country, not on a thing in it (a mention placed only in a town's country is weak evidence). Used by
``geo.events.linking`` and ``geo.events.extract``; imports the events wing's actors, drafts and mentions and the
core only."""

from __future__ import annotations

import re
from geo.events import actors, lexicon as lx
from geo.events.draft import Draft
from geo.events.mentions import Mention, Part, told_weapon
from geo.geometry import distance_km
from geo.model import Toponym

TOWN_KINDS = frozenset({"city", "facility", "other"})  # town-level places: a town, a site, a spot put near one
KIND_RANK = {"facility": 0, "city": 1, "other": 2, "admin1": 3, "region": 4, "country": 5}


def approximate(place: Toponym | None) -> bool:
    """A name the gazetteer lacks, put near a place the text names ("Zam Kora (near El Fasher)")."""
    return place is not None and place.geonameid is None and place.kind == "other" and place.resolved


def hosted_by(place: Toponym, geonameids: set[int]) -> bool:
    """Whether ``place`` is a name the gazetteer lacks that was put near one of these towns ("Zam Kora (near
    El Fasher)"): a spot there, more precise than the town (not a river by it, "Euphrates River (near X)")."""
    return (approximate(place) and bool(place.alternatives) and place.alternatives[0].geonameid in geonameids
            and place.text.split()[-1].lower() not in lx.NATURAL_FEATURE_WORDS)


__all__ = ["at_sea", "contains", "launched_at_the_country", "more_precise", "more_specific", "names_the_place_near",
           "no_conflict", "off_the_coast", "only_the_country", "place_agrees", "place_fits", "struck_the_country",
           "told_in_part", "vaguely_placed"]

SITE_IN_TOWN_KM = 25.0


def contains(outer: Toponym, inner: Toponym) -> bool:
    """Whether ``inner`` lies inside ``outer`` (a city in its country or province)."""
    if outer.kind == "country" and inner.kind != "country":
        return bool(outer.country and inner.country == outer.country)
    if outer.kind == "admin1" and inner.kind in {"city", "facility", "other", "region"}:  # "region": a district
        same_country = outer.country is None or inner.country == outer.country
        return same_country and outer.admin1 is not None and inner.admin1 == outer.admin1
    if outer.kind == "city" and inner.kind in {"facility", "other"} and None not in (
            outer.lat, outer.lon, inner.lat, inner.lon):  # a base or a street in or near the town
        return distance_km(outer.lat, outer.lon, inner.lat, inner.lon) <= SITE_IN_TOWN_KM  # type: ignore[arg-type]
    return False


def more_specific(new: Toponym, old: Toponym) -> bool:
    """Inside the old place and of a finer kind, or a spot the gazetteer lacks put near the old town."""
    hosted = old.geonameid is not None and hosted_by(new, {old.geonameid})
    return hosted or (contains(old, new) and _rank(new) < _rank(old))


def _rank(place: Toponym) -> float:
    """How coarse a place is; a district (a 'region' inside a province) lies between a town and its province."""
    return 2.5 if place.kind == "region" and place.admin1 else KIND_RANK.get(place.kind, 2)


def place_fits(existing: Toponym | None, new: Toponym | None) -> bool:
    if existing is None or new is None or existing.place_key == new.place_key:
        return True
    return contains(existing, new) or contains(new, existing) or _one_site(existing, new)


def _one_site(a: Toponym, b: Toponym) -> bool:
    """A site the gazetteer lacks, put at its town, and a known site of that town may be one: "Hamid Karzai
    International Airport (near Kabul)" and "Kabul International Airport" (two names put at one town are
    not: two villages of a district)."""
    vague, known = (a, b) if approximate(a) else (b, a)
    return approximate(vague) and known.kind == "facility" and None not in (vague.lat, vague.lon, known.lat, known.lon) and (
        distance_km(vague.lat, vague.lon, known.lat, known.lon) <= SITE_IN_TOWN_KM)  # type: ignore[arg-type]


def one_of_its_places(draft: Draft, place: Toponym | None) -> bool:
    """'strikes on camps near A, B and C', then 'the strike near B': one of the places the act was told at."""
    return place is not None and any(other.place_key == place.place_key for other in draft.extra_places)


NEAR_TOWN_KM = 35.0


def names_the_place_near(draft: Draft, place: Toponym | None) -> bool:
    """'strikes on a town outside Damascus', then 'the attack on the town of Douma': the town near the
    place the event was put near."""
    near = draft.place
    feature = place is not None and place.text.split()[-1].lower() in lx.NATURAL_FEATURE_WORDS  # "the Euphrates River"
    return (draft.place_prep == "near" and near is not None and place is not None and near.kind == "city"
            and place.kind in TOWN_KINDS and not feature
            and None not in (near.lat, near.lon, place.lat, place.lon)
            and distance_km(near.lat, near.lon, place.lat, place.lon) <= NEAR_TOWN_KM)  # type: ignore[arg-type]


def place_agrees(draft: Draft, place: Toponym | None) -> bool:
    """The draft's place and ``place`` may be the place of one event: for 'the strike' told again, a name the
    gazetteer lacks, put near some town, is no other place unless it lies in another country."""
    vague = approximate(place) and no_conflict(draft.place, place)
    return place_fits(draft.place, place) or names_the_place_near(draft, place) or vague


def vaguely_placed(mention: Mention) -> bool:
    """Placed only at a name the gazetteer lacks ('the strike tore through stalls beside X camp'), or off a town
    ('an explosion 57 nautical miles west of Hodeidah': at sea, not in it)."""
    text = mention.sentence.doc.text
    return any(approximate(p.place) or (p.place is not None and OFFSET_RE.search(
        text[max(0, p.place.start - 60):p.place.start]) is not None) for p in mention.parts)


OFFSET_RE = re.compile(r"(?:miles?|km|kilomet(?:er|re)s?)\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
                       r"(?:the\s+)?$", re.I)


OFFSHORE_RE = re.compile(rf"(?:{OFFSET_RE.pattern})|\boff\s+(?:the\s+(?:coast|port)\s+of\s+)?(?:the\s+)?$", re.I)


def off_the_coast(a: Toponym | None, b: Toponym | None, text: str) -> bool:
    """One place at sea and the other a town the act was told off ('a ship hit in the Red Sea', 'a ship hit 27
    nautical miles west of Mokha', 'off Mokha'): one spot at sea, told two ways."""
    if a is None or b is None:
        return False
    sea, town = (a, b) if at_sea(a) else (b, a)
    before = text[max(0, town.start - 60):town.start]
    return at_sea(sea) and town.kind in TOWN_KINDS and OFFSHORE_RE.search(before) is not None


def told_in_part(mention: Mention) -> bool:
    """'One of the bombs hit a building in X': a part of what was told, wherever its own place is read to be."""
    trigger = mention.trigger
    return trigger.pos_ == "VERB" and any(
        (s.pos_ == "NUM" or s.lower_ in {"some", "each", "both", "all", "most"}) and told_weapon(s) is not None
        and told_weapon(s) is not s for s in trigger.children if s.dep_ == "nsubj")


def more_precise(draft: Draft, place: Toponym) -> bool:
    """Whether ``place`` pins the draft's event down better: inside its place, the town it was near, or a town
    or site an act put at sea was told off ("a ship hit in the Red Sea", "40 miles west of Mocha")."""
    return draft.place is not None and (more_specific(place, draft.place) or names_the_place_near(draft, place) or (
        at_sea(draft.place) and place.kind in TOWN_KINDS))


def at_sea(place: Toponym) -> bool:
    """A sea, gulf or strait ("the Red Sea", "the Bab el-Mandeb Strait", "the Gulf of Aden")."""
    words = place.text.lower().split()
    return place.kind == "region" and bool(words) and (
        words[-1] in lx.WATER_WORDS or (len(words) > 2 and words[0] in lx.WATER_WORDS and words[1] == "of"))


def no_conflict(a: Toponym | None, b: Toponym | None) -> bool:
    """Places that may be one: either is not located, or they are in the same country."""
    if a is None or b is None or a.country is None or b.country is None:
        return True
    return a.country == b.country


def struck_the_country(draft: Draft) -> bool:
    """An act on a whole country ('attacked Ukraine overnight with 76 drones'), not on a thing in it."""
    family = actors.actor_family(draft.target)
    return (draft.place is not None and draft.target == draft.place.text) or (
        family is not None and family == actors.COUNTRY_FAMILY.get(draft.place.country or "" if draft.place else ""))


def launched_at_the_country(draft: Draft, part: Part) -> bool:
    """'a strike against Ukraine' and 'drones launched from Kursk': where a launch came from is no other place
    than the country it was launched at."""
    if draft.place is None or part.place is None:
        return False
    return (part.place_prep == "from" and draft.place.kind == "country") or (
        draft.place_prep == "from" and part.place.kind == "country")


def only_the_country(draft: Draft, mention: Mention) -> bool:
    """Whether the mention is placed only in the country or province the draft's town lies in: weak
    evidence of the same act ('in Iraq, a gunship hit ...' after a drone attack on a base in Iraq)."""
    part = mention.parts[0] if mention.parts else None
    coarse = {"country", "admin1", "region"}
    return (part is not None and part.place is not None and draft.place is not None
            and part.place.kind in coarse and draft.place.kind not in coarse
            and f"(near {part.place.name})" not in (draft.place.name or ""))  # (a village placed by that province)


# "at the base", "inside the camp": a site named before, called again by what it is
_AT_THE_SITE_RE = re.compile(r"\b(?:at|on|in|inside|into|near|outside) the (base|camp|airport|airfield|garrison|"
                             r"outpost|compound|barracks|port)\b", re.I)


def at_the_site_told(draft: Draft, mention: Mention) -> bool:
    """'Sunday's drone attack on Al-Asad Air Base', then 'A drone hit a housing area at the base shortly before
    midnight Sunday': a mention placed nowhere but at the site the event was told at, by what it is, on its day."""
    place = draft.place
    if place is None or place.kind != "facility" or any(p.place is not None for p in mention.parts):
        return False
    if mention.date is not None and draft.date is not None and mention.date != draft.date:
        return False
    site = _AT_THE_SITE_RE.search(mention.sentence.text)
    return site is not None and site.group(1).lower() in place.text.lower().replace("airbase", "air base").split()

