"""How the planning window's tables look: the table view, its sorting proxy, a heading, and
columns as wide as their own header and contents need (``own_width``, ``lay_out``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableView, QWidget

from ui import theme
from ui.table_model import SORT_ROLE
from ui.table_view import style_table

K = TypeVar("K", bound=int)  # a table's column: an IntEnum member

# A planning table's header: at least this many lines of its type, whatever its rows.
HEADER_LINES = 1.9 * 1.4


def table(parent: QWidget, name: str, *, row_height: float = 1.9) -> QTableView:
    """A planning table: the shared look (``ui.table_view``) with roomy rows (``row_height``
    lines of its type)."""
    header = HEADER_LINES / row_height
    return style_table(QTableView(parent), name=name, row_height=row_height, header_height=header)


def sort_proxy(parent: QWidget, model: QAbstractItemModel) -> QSortFilterProxyModel:
    """``model`` sorted by its ``SORT_ROLE`` (figures as numbers), kept sorted on updates."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    return proxy


def heading(parent: QWidget, text: str) -> QLabel:
    """A bold heading that wraps where its column is narrow: a long one ("... BAGAIMANA
    JIKA (belum disimpan)") must not make the window wider than the screen."""
    label = QLabel(text, parent)
    label.setFont(theme.scaled_font(label, 1.2, bold=True))
    label.setWordWrap(True)
    return label


def heading_row(parent: QWidget, text: str, control: QWidget) -> QHBoxLayout:
    """A heading across its column with one ``control`` at its right end."""
    row = QHBoxLayout()
    row.addWidget(heading(parent, text), 1)
    row.addWidget(control)
    return row


def own_width(view: QTableView, column: int) -> int:
    """How wide ``column`` of ``view`` must be for its header (each line, bold, with the
    header's 8 px padding either side) and its cells, in the view's type."""
    bold = QFontMetrics(theme.scaled_font(view, 1.0, bold=True))
    label = str(view.model().headerData(column, Qt.Orientation.Horizontal))
    head = max(bold.horizontalAdvance(line) for line in label.split("\n")) + 16
    return max(head, view.sizeHintForColumn(column))


def fixed_columns(view: QTableView) -> None:
    """Columns sized by the window (``lay_out``), never by Qt's guess nor its minimum."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setMinimumSectionSize(8)


def lay_out(
    view: QTableView, widths: Mapping[K, int], hide: Collection[K], share: Sequence[K]
) -> None:
    """Show the columns of ``widths`` but ``hide``, each as wide as its width, the columns of
    ``share`` taking what the viewport leaves over (in equal parts), or giving up what it
    lacks (in proportion to their widths: names then cut at their end)."""
    header = view.horizontalHeader()
    for column in widths:
        if view.isColumnHidden(column) != (column in hide):
            view.setColumnHidden(column, column in hide)
    shown = [c for c in widths if c not in hide]
    takers = [c for c in share if c in shown]
    spare = view.viewport().width() - sum(widths[c] for c in shown)
    sizes = {c: widths[c] for c in shown}
    if takers:
        whole = sum(widths[c] for c in takers)
        for c in takers:
            sizes[c] += spare // len(takers) if spare >= 0 else spare * widths[c] // whole
        sizes[takers[-1]] += view.viewport().width() - sum(sizes.values())
    for column, size in sizes.items():
        if header.sectionSize(column) != size:
            header.resizeSection(column, max(size, 8))
