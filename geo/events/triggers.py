"""Trigger words: which tokens name a violent act here, and which mentions are no event
(metaphors, plans, purposes, hypotheticals, non-military senses of 'strike' or 'shoot')."""

from __future__ import annotations

from spacy.tokens import Span, Token

from geo.events import actors, context_words as elx, lexicon as lx
from geo.events.parse_repairs import fronted_subject, passive_subjects, past_a_day
from geo.events.phrasal import counted_off, fights_a_fire, phrasal_family
from geo.events.not_events import (a_label, accidental, criticised, denied, fell, fled, habitual, latest_of_series,
                                   negated_experience, none_of, only_heard, rejected_claim, threatened_means,
                                   told_already, told_as_possible, victims_of)
from geo.events.weapons import (doers, fired_in_defence, is_air_defence, is_airborne, is_event_noun, is_projectile,
                               launched_before, lemma_of, sets_fire, weapon_of)
from geo.syntax import (answering_subjects, children, glued_before, is_title_case, phrase_text, phrase_tokens,
                        prep_objects, shared_subjects)


_FAMILY_CACHE = "geo.trigger_family"


REACHING_VERBS = frozenset({"reach", "hit", "strike", "arrive", "impact"})


def _before_reaching(verb: Token) -> bool:
    """'destroyed ... before they could reach the ship': what was destroyed was on its way to a target (not 'troops
    destroyed the bridge before the rebels could reach it')."""
    counted = any(o.pos_ in {"NUM", "PRON"} or o.lower_ in {"rest", "remainder"} or is_projectile(o)
                  for o in children(verb, "dobj", "nsubjpass"))  # "the remaining two", "all of them", "the rest"
    return counted and any(c.dep_ == "advcl" and c.lemma_.lower() in REACHING_VERBS and any(
        m.dep_ == "mark" and m.lower_ == "before" for m in c.children) and any(
        s.lower_ in {"they", "it"} for s in children(c, "nsubj")) for c in verb.children)


def trigger_family(token: Token) -> str | None:
    """The trigger family of a token, or None when it is no event word here (read once per token: rules ask often)."""
    if token.pos_ not in {"NOUN", "PROPN", "VERB"} and token.tag_ != "VBG" and not _counter_act(token):
        return None  # only nouns, verbs and gerunds name an act (most tokens stop here)
    cache = token.doc.user_data.setdefault(_FAMILY_CACHE, {})
    if token.i not in cache:
        cache[token.i] = None if fights_a_fire(token) else _trigger_family(token)  # "battle a blaze": no act
    return cache[token.i]


def _counter_act(token: Token) -> bool:
    """'a counter-offensive', 'counter-attacks' cut at the dash by the tokenizer, whatever tag the last part got."""
    if token.lower_.rstrip("s") in {"counteroffensive", "counter-offensive"} and token.dep_ in {
            "dobj", "pobj", "nsubj", "nsubjpass", "conj", "attr"}:
        return True  # tagged an adjective as often as a noun
    glued = glued_before(token)
    acts = {"offensive", "attack", "strike", "assault", "operation", "raid"}  # "counter-attacked", "counter-raids"
    return (token.lower_.rstrip("s") in acts or lemma_of(token) in {"attack", "strike", "assault"}) and (
        glued is not None and glued.lower_ == "counter")


