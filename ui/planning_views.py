"""How the planning window's tables look: the table view, its sorting proxy, a heading."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

from ui import theme
from ui.strength_model import SORT_ROLE


def table(parent: QWidget, name: str) -> QTableView:
    """A planning table: whole rows selected, roomy rows, a bold ruled header."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    row_height = int(view.fontMetrics().height() * 1.9)
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setMinimumHeight(int(row_height * 1.4))
    view.setStyleSheet(
        "QTableView::item { padding: 0 8px; }"
        f" QHeaderView::section {{ padding: 4px 8px; font-weight: bold;"
        f" background: {theme.PANEL.name()}; border: none;"
        f" border-right: 1px solid {theme.RULE.name()};"
        f" border-bottom: 2px solid {theme.RULE.name()}; }}"
    )
    return view


def sort_proxy(parent: QWidget, model: QAbstractItemModel) -> QSortFilterProxyModel:
    """``model`` sorted by its ``SORT_ROLE`` (figures as numbers), kept sorted on updates."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    return proxy


def heading(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(theme.scaled_font(label, 1.2, bold=True))
    return label
