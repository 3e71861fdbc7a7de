"""The main window's "Bantuan" menu: the manual (F1), the list of keys, and "Tentang"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

import opscenter
from ui import actions, help_window
from ui.translations import translator

if TYPE_CHECKING:
    from ui.main_window import MainWindow

_tr = translator("MainWindow")  # the window's menus


def install(window: MainWindow) -> QMenu:
    """Add "Ba&ntuan" to ``window``'s menu bar and return it (the window keeps it last)."""
    menu = window.menuBar().addMenu(_tr("Ba&ntuan"))
    window.manual_action = actions.create(window, "manualAction")
    window.manual_action.triggered.connect(lambda: show_help(window))
    window.shortcuts_action = actions.create(window, "shortcutsAction")
    window.shortcuts_action.triggered.connect(lambda: show_help(window, help_window.SHORTCUTS))
    window.about_action = actions.create(window, "aboutAction")
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    window.about_action.triggered.connect(lambda: show_about(window))
    menu.addAction(window.manual_action)
    menu.addAction(window.shortcuts_action)
    menu.addSeparator()
    menu.addAction(window.about_action)
    return menu


def show_help(window: MainWindow, section: str | None = None) -> None:
    """F1: the manual; Bantuan > Pintasan keyboard: the same window at its key list."""
    help_window.show_help(window, section, actor=window.actor)


def show_about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        _tr("Tentang OpsCenter"),
        _tr(
            "OpsCenter {version}\n\n"
            "Aplikasi pusat komando pengamanan Pilkada Serentak 2024 "
            "(Operasi Mantap Praja).\n\nBasis data: {url}\n\n"
            "Kode dan batas wilayah administrasi: cahyadsn/wilayah dan "
            "cahyadsn/wilayah_boundaries (Kepmendagri 2025), lisensi MIT, "
            "Copyright (c) Cahya DSN."
        ).format(version=opscenter.__version__, url=window.desk.store.describe()),
    )
