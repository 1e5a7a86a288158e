"""Location descriptions as event datasets and analysts write them, split into the place they
name and the areas they put it in.

    parse_description("Mutongo village in Walikale territory")
    # Description(name='Mutongo', feature='village', near=False,
    #             containers=(Container('Walikale', 'district'),))
    parse_description("near the village of Podgorodnoye (Donetsk region)")
    parse_description("Daraa: Nahta")          # the area first, then the place
    parse_description("Court complex, Misrata")  # a site, then its town

The parts are read by phrasing alone (no gazetteer): ``geo.places.geocode`` looks them up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.places.lexicon import PROVINCE_WORDS as LEXICON_PROVINCE_WORDS

__all__ = ["Container", "Description", "DISTRICT_WORDS", "PROVINCE_WORDS", "parse_description"]

# Words that say what level of division a container is, as datasets write them after its name.
DISTRICT_WORDS = frozenset({"district", "districts", "territory", "raion", "rayon", "lga", "township", "tehsil",
                            "county", "woreda", "cercle", "department", "departement", "locality", "subdistrict",
                            "sub-district", "municipality", "commune", "chiefdom", "groupement", "sector",
                            "nahiya", "nahia", "qada", "qadaa", "kaza", "hromada", "zone", "circle", "subcounty"})
PROVINCE_WORDS = (LEXICON_PROVINCE_WORDS - DISTRICT_WORDS) | {"wilaya", "muhafazah", "division"}
# Words after a place's name that say what kind of place it is.
FEATURE_WORDS = {
    "village": "town", "town": "town", "city": "town", "town,": "town", "settlement": "town", "hamlet": "town",
    "area": "area", "areas": "area", "vicinity": "area", "outskirts": "area", "neighbourhood": "town",
    "neighborhood": "town", "suburb": "town", "quarter": "town", "district": "area",
    "airbase": "facility", "airport": "facility", "airfield": "facility", "base": "facility", "camp": "facility",
    "checkpoint": "facility", "crossing": "facility", "bridge": "facility", "port": "facility",
}
_TWO_WORD_FEATURES = {("air", "base"): "facility", ("military", "base"): "facility", ("idp", "camp"): "facility",
                      ("refugee", "camp"): "facility", ("border", "crossing"): "facility",
                      ("army", "base"): "facility"}
_LEADING_RE = re.compile(
    r"^(?:(?:in|at|on|around|near|nearby|outside|close\s+to|the\s+outskirts\s+of|outskirts\s+of|"
    r"the\s+vicinity\s+of|vicinity\s+of|the\s+area\s+of|area\s+of|(?:\d+\s*km\s+)?(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|between)\s+)+", re.IGNORECASE)
_NEAR_RE = re.compile(r"^(?:near|nearby|outside|close\s+to|around|(?:the\s+)?outskirts\s+of|(?:the\s+)?vicinity\s+of|"
                      r"(?:\d+\s*km\s+)?(?:north|south|east|west)\S*\s+of|between)\b", re.IGNORECASE)
_KIND_OF_RE = re.compile(r"^(?:the\s+)?(village|town|city|district|area|camp|locality|neighbou?rhood|province|"
                         r"governorate|region|oblast|state)\s+of\s+", re.IGNORECASE)
_AREA_KINDS = {"district": "district", "province": "province", "governorate": "province", "region": "province",
               "oblast": "province", "state": "province"}
_PARENTHESES_RE = re.compile(r"\(([^()]*)\)")
_SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Container:
    """An area a description puts its place in: its name and, where the words say, its level."""

    name: str
    level: str | None = None  # "district", "province", or None (unsaid: a province, a town or a country)


@dataclass(frozen=True, slots=True)
class Description:
    name: str  # the finest place named ("" when the description only names areas)
    feature: str | None  # what the words say it is: "town", "area", "facility"
    near: bool  # "near X", "outskirts of X", "10 km north of X": around the place, not at it
    containers: tuple[Container, ...]  # finest first
    facility_text: str | None = None  # the name with its facility words ("Bagram airbase"), to try first


def _split_feature(text: str) -> tuple[str, str | None, str | None]:
    """'Bagram airbase' -> ('Bagram', 'facility', 'Bagram airbase'); 'Nahta village' -> ('Nahta', 'town', None)."""
    words = text.split()
    lowered = [w.lower().strip(".,") for w in words]
    if len(words) >= 3 and tuple(lowered[-2:]) in _TWO_WORD_FEATURES:
        kind = _TWO_WORD_FEATURES[tuple(lowered[-2:])]
        return " ".join(words[:-2]), kind, text if kind == "facility" else None
    if len(words) >= 2 and lowered[-1] in FEATURE_WORDS:
        kind = FEATURE_WORDS[lowered[-1]]
        return " ".join(words[:-1]), kind, text if kind == "facility" else None
    return text, None, None


def _container(text: str) -> Container | None:
    words = text.strip(" ,.;").split()
    if not words:
        return None
    last = words[-1].lower().strip(".")
    if len(words) >= 2 and last in DISTRICT_WORDS:
        return Container(" ".join(words[:-1]), "district")
    if len(words) >= 2 and last in PROVINCE_WORDS:
        return Container(" ".join(words[:-1]), "province")
    lowered = [w.lower() for w in words]
    if len(words) >= 3 and lowered[0] in DISTRICT_WORDS | PROVINCE_WORDS and lowered[1] == "of":
        level = "district" if lowered[0] in DISTRICT_WORDS else "province"
        return Container(" ".join(words[2:]), level)  # "the province of Idlib"
    return Container(" ".join(words), None)


def parse_description(text: str) -> Description:
    """The place a description names and the areas it puts it in (see the module's docstring)."""
    text = _SPACES_RE.sub(" ", text.replace("\u00a0", " ")).strip(" .;")
    containers: list[Container] = []
    # "X (Y region)", "X (Akre district, Nineveh)": the brackets hold areas, finest first.
    for inside in _PARENTHESES_RE.findall(text):
        containers.extend(c for part in inside.split(",") if (c := _container(part)) is not None)
    text = _PARENTHESES_RE.sub(" ", text).strip(" ,")
    text = _SPACES_RE.sub(" ", text)
    # "Daraa: Nahta", "Daraa governorate: Nahta": the area comes first.
    leading: list[Container] = []
    if ":" in text:
        head, _, text = text.partition(":")
        leading = [c for part in reversed(head.split(",")) if (c := _container(part)) is not None]
    near = bool(_NEAR_RE.match(text)) or text.lower().startswith("between ")
    text = _LEADING_RE.sub("", text).strip()
    if text.lower().startswith("between ") or " and " in text.lower() and near:
        text = re.split(r"\s+and\s+", text, maxsplit=1, flags=re.IGNORECASE)[0]
    kind_of = _KIND_OF_RE.match(text)
    area = _AREA_KINDS.get(kind_of.group(1).lower()) if kind_of else None
    text = _KIND_OF_RE.sub("", text).strip()
    # "X, Y, Z": the place, then its areas; "X village in Y territory": the same with "in".
    parts = [p.strip() for p in text.split(",") if p.strip()]
    first = parts[0] if parts else ""
    rest = parts[1:]
    match = re.search(r"\s+(?:in|of|inside|within)\s+", first, flags=re.IGNORECASE)
    if match and match.start() > 0:
        rest.insert(0, first[match.end():])
        first = first[:match.start()]
    name, feature, facility_text = _split_feature(first)
    if area is not None:  # "the province of Idlib" names the area itself
        return Description(name="", feature=None, near=near, containers=(Container(name, area), *(
            c for part in rest if (c := _container(part)) is not None)))
    containers = [c for part in rest if (c := _container(part)) is not None] + containers + leading
    return Description(name=name.strip(" ,"), feature=feature, near=near, containers=tuple(containers),
                       facility_text=facility_text)
