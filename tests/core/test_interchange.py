# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from composer.core.exchange import export_document, import_document
from composer.core.interchange import (
    InterchangeError,
    dump_update,
    parse_update,
    read_update,
    write_update,
)
from composer.core.model import Incident, Publication, Severity, Status, utc_now

SAMPLE = """\
---
title: Email delivery delayed
status: identified
severity: critical
started: 2026-11-24T09:12:00+01:00
last_update: 2026-11-24T09:40:00+01:00
next_update: 2026-11-24T10:30:00+01:00
signer: Marta Vidal, Support lead
language: ca
services:
- mail
- webmail
impact: Outgoing mail waits in the queue
region: Barcelona
x-ticket-tool: keep me
reviewers:
  - name: Joan
---
Ens sap greu: des de les 09:12 CET el correu surt amb retard.

Marta Vidal, cap de suport · +34 930 000 000
"""


def test_parse_reads_every_known_key():
    doc = parse_update(SAMPLE)
    assert doc.title == "Email delivery delayed"
    assert doc.status is Status.IDENTIFIED
    assert doc.severity is Severity.CRITICAL
    assert doc.started == datetime(2026, 11, 24, 9, 12, tzinfo=timezone(timedelta(hours=1)))
    assert doc.last_update is not None and doc.next_update is not None
    assert doc.language == "ca"
    assert doc.services == ["mail", "webmail"]
    assert doc.extra == {"x-ticket-tool": "keep me", "reviewers": [{"name": "Joan"}]}
    assert doc.body.startswith("Ens sap greu")


def test_file_round_trips_through_the_store(store, tmp_path):
    source = tmp_path / "in.md"
    source.write_text(SAMPLE, encoding="utf-8")
    incident, _update = import_document(store, read_update(source))
    out = tmp_path / "out.md"
    write_update(out, export_document(store, incident.id))
    before, after = read_update(source), read_update(out)
    after.incident_id = after.update_id = None  # the export names the incident and update it came from
    assert after == before
    assert read_update(out).incident_id == incident.id
    assert read_update(out).update_id == _update.id


def test_second_file_with_incident_key_becomes_an_update(store):
    incident, _ = import_document(store, parse_update(SAMPLE))
    follow_up = SAMPLE.replace("status: identified", f"status: monitoring\nincident: {incident.id}")
    again, update = import_document(store, parse_update(follow_up))
    assert again.id == incident.id
    assert len(store.updates(incident.id)) == 2
    assert update.status is Status.MONITORING
    # A file's status is a proposal: the incident's follows what was published.
    assert store.incident(incident.id).status is Status.IDENTIFIED
    store.add_publication(update.id, Publication(channel="manual", published_at=utc_now()))
    assert store.incident(incident.id).status is Status.MONITORING


def test_a_file_naming_its_update_changes_that_update(store, tmp_path):
    incident, update = import_document(store, parse_update(SAMPLE))
    out = tmp_path / "out.md"
    write_update(out, export_document(store, incident.id))
    edited = out.read_text(encoding="utf-8").replace("Ens sap greu", "Ens sap molt de greu")
    again, changed = import_document(store, parse_update(edited))
    assert (again.id, changed.id) == (incident.id, update.id)
    assert len(store.updates(incident.id)) == 1
    assert store.update(update.id).body.startswith("Ens sap molt de greu")
    assert any("Ens sap greu" in r.body for r in store.revisions(update.id))  # the earlier text kept


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("update: 99", "names update 99, which this store does not have"),
        ("update: 1\nincident: 2", "belongs to incident 1"),
        ("update: 99999999999999999999999", "an update id from 1 up"),
        ("incident: -3", "an incident id from 1 up"),
        ("update: first", "must be an update id"),
    ],
)
def test_a_file_naming_an_update_it_cannot_be_is_refused(store, keys, message):
    import_document(store, parse_update(SAMPLE))
    store.add_incident(Incident(title="another"))
    with pytest.raises(InterchangeError, match=message):
        import_document(store, parse_update(SAMPLE.replace("title:", keys + "\ntitle:")))
    assert len(store.updates(1)) == 1


def test_unknown_incident_id_is_an_error(store):
    with pytest.raises(InterchangeError, match="does not have"):
        import_document(store, parse_update(SAMPLE.replace("title:", "incident: 42\ntitle:")))


def test_minimal_file_defaults():
    doc = parse_update("# Site down\n\nWe are on it.\n")
    assert doc.status is Status.INVESTIGATING
    assert doc.last_update is None
    assert doc.to_incident().title == "Site down"


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("started: 2026-11-24T09:12:00", "no time zone"),
        ("started: 2026-11-24", "date without a time"),
        ("next_update: soon", "not an ISO 8601 time"),
        ("status: on fire", "unknown status"),
        ("incident: abc", "incident id"),
        ("title: [unclosed", "invalid front matter at line"),
    ],
)
def test_bad_front_matter_is_one_clear_line(front, message):
    with pytest.raises(InterchangeError, match=message) as caught:
        parse_update(f"---\n{front}\n---\nbody\n")
    assert "\n" not in str(caught.value)


def test_unreadable_file(tmp_path):
    with pytest.raises(InterchangeError, match="cannot read"):
        read_update(tmp_path / "missing.md")
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InterchangeError, match="UTF-8"):
        read_update(binary)


def test_dump_leaves_out_empty_fields_and_keeps_zones():
    text = dump_update(parse_update(SAMPLE))
    assert "started: '2026-11-24T09:12:00+01:00'" in text
    assert "workaround" not in text
    assert text.endswith("+34 930 000 000\n")


@pytest.mark.parametrize(
    ("front", "message"),
    [
        # Nested aliases: a few lines that expand to 9**9 items once exported again.
        (
            'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)),
            "aliases \\(\\*name\\) are not allowed",
        ),
        ("started: 2026-02-30T10:00:00+01:00\n", "day is out of range for month"),
        ("started: 99999-01-01T10:00:00+01:00\n", "not an ISO 8601 time"),
        ("title: !!python/object/apply:os.system ['echo hi']\n", "could not determine a constructor"),
    ],
)
def test_a_hostile_front_matter_is_one_line_of_error(front, message):
    with pytest.raises(InterchangeError, match=message):
        parse_update(f"---\n{front}title: t\n---\nbody\n")


def test_a_huge_file_is_refused_before_it_is_read_whole(tmp_path):
    huge = tmp_path / "huge.md"
    with huge.open("wb") as file:
        file.write(b"---\ntitle: t\n---\n")
        file.truncate(50_000_000)  # sparse: 50 MB of NULs, never read
    with pytest.raises(InterchangeError, match="over 400,000 bytes"):
        read_update(huge)
    with pytest.raises(InterchangeError, match="over 100,000 characters"):
        parse_update("---\ntitle: t\n---\n" + "x" * 100_001)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: t\nwe are sorry\n", "never closed by a `---` line"),
        ("---\n- a\n- b\n---\nbody\n", "must be a set of `key: value` lines"),
        ("---\ntitle: Email: delayed\n---\nbody\n", r'at line 2: .*needs quotes: title: "Email: delayed"'),
    ],
)
def test_a_front_matter_that_cannot_be_what_was_meant_says_so(text, message):
    with pytest.raises(InterchangeError, match=message):
        parse_update(text)


def test_a_byte_order_mark_is_not_part_of_the_file():
    doc = parse_update("\ufeff---\ntitle: Mail late\n---\nWe are sorry\n")
    assert (doc.title, doc.body) == ("Mail late", "We are sorry")
