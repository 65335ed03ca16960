# SPDX-License-Identifier: GPL-3.0-or-later
"""The template library: ready updates per stage, channel and language (Jinja2, sandboxed)."""

from composer.core.templates.channels import CHANNELS, Channel
from composer.core.templates.fields import Field, FieldError
from composer.core.templates.library import TemplateInfo, TemplateLibrary
from composer.core.templates.render import Rendered, TemplateError, render_template

__all__ = [
    "CHANNELS",
    "Channel",
    "Field",
    "FieldError",
    "Rendered",
    "TemplateError",
    "TemplateInfo",
    "TemplateLibrary",
    "render_template",
]
