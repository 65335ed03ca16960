# SPDX-License-Identifier: GPL-3.0-or-later
"""Two people's stores on one workspace (a real PostgreSQL), through the store's own API: what
one saves reaches the other; concurrent edits of one update end as a visible conflict on both,
with both texts kept, until one resolves it; the workspace going away loses nothing."""

from __future__ import annotations

import pytest
from peers import start_peer
from postgres_peer import PostgresPeer

from composer.core.model import Incident, Person, Status, Update
from composer.core.store import Store
from composer.core.workspace import local, remote
from composer.core.workspace.session import WorkspaceCopy
from composer.core.workspace.sync import WorkspaceUnreachable


@pytest.fixture(scope="module")
def server():
    peer = start_peer("PostgreSQL", PostgresPeer().start)
    try:
        yield peer
    finally:
        peer.stop()


class Member:
    """A person's data folder: their store (as the window uses it) and their copy's sync."""

    def __init__(self, name, server, database, folder):
        path = folder / name / "composer.db"
        self.store, _report = Store.open(path)
        self.copy = WorkspaceCopy(path, name)
        self.workspace = remote.RemoteWorkspace(server.url(database, name), f"{name}-pass")

    def sync(self):
        return self.copy.round(self.workspace)

    def close(self):
        self.workspace.close()
        self.copy.close()
        self.store.close()


@pytest.fixture
def team(server, tmp_path, request):
    database = request.node.name.replace("[", "_").replace("]", "")[:40].lower()
    server.create_database(database)
    with server.admin(database) as conn:
        conn.autocommit = False
        remote.set_up(conn)  # the roles are the cluster's: made by the first set-up
    server.add_person("ana", "ana-pass", "composer_reviewer")
    server.add_person("bo", "bo-pass", "composer_drafter")
    ana, bo = Member("ana", server, database, tmp_path), Member("bo", server, database, tmp_path)
    yield ana, bo
    ana.close()
    bo.close()


def _only_incident(store):
    incidents = store.incidents()
    assert len(incidents) == 1
    return incidents[0]


def test_what_one_saves_reaches_the_other(team):
    ana, bo = team
    incident = ana.store.add_incident(Incident("Mail is delayed"))
    update = ana.store.add_update(Update(incident.id, "We are looking into delayed mail.", Status.INVESTIGATING))
    ana.store.save_person(Person("Ana Puig", role="Support lead", email="ana@example.com"))
    ana.sync()
    bo.sync()
    theirs = _only_incident(bo.store)
    assert theirs.title == "Mail is delayed"
    [their_update] = bo.store.updates(theirs.id)
    assert their_update.body == "We are looking into delayed mail."
    assert [p.name for p in bo.store.people()] == ["Ana Puig"]
    # Bo's edit comes back to Ana, in the same update (not a new one).
    their_update.body = "Mail is delayed by about an hour; we are working on it."
    bo.store.save_update(their_update)
    bo.sync()
    ana.sync()
    assert ana.store.update(update.id).body == "Mail is delayed by about an hour; we are working on it."
    assert len(ana.store.updates(incident.id)) == 1


def test_concurrent_edits_end_in_a_visible_conflict_with_both_texts_kept(team):
    ana, bo = team
    incident = ana.store.add_incident(Incident("Websites down"))
    update = ana.store.add_update(Update(incident.id, "Websites are down.", Status.INVESTIGATING))
    ana.sync()
    bo.sync()
    their_update = bo.store.updates(_only_incident(bo.store).id)[0]
    update.body = "Ana: websites are down since 09:10 CET."
    ana.store.save_update(update)
    their_update.body = "Bo: websites are down; power in the data center."
    bo.store.save_update(their_update)
    ana.sync()
    bo.sync()
    ana.sync()
    texts = {"Ana: websites are down since 09:10 CET.", "Bo: websites are down; power in the data center."}
    for member in (ana, bo):
        [conflict] = member.copy.copy.conflicts()
        assert {leaf.content["body"] for leaf in conflict.leaves} == texts
    assert ana.store.update(update.id).body == bo.store.update(their_update.id).body  # the same one shown
    # Ana resolves it with a text of her own; both copies then agree and show no conflict.
    obj = ana.copy.copy.conflicts()[0].object
    with ana.copy.conn:
        chosen = dict(ana.copy.copy.state(obj).shown.content)
        chosen["body"] = "Websites are down since 09:10 CET: a power failure in the data center."
        local.resolve(ana.copy.conn, obj, chosen, "ana")
        ana.copy.conn.execute("INSERT INTO ws_dirty (object) VALUES (?)", (obj,))
    ana.sync()
    bo.sync()
    for member, update_id in ((ana, update.id), (bo, their_update.id)):
        assert member.copy.copy.conflicts() == []
        assert member.store.update(update_id).body == chosen["body"]


