"""The spreadsheet import wizard's pages (``ui.import_wizard``): the file page that scans a
list of the kind chosen, the sheet and column mapping (with the unit that owns a sarpras
list and the stage a plotting list fills), the preview with its counts, rejected rows and
warnings, and the last page saying what was saved.

Each page runs its job off the GUI thread (``ui.job_wizard``) through the kind's own scan,
check and write (``ui.import_jobs``), and keeps what it found on the wizard.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
)

from opscenter import messages
from opscenter.progress import CancelToken, Progress
from opscenter.roster import commit as commit_mod
from opscenter.roster import errors_xlsx
from opscenter.roster.preview import Options, Reviewable
from opscenter.watch import imports as watch_imports
from ui.import_jobs import Scanned, importer, scan_job
from ui.import_models import (
    ColumnDelegate,
    MappingColumn,
    MappingModel,
    PreviewColumn,
    PreviewModel,
)
from ui.import_pages import DonePage, FilePage
from ui.job_wizard import JobPage
from ui.tab_order import edit_on_f2, leave_on_tab
from ui.table_view import style_table, wrap_shown_rows
from ui.translations import translator

if TYPE_CHECKING:
    from ui.import_wizard import ImportWizard

_tr = translator("ImportWizard")


class ListFilePage(FilePage["ImportWizard"]):
    """The import wizard's file page: a list of the kind chosen, its first rows scanned."""

    def read(self, path: Path) -> None:
        job = scan_job(self.wiz.store, path, str(self.kind.currentData()), None)
        self.run(job, _tr("Membaca berkas\u2026"), self.wiz.set_scan)


