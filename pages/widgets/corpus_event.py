"""The Corpus page's selected event: a row of the Attacks or Responses panel, or a symbol on the map,
selects a merged event;
this shows its grade, why its reports are one event and each report with its evidence marked in
its article, and lets the analyst correct it (move it, turn an attack into a response, change its
category, actor, target, date or toll, delete it), split a report out or join it with another
event. Everything is stored in the corpus (geo.dashboard.corpus_edits) and undone from the list of
changes (pages/widgets/corpus_changes.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from geo.corpus import MergedEvent
from geo.dashboard import (CorpusView, MapReport, clicked_point, correct_event, event_label, events_at,
                           join_candidates, join_events, place_label, report_cards, search_places, split_event)
from geo.maps import MapPoint
from geo.exports import escape_markdown
from geo.model import CATEGORIES
from pages.widgets.corpus_changes import store_change
from pages.widgets.lazy import open_box

SELECTED_KEY = "corpus_event"  # a report key of the selected merged event
AT_SYMBOL_KEY = "corpus_event_at_symbol"  # the report keys of the events at the map symbol last clicked
SEEN_CLICK_KEY = "corpus_map_seen_click"  # the map's last click report (a rerun hands it back again)
MESSAGE_KEY = "corpus_event_message"  # (level, text) of the last change saved
FIELD_KEYS = {name: f"corpus_event_{name}" for name in ("kind", "category", "actor", "target", "date", "killed",
                                                        "injured")}
PLACE_QUERY_KEY, PLACE_PICK_KEY = "corpus_event_place_query", "corpus_event_place_pick"
UNKNOWN, KEEP = -1, -2  # the place options: location unknown, keep the place
MAX_JOIN_CHOICES = 200


def pick_from_table(table_key: str, events: tuple[MergedEvent, ...]) -> None:
    """A panel row was selected (or unselected): that merged event is the selection."""
    state = st.session_state.get(table_key)
    rows = state.selection.rows if state is not None else []
    if rows and rows[0] < len(events):
        select(events[rows[0]])


def select_clicked(view: CorpusView, points: list[MapPoint], value: dict[str, object] | None) -> bool:
    """A click on a map symbol selects the first event drawn there (the card lists the others): True
    when the selection changed."""
    report = MapReport.read(value)
    if st.session_state.get(SEEN_CLICK_KEY) == report.click_key:
        return False
    st.session_state[SEEN_CLICK_KEY] = report.click_key
    point = clicked_point(points, report.clicked_lat, report.clicked_lon, report.clicked_tooltip)
    events = events_at(view, point) if point is not None else []
    if not events:
        return False
    st.session_state[AT_SYMBOL_KEY] = [e.keys[0] for e in events]
    select(events[0])
    return True


def _switch(view: CorpusView) -> None:
    event = view.merged_event(st.session_state.get("corpus_event_at_pick"))
    if event is not None:
        select(event)


def select(event: MergedEvent) -> None:
    st.session_state[SELECTED_KEY] = event.keys[0]
    data = event.to_dict()
    values = {"kind": event.kind, "category": event.category, "actor": data["actor"] or "",
              "target": data["target"] or "", "date": event.date, "killed": data["killed"],
              "injured": data["injured"]}
    for name, key in FIELD_KEYS.items():  # the form starts from the event as it stands
        st.session_state[key] = values[name]
    st.session_state[PLACE_QUERY_KEY], st.session_state[PLACE_PICK_KEY] = "", KEEP


def show_event(path: Path, view: CorpusView) -> None:
    """The selected event's card and its corrections, or how to select one."""
    event = view.merged_event(st.session_state.get(SELECTED_KEY))
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        (st.error if message[0] == "error" else st.success)(message[1])
    if event is None:
        st.caption("Select a row of Attacks or Responses to read its reports, and to correct, split or join it.")
        return
    data, grade = event.to_dict(), view.grade_of(event)
    at_symbol = [k for k in st.session_state.get(AT_SYMBOL_KEY) or () if view.merged_event(k) is not None]
    if len(at_symbol) > 1 and event.keys[0] in at_symbol:
        st.session_state["corpus_event_at_pick"] = event.keys[0]
        st.selectbox(f"{len(at_symbol)} events at the symbol clicked", at_symbol, key="corpus_event_at_pick",
                     format_func=lambda k: event_label(view.merged_event(k)), on_change=_switch, args=(view,))
    with st.container(border=True, key="corpus_event_card"):
        where = data["place"] or "location unknown"
        st.markdown(f"**{escape_markdown(data['summary'])}** · {escape_markdown(where)} · "
                    f"{escape_markdown(data['date'] or 'undated')}")
        corrected = " Corrected by an analyst." if event.corrected else ""
        st.caption(escape_markdown(f"Grade {grade.describe()}. Reported by {event.corroboration} outlet(s): "
                                   f"{', '.join(data['outlets'])}.{corrected}"))
        if event.reasons:
            st.markdown("Why these reports are one event:  \n" + "  \n".join(
                f"- {escape_markdown(reason)}" for reason in event.reasons))
        for card in report_cards(view, event):
            st.markdown(f"**{escape_markdown(card.heading)}**")
            st.html(f'<p class="geobrief-report-evidence" style="margin:0 0 .6em 0">{card.evidence_html}</p>')
    box = open_box("Correct, split or join this event", key="corpus_event_edit_box")
    if box is not None:
        with box:
            _edit(path, view, event)


