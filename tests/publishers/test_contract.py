# SPDX-License-Identifier: GPL-3.0-or-later
"""Every built-in publisher keeps the contract of composer/publishers/base.py, and so does a
third-party one written against composer.publishers.api only (example_plugin.py)."""

from __future__ import annotations

import ast
import inspect
import textwrap
from pathlib import Path

import example_plugin
import pytest

from composer.publishers import api
from composer.publishers.base import (
    API_VERSION,
    AccountField,
    Post,
    PublishableUpdate,
    Publisher,
    TextPolicy,
    ValidatesSettings,
)
from composer.publishers.registry import BUILTINS, discover

ENTRIES = discover(include_plugins=False)
UPDATE = PublishableUpdate(
    incident_id=3,
    update_id=9,
    title="Email delivery delayed",
    body="We are sorry: you cannot send email.\n\nMarta Vidal",
    long_url="https://s.example/3",
)


def assert_keeps_the_contract(publisher: Publisher, publisher_id: str) -> None:
    assert isinstance(publisher, Publisher)
    assert publisher.id == publisher_id and publisher.display_name
    assert publisher.api_version == API_VERSION
    assert isinstance(publisher.account_fields, tuple)
    assert all(isinstance(f, AccountField) for f in publisher.account_fields)
    assert [f for f in publisher.account_fields if f.secret], "the secret must be marked"
    assert isinstance(publisher.policy, TextPolicy)
    post = publisher.render(UPDATE)
    assert isinstance(post, Post) and post.parts and all(isinstance(p, str) and p for p in post.parts)
    if publisher.policy.limit is not None:
        assert all(len(p) <= publisher.policy.limit for p in post.parts)
        measure = publisher.policy.measure or api.graphemes
        assert all(measure(p) <= publisher.policy.limit for p in post.parts)
    signature = inspect.signature(publisher.publish)
    assert signature.parameters["report"].kind is inspect.Parameter.KEYWORD_ONLY
    assert signature.parameters["cancel"].kind is inspect.Parameter.KEYWORD_ONLY
    assert callable(publisher.test_connection)


@pytest.mark.parametrize("publisher_id", sorted(BUILTINS))
def test_publisher_keeps_the_contract(publisher_id):
    entry = ENTRIES[publisher_id]
    assert entry.available, entry.error
    assert entry.publisher is not None
    assert_keeps_the_contract(entry.publisher, publisher_id)


def test_a_plugin_written_against_the_api_keeps_the_same_contract():
    assert_keeps_the_contract(example_plugin.DropFolderPublisher(), "drop-folder")


def test_the_example_plugin_imports_only_the_plugin_api():
    tree = ast.parse(Path(example_plugin.__file__).read_text(encoding="utf-8"))
    ours = sorted(
        {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "composer"
        }
        | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
            if alias.name.split(".")[0] == "composer"
        }
    )
    assert ours == ["composer.publishers.api"]


def test_the_example_plugin_publishes_with_what_the_api_gives(tmp_path):
    publisher = example_plugin.DropFolderPublisher()
    long = PublishableUpdate(
        incident_id=3,
        update_id=9,
        title="Email delivery delayed",
        body=" ".join(["Mail from the EU cluster waits in a queue."] * 8),
        long_url="https://s.example/3",
    )
    post = publisher.render(long)
    assert len(post.parts) > 1 and post.parts[0].endswith(f"(1/{len(post.parts)})")
    assert all(api.graphemes(part) <= example_plugin.LIMIT for part in post.parts)
    assert "<p>" in post.html
    post.meta["incident_key"] = "3"
    account = api.Account("pager", "drop-folder", {"folder": str(tmp_path)})
    progress: list[float] = []
    receipt = publisher.publish(post, account, {"key": "s3cret"}, report=lambda f, _t: progress.append(f))
    assert receipt.remote_id == "3-9" and receipt.meta == {"files": len(post.parts)}
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"3-9-{i}.json" for i in range(1, len(post.parts) + 1)]
    assert progress == sorted(progress)
    assert publisher.test_connection(account, {"key": "s3cret"}) == f"The folder {tmp_path} is ready"


def test_the_optional_settings_hook_is_a_protocol_of_its_own():
    assert isinstance(example_plugin.DropFolderPublisher(), ValidatesSettings)
    email = ENTRIES["email"].publisher
    assert isinstance(email, ValidatesSettings)
    assert not isinstance(ENTRIES["mastodon"].publisher, ValidatesSettings)


def test_every_name_the_plugin_api_exports_exists():
    assert len(api.__all__) == len(set(api.__all__))
    missing = [name for name in api.__all__ if not hasattr(api, name)]
    assert missing == []
    # What the built-ins render and fit text with, so a plugin can do the same.
    for name in (
        "source_text",
        "fit",
        "plain_text",
        "Measure",
        "x_length",
        "mastodon_length",
        "bluesky_length",
        "linkedin_length",
        "graphemes",
        "counter",
        "scrub",
        "scrub_args",
        "markdown_to_html",
        "API_VERSION",
        "Publisher",
        "ValidatesSettings",
    ):
        assert name in api.__all__, name


def test_the_plugin_api_counts_as_the_built_ins_do():
    text = "Mail is delayed. Details: https://status.example.com/incidents/3 @ops@example.social 👩🏽‍💻"
    assert api.counter("x")(text) == ENTRIES["x"].publisher.policy.measure(text)
    assert api.counter("mastodon")(text) == ENTRIES["mastodon"].publisher.policy.measure(text)
    assert api.counter("bluesky")(text) == ENTRIES["bluesky"].publisher.policy.measure(text)
    assert api.counter("linkedin")(text) == ENTRIES["linkedin"].publisher.policy.measure(text)
    assert api.counter("anything else")(text) == api.graphemes(text)
    assert api.scrub("token abc123 leaked", "abc123") == f"token {api.MASK} leaked"


def test_mypy_holds_every_built_in_to_the_protocol():
    """registry.py lists each built-in class under TYPE_CHECKING, so the type checker compares it with
    Publisher; this keeps that list the same as BUILTINS."""
    from composer.publishers import registry

    source = Path(registry.__file__).read_text(encoding="utf-8")
    checked = source.split("if TYPE_CHECKING:", 1)[1].split("\n\n\n", 1)[0]
    imported = {
        (node.module, alias.name)
        for node in ast.walk(ast.parse(textwrap.dedent(checked.split("_BUILTIN_CLASSES", 1)[0].split("\n", 1)[1])))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    for spec in BUILTINS.values():
        module, _, cls = spec.partition(":")
        assert (module, cls) in imported and cls in checked.split("_BUILTIN_CLASSES", 1)[1], spec


def test_publishers_import_no_qt_and_no_network_library_at_import():
    import subprocess
    import sys

    probe = (
        "import sys; from composer.publishers.registry import discover; discover(False);"
        "print(','.join(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""
