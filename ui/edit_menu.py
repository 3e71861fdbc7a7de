"""The main window's "Ubah" menu: undo and redo, and the window-wide actions that bring up
the panel they need (a new incident, a follow-up, a unit's status, search, the readiness
judgement and forms, the reference lists, the voting-day watch steps).

Every action, its text and its keys come from ``ui.actions``; each is also on the window, so
its keys work whatever has the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from opscenter.permissions import permitted
from ui import actions
from ui.operation_page import Tab
from ui.translations import translator

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.operation_form import FormContext
    from ui.reference_lists_dialog import ListsDialog

_tr = translator("MainWindow")  # the window's menus


def install(window: MainWindow) -> None:
    """Add "&Ubah" to ``window``'s menu bar. The readiness judgement and forms only for the
    roles that may judge (``readiness.edit``; the tab shows to all); the watch steps for the
    roles that keep the reference lists (``reference.edit``)."""
    menu = window.menuBar().addMenu(_tr("&Ubah"))
    undo_stack = window.desk.undo_stack
    window.undo_action = actions.configure(
        undo_stack.createUndoAction(window, actions.text(actions.SPECS["undoAction"])),
        "undoAction",
    )
    window.redo_action = actions.configure(
        undo_stack.createRedoAction(window, actions.text(actions.SPECS["redoAction"])),
        "redoAction",
    )
    window.addActions([window.undo_action, window.redo_action])
    menu.addAction(window.undo_action)
    menu.addAction(window.redo_action)
    menu.addSeparator()

    def add(name: str, run: Callable[[], object], allowed: bool = True) -> QAction:
        """The registry's action ``name`` running ``run``; hidden and off unless ``allowed``."""
        action = actions.create(window, name)
        action.triggered.connect(lambda _checked=False: run())
        action.setVisible(allowed)
        action.setEnabled(allowed)
        menu.addAction(action)
        return action

    window.new_incident_action = add("newIncidentAction", lambda: new_incident(window))
    window.follow_up_action = add("followUpAction", lambda: add_follow_up(window))
    window.unit_status_action = add("unitStatusAction", lambda: change_unit_status(window))
    window.find_action = add("findAction", lambda: find_in_tab(window))
    may_edit = permitted(window.actor, "readiness.edit")
    window.readiness_judge_action = add(
        "readinessJudgeAction", lambda: judge_readiness(window), may_edit
    )
    # Issue 15: how a staff officer enters visits, budget and sarpras.
    for name, form in (
        ("readinessVisitsAction", "visits"),
        ("readinessBudgetAction", "budget"),
        ("readinessSarprasAction", "sarpras"),
    ):
        add(name, partial(open_readiness_form, window, form), may_edit)
    window.readiness_lists_action = add(
        "readinessListsAction", lambda: open_readiness_lists(window), may_edit
    )
    # Issue 18: the watch's steps and deadlines.
    may_keep = permitted(window.actor, "reference.edit")
    window.watch_steps_action = add("watchStepsAction", lambda: open_watch_steps(window), may_keep)


def new_incident(window: MainWindow) -> None:
    """Ctrl+N from anywhere: the incidents tab, and the new-incident form on it."""
    window.on_tab(Tab.INCIDENTS, lambda page: page.incidents, lambda p: p.new_incident())


def add_follow_up(window: MainWindow) -> None:
    """Ctrl+T: the follow-up entry of the selected incident (the incidents tab)."""
    window.on_tab(Tab.INCIDENTS, lambda page: page.incidents, lambda p: p.focus_follow_up())


def change_unit_status(window: MainWindow) -> None:
    """F2: the status of the unit selected on the board (the board tab); on the readiness
    tab, the judgement of the chosen cell."""
    if not window.on_shown_tab(
        Tab.READINESS, lambda page: page.readiness, lambda p: p.judge_selected()
    ):
        window.on_tab(Tab.BOARD, lambda page: page.board, lambda p: p.change_status())


def judge_readiness(window: MainWindow) -> None:
    """Ctrl+K: the judgement form of the cell chosen on the readiness tab."""
    window.on_tab(Tab.READINESS, lambda page: page.readiness, lambda p: p.judge_selected())


def find_in_tab(window: MainWindow) -> None:
    """Ctrl+F: the search box of the tab shown (the board's on other tabs)."""
    if not window.on_shown_tab(
        Tab.INCIDENTS, lambda page: page.incidents, lambda p: p.focus_search()
    ):
        window.on_tab(Tab.BOARD, lambda page: page.board, lambda p: p.focus_search())


def open_readiness_form(window: MainWindow, form: str, units: Sequence[int] | None = None) -> None:
    """A readiness form ("visits", "budget", "sarpras") for the unit chosen on the Kesiapan
    tab; opened from the board, for the unit selected there (or the nearest unit above it
    that the matrix lists: a Polsek's Polres). It offers the matrix's units, so it waits for
    the tab's first read. The form opened is kept as ``window.readiness_form`` (tests)."""
    if window.overview is None:
        return
    if units is None:
        units = board_selection(window)
    window.operation_page.show_tab(Tab.READINESS)
    panel = window.operation_page.readiness
    if panel is not None and not panel.loaded():  # the tab's first read: open after it

        def again() -> None:
            panel.read_shown.disconnect(again)
            open_readiness_form(window, form, units)

        panel.read_shown.connect(again)
        return
    if panel is not None and units:
        panel.select_unit(units)
    from ui import readiness_forms  # loaded when first opened, with the Kesiapan tab's panel

    desk = window.desk
    dialog = readiness_forms.open_form(
        window,
        form,
        panel,
        desk.store,
        desk.actor,
        desk.undo_stack,
        desk.clock,
        window.feed.changed,
    )
    if dialog is None:
        window.statusBar().showMessage(
            _tr("Matriks kesiapan belum termuat; coba lagi sebentar."), 5000
        )
    window.readiness_form = dialog  # the last one opened


def board_selection(window: MainWindow) -> list[int]:
    """The unit selected on the board and the units above it, nearest first, when the board
    is the tab shown (empty otherwise: the Kesiapan tab's own choice stands)."""
    page = window.operation_page
    board = page.board
    if board is None or page.tabs.currentIndex() != Tab.BOARD:
        return []
    return board.selected_line()


def open_readiness_lists(
    window: MainWindow, kind: Callable[[FormContext], ListsDialog] | None = None
) -> None:
    """The operation's readiness aspects and sarpras categories, to edit (``kind``: the
    voting-day watch steps, ``open_watch_steps``), kept as ``window.readiness_lists``."""
    overview = window.overview
    if overview is None:
        return
    from ui.readiness_lists_dialog import open_lists  # loaded when first asked for

    desk = window.desk
    window.readiness_lists = open_lists(
        window,
        desk.store,
        desk.actor,
        overview.operation_id,
        desk.undo_stack,
        desk.clock,
        window.feed.changed,
        kind,
    )


def open_watch_steps(window: MainWindow) -> None:
    """The operation's voting-day watch steps and their deadlines, to edit."""
    from ui.watch_steps_dialog import WatchStepsDialog  # loaded when first asked for

    open_readiness_lists(window, WatchStepsDialog)
