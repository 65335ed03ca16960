# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishers: built-ins from the explicit list, plugins from the entry-point group; a broken
plugin is listed as unavailable with the reason and never stops the others.

The plugins are real: a distribution's `*.dist-info` folder (METADATA, entry_points.txt) on
the path of a fresh interpreter, found by importlib.metadata as an installed plugin would be.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

PLUGIN = textwrap.dedent('''
    from composer.publishers.api import API_VERSION, AccountField, Post, TextPolicy

    class Bird:
        """Every member but `api_version` and `publish`."""
        display_name = "Carrier pigeon"
        account_fields = (AccountField("loft", "Loft"),)
        policy = TextPolicy(limit=80)

        def render(self, update):
            return Post(channel=self.id, parts=[update.body[:80]])

        def test_connection(self, account, credentials):
            return "coo"

    class Pigeon(Bird):
        id = "pigeon"
        api_version = API_VERSION

        def publish(self, post, account, credentials, *, report=None, cancel=None):
            raise NotImplementedError

    class Ageless(Bird):
        """Everything but the API version it was written for."""
        id = "ageless"

        def publish(self, post, account, credentials, *, report=None, cancel=None):
            raise NotImplementedError

    class Mute(Bird):
        """Renders, but cannot publish."""
        id = "mute"
        api_version = API_VERSION

    class Future:
        id = "future"
        display_name = "From the future"
        api_version = 99

    class Textual(Pigeon):
        id = "textual"
        api_version = "1"

    class Sloppy(Pigeon):
        id = "sloppy"
        account_fields = [AccountField("loft", "Loft")]

    class Later(Pigeon):
        """Loads after the broken ones: they must not stop it."""
        id = "later"
        display_name = "Later pigeon"
''')
CRASHING = 'raise ImportError("no module named feathers")\n'
ENTRY_POINTS = textwrap.dedent("""
    [incident_composer.publishers]
    pigeon = pigeon_plugin:Pigeon
    ageless = pigeon_plugin:Ageless
    future = pigeon_plugin:Future
    textual = pigeon_plugin:Textual
    mute = pigeon_plugin:Mute
    sloppy = pigeon_plugin:Sloppy
    missing = pigeon_plugin_missing:Thing
    crashing = crashing_plugin:Thing
    email = pigeon_plugin:Pigeon
    drop-folder = example_plugin:DropFolderPublisher
    later = pigeon_plugin:Later
""")
PROBE = textwrap.dedent("""
    import json
    from composer.publishers.registry import available, discover
    entries = discover()
    print(json.dumps({"entries": {k: {"available": e.available, "source": e.source, "error": e.error,
                                      "name": e.publisher.display_name if e.publisher else ""}
                                  for k, e in entries.items()},
                      "available": sorted(available())}))
""")
HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a fresh interpreter discovers with the pigeon distribution installed (and the example plugin)."""
    tmp_path = tmp_path_factory.mktemp("plugins")
    (tmp_path / "pigeon_plugin.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "crashing_plugin.py").write_text(CRASHING, encoding="utf-8")
    dist = tmp_path / "pigeon_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: pigeon-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": f"{tmp_path}:{HERE}", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_plugins_load_from_the_entry_point_group(found):
    entries = found["entries"]
    assert entries["pigeon"] == {"available": True, "source": "pigeon-plugin", "error": "", "name": "Carrier pigeon"}
    # A plugin never replaces a built-in of the same id.
    assert entries["email"]["source"] == "built-in"
    # The example plugin, written against composer.publishers.api only, loads as any plugin does.
    assert entries["drop-folder"]["available"], entries["drop-folder"]["error"]


def test_a_plugin_without_api_version_is_unavailable_with_the_reason(found):
    ageless = found["entries"]["ageless"]
    assert not ageless["available"]
    assert ageless["error"] == (
        "plugin ageless (pigeon-plugin) declares no api_version (the publisher API it was written for; this app has 1)"
    )


def test_a_plugin_for_another_api_version_is_unavailable(found):
    entries = found["entries"]
    assert not entries["future"]["available"]
    assert entries["future"]["error"] == (
        "plugin future (pigeon-plugin) was written for publisher API 99, this app has 1"
    )
    assert not entries["textual"]["available"] and "api_version '1', not a whole number" in entries["textual"]["error"]


def test_a_plugin_without_publish_is_unavailable(found):
    entries = found["entries"]
    assert not entries["mute"]["available"]
    assert entries["mute"]["error"] == "plugin mute (pigeon-plugin) is not a publisher: it has no `publish`"
    assert not entries["sloppy"]["available"]
    assert "`account_fields` is not a tuple of AccountField" in entries["sloppy"]["error"]


def test_a_plugin_that_cannot_be_imported_is_unavailable(found):
    entries = found["entries"]
    assert not entries["missing"]["available"] and "pigeon_plugin_missing" in entries["missing"]["error"]
    assert entries["crashing"] == {
        "available": False,
        "source": "pigeon-plugin",
        "name": "",
        "error": "no module named feathers",
    }


def test_broken_plugins_never_stop_discovery(found):
    from composer.publishers.registry import BUILTINS

    entries = found["entries"]
    # The plugin listed after every broken one still loads, and so does every built-in.
    assert entries["later"] == {"available": True, "source": "pigeon-plugin", "error": "", "name": "Later pigeon"}
    assert all(entries[name]["available"] for name in BUILTINS)
    broken = {"ageless", "future", "textual", "mute", "sloppy", "missing", "crashing"}
    assert not broken & set(found["available"])
    assert set(found["available"]) == {*BUILTINS, "pigeon", "drop-folder", "later"}


def test_builtins_are_listed_without_entry_points():
    from composer.publishers.registry import BUILTINS, discover

    entries = discover(include_plugins=False)
    assert len(entries) == len(BUILTINS)
    for entry in entries.values():
        assert entry.source == "built-in"
        assert entry.available, entry.error


def test_available_gives_the_loaded_publishers_by_id():
    from composer.publishers.base import Publisher
    from composer.publishers.registry import BUILTINS, available

    publishers = available(include_plugins=False)
    assert sorted(publishers) == sorted(BUILTINS)
    assert all(isinstance(p, Publisher) and p.id == name for name, p in publishers.items())
