"""Many point symbols in one script: a data array and a loop, instead of one folium object each.

folium renders every marker, icon, tooltip and popup through its own template; with a thousand
places that costs seconds per page run and megabytes of script. :class:`PointLayer` writes the
symbols as one JSON array and a few lines of Leaflet that add them to the parent group, a feature
group or a cluster group.

The HTML of icons, tooltips and popups (produced and escaped by geo.maps.folium_map and
geo.maps.points) is cut at its tags and separators into fragments, each stored once in a
table; a symbol lists the indices of its fragments and the browser joins them back, so that the
page receives exactly the HTML that Python wrote. Popups are joined only when opened.

The script is added to the page as it is: folium would compile a macro's output as a Jinja
template, which costs seconds on a large map and would evaluate ``{{ ... }}`` written in an
article.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from branca.element import Element, Figure, MacroElement
from folium.template import Template

POPUP_MAX_WIDTH = 380
COORDINATE_DECIMALS = 5  # about a metre
LAYER_CACHE_SIZE = 8  # layers of the last maps drawn (a map has up to three)
FRAGMENT_BOUNDARY = re.compile(r"((?:<[^>]*>| &middot; )+)")  # a run of tags and separators is one piece


def script_json(value: object) -> str:
    """JSON for a <script>: '<' and '>' escaped, so nothing in it can end the script
    ('&' is harmless in script text and stays, as folium leaves it)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")


def html_fragments(html: str) -> tuple[str, ...]:
    """``html`` cut before and after each run of tags and ``&middot;`` separators; they join back to ``html``."""
    return tuple(part for part in FRAGMENT_BOUNDARY.split(html) if part)


class PointItem(NamedTuple):
    """One symbol of a :class:`PointLayer`, ready to be numbered into a layer's fragment table.

    Only strings and numbers (in tuples): a cached item costs the garbage collector nothing,
    and a layer only looks its pieces up.
    """

    location: str  # "lat,lon" as JSON numbers
    icon_html: str
    size: int
    classes: tuple[str, ...]
    tooltip: tuple[str, ...]  # fragments of the tooltip HTML
    tooltip_options: str  # a JSON object
    popup: tuple[str, ...]  # fragments of the popup HTML


def point_item(*, lat: float, lon: float, icon_html: str, size: int, css_class: str, tooltip_html: str,
               tooltip_options: dict[str, Any], popup_html: str) -> PointItem:
    """One symbol of a :class:`PointLayer`; every HTML string must already be escaped."""
    return PointItem(location=f"{_coordinate(lat)},{_coordinate(lon)}", icon_html=icon_html, size=int(size),
                     classes=tuple(css_class.split()), tooltip=html_fragments(tooltip_html),
                     tooltip_options=json.dumps(tooltip_options, sort_keys=True), popup=html_fragments(popup_html))


class RawScript(Element):
    """Script text added to the page as it is, never compiled as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "RawScript"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


def _coordinate(value: float) -> str:
    """A latitude or longitude as JSON, to COORDINATE_DECIMALS places (a finite float's repr is JSON)."""
    value = float(value)
    return repr(round(value, COORDINATE_DECIMALS)) if math.isfinite(value) else "null"


class _Numbering(dict[str, str]):
    """Numbers strings in the order first asked for: ``table[s]`` is s's index (as JSON text), new or not."""

    def __missing__(self, key: str) -> str:
        self[key] = number = str(len(self))
        return number


@functools.lru_cache(maxsize=LAYER_CACHE_SIZE)
def _layer_literals(items: tuple[PointItem, ...]) -> tuple[str, str, str]:
    """(fragment table, tooltip options, symbols) of a layer, as script literals. Cached: a page
    showing the same symbols again (a rerun, a filter cleared) gets the same text at the cost of
    hashing the items."""
    fragments, options = _Numbering(), _Numbering()

    def ids(pieces: Sequence[str]) -> str:
        return "[" + ",".join(map(fragments.__getitem__, pieces)) + "]"

    # Each symbol written as JSON text at once (numbers only): no nested lists to build and
    # serialise, and nothing for the garbage collector to track on a large map.
    compact = [
        f"[{item.location},{fragments[item.icon_html]},{item.size},{ids(item.classes)},{ids(item.tooltip)},"
        f"{options[item.tooltip_options]},{ids(item.popup)}]"
        for item in items
    ]
    # the options are JSON objects written by point_item
    return script_json(list(fragments)), "[" + ",".join(options) + "]", "[" + ",".join(compact) + "]"


class PointLayer(MacroElement):
    """Adds point symbols (see :func:`point_item`) to its parent layer group."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var parts = {{ this.fragments_literal }};
            var options = {{ this.options_literal }};
            var items = {{ this.items_literal }};
            function join(ids, glue) {
                return ids.map(function (id) { return parts[id]; }).join(glue);
            }
            var markers = items.map(function (item) {
                var half = item[3] / 2;
                var marker = L.marker([item[0], item[1]], {icon: L.divIcon({
                    html: parts[item[2]], iconSize: [item[3], item[3]], iconAnchor: [half, half],
                    className: join(item[4], " ")})});
                marker.bindTooltip(join(item[5], ""), options[item[6]]);
                marker.bindPopup(function () { return join(item[7], ""); },
                                 {maxWidth: {{ this.popup_max_width }}});
                return marker;
            });
            if (group.addLayers) { group.addLayers(markers); }
            else { markers.forEach(function (marker) { group.addLayer(marker); }); }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, items: Sequence[PointItem]) -> None:
        super().__init__()
        self._name = "PointLayer"
        self.fragments_literal, self.options_literal, self.items_literal = _layer_literals(tuple(items))
        self.popup_max_width = POPUP_MAX_WIDTH

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "a PointLayer renders inside a Figure"
        script = self._template.module.__dict__["script"]
        figure.script.add_child(RawScript(script(self, kwargs)), name=self.get_name())


class BoundPopup(MacroElement):
    """A popup of HTML bound to its parent layer as a string: folium's Popup builds its content with
    jQuery, which the map would then load for these popups alone. ``html`` must already be escaped;
    it reaches the page as JSON in the script, never compiled as a template (the script macro is
    what streamlit-folium calls; :meth:`render` adds its output to a page as it is)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.bindPopup({{ this.content }}, {maxWidth: {{ this.max_width }}});"
        "{% endmacro %}"
    )

    def __init__(self, html: str, max_width: int = POPUP_MAX_WIDTH) -> None:
        super().__init__()
        self._name = "BoundPopup"
        self.content = script_json(html)
        self.max_width = int(max_width)

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "a BoundPopup renders inside a Figure"
        script = self._template.module.__dict__["script"]
        figure.script.add_child(RawScript(script(self, kwargs)), name=self.get_name())
