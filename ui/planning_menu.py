"""The main window's "Perencanaan" menu.

Apart from ``ui.planning_window`` so that the planning window, and openpyxl behind
``opscenter.planning``, load when the menu is first used, not with the main window
(issue 3: start to board shown).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from opscenter.actor import Actor
from opscenter.store import Store
from ui import actions
from ui.translations import translator

_tr = translator("PlanningWindow")  # the planning window's strings


def install(window: QMainWindow, actor: Actor, *, store: Store) -> None:
    """Add "&Perencanaan" > "Kerawanan dan penebalan…" (Ctrl+R) and "Plotting pengamanan
    TPS…" (Ctrl+Shift+T) to ``window``'s menu bar; the windows they open show ``store`` and
    act as ``actor``, the account signed in to ``window``. Every role reads the plan; the
    window refuses in one sentence what the role may not change."""
    menu = window.menuBar().addMenu(_tr("&Perencanaan"))
    menu.setObjectName("planningMenu")
    action = actions.create(window, "openPlanning")
    action.triggered.connect(lambda: _open(window, store, actor))
    menu.addAction(action)
    plotting = actions.create(window, "openPlotting")
    plotting.triggered.connect(lambda: _open_plotting(window, store, actor))
    menu.addAction(plotting)


def _open(window: QMainWindow, store: Store, actor: Actor) -> None:
    from ui.live import ChangeFeed
    from ui.planning_window import open_planning

    feed = getattr(window, "feed", None)  # the main window's journal feed
    open_planning(window, store, actor, feed if isinstance(feed, ChangeFeed) else None)


def _open_plotting(window: QMainWindow, store: Store, actor: Actor) -> None:
    """Perencanaan > Plotting pengamanan TPS (Ctrl+Shift+T): every role reads it; only
    roles with plot.edit change it."""
    from ui.live import ChangeFeed
    from ui.plotting_window import open_plotting

    feed = getattr(window, "feed", None)
    open_plotting(window, store, actor, feed if isinstance(feed, ChangeFeed) else None)
