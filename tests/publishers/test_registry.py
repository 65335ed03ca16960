# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishers: built-ins from the explicit list, plugins from the entry-point group; a broken
plugin is listed as unavailable and never stops the others."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PLUGIN = textwrap.dedent('''
    from composer.publishers.api import API_VERSION, AccountField, Post, Receipt, TextPolicy

    class Pigeon:
        id = "pigeon"
        display_name = "Carrier pigeon"
        api_version = API_VERSION
        account_fields = (AccountField("loft", "Loft"),)
        policy = TextPolicy(limit=80)

        def render(self, update):
            return Post(channel=self.id, parts=[update.body[:80]])

        def publish(self, post, account, credentials, *, report=None, cancel=None):
            raise NotImplementedError

    class Future:
        id = "future"
        display_name = "From the future"
        api_version = 99

    def broken():
        raise ImportError("no module named feathers")
''')
ENTRY_POINTS = textwrap.dedent('''
    [incident_composer.publishers]
    pigeon = pigeon_plugin:Pigeon
    future = pigeon_plugin:Future
    broken = pigeon_plugin_missing:Thing
    email = pigeon_plugin:Pigeon
''')
PROBE = textwrap.dedent('''
    import json
    from composer.publishers.registry import discover
    print(json.dumps({k: {"available": e.available, "source": e.source, "error": e.error,
                          "name": e.publisher.display_name if e.publisher else ""} for k, e in discover().items()}))
''')


def test_plugins_load_from_the_entry_point_group(tmp_path):
    (tmp_path / "pigeon_plugin.py").write_text(PLUGIN, encoding="utf-8")
    dist = tmp_path / "pigeon_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: pigeon-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert entries["pigeon"] == {"available": True, "source": "pigeon-plugin", "error": "", "name": "Carrier pigeon"}
    assert not entries["future"]["available"] and "API 99" in entries["future"]["error"]
    assert not entries["broken"]["available"] and "pigeon_plugin_missing" in entries["broken"]["error"]
    # A plugin never replaces a built-in of the same id.
    assert entries["email"]["source"] == "built-in"


def test_builtins_are_listed_without_entry_points():
    from composer.publishers.registry import BUILTINS, discover

    entries = discover(include_plugins=False)
    assert len(entries) == len(BUILTINS)
    for entry in entries.values():
        assert entry.source == "built-in"