def _trigger_family(token: Token) -> str | None:
    lemma, lower = lemma_of(token), token.lower_
    if _counter_act(token) or (lemma == "operation" and token.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in lx.RESPONSE_ADJECTIVES for c in token.children)):
        return "retaliation"  # "launched a counter-offensive", "a retaliatory operation": an answer to an attack
    nominal_gerund = token.tag_ == "VBG" and not any(c.dep_ == "dobj" for c in token.children)
    if lemma == "fire" and token.pos_ == "NOUN" and token.head.lower_ == "under":
        return "shooting"  # "came under fire"
    if token.pos_ in {"NOUN", "PROPN"} and lemma in elx.ENGAGEMENT_NOUNS and (
            prep_objects(token, "between") or (prep_objects(token, "with") and token.head.lower_ == "in")):
        return "clash"  # "the ongoing engagement between X and Y", "engaged in active combat with X"
    if token.pos_ in {"NOUN", "PROPN"} or (nominal_gerund and lower in lx.EVENT_NOUNS):
        family = lx.EVENT_NOUNS.get(lower) or lx.EVENT_NOUNS.get(lemma) or lx.EVENT_NOUNS.get(lower.rstrip("s"))
        if family == "bomb" and lemma == "bomber" and not any(c.lower_ == "suicide" for c in token.children):
            return None
        if family is None and lemma in {"bomb", "ied"} and token.head.lemma_.lower() in {"explode", "detonate", "go"}:
            return None  # the verb carries the event
        return family
    if token.pos_ == "VERB":
        down = next((c for c in token.children if c.lower_ == "down"), None)
        if lemma == "shoot" and down is not None:  # the parser may hang "the drone" on "down"
            shot = children(token, "dobj", "nsubjpass") + children(down, "pobj")
            if (not shot and down.dep_ == "prt") or any(is_airborne(o) for o in shot):
                return "intercept"  # not 'shooting down the hallway'
            return None
        if lemma == "blow" and any(c.lower_ == "up" for c in token.children):
            return "blast"
        if lemma == "open" and any(lemma_of(o) == "fire" for o in children(token, "dobj")):
            return "shooting"  # "opened fire on police"
        if lemma in {"fire", "launch"} and fired_in_defence(token):
            return "intercept"  # "a Patriot battery fired interceptors at incoming rockets"
        if lemma in elx.DEFEAT_VERBS and any(is_projectile(o) for o in children(token, "dobj", "nsubjpass")):
            return "intercept"  # "air defences destroyed three drones", "the missile was destroyed in mid-air"
        if lemma in elx.DEFEAT_VERBS and (any(is_air_defence(d) for d in doers(token)) or _before_reaching(token)):
            return "intercept"  # "two were destroyed in flight by the base's counter-rocket system", "the other two
            # were destroyed by aircraft before they could reach the ship"
        if lemma in elx.STOP_VERBS and _stops_the_assailants(token):
            return "defence"  # "two attackers were shot dead by guards": the assault was ended
        if lemma in {"respond", "answer", "reply"} and any(lemma_of(o) == "fire" or (
                weapon_of(o) and not is_event_noun(o)) for o in prep_objects(token, "with")):
            return "retaliation"  # "troops answered with artillery (fire)", "with counter-battery fire" ("answered
            # with strikes": the strikes)
        phrasal = phrasal_family(token)  # "beat back an assault", "struck back", "returned fire", "foiled an attack"
        if phrasal or lemma in lx.EVENT_VERBS:
            return phrasal or lx.EVENT_VERBS[lemma]
        objects = children(token, "dobj")
        subjects = past_a_day(shared_subjects(token))  # "a gunman entered the church and killed seven"; "a bomb that
        # hit X"; "Late Monday, jets hit X", with the jets parsed as joined to the day, or apart from the verb
        subjects = subjects or (fronted_subject(token) if token.dep_ == "ROOT" else []) or launched_before(token)
        if token.dep_ == "relcl" and [s.lower_ for s in subjects] in (["that"], ["which"]):
            subjects = [token.head]
        if not subjects and token.dep_ == "xcomp" and lemma_of(token.head) in {"begin", "start", "continue", "keep"}:
            subjects = children(token.head, "nsubj")  # "shells began landing on X"
        if subjects and all(s.pos_ == "PRON" for s in subjects) and token.dep_ == "ccomp" and (
                lemma_of(token.head) in lx.REPORTING_VERBS):  # "militias said it had targeted sites in X": the
            subjects = [t for c in children(token.head, "nsubj") for t in (c, *prep_objects(c, "of"))]  # militias
        if lemma in elx.STOP_VERBS and _stops_the_assailants(token):
            return "defence"  # "security forces killed the four attackers": the assault was ended
        to_death = lemma in KILLING_MANNERS and any(o.lower_ == "death" for o in prep_objects(token, "to"))
        if (lemma == "kill" or to_death) and (_person(subjects) or _armed(subjects)) and any(
                _counted(o) for o in objects):
            return "attack"  # "a teen killed 12 people", "rebels hacked to death nine farmers": a killing of many
        burned = prep_objects(token, "to") if sets_fire(token) else objects if lemma == "burn" else []
        if burned and _armed(subjects) and any(lemma_of(o) in PROPERTY_NOUNS for b in burned  # "dozens of homes"
                                               for o in (b, *b.conjuncts, *prep_objects(b, "of"))):
            return "looting"  # "gunmen burned the market", "militants set fire to homes"
        objects += passive_subjects(token)
        if lemma in lx.WEAPON_OBJECT_VERBS and any(weapon_of(o) and not is_event_noun(o) for o in objects):
            return "attack"
        if lemma in lx.WEAPON_OBJECT_VERBS and token.dep_ in {"acl", "relcl"} and weapon_of(token.head):
            return "attack"
        if lemma in {"head", "fly"} and token.dep_ in {"acl", "relcl"} and weapon_of(token.head) and prep_objects(
                token, "toward", "towards", "for", "at"):
            return "attack"  # "a drone heading toward the base was shot down": it was launched at the base
        if lemma == "fire" and prep_objects(token, "on", "at", "upon", "into") and _armed(
                subjects or ([token.head] if token.dep_ == "acl" else [])):
            return "attack"  # "gunships fired on the militant positions", "gunmen firing at police"
        if (lemma in lx.WEAPON_SUBJECT_VERBS and any(
                weapon_of(s) or _attacker(s) or counted_off(s) for s in subjects)) or (
                lemma in elx.IMPACT_VERBS and prep_objects(token, "into") and any(weapon_of(s) for s in subjects)):
            return "attack"  # "a missile hit X"; "a drone crashed into a packing shed" (not "crashed in a field")
        if lemma in lx.WEAPON_SUBJECT_VERBS and any(lemma_of(x) in elx.SALVO_WORDS for s in subjects
                                                    for x in [s, *children(s, "compound")]):
            return "strike"  # "a second wave minutes later hit a drone factory"
        agents = [o for a in children(token, "agent") for o in children(a, "pobj")] + prep_objects(token, "by")
        if lemma in lx.WEAPON_SUBJECT_VERBS and any(_attacker(a) or _armed([a]) for a in agents):
            return "attack"  # "was killed by security forces"
        if lemma in lx.WEAPON_SUBJECT_VERBS and any(weapon_of(o) for o in prep_objects(token, "with")):
            return "attack"  # "they had hit railway stations with missiles"
        if lemma in {"destroy", "hit", "target"} and _armed(subjects or answering_subjects(token)) and any(
                lemma_of(o) in elx.MILITARY_OBJECTS or weapon_of(o) is not None for o in objects):  # a military
            return "attack"  # thing: "U.S. forces destroyed a launcher", "troops responded, destroying three posts"
        if lemma == "end" and _armed(subjects) and any(lemma_of(o) in elx.SIEGE_NOUNS for o in objects):
            return "defence"  # "security forces ended the siege": an assault quelled
        if lemma in elx.RECOVERY_VERBS and _answers_an_attack(token):
            return "defence"  # "regained control of the base after rebels stormed it"
    return None