def test_the_workspace_going_away_mid_edit_loses_nothing(team, server):
    ana, bo = team
    incident = ana.store.add_incident(Incident("Phones down"))
    update = ana.store.add_update(Update(incident.id, "Phones are down.", Status.INVESTIGATING))
    ana.sync()
    bo.sync()
    server.pause()
    try:
        update.body = "Phones are down; call us on +34 930 000 111 from a mobile."
        ana.store.save_update(update)
        with pytest.raises(WorkspaceUnreachable):
            ana.sync()
        assert ana.store.update(update.id).body.startswith("Phones are down; call us")  # drafting goes on
        assert ana.copy.copy.pending() == 1
    finally:
        server.resume()
    ana.sync()
    bo.sync()
    assert bo.store.updates(_only_incident(bo.store).id)[0].body == update.body
    assert ana.copy.copy.pending() == 0


def test_approval_by_a_second_person_end_to_end(team, server):
    from composer.core.workspace import review
    from composer.core.workspace.review import Standing

    ana, bo = team  # Ana reviews; Bo drafts
    server.add_person("carla", "carla-pass", "composer_admin")
    with bo.copy.conn:  # a drafter cannot set the workspace's policy: the workspace refuses it
        review.set_policy(bo.copy.conn, "all", "bo")
    bo.sync()
    assert [why for _r, why in bo.copy.copy.refused()] == [
        "only the workspace's administrators may change its settings"
    ]
    carla = Member("carla", server, ana.workspace.url.rsplit("/", 1)[1], ana.store.path.parent.parent)
    try:
        with carla.copy.conn:
            review.set_policy(carla.copy.conn, "all", "carla")
        carla.sync()
        assert carla.copy.copy.refused() == []
    finally:
        carla.close()
    incident = bo.store.add_incident(Incident("Payments failing"))
    update = bo.store.add_update(Update(incident.id, "Card payments fail; we are on it.", Status.IDENTIFIED))
    bo.sync()
    ana.sync()
    [ana_update] = ana.store.updates(_only_incident(ana.store).id)
    assert review.review_of(ana.copy.conn, ana_update.id).standing == Standing.DRAFT
    assert "second person" in review.review_of(bo.copy.conn, update.id).refusal()
    with bo.copy.conn:
        review.submit(bo.copy.conn, update.id, "bo")
        with pytest.raises(ValueError, match="second person"):
            review.decide(bo.copy.conn, update.id, "bo", approved=True)
    bo.sync()
    ana.sync()
    assert review.review_of(ana.copy.conn, ana_update.id).standing == Standing.AWAITING
    with ana.copy.conn:
        with pytest.raises(ValueError, match="comment"):
            review.decide(ana.copy.conn, ana_update.id, "ana", approved=False)
        review.decide(ana.copy.conn, ana_update.id, "ana", approved=False, comment="Say which cards.")
    ana.sync()
    bo.sync()
    mine = review.review_of(bo.copy.conn, update.id)
    assert mine.standing == Standing.CHANGES_REQUESTED
    assert mine.last.by == "ana" and mine.last.comment == "Say which cards."
    assert "ana asked for changes" in mine.refusal()
    update.body = "Visa and Mastercard payments fail since 10:05 CET; we are on it."
    bo.store.save_update(update)
    with bo.copy.conn:
        review.submit(bo.copy.conn, update.id, "bo")
    bo.sync()
    ana.sync()
    seen = review.review_of(ana.copy.conn, ana_update.id)
    assert seen.standing == Standing.AWAITING
    assert seen.last.text["body"] == "Card payments fail; we are on it."  # the changes since the review
    with ana.copy.conn:
        review.decide(ana.copy.conn, ana_update.id, "ana", approved=True)
    ana.sync()
    bo.sync()
    assert review.review_of(bo.copy.conn, update.id).standing == Standing.APPROVED
    assert review.review_of(bo.copy.conn, update.id).refusal() == ""
    # An edit after the approval voids it.
    update.body += " Cash works."
    bo.store.save_update(update)
    bo.copy.capture()
    after = review.review_of(bo.copy.conn, update.id)
    assert after.standing == Standing.AWAITING
    assert "changed after ana approved it" in after.refusal()
    # A drafter's approval of someone else's update is refused by the workspace itself.
    theirs = ana.store.add_update(Update(ana_update.incident_id, "Payments work again.", Status.RESOLVED))
    ana.sync()
    bo.sync()
    [their_copy] = [u for u in bo.store.updates(incident.id) if u.body == "Payments work again."]
    with bo.copy.conn:
        review.decide(bo.copy.conn, their_copy.id, "bo", approved=True)
    bo.sync()
    assert "only reviewers may approve" in bo.copy.copy.refused()[-1][1]
    ana.sync()
    assert review.review_of(ana.copy.conn, theirs.id).standing == Standing.DRAFT


