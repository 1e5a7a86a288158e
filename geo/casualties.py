"""Casualty figures in a sentence: 'killing five', '12 were wounded', 'injuries to 56 personnel',
'stabbed 11 students to death'."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geo import lexicon as lx

_NUM = (
    r"((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+|\d[\d,]*|(?:a\s+)?dozen|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
_QUAL = (
    r"(?:at\s+least\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|"
    r"up\s+to\s+|approximately\s+|an\s+estimated\s+|as\s+many\s+as\s+|roughly\s+|upwards\s+of\s+)?"
)
_BE = r"(?:(?:were|was|have\s+been|had\s+been|are|being)\s+)?"
KILLED_PATTERNS = (
    re.compile(rf"\b(?:killing|killed|kills|kill)\s+{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}\s+(?:[a-z-]+\s+){{0,3}}?{_BE}(?:killed|dead|died|deaths|fatalities|fatally)\b", re.I),
    re.compile(rf"\bdeath\s+toll\s+(?:\w+\s+){{0,4}}?(?:to|of|at)\s+{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\bleaving\s+{_QUAL}{_NUM}\s+(?:\w+\s+)?dead\b", re.I),
    re.compile(rf"\bfatally\s+(?:shot|stabbed|wounded|injured)\s+{_QUAL}{_NUM}\b", re.I),
    # "stabbed 11 students to death", "shot four men dead"
    re.compile(rf"\b(?:stabbed|shot|beaten|hacked|burned|burnt|gunned)\s+(?:down\s+)?{_QUAL}{_NUM}\s+"
               rf"(?:[a-z-]+\s+){{0,2}}?(?:to\s+death|dead)\b", re.I),
)
INJURED_PATTERNS = (
    re.compile(rf"\b(?:wounding|wounded|injuring|injured|injures|wounds)\s+{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\binjur(?:y|ies)\s+to\s+{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}\s+(?:[a-z-]+\s+){{0,3}}?{_BE}(?:injured|wounded|hurt|injuries)\b", re.I),
)


def casualty_figures(sent: Span) -> list[tuple[int | None, int | None, Token]]:
    """(killed, injured, number token) for each casualty figure in a sentence."""
    found: list[tuple[int | None, int | None, Token]] = []
    text = sent.text
    seen: set[int] = set()
    for patterns, is_killed in ((KILLED_PATTERNS, True), (INJURED_PATTERNS, False)):
        for pattern in patterns:
            for match in pattern.finditer(text):
                number = lx.parse_number(re.sub(r"^a\s+", "", match.group(1).lower()))
                offset = sent.start_char + match.start(1)
                if number is None or offset in seen:
                    continue
                token = sent.doc.char_span(offset, offset + len(match.group(1)), alignment_mode="expand")
                if token is None:
                    continue
                seen.add(offset)
                found.append((number, None, token.root) if is_killed else (None, number, token.root))
    return found