def _attacker(token: Token) -> bool:
    """Armed men by name or by what they are: 'gunmen', 'the militant group', 'terrorist cells'."""
    return lemma_of(token) in lx.ATTACKER_NOUNS or (lemma_of(token) == "group" and any(  # "a second group hit a
        c.lower_ in {"another", "second", "third", "separate"} for c in token.children)) or any(  # post": attackers too
        c.dep_ in {"amod", "compound"} and lemma_of(c) in lx.ATTACKER_NOUNS | {"armed", "militant", "jihadist"}
        for c in token.children)


def _stops_the_assailants(verb: Token) -> bool:
    """'Guards killed the attackers', 'the gunmen were killed by security forces': armed defenders ending
    an assault on them. The assailants are named as such and definite (the ones already told of)."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):  # passive
        victims = children(verb, "nsubjpass")
        doers = [o for a in children(verb, "agent") for o in children(a, "pobj")] + prep_objects(verb, "by")
    else:
        victims, doers = children(verb, "dobj"), children(verb, "nsubj")
        if not doers and verb.dep_ == "conj":
            doers = children(verb.head, "nsubj")  # "troops rescued the students and killed their captors"
    victims = [next(iter(prep_objects(v, "of")), v) if v.pos_ in {"NUM", "PRON"} else v for v in victims]  # "seven of their captors"
    assailants = [v for v in victims if lemma_of(v) in elx.ASSAILANT_NOUNS
                  and any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "all", "its", "their"} or c.dep_ == "nummod"
                          for c in v.children)]
    return bool(assailants) and bool(doers) and (  # "they killed the gunmen": the defenders told of
        _armed(doers) or any(lemma_of(d) in {"guard", "security"} or d.lower_ in {"they", "we"} for d in doers))


def _answers_an_attack(verb: Token) -> bool:
    """'regained control of the base after rebels ambushed the compound': taking back what an attack
    just took. Only with an act of violence in its 'after' or 'following' clause."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})]
    for clause in (c for v in verbs for c in v.children):
        opener = next((c for c in clause.children if c.dep_ in {"mark", "prep"}), None)
        if clause.dep_ == "advcl" and opener is not None and opener.lower_ in {"after", "following"}:
            if any(trigger_family(t) for t in clause.subtree if t is not verb):
                return True
        if clause.dep_ == "prep" and clause.lower_ in {"after", "following"}:
            if any(trigger_family(t) for t in clause.subtree):
                return True
    return False


