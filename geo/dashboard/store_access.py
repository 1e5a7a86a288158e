"""How the dashboard opens the corpus store, and what a visitor reads when it cannot.

    with reading(path) as store:        # a shared link, the Corpus page: read-only, beside an ingest
        report = store.load_report(article_id)
    with writing(path) as store:        # a link saved, an analyst's change
        store.save_grade(name, grade)

Each request opens the store, uses it and closes it again, so ``python -m geo ingest`` (which holds the
file only while it saves a batch) and the dashboard take turns. A reader that finds the file held
retries for a moment (``Store.open``'s default: a second or two; a writer longer), then raises
``StoreLockedError`` with ``BUSY_MESSAGE``. Whatever goes wrong reaches the page as a one-line GeoError
of the same class that never names a file on the server (the database path, its folder): the visitor
of a shared link sees the message, not the machine behind it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from geo.corpus import Store, StoreLockedError
from geo.errors import GeoError, one_line

BUSY_MESSAGE = "The corpus is busy (an ingest is writing); try again in a moment."
DATABASE = "the corpus database"
# An absolute path in a message (DuckDB's, the OS's), not the path part of a URL.
_SERVER_PATH = re.compile(r"(?<![\w:/.~-])/[^\s'\":;,()]+")


@contextmanager
def reading(path: Path, *, lock_timeout: float | None = None) -> Iterator[Store]:
    """The store at ``path`` open read-only for one request (a missing file reads as an empty corpus)."""
    with visitor_errors(path), Store.open(path, read_only=True, lock_timeout=lock_timeout) as store:
        yield store


@contextmanager
def writing(path: Path, *, lock_timeout: float | None = None) -> Iterator[Store]:
    """The store at ``path`` open for writing for one request (created when missing)."""
    with visitor_errors(path), Store.open(path, lock_timeout=lock_timeout) as store:
        yield store


@contextmanager
def visitor_errors(path: Path) -> Iterator[None]:
    """The block's errors as a visitor may read them (``visitor_message``), each a one-line GeoError."""
    try:
        yield
    except StoreLockedError as exc:
        raise StoreLockedError(BUSY_MESSAGE) from exc
    except GeoError as exc:
        raise _same_kind(exc, visitor_message(exc, path)) from exc
    except (duckdb.Error, OSError) as exc:  # not raised on purpose: still one line, and no path
        raise GeoError(f"The corpus cannot be read ({type(exc).__name__}): {visitor_message(exc, path)}") from exc


def visitor_message(exc: BaseException, path: Path) -> str:
    """``exc``'s one-line message with the database's path (and any other server path) left out."""
    if isinstance(exc, StoreLockedError):
        return BUSY_MESSAGE
    text = one_line(exc)
    names = {str(path), str(path.expanduser()), str(path.expanduser().resolve())}
    for name in sorted(names, key=len, reverse=True):  # the longest first: a resolved path holds a shorter one
        text = re.sub(rf"(?:{DATABASE} )?['\"]?{re.escape(name)}(?:\.wal)?['\"]?", DATABASE, text)
    text = _SERVER_PATH.sub("(a server path)", text)
    return text[:1].upper() + text[1:]


def _same_kind(exc: GeoError, message: str) -> GeoError:
    """A GeoError of ``exc``'s class (the pages tell a busy store from a broken one) with ``message``."""
    try:
        return type(exc)(message)
    except TypeError:  # an error class with another signature: the root class says it as well
        return GeoError(message)
