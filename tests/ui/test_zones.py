"""Indonesia's three zones in the window: an operation in Asia/Makassar (WITA) and one in
Asia/Jayapura (WIT). The board clock, the incident list, detail pane, form and timeline, and
the audit window read every time in the operation's zone and name it; an English interface
gets English error sentences; the progress dialog names its stages in words."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from opscenter import audit, incidents, units
from opscenter.actor import Actor
from opscenter.audit import AuditFilter
from opscenter.errors import StaleEdit
from opscenter.incidents import IncidentDraft
from opscenter.model import IncidentType, Severity
from opscenter.progress import STAGES
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from tests.builders import Small, build_small_operation
from tests.ui.answers import answer_next_question
from ui.audit_detail import detail_text
from ui.audit_model import time_text
from ui.audit_view import AuditWindow
from ui.confirm import BOX_NAME as CONFIRM_NAME
from ui.confirm import YES_NAME
from ui.desk import Desk
from ui.error_dialog import sentence_for
from ui.form_parts import typed_instant
from ui.incidents_model import Column
from ui.incidents_panel import IncidentsPanel
from ui.main_window import MainWindow
from ui.sitrep_dialog import SitrepDialog
from ui.translations import (
    FOLDER,
    LANGUAGE_PROPERTY,
    compile_all,
    set_interface_language,
)
from ui.worker import stage_text

# 20:00 WIB on voting day: 21:00 WITA, 22:00 WIT.
VOTING_EVENING = datetime(2024, 11, 27, 13, 0, tzinfo=UTC)
OPERATOR = Actor("op.uji")


@dataclass(frozen=True)
class Zoned:
    store: Store
    path: Path
    small: Small
    timezone: str
    label: str
    incident_id: int

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@pytest.fixture(params=[("Asia/Makassar", "WITA"), ("Asia/Jayapura", "WIT")], ids=["WITA", "WIT"])
def zoned(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Zoned]:
    timezone, label = request.param
    path = tmp_path / "zoned.db"
    store = open_store(f"sqlite:///{path}")
    try:
        small = build_small_operation(store, timezone=timezone)
        with store.read() as s:
            types = by_code(s, IncidentType, small.operation_id)
            sevs = by_code(s, Severity, small.operation_id)
        # 00:30 local on voting day: still the 26th in Jakarta (23:30 or 22:30 WIB).
        new_id = incidents.record(
            store,
            OPERATOR,
            IncidentDraft(
                operation_id=small.operation_id,
                type_id=types["bentrokan"].id,
                severity_id=sevs["kritis"].id,
                title="Bentrokan di TPS 3",
                occurred_at=datetime(2024, 11, 27, 0, 30, tzinfo=ZoneInfo(timezone)),
                region_id=small.regions["A1"],
            ),
        )
        yield Zoned(store, path, small, timezone, label, new_id)
    finally:
        store.dispose()


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The process in English for one test (our .qm and the interface language), undone after."""
    ts = FOLDER / "opscenter_en.ts"
    shutil.copy(ts, tmp_path / ts.name)
    (qm,) = compile_all(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    before = qapp.property(LANGUAGE_PROPERTY)
    qapp.installTranslator(translator)
    set_interface_language(qapp, "en")
    try:
        yield
    finally:
        qapp.removeTranslator(translator)
        set_interface_language(qapp, before or "id")


def make_panel(qtbot: QtBot, store: Store) -> IncidentsPanel:
    panel = IncidentsPanel(Desk(store, OPERATOR, QUndoStack(), lambda: VOTING_EVENING))
    panel.resize(1600, 900)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loading and panel.model.rowCount() > 0)
    return panel


def close_panel(panel: IncidentsPanel) -> None:
    if panel.form is not None:
        panel.form.close()
    panel.hide()
    panel.deleteLater()


def test_the_board_clock_reads_the_operations_zone(qtbot: QtBot, zoned: Zoned) -> None:
    window = MainWindow(zoned.store, actor=OPERATOR, clock=lambda: VOTING_EVENING)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.overview is not None)
    local = VOTING_EVENING.astimezone(zoned.zone)
    header = window.operation_page.header
    assert header.time_label.text() == f"{local:%H:%M} {zoned.label}"
    assert window.updated_label.text().endswith(f" {zoned.label}")


