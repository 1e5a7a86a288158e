"""Which of the places a sentence names is where its act was: the most specific place of the act itself, not
a place of its doers ("militants in Gaza fired ..."), of the cause it answered, of a place it describes ("Kelmar, the
capital of Westland") or of a road named after the town it leads to ("on the Kelmar road outside Tarsa").

Used by ``geo.events.context``, ``placing`` and ``sentence_places``.
"""

from __future__ import annotations

from spacy.tokens import Span

from geo.events import lexicon as lx
from geo.events.mentions import Part
from geo.events.place_fit import KIND_RANK, hosted_by
from geo.events.roles import GRIEVANCE_NOUNS
from geo.events.weapons import is_event_noun
from geo.model import Toponym
from geo.places import DISTRICT_WORDS

__all__ = ["Located", "part_at"]

ROAD_WORDS = frozenset({"road", "highway", "motorway", "route", "track", "railway", "railroad", "corridor", "axis"})

Located = tuple[Toponym, Span, bool]
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})  # a toponym, its tokens, whether it is 'near' rather than 'in'


def part_at(target: str | None, places: list[Located]) -> Part:
    """A part of an event at the most specific of ``places`` (others of its kind kept as extra places)."""
    if not places:
        return Part(target=target)
    hosts = {t.geonameid for t, _s, _n in places if t.geonameid is not None}
    ranked = sorted(places, key=lambda item: _place_rank(item, hosts))
    best, _span, near = ranked[0]
    extra = [t for t, s, _n in ranked[1:] if t.kind == best.kind and t.place_key != best.place_key and not (
        _off_the_act(s) if not _off_the_act(_span) else _describes_a_place(s))]
    unique_extra = list({t.place_key: t for t in extra}.values())
    return Part(target=target, place=best, place_prep="near" if near else "in", extra_places=unique_extra)


def _place_rank(item: Located, hosts: set[int]) -> tuple[bool, float, int, int]:
    """Places of the act before those of its doers or of its cause ("militants in Gaza fired rockets at X": X);
    facilities, then towns, then districts named so, then larger areas; a place the gazetteer lacks, put near a town
    the same words name ("the villages of Foua and Kfraya in Idlib"), before that town (not a river by it); a river
    after a province."""
    toponym, span, _near = item
    district = toponym.kind == "region" and span[-1].lower_ in DISTRICT_WORDS  # "Balochistan's Kech district"
    river = span[-1].lower_ in {"river", "canal"}  # "villages along the X River in Y province": a line, Y is surer
    rank = 3.5 if river else 0.5 if hosted_by(toponym, hosts) else 2.5 if district else KIND_RANK.get(toponym.kind, 2)
    return (_off_the_act(span), rank, 0 if toponym.resolved else 1, span.start)


def _off_the_act(span: Span) -> bool:
    """Whether a place, read up to the verb it hangs on, is not where the act was: it is in the phrase of a verb's
    subject that names people ("[militants in Gaza] fired", not "[Russian shelling in Kherson] killed two"), or in
    the cause the act was said to answer ("a response to Israel's war in Gaza"), or in what describes another place
    ("in Kelmar, the capital of Westland": Kelmar's container), or names a road after the town it leads to ("on
    the Kelmar road outside Tarsa")."""
    if _describes_a_place(span) or (span.root.dep_ in {"compound", "amod", "nmod"} and span.root.head.lemma_.lower()
                                    in ROAD_WORDS and span.root.head.i >= span.end):
        return True
    token = span.root
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        if token.dep_ == "nsubj":
            return token.head.pos_ in {"VERB", "AUX"} and token.i not in range(span.start, span.end) and not (
                is_event_noun(token) or token.lemma_.lower() in lx.WEAPON_WORDS)
        token = token.head
        if token.lemma_.lower() in GRIEVANCE_NOUNS | lx.RESPONSE_NOUN_PREPS or any(  # "in what they call
                c.dep_ == "oprd" and c.lemma_.lower() in GRIEVANCE_NOUNS for c in token.children):  # solidarity with X"
            return True
    return False


def _describes_a_place(span: Span) -> bool:
    """'in Kelmar, the capital of Westland': a place in an apposition to a place names its container."""
    token = span.root
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        if token.dep_ == "appos" and token.i not in range(span.start, span.end) and token.head.ent_type_ in PLACE_ENTS:
            return True
        token = token.head
    return False
