"""Corpus benchmark and demo: ingest N generated articles twice, and a run killed halfway.

    python -m geo.bench.corpus [--articles 200] [--keep DIR]

Prints the figures (articles per second for a first and a repeated run, the article count after
each) and checks the done-when conditions of the corpus issue: the count stays N after a second
run, and a run killed halfway then started again ends with N articles and no duplicate rows.
The articles are generated HTML pages (a few templates over real towns, five invented outlets,
publication dates over 30 days); they say nothing true.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

TOWNS = (
    "Kharkiv", "Izium", "Kupiansk", "Bakhmut", "Avdiivka", "Kherson", "Zaporizhzhia", "Sumy", "Odesa", "Mykolaiv",
    "Aleppo", "Idlib", "Homs", "Deir ez-Zor", "Raqqa", "Khan Younis", "Rafah", "Jenin", "Mosul", "Kirkuk",
)
TEMPLATES = (
    "Shelling in {town}\n\nShelling hit {town} on {day}, killing {n} people and wounding {m}, the regional "
    "governor said. Emergency crews worked through the night, officials added. Bulletin {i}.\n",
    "Drone strike near {town}\n\nA drone strike hit a depot near {town} on {day}, the military said in a "
    "statement. There were no reports of casualties, according to local officials. Bulletin {i}.\n",
    "Clashes around {town}\n\nFighters clashed with troops on the outskirts of {town} on {day}, killing {n}, a "
    "monitoring group said. Residents reported heavy gunfire. Bulletin {i}.\n",
    "Missiles intercepted over {town}\n\nAir defences intercepted {n} missiles over {town} on {day}, the air "
    "force said. Debris damaged {m} houses, the mayor said. Bulletin {i}.\n",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OUTLETS = ("Northern Wire", "The Daily Ledger", "Radio Meridian", "Harbour Post", "Kyiv Desk")
FIRST_DAY = date(2024, 3, 4)  # a Monday


def article_html(title: str, body: str, outlet: str, published: date) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
    return (
        f'<html><head><title>{title}</title><meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{published.isoformat()}"></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = TEMPLATES[i % len(TEMPLATES)].format(
            town=TOWNS[i % len(TOWNS)], day=DAYS[(i % 30) % len(DAYS)], n=2 + i % 7, m=1 + i % 5, i=i
        )
        title, _, body = text.partition("\n\n")
        published = FIRST_DAY + timedelta(days=i % 30)
        page = article_html(title, body, OUTLETS[(i // len(TOWNS)) % len(OUTLETS)], published)
        (folder / f"article_{i:04d}.html").write_text(page, encoding="utf-8")


# The runs must agree on the analyzer version even if the code is edited while they run.
BENCH_ENV = {**os.environ, "GEOBRIEF_ANALYZER_VERSION": "geobrief bench_corpus"}


def run_ingest(folder: Path, db: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "geo", "ingest", str(folder), "--db", str(db)], capture_output=True, text=True,
        env=BENCH_ENV,
    )
    if result.returncode != 0:
        raise SystemExit(f"ingest failed: {result.stderr}")
    return time.perf_counter() - started, result.stderr.strip().splitlines()[-1]


def kill_halfway(folder: Path, db: Path, count: int) -> int:
    """Start an ingest, kill it once about half the articles are done; return the progress seen."""
    process = subprocess.Popen(
        [sys.executable, "-m", "geo", "ingest", str(folder), "--db", str(db)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=BENCH_ENV,
    )
    done = 0
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("ingest: "):
            done = int(line.split()[1].split("/")[0])
            if done >= count // 2:
                process.kill()
                break
    process.wait()
    return done


def counts(db: Path) -> dict[str, int]:
    from geo.corpus.store import Store

    with Store.open(db) as store:
        table_counts = store.row_counts()
        distinct = store._con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()
        table_counts["distinct_ids"] = int(distinct[0]) if distinct else 0
        duplicated_places = store._con.execute(
            "SELECT count(*) FROM (SELECT article_id, place_key FROM places GROUP BY 1, 2 HAVING count(*) > 1)"
        ).fetchone()
        table_counts["duplicated_place_rows"] = int(duplicated_places[0]) if duplicated_places else 0
    return table_counts


def merged_events(db: Path) -> list:
    from geo.corpus.merge import merge_events
    from geo.corpus.store import Store

    with Store.open(db) as store:
        return merge_events((stored.article_id, stored.report) for stored in store.reports())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="write the corpus and databases here instead of a temp dir")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="geobrief-bench-"))
    folder, db, killed_db = base / "articles", base / "corpus.duckdb", base / "killed.duckdb"
    for stale in (db, killed_db):
        if stale.exists():
            stale.unlink()
    write_corpus(folder, args.articles)
    print(f"corpus: {args.articles} generated articles in {folder} (cpu count {os.cpu_count()})")

    first_s, first_line = run_ingest(folder, db)
    first = counts(db)
    print(f"first run:  {first_s:6.1f} s wall (process start and model load included) | {first_line}")
    again_s, again_line = run_ingest(folder, db)
    again = counts(db)
    print(f"second run: {again_s:6.1f} s wall | {again_line}")
    print(f"articles after first/second run: {first['articles']}/{again['articles']}; rows {again}")

    seen = kill_halfway(folder, killed_db, args.articles)
    after_kill = counts(killed_db)["articles"]
    rerun_s, rerun_line = run_ingest(folder, killed_db)
    final = counts(killed_db)
    print(f"killed at progress {seen}/{args.articles} with {after_kill} articles stored; rerun {rerun_s:.1f} s | "
          f"{rerun_line}")
    print(f"after the rerun: {final['articles']} articles, {final['distinct_ids']} distinct ids, "
          f"{final['duplicated_place_rows']} duplicated place rows; rows {final}")
    merge_started = time.perf_counter()
    merged = merged_events(db)
    histogram = Counter(event.corroboration for event in merged)
    print(f"merged events: {len(merged)} from {first['events']} event rows in "
          f"{time.perf_counter() - merge_started:.2f} s; by corroboration (outlets: events) {dict(sorted(histogram.items()))}")
    ok = (
        first["articles"] == again["articles"] == final["articles"] == final["distinct_ids"]
        and final["duplicated_place_rows"] == 0 and again == first
    )
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
