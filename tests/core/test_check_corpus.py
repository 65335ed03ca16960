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


def agreement(folder: Path, part: str | None = None) -> tuple[dict[str, list[str]], int]:
    """Misses per rule over the folder's labelled updates (only those of `part` when given)."""
    expected = tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))
    if part is not None:
        expected = {name: labels for name, labels in expected.items() if labels.get("part") == part}
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


# Real published updates (issue 14): `check_real_en` (English) and `check_real_caes` (Catalan and
# Spanish), each labelled blind; a third of each ("holdout", chosen before labelling) was kept out
# of the fixes. The blind figures, before any change, are in each folder's BLIND.md and in
# docs/checks.md. The bars guard what the fixes reached: on the tuned part the four lessons at
# 95%; on the held-out part what it measured once after the fixes (docs/checks.md) — below the
# 95% the issue asks for on dont-hide, which is why issue 14 stays open.
REAL = (Path(__file__).with_name("check_real_en"), Path(__file__).with_name("check_real_caes"))
REAL_BARS = {
    "tune": {"be-timely": 0.95, "dont-hide": 0.95, "sign-your-name": 0.95, "give-contact-info": 0.95},
    "holdout": {"be-timely": 0.95, "dont-hide": 0.75, "sign-your-name": 0.9, "give-contact-info": 0.95},
}
REAL_DEFAULT_BAR = 0.8


def test_real_corpora_are_big_and_varied():
    names = [f.name for folder in REAL for f in folder.glob("r[0-9]*.md")]
    assert len(names) >= 60
    languages = [name.split("-")[1] for name in names]
    assert languages.count("ca") >= 15 and languages.count("es") >= 15
    for folder in REAL:
        expected = tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))
        assert {f.name for f in folder.glob("r[0-9]*.md")} == set(expected)  # every file labelled, every label a file
        assert all(labels["source"].startswith("http") for labels in expected.values())


@pytest.mark.parametrize("part", ["tune", "holdout"])
@pytest.mark.parametrize("folder", REAL, ids=lambda folder: folder.name)
def test_real_agreement_rule_by_rule(folder, part):
    misses, total = agreement(folder, part)
    report = ["", f"{folder.name} ({part}): {'rule':<22}{'agree':>7}  of {total}"]
    failing = []
    for rule, missed in misses.items():
        score = (total - len(missed)) / total
        report.append(f"{rule:<22}{score:>7.0%}")
        if part == "tune":  # the held-out part's texts stay out of sight of whoever tunes the rules
            report.extend(f"    {line}" for line in missed)
        if score < REAL_BARS[part].get(rule, REAL_DEFAULT_BAR):
            failing.append(rule)
    print("\n".join(report))
    assert not failing, "\n".join(report)
