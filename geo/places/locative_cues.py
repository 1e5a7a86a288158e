"""Locative cues of a name: what the words around it say it is ("near the city of X", "X province",
"X air base", "Paris, Texas", "X in Idlib", a dateline's city, the object of a shelling), and the country or
province it is put in. Asked by the toponym recogniser (``geo.places.recognize``) and the resolver; imports
only ``geo.places`` helpers and ``geo.syntax``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from geo.model import Candidate
from geo.places.lexicon import (CITY_WORDS, CONNECTORS, DETERMINERS, DIRECTION_WORDS, FACILITY_WORDS, IN_TOWN_POPULATION,
                                LOCATED_WORDS, LOCATIVE_PREPS, NEAR_TOWN_POPULATION, NEAR_WORDS, PROVINCE_WORDS, STRUCK_PLACE_VERBS)
from geo.places.name_extent import is_capitalised
from geo.places.recognize_spans import listed, singular, within
from geo.syntax import dateline_length, doc_text

__all__ = ["LISTED_DIVISION_WORDS", "a_town_near", "in_apposition_with_a_town", "locative_cue", "opens_dateline",
           "persons_by_word", "placed_near", "town_word_before"]

_DATELINE_REACH = 80  # characters of text a dateline may take


def locative_cue(span: Span, lookup: Callable[[str], list[Candidate]]) -> tuple[str | None, str | None]:
    """The locative cue of a span and its container: Y of "X, Y", else of "X in Y" (a country or province)."""
    cue, container = _cue_and_comma_container(span, lookup)
    return cue, container or _in_container(span, lookup)


def read_inside(candidates: Sequence[Candidate], container: str | None,
                lookup: Callable[[str], list[Candidate]]) -> bool:
    """'Khan Younis in the Gaza Strip': a town reading of the name lies in the country of the division named after
    it (not 'Marines in California', whose only reading is a town of Spain)."""
    countries = {c.country for c in lookup(container) if c.score >= 0.97} if container else set()
    return any(c.country in countries for c in candidates if c.kind == "city")


def _a_division(candidates: list[Candidate]) -> bool:
    """The name reads as a country, province or region, not as a town of that name spelt as well as it
    ("Khan Younis": the city, before the governorate named after it)."""
    divisions = [c.score for c in candidates if c.kind in {"country", "admin1", "region"} and c.score >= 0.93]
    return bool(divisions) and not any(c.kind == "city" and c.score > max(divisions) for c in candidates)


def _in_container(span: Span, lookup: Callable[[str], list[Candidate]]) -> str | None:
    """'the villages of Foua and Kfraya in Idlib', 'Kalat in Balochistan province': the country or province
    named after 'in' right after the name, or after the short list of names it opens."""
    doc, i = span.doc, span.end
    for _ in range(_MAX_LISTED):  # ", Y", "and Y": the other items of a short list
        if i + 1 < len(doc) and doc[i].lower_ in {",", "and"} and is_capitalised(doc[i + 1]):
            i += 1
            while i < len(doc) and (is_capitalised(doc[i]) or doc[i].lower_ in CONNECTORS):
                i += 1
        else:
            break
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in LOCATED_WORDS and doc[i + 2].lower_ == "in":
        i += 2  # "X School, located in the Tigray Region"
    if i >= len(doc) or doc[i].lower_ != "in":
        return None
    i += 1 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else 0
    for size in (3, 2, 1):
        tokens = doc[i + 1:i + 1 + size]
        following = doc[tokens.end] if tokens.end < len(doc) else None
        if len(tokens) < size or not all(t.is_title or t.is_upper for t in tokens) or (following is not None and (
                following.tag_ == "POS" or (following.is_title and following.is_alpha and following.lower_ not in PROVINCE_WORDS))):
            continue  # "in Israel's war", "in New York City": not the name of a division
        # a country's own region is a division too ("in the Gaza Strip", "in Donbas"); one of no country is not ("in Asia")
        divisions = {"admin1" if c.kind == "region" and c.country else c.kind for c in lookup(tokens.text) if c.score >= 0.97}
        if divisions & {"country", "admin1"} and "region" not in divisions and not _a_division(  # not "in Asia"
                lookup(span.text)):
            return tokens.text
    return None


_MAX_LISTED = 3


def list_opener(token: Token, key: str, goes_on: Callable[[Token], bool]) -> Token:
    """The item that opens the list ``token`` is in: its conjunct heads followed while ``goes_on`` says so.
    Remembered per Doc under ``key``: in a list of thousands of names, each is one step, not a walk back."""
    memo: dict[int, int] = token.doc.user_data.setdefault(key, {})
    path = []
    while token.i not in memo and token.dep_ == "conj" and goes_on(token):
        path.append(token.i)
        token = token.head
    top = memo.get(token.i, token.i)
    memo.update(dict.fromkeys(path, top))
    return token.doc[top]


def town_word_before(span: Span) -> str | None:
    """'the town of X', 'the villages of A and B': the word for a town before the 'of' that opens the name or
    the list it is an item of, in the singular; None when there is none."""
    doc = span.doc
    first = list_opener(span.root, "geo.list_opener", lambda t: t.head.i < t.i)  # "... of A and B": B's list opens at A
    start = min(span.start, first.left_edge.i)
    word = singular(doc[start - 2].lower_) if start >= 2 and doc[start - 1].lower_ == "of" else ""
    return word if word in CITY_WORDS else None


def _cue_and_comma_container(span: Span, lookup: Callable[[str], list[Candidate]]) -> tuple[str | None, str | None]:
    doc = span.doc
    before = [doc[i] for i in range(max(0, span.start - 3), span.start)]
    after = doc[span.end] if span.end < len(doc) else None
    container = _comma_container(span, lookup)
    # "the city of X", "the villages of A and B", "the province of X"
    if town_word_before(span):
        return "city_of", container
    if len(before) >= 2 and before[-1].lower_ == "of":
        word = before[-2].lower_
        if word in CITY_WORDS:
            return "city_of", container
        if word in PROVINCE_WORDS:
            return "province_of", container
        if word in DIRECTION_WORDS or (len(before) >= 3 and before[-3].lower_ in DIRECTION_WORDS):
            return "direction", container
    # "X province", "X city", "X and Y provinces"; "Koulikoro Region" tagged whole
    if len(span) > 1 and span[-1].lower_ in PROVINCE_WORDS and span[-1].lower_ not in {"state", "county"}:
        return "province", None
    if after is not None and after.lower_ in PROVINCE_WORDS and after.lower_ != "state" or (
        after is not None and after.lower_ == "state" and span.end + 1 < len(doc)
        and not doc[span.end + 1].is_title
    ) or _listed_before_divisions(span, lookup):
        return "province", None
    if after is not None and after.lower_ in {"city", "town", "village"} or opens_dateline(span):
        return "city", None
    if in_apposition_with_a_town(span):
        return "city", None
    if after is not None and (after.lower_ in FACILITY_WORDS - {"air"} or _site_noun_follows(span)):
        return "facility", None  # "X air base" (a site's noun follows), not "Iron Dome air defence battery"
    if container is not None:
        return "comma_state", container  # "X, Texas"
    if before:
        previous = before[-1].lower_
        if previous in DETERMINERS and len(before) >= 2:
            previous = before[-2].lower_
        if previous in LOCATIVE_PREPS:
            return ("struck" if _struck(span) else "near"), None
    act = _struck(span)
    if act is not None:  # "shelled X": no person is shelled, a strong cue; "stormed X", "raided X": a weak one
        return ("struck" if act in SHELLED_ACTS else "near"), None
    return None, None


def placed_near(span: Span) -> bool:
    """'near Ras Isa', 'outside Kyaukphyu', 'launched toward Tall Baydar': a name right after a word that puts
    something close to a town (never a person), ending there ('near Houthi positions' names no town)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    toward = before is not None and before.lower_ in {"toward", "towards"} and before.head.lemma_.lower() in (
        _HEADED_FOR)  # "drones launched toward X", "columns advancing towards X"
    return before is not None and (before.lower_ in {"near", "outside"} or toward) and (
        after is None or after.pos_ not in {"NOUN", "PROPN"} or after.lower_ in DIRECTION_WORDS)


