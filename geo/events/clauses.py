"""Which event mention of a sentence a word belongs to: the first trigger (or the verb that
governs a noun trigger) above it in the dependency tree, never past a reporting verb or into
a relative clause about something else."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from geo.events import lexicon as lx
from geo.events.mentions import Mention, anchor_of, governor_of
from geo.events.parse_repairs import detached_target
from geo.syntax import ancestors_within


def ancestors_list(token: Token, sent: Span) -> list[Token]:
    return list(ancestors_within(token, sent))


def owner_of(token: Token, sent: Span, mentions: list[Mention]) -> Mention | None:
    """The mention whose clause holds ``token``: first trigger or governing verb above it."""
    direct: dict[int, Mention] = {}
    governed: dict[int, Mention] = {}
    for mention in mentions:
        anchor = anchor_of(mention.trigger)
        direct[mention.trigger.i] = mention
        direct[anchor.i] = mention
        governor = governor_of(anchor)
        if governor is not None:
            governed.setdefault(governor.i, mention)
        for target in detached_target(mention.trigger):  # "the attack by X, the Y affiliate, on a base near Z"
            direct.setdefault(target.i, mention)
    for head in [token, *ancestors_list(token, sent)]:
        if head.i in direct:
            return direct[head.i]
        if head.pos_ == "VERB" and head.i not in governed and (told := _told_in_a_clause(head, direct)):
            return told  # "Eleven killed as Israeli jets hit Jabalia; rockets fired at X": the toll of the hit
        if head.pos_ == "VERB" and (agent := _agent_mention(head, mentions)):
            return agent  # "a barrage on X, followed on Tuesday by air strikes": the day of the strikes
        if head.pos_ == "VERB" and (means := next((direct[c.i] for p in head.children if p.dep_ == "prep" and (
                p.lower_ == "by") for c in p.children if c.dep_ == "pcomp" and c.i in direct), None)):
            return means  # "rebels answered on Tuesday by attacking army posts": the day of the attack
        if head.i in governed:
            # "Ban on Friday condemned the attack": the day of the condemnation, not of the attack
            return None if head.lemma_.lower() in lx.REACTION_VERBS else governed[head.i]
        if head.lemma_.lower() in lx.REPORTING_VERBS and head.pos_ == "VERB":
            # "the attack claimed by ISIS in Kerman": a claim hung on the act tells where the act was
            return direct.get(head.head.i) if head.dep_ == "acl" else None
        if head.dep_ == "acl" and head.pos_ == "VERB" and head.lemma_.lower() in lx.PUBLISHING_VERBS:
            return None  # "claimed the ambush in a message released on Sunday": the message's day
        if head.pos_ == "VERB" and head is not token and (subject := _subject_mention(head, mentions)):
            return subject  # "Russian shelling(acl of 'Russian') killed two in X": misparsed, the act is the subject
        if head.dep_ == "relcl" and head.head.i not in direct:
            return None  # "the war, which began in March 2003": the date of the war, not of the event
    return None


CLAUSE_LINKS = frozenset({"as", "when", "after"})


def _told_in_a_clause(verb: Token, direct: dict[int, Mention]) -> Mention | None:
    """The act of a clause of time that tells how what the verb says came about ('killed as jets hit X')."""
    return next((direct[c.i] for c in verb.children if c.dep_ == "advcl" and c.i in direct and any(
        m.dep_ == "mark" and m.lower_ in CLAUSE_LINKS for m in c.children)), None)


def _subject_mention(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The mention whose trigger heads the verb's subject or modifies its head with no other verb between."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}):
        for mention in mentions:
            trigger = mention.trigger
            if trigger.i == subject.i or (trigger.head.i == subject.i and trigger.dep_ in {"acl", "amod", "compound"}):
                return mention
    return None


def _agent_mention(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The mention told as the doer of a passive verb ('followed by air strikes', 'answered by shelling')."""
    doers = {obj.i for agent in verb.children if agent.dep_ == "agent" for obj in agent.children if obj.dep_ == "pobj"}
    return next((m for m in mentions if m.trigger.i in doers), None)


def nearest_before(token: Token, mentions: list[Mention]) -> Mention:
    before = [m for m in mentions if m.trigger.i <= token.i]
    return before[-1] if before else mentions[0]


def a_reason_apart(token: Token, triggers: Sequence[int]) -> bool:
    """'struck a depot because its owner sold parts to plants in X': a word of the reason an act is told with."""
    reason = next((a for a in token.ancestors if a.dep_ == "advcl" and any(c.lower_ == "because" for c in a.children)),
                  None)
    return reason is not None and not any(reason.left_edge.i <= i <= reason.right_edge.i for i in triggers)


TIME_OPENERS = frozenset({"after", "since", "following"})  # (not "before police shot the attacker": its ending)


def _a_time_clause(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_OPENERS for c in verb.children)


def another_doers_time(main_triggers: Sequence[int], main_actor: str | None, mention: Mention) -> bool:
    """'U.S. forces struck a depot, hours after militia fighters targeted a base': the clause that tells the time of
    an act by naming another doer's act tells that other act, not more of the first."""
    verb = mention.trigger
    if not _a_time_clause(verb) or verb.head.i not in main_triggers or not main_actor or not mention.actor:
        return False
    return main_actor.lower().split()[-1] != mention.actor.lower().split()[-1]


# Where someone spoke (not what they said: "the strike, which the command said was against fighters in X").
SPEAKING_VERBS = frozenset({"interview", "speak", "talk", "reach", "contact", "brief"})


def where_said(verb: Token) -> bool:
    """'Survivors, interviewed by a radio station in X, said ...': a clause on where someone spoke, whose places are
    not where the acts told happened."""
    return verb.dep_ in {"acl", "relcl", "advcl"} and verb.lemma_.lower() in SPEAKING_VERBS


def said_there(token: Token, triggers: Sequence[int]) -> bool:
    """Whether a word lies in a clause on where someone spoke that tells none of the act's words."""
    clause = next((a for a in token.ancestors if where_said(a)), None)
    return clause is not None and not any(clause.left_edge.i <= i <= clause.right_edge.i for i in triggers)


# What bodies are called, so that a place in their name is named for them ("the UN Mission in the DRC").
BODY_NAME_HEADS = frozenset({"mission", "office", "embassy", "command", "committee", "council", "coordinator", "envoy",
                             "delegation", "commission", "representative", "operation", "force", "agency"})


def in_a_bodys_name(span: Span) -> bool:
    """'the United Nations Organization Stabilization Mission in the Democratic Republic of the Congo': a place in
    the name of a body that speaks or acts there is not where an act of the sentence happened."""
    prep = span.root.head
    body = prep.head
    return span.root.dep_ == "pobj" and prep.lower_ in {"in", "for", "to", "on"} and body.pos_ == "PROPN" and (
        body.lemma_.lower() in BODY_NAME_HEADS) and body.ent_type_ == "ORG"


# Verbs whose object is a government told or asked something: "urged Kyiv to", "accused Ankara of".
ADDRESSING_VERBS = frozenset({"urge", "accuse", "ask", "warn", "press", "blame", "summon", "implore"})


def addressed(token: Token) -> bool:
    """'calling on Ankara to withdraw', 'urged Kyiv to stop', 'accused Kigali of': a place spoken to is the
    government it stands for, not where an act of the sentence happened."""
    head = token.head
    return (token.dep_ == "dobj" and head.lemma_.lower() in ADDRESSING_VERBS) or (
        token.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() == "call")
