"""The proper name a source goes by: the name a body described by a common noun calls itself ('a militia coalition
calling itself X'), its apposition ('an umbrella group, X'), or the body the text named a little earlier ('the
EU's Aspides mission ..., the mission said'; 'JNIM fighters ..., the group claimed'); the candidate spans of a
name (the phrase, its entity, a body's name going on with its place: 'the UN Mission in South Sudan'); the type a
proper name alone tells ('the rights group X': ngo) and the type a person's role tells ('army spokesman':
official); and the side a 'their' or 'its' in a title points back to ('The Houthis vowed ... Their military
spokesman'). Used by ``geo.events.sources``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from geo.events import actors
from geo.events import lexicon as lx
from geo.events.person_names import RANK_WORDS, administrative_head, names_a_state
from geo.events.weapons import lemma_of
from geo.places import VESSEL_NAME_RE
from geo.syntax import doc_text, glued_before, phrase_text, phrase_tokens

if TYPE_CHECKING:
    from geo.events.source_registry import Speaker

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
    if (head.ent_type_ != "PERSON" and lx.STATE_BODY_RE.search(name)) or names_a_state(name):
        return "official"  # "Inter-Services Public Relations", "Mali and Niger said", tagged people
    return "other"


def described_before(head: Token) -> Token | None:
    """'The channel Qanat al-Sahel reported', parsed as two subjects: the noun right before the name."""
    before = head.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    return before if before is not None and before.pos_ == "NOUN" and before.head == head.head and (
        before.dep_ == head.dep_) else None


_MEDIA_DESCRIPTORS = frozenset({"outlet", "newspaper", "broadcaster", "channel", "station", "website", "daily", "weekly"})
_NGO_DESCRIPTORS = frozenset({"ngo", "charity", "watchdog"})
# Words of the names of bodies of a country's civil society, not of its state ("Yemen Journalists Syndicate").
_CIVIL_WORDS = frozenset({"doctors", "physicians", "medics", "lawyers", "journalists", "network", "syndicate",
                          "initiative", "project"})


def civil_body(name: str) -> bool:
    """'the Sudan Doctors Network', 'the Yemen Journalists Syndicate': a body of a country's civil society."""
    return bool(_CIVIL_WORDS & set(name.casefold().split()))


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


_ARMED_GROUP_WORDS = frozenset({"militant", "armed", "jihadist", "insurgent", "rebel", "extremist", "islamist"})


def group_named_before(head: Token, spoken: Speaker | None = None) -> Token | None:
    """'JNIM fighters ambushed a convoy. In a message on its channels, the group claimed the ambush': the
    armed group named last in the sentence or the two before it, when no other body is named since (a state
    is no group) and no other group spoke before (``spoken``: the latest that did, 'the group' again)."""
    if head.lemma_.lower() != "group" or head.tag_ == "NNS" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children) or any(
            c.dep_ in {"compound", "poss", "nmod", "amod"} and c.lemma_.lower() not in _ARMED_GROUP_WORDS
            for c in head.children):
        return None
    doc, start = head.doc, head.sent.start
    for _ in range(2):
        start = doc[start - 1].sent.start if start > 0 else start
    for token in reversed(doc[start:head.i]):
        if token.pos_ != "PROPN" and token.ent_type_ != "ORG":
            continue
        entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        first = token.i  # "the Rapid Support Forces", tagged no entity: the run of names it ends
        while first > start and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].text in {"-", "'s"}):
            first -= 1
        family = actors.actor_family(doc[first:token.i + 1].text) or (
            actors.actor_family(entity.text) if entity else None)
        if family in NON_STATE and (spoken is None or token.sent == head.sent or actors.actor_family(
                spoken.name) == family):  # (a group named in the sentence of "the group" is it, whoever spoke)
            return token if entity is None or actors.actor_family(doc[first:token.i + 1].text) else entity.root
        if family is None and token.ent_type_ == "ORG" and (entity.root if entity else token).dep_ not in {
                "dobj", "pobj"}:
            return None  # another body named since: "the group" may be it (not a town tagged a body, "besieged X")
    return None


SHIP_ROLES = frozenset({"master", "operator", "captain", "owner", "manager", "charterer"})
_WARSHIP_WORDS = frozenset({"destroyer", "frigate", "warship", "cruiser", "uss", "hms", "ins"})


