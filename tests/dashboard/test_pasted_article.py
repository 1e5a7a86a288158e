"""geo.dashboard.articles.pasted_article: a text pasted on the Brief page, named by its header."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dashboard import ArticleDetails, pasted_article
from geo.errors import InputError

BODY = "Shelling hit the market of Velbrod on Sunday, the mayor said.\n\nThree people were hurt."


def test_a_pasted_header_names_the_article_and_is_not_analysed() -> None:
    article = pasted_article(f"Shelling hits Velbrod market\nhttps://www.example-post.org/velbrod\n2023-03-05\n\n{BODY}")
    assert (article.title, article.url, article.outlet, article.published) == (
        "Shelling hits Velbrod market", "https://www.example-post.org/velbrod", "example-post.org", date(2023, 3, 5))
    assert article.text == BODY


def test_what_the_analyst_types_goes_over_the_header() -> None:
    details = ArticleDetails.typed("Velbrod market shelled", "", "https://news.example.net/velbrod")
    article = pasted_article(f"https://www.example-post.org/velbrod\n2023-03-05\n\n{BODY}", date(2023, 3, 6), details)
    assert (article.title, article.url, article.published) == (
        "Velbrod market shelled", "https://news.example.net/velbrod", date(2023, 3, 6))
    assert article.outlet == "example-post.org"  # the header's URL named it; the typed URL names none over it


def test_a_typed_url_names_the_outlet_of_a_text_without_one() -> None:
    article = pasted_article(BODY, None, ArticleDetails.typed("", "", "https://news.example.net/velbrod"))
    assert article.outlet == "example.net"


def test_a_pasted_header_date_in_the_future_is_refused() -> None:
    with pytest.raises(InputError, match="in the future"):
        pasted_article(f"https://www.example-post.org/velbrod\n2031-03-05\n\n{BODY}")
