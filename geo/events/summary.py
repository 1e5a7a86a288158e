"""A short line per event that a briefer can say aloud: who did what to whom, where.

    "US forces struck a militia weapons depot near Al Qaim"
    "Russian air defences shot down three drones over Voronezh"
    "Houthis carried out 3 drone attacks on merchant ships in the Red Sea"
    "Bomb explosion at a market in Kandahar"            (no actor named: what happened, where)

The verb comes from the act (struck, shelled, bombed, raided, ambushed, intercepted, shot down ...).
"""

from __future__ import annotations

import re

from geo.events import lexicon as lx
from geo.events.draft import Draft, counts_its_target
from geo.events.context_words import MILITARY_OBJECTS

INTERCEPT = "Disrupted weapons use"
MAX_CHARS = 160
DRONES = frozenset({"drone", "uav", "uas", "shahed"})
DEFENCE_VERBS = {"regain": "regained", "retake": "retook", "recapture": "recaptured", "repel": "repelled",
                 "repulse": "repulsed", "kill": "killed", "neutralize": "neutralised", "neutralise": "neutralised",
                 "eliminate": "killed", "shoot": "shot", "capture": "captured", "overpower": "overpowered",
                 "subdue": "subdued", "foil": "foiled", "thwart": "thwarted", "beat": "beat back",
                 "return": "returned fire on", "fight": "fought off", "stop": "stopped", "halt": "halted",
                 "blunt": "blunted", "end": "ended"}
PEOPLE_WORDS = frozenset({"people", "civilians", "person", "worshippers", "students", "children", "villagers",
                          "soldiers", "officers", "policemen", "residents", "passengers", "mourners", "shoppers",
                          "men", "women", "man", "woman", "boys", "girls", "farmers", "pupils", "fishermen"})
OFFENSIVE_WORDS = frozenset({"offensive", "counteroffensive", "counter-offensive"})
TRANSITIVE_ON_PLACES = frozenset({"struck", "shelled", "bombed", "attacked", "raided"})


def _label(draft: Draft) -> str:
    """The act as a noun: 'air strike', 'rocket attack', 'shelling', 'IED explosion'."""
    weapon = draft.weapon or ""
    if draft.category == "Air/drone strike":
        label = "drone strike" if weapon in DRONES else "air strike"
        if draft.families == {"attack"} and weapon in DRONES:
            label = "drone attack"
    elif draft.category == "Shelling/artillery/missile attack":
        label = {"rocket": "rocket attack", "mortar": "mortar attack", "artillery": "artillery shelling",
                 "shell": "shelling", "shelling": "shelling"}.get(weapon, "")
        label = label or ("shelling" if "shell" in draft.families else "missile attack")
    elif draft.category == "Remote explosive/landmine/IED":
        label = "IED explosion" if weapon in {"ied", "roadside", "explosive"} else (
            "bomb explosion" if draft.families & {"blast"} else "bombing")
    elif draft.category == INTERCEPT:
        label = "interception"
    elif draft.category == "Armed clash" and "ambush" in draft.families:
        label = "ambush"  # "an ambush on a convoy", not "an armed clash with" it
    else:
        label = lx.CATEGORY_LABEL.get(draft.category, "attack")
    return label


# What a counted target names when it is no people ("12 Houthi targets", "three storage facilities").
THING_HEADS = MILITARY_OBJECTS | {"building", "home", "house", "warehouse", "tunnel", "vehicle"}


_SITE_HEADS = frozenset({"post", "outpost", "checkpoint", "station", "barracks", "garrison", "village", "town"})


_GROUND_HEADS = frozenset({"camp", "edge", "outskirts", "area", "district", "neighbourhood", "neighborhood", "road",
                           "market", "school", "compound", "site", "bus", "convoy", "vehicle"})  # no one abducts them


def _a_site(words: list[str]) -> bool:
    """'an army post', 'the village': a place held, not a side one clashes with."""
    return bool(words) and words[-1].rstrip("s") in _SITE_HEADS


def _the_place(draft: Draft) -> bool:
    """The target is the town the act is placed at ('an assault on X'): fighting there, no side fought."""
    return draft.place is not None and bool(draft.target) and draft.target == draft.place.text


