"""The login at start: user name and password, or the first admin on a new server.

``ask_login(store, parent)`` returns the actor who logged in, ``None`` when the user chose
Batal, and the local user without asking where no login is required (SQLite with no
passwords; ``accounts.unattended``, the one place that decides to act without a login).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from opscenter import accounts
from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.store import Store
from ui import theme
from ui.error_dialog import sentence_for
from ui.form_parts import error_label, field, save_cancel


class LoginDialog(QDialog):
    """Masuk: user name, password, the refusal in one sentence under the fields."""

    def __init__(
        self,
        store: Store,
        *,
        lang: str = "id",
        bootstrap: bool | None = None,
        throttle: accounts.LoginThrottle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._lang = lang
        self._throttle = throttle
        self.bootstrap = accounts.needs_bootstrap(store) if bootstrap is None else bootstrap
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Masuk \u2014 OpsCenter"))
        self.setModal(True)
        self.setMinimumWidth(520)

        heading = QLabel(
            self.tr("Buat akun admin pertama") if self.bootstrap else self.tr("Masuk ke OpsCenter"),
            self,
        )
        heading.setFont(theme.scaled_font(self, 1.4, bold=True))
        where = QLabel(self.tr("Basis data: {url}").replace("{url}", store.describe()), self)
        where.setObjectName("databaseLabel")
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        where.setStyleSheet(f"color: {theme.MUTED.name()};")

        self.username = field(self, "username")
        self.username.setMaxLength(80)
        self.full_name = field(self, "fullName")
        self.password = field(self, "password", secret=True)
        self.repeat = field(self, "repeat", secret=True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Nama pengguna"), self.username)
        if self.bootstrap:
            form.addRow(self.tr("Nama &lengkap"), self.full_name)
        form.addRow(self.tr("&Kata sandi"), self.password)
        if self.bootstrap:
            form.addRow(self.tr("&Ulangi kata sandi"), self.repeat)
            hint = QLabel(
                self.tr(
                    "Server ini belum memiliki admin. Akun ini dapat membuat akun lain; "
                    "kata sandi paling sedikit 8 karakter."
                ),
                self,
            )
            hint.setWordWrap(True)
            form.addRow(hint)
        else:  # not in the form: they would sit in the top corner as stray boxes
            self.full_name.hide()
            self.repeat.hide()

        self.error = error_label(self, "loginError", boxed=True)

        buttons, self.ok_button, self.cancel_button = save_cancel(
            self, self.tr("Buat && masuk") if self.bootstrap else self.tr("Masuk"), self.tr("Batal")
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.setSpacing(12)
        column.addWidget(heading)
        column.addWidget(where)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.username.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:
        """Check the entries; on success keep the actor and close, else say why."""
        name = self.username.text().strip()
        password = self.password.text()
        if not name:
            self.show_error(self.tr("Isi nama pengguna."))
            self.username.setFocus()
            return
        if self.bootstrap and password != self.repeat.text():
            self.show_error(self.tr("Kedua kata sandi tidak sama; ketik ulang."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.bootstrap:
                actor = accounts.bootstrap_admin(
                    self._store, name, password, self.full_name.text().strip() or name
                )
            else:
                actor = accounts.authenticate(self._store, name, password, throttle=self._throttle)
        except OpsError as exc:
            self.show_error(sentence_for(exc, self._lang))
            self.password.clear()
            self.repeat.clear()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.actor = actor
        self.accept()


def ask_login(store: Store, parent: QWidget | None = None, *, lang: str = "id") -> Actor | None:
    """Who is at the keyboard: the logged-in actor, None on Batal, or the local admin where
    this database needs no login."""
    local = accounts.unattended(store)
    if local is not None:
        return local
    dialog = LoginDialog(store, lang=lang, parent=parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.actor
        return None
    finally:
        dialog.deleteLater()
