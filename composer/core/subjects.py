# SPDX-License-Identifier: GPL-3.0-or-later
"""The subject line of an update written by hand: it follows the stage, in the update's language.

An update made from a template takes its email template's subject. One written by hand gets the
same shape here ("[Pinewood Hosting] Resolved: Websites and email down"), so a reader's inbox
tells the first alert from the resolution. A correction of a published update says so first.
"""

from __future__ import annotations

from composer.core.model import Status

# {title}: the incident's title. The same words as the email templates' subjects.
PATTERNS: dict[str, dict[Status, str]] = {
    "en": {
        Status.INVESTIGATING: "{title}: we are on it",
        Status.IDENTIFIED: "{title}: we have found the cause",
        Status.MONITORING: "{title}: a fix is in place",
        Status.RESOLVED: "Resolved: {title}",
        Status.SCHEDULED: "Planned: {title}",
        Status.IN_PROGRESS: "Under way: {title}",
        Status.COMPLETED: "Finished: {title}",
        Status.POSTMORTEM: "What went wrong, and what we are changing: {title}",
    },
    "ca": {
        Status.INVESTIGATING: "{title}: hi estem treballant",
        Status.IDENTIFIED: "{title}: ja sabem què passa",
        Status.MONITORING: "{title}: solució aplicada, ho seguim de prop",
        Status.RESOLVED: "Resolt: {title}",
        Status.SCHEDULED: "Manteniment programat: {title}",
        Status.IN_PROGRESS: "Manteniment en curs: {title}",
        Status.COMPLETED: "Manteniment acabat: {title}",
        Status.POSTMORTEM: "Què va fallar i què canviem: {title}",
    },
    "es": {
        Status.INVESTIGATING: "{title}: lo sentimos, ya estamos en ello",
        Status.IDENTIFIED: "{title}: ya sabemos qué pasa",
        Status.MONITORING: "{title}: solución aplicada, seguimos vigilando",
        Status.RESOLVED: "Resuelto: {title}",
        Status.SCHEDULED: "{title}: mantenimiento programado",
        Status.IN_PROGRESS: "{title}: hemos empezado",
        Status.COMPLETED: "{title}: terminado, todo funciona con normalidad",
        Status.POSTMORTEM: "Qué falló y qué vamos a cambiar: {title}",
    },
}
CORRECTION = {"en": "Correction", "ca": "Correcció", "es": "Corrección"}


def _language(language: str) -> str:
    base = (language or "en").split("-")[0].lower()
    return base if base in PATTERNS else "en"


def stage_subject(title: str, status: Status, language: str, organisation: str = "") -> str:
    """The subject of an update at `status`: "[Organisation] Resolved: Title" (no brackets without a name)."""
    title = " ".join(title.split()).rstrip(".") or "Service update"
    text = PATTERNS[_language(language)][status].format(title=title)
    name = " ".join(organisation.split())
    return f"[{name}] {text}" if name else text


def correction_subject(subject: str, language: str) -> str:
    """A published update's subject, marked as its correction (once)."""
    word = CORRECTION[_language(language)]
    return subject if subject.startswith(f"{word}:") else f"{word}: {subject}"
