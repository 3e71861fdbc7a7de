"""Replication, as a duty officer and an admin see it (PostgreSQL only).

- In the status bar, a line from the live feed's newest picture: on a standby, how many
  seconds its data is behind; on a primary, whether a change the user saw succeed is on
  two machines. Anything that puts the record at risk is drawn as an alert.
- In the Admin menu, "Status replikasi…" (Ctrl+Shift+R): this server's role and its
  standbys as ``pg_stat_replication`` shows them, read off the GUI thread (on SQLite, a
  sentence saying a file on one computer has no replication).

The sentences say what it means for the room, not PostgreSQL's vocabulary; the README's
operations guide says what to do about each.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter import replication as replication_mod
from opscenter.replication import Replication, Standby
from opscenter.store import Store
from ui import actions, theme
from ui.error_dialog import sentence_for
from ui.table_model import TableModel
from ui.table_view import style_table
from ui.translations import translator
from ui.worker import JobHandle, start_job

# A standby further behind than this is drawn as an alert (its data is visibly old).
LAG_ALERT_S = 5.0


_tr = translator("Replication")


def _seconds(value: float) -> str:
    """Seconds in the interface's locale, one decimal below ten ("0,4"), whole above."""
    return QLocale().toString(value, "f", 1 if value < 10 else 0)


def summary(picture: Replication) -> tuple[str, bool]:
    """One line for the status bar and the dialog, and whether it is an alert."""
    if picture.standby:
        lag = picture.lag
        if lag is not None and lag.receiving is False:
            return (
                _tr(
                    "Server cadangan (hanya-baca): tidak menerima data dari server utama; "
                    "data di layar bisa usang"
                ),
                True,
            )
        seconds = lag.seconds if lag is not None else 0.0
        return (
            _tr("Server cadangan (hanya-baca): data {seconds} dtk di belakang").format(
                seconds=_seconds(seconds)
            ),
            seconds > LAG_ALERT_S,
        )
    protection = picture.protection
    if protection == "sync":
        return _tr("Replikasi sinkron: setiap perubahan tersimpan di dua server"), False
    if protection == "waiting":
        return (
            _tr("Server cadangan sinkron tidak tersambung: setiap perubahan tertahan menunggunya"),
            True,
        )
    if protection == "unknown":
        return (
            _tr("Status replikasi tidak dapat dibaca (akun basis data tanpa pg_monitor)"),
            False,
        )
    if picture.standbys:
        return (
            _tr("Replikasi tidak sinkron: perubahan terbaru bisa hilang bila server mati"),
            True,
        )
    return (
        _tr("Tanpa server cadangan: perubahan hanya tersimpan di satu server"),
        True,
    )


def short(picture: Replication) -> str:
    """The status bar's few words (a 1366 px bar has room for about forty); the sentence
    of ``summary`` is its tooltip and the dialog's headline."""
    if picture.standby:
        lag = picture.lag
        if lag is not None and lag.receiving is False:
            return _tr("Cadangan: tidak menerima dari server utama")
        return _tr("Cadangan (hanya-baca): data {seconds} dtk di belakang").format(
            seconds=_seconds(lag.seconds if lag is not None else 0.0)
        )
    return {
        "sync": _tr("Replikasi sinkron: dua server"),
        "waiting": _tr("Cadangan sinkron terputus: perubahan tertahan"),
        "unknown": _tr("Replikasi: tidak terbaca"),
    }.get(
        picture.protection,
        _tr("Replikasi tidak sinkron") if picture.standbys else _tr("Tanpa server cadangan"),
    )


