"""The proper name a source goes by: the name a body described by a common noun calls itself ('a militia
coalition calling itself X'), its apposition ('an umbrella group, X'), or the body the text named a
little earlier ('the EU's Aspides mission ..., the mission said'); and a person's whole name (cut in two
by the tagger, in apposition to a title, after a lower-case title); the candidate spans of a name (the
phrase, its entity, a body's name going on with its place: 'the UN Mission in South Sudan'); the type a
proper name alone tells ('the rights group X': ngo); and the side a 'their' or 'its' in a title points
back to ('The Houthis vowed ... Their military spokesman'). Used by ``geo.events.sources``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from geo.events import actors
from geo.events import lexicon as lx
from geo.events.triggers import lemma_of
from geo.syntax import doc_text, phrase_text, phrase_tokens

NAMING_VERBS = frozenset({"call", "know", "name", "style"})


def is_definite(head: Token) -> bool:
    """'the agency', 'this group': a noun told with a definite determiner."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children)


def named_type(head: Token, name: str) -> str:
    """The type of a source known only by its proper name, from what the text calls it ('the rights group X':
    ngo, 'the station Radio X': media), what it is (a state's office or service, a state) or else other."""
    described = head.head if head.dep_ == "appos" else described_before(head)  # "the Kaya-based station Radio X"
    if (described is not None and described.lemma_.lower() in lx.MEDIA_HEADS) or (
            head.pos_ == "PROPN" and head.lower_ in lx.MASTHEAD_WORDS and head.ent_type_ != "PERSON"):
        return "media"  # "the station Radio X", "Hiigsi Post"
    if described is not None and described.lemma_.lower() in lx.NGO_HEADS and any(
            c.lower_ in lx.NGO_MARKERS for c in described.children):
        return "ngo"  # "the rights group X"
    if (head.ent_type_ != "PERSON" and lx.STATE_BODY_RE.search(name)) or _a_state(name):
        return "official"  # "Inter-Services Public Relations", "Mali and Niger said", tagged people
    return "other"


def described_before(head: Token) -> Token | None:
    """'The channel Qanat al-Sahel reported', parsed as two subjects: the noun right before the name."""
    before = head.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    return before if before is not None and before.pos_ == "NOUN" and before.head == head.head and (
        before.dep_ == head.dep_) else None


_MEDIA_DESCRIPTORS = frozenset({"outlet", "newspaper", "broadcaster", "channel", "station", "website", "daily", "weekly"})
_NGO_DESCRIPTORS = frozenset({"ngo", "charity", "watchdog"})


def descriptor_named(head: Token) -> tuple[str, str] | None:
    """'Local media outlet Kestrel Daily', 'the local NGO Green Hands': a proper name after the common noun that
    says what it is, parsed as one phrase; the name without its description, and its type (media, ngo)."""
    if head.pos_ != "PROPN":
        return None
    compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    words = [c for c in compounds if c.lower_ in _MEDIA_DESCRIPTORS | _NGO_DESCRIPTORS]
    if not words:
        return None
    name = head.doc[words[-1].i + 1:head.i + 1]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        return None
    return name.text, "media" if words[-1].lower_ in _MEDIA_DESCRIPTORS else "ngo"


def called(head: Token) -> Token | None:
    """'a militia coalition calling itself the Islamic Front', 'an umbrella group, the Islamic Front':
    the name a described body goes by."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in lx.OFFICIAL_TITLES:
        return None  # "the chief of X, Jane Roe,": a person, whatever entity the tagger made of her name
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "ORG":
            return child
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
            return next((c for c in child.children if c.dep_ in {"oprd", "attr"} and c.pos_ == "PROPN"), None)
    return None


BODY_NOUNS = frozenset({"mission", "coalition", "agency", "ministry", "command", "council", "committee", "office",
                        "organisation", "organization", "force", "alliance", "movement", "front", "party", "centre",
                        "center"})


def named_before(head: Token) -> Token | None:
    """'A frigate sailing with the EU's Aspides mission shot down a missile, the mission said': the
    body named by its proper name a little earlier in the text."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in BODY_NOUNS or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children) or any(c.pos_ == "PROPN" for c in head.children):
        return None
    doc = head.doc
    for token in reversed(doc[max(0, head.sent.start - 60):head.i]):
        if token.lemma_.lower() == head.lemma_.lower() and any(
                c.dep_ in {"compound", "poss", "amod"} and c.pos_ == "PROPN" for c in token.children):
            return token
    return None


def person_span(tokens: Sequence[Token]) -> Span | None:
    """The whole name of the first person among ``tokens``; a name the tagger cut in two ('Oleksandr'
    'Prokudin', each tagged PERSON on its own) is one when its parts compound into each other."""
    for token in tokens:
        if token.ent_type_ == "PERSON" and not _a_state(token.text):  # "Mali and Niger said", tagged people
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
                    t.i > end and t.ent_type_ == "PERSON" for t in tokens):
                continue  # "Krasnodar Krai" of "Krasnodar Krai (Police) Governor Jane Roe", tagged a person: a place
            return doc[start:end]
    return None


def _a_state(name: str) -> bool:
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


