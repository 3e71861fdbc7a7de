"""The role matrix from the window's end: the main window signed in as each role, each
menu action that writes triggered as a user would. A forbidden action is either not in
the menu or refused in one sentence with the journal unmoved; an allowed one is journaled
under the account that signed in, never the workstation's user or an admin."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter import accounts, journal
from opscenter.actor import Actor
from opscenter.model import Aspect, JournalTxn, Operation, VulnerabilityLevel
from opscenter.permissions import ROLE_ORDER, permitted
from opscenter.reference import by_code
from opscenter.store import Store
from tests.ui.answers import NOT_ASKED, answer_next_question
from tests.ui.conftest import FixedClock, TinyOperation
from tests.ui.test_import_wizard import roster, to_mapping
from tests.ui.test_planning_panel import settled
from ui.import_history import ImportHistoryDialog
from ui.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.planning_models import HeatColumn
from ui.planning_window import PlanningWindow
from ui.sitrep_dialog import SitrepDialog
from ui.unsaved import BOX_NAME, DISCARD_NAME

PASSWORD = "sandi-uji-2024"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_HASHER", cheap)
    dummy = cheap.hash("x")
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: dummy)


def _sign_in(store: Store, role: str) -> Actor:
    """A real account of ``role`` that logs in, as the login dialog would have it."""
    admin = accounts.bootstrap_admin(store, "kapolda", PASSWORD, "Kapolda Uji")
    if role == "admin":
        return accounts.authenticate(store, "kapolda", PASSWORD)
    accounts.create_account(store, admin, f"uji.{role}", f"Uji {role}", role, PASSWORD)
    return accounts.authenticate(store, f"uji.{role}", PASSWORD)


def _action(window: MainWindow, name: str) -> QAction | None:
    found = window.findChild(QAction, name)
    return found if isinstance(found, QAction) else None


def _head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


def _last_txn(store: Store) -> tuple[str, str]:
    with store.read() as s:
        txn = s.scalars(select(JournalTxn).order_by(JournalTxn.id.desc())).first()
        assert txn is not None
        return txn.actor, txn.action


@pytest.fixture(params=ROLE_ORDER)
def signed_in(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    store: Store,
    tiny_operation: TinyOperation,
    clock: FixedClock,
) -> tuple[MainWindow, Actor]:
    actor = _sign_in(store, request.param)
    window = MainWindow(store, actor=actor, clock=clock)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.overview is not None and window.overview.strength_loaded)
    return window, actor


def test_the_window_and_what_it_opens_act_as_the_account(
    qtbot: QtBot, signed_in: tuple[MainWindow, Actor], store: Store
) -> None:
    window, actor = signed_in
    assert actor.username != getpass.getuser() and actor.account_id is not None
    assert window.actor == actor
    assert window.operation_page.board is None or window.operation_page.board.actor == actor

    history = _action(window, "importHistoryAction")
    assert history is not None
    history.trigger()
    dialog = window.findChild(ImportHistoryDialog)
    assert dialog is not None and dialog.actor == actor
    # On with an import chosen, for the roles that may revert (tests/ui/test_import_history.py).
    chosen = bool(dialog.view.selectionModel().selectedRows())
    assert dialog.revert_button.isEnabled() == (chosen and permitted(actor, "import.run"))
    dialog.close()

    # The admin menu: the journal for those who may read it, accounts for those who manage.
    assert (_action(window, "auditJournalAction") is not None) == permitted(actor, "audit.read")
    assert (_action(window, "accountsAction") is not None) == permitted(actor, "account.manage")


def test_import_is_offered_only_to_who_may_import_and_journals_them(
    qtbot: QtBot, signed_in: tuple[MainWindow, Actor], store: Store, tmp_path: Path
) -> None:
    window, actor = signed_in
    action = _action(window, "importAction")
    if not permitted(actor, "import.run"):
        assert action is None  # hidden: nothing to refuse
        return
    assert action is not None
    action.trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.actor == actor
    to_mapping(qtbot, wizard, roster(tmp_path / "r.xlsx"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10_000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    assert _last_txn(store) == (actor.username, "import.personnel")
    wizard.close()


def _sitrep(qtbot: QtBot, window: MainWindow) -> SitrepDialog:
    action = _action(window, "sitrepAction")
    assert action is not None
    action.trigger()
    dialog = window.findChild(SitrepDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.produced is not None, timeout=30_000)
    return dialog


def test_sitrep_number_and_signatory_as_the_account(
    qtbot: QtBot, signed_in: tuple[MainWindow, Actor], store: Store, tmp_path: Path
) -> None:
    window, actor = signed_in
    dialog = _sitrep(qtbot, window)
    head = _head(store)
    out = tmp_path / "lapsit.pdf"
    dialog.save_to(out)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30_000)
    refusal = f"Peran {actor.role} tidak berwenang untuk tindakan ini."
    if permitted(actor, "report.issue"):
        assert out.exists()
        assert _last_txn(store) == (actor.username, "sitrep.issue")
    else:
        assert dialog.message.text() == refusal
        assert not out.exists() and _head(store) == head
        with store.read() as s:
            assert s.scalar(select(Operation.sitrep_serial)) == 0

    head = _head(store)
    dialog.sig_name.setText("Budi Santoso Uji")
    with qtbot.waitSignal(dialog.writes.write_done, timeout=30_000):
        dialog.save_signatory()
    if permitted(actor, "report.configure"):
        assert "disimpan sebagai bawaan" in dialog.message.text()
        assert _last_txn(store) == (actor.username, "sitrep.configure")
        closed = answer_next_question(DISCARD_NAME)
        dialog.close()
        qtbot.waitUntil(lambda: bool(closed))
        assert closed == [NOT_ASKED]  # saved: nothing left to ask about
    else:
        assert dialog.message.text() == refusal
        assert _head(store) == head
        # The refused signatory is still typed in: closing asks before dropping it.
        closed = answer_next_question(DISCARD_NAME)
        dialog.close()
        qtbot.waitUntil(lambda: bool(closed))
        assert closed == [BOX_NAME] and not dialog.isVisible()


def test_planning_edits_as_the_account_or_one_sentence(
    qtbot: QtBot, signed_in: tuple[MainWindow, Actor], store: Store
) -> None:
    window, actor = signed_in
    action = _action(window, "openPlanning")
    assert action is not None
    action.trigger()
    planning = window.findChild(PlanningWindow)
    assert planning is not None and planning.actor == actor
    settled(qtbot, planning)
    with store.read() as s:
        op = s.scalars(select(Operation.id)).one()
        levels = {c: x.id for c, x in by_code(s, VulnerabilityLevel, op).items()}
        assert by_code(s, Aspect, op)
    head = _head(store)
    heat = planning.heat
    cell = heat.index(1, HeatColumn.FIRST_ASPECT)
    with qtbot.waitSignal(planning.writes.write_done, timeout=30_000):
        heat.setData(cell, levels["sedang"])
    if permitted(actor, "plan.edit"):
        assert _last_txn(store) == (actor.username, "vulnerability.set")
    else:
        assert planning.banner.text() == f"Peran {actor.role} tidak berwenang untuk tindakan ini."
        assert _head(store) == head and planning.undo_stack.count() == 0
    settled(qtbot, planning)
    planning.close()
