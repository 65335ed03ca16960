# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared fixtures. Qt runs offscreen; every test gets its own data folder.

The real test servers every suite uses live here once: a self-signed certificate, SMTP
servers (aiosmtpd: STARTTLS and implicit TLS, login required), a port nobody listens on and a
server that accepts and never answers. A server that cannot start fails the test with its
name and the reason — never a skip (`./dev test` installs everything they need).
"""

from __future__ import annotations

import os

# Before any QApplication exists: without a display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The interface speaks English in tests (subprocesses inherit it), whatever this machine's locale;
# a test that wants another language sets LANGUAGE (or calls set_language) itself.
os.environ["LANGUAGE"] = "en"

from collections.abc import Iterator

import pytest
from peers import start_peer
from smtp_peer import SMTP_PASSWORD, SMTP_USER, Certificate, SilentServer, SmtpPeer, free_port, make_certificate

from composer.core.store import Store


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh INCIDENT_COMPOSER_HOME for this test."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("INCIDENT_COMPOSER_HOME", str(folder))
    return folder


@pytest.fixture
def store(home):
    opened, report = Store.open(home / "composer.db")
    assert report.message == ""
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def smtp_certificate(tmp_path_factory) -> Certificate:
    """One self-signed certificate for localhost and 127.0.0.1 (openssl), removed with pytest's temp folder."""
    return start_peer("certificate (openssl)", lambda: make_certificate(tmp_path_factory.mktemp("smtp-certificate")))


def _smtp(certificate: Certificate, mode: str) -> Iterator[SmtpPeer]:
    peer = start_peer(
        f"SMTP ({mode}, aiosmtpd)",
        lambda: SmtpPeer(certificate, mode=mode, username=SMTP_USER, password=SMTP_PASSWORD).start(),
    )
    try:
        yield peer
    finally:
        peer.stop()


@pytest.fixture
def starttls_server(smtp_certificate) -> Iterator[SmtpPeer]:
    """STARTTLS required, then AUTH required (port 587 style)."""
    yield from _smtp(smtp_certificate, "starttls")


@pytest.fixture
def tls_server(smtp_certificate) -> Iterator[SmtpPeer]:
    """Implicit TLS from the first byte, AUTH required (port 465 style)."""
    yield from _smtp(smtp_certificate, "tls")


@pytest.fixture
def closed_port() -> int:
    return free_port()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    """Accepts connections and never says a word (a hung server)."""
    server = start_peer("silent TCP", SilentServer)
    yield server
    server.close()
