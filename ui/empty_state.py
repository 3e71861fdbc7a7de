"""What the window shows when the database holds no operation yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from opscenter.store import resolve_url, safe_url
from ui import theme
from ui.translations import translator

DEMO_COMMAND = "opscenter demo --scenario jambi"


_tr = translator("EmptyState")


def demo_command(database: str) -> str:
    """The command that loads the demo into ``database`` (safe URL), ready to copy."""
    if database == safe_url(resolve_url(None)):  # the database the command opens anyway
        return DEMO_COMMAND
    quoted = f'"{database}"' if " " in database else database
    return f"{DEMO_COMMAND} --db {quoted}"


class EmptyState(QFrame):
    """A card in the middle of the window: no operation yet, and how to load the demo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        card = QFrame(self)
        card.setObjectName("emptyCard")
        card.setStyleSheet(
            f"#emptyCard {{ background: white; border: 1px solid {theme.RULE.name()};"
            " border-radius: 8px; }"
            " #emptyCard QLabel { border: none; background: transparent; }"
            f" #emptyCard QLabel#emptyTitle {{ color: {theme.NAVY.name()}; }}"
        )
        # Wide enough for the command on one line, narrow enough to read the text easily.
        card.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 50)

        self.title = QLabel(_tr("Belum ada operasi"), card)
        self.title.setObjectName("emptyTitle")
        self.title.setFont(theme.scaled_font(self, 2.0, bold=True))
        self.body = QLabel(
            _tr(
                "Basis data ini belum berisi operasi. Untuk mencoba OpsCenter, muat data "
                "contoh dengan perintah berikut di terminal, lalu tekan F5 (Muat ulang):"
            ),
            card,
        )
        self.body.setObjectName("emptyBody")
        self.body.setFont(theme.scaled_font(self, 1.15))
        self.command = QLabel(DEMO_COMMAND, card)
        self.command.setObjectName("emptyCommand")
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.command.setStyleSheet(
            f"#emptyCommand {{ font-family: monospace; background: {theme.PANEL.name()};"
            f" border: 1px solid {theme.RULE.name()}; border-radius: 4px; padding: 10px 14px; }}"
        )
        self.command.setFont(theme.scaled_font(self, 1.1))
        self.database = QLabel(card)
        self.database.setObjectName("emptyDatabase")
        self.database.setStyleSheet(f"color: {theme.MUTED.name()};")
        for label in (self.title, self.body, self.command, self.database):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(16)
        for label in (self.title, self.body, self.command, self.database):
            inner.addWidget(label)

        # The card centred; stretches, not alignment flags, so wrapped text gets its height.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 48, 48, 48)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)

    def show_database(self, description: str) -> None:
        command = demo_command(description)
        self.command.setText(command)
        self.database.setText(_tr("Basis data: {url}").format(url=description))
        # Said once: a command with --db already names the database.
        self.database.setVisible(command == DEMO_COMMAND)
