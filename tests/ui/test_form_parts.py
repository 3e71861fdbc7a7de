"""The pieces forms share (issue 13): the refusal line and the save/cancel row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from ui import theme
from ui.form_parts import error_label, field, save_cancel


def test_error_label_is_hidden_plain_and_named(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    label = error_label(dialog, "someError")
    boxed = error_label(dialog, boxed=True)
    assert label.objectName() == "someError" and label.isHidden()
    assert label.textFormat() == Qt.TextFormat.PlainText  # a typed "<b>" stays text
    assert label.wordWrap()
    assert theme.DEFICIT.name() in label.styleSheet()
    assert theme.ALERT_BG.name() not in label.styleSheet()
    assert theme.ALERT_BG.name() in boxed.styleSheet()


def test_a_wrapped_refusal_makes_its_window_taller_and_lays_nothing_over_another(
    qtbot: QtBot,
) -> None:
    """A window counts only minimum heights; the refusal line's is its text's at its width, so
    the window grows by the lines it wraps onto, now and when made narrower."""
    from tests.ui.test_fit import overlapping

    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = QPlainTextEdit(dialog)
    box.setFixedHeight(60)  # as the readiness form's note
    below = QLabel("Dasar penilaian", dialog)
    refusal = error_label(dialog)
    column = QVBoxLayout(dialog)
    for widget in (box, below, refusal):
        column.addWidget(widget)
    dialog.resize(300, 10)
    dialog.show()
    qtbot.waitExposed(dialog)
    refusal.setText("Catatan wajib diisi bila tidak siap penuh: tuliskan apa yang kurang. " * 2)
    refusal.show()
    QApplication.processEvents()
    lines = refusal.fontMetrics().lineSpacing()
    assert refusal.height() >= 3 * lines
    assert overlapping(dialog) == []
    taller = dialog.height()
    dialog.resize(200, dialog.height())  # narrower: more lines, a taller window
    QApplication.processEvents()
    assert dialog.height() > taller and overlapping(dialog) == []


def test_a_secret_field_shows_dots(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    assert field(dialog, "password", secret=True).echoMode() == QLineEdit.EchoMode.Password
    plain = field(dialog, "user")
    assert plain.objectName() == "user" and plain.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.findChild(QLineEdit, "password") is not None


def test_a_field_takes_its_hint_and_an_amount_stands_right(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    amount = field(dialog, "amount", hint="mis. 25.000.000", figures=True)
    plain = field(dialog, "note")
    assert amount.placeholderText() == "mis. 25.000.000"
    assert amount.alignment() & Qt.AlignmentFlag.AlignRight
    assert plain.placeholderText() == "" and not plain.alignment() & Qt.AlignmentFlag.AlignRight


def test_enter_in_a_field_presses_save_and_esc_cancels(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    buttons, save, cancel = save_cancel(dialog, "Simpan", "Batal")
    column = QVBoxLayout(dialog)
    column.addWidget(field)
    column.addWidget(buttons)
    saved: list[bool] = []
    buttons.accepted.connect(lambda: saved.append(True))
    buttons.rejected.connect(dialog.reject)
    assert save.isDefault() and not cancel.autoDefault()
    dialog.show()
    qtbot.waitExposed(dialog)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert saved == [True]
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
