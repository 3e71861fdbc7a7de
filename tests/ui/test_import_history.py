"""The history of imports: each kind by its name, every column in sight at 1366x768 and
1920x1080, and the revert button on only with an import chosen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from opscenter.actor import Actor
from opscenter.roster import history
from opscenter.roster.classify import prepare
from opscenter.roster.commit import commit
from opscenter.roster.preview import Options
from opscenter.store import Store
from tests.ui.conftest import TinyOperation
from tests.ui.test_fit import _window_size, check, screen
from tests.ui.test_import_wizard import roster
from ui.confirm import NO_NAME, YES_NAME
from ui.import_history import HistoryColumn, ImportHistoryDialog

__all__ = ["screen"]  # the fit check's screen sizes, a fixture

STAFF = Actor("staf", role="staff")
# A name as the Polres send them: long enough to need the room the other columns leave.
LONG_NAME = "Rekap personel Polres Kerinci pengamanan Pilkada 2024 (revisi akhir).xlsx"


@pytest.fixture
def imported(store: Store, tiny_operation: TinyOperation, tmp_path: Path) -> Store:
    """Two personnel imports, the older one reverted ("dibatalkan")."""
    for name in ("r.xlsx", LONG_NAME):
        path = roster(tmp_path / name)
        outcome = commit(store, STAFF, prepare(store, path, Options(kind="personnel")))
        if name == "r.xlsx":
            history.revert(store, STAFF, outcome.txn_id)
    return store


@pytest.mark.usefixtures("app_look")
def test_every_column_is_in_sight(
    qtbot: QtBot, imported: Store, screen: QSize, tmp_path: Path
) -> None:
    # The walk: at both sizes the table scrolled sideways, "Keadaan" cut to "dibatal…".
    dialog = ImportHistoryDialog(imported, actor=STAFF)
    qtbot.addWidget(dialog)
    room = _window_size(screen)
    assert room.expandedTo(dialog.size()) == room  # opened within the screen
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.model.index(1, HistoryColumn.STATE).data() == "dibatalkan"
    problems = check(dialog, f"{screen.width()}-import-history", room, tmp_path)
    assert not problems, problems
    header = dialog.view.horizontalHeader()
    state = dialog.view.fontMetrics().horizontalAdvance("dibatalkan")
    assert header.sectionSize(HistoryColumn.STATE) > state


def test_kinds_show_by_the_wizards_name(qtbot: QtBot, imported: Store) -> None:
    dialog = ImportHistoryDialog(imported, actor=STAFF)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, HistoryColumn.KIND).data() == "Daftar personel"
    assert dialog.model.index(0, HistoryColumn.FILE).data(Qt.ItemDataRole.ToolTipRole) == LONG_NAME


def test_the_number_and_the_time_say_what_they_are(qtbot: QtBot, imported: Store) -> None:
    """The walk: "Jurnal 812" matched no number of the audit window, and in an exercise the
    history's real time stood beside the simulated clock with nothing saying so."""
    dialog = ImportHistoryDialog(imported, actor=STAFF)
    qtbot.addWidget(dialog)
    tip = Qt.ItemDataRole.ToolTipRole
    horizontal = Qt.Orientation.Horizontal
    number = dialog.model.headerData(HistoryColumn.TXN, horizontal, tip)
    assert "transaksi jurnal" in number and "Jurnal audit" in number
    assert "waktu nyata" in dialog.model.headerData(HistoryColumn.AT, horizontal, tip)


@pytest.mark.parametrize("role", ["staff", "operator"])
def test_revert_is_offered_only_with_an_import_chosen(
    qtbot: QtBot, imported: Store, role: str
) -> None:
    from opscenter.permissions import permitted

    actor = Actor("x", role=role)
    dialog = ImportHistoryDialog(imported, actor=actor)
    qtbot.addWidget(dialog)
    assert not dialog.revert_button.isEnabled()  # nothing chosen: nothing to revert
    dialog.view.selectRow(0)
    assert dialog.revert_button.isEnabled() == permitted(actor, "import.run")
    dialog.view.clearSelection()
    assert not dialog.revert_button.isEnabled()


def test_an_empty_history_says_so(qtbot: QtBot, store: Store, tiny_operation: object) -> None:
    dialog = ImportHistoryDialog(store, actor=STAFF)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.revert_button.isEnabled()
    assert dialog.message.text() == "Belum ada impor."


@pytest.fixture
def indonesian_numbers() -> Iterator[None]:
    """The application's number format (``ui.app`` sets the default locale): 19.999."""
    previous = QLocale()
    QLocale.setDefault(QLocale("id"))
    try:
        yield
    finally:
        QLocale.setDefault(previous)


@pytest.mark.usefixtures("indonesian_numbers")
def test_counts_are_grouped_as_the_wizard_writes_them(qtbot: QtBot, imported: Store) -> None:
    """The walk: "19999 baru" in the history and "20001 baris" in its question, where the
    wizard's preview had said "19.999"."""
    dialog = ImportHistoryDialog(imported, actor=STAFF)
    qtbot.addWidget(dialog)
    big = replace(history.imports(imported)[0], counts={"new": 19999, "changed": 2, "unchanged": 0})
    dialog.model.set_rows([big])
    assert dialog.model.index(0, HistoryColumn.COUNTS).data() == "19.999 baru, 2 berubah"
    said: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.extend([box.text(), box.findChild(QAbstractButton, YES_NAME).text()])
        box.findChild(QAbstractButton, NO_NAME).click()

    QTimer.singleShot(0, answer)
    assert not dialog._confirm_revert(big)
    assert "19.999 baris baru dihapus" in said[0]
    assert said[1] == "Batalkan &impor (20.001 baris)"


def test_tab_leaves_the_table_and_the_revert_button_has_its_letter(
    qtbot: QtBot, imported: Store
) -> None:
    """The walk: Tab walked the cells and never reached "Batalkan impor terpilih", which had
    no Alt letter either."""
    dialog = ImportHistoryDialog(imported, actor=STAFF)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.view.setFocus()
    qtbot.waitUntil(dialog.view.hasFocus)
    dialog.view.selectRow(0)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Tab)
    assert dialog.revert_button.hasFocus()
    assert dialog.revert_button.text() == "&Batalkan impor terpilih"
    assert dialog.revert_button.shortcut().toString() == "Alt+B"
    # No other button of the window answers Alt+B.
    letters = [
        b.shortcut().toString() for b in dialog.findChildren(QAbstractButton) if b.isVisible()
    ]
    assert letters.count("Alt+B") == 1
