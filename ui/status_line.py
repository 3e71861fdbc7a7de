"""The main window's status bar: the database shown, when what it shows was last brought up to
date (the overview read, or the journal's changes read: this window's own and others'), and
OpsCenter's version (the replication line joins it on PostgreSQL: ``ui.replication_view``)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

import opscenter
from opscenter.operations import zone_label
from opscenter.store import Store
from ui.translations import translator

_tr = translator("MainWindow")  # shown by the main window


def install(window: QMainWindow, store: Store) -> QLabel:
    """Fill ``window``'s status bar for ``store``; returns the label of the last update, empty
    until ``show_updated`` sets it."""
    database = QLabel(_tr("Basis data: {url}").format(url=store.describe()))
    database.setObjectName("databaseLabel")
    database.setTextFormat(Qt.TextFormat.PlainText)
    updated = QLabel()
    updated.setObjectName("updatedLabel")
    version = QLabel(_tr("OpsCenter {version}").format(version=opscenter.__version__))
    version.setObjectName("versionLabel")
    for label in (database, updated, version):
        label.setContentsMargins(8, 2, 8, 2)
    status = window.statusBar()
    status.addWidget(database, 1)
    # A passing message ("Ukuran teks: 110%") stands where the database is named. Qt hides the
    # label for it, but a text size step's re-layout showed it again under the message, both
    # unreadable (the walk): hidden and shown with the message, explicitly.
    status.messageChanged.connect(lambda message: database.setVisible(not message))
    status.addPermanentWidget(updated)
    status.addPermanentWidget(version)
    return updated


def show_updated(label: QLabel, local: datetime, timezone: str) -> None:
    """``label`` (from ``install``) says what is shown was brought up to date at ``local`` in
    ``timezone``."""
    label.setText(
        _tr("Diperbarui {time} {zone}").format(
            time=local.strftime("%H:%M:%S"), zone=zone_label(timezone)
        )
    )
