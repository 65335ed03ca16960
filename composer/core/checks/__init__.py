# SPDX-License-Identifier: GPL-3.0-or-later
"""The checklist: an update checked against the lessons (see docs/checks.md). No Qt, no network."""

from __future__ import annotations

from composer.core.checks.base import MIN_REASON_LENGTH, Draft, Finding, Fix, Rule, Verdict
from composer.core.checks.config import CheckConfig, ConfigError, load_config, parse_config
from composer.core.checks.engine import RULES, check_document, make_draft, overall, run_checks

__all__ = [
    "MIN_REASON_LENGTH",
    "RULES",
    "CheckConfig",
    "ConfigError",
    "Draft",
    "Finding",
    "Fix",
    "Rule",
    "Verdict",
    "check_document",
    "load_config",
    "make_draft",
    "overall",
    "parse_config",
    "run_checks",
]
