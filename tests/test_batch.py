"""geo.analyze_many: nlp.pipe under the analysis, the same Reports as one article at a time."""

from __future__ import annotations

from datetime import date

import pytest

import geo
from geo.ingest import article_from_text
from geo.model import Article
from geo.pipeline import AnalysisFailure, analyze_articles
from tests.corpus_helpers import conflict_article_html

TEXTS = [
    "Russian forces shelled Kharkiv on Monday, killing three civilians and wounding five, the regional governor said.",
    "Ukrainian air defences shot down 12 drones over Odesa overnight, the air force said. Debris fell in Izmail.",
    "Syrian government aircraft struck Idlib and Maarat al-Numan on Tuesday, according to the Syrian Observatory "
    "for Human Rights. In response, rebels shelled positions near Aleppo.",
    "The committee met in the morning and agreed on nothing in particular.",
]


def test_reports_equal_analyze_article_one_by_one(sample_text: str) -> None:
    texts = [*TEXTS, sample_text]
    batch = list(geo.analyze_many(texts, batch_size=2, published=date(2024, 5, 2)))
    single = [geo.analyze(text, published=date(2024, 5, 2)) for text in texts]
    assert len(batch) == len(texts)
    for many, one in zip(batch, single, strict=True):
        assert many == one
        assert many.to_dict() == one.to_dict()
    assert any(report.places for report in batch) and any(report.events for report in batch)


def test_articles_are_taken_as_they_are() -> None:
    article = Article(text=TEXTS[0], title="Given title", url="https://news.example/1", outlet="Desk")
    (report,) = geo.analyze_many([article])
    assert report.article is article
    assert report == geo.analyze_article(article)


def test_a_bad_text_raises_its_input_error() -> None:
    with pytest.raises(geo.InputError, match="empty"):
        list(geo.analyze_many([TEXTS[0], "   \n  "]))


def test_failures_are_reported_in_order_and_the_stream_goes_on() -> None:
    settings = geo.pipeline.Settings(max_text_chars=200)
    long_article = Article(text="Kharkiv was shelled. " * 600)
    articles = [article_from_text(TEXTS[0]), long_article, article_from_text(TEXTS[1])]
    outcomes = list(analyze_articles(articles, settings=settings))
    assert isinstance(outcomes[0], geo.Report) and isinstance(outcomes[2], geo.Report)
    assert isinstance(outcomes[1], AnalysisFailure) and "limit" in outcomes[1].reason
    assert outcomes[2].article.text == articles[2].text


@pytest.mark.parametrize("option", [{"batch_size": 0}, {"n_process": 0}])
def test_bad_options_are_input_errors(option: dict[str, int]) -> None:
    with pytest.raises(geo.InputError):
        list(geo.analyze_many(TEXTS[:1], **option))


def test_two_processes_give_the_same_reports() -> None:
    from geo.ingest.webpage import article_from_html

    articles = [article_from_html(conflict_article_html(i)) for i in range(6)]
    parallel = list(geo.analyze_many(articles, n_process=2, batch_size=2))
    assert parallel == [geo.analyze_article(article) for article in articles]
