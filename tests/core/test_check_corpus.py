# SPDX-License-Identifier: GPL-3.0-or-later
"""Agreement of every rule with hand-labelled updates (tests/core/check_corpus/expected.toml).

The corpus was written and labelled from docs/checks.md by someone who did not write the rules.
The test prints agreement rule by rule and fails when a rule falls below its bar.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

from composer.core.checks import RULES, check_document
from composer.core.interchange import read_update

CORPUS = Path(__file__).with_name("check_corpus")
# The four lessons must agree on every labelled update; the further rules on nearly all.
BARS = {"be-timely": 1.0, "dont-hide": 1.0, "sign-your-name": 1.0, "give-contact-info": 1.0}
DEFAULT_BAR = 0.95


def agreement() -> tuple[dict[str, list[str]], int]:
    expected = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
    misses: dict[str, list[str]] = {rule.id: [] for rule in RULES}
    for name, labels in sorted(expected.items()):
        doc = read_update(CORPUS / name)
        now = datetime.fromisoformat(labels["now"])
        for finding in check_document(doc, now):
            want = labels[finding.rule]
            if finding.verdict.value != want:
                misses[finding.rule].append(f"{name}: got {finding.verdict.value}, expected {want}"
                                            f" ({finding.message})")
    return misses, len(expected)


def test_corpus_is_big_and_varied():
    files = sorted(CORPUS.glob("*.md"))
    assert len(files) >= 30
    languages = {f.name.split("-")[1] for f in files}
    statuses = {read_update(f).status.value for f in files}
    assert languages >= {"en", "ca", "es"}
    assert statuses >= {"investigating", "identified", "monitoring", "resolved", "scheduled", "in_progress",
                        "completed"}


def test_agreement_rule_by_rule():
    misses, total = agreement()
    report = ["", f"{'rule':<22}{'agree':>7}  of {total}"]
    failing = []
    for rule, missed in misses.items():
        score = (total - len(missed)) / total
        report.append(f"{rule:<22}{score:>7.0%}")
        report.extend(f"    {line}" for line in missed)
        if score < BARS.get(rule, DEFAULT_BAR):
            failing.append(rule)
    print("\n".join(report))
    assert not failing, "\n".join(report)
