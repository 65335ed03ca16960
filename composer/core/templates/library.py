# SPDX-License-Identifier: GPL-3.0-or-later
"""Finds templates: the built-ins in composer.resources, and the user's own in the data folder.

A template is a Jinja2 file whose first lines are a Jinja comment holding a TOML header:

    {#-
    [template]
    stage = "investigating"
    channel = "blog"
    language = "en"
    title = "Investigating: first public update"
    fields = ["title", "impact", "started", "next_update", "signer_name"]
    -#}
    We are sorry: ...

The header is a comment, so the file stays a valid template and error lines match the file.
A template that cannot be read is still listed, with its error, and never hides the others.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from composer.core.i18n import _
from composer.core.templates.channels import CHANNELS
from composer.core.templates.fields import Field, FieldError, resolve_fields

SUFFIX = ".j2"
USER_PREFIX = "user:"
STAGES = (
    "investigating",
    "identified",
    "monitoring",
    "resolved",
    "maintenance-scheduled",
    "maintenance-in-progress",
    "maintenance-completed",
    "postmortem",
    "apology",
    "contact-page",
)
_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}", re.DOTALL)


@dataclass
class TemplateInfo:
    id: str
    source: str
    path: str
    builtin: bool
    stage: str = ""
    channel: str = ""
    language: str = ""
    title: str = ""
    subject: str = ""  # email templates: the subject line, itself a template
    fields: tuple[Field, ...] = ()
    error: str = ""  # why this template cannot be used, with the line when known

    @property
    def usable(self) -> bool:
        return not self.error

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "stage": self.stage,
            "channel": self.channel,
            "language": self.language,
            "title": self.title,
            "builtin": self.builtin,
            "fields": [f.as_json() for f in self.fields],
        }
        if self.error:
            data["error"] = self.error
        return data


def parse_template(template_id: str, source: str, path: str, builtin: bool) -> TemplateInfo:
    """Read a template's header. Problems go into `error`, never out as exceptions."""
    info = TemplateInfo(id=template_id, source=source, path=path, builtin=builtin)
    match = _HEADER.match(source)
    if match is None:
        info.error = _("{path}: no header (the file must start with a {{# ... #}} TOML header)").format(path=path)
        return info
    try:
        header = _toml_header(match.group(1))
    except tomllib.TOMLDecodeError as error:
        info.error = _("{path}: header is not valid TOML: {error}").format(path=path, error=error)
        return info
    except (ValueError, RecursionError):  # a 5,000-digit number; arrays nested 50,000 deep
        info.error = _("{path}: header is not valid TOML: a value too large or nested too deeply").format(path=path)
        return info
    meta = header.get("template", {})
    names, own = meta.get("fields", []) if isinstance(meta, dict) else [], header.get("field", [])
    if not isinstance(meta, dict):
        info.error = _("{path}: `template` in the header must be a table ([template])").format(path=path)
        return info
    if not isinstance(names, list):
        info.error = _("{path}: `fields` in the header must be a list of field names").format(path=path)
        return info
    if not isinstance(own, list) or not all(isinstance(table, dict) for table in own):
        info.error = _("{path}: `field` in the header must be [[field]] tables").format(path=path)
        return info
    info.stage = str(meta.get("stage", ""))
    info.channel = str(meta.get("channel", ""))
    info.language = str(meta.get("language", ""))
    info.title = str(meta.get("title", template_id))
    info.subject = str(meta.get("subject", ""))
    if info.channel not in CHANNELS:
        info.error = _("{path}: unknown channel {channel!r} (one of: {channels})").format(
            path=path, channel=info.channel, channels=", ".join(CHANNELS)
        )
        return info
    if info.channel == "email" and not info.subject:
        info.error = _("{path}: an email template needs a `subject` in its header").format(path=path)
        return info
    try:
        info.fields = resolve_fields(names, own, path)
    except FieldError as error:
        info.error = str(error)
        return info
    syntax = _syntax_error(source, template_id)
    if syntax:
        info.error = f"{path}: {syntax}"
        return info
    # Checked last, so a header without a stage still reports a syntax error's line first.
    if info.stage not in STAGES:
        info.error = unknown_stage(path, info.stage)
    return info


