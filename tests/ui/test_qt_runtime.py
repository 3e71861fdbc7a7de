"""The Qt binding itself: a defect here crashes a board that runs all night."""

from __future__ import annotations

import sys

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox


def test_empty_values_from_qt_do_not_leak_references_to_none() -> None:
    # PySide6 6.12.0 lost one reference to None per call; after enough repaints of a view
    # the interpreter aborts ("Fatal Python error: none_dealloc").
    model = QStringListModel(["a"])
    combo = QComboBox()
    combo.addItem("x", None)
    before = sys.getrefcount(None)
    for _ in range(2000):
        model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.FontRole)
        model.data(model.index(0), Qt.ItemDataRole.FontRole)
        combo.currentData()
    assert sys.getrefcount(None) - before > -10
