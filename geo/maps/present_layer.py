"""The map in the presentation view: large type, and the keyboard stepping through the events.

:func:`add_presentation` gives the map a legend and labels a room can read, turns off Leaflet's
own arrow-key panning, and adds :class:`StepThrough`: the right and left arrow keys (also Page
Down / Page Up, space, n and p) go to the next or previous event of the numbered list beside the
map, centre the map on it and ring it; Escape or Home returns to the first view. The keys work
whether the map or the page around it has the focus (the page is the map frame's parent, on the
same origin). The list's items carry ``data-geobrief-step`` numbers: the current one is marked.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import folium
from branca.element import Element, MacroElement
from folium.template import Template

STEP_ZOOM = 8  # the closest a step zooms out to: a town with its surroundings
PRESENT_MAP_CSS = (
    "<style>"
    ".geobrief-legend-box{font-size:15px !important;line-height:1.35 !important;max-width:290px !important;"
    "padding:9px 13px !important}"
    ".geobrief-legend-box svg{transform:scale(1.25);margin:2px 3px}"
    ".geobrief-label{font-size:15px !important}"
    ".geobrief-town-box{font-size:13px !important}"
    "#map_div{height:100vh !important}"
    "</style>"
)

Step = tuple[int, float | None, float | None]  # the list's number, and where the event is (or None)


class StepThrough(MacroElement):
    """The keyboard stepping of the presentation view (see the module)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var steps = {{ this.steps_literal }}, current = 0, ring = null, home = null;
            var pages = [document];
            try { if (window.parent && window.parent.document !== document) { pages.push(window.parent.document); } }
            catch (error) { /* another origin: the keys work in the map only */ }
            function mark(number) {
                pages.forEach(function (page) {
                    page.querySelectorAll("[data-geobrief-step]").forEach(function (item) {
                        var on = Number(item.getAttribute("data-geobrief-step")) === number;
                        item.classList.toggle("geobrief-step-current", on);
                        if (on && item.scrollIntoView) { item.scrollIntoView({block: "nearest"}); }
                    });
                });
            }
            function go(index) {
                if (home === null) { home = [map.getCenter(), map.getZoom()]; }
                current = index;
                if (ring) { map.removeLayer(ring); ring = null; }
                if (current === 0) { mark(-1); map.flyTo(home[0], home[1], {duration: 0.6}); return; }
                var step = steps[current - 1];
                mark(step[0]);
                if (step[1] === null) { return; }
                map.flyTo([step[1], step[2]], Math.max(map.getZoom(), {{ this.step_zoom }}), {duration: 0.8});
                ring = L.circleMarker([step[1], step[2]], {radius: 28, color: "#e0b000", weight: 5, fill: false,
                                                            interactive: false, className: "geobrief-step-ring"});
                ring.addTo(map);
            }
            function onKey(event) {
                var target = event.target, tag = target && target.tagName;
                if (!steps.length || tag === "INPUT" || tag === "TEXTAREA" || (target && target.isContentEditable)) {
                    return;
                }
                var key = event.key;
                if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown" || key === " " || key === "n") {
                    go(current >= steps.length ? 1 : current + 1);
                } else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp" || key === "p") {
                    go(current <= 1 ? steps.length : current - 1);
                } else if (key === "Escape" || key === "Home") {
                    if (current !== 0) { go(0); }
                } else { return; }
                event.preventDefault();
            }
            pages.forEach(function (page) {
                if (page.__geobriefKeys) { page.removeEventListener("keydown", page.__geobriefKeys); }
                page.__geobriefKeys = onKey;
                page.addEventListener("keydown", onKey);
            });
            window.geobriefStep = go;
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, steps: Sequence[Step]) -> None:
        super().__init__()
        self._name = "StepThrough"
        located = [[int(n), float(lat), float(lon)] if lat is not None and lon is not None else [int(n), None, None]
                   for n, lat, lon in steps]
        self.steps_literal = json.dumps(located)
        self.step_zoom = STEP_ZOOM


def add_presentation(m: folium.Map, steps: Sequence[Step]) -> None:
    """Large type, no arrow-key panning, and the keys stepping through ``steps``."""
    m.options["keyboard"] = False
    m.get_root().header.add_child(Element(PRESENT_MAP_CSS), name="geobrief_present_css")
    StepThrough(steps).add_to(m)
