# SPDX-License-Identifier: GPL-3.0-or-later
"""Contacts that do not point at what is down, in the real window: the organisation's
alternates, the incident's 'our own website is down', the template form and the Fix."""

from __future__ import annotations

from composer.core.checks import Verdict
from composer.core.model import Person
from composer.ui.profile_dialog import ProfileDialog
from composer.ui.template_dialog import TemplateDialog

ALTERNATE = "https://example-hosting.pages.dev/contact"
BACKUP = "example.hosting@gmail.com"


def _fill_organisation(dialog: ProfileDialog) -> None:
    dialog.org_name.setText("Example Hosting")
    dialog.contact_url.setText("https://www.example.net/contact")
    dialog.email.setText("support@example.net")
    dialog.phone.setText("+34 930 000 000")
    dialog.status_page.setText("https://examplehosting.statuspage.io")
    dialog.alternate_contact_url.setText(ALTERNATE)
    dialog.backup_email.setText(BACKUP)
    dialog.phone_hours.setText("24/7")
    dialog.timezone.setCurrentText("Europe/Madrid")


def test_the_organisation_dialog_keeps_the_alternates(store, qtbot):
    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    _fill_organisation(dialog)
    assert dialog.problem() == ""
    dialog.save()
    org = store.organisation()
    assert (org.alternate_contact_url, org.backup_email, org.phone_hours, org.timezone) == (
        ALTERNATE,
        BACKUP,
        "24/7",
        "Europe/Madrid",
    )
    again = ProfileDialog(store)
    qtbot.addWidget(again)
    assert again.alternate_contact_url.text() == ALTERNATE
    assert again.timezone.currentText() == "Europe/Madrid"
    assert again.timezone.findText("America/New_York") >= 0  # the zones offered are IANA names


def test_the_organisation_dialog_refuses_a_bad_zone_and_an_alternate_on_our_domain(store, qtbot):
    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    _fill_organisation(dialog)
    dialog.timezone.setCurrentText("Europe/Nowhere")
    assert "Europe/Nowhere" in dialog.problem()
    dialog.timezone.setCurrentText("")
    assert dialog.problem() == ""  # empty: this computer's zone
    dialog.alternate_contact_url.setText("https://backup.example.net/contact")
    assert "alternate contact page" in dialog.problem()
    dialog.alternate_contact_url.setText(ALTERNATE)
    dialog.backup_email.setText("other@example.net")
    assert "backup email" in dialog.problem()


def _window_whose_site_is_down(make_window, qtbot, prompter):
    window = make_window()
    window.store.save_person(Person("Marta Vidal", "Head of Support"))
    dialog = ProfileDialog(window.store, window)
    qtbot.addWidget(dialog)
    _fill_organisation(dialog)
    dialog.save()
    window.check_config = window._load_check_config()
    prompter.answers.append("Website and email down")
    window.menu_actions.new_incident.trigger()
    assert window.form.own_site_down.text().replace("&", "") == "Our own website is down"
    qtbot.mouseClick(window.form.own_site_down, _left())
    assert window.form.own_site_down.isChecked()
    window.save_all()
    return window


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_site_down_is_saved_with_the_incident(make_window, qtbot, prompter):
    window = _window_whose_site_is_down(make_window, qtbot, prompter)
    incident = window.store.incident(window.form.incident.id)
    assert incident.own_site_down is True and incident.own_email_down is False
    window.form.load(incident)
    assert window.form.own_site_down.isChecked() and not window.form.own_email_down.isChecked()


def test_the_template_form_gives_the_alternate_page(make_window, qtbot, prompter):
    window = _window_whose_site_is_down(make_window, qtbot, prompter)
    prefill = window.templates.prefill()
    assert prefill["contact_url"] == ALTERNATE
    assert prefill["org_email"] == "support@example.net"  # only the site is down
    assert prefill["phone_hours"] == "24/7"
    assert prefill["zone"] == "Europe/Madrid"
    dialog = TemplateDialog(window.templates.library, prefill, "en", "investigating", window)
    qtbot.addWidget(dialog)
    assert dialog.form.values()["contact_url"] == ALTERNATE
    dialog.form.editor("impact").setPlainText("you cannot reach our website or write to us")
    dialog.render_now()
    assert dialog.problem.text() == ""
    blog = dialog.renderings["blog"].text
    assert ALTERNATE in blog and "www.example.net/contact" not in blog


def test_the_fix_inserts_the_alternate_page_and_warns_on_the_dead_one(make_window, qtbot, prompter):
    window = _window_whose_site_is_down(make_window, qtbot, prompter)
    window.editor.body.setPlainText("We are sorry: our website is down.\n\nMarta Vidal, Head of Support")
    window.live_checks.run_now()
    window.checklist.rows["give-contact-info"].fix.click()
    text = window.editor.body.toPlainText()
    assert ALTERNATE in text and "www.example.net" not in text
    assert window.checklist.rows["give-contact-info"].finding.verdict is Verdict.PASS

    window.editor.body.setPlainText(
        "We are sorry. Write to us at https://www.example.net/contact.\n\nMarta Vidal, Head of Support"
    )
    window.live_checks.run_now()
    finding = window.checklist.rows["give-contact-info"].finding
    assert finding.verdict is Verdict.WARN
    assert finding.message.startswith("Your website is down: https://www.example.net/contact cannot be reached.")

    qtbot.mouseClick(window.form.own_site_down, _left())  # the site is back: the normal page is fine
    window.live_checks.run_now()
    assert window.checklist.rows["give-contact-info"].finding.verdict is Verdict.PASS
