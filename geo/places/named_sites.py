"""Sites named by a word of their own that the gazetteer lacks: "Hamid Karzai International Airport",
"Nasser Hospital", "Camp Taji", "the Ministry of Education", "Zobe junction".

A named building, base, camp or junction is a place (it is where things happen), but it is rarely in
GeoNames. When the name carries the word that says what it is and stands where a place stands (after
"at", "in", "near"; followed by its town, "X Airport, Kabul"; the object of a strike, "shelled the
Education Ministry"), the recogniser takes it whole, and the resolver places it at the town the story
names near it (``geo.places.approximate``). The same word alone ("the airport", "Airport") never names a
place of its own. "The Ministry of Health said" speaks; it is no place. Imports only ``geo.places``
helpers.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from geo.model import Candidate

from geo.places.lexicon import (DETERMINERS, FACILITY_WORDS, KIND_WORDS, LOCATIVE_PREPS, SITE_PARTS, STRUCK_PLACE_VERBS,
                                UNKNOWN_SITE_WORDS)
from geo.places.name_extent import is_capitalised

__all__ = ["GENERIC_SITE_WORDS", "SITE_FIRST_WORDS", "is_generic_site_word", "names_a_known_site", "names_a_site",
           "names_an_unlisted_site", "site_word_follows", "with_designation"]

# The last word of a site's name ("... International Airport", "... Air Base", "Nasser Hospital").
_LAST_WORDS = frozenset({"airport", "airbase", "airfield", "aerodrome", "hospital", "clinic", "school", "university",
                         "college", "camp", "junction", "roundabout", "checkpoint", "crossing", "prison", "stadium",
                         "mosque", "church", "market", "station", "plant", "refinery", "port", "bridge", "dam",
                         "barracks", "garrison", "compound", "palace", "hotel"})
# The first word of a site's name ("Camp Taji", "Ministry of Education", "Fort Bliss").
SITE_FIRST_WORDS = frozenset({"camp", "ministry"})
# The words of a military installation's designation before its name ("Mission Support Site X", "Forward Operating
# Base Y", "Patrol Base Z", "Combat Outpost W").
DESIGNATION_WORDS = frozenset({"mission", "support", "site", "forward", "operating", "patrol", "combat", "outpost",
                               "fire", "base", "logistics", "staging", "landing", "zone"})
# Buildings a town has many of, named as places only where an act is done to them: local news names its
# schools, hospitals and churches as institutions far more often than as the places of events.
_BUILDINGS = frozenset({"hospital", "clinic", "school", "university", "college", "mosque", "church", "market",
                        "stadium", "station", "ministry"})
_BUILDING_BODIES = frozenset({"ministry"})  # "the Education Ministry": a body that is also its building
GENERIC_SITE_WORDS = FACILITY_WORDS | KIND_WORDS | UNKNOWN_SITE_WORDS | _LAST_WORDS | SITE_FIRST_WORDS
# Words between a placing word and the name: "at the nearby", "struck the country's".
_BETWEEN = DETERMINERS | {"nearby", "main", "old", "new", "former", "country", "city", "capital", "'s", "’s"}
_PLACING = LOCATIVE_PREPS | {"on", "beside", "inside", "opposite"}


def is_generic_site_word(span: Span) -> bool:
    """'Airport', 'Hospital', 'Camp' alone: a kind of site, never the name of one ('the Airport' is no
    town called Airport, nor a district whose other name means airport)."""
    return len(span) == 1 and span[0].lower_ in GENERIC_SITE_WORDS


def names_a_known_site(span: Span, candidates: Sequence[Candidate]) -> bool:
    """'the Zaporizhzhia nuclear power plant', 'Al-Shifa Hospital': a site the gazetteer knows by exactly
    this name, a capitalised name ending with a word that says it is a site: a place, whatever the tagger
    called it (not "four airport", read as Fur Airport); so is a sea or strait it knows by a close spelling."""
    if len(span) > 1 and is_capitalised(span[0]) and span[-1].lower_ in _WATER_WORDS:
        return any(c.kind == "region" and c.score >= 0.93 for c in candidates)  # "the Bab al-Mandeb Strait"
    return len(span) > 1 and is_capitalised(span[0]) and span[-1].lower_ in GENERIC_SITE_WORDS and any(
        c.kind == "facility" and c.score >= 0.97 for c in candidates)


_WATER_WORDS = frozenset({"sea", "gulf", "strait", "straits", "ocean", "bay", "channel"})  # last word of a water


def names_an_unlisted_site(span: Span, candidates: Sequence[Candidate]) -> bool:
    """'struck the Ministry of Education' where the gazetteer's only 'Ministry of Education' is a quarter of
    another capital: a site standing as one (``names_a_site``) whose namesakes are no facility, placed by
    the story, not at the namesake."""
    return names_a_site(span) and not any(c.kind == "facility" for c in candidates)


def site_word_follows(span: Span) -> bool:
    """'near Zobe junction', 'in Kelmar camp': the name of a site the next word says is one, a place whether
    or not the gazetteer's namesake of it is (placed at the story's town when not)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in UNKNOWN_SITE_WORDS