class MappingPage(JobPage["ImportWizard"]):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, _tr("Lembar dan kolom"))
        self.setSubTitle(
            _tr(
                "Periksa pasangan kolom; yang berlatar kuning perlu dicek. "
                "F2 atau klik dua kali untuk mengubah."
            )
        )
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("importSheet")
        self.sheet.activated.connect(self._sheet_chosen)
        self.model = MappingModel(self)
        self.view = style_table(QTableView(self), name="importMapping")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(1, ColumnDelegate(self.view))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        leave_on_tab(self.view)  # Tab goes on to the check box; the arrows walk the pairs
        # F2 opens the chosen pair's column, wherever the row's cursor is; Enter stays the
        # wizard's "next", as on every page.
        edit_on_f2(self.view, MappingColumn.COLUMN)
        self.create_units = QCheckBox(_tr("Buat satuan yang belum terdaftar"), self)
        # A sarpras list without a unit column: whose list it is (preset from the letterhead).
        self.unit = QComboBox(self)
        self.unit.setObjectName("importUnit")
        self.unit.currentIndexChanged.connect(self._say_unit)
        self.unit_label = QLabel(_tr("&Satuan pemilik daftar:"), self)
        self.unit_label.setBuddy(self.unit)
        self.unit_note = QLabel(self)
        self.unit_note.setObjectName("importUnitNote")
        self.unit_note.setWordWrap(True)
        # A plotting list: the stage whose posts it fills (preset to the voting stage).
        self.stage = QComboBox(self)
        self.stage.setObjectName("importStage")
        self.stage_label = QLabel(_tr("&Tahapan:"), self)
        self.stage_label.setBuddy(self.stage)
        # What the import chose by itself where several columns could fill one field.
        self.choices_note = QLabel(self)
        self.choices_note.setObjectName("importChoices")
        self.choices_note.setWordWrap(True)
        self.model.dataChanged.connect(self._show_unit)
        form = QFormLayout()
        form.addRow(_tr("Lembar:"), self.sheet)
        unit_row = QFormLayout()
        unit_row.addRow(self.unit_label, self.unit)
        unit_row.addRow(self.stage_label, self.stage)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.choices_note)
        layout.addWidget(self.create_units)
        layout.addLayout(unit_row)
        layout.addWidget(self.unit_note)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        s = self.wiz.scan_result
        if s is None:
            return
        self.sheet.clear()
        self.sheet.addItems(s.sheets)
        self.sheet.setCurrentText(s.sheet)
        width = max((len(r) for r in s.sample), default=0)
        self.model.set_layout(s.kind, s.layout, width)
        said = messages.import_choices(s.layout, 0, self.wiz.lang, where="mapping")
        self.choices_note.setText(said)
        self.choices_note.setVisible(bool(said))
        self.create_units.setVisible(s.kind in ("personnel", "tps"))
        choice, stages = self.wiz.units, self.wiz.stages
        self.unit.blockSignals(True)
        if choice is None:
            self.unit.clear()
        else:
            _offer(self.unit, choice.units, choice.guess)  # -1: none guessed
        self.unit.blockSignals(False)
        if stages is None:
            self.stage.clear()
        else:
            chosen = stages.codes.get(self.wiz.stage_id or 0, stages.default)
            _offer(self.stage, stages.stages, chosen)
        for w in (self.stage_label, self.stage):
            w.setVisible(stages is not None)
        self._show_unit()
        self._say_unit()
        self.show_error(None)

    def needs_unit(self) -> bool:
        """A sarpras list with no column mapped to its unit: the unit is chosen here."""
        return self.wiz.units is not None and "unit" not in self.model.mapping()

    def _show_unit(self) -> None:
        for w in (self.unit_label, self.unit, self.unit_note):
            w.setVisible(self.needs_unit())

    def _say_unit(self) -> None:
        choice = self.wiz.units
        if choice is None:
            self.unit_note.clear()
        elif choice.guess is not None and self.unit.currentData() == choice.guess:
            self.unit_note.setText(
                _tr(
                    "{unit} ditebak dari kop surat berkas; ganti bila daftar ini milik satuan lain."
                ).replace("{unit}", self.unit.currentText())
            )
        elif self.unit.currentIndex() < 0:
            self.unit_note.setText(
                _tr("Kop surat berkas tidak menyebut satuan; pilih satuan pemilik daftar ini.")
            )
        else:
            self.unit_note.clear()

    def _sheet_chosen(self, _index: int) -> None:
        s = self.wiz.scan_result
        if s is None or self.sheet.currentText() == s.sheet:
            return
        job = scan_job(self.wiz.store, s.path, s.kind, self.sheet.currentText())

        def chosen(result: Scanned) -> None:
            self.wiz.set_scan(result)
            self.initializePage()

        self.show_error(None)
        self.wiz.start(job, _tr("Membaca lembar\u2026"), chosen, self.show_error)

    def begin(self) -> bool:
        s = self.wiz.scan_result
        if s is None:
            return False
        unit: str | None = None
        if self.needs_unit():
            if self.unit.currentIndex() < 0:
                return self.refuse(_tr("Pilih satuan pemilik daftar ini."))
            unit = str(self.unit.currentData())
        options = Options(
            kind=s.kind,
            sheet=s.sheet,
            mapping=self.model.mapping(),
            create_units=self.create_units.isChecked(),
            unit=unit,
            stage=str(self.stage.currentData()) if self.wiz.stages is not None else None,
        )
        store, path = self.wiz.store, s.path
        check = importer(s.kind)[0]

        def job(progress: Progress, cancel: CancelToken) -> Reviewable:
            return check(store, path, options, progress, cancel)

        self.run(job, _tr("Memeriksa baris\u2026"), self.wiz.set_preview)
        return False


def _offer(box: QComboBox, choices: Iterable[tuple[str, str]], chosen: str | None) -> None:
    """``box`` offers ``choices`` (code, name), ``chosen`` chosen (none: no such code)."""
    box.clear()
    for code, name in choices:
        box.addItem(name, code)
    box.setCurrentIndex(box.findData(chosen))