def _person(subjects: list[Token]) -> bool:
    """A person as subject: a name, or a noun for a person ('a teen', 'the man')."""
    return any(s.ent_type_ == "PERSON" or lemma_of(s) in elx.PERSON_NOUNS for s in subjects)


def _counted(victims: Token) -> bool:
    """'12 people', 'seven residents', 'dozens': victims counted by a number."""
    return victims.pos_ == "NUM" or any(c.dep_ == "nummod" for c in victims.children)


PROPERTY_NOUNS = frozenset({"home", "house", "hut", "village", "market", "shop", "store", "shelter", "school", "church",
                            "mosque", "clinic", "hospital", "vehicle", "car", "truck", "building", "granary", "tent",
                            "camp", "office", "station", "crop", "warehouse", "compound", "dwelling"})  # set on fire
KILLING_MANNERS = frozenset({"hack", "stab", "beat", "club", "chop", "burn", "bludgeon", "shoot"})  # "... to death"


def _armed(subjects: list[Token]) -> bool:
    return any(weapon_of(s) or lemma_of(s) in lx.ATTACKER_NOUNS or lemma_of(s) in lx.ARMED_NOUNS
               or lemma_of(s) in {"police", "policeman", "officer"} for s in subjects)


def _nominal_gerund_subject(token: Token) -> bool:
    """'Russian shelling on Thursday killed two': a gerund the parser made a clausal subject but that
    names an act (an adjective or determiner before it, or no object of its own and a verb of harm)."""
    if token.tag_ != "VBG":
        return False
    if any(c.dep_ in {"amod", "det", "poss"} and c.i < token.i for c in token.children):
        return True
    return not children(token, "dobj") and lemma_of(token.head) in lx.WEAPON_SUBJECT_VERBS


def _found_so(verb: Token) -> bool:
    """'(peacekeepers) found the health center looted', parsed as the center looting: the state a place was
    found in, not an act of its own."""
    return verb.pos_ == "VERB" and verb.tag_ in {"VBN", "VBD"} and verb.dep_ in {"ccomp", "xcomp", "oprd", "conj"} and (
        lemma_of(verb.head if verb.dep_ != "conj" else verb.head.head) in {"find", "leave", "discover"}) and not any(
        c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children)


