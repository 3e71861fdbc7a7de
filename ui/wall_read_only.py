"""A panel made fit for the wall: nothing to operate, nothing that scrolls or takes the focus.

``make_read_only`` turns a panel's views, menus, actions and controls off; a list longer
than its tile shows whole rows only and turns a page on its own every PAGE_SECONDS
(``RowPager``, with ``RowCover`` over the cut row), and says which page it shows
(``page_note``: its tile's caption carries it, ``ui.wall_tiles``). ``ui.wall.WallDisplay``
applies it to each panel it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from ui.translations import translator

# A list longer than its tile turns a page this often (a cycled panel shows two pages).
PAGE_SECONDS = 10.0
# Input widgets a wall hides.
CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox)


_tr = translator("WallReadOnly")


def page_note(page: int, pages: int) -> str:
    """Which page of a list longer than its place the wall shows ("Halaman 1 dari 2"): the
    rest is coming, and how much of it. ``page`` counts from 1."""
    return _tr("Halaman {page} dari {pages}").format(page=page, pages=pages)


def make_read_only(root: QWidget) -> None:
    """No editing on the wall: views do not edit, menus and actions (shortcuts) are off, and
    controls are hidden (nobody operates a wall; they would only take room from the data).
    A panel marks a control's caption with the dynamic property ``wallHide`` = True so
    that it goes with its control. Nothing takes the focus (no focus frame on a row, and
    Esc/F11 reach the wall) and nothing shows a scroll bar (lists page, ``RowPager``)."""
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and (isinstance(w, CONTROLS) or w.property("wallHide") is True):
            w.hide()
        w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for action in w.actions():
            action.setEnabled(False)
        if isinstance(w, QAbstractScrollArea):
            w.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            w.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if isinstance(w, QAbstractItemView):
            w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            w.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            if not isinstance(w, QHeaderView):  # a header is an item view too
                w.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
                RowPager(w)


class RowCover(QWidget):
    """Paints over the cut part of a list's last row, in the list's own background (read
    from the viewport when painting, so that it follows the night theme, whose style
    sheets keep the palette from reaching a plain child widget)."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("wallRowCover")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:
        viewport = self.parentWidget()
        assert viewport is not None
        painter = QPainter(self)
        painter.fillRect(self.rect(), viewport.palette().color(viewport.backgroundRole()))
        painter.end()


class RowPager(QObject):
    """A wall's list shows whole rows only, and pages through the rest on its own.

    The part of a row that the bottom edge would cut is covered in the list's background
    (``cover``, a child of the viewport: it changes no geometry, so nothing is laid out
    again, and a style sheet cannot undo it), and every PAGE_SECONDS the list moves on by
    the rows it shows, back to the top after the last page (scrolling per item, a page
    always starts with a whole row). Parented to the view: it goes with it. ``turned``
    says the page shown and how many there are (``page``) whenever they may have changed."""

    turned = Signal(int, int)  # page (from 1), pages

    def __init__(self, view: QAbstractItemView, page_seconds: float = PAGE_SECONDS) -> None:
        super().__init__(view)
        self.setObjectName("wallRowPager")
        self.view = view
        self.cover = RowCover(view.viewport())
        self.cover.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(page_seconds * 1000)))
        self.timer.timeout.connect(self.next_page)
        self.timer.start()
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)  # its font: the rows' height
        view.verticalScrollBar().valueChanged.connect(self._fit_soon)
        model = view.model()
        if model is not None:  # rows arrive after the wall is built (loaded off the GUI thread)
            for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
                signal.connect(self._fit_soon)

    def row_height(self) -> int:
        """The height of the list's first shown row, grid line included (0: no rows)."""
        view = self.view
        model = view.model()
        if model is None or model.rowCount() == 0:
            return 0
        index = view.indexAt(QPoint(1, 1))
        if isinstance(view, QTableView):
            return view.rowHeight(index.row() if index.isValid() else 0)
        if index.isValid():
            return view.visualRect(index).height()
        return max(0, view.sizeHintForRow(0))

    def fit_whole_rows(self) -> None:
        viewport = self.view.viewport()
        row = self.row_height()
        height = viewport.height()
        cut = height % row if 0 < row < height else 0
        self.cover.setGeometry(0, height - cut, viewport.width(), cut)
        self.cover.setVisible(cut > 0)
        self.cover.raise_()
        self.turned.emit(*self.page())

    def page(self) -> tuple[int, int]:
        """(the page shown, from 1; how many pages): a page is the rows shown (the scroll
        bar's page step, in rows), the last one may repeat rows of the one before."""
        bar = self.view.verticalScrollBar()
        step = max(1, bar.pageStep())
        pages = 1 + -(-max(0, bar.maximum()) // step)
        return min(pages, 1 + -(-max(0, bar.value()) // step)), pages

    def _fit_soon(self) -> None:
        QTimer.singleShot(0, self, self.fit_whole_rows)  # once the view has laid them out

    def next_page(self) -> None:
        self.fit_whole_rows()
        bar = self.view.verticalScrollBar()
        if bar.maximum() <= 0 or not self.view.isVisible():
            return
        bar.setValue(0 if bar.value() >= bar.maximum() else bar.value() + max(1, bar.pageStep()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit_whole_rows()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_soon()
        return False
