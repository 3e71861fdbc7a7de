"""The main window: a shell of menus, status bar and pages around the operation's panels.

Its menus come from their own modules (``ui.edit_menu``, ``ui.view_menu``, ``ui.help_menu``
and the features' ``ui.*_menu``); the overview it shows is read by ``ui.overview_refresh``,
its status bar is ``ui.status_line``, the reports left unsaved at the last session are
offered by ``ui.drafts_offer``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from opscenter.actor import Actor
from opscenter.clock import Clock
from opscenter.clock import now as operation_now
from opscenter.errors import NoOperation, OpsError
from opscenter.live import WHOLE_ROW, JournalChanges
from opscenter.overview import Overview
from opscenter.store import Store
from ui import (
    actions,
    audit_menu,
    connection_dialog,
    data_menu,
    drafts_offer,
    edit_menu,
    help_menu,
    help_window,
    planning_menu,
    replication_view,
    settings,
    sitrep_menu,
    status_line,
    view_menu,
)
from ui.confirm import confirm
from ui.desk import Desk
from ui.empty_state import EmptyState
from ui.live import ChangeFeed
from ui.operation_page import OperationPage, Tab
from ui.overview_refresh import OverviewRefresh
from ui.problem_banner import ProblemBanner
from ui.screen_fit import fit_to_screen, remember_place
from ui.translations import interface_language
from ui.unsaved import may_close

if TYPE_CHECKING:  # the wall (and pyqtgraph, which it draws with) loads when first shown
    from ui.operation_form import FormContext
    from ui.reference_lists_dialog import ListsDialog
    from ui.wall_board import WallBoard

log = logging.getLogger(__name__)

# The size the window opens at where the screen has room (else maximised: ``show_fitted``).
PREFERRED_SIZE = QSize(1600, 900)
# The header clock; also notices local midnight, when the date, stage and H-n move on.
CLOCK_TICK_MS = 5_000

P = TypeVar("P")  # a panel of the operation page


class MainWindow(QMainWindow):
    """Shows the operation in ``store`` and follows its changes.

    ``clock`` gives the current time (UTC-aware); tests and screenshots pass a fixed one.
    ``lang`` defaults to the process's language (``ui.translations.interface_language``).
    """

    refreshed = Signal()  # after each refresh, whether it showed data, the empty state or an error
    overview_shown = Signal(object)  # each Overview as it is shown (the wall's summary follows)

    # The menus' actions, made by the module of each menu.
    quit_action: QAction
    undo_action: QAction  # ui.edit_menu
    redo_action: QAction
    new_incident_action: QAction
    follow_up_action: QAction
    unit_status_action: QAction
    find_action: QAction
    readiness_judge_action: QAction
    readiness_lists_action: QAction
    watch_steps_action: QAction
    reload_action: QAction  # ui.view_menu
    tab_actions: list[QAction]
    wall_action: QAction
    night_action: QAction
    larger_text_action: QAction
    smaller_text_action: QAction
    text_size_reset_action: QAction
    language_actions: dict[str, QAction]
    manual_action: QAction  # ui.help_menu
    shortcuts_action: QAction
    about_action: QAction
    # The last readiness form and lists dialog opened (``ui.edit_menu``; tests).
    readiness_form: QDialog | None
    readiness_lists: QDialog | None

    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        lang: str | None = None,
        clock: Clock = operation_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        lang = lang or interface_language()
        # Before any child exists: children take their locale (dates, 1.234) from here.
        self.setLocale(QLocale(lang))
        self._store = store
        self._lang = lang
        # One history of edits for the whole window: Ctrl+Z undoes the last, whichever panel.
        self.undo_stack = QUndoStack(self)
        self._clock = clock
        self._overview: Overview | None = None
        self.setWindowTitle("OpsCenter")
        fit_to_screen(self, PREFERRED_SIZE)  # never bigger than the screen's free area
        self._drafts_offered = False
        self._quit_confirmed = False  # Keluar was answered: the close asks no more

        # Who acts from this window and everything it opens: the account that logged in
        # (``ui.login_dialog.ask_login``), passed on to every dialog, window and worker.
        self.actor = actor
        self.desk = Desk(store, self.actor, self.undo_stack, clock)
        self.operation_page = OperationPage(self.desk, parent=self)
        self.wall: WallBoard | None = None
        self.empty_state = EmptyState(self)
        self.empty_state.show_database(store.describe())
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.operation_page)
        self.pages.addWidget(self.empty_state)

        # Shown when a refresh fails: the figures below are then older than they look.
        self.problem_banner = ProblemBanner(self)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # In the header, beside the operation's name: on a 768 px laptop a strip of its own
        # would push the panels' last rows off the screen. Hidden unless the clock is simulated.
        self.exercise_banner = self.operation_page.header.exercise_banner
        column.addWidget(self.problem_banner)
        # First run: where to start, in the menu bar's free corner (no height of its own).
        self.hint_bar = help_window.HintBar(self)
        self.menuBar().setCornerWidget(self.hint_bar, Qt.Corner.TopRightCorner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.updated_label = status_line.install(self, store)

        self.feed = ChangeFeed(store, self)
        self._overview_refresh = OverviewRefresh(
            store,
            clock=clock,
            lang=lang,
            shown=lambda: self._overview,
            show=self._show_overview,
            parent=self,
        )
        self._overview_refresh.follow(self.feed.changed)
        self.operation_page.follow(self.feed.changed)
        self.feed.connection_changed.connect(self._connection_changed)
        # "Diperbarui": this window's changes and other workstations' alike come through the
        # feed; a status change alone moves no figure of the overview, which is not read again.
        self._updated_at: datetime | None = None
        self.feed.changed.connect(self._caught_up)
        replication_view.install_label(self, store)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_TICK_MS)
        self._clock_timer.timeout.connect(self.tick)
        self._clock_timer.start()

        self.refresh()

    def _build_menus(self) -> None:
        """Berkas, Ubah, Tampilan; then each feature's menu (Data, Laporan, Perencanaan, and
        Admin for the roles that may use it, just before Bantuan, which stays last). Every
        action, its text and its keys come from ``ui.actions``."""
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        self.quit_action = actions.create(self, "quitAction")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_asked)
        file_menu.addAction(self.quit_action)
        edit_menu.install(self)
        view_menu.install(self, self._lang)
        last = help_menu.install(self)  # Bantuan, moved back to the end below
        connection_dialog.install(self, self._lang)  # Berkas > Sambungan basis data…
        store, lang = self._store, self._lang
        data_menu.install(self, self.actor, store=store, lang=lang)
        sitrep_menu.install(self, self.actor, store=store, clock=self._clock, lang=lang)
        planning_menu.install(self, self.actor, store=store)
        bar = self.menuBar()
        bar.removeAction(last.menuAction())
        bar.addAction(last.menuAction())
        audit_menu.install(self, self.actor, store=store, lang=lang)

    # -- showing ----------------------------------------------------------------------------

    @property
    def overview(self) -> Overview | None:
        """The snapshot on screen (None while the database holds no operation)."""
        return self._overview

    def refresh(self) -> None:
        """Read the operation again and show it (start-up, F5, local midnight).

        The quick part (names, stages, counts) is read and shown at once; the strength
        figures, about a second of work at national scale, come from a background job
        (``refresh_later``), as after every change in the store.
        """
        self._overview_refresh.refresh()

    def refresh_later(self, entities: Collection[str] = (WHOLE_ROW,)) -> None:
        """Build the whole overview off the GUI thread; a burst of changes is one more pass,
        not one each (``refreshed`` is emitted once it is shown). ``entities``: what changed
        since the last overview; the strength inputs they do not move are reused."""
        self._overview_refresh.refresh_later(entities)

    def busy(self) -> bool:
        """Background work under way: the overview's strength, the board's figures, the slices
        of a burst, a panel's read (stages, incidents, readiness, map, TPS watch) or a watch
        entry being saved (a screenshot or a benchmark waits for the picture to settle)."""
        page = self.operation_page
        reading = (page.stages, page.incidents, page.map)
        return (
            self._overview_refresh.running
            or (page.board is not None and page.board.busy())
            or (page.readiness is not None and page.readiness.busy())
            or (page.watch is not None and page.watch.busy())
            or any(panel is not None and panel.live.reading for panel in reading)
        )

    def _show_overview(
        self, result: Overview | OpsError | None, now: datetime, final: bool = True
    ) -> None:
        """Show what ``ui.overview_refresh`` read (None: nothing new, a bug it logged)."""
        if isinstance(result, NoOperation):
            self._overview = None
            self._updated_at = None
            self.setWindowTitle("OpsCenter")
            self.pages.setCurrentWidget(self.empty_state)
            self.problem_banner.hide()
        elif isinstance(result, OpsError):
            # Keep the last figures on screen, but say plainly that they are not current.
            log.warning("refresh failed: %s", result)
            # While the server is away the outage banner says so already; a read that failed
            # in the same outage (its failure often arrives just after) must not replace it.
            if self.feed.connected:
                self.problem_banner.show_failure(result, self._lang)
        elif result is not None:
            snapshot = result
            if not snapshot.strength_loaded and self._overview is not None:
                # F5 on a shown operation: keep the strength on screen until the new one.
                old = self._overview
                snapshot = replace(
                    snapshot,
                    police_required=old.police_required,
                    police_available=old.police_available,
                    strength=old.strength,
                    strength_loaded=old.strength_loaded,
                )
            self._overview = snapshot
            self.setWindowTitle(self.tr("OpsCenter — {name}").format(name=snapshot.name))
            self.operation_page.show_overview(snapshot)
            self.overview_shown.emit(snapshot)
            self.pages.setCurrentWidget(self.operation_page)
            self.problem_banner.hide()
            self._show_time(now)
            self._show_updated(now)
        if final:
            self.refreshed.emit()

    def _caught_up(self, _changes: JournalChanges) -> None:
        self._show_updated(self._clock())

    def _show_updated(self, now: datetime) -> None:
        """The status bar's "Diperbarui": what is shown is as the database was at ``now``
        (an overview read, or the journal's changes read then). Never back: an overview job
        started before a change it did not wait for lands after it."""
        if self._overview is None or (self._updated_at is not None and now < self._updated_at):
            return
        self._updated_at = now
        status_line.show_updated(self.updated_label, self._local(now), self._overview.timezone)

    def _connection_changed(self, connected: bool) -> None:
        """The server went away (the picture is stale) or came back (catch up at once)."""
        if connected:
            self.problem_banner.hide()
            self.refresh()
            return
        self.problem_banner.show_outage(self._local(self._clock()))

    def _local(self, now: datetime) -> datetime:
        zone = ZoneInfo(self._overview.timezone) if self._overview else None
        return now.astimezone(zone)

    def _show_time(self, now: datetime) -> None:
        if self._overview is not None:
            self.operation_page.show_time(self._local(now), self._overview.timezone)

    def tick(self) -> None:
        """The clock timer: update the time shown; after local midnight, refresh."""
        now = self._clock()
        if self._overview is not None and self._local(now).date() != self._overview.today:
            self.reload()  # a new day: the stage, the H-n count and the figures move on
        else:
            self._show_time(now)

    def reload(self) -> None:
        """F5: read everything again (a new query for every panel)."""
        self.refresh()
        self.operation_page.reload()

    def show_wall(self) -> None:
        """The video wall: large type, read-only, panels tiled or cycling; F11/Esc leaves."""
        overview = self._overview
        if overview is None:
            return
        from ui.wall_board import build_wall

        if self.wall is not None:
            self.wall.close()
        wall = self.wall = build_wall(self._store, overview, clock=self._clock)
        # Esc or F11 closes and deletes it (ui.wall): then there is no wall to refer to.
        wall.destroyed.connect(lambda: self._forget_wall(wall))
        self.attach_wall(wall)
        wall.showFullScreen()
        wall.activateWindow()  # the keys that leave it go to it

    def _forget_wall(self, wall: WallBoard) -> None:
        if self.wall is wall:
            self.wall = None

    def attach_wall(self, wall: WallBoard) -> None:
        """The wall's panels follow the journal; its summary shows this window's overview
        (computed off the GUI thread here, once, for both)."""
        wall.follow(self.feed.changed)
        self.overview_shown.connect(wall.summary.show_overview)

    # -- bringing up a panel (the window-wide actions of ``ui.edit_menu``) ------------------

    def on_tab(
        self, tab: Tab, panel: Callable[[OperationPage], P | None], act: Callable[[P], object]
    ) -> None:
        """Show ``tab`` and ``act`` on its ``panel`` (nothing without an operation, or while
        the panel is not built)."""
        if self._overview is None:
            return
        self.operation_page.show_tab(tab)
        shown = panel(self.operation_page)
        if shown is not None:
            act(shown)

    def on_shown_tab(
        self, tab: Tab, panel: Callable[[OperationPage], P | None], act: Callable[[P], object]
    ) -> bool:
        """``act`` on ``tab``'s ``panel`` if that tab is the one shown; False if it is not
        (or there is no operation, or no panel), for the key's other use."""
        if self._overview is None or self.operation_page.tabs.currentIndex() != tab:
            return False
        shown = panel(self.operation_page)
        if shown is None:
            return False
        act(shown)
        return True

    def new_incident(self) -> None:
        """Ctrl+N from anywhere: the incidents tab, and the new-incident form on it."""
        edit_menu.new_incident(self)

    def open_readiness_lists(
        self, kind: Callable[[FormContext], ListsDialog] | None = None
    ) -> None:
        """The operation's readiness aspects and sarpras categories, to edit (``kind``: the
        voting-day watch steps)."""
        edit_menu.open_readiness_lists(self, kind)

    # -- nothing typed is lost ---------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._drafts_offered:  # once, when the window first appears
            self._drafts_offered = True
            QTimer.singleShot(0, self, lambda: drafts_offer.offer_drafts(self))

    def _editors_closed(self) -> bool:
        """Close the open dialogs and windows of this one, each asking about its unsaved
        input; then the follow-up being typed. False when the user chose to go back."""
        for widget in self.findChildren(QWidget):
            if widget.isWindow() and widget.isVisible() and widget is not self:
                widget.close()
                if widget.isVisible():
                    return False
        panel = self.operation_page.incidents
        return panel is None or may_close(
            panel.detail,
            self,
            self.tr("Tindak lanjut yang diketik belum disimpan."),
            writes=panel.writes,
        )

    def may_quit(self) -> bool:
        """Ask before the window closes for good (the walk: Alt+B in the import dialog had
        become the Berkas menu, and the path typed on reached "k", Keluar). Batal is the
        default, and Keluar has no letter of its own, so neither Enter nor more typing quits."""
        return confirm(
            self,
            self.tr("Keluar dari OpsCenter?"),
            self.tr("Keluar dari OpsCenter?"),
            self.tr("Keluar"),
            self.tr(
                "Papan, peta dan pantauan berhenti diperbarui di layar ini; data yang tersimpan "
                "tetap di basis data."
            ),
        )

    def quit_asked(self) -> None:
        """Berkas › Keluar and Ctrl+Q: close once the user said so."""
        if self.may_quit():
            self._quit_confirmed = True
            self.close()
            self._quit_confirmed = False  # closing was refused (unsaved input): ask again

    def closeEvent(self, event: QCloseEvent) -> None:
        # The title bar's close (and Alt+F4) asks too; a close() from the program (the tests,
        # ``ui.app`` at the end of a session) does not.
        if event.spontaneous() and not self._quit_confirmed and not self.may_quit():
            event.ignore()
            return
        if not self._editors_closed():
            event.ignore()
            return
        remember_place(self, settings.MAIN_WINDOW_GEOMETRY)
        self.feed.stop()
        self._clock_timer.stop()
        if self.wall is not None:  # it would otherwise keep the application running
            self.wall.close()
        super().closeEvent(event)