def _is_excluded(token: Token, family: str) -> bool:
    """Metaphors, hypothetical and negated mentions, labour strikes, things named after an act
    ('assault rifle', 'attack helicopter'), criticism ('came under fire for'), attacks on animals."""
    named_after = token.dep_ in {"compound", "nmod"} and token.i < token.head.i or token.dep_ == "amod" and (
        token.tag_ == "VBG") or token.dep_ == "npadvmod" and token.head.dep_ == "amod" and token.i < token.head.i
    # ("attack helicopters", "one-way attack uncrewed systems", "one-way attack unmanned aerial systems")
    if named_after and token.pos_ in {"NOUN", "PROPN", "VERB"} and not trigger_family(token.head):
        return True  # "assault rifle", "attack helicopters", "shooting ranges", "Battle Creek": named after an act
    after = token.doc[token.i + 1:token.i + 4]
    if token.tag_ == "NN" and not children(token, "det") and len(after) == 3 and after[0].dep_ == "cc" and (
            after[1].pos_ in {"NOUN", "ADJ"} and is_projectile(after[2])):
        return True  # "126 attack and decoy drones", which the parser may read as "126 attack" and "decoy drones"
    if token.pos_ == "PROPN" and token.ent_type_ in {"PERSON", "WORK_OF_ART"} and not is_title_case(token.sent):
        return True  # "Linda Battle", "Shark Attack" (a film)
    if (family == "blast" and accidental(token)) or (family in {"blast", "shooting"} and only_heard(token)) or (
            family == "clash" and token.dep_ == "acl" and token.tag_ == "VBG"):
        return True  # (an accident, explosions heard; "units fighting in the north": who they are, not an act)
    if (token.dep_ == "amod" and token.tag_ in {"VBN", "VBD"}) or (
            token.dep_ == "pobj" and token.head.lower_ in {"from", "of"} and (
                lemma_of(token.head.head) in elx.DEBRIS_NOUNS)) or _found_so(token):
        return True  # "a downed drone", "11 abducted residents", "debris from an interception", "found the clinic
        # looted": what an act left
    if criticised(token) or rejected_claim(token) or told_already(token) or any(
            lemma_of(o) in elx.UNARMED_OPPONENTS for o in prep_objects(token, "with", "against")):
        return True  # "a battle with cancer"; "the army denied claims that rebels had shelled X"
    if any(lemma_of(v) in elx.ANIMAL_NOUNS for v in victims_of(token)) or any(
            o.lower_ == "air" for o in prep_objects(token, "into")):
        return True  # (an attack on animals; shots "fired into the air": a warning)
    mods = [c for c in token.children if c.dep_ in {"compound", "amod", "det", "neg", "nmod", "poss"}]
    mods += [g for m in mods for g in m.children if g.dep_ in {"compound", "amod"}]  # "'killer bee' attack"
    if any(lemma_of(m) in lx.NON_VIOLENT_COMPOUNDS or m.lower_ in lx.NON_VIOLENT_COMPOUNDS for m in mods):
        return True
    if any(m.lower_ in lx.HYPOTHETICAL_MODIFIERS for m in mods) or any(c.dep_ == "neg" for c in token.children) or (
            token.dep_ == "pcomp" and token.head.lower_ == "without"):  # "crashed in a field without exploding"
        return True
    if token.dep_ in {"nsubj", "dobj"} and token.pos_ == "NOUN" and lemma_of(token.head) != "be" and any(
            a.lower_ in {"could", "might", "may", "will"} for a in children(token.head, "aux")) and not any(
            a.lemma_ == "have" for a in children(token.head, "aux")):
        return True  # "warned that an assault on X could trigger ...", "X could launch new attacks": an act that
        # may come (not "may have killed")
    if token.pos_ == "VERB":
        if family == "strike" and not _armed_striker(token):
            return True  # "the crisis struck", "strike the shepherd": not a military strike
        if told_as_possible(token):
            return True
        if any(lemma_of(o) in lx.NON_VIOLENT_OBJECTS for o in children(token, "dobj")):
            return True
        if token.dep_ == "xcomp" and lemma_of(token.head) in lx.HYPOTHETICAL_GOVERNORS:
            return True
        if _is_purpose_infinitive(token):
            return True  # "missiles there to intercept ...", "used firearms to attack ...": an aim
        if token.dep_ in {"csubj", "csubjpass"} and not _nominal_gerund_subject(token):
            return True  # "Attacking churches is prohibited": a kind of act, not an act
        if token.dep_ == "acl" and token.head.head.pos_ == "VERB" and (
                _is_purpose_infinitive(token.head.head) or lemma_of(token.head.head) in lx.HYPOTHETICAL_GOVERNORS):
            return True  # "to intercept missiles fired by Iran": the firing is as hypothetical
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether", "lest"} for c in token.children):
            return True  # "if attacked"
        if token.tag_ == "VB" and token.dep_ == "conj" and not children(token, "aux", "auxpass", "nsubj"):
            return True  # "plotted to execute X and then attack Y": a bare infinitive goes on with the plan
    clause = token.head if token.pos_ != "VERB" and token.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    if clause is not None and clause.pos_ in {"VERB", "AUX"} and any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether", "lest"} for c in clause.children):
        return True  # "if the attacks keep coming": a condition, not an act
    if family == "strike" and token.head.lower_ == "on" and not any(c.dep_ == "det" for c in token.children):
        return True  # "went on strike"
    if family == "clash" and token.dep_ == "acl" and token.tag_ == "VBG" and not children(token, "dobj", "prep"):
        return True  # "rebel groups fighting to topple Assad": who they are, not an act
    if lemma_of(token) in {"offensive", "defensive"} and token.head.lower_ == "on":
        return True  # "go on the offensive": a stance, not an act
    if latest_of_series(token) or negated_experience(token) or denied(token) or fled(token) or a_label(token) or (
            habitual(token, trigger_family) or threatened_means(token) or fell(token) or none_of(token)):
        return True
    steps, child = 0, token
    for head in token.ancestors:
        steps += 1
        if steps > 6:
            break
        if lemma_of(head) in lx.HYPOTHETICAL_GOVERNORS and head.pos_ == "VERB" and not (  # (not "gunmen stopped
                child.dep_ == "conj" and head.tag_ in {"VBD", "VBZ", "VBP"}) and (  # a bus ... and shot them")
                head.i < token.i or token.dep_ in {"nsubj", "nsubjpass"}):
            return True  # "vowed to strike", "an attack was planned"; not a vow told after the act
        if lemma_of(head) in CEASING_VERBS and head.pos_ == "VERB" and any(
                a.lower_ == "to" or a.lower_ in lx.MODAL_AUX or a.lower_ == "must" for a in children(head, "aux")):
            return True  # "calls on Russia to end its attacks", "X must cease its attacks": a demand, not an act
        if head.pos_ == "NOUN" and lemma_of(head) in CEASING_NOUNS and child.lower_ == CEASING_NOUNS[lemma_of(head)]:
            return True  # "called for an end to attacks on civilians" (not "at the end of the attack")
        child = head
        if head.pos_ == "NOUN" and lemma_of(head) in lx.HYPOTHETICAL_HEADS:
            return True
        # a verb ends the walk unless it continues another's plan ("planned to murder ...
        # and then use firearms to attack", "plotted to execute ... and attack")
        if head.pos_ == "VERB" and head is not token and head.dep_ not in {"xcomp", "conj"}:
            break
    return False


