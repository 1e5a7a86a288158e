"""The last resort for an event's place: a town, site or province its own sentences put the act at.

The locative rules of ``geo.events.context`` tie a place to the clause of one trigger. When the
parse does not link them ("struck rebel positions in the hills above X", "shells crashed into the
central market of X", "soldiers entered X camp, where a man was shot"), an event that no rule placed
takes the town, site or province its sentences name after a locative word, unless the word belongs to a
reporting clause ("a spokesman in X said") or another event of the sentence is placed there.

Used by ``geo.events.extract``; imports ``geo.events`` helpers and ``geo.model`` only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from geo.events import lexicon as lx
from geo.events.actors import actor_family
from geo.events.clauses import a_reason_apart, said_there
from geo.events.context import names_something_else
from geo.events.context_words import PLACE_NOUNS, SITE_NOUNS
from geo.events.draft import Draft, sentence_numbers
from geo.events.parse_repairs import called_object
from geo.events.place_fit import at_sea
from geo.events.place_choice import part_at
from geo.events.placing import TOWN_KINDS, placed_elsewhere
from geo.events.roles import LAUNCH_POINTS_RE, answers_an_earlier_act, the_perpetrators
from geo.model import Toponym
from geo.syntax import dateline_length, span_text

_PLACING_KINDS = TOWN_KINDS | {"admin1", "admin2"}  # "an airstrike which officials said was on X in Y Province"
# Words that put an act at a place when the parse gives no better link.
PLACING_WORDS = (lx.LOCATIVE_WORDS | {"above", "below", "between", "behind", "beside", "past"}) - lx.BLOCKING_PREPS
# Verbs whose object is where the people acting were: "troops entered X", "gunmen stormed X".
ENTRY_VERBS = frozenset({"enter", "storm", "raid", "overrun", "besiege", "surround", "attack", "shell", "bomb"})
# A sea places an act only in a sentence that tells of a ship (not "bombers flying over the Red Sea fired ...").
SHIP_RE = re.compile(rf"\b(?:{'|'.join(sorted(lx.SHIP_NOUNS))}|M/[VT])", re.I)
# Verbs whose object is the water a ship was in: "a tanker transiting the Gulf of Aden", "as it approached the strait".
PASSAGE_VERBS = frozenset({"transit", "approach", "cross", "navigate", "sail"})
# Verbs that tie a place to someone, not to an act: "a spokesman based in X", "a source in X said".
NOT_ACT_VERBS = lx.REPORTING_VERBS | {"base", "locate", "headquarter", "live", "stay", "visit", "meet", "speak",
                                      "call", "name", "bear", "grow", "flee", "displace", "shelter", "travel"}


def place_by_sentence(drafts: Sequence[Draft], located: Sequence[tuple[Toponym, Span]], sents: Sequence[Span]) -> None:
    """Give each unplaced event the most specific town, site or province its sentences put an act at."""
    number = sentence_numbers(sents)
    towns = _towns_by_sentence(located, number, sents)
    claimed = {(number(s.start), d.place.place_key) for d in drafts if d.place is not None for s in d.sentences}
    for draft in drafts:
        if draft.place is not None or not draft.sentences:
            continue
        found = []
        for at in sorted({number(s.start) for s in draft.sentences}):
            for toponym, span in towns.get(at, []):
                if a_reason_apart(span.root, draft.triggers) or placed_elsewhere(span.root) or said_there(
                        span.root, draft.triggers):  # (nor "Survivors, interviewed in X, said": where they spoke)
                    continue  # (nor "were launched from sites near X": where they came from, not where they struck)
                near = None if (at, toponym.place_key) in claimed else placing_word(span)
                if near is not None:
                    found.append((toponym, span, near))
        if found:
            part = part_at(None, found)
            draft.place, draft.place_prep, draft.extra_places = part.place, part.place_prep, list(part.extra_places)


def _towns_by_sentence(located: Sequence[tuple[Toponym, Span]], number: Callable[[int], int],
                       sents: Sequence[Span]) -> dict[int, list[tuple[Toponym, Span]]]:
    """The resolved towns, sites, provinces and seas of the text (no demonyms, no 'Kyiv time', no dateline's
    town), by the sentence they stand in."""
    towns: dict[int, list[tuple[Toponym, Span]]] = defaultdict(list)
    dateline_ends: dict[int, int] = {}  # sentence number -> where its dateline ends ("MOGADISHU, Somalia —")
    for toponym, span in located:
        at = number(span.start)
        if at not in dateline_ends:
            sent = sents[at] if 0 <= at < len(sents) else None
            dateline_ends[at] = sent.start_char + dateline_length(span_text(sent)) if sent is not None else 0
        if toponym.resolved and not toponym.demonym and (toponym.kind in _PLACING_KINDS or at_sea(toponym) and (
                SHIP_RE.search(span_text(span.sent)))) and (
                not names_something_else(span)) and (
                span.start_char >= dateline_ends[at]) and not _where_cared_for(span.root) and not _speaks(span.root):
            towns[number(span.start)].append((toponym, span))
    return towns


def _speaks(token: Token) -> bool:
    """'Ankara denied that any soldiers died', 'Kyiv said': a place that speaks is the government it stands for,
    not where an act of a later sentence was."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in lx.REPORTING_VERBS