def test_incident_times_read_the_operations_zone(qtbot: QtBot, zoned: Zoned) -> None:
    panel = make_panel(qtbot, zoned.store)
    try:
        label = zoned.label
        model = panel.model
        header = model.headerData(Column.OCCURRED, Qt.Orientation.Horizontal)
        tip = model.headerData(
            Column.OCCURRED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        assert header == "Waktu"  # each time names its zone, as the rest of the app writes
        assert tip.endswith(f"({label})")
        row = model.row_of(zoned.incident_id)
        assert row is not None
        assert model.index(row, Column.OCCURRED).data() == f"27-11-2024 00:30 {label}"
        # The detail pane.
        panel.select_incident(zoned.incident_id)
        qtbot.waitUntil(lambda: panel.detail.incident is not None)
        facts = panel.detail.facts.text()
        assert f"Terjadi <b>27-11-2024 00:30 {label}</b>" in facts
        assert "WIB" not in facts
        # The timeline: its title, its tips, and the axis that places the day's ticks.
        timeline = panel.timeline
        assert timeline.title.text() == f"Lini masa kejadian ({label})"
        tip_text = timeline._tip(0.0, 0.0, zoned.incident_id)
        assert f"27-11-2024 00:30 {label}" in tip_text
        start = VOTING_EVENING.timestamp() - 2 * 86_400
        levels = timeline.axis.tickValues(start, start + 5 * 86_400, 400)  # a tick a day
        ticks = [datetime.fromtimestamp(v, zoned.zone) for _s, vs in levels for v in vs]
        assert len(ticks) >= 4
        assert all((t.hour, t.minute) == (0, 0) for t in ticks), ticks  # the zone's midnights
        # The form: its time field is labelled with the zone it is read in.
        panel.new_incident()
        assert panel.form is not None
        labels = [w.text() for w in panel.form.findChildren(QLabel)]
        assert f"&Waktu kejadian ({label})" in labels, labels
        assert panel.form.occurred_at().tzinfo == zoned.zone
    finally:
        close_panel(panel)


def test_the_audit_window_reads_the_operations_zone(qtbot: QtBot, zoned: Zoned) -> None:
    admin = Actor("admin.uji", role="admin")
    window = AuditWindow(zoned.store, admin)
    qtbot.addWidget(window)
    assert window.since.displayFormat().endswith(f"'{zoned.label}'")
    with zoned.store.read() as s:
        rows = audit.query(s, AuditFilter(limit=500))
    incident = next(r for r in rows if r.entity == "incident" and r.action == "insert")
    local = incident.at.astimezone(zoned.zone)
    assert time_text(incident) == f"{local:%d-%m-%Y %H:%M:%S} {zoned.label}"
    detail = detail_text(incident)
    occurred = datetime(2024, 11, 27, 0, 30, tzinfo=zoned.zone)
    assert f"{occurred:%d-%m-%Y %H:%M:%S} {zoned.label}" in detail  # a stored time, in a value
    assert "WIB" not in detail
    # The time filter is read in the operation's zone too.
    since = datetime(2024, 11, 27, 0, 0, tzinfo=zoned.zone)
    window.set_filter(since=since)
    assert typed_instant(window.since, window._zone) == since


def test_an_english_interface_gets_english_error_sentences(
    qtbot: QtBot, zoned: Zoned, english: None
) -> None:
    # A stale status change on the incident list (an OpsError the panel words itself).
    panel = make_panel(qtbot, zoned.store)
    try:
        row = panel.model.incident(zoned.incident_id)
        assert row is not None
        other = open_store(f"sqlite:///{zoned.path}")
        try:
            incidents.set_status(other, Actor("op.lain"), row.id, "ditangani", row.version)
        finally:
            other.dispose()
        asked = answer_next_question(YES_NAME)  # closing a Kritis incident asks first
        with qtbot.waitSignal(panel.writes.write_done):
            panel.change_status(row.id, "selesai")
        assert asked == [CONFIRM_NAME]
        assert panel.last_error is not None
        assert panel.last_error.startswith("This incident was changed by op.lain at ")
        assert f" {zoned.label};" in panel.last_error
        panel.error_box.close()
    finally:
        close_panel(panel)
    # The general wording, used by the planning window and the dialogs: no language given.
    unit_id = zoned.small.units["PA"]
    first = units.set_status(zoned.store, Actor("siti"), unit_id, zoned.small.statuses["bergerak"])
    with pytest.raises(StaleEdit) as refused:
        units.set_status(
            zoned.store,
            Actor("budi"),
            unit_id,
            zoned.small.statuses["siaga"],
            expected_version=first.version - 1,
        )
    sentence = sentence_for(refused.value)
    assert sentence.startswith("This unit was changed by siti at "), sentence


def test_the_progress_dialog_names_each_stage_in_words(english: None) -> None:
    for code in STAGES:
        assert stage_text(code) not in STAGES
    assert stage_text("read") == "Reading the file\u2026"
    assert stage_text("check") == "Checking the rows\u2026"
    assert stage_text("") == ""


def test_the_sitrep_dialog_reads_its_period_in_the_operations_zone(
    qtbot: QtBot, zoned: Zoned
) -> None:
    dialog = SitrepDialog(zoned.store, actor=OPERATOR, clock=lambda: VOTING_EVENING)
    qtbot.addWidget(dialog)
    # The 24 hours up to this morning's 06:00 cut-off, local time.
    assert dialog.period_from.text() == f"26-11-2024 06:00 {zoned.label}"
    assert dialog.period_to.text() == f"27-11-2024 06:00 {zoned.label}"
    request = dialog.request()
    assert request.period_from == datetime(2024, 11, 26, 6, 0, tzinfo=zoned.zone)
    assert request.period_to == datetime(2024, 11, 27, 6, 0, tzinfo=zoned.zone)
