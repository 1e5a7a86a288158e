"""Transliteration-aware place-name normalisation.

Three levels, from strict to loose:

``fold_name``      ASCII, casefolded, punctuation and hyphens as single spaces:
                   "Deir ez-Zor" -> "deir ez zor".
``name_key``       the matching key: the Arabic article dropped (at the start and inside),
                   spaces removed, common transliteration variants unified (ee->i, ou->u,
                   q->k ...) and doubled letters collapsed: "Deir ez-Zor" -> "deirzor",
                   "Deir Ezzor" -> "deirzor", "Dayr az Zawr" -> "dayrzawr".
``skeleton_key``   the consonants of the key, for blocking: "drzr" for all three.

``name_similarity`` scores two names in [0, 1] over their keys; ``names_match`` applies a
threshold. Both treat a fused article ("Albu Kamal", "Alboukamal") like a separate one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

__all__ = [
    "ARABIC_ARTICLES",
    "fold_name",
    "name_key",
    "name_keys",
    "skeleton_key",
    "name_similarity",
    "names_match",
]

# The Arabic definite article as it is transliterated, before sun letters too.
ARABIC_ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ul", "ad", "adh", "ash", "as", "at", "ath", "ar", "az", "an",
     "ed", "esh", "es", "et", "er", "ez", "en", "ud"}
)

_APOSTROPHES = "'’‘`´ʻʼʿʾ′\""
_APOSTROPHE_RE = re.compile(f"[{re.escape(_APOSTROPHES)}]")
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")
_DOUBLED_RE = re.compile(r"(.)\1+")
# A fused sun-letter article inside a name: "Ezzor" (ez-Zor), "Ashsham", "Arraqqa".
_FUSED_SUN_ARTICLE_RE = re.compile(r"^[aeu](?:(t|th|d|dh|r|z|s|sh|l|n))\1(?=[a-z]{2})")
# Transliteration variants unified in the key; order matters.
_TRANSLIT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ee"), "i"),
    (re.compile(r"oo|ou"), "u"),
    (re.compile(r"[ea]i"), "ay"),  # Deir / Dayr, Ain / Ayn
    (re.compile(r"aw(?=[^aeiouy]|$)"), "o"),  # Zawr / Zor, Hawl / Hol
    (re.compile(r"(?<=[a-z]{2})ah$"), "a"),  # ta marbuta: Raqqah / Raqqa
    (re.compile(r"(?<=[a-z]{4})eh$"), "a"),  # and Hasakeh / Hasakah, not Aceh
    (re.compile(r"ck"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"dj"), "j"),
)
_SKELETON_DROP_RE = re.compile(r"[aeiouyw]")


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """ASCII casefold; apostrophes dropped; hyphens, punctuation and spaces as one space."""
    text = unicodedata.normalize("NFKC", name)
    text = _APOSTROPHE_RE.sub("", text)
    text = anyascii(text)
    text = _APOSTROPHE_RE.sub("", text).casefold()
    return _NON_ALNUM_RE.sub(" ", text).strip()


def _strip_articles(tokens: list[str]) -> list[str]:
    """Drop separate Arabic articles (never the last token) and fused sun-letter ones."""
    if len(tokens) < 2:
        return tokens
    kept: list[str] = []
    for index, token in enumerate(tokens):
        if token in ARABIC_ARTICLES and index < len(tokens) - 1:
            continue
        if index > 0:
            token = _FUSED_SUN_ARTICLE_RE.sub(r"\1", token)
        kept.append(token)
    return kept


def _unify_token(token: str) -> str:
    for pattern, replacement in _TRANSLIT_RULES:
        token = pattern.sub(replacement, token)
    return token


def _unify(tokens: list[str]) -> str:
    return _DOUBLED_RE.sub(r"\1", "".join(_unify_token(token) for token in tokens))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The matching key of a name (see the module docstring); "" for a name with no letters."""
    tokens = fold_name(name).split()
    return _unify(_strip_articles(tokens))


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    """The key, plus the key without a fused leading article ("Albu Kamal" -> "bukamal") and the key of "ph" read
    as an aspirated p, as Burmese and Thai names are romanised ("Kyaukphyu" -> "kyaukpyu", the key of Kyaukpyu)."""
    key = name_key(name)
    keys = [key] if key else []
    folded = fold_name(name)
    aspirated = name_key(folded.replace("ph", "p")) if "ph" in folded else ""
    if aspirated and aspirated not in keys:
        keys.append(aspirated)
    tokens = folded.split()
    if tokens:
        first = tokens[0]
        for article in ("al", "el"):
            if first.startswith(article) and len(first) - len(article) >= 2 and len(tokens) > 1:
                variant = _unify(_strip_articles([first[len(article):], *tokens[1:]]))
                if variant and variant not in keys:
                    keys.append(variant)
    return tuple(keys)


def skeleton_key(key: str) -> str:
    """Consonant skeleton of a *key* (vowels and y/w dropped, doubled letters collapsed)."""
    return _DOUBLED_RE.sub(r"\1", _SKELETON_DROP_RE.sub("", key))


def name_similarity(first: str, second: str) -> float:
    """Similarity of two names in [0, 1]: 1.0 for equal folds, else the best key ratio."""
    if fold_name(first) == fold_name(second):
        return 1.0
    best = 0.0
    for key_a in name_keys(first):
        for key_b in name_keys(second):
            if key_a == key_b:
                return 0.97
            best = max(best, fuzz.ratio(key_a, key_b) / 100.0)
    return best * 0.95


def names_match(first: str, second: str, threshold: float = 0.8) -> bool:
    """True when two spellings plausibly name the same place."""
    return name_similarity(first, second) >= threshold
