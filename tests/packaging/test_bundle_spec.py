# SPDX-License-Identifier: GPL-3.0-or-later
"""packaging/incident-composer.spec ships what the frozen app reads, without building it.

The spec is run as PyInstaller runs it (SPECPATH set, Analysis/PYZ/EXE/COLLECT given), with
PyInstaller's hook helpers replaced by recorders: what it passes to Analysis is what the bundle
gets. The bundle itself is built and run by tools/bundle-check.
"""

from __future__ import annotations

import shutil
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

from composer.publishers.registry import ENTRY_POINT_GROUP

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "incident-composer.spec"
HOOK = ROOT / "packaging" / "first_paint_hook.py"


class SpecRun:
    """One run of the spec: the hook helpers' calls and the Analysis it made."""

    def __init__(self) -> None:
        self.copied: list[tuple[str, bool]] = []
        self.groups: list[str] = []
        self.submodules: list[str] = []
        self.analysis: dict[str, Any] = {}
        self.collected_names: list[str] = []

    def hooks_module(self) -> types.ModuleType:
        hooks = types.ModuleType("PyInstaller.utils.hooks")

        def copy_metadata(name: str, recursive: bool = False) -> list[tuple[str, str]]:
            self.copied.append((name, recursive))
            return [(f"/site-packages/{name}.dist-info", f"{name}.dist-info")]

        def collect_entry_point(group: str) -> tuple[list[tuple[str, str]], list[str]]:
            self.groups.append(group)
            return [(f"/site-packages/plugin-of-{group}.dist-info", f"plugin-of-{group}.dist-info")], [
                f"plugin_of_{group}"
            ]

        def collect_submodules(package: str) -> list[str]:
            self.submodules.append(package)
            return [package]

        hooks.copy_metadata = copy_metadata  # type: ignore[attr-defined]
        hooks.collect_entry_point = collect_entry_point  # type: ignore[attr-defined]
        hooks.collect_submodules = collect_submodules  # type: ignore[attr-defined]
        return hooks

    def names(self) -> dict[str, Any]:
        def analysis(scripts: list[str], **options: Any) -> types.SimpleNamespace:
            self.analysis = {"scripts": scripts, **options}
            return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=options.get("datas", []))

        def collect(*_parts: Any, name: str) -> None:
            self.collected_names.append(name)

        return {
            "__name__": "__main__",
            "SPECPATH": str(self.root / "packaging"),
            "Analysis": analysis,
            "PYZ": lambda *a, **k: None,
            "EXE": lambda *a, **k: None,
            "COLLECT": collect,
        }

    def run(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> SpecRun:
        self.root = root
        package = types.ModuleType("PyInstaller")
        utils = types.ModuleType("PyInstaller.utils")
        monkeypatch.setitem(sys.modules, "PyInstaller", package)
        monkeypatch.setitem(sys.modules, "PyInstaller.utils", utils)
        monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", self.hooks_module())
        spec = root / "packaging" / "incident-composer.spec"
        exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), self.names())
        return self

    def resource_datas(self) -> dict[str, str]:
        """Shipped resource file (relative to resources/) -> its folder in the bundle."""
        resources = self.root / "resources"
        return {
            str(Path(source).relative_to(resources)): destination
            for source, destination in self.analysis["datas"]
            if Path(source).is_relative_to(resources)
        }


def test_spec_ships_every_resources_subfolder_where_the_wheel_puts_it(monkeypatch):
    spec = SpecRun().run(ROOT, monkeypatch)
    shipped = spec.resource_datas()
    for relative, destination in shipped.items():
        assert destination == str(Path("composer", "resources", relative).parent), relative
    # Every subfolder (checks, i18n, icons, locale, statuspage, templates...) has its files shipped.
    subfolders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert subfolders == {Path(relative).parts[0] for relative in shipped if len(Path(relative).parts) > 1}
    # ...all of them, but the sources the build step compiles (.ts, .pot) and Python's caches.
    files = {
        str(p.relative_to(ROOT / "resources"))
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".ts", ".pot", ".pyc")
    }
    assert files == set(shipped)
    # The packages' __init__.py ship as files: Python's path finder imports composer.resources from them.
    assert {"__init__.py", "checks/__init__.py", "icons/__init__.py", "templates/__init__.py"} <= set(shipped)
    assert "checks/ca.toml" in shipped
    assert "templates/fields.toml" in shipped


