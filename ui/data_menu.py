"""The main window's "Data" menu: import, and the history of imports.

Apart from ``ui.import_wizard`` and ``ui.regions_import`` so that the wizards and the readers
behind them load when the menu is first used, not with the main window (issue 3: start to
board shown).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow

from opscenter.actor import Actor
from opscenter.permissions import permitted
from opscenter.store import Store
from ui import actions
from ui.translations import translator

_tr = translator("ImportWizard")  # the wizard's strings


def install(window: QMainWindow, actor: Actor, *, store: Store, lang: str = "id") -> None:
    """Add the "Data" menu to ``window``; its dialogs work on ``store`` and act as
    ``actor``, the account signed in to the window. "Impor data…" and "Impor batas
    wilayah…" only for roles that may import; the history for everyone (reverting needs
    the same right)."""
    menu = window.menuBar().addMenu(_tr("&Data"))

    def add(name: str, make: Callable[[], QDialog]) -> None:
        """The registry's action ``name`` (``ui.actions``), opening a dialog that deletes
        itself when closed; ``make`` imports the dialog's module at the first use."""
        action = actions.create(window, name)

        def open_dialog() -> None:
            dialog = make()
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            actions.close_keys(dialog)
            dialog.open()

        action.triggered.connect(open_dialog)
        menu.addAction(action)

    def wizard() -> QDialog:
        from ui.import_wizard import ImportWizard

        return ImportWizard(store, actor=actor, lang=lang, parent=window)

    def regions() -> QDialog:
        from ui.regions_import import RegionsImportWizard

        return RegionsImportWizard(store, actor=actor, lang=lang, parent=window)

    def history() -> QDialog:
        from ui.import_history import ImportHistoryDialog

        return ImportHistoryDialog(store, actor=actor, lang=lang, parent=window)

    if permitted(actor, "import.run"):
        add("importAction", wizard)
        add("regionsImportAction", regions)
    add("importHistoryAction", history)
