# SPDX-License-Identifier: GPL-3.0-or-later
"""Channel publishers (WordPress, email, social). Pure Python: never imports Qt."""
