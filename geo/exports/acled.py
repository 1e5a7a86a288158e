"""ACLED's coding of an event: its event type from the means and the target, and the actors' "inter" codes.

It follows the ACLED Codebook (2023/2024), sections "Event Types and Sub-Event Types" and "Actors: Actor
Names, Types, and 'Inter' Codes":

- *Explosions/Remote violence* is violence by remote means (air/drone strikes; shelling, artillery and
  missiles; remote explosives, landmines and IEDs; suicide bombs; grenades), whoever the target is.
- *Violence against civilians* is an organised armed group's violence against unarmed non-combatants: its
  "Attack" sub-event type is armed violence on civilians, not on armed forces.
- *Battles* are violent interactions between two armed, organised groups: a direct attack on state forces,
  their personnel, a base or a checkpoint, or on another armed group, is a battle however one-sided it was.
  An "Armed clash" has two armed sides by definition and stays a battle whoever its target is said to be.

Our category is ACLED's sub-event type and is written as ``sub_event_type`` as it is (so "Attack" can stand
under Battles, where ACLED would write "Armed clash"); only ``event_type`` reads the target. When the target
phrase says nothing clear, the category alone decides (``ACLED_EVENT_TYPES``); when it names armed actors and
civilians together, the armed ones decide, as civilians harmed in fighting do not make a battle one-sided.

Inter codes: 1 state forces, 2 rebel groups, 3 political militias (and ACLED's "Unidentified Armed Group":
gunmen, armed men; and forces another state backs), 4 identity militias, 5 rioters, 6 protesters,
7 civilians, 8 external/other forces (international and multinational forces, mercenaries, and state forces
outside their own country: "U.S. forces" at an event in Syria). They are read from a few general word lists
over the actor and target phrases, and left empty when the words say nothing clear.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from geo.model import Event, Place, Report

BATTLES = "Battles"
REMOTE_VIOLENCE = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
# ACLED's event type of each of our categories (ACLED sub-event types) when the target says nothing.
ACLED_EVENT_TYPES: dict[str, str] = {
    "Air/drone strike": REMOTE_VIOLENCE,
    "Shelling/artillery/missile attack": REMOTE_VIOLENCE,
    "Remote explosive/landmine/IED": REMOTE_VIOLENCE,
    "Suicide bomb": REMOTE_VIOLENCE,
    "Grenade": REMOTE_VIOLENCE,
    "Armed clash": BATTLES,
    "Attack": VIOLENCE_AGAINST_CIVILIANS,
    "Abduction/forced disappearance": VIOLENCE_AGAINST_CIVILIANS,
    "Looting/property destruction": STRATEGIC_DEVELOPMENTS,
    "Disrupted weapons use": STRATEGIC_DEVELOPMENTS,
    "Other": STRATEGIC_DEVELOPMENTS,
}
# The categories whose event type follows the target: a direct attack, by people on people or places.
TARGET_DECIDES = frozenset({"Attack"})

STATE_FORCES, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)
ARMED_CODES = frozenset({STATE_FORCES, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, EXTERNAL})

# Word lists over a phrase folded to lower-case words; an entry matches the words as written or in the
# singular ("forces" matches "force"). Checked in this order: the first list that matches gives the code.
EXTERNAL_WORDS = frozenset({"coalition", "peacekeeper", "peacekeeping", "un", "united nations", "nato",
                            "mercenary", "mercenaries", "private military", "foreign fighter"})
IDENTITY_WORDS = frozenset({"ethnic militia", "tribal militia", "clan militia", "communal militia",
                            "vigilante", "armed tribesmen", "self defense group", "self defence group"})
MILITIA_WORDS = frozenset({"militia", "militiaman", "militiamen", "paramilitary", "paramilitaries", "gunman",
                           "gunmen", "armed men", "armed man", "armed group", "assailant"})
REBEL_WORDS = frozenset({"militant", "rebel", "insurgent", "jihadist", "guerrilla", "guerilla", "separatist",
                         "extremist", "terrorist", "houthi", "hamas", "hezbollah", "hizbollah", "isis", "isil",
                         "islamic state", "daesh", "al qaeda", "al qaida", "al shabaab", "boko haram", "taliban",
                         "pkk"})
STATE_WORDS = frozenset({"force", "army", "military", "troop", "soldier", "serviceman", "servicemen",
                         "service member", "personnel", "police", "policeman", "policemen", "gendarme",
                         "gendarmerie", "marine", "navy", "naval", "air force", "warship", "base", "airbase",
                         "checkpoint", "garrison", "barracks", "outpost", "patrol", "border guard",
                         "national guard", "coast guard", "republican guard", "security service"})
# Armed, but whose: a country named with them makes them its state forces ("Russian positions").
ARMED_WORDS = frozenset({"fighter", "combatant", "position", "weapon depot", "arms depot", "ammunition",
                         "ammunition depot", "launcher", "launch site", "command center", "command centre",
                         "training camp", "safe house", "hideout"})
# A state or another group backing or leading them: "Iran-backed forces", "pro-government forces".
PROXY_CUES = frozenset({"backed", "proxy", "proxies", "sponsored", "pro"})
RIOTER_WORDS = frozenset({"rioter", "mob"})
PROTESTER_WORDS = frozenset({"protester", "protestor", "demonstrator"})
CIVILIAN_WORDS = frozenset({
    "civilian", "resident", "villager", "people", "person", "child", "children", "women", "woman", "family",
    "families", "worshipper", "student", "pupil", "patient", "journalist", "reporter", "aid worker",
    "health worker", "medic", "doctor", "nurse", "farmer", "herder", "passenger", "shopper", "pilgrim",
    "refugee", "displaced", "home", "house", "apartment", "residential", "hospital", "clinic", "school",
    "kindergarten", "university", "market", "mosque", "church", "synagogue", "temple", "shrine", "shelter",
    "bakery", "wedding", "funeral", "village", "neighborhood", "neighbourhood", "shop", "restaurant", "cafe",
    "hotel", "bus",
})
# "Hamas-run hospital", "rebel-held town": the first word names who holds the place, not the place.
_HOLDER = re.compile(r"\b[\w.]+-(?:run|held|controlled|occupied|ruled|affiliated)\b", re.IGNORECASE)
_FOLD_SPLIT = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:\.[A-Za-z]+)*\.?")
_POSSESSIVE = re.compile(r"['’]s?$")
_DETERMINERS = frozenset({"the", "a", "an"})
_MAX_NAME_WORDS = 4
# Abbreviations the country data leaves out (two letters are too ambiguous to take from it: "IS", "IN").
_ABBREVIATIONS = {"US": "US", "U.S.": "US", "USA": "US", "UK": "GB", "U.K.": "GB"}


@dataclass(frozen=True, slots=True)
class AcledCoding:
    """An event as ACLED codes it: event type, sub-event type (our category), the actors' inter codes."""

    event_type: str
    sub_event_type: str
    inter1: int | None = None
    inter2: int | None = None


