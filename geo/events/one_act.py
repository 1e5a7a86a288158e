"""Mentions of one sentence that tell one act: verbs chained on one subject ('the drone was launched from
Iraq and struck a base'), an act named in the phrase of another ('killed 10 people in the worst mass
shooting'), a clause on its time ('came on Tuesday, when drones were launched'), a clause 'in which' it is
told, and what it is called ('in the latest assault on the shipping lane').

Used by ``geo.events.context``; imports the events wing's word lists and mentions.
"""

from __future__ import annotations

from spacy.tokens import Token

from geo.events import lexicon as lx
from geo.events.mentions import Mention
from geo.syntax import PRONOUNS, children


REPEL_VERBS = frozenset({"repel", "repulse"})


def merge_one_act(mentions: list[Mention]) -> list[Mention]:
    """'the drone was launched from Iraq and struck a base': one event, told by two verbs."""
    by_token = {m.trigger.i: m for m in mentions}
    kept: list[Mention] = []
    for mention in mentions:
        trigger = mention.trigger
        head = by_token.get(trigger.head.i) if trigger.dep_ == "conj" and trigger.pos_ == "VERB" else None
        told_by = by_token.get(trigger.head.i) if trigger.dep_ == "relcl" else None  # "a bomb that killed two"
        listed = _listed_with(trigger, by_token)  # "Airstrikes and shelling in X killed 8": one toll, one act
        launched = _launch_of_the_weapon(trigger, by_token)  # "Rockets fired by X hit a house": one act, X's
        container = (told_by or _act_container(trigger, by_token) or _told_when(trigger, by_token)
                     or _named_as_the_latest(mention, mentions) or _in_which(trigger, by_token)
                     or _called_in_passing(mention, mentions)
                     or _acting_as_subject(trigger, by_token) or _won_back_by(trigger, by_token) or launched
                     or listed)
        if listed is not None and not any(p.place for p in listed.parts):
            listed.parts = [p for p in mention.parts if p.place] or listed.parts  # the place the list is told at
        if container is not None:  # "a man killed 10 people in the worst mass shooting": one act
            container.merged.append(trigger)
            # "the attack took place ..., when gunmen stormed X"; "rockets fired by X hit a house": X did it
            container.actor = mention.actor if launched and mention.actor else container.actor or mention.actor
            container.new_event = container.new_event or mention.new_event  # "in another attack, gunmen fired"
            container.anaphoric = container.anaphoric or (mention.anaphoric and trigger.dep_ == "pobj")  # "shot dead
            # during the attack": the attack told before
            if container.category in {"Attack", "Other"}:
                container.category, container.weapon = mention.category, mention.weapon or container.weapon
            container.family = mention.family if container.family == "attack" else container.family
            continue
        one_interception = head is not None and head.family == mention.family == "intercept"
        repelled = head is not None and head.family != "defence" and mention.trigger.lemma_.lower() in REPEL_VERBS
        if head is None or head.trigger.pos_ != "VERB" or (
                (head.family == "intercept" or mention.family == "intercept") and not one_interception) or (
                _distinct_acts(head, mention)) or repelled:  # 'attacked the post but were repelled': two acts
            kept.append(mention)
            continue
        head.actor = head.actor or mention.actor
        head.count = head.count or mention.count
        if mention.family == "defence" and len(mentions) == 2:  # (not "the attack ... before police shot and
            head.family = "defence"  # killed him": quelled as part of it) "stormed the building and killed the gunmen"
        if head.category in {"Attack", "Other"}:
            head.category, head.weapon = mention.category, mention.weapon or head.weapon
        head.merged.append(mention.trigger)
    return kept


RETAKING_VERBS = frozenset({"recapture", "retake", "regain", "reclaim", "liberate"})


