"""The corpus commands of ``python -m geo``: ingest, events, articles, reanalyze.

    python -m geo ingest SOURCE... [--db PATH]        files, folders (recursive), URLs, feeds
        [--outlet NAME] [--published YYYY-MM-DD]      for the articles that name none of their own
        [--engine local|dask] [--scheduler ADDRESS] [--workers N]   where the analysis runs
    python -m geo events   [--db PATH] [--format json|text]
    python -m geo articles [--db PATH] [--format json|text]
    python -m geo reanalyze [--db PATH]               rebuild rows made by an older analyzer

``--db`` defaults to GEOBRIEF_DB, else ``corpus.duckdb`` in the user data directory. ``events`` and
``articles`` open it read-only (beside the dashboard, on a read-only mount too), waiting a moment for a
writer; ``ingest`` and ``reanalyze`` hold it only while they check or save a batch, so those listings
and the dashboard can read it meanwhile. Ctrl-C ends a command with one line and exit code 130,
keeping everything already stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from geo.cli.interrupts import InterruptLatch
from geo.model import where_text

if TYPE_CHECKING:  # duckdb and the analysis stack are imported only when a corpus command runs
    from geo.corpus import IngestSummary, MergedEvent, Progress, Store

CORPUS_COMMANDS = ("ingest", "events", "articles", "reanalyze")
EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
INTERRUPTED_LINE = "interrupted: what was stored is kept; run the same command again to finish"
READ_ONLY_COMMANDS = ("events", "articles")
WRITE_LOCK_TIMEOUT_S = 30.0  # an ingest waits this long for readers (a big Corpus page) before each batch
PROGRESS_MIN_ITEMS = 10  # a progress line only for runs this long
PROGRESS_EVERY_S = 1.0


def add_corpus_commands(commands: Any) -> None:
    """Add the corpus subcommands to ``python -m geo``'s subparsers."""
    ingest = commands.add_parser("ingest", help="analyse articles into the corpus database")
    ingest.add_argument(
        "sources", metavar="SOURCE", nargs="+", help="article files (.txt, .md, .html), folders, URLs or feeds"
    )
    ingest.add_argument("--allow-private", action="store_true", help="allow URLs on private or loopback addresses")
    ingest.add_argument("--max-entries", type=int, metavar="N",
                        help="read the first N entries of each feed (default: 500); a longer feed is noted")
    ingest.add_argument("--outlet", metavar="NAME", type=_outlet,
                        help="the outlet of every article that names none of its own: an outlet in a file's header "
                             "or front matter, a page's site name or a URL's domain is kept, never overridden")
    ingest.add_argument("--published", metavar="YYYY-MM-DD", type=_published,
                        help="the publication date of every article that has none of its own (a header's date is "
                             "kept); it also dates the days the articles name. A date in the future is refused")
    ingest.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="analyse in this process (local, the default) or on a Dask cluster (dask)")
    ingest.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: an existing Dask scheduler (tcp://host:8786); default: a local cluster")
    ingest.add_argument("--workers", type=int, metavar="N",
                        help="with --engine dask and no --scheduler: local worker processes (default: 2)")
    reanalyze = commands.add_parser("reanalyze", help="analyse again the articles stored by an older analyzer")
    events = commands.add_parser("events", help="list the corpus's merged events")
    events.add_argument("--explain", action="store_true",
                        help="say how reports were merged: the copies of one story and, per merged event, why")
    articles = commands.add_parser("articles", help="list the corpus's articles")
    for listing in (events, articles):
        listing.add_argument("--format", choices=("json", "text"), default="text", help="output format (default: text)")
    for sub in (ingest, reanalyze, events, articles):
        sub.add_argument("--db", metavar="PATH", help="corpus database file (default: GEOBRIEF_DB, else the user data dir)")


def _published(value: str) -> Any:
    from geo.corpus import parse_published
    from geo.errors import InputError

    try:
        return parse_published(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None


def _outlet(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("the outlet is empty: give its name")
    return value


def run_corpus_command(args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    from geo.corpus import Store

    err = err or sys.stderr
    if args.command == "ingest" and args.engine != "dask" and (args.scheduler or args.workers is not None):
        print("error: --scheduler and --workers go with --engine dask", file=err)
        return EXIT_BAD_INPUT
    read_only = args.command in READ_ONLY_COMMANDS
    with Store.open(args.db, read_only=read_only, lock_timeout=None if read_only else WRITE_LOCK_TIMEOUT_S) as store:
        if args.command == "ingest":
            store.release()  # held per batch only, not while the model and the cluster start
            return _ingest(store, args, err)
        if args.command == "reanalyze":
            from geo.corpus import reanalyze_stale

            summary = reanalyze_stale(store)
            _print_summary(summary, err)
            return EXIT_OK if summary.succeeded or not summary.results else EXIT_BAD_INPUT
        if args.command == "events":
            out.write(_events_output(store, args.format, explain=args.explain))
            return EXIT_OK
        if args.command == "articles":
            out.write(_articles_output(store, args.format))
            return EXIT_OK
    return EXIT_BAD_INPUT  # pragma: no cover - argparse only accepts the commands above


def _ingest(store: Store, args: argparse.Namespace, err: TextIO) -> int:
    latch = InterruptLatch().install()  # before the analysis stack loads: a Ctrl-C then is heard too
    try:
        return _run_ingest(store, args, err, latch)
    finally:
        latch.restore()


def _run_ingest(store: Store, args: argparse.Namespace, err: TextIO, latch: InterruptLatch) -> int:
    from geo.corpus import ArticleDefaults, ingest_sources, read_articles
    from geo.settings import Settings

    settings = Settings.from_env()
    defaults = ArticleDefaults(outlet=args.outlet, published=args.published)

    def reader(source: Any) -> list[Any]:
        return read_articles(source, settings, allow_private=args.allow_private, defaults=defaults,
                             max_entries=args.max_entries)

    if args.engine == "dask":
        try:
            from geo.corpus import DEFAULT_WORKERS, DaskOptions, dask_analyzer
        except ImportError as exc:
            print(f"error: --engine dask needs dask.distributed ({exc}): pip install 'dask[distributed]'", file=err)
            return EXIT_BAD_INPUT
        options = DaskOptions(scheduler=args.scheduler, workers=args.workers or DEFAULT_WORKERS)
        with dask_analyzer(options, settings) as engine:
            summary = ingest_sources(store, args.sources, reader=reader, settings=settings,
                                     progress=_progress_printer(err, latch), analyze_batch=engine,
                                     batch_size=engine.batch_size)
    else:
        summary = ingest_sources(store, args.sources, reader=reader, settings=settings,
                                 progress=_progress_printer(err, latch))
    _print_summary(summary, err)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if summary.succeeded else EXIT_BAD_INPUT


def _progress_printer(err: TextIO, latch: InterruptLatch | None = None) -> Any:
    """Prints the ingest's progress now and then; after every item, stops the run if a Ctrl-C came."""
    last = {"shown": -PROGRESS_EVERY_S}
    tty = getattr(err, "isatty", lambda: False)()

    def show(progress: Progress) -> None:
        if latch is not None:
            latch.check()  # (the ingest catches it: what was stored is kept, the summary says so)
        if progress.total < PROGRESS_MIN_ITEMS:
            return
        final = progress.done == progress.total
        if not final and progress.elapsed - last["shown"] < PROGRESS_EVERY_S:
            return
        last["shown"] = progress.elapsed
        line = f"ingest: {progress.done}/{progress.total} items, {progress.per_second:.1f} articles/s"
        err.write(("\r" + line + ("\n" if final else "")) if tty else line + "\n")
        err.flush()

    return show


def _print_summary(summary: IngestSummary, err: TextIO) -> None:
    for line in summary.lines():
        print(line, file=err)


def _corpus_reports(store: Store) -> list[tuple[str, Any]]:
    return [(stored.article_id, stored.report) for stored in store.reports()]


def _events_output(store: Store, fmt: str, *, explain: bool = False) -> str:
    from geo.corpus import copies_in, event_grade, merge_events

    reports, judgements = _corpus_reports(store), store.judgements()
    merged = merge_events(reports, judgements)
    events = [{**event.to_dict(), "grade": event_grade(event, judgements).code} for event in merged]
    stories = copies_in(reports) if explain else ()
    if fmt == "json":
        if not explain:
            return json.dumps(events, ensure_ascii=False, indent=2) + "\n"
        copies = [{"kept": s.kept, "copies": [{"article": a, "likeness": x} for a, x in s.copies]} for s in stories]
        return json.dumps({"events": events, "copies": copies, **_merge_counts(merged)}, ensure_ascii=False,
                          indent=2) + "\n"
    lines = [f"Events ({len(events)})"]
    for event in events:
        lines.append("  " + _event_line(event))
        if explain:
            lines += [f"      merged: {reason}" for reason in event["merge_reasons"]]
    if explain:
        counts = _merge_counts(merged)
        lines.append(f"Merging: {counts['reports']} report(s) into {len(merged)} event(s); "
                     f"{counts['merged_events']} event(s) hold more than one report; "
                     f"{sum(len(s.copies) for s in stories)} article(s) repeat another's story")
        titles = {article_id: report.article.title or "untitled" for article_id, report in reports}
        for story in stories:
            copies = ", ".join(f"\u201c{titles[a]}\u201d ({likeness:.2f})" for a, likeness in story.copies)
            lines.append(f"  copies of \u201c{titles[story.kept]}\u201d: {copies}")
    return "\n".join(lines) + "\n"


def _event_line(event: dict[str, Any]) -> str:
    where = f"at {event['place']}" if event["place"] else where_text(None, event["areas"]) or "location unknown"
    numbers = ", ".join(f"{k} {event[k]}" for k in ("count", "killed", "injured") if event[k] is not None)
    parts = [event["kind"], event["category"], event["summary"], where, event["date"] or "", numbers,
             f"{event['corroboration']} outlet(s): {', '.join(event['outlets'])}", f"grade {event['grade']}",
             "corrected" if event["corrected"] else ""]
    return " | ".join(p for p in parts if p)


def _merge_counts(merged: Sequence[MergedEvent]) -> dict[str, int]:
    return {"reports": sum(len(m.reports) for m in merged), "merged_events": sum(len(m.reports) > 1 for m in merged)}


def _articles_output(store: Store, fmt: str) -> str:
    articles = [article.to_dict() for article in store.articles()]
    if fmt == "json":
        return json.dumps(articles, ensure_ascii=False, indent=2) + "\n"
    lines = [f"Articles ({len(articles)})"]
    for a in articles:
        head = " | ".join(p for p in (a["published"], a["outlet"], a["title"] or "(untitled)", a["url"]) if p)
        counts = f"{a['places']} places, {a['attacks']} attacks, {a['responses']} responses, {a['sources']} sources"
        lines.append(f"  {a['id'][:12]}  {head}  [{counts}]")
    return "\n".join(lines) + "\n"
