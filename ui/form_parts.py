"""The pieces every form and dialog builds alike: the refusal line and the button row.

``error_label`` is where a refused input says why, in one sentence: red, bold, plain text
(names in it are typed by people), wrapped, hidden until there is something to say.
``field`` is a named line edit (tests find it by name), with an example as its hint, an
amount's figures to the right, dots for a password. It is a ``Line``: in a form whose saves
go on the window's undo history (``window_undo``), Ctrl+Z straight after a save takes the
save back rather than bringing the saved text back into the emptied line.
``save_cancel`` is the row that ends a form: Enter in any field presses the first button,
Esc or the second one cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget

from ui import theme

ERROR_STYLE = f"color: {theme.DEFICIT.name()}; font-weight: bold;"


def error_label(parent: QWidget, name: str = "", *, boxed: bool = False) -> QLabel:
    """A hidden label for a refusal; ``boxed`` sets it on the alert background, for a
    sentence that stands alone under a form rather than next to its field."""
    label = QLabel(parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    boxed_style = f" background: {theme.ALERT_BG.name()}; padding: 8px;" if boxed else ""
    label.setStyleSheet(ERROR_STYLE + boxed_style)
    label.hide()
    return label


class Line(QLineEdit):
    """A line edit. With ``window_undo`` (a form whose saves go on the window's undo
    history), Ctrl+Z and Ctrl+Y undo and redo those saves while the line holds nothing of
    its own to undo, and ``clear`` (after a save) leaves it nothing, so Ctrl+Z straight
    after a save takes the save back; with text typed they edit the text, as in any line.
    Without it (a line whose save is not on the history, such as an incident's follow-up in
    the main window, whose Ctrl+Z undoes other writes) it is a plain line edit."""

    def __init__(self, parent: QWidget | None = None, *, window_undo: bool = False) -> None:
        super().__init__(parent)
        self.window_undo = window_undo

    def event(self, event: QEvent) -> bool:
        if (
            self.window_undo
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not self.isUndoAvailable()
            and not self.isRedoAvailable()
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()  # not the line's: the window's undo shortcut takes it
            return True
        return super().event(event)

    def clear(self) -> None:
        """Empty the line; with ``window_undo`` forget what was typed too (``setText``
        resets the line's own undo history; ``QLineEdit.clear`` keeps it for Ctrl+Z)."""
        if self.window_undo:
            self.setText("")
        else:
            super().clear()


def field(
    parent: QWidget,
    name: str,
    *,
    hint: str = "",
    figures: bool = False,
    secret: bool = False,
    window_undo: bool = False,
) -> Line:
    """A line edit named ``name``: ``hint`` is its placeholder (what to type, "mis. …"),
    ``figures`` aligns an amount to the right, ``secret`` shows dots for what is typed,
    ``window_undo`` leaves Ctrl+Z to the form's undo history (``Line``)."""
    edit = Line(parent, window_undo=window_undo)
    edit.setObjectName(name)
    if hint:
        edit.setPlaceholderText(hint)
    if figures:
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def save_cancel(
    parent: QWidget, save: str, cancel: str
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The button row, its default (accept) button and its cancel (reject) button; the
    caller connects ``accepted`` and ``rejected``."""
    buttons = QDialogButtonBox(parent)
    save_button = buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    save_button.setDefault(True)  # Enter in any field presses it
    save_button.setAutoDefault(True)
    cancel_button = buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    cancel_button.setAutoDefault(False)
    return buttons, save_button, cancel_button
