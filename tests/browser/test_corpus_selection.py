"""The Corpus page's selection in a real browser: a click on a row of Attacks, or on a map symbol,
selects its merged event, whose card lists each report with its evidence marked. (AppTest cannot
click a table row nor a map symbol.) The corpus, the dashboard and the browser are those of
tests/browser/test_corpus.py."""

from __future__ import annotations

import pytest

from geo.dashboard.corpus_view import load_view
from tests.browser.support import MAP_FRAME, sync_api, wait_for_idle
from tests.browser.test_corpus import Session, _corpus_page, _wait_for, corpus_dashboard, corpus_db, session

pytestmark = pytest.mark.browser
__all__ = ["corpus_dashboard", "corpus_db", "session"]  # the fixtures this module shares

CARD = ".st-key-corpus_event_card"


def _card_text(page: sync_api.Page) -> str:
    card = page.locator(CARD)
    return " ".join(card.inner_text().split()) if card.count() else ""


def test_a_row_of_attacks_selects_its_event_and_marks_each_reports_evidence(session: Session,
                                                                           corpus_dashboard: str) -> None:
    first = load_view(session.db).attacks[0]
    with _corpus_page(session, corpus_dashboard, "", "row-selection") as page:
        table = page.get_by_test_id("stDataFrame").filter(has=page.locator("[data-testid]")).nth(1)  # the Attacks panel
        table.scroll_into_view_if_needed()
        box = table.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 12, box["y"] + 38 + 38)  # the first row's selection cell
        _wait_for(lambda: page.locator(f"{CARD} mark").count() == len(first.reports), "no card after a row click")
        wait_for_idle(page)
        text = _card_text(page)
        assert first.to_dict()["summary"].split()[0] in text and f"Reported by {first.corroboration} outlet" in text
        marks = page.locator(f"{CARD} mark")
        assert marks.count() == len(first.reports)
        assert all(r.event.evidence.text.split()[0] in marks.nth(i).inner_text() for i, r in enumerate(first.reports))


def test_a_map_symbol_selects_the_event_drawn_there(session: Session, corpus_dashboard: str) -> None:
    with _corpus_page(session, corpus_dashboard, "", "map-selection") as page:
        assert page.locator(CARD).count() == 0
        page.frame_locator(MAP_FRAME).locator(".geobrief-attack, .geobrief-both").first.dispatch_event("click")
        _wait_for(lambda: page.locator(f"{CARD} mark").count() >= 1, "no card with marked evidence after a map click")
        assert "Reported by" in _card_text(page)
