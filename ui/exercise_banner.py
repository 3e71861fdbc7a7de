"""The exercise banner: "LATIHAN · waktu simulasi" across the top of every window that shows
the operation while the clock is simulated (``opscenter.clock``).

Nobody should mistake an exercise for the real night, nor a screenshot of one: the banner
cannot be closed, and it is black on hazard amber in the day and the night theme alike.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from opscenter import clock
from ui import theme
from ui.translations import translator

# rgb(), not #hex: the night theme swaps day hex colours; this one must stay the same.
STYLE = (
    "#exerciseBanner { background: rgb(255, 179, 0); color: rgb(0, 0, 0);"
    " border-bottom: 3px solid rgb(0, 0, 0); padding: 4px 24px; }"
)
# Inside the operation's header (the main window): a framed block beside the name.
BLOCK_STYLE = (
    "#exerciseBanner { background: rgb(255, 179, 0); color: rgb(0, 0, 0);"
    " border: 2px solid rgb(0, 0, 0); border-radius: 4px; padding: 1px 12px; }"
)


_tr = translator("ExerciseBanner")


def banner_text() -> str:
    return _tr("LATIHAN \u00b7 waktu simulasi")


class ExerciseBanner(QLabel):
    """Shown while the clock is simulated, hidden otherwise (``factor``: type size, the wall
    passes its own; ``strip``: across a window, else a block within the header)."""

    def __init__(
        self, parent: QWidget | None = None, *, factor: float = 1.3, strip: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFont(theme.scaled_font(self, factor, bold=True))
        self.setStyleSheet(STYLE if strip else BLOCK_STYLE)
        self.setText(banner_text())
        self.setAccessibleName(banner_text())
        if clock.exercise() is None:
            self.hide()
