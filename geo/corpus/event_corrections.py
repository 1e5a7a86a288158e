"""Analysts' corrections of events, as the corpus stores them, and their application to reports.

A correction names one event of an article as analysed (its key, geo.corpus.judgements.event_keys)
and either deletes it or changes some of its fields: kind (attack <-> response), category, actor,
target, date, count, killed, injured, or its place (another place from the gazetteer, or none:
"location unknown"). Corrections of one event accumulate, the latest value of each field winning;
undoing them (``Store.undo_event_correction``) brings the event back as analysed.

    correction = event_correction(key, {"kind": "response", "killed": 3})   # InputError on bad values
    report = apply_event_corrections(article_id, report, store.event_corrections(article_id))

A corrected event carries ``corrected=True`` into every panel and export.

May import: the core.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from geo.corpus.judgements import event_keys
from geo.errors import InputError
from geo.model import CATEGORIES, Event, Report

EventAction = Literal["edit", "delete"]
TEXT_FIELDS = ("actor", "target")
NUMBER_FIELDS = ("count", "killed", "injured")
PLACE_FIELDS = ("place", "place_key", "lat", "lon")
EDITABLE_FIELDS = ("kind", "category", *TEXT_FIELDS, "date", *NUMBER_FIELDS, *PLACE_FIELDS)
MAX_TEXT_CHARS = 200
MAX_NUMBER = 10_000_000


@dataclass(frozen=True, slots=True)
class EventCorrection:
    """An analyst's decision on one event: ``delete`` it, or ``edit`` the fields in ``changes``."""

    event: str
    action: EventAction
    changes: tuple[tuple[str, Any], ...] = ()

    @property
    def article_id(self) -> str:
        return self.event.split(":", 1)[0]

    def changes_json(self) -> str:
        return json.dumps(dict(self.changes), ensure_ascii=False)

    def describe(self) -> str:
        """"deleted", or "kind → response, killed → 3" in plain text."""
        if self.action == "delete":
            return "deleted"
        return ", ".join(f"{name} \u2192 {'unknown' if value is None else value}" for name, value in self.changes
                         if name not in ("place_key", "lat", "lon"))


def event_correction(event: str, changes: Mapping[str, Any] | None = None, *, delete: bool = False,
                     today: date | None = None) -> EventCorrection:
    """A checked correction: InputError, naming the field, for a value an event cannot have."""
    if delete:
        return EventCorrection(event, "delete")
    if not changes:
        raise InputError("An event correction changes at least one field; nothing stored.")
    checked = [(name, _checked(name, value, today or date.today())) for name, value in changes.items()]
    names = {name for name, _ in checked}
    if names & set(PLACE_FIELDS) and not {"place", "lat", "lon"} <= names:
        raise InputError("Moving an event gives its place, lat and lon (all None for 'location unknown').")
    lat, lon = dict(checked).get("lat"), dict(checked).get("lon")
    if (lat is None) != (lon is None):
        raise InputError("An event's place has both a latitude and a longitude, or neither.")
    return EventCorrection(event, "edit", tuple(checked))


def correction_from_row(event: str, action: str, changes_json: str) -> EventCorrection:
    """A stored row read back (``changes`` were checked when stored)."""
    if action not in ("edit", "delete"):
        raise InputError(f"An event correction is 'edit' or 'delete', not {action!r}.")
    return EventCorrection(event, "delete" if action == "delete" else "edit", tuple(json.loads(changes_json).items()))


def apply_event_corrections(article_id: str, report: Report, corrections: Sequence[EventCorrection]) -> Report:
    """The report with its events corrected (oldest correction first); corrections of events the report
    no longer has are ignored."""
    if not corrections:
        return report
    by_key: dict[str, dict[str, Any] | None] = {}
    for correction in corrections:
        if correction.action == "delete":
            by_key[correction.event] = None
        else:
            by_key[correction.event] = {**(by_key.get(correction.event) or {}), **dict(correction.changes)}
    events = []
    for key, event in zip(event_keys(article_id, report), report.events):
        if key not in by_key:
            events.append(event)
        elif (changes := by_key[key]) is not None:
            events.append(_corrected(event, changes))
    return replace(report, attacks=tuple(e for e in events if e.kind == "attack"),
                   responses=tuple(e for e in events if e.kind != "attack"))


def _corrected(event: Event, changes: dict[str, Any]) -> Event:
    values = dict(changes)
    if "date" in values:
        values["date"] = date.fromisoformat(values["date"]) if values["date"] else None
        values["date_precision"] = "day" if values["date"] else None
    if "place" in values:  # moved by hand: no longer told over several places
        values["areas"] = ()
    return replace(event, **values, corrected=True)


def _checked(name: str, value: Any, today: date) -> Any:
    if name not in EDITABLE_FIELDS:
        raise InputError(f"An event's {name!r} cannot be corrected; these can: {', '.join(EDITABLE_FIELDS)}.")
    if name == "kind":
        if value not in ("attack", "response"):
            raise InputError(f"An event is an 'attack' or a 'response', not {value!r}.")
        return value
    if name == "category":
        if value not in CATEGORIES:
            raise InputError(f"{value!r} is not an event category; one of: {', '.join(CATEGORIES)}.")
        return value
    if name in ("lat", "lon"):
        return _coordinate(name, value)
    if value is None or value == "":
        return None
    if name == "date":
        return _day(value, today)
    if name in NUMBER_FIELDS:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_NUMBER:
            raise InputError(f"An event's {name} is a whole number from 0 to {MAX_NUMBER:,}, not {value!r}.")
        return value
    text = " ".join(str(value).split())
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"An event's {name} is at most {MAX_TEXT_CHARS} characters.")
    return text


def _coordinate(name: str, value: Any) -> float | None:
    if value is None:
        return None
    limit = 90.0 if name == "lat" else 180.0
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"An event's {name} is a number, not {value!r}.") from None
    if not -limit <= number <= limit:
        raise InputError(f"An event's {name} lies between -{limit:g} and {limit:g}, not {value!r}.")
    return number


def _day(value: Any, today: date) -> str:
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"An event's date is a day as YYYY-MM-DD, not {value!r}.") from None
    if day > today:
        raise InputError(f"An event's date cannot be in the future ({day.isoformat()}).")
    return day.isoformat()
