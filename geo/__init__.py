"""GeoBrief: conflict news to a map you can trust.

    >>> report = geo.analyze(text, published=date(2023, 11, 9))
    >>> [p.name for p in report.places]
"""

from geo.errors import FetchError, GazetteerError, GeoError, InputError, ModelError
from geo.ingest import load_sample
from geo.model import Article, Candidate, Event, Place, Report, Source, TextSpan, Toponym
from geo.pipeline import __version__, analyze, analyze_article, analyze_many, geocode, geoparse

__all__ = [
    "__version__",
    "analyze",
    "analyze_article",
    "analyze_many",
    "geocode",
    "geoparse",
    "load_sample",
    "Article",
    "Candidate",
    "Event",
    "Place",
    "Report",
    "Source",
    "TextSpan",
    "Toponym",
    "GeoError",
    "InputError",
    "ModelError",
    "GazetteerError",
    "FetchError",
]
