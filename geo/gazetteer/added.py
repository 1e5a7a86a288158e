"""Gazetteers the user brings: GeoNames dump files read into their own compact index, beside the
built-in one, under ``GEOBRIEF_CACHE_DIR/gazetteers/``.

    source = add_source([Path("SY.zip"), Path("IQ.zip")], settings=settings)   # AddedSource(name='SY', rows=...)
    list_sources(settings)                                                    # what is loaded
    remove_source("SY", settings)

Each source is one SQLite file with the built-in index's ``places``/``names``/``skeletons`` tables
(``geo.gazetteer.build``) and a JSON manifest beside it (files, rows, countries, date, digest).
Places the built-in index already holds (same GeoNames id) are left out, and so are provinces (the
built-in ISO 3166-2 table has them). A row's first-level code ("SY.13") is mapped to the built-in
province (ISO 3166-2, "SY-DY") where the built-in index puts the dump's towns of that code; for a
code with no such town, through the province's GeoNames id (``admin1CodesASCII.txt`` beside the
file, or the dump's ADM1 rows); a row with no known code takes the province of the nearest built-in
town within 50 km. The index is written to a temporary file and moved into
place only when the whole read succeeded: a bad row leaves nothing half-imported.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from datetime import UTC, datetime
from pathlib import Path

from geo.errors import GazetteerError
from geo.gazetteer.aliases import usable_alias
from geo.gazetteer.build import KIND_RANK, name_rows
from geo.gazetteer.geonames_dump import ADMIN1_FILE, DumpRow, admin_code_names, dump_rows
from geo.gazetteer import normalize
from geo.gazetteer.town_grid import TownGrid
from geo.settings import Settings

__all__ = ["DEFAULT_CREDIT", "FORMAT_VERSION", "AddedSource", "add_source", "added_dir", "describe_sources", "list_sources", "index_file",
           "remove_source", "source_name"]

DEFAULT_CREDIT = "GeoNames (geonames.org), CC BY 4.0"
FORMAT_VERSION = 1  # bump when what an added index stores changes: older ones are listed as stale
_BATCH = 20_000
_NAME_RE = re.compile(r"[^A-Za-z0-9._-]+")
_SUFFIXES = (".txt.gz", ".txt", ".zip", ".gz")

_SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
    admin1_code TEXT, admin1_name TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL DEFAULT 0, rank INTEGER NOT NULL DEFAULT 0, geonameid INTEGER,
    name_count INTEGER NOT NULL DEFAULT 1, feature_code TEXT, admin2_code TEXT
);
CREATE TABLE names (fold TEXT NOT NULL, key TEXT NOT NULL, skel TEXT NOT NULL, place_id INTEGER NOT NULL,
                    is_primary INTEGER NOT NULL DEFAULT 1);
"""
_INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE TABLE skeletons (skel TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (skel, key)) WITHOUT ROWID;
INSERT INTO skeletons SELECT DISTINCT skel, key FROM names;
CREATE INDEX places_geonameid ON places (geonameid);
"""


@dataclass(frozen=True, slots=True)
class AddedSource:
    """What one added gazetteer holds (its manifest)."""

    name: str
    files: tuple[str, ...]
    rows: int  # places stored (those the built-in index already held are not counted)
    skipped: int  # rows left out because the built-in index holds the same GeoNames id
    countries: tuple[str, ...]
    kinds: dict[str, int]
    added: str  # ISO date and time
    digest: str  # of the files' bytes and the format: re-adding the same files changes nothing
    credit: str = DEFAULT_CREDIT
    format: int = FORMAT_VERSION
    keys: str = ""  # the name keys' version (``key_version``) the index was built with

    @property
    def stale(self) -> bool:
        """Built by another version of the reader or of the name keys: add the files again."""
        return self.format != FORMAT_VERSION or self.keys != key_version()

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@lru_cache(maxsize=1)
def key_version() -> str:
    """A digest of the code that makes name keys: an index built with other keys cannot be read."""
    return hashlib.sha256(Path(normalize.__file__).read_bytes()).hexdigest()[:12]


def added_dir(settings: Settings | None = None) -> Path:
    return Path((settings or Settings.from_env()).cache_dir) / "gazetteers"


def source_name(paths: Sequence[Path]) -> str:
    """A source's default name: its first file's name without the data suffixes ("SY.zip" -> "SY")."""
    name = paths[0].name
    for suffix in _SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return _NAME_RE.sub("-", name).strip("-.") or "geonames"


def _manifest_path(directory: Path, name: str) -> Path:
    return directory / f"{name}.json"


def index_file(directory: Path, name: str) -> Path:
    return directory / f"{name}.sqlite"


def _read_manifest(path: Path) -> AddedSource | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return AddedSource(name=data["name"], files=tuple(data["files"]), rows=int(data["rows"]),
                           skipped=int(data.get("skipped", 0)), countries=tuple(data["countries"]),
                           kinds=dict(data.get("kinds", {})), added=data["added"], digest=data["digest"],
                           credit=str(data.get("credit") or DEFAULT_CREDIT), format=int(data.get("format", 0)),
                           keys=str(data.get("keys", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def list_sources(settings: Settings | None = None) -> list[AddedSource]:
    """The added gazetteers whose index is present, in the order they were added."""
    directory = added_dir(settings)
    if not directory.is_dir():
        return []
    sources = [source for path in directory.glob("*.json")
               if (source := _read_manifest(path)) is not None and index_file(directory, source.name).exists()]
    return sorted(sources, key=lambda s: (s.added, s.name))


def describe_sources(settings: Settings | None = None) -> list[dict[str, object]]:
    """The added gazetteers as rows for a table (the dashboard's About page)."""
    return [{"source": s.name, "places": s.rows, "countries": " ".join(s.countries), "added": s.added[:10],
             "credit": s.credit, "state": "add again: built by another version" if s.stale else "loaded"}
            for s in list_sources(settings)]


def remove_source(name: str, settings: Settings | None = None) -> AddedSource:
    """Take an added gazetteer out; ``GazetteerError`` when none goes by that name."""
    directory = added_dir(settings)
    safe = bool(name) and not _NAME_RE.search(name) and not name.startswith(".")  # never a path
    source = _read_manifest(_manifest_path(directory, name)) if safe and directory.is_dir() else None
    if source is None:
        known = ", ".join(s.name for s in list_sources(settings)) or "none"
        raise GazetteerError(f"no added gazetteer named {name!r} (loaded: {known})")
    _manifest_path(directory, name).unlink(missing_ok=True)
    index_file(directory, name).unlink(missing_ok=True)
    return source


def _digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256(f"format={FORMAT_VERSION};keys={key_version()};".encode())
    for path in paths:
        for extra in (path, *_admin_files(path)):
            try:
                with extra.open("rb") as handle:
                    while chunk := handle.read(1 << 20):
                        digest.update(chunk)
            except OSError as exc:
                raise GazetteerError(f"cannot read {extra} ({exc})") from exc
            digest.update(b"\0")
    return digest.hexdigest()


def _admin_files(path: Path) -> list[Path]:
    beside = path.parent / ADMIN1_FILE
    return [beside] if beside.is_file() and beside != path else []


@dataclass(slots=True)
class _BaseIndex:
    """What the import needs from the built-in index."""

    geonameids: set[int]
    city_admin1: dict[int, str]  # GeoNames id of a built-in city -> its ISO 3166-2 province
    admin1_by_geonameid: dict[int, str]  # GeoNames id of a province -> ISO 3166-2 code
    towns: TownGrid[str] = field(default_factory=TownGrid)  # built-in towns and their ISO 3166-2 provinces

    def nearest_province(self, country: str, lat: float, lon: float) -> str | None:
        """The province of the nearest built-in town of the same country (``geo.gazetteer.town_grid``)."""
        return self.towns.nearest(country, lat, lon)


def _read_base(base_index: Path) -> _BaseIndex:
    try:
        connection = sqlite3.connect(f"file:{base_index}?mode=ro", uri=True)
        try:
            rows = connection.execute(
                "SELECT geonameid, kind, admin1_code, country, lat, lon FROM places WHERE geonameid IS NOT NULL")
            base = _BaseIndex(set(), {}, {})
            for geonameid, kind, admin1_code, country, lat, lon in rows:
                base.geonameids.add(geonameid)
                if kind == "city" and admin1_code and "-" in admin1_code:
                    base.city_admin1[geonameid] = admin1_code
                    base.towns.add(country, lat, lon, admin1_code)
                elif kind == "admin1" and admin1_code:
                    base.admin1_by_geonameid[geonameid] = admin1_code
            return base
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot read the built-in gazetteer index {base_index} ({exc})") from exc


def _names(row: DumpRow) -> Iterator[tuple[str, bool]]:
    """The row's names worth matching, main ones first (Latin script: the articles are English)."""
    yield row.name, True
    if row.asciiname:
        yield row.asciiname, True
    for alias in row.alternate_names:
        if usable_alias(alias):
            yield alias, False




class _Import:
    """One pass over the files into an open SQLite connection."""

    def __init__(self, connection: sqlite3.Connection, base: _BaseIndex) -> None:
        self.connection = connection
        self.base = base
        self.next_id = 1
        self.skipped = 0
        self.kinds: Counter[str] = Counter()
        self.countries: set[str] = set()
        self.votes: defaultdict[str, Counter[str]] = defaultdict(Counter)  # "SY.13" -> ISO codes of its cities
        self.direct: dict[str, str] = {}  # "SY.13" -> "SY-DY" from ADM1 rows and admin1CodesASCII
        self.seen: set[int] | None = None  # GeoNames ids read, when several files may repeat one

    def admin_table(self, path: Path) -> None:
        for code, (_name, geonameid) in admin_code_names(path).items():
            if geonameid in self.base.admin1_by_geonameid:
                self.direct[code] = self.base.admin1_by_geonameid[geonameid]

    def read(self, path: Path, progress: Callable[[int], None]) -> None:
        places: list[tuple] = []
        names: list[tuple] = []
        for count, row in enumerate(dump_rows(path), start=1):
            if count % _BATCH == 0:
                self._flush(places, names)
                progress(_BATCH)
            raw_admin1 = f"{row.country}.{row.admin1}" if row.admin1 else ""
            if row.kind == "admin1":
                # Provinces come from the built-in ISO 3166-2 table; a dump's own one only tells
                # which of them its first-level code is.
                if raw_admin1 and row.geonameid in self.base.admin1_by_geonameid:
                    self.direct[raw_admin1] = self.base.admin1_by_geonameid[row.geonameid]
                self.skipped += 1
                continue
            if row.geonameid in self.base.geonameids:
                self.skipped += 1
                if raw_admin1 and row.geonameid in self.base.city_admin1:
                    self.votes[raw_admin1][self.base.city_admin1[row.geonameid]] += 1
                continue
            if self.seen is not None:
                if row.geonameid in self.seen:
                    continue
                self.seen.add(row.geonameid)
            place_id = self.next_id
            self.next_id += 1
            rows = name_rows(place_id, _names(row))
            name_count = max(1, len(rows))
            names.extend(rows)
            admin2 = f"{raw_admin1}.{row.admin2}" if raw_admin1 and row.admin2 else None
            places.append((place_id, row.name, row.kind, row.country, raw_admin1 or None, None, row.lat, row.lon,
                           row.population, KIND_RANK.get(row.kind, 0), row.geonameid, name_count,
                           row.feature_code, admin2))
            self.kinds[row.kind] += 1
            if row.country:
                self.countries.add(row.country)
        self._flush(places, names)

    def _flush(self, places: list[tuple], names: list[tuple]) -> None:
        self.connection.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
        self.connection.executemany("INSERT INTO names VALUES (?,?,?,?,?)", names)
        places.clear()
        names.clear()

    def map_provinces(self) -> None:
        """Replace each row's GeoNames first-level code by the built-in province's ISO code (the
        place's province name is looked up in the built-in index when it is read)."""
        # The built-in cities of the dump say best where the built-in index puts a code's places;
        # the provinces' GeoNames ids decide for codes with no such city.
        mapping = dict(self.direct)
        mapping.update((code, votes.most_common(1)[0][0]) for code, votes in self.votes.items())
        self.connection.execute("CREATE TEMP TABLE province_map (raw TEXT PRIMARY KEY, iso TEXT NOT NULL)")
        self.connection.executemany("INSERT INTO province_map VALUES (?, ?)", sorted(mapping.items()))
        self.connection.execute(
            "UPDATE places SET admin1_code = (SELECT iso FROM province_map WHERE raw = places.admin1_code)")
        # A row with no (known) first-level code lies in the province of the nearest built-in town.
        orphans = self.connection.execute(
            "SELECT id, country, lat, lon FROM places WHERE admin1_code IS NULL AND kind != 'admin1'").fetchall()
        updates = [(code, place_id) for place_id, country, lat, lon in orphans
                   if (code := self.base.nearest_province(country, lat, lon)) is not None]
        self.connection.executemany("UPDATE places SET admin1_code = ? WHERE id = ?", updates)


def add_source(paths: Sequence[Path], base_index: Path, *, name: str | None = None,
               settings: Settings | None = None, credit: str | None = None,
               progress: Callable[[int], None] = lambda rows: None) -> tuple[AddedSource, bool]:
    """Read GeoNames dump files into an added gazetteer and return it, with False when the same
    files were already loaded under that name (nothing is done then). ``progress`` is called with
    the number of rows read since its last call."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise GazetteerError("no GeoNames file given")
    for path in paths:
        if not path.is_file():
            raise GazetteerError(f"no such file: {path}")
    name = _NAME_RE.sub("-", name).strip("-.") if name else source_name(paths)
    directory = added_dir(settings)
    digest = _digest(paths)
    existing = _read_manifest(_manifest_path(directory, name))
    if (existing is not None and existing.digest == digest and not existing.stale
            and index_file(directory, name).exists()):
        return existing, False
    base = _read_base(base_index)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{name}", suffix=".tmp", dir=directory)
        os.close(handle)
    except OSError as exc:
        raise GazetteerError(f"cannot write under {directory} ({exc}); set GEOBRIEF_CACHE_DIR to a writable folder") \
            from exc
    try:
        connection = sqlite3.connect(temp_name)
        try:
            with connection:
                connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
                job = _Import(connection, base)
                job.seen = set() if len(paths) > 1 else None
                for path in paths:
                    for table in _admin_files(path):
                        job.admin_table(table)
                for path in paths:
                    job.read(path, progress)
                job.map_provinces()
                connection.executescript(_INDEXES)
            connection.execute("VACUUM")
        finally:
            connection.close()
        source = AddedSource(name=name, files=tuple(str(p.resolve()) for p in paths), rows=job.next_id - 1,
                             skipped=job.skipped, countries=tuple(sorted(job.countries)), kinds=dict(job.kinds),
                             added=datetime.now(UTC).isoformat(timespec="seconds"), digest=digest,
                             credit=(credit or "").strip() or DEFAULT_CREDIT, keys=key_version())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, index_file(directory, name))
        manifest = _manifest_path(directory, name)
        manifest.with_suffix(".json.tmp").write_text(json.dumps(source.to_dict(), indent=1), encoding="utf-8")
        os.replace(manifest.with_suffix(".json.tmp"), manifest)
    except (OSError, sqlite3.Error) as exc:
        raise GazetteerError(f"cannot write the added gazetteer {name} under {directory} ({exc})") from exc
    finally:
        Path(temp_name).unlink(missing_ok=True)
    return source, True
