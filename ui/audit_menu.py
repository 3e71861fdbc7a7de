"""The Admin menu of the main window: the audit journal (Ctrl+J, ``ui.audit_view``), the
accounts (``ui.accounts_dialog``) and the replication status (``ui.replication_view``),
each for the roles that may open it.

One journal window per main window, kept when closed and shown again, following the main
window's change feed while it lives.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from opscenter import audit
from opscenter.actor import Actor
from opscenter.permissions import permitted
from opscenter.store import Store
from ui import actions, replication_view
from ui.audit_view import WINDOW_SIZE, AuditWindow
from ui.screen_fit import show_fitted


def install(window: QMainWindow, actor: Actor, *, store: Store, lang: str = "id") -> None:
    """Add an "&Admin" menu (before "Bantuan") to ``window`` for ``actor``, the account
    signed in to it: "Jurnal audit…" (Ctrl+J) for roles that may read the journal,
    "Akun pengguna…" for those who manage accounts, and "Status replikasi…", on ``store``.
    Other roles get none.
    """
    if not audit.can_read(actor):
        return
    bar = window.menuBar()
    menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Admin"))
    menu.setObjectName("adminMenu")
    help_action = next(
        (
            a
            for a in bar.actions()
            if a.text() == QCoreApplication.translate("MainWindow", "Ba&ntuan")
        ),
        None,
    )
    if help_action is not None:  # keep Bantuan last, where people look for it
        bar.removeAction(menu.menuAction())
        bar.insertAction(help_action, menu.menuAction())

    journal_action = actions.create(window, "auditJournalAction")

    def open_journal() -> None:
        existing = getattr(window, "audit_window", None)
        if existing is None:
            existing = AuditWindow(store, actor, lang=lang, parent=window)
            existing.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            actions.close_keys(existing)
            window.audit_window = existing  # type: ignore[attr-defined]
            feed = getattr(window, "feed", None)  # the main window's ``ChangeFeed``
            if feed is not None:
                existing.live.follow(feed.changed)
            show_fitted(existing, WINDOW_SIZE)  # a 1366 px laptop: maximised, never wider
            return
        if existing.isVisible() and QGuiApplication.platformName() != "offscreen":
            existing.raise_()  # already open behind the board: bring it forward
            existing.activateWindow()
        existing.show()

    journal_action.triggered.connect(open_journal)
    menu.addAction(journal_action)

    if permitted(actor, "account.manage"):
        accounts_action = actions.create(window, "accountsAction")

        def open_accounts() -> None:
            from ui.accounts_dialog import AccountsDialog  # loaded when first opened

            dialog = AccountsDialog(store, actor, lang=lang, parent=window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            actions.close_keys(dialog)
            dialog.open()

        accounts_action.triggered.connect(open_accounts)
        menu.addAction(accounts_action)

    replication_view.install_action(window, menu, store, lang)
