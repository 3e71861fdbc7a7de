"""The table of police strength per Polres, sortable by any column."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter.overview import Overview, UnitStrengthRow
from opscenter.strength import police_deficit
from ui import theme
from ui.strength_model import SORT_ROLE, Column, StrengthModel, signed
from ui.table_view import style_table
from ui.translations import translator

_tr = translator("StrengthPanel")


class StrengthPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strengthPanel")
        self.model = StrengthModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        # Re-sort when a figure changes, so a growing deficit moves up without a click.
        self.proxy.setDynamicSortFilter(True)

        self.title = QLabel(_tr("Kekuatan per Polres"), self)
        self.title.setObjectName("strengthTitle")
        self.title.setFont(theme.scaled_font(self, 1.3, bold=True))
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("strengthSubtitle")
        self.subtitle.setStyleSheet(f"color: {theme.MUTED.name()};")

        self.view = QTableView(self)
        # The main figures on screen: a step above the base size.
        self.view.setFont(theme.scaled_font(self, 1.15))
        # Air between the figures and the grid; rows tall enough to read and to hit with a
        # finger on a touch screen; the header matches the cells.
        style_table(
            self.view,
            name="strengthTable",
            single=True,
            read_only=True,
            cell="0 12px",
            header="6px 12px",
            row_height=2.0,
            header_height=1.5,
        )
        self.view.setModel(self.proxy)

        header = self.view.horizontalHeader()
        # Names never cut off: the name column fits the longest name, and the figures share
        # the rest in columns of one width, so the table reads as a grid at any window size.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.UNIT, QHeaderView.ResizeMode.ResizeToContents)
        bold = theme.scaled_font(self.view, 1.0, bold=True)
        labels = [str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in Column]
        widest = max(
            QFontMetrics(bold).horizontalAdvance(line) for t in labels for line in t.split("\n")
        )
        # Below this the figures' headers would be cut; a scroll bar appears instead.
        header.setMinimumSectionSize(widest + 40)
        # Unsorted (tree order) until a header is clicked; a third click returns to it.
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)

        # The whole under the rows: a total row would sort among them. It says the figures of
        # the summary strip and why the board's Polda row has more (the walk saw 2.497 here
        # and in the strip, 2.826 on the board, and no total on this tab).
        self.total = QLabel(self)
        self.total.setObjectName("strengthTotal")
        self.total.setWordWrap(True)
        self.total.setTextFormat(Qt.TextFormat.PlainText)

        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(6)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addWidget(self.view, 1)
        column.addWidget(self.total)

    def show_overview(self, overview: Overview) -> None:
        self.model.set_locale(self.locale())
        if overview.strength_loaded:  # else keep the rows shown until the new ones arrive
            self.model.set_rows(overview.strength)
            self.total.setText(total_text(overview.strength, self.locale()))
        stage = overview.current_stage
        self.subtitle.setText(
            _tr(
                "Tahapan {stage}: kebutuhan menurut pola pengamanan TPS; kekuatan termasuk "
                "BKO yang berlaku pada tahapan ini."
            ).format(stage=stage.name)
            if stage
            else _tr(
                "Hari pemungutan suara: kebutuhan menurut pola pengamanan TPS; kekuatan "
                "termasuk BKO yang berlaku pada hari itu."
            )
        )


def total_text(rows: Sequence[UnitStrengthRow], locale: QLocale) -> str:
    """ "Jumlah 10 Polres: kebutuhan 2.366, kekuatan 2.497, selisih +131; kurang 113 di 1
    Polres (kelebihan satu Polres tidak menutup kekurangan yang lain). Cadangan Polda tidak
    termasuk; baris Polda di Papan satuan menghitungnya." """
    required = sum(r.police_required for r in rows)
    available = sum(r.police_available for r in rows)
    short = [r for r in rows if r.balance < 0]
    text = _tr("Jumlah {n} Polres: kebutuhan {req}, kekuatan {avail}, selisih {bal}").format(
        n=locale.toString(len(rows)),
        req=locale.toString(required),
        avail=locale.toString(available),
        bal=signed(available - required, locale),
    )
    if short:
        text += _tr(
            "; kurang {deficit} di {k} Polres (kelebihan satu Polres tidak menutup kekurangan "
            "Polres lain tanpa BKO)"
        ).format(
            deficit=locale.toString(sum(police_deficit(r.balance) for r in short)),
            k=locale.toString(len(short)),
        )
    return text + _tr(". Cadangan Polda tidak termasuk; baris Polda di Papan satuan menghitungnya.")
