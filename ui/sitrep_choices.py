"""The situation report dialog's choices (``ui.sitrep_dialog``), all that the PDF shows: the
period, read in the operation's zone; the classification; the signatory, which can be kept
as the operation's default; the sections (``sections_box``, which the dialog places in a
column of its own). ``request`` turns them into the worker's ``ui.sitrep_build.Request``;
``changed`` says that the preview no longer shows them.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opscenter import operations, sitrep
from opscenter.errors import OpsError
from opscenter.store import Store
from ui.form_parts import put_instant, typed_instant
from ui.sitrep_build import Request
from ui.tab_order import OneStopDateTimeEdit
from ui.translations import translator

_tr = translator("SitrepDialog")  # the dialog's context: its translations stay


class SitrepChoices(QWidget):
    """Period, classification, signatory and sections of operation ``operation_code``;
    ``sig_save`` is the button that keeps the signatory (the dialog saves it)."""

    changed = Signal()  # any choice that changes the PDF

    def __init__(
        self,
        store: Store,
        operation_code: str,
        zone: ZoneInfo,
        *,
        period: tuple[datetime, datetime],
        cutoff_hour: int,
        signatory: sitrep.Signatory,
        on_behalf: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._operation_code, self._zone = store, operation_code, zone
        self._set_period = period  # to the second: ``period``
        self.period_from = self._datetime_edit(period[0])
        self.period_to = self._datetime_edit(period[1])
        self.classification = QComboBox(self)
        self.classification.addItems(list(sitrep.CLASSIFICATIONS))
        self.classification.setCurrentText("TERBATAS")
        self.sig_title = QLineEdit(signatory.title, self)
        self.sig_name = QLineEdit(signatory.name, self)
        self.sig_rank = QLineEdit(signatory.rank, self)
        self.sig_nrp = QLineEdit(signatory.nrp, self)
        self.sig_on_behalf = QCheckBox(_tr("Atas nama (a.n.) Kapolda"), self)
        self.sig_on_behalf.setChecked(on_behalf)

        # Two periods at a click (the dialog sets them): the daily report's, its default,
        # and the 24 hours up to now. On voting evening the daily one ends at the morning's
        # cut-off and leaves the whole day out.
        self.daily_button = QPushButton(
            _tr("Harian (s.d. {hour:02d}.00)").format(hour=cutoff_hour), self
        )
        self.recent_button = QPushButton(_tr("24 jam s.d. sekarang"), self)
        quick = QHBoxLayout()
        quick.addWidget(self.daily_button)
        quick.addWidget(self.recent_button)
        quick.addStretch(1)

        form = QFormLayout()
        form.addRow(_tr("Periode dari"), self.period_from)
        form.addRow(_tr("sampai"), self.period_to)
        form.addRow("", quick)
        form.addRow(_tr("Klasifikasi"), self.classification)
        sig_box = QGroupBox(_tr("Penanda tangan"), self)
        sig_form = QFormLayout(sig_box)
        sig_form.addRow(_tr("Jabatan"), self.sig_title)
        sig_form.addRow(_tr("Nama"), self.sig_name)
        sig_form.addRow(_tr("Pangkat (lengkap)"), self.sig_rank)
        sig_form.addRow(_tr("NRP"), self.sig_nrp)
        sig_form.addRow("", self.sig_on_behalf)
        self.sig_save = QPushButton(_tr("Simpan sebagai bawaan operasi"), sig_box)
        sig_form.addRow("", self.sig_save)

        labels = {
            "assessment": _tr("Penilaian umum"),
            "aspects": _tr("Situasi per aspek"),
            "statistics": _tr("Statistik kejadian"),
            "charts": _tr("Grafik"),
            "significant": _tr("Kejadian menonjol"),
            "strength": _tr("Kekuatan personel dan TPS"),
            "vulnerability": _tr("Kerawanan"),
            "actions": _tr("Tindakan yang diambil"),
            "outlook": _tr("Perkiraan 24\u201372 jam"),
            "annex_units": _tr("Lampiran A: papan satuan"),
            "annex_incidents": _tr("Lampiran B: daftar kejadian"),
        }
        # One under another, in a column of their own beside the period, the signatory and the
        # schedule (the dialog places ``sections_box``): two to a row under the signatory, they
        # pushed the scheduled reports below the fold of a 1366x768 laptop.
        self.sections_box = sec_box = QGroupBox(_tr("Bagian yang dimuat"), self)
        boxes = QVBoxLayout(sec_box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for key in sitrep.SECTIONS:
            box = QCheckBox(labels[key], sec_box)
            box.setChecked(True)
            self.section_boxes[key] = box
            boxes.addWidget(box)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(sig_box)
        column.addStretch(1)
        self._watch()

    def _watch(self) -> None:
        """Every choice that changes the PDF says so through ``changed``."""
        self.period_from.dateTimeChanged.connect(self.changed)
        self.period_to.dateTimeChanged.connect(self.changed)
        self.classification.currentTextChanged.connect(self.changed)
        for edit in (self.sig_title, self.sig_name, self.sig_rank, self.sig_nrp):
            edit.textChanged.connect(self.changed)
        self.sig_on_behalf.toggled.connect(self.changed)
        for box in self.section_boxes.values():
            box.toggled.connect(self.changed)

    # -- the period, in the operation's zone -------------------------------------------------

    def _datetime_edit(self, value: datetime) -> QDateTimeEdit:
        edit = OneStopDateTimeEdit(self)  # one Tab stop, not one per section
        # The period is read in the operation's zone: say which (WIB, WITA, WIT).
        edit.setDisplayFormat(f"dd-MM-yyyy HH:mm '{operations.zone_label(self._zone)}'")
        edit.setCalendarPopup(True)
        put_instant(edit, value, self._zone)
        return edit

    def set_period(self, start: datetime, end: datetime) -> None:
        """Show the period; the fields show its minutes, ``period`` keeps its seconds."""
        self._set_period = (start, end)
        put_instant(self.period_from, start, self._zone)
        put_instant(self.period_to, end, self._zone)

    def period(self) -> tuple[datetime, datetime]:
        """The period the fields show: as it was set, to the second, while they still show
        its minutes; as typed once changed. "24 jam s.d. sekarang" is the 24 hours up to the
        second of the click, the fields and the report reading the minute it fell in (it
        rounded up to the next minute, which the report may not pass: the fields read 20.02
        to 20.02, the report 20.02 to 20.01)."""
        typed = (
            typed_instant(self.period_from, self._zone),
            typed_instant(self.period_to, self._zone),
        )
        kept = [
            set_at if set_at.replace(second=0, microsecond=0) == shown else shown
            for set_at, shown in zip(self._set_period, typed, strict=True)
        ]
        return kept[0], kept[1]

    # -- the signatory ---------------------------------------------------------------------

    def signatory(self) -> sitrep.Signatory:
        """The signatory typed; "a.n." names the operation's command as the database holds it
        now (an ``OpsError`` when the operation is gone)."""
        signatory = sitrep.Signatory(
            title=self.sig_title.text().strip(),
            name=self.sig_name.text().strip().upper(),
            rank=self.sig_rank.text().strip(),
            nrp=self.sig_nrp.text().strip(),
            on_behalf_of=None,
        )
        if self.sig_on_behalf.isChecked():
            with self._store.read() as s:
                command = operations.get_operation(s, self._operation_code).command_name
            signatory = dataclasses.replace(signatory, on_behalf_of=f"KEPALA KEPOLISIAN {command}")
        return signatory

    def signatory_dirty(self) -> bool:
        """The signatory typed differs from the operation's (as the database holds it now),
        compared as ``sitrep.configure`` would store it."""
        try:
            with self._store.read() as s:
                op = operations.get_operation(s, self._operation_code)
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

    # -- the worker's request ------------------------------------------------------------------

    def request(self, now: datetime, *, issue: bool = False, out: Path | None = None) -> Request:
        """The choices as plain data for ``ui.sitrep_build.produce``, made at ``now``."""
        signatory = self.signatory()
        start, end = self.period()
        return Request(
            operation_code=self._operation_code,
            period_from=start,
            period_to=end,
            classification=self.classification.currentText(),
            signatory=signatory,
            sections=tuple(k for k, b in self.section_boxes.items() if b.isChecked()),
            now=now,
            issue=issue,
            out=out,
        )
