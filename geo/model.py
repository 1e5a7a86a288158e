"""GeoBrief's data model: small frozen value types, and the JSON contract.

``Report.to_dict()`` is the public JSON shape (``python -m geo extract --format json``)
and ``Report.from_dict()`` reads it back. Every character offset indexes
``Article.text``, the text that was analysed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

PlaceKind = Literal["city", "admin1", "country", "facility", "region", "other"]
EventKind = Literal["attack", "response"]
SourceType = Literal["official", "wire", "media", "anonymous", "ngo", "other"]

PLACE_KINDS: tuple[str, ...] = ("city", "admin1", "country", "facility", "region", "other")
SOURCE_TYPES: tuple[str, ...] = ("official", "wire", "media", "anonymous", "ngo", "other")

# ACLED sub-event types used as event categories.
CATEGORIES: tuple[str, ...] = (
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Armed clash",
    "Attack", "Suicide bomb", "Grenade", "Abduction/forced disappearance", "Looting/property destruction",
    "Disrupted weapons use", "Other",
)


def where_text(place: str | None, areas: tuple[str, ...] | list[str]) -> str | None:
    """An event's place as an analyst reads it (``Event.where``; also for its JSON form)."""
    if place or not areas:
        return place
    *rest, last = areas
    return f"across {', '.join(rest)} and {last}" if rest else f"across {last}"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the analysed text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(text=data["text"], start=int(data["start"]), end=int(data["end"]))


@dataclass(frozen=True, slots=True)
class Article:
    """One article as it was analysed."""

    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    credits: tuple[str, ...] = ()  # image and photo credits, kept apart from sources

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        published = self.published.isoformat() if self.published else None
        return {"title": self.title, "url": self.url, "published": published, "text_sha256": self.text_sha256,
                "outlet": self.outlet, "credits": list(self.credits)}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name could refer to, with its score for this mention."""

    name: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    geonameid: int | None = None
    admin1: str | None = None
    population: int = 0
    score: float = 0.0
    # Ranking evidence from the gazetteer, not in the JSON contract: how many distinct names the place has (a
    # notability measure) and whether the mention matched one of its main names rather than an alternate name.
    name_count: int = 1
    main_name: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "population": self.population,
            "score": round(self.score, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Candidate:
        return cls(
            name=data["name"],
            kind=data["kind"],
            country=data.get("country"),
            lat=float(data["lat"]),
            lon=float(data["lon"]),
            geonameid=data.get("geonameid"),
            admin1=data.get("admin1"),
            population=int(data.get("population") or 0),
            score=float(data.get("score") or 0.0),
        )


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name at one position of the text, and where it was resolved to.

    ``lat``/``lon`` are None when the name could not be resolved.
    """

    start: int
    end: int
    text: str
    name: str | None = None
    kind: str = "other"
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    confidence: float = 0.0
    admin1: str | None = None
    alternatives: tuple[Candidate, ...] = ()
    # A demonym or country adjective ("Syrian", "Russians"): resolved to its country, it informs
    # the document's context but is not a place of the report (never drawn).
    demonym: bool = False

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def place_key(self) -> str:
        """Identity of the place this toponym points at, shared by all its mentions."""
        if self.geonameid is not None:
            return f"gn:{self.geonameid}"
        if self.resolved:
            return f"{self.kind}:{self.name}:{self.lat:.4f},{self.lon:.4f}"
        return f"unresolved:{self.text.casefold()}"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name, "kind": self.kind,
                "country": self.country, "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid, "confidence": round(self.confidence, 4),
                "alternatives": [c.to_dict() for c in self.alternatives], "demonym": self.demonym}


