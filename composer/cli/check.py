# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer check FILE... [--now] [--format] [--config] [--channels x,bluesky,...]`.

Exit 0 when no rule fails, 1 when any fails, 2 on bad input (one line on stderr per problem;
the other files are still checked).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from composer.cli.base import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, CommandError, add_format, print_json, say

if TYPE_CHECKING:
    import argparse

    from composer.core.checks import CheckConfig, Finding


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    chk = commands.add_parser("check", help="check update files against the lessons (see docs/checks.md)")
    chk.add_argument("files", type=Path, nargs="+", metavar="FILE")
    chk.add_argument("--now", metavar="ISO-8601", help="the time to check at (default: now)")
    add_format(chk)
    chk.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="organisation settings (TOML); default: checks.toml in the data folder, if any",
    )
    chk.add_argument(
        "--channels",
        metavar="ID[,ID...]",
        help="check the length against these channels (x, mastodon, bluesky, linkedin, …)",
    )
    chk.set_defaults(handler=check)


def parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC).astimezone()
    try:
        now = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"--now is not an ISO 8601 time: {text!r}") from None
    if now.tzinfo is None:
        raise CommandError(f"--now has no time zone: {text!r} (add one, like +01:00 or Z)")
    return now


def check_config(path: Path | None) -> CheckConfig:
    from composer.core.checks import CheckConfig  # noqa: PLC0415
    from composer.core.checks.config import CONFIG_NAME, ConfigError, parse_config  # noqa: PLC0415
    from composer.core.paths import data_home  # noqa: PLC0415

    if path is None:
        default = data_home() / CONFIG_NAME
        if not default.is_file():
            return CheckConfig()
        path = default
    try:
        with path.open("rb") as file:
            data = file.read(MAX_CONFIG_SIZE + 1)
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_SIZE:
        raise CommandError(f"{path}: over {MAX_CONFIG_SIZE:,} bytes; organisation settings are never that long")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not UTF-8 text") from None
    problem = _shape_problem(text)
    if problem:
        raise CommandError(f"{path}: {problem}")
    try:
        return parse_config(text, str(path))
    except ConfigError as error:
        raise CommandError(str(error)) from None
    except (ValueError, TypeError, AttributeError, OverflowError) as error:  # a value of the wrong kind
        raise CommandError(f"{path}: a setting has a value of the wrong kind ({error}); see docs/checks.md") from None


MAX_CONFIG_SIZE = 4_000_000  # bytes: a few tables of settings, people and words are never this long
_TABLES = ("timeliness", "plain_language", "contact", "words", "publishing", "organisation")


def _shape_problem(text: str) -> str:
    """What is not a table (or, for [[people]], a list) where the settings need one; "" if fine.
    Invalid TOML is left to `parse_config`, which says where."""
    import tomllib  # noqa: PLC0415

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return ""
    except ValueError:  # a number of over 4,300 digits, which Python refuses to read
        return "a number too long to be a setting"
    except RecursionError:
        return "nested too deeply to be settings"
    for name in _TABLES:
        if name in data and not isinstance(data[name], dict):
            return f"`{name}` must be a table ([{name}] and its settings below it)"
    if "people" in data and not isinstance(data["people"], list):
        return "`people` must be a list of [[people]] tables"
    return ""


def with_channels(config: CheckConfig, channels: str | None) -> CheckConfig:
    """Fill in the length rules of the channels asked for (--channels, else the config's)."""
    names = [n.strip() for n in channels.split(",") if n.strip()] if channels else config.channel_names
    if names:
        # The publishers own their length rules (composer.core.lengths counts them).
        from composer.publishers.social import channel_limits  # noqa: PLC0415

        try:
            config.channels = channel_limits(names)
        except ValueError as error:
            raise CommandError(str(error)) from None
    return config


def check(args: argparse.Namespace) -> int:
    from composer.core.checks import Verdict, check_document, overall  # noqa: PLC0415
    from composer.core.interchange import InterchangeError, read_update  # noqa: PLC0415

    now = parse_now(args.now)
    config = with_channels(check_config(args.config), args.channels)
    results: list[tuple[Path, list[Finding]]] = []
    bad_input = failed = False
    for path in args.files:
        try:
            doc = read_update(path)
        except InterchangeError as error:
            say(f"{path}: {error}")
            bad_input = True
            continue
        findings = check_document(doc, now, config)
        failed = failed or overall(findings) is Verdict.FAIL
        results.append((path, findings))
    if args.format == "json":
        print_json([{"file": str(path), "rules": [f.as_json() for f in findings]} for path, findings in results])
    else:
        mark = {Verdict.PASS: "pass", Verdict.WARN: "WARN", Verdict.FAIL: "FAIL"}
        for path, findings in results:
            print(f"{path}: {overall(findings).value.upper()}")
            for finding in findings:
                print(f"  {mark[finding.verdict]:4}  {finding.rule:<20} {finding.message}")
    if bad_input:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if failed else EXIT_OK
