"""The main window's problem banner: across the top when the figures below are older than
they look, because a refresh failed or the database server went away."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from opscenter.errors import OpsError
from ui import theme
from ui.error_dialog import sentence_for
from ui.translations import translator

_tr = translator("MainWindow")  # shown by the main window


class ProblemBanner(QLabel):
    """Hidden until ``show_failure`` or ``show_outage``; ``hide`` once the figures are
    current again."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("problemBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFont(theme.scaled_font(window, 1.1, bold=True))
        self.setStyleSheet(
            f"background: {theme.ALERT_BG.name()}; color: {theme.DEFICIT.name()};"
            f" border-bottom: 2px solid {theme.DEFICIT.name()}; padding: 10px 24px;"
        )
        self.hide()

    def show_failure(self, error: OpsError, lang: str) -> None:
        """A read failed: the last figures stay on screen, but not as current ones."""
        self.setText(
            _tr("Data tidak dapat dimuat ulang: {reason}").format(reason=sentence_for(error, lang))
        )
        self.show()

    def show_outage(self, since: datetime) -> None:
        """The server went away at ``since`` (local time); the feed reconnects by itself."""
        self.setText(
            _tr(
                "Koneksi ke server basis data terputus sejak {time}. Data di layar mungkin sudah "
                "usang; OpsCenter menyambung kembali sendiri. Perubahan ditolak sampai pulih."
            ).format(time=since.strftime("%H:%M"))
        )
        self.show()
