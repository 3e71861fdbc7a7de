"""Nothing typed is lost: closing an editor with unsaved input asks Simpan, Buang or Kembali.

An editor (a dialog, a window, a pane) says whether it holds unsaved input and how to save
or drop it (``Editor``); ``may_close`` asks the question when needed and answers whether
the editor may close now. A dialog calls it from ``reject`` (which Esc, the cancel button
and the title bar's close all reach); a window from ``closeEvent``::

    def reject(self) -> None:
        if may_close(self):
            super().reject()
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from opscenter.drafts import ENV_VAR, DraftBox
from ui.pending import PendingWrite
from ui.translations import translator

# Object names of the question and its buttons (tests and screen readers find them).
BOX_NAME = "unsavedQuestion"
SAVE_NAME = "unsavedSave"
DISCARD_NAME = "unsavedDiscard"
BACK_NAME = "unsavedBack"


_tr = translator("Unsaved")


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    BACK = "back"


class Editor(Protocol):
    def is_dirty(self) -> bool:
        """Input that is neither saved nor dropped."""
        ...

    def save_input(self) -> bool:
        """Save it; True when the editor should now close. False when the save was refused
        (the editor shows why and keeps the input) or closed the editor itself."""
        ...

    def discard_input(self) -> None:
        """Drop it (and any draft kept of it)."""
        ...


def ask(parent: QWidget, what: str | None = None) -> Answer:
    """The question, modal over ``parent``; Esc (or closing the box) means Kembali."""
    box = QMessageBox(parent)
    box.setObjectName(BOX_NAME)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Perubahan belum disimpan"))
    box.setText(what or _tr("Ada isian yang belum disimpan."))
    box.setInformativeText(_tr("Simpan sebelum menutup?"))
    save = box.addButton(_tr("&Simpan"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("&Buang"), QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton(_tr("&Kembali"), QMessageBox.ButtonRole.RejectRole)
    save.setObjectName(SAVE_NAME)
    discard.setObjectName(DISCARD_NAME)
    back.setObjectName(BACK_NAME)
    box.setDefaultButton(save)
    box.setEscapeButton(back)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is save:
        return Answer.SAVE
    if clicked is discard:
        return Answer.DISCARD
    return Answer.BACK


def may_close(
    editor: Editor,
    parent: QWidget | None = None,
    what: str | None = None,
    *,
    writes: PendingWrite | None = None,
) -> bool:
    """Whether ``editor`` may close now, after asking if it holds unsaved input.

    An editor whose save runs on the write thread (``writes``) cannot close at once on
    Simpan: its window (``parent``, else the editor) closes once every pending write is
    saved, and stays open, saying why, when one is refused."""
    if not editor.is_dirty():
        return True
    widget = parent if parent is not None else editor
    assert isinstance(widget, QWidget)
    answer = ask(widget, what)
    if answer is Answer.BACK:
        return False
    if answer is Answer.SAVE:
        if editor.save_input():
            return True
        if writes is not None and writes.busy:
            writes.then_close(widget.close)
        return False
    editor.discard_input()
    return True


def drafts_box() -> DraftBox:
    """Where incident drafts are kept: ``$OPSCENTER_DRAFTS``, else the user's data folder;
    under ``QStandardPaths`` test mode, its test folder (real profiles are never touched)."""
    if not os.environ.get(ENV_VAR) and QStandardPaths.isTestModeEnabled():
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        return DraftBox(Path(location) / "drafts")
    return DraftBox()
