"""Marker clustering for maps with many points: Leaflet.markercluster, served locally.

folium's ``MarkerCluster`` plugin loads the library from a CDN; :class:`RoleCluster` loads it
from the app's static folder (or inline, for a standalone file) through
:class:`geo.maps.assets.MapAssets`. Each role (attacks, responses, other places) has its
own cluster group, drawn in the role's colour with the number of places it holds.
Provinces, countries and regions are drawn as areas and never clustered.
"""

from __future__ import annotations

from branca.element import Element
from folium.plugins import MarkerCluster

from geo.maps.assets import MapAssets

CLUSTER_MIN_POINTS = 60  # point symbols on a map from which they are clustered
DISABLE_CLUSTERING_AT_ZOOM = 12  # closer than this every symbol stands alone
MAX_CLUSTER_RADIUS_PX = 50


def _icon_function(colour: str, role: str) -> str:
    # Only this module's constants reach the generated JavaScript.
    return f"""
    function (cluster) {{
        var count = cluster.getChildCount();
        var size = count < 10 ? 30 : (count < 100 ? 36 : 44);
        return L.divIcon({{
            html: '<div style="width:' + size + 'px;height:' + size + 'px;line-height:' + size + 'px;'
                + 'border-radius:50%;background:{colour};opacity:0.85;color:#fff;font:bold 12px sans-serif;'
                + 'text-align:center;border:2px solid #fff;box-shadow:0 0 3px rgba(0,0,0,0.5)">'
                + count + '</div>',
            className: 'geobrief-cluster geobrief-cluster-{role}',
            iconSize: L.point(size, size)
        }});
    }}"""


class RoleCluster(MarkerCluster):
    """A cluster group for one role's point symbols, its library loaded from ``assets``."""

    def __init__(self, name: str, role: str, colour: str, assets: MapAssets) -> None:
        super().__init__(
            name=name, overlay=True, control=True, show=True,
            icon_create_function=_icon_function(colour, role),
            options={
                "showCoverageOnHover": False,
                "maxClusterRadius": MAX_CLUSTER_RADIUS_PX,
                "disableClusteringAtZoom": DISABLE_CLUSTERING_AT_ZOOM,
                "spiderfyOnMaxZoom": False,
                "chunkedLoading": True,
            },
        )
        # Per instance: folium's CDN defaults (class attributes) stay untouched.
        self.default_js = list(assets.cluster_js)
        self.default_css = list(assets.cluster_css)


def add_cluster_library(root_header: Element, assets: MapAssets) -> None:
    """For an inlined map: the library's script and style in the page's head."""
    if assets.cluster_inline_head:
        root_header.add_child(Element(assets.cluster_inline_head), name="geobrief_inline_markercluster")
