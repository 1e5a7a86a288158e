"""How a person who speaks is named: a whole name the tagger cut in two, a name in apposition to a title
('the aid coordinator, Jane Roe-Smith,'), after a lower-case title or capitalised ranks ('army spokesman Capt.
Jane Roe'), the name a speaker gave of themselves ('a resident who gave only his first name, Andriy'), and
whether an untagged line reads as a name. Used by ``geo.events.source_naming``, ``sources``, ``attribution``
and ``frame``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from geo.events import actors
from geo.events import lexicon as lx
from geo.syntax import ARABIC_ARTICLES


# Capitalised ranks and titles that open a person's name.
RANK_WORDS = frozenset({"lieutenant", "lt", "colonel", "col", "major", "maj", "general", "gen", "brigadier",
                        "captain", "capt", "commander", "cmdr", "admiral", "adm", "sergeant", "sgt", "corporal",
                        "mayor", "governor", "gov", "minister", "senator", "sen", "dr", "president"})


# Words that end the name of a body a rank word may open ("the General Staff", "Central Command").
INSTITUTION_WORDS = frozenset({"staff", "command", "headquarters", "council", "assembly", "secretariat", "directorate",
                               "office", "ministry", "court", "commission", "committee", "administration", "service"})



HONORIFICS = frozenset({"rev", "reverend", "mr", "mrs", "ms", "dr", "sheikh", "imam", "father", "bishop", "pastor",
                        "sir", "dame", "lord", "prof", "professor"})



# Lower-case words inside a person's name ("Salem al-Hamdani", "Ahmed bin Ali"): the Arabic articles place names
# share, and the particles of personal names.
NAME_PARTICLES = ARABIC_ARTICLES | {"bin", "ibn", "bint", "de", "del", "da", "van", "von", "der", "ul", "ud"}


def person_span(tokens: Sequence[Token]) -> Span | None:
    """The whole name of the first person among ``tokens``; a name the tagger cut in two ('Oleksandr'
    'Prokudin', each tagged PERSON on its own) is one when its parts compound into each other."""
    for token in tokens:
        if token.ent_type_ == "PERSON" and not names_a_state(token.text):  # "Mali and Niger said", tagged people
            doc, start, end = token.doc, token.i, token.i + 1
            while start > 0 and (doc[start].ent_iob_ == "I" or _name_part(doc[start - 1], start)
                                 or _untagged_first_name(doc[start - 1], start)):
                start -= 1
            while end < len(doc) and (doc[end].ent_iob_ == "I" or _name_part(doc[end - 1], end)):
                end += 1
            titles = [i for i in range(start, end - 1) if _is_title(doc[i])]
            if all(_is_title(t) or t.is_punct for t in doc[start:end]):
                continue  # "Maj." of "Maj. Gen. Pat Ryder", tagged a person on its own: a rank
            if titles:  # "Kherson Governor Oleksandr Prokudin" tagged one person: the name after the title
                start = titles[-1] + 1
            elif any(_is_title(t) for t in doc[end:end + 3]) and any(
                    t.i > end and t.ent_type_ == "PERSON" for t in (*tokens, *doc[end:end + 4])):
                continue  # "Krasnodar Krai" of "Krasnodar Krai (Police) Governor Jane Roe", tagged a person: a place
                # (also where the parser hung the name elsewhere: "According to X police spokesman Jane Roe")
            return doc[start:end]
    return None



def names_a_state(name: str) -> bool:
    return actors.named_exactly(name) in actors.STATES



def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in RANK_WORDS | lx.OFFICIAL_TITLES



def _name_part(token: Token, nxt: int) -> bool:
    """Whether ``token`` is a PERSON-tagged proper noun compounded into the name going on at ``nxt``."""
    follower = token.doc[nxt] if nxt < len(token.doc) else None
    return (follower is not None and token.ent_type_ == "PERSON" and follower.ent_type_ == "PERSON"
            and token.pos_ == "PROPN" and follower.pos_ == "PROPN" and token.dep_ == "compound"
            and token.head.i >= nxt)



def _untagged_first_name(token: Token, nxt: int) -> bool:
    """'Jamal' of 'Jamal Abu Srour' when the tagger took only 'Abu Srour' for the person: a capitalised proper
    noun compounded into the name, no entity of its own, no rank or title."""
    return (token.pos_ == "PROPN" and token.ent_type_ in {"", "NORP"} and token.is_title and token.dep_ == "compound"
            and token.head.i >= nxt and token.lower_.rstrip(".") not in RANK_WORDS | lx.OFFICIAL_TITLES | HONORIFICS)



def appositive_name(title: Token) -> Span | None:
    """'The aid coordinator, Jane Roe-Smith,', 'the UN coordinator for Chad, Jane Roe-Smith,': a run of two
    to four capitalised proper nouns in apposition to a person's title (or to the place the title is
    for) is that person's name, whatever entity the tagger gave it."""
    heads = [title] + [o for p in title.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for child in (c for h in heads for c in h.children):
        tokens = [t for t in child.subtree if not t.is_punct or t.text == "-"]
        words = [t for t in tokens if t.text != "-"]
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.ent_type_ in {"GPE", "LOC", "FAC"} or (
                child.ent_type_ == "NORP" and len(words) < 2):  # "Jane Roe" tagged a nationality is still a name
            continue
        if 2 <= len(words) <= 4 and all(t.pos_ == "PROPN" and (t.text[:1].isupper() or (
                t.lower_ in NAME_PARTICLES and 0 < i < len(words) - 1)) for i, t in enumerate(words)):
            return child.doc[tokens[0].i:tokens[-1].i + 1]
        if (name := _name_after_a_rank(tokens) or _name_after_ranks(words)) is not None:
            return name  # "Superintendent of Police Ibrahim Garba", "Lt Col Jane Amina Roe"
    return None


def _name_after_ranks(words: list[Token]) -> Span | None:
    """'Lt Col Jane Amina Roe' untagged: capitalised ranks, then two to four capitalised proper nouns."""
    start = 0
    while start < len(words) and words[start].lower_.rstrip(".") in RANK_WORDS:
        start += 1
    name = words[start:]
    if start == 0 or not 2 <= len(name) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        return None
    return name[0].doc[name[0].i:name[-1].i + 1]


def _name_after_a_rank(tokens: list[Token]) -> Span | None:
    """'Superintendent of Police Ibrahim Garba': a rank of several words, then the name of two to four words the
    tagger took for a person's, ending the apposition."""
    last = tokens[-1]
    if last.ent_type_ != "PERSON":
        return None
    start = last.i
    while start > tokens[0].i and last.doc[start].ent_iob_ == "I":
        start -= 1
    return last.doc[start:last.i + 1] if start > tokens[0].i and 2 <= last.i - start + 1 <= 4 else None



NAME_GIVING_VERBS = frozenset({"give", "identify", "ask", "agree", "want", "go", "use", "provide"})
_BEFORE_GIVEN_NAME = frozenset({"only", "simply", "as", "by", ",", "his", "her", "their", "first", "name"})


def given_name(head: Token) -> Span | None:
    """'a port employee who gave only his first name, Andriy', 'the resident, a farmer who gave his name only
    as Ko Thura', 'who asked to be identified only as Bakary': the name a speaker described by what they are
    gave of themselves (read along the words: the parser often hangs 'as Bakary said' on the main verb)."""
    doc = head.doc
    for noun in [head, *(c for c in head.children if c.dep_ == "appos")]:
        for clause in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in NAME_GIVING_VERBS):
            for word in (t for t in clause.subtree if t.lemma_.lower() in {"name", "identify"}):
                start = word.i + 1
                while start < len(doc) and doc[start].lower_ in _BEFORE_GIVEN_NAME:
                    start += 1
                end = start
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                    end += 1
                if start > word.i + 1 and end > start:
                    return doc[start:end]
    return None



