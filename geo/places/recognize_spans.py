"""What the toponym recogniser (``geo.places.recognize``) asks of a span and of its document.

Lexical and syntactic tests on spaCy spans: locative cues ("near the city of X", "X province",
"Paris, Texas"), titles and reporting verbs before or around a name, ordinary English words,
adjectival uses ("Iran-backed"), capitalised token runs; and ``DocContext``, what the gate needs to
know about the whole document, computed once per document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from geo.model import Candidate
from geo.places.lexicon import (ADJECTIVAL_SUFFIXES, CITY_WORDS, COMMON_WORDS, CONNECTORS, DETERMINERS, DIRECTION_WORDS,
                                FACILITY_WORDS, LOCATIVE_PREPS, PROVINCE_WORDS, REPORTING_VERBS, RESIDENT_NOUNS,
                                STRUCK_PLACE_VERBS, TITLES)
from geo.places.name_extent import is_capitalised
from geo.syntax import dateline_length, doc_text

__all__ = ["DocContext", "after_title", "followed_by_place_punct", "is_adjectival", "listed", "listed_with_places",
           "locative_cue", "looks_common", "modifies_noun", "modifies_residents", "speaks", "trim", "within"]


_DATELINE_REACH = 80  # characters of text a dateline may take
# A transcript's speaker label: a line opening with a name in capitals and a colon ("AUSTIN:",
# "SECRETARY AUSTIN:", "Q:"). One such line may be a dateline ("ISLAMABAD: ..."); two or more make
# the text a transcript, and its labels name speakers, not places.
_SPEAKER_LINE_RE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’ -]{0,60}[A-Z.]|Q|A)(?=:)")


@dataclass(slots=True)
class DocContext:
    """What the gate needs to know about the whole document, computed once per doc."""

    lookups: dict[str, list[Candidate]]
    lower_words: frozenset[str]
    entity_starts: dict[str, set[int]]  # ORG/PERSON/NORP entity text -> its start tokens
    name_words: frozenset[str]  # words inside multi-word ORG/PERSON names
    person_words: frozenset[str] = frozenset()  # words inside multi-word PERSON names
    speaker_labels: tuple[tuple[int, int], ...] = ()  # character ranges of a transcript's speaker labels

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        starts: dict[str, set[int]] = {}
        words: set[str] = set()
        people: set[str] = set()
        for ent in doc.ents:
            if ent.label_ in {"ORG", "PERSON", "NORP"}:
                starts.setdefault(ent.text, set()).add(ent.start)
                if ent.label_ != "NORP" and len(ent) > 1:
                    words.update(t.text for t in ent if t.is_alpha)
                if ent.label_ == "PERSON" and len(ent) > 1:
                    people.update(t.text for t in ent if t.is_alpha)
        labels = tuple(m.span(1) for m in _SPEAKER_LINE_RE.finditer(doc_text(doc)))
        return cls({}, frozenset(t.text for t in doc if t.is_lower), starts, frozenset(words), frozenset(people),
                   labels if len(labels) >= 2 else ())

    def in_speaker_label(self, span: Span) -> bool:
        """Whether the span lies in a transcript's speaker label ("AUSTIN:" is the Secretary)."""
        at = bisect.bisect_right(self.speaker_labels, (span.start_char, len(doc_text(span.doc))))
        return at > 0 and span.end_char <= self.speaker_labels[at - 1][1]

    def named_as_non_place(self, span: Span) -> bool:
        """The text is an organisation, person or group elsewhere in the document ("Hamas"
        ORG), or a word of a longer such name ("Austin" after "Lloyd Austin")."""
        text = span.text
        if self.entity_starts.get(text, set()) - {span.start}:
            return True
        return len(span) == 1 and text in self.name_words


def speaks(span: Span) -> bool:
    """Subject of a reporting verb: "Washington said" is a government, not a place."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in REPORTING_VERBS


OFFICE_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "press", "official", "officials", "chief",
                          "secretary", "source", "sources", "statement", "briefing"})


def names_an_office(span: Span) -> bool:
    """Followed by the office that speaks for it ("Pentagon press secretary", "a Kremlin spokesman"):
    the institution, not the building."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in OFFICE_WORDS


def after_title(span: Span) -> bool:
    """Preceded by an honorific or a title ("Mr Jordan", "President Lincoln")."""
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in TITLES


