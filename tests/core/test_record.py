# SPDX-License-Identifier: GPL-3.0-or-later
"""The plain records behind the model: equality, repr, defaults, and the frozen kind."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, datetime

import pytest

from composer.core.model import Incident, Publication, Update
from composer.core.promises import Promise, PromiseState

WHEN = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_records_compare_by_their_fields_and_class():
    one = Publication("blog", WHEN, "7", "https://example.org/7")
    assert one == Publication("blog", WHEN, remote_id="7", url="https://example.org/7")
    assert one != Publication("blog", WHEN, remote_id="8", url="https://example.org/7")
    assert one != ("blog", WHEN, "7", "https://example.org/7")


def test_mutable_records_cannot_be_hashed_like_dataclasses():
    with pytest.raises(TypeError):
        hash(Incident("Checkout down"))


def test_repr_names_every_field():
    text = repr(Publication("blog", WHEN))
    assert text.startswith("Publication(")
    for name in ("channel='blog'", "remote_id=''", "url=''", "published_at=datetime.datetime(2026"):
        assert name in text


def test_defaults_are_fresh_for_each_record():
    first, second = Update(incident_id=1), Update(incident_id=1)
    first.extra["kept"] = "yes"
    first.publications.append(Publication("blog", WHEN))
    assert second.extra == {} and second.publications == []
    assert first.created_at.tzinfo is not None


def test_records_survive_copy_and_pickle():
    update = Update(incident_id=3, body="We are sorry.", extra={"ticket": "INC-9"}, id=5)
    assert copy.deepcopy(update) == update
    assert pickle.loads(pickle.dumps(update)) == update


def test_a_record_has_no_room_for_unknown_attributes():
    with pytest.raises(AttributeError):
        Incident("Checkout down").titel = "typo"  # type: ignore[attr-defined]


def test_frozen_records_refuse_changes_and_hash_by_value():
    promise = Promise(PromiseState.KEPT, WHEN)
    with pytest.raises(AttributeError):
        promise.state = PromiseState.OVERDUE  # type: ignore[misc]
    assert promise == Promise(PromiseState.KEPT, WHEN, None)
    assert len({promise, Promise(PromiseState.KEPT, WHEN)}) == 1