def ship_role(head: Token) -> str | None:
    """'the ship's master reported', 'the tanker's operator said': that role on the ship the text named last
    before it, 'master of the M/V Calder Bay' (a warship named since is not the ship a master speaks for)."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lemma_.lower() in lx.SHIP_NOUNS - _WARSHIP_WORDS),
                 None)
    if head.lemma_.lower() not in SHIP_ROLES or owner is None or not any(c.lower_ == "the" for c in owner.children):
        return None
    named = [m for m in VESSEL_NAME_RE.finditer(doc_text(head.doc)[:owner.idx])
             if not {word.lower() for word in m.group(0).split()[:2]} & _WARSHIP_WORDS]
    return f"{head.lemma_.lower()} of the {named[-1].group(0)}" if named else None


def proper_part(head: Token, tokens: Sequence[Token]) -> str | None:
    """'a charge Kigali denies', misparsed into one phrase: the proper name without the common nouns before it."""
    if head.pos_ == "PROPN" and head.text[:1].isupper() and tokens and tokens[0].dep_ == "det" and any(
            t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.i == head.i for t in tokens):
        return phrase_text([t for t in tokens if t.i >= head.i or t.pos_ == "PROPN"])
    return None


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
        if end + 2 < len(head.doc) and head.doc[end].text == "(" and head.doc[end + 2].text == ")" and (
                head.doc[end + 1].is_upper):
            end += 3  # "the UN Assistance Mission in Afghanistan (UNAMA)": with the acronym it goes by
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
    sides = {i for t in head.subtree if (g := glued_before(t)) is not None and g.lower_ in {"pro", "anti"}
             for i in range(g.i, t.i + 1)}  # "pro-RSF": the side an outlet is for, with its dash
    names = [c for c in head.children if c.i not in sides and (  # not the side of "the pro-RSF Tarsanet website"
        (c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()) or (
            c.dep_ in {"compound", "amod"} and c.is_upper and c.is_alpha and len(c) >= 3))]  # "the SANA news agency"
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
    tokens = [t for n in names for t in n.subtree if t.i < head.i and t.dep_ not in {"det", "poss", "case"}
              and t.i not in sides]
    tokens = [t for t in tokens if t.pos_ in {"PROPN", "PUNCT"} or t.text == "-" or t in names] + (
        [head] if head.pos_ == "PROPN" else [])  # "the National News Agency": the head is of the name
    return phrase_text(tokens).strip(" -") or None if tokens else None


# Armed groups and movements (of the actor families, those that are no state, its forces or a union of states).
NON_STATE = frozenset(set(actors.ACTOR_FAMILIES) - actors.STATES
                      - {"African Union", "Islamic Revolutionary Guard Corps (IRGC)"})
# The bodies of states together ("the UN coordinator", "the AU envoy"): official, as governments are.
INTERGOVERNMENTAL_WORDS = frozenset({"un", "eu", "au", "nato", "ecowas", "igad", "osce"})
OFFICIAL_RANKS = RANK_WORDS - {"dr", "president"} | {"commissioner", "prefect", "superintendent"}  # not a doctor's


def role_type(role: str | None, tokens: Sequence[Token] = ()) -> str:
    """The type of source a person's role makes them: "army spokesman" official, "rights researcher" ngo."""
    if not role or possessor_side(tokens) in NON_STATE:  # "The Houthis vowed ... Their military spokesman X said"
        return "other"
    words = set(re.findall(r"[a-z]+", role.lower().replace(".", "")))  # "U.N. coordinator": un
    if words & {"correspondent", "reporter", "journalist", "editor", "columnist", "anchor"}:
        return "media"
    if words & {"researcher", "activist", "monitor", "analyst"} and not words & lx.OFFICIAL_HEADS:
        return "ngo" if "rights" in words or "monitor" in words else "other"
    if actors.actor_family(role) in NON_STATE:
        return "other"  # "Taliban spokesman": an armed group's, as the guideline types them
    if {"civil", "society"} <= words:
        return "ngo"  # "a civil society leader"
    if words & (lx.OFFICIAL_HEADS | OFFICIAL_RANKS) or actors.actor_family(role) or words & INTERGOVERNMENTAL_WORDS or (
            administrative_head(sorted(words))):
        return "official"  # "Maj. Gen.", "army spokesman"
    if words & (lx.NGO_MARKERS - INTERGOVERNMENTAL_WORDS) and words & lx.NGO_HEADS:
        return "ngo"  # "the rights group X"
    return "other"


__all__ = ["BODY_NOUNS", "INTERGOVERNMENTAL_WORDS", "NAMING_VERBS", "NON_STATE", "called", "civil_body",
           "group_named_before", "is_definite", "name_candidates", "named_before", "named_type", "outlet_name",
           "possessor_side", "proper_part", "role_type", "ship_role", "spelled_as_an_ngo"]


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
    'witnesses in Nuseirat') and the side an 'its' or 'their' points back to ('its commanders' -> 'Rapid Support
    Forces' commanders'), and the tokens it was read from."""
    owner = possessor_side(tokens[:1]) if tokens and tokens[0].dep_ == "poss" else None
    if owner is not None:  # "The RSF stormed X. Its commanders said": the Rapid Support Forces' commanders
        owner = owner.split(" (")[0]
        suffix = "'" if owner.endswith("s") else "'s"
        return f"{owner}{suffix} {phrase_text(tokens[1:])}", tokens
    if (where := group_place(head)) is None or any(t.pos_ == "PROPN" for t in tokens):
        return phrase_text(tokens), tokens
    return f"{phrase_text([t for t in tokens if t.i <= head.i])} {where}", [*tokens, *head.subtree]
