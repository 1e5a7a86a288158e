"""The offline gazetteer: GeoNames cities500, countries, first-level provinces and the curated table,
built once into a compact SQLite index and looked up by name.

    gazetteer = default_gazetteer()          # built on first use under GEOBRIEF_CACHE_DIR
    candidates = gazetteer.candidates("Deir Ezzor")   # best first

Modules: ``index`` (the index and its lookups; ``python -m geo.gazetteer build``), ``build`` (making
it from the data packages), ``admin`` (province and district names), ``aliases`` (hand-kept
English names), ``normalize`` (transliteration-aware name keys: "Deir Ezzor" = "Deir ez-Zor").

May import: the core (``geo.errors``, ``geo.geometry``, ``geo.model``, ``geo.settings``).
"""

from geo.gazetteer.index import ATTRIBUTION, Gazetteer, default_gazetteer
from geo.gazetteer.normalize import fold_name

__all__ = [
    "ATTRIBUTION",
    "Gazetteer",
    "default_gazetteer",
    "fold_name",
]
