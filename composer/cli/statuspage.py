# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer statuspage build DIR [--lang en,ca,es]`: the static status page into a folder.

The site is built from what was published (`composer.core.statuspage`); each file is written
atomically (`composer.core.files.write_atomic`), and only when its bytes changed, so a reader
of the folder never sees half a page and a sync tool sends only what changed. Exit 0 when every
file is in place, 2 on bad input (an unknown language, DIR is a file, a broken user template),
1 when the folder cannot be written (no permission, a full disk).
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from composer.cli.base import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, CommandError, open_store
from composer.core.i18n import _, ngettext

if TYPE_CHECKING:
    import argparse

    from composer.core.statuspage.site import SiteBuilder
    from composer.core.store import Store


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    page = commands.add_parser("statuspage", help=_("the static status page, built from what was published"))
    actions = page.add_subparsers(dest="statuspage_command", metavar="ACTION", required=True)
    build = actions.add_parser(
        "build",
        help=_("write the status page into a folder (created if missing); only changed files are rewritten"),
    )
    build.add_argument("folder", type=Path, metavar="DIR")
    build.add_argument(
        "--lang",
        type=languages,
        metavar="en,ca,es",
        help=_(
            "the pages' languages, the first at the top of the folder (default: the language most "
            "updates are written in)"
        ),
    )
    build.set_defaults(handler=build_page)


def languages(text: str) -> tuple[str, ...]:
    """An argparse type: known language codes, separated by commas; refused in one line otherwise."""
    import argparse  # noqa: PLC0415

    from composer.core.statuspage import SiteError, parse_languages  # noqa: PLC0415

    try:
        return parse_languages(text)
    except SiteError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _failure(path: Path, error: OSError) -> CommandError:
    """A folder, a link or a device where a file goes is bad input; no permission or no space is failed work."""
    code = EXIT_BAD_INPUT if error.errno in (errno.EISDIR, errno.ENOTDIR, errno.ELOOP, errno.EINVAL) else EXIT_FAILED
    return CommandError(_("cannot write {path}: {reason}").format(path=path, reason=error.strerror or error), code)


def _unchanged(path: Path, data: bytes) -> bool:
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def write_site(folder: Path, files: dict[str, bytes]) -> tuple[list[str], int]:
    """Write `files` under `folder`, each atomically and only if it changed: (written, unchanged).
    The folders come first, so a file where a folder goes stops the command before any page."""
    from composer.core.files import write_atomic  # noqa: PLC0415

    for parent in dict.fromkeys((folder / name).parent for name in files):
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError as error:  # a file where a folder of the site goes
            raise CommandError(
                _("cannot write {path}: {name} is not a folder").format(path=parent, name=error.filename),
                EXIT_BAD_INPUT,
            ) from None
        except OSError as error:
            raise _failure(parent, error) from None
    written: list[str] = []
    unchanged = 0
    for name, data in files.items():
        path = folder / name
        if _unchanged(path, data):
            unchanged += 1
            continue
        try:
            write_atomic(path, data)
        except OSError as error:
            raise _failure(path, error) from None
        written.append(name)
    return written, unchanged


def build_page(args: argparse.Namespace) -> int:
    from composer.cli.templates import local_zone  # noqa: PLC0415
    from composer.core.model import utc_now  # noqa: PLC0415
    from composer.core.statuspage import SiteError, build_site, user_folder  # noqa: PLC0415
    from composer.core.statuspage.cache import BuildCache  # noqa: PLC0415

    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        raise CommandError(
            _("{folder} is not a folder: name a folder to write the status page into").format(folder=folder)
        )
    store = open_store()
    cache = BuildCache.in_folder(store.path.parent)
    try:
        files = build_site(
            store,
            now=utc_now(),
            languages=args.lang or (),
            local_zone=local_zone(),
            user_templates=user_folder(),
            cache=cache,
        )
    except SiteError as error:
        raise CommandError(str(error)) from None
    finally:
        cache.close()
        store.close()
    written, unchanged = write_site(folder, files)
    for name in written:
        print(_("wrote {name}").format(name=name))
    line = ngettext(
        "Status page in {folder}: {written} file written, {unchanged} unchanged.",
        "Status page in {folder}: {written} files written, {unchanged} unchanged.",
        len(written),
    )
    print(line.format(folder=folder, written=len(written), unchanged=unchanged))
    return EXIT_OK


def site_builder(store: Store) -> SiteBuilder:
    """The status page builder `publish` and `outbox send` give the publishing service."""
    from composer.cli.templates import local_zone  # noqa: PLC0415
    from composer.core.statuspage import publishing_builder, user_folder  # noqa: PLC0415

    return publishing_builder(store.path, local_zone=local_zone(), user_templates=user_folder())
