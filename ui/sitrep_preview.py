"""The situation report dialog's page preview (``ui.sitrep_dialog``): the pages pdfium drew
in the worker (``ui.sitrep_build``) one under another in a scroll area, and the banner that
says, while they are greyed, that they no longer show the choices.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.sitrep_build import PageImage
from ui.translations import translator

_tr = translator("SitrepDialog")  # the dialog's context: its translations stay


def to_qimage(page: PageImage) -> QImage:
    image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: ``page.data`` may go away


class PreviewPane(QWidget):
    """The pages of the last render in ``area``; while they are out of date (``stale``)
    they are drawn greyed under a banner that says why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = False
        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.area = QScrollArea(self)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.area.setWidget(self.pages_widget)
        self.area.setStyleSheet("QScrollArea { background: #707070; }")
        self.stale_label = QLabel(_tr("Pratinjau diperbarui\u2026"), self)
        self.stale_label.setObjectName("sitrepPreviewStale")
        self.stale_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stale_label.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5d4037; font-weight: bold; padding: 4px; }"
        )
        self.stale_label.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stale_label)
        column.addWidget(self.area, 1)

    def mark_stale(self, text: str) -> None:
        self.stale = True
        self.stale_label.setText(text)
        self.stale_label.show()
        self.pages_widget.setEnabled(False)  # the pages are drawn greyed

    def mark_fresh(self) -> None:
        self.stale = False
        self.stale_label.hide()
        self.pages_widget.setEnabled(True)

    def show_pages(self, pages: Sequence[PageImage]) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        for page in pages:
            label = QLabel(self.pages_widget)
            pixmap = QPixmap.fromImage(to_qimage(page))
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())  # a page is never squeezed by the layout
            self.pages_layout.addWidget(label)
            label.show()  # now, so that adjustSize counts it
        self.pages_widget.adjustSize()
