"""Toponym recognition: the ``geo_toponyms`` spaCy component.

It writes ``doc.spans["toponyms"]``: every place name of the text, in order. Each span's
``label_`` says why it was taken:

    GPE, LOC, FAC   a spaCy entity of that label
    GAZ             another entity (ORG, PERSON, DATE ...) or a capitalised token run that the
                    gazetteer knows and the context supports: the small English model tags
                    "Albu Kamal" ORG and "Mayadeen" DATE.
    NORP            a demonym or country adjective ("Syrian"): its country, for context, never drawn

and its extension attributes (registered once, read by geo.places.resolve):

    span._.geo_cue        "city_of" | "province_of" | "city" | "province" | "facility" |
                          "direction" | "near" | "struck" ("shelled X") | "comma_state" | None
    span._.geo_container  "Texas" for "Paris, Texas" (with cue "comma_state")
    span._.geo_gated      True when the span was kept only because the gazetteer knows it

Adjectival uses ("Iranian-backed") are not toponyms, nor a transcript's speaker labels ("AUSTIN:").
Person and organisation entities need a locative cue ("near the city of Albu Kamal"; "Ras al-Ain" needs none);
a country, province or big city named inside an organisation's name ("the Texas Forest Service") is taken."""

from __future__ import annotations

import functools
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from geo.gazetteer import DISTRICT_WORDS, fold_name
from geo.model import Candidate
from geo.places.lexicon import (BASE_DESIGNATIONS, CONNECTORS, DATELINE_MARKS, DIRECTION_WORDS, EMBEDDING_LABELS,
                                GATED_LABELS, LOCAL_BODY_WORDS, NEEDS_CUE_LABELS, PLACING_PREPS, PRESS_MARKS,
                                TOWN_NAME_ENDINGS, TRUSTED_LABELS, UNKNOWN_SITE_WORDS, UNKNOWN_TOWN_WORDS, WEAK_PREPS)
from geo.places.locative_cues import (a_town_near, in_apposition_with_a_town, locative_cue, persons_by_word,
                                      placed_near, read_inside, town_word_before)
from geo.places.named_sites import (is_generic_site_word, names_a_known_site, names_a_site, names_an_unlisted_site,
                                    site_word_follows, with_designation)
from geo.places import name_extent as extent
from geo.places.recognize_spans import (DocContext, after_title, followed_by_place_punct, is_adjectival, is_code_name,
                                        listed_with_places, looks_common, modifies_noun, modifies_residents, names_a_channel,
                                        names_a_publication, names_an_office, speaks, split_joined_names, trim)

__all__ = ["SPAN_KEY", "TOPONYM_COMPONENT", "CandidateLookup", "ToponymRecognizer"]

SPAN_KEY = "toponyms"
TOPONYM_COMPONENT = "geo_toponyms"  # the spaCy factory's name: ``nlp.add_pipe(TOPONYM_COMPONENT)``

