# SPDX-License-Identifier: GPL-3.0-or-later
"""Publisher tests use the shared real servers of tests/conftest.py (SMTP, a silent port), and
`session_env`: a private D-Bus session with a real keyring for commands (keyring_session.py)."""

from keyring_session import session_env  # noqa: F401 - a fixture for the tests here
