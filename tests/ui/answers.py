"""Answering a modal question from a test, deterministically.

``answer_next_question(name)`` is called just before the action that may ask. Its
zero-delay timer fires in the first round of the event loop: inside the question's own
``exec()`` if the action asked (the box is then the active modal widget), or after the
action returned if it did not. Either way the returned list is filled once the timer has
fired: with the question's object name, or with ``NOT_ASKED``.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

NOT_ASKED = "(not asked)"


def answer_next_question(button_name: str, *, with_text: bool = False) -> list[str]:
    """``with_text``: a message box's text and informative text follow its name, as one
    string, for tests that check what the question says."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        button = box.findChild(QAbstractButton, button_name) if box is not None else None
        if box is None or button is None:
            seen.append(NOT_ASKED)
            return
        seen.append(box.objectName())
        if with_text and isinstance(box, QMessageBox):
            seen.append(f"{box.text()}\n{box.informativeText()}")
        button.click()

    QTimer.singleShot(0, press)
    return seen
