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

    class Elder(Pigeon):
        """Written for API 1, before personal messages: ordinary posts only."""
        id = "elder"
        api_version = 1
        personal_messages = True  # API 1 had no such member: not taken at its word

    class Courier(Pigeon):
        """Written for API 2, and says it sends a post with a recipient to that person alone."""
        id = "courier"
        personal_messages = True
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
    elder = pigeon_plugin:Elder
    courier = pigeon_plugin:Courier
""")
PROBE = textwrap.dedent("""
    import json
    from composer.publishers.registry import available, discover
    entries = discover()
    print(json.dumps({"entries": {k: {"available": e.available, "source": e.source, "error": e.error,
                                      "name": e.publisher.display_name if e.publisher else ""}
                                  for k, e in entries.items()},
                      "personal": {k: e.personal_messages for k, e in entries.items()},
                      "notes": {k: e.note for k, e in entries.items()},
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
        "plugin ageless (pigeon-plugin) declares no api_version (the publisher API it was written for; this app has 2)"
    )


def test_a_plugin_for_another_api_version_is_unavailable(found):
    entries = found["entries"]
    assert not entries["future"]["available"]
    assert entries["future"]["error"] == (
        "plugin future (pigeon-plugin) was written for publisher API 99, this app has 2"
        " (it loads publishers written for 1 to 2)"
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
    assert set(found["available"]) == {*BUILTINS, "pigeon", "drop-folder", "later", "elder", "courier"}


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


def test_a_plugin_for_api_1_publishes_ordinary_posts_and_is_listed_as_unable_to_reach_customers(found):
    assert found["entries"]["elder"]["available"], found["entries"]["elder"]["error"]
    assert found["personal"]["elder"] is False
    assert found["notes"]["elder"] == (
        "written for publisher API 1 (this app has 2): ordinary posts only, no personal messages to customers"
    )


def test_a_plugin_for_api_2_says_whether_it_sends_personal_messages(found):
    assert found["personal"]["courier"] is True and found["notes"]["courier"] == ""
    assert found["personal"]["pigeon"] is False  # API 2, but it does not say it can
    assert found["personal"]["email"] is True  # the built-in email publisher can


def test_only_email_of_the_built_ins_sends_personal_messages():
    from composer.publishers.registry import discover

    assert {k for k, e in discover(include_plugins=False).items() if e.personal_messages} == {"email"}


def test_a_personal_post_is_never_handed_to_a_publisher_that_cannot_send_one(store):
    """The service refuses it (it would go to the channel's whole audience), and the job says why."""
    from composer.core.outbox import job_key
    from composer.publishers.base import Account, Receipt
    from composer.publishers.registry import discover
    from composer.publishers.service import NOT_PERSONAL, PublishingService

    mastodon = discover(include_plugins=False)["mastodon"].publisher
    published: list[object] = []

    class Watched:
        def __getattr__(self, name):
            return getattr(mastodon, name)

        api_version = mastodon.api_version

        def publish(self, *args, **kwargs) -> Receipt:
            published.append(args)
            raise AssertionError("a personal post reached a channel that cannot send one")

    outbox = store.outbox()
    key = job_key("toots", "outreach/1/x/laura@example.com", "text")
    record = {
        "channel": "mastodon",
        "subject": "",
        "parts": ["Dear Laura"],
        "incident_key": "outreach:1",
        "meta": {"recipient": {"address": "laura@example.com", "name": "Laura"}},
    }
    job = outbox.enqueue(key, "toots", None, record)
    service = PublishingService(
        outbox, {"toots": Account("toots", "mastodon", {})}, {"mastodon": Watched()}, lambda _name: "token"
    )
    outcome = service.send_job(job, queue=False)
    assert outcome.state == "failed" and outcome.error == NOT_PERSONAL and published == []
    assert outbox.get(key).state == "failed"
