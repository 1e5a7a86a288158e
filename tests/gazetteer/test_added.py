"""Added gazetteers: a GeoNames file read beside the built-in index, listed, looked up, removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geo.errors import GazetteerError
from geo.gazetteer import Gazetteer, add_source, default_gazetteer, list_sources, remove_source
from geo.gazetteer.added import added_dir, index_file, source_name
from geo.settings import Settings

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def base_index() -> Path:
    return default_gazetteer().path


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache")


@pytest.fixture()
def villages(tmp_path: Path) -> Path:
    folder = tmp_path / "geonames"
    shutil.copytree(DATA, folder)
    return folder / "XX_villages.txt"


def _gazetteer(base_index: Path, settings: Settings) -> Gazetteer:
    return Gazetteer(base_index, [index_file(added_dir(settings), s.name) for s in list_sources(settings)])


def test_add_reads_the_new_places_and_leaves_out_the_built_in_ones(base_index: Path, settings: Settings,
                                                                   villages: Path) -> None:
    source, changed = add_source([villages], base_index, settings=settings)
    assert changed and source.name == "XX_villages"
    assert source.rows == 4  # Zubaydah, Tall Kharuf, the district, the air base
    assert source.skipped == 2  # Damascus is built in; provinces come from ISO 3166-2
    assert source.countries == ("SY",) and source.kinds == {"city": 2, "admin2": 1, "facility": 1}
    assert [s.name for s in list_sources(settings)] == ["XX_villages"]
    gazetteer = _gazetteer(base_index, settings)
    village = gazetteer.candidates("Zubaida")[0]
    assert (village.name, village.kind, village.country, village.population) == ("Zubaydah", "city", "SY", 0)
    assert village.admin1 == gazetteer.candidates("Damascus")[0].admin1  # SY.13, through the built-in Damascus
    assert not village.main_name  # an alternate name
    assert gazetteer.candidates("Qasr Nimrin Airbase")[0].kind == "facility"
    # No code: the province of the nearest built-in town (Homs, 10 km away).
    assert gazetteer.candidates("Tell Kharouf")[0].admin1 == gazetteer.candidates("Homs", limit=20)[0].admin1
    assert len([c for c in gazetteer.candidates("Damascus", limit=20) if c.geonameid == 170654]) == 1
    assert gazetteer.place_count() == default_gazetteer().place_count() + 4


def test_the_built_in_index_alone_does_not_know_the_villages(base_index: Path) -> None:
    assert not [c for c in Gazetteer(base_index).candidates("Zubaydah") if c.country == "SY"]


def test_adding_the_same_file_again_changes_nothing(base_index: Path, settings: Settings, villages: Path) -> None:
    first, _ = add_source([villages], base_index, settings=settings)
    stamp = index_file(added_dir(settings), first.name).stat().st_mtime_ns
    again, changed = add_source([villages], base_index, settings=settings)
    assert not changed and again == first
    assert index_file(added_dir(settings), first.name).stat().st_mtime_ns == stamp


def test_a_bad_row_leaves_the_loaded_source_as_it_was(base_index: Path, settings: Settings, villages: Path) -> None:
    loaded, _ = add_source([villages], base_index, settings=settings)
    with villages.open("a", encoding="utf-8") as handle:
        handle.write("990000099\tBroken\n")
    with pytest.raises(GazetteerError, match=r"line 9: expected 19"):
        add_source([villages], base_index, settings=settings)
    assert list_sources(settings) == [loaded]
    assert sorted(p.name for p in added_dir(settings).iterdir()) == ["XX_villages.json", "XX_villages.sqlite"]
    assert _gazetteer(base_index, settings).candidates("Zubaydah")[0].name == "Zubaydah"


def test_remove(base_index: Path, settings: Settings, villages: Path) -> None:
    add_source([villages], base_index, settings=settings, name="syria villages")
    assert [s.name for s in list_sources(settings)] == ["syria-villages"]
    assert remove_source("syria-villages", settings).rows == 4
    assert list_sources(settings) == []
    with pytest.raises(GazetteerError, match="no added gazetteer named 'syria-villages'"):
        remove_source("syria-villages", settings)


def test_remove_takes_a_name_never_a_path(base_index: Path, settings: Settings, villages: Path) -> None:
    add_source([villages], base_index, settings=settings, name="kept")
    outside = settings.cache_dir / "kept.json"
    outside.write_text((added_dir(settings) / "kept.json").read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("../kept", "..", "/etc/passwd", ""):
        with pytest.raises(GazetteerError, match="no added gazetteer named"):
            remove_source(name, settings)
    assert outside.exists() and [s.name for s in list_sources(settings)] == ["kept"]


def test_missing_file(base_index: Path, settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such file"):
        add_source([tmp_path / "allCountries.zip"], base_index, settings=settings)


def test_source_names() -> None:
    assert source_name([Path("/data/allCountries.zip")]) == "allCountries"
    assert source_name([Path("conflict15-wof.geonames.txt.gz")]) == "conflict15-wof.geonames"
    assert source_name([Path("SY.txt")]) == "SY"


def test_gazetteer_open_loads_what_was_added(base_index: Path, settings: Settings, villages: Path) -> None:
    settings.cache_dir.mkdir(parents=True)
    (settings.cache_dir / base_index.name).symlink_to(base_index)
    add_source([villages], base_index, settings=settings)
    assert Gazetteer.open(settings).candidates("Zubaydah")[0].country == "SY"


def test_an_index_built_with_other_name_keys_is_stale_and_left_out(base_index: Path, settings: Settings,
                                                                   villages: Path) -> None:
    settings.cache_dir.mkdir(parents=True)
    (settings.cache_dir / base_index.name).symlink_to(base_index)
    source, _ = add_source([villages], base_index, settings=settings)
    manifest = added_dir(settings) / f"{source.name}.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(source.keys, "0ther-keys"), encoding="utf-8")
    assert [s.stale for s in list_sources(settings)] == [True]
    assert not [c for c in Gazetteer.open(settings).candidates("Zubaydah") if c.country == "SY"]
    again, changed = add_source([villages], base_index, settings=settings)
    assert changed and not again.stale
