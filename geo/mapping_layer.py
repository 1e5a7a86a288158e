"""Many point symbols in one script: a data array and a loop, instead of one folium object each.

folium renders every marker, icon, tooltip and popup through its own template; with a thousand
places that costs seconds per page run and megabytes of script. :class:`PointLayer` writes the
symbols as one JSON array (icon SVG, classes, position, tooltip and popup HTML, all produced and
escaped by geo.mapping / geo.mapping_points) and a few lines of Leaflet that add them to the
parent group, a feature group or a cluster group.
"""

from __future__ import annotations

import json
from typing import Any

from branca.element import MacroElement
from folium.template import Template

POPUP_MAX_WIDTH = 380


def script_json(value: object) -> str:
    """JSON for a <script>: '<' and '>' escaped, so nothing in it can end the script
    ('&' is harmless in script text and stays, as folium leaves it)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def point_item(*, lat: float, lon: float, icon_html: str, size: int, css_class: str, tooltip_html: str,
               tooltip_options: dict[str, Any], popup_html: str) -> dict[str, Any]:
    """One symbol of a :class:`PointLayer`; every HTML string must already be escaped."""
    return {"location": [lat, lon], "icon": icon_html, "size": size, "className": css_class,
            "tooltip": tooltip_html, "tooltipOptions": tooltip_options, "popup": popup_html}


class PointLayer(MacroElement):
    """Adds point symbols (see :func:`point_item`) to its parent layer group."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var icons = {{ this.icons_literal }};
            var items = {{ this.items_literal }};
            var markers = items.map(function (item) {
                var half = item.size / 2;
                var marker = L.marker(item.location, {icon: L.divIcon({
                    html: icons[item.icon], iconSize: [item.size, item.size], iconAnchor: [half, half],
                    className: item.className})});
                marker.bindTooltip(item.tooltip, item.tooltipOptions);
                marker.bindPopup(item.popup, {maxWidth: {{ this.popup_max_width }}});
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
        icons: dict[str, int] = {}  # the same symbol SVG once, referenced by its index
        compact = [{**item, "icon": icons.setdefault(item["icon"], len(icons))} for item in items]
        self.icons_literal = script_json(list(icons))
        self.items_literal = script_json(compact)
        self.popup_max_width = POPUP_MAX_WIDTH
