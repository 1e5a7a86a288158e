"""geo.exports.tables: the dashboard's panel rows, and Markdown escaping for untrusted text."""

from __future__ import annotations

from datetime import date

from geo.exports.tables import (CREDIT_COLUMNS, EVENT_COLUMNS, LOCATION_UNKNOWN, PLACE_COLUMNS, SOURCE_COLUMNS,
                                attack_rows, credit_rows, escape_markdown, place_rows, report_counts, response_rows,
                                source_rows)
from geo.model import Article, Candidate, Event, Place, Report, Source, TextSpan

TEXT = "Shells hit Townville on 3 May,\n  the mayor said. Another blast was heard."


def _span(fragment: str) -> TextSpan:
    start = TEXT.index(fragment)
    return TextSpan(fragment, start, start + len(fragment))


def _report() -> Report:
    first = _span("Shells hit Townville on 3 May,\n  the mayor said.")
    chosen = Candidate(name="Townville", kind="city", country="XA", lat=10.0, lon=20.0, geonameid=7)
    other = Candidate(name="Townville", kind="city", country="XB", lat=-5.0, lon=3.0, geonameid=8, score=0.12)
    town = Place(key="gn:7", name="Townville", kind="city", country="XA", lat=10.0, lon=20.0,
                 geonameid=7, confidence=0.876, mentions=(_span("Townville"),), admin1="North",
                 alternatives=(chosen, other))
    lost = Place(key="unresolved:x", name="Nowhere", kind="other", country=None, lat=None, lon=None,
                 geonameid=None, confidence=0.0, mentions=())
    shelling = Event(kind="attack", summary="shelling of Townville",
                     category="Shelling/artillery/missile attack", evidence=first, place="Townville",
                     place_key="gn:7", date=date(2024, 5, 3), killed=3, sources=("the mayor",))
    blast = Event(kind="attack", summary="blast", category="Attack",
                  evidence=_span("Another blast was heard."))
    mayor = Source(name="the mayor", type="official", claims=(first,), role="Mayor", via=None)
    return Report(article=Article(text=TEXT), places=(town, lost), attacks=(shelling, blast),
                  sources=(mayor,))


def test_event_rows_carry_the_sentence_and_unknown_locations() -> None:
    rows = attack_rows(_report())
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert rows[0]["evidence"] == "Shells hit Townville on 3 May, the mayor said."  # one line
    assert rows[0]["date"] == "2024-05-03" and rows[0]["killed"] == 3 and rows[0]["injured"] is None
    assert rows[0]["sources"] == "the mayor"
    assert rows[0]["mentions"] == 1 and rows[1]["mentions"] == 1
    assert rows[1]["place"] == LOCATION_UNKNOWN
    assert response_rows(_report()) == []


def test_source_rows() -> None:
    (row,) = source_rows(_report())
    assert list(row) == list(SOURCE_COLUMNS)
    assert row == {"name": "the mayor", "type": "official", "role": "Mayor", "via": "",
                   "claims": "Shells hit Townville on 3 May, the mayor said.", "claim_count": 1}


def test_place_rows_leave_the_chosen_reading_out_of_alternatives() -> None:
    town, lost = place_rows(_report())
    assert list(town) == list(PLACE_COLUMNS)
    assert town["alternatives"] == "Townville (city, XB, 12%)"  # with its probability
    assert town["confidence"] == 0.88 and town["mentions"] == 1 and town["as_written"] == "Townville"
    assert lost["lat"] is None and lost["lon"] is None


def test_report_counts() -> None:
    assert report_counts(_report()) == {"places": 2, "mapped": 1, "attacks": 2, "responses": 0,
                                        "sources": 1}


def test_escape_markdown_neutralises_links_images_maths_and_directives() -> None:
    raw = "![x](http://e.invalid/p.png) **b** $x$ :red[hot] <i>"
    escaped = escape_markdown(raw)
    assert escaped == (
        "\\!\\[x\\]\\(http\\://e\\.invalid/p\\.png\\) \\*\\*b\\*\\* \\$x\\$ \\:red\\[hot\\] \\<i\\>"
    )
    assert escape_markdown("two\nlines") == "two lines"


def test_credits_are_rows_of_their_own_not_sources() -> None:
    report = Report(article=Article(text=TEXT, credits=("Photo:\n  Jane Roe / Agency",)), sources=())
    assert credit_rows(report) == [{"credit": "Photo: Jane Roe / Agency"}]
    assert list(credit_rows(report)[0]) == list(CREDIT_COLUMNS)
    assert source_rows(report) == [] and credit_rows(_report()) == []
