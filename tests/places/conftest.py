"""Fixtures of the places tests: the built-in index with a synthetic GeoNames extract added."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, add_source, default_gazetteer
from geo.gazetteer.added import added_dir, index_file
from geo.settings import Settings

VILLAGES = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "XX_villages.txt"


@pytest.fixture(scope="session")
def with_villages(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The built-in index and tests/gazetteer/data/XX_villages.txt added in a private cache dir
    (made-up villages and an air base in Syria)."""
    settings = Settings(cache_dir=tmp_path_factory.mktemp("cache"))
    base = default_gazetteer().path
    source, _ = add_source([VILLAGES], base, settings=settings)
    return Gazetteer(base, [index_file(added_dir(settings), source.name)])
