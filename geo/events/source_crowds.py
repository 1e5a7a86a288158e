"""The people a report cites by what they are, as a crowd ("residents", "witnesses"), and the words of a
source's name as written. A bare "residents said" after "residents of Bara told VOA" is those residents again,
not another source. Used by ``geo.events.source_registry``; imports nothing of the project."""

from __future__ import annotations

from collections.abc import Iterable

# Plural nouns for people cited together by what they are, whose bare use points back to the crowd named before.
CROWD_WORDS = frozenset({"residents", "witnesses", "survivors", "villagers", "locals", "activists", "medics",
                         "eyewitnesses", "inhabitants", "farmers", "fishermen", "displaced"})


def raw_words(name: str) -> set[str]:
    """The words of a name as written, but the article: 'U.S. officials' is not 'officials'."""
    return set(name.casefold().split()) - {"the", "a", "an"}


def same_crowd(name: str, earlier: Iterable[tuple[str, str]]) -> str | None:
    """The key of the latest earlier source that is the crowd a bare plural names again ('residents' after
    'residents of Bara', 'Bara residents'); ``earlier``: (key, name) pairs in the order they were told."""
    words = raw_words(name) - {"other", "some", "several", "many"}
    if len(words) != 1 or not words <= CROWD_WORDS:
        return None
    return next((key for key, told in reversed(list(earlier)) if words < raw_words(told)), None)
