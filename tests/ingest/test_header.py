"""geo.ingest.header: the title, URL, date and outlet written above an article's text."""

from __future__ import annotations

from datetime import date

import pytest

from geo.errors import InputError
from geo.ingest.files import article_from_upload, title_from_name
from geo.ingest.header import NO_HEADER, ArticleHeader, outlet_of, parse_header_date, split_header

BODY = "Rockets struck the port of Zarvika on Tuesday, the governor said.\n\nTwo people were hurt."


def test_url_and_date_lines_are_a_header() -> None:
    header, rest = split_header(f"https://news.example.org/2024/zarvika-port\n2024-05-01\n\n{BODY}")
    assert header == ArticleHeader(url="https://news.example.org/2024/zarvika-port", published=date(2024, 5, 1))
    assert rest == BODY


def test_a_headline_with_a_url_or_date_becomes_the_title() -> None:
    header, rest = split_header(f"Rockets hit Zarvika port\nMay 1, 2024\n\n{BODY}")
    assert (header.title, header.published) == ("Rockets hit Zarvika port", date(2024, 5, 1))
    assert rest == BODY


def test_named_lines_are_read_by_their_names() -> None:
    header, _ = split_header(f"Title: Strike on Zarvika\nSource: Example Wire\nDate: 3 June 2023\n\n{BODY}")
    assert header == ArticleHeader(title="Strike on Zarvika", outlet="Example Wire", published=date(2023, 6, 3))


def test_front_matter_is_read_and_removed() -> None:
    text = f"---\ntitle: 'Strike on Zarvika: two hurt'\noutlet: Example Wire\ndate: 2023-06-03\nlang: en\n---\n{BODY}"
    header, rest = split_header(text)
    assert header == ArticleHeader(title="Strike on Zarvika: two hurt", outlet="Example Wire",
                                   published=date(2023, 6, 3), language="en")
    assert rest == BODY


def test_a_text_that_starts_with_its_headline_and_a_paragraph_keeps_both() -> None:
    text = f"Rockets hit Zarvika port\n\n{BODY}"
    assert split_header(text) == (NO_HEADER, text)
    assert split_header(BODY) == (NO_HEADER, BODY)  # a first paragraph is no header


def test_a_dateline_sentence_is_not_a_date_line() -> None:
    text = f"2024-05-01 was a quiet day until noon.\n\n{BODY}"
    assert split_header(text) == (NO_HEADER, text)


def test_a_date_in_the_future_is_refused_with_a_clear_message() -> None:
    with pytest.raises(InputError, match="2031-01-02 is in the future"):
        split_header(f"https://news.example.org/x\n2031-01-02\n\n{BODY}")
    assert parse_header_date("2024-05-01", today=date(2024, 5, 1)) == date(2024, 5, 1)


def test_unreadable_front_matter_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="front matter .* cannot be read"):
        split_header(f"---\ntitle: [unclosed\n---\n{BODY}")


def test_a_url_names_its_registered_domain_as_outlet() -> None:
    assert outlet_of("https://news.example.co.uk/world/1") == "example.co.uk"
    assert outlet_of("https://www.example.org/a") == "example.org"
    assert outlet_of("no address") is None and outlet_of(None) is None


def test_an_uploaded_text_file_takes_its_identity_from_its_header() -> None:
    data = f"Rockets hit Zarvika port\nhttps://www.example-wire.org/zarvika\n2024-05-01\n\n{BODY}".encode()
    article = article_from_upload("zarvika.txt", data)
    assert (article.title, article.url, article.published, article.outlet) == (
        "Rockets hit Zarvika port", "https://www.example-wire.org/zarvika", date(2024, 5, 1), "example-wire.org")
    assert article.text == BODY


def test_a_file_with_nothing_else_is_named_by_its_file_name() -> None:
    article = article_from_upload("07_zarvika-port_strike.txt", BODY.encode())
    assert article.title == "07 zarvika port strike" == title_from_name("07_zarvika-port_strike.txt")
    assert article.published is None


def test_a_wiki_heading_line_is_a_title_without_its_marks() -> None:
    text = f"https://en.example.org/wiki/Zarvika\n2023-06-03\n\n= Zarvika port strike =\n\n{BODY}"
    article = article_from_upload("page.txt", text.encode())
    assert article.title == "Zarvika port strike"
