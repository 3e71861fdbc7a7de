"""Nothing typed is lost: every editor asks Simpan / Buang / Kembali before dropping input,
and incident drafts survive a crash (kept on disk, offered at the next start).

Questions are answered with ``answer_next_question`` (a zero-delay timer that presses a
button of the modal box inside its own ``exec``): no sleeps.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from opscenter.actor import Actor
from opscenter.drafts import DraftBox, draft_key, new_draft_id, utc_now
from opscenter.model import FollowUp, Incident, IncidentType, JournalTxn, Operation
from opscenter.store import Store
from tests.builders import Small, build_small_operation
from tests.ui.answers import NOT_ASKED, answer_next_question
from tests.ui.test_planning_panel import settled
from ui.accounts_dialog import NewAccountDialog
from ui.incident_form import IncidentForm
from ui.incidents_panel import IncidentsPanel
from ui.main_window import MainWindow
from ui.operation_page import Tab
from ui.planning_models import HeatColumn
from ui.planning_window import PlanningWindow
from ui.sitrep_dialog import SitrepDialog
from ui.unit_status_dialog import UnitStatusDialog
from ui.unsaved import BACK_NAME, BOX_NAME, DISCARD_NAME, SAVE_NAME

if TYPE_CHECKING:  # fixtures' types only: conftest modules are not for importing
    from tests.ui.conftest import FixedClock, TinyOperation

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("draft_crash_child.py")
ADMIN = Actor("admin.uji", role="admin")
TITLE = "Unjuk rasa di depan KPU Kerinci"


def journal_head(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.max(JournalTxn.id))) or 0)


def last_action(store: Store) -> str:
    with store.read() as s:
        txn = s.scalars(select(JournalTxn).order_by(JournalTxn.id.desc())).first()
        assert txn is not None
        return txn.action


def ask_with(qtbot: QtBot, button: str, act: Callable[[], object]) -> str:
    """Do ``act`` and press ``button`` of the question it asks; the box's name, or NOT_ASKED."""
    seen = answer_next_question(button)
    act()
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


# --- the incident form ---------------------------------------------------------------------------


def incidents_of(window: MainWindow, qtbot: QtBot) -> IncidentsPanel:
    window.show()
    window.operation_page.show_tab(Tab.INCIDENTS)
    panel = window.operation_page.incidents
    assert panel is not None
    qtbot.waitUntil(lambda: not panel.loading)
    return panel


@pytest.fixture
def form(window: MainWindow, qtbot: QtBot) -> IncidentForm:
    panel = incidents_of(window, qtbot)
    panel.new_incident()
    assert panel.form is not None and panel.form.isVisible()
    return panel.form


def incident_titles(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(Incident.title)))


def test_esc_on_an_untouched_form_closes_without_asking(form: IncidentForm, qtbot: QtBot) -> None:
    assert ask_with(qtbot, BACK_NAME, lambda: qtbot.keyClick(form, Qt.Key.Key_Escape)) == NOT_ASKED
    assert not form.isVisible()


def test_esc_on_a_typed_report_asks_and_kembali_keeps_it(form: IncidentForm, qtbot: QtBot) -> None:
    qtbot.keyClicks(form.title_edit, TITLE)
    asked = ask_with(qtbot, BACK_NAME, lambda: qtbot.keyClick(form.title_edit, Qt.Key.Key_Escape))
    assert asked == BOX_NAME
    assert form.isVisible() and form.title_edit.text() == TITLE
    # The title bar's close goes through the same question.
    assert ask_with(qtbot, BACK_NAME, form.close) == BOX_NAME
    assert form.isVisible() and form.title_edit.text() == TITLE
    form.reset()  # the window's teardown would ask again


def test_buang_closes_and_writes_nothing(
    form: IncidentForm, qtbot: QtBot, store: Store, drafts_folder: Path
) -> None:
    head = journal_head(store)
    qtbot.keyClicks(form.title_edit, TITLE)
    form.write_draft()
    assert list(drafts_folder.glob("*.json"))
    assert ask_with(qtbot, DISCARD_NAME, form.reject) == BOX_NAME
    assert not form.isVisible()
    assert journal_head(store) == head and incident_titles(store) == []
    assert list(drafts_folder.glob("*.json")) == []  # the draft goes with it


def test_simpan_saves_the_report(
    form: IncidentForm, qtbot: QtBot, store: Store, drafts_folder: Path
) -> None:
    head = journal_head(store)
    form.type_box.setCurrentIndex(0)  # the form starts with no type
    qtbot.keyClicks(form.title_edit, TITLE)
    form.write_draft()
    with qtbot.waitSignal(form.writes.write_done):  # saved on the write thread
        assert ask_with(qtbot, SAVE_NAME, form.reject) == BOX_NAME
    assert not form.isVisible()
    assert journal_head(store) == head + 1 and last_action(store) == "incident.record"
    assert incident_titles(store) == [TITLE]
    assert list(drafts_folder.glob("*.json")) == []


