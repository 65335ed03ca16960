# SPDX-License-Identifier: GPL-3.0-or-later
"""Starting an update from a template in the real window."""

from __future__ import annotations

from composer.core.checks import Verdict
from composer.core.model import Organisation, Person, Status
from composer.ui.template_dialog import TemplateDialog


def _window_with_incident(make_window, prompter):
    window = make_window()
    window.store.save_person(Person("Marta Vidal", "Head of Support"))
    window.store.save_organisation(
        Organisation(
            name="Example Hosting",
            phone="+34 930 000 000",
            email="support@example.net",
            status_page_url="https://status.example.net",
        )
    )
    fresh = window._load_check_config()  # the roster and organisation just saved, into the config the window shares
    window.check_config.people, window.check_config.organisation = fresh.people, fresh.organisation
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    window.form.impact.setText("you cannot send email")
    window.save_all()
    return window


def test_dialog_builds_the_form_from_the_templates_and_prefills_it(make_window, qtbot, prompter):
    window = _window_with_incident(make_window, prompter)
    dialog = TemplateDialog(window.templates.library, window.templates.prefill(), "en", "investigating", window)
    qtbot.addWidget(dialog)
    values = dialog.form.values()
    assert values["title"] == "Email delivery delayed"
    assert values["impact"] == "you cannot send email"
    assert values["signer_name"] == "Marta Vidal" and values["signer_role"] == "Head of Support"
    assert values["org_phone"] == "+34 930 000 000"
    assert values["started"] is not None and values["next_update"] is not None
    assert dialog.previews.count() == 4  # blog, email, short and medium social
    assert dialog.use.isEnabled()
    short = dialog.renderings["social-short"]
    assert short.fits and "/280" in dialog.previews.tabText(list(dialog._views).index("social-short"))


def test_previews_follow_the_form(make_window, qtbot, prompter):
    window = _window_with_incident(make_window, prompter)
    dialog = TemplateDialog(window.templates.library, window.templates.prefill(), "en", "investigating", window)
    qtbot.addWidget(dialog)
    dialog.form.editor("impact").setPlainText("checkout fails for card payments")
    qtbot.waitUntil(lambda: "checkout fails" in dialog.renderings["blog"].text.lower(), timeout=10_000)
    dialog.form.editor("signer_name").setText("")
    dialog.render_now()
    assert not dialog.use.isEnabled()
    assert "signer_name" in dialog.problem.text()


def test_using_a_template_gives_an_update_that_passes_the_lessons(make_window, qtbot, prompter, monkeypatch):
    window = _window_with_incident(make_window, prompter)
    dialog = TemplateDialog(window.templates.library, window.templates.prefill(), "en", "investigating", window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(TemplateDialog, "ask", classmethod(lambda cls, *args, **kwargs: dialog.choice()))
    window.menu_actions.template.trigger()
    update = window.editor.current_update
    assert "We are sorry" in window.editor.body.toPlainText()
    assert update.status is Status.INVESTIGATING and update.signer == "Marta Vidal, Head of Support"
    findings = {f.rule: f.verdict for f in window.live_checks.run_now()}
    for rule in ("be-timely", "dont-hide", "sign-your-name", "give-contact-info"):
        assert findings[rule] is Verdict.PASS, rule
    tabs = [window.previews.tabText(i) for i in range(window.previews.count())]
    assert any(t.startswith("Short social post") for t in tabs)
    assert any(t.startswith("Medium social post") for t in tabs)
