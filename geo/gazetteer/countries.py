"""The countryinfo package's record of each country (demonym, capital, points, spellings), read once: used
by ``geo.gazetteer.build`` for the country rows and, through ``geo.places``, by the events wing for the
people's adjective of a state ("Kigali (Rwandan government)"). Imports nothing of the project.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=1)
def country_records() -> dict[str, dict[str, Any]]:
    """The countryinfo package's record of each country (demonym, capital, points, spellings), by ISO code."""
    found: dict[str, dict[str, Any]] = {}
    for entry in resources.files("countryinfo").joinpath("data").iterdir():
        if entry.name.endswith(".json"):
            with entry.open("rb") as handle:
                info = json.load(handle)
            if code := (info.get("ISO") or {}).get("alpha2"):
                found[code] = info
    return found


def country_demonym(code: str) -> str | None:
    """The people's adjective of a country: "RW" -> "Rwandan"."""
    return country_records().get(code, {}).get("demonym") or None
