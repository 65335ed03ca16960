# SPDX-License-Identifier: GPL-3.0-or-later
"""Agreement of every rule with hand-labelled updates, rule by rule.

Two sets, each written and labelled from docs/checks.md by someone who did not write the rules:
`check_corpus` (47 updates, used while building the rules) and `check_holdout` (30 updates in
other styles and industries, first measured blind; the figures are in docs/checks.md).
The test prints agreement per rule and fails when a rule falls below its bar.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from composer.core.checks import RULES, check_document
from composer.core.interchange import read_update

CORPUS = Path(__file__).with_name("check_corpus")
SETS = (CORPUS, Path(__file__).with_name("check_holdout"))
# The four lessons must agree on every labelled update; the further rules on nearly all.
BARS = {"be-timely": 1.0, "dont-hide": 1.0, "sign-your-name": 1.0, "give-contact-info": 1.0}
DEFAULT_BAR = 0.95
# Rules the labels do not cover: the corpus is checked with no channel configured (its own tests
# are in test_fits_channels.py).
UNLABELLED = {"fits-channels"}


def agreement(folder: Path) -> tuple[dict[str, list[str]], int]:
    expected = tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))
    misses: dict[str, list[str]] = {rule.id: [] for rule in RULES if rule.id not in UNLABELLED}
    for name, labels in sorted(expected.items()):
        doc = read_update(folder / name)
        now = datetime.fromisoformat(labels["now"])
        for finding in check_document(doc, now):
            if finding.rule in UNLABELLED:
                assert finding.verdict.value == "pass", finding.message
                continue
            want = labels[finding.rule]
            if finding.verdict.value != want:
                misses[finding.rule].append(f"{name}: got {finding.verdict.value}, expected {want} ({finding.message})")
    return misses, len(expected)


def test_corpus_is_big_and_varied():
    files = [f for folder in SETS for f in sorted(folder.glob("*.md"))]
    assert len(files) >= 30
    languages = {f.name.split("-")[1] for f in files}
    assert len(list(CORPUS.glob("*.md"))) >= 30
    statuses = {read_update(f).status.value for f in files}
    assert languages >= {"en", "ca", "es"}
    assert statuses >= {
        "investigating",
        "identified",
        "monitoring",
        "resolved",
        "scheduled",
        "in_progress",
        "completed",
    }


@pytest.mark.parametrize("folder", SETS, ids=lambda folder: folder.name)
def test_agreement_rule_by_rule(folder):
    misses, total = agreement(folder)
    report = ["", f"{folder.name}: {'rule':<22}{'agree':>7}  of {total}"]
    failing = []
    for rule, missed in misses.items():
        score = (total - len(missed)) / total
        report.append(f"{rule:<22}{score:>7.0%}")
        report.extend(f"    {line}" for line in missed)
        if score < BARS.get(rule, DEFAULT_BAR):
            failing.append(rule)
    print("\n".join(report))
    assert not failing, "\n".join(report)