def trim(span: Span) -> Span | None:
    """Strip leading determiners, a trailing possessive or punctuation, and a town word that modifies the
    noun after the name."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'"} or doc[end - 1].is_punct):
        end -= 1
    last = doc[end - 1] if end - start >= 2 else None
    if last is not None and last.lower_ in _MODIFYING_TOWN_WORDS and last.dep_ == "compound" and last.head.i >= end:
        end -= 1  # "in Borno village raid": the raid on a village of Borno, not a village called Borno
    return doc[start:end] if end > start else None


_MODIFYING_TOWN_WORDS = frozenset({"village", "town", "hamlet"})


def is_adjectival(span: Span) -> bool:
    """"Iran-backed", "Syrian-led": a name fused into an adjective by a hyphen."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text in {"-", "–"}:
        return doc[span.end + 1].lower_ in ADJECTIVAL_SUFFIXES
    last = span[-1].lower_
    return "-" in last and last.rsplit("-", 1)[1] in ADJECTIVAL_SUFFIXES


def looks_common(span: Span, lower_words: frozenset[str]) -> bool:
    """A single capitalised token that is likely an ordinary English word."""
    if len(span) != 1:
        return all(t.lower_ in COMMON_WORDS or t.is_stop for t in span)
    token = span[0]
    if token.lower_ in COMMON_WORDS or token.is_stop:
        return True
    if token.is_sent_start or token.i == 0 or (token.i > 0 and token.nbor(-1).is_punct
                                                and token.nbor(-1).text in {".", "!", "?", '"', "“", ":"}):
        if token.pos_ not in {"PROPN", ""}:
            return True
    return token.lower_ in lower_words  # the word also appears in lower case: an ordinary word


def modifies_residents(span: Span) -> bool:
    """ "An Alexandria man", "Fargo police said": the name opens a noun phrase about residents."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in RESIDENT_NOUNS:
        return False
    return span.start == 0 or doc[span.start - 1].lower_ in DETERMINERS or doc[span.start - 1].is_sent_start \
        or doc[span.start - 1].is_punct or doc[span.start].is_sent_start


def modifies_noun(span: Span) -> bool:
    """ "Sunni militias", "Kurdish forces": a name used as an adjective before a noun (a place word
    such as "province" or "city" after it is a cue, not a modified noun)."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.pos_ in {"NOUN", "PROPN", "ADJ"} and not _place_word(after.lower_)


