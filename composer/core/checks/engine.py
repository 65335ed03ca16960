# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the rules over a draft. Built-in rules come from an explicit list."""

from __future__ import annotations

from datetime import datetime

from composer.core.checks.base import Draft, Finding, Rule, Verdict
from composer.core.checks.config import CheckConfig
from composer.core.checks.language import detect_language, word_lists
from composer.core.checks.rules.channels import FitsChannels
from composer.core.checks.rules.contact import GiveContactInfo
from composer.core.checks.rules.lessons import BeTimely, DontHide
from composer.core.checks.rules.lifecycle import Apologise, SaysDataImpact, StatusConsistent
from composer.core.checks.rules.signature import SignYourName
from composer.core.checks.rules.wording import NoFixPromises, NoInternalDetails, PlainLanguage, TimesHaveZone
from composer.core.contacts import down_domains
from composer.core.i18n import _
from composer.core.interchange import UpdateDocument
from composer.core.outgoing import LONG_URL, channel_texts
from composer.core.promise_text import readers_zone

RULES: tuple[Rule, ...] = (
    BeTimely(),
    DontHide(),
    SignYourName(),
    GiveContactInfo(),
    TimesHaveZone(),
    NoFixPromises(),
    NoInternalDetails(),
    SaysDataImpact(),
    Apologise(),
    PlainLanguage(),
    StatusConsistent(),
    FitsChannels(),
)


def make_draft(doc: UpdateDocument, now: datetime, config: CheckConfig | None = None) -> Draft:
    """The one way to the draft the rules see, for a file (command line) or a stored update (window)."""
    config = config or CheckConfig()
    language = doc.language or (detect_language(doc.body) if doc.body.strip() else "en")
    extra = tuple(sorted((k, tuple(v)) for k, v in config.extra_words.items()))
    return Draft(
        body=doc.body,
        now=now,
        status=doc.status,
        language=language,
        started=doc.started,
        last_update=doc.last_update,
        next_update=doc.next_update,
        signer=doc.signer,
        title=doc.title,
        config=config,
        words=word_lists(language, extra),
        texts=channel_texts(doc),
        long_url=str(doc.extra.get(LONG_URL) or config.organisation.status_page_url or ""),
        zone=readers_zone(doc.extra),
        own_site_down=doc.own_site_down,
        own_email_down=doc.own_email_down,
        down_domains=frozenset(down_domains(config.organisation, doc)),
    )


def run_checks(draft: Draft, rules: tuple[Rule, ...] = RULES) -> list[Finding]:
    findings = []
    for rule in rules:
        try:
            findings.append(rule.check(draft))
        except Exception as error:
            findings.append(Finding(rule.id, Verdict.WARN, _("This rule could not run: {error}").format(error=error)))
    return findings


def check_document(doc: UpdateDocument, now: datetime, config: CheckConfig | None = None) -> list[Finding]:
    return run_checks(make_draft(doc, now, config))


def overall(findings: list[Finding]) -> Verdict:
    return max((f.verdict for f in findings), key=lambda v: v.rank, default=Verdict.PASS)
