"""Find the sources an article cites and link them to the events they report. Attributions read off the
dependency parse: "according to X", "X said / confirmed / reported / denied / accused ...", "Y cited by X",
"X, citing Y", "Y told X", "officials who spoke on condition of anonymity". Each source gets a normalised name, a
type (official, wire, media, anonymous, ngo, other), the outlet that relayed it (``via``) and the sentences
credited to it (``claims``), in order of first appearance."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from geo.events import actors, lexicon as lx
from geo.events.attribution import is_byline, lookup, speaker_heads
from geo.events.frame import Author, own_outlet, read_frame, speaker_label_length
from geo.events.person_names import HONORIFICS, appositive_name, given_name, names_a_state, person_span, titled_name
from geo.events.source_naming import (BODY_NOUNS, INTERGOVERNMENTAL_WORDS, NON_STATE, called, civil_body,
                                      described_before, descriptor_named, group_named_before, is_definite,
                                      name_candidates, named_before, named_type, outlet_name, possessor_side,
                                      proper_part, role_type, ship_role, spelled_as_an_ngo, with_group_place)
from geo.events.source_registry import Registry, Speaker
from geo.events.source_words import defined_acronyms
from geo.events.speaker_phrase import (aside_start, clean_name, named_with_its_place, names_an_organisation,
                                       person_just_before, placed_by_name, reaction_label, subject_above,
                                       with_affiliation, with_dashed_part, with_glued_end, without_the_event)
from geo.model import Source, TextSpan
from geo.syntax import (PRONOUNS, children, dateline_agency, dateline_length, doc_text, names_in_a_description,
                        phrase_text, phrase_tokens, prep_objects, sentences, span_text)

INSTITUTIONS = frozenset({"pentagon", "kremlin", "centcom", "idf", "white house"})
ANONYMITY_RE = re.compile(r"condition of anonymity|declined to be (?:named|identified)|not authori[sz]ed to|"
                          r"asked not to be (?:named|identified)|\b(?:unnamed|anonymous|unidentified)\b", re.I)
CREDIT_IN_SENTENCE_RE = re.compile(r"\b(?:Photo|Photograph|Image|Picture|Credit|Credits|Video)s?\s*(?:by\s+[^:]{0,40})?:")
GROUP_HEADS = frozenset({"group", "union", "association", "committee", "network", "syndicate", "coalition",
                         "organisation", "organization", "alliance", "federation", "movement", "collective",
                         "platform", "initiative", "room", "company", "firm", "operator", "corporation",
                         "utility"})  # "a local emergency response room said", "the electricity company said"
# One person by what they do, outside government ("the founder of the ambulance service", "the ship's master").
PERSON_ROLE_HEADS = frozenset({"founder", "director", "head", "chairman", "chairwoman", "chairperson", "manager",
                               "owner", "coordinator", "organizer", "organiser", "president", "principal", "master",
                               "operator"})
# Those sent to a country, named with it ("the embassy to Yemen", "the ambassador to the UN").
ACCREDITED_HEADS = frozenset({"embassy", "ambassador", "envoy", "mission", "delegation", "representative"})
# Where a body posts its own words: "X's Telegram channel reported" is X speaking.
OWNED_OUTLETS = frozenset({"channel", "account", "page", "website", "feed"})
_NON_NAME_SPEAKERS = frozenset({"directive", "order", "decision", "strike", "attack", "presence", "action", "move"})

# Bodies and people a text names by where they are ("police in X district", "officials at X Hospital").
SOURCE_HEADS = frozenset({"source", "insider"})  # unnamed, whatever names the body they sit in
LOCAL_HEADS = frozenset({"police", "official", "authority", "resident", "witness", "doctor", "medic", "villager",
                         "volunteer", "worker", "administrator", "staff", "nurse", "paramedic", "rescuer", "employee"})


# The tagger's types of a proper name that may speak: a group's name it took for a work's title ("The Islamic
# Resistance in Iraq claimed ...") or a product's counts too.
NAMES_THE_TAGGER_MAY_MISTAKE = frozenset({"ORG", "PERSON", "FAC", "", "WORK_OF_ART", "PRODUCT"})


def describe_speaker(head: Token, registry: Registry) -> Speaker | None:
    """Name, type and role of the noun phrase headed by ``head``; None if it is no speaker."""
    if head.lower_ in PRONOUNS or (head.pos_ == "NOUN" and any(c.lower_ == "same" for c in head.children)):
        above = subject_above(head) if head.lower_ in PRONOUNS else None  # "the same authority": the one cited last
        if above is None and head.lower_ in {"he", "she"} and head.dep_ == "nsubj":
            above = person_just_before(head)
        if above is not None:
            return describe_speaker(above, registry)
        return registry.last(person=head.lower_ in {"he", "she", "his", "her"})
    if head.lower_ == "press" and not list(head.children):
        return None  # "Press reports citing an official indicate ...", parsed with "Press" as the one who reports
    owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS]
    if head.lemma_.lower() in OWNED_OUTLETS and owners:  # "the regional administration's Telegram channel reported"
        return describe_speaker(owners[0], registry)
    if (described := descriptor_named(head)) is not None:  # "media outlet X", "the local NGO X": X, of that type
        return Speaker(name=clean_name(described[0]), type=described[1], key=f"name:{_key(described[0])}")
    named = called(head) or named_before(head) or group_named_before(head, registry.last_body())
    if named is not None:
        return describe_speaker(named, registry)
    if (on_ship := ship_role(head)) is not None:  # "the ship's master said": master of the M/V X
        return Speaker(name=on_ship, type="other", key=f"name:{_key(on_ship)}")
    if (given := given_name(head)) is not None:  # "a resident who gave only his first name, Andriy, said"
        role = lx.clean_phrase(phrase_text([t for t in head.subtree if t.i <= head.i and t.dep_ != "det"]))
        return Speaker(name=given.text, type=role_type(role), key=f"person:{given.text.casefold()}", person=True,
                       role=role)
    lemma = head.lemma_.lower()
    if lemma in lx.REPORT_NOUNS:  # "a UN report", "a statement by the ministry"
        authors = prep_objects(head, "by", "from", "of") + [
            c for c in head.children if c.dep_ in {"compound", "poss"} and (
                c.pos_ == "PROPN" or c.lemma_.lower() in lx.OFFICIAL_HEADS)] + [  # "a police statement"
            o for c in head.children if c.dep_ == "acl" for o in prep_objects(c, "by")]  # "a statement issued by X"
        return describe_speaker(authors[0], registry) if authors else None
    if lemma in _NON_NAME_SPEAKERS or (head.pos_ not in {"NOUN", "PROPN"} and head.ent_type_ != "PERSON"):
        return None  # a name the parser took for an adverb ("Jane Roe, a driver, said") is still a name
    if any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in head.children):
        return None  # "No group has claimed responsibility"
    if lemma in {"force", "troop", "fighter", "soldier", "unit"} and any(
            c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in head.children):
        return None  # "X said that its forces had clashed ... and denied ...": X's words, not its forces' own
    tokens = [t for t in phrase_tokens(head, with_acl=False) if t.dep_ not in {"nummod"}]
    commas = [t.i for t in tokens if t.text == "," and t.i < head.i]
    if head.ent_type_ == "PERSON" and commas:  # "a helicopter used by the Houthis, Defense Secretary Lloyd Austin
        tokens = [t for t in tokens if t.i > commas[-1]]  # said", parsed as one phrase: the speaker after the comma
    tokens = with_dashed_part(with_affiliation(without_the_event(tokens, head), head), head)
    kept_preps = {"of", "from", "for"} if lemma in lx.OFFICIAL_HEADS | PERSON_ROLE_HEADS else {"of"}
    kept_preps |= {"to"} if lemma in ACCREDITED_HEADS else set()  # "the U.S. embassy to Yemen", "the UN envoy to X"
    if (lemma in LOCAL_HEADS and not any(t.pos_ == "PROPN" for t in tokens if t.i < head.i) and placed_by_name(head)
            ) or named_with_its_place(head):  # "police in X district", "Al-Qaida in the Arabian Peninsula (AQAP)"
        kept_preps |= {"in", "at"}
    if lemma in SOURCE_HEADS:
        kept_preps |= {"in", "at", "within"}  # "a source in Ukraine's security service told Reuters"
    tokens = [t for t in tokens if not (t.i > head.i and t.dep_ == "prep" and t.lower_ not in kept_preps)]
    if "to" in kept_preps:  # "the embassy to Yemen" (not "..., which operates from X")
        tokens += [t for c in head.children if c.dep_ == "prep" and c.lower_ == "to"
                   for t in [c, *(t for o in children(c, "pobj") for t in phrase_tokens(o, with_acl=False))]]
        tokens.sort(key=lambda t: t.i)
    if kept_preps & {"in", "at"}:
        inside = {t.i for t in tokens}
        tokens += [t for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "at", "within"} and c.i not in
                   inside for t in c.subtree if len(list(c.subtree)) <= 10 and t.i < aside_start(c)]
        tokens.sort(key=lambda t: t.i)
    if kept_preps != {"of"}:  # "a spokesman for the AU mission", "officials from the federal government"
        inside = {t.i for t in tokens}
        tokens += [t for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "from"} and c.i not in inside
                   for t in c.subtree if len(list(c.subtree)) <= 10]
        tokens.sort(key=lambda t: t.i)
    tokens = with_glued_end(tokens)  # "a spokesman for al-Shabab": not "for al"
    text, tokens = with_group_place(head, tokens)  # "witnesses in Nuseirat"
    has_name = any(t.pos_ == "PROPN" and not names_in_a_description(t) for t in tokens)  # not 'Britain-based'
    indefinite = any(t.dep_ == "det" and t.lower_ in {"a", "an", "some"} for t in tokens)
    anonymous = bool(ANONYMITY_RE.search(phrase_text(list(head.subtree)))) or (
        head.dep_ == "nsubj" and any(c.dep_ == "prep" and ANONYMITY_RE.search(phrase_text(list(c.subtree)))
                                     for c in head.head.children))  # "X told Y, on condition of anonymity, ..."
    appositive_persons = [] if head.tag_ == "NNS" else [  # one name never renames many ("residents of X, Bahir Dar,")
        c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"] or [  # "the qaimaqam of X District,
        c for o in prep_objects(head, "of") for c in o.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]  # Y"
    named_head = head.ent_type_ == "PERSON" and not head.is_lower  # ("the lawan", a title tagged a person)
    person_in_apposition = not named_head and bool(appositive_persons)
    the_one = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not children(head, "compound")
    person = None if person_in_apposition or head.tag_ == "NNS" or the_one else person_span(tokens)  # not
    # "residents of [X]", nor "the Observatory" the tagger took for a person
    if person is not None and head.ent_type_ == "PERSON" and any(
            c.dep_ == "nmod" and c.lemma_.lower() in lx.OFFICIAL_TITLES | PERSON_ROLE_HEADS for c in head.children):
        person = appositive_name(head) or person  # "The Officer of Operation Jane Roe, Col Amina Bello, said", the
        # parser hanging the title on the operation's name, tagged a person: the name in apposition
    if person is not None and (head.ent_type_ == "ORG" and head.i not in range(person.start, person.end) or (
            actors.named_exactly(person.text))):
        person = None  # "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)": a group the tagger (half) took for a person
    if person is not None and names_an_organisation(head, person):
        person = None  # "the Bush administration": named after a person, not the person
    if person is None and not named_head and lemma not in lx.MEDIA_HEADS:
        # "the church's official spokesperson, Rev. Paul Halim": the name is in the appositive
        named = appositive_persons
        if named:
            person = person_span(list(named[0].subtree))
            tokens += [t for t in named[0].subtree if t.i < (person.start if person else 0) and t not in tokens] + [
                t for c in head.children if c.dep_ in {"cc", "conj"}  # "X and Y, Name"
                for t in c.subtree if t.i < named[0].i]
            tokens.sort(key=lambda t: t.i)  # "Dnipro regional Governor Jane Roe said": the title stays with the name
        elif lemma in lx.OFFICIAL_TITLES | PERSON_ROLE_HEADS or any(  # "the UN Resident and Humanitarian Coordinator"
                c.dep_ == "conj" and c.lemma_.lower() in lx.OFFICIAL_TITLES | PERSON_ROLE_HEADS for c in head.children):
            person = appositive_name(head)  # "The UN coordinator for X, Jane Roe-Smith, said": tagged ORG
        if person is not None:
            name = re.sub(r"['’]s$", "", person.text)
            role = lx.clean_phrase(phrase_text([t for t in tokens if t.i < person.start and t.lower_ not in PRONOUNS])
                                   ).strip(" ,") or None
            return Speaker(name=name, type=role_type(role, tokens), key=f"person:{name.casefold()}", person=True,
                           role=role)
    if person is None:
        person = titled_name(head)
    outlet = described_before(head)  # "the channel X reported", X tagged a person
    if person is not None and outlet is not None and outlet.lemma_.lower() in lx.MEDIA_HEADS:
        return Speaker(name=clean_name(person.text), type="media", key=f"name:{_key(person.text)}")
    if person is not None:
        name = re.sub(r"['’]s$", "", person.text)
        before = [t for t in tokens if t.i < person.start and t.dep_ not in {"det", "punct"} and t.lower_ not in PRONOUNS
                  and t.lower_.rstrip(".") not in HONORIFICS]  # "said Dr. Jane Roe, director of the hospital"
        parts = [phrase_text(part) for part in (before, _appositive_role(head)) if part]
        role = lx.clean_phrase(", ".join(parts)) if parts else None
        return Speaker(name=name, type=role_type(role, tokens), key=f"person:{name.casefold()}", person=True,
                       role=role)
    candidates = name_candidates(head, text) + [head.text]
    wire = lookup(candidates, lx.WIRE_AGENCIES)
    if wire:
        return Speaker(name=wire, type="wire", key=f"wire:{wire}")
    body = lookup(candidates, lx.INTERGOVERNMENTAL_NAMES)
    if body:  # "the United Nations", "OCHA", "MONUSCO": official, as the guideline types them
        name = clean_name(_longest_containing(body, candidates))
        return Speaker(name=name, type="official", key=f"name:{_key(name)}")
    armed = {c for c in candidates if actors.actor_family(c) and not spelled_as_an_ngo(c, head)}  # "the RSF said"
    ngo = lookup([c for c in candidates if c not in armed], lx.NGO_NAMES)  # not the "(RSF)" a text defines as forces
    of_states = any(t.lower_ in INTERGOVERNMENTAL_WORDS for t in tokens)  # "the UN refugee agency": official
    if ngo or (lemma in lx.NGO_HEADS and not of_states and any(
            t.lemma_.lower() in lx.NGO_MARKERS for t in tokens)) or lemma in {"monitor", "observatory"}:
        name = clean_name(_longest_containing(ngo or text, candidates))
        return Speaker(name=name, type="ngo", key=f"name:{_key(name)}", described=not ngo and not has_name,
                       indefinite=indefinite, head=lemma)
    media = lookup(candidates, lx.MEDIA_OUTLETS)
    news_agency = lemma == "agency" and any(t.lower_ in {"news", "press"} for t in tokens)  # "the National News Agency"
    media_head = (lemma in lx.MEDIA_HEADS or head.lower_ in lx.MEDIA_HEADS) and lemma != "agency"  # not "civil
    if media or news_agency or (media_head and head.pos_ != "PROPN"):  # defence agency": an agency of news is
        outlet = outlet_name(head)
        if not media and outlet is None and is_definite(head):
            earlier = registry.named_with(lemma) or registry.last_outlet()  # "the news agency said" after naming it
            if earlier is not None:
                return earlier
        name = clean_name(outlet if outlet and not media else _longest_containing(media or text, candidates))
        return Speaker(name=name, type="media", key=f"name:{_key(name)}")
    described = head.pos_ == "NOUN" and (not has_name or lemma in lx.OFFICIAL_TITLES | PERSON_ROLE_HEADS)
    flags = {"described": described, "indefinite": indefinite, "head": lemma}
    if anonymous or (lemma in lx.ANONYMOUS_HEADS and (not has_name or lemma in SOURCE_HEADS)) or (
            lemma in {"official", "officer", "diplomat"} and indefinite):
        name = re.sub(r"^(?:another|other|one)\s+", "", lx.clean_phrase(text), flags=re.I)  # "Another resident"
        if not ANONYMITY_RE.search(name) and lemma not in lx.ANONYMOUS_HEADS:
            name = f"anonymous {name}"
        return Speaker(name=name, type="anonymous", key=f"name:{_key(name)}", **flags)
    if lemma in GROUP_HEADS and not has_name:
        name = clean_name(text)
        return Speaker(name=name, type="other", key=f"name:{_key(name)}", **flags)
    if lemma in lx.WITNESS_HEADS:  # "hospital staff" (other), "the army general staff" (official)
        name = lx.clean_phrase(text)
        kind = "official" if lx.STATE_BODY_RE.search(text) else "other"
        return Speaker(name=name, type=kind, key=f"name:{_key(name)}", **flags)
    if lemma in PERSON_ROLE_HEADS:  # "the founder of Aamin Ambulance said"
        name = lx.clean_phrase(text)
        return Speaker(name=name, type=role_type(name), key=f"name:{_key(name)}", **flags)
    family = None if civil_body(text) else actors.actor_family(text)  # (not the Sudan Doctors Network: Sudan's state)
    if family and actors.named_exactly(text) == family and re.sub(r"^the\s+", "", text.lower()) not in INSTITUTIONS:
        name = actors.capital_government(text) or clean_name(text)  # "Moscow said": Moscow (Russian government)
        return Speaker(name=name, type="other" if family in NON_STATE else "official", key=f"family:{family}")
    if family and lemma in GROUP_HEADS and has_name:  # "the Islamic State group claimed the attack"
        return Speaker(name=clean_name(text), type="other" if family in NON_STATE else "official", key=f"family:{family}")
    owner = _subdivided_family(head) if lemma in SUBDIVISION_HEADS else None
    if owner is not None:  # "Hamas's Lebanon branch", "the armed wing of Islamic Jihad", "one Mai-Mai faction"
        name = clean_name(re.sub(r"^(?:one|a|an|another)\s+", "", text, flags=re.I))
        kind = "other" if owner in NON_STATE or not owner else "official"
        return Speaker(name=name, type=kind, key=f"name:{_key(name)}")
    wing = lemma == "wing" and any(c.dep_ in {"poss", "compound"} and (  # "the military's media wing"
        c.lemma_.lower() in lx.OFFICIAL_HEADS or actors.actor_family(c.text)) for c in head.children)
    if lemma in lx.OFFICIAL_HEADS or wing or head.ent_type_ in {"GPE", "NORP"} or (family and head.pos_ == "PROPN"):
        rebel = any(t.lower_ in REBEL_MARKERS for t in tokens) or possessor_side(list(head.subtree)) in NON_STATE
        kind = "other" if (family in NON_STATE and lemma not in {"government", "ministry"}) or rebel else "official"
        name = clean_name(proper_part(head, tokens) or text)  # "a charge Kigali denies": Kigali (Rwandan government)
        name = actors.capital_government(name) or name
        return Speaker(name=name, type=kind, key=f"name:{_key(name)}", **flags)
    if has_name and lemma in BODY_NOUNS and head.pos_ == "NOUN":  # "the European Union's Aspides mission"
        kind = "other" if lemma in {"coalition", "alliance", "movement", "front"} else "official"
        name = clean_name(text)
        return Speaker(name=name, type=kind, key=f"name:{_key(name)}")
    named = head.pos_ == "PROPN" or (head.ent_type_ in {"ORG", "PERSON"} and head.text[:1].isupper())
    if (has_name or named) and head.ent_type_ in NAMES_THE_TAGGER_MAY_MISTAKE and named:
        # "Utiashvili, the Interior Ministry spokesman": the name ends at the appositive's comma
        name = clean_name(max(candidates[:2], key=len).split(",")[0])
        titles = lx.OFFICIAL_TITLES | PERSON_ROLE_HEADS  # "X, head of the regional administration", X tagged a body
        titled = next((c for c in children(head, "appos") if c.lemma_.lower() in titles), None)
        if titled is not None and head.ent_type_ != "PERSON":
            role = phrase_text(list(titled.subtree))
            return Speaker(name=name, type=role_type(role), key=f"person:{name.casefold()}", person=True, role=role)
        person = head.ent_type_ == "PERSON"
        return Speaker(name=name, type=named_type(head, name), key=f"name:{_key(name)}", person=person)
    return None


def _longest_containing(found: str, candidates: Sequence[str]) -> str:
    """'the Syrian Observatory' -> 'the Syrian Observatory for Human Rights' when the entity is longer."""
    longer = [c for c in candidates if found.lower().removeprefix("the ") in c.lower() and len(c) <= 80]
    return max(longer, key=len) if longer else found


# What a group is split into; each part speaks for itself ("Hamas's Lebanon branch denied any role").
SUBDIVISION_HEADS = frozenset({"branch", "wing", "faction"})


def _subdivided_family(head: Token) -> str | None:
    """The armed group or state a branch, wing or faction is part of, named by its owner ("Hamas's", "of Hamas")
    or by a name before it ("one Mai-Mai faction"; not a place: "Hamas's Lebanon branch"); "" for a named
    organisation of no known family ("Fatah's armed wing", a group of its own); None for "the group's branch"."""
    owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"] + [
        o for o in prep_objects(head, "of") if o.pos_ == "PROPN"] or [
        c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in {"GPE", "LOC"}]
    for owner in owners:
        family = actors.actor_family(phrase_text(list(owner.subtree)))
        if family or owner.ent_type_ == "ORG":
            return family or ""
    return None


def _key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.casefold())


def _appositive_role(head: Token) -> list[Token]:
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            return [t for t in child.subtree if t.dep_ not in {"det", "punct", "relcl"}]
    return []


REBEL_MARKERS = frozenset({"liberation", "outlawed", "banned", "separatist", "insurgent", "rebel", "jihadist"})


def extract_sources(doc: Doc, sents: list[Span] | None = None, *, url: str | None = None,
                    home: str | None = None) -> list[Source]:
    """Every source the article cites, in order of first appearance. ``sents``: the doc's ``syntax.sentences`` when
    the caller has them already; ``url``: where the text was published (an official body's domain names the issuer
    of a release); ``home``: the people's adjective of the country the story is set in ("Sudanese"), which names a
    bare "the army" ("the Sudanese army").

    The issuer of an official statement, release or transcript (``geo.events.frame``) is a source of every sentence
    no one else is credited with; a transcript's speakers of their turns. The header lines (title, release lines,
    byline) are not read for attributions: the body tells them. The agency a dateline credits is the story's own."""
    sents = sentences(doc) if sents is None else sents
    frame = read_frame(doc, sents, url)
    registry = Registry(defined_acronyms(doc_text(doc)))
    author = _author_speaker(frame.author) if frame.author else None
    agency = dateline_agency(span_text(s) for s in sents[frame.header:frame.header + 3])  # "KHARTOUM (TSP) -"
    if author is not None and frame.author is not None:
        line = doc_text(doc)[frame.author.start:frame.author.end]
        registry.add(author, TextSpan(text=line, start=frame.author.start, end=frame.author.end))
    for index, sent in enumerate(sents):
        if index < frame.header:
            continue
        text = span_text(sent)
        if lx.CREDIT_LINE_RE.match(text) or is_byline(text):
            continue
        cut = CREDIT_IN_SENTENCE_RE.search(text)
        limit = sent.start_char + cut.start() if cut else sent.end_char
        floor = sent.start_char + max(dateline_length(text), speaker_label_length(text))
        claim = TextSpan(text=text, start=sent.start_char, end=sent.end_char)
        credited = False
        heads = speaker_heads(sent)
        label = reaction_label(text, span_text(sents[index - 1]) if index else "")
        if label is not None and any(h.idx >= sent.start_char + label[0] for h, _via in heads):
            floor = max(floor, sent.start_char + label[0])  # "- Iran: The foreign ministry condemned": not "Iran"
        relays = {via_head.i for _head, via_head in heads if via_head is not None and via_head.head.lower_ == "by"}
        for head, via_head in heads:
            if head.idx >= limit or head.idx < floor or head.i in relays:
                continue  # "the army, cited by the agency X, said": X only passed it on (not "X, citing Y, said")
            speaker = describe_speaker(head, registry)
            if speaker is None:
                continue
            if label is not None and head.idx >= floor:
                speaker = _of_the_labelled_state(speaker, label[1])
            if author is not None and _issuers_voice(head):
                speaker = author  # "The United States condemns ..." in a statement: its issuer speaking
            via = describe_speaker(via_head, registry) if via_head is not None else None
            registry.add(speaker, claim, via=via.name if via and via.name != speaker.name else None)
            if via is not None:
                registry.spoken_to(via, noun=via_head.lemma_.lower())
            credited = True
        if credited:
            continue
        if frame.in_transcript(index):
            turn = frame.turn_at(index)
            if turn is not None:
                name, role = turn
                registry.add(Speaker(name=name, type=role_type(role or "official"), key=f"person:{name.casefold()}",
                                      person=True, role=role), claim)
        elif author is not None:
            registry.add(author, claim)
    return registry.sources(skip=own_outlet(url) + tuple(a.casefold() for a in [agency] if a), home=home)