def _place_word(word: str) -> bool:
    """A division or settlement word, singular or plural ("province", "provinces", "cities")."""
    return _singular(word) in PROVINCE_WORDS | CITY_WORDS


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def followed_by_place_punct(span: Span) -> bool:
    """'near X, Syria', 'near X, in Deir ez-Zor province', 'near X, some 40 km east of Y': a place
    told where it lies."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "," and (
        doc[span.end + 1].is_title or doc[span.end + 1].lower_ in WHERE_IT_LIES)


WHERE_IT_LIES = frozenset({"in", "near", "about", "some", "around"}) | DIRECTION_WORDS


def locative_cue(span: Span, lookup: Callable[[str], list[Candidate]]) -> tuple[str | None, str | None]:
    """The locative cue of a span and its container: Y of "X, Y", else of "X in Y" (a country or province)."""
    cue, container = _cue_and_comma_container(span, lookup)
    return cue, container or _in_container(span, lookup)


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
    if i >= len(doc) or doc[i].lower_ != "in":
        return None
    i += 1 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else 0
    for size in (3, 2, 1):
        tokens = doc[i + 1:i + 1 + size]
        following = doc[tokens.end] if tokens.end < len(doc) else None
        if len(tokens) < size or not all(t.is_title or t.is_upper for t in tokens) or (following is not None and (
                following.tag_ == "POS" or (following.is_title and following.is_alpha))):
            continue  # "in Israel's war", "in New York City": not the name of a division
        divisions = {c.kind for c in lookup(tokens.text) if c.score >= 0.97}
        if divisions & {"country", "admin1"} and "region" not in divisions and not any(  # not "in Asia"
                c.kind in {"country", "admin1", "region"} and c.score >= 0.93 for c in lookup(span.text)):
            return tokens.text
    return None


_MAX_LISTED = 3


def _cue_and_comma_container(span: Span, lookup: Callable[[str], list[Candidate]]) -> tuple[str | None, str | None]:
    doc = span.doc
    before = [doc[i] for i in range(max(0, span.start - 3), span.start)]
    after = doc[span.end] if span.end < len(doc) else None
    container = _comma_container(span, lookup)
    # "the city of X", "the province of X"
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
    ) or _listed_before_divisions(span):
        return "province", None
    if after is not None and after.lower_ in {"city", "town", "village"} or opens_dateline(span):
        return "city", None
    if _in_apposition_with_a_town(span):
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
            return "near", None
    if _struck(span):
        return "near", None
    return None, None


def _struck(span: Span) -> bool:
    """'forces shelled Nikopol and Marhanets', 'rebels stormed Goma': the object of an act done to a place
    (a weak cue, as "near" is: a person's name the tagger saw stays a person)."""
    head = span.root
    if any(c.dep_ == "det" for c in head.children):
        return False  # "raided the Ritz": a building or a thing, not a town
    while head.dep_ == "conj" and head.head.pos_ in {"PROPN", "NOUN"}:
        head = head.head
    return head.dep_ in {"dobj", "nsubjpass"} and head.head.pos_ == "VERB" and (
        head.head.lemma_.lower() in STRUCK_PLACE_VERBS)


_APPOSITION_TOWN_WORDS = (CITY_WORDS - {"outskirts"}) | {"community"}
# Nouns of sites named after their town ("the Zaporizhzhia nuclear station", "Kherson power plant").
_SITE_NOUNS = frozenset({"station", "plant", "airport", "base", "refinery", "dam", "bridge", "port", "prison",
                         "hospital", "university", "stadium", "market"})
_SITE_MODIFIERS = frozenset({"nuclear", "power", "thermal", "hydroelectric", "train", "railway", "railroad",
                             "bus", "police", "military", "air", "naval", "oil", "gas", "central", "main"})


def _in_apposition_with_a_town(span: Span) -> bool:
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
            return following is None or following.pos_ not in {"NOUN", "PROPN"}  # not "a town councillor"
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


def _listed_before_divisions(span: Span) -> bool:
    """'in Idlib and Aleppo provinces', 'Homs, Hama and Idlib governorates': a plural division word
    after a list of names makes each of them a division."""
    doc = span.doc
    end = span.end
    for _ in range(8):  # a short list: names joined by "and" or commas
        if end >= len(doc):
            return False
        word = doc[end]
        if word.lower_ in {"and", ",", "&"} or word.is_title or word.is_upper or word.lower_ in CONNECTORS:
            end += 1
            continue
        plural = _singular(word.lower_) != word.lower_ and _singular(word.lower_) in LISTED_DIVISION_WORDS
        joined = any(t.lower_ in {"and", "&"} for t in doc[span.end:end]) or (
            span.start > 0 and doc[span.start - 1].lower_ in {"and", "&", ","})  # the last name of the list
        return plural and joined
    return False


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
    return dateline_length(doc_text(span.doc)[start:start + _DATELINE_REACH]) > len(span.text)


def listed(span: Span, after: Span) -> bool:
    """ "Washington, New York and Boston": the parser coordinates the name after the comma with
    the span in a list of three or more, so it is the next item of the list, not the span's state
    (a pair "Paris, Idaho" is the parser mistaking a state for a second item)."""
    item, first = after.root, span.root
    if item.dep_ != "conj" or not (item.head == first or (first.dep_ == "conj" and item.head == first.head)):
        return False
    # Three or more: the span is itself a later item, or another item follows within a few words
    # (a bounded look, so that a text listing thousands of names stays linear).
    doc = span.doc
    return first.dep_ == "conj" or any(t.dep_ == "conj" and t.head in (item, first)
                                       for t in doc[item.i + 1:item.i + 8])


_PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC"})
_LIST_REACH = 8  # tokens either side of a span where its list's other items are looked for


def listed_with_places(span: Span) -> bool:
    """'struck Sloviansk, Pokrovsk and Barvinkove': the span is an item of a list whose other
    items the tagger calls places (the tagger often gives the last, less known item of a list of
    towns another label). Bounded: only the items a few words away are read (a list of thousands
    of names stays linear)."""
    root, doc = span.root, span.doc
    items = [root.head] if root.dep_ == "conj" else []
    for token in doc[max(0, span.start - _LIST_REACH):min(len(doc), span.end + _LIST_REACH)]:
        if token.dep_ == "conj" and (token.head == root or (root.dep_ == "conj" and token.head == root.head)):
            items.append(token)  # the next item, or another item of the same list nearby
    return any(t.ent_type_ in _PLACE_ENTITY_LABELS for t in items if not span.start <= t.i < span.end)


def within(candidate: Candidate, container: Candidate) -> bool:
    """True when a candidate lies in a container country or first-level province."""
    if candidate.country != container.country:
        return False
    if container.kind == "country":
        return True
    return bool(candidate.admin1) and candidate.admin1 == container.name
