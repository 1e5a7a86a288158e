"""Read GeoNames dump files, streaming: ``allCountries.zip``/``.txt``, per-country ``XX.zip``/``.txt``,
``cities*.txt``, gzipped or not, and the ``admin1CodesASCII.txt`` table beside them.

    for row in dump_rows(Path("SY.zip")):     # DumpRow(geonameid=170654, name='Damascus', kind='city', ...)
        ...

The main table has 19 tab-separated columns (https://download.geonames.org/export/dump/readme.txt):
geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code, country code,
cc2, admin1 code, admin2 code, admin3 code, admin4 code, population, elevation, dem, timezone, modification
date. Only the feature codes in ``FEATURE_KINDS`` are kept: populated places, districts and the sites conflict
reporting names (air bases, camps, oil fields, bridges, border posts). A malformed row stops the read with a
``GazetteerError`` that names the file and the line.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from geo.errors import GazetteerError

__all__ = ["ADMIN1_FILE", "DumpRow", "FEATURE_KINDS", "admin_code_names", "dump_rows",
           "feature_kind", "open_text"]

COLUMNS = 19
ADMIN1_FILE = "admin1CodesASCII.txt"

# GeoNames feature code -> the gazetteer's kind of place. Historical, abandoned and destroyed-and-gone
# places (PPLH, PPLQ, PPLCH) are left out: reporting names the living place. Countries come from the
# built-in data (PCLI...), as do continents.
FEATURE_KINDS: dict[str, str] = {
    **{code: "city" for code in ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLF", "PPLG",
                                 "PPLL", "PPLR", "PPLS", "PPLX", "PPLW", "STLMT")},
    "ADM1": "admin1",
    **{code: "admin2" for code in ("ADM2", "ADM3", "ADM4", "ADMD")},
    # airports and air bases, military bases, camps (refugee, military, labour), oil and gas fields,
    # bridges, border posts, dams, ports
    **{code: "facility" for code in ("AIRP", "AIRB", "AIRF", "AIRH", "MILB", "INSM", "CMP", "CMPRF", "CMPMN",
                                     "CMPLA", "OILF", "GASF", "BDG", "PSTB", "DAM", "PRT")},
}


def feature_kind(feature_class: str, feature_code: str) -> str | None:
    """The kind of place a GeoNames feature is stored as, None for features that are not kept."""
    kind = FEATURE_KINDS.get(feature_code)
    if kind == "city" and feature_class != "P":
        return None
    return kind


@dataclass(frozen=True, slots=True)
class DumpRow:
    """One kept row of a GeoNames dump."""

    geonameid: int
    name: str
    asciiname: str
    alternate_names: tuple[str, ...]
    lat: float
    lon: float
    kind: str
    feature_code: str
    country: str
    admin1: str  # GeoNames' own first-level code ("13" of SY.13), "" when unknown
    admin2: str
    population: int


@contextmanager
def open_text(path: Path, *, member_name: str | None = None) -> Iterator[IO[str]]:
    """A text stream of a plain, gzipped or zipped GeoNames file (for a zip: ``member_name`` or
    its one data member, the ``readme.txt`` beside it left out)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.namelist()
                           if m.endswith(".txt") and not m.lower().endswith("readme.txt")]
                if member_name is not None:
                    members = [m for m in members if Path(m).name == member_name]
                if len(members) != 1:
                    raise GazetteerError(f"{path}: expected one GeoNames .txt table in the zip, found {len(members)}")
                with archive.open(members[0]) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
            return
        with path.open("rb") as probe:
            gzipped = probe.read(2) == b"\x1f\x8b"
        if gzipped:
            with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
                yield handle
        else:
            with path.open("r", encoding="utf-8", newline="\n") as handle:
                yield handle
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise GazetteerError(f"cannot read {path} ({exc})") from exc


def _number(text: str, kind: type, path: Path, line: int, column: str) -> float | int:
    try:
        return kind(text) if text else kind(0)
    except ValueError:
        raise GazetteerError(f"{path}, line {line}: {column} is not a number: {text[:40]!r}") from None


def dump_rows(path: Path) -> Iterator[DumpRow]:
    """The kept rows of a GeoNames dump file, one at a time (a 1.5 GB file is never held whole)."""
    with open_text(path) as handle:
        try:
            for line_number, line in enumerate(handle, start=1):
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if len(fields) != COLUMNS:
                    raise GazetteerError(f"{path}, line {line_number}: expected {COLUMNS} tab-separated GeoNames "
                                         f"columns, found {len(fields)}")
                kind = feature_kind(fields[6], fields[7])
                if kind is None:
                    continue
                geonameid = int(_number(fields[0], int, path, line_number, "geonameid"))
                lat = float(_number(fields[4], float, path, line_number, "latitude"))
                lon = float(_number(fields[5], float, path, line_number, "longitude"))
                if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or not fields[1].strip():
                    raise GazetteerError(f"{path}, line {line_number}: no name or coordinates out of range")
                yield DumpRow(
                    geonameid=geonameid, name=fields[1].strip(), asciiname=fields[2].strip(),
                    alternate_names=tuple(a.strip() for a in fields[3].split(",") if a.strip()),
                    lat=lat, lon=lon, kind=kind, feature_code=fields[7], country=fields[8].upper(),
                    admin1=fields[10].strip(), admin2=fields[11].strip(),
                    population=max(0, int(_number(fields[14], int, path, line_number, "population"))),
                )
        except UnicodeDecodeError as exc:
            raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason})") from None


def admin_code_names(path: Path) -> dict[str, tuple[str, int | None]]:
    """``admin1CodesASCII.txt`` / ``admin2Codes.txt``: "SY.13" -> ("Dimashq", 170652)."""
    codes: dict[str, tuple[str, int | None]] = {}
    with open_text(path) as handle:
        for line_number, line in enumerate(handle, start=1):
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) < 3 or "." not in fields[0]:
                raise GazetteerError(f"{path}, line {line_number}: expected 'CC.code<TAB>name<TAB>ascii name"
                                     "<TAB>geonameid'")
            geonameid = fields[3].strip() if len(fields) > 3 else ""
            codes[fields[0]] = (fields[2] or fields[1], int(geonameid) if geonameid.isdigit() else None)
    return codes
