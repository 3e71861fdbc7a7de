"""Errors in front of a person: one sentence in their language, the traceback only in the log."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from opscenter import messages
from opscenter.errors import OpsError, log_failure
from ui.translations import interface_language, translator

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


_tr = translator("ErrorDialog")


def sentence_for(error: BaseException, lang: str | None = None) -> str:
    """What to tell the user: the core's sentence for a typed error, else a general one.

    In ``lang``, else in the interface's language (never Indonesian by accident)."""
    if isinstance(error, OpsError):
        return messages.describe(error, lang or interface_language())
    return _tr(
        "Terjadi kesalahan yang tidak terduga. Rinciannya sudah dicatat di log; "
        "bila terulang, mulai ulang OpsCenter dan laporkan ke admin."
    )


def show_error(parent: QWidget | None, error: BaseException, lang: str | None = None) -> None:
    QMessageBox.critical(parent, _tr("OpsCenter"), sentence_for(error, lang))


def refusal_box(
    parent: QWidget, title: str, sentence: str, again: Callable[[], object] | None = None
) -> QMessageBox:
    """A refused write said in a box that does not block, deleted when closed. With
    ``again`` (a stale refusal, the operator's change still in hand), "Terapkan lagi"
    applies it on top of what the other person saved and "Batal" leaves it; else OK."""
    buttons = QMessageBox.StandardButton.Ok
    if again is not None:
        buttons = QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel
    box = QMessageBox(QMessageBox.Icon.Warning, title, sentence, buttons, parent)
    if again is not None:
        retry = box.button(QMessageBox.StandardButton.Retry)
        retry.setText(_tr("&Terapkan lagi"))
        retry.clicked.connect(again)
        box.button(QMessageBox.StandardButton.Cancel).setText(_tr("B&atal"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class GuiExceptHook:
    """``sys.excepthook`` for the GUI: log in full, show one sentence, never a traceback."""

    def __init__(self, lang: str = "id", *, previous: ExceptHook | None = None) -> None:
        self.lang = lang
        self.previous: ExceptHook = previous or sys.excepthook
        # An error repeating in a timer must not stack a new modal dialog every 200 ms.
        self._showing = False

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, error, tb)
            return
        log_failure(log, error.with_traceback(tb), "the window")
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            show_error(QApplication.activeWindow(), error, self.lang)
        except Exception:  # the dialog itself failed: the log still has both
            log.exception("could not show the error dialog")
        finally:
            self._showing = False

    def install(self) -> Callable[[], None]:
        """Make this the excepthook; returns a function that puts the previous one back."""
        previous = sys.excepthook
        sys.excepthook = self

        def restore() -> None:
            sys.excepthook = previous

        return restore
