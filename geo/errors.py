"""GeoBrief's exceptions.

    GeoError                      every error GeoBrief raises on purpose
     +-- InputError (ValueError)  the text, file or option given cannot be used
     +-- ModelError               the spaCy language model is missing or broken
     +-- GazetteerError           the offline place index cannot be built or read
     +-- FetchError               a URL or feed could not be fetched

Each message is one line that says what went wrong and what to do about it;
the CLI prints it as it is and the dashboard shows it with ``st.error``.
"""

from __future__ import annotations


class GeoError(Exception):
    """Root of GeoBrief's errors."""


class InputError(GeoError, ValueError):
    """Unusable input: empty, binary, too large, an unknown file type, a missing file."""


class ModelError(GeoError):
    """No usable spaCy language model."""


class GazetteerError(GeoError):
    """The offline gazetteer index could not be built or opened."""


class FetchError(GeoError):
    """A URL or feed could not be fetched (offline, refused, too large, timed out)."""


def one_line(exc: BaseException) -> str:
    """The first line of an error's message, or its type's name when it has none: what a page shows."""
    text = str(exc)
    return text.splitlines()[0] if text.strip() else type(exc).__name__


__all__ = ["GeoError", "InputError", "ModelError", "GazetteerError", "FetchError", "one_line"]
