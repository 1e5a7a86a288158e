"""Further rounds and parts of an act whose kind is known: 'a second wave' of strikes is by those who struck just
before; 'One strike hit a depot near X' after 'forces struck two facilities', and 'U.S. forces also struck ...' after
a response, are of that act's kind (``continue_sequels``, after ``geo.events.kinds.resolve_kinds``). Used by
``geo.events.extract``; imports the events wing's actor families, clauses, drafts and kinds."""

from __future__ import annotations

import re

from spacy.tokens import Span

from geo.events import actors, context_words as elx, lexicon as lx
from geo.events.clauses import TIME_OPENERS
from geo.events.draft import Draft
from geo.events.kinds import ORDINAL_WORDS, nouns_of

__all__ = ["SEQUEL_RE", "continue_sequels"]

SEQUEL_RE = re.compile(r"\b(?:a|the)\s+(?:second|third|fourth|fifth|further|new|fresh|final|separate)\s+"
                       r"(?:[\w.-]+\s+){0,2}?(?:wave|salvo|volley|round|barrage|strike|air\s*strike|"
                       r"(?:package|set|series|batch)"  # "a second package of strikes"
                       r"(?=\s+of\s+(?:[\w'’.-]+\s+){0,3}?(?:air\s*)?(?:strikes|attacks|raids)))\b", re.I)
PARTS_GAP = 60  # tokens between a counted act and one of its parts told right after it
ONE_OF_THEM_RE = re.compile(rf"(?i)\W*the\s+(?:{'|'.join(ORDINAL_WORDS)})\s*,")  # "The second, a depot near X, ..."
SEQUEL_OF_RE = re.compile(r"\s+of\s+(?:[\w'’.-]+\s+){1,3}?(?:strikes|air\s*strikes|attacks|raids|shelling|rockets|"
                          r"missiles|drones)\b", re.I)  # "a second wave of Israeli strikes"
SALVO_NOUNS = elx.SALVO_WORDS | {"minute"}  # "a second wave minutes later": the wave is no actor


def continue_sequels(drafts: list[Draft], inferred: set[int]) -> None:
    """'Israeli jets struck a radar near X ... A second wave minutes later hit a factory near Y': a
    further round of strikes is by those who struck just before, of the same kind (a round by a doer of its own
    too, unless of another side), and (told with no day of its own) on the same day. A round its own words make
    a response ("a second round of retaliatory strikes") stays one, and so was the round before, by the same doer,
    when only ``inferred`` (``resolve_kinds``) made that an attack."""
    for draft in drafts:
        sequel = next((s for s in draft.sentences if SEQUEL_RE.search(s.text) and not _only_as_a_time(draft, s)), None)
        named = _side_of_the_round(sequel) if sequel is not None else None  # "a second wave of Israeli strikes"
        doers = [d for d in drafts if (named is None or actors.actor_family(d.actor) == named) and (
            "intercept" in draft.families or not d.families or not d.families <= {"intercept"})]  # a wave of strikes
        # goes on with the strikes, not the missiles shot down between ("air defences intercepted most ... A
        # further wave hit X")
        before = _told_just_before(doers, draft, sequel.start) if sequel is not None else None
        if before is None:
            if not _one_of_those_counted(drafts, draft) and not _part_of_a_counted_answer(drafts, draft):
                _also_done(drafts, draft)
            continue
        if draft.actor is not None and not nouns_of(draft.actor) & SALVO_NOUNS:  # its own actor: "a second wave of
            side = actors.actor_family(draft.actor)  # Russian drones hit ..." after Israeli jets struck: not theirs;
            if side is None or side == actors.actor_family(before.actor):  # "a second AFRICOM strike", "in a
                draft.kind = before.kind or draft.kind  # separate strike, the destroyer USS X fired": the same round
            continue
        if id(draft) not in inferred and draft.kind == "response" != before.kind and id(before) in inferred and (
                draft.actor is None or draft.actor == before.actor):
            before.kind = "response"
        draft.actor, draft.kind = before.actor, draft.kind if id(draft) not in inferred else before.kind or draft.kind
        if draft.date is None and before.date is not None:
            draft.date, draft.date_precision = before.date, before.date_precision  # "minutes later", that night


