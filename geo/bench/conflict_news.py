"""The labelled conflict-news corpus (``../shared/conflict-news``) as an evaluation set for attacks,
responses and sources: ``python -m geo.bench.eval_events --corpus conflict-news --split dev|test``.

Each file is a URL line, a date line, a blank line and the text; ``truth.jsonl`` holds the labels
(its README gives the guideline). The split is fixed: files whose number is divisible by 3 are the
test part. The texts are read at evaluation time and never copied into the project.

What counts as right, beyond the matching of ``geo.bench.eval_events``:

- **Place**: the label names one place mention of the text (or none). Its coordinates come from
  the label's place entries. A town, site or neighbourhood is right within ``TOWN_KM``; a province,
  country or region is right when the event is placed at that area itself (the same name, or a
  place of the same level within ``AREA_KM`` of the label's rough centre). A place the labels could
  not locate is right when the event's place has its name. No labelled place: right when the event
  has none either.
- **Source**: one row per source however it is spelled (``source_match``): "Lloyd Austin" is "Lloyd
  J. Austin III", "U.S. Africa Command" is "U.S. Africa Command Public Affairs", "SPA" is "Saudi
  Press Agency (SPA)", "CENTCOM" is "U.S. Central Command". A second row for a source already found
  is a false alarm.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from geo.events import actors
from geo.gazetteer import fold_name
from geo.geometry import distance_km
from geo.model import Event, Place
from geo.settings import DATA_DIR, PROJECT_DIR

DEFAULT_ROOT = PROJECT_DIR.parent / "shared" / "conflict-news"
SYNTHETIC_ROOT = DATA_DIR / "conflict_synthetic"
SPLITS = ("dev", "test", "all")
TOWN_KM = 25.0
AREA_KM = 150.0
TOWN_KINDS = frozenset({"city", "facility", "other"})
AREA_KINDS = frozenset({"admin1", "country", "region"})

# Words that are part of how a source is named but do not tell one source from another.
TITLE_WORDS = frozenset({
    "secretary", "sec", "of", "president", "prime", "minister", "gen", "general",
    "col", "colonel", "lt", "maj", "major", "adm", "admiral", "capt", "captain", "spokesman", "spokeswoman",
    "spokesperson", "dr", "mr", "ms", "mrs", "iii", "ii", "jr", "sr", "governor", "gov", "chief", "commander",
    "press", "public", "affairs", "office", "for", "and", "in", "on", "anonymous", "unnamed",
})
GENERIC_WORDS = frozenset({
    "officials", "official", "sources", "source", "authorities", "government", "ministry", "military",
    "forces", "army", "police", "spokesman", "spokesperson", "residents", "witnesses", "activists", "locals",
    "survivors", "statement", "agency", "command", "media", "u", "s", "us", "united", "states", "group",
})
# Short names of commands that texts use as often as the full ones.
COMMAND_SHORT_NAMES = {"centcom": ("central", "command"), "uscentcom": ("central", "command"),
                       "africom": ("africa", "command"), "usafricom": ("africa", "command"),
                       "eucom": ("european", "command"), "indopacom": ("indo", "pacific", "command"),
                       # the Pentagon: the department it houses
                       "pentagon": ("defense", "department"), "dod": ("defense", "department")}
_PARENTHESES = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True, slots=True)
class ConflictArticle:
    """One labelled file: its name, number, the URL and date of its header, the text after it, the labels."""

    name: str
    number: int
    url: str | None
    published: date | None
    text: str
    truth: dict[str, Any]

    @property
    def split(self) -> str:
        return split_of(self.number)


def file_number(file: str) -> int:
    """The number a corpus file's name starts with ('07_...', '105_...')."""
    match = re.match(r"\d+", file)
    if match is None:
        raise ValueError(f"corpus file name without a number: {file!r}")
    return int(match.group())


def split_of(number: int) -> str:
    return "test" if number % 3 == 0 else "dev"


def load_articles(root: Path = DEFAULT_ROOT, split: str = "dev") -> list[ConflictArticle]:
    """The labelled articles of ``split`` ("dev", "test" or "all"), in file order; [] when absent."""
    truth_path = root / "truth.jsonl"
    if not truth_path.is_file():
        return []
    articles = []
    for line in truth_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        truth = json.loads(line)
        number = file_number(truth["file"])
        if split != "all" and split_of(number) != split:
            continue
        url, day, _blank, text = (root / "articles" / truth["file"]).read_text(encoding="utf-8").split("\n", 3)
        try:
            published = date.fromisoformat(day.strip())
        except ValueError:
            published = None
        articles.append(ConflictArticle(truth["file"], number, url.strip() or None, published, text, truth))
    return articles


def gold_document(article: ConflictArticle) -> dict[str, Any]:
    """The labels in the shape ``geo.bench.eval_events`` scores: events with their evidence and fields,
    sources with their names."""
    truth = article.truth
    events = []
    for kind, key in (("attack", "attacks"), ("response", "responses")):
        for label in truth[key]:
            events.append({"kind": kind, "evidence": [{"text": label["evidence"]}], "actor": label["actor"],
                           "target": label["target"], "place": [label["place"]] if label["place"] else [],
                           "date": label["date"], "count": label["count"], "killed": label["killed"],
                           "injured": label["injured"], "summary": label["summary"]})
    sources = [{"name": s["name"], "type": s["type"], "via": s["via"]} for s in truth["sources"]]
    return {"events": events, "sources": sources}


