"""Geoparsing evaluation on public corpora: ``python -m geo.bench.eval CORPUS [--mode gold|e2e]``.

CORPUS is one of lgl, trnews, gwn, geovirus (or ``all``); the corpora are read from
``../shared/benchmarks`` (or ``--root``) and never copied into the project. When the
folder is absent the command says so and exits 0 (nothing to measure).

gold: resolve the gold toponym spans (every toponym with coordinates) and measure the
distance to the gold point. e2e: recognise and resolve from raw text; spans are matched
to gold spans exactly (and by overlap), and distances are measured on matched spans. A
predicted span equal to a gold toponym the corpus left without coordinates is not scored
(the strict precision, counting it as a false positive, is printed too).
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from geo.geometry import distance_km
from geo.settings import PROJECT_DIR

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0
DEFAULT_ROOT = PROJECT_DIR.parent / "shared" / "benchmarks"
CORPORA = {
    "lgl": ("LGL", "lgl.xml"),
    "trnews": ("TR-News", "TR-News.xml"),
    "gwn": ("GeoWebNews", "GWN.xml"),
    "geovirus": ("GeoVirus", "GeoVirus.xml"),
}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature_code: str | None = None  # GeoNames feature code (PPL, ADM1, PCLI ...) where the corpus gives it


@dataclass(frozen=True, slots=True)
class Document:
    docid: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass
class Scores:
    errors_km: list[float] = field(default_factory=list)
    exact_ids: int = 0
    with_ids: int = 0
    true_positive: int = 0
    overlap_positive: int = 0
    predicted: int = 0
    unscored_predictions: int = 0  # e2e: predictions on gold toponyms without coordinates
    gold: int = 0
    documents: int = 0
    seconds: float = 0.0
    misses: Counter[tuple[str, str]] = field(default_factory=Counter)  # (feature code, cause) -> count

    def as_lines(self, mode: str) -> list[str]:
        n = len(self.errors_km)
        lines = [f"documents {self.documents}  toponyms scored {n}  documents/s {self.documents / max(self.seconds, 1e-9):.1f}"]
        if n:
            acc25 = sum(e <= 25 for e in self.errors_km) / n
            acc161 = sum(e <= 161 for e in self.errors_km) / n
            lines.append(
                f"acc@25km {acc25:.3f}  acc@161km {acc161:.3f}  mean error {statistics.fmean(self.errors_km):.0f} km  "
                f"median error {statistics.median(self.errors_km):.1f} km  AUC {auc(self.errors_km):.3f}"
            )
            if self.with_ids:
                lines.append(f"exact GeoNames id {self.exact_ids / self.with_ids:.3f} (of {self.with_ids} with ids)")
        if mode == "e2e":
            p = self.true_positive / max(self.predicted, 1)
            r = self.true_positive / max(self.gold, 1)
            f1 = 2 * p * r / max(p + r, 1e-9)
            lp = self.overlap_positive / max(self.predicted, 1)
            lr = self.overlap_positive / max(self.gold, 1)
            lf1 = 2 * lp * lr / max(lp + lr, 1e-9)
            lines.append(f"spans exact: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}  "
                         f"(overlap: P {lp:.3f} R {lr:.3f} F1 {lf1:.3f})")
            strict_p = self.true_positive / max(self.predicted + self.unscored_predictions, 1)
            strict_f1 = 2 * strict_p * r / max(strict_p + r, 1e-9)
            lines.append(f"not scored: {self.unscored_predictions} predictions on gold toponyms without "
                         f"coordinates (counted as false positives: precision {strict_p:.3f} F1 {strict_f1:.3f})")
        return lines

    def breakdown_lines(self, top: int = 15) -> list[str]:
        """The misses beyond 161 km grouped by gold feature code and cause, biggest first."""
        n = max(len(self.errors_km), 1)
        causes = Counter[str]()
        for (_, cause), count in self.misses.items():
            causes[cause] += count
        lines = ["misses by cause: " + ", ".join(f"{cause} {count} ({count / n:.1%})"
                                                   for cause, count in causes.most_common())]
        for (code, cause), count in self.misses.most_common(top):
            lines.append(f"  {code:<6} {cause:<20} {count:>5}  ({count / n:.1%} of scored)")
        return lines


MISS_NO_CANDIDATE = "no candidate"
MISS_COORDINATES = "coordinate mismatch"  # the right GeoNames id, a point > 161 km from the gold one
MISS_WRONG = "wrong candidate"


def miss_cause(gold: GoldToponym, predicted_id: int | None, resolved: bool) -> str:
    """Why a toponym missed by more than 161 km."""
    if not resolved:
        return MISS_NO_CANDIDATE
    if gold.geonameid is not None and predicted_id == gold.geonameid:
        return MISS_COORDINATES
    return MISS_WRONG


def auc(errors_km: Sequence[float]) -> float:
    """Area under the curve of sorted log errors, scaled to [0, 1] (Gritta et al.); lower is better."""
    scaled = sorted(math.log1p(e) / math.log1p(EARTH_HALF_CIRCUMFERENCE_KM) for e in errors_km)
    if len(scaled) < 2:
        return scaled[0] if scaled else 0.0
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:]))
    return area / (len(scaled) - 1)



def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    return float(node.text)


def _lgl_like(path: Path) -> Iterator[Document]:
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            geonameid = tag.get("geonameid") if tag is not None else None
            toponyms.append(GoldToponym(
                start=int(top.findtext("start") or 0), end=int(top.findtext("end") or 0),
                text=top.findtext("phrase") or "",
                lat=_float(tag.find("lat")) if tag is not None else None,
                lon=_float(tag.find("lon")) if tag is not None else None,
                geonameid=int(geonameid) if geonameid else None,
                feature_code=(tag.findtext("fcode") or None) if tag is not None else None,
            ))
        yield Document(article.get("docid") or "", text, tuple(toponyms))


def _gwn(path: Path) -> Iterator[Document]:
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for top in article.iter("toponym"):
            geonameid = (top.findtext("geonamesID") or "").strip()
            toponyms.append(GoldToponym(
                start=int(top.findtext("start") or 0), end=int(top.findtext("end") or 0),
                text=top.findtext("extractedName") or "",
                lat=_float(top.find("latitude")), lon=_float(top.find("longitude")),
                geonameid=int(geonameid) if geonameid.isdigit() else None,
            ))
        yield Document(article.get("file") or "", text, tuple(toponyms))


def _geovirus(path: Path) -> Iterator[Document]:
    for number, article in enumerate(ET.parse(path).getroot().iter("article")):
        text = article.findtext("text") or ""
        toponyms = tuple(
            GoldToponym(int(loc.findtext("start") or 0), int(loc.findtext("end") or 0), loc.findtext("name") or "",
                        _float(loc.find("lat")), _float(loc.find("lon")))
            for loc in article.iter("location")
        )
        yield Document(str(number), text, toponyms)


def load_corpus(name: str, root: Path = DEFAULT_ROOT) -> list[Document]:
    """A corpus's documents, with gold offsets re-aligned to their phrase where they drift."""
    folder, filename = CORPORA[name]
    path = root / folder / filename
    reader = {"gwn": _gwn, "geovirus": _geovirus}.get(name, _lgl_like)
    return [replace(doc, toponyms=tuple(_aligned(doc.text, t) for t in doc.toponyms)) for doc in reader(path)]


