"""How the incidents list and its detail pane fit the width they are given.

Column widths follow the list's type size; a narrow list (a laptop's
screen, a tile of the wall) drops its least needed columns first (``NARROW_DROPS``); the
detail pane sits beside the list where both fit, else below it.

``IncidentListLayout`` is the base of ``ui.incidents_panel.IncidentsPanel``, which builds
the widgets named below; these methods size them.

Below the list and its pane, the timeline: the list gets ``LIST_ROWS`` rows where the
timeline keeps ``LEAST_LANES`` lanes, more where the timeline has all its lanes
(``_share_height``).

The detail pane shows only while an incident is chosen: with nothing chosen the list has
the whole width, and at 1920 px every demo title whole. Chosen, the pane beside the list
gets a quarter of the width, more only where the list has its titles whole
(``share_width``); the list then keeps a third of its own width for the titles, the columns
whose facts the pane repeats giving way first (``_fit_to_width``). A split the operator drags
stays theirs (``ui.screen_fit.SharedSplit``).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QScrollArea, QSplitter, QTableView, QWidget

from ui import theme
from ui.incident_timeline import IncidentTimeline
from ui.incidents_model import Column, IncidentsModel, local_time, region_label
from ui.screen_fit import SharedSplit, narrow_drops

# What a narrow list leaves out first: the follow-up count and the number are in the detail
# pane, the casualties too; the type is usually in the title's own words.
NARROW_DROPS = (Column.FOLLOW_UPS, Column.CODE, Column.TYPE, Column.CASUALTIES)
CELL_MARGINS = 20  # a cell's padding (6 px a side) and the style's text margin (3 px a side)
# What the list and the timeline share the height by (``_share_height``): an officer
# following a night of incidents wants a screenful of them; the timeline keeps a few lanes
# (the others a scroll away, or the list's choice brings its lane into view).
LIST_ROWS = 10
LEAST_LANES = 3
# The detail pane beside the list takes at least this part of the width (``share_width``).
DETAIL_SHARE = 4
# With the pane beside it, the list's title keeps at least this part of the list's width
# (``_fit_to_width``): with 24 characters only, the walk at 1920 px found the title cut to
# 220 px while the type, the region and the casualties kept theirs.
TITLE_SHARE = 3
# Rows as the wall's and the heat map's, 1.5 lines: at 1.8 a 768 px laptop showed 4 rows.
ROW_LINES = 1.5
# The widest time the list shows (``local_time``): two-digit day and hour, the longest zone.
WIDEST_TIME = local_time(datetime(2024, 11, 27, 23, 59, tzinfo=ZoneInfo("Asia/Makassar")))


class IncidentListLayout(QWidget):
    """The list's column widths and the detail pane's place (see the module docstring)."""

    # Built by the panel.
    view: QTableView
    model: IncidentsModel
    splitter: QSplitter  # ``upper`` over the timeline
    height_split: SharedSplit  # of ``splitter``, sharing by ``_share_height``
    timeline: IncidentTimeline
    upper: QSplitter  # the list and the detail pane
    width_split: SharedSplit  # of ``upper``, sharing by ``share_width``
    detail_area: QScrollArea
    hidden_columns: set[Column]  # never shown, however wide
    # ``_fit_to_width`` after a resize, once the event that caused it is over (``eventFilter``).
    refit: QTimer
    _widths: dict[Column, int]
    _titles_width = 0  # the longest title listed (``_measure_titles``)
    _side_by_side: bool

    def fit_columns(self) -> None:
        """Column widths from the list's type size (its rows follow it: ``style_table``);
        again at each change of the list's font (a text size step, the wall's type)."""
        header = self.view.horizontalHeader()
        fm = self.view.fontMetrics()
        bold_fm = QFontMetrics(theme.scaled_font(self.view, 1.0, bold=True))
        # The title gets what is left; the rest are as narrow as their usual content.
        widths = {
            Column.CODE: fm.horizontalAdvance("KEJ-0000") + 18,
            Column.OCCURRED: fm.horizontalAdvance(WIDEST_TIME) + 6,
            Column.SEVERITY: bold_fm.horizontalAdvance("Tingkat") + 24,
            Column.STATUS: bold_fm.horizontalAdvance("Ditangani") + 24,
            Column.TYPE: fm.horizontalAdvance("Unjuk rasa di K"),
            Column.REGION: self._region_width(fm),
            Column.CASUALTIES: bold_fm.horizontalAdvance("10 MD / 99 LL"),  # bold with deaths
            Column.UNITS: fm.horizontalAdvance("Polsek Muara Bulian"),
            Column.FOLLOW_UPS: bold_fm.horizontalAdvance("lanjut") + 20,
        }
        self._widths = {column: width + CELL_MARGINS for column, width in widths.items()}
        for column, width in self._widths.items():
            header.resizeSection(column, width)
        header.setMinimumSectionSize(fm.horizontalAdvance("No.") + 20)
        self._fit_to_width()

    def _refit_region(self) -> None:
        """After a load: the region column as wide as the longest region now listed, only
        when that moved (a width dragged by hand stays), the rest as they were; the titles
        measured for ``share_width``."""
        self._measure_titles()
        width = self._region_width(self.view.fontMetrics()) + CELL_MARGINS
        if width != self._widths[Column.REGION]:
            self._widths[Column.REGION] = width
            self.view.horizontalHeader().resizeSection(Column.REGION, width)
            self._fit_to_width()

    def _measure_titles(self) -> None:
        """Room for the longest title listed, whole (after a load: measuring 20,000 titles
        at each step of a window being resized would hold the GUI thread)."""
        fm = self.view.fontMetrics()
        titles = {r.title for r in self.model.rows()}
        self._titles_width = max((fm.horizontalAdvance(t) for t in titles), default=0)

    def share_width(self) -> None:
        """The detail pane beside the list gets a quarter of the width (at least its least
        width: at 365 px its follow-up notes ran four words a line), more only where the
        list has its columns with every title whole (a wide screen). Below the list, or
        hidden, it takes nothing here."""
        area, upper = self.detail_area, self.upper
        if upper.orientation() != Qt.Orientation.Horizontal or area.isHidden():
            return
        room = upper.width() - upper.handleWidth()
        if room <= 0:
            return
        view = self.view
        shown = (c for c in self._widths if c not in self.hidden_columns)
        chrome = view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth()
        whole = sum(self._widths[c] for c in shown) + self._titles_width + CELL_MARGINS + chrome
        pane = max(area.minimumWidth(), room // DETAIL_SHARE, room - whole)
        upper.setSizes([room - pane, pane])

    def _share_height(self) -> None:
        """The list gets ``LIST_ROWS`` rows as long as the timeline keeps ``LEAST_LANES``
        lanes (at 1366x768 it gets what that leaves), more where the timeline has every
        lane; the timeline gets the rest. A detail pane under the list (a narrow window)
        shares the list's part."""
        room = self.splitter.height() - self.splitter.handleWidth()
        if room <= 0:
            return
        view = self.view
        chrome = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        wanted = chrome + LIST_ROWS * view.verticalHeader().defaultSectionSize()
        if self.upper.orientation() == Qt.Orientation.Vertical and self.detail_area.isVisible():
            wanted *= 2
        timeline = self.timeline
        whole = timeline.height_for_lanes(max(len(timeline.lanes), LEAST_LANES))
        least = timeline.height_for_lanes(LEAST_LANES)
        upper = max(room - whole, min(wanted, room - least), room // 3)
        self.splitter.setSizes([upper, room - upper])

    def _region_width(self, fm: QFontMetrics) -> int:
        """Room for the regions listed ("Kab. Kerinci · Gunung Kerinci"): every kabupaten
        whole, so "Kab. Tanjung Jabung Barat" and "... Timur" are never cut to the same
        "Kab. Tanjung J…"; a kecamatan after it as far as about 26 characters allow."""
        # Distinct places first: 20,000 incidents happen in a few hundred of them.
        places = {(r.area_name, r.region_name) for r in self.model.rows()}
        names = [region_label(area, region) for area, region in places]
        if not names:
            return fm.horizontalAdvance("Kab. Tanjung Jabung")
        whole = max(fm.horizontalAdvance(n) for n in names)
        kabupaten = max(fm.horizontalAdvance(n.split(" · ")[0]) for n in names)
        return max(kabupaten, min(whole, 26 * fm.averageCharWidth()))

    def _fit_to_width(self) -> None:
        """A narrow list (a laptop's screen, a tile of the wall) drops its least needed
        columns, in ``NARROW_DROPS`` order, until the incident's title has about 24
        characters, and a third of the list while the detail pane is beside it (the pane
        shows the chosen incident's number, type, casualties and follow-ups); a wider one
        takes them back. ``hidden_columns`` stay hidden. Only the columns whose state
        changes are touched."""
        view = self.view
        least = 24 * view.fontMetrics().averageCharWidth()
        if self._side_by_side and not self.detail_area.isHidden():
            least = max(least, view.viewport().width() // TITLE_SHARE)
        hide = set(self.hidden_columns) | narrow_drops(
            view.viewport().width(),
            self._widths,
            NARROW_DROPS,
            hidden=self.hidden_columns,
            reserve=least,
        )
        for column in Column:
            if view.isColumnHidden(column) != (column in hide):
                view.setColumnHidden(column, column in hide)
        current = view.currentIndex()
        if current.isValid() and view.isColumnHidden(current.column()):
            # The cursor on a column left out moved nowhere with Down: the row's first shown
            # cell takes it (the selection is whole rows: it stays as it is).
            header = view.horizontalHeader()
            shown = min((c for c in Column if c not in hide), key=header.visualIndex)
            view.selectionModel().setCurrentIndex(
                current.siblingAtColumn(shown), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _place_detail(self) -> None:
        """Beside the list where both fit (the list with its title readable, the detail pane
        whole), else below the list (a narrow window, half a screen)."""
        fm = self.view.fontMetrics()
        kept = (c for c in self._widths if c not in NARROW_DROPS and c not in self.hidden_columns)
        least_list = sum(self._widths[c] for c in kept) + 24 * fm.averageCharWidth()
        least_detail = self.detail_area.minimumWidth()
        side_by_side = self.upper.width() >= least_list + least_detail + self.upper.handleWidth()
        if side_by_side == self._side_by_side:
            return
        self._side_by_side = side_by_side
        self.upper.setOrientation(
            Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical
        )
        self._share()

    def _share(self) -> None:
        """Share the width and the height again (what the list or its pane shows changed),
        where the operator has not moved the split (``SharedSplit``)."""
        self.width_split.share_again()
        self.height_split.share_again()

    @property
    def detail_beside(self) -> bool:
        """The detail pane is beside the list (False: below it)."""
        return self._side_by_side

    def hide_columns(self, *columns: Column) -> None:
        """Leave these columns out for good (the wall leaves out the type)."""
        self.hidden_columns.update(columns)
        self._fit_to_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport's own resize: the view's arrives before the viewport has its size.
        # Refitted after the event: a key that chose a row opened the detail pane, which
        # narrowed the list at once; the column dropped then was the one that key had put the
        # cursor on, and Qt, selecting that cell's place, chose the top row instead.
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.refit.start()
        elif event.type() == QEvent.Type.Resize and watched is self.upper:
            self._place_detail()
        return super().eventFilter(watched, event)
