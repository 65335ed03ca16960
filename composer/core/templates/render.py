# SPDX-License-Identifier: GPL-3.0-or-later
"""Rendering templates safely: a sandbox, strict undefined names, escaping for HTML.

Templates are user-editable, so they run in Jinja2's immutable sandbox: no access to
Python internals, attributes starting with "_", or the file system. Every problem comes
back as a TemplateError naming the template, the line and, for a missing value, the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from composer.core.i18n import _, ngettext
from composer.core.templates.bounds import (
    MAX_OUTPUT,
    MAX_STEPS,
    bounded_code_generator,
    bounded_filters,
    bounded_lipsum,
    check_format,
    check_size,
    check_str_method,
)
from composer.core.templates.channels import CHANNELS, Channel
from composer.core.templates.fields import FieldError
from composer.core.templates.filters import COMPACT_TIMES, CONTEXT_FILTERS, FILTERS, FilterError
from composer.core.templates.library import TemplateInfo, unknown_stage

if TYPE_CHECKING:
    from jinja2 import Template
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    from markdown_it import MarkdownIt

# Stage -> lifecycle status written into the interchange file.
STAGE_STATUS = {
    "investigating": "investigating",
    "identified": "identified",
    "monitoring": "monitoring",
    "resolved": "resolved",
    "maintenance-scheduled": "scheduled",
    "maintenance-in-progress": "in_progress",
    "maintenance-completed": "completed",
    "postmortem": "postmortem",
    "apology": "resolved",
    "contact-page": "investigating",
}


class TemplateError(ValueError):
    """The template could not be rendered; one line, for the user."""


@dataclass
class Rendered:
    template: TemplateInfo
    channel: Channel
    text: str
    subject: str = ""
    values: dict[str, object] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.channel.length(self.text)

    @property
    def fits(self) -> bool:
        return self.channel.limit is None or self.length <= self.channel.limit

    def html(self) -> str:
        """The HTML form: the page as rendered, or the Markdown turned into sanitised HTML."""
        if self.channel.output == "html":
            return self.text
        return markdown_to_html(self.text)

    def as_interchange(
        self,
        *,
        incident_id: int | None = None,
        last_update: datetime | None = None,
        own_site_down: bool = False,
        own_email_down: bool = False,
    ) -> str:
        """Markdown with front matter, as `check` and `import` read it. For a stored incident,
        `incident_id` (written as `incident:`, so publishing the file adds to that incident) and the
        time of its last public update. `own_site_down` / `own_email_down`: the incident takes down
        our own website / email (written as such, so the checks ask for contacts elsewhere)."""
        from composer.core.interchange import UpdateDocument, dump_update  # noqa: PLC0415
        from composer.core.model import parse_status  # noqa: PLC0415

        _known_stage(self.template)
        values = self.values
        signer = ", ".join(str(v) for v in (values.get("signer_name"), values.get("signer_role")) if v)
        # The template and its values, as the window keeps them for an update made from a template:
        # publishing the file then mails the email template's own wording and posts its social texts.
        kept = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items() if v not in (None, "")}
        from composer.core.outgoing import text_digest  # noqa: PLC0415

        spec = {
            "id": self.template.id,
            "stage": self.template.stage,
            "values": kept,
            "text_sha256": text_digest(self.text),
        }
        extra: dict[str, object] = {"template": spec}
        if self.subject:
            extra["subject"] = self.subject
        services = values.get("services")
        # A postmortem or a personal apology is not a step of the incident's lifecycle: it carries
        # no start time, so the checklist does not judge it as a late first update.
        lifecycle = self.template.stage not in ("postmortem", "apology")
        started = (_time(values.get("started")) or _time(values.get("window_start"))) if lifecycle else None
        doc = UpdateDocument(
            body=self.text,
            title=str(values.get("title") or ""),
            status=parse_status(STAGE_STATUS[self.template.stage]),
            started=started,
            next_update=_time(values.get("next_update")),
            signer=signer,
            language=self.template.language,
            services=[s.strip() for s in str(services).split(",") if s.strip()] if services else [],
            impact=str(values.get("impact") or ""),
            workaround=str(values.get("workaround") or ""),
            extra=extra,
            incident_id=incident_id,
            last_update=last_update,
            own_site_down=own_site_down,
            own_email_down=own_email_down,
        )
        return dump_update(doc)


def _known_stage(info: TemplateInfo) -> None:
    """A stage without a lifecycle status is a TemplateError, never a KeyError."""
    if info.stage not in STAGE_STATUS:
        raise TemplateError(unknown_stage(info.path or info.id, info.stage))


def _time(value: object) -> datetime | None:
    return value if isinstance(value, datetime) else None


def markdown_to_html(text: str) -> str:
    """CommonMark without raw HTML, then nh3 (ammonia) to keep only safe tags."""
    import nh3  # noqa: PLC0415

    return nh3.clean(_markdown().render(text))


_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'([a-z]+)="([^"]*)"')


def images_as_links(html: str) -> str:
    """Images (in `markdown_to_html`'s output) as links to them: a page that must load nothing from
    anywhere (the status page, a manual-sending bundle) shows where each image is instead."""

    def link(match: re.Match[str]) -> str:
        attributes: dict[str, str] = dict(_ATTRIBUTE.findall(match.group(0)))
        src, alt = attributes.get("src", ""), attributes.get("alt", "")
        if not src:
            return alt
        return f'<a href="{src}">{alt or src}</a>'  # both already escaped by the sanitiser

    return _IMG.sub(link, html)


@cache
def _markdown() -> MarkdownIt:
    """One parser for every caller: building it costs as much as rendering an update, and
    rendering keeps its state per call (safe from several threads)."""
    from markdown_it import MarkdownIt  # noqa: PLC0415

    return MarkdownIt("js-default").enable("table")


# Limits no real update reaches, so a user template cannot make the app hang or eat the memory:
# MAX_OUTPUT characters of output (or in one value), MAX_STEPS loop steps (`bounds`).
_steps: ContextVar[list[int]] = ContextVar("template_steps")


class _CountedRange:
    """`range` in a template, counting each step against the render's budget."""

    def __init__(self, steps: range):
        self._steps = steps

    def __iter__(self) -> Iterator[int]:
        budget = _steps.get([MAX_STEPS])
        for value in self._steps:
            budget[0] -= 1
            if budget[0] < 0:
                from jinja2.exceptions import SecurityError  # noqa: PLC0415

                raise SecurityError(_("the template loops more than {limit:,} times").format(limit=MAX_STEPS))
            yield value

    def __len__(self) -> int:
        return len(self._steps)

    def __contains__(self, value: object) -> bool:
        return value in self._steps

    def __getitem__(self, index: int) -> int:
        return self._steps[index]


def _bounded_range(*args: int) -> _CountedRange:
    from jinja2.sandbox import safe_range  # noqa: PLC0415 - Jinja's own limit per range (100,000)

    return _CountedRange(safe_range(*args))


def _bounded_environment_class() -> type[ImmutableSandboxedEnvironment]:
    from jinja2.exceptions import SecurityError  # noqa: PLC0415
    from jinja2.sandbox import ImmutableSandboxedEnvironment  # noqa: PLC0415

    class Bounded(ImmutableSandboxedEnvironment):
        """The sandbox, with `*`, `**` and `+` kept from building values no update needs."""

        intercepted_binops = frozenset({"*", "**", "+", "%"})
        code_generator_class = bounded_code_generator()
        check_size = staticmethod(check_size)  # `a ~ b` compiles to environment.check_size(...)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's
            check_str_method(__obj, args, kwargs)
            return super().call(__context, __obj, *args, **kwargs)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "%":
                check_format(left)
            if operator == "**" and isinstance(right, int) and abs(right) > 64:
                raise SecurityError(_("a power that large is not allowed in a template"))
            if operator == "*":
                sized, count = (left, right) if isinstance(right, int) else (right, left)
                size = len(sized) if hasattr(sized, "__len__") else 0
                if isinstance(sized, list | tuple):  # a list of long texts: the texts' length counts
                    size = sum(len(item) if isinstance(item, str | list | tuple) else 1 for item in sized)
                if isinstance(count, int) and size * count > MAX_OUTPUT:
                    raise SecurityError(
                        _("a value over {limit:,} characters is not allowed in a template").format(limit=MAX_OUTPUT)
                    )
            sizes = hasattr(left, "__len__") and hasattr(right, "__len__")
            if operator == "+" and sizes and len(left) + len(right) > MAX_OUTPUT:
                raise SecurityError(
                    _("a value over {limit:,} characters is not allowed in a template").format(limit=MAX_OUTPUT)
                )
            return super().call_binop(context, operator, left, right)

    return Bounded


@lru_cache(maxsize=2)
def environment(autoescape: bool) -> ImmutableSandboxedEnvironment:
    """One sandboxed environment per escaping mode; compiled templates are cached in it."""
    from jinja2 import StrictUndefined, pass_context  # noqa: PLC0415

    env = _bounded_environment_class()(
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        cache_size=400,
        auto_reload=False,
    )
    for name, function in FILTERS.items():
        env.filters[name] = pass_context(function) if name in CONTEXT_FILTERS else function
    env.filters.update(bounded_filters(env.filters))
    env.globals["range"] = _bounded_range
    env.globals["lipsum"] = bounded_lipsum
    return env


@lru_cache(maxsize=512)
def _compiled(autoescape: bool, name: str, source: str) -> Template:
    return environment(autoescape).from_string(source, globals={"__name__": name})


def _line_of(error: BaseException, name: str) -> int | None:
    """The template line an exception was raised at (Jinja maps its frames to the file)."""
    trace = error.__traceback__
    line = None
    while trace is not None:
        if trace.tb_frame.f_code.co_filename in (name, "<template>"):
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def _render_string(source: str, name: str, autoescape: bool, context: dict[str, object]) -> str:
    from jinja2 import TemplateError as JinjaError  # noqa: PLC0415
    from jinja2 import TemplateSyntaxError, UndefinedError  # noqa: PLC0415
    from jinja2.exceptions import SecurityError  # noqa: PLC0415

    token = _steps.set([MAX_STEPS])
    try:
        out: list[str] = []
        size = 0
        for chunk in _compiled(autoescape, name, source).generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateError(_("its text is over {limit:,} characters; no update is").format(limit=MAX_OUTPUT))
            out.append(chunk)
        return "".join(out)
    except TemplateSyntaxError as error:
        raise TemplateError(
            _("template {name}, line {line}: {message}").format(name=name, line=error.lineno, message=error.message)
        ) from None
    except UndefinedError as error:
        line = _line_of(error, name)
        where = _(", line {line}").format(line=line) if line else ""
        missing = str(error.message or error).replace("'", "`")
        raise TemplateError(
            _("template {name}{where}: {missing} (a field it uses has no value)").format(
                name=name, where=where, missing=missing
            )
        ) from None
    except SecurityError as error:
        line = _line_of(error, name)
        where = _(", line {line}").format(line=line) if line else ""
        raise TemplateError(
            _("template {name}{where}: not allowed in a template ({error})").format(name=name, where=where, error=error)
        ) from None
    except (TemplateError, FilterError) as error:
        raise TemplateError(_("template {name}: {error}").format(name=name, error=error)) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AssertionError, JinjaError) as error:
        # AssertionError: a Jinja filter's own check (`truncate(-5)`); JinjaError: `is nope`, ...
        line = _line_of(error, name)
        where = _(", line {line}").format(line=line) if line else ""
        raise TemplateError(_("template {name}{where}: {error}").format(name=name, where=where, error=error)) from None
    except RecursionError:
        raise TemplateError(
            _("template {name}: it calls itself without end (a recursive macro?)").format(name=name)
        ) from None
    except MemoryError:
        raise TemplateError(_("template {name}: it needs more memory than any update does").format(name=name)) from None
    finally:
        _steps.reset(token)


