"""Asking before a large or irreversible action, naming what will happen.

``confirm`` is the one question: the title says what is about to be done, the text says
what it will change ("95 personel dari Brimob ke Polres Kerinci"), and the safe answer is
the default, so an Enter pressed in haste does nothing. Tests answer it by the object
names below (``tests/ui/answers.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.translations import translator

BOX_NAME = "confirmQuestion"
YES_NAME = "confirmYes"
NO_NAME = "confirmNo"


_tr = translator("Confirm")


def confirm(parent: QWidget, title: str, text: str, yes: str, details: str = "") -> bool:
    """Whether the user chose ``yes`` (a verb naming the action); Batal, Esc or closing
    the box answer no."""
    box = QMessageBox(parent)
    box.setObjectName(BOX_NAME)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # unit names and titles are typed by people
    box.setText(text)
    if details:
        box.setInformativeText(details)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    stop = box.addButton(_tr("&Batal"), QMessageBox.ButtonRole.RejectRole)
    go.setObjectName(YES_NAME)
    stop.setObjectName(NO_NAME)
    box.setDefaultButton(stop)
    box.setEscapeButton(stop)
    box.exec()
    chosen = box.clickedButton() is go
    box.deleteLater()
    return chosen


def listed(lines: list[str], most: int = 10) -> str:
    """Lines as a list, the first ``most`` of them and a count of the rest."""
    shown = [f"\u2022 {line}" for line in lines[:most]]
    if len(lines) > most:
        shown.append(_tr("\u2026 dan {n} lainnya").format(n=len(lines) - most))
    return "\n".join(shown)
