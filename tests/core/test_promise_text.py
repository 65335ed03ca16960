# SPDX-License-Identifier: GPL-3.0-or-later
"""The next-update sentence, the times a body states, and the body with the promise added."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from composer.core.model import Status
from composer.core.promise_text import (
    duration_of,
    promise_sentence,
    stated_promise,
    with_promise,
    written_zone,
    zone_label,
)

MADRID = ZoneInfo("Europe/Madrid")
KOLKATA = ZoneInfo("Asia/Kolkata")


def mad(hour: int, minute: int = 0, day: int = 24, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=MADRID)


WINTER = mad(14, 30)
SUMMER = mad(14, 30, 14, 7)
SIGNED = "\n\nRegards,\nMarta Vidal\nHead of Support, Example Hosting\n"


# -- promise_sentence ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Next update by 14:30 CET."),
        ("ca", "Propera actualització abans de les 14:30 CET."),
        ("es", "Próxima actualización antes de las 14:30 CET."),
    ],
)
def test_sentence_in_each_language_madrid_winter(language, expected):
    assert promise_sentence(WINTER, language, MADRID) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Next update by 14:30 CEST."),
        ("ca", "Propera actualització abans de les 14:30 CEST."),
        ("es", "Próxima actualización antes de las 14:30 CEST."),
    ],
)
def test_sentence_madrid_summer(language, expected):
    assert promise_sentence(SUMMER, language, MADRID) == expected


def test_sentence_in_the_readers_zone_not_the_moments():
    in_utc = WINTER.astimezone(UTC)
    assert promise_sentence(in_utc, "en", MADRID) == "Next update by 14:30 CET."
    assert promise_sentence(in_utc, "en", UTC) == "Next update by 13:30 UTC."
    assert promise_sentence(in_utc, "en", ZoneInfo("UTC")) == "Next update by 13:30 UTC."
    # Zones without a name readers know are written as their offset.
    assert promise_sentence(in_utc, "en", KOLKATA) == "Next update by 19:00 UTC+05:30."
    assert promise_sentence(in_utc, "es", ZoneInfo("America/Sao_Paulo")) == (
        "Próxima actualización antes de las 10:30 UTC-03:00."
    )


def test_without_a_zone_the_moments_own_offset():
    assert promise_sentence(WINTER, "en") == "Next update by 14:30 CET."
    fixed = datetime(2026, 11, 24, 14, 30, tzinfo=timezone(timedelta(hours=1)))
    assert promise_sentence(fixed, "en") == "Next update by 14:30 UTC+01:00."
    assert promise_sentence(datetime(2026, 11, 24, 14, 30, tzinfo=UTC), "ca") == (
        "Propera actualització abans de les 14:30 UTC."
    )


def test_one_oclock_takes_the_singular_article():
    one = mad(1, 15)
    assert promise_sentence(one, "ca", MADRID) == "Propera actualització abans de la 01:15 CET."
    assert promise_sentence(one, "es", MADRID) == "Próxima actualización antes de la 01:15 CET."


def test_same_day_has_no_date_and_tomorrow_gets_its_date():
    today = date(2026, 11, 24)
    assert promise_sentence(WINTER, "en", MADRID, today) == "Next update by 14:30 CET."
    tomorrow = mad(9, 0, 25)
    assert promise_sentence(tomorrow, "en", MADRID, today) == "Next update by 09:00 CET on November 25."
    assert promise_sentence(tomorrow, "ca", MADRID, today) == (
        "Propera actualització abans de les 09:00 CET del 25 de novembre."
    )
    assert promise_sentence(tomorrow, "es", MADRID, today) == (
        "Próxima actualización antes de las 09:00 CET del 25 de noviembre."
    )


def test_the_day_is_the_readers_day():
    # 23:30 UTC on the 24th is 05:00 on the 25th in Kolkata: tomorrow there.
    late = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    assert promise_sentence(late, "en", UTC, date(2026, 11, 24)) == "Next update by 23:30 UTC."
    assert promise_sentence(late, "en", KOLKATA, date(2026, 11, 24)) == (
        "Next update by 05:00 UTC+05:30 on November 25."
    )


def test_catalan_dates_elide_and_other_years_are_written():
    today = date(2026, 12, 31)
    first = datetime(2027, 1, 1, 9, 0, tzinfo=MADRID)
    eleventh = datetime(2027, 1, 11, 9, 0, tzinfo=MADRID)
    assert promise_sentence(first, "ca", MADRID, today) == (
        "Propera actualització abans de les 09:00 CET de l'1 de gener de 2027."
    )
    assert promise_sentence(eleventh, "ca", MADRID, today).endswith("de l'11 de gener de 2027.")
    assert promise_sentence(first, "en", MADRID, today) == "Next update by 09:00 CET on January 1, 2027."
    assert promise_sentence(first, "es", MADRID, today) == (
        "Próxima actualización antes de las 09:00 CET del 1 de enero de 2027."
    )


def test_unknown_language_falls_back_to_english():
    assert promise_sentence(WINTER, "fr", MADRID) == "Next update by 14:30 CET."


def test_zone_labels():
    assert zone_label(WINTER) == "CET"
    assert zone_label(SUMMER) == "CEST"
    assert zone_label(WINTER.astimezone(ZoneInfo("Europe/London"))) == "GMT"
    assert zone_label(SUMMER.astimezone(ZoneInfo("Europe/London"))) == "UTC+01:00"  # not "BST"
    assert zone_label(WINTER.astimezone(ZoneInfo("America/New_York"))) == "UTC-05:00"


# -- stated_promise --------------------------------------------------------------------------

NOW = mad(10, 0)


@pytest.mark.parametrize(
    ("body", "language", "label", "when"),
    [
        ("Sorry. Next update by 10:30 CET.", "en", "10:30 CET", mad(10, 30)),
        ("Ho sentim. Propera actualització a les 10:30 CET.", "ca", "10:30 CET", NOW + timedelta(minutes=30)),
        ("Lo sentimos. Próxima actualización a las 10:30 CET.", "es", "10:30 CET", NOW + timedelta(minutes=30)),
        ("Sorry. Next update at 2 pm PST.", "en", "14:00 PST", datetime(2026, 11, 24, 22, 0, tzinfo=UTC)),
        ("By 11:30 UTC we will post another update.", "en", "11:30 UTC", NOW + timedelta(hours=2, minutes=30)),
        ("Próxima actualización a las 10:30 hora peninsular.", "es", "10:30 hora peninsular", mad(10, 30)),
        ("Sorry. We will update you no later than 14:00 (UTC+1).", "en", "14:00 UTC+1", NOW + timedelta(hours=4)),
    ],
)  # fmt: skip
def test_clock_times_stated(body, language, label, when):
    [stated] = stated_promise(body, language, now=NOW)
    assert (stated.label, stated.when, stated.relative, stated.zoned) == (label, when, False, True)
    assert body[stated.sentence[0] : stated.sentence[1]].endswith(".")


@pytest.mark.parametrize(
    ("body", "language", "minutes"),
    [
        ("Sorry. Next update within 30 minutes.", "en", 30),
        ("Sorry. Next update within the hour.", "en", 60),
        ("Sorry. We will update this page again in half an hour.", "en", 30),
        ("Ho sentim. Us tornarem a informar d'aquí a mitja hora com a màxim.", "ca", 30),
        ("Ho sentim. Propera actualització d'aquí a 30 minuts.", "ca", 30),
        ("Lo sentimos. Volveremos a informar en una hora como máximo.", "es", 60),
        ("Lo sentimos. Próxima actualización en 30 minutos.", "es", 30),
    ],
)
def test_relative_times_stated(body, language, minutes):
    [stated] = stated_promise(body, language, now=NOW)
    assert stated.relative and stated.within == timedelta(minutes=minutes)
    assert stated.when == NOW + timedelta(minutes=minutes)


def test_the_next_update_time_not_an_earlier_one_in_the_sentence():
    body = "We posted an update at 09:30 CET; the next update will be at 10:30 CET."
    assert [s.label for s in stated_promise(body, "en", now=NOW)] == ["10:30 CET"]


def test_a_time_without_zone_is_stated_but_not_zoned():
    [stated] = stated_promise("Sorry. Next update at 10:30.", "en", now=NOW)
    assert not stated.zoned and stated.when is None
    [placed] = stated_promise("Sorry. Next update at 10:30.", "en", now=NOW, zone=MADRID)
    assert placed.when == NOW + timedelta(minutes=30)


def test_sentences_that_promise_nothing():
    assert stated_promise("Since 09:12 CET mail is down. We are sorry.", "en", now=NOW) == []
    assert stated_promise("Les avisaremos cuando esté resuelto.", "es", now=NOW) == []


@pytest.mark.parametrize(
    ("body", "language", "now", "when"),
    [
        # A copied promise a little in the past stays in the past...
        ("Next update by 02:15 CET.", "en", mad(2, 36), mad(2, 15)),
        # ...an early-morning time said late in the evening is tomorrow's...
        ("Next update by 08:00 CET.", "en", mad(22, 0), mad(8, 0, 25)),
        # ...and a day the sentence names wins.
        ("Next update tomorrow at 18:00 CET.", "en", NOW, mad(18, 0, 25)),
        ("Propera actualització demà a les 09:00 CET.", "ca", mad(14, 0), mad(9, 0, 25)),
        ("Próxima actualización mañana a las 09:00 CET.", "es", mad(14, 0), mad(9, 0, 25)),
        ("We will post the next update on November 28 at 18:00 CET.", "en", NOW, mad(18, 0, 28)),
        ("Publicarem una nova actualització dissabte a les 18:00 CET.", "ca", NOW, mad(18, 0, 28)),
        ("Publicaremos una nueva actualización el 2 de diciembre a las 18:00 CET.", "es", NOW, mad(18, 0, 2, 12)),
    ],
)  # fmt: skip
def test_the_day_of_a_clock_time(body, language, now, when):
    [stated] = stated_promise(body, language, now=now)
    assert stated.when == when


def test_a_date_that_cannot_be_placed_is_not_guessed():
    [stated] = stated_promise("Next update on 11/12 at 18:00 CET.", "en", now=NOW)
    assert stated.zoned and stated.when is None


def test_the_field_decides_the_day_of_a_clock_time():
    field = mad(9, 0, 25)
    [stated] = stated_promise("Next update by 09:00 CET.", "en", now=NOW, near=field)
    assert stated.when == field


def test_written_zones():
    assert written_zone("CET").utcoffset(SUMMER.replace(tzinfo=None)) == timedelta(hours=2)  # as writers mean it
    assert written_zone("UTC+05:30").utcoffset(None) == timedelta(hours=5, minutes=30)
    assert written_zone("+01:00").utcoffset(None) == timedelta(hours=1)
    assert written_zone("GMT").utcoffset(None) == timedelta(0)
    assert written_zone("hora canària") == ZoneInfo("Atlantic/Canary")
    assert written_zone("IST") is None  # India, Ireland or Israel


def test_durations():
    assert duration_of("within 45 mins") == timedelta(minutes=45)
    assert duration_of("in 2 hours") == timedelta(hours=2)
    assert duration_of("dentro de media hora") == timedelta(minutes=30)
    assert duration_of("no later than") is None


# -- with_promise ----------------------------------------------------------------------------


def test_added_above_the_signature():
    body = "We are sorry: you cannot send email." + SIGNED
    result = with_promise(body, WINTER, "en", MADRID)
    assert result == (
        "We are sorry: you cannot send email.\n\nNext update by 14:30 CET.\n\n"
        "Regards,\nMarta Vidal\nHead of Support, Example Hosting\n"
    )


@pytest.mark.parametrize(
    ("language", "body", "sentence"),
    [
        ("ca", "Ens sap greu: no podeu enviar correu.", "Propera actualització abans de les 14:30 CET."),
        ("es", "Lo sentimos: no podéis enviar correo.", "Próxima actualización antes de las 14:30 CET."),
    ],
)
def test_added_in_the_bodys_language(language, body, sentence):
    result = with_promise(body + "\n\nMarta Vidal", WINTER, language, MADRID)
    assert result == f"{body}\n\n{sentence}\n\nMarta Vidal"


def test_added_at_the_end_when_unsigned():
    assert with_promise("We are sorry, mail is down.\n", WINTER, "en", MADRID) == (
        "We are sorry, mail is down.\n\nNext update by 14:30 CET.\n"
    )
    assert with_promise("", WINTER, "en", MADRID) == "Next update by 14:30 CET."


def test_added_with_the_date_when_tomorrow():
    tomorrow = mad(9, 0, 25)
    result = with_promise("Sorry, mail is down.", tomorrow, "en", MADRID, today=date(2026, 11, 24))
    assert result.endswith("Next update by 09:00 CET on November 25.")


def test_added_in_kolkata_time_from_a_utc_field():
    result = with_promise("Sorry, mail is down.", datetime(2026, 11, 24, 9, 0, tzinfo=UTC), "en", KOLKATA)
    assert result.endswith("Next update by 14:30 UTC+05:30.")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Sorry. Next update by 09:45 CET." + SIGNED, "en"),
        ("Sorry. We will update this page again within 30 minutes." + SIGNED, "en"),
        ("Sorry. Next update at 10:30." + SIGNED, "en"),  # stated, if badly: the checks say so
        ("Ho sentim. Us tornarem a informar a les 10:30 CET.", "ca"),
        ("Lo sentimos. Próxima actualización en 30 minutos.", "es"),
    ],
)
def test_unchanged_when_the_body_states_a_promise(body, language):
    assert with_promise(body, WINTER, language, MADRID) == body


def test_unchanged_without_a_next_update_or_when_closed():
    body = "We are sorry, mail is down." + SIGNED
    assert with_promise(body, None, "en", MADRID) == body
    assert with_promise(body, WINTER, "en", MADRID, status=Status.RESOLVED) == body
    assert with_promise(body, WINTER, "en", MADRID, status=Status.COMPLETED) == body
    assert with_promise(body, WINTER, "en", MADRID, status=Status.MONITORING) != body


def test_the_added_sentence_is_then_stated():
    result = with_promise("Sorry, mail is down." + SIGNED, WINTER, "es", MADRID)
    [stated] = stated_promise(result, "es", now=NOW)
    assert stated.when == WINTER and stated.label == "14:30 CET"


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Next update by 00:30 CET (23:30 UTC, 23 Nov).", "en"),
        ("Propera actualització a les 00:30 CET (23:30 UTC, 23 de nov.).", "ca"),
        ("Próxima actualización a las 00:30 CET (23:30 UTC, 23 nov).", "es"),
    ],
)
def test_the_date_in_a_utc_aside_is_utcs_day_not_the_promises(body, language):
    """The templates write UTC's day beside a time past midnight (filters.clock): the promise is
    00:30 CET on the 24th, the same moment as 23:30 UTC on the 23rd."""
    now = datetime(2026, 11, 23, 22, 0, tzinfo=UTC)
    [stated] = stated_promise(body, language, now=now, near=datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    assert stated.when == datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