def test_spec_ships_the_built_translations_and_not_their_sources(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "resources", tmp_path / "resources", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "packaging").mkdir()
    shutil.copy(SPEC, tmp_path / "packaging")
    built = ["i18n/composer_ca.qm", "i18n/composer_es.qm", "locale/ca/LC_MESSAGES/composer.mo"]
    sources = ["i18n/composer_ca.ts", "locale/composer.pot", "checks/__pycache__/x.cpython-311.pyc"]
    for relative in built + sources:
        (tmp_path / "resources" / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "resources" / relative).write_bytes(b"x")
    shipped = SpecRun().run(tmp_path, monkeypatch).resource_datas()
    assert set(built) <= set(shipped)
    assert not set(sources) & set(shipped)
    assert shipped["locale/ca/LC_MESSAGES/composer.mo"] == "composer/resources/locale/ca/LC_MESSAGES"


def test_spec_copies_the_metadata_entry_points_live_in(monkeypatch):
    spec = SpecRun().run(ROOT, monkeypatch)
    # The app's own (its version, its console script) and, recursively, its dependencies' (keyring's).
    assert ("incident-composer", True) in spec.copied
    # Third-party keyring backends and publisher plugins: their code and their metadata.
    assert set(spec.groups) == {"keyring.backends", ENTRY_POINT_GROUP}
    datas = {destination for _source, destination in spec.analysis["datas"]}
    hidden = spec.analysis["hiddenimports"]
    for group in spec.groups:
        assert f"plugin-of-{group}.dist-info" in datas
        assert f"plugin_of_{group}" in hidden
    # Every module of the app (the built-in publishers are imported by name) and keyring's backends.
    assert {"composer", "keyring.backends"} <= set(spec.submodules)
    # What the app imports lazily, inside functions.
    assert {"babel.dates", "babel.lists", "babel.units", "lingua", "phonenumbers", "jinja2.ext"} <= set(hidden)
    assert spec.collected_names == ["incident-composer"]
    assert spec.analysis["runtime_hooks"] == [str(HOOK)]
    assert str(ROOT / "benchmarks") in spec.analysis["pathex"]  # first_paint.py, for the hook


def _run_hook(monkeypatch: pytest.MonkeyPatch, value: str | None, calls: list[list[str]]) -> None:
    """Runs the hook as the bundle does, with `first_paint` a recorder answering exit code 3."""
    probe = types.ModuleType("first_paint")
    probe.main = lambda argv: calls.append(argv) or 3  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "first_paint", probe)
    if value is None:
        monkeypatch.delenv("INCIDENT_COMPOSER_FIRST_PAINT", raising=False)
    else:
        monkeypatch.setenv("INCIDENT_COMPOSER_FIRST_PAINT", value)
    exec(compile(HOOK.read_text(encoding="utf-8"), str(HOOK), "exec"), {"__name__": "__main__"})


def test_first_paint_hook_does_nothing_unless_asked(monkeypatch):
    calls: list[list[str]] = []
    _run_hook(monkeypatch, None, calls)
    _run_hook(monkeypatch, "", calls)
    assert calls == []


def test_first_paint_hook_runs_the_benchmark_child_and_exits_with_its_code(monkeypatch):
    calls: list[list[str]] = []
    with pytest.raises(SystemExit) as exited:
        _run_hook(monkeypatch, "30", calls)
    assert exited.value.code == 3
    assert calls == [[sys.argv[0], "app", "30"]]  # as benchmarks/run.py starts first_paint.py


def test_bundle_extra_brings_pyinstaller():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(req.replace(" ", "").startswith("pyinstaller>=6.10") for req in extras["bundle"])
    assert any(req.startswith("pyinstaller-hooks-contrib") for req in extras["bundle"])
    assert not any("pyinstaller" in req for req in extras["test"])  # ./dev test does not install it
