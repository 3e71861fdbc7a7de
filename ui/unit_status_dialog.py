"""Choosing a unit's new status, with an optional reason: keyboard first.

Digits 1-9 pick a status, arrows move, Enter saves, Esc cancels; the reason field takes
the focus after a pick so the operator can type straight on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from opscenter.board import RefItem
from ui import theme
from ui.choice_combo import colour_icon
from ui.form_parts import field
from ui.translations import translator
from ui.unsaved import may_close

STATUS_ID_ROLE = Qt.ItemDataRole.UserRole


_tr = translator("UnitStatusDialog")


class UnitStatusDialog(QDialog):
    """``status_id()`` and ``reason()`` once accepted."""

    def __init__(
        self,
        unit_name: str,
        statuses: Sequence[RefItem],
        current_status_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unitStatusDialog")
        self.setWindowTitle(_tr("Ubah status satuan"))
        heading = QLabel(_tr("Status baru untuk {unit}").format(unit=unit_name), self)
        heading.setFont(theme.scaled_font(self, 1.2, bold=True))
        heading.setWordWrap(True)

        self.statuses = QStandardItemModel(self)
        icon_px = int(self.fontMetrics().height() * 1.2)
        for n, st in enumerate(statuses, 1):
            label = f"{n}  {st.name}" if n <= 9 else st.name
            item = QStandardItem(colour_icon(st.colour, icon_px), label)
            item.setData(st.id, STATUS_ID_ROLE)
            item.setEditable(False)
            self.statuses.appendRow(item)
        self.list = QListView(self)
        self.list.setObjectName("statusList")
        self.list.setModel(self.statuses)
        self.list.setIconSize(QSize(icon_px, icon_px))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setFont(theme.scaled_font(self, 1.15))
        self.list.setSpacing(2)
        rows = max(1, self.statuses.rowCount())
        self.list.setMinimumHeight(rows * (icon_px + 12) + 8)
        self.list.doubleClicked.connect(lambda _index: self.accept())
        start = 0
        for i in range(self.statuses.rowCount()):
            if self.statuses.item(i).data(STATUS_ID_ROLE) == current_status_id:
                start = i
        self.list.setCurrentIndex(self.statuses.index(start, 0))

        reason_label = QLabel(_tr("&Alasan (boleh dikosongkan)"), self)
        self.reason_edit = field(
            self, "statusReason", hint=_tr("mis. bergeser ke TPS 07 Desa Siulak")
        )
        reason_label.setBuddy(self.reason_edit)
        hint = QLabel(_tr("Angka 1–9 memilih status · Enter menyimpan · Esc batal"), self)
        hint.setStyleSheet(f"color: {theme.MUTED.name()};")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.list.installEventFilter(self)
        self.list.setFocus()

    def choose(self, row: int) -> None:
        """Pick the status at ``row`` (0-based); the reason field takes the focus."""
        if 0 <= row < self.statuses.rowCount():
            self.list.setCurrentIndex(self.statuses.index(row, 0))
            self.reason_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Digits on the list pick a status (the list would otherwise search its texts).
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text.isdigit() and text != "0":
                self.choose(int(text) - 1)
                return True
        return super().eventFilter(watched, event)

    def status_id(self) -> int | None:
        index: QModelIndex = self.list.currentIndex()
        value = index.data(STATUS_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def reason(self) -> str | None:
        return self.reason_edit.text().strip() or None

    # A typed reason is unsaved input (``ui.unsaved.Editor``); a status picked alone is not.

    def is_dirty(self) -> bool:
        return bool(self.reason_edit.text().strip())

    def save_input(self) -> bool:
        self.accept()  # the board saves the change
        return False

    def discard_input(self) -> None:
        """The reason closes with the dialog; nothing else holds it."""

    def reject(self) -> None:
        if may_close(self, what=_tr("Perubahan status ini belum disimpan.")):
            super().reject()
