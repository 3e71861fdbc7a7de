"""Akun pengguna: the admin's list of accounts, with create, reset password, role, deactivate.

Every button calls a core service (``opscenter.accounts``), which checks the role again; the
model then re-reads only the row that changed.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from enum import IntEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter import accounts
from opscenter.accounts import AccountRow
from opscenter.actor import Actor
from opscenter.errors import OpsError
from opscenter.model.accounts import ROLES
from opscenter.store import Store
from ui import theme
from ui.error_dialog import sentence_for
from ui.form_parts import error_label, field, focus_field, save_cancel
from ui.pending import PendingWrite
from ui.tab_order import chain, leave_on_tab
from ui.table_model import TableModel
from ui.table_view import style_table
from ui.translations import QT_TRANSLATE_NOOP
from ui.unsaved import may_close

# Marked for lupdate (it cannot read a variable's text) and translated in one context.
_CONTEXT = "AccountsDialog"
ROLE_NAMES = {
    "operator": QT_TRANSLATE_NOOP("AccountsDialog", "Operator (papan, kejadian)"),
    "staff": QT_TRANSLATE_NOOP("AccountsDialog", "Staf (impor, daftar rujukan)"),
    "commander": QT_TRANSLATE_NOOP("AccountsDialog", "Pimpinan (membaca semua, menyetujui)"),
    "admin": QT_TRANSLATE_NOOP("AccountsDialog", "Admin (akun, pengaturan)"),
}


def role_name(code: str) -> str:
    """A role as the interface names it (an unknown code as it is)."""
    return QCoreApplication.translate(_CONTEXT, ROLE_NAMES.get(code, code))


class Column(IntEnum):
    USERNAME = 0
    FULL_NAME = 1
    ROLE = 2
    STATUS = 3


HEADERS = {
    Column.USERNAME: QT_TRANSLATE_NOOP("AccountsDialog", "Nama pengguna"),
    Column.FULL_NAME: QT_TRANSLATE_NOOP("AccountsDialog", "Nama lengkap"),
    Column.ROLE: QT_TRANSLATE_NOOP("AccountsDialog", "Peran"),
    Column.STATUS: QT_TRANSLATE_NOOP("AccountsDialog", "Status"),
}


def _key(row: AccountRow) -> str:
    return row.username.lower()


class AccountsModel(TableModel[AccountRow]):
    """Accounts sorted by user name, keyed by id; ``put`` inserts or updates one row precisely."""

    columns = Column

    def __init__(self, rows: list[AccountRow] | None = None) -> None:
        super().__init__(lambda r: r.id)
        self.reset_rows(sorted(rows or [], key=_key))

    def position(self, row: AccountRow) -> int:
        return bisect.bisect_left([_key(r) for r in self._rows], _key(row))

    def headers(self) -> list[tuple[str, str]]:
        return [(QCoreApplication.translate(_CONTEXT, HEADERS[c]), "") for c in Column]

    def cell(self, row: AccountRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.USERNAME:
                return row.username
            if column == Column.FULL_NAME:
                return row.full_name
            if column == Column.ROLE:
                return role_name(row.role)
            if not row.active:
                return self.tr("Nonaktif")
            return self.tr("Aktif") if row.has_password else self.tr("Aktif, tanpa kata sandi")
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(theme.MUTED)
        return None


class NewAccountDialog(QDialog):
    submitted = Signal()  # "Simpan": the owner saves, then accepts (or shows the refusal)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah akun"))
        # The rule the core enforces, shown before it refuses: one word, no spaces.
        self.username = field(
            self, "newUsername", hint=self.tr("satu kata tanpa spasi, mis. jambi.op.baru")
        )
        self.username.setMaxLength(accounts.MAX_USERNAME_LENGTH)
        self.full_name = field(self, "newFullName")
        self.role = QComboBox(self)
        for code in ROLES:
            self.role.addItem(role_name(code), code)
        self.password = field(self, "newPassword", secret=True)
        self.repeat = field(self, "newPasswordRepeat", secret=True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Nama pengguna"), self.username)
        form.addRow(self.tr("Nama &lengkap"), self.full_name)
        form.addRow(self.tr("&Peran"), self.role)
        form.addRow(self.tr("&Kata sandi"), self.password)
        form.addRow(self.tr("&Ulangi kata sandi"), self.repeat)
        self.error = error_label(self, "newAccountError")
        form.addRow(self.error)
        buttons, self.save_button, _cancel = save_cancel(
            self, self.tr("&Simpan"), self.tr("&Batal")
        )
        # Saving runs on the write thread: the owner closes the form once it is saved.
        buttons.accepted.connect(self.submitted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # The fields by the names the core gives a refused value (``InvalidValue.field``).
        self.fields: dict[str, QWidget] = {
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role,
            "password": self.password,
            "repeat": self.repeat,
        }

    def refuse(self, sentence: str, key: object = None) -> None:
        """Say why the form was refused and put the cursor in the field at fault (``key``,
        the core's field name), its text selected; the cursor stays put when none is named."""
        self.error.setText(sentence)
        self.error.show()
        focus_field(self.fields, key)

    # What is typed is unsaved input (``ui.unsaved.Editor``).

    def is_dirty(self) -> bool:
        return any(e.text() for e in (self.username, self.full_name, self.password, self.repeat))

    def save_input(self) -> bool:
        self.accept()  # the accounts dialog creates the account, or says why not
        return False

    def discard_input(self) -> None:
        """The fields close with the dialog; nothing else holds them."""

    def reject(self) -> None:
        if may_close(self, what=self.tr("Akun baru ini belum disimpan.")):
            super().reject()


class AccountsDialog(QDialog):
    """The admin's account list."""

    def __init__(
        self, store: Store, actor: Actor, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._actor = actor
        self._lang = lang
        self.writes = PendingWrite(self)  # every change runs on the write thread
        self.setWindowTitle(self.tr("Akun pengguna \u2014 OpsCenter"))
        self.resize(980, 560)
        self.model = AccountsModel(accounts.list_accounts(store, actor))
        self.table = style_table(
            QTableView(self), name="accountsTable", single=True, model=self.model, fit_contents=True
        )

        self.add_button = QPushButton(self.tr("Tambah &akun\u2026"), self)
        self.password_button = QPushButton(self.tr("Atur ulang &kata sandi\u2026"), self)
        self.role_button = QPushButton(self.tr("Ubah &peran\u2026"), self)
        self.deactivate_button = QPushButton(self.tr("&Nonaktifkan"), self)
        self.add_button.clicked.connect(self._ask_create)
        self.password_button.clicked.connect(self._ask_password)
        self.role_button.clicked.connect(self._ask_role)
        self.deactivate_button.clicked.connect(self._ask_deactivate)
        self.table.selectionModel().selectionChanged.connect(self._enable)

        self.error = error_label(self, "accountsError", boxed=True)
        close = QDialogButtonBox(self)
        close.addButton(self.tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)

        buttons = QHBoxLayout()
        for b in (self.add_button, self.password_button, self.role_button,
                  self.deactivate_button):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        column.addWidget(self.error)
        column.addWidget(close)
        # The buttons stand above the table but are made after it: read them first.
        leave_on_tab(self.table)
        chain(self.add_button, self.password_button, self.role_button,
              self.deactivate_button, self.table, *close.buttons())  # fmt: skip
        self._enable()

    # -- the selected account ---------------------------------------------------------------

    def selected(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self, *_: object) -> None:
        row = self.selected()
        for b in (self.password_button, self.role_button):
            b.setEnabled(row is not None)
        self.deactivate_button.setEnabled(row is not None and row.active)

    # -- actions (called by the buttons after asking; tests call them directly) ---------------

    def _run(
        self,
        work: Callable[[], int],
        *,
        button: QAbstractButton | None = None,
        form: NewAccountDialog | None = None,
    ) -> None:
        """Run ``work`` (a service call returning the account's id) on the write thread and
        put the account as saved in the list; a refusal is said in one sentence, beside the
        form when there is one (which stays open with what was typed)."""
        store = self._store

        def write() -> AccountRow:
            account_id = int(work())
            with store.read() as s:
                return accounts.get(s, account_id)

        def saved(row: AccountRow) -> None:
            self.error.hide()
            self.model.put(row)
            self._enable()
            if form is not None and shiboken6.isValid(form):
                form.accept()

        def refused(exc: OpsError) -> None:
            sentence = sentence_for(exc, self._lang)
            if form is not None and shiboken6.isValid(form):
                form.refuse(sentence, exc.data.get("field"))
            else:
                self.error.setText(sentence)
                self.error.show()

        self.writes.submit(write, on_saved=saved, on_refused=refused, button=button)

    def create_account(
        self,
        username: str,
        full_name: str,
        role: str,
        password: str,
        *,
        form: NewAccountDialog | None = None,
    ) -> None:
        store, actor = self._store, self._actor
        self._run(
            lambda: accounts.create_account(store, actor, username, full_name, role, password),
            button=form.save_button if form is not None else self.add_button,
            form=form,
        )

    def _update(
        self, row: AccountRow, change: Callable[[Store, Actor], object], button: QAbstractButton
    ) -> None:
        """Run ``change`` (a service call on ``row``'s account) as ``_run`` does."""
        store, actor = self._store, self._actor

        def work() -> int:
            change(store, actor)
            return row.id

        self._run(work, button=button)

    def reset_password(self, row: AccountRow, password: str) -> None:
        self._update(
            row,
            lambda store, actor: accounts.set_password(store, actor, row.id, password, row.version),
            self.password_button,
        )

    def change_role(self, row: AccountRow, role: str) -> None:
        self._update(
            row,
            lambda store, actor: accounts.set_role(store, actor, row.id, role, row.version),
            self.role_button,
        )

    def deactivate(self, row: AccountRow) -> None:
        self._update(
            row,
            lambda store, actor: accounts.deactivate(store, actor, row.id, row.version),
            self.deactivate_button,
        )

    # -- asking ---------------------------------------------------------------------------------

    def _ask_create(self) -> None:
        form = NewAccountDialog(self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.new_account = form
        form.submitted.connect(lambda: self._submit_new(form))
        # Closed by Buang in its "Perubahan belum disimpan", the form goes in the same moment
        # as the question; openbox, which hands the keys on from a closed window itself, then
        # found no window to give them to (its log: "trying a desktop window"), and Esc and F1
        # did nothing until a click. Ask for the keys back whenever the form closes.
        form.finished.connect(self.activateWindow)
        form.open()

    def _submit_new(self, form: NewAccountDialog) -> None:
        if self.writes.busy:
            return
        if form.password.text() != form.repeat.text():
            form.refuse(self.tr("Kedua kata sandi tidak sama; ketik ulang."), "repeat")
            return
        form.error.hide()
        self.create_account(
            form.username.text(),
            form.full_name.text(),
            str(form.role.currentData()),
            form.password.text(),
            form=form,
        )

    def _ask_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Atur ulang kata sandi"),
            self.tr("Kata sandi baru untuk {name} (paling sedikit 8 karakter):").replace(
                "{name}", row.username
            ),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self.reset_password(row, text)

    def _ask_role(self) -> None:
        row = self.selected()
        if row is None:
            return
        labels = [role_name(c) for c in ROLES]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Ubah peran"),
            self.tr("Peran {name}:").replace("{name}", row.username),
            labels,
            list(ROLES).index(row.role) if row.role in ROLES else 0,
            False,
        )
        if ok:
            self.change_role(row, ROLES[labels.index(label)])

    def _ask_deactivate(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Nonaktifkan akun"),
            self.tr(
                "Nonaktifkan akun {name}? Akun itu tidak dapat masuk lagi; jurnalnya tetap."
            ).replace("{name}", row.username),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.deactivate(row)
