"""Many point symbols in one script: a data array and a loop, instead of one folium object each.

folium renders every marker, icon, tooltip and popup through its own template; with a thousand
places that costs seconds per page run and megabytes of script. :class:`PointLayer` writes the
symbols as one JSON array and a few lines of Leaflet that add them to the parent group, a feature
group or a cluster group.

The HTML of icons, tooltips and popups (produced and escaped by geo.mapping and
geo.mapping_points) is cut at its tags and separators into fragments, each stored once in a
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
from typing import Any

from branca.element import Element, Figure, MacroElement
from folium.template import Template

POPUP_MAX_WIDTH = 380
COORDINATE_DECIMALS = 5  # about a metre
FRAGMENT_BOUNDARY = re.compile(r"(<[^>]*>| &middot; )")
FRAGMENT_CACHE_SIZE = 20_000  # the tooltips and popups of a 10,000-place map (two per symbol)


def script_json(value: object) -> str:
    """JSON for a <script>: '<' and '>' escaped, so nothing in it can end the script
    ('&' is harmless in script text and stays, as folium leaves it)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")


@functools.lru_cache(maxsize=FRAGMENT_CACHE_SIZE)
def html_fragments(html: str) -> tuple[str, ...]:
    """``html`` cut before and after each tag and ``&middot;`` separator; they join back to ``html``.
    Cached: the same pieces (their hashes computed once) serve every map that draws this symbol."""
    return tuple(part for part in FRAGMENT_BOUNDARY.split(html) if part)


def point_item(*, lat: float, lon: float, icon_html: str, size: int, css_class: str, tooltip_html: str,
               tooltip_options: dict[str, Any], popup_html: str) -> dict[str, Any]:
    """One symbol of a :class:`PointLayer`; every HTML string must already be escaped."""
    return {"location": [lat, lon], "icon": icon_html, "size": size, "className": css_class,
            "tooltip": tooltip_html, "tooltipOptions": tooltip_options, "popup": popup_html}


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


class _Numbering(dict[str, int]):
    """Numbers strings in the order first asked for: ``table[s]`` is s's index, new or not."""

    def __missing__(self, key: str) -> int:
        self[key] = number = len(self)
        return number


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

    def __init__(self, items: list[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "PointLayer"
        fragments = _Numbering()
        options: dict[str, int] = {}
        option_ids: dict[int, int] = {}  # by identity first: the callers share a few option dicts

        def ids(pieces: Sequence[str]) -> str:
            return "[" + ",".join(map(str, map(fragments.__getitem__, pieces))) + "]"

        def option_id(value: dict[str, Any]) -> int:
            if id(value) not in option_ids:
                option_ids[id(value)] = options.setdefault(json.dumps(value, sort_keys=True), len(options))
            return option_ids[id(value)]

        # Each symbol written as JSON text at once (numbers only): no nested lists to build and
        # serialise, and nothing for the garbage collector to track on a large map.
        compact = [
            f"[{_coordinate(item['location'][0])},{_coordinate(item['location'][1])},{fragments[item['icon']]},"
            f"{int(item['size'])},{ids(item['className'].split())},{ids(html_fragments(item['tooltip']))},"
            f"{option_id(item['tooltipOptions'])},{ids(html_fragments(item['popup']))}]"
            for item in items
        ]
        self.fragments_literal = script_json(list(fragments))
        self.options_literal = "[" + ",".join(options) + "]"  # this module's own option dicts, as JSON
        self.items_literal = "[" + ",".join(compact) + "]"
        self.popup_max_width = POPUP_MAX_WIDTH

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "a PointLayer renders inside a Figure"
        script = self._template.module.__dict__["script"]
        figure.script.add_child(RawScript(script(self, kwargs)), name=self.get_name())
