"""One-shot renders of a window to PNG, for documentation and visual checks.

The caller sets ``QT_QPA_PLATFORM=offscreen`` where there is no display.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QWidget

from opscenter.actor import Actor
from opscenter.clock import now as operation_now
from opscenter.store import Store
from ui.app import application, install_translators
from ui.main_window import MainWindow
from ui.night import apply_night
from ui.operation_page import Tab
from ui.wall_board import WallBoard, build_wall

# main: the window as it opens; board/stages/incidents/readiness/map/watch: that tab; wall:
# the video wall (night theme, tiled or cycling as set), as the command room's screens show
# it; wall-map: the wall's map page alone.
VIEWS = ("main", "board", "stages", "incidents", "readiness", "map", "watch", "wall", "wall-map")
# A picture is drawn, nothing is done: no one signs in, and a commander's window reads all.
SCREENSHOT_ACTOR = Actor("tangkapan-layar", role="commander")
TABS = {
    "board": Tab.BOARD,
    "stages": Tab.STAGES,
    "incidents": Tab.INCIDENTS,
    "readiness": Tab.READINESS,
    "map": Tab.MAP,
    "watch": Tab.WATCH,
}
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


def _busy(main: MainWindow, wall: WallBoard | None) -> bool:
    """Figures still computed in the background, or the map's first read not drawn yet (the
    map is not part of ``MainWindow.busy``: a window opens without waiting for it)."""
    shown_map = main.operation_page.map
    watch = main.operation_page.watch
    return (
        main.busy()
        or (shown_map is not None and not shown_map.loaded())
        or (watch is not None and (watch.busy() or watch.watch is None))
        or (wall is not None and wall.busy())
    )


def _settle(busy: Callable[[], bool]) -> None:
    """Run the event loop until ``busy`` says the background work is done."""
    settle = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(lambda: None if busy() else settle.quit())
    poll.start()
    settle.exec()
    poll.stop()


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
    if lang != "id" and not getattr(app, "_opscenter_translated", False):
        # Once per process (Indonesian is the source language); this also records the
        # language the panels read their reference names in (``interface_language``).
        install_translators(app, lang)
        app._opscenter_translated = True  # type: ignore[attr-defined]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    previous = qInstallMessageHandler(_quiet_offscreen)
    clock = (lambda: now) if now else operation_now
    main = MainWindow(store, actor=SCREENSHOT_ACTOR, lang=lang, clock=clock)
    main.hint_bar.hide()  # a picture of the operation, not of someone's first run
    window: QWidget = main
    wall: WallBoard | None = None
    if view in TABS:
        main.operation_page.show_tab(TABS[view])
    elif view in ("wall", "wall-map") and main.overview is not None:
        wall = build_wall(store, main.overview, clock=clock)
        main.attach_wall(wall)
        if view == "wall-map":
            wall.set_mode("cycle")
            wall.show_panel(wall.map)
        apply_night(wall, True)
        window = wall
    try:
        # Laid out and painted as if shown, without ever appearing on a real screen.
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.resize(*size)
        window.show()
        # The figures computed in the background first (a second at national scale).
        _settle(lambda: _busy(main, wall))
        # The board's readiness column reads after the board's first paint (so as not to slow
        # it): a paint, then that read (the README's board showed the column empty).
        board = main.operation_page.board if view in TABS else None
        if board is not None and board.isVisible():
            window.grab()
            _settle(lambda: board.readiness_column.busy() or _busy(main, wall))
        # A panel's first layout, before its data, may have asked for more room than it needs
        # with it, and the window grew: its minimum measured again, then the size asked for.
        layout = window.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()
        window.resize(*size)
        # Acceptable here only: a one-shot render lets pending layout events run, no waiting.
        for _ in range(3):
            app.processEvents()
        if not window.grab().save(str(out), "PNG"):
            raise OSError(f"could not write {out}")
    finally:
        for shown in {window, main}:
            shown.close()
            shown.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qInstallMessageHandler(previous)
    return out
