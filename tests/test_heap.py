"""geo.heap: long-lived objects frozen out of the collector's way, garbage collected first."""

from __future__ import annotations

import gc
import weakref

from geo.heap import keep_long_lived


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_garbage_is_collected_before_the_live_objects_are_frozen() -> None:
    first, second = _Node(), _Node()
    first.other, second.other = second, first  # a reference cycle: only the collector frees it
    gone = weakref.ref(first)
    del first, second
    kept = _Node()
    try:
        frozen = keep_long_lived()
        assert gone() is None  # the cycle was collected, not frozen for ever
        assert frozen == gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())  # live objects left the collected generations
    finally:
        gc.unfreeze()
    assert any(o is kept for o in gc.get_objects())
