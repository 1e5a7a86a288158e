"""What reads like an act but tells none: accidents ('caused by a gas leak'), criticism ('came under fire
over its cost'), habits and campaigns ('rebels often fire rockets', 'a frequent target of airstrikes'),
the kind of a series ('the latest in a series of knife attacks'), experiences denied ('I don't remember an
attack this bad'); and who an act is done to.

Used by ``geo.events.triggers``; imports only the events wing's word lists, ``phrasal`` and ``geo.syntax``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from geo.events import context_words as elx, lexicon as lx
from geo.events.phrasal import came_under
from geo.syntax import children, prep_objects


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def accidental(token: Token) -> bool:
    """'An explosion ... may have been caused by a gas leak': an accident."""
    for verb in token.sent:
        if _lemma(verb) == "cause" and any(
                _lemma(o) in elx.ACCIDENT_CAUSES or any(_lemma(c) in elx.ACCIDENT_CAUSES for c in o.children)
                for o in prep_objects(verb, "by")):
            return True
    return False


def criticised(token: Token) -> bool:
    """'The plan came under fire over its cost', 'his travels came under fire': criticism."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "under" else None
    if verb is not None and _lemma(verb) in {"feel", "seem", "look", "sound"}:
        return True  # "communities feeling more under attack"
    if verb is None or _lemma(verb) not in {"come", "be"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"for", "over"} for c in verb.children):
        return True
    return any(_lemma(s) in elx.CRITICISED_THINGS or s.lower_ in elx.CRITICISED_THINGS
               for s in children(verb, "nsubj"))


def victims_of(token: Token) -> list[Token]:
    """Who an act is done to: the passive subject or object of a verb, 'on X' of a noun; for
    'a horse was killed after being attacked', the subject of the clause above."""
    if token.pos_ == "VERB":
        found = children(token, "nsubjpass", "dobj")
        if not found and token.tag_ in {"VBN", "VBG"} and token.dep_ in {"advcl", "pcomp", "xcomp"}:
            clause = token.head.head if token.head.pos_ == "ADP" else token.head
            found = children(clause, "nsubjpass", "nsubj")
        return found
    return prep_objects(token, "on", "against")


def latest_of_series(token: Token) -> bool:
    """'the latest in a series of knife attacks', 'the latest of their attacks on shipping': the kind of event,
    not one of them."""
    if token.dep_ == "pobj" and token.tag_ == "NNS" and token.head.lower_ == "of" and token.head.head.lower_ in {
            "latest", "last", "newest"}:
        return True
    if token.dep_ != "pobj" or token.head.lower_ != "of" or _lemma(token.head.head) not in elx.SERIES_NOUNS:
        return False
    series = token.head.head
    return series.dep_ == "pobj" and series.head.lower_ == "in" and series.head.head.lower_ in {"latest", "last", "first"}


EXPERIENCE_VERBS = frozenset({"remember", "recall", "see", "experience", "witness", "know", "expect"})


def negated_experience(token: Token) -> bool:
    """"I don't remember an attack this bad": no attack is told."""
    verb = token.head
    return (token.dep_ == "dobj" and _lemma(verb) in EXPERIENCE_VERBS
            and any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children))


