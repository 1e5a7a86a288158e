"""The analysis path: text -> spaCy Doc -> toponyms, places, events, sources -> Report.

One article (``analyze``, ``analyze_article``) or many at once (``analyze_many``,
``analyze_articles``: spaCy's ``nlp.pipe`` under the same code)::

    report = geo.analyze(text, published=date(2023, 11, 9))
    for report in geo.analyze_many(texts, batch_size=64):
        ...

The spaCy pipeline and the gazetteer index are loaded once per process (``geo.nlp.load_pipeline``
and ``geo.gazetteer.default_gazetteer`` are cached); every parsed Doc becomes its Report through
``report_from_doc``, so a text gives the same Report either way.

The orchestrator: it may import every wing that analyses (ingest, gazetteer, places, events) and
``geo.nlp``; nothing that analyses imports it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Union

from geo.errors import GeoError, InputError
from geo.ingest import article_from_text
from geo.model import Article, Place, Report, TextSpan, Toponym
from geo.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from geo.places import CandidateSource, Geocode

__version__ = "0.1.0"
DEFAULT_BATCH_SIZE = 32
TextOrArticle = Union[str, Article]


def analyze(
    text: str,
    *,
    published: date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
) -> Report:
    """Analyse one article's text. Page boilerplate is removed first; offsets index ``report.article.text``."""
    article = article_from_text(text, title=title, url=url, published=published, outlet=outlet, settings=settings)
    return analyze_article(article, settings=settings)


def analyze_article(article: Article, *, settings: Settings | None = None) -> Report:
    """Analyse an Article as it is (its text is not cleaned again)."""
    from geo.nlp import load_pipeline, model_name, parse

    online = _online_geocoder(settings)
    nlp = load_pipeline(settings)
    return report_from_doc(article, parse(nlp, article.text), model_name(nlp), online=online)


HOME_SHARE = 0.6  # of the places a text names, the share in one country that makes it the story's country
HOME_MIN = 3


def _home_country(toponyms: Sequence[Toponym]) -> str | None:
    """The country a story is set in: where most of the places it names lie (None when it spans several)."""
    countries = Counter(t.country for t in toponyms if t.resolved and t.country)
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    return country if count >= HOME_MIN and count >= HOME_SHARE * sum(countries.values()) else None


