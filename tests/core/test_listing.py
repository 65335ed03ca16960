# SPDX-License-Identifier: GPL-3.0-or-later
"""The incident list in one query: the same figures as reading every update, in the list's order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.core.listing import OPEN_GROUP, group_of
from composer.core.model import Incident, Publication, Status, Update
from composer.core.promises import promise_for
from composer.core.store import Store

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    store, _ = Store.open(tmp_path / "composer.db")
    yield store
    store.close()


def _seed(store: Store) -> None:
    """Incidents in every state: never published, published with and without a promise, a draft
    after a publication, a correction of an older update sent later, closed in several months."""
    plans = [
        ("drafts only", Status.INVESTIGATING, NOW - timedelta(hours=1), []),
        ("promised", Status.IDENTIFIED, NOW - timedelta(hours=5), [(True, 30), (True, 60)]),
        ("overdue", Status.INVESTIGATING, NOW - timedelta(hours=9), [(True, -20)]),
        ("no promise", Status.MONITORING, NOW - timedelta(days=2), [(True, None)]),
        ("draft after", Status.IDENTIFIED, NOW - timedelta(days=3), [(True, 45), (False, 90)]),
        ("resolved nov", Status.RESOLVED, datetime(2026, 11, 14, 8, tzinfo=UTC), [(True, None)]),
        ("resolved nov 2", Status.RESOLVED, datetime(2026, 11, 28, 8, tzinfo=UTC), [(True, 15)]),
        ("completed oct", Status.COMPLETED, datetime(2026, 10, 2, 8, tzinfo=UTC), [(True, None)]),
        ("postmortem", Status.POSTMORTEM, datetime(2025, 12, 31, 12, tzinfo=UTC), [(True, None)]),
    ]
    for title, status, started, updates in plans:
        incident = store.add_incident(Incident(title=title, status=status, started_at=started, created_at=started))
        for n, (published, minutes) in enumerate(updates):
            created = started + timedelta(minutes=10 * n)
            update = store.add_update(
                Update(
                    incident_id=incident.id,
                    body=f"{title} {n}",
                    status=status,
                    created_at=created,
                    next_update_at=NOW + timedelta(minutes=minutes) if minutes is not None else None,
                )
            )
            if published:
                store.add_publication(update.id, Publication("email", created + timedelta(minutes=1)))
        # add_publication sets the incident's status from its newest published update: keep the plan's.
        incident.status = status
        store.save_incident(incident)
    # A correction of the first update of "promised", sent last: the promise stays the newest update's.
    first = store.updates(2)[0]
    store.add_publication(first.id, Publication("mastodon", NOW))


def test_each_summary_says_what_reading_every_update_says(store):
    _seed(store)
    summaries = store.incident_summaries()
    assert len(summaries) == 9
    for summary in summaries:
        updates = store.updates(summary.incident_id)
        assert summary.incident == store.incident(summary.incident_id)
        assert summary.update_count == len(updates)
        assert summary.latest_next_update_at == (updates[-1].next_update_at if updates else None)
        for now in (NOW - timedelta(hours=2), NOW, NOW + timedelta(hours=2)):
            assert summary.promise(now) == promise_for(summary.incident, updates, now), summary.incident.title


def test_the_list_order_is_open_first_then_months_newest_first(store):
    _seed(store)
    summaries = store.incident_summaries()
    titles = [s.incident.title for s in summaries]
    assert titles == [
        "drafts only",
        "promised",
        "overdue",
        "no promise",
        "draft after",
        "resolved nov 2",
        "resolved nov",
        "completed oct",
        "postmortem",
    ]
    # The query's groups (SQLite's local time) are those the window computes (Python's).
    assert [s.group for s in summaries] == [group_of(s.incident) for s in summaries]
    assert summaries[0].group == OPEN_GROUP and summaries[-1].group == (0, 2025, 12)
    assert [s.incident.title for s in store.incident_summaries(open_only=True)] == titles[:5]
    assert [s.incident.title for s in store.incident_summaries(3)] == ["overdue"]


def test_one_query_whatever_the_history(store):
    _seed(store)
    statements = []
    store._conn.set_trace_callback(statements.append)
    summaries = store.incident_summaries()
    [s.promise(NOW) for s in summaries]
    assert len(statements) == 1


def test_the_figures_stay_in_step_as_updates_come_and_go(store):
    _seed(store)

    def agrees() -> None:
        for summary in store.incident_summaries():
            updates = store.updates(summary.incident_id)
            assert summary.update_count == len(updates)
            assert summary.latest_next_update_at == (updates[-1].next_update_at if updates else None)
            assert summary.promise(NOW) == promise_for(summary.incident, updates, NOW)

    newest = store.updates(2)[-1]
    store.delete_update(newest.id)  # the promise falls back to the update before it
    agrees()
    store.add_update(Update(incident_id=2, body="later", created_at=NOW, next_update_at=NOW + timedelta(hours=1)))
    agrees()
    store._conn.execute("DELETE FROM publications WHERE update_id IN (SELECT id FROM updates WHERE incident_id = 3)")
    agrees()  # nothing published any more: "not published"
    moved = store.updates(4)[0]
    moved.created_at = NOW - timedelta(days=30)
    store._conn.execute("UPDATE updates SET created_at = ? WHERE id = ?", (moved.created_at.isoformat(), moved.id))
    agrees()
    draft = store.updates(4)[-1]
    draft.next_update_at = NOW + timedelta(hours=3)  # a new promise typed into the newest update
    store.save_update(draft)
    agrees()
    store.delete_incident(5)
    agrees()
    assert store._conn.execute("SELECT count(*) FROM incident_summary WHERE incident_id = 5").fetchone()[0] == 0


def test_an_older_database_gets_its_figures_on_upgrade(tmp_path):
    from composer.core import schema

    path = tmp_path / "composer.db"
    store, _ = Store.open(path)
    _seed(store)
    expected = [(s.incident_id, s.update_count, s.promise(NOW)) for s in store.incident_summaries()]
    # As version 10 left it: no figures kept. Then migration 11 runs on it, as an upgrade runs it.
    store._conn.executescript(
        "DROP TABLE incident_summary;"
        + "".join(
            f"DROP TRIGGER {name};"
            for (name,) in store._conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'summary_%'")
        )
    )
    assert schema.MIGRATIONS[10].lstrip().startswith("CREATE TABLE incident_summary")
    for step in (10, 12):  # the figures (11), then their times (13)
        store._conn.executescript(f"BEGIN; {schema.MIGRATIONS[step]} COMMIT;")
    store.close()
    store, report = Store.open(path)
    assert not report.message
    assert [(s.incident_id, s.update_count, s.promise(NOW)) for s in store.incident_summaries()] == expected
    store.close()
