"""The frame of a text: which leading lines are its header, who issued it when it is an official
statement or release, and who speaks in each turn of a transcript.

    frame = read_frame(doc, sents, url="https://www.centcom.mil/...")
    frame.header          # how many leading sentences are header lines (title, release lines, byline,
                          # issuing office, dateline-only lines, infobox): told again in the body
    frame.author          # ("U.S. Central Command", the line that names it) for a release, else None
    frame.turn_at(i)      # the speaker label of sentence i in a transcript ("SEC. AUSTIN:"), or None

Everything here is the layout of official statements, press releases, transcripts and
encyclopedia pages in English; nothing names one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from spacy.tokens import Doc, Span

from geo.events import lexicon as lx
from geo.events.person_names import name_shaped, person_span
from geo.syntax import dateline_length, doc_text, phrase_text

HEADER_MAX_WORDS = 20
# Lines of a header that hold no sentence of the story.
RELEASE_LINE_RE = re.compile(
    r"^(?:(?:press|news|media)\s+(?:release|statement|advisory)|release\s+(?:number|no\.?)|statement|for immediate "
    r"release|posted|updated|published|infobox|\(end statement\))\b", re.IGNORECASE)
INFOBOX_LINE_RE = re.compile(r"^(?:-\s*[\w ]{2,30}:|=+\s.*\s=+$)")
DATE_LINE_RE = re.compile(
    r"^(?:[A-Z][a-z]{2,8}day,?\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}"
    r"\s+\d{4})\b[^.!?]{0,40}$")
# "Statement by Secretary of Defense Lloyd J. Austin III", "Press Statement by" (the name on the next line),
# "Remarks by the President", "Readout of ...": the person or body after "by" issued it.
ISSUED_BY_RE = re.compile(
    r"^(?:joint\s+)?(?:press\s+|media\s+)?(?:statement|remarks|readout|message|testimony|briefing|release|note)s?"
    r"(?:\s+to\s+the\s+press)?\s+(?:by|from)\b\s*(?P<who>.*)$", re.IGNORECASE)
BYLINE_RE = re.compile(r"^By\s+(?P<who>.+)$")
NEWSROOM_RE = re.compile(r"\b(?:staff|desk|newsroom|reporters?|correspondents?|editors?|writers?|bureau)\W*$", re.I)
BARE_STATEMENT_RE = re.compile(r"^(?:joint\s+)?(?:press\s+|media\s+)?(?:statement|readout|remarks)$", re.IGNORECASE)
# "June 23 U.S. Central Command Update", "U.S. Embassy Statement on Attacks in Palma": a body names itself.
ISSUER_TITLE_RE = re.compile(
    r"^(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:\d{4}\s+)?)?(?P<who>.+?)\s+(?:Update|Statement|Press Release|Release|"
    r"Readout|Announcement|Communiqu[eé])\b", re.IGNORECASE)
# "Deputy Pentagon Press Secretary Jane Doe Holds a Press Briefing", "General John Roe Briefs Reporters", "Secretary
# X Off-Camera, On-the-Record Remarks to Traveling Press": a transcript's title names who speaks in it.
BRIEFER_TITLE_RE = re.compile(
    r"^(?P<who>.+?)\s+(?:Holds?\s+(?:an?\s+)?(?:Press|News|Media)\s+(?:Briefing|Conference|Availability)|"
    r"Briefs\s+(?:the\s+)?(?:Press|Reporters|Media)|(?:Delivers|Gives)\s+Remarks|(?:(?:Off-Camera|On-Camera|On-the-Record|"
    r"Off-the-Record|Opening|Closing|Joint|Virtual),?\s+){0,3}Remarks\s+(?:to|at|on|in|before|with)|Interview\s+(?:with|on))\b")
ISSUER_WORDS = frozenset({"command", "embassy", "ministry", "department", "office", "mission", "forces", "force",
                          "army", "navy", "government", "council", "agency", "secretary", "spokesperson",
                          "spokesman", "president", "headquarters", "administration", "corps", "cabinet"})
SPEAKER_LABEL_RE = re.compile(r"^(?P<label>[A-Z][A-Z.'’ -]{1,70}[A-Z.]|(?:Mr|Ms|Mrs|Dr)\. [A-Z][\w'’-]+"
                              r"(?: [A-Z][\w'’-]+)?)(?: \([A-Z][\w ]{1,40}\))?\s*:\s+\S")  # "SEC. X:", "Ms. Ito (UK):"
PRESS_LABELS = frozenset({"full text", "update", "updated", "breaking", "watch", "exclusive", "analysis", "correction",
                          "editor's note", "editor’s note", "note", "read more", "related", "photo", "video", "live",
                          "file photo", "file", "photos", "image", "caption", "graphic", "map", "audio", "listen"})
LABEL_ALONE_RE = re.compile(r"^(?P<label>[A-Z][A-Z.'’ -]{1,70}[A-Z.])\s*:$")  # the tagger cut the turn after it
QUESTIONER_LABEL_RE = re.compile(r"^(?P<label>Q|QUESTION|REPORTER)\s*:\s+\S")  # a reporter asking
QUESTIONER_LABELS = frozenset({"q", "question", "questioner", "moderator", "operator", "staff", "reporter",
                               "audience member", "interviewer", "host"})
LABEL_TITLES = frozenset({
    "secretary", "sec", "of", "defense", "defence", "state", "gen", "general", "lt", "lieutenant", "maj", "major",
    "adm", "admiral", "col", "colonel", "capt", "captain", "mr", "ms", "mrs", "dr", "president", "ambassador",
    "minister", "press", "deputy", "assistant", "spokesperson", "spokesman", "chairman", "rear", "vice", "brig",
    "the", "army", "navy", "air", "force", "marine", "corps", "joint", "chiefs", "staff", "pentagon", "white",
    "house", "national", "security", "council", "coordinator", "communications", "director", "senator", "sen",
    "rep", "representative", "governor", "gov", "mayor", "prime", "foreign", "commander", "chief"})
# Official institutions by the web domain that publishes their releases.
OFFICIAL_DOMAINS: dict[str, str] = {
    "centcom.mil": "U.S. Central Command", "africom.mil": "U.S. Africa Command", "eucom.mil": "U.S. European Command",
    "southcom.mil": "U.S. Southern Command", "northcom.mil": "U.S. Northern Command",
    "indopacom.mil": "U.S. Indo-Pacific Command", "socom.mil": "U.S. Special Operations Command",
    "defense.gov": "U.S. Department of Defense", "state.gov": "U.S. Department of State",
    "whitehouse.gov": "The White House", "army.mil": "U.S. Army", "navy.mil": "U.S. Navy",
    "af.mil": "U.S. Air Force", "marines.mil": "U.S. Marine Corps", "usembassy.gov": "U.S. Embassy",
    "nato.int": "NATO", "un.org": "United Nations", "idf.il": "Israel Defense Forces",
    "mod.gov.ua": "Ministry of Defence of Ukraine", "mil.gov.ua": "Ministry of Defence of Ukraine",
    "mil.ru": "Russian Ministry of Defence", "gov.uk": "UK Government", "europa.eu": "European Union",
    "amisom-au.org": "AMISOM", "au.int": "African Union", "unocha.org": "OCHA", "unhcr.org": "UNHCR", "unicef.org":
    "UNICEF", "who.int": "World Health Organization", "ohchr.org": "OHCHR", "unrwa.org": "UNRWA", "iaea.org": "IAEA"}
STORY_PATH_RE = re.compile(r"/(?:news|feature)-stories/", re.I)  # their news stories: no statement of theirs


# News outlets by web domain: a text's own outlet is its author, never a source it cites ("told VOA"
# in a VOA story).
OUTLET_DOMAINS: dict[str, tuple[str, ...]] = {
    "voanews.com": ("voa", "voice of america", "voa news"), "voabangla.com": ("voa", "voice of america"),
    "reuters.com": ("reuters",), "apnews.com": ("associated press (ap)", "associated press", "ap"),
    "afp.com": ("afp", "agence france-presse (afp)"), "bbc.com": ("bbc", "bbc news"), "bbc.co.uk": ("bbc",),
    "aljazeera.com": ("al jazeera",), "cnn.com": ("cnn",), "nytimes.com": ("new york times", "the new york times"),
    "theguardian.com": ("guardian", "the guardian"), "washingtonpost.com": ("washington post",),
    "kyivindependent.com": ("kyiv independent",), "timesofisrael.com": ("times of israel",),
    "rferl.org": ("radio free europe", "rfe/rl"), "france24.com": ("france 24",), "dw.com": ("dw", "deutsche welle")}


def own_outlet(url: str | None) -> tuple[str, ...]:
    """The names of the outlet that published ``url`` (lower case), or ()."""
    host = (urlsplit(url).hostname or "").lower() if url else ""
    for domain, names in OUTLET_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return names
    return ()


@dataclass(frozen=True)
class Author:
    """Who issued the text, and the character span of the line that says so."""

    name: str
    start: int
    end: int
    person: bool = False
    role: str | None = None


@dataclass
class Frame:
    header: int = 0  # leading sentences that are header lines
    author: Author | None = None
    turns: dict[int, tuple[str, str | None] | None] = field(default_factory=dict)  # sentence -> (name, role)

    def turn_at(self, index: int) -> tuple[str, str | None] | None:
        """The transcript speaker (name, role) whose turn holds sentence ``index``; None outside a
        turn or in a questioner's."""
        return self.turns.get(index)

    def in_transcript(self, index: int) -> bool:
        return index in self.turns


