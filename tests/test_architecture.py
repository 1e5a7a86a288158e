"""The shape of the code (ARCHITECTURE.md): which wing of ``geo`` may import which, no import circle,
no Streamlit below the pages, wings used through their faces, and the size limits.

Imports are read from the source (every ``import`` statement, also inside functions and under
``TYPE_CHECKING``), so a lazy import counts as much as a top-level one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GEO = REPO / "geo"

# The top-level modules everything may lean on, and the top-level modules above the wings.
CORE = frozenset({"errors", "settings", "model", "syntax", "geometry", "heap", "browser", "characters"})
ANALYSIS = frozenset({"core", "ingest", "gazetteer", "places", "events", "nlp", "pipeline"})
BELOW_PAGES = ANALYSIS | {"corpus", "maps", "exports"}
# unit -> the units it may import (a unit is a wing, a top-level module above the core, or "core").
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset({"core"}),
    "ingest": frozenset({"core"}),
    "gazetteer": frozenset({"core"}),
    "places": frozenset({"core", "gazetteer"}),
    "events": frozenset({"core", "places"}),
    "nlp": frozenset({"core", "places"}),
    "pipeline": ANALYSIS - {"pipeline"},
    "corpus": ANALYSIS,
    "maps": frozenset({"core"}),
    "exports": frozenset({"core", "maps", "corpus"}),
    "dashboard": BELOW_PAGES,
    "cli": BELOW_PAGES,
    "bench": BELOW_PAGES | {"dashboard", "cli", "package"},
    "package": frozenset({"core", "ingest", "pipeline"}),  # geo/__init__.py: the public face of geo
    "main": frozenset({"cli"}),  # geo/__main__.py
    "eval_events": frozenset({"bench"}),  # geo/eval_events.py: the scorer's command under the name
}
WINGS = frozenset(ALLOWED) - CORE - {"core", "nlp", "pipeline", "package", "main", "eval_events"}
REACHES_INSIDE = frozenset({"bench", "eval_events"})  # it measures the modules inside the wings (or runs one)
MAX_TOP_LEVEL_MODULES = 13  # the core, nlp, pipeline, the package and its entry, the events scorer
MAX_MODULE_LINES = 400
MAX_PAGE_LINES = 250


@dataclass(frozen=True)
class Import:
    source: Path  # the importing file
    line: int
    module: str  # the module imported, resolved to a submodule where ``from X import submodule``


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_path(name: str) -> Path | None:
    base = REPO.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.exists():
            return path
    return None


def imports(path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield Import(path, node.lineno, full if module_path(full) else base)


def unit_of(module: str) -> str | None:
    """The layering unit of a geo module (None outside geo)."""
    parts = module.split(".")
    if parts[0] != "geo":
        return None
    if len(parts) == 1:
        return "package"
    if parts[1] == "__main__":
        return "main"
    if parts[1] in CORE:
        return "core"
    return parts[1]


def geo_files() -> list[Path]:
    return sorted(p for p in GEO.rglob("*.py") if "data" not in p.parts)


def ui_files() -> list[Path]:
    return [REPO / "app.py", *sorted((REPO / "pages").rglob("*.py"))]


def test_every_geo_module_belongs_to_a_known_unit() -> None:
    unknown = {module_name(p) for p in geo_files() if unit_of(module_name(p)) not in ALLOWED}
    assert not unknown, f"add these to ALLOWED (and ARCHITECTURE.md): {sorted(unknown)}"


def layering_violations(path: Path, name: str) -> list[str]:
    """The imports of ``path`` (the module ``name``) that cross the layering."""
    here = unit_of(name)
    assert here is not None
    return [f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}:{imp.line} ({here}) imports "
            f"{imp.module} ({there})" for imp in imports(path)
            if (there := unit_of(imp.module)) is not None and there != here and there not in ALLOWED[here]]


def test_each_wing_imports_only_the_wings_below_it() -> None:
    wrong = [line for path in geo_files() for line in layering_violations(path, module_name(path))]
    assert not wrong, "imports across the layering:\n" + "\n".join(wrong)


def test_the_layering_check_sees_a_wrong_import(tmp_path: Path) -> None:
    module = tmp_path / "fake.py"
    module.write_text("def f():\n    from geo.corpus import Store\n    from geo.gazetteer import default_gazetteer\n")
    assert len(layering_violations(module, "geo.places.fake")) == 1  # places may read the gazetteer, not the corpus
    assert len(layering_violations(module, "geo.dashboard.fake")) == 0


def streamlit_imports(files: list[Path]) -> list[str]:
    return [f"{imp.source.relative_to(REPO)}:{imp.line}" for path in files for imp in imports(path)
            if imp.module.split(".")[0] in {"streamlit", "streamlit_folium"}]


def test_streamlit_is_imported_only_by_the_pages() -> None:
    assert not streamlit_imports(geo_files()), "geo/ must not import Streamlit"
    assert streamlit_imports(ui_files())  # where it is imported, the check sees it


def test_outside_a_wing_code_uses_its_face() -> None:
    """``from geo.places import resolve_doc``, not ``from geo.places.resolve import resolve_doc``:
    what a wing offers the rest is in its ``__init__``'s ``__all__``."""
    wrong = []
    for path in geo_files() + ui_files():
        here = unit_of(module_name(path)) if path.is_relative_to(GEO) else "pages"
        if here in REACHES_INSIDE:
            continue
        for imp in imports(path):
            parts = imp.module.split(".")
            if len(parts) > 2 and parts[0] == "geo" and parts[1] in WINGS and parts[1] != here:
                wrong.append(f"{path.relative_to(REPO)}:{imp.line} imports {imp.module}")
    assert not wrong, "import the wing's face instead:\n" + "\n".join(wrong)


@pytest.mark.parametrize("wing", sorted(WINGS))
def test_each_wing_has_a_face_that_says_what_it_owns_and_may_import(wing: str) -> None:
    import importlib

    face = importlib.import_module(f"geo.{wing}")
    assert face.__doc__ and "May import" in face.__doc__, f"geo/{wing}/__init__.py: say what it owns and may import"
    missing = [name for name in getattr(face, "__all__", ()) if not hasattr(face, name)]
    assert isinstance(face.__all__, list) and not missing


def test_no_import_circle() -> None:
    graph: dict[str, set[str]] = {}
    for path in geo_files():
        graph[module_name(path)] = {imp.module for imp in imports(path) if module_path(imp.module)}
    circles = [sorted(c) for c in strongly_connected(graph) if len(c) > 1]
    assert not circles, f"modules importing each other (directly or around a circle): {circles}"


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                found.append(component)
    return found


def test_the_circle_finder_finds_circles() -> None:
    circles = strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()})
    assert {"a", "b", "c"} in circles and {"d"} in circles


def test_sizes() -> None:
    top_level = sorted(p.name for p in GEO.glob("*.py"))
    assert len(top_level) <= MAX_TOP_LEVEL_MODULES, f"geo/ has {len(top_level)} modules at its top: {top_level}"
    long_modules = {str(p.relative_to(REPO)): n for p in geo_files() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert not long_modules, f"modules over {MAX_MODULE_LINES} lines: {long_modules}"
    pages = [p for p in ui_files() if p.parent.name == "pages" or p.name == "app.py"]
    long_pages = {p.name: n for p in pages if (n := len(p.read_text().splitlines())) > MAX_PAGE_LINES}
    assert not long_pages, f"pages over {MAX_PAGE_LINES} lines: {long_pages}"
