"""Time and size of every export: ``python -m geo.bench.exports [ARTICLE] [--published YYYY-MM-DD]``.

Analyses the article once (default: the bundled sample, published 2023-11-09), then makes each
export twice (the first run includes importing matplotlib/reportlab and reading the basemap)
and prints the bytes and seconds.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from geo.exports.formats import FORMATS, export_file

SAMPLE_PUBLISHED = date(2023, 11, 9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.exports", description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", help="an article file (default: the bundled sample)")
    parser.add_argument("--published", type=date.fromisoformat, help="publication date YYYY-MM-DD")
    args = parser.parse_args(argv)

    from geo.ingest import SAMPLE_ARTICLE_PATH, read_path
    from geo.pipeline import analyze_article

    path = args.article or str(SAMPLE_ARTICLE_PATH)
    published = args.published or (SAMPLE_PUBLISHED if args.article is None else None)
    started = time.perf_counter()
    report = analyze_article(read_path(path, published=published))
    print(f"analysis: {time.perf_counter() - started:.2f} s ({len(report.places)} places, "
          f"{len(report.attacks)} attacks, {len(report.responses)} responses)")
    print(f"{'format':<8} {'bytes':>10} {'first s':>8} {'again s':>8}")
    for fmt in FORMATS:
        timings = []
        for _ in range(2):
            started = time.perf_counter()
            exported = export_file(report, fmt)
            timings.append(time.perf_counter() - started)
        print(f"{fmt:<8} {len(exported.data):>10,} {timings[0]:>8.2f} {timings[1]:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
