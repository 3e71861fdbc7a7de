"""The first and last pages of the spreadsheet import wizard (``ui.import_wizard``), which
the regions import (``ui.regions_import``) is built on too.

``FilePage`` asks for the kind of list and its file and hands the path to its wizard's
``read``; ``DonePage`` says what the import saved (its wizard's ``result_text``), with only
"Tutup" left to press.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from opscenter import incident_import, messages
from opscenter.plotting import plot_import
from opscenter.readiness import sarpras_io
from opscenter.watch import imports as watch_imports
from ui.job_wizard import JobPage, W
from ui.translations import translator

_tr = translator("ImportWizard")


# The kinds of list, in the wizard's order, as the core names them (a refusal such as "this
# file looks like a personnel roster, not a TPS list" names them the same way).
_KINDS = (
    "personnel",
    "tps",
    "units",
    sarpras_io.KIND,
    incident_import.KIND,
    plot_import.KIND,
    watch_imports.KIND,
)


class FilePage(JobPage[W]):
    """The first page: the kind of list and its file, read by ``read`` (a wizard's own)."""

    # The kinds of file the file dialog offers.
    file_filter = "Lembar kerja (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv)"

    def __init__(self, wizard: W) -> None:
        super().__init__(wizard, _tr("Pilih berkas"))
        self.browse_title = _tr("Pilih lembar kerja")  # the file dialog's caption
        self.setSubTitle(_tr("Lembar kerja dari Polres: xlsx, xls, xlsb, ods atau csv."))
        self.kind = QComboBox(self)
        for key in _KINDS:
            self.kind.addItem(messages.import_kind_name(key, wizard.lang), key)
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


class DonePage(QWizardPage, Generic[W]):
    """The last page: what the import saved (``result_text``, a wizard's own)."""

    def __init__(self, wizard: W) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(_tr("Selesai"))
        # Done is done: only "Tutup" (the wizard hides Back and Cancel on this page).
        self.setButtonText(QWizard.WizardButton.FinishButton, _tr("&Tutup"))
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
