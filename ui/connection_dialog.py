"""Sambungan basis data: choose the SQLite file or the command room's PostgreSQL server.

The chosen address is saved (``settings.DATABASE_URL``) WITHOUT the password, and used at
the next start when neither ``--db`` nor ``$OPSCENTER_DB`` names a database. The password
belongs in ``~/.pgpass`` (``%APPDATA%\\postgresql\\pgpass.conf`` on Windows).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from opscenter import messages
from opscenter.errors import OpsError, SchemaOutdated
from opscenter.store import default_sqlite_path, open_store, safe_url
from ui import actions, settings, theme
from ui.form_parts import field, save_cancel

SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
VERIFY_MODES = ("verify-ca", "verify-full")
DEFAULT_PORT = 5432
APP_NAME = "OpsCenter"  # as ui.app.application() names the application


def url_from_form(
    kind: str,
    *,
    sqlite_path: str = "",
    host: str = "",
    port: int = DEFAULT_PORT,
    database: str = "",
    user: str = "",
    password: str = "",
    sslmode: str = "",
    sslrootcert: str = "",
) -> str:
    """The database URL the form describes; ``kind`` is "sqlite" or "postgresql".

    The CA file is only passed for the verifying TLS modes; empty parts are left out.
    """
    if kind == "sqlite":
        path = sqlite_path.strip()
        return f"sqlite:///{Path(path).expanduser()}" if path else ""
    query: dict[str, str] = {}
    if sslmode.strip():
        query["sslmode"] = sslmode.strip()
    if sslrootcert.strip() and sslmode.strip() in VERIFY_MODES:
        query["sslrootcert"] = sslrootcert.strip()
    url = URL.create(
        "postgresql+psycopg",
        username=user.strip() or None,
        password=password or None,
        host=host.strip() or None,
        port=port or None,
        database=database.strip() or None,
        query=query,
    )
    return url.render_as_string(hide_password=False)


def without_password(url: str) -> str:
    """``url`` with no password at all (not even hidden): the form that is saved."""
    if not url:
        return ""
    parsed = make_url(url)
    return parsed.set(password=None).render_as_string(hide_password=False)


def saved_url() -> str:
    """The saved database address ("" when none), readable before any QApplication exists.

    QSettings finds its file by the organisation and application names, which
    ``ui.app.application()`` sets; the command line reads this before that runs.
    """
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(APP_NAME)
    if not QCoreApplication.applicationName():
        QCoreApplication.setApplicationName(APP_NAME)
    return settings.DATABASE_URL.get().strip()


class ConnectionDialog(QDialog):
    """Which database this workstation opens at its next start."""

    def __init__(self, *, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setWindowTitle(self.tr("Sambungan basis data"))
        self.setModal(True)
        self.setMinimumWidth(620)

        self.sqlite_choice = QRadioButton(self.tr("Berkas &SQLite di workstation ini"), self)
        self.pg_choice = QRadioButton(self.tr("Server &PostgreSQL ruang komando"), self)
        group = QButtonGroup(self)
        group.addButton(self.sqlite_choice)
        group.addButton(self.pg_choice)

        # SQLite
        self.sqlite_path = field(self, "sqlitePath")
        self.sqlite_path.setPlaceholderText(str(default_sqlite_path()))
        self.browse_button, path_row = self._file_row(
            self.sqlite_path, self.tr("P&ilih\u2026"), self.browse_sqlite
        )
        self.sqlite_box, sqlite_form = self._indented_form()
        self.sqlite_label = QLabel(self.tr("&Berkas"), self.sqlite_box)
        self.sqlite_label.setBuddy(self.sqlite_path)
        sqlite_form.addRow(self.sqlite_label, path_row)

        # PostgreSQL
        self.host = field(self, "host")
        self.host.setPlaceholderText("db.polda-jambi.local")
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = field(self, "database")
        self.database.setPlaceholderText("opscenter")
        self.user = field(self, "user")
        self.password = field(self, "password", secret=True)
        self.sslmode = QComboBox(self)
        self.sslmode.setObjectName("sslmode")
        self.sslmode.addItems(SSL_MODES)
        self.sslmode.setCurrentText("prefer")
        self.ca_file = field(self, "caFile")
        self.ca_browse, ca_row = self._file_row(
            self.ca_file, self.tr("Pi&lih\u2026"), self.browse_ca
        )
        self.pg_box, pg_form = self._indented_form()
        pg_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        pg_form.addRow(self.tr("&Host"), self.host)
        pg_form.addRow(self.tr("P&ort"), self.port)
        pg_form.addRow(self.tr("Basis &data"), self.database)
        pg_form.addRow(self.tr("Pe&ngguna"), self.user)
        pg_form.addRow(self.tr("&Kata sandi"), self.password)
        pg_form.addRow(self.tr("Mode &TLS"), self.sslmode)
        self.ca_label = QLabel(self.tr("Berkas &CA"), self.pg_box)
        self.ca_label.setBuddy(self.ca_file)
        pg_form.addRow(self.ca_label, ca_row)
        hint = QLabel(
            self.tr(
                "Kata sandi tidak disimpan: hanya dipakai untuk uji sambungan. Simpan di "
                "~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf) atau ketik saat "
                "OpsCenter dimulai."
            ),
            self.pg_box,
        )
        hint.setObjectName("passwordHint")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.MUTED.name()};")
        hint.setContentsMargins(24, 0, 0, 0)
        self.password_hint = hint

        # Preview, test, result
        self.preview = QLineEdit(self)
        self.preview.setObjectName("urlPreview")
        self.preview.setReadOnly(True)
        preview_label = QLabel(self.tr("&Alamat"), self)
        preview_label.setBuddy(self.preview)
        preview_row = QHBoxLayout()
        preview_row.addWidget(preview_label)
        preview_row.addWidget(self.preview, 1)
        self.test_button = QPushButton(self.tr("&Uji sambungan"), self)
        self.test_button.setObjectName("testButton")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        preview_row.addWidget(self.test_button)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("testResult")
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.hide()

        buttons, self.ok_button, self.cancel_button = save_cancel(
            self, self.tr("Simpan"), self.tr("Batal")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(self.sqlite_choice)
        column.addWidget(self.sqlite_box)
        column.addWidget(self.pg_choice)
        column.addWidget(self.pg_box)
        column.addWidget(self.password_hint)
        column.addLayout(preview_row)
        column.addWidget(self.outcome)
        column.addStretch(1)
        column.addWidget(buttons)

        for edit in (self.sqlite_path, self.host, self.database, self.user, self.ca_file):
            edit.textChanged.connect(self._update)
        self.password.textChanged.connect(self._update)
        self.port.valueChanged.connect(self._update)
        self.sslmode.currentTextChanged.connect(self._update)
        self.sqlite_choice.toggled.connect(self._update)
        self.load(settings.DATABASE_URL.get())

    def _file_row(
        self, edit: QLineEdit, text: str, browse: Callable[[], None]
    ) -> tuple[QPushButton, QHBoxLayout]:
        """A path field with its browse button beside it (Enter still saves the dialog)."""
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(browse)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return button, row

    def _indented_form(self) -> tuple[QWidget, QFormLayout]:
        """The fields of one choice, indented under its radio button."""
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(24, 0, 0, 0)
        return box, form

    # -- state -----------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return "postgresql" if self.pg_choice.isChecked() else "sqlite"

    def load(self, url: str) -> None:
        """Fill the form from a saved URL (no password); an empty one means SQLite."""
        parsed = None
        if url:
            try:
                parsed = make_url(url)
            except Exception:  # a hand-edited setting: start from an empty form
                parsed = None
        if parsed is not None and parsed.get_backend_name() == "postgresql":
            self.pg_choice.setChecked(True)
            self.host.setText(parsed.host or "")
            self.port.setValue(parsed.port or DEFAULT_PORT)
            self.database.setText(parsed.database or "")
            self.user.setText(parsed.username or "")
            mode = str(parsed.query.get("sslmode") or "prefer")
            self.sslmode.setCurrentText(mode if mode in SSL_MODES else "prefer")
            self.ca_file.setText(str(parsed.query.get("sslrootcert") or ""))
        else:
            self.sqlite_choice.setChecked(True)
            if parsed is not None and parsed.database:
                self.sqlite_path.setText(parsed.database)
        self._update()

    def url(self, *, with_password: bool = True) -> str:
        """The URL the form describes; the default SQLite file when its path is empty."""
        if self.kind == "sqlite":
            path = self.sqlite_path.text().strip() or str(default_sqlite_path())
            return url_from_form("sqlite", sqlite_path=path)
        return url_from_form(
            "postgresql",
            host=self.host.text(),
            port=self.port.value(),
            database=self.database.text(),
            user=self.user.text(),
            password=self.password.text() if with_password else "",
            sslmode=self.sslmode.currentText(),
            sslrootcert=self.ca_file.text(),
        )

    def _update(self) -> None:
        pg = self.kind == "postgresql"
        self.sqlite_box.setEnabled(not pg)
        self.pg_box.setEnabled(pg)
        verify = self.sslmode.currentText() in VERIFY_MODES
        for w in (self.ca_label, self.ca_file, self.ca_browse):
            w.setEnabled(pg and verify)
        url = self.url()
        shown = safe_url(url) if url else ""
        self.preview.setText(shown)
        self.preview.setToolTip(shown)
        self.preview.setCursorPosition(0)  # the start (driver, user, host) is what matters
        self.password_hint.setEnabled(pg)
        self.outcome.hide()

    def _show_result(self, text: str, ok: bool) -> None:
        colour = theme.MUTED if ok else theme.DEFICIT
        background = "" if ok else f" background: {theme.ALERT_BG.name()};"
        self.outcome.setStyleSheet(f"color: {colour.name()};{background} padding: 6px;")
        self.outcome.setText(text)
        self.outcome.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped labels at this width, rather than squeezing fields."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    # -- actions ---------------------------------------------------------------------------

    def browse_sqlite(self) -> None:
        start = self.sqlite_path.text().strip() or str(default_sqlite_path())
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Pilih berkas basis data"),
            start,
            self.tr("Basis data SQLite (*.db *.sqlite);;Semua berkas (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.sqlite_path.setText(path)

    def browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas CA"),
            self.ca_file.text().strip(),
            self.tr("Sertifikat (*.crt *.pem *.cer);;Semua berkas (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def test_connection(self) -> bool:
        """Open the database without changing it, close it again, and say how it went."""
        url = self.url()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = open_store(url, migrate=False)
            store.dispose()
        except SchemaOutdated:
            self._show_result(
                self.tr(
                    "Sambungan berhasil. Basis data ini masih kosong; skema OpsCenter dibuat "
                    "saat OpsCenter dimulai dengannya."
                ),
                True,
            )
            return True
        except OpsError as exc:
            self._show_result(messages.describe(exc, self._lang), False)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_result(self.tr("Sambungan berhasil."), True)
        return True

    def accept(self) -> None:
        """Save the address without its password; used at the next start."""
        settings.DATABASE_URL.set(without_password(self.url(with_password=False)))
        super().accept()


def install(window: QMainWindow, lang: str = "id") -> None:
    """Add "&Sambungan basis data…" to the window's "&Berkas" menu, before "&Keluar"; its
    messages in ``lang``."""
    menu_titles = {"&Berkas", QCoreApplication.translate("MainWindow", "&Berkas")}
    quit_titles = {"&Keluar", QCoreApplication.translate("MainWindow", "&Keluar")}
    file_menu: QMenu | None = None
    for top in window.menuBar().actions():
        menu = top.menu()
        if top.text() in menu_titles and isinstance(menu, QMenu):
            file_menu = menu
            break
    if file_menu is None:
        file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Berkas"))
    action = actions.create(window, "connectionAction")

    def open_dialog() -> None:
        dialog = ConnectionDialog(lang=lang, parent=window)
        actions.close_keys(dialog)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                QMessageBox.information(
                    window,
                    QCoreApplication.translate("MainWindow", "Sambungan basis data"),
                    QCoreApplication.translate(
                        "MainWindow",
                        "Alamat basis data disimpan. OpsCenter memakai basis data baru ini "
                        "saat dimulai lagi.",
                    ),
                )
        finally:
            dialog.deleteLater()

    action.triggered.connect(open_dialog)
    before = next((a for a in file_menu.actions() if a.text() in quit_titles), None)
    if before is not None:
        file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
    else:
        file_menu.addAction(action)
