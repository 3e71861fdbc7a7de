"""The import wizard: file -> sheet and column mapping -> preview with errors -> commit.

Rosters (personnel, TPS, units), sarpras lists, incident logs, plotting lists and the TPS
watch's lists go through the same pages: each kind's ``prepare`` and ``commit`` share one
interface (``opscenter.roster.preview.Reviewable``). A sarpras list without a unit column
belongs to the unit chosen on the mapping page, preset to the one its letterhead names; a
plotting list fills the stage chosen there, preset to the voting stage.

Reading, checking and writing run off the GUI thread, a page at a time (``ui.job_wizard``:
a progress dialog appears after about half a second, with a cancel button). Each page
starts its job from "next" and moves on by itself when the job has succeeded; a refusal is
shown on the page as one sentence. The first and last pages (``FilePage``, ``DonePage``)
serve the regions import too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from opscenter import incident_import, messages
from opscenter.actor import Actor
from opscenter.plotting import plot_import
from opscenter.progress import CancelToken, Progress
from opscenter.readiness import sarpras_io
from opscenter.roster import commit as commit_mod
from opscenter.roster import errors_xlsx
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options, Reviewable
from opscenter.roster.sheet_guess import Scan, scan
from opscenter.store import Store
from opscenter.watch import imports as watch_imports
from ui.import_models import ColumnDelegate, MappingModel, PreviewModel
from ui.job_wizard import JobPage, JobWizard, W
from ui.tab_order import leave_on_tab
from ui.table_view import style_table
from ui.translations import translator

_tr = translator("ImportWizard")


def _kinds() -> list[tuple[str, str]]:
    return [
        ("personnel", _tr("Daftar personel")),
        ("tps", _tr("Daftar TPS")),
        ("units", _tr("Daftar satuan")),
        (sarpras_io.KIND, _tr("Daftar sarpras")),
        (incident_import.KIND, _tr("Log kejadian")),
        (plot_import.KIND, _tr("Plotting personel")),
        (watch_imports.KIND, _tr("Laporan pemantauan TPS")),
    ]


@dataclass(frozen=True, slots=True)
class Scanned:
    """A scan, and for a sarpras list the units it may belong to (with the letterhead's),
    for a plotting list the stages it may fill (preset to the voting stage)."""

    scan: Scan
    units: sarpras_io.UnitChoice | None = None
    stages: plot_import.StageChoice | None = None


def scan_job(
    store: Store, path: Path, kind: str, sheet: str | None
) -> Callable[[Progress, CancelToken], Scanned]:
    """The background job that reads the file's first rows (and, for a sarpras list, the
    units to choose from)."""

    def job(progress: Progress, cancel: CancelToken) -> Scanned:
        result = scan(path, kind, sheet, progress, cancel)
        if kind == plot_import.KIND:
            return Scanned(result, stages=plot_import.stage_choice(store))
        if kind != sarpras_io.KIND:
            return Scanned(result)
        return Scanned(result, sarpras_io.unit_choice(store, result.letterhead))

    return job


# Each kind's check and write, with one signature: (store, path, options, progress, cancel)
# and (store, actor, preview, progress, cancel).
Prepare = Callable[[Store, Path, Options, Progress, CancelToken], Reviewable]
Commit = Callable[[Store, Actor, Any, Progress, CancelToken], commit_mod.Outcome]


def _importer(kind: str) -> tuple[Prepare, Commit]:
    if kind == sarpras_io.KIND:
        return sarpras_io.prepare, sarpras_io.commit
    if kind == incident_import.KIND:
        return incident_import.prepare, incident_import.commit
    if kind == plot_import.KIND:
        return plot_import.prepare, plot_import.commit
    if kind == watch_imports.KIND:
        return watch_imports.prepare, watch_imports.commit
    return prepare, commit_mod.commit


class FilePage(JobPage[W]):
    """The first page: the kind of list and its file, read by ``read`` (a wizard's own)."""

    # The kinds of file the file dialog offers.
    file_filter = "Lembar kerja (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv)"

    def __init__(self, wizard: W) -> None:
        super().__init__(wizard, _tr("Pilih berkas"))
        self.browse_title = _tr("Pilih lembar kerja")  # the file dialog's caption
        self.setSubTitle(_tr("Lembar kerja dari Polres: xlsx, xls, xlsb, ods atau csv."))
        self.kind = QComboBox(self)
        for key, label in _kinds():
            self.kind.addItem(label, key)
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        browse = QPushButton(_tr("&Telusuri\u2026"), self)
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        # Alt+J and Alt+B reach the fields; the file's path is where typing starts.
        kind_label = QLabel(_tr("&Jenis data:"), self)
        kind_label.setBuddy(self.kind)
        path_label = QLabel(_tr("&Berkas:"), self)
        path_label.setBuddy(self.path)
        form.addRow(kind_label, self.kind)
        form.addRow(path_label, row)
        form.addRow(self.error)

    def initializePage(self) -> None:
        # After QWizard has given the page's first field (the kind) the focus.
        QTimer.singleShot(0, self.path, self.path.setFocus)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.browse_title, "", self.file_filter)
        if name:
            self.path.setText(name)

    def begin(self) -> bool:
        text = self.path.text().strip()
        if not text:
            return self.refuse(_tr("Pilih berkas yang akan diimpor."))
        self.read(Path(text))
        return False

    def read(self, path: Path) -> None:
        """Start the job that reads ``path``."""
        raise NotImplementedError


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
                "Klik dua kali untuk mengubah."
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
        said = messages.import_choices(s.layout, 0, self.wiz.lang)
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
        check = _importer(s.kind)[0]

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
        self.view = style_table(QTableView(self), name="importPreview", read_only=True)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        # Row, result and key in full (Qt measures the first thousand rows); details take the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.save_errors = QPushButton(_tr("Simpan baris yang ditolak\u2026"), self)
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
            _tr("Baru {new}, berubah {changed}, tetap {unchanged}, ditolak {rejected}.").format(**c)
        )
        self.save_errors.setEnabled(c["rejected"] > 0)
        self.setButtonText(QWizard.WizardButton.CommitButton, commit_text(p))
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
        write = _importer(self.wiz.kind)[1]

        def job(progress: Progress, cancel: CancelToken) -> commit_mod.Outcome:
            return write(store, actor, p, progress, cancel)

        self.run(job, _tr("Menyimpan\u2026"), self.wiz.set_outcome)
        return False


