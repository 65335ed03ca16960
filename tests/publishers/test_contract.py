# SPDX-License-Identifier: GPL-3.0-or-later
"""Every built-in publisher keeps the contract of composer/publishers/base.py."""

from __future__ import annotations

import inspect

import pytest

from composer.publishers.base import AccountField, Post, PublishableUpdate, TextPolicy
from composer.publishers.registry import BUILTINS, discover

ENTRIES = discover(include_plugins=False)
UPDATE = PublishableUpdate(incident_id=3, update_id=9, title="Email delivery delayed",
                           body="We are sorry: you cannot send email.\n\nMarta Vidal", long_url="https://s.example/3")


@pytest.mark.parametrize("publisher_id", sorted(BUILTINS))
def test_publisher_keeps_the_contract(publisher_id):
    entry = ENTRIES[publisher_id]
    assert entry.available, entry.error
    publisher = entry.publisher
    assert publisher.id == publisher_id and publisher.display_name
    assert all(isinstance(f, AccountField) for f in publisher.account_fields)
    assert [f for f in publisher.account_fields if f.secret], "the secret must be marked"
    assert isinstance(publisher.policy, TextPolicy)
    post = publisher.render(UPDATE)
    assert isinstance(post, Post) and post.parts and all(isinstance(p, str) and p for p in post.parts)
    if publisher.policy.limit is not None:
        assert all(len(p) <= publisher.policy.limit for p in post.parts)
    signature = inspect.signature(publisher.publish)
    assert signature.parameters["report"].kind is inspect.Parameter.KEYWORD_ONLY
    assert signature.parameters["cancel"].kind is inspect.Parameter.KEYWORD_ONLY
    assert callable(publisher.test_connection)


def test_publishers_import_no_qt_and_no_network_library_at_import():
    import subprocess
    import sys

    probe = ("import sys; from composer.publishers.registry import discover; discover(False);"
             "print(','.join(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""


