"""The project's own event labels (``geo/data/events_gold.json``, guideline at its top) on general-news
texts of the geoparsing benchmarks: how to read them, and how their places and sources are judged
(by name)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.model import Event, Place
from geo.settings import DATA_DIR, PROJECT_DIR

DEFAULT_ROOT = PROJECT_DIR.parent / "shared" / "benchmarks"
GOLD_PATH = DATA_DIR / "events_gold.json"
CORPUS_FILES = {"TR-News": ("TR-News.xml", "docid"), "LGL": ("lgl.xml", "docid"), "GeoWebNews": ("GWN.xml", "file")}
SAMPLE_PATH = PROJECT_DIR / "assets" / "sample_article.txt"

PlaceCheck = Callable[[Event, dict[str, Any], Sequence[Place]], bool]
SourceMatch = Callable[[str, dict[str, Any]], int]  # 0: another source; higher: surer


@dataclass(frozen=True)
class LabelledDocument:
    """A text to analyse with its labels, and how its places and sources are judged."""

    name: str
    text: str
    gold: dict[str, Any]
    published: Any = None
    url: str | None = None
    place_check: PlaceCheck | None = None
    source_match: SourceMatch | None = None


def normalise_name(name: str) -> str:
    """Compare source names: case, leading articles, parentheses and punctuation do not count."""
    text = re.sub(r"\([^)]*\)", " ", name.casefold())
    text = re.sub(r"[’']s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w not in {"the", "a", "an"}]
    while words and words[0] in {"anonymous", "unnamed"}:  # anonymity is the source's type, not its name
        words = words[1:]
    return " ".join(words)


def load_gold(path: Path = GOLD_PATH) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return list(json.load(handle)["documents"])


def load_texts(root: Path) -> dict[tuple[str, str], str]:
    """Every text of the corpora present under ``root``, by (corpus, document id); plus the sample."""
    texts: dict[tuple[str, str], str] = {}
    for corpus, (filename, id_attribute) in CORPUS_FILES.items():
        path = root / corpus / filename
        if not path.is_file():
            continue
        for article in ET.parse(path).getroot().iter("article"):
            texts[(corpus, article.get(id_attribute) or "")] = article.findtext("text") or ""
    if SAMPLE_PATH.is_file():
        texts[("sample", "sample_article")] = SAMPLE_PATH.read_text(encoding="utf-8")
    return texts


def _place_surfaces(event: Event, places: Sequence[Place]) -> list[str]:
    surfaces = [event.place] if event.place else list(event.areas)  # "across Syria and Iraq": either
    for place in places:
        if event.place_key and place.key == event.place_key:
            surfaces.append(place.name)
            surfaces.extend(m.text for m in place.mentions)
    return [normalise_name(s) for s in surfaces]


def place_right(event: Event, gold: dict[str, Any], places: Sequence[Place]) -> bool:
    """events-gold: the event's place is named like one of the labelled place names."""
    wanted = [normalise_name(p) for p in gold.get("place") or []]
    surfaces = _place_surfaces(event, places)
    if not wanted:
        return not surfaces
    return any(w == s or (w in s) or (s in w) for w in wanted for s in surfaces if s)


def source_named(name: str, gold: dict[str, Any]) -> int:
    """events-gold: the normalised name is the gold name or one of its aliases."""
    return int(normalise_name(name) in {normalise_name(n) for n in (gold["name"], *gold.get("aliases", ()))})


def labelled_documents(root: Path) -> tuple[list[LabelledDocument], int]:
    """The events-gold documents whose texts are present, and how many are not."""
    texts = load_texts(root)
    documents, skipped = [], 0
    for document in load_gold():
        key = (document["corpus"], document["doc"])
        if key not in texts:
            skipped += 1
            continue
        documents.append(LabelledDocument(f"{key[0]}/{key[1]}", texts[key], document))
    return documents, skipped
