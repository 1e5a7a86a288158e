"""What the toponym recogniser (``geo.places.recognize``) asks of a span and of its document.

Lexical and syntactic tests on spaCy spans (the locative cues are in ``geo.places.locative_cues``):
titles and reporting verbs before or around a name, ordinary English words,
adjectival uses ("Iran-backed"), capitalised token runs; and ``DocContext``, what the gate needs to
know about the whole document, computed once per document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from geo.model import Candidate
from geo.places.lexicon import (ADJECTIVAL_SUFFIXES, CITY_WORDS, COMMON_WORDS, DETERMINERS, DIRECTION_WORDS,
                                PROVINCE_WORDS, RANK_ABBREVIATIONS, REPORTING_VERBS, RESIDENT_NOUNS,
                                TITLES)
from geo.syntax import DATELINE_RE, doc_text

__all__ = ["VESSEL_NAME_RE", "DocContext", "after_title", "covered_ranges", "followed_by_place_punct",
           "is_adjectival", "listed", "listed_with_places", "looks_common", "modifies_noun", "modifies_residents",
           "names_a_publication", "overlaps_ranges", "singular", "speaks", "split_joined_names", "trim", "within"]


# A transcript's speaker label: a line opening with a name in capitals and a colon ("AUSTIN:",
# "SECRETARY AUSTIN:", "Q:"). One such line may be a dateline ("ISLAMABAD: ..."); two or more make
# the text a transcript, and its labels name speakers, not places.
_SPEAKER_LINE_RE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’ -]{0,60}[A-Z.]|Q|A)(?=:)")


# A ship named after the word for its kind: "the tanker Sea Lantern", "M/V Corrib Venture", "USS Garrison Pike"
# (not "the vessel Iran seized": a name a verb follows is who did something to it).
VESSEL_NAME_RE = re.compile(r"\b(?:tanker|vessel|ship|carrier|freighter|destroyer|frigate|cruiser|trawler|"
                             r"M/[VT]|MV|USS|HMS|INS) (?!M/[VT] |MV )"  # "the bulk carrier M/V X": X, not "M"
                             r"((?>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}))(?! [a-z]+ed\b)")


VESSEL_PREFIX_RE = re.compile(r"^(?:M/[VT]|MV|USS|HMS|INS)\s+")


def dateline_agencies(text: str) -> frozenset[str]:
    """The agencies a text's datelines credit: "Reuters" in a line opening "KYIV, May 2 (Reuters) -"."""
    return frozenset(found.group("agency").strip() for line in text.splitlines()
                     if (found := DATELINE_RE.match(line.lstrip())))


@dataclass(slots=True)
class DocContext:
    """What the gate needs to know about the whole document, computed once per doc."""

    lookups: dict[str, list[Candidate]]
    lower_words: frozenset[str]
    entity_starts: dict[str, set[int]]  # ORG/PERSON/NORP entity text -> its start tokens
    name_words: frozenset[str]  # words inside multi-word ORG/PERSON names
    person_words: frozenset[str] = frozenset()  # words inside multi-word PERSON names
    speaker_labels: tuple[tuple[int, int], ...] = ()  # character ranges of a transcript's speaker labels
    entity_labels: dict[str, set[str]] = field(default_factory=dict)  # ORG/PERSON/NORP entity text -> its labels
    agencies: frozenset[str] = frozenset()  # names a dateline credits in brackets: "(Reuters)"
    vessels: frozenset[str] = frozenset()  # names the text gives a ship: "the tanker Sea Lantern"
    vessel_spans: tuple[tuple[int, int], ...] = ()  # where those names stand in the text, sorted

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        starts: dict[str, set[int]] = {}
        kinds: dict[str, set[str]] = {}
        words: set[str] = set()
        people: set[str] = set()
        for ent in doc.ents:
            if ent.label_ in {"ORG", "PERSON", "NORP"}:
                starts.setdefault(ent.text, set()).add(ent.start)
                kinds.setdefault(ent.text, set()).add(ent.label_)
                if ent.label_ != "NORP" and len(ent) > 1:
                    words.update(t.text for t in ent if t.is_alpha)
                if ent.label_ == "PERSON" and len(ent) > 1:
                    people.update(t.text for t in ent if t.is_alpha)
        text = doc_text(doc)
        labels = tuple(m.span(1) for m in _SPEAKER_LINE_RE.finditer(text))
        vessels = frozenset(m.group(1) for m in VESSEL_NAME_RE.finditer(text))
        spans = sorted(m.span() for name in vessels if " " in name for m in re.finditer(re.escape(name), text))
        return cls({}, frozenset(t.text for t in doc if t.is_lower), starts, frozenset(words), frozenset(people),
                   labels if len(labels) >= 2 else (), kinds, dateline_agencies(text), vessels, tuple(spans))

    def names_no_place(self, span: Span) -> bool:
        """Whether the span lies in a transcript's speaker label ("AUSTIN:" is the Secretary) or is the
        agency a dateline credits ("KYIV, May 2 (Meridian) -") or a ship's name, wherever the name occurs
        ("told Meridian", "the attack on the Sea Lantern"), or a word of one."""
        if span.text in self.agencies or span.text in self.vessels or VESSEL_PREFIX_RE.sub("", span.text) in (
                self.vessels):
            return True  # (also with the prefix: "USS Garrison Pike")
        inside = bisect.bisect_right(self.vessel_spans, (span.start_char, len(doc_text(span.doc))))
        if inside > 0 and span.end_char <= self.vessel_spans[inside - 1][1]:
            return True  # a word of a ship's name: "HARROW" of "M/V SABLE HARROW"
        at = bisect.bisect_right(self.speaker_labels, (span.start_char, len(doc_text(span.doc))))
        return at > 0 and span.end_char <= self.speaker_labels[at - 1][1]

    def named_as_non_place(self, span: Span) -> bool:
        """The text is an organisation, person or group elsewhere in the document ("Hamas"
        ORG), or a word of a longer such name ("Austin" after "Lloyd Austin"); not a name the tagger
        calls an organisation here and a person there ("Kyiv"), which it does not know."""
        text = span.text
        if self.entity_starts.get(text, set()) - {span.start} and len(self.entity_labels.get(text, ())) < 2:
            return True
        return len(span) == 1 and text in self.name_words


