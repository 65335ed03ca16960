# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer check FILE... [--now] [--format] [--config] [--channels x,bluesky,...]`.

Exit 0 when no rule fails, 1 when any fails, 2 on bad input (one line on stderr per problem).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from composer.core.checks.base import Verdict
from composer.core.checks.config import CONFIG_NAME, CheckConfig, ConfigError, load_config
from composer.core.checks.engine import check_document, overall
from composer.core.interchange import InterchangeError, read_update

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
_MARK = {Verdict.PASS: "pass", Verdict.WARN: "WARN", Verdict.FAIL: "FAIL"}


def _bad(message: str) -> None:
    print(f"incident-composer: {message}", file=sys.stderr)


def parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC).astimezone()
    try:
        now = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--now is not an ISO 8601 time: {text!r}") from None
    if now.tzinfo is None:
        raise ValueError(f"--now has no time zone: {text!r} (add one, like +01:00 or Z)")
    return now


def _config(path: Path | None) -> CheckConfig:
    if path is not None:
        return load_config(path)
    from composer.core.paths import data_home  # noqa: PLC0415

    default = data_home() / CONFIG_NAME
    return load_config(default) if default.is_file() else CheckConfig()


def _with_channels(config: CheckConfig, channels: str | None) -> CheckConfig:
    """Fill in the length rules of the channels asked for (--channels, else the config's)."""
    names = [n.strip() for n in channels.split(",") if n.strip()] if channels else config.channel_names
    if names:
        # The publishers own their length rules; only this command line needs to ask them.
        from composer.publishers.social import channel_limits  # noqa: PLC0415

        config.channels = channel_limits(names)
    return config


def run_check(files: list[Path], now_text: str | None, output: str, config_path: Path | None,
              channels: str | None = None) -> int:
    try:
        now = parse_now(now_text)
        config = _with_channels(_config(config_path), channels)
    except (ValueError, ConfigError) as error:
        _bad(str(error))
        return EXIT_BAD_INPUT
    results, bad_input, failed = [], False, False
    for path in files:
        try:
            doc = read_update(path)
        except InterchangeError as error:
            _bad(f"{path}: {error}")
            bad_input = True
            continue
        findings = check_document(doc, now, config)
        failed = failed or overall(findings) is Verdict.FAIL
        results.append((path, findings))
    if output == "json":
        print(json.dumps([{"file": str(path), "rules": [f.as_json() for f in findings]}
                          for path, findings in results], indent=2, ensure_ascii=False))
    else:
        for path, findings in results:
            print(f"{path}: {overall(findings).value.upper()}")
            for finding in findings:
                print(f"  {_MARK[finding.verdict]:4}  {finding.rule:<20} {finding.message}")
    if bad_input:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if failed else EXIT_OK
