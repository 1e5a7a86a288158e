"""Toponym resolution: pick the place each recognised name refers to, using the document.

    toponyms = resolve_doc(nlp(text))                     # every span of doc.spans["toponyms"]
    toponyms = resolve_spans(doc, [(120, 130)])           # exactly these character spans

Each candidate from the gazetteer gets a prior (name similarity, population, kind of feature,
the span's cue: "the city of X", "X province", "X, Georgia") and then a context score over
two passes: the document's focus countries (named or implied by its other toponyms), the
provinces it names, and the distance to its other places. Scores become probabilities by a
softmax; a Toponym's confidence is the top probability times its name similarity.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from geo.gazetteer import Gazetteer, default_gazetteer
from geo.gazetteer_build import distance_km
from geo.model import Candidate, Toponym
from geo.name_fallbacks import DEMONYM, HEAD, PART, fallback_names
from geo.normalize import fold_name
from geo.recognize import SPAN_KEY, locative_cue

__all__ = ["resolve_doc", "resolve_spans", "score_candidates"]

_CANDIDATE_LIMIT = 25
_TEMPERATURE = 0.4
# Curated regions and facilities carry no population: their kind prior stands in for it.
_KIND_PRIOR = {"country": 1.2, "admin1": 0.4, "region": 1.3, "facility": 1.1, "admin2": -0.3, "city": 0.0,
               "other": 0.0}
_CAPITAL_PRIOR = 0.6
_NAME_COUNT_WEIGHT = 0.3
_ALTERNATE_NAME_PENALTY = 1.0
_COARSE_KINDS = frozenset({"country", "region"})
_FOCUS_PROVINCE_WEIGHT = 1.0
_FOCUS_COUNTRY_WEIGHT = 1.2
_DEMONYM_KINDS = frozenset({"country", "admin1", "region"})
_FALLBACK_SCORE = {DEMONYM: 0.85, HEAD: 0.8, PART: 0.8}  # name similarity of a coarser reading


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    cue: str | None = None
    container: str | None = None
    label: str | None = None  # the recogniser's label: LOC (seas, regions) favours regions
    gated: bool = False
    candidates: list[Candidate] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        if not self.candidates:
            return None
        return self.candidates[max(range(len(self.scores)), key=self.scores.__getitem__)]


def _popularity(population: int) -> float:
    return min(math.log10(population + 1) / 7.0, 1.2)


def _container_match(candidate: Candidate, containers: list[Candidate]) -> bool:
    for container in containers:
        if container.kind == "country" and candidate.country == container.country:
            return True
        if container.kind == "admin1" and candidate.country == container.country and (
            candidate.admin1 and fold_name(candidate.admin1) == fold_name(container.name)
        ):
            return True
    return False


def _prior(candidate: Candidate, mention: _Mention, containers: list[Candidate], capital: bool) -> float:
    score = 2.5 * candidate.score + 1.0 * _popularity(candidate.population) + _KIND_PRIOR.get(candidate.kind, 0.0)
    if candidate.kind == "city":
        # A town known by many names is a notable one; a match on a secondary alternate name
        # (historic, misspelt, another place's name) is weak evidence.
        score += _NAME_COUNT_WEIGHT * math.log10(candidate.name_count)
        if not candidate.main_name:
            score -= _ALTERNATE_NAME_PENALTY
    if capital:
        score += _CAPITAL_PRIOR
    cue = mention.cue
    if mention.label == "LOC":
        score += {"region": 0.8, "facility": 0.3}.get(candidate.kind, 0.0)
    if cue in {"province", "province_of"}:
        score += {"admin1": 1.5, "region": 0.5, "city": -0.5}.get(candidate.kind, 0.0)
    elif cue in {"city", "city_of"}:
        score += {"city": 1.2, "country": -1.2, "admin1": -1.2, "region": -1.0}.get(candidate.kind, 0.0)
    elif cue == "facility":
        score += {"facility": 1.0, "city": -0.3}.get(candidate.kind, 0.0)
    elif cue == "comma_state" and containers:
        score += 2.0 if _container_match(candidate, containers) else -1.0
    if candidate.kind == "admin1" and cue not in {"province", "province_of"}:
        # A big city inside the province of the same name is the usual reading ("Homs", "Aleppo").
        for other in mention.candidates:
            if (other.kind == "city" and other.country == candidate.country and other.admin1 == candidate.admin1
                    and other.score >= candidate.score - 0.03
                    and other.population >= min(100_000, 0.15 * max(candidate.population, 1))):
                score -= 0.9
                break
    return score


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp((s - top) / _TEMPERATURE) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def score_candidates(mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    """Fill ``scores`` of every mention: the prior, then two passes of document context.

    Mentions of one name with the same cue share their scores (computed once).
    """
    groups: dict[tuple[str, str | None, str | None, str | None], list[_Mention]] = {}
    for mention in mentions:
        key = (fold_name(mention.text), mention.cue, mention.container, mention.label)
        groups.setdefault(key, []).append(mention)
    representatives = [members[0] for members in groups.values()]
    container_cache: dict[str, list[Candidate]] = {}
    priors: list[list[float]] = []
    for mention in representatives:
        containers: list[Candidate] = []
        if mention.container:
            if mention.container not in container_cache:
                container_cache[mention.container] = [
                    c for c in gazetteer.candidates(mention.container, limit=5, fuzzy=False)
                    if c.kind in {"country", "admin1"} and c.score >= 0.97
                ]
            containers = container_cache[mention.container]
        priors.append([_prior(c, mention, containers, gazetteer.is_capital(c)) for c in mention.candidates])
        mention.scores = list(priors[-1])
    for _ in range(2):
        chosen: dict[str, Candidate] = {}  # one vote per distinct name
        for mention in representatives:
            best = mention.best
            if best is not None:
                chosen.setdefault(fold_name(mention.text), best)
        for mention, prior in zip(representatives, priors):
            own = fold_name(mention.text)
            others = [c for name, c in chosen.items() if name != own]
            mention.scores = [p + _context(c, others) for c, p in zip(mention.candidates, prior)]
    for members in groups.values():
        for member in members[1:]:
            member.scores = list(members[0].scores)


def _context(candidate: Candidate, places: list[Candidate]) -> float:
    """Agreement of a candidate with the places chosen for the document's other names."""
    if not places:
        return 0.0
    countries = Counter(p.country for p in places if p.country)
    score = 0.0
    if candidate.country and countries:
        score += _FOCUS_COUNTRY_WEIGHT * countries[candidate.country] / len(places)
    provinces = {(p.country, p.name) for p in places if p.kind == "admin1"}
    if candidate.admin1 and (candidate.country, candidate.admin1) in provinces:
        score += 0.5
    if candidate.admin1 and candidate.kind not in _COARSE_KINDS:
        # The document's focus province: the share of its other sub-national places in the same one.
        local = [p for p in places if p.admin1 and p.kind not in _COARSE_KINDS]
        if local:
            same = sum(1 for p in local if (p.country, p.admin1) == (candidate.country, candidate.admin1))
            score += _FOCUS_PROVINCE_WEIGHT * same / len(local)
    closeness = 0.0
    for place in places:
        # Points of countries and regions are rough centres: judge them on a wider scale.
        scale = 1000.0 if candidate.kind in _COARSE_KINDS or place.kind in _COARSE_KINDS else 250.0
        distance = distance_km(candidate.lat, candidate.lon, place.lat, place.lon)
        closeness = max(closeness, math.exp(-distance / scale))
    return score + 0.8 * closeness


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
                   alternatives=alternatives)


