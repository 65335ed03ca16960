# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures for publisher tests: real SMTP servers on 127.0.0.1, a closed port, a silent one."""

from __future__ import annotations

import pytest
from smtp_peer import Certificate, SilentServer, SmtpPeer, free_port, make_certificate

SMTP_USER = "status-bot"
SMTP_PASSWORD = "Tr0ub4dor&3-not-in-any-message"


@pytest.fixture(scope="session")
def smtp_certificate(tmp_path_factory) -> Certificate:
    return make_certificate(tmp_path_factory.mktemp("smtp-certificate"))


@pytest.fixture
def starttls_server(smtp_certificate):
    """STARTTLS required, then AUTH required (port 587 style)."""
    with SmtpPeer(smtp_certificate, mode="starttls", username=SMTP_USER, password=SMTP_PASSWORD) as peer:
        yield peer


@pytest.fixture
def tls_server(smtp_certificate):
    """Implicit TLS from the first byte, AUTH required (port 465 style)."""
    with SmtpPeer(smtp_certificate, mode="tls", username=SMTP_USER, password=SMTP_PASSWORD) as peer:
        yield peer


@pytest.fixture
def closed_port() -> int:
    return free_port()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()