VOICE_VERBS = frozenset({"stand", "call", "urge", "welcome", "support", "reaffirm", "commend", "extend", "remain",
                         "applaud", "mourn", "offer", "join"})


# What a state's body or office is called by its function alone ("the caretaker Prime Minister").
FUNCTION_WORDS = lx.OFFICIAL_HEADS | {"foreign", "defence", "defense", "interior", "presidency"}


def _of_the_labelled_state(speaker: Speaker, label: str) -> Speaker:
    """'- Iran: The foreign ministry condemned ...': Iran's foreign ministry (a body the item names by its common
    noun only), when the label names a state."""
    words = speaker.name.split()
    words = words[1:] if words[0].lower() in {"the", "a", "an"} else words
    if speaker.person or not names_a_state(label) or not words or any(
            w[:1].isupper() and w.lower() not in FUNCTION_WORDS for w in words):
        return speaker
    name = f"{label.removeprefix('The ').removeprefix('the ')}'s {' '.join(words)}"  # as a text would say it
    # elsewhere ("Israel's defence minister"), so one source however it is told
    return dataclasses.replace(speaker, name=name, key=f"name:{_key(name)}", described=False)


def _issuers_voice(head: Token) -> bool:
    """'The United States condemns ... and stands with ...': in an official statement, a country that
    condemns, urges or stands with someone in the present is the statement's issuer speaking."""
    verb = head.head
    return (head.ent_type_ == "GPE" and head.dep_ == "nsubj" and verb.tag_ in {"VBZ", "VBP"}
            and (verb.lemma_.lower() in lx.REACTION_VERBS or verb.lemma_.lower() in VOICE_VERBS))


def _author_speaker(author: Author) -> Speaker:
    if author.person:
        return Speaker(name=author.name, type=role_type(author.role or "official"),
                        key=f"person:{author.name.casefold()}", person=True, role=author.role)
    return Speaker(name=author.name, type="official", key=f"name:{_key(author.name)}")


__all__ = ["extract_sources", "describe_speaker"]
