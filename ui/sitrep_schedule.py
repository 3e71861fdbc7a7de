"""Scheduled situation reports: written into a folder at configured local hours while the
app runs. ``Scheduler`` waits for each with a single-shot ``QTimer`` (when is
``opscenter.sitrep.next_run``, a pure function); ``ScheduleBox`` is where the report dialog
sets them, kept in the settings; ``restore_schedule`` arms them again when the window starts.
The report's core (``opscenter.sitrep``) loads when a report is first scheduled or written:
the window makes a ``Scheduler`` at every start, most often with nothing scheduled.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from opscenter import operations
from opscenter.actor import Actor
from opscenter.clock import Clock, file_name
from opscenter.clock import now as operation_now
from opscenter.errors import OpsError
from opscenter.store import Store
from ui.error_dialog import sentence_for
from ui.form_parts import push_button
from ui.translations import translator
from ui.worker import start_job

if TYPE_CHECKING:
    from ui.sitrep_build import Produced

_tr = translator("SitrepDialog")  # the dialog's context: its translations stay

SETTINGS_HOURS = "sitrep/schedule_hours"
SETTINGS_FOLDER = "sitrep/schedule_folder"
SETTINGS_ON = "sitrep/schedule_on"


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
        from opscenter import sitrep

        self.due = sitrep.next_run(self._clock(), self.hours, self.zone)
        if self.due is not None:
            ms = max(0, int((self.due - self._clock()).total_seconds() * 1000))
            self._timer.start(min(ms, 2**31 - 1))

    def fire(self) -> None:
        """Write the report for the 24 hours up to the scheduled time, then re-arm."""
        if self.folder is None:
            return
        from opscenter import sitrep
        from ui.sitrep_build import Request, produce

        when = (self.due or self._clock()).astimezone(self.zone)
        folder = self.folder
        name = file_name("LAPSIT", ".pdf", self.zone, when)
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


def _saved() -> tuple[str, str, bool]:
    """The schedule as the settings keep it: its hours as typed, its folder, switched on."""
    settings = QSettings()
    return (
        str(settings.value(SETTINGS_HOURS, "06:00, 18:00")),
        str(settings.value(SETTINGS_FOLDER, "")),
        str(settings.value(SETTINGS_ON, "false")) == "true",
    )


class ScheduleBox(QGroupBox):
    """The scheduled reports' settings in the report dialog: switched on, at which local
    hours (in ``zone``), into which folder; ``apply`` keeps them and arms ``scheduler``."""

    def __init__(self, scheduler: Scheduler, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Laporan terjadwal"), parent)
        self._scheduler, self._zone = scheduler, zone
        sched = QFormLayout(self)
        hours, folder, on = _saved()
        self.on = QCheckBox(_tr("Tulis laporan otomatis"), self)
        self.hours_edit = QLineEdit(hours)
        self.folder_edit = QLineEdit(folder)
        self.on.setChecked(on)
        self.browse = push_button(
            self, _tr("Pilih\u2026"), "sitrepScheduleBrowse", self._choose_folder
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        sched.addRow("", self.on)
        sched.addRow(_tr("Jam (waktu setempat)"), self.hours_edit)
        sched.addRow(_tr("Folder"), folder_row)
        sched.addRow("", self.status)
        self.apply_button = push_button(
            self, _tr("Terapkan jadwal"), "sitrepScheduleApply", self.apply
        )
        sched.addRow("", self.apply_button)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _tr("Folder laporan terjadwal"))
        if folder:
            self.folder_edit.setText(folder)

    def apply(self) -> None:
        """Keep the settings and arm the scheduler with them (disarm it when they are
        switched off); ``status`` says when the next report is due, or what is wrong."""
        try:
            hours = parse_hours(self.hours_edit.text())
        except ValueError:
            self.status.setText(_tr("Jam tidak sah; tulis misalnya 06:00, 18:00."))
            return
        folder_text = self.folder_edit.text().strip()
        on = self.on.isChecked() and bool(hours) and bool(folder_text)
        if on and not Path(folder_text).is_dir():
            self.status.setText(
                _tr("Folder {path} tidak ada; pilih folder lain.").format(path=folder_text)
            )
            return
        settings = QSettings()
        settings.setValue(SETTINGS_HOURS, self.hours_edit.text())
        settings.setValue(SETTINGS_FOLDER, folder_text)
        settings.setValue(SETTINGS_ON, "true" if self.on.isChecked() else "false")
        scheduler = self._scheduler
        scheduler.configure(hours if on else [], Path(folder_text) if on else None, self._zone)
        if scheduler.due is None:
            self.status.setText(_tr("Laporan terjadwal tidak aktif."))
        else:
            due = scheduler.due.astimezone(self._zone)
            self.status.setText(
                _tr("Laporan berikutnya: {when}.").format(when=f"{due:%d-%m-%Y %H:%M}")
            )

    def is_dirty(self) -> bool:
        """The fields differ from the schedule the settings keep."""
        hours, folder, on = _saved()
        typed = (self.hours_edit.text(), self.folder_edit.text().strip(), self.on.isChecked())
        return typed != (hours, folder.strip(), on)


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
