"""Reading GeoNames dump files: plain, gzipped and zipped; kept feature classes; bad rows."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from pathlib import Path

import pytest

from geo.errors import GazetteerError
from geo.gazetteer.geonames_dump import admin_code_names, dump_rows, feature_kind

DATA = Path(__file__).parent / "data"
VILLAGES = DATA / "XX_villages.txt"


def _names(path: Path) -> list[str]:
    return [row.name for row in dump_rows(path)]


def test_plain_text_rows_keep_places_districts_and_sites() -> None:
    rows = {row.name: row for row in dump_rows(VILLAGES)}
    assert set(rows) == {"Damascus", "Zubaydah", "Tall Kharuf", "Wadi Samra District", "Qasr Nimrin Air Base",
                         "Rif Dimashq Test Province"}  # the stream and the abandoned place are left out
    village = rows["Zubaydah"]
    assert (village.kind, village.country, village.admin1, village.population) == ("city", "SY", "13", 0)
    assert "Zubaida" in village.alternate_names and "الزبيدة" in village.alternate_names
    assert rows["Wadi Samra District"].kind == "admin2"
    assert rows["Qasr Nimrin Air Base"].kind == "facility"
    assert rows["Rif Dimashq Test Province"].kind == "admin1"


def test_gzip_and_zip_read_the_same_rows(tmp_path: Path) -> None:
    gzipped = tmp_path / "SY.txt.gz"
    with VILLAGES.open("rb") as source, gzip.open(gzipped, "wb") as target:
        shutil.copyfileobj(source, target)
    zipped = tmp_path / "SY.zip"
    with zipfile.ZipFile(zipped, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(VILLAGES, "SY.txt")
        archive.writestr("readme.txt", "GeoNames readme")
    assert _names(gzipped) == _names(VILLAGES) == _names(zipped)


def test_a_zip_without_one_table_is_refused(tmp_path: Path) -> None:
    zipped = tmp_path / "two.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(VILLAGES, "SY.txt")
        archive.write(VILLAGES, "IQ.txt")
    with pytest.raises(GazetteerError, match="one GeoNames .txt table"):
        list(dump_rows(zipped))


@pytest.mark.parametrize(("line", "message"), [
    ("1\tOnly\tthree", "line 2: expected 19 tab-separated GeoNames columns, found 3"),
    ("x1\tName\tName\t\t1\t2\tP\tPPL\tSY" + "\t" * 10, "line 2: geonameid is not a number"),
    ("1\tName\tName\t\t95\t2\tP\tPPL\tSY" + "\t" * 10, "line 2: no name or coordinates out of range"),
])
def test_a_bad_row_names_its_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(VILLAGES.read_text(encoding="utf-8").splitlines()[0] + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        list(dump_rows(path))


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("1\tBéja\tBeja".encode("latin-1") + b"\t" * 16 + b"\n")
    with pytest.raises(GazetteerError, match="not UTF-8"):
        list(dump_rows(path))


def test_feature_kinds() -> None:
    assert feature_kind("P", "PPLX") == "city"
    assert feature_kind("P", "PPLH") is None  # historical
    assert feature_kind("S", "MILB") == "facility"
    assert feature_kind("S", "CMPRF") == "facility"
    assert feature_kind("A", "ADM3") == "admin2"
    assert feature_kind("A", "PCLI") is None  # countries are built in
    assert feature_kind("H", "STM") is None


def test_admin_code_table() -> None:
    assert admin_code_names(DATA / "admin1CodesASCII.txt") == {"SY.13": ("Dimashq", 170652)}
