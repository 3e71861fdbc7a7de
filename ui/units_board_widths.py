"""The units board's column widths: fitted to the names, the figures and the view's width.

``BoardWidths`` sizes the columns of the board's two views (the tree and the flat table)
from their type size and the rows' names, and leaves out the least needed columns of a
view too narrow for them (a 1366 px laptop), taking them back when it widens. It watches
the views' viewports for their size and the views for their type (a text size step);
``ui.units_board.UnitsBoard`` calls ``fit`` after a load, and the wall after it enlarged
the type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QTableView,
    QTreeView,
)

from opscenter.board import UnitRow
from ui import theme
from ui.screen_fit import narrow_drops
from ui.text_size import follow_font
from ui.units_columns import Column
from ui.units_model import BoardRows

# The least of a name the name column shows before the view scrolls sideways instead.
NAMES_AT_LEAST = "Polres Tanjung Jab"


class BoardWidths(QObject):
    """The columns of the board's views fitted (see the module docstring). ``statuses``
    gives the board's statuses now (the status column is as wide as the longest name).
    ``narrowed`` is emitted when ``tps_left_out`` changes for a view: a narrower or wider
    view, or new figures that fill or empty a TPS column it leaves out."""

    narrowed = Signal()

    def __init__(
        self,
        rows: BoardRows,
        views: Sequence[QTreeView | QTableView],
        statuses: Callable[[], Sequence[Any]],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.rows = rows
        self.views = tuple(views)
        self._statuses = statuses
        self._readable = theme.ReadableTextDelegate(self)
        # Sections a narrow view left out (``fit_to_width``), and each section's width.
        self._narrowed: dict[QTreeView | QTableView, set[int]] = {v: set() for v in self.views}
        self._natural: dict[QTreeView | QTableView, dict[int, int]] = {v: {} for v in self.views}
        # ``tps_left_out`` as last told (``narrowed``): a reload empties the figures, and
        # their return changes no hidden column but the answer.
        self._left_out: dict[QTreeView | QTableView, bool] = {v: False for v in self.views}
        self._largest = 0  # the figure the figure columns were last sized for (``fit``)
        for view in self.views:
            view.viewport().installEventFilter(self)
            follow_font(view, self._type_changed, now=False)  # a text size step
        # New figures may empty a TPS column or fill one (``fit_to_width``).
        rows.tree_model.dataChanged.connect(self._refit)

    def fit(self) -> None:
        """Names and times at their widest; figures share one width so the grid reads.

        Where the last-change column is hidden (the wall), the names take the room left, so
        "Polres Tanjung Jabung Barat" and "... Timur" never shrink to the same "Polres
        Tanjung Jab…". Incident counts are painted in their severity's colour made readable
        on the row under them (``theme.ReadableTextDelegate``)."""
        layout = self.rows.cells.layout
        for view in self.views:
            header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
            header.setStretchLastSection(False)
            metrics = view.fontMetrics()
            changed_shown = any(
                kind is Column.CHANGED and not view.isColumnHidden(section)
                for section, (kind, _pos) in enumerate(layout.columns())
            )
            # A name column of about 32 characters at this view's type size, at least 440 px.
            name_cap = max(440, 32 * metrics.averageCharWidth())
            bold = theme.scaled_font(view, 1.0, bold=True)
            head = QFontMetrics(bold)
            # Figures share the width of "−8.888"; a larger one (the walk's 19.999 people
            # imported into one Polres read "+20.…") widens them to it, measured bold as the
            # command rows and the balance are, with the cells' padding and text margins.
            figure_width = metrics.horizontalAdvance("\u22128.888") + 16
            self._largest = _largest(self.rows.rows.values())
            if self._largest > 8888:
                largest = "\u2212" + self.rows.cells.locale.toString(self._largest)
                figure_width = max(figure_width, head.horizontalAdvance(largest) + 24)
            natural = self._natural[view]
            for section, (kind, _pos) in enumerate(layout.columns()):
                label = str(
                    self.rows.tree_model.headerData(section, Qt.Orientation.Horizontal) or ""
                )
                label_width = max((head.horizontalAdvance(x) for x in label.split("\n")), default=0)
                if kind is Column.INCIDENTS:
                    view.setItemDelegateForColumn(section, self._readable)
                elif view.itemDelegateForColumn(section) is self._readable:
                    view.setItemDelegateForColumn(section, view.itemDelegate())  # columns moved
                if kind is Column.UNIT:
                    widest = max(
                        (metrics.horizontalAdvance(r.name) for r in self.rows.rows.values()),
                        default=200,
                    )
                    indent = 3 * view.indentation() if isinstance(view, QTreeView) else 0
                    header.resizeSection(section, min(max(widest, 200) + indent + 24, name_cap))
                    header.setSectionResizeMode(
                        section,
                        QHeaderView.ResizeMode.Interactive
                        if changed_shown
                        else QHeaderView.ResizeMode.Stretch,
                    )
                elif kind is Column.STATUS:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
                    widest = max(
                        (metrics.horizontalAdvance(s.name) for s in self._statuses()), default=100
                    )
                    header.resizeSection(section, max(widest, label_width) + 32)
                elif kind is Column.CHANGED:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
                else:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
                    header.resizeSection(section, max(figure_width, label_width + 18))
                # The width each column needs, for ``fit_to_width`` (the name column's
                # before it stretches; a hidden column's, which reads 0, as measured).
                if kind is Column.CHANGED:
                    width = metrics.horizontalAdvance("27-11-24 23:59") + 24
                elif kind is Column.UNIT:
                    width = min(max(widest, 200) + indent + 24, name_cap)
                else:
                    width = header.sectionSize(section) or natural.get(section, 0)
                natural[section] = width
            self._keep_names(view, header)

    def _keep_names(self, view: QTreeView | QTableView, header: QHeaderView) -> None:
        """The name column stretches where the last-change column is hidden, unless the
        columns the view keeps would leave the names less than ``NAMES_AT_LEAST`` (large
        type on a 1366 px laptop): then they keep their own width and the view scrolls
        sideways (squeezed, every unit read "Sa…")."""
        natural = self._natural[view]
        layout = self.rows.cells.layout.columns()
        changed_shown = any(
            kind is Column.CHANGED and not view.isColumnHidden(section)
            for section, (kind, _pos) in enumerate(layout)
        )
        indent = 3 * view.indentation() if isinstance(view, QTreeView) else 0
        least = view.fontMetrics().horizontalAdvance(NAMES_AT_LEAST) + indent + 24
        for section, (kind, _pos) in enumerate(layout):
            if kind is not Column.UNIT:
                continue
            others = sum(
                w for s, w in natural.items() if s != section and not view.isColumnHidden(s)
            )
            keep = changed_shown or view.viewport().width() - others < least
            mode = QHeaderView.ResizeMode.Interactive if keep else QHeaderView.ResizeMode.Stretch
            if header.sectionResizeMode(section) != mode:
                header.setSectionResizeMode(section, mode)
                if keep:
                    header.resizeSection(section, natural.get(section, 0))

    def fit_to_width(self, view: QTreeView | QTableView) -> None:
        """A narrow board (a 1366 px laptop) leaves out the time of the last change, then the
        TPS columns (per category, and the unrated) that count no TPS at all, then the others
        together (the strength tab and the planning window show them), until strength,
        balance and incidents fit without scrolling sideways; a wider one takes them back.
        So the TPS columns shown always add up to the TPS total: at 1920 px the empty
        "belum dinilai" column once stayed while "Khusus" and its 60 TPS went. Columns
        hidden by others (the wall) stay hidden."""
        natural = self._natural.get(view)
        if not natural:
            return
        mine = self._narrowed[view]
        columns = list(enumerate(self.rows.cells.layout.columns()))
        others = {s for s, _ in columns if view.isColumnHidden(s) and s not in mine}
        tps = [s for s, (k, _) in reversed(columns) if k in (Column.TPS, Column.UNRATED)]
        counted = [s for s in tps if self._counts(s)]
        drops = [s for s, (k, _) in columns if k is Column.CHANGED]
        drops += [s for s in tps if s not in counted] + counted
        hide = narrow_drops(view.viewport().width(), natural, drops, hidden=others)
        if hide.intersection(counted):
            hide.update(counted)
        if hide != mine:
            for section in mine ^ hide:
                view.setColumnHidden(section, section in hide)
            self._narrowed[view] = hide
            self.fit()  # the name column stretches where the last-change one went
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        self._keep_names(view, header)
        left_out = bool(hide.intersection(counted))
        if left_out != self._left_out[view]:
            self._left_out[view] = left_out
            self.narrowed.emit()

    def tps_left_out(self, view: QTreeView | QTableView) -> bool:
        """Whether ``view`` is too narrow for the TPS columns that count TPS (the footer
        then says where they are)."""
        return self._left_out[view]

    def _counts(self, section: int) -> bool:
        """Whether column ``section`` shows a count other than 0 (the top rows' figures
        hold their sub-units')."""
        rows = self.rows
        return any(rows.cells.value(rows.rows[r], section) for r in rows.kids[None])

    def _type_changed(self) -> None:
        self.fit()
        for view in self.views:
            self.fit_to_width(view)

    def _refit(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """New figures: the columns widen for a figure larger than they were sized for (a
        row at a time, as the rows announce their changes), then the width is fitted."""
        tree = self.rows.tree_model
        parent = top_left.parent()
        uids = (
            tree.unit_id(tree.index(r, 0, parent))
            for r in range(top_left.row(), bottom_right.row() + 1)
        )
        rows = [self.rows.rows[u] for u in uids if u is not None and u in self.rows.rows]
        if _largest(rows) > max(self._largest, 8888):
            self.fit()
        for view in self.views:
            self.fit_to_width(view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            for view in self.views:
                if watched is view.viewport():
                    self.fit_to_width(view)
        return super().eventFilter(watched, event)


def _largest(rows: Iterable[UnitRow]) -> int:
    """The largest figure of ``rows`` either way: a count, a strength or a balance."""
    largest = 0
    for row in rows:
        f = row.figures
        largest = max(
            largest,
            f.police_available,
            f.police_required,
            abs(f.balance),
            f.unrated,
            *f.tps,
            *f.incidents,
        )
    return largest
