"""Places in a text: recognising the place names of a parsed Doc and resolving each to a gazetteer
reading, with a confidence and the alternatives.

    toponyms = resolve_doc(doc, default_gazetteer())

Modules: ``recognize`` (the ``geo_toponyms`` spaCy component), ``recognize_spans`` (its span tests),
``locative_cues`` (what the words around a name say it is: "near", "X province", "X air base", a dateline),
``named_sites`` (sites named by their own word: "X International Airport", "the X Ministry", "X junction")
and ``name_extent`` (how far a name the tagger cut short reaches), ``resolve`` and ``resolve_support``
(choosing a reading in the document's context), ``ranking`` (the candidate features and weights),
``describe`` and ``geocode`` (a short location description, "X village in Y territory", to one point),
``approximate`` (a street or building placed near a town the story names), ``name_fallbacks``,
``lexicon``, ``online`` (Nominatim through geopy, off by default), ``corrections`` (an analyst's
choice of another reading, applied to a Report).

May import: the core (``geo.errors``, ``geo.geometry``, ``geo.model``, ``geo.settings``,
``geo.syntax``) and ``geo.gazetteer``.
"""

from geo.gazetteer import country_demonym  # the people's adjective of a country, for the events wing
from geo.places.approximate import locate_by_context
from geo.places.corrections import PlaceChoice, apply_place_choices, candidate_label
from geo.places.describe import DISTRICT_WORDS
from geo.places.geocode import Geocode, geocode_description
from geo.places.lexicon import SITE_PARTS
from geo.places.online import CandidateSource, default_online_geocoder, resolve_unresolved
from geo.places.recognize import TOPONYM_COMPONENT
from geo.places.recognize_spans import VESSEL_NAME_RE
from geo.places.resolve import resolve_doc, resolve_spans_in_context

__all__ = [
    "DISTRICT_WORDS",
    "SITE_PARTS",
    "TOPONYM_COMPONENT",
    "VESSEL_NAME_RE",
    "Geocode",
    "CandidateSource",
    "PlaceChoice",
    "apply_place_choices",
    "country_demonym",
    "candidate_label",
    "default_online_geocoder",
    "geocode_description",
    "locate_by_context",
    "resolve_doc",
    "resolve_spans_in_context",
    "resolve_unresolved",
]
