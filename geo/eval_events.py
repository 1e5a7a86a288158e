"""``python -m geo.eval_events --corpus conflict-news [--split dev|test] [--details]``: the events scorer under
the name issue 16 gives it; the scorer itself lives with the other benchmarks in ``geo.bench.eval_events``."""

from __future__ import annotations

import sys

from geo.bench.eval_events import main

if __name__ == "__main__":
    sys.exit(main())
