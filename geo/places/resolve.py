"""Toponym resolution: pick the place each recognised name refers to, using the document.

    toponyms = resolve_doc(nlp(text))                     # every span of doc.spans["toponyms"]
    toponyms = resolve_spans(doc, [(120, 130)])           # exactly these character spans

Each candidate from the gazetteer gets a prior (name similarity, population, kind of feature,
the span's cue: "the city of X", "X province", "X, Georgia") and then a context score over
two passes: the document's focus countries (named or implied by its other toponyms), the
provinces it names, and the distance to its other places (features and weights: ``geo.places.ranking``).
Scores become probabilities by a softmax; a Toponym's confidence is the top probability times
its name similarity.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from geo.gazetteer import Gazetteer, default_gazetteer, fold_name
from geo.model import Candidate, Toponym
from geo.places.lexicon import PLACE_TYPE_WORDS
from geo.places.name_fallbacks import DEMONYM, EMBEDDED, HEAD, PART, article_apart, fallback_names
from geo.places.ranking import (NearbyReadings, ProvinceVotes, candidate_provinces, dot, load_weights,
                                prior_features)
from geo.places.context import ChosenReadings
from geo.places.locative_cues import locative_cue
from geo.places.named_sites import SITE_FIRST_WORDS
from geo.places.recognize import SPAN_KEY
from geo.places.recognize_spans import covered_ranges, overlaps_ranges, within
from geo.places.resolve_support import (BIG_TOWN, EXACT_SPELLING, drop_unsupported, not_the_city_province,
                                        prefer_countries_named_in_full, province_of_its_town,
                                        towns_abroad_of_a_district)
from geo.syntax import doc_text

__all__ = ["resolve_doc", "resolve_spans", "resolve_spans_in_context", "score_candidates"]

_CANDIDATE_LIMIT = 25
_TEMPERATURE = 0.4
_HAMLET = 5_000  # a town this small yields to a demonym reading of its name
_CONTEXT_PASSES = 4  # rescoring rounds against the document's other readings, at most
_DEMONYM_KINDS = frozenset({"country", "admin1", "region"})
_FALLBACK_SCORE = {DEMONYM: 0.85, HEAD: 0.8, PART: 0.8, EMBEDDED: 0.75}  # name similarity of a coarser reading


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    cue: str | None = None
    container: str | None = None
    label: str | None = None  # the recogniser's label: LOC (seas, regions) favours regions
    gated: bool = False
    reading: str | None = None  # the coarser reading its candidates come from (``geo.places.name_fallbacks``)
    sentence: int = -1  # the number of its sentence in the text (-1: the text is not split into sentences)
    candidates: list[Candidate] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    features: list[dict[str, float]] = field(default_factory=list)  # of each candidate, last pass

    @property
    def best(self) -> Candidate | None:
        if not self.candidates:
            return None
        return self.candidates[max(range(len(self.scores)), key=self.scores.__getitem__)]


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp((s - top) / _TEMPERATURE) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def score_candidates(mentions: list[_Mention], gazetteer: Gazetteer,
                     weights: Mapping[str, float] | None = None) -> None:
    """Fill ``scores`` (and ``features``) of every mention: the prior, then two passes of
    document context (``geo.places.ranking``). Mentions of one name with the same cue share their
    scores (computed once).
    """
    weights = weights if weights is not None else load_weights()
    groups: dict[tuple[str, str | None, str | None, str | None], list[_Mention]] = {}
    for mention in mentions:
        key = (fold_name(mention.text), mention.cue, mention.container, mention.label)
        groups.setdefault(key, []).append(mention)
    representatives = [members[0] for members in groups.values()]
    container_cache: dict[str, list[Candidate]] = {}
    priors: list[list[dict[str, float]]] = []
    provinces_by_name: dict[str, frozenset[tuple[str, str]]] = {}
    readings: dict[str, list[Candidate]] = {}
    for mention in representatives:
        name = fold_name(mention.text)
        provinces_by_name[name] = provinces_by_name.get(name, frozenset()) | candidate_provinces(mention.candidates)
        readings.setdefault(name, []).extend(mention.candidates)
    votes, nearby = ProvinceVotes(provinces_by_name), NearbyReadings(readings)
    for mention in representatives:
        containers: list[Candidate] = []
        if mention.container:
            if mention.container not in container_cache:
                container_cache[mention.container] = [
                    c for c in gazetteer.candidates(mention.container, limit=5, fuzzy=False)
                    if c.kind in {"country", "admin1"} and c.score >= 0.97
                ]
            containers = container_cache[mention.container]
        capitals = [c for c in mention.candidates if gazetteer.is_capital(c)]
        own = fold_name(mention.text)
        called_city = _called_city(mention, gazetteer)
        priors.append([{**prior_features(c, mention.candidates, cue=mention.cue, label=mention.label,
                                         containers=containers, capital=c in capitals, rival_capitals=capitals,
                                         called_city=called_city),
                        **votes.features(c, own), **nearby.features(c, own)}
                       for c in mention.candidates])
        mention.features = priors[-1]
        mention.scores = [dot(f, weights) for f in mention.features]
    # One vote per distinct name: the reading of its first mention. Each mention is rescored
    # against the others' current readings and its own new reading counts at once (updating
    # all at the end of a pass lets two names swap readings back and forth forever).
    voter: dict[str, _Mention] = {}
    for mention in representatives:
        if mention.candidates:
            voter.setdefault(fold_name(mention.text), mention)
    chosen = {name: mention.best for name, mention in voter.items()}
    context = ChosenReadings(chosen)
    for _ in range(_CONTEXT_PASSES):
        changed = False
        for mention, prior in zip(representatives, priors):
            own = fold_name(mention.text)
            mention.features = [{**p, **f} for p, f in zip(prior, context.features(mention.candidates, own))]
            mention.scores = [dot(f, weights) for f in mention.features]
            if voter.get(own) is mention and mention.best is not chosen[own]:
                chosen[own], changed = mention.best, True
                context.choose(own, chosen[own])
        if not changed:
            break
    for members in groups.values():
        for member in members[1:]:
            member.scores = list(members[0].scores)
            member.features = members[0].features


def _called_city(mention: _Mention, gazetteer: Gazetteer) -> frozenset[int]:
    """Ids of a name's city candidates also exactly named "<name> City" (Quebec, New York City)."""
    if not any(c.kind == "admin1" for c in mention.candidates):
        return frozenset()
    ids = {c.geonameid for c in mention.candidates if c.kind == "city"}
    if not ids:
        return frozenset()
    return frozenset(c.geonameid for c in gazetteer.candidates(f"{mention.text} City", limit=_CANDIDATE_LIMIT,
                                                               fuzzy=False)
                     if c.score >= EXACT_SPELLING and c.geonameid in ids and c.geonameid is not None)