def none_of(token: Token) -> bool:
    """'None of Tuesday's strikes were near X', 'neither of the drones reached the base': what did not happen."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in {"none", "neither"}


CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "assertion", "accusation", "rumour", "rumor"})
REJECTING_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut", "debunk", "disprove"})
FALSE_WORDS = frozenset({"false", "baseless", "untrue", "unfounded", "fabricated", "fake", "groundless"})


def rejected_claim(token: Token) -> bool:
    """'The army denied rebel claims that fighters had shot down a helicopter', 'called false a claim that
    they struck a frigate', 'denied that its jets had struck civilians': an act told only in a claim the text
    rejects."""
    if token.pos_ == "VERB" and token.dep_ == "ccomp" and _lemma(token.head) in REJECTING_VERBS and (
            token.head.pos_ == "VERB"):
        return True  # "the army denied on Thursday that its aircraft had struck civilians" (not "denied that it
        # carried out the strike": the act told before, named again)
    claim = next((a for a in token.ancestors if _lemma(a) in CLAIM_NOUNS and a.pos_ == "NOUN"), None)
    if claim is None:
        return False
    verb = claim.head.head if claim.dep_ == "pobj" else claim.head  # "dismissed as false a claim ..."
    said_false = any(c.lower_ in FALSE_WORDS for c in (*claim.children, *verb.children))
    return said_false or _lemma(verb) in REJECTING_VERBS


# "one attack at Erbil, which is the one I described": a speaker pointing back at an act told already
DESCRIBED_ALREADY_RE = re.compile(r"\b(?:which|that)\s+(?:is|was|'s)\s+the\s+one\s+(?:I|we|he|she|they)\s+"
                                  r"(?:just\s+|already\s+)?(?:described|mentioned|talked\s+about|referred\s+to|"
                                  r"spoke\s+about|told\s+you\s+about)\b", re.I)


def told_already(token: Token) -> bool:
    """'We have one attack at Erbil over the weekend, which is the one I described': no new act."""
    return DESCRIBED_ALREADY_RE.search(token.sent.text[token.idx - token.sent.start_char:]) is not None


def only_heard(token: Token) -> bool:
    """'Residents heard at least eight explosions', 'explosions were heard', 'I heard shooting inside': what
    witnesses noticed of an act, told as what they heard, not an act of its own."""
    verb = token.head
    return _lemma(verb) == "hear" and token.dep_ in {"dobj", "nsubjpass", "xcomp"}


# Verbs of how a number of acts changed.
COUNT_CHANGE_VERBS = frozenset({"rise", "fall", "increase", "decrease", "double", "triple", "decline", "drop", "surge",
                                "grow", "soar", "jump", "climb", "spike"})
# Verbs of what a thing is put to, in the present: "the army uses the airport to launch raids".
MEANS_VERBS = frozenset({"use", "employ", "need", "rely"})


def _purpose(noun: Token) -> bool:
    """Whether a noun is the object of an infinitive that tells what something is for ("sites used to plan
    attacks", "a base to launch raids from"), not of one a subject did ("went on to carry out raids")."""
    while noun.dep_ in {"conj", "compound"} and noun.head.pos_ in {"NOUN", "PROPN"} and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "dobj":
        return False
    verb = noun.head
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not children(verb, "aux"):
        verb = verb.head  # "to store weapons and coordinate attacks"
    return verb.tag_ == "VB" and verb.dep_ in {"acl", "relcl", "advcl", "xcomp"} and any(
        a.lower_ == "to" for a in children(verb, "aux")) and verb.head.pos_ in {"NOUN", "PROPN", "VERB"} and (
        verb.head.pos_ != "VERB" or verb.head.tag_ == "VBN")


# Verbs a relative clause tells an act's course with, hung by the parser on the thing the act is of.
ONGOING_VERBS = frozenset({"intensify", "escalate", "continue", "grow", "increase", "persist", "worsen", "spread"})


MASS_WORDS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions"})  # how many, uncounted


def habitual(token: Token, family_of: Callable[[Token], str | None]) -> bool:
    """A habit or a campaign, not one event: 'rebels often fire rockets', 'periodic raids', 'a frequent
    target of airstrikes', 'attacks that the group regularly conducts', 'has been fighting since 2008'.
    A counted aggregate ('more than 30 attacks since November') is an event."""
    if any(c.dep_ == "nummod" for c in token.children):
        return False
    if token.dep_ == "xcomp" and _lemma(token.head) == "keep" and (token.head.tag_ in {"VBP", "VBZ"} or any(
            a.lower_ in lx.MODAL_AUX for a in children(token.head, "aux"))):  # (or "it would keep striking ...")
        return True  # "as long as army planes keep bombing Darfur", "jets keep striking villages": a campaign
    if token.tag_ == "NNS" and _purpose(token):
        return True  # "a depot used to store weapons and coordinate attacks": what a thing is for
    if token.tag_ == "NNS" and token.dep_ == "nsubj" and _lemma(token.head) in COUNT_CHANGE_VERBS:
        return True  # "drone attacks on the region rose by a third in October": a trend
    if token.tag_ == "NNS" and token.dep_ == "pobj" and _spread_over_a_region(token):
        return True  # "reports of army airstrikes in populated areas across X": acts told over a region
    if token.dep_ in {"conj", "compound", "amod"} and family_of(token.head):
        return habitual(token.head, family_of)  # "a frequent target of airstrikes and shelling": both; "bombing raids"
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in {"be", "become", "remain"}:
        said = [c for c in token.head.children if c.dep_ in {"attr", "acomp"}]
        if any(c.lower_ in USUAL_WORDS or any(a.dep_ == "amod" and a.lower_ in USUAL_WORDS for a in c.children)
               for c in said):
            return True  # "drone strikes have become a regular feature of the war", "raids are common"
        if token.tag_ == "NNS" and token.head.tag_ in {"VBZ", "VBP"} and any(c.dep_ == "attr" for c in said) and not (
                children(token, "det")):
            return True  # "air strikes remain the deadliest form of violence": what such acts are, now
    holders = [token]
    if token.dep_ == "conj" and token.head.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in elx.HABITUAL_ADJECTIVES for c in token.head.children):
        return True  # "near-daily glide bomb and artillery strikes": the adjective is of both
    if token.dep_ in {"pobj", "pcomp"} and token.head.lower_ == "of":  # "a frequent target of airstrikes", "often
        holders += [token.head.head, *([token.head.head.head] if token.head.head.dep_ == "dobj" else [])]  # accused X
        # of looting" (the 'of' on X or on the verb)
    if came_under(token):
        holders.append(came := token.head.head)  # "villages come under fire almost every day": the verb's adverbs
        if came.tag_ in {"VBP", "VBZ"} and any(c.dep_ == "advmod" and c.lower_ == "when" for c in came.children):
            return True  # "when our partners come under attack, we act": what happens whenever it does
    governor = token.head if token.dep_ in {"dobj", "nsubj", "nsubjpass"} else None
    if token.tag_ == "NNS" and token.dep_ == "dobj" and governor.dep_ == "relcl" and (
            governor.tag_ in {"VBZ", "VBP"} and not children(token, "det", "poss", "nummod")):
        return True  # "a group that tracks cross-border strikes", "militias that fire rockets": what they do
    clauses = [c for h in holders for c in h.children if c.dep_ == "relcl"]
    clauses += [c for o in prep_objects(token, "of") for c in o.children if c.dep_ == "relcl" and (
        _lemma(c) in ONGOING_VERBS)]  # "the bombardment of its grid, which has intensified almost nightly": the act's
    clause = governor if governor is not None else token
    if re.search(r"\b(?:on and off|off and on|time and again|again and again)\b",
                 " ".join(t.lower_ for t in clause.subtree)):
        return True  # "were firing at our people on and off"
    around = [p for p in governor.children if p.dep_ == "prep"] if governor is not None else []  # ", sometimes in X"
    if governor is not None and governor.dep_ in {"advcl", "xcomp"} and any(
            a.lower_ == "to" for a in children(governor, "aux")):
        around.append(governor.head)  # "routinely uses villages to stage attacks": the habit the purpose serves
        if governor.head.tag_ in {"VBZ", "VBP"} and _lemma(governor.head) in MEANS_VERBS:
            return True  # "airports that the army uses to launch raids on X": what a thing is for, no act
    for holder in holders + clauses + ([governor] if governor is not None else []) + around:
        for child in holder.children:
            if child.dep_ == "advmod" and child.lower_ in elx.HABITUAL_ADVERBS:
                return True
            if child.dep_ == "npadvmod" and child.lemma_.lower() in SPAN_UNITS | {"day", "night"} and any(
                    g.lower_ in {"every", "each"} for g in child.children):
                return True  # "aircraft bomb the area almost every week"
            if child.dep_ == "amod" and child.lower_ in elx.HABITUAL_ADJECTIVES and holder in holders:
                return True
    spans = [clause, *holders, *(a for h in (clause, *holders) for a in children(h, "aux"))]
    if any(_lemma(o) in SPAN_UNITS and o.tag_ == "NNS" for h in spans for o in prep_objects(h, "for")) or (
            token.pos_ == "VERB" and FOR_YEARS_RE.search(token.doc[max(token.sent.start, token.i - 4):token.i].text)):
        return True  # "bandits have for years raided villages" (however parsed)
    clause_verb = token
    while clause_verb.dep_ in {"advcl", "conj"} and clause_verb.tag_ == "VBG" and clause_verb.head.i != clause_verb.i:
        clause_verb = clause_verb.head
    if clause_verb.dep_ == "dobj" and clause_verb is not token:
        clause_verb = clause_verb.head  # the parse hung the gerunds on the object ("raided farms, killing")
    if clause_verb is not token and clause_verb.pos_ == "VERB" and habitual(clause_verb, family_of):
        return True  # "have for years raided villages, killing and abducting people": as habitual
    perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in clause_verb.children)
    if clause_verb is not token and perfect and any(o.ent_type_ == "DATE" for o in prep_objects(clause_verb, "since")):
        return True  # "has besieged the city since May, shelling its districts": a campaign going on, no one act
    if token.tag_ == "NNS" and governor is not None and _lemma(governor) in TREND_VERBS and token.dep_ == "dobj":
        return True  # "militants have stepped up attacks on the police": a trend, not an act
    if token.tag_ == "NNS" and token.dep_ == "dobj" and _lemma(token.head) in DESCRIBING_VERBS and prep_objects(
            token.head, "as") and not any(c.lower_ in {"the", "these", "those"} for c in token.children):
        return True  # "the group describing its attacks as support for X": what its acts are said to be, no act
        # (not "described the raids as a response to X": the raids told)
    if token.pos_ == "VERB" and _lemma(token) in {"kill", "wound", "injure"} and any(
            c.dep_ == "aux" and c.lower_ in {"have", "has"} for c in token.children) and prep_objects(token, "since"):
        return True  # "780 people have been killed in the region since October": a toll over time, not an act
    if token.tag_ == "NNS" and not children(token, "nummod") and token.dep_ == "pobj" and token.head.lower_ == "in" and (
            token.head.head.pos_ == "VERB" and _lemma(token.head.head) in {"kill", "wound", "injure", "die"}
            and any(o.ent_type_ == "DATE" for o in prep_objects(token.head.head, "since"))):
        return True  # "1,300 people have been killed in attacks in the state since December": a toll, not an act
    many = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if many is not None and many.lower_ in MASS_WORDS and many.dep_ == "dobj" and (
            any(c.dep_ == "aux" and c.lower_ in {"have", "has"} for c in many.head.children)) and (
            prep_objects(many.head, "since")):
        return True  # "bandits have carried out hundreds of kidnappings since 2020": a campaign, no one act
    since = token.head if token.dep_ == "dobj" and token.head.dep_ == "pcomp" else None
    if since is not None and since.tag_ == "VBG" and since.head.lower_ == "since" and any(
            c.dep_ == "aux" and c.lower_ in {"have", "has"} for c in since.head.head.children):
        return True  # "forces have held the area since launching an incursion": the start of a state, no act told
    since_a_year = any(o.like_num and len(o.text) == 4 for o in prep_objects(token, "since"))
    if token.pos_ == "VERB" and since_a_year and any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"}
                                                     for c in token.children) and not any(
            t.like_num for c in token.children if c.dep_ in {"dobj", "npadvmod", "advmod", "nsubj", "nsubjpass"}
            for t in c.subtree):
        return True  # "militants had raided the district since 2015": years of raids, no one act (not "attacked
        # five times since 2019": a counted aggregate)
    if token.pos_ == "VERB" and token.tag_ == "VBG" and any(c.lower_ == "been" for c in token.children):
        return since_a_year  # "fighting since 2008"
    return False


