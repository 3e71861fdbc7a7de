"""One reference list of an operation as a page of a lists dialog
(``ui.reference_lists_dialog.ListsDialog``): the list (``ItemsModel``, rows keyed by their
item's id) with its forms beside it: add (code, Indonesian name, optional English name),
and for the chosen item rename, up, down (Ctrl+Up, Ctrl+Down in the list) and remove
(Delete in the list). A dialog adds its own fields to the add form and its own forms below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opscenter.reference_lists import ListItem
from ui.form_parts import button_row, field
from ui.form_tables import current_row, delete_key, table
from ui.table_model import TableModel
from ui.translations import translator

_tr = translator("ReadinessListsDialog")


class ItemRow(Protocol):
    """A row of a list: its item, how many rows use it, and what else its table shows."""

    @property
    def item(self) -> ListItem: ...

    @property
    def uses(self) -> int: ...


R = TypeVar("R", bound=ItemRow)


class ItemsModel(TableModel[R]):
    """A list's rows, keyed by their item's id. The columns every list shows are named
    alike in each list's column enum (CODE, NAME, NAME_EN, USES) and answered here; a
    list's ``value`` answers its own columns and hands the others to this one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda r: r.item.id, parent=parent)

    def value(self, row: R, column: int) -> str | int:
        match self.columns(column).name:
            case "CODE":
                return row.item.code
            case "NAME":
                return row.item.name
            case "NAME_EN":
                return row.item.name_en or ""
            case "USES":
                return row.uses
        raise ValueError(f"{self.columns(column)!r} is not an item's column")


class ListPage(QWidget):
    """A list with its forms: add (code, name, English name), and for the chosen item
    rename, up, down, remove; ``extra`` (the category's rule) goes below them."""

    def __init__(
        self,
        parent: QWidget,
        name: str,
        model: TableModel[Any],
        stretch: Sequence[int],
        noun: str,
        list_label: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name + "Page")
        self.model, self.noun = model, noun
        self.view = table(self, name + "Table", model, stretch)
        label = QLabel(list_label, self)
        label.setBuddy(self.view)
        self.view_label = label

        self.add_box = QGroupBox(_tr("Tambah"), self)
        self.code = field(
            self.add_box, name + "Code", hint=_tr("mis. logistik-pemilu"), window_undo=True
        )
        self.new_name = field(self.add_box, name + "NewName", window_undo=True)
        self.new_name_en = field(
            self.add_box, name + "NewNameEn", hint=_tr("boleh kosong"), window_undo=True
        )
        self.add_form = QFormLayout(self.add_box)
        self.add_form.addRow(_tr("K&ode"), self.code)
        self.add_form.addRow(_tr("&Nama"), self.new_name)
        self.add_form.addRow(_tr("Nama &Inggris"), self.new_name_en)
        # The add form's fields (a dialog adds its own: a step's deadline).
        self.add_fields: list[QLineEdit] = [self.code, self.new_name, self.new_name_en]
        self.add_button = QPushButton(_tr("&Tambah"), self.add_box)
        self.add_button.setObjectName(name + "Add")

        self.chosen_box = QGroupBox(_tr("Terpilih"), self)
        self.chosen = QLabel(self.chosen_box)
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.name = field(self.chosen_box, name + "Name", window_undo=True)
        self.name_en = field(self.chosen_box, name + "NameEn", window_undo=True)
        chosen_form = QFormLayout(self.chosen_box)
        chosen_form.addRow(self.chosen)
        chosen_form.addRow(_tr("Nama &baru"), self.name)
        chosen_form.addRow(_tr("Nama In&ggris baru"), self.name_en)
        self.rename_button = QPushButton(_tr("Ganti na&ma"), self.chosen_box)
        self.rename_button.setObjectName(name + "Rename")
        self.up_button = QPushButton(_tr("Nai&k"), self.chosen_box)
        self.up_button.setObjectName(name + "Up")
        self.up_button.setToolTip(_tr("Ctrl+Atas di daftar"))
        self.down_button = QPushButton(_tr("Tu&run"), self.chosen_box)
        self.down_button.setObjectName(name + "Down")
        self.down_button.setToolTip(_tr("Ctrl+Bawah di daftar"))
        self.remove_button = QPushButton(_tr("&Hapus…"), self.chosen_box)
        self.remove_button.setObjectName(name + "Remove")
        self.remove_button.setToolTip(_tr("Delete di daftar"))
        chosen_form.addRow(
            button_row(self.rename_button, self.up_button, self.down_button, self.remove_button)
        )
        self.side = QVBoxLayout()
        self.side.addWidget(self.add_box)
        self.side.addWidget(self.chosen_box)

        lists = QVBoxLayout()
        lists.addWidget(label)
        lists.addWidget(self.view, 1)
        self.list_column = lists  # the category's group and measure go under its list
        body = QHBoxLayout(self)
        body.addLayout(lists, 3)
        body.addLayout(self.side, 2)
        self._key: tuple[int, int] | None = (-1, -1)  # the chosen item in the rename form
        self._start: tuple[str, str] = ("", "")
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            QShortcut(
                QKeySequence(keys),
                self.view,
                lambda s=step: (self.up_button if s < 0 else self.down_button).click(),
                context=Qt.ShortcutContext.WidgetShortcut,
            )
        delete_key(self.view, self.remove_button.click)

    def stops(self, *adding: QWidget) -> list[QWidget]:
        """The page's widgets in reading order, a dialog's own fields of the add form
        (``adding``) before its button."""
        return [
            self.view,
            self.code,
            self.new_name,
            self.new_name_en,
            *adding,
            self.add_button,
            self.name,
            self.name_en,
            self.rename_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ]

    def current(self) -> Any:
        return current_row(self.view, self.model)

    def item(self) -> ListItem | None:
        row = self.current()
        return row.item if row is not None else None

    def show_chosen(self) -> None:
        """The rename form says which item it acts on; typed names stay while it is the same
        item as read before."""
        item = self.item()
        n, last = self.model.rowCount(), self.view.currentIndex().row()
        self.up_button.setEnabled(item is not None and last > 0)
        self.down_button.setEnabled(item is not None and last < n - 1)
        for b in (self.rename_button, self.remove_button, self.name, self.name_en):
            b.setEnabled(item is not None)
        key = (item.id, item.version) if item is not None else None
        if key == self._key:
            return
        self._key = key
        if item is None:
            self.chosen.setText(_tr("Pilih di daftar."))
            self._start = ("", "")
        else:
            self.chosen.setText(f"{item.code}: {item.name}")
            self._start = (item.name, item.name_en or "")
        self.name.setText(self._start[0])
        self.name_en.setText(self._start[1])

    def adding(self) -> bool:
        return any(f.text().strip() for f in self.add_fields)

    def renaming(self) -> bool:
        return self.item() is not None and (
            self.name.text().strip(),
            self.name_en.text().strip(),
        ) != (self._start[0].strip(), self._start[1].strip())

    def clear_add(self) -> None:
        for f in self.add_fields:
            f.clear()

    def renamed(self) -> None:
        """The rename was saved: what is typed is what is stored."""
        self._start = (self.name.text(), self.name_en.text())

    def select(self, item_id: int | None) -> None:
        row = self.model.row_of(item_id) if item_id is not None else None
        if row is None and self.model.rowCount() and not self.view.currentIndex().isValid():
            row = 0
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self.show_chosen()
