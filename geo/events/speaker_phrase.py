"""The shape of a speaker's noun phrase before it is named: what joins it (an affiliation, a name continued
after a dash), what leaves it (the event it speaks of), whether a named place or an organisation named after a
person is in it, a name cleaned of its article, and whom a pronoun that speaks stands for (the subject above a
relative clause, the person the sentence before is about). Used by ``geo.events.sources``; imports the events
wing's word lists and actors, and ``geo.syntax``."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geo.events import actors, lexicon as lx
from geo.syntax import PRONOUNS, children, sentence_before

__all__ = ["aside_start", "clean_name", "named_with_its_place", "names_an_organisation", "person_just_before",
           "placed_by_name", "reaction_label", "subject_above", "with_affiliation", "with_dashed_part",
           "without_the_event"]


# Participles that say whose a source is ("media affiliated with the separatists", "a channel close to X").
AFFILIATION_VERBS = frozenset({"affiliate", "link", "tie", "ally", "connect", "associate", "close", "loyal"})


def with_affiliation(tokens: list[Token], head: Token) -> list[Token]:
    for child in head.children:
        if child.dep_ in {"acl", "amod"} and child.i > head.i and child.lemma_.lower() in AFFILIATION_VERBS:
            extra = [t for t in child.subtree if not t.is_space]
            if len(extra) <= 10:
                return sorted({*tokens, *extra}, key=lambda t: t.i)
    return tokens


def with_dashed_part(tokens: list[Token], head: Token) -> list[Token]:
    """'the Islamic State – Khorasan Province (ISIS–K)': a proper name continued after a dash is one name."""
    doc = head.doc
    for child in head.children:
        if (child.dep_ == "appos" and child.pos_ == "PROPN" and head.pos_ == "PROPN" and child.i > head.i + 1
                and doc[head.i + 1].text in DASHES and all(t.i > head.i for t in child.subtree)):
            extra = [t for t in doc[head.i + 1:child.right_edge.i + 1] if not t.is_space]
            if len(extra) <= 10:
                return sorted({*tokens, *extra}, key=lambda t: t.i)
    return tokens


DASHES = frozenset({"–", "—", "-", "--"})


def with_glued_end(tokens: list[Token]) -> list[Token]:
    """'a spokesman for al' + '-' + 'Shabab': a last word the tokenizer cut at a dash written without spaces is
    whole."""
    if not tokens:
        return tokens
    doc, last = tokens[0].doc, tokens[-1].i
    extra = []
    while last + 2 < len(doc) and doc[last + 1].text in DASHES and not doc[last].whitespace_ and not (
            doc[last + 1].whitespace_) and doc[last + 2].is_alpha:
        extra += [doc[last + 1], doc[last + 2]]
        last += 2
    return [*tokens, *extra]


def without_the_event(tokens: list[Token], head: Token) -> list[Token]:
    """'survivors of the attack' -> 'survivors': the event a source speaks of is not its name."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                c.dep_ == "pobj" and c.lemma_.lower() in lx.EVENT_NOUNS for c in child.children):
            cut = {t.i for t in child.subtree}
            return [t for t in tokens if t.i not in cut]
    return tokens


def placed_by_name(head: Token) -> bool:
    """'police in Poonch district', 'officials at Khalifa Gul Nawaz Hospital': a named place right after."""
    return any(c.dep_ == "prep" and c.lower_ in {"in", "at"} and any(
        o.pos_ == "PROPN" or any(g.pos_ == "PROPN" for g in o.children if g.dep_ == "compound")
        for o in c.children if o.dep_ == "pobj") for c in head.children)


def named_with_its_place(head: Token) -> bool:
    """'Al-Qaida in the Arabian Peninsula (AQAP)', '..., known as AQAP,': a group whose name goes on with the place
    it fights in, as the letters the text gives the whole name say."""
    doc = head.doc
    if head.pos_ != "PROPN":
        return False
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
        words = doc[head.left_edge.i:prep.right_edge.i + 1]
        end = next((t.i for t in words if t.text in {"(", ","}), prep.right_edge.i + 1)
        letters = "".join(t.text[0] for t in doc[head.left_edge.i:end]
                          if t.is_alpha and t.text[0].isupper() and t.dep_ != "det")
        if len(letters) >= 3 and any(t.text == letters for t in doc[end:end + 5]):
            return True
    return False


def aside_start(prep: Token) -> int:
    """Where an aside opens in a preposition's phrase ("in the Arabian Peninsula, known as AQAP"), or its end."""
    return next((t.i for t in prep.subtree if t.text == "," and t.i > prep.i), prep.right_edge.i + 1)


def clean_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", lx.clean_phrase(text, drop_article=False).strip())
    if text.count("(") > text.count(")"):  # "EU Monitoring Mission in Georgia (EUMM": an unclosed acronym
        text = text[: text.rindex("(")].strip()
    text = re.sub(r"^(?:a|an)\s+", "", text, flags=re.I)
    return re.sub(r"^the\s+", "the ", text, flags=re.I)


def names_an_organisation(head: Token, person: Span) -> bool:
    """'the Bush administration', 'the Obama campaign': a common noun the name modifies."""
    return (head.pos_ == "NOUN" and head.i not in range(person.start, person.end)
            and head.lemma_.lower() not in lx.OFFICIAL_TITLES
            and all(t.dep_ in {"compound", "poss", "case"} and t.head.i in range(person.start, head.i + 1)
                    for t in person))


def subject_above(pronoun: Token) -> Token | None:
    """'X aired footage of a truck that it said was hit': a relative clause's pronoun is the subject above it."""
    if pronoun.head.dep_ != "relcl":
        return None
    verb = next((t for t in pronoun.head.head.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    subjects = [s for s in children(verb, "nsubj") if s.lower_ not in PRONOUNS] if verb is not None else []
    return subjects[0] if subjects else None


def person_just_before(pronoun: Token) -> Token | None:
    """'Minister Jane Roe conveyed her wishes ... She said ...': the person the sentence before is about, when it
    opens the sentence the pronoun opens."""
    before = sentence_before(pronoun)
    if pronoun.i != pronoun.sent.start or before is None:
        return None
    subjects = [s for s in children(before.root, "nsubj") if s.ent_type_ == "PERSON" and s.tag_ == "NNP"
                and not actors.actor_family(s.text)]  # not "the Houthis", tagged a person
    return subjects[0] if len(subjects) == 1 else None


# A reactions list's item: "- Iran: The foreign ministry condemned ...": who reacted, then what they said.
REACTION_ITEM_RE = re.compile(r"[-*•–]\s*(?P<label>[A-Z][\w.'’ -]{1,40}?):\s+(?=[A-Z])")


def reaction_label(text: str, before: str = "") -> tuple[int, str] | None:
    """How many leading characters of a sentence are a reactions list item's label ('- Iran: '), and the label
    (0 and the label when the sentence before is the label alone: the parser may cut the item there)."""
    alone = REACTION_ITEM_RE.match(f"{before.rstrip()} A")
    if alone is not None and alone.end() == len(before.rstrip()) + 1:
        return 0, alone.group("label")
    found = REACTION_ITEM_RE.match(text)
    return (found.end(), found.group("label")) if found else None

