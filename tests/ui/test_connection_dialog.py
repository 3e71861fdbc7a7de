"""The connection dialog: the URL it builds, its connection test, what OK saves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from opscenter.store import open_store
from ui import settings
from ui.connection_dialog import ConnectionDialog, url_from_form


def _dialog(qtbot: QtBot) -> ConnectionDialog:
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill_pg(dialog: ConnectionDialog, url: str, *, port: int | None = None) -> None:
    parsed = make_url(url)
    dialog.pg_choice.setChecked(True)
    dialog.host.setText(parsed.host or "localhost")
    dialog.port.setValue(port or parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(parsed.password or "")
    dialog.sslmode.setCurrentText("disable")


def test_url_from_form_builds_postgresql_with_tls_and_port() -> None:
    url = url_from_form(
        "postgresql",
        host="db.polda-jambi.local",
        port=6543,
        database="opscenter",
        user="ops",
        password="rahasia",
        sslmode="verify-full",
        sslrootcert="/etc/ssl/polda-ca.crt",
    )
    parsed = make_url(url)
    assert parsed.drivername == "postgresql+psycopg"
    assert (parsed.host, parsed.port, parsed.database) == (
        "db.polda-jambi.local",
        6543,
        "opscenter",
    )
    assert (parsed.username, parsed.password) == ("ops", "rahasia")
    assert dict(parsed.query) == {"sslmode": "verify-full", "sslrootcert": "/etc/ssl/polda-ca.crt"}


def test_url_from_form_leaves_out_empty_parts_and_the_ca_without_verification() -> None:
    url = url_from_form(
        "postgresql", host="h", database="d", user="u", sslmode="require", sslrootcert="/ca.crt"
    )
    assert url == "postgresql+psycopg://u@h:5432/d?sslmode=require"
    assert url_from_form("postgresql", host="h", database="d") == "postgresql+psycopg://h:5432/d"


def test_sqlite_choice_gives_a_sqlite_url(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "posko.db"
    assert url_from_form("sqlite", sqlite_path=str(path)) == f"sqlite:///{path}"
    dialog = _dialog(qtbot)
    assert dialog.sqlite_choice.isChecked()
    dialog.sqlite_path.setText(str(path))
    assert dialog.url() == f"sqlite:///{path}"
    dialog.accept()
    assert settings.DATABASE_URL.get() == f"sqlite:///{path}"


def test_the_test_button_reaches_the_real_server(qtbot: QtBot, pg_url: str) -> None:
    open_store(pg_url).dispose()  # an OpsCenter database, as the command room's would be
    dialog = _dialog(qtbot)
    _fill_pg(dialog, pg_url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.isVisible()
    assert dialog.outcome.text() == "Sambungan berhasil."


def test_an_empty_database_is_reachable_and_will_get_its_schema(qtbot: QtBot, pg_url: str) -> None:
    dialog = _dialog(qtbot)
    _fill_pg(dialog, pg_url)
    assert dialog.test_connection()
    assert dialog.outcome.text().startswith("Sambungan berhasil.")


def test_an_unreachable_server_is_said_in_one_sentence(qtbot: QtBot, pg_url: str) -> None:
    dialog = _dialog(qtbot)
    _fill_pg(dialog, pg_url, port=1)
    assert not dialog.test_connection()
    assert dialog.outcome.isVisible()
    assert "tidak dapat dihubungi" in dialog.outcome.text()
    assert ":1 " in dialog.outcome.text()


def test_ok_saves_the_url_without_the_password(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    dialog.pg_choice.setChecked(True)
    dialog.host.setText("db.polda-jambi.local")
    dialog.database.setText("opscenter")
    dialog.user.setText("ops")
    dialog.password.setText("rahasia-sekali")
    dialog.sslmode.setCurrentText("verify-ca")
    dialog.ca_file.setText("/etc/ssl/ca.crt")
    assert "rahasia-sekali" not in dialog.preview.text()
    assert "***" in dialog.preview.text()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.database, Qt.Key.Key_Return)  # Enter = OK
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = settings.DATABASE_URL.get()
    assert "rahasia" not in saved
    parsed = make_url(saved)
    assert parsed.password is None
    assert (parsed.username, parsed.host, parsed.port) == ("ops", "db.polda-jambi.local", 5432)
    assert dict(parsed.query) == {"sslmode": "verify-ca", "sslrootcert": "/etc/ssl/ca.crt"}
    again = _dialog(qtbot)  # the form opens on what was saved
    assert again.pg_choice.isChecked()
    assert again.host.text() == "db.polda-jambi.local"
    assert again.password.text() == ""


def test_cancel_discards(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    dialog.sqlite_path.setText(str(tmp_path / "x.db"))
    dialog.reject()
    assert settings.DATABASE_URL.get() == ""


def test_install_puts_the_action_before_keluar(window: object) -> None:
    from ui.connection_dialog import install
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    install(window)
    file_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Berkas" and a.menu()
    )
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts.index("&Sambungan basis data\u2026") < texts.index("&Keluar")


def test_saved_url_is_what_the_command_line_starts_with() -> None:
    from ui.connection_dialog import saved_url

    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("")  # as on the command line, before any QApplication
    try:
        saved_url()
        assert QCoreApplication.organizationName() == "OpsCenter"
        QSettings().remove(settings.DATABASE_URL.key)
        assert saved_url() == ""
        settings.DATABASE_URL.set("postgresql+psycopg://ops@db:5432/opscenter")
        assert saved_url() == "postgresql+psycopg://ops@db:5432/opscenter"
        QSettings().remove(settings.DATABASE_URL.key)
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])


def test_a_url_without_a_database_is_refused_without_its_password(qtbot: QtBot) -> None:
    """Issue 19: the refusal repeats the address, never its password (nor does the title)."""
    dialog = _dialog(qtbot)
    dialog.pg_choice.setChecked(True)
    dialog.host.setText("db.polda-jambi.local")
    dialog.user.setText("ops")
    dialog.password.setText("RahasiaSekali42")  # and no database name
    assert not dialog.test_connection()
    assert "tidak dapat dipakai" in dialog.outcome.text()
    assert "ops:***@db.polda-jambi.local" in dialog.outcome.text()
    for shown in (dialog.outcome.text(), dialog.preview.text(), dialog.windowTitle()):
        assert "RahasiaSekali42" not in shown
    dialog.accept()
    assert "RahasiaSekali42" not in str(QSettings().value(settings.DATABASE_URL.key))
