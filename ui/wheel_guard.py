"""The mouse wheel never changes a field the operator is not in: over a combo box, a spin
box or a date field (``QAbstractSpinBox``) without the keyboard focus, it scrolls the pane
that holds the field instead. Rolling the wheel down the incident detail pane once turned
its "lalu status" box, passing under the pointer, from "(tetap)" to "Selesai", and the next
follow-up closed the incident.

One filter on the application (``guard_wheel``, installed by ``ui.app.application``) covers
every such field of every window, those of forms still to be written included: a subclass
or a helper each form has to call is one a new form forgets. Each field is given
``StrongFocus`` when it is first polished (Qt's ``WheelFocus`` would give it the focus on the
first turn of the wheel, and the value would change with it); a field the operator has
clicked or tabbed into still takes the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

# The fields whose value the wheel changes.
_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """The application's event filter; ``guard_wheel`` installs it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, _GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()  # handed on to the parents: the scroll area scrolls
            return True
        return False


def guard_wheel(app: QCoreApplication) -> WheelGuard:
    """Keep the wheel off unfocused fields in every window of ``app`` (once per application;
    a field already polished keeps its focus policy, so before the first window is built)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
