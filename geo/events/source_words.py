"""The words of a source's name, read alike however the text spells it: without the qualifiers that tell no
body from another ("the U.S. State Department" and "the State Department"), a side's adjective read as its name
("the Russian Defense Ministry" and "Russia's Defense Ministry"); and the acronyms a text defines ("Rapid Support
Forces (RSF)") or that everyone knows ("CENTCOM"). Used by ``geo.events.source_registry`` and
``geo.events.sources``; imports the events wing's actors only."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from geo.events import actors

# Words that qualify a body's name without telling one body from another ("the U.S. State Department"
# and "the State Department").
QUALIFIER_WORDS = frozenset({"the", "a", "an", "of", "for", "u", "s", "us", "united", "states", "american"})


def name_words(name: str) -> set[str]:
    """The words of a name; a side's adjective read as its name ('the Russian ministry' is 'Russia's ministry')."""
    text = re.sub(r"\bunited states\b", "us", name.casefold()).replace("u.s.", "us")
    return {_side_word(w) for w in re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", text)) if w not in QUALIFIER_WORDS}


@lru_cache(maxsize=4096)
def _side_word(word: str) -> str:
    """'russian' -> 'russia': a side's adjective (its name's start) as its name; not another of its names ('idf')."""
    side = (actors.named_exactly(word) or "").casefold()
    return side if " " not in side and len(os.path.commonprefix([side, word])) >= 4 else word


ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z&]{1,8}(?:-[A-Z][A-Za-z&]{1,5})?)\)|,\s+or\s+([A-Z][A-Z&]{1,8})\b")  # "(RSF)",
# "(CJTF-OIR)", ", or ISPR,"


def defined_acronyms(text: str) -> dict[str, set[str]]:
    """The acronyms a text defines, with the words of what they stand for: "Rapid Support Forces
    (RSF)", "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", "Inter-Services Public Relations, or ISPR," (the
    letters are initials of the words before the bracket or comma, in order)."""
    found: dict[str, set[str]] = {}
    for match in ACRONYM_RE.finditer(text):
        words = text[max(0, match.start() - 120):match.start()].split()[-9:]
        letters = (match.group(1) or match.group(2)).casefold().replace("-", "")
        for start in range(len(words)):
            initials = [part[0].casefold() for word in words[start:] for part in re.split(r"[-’']", word) if part]
            if words[start][0].isupper() and initials[:1] == [letters[0]] and _in_order(letters, initials):
                found.setdefault(letters, name_words(" ".join(words[start:])))
                break
    return found


def _in_order(letters: str, initials: list[str]) -> bool:
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)


# Acronyms of bodies that speak in conflict reports, so well known that texts use them undefined ("CENTCOM").
KNOWN_ACRONYMS: dict[str, str] = {
    "centcom": "U.S. Central Command", "africom": "U.S. Africa Command", "eucom": "U.S. European Command",
    "indopacom": "U.S. Indo-Pacific Command", "socom": "U.S. Special Operations Command",
    "southcom": "U.S. Southern Command", "northcom": "U.S. Northern Command", "idf": "Israel Defense Forces",
    "ocha": "Office for the Coordination of Humanitarian Affairs", "unhcr": "UN Refugee Agency",
}