HONORIFICS = frozenset({"rev", "reverend", "mr", "mrs", "ms", "dr", "sheikh", "imam", "father", "bishop", "pastor",
                        "sir", "dame", "lord", "prof", "professor"})


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
        if 2 <= len(words) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
            return child.doc[tokens[0].i:tokens[-1].i + 1]
    return None


def proper_part(head: Token, tokens: Sequence[Token]) -> str | None:
    """'a charge Kigali denies', misparsed into one phrase: the proper name without the common nouns before it."""
    if head.pos_ == "PROPN" and head.text[:1].isupper() and tokens and tokens[0].dep_ == "det" and any(
            t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.i == head.i for t in tokens):
        return phrase_text([t for t in tokens if t.i >= head.i or t.pos_ == "PROPN"])
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


def name_candidates(head: Token, phrase: str) -> list[str]:
    """The phrase, the named entity around the head, the head's short subtree and an acronym right after a
    common noun ('the state news agency SANA', 'the refugee agency, UNHCR,', however the parse hangs it)."""
    found = [phrase, *_known_name_around(head)]
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if head.pos_ == "NOUN" and after is not None and after.text == "," and head.i + 3 < len(head.doc) and (
            head.doc[head.i + 3].text == ","):
        after = head.doc[head.i + 2]  # "the U.N. refugee agency, UNHCR, said" (however the parse hangs it)
    if head.pos_ == "NOUN" and after is not None and after.is_upper and after.is_alpha and len(after) >= 3:
        found.append(after.text)
    if head.ent_type_ in {"ORG", "GPE", "NORP", "FAC", "PERSON", "LOC"}:
        start, end = head.i, head.i + 1
        while start > 0 and head.doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(head.doc) and head.doc[end].ent_iob_ == "I":
            end += 1
        if head.doc[end - 1].pos_ in {"ADP", "DET", "CCONJ"} and end < len(head.doc) and head.doc[end].ent_iob_ == "B":
            end += 1  # "The Islamic Resistance in" + "Iraq": a name the tagger cut after its preposition
            while end < len(head.doc) and head.doc[end].ent_iob_ == "I":
                end += 1
        elif _placed_body(head.doc[end - 1]):  # "the UN Assistance Mission" + "in" + "Afghanistan"
            end += 2
            while end < len(head.doc) and head.doc[end].pos_ == "PROPN" and head.doc[end].ent_iob_ != "B":
                end += 1
        found.append(head.doc[start:end].text)
    conjoined = {t.i for c in head.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    subtree = [t for t in head.subtree if t.i not in conjoined]  # "HRW and the UN" are two
    if len(subtree) <= 8:
        found.append(phrase_text([t for t in subtree if not t.is_punct or t.text in "-&'’"]))
    return found


def _known_name_around(head: Token) -> list[str]:
    """'Medical charity Doctors Without Borders said', parsed with 'Without Borders' as a phrase of its own: a
    well-known name of several words that the head's words begin."""
    doc = head.doc
    window = doc[head.i:min(len(doc), head.i + 4)]
    text = window.text.casefold()
    return [window.text[:len(name)] for name in _KNOWN_LONG_NAMES if text.startswith(name)]


_KNOWN_LONG_NAMES = sorted((n for n in lx.NGO_NAMES | lx.MEDIA_OUTLETS if " " in n), key=len, reverse=True)


def _placed_body(last: Token) -> bool:
    """'the UN Mission' before 'in South Sudan': a body whose name goes on with the place it works in."""
    doc, after = last.doc, last.i + 1
    return (last.lemma_.lower() in PLACED_BODIES and after + 1 < len(doc) and doc[after].lower_ in {"in", "for", "to"}
            and doc[after + 1].pos_ == "PROPN" and doc[after + 1].is_title)


PLACED_BODIES = frozenset({"mission", "embassy", "office", "delegation", "command", "force", "programme", "program"})


# Words that end the name of a body a rank word may open ("the General Staff", "Central Command").
INSTITUTION_WORDS = frozenset({"staff", "command", "headquarters", "council", "assembly", "secretariat", "directorate",
                               "office", "ministry", "court", "commission", "committee", "administration", "service"})
# Capitalised ranks and titles that open a person's name.
RANK_WORDS = frozenset({"lieutenant", "lt", "colonel", "col", "major", "maj", "general", "gen", "brigadier",
                        "captain", "capt", "commander", "cmdr", "admiral", "adm", "sergeant", "sgt", "corporal",
                        "mayor", "governor", "gov", "minister", "senator", "sen", "dr", "president"})


def spelled_as_an_ngo(name: str, head: Token) -> bool:
    """'Reporters Without Borders (RSF)': the text gives the letters to an NGO, not to the armed group."""
    doc = head.doc
    if (spelled := doc.user_data.get(_NGO_LETTERS_KEY)) is None:  # once per text: a long one has many speakers
        spelled = doc.user_data[_NGO_LETTERS_KEY] = set(_NGO_LETTERS_RE.findall(doc_text(doc).casefold()))
    return name.casefold().removeprefix("the ") in spelled


_NGO_LETTERS_KEY = "geo.ngo_letters"  # where spelled_as_an_ngo keeps the letters a text gives to NGOs
# "<an NGO's name of several words> (<its letters>)", in a casefolded text
_NGO_LETTERS_RE = re.compile("(?:" + "|".join(sorted((re.escape(n) for n in lx.NGO_NAMES if " " in n), key=len,
                                                     reverse=True)) + r") \(([^)]*)\)")


def outlet_name(head: Token) -> str | None:
    """'Turkey's state-run Anadolu news agency' -> 'Anadolu': the proper name compounded
    into a common outlet noun."""
    names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()]
    if not names:  # "the independent outlet Tsehay Dispatch": the name in apposition
        named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            return phrase_text([t for t in named.subtree if t.dep_ != "punct"])
        run = []  # "told the Sudanese news site Al-Marsad that ...", the name hung elsewhere by the parse
        for token in head.doc[head.i + 1:head.i + 5]:
            if not (token.pos_ == "PROPN" and token.text[:1].isupper()) and not (run and token.text == "-"):
                break
            run.append(token)
        return phrase_text(run).strip(" -") or None if run else None
    tokens = [t for n in names for t in n.subtree if t.i < head.i and t.dep_ not in {"det", "poss", "case"}]
    tokens = [t for t in tokens if t.pos_ in {"PROPN", "PUNCT"} or t.text == "-"] + (
        [head] if head.pos_ == "PROPN" else [])  # "the National News Agency": the head is of the name
    return phrase_text(tokens).strip(" -") or None if tokens else None


