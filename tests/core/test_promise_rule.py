# SPDX-License-Identifier: GPL-3.0-or-later
"""be-timely judges the promise readers will see: the text, plus the next-update field's time
that publishing adds when the text states none. Every case in English, Catalan and Spanish, with
"now" passed in."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from composer.core.checks import Verdict, check_document
from composer.core.interchange import UpdateDocument
from composer.core.model import Status
from composer.core.promise_text import promise_sentence, with_promise

MADRID = ZoneInfo("Europe/Madrid")
LANGUAGES = ("en", "ca", "es")
APOLOGY = {
    "en": "We are sorry: you cannot send email.",
    "ca": "Ens sap greu: no podeu enviar correu.",
    "es": "Lo sentimos: no podéis enviar correo.",
}
AT = {  # a next-update sentence at a clock time
    "en": "Next update by {}.",
    "ca": "Propera actualització a les {}.",
    "es": "Próxima actualización a las {}.",
}
WITHIN_30 = {
    "en": "Next update within 30 minutes.",
    "ca": "Us tornarem a informar d'aquí a 30 minuts.",
    "es": "Próxima actualización en 30 minutos.",
}
SIGNATURE = "\n\nMarta Vidal, Head of Support"
OK = "Says when the next update comes, on time."


def at(hour: int, minute: int = 0, day: int = 24) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=MADRID)


def body(language: str, promise: str = "") -> str:
    return " ".join(filter(None, (APOLOGY[language], promise))) + SIGNATURE


def be_timely(text: str, language: str, now: datetime, **fields):
    fields.setdefault("started", now - timedelta(minutes=10))
    doc = UpdateDocument(body=text, language=language, **fields)
    return next(f for f in check_document(doc, now) if f.rule == "be-timely")


# -- the field's time, not in the text: it will be added -------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_field_the_text_does_not_state_will_be_added(language):
    now, field = at(10), at(10, 30)
    text = body(language)
    found = be_timely(text, language, now, next_update=field)
    assert found.verdict is Verdict.PASS
    assert found.message == "The next update time (10:30 CET) is not in the text: it will be added when published."
    # The Fix puts in now what publishing would add: the same sentence in the same place.
    sentence = promise_sentence(field, language, MADRID)
    assert found.fix is not None and sentence in found.fix.label
    fixed = found.fix.apply(text)
    assert fixed == with_promise(text, field, language, MADRID, today=now.date())
    assert fixed.index(sentence) < fixed.index("Marta Vidal")
    again = be_timely(fixed, language, now, next_update=field)
    assert (again.verdict, again.message, again.fix) == (Verdict.PASS, OK, None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_field_for_tomorrow_is_added_with_its_date(language):
    now, field = at(22), at(9, 0, day=25)
    found = be_timely(body(language), language, now, next_update=field)
    assert found.verdict is Verdict.PASS
    assert "(09:00 CET on 25 Nov 2026)" in found.message
    assert found.fix is not None
    assert promise_sentence(field, language, MADRID, date(2026, 11, 24)) in found.fix.text
    assert {"en": "November 25", "ca": "25 de novembre", "es": "25 de noviembre"}[language] in found.fix.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_readers_zone_of_a_template_names_the_time(language):
    now = at(10).astimezone(ZoneInfo("UTC"))
    template = {"template": {"stage": "investigating", "values": {"zone": "Europe/Madrid"}}}
    found = be_timely(body(language), language, now, next_update=at(12), extra=template)
    assert "(12:00 CET)" in found.message
    assert found.fix is not None and promise_sentence(at(12), language, MADRID) in found.fix.text


# -- nothing to add: no field and no time in the text ----------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_field_and_no_time_in_the_text_fails(language):
    found = be_timely(body(language), language, at(10))
    assert found.verdict is Verdict.FAIL
    assert found.message.startswith("Say when the next update comes")
    # The Fix offers the sentence in the update's own language, a cadence from now.
    assert found.fix is not None
    assert found.fix.text.startswith(promise_sentence(at(10, 30), language, MADRID))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_time_without_zone_and_no_field_fails(language):
    found = be_timely(body(language, AT[language].format("10:30")), language, at(10))
    assert found.verdict is Verdict.FAIL
    assert "no time zone" in found.message


# -- the text and the field disagree -----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_body_time_that_disagrees_with_the_field_fails(language):
    text = body(language, AT[language].format("09:45 CET"))
    found = be_timely(text, language, at(9), next_update=at(12))
    assert found.verdict is Verdict.FAIL
    assert found.message == (
        "The text promises the next update by 09:45 CET, but the “Next update by” field says 12:00 CET: "
        "make them agree."
    )
    assert found.fix is not None
    fixed = found.fix.apply(text)
    assert AT[language].format("12:00 CET") in fixed
    assert be_timely(fixed, language, at(9), next_update=at(12)).verdict is Verdict.PASS


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_body_time_that_agrees_with_the_field_passes(language):
    text = body(language, AT[language].format("12:00 CET"))
    found = be_timely(text, language, at(11, 40), next_update=at(12).replace(second=30))
    assert (found.verdict, found.message) == (Verdict.PASS, OK)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_relative_time_shorter_than_the_field_fails(language):
    text = body(language, WITHIN_30[language])
    found = be_timely(text, language, at(10), next_update=at(12))
    assert found.verdict is Verdict.FAIL
    assert "(by 10:30 CET)" in found.message and "field says 12:00 CET" in found.message


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_relative_time_the_field_keeps_passes(language):
    text = body(language, WITHIN_30[language])
    # The field set when the draft was started, checked a few minutes later: still within.
    assert be_timely(text, language, at(10, 5), next_update=at(10, 30)).verdict is Verdict.PASS
    assert be_timely(text, language, at(10), next_update=at(10, 33)).verdict is Verdict.PASS


# -- a promise already broken ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_body_time_already_past_fails(language):
    # The user's report: "Next update by 02:15 CET" checked at 02:36 CET.
    text = body(language, AT[language].format("02:15 CET"))
    found = be_timely(text, language, at(2, 36))
    assert found.verdict is Verdict.FAIL
    assert found.message == (
        "The promised update time 02:15 CET has passed (now 02:36 CET): publish an update or a new time."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_field_already_past_fails(language):
    found = be_timely(body(language), language, at(2, 36), next_update=at(2, 15))
    assert found.verdict is Verdict.FAIL
    assert found.message == (
        "The promised update time 02:15 CET has passed (now 02:36 CET): publish an update or a new time."
    )
    assert found.fix is None  # only the writer can choose a new time


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_past_time_in_text_and_field_is_said_once(language):
    text = body(language, AT[language].format("02:15 CET"))
    found = be_timely(text, language, at(2, 36), next_update=at(2, 15))
    assert found.verdict is Verdict.FAIL
    assert found.message.count("has passed") == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_promise_due_this_minute_has_not_passed(language):
    text = body(language, AT[language].format("02:15 CET"))
    assert be_timely(text, language, at(2, 15).replace(second=40)).verdict is Verdict.PASS


@pytest.mark.parametrize("language", LANGUAGES)
def test_tomorrow_mornings_time_said_tonight_is_not_past(language):
    tomorrow = {"en": "tomorrow", "ca": "demà", "es": "mañana"}[language]
    text = body(language, AT[language].format(f"09:00 CET {tomorrow}"))
    assert be_timely(text, language, at(14)).verdict is Verdict.PASS
    assert be_timely(body(language, AT[language].format("08:00 CET")), language, at(22)).verdict is Verdict.PASS


# -- as before ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_closed_updates_owe_no_promise(language):
    resolved = be_timely(body(language), language, at(2, 36), next_update=at(2, 15), status=Status.RESOLVED)
    assert resolved.verdict is Verdict.PASS
    assert with_promise(body(language), at(2, 15), language, MADRID, status=Status.RESOLVED) == body(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lateness_still_counts_beside_the_promise(language):
    found = be_timely(body(language), language, at(10), next_update=at(10, 30), started=at(9, 15))
    assert found.verdict is Verdict.FAIL
    assert found.message.startswith("The first update goes out 45 minutes after the start")
    assert found.message.endswith("it will be added when published.")
    late = be_timely(body(language, WITHIN_30[language]), language, at(10), last_update=at(9, 20), started=at(9))
    assert (late.verdict, late.message) == (
        Verdict.FAIL,
        "40 minutes since the last update, longer than the 30-minute cadence.",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_maintenance_notice_places_its_times_on_the_day_of_the_work(language):
    # Sent at 04:00 two days ahead: "23:00 CET" is the evening the work starts, not last night.
    text = body(language, AT[language].format("23:00 CET"))
    found = be_timely(text, language, at(4, day=26), started=at(23, day=28), status=Status.SCHEDULED)
    assert (found.verdict, found.message) == (Verdict.PASS, OK)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_field_days_ahead_places_the_body_time_on_its_day(language):
    text = body(language, AT[language].format("18:00 CET"))
    found = be_timely(text, language, at(10), next_update=at(18, day=30), status=Status.SCHEDULED)
    assert (found.verdict, found.message) == (Verdict.PASS, OK)
    other = be_timely(text, language, at(10), next_update=at(19, day=30), status=Status.SCHEDULED)
    assert other.verdict is Verdict.FAIL and "field says 19:00 CET on 30 Nov 2026" in other.message
