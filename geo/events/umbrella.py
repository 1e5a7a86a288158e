"""Acts told first together, then one by one: "Last night, U.S. forces carried out strikes in response
to those attacks. In eastern Syria, two aircraft struck a depot near Albu Kamal. In Iraq, a gunship hit
a command node at Jurf al-Sakhar." The first sentence is no act of its own but the heading of the ones
that follow: each is a response, last night, by U.S. forces. Press releases, briefings and wire stories
all tell strikes this way; wire leads name a list of targets ("bombed a village and a market") and
then tell each. So do encyclopedia articles, by section: the acts of an "Attack" section are
the subject its title names, those of a "Counter-offensive" section answer it.

Used by ``geo.events.extract`` before the kinds of events are resolved.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geo.events import actors, lexicon as lx
from geo.events.draft import Draft
from geo.events.kinds import armed_men
from geo.events.category_fit import GENERIC_CATEGORIES
from geo.events.mentions import Mention
from geo.syntax import children

PARTS_WITHIN = 2  # sentences after the heading in which its parts are told
COUNTED_PARTS_WITHIN = 5  # ... when it counts them ("two attacks": as many acts told in the five after it)
CAPTION_ZONE = 3  # the first sentences of a text, a headline's and a photo's: a part may be told there too


def fold_umbrellas(drafts: list[Draft], sents: list[Span]) -> list[Draft]:
    """The drafts with each heading ('carried out strikes', no place, no count) folded into the placed acts
    told in the next two sentences: they take its kind, date and actor where they have none."""
    index = {s.start: i for i, s in enumerate(sents)}
    kept: list[Draft] = []
    for draft in drafts:
        parts = _parts(draft, drafts, index) if draft.umbrella or (draft.count or draft.listed) > 1 else []
        if not parts:
            kept.append(draft)
            continue
        for part in parts:
            part.kind = part.kind or draft.kind
            if part.date is None and draft.date is not None:
                part.date, part.date_precision = draft.date, draft.date_precision
            elif part.date is None and not part.whens:
                part.whens = set(draft.whens)  # "Overnight, forces struck two facilities ... One strike hit X"
            part.count = None if part.count == 1 else part.count  # "One strike": one of the heading's
            part.actor = part.actor or draft.actor
            part.sentences = [s for s in draft.sentences if s not in part.sentences] + part.sentences
    return kept


def _parts(heading: Draft, drafts: list[Draft], index: dict[int, int]) -> list[Draft]:
    """The acts a heading tells together: with no place and no count, those told right after it; counted ('struck
    two facilities in eastern Syria'), as many told right after it in its country ('One strike hit a depot near X.
    The second destroyed a hub near Y.')."""
    expected = heading.count or heading.listed  # "bombed a village and a market. [...] A jet bombed X. [...] Jets
    counted = expected > 1  # struck the market in Y": a lead told one by one after it
    coarse = heading.place is None or ((counted or heading.umbrella) and heading.place.kind in {
        "country", "admin1", "region", "other"})  # "strikes across the Gaza Strip killed 37 ... The deadliest strike
    # hit X"; "two attacks on a base by the Euphrates River. On Monday, militants fired rockets at the base ..."
    if not coarse or (heading.count is not None and not counted) or not heading.sentences:
        return []
    told = max(index.get(s.start, -99) for s in heading.sentences)
    first = min(index.get(s.start, 99) for s in heading.sentences)
    sides = actors.actor_families(heading.actor)

    def told_within(within: int, placed: bool) -> list[Draft]:
        return [d for d in drafts if d is not heading and (d.place is not None or not placed) and d.sentences
                and all(first < index.get(s.start, -1) or index.get(s.start, 99) < CAPTION_ZONE for s in d.sentences)
                and 1 <= min((i for s in d.sentences if (i := index.get(s.start, -1)) > told), default=99) - told
                <= within
                and d.kind in {None, heading.kind}
                and (heading.category == d.category or GENERIC_CATEGORIES & {heading.category, d.category})
                and (not d.actor or not sides or bool(actors.actor_families(d.actor) & sides))
                and (heading.place is None or d.place is None or d.place.country == heading.place.country)
                and not any(lx.SEPARATE_ACT_RE.match(s.text) for s in d.sentences)]  # (not "In a separate strike")

    near = told_within(PARTS_WITHIN + 1 if heading.listed and not heading.count else PARTS_WITHIN, not heading.listed)
    if not counted:
        return near
    doc = heading.sentences[0].doc
    acts_counted = any(doc[i].pos_ == "NOUN" and children(doc[i], "nummod") for i in heading.triggers if i < len(doc))
    for parts in (near, told_within(COUNTED_PARTS_WITHIN, False) if acts_counted else []):
        if len(parts) == expected:  # as many placed acts right after it; or, told as so many acts ("two attacks"),
            return parts  # as many acts a little further on (not "destroyed two missiles": what it hit)
    return []


def listed_targets(trigger: Token) -> int:
    """How many things an act's verb names as a list of indefinite objects ('bombed a village and a crowded
    market': 2), else 0."""
    objects = [o for o in trigger.children if o.dep_ == "dobj"] if trigger.pos_ == "VERB" else []
    listed = [x for o in objects[:1] for x in (o, *o.conjuncts)]
    indefinite = all(any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in x.children) for x in listed)
    return len(listed) if len(listed) >= 2 and indefinite else 0


