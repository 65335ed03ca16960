# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer templates list` and `incident-composer render`.

Errors (unknown template, missing field, bad value, broken template) exit 2 with one line.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from composer.core.templates.fields import FieldError
from composer.core.templates.library import TemplateLibrary
from composer.core.templates.render import TemplateError, render_template

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
USER_FOLDER = "templates"


class RenderInputError(ValueError):
    pass


def library() -> TemplateLibrary:
    from composer.core.paths import data_home  # noqa: PLC0415

    return TemplateLibrary(user_folder=data_home() / USER_FOLDER).load()


def list_templates(output: str) -> int:
    templates = library().all()
    if output == "json":
        print(json.dumps([t.as_json() for t in templates], indent=2, ensure_ascii=False))
        return EXIT_OK
    for info in templates:
        state = f"  BROKEN: {info.error}" if info.error else ""
        print(f"{info.id:<40} {info.stage:<24} {info.channel:<14} {info.language:<3} {info.title}{state}")
    return EXIT_OK


def _load_data(path: Path) -> dict[str, object]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RenderInputError(f"cannot read {path}: {error.strerror}") from None
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        raise RenderInputError(f"{path}: not valid {'TOML' if path.suffix.lower() == '.toml' else 'JSON'}: {error}") \
            from None
    if not isinstance(data, dict):
        raise RenderInputError(f"{path}: expected a table of field values")
    return data


def render_command(template_id: str, data: Path | None, assignments: list[str], sample: bool,
                   output: Path | None) -> int:
    try:
        values: dict[str, object] = _load_data(data) if data else {}
        for assignment in assignments:
            name, sep, value = assignment.partition("=")
            if not sep or not name.strip():
                raise RenderInputError(f"--set needs NAME=VALUE, not {assignment!r}")
            values[name.strip()] = value
        try:
            info = library().get(template_id)
        except KeyError as error:
            raise RenderInputError(str(error.args[0])) from None
        rendered = render_template(info, values, sample=sample)
    except (RenderInputError, FieldError, TemplateError) as error:
        print(f"incident-composer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    text = rendered.as_interchange() if rendered.channel.output in ("markdown", "email") else rendered.text
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"incident-composer: cannot write {output}: {error.strerror}", file=sys.stderr)
            return EXIT_FAILED
    if not rendered.fits:
        print(f"incident-composer: warning: {rendered.length} {rendered.channel.counter}, over the "
              f"{rendered.channel.limit} this channel allows", file=sys.stderr)
    return EXIT_OK
