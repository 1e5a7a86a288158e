"""Mentions that tell no single act, and are dropped: a kind of act told as a bare plural ('the aftermath of
bombings', 'the army burned and raided villages'), acts told over a span and uncounted ('have killed several
lawmakers this year'), a campaign ('launched an offensive', 'fighting has continued since August') and a state's
war on another ('Russia's attack on Ukraine'). Used by ``geo.events.context``."""

from __future__ import annotations

from spacy.tokens import Token

from geo.events import actors, context_words as elx, lexicon as lx, weapons
from geo.events.dating import told_over_a_period
from geo.events.kinds import AFTER_THE_ACT_RE
from geo.events.mentions import Mention, anchor_of, target_heads
from geo.events.not_events import a_campaigns_toll, front_moved, goes_on
from geo.events.roles import RESPONSE_FAMILIES
from geo.syntax import children, span_text


GENERIC_DETERMINERS = frozenset({"det", "poss", "nummod", "predet"})


def is_generic(mention: Mention) -> bool:
    """A bare plural that pins nothing down ('the aftermath of bombings', 'the prevalence of knife attacks',
    'overall attacks have fallen'): a kind of event, not an event. It names no place, date, actor or figure and has
    no determiner, numeral or possessive."""
    trigger = mention.trigger
    if trigger.pos_ == "VERB" and not mention.headline:
        return _done_to_a_kind(mention)
    if trigger.pos_ == "VERB" or trigger.tag_ not in {"NNS", "NNPS"} or mention.headline:
        return False
    if any(c.dep_ in GENERIC_DETERMINERS for c in trigger.children) or anchor_of(trigger) is not trigger:
        return False
    if trigger.dep_ == "nsubj" and trigger.head.tag_ == "VBD" and children(trigger.head, "dobj"):
        return False  # "drone strikes then hit the fighters": acts told done, to something
    quantity = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else trigger.head
    if quantity.lower_ in weapons.QUANTITY_HEADS or quantity.pos_ == "NUM":
        return False
    pinned = (any(p.place for p in mention.parts) or mention.date or mention.actor or mention.count
              or mention.killed is not None or mention.injured is not None or mention.cue == "response")
    return not pinned


def _done_to_a_kind(mention: Mention) -> bool:
    """'The army burned and raided villages': acts done to a kind of thing (a bare plural), pinned to no
    place, time, figure or act they answer ('struck rebel positions in response'), tell a campaign, not an event."""
    objects = target_heads(mention.trigger, mention.trigger)
    if not objects or any(p.place for p in mention.parts) or mention.date or mention.count or (mention.when and (
            mention.when not in elx.PERIOD_WORDS)) or mention.killed is not None or mention.injured is not None or (
            mention.cue == "response" and mention.family not in RESPONSE_FAMILIES):
        return False
    if AFTER_THE_ACT_RE.search(span_text(mention.trigger.sent)) or any(s.tag_ == "NN" and weapons.lemma_of(s) in (
            lx.ATTACKER_NOUNS) for s in children(mention.trigger, "nsubj")):  # "a gunman opened fire on troops": one
        return False  # "hours after the camps were hit, artillery struck rebel positions": pinned to that act
    return all(o.tag_ == "NNS" and not any(c.dep_ in GENERIC_DETERMINERS or _told_acts(c) for c in o.children)
               for o in objects)


def _told_acts(clause: Token) -> bool:
    """'fighters who tried to re-enter the town': those who did something then, not a kind."""
    return clause.dep_ == "relcl" and clause.tag_ == "VBD" and any(
        c.lower_ == "who" for c in children(clause, "nsubj"))


def is_tally(mention: Mention) -> bool:
    """'Fighters have killed several lawmakers this year': acts told over a span of time, uncounted."""
    one = any(o.tag_ in {"NN", "NNP"} and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in o.children)
              for o in children(mention.trigger, "dobj", "nsubjpass"))  # "ambushed a convoy this month": one act
    return bool(mention.when and mention.when in elx.PERIOD_WORDS) and mention.count is None and (
        mention.killed is None) and not mention.anaphoric and not one  # "the third abduction this month": that one


def is_campaign(mention: Mention) -> bool:
    """'launched a military offensive in the region', 'a failed offensive towards the capital': a
    campaign, not one event, unless the text counts what it did ('the offensive has killed 1,600');
    'fighting has continued in the region since August': a war going on, not one event."""
    if _goes_on(mention) or a_campaigns_toll(mention.trigger) or (  # (... 'has killed 9,000 since May': a toll)
            front_moved(mention.trigger) and mention.killed is None):
        return True
    return (mention.trigger.lemma_.lower() in CAMPAIGN_NOUNS and mention.killed is None and mention.injured is None
            and mention.count is None and not (mention.cue == "response" and (
                mention.date is not None or any(p.place for p in mention.parts))))  # "launched a counter-offensive
    # in X on 19 February" answers an attack; "a counteroffensive of four months continues" is a campaign


def is_war(mention: Mention) -> bool:
    """"Russia's attack on Ukraine", "Israel's assault on Lebanon": a state's war on another, not one act
    (no weapon, no day: "Russia launched a drone attack on Ukraine overnight" is one)."""
    target = mention.parts[0].target if mention.parts else None
    objects = [t for o in children(mention.trigger, "dobj") for t in (o, *o.conjuncts)]  # "launched 120 drones and
    if not mention.actor or not target or mention.killed is not None or mention.count is not None or (  # 8 missiles"
            mention.weapon or mention.date or mention.when or mention.category != "Attack" or any(
                o.lemma_.lower() in lx.WEAPON_CATEGORY for o in objects)):
        return False
    bare = target.lower().removeprefix("the ")
    if bare in actors.CAPITAL_ALIASES:
        return False
    mine, theirs = actors.actor_family(mention.actor), actors.actor_family(target)
    states = actors.STATES
    return mine in states and theirs in states and mine != theirs and actors.named_exactly(bare) == theirs


CAMPAIGN_NOUNS = frozenset({"offensive", "onslaught", "counteroffensive", "counter-offensive"})


def _goes_on(mention: Mention) -> bool:
    """A war going on ('fighting has continued since August'), with no day and no toll."""
    return (goes_on(mention.trigger) and mention.killed is None and mention.injured is None and mention.count is None
            and (mention.date is None or mention.date_precision != "day") and told_over_a_period(mention.trigger.sent))
