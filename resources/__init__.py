# SPDX-License-Identifier: GPL-3.0-or-later
"""Data files shipped inside the wheel as `composer.resources`."""
