# SPDX-License-Identifier: GPL-3.0-or-later
"""The layers: ui → cli/publishers → core, never the other way.

Every module of `composer/` is read as source (AST), so no import can hide: function-level
imports, `TYPE_CHECKING` blocks, relative imports and `importlib.import_module("...")` with
a literal name all count.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "composer"

# layer -> the layers (and third-party top-level packages) it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "composer.core": (
        "composer.publishers",
        "composer.ui",
        "composer.app",
        "composer.cli",
        "composer.entry",
        "PySide6",
        "shiboken6",
    ),
    "composer.publishers": ("composer.ui", "composer.app", "composer.cli", "composer.entry", "PySide6", "shiboken6"),
    "composer.cli": ("composer.ui", "composer.app", "composer.entry", "PySide6", "shiboken6"),
}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, module) of every import in the source, wherever it stands."""
    tree = ast.parse(source)
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                or (isinstance(node.func, ast.Name) and node.func.id in ("import_module", "__import__"))
            )
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _inside(name: str, layer: str) -> bool:
    return name == layer or name.startswith(layer + ".")


def violations(root: Path = ROOT) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        layer = next((layer for layer in FORBIDDEN if _inside(module, layer)), None)
        if layer is None:
            continue
        reported: set[int] = set()  # one line per import statement
        for line, name in imported_names(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"):
            bad = next((forbidden for forbidden in FORBIDDEN[layer] if _inside(name, forbidden)), None)
            if bad is not None and line not in reported:
                reported.add(line)
                problems.append(f"{path.relative_to(root.parent)}:{line}: {module} imports {name} ({layer} → {bad})")
    return problems


def test_no_module_imports_across_its_layer():
    assert violations() == []


def test_every_module_is_seen():
    modules = {module_name(path) for path in ROOT.rglob("*.py")}
    assert {
        "composer.core.store",
        "composer.publishers.base",
        "composer.cli.check",
        "composer.ui.main_window",
    } <= modules


@pytest.mark.parametrize(
    "planted",
    [
        ("core/planted.py", "def f():\n    from composer.publishers.social import channel_limits\n"),
        ("core/planted.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from composer.ui import icons\n"),
        ("core/sub/__init__.py", "from ...publishers import base\n"),
        ("publishers/planted.py", "import importlib\nimportlib.import_module('composer.app')\n"),
        ("cli/planted.py", "def window():\n    import composer.ui.main_window\n"),
        ("core/planted.py", "from PySide6.QtCore import QObject\n"),
    ],
)
def test_a_planted_forbidden_import_is_caught(tmp_path, planted):
    import shutil

    copy = tmp_path / "composer"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    relative, source = planted
    target = copy / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source, encoding="utf-8")
    found = violations(copy)
    assert len(found) == 1 and found[0].startswith(f"composer/{relative}:"), found


def test_core_publishers_and_cli_load_no_qt():
    """What the AST says, checked once at run time too: a fresh interpreter, every such module imported."""
    names = sorted(
        module_name(path)
        for path in ROOT.rglob("*.py")
        if any(_inside(module_name(path), layer) for layer in FORBIDDEN)
    )
    probe = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'})))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"Qt modules loaded by core/publishers/cli: {result.stdout}"


def test_first_window_path_skips_network_and_template_libraries():
    probe = (
        "import sys; import composer.entry, composer.app, composer.ui.main_window;"
        "print(','.join(m for m in ('requests', 'keyring', 'jinja2', 'markdown_it', 'frontmatter')"
        " if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
