"""A short readable line per event: 'US Air Force air strike on a training facility near Albu Kamal'."""

from __future__ import annotations

from geo.events import lexicon as lx
from geo.events.draft import Draft

INTERCEPT = "Disrupted weapons use"


def _label(draft: Draft) -> str:
    weapon = draft.weapon or ""
    if draft.category == "Air/drone strike":
        label = "drone strike" if weapon in {"drone", "uav", "shahed"} else "air strike"
        if draft.families == {"attack"} and weapon in {"drone", "uav", "shahed"}:
            label = "drone attack"
    elif draft.category == "Shelling/artillery/missile attack":
        label = {"rocket": "rocket attack", "mortar": "mortar attack", "artillery": "artillery shelling",
                 "shell": "shelling", "shelling": "shelling"}.get(weapon, "")
        label = label or ("shelling" if "shell" in draft.families else "missile attack")
    elif draft.category == "Remote explosive/landmine/IED":
        label = "IED explosion" if weapon in {"ied", "roadside", "explosive"} else (
            "bomb explosion" if draft.families & {"blast"} else "bombing")
    elif draft.category == INTERCEPT:
        return "interception" + (f" of {draft.target}" if draft.target else "")
    else:
        label = lx.CATEGORY_LABEL.get(draft.category, "attack")
    return label


def _plural(label: str) -> str:
    return label if label.endswith(("s", "ing")) else label + "s"


def summarize(draft: Draft) -> str:
    """A short readable line: 'US Air Force air strike on a training facility near Albu Kamal'."""
    label = _label(draft)
    if draft.count and draft.count > 1 and draft.category != INTERCEPT:
        text = f"{draft.count} {_plural(label)}" + (f" by {draft.actor}" if draft.actor else "")
    elif draft.actor:
        text = f"{draft.actor} {label}"
    else:
        text = label[:1].upper() + label[1:]
    if draft.target and draft.category != INTERCEPT:
        link = {"Abduction/forced disappearance": "of", "Armed clash": "with",
                "Looting/property destruction": "of"}.get(draft.category, "on")
        text += f" {link} {draft.target}"
    if draft.place is not None and not (draft.target and draft.place.text and draft.place.text in draft.target):
        names = [draft.place.text or draft.place.name or ""] + [p.text or p.name or "" for p in draft.extra_places]
        where = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        text += f" {draft.place_prep} {where}"
    return text if len(text) <= 160 else text[:157].rstrip() + "..."
