"""Whether an event no word marks as an attack or a response answers an earlier one: who struck whom,
in the order the text tells them (``resolve_kinds``). Used by ``geo.events.extract``; imports only
the events wing's actor families and drafts."""

from __future__ import annotations

import re

from geo.events import actors
from geo.events.draft import Draft


def _victim_family(draft: Draft) -> str | None:
    """Who was attacked: the target's family, or the country it happened in when the target
    is only a place ('rockets at Tel Aviv')."""
    family = actors.actor_family(draft.target)
    if family is None and draft.place is not None and (
            draft.target is None or (draft.place.text and draft.place.text in draft.target)):
        family = actors.COUNTRY_FAMILY.get(draft.place.country or "")
    return family


ARMED_GROUP_WORDS = frozenset({"militia", "militias", "militant", "militants", "insurgent", "insurgents", "fighter",
                               "fighters", "rebel", "rebels", "terrorist", "terrorists", "gunmen", "jihadists"})
# Who did an act, named by it ("the attackers", "the kidnappers' camp").
PERPETRATOR_WORDS = frozenset({"attacker", "attackers", "assailant", "assailants", "gunman", "gunmen", "bomber",
                               "bombers", "kidnapper", "kidnappers", "abductor", "abductors", "captor", "captors",
                               "perpetrator", "perpetrators", "raiders"})
STATE_FORCE_WORDS = frozenset({"troops", "soldiers", "forces", "army", "police", "policemen", "military", "officers",
                               "security", "commandos", "gendarmes"})
AFTER_THE_ACT_RE = re.compile(r"\b(?:after|following)\b[^.;]{0,40}?\b(?:attacks?|bombings?|blasts?|assaults?|ambush|"
                              r"raids?|abductions?|kidnappings?|massacre|shooting|shelling|(?:was|were) (?:hit|attacked|"
                              r"struck|shelled|bombed|targeted))\b", re.I)


def resolve_kinds(drafts: list[Draft]) -> None:
    """Events without a cue: a strike on those who attacked earlier, by a side that has not attacked
    (the side they attacked, or one coming to its aid), is a response: its target is the attackers'
    side, or armed men like the unnamed ones who attacked. So is an act of unnamed security forces on
    the perpetrators ("troops stormed the kidnappers' camp") or, told as after the attack, on armed
    men ("a day after the bombing, police raided a militant hideout"). Two sides at war attacking
    each other in turn both attack."""
    attackers: set[str] = set()
    armed_attack = False  # an attack by armed men of no named side ("militants fired rockets")
    attacked = False
    for draft in sorted(drafts, key=lambda d: min(s.start for s in d.sentences + d.headlines)):
        family = actors.actor_family(draft.actor)
        actor_words = set(re.findall(r"[a-z]+", (draft.actor or "").lower()))
        if draft.kind is None:
            words = set(re.findall(r"[a-z]+", (draft.target or "").lower()))
            on_attackers = (_victim_family(draft) in attackers or bool(draft.aims & attackers)
                            or (armed_attack and bool(words & ARMED_GROUP_WORDS)))
            answering = family is not None and family not in attackers and on_attackers
            state_forces = family is None and bool(actor_words & STATE_FORCE_WORDS) and not (
                actor_words & (ARMED_GROUP_WORDS | PERPETRATOR_WORDS))
            on_perpetrators = bool(words & PERPETRATOR_WORDS) or (
                bool(words & ARMED_GROUP_WORDS) and any(AFTER_THE_ACT_RE.search(s.text) for s in draft.sentences))
            draft.kind = "response" if answering or (attacked and state_forces and on_perpetrators) else "attack"
        if draft.kind == "attack":
            attacked = True
            if family:
                attackers.add(family)
            elif actor_words & (ARMED_GROUP_WORDS | PERPETRATOR_WORDS):
                armed_attack = True


__all__ = ["resolve_kinds"]