def _aligned(text: str, toponym: GoldToponym, window: int = 60) -> GoldToponym:
    """Some corpora's offsets drift by a few characters (TR-News, GeoVirus): move the span onto the
    nearest occurrence of its phrase within ``window`` characters; leave it alone when none is found."""
    phrase = toponym.text.strip()
    if not phrase or text[toponym.start:toponym.end] == phrase:
        return toponym
    low = max(0, toponym.start - window)
    hits = [m.start() for m in re.finditer(re.escape(phrase), text[low:toponym.end + window])]
    if not hits:
        return toponym
    start = low + min(hits, key=lambda h: abs(low + h - toponym.start))
    return replace(toponym, start=start, end=start + len(phrase))


def evaluate(documents: Sequence[Document], mode: str = "gold") -> Scores:
    import geo

    scores = Scores()
    started = time.perf_counter()
    for doc in documents:
        gold = [t for t in doc.toponyms
                if t.lat is not None and t.lon is not None and 0 <= t.start < t.end <= len(doc.text)]
        scores.documents += 1
        if mode == "gold":
            predicted = geo.geoparse(doc.text, spans=[(t.start, t.end) for t in gold]) if gold else []
            pairs = list(zip(gold, predicted))
        else:
            predicted = geo.geoparse(doc.text)
            # A prediction on a toponym the corpus left without coordinates is neither right nor
            # wrong here: it is not scored (and counted apart, for the strict precision).
            unscored = ({(t.start, t.end) for t in doc.toponyms if t.lat is None or t.lon is None}
                        - {(g.start, g.end) for g in gold})
            on_unscored = [p for p in predicted if (p.start, p.end) in unscored]
            scores.unscored_predictions += len(on_unscored)
            predicted = [p for p in predicted if (p.start, p.end) not in unscored]
            by_span = {(p.start, p.end): p for p in predicted}
            scores.predicted += len(predicted)
            scores.gold += len(gold)
            pairs = [(g, by_span[(g.start, g.end)]) for g in gold if (g.start, g.end) in by_span]
            scores.true_positive += len(pairs)
            scores.overlap_positive += sum(
                any(p.start < g.end and g.start < p.end for p in predicted) for g in gold
            )
        for g, p in pairs:
            assert g.lat is not None and g.lon is not None
            error = (distance_km(g.lat, g.lon, p.lat, p.lon) if p.lat is not None and p.lon is not None
                     else EARTH_HALF_CIRCUMFERENCE_KM)
            scores.errors_km.append(error)
            if error > 161:
                cause = miss_cause(g, p.geonameid, p.lat is not None and p.lon is not None)
                scores.misses[(g.feature_code or "?", cause)] += 1
            if g.geonameid is not None:
                scores.with_ids += 1
                scores.exact_ids += int(p.geonameid == g.geonameid)
    scores.seconds = time.perf_counter() - started
    return scores