INTERCEPT_VERBS = {"shoot": "shot down", "intercept": "intercepted", "down": "downed"}  # "destroyed": by the weapon


RETAKEN = {"regained": "regained", "retook": "retaken", "recaptured": "recaptured"}  # an act on a place, not an assault


def _participle(draft: Draft) -> str:
    """The act's verb after 'was': 'repelled', 'retaken'."""
    return RETAKEN.get(_verb(draft), _verb(draft))


def _verb(draft: Draft) -> str:
    """The act as a verb in the past, taking the target as object: 'struck', 'shelled', 'shot down'."""
    families, weapon = draft.families, draft.weapon or ""
    if draft.category == INTERCEPT:  # the verb the text used: "shot down", "downed", else by the weapon
        told = next((INTERCEPT_VERBS[a] for a in draft.acts if a in INTERCEPT_VERBS), None)
        return told or ("shot down" if weapon in DRONES or "aircraft" in (draft.target or "") else "intercepted")
    if "counterattack" in draft.acts:
        return "counterattacked"
    if "retaliation" in families:
        return "retaliated against"
    if "defence" in families:
        act = next((a for a in draft.acts if a in DEFENCE_VERBS), "")
        return DEFENCE_VERBS.get(act, "fought off")
    words = (draft.target or "").lower().split()
    if "kill" in draft.acts and draft.killed and draft.killed in {lx.parse_number(w) for w in words}:
        return "killed"  # "killed 12 villagers and abducted 20 women": the target named is the dead
    things = bool(words) and re.sub(r"ies$", "y", words[-1]).rstrip("s") in THING_HEADS
    people = set(words) & PEOPLE_WORDS or (words and f"{words[-1]}s" in PEOPLE_WORDS)  # 'a farmer', 'two men'
    head = (draft.target or "").lower().split(" of ")[0].split()[-1:]  # "the edge (of the camp)"
    held = bool(head) and bool({head[0], head[0].removesuffix("s")} & (_SITE_HEADS | _GROUND_HEADS) or things) and (
        not people)  # ("the villages of X")
    if draft.category == "Abduction/forced disappearance":  # not "abducted the village", "the edge of the camp":
        return ("raided" if "raid" in families else "attacked") if held else "abducted"  # stormed, raided it
    if people or (any(w.isdigit() for w in words) and not things):
        if draft.acts and set(draft.acts) <= {"kill", "massacre"}:
            return "killed"  # "gunmen killed 12 people": told so, said so
        if draft.acts and set(draft.acts) <= {"shoot"}:
            return "shot dead" if draft.killed else "shot"  # "gunmen shot dead a farmer"
        return "attacked"  # "struck at least 20 civilians" reads as a blow; they were attacked
    if draft.category == "Looting/property destruction" and set(draft.acts) & {"burn", "set", "torch", "arson"}:
        return "burned"
    if draft.category == "Looting/property destruction" and (set(draft.acts) & LOOTING_VERBS or not draft.acts):
        return "looted"  # (not "stormed the camp and set fire to shelters": the storming is the act)
    if draft.category == "Armed clash":  # one clashes with a side, not with a camp: a site was attacked
        return "ambushed" if "ambush" in families else "attacked" if things or _a_site(words) or _the_place(
            draft) else "clashed with"
    if draft.acts and set(draft.acts) <= {"launch", "fire"} and weapon in DRONES | {"missile"}:
        verb = "fired" if "fire" in draft.acts else "launched"  # told sent at it, not told to hit it
        return f"{verb} {'drones' if weapon in DRONES else 'missiles'} at"
    if "raid" in families and "raid" in draft.acts:
        return "raided"  # "a helicopter raid": a raid, though aircraft carried it
    if draft.category == "Air/drone strike":
        return "struck"
    if draft.category == "Shelling/artillery/missile attack":
        if weapon in {"rocket", "mortar"}:
            return f"fired {weapon}s at"
        return "shelled" if "shell" in families and weapon != "missile" else "struck"
    if draft.category in {"Remote explosive/landmine/IED", "Suicide bomb"}:
        return "bombed"
    if "shooting" in families:
        return "opened fire on"
    if things and set(draft.acts) & {"destroy", "hit", "strike", "target"}:
        return "struck"  # "forces destroyed two mobile missile launchers": not "attacked" them
    return "attacked"


