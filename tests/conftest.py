"""Shared fixtures. The sample report is analysed once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from geo.ingest import load_sample
from geo.model import Report

SAMPLE_PUBLISHED = date(2023, 11, 9)
REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``make test`` runs two workers, ``--dist loadgroup``) the real-browser tests share one
    worker, hence one Streamlit server and one Chromium, while the other worker runs the rest."""
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def sample_text() -> str:
    return load_sample()


@pytest.fixture(scope="session")
def sample_report(sample_text: str) -> Report:
    import geo

    return geo.analyze(sample_text, published=SAMPLE_PUBLISHED)


@pytest.fixture(scope="session", autouse=True)
def private_gazetteer_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test reads the built-in index alone, whatever gazetteers the developer added to their
    own cache dir: GEOBRIEF_CACHE_DIR points to a temporary folder holding a link to the built index
    (built once in the usual cache dir), so tests that add a gazetteer add it there or in their own."""
    from geo.gazetteer import built_index, default_gazetteer

    base = built_index()
    cache = tmp_path_factory.mktemp("gazetteer-cache")
    (cache / base.name).symlink_to(base)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GEOBRIEF_CACHE_DIR", str(cache))
        default_gazetteer.cache_clear()
        yield cache
    default_gazetteer.cache_clear()


@pytest.fixture(scope="session", autouse=True)
def private_corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No test ever writes to the user's own corpus database: GEOBRIEF_DB points to a temporary
    file for the whole session (tests that need their own store set it again)."""
    path = tmp_path_factory.mktemp("corpus-default") / "corpus.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GEOBRIEF_DB", str(path))
        yield path


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One `streamlit run app.py` on a free loopback port for every browser test (each test
    module opens its own page, hence its own Streamlit session), with a private corpus store
    (Analyze saves the article there for its share link)."""
    from geo.browser import running_dashboard

    ARTIFACTS.mkdir(exist_ok=True)
    store = tmp_path_factory.mktemp("dashboard") / "corpus.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GEOBRIEF_DB", str(store))
        with (ARTIFACTS / "streamlit.log").open("wb") as log, running_dashboard(REPO / "app.py", log=log) as url:
            yield url
