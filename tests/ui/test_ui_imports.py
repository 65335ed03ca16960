# SPDX-License-Identifier: GPL-3.0-or-later
"""No import cycles among the UI's modules.

Every module of `composer/ui` is read as source (AST): module-level, function-level and
`TYPE_CHECKING` imports all count, so a cycle cannot hide behind a late import.
"""

from __future__ import annotations

import ast
from itertools import pairwise
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "composer" / "ui"
PACKAGE = "composer.ui"


def ui_modules(folder: Path = UI) -> dict[str, Path]:
    modules = {}
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(folder).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join((PACKAGE, *parts))] = path
    return modules


def imports_of(path: Path, module: str, known: set[str]) -> dict[str, int]:
    """The UI modules `module` imports, each with the line of its first import."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: dict[str, int] = {}

    def add(name: str, line: int) -> None:
        if name in known and name != PACKAGE:  # the package's own __init__ holds nothing
            found.setdefault(name, line)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            add(base, node.lineno)
            for alias in node.names:  # `from composer.ui import task_runner`
                add(f"{base}.{alias.name}", node.lineno)
    found.pop(module, None)
    return found


def import_graph(folder: Path = UI) -> dict[str, dict[str, int]]:
    modules = ui_modules(folder)
    return {name: imports_of(path, name, set(modules)) for name, path in modules.items()}


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Each strongly connected group of two or more modules (Tarjan), as one cycle through it;
    `describe` names the whole group."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(_one_cycle(graph, set(group)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _one_cycle(graph: dict[str, dict[str, int]], group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node]):
                if target == start:
                    return paths[node] + [start]
                if target in group and target not in paths:
                    paths[target] = paths[node] + [target]
                    following.append(target)
        frontier = following
    return sorted(group)


def describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    """Which modules import each other, and one way round the loop with the lines that do it."""
    group = _group(graph, cycle[0])
    steps = [f"{a} (line {graph[a][b]}) → {b}" for a, b in pairwise(cycle)]
    return f"{', '.join(sorted(group))} import each other, e.g. " + " ; ".join(steps)


def _group(graph: dict[str, dict[str, int]], start: str) -> set[str]:
    """The modules reachable from `start` that also reach it."""

    def reach(source: str, edges: dict[str, set[str]]) -> set[str]:
        seen, todo = {source}, [source]
        while todo:
            for target in edges[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    forward = {node: set(targets) for node, targets in graph.items()}
    backward: dict[str, set[str]] = {node: set() for node in graph}
    for node, targets in graph.items():
        for target in targets:
            backward[target].add(node)
    return reach(start, forward) & reach(start, backward)


def test_no_import_cycles_among_ui_modules():
    graph = import_graph()
    assert len(graph) > 10  # the walk found the package
    assert [describe(graph, cycle) for cycle in cycles(graph)] == []


def test_a_planted_cycle_is_found(tmp_path):
    folder = tmp_path / "ui"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "a.py").write_text("from composer.ui.b import thing\n")
    (folder / "b.py").write_text("def late():\n    from composer.ui import c  # noqa\n")
    (folder / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import x\n")
    (folder / "d.py").write_text("import composer.ui.a\n")  # imports into the cycle, is not part of it
    graph = import_graph(folder)
    assert cycles(graph) == [["composer.ui.a", "composer.ui.b", "composer.ui.c", "composer.ui.a"]]
    assert "composer.ui.b (line 2) → composer.ui.c" in describe(graph, cycles(graph)[0])
