"""What a dashboard view shows, as URL query parameters: the state behind a shareable link.

A :class:`ViewState` holds which article (or corpus selection) is shown, the event filters,
the selected place, the map's centre and zoom, and the view mode (the page, or ``present``).
``to_params()`` gives the query parameters (defaults left out, so a plain view has a plain
URL); ``ViewState.from_params(params)`` reads them back and never raises: every parameter
that cannot be read is dropped (its default stands) and described in ``problems``, one line
each, for the page to show as a warning.

    state, problems = ViewState.from_params(st.query_params.to_dict())
    st.query_params.from_dict(state.to_params())
    share_url("https://host/app", state)  # -> "https://host/app?article=...&kind=attack"

Parameters (all optional)::

    article   the SHA-256 (64 hex digits) of a stored article's text
    articles  a corpus selection: comma-separated article ids
    kind      attack | response
    category  an ACLED sub-event type (geo.model.CATEGORIES), any case
    actor     words that must all occur in the event's actor
    source    a source type (geo.model.SOURCE_TYPES)
    since, until   ISO dates (YYYY-MM-DD)
    place     the key of the selected place (as geo.maps.points.MapPoint.key)
    lat, lon, zoom  the map's centre and zoom (all three, or none)
    view      present: the presentation view
    colour    actor: symbols coloured by actor (default: by role)
    size      casualties: symbols sized by the killed and injured (default: one size)
    at        ISO date: the time slider's day (the Corpus map shows the events up to it)
    step      day | week: the time slider's step
    window    the days up to ``at`` that are highlighted (geo.dashboard.time_axis.WINDOWS)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode, urlsplit

from geo.exports import EventFilter
from geo.dashboard.time_axis import DEFAULT_WINDOW, STEPS, WINDOWS
from geo.maps import COLOUR_MODES, SIZE_MODES, MapStyle
from geo.model import CATEGORIES, SOURCE_TYPES

VIEWS: tuple[str, ...] = ("page", "present")
EVENT_KINDS: tuple[str, ...] = ("attack", "response")
MIN_ZOOM, MAX_ZOOM = 1, 18
MAX_SELECTION = 200  # article ids in one link
MAX_TEXT_CHARS = 200  # actor words, place keys
COORDINATE_DIGITS = 5  # about one metre: enough for a map view, short in a URL
FOLLOW_TOLERANCE_PX = 2  # a map view reported this close to the page's own is the same view
_ARTICLE_ID = re.compile(r"^[0-9a-f]{64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

__all__ = ["VIEWS", "ViewState", "share_url"]


@dataclass(frozen=True, slots=True)
class ViewState:
    """One dashboard view. The default instance is the plain page with nothing chosen."""

    article: str | None = None
    selection: tuple[str, ...] = ()  # article ids (the corpus page's selection)
    kind: str | None = None
    category: str | None = None
    actor: str | None = None
    source_type: str | None = None
    since: date | None = None
    until: date | None = None
    reliability: str | None = None  # an Admiralty letter: events whose source is graded this or better
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    zoom: int | None = None
    view: str = "page"
    colour: str = "role"  # geo.maps.style's COLOUR_MODES
    size: str = "fixed"  # geo.maps.style's SIZE_MODES
    at: date | None = None  # the time slider's day; None: no time slider, every event
    step: str = "day"
    window: int = DEFAULT_WINDOW

    @property
    def event_filter(self) -> EventFilter:
        """The filters as geo.exports.brief's EventFilter."""
        return EventFilter(kind=self.kind, category=self.category, actor=self.actor,
                           source_type=self.source_type, since=self.since, until=self.until,
                           reliability=self.reliability)

    @property
    def centre(self) -> tuple[float, float] | None:
        if self.lat is None or self.lon is None:
            return None
        return (self.lat, self.lon)

    @property
    def map_style(self) -> MapStyle:
        return MapStyle(colour_by=self.colour, size_by=self.size)

    @property
    def presenting(self) -> bool:
        return self.view == "present"

    def with_filter(self, event_filter: EventFilter) -> ViewState:
        return replace(self, kind=event_filter.kind or None, category=event_filter.category or None,
                       actor=(event_filter.actor or "").strip() or None,
                       source_type=event_filter.source_type or None,
                       since=event_filter.since, until=event_filter.until,
                       reliability=event_filter.reliability or None)

    def with_view(self, lat: float | None, lon: float | None, zoom: int | None) -> ViewState:
        """The map centred at (lat, lon) with ``zoom``; out-of-range values clear the view."""
        if lat is None or lon is None or zoom is None:
            return replace(self, lat=None, lon=None, zoom=None)
        if not (_valid_lat(lat) and _valid_lon(lon) and MIN_ZOOM <= zoom <= MAX_ZOOM):
            return replace(self, lat=None, lon=None, zoom=None)
        return replace(self, lat=round(lat, COORDINATE_DIGITS), lon=round(lon, COORDINATE_DIGITS), zoom=int(zoom))

    def following_map(self, lat: float, lon: float, zoom: float) -> ViewState:
        """This view once the map reports showing (lat, lon) at ``zoom``, after a pan or a zoom
        by hand. Unchanged when that lies within two screen pixels of this view's centre at the
        same zoom: a map the page centred is not moved again by its own rounding."""
        lon = (lon + 180.0) % 360.0 - 180.0  # Leaflet counts on past the antimeridian
        if self.zoom == zoom and self.lat is not None and self.lon is not None:
            tolerance = FOLLOW_TOLERANCE_PX * 360.0 / (256 * 2**zoom)  # degrees per pixel at this zoom
            if abs(self.lat - lat) <= tolerance and abs(self.lon - lon) <= tolerance:
                return self
        return self.with_view(lat, lon, round(zoom))

    def to_params(self) -> dict[str, str]:
        """The query parameters of this view, defaults left out, in a fixed order."""
        params: dict[str, str] = {}
        if self.article:
            params["article"] = self.article
        if self.selection:
            params["articles"] = ",".join(self.selection)
        for name, value in (("kind", self.kind), ("category", self.category), ("actor", self.actor),
                            ("source", self.source_type), ("graded", self.reliability)):
            if value:
                params[name] = value
        if self.since:
            params["since"] = self.since.isoformat()
        if self.until:
            params["until"] = self.until.isoformat()
        if self.place:
            params["place"] = self.place
        if self.lat is not None and self.lon is not None and self.zoom is not None:
            params["lat"] = _number(self.lat)
            params["lon"] = _number(self.lon)
            params["zoom"] = str(self.zoom)
        if self.view != "page":
            params["view"] = self.view
        if self.colour != "role":
            params["colour"] = self.colour
        if self.size != "fixed":
            params["size"] = self.size
        if self.at is not None:
            params["at"] = self.at.isoformat()
        if self.step != "day":
            params["step"] = self.step
        if self.window != DEFAULT_WINDOW:
            params["window"] = str(self.window)
        return params

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> tuple[ViewState, list[str]]:
        """The view the parameters describe, and one line per parameter that was dropped.

        ``params`` maps a name to a string (or a list of strings: the last one counts, as
        Streamlit's ``st.query_params`` does). Unknown names are ignored.
        """
        reader = _Reader({name: _last(value) for name, value in params.items()})
        state = cls(
            article=reader.read("article", _article_id),
            selection=reader.read("articles", _selection) or (),
            kind=reader.read("kind", _choice(EVENT_KINDS, "attack or response")),
            category=reader.read("category", _category),
            actor=reader.read("actor", _text),
            source_type=reader.read("source", _choice(SOURCE_TYPES, ", ".join(SOURCE_TYPES))),
            since=reader.read("since", _iso_date),
            until=reader.read("until", _iso_date),
            reliability=reader.read("graded", _grade_letter),
            place=reader.read("place", _text),
            view=reader.read("view", _choice(VIEWS, "present")) or "page",
            colour=reader.read("colour", _choice(COLOUR_MODES, " or ".join(COLOUR_MODES))) or "role",
            size=reader.read("size", _choice(SIZE_MODES, " or ".join(SIZE_MODES))) or "fixed",
            at=reader.read("at", _iso_date),
            step=reader.read("step", _choice(tuple(STEPS), " or ".join(STEPS))) or "day",
            window=reader.read("window", _window) or DEFAULT_WINDOW,
        )
        if state.since and state.until and state.since > state.until:
            reader.problems.append(f"since={state.since} is after until={state.until}: both dates ignored")
            state = replace(state, since=None, until=None)
        state = _read_map_view(state, reader)
        return state, reader.problems


