"""The characters GeoBrief will not read nor write: one list of the invisible ones, for the ingest
(article text loses them before analysis) and for the exports (no file carries a bidi control).

    normalize_characters("Ale\u200dppo")          # "Aleppo", in NFC
    without_bidi_controls("Kyiv \u202esemiT")      # "Kyiv semiT"

An outlet named "Kyiv " + U+202E (right-to-left override) + "semiT ehT" reads "Kyiv The Times"; in a
CSV cell, a KML balloon or an HTML page such a control can hide or reorder what a reader checks, and a
zero-width joiner inside "Aleppo" hides the name from the gazetteer. Imports nothing of GeoBrief.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["BIDI_CONTROLS", "ZERO_WIDTH", "normalize_characters", "without_bidi_controls"]

# Zero-width space, non-joiner, joiner, word joiner, byte-order mark, and the soft hyphen.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Marks (LRM, RLM, ALM), embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069).
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_CONTROL_RE = re.compile(f"[{BIDI_CONTROLS}]")
_INVISIBLE_RE = re.compile(f"[{ZERO_WIDTH}{BIDI_CONTROLS}]")


def normalize_characters(text: str) -> str:
    """``text`` in NFC, without zero-width characters, soft hyphens and bidirectional controls."""
    return unicodedata.normalize("NFC", _INVISIBLE_RE.sub("", text))


def without_bidi_controls(text: str) -> str:
    """``text`` without its bidirectional control characters."""
    return _BIDI_CONTROL_RE.sub("", text)
