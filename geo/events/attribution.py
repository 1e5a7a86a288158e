"""Where a sentence attributes a claim, and to whom (used by ``geo.events.sources``): the speaker
heads of "according to X", "X said", "Y cited by X", "X told Reuters"; and which reporting
verbs and lines are no attribution.

Not every reporting verb is an attribution: a byline ("Reporting by X; Editing by Y") names
the article's authors; "X reported from Istanbul" says where a correspondent was; "is often
cited as one reason" cites no one; "declared a ceasefire", "recorded eight flyovers" and "has
responded every time" are acts, not statements; "would have told him" did not happen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from geo.events import lexicon as lx
from geo.events.person_names import appositive_name
from geo.events.source_naming import described_before
from geo.syntax import (DASHES, QUOTES, children, dateline_length, doc_text, glued_before, prep_objects, shared_subjects,
                        span_text)
from geo.syntax.datelines import dateline_agency

RELAY_VERBS = frozenset({"cite", "quote"})
# "told reporters": the audience of a statement, not an outlet that relays it
AUDIENCE_NOUNS = frozenset({"reporter", "journalist", "press", "media", "medium", "newsman"})
BYLINE_RE = re.compile(
    r"^\W*(?:(?:additional\s+)?reporting|editing|writing|compiled|produced|translated)(?:\s+\w+){0,2}\s+by\b",
    re.IGNORECASE,
)
# Verbs that state something only with a clause or a quotation ("X declared that ...");
# with a plain object they tell an act ("declared a ceasefire", "recorded eight flyovers").
CLAUSE_ONLY_VERBS = frozenset({"declare", "record", "count", "document", "respond", "reply", "answer", "verify",
                               "assess"})  # ("assessed that ...", not "assessed the damage")
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})


def is_byline(text: str) -> bool:
    """'(Reporting by Jonathan Smith in New York; Editing by Ann Lee)'."""
    return bool(BYLINE_RE.match(text))


def _has_clause_or_quote(verb: Token) -> bool:
    if children(verb, *CLAUSE_DEPS) or verb.dep_ == "parataxis":
        return True
    return any(t.text in QUOTES or t.text == ":" for t in verb.sent if abs(t.i - verb.i) <= 3)


TALLYING_VERBS = frozenset({"count", "record", "document", "tally"})


def attributes(verb: Token) -> bool:
    """Whether a reporting verb attributes a claim to its subject here."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in verb.children):
        return False  # "Graham would have told him"
    if lemma in CLAUSE_ONLY_VERBS and not _has_clause_or_quote(verb) and not (lemma in TALLYING_VERBS and any(
            children(o, "nummod") for o in children(verb, "dobj"))):  # "the group counted 52 civilians killed"
        return False
    if lemma == "report" and not children(verb, "dobj", *CLAUSE_DEPS) and any(
            c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
        return False  # "Soguel reported from Istanbul": the correspondent's whereabouts
    if lemma in {"cite", "quote"} and children(verb, "nsubjpass") and any(
            c.dep_ == "prep" and c.lower_ == "as" and children(c, "pobj") for c in verb.children):
        return False  # "is often cited as one reason" (but "cited the FSB as saying ..." is a citation)
    return True


def lookup(text: str | Sequence[str], table: dict[str, str] | frozenset[str]) -> str | None:
    for candidate in ([text] if isinstance(text, str) else text):
        lowered = re.sub(r"^the\s+|\s*\([^()]*\)$", "", candidate.lower()).strip()  # "X (XYZ)": X
        lowered = re.sub(r"['’]s$", "", lowered)
        if lowered in table:
            return table[lowered] if isinstance(table, dict) else candidate
    return None


# "X put the death toll at 16", "Y gave the number of dead as 12": a figure given is a claim.
TOLL_GIVING_VERBS = frozenset({"put", "place", "give", "estimate", "set"})
TOLL_NOUNS = frozenset({"toll", "number", "figure", "count", "tally"})


# Verbs that answer someone else's claim ("a charge the ministry rejects", "the army dismissed the figure"):
# the one who answers says something too.
REBUTTING_VERBS = frozenset({"dismiss", "reject", "dispute", "refute", "rebut", "contest"})
CLAIM_NOUNS = frozenset({"claim", "charge", "allegation", "accusation", "figure", "toll", "account", "version",
                         "report", "assertion"})


def _rebuts_a_claim(verb: Token) -> bool:
    """'a claim the army dismissed', 'allegations the government rejects' (parsed as a clause of the noun),
    'the ministry rejected the accusation': the verb answers a claim."""
    claims = [verb.head] if verb.dep_ in {"relcl", "ccomp"} else []
    claims += children(verb, "dobj", "nsubjpass")
    return any(c.lemma_.lower() in CLAIM_NOUNS for c in claims)


def _after_the_quote(verb: Token) -> bool:
    """'"...," said X': the reporting verb right after the quotation it reports (a quote mark there closes it)."""
    return verb.i > 0 and verb.doc[verb.i - 1].text in QUOTES


def speaker_heads(sent: Span) -> list[tuple[Token, Token | None]]:
    """(speaker head, relaying outlet head or None) for each attribution in a sentence."""
    found: list[tuple[Token, Token | None]] = []
    floor = sent.start_char + dateline_length(span_text(sent))
    for token in sent:
        lemma = token.lemma_.lower()
        if token.lower_ == "according":
            for obj in prep_objects(token, "to"):
                found.extend((h, None) for h in (obj, *obj.conjuncts))
        elif lemma in lx.REPORT_NOUNS and token.pos_ == "NOUN":
            found.extend((o, None) for o in prep_objects(token, "by"))  # "(aware of) a report by X that ..."
        elif lemma in lx.CALLING_VERBS and token.pos_ == "VERB" and any(
                c.lower_ == "what" and c.dep_ in {"dobj", "oprd"} for c in token.children):
            found.extend((s, None) for s in children(token, "nsubj"))  # "what the Pentagon called 'reckless attacks'"
        elif lemma in lx.CALLING_VERBS and token.pos_ == "VERB" and _named_as(token):
            said_by = shared_subjects(token) if token.dep_ == "conj" else children(token, "nsubj")
            found.extend((s, None) for s in said_by)  # "X called the bombing 'a crime'", "X visited the town and
            # called the attack 'cowardly'"
        elif lemma in REBUTTING_VERBS and token.pos_ == "VERB" and _rebuts_a_claim(token):
            found.extend((s, None) for s in children(token, "nsubj"))  # "a claim the army dismissed as propaganda"
        elif lemma in TOLL_GIVING_VERBS and token.pos_ == "VERB" and any(
                c.lemma_.lower() in TOLL_NOUNS for c in children(token, "dobj")):
            found.extend((s.head.head if s.lower_ in {"which", "that"} and s.head.dep_ == "relcl" else s, None)
                         for s in children(token, "nsubj"))  # "the police (statement, which) put the toll at 16"
        elif lemma in lx.REPORTING_VERBS and token.pos_ == "VERB" and not children(token, "neg") and (
                attributes(token)):
            if lemma in RELAY_VERBS and token.head.lower_ == "without":
                continue  # "the agency said, without citing sources"
            if lemma in RELAY_VERBS:
                relay = children(token, "nsubj") or children(token.head, "nsubj")
                relay_head = relay[0] if relay else next(iter(prep_objects(token, "by")), None)
                if relay_head is not None and relay_head.lemma_.lower() in AUDIENCE_NOUNS:
                    relay_head = None  # "A reporter cited a report by X": X, asked about at a briefing
                quoted = children(token, "dobj") or children(token, "nsubjpass")
                if token.dep_ == "acl":  # "a source cited by Reuters" is handled with its noun
                    continue
                found.extend((h, relay_head) for q in quoted for h in (q, *q.conjuncts))
                continue
            subjects = [_named_first(_past_label(s, token, sent)) for s in children(token, "nsubj") if s.idx >= floor]
            if _after_the_quote(token) and any(s.i > token.i for s in subjects):  # '"... strikes ...," said X':
                subjects = [s for s in subjects if s.i > token.i]  # the speaker after, not a word of the quote
            elif any(s.i < token.i for s in subjects):  # "X said its fighter had targeted officials", misparsed:
                subjects = [s for s in subjects if s.i < token.i]  # the speaker comes before, the rest is what was said
            if len(subjects) > 1:  # "... killed more than 400 people, the ministry says", parsed with two subjects
                subjects = [s for s in subjects if not children(s, "nummod")] or subjects
                described = {n.i for n in map(described_before, subjects) if n is not None}  # "the channel X
                subjects = [s for s in subjects if s.i not in described]  # reported", parsed with two subjects
            if subjects and all(s.lower_ in QUANTIFIER_SUBJECTS for s in subjects):
                subjects = _tail_speaker(token, sent)  # "..., the army and a rebel commander each blamed ..."
            if subjects and all(s.lemma_.lower() in VICTIM_SUBJECTS and children(s, "nummod") for s in subjects):
                subjects = _tail_speaker(token, sent) or subjects  # "killing 11 civilians, a medic and X said"
            subjects = (subjects or _one_noun(prep_objects(token, "by")) or _participle_speaker(token)
                        or _conjunct_speaker(token) or _tail_speaker(token, sent))
            for subject in subjects:  # not a conjunct before it ("on social media, the army and X each said"), nor
                one = any(c.dep_ == "appos" and c.ent_type_ == "PERSON"  # a named one's title
                          for c in subject.children) or appositive_name(subject) is not None
                outlet = _told(token, subject) or _reported_by(token)
                found.extend((h, outlet) for h in (subject, *(c for c in subject.conjuncts
                                                               if c.i > subject.i and not one)))
    found = [(h, via) for head, via in found for h in _speaking_bodies(head)]
    within = {t.i for head, _ in found for t in head.subtree}  # "a spokesman for al-Shabab said", "-Shabab" taken
    found = [(h, via) for h, via in found if not _glued_on(h, within)]  # for a second subject: not a speaker
    # "Y cited by X", "Y quoted by X": Y via X, and X itself, which reports it; "Y told Reuters": Y via
    # Reuters only, the outlet Y spoke to (a source where it says something itself)
    result: list[tuple[Token, Token | None]] = []
    for head, via in found:
        reports = via is not None and not _told_to(via)
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() in RELAY_VERBS:
                relay = prep_objects(child, "by")
                if relay:
                    via, reports = relay[0], True
        result.append((head, via))
        if via is not None and reports and not (via.pos_ == "PROPN" and via.lower_ in lx.MASTHEAD_WORDS):
            result.append((via, None))  # (a paper known only by its masthead relays: a source where it says so)
    return result


PRESS_OFFICE_HEADS = frozenset({"office", "center", "centre", "cell", "department", "service"})


def _reported_by(verb: Token) -> Token | None:
    """'X denied any role, the state news agency reported': the outlet whose report carries X's words."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() != "report":
        return None
    outlet = next(iter(children(verb.head, "nsubj")), None)
    named = outlet is not None and (" ".join(t.text for t in outlet.subtree if t.pos_ == "PROPN") or outlet.text)
    if outlet is None or not (lookup(named, lx.WIRE_AGENCIES) or lookup(named, lx.MEDIA_OUTLETS) or (
            outlet.lemma_.lower() in lx.MEDIA_HEADS)):
        return None
    return outlet


def _told_to(outlet: Token) -> bool:
    """'X told Radio Y', 'X, who spoke to VOA': the outlet is who X spoke to."""
    verb = outlet.head
    if outlet.dep_ in {"dobj", "dative"}:
        return verb.lemma_.lower() == "tell"
    return outlet.dep_ == "pobj" and verb.head.lemma_.lower() in {"speak", "talk"}


def _one_noun(agents: list[Token]) -> list[Token]:
    """'reported by U.S., coalition, or commercial ships': words listed before a noun they all modify name
    no speaker of their own; the list is the noun (here no one who speaks)."""
    if not agents:
        return agents
    items = [agents[0], *agents[0].conjuncts]
    last = max(items, key=lambda t: t.i)
    shared = last.pos_ == "NOUN" and any(c.dep_ in {"amod", "compound"} for c in last.children) and all(
        all(c.is_punct or c.dep_ in {"cc", "conj"} for c in t.children) for t in items if t is not last)
    return ([] if last.lemma_.lower() in VESSEL_NOUNS else [last]) if shared and len(items) > 1 else agents


VESSEL_NOUNS = frozenset({"ship", "vessel", "aircraft", "boat", "tanker"})  # what carries people, not who speaks


# People who speak for the body they work for ("investigators from Human Rights Watch and the UN").
EXPERT_NOUNS = frozenset({"investigator", "researcher", "expert", "monitor", "inspector", "analyst"})


def _glued_on(head: Token, within: set[int]) -> bool:
    """Whether a subject is the end of a word another speaker's phrase holds, cut at a dash written without
    spaces ('a spokesman for al' + '-' + 'Shabab', the parser taking the rest for a subject)."""
    doc = head.doc
    if head.text in DASHES and head.i > 0 and not doc[head.i - 1].whitespace_:
        return head.i - 1 in within and head.i - 1 not in {t.i for t in head.subtree}
    glued = glued_before(head)
    return glued is not None and glued.i in within and glued.i not in {t.i for t in head.subtree}


def _speaking_bodies(head: Token) -> list[Token]:
    """'investigators from Human Rights Watch (HRW) and the United Nations': the bodies they speak for."""
    if head.lemma_.lower() not in EXPERT_NOUNS:
        return [head]
    bodies = [o for o in prep_objects(head, "from", "at", "with", "of") if o.pos_ == "PROPN" or o.ent_type_ == "ORG"]
    return [b for body in bodies for b in (body, *body.conjuncts)] or [head]


QUANTIFIER_SUBJECTS = frozenset({"each", "both", "all"})


def _named_first(subject: Token) -> Token:
    """'Jane Roe, a truck driver who escaped, said' parsed with 'driver' as the subject: the person named
    before the description speaks."""
    doc = subject.doc
    start = min(t.i for t in subject.subtree)
    if subject.pos_ != "NOUN" or start < 2 or doc[start - 1].text != "," or doc[start].lower_ not in {"a", "an"}:
        return subject
    name = doc[start - 2]
    return name if name.ent_type_ == "PERSON" and name.head == subject.head else subject


def _named_as(verb: Token) -> bool:
    """'called the bombing "a crime"', 'described the attack as cowardly': what someone calls an act is a
    claim about it (but not 'called for calm', 'called him')."""
    for obj in children(verb, "dobj"):
        if obj.pos_ == "PRON":
            continue
        said = [c for c in (*obj.children, *verb.children) if c.dep_ in {"oprd", "appos"}]
        said += [o for c in (*obj.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "as"
                 for o in c.children]
        if said:
            return True
    return False


def _past_label(subject: Token, verb: Token, sent: Span) -> Token:
    """'Q: Syria's state news agency, SANA, says ...' parsed with the label 'Q' as the subject: the noun
    phrase between the label's colon and the verb speaks; so does the one after the comma of an opening
    'Briefing journalists at X, the spokesman said', parsed with the journalists as the subject."""
    doc = sent.doc
    opened = doc[sent.start].lower_ in OPENING_PARTICIPLES and subject.left_edge.i == sent.start
    commas = [t.i for t in doc[sent.start:verb.i] if t.text == ","] if opened else []
    if commas:
        start = commas[0] + 1
    elif subject.i != sent.start or subject.i + 1 >= len(doc) or doc[subject.i + 1].text != ":":
        return subject
    else:
        start = subject.i + 2
    phrase = [t for t in doc[start:verb.i] if t.pos_ in {"NOUN", "PROPN"}]
    inside = {t.i for t in doc[start:verb.i]}
    roots = [t for t in phrase if t.head.i not in inside]
    return roots[0] if roots else subject


# Words that open a phrase on where and to whom someone spoke ("Briefing journalists in X, the spokesman said").
OPENING_PARTICIPLES = frozenset({"briefing", "addressing", "speaking", "talking", "telling", "writing"})


def _conjunct_speaker(verb: Token) -> list[Token]:
    """'The council deplored the raid and said ...': the subject the coordinated verbs share (not when a
    phrase and a comma stand before the verb: "Rescuers pulled out bodies, the group's coordinator told X"; nor
    a passive with a subject of its own: "troops shot the drone down, and no injuries were reported")."""
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"} or children(verb, "nsubjpass"):
        return []
    verbs = {v.i for v in (verb.head, *verb.head.conjuncts)}
    previous = max((i for i in verbs if i < verb.i), default=verb.head.i)
    if verb.i > 0 and verb.doc[verb.i - 1].text == "," and not any(
            t.dep_ == "cc" and (t.head.i in verbs or t.head == verb) for t in verb.doc[previous + 1:verb.i]):
        return []
    return children(verb.head, "nsubj")


def _participle_speaker(verb: Token) -> list[Token]:
    """'The White House condemned the attack, saying ...': the subject of the verb the
    participle hangs on."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp", "conj"}:
        return []
    head = verb.head
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in lx.REPORTING_VERBS and verb.i > head.i:
        return children(head.head, "nsubj")  # "X told Reuters that Y had done it, saying ...": X says it
    return children(head, "nsubj")