# Verbs of what heads for a town ("launched toward X"), never for a person.
_HEADED_FOR = frozenset({"launch", "fire", "fly", "advance", "push", "march", "drive", "head", "retreat", "withdraw"})


def _struck(span: Span) -> str | None:
    """'forces shelled Nikopol and Marhanets', 'rebels stormed Goma', 'the shelling of Sarmin': the act (its lemma)
    of which the name is the object, an act done to a place."""
    head = span.root
    if any(c.dep_ == "det" for c in head.children):
        return None  # "raided the Ritz": a building or a thing, not a town
    head = list_opener(head, "geo.named_list_opener", lambda t: t.head.pos_ in {"PROPN", "NOUN"})
    if head.dep_ == "pobj" and head.head.lower_ == "of" and (head.head.head.pos_ == "NOUN" or head.head.head.tag_ == "VBG"):
        act = head.head.head.lemma_.lower()  # "the shelling of Sarmin", "the siege of X", "the bombardment of X"
        return act if act in STRUCK_PLACE_VERBS or act in STRUCK_PLACE_NOUNS else None
    verb = head.head.lemma_.lower()
    struck = head.dep_ in {"dobj", "nsubjpass"} and head.head.pos_ == "VERB" and verb in STRUCK_PLACE_VERBS
    prep = head.head
    if not struck and head.dep_ == "pobj" and prep.lower_ in {"on", "at"} and any(  # (not "... at X on Monday")
            w.lemma_.lower() in _WEAPON_NOUNS and w.i + 1 == prep.i for w in (prep.head, *prep.head.children)):
        return "shell"  # "dropped 14 explosive devices on X", "fired shells at X", "bombs on X": a place shelled
    return verb if struck else None


