"""The audit journal as a table model: newest first, fetched a page at a time.

The model keeps only the rows fetched so far; Qt's ``canFetchMore``/``fetchMore`` asks for
the next page (keyed by ``seq``, so the thousandth page costs what the first does) when
the view scrolls near the end. A new filter is a new query: the one full reset.
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from opscenter import audit, clock, messages
from opscenter.audit import AuditFilter, AuditRow
from opscenter.operations import local_text
from opscenter.progress import CancelToken, Job, Progress, no_progress
from opscenter.store import Store
from ui.table_model import AnyIndex, TableModel
from ui.translations import QT_TRANSLATE_NOOP, translator

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    SEQ = 0
    TIME = 1
    ACCOUNT = 2
    ACTION = 3
    ENTITY = 4
    CHANGES = 5


_tr = translator("AuditModel")


HEADERS = {
    Column.SEQ: QT_TRANSLATE_NOOP("AuditModel", "No."),
    Column.TIME: QT_TRANSLATE_NOOP("AuditModel", "Waktu"),
    Column.ACCOUNT: QT_TRANSLATE_NOOP("AuditModel", "Akun"),
    Column.ACTION: QT_TRANSLATE_NOOP("AuditModel", "Tindakan"),
    Column.ENTITY: QT_TRANSLATE_NOOP("AuditModel", "Data"),
    Column.CHANGES: QT_TRANSLATE_NOOP("AuditModel", "Perubahan (sebelum \u2192 sesudah)"),
}

# The user action of a transaction, as a duty officer says it. Unknown keys show as they are.
ACTIONS: dict[str, str] = {
    "unit.set_status": QT_TRANSLATE_NOOP("AuditModel", "Ubah status satuan"),
    "unit.update": QT_TRANSLATE_NOOP("AuditModel", "Ubah data satuan"),
    "unit.assign_bko": QT_TRANSLATE_NOOP("AuditModel", "Penugasan BKO"),
    "unit.end_bko": QT_TRANSLATE_NOOP("AuditModel", "Akhiri BKO"),
    "plan.save_what_if": QT_TRANSLATE_NOOP("AuditModel", "Simpan pola pengamanan"),
    "plan.accept": QT_TRANSLATE_NOOP("AuditModel", "Setujui usulan penebalan"),
    "sitrep.issue": QT_TRANSLATE_NOOP("AuditModel", "Terbitkan nomor laporan situasi"),
    "vulnerability.set": QT_TRANSLATE_NOOP("AuditModel", "Tetapkan kerawanan"),
    "posts.form": QT_TRANSLATE_NOOP("AuditModel", "Bentuk pos pengamanan"),
    "posts.move": QT_TRANSLATE_NOOP("AuditModel", "Pindahkan TPS ke pos lain"),
    "posts.split": QT_TRANSLATE_NOOP("AuditModel", "Pecah pos pengamanan"),
    "posts.merge": QT_TRANSLATE_NOOP("AuditModel", "Gabungkan pos pengamanan"),
    "plot.run": QT_TRANSLATE_NOOP("AuditModel", "Plotting personel otomatis"),
    "plot.place": QT_TRANSLATE_NOOP("AuditModel", "Tempatkan personel di pos"),
    "plot.swap": QT_TRANSLATE_NOOP("AuditModel", "Tukar personel antarpos"),
    "plot.lock": QT_TRANSLATE_NOOP("AuditModel", "Kunci penempatan personel"),
    "vulnerability.clear": QT_TRANSLATE_NOOP("AuditModel", "Hapus penilaian kerawanan"),
    "vulnerability.import": QT_TRANSLATE_NOOP("AuditModel", "Impor kerawanan"),
    "import.personnel": QT_TRANSLATE_NOOP("AuditModel", "Impor personel"),
    "import.tps": QT_TRANSLATE_NOOP("AuditModel", "Impor TPS"),
    "import.units": QT_TRANSLATE_NOOP("AuditModel", "Impor satuan"),
    "import.revert": QT_TRANSLATE_NOOP("AuditModel", "Batalkan impor"),
    "incident.record": QT_TRANSLATE_NOOP("AuditModel", "Catat kejadian"),
    "incident.update": QT_TRANSLATE_NOOP("AuditModel", "Ubah kejadian"),
    "incident.follow_up": QT_TRANSLATE_NOOP("AuditModel", "Tindak lanjut kejadian"),
    "incident.set_status": QT_TRANSLATE_NOOP("AuditModel", "Ubah status kejadian"),
    "incident.set_units": QT_TRANSLATE_NOOP("AuditModel", "Ubah satuan kejadian"),
    "personnel.add": QT_TRANSLATE_NOOP("AuditModel", "Tambah personel"),
    "personnel.update": QT_TRANSLATE_NOOP("AuditModel", "Ubah personel"),
    "demo.load": QT_TRANSLATE_NOOP("AuditModel", "Muat operasi contoh"),
    "account.create": QT_TRANSLATE_NOOP("AuditModel", "Buat akun"),
    "account.bootstrap": QT_TRANSLATE_NOOP("AuditModel", "Buat admin pertama"),
    "account.set_password": QT_TRANSLATE_NOOP("AuditModel", "Atur ulang kata sandi"),
    "account.set_role": QT_TRANSLATE_NOOP("AuditModel", "Ubah peran akun"),
    "account.deactivate": QT_TRANSLATE_NOOP("AuditModel", "Nonaktifkan akun"),
    "account.rehash": QT_TRANSLATE_NOOP("AuditModel", "Perbarui sandi tersimpan"),
    # --- issue 15: budget and visits ---
    "budget.allocation_add": QT_TRANSLATE_NOOP("AuditModel", "Tambah alokasi anggaran"),
    "budget.allocation_change": QT_TRANSLATE_NOOP("AuditModel", "Ubah alokasi anggaran"),
    "budget.allocation_remove": QT_TRANSLATE_NOOP("AuditModel", "Hapus alokasi anggaran"),
    "budget.index_set": QT_TRANSLATE_NOOP("AuditModel", "Tetapkan indeks harian anggaran"),
    "budget.index_clear": QT_TRANSLATE_NOOP("AuditModel", "Hapus indeks harian anggaran"),
    "budget.realisation_add": QT_TRANSLATE_NOOP("AuditModel", "Catat realisasi anggaran"),
    "budget.realisation_change": QT_TRANSLATE_NOOP("AuditModel", "Ubah realisasi anggaran"),
    "budget.realisation_remove": QT_TRANSLATE_NOOP("AuditModel", "Hapus realisasi anggaran"),
    "visit.add": QT_TRANSLATE_NOOP("AuditModel", "Catat kunjungan"),
    "visit.change": QT_TRANSLATE_NOOP("AuditModel", "Ubah kunjungan"),
    "visit.remove": QT_TRANSLATE_NOOP("AuditModel", "Hapus kunjungan"),
    "visit.restore": QT_TRANSLATE_NOOP("AuditModel", "Kembalikan kunjungan yang dihapus"),
    "visit.finding_add": QT_TRANSLATE_NOOP("AuditModel", "Catat temuan kunjungan"),
    "visit.finding_change": QT_TRANSLATE_NOOP("AuditModel", "Ubah temuan kunjungan"),
    "visit.finding_remove": QT_TRANSLATE_NOOP("AuditModel", "Hapus temuan kunjungan"),
    "visit.finding_restore": QT_TRANSLATE_NOOP(
        "AuditModel", "Kembalikan temuan kunjungan yang dihapus"
    ),
    "visit.follow_up": QT_TRANSLATE_NOOP("AuditModel", "Ubah status tindak lanjut temuan"),
    # --- issue 15: panel ---
    "readiness.judge": QT_TRANSLATE_NOOP("AuditModel", "Nilai kesiapan"),
    "readiness.unjudge": QT_TRANSLATE_NOOP("AuditModel", "Hapus penilaian kesiapan"),
}
ROW_ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("AuditModel", "baru"),
    "update": QT_TRANSLATE_NOOP("AuditModel", "diubah"),
    "delete": QT_TRANSLATE_NOOP("AuditModel", "dihapus"),
}
# Tables the error sentences never name, so ``messages.ENTITY_NAMES`` lacks them.
MORE_ENTITIES: dict[str, tuple[str, str]] = {
    "unit_status_change": ("riwayat status satuan", "unit status history"),
    "unit_status": ("status satuan", "unit status"),
    "incident_follow_up": ("tindak lanjut kejadian", "incident follow-up"),
    "incident_unit": ("satuan kejadian", "incident unit"),
    "incident_type": ("jenis kejadian", "incident type"),
    "incident_status": ("status kejadian", "incident status"),
    "severity": ("tingkat keparahan", "severity"),
    "rank": ("pangkat", "rank"),
    "guard_pattern": ("pola pengamanan", "guard pattern"),
    "unit_area": ("wilayah satuan", "unit area"),
    "guard_post_tps": ("TPS pos pengamanan", "guard post TPS"),
    "region_boundary": ("batas wilayah", "region boundary"),
}


def action_text(row: AuditRow) -> str:
    return _tr(ACTIONS.get(row.txn_action, row.txn_action))


def actions_named(text: str) -> tuple[str, ...]:
    """The user actions whose shown name contains ``text`` (``AuditFilter.text_actions``):
    "ubah status" finds the rows the table shows as "Ubah status satuan"."""
    text = text.strip().lower()
    return tuple(k for k, name in ACTIONS.items() if text and text in _tr(name).lower())


def entity_name(entity: str, lang: str = "id") -> str:
    names = messages.ENTITY_NAMES.get(entity) or MORE_ENTITIES.get(entity)
    return (names[1] if lang == "en" else names[0]) if names else entity


def entity_text(row: AuditRow, lang: str = "id") -> str:
    """The changed row as the auditor reads it: its kind, its name (``audit.subject``), and
    what happened to it: "penilaian kerawanan Kabupaten Batanghari / Politik · diubah"."""
    what = _tr(ROW_ACTIONS.get(row.action, row.action))
    return f"{entity_name(row.entity, lang)} {audit.subject(row, lang)} \u00b7 {what}"


def time_text(row: AuditRow) -> str:
    return local_text(row.at, row.timezone, "%d-%m-%Y %H:%M:%S")


class AuditModel(TableModel[AuditRow]):
    """Journal rows matching a filter, newest first, ``page`` rows per fetch."""

    columns = Column

    def __init__(self, store: Store, *, page: int = audit.PAGE, lang: str = "id") -> None:
        super().__init__()
        self._store = store
        self._page = page
        self._lang = lang
        self._filter = AuditFilter(limit=page)
        self._more = False
        self._fetching = False

    # -- querying ---------------------------------------------------------------------------

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    def first_page_job(self, f: AuditFilter) -> Job[tuple[AuditFilter, list[AuditRow]]]:
        """The first page of a new query as a worker job (a text search over a million rows
        takes about a second); hand its result to ``show``."""
        f = replace(f, limit=self._page, offset=0, before_seq=None)
        store = self._store

        def job(_progress: Progress, _cancel: CancelToken) -> tuple[AuditFilter, list[AuditRow]]:
            with store.read() as s:
                return f, audit.query(s, f)

        return job

    def set_filter(self, f: AuditFilter) -> None:
        """A new query, read here: reset, then the first page. Raises the core's OpsError."""
        self.show(*self.first_page_job(f)(no_progress, CancelToken()))

    def show(self, f: AuditFilter, first: list[AuditRow]) -> None:
        """Show the first page of a new query (the one full reset)."""
        self._fetching = True  # no fetchMore from inside modelReset handlers
        try:
            self._filter = f
            self._more = len(first) == self._page
            self.reset_rows(first)
        finally:
            self._fetching = False

    @property
    def more(self) -> bool:
        """Older rows match the filter beyond those fetched so far."""
        return self._more

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        # Views (and Qt's model tester) may ask again from inside rowsInserted: not nested.
        if parent.isValid() or not self._more or not self._rows or self._fetching:
            return
        page = replace(self._filter, before_seq=self._rows[-1].seq)
        with self._store.read() as s:
            more = audit.query(s, page)
        self._more = len(more) == self._page
        if not more:
            return
        self._fetching = True
        try:
            self.append_rows(more)
        finally:
            self._fetching = False

    # -- Qt ---------------------------------------------------------------------------------

    def headers(self) -> list[tuple[str, str]]:
        # The journal keeps real time; in an exercise the times inside a row (an incident's,
        # a follow-up's) are the exercise's, and the walk found nothing saying which is which.
        real = _tr(
            "Waktu nyata saat dicatat, juga dalam latihan. Waktu di dalam rincian (waktu "
            "kejadian, tindak lanjut) mengikuti jam operasi atau latihan."
        )
        titles = {c: _tr(HEADERS[c]) for c in Column}
        if clock.exercise() is not None:  # beside the board's simulated clock: say which
            titles[Column.TIME] = _tr("Waktu (jam nyata)")
        return [(titles[c], real if c == Column.TIME else "") for c in Column]

    def cell(self, row: AuditRow, column: int, role: int) -> Any:
        col = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (Column.ACTION, Column.ENTITY):
            return self._display(row, col)  # whole, where the column cuts it
        if role == Qt.ItemDataRole.ToolTipRole and col == Column.CHANGES:
            return audit.summarise(
                row.changes,
                row.action,
                width=2000,
                entity=row.entity,
                names=row.names,
                lang=self._lang,
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Column.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: AuditRow, col: Column) -> str:
        if col == Column.SEQ:
            return str(row.seq)
        if col == Column.TIME:
            return time_text(row)
        if col == Column.ACCOUNT:
            return row.actor
        if col == Column.ACTION:
            return action_text(row)
        if col == Column.ENTITY:
            return entity_text(row, self._lang)
        return audit.summarise(
            row.changes, row.action, entity=row.entity, names=row.names, lang=self._lang
        )
