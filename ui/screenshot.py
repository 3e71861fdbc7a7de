"""One-shot renders of a window to PNG, for documentation and visual checks.

The caller sets ``QT_QPA_PLATFORM=offscreen`` where there is no display.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)

from opscenter.model import utcnow
from opscenter.store import Store
from ui.app import application
from ui.main_window import MainWindow

VIEWS = ("main",)
log = logging.getLogger(__name__)
# The offscreen platform cannot pass size hints to a window manager it does not have.
_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


def _quiet_offscreen(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message in _OFFSCREEN_NOISE:
        return
    level = (
        logging.DEBUG if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) else logging.WARNING
    )
    log.log(level, "Qt: %s", message)


def render(
    store: Store,
    out: Path,
    *,
    size: tuple[int, int] = (1920, 1080),
    view: str = "main",
    now: datetime | None = None,
    lang: str = "id",
) -> Path:
    """Render ``view`` at ``size`` to the PNG ``out``; ``now`` freezes the clock shown."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; known: {', '.join(VIEWS)}")
    app = application(lang)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    previous = qInstallMessageHandler(_quiet_offscreen)
    window = MainWindow(store, lang=lang, clock=(lambda: now) if now else utcnow)
    try:
        # Laid out and painted as if shown, without ever appearing on a real screen.
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.resize(*size)
        window.show()
        # Acceptable here only: a one-shot render lets pending layout events run, no waiting.
        for _ in range(3):
            app.processEvents()
        if not window.grab().save(str(out), "PNG"):
            raise OSError(f"could not write {out}")
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qInstallMessageHandler(previous)
    return out