def speaks(span: Span) -> bool:
    """Subject of a reporting verb: "Washington said" is a government, not a place."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in REPORTING_VERBS


def split_joined_names(span: Span) -> list[Span]:
    """'Bariire in Lower Shabelle', "Niger's Tillaberi" (one entity): the two capitalised names on either side of
    'in' or of the possessive; [] if none."""
    cut = next((t.i for t in span[1:-1] if t.lower_ in {"in", "'s", "’s"}), None)
    if cut is None or not span[0].text[:1].isupper() or not span.doc[cut + 1].text[:1].isupper():
        return []
    return [span.doc[span.start:cut], span.doc[cut + 1:span.end]]


def names_a_publication(span: Span) -> bool:
    """'told The Irrawaddy', 'according to The Kyiv Independent': a name after a capitalised 'The' inside a
    sentence that is told or cited is a publication, not a place."""
    doc, root = span.doc, span.root
    if span.start == 0 or doc[span.start - 1].text != "The" or doc[span.start - 1].is_sent_start:
        return False
    return (root.dep_ in {"dobj", "dative"} and root.head.lemma_.lower() == "tell") or (
        root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according")


BROADCAST_WORDS = frozenset({"tv", "television", "radio", "channel"})


def names_a_channel(span: Span) -> bool:
    """'Saba Horizon TV', 'Syria TV', 'Radio Dalsan': a broadcaster's name, whose place words name no place
    of the story."""
    return span[-1].lower_ in BROADCAST_WORDS or span[0].lower_ in BROADCAST_WORDS


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
    """Strip leading determiners, a trailing possessive, punctuation or line break (an entity the tagger ran
    to the end of its line), and a town word that modifies the noun after the name."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'"} or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start == 1 and doc[start].text.endswith(".") and doc[start].lower_.rstrip(".") in RANK_ABBREVIATIONS and (
            end < len(doc) and doc[end].text[:1].isupper()):
        return None  # "Brig. Gen. Osman X": a rank written short, not the Swiss town of Brig
    last = doc[end - 1] if end - start >= 2 else None
    if last is not None and last.lower_ in _MODIFYING_TOWN_WORDS and last.dep_ == "compound" and last.head.i >= end:
        end -= 1  # "in Borno village raid": the raid on a village of Borno, not a village called Borno
    return doc[start:end] if end > start else None


_MODIFYING_TOWN_WORDS = frozenset({"village", "town", "hamlet"})


_CODE_NAME_RE = re.compile(r"[A-Za-z]+-?[0-9]+[A-Za-z0-9]*")


def is_code_name(span: Span) -> bool:
    """'M23', 'F-16', 'S-300': one word of letters and digits, the name of a group or a weapon far more often
    than of a place; not trusted as a place when the tagger calls it a country."""
    return len(span) == 1 and bool(_CODE_NAME_RE.fullmatch(span.text))


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
    return singular(word) in PROVINCE_WORDS | CITY_WORDS


def singular(word: str) -> str:
    """'provinces' -> 'province', 'cities' -> 'city'."""
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
    """True when a candidate lies in a container country or first-level province (a curated site, whose
    province is not recorded, may lie in any province of its country: "Al Asad Air Base in Anbar")."""
    if candidate.country != container.country:
        return False
    if container.kind == "country" or (candidate.kind == "facility" and not candidate.admin1):
        return True
    return bool(candidate.admin1) and candidate.admin1 == container.name


def covered_ranges(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character ranges, overlapping ones merged, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def overlaps_ranges(start: int, end: int, covered: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of ``covered`` (as ``covered_ranges`` returns them)."""
    index = bisect.bisect_left(covered, (end, end)) - 1  # the last range starting before its end
    return index >= 0 and covered[index][1] > start
