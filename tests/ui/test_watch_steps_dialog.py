"""The watch's steps dialog (Ubah > Langkah pemantauan TPS…, Ctrl+Shift+U): a step added with
its deadline, its deadline changed, moved and removed from the keyboard, each undone with
Ctrl+Z; an unreadable deadline and the removal of a step a TPS has reached refused in the
core's sentence with nothing changed; a role without ``reference.edit`` does not get it.

The tiny operation of ``tests/ui/conftest.py``.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter.actor import Actor
from opscenter.model import PollingStation
from opscenter.store import Store
from opscenter.watch import entry, steps
from tests.ui.answers import answer_next_question
from tests.ui.conftest import TinyOperation
from tests.ui.test_readiness_lists import active, choose, save
from ui.confirm import YES_NAME
from ui.main_window import MainWindow
from ui.watch_steps_dialog import WatchStepsDialog

CTRL = Qt.KeyboardModifier.ControlModifier
DEFAULTS = ["tiba", "mulai", "selesai", "hitung", "kawal", "ppk"]


def stored(store: Store, op: int) -> list[tuple[str, str, str]]:
    with store.read() as s:
        return [(st.code, st.name, steps.due_text(st.due_minutes)) for st in steps.steps(s, op)]


def codes(store: Store, op: int) -> list[str]:
    return [c for c, _n, _d in stored(store, op)]


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> WatchStepsDialog:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    action = window.findChild(QAction, "watchStepsAction")
    assert action is not None and action.isVisible()
    assert action.shortcut().toString() == "Ctrl+Shift+U"
    action.trigger()  # the key itself: tests/ui/test_keys.py presses every registry key
    found = window.findChild(WatchStepsDialog)
    assert found is not None and found.isVisible()
    qtbot.waitUntil(found.loaded)
    return found


def undo(qtbot: QtBot, dialog: WatchStepsDialog) -> None:
    active(qtbot, dialog)
    with qtbot.waitSignal(dialog.writes.write_done):
        qtbot.keyClick(dialog.steps.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not dialog.writes.busy)
    qtbot.waitUntil(dialog.loaded)


def test_a_step_is_added_given_a_deadline_moved_and_removed_and_each_undone(
    qtbot: QtBot, dialog: WatchStepsDialog, store: Store, tiny_operation: TinyOperation
) -> None:
    op = tiny_operation.operation_id
    page = dialog.steps
    assert [r.item.code for r in page.model.rows()] == DEFAULTS
    assert page.model.index(0, 4).data() == "06:00"
    assert page.model.index(5, 4).data() == "06:00 (+1)"
    assert not dialog.is_dirty()

    # Add: Alt+O to the code, the name, Alt+W to the deadline, Ctrl+Enter.
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert page.code.hasFocus()
    qtbot.keyClicks(page.code, "apel")
    qtbot.keyClick(page.code, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.new_name, "Apel pagi")
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert dialog.new_due.hasFocus()
    qtbot.keyClicks(dialog.new_due, "5.30")
    assert dialog.is_dirty()
    save(qtbot, dialog)
    assert stored(store, op)[-1] == ("apel", "Apel pagi", "05:30")
    assert page.item() is not None and page.item().code == "apel"  # type: ignore[union-attr]
    assert page.model.index(6, 0).data() == "7"  # what an operator types for it
    assert dialog.new_due.text() == "" and not dialog.is_dirty()
    window = dialog.parentWidget()
    assert isinstance(window, MainWindow)
    assert window.undo_stack.undoText() == "Tambah langkah Apel pagi"

    # Its deadline: the next morning.
    assert dialog.due.text() == "05:30"
    dialog.due.setFocus()
    dialog.due.selectAll()
    qtbot.keyClicks(dialog.due, "06:00 +1")
    save(qtbot, dialog)
    assert stored(store, op)[-1][2] == "06:00 (+1)"
    assert window.undo_stack.undoText() == "Batas waktu Apel pagi: 06:00 (+1)"

    # Up one place from the list (Ctrl+Up), then removed (Delete, asked first).
    choose(page, "apel")
    save(qtbot, dialog, lambda: qtbot.keyClick(page.view, Qt.Key.Key_Up, CTRL))
    assert codes(store, op)[-2:] == ["apel", "ppk"]
    seen = answer_next_question(YES_NAME)
    save(qtbot, dialog, lambda: qtbot.keyClick(page.view, Qt.Key.Key_Delete))
    assert seen == ["confirmQuestion"]
    assert codes(store, op) == DEFAULTS

    # Ctrl+Z: put back in its place with its deadline, moved back, the deadline back, gone.
    undo(qtbot, dialog)
    assert codes(store, op)[-2:] == ["apel", "ppk"]
    assert stored(store, op)[-2][2] == "06:00 (+1)"
    undo(qtbot, dialog)
    assert codes(store, op)[-2:] == ["ppk", "apel"]
    undo(qtbot, dialog)
    assert stored(store, op)[-1][2] == "05:30"
    undo(qtbot, dialog)
    assert codes(store, op) == DEFAULTS


def test_refusals_are_said_in_the_core_sentence_and_change_nothing(
    qtbot: QtBot, dialog: WatchStepsDialog, store: Store, tiny_operation: TinyOperation
) -> None:
    op = tiny_operation.operation_id
    page = dialog.steps
    window = dialog.parentWidget()
    assert isinstance(window, MainWindow)
    history = window.undo_stack.count()
    before = stored(store, op)

    # An unreadable deadline for the chosen step.
    choose(page, "hitung")
    dialog.due.setFocus()
    dialog.due.selectAll()
    qtbot.keyClicks(dialog.due, "jam 8")
    save(qtbot, dialog)
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Batas waktu")
    assert "tulis jam seperti 06:00" in dialog.last_error
    assert dialog.due.text() == "jam 8"  # what was typed is kept

    # A step a TPS has reached stays.
    with store.read() as s:
        tps = int(s.scalars(select(PollingStation.id).limit(1)).one())
        tiba = steps.steps(s, op)[0].id
    at = datetime(2024, 11, 27, 5, 40, tzinfo=ZoneInfo("Asia/Jakarta"))
    entry.record(store, Actor("ops.lain", "operator"), op, [entry.Mark(tps, tiba, at)])
    dialog.reload()  # as the change feed would
    qtbot.waitUntil(lambda: page.model.rows()[0].uses == 1)
    choose(page, "tiba")
    answer_next_question(YES_NAME)
    save(qtbot, dialog, lambda: qtbot.keyClick(page.view, Qt.Key.Key_Delete))
    assert dialog.last_error is not None
    assert "masih dipakai oleh 1 catatan pemantauan TPS" in dialog.last_error
    assert stored(store, op) == before
    assert window.undo_stack.count() == history


def test_a_role_without_reference_edit_does_not_get_it(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation
) -> None:
    from tests.ui.conftest import FixedClock

    for role, shown in (("operator", False), ("commander", False), ("staff", True)):
        window = MainWindow(
            store, actor=Actor(f"{role}.uji", role), clock=FixedClock(datetime.now(ZoneInfo("UTC")))
        )
        qtbot.addWidget(window)
        action = window.findChild(QAction, "watchStepsAction")
        assert action is not None
        assert (action.isVisible(), action.isEnabled()) == (shown, shown), role
