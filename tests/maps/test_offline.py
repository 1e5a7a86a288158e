"""geo.maps.offline: Leaflet and the basemap installed into a static folder, idempotently."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.maps import offline


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    static = tmp_path_factory.mktemp("static")
    offline.install_static_assets(static)
    return static


def test_installs_leaflet_and_basemap(installed: Path) -> None:
    vendor = installed / "vendor"
    leaflet = (vendor / offline.LEAFLET_JS).read_text(encoding="utf-8")
    assert "Leaflet" in leaflet and len(leaflet) > 100_000
    assert ".leaflet-container" in (vendor / offline.LEAFLET_CSS).read_text(encoding="utf-8")
    images = {p.name for p in (vendor / offline.LEAFLET_IMAGES).iterdir()}
    assert {"marker-icon.png", "marker-shadow.png", "layers.png"} <= images
    assert oct((vendor / offline.LEAFLET_JS).stat().st_mode & 0o777) == oct(0o644)


def test_basemap_is_small_valid_geojson(installed: Path) -> None:
    path = installed / "vendor" / offline.BASEMAP_GEOJSON
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) > 150
    assert path.stat().st_size < 400_000  # rounded outlines stay small enough to serve
    iso = {f["properties"]["iso2"] for f in data["features"]}
    assert {"SY", "IQ", "UA", "US", "FR"} <= iso
    for feature in data["features"]:
        geometry = feature["geometry"]
        assert geometry["type"] in ("Polygon", "MultiPolygon")
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            for ring in polygon:
                assert len(ring) >= 4
                for lon, lat in ring:
                    assert -180 <= lon <= 180 and -90 <= lat <= 90
                    assert round(lon, offline.BASEMAP_PRECISION) == lon


def test_reinstall_is_a_no_op(installed: Path) -> None:
    stamp = installed / "vendor" / offline.STAMP_FILE_NAME
    before = {p: p.stat().st_mtime_ns for p in (installed / "vendor").rglob("*") if p.is_file()}
    os.utime(stamp, ns=(1, 1))  # make any rewrite visible
    assert offline.assets_installed(installed)
    offline.install_static_assets(installed)
    assert stamp.stat().st_mtime_ns == 1
    after = {p: p.stat().st_mtime_ns for p in (installed / "vendor").rglob("*") if p.is_file()}
    assert set(after) == set(before)


def test_a_missing_file_triggers_a_reinstall(tmp_path: Path) -> None:
    offline.install_static_assets(tmp_path)
    (tmp_path / "vendor" / offline.LEAFLET_CSS).unlink()
    assert not offline.assets_installed(tmp_path)
    offline.install_static_assets(tmp_path)
    assert (tmp_path / "vendor" / offline.LEAFLET_CSS).is_file()


def test_a_stale_stamp_triggers_a_reinstall(tmp_path: Path) -> None:
    offline.install_static_assets(tmp_path)
    stamp = tmp_path / "vendor" / offline.STAMP_FILE_NAME
    stamp.write_text('{"leaflet": "0.1"}', encoding="utf-8")
    assert not offline.assets_installed(tmp_path)
    offline.install_static_assets(tmp_path)
    assert offline.assets_installed(tmp_path)


def test_unwritable_folder_raises_asset_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(offline.AssetError, match="cannot write"):
        offline.install_static_assets(blocker)


def test_the_command_installs_and_reports(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "geo.maps", "--static", str(tmp_path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and "offline map assets in" in done.stdout, done.stderr
    assert not done.stderr  # no warning either (the module run is not one the package imported first)
    assert offline.assets_installed(tmp_path)


def test_bounding_box_placeholders_are_flagged_and_drawn_first(installed: Path) -> None:
    data = json.loads((installed / "vendor" / offline.BASEMAP_GEOJSON).read_text(encoding="utf-8"))
    flags = [f["properties"]["approximate"] for f in data["features"]]
    assert flags == sorted(flags, reverse=True)  # every placeholder before every outline
    for feature in data["features"]:
        assert feature["properties"]["approximate"] == offline._is_bounding_box(feature["geometry"])
    assert offline._is_bounding_box(
        {"type": "Polygon", "coordinates": [[[1, 2], [1, 3], [4, 3], [4, 2], [1, 2]]]})
    assert not offline._is_bounding_box(
        {"type": "Polygon", "coordinates": [[[1, 2], [1, 3], [4, 3.5], [4, 2], [1, 2]]]})


def test_installs_markercluster_as_a_classic_script(installed: Path) -> None:
    vendor = installed / "vendor"
    script = (vendor / offline.MARKERCLUSTER_JS).read_text(encoding="utf-8")
    assert "L.MarkerClusterGroup = L.FeatureGroup.extend" in script
    assert not any(line.startswith("export ") for line in script.splitlines())  # not an ES module
    assert script.lstrip().startswith("/*") and script.rstrip().endswith("})();")
    assert ".marker-cluster-small" in (vendor / offline.MARKERCLUSTER_CSS).read_text(encoding="utf-8")
