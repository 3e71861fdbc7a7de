"""The planning window's Excel actions on the vulnerability matrix.

Export is a read (no journal, no write thread). Import is a long write: it runs through
``ui.worker`` on the write thread with a progress dialog and a cancel button, so the window
stays responsive; the file is read, checked and, when refused, copied with its bad cells
marked red, all in that job. A refused or cancelled workbook saves nothing and is said in
one sentence in the window's banner.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QPushButton

from opscenter import messages, planning
from opscenter.errors import OpsError
from opscenter.progress import CancelToken, Progress
from ui.error_dialog import sentence_for
from ui.pending import saving_text
from ui.save_dialog import ask_save_path
from ui.translations import translator
from ui.worker import JobHandle, start_job, write_pool

if TYPE_CHECKING:  # the window imports this module; its type only, for the checker
    from ui.planning_window import PlanningWindow

log = logging.getLogger(__name__)
# A refused workbook: the banner lists this many bad cells, the marked copy has them all.
MAX_LISTED = 6


_tr = translator("PlanningWindow")


def marked_path(path: Path) -> Path:
    """Where a refused workbook's marked copy goes: beside it, "-ditolak" added."""
    return path.with_name(f"{path.stem}-ditolak{path.suffix}")


class MatrixWorkbook(QObject):
    """Export and import of one planning window's matrix. ``ended`` says how an import
    ended: saved (True), or refused, failed or cancelled (False)."""

    ended = Signal(bool)

    def __init__(self, window: PlanningWindow, import_button: QPushButton) -> None:
        super().__init__(window)
        self._window = window
        self._button = import_button
        self.job: JobHandle | None = None

    def busy(self) -> bool:
        return self.job is not None and not self.job.done

    # -- export -----------------------------------------------------------------------------

    def ask_export(self) -> None:
        path, _ = ask_save_path(
            self._window,
            _tr("Ekspor matriks kerawanan"),
            "kerawanan.xlsx",
            _tr("Buku kerja Excel (*.xlsx)"),
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the matrix to a workbook (a read: no journal, no write thread)."""
        w = self._window
        w.hide_banner()
        try:
            with w.store.read() as s:
                n = planning.export_matrix(s, w.operation_id, path)
        except OpsError as exc:
            w.show_problem(sentence_for(exc))
            return
        w.show_note(_tr("{n} penilaian ditulis ke {path}.").format(n=n, path=path))

    # -- import -----------------------------------------------------------------------------

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            _tr("Impor matriks kerawanan"),
            "",
            _tr("Buku kerja (*.xlsx *.xls *.xlsb *.ods)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> JobHandle | None:
        """Apply a workbook off the GUI thread (the write thread, after any pending save),
        with progress and cancel; a refused one lists its bad cells and gets a marked copy.
        None when an import is already running."""
        if self.busy():
            return None
        w = self._window
        w.hide_banner()
        store, actor, op_id, marked = w.store, w.actor, w.operation_id, marked_path(path)

        def job(progress: Progress, cancel: CancelToken) -> planning.ImportResult:
            return planning.import_matrix(
                store, actor, op_id, path, progress, cancel, mark_to=marked
            )

        label = self._button.text()
        self._button.setEnabled(False)
        self._button.setText(saving_text())

        def over() -> None:
            self._button.setText(label)
            self._button.setEnabled(True)

        def imported(result: planning.ImportResult) -> None:
            over()
            w.reload()
            w.show_note(
                _tr("Impor selesai: {new} baru, {changed} berubah, {same} tetap.").format(
                    new=result.new, changed=result.changed, same=result.unchanged
                )
            )
            self.ended.emit(True)

        def failed(error: BaseException) -> None:
            over()
            if not isinstance(error, OpsError):  # a bug: the crash dialog, after the button
                self.ended.emit(False)
                raise error
            log.info("planning import refused: %r", error)
            if isinstance(error, planning.ImportRejected):
                w.show_problem(self._rejection_text(error, path))
            else:
                w.show_problem(sentence_for(error))
            w.reload()
            self.ended.emit(False)

        def cancelled() -> None:
            over()
            w.show_note(_tr("Impor dibatalkan; tidak ada yang disimpan."))
            self.ended.emit(False)

        self.job = start_job(
            job,
            parent=w,
            title=_tr("Impor matriks kerawanan"),
            on_success=imported,
            on_failure=failed,
            on_cancel=cancelled,
            pool=write_pool(),  # a write: it takes its turn with the window's saves
        )
        return self.job

    def _rejection_text(self, exc: planning.ImportRejected, path: Path) -> str:
        lang = self._window.locale().name()[:2]
        problems = exc.problems
        lines = [
            _tr(
                "Berkas {path} ditolak, tidak ada yang disimpan. Perbaiki {n} sel berikut lalu "
                "impor lagi:"
            ).format(path=path, n=len(problems))
        ]
        lines += [messages.describe_cell(p, lang) for p in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append(_tr("\u2026 dan {n} sel lainnya.").format(n=len(problems) - MAX_LISTED))
        written = exc.data.get("marked")  # written by the import job, off the GUI thread
        if written is not None:
            lines.append(_tr("Sel yang salah ditandai merah di {path}.").format(path=written))
        return "\n".join(lines)
