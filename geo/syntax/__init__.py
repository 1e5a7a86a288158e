"""Small helpers over a parsed spaCy Doc shared by event and source extraction.

Sentences are spaCy's, cut again at line breaks (a headline without a full stop is its own
sentence). Phrases are compact noun phrases read off the dependency tree. Datelines are in
``geo.syntax.datelines`` (re-exported here).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from geo.model import TextSpan, Toponym
from geo.syntax.datelines import (DATELINE_RE as DATELINE_RE, dateline_agency as dateline_agency,  # re-exported:
                                   dateline_length as dateline_length, past_a_dateline as past_a_dateline)  # (syntax)

LEFT_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case", "npadvmod",
                              "predet", "advmod"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})
PRONOUNS = frozenset({"it", "they", "its", "their", "we", "our", "he", "she", "his", "her", "them", "itself"})
_TEXT_KEY = "geo.text"  # where doc_text keeps a document's text


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, built once: ``Doc.text`` joins every token on each access, so reading it
    per sentence or per span is quadratic in the length of the text."""
    if (cached := doc.user_data.get(_TEXT_KEY)) is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def span_text(span: Span) -> str:
    """``span.text`` sliced from the document's text (``Span.text`` joins its tokens on each access)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def sentence_before(token: Token) -> Span | None:
    """The parser's sentence before the token's own, or None in the first."""
    start = token.sent.start
    return token.doc[start - 1].sent if start > 0 else None


def sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, split again at line breaks, without surrounding whitespace; a
    hard-wrapped line (a long line of running text broken mid-sentence) is joined again."""
    result: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                _append_trimmed(doc, start, token.i, result)
                start = token.i + 1
            elif "\n" in token.whitespace_ and token.i + 1 < sent.end:
                _append_trimmed(doc, start, token.i + 1, result)
                start = token.i + 1
        _append_trimmed(doc, start, sent.end, result)
    return _join_wrapped_lines(doc, result)


WRAP_MIN_LINE = 40
SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "”", "’", "'", ")"})


def _join_wrapped_lines(doc: Doc, spans: list[Span]) -> list[Span]:
    text = doc_text(doc)
    joined: list[Span] = []
    for span in spans:
        if joined and (_is_wrap(text, joined[-1], span) or _is_fragment(text, joined[-1], span)):
            joined[-1] = doc[joined[-1].start : span.end]
        else:
            joined.append(span)
    return joined


def _is_fragment(text: str, before: Span, after: Span) -> bool:
    """'SRINAGAR' | ',' | 'Oct 22 (Agency) – Troops shelled ...': the tagger cut a dateline into pieces on
    one line; a piece that is only punctuation, ends in a comma or dash, is a word in capitals or one
    capitalised word goes on."""
    if "\n" in text[before.end_char : after.start_char]:
        return False
    if all(t.is_punct for t in before) or all(t.is_punct for t in after) or before[-1].text in {",", "–", "—", "-"}:
        return True
    if len(before) == 1 and before[0].text[:1].isupper() and (before[0].is_alpha and before[0].is_title or (
            re.fullmatch(r"(?:[A-Z]\.){2,}", before[0].text))):
        return True  # 'Boko' | 'Haram fighters kill 12 ...', 'U.S.' | 'Africa Command conducts ...': cut off its line
    letters = [c for c in before.text if c.isalpha()]
    return len(before) <= 4 and len(letters) >= 3 and all(c.isupper() for c in letters) and before[-1].text != ":"


def _is_wrap(text: str, before: Span, after: Span) -> bool:
    """One line break (not a blank line) after a long line of running text that does not end
    a sentence: the text was wrapped, the sentence goes on."""
    gap = text[before.end_char : after.start_char]
    if gap.count("\n") != 1 or before[-1].text in SENTENCE_END:
        return False
    line = text[text.rfind("\n", 0, before.end_char) + 1 : before.end_char].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(line) < WRAP_MIN_LINE or not words:
        return False
    capitalised = sum(w[:1].isupper() for w in words)
    return capitalised * 2 < len(words)  # a title-cased line is a headline, not wrapped text


def _append_trimmed(doc: Doc, start: int, end: int, into: list[Span]) -> None:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end > start:
        into.append(doc[start:end])


def sentence_span(sent: Span) -> TextSpan:
    """The TextSpan of a sentence (``Span.text`` is ``doc.text[start_char:end_char]``)."""
    return TextSpan(text=span_text(sent), start=sent.start_char, end=sent.end_char)