def _means(draft: Draft) -> str:
    """' with drones', ' with missiles': how it was struck, when the verb does not say."""
    weapon = draft.weapon or ""
    if _verb(draft) != "struck":
        return ""
    if weapon in DRONES:
        return " with drones"
    return " with missiles" if weapon in {"missile", "cruise", "ballistic"} else ""


def _plural(label: str) -> str:
    if label.endswith("shelling"):
        return label + " attacks"
    if label.endswith(("sh", "ch", "x")):
        return label + "es"  # "armed clashes"
    return label if label.endswith("s") else label + "s"


def _article(label: str) -> str:
    return ("an " if label[:1] in "aeiouAEIOU" or label.startswith("IED") else "a ") + label


def _where(draft: Draft) -> str:
    if draft.place is None or (draft.target and draft.place.text and (
            draft.place.text in draft.target or draft.target in draft.place.text)):
        return ""  # "a rocket attack on Ain al-Asad", not "... near Ain al-Asad air base"
    if draft.actor and draft.place.text == draft.actor:
        return ""  # "Saudi Arabia intercepted a missile", not "... over Saudi Arabia"
    names = [_with_article(p.text or p.name or "") if p.kind == "region" else p.text or p.name or ""
             for p in (draft.place, *draft.extra_places)]
    where = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    prep = "over" if draft.category == INTERCEPT and draft.place_prep == "in" else draft.place_prep
    return f" {prep} {where}"


# Names English says with "the": seas, gulfs, straits, strips ("in the Red Sea", "over the Gulf of Aden").
_THE_HEADS = frozenset({"sea", "gulf", "strait", "straits", "ocean", "bay", "channel", "strip", "bank", "heights",
                        "peninsula", "canal", "desert", "basin", "highlands", "mountains", "islands", "delta"})


def _with_article(name: str) -> str:
    words = name.split()
    if not words or words[0].lower() == "the" or not (
            words[-1].lower() in _THE_HEADS or (len(words) > 2 and words[0].lower() in _THE_HEADS and words[1] == "of")):
        return name
    return "the " + name


LOOTING_VERBS = frozenset({"loot", "looting", "pillage", "plunder", "ransack", "raze", "destroy"})
ANSWER_VERBS = frozenset({"retaliate", "respond", "answer", "reply"})
ANSWER_WEAPONS = frozenset({"artillery", "rocket", "mortar", "missile", "drone"})


