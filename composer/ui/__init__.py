# SPDX-License-Identifier: GPL-3.0-or-later
"""Qt widgets. Thin: the work happens in composer.core."""
