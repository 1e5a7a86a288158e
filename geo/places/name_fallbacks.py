"""Other names to look up when a toponym's own name is not in the gazetteer.

    fallback_names("Ohioans")            # [("Ohio", "demonym"), ...]
    fallback_names("Neches River")       # [("Neches", "head")]
    fallback_names("Port of Los Angeles")  # [("Los Angeles", "head")]
    fallback_names("South Los Angeles")  # [("Los Angeles", "part")]
    fallback_names("Delhi High Court")   # [("Delhi", "embedded"), ...]

Four general rules of English place naming, each yielding a coarser reading of the name:

- demonyms and adjectives of places ("Ohioans", "European", "Abkhaz" excepted) name the place;
- a feature named after a place ("Neches River", "Readington Township", "Port of X",
  "X International Airport") lies at or near that place;
- a part of a place ("South Los Angeles", "Upper Edmonton", "Greater Toronto") lies in it;
- a body or a building whose name includes a place ("Seoul Central District Court", "Bank of England",
  "British Embassy Tokyo") is usually there, except an embassy or a consulate, which lies abroad
  from the country it is named after.

The caller decides which kinds of place each reading may match (demonyms: only countries,
provinces and regions; embedded names: only well-known places) and lowers the name score, so
the resolved place is honest about it.
"""

from __future__ import annotations

import re

from geo.syntax import ARABIC_ARTICLES, ARABIC_FEATURE_WORDS

__all__ = ["DEMONYM", "EMBEDDED", "HEAD", "PART", "article_apart", "fallback_names"]

DEMONYM, HEAD, PART, EMBEDDED = "demonym", "head", "part", "embedded"

# Generic words that follow the name of the place a feature is named after.
_FEATURE_HEADS = frozenset({
    "river", "creek", "lake", "reservoir", "bay", "valley", "island", "islands", "county", "co", "co.",
    "township", "twp", "parish", "borough", "district", "municipality", "station", "airport", "international",
    "hospital", "university", "college", "museum", "park", "harbor", "harbour", "port", "beach", "mountain",
    "mountains", "hills", "falls", "springs", "dam", "bridge", "area", "region", "metro", "downtown",
    "city", "state", "institute", "academy", "cathedral", "stadium", "arena", "school", "council", "centre",
    "center", "province", "governorate", "estate",
})
# "Port of X", "University of X", "City of X": the place after "of".
_OF_HEADS = frozenset({"port", "university", "city", "town", "county", "district", "province", "state",
                       "region", "gulf", "bay", "isle", "island", "islands", "republic", "kingdom",
                       "village", "borough", "township", "municipality", "commonwealth"})
_PART_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                         "central", "upper", "lower", "greater", "downtown", "inner", "outer", "northeast",
                         "northwest", "southeast", "southwest", "mid", "metropolitan", "metro"})
# Demonym endings and the place-name endings they come from ("Minnesotans" -> "Minnesota").
_DEMONYM_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ians", ("ia", "io", "y", "")),
    ("ian", ("ia", "io", "y", "")),
    ("ans", ("a", "o", "")),
    ("an", ("a", "o", "e", "")),
    ("ese", ("", "a")),
    ("ish", ("", "land")),
    ("ers", ("",)),
    ("er", ("",)),
    ("s", ("", "ia")),
)
_MIN_STEM = 3
_GLUED_ARTICLE = re.compile(r"(Ash|El|Al|Ad|Ar|As|At|Az)([a-z]{3,})")


def article_apart(name: str) -> str | None:
    """'Elbur' -> 'El Bur', 'Alqaim' -> 'Al Qaim': an Arabic article written onto the name, set apart."""
    glued = _GLUED_ARTICLE.fullmatch(name)
    return f"{glued[1]} {glued[2].capitalize()}" if glued else None
# Bodies that lie abroad from the place in their name ("Embassy of Armenia" is in Rome).
_ABROAD_WORDS = frozenset({"embassy", "embassies", "consulate", "consulates", "legation", "ambassador"})
# Streets are named after faraway places ("Hampton Avenue" in St. Louis, "Delhi Road").
_THOROUGHFARES = frozenset({"street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "boulevard",
                            "blvd", "lane", "drive", "way", "highway", "hwy", "terrace", "crescent", "parkway"})
# Words that make a name generic rather than a place's ("Northern Trust", "Convention Centre", "Nile Delta").
_GENERIC_WORDS = _FEATURE_HEADS | _PART_WORDS | {
    "the", "northwestern", "northeastern", "southwestern", "southeastern", "delta", "trust", "gateway", "mall",
    "house", "hall", "court", "high", "memorial", "theatre", "theater", "church", "library", "market",
}
# Words that open the name of a building or a base named after a place or a person, wherever it stands.
_NAMED_BUILDING_WORDS = frozenset({"villa", "hotel", "palace", "camp", "fort", "house", "tower", "hall", "stadium",
                                   "base", "castle", "residence"})