def test_simpan_refused_keeps_the_form_open(form: IncidentForm, qtbot: QtBot, store: Store) -> None:
    head = journal_head(store)
    form.type_box.setCurrentIndex(0)
    qtbot.keyClicks(form.location_edit, "Kantor KPU")  # no title: the save is refused
    with qtbot.waitSignal(form.writes.write_done):
        assert ask_with(qtbot, SAVE_NAME, form.reject) == BOX_NAME
    assert form.isVisible() and form.errors["title"].text() == "Judul wajib diisi."
    assert form.location_edit.text() == "Kantor KPU" and journal_head(store) == head
    form.reset()


# --- follow-ups ----------------------------------------------------------------------------------


@pytest.fixture
def typed_follow_up(window: MainWindow, qtbot: QtBot, store: Store) -> IncidentsPanel:
    """An incident saved and selected, a follow-up typed under it and not added."""
    panel = incidents_of(window, qtbot)
    panel.new_incident()
    assert panel.form is not None
    panel.form.type_box.setCurrentIndex(0)
    qtbot.keyClicks(panel.form.title_edit, TITLE)
    panel.form.save()
    qtbot.waitUntil(lambda: panel.detail.incident is not None)
    qtbot.keyClicks(panel.detail.follow_text, "Tim Resmob menuju lokasi")
    return panel


def follow_ups(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(FollowUp.text)))


def test_closing_the_window_asks_about_a_typed_follow_up(
    window: MainWindow, typed_follow_up: IncidentsPanel, qtbot: QtBot, store: Store
) -> None:
    head = journal_head(store)
    assert ask_with(qtbot, BACK_NAME, window.close) == BOX_NAME
    assert window.isVisible()
    assert typed_follow_up.detail.follow_text.text() == "Tim Resmob menuju lokasi"
    assert journal_head(store) == head
    with qtbot.waitSignal(typed_follow_up.writes.write_done):
        assert ask_with(qtbot, SAVE_NAME, window.close) == BOX_NAME
    assert not window.isVisible()
    assert follow_ups(store) == ["Tim Resmob menuju lokasi"]
    assert last_action(store) == "incident.follow_up"


def test_buang_drops_the_follow_up(
    window: MainWindow, typed_follow_up: IncidentsPanel, qtbot: QtBot, store: Store
) -> None:
    head = journal_head(store)
    assert ask_with(qtbot, DISCARD_NAME, window.close) == BOX_NAME
    assert not window.isVisible()
    assert journal_head(store) == head and follow_ups(store) == []


def test_closing_the_window_closes_a_typed_form_first(
    window: MainWindow, form: IncidentForm, qtbot: QtBot
) -> None:
    qtbot.keyClicks(form.title_edit, TITLE)
    assert ask_with(qtbot, BACK_NAME, window.close) == BOX_NAME
    assert window.isVisible() and form.isVisible()
    form.reset()


def test_an_untouched_window_closes_without_asking(window: MainWindow, qtbot: QtBot) -> None:
    incidents_of(window, qtbot)
    assert ask_with(qtbot, BACK_NAME, window.close) == NOT_ASKED
    assert not window.isVisible()


# --- planning: what-if and the vulnerability grid ----------------------------------------------


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


@pytest.fixture
def planning(qtbot: QtBot, store: Store, small: Small) -> PlanningWindow:
    w = PlanningWindow(store, actor=ADMIN, stage_code="pemungutan")
    qtbot.addWidget(w)
    w.show()
    return settled(qtbot, w)


def change_a_pattern(w: PlanningWindow) -> None:
    spin = next(iter(w.form._rows.values()))[1]  # TPS per team of the first category
    spin.setValue(spin.value() + 1)
    assert not w.what_if().empty


def test_planning_closes_without_asking_when_nothing_changed(
    planning: PlanningWindow, qtbot: QtBot
) -> None:
    assert ask_with(qtbot, BACK_NAME, planning.close) == NOT_ASKED
    assert not planning.isVisible()


def test_planning_what_if_kembali_and_buang(
    planning: PlanningWindow, qtbot: QtBot, store: Store
) -> None:
    head = journal_head(store)
    change_a_pattern(planning)
    assert ask_with(qtbot, BACK_NAME, planning.close) == BOX_NAME
    assert planning.isVisible() and not planning.what_if().empty
    assert ask_with(qtbot, DISCARD_NAME, planning.close) == BOX_NAME
    assert not planning.isVisible()
    assert journal_head(store) == head
    assert planning.what_if().empty  # shown again, it shows what is stored


