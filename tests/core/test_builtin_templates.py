# SPDX-License-Identifier: GPL-3.0-or-later
"""Every built-in template: present for every stage, channel and language; renders its sample
exactly as the reference file says; long form and email pass the four lessons; social fits.

Regenerate the reference files after a deliberate change with UPDATE_GOLDENS=1.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.core.checks import check_document
from composer.core.interchange import parse_update
from composer.core.model import Status
from composer.core.templates import TemplateLibrary, render_template

GOLDEN = Path(__file__).with_name("template_golden")
LANGUAGES = ("en", "ca", "es")
UPDATE_STAGES = (
    "investigating",
    "identified",
    "monitoring",
    "resolved",
    "maintenance-scheduled",
    "maintenance-in-progress",
    "maintenance-completed",
    "postmortem",
)
SOCIAL_AND_LONG = ("blog", "email", "social-short", "social-medium")
MATRIX = [(stage, channel) for stage in UPDATE_STAGES for channel in SOCIAL_AND_LONG] + [
    ("apology", "email"),
    ("contact-page", "page"),
]
FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)  # the contact pages say when they were made
LESSONS = ("be-timely", "dont-hide", "sign-your-name", "give-contact-info")

LIBRARY = TemplateLibrary().load()
BUILTIN = sorted((t for t in LIBRARY.all() if t.builtin), key=lambda t: t.id)


def test_every_stage_channel_and_language_has_a_template():
    missing = [
        f"{stage}-{channel}-{lang}"
        for lang in LANGUAGES
        for stage, channel in MATRIX
        if LIBRARY.find(stage, channel, lang) is None
    ]
    assert not missing, f"missing or broken: {missing}"


@pytest.mark.parametrize("info", BUILTIN, ids=lambda t: t.id)
def test_sample_rendering_matches_its_reference(info):
    assert info.usable, info.error
    rendered = render_template(info, {}, sample=True, now=FIXED_NOW)
    text = rendered.as_interchange() if info.channel in ("blog", "email") else rendered.text
    golden = GOLDEN / f"{info.id}.txt"
    if os.environ.get("UPDATE_GOLDENS"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no reference file for {info.id}: run with UPDATE_GOLDENS=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("info", [t for t in BUILTIN if t.channel in ("blog", "email")], ids=lambda t: t.id)
def test_long_form_and_email_pass_the_four_lessons(info):
    doc = parse_update(render_template(info, {}, sample=True).as_interchange())
    now = doc.started + timedelta(minutes=10) if doc.started else datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    if doc.status is Status.SCHEDULED and doc.started:
        # A maintenance notice goes out days ahead: checked after the work began, its promise of
        # an update "when the work starts at 23:00 CET" has passed, and be-timely says so.
        now = doc.started - timedelta(days=2, hours=19)
    failing = {f.rule: f.message for f in check_document(doc, now) if f.rule in LESSONS and f.verdict.value != "pass"}
    assert not failing


@pytest.mark.parametrize("info", [t for t in BUILTIN if t.channel.startswith("social")], ids=lambda t: t.id)
def test_social_posts_fit_their_limit(info):
    rendered = render_template(info, {}, sample=True)
    assert rendered.fits, f"{rendered.length} > {rendered.channel.limit}"


@pytest.mark.parametrize("info", BUILTIN, ids=lambda t: t.id)
def test_renders_with_only_required_fields(info):
    given = {}
    for spec in info.fields:
        if spec.required:
            given[spec.name] = spec.example_for(info.language)
    render_template(info, given)  # optional sections are guarded: no error


def test_contact_pages_are_self_contained():
    for lang in LANGUAGES:
        page = render_template(LIBRARY.find("contact-page", "page", lang), {}, sample=True).text
        assert page.lstrip().lower().startswith("<!doctype html>")
        assert f'lang="{lang}"' in page
        assert "tel:" in page and "mailto:" in page
        assert "http://" not in page.replace("https://", "")  # nothing loaded from elsewhere
        assert "<link" not in page and "<script src" not in page
