"""The incidents panel: filter bar, the list, the selected incident, and the timeline.

Loading a filter is a new query (run off the GUI thread; the model resets). A live change
re-reads only the incidents it touched, on the GUI thread (a few rows), and the model
emits precise signals, so selection and scroll survive. A hidden panel defers what the
journal reports and applies it, merged, when shown again (``ui.live_updates``).

What the panel writes (a new incident, follow-ups, status, units; undo; drafts) is
``ui.incident_actions``; how the list fits its width is ``ui.incident_list_layout``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelectionModel,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter import incident_choices, incident_log, journal
from opscenter.drafts import Draft
from opscenter.errors import NoOperation, OpsError
from opscenter.incident_choices import Choices
from opscenter.incident_log import IncidentFilter, IncidentRow
from opscenter.live import JournalChanges
from opscenter.messages import describe
from opscenter.operations import get_operation
from opscenter.progress import CancelToken, Progress
from ui import theme
from ui.choice_combo import choose, chosen, fill_combo, region_choices, searchable
from ui.desk import Desk
from ui.incident_actions import IncidentActions
from ui.incident_detail import IncidentDetail
from ui.incident_form import IncidentForm
from ui.incident_list_layout import ROW_LINES, IncidentListLayout
from ui.incident_timeline import IncidentTimeline
from ui.incidents_model import SORT_ROLE, Column, IncidentsModel
from ui.live_updates import LiveUpdates
from ui.pending import PendingWrite
from ui.screen_fit import FlowLayout, SharedSplit, pair, scrolling
from ui.table_view import style_table
from ui.text_size import follow_font
from ui.translations import interface_language, translator

# This panel's keys (Ctrl+N new incident, Ctrl+T follow-up, Ctrl+F search) belong to the
# main window (``ui.actions``), so that they work whatever has the focus.
# Reference lists (names, colours) or regions: every shown row may read differently.
REFERENCE_ENTITIES = ("incident_type", "severity", "incident_status", "region", "unit", "stage")


_tr = translator("IncidentsPanel")

# The pause in typing after which the search narrows the list: a query per keystroke
# would queue one read of a large log after another while the officer types.
SEARCH_DELAY_MS = 250


class IncidentsPanel(IncidentListLayout):
    incident_selected = Signal(object)  # IncidentRow, or None when nothing is selected

    def __init__(self, desk: Desk, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentsPanel")
        self._store, self._undo, self._actor = desk.store, desk.undo_stack, desk.actor
        # Type, severity, status and stage names are read in the interface's language.
        self._lang = interface_language()
        self._clock = desk.clock
        self._choices: Choices | None = None
        self._context: incident_log.LogContext | None = None  # for live re-reads
        self._filter = IncidentFilter()
        # Live changes: deferred while hidden or while a full query is in flight.
        self.live = LiveUpdates(
            self,
            apply=self._apply,
            reload=self.reload,
            loaded=lambda: self._choices is not None,
            name="incidents panel",
        )
        self._reread_after_load: set[int] = set()  # own edits read while a query ran
        self._selected_id: int | None = None
        self.form: IncidentForm | None = None
        self.last_error = ""
        self.error_box: QMessageBox | None = None  # the last refusal said in a box
        # Follow-ups, status and unit changes run on the write thread; ``writes.write_done``
        # says how each ended.
        self.writes = PendingWrite(self)
        self.edits = IncidentActions(self)
        self.writes.write_done.connect(self.edits.write_ended)

        self.model = IncidentsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)

        # -- filter bar
        self.stage_box = QComboBox(self)
        self.region_box = QComboBox(self)
        self.type_box = QComboBox(self)
        self.severity_box = QComboBox(self)
        self.status_box = QComboBox(self)
        # The five filters: each change re-reads, and a refill of their choices is quiet.
        self._filter_boxes = (
            self.stage_box,
            self.region_box,
            self.type_box,
            self.severity_box,
            self.status_box,
        )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_tr("Cari judul, uraian, lokasi… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        # The list narrows as the officer types, once typing pauses; Enter, or emptying
        # the box, applies at once.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._filters_changed)
        self.search.returnPressed.connect(self._search_now)
        self.search.textChanged.connect(
            lambda t: self._search_timer.start() if t else self._search_now()
        )
        searchable(self.region_box, filter_box=True)
        self.new_button = QPushButton(_tr("+ Catat kejadian (Ctrl+N)"), self)
        self.new_button.setObjectName("newIncidentButton")
        self.new_button.setStyleSheet(
            f"QPushButton {{ background: {theme.NAVY.name()}; color: white; font-weight: bold;"
            " padding: 6px 14px; }"
        )
        self.new_button.clicked.connect(self.new_incident)
        self.count_label = QLabel(self)
        self.count_label.setFont(theme.scaled_font(self, 1.0, bold=True))
        self.title = QLabel(_tr("Kejadian"), self)
        self.title.setFont(theme.scaled_font(self, 1.3, bold=True))

        # -- list
        self.view = style_table(
            QTableView(self),
            name="incidentsTable",
            single=True,
            read_only=True,
            cell="0 6px",
            header="4px 6px",
            row_height=ROW_LINES,
        )
        self.view.setModel(self.proxy)
        # List colours (a closed incident's grey) stay readable on the night theme's rows.
        self.view.setItemDelegate(theme.ReadableTextDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        # Units are shown in the detail pane; the list keeps its width for the title.
        self.hidden_columns: set[Column] = {Column.UNITS}
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.refit = QTimer(self)
        self.refit.setSingleShot(True)
        self.refit.timeout.connect(self._fit_to_width)
        self.view.viewport().installEventFilter(self)
        # The chosen incident is the current row while it is selected: Esc unselects it and
        # leaves the current row where it was (``close_detail``); a click or Space chooses it
        # again without moving the current row, so the selection is followed as well.
        choice = self.view.selectionModel()
        choice.currentRowChanged.connect(self._choice_changed)
        choice.selectionChanged.connect(self._choice_changed)

        self.detail = IncidentDetail(self)
        # The wall has no one to select an incident: the list takes the whole width there.
        self.detail.setProperty("wallHide", True)
        self.title.setProperty("wallHide", True)  # the wall's tile caption names the panel
        self.detail.follow_up_requested.connect(self.add_follow_up)
        self.detail.status_requested.connect(self.change_status)
        self.detail.units_requested.connect(self.set_units)
        self.detail.point_requested.connect(self.set_point)

        self.timeline = IncidentTimeline(clock=desk.clock, parent=self)
        self.timeline.incident_clicked.connect(self.select_incident)

        # The filters wrap onto a second row in a narrow window (a 1366 px laptop): in one
        # row they alone were 1,700 px wide, and so was the window.
        bar = FlowLayout()
        bar.addWidget(self.title)
        for label, box in (
            (_tr("Tahapan"), self.stage_box),
            (_tr("Wilayah"), self.region_box),
            (_tr("Jenis"), self.type_box),
            (_tr("Tingkat"), self.severity_box),
            (_tr("Status"), self.status_box),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(box)
            caption.setProperty("wallHide", True)  # goes with its list (hidden on the wall)
            filter_box = pair(self, caption, box)
            filter_box.setProperty("wallHide", True)
            bar.addWidget(filter_box)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(9)
        self.region_box.setMinimumContentsLength(16)
        self.stage_box.setMinimumContentsLength(14)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("M" * 16))
        bar.addWidget(self.search)
        bar.addWidget(self.new_button)
        # The count rides on the bar's last row (beside the search on a laptop, where the bar
        # wraps anyway): a line of its own above the list cost a row of incidents.
        bar.addWidget(self.count_label)

        self._side_by_side = True  # the detail pane beside the list (``_place_detail``)
        self.upper = QSplitter(Qt.Orientation.Horizontal, self)
        self.upper.addWidget(self.view)
        # Scrolls when the window is too low for the whole incident (a 768 px laptop). Shown
        # only while an incident is chosen (``_show_detail``).
        self.detail_area = scrolling(self.detail, self.upper)
        self.detail_area.setObjectName("incidentDetailArea")
        self.detail_area.setProperty("wallHide", True)
        self.detail_area.hide()
        self.upper.addWidget(self.detail_area)
        self.upper.setChildrenCollapsible(False)
        # The widths depend on the pane's place (``_fit_to_width``): fitted once it is there.
        follow_font(self.view, self.fit_columns)  # now, and at each text size step
        self.upper.installEventFilter(self)
        self.upper.setStretchFactor(0, 3)
        self.upper.setStretchFactor(1, 2)
        self.width_split = SharedSplit(self.upper, self.share_width)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.upper)
        self.splitter.addWidget(self.timeline)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.height_split = SharedSplit(self.splitter, self._share_height)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self._load_choices()
        for box in self._filter_boxes:
            box.currentIndexChanged.connect(self._filters_changed)
        self.reload()

    # -- the contract -----------------------------------------------------------------------

    @property
    def operation_id(self) -> int | None:
        return self._choices.operation_id if self._choices else None

    @property
    def loading(self) -> bool:
        return self.live.reading

    def reload(self) -> None:
        """Run the current filter again (off the GUI thread); the list resets when it lands."""
        if self._choices is None:
            self._load_choices()
        if self._choices is None:
            self.model.set_rows(())
            self._show_count()
            return
        store, op_id, flt, lang = self._store, self._choices.operation_id, self._filter, self._lang

        def job(_progress: Progress, _cancel: CancelToken) -> list[IncidentRow]:
            with store.read() as s:
                return incident_log.query(s, op_id, flt, lang=lang)

        self.live.read(job, self._loaded, failed=self._failed, what="incident query")

    def apply_changes(self, changes: JournalChanges) -> None:
        """Re-read only the incidents this change set touched (deferred while hidden)."""
        self.live.deliver(changes)

    def _apply(self, changes: JournalChanges) -> None:
        reference = any(entity in changes for entity in REFERENCE_ENTITIES)
        touched = set(changes.ids("incident"))
        follow_ids = changes.ids("incident_follow_up")
        unit_ids = changes.ids("incident_unit")
        if follow_ids or unit_ids:
            with self._store.read() as s:
                found = incident_log.affected_incidents(s, (), follow_ids, unit_ids)
            touched |= self.live.unread(changes, "incident", found)
        self._reread(touched, reference=reference)

    def set_stage_filter(self, stage_id: int | None) -> None:
        choose(self.stage_box, stage_id)

    def set_region_filter(self, region_id: int | None) -> None:
        """Show the incidents of a region and everything under it (the map's click)."""
        choose(self.region_box, region_id)

    def select_incident(self, incident_id: int) -> None:
        row = self.model.row_of(incident_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def selected_incident(self) -> IncidentRow | None:
        return self.model.incident(self._selected_id) if self._selected_id is not None else None

    # -- loading ------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        try:
            with self._store.read() as s:
                op = get_operation(s)
                self._choices = incident_choices.choices(s, op.id, lang=self._lang)
        except NoOperation:
            self._choices = None
            return
        c = self._choices
        self.model.set_timezone(c.timezone)
        self.timeline.set_timezone(c.timezone)
        for box in self._filter_boxes:
            box.blockSignals(True)
        kept = {box: chosen(box) for box in self._filter_boxes}
        fill_combo(self.stage_box, c.stages, none_label=_tr("Semua tahapan"))
        fill_combo(self.region_box, region_choices(c), none_label=_tr("Semua wilayah"))
        fill_combo(self.type_box, c.types, none_label=_tr("Semua jenis"))
        fill_combo(self.severity_box, c.severities, none_label=_tr("Semua tingkat"))
        fill_combo(self.status_box, c.statuses, none_label=_tr("Semua status"))
        for box, data in kept.items():
            choose(box, data)
            box.blockSignals(False)
        self.detail.set_choices(c)

    def _search_now(self) -> None:
        self._search_timer.stop()
        self._filters_changed()

    def _filters_changed(self) -> None:
        data = chosen
        new = IncidentFilter(
            stage_id=data(self.stage_box),
            region_id=data(self.region_box),
            type_id=data(self.type_box),
            severity_id=data(self.severity_box),
            status_id=data(self.status_box),
            text=self.search.text().strip(),
        )
        if new != self._filter:
            self._filter = new
            self.reload()

    def _loaded(self, rows: list[IncidentRow]) -> None:
        selected = self._selected_id
        # A reset forgets the selection without a signal: chosen again below, and shown anew.
        self._selected_id = None
        self.model.set_rows(rows)
        self.timeline.set_rows(self.model.rows())
        self._refit_region()
        self._share()  # another number of lanes, other titles
        self._show_count()
        if selected is not None and self.model.row_of(selected) is not None:
            self.select_incident(selected)
        else:
            self._show_detail(None)
            if QApplication.focusWidget() is self.view and self.model.rowCount():
                # The keys were on the list before its rows came (Ctrl+4 builds the tab):
                # the cursor on the first row, as the focus would have put it.
                first = self.view.moveCursor(
                    QAbstractItemView.CursorAction.MoveHome, Qt.KeyboardModifier.NoModifier
                )
                self.view.selectionModel().setCurrentIndex(
                    first, QItemSelectionModel.SelectionFlag.NoUpdate
                )
        if self._reread_after_load:
            ids, self._reread_after_load = self._reread_after_load, set()
            self._reread(ids)

    def _failed(self, exc: BaseException) -> None:
        self.last_error = describe(exc, self._lang) if isinstance(exc, OpsError) else str(exc)
        self.count_label.setText(self.last_error)

    def _reread(self, ids: set[int], *, reference: bool = False) -> None:
        """Read these incidents again and show them (and once more those a change reported
        after this read while a write of ours was to read them: ``LiveUpdates.note_read``)."""
        if self._choices is None:
            return
        if reference:
            # Names or colours of the lists changed: re-read every row shown (still precise).
            self._context = None
            self._load_choices()
            ids |= {r.id for r in self.model.rows()}
        if not ids:
            return
        with self._store.read() as s:
            seq = journal.head(s)  # first: the rows read below are at least this new
            op_id = self._choices.operation_id
            if self._context is None or self._context.operation_id != op_id:
                self._context = incident_log.log_context(s, op_id, lang=self._lang)
            fresh = incident_log.query(s, op_id, self._filter, ids=ids, context=self._context)
        self.model.apply(ids, fresh)
        self.timeline.update_rows(self.model.rows(), fresh, ids)
        self._show_count()
        if self._selected_id in ids:
            self._refresh_detail()
        again = self.live.note_read(seq, "incident", ids)
        if again:
            self._reread(again)

    def _show_count(self) -> None:
        rows = self.model.rows()
        open_count = sum(1 for r in rows if not r.is_closed)
        self.count_label.setText(
            _tr("{n} kejadian · {o} belum selesai").format(n=len(rows), o=open_count)
        )

    # -- selection ------------------------------------------------------------------------------

    def _chosen_row(self) -> IncidentRow | None:
        """The current row's incident while that row is selected (after Esc it is not)."""
        current = self.view.currentIndex()
        if not current.isValid() or not self.view.selectionModel().isSelected(current):
            return None
        return self.model.row(self.proxy.mapToSource(current).row())

    def _choice_changed(self, *_args: object) -> None:
        """Another incident chosen, or none (a click brings both signals: shown once)."""
        row = self._chosen_row()
        chosen = row.id if row is not None else None
        if chosen == self._selected_id:
            return
        self._selected_id = chosen
        self.timeline.select(chosen)
        self._show_detail(row)
        self.incident_selected.emit(row)

    def close_detail(self) -> bool:
        """Esc: no incident chosen, so no detail pane, and the focus on the list at the same
        row (Down goes on from there, Space chooses it again). Not while the pane holds
        input not saved (the follow-up or point typed, units ticked): Esc is left to it.
        Whether it closed."""
        if self._selected_id is None or self.detail.holds_input():
            return False
        # The focus first: out of a pane about to hide, Qt would pass it on by itself, and
        # the list taking it so chose its current row again.
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.selectionModel().clearSelection()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Reached only by an Esc the focused widget left alone: an open list of a box or an
        # editor keeps its own. From the filters or the timeline it closes nothing.
        focus = QApplication.focusWidget()
        if (
            event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and focus is not None
            and (focus is self.view or self.detail_area.isAncestorOf(focus))
            and self.close_detail()
        ):
            return
        super().keyPressEvent(event)

    def _show_detail(self, row: IncidentRow | None) -> None:
        """The chosen incident in the detail pane; nothing chosen, no pane: the list takes
        the width (an empty pane took 540 of 1920 px, and every title was cut)."""
        if row is None:
            self.detail.show_incident(None, ())
            if not self.detail_area.isHidden():
                self.detail_area.hide()
                self._share()
            return
        with self._store.read() as s:
            entries = incident_log.follow_ups(s, row.id, lang=self._lang)
        self.detail.show_incident(row, entries)
        if self.detail_area.isHidden():
            self.detail_area.show()
            self._share()

    def _refresh_detail(self) -> None:
        row = self.selected_incident()
        self._show_detail(row)
        if row is None:
            self._selected_id = None
            self.timeline.select(None)

    # -- editing: ``ui.incident_actions`` --------------------------------------------------------

    def new_incident(self) -> None:
        self.edits.new_incident()

    def draft_key(self) -> str | None:
        """Which drafts belong here: this database and operation."""
        return self.edits.draft_key()

    def restore_drafts(self, drafts: Sequence[Draft]) -> None:
        """Open the form on each draft in turn (the next when the last one is closed)."""
        self.edits.restore_drafts(drafts)

    def add_follow_up(self, incident_id: int, text: str, status_code: str | None) -> None:
        self.edits.add_follow_up(incident_id, text, status_code)

    def change_status(self, incident_id: int, code: str) -> None:
        self.edits.change_status(incident_id, code)

    def set_units(self, incident_id: int, unit_ids: Sequence[int]) -> None:
        self.edits.set_units(incident_id, unit_ids)

    def set_point(self, incident_id: int, point: tuple[int | None, int | None]) -> None:
        self.edits.set_point(incident_id, point)

    def focus_follow_up(self) -> None:
        if self.detail.incident is not None:
            self.detail.follow_text.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
