"""What a window's last action said (a refusal or a note), above its work, until closed or
replaced: one for the planning and the plotting windows."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ui import theme
from ui.translations import translator

_tr = translator("PlanningWindow")  # the planning window's strings


def _problem_style() -> str:
    return (
        f"background: {theme.ALERT_BG.name()}; color: {theme.DEFICIT.name()};"
        f" border: 1px solid {theme.DEFICIT.name()}; padding: 4px 8px; font-weight: bold;"
    )


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
        # Its place is kept while it is hidden, a one-line sentence's height: what stands
        # under it does not move when a sentence comes or goes (the plotting window's tables
        # moved up by a line as "Pilih … lebih dulu" went, and a second click landed on
        # another reserve row). A sentence of more lines still makes it taller.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(self._one_line_height(row))
        self.hide()

    def _one_line_height(self, row: QHBoxLayout) -> int:
        """The height the banner (its ``row``) takes with a one-line problem."""
        self.label.setText("Ag")
        self.label.setStyleSheet(_problem_style())
        self.label.ensurePolished()
        height = row.sizeHint().height()
        self.label.clear()
        self.label.setStyleSheet("")
        return height

    # Hidden, it keeps one line's place (not the size its last sentence asked for).

    def hasHeightForWidth(self) -> bool:
        return not self.isHidden() and super().hasHeightForWidth()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumHeight()) if self.isHidden() else hint

    def hide_text(self) -> None:
        self.label.hide()
        self.hide()
        self.updateGeometry()

    def problem(self, text: str) -> None:
        self._show(text, _problem_style())

    def note(self, text: str) -> None:
        self._show(
            text,
            f"background: {theme.PANEL.name()}; color: {theme.INK.name()};"
            f" border: 1px solid {theme.RULE.name()}; padding: 4px 8px;",
        )

    def _show(self, text: str, style: str) -> None:
        self.show()
        self.label.setText(text)
        self.label.setStyleSheet(style)
        self.label.show()