def read_frame(doc: Doc, sents: list[Span], url: str | None = None) -> Frame:
    frame = Frame(header=header_length(sents))
    frame.author = _author(sents, frame.header, url)
    frame.turns = _turns(sents)
    author = frame.author
    if author is not None and author.person:  # "SPOKESPERSON:" under "Deputy Press Secretary Jane Roe Holds a Briefing"
        frame.turns = {i: (author.name, author.role) if turn is not None and turn[1] is None and all(
            w.lower().strip(".") in LABEL_TITLES for w in turn[0].split()) else turn for i, turn in frame.turns.items()}
    return frame


LONGEST_HEADER_LINE = 300  # characters: a longer line is a paragraph, read sentence by sentence


def _whole_line(sent: Span) -> str:
    """The line a sentence opens, to its end (a line the tagger cut in two sentences is one line)."""
    text = doc_text(sent.doc)
    end = text.find("\n", sent.start_char, sent.start_char + LONGEST_HEADER_LINE)
    return " ".join(text[sent.start_char:end].split()) if end >= 0 else _line_of(sent)


def _line_of(sent: Span) -> str:
    """The sentence as written, with its line's whitespace folded."""
    return " ".join(sent.text.split())


def is_header_line(text: str) -> bool:
    """A title, a release or date line, a byline, an issuing-office line or an infobox line."""
    if RELEASE_LINE_RE.match(text) or INFOBOX_LINE_RE.match(text) or DATE_LINE_RE.match(text) or (
            BYLINE_RE.match(text)):
        return True
    words = text.split()
    if len(words) > HEADER_MAX_WORDS:
        return False
    return text[-1:] not in {".", "!", "?", "”", '"', "’"} or _title_case(words)


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w[:1].isalpha() and w.lower() not in _MINOR]
    return len(significant) >= 3 and all(w[:1].isupper() for w in significant)


