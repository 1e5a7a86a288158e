"""The actor of an act as a sentence names it: the subject of the verb, the agent of a passive, the
possessor or the named modifier of an event noun ("Russia's attack", "a Houthi missile"), who claimed it;
pronouns resolved (``geo.events.pronouns``) to the organisation speaking ("the air force said it shot down",
"Saree said its naval forces targeted": the Houthis). Used by ``geo.events.mentions``; imports only the events
wing's word lists, actors, pronouns and triggers."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geo.events import actors, context_words as elx, lexicon as lx
from geo.events.doc_index import entity_at, tokens_spelled
from geo.events.frame import speaker_label_length
from geo.events.parse_repairs import fronted_subject, hung_on_the_verb, participle_subject, past_a_day
from geo.events.pronouns import ARMED_SERVICES, resolve_pronoun, side_of_speaker
from geo.events.triggers import trigger_family
from geo.events.weapons import QUANTITY_HEADS, is_event_noun, lemma_of, weapon_of
from geo.syntax import (PRONOUNS, children, dateline_length, glued_before, is_passive, past_a_dateline, phrase_text,
                        phrase_tokens, prep_objects, shared_subjects, span_text)

__all__ = ["actor_indefinite", "actor_of", "anchor_of", "claimant", "governor_of"]

PARTITIVES = frozenset({"one", "two", "three", "some", "both", "each", "all", "several", "none", "many", "most"})
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "admit", "assume"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "commander", "representative"})
SUPPORT_VERBS = frozenset({"support", "back", "assist", "help", "cover"})  # "supported the army's response with ..."
DASHES = frozenset({"—", "–", "-", "--", ","})
DETERMINER_WORDS = frozenset({"that", "this", "these", "those", "which", "what", "whose"})


def anchor_of(trigger: Token) -> Token:
    """'one of the strikes' -> 'one' (the token that takes the clause role)."""
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in {"NUM", "PRON", "DET", "ADJ"}:
        if head.head.lower_ in PARTITIVES:
            return head.head
    return trigger


def first_conjunct(token: Token) -> Token:
    """'strike' in 'a combined missile and drone strike' (parsed conjoined to 'missile'): 'missile'."""
    while token.dep_ == "conj" and token.pos_ == "NOUN" and token.head.pos_ == "NOUN":
        token = token.head
    return token


def governor_of(anchor: Token) -> Token | None:
    """The verb whose subject or object the (noun) trigger is (or its first conjunct: 'conducted a combined
    missile and drone strike', parsed with 'strike' conjoined to 'missile')."""
    anchor = first_conjunct(anchor)
    if anchor.pos_ == "VERB" and trigger_family(anchor) and anchor.dep_ not in {"nsubj", "nsubjpass", "csubj", "dobj", "attr"}:
        return anchor  # a verb trigger governs itself; a gerund as subject ("fighting killed ...") does not
    if anchor.dep_ in {"nsubj", "nsubjpass", "csubj", "dobj", "attr"} and anchor.head.pos_ in {"VERB", "AUX"}:
        return anchor.head
    if anchor.dep_ == "pobj" and anchor.head.lower_ in {"under", "with"} and anchor.head.head.pos_ == "VERB":
        return anchor.head.head
    return None


def _responsible(anchor: Token) -> str | None:
    """'The Islamic State claimed responsibility for the attack': the actor of the attack."""
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "for" or anchor.head.head.lemma_.lower() != "responsibility":
        return None
    return _claimer(anchor.head.head.head, nouns_only=False)


def _claimer(verb: Token, *, nouns_only: bool) -> str | None:
    """Who 'claimed responsibility' (no one, for 'no group claimed ...'): the subject, or the side a spokesperson
    speaks for ('a Houthi military spokesman claimed responsibility': the Houthis)."""
    if verb.lemma_.lower() not in RESPONSIBILITY_VERBS or children(verb, "neg"):
        return None
    subjects = [s for s in children(verb, "nsubj") if not any(c.lower_ in {"no", "neither"} for c in s.children)
                and s.lower_ not in {"nobody", "none", "noone"} and (s.pos_ in {"NOUN", "PROPN"} or not nouns_only)]
    if not subjects:
        return None
    speaks = subjects[0].lemma_.lower() in SPOKESPEOPLE
    named = actors.actor_family(phrase_text(list(subjects[0].subtree))) if speaks else _np(subjects[0])
    return re.sub(r"^(?:the\s+)?(?:outlawed|banned|proscribed)\s+", "", named, flags=re.I) if named else None


def claimant(sent: Span) -> str | None:
    """'The X claimed responsibility in a statement': who claimed the act told just before (no 'for' phrase)."""
    return next((_claimer(token.head, nouns_only=True) for token in sent if token.lemma_.lower() == "responsibility"
                 and token.dep_ == "dobj" and not prep_objects(token, "for") and (
                     token.head.lemma_.lower() in RESPONSIBILITY_VERBS and not children(token.head, "neg"))), None)


OPERATING_VERBS = frozenset({"operate", "fly", "pilot", "control", "launch", "fire", "send", "deploy"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
ORGANISATION_PRONOUNS = frozenset({"it", "they", "we", "its", "their", "our"})


def _np(token: Token) -> str | None:
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.pos_ in {"NOUN", "PROPN"}:
        return _np(token.head.head)  # "the militants who attacked the base": the militants
    if any(c.dep_ == "det" and c.lower_ in {"which", "what", "whichever"} for c in token.children):
        return None  # "did not say which country had carried out the strike": a question, no doer
    if token.lower_ in PRONOUNS or token.lower_ in {"who", "whoever"}:  # ("those who carried out this attack")
        # "the air force said it shot down": an organisation of itself; not "he" nor "it blew up" (an explosion's)
        if token.lower_ not in ORGANISATION_PRONOUNS or trigger_family(token.head) == "blast":
            return None
        return resolve_pronoun(token)
    if token.is_upper and len(token) > 4 and token.i + 1 < len(token.doc) and token.nbor().text in DASHES:
        return None  # "BAGHDAD — A car bomb exploded": the dateline
    if token.pos_ in {"NUM"} or token.ent_type_ in {"DATE", "TIME"} or token.lower_ in DETERMINER_WORDS:
        return None  # "Sunday's attack", "that bombing": no actor
    of = prep_objects(token, "of")
    if (token.lower_ in QUANTITY_HEADS | elx.SERIES_NOUNS or token.lemma_ == "round") and of and is_event_noun(of[0]):
        token = of[0]  # "a second round of strikes hit": the act itself, no doer ("a wave of Russian strikes": Russia)
    if is_event_noun(token):  # "damaged by a Russian missile strike": Russia, if anyone
        owners = [c for c in token.children if c.dep_ in {"amod", "compound", "poss"} and actors.actor_family(c.text)]
        return actors.readable_actor(owners[0].text) if owners else None
    if token.lemma_.lower() in {"group", "band", "number", "unit", "squad"} and of and any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
        token = of[0]  # "a large group of armed fighters": the fighters
    origin = [o for o in prep_objects(token, "from") if o.ent_type_ in {"ORG", "NORP"} or actors.actor_family(
        phrase_text(phrase_tokens(o, with_acl=False)))] if lemma_of(token) in lx.ATTACKER_NOUNS | FORCE_NOUNS else []
    token = origin[0] if origin else token  # "fighters from the paramilitary Rapid Support Forces": the RSF
    own = [c for c in token.children if c.dep_ == "poss" and (c.lower_ in {"its", "their", "our", "his", "her"} or (
           c.lemma_.lower() in {"group", "movement", "militia"} and any(d.lower_ == "the" for d in c.children)))
           and token.lemma_.lower() in FORCE_NOUNS]  # not "its lead vehicle": what was hit; "the group's fighters"
    side = side_of_speaker(own[0]) or (resolve_pronoun(own[0]) if own[0].lower_ in {"its", "their", "our"} else None
                                       ) if own else None  # ("the spokesman said his forces": his side, not him)
    if side:
        return side  # "Saree said its naval forces targeted the ship": the Houthis
    tokens = [t for t in phrase_tokens(token, with_acl=False) if not (t.dep_ == "nummod" and t.head.i == token.i)]
    opened = token.sent.start_char + dateline_length(token.sent.text)
    tokens = [t for t in tokens if t.idx >= opened] or tokens  # "PEMBA, Mozambique, Aug. 20 (Wire) – Insurgents"
    return re.sub(r"(?<=s)['’]$|['’]s$", "", lx.clean_phrase(phrase_text(tokens)))  # "the rebels' attack": rebels


WARSHIPS = frozenset({"destroyer", "frigate", "cruiser", "warship", "ship", "vessel", "carrier", "corvette", "submarine"})
# Who acts for a side ("its naval forces", "their fighters").
FORCE_NOUNS = frozenset({"force", "troop", "fighter", "unit", "soldier", "navy", "army", "man", "militant", "jet",
                         "warplane", "aircraft", "plane", "drone", "artillery", "member", "personnel", "commando",
                         "militia", "ally", "proxy", "partner", "air", "missile", "rocket", "battery", "defence",
                         "defense", "ship", "vessel", "warship", "destroyer", "frigate", "sniper", "gunner", "system",
                         "crew", "battalion", "brigade", "regiment", "squadron", "helicopter", "gunship", "pilot"})


def _doer(subject: Token, by_name: bool = False, floor: int = 0) -> str | None:
    """Who a subject or a 'by' object names as the doer: a weapon names only its owner ('army artillery':
    the army; 'at least six missiles': nobody), an attacker or a side names itself. ``by_name``: a weapon
    named with its force ('struck by Philippine Air Force jets', 'by air force jets') names it as the text does.
    ``floor``: where the sentence's dateline ends ("X, Syria — Turkish drones struck": Turkey, not Syria)."""
    if lemma_of(subject) in elx.DEBRIS_NOUNS:
        return None  # "debris from drones shot down near X fell on a plant": what is left of an act does nothing
    vessel = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and lemma_of(subject) in WARSHIPS]
    if vessel:  # "the destroyer USS Stockdale (, which was nearby,) shot down ...": a named ship acts
        clauses = {t.i for c in vessel[0].children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        return phrase_text([t for t in vessel[0].subtree if not t.is_punct and t.i not in clauses]) or None
    if weapon_of(subject) and lemma_of(subject) not in lx.ATTACKER_NOUNS | {"force"}:  # "the air force" acts
        operators = [o for c in subject.children if c.dep_ == "acl" and lemma_of(c) in OPERATING_VERBS
                     for o in prep_objects(c, "by")]
        if operators:  # "a drone operated by the army's partners struck": the partners
            return _np(operators[0])
        held = _side_holding(subject) or next((h for c in children(subject, "acl") if (h := _side_holding(c))), None)
        if held is not None:  # "fire from RSF positions hit X", "rockets fired from Hezbollah positions hit X"
            return held
        owner = [c for c in subject.children
                 if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.idx >= floor
                 and (actors.actor_family(_compound(c)) or c.lower_ in ARMED_SERVICES or c.text == "force" or (
                     c.pos_ == "PROPN" and c.ent_type_ == "ORG" and c.text.isupper() and len(c.text) > 1
                     and glued_before(c) is None)) and _np(c) is not None]
        # ("an RDF gunship"; "air force jets", not "Philippine Air Force jets", named so; not "Iskander-M missile")
        sides = {actors.actor_family(_compound(c)) for c in owner} - {None}
        if owner and (any(actors.actor_family(c.text) for c in owner[0].conjuncts) or len(sides) > 1):
            return _np(subject)  # "American and British fighter jets": both sides, as the text names them
        if owner:  # ("air force jets": the air force, not "force")
            return phrase_text(list(owner[0].subtree)) if owner[0].text == "force" else actors.readable_actor(
                _compound(owner[0]))
        own = [c for c in subject.children if c.dep_ == "poss" and c.lower_ in {"its", "their", "our"}]
        side = side_of_speaker(own[0]) if own else None
        if side:  # "the ministry said its air defences destroyed ...": its side
            return side
        named = any(c.pos_ == "PROPN" or lemma_of(c) in FORCE_NOUNS | ARMED_SERVICES
                    for c in subject.children if c.dep_ in {"amod", "compound", "nmod"})
        return _np(subject) if named and by_name else None
    return _np(subject)


HELD_GROUND = frozenset({"position", "line", "territory", "area", "base", "stronghold", "side"})


def _side_holding(token: Token) -> str | None:
    """The side whose ground an act came from: 'fire from RSF positions', 'rockets fired from Russian-held areas'
    (also 'rockets fired from X positions hit Y', the act told by the verb joined to the firing)."""
    for ground in prep_objects(token, "from") + (prep_objects(token.head, "from") if token.dep_ == "conj" else []):
        if lemma_of(ground) in HELD_GROUND:
            owner = next((c for c in ground.children if c.dep_ in {"compound", "amod", "poss", "nmod"}
                          and actors.actor_family(_compound(c))), None)
            if owner is not None:
                return actors.readable_actor(_compound(owner))
    return None


def _compound(token: Token) -> str:
    """A name told in compounds ('a Nigerian Air Force jet': 'Nigerian Air Force'; 'ISIS-Somalia attacks', the
    last part tagged a common noun), else the word."""
    if not (token.pos_ == "PROPN" or glued_before(token) is not None) or token.dep_ not in {"compound", "nmod"}:
        return token.text  # (an nmod: "a Tehrik-i-Taliban Pakistan (TTP) assault", the name up to it, not "Pakistan")
    return phrase_text(list(token.subtree)) if token.dep_ == "compound" else token.doc[
        min(token.left_edge.i + (token.left_edge.pos_ == "DET"), token.i):token.i + 1].text


def _by_hung_on_the_verb(act: Token) -> list[Token]:
    """'repelled two counterattacks by assault groups', parsed with 'by' hung on the active verb, which takes no
    agent: the doers of the act named right before it; 'came under attack by militants': the militants."""
    verb = act.head
    if act.dep_ == "pobj" and verb.lower_ == "under" and lemma_of(verb.head) in {"come", "be"}:
        return prep_objects(verb.head, "by")  # "forces came under attack by militants"
    if act.dep_ != "dobj" or verb.pos_ != "VERB" or is_passive(verb):
        return []
    return hung_on_the_verb(act, verb, "by")


def _named_after(adjective: Token) -> str | None:
    """'by the paramilitary Rapid Support Forces', parsed with the adjective as the object: the name after it."""
    after = adjective.doc[adjective.i + 1] if adjective.i + 1 < len(adjective.doc) else None
    if adjective.pos_ != "ADJ" or after is None or after.ent_iob_ != "B" or after.ent_type_ not in {"ORG", "NORP"}:
        return None
    return entity.text if (entity := entity_at(after)) is not None else None


def _accused(prep: Token) -> list[Token]:
    """Whom a clause accuses of the act its 'of' or 'for' phrase names ('accused the army of bombing',
    'blamed the rebels for shelling')."""
    accused, verb = (prep.head, prep.head.head) if prep.head.dep_ == "dobj" else (None, prep.head)
    wanted = {"of": {"accuse", "suspect"}, "for": {"blame"}}.get(prep.lower_, set())
    if verb.pos_ != "VERB" or lemma_of(verb) not in wanted:
        return []
    return [accused] if accused is not None else children(verb, "dobj")


def _victims_verb(verb: Token) -> bool:
    """'Six were killed and 12 others wounded when troops stormed the village': the subject of a
    participle of harm is its victims, never the doers of an act conjoined to it."""
    return verb.tag_ == "VBN" and lemma_of(verb) in {"kill", "wound", "injure", "hurt"}


COUNTED_OFF = frozenset({"second", "third", "other", "latter"})
PLACING_PREPS = frozenset({"in", "at", "near", "into", "outside", "around", "toward", "towards"})
OF_A_PLACE = lx.NEAR_WORDS | {"village", "town", "city", "district", "province", "region", "area", "locality", "centre",
                              "center", "edge"}  # "the village of X", "south of X", "the edge of X"


def _named_as_a_place(token: Token) -> bool:
    """'the X attack' in a text telling of 'the village of X', 'south of X', 'entered X': where, not who."""
    spelled = [t for t in tokens_spelled(token.doc, token.text) if t.text == token.text and t.i != token.i]
    return any(t.dep_ in {"pobj", "dobj"} and (t.head.lower_ in PLACING_PREPS or t.head.lemma_.lower() == "enter" or (
        t.head.lower_ == "of" and {t.head.head.lemma_.lower(), t.head.head.lower_} & OF_A_PLACE)) for t in spelled)


def _in_a_place_name(token: Token) -> bool:
    """'Sudan' of 'the Port Sudan attack': part of a place's name that is no side's."""
    ent = entity_at(token) if token.ent_type_ else None
    if ent is None or ent.label_ not in {"GPE", "LOC", "FAC"} or len(ent) < 2:
        return False
    return actors.actor_family(ent.text) is not None and actors.named_exactly(ent.text) is None


def _reporting_defender(trigger: Token) -> str | None:
    """'The Israeli military said both drones were shot down': a state's forces reporting a shoot-down that
    names no doer report their own (not an attacker's account of its weapons lost)."""
    if trigger_family(trigger) != "intercept" or trigger.dep_ != "ccomp" or (
            lemma_of(trigger.head) not in lx.REPORTING_VERBS):
        return None
    reporter = next(iter(children(trigger.head, "nsubj")), None)
    phrase = phrase_text(list(reporter.subtree)) if reporter is not None else ""
    family = actors.actor_family(phrase)
    return family if family in actors.STATES else None


# "the people who ordered that attack", "those behind it": no one named
UNNAMED_DOERS = frozenset({"people", "the people", "those", "someone", "somebody", "anyone", "whoever"})


def actor_of(trigger: Token, anchor: Token, sent: Span) -> str | None:
    """Who did the act a trigger names, as the sentence names them (None when it does not, nor when it
    calls them only 'the people who ordered that attack')."""
    actor = _actor_named(trigger, anchor, sent)
    return None if actor is not None and actor.lower() in UNNAMED_DOERS else actor


def _actor_named(trigger: Token, anchor: Token, sent: Span) -> str | None:
    text = span_text(sent)  # "EL WAK, Kenya, April 9 (Agency) – ...", "Q: The group said ...": no actor
    floor = sent.start_char + max(dateline_length(text), speaker_label_length(text))
    between = [b for b in prep_objects(trigger, "between") if lemma_of(b) not in {"side", "party"}]  # (not "the
    if between and trigger.tag_ == "VBG" and not children(trigger, "nsubj"):  # worst fighting between the two sides")
        return _np(between[0])  # "fighting between the army and rebels": the first side
    if trigger.pos_ == "VERB":
        if trigger_family(trigger) == "blast" and not children(trigger, "dobj"):
            return None  # "a car bomb exploded", "a police vehicle exploded on a mine": what blew up
        glued = glued_before(trigger)  # "soldiers counter-attacked", cut at the dash: "soldiers counter", "-attacked"
        countering = [s for s in children(glued, "nsubj") if s.idx >= floor] if glued is not None and (
            glued.lower_ == "counter" and trigger.head.i == glued.i) else []
        if countering:
            return _doer(countering[0])
        infinitive = "to" in {c.lower_ for c in children(trigger, "aux")}  # "made an attempt to overrun the post":
        if trigger.dep_ == "acl" and trigger.head.dep_ == "dobj" and infinitive:  # who made it, not the attempt
            return next((_doer(s) for s in children(trigger.head.head, "nsubj") if s.idx >= floor), None)
        acting = trigger.dep_ == "acl" and not is_passive(trigger) and (bool(children(trigger, "dobj")) or (
            trigger.tag_ == "VBD" and trigger.head.dep_ == "nsubj"))  # "forces then counterattacked, drove", misparsed
        if is_passive(trigger) or (trigger.dep_ == "acl" and not acting):  # (acting: "fighters killed 20", misparsed)
            doer = next((_doer(o, by_name=True) for o in prep_objects(trigger, "by") if o.pos_ != "ADJ" and (
                o.lower_ not in elx.TIMES_OF_DAY and o.ent_type_ not in {"DATE", "TIME"})), None)  # not "by sunrise"
            return doer or _reporting_defender(trigger)
        told = past_a_day(children(trigger, "nsubj")) or ([trigger.head] if acting else [])  # (a day taken for one)
        subjects = [s for s in past_a_dateline(told)
                    if sent.start <= s.i < sent.end and s.idx >= floor]
        if not subjects and trigger.dep_ == "conj" and trigger.head.pos_ == "VERB" and not _victims_verb(trigger.head):
            subjects = shared_subjects(trigger)  # "troops rescued them and killed ...", "gunmen stopped a bus, forced
            # ... and shot them"; "officers were deployed to the area and killed three of the attackers": the officers
        if not subjects and trigger.dep_ == "ROOT":
            subjects = fronted_subject(trigger)  # "At the direction of X, U.S. forces struck ...", misparsed
        if not subjects and trigger.dep_ == "xcomp":  # "fighters continued to attack"
            subjects = sorted(children(trigger.head, "nsubj"), key=lambda s: -s.i)[:1]
        if not subjects and trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and (  # "troops responded, destroying"
                trigger_family(trigger.head) or lemma_of(trigger.head) in lx.COUNTER_VERBS):
            subjects = past_a_dateline(children(trigger.head, "nsubj"))  # "Ukraine struck back, hitting a depot"
        if not subjects and trigger.dep_ == "pcomp":  # "accused the army of bombing villages": the army, if anyone
            subjects = _accused(trigger.head) or (  # "the U.S. responded by striking a depot": the U.S.
                children(trigger.head.head, "nsubj") if trigger.head.lower_ == "by" else [])
        subjects = [s for s in subjects if s.idx >= floor and s.lower_ not in COUNTED_OFF]  # not the dateline's town,
        # nor "the second" of acts counted off ("One strike hit X. The second destroyed Y.")
        if len(subjects) > 1:  # "Drones launched by the paramilitary Rapid Support Forces struck", misparsed
            subjects.sort(key=lambda s: not (s.ent_type_ in {"ORG", "NORP", "GPE"} or actors.actor_family(s.text)))
        if subjects and trigger.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS and weapon_of(trigger.head):
            return None  # "planted a bomb that hit a truck": the bomb did no act of its own
        if subjects:
            subject = participle_subject(subjects[0])
            attackers = [c for c in subject.conjuncts if lemma_of(c) in lx.ATTACKER_NOUNS]
            if attackers and lemma_of(subject) not in lx.ATTACKER_NOUNS | FORCE_NOUNS and subject.ent_type_ == "":
                subject = attackers[0]  # "struck its lead vehicle and gunmen opened fire", misparsed: the gunmen
            return _doer(subject, floor=floor) or _side_holding(trigger)
        return _side_holding(trigger)  # "shelling from Russian positions killed two"
    by_objects = prep_objects(trigger, "by") or _by_hung_on_the_verb(trigger)
    if by_objects:
        return _named_after(by_objects[0]) or _np(by_objects[0])
    if between:  # "clashes between the army and the RSF": the first side
        return _np(between[0])
    if (held := _side_holding(trigger)) is not None:  # "artillery fire from RSF positions": the RSF
        return held
    modifiers = [c for c in trigger.children if c.dep_ in {"compound", "nmod"}]  # their own: "PKK rocket and drone
    nested = [g for m in modifiers for g in m.children if g.dep_ == "amod" or actors.actor_family(g.text)]  # attack"
    for child in sorted([*trigger.children, *nested],
                        key=lambda c: c.dep_ != "poss" or c.is_punct):  # the owner first: "al-Shabaab's attack"
        if child.dep_ == "poss" and not child.is_punct:
            return _np(child) if child.lower_ not in PRONOUNS else resolve_pronoun(child)
        if child.dep_ in {"compound", "amod", "nmod"} and actors.actor_family(_compound(child)) and (
                child.lower_ not in actors.CAPITAL_ALIASES) and not _in_a_place_name(child):  # "the Kabul attack"
            return actors.readable_actor(_compound(child))  # ("ISIS-Somalia attacks": not Somalia's)
        weapon_word = child.lower_ in elx.PROJECTILE_NOUNS or child.lower_ in lx.WEAPON_CATEGORY
        named = child.pos_ == "PROPN" and not weapon_word and (child.ent_type_ in {"ORG", "NORP"} or (  # a town is
            child.ent_type_ == "GPE" and actors.actor_family(child.text) and child.lower_ not in actors.CAPITAL_ALIASES))
        if child.dep_ in {"compound", "amod", "nmod"} and named and not _named_as_a_place(child):
            return lx.clean_phrase(phrase_text([t for t in child.subtree if t.ent_type_ not in {"DATE", "TIME"}]))
        if child.dep_ == "acl" and (by_them := prep_objects(child, "by")):
            return _np(by_them[0])
    accused = _accused(anchor.head) if anchor.dep_ in {"pcomp", "pobj"} else []
    if accused:  # "accused the army of the bombing"
        return _doer(accused[0])
    responsible = _responsible(anchor)
    if responsible:
        return responsible
    answer = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "with" else None
    if answer is not None and answer.pos_ == "NOUN" and answer.dep_ == "dobj":
        answer = answer.head  # "supported [the army's response with an airstrike]", as the parse hangs it
    if answer is not None and answer.pos_ == "VERB" and (lemma_of(answer) in lx.COUNTER_VERBS | SUPPORT_VERBS or (
            lemma_of(answer) == "follow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in answer.children))):
        return next((_np(s) for s in children(answer, "nsubj")), None)  # "the army responded with air strikes",
        # "the air force followed up with an air strike"
    quantity = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else None
    if quantity is not None and quantity.dep_ == "dobj" and lemma_of(quantity.head) in lx.LIGHT_VERBS and (
            quantity.lower_ in QUANTITY_HEADS | elx.SERIES_NOUNS or quantity.pos_ == "NUM"):
        anchor = quantity  # "ISKP has carried out dozens of attacks", not "the paper made no mention of the strike"
    governor = governor_of(anchor)
    if governor is None or governor is trigger:
        return None
    lemma = lemma_of(governor)
    if lemma in lx.SUFFER_VERBS or lemma in lx.REACTION_VERBS or lemma in lx.REPORTING_VERBS:
        return None  # "the attack was condemned by X": X did not do it
    by_objects = prep_objects(governor, "by")
    if by_objects and (lemma in lx.LIGHT_VERBS or lemma in lx.HAPPEN_VERBS):  # "carried out by X", not "followed by X"
        return _np(by_objects[0])
    if (anchor.dep_ == "dobj" or first_conjunct(anchor).dep_ == "dobj") and lemma in lx.LIGHT_VERBS:
        subjects = [s for s in past_a_dateline(children(governor, "nsubj")) if sent.start <= s.i < sent.end  # (the
                    and s.idx >= floor] or (  # agency after "CITY, Country –", parsed as the city's appositive)
            fronted_subject(governor) if governor.dep_ == "ROOT" else [])
        return _np(subjects[0]) if subjects else None
    return None


def actor_indefinite(sent: Span, actor: str | None) -> bool:
    """Whether the actor's head word in the sentence takes 'a', 'an' or 'another'."""
    head = actor.split()[-1].lower() if actor else None
    return head is not None and any(t.lower_ == head and any(
        c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in t.children) for t in sent)