def test_planning_what_if_simpan_saves(
    planning: PlanningWindow, qtbot: QtBot, store: Store
) -> None:
    head = journal_head(store)
    change_a_pattern(planning)
    with qtbot.waitSignal(planning.writes.write_done):
        assert ask_with(qtbot, SAVE_NAME, planning.close) == BOX_NAME
    assert not planning.isVisible()
    assert journal_head(store) == head + 1 and last_action(store) == "plan.save_what_if"


def open_grid_editor(w: PlanningWindow) -> QComboBox:
    cell = w.heat_proxy.mapFromSource(w.heat.index(0, HeatColumn.FIRST_ASPECT))
    w.heat_view.setCurrentIndex(cell)
    w.heat_view.edit(cell)
    editor = w.heat_view.indexWidget(cell)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.count() - 1)  # the highest level, the cell is empty
    return editor


def test_a_rating_being_chosen_asks_and_simpan_saves_it(
    planning: PlanningWindow, qtbot: QtBot, store: Store
) -> None:
    head = journal_head(store)
    chosen = open_grid_editor(planning).currentData()
    assert ask_with(qtbot, BACK_NAME, planning.close) == BOX_NAME
    assert planning.isVisible() and journal_head(store) == head
    editor = planning.heat_view.indexWidget(planning.heat_view.currentIndex())
    assert isinstance(editor, QComboBox) and editor.currentData() == chosen  # still choosing
    with qtbot.waitSignal(planning.writes.write_done):
        assert ask_with(qtbot, SAVE_NAME, planning.close) == BOX_NAME
    assert not planning.isVisible()
    assert journal_head(store) == head + 1 and last_action(store) == "vulnerability.set"


def test_a_rating_being_chosen_buang_writes_nothing(
    planning: PlanningWindow, qtbot: QtBot, store: Store
) -> None:
    head = journal_head(store)
    open_grid_editor(planning)
    assert ask_with(qtbot, DISCARD_NAME, planning.close) == BOX_NAME
    assert not planning.isVisible() and journal_head(store) == head


# --- report settings -----------------------------------------------------------------------------


@pytest.fixture
def sitrep(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, clock: FixedClock
) -> SitrepDialog:
    d = SitrepDialog(store, actor=ADMIN, clock=clock)
    qtbot.addWidget(d)
    d.show()
    return d


def signatory_name(store: Store) -> str | None:
    with store.read() as s:
        return s.scalars(select(Operation.signatory_name)).one()


def test_report_settings_close_without_asking_when_unchanged(
    sitrep: SitrepDialog, qtbot: QtBot
) -> None:
    assert ask_with(qtbot, BACK_NAME, sitrep.reject) == NOT_ASKED
    assert not sitrep.isVisible()


def test_report_signatory_kembali_buang_simpan(
    sitrep: SitrepDialog, qtbot: QtBot, store: Store
) -> None:
    head = journal_head(store)
    sitrep.sig_name.setText("Budi Santoso")
    assert ask_with(qtbot, BACK_NAME, lambda: qtbot.keyClick(sitrep, Qt.Key.Key_Escape)) == BOX_NAME
    assert sitrep.isVisible() and sitrep.sig_name.text() == "Budi Santoso"
    with qtbot.waitSignal(sitrep.writes.write_done):
        assert ask_with(qtbot, SAVE_NAME, sitrep.reject) == BOX_NAME
    assert not sitrep.isVisible()
    assert journal_head(store) == head + 1 and last_action(store) == "sitrep.configure"
    assert signatory_name(store) == "BUDI SANTOSO"


def test_report_signatory_buang_writes_nothing(
    sitrep: SitrepDialog, qtbot: QtBot, store: Store
) -> None:
    head = journal_head(store)
    sitrep.sig_nrp.setText("63050899")
    assert ask_with(qtbot, DISCARD_NAME, sitrep.reject) == BOX_NAME
    assert not sitrep.isVisible() and journal_head(store) == head


# --- small dialogs -------------------------------------------------------------------------------


def test_new_account_and_status_reason_ask_before_dropping(qtbot: QtBot) -> None:
    account = NewAccountDialog()
    qtbot.addWidget(account)
    account.show()
    assert ask_with(qtbot, BACK_NAME, account.reject) == NOT_ASKED  # nothing typed
    account.show()
    qtbot.keyClicks(account.username, "budi")
    assert ask_with(qtbot, BACK_NAME, account.reject) == BOX_NAME
    assert account.isVisible() and account.username.text() == "budi"
    assert ask_with(qtbot, SAVE_NAME, account.reject) == BOX_NAME
    assert account.result() == QDialog.DialogCode.Accepted  # the accounts dialog creates it

    status = UnitStatusDialog("Polres Kerinci", (), None)
    qtbot.addWidget(status)
    status.show()
    qtbot.keyClicks(status.reason_edit, "bergeser ke TPS 07")
    assert ask_with(qtbot, DISCARD_NAME, status.reject) == BOX_NAME
    assert not status.isVisible() and status.result() == QDialog.DialogCode.Rejected