def _with_score(candidate: Candidate, score: float) -> Candidate:
    return replace(candidate, score=score)


def _lookup(text: str, gazetteer: Gazetteer, fallbacks: bool = True) -> list[Candidate]:
    country = gazetteer.demonym_country(text)
    if country is not None:  # a span given as "Syrian" means Syria
        return [_with_score(country, 0.9)]
    candidates = gazetteer.candidates(text, limit=_CANDIDATE_LIMIT)
    if not candidates and fold_name(text).startswith("the "):
        text = text.split(" ", 1)[1]
        candidates = gazetteer.candidates(text, limit=_CANDIDATE_LIMIT)
    if fallbacks and (not candidates or max(c.score for c in candidates) < 0.97):
        # Unknown, or only spelled like something ("Korean" ~ "Kyren"): a demonym reading wins.
        candidates = _fallback_candidates(text, gazetteer, demonym_only=bool(candidates)) or candidates
    return candidates


def _fallback_candidates(text: str, gazetteer: Gazetteer, demonym_only: bool = False) -> list[Candidate]:
    """Candidates for a coarser reading of an unknown name ("Ohioans", "Neches River")."""
    for name, rule in fallback_names(text):
        if demonym_only and rule != DEMONYM:
            continue
        found = [c for c in gazetteer.candidates(name, limit=_CANDIDATE_LIMIT, fuzzy=False) if c.score >= 0.97]
        if rule == DEMONYM:
            found = [c for c in found if c.kind in _DEMONYM_KINDS]
        if found:
            return [_with_score(c, c.score * _FALLBACK_SCORE[rule]) for c in found]
    return []


def _resolve(mentions: list[_Mention], gazetteer: Gazetteer) -> list[Toponym]:
    cache: dict[tuple[str, bool], list[Candidate]] = {}
    for mention in mentions:
        key = (mention.text, not mention.gated)
        if key not in cache:
            cache[key] = _lookup(mention.text, gazetteer, fallbacks=not mention.gated)
        mention.candidates = cache[key]
    score_candidates(mentions, gazetteer)
    return [_toponym(m) for m in mentions]


def resolve_doc(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Resolve every span of ``doc.spans["toponyms"]``, in text order.

    Demonyms are not toponyms here; spans kept only because the gazetteer knew them are
    dropped when they do not resolve.
    """
    gazetteer = gazetteer or default_gazetteer()
    spans: list[Span] = sorted(doc.spans[SPAN_KEY], key=lambda s: s.start) if SPAN_KEY in doc.spans else []
    mentions = [_Mention(s.start_char, s.end_char, s.text, s._.geo_cue, s._.geo_container, s.label_, s._.geo_gated)
                for s in spans]
    mentions = [m for m in mentions if gazetteer.demonym_country(m.text) is None]
    toponyms = _resolve(mentions, gazetteer)
    return [t for t, m in zip(toponyms, mentions) if t.resolved or not m.gated]


def resolve_spans(doc: Doc, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Resolve exactly these character spans of ``doc.text``, one Toponym each, in the given order.

    A span that is a demonym ("Syrian") resolves to its country with a lower confidence.
    """
    gazetteer = gazetteer or default_gazetteer()
    container_lookup = _container_lookup(gazetteer)
    mentions = []
    for start, end in spans:
        mention = _Mention(start, end, doc.text[start:end])
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            mention.cue, mention.container = locative_cue(span, container_lookup)
        mentions.append(mention)
    return _resolve(mentions, gazetteer)


def _container_lookup(gazetteer: Gazetteer) -> Callable[[str], list[Candidate]]:
    cache: dict[str, list[Candidate]] = {}

    def lookup(text: str) -> list[Candidate]:
        if text not in cache:
            cache[text] = gazetteer.candidates(text, limit=5, fuzzy=False)
        return cache[text]

    return lookup

