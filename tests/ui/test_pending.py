"""A write already saved on the undo history (``ui.pending.WriteCommand``, issue 13: the
readiness forms and the incidents panel share it)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from opscenter.errors import OpsError
from ui.pending import PendingWrite, WriteCommand


class Refused(OpsError):
    code = "refused"


def test_the_push_writes_nothing_then_undo_and_redo_write_again(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    writes, stack = PendingWrite(window), QUndoStack(window)
    done: list[str] = []
    shown: list[bool] = []
    stack.push(
        WriteCommand(
            "Ubah",
            writes,
            lambda: done.append("forward"),
            lambda: done.append("backward"),
            lambda error: None,
            after=shown.append,
        )
    )
    assert done == [] and not writes.busy  # the write was saved before the push
    with qtbot.waitSignal(writes.write_done):
        stack.undo()
    with qtbot.waitSignal(writes.write_done):
        stack.redo()
    assert done == ["backward", "forward"]
    assert shown == [False, True]


def test_a_refused_step_is_said_and_leaves_the_history_when_asked(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    writes = PendingWrite(window)
    said: list[OpsError] = []

    def refuse() -> None:
        raise Refused(row=1)

    for drop in (False, True):
        stack = QUndoStack(window)
        command = WriteCommand("Ubah", writes, refuse, refuse, said.append, drop_refused=drop)
        stack.push(command)
        with qtbot.waitSignal(writes.write_done) as ended:
            stack.undo()
        assert ended.args == [False]
        assert command.isObsolete() is drop
    assert [type(e) for e in said] == [Refused, Refused]