def places_by_mention(article: ConflictArticle) -> dict[str, dict[str, Any]]:
    """The labels' place entry for each mention (a literal one when the mention has several roles)."""
    found: dict[str, dict[str, Any]] = {}
    for entry in article.truth["places"]:
        if entry["mention"] not in found or entry["role"] == "literal":
            found[entry["mention"]] = entry
    return found


def _folded(name: str | None) -> str:
    return fold_name(_PARENTHESES.sub(" ", name or "")).strip()


def place_right(event: Event, gold: dict[str, Any], places: Sequence[Place],
                labelled: dict[str, dict[str, Any]]) -> bool:
    """Whether the event is placed where the label says (see the module's docstring)."""
    wanted = gold["place"][0] if gold["place"] else None
    if wanted is None:
        return event.place is None
    if event.place is None:
        return False
    entry = labelled.get(wanted, {"mention": wanted, "name": wanted, "kind": "city", "lat": None, "lon": None})
    names = {_folded(entry["mention"]), _folded(entry["name"])} - {""}
    place = next((p for p in places if p.key == event.place_key), None)
    shown = {_folded(event.place), _folded(place.name if place else None)} | (
        {_folded(m.text) for m in place.mentions} if place else set())
    same_name = bool(names & shown) or any(n in s.split(" near ")[0] for n in names for s in shown if s)
    if entry["lat"] is None or event.lat is None or event.lon is None:
        return same_name
    away = distance_km(entry["lat"], entry["lon"], event.lat, event.lon)
    if entry["kind"] in TOWN_KINDS:
        return away <= TOWN_KM
    level = place.kind if place else None
    return level in AREA_KINDS and (same_name or (level == entry["kind"] and away <= AREA_KM))


def _words(name: str) -> list[str]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    text = re.sub(r"[’']s\b", "", folded).replace("defence", "defense")  # "Burkinabè" = "Burkinabe"
    text = re.sub(r"\bunited nations\b|\bu\.n\.", "un", text)  # "the UN Secretary-General"
    text = re.sub(r"\beuropean union\b|\be\.u\.", "eu", text)
    words = [w for w in re.split(r"[^\w]+", text) if w and w not in {"the", "a", "an"}]
    return [part for w in words for part in COMMAND_SHORT_NAMES.get(w, (w,))]


def name_variants(name: str) -> list[set[str]]:
    """The word sets a source's name may be written with: the name without titles, the acronym of a
    long name ("International Atomic Energy Agency": IAEA), a short name it gives in parentheses
    ("Saudi Press Agency (SPA)"), and the name a description in parentheses gives ("(spokesperson Jane Roe)";
    not "(unnamed)")."""
    bare = _PARENTHESES.sub(" ", name)
    variants = [{w for w in _words(bare) if w not in TITLE_WORDS and len(w) > 1}]
    variants += [set(_words(inside)) for inside in _PARENTHESES.findall(name) if inside.strip() and inside == inside.upper()]
    variants += [_named_inside(inside) for inside in _PARENTHESES.findall(name) if inside != inside.upper()]
    full = [w for w in _words(bare) if w not in {"of", "and", "for", "in", "on"}]
    if len(full) >= 3:
        variants.append({"".join(w[0] for w in full)})
    return [v for v in variants if v]


def _named_inside(description: str) -> set[str]:
    """The one a label names in its parentheses ("U.S. Department of State (spokesperson Jane Roe)": Jane Roe;
    "Uba Sani (Kaduna State governor)": Kaduna State, whose governor he is), when it names one in two capitalised
    words or more: the same source under the other name."""
    named = [w for w in description.replace(",", " ").split() if w[:1].isupper() and w.lower().strip(".") not in (
        TITLE_WORDS)]
    return {w for w in _words(" ".join(named)) if len(w) > 1} if len(named) >= 2 else set()


def _same_word(a: str, b: str) -> bool:
    """One word, or a country and its people's adjective ("Russia", "Russian"; "Iran", "Iranian")."""
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2) or (
        (side := actors.named_exactly(a)) is not None and side == actors.named_exactly(b))  # "Iran", "Iranian"


def _within(small: set[str], large: set[str]) -> bool:
    return all(any(_same_word(w, other) for other in large) for w in small)


def source_match(predicted: str, gold_name: str) -> int:
    """How surely two names name one source: 2 the same words once titles are set aside, 1 one
    name's distinctive words all within the other's ("Lloyd Austin" in "Lloyd J. Austin III"), else 0.
    A label that lumps sources together ("survivors and aid workers") is met by either of them."""
    parts = [p for p in re.split(r",\s*|\s+and\s+", _PARENTHESES.sub(" ", gold_name)) if p.strip()]
    if len(parts) > 1 and not any(w[:1].isupper() for w in gold_name.split()[1:]):
        return max(source_match(predicted, part) for part in parts)
    best = 0
    for mine in name_variants(predicted):
        for theirs in name_variants(gold_name):
            if _within(mine, theirs) and _within(theirs, mine):
                return 2
            small, large = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
            if _within(small, large) and small - GENERIC_WORDS:
                best = 1
    return best
