"""From a linked draft to the frozen ``geo.model.Event``: its evidence sentence (the one that states
most of it), its place (none for a tally spread over several towns), its toll (none for an interception)
and its summary; the doer 'the group' stands for. Used by ``geo.events.extract``; imports the events wing's
drafts, actors, lexicon, place fit and summary and the core only."""

from __future__ import annotations

import re

from spacy.tokens import Span

from geo.events import actors, lexicon as lx
from geo.events.draft import Draft
from geo.events.place_fit import SITE_IN_TOWN_KM
from geo.events.source_naming import group_named_before
from geo.events.summary import INTERCEPT, summarize
from geo.geometry import distance_km
from geo.model import Event, Toponym
from geo.syntax import doc_text, phrase_text, phrase_tokens, sentence_span, span_text

__all__ = ["name_the_group", "to_event"]


def _evidence_sentence(draft: Draft, sentences: list[Span]) -> Span:
    """The sentence that states most of the event: its place (a town or site counts double:
    it pins the event down, a country does not) and its figures (count, killed, injured);
    the earliest of equals."""
    figures = {n for n in (draft.count, draft.killed, draft.injured) if n is not None and n > 1}
    place = draft.place
    place_weight = 2 if place is not None and place.kind in {"city", "facility"} else 1

    def weight(sent: Span) -> int:
        names_place = place is not None and sent.start_char <= place.start < sent.end_char
        stated = {lx.parse_number(t.text) for t in sent if t.like_num} & figures
        return place_weight * names_place + len(stated)

    # a reporter's question ("Q: X says five were killed in the strike. Do you dispute that?") states nothing
    return max(sentences, key=lambda sent: (not QUESTION_RE.search(span_text(sent)), weight(sent), -sent.start_char))


QUESTION_RE = re.compile(r"^\s*(?:Q|QUESTION|REPORTER)\s*:|\?\s*$")


def _spread_tally(draft: Draft) -> tuple[Toponym, ...]:
    """'46 attacks near A, B and C', '40 attacks in Syria and Iraq', '31 drones shot down over the A, B and C
    regions': a tally told over several places alike, named together, has no one place to pin it on; the
    places it is told over (none for one place). '14 of them over A and seven over B' pins the first, each
    told apart."""
    place, told = draft.place, draft.sentences or draft.headlines
    if (draft.count or 0) < 2 or place is None or not told:
        return ()
    text = doc_text(told[0].doc)  # (built once per text: Doc.text joins every token on each access)
    alike = sorted([place, *(p for p in draft.extra_places if p.kind == place.kind and _apart(p, place))],
                   key=lambda p: p.start)
    first = last = alike.index(place)
    while first > 0 and _named_together(alike[first - 1], alike[first], text):
        first -= 1
    while last < len(alike) - 1 and _named_together(alike[last], alike[last + 1], text):
        last += 1
    return tuple(alike[first:last + 1]) if last > first else ()


_TOGETHER_RE = re.compile(r"(?:\s|,|&|\b(?:and|or|the|regions?|oblasts?|provinces?|governorates?)\b)*", re.I)


_NUMBER = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen)"
_SHARE = rf"{_NUMBER}\s+(?:[a-z]+\s+)?(?:of\s+them\s+)?(?:in|over|near|at|on|across)\s+(?:the\s+)?"
_SHARE_BEFORE_RE = re.compile(rf"\b{_SHARE}$", re.I)  # "78 attacks, 36 in " A ...
_SHARE_BETWEEN_RE = re.compile(rf"(?:\s|,|\b(?:and|regions?|oblasts?|provinces?)\b)*\b{_SHARE}", re.I)  # " and 42 in " B


def _named_together(first: Toponym, second: Toponym, text: str) -> bool:
    """'A, B and C', 'the A and B regions', 'A and the B': nothing but a list's words between two names; or each
    with its share of the tally ('36 in A and 42 in B'; not '20 over A and the rest over B')."""
    if not 0 <= second.start - first.end < 80:
        return False
    between = text[first.end:second.start]
    return _TOGETHER_RE.fullmatch(between) is not None or (
        _SHARE_BETWEEN_RE.fullmatch(between) is not None and _SHARE_BEFORE_RE.search(text[:first.start]) is not None)


