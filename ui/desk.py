"""What an operation's panels work with, handed to each as one: the desk they sit at.

The database, who acts from them (the account that logged in, or the wall's read-only
one), the one undo history they share, and the operation's clock (a fixed one in tests).
The main window passes its desk to the operation page, which passes it to every panel it
builds; the wall has a desk of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import shiboken6
from PySide6.QtGui import QUndoStack

from opscenter.actor import Actor
from opscenter.clock import now as operation_now
from opscenter.store import Store
from ui.translations import translator

_tr = translator("Desk")

# A hint names the edit it would undo, cut to this many characters.
HINT_CHARS = 40


@dataclass(frozen=True)
class Desk:
    store: Store
    actor: Actor
    # Ctrl+Z undoes the last edit, whichever panel made it.
    undo_stack: QUndoStack
    clock: Callable[[], datetime] = operation_now


def undo_hint(stack: QUndoStack) -> str:
    """ "Ctrl+Z: urungkan <the last edit>" while there is one to undo, else nothing: the walk
    read "Ctrl+Z: batalkan" after an import, which Ctrl+Z does not undo (Data › Riwayat
    impor does). Panels showing it follow ``stack.indexChanged``."""
    # The stack clears itself, emitting, as it is deleted (the window closing).
    if not shiboken6.isValid(stack) or not stack.canUndo():
        return ""
    what = stack.undoText()
    if len(what) > HINT_CHARS:
        what = what[: HINT_CHARS - 1] + "\u2026"
    return _tr("Ctrl+Z: urungkan {what}").format(what=what) if what else _tr("Ctrl+Z: urungkan")
