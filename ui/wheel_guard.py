"""The mouse wheel never changes what the operator is not working on; it scrolls the pane.

- Over a combo box, a spin box or a date field (``QAbstractSpinBox``) without the keyboard
  focus, it scrolls the pane that holds the field. Rolling the wheel down the incident
  detail pane once turned its "lalu status" box, passing under the pointer, from "(tetap)"
  to "Selesai", and the next follow-up closed the incident.
- Over a chart (a pyqtgraph plot: a ``QGraphicsView``) in a pane that scrolls, it scrolls the
  pane; Ctrl+wheel zooms the chart. On a laptop the stages' timeline fills the Tahapan tab's
  pane, and rolling down to the "Kerawanan wilayah" table under it zoomed the timeline
  instead. A chart in a pane that does not scroll zooms with the wheel as before.

One filter on the application (``guard_wheel``, installed by ``ui.app.application``) covers
every such field and chart of every window, those of forms still to be written included: a
subclass or a helper each form has to call is one a new form forgets. Each field is given
``StrongFocus`` when it is first polished (Qt's ``WheelFocus`` would give it the focus on the
first turn of the wheel, and the value would change with it); a field the operator has
clicked or tabbed into still takes the wheel, unless the wheel is scrolling the pane: a
turn elsewhere less than ``PANE_LATCH_S`` before keeps it going to the pane when such a
field, clicked earlier, passes under the pointer.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QGraphicsView, QScrollArea, QWidget

# The fields whose value the wheel changes.
_GUARDED = (QComboBox, QAbstractSpinBox)
# How long after a turn of the wheel elsewhere the wheel still scrolls the pane (seconds):
# the notches of one roll come tens of milliseconds apart.
PANE_LATCH_S = 0.4


def _chart_in_scrolling_pane(watched: QObject) -> bool:
    """``watched`` is a chart (or its viewport) inside a scroll area that can scroll now."""
    if not isinstance(watched, QWidget):
        return False
    view = watched if isinstance(watched, QGraphicsView) else watched.parentWidget()
    if not isinstance(view, QGraphicsView):
        return False
    pane = view.parentWidget()
    while pane is not None and not isinstance(pane, QScrollArea):
        pane = pane.parentWidget()
    return (
        pane is not None
        and pane.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff  # a wall
        and pane.verticalScrollBar().maximum() > 0
    )


class WheelGuard(QObject):
    """The application's event filter; ``guard_wheel`` installs it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pane_until = 0.0  # until when the wheel goes on scrolling the pane

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            now = time.monotonic()
            if isinstance(watched, _GUARDED):
                passed_on = not watched.hasFocus() or now < self._pane_until
            else:
                assert isinstance(event, QWheelEvent)
                zoom = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                passed_on = not zoom and _chart_in_scrolling_pane(watched)
                # A widget that is not a field's own line edit (the window's QWindow sees
                # every wheel first: not that).
                if isinstance(watched, QWidget) and not isinstance(watched.parent(), _GUARDED):
                    self._pane_until = now + PANE_LATCH_S
            if passed_on:
                event.ignore()  # handed on to the parents: the scroll area scrolls
                return True
        elif (
            kind == QEvent.Type.Polish
            and isinstance(watched, _GUARDED)
            and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
        ):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def guard_wheel(app: QCoreApplication) -> WheelGuard:
    """Keep the wheel off unfocused fields in every window of ``app`` (once per application;
    a field already polished keeps its focus policy, so before the first window is built)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
