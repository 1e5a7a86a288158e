"""The offline gazetteer: GeoNames cities500, countries, first- and second-level divisions and the curated table,
built once into a compact SQLite index and looked up by name, with the GeoNames dumps a user adds
(``python -m geo gazetteer add``) beside it.

    gazetteer = default_gazetteer()          # built on first use under GEOBRIEF_CACHE_DIR
    candidates = gazetteer.candidates("Deir Ezzor")   # best first

Modules: ``index`` (the index and its lookups; ``python -m geo.gazetteer build``), ``build`` (making
it from the data packages), ``admin`` (province and district names), ``aliases`` (hand-kept
English names), ``countries`` (countryinfo's country records), ``geonames_dump`` (reading GeoNames dump
files), ``added`` (the user's added gazetteers), ``normalize`` (transliteration-aware name keys: "Deir
Ezzor" = "Deir ez-Zor").

May import: the core (``geo.errors``, ``geo.geometry``, ``geo.model``, ``geo.settings``).
"""

from geo.gazetteer.added import AddedSource, add_source, describe_sources, list_sources, remove_source
from geo.gazetteer.admin import DISTRICT_WORDS
from geo.gazetteer.countries import country_demonym
from geo.gazetteer.index import ATTRIBUTION, Gazetteer, built_index, default_gazetteer, index_path
from geo.gazetteer.normalize import fold_name

__all__ = [
    "ATTRIBUTION",
    "DISTRICT_WORDS",
    "AddedSource",
    "Gazetteer",
    "add_source",
    "built_index",
    "country_demonym",
    "default_gazetteer",
    "describe_sources",
    "fold_name",
    "index_path",
    "list_sources",
    "remove_source",
]