_MINOR = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as",
                    "after", "over", "into", "amid", "near", "vs", "that", "who", "which", "than", "per", "via"})


def header_length(sents: list[Span]) -> int:
    """How many leading sentences are header lines: the title and the lines around it, up to the
    first sentence of running text. A speaker's turn of a transcript is running text."""
    count = 0
    for sent in sents[:MAX_HEADER_LINES]:  # beyond, a list of short lines: not a header any more
        text = _line_of(sent)
        if not text or SPEAKER_LABEL_RE.match(text) or not is_header_line(text):
            break
        count += 1
    return count


AUTHOR_LINES, MAX_HEADER_LINES = 8, 40  # a byline may follow the first paragraph; no header is longer


def _author(sents: list[Span], header: int, url: str | None) -> Author | None:
    """The issuer of an official statement, release or transcript: named after 'Statement by' or in an issuing-office
    byline, in the title ('... Update'), in an issuing-office line, or by the web domain of an official body. A
    journalist's byline names no issuer, and makes the text a story, not the domain's statement."""
    lines = [s for s in sents[:max(header, AUTHOR_LINES)] if _at_line_start(s) and is_header_line(_whole_line(s))]
    for index, sent in enumerate(lines):
        text = _whole_line(sent)  # "Press Statement", however the tagger cut it
        issued = ISSUED_BY_RE.match(text)
        if issued:
            who, where = issued.group("who"), sent
            if not who.strip() and index + 1 < len(lines):
                where = lines[index + 1]
                who = _line_of(where)
            author = _named(who, where)
            if author is not None:
                return author
        if BARE_STATEMENT_RE.match(text) and index + 1 < len(lines):  # "Press Statement" / "Jane Doe, Spokesperson"
            author = _named(_line_of(lines[index + 1]), lines[index + 1])
            if author is not None and author.person:
                return author
        byline = BYLINE_RE.match(text)
        if byline and not NEWSROOM_RE.search(byline.group("who")):  # not "By Defense News Staff"
            author = _named(byline.group("who"), sent)
            if author is not None and not author.person:
                return author
            url = None if author is not None else url  # a reporter's story ("By Jane Roe, DOD News"), no statement
    for sent in lines[:2]:
        briefer = BRIEFER_TITLE_RE.match(_line_of(sent))
        if briefer:
            author = _titled_person(briefer.group("who"), sent)
            if author is not None:
                return author
    for sent in lines:
        titled = ISSUER_TITLE_RE.match(_line_of(sent))
        if titled and _issuer_like(titled.group("who")):
            author = _named(titled.group("who"), sent)
            if author is not None:
                return author
        office = _issuing_office(sent)
        if office is not None:
            return office
    body = _line_of(sents[header]) if header < len(sents) else ""
    subject = _release_title_subject(lines, body)
    if subject is not None:
        return subject
    domain_author = _domain_author(url)
    if domain_author is not None:
        first = sents[header] if header < len(sents) else (sents[0] if sents else None)
        if first is not None:
            return Author(domain_author, first.start_char, first.end_char)
    return None