def _spread_over_a_region(token: Token) -> bool:
    """Acts with no count, day, toll or 'the', told 'across' or 'throughout' a place ('reports of airstrikes
    across X', 'amid shelling throughout X'): a campaign, no one act ('strikes across X killed 12 people
    overnight' is one wave of them)."""
    if any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in token.children) or any(
            e.label_ in {"DATE", "TIME", "CARDINAL"} for e in token.sent.ents):
        return False
    return any(t.dep_ == "prep" and t.lower_ in {"across", "throughout"} for t in token.subtree)


SPAN_UNITS = frozenset({"year", "month", "decade", "week"})
FOR_YEARS_RE = re.compile(r"\bfor\s+(?:many\s+|several\s+)?(?:years|decades|months)\b", re.I)
DESCRIBING_VERBS = frozenset({"describe", "characterize", "characterise", "portray", "depict", "justify", "present"})
USUAL_WORDS = elx.HABITUAL_ADJECTIVES | {"common", "commonplace", "routine", "everyday", "familiar", "usual"}
TREND_VERBS = frozenset({"step", "intensify", "escalate", "increase", "ramp", "redouble", "scale"})
NOBODY = frozenset({"none", "nothing", "nobody", "neither"})


FLIGHT_VERBS = frozenset({"flee", "escape", "displace", "uproot", "leave", "spare", "spar"})  # "spared": "spar"