# --- drafts --------------------------------------------------------------------------------------


def test_typing_writes_a_draft_owner_only_and_saving_removes_it(
    form: IncidentForm, qtbot: QtBot, drafts_folder: Path
) -> None:
    form.type_box.setCurrentIndex(0)
    qtbot.keyClicks(form.title_edit, TITLE)
    qtbot.waitUntil(lambda: any(drafts_folder.glob("*.json")), timeout=5_000)
    (path,) = drafts_folder.glob("*.json")
    assert TITLE in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(drafts_folder.stat().st_mode) == 0o700
    with qtbot.waitSignal(form.writes.write_done):
        form.save()
    assert not form.isVisible() and not path.exists()


def test_leaving_a_field_writes_the_draft_at_once(
    form: IncidentForm, qtbot: QtBot, drafts_folder: Path
) -> None:
    qtbot.keyClicks(form.location_edit, "Desa Siulak Deras")
    assert not any(drafts_folder.glob("*.json"))  # the 1 s timer has not fired
    form.location_edit.setFocus()
    form.damage_edit.setFocus()  # a field is left
    (path,) = drafts_folder.glob("*.json")
    assert "Desa Siulak Deras" in path.read_text(encoding="utf-8")
    form.reset()


def put_draft(store: Store, operation_id: int, fields: dict[str, object]) -> str:
    draft_id = new_draft_id()
    DraftBox().save(draft_key(store.describe(), operation_id), draft_id, fields, now=utc_now())
    return draft_id


def shown_asking(
    qtbot: QtBot, make_window: Callable[[], MainWindow], button: str
) -> tuple[MainWindow, str]:
    window = make_window()
    window.show()  # the offer comes once the window is shown
    seen = answer_next_question(button)
    qtbot.waitUntil(lambda: bool(seen))
    return window, seen[0]


def test_a_draft_is_offered_at_the_next_start_and_restored(
    qtbot: QtBot,
    store: Store,
    tiny_operation: TinyOperation,
    make_window: Callable[[], MainWindow],
) -> None:
    with store.read() as s:  # the form starts with no type: the draft names one
        type_id = s.scalars(select(IncidentType.id).where(IncidentType.code == "unjuk-rasa")).one()
    fields = {"title": TITLE, "injured": 3, "type_id": type_id}
    put_draft(store, tiny_operation.operation_id, fields)
    window, asked = shown_asking(qtbot, make_window, "draftsOpen")
    assert asked == "draftsQuestion"
    panel = window.operation_page.incidents
    assert panel is not None and panel.form is not None and panel.form.isVisible()
    assert panel.form.title_edit.text() == TITLE and panel.form.injured_spin.value() == 3
    with qtbot.waitSignal(panel.form.writes.write_done):
        assert ask_with(qtbot, SAVE_NAME, panel.form.reject) == BOX_NAME
    assert incident_titles(store) == [TITLE]
    assert DraftBox().all() == []


def test_discarded_drafts_are_gone_and_other_databases_keep_theirs(
    qtbot: QtBot,
    store: Store,
    tiny_operation: TinyOperation,
    make_window: Callable[[], MainWindow],
) -> None:
    put_draft(store, tiny_operation.operation_id, {"title": TITLE})
    other = DraftBox().save(
        draft_key("sqlite:////elsewhere.db", tiny_operation.operation_id),
        new_draft_id(),
        {"title": "lain"},
        now=utc_now(),
    )
    window, asked = shown_asking(qtbot, make_window, "draftsDiscard")
    assert asked == "draftsQuestion"
    assert [d.fields["title"] for d in DraftBox().all()] == ["lain"] and other.exists()
    window.close()
    _again, asked = shown_asking(qtbot, make_window, "draftsOpen")
    assert asked == NOT_ASKED  # the other database's draft is not offered here


def test_a_draft_survives_a_crash(
    qtbot: QtBot,
    store: Store,
    sqlite_url: str,
    tiny_operation: TinyOperation,
    drafts_folder: Path,
    make_window: Callable[[], MainWindow],
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), sqlite_url, TITLE],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:

        def drafted() -> bool:
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            return any(TITLE in p.read_text(encoding="utf-8") for p in drafts_folder.glob("*.json"))

        qtbot.waitUntil(drafted, timeout=60_000)
    finally:
        child.send_signal(signal.SIGKILL)  # a crash: nothing of the child's shutdown runs
        child.wait()
        if child.stderr:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    window, asked = shown_asking(qtbot, make_window, "draftsOpen")
    assert asked == "draftsQuestion"
    panel = window.operation_page.incidents
    assert panel is not None and panel.form is not None
    assert panel.form.title_edit.text() == TITLE
    panel.form.reset()
