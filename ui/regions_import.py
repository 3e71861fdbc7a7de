"""Data > Impor batas wilayah: ``opscenter regions import`` in a wizard.

File -> the code and name fields -> a preview with counts -> one journaled commit. The
reading, checking and writing are ``opscenter.geo.imports``'s, so a file is refused here in
the same one sentence as on the command line. The first and last pages are the import
wizard's (``ui.import_pages.FilePage``, ``DonePage``), the others are built on the same
page (``ui.job_wizard.JobPage``: the refusal label, the background job with progress and
cancel). Its sheet, column mapping and row preview do not fit a GIS file, whose fields are
two (code and name) and which is taken whole or refused whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from opscenter.actor import Actor
from opscenter.geo import imports
from opscenter.progress import CancelToken, Job, Progress
from opscenter.roster.errors import RosterError
from opscenter.store import Store
from ui.import_pages import DonePage, FilePage
from ui.job_wizard import JobPage, JobWizard
from ui.translations import translator

_tr = translator("RegionsImport")


@dataclass(frozen=True, slots=True)
class Found:
    """What reading the file found: its fields and, when the code and name fields were
    clear, the preview; else the refusal that asks the user to choose them."""

    path: Path
    fields: list[str]
    operation_id: int | None
    preview: imports.Preview | None
    unsure: RosterError | None


def read_job(store: Store, path: Path) -> Job[Found]:
    """The background job of the first page: the file's fields and, where the import can
    tell the code and name fields by their names, the preview."""

    def job(_progress: Progress, cancel: CancelToken) -> Found:
        operation_id = imports.operation_of(store)
        names = imports.fields(path)  # an unreadable file is refused here
        cancel.check()
        try:
            preview = imports.prepare(store, path, operation_id=operation_id)
        except RosterError as unsure:
            if unsure.reason not in imports.FIELD_REASONS:
                raise
            return Found(path, names, operation_id, None, unsure)
        return Found(path, names, operation_id, preview, None)

    return job


class RegionsFilePage(FilePage["RegionsImportWizard"]):
    """The import wizard's file page without its kind of list (the kind is a GIS file)."""

    file_filter = "Batas wilayah (*.geojson *.json *.zip *.csv);;Semua berkas (*)"

    def __init__(self, wizard: RegionsImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(_tr("Pilih berkas batas wilayah"))
        self.setSubTitle(
            _tr(
                "GeoJSON, Shapefile dalam zip (.shp dengan .dbf, derajat WGS 84) "
                "atau CSV berkolom kode dan nama."
            )
        )
        self.browse_title = _tr("Pilih berkas batas wilayah")
        form = self.layout()
        assert isinstance(form, QFormLayout)
        form.setRowVisible(self.kind, False)

    def read(self, path: Path) -> None:
        self.run(read_job(self.wiz.store, path), _tr("Membaca berkas\u2026"), self.wiz.set_found)


class RegionsFieldsPage(JobPage["RegionsImportWizard"]):
    """The code and name fields: as the import found them, or chosen where it is unsure."""

    def __init__(self, wizard: RegionsImportWizard) -> None:
        super().__init__(wizard, _tr("Kolom"))
        self.setSubTitle(
            _tr("Kolom yang memuat kode Kemendagri dan nama wilayah; ganti bila keliru.")
        )
        self.code = QComboBox(self)
        self.code.setObjectName("regionsCodeField")
        self.name = QComboBox(self)
        self.name.setObjectName("regionsNameField")
        # Alt+O and Alt+M: the wizard's buttons take K (Kembali), L (Lanjut), A (Batal), and in
        # English B, N and C (Back, Next, Cancel).
        code_label = QLabel(_tr("Kolom k&ode:"), self)
        code_label.setBuddy(self.code)
        name_label = QLabel(_tr("Kolom na&ma:"), self)
        name_label.setBuddy(self.name)
        form = QFormLayout(self)
        form.addRow(code_label, self.code)
        form.addRow(name_label, self.name)
        form.addRow(self.error)

    def initializePage(self) -> None:
        found = self.wiz.found
        if found is None:
            return
        for box in (self.code, self.name):
            box.clear()
            box.addItems(found.fields)
            box.setCurrentIndex(-1)  # nothing chosen until the import or the user says
        if found.preview is not None:
            self.code.setCurrentText(found.preview.code_field)
            self.name.setCurrentText(found.preview.name_field)
        self.show_error(found.unsure)

    def chosen(self) -> tuple[str, str] | None:
        if self.code.currentIndex() < 0 or self.name.currentIndex() < 0:
            return None
        return self.code.currentText(), self.name.currentText()

    def begin(self) -> bool:
        found = self.wiz.found
        if found is None:
            return False
        fields = self.chosen()
        if fields is None:
            return self.refuse(_tr("Pilih kolom kode dan kolom nama wilayah."))
        if fields[0] == fields[1]:
            return self.refuse(_tr("Kolom kode dan kolom nama tidak boleh sama."))
        p = self.wiz.preview
        if p is not None and p.file == found.path and (p.code_field, p.name_field) == fields:
            return True  # as read on the first page: nothing to check again
        store, path, operation_id = self.wiz.store, found.path, found.operation_id

        def job(_progress: Progress, _cancel: CancelToken) -> imports.Preview:
            return imports.prepare(
                store,
                path,
                operation_id=operation_id,
                code_field=fields[0],
                name_field=fields[1],
            )

        self.run(job, _tr("Memeriksa wilayah\u2026"), self.wiz.set_preview)
        return False


def changes(preview: imports.Preview) -> int:
    """How many things the commit writes: new and changed boundaries, codes given."""
    return preview.counts["new"] + preview.counts["changed"] + len(preview.codes)


class RegionsPreviewPage(JobPage["RegionsImportWizard"]):
    def __init__(self, wizard: RegionsImportWizard) -> None:
        super().__init__(wizard, _tr("Pratinjau"))
        self.counts = QLabel(self)
        self.counts.setObjectName("regionsCounts")
        self.counts.setWordWrap(True)
        note = QLabel(
            _tr(
                "Batas yang diimpor disimpan di basis data, dipakai semua workstation, dan "
                "menggantikan batas bawaan berkode sama."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.setCommitPage(True)

    def initializePage(self) -> None:
        p = self.wiz.preview
        if p is None:
            return
        c, number = p.counts, QLocale().toString
        self.counts.setText(
            _tr(
                "{rows} wilayah dari {file} (kolom kode {code}, nama {name}).\n"
                "Batas wilayah: {new} baru, {changed} berubah (nama atau bentuk), "
                "{unchanged} tetap; {repaired} bentuk diperbaiki saat dibaca.\n"
                "{codes} wilayah operasi mendapat kode Kemendagri-nya."
            ).format(
                rows=number(len(p.rows)),
                file=p.file.name,
                code=p.code_field,
                name=p.name_field,
                new=number(c["new"]),
                changed=number(c["changed"]),
                unchanged=number(c["unchanged"]),
                repaired=number(p.repaired),
                codes=number(len(p.codes)),
            )
        )
        n = changes(p)
        self.setButtonText(
            QWizard.WizardButton.CommitButton,
            _tr("&Selesai tanpa perubahan")
            if n == 0
            else _tr("&Simpan {n} perubahan").replace("{n}", number(n)),
        )
        self.show_error(None)

    def begin(self) -> bool:
        p, found = self.wiz.preview, self.wiz.found
        if p is None or found is None:
            return False
        store, actor, operation_id = self.wiz.store, self.wiz.actor, found.operation_id

        def job(_progress: Progress, cancel: CancelToken) -> int | None:
            return imports.commit(store, actor, p, operation_id, cancel)

        self.run(job, _tr("Menyimpan\u2026"), self.wiz.set_txn)
        return False


class RegionsDonePage(DonePage["RegionsImportWizard"]):
    """The import wizard's last page, saying what this import saved."""

    def result_text(self) -> str | None:
        p = self.wiz.preview
        if p is None:
            return None
        if self.wiz.txn_id is None:
            return _tr("Tidak ada yang berubah: basis data sudah sama dengan berkas.")
        return _tr(
            "Tersimpan dalam satu transaksi (jurnal #{txn}): {new} batas baru, {changed} "
            "berubah, {codes} wilayah mendapat kodenya. Peta yang terbuka segera memakainya."
        ).format(
            txn=self.wiz.txn_id,
            new=p.counts["new"],
            changed=p.counts["changed"],
            codes=len(p.codes),
        )


class RegionsImportWizard(JobWizard):
    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        lang: str = "id",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            store, actor=actor, lang=lang, parent=parent, title=_tr("Impor batas wilayah")
        )
        self.found: Found | None = None
        self.preview: imports.Preview | None = None
        self.txn_id: int | None = None
        self.file_page = RegionsFilePage(self)
        self.fields_page = RegionsFieldsPage(self)
        self.preview_page = RegionsPreviewPage(self)
        self.done_page = RegionsDonePage(self)
        self.add_pages(self.file_page, self.fields_page, self.preview_page, self.done_page)
        self.resize(720, 480)

    def set_found(self, found: Found) -> None:
        self.found = found
        self.preview = found.preview

    def set_preview(self, preview: imports.Preview) -> None:
        self.preview = preview

    def set_txn(self, txn_id: int | None) -> None:
        self.txn_id = txn_id
