# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer statuspage build DIR`, run as users run it: a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest

from composer.core.model import Incident, Organisation, Publication, Status, Update, utc_now


def run(home, *args):
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def one_line(result) -> str:
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("incident-composer: "), result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def publish(store, incident, body, status=Status.INVESTIGATING):
    update = store.add_update(
        Update(incident.id, body, status, "Marta Vidal", next_update_at=utc_now() + timedelta(hours=1))
    )
    store.add_publication(update.id, Publication("manual", utc_now()))
    return update


@pytest.fixture
def published(store):
    store.save_organisation(Organisation(name="Pinewood", phone="+34 930 000 000", backup_email="help@backup.example"))
    incident = store.add_incident(Incident("Card payments fail", affected_services=["Checkout"]))
    publish(store, incident, "We are sorry: card payments fail.")
    store.add_update(Update(incident.id, "DRAFT-SECRET", Status.IDENTIFIED))
    return incident


def test_build_writes_the_site_then_only_what_changed(home, store, published, tmp_path):
    site = tmp_path / "out" / "site"
    first = run(home, "statuspage", "build", str(site))
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "wrote index.html",
        f"wrote incidents/{published.id}.html",
        "wrote feed.atom",
        "wrote maintenance.ics",
        f"Status page in {site}: 4 files written, 0 unchanged.",
    ]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Card payments fail" in index and "tel:+34930000000" in index and "help@backup.example" in index
    assert "DRAFT-SECRET" not in index
    assert not [p for p in site.rglob("*") if p.name.startswith(".")]  # no temporary file left behind
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}

    again = run(home, "statuspage", "build", str(site))
    assert again.returncode == 0 and again.stdout.splitlines() == [
        f"Status page in {site}: 0 files written, 4 unchanged."
    ]
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before

    publish(store, published, "We found the cause.", Status.IDENTIFIED)
    third = run(home, "statuspage", "build", str(site))
    assert third.returncode == 0, third.stderr
    assert sorted(third.stdout.splitlines()[:-1]) == sorted(
        ["wrote index.html", f"wrote incidents/{published.id}.html", "wrote feed.atom"]
    )


def test_build_in_several_languages(home, published, tmp_path):
    result = run(home, "statuspage", "build", str(tmp_path / "site"), "--lang", "es,ca")
    assert result.returncode == 0, result.stderr
    assert '<html lang="es">' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    catalan = (tmp_path / "site" / "ca" / "incidents" / f"{published.id}.html").read_text(encoding="utf-8")
    assert '<html lang="ca">' in catalan and "Actualitzacions" in catalan


def test_bad_input_is_one_line_and_exit_2(home, published, tmp_path):
    afile = tmp_path / "a-file"
    afile.write_text("x", encoding="utf-8")
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "incidents").write_text("a file where a folder goes", encoding="utf-8")
    templates = home / "statuspage"
    cases = [
        (("statuspage", "build", str(tmp_path / "s"), "--lang", "en,fr"), "unknown language 'fr'"),
        (("statuspage", "build", str(tmp_path / "s"), "--lang", ","), "no language given"),
        (("statuspage", "build", str(afile)), "is not a folder"),
        (("statuspage", "build", str(afile / "sub")), "a-file"),
        (("statuspage", "build", str(blocked)), "is not a folder"),
        (("statuspage", "build"), "DIR"),
        (("statuspage",), "ACTION"),
    ]
    for args, says in cases:
        result = run(home, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert says in one_line(result), (args, result.stderr)
    templates.mkdir()
    (templates / "incident.html.j2").write_text("{% for %}", encoding="utf-8")
    broken = run(home, "statuspage", "build", str(tmp_path / "s"))
    assert broken.returncode == 2 and str(templates / "incident.html.j2") in one_line(broken)
    assert not (tmp_path / "s").exists()  # nothing written when the site cannot be built


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


def test_a_folder_that_cannot_be_written_is_one_line_and_exit_1(home, published, tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    root = os.geteuid() == 0
    if root:  # file modes stop nothing for root: a small file system of its own, read-only
        _mount("-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(folder))
    else:
        folder.chmod(0o500)
    try:
        result = run(home, "statuspage", "build", str(folder / "site"))
        assert result.returncode == 1, result.stderr
        message = one_line(result)
        assert str(folder / "site") in message and ("Read-only" in message or "Permission denied" in message)
    finally:
        if root:
            subprocess.run(["umount", str(folder)], check=False, capture_output=True, timeout=30)
        else:
            folder.chmod(0o700)