_CONNECTORS = frozenset({"of", "the", "de", "du", "des", "la", "le", "del", "di", "da", "von", "van", "and", "&"})
_ADMIN_WORDS = frozenset({"county", "parish", "township", "borough", "province", "state", "district", "city",
                          "region", "municipality", "governorate", "oblast", "prefecture"})
_MAX_EMBEDDED_WORDS = 3


def _demonym_stems(word: str) -> list[str]:
    lower = word.lower()
    stems: list[str] = []
    for ending, replacements in _DEMONYM_ENDINGS:
        if lower.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            stem = word[: len(word) - len(ending)]
            stems.extend(stem + tail for tail in replacements)
    return stems


def _capitalised_run(words: list[str]) -> bool:
    """Words that may name a place: capitalised, letters only, none of them generic."""
    return all(w[:1].isupper() and w.replace("'", "").replace("’", "").isalpha()
               and w.lower() not in _GENERIC_WORDS for w in words)


def _embedded_names(words: list[str], lowered: list[str], articles: frozenset[str]) -> list[str]:
    """Place names inside a longer name, longest first at each position: leading ("Delhi High
    Court"), after "of" ("Bank of England"), trailing ("British Embassy Tokyo"). An Arabic name
    joined by its article ("Ras al-Ain", "Deir el-Balah") is one name, cut at no article."""
    if len(words) < 2 or lowered[-1] in _THOROUGHFARES:
        return []
    abroad = bool(_ABROAD_WORDS & set(lowered))
    reach = range(min(_MAX_EMBEDDED_WORDS, len(words) - 1), 0, -1)
    # "Montgomery County History Center": not a leading "Montgomery"; "Wadi al-Shati": one name, not "Wadi".
    names = [] if abroad else [" ".join(words[:n]) for n in reach
                               if _capitalised_run(words[:n]) and lowered[n] not in _ADMIN_WORDS | articles
                               and not (n == 1 and lowered[0] in ARABIC_FEATURE_WORDS)]
    if "of" in lowered[1:-1] and not abroad:
        after = words[lowered.index("of") + 1:]
        if after and after[0].lower() == "the":
            after = after[1:]
        if after and len(after) <= _MAX_EMBEDDED_WORDS and _capitalised_run(after):
            names.append(" ".join(after))
    if lowered[0] in _NAMED_BUILDING_WORDS:
        return names  # "Villa Baidoa", a base in Mogadishu; "Camp Bastion": a building named so, not there
    # "Embassy of Armenia", "Stade de France", "University of St. Thomas": not a trailing place.
    names.extend(" ".join(words[-n:]) for n in reach
                 if _capitalised_run(words[-n:]) and lowered[-n - 1] not in _CONNECTORS | articles
                 and not words[-n - 1].endswith("."))
    return names


def fallback_names(text: str) -> list[tuple[str, str]]:
    """Coarser names to try for ``text``, best first, each with its rule (DEMONYM, HEAD, PART, EMBEDDED)."""
    words = text.replace("-", " - ").split()
    words = [w for w in words if w != "-"] if len(words) > 1 else words
    if not words:
        return []
    found: list[tuple[str, str]] = []
    lowered = [w.lower().strip(".,") for w in words]
    # "Port of Los Angeles" -> "Los Angeles"
    if "of" in lowered[1:-1] and lowered[0] in _OF_HEADS:
        found.append((" ".join(words[lowered.index("of") + 1:]), HEAD))
    # "Neches River", "Pearson International Airport" -> "Neches", "Pearson"
    end = len(words)
    while end > 1 and lowered[end - 1] in _FEATURE_HEADS:
        end -= 1
    if end < len(words):
        found.append((" ".join(words[:end]), HEAD))
    # "South Los Angeles" -> "Los Angeles"
    if len(words) > 1 and lowered[0] in _PART_WORDS:
        found.append((" ".join(words[1:]), PART))
        if 1 < end < len(words):  # "Greater Toronto Area" -> "Toronto"
            found.append((" ".join(words[1:end]), PART))
    articles = frozenset(w for w in ARABIC_ARTICLES if re.search(rf"(?<![^\W\d_]){w}-", text, re.IGNORECASE))
    found.extend((name, EMBEDDED) for name in _embedded_names(words, lowered, articles))
    # "Ohioans" -> "Ohio"; "South Ossetian" -> "South Ossetia"
    if words[-1][:1].isupper() and words[-1].isalpha():
        prefix = " ".join(words[:-1])
        for stem in _demonym_stems(words[-1]):
            found.append(((prefix + " " + stem).strip(), DEMONYM))
    seen: set[str] = set()
    unique = []
    for name, rule in found:
        if name and name.lower() != text.lower() and name.lower() not in seen:
            seen.add(name.lower())
            unique.append((name, rule))
    return unique
