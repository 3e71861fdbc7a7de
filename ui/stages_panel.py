"""The election stages: a timeline in the operation's time zone, "now", and a stage's ratings.

One row per stage (PKPU 2/2024, data per operation), a bar over its days, the stage in force
in gold, voting day in red, a red "now" line from the clock. Clicking a row (or choosing it
in the list) selects the stage: ``stage_selected`` carries its id (None: all stages) for the
incidents panel to filter, and the table below shows that stage's vulnerability ratings.

This module composes the heading, the chart and the table, reads them (the calendar off the
GUI thread on a live change) and follows the journal through ``ui.live_updates``. The chart
is ``ui.stage_timeline_chart``, the table ``ui.stage_ratings``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from opscenter import stage_view
from opscenter.clock import now as operation_now
from opscenter.errors import NoOperation, NotFound
from opscenter.live import JournalChanges
from opscenter.progress import CancelToken, Job, Progress, no_progress
from opscenter.stage_view import Matrix, Timeline
from opscenter.store import Store
from ui import theme
from ui.live_updates import LiveUpdates
from ui.screen_fit import scrolling
from ui.stage_ratings import StageRatings
from ui.stage_timeline_chart import StageTimelineChart
from ui.translations import interface_language, translator

# Journal entities that change what the timeline or the table's rows and columns are.
STRUCTURE = ("stage", "operation", "region", "aspect", "vulnerability_level")
# The now line moves and the date may turn: look at the clock this often.
TICK_MS = 60_000


_tr = translator("StagesPanel")


def _shown_stage(tl: Timeline | None, selected: int | None) -> int | None:
    """The stage whose ratings show: the chosen one, else the one in force, else voting."""
    if tl is None:
        return None
    if selected is not None:
        return selected
    if tl.current_stage_id is not None:
        return tl.current_stage_id
    voting = next((st for st in tl.stages if st.is_voting), None)
    return voting.id if voting else (tl.stages[0].id if tl.stages else None)


class StagesPanel(StageTimelineChart):
    """Timeline of the operation's stages with "now", and the chosen stage's ratings."""

    stage_selected = Signal(object)  # stage id, or None for all stages

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = operation_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stagesPanel")
        self._store = store
        self.live = LiveUpdates(self, apply=self._apply, reload=self.reload, name="stages panel")
        # Stage, aspect and level names are read in the interface's language.
        self._lang = interface_language()
        self._clock = clock
        self._timeline: Timeline | None = None
        self._selected: int | None = None
        self._locale = QLocale()

        # -- heading: the stage in force and the count to voting day --------------------------
        self.title_label = QLabel(_tr("Tahapan pemilihan"), self)
        self.title_label.setFont(theme.scaled_font(self, 1.5, bold=True))
        self.title_label.setProperty("wallHide", True)  # the wall's tile caption names it
        self.current_label = QLabel(self)
        self.current_label.setObjectName("currentStageLabel")
        self.current_label.setFont(theme.scaled_font(self, 1.25, bold=True))
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("countdownLabel")
        self.countdown_label.setFont(theme.scaled_font(self, 1.25, bold=True))
        self.countdown_label.setStyleSheet(
            f"#countdownLabel {{ background: {theme.GOLD.name()}; color: {theme.NAVY.name()};"
            " border-radius: 6px; padding: 4px 14px; }"
        )
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("stageCombo")
        self.stage_combo.setFont(theme.scaled_font(self, 1.1))
        self.stage_combo.setToolTip(_tr("Pilih tahapan: kejadian dan kerawanan mengikutinya"))
        self.stage_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stage_combo.activated.connect(self._on_combo)
        for label in (self.title_label, self.current_label, self.countdown_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the database

        # Two rows: the title and the list, which the wall hides (the whole row then takes no
        # room from the table), and the stage in force, wrapping in a narrow tile, with the count.
        self._heading = heading = QVBoxLayout()
        heading.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title_label, 1)
        show_label = QLabel(_tr("Tampilkan:"), self)
        show_label.setProperty("wallHide", True)  # goes with the list (ui.wall hides both)
        top.addWidget(show_label)
        top.addWidget(self.stage_combo)
        second = QHBoxLayout()
        second.setSpacing(12)
        second.addWidget(self.current_label, 1)
        second.addWidget(self.countdown_label, 0, Qt.AlignmentFlag.AlignTop)
        heading.addLayout(top)
        heading.addLayout(second)
        self.current_label.setWordWrap(True)

        # -- the timeline (``ui.stage_timeline_chart``) -------------------------------------------
        self._build_plot()
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)

        # -- the ratings of the chosen stage (``ui.stage_ratings``) ---------------------------
        self.ratings_box = ratings = StageRatings(self)
        self.ratings_title = ratings.ratings_title
        self.ratings_note = ratings.ratings_note
        self.ratings_model = ratings.ratings_model
        self.ratings_view = ratings.ratings_view

        # The timeline at the height its rows need, the table the rest (and more by dragging).
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.plot)
        self.splitter.addWidget(ratings)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # Both scroll on a desk too low for them (a 768 px laptop): the table is reached by
        # scrolling down, and the window never grows past the screen to hold it.
        self.body = scrolling(self.splitter, self)
        self.body.viewport().installEventFilter(self)  # its height: ``_fit_ratings_to_page``

        self._column = column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addLayout(heading)
        column.addWidget(self.body, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self.reload()

    # -- public API (the panel contract) ---------------------------------------------------

    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    @property
    def selected_stage_id(self) -> int | None:
        return self._selected

    @property
    def ratings_stage_id(self) -> int | None:
        """The stage whose ratings the table shows: the chosen one, else the one in force."""
        return self.ratings_model.stage_id

    def reload(self) -> None:
        """Re-read the calendar and the shown ratings (a new query: the table resets)."""
        self._show_read(self._read_job()(no_progress, CancelToken()))

    def reload_later(self) -> None:
        """``reload`` off the GUI thread (a live change of the calendar: the ratings of
        hundreds of regions are read by a worker); changes meanwhile wait for it."""
        self.live.read(self._read_job(), self._show_read, what="stages re-read")

    def _read_job(self) -> Job[tuple[Timeline | None, Matrix | None]]:
        store, now, lang, selected = self._store, self._clock(), self._lang, self._selected

        def job(_progress: Progress, _cancel: CancelToken) -> tuple[Timeline | None, Matrix | None]:
            with store.read() as s:
                try:
                    tl = stage_view.timeline(s, now=now, lang=lang)
                except (NoOperation, NotFound):  # no operation yet: an empty panel, not a crash
                    tl = None
                chosen = selected
                if tl is not None and chosen is not None and tl.stage(chosen) is None:
                    chosen = None  # the chosen stage was deleted
                shown = _shown_stage(tl, chosen)
                matrix = None
                if tl is not None and shown is not None:
                    matrix = stage_view.stage_ratings(s, tl.operation_id, shown, lang=lang)
            return tl, matrix

        return job

    def _show_read(self, result: tuple[Timeline | None, Matrix | None]) -> None:
        tl, matrix = result
        if tl is not None and self._selected is not None and tl.stage(self._selected) is None:
            self._selected = None  # the chosen stage was deleted
        self._timeline = tl
        self._draw()
        self._fill_combo()
        self._show_ratings(matrix)

    def apply_changes(self, changes: JournalChanges) -> None:
        """Follow the journal (deferred while hidden: ``ui.live_updates``)."""
        self.live.deliver(changes)

    def _apply(self, changes: JournalChanges) -> None:
        if any(entity in changes for entity in STRUCTURE):
            self.reload_later()
            return
        ids = changes.ids("vulnerability_rating")
        if not ids or self._timeline is None or self.ratings_model.matrix is None:
            return
        # A few ratings: read here, on the GUI thread.
        with self._store.read() as s:
            found = stage_view.ratings_by_id(s, self._timeline.operation_id, ids)
        self.ratings_model.apply_ratings(ids, found)

    def select_stage(self, stage_id: int | None) -> None:
        """Choose a stage (None: all); emits ``stage_selected`` when the choice changes."""
        tl = self._timeline
        if stage_id is not None and (tl is None or tl.stage(stage_id) is None):
            stage_id = None
        if stage_id == self._selected:
            return
        self._selected = stage_id
        self._sync_selection()
        shown = self._shown_stage(tl)
        if tl is not None and shown != self.ratings_model.stage_id:
            with self._store.read() as s:
                matrix = (
                    stage_view.stage_ratings(s, tl.operation_id, shown, lang=self._lang)
                    if shown
                    else None
                )
            self._show_ratings(matrix)
        else:
            self.ratings_box.show_title(chosen=self._selected is not None)
        self.stage_selected.emit(stage_id)

    def _shown_stage(self, tl: Timeline | None) -> int | None:
        return _shown_stage(tl, self._selected)

    def _show_ratings(self, matrix: Matrix | None) -> None:
        self.ratings_box.show_matrix(matrix, chosen=self._selected is not None)
        self._fit_ratings_to_page()  # as many regions as before, or not

    def _fill_combo(self) -> None:
        combo = self.stage_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_tr("Semua tahapan"), None)
        for st in self._timeline.stages if self._timeline else ():
            combo.addItem(st.name, st.id)
        combo.setCurrentIndex(max(0, combo.findData(self._selected)))
        combo.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_ratings_to_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.body.viewport():
            self._fit_ratings_to_page()
        return super().eventFilter(watched, event)

    def _fit_ratings_to_page(self) -> None:
        """On a desk too low for the timeline and the table together (a 1366x768 laptop),
        the tab scrolls down to the table; the table then takes a page of its own (its title,
        the note, the header and every region that page holds) instead of its three-row
        minimum under the timeline: scrolled down, a laptop showed 3 of 11 regions and
        scrolled a second time inside the table. Where both fit, nothing scrolls and the
        table takes what the timeline leaves (the splitter's stretch)."""
        if self.body.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            return  # the wall: ``_fit_ratings_to_height``
        box = self.ratings_box
        least = box.minimumSizeHint().height()
        page = self.body.viewport().height()
        timeline = self.plot.minimumHeight() + self.splitter.handleWidth()
        wanted = min(page, box.whole_height()) if timeline + least > page else 0
        wanted = wanted if wanted > least else 0  # 0: the box's own minimum
        if box.minimumHeight() != wanted:
            box.setMinimumHeight(wanted)

    def _fit_ratings_to_height(self) -> None:
        """On the wall, which scrolls nothing (``ui.wall_read_only``), a panel too low for
        the timeline and the table's header and first rows (a tile of the wall tiled on one
        screen) shows the timeline alone: a table squeezed under it, or drawn over by it,
        helps nobody. Taller again, the table returns. On a desk the body scrolls instead."""
        if self.body.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            return
        margins = self._column.contentsMargins()
        needed = (
            margins.top()
            + self._heading.minimumSize().height()
            + self._column.spacing()
            + self.plot.minimumHeight()
            + self.splitter.handleWidth()
            + self.ratings_box.minimumSizeHint().height()
            + margins.bottom()
        )
        fits = self.height() >= needed
        if fits == self.ratings_box.isVisibleTo(self):
            return
        self.ratings_box.setVisible(fits)
        if fits:  # back: the timeline at the height its rows need, the table the rest
            plot = self.plot.minimumHeight()
            self.splitter.setSizes([plot, max(1, self.splitter.height() - plot)])

    # -- input --------------------------------------------------------------------------------

    def _on_plot_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        stage_id = self.stage_at(event.scenePos())
        if stage_id is not None:
            event.accept()
            self.select_stage(stage_id)

    def _on_combo(self, index: int) -> None:
        self.select_stage(self.stage_combo.itemData(index))

    def _on_tick(self) -> None:
        tl = self._timeline
        if tl is None:
            return
        now = self._clock()
        if now.astimezone(ZoneInfo(tl.timezone)).date() != tl.today:
            self.reload()  # a new day: the stage in force and H-n move on
        else:
            self._timeline = replace(tl, now=now)
            self._draw()
