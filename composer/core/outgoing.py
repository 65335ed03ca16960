# SPDX-License-Identifier: GPL-3.0-or-later
"""What goes out besides an update's body: its email subject and text, and short social texts.

An update made from a template keeps the template's stage and values in `extra["template"]`;
its email subject, the email's own text and its "social-short" / "social-medium" texts are
rendered from them here,
once, for the window and the command line alike. Texts written by hand (front-matter keys of
the same names) win over the template's.

`update_document` is the one way from a stored update to what the checks and the publishers
read: an `UpdateDocument` (the interchange form) with those texts filled in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from composer.core.interchange import UpdateDocument

if TYPE_CHECKING:
    from composer.core.model import Incident, Update
    from composer.core.templates import Rendered, TemplateLibrary

SHORT_FORMS = ("social-short", "social-medium")  # front-matter keys holding a channel's own short text
EMAIL = "email"  # the front-matter key holding the email's own text (the email template's "Hello, …")
OWN_FORMS = (*SHORT_FORMS, EMAIL)  # every text a channel may carry instead of the body
SUBJECT = "subject"
LONG_URL = "long_url"


def text_digest(text: str) -> str:
    """A fingerprint of an update's text as a template wrote it (kept as `text_sha256` in the
    template's spec): a body that no longer matches it was edited by hand."""
    import hashlib  # noqa: PLC0415

    lines = [line.rstrip() for line in text.strip().splitlines()]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def edited_by_hand(extra: Mapping[str, object], body: str) -> bool:
    """Whether the body is no longer the template's text: then the person's words are what every
    channel carries (the template's own email and social wording would drop their edits)."""
    spec = extra.get("template")
    written = spec.get("text_sha256") if isinstance(spec, dict) else None
    return isinstance(written, str) and written != text_digest(body)


def template_spec(extra: Mapping[str, object]) -> tuple[str, dict[str, object]] | None:
    """(stage, values) of the template an update was made from, None if none."""
    spec = extra.get("template")
    if not isinstance(spec, dict) or "stage" not in spec:
        return None
    values = spec.get("values")
    return str(spec["stage"]), dict(values) if isinstance(values, dict) else {}


def social_renderings(
    extra: Mapping[str, object], language: str, library: TemplateLibrary
) -> dict[str, Rendered | str]:
    """The short and medium social posts of an update made from a template (an error as its text)."""
    from composer.core.templates import FieldError, TemplateError, render_template  # noqa: PLC0415

    spec = template_spec(extra)
    if spec is None:
        return {}
    stage, values = spec
    result: dict[str, Rendered | str] = {}
    for channel in SHORT_FORMS:
        info = library.find(stage, channel, language)
        if info is None:
            continue
        try:
            result[channel] = render_template(info, values)
        except (FieldError, TemplateError) as error:
            result[channel] = str(error)
    return result


def email_rendering(extra: Mapping[str, object], language: str, library: TemplateLibrary) -> Rendered | None:
    """The template's email form (its subject and its own text), None when there is none or it fails."""
    from composer.core.templates import FieldError, TemplateError, render_template  # noqa: PLC0415

    spec = template_spec(extra)
    if spec is None:
        return None
    stage, values = spec
    info = library.find(stage, "email", language)
    if info is None:
        return None
    try:
        return render_template(info, values)
    except (FieldError, TemplateError):
        return None


def fill_template_texts(
    doc: UpdateDocument, library: TemplateLibrary | None, *, subject: bool = True
) -> UpdateDocument:
    """A copy of `doc` with its template's subject and short texts in `extra`, where not written
    by hand (`doc` itself is left as it is: what is stored stays what the person wrote)."""
    from dataclasses import replace  # noqa: PLC0415

    doc = replace(doc, extra=dict(doc.extra))
    spec = template_spec(doc.extra) if library is not None else None
    if library is None or spec is None:
        return doc
    # The text changed after the template wrote it: the person's words are what goes out on
    # every channel (the template still gives the subject).
    by_hand = edited_by_hand(doc.extra, doc.body)
    language = doc.language or "en"
    stage, values = spec
    template = doc.extra["template"]
    kept = dict(template) if isinstance(template, dict) else {}
    extra = {**doc.extra, "template": {**kept, "stage": stage, "values": {**values, **_current(doc)}}}
    for channel, rendered in ({} if by_hand else social_renderings(extra, language, library)).items():
        if not isinstance(rendered, str) and not str(doc.extra.get(channel) or "").strip():
            doc.extra[channel] = rendered.text  # a template error leaves that channel to the body
    email = email_rendering(extra, language, library)
    if email is not None:
        if subject and not str(doc.extra.get(SUBJECT) or "").strip() and email.subject:
            doc.extra[SUBJECT] = email.subject
        if not by_hand and not str(doc.extra.get(EMAIL) or "").strip():
            doc.extra[EMAIL] = email.text  # what is mailed: the email's own wording, not the blog's
    return doc


def _current(doc: UpdateDocument) -> dict[str, object]:
    """The update's own fields, which win over the template's values they came from: a next update
    moved after the template was filled is the time every channel says."""
    fields: dict[str, object] = {
        "title": doc.title,
        "impact": doc.impact,
        "workaround": doc.workaround,
        "services": ", ".join(doc.services),
        "next_update": doc.next_update.isoformat() if doc.next_update else "",
        "started": doc.started.isoformat() if doc.started else "",
    }
    return {name: value for name, value in fields.items() if value}


def update_document(
    incident: Incident,
    update: Update,
    last_update: datetime | None,
    *,
    body: str | None = None,
    library: TemplateLibrary | None = None,
    subject: bool = True,
) -> UpdateDocument:
    """A stored update as the checks and the publishers read it (`body`: the text as typed, if newer)."""
    doc = UpdateDocument.from_model(incident, update, last_update)
    if body is not None:
        doc.body = body
    return fill_template_texts(doc, library, subject=subject)


def channel_texts(doc: UpdateDocument) -> dict[str, str]:
    """The texts a document carries for particular channels (short social posts, the email's own)."""
    return {name: str(doc.extra[name]) for name in OWN_FORMS if str(doc.extra.get(name) or "").strip()}
