"""Property tests (hypothesis) over ingest and analysis: only GeoError escapes, every offset lies
within the text, and every span's text is the text it points to. Example counts are kept small."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import geo  # noqa: E402
from geo.errors import GeoError  # noqa: E402
from geo.ingest import article_from_text, article_from_upload, decode_bytes, markdown_to_text  # noqa: E402
from geo.ingest.fetch import Fetched, FetchPolicy, check_url, feed_entries  # noqa: E402
from geo.model import Report, TextSpan  # noqa: E402

FEW = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = (
    "Kharkiv", "Aleppo", "Deir ez-Zor", "Gaza", "Rafah", "Odesa", "Paris, Texas", "the city of Homs", "Syria",
    "Russian", "forces", "shelled", "struck", "killing", "three", "civilians", "12", "drones", "on Monday",
    "according to", "Reuters", "the governor said", "In response,", "army", "attacked", "near", "province",
    "<script>alert(1)</script>", "**bold**", "[link](javascript:alert(1))", "Photo: AFP", "©", "\u200b", "😀",
    "Харків", "حلب", "l'OSDH", "“quoted”", "—", "...", "\t",
)
SEPARATORS = (" ", " ", ", ", ". ", "\n", "\n\n", "; ", " - ")


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    """Texts of conflict-news words, place names, markup and odd characters."""
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), min_size=0, max_size=60))
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, separators))


def spans_of(report: Report) -> list[TextSpan]:
    spans = [m for place in report.places for m in place.mentions]
    for event in report.events:
        spans.append(event.evidence)
        spans.extend(event.mentions)
    spans.extend(claim for source in report.sources for claim in source.claims)
    return spans


def assert_spans_point_at_their_text(report: Report) -> None:
    text = report.article.text
    for span in spans_of(report):
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start:span.end] == span.text, span


@FEW
@given(article_texts())
def test_analysis_gives_a_sound_report_or_a_geo_error(text: str) -> None:
    try:
        report = geo.analyze(text)
    except GeoError:
        return
    assert_spans_point_at_their_text(report)
    assert report.to_dict()["article"]["text_sha256"] == report.article.text_sha256


@FEW
@given(article_texts())
def test_many_at_once_is_as_sound(text: str) -> None:
    try:
        article = article_from_text(text)
    except GeoError:
        return
    (report,) = geo.analyze_many([article])
    assert_spans_point_at_their_text(report)


@FEW
@given(article_texts(), st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=4))
def test_geoparse_with_spans_stays_in_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    try:
        toponyms = geo.geoparse(text, spans=spans)
    except GeoError:
        assert any(not 0 <= start < end <= len(text) for start, end in spans)
        return
    assert len(toponyms) == len(spans)
    for toponym in toponyms:
        assert 0 <= toponym.start < toponym.end <= len(text)
        assert text[toponym.start:toponym.end] == toponym.text


@FEW
@given(article_texts())
def test_geoparse_offsets_index_the_text(text: str) -> None:
    try:
        toponyms = geo.geoparse(text)
    except GeoError:
        return
    for toponym in toponyms:
        assert text[toponym.start:toponym.end] == toponym.text


@FEW
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "b.md", "c.html", "d.pdf", "e.docx", "noext"]))
def test_uploads_give_an_article_or_a_geo_error(data: bytes, name: str) -> None:
    try:
        article = article_from_upload(name, data)
    except GeoError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    assert article.text.strip() and "\x00" not in article.text


@FEW
@given(st.one_of(st.binary(max_size=300), article_texts().map(lambda t: t.encode("utf-8"))))
def test_decoding_and_cleaning_only_raise_geo_errors(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except GeoError:
        return
    prose, _ = markdown_to_text(text)
    try:
        article = article_from_text(prose)
    except GeoError:
        return
    assert article.text == article.text.strip() and article.text


@FEW
@given(st.text(max_size=80))
def test_any_url_string_is_checked_without_a_crash(url: str) -> None:
    try:
        check_url(url, FetchPolicy(), resolver=lambda host: ["93.184.216.34"])
    except GeoError as exc:
        assert "\n" not in str(exc)


@FEW
@given(st.binary(max_size=600))
def test_any_feed_body_gives_entries_or_a_geo_error(body: bytes) -> None:
    feed = b"<?xml version='1.0'?><rss version='2.0'><channel>" + body
    try:
        entries = feed_entries(Fetched(url="http://news.example/feed", content_type="application/rss+xml", body=feed))
    except GeoError:
        return
    assert all(entry.url for entry in entries)
