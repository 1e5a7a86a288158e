"""A Ctrl-C that stays heard through a long command: ``InterruptLatch`` remembers the signal as well as raising
``KeyboardInterrupt``, so that a library which swallows the exception (a bare ``except:`` around an import
or a model load) cannot make the run go on to the end; the ingest checks the latch after every item.

Used by ``geo.cli.corpus``; imports the standard library only.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

__all__ = ["InterruptLatch"]


class InterruptLatch:
    """``install()`` in the main thread, ``check()`` where stopping is safe, ``restore()`` when done."""

    def __init__(self) -> None:
        self.seen = False
        self._previous: Any = None

    def install(self) -> InterruptLatch:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._heard)
        return self

    def restore(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def check(self) -> None:
        """Raise ``KeyboardInterrupt`` when a Ctrl-C came, whoever caught the first one."""
        if self.seen:
            raise KeyboardInterrupt

    def _heard(self, signum: int, frame: FrameType | None) -> None:
        self.seen = True
        raise KeyboardInterrupt