__all__ = ["BODY_NOUNS", "HONORIFICS", "NAMING_VERBS", "RANK_WORDS", "administrative_head", "appositive_name", "called",
           "is_definite", "name_candidates", "named_before", "named_type", "outlet_name", "person_span",
           "possessor_side", "proper_part", "spelled_as_an_ngo", "titled_name"]


POSSESSIVE_PRONOUNS = frozenset({"their", "its"})
ANTECEDENT_SENTENCES = 2  # "The Houthis vowed to retaliate. Their military spokesman said ...": this far back


def possessor_side(tokens: Sequence[Token]) -> str | None:
    """The side 'their' or 'its' in a speaker's title points back to: the subject told last before it that
    names one ('The Houthis vowed to retaliate. Their military spokesman said ...' -> Houthis)."""
    pronoun = next((t for t in tokens if t.lower_ in POSSESSIVE_PRONOUNS and t.dep_ == "poss"), None)
    if pronoun is None:
        return None
    sent = pronoun.sent
    start = sent.start
    for _ in range(ANTECEDENT_SENTENCES):
        if start > 0:
            start = pronoun.doc[start - 1].sent.start
    subjects = [t for t in pronoun.doc[start:pronoun.i] if t.dep_ in {"nsubj", "nsubjpass"}]
    for subject in reversed(subjects):
        family = actors.actor_family(phrase_text(list(subject.subtree)))
        if family is not None:
            return family
    return None


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


# People who speak as a group of a place ("residents", "witnesses", "survivors"): named with the place they are of.
PLACED_GROUP_HEADS = frozenset({"resident", "witness", "eyewitness", "villager", "survivor", "rescuer", "medic",
                                "doctor", "local"})
PLACE_PHRASE_WORDS = 8


def group_place(head: Token) -> str | None:
    """'survivors of the raid on Mucojo', 'rescuers from Gaza's civil defense', 'In Nuseirat, witnesses said': the
    phrase with a name in it that tells which group of people speaks ('of the raid on Mucojo', 'in Nuseirat')."""
    if lemma_of(head) not in PLACED_GROUP_HEADS or head.tag_ not in {"NNS", "NNPS"}:  # ("Survivors", a name)
        return None
    own = [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "from", "in", "at", "near"}]
    verb = head.head if head.dep_ == "nsubj" else None
    opening = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at"} and c.i < head.i
               and c.i == c.sent.start] if verb is not None else []  # "In Nuseirat, witnesses said"
    for prep in own[:1] + opening[:1]:
        for place in (o for o in prep.children if o.dep_ == "pobj"):
            words = phrase_tokens(place, with_acl=False, max_tokens=6) + [  # "of the raid on Mucojo"
                t for p in place.children if p.dep_ == "prep" and p.lower_ in {"on", "in", "at", "near"}
                for t in (p, *(w for o in p.children if o.dep_ == "pobj" for w in phrase_tokens(o, with_acl=False)))]
            if len(words) <= PLACE_PHRASE_WORDS and any(t.pos_ == "PROPN" for t in words):
                return f"{prep.lower_} {phrase_text(sorted(words, key=lambda t: t.i))}"
    return None


def with_group_place(head: Token, tokens: list[Token]) -> tuple[str, list[Token]]:
    """A speaker's name from its tokens, with the place of a group of people that names none ('witnesses' ->
    'witnesses in Nuseirat'), and the tokens it was read from."""
    if (where := group_place(head)) is None or any(t.pos_ == "PROPN" for t in tokens):
        return phrase_text(tokens), tokens
    return f"{phrase_text([t for t in tokens if t.i <= head.i])} {where}", [*tokens, *head.subtree]
