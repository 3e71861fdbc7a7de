"""Issue 14, keyboard and menus, help: one registry of actions whose keys work whatever has
the focus; Esc and Ctrl+W close windows and dialogs; large or irreversible actions say what
they will do before; the incident form's keyboard; F1 and the shortcut list.

Questions are answered with a zero-delay timer inside their own ``exec`` (as in
``tests/ui/answers.py``); no sleeps.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from opscenter import incidents, planning
from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.incidents import IncidentDraft
from opscenter.model import (
    BkoAssignment,
    FollowUp,
    Incident,
    IncidentStatus,
    IncidentType,
    JournalTxn,
    Personnel,
    Severity,
    TpsCategory,
)
from opscenter.reference import GuardPattern, by_code
from opscenter.roster.classify import prepare
from opscenter.roster.commit import commit
from opscenter.roster.preview import Options
from opscenter.store import Store
from tests.builders import Small, build_small_operation
from tests.ui.alt_letters import menu_letter_faults, mnemonic
from tests.ui.answers import NOT_ASKED, answer_next_question
from tests.ui.test_planning_panel import settled
from ui import actions, settings
from ui.choice_combo import chosen, refusal, search_key, searchable
from ui.confirm import BOX_NAME as CONFIRM_NAME
from ui.confirm import NO_NAME, YES_NAME
from ui.help_window import DESCRIPTIONS_ID, MANUAL, SHORTCUTS, HelpWindow, manual_markdown
from ui.import_history import ImportHistoryDialog
from ui.incident_form import IncidentForm
from ui.incidents_panel import IncidentsPanel
from ui.main_window import MainWindow
from ui.operation_page import Tab
from ui.planning_window import PlanningWindow
from ui.units_board import UnitsBoard
from ui.unsaved import BACK_NAME, BOX_NAME, DISCARD_NAME

if TYPE_CHECKING:  # fixtures' types only: conftest modules are not for importing
    from tests.ui.conftest import TinyOperation

ADMIN = Actor("admin.uji", role="admin")


# --- helpers -------------------------------------------------------------------------------


def answer(button: str) -> list[str]:
    """Press ``button`` of the next modal box; the list gets the box's name and its text
    (or NOT_ASKED) once the zero-delay timer has fired."""
    return answer_next_question(button, with_text=True)


def key_of(text: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    combination = QKeySequence(text)[0]
    return combination.key(), combination.keyboardModifiers()


def press(qtbot: QtBot, widget: QWidget, keys: str) -> None:
    key, modifiers = key_of(keys)
    qtbot.keyClick(widget, key, modifiers)


def journal_head(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.max(JournalTxn.id))) or 0)


def code_of(store: Store, model: type[IncidentType | Severity | IncidentStatus], code: str) -> int:
    with store.read() as s:
        return int(s.scalars(select(model.id).where(model.code == code)).one())


def record(store: Store, op_id: int, severity: str, title: str) -> int:
    return incidents.record(
        store,
        ADMIN,
        IncidentDraft(
            operation_id=op_id,
            type_id=code_of(store, IncidentType, "politik-uang"),
            severity_id=code_of(store, Severity, severity),
            title=title,
            occurred_at=datetime(2024, 11, 23, 19, 0, tzinfo=UTC),
        ),
    )


@pytest.fixture
def shown(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, window: MainWindow
) -> MainWindow:
    """The main window shown and active, an incident on the list, both panels built."""
    record(store, tiny_operation.operation_id, "sedang", "Pembagian sembako di Siulak")
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.operation_page.show_tab(Tab.INCIDENTS)
    panel = incidents_panel(window)
    qtbot.waitUntil(lambda: not panel.loading and panel.model.rowCount() == 1)
    panel.select_incident(panel.model.row(0).id)
    window.operation_page.show_tab(Tab.BOARD)
    return window


def incidents_panel(window: MainWindow) -> IncidentsPanel:
    panel = window.operation_page.incidents
    assert panel is not None
    return panel


def board_of(window: MainWindow) -> UnitsBoard:
    board = window.operation_page.board
    assert board is not None
    return board


def focus_on(qtbot: QtBot, window: MainWindow, tab: Tab, widget: QWidget) -> None:
    window.operation_page.show_tab(tab)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


# --- the registry ------------------------------------------------------------------------


def test_the_registry_has_one_action_per_name_and_no_key_twice() -> None:
    names = [spec.name for spec in actions.ACTIONS]
    assert len(names) == len(set(names))
    keys = [QKeySequence(k) for spec in actions.ACTIONS for k in spec.keys]
    keys += [QKeySequence(k) for k in actions.CLOSE_KEYS]
    assert len({k.toString() for k in keys}) == len(keys)
    # The actions the issue names, each with its key.
    wanted = {
        "newIncidentAction": "Ctrl+N",
        "followUpAction": "Ctrl+T",
        "unitStatusAction": "F2",
        "importAction": "Ctrl+I",
        "sitrepAction": "Ctrl+P",
        "openPlanning": "Ctrl+R",
        "wallAction": "F11",
        "auditJournalAction": "Ctrl+J",
        "manualAction": "F1",
    }
    assert {n: actions.SPECS[n].keys[0] for n in wanted} == wanted


def test_every_menu_action_is_the_registrys_and_no_key_is_ambiguous(
    shown: MainWindow,
) -> None:
    in_menus = {
        action.objectName()
        for top in shown.menuBar().actions()
        if top.menu() is not None
        for action in top.menu().actions()  # type: ignore[union-attr]
        if not action.isSeparator() and action.menu() is None
    } - {""}
    # Every registry action sits in a menu of the window (the admin sees every menu), and
    # every menu entry is the registry's (the language choices are its only sub-menu).
    assert in_menus == set(actions.SPECS)
    for spec in actions.ACTIONS:
        action = shown.findChild(QAction, spec.name)
        assert action is not None and action.shortcutContext() in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        )
        assert [k.toString() for k in action.shortcuts()] == [
            QKeySequence(k).toString() for k in spec.keys
        ]
    # Qt fires neither of two shortcuts active for one key: nothing in the window (panels
    # built) repeats a key of another.
    owners: dict[str, list[str]] = {}
    for action in shown.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.objectName() or action.text())
    for shortcut in shown.findChildren(QShortcut):
        owners.setdefault(shortcut.key().toString(), []).append("QShortcut")
    for button in shown.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty() and "Alt+" not in button.shortcut().toString():
            owners.setdefault(button.shortcut().toString(), []).append(button.objectName())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


# Text fields keep their own undo and redo (Ctrl+Z in a field undoes the typing).
FIELD_KEYS = {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y"}


def test_every_shortcut_fires_whatever_has_the_focus(shown: MainWindow, qtbot: QtBot) -> None:
    board, panel = board_of(shown), incidents_panel(shown)
    fired: list[str] = []
    for spec in actions.ACTIONS:
        action = shown.findChild(QAction, spec.name)
        assert action is not None
        # Only the key is under test here: what each action does has its own test below.
        action.triggered.disconnect()
        if action.isCheckable():
            action.toggled.disconnect()
        action.setEnabled(True)  # undo/redo: the stack enables them when there is something
        action.triggered.connect(lambda _c=False, n=spec.name: fired.append(n))
    targets: list[tuple[Tab, QWidget]] = [
        (Tab.BOARD, board.tree_view),
        (Tab.BOARD, board.search),
        (Tab.BOARD, board.status_filter),
        (Tab.INCIDENTS, panel.view),
        (Tab.INCIDENTS, panel.search),
        (Tab.INCIDENTS, panel.status_box),
        (Tab.INCIDENTS, panel.detail.follow_text),
    ]
    missed = []
    for tab, widget in targets:
        for spec in actions.ACTIONS:
            for keys in spec.keys:
                if isinstance(widget, QLineEdit) and keys in FIELD_KEYS:
                    continue
                focus_on(qtbot, shown, tab, widget)
                before = len(fired)
                press(qtbot, widget, keys)
                if fired[before:] != [spec.name]:
                    missed.append(f"{keys} on {type(widget).__name__} {widget.objectName()}")
    assert missed == []


def test_ctrl_n_opens_the_form_from_the_board(shown: MainWindow, qtbot: QtBot) -> None:
    board = board_of(shown)
    focus_on(qtbot, shown, Tab.BOARD, board.tree_view)
    press(qtbot, board.tree_view, "Ctrl+N")
    panel = incidents_panel(shown)
    assert shown.operation_page.tabs.currentIndex() == Tab.INCIDENTS
    assert panel.form is not None and panel.form.isVisible()
    # Ctrl+W closes it like Esc (nothing typed: without asking).
    qtbot.waitUntil(panel.form.isActiveWindow)
    press(qtbot, panel.form.title_edit, "Ctrl+W")
    assert not panel.form.isVisible()


def test_f2_from_the_incidents_list_changes_the_selected_units_status(
    shown: MainWindow, qtbot: QtBot, tiny_operation: TinyOperation
) -> None:
    board, panel = board_of(shown), incidents_panel(shown)
    assert board.select_unit(tiny_operation.kerinci_id)
    focus_on(qtbot, shown, Tab.INCIDENTS, panel.view)
    press(qtbot, panel.view, "F2")
    assert shown.operation_page.tabs.currentIndex() == Tab.BOARD
    dialog = board.status_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    press(qtbot, dialog.list, "Ctrl+W")  # closes it: nothing chosen, nothing saved
    assert not dialog.isVisible()


def test_ctrl_t_goes_to_the_follow_up_and_ctrl_f_to_the_search(
    shown: MainWindow, qtbot: QtBot
) -> None:
    board, panel = board_of(shown), incidents_panel(shown)
    focus_on(qtbot, shown, Tab.BOARD, board.tree_view)
    press(qtbot, board.tree_view, "Ctrl+T")
    assert shown.operation_page.tabs.currentIndex() == Tab.INCIDENTS
    assert panel.detail.follow_text.hasFocus()
    press(qtbot, panel.detail.follow_text, "Ctrl+F")
    assert panel.search.hasFocus()
    focus_on(qtbot, shown, Tab.BOARD, board.tree_view)
    press(qtbot, board.tree_view, "Ctrl+F")
    assert board.search.hasFocus()


def test_ctrl_z_in_the_follow_up_line_after_a_follow_up_undoes_nothing_else(
    shown: MainWindow, qtbot: QtBot
) -> None:
    """A follow-up is not on the undo history (it is appended for good): Ctrl+Z in its line
    after one is saved edits the line, it does not take back the status changed before."""
    panel = incidents_panel(shown)
    shown.operation_page.show_tab(Tab.INCIDENTS)
    incident = panel.model.row(0)
    answer(NO_NAME)
    with qtbot.waitSignal(panel.writes.write_done):
        panel.change_status(incident.id, "ditangani")
    assert shown.undo_stack.count() == 1
    detail = panel.detail
    press(qtbot, panel.view, "Ctrl+T")
    assert detail.follow_text.hasFocus()
    qtbot.keyClicks(detail.follow_text, "Tim tiba di lokasi.")
    with qtbot.waitSignal(panel.writes.write_done):
        qtbot.keyClick(detail.follow_text, Qt.Key.Key_Return)
    assert detail.follow_text.text() == ""
    press(qtbot, detail.follow_text, "Ctrl+Z")
    assert shown.undo_stack.index() == 1  # the status change is still done
    assert not panel.writes.busy  # an undo would have queued its write at once


# --- Esc and Ctrl+W ----------------------------------------------------------------------


def test_esc_and_ctrl_w_close_the_planning_window_asking_about_a_what_if(
    shown: MainWindow, qtbot: QtBot
) -> None:
    press(qtbot, board_of(shown).tree_view, "Ctrl+R")
    window = shown.findChild(PlanningWindow)
    assert window is not None and window.isVisible()
    settled(qtbot, window)
    press(qtbot, window.heat_view, "Esc")  # the table does not take Esc: the window does
    assert not window.isVisible()
    shown.findChild(QAction, "openPlanning").trigger()  # type: ignore[union-attr]
    assert window.isVisible()
    window.activateWindow()  # as the window manager does (offscreen has none)
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window.heat_view, "Ctrl+W")
    assert not window.isVisible()
    # With a what-if typed: Esc asks; Kembali keeps it, Buang closes.
    shown.findChild(QAction, "openPlanning").trigger()  # type: ignore[union-attr]
    spin = next(iter(window.form._rows.values()))[1]
    spin.setValue(spin.value() + 1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    asked = answer(BACK_NAME)
    press(qtbot, window.heat_view, "Esc")
    assert asked[0] == BOX_NAME and window.isVisible()
    window.activateWindow()  # back from the question
    qtbot.waitUntil(window.isActiveWindow)
    asked = answer(DISCARD_NAME)
    press(qtbot, window.heat_view, "Ctrl+W")
    assert asked[0] == BOX_NAME and not window.isVisible()


def test_ctrl_w_closes_a_dialog_opened_from_a_menu(shown: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, board_of(shown).tree_view, "Ctrl+H")
    dialog = shown.findChild(ImportHistoryDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    press(qtbot, dialog.view, "Ctrl+W")
    assert not dialog.isVisible()


# --- confirmations -----------------------------------------------------------------------


def test_closing_a_serious_incident_asks_first_naming_it(
    shown: MainWindow, qtbot: QtBot, store: Store, tiny_operation: TinyOperation
) -> None:
    panel = incidents_panel(shown)
    shown.operation_page.show_tab(Tab.INCIDENTS)
    serious = record(store, tiny_operation.operation_id, "berat", "Bentrok massa di KPU Kerinci")
    qtbot.waitUntil(lambda: panel.model.incident(serious) is not None)
    head = journal_head(store)

    # Refused: nothing is written, the detail pane shows the status it still has.
    panel.select_incident(serious)
    detail = panel.detail
    detail.status_box.setCurrentIndex(detail.status_box.findText("Selesai"))
    asked = answer(NO_NAME)
    detail.status_apply.click()
    assert asked[0] == CONFIRM_NAME
    assert "Bentrok massa di KPU Kerinci" in asked[1] and "Berat" in asked[1]
    assert "Selesai" in asked[1]
    assert journal_head(store) == head
    assert detail.status_box.currentText() == "Baru"

    # The same through a follow-up that closes it: refused, the text stays, nothing saved.
    detail.follow_text.setText("Massa bubar.")
    detail.follow_status.setCurrentIndex(detail.follow_status.findText("Selesai"))
    asked = answer(NO_NAME)
    detail.follow_add.click()
    assert asked[0] == CONFIRM_NAME
    assert journal_head(store) == head and detail.follow_text.text() == "Massa bubar."
    with store.read() as s:
        assert s.scalar(select(func.count(FollowUp.id))) == 0

    # Accepted: it is closed.
    asked = answer(YES_NAME)
    with qtbot.waitSignal(panel.writes.write_done) as saved:
        detail.follow_add.click()
    assert asked[0] == CONFIRM_NAME and saved.args == [True]
    with store.read() as s:
        incident = s.get(Incident, serious)
        assert incident is not None and incident.closed_at is not None


def test_closing_a_light_incident_does_not_ask(
    shown: MainWindow, qtbot: QtBot, store: Store
) -> None:
    panel = incidents_panel(shown)
    shown.operation_page.show_tab(Tab.INCIDENTS)
    light = panel.model.row(0)  # "sedang"
    asked = answer(NO_NAME)
    with qtbot.waitSignal(panel.writes.write_done) as saved:
        panel.change_status(light.id, "selesai")
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == [NOT_ASKED] and saved.args == [True]


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


def test_accepting_proposals_names_who_moves_where(
    qtbot: QtBot, store: Store, small: Small
) -> None:
    with store.read() as s:
        cats = {c: x.id for c, x in by_code(s, TpsCategory, small.operation_id).items()}
    planning.save_what_if(
        store,
        ADMIN,
        small.operation_id,
        planning.WhatIf(patterns={cats["rawan"]: GuardPattern(2, 1, 2)}),
    )
    window = PlanningWindow(store, actor=ADMIN, stage_code="pemungutan")
    qtbot.addWidget(window)
    settled(qtbot, window)
    (proposal,) = window.proposals.rows()
    head = journal_head(store)
    with store.read() as s:
        bko_before = s.scalar(select(func.count(BkoAssignment.id)))

    asked = answer(NO_NAME)
    window.accept_button.click()
    assert asked[0] == CONFIRM_NAME
    moved = f"{proposal.count} personel dari {proposal.from_unit_name} ke {proposal.to_unit_name}"
    assert moved in asked[1]
    assert journal_head(store) == head and window.proposals.rowCount() == 1
    with store.read() as s:
        assert s.scalar(select(func.count(BkoAssignment.id))) == bko_before

    asked = answer(YES_NAME)
    with qtbot.waitSignal(window.writes.write_done):
        window.accept_button.click()
    assert asked[0] == CONFIRM_NAME
    with store.read() as s:
        assert s.scalar(select(func.count(BkoAssignment.id))) > bko_before
    settled(qtbot, window)


def test_reverting_an_import_says_how_many_rows(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NAMA LENGKAP", "PANGKAT / NRP", "KESATUAN"])
    ws.append(["Andi Saputra", "BRIPDA / 75030001", "Polres Kerinci"])
    ws.append(["Budi Santoso", "AKP 75030002", "polres-bungo"])
    wb.save(path)
    staff = Actor("staf", role="staff")
    with store.read() as s:
        before = s.scalar(select(func.count(Personnel.id)))
    commit(store, staff, prepare(store, path, Options(kind="personnel")))
    dialog = ImportHistoryDialog(store, actor=staff)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    head = journal_head(store)

    asked = answer(NO_NAME)
    dialog.revert_selected()
    assert asked[0] == CONFIRM_NAME and "2 baris baru dihapus" in asked[1]
    assert journal_head(store) == head and dialog.job is None
    with store.read() as s:
        assert s.scalar(select(func.count(Personnel.id))) == before + 2

    asked = answer(YES_NAME)
    dialog.revert_selected()
    assert asked[0] == CONFIRM_NAME
    qtbot.waitUntil(lambda: "dibatalkan" in dialog.message.text(), timeout=10_000)
    with store.read() as s:
        assert s.scalar(select(func.count(Personnel.id))) == before


# --- the incident form ---------------------------------------------------------------------


@pytest.fixture
def form(shown: MainWindow, qtbot: QtBot) -> IncidentForm:
    shown.new_incident()
    panel = incidents_panel(shown)
    assert panel.form is not None
    qtbot.waitActive(panel.form)
    return panel.form


def drop(form: IncidentForm) -> None:
    """Close ``form`` without its question (pytest-qt closes the window before fixtures end)."""
    form.discard_input()
    form.done(0)


def test_tab_walks_the_form_once_in_reading_order(form: IncidentForm, qtbot: QtBot) -> None:
    form.type_box.setFocus()
    qtbot.waitUntil(form.type_box.hasFocus)
    visited: list[QWidget] = []
    for _ in range(16):
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    expected = [
        form.type_box,
        form.severity_box,
        form.title_edit,
        form.description_edit,
        form.occurred_edit,  # one stop, not one per section of the date and time
        form.region_box,
        form.tps_box,
        form.location_edit,
        form.latitude_edit,
        form.longitude_edit,
        form.dead_spin,
        form.injured_spin,
        form.damage_edit,
        form.units.search,
        form.units.view,
        form.save_button,
    ]
    assert [type(w).__name__ for w in visited] == [type(w).__name__ for w in expected]
    assert visited[4] is form.occurred_edit and visited[5] is form.region_box
    assert visited == expected
    # Backwards, the time is one stop too.
    form.region_box.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is form.occurred_edit
    qtbot.keyClick(form.occurred_edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is form.description_edit


@pytest.mark.parametrize(
    ("letter", "field"),
    [
        (Qt.Key.Key_J, "type_box"),
        (Qt.Key.Key_U, "title_edit"),
        (Qt.Key.Key_W, "occurred_edit"),
        (Qt.Key.Key_Y, "region_box"),
        (Qt.Key.Key_N, "dead_spin"),
        (Qt.Key.Key_A, "injured_spin"),
        (Qt.Key.Key_K, "damage_edit"),
        (Qt.Key.Key_M, "units"),
        (Qt.Key.Key_I, "latitude_edit"),
        (Qt.Key.Key_B, "longitude_edit"),
    ],
)
def test_alt_mnemonics_land_on_their_fields(
    form: IncidentForm, qtbot: QtBot, letter: Qt.Key, field: str
) -> None:
    form.location_edit.setFocus()
    qtbot.keyClick(form.location_edit, letter, Qt.KeyboardModifier.AltModifier)
    target = getattr(form, field)
    focused = QApplication.focusWidget()
    assert focused is not None and (focused is target or target.isAncestorOf(focused))
    if field == "units":
        assert focused is form.units.search


def test_down_enters_the_units_list(form: IncidentForm, qtbot: QtBot) -> None:
    form.units.search.setFocus()
    qtbot.keyClick(form.units.search, Qt.Key.Key_Down)
    assert form.units.view.hasFocus() and form.units.view.currentIndex().row() == 0
    qtbot.keyClick(form.units.view, Qt.Key.Key_Space)  # Space ticks it
    assert len(form.units.checked_ids()) == 1
    drop(form)


def test_the_type_starts_empty_and_saving_without_one_is_refused(
    form: IncidentForm, qtbot: QtBot, store: Store
) -> None:
    assert form.type_box.currentIndex() == -1 and form.type_box.currentText() == ""
    head = journal_head(store)
    qtbot.keyClicks(form.title_edit, "Serangan fajar di Siulak")
    with qtbot.waitSignal(form.writes.write_done) as refused:
        form.save()
    assert refused.args == [False]
    assert form.errors["type_id"].text() == "Jenis kejadian wajib diisi."
    assert form.isVisible() and journal_head(store) == head
    # Typing enough of a type and leaving the field chooses it.
    edit = form.type_box.lineEdit()
    assert edit is not None
    edit.setFocus()
    qtbot.keyClicks(edit, "politik u")
    popup = form.type_box.completer().popup()
    assert popup.isVisible()  # the keyboard is the list's now: Tab leaves the field from it
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert form.type_box.currentText() == "Politik uang"
    assert form.errors["type_id"].isHidden()  # answered: the refusal goes at once
    with qtbot.waitSignal(form.writes.write_done) as saved:
        form.save()
    assert saved.args == [True]


def type_and_leave(combo: QComboBox, qtbot: QtBot, text: str) -> None:
    """Type ``text`` into a searchable ``combo`` and leave it with Tab, as an operator does."""
    edit = combo.lineEdit()
    assert edit is not None
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, text)
    popup = combo.completer().popup()
    qtbot.keyClick(popup if popup.isVisible() else edit, Qt.Key.Key_Tab)


def test_a_typed_region_is_saved_as_shown_or_the_save_is_refused(
    form: IncidentForm, qtbot: QtBot, store: Store
) -> None:
    """ "Kerinci" is Kab. Kerinci, not the kecamatan Gunung Kerinci under it; a name that
    fits several regions, or none, is refused beside the field, naming them, the cursor
    back in it: never saved as no region while the field still shows it."""
    region = form.region_box
    type_and_leave(region, qtbot, "Kerinci")
    assert region.currentText() == "Kab. Kerinci"
    assert chosen(region) == region.itemData(region.findText("Kab. Kerinci"))
    type_and_leave(form.type_box, qtbot, "Politik uang")
    qtbot.keyClicks(form.title_edit, "Serangan fajar")
    head = journal_head(store)
    for typed, sentence in (
        (
            "Kab",
            "Wilayah: “Kab” cocok dengan beberapa pilihan: Kab. Bungo, Kecamatan Pasar Muara "
            "Bungo (Kab. Bungo), Kab. Kerinci, Kecamatan Gunung Kerinci (Kab. Kerinci); "
            "pilih salah satu.",
        ),
        ("Merangin", "Wilayah: “Merangin” tidak ada dalam daftar; pilih salah satu."),
    ):
        type_and_leave(region, qtbot, typed)
        assert region.currentText() == typed
        form.save()
        assert form.errors["region_id"].text() == sentence
        assert form.errors["region_id"].isVisible() and form.isVisible()
        assert not form.writes.busy and journal_head(store) == head
        assert region.hasFocus()
    type_and_leave(region, qtbot, "bungo")
    assert form.errors["region_id"].isHidden()
    with qtbot.waitSignal(form.writes.write_done) as saved:
        form.save()
    assert saved.args == [True]
    with store.read() as s:
        row = s.scalars(select(Incident).where(Incident.title == "Serangan fajar")).one()
        assert row.region_id == region.itemData(region.findText("Kab. Bungo"))


def test_a_tps_typed_as_officers_say_it_is_the_tps_of_that_number(
    form: IncidentForm, qtbot: QtBot
) -> None:
    """ "TPS 1" or "tps 01" is TPS 001 (the list writes three digits), not refused as no
    entry, nor as also meaning TPS 010 to 016."""
    type_and_leave(form.region_box, qtbot, "Kerinci")
    tps = form.tps_box
    qtbot.waitUntil(lambda: tps.findText("TPS 001 Desa Siulak Deras") >= 0)
    for typed in ("TPS 1", "tps 01", "1"):
        type_and_leave(tps, qtbot, typed)
        assert tps.currentText() == "TPS 001 Desa Siulak Deras", typed
        assert refusal(tps, "TPS") is None
    type_and_leave(tps, qtbot, "TPS 1 Desa Siulak Deras")
    assert tps.currentText() == "TPS 001 Desa Siulak Deras"


@pytest.mark.parametrize(
    ("box", "label", "typed"),
    [("tps_box", "— tanpa TPS —", "Siulak Deras"), ("region_box", "— pilih wilayah —", "Gunung")],
)
def test_typing_after_the_list_is_closed_replaces_the_no_choice_label(
    form: IncidentForm, qtbot: QtBot, box: str, label: str, typed: str
) -> None:
    """The walk: Tab to TPS, Alt+Down, Esc, type the desa: the field read "— tanpa TPS —Air
    Mumu" and found nothing. The "none" label is never part of what is searched: typing
    replaces it, in every searchable box that has one."""
    type_and_leave(form.region_box, qtbot, "Kerinci")
    qtbot.waitUntil(lambda: form.tps_box.findText("TPS 001 Desa Siulak Deras") >= 0)
    combo: QComboBox = getattr(form, box)
    combo.setCurrentIndex(0)  # its "none" entry
    edit = combo.lineEdit()
    assert edit is not None and edit.text() == label
    before = form.region_box if combo is form.tps_box else form.occurred_edit
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert combo.view().isVisible()
    qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not combo.view().isVisible() and combo.hasFocus())
    qtbot.keyClicks(combo, typed)
    assert edit.text() == typed
    found = combo.completer().model()  # the matches of what was typed
    names = [str(found.index(r, 0).data()) for r in range(found.rowCount())]
    assert names and all(typed in n for n in names), names
    drop(form)


@pytest.mark.parametrize("at_start", [False, True])
def test_pasting_from_the_context_menu_replaces_the_no_choice_label(
    form: IncidentForm, qtbot: QtBot, at_start: bool
) -> None:
    """The context menu's "Paste" calls QLineEdit.paste() and never passes a key: the walk
    found "— pilih wilayah —Gunung" searched. Wherever the cursor was, the label goes."""
    combo = form.region_box
    combo.setCurrentIndex(0)  # its "none" entry
    edit = combo.lineEdit()
    assert edit is not None and edit.text() == "— pilih wilayah —"
    edit.setCursorPosition(0 if at_start else len(edit.text()))
    clipboard = QApplication.clipboard()
    clipboard.setText("Gunung")
    edit.paste()  # what the context menu's action triggers
    assert edit.text() == "Gunung"
    found = combo.completer().model()
    names = [str(found.index(r, 0).data()) for r in range(found.rowCount())]
    assert names and all("Gunung" in n for n in names), names
    drop(form)


def test_a_point_typed_in_one_field_fills_both_and_what_cannot_be_read_is_said(
    form: IncidentForm, qtbot: QtBot, store: Store
) -> None:
    """Lintang and Bujur take decimal degrees with a point or a comma; a pair typed into
    Lintang goes to both; a value it cannot read is refused beside the fields in one
    sentence, nothing is sent, the cursor waits in Lintang; a draft keeps it as typed."""
    form.latitude_edit.setFocus()
    qtbot.keyClicks(form.latitude_edit, "-1,6 103,6")
    qtbot.keyClick(form.latitude_edit, Qt.Key.Key_Tab)
    assert (form.latitude_edit.text(), form.longitude_edit.text()) == ("-1,6", "103,6")
    assert QApplication.focusWidget() is form.longitude_edit
    assert form.point() == (-1_600_000, 103_600_000)
    form.latitude_edit.clear()
    form.longitude_edit.clear()
    form.latitude_edit.setFocus()
    qtbot.keyClicks(form.latitude_edit, "-1.6, 103.6")
    qtbot.keyClick(form.latitude_edit, Qt.Key.Key_Tab)
    assert form.point() == (-1_600_000, 103_600_000)
    form.set_point(101.4012345, -2.05)  # a click on the map: longitude first, as GeoJSON
    assert (form.latitude_edit.text(), form.longitude_edit.text()) == ("-2,05", "101,401234")

    head = journal_head(store)
    form.longitude_edit.setText("103 BT")
    qtbot.keyClicks(form.title_edit, "Bentrokan di Siulak")
    form.save()
    assert form.errors["point"].text() == (
        "Titik koordinat tidak terbaca: tulis lintang lalu bujur dalam derajat desimal, "
        "mis. -1,6 dan 103,6."
    )
    assert form.errors["point"].isVisible() and form.isVisible()
    assert not form.writes.busy and journal_head(store) == head
    assert QApplication.focusWidget() is form.latitude_edit
    # Nothing typed is lost: a draft holds the point as typed, and brings it back.
    assert form.is_dirty()
    fields = form.fields()
    assert (fields["latitude"], fields["longitude"]) == ("-2,05", "103 BT")
    form.reset()
    assert not form.is_dirty() and form.latitude_edit.text() == ""
    form.set_fields(fields)
    assert (form.latitude_edit.text(), form.longitude_edit.text()) == ("-2,05", "103 BT")
    drop(form)


def test_the_core_refuses_an_incident_without_a_type(
    store: Store, tiny_operation: TinyOperation
) -> None:
    with pytest.raises(OpsError) as refused:
        incidents.record(
            store,
            ADMIN,
            IncidentDraft(
                operation_id=tiny_operation.operation_id,
                type_id=0,
                severity_id=code_of(store, Severity, "ringan"),
                title="Tanpa jenis",
                occurred_at=datetime(2024, 11, 23, 19, 0, tzinfo=UTC),
            ),
        )
    assert refused.value.data["field"] == "type_id"
    from opscenter.messages import describe

    assert describe(refused.value, "id") == "Jenis kejadian wajib diisi."
    assert describe(refused.value, "en") == "Incident type is required."


def completions(combo: QComboBox, qtbot: QtBot, typed: str) -> list[str]:
    edit = combo.lineEdit()
    assert edit is not None
    edit.clear()
    edit.setFocus()
    qtbot.keyClicks(edit, typed)
    completer = combo.completer()
    assert completer is not None
    model = completer.model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


@pytest.mark.parametrize("typed", ["kab. ker", "Kabupaten Ker", "KAB KERINCI", "kerinci"])
def test_the_region_search_knows_every_form_of_kabupaten(
    form: IncidentForm, qtbot: QtBot, typed: str
) -> None:
    # Shown as the incidents list shows it; found however it is typed.
    found = completions(form.region_box, qtbot, typed)
    assert found[0] == "Kab. Kerinci"
    assert all("Bungo" not in f for f in found)
    popup = form.region_box.completer().popup()
    assert popup.isVisible()  # the keyboard is the list's: Down, Enter choose from it
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.region_box.currentText() == "Kab. Kerinci"
    drop(form)


def test_kota_and_kabupaten_forms_both_ways(qtbot: QtBot) -> None:
    assert search_key("Kab. Kerinci") == search_key("Kabupaten  Kerinci") == "kab kerinci"
    assert search_key("Kotamadya Jambi") == search_key("Kota Jambi") == "kota jambi"
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["Kota Jambi", "Kabupaten Muaro Jambi", "Kota Sungai Penuh"])
    searchable(combo)
    combo.show()
    assert completions(combo, qtbot, "kodya jam") == ["Kota Jambi"]
    assert completions(combo, qtbot, "kab. muaro") == ["Kabupaten Muaro Jambi"]
    assert completions(combo, qtbot, "jambi") == ["Kota Jambi", "Kabupaten Muaro Jambi"]
    assert completions(combo, qtbot, "kota") == ["Kota Jambi", "Kota Sungai Penuh"]


# --- help ----------------------------------------------------------------------------------


def test_f1_opens_the_manual_and_ctrl_slash_the_shortcut_list(
    shown: MainWindow, qtbot: QtBot
) -> None:
    board = board_of(shown)
    focus_on(qtbot, shown, Tab.BOARD, board.tree_view)
    press(qtbot, board.tree_view, "F1")
    help_window = shown.findChild(HelpWindow)
    assert help_window is not None and help_window.isVisible()
    assert help_window.current_page() == MANUAL
    manual = help_window.browsers[MANUAL].toPlainText()
    assert "Panduan OpsCenter" in manual and "Mencatat kejadian" in manual
    press(qtbot, help_window.browsers[MANUAL], "Esc")
    assert not help_window.isVisible()

    shown.findChild(QAction, "shortcutsAction").trigger()  # type: ignore[union-attr]
    assert help_window.isVisible() and help_window.current_page() == SHORTCUTS
    listed = help_window.browsers[SHORTCUTS].toPlainText()
    cells = listed.replace("\n", "\t")
    for spec in actions.ACTIONS:  # every key of the registry, beside its action
        if spec.keys:
            assert f"{actions.plain(spec.text)}\t{actions.keys_text(spec.keys)}" in cells
    assert "Esc, Ctrl+W" in listed
    roles = help_window.browsers["roles"].toPlainText()
    assert "Anda masuk sebagai test, peran admin." in roles  # the window's account


def test_the_manual_describes_every_tab_and_the_list_has_the_map_s_keys() -> None:
    # The walk: F1 described the board through plotting, but not Kesiapan, Peta or Pantau
    # TPS; Ctrl+/ listed no key of the map, though +, - and the arrows work there.
    tabs = [
        s for s in actions.ACTIONS if s.keys and s.keys[0] in {f"Ctrl+{n}" for n in range(1, 8)}
    ]
    assert len(tabs) == 7
    manual = manual_markdown("id")
    for spec in tabs:  # the tab's name as the View menu has it ("Peta operasi": "**Peta")
        name = actions.plain(spec.text)
        assert any(
            name.startswith(line.split("**")[1]) and f"({spec.keys[0]})" in line
            for line in manual.splitlines()
            if line.startswith("- **")
        ), spec.name
    english = manual_markdown("en")
    for key in (f"(Ctrl+{n})" for n in range(1, 8)):
        assert key in english, key
    rows = {label: keys for _menu, label, keys in actions.shortcut_rows()}
    assert rows["Peta (fokus di peta): geser"] == "Left, Right, Up, Down"
    assert rows["Peta (fokus di peta): perbesar, perkecil, seluruh wilayah"] == "+, -, Home"


def test_the_manual_and_list_are_english_in_an_english_interface(qapp: QApplication) -> None:
    assert manual_markdown("en").startswith("# OpsCenter manual")
    help_window = HelpWindow(lang="en")
    try:
        assert "OpsCenter manual" in help_window.browsers[MANUAL].toPlainText()
        assert "log incidents" in help_window.browsers["roles"].toPlainText()
    finally:
        help_window.deleteLater()


def test_every_permission_is_described_in_indonesian() -> None:
    from opscenter.permissions import PERMISSIONS

    assert set(DESCRIPTIONS_ID) == set(PERMISSIONS)


def test_first_run_hints_can_be_dismissed_for_good(
    make_window: Callable[[], MainWindow], tiny_operation: TinyOperation
) -> None:
    first = make_window()
    first.show()
    assert first.hint_bar.isVisible() and "F1" in first.hint_bar.text.text()
    first.hint_bar.dismiss_button.click()
    assert not first.hint_bar.isVisible()
    assert settings.HINTS_DISMISSED.get() is True
    second = make_window()
    second.show()
    assert not second.hint_bar.isVisible()


def alt_clashes(window: MainWindow) -> list[str]:
    """Every field, box or button on a tab whose Alt letter is a menu of the menu bar's,
    each tab looked at shown, as the user meets it."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    menus = {
        mnemonic(a.text()) for a in window.menuBar().actions() if mnemonic(a.text()) is not None
    }
    tabs = window.findChild(QTabWidget)
    assert tabs is not None
    clashes: list[str] = []
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        page = tabs.widget(i)
        for w in [*page.findChildren(QLabel), *page.findChildren(QAbstractButton)]:
            letter = mnemonic(w.text())
            if letter in menus and w.isVisibleTo(page):
                clashes.append(f"{tabs.tabText(i)}: {w.text()!r}")
    return clashes