def read_sections(drafts: list[Draft], subject_told: set[int], answer_told: set[int],
                  after_told: frozenset[int] | set[int] = frozenset()) -> list[Draft]:
    """An encyclopedia article's 'Attack' section tells its subject act by act ('One column assaulted the post
    while others went from house to house'): an act told only there, on no other day, is part of the subject the
    title names, not an event of its own. Its 'Counter-offensive' or 'X response' section tells the answers: an act
    told only there by another side than the subject's is a response; so is one its 'Aftermath' or 'Rescue
    operation' section tells of a named force striking armed men's camps, positions or fighters. The sets hold the
    sections' sentence starts."""
    subject = next((d for d in drafts if d.headlines), None)
    if subject is None:
        return drafts
    side = actors.actor_family(subject.actor)
    kept: list[Draft] = []
    for draft in drafts:
        starts = {s.start for s in draft.sentences}
        other_side = side is None or actors.actor_family(draft.actor) != side
        if draft is not subject and starts and draft.kind is None and other_side and (min(starts) in answer_told or (
                min(starts) in after_told and _against_the_doers(draft))):
            draft.kind = "response"  # "On 10 March, army drones struck fighters withdrawing towards X"; in an
            # 'Aftermath', one on the subject's doers ("the air force bombed two bandit camps")
        if draft is not subject and starts and starts <= subject_told and draft.kind != "response" and (
                draft.date in {None, subject.date} and draft.count is None) and (
                side is None or actors.actor_family(draft.actor) in {None, side}):  # (not the other side's act)
            subject.sentences += [s for s in draft.sentences if s not in subject.sentences]
            continue
        kept.append(draft)
    return kept


# What the forces answering an attack strike: its doers' hideouts, camps, positions or fighters.
HOSTILE_TARGET_WORDS = frozenset({"camp", "camps", "hideout", "hideouts", "position", "positions", "enclave",
                                  "enclaves", "column", "columns", "fighters", "militants", "insurgents", "bandits",
                                  "gunmen", "attackers", "assailants", "cell", "stronghold", "strongholds", "base",
                                  "bases"})


def _against_the_doers(draft: Draft) -> bool:
    """Whether an act by a named doer struck armed men's places or fighters ("soldiers stormed a bandit camp",
    "army warplanes struck RSF positions"): what answering forces do after an attack."""
    if not draft.actor or armed_men(draft.actor) or not draft.target:
        return False
    words = set(re.findall(r"[a-z]+", draft.target.lower()))
    return bool(words & HOSTILE_TARGET_WORDS)


__all__ = ["defines_the_subject", "fold_umbrellas", "read_sections"]


# "The 2025 X strikes on Y were a combined missile and drone attack launched by ...": an encyclopedia
# article's opening definition of its subject, which the sections below tell act by act.
DEFINITION_RE = re.compile(
    r"^The\s+(?:[\w'’.–-]+\s+){1,10}?(?:was|were|is|are)\s+(?:an?|the)\s+(?:[\w'’–-]+\s+){0,5}?"
    r"(?:attacks?|strikes?|bombings?|massacre|raids?|offensive|operation|assault|campaign|series|exchange)\b")


def defines_the_subject(sent: Span) -> bool:
    """Whether the sentence opens an article by defining its subject: a heading of the acts told after it
    (linked to them like a headline), an act of its own only when the article tells none."""
    return DEFINITION_RE.match(sent.text) is not None


ANSWERED_TOGETHER_WITHIN = 3  # sentences before a plural "These strikes were a response" in which its acts are told


def answered_together(recent: list[Draft], antecedent: Draft, mention: Mention, sentence_index: int) -> None:
    """'U.S. aircraft struck three facilities near X. In Syria, U.S. forces struck two sites near Y. These strikes
    were conducted in response to ...': a plural reference that calls the acts an answer calls so each act of the
    same kind by that side told just before it, not only the last one it refers back to. When that one was told
    with no doer ("At X, a second package of strikes destroyed ..."), the acts of the same kind a named side did
    just before it are the answer too."""
    side = actors.actor_family(antecedent.actor)
    if mention.cue != "response" or not mention.anaphoric or mention.trigger.tag_ != "NNS" or (
            side is None and antecedent.actor is not None):
        return
    for draft in recent:
        doer = actors.actor_family(draft.actor)
        if draft is not antecedent and draft.kind is None and doer is not None and doer == (side or doer) and (
                draft.families & antecedent.families) and sentence_index - draft.last_sentence <= (
                ANSWERED_TOGETHER_WITHIN):
            draft.kind = "response"