LABELLING_VERBS = frozenset({"condemn", "denounce", "describe", "call", "brand", "label", "term", "decry", "present"})


def a_label(token: Token) -> bool:
    """'condemned the raid as "a new massacre"', 'described the strike as an act of aggression': what an
    act already told is called, not another act; so is 'called the attack "a deliberate strike on a school"'."""
    if token.dep_ == "oprd":  # (not "carried out what it called retaliatory strikes": the act itself)
        return token.head.lemma_.lower() in LABELLING_VERBS and any(
            o.tag_ not in {"WP", "WDT"} for o in children(token.head, "dobj"))
    if token.dep_ != "pobj" or token.head.lower_ != "as":
        return False
    verb = token.head.head.head if token.head.head.dep_ == "dobj" else token.head.head  # the parse may hang 'as' on the object
    return verb.lemma_.lower() in LABELLING_VERBS and bool(children(verb, "dobj"))


def fell(token: Token) -> bool:
    """'claimed that the base had been overrun', 'denied that the post was overrun': a place told fallen, a change
    of hands (often claimed or denied), not the assault told by who overran it."""
    return token.pos_ == "VERB" and _lemma(token) == "overrun" and any(c.dep_ == "auxpass" for c in token.children)


MEANS_PREPS = frozenset({"with", "by"})


