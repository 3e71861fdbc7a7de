"""A window of its own over one stage of the operation: the planning window
(``ui.planning_window``) and the plotting window (``ui.plotting_window``) are built on it.

What they do alike: open beside the main window (one of each per main window, raised when
asked again), read the operation and its stages into the bar, follow the journal
(``ui.live_updates``: a change set no newer than the last read is not read again, and the
feed waits while a write of the window's own is under way), run every write on the write
thread ("Menyimpan…" in the status bar) with a refusal said in the banner, and keep one
``QUndoStack``. A window gives its name and size, its parts and strings (``build``, the
strings in its own translation context), its read (``reload``) and what in the journal
concerns it (``wants``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from opscenter.actor import Actor
from opscenter.errors import NoOperation, OpsError
from opscenter.live import JournalChanges
from opscenter.store import Store
from ui import actions
from ui.banner import Banner
from ui.error_dialog import sentence_for
from ui.live import ChangeFeed
from ui.live_updates import LiveUpdates
from ui.pending import PendingWrite
from ui.screen_fit import fit_to_screen, show_fitted
from ui.stage_choice import StageChoice, choose_stage, fill_stage_box
from ui.translations import interface_language

SW = TypeVar("SW", bound="StageWindow")


class StageWindow(QMainWindow):
    """The set-up, reading, writing and banner the stage windows share.

    A window names itself (``kind``: "planning" makes ``planningWindow``, its banner
    ``planningBanner`` and its share of the change feed "planning"), gives the size it opens
    at where the screen has room (else maximised) and the stage it opens on when none is
    asked for (None: today's, else voting day). ``build`` makes its title, bar
    (``stage_combo``, ``operation_label``), banner (``build_banner``) and the rest, then
    follows the journal (``follow_journal``) and reads (``reload``).
    """

    kind: ClassVar[str]
    preferred_size: ClassVar[QSize]
    default_stage: ClassVar[str | None] = None

    stage_combo: QComboBox
    operation_label: QLabel
    banner_box: Banner
    banner: QLabel
    live: LiveUpdates

    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        stage_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName(f"{self.kind}Window")
        fit_to_screen(self, self.preferred_size)
        self.store, self.actor = store, actor
        # Stage, category, aspect and level names are read in the interface's language.
        self._lang = interface_language()
        self.operation_id = 0
        self.stage_id = 0
        # The stage to open on (the first read only).
        self._stage_code = stage_code if stage_code is not None else self.default_stage
        # The journal commit the last full read saw: a change set no newer than it (one's
        # own save, re-read at once) is not read a second time.
        self._read_at = 0
        self.undo_stack = QUndoStack(self)
        # Every save runs on the write thread; the status bar says "Menyimpan…" meanwhile.
        self.saving_note = QLabel(self)
        self.statusBar().addWidget(self.saving_note)
        self.writes = PendingWrite(self, note=self.saving_note)
        self.build()

    # -- what a window gives ------------------------------------------------------------------

    def build(self) -> None:
        """Make the window's parts, follow the journal and read (last in ``__init__``)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read what the window shows again."""
        raise NotImplementedError

    def wants(self, changes: JournalChanges) -> bool:
        """Whether a change set from the journal moves something this window shows (the
        live feed then calls ``reload``)."""
        raise NotImplementedError

    # -- building -----------------------------------------------------------------------------

    def build_banner(self, central: QWidget) -> Banner:
        """What the last action said (a refusal or a confirmation), until closed or replaced."""
        self.banner_box = Banner(central, f"{self.kind}Banner")
        self.banner = self.banner_box.label
        return self.banner_box

    def central_column(self, side: int, top: int, spacing: int) -> tuple[QWidget, QVBoxLayout]:
        """The window's body, a column (``side`` and ``top`` its margins) to build in."""
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(side, top, side, top)
        column.setSpacing(spacing)
        self.setCentralWidget(central)
        return central, column

    def follow_journal(self, loaded: Callable[[], bool]) -> None:
        """Follow the journal once the window is built (``live``); ``loaded`` says whether
        it has read the operation yet."""
        self.live = LiveUpdates(
            self,
            apply=self._apply_changes,
            reload=self.reload,
            wants=self.wants,
            loaded=loaded,
            name=self.kind,
        )
        # The feed's report of the window's own write waits until the write has been shown.
        self.writes.write_done.connect(self._write_ended)

    # -- reading ------------------------------------------------------------------------------

    def _apply_changes(self, changes: JournalChanges) -> None:
        """A change set from the journal: everything is read again, unless the last read
        already saw it."""
        if changes.last_seq > self._read_at:
            self.reload()

    def _read_stages(self, s: Session) -> bool:
        """The operation and its stages into the bar, read here (``show_stages``)."""
        return self.show_stages(choose_stage(s, self.stage_id, self._stage_code, self._lang))

    def show_stages(self, choice: StageChoice) -> bool:
        """The operation and its stages into the bar; the stage shown stays chosen (at first:
        the one asked for, else today's, else voting day). False when there is no stage."""
        fill_stage_box(self.stage_combo, choice)
        self.operation_id = choice.operation_id
        self.operation_label.setText(choice.operation_name)
        if choice.stage_id is None:
            return False
        self.stage_id = choice.stage_id
        return True

    def read_failed(self, exc: BaseException, no_operation: str) -> None:
        """A read refused or failed: ``no_operation`` where the database holds no operation
        yet, else the core's sentence (a general one for an error the core did not type)."""
        self.show_problem(no_operation if isinstance(exc, NoOperation) else sentence_for(exc))

    # -- writing ------------------------------------------------------------------------------

    def run(
        self,
        write: Callable[[], object],
        shown: Callable[[Any], None],
        *,
        obsolete: QUndoCommand | None = None,
        button: QAbstractButton | None = None,
        refused: Callable[[OpsError], str] = sentence_for,
    ) -> None:
        """Run a core write on the write thread, then ``shown(result)``; a refusal becomes a
        sentence in the banner (``refused`` words it) and a fresh read, never a traceback."""
        self.hide_banner()
        self.live.hold()
        saved = self.after_write(shown)

        def failed(exc: OpsError) -> None:
            logging.getLogger(type(self).__module__).info("%s action refused: %r", self.kind, exc)
            self.show_problem(refused(exc))
            if obsolete is not None:
                obsolete.setObsolete(True)
            self.reload()

        self.writes.submit(write, on_saved=saved, on_refused=failed, button=button)

    def after_write(self, shown: Callable[[Any], None]) -> Callable[[Any], None]:
        """What ``run`` does with a saved write's result: ``shown``; a window may add to it
        (called as the write is submitted)."""
        return shown

    def _write_ended(self, _saved: bool) -> None:
        if not self.writes.busy:
            self.live.release()

    # -- banner -------------------------------------------------------------------------------

    def hide_banner(self) -> None:
        self.banner_box.hide_text()

    def show_problem(self, text: str) -> None:
        self.banner_box.problem(text)

    def show_note(self, text: str) -> None:
        self.banner_box.note(text)


def open_beside(
    window: QMainWindow, kind: type[SW], store: Store, actor: Actor, feed: ChangeFeed | None
) -> SW:
    """Show ``window``'s window of ``kind`` over ``store`` (one per main window), acting as
    ``actor``, the account signed in to ``window``, following ``feed`` (the main window's
    journal feed) while it lives."""
    existing = window.findChild(kind)
    if existing is not None:
        existing.show()
        # The offscreen platform (tests, screenshots) has no stacking order to change.
        if QGuiApplication.platformName() != "offscreen":
            existing.raise_()
            existing.activateWindow()
        return existing
    made = kind(store, actor=actor, parent=window)
    if feed is not None:
        made.live.follow(feed.changed)
    actions.close_keys(made)  # Esc and Ctrl+W, asking first (``closeEvent``)
    show_fitted(made, made.preferred_size)
    return made