def report_from_doc(article: Article, doc: Doc, model: str, *, online: CandidateSource | None = None) -> Report:
    """The Report of ``article`` from its parsed ``doc`` (``nlp(article.text)``, one by one or from ``nlp.pipe``)."""
    from geo.events import extract_events, extract_sources, link_sources
    from geo.gazetteer import default_gazetteer
    from geo.places import resolve_doc
    from geo.syntax import doc_text, sentences

    toponyms = [t for t in _with_fallbacks(resolve_doc(doc, default_gazetteer(), _online_step(online)), None,
                                           text=doc_text(doc)) if not t.demonym]
    sents = sentences(doc)
    attacks, responses = extract_events(doc, toponyms, published=article.published, sents=sents)
    home = _home_country(toponyms)
    sources = extract_sources(doc, sents, url=article.url,
                              home=default_gazetteer().demonym_of(home, doc.text) if home else None)
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
    confidence, "X (near Town)"); with none, lat/lon are None. A text that is only a known name
    ("Netanya", "Albu Kamal") is that place, though no sentence around it says so.
    """
    from geo.gazetteer import default_gazetteer
    from geo.nlp import load_pipeline, parse
    from geo.places import resolve_doc, resolve_spans_in_context

    if not isinstance(text, str):
        raise InputError(f"Expected text as a string, got {type(text).__name__}.")
    checked = None if spans is None else [_checked_span(span, len(text)) for span in spans]
    online = _online_geocoder(settings)
    nlp = load_pipeline(settings)
    if len(text) > nlp.max_length:
        raise InputError(f"The text is {len(text):,} characters long; the limit is {nlp.max_length:,}.")
    doc = parse(nlp, text)
    if checked is None:
        found = _with_fallbacks(resolve_doc(doc, default_gazetteer(), _online_step(online)), None, text=text)
        bare = _bare_name(text)
        if found or bare is None or not any(
                c.score >= 0.97 for c in default_gazetteer().candidates(text[bare[0]:bare[1]], limit=5, fuzzy=False)):
            return found
        checked = [bare]  # "Netanya", "Albu Kamal": a known name alone, with no sentence to tag it
    given, context = resolve_spans_in_context(doc, checked, default_gazetteer())
    return _with_fallbacks(given, online, context, text=text)


_BARE_NAME_WORDS = 4


def _bare_name(text: str) -> tuple[int, int] | None:
    """The offsets of a text that is only a short name (a few capitalised words, one line)."""
    stripped = text.strip()
    words = stripped.split()
    if not words or len(words) > _BARE_NAME_WORDS or "\n" in stripped or not stripped[:1].isupper():
        return None
    if any(ch in stripped for ch in ".!?;:"):
        return None
    start = text.index(stripped)
    return start, start + len(stripped)


@dataclass(frozen=True, slots=True)
class AnalysisFailure:
    """An article that could not be analysed, with the one-line reason (from a GeoError)."""

    article: Article
    reason: str


def geocode(description: str, *, settings: Settings | None = None) -> Geocode | None:
    """Read a location description as analysts and event datasets write them ("Mutongo village in
    Walikale territory", "near Podgorodnoye (Donetsk region)", "Daraa: Nahta", "Bagram airbase")
    and return the finest place it names, with its province, district and country and a
    confidence; None when it names no known place. The gazetteers added under the cache dir count.
    """
    from geo.gazetteer import Gazetteer, default_gazetteer
    from geo.places import geocode_description

    if not isinstance(description, str):
        raise InputError(f"Expected a description as a string, got {type(description).__name__}.")
    if not description.strip():
        raise InputError("The location description is empty.")
    if len(description) > _MAX_DESCRIPTION:
        raise InputError(f"A location description is at most {_MAX_DESCRIPTION} characters; "
                         f"this one has {len(description):,}.")
    if settings is None:
        return geocode_description(description, default_gazetteer())
    gazetteer = Gazetteer.open(settings)
    try:
        return geocode_description(description, gazetteer)
    finally:
        gazetteer.close()


_MAX_DESCRIPTION = 500


def analyze_many(
    texts: Iterable[TextOrArticle],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    published: date | None = None,
    settings: Settings | None = None,
) -> Iterator[Report]:
    """Analyse many texts (cleaned as ``geo.analyze`` cleans them) or Articles (taken as they are).

    Reports come back lazily and in order. ``n_process`` > 1 parses in that many worker processes
    (spaCy's multiprocessing); ``published`` applies to the texts given as strings. A text that
    cannot be analysed (empty, binary, too long) raises its InputError when the stream reaches it.
    """
    settings = settings or Settings.from_env()
    articles = (_as_article(item, published, settings) for item in texts)
    for outcome in analyze_articles(articles, n_process=n_process, batch_size=batch_size, settings=settings):
        if isinstance(outcome, AnalysisFailure):
            raise InputError(outcome.reason)
        yield outcome


def analyze_articles(
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    settings: Settings | None = None,
) -> Iterator[Report | AnalysisFailure]:
    """One Report per Article, in order; an article longer than ``settings.max_text_chars`` or
    whose analysis raises a GeoError gives an AnalysisFailure instead, and the stream goes on
    (what a long ingest needs)."""
    from geo.nlp import PIECE_CHARS, load_pipeline, model_name, parse

    if n_process < 1 and n_process != -1:
        raise InputError(f"n_process must be a positive number of processes (or -1 for all cores), not {n_process}.")
    if batch_size < 1:
        raise InputError(f"batch_size must be at least 1, not {batch_size}.")
    settings = settings or Settings.from_env()
    online = _online_geocoder(settings)
    nlp = load_pipeline(settings)
    model = model_name(nlp)
    limit = min(settings.max_text_chars, nlp.max_length)

    def pairs() -> Iterator[tuple[str, tuple[Article, str | None]]]:
        for article in articles:
            too_long = len(article.text) > limit
            reason = f"The text is {len(article.text):,} characters long; the limit is {limit:,} (GEOBRIEF_MAX_TEXT_CHARS)."
            apart = too_long or len(article.text) > 2 * PIECE_CHARS  # a long one is parsed in pieces, below
            yield ("" if apart else article.text), (article, reason if too_long else None)

    for doc, (article, refused) in nlp.pipe(pairs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        if refused:
            yield AnalysisFailure(article, refused)
            continue
        try:
            if len(article.text) > 2 * PIECE_CHARS:
                doc = parse(nlp, article.text)
            yield report_from_doc(article, doc, model, online=online)
        except GeoError as exc:
            yield AnalysisFailure(article, str(exc))


def _as_article(item: TextOrArticle, published: date | None, settings: Settings) -> Article:
    if isinstance(item, Article):
        return item
    return article_from_text(item, published=published, settings=settings)


def _online_geocoder(settings: Settings | None) -> CandidateSource | None:
    """The Nominatim fallback when GEOBRIEF_ONLINE is on (a GeoError if it is misconfigured), else None."""
    settings = settings or Settings.from_env()
    if not settings.online_geocoding:
        return None
    from geo.places import default_online_geocoder

    return default_online_geocoder(settings)


def _online_step(online: CandidateSource | None) -> Callable[[list[Toponym]], list[Toponym]] | None:
    """The online geocoder as the resolver of names the gazetteer does not know, when it is on."""
    if online is None:
        return None
    from geo.places import resolve_unresolved

    return lambda toponyms: resolve_unresolved(toponyms, online)


def _with_fallbacks(toponyms: list[Toponym], online: CandidateSource | None,
                    context: Sequence[Toponym] = (), *, text: str = "") -> list[Toponym]:
    """Names the gazetteer could not resolve: the online geocoder when it is on, then an
    approximate location from the places around them (``geo.places.approximate``), among them the
    ``context``: other places of the text (not returned); ``text``: the text they were read in."""
    from geo.gazetteer import default_gazetteer
    from geo.places import locate_by_context

    if online is not None:
        from geo.places import resolve_unresolved

        toponyms = resolve_unresolved(toponyms, online)
    gazetteer = default_gazetteer()
    return locate_by_context(toponyms, context, text=text,
                             is_capital=lambda t: t.geonameid is not None and gazetteer.is_capital_id(t.geonameid))


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
