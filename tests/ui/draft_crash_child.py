"""A workstation that crashes with a half-written incident report (run by test_unsaved.py).

``python draft_crash_child.py DB_URL TITLE``: opens the main window on DB_URL, starts a new
incident report, types TITLE into it and runs until killed. The drafts folder comes from
``$OPSCENTER_DRAFTS``, set by the test.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QStandardPaths
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from opscenter.actor import Actor
from opscenter.store import open_store
from ui.main_window import MainWindow
from ui.operation_page import Tab


def main(url: str, title: str) -> int:
    QStandardPaths.setTestModeEnabled(True)  # the real settings are never touched
    app = QApplication(sys.argv[:1])
    store = open_store(url)
    window = MainWindow(store, actor=Actor("op.uji", role="operator"))
    window.show()
    window.operation_page.show_tab(Tab.INCIDENTS)
    panel = window.operation_page.incidents
    assert panel is not None
    panel.new_incident()
    assert panel.form is not None
    QTest.keyClicks(panel.form.title_edit, title)
    return app.exec()  # until the test kills it: the draft is written 1 s after the typing


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
