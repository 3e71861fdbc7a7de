"""The incidents panel: filter bar, the list, the selected incident, and the timeline.

Loading a filter is a new query (run off the GUI thread; the model resets). A live change
re-reads only the incidents it touched, on the GUI thread (a few rows), and the model
emits precise signals, so selection and scroll survive. A hidden panel keeps the ids it
was told about and applies them when it is shown again.

Undo: a status change and a change of responding units are ``QUndoCommand``s that run the
core service again with the previous value (journaled, like any edit). A new incident and
a follow-up are not undoable: the log and its follow-ups are append-only records of what
was reported and said, and a mistake is corrected by a further follow-up, not erased.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFontMetrics,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from opscenter import incident_log, incidents, journal
from opscenter.actor import Actor
from opscenter.clock import now as operation_now
from opscenter.drafts import Draft, draft_key
from opscenter.errors import NoOperation, OpsError, StaleEdit, log_failure
from opscenter.incident_log import Choice, Choices, IncidentFilter, IncidentRow
from opscenter.incidents import IncidentDraft
from opscenter.live import JournalChanges
from opscenter.messages import describe
from opscenter.operations import get_operation
from opscenter.progress import CancelToken, Progress
from opscenter.store import Store
from ui import theme
from ui.confirm import confirm
from ui.incident_form import (
    NO_CHOICE,
    IncidentDetail,
    IncidentForm,
    chosen,
    fill_combo,
    region_choices,
    searchable,
)
from ui.incident_timeline import IncidentTimeline
from ui.incidents_model import SORT_ROLE, Column, IncidentsModel, region_label
from ui.live_updates import LiveUpdates
from ui.pending import PendingWrite
from ui.screen_fit import FlowLayout, narrow_drops, pair, scrolling
from ui.table_view import style_table
from ui.translations import interface_language
from ui.unsaved import drafts_box
from ui.worker import start_job

log = logging.getLogger(__name__)

# This panel's keys (Ctrl+N new incident, Ctrl+T follow-up, Ctrl+F search) belong to the
# main window (``ui.actions``), so that they work whatever has the focus.
# Reference lists (names, colours) or regions: every shown row may read differently.
REFERENCE_ENTITIES = ("incident_type", "severity", "incident_status", "region", "unit", "stage")


# Closing an incident of these severities asks first (``_may_close``).
SERIOUS_SEVERITIES = ("berat", "kritis")

# What a narrow list leaves out first: the follow-up count and the number are in the detail
# pane, the casualties too; the type is usually in the title's own words.
NARROW_DROPS = (Column.FOLLOW_UPS, Column.CODE, Column.TYPE, Column.CASUALTIES)
CELL_MARGINS = 20  # a cell's padding (6 px a side) and the style's text margin (3 px a side)


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncidentsPanel", text)


class _ServiceCommand(QUndoCommand):
    """An edit already saved once through a service; undo and redo save again, on the write
    thread (``ui.pending``), and ``after(redone)`` shows the result once saved.

    Qt calls ``redo`` when the command is pushed: the first call does nothing, because the
    panel saved first (to show a refusal without touching the stack).
    """

    def __init__(
        self,
        text: str,
        writes: PendingWrite,
        do: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[bool], None],
        report: Callable[[OpsError], None],
    ) -> None:
        super().__init__(text)
        self._writes = writes
        self._do, self._undo, self._after, self._report = do, undo, after, report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._do, redone=True)

    def undo(self) -> None:
        self._run(self._undo, redone=False)

    def _run(self, action: Callable[[], object], *, redone: bool) -> None:
        # A refusal (e.g. someone else changed it meanwhile) is said; the history goes on.
        after = self._after
        self._writes.submit(action, on_saved=lambda _done: after(redone), on_refused=self._report)


class IncidentsPanel(QWidget):
    incident_selected = Signal(object)  # IncidentRow, or None when nothing is selected

    def __init__(
        self,
        store: Store,
        *,
        undo_stack: QUndoStack,
        actor: Actor,
        clock: Callable[[], datetime] = operation_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentsPanel")
        self._store = store
        # Type, severity, status and stage names are read in the interface's language.
        self._lang = interface_language()
        self._undo = undo_stack
        self._actor = actor
        self._clock = clock
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
        self._loading = 0  # generation of the query in flight (0: none)
        self._generation = 0
        self._selected_id: int | None = None
        self.form: IncidentForm | None = None
        self._drafts_left: list[Draft] = []  # restored drafts still to open
        self.last_error = ""
        # Follow-ups, status and unit changes run on the write thread; ``writes.write_done``
        # says how each ended.
        self.writes = PendingWrite(self)
        self.writes.write_done.connect(self._write_ended)

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
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_tr("Cari judul, uraian, lokasi… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._filters_changed)
        self.search.textChanged.connect(lambda t: None if t else self._filters_changed())
        searchable(self.region_box)
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
        )
        self.view.setModel(self.proxy)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # List colours (a closed incident's grey) stay readable on the night theme's rows.
        self.view.setItemDelegate(theme.ReadableTextDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        # Units are shown in the detail pane; the list keeps its width for the title.
        self.hidden_columns: set[Column] = {Column.UNITS}
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.fit_columns()
        self.view.viewport().installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.detail = IncidentDetail(self)
        # The wall has no one to select an incident: the list takes the whole width there.
        self.detail.setProperty("wallHide", True)
        self.title.setProperty("wallHide", True)  # the wall's tile caption names the panel
        self.detail.follow_up_requested.connect(self.add_follow_up)
        self.detail.status_requested.connect(self.change_status)
        self.detail.units_requested.connect(self.set_units)

        self.timeline = IncidentTimeline(clock=clock, parent=self)
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

        self._side_by_side = True  # the detail pane beside the list (``_place_detail``)
        self.upper = QSplitter(Qt.Orientation.Horizontal, self)
        list_side = QWidget(self.upper)
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.count_label)
        list_layout.addWidget(self.view, 1)
        self.upper.addWidget(list_side)
        # Scrolls when the window is too low for the whole incident (a 768 px laptop).
        self.detail_area = scrolling(self.detail, self.upper)
        self.detail_area.setObjectName("incidentDetailArea")
        self.detail_area.setProperty("wallHide", True)
        self.upper.addWidget(self.detail_area)
        self.upper.setChildrenCollapsible(False)
        self.upper.installEventFilter(self)
        self.upper.setStretchFactor(0, 3)
        self.upper.setStretchFactor(1, 2)
        self.upper.setSizes([1360, 530])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.upper)
        self.splitter.addWidget(self.timeline)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 360])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self._load_choices()
        for box in (
            self.stage_box,
            self.region_box,
            self.type_box,
            self.severity_box,
            self.status_box,
        ):
            box.currentIndexChanged.connect(self._filters_changed)
        self.reload()

    def fit_columns(self) -> None:
        """Column widths and row height from the list's type size; the wall enlarges the type
        and calls this again, with the timeline's ``fit_to_font``."""
        header = self.view.horizontalHeader()
        fm = self.view.fontMetrics()
        bold_fm = QFontMetrics(theme.scaled_font(self.view, 1.0, bold=True))
        # The title gets what is left; the rest are as narrow as their usual content.
        widths = {
            Column.CODE: fm.horizontalAdvance("KEJ-0000") + 18,
            Column.OCCURRED: fm.horizontalAdvance("27-11-24 23:59") + 18,
            Column.SEVERITY: bold_fm.horizontalAdvance("Tingkat") + 24,
            Column.STATUS: bold_fm.horizontalAdvance("Ditangani") + 24,
            Column.TYPE: fm.horizontalAdvance("Unjuk rasa di K"),
            Column.REGION: self._region_width(fm),
            Column.CASUALTIES: bold_fm.horizontalAdvance("10 MD / 99 LL"),  # bold with deaths
            Column.UNITS: fm.horizontalAdvance("Polsek Muara Bulian"),
            Column.FOLLOW_UPS: bold_fm.horizontalAdvance("lanjut") + 20,
        }
        self._widths = {column: width + CELL_MARGINS for column, width in widths.items()}
        for column, width in self._widths.items():
            header.resizeSection(column, width)
        header.setMinimumSectionSize(fm.horizontalAdvance("No.") + 20)
        self.view.verticalHeader().setDefaultSectionSize(int(fm.height() * 1.8))
        self._fit_to_width()

    def _refit_region(self) -> None:
        """After a load: the region column as wide as the longest region now listed, only
        when that moved (a width dragged by hand stays), the rest as they were."""
        width = self._region_width(self.view.fontMetrics()) + CELL_MARGINS
        if width != self._widths[Column.REGION]:
            self._widths[Column.REGION] = width
            self.view.horizontalHeader().resizeSection(Column.REGION, width)
            self._fit_to_width()

    def _region_width(self, fm: QFontMetrics) -> int:
        """Room for the regions listed ("Kab. Kerinci · Gunung Kerinci"): every kabupaten
        whole, so "Kab. Tanjung Jabung Barat" and "... Timur" are never cut to the same
        "Kab. Tanjung J…"; a kecamatan after it as far as about 26 characters allow."""
        # Distinct places first: 20,000 incidents happen in a few hundred of them.
        places = {(r.area_name, r.region_name) for r in self.model.rows()}
        names = [region_label(area, region) for area, region in places]
        if not names:
            return fm.horizontalAdvance("Kab. Tanjung Jabung")
        whole = max(fm.horizontalAdvance(n) for n in names)
        kabupaten = max(fm.horizontalAdvance(n.split(" · ")[0]) for n in names)
        return max(kabupaten, min(whole, 26 * fm.averageCharWidth()))

    def _fit_to_width(self) -> None:
        """A narrow list (a laptop's screen, a tile of the wall) drops its least needed
        columns, in ``NARROW_DROPS`` order, until the incident's title has about 24
        characters; a wider one takes them back. ``hidden_columns`` stay hidden. Only the
        columns whose state changes are touched."""
        view = self.view
        least = 24 * view.fontMetrics().averageCharWidth()
        hide = set(self.hidden_columns) | narrow_drops(
            view.viewport().width(),
            self._widths,
            NARROW_DROPS,
            hidden=self.hidden_columns,
            reserve=least,
        )
        for column in Column:
            if view.isColumnHidden(column) != (column in hide):
                view.setColumnHidden(column, column in hide)

    def _place_detail(self) -> None:
        """Beside the list where both fit (the list with its title readable, the detail pane
        whole), else below the list (a narrow window, half a screen)."""
        fm = self.view.fontMetrics()
        kept = (c for c in self._widths if c not in NARROW_DROPS and c not in self.hidden_columns)
        least_list = sum(self._widths[c] for c in kept) + 24 * fm.averageCharWidth()
        least_detail = self.detail_area.minimumWidth()
        side_by_side = self.upper.width() >= least_list + least_detail + self.upper.handleWidth()
        if side_by_side == self._side_by_side:
            return
        self._side_by_side = side_by_side
        self.upper.setOrientation(
            Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical
        )

    @property
    def detail_beside(self) -> bool:
        """The detail pane is beside the list (False: below it)."""
        return self._side_by_side

    def hide_columns(self, *columns: Column) -> None:
        """Leave these columns out for good (the wall leaves out the type)."""
        self.hidden_columns.update(columns)
        self._fit_to_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport's own resize: the view's arrives before the viewport has its size.
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_to_width()
        elif event.type() == QEvent.Type.Resize and watched is self.upper:
            self._place_detail()
        return super().eventFilter(watched, event)

    # -- the contract -----------------------------------------------------------------------

    @property
    def operation_id(self) -> int | None:
        return self._choices.operation_id if self._choices else None

    @property
    def loading(self) -> bool:
        return self._loading != 0

    def reload(self) -> None:
        """Run the current filter again (off the GUI thread); the list resets when it lands."""
        if self._choices is None:
            self._load_choices()
        if self._choices is None:
            self.model.set_rows(())
            self._show_count()
            return
        self._generation += 1
        generation = self._loading = self._generation
        self.live.hold()
        store, op_id, flt, lang = self._store, self._choices.operation_id, self._filter, self._lang

        def job(_progress: Progress, _cancel: CancelToken) -> list[IncidentRow]:
            with store.read() as s:
                return incident_log.query(s, op_id, flt, lang=lang)

        start_job(
            job,
            parent=self,
            on_success=lambda rows: self._loaded(generation, rows),
            on_failure=self._failed,
        )

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
        at = self.stage_box.findData(NO_CHOICE if stage_id is None else stage_id)
        self.stage_box.setCurrentIndex(max(at, 0))

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
                self._choices = incident_log.choices(s, op.id, lang=self._lang)
        except NoOperation:
            self._choices = None
            return
        c = self._choices
        self.model.set_timezone(c.timezone)
        self.timeline.set_timezone(c.timezone)
        blockers = [
            self.stage_box,
            self.region_box,
            self.type_box,
            self.severity_box,
            self.status_box,
        ]
        for box in blockers:
            box.blockSignals(True)
        kept = {box: chosen(box) for box in blockers}
        fill_combo(self.stage_box, c.stages, none_label=_tr("Semua tahapan"))
        fill_combo(self.region_box, region_choices(c), none_label=_tr("Semua wilayah"))
        fill_combo(self.type_box, c.types, none_label=_tr("Semua jenis"))
        fill_combo(self.severity_box, c.severities, none_label=_tr("Semua tingkat"))
        fill_combo(self.status_box, c.statuses, none_label=_tr("Semua status"))
        for box, data in kept.items():
            box.setCurrentIndex(max(box.findData(NO_CHOICE if data is None else data), 0))
            box.blockSignals(False)
        self.detail.set_choices(c)

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

    def _loaded(self, generation: int, rows: list[IncidentRow]) -> None:
        if generation != self._generation:
            return  # a newer filter was asked for meanwhile
        self._loading = 0
        selected = self._selected_id
        self.model.set_rows(rows)
        self.timeline.set_rows(self.model.rows())
        self._refit_region()
        self._show_count()
        if selected is not None and self.model.row_of(selected) is not None:
            self.select_incident(selected)
        else:
            self._show_detail(None)
        if self._reread_after_load:
            ids, self._reread_after_load = self._reread_after_load, set()
            self._reread(ids)
        self.live.release()

    def _failed(self, exc: BaseException) -> None:
        self._loading = 0
        self.live.release()
        self.last_error = describe(exc, self._lang) if isinstance(exc, OpsError) else str(exc)
        self.count_label.setText(self.last_error)
        log_failure(log, exc, "incident query")

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

    def _current_changed(self, current: object, _previous: object) -> None:
        index = self.proxy.mapToSource(self.view.currentIndex())
        row = self.model.row(index.row()) if index.isValid() else None
        self._selected_id = row.id if row else None
        self.timeline.select(self._selected_id)
        self._show_detail(row)
        self.incident_selected.emit(row)

    def _show_detail(self, row: IncidentRow | None) -> None:
        if row is None:
            self.detail.show_incident(None, ())
            return
        with self._store.read() as s:
            entries = incident_log.follow_ups(s, row.id, lang=self._lang)
        self.detail.show_incident(row, entries)

    def _refresh_detail(self) -> None:
        row = self.selected_incident()
        self._show_detail(row)
        if row is None:
            self._selected_id = None
            self.timeline.select(None)

    # -- editing --------------------------------------------------------------------------------

    def _report(self, exc: OpsError) -> None:
        self.last_error = describe(exc, self._lang)
        self.detail.show_error(self.last_error)

    def _refused(self, exc: OpsError, incident_id: int, again: Callable[[], None]) -> None:
        """Say why; after a stale refusal re-read the incident and offer to apply the
        operator's change again on top of what the other person saved."""
        self._report(exc)
        if not isinstance(exc, StaleEdit):
            return
        self._refresh_ids([incident_id])
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Perubahan tidak disimpan"),
            self.last_error or "",
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Retry).setText(_tr("Terapkan lagi"))
        box.button(QMessageBox.StandardButton.Cancel).setText(_tr("Batal"))
        box.button(QMessageBox.StandardButton.Retry).clicked.connect(again)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box

    def _refresh_ids(self, ids: Sequence[int]) -> None:
        """After an edit in this panel: show it at once; the change feed's report of it is
        not read again (``LiveUpdates.note_read``), unless someone changed it meanwhile."""
        if self.loading:
            self._reread_after_load |= set(ids)  # the query may have read before the edit
        self._reread(set(ids))

    def _write_ended(self, _saved: bool) -> None:
        """The last pending write ended (saved, refused or failed): what a change reported
        meanwhile about an incident it was to read back is read now."""
        if not self.writes.busy:
            late = self.live.writes_over("incident")
            if late:
                self._reread(late)

    def new_incident(self) -> None:
        if self._choices is None:
            return
        choices = self._choices
        store, actor = self._store, self._actor

        def submit(draft: IncidentDraft) -> int:
            return incidents.record(store, actor, draft)

        def tps_for(region_id: int | None) -> Sequence[Choice]:
            with store.read() as s:
                return incident_log.tps_choices(s, choices.operation_id, region_id)

        self.form = IncidentForm(choices, submit, clock=self._clock, tps_for=tps_for, parent=self)
        self.form.saved.connect(self._recorded)
        self._keep_draft(self.form)
        self.form.open()

    # -- drafts: what is typed in the form survives a crash ---------------------------------

    def draft_key(self) -> str | None:
        """Which drafts belong here: this database and operation."""
        if self._choices is None:
            return None
        return draft_key(self._store.describe(), self._choices.operation_id)

    def _keep_draft(self, form: IncidentForm) -> None:
        key = self.draft_key()
        if key is not None:
            form.keep_drafts(drafts_box(), key)
            form.finished.connect(self._next_draft)

    def restore_drafts(self, drafts: Sequence[Draft]) -> None:
        """Open the form on each draft in turn (the next when the last one is closed)."""
        self._drafts_left = list(drafts)
        self._next_draft()

    def _next_draft(self) -> None:
        left = self._drafts_left
        if not left or (self.form is not None and self.form.isVisible()):
            return
        draft = left.pop(0)
        self.new_incident()
        if self.form is not None:
            self.form.keep_drafts(drafts_box(), draft.key, draft.id)
            self.form.set_fields(draft.fields)

    def _recorded(self, incident_id: int) -> None:
        self._refresh_ids([incident_id])
        self.select_incident(incident_id)

    def _may_close(self, row: IncidentRow | None, code: str | None) -> bool:
        """Closing a Berat or Kritis incident asks first, naming it; anything else goes."""
        choices = self._choices
        if row is None or code is None or choices is None or row.is_closed:
            return True
        severity = next((s.code for s in choices.severities if s.id == row.severity_id), "")
        if code not in choices.closed_statuses or severity not in SERIOUS_SEVERITIES:
            return True
        status = next((s.name for s in choices.statuses if s.code == code), code)
        return confirm(
            self,
            _tr("Tutup kejadian {severity}").format(severity=row.severity_name),
            _tr(
                "Kejadian {code} ({severity}) \u201c{title}\u201d menjadi {status}: keluar dari "
                "kejadian terbuka di papan, ringkasan dan layar dinding."
            ).format(code=row.code, severity=row.severity_name, title=row.title, status=status),
            _tr("&Tutup kejadian"),
        )

    def add_follow_up(self, incident_id: int, text: str, status_code: str | None) -> None:
        """Save a follow-up on the write thread; the typed text stays until it is saved."""
        row = self.model.incident(incident_id)
        if not self._may_close(row, status_code):
            return  # what was typed stays
        store, actor = self._store, self._actor
        version = row.version if (row and status_code) else None

        def saved(_done: object) -> None:
            self.detail.follow_up_saved()
            self._refresh_ids([incident_id])

        self.live.expect("incident", {incident_id})
        self.writes.submit(
            lambda: incidents.add_follow_up(
                store, actor, incident_id, text, status_code=status_code, expected_version=version
            ),
            on_saved=saved,
            on_refused=lambda exc: self._refused(
                exc, incident_id, lambda: self.add_follow_up(incident_id, text, status_code)
            ),
            button=self.detail.follow_add,
        )

    def change_status(self, incident_id: int, code: str) -> None:
        """Save a status change on the write thread; once saved it goes on the undo stack."""
        row = self.model.incident(incident_id)
        if row is None or row.status_code == code:
            return
        if not self._may_close(row, code):
            self.detail.show_status(row.status_id)  # the list shows the status it still has
            return
        store, actor, old, version = self._store, self._actor, row.status_code, row.version
        name = (
            next((s.name for s in self._choices.statuses if s.code == code), code)
            if self._choices
            else code
        )

        def to(status: str) -> Callable[[], object]:
            return lambda: incidents.set_status(store, actor, incident_id, status, None)

        def saved(_done: object) -> None:
            self._undo.push(
                _ServiceCommand(
                    _tr("Status {n} menjadi {s}").format(n=row.code, s=name),
                    self.writes,
                    to(code),
                    to(old),
                    lambda _redone: self._refresh_ids([incident_id]),
                    self._report,
                )
            )
            self._refresh_ids([incident_id])

        self.live.expect("incident", {incident_id})
        self.writes.submit(
            lambda: incidents.set_status(store, actor, incident_id, code, version),
            on_saved=saved,
            on_refused=lambda exc: self._refused(
                exc, incident_id, lambda: self.change_status(incident_id, code)
            ),
            button=self.detail.status_apply,
        )

    def set_units(self, incident_id: int, unit_ids: Sequence[int]) -> None:
        """Save the responding units on the write thread; once saved, undoable."""
        row = self.model.incident(incident_id)
        if row is None:
            return
        store, actor, old, new = self._store, self._actor, row.unit_ids, tuple(unit_ids)
        if set(old) == set(new):
            return

        def to(ids: tuple[int, ...]) -> Callable[[], None]:
            return lambda: incidents.set_units(store, actor, incident_id, ids)

        def shown(redone: bool) -> None:
            self._refresh_ids([incident_id])
            if self._selected_id == incident_id:
                self.detail.units.set_checked(new if redone else old)

        def saved(_done: object) -> None:
            self._undo.push(
                _ServiceCommand(
                    _tr("Satuan penanganan {n}").format(n=row.code),
                    self.writes,
                    to(new),
                    to(old),
                    shown,
                    self._report,
                )
            )
            self._refresh_ids([incident_id])

        self.live.expect("incident", {incident_id})
        self.writes.submit(
            to(new),
            on_saved=saved,
            on_refused=self._report,
            button=self.detail.units_apply,
        )

    def focus_follow_up(self) -> None:
        if self.detail.incident is not None:
            self.detail.follow_text.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
