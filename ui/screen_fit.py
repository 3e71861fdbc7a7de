"""Fitting windows to the screen they open on, from a 1366x768 laptop up.

- ``FlowLayout``: a bar of controls that wraps onto a further row when the window is narrow,
  instead of making the window as wide as all of them side by side.
- ``fit_to_screen`` / ``show_fitted``: a window never opens bigger than the screen's
  available area (the task bar and panels left out); where the size it would like does not
  fit, it opens maximised.
- ``show_as_left`` / ``remember_place``: a window opens where it stood when last closed
  (screen, place, size, maximised), still within the screen it now opens on.
- ``place``: where a window that is not maximised opens, title bar included, within the
  screen's available area (centred over the window it belongs to where that fits).
- ``scrolling``: a dialog's body in a scroll area, so a dialog taller than the screen scrolls
  instead of pushing its buttons off it; the field that takes the focus is scrolled into
  view, whether by Tab, a shortcut or a click. ``unscrolled``: how much taller the area must
  be to show its body whole, for a window that opens that tall where the screen has room.
- ``narrow_drops``: which columns a narrow table leaves out, in its own order of priority,
  rather than scrolling sideways.
- ``SharedSplit``: a splitter whose sizes the panel shares out (by the rows each side
  needs) whenever it is resized, until the operator moves its handle: then the split is
  theirs, and stays.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSplitter,
    QWidget,
)

from ui.settings import Setting

# A window manager's title bar and frame (Windows 10 at 100 %: 31 px; openbox: 20 px).
TITLE_BAR = 32
K = TypeVar("K")  # a table's column: its number, or an IntEnum member


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new row where the width runs out.

    The items of a row that grow horizontally (a search field) share what that row leaves;
    the minimum width is that of the widest item, so a bar never sets the window's width.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self.addWidget(widget)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """All in one row."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """One item a row: the widest item's width."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            need = item.sizeHint().width()
            if rows and used + self.spacing() + need <= width:
                rows[-1].append(item)
                used += self.spacing() + need
            else:
                rows.append([item])
                used = need
        return rows

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        for row in self._rows(area.width()):
            hints = [min(i.sizeHint().width(), area.width()) for i in row]
            spare = area.width() - sum(hints) - self.spacing() * (len(row) - 1)
            growing = [
                n for n, i in enumerate(row) if i.expandingDirections() & Qt.Orientation.Horizontal
            ]
            for n in growing:
                hints[n] += spare // len(growing)
            height = max(i.sizeHint().height() for i in row)
            if place:
                x = area.x()
                for item, width in zip(row, hints, strict=True):
                    item_height = min(height, item.sizeHint().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
                    x += width + self.spacing()
            y += height + self.spacing()
        return max(y - self.spacing() - area.y(), 0) + margins.top() + margins.bottom()


def pair(parent: QWidget, *widgets: QWidget, spacing: int = 4) -> QWidget:
    """Widgets kept on one row of a ``FlowLayout`` (a caption and its field)."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    for widget in widgets:
        row.addWidget(widget)
    return box


def narrow_drops(
    room: int,
    widths: Mapping[K, int],
    drops: Iterable[K],
    *,
    hidden: Collection[K] = (),
    reserve: int = 0,
) -> set[K]:
    """The columns a table ``room`` px wide leaves out: ``drops`` in order, until the other
    columns' ``widths`` (``hidden`` ones left out) and ``reserve`` px more fit."""
    dropped: set[K] = set()
    for column in drops:
        shown = sum(w for c, w in widths.items() if c not in hidden and c not in dropped)
        if shown + reserve <= room:
            break
        if column not in hidden:
            dropped.add(column)
    return dropped


class SharedSplit(QObject):
    """``share`` sets ``splitter``'s sizes each time the splitter is resized (and when the
    panel calls ``share_again``: what it shows changed), until the operator drags the handle.
    From then the split is theirs: Qt shares a resize by the stretch factors, and gives a
    pane hidden and shown again the size it had. A child of the splitter: it goes with it."""

    def __init__(self, splitter: QSplitter, share: Callable[[], None]) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._share = share
        self.by_hand = False
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)

    def hold(self, sizes: list[int]) -> None:
        """These sizes, kept as if the operator had chosen them (the wall's even split)."""
        self.by_hand = True
        self._splitter.setSizes(sizes)

    def share_again(self) -> None:
        if not self.by_hand:
            self._share()

    def _moved(self, _pos: int, _index: int) -> None:
        self.by_hand = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._splitter and event.type() == QEvent.Type.Resize:
            self.share_again()
        return super().eventFilter(watched, event)


