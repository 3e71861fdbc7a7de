"""The "Laporan Situasi" dialog: period, classification, signatory, sections, page preview,
save and print; and scheduled reports written to a folder at configured hours.

The work (assemble, render, preview images) runs off the GUI thread through ``ui.worker.start_job``
that returns plain data; the page preview is drawn with pypdfium2 (no QtPdf). The preview is
never stale: any change to what the PDF would show greys it at once ("Pratinjau
diperbarui\u2026") and renders it again after a short pause; a newer render supersedes (and
cancels) an older one still running, whose result is dropped. Scheduling
is ``opscenter.sitrep.next_run``, a pure function; here a single-shot ``QTimer`` waits
for its answer.
"""

from __future__ import annotations

import dataclasses
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from opscenter import operations, sitrep
from opscenter.actor import Actor
from opscenter.clock import now as operation_now
from opscenter.errors import OpsError
from opscenter.progress import CancelToken
from opscenter.store import Store
from ui import actions
from ui.error_dialog import sentence_for
from ui.pending import PendingWrite
from ui.screen_fit import fit_to_screen, scrolling
from ui.tab_order import OneStopDateTimeEdit, chain
from ui.unsaved import may_close
from ui.worker import JobHandle, start_job

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
PREVIEW_SCALE = 0.9  # points -> pixels of the preview (A4 ~ 536 x 758 px)
SETTINGS_HOURS = "sitrep/schedule_hours"
SETTINGS_FOLDER = "sitrep/schedule_folder"
SETTINGS_ON = "sitrep/schedule_on"
REFRESH_MS = 400  # the pause after the last change before the preview is rendered again


# --- the job (no widgets) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked for: plain data for the worker."""

    operation_code: str | None
    period_from: datetime | None
    period_to: datetime | None
    classification: str
    signatory: sitrep.Signatory | None
    sections: tuple[str, ...]
    now: datetime
    issue: bool = False  # take a serial for good (save, print, schedule) or preview only
    out: Path | None = None


@dataclass(frozen=True, slots=True)
class PageImage:
    width: int
    height: int
    stride: int
    data: bytes


@dataclass(frozen=True, slots=True)
class Produced:
    report: sitrep.Sitrep
    pdf: bytes
    pages: tuple[PageImage, ...]
    path: Path | None


