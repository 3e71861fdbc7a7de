"""The main window's "Data" menu: import, and the history of imports.

Apart from ``ui.import_wizard`` so that the wizard and the roster readers behind it load
when the menu is first used, not with the main window (issue 3: start to board shown).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from opscenter.store import Store


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)  # the wizard's strings


def install(window: QMainWindow) -> None:
    """Add the "Data" menu with "Impor data…" (Ctrl+I) to ``window``; uses ``window._store``."""
    store: Store = window._store  # type: ignore[attr-defined]
    lang = str(getattr(window, "_lang", "id"))
    menu = window.menuBar().addMenu(_tr("&Data"))
    action = QAction(_tr("Impor data\u2026"), window)
    action.setObjectName("importAction")
    action.setShortcut(QKeySequence("Ctrl+I"))

    def open_wizard() -> None:
        from ui.import_wizard import ImportWizard

        wizard = ImportWizard(store, lang=lang, parent=window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        wizard.open()

    action.triggered.connect(open_wizard)
    menu.addAction(action)

    history = QAction(_tr("Riwayat && pembatalan impor\u2026"), window)
    history.setObjectName("importHistoryAction")

    def open_history() -> None:
        from ui.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(store, lang=lang, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    history.triggered.connect(open_history)
    menu.addAction(history)