VICTIM_SUBJECTS = frozenset({"civilian", "people", "person", "child", "woman", "soldier", "passenger", "worshipper",
                             "student", "villager"})  # counted victims the parse made the subject of "said"
_TAIL_WINDOW = 14  # tokens: a trailing attribution is a short noun phrase


def _tail_speaker(verb: Token, sent: Span) -> list[Token]:
    """', a local doctors' group said.' parsed without a subject: the noun phrase between the
    last comma and the verb; its head is the noun whose own head lies outside the phrase
    ("a source in Ukraine's security service told Reuters" -> "source")."""
    window = [t for t in sent if verb.i - _TAIL_WINDOW <= t.i < verb.i]
    commas = [t.i for t in window if t.text == ","]
    if not commas:
        return []
    phrase = [t for t in window if t.i > commas[-1]]
    if not phrase and len(commas) >= 2:
        named = [t for t in window if commas[-2] < t.i < commas[-1] and t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        if named:  # "..., the group's coordinator, Jane Roe, told X": the name after the title
            return named[-1:]
    if not phrase and len(commas) >= 3:  # "In X, Jane Roe, a senior lawmaker, warned": the name before the title
        named = [t for t in window if commas[-3] < t.i < commas[-2] and t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        return named[-1:]
    inside = {t.i for t in phrase}
    nouns = [t for t in phrase if t.pos_ in {"NOUN", "PROPN"}]
    roots = [t for t in nouns if t.head.i not in inside]
    return roots[:1] or nouns[-1:]


def _told(verb: Token, subject: Token | None = None) -> Token | None:
    """'X told Reuters', 'X, who spoke to VOA on condition of anonymity, said': the outlet X spoke to relays
    the claim."""
    told = children(verb, "dobj", "dative") if verb.lemma_.lower() == "tell" else []
    spoke = [o for c in (subject.children if subject is not None else ()) if c.dep_ == "relcl" and (
        c.lemma_.lower() in {"speak", "talk"}) for o in prep_objects(c, "to", "with")]
    for obj in told + spoke:
        name = " ".join(t.text for t in obj.subtree if t.pos_ == "PROPN") or obj.text  # "Al Jazeera", not "Jazeera"
        outlet = lookup(name, lx.WIRE_AGENCIES) or lookup(name, lx.MEDIA_OUTLETS)
        audience = obj.lemma_.lower() in AUDIENCE_NOUNS and obj.pos_ != "PROPN"
        masthead = obj.pos_ == "PROPN" and obj.lower_ in lx.MASTHEAD_WORDS  # "told Hiigsi Post"
        press_office = obj.lemma_.lower() in PRESS_OFFICE_HEADS and any(  # "told the army's media center"
            c.dep_ in {"compound", "amod"} and c.lower_ in {"media", "press", "information"} for c in obj.children)
        if outlet or masthead or press_office or (obj.lemma_.lower() in lx.MEDIA_HEADS and not audience) or (
                obj.pos_ == "PROPN" and obj.text == _dateline_agency(obj.doc)):  # "(TSP) - ... told TSP"
            return obj
    return None


def _dateline_agency(doc: Doc) -> str | None:
    """The agency the story's dateline credits ('KHARTOUM, Jan 5 (TSP) - '): its own outlet."""
    return dateline_agency(doc_text(doc)[:3000].splitlines())
