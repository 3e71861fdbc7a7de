"""The look of the application: type sizes and colours, chosen for a command room at night."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

# Read from across a desk at 3 a.m.: well above the desktop default of 9-10 pt.
BASE_POINT_SIZE = 12.0

INK = QColor("#1b1f24")
MUTED = QColor("#5b6470")
RULE = QColor("#d0d5dc")
PANEL = QColor("#f4f6f8")
NAVY = QColor("#0d2c54")  # Polri blue-black, for the header band
GOLD = QColor("#c9a227")
DEFICIT = QColor("#c62828")
SURPLUS = QColor("#2e7d32")
ALERT_BG = QColor("#fdecea")


def apply_look(app: QApplication) -> None:
    """Style and base font of the whole application (idempotent)."""
    # Fusion looks the same on every workstation and honours item background colours.
    app.setStyle("Fusion")
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled from the base size (so headings follow the user's base)."""
    font = QFont(widget.font())
    font.setPointSizeF(max(1.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font