@lru_cache(maxsize=512)  # read only: the same header parsed once per process
def _toml_header(text: str) -> dict[str, object]:
    return tomllib.loads(text)


def unknown_stage(where: str, stage: str) -> str:
    """The one-line problem for a stage that has no lifecycle status (`render.STAGE_STATUS`)."""
    return _("{where}: unknown stage {stage!r} (one of: {stages})").format(
        where=where, stage=stage, stages=", ".join(STAGES)
    )


@lru_cache(maxsize=256)  # the library is loaded for every command: parse each unchanged source once
def _syntax_error(source: str, name: str) -> str:
    from jinja2 import TemplateSyntaxError  # noqa: PLC0415

    from composer.core.templates.render import environment  # noqa: PLC0415

    try:
        environment(False).parse(source, name=name)
    except TemplateSyntaxError as error:
        return _("line {line}: {message}").format(line=error.lineno, message=error.message)
    except RecursionError:  # ((((...)))) or {% if %} nested thousands deep
        return _("nested too deeply to be a template")
    return ""


@dataclass
class TemplateLibrary:
    """Built-in templates plus the user's folder (`<data folder>/templates`)."""

    user_folder: Path | None = None
    _templates: dict[str, TemplateInfo] = field(default_factory=dict)

    def load(self) -> TemplateLibrary:
        self._templates = {}
        root = files("composer.resources").joinpath("templates")
        for language_dir in sorted(
            (p for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")), key=lambda p: p.name
        ):
            for entry in sorted(language_dir.iterdir(), key=lambda p: p.name):
                if entry.name.endswith(SUFFIX):
                    template_id = f"{entry.name[: -len(SUFFIX)]}-{language_dir.name}"
                    self._add(
                        parse_template(
                            template_id,
                            entry.read_text(encoding="utf-8"),
                            f"{language_dir.name}/{entry.name}",
                            builtin=True,
                        )
                    )
        if self.user_folder is not None and self.user_folder.is_dir():
            folder = self.user_folder
            # Sorted by the path's parts inside the folder, so which of two same-named files wins
            # does not depend on the file system's order.
            for path in sorted(folder.rglob(f"*{SUFFIX}"), key=lambda p: p.relative_to(folder).parts):
                template_id = USER_PREFIX + path.stem
                first = self._templates.get(template_id)
                if first is not None:
                    self._add(_duplicate(template_id, first, path, folder))
                    continue
                from composer.core.files import ReadRefused, read_text  # noqa: PLC0415

                try:
                    source = read_text(path, MAX_TEMPLATE_SIZE, _("longer than any template needs"))
                except ReadRefused as error:
                    self._add(TemplateInfo(template_id, "", str(path), False, error=str(error)))
                    continue
                self._add(parse_template(template_id, source, str(path), builtin=False))
        return self

    def _add(self, info: TemplateInfo) -> None:
        self._templates[info.id] = info

    def all(self) -> list[TemplateInfo]:
        return list(self._templates.values())

    def get(self, template_id: str) -> TemplateInfo:
        try:
            return self._templates[template_id]
        except KeyError:
            raise KeyError(
                _("unknown template {template!r} (see `incident-composer templates list`)").format(template=template_id)
            ) from None

    def find(self, stage: str, channel: str, language: str) -> TemplateInfo | None:
        for info in self._templates.values():
            if (info.stage, info.channel, info.language) == (stage, channel, language) and info.usable:
                return info
        return None


MAX_TEMPLATE_SIZE = 1_000_000  # bytes: no update's template is near this long


def _duplicate(template_id: str, first: TemplateInfo, path: Path, folder: Path) -> TemplateInfo:
    """A second user file giving an id already taken: listed as broken, naming both files, under
    its own id (`user:` and its path in the folder, which no file name can give), so `templates
    list` shows it and `render` of that id explains; the first file keeps the id."""
    relative = path.relative_to(folder).with_suffix("").as_posix()
    return TemplateInfo(
        id=USER_PREFIX + relative,
        source="",
        path=str(path),
        builtin=False,
        error=_("{path}: duplicate of {template} ({first_path}), which is used; rename one of the two files").format(
            path=path, template=template_id, first_path=first.path
        ),
    )
