"""What an act's own clause brings in with 'a' ("a raid on a village") and a later line names with 'the'
("stormed the village of X"): a lead that tells an act vaguely, then the lines that tell it in full (also by its
sides and day: "X fighters attacked Y forces on May 13", then "X fighters assaulted a Y post"); and one of
the munitions an act was told with ("dropped two bombs ... One bomb struck a classroom"); an act told only in
passing ("the deadliest since the 2017 bombings"); the blasts a witness heard ("'We heard three explosions,' a
trader said"), no count of acts. Used by ``geo.events.linking`` and ``geo.events.extract``;
imports the events wing's lexicon, actors, drafts, mentions and roles."""

from __future__ import annotations

import re

from spacy.tokens import Token

from geo.events import actors, lexicon as lx
from geo.events.draft import Draft
from geo.events.kinds import ORDINAL_WORDS
from geo.events.mentions import Mention
from geo.events.roles import the_perpetrators

INDEFINITE = frozenset({"a", "an"})
ORDINALS = ORDINAL_WORDS - {"first"}  # "the second exploded": one of those counted before
VAGUE_KINDS = frozenset({"country", "admin1", "region"})  # a lead's "in western Niger": no town yet
APART_WORDS = frozenset({"separate", "distinct"})  # "a separate attack": apart from the lead's other act


def named_again(draft: Draft, target: str | None) -> bool:
    """Whether ``target`` ('the village of X', 'the convoy') names with 'the' a thing the draft's own clause
    brought in with 'a': the same thing, so the same act, while the draft has no town. An act told in one
    sentence only (a lead) may be told again with 'a' ('an army convoy', then 'ambushed a convoy near X')."""
    if not target or not draft.sentences or (draft.place is not None and draft.place.kind not in VAGUE_KINDS):
        return False
    again = target.lower().startswith("the ") or (  # "a raid on a village in X" and "raided a village near Y": a lead
        target.lower().startswith(("a ", "an ")) and len(draft.sentences) == 1)  # told once, then in full
    if not again:
        return False
    words = target.lower()
    noun = words.split(" of ")[0].split()[-1]
    doc = draft.sentences[0].doc
    own = {doc[i] for i in draft.triggers if i < len(doc)}
    return any(token.lower_ == noun and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)
               and _described_alike(token, words) and _in_the_clause_of(token, own)
               for sent in draft.sentences for token in sent)


def _described_alike(token: Token, target: str) -> bool:
    """'a village', 'a remote village': described by no word the target lacks ('an Ossetian-controlled village'
    is not 'the Georgian-controlled village of X')."""
    return all(w.lower_ in target or w.lower_ in APART_WORDS for c in token.children
               if c.dep_ in {"amod", "compound", "nmod"} for w in c.subtree if w.is_alpha)


def _in_the_clause_of(token: Token, triggers: set[Token]) -> bool:
    """Whether the token hangs from one of the triggers without passing a verb with a subject of its own
    ('killed 26 people in a raid on a village', not '..., while soldiers beat back an attack on a convoy')."""
    for head in token.ancestors:
        if head in triggers:
            return True
        if head.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            return False
    return False


FULL_WITHIN = 2  # sentences: "The attackers stormed the village on Sunday" tells the act just told


LEAD_REACH = 5  # sentences: a press release's lead, then its byline, then the act told in full


def told_in_full(draft: Draft, mention: Mention, gap: int) -> bool:
    """'X fighters attacked Y forces near A on May 13' (a lead), then 'on May 13, an estimated 40 X fighters
    assaulted a Y position east of A': the same side acting on the same other side on the same day (undated: told
    within a few sentences, on 'the attacking fighters'), placed alike below a country (or not at all, when the
    act is on those who attacked)."""
    part = mention.parts[0]
    family = actors.actor_family(mention.actor)
    struck = {actors.actor_family(part.target), actors.actor_family(draft.target)}
    perpetrators = any(the_perpetrators(t) for t in (part.target, draft.target))
    same_day = mention.date == draft.date and (draft.date is not None or gap <= LEAD_REACH)
    return same_day and family is not None and family == actors.actor_family(draft.actor) and len(
        struck - {None}) == 1 and (perpetrators or None not in {*struck, draft.place, part.place}) and not any(
        p is not None and p.kind == "country" for p in (draft.place, part.place))