for _name, _default in (("geo_cue", None), ("geo_container", None), ("geo_gated", False)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


class CandidateLookup(Protocol):
    def candidates(self, name: str, *, limit: int = 10, fuzzy: bool = True) -> list[Candidate]: ...


@Language.factory(TOPONYM_COMPONENT, assigns=["doc.spans"],
                  default_config={"min_population": 100_000, "max_run_tokens": 6, "use_gazetteer": True})
def make_toponym_recognizer(nlp: Language, name: str, min_population: int, max_run_tokens: int,
                            use_gazetteer: bool) -> ToponymRecognizer:
    return ToponymRecognizer(name, min_population=min_population, max_run_tokens=max_run_tokens, use_gazetteer=use_gazetteer)


FUNCTION_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
_IN_OR_NEAR = frozenset({"in", "near", "outside", "around"})  # "in Jisr al-Shughur": a name of two words placed


class ToponymRecognizer:
    """Finds place names: trusted GPE/LOC entities plus gazetteer-gated names with context."""

    def __init__(self, name: str = TOPONYM_COMPONENT, *, min_population: int = 100_000, max_run_tokens: int = 6,
                 use_gazetteer: bool = True, gazetteer: CandidateLookup | None = None) -> None:
        self.name = name
        self.min_population = min_population
        self.max_run_tokens = max_run_tokens
        self.use_gazetteer = use_gazetteer
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> CandidateLookup | None:
        if self._gazetteer is None and self.use_gazetteer:
            from geo.gazetteer import default_gazetteer  # built on first use

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @gazetteer.setter
    def gazetteer(self, value: CandidateLookup | None) -> None:
        self._gazetteer = value

    def __call__(self, doc: Doc) -> Doc:
        context = DocContext.of(doc)
        lookups = context.lookups
        found: list[tuple[Span, dict[str, Any]]] = []
        taken = [False] * len(doc)
        for ent in doc.ents:
            span = trim(ent)
            if span is None or ent.label_ == "NORP" or is_adjectival(span):
                taken[ent.start:ent.end] = [True] * len(ent)
                if span is not None and ent.label_ == "NORP":
                    found.extend(self._nationality(span, context))
                continue
            taken[ent.start:ent.end] = [True] * len(ent)
            lower = context.lower_words if ent.label_ in TRUSTED_LABELS else frozenset()
            span = extent.widen(span, lambda text: any(c.score >= 0.97 for c in self._lookup(text, lookups)), lower)
            span = with_designation(extent.join_split_name(span, ent.label_))  # "Khor" + "Taqqat": one name
            for token in span:
                taken[token.i] = True
            if ent.label_ in TRUSTED_LABELS and not is_code_name(span):
                if not any(ch.isupper() for ch in span.text) or is_generic_site_word(span):
                    continue  # "the west bank of the river": a bank, not the West Bank; "the Airport"
                if not self._surname(span, context) and not names_a_publication(span):  # "told The Irrawaddy"
                    found.append((span, {"label": ent.label_, "gated": False}))
            elif ent.label_ in GATED_LABELS or is_code_name(span):  # "M23" tagged a country: a known place only
                pieces = [(p, d) for p in split_joined_names(span) if (d := self._gate(p, "", context))]
                if len(pieces) == 2:  # "the town of Bariire in Lower Shabelle", tagged one organisation: two places
                    found.extend(pieces)
                elif decision := self._gate(span, ent.label_, context):
                    found.append((span, decision))
                elif ent.label_ in EMBEDDING_LABELS and not names_a_channel(span):  # not "Saba Horizon TV"
                    found.extend((inner, {"label": "GAZ", "gated": True}) for inner in self._embedded(span, context))
        covered = [False] * len(doc)
        for span, _ in found:
            covered[span.start:span.end] = [True] * len(span)
        for run in extent.capitalised_runs(doc, taken, self.max_run_tokens):
            site = run.end < len(doc) and doc[run.end].lower_ in UNKNOWN_SITE_WORDS  # "Nur Kalam camp": not Kalam
            for span in extent.subspans_longest_first(run):
                if any(covered[span.start:span.end]) or (len(span) == 1 and span[0].pos_ in FUNCTION_POS) or (
                        site and span.start > run.start and span.end == run.end) or (
                        span.end < run.end and doc[span.end].text in BASE_DESIGNATIONS) or extent.old_name_heading(
                        span, run, lambda text: any(c.main_name for c in self._lookup(text, context.lookups))):
                    continue  # "An air strike": a capitalised article, not the town of Ann; "Mission Support Site X"
                decision = self._gate(span, "", context)
                if decision:
                    found.append((span, decision))
                    covered[span.start:span.end] = [True] * len(span)
        found.extend(self._datelines(doc, found, context))
        found = extent.complete_cut_names([*found, *self._repeated(doc, found, context)])
        found = [(span, info) for span, info in found if not context.names_no_place(span)]
        self.set_annotations(doc, found, lookups)
        return doc

    def _datelines(self, doc: Doc, found: list[tuple[Span, dict[str, Any]]], context: DocContext
                   ) -> list[tuple[Span, dict[str, Any]]]:
        """News datelines: a capitalised place name opening a sentence and followed by a dash, a
        colon or an agency in brackets ("BEIRUT: ...", "TORRINGTON — ...", "KYIV (Reuters) -")."""
        if not doc.has_annotation("SENT_START"):
            return []
        covered = {i for span, _ in found for i in range(span.start, span.end)}
        extra: list[tuple[Span, dict[str, Any]]] = []
        for sentence in doc.sents:
            start = sentence.start
            while start < sentence.end and (doc[start].is_space or doc[start].is_punct):
                start += 1
            end = start
            while end < min(start + 3, len(doc)) and doc[end].is_upper and doc[end].is_alpha:
                end += 1
            if end == start or end >= len(doc) or doc[end].text not in DATELINE_MARKS:
                continue
            span = doc[start:end]
            if len(span.text) < 3 or covered & set(range(start, end)) or span[0].text in PRESS_MARKS:
                continue
            if self._known_place(span.text.title(), context.lookups):
                extra.append((span, {"label": "GAZ", "gated": True}))
        return extra

    def _repeated(self, doc: Doc, found: list[tuple[Span, dict[str, Any]]], context: DocContext
                  ) -> list[tuple[Span, dict[str, Any]]]:
        """One sense per discourse: a name taken as a place is a place wherever else it occurs, also where the tagger
        called it a person or an organisation ("Gainesville's Tom Thumb supermarket" after "in Gainesville"; a village
        the gazetteer lacks after "outside Buulo Mareer"), unless it is part of a longer person's name."""
        names = {span.text: len(span) for span, info in found
                 if (info["label"] in TRUSTED_LABELS or self._strong_cue(span, context.lookups)
                     or (span.start > 0 and doc[span.start - 1].lower_ in _IN_OR_NEAR and (  # "in Jisr al-Shughur",
                         len(span.text.split()) > 1 or self._well_known_place(span, context))))  # "around Goma"
                 and len(span.text) > 3 and not looks_common(span, context.lower_words)
                 and (self._known_place(span.text, context.lookups) or len(span) > 1 and not info["gated"])}
        if not names:
            return []
        entity_of = {t.i: ent for ent in doc.ents for t in ent}
        covered = [False] * len(doc)
        for span, _ in found:
            for i in range(span.start, span.end):
                covered[i] = True
        person_words = {t.i for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and ent.text not in names
                        for t in ent}  # a longer name holds it ("Tom Jackson"), not the place's own name tagged a person
        extra: list[tuple[Span, dict[str, Any]]] = []
        by_first: dict[str, list[tuple[str, int]]] = {}  # first token's text -> (name, tokens)
        for span, _ in found:
            if names.get(span.text) == len(span) and (span.text, len(span)) not in by_first.get(span[0].text, []):
                by_first.setdefault(span[0].text, []).append((span.text, len(span)))
        for start in range(len(doc)):
            for name, size in by_first.get(doc[start].text, ()):
                end = start + size
                if end > len(doc) or doc[start:end].text != name or any(covered[start:end]):
                    continue
                span = doc[start:end]
                if any(i in person_words for i in range(start, end)) or is_adjectival(span) or after_title(span):
                    continue
                entity = entity_of.get(start)
                if entity is not None and start != entity.start and doc[start - 1].lower_ != "of":
                    continue  # inside a longer name, not at its head ("Tyrise M. Bell")
                extra.append((span, {"label": "GAZ", "gated": True}))
                for i in range(start, end):
                    covered[i] = True
        return extra

    def set_annotations(self, doc: Doc, found: list[tuple[Span, dict[str, Any]]],
                        lookups: dict[str, list[Candidate]]) -> None:
        spans = []
        info_by_span: dict[tuple[int, int], dict[str, Any]] = {}
        for span, info in found:
            labelled = Span(doc, span.start, span.end, label=info["label"])
            spans.append(labelled)
            info_by_span[(labelled.start, labelled.end)] = info
        kept = sorted(filter_spans(spans), key=lambda s: s.start)
        for span in kept:
            info = info_by_span[(span.start, span.end)]
            cue, container = locative_cue(span, lambda text: self._lookup(text, lookups))
            span._.geo_cue = cue
            span._.geo_container = container
            span._.geo_gated = bool(info.get("gated"))
        doc.spans[SPAN_KEY] = kept

    def _lookup(self, text: str, lookups: dict[str, list[Candidate]]) -> list[Candidate]:
        if text not in lookups:
            gazetteer = self.gazetteer
            lookups[text] = gazetteer.candidates(text, limit=25, fuzzy=False) if gazetteer else []
        return lookups[text]

    def _surname(self, span: Span, context: DocContext) -> bool:
        """A one-word "place" in a full name of a person ("Ripley" after "Dan Ripley"), not well known, no cue."""
        if len(span) != 1 or span.text not in context.person_words or self._strong_cue(span, context.lookups):
            return False
        return not any(c.score >= 0.97 and (c.kind in {"country", "admin1"} or c.population >= self.min_population)
                       for c in self._lookup(span.text, context.lookups))

    def _strong_cue(self, span: Span, lookups: dict[str, list[Candidate]]) -> bool:
        return locative_cue(span, lambda text: self._lookup(text, lookups))[0] not in (None, "near")

    def _known_place(self, text: str, lookups: dict[str, list[Candidate]]) -> bool:
        """An exact gazetteer name of a country, province, county or a town of some size."""
        kinds = {"country", "admin1", "admin2", "region", "facility"}
        return any(c.score >= 0.97 and (c.kind in kinds or c.population >= 1_000) for c in self._lookup(text, lookups))

    def _nationality(self, span: Span, context: DocContext) -> list[tuple[Span, dict[str, Any]]]:
        """A span the tagger calls a nationality: a demonym ("Syrian") informs the context; a town
        so tagged ("fighting in Aleppo") is gated like an organisation, unless it is an adjective
        ("Iran-backed", "Sunni militias")."""
        if self._is_demonym(span):
            return [(span, {"label": "NORP", "gated": False})]
        if is_adjectival(span) or modifies_noun(span):
            return []
        decision = self._gate(span, "NORP", context)
        return [(span, decision)] if decision else []

    def _is_demonym(self, span: Span) -> bool:
        gazetteer = self.gazetteer
        demonym_country = getattr(gazetteer, "demonym_country", None)
        return demonym_country is not None and demonym_country(span.text) is not None

    def _embedded(self, span: Span, context: DocContext) -> list[Span]:
        """Well-known places named inside an organisation's or a building's name: "Texas" in "the
        Texas Forest Service", "U.S." in "the U.S. House", "Alberta" in "the University of Alberta"."""
        doc = span.doc
        found: list[Span] = []
        for size in range(min(3, len(span) - 1), 0, -1):
            head = doc[span.start:span.start + size]
            if self._well_known_place(head, context) or (size == 1 and self._is_demonym(head)):
                found.append(head)  # "the Texas Forest Service"; "the American Farm Bureau" (a demonym)
                break
        if not found and len(span) > 1:
            # "the Mount Pleasant City Council", "Gainesville Police": a town heading a local body.
            for size in range(min(3, len(span) - 1), 0, -1):
                head = doc[span.start:span.start + size]
                if doc[span.start + size].lower_ in LOCAL_BODY_WORDS and self._local_town(head, context):
                    found.append(head)
                    break
        of = [t.i for t in span[:-1] if t.lower_ == "of"]
        if of and span.end - of[-1] - 1 <= 3:
            tail = doc[of[-1] + 1:span.end]
            if tail[0].lower_ in DIRECTION_WORDS and len(tail) > 1:
                tail = tail[1:]  # "of Western Pennsylvania"
            if self._well_known_place(tail, context) and not any(f.end > tail.start for f in found):
                found.append(tail)
        return found

    def _local_town(self, span: Span, context: DocContext) -> bool:
        if not all(extent.is_capitalised(t) or t.lower_ in CONNECTORS for t in span) or span[0].lower_ in CONNECTORS:
            return False
        if looks_common(span, context.lower_words) or any(t.lower_ in DIRECTION_WORDS for t in span):
            return False
        return any(c.score >= 1.0 and c.kind in {"city", "admin2"} and c.main_name and c.population >= 1_000
                   and fold_name(c.name) == fold_name(span.text) for c in self._lookup(span.text, context.lookups))

    def _well_known_place(self, span: Span, context: DocContext) -> bool:
        if not all(extent.is_capitalised(t) or t.text.isupper() or t.lower_ in CONNECTORS for t in span):
            return False
        if len(span.text) < 2 or span[0].lower_ in CONNECTORS or span[-1].lower_ in CONNECTORS:
            return False
        if looks_common(span, context.lower_words) or any(t.lower_ in DIRECTION_WORDS for t in span):
            return False
        for candidate in self._lookup(span.text, context.lookups):
            if candidate.score < 1.0:
                continue
            if candidate.kind in {"country", "admin1"}:
                return True
            if candidate.kind == "admin2" and span[-1].lower_ in {"county", "parish", "borough"}:
                return True
            if (candidate.kind == "city" and candidate.main_name and candidate.population >= self.min_population
                    and fold_name(candidate.name) == fold_name(span.text)):
                return True
        return False

    def _lone_town(self, span: Span, context: DocContext) -> bool:
        """A one-word town tagged a person or an organisation, spelled like one ("Watertown"), in no person's name."""
        return (len(span) == 1 and span.text not in context.person_words
                and span.text.lower().endswith(TOWN_NAME_ENDINGS) and self._local_town(span, context))

    def _unknown_named_town(self, span: Span, context: DocContext) -> dict[str, Any] | None:
        """'near the village of Telabit', 'struck Tudun Biri, Kaduna State', 'in Zam Kora camp', 'near Ras Isa',
        'X, a village east of Y': a name the gazetteer lacks, called a town or village, put in a province or country
        right after a locative word, naming a camp or base one is in, or right after "near", is a place (placed
        near the places the story names). Not a person's ('said Musa Bello, Kaduna State police spokesman')."""
        doc = span.doc
        capitalised = all(extent.is_capitalised(t) or t.lower_ in CONNECTORS for t in span)
        if sum(t.text != "-" for t in span) > 3 or not capitalised or span.start < 2 or (
                not extent.is_capitalised(span[0]) or looks_common(span, context.lower_words) or speaks(span)):
            return None
        cue, container = locative_cue(span, lambda text: self._lookup(text, context.lookups))
        called_a_town = cue == "city_of" and town_word_before(span) in UNKNOWN_TOWN_WORDS
        before = doc[span.start - 2] if doc[span.start - 1].lower_ == "the" else doc[span.start - 1]
        words = {t.text for t in span}  # "beside Zam Kora camp", not "the Smith camp" of a John Smith
        people = [person for w in words for person in persons_by_word(doc).get(w, ())]
        a_site = (span.end < len(doc) and doc[span.end].lower_ in UNKNOWN_SITE_WORDS | UNKNOWN_TOWN_WORDS and before.lower_ in
                  PLACING_PREPS and not any(person != span.text for person in people))
        after = span.end + 1 + len(container.split()) if container else len(doc)
        in_a_division = cue == "comma_state" and doc[span.start - 1].lower_ in PLACING_PREPS and (
            after >= len(doc) or not doc[after].is_alpha or doc[after].pos_ not in {"NOUN", "PROPN"})
        close_to = in_apposition_with_a_town(span) or placed_near(span) and all(p == span.text for p in people)
        return {"label": "GAZ", "gated": False} if called_a_town or in_a_division or a_site or close_to else None

    def _gate(self, span: Span, label: str, context: DocContext) -> dict[str, Any] | None:
        """Keep a non-GPE/LOC span when the gazetteer knows it and the context supports it."""
        lookups = context.lookups
        if not self.use_gazetteer or not any(t.is_alpha or extent.is_capitalised(t) for t in span) or (
                is_generic_site_word(span) or names_a_publication(span)):
            return None
        candidates = [c for c in self._lookup(span.text, lookups) if c.score >= 0.93]
        site = {"label": "FAC" if label == "FAC" else "GAZ", "gated": bool(candidates)}
        if extent.names_an_arabic_feature(span):
            return site
        if not candidates:
            return self._unknown_named_town(span, context) or (  # "shelled X camp", X tagged a facility: a place
                site if names_a_site(span) or (label == "FAC" and site_word_follows(span)) else None)
        if (unlisted := names_an_unlisted_site(span, candidates)) or names_a_known_site(span, candidates):
            return {"label": site["label"], "gated": not unlisted}  # "the X power plant" tagged a person; "hit Ministry of X"
        if span.text.isupper() and (len(span.text) <= 3 and all(c.kind == "city" for c in candidates) or (
                len(span.text) <= 5 and all(c.kind == "city" and not c.population for c in candidates))):
            return None  # an acronym ("the UN", "FATA"), not a town (Un, India) or an added village (Fatah)
        cue, container = locative_cue(span, lookup := functools.partial(self._lookup, lookups=lookups))
        common = looks_common(span, context.lower_words)  # "X Port, Power Station": no town's site, a common word
        if cue is None and not common and modifies_residents(span):
            cue = "residents"
        elif cue is None and not common and (listed_with_places(span) or a_town_near(span, candidates, lookup)):
            cue = "listed"  # an item of a list of places ("the cities of Homs and Aleppo", "near X and Y")
        cue = None if cue == "facility" and common else cue
        if len(span) > 1 and span[-1].lower_ in DISTRICT_WORDS and candidates[0].kind in {"admin1", "admin2"}:
            cue = "province"  # "in Lakki Marwat district" (tagged a person): a district by its own word
        strong_cue = (cue is not None and cue != "near") or read_inside(candidates, container, lookup)
        if cue == "near" and span.start > 0 and span.doc[span.start - 1].lower_ in WEAK_PREPS and not (
                a_town_near(span, candidates, lookup)):  # "a drone over X" is there, "according to X" is not
            cue = None
        person_in = label == "PERSON" and not strong_cue and not followed_by_place_punct(span) and not (
            a_town_near(span, candidates, lookup))  # "in Kherson" tagged a person: a well-known city only (below)
        if strong_cue or (cue == "near" and not common):
            if not person_in or {t.text for t in span} & context.person_words or span.doc[span.start - 1].lower_ in {"the", "a"}:
                return None if person_in else {"label": site["label"], "gated": not site_word_follows(span)}  # 'Joe X sat near X'
        if common or after_title(span) or speaks(span):
            return None
        top = candidates[0]
        exact = top.score >= 1.0 and len(span.text) >= 4  # "Ga.", "Mo.": abbreviations need a cue
        if exact and label in {"PERSON", "ORG"} and self._lone_town(span, context):
            return {"label": site["label"], "gated": True}
        if context.named_as_non_place(span):
            return None
        if exact and top.kind == "facility" and names_an_office(span):
            return None  # "Pentagon press secretary Pat Ryder": the institution speaking
        if exact and (top.kind in {"country", "admin1", "region", "facility"} or (
                top.kind == "admin2" and span[-1].lower_ in DISTRICT_WORDS)):  # "the Nikopol district"
            return {"label": site["label"], "gated": True}
        # A person or organisation entity needs a well-known city ("Kharkiv"), not any town.
        min_population = self.min_population * (5 if label in NEEDS_CUE_LABELS else 1)
        primary = fold_name(top.name) == fold_name(span.text)
        if exact and primary and top.kind == "city" and top.population >= min_population:
            return {"label": site["label"], "gated": True}
        return None