CEASING_VERBS = frozenset({"end", "cease", "halt", "stop"})
CEASING_NOUNS = {"end": "to", "halt": "to", "cessation": "of"}  # the noun and the word it takes the acts with
ASPECTUAL_VERBS = frozenset({"begin", "start", "continue", "resume", "keep", "go", "proceed", "try", "attempt"})


def _is_purpose_infinitive(verb: Token) -> bool:
    """'to attack' that says what someone meant to do, not what happened ('began to strike' did)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.dep_ in {"advcl", "acl", "relcl", "xcomp"} and lemma_of(verb.head) not in ASPECTUAL_VERBS


def _armed_striker(verb: Token) -> bool:
    """Whether the subject (or passive agent) of the verb 'strike' is armed: a weapon, an armed group, a state
    or its forces. Without a subject of its own, the one of the verb it complements ('forces moved to strike')."""
    subjects = children(verb, "nsubj") + [o for a in children(verb, "agent") for o in children(a, "pobj")]
    if not subjects and verb.dep_ in {"xcomp", "conj", "advcl"}:
        subjects = children(verb.head, "nsubj", "nsubjpass")
    if not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "by":  # "responded by striking a depot"
        subjects = children(verb.head.head, "nsubj")
    subjects = subjects or (fronted_subject(verb) if verb.dep_ == "ROOT" else [])  # "At the direction of X, forces"
    subjects = [_speaker_of(s) if s.lower_ in {"it", "they", "we"} else verb.head if s.lower_ in {"that", "which"}
                and verb.dep_ == "relcl" else s for s in subjects]  # "the drone that struck the base": the drone
    for subject in subjects:
        phrase = phrase_text(list(phrase_tokens(subject)))
        model = subject.left_edge.i and lx.AIRCRAFT_MODEL_RE.fullmatch(subject.doc[subject.left_edge.i - 1].text)
        if (weapon_of(subject) or model or lemma_of(subject) in lx.ATTACKER_NOUNS | lx.ARMED_NOUNS  # (model: "F-15E
                or actors.actor_family(phrase) or any(lemma_of(x) in elx.SALVO_WORDS for x in [subject, *children(
                    subject, "compound")])):  # Strike Eagles", its aircraft's model parsed apart from it)
            return True
    return any(weapon_of(o) or lemma_of(o) == "weapon" for o in prep_objects(verb, "with"))  # "struck with guns"


def _speaker_of(pronoun: Token) -> Token:
    """'the military said it struck ...': the subject of the reporting verb above the pronoun."""
    for head in pronoun.ancestors:
        if lemma_of(head) in lx.REPORTING_VERBS and head.pos_ == "VERB":
            subjects = [s for s in children(head, "nsubj") if s.lower_ not in {"it", "they", "we", "he", "she"}]
            return subjects[0] if subjects else pronoun
    return pronoun


def find_triggers(sent: Span) -> list[tuple[Token, str]]:
    """The event words of a sentence with their trigger family."""
    triggers: list[tuple[Token, str]] = []
    for token in sent:
        family = trigger_family(token)
        if family and not _is_excluded(token, family):
            triggers.append((token, family))
    if len(triggers) > 1:  # "carried out by a suicide bomber": the bomber is the actor of the other event word
        triggers = [(t, f) for t, f in triggers if lemma_of(t) != "bomber"]
    trigger_ids = {t.i for t, _ in triggers}
    # a noun trigger compounded into another ("bombing attack") is part of it
    triggers = [(t, f) for t, f in triggers if not (t.dep_ == "compound" and t.head.i in trigger_ids)]
    # a verb whose subject is itself a trigger noun adds nothing ("the attack hit", "the airstrike killed four
    # terrorists"), nor one that shares that subject with the verb it is conjoined to ("the attacks killed four
    # and wounded nine"); an ending told of the assault ("the assault was repelled") is an act of its own
    noun_ids = {t.i for t, _ in triggers if t.pos_ != "VERB"}
    return [(t, f) for t, f in triggers if t.pos_ != "VERB" or f == "intercept" or not any(
        c.i in noun_ids for c in shared_subjects(t, *(("nsubj",) if f == "defence" else ("nsubj", "nsubjpass"))))]
