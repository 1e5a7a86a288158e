"""The Corpus page's time axis, without Streamlit: the steps a time slider moves through (days or
weeks), the range a brush drew on the timeline, and which places to fade when the map shows the
events up to a day with the last days highlighted.

    days = time_steps(first, last, "week")
    since, until = brushed_range(chart_state.selection)   # the timeline's brush, as dates
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone

from geo.maps import MapPoint

STEPS: dict[str, int] = {"day": 1, "week": 7}  # a slider step and its length in days
WINDOWS: tuple[int, ...] = (1, 3, 7, 14, 30, 90)  # "the last N days" highlighted, N one of these
DEFAULT_WINDOW = 7
BRUSH = "brush"  # the name of the timeline's interval selection


def time_steps(first: date, last: date, step: str) -> list[date]:
    """The days a slider stops at, from ``first`` to ``last`` (always included) every step."""
    if step not in STEPS:
        raise ValueError(f"step is one of {', '.join(STEPS)}")
    if last < first:
        return [first]
    days = [first + timedelta(days=n) for n in range(0, (last - first).days + 1, STEPS[step])]
    return days if days[-1] == last else [*days, last]


def default_step(first: date, last: date) -> str:
    """Days for a span of two months or less, weeks beyond."""
    span = (last - first).days
    return "day" if span <= 62 else "week"


def nearest_step(days: list[date], day: date | None) -> date:
    """The slider's stop at or just before ``day`` (the last stop when there is no day)."""
    if day is None:
        return days[-1]
    earlier = [d for d in days if d <= day]
    return earlier[-1] if earlier else days[0]


def next_step(days: list[date], day: date) -> date | None:
    """The stop after ``day``, or None at the end (playback stops there)."""
    return next((d for d in days if d > day), None)


def _as_date(value: object) -> date | None:
    """A brush end as Vega-Lite hands it back: milliseconds since the epoch, or an ISO string."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value / 1000, tz=timezone.utc).date()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return None


def brushed_range(selection: Mapping[str, object] | None) -> tuple[date, date] | None:
    """The dates a brush spans on the timeline (``selection`` as st.altair_chart returns it: the brush's
    one field, named after the axis's time unit, and its two ends), or None when nothing is brushed."""
    brush = (selection or {}).get(BRUSH)
    values = next(iter(brush.values()), None) if isinstance(brush, Mapping) and len(brush) == 1 else None
    if not isinstance(values, (list, tuple)) or len(values) != 2:
        return None
    start, end = _as_date(values[0]), _as_date(values[1])
    if start is None or end is None:
        return None
    return min(start, end), max(start, end)


def faded_points(points: Iterable[MapPoint], recent_place_keys: frozenset[str]) -> frozenset[str]:
    """The keys of the points whose events all fall before the highlighted days (drawn faded); the
    places without an event are never faded."""
    return frozenset(p.key for p in points if (p.attacks or p.responses) and p.key not in recent_place_keys)