def collect_values(info: TemplateInfo, given: dict[str, object], sample: bool = False) -> dict[str, object]:
    """Field values in their types: given values, else examples (with `sample`), else defaults."""
    values: dict[str, object] = {}
    missing: list[str] = []
    for spec in info.fields:
        raw = given.get(spec.name)
        if raw in (None, "") and sample:
            raw = spec.example_for(info.language)
        if raw in (None, ""):
            raw = spec.default
        value = spec.coerce(raw, info.id)
        if value is None and spec.required:
            missing.append(f"`{spec.name}`" + (f" ({spec.label})" if spec.label else ""))
        values[spec.name] = value
    if missing:  # every one at once: the user fills them in one go
        line = ngettext("template {id}: missing field {fields}", "template {id}: missing fields {fields}", len(missing))
        raise FieldError(line.format(id=info.id, fields=", ".join(missing)))
    return values


def render_template(
    info: TemplateInfo, given: dict[str, object], *, sample: bool = False, now: datetime | None = None
) -> Rendered:
    """Render one template. Raises FieldError or TemplateError, each one line naming the cause."""
    if info.error:
        raise TemplateError(info.error)
    _known_stage(info)
    channel = CHANNELS[info.channel]
    values = collect_values(info, given, sample)
    context: dict[str, object] = {**values, "lang": info.language, "now": now or datetime.now(UTC)}
    context.setdefault("zone", "UTC")
    # A post with a length limit links to the full update: its clock times stay short (filters.clock).
    context[COMPACT_TIMES] = channel.limit is not None
    text = _render_string(info.source, info.id, channel.autoescape, context)
    subject = _render_string(info.subject, f"{info.id} (subject)", False, context).strip() if info.subject else ""
    text = text.strip() + "\n"
    return Rendered(template=info, channel=channel, text=text, subject=subject, values=values)
