"""The map's tools: installed from npm's node_modules, linked or inlined, drawn only where loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.ingest import article_from_text
from geo.maps import assets as assets_module
from geo.maps.folium_map import build_map, map_html
from geo.maps.map_tools import (
    BUNDLE_CSS,
    BUNDLE_JS,
    MANIFEST,
    TOOL_FILES,
    ToolsMissing,
    install_map_tools,
    linked_tool_files,
    tools_folder,
    tools_installed,
)
from geo.maps.offline import DEFAULT_STATIC_DIR
from tests.corpus_helpers import fake_report


def fake_node_modules(root: Path) -> Path:
    """A node_modules folder with each tool file a one-line stand-in, and each package's version."""
    for package, inside, name in TOOL_FILES:
        (root / package / inside).parent.mkdir(parents=True, exist_ok=True)
        (root / package / inside).write_text(f"/* {name} */", encoding="utf-8")
        (root / package / "package.json").write_text(json.dumps({"version": "9.9.9"}), encoding="utf-8")
    return root


def test_install_copies_every_file_and_writes_the_manifest_last(tmp_path: Path) -> None:
    static = tmp_path / "static"
    assert not tools_installed(static)
    folder = install_map_tools(fake_node_modules(tmp_path / "node_modules"), static)
    assert folder == tools_folder(static) and tools_installed(static)
    assert (folder / "mgrs.min.js").read_text(encoding="utf-8") == "/* mgrs.min.js */"
    bundle = (folder / BUNDLE_JS).read_text(encoding="utf-8")  # the scripts in load order, each ended
    assert bundle.index("/* mgrs.min.js */") < bundle.index("/* mouse-position.js */") < bundle.index(
        "/* polyline-measure.js */")
    assert bundle.count("\n;") == 3 and "/* mouse-position.css */" in (folder / BUNDLE_CSS).read_text(encoding="utf-8")
    assert json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["mgrs"] == "9.9.9"


def test_a_missing_package_is_a_clear_error_and_installs_nothing(tmp_path: Path) -> None:
    modules = fake_node_modules(tmp_path / "node_modules")
    (modules / "mgrs" / "dist" / "mgrs.min.js").unlink()
    with pytest.raises(ToolsMissing, match="npm ci --prefix assets/web"):
        install_map_tools(modules, tmp_path / "static")
    assert not tools_installed(tmp_path / "static")  # no manifest: not taken for installed


def test_a_map_loads_one_script_and_one_style_from_the_static_folder() -> None:
    js, css = linked_tool_files("/app/static/vendor/")
    assert [url for _, url in js] == ["/app/static/vendor/tools/map-tools.js"]
    assert [url for _, url in css] == ["/app/static/vendor/tools/map-tools.css"]


def test_a_map_has_its_tools_only_where_they_are_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    report = fake_report(article_from_text("Rockets hit Kharkiv on Friday."))
    monkeypatch.setattr(assets_module, "tools_installed", lambda static_dir: False)
    html = build_map(report).get_root().render()
    assert "polylineMeasure" not in html and "tools/map-tools.js" not in html
    monkeypatch.setattr(assets_module, "tools_installed", lambda static_dir: True)
    html = build_map(report).get_root().render()
    assert "tools/map-tools.js" in html and "L.control.polylineMeasure" in html
    assert html.index("tools/map-tools.js") < html.index("L.control.polylineMeasure")


@pytest.mark.skipif(not tools_installed(DEFAULT_STATIC_DIR), reason="the map's tools are not installed (needs npm)")
def test_a_standalone_page_carries_the_tools_inline() -> None:
    html = map_html(fake_report(article_from_text("Rockets hit Kharkiv on Friday.")), inline_assets=True)
    assert "/app/static/vendor/tools" not in html
    assert "L.Control.PolylineMeasure = L.Control.extend" in html and "L.Control.MousePosition" in html