HEADLINE_MAX_WORDS = 16
MINOR_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from",
                         "as", "after", "over", "into", "amid", "near", "vs", "that", "who", "which", "than",
                         "per", "via", "but", "nor", "off", "up"})


def is_headline(sent: Span, index: int) -> bool:
    """The first sentence, standing on its own line without a full stop, or written in title
    case ('At Least 17 Slain in Dagestani Battle.'): a headline."""
    if index != 0:
        return False
    last = sent[-1].text
    if last in {"”", '"'} and len(sent) > 1 and sent[-2].text not in {".", "!", "?", ","}:
        last = sent[-2].text  # '... army says it "retaliated effectively"': a quoted phrase, no full stop
    doc = sent.doc
    following = sent[-1].whitespace_ + (doc[sent.end].text if sent.end < len(doc) else "")
    if last not in {".", "!", "?", "”", '"', ":"} and ("\n" in following or sent.end == len(doc)):
        return True
    return is_title_case(sent)


# "..., in Erbeen, near Damascus, October 18, 2012.": a photo caption ends with the place and the date
# "..., in Kherson, Ukraine, Oct. 31, 2023." (also "..., Feb. 26, 2025, after an overnight attack."): a photo's caption.
CAPTION_END_RE = re.compile(r",\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})"
                            r"(?:,\s+(?:after|as|following|amid|during)\s[^.]*)?\.\s*$")


def is_title_case(sent: Span) -> bool:
    """Every word capitalised but the small ones, as in a headline."""
    words = [t.text for t in sent if t.is_alpha and t.lower_ not in MINOR_WORDS]
    if not 3 <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    return all(w[:1].isupper() for w in words)