def alt_letters_taken_twice(window: QMainWindow) -> dict[str, list[str]]:
    """The Alt letters that two or more of a window's menu bar menus, field labels and
    buttons shown give (each with their texts): only one of them answers the key."""
    from PySide6.QtWidgets import QLabel

    owners: dict[str, list[str]] = {}
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [
        w.text()
        for w in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]
        if w.isVisibleTo(window)
    ]
    for text in texts:
        letter = mnemonic(text)
        if letter is not None:
            owners.setdefault(letter, []).append(text)
    return {k: v for k, v in owners.items() if len(v) > 1}


def test_the_plotting_window_gives_no_alt_letter_twice(qtbot: QtBot, jambi: Store) -> None:
    """Alt+P opened the Plotting menu and never reached "Pos pengamanan"'s table. In
    English: tests/ui/test_translations.py."""
    from ui.plotting_window import PlottingWindow

    plotting = PlottingWindow(jambi, actor=Actor("admin.uji", role="admin"))
    qtbot.addWidget(plotting)
    plotting.show()
    qtbot.waitUntil(lambda: not plotting.busy(), timeout=20_000)
    assert alt_letters_taken_twice(plotting) == {}
    # The posts table is reached by its label's letter.
    plotting.activateWindow()
    plotting.search.setFocus()
    qtbot.waitUntil(plotting.search.hasFocus)
    qtbot.keyClick(plotting.search, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert plotting.posts_view.hasFocus()


def test_every_menu_entry_has_an_alt_letter_of_its_own(window: MainWindow) -> None:
    """The walk: "Impor data…", "Laporan Situasi…" and "Kerawanan dan penebalan…" had no
    letter, and Tampilan gave M to both Muat ulang and Tema malam (the first one won)."""
    assert menu_letter_faults(window.menuBar()) == []


def test_no_tab_takes_a_menu_bars_alt_letter(qtbot: QtBot, window: MainWindow) -> None:
    """Alt+letter opens a menu of the menu bar; a field, box or button on a tab with the
    same letter made that key do one or the other (Alt+A on the map switched no layer on:
    it opened the Admin menu). In English: tests/ui/test_translations.py."""
    menus = {mnemonic(a.text()) for a in window.menuBar().actions()}
    assert {"b", "u", "t", "d", "l", "p", "a", "n"} <= menus  # Berkas .. Bantuan
    assert alt_clashes(window) == []
