"""``python -m geo export (SOURCE | --db PATH [filters]) --to geojson|csv|html|pdf|png|kml|kmz -o FILE``.

SOURCE is an article file, an http(s) URL or ``-`` (standard input), analysed as
``python -m geo extract`` does; ``--db`` exports the corpus's events merged across articles.
The filters (kind, category, actor, source type, dates, source grade) apply to both. One line on standard
error says what was written; bad input exits 2 with one line on standard error.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from geo.errors import InputError
from geo.exports import FORMATS
from geo.model import SOURCE_TYPES, Report

if TYPE_CHECKING:
    from geo.corpus import Judgements

ReadArticle = Callable[[str, date | None], Report]


def add_export_command(commands: Any, iso_date: Callable[[str], date]) -> None:
    """Add ``export`` to ``python -m geo``'s subcommands."""
    export = commands.add_parser("export", help="write an article's or the corpus's map and events to a file")
    export.add_argument("source", metavar="SOURCE", nargs="?",
                        help="an article file (.txt, .md, .html), an http(s) URL, or - for standard input")
    export.add_argument("--db", metavar="PATH", help="export the events of this corpus database instead")
    export.add_argument("--to", required=True, choices=FORMATS, help="the file format")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    export.add_argument("--published", type=iso_date, help="SOURCE's publication date YYYY-MM-DD")
    export.add_argument("--allow-private", action="store_true", help="allow a URL on a private or loopback address")
    filters = export.add_argument_group("filters")
    filters.add_argument("--kind", choices=("attack", "response"), help="only attacks or only responses")
    filters.add_argument("--category", help='an event category, e.g. "Air/drone strike"')
    filters.add_argument("--actor", help="words the actor must contain, e.g. Israel")
    filters.add_argument("--source-type", choices=SOURCE_TYPES, help="events with a source of this type")
    filters.add_argument("--since", type=iso_date, help="events on or after YYYY-MM-DD")
    filters.add_argument("--until", type=iso_date, help="events on or before YYYY-MM-DD")
    filters.add_argument("--graded", choices=tuple("ABCDE"), metavar="LETTER",
                         help="events whose best source the analyst graded this or better (Admiralty A-E)")


def run_export(args: argparse.Namespace, read_article: ReadArticle, err: TextIO) -> int:
    """Check the arguments, build the brief, write the file; GeoErrors go up to the caller."""
    from geo.exports import EventFilter, brief_from_corpus, brief_from_report, check_target, key_facts, write_export

    if (args.source is None) == (args.db is None):
        raise InputError("Give either an article (SOURCE) or a corpus (--db PATH), not both and not neither.")
    if args.since and args.until and args.since > args.until:
        raise InputError(f"--since {args.since} is after --until {args.until}: swap them.")
    target = check_target(args.output)  # before the slow analysis
    event_filter = EventFilter(kind=args.kind, category=args.category, actor=args.actor,
                               source_type=args.source_type, since=args.since, until=args.until,
                               reliability=args.graded)
    if args.db is not None:
        reports, judgements = _corpus_reports(args.db)
        brief = brief_from_corpus(reports, event_filter, judgements)
    else:
        brief = brief_from_report(_read_source(args, read_article), event_filter)
    size = write_export(brief, args.to, target)
    facts = key_facts(brief)
    err.write(f"wrote {target} ({args.to}, {size:,} bytes): {facts.attacks} attack(s), "
              f"{facts.responses} response(s), {len(brief.report.places)} place(s)\n")
    return 0


def _read_source(args: argparse.Namespace, read_article: ReadArticle) -> Report:
    source: str = args.source
    if not source.lower().startswith(("http://", "https://")):
        return read_article(source, args.published)
    from geo.ingest import FetchPolicy, read_url
    from geo.model import Article
    from geo.pipeline import analyze_article

    items = read_url(source, policy=FetchPolicy(allow_private=args.allow_private), published=args.published,
                     follow_feeds=False)
    article = items[0] if items else None
    if not isinstance(article, Article):  # pragma: no cover - read_url raises for feeds
        raise InputError(f"{source} is not an article page.")
    return analyze_article(article)


def _corpus_reports(db: str) -> tuple[list[tuple[str, Report]], Judgements]:
    """The corpus's reports (the analyst's corrections applied) and the analyst's merge decisions and grades."""
    from geo.corpus import Store

    path = Path(db)
    if not path.is_file():
        raise InputError(f"No corpus database at {path}: ingest articles first (python -m geo ingest ... --db).")
    with Store.open(path, read_only=True) as store:
        reports = [(stored.article_id, stored.report) for stored in store.reports()]
        judgements = store.judgements()
    if not reports:
        raise InputError(f"The corpus at {path} holds no articles: ingest some first.")
    return reports, judgements
