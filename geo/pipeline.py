"""The analysis path: text -> spaCy Doc -> toponyms, places, events, sources -> Report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.ingest import article_from_text
from geo.model import Article, Place, Report, TextSpan, Toponym
from geo.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from geo.online import CandidateSource

__version__ = "0.1.0"


def analyze(
    text: str,
    *,
    published: date | None = None,
    url: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Report:
    """Analyse one article's text. Page boilerplate is removed first; offsets index ``report.article.text``."""
    article = article_from_text(text, title=title, url=url, published=published, settings=settings)
    return analyze_article(article, settings=settings)


def analyze_article(article: Article, *, settings: Settings | None = None) -> Report:
    """Analyse an Article as it is (its text is not cleaned again)."""
    from geo.nlp import load_pipeline, model_name

    online = _online_geocoder(settings)
    nlp = load_pipeline(settings)
    return report_from_doc(article, nlp(article.text), model_name(nlp), online=online)


def report_from_doc(article: Article, doc: Doc, model: str, *, online: CandidateSource | None = None) -> Report:
    """The Report of ``article`` from its parsed ``doc`` (``nlp(article.text)``, one by one or from ``nlp.pipe``)."""
    from geo.events import extract_events
    from geo.gazetteer import default_gazetteer
    from geo.resolve import resolve_doc
    from geo.sources import extract_sources, link_sources
    from geo.syntax import sentences

    toponyms = [t for t in _with_fallbacks(resolve_doc(doc, default_gazetteer(), _online_step(online)), None)
                if not t.demonym]
    sents = sentences(doc)
    attacks, responses = extract_events(doc, toponyms, published=article.published, sents=sents)
    sources = extract_sources(doc, sents)
    return Report(
        article=article,
        places=tuple(places_from_toponyms(toponyms)),
        attacks=tuple(link_sources(attacks, sources)),
        responses=tuple(link_sources(responses, sources)),
        sources=tuple(sources),
        meta={"geobrief": __version__, "model": model},
    )


def geoparse(
    text: str, *, spans: Sequence[tuple[int, int]] | None = None, settings: Settings | None = None
) -> list[Toponym]:
    """Find and resolve the place names of ``text`` (offsets index ``text`` itself, uncleaned).

    Without ``spans``, demonyms and country adjectives ("Syrian", "Russians") are returned too,
    resolved to their country with ``demonym=True`` (reports never draw them as places).
    With ``spans`` (character offsets), resolve exactly those: one Toponym per span, in
    order, read in the context of the other places the text names. A name the gazetteer does not
    know is placed approximately at the nearest town named around it (kind "other", low
    confidence, "X (near Town)"); with none, lat/lon are None.
    """
    from geo.gazetteer import default_gazetteer
    from geo.nlp import load_pipeline
    from geo.resolve import resolve_doc, resolve_spans_in_context

    if not isinstance(text, str):
        raise InputError(f"Expected text as a string, got {type(text).__name__}.")
    checked = None if spans is None else [_checked_span(span, len(text)) for span in spans]
    online = _online_geocoder(settings)
    nlp = load_pipeline(settings)
    if len(text) > nlp.max_length:
        raise InputError(f"The text is {len(text):,} characters long; the limit is {nlp.max_length:,}.")
    doc = nlp(text)
    if checked is None:
        return _with_fallbacks(resolve_doc(doc, default_gazetteer(), _online_step(online)), None)
    given, context = resolve_spans_in_context(doc, checked, default_gazetteer())
    return _with_fallbacks(given, online, context)


def _online_geocoder(settings: Settings | None) -> CandidateSource | None:
    """The Nominatim fallback when GEOBRIEF_ONLINE is on (a GeoError if it is misconfigured), else None."""
    settings = settings or Settings.from_env()
    if not settings.online_geocoding:
        return None
    from geo.online import default_online_geocoder

    return default_online_geocoder(settings)


def _online_step(online: CandidateSource | None) -> Callable[[list[Toponym]], list[Toponym]] | None:
    """The online geocoder as the resolver of names the gazetteer does not know, when it is on."""
    if online is None:
        return None
    from geo.online import resolve_unresolved

    return lambda toponyms: resolve_unresolved(toponyms, online)


def _with_fallbacks(toponyms: list[Toponym], online: CandidateSource | None,
                    context: Sequence[Toponym] = ()) -> list[Toponym]:
    """Names the gazetteer could not resolve: the online geocoder when it is on, then an
    approximate location from the places around them (``geo.approximate``), among them the
    ``context``: other places of the text, not returned."""
    from geo.approximate import locate_by_context

    if online is not None:
        from geo.online import resolve_unresolved

        toponyms = resolve_unresolved(toponyms, online)
    return locate_by_context(toponyms, context)


def _checked_span(span: Sequence[int], length: int) -> tuple[int, int]:
    try:
        start, end = (int(span[0]), int(span[1]))
    except (TypeError, ValueError, IndexError) as exc:
        raise InputError(f"A span must be a (start, end) pair of character offsets, got {span!r}.") from exc
    if not 0 <= start < end <= length:
        raise InputError(f"Span {start}-{end} lies outside the text (0-{length}).")
    return start, end


def places_from_toponyms(toponyms: Sequence[Toponym]) -> list[Place]:
    """One Place per distinct place, in order of first mention, with every mention."""
    grouped: dict[str, list[Toponym]] = {}
    for toponym in toponyms:
        grouped.setdefault(toponym.place_key, []).append(toponym)
    places = []
    for key, group in grouped.items():
        best = max(group, key=lambda t: t.confidence)
        places.append(
            Place(
                key=key,
                name=best.name or best.text,
                kind=best.kind,
                country=best.country,
                lat=best.lat,
                lon=best.lon,
                geonameid=best.geonameid,
                confidence=best.confidence,
                mentions=tuple(TextSpan(t.text, t.start, t.end) for t in group),
                admin1=best.admin1,
                alternatives=best.alternatives,
            )
        )
    return places