class PreviewPage(JobPage["ImportWizard"]):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, _tr("Pratinjau"))
        self.counts = QLabel(self)
        self.counts.setObjectName("importCounts")
        # Free text that a spreadsheet would run (issue 19): imported, but said here.
        self.warnings = QLabel(self)
        self.warnings.setObjectName("importWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.hide()
        self.model = PreviewModel(wizard.lang, self)
        # Row, result and key in full; the details take the rest and wrap, each refused cell
        # on a line of its own (the walk: cut to "…" beside a key column half the width).
        self.view = style_table(
            QTableView(self),
            name="importPreview",
            read_only=True,
            model=self.model,
            fit_contents=True,
        )
        columns = self.view.horizontalHeader()
        columns.setSectionResizeMode(PreviewColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        wrap_shown_rows(self.view)
        leave_on_tab(self.view)  # Tab goes on to the button; the arrows walk the rows
        self.save_errors = QPushButton(_tr("Simpan baris yang &ditolak\u2026"), self)
        self.save_errors.clicked.connect(self._save_errors)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.warnings)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.save_errors, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        # The button that writes says so ("Impor 18 baris"), and once it has, there is no
        # way back to a preview that no longer matches the database.
        self.setCommitPage(True)

    def initializePage(self) -> None:
        p = self.wiz.preview
        self.model.set_preview(p)
        if p is None:
            return
        c = p.counts
        self.counts.setText(
            _tr("Baru {new}, berubah {changed}, tetap {unchanged}, ditolak {rejected}.").format(
                **grouped(self.locale(), c)
            )
        )
        self.save_errors.setEnabled(c["rejected"] > 0)
        self.setButtonText(QWizard.WizardButton.CommitButton, commit_text(p, self.locale()))
        warning = " ".join(
            w
            for w in (
                messages.import_choices(p.layout, getattr(p, "subtotals", 0), self.wiz.lang),
                # A TPS watch list says which columns its headings made steps.
                p.notes(self.wiz.lang) if isinstance(p, watch_imports.WatchPreview) else "",
                messages.formula_warnings(p.warnings, p.warnings_total, self.wiz.lang),
            )
            if w
        )
        self.warnings.setText(warning)
        self.warnings.setVisible(bool(warning))
        # A sarpras list is saved whole or not at all: say so now, not after a click.
        self.show_error(p.refusal())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        p = self.wiz.preview
        return p is not None and p.refusal() is None

    def _save_errors(self) -> None:
        p = self.wiz.preview
        if p is None:
            return
        default = str(p.path.with_name(p.path.stem + "-ditolak.xlsx"))
        name, _ = QFileDialog.getSaveFileName(
            self, _tr("Simpan baris yang ditolak"), default, "Excel (*.xlsx)"
        )
        if name:
            self.write_errors(Path(name))

    def write_errors(self, out: Path) -> None:
        p = self.wiz.preview
        if p is not None:
            try:
                errors_xlsx.write(p, out, self.wiz.lang)
            except OSError as exc:
                self.show_error(exc)

    def begin(self) -> bool:
        p = self.wiz.preview
        if p is None:
            return False
        store, actor = self.wiz.store, self.wiz.actor
        write = importer(self.wiz.kind)[1]

        def job(progress: Progress, cancel: CancelToken) -> commit_mod.Outcome:
            return write(store, actor, p, progress, cancel)

        self.run(job, _tr("Menyimpan\u2026"), self.wiz.set_outcome)
        return False


def grouped(locale: QLocale, counts: Mapping[str, int]) -> dict[str, str]:
    """An import's counts as ``locale`` writes numbers, grouped ("59.966"), as its commit
    button says them: the preview said "Baru 59966" beside "Impor 59.966 baris"."""
    return {key: locale.toString(n) for key, n in counts.items()}


def commit_text(preview: Reviewable, locale: QLocale | None = None) -> str:
    """The commit button's words: what it writes, the new and changed rows."""
    if preview.refusal() is not None:  # off: a whole-file list with refused cells
        return _tr("Tidak dapat diimpor")
    n = preview.counts["new"] + preview.counts["changed"]
    if n == 0:
        return _tr("&Selesai tanpa perubahan")
    if n == 1:
        return _tr("&Impor 1 baris")
    return _tr("&Impor {n} baris").replace("{n}", (locale or QLocale()).toString(n))


class ListDonePage(DonePage["ImportWizard"]):
    def result_text(self) -> str | None:
        out = self.wiz.outcome
        if out is None:
            return None
        c = grouped(self.locale(), out.counts)
        if out.txn_id is None:
            return _tr(
                "Tidak ada yang perlu disimpan: {unchanged} baris sudah sama dengan basis data."
            ).format(**c)
        saved = _tr(
            "Tersimpan dalam satu transaksi (jurnal #{txn}): {new} baru, {changed} berubah, "
            "{unchanged} tetap."
        ).format(txn=out.txn_id, **c)
        if not out.counts.get("rejected"):
            return saved  # none refused: nothing to say of them
        left = _tr("{rejected} baris yang ditolak tidak dimuat.").format(**c)
        return f"{saved} {left}"