class ReplicationLabel(QLabel):
    """The status bar's line, following ``ChangeFeed.replication_changed``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replicationLabel")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(8, 2, 8, 2)
        self.alert = False
        self.hide()  # SQLite, or no picture yet

    def show_picture(self, picture: Replication) -> None:
        text, alert = summary(picture)
        self.alert = alert
        self.setText(short(picture))
        self.setToolTip(text)
        self.setStyleSheet(
            f"background: {theme.ALERT_BG.name()}; color: {theme.DEFICIT.name()};"
            " font-weight: bold;"
            if alert
            else ""
        )
        self.show()


class StandbyColumn(IntEnum):
    NAME = 0
    ADDRESS = 1
    STATE = 2
    SYNC = 3
    LAG = 4
    BEHIND = 5


def _unknown() -> str:
    return _tr("tidak terlihat")


class StandbysModel(TableModel[Standby]):
    """The standbys of the primary, by name."""

    columns = StandbyColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda s: s.name, parent)

    def headers(self) -> list[tuple[str, str]]:
        return [
            (_tr("Server cadangan"), _tr("application_name dalam primary_conninfo")),
            (_tr("Alamat"), ""),
            (_tr("Keadaan"), _tr("streaming: menerima perubahan saat ini")),
            (_tr("Sinkron"), _tr("sync/quorum: setiap perubahan menunggu server ini")),
            (_tr("Tertinggal (dtk)"), _tr("replay_lag: sampai perubahan tampil di sana")),
            (_tr("Tertinggal (bita)"), _tr("WAL yang belum diterapkan di sana")),
        ]

    def cell(self, s: Standby, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            text = column <= StandbyColumn.SYNC
            horizontal = Qt.AlignmentFlag.AlignLeft if text else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = StandbyColumn(column)
        value: object = {
            StandbyColumn.NAME: s.name,
            StandbyColumn.ADDRESS: s.address,
            StandbyColumn.STATE: s.state,
            StandbyColumn.SYNC: s.sync_state,
            # PostgreSQL leaves replay_lag empty once a standby has replayed everything.
            StandbyColumn.LAG: _seconds(0.0)
            if s.replay_lag_s is None and s.behind_bytes == 0
            else None
            if s.replay_lag_s is None
            else _seconds(s.replay_lag_s),
            StandbyColumn.BEHIND: None
            if s.behind_bytes is None
            else self._locale.toString(s.behind_bytes),
        }[col]
        return _unknown() if value is None else str(value)


class ReplicationDialog(QDialog):
    """This server's role and its standbys; F5 or "Muat ulang" reads them again."""

    def __init__(self, store: Store, *, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replicationDialog")
        self.setWindowTitle(_tr("Status replikasi"))
        self.store = store
        self.lang = lang
        self.job: JobHandle | None = None
        self.picture: Replication | None = None
        self.headline = QLabel(self)
        self.headline.setObjectName("replicationHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setFont(theme.scaled_font(self, 1.1, bold=True))
        self.settings = QLabel(self)
        self.settings.setObjectName("replicationSettings")
        self.settings.setWordWrap(True)
        self.settings.setTextFormat(Qt.TextFormat.PlainText)
        self.model = StandbysModel(self)
        self.view = style_table(
            QTableView(self),
            name="standbysTable",
            read_only=True,
            model=self.model,
            fit_contents=True,
        )
        self.reload_button = QPushButton(_tr("&Muat ulang"), self)
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setShortcut("F5")
        self.reload_button.clicked.connect(self.reload)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.settings)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(860, 360)
        self.reload()

    def reload(self) -> None:
        if self.job is not None:
            return
        self.reload_button.setEnabled(False)
        self.headline.setText(_tr("Membaca status replikasi…"))
        store = self.store
        self.job = start_job(
            lambda _p, _c: replication_mod.read(store),
            parent=self,
            on_success=self._show,
            on_failure=self._failed,
        )

    def _show(self, picture: Replication | None) -> None:
        self.job = None
        self.reload_button.setEnabled(True)
        self.picture = picture
        if picture is None:
            self.headline.setText(_tr("Basis data SQLite di satu komputer: tidak ada replikasi."))
            self.settings.clear()
            self.model.set_rows([])
            return
        text, _alert = summary(picture)
        role = _tr("server cadangan") if picture.standby else _tr("server utama")
        self.headline.setText(_tr("Tersambung ke {role}. {state}.").format(role=role, state=text))
        self.settings.setText(
            _tr("synchronous_standby_names = '{names}'; synchronous_commit = {commit}").format(
                names=picture.synchronous_names, commit=picture.synchronous_commit
            )
        )
        self.model.set_rows(list(picture.standbys))
        self.view.resizeColumnsToContents()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.reload_button.setEnabled(True)
        self.headline.setText(sentence_for(error, self.lang))


def install_label(window: QMainWindow, store: Store) -> None:
    """The status bar's line for every account, following the window's ``feed``; nothing
    for SQLite."""
    if store.dialect != "postgresql":
        return
    label = ReplicationLabel(window)
    window.replication_label = label  # type: ignore[attr-defined]
    window.statusBar().addPermanentWidget(label)
    feed = window.feed  # type: ignore[attr-defined]
    feed.replication_changed.connect(label.show_picture)
    if feed.replication is not None:
        label.show_picture(feed.replication)


def install_action(window: QMainWindow, menu: QMenu, store: Store, lang: str) -> None:
    """The Admin menu's "Status replikasi…" (Ctrl+Shift+R). On SQLite too, where it says
    there is no replication: every action of the registry is in the menus, always."""
    action = actions.create(window, "replicationAction")

    def open_dialog() -> None:
        dialog = ReplicationDialog(store, lang=lang, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        actions.close_keys(dialog)
        dialog.open()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
