"""Repairs of the small parser's commonest slips that the trigger, actor and target rules depend on. Used by
``geo.events.triggers``, ``geo.events.actor_phrases``, ``geo.events.mentions``, ``geo.events.casualties`` and
``geo.events.roles``; imports spaCy types, the events wing's lexicon and ``geo.syntax``."""

from __future__ import annotations

from spacy.tokens import Token

from geo.events.lexicon import parse_number
from geo.syntax import dateline_length

# Words that open a clause of time but that the parser may read as a preposition taking the clause's subject
# ("hours after rockets were fired at X": "rockets" the object of "after", "were fired" left without a subject).
CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "as", "when", "while"})
_DAY_TYPES = frozenset({"DATE", "TIME"})  # the entity types of a time


def passive_subjects(verb: Token) -> list[Token]:
    """The subject of a passive verb, also when the parser left it none and hung it on the word opening the
    clause ("hours after rockets and a drone were fired at X": rockets, a drone)."""
    found = [c for c in verb.children if c.dep_ == "nsubjpass"]
    auxiliary = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if found or auxiliary is None or auxiliary.i <= verb.sent.start:
        return found
    before = verb.doc[auxiliary.i - 1]  # the last word of the subject, right before "were"
    head = before.head if before.dep_ == "conj" else before
    if head.pos_ not in {"NOUN", "PROPN"} or head.dep_ != "pobj" or head.head.lower_ not in CLAUSE_OPENERS:
        return []
    return [head, *head.conjuncts]


def what_it_was_called(head: Token) -> Token:
    """The thing a free relative names by what someone called it: 'hit what the army described as a weapons depot'
    -> depot; any other word is itself."""
    if head.tag_ != "WP" or head.lower_ != "what":
        return head
    verb = head.head
    return next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                 if o.dep_ == "pobj"), head)


def called_object(verb: Token) -> list[Token]:
    """The object of a verb the parser hung inside a free relative it read as a clause of its own ('hit what the
    army described as a depot': 'what' the object of 'described'): the depot."""
    return [what_it_was_called(w) for c in verb.children if c.dep_ == "ccomp" for w in c.children
            if w.dep_ == "dobj" and w.lower_ == "what"][:1] if verb.pos_ == "VERB" else []


def fronted_subject(verb: Token) -> list[Token]:
    """'At the direction of the President, U.S. forces tonight conducted strikes', parsed with the forces in
    apposition to the President: the noun phrase right before the verb (past 'tonight'), after a comma; 'Late
    Wednesday, U.S. aircraft hit X', parsed with the aircraft joined to the day."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return []
    dated = [c for t in verb.children if t.dep_ == "npadvmod" and t.ent_type_ in _DAY_TYPES for c in t.conjuncts
             if c.pos_ in {"NOUN", "PROPN"} and c.ent_type_ not in _DAY_TYPES and c.i < verb.i]
    if dated:
        return dated[:1]  # "Late Wednesday, U.S. aircraft and ships hit X": the craft parsed as a second day
    i = verb.i - 1
    times = {t.i for c in verb.children if c.dep_ in {"npadvmod", "advmod"} for t in c.subtree}  # "early this morning"
    while i > verb.sent.start and i in times:
        i -= 1
    noun = verb.doc[i]
    if noun.dep_ != "appos" or noun.pos_ not in {"NOUN", "PROPN"} or not any(
            t.text == "," for t in verb.doc[noun.head.i:noun.left_edge.i]):
        return []
    return [noun]


def past_a_day(subjects: list[Token]) -> list[Token]:
    """'Late Wednesday, U.S. aircraft and ships hit X', parsed with the day as the subject and the aircraft joined
    to it: the first noun joined to such a day stands for it."""
    found: list[Token] = []
    for subject in subjects:
        joined = [c for c in subject.conjuncts if c.pos_ in {"NOUN", "PROPN"} and c.ent_type_ not in _DAY_TYPES]
        found.append(joined[0] if joined and subject.ent_type_ in _DAY_TYPES else subject)
    return found


def participle_subject(subject: Token) -> Token:
    """'artillery positioned in X was shelling Y', parsed with 'positioned' as the subject and 'artillery' as its
    own: the noun the participle describes; any other subject is itself."""
    if subject.tag_ not in {"VBN", "VBG"}:
        return subject
    return next((c for c in subject.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), subject)


def hung_on_the_verb(noun: Token, verb: Token, *preps: str) -> list[Token]:
    """'repelled two counterattacks by assault groups', 'described it as payback for the ambush': the objects
    of a preposition the parser hung on ``verb`` though it comes right after ``noun`` and is the noun's."""
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ in preps and p.i == noun.right_edge.i + 1
            for o in p.children if o.dep_ == "pobj"]


