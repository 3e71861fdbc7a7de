"""The login dialog: Enter submits, one sentence for any wrong entry, the first admin."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from opscenter import accounts
from opscenter.actor import Actor
from opscenter.store import Store
from ui.login_dialog import LoginDialog, ask_login

PASSWORD = "rahasia-jambi-2024"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_HASHER", cheap)
    dummy = cheap.hash("x")
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: dummy)


@pytest.fixture
def with_accounts(store: Store) -> Store:
    admin = accounts.bootstrap_admin(store, "kapolda", PASSWORD, "Kapolda")
    accounts.create_account(store, admin, "budi", "Budi", "operator", PASSWORD)
    return store


def _dialog(qtbot: QtBot, store: Store) -> LoginDialog:
    dialog = LoginDialog(store, throttle=accounts.LoginThrottle())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_password_is_hidden_and_enter_logs_in(qtbot: QtBot, with_accounts: Store) -> None:
    dialog = _dialog(qtbot, with_accounts)
    assert not dialog.bootstrap
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.repeat.isVisible()
    qtbot.keyClicks(dialog.username, "budi")
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert (dialog.actor.username, dialog.actor.role) == ("budi", "operator")


def test_wrong_name_and_wrong_password_show_the_same_sentence(
    qtbot: QtBot, with_accounts: Store
) -> None:
    dialog = _dialog(qtbot, with_accounts)
    sentences = []
    for name, password in (("budi", "salah-sandi-1"), ("bukan-siapa", PASSWORD)):
        dialog.username.setText(name)
        dialog.password.setText(password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.error.isVisible()
        assert dialog.password.text() == ""  # cleared for the next try
        sentences.append(dialog.error.text())
    assert sentences[0] == sentences[1] == "Nama pengguna atau kata sandi salah."
    assert dialog.actor is None


def test_inactive_account_is_named(qtbot: QtBot, with_accounts: Store) -> None:
    admin = Actor("kapolda", "admin")
    budi = next(r for r in accounts.list_accounts(with_accounts, admin) if r.username == "budi")
    accounts.deactivate(with_accounts, admin, budi.id)
    dialog = _dialog(qtbot, with_accounts)
    dialog.username.setText("budi")
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert "dinonaktifkan" in dialog.error.text()


def test_cancel_rejects(qtbot: QtBot, with_accounts: Store) -> None:
    dialog = _dialog(qtbot, with_accounts)
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is None


def test_first_admin_on_a_new_server(qtbot: QtBot, store: Store) -> None:
    dialog = LoginDialog(store, bootstrap=None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.bootstrap
    dialog.username.setText("kapolda")
    dialog.full_name.setText("Irjen Pol. Kapolda")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    dialog.submit()
    assert "tidak sama" in dialog.error.text()
    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()
    assert dialog.actor is not None
    assert dialog.actor.role == "admin"
    assert accounts.login_required(store)


def test_ask_login_needs_no_dialog_without_passwords(store: Store) -> None:
    assert ask_login(store) == Actor.local()


def test_a_demo_file_asks_who_is_there(qtbot: QtBot, store: Store) -> None:
    """Issue 14: on SQLite nobody signed in, and every change was the system's user. The
    demo has accounts, so the window asks; its operators sign in with the demo password."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from opscenter.demo import DEMO_PASSWORD, load_demo

    load_demo(store, "bangka")
    asked: list[str] = []

    def sign_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog) and not dialog.bootstrap
        asked.append(dialog.windowTitle())
        dialog.username.setText("bangka.op.ayu")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.submit()

    QTimer.singleShot(0, sign_in)
    actor = ask_login(store)
    assert asked == ["Masuk \u2014 OpsCenter"]
    assert actor is not None and (actor.username, actor.role) == ("bangka.op.ayu", "operator")


def test_without_accounts_the_workstation_user_is_named_as_local(store: Store) -> None:
    actor = ask_login(store)
    assert actor is not None and actor.username.startswith("lokal:") and actor.role == "admin"
    assert actor.account_id is None
