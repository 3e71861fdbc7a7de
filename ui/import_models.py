"""Table models of the import wizard: the column mapping (editable) and the preview."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from opscenter import messages
from opscenter.roster.headers import FIELDS, Field, Layout, column_letter
from opscenter.roster.preview import Reviewable, RowOutcome
from ui import theme
from ui.table_model import PAINT_ROLES, AnyIndex, TableModel, painted
from ui.translations import translator

NO_COLUMN = -1
REJECTED_COLOUR = QColor("#c62828")
UNCERTAIN_BACKGROUND = theme.UNCERTAIN_BG
DASH = "\u2014"


_tr = translator("ImportModels")


class MappingColumn(IntEnum):
    FIELD = 0
    COLUMN = 1
    CERTAINTY = 2


class MappingModel(TableModel[Field]):
    """One row per field of the kind; the column it reads from is editable."""

    columns = MappingColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._columns: dict[str, int] = {}
        self._uncertain: set[str] = set()
        self._headers: dict[int, str] = {}
        self._width = 0

    def set_layout(self, kind: str, layout: Layout, width: int) -> None:
        """A new guess (a new file or sheet): the only full reset this model does."""
        self._columns = dict(layout.columns)
        self._uncertain = set(layout.uncertain)
        self._headers = dict(layout.headers)
        self._width = max([width, *(c + 1 for c in self._headers)])
        self.reset_rows(FIELDS[kind])

    def mapping(self) -> dict[str, int]:
        return dict(self._columns)

    def choices(self) -> list[tuple[int, str]]:
        """(column, label) for the editor, "no column" first."""
        return [(NO_COLUMN, _tr("(tidak ada)"))] + [
            (c, self.column_label(c)) for c in range(self._width)
        ]

    def column_label(self, col: int) -> str:
        if col == NO_COLUMN:
            return _tr("(tidak ada)")
        head = self._headers.get(col, "")
        return f"{column_letter(col)} \u2014 {head}" if head else column_letter(col)

    # -- Qt ------------------------------------------------------------------------------

    def headers(self) -> list[tuple[str, str]]:
        return [(_tr("Isian"), ""), (_tr("Kolom di berkas"), ""), (_tr("Kepastian"), "")]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == MappingColumn.COLUMN:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, f: Field, column: int, role: int) -> Any:
        col = MappingColumn(column)
        mapped = self._columns.get(f.key, NO_COLUMN)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == MappingColumn.FIELD:
                return f.label_id + (" *" if f.required else "")
            if col == MappingColumn.COLUMN:
                return self.column_label(mapped)
            if mapped == NO_COLUMN:
                return ""
            return _tr("perlu dicek") if f.key in self._uncertain else _tr("pasti")
        if role == Qt.ItemDataRole.EditRole and col == MappingColumn.COLUMN:
            return mapped
        if role in PAINT_ROLES and f.key in self._uncertain:
            return painted(UNCERTAIN_BACKGROUND, role)
        if role == Qt.ItemDataRole.ToolTipRole and col == MappingColumn.FIELD:
            return f.label_en
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or index.column() != MappingColumn.COLUMN
            or not isinstance(value, int)
            or not NO_COLUMN <= value < self._width
        ):
            return False
        key = self._rows[index.row()].key
        if value == NO_COLUMN:
            self._columns.pop(key, None)
        else:
            self._columns[key] = value
        self._uncertain.discard(key)  # the user has decided
        self.rows_changed([index.row()])
        return True


class ColumnDelegate(QStyledItemDelegate):
    """A drop-down of the file's columns for the mapping's "column" cells."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        if isinstance(model, MappingModel):
            for col, label in model.choices():
                combo.addItem(label, col)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            pos = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(pos, 0))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PreviewColumn(IntEnum):
    ROW = 0
    STATUS = 1
    KEY = 2
    DETAIL = 3


def _status_labels() -> dict[str, str]:
    return {
        "new": _tr("Baru"),
        "changed": _tr("Berubah"),
        "unchanged": _tr("Tetap"),
        "rejected": _tr("Ditolak"),
    }


class PreviewModel(TableModel[RowOutcome]):
    """The new, changed and rejected rows of a preview (unchanged rows are only counted)."""

    columns = PreviewColumn

    def __init__(self, lang: str = "id", parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._lang = lang
        self._preview: Reviewable | None = None

    def set_preview(self, preview: Reviewable | None) -> None:
        """A new file, sheet or mapping: a new preview, so a reset."""
        self._preview = preview
        self.reset_rows(preview.outcomes() if preview else [])

    def headers(self) -> list[tuple[str, str]]:
        labels = (_tr("Baris"), _tr("Hasil"), _tr("Kunci"), _tr("Rincian"))
        return [(label, "") for label in labels]

    def cell(self, r: RowOutcome, column: int, role: int) -> Any:
        if self._preview is None:
            return None
        col = PreviewColumn(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == PreviewColumn.ROW:
                return r.row + 1
            if col == PreviewColumn.STATUS:
                return _status_labels()[r.status]
            if col == PreviewColumn.KEY:
                return self._preview.key_text(r)
            return self._detail(r)
        if role == Qt.ItemDataRole.ToolTipRole and col == PreviewColumn.DETAIL:
            return self._detail(r) or None  # as the cell says it (the cell wraps)
        if role == Qt.ItemDataRole.ForegroundRole and r.status == "rejected":
            return QBrush(theme.text_colour(REJECTED_COLOUR))
        return None

    def _detail(self, r: RowOutcome) -> str:
        assert self._preview is not None
        if r.problems:  # each refused cell on a line of its own: all of them in sight
            return "\n".join(messages.cell_problem(p, self._lang) for p in r.problems)
        if r.changes:
            pv = self._preview
            return "; ".join(
                f"{pv.field_label(c)}: {pv.label(c, old) or DASH} \u2192 {pv.label(c, new) or DASH}"
                for c, (old, new) in r.changes.items()
            )
        if r.status == "new":  # who or what the row adds ("Nama: Andi Saputra; …")
            return self._preview.new_text(r)
        return ""
