"""No import cycles inside the package: between modules, and between its sub-packages.

Every ``import`` statement counts, also the ones inside functions and under ``TYPE_CHECKING``:
a lazy import hides a cycle from the interpreter, not from the design.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

import geletterdheid

PACKAGE_DIR = Path(geletterdheid.__file__).parent
NAME = "geletterdheid"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}


def imported_names(path: Path, module: str) -> Iterable[str]:
    """The absolute names each import statement of ``module`` refers to (modules or names in them)."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield target
            yield from (f"{target}.{alias.name}" for alias in node.names)


def module_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (``from pkg import sub`` counts as importing ``pkg.sub``)."""
    modules = all_modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = {name for name in imported_names(path, module) if name in modules}
        graph[module] = targets - {module}
    return graph


def package_of(module: str) -> str:
    """The first level below ``geletterdheid``: ``geletterdheid.records.store`` -> ``records``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    packages: dict[str, set[str]] = {}
    for module, targets in graph.items():
        source = package_of(module)
        packages.setdefault(source, set())
        packages[source] |= {package_of(t) for t in targets} - {source}
    return packages


def tangles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of nodes that import each other in a loop: strongly connected components of more than one (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(components, key=min)


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle per tangle, as a path ``a -> b -> a``."""
    return [shortest_cycle(graph, component) for component in tangles(graph)]


def shortest_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest cycle through the smallest name of the component (breadth-first search)."""
    start = min(component)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & component):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if nxt not in previous:
                    previous[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no cycle in component {component}")  # pragma: no cover - Tarjan found one


def describe(graph: dict[str, set[str]]) -> str:
    """Each tangle as one of its cycles and all its members, so the message names what to untangle."""
    return "\n".join(
        f"{' -> '.join(shortest_cycle(graph, component))}   (the loop involves: {', '.join(sorted(component))})"
        for component in tangles(graph)
    )


def test_the_cycle_finder_finds_and_names_a_cycle():
    graph = {"a": {"b"}, "b": {"c", "e"}, "c": {"a"}, "d": {"a"}, "e": {"b"}}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]
    assert tangles(graph) == [{"a", "b", "c", "e"}]
    assert "a -> b -> c -> a   (the loop involves: a, b, c, e)" in describe(graph)
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_package_graph_joins_modules_of_one_package():
    graph = {
        "geletterdheid.records.commands": {"geletterdheid.reports.hr_export"},
        "geletterdheid.reports.hr_export": {"geletterdheid.records.model"},
        "geletterdheid.records.model": set(),
    }
    assert find_cycles(graph) == []
    assert find_cycles(package_graph(graph)) == [["records", "reports", "records"]]


def test_relative_imports_are_resolved():
    path = PACKAGE_DIR / "records" / "store.py"
    names = set(imported_names(path, "geletterdheid.records.store"))
    assert "geletterdheid.records.bulk" in names
    assert module_graph()["geletterdheid.records.store"] >= {"geletterdheid.records.bulk"}


def test_no_import_cycle_between_modules():
    graph = module_graph()
    if tangles(graph):
        pytest.fail("import cycles between modules:\n" + describe(graph), pytrace=False)


def test_no_import_cycle_between_packages():
    """``records`` -> ``reports`` -> ``records`` is a cycle even when no single module closes it."""
    graph = package_graph(module_graph())
    if tangles(graph):
        pytest.fail("import cycles between packages of geletterdheid:\n" + describe(graph), pytrace=False)