@dataclass(frozen=True, slots=True)
class Place:
    """A distinct place of the article with all its mentions."""

    key: str
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    confidence: float
    mentions: tuple[TextSpan, ...]
    admin1: str | None = None
    alternatives: tuple[Candidate, ...] = ()
    corrected: bool = False  # True when an analyst chose this reading (geo.places.corrections)

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "confidence": round(self.confidence, 4),
            "mentions": [m.to_dict() for m in self.mentions],
            "alternatives": [c.to_dict() for c in self.alternatives],
            "corrected": self.corrected,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(
            key=data.get("key") or f"gn:{data.get('geonameid')}",
            name=data["name"],
            kind=data["kind"],
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            geonameid=data.get("geonameid"),
            confidence=float(data.get("confidence") or 0.0),
            mentions=tuple(TextSpan.from_dict(m) for m in data.get("mentions", ())),
            admin1=data.get("admin1"),
            alternatives=tuple(Candidate.from_dict(c) for c in data.get("alternatives", ())),
            corrected=bool(data.get("corrected", False)),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """An attack or a response, with the sentence(s) that report it.

    ``evidence`` is the first sentence that reports the event; ``mentions`` all of them.
    ``place`` is None when the event's location is unknown (it is still listed) or when the text tells it
    over several places alike ("40 attacks in Syria and Iraq"): ``areas`` names those, and ``where`` reads
    "across Syria and Iraq".
    """

    kind: str  # "attack" | "response"
    summary: str
    category: str
    evidence: TextSpan
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    place_key: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: date | None = None
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    sources: tuple[str, ...] = ()
    mentions: tuple[TextSpan, ...] = ()
    date_precision: str | None = None  # "day", or "month" when only the month is known; None without a date
    corrected: bool = False  # an analyst changed or moved it (geo.corpus.event_corrections)
    areas: tuple[str, ...] = ()  # the places an unpinned event is told over alike; empty when it has a place

    def __post_init__(self) -> None:
        if self.date is not None and self.date_precision is None:
            object.__setattr__(self, "date_precision", "day")
        elif self.date is None and self.date_precision is not None:
            object.__setattr__(self, "date_precision", None)

    @property
    def date_text(self) -> str:
        """The date as an analyst reads it: '2024-03-05', '2022-08' when only the month is known, ''."""
        text = self.date.isoformat() if self.date is not None else ""
        return text[:7] if self.date_precision == "month" else text

    @property
    def where(self) -> str | None:
        """Its place as an analyst reads it: the place, 'across Syria and Iraq', or None when unknown."""
        return where_text(self.place, self.areas)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "summary": self.summary,
            "category": self.category,
            "actor": self.actor,
            "target": self.target,
            "place": self.place,
            "place_key": self.place_key,
            "lat": self.lat,
            "lon": self.lon,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "count": self.count,
            "killed": self.killed,
            "injured": self.injured,
            "evidence": self.evidence.to_dict(),
            "mentions": [m.to_dict() for m in (self.mentions or (self.evidence,))],
            "sources": list(self.sources),
            "corrected": self.corrected,
            "areas": list(self.areas),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            kind=data["kind"],
            summary=data["summary"],
            category=data["category"],
            evidence=TextSpan.from_dict(data["evidence"]),
            actor=data.get("actor"),
            target=data.get("target"),
            place=data.get("place"),
            place_key=data.get("place_key"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            date=date.fromisoformat(data["date"]) if data.get("date") else None,
            date_precision=data.get("date_precision"),
            count=data.get("count"),
            killed=data.get("killed"),
            injured=data.get("injured"),
            sources=tuple(data.get("sources", ())),
            mentions=tuple(TextSpan.from_dict(m) for m in data.get("mentions", ())),
            corrected=bool(data.get("corrected", False)),
            areas=tuple(data.get("areas", ())),
        )


@dataclass(frozen=True, slots=True)
class Source:
    """Someone the article cites, with what they said.

    ``via`` names the outlet or person that relayed the source ("an unnamed local
    source" via "Reuters"); ``role`` is a title that came with the name
    ("US Defense Secretary").
    """

    name: str
    type: str  # one of SOURCE_TYPES
    claims: tuple[TextSpan, ...]
    via: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "via": self.via,
            "role": self.role,
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(
            name=data["name"],
            type=data["type"],
            via=data.get("via"),
            role=data.get("role"),
            claims=tuple(TextSpan.from_dict(c) for c in data.get("claims", ())),
        )


@dataclass(frozen=True, slots=True)
class Report:
    """Everything GeoBrief found in one article."""

    article: Article
    places: tuple[Place, ...] = ()
    attacks: tuple[Event, ...] = ()
    responses: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def events(self) -> tuple[Event, ...]:
        return self.attacks + self.responses

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "places": [p.to_dict() for p in self.places],
            "attacks": [e.to_dict() for e in self.attacks],
            "responses": [e.to_dict() for e in self.responses],
            "sources": [s.to_dict() for s in self.sources],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str) -> Report:
        """Read a report back; ``text`` is the analysed text (the JSON keeps only its hash)."""
        art = data["article"]
        article = Article(
            text=text,
            title=art.get("title"),
            url=art.get("url"),
            published=date.fromisoformat(art["published"]) if art.get("published") else None,
            outlet=art.get("outlet"),
            credits=tuple(art.get("credits", ())),
        )
        return cls(
            article=article,
            places=tuple(Place.from_dict(p) for p in data.get("places", ())),
            attacks=tuple(Event.from_dict(e) for e in data.get("attacks", ())),
            responses=tuple(Event.from_dict(e) for e in data.get("responses", ())),
            sources=tuple(Source.from_dict(s) for s in data.get("sources", ())),
            meta=dict(data.get("meta", {})),
        )
