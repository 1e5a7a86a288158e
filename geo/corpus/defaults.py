"""What the analyst knows of every article of an ingest run: its outlet and its publication date.

    defaults = ArticleDefaults(outlet="Example News", published=parse_published("2024-05-01"))
    article = defaults.applied_to(article)

``python -m geo ingest FOLDER --outlet NAME --published YYYY-MM-DD`` says "this folder is from X, of that
day". The article's own metadata (a header or front matter, a page's site name or date, a URL's domain)
wins: the defaults only fill what it leaves empty. They are applied when an article is read, before it is
analysed, so the date also anchors the days an article names ("on Wednesday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from geo.errors import InputError
from geo.model import Article

MAX_OUTLET_CHARS = 300
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_published(value: str, today: date | None = None) -> date:
    """A publication date written YYYY-MM-DD; an InputError when it is anything else or in the future."""
    text = value.strip()
    try:
        day = date.fromisoformat(text) if _ISO_DAY.match(text) else None
    except ValueError:
        day = None
    if day is None:
        raise InputError(f"Not a date in the form YYYY-MM-DD: {value!r}.")
    _check_not_future(day, today)
    return day


def _check_not_future(day: date, today: date | None = None) -> None:
    today = today or datetime.now(timezone.utc).date()
    if day > today:
        raise InputError(f"The publication date {day.isoformat()} is in the future.")


@dataclass(frozen=True, slots=True)
class ArticleDefaults:
    """The outlet and the publication date of the articles that name none of their own."""

    outlet: str | None = None
    published: date | None = None

    def __post_init__(self) -> None:
        if self.outlet is not None:
            outlet = " ".join(self.outlet.split())
            if not outlet:
                raise InputError("The outlet is empty: give its name, or leave --outlet out.")
            object.__setattr__(self, "outlet", outlet[:MAX_OUTLET_CHARS])
        if self.published is not None:
            _check_not_future(self.published)

    def applied_to(self, article: Article) -> Article:
        """``article`` with the defaults where it has no outlet or no date of its own."""
        outlet = article.outlet or self.outlet
        published = article.published or self.published
        if (outlet, published) == (article.outlet, article.published):
            return article
        return replace(article, outlet=outlet, published=published)


NO_DEFAULTS = ArticleDefaults()
