"""At the main window's first showing: the incident reports typed in an earlier session and
never saved (a crash, a power cut), offered to open again or to discard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from opscenter.drafts import draft_key
from ui.operation_page import Tab
from ui.translations import translator
from ui.unsaved import drafts_box

if TYPE_CHECKING:
    from ui.main_window import MainWindow

_tr = translator("MainWindow")  # asked by the main window


def offer_drafts(window: MainWindow) -> None:
    """Ask over ``window`` about its operation's unsaved reports, if any; reopened, they go
    to the incidents tab. Closed without an answer, they are offered at the next start."""
    overview = window.overview
    if overview is None:
        return
    key = draft_key(window.desk.store.describe(), overview.operation_id)
    box = drafts_box()
    drafts = box.pending(key)
    if not drafts:
        return
    question = QMessageBox(window)
    question.setObjectName("draftsQuestion")
    question.setIcon(QMessageBox.Icon.Question)
    question.setWindowTitle(_tr("Laporan belum disimpan"))
    question.setText(
        _tr(
            "Ada {n} laporan kejadian yang belum disimpan dari sesi sebelumnya. Buka kembali?"
        ).format(n=len(drafts))
    )
    reopen = question.addButton(_tr("&Buka kembali"), QMessageBox.ButtonRole.AcceptRole)
    discard = question.addButton(_tr("B&uang"), QMessageBox.ButtonRole.DestructiveRole)
    reopen.setObjectName("draftsOpen")
    discard.setObjectName("draftsDiscard")
    question.setDefaultButton(reopen)
    question.exec()
    clicked = question.clickedButton()
    question.deleteLater()
    if clicked is discard:
        box.discard(key)
    elif clicked is reopen:
        window.on_tab(
            Tab.INCIDENTS, lambda page: page.incidents, lambda p: p.restore_drafts(drafts)
        )