def summarize(draft: Draft) -> str:
    """A short line a briefer can say aloud (see the module's docstring)."""
    label, where = _label(draft), _where(draft)
    target = _mid_line(draft.target)
    actor = _doer(draft)
    if actor and draft.count and draft.count > 1 and "retaliation" in draft.families and not target:
        text = f"{actor} retaliated {draft.count} times"  # "the U.S. has retaliated eight times"
    elif actor and draft.count and draft.count > 1 and draft.category != INTERCEPT and not (
            target and counts_its_target(draft.count, target)):  # "struck three targets": said so
        link = " on" if target else ""
        text = f"{actor} carried out {draft.count} {_plural(label)}{link}{' ' + target if target else ''}"
    elif actor and target:
        text = f"{actor} {_verb(draft)} {target}{_means(draft)}"
    elif "defence" in draft.families and _verb(draft) == "returned fire on":
        text = f"{actor or 'Defenders'} returned fire"  # "guards returned fire, killing two attackers"
    elif "defence" in draft.families and _verb(draft) not in {"fought off", "killed", "counterattacked"} and not (
            target and _verb(draft) in RETAKEN):  # "attacked but were repelled"; "Tarvo was retaken" below
        text = f"{actor} {_verb(draft)} the assault" if actor else f"The assault was {_participle(draft)}"
    elif actor and draft.place is not None and _verb(draft) in TRANSITIVE_ON_PLACES:
        town = draft.place.kind in {"city", "facility", "other"} and draft.place_prep == "in" and where
        name = where.split(" ", 2)[2] if town else ""  # " in Douma and Damascus" -> "Douma and Damascus"
        if not town and _verb(draft) == "raided":
            return _cut(f"{actor} carried out a raid{where}")  # not "raided targets in Syria"
        return _cut(f"{actor} {_verb(draft)} {name}" if town else f"{actor} {_verb(draft)} targets{where}")
    elif actor and " and " in actor and draft.category == "Armed clash":
        text = f"{actor} clashed"
    elif actor and "retaliation" in draft.families and set(draft.acts) & OFFENSIVE_WORDS:
        text = f"{actor} launched a counter-offensive"
    elif actor and "retaliation" in draft.families and "operation" in draft.acts:
        text = f"{actor} launched a counter-operation"
    elif actor and "counterattack" in draft.acts:
        text = f"{actor} counterattacked"
    elif actor and "retaliation" in draft.families and set(draft.acts) & ANSWER_VERBS:
        weapon = draft.weapon or ""  # "troops answered with artillery": "Pakistani troops retaliated with artillery"
        means = f" with {weapon if weapon == 'artillery' else weapon + 's'}" if weapon in ANSWER_WEAPONS else ""
        text = f"{actor} retaliated{means}"
    elif actor:
        text = f"{actor} carried out {_article(label)}"
    elif "defence" in draft.families and target and _verb(draft) != "fought off":
        noun = re.split(r" (?:on|of|against|in|at|near|by) ", target)[0].split()[-1]  # "the attacks on the towns"
        were = "were" if noun.lower().endswith("s") or " and " in target else "was"  # "Both assaults were stopped"
        text = f"{target[:1].upper() + target[1:]} {were} {_participle(draft)}"  # "The assault was repelled"
    else:
        text = label[:1].upper() + label[1:]
        if draft.count and draft.count > 1 and draft.category != INTERCEPT:
            plural = _plural(label)  # "Air strikes on three facilities": the target says how many
            said = bool(target) and counts_its_target(draft.count, target)
            text = plural[:1].upper() + plural[1:] if said else f"{draft.count} {plural}"
        if target and draft.killed and draft.killed in {lx.parse_number(w) for w in target.lower().split()}:
            counted = bool(draft.count and draft.count > 1 and draft.category != INTERCEPT)
            act = text if counted or label.endswith("ing") else _article(label)  # "Shelling", "An air strike"
            return _cut(f"{act[:1].upper() + act[1:]} killed {target}{where}")
        if target:
            link = {"Abduction/forced disappearance": "of", "Armed clash": "in" if _the_place(draft) else (
                        "on" if label == "ambush" else "with"),
                    INTERCEPT: "of", "Looting/property destruction": "of"}.get(draft.category, "on")
            text += f" {link} {target}"
    return _cut(text + where)


def _doer(draft: Draft) -> str | None:
    """The actor as said aloud: 'the attacker' of a suicide bombing is its suicide bomber."""
    head = (draft.actor or "").lower().split()[-1:]
    if draft.category == "Suicide bomb" and head and head[0] in {"attacker", "assailant", "bomber"}:
        return "suicide bomber"
    return draft.actor


def _cut(text: str) -> str:
    """The line, opening with a capital, cut to ``MAX_CHARS``."""
    text = text[:1].upper() + text[1:]
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 3].rstrip() + "..."


# Words capitalised only because they opened the sentence the phrase was taken from.
SENTENCE_OPENERS = frozenset({"the", "a", "an", "some", "several", "many", "more", "another", "two", "three", "four",
                              "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "at", "about",
                              "around", "nearly", "over", "up", "its", "their", "his", "her", "our"})


def _mid_line(phrase: str | None) -> str | None:
    """'Two more attackers' inside a line is 'two more attackers'; 'its base', whose owner the line does not
    name, is 'the base'."""
    if not phrase or phrase.split(" ", 1)[0].lower() not in SENTENCE_OPENERS:
        return phrase
    first, _, rest = phrase.partition(" ")
    if first.lower() in {"its", "their", "his", "her", "our"} and rest:  # ("our villages", quoted: the villages)
        return f"the {rest}"
    return phrase[:1].lower() + phrase[1:]