def threatened_means(token: Token) -> bool:
    """'warned that attacks on homes would be answered with strikes on its towns', 'will respond with strikes':
    the means of what a side says it would (will, could) do, not an act."""
    if token.dep_ != "pobj" or token.head.lower_ not in MEANS_PREPS:
        return False
    return token.head.head.pos_ == "VERB" and told_as_possible(token.head.head)


def told_as_possible(verb: Token) -> bool:
    """'would be answered', 'will strike', 'could attack': a verb with a modal, what may be, not what was."""
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in lx.MODAL_AUX for c in verb.children)


def fled(token: Token) -> bool:
    """'families who had fled earlier fighting', 'displaced by the fighting', 'a town spared the fighting': what
    people fled or were spared is the background of the story, not one of its acts."""
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ in {"by", "from"} else token.head
    return token.dep_ in {"dobj", "pobj"} and _lemma(head) in FLIGHT_VERBS and token.pos_ == "NOUN" or (
        token.tag_ == "VBG" and token.dep_ == "dobj" and _lemma(token.head) in FLIGHT_VERBS)


def denied(token: Token) -> bool:
    """'None of the three missiles was intercepted', 'no drones were shot down': an act that did not
    happen; 'wounded men fighting for their lives': no fighting."""
    if token.pos_ == "VERB":
        for subject in children(token, "nsubj", "nsubjpass"):
            if subject.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
                return True
        if any(_lemma(o) == "life" for o in prep_objects(token, "for")):
            return True
    return False


__all__ = ["a_campaigns_toll", "a_label", "accidental", "criticised", "denied", "fled", "front_moved", "goes_on",
           "habitual", "latest_of_series", "negated_experience", "only_heard", "rejected_claim", "victims_of"]


GOING_ON_VERBS = frozenset({"continue", "rage", "persist", "drag", "simmer", "intensify", "escalate", "spread",
                            "worsen", "resume"})  # "fighting has intensified since May": a trend, no one act
LONG_SPAN_RE = re.compile(r"\bsince\b|\b(?:weeks|months|years|decades)\b|\bfor (?:a|one|over a) (?:year|month)\b", re.I)


WAR_NOUNS = frozenset({"offensive", "war", "campaign", "conflict", "invasion", "insurgency", "violence"})
TOLL_VERBS = frozenset({"kill", "claim", "wound", "injure", "displace", "leave", "cost"})


def a_campaigns_toll(trigger: Token) -> bool:
    """'The offensive since then has killed more than 9,000 people': the toll of a war or a campaign over
    months (the verb, or its subject), not one act."""
    verb = trigger.head if trigger.dep_ == "nsubj" else trigger
    wars = [s for s in children(verb, "nsubj") if _lemma(s) in WAR_NOUNS]
    if _lemma(verb) in TOLL_VERBS and trigger.dep_ == "nsubj" and trigger.tag_ == "NNS" and not children(
            trigger, "nummod") and any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children) and any(
            o.lower_ in MASS_WORDS for o in children(verb, "dobj")):
        return True  # "attacks by X have killed thousands of people": the toll of years of acts, no one of them
    return (_lemma(verb) in TOLL_VERBS and bool(wars)
            and any(c.lower_ == "since" for c in (*verb.children, *wars[0].children)))



def goes_on(trigger: Token) -> bool:
    """'Fighting between X and Y has continued since August', 'clashes have raged for months': the subject
    of a verb of going on, in a sentence told over weeks or more (not 'shooting continued for an hour')."""
    verb = trigger.head if trigger.dep_ == "nsubj" else None
    going_on = verb is not None and (
        verb.lemma_.lower() in GOING_ON_VERBS or verb.lower_ in {"raged", "rages", "raging"})
    return going_on and LONG_SPAN_RE.search(trigger.sent.text) is not None  # ("raged": the tagger's lemma is "rag")


def front_moved(trigger: Token) -> bool:
    """'Fighting has spread from X into Y', 'the clashes shifted from X to Y': where a war's front went, no one
    act (unless it tells a toll)."""
    verb = trigger.head
    preps = {p.lower_ for p in verb.children if p.dep_ == "prep"}
    return trigger.dep_ == "nsubj" and _lemma(verb) in {"spread", "shift", "move", "extend"} and (
        "from" in preps and bool(preps & {"into", "to", "toward", "towards"}))
