"""The main window: a shell of menus, status bar and pages around the operation's panels."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import opscenter
from opscenter import overview as overview_mod
from opscenter.actor import Actor
from opscenter.clock import now as operation_now
from opscenter.drafts import draft_key
from opscenter.errors import NoOperation, OpsError
from opscenter.live import WHOLE_ROW, JournalChanges
from opscenter.operations import zone_label
from opscenter.overview import Overview
from opscenter.permissions import permitted
from opscenter.progress import CancelToken, Progress
from opscenter.store import Store
from ui import (
    actions,
    audit_view,
    connection_dialog,
    data_menu,
    help_window,
    planning_menu,
    readiness_forms,
    replication_view,
    settings,
    sitrep_menu,
    theme,
)
from ui.desk import Desk
from ui.empty_state import EmptyState
from ui.error_dialog import sentence_for
from ui.live import ChangeFeed
from ui.night import apply_night
from ui.operation_page import OperationPage, Tab
from ui.screen_fit import fit_to_screen
from ui.translations import interface_language
from ui.unsaved import drafts_box, may_close
from ui.worker import start_job

if TYPE_CHECKING:  # the wall (and pyqtgraph, which it draws with) loads when first shown
    from ui.operation_form import FormContext
    from ui.reference_lists_dialog import ListsDialog
    from ui.wall_board import WallBoard

log = logging.getLogger(__name__)

# The size the window opens at where the screen has room (else maximised: ``show_fitted``).
PREFERRED_SIZE = QSize(1600, 900)
# The header clock; also notices local midnight, when the date, stage and H-n move on.
CLOCK_TICK_MS = 5_000

Clock = Callable[[], datetime]
P = TypeVar("P")  # a panel of the operation page


class MainWindow(QMainWindow):
    """Shows the operation in ``store`` and follows its changes.

    ``clock`` gives the current time (UTC-aware); tests and screenshots pass a fixed one.
    ``lang`` defaults to the process's language (``ui.translations.interface_language``).
    """

    refreshed = Signal()  # after each refresh, whether it showed data, the empty state or an error
    overview_shown = Signal(object)  # each Overview as it is shown (the wall's summary follows)

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
        self._overview_running = False  # a background overview job is under way
        self._overview_again = False  # and something changed since it started
        self._overview_changed: set[str] = set()  # entities changed since the last overview
        self.setWindowTitle("OpsCenter")
        fit_to_screen(self, PREFERRED_SIZE)  # never bigger than the screen's free area
        self._drafts_offered = False

        # Who acts from this window and everything it opens: the account that logged in
        # (``ui.login_dialog.ask_login``), passed on to every dialog, window and worker.
        self.actor = actor
        self.operation_page = OperationPage(
            Desk(store, self.actor, self.undo_stack, clock), parent=self
        )
        self.wall: WallBoard | None = None
        self.empty_state = EmptyState(self)
        self.empty_state.show_database(store.describe())
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.operation_page)
        self.pages.addWidget(self.empty_state)

        # Shown when a refresh fails: the figures below are then older than they look.
        self.problem_banner = QLabel(self)
        self.problem_banner.setObjectName("problemBanner")
        self.problem_banner.setWordWrap(True)
        self.problem_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_banner.setFont(theme.scaled_font(self, 1.1, bold=True))
        self.problem_banner.setStyleSheet(
            f"background: {theme.ALERT_BG.name()}; color: {theme.DEFICIT.name()};"
            f" border-bottom: 2px solid {theme.DEFICIT.name()}; padding: 10px 24px;"
        )
        self.problem_banner.hide()

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
        self._install_features()
        self._build_status_bar()

        self.feed = ChangeFeed(store, self)
        self.feed.changed.connect(self._changes_arrived)
        self.operation_page.follow(self.feed.changed)
        self.feed.connection_changed.connect(self._connection_changed)
        replication_view.install_label(self, store)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_TICK_MS)
        self._clock_timer.timeout.connect(self.tick)
        self._clock_timer.start()

        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        """The shell's menus; every action, its text and its keys come from ``ui.actions``."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Berkas"))
        self.quit_action = actions.create(self, "quitAction")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Ubah"))
        self.undo_action = actions.configure(
            self.undo_stack.createUndoAction(self, actions.text(actions.SPECS["undoAction"])),
            "undoAction",
        )
        self.redo_action = actions.configure(
            self.undo_stack.createRedoAction(self, actions.text(actions.SPECS["redoAction"])),
            "redoAction",
        )
        self.addActions([self.undo_action, self.redo_action])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.new_incident_action = actions.create(self, "newIncidentAction")
        self.new_incident_action.triggered.connect(self.new_incident)
        self.follow_up_action = actions.create(self, "followUpAction")
        self.follow_up_action.triggered.connect(self.add_follow_up)
        self.unit_status_action = actions.create(self, "unitStatusAction")
        self.unit_status_action.triggered.connect(self.change_unit_status)
        self.find_action = actions.create(self, "findAction")
        self.find_action.triggered.connect(self.find_in_tab)
        for action in (
            self.new_incident_action,
            self.follow_up_action,
            self.unit_status_action,
            self.find_action,
        ):
            edit_menu.addAction(action)
        # Only for the roles that may judge (``readiness.edit``); the tab shows to all.
        self.readiness_judge_action = actions.create(self, "readinessJudgeAction")
        self.readiness_judge_action.triggered.connect(self.judge_readiness)
        self.readiness_judge_action.setVisible(permitted(self.actor, "readiness.edit"))
        self.readiness_judge_action.setEnabled(permitted(self.actor, "readiness.edit"))
        edit_menu.addAction(self.readiness_judge_action)
        # Issue 15: how a staff officer enters visits, budget and sarpras (``readiness.edit``).
        may_edit = permitted(self.actor, "readiness.edit")
        for name, form in (
            ("readinessVisitsAction", "visits"),
            ("readinessBudgetAction", "budget"),
            ("readinessSarprasAction", "sarpras"),
        ):
            action = actions.create(self, name)
            action.triggered.connect(lambda _c=False, f=form: self.open_readiness_form(f))
            action.setVisible(may_edit)
            action.setEnabled(may_edit)
            edit_menu.addAction(action)
        self.readiness_lists_action = actions.create(self, "readinessListsAction")
        self.readiness_lists_action.triggered.connect(lambda: self.open_readiness_lists())
        self.readiness_lists_action.setVisible(may_edit)
        self.readiness_lists_action.setEnabled(may_edit)
        edit_menu.addAction(self.readiness_lists_action)
        # Issue 18: the watch's steps and deadlines, for the roles that keep the reference lists.
        may_keep = permitted(self.actor, "reference.edit")
        self.watch_steps_action = actions.create(self, "watchStepsAction")
        self.watch_steps_action.triggered.connect(self.open_watch_steps)
        self.watch_steps_action.setVisible(may_keep)
        self.watch_steps_action.setEnabled(may_keep)
        edit_menu.addAction(self.watch_steps_action)

        view_menu = bar.addMenu(self.tr("&Tampilan"))
        self.view_menu = view_menu
        self.reload_action = actions.create(self, "reloadAction")
        self.reload_action.triggered.connect(self.reload)
        view_menu.addAction(self.reload_action)
        view_menu.addSeparator()
        self.tab_actions: list[QAction] = []
        for tab, name in (
            (Tab.BOARD, "boardTabAction"),
            (Tab.STRENGTH, "strengthTabAction"),
            (Tab.STAGES, "stagesTabAction"),
            (Tab.INCIDENTS, "incidentsTabAction"),
            (Tab.READINESS, "readinessTabAction"),
            (Tab.MAP, "mapTabAction"),
            (Tab.WATCH, "watchTabAction"),
        ):
            action = actions.create(self, name)
            action.triggered.connect(lambda _c=False, t=tab: self.operation_page.show_tab(t))
            view_menu.addAction(action)
            self.tab_actions.append(action)
        view_menu.addSeparator()
        self.wall_action = actions.create(self, "wallAction")
        self.wall_action.triggered.connect(self.show_wall)
        view_menu.addAction(self.wall_action)
        self.night_action = actions.create(self, "nightAction", checkable=True)
        self.night_action.toggled.connect(self.set_night)
        # The saved choice goes through set_night, which applies it and ticks the action
        # (ticking it before connecting showed night ticked over a day look).
        self.set_night(settings.NIGHT.get())
        view_menu.addAction(self.night_action)
        language_menu = view_menu.addMenu(self.tr("&Bahasa"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, label in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(label, self, checkable=True)  # each in its own language
            action.setChecked(code == self._lang)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("Ba&ntuan"))
        self.help_menu = help_menu
        self.manual_action = actions.create(self, "manualAction")
        self.manual_action.triggered.connect(lambda: self.show_help())
        self.shortcuts_action = actions.create(self, "shortcutsAction")
        self.shortcuts_action.triggered.connect(lambda: self.show_help(help_window.SHORTCUTS))
        self.about_action = actions.create(self, "aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.manual_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _install_features(self) -> None:
        """Each feature adds its own menu (Data, Laporan, Perencanaan, and Admin for the
        roles that may use it, just before Bantuan, which stays last)."""
        connection_dialog.install(self)  # Berkas > Sambungan basis data…
        for install in (data_menu.install, sitrep_menu.install, planning_menu.install):
            install(self, self.actor)
        bar = self.menuBar()
        bar.removeAction(self.help_menu.menuAction())
        bar.addAction(self.help_menu.menuAction())
        audit_view.install(self, self.actor)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.database_label = QLabel(
            self.tr("Basis data: {url}").format(url=self._store.describe())
        )
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)
        self.updated_label = QLabel()
        self.updated_label.setObjectName("updatedLabel")
        self.version_label = QLabel(
            self.tr("OpsCenter {version}").format(version=opscenter.__version__)
        )
        self.version_label.setObjectName("versionLabel")
        for label in (self.database_label, self.updated_label, self.version_label):
            label.setContentsMargins(8, 2, 8, 2)
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.updated_label)
        status.addPermanentWidget(self.version_label)

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
        now = self._clock()
        try:
            with self._store.read() as session:
                snapshot = overview_mod.build(session, now=now, strength=False, lang=self._lang)
        except OpsError as exc:
            self._show_overview(exc, now)
            return
        self._show_overview(snapshot, now, final=False)
        self.refresh_later({WHOLE_ROW})

    def _changes_arrived(self, changes: JournalChanges) -> None:
        moved = overview_mod.moved_entities(changes)
        if moved:  # not for a burst of unit statuses alone
            self.refresh_later(moved)

    def busy(self) -> bool:
        """Background work under way: the overview's strength, the board's figures, the slices
        of a burst, a panel's read (stages, incidents, readiness, map, TPS watch) or a watch
        entry being saved (a screenshot or a benchmark waits for the picture to settle)."""
        page = self.operation_page
        reading = (page.stages, page.incidents, page.map)
        return (
            self._overview_running
            or (page.board is not None and page.board.busy())
            or (page.readiness is not None and page.readiness.busy())
            or (page.watch is not None and page.watch.busy())
            or any(panel is not None and panel.live.reading for panel in reading)
        )

    def refresh_later(self, entities: Collection[str] = (WHOLE_ROW,)) -> None:
        """Build the whole overview off the GUI thread; a burst of changes is one more pass,
        not one each (``refreshed`` is emitted once it is shown). ``entities``: what changed
        since the last overview; the strength inputs they do not move are reused."""
        self._overview_changed.update(entities)
        if self._overview_running:
            self._overview_again = True
            return
        self._overview_running = True
        store, now, lang = self._store, self._clock(), self._lang
        changed, self._overview_changed = self._overview_changed, set()
        reuse = self._overview if self._overview and self._overview.strength_loaded else None

        def job(_progress: Progress, cancel: CancelToken) -> Overview:
            with store.read() as session:
                cancel.check()
                return overview_mod.build(session, now=now, reuse=reuse, changed=changed, lang=lang)

        start_job(
            job,
            parent=self,
            on_success=lambda snapshot: self._overview_done(snapshot, now),
            on_failure=lambda error: self._overview_done(error, now),
        )

    def _overview_done(self, result: Overview | BaseException, now: datetime) -> None:
        self._overview_running = False
        if not isinstance(result, Overview):
            self._overview_changed.add(WHOLE_ROW)  # the next one reads everything again
        if isinstance(result, Overview | OpsError):
            self._show_overview(result, now)
        else:  # a bug: logged in full by the worker; keep what is shown
            self.refreshed.emit()
        if self._overview_again:
            self._overview_again = False
            self.refresh_later(())  # what changed meanwhile: show this one, then the newer one

    def _show_overview(
        self, result: Overview | OpsError, now: datetime, final: bool = True
    ) -> None:
        if isinstance(result, NoOperation):
            self._overview = None
            self.setWindowTitle("OpsCenter")
            self.pages.setCurrentWidget(self.empty_state)
            self.problem_banner.hide()
        elif isinstance(result, OpsError):
            # Keep the last figures on screen, but say plainly that they are not current.
            log.warning("refresh failed: %s", result)
            # While the server is away the outage banner says so already; a read that failed
            # in the same outage (its failure often arrives just after) must not replace it.
            if self.feed.connected:
                self.problem_banner.setText(
                    self.tr("Data tidak dapat dimuat ulang: {reason}").format(
                        reason=sentence_for(result, self._lang)
                    )
                )
                self.problem_banner.show()
        else:
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
            local = self._local(now)
            self.updated_label.setText(
                self.tr("Diperbarui {time} {zone}").format(
                    time=local.strftime("%H:%M:%S"), zone=zone_label(snapshot.timezone)
                )
            )
        if final:
            self.refreshed.emit()

    def _connection_changed(self, connected: bool) -> None:
        """The server went away (the picture is stale) or came back (catch up at once)."""
        if connected:
            self.problem_banner.hide()
            self.refresh()
            return
        local = self._local(self._clock())
        self.problem_banner.setText(
            self.tr(
                "Koneksi ke server basis data terputus sejak {time}. Data di layar mungkin sudah "
                "usang; OpsCenter menyambung kembali sendiri. Perubahan ditolak sampai pulih."
            ).format(time=local.strftime("%H:%M"))
        )
        self.problem_banner.show()

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

    def set_night(self, on: bool) -> None:
        """Night theme on or off: the look, the menu's tick and the saved setting together,
        whoever asks (the menu, Ctrl+Shift+N, the start)."""
        settings.NIGHT.set(on)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_night(app, on)
        if self.night_action.isChecked() != on:
            self.night_action.setChecked(on)  # comes back here with the same value: a no-op

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

    def choose_language(self, code: str) -> None:
        """Remember the interface language; every panel takes it at the next start."""
        settings.LANGUAGE.set(code)
        if code != self._lang:
            QMessageBox.information(
                self,
                self.tr("Bahasa"),
                self.tr("Bahasa tampilan berganti saat OpsCenter dibuka kembali.")
                if code == "id"
                else "The interface language changes when OpsCenter is next opened.",
            )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Tentang OpsCenter"),
            self.tr(
                "OpsCenter {version}\n\n"
                "Aplikasi pusat komando pengamanan Pilkada Serentak 2024 "
                "(Operasi Mantap Praja).\n\nBasis data: {url}\n\n"
                "Kode dan batas wilayah administrasi: cahyadsn/wilayah dan "
                "cahyadsn/wilayah_boundaries (Kepmendagri 2025), lisensi MIT, "
                "Copyright (c) Cahya DSN."
            ).format(version=opscenter.__version__, url=self._store.describe()),
        )

    # -- the window-wide actions (``ui.actions``): each brings up the panel it needs ---------

    def _on_tab(
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

    def _on_shown_tab(
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
        self._on_tab(Tab.INCIDENTS, lambda page: page.incidents, lambda p: p.new_incident())

    def add_follow_up(self) -> None:
        """Ctrl+T: the follow-up entry of the selected incident (the incidents tab)."""
        self._on_tab(Tab.INCIDENTS, lambda page: page.incidents, lambda p: p.focus_follow_up())

    def change_unit_status(self) -> None:
        """F2: the status of the unit selected on the board (the board tab); on the
        readiness tab, the judgement of the chosen cell."""
        if not self._on_shown_tab(
            Tab.READINESS, lambda page: page.readiness, lambda p: p.judge_selected()
        ):
            self._on_tab(Tab.BOARD, lambda page: page.board, lambda p: p.change_status())

    def judge_readiness(self) -> None:
        """Ctrl+K: the judgement form of the cell chosen on the readiness tab."""
        self._on_tab(Tab.READINESS, lambda page: page.readiness, lambda p: p.judge_selected())

    def open_readiness_form(self, form: str) -> None:
        """A readiness form ("visits", "budget", "sarpras") for the unit chosen on the
        Kesiapan tab; it offers the matrix's units, so it waits for the tab's first read."""
        if self._overview is None:
            return
        self.operation_page.show_tab(Tab.READINESS)
        panel = self.operation_page.readiness
        if panel is not None and not panel.loaded():  # the tab's first read: open after it

            def again() -> None:
                panel.read_shown.disconnect(again)
                self.open_readiness_form(form)

            panel.read_shown.connect(again)
            return
        dialog = readiness_forms.open_form(
            self,
            form,
            panel,
            self._store,
            self.actor,
            self.undo_stack,
            self._clock,
            self.feed.changed,
        )
        if dialog is None:
            self.statusBar().showMessage(
                self.tr("Matriks kesiapan belum termuat; coba lagi sebentar."), 5000
            )
        self.readiness_form: QDialog | None = dialog  # the last one opened (tests)

    def open_readiness_lists(
        self, kind: Callable[[FormContext], ListsDialog] | None = None
    ) -> None:
        """The operation's readiness aspects and sarpras categories, to edit (``kind``: the
        voting-day watch steps, ``open_watch_steps``)."""
        if self._overview is None:
            return
        from ui.readiness_lists_dialog import open_lists  # loaded when first asked for

        self.readiness_lists: QDialog | None = open_lists(
            self,
            self._store,
            self.actor,
            self._overview.operation_id,
            self.undo_stack,
            self._clock,
            self.feed.changed,
            kind,
        )

    def open_watch_steps(self) -> None:
        """The operation's voting-day watch steps and their deadlines, to edit."""
        from ui.watch_steps_dialog import WatchStepsDialog  # loaded when first asked for

        self.open_readiness_lists(WatchStepsDialog)

    def find_in_tab(self) -> None:
        """Ctrl+F: the search box of the tab shown (the board's on other tabs)."""
        if not self._on_shown_tab(
            Tab.INCIDENTS, lambda page: page.incidents, lambda p: p.focus_search()
        ):
            self._on_tab(Tab.BOARD, lambda page: page.board, lambda p: p.focus_search())

    def show_help(self, section: str | None = None) -> None:
        """F1: the manual; Bantuan > Pintasan keyboard: the same window at its key list."""
        help_window.show_help(self, section, actor=self.actor)

    # -- nothing typed is lost ---------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._drafts_offered:  # once, when the window first appears
            self._drafts_offered = True
            QTimer.singleShot(0, self, self.offer_drafts)

    def offer_drafts(self) -> None:
        """Incident reports typed in an earlier session and never saved (a crash, a power
        cut): open them again, or discard them."""
        if self._overview is None:
            return
        key = draft_key(self._store.describe(), self._overview.operation_id)
        box = drafts_box()
        drafts = box.pending(key)
        if not drafts:
            return
        question = QMessageBox(self)
        question.setObjectName("draftsQuestion")
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(self.tr("Laporan belum disimpan"))
        question.setText(
            self.tr(
                "Ada {n} laporan kejadian yang belum disimpan dari sesi sebelumnya. Buka kembali?"
            ).format(n=len(drafts))
        )
        reopen = question.addButton(self.tr("&Buka kembali"), QMessageBox.ButtonRole.AcceptRole)
        discard = question.addButton(self.tr("B&uang"), QMessageBox.ButtonRole.DestructiveRole)
        reopen.setObjectName("draftsOpen")
        discard.setObjectName("draftsDiscard")
        question.setDefaultButton(reopen)
        question.exec()
        clicked = question.clickedButton()
        question.deleteLater()
        if clicked is discard:
            box.discard(key)
        elif clicked is reopen:
            self._on_tab(
                Tab.INCIDENTS, lambda page: page.incidents, lambda p: p.restore_drafts(drafts)
            )
        # Closed without an answer: they are offered again at the next start.

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._editors_closed():
            event.ignore()
            return
        self.feed.stop()
        self._clock_timer.stop()
        if self.wall is not None:  # it would otherwise keep the application running
            self.wall.close()
        super().closeEvent(event)