def produce(
    store: Store,
    actor: Actor,
    req: Request,
    progress: Callable[[int, int, str], None],
    preview: bool = True,
    cancel: CancelToken | None = None,
) -> Produced:
    """Assemble, render, optionally write, and draw the preview pages. Runs in a worker;
    a number is taken as ``actor``, the account signed in. ``cancel`` stops a preview that
    a newer one superseded, between its stages (never after a number was taken)."""
    check = cancel.check if cancel is not None else (lambda: None)
    if req.out is not None:
        sitrep.check_destination(req.out)

    def build(serial: int | None) -> sitrep.Sitrep:
        with store.read() as s:
            return sitrep.assemble(
                s,
                req.operation_code,
                period_from=req.period_from,
                period_to=req.period_to,
                classification=req.classification,
                signatory=req.signatory,
                now=req.now,
                serial=serial,
                sections=req.sections,
            )

    progress(0, 100, "assemble")
    report = build(None)
    if not req.issue:
        check()
    if req.issue:  # validated above: only now take a number for good
        report = build(sitrep.issue_serial(store, actor, report.operation_code))
    # reportlab and pdfium load on the first report, not with the window (issue 3: start-up).
    import pypdfium2

    from reports.sitrep import render

    progress(20, 100, "render")
    if not req.issue:
        check()
    pdf = render(report, lambda d, t, w: progress(20 + 60 * d // max(1, t), 100, w))
    path = sitrep.write_atomically(req.out, pdf) if req.out is not None else None
    pages: list[PageImage] = []
    if preview:
        doc = pypdfium2.PdfDocument(pdf)
        try:
            for i in range(len(doc)):
                check()
                bitmap = doc[i].render(scale=PREVIEW_SCALE, rev_byteorder=True)
                pages.append(
                    PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
                )
                progress(80 + 20 * (i + 1) // len(doc), 100, "preview")
        finally:
            doc.close()
    return Produced(report, pdf, tuple(pages), path)


def to_qimage(page: PageImage) -> QImage:
    image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: ``page.data`` may go away


def parse_hours(text: str) -> list[time]:
    """ "06:00, 18.00" -> [06:00, 18:00]; raises ValueError on anything else."""
    out: list[time] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip().replace(".", ":")
        if not part:
            continue
        hh, _, mm = part.partition(":")
        out.append(time(int(hh), int(mm or 0)))
    return sorted(set(out))


# --- scheduled reports ------------------------------------------------------------------------


class Scheduler(QObject):
    """Writes the report into a folder at the configured local hours, while the app runs."""

    written = Signal(str)  # path
    failed = Signal(str)  # one sentence

    def __init__(self, store: Store, *, actor: Actor, clock: Clock = operation_now,
                 lang: str = "id", parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._store, self._clock, self._lang = store, clock, lang
        self._actor = actor  # the account signed in: scheduled reports are numbered as it
        self.hours: list[time] = []
        self.folder: Path | None = None
        self.zone = ZoneInfo(operations.DEFAULT_TIMEZONE)
        self.due: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fire)

    def configure(self, hours: list[time], folder: Path | None, zone: ZoneInfo) -> None:
        self.hours, self.folder, self.zone = hours, folder, zone
        self._arm()

    def _arm(self) -> None:
        self._timer.stop()
        self.due = None
        if not self.hours or self.folder is None:
            return
        self.due = sitrep.next_run(self._clock(), self.hours, self.zone)
        if self.due is not None:
            ms = max(0, int((self.due - self._clock()).total_seconds() * 1000))
            self._timer.start(min(ms, 2**31 - 1))

    def fire(self) -> None:
        """Write the report for the 24 hours up to the scheduled time, then re-arm."""
        if self.folder is None:
            return
        when = (self.due or self._clock()).astimezone(self.zone)
        folder = self.folder
        name = sitrep.file_name(when)
        req = Request(None, when - timedelta(hours=24), when, "TERBATAS", None,
                      sitrep.SECTIONS, self._clock(), issue=True, out=folder / name)  # fmt: skip
        store, actor = self._store, self._actor
        start_job(
            lambda progress, _cancel: produce(store, actor, req, progress, preview=False),
            on_success=self._done,
            on_failure=self._fail,
        )
        self._arm()

    def _done(self, result: Produced) -> None:
        self.written.emit(str(result.path))

    def _fail(self, error: BaseException) -> None:
        self.failed.emit(sentence_for(error, self._lang))


# --- the dialog -------------------------------------------------------------------------------


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
        self.preview_stale = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.generate_preview)
        self.writes = PendingWrite(self)  # the signatory is saved on the write thread
        self.setWindowTitle(self.tr("Laporan Situasi"))
        fit_to_screen(self, QSize(1180, 860))

        with store.read() as s:
            op = operations.get_operation(s)
            self.zone = ZoneInfo(op.timezone)
            self.operation_code = op.code
            start, end = sitrep.default_period(clock(), op.report_cutoff_hour, self.zone)
            sig = sitrep.signatory_of(op)
            on_behalf = op.signatory_on_behalf

        # Left: the choices.
        self.period_from = self._datetime_edit(start)
        self.period_to = self._datetime_edit(end)
        self.classification = QComboBox(self)
        self.classification.addItems(list(sitrep.CLASSIFICATIONS))
        self.classification.setCurrentText("TERBATAS")
        self.sig_title = QLineEdit(sig.title, self)
        self.sig_name = QLineEdit(sig.name, self)
        self.sig_rank = QLineEdit(sig.rank, self)
        self.sig_nrp = QLineEdit(sig.nrp, self)
        self.sig_on_behalf = QCheckBox(self.tr("Atas nama (a.n.) Kapolda"), self)
        self.sig_on_behalf.setChecked(on_behalf)

        form = QFormLayout()
        form.addRow(self.tr("Periode dari"), self.period_from)
        form.addRow(self.tr("sampai"), self.period_to)
        form.addRow(self.tr("Klasifikasi"), self.classification)
        sig_box = QGroupBox(self.tr("Penanda tangan"), self)
        sig_form = QFormLayout(sig_box)
        sig_form.addRow(self.tr("Jabatan"), self.sig_title)
        sig_form.addRow(self.tr("Nama"), self.sig_name)
        sig_form.addRow(self.tr("Pangkat (lengkap)"), self.sig_rank)
        sig_form.addRow(self.tr("NRP"), self.sig_nrp)
        sig_form.addRow("", self.sig_on_behalf)
        self.sig_save = QPushButton(self.tr("Simpan sebagai bawaan operasi"), sig_box)
        self.sig_save.clicked.connect(self.save_signatory)
        sig_form.addRow("", self.sig_save)

        labels = {
            "assessment": self.tr("Penilaian umum"),
            "aspects": self.tr("Situasi per aspek"),
            "statistics": self.tr("Statistik kejadian"),
            "charts": self.tr("Grafik"),
            "significant": self.tr("Kejadian menonjol"),
            "strength": self.tr("Kekuatan personel dan TPS"),
            "vulnerability": self.tr("Kerawanan"),
            "actions": self.tr("Tindakan yang diambil"),
            "outlook": self.tr("Perkiraan 24\u201372 jam"),
            "annex_units": self.tr("Lampiran A: papan satuan"),
            "annex_incidents": self.tr("Lampiran B: daftar kejadian"),
        }
        sec_box = QGroupBox(self.tr("Bagian yang dimuat"), self)
        grid = QGridLayout(sec_box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for i, key in enumerate(sitrep.SECTIONS):
            box = QCheckBox(labels[key], sec_box)
            box.setChecked(True)
            self.section_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)

        sched_box = QGroupBox(self.tr("Laporan terjadwal"), self)
        sched = QFormLayout(sched_box)
        settings = QSettings()
        self.schedule_on = QCheckBox(self.tr("Tulis laporan otomatis"), sched_box)
        self.schedule_hours = QLineEdit(str(settings.value(SETTINGS_HOURS, "06:00, 18:00")))
        self.schedule_folder = QLineEdit(str(settings.value(SETTINGS_FOLDER, "")))
        self.schedule_on.setChecked(str(settings.value(SETTINGS_ON, "false")) == "true")
        self.schedule_browse = QPushButton(self.tr("Pilih\u2026"), sched_box)
        self.schedule_browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.schedule_folder, 1)
        folder_row.addWidget(self.schedule_browse)
        self.schedule_status = QLabel(sched_box)
        self.schedule_status.setWordWrap(True)
        sched.addRow("", self.schedule_on)
        sched.addRow(self.tr("Jam (waktu setempat)"), self.schedule_hours)
        sched.addRow(self.tr("Folder"), folder_row)
        sched.addRow("", self.schedule_status)
        self.schedule_apply = QPushButton(self.tr("Terapkan jadwal"), sched_box)
        self.schedule_apply.clicked.connect(self.apply_schedule)
        sched.addRow("", self.schedule_apply)

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

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(sig_box)
        left.addWidget(sec_box)
        left.addWidget(sched_box)
        left.addStretch(1)
        left_w = QWidget(self)
        left_w.setLayout(left)
        # As wide as its longest label needs (a fixed width cut "Simpan sebagai bawaan
        # operasi"); it scrolls where the screen is lower than the choices.
        choices = scrolling(left_w, self)
        choices.setObjectName("sitrepChoices")
        choices.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields are the stops

        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview = QScrollArea(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview.setWidget(self.pages_widget)
        self.preview.setStyleSheet("QScrollArea { background: #707070; }")
        self.stale_label = QLabel(self.tr("Pratinjau diperbarui\u2026"), self)
        self.stale_label.setObjectName("sitrepPreviewStale")
        self.stale_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stale_label.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5d4037; font-weight: bold; padding: 4px; }"
        )
        self.stale_label.hide()
        preview_column = QVBoxLayout()
        preview_column.addWidget(self.stale_label)
        preview_column.addWidget(self.preview, 1)

        body = QHBoxLayout()
        body.addWidget(choices)
        body.addLayout(preview_column, 1)
        column = QVBoxLayout(self)
        column.addLayout(body, 1)
        column.addWidget(self.progress)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self._watch_choices()
        # Reading order: the choices top to bottom (sections row by row), then the buttons.
        chain(
            self.period_from,
            self.period_to,
            self.classification,
            self.sig_title,
            self.sig_name,
            self.sig_rank,
            self.sig_nrp,
            self.sig_on_behalf,
            self.sig_save,
            *self.section_boxes.values(),
            self.schedule_on,
            self.schedule_hours,
            self.schedule_folder,
            self.schedule_browse,
            self.schedule_apply,
            self.preview,  # the pages: arrows and Page Up/Down scroll them
            self.preview_button,
            self.save_button,
            self.print_button,
            self.close_button,
        )
        if auto_preview:
            QTimer.singleShot(0, self, self.generate_preview)

    # -- inputs ---------------------------------------------------------------------------------

    def _watch_choices(self) -> None:
        """Every choice that changes the PDF marks the preview out of date."""
        self.period_from.dateTimeChanged.connect(self._choices_changed)
        self.period_to.dateTimeChanged.connect(self._choices_changed)
        self.classification.currentTextChanged.connect(self._choices_changed)
        for edit in (self.sig_title, self.sig_name, self.sig_rank, self.sig_nrp):
            edit.textChanged.connect(self._choices_changed)
        self.sig_on_behalf.toggled.connect(self._choices_changed)
        for box in self.section_boxes.values():
            box.toggled.connect(self._choices_changed)

    def _choices_changed(self) -> None:
        """Grey the preview now; render it again once the choices rest for ``REFRESH_MS``."""
        self._choices_version += 1
        self._mark_stale(self.tr("Pratinjau diperbarui\u2026"))
        self._refresh.start()  # restarts the pause on every keystroke or click

    def _mark_stale(self, text: str) -> None:
        self.preview_stale = True
        self.stale_label.setText(text)
        self.stale_label.show()
        self.pages_widget.setEnabled(False)  # the pages are drawn greyed

    def _mark_fresh(self) -> None:
        self.preview_stale = False
        self.stale_label.hide()
        self.pages_widget.setEnabled(True)

    def _datetime_edit(self, value: datetime) -> QDateTimeEdit:
        edit = OneStopDateTimeEdit(self)  # one Tab stop, not one per section
        # The period is read in the operation's zone: say which (WIB, WITA, WIT).
        edit.setDisplayFormat(f"dd-MM-yyyy HH:mm '{operations.zone_label(self.zone)}'")
        edit.setCalendarPopup(True)
        self._set_edit(edit, value)
        return edit

    def _set_edit(self, edit: QDateTimeEdit, value: datetime) -> None:
        local = value.astimezone(self.zone).replace(tzinfo=None)
        edit.setDateTime(QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0))

    def _read_edit(self, edit: QDateTimeEdit) -> datetime:
        qdt = edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)

    def set_period(self, start: datetime, end: datetime) -> None:
        self._set_edit(self.period_from, start)
        self._set_edit(self.period_to, end)

    def request(self, *, issue: bool = False, out: Path | None = None) -> Request:
        signatory = sitrep.Signatory(
            title=self.sig_title.text().strip(),
            name=self.sig_name.text().strip().upper(),
            rank=self.sig_rank.text().strip(),
            nrp=self.sig_nrp.text().strip(),
            on_behalf_of=None,
        )
        if self.sig_on_behalf.isChecked():
            with self._store.read() as s:
                command = operations.get_operation(s, self.operation_code).command_name
            signatory = dataclasses.replace(signatory, on_behalf_of=f"KEPALA KEPOLISIAN {command}")
        return Request(
            operation_code=self.operation_code,
            period_from=self._read_edit(self.period_from),
            period_to=self._read_edit(self.period_to),
            classification=self.classification.currentText(),
            signatory=signatory,
            sections=tuple(k for k, b in self.section_boxes.items() if b.isChecked()),
            now=self._clock(),
            issue=issue,
            out=out,
        )

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
        self._show_pages(result)
        self._mark_fresh()
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
            self._mark_stale(self.tr("Pratinjau tidak diperbarui; lihat pesan di bawah."))
            self._say(sentence_for(error, self._lang), error=True)

    def _show_pages(self, result: Produced) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        for page in result.pages:
            label = QLabel(self.pages_widget)
            pixmap = QPixmap.fromImage(to_qimage(page))
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())  # a page is never squeezed by the layout
            self.pages_layout.addWidget(label)
            label.show()  # now, so that adjustSize counts it
        self.pages_widget.adjustSize()

    # -- actions --------------------------------------------------------------------------------

    def generate_preview(self) -> None:
        """Render the preview of the choices as they are now, superseding an older render."""
        self._refresh.stop()
        self._supersede_preview()
        if self.produced is None:
            self._mark_stale(self.tr("Pratinjau diperbarui\u2026"))
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

    def save_as(self) -> None:
        name = sitrep.file_name(self._read_edit(self.period_to))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan laporan situasi"), name, self.tr("Dokumen PDF (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def print_report(self) -> None:
        """Write to a temporary file and open it in the system viewer, which prints."""
        folder = Path(tempfile.gettempdir())
        path = folder / sitrep.file_name(self._read_edit(self.period_to))

        def opened(result: Produced) -> None:
            self.saved_path = result.path
            if result.path is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

        self._start(self.request(issue=True, out=path), opened)

    def save_signatory(self) -> None:
        """Keep the signatory on the operation, for every later report (journaled), on the
        write thread; ``writes.write_done`` says how it ended."""
        try:
            sig = self.request().signatory
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

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder laporan terjadwal"))
        if folder:
            self.schedule_folder.setText(folder)

    def apply_schedule(self) -> None:
        try:
            hours = parse_hours(self.schedule_hours.text())
        except ValueError:
            self.schedule_status.setText(self.tr("Jam tidak sah; tulis misalnya 06:00, 18:00."))
            return
        folder_text = self.schedule_folder.text().strip()
        on = self.schedule_on.isChecked() and bool(hours) and bool(folder_text)
        if on and not Path(folder_text).is_dir():
            self.schedule_status.setText(
                self.tr("Folder {path} tidak ada; pilih folder lain.").format(path=folder_text)
            )
            return
        settings = QSettings()
        settings.setValue(SETTINGS_HOURS, self.schedule_hours.text())
        settings.setValue(SETTINGS_FOLDER, folder_text)
        settings.setValue(SETTINGS_ON, "true" if self.schedule_on.isChecked() else "false")
        self.scheduler.configure(hours if on else [], Path(folder_text) if on else None, self.zone)
        if self.scheduler.due is None:
            self.schedule_status.setText(self.tr("Laporan terjadwal tidak aktif."))
        else:
            due = self.scheduler.due.astimezone(self.zone)
            self.schedule_status.setText(
                self.tr("Laporan berikutnya: {when}.").format(when=f"{due:%d-%m-%Y %H:%M}")
            )

    # -- unsaved input: the signatory and the schedule -------------------------------------

    def _signatory_dirty(self) -> bool:
        """The signatory typed differs from the operation's (as the database holds it now),
        compared as ``sitrep.configure`` would store it."""
        try:
            with self._store.read() as s:
                op = operations.get_operation(s, self.operation_code)
                sig = sitrep.signatory_of(op)
                stored = (sig.title, sig.name, sig.rank.upper(), sig.nrp, op.signatory_on_behalf)
                default_title = f"KEPALA {op.sitrep_unit}"
        except OpsError:
            return False  # nothing to compare with: nothing that could be saved either
        typed = (
            self.sig_title.text().strip() or default_title,
            self.sig_name.text().strip().upper(),
            self.sig_rank.text().strip().upper(),
            self.sig_nrp.text().strip(),
            self.sig_on_behalf.isChecked(),
        )
        return typed != stored

    def _schedule_dirty(self) -> bool:
        settings = QSettings()
        return (
            self.schedule_hours.text(),
            self.schedule_folder.text().strip(),
            self.schedule_on.isChecked(),
        ) != (
            str(settings.value(SETTINGS_HOURS, "06:00, 18:00")),
            str(settings.value(SETTINGS_FOLDER, "")).strip(),
            str(settings.value(SETTINGS_ON, "false")) == "true",
        )

    def is_dirty(self) -> bool:
        return self._signatory_dirty() or self._schedule_dirty()

    def save_input(self) -> bool:
        if self._signatory_dirty():
            self.save_signatory()
        if self._schedule_dirty():
            self.apply_schedule()
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


# --- wiring into the main window --------------------------------------------------------------


def restore_schedule(scheduler: Scheduler, store: Store) -> None:
    """Arm the scheduled reports saved in the settings, if they are switched on."""
    settings = QSettings()
    if str(settings.value(SETTINGS_ON, "false")) != "true":
        return
    folder = Path(str(settings.value(SETTINGS_FOLDER, "")))
    try:
        hours = parse_hours(str(settings.value(SETTINGS_HOURS, "")))
        with store.read() as s:
            zone = ZoneInfo(operations.get_operation(s).timezone)
    except (ValueError, OpsError):
        return  # bad saved hours or no operation yet: the dialog shows and fixes it
    if hours and folder.is_dir():
        scheduler.configure(hours, folder, zone)


def install(window: QMainWindow, actor: Actor) -> None:
    """Add the menu "&Laporan" with "Laporan Situasi…" (Ctrl+P) to ``window``; the dialog
    and the scheduled reports act as ``actor``, the account signed in to ``window``.

    ``window`` is a ``ui.main_window.MainWindow``: its store, clock and language are used.
    The scheduler lives as long as the window, so scheduled reports keep running when the
    dialog is closed.
    """
    store = cast(Store, getattr(window, "_store"))  # noqa: B009 - MainWindow keeps it private
    clock = cast(Clock, getattr(window, "_clock", operation_now))
    lang = str(getattr(window, "_lang", "id"))
    scheduler = Scheduler(store, actor=actor, clock=clock, lang=lang, parent=window)
    scheduler.written.connect(
        lambda path: window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Laporan terjadwal ditulis: {path}").format(
                path=path
            ),
            10_000,
        )
    )
    scheduler.failed.connect(lambda text: window.statusBar().showMessage(text, 30_000))
    restore_schedule(scheduler, store)
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Laporan"))
    action = actions.create(window, "sitrepAction")

    def open_dialog() -> None:
        try:
            dialog = SitrepDialog(
                store,
                actor=actor,
                scheduler=scheduler,
                clock=clock,
                lang=lang,
                auto_preview=True,
                parent=window,
            )
        except Exception as exc:  # e.g. an empty database: one sentence, no dialog
            from ui.error_dialog import show_error

            show_error(window, exc, lang)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actions.close_keys(dialog)
        dialog.open()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
    window.setProperty("sitrepScheduler", scheduler)
