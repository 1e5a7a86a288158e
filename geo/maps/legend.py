"""The map's legend: one row per symbol in use (by role, or by actor with the shapes in grey),
how sizes read when they grow with casualties, and notes; and the control that shows it.
Only this module's labels, numbers and the actors' names (escaped) reach it."""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from geo.maps.layer import script_json
from geo.maps.points import MapPoint, html_text
from geo.maps.style import (DEFAULT_STYLE, NO_ACTOR, NO_ACTOR_COLOUR, OTHER_ACTORS, OTHER_ACTORS_COLOUR, MapStyle,
                            casualties, casualty_size, point_actor)
from geo.maps.symbols import ROLE_LABELS, approximate_symbol_svg, area_symbol_svg, symbol_svg

SHAPE_GREY = "#6b6b6b"
ROW = '<div style="display:flex;align-items:center;gap:6px;margin:2px 0">'


class MapDecorations(MacroElement):
    """Sea colour, the default icon path, and the legend control."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            map.getContainer().style.background = "#cfe0ec";
            {%- if this.image_path_literal %}
            L.Icon.Default.imagePath = {{ this.image_path_literal }};
            {%- endif %}
            var legend = L.control({position: "topright"});
            legend.onAdd = function () {
                var box = L.DomUtil.create("div", "geobrief-legend");
                box.innerHTML = {{ this.legend_literal }};
                L.DomEvent.disableClickPropagation(box);
                return box;
            };
            legend.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, legend_html: str, image_path: str | None) -> None:
        super().__init__()
        self._name = "MapDecorations"
        self.legend_literal = script_json(legend_html)
        self.image_path_literal = script_json(image_path) if image_path else ""


def legend_html(points: list[MapPoint], unlocated: int, clustered: bool = False, style: MapStyle = DEFAULT_STYLE,
                palette: dict[str, str] | None = None) -> str:
    """The legend: one row per symbol in use, and notes."""
    rows: list[str] = []
    roles_present = {p.role for p in points}
    grey = SHAPE_GREY if style.by_actor else None
    for role in ("attack", "response", "both", "place"):
        if role in roles_present or role in ("attack", "response", "place"):
            count = sum(1 for p in points if p.role == role)
            colour = grey if role != "place" else None
            rows.append(f"{ROW}{symbol_svg(role, size=16, colour=colour)}"
                        f"<span>{html_text(ROLE_LABELS[role])} ({count})</span></div>")
    if style.by_actor:
        rows.extend(_actor_rows(points, palette or {}))
    if style.by_casualties:
        rows.append(_casualty_row(points))
    rows.append(
        f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">{area_symbol_svg("place")}'
        f"<span>Province, country, region</span></div>"
    )
    rows.append(
        f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">'
        f'{approximate_symbol_svg("place", size=20)}<span>Approximate location (near a named place)</span></div>'
    )
    rows.append('<div style="margin-top:4px;color:#555">Fainter, dashed = less certain place</div>')
    if clustered:
        rows.append('<div style="color:#555">Numbered circles: several places; zoom in or click</div>')
    if unlocated:
        rows.append(
            f'<div style="color:#555">{unlocated} event(s) with no pin (place unknown or told over several): '
            "see the panels</div>"
        )
    # A <details> element: the analyst folds the legend away when it covers something.
    return (
        '<details open class="geobrief-legend-box" style="background:rgba(255,255,255,0.92);padding:6px 9px;'
        'border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,0.3);font:11px/1.3 sans-serif;color:#222;'
        'max-width:190px"><summary style="font-weight:bold;cursor:pointer">Legend</summary>'
        + "".join(rows) + "</details>"
    )




def _actor_rows(points: list[MapPoint], palette: dict[str, str]) -> list[str]:
    """A colour swatch per actor in the palette, then the others and the unstated, with their places."""
    actors = [point_actor(p) for p in points if p.attacks or p.responses]
    entries = [(actor, colour, actors.count(actor)) for actor, colour in palette.items()]
    others = sum(1 for a in actors if a is not None and a not in palette)
    if others:
        entries.append((OTHER_ACTORS, OTHER_ACTORS_COLOUR, others))
    if None in actors:
        entries.append((NO_ACTOR, NO_ACTOR_COLOUR, actors.count(None)))
    return [f'{ROW}<span style="display:inline-block;width:12px;height:12px;border-radius:2px;background:{colour}">'
            f"</span><span>{html_text(actor)} ({count})</span></div>" for actor, colour, count in entries]


def _casualty_row(points: list[MapPoint]) -> str:
    most = max((casualties(p) for p in points), default=0)
    if not most:
        return '<div style="color:#555">Size by casualties: none reported</div>'
    return (f'{ROW}{symbol_svg("place", size=casualty_size(0) // 2 + 6, colour=SHAPE_GREY)}'
            f'{symbol_svg("place", size=min(casualty_size(most), 40), colour=SHAPE_GREY)}'
            f"<span>Larger: more killed and injured (up to {most:,})</span></div>")
