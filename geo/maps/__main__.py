"""Put the offline map assets (Leaflet, jQuery, the marker
cluster plugin, the country outlines) into DIR/vendor, where the dashboard serves them from."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.errors import GeoError
from geo.maps.offline import DEFAULT_STATIC_DIR, install_static_assets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.maps", description=__doc__)
    parser.add_argument("--static", type=Path, default=DEFAULT_STATIC_DIR,
                        help=f"the dashboard's static folder (default: {DEFAULT_STATIC_DIR})")
    args = parser.parse_args(argv)
    try:
        vendor = install_static_assets(args.static)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in vendor.rglob("*") if p.is_file())
    print(f"offline map assets in {vendor} ({size / 1024:.0f} KiB)")
    return 0


raise SystemExit(main())
