# SPDX-License-Identifier: GPL-3.0-or-later
"""The background sync (composer/core/workspace/service.py) between two people's stores on a
real PostgreSQL: a save in one reaches the other without anyone asking (LISTEN/NOTIFY), who is
editing what is told, and a workspace that goes away is reported offline and caught up with
when it returns, with nothing lost."""

from __future__ import annotations

import queue
import time

import pytest
from peers import start_peer
from postgres_peer import PostgresPeer

from composer.core.credentials import MemoryCredentials
from composer.core.model import Incident, Status, Update
from composer.core.store import Store
from composer.core.workspace import membership, remote
from composer.core.workspace.service import SyncService

WAIT_S = 20  # generous: a bound that holds on a loaded machine (speed is measured in benchmarks)


@pytest.fixture
def server():
    peer = start_peer("PostgreSQL", PostgresPeer().start)
    try:
        peer.create_database("live")
        with peer.admin("live") as conn:
            conn.autocommit = False
            remote.set_up(conn)
        peer.add_person("ana", "ana-pass", "composer_reviewer")
        peer.add_person("bo", "bo-pass", "composer_drafter")
        yield peer
    finally:
        peer.stop()


class Running:
    """A person's store with the sync service running, its reports in queues."""

    def __init__(self, name, server, folder):
        self.path = folder / name / "composer.db"
        self.store, _ = Store.open(self.path)
        address = membership.join(self.path, server.url("live", name), MemoryCredentials(), f"{name}-pass")
        self.changes, self.states = queue.Queue(), queue.Queue()
        self.service = SyncService(
            self.path, address, f"{name}-pass", on_changed=self.changes.put, on_state=self.states.put
        )
        self.service.start()

    def state_where(self, test):
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                state = self.states.get(timeout=0.5)
            except queue.Empty:
                continue
            if test(state):
                return state
        raise AssertionError("the state never came")

    def change_where(self, test):
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                objects = self.changes.get(timeout=0.5)
            except queue.Empty:
                continue
            if test(objects):
                return objects
        raise AssertionError("the change never came")

    def close(self):
        self.service.stop()
        self.store.close()


def test_a_save_reaches_the_other_person_by_itself_and_an_outage_loses_nothing(server, tmp_path):
    ana, bo = Running("ana", server, tmp_path), Running("bo", server, tmp_path)
    try:
        ana.state_where(lambda s: s.online)
        bo.state_where(lambda s: s.online)
        incident = ana.store.add_incident(Incident("Mail delayed"))
        update = ana.store.add_update(Update(incident.id, "Mail is delayed.", Status.INVESTIGATING))
        bo.change_where(lambda objects: any(o.startswith("update:") for o in objects))
        [theirs] = bo.store.incidents()
        assert bo.store.updates(theirs.id)[0].body == "Mail is delayed."
        # Who edits what is told to the other.
        uid = ana.store._conn.execute("SELECT uid FROM updates WHERE id = ?", (update.id,)).fetchone()[0]
        ana.service.editing(f"update:{uid}")
        assert bo.state_where(lambda s: s.editing).editing == {f"update:{uid}": "ana"}
        ana.service.editing(None)
        bo.state_where(lambda s: s.online and not s.editing)
        # The workspace goes away: both say so; Ana drafts on; when it returns, Bo gets her text.
        server.pause()
        try:
            update.body = "Mail is delayed by up to an hour."
            ana.store.save_update(update)
            offline = ana.state_where(lambda s: s.online is False and s.waiting >= 1)
            assert "cannot be reached" in offline.error
        finally:
            server.resume()
        ana.service.poke()
        ana.state_where(lambda s: s.online and s.waiting == 0)
        bo.service.poke()
        bo.change_where(lambda objects: any(o.startswith("update:") for o in objects))
        assert bo.store.updates(theirs.id)[0].body == "Mail is delayed by up to an hour."
    finally:
        ana.close()
        bo.close()