# What is dropped or fired on a place ("dropped bombs on X", "fired shells at X"); not drones or rockets, which are
# also launched at ships and bases named after people.
_WEAPON_NOUNS = frozenset({"bomb", "shell", "explosive", "device", "munition", "grenade", "mortar", "barrel"})


# What is done only to places, never to a person: its object, a name the tagger took for a person's, is a place.
SHELLED_ACTS = frozenset({"shell", "bombard", "pound", "besiege", "shelling", "bombardment", "siege"})


# Nouns of acts done to a place, whose "of" names the place ("the shelling of X"; verbs' lemmas count too).
STRUCK_PLACE_NOUNS = frozenset({"shelling", "bombing", "bombardment", "siege", "capture", "recapture", "storming",
                                "liberation", "encirclement", "fall"})


_APPOSITION_TOWN_WORDS = (CITY_WORDS - {"outskirts"}) | {"community"}
# Nouns of sites named after their town ("the Zaporizhzhia nuclear station", "Kherson power plant").
_SITE_NOUNS = frozenset({"station", "plant", "airport", "base", "refinery", "dam", "bridge", "port", "prison",
                         "hospital", "university", "stadium", "market"})
_SITE_MODIFIERS = frozenset({"nuclear", "power", "thermal", "hydroelectric", "train", "railway", "railroad",
                             "bus", "police", "military", "air", "naval", "oil", "gas", "central", "main"})


def in_apposition_with_a_town(span: Span) -> bool:
    """'Shakhtarsk, a city under separatist control', 'the capital, Sana'a,': a comma joins the name
    to a noun that calls it a town."""
    doc = span.doc
    after = doc[span.end:span.end + 4]
    if len(after) >= 3 and after[0].text == "," and after[1].lower_ in {"a", "an", "the"}:
        # "Mafa, a farming community about 40 km east of X": one modifier may stand before the noun
        word = 2 if after[2].lower_ in _APPOSITION_TOWN_WORDS else 3 if len(after) == 4 and (
            after[3].lower_ in _APPOSITION_TOWN_WORDS and after[2].dep_ in {"amod", "compound"}) else 0
        if word:
            following = doc[span.end + word + 1] if span.end + word + 1 < len(doc) else None
            # not "a town councillor"; "a village east of the city" (the direction tagged a noun)
            return following is None or following.pos_ not in {"NOUN", "PROPN"} or following.lower_ in DIRECTION_WORDS
    before = doc[max(0, span.start - 2):span.start]
    return (len(before) == 2 and before[1].text == "," and before[0].lower_ in _APPOSITION_TOWN_WORDS
            and span.start >= 3 and doc[span.start - 3].lower_ in {"the", "its", "their"})


def _site_noun_follows(span: Span) -> bool:
    """'near the Zaporizhzhia nuclear station': a site's noun after a modifier or two."""
    doc = span.doc
    for i in range(span.end, min(span.end + 3, len(doc))):
        word = doc[i].lower_
        if word in _SITE_NOUNS:
            return i > span.end or word not in {"market", "university", "stadium", "hospital", "prison"}
        if word not in _SITE_MODIFIERS:
            return False
    return False