def _edit(path: Path, view: CorpusView, event: MergedEvent) -> None:
    kind, category, when = st.columns([1, 2, 1])
    kind.selectbox("Kind", ["attack", "response"], key=FIELD_KEYS["kind"])
    category.selectbox("Category", list(CATEGORIES), key=FIELD_KEYS["category"])
    when.date_input("Date", key=FIELD_KEYS["date"], value=None, max_value=date.today())
    actor, target, killed, injured = st.columns([2, 2, 1, 1])
    actor.text_input("Actor", key=FIELD_KEYS["actor"])
    target.text_input("Target", key=FIELD_KEYS["target"])
    killed.number_input("Killed", key=FIELD_KEYS["killed"], min_value=0, step=1, value=None)
    injured.number_input("Injured", key=FIELD_KEYS["injured"], min_value=0, step=1, value=None)
    query, pick = st.columns([1, 2])
    query.text_input("Move to a place", key=PLACE_QUERY_KEY, placeholder="a place name, e.g. Aden, Yemen")
    found = search_places(st.session_state.get(PLACE_QUERY_KEY) or "")
    options = [KEEP, UNKNOWN, *range(len(found))]
    if st.session_state.get(PLACE_PICK_KEY) not in options:
        st.session_state[PLACE_PICK_KEY] = 0 if found else KEEP
    labels = {KEEP: f"Keep {event.to_dict()['place'] or 'location unknown'}", UNKNOWN: "Location unknown"}
    pick.selectbox("Place", options, key=PLACE_PICK_KEY,
                   format_func=lambda i: labels.get(i) or place_label(found[i]))
    save, delete, _ = st.columns([1, 1, 2])
    save.button("Save correction", key="corpus_event_save", on_click=_save, args=(path, event, found))
    delete.button("Delete this event", key="corpus_event_delete", on_click=_delete, args=(path, event))
    _split_and_join(path, view, event)


def _split_and_join(path: Path, view: CorpusView, event: MergedEvent) -> None:
    cards = {card.key: card for card in report_cards(view, event)}
    split, join = st.columns(2)
    if len(event.reports) > 1:
        split.selectbox("Report", list(cards), key="corpus_event_split_pick", format_func=lambda k: cards[k].heading)
        split.button("Split this report out", key="corpus_event_split", on_click=_split, args=(path,))
    others = join_candidates(view, event)[:MAX_JOIN_CHOICES]
    if others:
        labels = {other.keys[0]: event_label(other) for other in others}
        join.selectbox("Another event of this kind", list(labels), key="corpus_event_join_pick",
                       format_func=labels.__getitem__)
        join.button("Join it with this event", key="corpus_event_join", on_click=_join, args=(path, event))


def _changes(event: MergedEvent, found: list[Any]) -> dict[str, Any]:
    """The fields the analyst changed, as geo.corpus.event_corrections takes them."""
    data = event.to_dict()
    now = {"kind": event.kind, "category": event.category, "actor": data["actor"] or "",
           "target": data["target"] or "", "date": event.date, "killed": data["killed"], "injured": data["injured"]}
    changes: dict[str, Any] = {}
    for name, key in FIELD_KEYS.items():
        value = st.session_state.get(key)
        value = value.strip() if isinstance(value, str) else value
        if value != now[name]:
            changes[name] = int(value) if name in ("killed", "injured") and value is not None else value
    pick = st.session_state.get(PLACE_PICK_KEY)
    if pick == UNKNOWN:
        changes.update(place=None, place_key=None, lat=None, lon=None)
    elif isinstance(pick, int) and 0 <= pick < len(found):
        chosen = found[pick]
        key = f"gn:{chosen.geonameid}" if chosen.geonameid else None
        changes.update(place=chosen.name, place_key=key, lat=chosen.lat, lon=chosen.lon)
    return changes


def _save(path: Path, event: MergedEvent, found: list[Any]) -> None:
    changes = _changes(event, found)
    if not changes:
        st.session_state[MESSAGE_KEY] = ("success", "Nothing changed: the event stands as it is.")
        return
    store_change(lambda: correct_event(path, event.keys, changes), "Saved: " + ", ".join(sorted(changes)) + ".",
                 MESSAGE_KEY)


def _delete(path: Path, event: MergedEvent) -> None:
    store_change(lambda: correct_event(path, event.keys, delete=True), "Deleted; undo it from the list of changes.",
                 MESSAGE_KEY)
    st.session_state.pop(SELECTED_KEY, None)


def _split(path: Path) -> None:
    key = st.session_state.get("corpus_event_split_pick")
    if key:
        store_change(lambda: split_event(path, key), "Split: that report is an event of its own now.",
                     MESSAGE_KEY)


def _join(path: Path, event: MergedEvent) -> None:
    other = st.session_state.get("corpus_event_join_pick")
    if other:
        store_change(lambda: join_events(path, event.keys[0], other), "Joined: the two are one event now.",
                     MESSAGE_KEY)
