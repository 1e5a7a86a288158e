"""Approximate locations for names the gazetteer does not know, from the places around them.

A street, a building, a school or a hill named in a news story ("Royal Street", "the Barclays Center", "Brands
Hatch") is rarely in GeoNames' cities, but it almost always lies in the town the story is about.
``locate_by_context`` gives each unresolved toponym the point of a resolved town-level place near it in the text,
else of a province, with a low confidence and a name that says it is approximate: ``"Royal Street (near New
Orleans)"``. Hosts of the name's own paragraph come first, then those of the paragraphs before, then (a last resort)
of those after; among them, one that the story's other places lie near wins (the story's setting, not a lone misread
name), then the nearest in the text (preceding mentions preferred: "in New Orleans ... on Royal Street"). A place
named as another name's container ("in Dioura, in the Segou region"), for its clock ("Baghdad time") or as where
someone spoke ("told reporters at the Pentagon", "the Pentagon said") hosts no other name; a name followed by its
country or province ("Cammaara, Somalia") has its host there or none; a region a province is named after ("Darfur"
beside "North Darfur") has a town of that province, else the province. Words that name the host come first: a site
named after a town the text names ("Kismayo Airport"), one "in the city" (the town the story names most), one said to
lie in the capital ("the X district of the Libyan capital", "X, the capital's airport": the capital the text names).
All mentions of a name share one host (one name, one place): the one most of its mentions pick (those that name a
container, if any do; the first on a tie), but a name many buildings bear ("the Coptic Orthodox Church") is placed
mention by mention. A name measured from a town ("X, a village about 30 km east of Y") has that town for its host and
is put that far that way from it (geopy's geodesic); one read far from that town is a namesake abroad, and is placed
so too. The host is its only alternative, so the analyst sees why it was put there and can drop it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from geopy.distance import geodesic

from geo.gazetteer import fold_name
from geo.geometry import distance_km
from geo.model import Candidate, Toponym
from geo.places.lexicon import DIRECTION_WORDS, FACILITY_WORDS, KIND_WORDS, LOCATED_WORDS
from geo.places.spatial import names_within

__all__ = ["APPROXIMATE_KIND", "MAX_APPROXIMATE_CONFIDENCE", "locate_by_context"]

APPROXIMATE_KIND = "other"
MAX_APPROXIMATE_CONFIDENCE = 0.25
_TOWN_KINDS = frozenset({"city", "facility", "region"})  # "region" here: a county (admin2 is reported so)
_PROVINCE_KINDS = frozenset({"admin1"})
_FOLLOWING_DISTANCE_FACTOR = 1.5  # a host named after the name is a weaker clue than one before it
_MAX_HOST_DISTANCE_CHARS = 3000
_SUPPORT_KM = 161.0  # another place this close to a host corroborates it
_MAX_SUPPORT = 2  # beyond two corroborating names, the nearest host in the text wins
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SET_IN = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]round)\s+"
                     r"(?:the\s+(?:[\w-]+\s+)?(?:town|city|village)\s+of\s+)?$")  # "near (the town of) X"
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n")
_THE_TOWN = re.compile(r",? (?:in|of|near|outside) the (?:city|town)\b(?! of)")  # "X Hotel in the city"
# "X district of the Libyan capital", "X, a suburb of the capital", "X, the capital's airport"
_CAPITAL_CUE = re.compile(
    r"(?: (?:district|neighbou?rhood|quarter|suburb|area))?,?"
    r" (?:(?:an? |one )?(?:[\w-]+ ){0,2}?(?:district|neighbou?rhoods?|quarters?|suburbs?|areas?) )?"
    r"(?:(?:of|in|outside) )?the (?:[A-Z][\w-]+ )?capital(?:['’]s)?\b")
_COMPASS = "|".join(sorted(w for w in DIRECTION_WORDS if w.rstrip("ern").replace("-", "") in {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}))
# "X, a village about 30 km (19 miles) east of Y": how far from its host, and which way, a name lies
_MEASURED_AWAY = re.compile(
    r",\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){1,3}?)?(?:(?:about|some|around|roughly|approximately|nearly|almost|"
    r"just|barely|over|under|more\s+than|less\s+than)\s+)?(?P<far>\d{1,3}(?:\.\d)?)[\s-]?"
    r"(?P<unit>km|kilomet(?:er|re)s?|miles?)\b(?:\s*\([^()]{1,30}\))?\s+(?:to\s+the\s+)?"
    r"(?P<way>(?:north|south)(?:-?(?:east|west))?|east|west)\s+of\s+"
    r"(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|capital)\s+(?:of\s+)?)?")
_BEARINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0, "southwest": 225.0,
             "west": 270.0, "northwest": 315.0}
_KM_PER_MILE = 1.609344
_LOCATED_IN = re.compile(rf",? (?:(?:{'|'.join(sorted(LOCATED_WORDS))}) )?in (?:the )?(?:(?:{_COMPASS}) )?",
                         re.IGNORECASE)  # "X, located in Y", "X in northeast Y"


def _is_host(toponym: Toponym, kinds: frozenset[str]) -> bool:
    """A resolved place of these kinds, from GeoNames or a curated site ("the Oval Office" is at
    the White House), not a curated sea or region, nor a demonym ("English"), nor a name in
    capitals (a dateline or an acronym)."""
    return (toponym.resolved and toponym.kind in kinds and not toponym.text.isupper() and not toponym.demonym
            and (toponym.geonameid is not None or toponym.kind == "facility"))


def _text_distance(toponym: Toponym, host: Toponym) -> float:
    if host.end <= toponym.start:
        return float(toponym.start - host.end)
    return _FOLLOWING_DISTANCE_FACTOR * max(0, host.start - toponym.end)


def _support(hosts: Sequence[Toponym]) -> dict[int, int]:
    """Per host (by position), how many other distinct names among the hosts lie near it, capped."""
    counts = names_within([(fold_name(h.text), h.lat or 0.0, h.lon or 0.0) for h in hosts], _SUPPORT_KM, _MAX_SUPPORT)
    return dict(enumerate(counts))


def _best_host(toponym: Toponym, hosts: _Hosts, towns: bool, text: str = "", *, scope: str = "any") -> Toponym | None:
    """The host among the towns (or provinces) of ``hosts`` within ``scope``: the name's paragraph, or also the
    paragraphs before, or any."""
    places, support = (hosts.towns, hosts.town_support) if towns else (hosts.provinces, {})
    near = [i for i in hosts.within_reach(toponym, towns) if _text_distance(toponym, places[i]) <= (
        _MAX_HOST_DISTANCE_CHARS) and not _named_as_venue(places[i], text) and not (
            scope != "any" and _PARAGRAPH_BREAK.search(text, *sorted((toponym.end, places[i].start))) and (
                scope == "paragraph" or places[i].start > toponym.end))]
    best = min(near, key=lambda i: (_named_as_origin(places[i], text),
                                    not _set_in_its_sentence(toponym, places[i], text),
                                    places[i].country != hosts.main_country,  # the country the story is about
                                    -support.get(i, 0), _text_distance(toponym, places[i])), default=None)
    return None if best is None else places[best]


def _set_in_its_sentence(toponym: Toponym, host: Toponym, text: str) -> bool:
    """Whether the host is a town the name's own sentence sets things in ('Near Al-Qaim, ... outside the village
    of X', 'sent to X in Muntinlupa'): the teller's frame, which outranks the story's setting ('south of Baghdad'
    in the next sentence); not a name told otherwise ('the player who cost Liverpool', 'Wilder's estate')."""
    return bool(text) and _SET_IN.search(text, max(0, host.start - 40), host.start) is not None and (
        _SENTENCE_BREAK.search(text, *sorted((toponym.end, host.end))) is None)


_FROM_RE = re.compile(r"(\w+)\s+from\s+(?:the\s+)?$")
_MEASURED_FROM = frozenset({"km", "kilometers", "kilometres", "miles", "mi", "meters", "metres", "away", "far"})


def _named_as_origin(host: Toponym, text: str) -> bool:
    """A town named as where someone came from ('the bus travelled from X', 'fled from X'): elsewhere than the
    spot told beside it, a host only when no other is near (not 'X, 20 km from Y': a distance from the host)."""
    found = _FROM_RE.search(text, max(0, host.start - 40), host.start)
    return found is not None and found.group(1).lower() not in _MEASURED_FROM


# "told reporters at the Pentagon", "speaking at a news conference in Brussels": where words were said
_VENUE_RE = re.compile(r"\b(?:speaking|spoke|reporters|journalists|(?:news|press) conference|briefing|summit)"
                       r"(?: \w+){0,3}? (?:at|in) (?:the |an? )?$", re.IGNORECASE)
# "a Pentagon news briefing", "the Kremlin said": a building naming the body that speaks (not "Kharkiv officials")
_SPEAKING_BODY_RE = re.compile(r"['’]?s? (?:(?:news|press|media) )?(?:briefing|conference|spokes(?:man|woman|person)|"
                               r"(?:deputy )?press secretary|officials?|statement|said|says|told)\b", re.IGNORECASE)


def _named_as_venue(host: Toponym, text: str) -> bool:
    """A place named as where someone spoke ('told reporters at the Pentagon', 'a Pentagon news briefing'): not
    where the acts told happened."""
    return _VENUE_RE.search(text, max(0, host.start - 60), host.start) is not None or host.kind == "facility" and (
        _SPEAKING_BODY_RE.match(text, host.end) is not None or text.endswith("according to the ", 0, host.start))


class _Hosts:
    """The places of a list that may host an unresolved name: towns, then provinces (each in text order)."""

    def __init__(self, toponyms: Sequence[Toponym]) -> None:
        ordered = sorted(toponyms, key=lambda t: t.start)
        self.towns = [t for t in ordered if _is_host(t, _TOWN_KINDS)]
        self.provinces = [t for t in ordered if _is_host(t, _PROVINCE_KINDS)]
        self.town_support = {i: n for i, n in _support(self.towns + self.provinces).items() if i < len(self.towns)}
        self._starts = ([t.start for t in self.towns], [t.start for t in self.provinces])
        self._longest = max((t.end - t.start for t in ordered), default=0)
        named = Counter(t.country for t in ordered if t.resolved and t.country and (t.kind == "country" or t.demonym))
        ranked = named.most_common(2)  # the country named most often, when one is ("Algeria" five times, "UK" once)
        self.main_country = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None

    def within_reach(self, toponym: Toponym, towns: bool) -> range:
        """The positions of the towns (or provinces) that may lie within the host distance of the name in the text."""
        starts = self._starts[0 if towns else 1]
        return range(bisect.bisect_left(starts, toponym.start - _MAX_HOST_DISTANCE_CHARS - self._longest),
                     bisect.bisect_right(starts, toponym.end + _MAX_HOST_DISTANCE_CHARS / _FOLLOWING_DISTANCE_FACTOR))

    def best(self, toponym: Toponym, text: str = "") -> Toponym | None:
        """A town, else a province, of the name's paragraph; else of the paragraphs before; else of those after."""
        return next((host for scope in ("paragraph", "before", "any") for towns in (True, False)
                     if (host := _best_host(toponym, self, towns, text, scope=scope)) is not None), None)


class _HostLists:
    """The hosts each unresolved name may choose from: a pool's places inside its container (if it names
    one), not those named as the container of another name, nor "(Baghdad time)". Built once per container
    and per set of hosts the name alone named as its container, not once per name."""

    def __init__(self, pools: Sequence[Sequence[Toponym]], held: dict[int, set[int]], text: str) -> None:
        self._pools, self._held, self._text = pools, held, text
        self._solely: dict[int, set[int]] = {}  # a name -> the hosts named as the container of it alone
        for host_id, holders in held.items():
            if len(holders) == 1:
                self._solely.setdefault(next(iter(holders)), set()).add(host_id)
        self._built: dict[tuple[int | None, frozenset[int]], list[_Hosts]] = {}

    def tiers(self, toponym: Toponym, within: Toponym | None) -> list[_Hosts]:
        mine = frozenset(self._solely.get(id(toponym), ()))
        key = (None if within is None else id(within), mine)
        if key not in self._built:
            self._built[key] = [_Hosts([t for t in pool if (within is None or _inside(t, within)) and (
                id(t) not in self._held or id(t) in mine) and not (  # not "in Dioura, in the Segou region": Dioura's
                self._text[t.end:t.end + 5].lower() == " time")]) for pool in self._pools]  # not "(Baghdad time)"
        return self._built[key]


def locate_by_context(toponyms: Sequence[Toponym], context: Sequence[Toponym] = (), *, text: str = "",
                      is_capital: Callable[[Toponym], bool] | None = None) -> list[Toponym]:
    """The toponyms with every unresolved one placed approximately at a host place near it.

    Resolved toponyms are returned unchanged; an unresolved one with no town or province named
    within a few thousand characters stays unresolved. ``context``: other places of the text,
    hosts only where none of the toponyms themselves is near (they are not returned); ``text``: the
    text they were read in, for the words between a name and its container ("X, located in Y");
    ``is_capital``: whether a place is a national capital, for "X, the capital's airport".
    """
    toponyms = _far_from_what_it_is_measured_from(toponyms, [*toponyms, *context], text)
    if all(t.resolved for t in toponyms):
        return list(toponyms)
    located: list[Toponym] = []
    everything = sorted([*toponyms, *context], key=lambda t: t.start)
    contained: dict[str, list[Toponym]] = {}  # per name, the hosts its mentions pick: those naming a container
    free: dict[str, list[Toponym]] = {}  # ... and the others
    own: dict[int, Toponym] = {}  # each mention's own pick
    named_after = _provinces_by_region(everything)
    starts = [t.start for t in everything]
    containers = {id(t): c for t in everything if (c := _named_container(t, everything, text, starts)) is not None}
    held: dict[int, set[int]] = {}  # a container -> the names it was named as the container of
    for name_id, container in containers.items():
        held.setdefault(id(container), set()).add(name_id)
    host_lists = _HostLists((toponyms, context), held, text)
    sites: dict[int, Toponym] = {}  # a short name -> the site it names in full
    for toponym in toponyms:
        if toponym.resolved:
            continue
        if (site := _site_called_short(toponym, everything)) is not None:  # "Al-Asad" after "Al-Asad Air Base"
            sites[id(toponym)] = site
            continue
        province = named_after.get(tuple(fold_name(toponym.text).split()))  # "Darfur": in North Darfur, at a town there
        named_host = _town_in_the_name(toponym, everything) or _the_town(toponym, everything, text) or (
            _capital_named(toponym, everything, text, is_capital) if is_capital else None)
        if named_host is not None:  # "Kelmar Airport", "the X district of the Libyan capital": in the town named
            own[id(toponym)] = named_host
            contained.setdefault(fold_name(toponym.text), []).append(named_host)
            continue
        within = province or containers.get(id(toponym))
        tiers = host_lists.tiers(toponym, within)
        host = next((found for tier in tiers if (found := tier.best(toponym, text)) is not None), None) or province
        if host is not None:
            own[id(toponym)] = host
            (free if within is None else contained).setdefault(fold_name(toponym.text), []).append(host)
    measured: dict[str, tuple[Toponym, tuple[float, float]] | None] = {}  # per name, a town it is measured from
    hosts_of_names = {name: _most_picked(contained.get(name) or hosts) for name, hosts in {**free, **contained}.items()}
    for toponym in toponyms:
        name = fold_name(toponym.text)
        host = None if toponym.resolved else own.get(id(toponym)) if _names_a_kind(name) else hosts_of_names.get(name)
        site = sites.get(id(toponym))
        if site is not None or host is None:
            located.append(_the_site(toponym, site) if site else toponym)
            continue
        if name not in measured:
            measured[name] = _measured_from(toponyms, name, everything, text)
        town, point = measured[name] or (host, None)
        located.append(_approximate(toponym, town, point))
    return located


def _measured_from(toponyms: Sequence[Toponym], name: str, everything: Sequence[Toponym],
                   text: str) -> tuple[Toponym, tuple[float, float]] | None:
    """The town a mention of the name is measured from ('X, about 30 km east of Y') and the point that puts it
    at: the town's point moved that far that way (a closer guess than any town's own point)."""
    starts = {t.start: t for t in everything if _is_host(t, _TOWN_KINDS) and t.lat is not None and t.lon is not None}
    for toponym in toponyms:
        found = _MEASURED_AWAY.match(text, toponym.end) if fold_name(toponym.text) == name else None
        if found is None or (town := starts.get(found.end())) is None:
            continue
        far = float(found.group("far")) * (_KM_PER_MILE if found.group("unit").startswith("mile") else 1.0)
        point = geodesic(kilometers=far).destination((town.lat, town.lon), bearing=_BEARINGS[
            found.group("way").replace("-", "")])
        return town, (point.latitude, point.longitude)
    return None


def _far_from_what_it_is_measured_from(toponyms: Sequence[Toponym], everything: Sequence[Toponym],
                                       text: str) -> list[Toponym]:
    """'the village of X, about 12 km south of Y': a reading of X far from Y's (a namesake abroad) is not X, which
    is then placed from Y like any name the gazetteer lacks."""
    starts = {t.start: t for t in everything if t.resolved and not t.demonym}
    far_off = set()
    for toponym in toponyms:
        found = _MEASURED_AWAY.match(text, toponym.end) if toponym.resolved and toponym.kind == "city" else None
        town = starts.get(found.end()) if found else None
        far = float(found.group("far")) * (_KM_PER_MILE if found.group("unit").startswith("mile") else 1.0) if (
            found) else 0.0
        if town is not None and distance_km(toponym.lat or 0.0, toponym.lon or 0.0, town.lat or 0.0,
                                            town.lon or 0.0) > _MEASURED_SLACK_KM + 3 * far:
            far_off.add(fold_name(toponym.text))
    return [replace(t, name=None, kind=APPROXIMATE_KIND, country=None, lat=None, lon=None, geonameid=None,
                    confidence=0.0, admin1=None) if fold_name(t.text) in far_off else t for t in toponyms]


_MEASURED_SLACK_KM = 100.0  # a town said to be N km from another lies within 3N km of it, and this

_SITE_DESIGNATIONS = frozenset({"mission", "support", "site", "patrol", "forward", "operating", "landing", "zone"})


def _site_called_short(toponym: Toponym, toponyms: Sequence[Toponym]) -> Toponym | None:
    """A resolved site the text names in full whose name, without its words for a site, is this name:
    "Al-Asad" for "Al-Asad Air Base", "Conoco" for "Mission Support Site Conoco"."""
    words = fold_name(toponym.text).split()
    for site in toponyms:
        full = fold_name(site.text).split()
        if not (site.resolved and site.kind == "facility" and len(full) > len(words)):
            continue
        rest = full[len(words):] if full[:len(words)] == words else full[:-len(words)] if full[-len(words):] == words else []
        if rest and all(w in FACILITY_WORDS | _SITE_DESIGNATIONS for w in rest):
            return site
    return None


def _the_site(toponym: Toponym, site: Toponym) -> Toponym:
    return replace(site, start=toponym.start, end=toponym.end, text=toponym.text, confidence=0.9 * site.confidence)


def _names_a_kind(name: str) -> bool:
    """'the Coptic Orthodox Church', 'Central Hospital': a name many buildings bear, each mention its own."""
    return name.split()[-1] in KIND_WORDS if name else False


def _provinces_by_region(toponyms: Sequence[Toponym]) -> dict[tuple[str, ...], Toponym]:
    """The provinces of the text by the region they are named after: 'North Darfur' under ('darfur',),
    'South Kivu' under ('kivu',) (the first such province named), for 'Darfur' or 'Kivu' to lie there."""
    found: dict[tuple[str, ...], Toponym] = {}
    for province in toponyms:
        if province.resolved and province.kind == "admin1" and not province.demonym:
            words = fold_name(province.text).split()
            cut = next((i for i, w in enumerate(words) if w not in DIRECTION_WORDS), len(words))
            if 0 < cut < len(words):
                found.setdefault(tuple(words[cut:]), province)
    return found


def _most_picked(hosts: list[Toponym]) -> Toponym:
    """The host most mentions of a name chose (the first chosen on a tie)."""
    counts = Counter(h.start for h in hosts)
    return max(hosts, key=lambda h: counts[h.start])  # max keeps the first of equals


def _named_container(toponym: Toponym, toponyms: Sequence[Toponym], text: str = "",
                     starts: Sequence[int] = ()) -> Toponym | None:
    """The country or province named right after a name ("Cammaara, Somalia", "X School, located in the
    Y Region"), which its host must lie in. ``starts``: the toponyms' starts, in order (found by bisection)."""
    index = bisect.bisect_left(starts or [t.start for t in toponyms], toponym.end)
    if index >= len(toponyms):
        return None
    after = toponyms[index]
    between = text[toponym.end:after.start] if len(text) >= after.start else ""
    if (after.start - toponym.end > 2 and not _LOCATED_IN.fullmatch(between)) or not after.resolved or (
            after.kind not in {"country", "admin1"}):
        return None
    first = bisect.bisect_left(starts or [t.start for t in toponyms], toponym.start)
    before = toponyms[first - 1] if first > 0 and toponyms[first - 1].end <= toponym.start else None
    listed = (index + 1 < len(toponyms) and toponyms[index + 1].start - after.end <= 2) or (
        before is not None and toponym.start - before.end <= 2)
    return None if listed else after  # "Suba, Migori, Homa Bay": a list, not a name and its province


def _town_in_the_name(toponym: Toponym, toponyms: Sequence[Toponym]) -> Toponym | None:
    """The town the text names whose name begins the site's ("Kelmar Airport", "Kelmar General Hospital")."""
    words = fold_name(toponym.text).split()
    if len(words) < 2 or words[-1] not in KIND_WORDS | FACILITY_WORDS:
        return None
    return next((t for t in toponyms if _is_host(t, _TOWN_KINDS) and t.kind != "region" and (
        words[:len(fold_name(t.text).split())] == fold_name(t.text).split())), None)


def _the_town(toponym: Toponym, toponyms: Sequence[Toponym], text: str) -> Toponym | None:
    """'X Hotel in the city': the town the story is about, the one it names most often before the name."""
    if not _THE_TOWN.match(text, toponym.end):
        return None
    towns = [t for t in toponyms if t.start < toponym.start and _is_host(t, _TOWN_KINDS) and t.kind == "city"]
    counts = Counter(t.place_key for t in towns)
    return max(towns[::-1], key=lambda t: counts[t.place_key], default=None)  # the nearest of equals


def _capital_named(toponym: Toponym, toponyms: Sequence[Toponym], text: str,
                   is_capital: Callable[[Toponym], bool]) -> Toponym | None:
    """The capital a name is said to lie in ("X district of the Libyan capital", "X, the capital's
    airport"): the nearest capital the text names (of the country the words name, if they do)."""
    cue = _CAPITAL_CUE.match(text, toponym.end)
    if cue is None:
        return None
    country = next((t.country for t in toponyms if t.demonym and cue.start() <= t.start < cue.end()), None)
    capitals = [t for t in toponyms if t.resolved and t.kind == "city" and is_capital(t)
                and country in (None, t.country)]
    return min(capitals, key=lambda t: abs(t.start - toponym.start), default=None)


def _inside(place: Toponym, container: Toponym) -> bool:
    if place.country != container.country:
        return False
    return container.kind == "country" or (place.admin1 is not None and place.admin1 == container.admin1)


def _approximate(toponym: Toponym, host: Toponym, measured: tuple[float, float] | None = None) -> Toponym:
    """The name placed at its host, or where a distance from the host puts it."""
    confidence = min(MAX_APPROXIMATE_CONFIDENCE, 0.5 * host.confidence)
    lat, lon = measured or (host.lat, host.lon)
    host_candidate = Candidate(name=host.name or host.text, kind=host.kind, country=host.country,
                               lat=host.lat or 0.0, lon=host.lon or 0.0, geonameid=host.geonameid,
                               admin1=host.admin1, score=confidence)
    return replace(toponym, name=f"{toponym.text} (near {host.name or host.text})", kind=APPROXIMATE_KIND,
                   country=host.country, lat=lat, lon=lon, geonameid=None, admin1=host.admin1,
                   confidence=confidence, alternatives=(host_candidate,))