def _won_back_by(trigger: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'recaptured the village on Monday after a two-day counter-attack': the fighting that won a place back is
    the act of winning it back."""
    path = list(trigger.ancestors)[:3]  # (the tokenizer may cut "counter-attack" at the dash)
    at = next((i for i, t in enumerate(path) if t.dep_ == "prep" and t.lower_ in {"after", "following", "in"}), None)
    if trigger.pos_ == "VERB" or at is None or at + 1 >= len(path):
        return None
    verb = path[at + 1]
    return by_token.get(verb.i) if verb.lemma_.lower() in RETAKING_VERBS else None


def _acting_as_subject(trigger: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'On 12 August, shelling hit the camp, killing three': the act named as the subject of the verb that
    tells what it did is that verb's act."""
    if trigger.dep_ not in {"nsubj", "csubj"} or trigger.head.pos_ != "VERB":
        return None
    return by_token.get(trigger.head.i)


def _launch_of_the_weapon(trigger: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'Rockets fired by the group hit a house', 'shells fired from the hills struck homes': the launch told of
    the weapon that did the act is that act (not an interception: 'rockets fired at the town were shot down')."""
    weapon = trigger.head
    if weapon.dep_ == "appos" and weapon.head.dep_ in {"nsubj", "nsubjpass"}:
        weapon = weapon.head  # "KHARTOUM, Sudan — Shells fired by X crashed into ...", parsed with the dateline
        # for the subject and the shells in apposition to it
    if trigger.pos_ != "VERB" or trigger.dep_ != "acl" or weapon.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    container = by_token.get(weapon.head.i)
    return container if container is not None and container.family not in {"intercept", "defence"} else None


def _act_container(trigger: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The verb mention whose 'in'/'during' phrase names this (noun) act, or that answers with it
    ('retaliated with airstrikes')."""
    if trigger.pos_ == "VERB" or trigger.dep_ != "pobj" or trigger.head.lower_ not in {"in", "during", "with"}:
        return None
    verb = trigger.head.head
    while verb.i not in by_token and verb.dep_ in {"advcl", "xcomp", "acl"} and verb.head.pos_ == "VERB":
        verb = verb.head  # "struck a ship ..., starting a fire, in the latest assault on the lane"
    container = by_token.get(verb.i)
    if trigger.head.lower_ == "with" and (container is None or container.family != "retaliation"):
        return None
    if container is None or verb.pos_ != "VERB" or container.family == "intercept":
        return None
    return container


def _named_as_the_latest(mention: Mention, mentions: list[Mention]) -> Mention | None:
    """'Rebels struck a ship on Monday, ..., in the latest assault on the shipping lane': what the one act a
    verb tells in the sentence is an instance of (however the parser hangs the phrase)."""
    trigger = mention.trigger
    if trigger.pos_ == "VERB" or trigger.dep_ != "pobj" or trigger.head.lower_ != "in" or not any(
            c.lower_ in {"latest", "newest"} for c in trigger.children):
        return None
    verbs = [m for m in mentions if m is not mention and m.trigger.pos_ == "VERB"]
    return verbs[0] if len(verbs) == 1 else None


def _called_in_passing(mention: Mention, mentions: list[Mention]) -> Mention | None:
    """'Drone strikes on villages killed nine people, officials said, in strikes that Ankara described as
    retaliation for ...': the phrase says what the one act of its kind the sentence tells was called; 'hit X
    with missiles, an attack the ministry called retaliation': what the act of the clause was called."""
    trigger = mention.trigger
    called = any(c.dep_ == "relcl" and c.lemma_.lower() in lx.CALLING_VERBS for c in trigger.children)
    if trigger.pos_ != "VERB" and trigger.dep_ == "appos" and called:  # "hit X with missiles, an attack the
        verb = next((h for h in trigger.ancestors if h.pos_ == "VERB"), None)  # ministry called retaliation"
        return next((m for m in mentions if m is not mention and verb is not None and m.trigger.i == verb.i), None)
    if trigger.pos_ == "VERB" or trigger.dep_ != "pobj" or trigger.head.lower_ != "in" or not called:
        return None
    others = [m for m in mentions if m is not mention and m.family == mention.family
              and not trigger.left_edge.i <= m.trigger.i <= trigger.right_edge.i]
    return others[0] if len(others) == 1 else None


def _in_which(trigger: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'the attack on the market, in which gunmen killed 37 civilians': the clause tells the act it is about."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "relcl" or not any(
            c.dep_ == "prep" and c.lower_ in {"in", "during"} and any(o.lower_ == "which" for o in c.children)
            for c in trigger.children):
        return None
    return by_token.get(trigger.head.i)


def _told_when(trigger: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'The latest attack came on Tuesday, when two drones were launched at the base': the clause on the
    act's time tells the act itself."""
    if trigger.pos_ != "VERB" or trigger.dep_ not in {"relcl", "advcl"} or not any(
            c.lower_ == "when" for c in trigger.children):
        return None
    for head in trigger.ancestors:
        if head.i in by_token and head.pos_ in {"NOUN", "PROPN"}:
            return by_token[head.i]  # "in response to an attack on the evening of Nov. 18, when militants fired ..."
        if head.pos_ in {"VERB", "AUX"}:
            if head.i in by_token and any(s.lower_ in {"they", "he", "she"} for s in children(trigger, "nsubj")):
                return by_token[head.i]  # "gunmen killed six people when they stormed a village": one act
            if head.lemma_.lower() not in lx.HAPPEN_VERBS and head.lemma_.lower() != "come":
                return None
            return next((by_token[s.i] for s in children(head, "nsubj") if s.i in by_token), None)
    return None


def _listed_with(trigger: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'Airstrikes and shelling in X killed 8 civilians': an act's noun listed after another's, the two one
    subject of what they did (killed, wounded, destroyed), tell one round of violence."""
    head = by_token.get(trigger.head.i) if trigger.dep_ == "conj" else None
    if head is None or head.trigger.pos_ not in {"NOUN", "PROPN"} or trigger.tag_ not in {"VBG", "NN", "NNS"}:
        return None
    verb = head.trigger.head
    return head if head.trigger.dep_ == "nsubj" and verb.lemma_.lower() in lx.WEAPON_SUBJECT_VERBS | {"leave"} else None


def _distinct_acts(first: Mention, second: Mention) -> bool:
    """'shelling the villages and detonating a car bomb': two verbs, each with its own object
    and its own kind of act, tell two acts; so do 'fighters attacked X, and rockets hit Y': a second
    verb with a subject of its own (not 'they') and each verb a different named object."""
    own_subject = [s for s in children(second.trigger, "nsubj", "nsubjpass") if s.lower_ not in PRONOUNS]
    launches = {first.trigger.lemma_.lower(), second.trigger.lemma_.lower()} <= lx.WEAPON_OBJECT_VERBS
    if launches and not own_subject:
        return False  # "fired rockets and launched two drones at the base": one salvo
    named = [o.text for m in (first, second) for o in children(m.trigger, "dobj") if o.pos_ == "PROPN"]
    if own_subject and len(named) == 2 and named[0] != named[1]:
        return True
    generic = {"Attack", "Other"}
    if first.category in generic or second.category in generic or first.category == second.category:
        return False
    return bool(children(first.trigger, "dobj")) and bool(children(second.trigger, "dobj"))


SEQUENCE_VERBS = frozenset({"follow", "precede"})


def told_in_sequence(mentions: list[Mention]) -> dict[int, Mention]:
    """'The airstrike followed an assault by militants on a base on Monday': the act a verb of sequence puts before
    or after its subject's act is another act; the subject, an act told before ('the airstrike'), takes nothing of
    the sentence (the place and day are the assault's). Those subjects are returned, by id, with the other act."""
    by_token = {m.trigger.i: m for m in mentions}
    referred: dict[int, Mention] = {}
    for mention in mentions:
        verb = mention.trigger.head
        subjects = [by_token[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in by_token]
        if mention.trigger.dep_ == "dobj" and verb.lemma_.lower() in SEQUENCE_VERBS and subjects:
            mention.new_event = True
            referred.update({id(m): mention for m in subjects if m.anaphoric})
    return referred


__all__ = ["merge_one_act", "told_in_sequence"]
