# SPDX-License-Identifier: GPL-3.0-or-later
"""The workspace's sync protocol (composer/core/workspace) between real parts: two local copies
(SQLite files) and a real PostgreSQL started for these tests, each person connected as their
own database role.

Every interleaving of two writers is run: Ana edits, pushes and pulls; Bo pulls, edits, pushes
and pulls — 35 orders — with no fault, and with the workspace unreachable when Bo pushes (his
push fails; his next pull works); and 70 orders where Ana's acknowledgement is lost after the
workspace committed her push (the round is cut between the commit and her copy marking it
pushed, as a dropped connection or a killed process would) and she edits again before syncing.
After both copies sync again, each scenario must end with: both copies and the workspace holding
the same revisions, neither edit lost, the same version shown on both, and a conflict exactly
when each edited without having seen the other's edit.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from peers import start_peer
from postgres_peer import PostgresPeer

from composer.core.connection import connect
from composer.core.store import Store
from composer.core.workspace import local, remote, sync
from composer.core.workspace.revisions import state

ANA, BO = "ana", "bo"


@pytest.fixture(scope="module")
def workspace_db():
    server = start_peer("PostgreSQL", PostgresPeer().start)
    try:
        url = server.create_database("interleavings")
        with server.admin("interleavings") as conn:
            conn.autocommit = False
            remote.set_up(conn)
        server.add_person(ANA, "ana-pass", "composer_reviewer")
        server.add_person(BO, "bo-pass", "composer_drafter")
        yield server, url
    finally:
        server.stop()


def _orders(a_steps):
    """Every interleaving of Ana's steps and Bo's [pull, edit, push, pull]."""
    b_steps = ["L", "E", "P", "L"]
    n = len(a_steps) + len(b_steps)
    for a_slots in itertools.combinations(range(n), len(a_steps)):
        order, a, b = [], iter(a_steps), iter(b_steps)
        for slot in range(n):
            order.append(("A", next(a)) if slot in a_slots else ("B", next(b)))
        yield order


# Ana edits again after a push whose acknowledgement was lost: that edit must follow the
# revision the workspace may hold, never amend it (the copies would then differ).
ORDERS = {
    "none": list(_orders(["E", "P", "L"])),
    "ana-ack-lost": list(_orders(["E", "P", "L", "E"])),
    "bo-unreachable": list(_orders(["E", "P", "L"])),
}
FAULTS = tuple(ORDERS)


class LostAck(Exception):
    pass


class Person:
    def __init__(self, name, server, tmp_path, *, port=None):
        self.name = name
        path = tmp_path / f"{name}.db"
        Store.open(path)[0].close()  # the store's own file, which the copy's tables join
        self.copy = local.LocalCopy(connect(path))
        url = server.url("interleavings", name)
        if port is not None:
            url = url.replace(f":{server.port}/", f":{port}/")
        self.workspace = remote.RemoteWorkspace(url, f"{name}-pass")
        self.good = remote.RemoteWorkspace(server.url("interleavings", name), f"{name}-pass")

    def edit(self, obj, text, at):
        with self.copy.conn:
            return local.record(self.copy.conn, obj, {"body": text}, self.name, at=at)

    def close(self):
        self.workspace.close()
        self.good.close()
        self.copy.conn.close()


def _dead_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once closed


@pytest.mark.parametrize("fault", FAULTS)
def test_every_interleaving_of_two_writers_converges(workspace_db, tmp_path, fault):
    server, _url = workspace_db
    at = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    conflicts = []
    for number, order in enumerate(ORDERS[fault]):
        folder = tmp_path / f"{fault}-{number}"
        folder.mkdir()
        obj = f"update:{fault}-{number}"
        ana = Person(ANA, server, folder)
        bo = Person(BO, server, folder, port=_dead_port() if fault == "bo-unreachable" else None)
        try:
            conflicts.append(_run(order, obj, ana, bo, fault=fault, at=at))
        except AssertionError as error:
            raise AssertionError(f"{fault}, order {' '.join(w + s for w, s in order)}: {error}") from None
        finally:
            ana.close()
            bo.close()
    # Both outcomes occur: orders where one edited after seeing the other's, and true conflicts.
    assert 0 < sum(conflicts) < len(conflicts)


def _run(order, obj, ana, bo, *, fault, at):
    base = ana.edit(obj, "base", at)
    sync.sync_once(ana.copy, ana.good)
    sync.sync_once(bo.copy, bo.good)
    made = []  # every edit: (who, revision, the revisions that person held when making it)
    edits = {}
    ack_lost = fault == "ana-ack-lost"
    for step, (who, what) in enumerate(order, start=1):
        person = ana if who == "A" else bo
        when = at + timedelta(minutes=step)
        if what == "E":
            held = {r.id for r in person.copy.revisions(obj)}
            edits[person.name] = person.edit(obj, f"{person.name}'s edit {step}", when)
            made.append((person.name, edits[person.name], held))
        elif what == "P":
            if person is ana and ack_lost:
                ack_lost = False
                ana.workspace.add(ana.copy.outgoing(10))  # committed in the workspace, and the
                continue  # acknowledgement never reached Ana's copy: nothing is marked pushed
            try:
                sync.push(person.copy, person.workspace)
            except sync.WorkspaceUnreachable:
                assert person is bo and fault == "bo-unreachable"
                bo.workspace = bo.good  # back for his next step
        else:
            sync.pull(person.copy, person.good)
    # The workspace comes back (or the acknowledgement is re-sent): both sync until settled.
    for person in (ana, bo, ana, bo):
        sync.sync_once(person.copy, person.good)
    return _check(obj, ana, bo, base=base, edits=edits, made=made)


def _check(obj, ana, bo, *, base, edits, made):
    a_revs = {r.id: r for r in ana.copy.revisions(obj)}
    b_revs = {r.id: r for r in bo.copy.revisions(obj)}
    found, _ = ana.good.since(0, 100_000)
    w_revs = {r.id: r for r in found if r.object == obj}
    assert set(a_revs) == set(b_revs) == set(w_revs), "the copies and the workspace hold different revisions"
    assert a_revs == b_revs == w_revs, "a revision differs between copies"
    for name, revision in edits.items():
        assert revision.id in a_revs, f"{name}'s edit was lost"
        assert a_revs[revision.id].content["body"].startswith(f"{name}'s edit")
    a_state, b_state = state(a_revs.values()), state(b_revs.values())
    assert a_state == b_state, "the copies show different versions"
    assert base.id in a_revs
    # A conflict exactly when one of Ana's edits and Bo's were made without either in hand (an
    # edit made during a conflict continues the version shown and does not end it).
    expect_conflict = any(
        x.id not in y_held and y.id not in x_held
        for who_x, x, x_held in made
        for who_y, y, y_held in made
        if who_x == ANA and who_y == BO
    )
    assert a_state.conflict == expect_conflict, f"conflict {a_state.conflict}, expected {expect_conflict}"
    last_edits = {edits[ANA].id, edits[BO].id}
    if a_state.conflict:  # the versions in conflict are the last edits (or Ana's first, which
        assert {leaf.id for leaf in a_state.leaves} & last_edits  # her later edit did not end)
        assert a_state.shown == max(a_state.leaves, key=lambda leaf: leaf.order())
    else:
        assert a_state.shown.id in last_edits
    return a_state.conflict
