# SPDX-License-Identifier: GPL-3.0-or-later
"""The template editor: user templates beside the built-ins, errors at their line."""

from __future__ import annotations

from composer.core.templates import TemplateLibrary
from composer.ui.template_editor import NEW_TEMPLATE, TemplateEditor


def editor(qtbot, home, prompter):
    library = TemplateLibrary(user_folder=home / "templates").load()
    dialog = TemplateEditor(library, prompter)
    qtbot.addWidget(dialog)
    return dialog


def test_new_template_is_saved_in_the_user_folder_and_renders(qtbot, home, prompter):
    dialog = editor(qtbot, home, prompter)
    dialog.new_button.click()
    assert (home / "templates" / "my-template.j2").read_text(encoding="utf-8") == NEW_TEMPLATE
    assert dialog.current().id == "user:my-template"
    assert dialog.status.text() == "No problems found."
    assert "We are sorry" in dialog.preview.toPlainText()


def test_syntax_errors_show_at_their_line(qtbot, home, prompter):
    dialog = editor(qtbot, home, prompter)
    dialog.new_button.click()
    lines = NEW_TEMPLATE.splitlines()
    lines[11] = "Next update by {{ next_update|clock }"  # line 12 of the file
    dialog.source.setPlainText("\n".join(lines))
    problem = dialog.validate()
    assert "line 12" in problem
    marked = dialog.source.extraSelections()
    assert marked and marked[0].cursor.blockNumber() == 11
    dialog.save_button.click()  # saving a broken template is allowed; it shows as broken
    assert dialog.library.get("user:my-template").error


def test_builtins_are_read_only_and_duplicate_into_the_user_folder(qtbot, home, prompter):
    dialog = editor(qtbot, home, prompter)
    dialog.list.setCurrentRow(dialog._ids.index("investigating-blog-en"))
    assert dialog.source.isReadOnly() and not dialog.save_button.isEnabled()
    dialog.duplicate_button.click()
    assert dialog.current().id == "user:investigating-blog-en-copy"
    assert not dialog.source.isReadOnly()


def test_import_and_export(qtbot, home, prompter, tmp_path):
    source = tmp_path / "shared.j2"
    source.write_text(NEW_TEMPLATE, encoding="utf-8")
    dialog = editor(qtbot, home, prompter)
    prompter.answers.append(source)
    dialog.import_button.click()
    assert dialog.current().id == "user:shared"
    out = tmp_path / "out.j2"
    prompter.answers.append(out)
    dialog.export_button.click()
    assert out.read_text(encoding="utf-8") == NEW_TEMPLATE
    prompter.answers.append(True)
    dialog.delete_button.click()
    assert not (home / "templates" / "shared.j2").exists()