ADMINISTRATIVE_WORDS = frozenset({"regional", "provincial", "district", "military", "local", "city", "state", "county",
                                  "municipal", "oblast", "administration"})



def administrative_head(words: Sequence[str]) -> bool:
    """'regional head', 'district head', 'head of the regional administration': an office's title."""
    return "head" in words and bool(ADMINISTRATIVE_WORDS & set(words))



def titled_name(head: Token) -> Span | None:
    """'regional governor Oleh Kiper' with the name not tagged PERSON: a run of proper nouns
    ending at the head, right after a lower-case official title or after capitalised ranks
    ('Lieutenant Colonel Jane Roe'), is a person's name."""
    if (after := _person_after_the_rank(head)) is not None:
        return after
    if head.pos_ != "PROPN" or not head.text[:1].isupper():  # "Russia's defence ministry" (ministry tagged PROPN)
        return None
    start = head.i
    while start > 0 and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].dep_ == "compound":
        start -= 1
    ranks = start
    while ranks < head.i and head.doc[ranks].lower_.rstrip(".") in RANK_WORDS:
        ranks += 1  # "Lieutenant Colonel Jane Roe told reporters", whatever entity the tagger made of it
    named_apart = head.ent_type_ == "ORG" and head.i - ranks >= 1 and head.doc[ranks].ent_iob_ == "B"  # tagger's slip
    if ranks > start and (head.ent_type_ not in {"ORG", "GPE", "FAC", "NORP", "LOC"} or named_apart) and all(
            t.text[:1].isupper() for t in head.doc[ranks:head.i + 1]) and (
            head.lemma_.lower() not in INSTITUTION_WORDS):  # not 'General Motors', not 'the General Staff'
        return head.doc[ranks:head.i + 1]
    inner = [i for i in range(start + 1, head.i - 1) if head.doc[i].lower_.rstrip(".") in RANK_WORDS]
    if ranks == start and inner and head.lemma_.lower() not in INSTITUTION_WORDS and all(
            t.is_title for t in head.doc[inner[-1] + 1:head.i + 1]):
        return head.doc[inner[-1] + 1:head.i + 1]  # "Sumy Governor Jane Roe" (tagged one body): Jane Roe
    title = head.doc[start - 1] if start > 0 else None
    if title is None or not title.is_lower or not (title.lemma_.lower() in lx.OFFICIAL_HEADS or administrative_head(
            [t.lower_ for t in head.doc[max(start - 2, 0):start]])):
        return None
    return head.doc[ranks:head.i + 1]  # "army spokesman Capt. Jane Roe": Jane Roe