def with_designation(span: Span) -> Span:
    """'Al-Omar' tagged a person after 'Mission Support Site': the installation's whole name, its designation
    (capitalised, ending with "Site", "Base" or "Outpost") and the tagged name."""
    start = span.start
    while start > 0 and span.doc[start - 1].lower_ in DESIGNATION_WORDS and is_capitalised(span.doc[start - 1]):
        start -= 1
    if span.start - start < 2 or span.doc[span.start - 1].lower_ not in {"site", "base", "outpost"}:
        return span
    return span.doc[start:span.end]


def names_a_site(span: Span) -> bool:
    """A name of two words or more that says it is a site ('X International Airport', 'Camp X',
    'Ministry of X', 'X Ministry'), all capitalised but its connectors, standing where a place stands:
    after a placing word, before its town ('X Airport, Kabul', 'X Hospital in Gaza'), or struck."""
    if len(span) < 2 or not is_capitalised(span[0]) or not is_capitalised(span[-1]) or span.text.isupper():
        return False  # in capitals: a dateline's issuing base ("CAMP X, Town –"), told apart from the places of acts
    first, last = span[0].lower_, span[-1].lower_
    name_at = next((t.i - span.start for t in span if t.lower_ not in DESIGNATION_WORDS), len(span))
    designated = 2 <= name_at < len(span) and span[name_at - 1].lower_ in {"site", "base", "outpost"} and all(
        t.text == "-" or is_capitalised(t) for t in span[name_at:])  # "Mission Support Site Euphrates", "... Al-Omar"
    if last not in _LAST_WORDS and first not in SITE_FIRST_WORDS and last not in _BUILDING_BODIES and not designated:
        return False
    if last in _BUILDINGS or first == "ministry":
        return _struck(span)  # "students at X High School" is no place of conflict; "shelled X Hospital" is
    return _placed_before(span) or _town_after(span) or _struck(span)


def _placed_before(span: Span) -> bool:
    """'at X Hotel', 'near the main X Camp', 'at the gate of the X Hotel'."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and (doc[i].lower_ in _BETWEEN or (
            doc[i].lower_ in {"of", "to"} and i > 0 and doc[i - 1].lower_ in SITE_PARTS)):
        i -= 2 if doc[i].lower_ in {"of", "to"} else 1
    return i >= 0 and doc[i].lower_ in _PLACING


def _town_after(span: Span) -> bool:
    """'Hamid Karzai International Airport, Kabul', 'Nasser Hospital in Khan Younis'."""
    doc, end = span.doc, span.end
    return end + 1 < len(doc) and (doc[end].text == "," or doc[end].lower_ == "in") and doc[end + 1].is_title and (
        span[-1].lower_ not in _BUILDING_BODIES)


def _struck(span: Span) -> bool:
    """'shelled the Education Ministry', 'stormed Nasser Hospital', 'an air strike on X School': the object
    of an act done to a place; or the value of an infobox's target field ("- Target: Ministry of X")."""
    if _infobox_target(span):
        return True
    head = span.root
    if head.dep_ == "pobj" and head.head.lower_ in {"on", "at"}:
        return head.head.head.lemma_.lower() in _ACT_NOUNS
    return head.dep_ in {"dobj", "nsubjpass"} and head.head.pos_ == "VERB" and (
        head.head.lemma_.lower() in STRUCK_PLACE_VERBS | {"hit", "strike", "target", "attack"})


def _infobox_target(span: Span) -> bool:
    """'- Target: X Hospital' at the start of a line: an encyclopedia's infobox naming what an attack struck."""
    doc, i = span.doc, span.start
    if i < 2 or doc[i - 1].text != ":" or doc[i - 2].lower_ not in {"target", "targets"}:
        return False
    return i == 2 or doc[i - 3].text in {"-", "*", "•"} or "\n" in doc[i - 3].text


_ACT_NOUNS = frozenset({"strike", "airstrike", "attack", "raid", "assault", "bombing", "shelling", "bombardment"})