def phrase_tokens(head: Token, *, with_of: bool = True, with_acl: bool = True, max_tokens: int = 16) -> list[Token]:
    """The tokens of a compact noun phrase around ``head`` (left modifiers, 'of X', 'used by X')."""
    chosen: set[int] = {head.i}
    for child in head.lefts:
        if child.dep_ in LEFT_PHRASE_DEPS or child.text in QUOTES:
            chosen.update(t.i for t in child.subtree)
    for child in [*head.rights, *_glued_word_preps(head)]:
        if child.dep_ == "case" or (child.i == head.i + 1 and (child.text in QUOTES or _numbered_name(head, child))):
            chosen.add(child.i)  # "the group's", "Tower 22"
        elif child.dep_ == "appos" and head.i + 1 < len(head.doc) and head.doc[child.i - 1].text == "(":
            chosen.update(t.i for t in child.subtree)
            if child.right_edge.i + 1 < len(head.doc) and head.doc[child.right_edge.i + 1].text == ")":
                chosen.add(child.right_edge.i + 1)
            chosen.add(child.i - 1)
        elif with_of and child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                chosen.add(child.i)
                chosen.update(t.i for t in phrase_tokens(objects[0], with_of=False, with_acl=False))
        elif child.dep_ == "dobj" and child.i == head.i + 1 and head.dep_ == "conj" and head.head.pos_ == "NOUN":
            chosen.update(t.i for t in phrase_tokens(child, with_of=False, with_acl=False))  # "radar and launch sites"
        elif with_acl and child.dep_ == "acl" and child.tag_ == "VBN":
            agents = [c for c in child.children if c.dep_ in {"agent", "prep"}]
            if agents:
                chosen.add(child.i)
                for agent in agents[:1]:
                    objects = [c for c in agent.children if c.dep_ == "pobj"]
                    if objects:
                        chosen.add(agent.i)
                        chosen.update(t.i for t in phrase_tokens(objects[0], with_of=False, with_acl=False))
                        for conj in objects[0].conjuncts:
                            chosen.update(t.i for t in conj.subtree)
    start, end = _glued_by_dashes(head.doc, min(chosen), max(chosen) + 1)
    low, high = _line_bounds(head, start, end)
    start, end = max(start, low), min(end, high)
    start = _past_an_agency_mark(head, start)
    # keep it contiguous and short; never cross a line break
    tokens = [t for t in head.doc[start:end] if not t.is_space]
    if len(tokens) > max_tokens:
        tokens = [t for t in tokens if abs(t.i - head.i) <= max_tokens // 2 or t.i in chosen and t.i <= head.i]
        while tokens and (tokens[-1].pos_ in {"CCONJ", "ADP", "DET", "PUNCT"} or tokens[-1].dep_ == "acl" or (
                _modifies_beyond(tokens[-1]))):
            tokens.pop()  # not "used by X and", nor "facilities used", nor "used by Iran's Islamic", cut short
    return tokens


def _modifies_beyond(token: Token) -> bool:
    """A word of a name or a modifier whose noun comes later ("Iran's Islamic"): a phrase cut there is cut short."""
    owner = token.head if token.dep_ == "case" else token
    return owner.dep_ in {"compound", "poss", "amod", "nmod"} and owner.head.i > token.i


def _glued_word_preps(head: Token) -> list[Token]:
    """'of the council' in 'the secretary-general of the council', parsed on 'general': the prepositions of a
    word joined to the head by a dash count as the head's."""
    doc = head.doc
    if head.i + 2 >= len(doc) or doc[head.i + 1].text not in DASHES or doc[head.i].whitespace_ or (
            doc[head.i + 1].whitespace_):
        return []
    glued = doc[head.i + 2]
    return [c for c in glued.rights if c.dep_ == "prep"] if glued.head.i == head.i else []


def _past_an_agency_mark(head: Token, start: int) -> int:
    """'Oct 16 (Agency) - Sudanese forces' parsed as one phrase, the dateline's town cut off as a sentence of its
    own: the phrase starts after the dateline's dash."""
    doc = head.doc
    for i in range(start + 1, head.i):
        if doc[i].text in {"-", "–", "—", "--"} and doc[i - 1].text == ")":
            start = i + 1
    return start


DASHES = frozenset({"-", "–"})


def glued_before(token: Token) -> Token | None:
    """The word joined to ``token`` by a dash written without spaces, which the tokenizer cut off
    ('counter' of 'counter-offensive', 'ISIS' of 'ISIS–K'), or None."""
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text in DASHES and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return doc[i - 2]
    return None


ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "at", "ar", "az", "an", "ath", "adh", "ed", "es", "er"})
# Words that open Arabic place names and name a kind of feature: a cape, a valley, a mountain, a hill, a well,
# a spring, a village, a ruin, a monastery, a house, a castle ("Ras Isa", "Wadi al-Shati", "Tall al-Hawa").
ARABIC_FEATURE_WORDS = frozenset({"ras", "wadi", "jabal", "jebel", "tell", "tall", "tal", "bir", "ain", "kafr",
                                  "khirbet", "deir", "beit", "qasr"})