def _apart(a: Toponym, b: Toponym) -> bool:
    """Two places that are not one spot: 'the Education Ministry, near X junction', two sites put at one town,
    are one."""
    return None in (a.lat, a.lon, b.lat, b.lon) or distance_km(a.lat, a.lon, b.lat, b.lon) > SITE_IN_TOWN_KM  # type: ignore[arg-type]


def to_event(draft: Draft) -> Event:
    """The frozen event a draft tells, with the sentence that states most of it as its evidence; a target that is
    its own doer ("troops ... drove off the troops", a phrase read twice) is no target, and an armed group told
    striking its own men ("a second strike hit a building used by RSF fighters", the RSF read as the doer) no doer."""
    if draft.target and draft.actor and lx.clean_phrase(draft.target).casefold() == lx.clean_phrase(
            draft.actor).casefold():
        draft.target = None
    group = actors.actor_family(draft.actor)
    if (group is not None and group not in actors.STATES and group == actors.actor_family(draft.target)) or not any(
            c.isalpha() for c in draft.actor or "-"):  # ("* Dec. 6 - U.S. jets struck", a list's bullet: no doer)
        draft.actor = None
    body = sorted(draft.sentences, key=lambda s: s.start)
    everything = sorted({s.start: s for s in body + draft.headlines}.values(), key=lambda s: s.start)
    spread = _spread_tally(draft)
    place = None if spread else draft.place
    stopped = draft.category == INTERCEPT
    evidence = sentence_span(_evidence_sentence(draft, body or everything))
    return Event(
        kind=draft.kind or "attack",
        summary=summarize(draft),
        category=draft.category,
        evidence=evidence,
        actor=draft.actor,
        target=draft.target,
        place=(place.name or place.text) if place is not None else None,
        place_key=place.place_key if place is not None else None,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
        date=draft.date,
        date_precision=draft.date_precision if draft.date else None,
        count=draft.count,
        killed=None if stopped else draft.killed,  # debris that hurt people is the attack's toll, not the
        injured=None if stopped else draft.injured,  # interception's ('shot down 40 drones; debris injured two')
        mentions=tuple(sentence_span(s) for s in everything),
        areas=tuple(dict.fromkeys(p.name or p.text for p in spread)),
    )


# "a group calling itself the X Brigades": the name it goes by
_CALLED_GROUP_RE = re.compile(r"\bgroup,?\s+(?:(?:that\s+)?call(?:ing|s)\s+itself|called|known\s+as)\s+"
                              r"((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


def name_the_group(drafts: list[Draft]) -> None:
    """'The (same) group had also targeted the vessel': the group is the one named as the doer of the act told before,
    not an actor called 'Group'; 'a group calling itself the X Brigades said it fired the rockets': X."""
    def told_at(draft: Draft) -> int:
        return min((s.start for s in draft.sentences), default=-1)

    for draft in drafts:
        named = [w for w in (draft.actor or "").lower().split() if w not in {"same", "very", "these", "those", "this",
                                                                           "that"}]
        if named not in (["group"], ["groups"]) or not draft.sentences:
            continue  # (also "the very groups that carried out these attacks": the doers told before, else no one)
        told = [span_text(s) for s in draft.sentences]
        if (called := next((m for m in map(_CALLED_GROUP_RE.search, told) if m), None)) is not None:
            draft.actor = called.group(1)
            continue
        if not any(re.search(r"\b(?:the|these|those|this|that) (?:same |very )?groups?\b", t, re.I) for t in told):
            continue  # "a group" is someone new
        before = [d for d in drafts if d.kind != "response" and d.sentences and 0 <= told_at(d) < told_at(draft)
                  and any(ch.isupper() for ch in d.actor or "")]  # an attack's doer named in the text before it
        draft.actor = max(before, key=told_at).actor if before else None if named == ["groups"] else (
            _armed_group_named_before(draft) or draft.actor)  # "The Houthis vowed revenge. The group fired ..."


def _armed_group_named_before(draft: Draft) -> str | None:
    """The armed group named just before the 'the group' that did the act, when no act told before names one."""
    sent = draft.sentences[0]
    token = next((t for t in sent if t.lower_ == "group" and t.dep_ in {"nsubj", "nsubjpass", "pobj"}), None)
    named = group_named_before(token) if token is not None else None
    return lx.clean_phrase(phrase_text(phrase_tokens(named, with_acl=False))) if named is not None else None