def _person_after_the_rank(head: Token) -> Span | None:
    """'Brigadier General Than Zaw Oo said', the parser taking 'Than' for a preposition: a person the tagger
    found right after a capitalised rank (or an official's title) that heads the phrase is the one it names."""
    doc = head.doc
    ranked = head.lower_.rstrip(".") in RANK_WORDS and head.text[:1].isupper()
    if not (ranked or (head.is_lower and head.lemma_ in lx.OFFICIAL_HEADS)) or head.i + 1 >= len(doc):
        return None  # (or an official's title in lower case: "police spokesman Jane Roe", the name hung elsewhere)
    first = doc[head.i + 1]
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
        return None
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[first.i:end]



_INITIAL_RE = re.compile(r"[A-Z]\.")



def name_shaped(span: Span) -> bool:
    """Whether a line the tagger left untagged reads as one person's name: two to four capitalised words, a
    middle initial allowed ("Rebecca M. Thornbury"), no word of an office or a body and no place ("Department
    Spokesperson", "Washington DC")."""
    words = [t for t in span if not t.is_space]
    office = lx.OFFICIAL_HEADS | lx.OFFICIAL_TITLES
    return 2 <= len(words) <= 4 and all(
        (t.is_alpha and t.is_title and t.lower_ not in office) or _INITIAL_RE.fullmatch(t.text) for t in words
    ) and words[0].is_alpha and not any(t.ent_type_ in {"GPE", "LOC", "ORG", "DATE"} for t in words)
