# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer check FILE... [--now] [--format] [--config] [--channels x,bluesky,...]`.

Exit 0 when no rule fails, 1 when any fails, 2 on bad input (one line on stderr per problem;
the other files are still checked). The text output is in the interface language; `--format json`
is for programs and the same in every language: its messages and fix labels are English.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from composer.cli.base import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, CommandError, add_format, print_json, say
from composer.core import i18n
from composer.core.i18n import _

if TYPE_CHECKING:
    import argparse

    from composer.core.checks import CheckConfig
    from composer.core.interchange import UpdateDocument


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    chk = commands.add_parser("check", help=_("check update files against the lessons (see docs/checks.md)"))
    chk.add_argument("files", type=Path, nargs="+", metavar="FILE")
    chk.add_argument("--now", metavar="ISO-8601", help=_("the time to check at (default: now)"))
    add_format(chk)
    chk.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=_("organisation settings (TOML); default: checks.toml in the data folder, if any"),
    )
    chk.add_argument(
        "--channels",
        metavar="ID[,ID...]",
        help=_("check the length against these channels (x, mastodon, bluesky, linkedin, …)"),
    )
    chk.set_defaults(handler=check)


def parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC).astimezone()
    try:
        now = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(_("--now is not an ISO 8601 time: {text!r}").format(text=text)) from None
    if now.tzinfo is None:
        raise CommandError(_("--now has no time zone: {text!r} (add one, like +01:00 or Z)").format(text=text))
    return now


def check_config(path: Path | None) -> CheckConfig:
    from composer.core.checks import CheckConfig  # noqa: PLC0415
    from composer.core.checks.config import CONFIG_NAME, ConfigError, load_config  # noqa: PLC0415
    from composer.core.paths import data_home  # noqa: PLC0415

    if path is None:
        default = data_home() / CONFIG_NAME
        if not default.is_file():
            return CheckConfig()
        path = default
    try:
        return load_config(path)
    except ConfigError as error:
        raise CommandError(str(error)) from None


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


@contextmanager
def in_english() -> Iterator[None]:
    """The checks' messages in the source language for a while (the JSON output), then back."""
    previous = i18n.language()
    i18n.set_language(i18n.SOURCE_LANGUAGE)
    try:
        yield
    finally:
        i18n.set_language(previous)


def check(args: argparse.Namespace) -> int:
    from composer.core.checks import Verdict, check_document, overall  # noqa: PLC0415
    from composer.core.interchange import InterchangeError, read_update  # noqa: PLC0415

    now = parse_now(args.now)
    config = with_channels(check_config(args.config), args.channels)
    documents: list[tuple[Path, UpdateDocument]] = []
    bad_input = False
    for path in args.files:
        try:
            documents.append((path, read_update(path)))
        except InterchangeError as error:
            say(f"{path}: {error}")  # the person's language, JSON or not
            bad_input = True
    with in_english() if args.format == "json" else nullcontext():
        results = [(path, check_document(doc, now, config)) for path, doc in documents]
    failed = any(overall(findings) is Verdict.FAIL for _path, findings in results)
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