# Kinds the gazetteer knows that the report's contract spells otherwise: a county or other
# second-level division is reported as a "region" (the contract's kinds: city, admin1,
# country, facility, region, other).
_REPORTED_KIND = {"admin2": "region"}


def _toponym(mention: _Mention) -> Toponym:
    if not mention.candidates:
        return Toponym(start=mention.start, end=mention.end, text=mention.text)
    probabilities = _softmax(mention.scores)
    order = sorted(range(len(mention.candidates)), key=lambda i: -probabilities[i])
    best = mention.candidates[order[0]]
    alternatives = tuple(
        replace(_with_score(mention.candidates[i], probabilities[i]),
                kind=_REPORTED_KIND.get(mention.candidates[i].kind, mention.candidates[i].kind))
        for i in order[:5]
    )
    confidence = max(0.0, min(1.0, probabilities[order[0]] * best.score))
    return Toponym(start=mention.start, end=mention.end, text=mention.text, name=best.name,
                   kind=_REPORTED_KIND.get(best.kind, best.kind), country=best.country, lat=best.lat,
                   lon=best.lon, geonameid=best.geonameid, confidence=confidence, admin1=best.admin1,
                   alternatives=alternatives, demonym=mention.reading == DEMONYM)


_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,4}")


def _with_score(candidate: Candidate, score: float) -> Candidate:
    return replace(candidate, score=score)