def commit_text(preview: Reviewable) -> str:
    """The commit button's words: what it writes, the new and changed rows."""
    n = preview.counts["new"] + preview.counts["changed"]
    if n == 0:
        return _tr("Selesai tanpa perubahan")
    if n == 1:
        return _tr("Impor 1 baris")
    return _tr("Impor {n} baris").replace("{n}", QLocale().toString(n))


class DonePage(QWizardPage, Generic[W]):
    """The last page: what the import saved (``result_text``, a wizard's own)."""

    def __init__(self, wizard: W) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(_tr("Selesai"))
        # Done is done: only "Tutup" (the wizard hides Back and Cancel on this page).
        self.setButtonText(QWizard.WizardButton.FinishButton, _tr("Tutup"))
        self.result = QLabel(self)
        self.result.setObjectName("importResult")
        self.result.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.result)

    def initializePage(self) -> None:
        text = self.result_text()
        if text is not None:
            self.result.setText(text)

    def result_text(self) -> str | None:
        """What was saved; None before anything was."""
        raise NotImplementedError


class ListDonePage(DonePage["ImportWizard"]):
    def result_text(self) -> str | None:
        out = self.wiz.outcome
        if out is None:
            return None
        c = out.counts
        if out.txn_id is None:
            return _tr(
                "Tidak ada yang perlu disimpan: {unchanged} baris sudah sama dengan basis data."
            ).format(**c)
        return _tr(
            "Tersimpan dalam satu transaksi (jurnal #{txn}): {new} baru, {changed} berubah, "
            "{unchanged} tetap; {rejected} baris ditolak tidak dimuat."
        ).format(txn=out.txn_id, **c)


class ImportWizard(JobWizard):
    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        lang: str = "id",
        parent: QWidget | None = None,
        kind: str | None = None,
        stage_id: int | None = None,
    ) -> None:
        """``kind`` presets the kind of data; ``stage_id`` a plotting list's stage."""
        super().__init__(store, actor=actor, lang=lang, parent=parent, title=_tr("Impor data"))
        self.stage_id = stage_id
        self.scan_result: Scan | None = None
        self.units: sarpras_io.UnitChoice | None = None  # a sarpras list's units
        self.stages: plot_import.StageChoice | None = None  # a plotting list's stages
        self.preview: Reviewable | None = None
        self.outcome: commit_mod.Outcome | None = None
        self.file_page = ListFilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = ListDonePage(self)
        self.add_pages(self.file_page, self.mapping_page, self.preview_page, self.done_page)
        if kind is not None:
            self.file_page.kind.setCurrentIndex(self.file_page.kind.findData(kind))
        self.resize(900, 600)

    @property
    def kind(self) -> str:
        return self.scan_result.kind if self.scan_result is not None else ""

    def set_scan(self, result: Scanned) -> None:
        self.scan_result = result.scan
        self.units = result.units
        self.stages = result.stages

    def set_preview(self, result: Reviewable) -> None:
        self.preview = result

    def set_outcome(self, result: commit_mod.Outcome) -> None:
        self.outcome = result


def open_plotting_import(
    parent: QWidget, store: Store, actor: Actor, stage_id: int, *, lang: str
) -> None:
    """The wizard on "Plotting personel" for the stage the plotting window shows (its menu's
    *Impor plotting dari Excel…*), as a window of its own, in the window's language."""
    wizard = ImportWizard(
        store,
        actor=actor,
        lang=lang,
        parent=parent,
        kind=plot_import.KIND,
        stage_id=stage_id or None,
    )
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
