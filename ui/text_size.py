"""The text size the operator chose (Tampilan > Perbesar teks, Perkecil teks, Ukuran teks
semula): a step of the application's base type, applied to every open window at once.

The application's font at the first step away from 100 % is the base (``theme.apply_look``
makes it 12 pt). A step sets the application font to the base times the step, and widgets
that inherit it follow by themselves. Panels that give a widget a size of its own (a title
at 1.3 times the base, a list at 1.1: ``theme.scaled_font``) hold an absolute size that the
application font no longer reaches, and so do widgets under a style sheet (Qt's style sheet
style keeps the font they were polished with). So every open widget whose size did not
move is multiplied by the same ratio as well, parents first. A
widget built later takes its size from its parent or the application font, already at the
step.

What was measured from the type (row heights, column widths) is measured again on the
widget's ``FontChange``: ``follow_font``.

A window that sizes its type itself (the video wall, from its screen and across the room)
sets the property ``FIXED_TYPE`` and is left alone.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

# Percent of the base type: smaller for a wide screen full of panels, larger for tired eyes
# or a laptop read from a step away. 140 % of 12 pt is about 17 pt; at 160 % a 1366x768
# laptop had no height left for the board under the header and the summary (its column
# headers were cut), so the steps stop at 140 %.
STEPS = (80, 90, 100, 110, 125, 140)
DEFAULT = 100

# The largest step a screen has room for (its available area, task bar left out): past it
# the board kept fewer than six rows under the header and the summary, or the window grew
# wider than the screen (measured on the Jambi demo: at 1366x728, 110 % leaves the board 8
# rows and 125 % 4.7; 140 % asks for 1.381 px; at 1600x860, 140 % leaves 7 rows).
ROOM_FOR = ((QSize(1600, 860), 140), (QSize(1366, 700), 110))


def largest_step(room: QSize) -> int:
    """The largest step for a screen whose available area is ``room``: 140 % where it is at
    least 1600x860, 110 % from 1366x700, else 100 % (the window's own size never shrinks
    below its default type)."""
    return next(
        (
            step
            for least, step in ROOM_FOR
            if room.width() >= least.width() and room.height() >= least.height()
        ),
        DEFAULT,
    )


def worn(percent: int, room: QSize) -> int:
    """The step worn for the saved choice ``percent`` on a screen whose available area is
    ``room``: the nearest step, no larger than the screen has room for. The choice itself is
    kept as it was: the same settings at a wider desk wear it whole."""
    return min(snap(percent), largest_step(room))


# A window property: True where the window sizes its own type (the wall).
FIXED_TYPE = "fixedTypeSize"
# The application's dynamic properties: the step applied now, and the font at 100 %.
_APPLIED = "opscenterTextSize"
_BASE = "opscenterTextBase"


def snap(percent: int) -> int:
    """The step nearest ``percent`` (a saved value edited by hand, an older list of steps)."""
    return min(STEPS, key=lambda step: (abs(step - percent), step))


def larger(percent: int) -> int:
    """The next step up (the largest stays)."""
    return next((step for step in STEPS if step > percent), STEPS[-1])


def smaller(percent: int) -> int:
    """The next step down (the smallest stays)."""
    return next((step for step in reversed(STEPS) if step < percent), STEPS[0])


def applied(app: QApplication | None = None) -> int:
    """The step the application (the running one when None) wears now."""
    app = app if app is not None else _running()
    value = app.property(_APPLIED) if app is not None else None
    return int(value) if isinstance(value, int) else DEFAULT


def _running() -> QApplication | None:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else None


def at_base(font: QFont, app: QApplication) -> QFont:
    """``font`` as it would be at 100 % (the wall sizes its type from there)."""
    return _resized(font, _size(font) * DEFAULT / applied(app))


def apply(app: QApplication, percent: int) -> int:
    """Wear the step nearest ``percent`` in every window; returns that step. Idempotent."""
    percent = snap(percent)
    now = applied(app)
    if percent == now:
        return percent
    base = app.property(_BASE)
    if not isinstance(base, QFont):
        base = QFont(app.font())  # never scaled yet: the application's own size is 100 %
    ratio = percent / now
    # Parents before children: a child that inherits has followed its parent by the time it
    # is looked at, and keeps inheriting.
    widgets = sorted(
        ((w, _size(w.font())) for w in QApplication.allWidgets() if not _fixed(w)),
        key=lambda pair: _depth(pair[0]),
    )
    # Said before the fonts change: what a widget does at its FontChange may ask. Back at
    # 100 % the base is forgotten: whoever sets the application's look next (a new start, a
    # test) sets the base anew.
    app.setProperty(_APPLIED, None if percent == DEFAULT else percent)
    app.setProperty(_BASE, None if percent == DEFAULT else base)
    app.setFont(_resized(base, _size(base) * percent / DEFAULT))
    for widget, before in widgets:
        # Only a widget whose size did not move: one that followed its parent is there, and
        # one that a panel sized anew at its FontChange (a header going compact) is the
        # panel's.
        if shiboken6.isValid(widget) and before > 0 and abs(_size(widget.font()) - before) < 0.01:
            widget.setFont(_resized(widget.font(), before * ratio))
    return percent


def _size(font: QFont) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())


def _resized(font: QFont, size: float) -> QFont:
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(1.0, size))
    else:
        font.setPixelSize(max(1, round(size)))
    return font


def _fixed(widget: QWidget) -> bool:
    return bool(widget.window().property(FIXED_TYPE))


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


class _FontFollower(QObject):
    """Calls ``fit`` whenever the watched widget's font changes."""

    def __init__(self, widget: QWidget, fit: Callable[[], None]) -> None:
        super().__init__(widget)
        self._fit = fit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._fit()
        return False


def follow_font(widget: QWidget, fit: Callable[[], None], *, now: bool = True) -> None:
    """``fit`` now (unless ``now`` is False: the caller fits once it is built) and again
    whenever ``widget``'s font changes (a text size step, the wall's type): for what a panel
    measured from its type, such as row heights and column widths."""
    if now:
        fit()
    widget.installEventFilter(_FontFollower(widget, fit))