def _lookup(text: str, gazetteer: Gazetteer, fallbacks: bool = True) -> tuple[list[Candidate], str | None]:
    """The candidates of a name and the coarser reading they come from (None: the name itself)."""
    country = gazetteer.demonym_country(text)
    if country is not None:  # a span given as "Syrian" means Syria
        return [_with_score(country, 0.9)], DEMONYM
    candidates = gazetteer.candidates(text, limit=_CANDIDATE_LIMIT)
    if _INITIALISM.fullmatch(text.strip()) and not any(c.score >= 1.0 for c in candidates):
        return [], None  # "U.N." is no town "Un": an initialism is a place only as a name spelled so ("D.C.")
    if not candidates and fold_name(text).startswith("the "):
        text = text.split(" ", 1)[1]
        candidates = gazetteer.candidates(text, limit=_CANDIDATE_LIMIT)
    if (apart := article_apart(text)) and not any(c.score >= EXACT_SPELLING for c in candidates):  # "Elbur": El Bur
        candidates = [c for c in gazetteer.candidates(apart, limit=_CANDIDATE_LIMIT, fuzzy=False)
                      if c.score >= EXACT_SPELLING] or candidates
    if fallbacks and (not candidates or max(c.score for c in candidates) < EXACT_SPELLING
                      or all(_hamlet(c) for c in candidates)):
        # Unknown, only spelled like something ("Korean" ~ "Kyren"), or only a hamlet ("English",
        # Indiana): a demonym reading wins.
        found, rule = _fallback_candidates(text, gazetteer, demonym_only=bool(candidates))
        if found:
            return found, rule
    return candidates, None


def _hamlet(candidate: Candidate) -> bool:
    return candidate.kind == "city" and candidate.population < _HAMLET


def _fallback_candidates(text: str, gazetteer: Gazetteer,
                         demonym_only: bool = False) -> tuple[list[Candidate], str | None]:
    """Candidates for a coarser reading of an unknown name ("Ohioans", "Neches River"), and its rule."""
    known: list[str] = []  # embedded names the gazetteer knows, as places too small to count
    for name, rule in fallback_names(text):
        if demonym_only and rule != DEMONYM:
            continue
        if rule == EMBEDDED and any(name in longer for longer in known):
            continue  # "Montgomery County History Center" is not in Montgomery, Alabama
        found = [c for c in gazetteer.candidates(name, limit=_CANDIDATE_LIMIT, fuzzy=False)
                 if c.score >= EXACT_SPELLING]
        if rule == DEMONYM:
            found = [c for c in found if c.kind in _DEMONYM_KINDS]
        elif rule == EMBEDDED:
            known.extend([name] if found else [])
            # A province's name is not read as a place abroad ("Virginia Gateway" is not in
            # Virginia, South Africa), though it may be read as the city in it ("Dubai World Cup").
            provinces = {c.country for c in found if c.kind == "admin1"}
            found = [c for c in found if _well_known(c, name) and (not provinces or c.country in provinces)]
        if found:
            return [_with_score(c, c.score * _FALLBACK_SCORE[rule]) for c in found], rule
    return [], None


def _well_known(candidate: Candidate, name: str) -> bool:
    """Whether a place named inside a longer name is one that bodies and buildings are named after
    and lie in: a country, a curated region, a big city by its main name ("Carnegie Library" is not
    in Carnegie, Pennsylvania); an abbreviation only of a country ("US Federal Reserve", not "NS").
    Not a province: "Tennessee Colony" is a town in Texas, "Virginia Gateway" a mall in a town the
    story names, and a province's point is too coarse to beat that town."""
    if name.isupper() and len(name) <= 3:
        return candidate.kind == "country"
    if candidate.kind == "region":
        return not candidate.population  # a curated region, not a continent ("Mall of Asia")
    if candidate.kind == "city":
        return candidate.main_name and candidate.population >= BIG_TOWN
    return candidate.kind == "country"


