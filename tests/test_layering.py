# SPDX-License-Identifier: GPL-3.0-or-later
"""The core and the publishers never import Qt (nor the network libraries at import)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import composer.core.model, composer.core.store, composer.core.interchange
import composer.core.exchange, composer.core.recovery, composer.publishers, composer.cli
import composer.core.checks, composer.core.checks.cli, composer.core.promises, composer.core.credentials
import composer.core.outbox, composer.publishers.base, composer.publishers.registry, composer.publishers.service
leaked = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'})
print(','.join(leaked))
"""


def test_core_and_publishers_import_no_qt():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"Qt modules loaded by core/publishers: {result.stdout}"


def test_first_window_path_skips_network_and_template_libraries():
    probe = (
        "import sys; import composer.app, composer.ui.main_window;"
        "print(','.join(m for m in ('requests', 'keyring', 'jinja2', 'markdown_it', 'frontmatter')"
        " if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
