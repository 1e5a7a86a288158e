"""The articles behind shared links: a pasted article is saved to the corpus store, and a link's
article is read back from it. The article's id is the SHA-256 of its text (the store's key).

    article_id = save_for_link(report)          # StoreError when the store cannot be written
    report = load_linked(article_id)            # StoreError when it is not there
    save_place_correction(article_id, place, candidate)   # the analyst's reading, for the link too

The store is opened per call and closed at once, so a writer elsewhere is never kept out; a link's
article is read read-only, beside an ingest (geo.dashboard.store_access: a busy corpus is waited for a
moment, and no error names the server's database file).
``ArticleDetails`` is the title, outlet and URL an analyst types for a pasted article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from geo.corpus import corrections_for_place, default_db_path
from geo.dashboard.store_access import reading, writing
from geo.errors import InputError
from geo.ingest import article_from_text, outlet_of, split_header
from geo.model import Article, Candidate, Place, Report


def save_for_link(report: Report, db_path: Path | None = None, *, analyzer_version: str | None = None) -> str:
    """Store the report (unchanged when the text is already stored by this analyzer); its id."""
    if analyzer_version is None:
        from geo.corpus import analyzer_version as current_analyzer_version

        analyzer_version = current_analyzer_version()
    with writing(db_path or default_db_path()) as store:
        store.save_report(report, analyzer_version=analyzer_version)
    return report.article.text_sha256


def load_linked(article_id: str, db_path: Path | None = None) -> Report:
    """The stored report of ``article_id``, with the corrections stored for it applied."""
    with reading(db_path or default_db_path()) as store:
        return store.load_report(article_id, corrected=True)


def is_stored(article_id: str, db_path: Path | None = None) -> bool:
    with reading(db_path or default_db_path()) as store:
        return store.analyzer_version_of(article_id) is not None


def save_place_correction(article_id: str, place: Place, candidate: Candidate | None,
                          db_path: Path | None = None) -> None:
    """Store the analyst's reading of a place (``None``: dropped) for every mention of it."""
    with writing(db_path or default_db_path()) as store:
        store.save_corrections(corrections_for_place(article_id, place, candidate))


def delete_place_corrections(article_id: str, db_path: Path | None = None) -> int:
    """Forget the analyst's place corrections of one article; how many mention decisions were removed."""
    with writing(db_path or default_db_path()) as store:
        return store.delete_corrections(article_id)


@dataclass(frozen=True)
class ArticleDetails:
    """What the analyst types about a pasted or uploaded article: its title, outlet and URL (blank:
    what the text or file says)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None

    @classmethod
    def typed(cls, title: str, outlet: str, url: str) -> ArticleDetails:
        """From the form's fields; InputError for a URL that is not a web address."""
        url = url.strip()
        if url and urlsplit(url).scheme.lower() not in ("http", "https"):
            raise InputError(f"the URL must start with http:// or https:// (got {url[:60]!r})")
        if url and not urlsplit(url).netloc:
            raise InputError(f"the URL has no host name (got {url[:60]!r})")
        return cls(" ".join(title.split()) or None, " ".join(outlet.split()) or None, url or None)

    def applied_to(self, article: Article) -> Article:
        """``article`` with the typed details over its own."""
        return replace(article, title=self.title or article.title, url=self.url or article.url,
                       outlet=self.outlet or article.outlet or outlet_of(self.url))


NO_DETAILS = ArticleDetails()


def pasted_article(text: str, published: date | None = None, details: ArticleDetails = NO_DETAILS) -> Article:
    """A pasted text as an Article: a header at its top ("Title / URL / date" lines or front matter,
    geo.ingest.header) names it and is not analysed; the date and details typed go over it."""
    header, body = split_header(text)
    article = article_from_text(body, title=header.title, url=header.url, outlet=header.outlet,
                                published=published or header.published)
    return details.applied_to(article)