def look_up_candidates(mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    """Fill every mention's candidates from the gazetteer (once per distinct name). A name the text calls a
    town or village ("the village of Balli Dhiddin") is that settlement's whole name: no place named inside
    it ("Bali") stands for it, there or at its other mentions."""
    cache: dict[tuple[str, bool], tuple[list[Candidate], str | None]] = {}
    settlements = {m.text for m in mentions if m.cue == "city_of"}
    for mention in mentions:
        key = (mention.text, not mention.gated)
        if key not in cache:
            cache[key] = _lookup(mention.text, gazetteer, fallbacks=not mention.gated)
            if cache[key][1] == EMBEDDED and mention.text in settlements:
                cache[key] = [], None
        mention.candidates, mention.reading = cache[key]
        if mention.cue in {"province", "province_of"}:
            mention.candidates = not_the_city_province(mention.candidates + province_of_its_town(mention.candidates, gazetteer))
        mention.candidates = mention.candidates + towns_abroad_of_a_district(mention.text, mention.candidates, gazetteer)


def keep_inside_named_containers(mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    """'Cammaara, Somalia', 'Palma, Cabo Delgado': a name the text puts in a country or province where
    the gazetteer knows no place of that name is an unknown place there, not a namesake abroad; the
    name's other mentions without a container of their own ("the Palma community") are that place
    too. (Where one is known there, ranking weighs the container with the rest of the context.)"""
    found: dict[str, list[Candidate]] = {}
    unknown_inside: set[str] = set()
    for mention in mentions:
        if not mention.container or not mention.candidates:
            continue
        if mention.container not in found:
            found[mention.container] = [c for c in gazetteer.candidates(mention.container, limit=5, fuzzy=False)
                                        if c.kind in {"country", "admin1"} and c.score >= 0.97]
        containers = found[mention.container]
        towns = all(c.kind not in {"country", "admin1", "region"} for c in mention.candidates)  # not "the Americas in Alaska"
        if containers and towns and not any(within(c, container) for c in mention.candidates for container in containers):
            mention.candidates = []
            unknown_inside.add(fold_name(mention.text))
    for mention in mentions:
        if not mention.container and fold_name(mention.text) in unknown_inside:
            mention.candidates = []


def _resolve(mentions: list[_Mention], gazetteer: Gazetteer) -> list[Toponym]:
    look_up_candidates(mentions, gazetteer)
    keep_inside_named_containers(mentions, gazetteer)
    prefer_countries_named_in_full(mentions)
    score_candidates(mentions, gazetteer)
    drop_unsupported(mentions)
    return [_toponym(m) for m in mentions]


def resolve_doc(doc: Doc, gazetteer: Gazetteer | None = None,
                resolve_unknown: Callable[[list[Toponym]], list[Toponym]] | None = None) -> list[Toponym]:
    """Resolve every span of ``doc.spans["toponyms"]``, in text order.

    Demonyms ("Syrian") resolve to their country with ``demonym=True``; they inform the other names' context.
    Names the gazetteer does not know go to ``resolve_unknown`` (the online geocoder, when it is on: a list in, a
    list of the same length out); one still unresolved is kept only when it looks like a place: a site or feature
    word ("Royal Street"), a locative cue, or spaCy's FAC/LOC. Spans kept only because the gazetteer knew them are
    dropped when they do not resolve (but "the town of X", "X in Idlib"), and so is a name read only through a
    place inside it ("United Russia", a party) unless it looks like a place ("Delhi High Court")."""
    gazetteer = gazetteer or default_gazetteer()
    mentions = _recognised_mentions(doc)
    toponyms = _resolve(mentions, gazetteer)
    if resolve_unknown is not None:
        toponyms = resolve_unknown(toponyms)
    return [t for t, m in zip(toponyms, mentions)
            if (t.resolved and m.reading != EMBEDDED) or ((not m.gated or m.cue == "city_of") and _looks_like_a_place(m))
            or m.container is not None]  # "Foua in Idlib": an unknown place in a named division


def _recognised_mentions(doc: Doc) -> list[_Mention]:
    """Mentions of the recogniser's toponym spans (``doc.spans["toponyms"]``), in text order."""
    spans: list[Span] = sorted(doc.spans[SPAN_KEY], key=lambda s: s.start) if SPAN_KEY in doc.spans else []
    number = _sentence_numbers(doc)
    return [_Mention(s.start_char, s.end_char, s.text, s._.geo_cue, s._.geo_container, s.label_, s._.geo_gated,
                     sentence=number(s.start_char)) for s in spans]


def _sentence_numbers(doc: Doc) -> Callable[[int], int]:
    """The number of the sentence a character offset lies in (-1 for all when the doc has no sentences)."""
    starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else []
    return lambda offset: bisect.bisect_right(starts, offset) - 1 if starts else -1


def _looks_like_a_place(mention: _Mention) -> bool:
    words = [w.strip(".,'’").lower() for w in mention.text.split()]
    return (mention.label in {"FAC", "LOC"} or mention.cue is not None
            or any(w in PLACE_TYPE_WORDS for w in words[1:] or words) or (len(words) > 1 and words[0] in SITE_FIRST_WORDS))


def resolve_spans(doc: Doc, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Resolve exactly these character spans of ``doc.text``, one Toponym each, in the given order.

    A span that is a demonym ("Syrian") resolves to its country with a lower confidence.
    """
    return resolve_spans_in_context(doc, spans, gazetteer)[0]


def resolve_spans_in_context(doc: Doc, spans: Sequence[tuple[int, int]],
                             gazetteer: Gazetteer | None = None) -> tuple[list[Toponym], list[Toponym]]:
    """The given spans resolved as ``resolve_spans`` does, and the other places of the text.

    The names the recogniser finds elsewhere in the text (``doc.spans["toponyms"]``, those that
    overlap no given span) are read along with the given ones, as the story's context ("British"
    in a story about a soldier from Manchester); the second list holds those of them that resolved.
    """
    gazetteer = gazetteer or default_gazetteer()
    given = span_mentions(doc, spans, gazetteer)
    taken = covered_ranges([(m.start, m.end) for m in given])
    context = [m for m in _recognised_mentions(doc) if not overlaps_ranges(m.start, m.end, taken)]
    toponyms = _resolve(given + context, gazetteer)
    return toponyms[: len(given)], [t for t in toponyms[len(given):] if t.resolved]


def span_mentions(doc: Doc, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[_Mention]:
    """Mentions of these character spans with their cues (candidates not looked up yet)."""
    cue_lookup = _cue_lookup(gazetteer)
    text = doc_text(doc)
    number = _sentence_numbers(doc)
    mentions = []
    for start, end in spans:
        mention = _Mention(start, end, text[start:end], sentence=number(start))
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            mention.cue, mention.container = locative_cue(span, cue_lookup)
        mentions.append(mention)
    return mentions


def _cue_lookup(gazetteer: Gazetteer) -> Callable[[str], list[Candidate]]:
    """Exact candidates of a name or its container, as the recogniser's cue tests look them up:
    as many as the ranking sees, so that "Paris, Idaho" finds the small Paris in Idaho."""
    cache: dict[str, list[Candidate]] = {}

    def lookup(text: str) -> list[Candidate]:
        if text not in cache:
            cache[text] = gazetteer.candidates(text, limit=_CANDIDATE_LIMIT, fuzzy=False)
        return cache[text]

    return lookup