def _glued_by_dashes(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """'ISIS–K', 'Islamic State–Khorasan', 'al-Shabaab' (an Arabic article as transliterated): a name the
    tokenizer cut at a dash written without spaces is one name; the phrase takes the words glued to it."""
    while (before := glued_before(doc[start])) is not None and (
            before.text[:1].isupper() or before.lower_ in ARABIC_ARTICLES):
        start -= 2
    while end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and glued_before(doc[end + 1]) is not None:
        end += 2
    return start, end


def _breaks_line(token: Token) -> bool:
    """A line break after ``token`` that ends a line of its own (not a hard-wrapped one)."""
    if not ("\n" in token.whitespace_ or (token.is_space and "\n" in token.text)):
        return False
    return not _wrapped_after(token)


def _wrapped_after(token: Token) -> bool:
    """Whether the line break after ``token`` only wraps running text ('An army\n   spokesman')."""
    doc = token.doc
    if token.is_space:
        if token.i == 0:
            return False
        token = doc[token.i - 1]
    gap_end = token.i + 1
    while gap_end < len(doc) and doc[gap_end].is_space:
        gap_end += 1
    if token.is_space or gap_end >= len(doc):
        return False
    text = doc_text(doc)
    gap = text[token.idx + len(token.text): doc[gap_end].idx]
    if gap.count("\n") != 1 or token.text in SENTENCE_END:
        return False
    end = token.idx + len(token.text)
    line = text[text.rfind("\n", 0, end) + 1:end].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(line) >= WRAP_MIN_LINE and bool(words) and sum(w[:1].isupper() for w in words) * 2 < len(words)


def _line_bounds(head: Token, start: int, end: int) -> tuple[int, int]:
    """Token bounds of the line around ``head`` within [start, end)."""
    doc = head.doc
    low = head.i
    while low > start and not _breaks_line(doc[low - 1]):
        low -= 1
    high = head.i + 1
    while high < end and not _breaks_line(doc[high - 1]) and not (doc[high].is_space and _breaks_line(doc[high])):
        high += 1
    return low, high


def phrase_text(tokens: Sequence[Token]) -> str:
    """The text from the first token to the last, its brackets closed: "Jama'at Nusrat al-Islam
    (JNIM)" with the closing bracket the parse left outside, or cut before one that does not close."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    if end < len(doc) and doc[end].text == ")" and _open_brackets(doc[start:end]) > 0:
        end += 1
    while end > start and _open_brackets(doc[start:end]) > 0:
        end = max(t.i for t in doc[start:end] if t.text == "(")  # an aside cut short: left out
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end].text


def _open_brackets(span: Span) -> int:
    return sum(t.text == "(" for t in span) - sum(t.text == ")" for t in span)


def phrase_with_conjuncts(head: Token) -> str:
    """'The US and coalition troops', 'Iran and its supporters': the head with its conjuncts."""
    tokens = list(phrase_tokens(head))
    for conj in head.conjuncts:
        if conj.i > head.i:
            tokens.extend(phrase_tokens(conj))
    return phrase_text(sorted(tokens, key=lambda t: t.i))


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions of ``token`` named ``preps`` ('by X', 'against X')."""
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps:
            found.extend(c for c in prep.children if c.dep_ in {"pobj", "pcomp"})
    return found


def shared_subjects(verb: Token, *deps: str) -> list[Token]:
    """The verb's subjects (``deps``, "nsubj" unless given), or those of the verb it is conjoined to when it
    has none of its own ("a gunman entered the church and killed seven"), or the noun an active verb with an
    object hangs on ("Suspected fighters killed 20 soldiers, sources said", parsed as fighters who were killed)."""
    deps = deps or ("nsubj",)
    own = past_a_dateline(children(verb, *deps))
    if not own and verb.dep_ == "acl" and "nsubj" in deps and children(verb, "dobj") and not is_passive(verb):
        return [verb.head]
    if own or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return own
    if "nsubj" in deps and is_passive(verb.head) and children(verb, "dobj") and not is_passive(verb):
        return past_a_dateline(children(verb.head, "nsubjpass"))  # "police were sent in and killed three gunmen"
    head = verb.head
    while not children(head, *deps) and head.dep_ == "conj" and head.head.pos_ == "VERB":
        head = head.head  # "gunmen stopped a bus, forced nine passengers off and shot them"
    return past_a_dateline(children(head, *deps))


def answering_subjects(verb: Token) -> list[Token]:
    """'troops responded (by) destroying posts': the subjects of the verb a gerund tells the manner of."""
    if verb.tag_ != "VBG" or not (verb.dep_ == "advcl" or (verb.dep_ == "pcomp" and verb.head.lower_ == "by")):
        return []
    head = verb.head if verb.dep_ == "advcl" else verb.head.head
    return past_a_dateline(children(head, "nsubj")) if head.pos_ == "VERB" else []


def _numbered_name(head: Token, number: Token) -> bool:
    return (number.dep_ == "nummod" and head.pos_ == "PROPN" and head.ent_type_ not in {"GPE", "LOC", "DATE"}
            and number.ent_type_ not in {"DATE", "TIME"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def ancestors_within(token: Token, sent: Span) -> Iterable[Token]:
    """The heads above ``token`` up to the root of its sentence segment."""
    current = token
    while current.head.i != current.i and sent.start <= current.head.i < sent.end:
        current = current.head
        yield current


def toponym_tokens(doc: Doc, toponyms: Sequence[Toponym]) -> list[tuple[Toponym, Span]]:
    """Each toponym with its tokens (toponyms that do not align with tokens are skipped)."""
    result: list[tuple[Toponym, Span]] = []
    for toponym in toponyms:
        span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        if span is not None and len(span):
            result.append((toponym, span))
    return result


_DESCRIBING_PARTICIPLES = frozenset({"based", "backed", "led", "aligned", "allied", "funded", "linked", "run", "held"})


def names_in_a_description(token: Token) -> bool:
    """'Britain' in 'the Britain-based monitor', 'Kyiv' in 'a Kyiv-led group': a name inside a description."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in _DESCRIBING_PARTICIPLES