RELEASE_MARK_RE = re.compile(r"^(?:release\s+(?:number|no\.?)|for immediate release|(?:press|news)\s+release)\b", re.I)
OFFICIAL_NAMES = frozenset(name.casefold() for name in OFFICIAL_DOMAINS.values())
# "CENTCOM" in a title is the command the domain centcom.mil names.
SHORT_ISSUERS = {domain.split(".")[0]: name for domain, name in OFFICIAL_DOMAINS.items() if domain.endswith(".mil")}


def _release_title_subject(lines: list[Span], body: str = "") -> Author | None:
    """'CENTCOM Conducts Self-Defense Strikes Near X' over a 'Release Number' line, or over a body that opens
    with the issuing office's dateline and no agency ('TAMPA, Fla. -'): a release's title says what its issuer
    did, so the body that is the subject of its verb is the issuer."""
    dated = 0 < dateline_length(body) and "(" not in body[:dateline_length(body)]
    marked = bool(lines) and any(RELEASE_MARK_RE.match(_line_of(s)) for s in lines[1:])
    if not lines or not (marked or dated):
        return None
    title = lines[0]
    if title[0].text.casefold() in SHORT_ISSUERS:  # "AFRICOM Forces Kill ...": title case confuses the tagger
        return Author(SHORT_ISSUERS[title[0].text.casefold()], title.start_char, title.end_char)
    verb = next((t for t in title if t.tag_ in {"VBZ", "VBP"}), None)  # the parse may hang it on the next line
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None) if verb else None
    if subject is not None and subject.lower_.rstrip("s") in {"force", "troop"}:  # "CENTCOM Forces Conduct Strikes"
        subject = next((c for c in subject.children if c.dep_ in {"compound", "nmod"} and c.is_upper), subject)
    if subject is None or not (subject.ent_type_ == "ORG" or subject.is_upper) or subject.ent_type_ == "PERSON":
        return None
    name = phrase_text([t for t in subject.subtree if t.i < verb.i])
    name = SHORT_ISSUERS.get(name.casefold(), name)
    if not marked and name.casefold() not in OFFICIAL_NAMES:
        return None  # over a bare dateline only a known issuer's title is its release, not a story about a group
    return Author(name, title.start_char, title.end_char)