def _only_as_a_time(draft: Draft, sent: Span) -> bool:
    """'A second round of strikes hit X after the ambush': the ambush is named there as the time of the round."""
    own = [sent.doc[i] for i in draft.triggers if sent.start <= i < sent.end]
    return bool(own) and all(t.dep_ == "pobj" and t.head.lower_ in TIME_OPENERS for t in own)


def _side_of_the_round(sent: Span) -> str | None:
    """The side a further round names: 'A second wave of Israeli strikes hit ...' -> Israel."""
    found = SEQUEL_RE.search(sent.text)
    of = SEQUEL_OF_RE.match(sent.text[found.end():]) if found else None
    return actors.actor_family(of.group(0)) if of else None


def _part_of_a_counted_answer(drafts: list[Draft], draft: Draft) -> bool:
    """'In response, U.S. forces struck three facilities in Iraq and Syria. In Iraq, U.S. forces struck a depot
    near X. In Syria, U.S. forces struck two facilities near Y': fewer strikes by the same side, told right after
    its counted response (and the parts of it told since, and the acts of other sides told between), are part of it,
    on its day when they tell none of their own."""
    side = actors.actor_family(draft.actor)
    if draft.kind != "attack" or side is None or not draft.sentences or draft.umbrella:
        return False
    start = draft.sentences[0].start
    last_told = {id(d): max(s.end for s in told) for d in drafts if d is not draft and (
        told := [s for s in d.sentences if s.start < start])}
    told_before = sorted((d for d in drafts if id(d) in last_told), key=lambda d: last_told[id(d)], reverse=True)
    if not told_before or start - last_told[id(told_before[0])] > PARTS_GAP:
        return False
    for other in told_before:
        if actors.actor_family(other.actor) != side:
            continue  # the attacks it answered and their interceptions, told between
        if other.kind != "response":
            return False
        if (other.count or 0) > 1 and "intercept" not in other.families:  # (20 drones downed: things, not acts)
            if (draft.count or 1) >= other.count:
                return False
            draft.kind = "response"
            if not draft.whens and other.date is not None:  # told without a day of its own: the answer's day
                draft.date, draft.date_precision = other.date, other.date_precision
            return True
    return False


def _one_of_those_counted(drafts: list[Draft], draft: Draft) -> bool:
    """'Forces struck two facilities. [...] The second, a compound near X, was hit by a drone': the act told of
    one of those counted just before is of their kind."""
    if not draft.sentences or not ONE_OF_THEM_RE.match(draft.sentences[0].text):
        return False
    counted = _told_just_before(drafts, draft, draft.sentences[0].start)
    if counted is None or (counted.count or 0) < 2 or counted.kind is None:
        return False
    draft.kind = counted.kind
    return True


def _also_done(drafts: list[Draft], draft: Draft) -> None:
    """'In response, U.S. forces struck two launch sites. U.S. forces also struck a depot': what the same side
    also did, told right after its response, is part of that response."""
    if not draft.actor or not draft.sentences or not draft.triggers:
        return
    trigger = draft.sentences[0].doc[draft.triggers[0]]
    if not any(c.dep_ == "advmod" and c.lower_ == "also" for c in (*trigger.children, *trigger.head.children)) and (
            not lx.ADDED_RE.match(draft.sentences[0].text)):  # "In addition, U.S. forces destroyed a boat"
        return
    start, side = draft.sentences[0].start, actors.actor_family(draft.actor)
    if any(other.kind == "response" and other.actor and any(s.start < start and start - s.end < 60
                                                            for s in other.sentences)
           and (side == actors.actor_family(other.actor) if side else nouns_of(draft.actor) == nouns_of(other.actor))
           for other in drafts if other is not draft):  # a response of the same side told just before
        draft.kind = "response"


def _told_just_before(drafts: list[Draft], draft: Draft, start: int) -> Draft | None:
    """The event told last before a sentence. Of two told in the same sentence ("jets struck X in what
    the army called a response to the barrage" tells the strike and refers to the barrage), the one
    whose side that sentence names."""
    best: tuple[int, bool] | None = None
    found = None
    for other in drafts:
        told = [s for s in other.sentences if s.start < start]
        if other is draft or not told:
            continue
        last = max(told, key=lambda s: s.start)
        key = (last.start, bool(other.actor) and actors.actor_family(other.actor) in actors.actor_families(last.text))
        if best is None or key > best:
            best, found = key, other
    return found
