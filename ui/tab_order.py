"""Tab order in reading order (issue 14, point 2): the few pieces every form uses.

- ``chain`` sets the order of a form's stops as the eye reads them, where the order the
  widgets were made in (Qt's default) differs from where the layout puts them.
- ``OneStopDateTimeEdit`` is a date and time field that is one Tab stop: Qt's walks its own
  sections with Tab, so the keyboard never leaves it forwards until the last section.
  Its sections are reached with Left/Right, and typing digits moves on by itself.
- ``leave_on_tab`` makes Tab leave a table instead of walking its cells (the arrows do that).
- ``edit_on_f2`` makes F2 open the editor of the current row's editable column, where
  rows are chosen whole and the cursor may stand on a cell that is not edited.
- ``enter_activates`` makes Enter on a list open its chosen row and nothing else: Qt's view
  emits ``activated`` and passes the key on, so a dialog also pressed its default button
  (a readiness form closed on Enter over its list of pagu).
- ``down_into`` makes Down in a search field go on into the list it narrows, at the list's
  chosen row or else its first (the keyboard had to Tab past every filter to get there).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QDateTimeEdit,
    QLineEdit,
    QWidget,
)


def chain(*stops: QWidget) -> None:
    """Tab goes from each of ``stops`` to the next, Shift+Tab back."""
    for first, second in itertools.pairwise(stops):
        QWidget.setTabOrder(first, second)


class OneStopDateTimeEdit(QDateTimeEdit):
    """A ``QDateTimeEdit`` that Tab and Shift+Tab leave at once."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QAbstractSpinBox.focusNextPrevChild(self, next)


def leave_on_tab(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab leave ``view``; the arrow keys move between its cells."""
    view.setTabKeyNavigation(False)


class _OnKey(QObject):
    """A key pressed on its view (not while a cell is edited) that ``wanted`` accepts is
    taken by ``act``, given the view's current index, and goes no further."""

    def __init__(
        self,
        view: QAbstractItemView,
        wanted: Callable[[QKeyEvent], bool],
        act: Callable[[QAbstractItemView, QModelIndex], None],
    ) -> None:
        super().__init__(view)
        self._wanted, self._act = wanted, act

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.parent()
        if (
            watched is view
            and isinstance(view, QAbstractItemView)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._wanted(event)
            and view.state() != QAbstractItemView.State.EditingState
        ):
            current = view.currentIndex()
            if current.isValid():
                self._act(view, current)
            return True  # taken: no default button of the window behind
        return False


def edit_on_f2(view: QAbstractItemView, column: int) -> None:
    """F2 on ``view`` opens the editor of ``column`` in the current row (Qt's own F2 edits the
    current cell only, and a row chosen whole has its cursor on the first)."""

    def edit(v: QAbstractItemView, current: QModelIndex) -> None:
        cell = current.siblingAtColumn(column)
        v.setCurrentIndex(cell)
        v.edit(cell)

    def f2(e: QKeyEvent) -> bool:
        return e.key() == Qt.Key.Key_F2 and not e.modifiers()

    view.installEventFilter(_OnKey(view, f2, edit))


def enter_activates(view: QAbstractItemView) -> None:
    """Enter (or the keypad's) on ``view`` emits ``activated`` for its current row and goes
    no further; with a modifier (Ctrl+Enter saves a form) it goes on as before."""

    def enter(e: QKeyEvent) -> bool:
        plain = not e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain

    view.installEventFilter(_OnKey(view, enter, lambda v, current: v.activated.emit(current)))


class _IntoList(QObject):
    """The search field's keys that go on into the list (``down_into``)."""

    def __init__(
        self,
        search: QLineEdit,
        view: Callable[[], QAbstractItemView],
        first: Callable[[], QModelIndex] | None,
        keys: tuple[Qt.Key, ...],
    ) -> None:
        super().__init__(search)
        self._view, self._first, self._keys = view, first, keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.parent()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._keys
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            view = self._view()
            model = view.model()
            if model is None or model.rowCount() == 0:
                return False  # nothing to go to: the key stays the field's
            # Read before the focus moves: a view given the focus makes its first row current
            # without choosing it.
            chosen = view.currentIndex().isValid() and view.selectionModel().hasSelection()
            view.setFocus(Qt.FocusReason.TabFocusReason)
            if not chosen:
                first = self._first() if self._first is not None else model.index(0, 0)
                view.setCurrentIndex(first)
                view.scrollTo(first)
            return True
        return False


def down_into(
    search: QLineEdit,
    view: Callable[[], QAbstractItemView],
    *,
    first: Callable[[], QModelIndex] | None = None,
    keys: tuple[Qt.Key, ...] = (Qt.Key.Key_Down,),
) -> None:
    """Down (or each of ``keys``) in ``search`` puts the focus on the list ``view()`` gives,
    at its chosen row, or at ``first()`` (its first row) when none is chosen; with the list
    empty the key stays the field's."""
    search.installEventFilter(_IntoList(search, view, first, keys))
