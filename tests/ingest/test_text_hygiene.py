"""Text hygiene (geo.ingest.text.normalize_characters): before analysis, text is NFC and free of zero-width and
bidirectional control characters, so "Ale<ZWJ>ppo" is read as Aleppo and every offset indexes the cleaned text."""

from __future__ import annotations

import unicodedata

import pytest

from geo.ingest import article_from_text
from geo.characters import BIDI_CONTROLS, ZERO_WIDTH, normalize_characters
from geo.ingest.text import clean_text

ZWJ, ZWNJ, RLO, PDF_ = "\u200d", "\u200c", "\u202e", "\u202c"


@pytest.mark.parametrize("char", list(ZERO_WIDTH + BIDI_CONTROLS))
def test_every_invisible_control_is_removed(char: str) -> None:
    assert normalize_characters(f"Ale{char}ppo") == "Aleppo"


def test_the_listed_characters_are_the_ones_the_issue_names() -> None:
    named = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F),
             *range(0x2066, 0x206A)}
    assert named <= {ord(c) for c in ZERO_WIDTH + BIDI_CONTROLS}
    assert {ord(c) for c in ZERO_WIDTH + BIDI_CONTROLS} - named == {0x00AD}  # and the soft hyphen


def test_text_is_nfc_and_visible_text_is_kept() -> None:
    decomposed = "Dnipro\u0301 and Ko\u0308ln"  # combining accents
    assert normalize_characters(decomposed) == unicodedata.normalize("NFC", decomposed) == "Dnipró and Köln"
    arabic = "\u062d\u0644\u0628 \u0648\u062f\u0645\u0634\u0642"  # Aleppo and Damascus in Arabic script
    assert normalize_characters(arabic) == arabic
    assert normalize_characters("Deir ez-Zor\u00a0\U0001f525") == "Deir ez-Zor\u00a0\U0001f525"


def test_a_persian_zero_width_non_joiner_is_removed_too() -> None:
    """A choice: the non-joiner is Persian spelling, but a matcher reads the word better without it."""
    assert normalize_characters(f"\u0645\u06cc{ZWNJ}\u0634\u0648\u062f") == "\u0645\u06cc\u0634\u0648\u062f"


def test_an_article_is_cleaned_its_title_and_outlet_too() -> None:
    article = article_from_text(f"Shelling hit Ale{ZWJ}ppo.\n\nThe {RLO}Syrian{PDF_} Observatory said so.",
                                title=f"Ale{ZWJ}ppo shelled", outlet=f"The {RLO}Monitor{PDF_}")
    assert article.text == "Shelling hit Aleppo.\n\nThe Syrian Observatory said so."
    assert article.title == "Aleppo shelled" and article.outlet == "The Monitor"
    assert clean_text("\ufeffKharkiv\u200b shelled")[0] == "Kharkiv shelled"


def test_a_joined_name_geocodes_and_the_offsets_index_the_analysed_text() -> None:
    import geo

    text = (f"Shelling hit eastern Ale{ZWJ}ppo on Tuesday, killing three civilians, the {RLO}Syrian{PDF_} "
            f"Observatory for Human Rights said.\u2066\u2069 Residents of Id\u200blib fled north.")
    report = geo.analyze(text)
    assert report.article.text == ("Shelling hit eastern Aleppo on Tuesday, killing three civilians, the Syrian "
                                   "Observatory for Human Rights said. Residents of Idlib fled north.")
    aleppo = next(p for p in report.places if p.name == "Aleppo")
    assert aleppo.country == "SY" and aleppo.lat == pytest.approx(36.2, abs=0.1)
    spans = [m for p in report.places for m in p.mentions]
    spans += [span for e in report.events for span in (e.evidence, *e.mentions)]
    spans += [claim for s in report.sources for claim in s.claims]
    assert any(m.text == "Aleppo" for m in spans)
    for span in spans:
        assert report.article.text[span.start:span.end] == span.text
