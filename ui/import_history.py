"""The imports made so far, and reverting one of them as a whole (off the GUI thread)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QLocale, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter import messages
from opscenter.actor import Actor
from opscenter.operations import local_text
from opscenter.permissions import permitted
from opscenter.progress import CancelToken, Progress
from opscenter.roster import history
from opscenter.roster.history import ImportRecord
from opscenter.store import Store
from ui.confirm import confirm
from ui.error_dialog import sentence_for
from ui.import_list_pages import grouped
from ui.screen_fit import fit_to_screen
from ui.tab_order import leave_on_tab
from ui.table_model import TableModel
from ui.table_view import style_table
from ui.translations import translator
from ui.worker import JobHandle, start_job, write_pool

_tr = translator("ImportHistory")

# The size the history opens at where the screen has room: every column in full.
WINDOW_SIZE = QSize(1100, 440)


class HistoryColumn(IntEnum):
    TXN = 0
    AT = 1
    ACTOR = 2
    KIND = 3
    FILE = 4
    COUNTS = 5
    STATE = 6


class ImportsModel(TableModel[ImportRecord]):
    """The imports made so far, keyed by journal number: a reload after a revert repaints
    only the row that changed, and the selection stays."""

    columns = HistoryColumn

    def __init__(self, lang: str = "id", parent: QObject | None = None) -> None:
        super().__init__(lambda r: r.txn_id, parent)
        self._lang = lang

    def record(self, row: int) -> ImportRecord | None:
        return self.row_at(row)

    def headers(self) -> list[tuple[str, str]]:
        return [
            (
                _tr("Jurnal"),
                _tr(
                    "Nomor transaksi jurnal impor ini. Di Jurnal audit, rincian tiap baris "
                    "impor ini menyebut “transaksi jurnal: nomor ini”."
                ),
            ),
            (
                _tr("Waktu"),
                _tr(
                    "Waktu nyata saat impor disimpan: jurnal mencatat waktu nyata, juga dalam "
                    "latihan."
                ),
            ),
            (_tr("Oleh"), ""),
            (_tr("Jenis"), ""),
            (_tr("Berkas"), ""),
            (_tr("Hasil"), ""),
            (_tr("Keadaan"), ""),
        ]

    def cell(self, r: ImportRecord, column: int, role: int) -> Any:
        col = HistoryColumn(column)
        if role == Qt.ItemDataRole.ToolTipRole and col == HistoryColumn.FILE:
            return r.file  # the whole name, where the column cuts it
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == HistoryColumn.TXN:
            return r.txn_id
        if col == HistoryColumn.AT:
            return local_text(r.at, r.timezone)
        if col == HistoryColumn.ACTOR:
            return r.actor
        if col == HistoryColumn.KIND:
            return messages.import_kind_name(r.kind, self._lang)  # as the wizard names it
        if col == HistoryColumn.FILE:
            return r.file
        if col == HistoryColumn.COUNTS:  # grouped as the wizard wrote them: "19.999 baru"
            c = grouped(QLocale(), {"new": 0, "changed": 0} | r.counts)
            return _tr("{new} baru, {changed} berubah").format(**c)
        return _tr("dibatalkan") if r.reverted else ""


class ImportHistoryDialog(QDialog):
    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        lang: str = "id",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.lang = lang
        self.job: JobHandle | None = None
        self.setWindowTitle(_tr("Riwayat impor"))
        self.model = ImportsModel(lang, self)
        # Columns fitted to their contents: the bold titles in full. The file's name takes the
        # width left and is cut in its middle, so that no column scrolls out of sight.
        self.view = style_table(QTableView(self), single=True, model=self.model, fit_contents=True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        columns = self.view.horizontalHeader()
        columns.setSectionResizeMode(HistoryColumn.FILE, QHeaderView.ResizeMode.Stretch)
        columns.setStretchLastSection(False)
        leave_on_tab(self.view)  # Tab goes on to the buttons; the arrows walk the imports
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.revert_button = QPushButton(_tr("&Batalkan impor terpilih"), self)
        self.revert_button.clicked.connect(self.revert_selected)
        self.view.selectionModel().selectionChanged.connect(self._offer_revert)
        self.model.modelReset.connect(self._offer_revert)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        fit_to_screen(self, WINDOW_SIZE)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(history.imports(self.store))
        self._offer_revert()
        if self.model.rowCount() == 0:
            self.message.setText(_tr("Belum ada impor."))

    def _offer_revert(self) -> None:
        """The revert button is on with an import chosen, for a role that may revert (the
        core refuses the others too)."""
        chosen = bool(self.view.selectionModel().selectedRows())
        self.revert_button.setEnabled(chosen and permitted(self.actor, "import.run"))

    def _confirm_revert(self, record: ImportRecord) -> bool:
        """Ask before taking an import back, saying how many rows it touches."""
        new, changed = record.counts.get("new", 0), record.counts.get("changed", 0)
        said = grouped(QLocale(), {"new": new, "changed": changed, "n": new + changed})
        return confirm(
            self,
            _tr("Batalkan impor"),
            _tr(
                "Membatalkan impor #{txn} ({file}): {new} baris baru dihapus dan {changed} "
                "baris yang berubah dikembalikan seperti sebelum impor."
            ).format(txn=record.txn_id, file=record.file, **said),
            _tr("Batalkan &impor ({n} baris)").format(n=said["n"]),
        )

    def revert_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        record = self.model.record(rows[0].row()) if rows else None
        if record is None or (self.job is not None and not self.job.done):
            return
        if not record.reverted and not self._confirm_revert(record):
            return  # an import already reverted: the core says so in one sentence
        store, actor, txn = self.store, self.actor, record.txn_id

        def job(progress: Progress, cancel: CancelToken) -> int | None:
            return history.revert(store, actor, txn, progress)

        def done(_result: object) -> None:
            self.message.setText(_tr("Impor #{txn} sudah dibatalkan.").format(txn=txn))
            self.reload()

        def failed(error: BaseException) -> None:
            self.message.setText(sentence_for(error, self.lang))

        # A revert is a write: it takes its turn on the one write thread (ui.worker), with
        # its progress dialog as before.
        self.job = start_job(
            job, parent=self, title=_tr("Membatalkan impor\u2026"), on_success=done,
            on_failure=failed, pool=write_pool(),
        )  # fmt: skip
