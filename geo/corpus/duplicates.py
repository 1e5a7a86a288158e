"""Copies of one story in the corpus: the same text pasted and uploaded, fetched twice, or syndicated.

Identical texts are one article already (the article id is the SHA-256 of the text). Texts that
differ a little (another extraction of the same web page, a header kept in one and not the other,
a syndicated copy with its own byline) are found with MinHash locality-sensitive hashing
(``datasketch``) over word 5-grams, then confirmed on the 5-grams themselves: two texts are copies
when their Jaccard similarity is at least ``COPY_JACCARD``, or when at least ``COPY_CONTAINMENT`` of the
shorter text's 5-grams are in the longer one (a trimmed syndicated copy).

    copies = story_copies([(article_id, text), ...])   # -> tuple[StoryCopies, ...], one per story told twice

May import: the core.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SHINGLE_WORDS = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.5  # candidates; each pair is then confirmed on the 5-grams
COPY_JACCARD = 0.8
COPY_CONTAINMENT = 0.9
MIN_SHINGLES_FOR_CONTAINMENT = 30  # a few sentences quoted in another article are not a copy of it

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class StoryCopies:
    """Articles that tell one story: ``kept`` stands for all of them, ``copies`` repeat it (each with
    how alike, 0-1, it is to the member of the story it is most like)."""

    kept: str
    copies: tuple[tuple[str, float], ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return (self.kept, *(article for article, _ in self.copies))


def shingles(text: str) -> frozenset[str]:
    """The text's word 5-grams (case and punctuation aside); a text shorter than 5 words is one."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def copy_likeness(a: frozenset[str], b: frozenset[str]) -> float | None:
    """How alike two texts' 5-grams are when they are copies of one story (their Jaccard similarity,
    or the shorter one's containment in the longer for a trimmed copy); None when they are not copies."""
    if not a or not b:
        return None
    common = len(a & b)
    jaccard = common / len(a | b)
    if jaccard >= COPY_JACCARD:
        return jaccard
    shorter = min(len(a), len(b))
    if shorter >= MIN_SHINGLES_FOR_CONTAINMENT and common / shorter >= COPY_CONTAINMENT:
        return common / shorter
    return None


def story_copies(texts: Sequence[tuple[str, str]],
                 choose: Callable[[Sequence[str]], str] | None = None) -> tuple[StoryCopies, ...]:
    """The stories told by more than one of ``(article_id, text)``, in input order.

    The article kept for a story is the one ``choose`` picks among its articles (in input order; by
    default the first). Copies of copies are one story (the groups are the connected parts of the
    "is a copy" relation).
    """
    if len(texts) < 2:
        return ()
    from datasketch import MinHash, MinHashLSH  # scipy under it: loaded when a corpus is merged

    grams = {article_id: shingles(text) for article_id, text in texts}
    order = {article_id: i for i, (article_id, _) in enumerate(texts)}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    parent = {article_id: article_id for article_id in grams}
    for article_id, grams_of in grams.items():
        if not grams_of:
            continue
        signature = MinHash(num_perm=NUM_PERM)
        signature.update_batch([g.encode("utf-8") for g in grams_of])
        for other in lsh.query(signature):
            if copy_likeness(grams_of, grams[other]) is not None:
                _union(parent, article_id, other)
        lsh.insert(article_id, signature)
    stories: dict[str, list[str]] = {}
    for article_id in grams:
        stories.setdefault(_root(parent, article_id), []).append(article_id)
    found = []
    for members in stories.values():
        if len(members) < 2:
            continue
        kept = choose(members) if choose else members[0]
        copies = tuple((a, _closest(a, members, grams)) for a in members if a != kept)
        found.append(StoryCopies(kept, copies))
    return tuple(sorted(found, key=lambda s: order[s.kept]))


def _closest(article_id: str, members: Sequence[str], grams: dict[str, frozenset[str]]) -> float:
    """How alike an article is to the member of its story it is most like (a copy of a copy may not
    be a copy of the kept one)."""
    return round(max(copy_likeness(grams[article_id], grams[m]) or 0.0 for m in members if m != article_id), 3)


def _root(parent: dict[str, str], item: str) -> str:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: dict[str, str], a: str, b: str) -> None:
    root_a, root_b = _root(parent, a), _root(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)
