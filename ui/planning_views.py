"""How the planning window's tables look: the table view, its sorting proxy, a heading."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QWidget

from ui import theme
from ui.table_model import SORT_ROLE
from ui.table_view import style_table

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