_CEILING_CANDIDATES = 50
_HOST_KINDS = frozenset({"city", "admin1", "admin2", "facility"})


def reachable(documents: Sequence[Document]) -> tuple[float, float]:
    """Upper bounds of gold-span acc@161km for this gazetteer, whatever the ranking: the share of
    toponyms that some reading of their own name lies within 161 km of (the name, its fallback
    readings and demonym, 50 candidates each, loose spellings included), and the share when a
    toponym may also take the point of a town or province some other toponym of its document may
    be read as (how an unknown street is placed). A target above the second cannot be met by
    ranking alone."""
    from geo.gazetteer.index import default_gazetteer
    from geo.places.name_fallbacks import fallback_names

    gazetteer = default_gazetteer()
    cache: dict[str, list[tuple[float, float, str]]] = {}

    def points(name: str) -> list[tuple[float, float, str]]:
        if name not in cache:
            found = gazetteer.candidates(name, limit=_CEILING_CANDIDATES)
            for other, _ in fallback_names(name):
                found += gazetteer.candidates(other, limit=_CEILING_CANDIDATES, fuzzy=False)
            country = gazetteer.demonym_country(name)
            found += [country] if country is not None else []
            cache[name] = [(c.lat, c.lon, c.kind) for c in found]
        return cache[name]

    total = own = hosted = 0
    for doc in documents:
        gold = [t for t in doc.toponyms if t.lat is not None and t.lon is not None]
        hosts = {t.text: [(lat, lon) for lat, lon, kind in points(t.text) if kind in _HOST_KINDS] for t in gold}
        for toponym in gold:
            assert toponym.lat is not None and toponym.lon is not None
            total += 1
            if any(distance_km(toponym.lat, toponym.lon, lat, lon) <= 161 for lat, lon, _ in points(toponym.text)):
                own += 1
            elif any(distance_km(toponym.lat, toponym.lon, lat, lon) <= 161
                     for name, places in hosts.items() if name != toponym.text for lat, lon in places):
                hosted += 1
    return own / max(total, 1), (own + hosted) / max(total, 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.bench.eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", choices=[*CORPORA, "all"])
    parser.add_argument("--mode", choices=("gold", "e2e"), default="gold")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the benchmarks folder")
    parser.add_argument("--limit", type=int, default=None, help="evaluate only the first N documents")
    parser.add_argument("--breakdown", action="store_true",
                        help="also print the misses (> 161 km) by gold feature code and cause")
    parser.add_argument("--ceiling", action="store_true",
                        help="also print the acc@161km no ranking can exceed with this gazetteer (gold spans)")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"benchmarks folder not found: {args.root}; nothing to evaluate")
        return 0
    for name in CORPORA if args.corpus == "all" else [args.corpus]:
        if not (args.root / CORPORA[name][0] / CORPORA[name][1]).is_file():
            print(f"{name}: not found under {args.root}, skipped")
            continue
        documents = load_corpus(name, args.root)[: args.limit]
        print(f"{name} ({args.mode})")
        scores = evaluate(documents, args.mode)
        for line in scores.as_lines(args.mode) + (scores.breakdown_lines() if args.breakdown else []):
            print(f"  {line}")
        if args.ceiling:
            own, hosted = reachable(documents)
            print(f"  ceiling acc@161km: {own:.3f} from the names' own readings, {hosted:.3f} with a host "
                  "place from the same document")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