# First-level divisions by their proper word ("regions", "states", "counties", "departments" after a
# list are looser: "Central Plateau and Artibonite regions", "Dakota and Washington counties").
LISTED_DIVISION_WORDS = frozenset({"province", "governorate", "oblast", "prefecture", "voivodeship", "krai",
                                   "emirate"})


def _listed_before_divisions(span: Span, lookup: Callable[[str], list[Candidate]]) -> bool:
    """'in Idlib and Aleppo provinces', 'Homs, Hama and Idlib governorates': a plural division word
    after a list of names makes each of them a division; 'Kharkiv and Sumy regions' each name that
    is a province's."""
    doc = span.doc
    end = span.end
    for _ in range(8):  # a short list: names joined by "and" or commas
        if end >= len(doc):
            return False
        word = doc[end]
        if word.lower_ in {"and", ",", "&"} or word.is_title or word.is_upper or word.lower_ in CONNECTORS:
            end += 1
            continue
        division = singular(word.lower_)
        plural = division != word.lower_ and (division in LISTED_DIVISION_WORDS or division == "region" and (
            _provinces_of_one_country(doc[_list_start(span):end], lookup)))
        joined = any(t.lower_ in {"and", "&"} for t in doc[span.end:end]) or (
            span.start > 0 and doc[span.start - 1].lower_ in {"and", "&", ","})  # the last name of the list
        return plural and joined
    return False


def _list_start(span: Span) -> int:
    doc, start = span.doc, span.start
    while start > 1 and doc[start - 1].lower_ in {"and", ",", "&"} and is_capitalised(doc[start - 2]):
        start -= 2
        while start > 0 and (is_capitalised(doc[start - 1]) or doc[start - 1].lower_ in CONNECTORS):
            start -= 1
    return start


def _provinces_of_one_country(names: Span, lookup: Callable[[str], list[Candidate]]) -> bool:
    """Every name of the list is a province's, all of one country ('Kharkiv and Sumy', not 'Central
    Plateau and Artibonite', a province of Burkina Faso by its name and one of Haiti)."""
    items, current = [], []
    for token in names:
        if token.lower_ in {"and", ",", "&"}:
            items.append(current)
            current = []
        else:
            current.append(token.text_with_ws)
    items.append(current)
    countries = [{c.country for c in lookup("".join(item).strip()) if c.kind == "admin1" and c.score >= 0.97}
                 for item in items if item]
    return bool(countries) and all(countries) and bool(set.intersection(*countries))