# Nouns a sentence uses to point back at a town or site named before: "storm the compound", "the base".
SITE_REFERENCES = (SITE_NOUNS | {"site", "settlement", "post", "outpost", "facility", "town", "city", "village",
                                 "camp", "compound", "garrison"}) - {"ministry", "office", "embassy", "consulate"}
SETTLEMENT_NOUNS = frozenset({"town", "city", "village"})
REFERENCE_REACH = 3  # sentences back to the town or site a reference points at
NAMED_REFERENCE_REACH = 8  # ... or to one named with the same noun ("X camp" ... "the camp")


def place_by_reference(drafts: Sequence[Draft], located: Sequence[tuple[Toponym, Span]], sents: Sequence[Span]) -> None:
    """'Two attackers who tried to storm the compound were shot dead': an unplaced event whose sentence
    points back at a site or town ('the compound', 'the base', 'the town's airport') is at the last town
    or site named in the sentences just before."""
    number = sentence_numbers(sents)
    towns = _towns_by_sentence(located, number, sents)
    for draft in drafts:
        if draft.place is not None or not draft.sentences:
            continue
        if (draft.target or "").lower() == "the country" and (country := _the_country(draft, located)):
            draft.place, draft.place_prep, draft.target = country, "in", country.name  # "launched drones at the
            continue  # country", said Ukraine's air force: at Ukraine
        for sentence in sorted(draft.sentences, key=lambda s: s.start):
            nouns = {token.lemma_.lower() for token in sentence if _points_back(token)}
            if not nouns:
                continue
            at = number(sentence.start)
            named = [t for i in range(at - NAMED_REFERENCE_REACH, at + 1) for t, span in towns.get(i, [])
                     if span.end <= sentence.start and _named_with(span) & nouns]  # "X camp" ... "the camp"
            earlier = [t for i in range(at - REFERENCE_REACH, at + 1) for t, span in towns.get(i, [])
                       if span.end <= sentence.start]
            # "the town": the last town named, not the province after it; "the post": the town or site it is near
            local = {"city", "other"} if nouns & SETTLEMENT_NOUNS else TOWN_KINDS
            earlier = [t for t in earlier if t.kind in local] or earlier
            if named or earlier:
                draft.place, draft.place_prep = (named or earlier)[-1], "in"
                if (draft.target or "").lower() in {f"the {noun}" for noun in SETTLEMENT_NOUNS}:
                    draft.target = draft.place.text  # "stormed the town": stormed Sake
                break


def _the_country(draft: Draft, located: Sequence[tuple[Toponym, Span]]) -> Toponym | None:
    """The country 'the country' of the draft's sentence is: the one it named first that is not the doer's."""
    doer = actor_family(draft.actor)
    return next((t for t, span in located if t.kind == "country" and actor_family(span.text) != doer and any(
        s.start <= span.start < s.end for s in draft.sentences)), None)


def _named_with(span: Span) -> set[str]:
    """The site nouns a place's name is told with: 'X camp', 'the camp of X', 'X, a camp'."""
    doc = span.doc
    words = {doc[span.end].lemma_.lower()} if span.end < len(doc) else set()
    words |= {t.lemma_.lower() for t in span} | {span.root.head.lemma_.lower()}
    after = doc[span.end:span.end + 5]
    if len(after) > 2 and after[0].text == "," and after[1].lower_ in {"a", "an"}:  # "X, a lakeside town"
        words |= {t.lemma_.lower() for t in after[2:]}
    return words & SITE_REFERENCES


def _points_back(token: Token) -> bool:
    """'the compound', 'the town's airport'; not 'the town of X' nor a name's own word ('the X camp')."""
    if token.lemma_.lower() not in SITE_REFERENCES or token.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    return not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


REPELLED_WITHIN = 2  # sentences: the assault a defence answers is told just before it


COUNTER_ACTS = frozenset({"counterattack", "counter-attack", "counteroffensive", "counter-offensive"})


