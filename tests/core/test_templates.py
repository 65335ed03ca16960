# SPDX-License-Identifier: GPL-3.0-or-later
"""The template engine: sandbox, strict names, escaping, filters, user templates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.core.templates import FieldError, TemplateError, TemplateLibrary, render_template
from composer.core.templates.filters import clip, clock, clock_with_article, date_with_article, duration, long_date
from composer.core.templates.library import parse_template

HEADER = """{#-
[template]
stage = "investigating"
channel = "%s"
language = "en"
title = "Test"
%s
fields = ["title", "signer_name"]
-#}
"""


def user_template(body: str, channel: str = "blog", extra: str = "") -> object:
    return parse_template("user:test", HEADER % (channel, extra) + body, "test.j2", builtin=False)


def render(body: str, channel: str = "blog", **values):
    info = user_template(body, channel, 'subject = "S"' if channel == "email" else "")
    assert not info.error, info.error
    return render_template(info, {"title": "T", "signer_name": "Marta Vidal", **values})


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ title.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('touch /tmp/pwned-by-template').read() }}",
        "{{ lipsum.__globals__['os'].system('touch /tmp/pwned-by-template') }}",
        "{{ self._TemplateReference__context }}",
        "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
        "{{ range.__self__ }}",
        "{% set x = [].append(1) %}",
    ],
)
def test_sandbox_escapes_fail_safely(payload, tmp_path):
    marker = tmp_path / "never"
    with pytest.raises(TemplateError) as caught:
        render(payload.replace("/tmp/pwned-by-template", str(marker)))
    assert "user:test" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not marker.exists()


def test_templates_cannot_read_files():
    with pytest.raises(TemplateError):
        render("{% include '/etc/passwd' %}")
    with pytest.raises(TemplateError):
        render("{% import 'os' as os %}")


def test_unknown_name_is_reported_with_its_line():
    with pytest.raises(TemplateError) as caught:
        render("line one\nline two {{ signer_nmae }}\n")
    message = str(caught.value)
    assert "signer_nmae" in message
    assert "line 11" in message  # counted in the file: the header takes its first nine lines


def test_missing_required_field_names_it():
    info = user_template("{{ title }}")
    with pytest.raises(FieldError, match="missing field `signer_name`"):
        render_template(info, {"title": "T"})


def test_bad_field_values_are_one_line():
    info = parse_template(
        "user:t",
        HEADER.replace('"signer_name"]', '"signer_name", "started"]') % ("blog", "") + "{{ started|clock }}",
        "t.j2",
        False,
    )
    for value, message in (("yesterday", "not an ISO 8601 time"), ("2026-11-24T10:00", "no time zone")):
        with pytest.raises(FieldError, match=message):
            render_template(info, {"title": "T", "signer_name": "M", "started": value})


def test_html_output_is_escaped():
    page = render("<p>{{ title }}</p>", channel="page", title="<script>alert(1)</script>")
    assert "<script>" not in page.text
    assert "&lt;script&gt;" in page.text


def test_email_html_is_sanitised():
    mail = render("Hello [x](javascript:alert(1)) <img src=x onerror=alert(1)>", channel="email")
    html = mail.html()
    assert 'href="javascript' not in html and "<img" not in html


def test_syntax_errors_show_their_line():
    info = user_template("fine\n{% if title %}\nno endif\n")
    assert "line" in info.error and "test.j2" in info.error
    with pytest.raises(TemplateError):
        render_template(info, {"title": "T", "signer_name": "M"})


def test_broken_header_is_reported():
    info = parse_template("user:x", "{#-\n[template\n-#}\nbody", "x.j2", False)
    assert "not valid TOML" in info.error
    assert "no header" in parse_template("user:y", "just text", "y.j2", False).error


def test_broken_user_template_does_not_break_the_others(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "good.j2").write_text(HEADER % ("blog", "") + "{{ title }} — {{ signer_name }}\n", encoding="utf-8")
    (folder / "broken.j2").write_text(HEADER % ("blog", "") + "{% for x in %}\n", encoding="utf-8")
    (folder / "binary.j2").write_bytes(b"\xff\xfe\x00")
    library = TemplateLibrary(user_folder=folder).load()
    assert "line" in library.get("user:broken").error
    assert library.get("user:binary").error
    good = render_template(library.get("user:good"), {"title": "T", "signer_name": "Marta Vidal"})
    assert good.text == "T — Marta Vidal\n"
    assert library.get("investigating-blog-en").usable  # the built-ins are untouched


def test_time_filters_speak_the_readers_terms():
    context = {"lang": "ca", "zone": "Europe/Madrid"}
    moment = datetime(2026, 11, 24, 14, 30, tzinfo=UTC)
    assert clock(context, moment) == "15:30 CET (14:30 UTC)"
    assert clock({"zone": "UTC"}, moment) == "14:30 UTC"
    assert long_date(context, moment) == "24 de novembre del 2026"
    assert long_date({"lang": "es", "zone": "UTC"}, moment) == "24 de noviembre de 2026"
    assert duration({"lang": "en"}, timedelta(minutes=75)) == "1 hour and 15 minutes"
    assert duration({"lang": "ca"}, timedelta(minutes=93)) == "1 hora i 33 minuts"
    assert duration({"lang": "es"}, moment, moment + timedelta(hours=2)) == "2 horas"


def test_summer_time_is_named():
    moment = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert clock({"zone": "Europe/Madrid"}, moment) == "14:00 CEST (12:00 UTC)"
    assert clock({"zone": "America/New_York"}, moment) == "08:00 EDT (12:00 UTC)"
    assert clock({"zone": "America/Argentina/Buenos_Aires"}, moment) == "09:00 UTC-3 (12:00 UTC)"
    assert clock({"zone": "Asia/Kathmandu"}, moment) == "17:45 UTC+5:45 (12:00 UTC)"


def test_a_clock_time_says_utcs_day_when_it_is_another():
    late = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert clock({"zone": "Europe/Madrid"}, late) == "00:30 CET (23:30 UTC, 23 Nov)"
    assert clock({"zone": "Europe/Madrid", "lang": "ca"}, late) == "00:30 CET (23:30 UTC, 23 de nov.)"
    new_york = {"zone": "America/New_York", "lang": "es"}
    assert clock(new_york, late + timedelta(hours=3)) == "21:30 EST (02:30 UTC, 24 nov)"
    assert clock({"zone": "Europe/Madrid"}, late - timedelta(hours=2)) == "22:30 CET (21:30 UTC)"  # the same day


def test_language_aware_articles():
    ca = {"lang": "ca", "zone": "Europe/Madrid"}
    one_am = datetime(2026, 12, 1, 0, 15, tzinfo=UTC)
    assert clock_with_article(ca, one_am) == "la 01:15 CET (00:15 UTC)"
    assert clock_with_article({"lang": "es", "zone": "UTC"}, datetime(2026, 1, 1, 15, tzinfo=UTC)) == "las 15:00 UTC"
    assert clock_with_article({"lang": "en", "zone": "UTC"}, one_am) == "00:15 UTC"
    assert date_with_article(ca, one_am, "de") == "de l'1 de desembre del 2026"
    assert date_with_article(ca, datetime(2026, 11, 24, 12, tzinfo=UTC), "a", year=False) == "al 24 de novembre"
    assert date_with_article({"lang": "es", "zone": "UTC"}, one_am, "de") == "del 1 de diciembre de 2026"


def test_clip_ends_sentences_and_fits():
    assert clip("we are on it") == "we are on it."
    assert clip("Done!") == "Done!"
    long = "Mail is late. Queues are long and we are moving them to the old relays now"
    assert clip(long, 30) == "Mail is late."
    # never cut mid-phrase: when no sentence or clause fits, the whole sentence, or nothing if it may go
    assert clip("one two three four five six seven eight", 20) == "one two three four five six seven eight."
    assert clip("x " * 200, 50, required=False) == ""


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("{{ 'A' * 10**9 }}", "a value over 1,000,000 characters"),
        ("{{ 2 ** 100000 }}", "a power that large"),
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "loops more than"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "calls itself without end"),
        ("{% for i in range(99999) %}{{ 'x' * 99 }}{% endfor %}", "its text is over 1,000,000 characters"),
    ],
)
def test_a_user_template_cannot_hang_or_eat_the_memory(source, said):
    from composer.core.templates.render import _render_string

    with pytest.raises(TemplateError, match=said) as caught:
        _render_string(source, "user:greedy", False, {})
    assert str(caught.value).startswith("template user:greedy") and "\n" not in str(caught.value)
    assert (
        _render_string("{{ [1] * 3 }} {{ 'ab' + 'cd' }} {{ 2 ** 10 }}", "user:fine", False, {}) == "[1, 1, 1] abcd 1024"
    )
