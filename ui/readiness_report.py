"""Laporan > Laporan kesiapan… and the Kesiapan tab's button: the readiness report of every
Polres as a PDF, or the matrix as a workbook, exactly as ``opscenter readiness --out``
writes them (``reports.readiness.export``: one way to make and write it).

It asks where (``ui.save_dialog``: the folder of the last report, the file named like the
situation report's, by the operation's moment: ``opscenter.clock.file_name``,
``LAPKES-20241124-0310.pdf``), writes off
the GUI thread (``ui.worker``: progress after half a second, cancel), then says where the
file went with a button that opens it. A failure is one sentence (``ui.error_dialog``) and
leaves no file: the report is written through a temporary file, whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from opscenter.clock import Clock, file_name
from opscenter.operations import get_operation
from opscenter.progress import CancelToken, Progress
from opscenter.store import Store
from ui.error_dialog import sentence_for, show_error
from ui.save_dialog import ask_save_path, ending
from ui.translations import QT_TRANSLATE_NOOP, interface_language, translator
from ui.worker import JobHandle, start_job

_tr = translator("ReadinessReport")

# The file types offered, as the command line offers them: the report, or the matrix.
FILTERS = (
    QT_TRANSLATE_NOOP("ReadinessReport", "Laporan kesiapan, PDF (*.pdf)"),
    QT_TRANSLATE_NOOP("ReadinessReport", "Matriks kesiapan, Excel (*.xlsx)"),
)
# Object names of the box that says where the file went, and of its button that opens it.
DONE_BOX = "readinessReportWritten"
OPEN_BUTTON = "openReadinessReport"


class ReadinessReportExport(QObject):
    """Writes the readiness report for ``widget`` (the main window, or the Kesiapan tab):
    the dialogs it opens are that widget's. ``written`` carries the file written;
    ``failed`` the sentence said."""

    written = Signal(Path)
    failed = Signal(str)

    def __init__(self, store: Store, *, clock: Clock, widget: QWidget) -> None:
        super().__init__(widget)
        self._store, self._clock, self._widget = store, clock, widget
        self._lang = interface_language()
        self.job: JobHandle | None = None
        self.done_box: QMessageBox | None = None  # the last "written" box (tests)

    def busy(self) -> bool:
        return self.job is not None and not self.job.done

    def default_name(self) -> str:
        """``LAPKES-<the operation's date and time>.pdf``, named as every saved document is
        (``opscenter.clock.file_name``): the report stands at the operation's present."""
        with self._store.read() as s:
            zone = get_operation(s).timezone
        return file_name("LAPKES", ".pdf", zone, self._clock())

    def ask(self) -> None:
        """Ask where, then write there (the type chosen in the dialog gives the suffix)."""
        if self.busy():
            return
        try:
            name = self.default_name()
        except Exception as exc:  # e.g. no operation yet: one sentence, no dialog
            self._failed(exc)
            return
        filters = [_tr(f) for f in FILTERS]
        path, chosen = ask_save_path(
            self._widget, _tr("Simpan laporan kesiapan"), name, ";;".join(filters)
        )
        if path is None:
            return
        suffix = ".xlsx" if chosen == filters[1] else path.suffix.lower()
        if suffix not in (".pdf", ".xlsx"):
            suffix = ".pdf"
        self.write_to(ending(path, suffix))

    def write_to(self, path: Path) -> JobHandle:
        """Make the report now and write it to ``path`` (PDF or .xlsx by its suffix) in the
        background; ``written`` or ``failed`` says how it ended."""
        from reports.readiness import export  # reportlab, when first written

        store, at = self._store, self._clock()
        reading = _tr("Membaca matriks kesiapan\u2026")
        writing = _tr("Menulis {name}\u2026").format(name=path.name)

        def job(progress: Progress, cancel: CancelToken) -> tuple[str, Path]:
            progress(0, 2, reading)
            with store.read() as s:
                report = export.report(s, get_operation(s), at=at)
            cancel.check()
            progress(1, 2, writing)
            return report.number, export.write(report, path)

        self._say(_tr("Menulis laporan kesiapan ke {path}\u2026").format(path=path))
        self.job = start_job(
            job,
            parent=self._widget,
            title=_tr("Laporan kesiapan"),
            on_success=self._written,
            on_failure=self._failed,
            on_cancel=lambda: self._say(_tr("Laporan kesiapan dibatalkan; berkas tidak ditulis.")),
        )
        return self.job

    def _written(self, result: tuple[str, Path]) -> None:
        number, path = result
        if path.suffix.lower() == ".pdf":
            said = _tr("Laporan kesiapan {number} disimpan ke {path}.")
        else:
            said = _tr("Matriks kesiapan disimpan ke {path}.")
        said = said.format(number=number, path=path)
        self._say(said)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _tr("Laporan kesiapan"),
            said,
            QMessageBox.StandardButton.NoButton,
            self._widget,
        )
        box.setObjectName(DONE_BOX)
        opener = box.addButton(_tr("&Buka berkas"), QMessageBox.ButtonRole.AcceptRole)
        opener.setObjectName(OPEN_BUTTON)
        opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        # Qt's Close has no Alt letter; Esc still answers it (its standard role).
        closer = box.addButton(QMessageBox.StandardButton.Close)
        closer.setText(_tr("&Tutup"))
        box.setDefaultButton(opener)
        self.done_box = box
        box.finished.connect(box.deleteLater)
        box.open()
        self.written.emit(path)

    def _failed(self, error: BaseException) -> None:
        said = sentence_for(error, self._lang)
        self._say(said)
        self.failed.emit(said)
        show_error(self._widget, error, self._lang)

    def _say(self, text: str) -> None:
        """On the window's status line, where there is one."""
        window = self._widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)