def place_repulses(drafts: Sequence[Draft], sents: Sequence[Span]) -> None:
    """'Militants stormed an army camp near X. ... the assault was repulsed': an assault is repelled
    where and when it was made, so an unplaced (undated) defence (a counter-attack, a strike on 'the
    attackers') takes the place (the day) of the attack told just before it."""
    number = sentence_numbers(sents)
    position = {id(d): i for i, d in enumerate(drafts)}
    attacks: dict[int, list[Draft]] = defaultdict(list)  # the attacks told in each sentence
    for draft in drafts:
        if draft.kind == "attack":
            for at in sorted({number(s.start) for s in draft.sentences}):
                attacks[at].append(draft)
    for draft in drafts:
        if (draft.place is not None and draft.date is not None) or not draft.sentences or not (
                "defence" in draft.families or the_perpetrators(draft.target) or COUNTER_ACTS & set(draft.acts)):
            # (or "killed three of the attackers", or "troops counter-attacked")
            continue
        first = min(number(s.start) for s in draft.sentences)
        own = sents[first]  # an attack its own sentence names as what it answers was before: "killed three men
        reach = first if answers_an_earlier_act(own) else first + 1  # it held responsible for the bombing in X"
        told = {id(d): d for i in range(first - REPELLED_WITHIN, reach) for d in attacks.get(i, []) if d is not draft}
        before = sorted(told.values(), key=lambda d: position[id(d)])  # in the drafts' order, as told
        if before and before[-1].place is not None and draft.place is None and not (
                LAUNCH_POINTS_RE.fullmatch((draft.target or "").lower())):  # the assault it repelled, unplaced: no
            draft.place, draft.place_prep = before[-1].place, before[-1].place_prep  # other's place (not the spot a
            # barrage hit when the answer struck where it was fired from: "shelled the launch area")
        if before and before[-1].date is not None and draft.date is None and not draft.whens:
            draft.date, draft.date_precision = before[-1].date, before[-1].date_precision


def placing_word(span: Span) -> bool | None:
    """None when no locative word ties the name to an act; else whether the word means 'near'."""
    token = span.root
    while token.dep_ in {"appos", "conj", "compound"} and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in lx.CONFLICT_NAME_NOUNS:
            return None  # "support for Palestinians in the Gaza war": the war's name, not where an act was
    near, first = False, token
    for _ in range(4):  # "the central market of X", "the outskirts of X", "a camp east of X"
        if token.dep_ == "dobj" and token.head.lemma_.lower() in ENTRY_VERBS | PASSAGE_VERBS:
            return None if _reported_place(token.head) else near
        if token.dep_ != "pobj" and near and token.dep_ in {"appos", "advmod", "npadvmod"} and (
                token.head.pos_ in {"NOUN", "PROPN"}):
            return None if _reported_place(token) else True  # "a carrier, 70 miles west of X": off X
        if token.dep_ != "pobj":
            return _word_before(span, token) if token.i == first.i else None
        prep = token.head
        word = prep.lower_
        if word == "of" and (prep.head.lower_ in PLACE_NOUNS | SITE_NOUNS | lx.NEAR_WORDS):
            near = near or prep.head.lower_ in lx.NEAR_WORDS
            token = prep.head
            continue
        if word not in PLACING_WORDS:
            return _word_before(span, token) if token.i == first.i else None
        return None if _reported_place(prep) else (near or word in lx.NEAR_WORDS)
    return None


# Words that may stand between a locative word and the name it governs: "near occupied X", "in the besieged X".
BETWEEN_TAGS = frozenset({"JJ", "VBN", "DT"})


def _word_before(span: Span, token: Token) -> bool | None:
    """What the parse missed where it hangs the name itself ("near occupied X" read as the object of 'occupied',
    "east of As Sukhnah" with 'As' for a preposition): a locative word right before the name, past at most two
    adjectives, in a clause that acts."""
    doc, at = span.doc, span.start - 1
    while at > span.sent.start and span.start - at <= 2 and doc[at].tag_ in BETWEEN_TAGS:
        at -= 1
    if at < span.sent.start or _reported_place(token):
        return None
    word = doc[at].lower_
    if word == "of" and at > span.sent.start and doc[at - 1].lower_ in lx.NEAR_WORDS:
        return True  # "the road east of X"
    return word in lx.NEAR_WORDS if word in PLACING_WORDS - {"of"} else None


def _reported_place(token: Token) -> bool:
    """Whether the clause the word belongs to reports, houses or names rather than acts; a free relative that
    names the act's object ('hit what the army described as a depot in X') is the act's clause."""
    for head in token.ancestors:
        if head.pos_ in {"VERB", "AUX"} and not (head.dep_ == "ccomp" and called_object(head.head)):
            return head.lemma_.lower() in NOT_ACT_VERBS
    return False


def _where_cared_for(token: Token) -> bool:
    """'taken to a hospital in X', 'treated in X': where the wounded were taken or treated (not 'took place in X')."""
    head = next((h for h in token.ancestors if h.pos_ in {"VERB", "AUX"}), None)
    return head is not None and head.lemma_.lower() in CARE_VERBS and not (
        head.lemma_.lower() == "take" and any(o.lower_ == "place" for o in head.children))


# Verbs that tell where the wounded were taken or treated ("rushed to a hospital in X"; not "took place in X").
CARE_VERBS = frozenset({"take", "rush", "evacuate", "transfer", "transport", "airlift", "admit", "treat",
                        "hospitalize", "hospitalise", "bring", "fly"})


__all__ = ["place_by_reference", "place_by_sentence", "place_repulses", "placing_word"]