def available(widget: QWidget) -> QRect:
    """The available area (without task bars) of the screen ``widget`` is on, or will be."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize) -> bool:
    """Size ``window`` to ``preferred``, or less where the screen is smaller; True when it
    had to be made smaller (then ``show_fitted`` maximises it)."""
    room = available(window).size()
    room.setHeight(room.height() - TITLE_BAR)  # the frame comes on top of the size set here
    window.resize(preferred.boundedTo(room))
    return preferred.width() > room.width() or preferred.height() > room.height()


def place(window: QWidget, at: QPoint | None = None) -> None:
    """Move ``window`` (sized already) to where it opens: its frame's top left at ``at``, else
    centred over the window it belongs to (else over the screen), as Qt would centre it; in
    either case moved as little as it takes for it, title bar included, to lie within the
    screen's available area. Qt does not check that: a 900 px window centred over a main
    window standing low on a 1920x1080 screen had its bottom edge below the screen."""
    room = available(window)
    frame = QRect(QPoint(0, 0), window.size() + QSize(0, TITLE_BAR))
    if at is not None:
        frame.moveTopLeft(at)
    else:
        owner = window.parentWidget()
        frame.moveCenter(owner.window().frameGeometry().center() if owner else room.center())
    window.move(
        max(room.left(), min(frame.left(), room.right() + 1 - frame.width())),
        max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height())),
    )


def show_fitted(window: QWidget, preferred: QSize, *, at: QPoint | None = None) -> None:
    """Show ``window`` at ``preferred`` where the screen has room (``place``d: at ``at`` or
    centred over its owner, within the screen), else maximised: the window manager then fits
    it, title bar and frame included, to the available area."""
    if fit_to_screen(window, preferred):
        window.showMaximized()
    else:
        place(window, at)
        window.show()


def remember_place(window: QWidget, setting: Setting[str]) -> None:
    """Keep where ``window`` stands now (for ``show_as_left`` at the next start)."""
    setting.set(bytes(window.saveGeometry().toBase64().data()).decode("ascii"))


def _at_least(size: QSize, least: QSize) -> bool:
    return size.width() >= least.width() and size.height() >= least.height()


def show_as_left(window: QWidget, setting: Setting[str], preferred: QSize) -> None:
    """Show ``window`` where ``remember_place`` last kept it: maximised if it was, else at
    that place and size where the screen it now opens on has room for it; where the place
    lies partly off that screen, moved just within it at the same size, and where the size
    does not fit (a laptop taken from the command room's large screen), maximised. Nothing
    kept, or a kept value it cannot read (another version of Qt, a settings file edited by
    hand, cut short): ``show_fitted``."""
    kept = setting.get()
    if (
        not kept
        or not kept.isascii()
        or not window.restoreGeometry(QByteArray.fromBase64(kept.encode("ascii")))
        or not _at_least(window.size(), window.minimumSizeHint())
    ):
        show_fitted(window, preferred)
        return
    room = available(window)
    if not (window.isMaximized() or window.isFullScreen() or room.contains(window.geometry())):
        show_fitted(window, window.size(), at=window.pos())
        return
    window.show()


def scrolling(body: QWidget, parent: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area that scrolls vertically only when the screen is too
    low for it; its width follows the area (nothing cut at the right)."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(body)
    # As wide as the body needs now (a vertical scroll bar included), as low as one row: a
    # body that may grow wider later wraps its labels instead.
    area.setMinimumWidth(
        body.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()
    )
    _FocusInView(area)
    return area


def unscrolled(area: QScrollArea) -> int:
    """How much taller than its size hint ``area`` (``scrolling``) must be to show its body
    whole, without scrolling: what a window adds to the height it asks ``fit_to_screen``
    for (Qt bounds a scroll area's hint to 24 lines of text)."""
    body = area.widget()
    if body is None:
        return 0
    whole = body.sizeHint().height() + 2 * area.frameWidth()
    return max(whole - area.sizeHint().height(), 0)


class _FocusInView(QObject):
    """Scrolls ``area`` to the widget in it that takes the focus. Qt does so only for Tab:
    a shortcut such as the incident pane's Ctrl+T (``setFocus``) put the cursor in a field
    below the fold, and the officer typed a follow-up blind. A child of the area, so the
    connection ends with it."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        area = self._area
        # A window being deleted hands the focus on while its area is already gone.
        if new is None or not shiboken6.isValid(area) or not shiboken6.isValid(new):
            return
        body = area.widget()
        if body is not None and body.isAncestorOf(new) and new.isVisible():
            area.ensureWidgetVisible(new)