def _issuer_like(name: str) -> bool:
    return any(w.strip(".,").lower() in ISSUER_WORDS for w in name.split())


def _titled_person(who: str, sent: Span) -> Author | None:
    """'Deputy Pentagon Press Secretary Jane Doe': the person after the title words (two to four
    capitalised words), with the title as role."""
    words = who.split()
    start = 0
    while start < len(words) and words[start].strip(".,").lower() in LABEL_TITLES:
        start += 1
    name = words[start:]
    if not 2 <= len(name) <= 4 or not all(w[:1].isupper() for w in name):
        return None
    return Author(_tidy(" ".join(name)), sent.start_char, sent.end_char, person=True,
                  role=" ".join(words[:start]) or None)


def _named(who: str, sent: Span) -> Author | None:
    """The issuer named in ``who`` (part of the line ``sent``): a person's name after their title, or
    the body's name up to where the line goes on to a place or a date."""
    who = re.split(r"\s+(?:on|regarding|about|at|in)\s+(?=[A-Z]|the\s)|[,;|–—]", who.strip(), maxsplit=1)[0].strip()
    start = sent.start_char + max(sent.text.find(who), 0)
    span = sent.doc.char_span(start, start + len(who), alignment_mode="expand")
    if span is None or not who:
        return None
    people = [e for e in span.ents if e.label_ == "PERSON"] or ([span] if name_shaped(span) else [])
    if people:  # (a name the tagger left untagged: "Press Statement" / "Rebecca M. Thornbury" / "... Spokesperson")
        person = person_span(list(span)) or people[0]  # "Lloyd J. Austin III", the tagger taking "J. Austin III"
        role = " ".join(t.text for t in span if t.i < person.start and not t.is_punct) or None
        return Author(_tidy(person.text), sent.start_char, sent.end_char, person=True, role=role)
    places = [e for e in span.ents if e.label_ in {"GPE", "LOC", "DATE"} and e.start > span.start + 1]
    name = span.doc[span.start:places[0].start].text if places and _issuer_like(
        span.doc[span.start:places[0].start].text) else span.text
    name = _first_body(name)
    if not _issuer_like(name) and not any(e.label_ == "ORG" for e in span.ents):
        return None
    return Author(_tidy(name), sent.start_char, sent.end_char)


def _first_body(name: str) -> str:
    """'U.S. Africa Command Public Affairs United States Africa Command': the first name of a line
    that names the issuer and then its parent body."""
    words = name.split()
    for cut in range(2, len(words)):
        if words[cut] in {"United", "U.S.", "US"} and any(w.lower() in ISSUER_WORDS for w in words[:cut]):
            return " ".join(words[:cut])
    return name


