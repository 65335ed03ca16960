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


# Real published updates (issue 14), each labelled blind, in rounds: each round's held-out set was
# gathered and labelled by people who never ran the rules, measured once (docs/checks.md), then
# folded into the tuned part (`first_part = "holdout"`). `check_real_*` (round 1, a third held out)
# `check_fresh_*` (round 2), `check_heldout_*` (round 3) and `check_round4_*` to `check_round12_*`
# are tuned on; `check_round13_*` (files `d01-…`) is kept out of sight of whoever tunes the rules: its
# misses are never printed, and it counts only once its labels (`expected.toml`) are in.
_HERE = Path(__file__).parent
TUNED_ROUNDS = (
    "real",
    "fresh",
    "heldout",
    "round4",
    "round5",
    "round6",
    "round7",
    "round8",
    "round9",
    "round10",
    "round11",
    "round12",
)
REAL = tuple(_HERE / f"check_{round_}_{languages}" for round_ in TUNED_ROUNDS for languages in ("en", "caes"))
FRESH = tuple(p for p in (_HERE / "check_round13_en", _HERE / "check_round13_caes") if (p / "expected.toml").exists())
LESSONS_BAR = {"be-timely": 0.95, "dont-hide": 0.95, "sign-your-name": 0.95, "give-contact-info": 0.95}
REAL_DEFAULT_BAR = 0.8
# The held-out round (13), measured blind once (docs/checks.md): dont-hide 87% in English and 90% in
# Catalan and Spanish, sign-your-name 90% in Catalan and Spanish, plain-language 75% and
# times-have-zone 80% there: a guard against regressions, below the 95% on dont-hide;
# issue 14 stays open for it.
HELD_OUT_BARS = {
    "be-timely": 0.95,
    "dont-hide": 0.70,
    "sign-your-name": 0.90,
    "give-contact-info": 0.90,
    "plain-language": 0.70,
}


def test_real_corpora_are_big_and_varied():
    names = [f.name for folder in REAL for f in folder.glob("r[0-9]*.md")]
    assert len(names) >= 60
    languages = [name.split("-")[1] for name in names]
    assert languages.count("ca") >= 15 and languages.count("es") >= 15
    for folder in REAL + FRESH:
        expected = tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))
        files = {f.name for f in folder.glob("[rfhqvwxyzabcd][0-9]*.md")}
        assert files == set(expected)  # every file labelled, every label a file
        assert all(labels["source"].startswith("http") for labels in expected.values())


def _report(folder: Path, part: str, bars: dict[str, float], *, show_misses: bool) -> None:
    misses, total = agreement(folder, part)
    assert total, f"no {part} updates in {folder.name}"
    report = ["", f"{folder.name} ({part}): {'rule':<22}{'agree':>7}  of {total}"]
    failing = []
    for rule, missed in misses.items():
        score = (total - len(missed)) / total
        report.append(f"{rule:<22}{score:>7.0%}")
        if show_misses:
            report.extend(f"    {line}" for line in missed)
        if score < bars.get(rule, REAL_DEFAULT_BAR):
            failing.append(rule)
    print("\n".join(report))
    assert not failing, "\n".join(report)


@pytest.mark.parametrize("folder", REAL, ids=lambda folder: folder.name)
def test_real_agreement_rule_by_rule(folder):
    _report(folder, "tune", LESSONS_BAR, show_misses=True)


@pytest.mark.parametrize("folder", FRESH, ids=lambda folder: folder.name)
def test_held_out_agreement_rule_by_rule(folder):
    _report(folder, "holdout", HELD_OUT_BARS, show_misses=False)
