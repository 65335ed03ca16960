# SPDX-License-Identifier: GPL-3.0-or-later
"""`export ID --bundle DIR`: the update to send by hand when nothing can be sent.

Every channel file holds exactly what that channel's publisher renders for the update the app
publishes; the .eml parses back as a mail client reads it; the pages load nothing and escape
what they show; bad input writes nothing and says so in one line."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime

import pytest

from composer.cli import main
from composer.cli.templates import library
from composer.core.exchange import export_document
from composer.core.interchange import dump_update
from composer.core.model import Incident, Organisation, Status, Update
from composer.core.outgoing import fill_template_texts
from composer.publishers.base import AccountField, Post, PublishError, TextPolicy
from composer.publishers.bundle import BundleError, build_bundle, write_bundle
from composer.publishers.email import html_document
from composer.publishers.publishable import publishable_update
from composer.publishers.registry import available

HOSTILE = "<script>alert(1)</script>"
LONG_BODY = (
    "We are sorry: since 10:00 UTC some customers cannot pay at checkout. Card payments fail at the "
    "last step; PayPal still works.\n\n"
    "We found the cause: a certificate on the payment gateway expired. We are replacing it now and "
    "expect payments to work again by 10:45 UTC. Orders already paid are safe.\n\n"
    "If a payment failed, nothing was charged. You can retry after 10:45 UTC, or call us on "
    "+34 930 000 000 and we will take the order by phone. Next update by 11:00 UTC, or sooner.\n"
)
OPENING = re.compile(r"^===== (\d+)/(\d+)(?: \[[^\]\n]*\])?: copy from the next line =====\n", re.MULTILINE)


def parts_in(text: str) -> list[str]:
    """The parts a channel file fences, read back as a person copying them would."""
    parts = []
    for match in OPENING.finditer(text):
        closing = f"\n===== end of {match[1]}/{match[2]} =====\n"
        parts.append(text[match.end() : text.index(closing, match.end())])
    return parts


def reference_update(store, incident_id: int, update_id: int | None = None):
    """The update the app publishes, built as `publish` and the Publish dialog build it."""
    doc = fill_template_texts(export_document(store, incident_id, update_id), library())
    stored = store.update(update_id) if update_id is not None else store.latest_update(incident_id)
    organisation = store.organisation()
    return publishable_update(
        doc,
        incident_id=incident_id,
        update_id=stored.id,
        long_url=organisation.status_page_url,
        organisation=organisation.name,
    )


@pytest.fixture
def organisation(store):
    org = Organisation(
        name="Example Shop",
        contact_url="https://example.net/contact",
        phone="+34 930 000 000",
        email="status@example.net",
        status_page_url="https://status.example.net",
    )
    store.save_organisation(org)
    return org


@pytest.fixture
def incident(store, organisation):
    """An incident with two updates; the latest one long enough to be a thread on X."""
    stored = store.add_incident(
        Incident(f"Checkout fails {HOSTILE}", Status.IDENTIFIED, started_at=datetime(2026, 11, 24, 10, tzinfo=UTC))
    )
    store.add_update(
        Update(stored.id, "We are looking into failed payments at checkout.\n", Status.INVESTIGATING, "Jordi Puig")
    )
    store.add_update(Update(stored.id, LONG_BODY, Status.IDENTIFIED, "Jordi Puig, On-call engineer"))
    return stored


def builtins():
    return available(include_plugins=False)


def text_channels():
    """The built-ins that carry a text (the status page hosts take the whole site: no channel file)."""
    return {name: p for name, p in builtins().items() if not getattr(p, "uploads_site", False)}


def test_the_bundle_holds_every_file(store, incident, tmp_path):
    folder = tmp_path / "bundle"
    written = write_bundle(store, incident.id, folder, library=library(), publishers=builtins())
    names = {path.name for path in written}
    assert names == {
        "README.txt",
        "update.md",
        "update.html",
        "update.eml",
        "contact.html",
        *(f"{channel}.txt" for channel in ("email", "wordpress", "mastodon", "bluesky", "x", "linkedin")),
    }
    assert written[0].name == "README.txt"
    assert {path.name for path in folder.iterdir()} == names  # no temporary file left behind
    assert (folder / "update.md").read_text(encoding="utf-8") == dump_update(export_document(store, incident.id))
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    for name in names:
        assert f"{name}:" in readme


def test_each_channel_file_holds_exactly_the_publishers_parts(store, incident, tmp_path):
    folder = tmp_path / "bundle"
    write_bundle(store, incident.id, folder, library=library(), publishers=builtins())
    update = reference_update(store, incident.id)
    for channel, publisher in text_channels().items():
        text = (folder / f"{channel}.txt").read_bytes().decode("utf-8")
        post = publisher.render(update)
        assert parts_in(text) == post.parts, channel
        assert "\r" not in text
    x_parts = parts_in((folder / "x.txt").read_text(encoding="utf-8"))
    assert len(x_parts) > 1  # a real thread: numbered, each fenced
    x_text = (folder / "x.txt").read_text(encoding="utf-8")
    assert f"===== 1/{len(x_parts)}" in x_text and f"===== end of {len(x_parts)}/{len(x_parts)} =====" in x_text
    assert "reply" in x_text


def test_the_eml_parses_back_as_the_email_publishers_message(store, incident, tmp_path):
    folder = tmp_path / "bundle"
    write_bundle(store, incident.id, folder, library=library(), publishers=builtins())
    message = email.message_from_bytes((folder / "update.eml").read_bytes(), policy=email.policy.default)
    post = builtins()["email"].render(reference_update(store, incident.id))

    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == post.subject == f"[Example Shop] Checkout fails {HOSTILE}: we have found the cause"
    assert message["To"] is None and message["Cc"] is None
    assert message["From"].addresses[0].addr_spec == "status@example.net"
    assert message["MIME-Version"] == "1.0"
    assert message["Date"].datetime is not None
    assert re.fullmatch(r"<[^<>@\s]+@example\.net>", message["Message-ID"])
    kinds = [part.get_content_type() for part in message.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert [text] == parts_in((folder / "email.txt").read_text(encoding="utf-8")) == post.parts
    html = message.get_body(("html",)).get_content().replace("\r\n", "\n")
    assert html == html_document(post, "en")

    again = tmp_path / "again"
    write_bundle(store, incident.id, again, publishers=builtins())
    other = email.message_from_bytes((again / "update.eml").read_bytes(), policy=email.policy.default)
    assert other["Message-ID"] != message["Message-ID"]  # its own id, never the one the publisher sends


def test_without_an_organisation_address_the_eml_has_no_from(store, tmp_path):
    incident = store.add_incident(Incident("Slow search"))
    store.add_update(Update(incident.id, "La recherche est lente depuis 09:00 UTC — désolés.\n", language="fr"))
    write_bundle(store, incident.id, tmp_path / "bundle", publishers=builtins())
    raw = (tmp_path / "bundle" / "update.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["From"] is None
    assert message["Message-ID"].endswith("@incident-composer.invalid>")
    assert message["Subject"] == "Slow search: we are on it"  # no organisation name: no brackets
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == (
        "La recherche est lente depuis 09:00 UTC — désolés.\n"
    )
    assert message["Content-Language"] == "fr"
    readme = (tmp_path / "bundle" / "README.txt").read_text(encoding="utf-8")
    assert "no way to reach you yet" in readme


def test_the_update_option_picks_that_update(store, incident, tmp_path):
    first = store.updates(incident.id)[0]
    folder = tmp_path / "bundle"
    write_bundle(store, incident.id, folder, update_id=first.id, publishers=builtins())
    assert (folder / "update.md").read_text(encoding="utf-8") == dump_update(
        export_document(store, incident.id, first.id)
    )
    update = reference_update(store, incident.id, first.id)
    assert update.update_id == first.id
    mastodon = parts_in((folder / "mastodon.txt").read_text(encoding="utf-8"))
    assert mastodon == builtins()["mastodon"].render(update).parts
    assert "looking into failed payments" in mastodon[0]
    assert "certificate" not in (folder / "email.txt").read_text(encoding="utf-8")


def test_the_pages_load_nothing_and_escape_what_they_show(store, incident, tmp_path):
    store.add_update(
        Update(incident.id, "Our logo: ![logo](https://cdn.example.net/logo.png)\n\n" + HOSTILE + "\n", signer=HOSTILE)
    )
    folder = tmp_path / "bundle"
    write_bundle(store, incident.id, folder, publishers=builtins())
    for name in ("update.html", "contact.html"):
        page = (folder / name).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        for loaded in ("<script", "<link", "src=", "@import", "url("):
            assert loaded not in page.lower(), (name, loaded)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert 'name="viewport"' in page
    update_page = (folder / "update.html").read_text(encoding="utf-8")
    assert '<a href="https://cdn.example.net/logo.png">logo</a>' in update_page
    contact = (folder / "contact.html").read_text(encoding="utf-8")
    for shown in ("Example Shop", "+34 930 000 000", "status@example.net", "https://example.net/contact"):
        assert shown in contact
    assert "https://status.example.net" in contact and "Identified" in contact


def test_a_channel_that_cannot_render_gets_a_file_saying_why(store, incident, tmp_path):
    class Refuses:
        id = "pigeon"
        display_name = "Carrier pigeon"
        api_version = 1
        account_fields: tuple[AccountField, ...] = ()
        policy = TextPolicy(limit=10)

        def render(self, update) -> Post:
            raise PublishError("This update does not fit: a pigeon carries ten characters.")

    folder = tmp_path / "bundle"
    write_bundle(store, incident.id, folder, publishers={**builtins(), "pigeon": Refuses(), "../up": Refuses()})
    text = (folder / "pigeon.txt").read_text(encoding="utf-8")
    assert "a pigeon carries ten characters" in text and parts_in(text) == []
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "pigeon.txt: Carrier pigeon cannot take this update" in readme
    assert "“../up” has no file" in readme
    assert not (tmp_path / "up.txt").exists()


def test_a_folder_that_is_not_a_bundle_is_refused_and_an_earlier_bundle_rewritten(store, incident, tmp_path):
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(BundleError, match="not empty"):
        write_bundle(store, incident.id, foreign, publishers=builtins())
    assert [p.name for p in foreign.iterdir()] == ["holiday.jpg"]

    folder = tmp_path / "bundle"
    write_bundle(store, incident.id, folder, update_id=store.updates(incident.id)[0].id, publishers=builtins())
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    write_bundle(store, incident.id, folder, publishers=builtins())
    assert "certificate" in (folder / "email.txt").read_text(encoding="utf-8")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"

    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(BundleError, match="not a folder"):
        write_bundle(store, incident.id, a_file, publishers=builtins())


def test_an_incident_without_an_update_is_refused(store, tmp_path):
    incident = store.add_incident(Incident("Nothing written yet"))
    with pytest.raises(BundleError, match="no update"):
        build_bundle(store, incident.id, publishers=builtins())


def test_the_command_writes_the_bundle(store, incident, tmp_path, capsys):
    folder = tmp_path / "out" / "bundle"
    assert main(["export", str(incident.id), "--bundle", str(folder)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == str(folder / "README.txt")
    assert {line.rpartition("/")[2] for line in printed} == {path.name for path in folder.iterdir()}
    update = reference_update(store, incident.id)
    for channel, publisher in available().items():
        if getattr(publisher, "uploads_site", False):
            assert not (folder / f"{channel}.txt").exists()  # a status page host takes the site, not a text
            continue
        assert parts_in((folder / f"{channel}.txt").read_text(encoding="utf-8")) == publisher.render(update).parts

    first = store.updates(incident.id)[0]
    assert main(["export", str(incident.id), "--bundle", str(folder), "--update", str(first.id)]) == 0
    capsys.readouterr()
    assert (folder / "update.md").read_text(encoding="utf-8") == dump_update(
        export_document(store, incident.id, first.id)
    )


def test_the_command_says_one_line_and_writes_nothing_on_bad_input(store, incident, tmp_path, capsys):
    folder = tmp_path / "bundle"
    for args in (
        ["export", "999", "--bundle", str(folder)],
        ["export", str(incident.id), "--bundle", str(folder), "--update", "999"],
    ):
        assert main(args) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and captured.err.startswith("incident-composer: ")
        assert "Traceback" not in captured.err
        assert not folder.exists()

    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    assert main(["export", str(incident.id), "--bundle", str(foreign)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "not empty" in captured.err

    with pytest.raises(SystemExit) as usage:
        main(["export", str(incident.id), "--bundle", str(folder), "--output", str(tmp_path / "u.md")])
    assert usage.value.code == 2
    assert not folder.exists()
