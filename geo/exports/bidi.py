"""No export carries a bidirectional control: the one place that says which characters those are.

An outlet named "Kyiv " + U+202E (right-to-left override) + "semiT ehT" reads "Kyiv The Times"; in a CSV cell a
spreadsheet shows, a KML balloon or an HTML page, such a control can hide or reorder what a reader checks.
Article text loses them on the way in (``geo.ingest.text``); analyst-entered fields (outlet, title,
corrections) do not pass that way, so every export writer puts each text it writes through
:func:`without_bidi_controls`. Imports nothing of GeoBrief: the lowest module of the exports.
"""

from __future__ import annotations

import re

# Marks (LRM, RLM, ALM), embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069): the same set
# geo.ingest.text removes from article text (the exports may not import the ingest wing).
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI_CONTROL_RE = re.compile(f"[{BIDI_CONTROLS}]")


def without_bidi_controls(text: str) -> str:
    """``text`` without its bidirectional control characters."""
    return BIDI_CONTROL_RE.sub("", text)