def share_url(base_url: str, state: ViewState) -> str:
    """The link to ``state``: ``base_url`` (its own query and fragment dropped) plus the parameters."""
    base = base_url.split("#", 1)[0].split("?", 1)[0]
    if not urlsplit(base).path:
        base += "/"  # "http://host:8501" -> "http://host:8501/"
    params = state.to_params()
    return f"{base}?{urlencode(params)}" if params else base


# -- reading ------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, params: dict[str, str | None]) -> None:
        self.params = params
        self.problems: list[str] = []

    def read(self, name: str, parse):  # type: ignore[no-untyped-def]
        raw = self.params.get(name)
        if raw is None or raw.strip() == "":
            return None
        try:
            return parse(raw.strip())
        except ValueError as exc:
            self.problems.append(f"{name}={_shown(raw)} ignored: {exc}")
            return None


def _last(value: object) -> str | None:
    if isinstance(value, (list, tuple)):
        return str(value[-1]) if value else None
    return None if value is None else str(value)


def _shown(raw: str, limit: int = 40) -> str:
    flat = _CONTROL.sub(" ", raw)
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "\u2026")


def _article_id(raw: str) -> str:
    value = raw.lower()
    if not _ARTICLE_ID.match(value):
        raise ValueError("an article id is 64 hexadecimal digits (the SHA-256 of its text)")
    return value


