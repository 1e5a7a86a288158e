"""What a photo caption, a headline or an article's defining sentence ("The X was an air attack by A on B in C
on D") adds to the events the body tells: they join the body's events (an event of their own only where the
body tells none), a definition giving what the body leaves untold. Used by ``geo.events.extract``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Span

from geo.events.dating import DAYS_LATER_RE
from geo.events.draft import Draft
from geo.events.infobox import FIELD_RE
from geo.events.category_fit import categories_fit
from geo.events.linking import compatible, same_date
from geo.events.mentions import Mention, Part
from geo.events.place_fit import place_fits
from geo.events.roles import RESPONSE_FAMILIES
from geo.syntax import CAPTION_END_RE, doc_text

__all__ = ["Linker", "caption_indices", "is_section_heading", "link_caption", "link_headline", "section_kind"]


class Linker(Protocol):
    """The events being linked (``geo.events.extract``'s linker)."""

    drafts: list[Draft]

    def create(self, mention: Mention, part: Part, group: int | None = None) -> Draft: ...

    def attach(self, draft: Draft, mention: Mention, part: Part, *, split: bool = False,
               with_figures: bool = True) -> None: ...


def _larger(current: int | None, new: int | None) -> int | None:
    return current if new is None else new if current is None else max(current, new)


def link_caption(linker: Linker, mention: Mention) -> None:
    """A photo caption tells an event the story tells, at the same place (its attribution may differ:
    'a site hit by what activists said were airstrikes by government forces') or, placing nothing, of
    the same kind on the same day; or one of its own. A photo taken before an act does not show it."""
    place = mention.parts[0].place if mention.parts else None
    line = " ".join(mention.sentence.text.split())
    for draft in linker.drafts:
        if any(" ".join(s.text.split()) == line for s in draft.sentences):  # the same caption printed twice
            linker.attach(draft, mention, Part(target=None), with_figures=False)
            return
    for draft in linker.drafts:
        if mention.photo_date is not None and draft.date is not None and mention.photo_date < draft.date:
            continue  # a photo taken before an act does not show it
        if mention.date is not None and draft.date is not None and not same_date(
                draft.date, draft.date_precision, mention.date, mention.date_precision):
            continue  # "smoke rises after an airstrike in March": another act than Monday's
        same_place = place is not None and draft.place is not None and place_fits(draft.place, place)
        kin = categories_fit(draft, mention) or mention.family in {"strike", "bomb", "shell", "attack"}
        if (same_place and kin) or (place is None and categories_fit(draft, mention) and mention.date == draft.date):
            linker.attach(draft, mention, Part(target=None), with_figures=False)
            return
    linker.create(mention, mention.parts[0] if mention.parts else Part(target=None))


def link_headline(linker: Linker, mention: Mention, *, defining: bool = False) -> None:
    """A headline mention joins the first body event it fits (a headline names the country where the
    body names the town), else the first of its kind; a headline tells what the body tells, so it is an
    event of its own only over a body that tells none. Of several it fits, the one with its toll, then the
    one at its place ('troops kill six militants in X' after a suicide bombing that guards ended).
    ``defining``: the article's opening definition ('The X was an air attack by A on B in C on D'), which
    gives the event what the body leaves untold."""
    place = mention.parts[0].place if mention.parts else None

    def agreement(draft: Draft) -> tuple[bool, bool]:
        placed = place is not None and draft.place is not None and place_fits(draft.place, place)
        return not (mention.killed is not None and draft.killed == mention.killed), not placed

    for draft in sorted(linker.drafts, key=agreement):
        same_toll = mention.killed is not None and draft.killed == mention.killed
        if defining and (mention.family not in RESPONSE_FAMILIES and draft.families <= RESPONSE_FAMILIES or any(
                (later := DAYS_LATER_RE.fullmatch(w)) and not (later.group("hours") or later.group("soon") or (
                    later.group("same"))) for w in draft.whens)):
            continue  # "The X attack was a drone attack on a base": not the interception, nor "three days later, ..."
        if compatible(draft, mention, lenient_place=True, same_toll=same_toll):
            for member in (d for d in linker.drafts if d.group == draft.group):
                if mention.sentence not in member.headlines:
                    member.headlines.append(mention.sentence)
            if not any(FIELD_RE.match(line) for line in mention.sentence.text.splitlines()):  # (read by .infobox)
                draft.killed = _larger(draft.killed, mention.killed)  # "At Least 17 Slain in ... Battle"
                draft.injured = _larger(draft.injured, mention.injured)
            if defining:
                _fill_from(draft, mention)
            return
    kin = next((d for d in linker.drafts if mention.family in d.families), None)
    if kin is not None:  # the body tells it in other words ('Tripoli clashes' over clashes in a district of it)
        kin.headlines.append(mention.sentence)
    elif not linker.drafts or defining and not any(  # a brief whose body tells no act, or the act the article is about
            s.start == mention.sentence.start for d in linker.drafts for s in (*d.sentences, *d.headlines)):
        linker.create(mention, mention.parts[0] if mention.parts else Part(target=None))


def _fill_from(draft: Draft, mention: Mention) -> None:
    """What an article's defining sentence tells of its act and the body leaves untold."""
    part = mention.parts[0] if mention.parts else Part(target=None)
    draft.date, draft.date_precision = (draft.date, draft.date_precision) if draft.date else (
        mention.date, mention.date_precision)
    draft.actor = draft.actor or mention.actor
    if draft.place is None and part.place is not None:
        draft.place, draft.place_prep, draft.extra_places = part.place, part.place_prep, list(part.extra_places)
    if draft.target is None and part.target:
        draft.target, draft.target_names = part.target, part.target_names


def is_section_heading(sent: Span) -> bool:
    """'Strike', 'Attack', 'Aftermath': a heading of a few words on a line of its own, with no punctuation (an
    article's section), which tells no act and is never an act's evidence."""
    text, start, end = doc_text(sent.doc), sent.start_char, sent.end_char
    alone = (start == 0 or text[start - 1] == "\n") and (end >= len(text) or text[end] == "\n")
    if (start == 0 or text[start - 1] == "\n") and WIKI_HEADING_RE.fullmatch(sent.text.strip()):
        return True  # "==Background==", "== Aftermath ==": a wiki page's heading as its markup writes it
    return alone and 1 <= len(sent) <= 4 and all(t.is_alpha and (t.is_title or t.is_lower) for t in sent)


WIKI_HEADING_RE = re.compile(r"(={2,6})\s*([^=\n]{1,60}?)\s*\1")
BACKGROUND_HEADING_RE = re.compile(r"^(?:background|history|context|prelude|previous (?:attacks|incidents))$", re.I)


# Sections of an encyclopedia article that tell its subject act by act, and those that tell the answer to it.
SUBJECT_HEADING_RE = re.compile(r"^(?:the\s+)?(?:attacks?|strikes?|air\s*strikes?|massacre|killings|incident|bombings?|"
                                r"assault|raid|ambush|shooting|events|timeline|siege)$", re.I)
RESPONSE_HEADING_RE = re.compile(r"^(?:[\w'’-]+\s+){0,2}?(?:response|counter-?offensive|counter-?attacks?|"
                                 r"retaliation|reprisals?|counter-?operations?)$", re.I)
AFTERMATH_HEADING_RE = re.compile(r"^(?:aftermath|rescue(?:\s+operation)?|manhunt|pursuit|(?:search|security|military|"
                                  r"army)\s+operations?(?:\s+and\s+[\w\s]{1,20})?|(?:army|military|government)\s+"
                                  r"(?:air\s*)?strikes?)$", re.I)


def section_kind(heading: Span) -> str | None:
    """'background' (what came before the subject: 'Background', 'History'), 'subject' ('Attack', 'Massacre':
    the subject told act by act), 'response' ('Counter-offensive', 'Hezbollah response'), 'aftermath' ('Rescue
    operation', 'Army air strikes', 'Aftermath': what others did next) or None."""
    title = heading.text.strip().strip("=").strip()
    if BACKGROUND_HEADING_RE.match(title):
        return "background"
    if AFTERMATH_HEADING_RE.match(title):
        return "aftermath"
    return "subject" if SUBJECT_HEADING_RE.match(title) else "response" if RESPONSE_HEADING_RE.match(title) else None


CAPTION_START_RE = re.compile(r"^\s*(?:FILE\s*(?:PHOTO)?\s*[-–—:]|\(?(?:AP|AFP|Reuters)\s+Photo)")


def caption_indices(sents: Sequence[Span]) -> set[int]:
    """The sentences that are photo captions: lines marked 'FILE -', lines whose first sentence ends
    with a place and a date (the sentences after it on the line tell the photo's context), and lines
    printed twice in a row (the page's caption and its image's alternative text)."""
    lines = _lines(sents)
    whole = doc_text(sents[0].doc) if sents else ""
    texts = [" ".join(whole[sents[line[0]].start_char:sents[line[-1]].end_char].split()) for line in lines]
    found: set[int] = set()
    for index, line in enumerate(lines):
        first = " ".join(whole[sents[line[0]].start_char:sents[line[0]].end_char].split())
        repeated = len(texts[index]) > 60 and texts[index] in texts[max(index - 1, 0):index] + texts[index + 1:index + 2]
        if CAPTION_START_RE.match(first) or CAPTION_END_RE.search(first) or repeated:
            found.update(line)
    return found


def _lines(sents: Sequence[Span]) -> list[list[int]]:
    """The indices of ``sents`` grouped by the line of text they stand on."""
    lines: list[list[int]] = []
    for index, sent in enumerate(sents):
        previous = sents[index - 1] if index else None
        text = doc_text(sent.doc)
        if previous is None or "\n" in text[previous.start_char:sent.start_char]:  # the gap or a line break inside
            lines.append([index])
        else:
            lines[-1].append(index)
    return lines