def test_the_teams_own_templates_travel_as_files(team):
    ana, bo = team
    ana_folder, bo_folder = ana.store.path.parent / "templates", bo.store.path.parent / "templates"
    ana_folder.mkdir()
    (ana_folder / "mail-delayed.j2").write_text("---\ntitle: Mail delayed\n---\nMail is late.\n", encoding="utf-8")
    ana.sync()
    bo.sync()
    assert (bo_folder / "mail-delayed.j2").read_text(encoding="utf-8").endswith("Mail is late.\n")
    # Bo changes it; Ana gets the change; Bo removes it; Ana's file goes too.
    (bo_folder / "mail-delayed.j2").write_text("---\ntitle: Mail delayed\n---\nMail is late: sorry.\n")
    bo.sync()
    ana.sync()
    assert (ana_folder / "mail-delayed.j2").read_text(encoding="utf-8").endswith("sorry.\n")
    (bo_folder / "mail-delayed.j2").unlink()
    bo.sync()
    ana.sync()
    assert not (ana_folder / "mail-delayed.j2").exists()
    # A name that is not a plain template file name never becomes a path, wherever it points.
    with bo.copy.conn:
        local.record(bo.copy.conn, "template:../../escaped.j2", {"text": "x"}, "bo")
        local.record(bo.copy.conn, "template:sub/inner.j2", {"text": "x"}, "bo")
    bo.sync()
    ana.sync()
    assert not (ana.store.path.parent.parent / "escaped.j2").exists()
    assert not (ana_folder / "sub").exists()
    assert sorted(p.name for p in ana_folder.iterdir()) == []


def test_the_outbox_is_told_to_the_team_and_sent_only_by_its_own_copy(team):
    from composer.core.workspace import membership

    ana, bo = team
    incident = bo.store.add_incident(Incident("Mail delayed"))
    update = bo.store.add_update(Update(incident.id, "Mail is delayed.", Status.INVESTIGATING))
    outbox = bo.store.outbox()
    outbox.enqueue("mail-1", "customers", update.id, {"text": "Mail is delayed.", "to": "customer@example.com"})
    outbox.mark_uncertain(outbox.enqueue("mail-2", "customers", update.id, {"text": "x"}).key, "the server hung up")
    bo.sync()
    ana.sync()
    assert membership.team_outbox(ana.copy.conn, "ana") == {"bo": {"pending": 1, "uncertain": 1}}
    assert ana.store.outbox().jobs() == []  # never in Ana's own outbox: her copy will not send it
    shared = ana.copy.copy.state("job:mail-1").shown.content
    assert "post" not in shared and shared["account"] == "customers"  # the post itself stays on Bo's copy


def test_an_updates_versions_are_listed_with_who_made_them(team):
    from composer.core.workspace.history import team_versions

    ana, bo = team
    incident = ana.store.add_incident(Incident("Phones down"))
    update = ana.store.add_update(Update(incident.id, "Phones are down.", Status.INVESTIGATING))
    ana.sync()
    bo.sync()
    [theirs] = bo.store.updates(_only_incident(bo.store).id)
    theirs.body = "Phones are down; call us from a mobile on +34 930 000 111."
    bo.store.save_update(theirs)
    bo.sync()
    ana.sync()
    versions = team_versions(ana.store.path, update.id)
    assert [(v.author, v.body) for v in versions] == [
        ("bo", "Phones are down; call us from a mobile on +34 930 000 111."),
        ("ana", "Phones are down."),
    ]
    assert versions[0].shown and not versions[1].shown
    assert team_versions(ana.store.path, 999) == []
