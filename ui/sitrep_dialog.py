"""The "Laporan Situasi" dialog: choose (``ui.sitrep_choices``), preview
(``ui.sitrep_preview``), save and print; and where the scheduled reports are set
(``ui.sitrep_schedule``).

The work (assemble, render, preview images: ``ui.sitrep_build.produce``) runs off the GUI
thread through ``ui.worker.start_job`` that returns plain data; the page preview is drawn
with pypdfium2 (no QtPdf). The preview is never stale: any change to what the PDF would show
greys it at once ("Pratinjau diperbarui\u2026") and renders it again after a short pause; a
newer render supersedes (and cancels) an older one still running, whose result is dropped.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opscenter import operations, sitrep
from opscenter.actor import Actor
from opscenter.clock import Clock, file_name
from opscenter.clock import now as operation_now
from opscenter.errors import OpsError
from opscenter.store import Store
from ui.error_dialog import sentence_for
from ui.pending import PendingWrite
from ui.save_dialog import ask_save_path
from ui.screen_fit import fit_to_screen, scrolling, unscrolled
from ui.sitrep_build import Produced, Request, produce
from ui.sitrep_choices import SitrepChoices
from ui.sitrep_preview import PreviewPane
from ui.sitrep_schedule import ScheduleBox, Scheduler
from ui.tab_order import chain
from ui.unsaved import may_close
from ui.worker import JobHandle, start_job

REFRESH_MS = 400  # the pause after the last change before the preview is rendered again
# The preview's width for a portrait page whole (A4 at ``ui.sitrep_build.PREVIEW_SCALE``:
# 536 px), its margins and the vertical scroll bar: the dialog asks for it beside the choices.
PAGE_ROOM = 580


class SitrepDialog(QDialog):
    """Laporan Situasi: choose, preview, save, print."""

    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        scheduler: Scheduler | None = None,
        clock: Clock = operation_now,
        lang: str = "id",
        auto_preview: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._clock, self._lang = store, clock, lang
        self._actor = actor
        self.scheduler = scheduler or Scheduler(
            store, actor=actor, clock=clock, lang=lang, parent=self
        )
        self.produced: Produced | None = None
        self.saved_path: Path | None = None
        self._job: JobHandle | None = None  # a save or print: one at a time
        self._preview_job: JobHandle | None = None  # the newest preview render, if running
        self._after: Callable[[Produced], None] | None = None
        # Bumped on every change to what the PDF would show: a result made from older
        # choices is never shown as the preview.
        self._choices_version = 0
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.generate_preview)
        self.writes = PendingWrite(self)  # the signatory is saved on the write thread
        self.setWindowTitle(self.tr("Laporan Situasi"))

        with store.read() as s:
            op = operations.get_operation(s)
            self.zone = ZoneInfo(op.timezone)
            self.operation_code = op.code
            self._cutoff_hour = op.report_cutoff_hour
            period = sitrep.default_period(clock(), self._cutoff_hour, self.zone)
            sig = sitrep.signatory_of(op)
            on_behalf = op.signatory_on_behalf

        # Left: the choices, then the schedule.
        self.choices = choices = SitrepChoices(
            store,
            self.operation_code,
            self.zone,
            period=period,
            cutoff_hour=self._cutoff_hour,
            signatory=sig,
            on_behalf=on_behalf,
            parent=self,
        )
        # The fields under the dialog's own names: the tab order below, and its callers.
        self.period_from, self.period_to = choices.period_from, choices.period_to
        self.classification = choices.classification
        self.sig_title, self.sig_name = choices.sig_title, choices.sig_name
        self.sig_rank, self.sig_nrp = choices.sig_rank, choices.sig_nrp
        self.sig_on_behalf, self.sig_save = choices.sig_on_behalf, choices.sig_save
        self.section_boxes = choices.section_boxes
        self.sig_save.clicked.connect(self.save_signatory)
        choices.daily_button.clicked.connect(self.daily_period)
        choices.recent_button.clicked.connect(self.recent_period)
        self.schedule = schedule = ScheduleBox(self.scheduler, self.zone, self)
        self.schedule_on, self.schedule_status = schedule.on, schedule.status
        self.schedule_hours, self.schedule_folder = schedule.hours_edit, schedule.folder_edit
        self.schedule_browse, self.schedule_apply = schedule.browse, schedule.apply_button

        self.preview_button = QPushButton(self.tr("&Pratinjau"), self)
        self.save_button = QPushButton(self.tr("&Simpan\u2026"), self)
        self.print_button = QPushButton(self.tr("&Cetak"), self)
        self.close_button = close = QPushButton(self.tr("Tutup"), self)
        self.preview_button.clicked.connect(self.generate_preview)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_report)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.save_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        # Two columns: the period, the signatory and the schedule; the sections. One column was
        # taller than a 1366x768 laptop: "Laporan terjadwal" lay below the fold.
        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(choices)
        main.addWidget(schedule)
        main.addStretch(1)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(choices.sections_box)
        side.addStretch(1)
        left = QHBoxLayout()
        left.addLayout(main, 1)
        left.addLayout(side)
        left_w = QWidget(self)
        left_w.setLayout(left)
        # As wide as its longest label needs (a fixed width cut "Simpan sebagai bawaan
        # operasi"); it scrolls where the screen is lower than the choices.
        choices_area = scrolling(left_w, self)
        choices_area.setObjectName("sitrepChoices")
        choices_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields are the stops

        self.preview_pane = pane = PreviewPane(self)
        self.preview, self.stale_label = pane.area, pane.stale_label
        self.pages_widget, self.pages_layout = pane.pages_widget, pane.pages_layout

        body = QHBoxLayout()
        body.addWidget(choices_area)
        body.addWidget(pane, 1)
        column = QVBoxLayout(self)
        column.addLayout(body, 1)
        column.addWidget(self.progress)
        column.addWidget(self.message)
        column.addLayout(buttons)
        # Tall enough for the choices whole where the screen has room (at 860 px they scrolled
        # on a 1920x1080 screen, "Terapkan jadwal" cut); on a lower screen they scroll.
        tall = self.sizeHint().height() + unscrolled(choices_area)
        # As wide as the choices and a page beside them, where the screen has room.
        edges = column.contentsMargins()
        wide = (
            choices_area.minimumWidth() + body.spacing() + PAGE_ROOM + edges.left() + edges.right()
        )
        fit_to_screen(self, QSize(max(1180, wide), max(860, tall)))
        choices.changed.connect(self._choices_changed)
        # Reading order: the left column top to bottom, the sections beside it, the buttons.
        chain(
            self.period_from,
            self.period_to,
            choices.daily_button,
            choices.recent_button,
            self.classification,
            self.sig_title,
            self.sig_name,
            self.sig_rank,
            self.sig_nrp,
            self.sig_on_behalf,
            self.sig_save,
            self.schedule_on,
            self.schedule_hours,
            self.schedule_folder,
            self.schedule_browse,
            self.schedule_apply,
            *self.section_boxes.values(),  # the column beside
            self.preview,  # the pages: arrows and Page Up/Down scroll them
            self.preview_button,
            self.save_button,
            self.print_button,
            self.close_button,
        )
        if auto_preview:
            QTimer.singleShot(0, self, self.generate_preview)

    # -- inputs ---------------------------------------------------------------------------------

    @property
    def preview_stale(self) -> bool:
        """The pages shown are not those of the choices as they are now."""
        return self.preview_pane.stale

    def _choices_changed(self) -> None:
        """Grey the preview now; render it again once the choices rest for ``REFRESH_MS``."""
        self._choices_version += 1
        self.preview_pane.mark_stale(self.tr("Pratinjau diperbarui\u2026"))
        self._refresh.start()  # restarts the pause on every keystroke or click

    def set_period(self, start: datetime, end: datetime) -> None:
        self.choices.set_period(start, end)

    def request(self, *, issue: bool = False, out: Path | None = None) -> Request:
        return self.choices.request(self._clock(), issue=issue, out=out)

    # -- running --------------------------------------------------------------------------------

    def busy(self) -> bool:
        """A save, print or preview is running, or a preview waits for the choices to rest."""
        return self._job is not None or self._preview_job is not None or self._refresh.isActive()

    def _begin(self) -> None:
        self.message.clear()
        self.message.setStyleSheet("")
        self.progress.setValue(0)
        self.progress.show()

    def _ended(self) -> None:
        if self._job is None and self._preview_job is None:
            self.progress.hide()

    def _start(self, req: Request, after: Callable[[Produced], None] | None = None) -> None:
        """Save or print (``req.issue``): one at a time; the preview keeps refreshing."""
        if self._job is not None:
            return
        # Its pages are those of the choices as they are now: they are the preview too.
        self._refresh.stop()
        self._supersede_preview()
        self._begin()
        for b in (self.save_button, self.print_button):
            b.setEnabled(False)
        store, actor = self._store, self._actor
        self._after = after
        version = self._choices_version
        self._job = start_job(
            lambda progress, _cancel: produce(store, actor, req, progress),
            parent=self,  # closed meanwhile: nothing left to show the result in
            on_success=lambda result: self._succeeded(result, version),
            on_failure=self._failed,
        )
        self._job.signals.progressed.connect(self._progressed)

    def _progressed(self, done: int, total: int, _what: str) -> None:
        self.progress.setValue(int(100 * done / max(1, total)))

    def _finish(self) -> None:
        self._job = None
        self._ended()
        for b in (self.save_button, self.print_button):
            b.setEnabled(True)

    def _succeeded(self, result: Produced, version: int) -> None:
        self._finish()
        if version == self._choices_version:  # else a newer preview is on its way
            self._show(result)
        after, self._after = self._after, None
        if after is not None:
            after(result)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self._after = None
        self._say(sentence_for(error, self._lang), error=True)

    def _show(self, result: Produced) -> None:
        self.produced = result
        self.preview_pane.show_pages(result.pages)
        self.preview_pane.mark_fresh()
        r = result.report
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("{pages} halaman \u00b7 nomor {number} \u00b7 sidik isi {fp}").format(
                pages=len(result.pages), number=r.number, fp=r.short_fingerprint
            )
        )

    # -- the preview ----------------------------------------------------------------------------

    def _supersede_preview(self) -> None:
        """Stop the render still running: it is cancelled and its result goes to nobody."""
        old, self._preview_job = self._preview_job, None
        if old is not None:
            old.on_success = old.on_failure = old.on_cancel = None
            old.signals.progressed.disconnect(self._progressed)
            old.cancel.cancel()

    def _previewed(self, result: Produced, version: int) -> None:
        self._preview_job = None
        self._ended()
        if version == self._choices_version:
            self._show(result)

    def _preview_failed(self, error: BaseException, version: int) -> None:
        self._preview_job = None
        self._ended()
        if version == self._choices_version:
            self.preview_pane.mark_stale(
                self.tr("Pratinjau tidak diperbarui; lihat pesan di bawah.")
            )
            self._say(sentence_for(error, self._lang), error=True)

    # -- actions --------------------------------------------------------------------------------

    def generate_preview(self) -> None:
        """Render the preview of the choices as they are now, superseding an older render."""
        self._refresh.stop()
        self._supersede_preview()
        if self.produced is None:
            self.preview_pane.mark_stale(self.tr("Pratinjau diperbarui\u2026"))
        try:
            req = self.request()
        except OpsError as exc:  # e.g. the operation is gone: one sentence
            self._refused(exc)
            return
        self._begin()
        store, actor = self._store, self._actor
        version = self._choices_version
        self._preview_job = start_job(
            lambda progress, cancel: produce(store, actor, req, progress, cancel=cancel),
            parent=self,
            on_success=lambda result: self._previewed(result, version),
            on_failure=lambda error: self._preview_failed(error, version),
        )
        self._preview_job.signals.progressed.connect(self._progressed)

    def save_to(self, path: Path) -> None:
        """Take a number, write the report to ``path`` and show it."""

        def saved(result: Produced) -> None:
            self.saved_path = result.path
            self.message.setText(
                self.tr("Laporan {number} disimpan ke {path}.").format(
                    number=result.report.number, path=result.path
                )
            )

        self._start(self.request(issue=True, out=path), saved)

    def default_name(self) -> str:
        """``LAPSIT-<the period's end>.pdf``: a report stands at its period's end
        (``opscenter.clock.file_name``, the one rule of a saved document's name)."""
        return file_name("LAPSIT", ".pdf", self.zone, self.choices.period()[1])

    def save_as(self) -> None:
        """Ask where to save, in the folder a report was last saved to (``ui.settings``)."""
        path, _ = ask_save_path(
            self,
            self.tr("Simpan laporan situasi"),
            self.default_name(),
            self.tr("Dokumen PDF (*.pdf)"),
        )
        if path is not None:
            self.save_to(path)

    def print_report(self) -> None:
        """Write to a temporary file and open it in the system viewer, which prints."""
        folder = Path(tempfile.gettempdir())
        path = folder / self.default_name()

        def opened(result: Produced) -> None:
            self.saved_path = result.path
            if result.path is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

        self._start(self.request(issue=True, out=path), opened)

    def daily_period(self) -> None:
        """The daily report's period: the 24 hours up to the last cut-off (the default)."""
        self.choices.set_period(*sitrep.default_period(self._clock(), self._cutoff_hour, self.zone))

    def recent_period(self) -> None:
        """The 24 hours up to now, to the second (an incident logged this minute is in); the
        fields show the minute, as the report prints it."""
        now = self._clock().astimezone(self.zone)
        self.choices.set_period(now - timedelta(hours=24), now)

    def save_signatory(self) -> None:
        """Keep the signatory on the operation, for every later report (journaled), on the
        write thread; ``writes.write_done`` says how it ended."""
        try:
            sig = self.choices.signatory()
        except OpsError as exc:  # e.g. the operation is gone: one sentence
            self._refused(exc)
            return
        store, actor, code = self._store, self._actor, self.operation_code
        self.writes.submit(
            lambda: sitrep.configure(store, actor, code, signatory=sig),
            on_saved=lambda _done: self._say(
                self.tr("Penanda tangan disimpan sebagai bawaan operasi.")
            ),
            on_refused=self._refused,
            button=self.sig_save,
        )

    def _refused(self, error: OpsError) -> None:
        self._say(sentence_for(error, self._lang), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828; font-weight: bold;" if error else "")
        self.message.setText(text)

    def apply_schedule(self) -> None:
        """Keep the schedule typed and arm the scheduled reports with it."""
        self.schedule.apply()

    # -- unsaved input: the signatory and the schedule -------------------------------------

    def is_dirty(self) -> bool:
        return self.choices.signatory_dirty() or self.schedule.is_dirty()

    def save_input(self) -> bool:
        if self.choices.signatory_dirty():
            self.save_signatory()
        if self.schedule.is_dirty():
            self.schedule.apply()
        # The signatory is saved on the write thread: ``may_close`` closes the dialog once it
        # is saved; a refusal is shown in the dialog, which stays open.
        return not self.writes.busy and not self.is_dirty()

    def discard_input(self) -> None:
        """Nothing is kept anywhere but in the fields, which close with the dialog."""

    def reject(self) -> None:
        if may_close(
            self, what=self.tr("Penanda tangan atau jadwal belum disimpan."), writes=self.writes
        ):
            super().reject()
