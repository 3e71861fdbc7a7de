"""The main window's "Laporan" menu: "Laporan Situasi\u2026" opens the report dialog
(``ui.sitrep_dialog``); the scheduled reports (``ui.sitrep_schedule``) live with the window.
"Laporan kesiapan\u2026" writes the readiness report (``ui.readiness_report``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow

from opscenter.actor import Actor
from opscenter.clock import Clock
from opscenter.clock import now as operation_now
from opscenter.store import Store
from ui import actions
from ui.readiness_report import ReadinessReportExport
from ui.sitrep_schedule import Scheduler, restore_schedule


def install(
    window: QMainWindow,
    actor: Actor,
    *,
    store: Store,
    clock: Clock = operation_now,
    lang: str = "id",
) -> None:
    """Add the menu "&Laporan" with "Laporan Situasi…" (Ctrl+P) and "Laporan kesiapan…"
    (Ctrl+D) to ``window``; the dialog and the scheduled reports act as ``actor``, the
    account signed in to ``window``.

    They work on ``store``, in ``lang``, at the time ``clock`` tells. The scheduler lives
    as long as the window, so scheduled reports keep running when the dialog is closed.
    """
    scheduler = Scheduler(store, actor=actor, clock=clock, lang=lang, parent=window)
    scheduler.written.connect(
        lambda path: window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Laporan terjadwal ditulis: {path}").format(
                path=path
            ),
            10_000,
        )
    )
    scheduler.failed.connect(lambda text: window.statusBar().showMessage(text, 30_000))
    restore_schedule(scheduler, store)
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Laporan"))
    action = actions.create(window, "sitrepAction")

    def open_dialog() -> None:
        from ui.sitrep_dialog import SitrepDialog  # and the report's core, when first opened

        try:
            dialog = SitrepDialog(
                store,
                actor=actor,
                scheduler=scheduler,
                clock=clock,
                lang=lang,
                auto_preview=True,
                parent=window,
            )
        except Exception as exc:  # e.g. an empty database: one sentence, no dialog
            from ui.error_dialog import show_error

            show_error(window, exc, lang)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actions.close_keys(dialog)
        dialog.open()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
    window.setProperty("sitrepScheduler", scheduler)

    readiness = ReadinessReportExport(store, clock=clock, widget=window)
    readiness.setObjectName("readinessReportExport")
    report_action = actions.create(window, "readinessReportAction")
    report_action.triggered.connect(readiness.ask)
    menu.addAction(report_action)
