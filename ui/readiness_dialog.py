"""Judging one cell of the readiness matrix: siap, siap dengan catatan or belum siap, a note
and the evidence; or "Hapus penilaian", so that the data speaks again.

Keyboard first: 1-3 pick the level, Tab moves to the note, Ctrl+Enter saves, Esc cancels
(asking first when something was typed). The dialog stays open while its write is on the
write thread (the panel runs it: ``ui.readiness_panel``); a refusal is shown inside it in
one sentence and what was typed stays.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from opscenter.model import READINESS_LEVELS
from opscenter.readiness.judgements import JudgementValue
from opscenter.readiness.matrix import Cell
from ui import theme
from ui.actions import SAVE_KEYS
from ui.form_parts import error_label, field
from ui.readiness_model import full_level
from ui.translations import translator
from ui.unsaved import may_close

_tr = translator("ReadinessDialog")


class ReadinessDialog(QDialog):
    """``save_requested(JudgementValue)`` or ``clear_requested()``; the panel saves and
    then calls ``saved()`` (closes) or ``refused(sentence)`` (stays, says why)."""

    save_requested = Signal(object)
    clear_requested = Signal()

    def __init__(
        self, unit_name: str, aspect_name: str, cell: Cell, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readinessDialog")
        self.setWindowTitle(_tr("Nilai kesiapan"))
        self.cell = cell
        j = cell.judgement
        heading = QLabel(f"{unit_name} \u2014 {aspect_name}", self)
        heading.setFont(theme.scaled_font(self, 1.2, bold=True))
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        data = QLabel(
            _tr("Data menunjukkan: {level}").format(level=full_level(cell.derived))
            if cell.derived is not None
            else _tr("Data belum cukup untuk menilai aspek ini."),
            self,
        )
        data.setObjectName("readinessDerived")
        data.setStyleSheet(f"color: {theme.MUTED.name()};")

        self.levels = QButtonGroup(self)
        level_row = QHBoxLayout()
        self.level_buttons: dict[str, QRadioButton] = {}
        for n, level in enumerate(READINESS_LEVELS, 1):
            button = QRadioButton(f"&{n}  {full_level(level)}", self)
            button.setObjectName(f"level_{level}")
            self.levels.addButton(button, n)
            self.level_buttons[level] = button
            level_row.addWidget(button)
        level_row.addStretch(1)
        chosen = (j.level if j is not None else None) or cell.derived or "siap"
        self.level_buttons[chosen].setChecked(True)
        # What the form showed when opened: anything else is unsaved input.
        self._start = (chosen, (j.note or "") if j else "", (j.evidence or "") if j else "")

        note_label = QLabel(_tr("&Catatan (wajib bila tidak siap)"), self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("readinessNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(_tr("mis. 2 truk rusak berat, menunggu suku cadang"))
        self.note.setPlainText(self._start[1])
        self.note.setFixedHeight(self.fontMetrics().height() * 4)
        note_label.setBuddy(self.note)
        evidence_label = QLabel(_tr("&Dasar penilaian (boleh dikosongkan)"), self)
        self.evidence = field(
            self, "readinessEvidenceText", hint=_tr("mis. kunjungan Kapolda 12-11-2024")
        )
        self.evidence.setText(self._start[2])
        evidence_label.setBuddy(self.evidence)

        self.problem = error_label(self, "readinessProblem")
        hint = QLabel(_tr("1–3 memilih tingkat · Ctrl+Enter menyimpan · Esc batal"), self)
        hint.setStyleSheet(f"color: {theme.MUTED.name()};")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_tr("&Simpan"))
        self.save_button.setObjectName("readinessSave")
        # A: C and D are the fields' (Catatan, Dasar), H the clear button's.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("B&atal"))
        self.clear_button: QPushButton | None = None
        if j is not None:
            self.clear_button = self.buttons.addButton(
                _tr("&Hapus penilaian"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.clear_button.setObjectName("readinessClear")
            self.clear_button.setToolTip(_tr("Hapus penilaian ini: tingkat sel mengikuti data"))
            self.clear_button.clicked.connect(self._clear)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self._save)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(data)
        layout.addLayout(level_row)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(evidence_label)
        layout.addWidget(self.evidence)
        layout.addWidget(self.problem)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 34)
        for button in self.level_buttons.values():
            button.installEventFilter(self)
        self.level_buttons[chosen].setFocus()
        self._saved = False

    # -- what was chosen ---------------------------------------------------------------------

    def level(self) -> str:
        return READINESS_LEVELS[self.levels.checkedId() - 1]

    def value(self) -> JudgementValue:
        return JudgementValue(
            self.cell.unit_id,
            self.cell.aspect_id,
            self.level(),
            self.note.toPlainText().strip() or None,
            self.evidence.text().strip() or None,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Digits on the level buttons pick a level (Alt is not needed).
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if text in ("1", "2", "3"):
                self.levels.button(int(text)).setChecked(True)
                self.note.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _save(self) -> None:
        if self.save_button.isEnabled():
            self.problem.hide()
            self.save_requested.emit(self.value())

    def _clear(self) -> None:
        self.problem.hide()
        self.clear_requested.emit()

    # -- how the write ended (the panel calls these) -----------------------------------------

    def saved(self) -> None:
        self._saved = True
        self.accept()

    def refused(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()

    # -- nothing typed is lost (``ui.unsaved.Editor``) ---------------------------------------

    def is_dirty(self) -> bool:
        if self._saved:
            return False
        now = (self.level(), self.note.toPlainText().strip(), self.evidence.text().strip())
        return now != (self._start[0], self._start[1].strip(), self._start[2].strip())

    def save_input(self) -> bool:
        self._save()
        return False  # closes itself once saved

    def discard_input(self) -> None:
        """What was typed closes with the dialog; nothing else holds it."""

    def reject(self) -> None:
        if may_close(self, what=_tr("Penilaian kesiapan ini belum disimpan.")):
            super().reject()