APPOSITION_REACH = 12  # words of a doer's apposition the parser may carry a target phrase off with


def detached_target(noun: Token) -> list[Token]:
    """'the attack by X, the Y affiliate, on a base': the parser hangs 'on a base' on the apposition or on the
    verb, not on the act named; the object of an 'on'/'against' right after the comma that closes the doer's
    apposition."""
    if noun.pos_ != "NOUN" or not any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in noun.children):
        return []
    doc, i = noun.doc, noun.right_edge.i + (noun.right_edge.text != ",")  # (the comma itself hung on the act)
    if i >= len(doc) or doc[i].text != ",":
        return []
    stretch = next((j for j in range(i + 1, min(i + APPOSITION_REACH + 2, noun.sent.end - 1)) if doc[j].text == ","),
                   None)  # the apposition's closing comma, when the parser left it out of the act's phrase
    prep = doc[i + 1] if stretch is None or doc[i + 1].lower_ in {"on", "against"} else doc[stretch + 1]
    carried = {noun.head.i} | set(range(i + 1, stretch or i + 1))
    if prep.lower_ not in {"on", "against"} or prep.dep_ != "prep" or prep.head.i not in carried or any(
            doc[j].pos_ in {"VERB", "AUX"} for j in range(i + 1, prep.i)):
        return []
    return [c for c in prep.children if c.dep_ == "pobj"][:1]


def number_of(token: Token) -> int | None:
    """The number a numeral token says, read whole where the tokenizer cut it at its hyphen ('twenty-one':
    'twenty' '-' 'one', the parse hanging 'twenty' on 'one'); None when it says none."""
    first = min((c.i for c in token.children if c.dep_ == "compound" and c.i < token.i and c.like_num), default=None)
    if first is not None and (whole := parse_number(token.doc[first:token.i + 1].text)) is not None:
        return whole
    return parse_number(token.text)


def second_side(first: Token) -> Token | None:
    """'between the army and the RSF': the RSF, also where the parse lost the conjunct ('and the SDF'
    taken for a subject): the noun phrase right after the 'and' the first side holds."""
    if first.conjuncts:
        return first.conjuncts[0]
    cc = next((c for c in first.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    if cc is None or cc.i + 1 >= len(cc.doc):
        return None
    return next((chunk.root for chunk in cc.doc[cc.i + 1:cc.sent.end].noun_chunks if chunk.start <= cc.i + 2), None)


def past_the_dateline(heads: list[Token], trigger: Token) -> list[Token]:
    """'CAMP X, Town, Province – An encampment of the group ... was struck': a dateline the parse took
    into the clause is never the target; the first noun after it that hangs on it is."""
    sent = trigger.sent
    end = sent.start_char + dateline_length(sent.text)
    if end == sent.start_char:
        return heads
    kept = []
    for head in heads:
        if head.idx >= end:
            kept.append(head)
            continue
        after = [t for t in head.subtree if t.idx >= end and t.head.idx < end and t.pos_ in {"NOUN", "PROPN"}]
        kept.extend(after[:1])
    return kept
