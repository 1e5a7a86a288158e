"""Whether the kinds of act told of an event and of a new mention can be one act: the same category or word,
the bombs of a car bomb and its blast, the bombs and strikes of one bombardment, anything with a generic attack;
never a gunman's act and a jet's, nor an interception and the act it stopped. Used by ``geo.events.linking``,
``geo.events.headlines`` and ``geo.events.umbrella``; imports the events wing's lexicon, drafts, mentions and
summary labels only."""

from __future__ import annotations

from geo.events import lexicon as lx
from geo.events.draft import Draft
from geo.events.mentions import Mention
from geo.events.summary import INTERCEPT

GENERIC_CATEGORIES = frozenset({"Attack", "Other"})
BOMBARDMENT_CATEGORIES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
# Categories that name one kind of act told in different words ("the suicide car bomb" ... "the blast")
EXPLOSION_CATEGORIES = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})


def _hand_and_air(a: str | None, b: str | None) -> bool:
    """A gunman's act and a drone's or a jet's: two acts, whatever the words around them."""
    kinds = {lx.WEAPON_CATEGORY.get(a or ""), lx.WEAPON_CATEGORY.get(b or "")}
    return kinds == {"Attack", "Air/drone strike"}


def categories_fit(draft: Draft, mention: Mention) -> bool:
    """Whether the mention's kind of act may be the draft's."""
    if (draft.category == INTERCEPT) != (mention.category == INTERCEPT):
        return False
    if _hand_and_air(draft.weapon, mention.weapon):
        return False
    if draft.category == mention.category or mention.family in draft.families:
        return True
    if draft.category in EXPLOSION_CATEGORIES and mention.category in EXPLOSION_CATEGORIES:
        return True
    if mention.family == "blast" and mention.weapon is None:
        return True  # "missiles fired at a tanker ... an explosion in the water close to it": what a weapon does
    if mention.family == "bomb" and draft.category in BOMBARDMENT_CATEGORIES:
        return True  # "the bombings" after "air strikes" or "a missile strike": a bombardment
    if mention.anaphoric and mention.category in BOMBARDMENT_CATEGORIES and draft.category in BOMBARDMENT_CATEGORIES:
        return True  # "injured in the strikes" after "the shelling targeted villages"
    return draft.category in GENERIC_CATEGORIES or mention.category in GENERIC_CATEGORIES
