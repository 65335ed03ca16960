# SPDX-License-Identifier: GPL-3.0-or-later
"""What keeps a user template from building a value no update needs (issue 13, item 7).

The output is counted as it is produced (`render._render_string`), but a template can build a
huge value before writing a character of it: `'x'|center(10**9)`, `'%1000000000d' % 1`,
`'x'.ljust(10**9)`, `{{ lipsum(10**6) }}`, or a value doubled by `~` forty times. These guards
refuse such a step *before* it runs (a `SecurityError`, which the renderer turns into one line):
the Jinja filters and string methods that can grow a value, `%` formatting, `lipsum`, and every
`~` concatenation (checked by the code the template compiles to).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from composer.core.i18n import _

MAX_OUTPUT = 1_000_000  # characters a template may produce (or build in one value)
MAX_STEPS = 1_000_000  # loop steps over ranges in one render (nested loops count each step)

# A width or precision of 7 digits or more in a %-format or a str.format field: over a million.
_PRINTF_WIDTH = re.compile(r"%[-+ #0]*(\d{7,}|\d*\.\d{7,})")
_FORMAT_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?\d{7,}[^{}]*\}")


def refuse(what: str) -> Exception:
    from jinja2.exceptions import SecurityError  # noqa: PLC0415

    return SecurityError(what)


def too_big() -> Exception:
    return refuse(_("a value over {limit:,} characters is not allowed in a template").format(limit=MAX_OUTPUT))


def check_size(value: Any) -> Any:
    """`value`, or a refusal when it is a text (or list) over MAX_OUTPUT."""
    if isinstance(value, str | list | tuple) and len(value) > MAX_OUTPUT:
        raise too_big()
    return value


def check_format(pattern: object) -> None:
    """A format string asking for a field wider than any update (`%1000000000d`, `{:>1000000000}`)."""
    if isinstance(pattern, str) and (_PRINTF_WIDTH.search(pattern) or _FORMAT_WIDTH.search(pattern)):
        raise refuse(_("a format that wide is not allowed in a template"))


def _width(value: object) -> int:
    return value if isinstance(value, int) else len(str(value))


def check_replace(text: str, old: object, new: object, count: object = -1) -> None:
    old_s, new_s = str(old), str(new)
    times = text.count(old_s) if old_s else len(text) + 1
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    if len(text) + times * max(0, len(new_s) - len(old_s)) > MAX_OUTPUT:
        raise too_big()


def check_join(items: Iterable[object], separator: object) -> list[object]:
    """The items, once read (a generator is read once), when their joined text fits."""
    listed = list(items)
    if len(listed) > MAX_OUTPUT:
        raise too_big()
    total = sum(len(str(item)) for item in listed) + len(str(separator)) * max(0, len(listed) - 1)
    if total > MAX_OUTPUT:
        raise too_big()
    return listed


def check_str_method(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """A string method called from the template (`'x'.ljust(10**9)`), refused when it would grow
    its text past MAX_OUTPUT."""
    method = getattr(method, "__wrapped__", method)  # the sandbox wraps str.format and format_map
    text = getattr(method, "__self__", None)
    if not isinstance(text, str):
        return
    name = getattr(method, "__name__", "")
    values = list(args) + list(kwargs.values())
    if name in ("center", "ljust", "rjust", "zfill") and values and _width(values[0]) > MAX_OUTPUT:
        raise too_big()
    if name == "expandtabs" and values and _width(values[0]) * (text.count("\t") + 1) > MAX_OUTPUT:
        raise too_big()
    if name in ("format", "format_map"):
        check_format(text)
    if name == "replace" and len(values) >= 2:
        check_replace(text, values[0], values[1], values[2] if len(values) > 2 else -1)
    if name == "join" and values:
        check_join(values[0], text)


def bounded_filters(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Jinja's own filters that can grow a value, each checking its arguments first."""
    center, indent, fmt, replace = filters["center"], filters["indent"], filters["format"], filters["replace"]
    join, slice_ = filters["join"], filters["slice"]

    def bounded_center(value: Any, width: int = 80) -> Any:
        if _width(width) > MAX_OUTPUT:
            raise too_big()
        return center(value, width)

    def bounded_indent(value: Any, width: int | str = 4, *args: Any, **kwargs: Any) -> Any:
        if _width(width) * (str(value).count("\n") + 1) > MAX_OUTPUT:
            raise too_big()
        return indent(value, width, *args, **kwargs)

    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        check_format(value)
        return check_size(fmt(value, *args, **kwargs))

    def bounded_replace(context: Any, value: Any, old: Any, new: Any, count: int | None = None) -> Any:
        check_replace(str(value), old, new, -1 if count is None else count)
        return replace(context, value, old, new, count)

    def bounded_join(context: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
        listed = check_join(value, d) if attribute is None else list(value)
        return check_size(join(context, listed, d, attribute))

    def bounded_slice(value: Any, slices: int, fill_with: Any = None) -> Any:
        if isinstance(slices, int) and slices > MAX_STEPS:
            raise refuse(_("more than {limit:,} slices are not allowed in a template").format(limit=MAX_STEPS))
        return slice_(value, slices, fill_with)

    from jinja2 import pass_eval_context  # noqa: PLC0415

    return {
        "center": bounded_center,
        "indent": bounded_indent,
        "format": bounded_format,
        "replace": pass_eval_context(bounded_replace),
        "join": pass_eval_context(bounded_join),
        "slice": bounded_slice,
    }


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
    from jinja2.utils import generate_lorem_ipsum  # noqa: PLC0415

    if not all(isinstance(v, int) for v in (n, min, max)) or n * max * 12 > MAX_OUTPUT:
        raise too_big()
    return generate_lorem_ipsum(n, html, min, max)


def bounded_code_generator() -> type:
    """Jinja's code generator, with every `a ~ b` checked against MAX_OUTPUT as it is built."""
    from jinja2.compiler import CodeGenerator  # noqa: PLC0415

    class Bounded(CodeGenerator):
        def visit_Concat(self, node: Any, frame: Any) -> None:
            self.write("environment.check_size(")
            super().visit_Concat(node, frame)
            self.write(")")

    return Bounded