def its_day_told(draft: Draft, mention: Mention, gap: int) -> bool:
    """'Gunmen have killed 14 people in X.' then 'The attackers stormed the village at 11pm on Sunday': the
    act just told, undated, now told with its day by 'the attackers' (no place, count or new-event word)."""
    head = (mention.actor or "").lower().split()[-1:]
    return (draft.date is None and mention.date is not None and gap <= FULL_WITHIN and not mention.new_event
            and mention.count is None and not any(p.place for p in mention.parts) and bool(head)
            and head[0].removesuffix("s") in lx.ATTACKER_NOUNS | {"gunmen"} and any(
                t.lower_ == head[0] and any(c.dep_ == "det" and c.lower_ in {"the", "these"} for c in t.children)
                for t in mention.sentence))


def one_of_its_munitions(recent: list[Draft], mention: Mention) -> Draft | None:
    """'A jet dropped two bombs on the school. One bomb struck a classroom, and the second landed beside the
    playground'; 'two drones headed for the post ... jets shot down one of them, while the second exploded': what
    one of the munitions counted in an act told just before did is that act."""
    subjects = [c for c in mention.trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
    weapon = next((s.lemma_.lower() for s in subjects if s.lemma_.lower() in lx.WEAPON_WORDS and any(
        n.dep_ == "nummod" and n.lower_ == "one" for n in s.children)), None)
    ordinal = any(s.lower_ in ORDINALS and any(d.lower_ == "the" for d in s.children) for s in subjects)
    if weapon is None and not ordinal:
        return None
    plural = rf"{weapon}s" if weapon else rf"(?:{'|'.join(sorted(lx.WEAPON_WORDS))})s"
    counted = re.compile(rf"\b(?:\d+|{'|'.join(lx.NUMBER_WORDS)})\s+(?:[\w-]+\s+)?{plural}\b", re.I)
    start = mention.trigger.sent.start
    for draft in sorted(recent, key=lambda d: d.last_seen, reverse=True):
        told = [s for s in draft.sentences if s.start <= start]
        if draft.kind != "response" and told and start - max(s.end for s in told) <= 1 and any(
                counted.search(s.text) for s in told):
            return draft
    return None


def comparison_point(trigger: Token) -> bool:
    """'the deadliest attack since the 2017 bombings': an act told only to compare with; 'airstrikes with
    heavy casualties, including an attack in X in January': an example of others, told in passing."""
    if trigger.pos_ != "VERB" and trigger.dep_ == "pobj" and trigger.head.lower_ in {"including", "like"}:
        return True
    return any(a.lower_ == "since" and a.dep_ == "prep" for a in trigger.ancestors if a.sent == trigger.sent)


OPENING_QUOTES = frozenset({"“", "‘"})
CLOSING_QUOTES = frozenset({"”", "’"})


def quoted(token: Token) -> bool:
    """Whether a token stands inside a quotation its sentence opens ('"We heard ...," a trader said')."""
    depth = 0
    for before in token.sent[:token.i - token.sent.start]:
        if before.text == '"':
            depth = 1 - depth
        elif before.text in OPENING_QUOTES or before.text in CLOSING_QUOTES:
            depth = int(before.text in OPENING_QUOTES)
    return depth == 1


def heard_by_a_witness(mention: Mention) -> bool:
    """'"We heard the hum, then three explosions," a trader said', '"There was one enormous blast," a resident
    said': blasts in a witness's words, with no doer, target or place, are what the witness lived of the act being
    told; their number counts no acts."""
    return mention.family == "blast" and mention.actor is None and quoted(mention.trigger) and not any(
        p.place or p.target for p in mention.parts)
