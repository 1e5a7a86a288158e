"""Other names to look up when a toponym's own name is not in the gazetteer.

    fallback_names("Ohioans")            # [("Ohio", "demonym"), ...]
    fallback_names("Neches River")       # [("Neches", "head")]
    fallback_names("Port of Los Angeles")  # [("Los Angeles", "head")]
    fallback_names("South Los Angeles")  # [("Los Angeles", "part")]

Three general rules of English place naming, each yielding a coarser reading of the name:

- demonyms and adjectives of places ("Ohioans", "European", "Abkhaz" excepted) name the place;
- a feature named after a place ("Neches River", "Readington Township", "Port of X",
  "X International Airport") lies at or near that place;
- a part of a place ("South Los Angeles", "Upper Edmonton", "Greater Toronto") lies in it.

The caller decides which kinds of place each reading may match (demonyms: only countries,
provinces and regions) and lowers the name score, so the resolved place is honest about it.
"""

from __future__ import annotations

__all__ = ["DEMONYM", "HEAD", "PART", "fallback_names"]

DEMONYM, HEAD, PART = "demonym", "head", "part"

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


def _demonym_stems(word: str) -> list[str]:
    lower = word.lower()
    stems: list[str] = []
    for ending, replacements in _DEMONYM_ENDINGS:
        if lower.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            stem = word[: len(word) - len(ending)]
            stems.extend(stem + tail for tail in replacements)
    return stems


def fallback_names(text: str) -> list[tuple[str, str]]:
    """Coarser names to try for ``text``, best first, each with its rule (DEMONYM, HEAD, PART)."""
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
