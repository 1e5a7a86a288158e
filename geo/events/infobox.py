"""What an encyclopedia article's infobox says of the event it is about.

Event articles open with a box of fields, which plain-text copies flatten into lines ("- Fatalities: 56–59",
"- Injuries: 150+", "- Perpetrator: Islamic State – Khorasan Province"). The body often leaves a figure to
the box (the injured of a bombing whose body counts only the dead), so the article's main event takes the
box's figures where its own sentences give none, and its perpetrator where they name no doer. Figures are
lower bounds, as the body's are: "56–59" is 56, "150+" 150, "120+ (per Amnesty), 88+ (per the authorities)" 88.

Used by ``geo.events.extract``; imports nothing of the other wings.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from geo.events.draft import Draft

FIELD_RE = re.compile(r"^\s*-\s*(?P<key>[A-Za-z][\w ]{1,30}?)\s*:\s*(?P<value>.+?)\s*$")
KILLED_KEYS = frozenset({"fatalities", "deaths", "killed", "casualties killed"})
PERPETRATOR_KEYS = frozenset({"perpetrator", "perpetrators", "attacker", "attackers", "belligerent"})
UNKNOWN_RE = re.compile(r"\b(?:unknown|unidentified|disputed|unclear)\b", re.I)
INJURED_KEYS = frozenset({"injuries", "injured", "wounded", "non-fatal injuries"})
_NUMBER_RE = re.compile(r"(?<![\d,])(\d{1,3}(?:,\d{3})+|\d+)")


def infobox_fields(sents: list[Span], header: int) -> dict[str, str]:
    """The fields ("fatalities" -> "56–59") of the infobox lines among the first ``header`` sentences."""
    fields: dict[str, str] = {}
    for sent in sents[:header]:
        for line in sent.text.splitlines():
            match = FIELD_RE.match(line)
            if match:
                fields.setdefault(match.group("key").strip().lower(), match.group("value"))
    return fields


def lower_bound(value: str) -> int | None:
    """The smallest figure a field gives ('56–59' -> 56; '120+ (per A), 88+ (per B)' -> 88), None if none.
    Years and figures inside brackets ('(including 13 soldiers)') are not tolls."""
    outside = re.sub(r"\([^)]*\)", " ", value)
    numbers = [int(n.replace(",", "")) for n in _NUMBER_RE.findall(outside)]
    numbers = [n for n in numbers if not 1900 <= n <= 2100]
    return min(numbers) if numbers else None


def fill_from_infobox(drafts: list[Draft], fields: dict[str, str]) -> None:
    """The article's main event (the act its body tells first: an attack, or a strike it calls a response) takes
    the box's toll and doer where its sentences give none."""
    if not fields:
        return
    told = [d for d in drafts if d.sentences]
    main = min(told, key=lambda d: min(s.start for s in d.sentences)) if told else None
    if main is None:
        return
    killed = next((lower_bound(v) for k, v in fields.items() if k in KILLED_KEYS), None)
    injured = next((lower_bound(v) for k, v in fields.items() if k in INJURED_KEYS), None)
    doer = next((v for k, v in fields.items() if k in PERPETRATOR_KEYS), None)
    if main.actor is None and doer and not UNKNOWN_RE.search(doer):  # "- Perpetrator: Islamic State (suspected)"
        main.actor = re.split(r"\s*[;(\[]", doer, maxsplit=1)[0].strip() or None
    if main.killed is None and killed is not None:
        main.killed = killed
    if main.injured is None and injured is not None:
        main.injured = injured


__all__ = ["fill_from_infobox", "infobox_fields", "lower_bound"]
