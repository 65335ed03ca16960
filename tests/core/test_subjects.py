# SPDX-License-Identifier: GPL-3.0-or-later
"""Subjects of updates written by hand follow the stage, in the update's language."""

from __future__ import annotations

from composer.core.model import Status
from composer.core.subjects import correction_subject, stage_subject


def test_the_subject_follows_the_stage_and_the_language():
    title = "Websites and email down"
    assert stage_subject(title, Status.INVESTIGATING, "en", "Pinewood Hosting") == (
        "[Pinewood Hosting] Websites and email down: we are on it"
    )
    assert stage_subject(title, Status.RESOLVED, "en", "Pinewood Hosting") == (
        "[Pinewood Hosting] Resolved: Websites and email down"
    )
    assert stage_subject("Webs caiguts", Status.RESOLVED, "ca-ES", "Pinewood") == "[Pinewood] Resolt: Webs caiguts"
    assert stage_subject("Webs caídas", Status.IDENTIFIED, "es", "") == "Webs caídas: ya sabemos qué pasa"
    assert stage_subject("Down.", Status.MONITORING, "de", " ") == "Down: a fix is in place"  # unknown language: en
    subjects = {stage_subject(title, status, "en") for status in Status}
    assert len(subjects) == len(Status)  # every stage reads differently in the inbox


def test_a_correction_says_so_once_in_its_language():
    assert correction_subject("[P] Resolved: Down", "en") == "Correction: [P] Resolved: Down"
    assert correction_subject("Correction: [P] Resolved: Down", "en") == "Correction: [P] Resolved: Down"
    assert correction_subject("[P] Resolt: Webs", "ca") == "Correcció: [P] Resolt: Webs"
    assert correction_subject("[P] Resuelto: Webs", "es") == "Corrección: [P] Resuelto: Webs"
