"""Command line: ``python -m geo extract SOURCE [--published YYYY-MM-DD] [--format json|text]``.

The corpus commands (``ingest``, ``events``, ``articles``, ``reanalyze``) live in geo.cli.corpus,
``export`` in geo.cli.export, ``gazetteer`` and ``place`` in geo.cli.gazetteer.

Bad input exits with code 2 and one line on stderr; nothing is printed on stdout. Ctrl-C at any point
exits with code 130 and one line on stderr (never a traceback); what was stored is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import TextIO

from geo.cli.corpus import (CORPUS_COMMANDS, EXIT_INTERRUPTED, INTERRUPTED_LINE, add_corpus_commands,
                            run_corpus_command)
from geo.cli.export import add_export_command, run_export
from geo.cli.gazetteer import GAZETTEER_COMMANDS, add_gazetteer_commands, run_gazetteer_command
from geo.errors import GeoError, InputError
from geo.model import Event, Report

EXIT_BAD_INPUT = 2
EXIT_READER_GONE = 1


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line too (and still exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see --help)\n")


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m geo", description="GeoBrief: places, attacks, responses and sources in news.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    extract = commands.add_parser("extract", help="analyse one article and print its report")
    extract.add_argument("source", metavar="SOURCE", help="an article file (.txt, .md, .html), or - for standard input")
    extract.add_argument("--published", type=_iso_date, help="publication date YYYY-MM-DD (resolves 'Wednesday')")
    extract.add_argument("--format", choices=("json", "text"), default="text", help="output format (default: text)")
    add_corpus_commands(commands)
    add_export_command(commands, _iso_date)
    add_gazetteer_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    out = stdout or sys.stdout
    try:
        if args.command == "extract":
            report = _extract(args.source, args.published, stdin or sys.stdin)
            out.write(render_json(report) if args.format == "json" else render_text(report))
            return 0
        if args.command == "export":
            stream = stdin or sys.stdin
            return run_export(args, lambda source, published: _extract(source, published, stream), sys.stderr)
        if args.command in CORPUS_COMMANDS:
            code = run_corpus_command(args, out)
            if code == EXIT_INTERRUPTED:  # an ingest stopped by Ctrl-C, its summary printed
                _forget_the_interrupt()
            return code
        if args.command in GAZETTEER_COMMANDS:
            return run_gazetteer_command(args, out)
    except GeoError as exc:
        print(f"python -m geo: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:  # Ctrl-C: an open transaction was rolled back, what was committed stays
        print(INTERRUPTED_LINE, file=sys.stderr)
        _forget_the_interrupt()
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away ("| head"): stop quietly, as a pipeline tool does
        if out is sys.stdout:  # and let the interpreter's last flush write nowhere, not raise again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_READER_GONE
    return EXIT_BAD_INPUT  # pragma: no cover - argparse requires a command


def _forget_the_interrupt() -> None:
    """Let the process exit with EXIT_INTERRUPTED. CPython remembers a KeyboardInterrupt that went through
    an ``eval`` or ``exec`` of a string (numpy's and spaCy's imports run some) and then, run as ``python -m``,
    ends the process by SIGINT whatever the exit code; evaluating a string that raises nothing clears that
    memory (``run_eval_code_obj`` in CPython's Python/pythonrun.c, 3.8 to 3.13)."""
    eval("None")


def _extract(source: str, published: date | None, stdin: TextIO) -> Report:
    from geo.ingest import article_from_upload, read_path
    from geo.pipeline import analyze_article

    if source == "-":
        buffer = getattr(stdin, "buffer", None)
        data = buffer.read() if buffer is not None else stdin.read().encode("utf-8")
        if not data.strip():
            raise InputError("Standard input is empty: pipe an article into it.")
        article = article_from_upload("stdin.txt", data, published=published)
    else:
        article = read_path(source, published=published)
    return analyze_article(article)


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_text(report: Report) -> str:
    lines = [report.article.title or "(untitled article)", ""]
    lines.append(f"Places ({len(report.places)})")
    for place in report.places:
        where = f"{place.lat:.4f}, {place.lon:.4f}" if place.resolved else "not resolved"
        lines.append(f"  {place.name} [{place.kind}, {place.country or '?'}] {where}  conf {place.confidence:.2f}")
    for title, events in (("Attacks", report.attacks), ("Responses", report.responses)):
        lines += ["", f"{title} ({len(events)})"]
        lines += [f"  {_event_line(event)}" for event in events]
    lines += ["", f"Sources cited ({len(report.sources)})"]
    for source in report.sources:
        via = f" via {source.via}" if source.via else ""
        lines.append(f"  {source.name} ({source.type}){via}: {len(source.claims)} claim(s)")
    return "\n".join(lines) + "\n"


def _event_line(event: Event) -> str:
    numbers = ", ".join(
        f"{label} {value}"
        for label, value in (("count", event.count), ("killed", event.killed), ("injured", event.injured))
        if value is not None
    )
    parts = [
        event.category,
        event.summary,
        f"at {event.place}" if event.place else event.where or "location unknown",
        event.date_text,
        numbers,
    ]
    return " | ".join(part for part in parts if part)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
