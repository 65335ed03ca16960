# SPDX-License-Identifier: GPL-3.0-or-later
"""Publisher tests use the shared real servers of tests/conftest.py (SMTP, a silent port)."""
