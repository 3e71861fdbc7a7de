"""The audit journal browser ("Jurnal audit", Ctrl+J; the Admin menu that opens it is
``ui.audit_menu``).

Filters by account, data kind, time range (in the operation's zone: WIB, WITA or WIT) and text; the
table fetches a page at a time (``ui.audit_model``); the pane below shows every field of
the selected row, before and after (``ui.audit_detail``); export writes every matching row
to .xlsx off the GUI thread (``ui.worker.start_job``). Only commanders and admins open it
(checked in the core).

It follows the journal (``ui.live_updates``): rows committed while it is open and that its
filter takes appear at the top, the selection kept. While it is hidden, or scrolled away
from the newest rows (older pages fetched would be lost), the changes wait.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter import audit, clock
from opscenter.actor import Actor
from opscenter.audit import AuditFilter, AuditRow
from opscenter.clock import file_name
from opscenter.errors import OpsError
from opscenter.live import JournalChanges
from opscenter.operations import DEFAULT_TIMEZONE, timezone_of, zone_label
from opscenter.store import Store
from ui import theme
from ui.audit_detail import detail_text
from ui.audit_model import AuditModel, Column, actions_named, entity_name
from ui.error_dialog import sentence_for
from ui.form_parts import error_label, put_instant, typed_instant
from ui.live_updates import LiveUpdates
from ui.save_dialog import ask_save_path, ending
from ui.screen_fit import fit_to_screen
from ui.table_view import style_table
from ui.worker import JobHandle, start_job

log = logging.getLogger(__name__)

# The size the journal opens at where the screen has room (else maximised).
WINDOW_SIZE = QSize(1400, 820)
# A cell's padding (8 px a side, ``ui.table_view``), the style's text margin (3 px a side)
# and a pixel of rounding, as Qt measures a cell (``QTableView.sizeHintForColumn``).
CELL_MARGINS = 24
# The widest time the table shows (``ui.audit_model.time_text``): two-digit day and hour,
# the longest zone; and an account name as long as they run.
WIDEST_TIME = "28-12-2024 23:59:59 WITA"
WIDEST_ACCOUNT = "jambi.op.rina.w"
# The action column takes at most this part of the table's width.
ACTION_SHARE = 0.22


class AuditWindow(QWidget):
    """A top-level window over the journal."""

    def __init__(
        self, store: Store, actor: Actor, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        audit.check_read(actor)  # the core's rule, before anything is read
        super().__init__(parent, Qt.WindowType.Window)
        self._store = store
        self._actor = actor
        self._lang = lang
        self.job: JobHandle | None = None  # the running export
        self._query: JobHandle | None = None  # the running first-page query
        self._again = False
        self.setWindowTitle(self.tr("Jurnal audit \u2014 OpsCenter"))
        fit_to_screen(self, WINDOW_SIZE)

        self.model = AuditModel(store, lang=lang)
        self.account = QComboBox(self)
        self.account.setObjectName("accountFilter")
        self.account.setMinimumContentsLength(14)
        self.entity = QComboBox(self)
        self.entity.setObjectName("entityFilter")
        self.entity.setMinimumContentsLength(16)
        now = datetime.now(UTC)
        self._zone_name = self._read_zone()
        self._zone = ZoneInfo(self._zone_name)
        self.use_since = QCheckBox(self.tr("Sejak"), self)
        self.since = self._datetime_edit(now - timedelta(days=1))
        self.use_until = QCheckBox(self.tr("Sampai"), self)
        self.until = self._datetime_edit(now + timedelta(hours=1))
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_until.toggled.connect(self.until.setEnabled)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self.text = QLineEdit(self)
        self.text.setObjectName("textFilter")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("cari nama, nilai, tindakan\u2026"))
        self.text.returnPressed.connect(self.apply_filter)
        find = QAction(self)  # Ctrl+F, as on the board: this window has no main-window menu
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self.apply_button = QPushButton(self.tr("&Terapkan"), self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filter)
        self.clear_button = QPushButton(self.tr("&Bersihkan"), self)
        self.clear_button.clicked.connect(self.clear_filter)
        self.export_button = QPushButton(self.tr("&Ekspor ke Excel\u2026"), self)
        self.export_button.clicked.connect(self.choose_export)
        self.reload_button = QPushButton(self.tr("&Muat ulang"), self)
        self.reload_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.reload_button.clicked.connect(self.apply_filter)

        filters = QGridLayout()
        filters.setHorizontalSpacing(10)
        filters.addWidget(self._label(self.tr("&Akun"), self.account), 0, 0)
        filters.addWidget(self.account, 0, 1)
        filters.addWidget(self._label(self.tr("&Data"), self.entity), 0, 2)
        filters.addWidget(self.entity, 0, 3)
        filters.addWidget(self.use_since, 0, 4)
        filters.addWidget(self.since, 0, 5)
        filters.addWidget(self.use_until, 0, 6)
        filters.addWidget(self.until, 0, 7)
        filters.addWidget(self._label(self.tr("&Cari"), self.text), 1, 0)
        filters.addWidget(self.text, 1, 1, 1, 5)
        row_buttons = QHBoxLayout()
        for b in (self.apply_button, self.clear_button, self.reload_button):
            row_buttons.addWidget(b)
        filters.addLayout(row_buttons, 1, 6, 1, 2)
        filters.setColumnStretch(1, 2)
        filters.setColumnStretch(3, 2)

        self.table = style_table(QTableView(self), name="auditTable", single=True)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        # On a 1366 px laptop the last column is narrower than its title: cut it at the end
        # ("Perubahan (sebelum →…"), never at both ends. The header's own font is the bold of
        # its style sheet, so that the cut is measured in the letters it is drawn with.
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setFont(theme.scaled_font(header, 1.0, bold=True))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fitted = (0, 0)  # the table's width and the action column's, last fitted
        self.table.viewport().installEventFilter(self)  # its width changed: the columns again
        self.model.modelReset.connect(self.fit_columns)
        self.model.rowsInserted.connect(lambda *_: self.fit_columns())
        self.table.selectionModel().selectionChanged.connect(self._selected)

        # In an exercise the window's clock runs on simulated time, the journal on the real
        # one (``opscenter.clock``): the walk read 04:12 in the journal beside 20:0x on the
        # board, with nothing saying why.
        self.real_time_note = QLabel(
            self.tr(
                "Waktu di jurnal adalah waktu nyata komputer saat tombol ditekan; latihan "
                "berjalan pada waktu simulasi."
            ),
            self,
        )
        self.real_time_note.setObjectName("auditRealTimeNote")
        self.real_time_note.setTextFormat(Qt.TextFormat.PlainText)
        self.real_time_note.setWordWrap(True)
        self.real_time_note.setVisible(clock.exercise() is not None)

        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(
            self.tr("Pilih satu baris untuk melihat semua perubahannya.")
        )
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)

        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = error_label(self, "auditProblem", boxed=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)

        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addWidget(self.problem)
        column.addWidget(self.real_time_note)
        column.addWidget(split, 1)
        column.addLayout(bottom)

        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)
        self.live = LiveUpdates(
            self,
            apply=self._follow,
            reload=self.apply_filter,
            wants=self._may_match,
            shown=self._at_newest,
            name="audit journal",
        )
        scroll = self.table.verticalScrollBar()
        scroll.valueChanged.connect(lambda value: self.live.flush() if value == 0 else None)
        self._load_choices()
        self.apply_filter()

    # -- building ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Column widths from the type: the number, time and account as wide as they run;
        the action as the names of the actions listed (a name longer than a share of the
        width is whole in the tooltip and the pane below); what is left shared by the data
        and the changes, the last never narrower than its title (at 1366 px the walk read
        "Terbitkan nomor laporan s…" and "Perubahan (sebelum → se…"). Again when the table's
        width or the widest action listed changes, not at every page: a column dragged by
        hand stays."""
        header = self.table.horizontalHeader()
        fm = self.table.fontMetrics()

        def fits(*texts: str) -> int:
            return max(fm.horizontalAdvance(t) for t in texts) + CELL_MARGINS

        def titled(col: Column, width: int) -> int:
            return max(width, header.sectionSizeHint(col))

        room = self.table.viewport().width()
        # Qt's own measure of the actions listed (the first thousand rows at most).
        listed = self.table.sizeHintForColumn(Column.ACTION)
        action = titled(Column.ACTION, min(listed, int(room * ACTION_SHARE)))
        if (room, action) == self._fitted:
            return
        self._fitted = (room, action)
        widths = {
            Column.SEQ: titled(Column.SEQ, fits("0000000")),
            Column.TIME: titled(Column.TIME, fits(WIDEST_TIME)),
            Column.ACCOUNT: titled(Column.ACCOUNT, fits(WIDEST_ACCOUNT)),
            Column.ACTION: action,
        }
        rest = room - sum(widths.values())
        changes = max(rest // 2, header.sectionSizeHint(Column.CHANGES))
        widths[Column.ENTITY] = max(rest - changes, header.sectionSizeHint(Column.ENTITY))
        for col, width in widths.items():
            header.resizeSection(col, width)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _read_zone(self) -> str:
        """The zone the time filter reads in: the operation's (the default before one exists)."""
        try:
            with self._store.read() as s:
                return timezone_of(s)
        except OpsError:
            return DEFAULT_TIMEZONE  # _load_choices says what went wrong

    def _datetime_edit(self, value: datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(self)
        edit.setDisplayFormat(f"dd-MM-yyyy HH:mm '{zone_label(self._zone_name)}'")
        edit.setCalendarPopup(True)
        put_instant(edit, value, self._zone)
        return edit

    def _load_choices(self) -> None:
        try:
            with self._store.read() as s:
                names = audit.accounts(s)
                kinds = audit.entities(s)
        except OpsError as exc:
            self._show_problem(exc)
            names, kinds = [], []
        self.account.clear()
        self.account.addItem(self.tr("(semua akun)"), None)
        for n in names:
            self.account.addItem(n, n)
        self.entity.clear()
        self.entity.addItem(self.tr("(semua data)"), None)
        labelled = sorted((entity_name(k, self._lang), k) for k in kinds)
        for label, key in labelled:
            self.entity.addItem(label, key)

    # -- filtering --------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            account=self.account.currentData(),
            entity=self.entity.currentData(),
            since=typed_instant(self.since, self._zone).astimezone(UTC)
            if self.use_since.isChecked()
            else None,
            until=typed_instant(self.until, self._zone).astimezone(UTC)
            if self.use_until.isChecked()
            else None,
            text=self.text.text().strip() or None,
            text_actions=actions_named(self.text.text()),
        )

    def set_filter(
        self,
        *,
        account: str | None = None,
        entity: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        text: str = "",
    ) -> None:
        """Put values into the filter widgets and apply them (tests, links from elsewhere)."""
        self.account.setCurrentIndex(max(0, self.account.findData(account)))
        self.entity.setCurrentIndex(max(0, self.entity.findData(entity)))
        self.use_since.setChecked(since is not None)
        if since is not None:
            put_instant(self.since, since, self._zone)
        self.use_until.setChecked(until is not None)
        if until is not None:
            put_instant(self.until, until, self._zone)
        self.text.setText(text)
        self.apply_filter()

    def focus_search(self) -> None:
        """Ctrl+F: into the search box, its text chosen to be typed over."""
        self.text.setFocus()
        self.text.selectAll()

    def busy(self) -> bool:
        """A query is running in the background."""
        return self._query is not None and not self._query.done

    def apply_filter(self) -> None:
        """Run the filter off the GUI thread; the table changes when the first page is in."""
        if self.busy():
            self._again = True  # filters changed meanwhile: run once more when it ends
            return
        self._again = False
        self.apply_button.setEnabled(False)
        self.status.setText(self.tr("Mencari\u2026"))

        def shown(result: object) -> None:
            self.apply_button.setEnabled(True)
            f, rows = cast(tuple[AuditFilter, list[AuditRow]], result)
            self.model.show(f, rows)
            self.problem.hide()
            self.detail.clear()
            if self._again:
                QTimer.singleShot(0, self, self.apply_filter)  # dies with the window
            else:  # what the journal gained meanwhile, now that the page is in
                QTimer.singleShot(0, self, self.live.flush)

        def failed(error: BaseException) -> None:
            self.apply_button.setEnabled(True)
            self._show_count()
            self._show_problem(error)

        self._query = start_job(
            self.model.first_page_job(self.current_filter()),
            parent=self,
            on_success=shown,
            on_failure=failed,
        )

    def clear_filter(self) -> None:
        self.set_filter()

    # -- live -------------------------------------------------------------------------------

    def _may_match(self, changes: JournalChanges) -> bool:
        """Could the shown filter take rows of these changes? (Its data kind among them, its
        end not yet past; the account and text are checked by the query.)"""
        f = self.model.filter
        if f.entity is not None and f.entity not in changes:
            return False
        return f.until is None or f.until > datetime.now(UTC)

    def _at_newest(self) -> bool:
        """Shown, on the newest rows and not mid-query: a live update then loses nothing."""
        return (
            self.isVisible()
            and not self.busy()
            and self.table.verticalScrollBar().value() == 0
            and self.model.rowCount() <= self.model.filter.limit
        )

    def _follow(self, _changes: JournalChanges) -> None:
        """The first page of the shown filter again, off the GUI thread; the selected row
        stays selected. Changes meanwhile wait for it."""
        keep = self._selected_seq()

        def shown(result: object) -> None:
            f, rows = cast(tuple[AuditFilter, list[AuditRow]], result)
            self.model.show(f, rows)
            self._select_seq(keep)

        job = self.model.first_page_job(self.model.filter)
        self.live.read(job, shown, failed=self._show_problem, what="audit journal read")

    def _selected_seq(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.seq if row else None

    def _select_seq(self, seq: int | None) -> None:
        for r in range(self.model.rowCount()):
            row = self.model.row_at(r)
            if seq is not None and row is not None and row.seq == seq:
                self.table.selectRow(r)
                return

    def _show_problem(self, error: BaseException) -> None:
        log.warning("audit view: %s", error)
        self.problem.setText(sentence_for(error, self._lang))
        self.problem.show()

    def _show_count(self, *_: Any) -> None:
        n = self.model.rowCount()
        if n == 0:
            self.status.setText(self.tr("Tidak ada entri jurnal yang cocok dengan saringan."))
        elif self.model.more:
            self.status.setText(
                self.tr(
                    "{n} entri terbaru ditampilkan; gulir ke bawah untuk yang lebih lama."
                ).replace("{n}", f"{n:,}".replace(",", "."))
            )
        else:
            self.status.setText(self.tr("{n} entri.").replace("{n}", f"{n:,}".replace(",", ".")))

    # -- detail -----------------------------------------------------------------------------

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {i.row() for i in selected.indexes()}
        row = self.model.row_at(min(rows)) if rows else None
        self.detail.setPlainText(detail_text(row, self._lang) if row else "")

    # -- export -----------------------------------------------------------------------------

    def choose_export(self) -> None:
        path, _ = ask_save_path(
            self,
            self.tr("Ekspor jurnal audit"),
            file_name("jurnal-audit", ".xlsx", self._zone),  # the operation's present
            self.tr("Buku kerja Excel (*.xlsx)"),
        )
        if path is not None:
            self.export_to(ending(path, ".xlsx"))

    def export_to(self, path: Path) -> JobHandle | None:
        """Write every row matching the current filter to ``path`` in the background."""
        try:
            job = audit.export_job(self._store, self._actor, self.current_filter(), path)
        except OpsError as exc:
            self._show_problem(exc)
            return None
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Mengekspor ke {path}\u2026").replace("{path}", str(path)))

        def done(n: object) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(
                self.tr("{n} entri ditulis ke {path}.")
                .replace("{n}", f"{n:,}".replace(",", "."))
                .replace("{path}", str(path))
            )

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            self._show_problem(error)

        def cancelled() -> None:
            self.export_button.setEnabled(True)
            self.status.setText(self.tr("Ekspor dibatalkan; berkas tidak ditulis."))

        self.job = start_job(
            job,
            parent=self,
            title=self.tr("Mengekspor jurnal audit"),
            on_success=done,
            on_failure=failed,
            on_cancel=cancelled,
        )
        return self.job
