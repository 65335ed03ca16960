# SPDX-License-Identifier: GPL-3.0-or-later
"""Core's words as the interface shows them: statuses, severities and verdicts, translated.

Core keeps its values in English (`Status.label`, `Severity.value`) for files and the command
line; the widgets name them through these tables, marked for Qt Linguist (context "Vocabulary").
Terms: docs/glossary.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from composer.core.model import Severity, Status

if TYPE_CHECKING:
    from composer.core.checks.base import Verdict  # the checks package is slow to import: not at startup

_STATUS = {
    Status.INVESTIGATING: QT_TRANSLATE_NOOP("Vocabulary", "Investigating"),
    Status.IDENTIFIED: QT_TRANSLATE_NOOP("Vocabulary", "Identified"),
    Status.MONITORING: QT_TRANSLATE_NOOP("Vocabulary", "Monitoring"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("Vocabulary", "Resolved"),
    Status.SCHEDULED: QT_TRANSLATE_NOOP("Vocabulary", "Scheduled"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Vocabulary", "In progress"),
    Status.COMPLETED: QT_TRANSLATE_NOOP("Vocabulary", "Completed"),
    Status.POSTMORTEM: QT_TRANSLATE_NOOP("Vocabulary", "Postmortem"),
}
_SEVERITY = {
    Severity.CRITICAL: QT_TRANSLATE_NOOP("Vocabulary", "Critical"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("Vocabulary", "Major"),
    Severity.MINOR: QT_TRANSLATE_NOOP("Vocabulary", "Minor"),
    Severity.MAINTENANCE: QT_TRANSLATE_NOOP("Vocabulary", "Maintenance"),
}
_VERDICT = {  # Verdict's values
    "pass": QT_TRANSLATE_NOOP("Vocabulary", "passes"),
    "warn": QT_TRANSLATE_NOOP("Vocabulary", "to look at"),
    "fail": QT_TRANSLATE_NOOP("Vocabulary", "fails"),
}


def _say(text: object) -> str:
    return QCoreApplication.translate("Vocabulary", str(text))


def status_text(status: Status) -> str:
    """ "Investigating", "In progress"… in the interface language."""
    return _say(_STATUS.get(status, status.label))


def severity_text(severity: Severity) -> str:
    """ "Critical", "Major"… in the interface language."""
    return _say(_SEVERITY.get(severity, severity.value.capitalize()))


def verdict_text(verdict: Verdict) -> str:
    """ "passes", "to look at", "fails" in the interface language."""
    return _say(_VERDICT.get(verdict.value, verdict.value))
