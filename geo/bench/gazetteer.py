"""Benchmark the gazetteer: cold start, memory and lookup time.

    python -m geo.bench.gazetteer [--lookups 2000] [--build]
    python -m geo.bench.gazetteer --add ../shared/gazetteers/conflict15-wof.geonames.txt.gz

Prints the seconds to import and open the index (building it first if it is missing, which
is reported apart), the resident memory above the bare interpreter, and the mean lookup time
for names drawn from the index (exact) and for the same names misspelt (fuzzy path). With
``--add FILE...``: the seconds ``geo gazetteer add`` takes to read the files into a private cache
dir, then the same figures without and with them, each in a fresh interpreter (names drawn from
the added places too).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geo.settings import Settings


def _rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; ru_maxrss elsewhere)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _misspell(name: str, rng: random.Random) -> str:
    """Another vowel in the middle of the name ("Mayadin" -> "Mayedin"): the fuzzy path."""
    vowels = [i for i, ch in enumerate(name) if ch in "aeiou" and 0 < i < len(name) - 1]
    if len(name) < 6 or not vowels:
        return name
    i = rng.choice(vowels)
    return name[:i] + rng.choice([v for v in "aeiou" if v != name[i]]) + name[i + 1:]


def run(lookups: int = 2000, build: bool = False, seed: int = 7) -> dict[str, float]:
    base_rss = _rss_mb()
    started = time.perf_counter()
    from geo.gazetteer.index import Gazetteer, build_index, index_path  # noqa: PLC0415 - timed import

    path = index_path()
    build_seconds = 0.0
    if build or not path.exists():
        build_started = time.perf_counter()
        build_index(path)
        build_seconds = time.perf_counter() - build_started
    open_started = time.perf_counter()
    gazetteer = Gazetteer.open()
    gazetteer.candidates("Damascus")
    cold_start = time.perf_counter() - started - build_seconds
    open_seconds = time.perf_counter() - open_started

    rng = random.Random(seed)
    count = int(gazetteer._query("SELECT COUNT(*) FROM places")[0][0])  # noqa: SLF001 - the built-in index's
    ids = [rng.randrange(count) for _ in range(lookups)]
    names = [row[0] for row in gazetteer._query(  # noqa: SLF001 - benchmark reads the index directly
        f"SELECT name FROM places WHERE id IN ({','.join('?' * len(ids))})", ids)]
    for connection in gazetteer._added:  # noqa: SLF001 - and the added places, as many again
        added_count = int(gazetteer._query("SELECT MAX(id) FROM places", (), connection)[0][0] or 0)  # noqa: SLF001
        added_ids = [rng.randrange(1, added_count + 1) for _ in range(lookups)] if added_count else []
        names += [row[0] for row in gazetteer._query(  # noqa: SLF001
            f"SELECT name FROM places WHERE id IN ({','.join('?' * len(added_ids))})", added_ids, connection)]
    timer = time.perf_counter()
    for name in names:
        gazetteer.candidates(name)
    exact_us = (time.perf_counter() - timer) / max(len(names), 1) * 1e6
    misspelt = [_misspell(name, rng) for name in names]
    timer = time.perf_counter()
    for name in misspelt:
        gazetteer.candidates(name)
    fuzzy_us = (time.perf_counter() - timer) / max(len(misspelt), 1) * 1e6
    return {
        "build_seconds": build_seconds,
        "cold_start_seconds": cold_start,
        "open_seconds": open_seconds,
        "rss_mb_above_interpreter": _rss_mb() - base_rss,
        "mean_lookup_us": exact_us,
        "mean_fuzzy_lookup_us": fuzzy_us,
        "lookups": float(len(names)),
        "index_mb": path.stat().st_size / 1e6,
    }


def _with_added(files: list[Path], lookups: int) -> int:
    """Time adding ``files`` in a private cache dir, then measure without and with them."""
    from geo.gazetteer import add_source, built_index  # noqa: PLC0415

    base = built_index()
    with tempfile.TemporaryDirectory(prefix="geobrief-bench-") as folder:
        plain, added = Path(folder) / "plain", Path(folder) / "added"
        for cache in (plain, added):
            cache.mkdir()
            (cache / base.name).symlink_to(base)
        started = time.perf_counter()
        source, _ = add_source(files, base, settings=Settings(cache_dir=added))
        print(f"add seconds:              {time.perf_counter() - started:.1f} "
              f"({source.rows:,} places from {', '.join(f.name for f in files)})")
        for label, cache in (("without", plain), ("with", added)):
            print(f"--- {label} the added gazetteer", flush=True)
            command = [sys.executable, "-m", "geo.bench.gazetteer", "--lookups", str(lookups)]
            result = subprocess.run(command, env={**os.environ, "GEOBRIEF_CACHE_DIR": str(cache)}, check=False)
            if result.returncode:
                return result.returncode
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.gazetteer", description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=2000, help="names to look up (default 2000)")
    parser.add_argument("--build", action="store_true", help="rebuild the index first and time it")
    parser.add_argument("--add", nargs="+", type=Path, metavar="FILE", help="GeoNames files to measure with")
    args = parser.parse_args(argv)
    if args.add:
        return _with_added(args.add, args.lookups)
    results = run(args.lookups, args.build)
    if results["build_seconds"]:
        print(f"build seconds:            {results['build_seconds']:.1f}")
    print(f"cold-start seconds:       {results['cold_start_seconds']:.3f} (open {results['open_seconds']:.3f})")
    print(f"RSS MB above interpreter: {results['rss_mb_above_interpreter']:.1f}")
    print(f"mean lookup us:           {results['mean_lookup_us']:.0f} (exact names, n={int(results['lookups'])})")
    print(f"mean fuzzy lookup us:     {results['mean_fuzzy_lookup_us']:.0f} (one vowel changed)")
    print(f"index size MB:            {results['index_mb']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