def _selection(raw: str) -> tuple[str, ...]:
    ids = [part.strip() for part in raw.split(",") if part.strip()]
    if len(ids) > MAX_SELECTION:
        raise ValueError(f"at most {MAX_SELECTION} article ids")
    return tuple(dict.fromkeys(_article_id(part) for part in ids))


def _choice(options: tuple[str, ...], described: str):  # type: ignore[no-untyped-def]
    def parse(raw: str) -> str:
        value = raw.lower()
        if value not in options:
            raise ValueError(f"expected {described}")
        return value

    return parse


def _grade_letter(raw: str) -> str:
    """An Admiralty reliability letter A-E ("graded B or better"; F is every event)."""
    value = raw.strip().upper()
    if len(value) != 1 or value not in "ABCDE":
        raise ValueError("expected a source reliability letter A-E")
    return value


def _window(raw: str) -> int:
    if not raw.isdigit() or int(raw) not in WINDOWS:
        raise ValueError(f"expected one of {', '.join(map(str, WINDOWS))} (days)")
    return int(raw)


def _category(raw: str) -> str:
    for category in CATEGORIES:
        if category.casefold() == raw.casefold():
            return category
    raise ValueError("not one of the event categories")


def _text(raw: str) -> str:
    if len(raw) > MAX_TEXT_CHARS:
        raise ValueError(f"longer than {MAX_TEXT_CHARS} characters")
    if _CONTROL.search(raw):
        raise ValueError("contains control characters")
    return raw


def _iso_date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError("expected a date as YYYY-MM-DD") from None


def _valid_lat(value: float) -> bool:
    return math.isfinite(value) and -90.0 <= value <= 90.0


def _valid_lon(value: float) -> bool:
    return math.isfinite(value) and -180.0 <= value <= 180.0


def _float(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError("expected a number") from None
    if not math.isfinite(value):
        raise ValueError("expected a finite number")
    return value


def _read_map_view(state: ViewState, reader: _Reader) -> ViewState:
    present = [name for name in ("lat", "lon", "zoom") if (reader.params.get(name) or "").strip()]
    if not present:
        return state
    if len(present) < 3:
        reader.problems.append("lat, lon and zoom go together: the map view was ignored")
        return state
    lat = reader.read("lat", _float)
    lon = reader.read("lon", _float)
    zoom = reader.read("zoom", _float)
    if lat is None or lon is None or zoom is None:
        return state
    if not _valid_lat(lat):
        reader.problems.append(f"lat={_shown(str(lat))} ignored: a latitude is between -90 and 90")
    elif not _valid_lon(lon):
        reader.problems.append(f"lon={_shown(str(lon))} ignored: a longitude is between -180 and 180")
    elif zoom != int(zoom) or not MIN_ZOOM <= zoom <= MAX_ZOOM:
        reader.problems.append(f"zoom={_shown(str(zoom))} ignored: a zoom is a whole number from "
                               f"{MIN_ZOOM} to {MAX_ZOOM}")
    else:
        return state.with_view(lat, lon, int(zoom))
    return state


def _number(value: float) -> str:
    text = f"{value:.{COORDINATE_DIGITS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