def _folded(phrase: str) -> tuple[str, str]:
    """The phrase as lower-case words, padded with spaces: as written and in the singular."""
    words = [w for w in _FOLD_SPLIT.split(_HOLDER.sub(" ", phrase).lower()) if w]
    singular = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]
    return f" {' '.join(words)} ", f" {' '.join(singular)} "


def _says(folded: tuple[str, str], words: Iterable[str]) -> bool:
    return any(f" {word} " in form for word in words for form in folded)


@lru_cache(maxsize=1)
def _country_words() -> tuple[dict[str, str], dict[str, str]]:
    """Country names with their long alternative spellings and abbreviations ("Syria", "USA"), and
    demonyms ("Syrian", "Syrians"), to ISO codes."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for entry in resources.files("countryinfo").joinpath("data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        with entry.open("rb") as handle:
            info = json.load(handle)
        code = (info.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        spellings = [str(info.get("name") or ""), *(str(s) for s in info.get("altSpellings") or () if len(str(s)) > 3)]
        names.update({name: code for name in spellings if name.isascii() and name and name not in names})
        demonym = str(info.get("demonym") or "")
        if demonym.isascii() and demonym:
            demonyms.setdefault(demonym, code)
            demonyms.setdefault(demonym + "s", code)
    return {**names, **_ABBREVIATIONS}, demonyms


def named_countries(phrase: str, extra: Mapping[str, str] | None = None) -> set[str]:
    """The countries a phrase names, by name, demonym or abbreviation ("U.S. forces" -> {"US"});
    ``extra`` adds names as written to codes (the report's own readings of its country mentions)."""
    words = _WORD.findall(phrase)
    names, demonyms = _country_words()
    codes: set[str] = set()
    for start in range(len(words)):
        for size in range(1, _MAX_NAME_WORDS + 1):
            gram = " ".join(words[start:start + size])
            for form in (gram, gram.rstrip("."), _POSSESSIVE.sub("", gram)):
                code = (extra or {}).get(form) or names.get(form) or demonyms.get(form)
                if code:
                    codes.add(code)
    return codes


def _state_or_external(countries: set[str], event_country: str | None) -> int:
    """State forces, or external forces when every country they are named by differs from the event's."""
    if event_country and countries and event_country.upper() not in countries:
        return EXTERNAL
    return STATE_FORCES


def _bare_country(phrase: str, extra: Mapping[str, str] | None) -> bool:
    """Whether the phrase is only a country's name ("the US", "Russia"): its state acted, or was attacked."""
    name = " ".join(w for w in _WORD.findall(phrase) if w.lower() not in _DETERMINERS)
    names, _ = _country_words()
    return bool(name) and any(form in table for form in (name, name.rstrip(".")) for table in (extra or {}, names))


def inter_code(phrase: str | None, event_country: str | None = None,
               countries: Mapping[str, str] | None = None) -> int | None:
    """ACLED's inter code of an actor or target phrase, ``None`` when its words say nothing clear.

    ``event_country`` (ISO alpha-2) tells a state's forces at home (1) from abroad (8); ``countries`` adds
    names as written to country codes."""
    if not phrase or not phrase.strip():
        return None
    folded = _folded(phrase)
    armed_state = _says(folded, STATE_WORDS)
    armed_other = _says(folded, ARMED_WORDS)
    if _says(folded, EXTERNAL_WORDS):
        return EXTERNAL
    if _says(folded, IDENTITY_WORDS):
        return IDENTITY_MILITIA
    if _says(folded, MILITIA_WORDS):
        return POLITICAL_MILITIA
    if _says(folded, REBEL_WORDS):
        return REBELS
    if (armed_state or armed_other) and _says(folded, PROXY_CUES):
        return POLITICAL_MILITIA
    named = named_countries(phrase, countries)
    if armed_state or (armed_other and named):
        return _state_or_external(named, event_country)
    if armed_other:
        return None
    for words, code in ((RIOTER_WORDS, RIOTERS), (PROTESTER_WORDS, PROTESTERS), (CIVILIAN_WORDS, CIVILIANS)):
        if _says(folded, words):
            return code
    if _bare_country(phrase, countries):
        return _state_or_external(named, event_country)
    return None


def target_is_armed(phrase: str | None) -> bool | None:
    """True when the phrase names armed actors or their sites, False when only civilians or their places,
    ``None`` when it says nothing clear (protesters and rioters included: the category decides then)."""
    if not phrase:
        return None
    code = inter_code(phrase)
    if code in ARMED_CODES or (code is None and _says(_folded(phrase), ARMED_WORDS)):
        return True
    return False if code == CIVILIANS else None


def acled_event_type(category: str, target: str | None = None) -> str:
    """ACLED's event type for one of our categories (ACLED sub-event types) and the event's target.

    Remote means decide alone; a direct attack is a battle on armed forces, violence against civilians on
    civilians, and as its category says when the target is unknown."""
    if category in TARGET_DECIDES:
        armed = target_is_armed(target)
        if armed is not None:
            return BATTLES if armed else VIOLENCE_AGAINST_CIVILIANS
    return ACLED_EVENT_TYPES.get(category, STRATEGIC_DEVELOPMENTS)


def report_countries(report: Report) -> dict[str, str]:
    """The report's country mentions as written, to their codes ("U.S." -> "US")."""
    return {m.text: p.country for p in report.places if p.kind == "country" and p.country for m in p.mentions}


def acled_coding(event: Event, place: Place | None, countries: Mapping[str, str] | None = None) -> AcledCoding:
    """How ACLED would code ``event``, which happened at ``place`` (None: unknown); ``countries`` are the
    report's country mentions (``report_countries``), read once per report."""
    country = place.country if place else None
    return AcledCoding(
        event_type=acled_event_type(event.category, event.target),
        sub_event_type=event.category,
        inter1=inter_code(event.actor, country, countries),
        inter2=inter_code(event.target, country, countries),
    )
