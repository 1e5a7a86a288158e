"""Shared fixtures. The sample report is analysed once per test session."""

from __future__ import annotations

from datetime import date

import pytest

from geo.ingest import load_sample
from geo.model import Report

SAMPLE_PUBLISHED = date(2023, 11, 9)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return load_sample()


@pytest.fixture(scope="session")
def sample_report(sample_text: str) -> Report:
    import geo

    return geo.analyze(sample_text, published=SAMPLE_PUBLISHED)
