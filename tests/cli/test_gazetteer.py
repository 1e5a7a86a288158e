"""``python -m geo gazetteer add | list | remove`` and ``python -m geo place``, in a private cache dir."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo.gazetteer import default_gazetteer
from tests.cli.test_entry import ROOT, assert_bad_input

DATA = Path(__file__).resolve().parents[1] / "gazetteer" / "data"


@pytest.fixture()
def cache_dir(tmp_path: Path) -> Path:
    """A cache dir holding the built-in index (linked, not rebuilt) and nothing added."""
    cache = tmp_path / "cache"
    cache.mkdir()
    base = default_gazetteer().path
    (cache / base.name).symlink_to(base)
    return cache


def geo_cli(cache_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GEOBRIEF_CACHE_DIR": str(cache_dir)}
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, cwd=ROOT, timeout=240, env=env)


def test_add_list_place_remove(cache_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "geonames"
    shutil.copytree(DATA, folder)
    added = geo_cli(cache_dir, "gazetteer", "add", str(folder / "XX_villages.txt"), "--name", "villages")
    assert added.returncode == 0, added.stderr
    assert added.stdout.decode().startswith("added villages: 4 places in 1 countries")
    again = geo_cli(cache_dir, "gazetteer", "add", str(folder / "XX_villages.txt"), "--name", "villages")
    assert "already loaded from these files: nothing changed" in again.stdout.decode()
    listed = geo_cli(cache_dir, "gazetteer", "list").stdout.decode()
    assert "villages: 4 places, 1 countries (SY)" in listed and "credit: GeoNames (geonames.org), CC BY 4.0" in listed
    found = geo_cli(cache_dir, "place", "Zubaida").stdout.decode()
    assert found.splitlines()[0].startswith("Zubaydah (city; Damascus, SY) 33.4100, 36.3900")
    assert geo_cli(cache_dir, "gazetteer", "remove", "villages").stdout.decode() == "removed villages (4 places)\n"
    assert "no place called 'Zubaida'" in geo_cli(cache_dir, "place", "Zubaida").stdout.decode()


def test_geocode_prints_json(cache_dir: Path) -> None:
    found = json.loads(geo_cli(cache_dir, "geocode", "Netanya").stdout)
    assert (found["name"], found["country"], found["kind"]) == ("Netanya", "IL", "city")
    assert json.loads(geo_cli(cache_dir, "geocode", "Xqzvillage").stdout) is None
    assert_bad_input(geo_cli(cache_dir, "geocode", " "), "location description is empty")


def test_bad_input_is_one_line(cache_dir: Path, tmp_path: Path) -> None:
    assert_bad_input(geo_cli(cache_dir, "gazetteer", "add", str(tmp_path / "allCountries.zip")), "no such file")
    bad = tmp_path / "XX.txt"
    bad.write_text("1\tOnly\tthree\n", encoding="utf-8")
    assert_bad_input(geo_cli(cache_dir, "gazetteer", "add", str(bad)), "XX.txt, line 1: expected 19")
    assert_bad_input(geo_cli(cache_dir, "gazetteer", "remove", "nothing"), "no added gazetteer named 'nothing'")
    assert "added: none" in geo_cli(cache_dir, "gazetteer", "list").stdout.decode()


def test_a_reader_that_goes_away_ends_the_listing_quietly(cache_dir: Path) -> None:
    """`python -m geo place Palma | head -1`: the pipe closes before the listing is written; no traceback."""
    env = {**os.environ, "GEOBRIEF_CACHE_DIR": str(cache_dir)}
    child = subprocess.Popen([sys.executable, "-m", "geo", "place", "Palma", "--limit", "50"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before the child has looked anything up
    errors = child.stderr.read().decode()
    assert child.wait(timeout=240) == 1
    assert errors == ""