def _tidy(name: str) -> str:
    return lx.clean_phrase(re.sub(r"['’]s$", "", name.strip()), drop_article=False)


def _issuing_office(sent: Span) -> Author | None:
    """'United States Africa Command Stuttgart, Germany Sep 07, 2016': a body, where it sits, a date."""
    ents = list(sent.ents)
    if len(ents) < 2 or ents[0].label_ != "ORG" or ents[0].start != sent.start:
        return None
    rest = {e.label_ for e in ents[1:]}
    if "DATE" not in rest or not rest & {"GPE", "LOC"}:
        return None
    return Author(_tidy(_first_body(ents[0].text)), sent.start_char, sent.end_char)


def _domain_author(url: str | None) -> str | None:
    if not url or STORY_PATH_RE.search(urlsplit(url).path):
        return None
    host = (urlsplit(url).hostname or "").lower()
    for domain, name in OFFICIAL_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def _turns(sents: list[Span]) -> dict[int, tuple[str, str | None] | None]:
    """Sentence index -> the speaker of the transcript turn it belongs to (None: a questioner's turn).
    A turn starts at a line that opens with a speaker label and lasts to the next one."""
    turns: dict[int, tuple[str, str | None] | None] = {}
    current: tuple[str, str | None] | None = None
    labels: list[str] = []
    for index, sent in enumerate(sents):
        label = SPEAKER_LABEL_RE.match(_line_of(sent)) or LABEL_ALONE_RE.match(_line_of(sent))  # "GEN. X:" | "Good ..."
        if label and label.group("label").strip().casefold() in PRESS_LABELS:
            label = None  # "FULL TEXT: Army strikes camp": the press's mark, no speaker
        if label and _at_line_start(sent):
            current = speaker_of_label(label.group("label"))
            labels.append(label.group("label").strip())
        if labels:
            turns[index] = current
    if len(labels) == 1 and len(labels[0].split()) == 1:
        return {}  # "RAWALPINDI: Security forces killed ...": one word once is a dateline, not a speaker
    return turns if any(v is not None for v in turns.values()) else {}


def _at_line_start(sent: Span) -> bool:
    text = doc_text(sent.doc)
    return sent.start_char == 0 or "\n" in text[max(sent.start_char - 3, 0):sent.start_char]


def speaker_of_label(label: str) -> tuple[str, str | None] | None:
    """'SECRETARY OF DEFENSE LLOYD J. AUSTIN III' -> ('Lloyd J. Austin III', 'Secretary of Defense');
    'SEC. AUSTIN' -> ('Austin', 'Sec.'); 'PRESS SECRETARY' -> ('Press Secretary', None); a questioner ('Q',
    'MODERATOR') -> None."""
    words = label.split()
    if " ".join(words).lower().strip(".") in QUESTIONER_LABELS or not words:
        return None
    start = 0
    while start < len(words) - 1 and words[start].lower().strip(".") in LABEL_TITLES:
        start += 1
    name_words = words[start:]
    if all(w.lower().strip(".") in LABEL_TITLES for w in name_words):  # "PRESS SECRETARY": the office speaks
        return " ".join(w.lower() if w.lower() == "of" else w.title() for w in words), None
    name = " ".join(w.upper() if w.lower().strip(".,") in {"ii", "iii", "iv"} else w.title() for w in name_words)
    role = " ".join(w.lower() if w.lower() == "of" else w.title() for w in words[:start]) or None
    return name, role


def speaker_label_length(text: str) -> int:
    """How many leading characters of a line are a transcript speaker's label ('SEC. AUSTIN:', 'Ms. Ito (Japan):')."""
    found = SPEAKER_LABEL_RE.match(text) or QUESTIONER_LABEL_RE.match(text)
    return text.index(":", found.end("label")) + 1 if found else 0
