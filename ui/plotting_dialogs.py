"""The plotting window's small dialogs of choices: a TPS, a post, a person to swap with
(a combo box, searchable where the list is long) or the TPS to split off (a list to tick),
with OK and Batal; usable from the keyboard: the first field has the focus, its entry
selected so that typing replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QWidget,
)

from ui.choice_combo import refusal, searchable
from ui.form_parts import error_label
from ui.screen_fit import available
from ui.translations import translator

_tr = translator("PlottingWindow")


class ChoiceDialog(QDialog):
    """A small form of choices (a TPS, a post) with OK and Batal; keyboard-usable."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("plotChoiceDialog")
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.error = error_label(self, "plotChoiceError")
        self._searched: list[tuple[QComboBox, str]] = []  # with the name a refusal gives it
        self._first: QWidget | None = None  # the field the focus starts in

    def _add(self, label: str, widget: QWidget) -> None:
        if self._first is None:
            self._first = widget
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        for below in (self.error, self.buttons):
            self.form.removeWidget(below)
            self.form.addRow(below)

    def combo(self, label: str, items: list[tuple[str, int]], *, search: bool = False) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName("plotChoice")
        box.setMinimumContentsLength(30)
        for text, key in items:
            box.addItem(text, key)
        if search:  # typing part of a kecamatan's name narrows the list
            searchable(box)
            self._searched.append((box, label.replace("&", "").rstrip(":")))
            edit = box.lineEdit()
            assert edit is not None  # searchable: editable
            edit.textEdited.connect(self.error.hide)  # the refusal answered or being answered
            box.currentIndexChanged.connect(self.error.hide)
        self._add(label, box)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        """The focus starts in the first field, not on OK (the buttons come first in the
        focus chain: they are made before the fields), its entry selected: typing "Siulak"
        searches at once."""
        super().showEvent(event)
        if self._first is not None:
            self._first.setFocus(Qt.FocusReason.TabFocusReason)
            edit = self._first.lineEdit() if isinstance(self._first, QComboBox) else None
            if edit is not None:
                edit.selectAll()

    def accept(self) -> None:
        """OK, unless a searchable box shows a typed name no entry alone fits, or nothing
        chosen: then the dialog says so and waits (the box's chosen entry is not what it
        shows)."""
        for box, name in self._searched:
            sentence = refusal(box, name)
            if sentence is None and box.currentIndex() < 0:
                sentence = _tr("{field}: pilih salah satu.").format(field=name)
            if sentence is not None:
                self.error.setText(sentence)
                self.error.show()
                box.setFocus()
                return
        super().accept()

    def checks(self, label: str, items: list[tuple[str, int]]) -> QStandardItemModel:
        """A list of ``items`` (text, key) to tick; ``checked`` reads the keys ticked."""
        model = QStandardItemModel(self)
        for text, key in items:
            item = QStandardItem(text)
            item.setData(key, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            item.setCheckable(True)
            model.appendRow(item)
        view = QListView(self)
        view.setObjectName("plotChecks")
        view.setModel(model)
        # As wide as its longest TPS (tick included), so no name hides behind a sideways
        # scroll ("TPS 003 Desa Siulak Deras M…" at 420 px, the third walk); within the screen.
        whole = (
            view.sizeHintForColumn(0)
            + 2 * view.frameWidth()
            + view.verticalScrollBar().sizeHint().width()
        )
        view.setMinimumWidth(min(whole, available(self).width() * 2 // 3))
        self._add(label, view)
        return model


def checked(model: QStandardItemModel) -> list[int]:
    """The keys of the ticked rows of a ``ChoiceDialog.checks`` list, in its order."""
    return [
        int(item.data(Qt.ItemDataRole.UserRole))
        for row in range(model.rowCount())
        if (item := model.item(row)) is not None and item.checkState() == Qt.CheckState.Checked
    ]
