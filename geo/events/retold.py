"""One act told twice, far apart: an encyclopedia article's lead names "a resistance raid on an army outpost two days
earlier" and its background section tells "On the night of 19 February, PDF fighters attacked a military outpost"; a
wire lead tells "an air strike" that a later paragraph tells in full. The linker joins only mentions told close
together, so such an act comes out twice. Two drafts of one kind, dated the same day, that agree on everything both
tell (the doer's side, the thing struck, the place), with no tally among them, are one act: the later folds into the
earlier. So does an act told only in its doer's own account ("The group said its fighters had hit a post in the
town") after the same side's act of that day at that place: the claim of an act told. A lead's vague act (no day,
target, place or tally: "troops at one base answered with counter-battery fire") is the one act of its kind and side
the story then tells in full.

Used by ``geo.events.extract`` once kinds, places and days are settled; imports the events wing's drafts, actors,
linking (a phrase's head word, a claimed version), place fit and ``geo.syntax`` only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from geo.events import actors
from geo.events import lexicon as lx
from geo.events.draft import Draft
from geo.events.linking import claimed_version, head_word
from geo.events.place_fit import TOWN_KINDS, place_fits
from geo.syntax import shared_subjects, span_text

if TYPE_CHECKING:
    from geo.events.mentions import Mention

__all__ = ["denied_outright", "merge_retold", "own_account"]

OWN_WORDS = frozenset({"it", "they", "we", "its", "their", "our"})


def own_account(mention: Mention) -> bool:
    """Whether the mention is its doer's own account: a claimed version (``linking.claimed_version``), 'The group
    said its fighters had hit ...', 'X said on Telegram that it launched drones at ...'."""
    if mention.headline:
        return False
    if claimed_version(mention):
        return True
    verb = next((t for t in [mention.trigger, *mention.trigger.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    speech = next((h for h in (verb.ancestors if verb is not None else ()) if h.pos_ == "VERB"
                   and h.lemma_.lower() in lx.REPORTING_VERBS), None)
    if verb is None or speech is None:
        return False
    speakers, doers = shared_subjects(speech), shared_subjects(verb)  # "had hit X and fired": the subject of both
    if not doers or not speakers and not _own(doers[0]):  # ("a group calling itself X claimed that it had struck":
        return False  # its own account, however the parse hangs the group)
    family = actors.actor_family(_phrase(doers[0]))
    return _own(doers[0]) or family is not None and family == actors.actor_family(_phrase(speakers[0]))


def _own(doer: Token) -> bool:
    """'it', 'they', 'its fighters', 'their drones'."""
    return doer.lower_ in OWN_WORDS or any(c.dep_ == "poss" and c.lower_ in OWN_WORDS for c in doer.children)


def _phrase(token: Token) -> str:
    return span_text(token.doc[token.left_edge.i:token.right_edge.i + 1])


def merge_retold(drafts: list[Draft]) -> list[Draft]:
    """The drafts with each act told twice folded into its first telling (order kept)."""
    kept: list[Draft] = []
    for draft in sorted(drafts, key=_first_told):
        first = next((k for k in kept if _one_act(k, draft)), None)
        if first is None:
            kept.append(draft)
        else:
            _fold(first, draft)
    for vague in [k for k in kept if _told_vaguely(k)]:  # "troops at one base answered with counter-battery fire",
        told = [k for k in kept if k is not vague and _first_told(k) > _first_told(vague) and k.date is not None
                and k.kind == vague.kind and k.families & vague.families and _not_other_sides(vague.actor, k.actor)]
        if len(told) == 1 and not told[0].umbrella:  # then the one such act told in full
            _fold(vague, told[0])
            kept.remove(told[0])
    kept_ids = {id(k) for k in kept}
    return [d for d in drafts if id(d) in kept_ids]


def _not_other_sides(a: str | None, b: str | None) -> bool:
    """'troops', then 'our forces': no side named differently."""
    family_a, family_b = actors.actor_family(a), actors.actor_family(b)
    return _same_side(a, b) or not (family_a and family_b)


def _told_vaguely(draft: Draft) -> bool:
    """An act told with no day, target, place or tally: the lead's summary of one its story tells later."""
    return (draft.date is None and draft.target is None and draft.place is None and draft.count is None
            and not draft.umbrella and bool(draft.sentences))


def _first_told(draft: Draft) -> int:
    return min((s.start for s in draft.sentences + draft.headlines), default=0)


def _one_act(first: Draft, later: Draft) -> bool:
    if later.own_account and _claim_of(first, later):
        return True
    if first.kind != later.kind or first.date is None or first.date != later.date or "day" not in {
            first.date_precision, later.date_precision} or first.date_precision != later.date_precision:
        return False
    if (first.count or 1) > 1 or (later.count or 1) > 1 or first.umbrella or later.umbrella:
        return False  # a tally or a heading of several acts is no retelling of one
    if not (first.sentences and later.sentences) or first.background == later.background and not (
            _far(first, later) or _named_then_told(first, later)):
        return False  # acts told close together were already linked or told apart on purpose
    if not _same_side(first.actor, later.actor) or not place_fits(first.place, later.place):
        return False
    if first.target and later.target:  # "an army outpost", "a military outpost"; a lead's "soldiers near X", then
        return _head(first.target) == _head(later.target) or _named_then_told(first, later) and not all(
            any(w[:1].isupper() for w in t.split()) for t in (first.target, later.target))  # "their position"
    vague = first if not first.target else later
    return vague.place is None and vague.category == (later if vague is first else first).category


def _claim_of(first: Draft, claim: Draft) -> bool:
    """The doer's own account of an act already told: the same kind and side, the same day (or none said), at
    the same place (or none said, and nothing told of a different thing struck)."""
    if first.kind != claim.kind or first.umbrella or (first.count or 1) > 1 or (claim.count or 1) > 1:
        return False
    if claim.date is not None and first.date != claim.date or not first.actor or not (
            _same_side(first.actor, claim.actor) or _armed_men_named(first.actor, claim.actor)):
        return False
    if claim.place is not None:
        return first.place is not None and place_fits(first.place, claim.place)
    return not (first.target and claim.target) or _head(first.target) == _head(claim.target)


FAR_TOKENS = 120  # told this far apart, the linker never compared them


def _far(first: Draft, later: Draft) -> bool:
    return min(s.start for s in later.sentences) - max(s.end for s in first.sentences) > FAR_TOKENS


def _named_then_told(first: Draft, later: Draft) -> bool:
    """'condemns the October 11 attack by X on soldiers near Y', then 'militants assaulted their position': an act
    a lead only names with the group that did it, then told in full of the group's men; the linker, finding
    nothing in common, kept them apart."""
    doc = first.sentences[0].doc
    named, told = sorted((first, later), key=lambda d: min(s.start for s in d.sentences))  # (a headline may come first)
    return all(doc[i].pos_ == "NOUN" for i in named.triggers) and any(
        doc[i].pos_ == "VERB" for i in told.triggers) and bool(  # (not one side's two acts)
        named.actor and told.actor and _armed_men_named(told.actor, named.actor))


def _same_side(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    family_a, family_b = actors.actor_family(a), actors.actor_family(b)
    if _armed_men_named(a, b) or _armed_men_named(b, a):
        return True  # "JNIM", then "militants": the group's men
    return family_a == family_b if family_a and family_b else _head(a) == _head(b)


def _armed_men_named(told: str, claimant: str | None) -> bool:
    """'militants fired rockets', then 'Islamic Jihad's armed wing said its fighters had launched the rockets':
    armed men of no named side, then the armed group that claims their act (not a state's forces)."""
    family = actors.actor_family(claimant)
    return actors.actor_family(told) is None and _head(told) in lx.ATTACKER_NOUNS and family is not None and (
        family not in actors.STATES)


def _head(phrase: str) -> str:
    return head_word(phrase).removesuffix("s")  # "outposts" and "an army outpost": one noun


def _fold(first: Draft, later: Draft) -> None:
    first.sentences = sorted(first.sentences + [s for s in later.sentences if s not in first.sentences],
                             key=lambda s: s.start)
    first.headlines += [s for s in later.headlines if s not in first.headlines]
    if not first.actor or later.actor and not later.own_account and _armed_men_named(first.actor, later.actor):
        first.actor = later.actor  # "militants", then "JNIM": the group named (not by its own claim)
    if not first.target or later.target and first.target.split()[0].lower() in OWN_WORDS:
        first.target = later.target  # "their position", then "Beninese soldiers": the thing named
    if first.place is None or (later.place is not None and first.place.kind not in TOWN_KINDS
                               and later.place.kind in TOWN_KINDS):
        first.place, first.place_prep, first.extra_places = later.place, later.place_prep, later.extra_places
    if first.date is None:
        first.date, first.date_precision = later.date, later.date_precision
    first.killed = first.killed if first.killed is not None else later.killed
    first.injured = first.injured if first.injured is not None else later.injured
    first.triggers += later.triggers
    first.acts += later.acts


# "There was no attack on At Tanf on Sunday": the place of a claimed act that did not happen.
NO_ACT_RE = re.compile(r"\b(?i:there (?:was|were|has been|had been) no (?:[a-z-]+ )?(?:attacks?|strikes?|raids?)"
                       r" (?:on|at|against|in) (?:the )?)(?:[a-z-]+ )*?((?:[A-Z][\w'’-]+ ?)+)")


# The next sentence calls the claim untrue: "That claim is false", "The claim was baseless".
CLAIM_FALSE_RE = re.compile(r"\W*(?:that|this|the|such|those|these) (?:claims?|reports?|accounts?|assertions?) "
                            r"(?:is|was|are|were) (?:false|untrue|baseless|unfounded|fabricated|not true)\b", re.I)


def denied_outright(draft: Draft, sents: list[Span]) -> bool:
    """A claim its doer made ('the group said it had struck the garrison at X') that the text says outright did
    not happen ('There was no attack on X', or next: 'That claim is false'): no act, only a claim its source made."""
    if not draft.own_account or not draft.sentences or not draft.triggers:
        return False
    first = next((s for s in draft.sentences if s.start <= draft.triggers[0] < s.end), None)  # where it was claimed
    after = next((s for s in sents if first is not None and s.start == first.end), None)
    if after is not None and CLAIM_FALSE_RE.match(span_text(after)):
        return True  # "..., a spokesman claimed ... That claim is false: no ship was targeted."
    return first is not None and any(m.group(1).strip() in span_text(first) and not s.start <= first.start < s.end
                                     for s in sents for m in NO_ACT_RE.finditer(span_text(s)))
