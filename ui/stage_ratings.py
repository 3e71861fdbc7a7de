"""The chosen stage's ratings: vulnerability per region and aspect, with its legend.

One row per region, one column per aspect (the Polri rating) and the Bawaslu IKP last; the
title names the stage (the one in force unless one was chosen), the legend shows the
levels' colours as the cells do. Live changes of single ratings go to the model
(``ui.stage_ratings_model``); the panel (``ui.stages_panel``) decides which stage shows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter.stage_view import Matrix
from ui import theme
from ui.planning_models import HeatColumn
from ui.stage_ratings_model import StageRatingsModel
from ui.translations import translator

# The ratings table shows its header and at least this many regions, however tall the
# timeline is (on the wall, where type is nearly twice the size, the two share the height).
MIN_TABLE_ROWS = 3


_tr = translator("StagesPanel")


class StageRatings(QWidget):
    """The ratings table of one stage, its title, note and legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ratings_title = QLabel(self)
        self.ratings_title.setObjectName("ratingsTitle")
        self.ratings_title.setFont(theme.scaled_font(self, 1.25, bold=True))
        self.ratings_title.setTextFormat(Qt.TextFormat.PlainText)
        self.ratings_title.setWordWrap(True)  # a long stage name beside the legend, on the wall
        self.ratings_note = QLabel(
            _tr(
                "Kolom aspek: penilaian Polri (ketertiban umum). Kolom terakhir: IKP Bawaslu "
                "0\u2013100 (kerawanan proses pemilihan). Dua ukuran berbeda, tidak digabung."
            ),
            self,
        )
        self.ratings_note.setWordWrap(True)
        self.ratings_note.setStyleSheet(f"color: {theme.MUTED.name()};")
        # Desk only: on the wall the column headers ("(Polri)", "(proses pemilihan)") have to
        # say it, and the rows need the room.
        self.ratings_note.setProperty("wallHide", True)
        # The levels' colours. Desk only: every cell names its level in words, and on the wall
        # the title needs the width (beside the chips a long stage name takes two lines).
        self.legend_box = QWidget(self)
        self.legend_box.setProperty("wallHide", True)
        self.legend = QHBoxLayout(self.legend_box)
        self.legend.setContentsMargins(0, 0, 0, 0)
        self.legend.setSpacing(8)
        self.ratings_model = StageRatingsModel(self)
        theme.mode.changed.connect(self._theme_changed)  # the legend's chips follow the cells
        self.ratings_view = QTableView(self)
        self.ratings_view.setObjectName("stageRatings")
        self.ratings_view.setModel(self.ratings_model)
        # The IKP column's figures in their level's colour: an amber "Sedang" on white
        # (1.9:1) or any list colour at night is made readable where it is painted.
        self.ratings_view.setItemDelegate(theme.ReadableTextDelegate(self.ratings_view))
        self.ratings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ratings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.ratings_view.setAlternatingRowColors(False)
        self.ratings_view.verticalHeader().hide()
        self.ratings_view.setWordWrap(False)
        header = self.ratings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ratings_view.setFont(theme.scaled_font(self, 1.05))
        # The wall sets the table's fonts after the panel's: its heights follow them there.
        self.ratings_view.installEventFilter(self)
        header.installEventFilter(self)

        ratings_col = QVBoxLayout(self)
        ratings_col.setContentsMargins(0, 6, 0, 0)
        ratings_col.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.ratings_title, 1)
        top.addWidget(self.legend_box, 0, Qt.AlignmentFlag.AlignTop)
        ratings_col.addLayout(top)
        ratings_col.addWidget(self.ratings_note)
        ratings_col.addWidget(self.ratings_view, 1)

    def show_matrix(self, matrix: Matrix | None, *, chosen: bool) -> None:
        """Show a stage's ratings (None: no stage); ``chosen``: picked by hand, not the one
        in force (the title says which)."""
        if matrix is None:
            self.ratings_model.clear()
        else:
            self.ratings_model.set_matrix(matrix)
        self.show_title(chosen=chosen)
        self._fill_legend(matrix)
        header = self.ratings_view.horizontalHeader()
        if self.ratings_model.columnCount() > 0:
            header.setSectionResizeMode(HeatColumn.REGION, QHeaderView.ResizeMode.ResizeToContents)
        self._fit_table()

    def _fit_table(self) -> None:
        """Rows and the two-line header ("Politik / (Polri)") by the table's type, and the
        table never lower than its header and MIN_TABLE_ROWS rows: the splitter then leaves
        it that much however tall the timeline's rows are."""
        view = self.ratings_view
        header = view.horizontalHeader()
        row = int(QFontMetrics(view.font()).height() * 1.5)
        view.verticalHeader().setDefaultSectionSize(row)
        header.setMinimumHeight(int(QFontMetrics(header.font()).height() * 2.6))
        head = max(header.minimumHeight(), header.sizeHint().height())
        view.setMinimumHeight(head + MIN_TABLE_ROWS * row + 2 * view.frameWidth())

    def whole_height(self) -> int:
        """The height at which the table shows every region without scrolling."""
        rows = self.ratings_model.rowCount() - MIN_TABLE_ROWS
        row = self.ratings_view.verticalHeader().defaultSectionSize()
        return self.minimumSizeHint().height() + max(rows, 0) * row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The wall sets the table's and its header's fonts one by one, after the panel's.
        if event.type() == QEvent.Type.FontChange and watched in (
            self.ratings_view,
            self.ratings_view.horizontalHeader(),
        ):
            self._fit_table()
        return super().eventFilter(watched, event)

    def show_title(self, *, chosen: bool) -> None:
        m = self.ratings_model.matrix
        if m is None:
            self.ratings_title.setText(_tr("Kerawanan wilayah: belum ada tahapan"))
        elif not chosen:
            self.ratings_title.setText(
                _tr("Kerawanan wilayah \u2014 tahapan berjalan: {stage}").format(stage=m.stage.name)
            )
        else:
            self.ratings_title.setText(
                _tr("Kerawanan wilayah \u2014 {stage}").format(stage=m.stage.name)
            )

    def _theme_changed(self, _night: bool) -> None:
        self._fill_legend(self.ratings_model.matrix)

    def _fill_legend(self, matrix: Matrix | None) -> None:
        while self.legend.count():
            taken = self.legend.takeAt(0)
            widget = taken.widget() if taken else None
            if widget is not None:
                widget.deleteLater()
        if matrix is None:
            return
        for level in sorted(matrix.levels, key=lambda lv: lv.ordinal):
            chip = QLabel(level.name, self.legend_box)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setFont(theme.scaled_font(self, 1.0, bold=True))
            chip.setStyleSheet(theme.chip_style(QColor(level.colour)))  # as in the cells
            self.legend.addWidget(chip)