def _comma_container(span: Span, lookup: Callable[[str], list[Candidate]]) -> str | None:
    """Y of "X, Y" when Y is a country or province X is known in, or one the gazetteer knows no X in
    ("Cammaara, Somalia", "Palma, Cabo Delgado": there, known or not), and X is no country or
    province itself (then "X, Y" is a list)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    for size in (3, 2, 1):
        tokens = doc[span.end + 1: span.end + 1 + size]
        if len(tokens) == size and all(t.is_title or t.is_upper for t in tokens) and not listed(span, tokens):
            containers = [c for c in lookup(tokens.text) if c.score >= 0.97 and c.kind in {"country", "admin1"}]
            own = lookup(span.text)
            inside = [c for c in own if c.kind != "country" and c.score >= 0.93
                      and any(within(c, container) for container in containers)]
            division = any(c.kind in {"country", "admin1", "region"} and c.score >= 0.93 for c in own)
            following = doc[tokens.end] if tokens.end < len(doc) else None
            continued = following is not None and following.is_alpha and following.is_title  # "Panama City"
            if inside or (containers and not division and not continued):
                return tokens.text
    return None


def opens_dateline(span: Span) -> bool:
    """ "WASHINGTON (AP) —", "NEW YORK (Reuters) -", "BAGHDAD — ": a name in capitals that opens a
    dateline is the city the story was filed from."""
    if not span.text.isupper() or len(span.text) < 3:
        return False
    start = span.start_char
    if doc_text(span.doc)[max(0, start - 2):start].rstrip(" ").endswith(","):
        return False  # "MAPUTO, MOZAMBIQUE —": the country the city lies in, not a city
    return dateline_length(doc_text(span.doc)[start:start + _DATELINE_REACH]) > len(span.text)


# Acts in the air whose "over X" puts them above a place ("shot down a drone over X", "exploded over X").
_AIR_WORDS = frozenset({"shoot", "intercept", "down", "destroy", "fly", "hover", "circle", "explode", "crash",
                        "detonate", "spot", "appear", "drone", "missile", "rocket", "aircraft", "jet", "plane",
                        "helicopter", "projectile", "uav"})


def a_town_near(span: Span, candidates: list[Candidate],
                lookup: Callable[[str], list[Candidate]] | None = None) -> bool:
    """'a depot near Al Mayadin', 'outside Albu Kamal', 'a base in Gardez', 'shot down a drone over Kadugli',
    'fell near X and Y': a town of some size (bigger after 'in'; any size in a country the text names), spelled
    exactly, not a possessive, no word of a person's name in the text (the tagger calls many Arabic and African
    town names persons)."""
    # The biggest town of exactly that name: an added village of no recorded size does not hide the city.
    exact_towns = [c for c in candidates if c.kind == "city" and c.score >= 1.0]
    top, doc = max(exact_towns, key=lambda c: c.population, default=candidates[0]), span.doc
    before = _preposition_before(span)
    countries = named_countries(doc, lookup) if lookup is not None else []
    local = before in NEAR_WORDS | COUNTRY_TOWN_PREPS and any(c.country in countries for c in exact_towns)
    if local:  # a town of a country the story is about, whatever its recorded size: 'in As Salif', 'at Al Luhayyah'
        top = max((c for c in exact_towns if c.country in countries), key=lambda c: c.population)
    over = doc[span.start - 1] if before == "over" and span.start > 0 else None  # "shot down [a drone over] X": the
    above = over is not None and bool({over.head.lemma_.lower(), over.head.head.lemma_.lower()} & _AIR_WORDS)  # act's
    least = 0 if local else NEAR_TOWN_POPULATION if before in NEAR_WORDS or above else (
        IN_TOWN_POPULATION if before == "in" else None)
    if least is None or top.kind != "city" or top.score < 1.0 or top.population < least or (
            span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return False  # right after 'near' or 'in': not "at the Villas at X", "in Smith's view"
    words = {t.text for t in span if t.is_alpha and t.lower_ not in CONNECTORS}  # not the "al" of "Ain al-Asad"
    persons = persons_by_word(span.doc)
    # (the tagger's "Salif" of "As Salif" is no other person)
    return not any(person not in span.text for word in words for person in persons.get(word, ()))


def _preposition_before(span: Span) -> str:
    """The word before the name, or before the item of a short list it ends ('near X and Y': 'near')."""
    doc, i = span.doc, span.start - 1
    if i > 1 and doc[i].lower_ in {"and", "or", ","} and is_capitalised(doc[i - 1]):
        i -= 1
        while i > 0 and (is_capitalised(doc[i]) or doc[i].lower_ in CONNECTORS) and span.start - i < 6:
            i -= 1
    return doc[i].lower_ if i >= 0 else ""


_COUNTRIES_KEY = "geo.named_countries"
COUNTRY_TOWN_PREPS = frozenset({"in", "at", "between", "from", "to"})  # "linking Mopti to Gao": a town of its country


def named_countries(doc: Doc, lookup: Callable[[str], list[Candidate]]) -> list[str]:
    """The countries the text names as places ("Yemen", "Israel"), found once per Doc (kept as a list: a Doc's
    ``user_data`` is serialised when worker processes parse)."""
    if (found := doc.user_data.get(_COUNTRIES_KEY)) is None:
        found = doc.user_data[_COUNTRIES_KEY] = sorted({
            c.country for ent in doc.ents if ent.label_ in {"GPE", "LOC"} for c in lookup(ent.text)[:2]
            if c.kind == "country" and c.score >= 0.97 and c.country})
    return found


_PERSONS_KEY = "geo.persons_by_word"  # where persons_by_word keeps its index of a Doc


def persons_by_word(doc: Doc) -> dict[str, list[str]]:
    """Each word of a PERSON entity of ``doc`` -> the texts of those entities, built once per Doc
    (``Doc.ents`` builds every entity on each access; lists, not sets: ``user_data`` is serialised when worker
    processes parse)."""
    if (index := doc.user_data.get(_PERSONS_KEY)) is None:
        index = doc.user_data[_PERSONS_KEY] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                for token in ent:
                    if ent.text not in (names := index.setdefault(token.text, [])):
                        names.append(ent.text)
    return index
