"""What a window's last action said (a refusal or a note), above its work, until closed or
replaced: one for the planning and the plotting windows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ui import theme
from ui.translations import translator

_tr = translator("PlanningWindow")  # the planning window's strings


class Banner(QFrame):
    """``label`` holds the sentence (plain text, selectable); "Tutup" hides it."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Box")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName(name)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # names typed by people
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        close = QToolButton(self)
        close.setText(_tr("Tutup"))
        close.setToolTip(_tr("Tutup pesan ini"))
        close.clicked.connect(self.hide_text)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def hide_text(self) -> None:
        self.label.hide()
        self.hide()

    def problem(self, text: str) -> None:
        self._show(
            text,
            f"background: {theme.ALERT_BG.name()}; color: {theme.DEFICIT.name()};"
            f" border: 1px solid {theme.DEFICIT.name()}; padding: 8px; font-weight: bold;",
        )

    def note(self, text: str) -> None:
        self._show(
            text,
            f"background: {theme.PANEL.name()}; color: {theme.INK.name()};"
            f" border: 1px solid {theme.RULE.name()}; padding: 8px;",
        )

    def _show(self, text: str, style: str) -> None:
        self.show()
        self.label.setText(text)
        self.label.setStyleSheet(style)
        self.label.show()
