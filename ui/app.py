"""Starting the desktop application on an open store."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from opscenter.actor import Actor
from opscenter.private_files import log_handler
from opscenter.store import Store
from ui import settings, text_size, theme, worker
from ui.error_dialog import GuiExceptHook
from ui.login_dialog import ask_login
from ui.main_window import PREFERRED_SIZE, MainWindow
from ui.screen_fit import show_as_left
from ui.translations import set_interface_language
from ui.wheel_guard import guard_wheel

log = logging.getLogger(__name__)

APP_NAME = "OpsCenter"
# Our own .qm files (Indonesian is the source language, so none is needed for "id"), and
# qtbase_id, Qt's own strings in Indonesian, which Qt does not ship.
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"


def application(lang: str = "id") -> QApplication:
    """The running QApplication, or a new one named and styled for OpsCenter, its wheel kept
    off the fields the operator is not in (``ui.wheel_guard``)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    # Qt's own file dialogs, not the desktop's: they speak the interface's language
    # (qtbase_id) on every desktop, where a GTK or Windows dialog follows the system's.
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    # No applicationDisplayName: Qt would append it to every title ("… — OpsCenter").
    QLocale.setDefault(QLocale(lang))
    theme.apply_look(app)
    guard_wheel(app)  # the wheel scrolls past fields the operator is not in
    return app


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Qt's own strings (qtbase_<lang>) and ours (opscenter_<lang>), where they exist, and
    ``lang`` recorded as the process's language (``interface_language``), which the panels
    use for the names they read from the database.

    Qt's wheel ships no qtbase_id: ours (resources/translations/qtbase_id.ts, the buttons,
    wizard and file dialog strings the windows show) stands in where Qt's is missing.
    The translators are parented to ``app`` so they live as long as it does.
    """
    set_interface_language(app, lang)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(TRANSLATIONS_DIR)
    wanted: list[tuple[str, tuple[str, ...]]] = [(f"qtbase_{lang}", (qt_dir, ours))]
    if lang != "id":  # Indonesian is our source language: there is no opscenter_id
        wanted.append((f"opscenter_{lang}", (ours,)))
    for name, folders in wanted:
        translator = QTranslator(app)
        found = next((f for f in folders if translator.load(name, f)), None)
        if found is not None:
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("no translation %s in %s", name, " or ".join(folders))
            translator.deleteLater()
    return installed


def _log_to_file() -> Path | None:
    """A log file for a GUI started without a console, unless logging is set up already."""
    root = logging.getLogger()
    if root.handlers:
        return None
    folder = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    handler: logging.Handler
    try:
        handler = log_handler(folder / "opscenter.log")  # 0600 in a 0700 folder
    except OSError:  # a read-only profile: stderr is better than nothing
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return folder / "opscenter.log"


def settle_heap() -> None:
    """Take what is alive after start-up out of the cyclic garbage collector's sight.

    Start-up leaves a large heap that lives as long as the window (Qt wrappers, SQLAlchemy's
    mappers, the board's rows). Each full collection walks all of it while holding the GIL --
    about 80 ms at national scale, a stall of the GUI thread even when a worker thread
    triggers it (bench/board.py). Frozen, they are skipped; what is allocated later is
    still collected as before. Called once, after the main window is built.
    """
    gc.freeze()


# How long a thread running Python may keep the GIL while another waits for it (Python's
# default: 5 ms). Each call from Qt into the models' Python code -- hundreds per repaint --
# takes the GIL anew; with a worker thread computing figures, each waited up to 5 ms, and a
# 10 ms slice of a burst took 60 ms (bench/board.py). 1 ms bounds that wait; the workers,
# mostly in SQLite (which releases the GIL), lose next to nothing.
GIL_SWITCH_S = 0.001


def settle_heap_when_loaded(window: MainWindow) -> None:
    """``settle_heap`` again once the window's first background work (the board's figures,
    the overview's strength) has landed: that is start-up data too, tens of thousands of
    objects at national scale."""
    timer = QTimer(window)
    timer.setInterval(200)

    def check() -> None:
        if not window.busy():
            timer.stop()
            timer.deleteLater()
            settle_heap()

    timer.timeout.connect(check)
    timer.start()


# The longest the first jobs wait for the window's first paint: a window mapped where it is
# never exposed (another workspace, no compositor) gets no paint, and a held write or
# scheduled report must not wait for one.
FIRST_PAINT_WAIT_MS = 3000


class _JobsAfterFirstPaint(QObject):
    """Starts the jobs held while the window was built (``ui.worker.hold_jobs``) once the
    window it watches is first painted: the board's rows are on the screen before its
    figures and the strength are computed, not after (issue 3: start to board shown). Also
    once it is hidden unpainted (minimised at once, closed), or after
    ``FIRST_PAINT_WAIT_MS`` at the latest: nothing waits for a paint that may not come."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Paint, QEvent.Type.Hide):
            watched.removeEventFilter(self)
            # After the rest of this paint (the board's rows), not in the middle of it.
            QTimer.singleShot(0, worker.release_jobs)
            self.deleteLater()
        return False


def open_window(
    store: Store, *, lang: str | None = None, actor: Actor | None = None
) -> MainWindow | None:
    """Log in, build and show the main window on ``store``; None when the login was cancelled.

    Everything ``run`` does before the event loop, and only that, so a benchmark can time
    the real start-up (bench/board.py).
    """
    window, _restore = _open(store, lang, actor)
    return window


def _open(
    store: Store, lang: str | None, actor: Actor | None = None
) -> tuple[MainWindow | None, Callable[[], None]]:
    log_file = _log_to_file()
    sys.setswitchinterval(GIL_SWITCH_S)
    app = application(lang or "id")
    lang = lang or settings.LANGUAGE.get()
    if lang not in ("id", "en"):
        lang = "id"
    QLocale.setDefault(QLocale(lang))
    install_translators(app, lang)
    # The text size chosen last, before the login and the window are built: they are laid
    # out once, in that size, as far as the screen has room for it (the window's View menu
    # applies it for the screen the window opens on: the same, then a no-op).
    room = QGuiApplication.primaryScreen().availableGeometry().size()
    text_size.apply(app, text_size.worn(settings.TEXT_SIZE.get(), room))
    restore_hook = GuiExceptHook(lang).install()
    if log_file is not None:
        log.info("OpsCenter started; log at %s", log_file)
    if actor is None:  # open-demo passes the demo's admin, signed in already
        actor = ask_login(store, lang=lang)  # the local user where no login is needed
    if actor is None:  # Batal at the login: nothing to show
        restore_hook()
        return None, restore_hook
    worker.hold_jobs()
    try:
        window = MainWindow(store, lang=lang, actor=actor)
        window.installEventFilter(_JobsAfterFirstPaint(window))
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, worker.release_jobs)  # at the latest
        # Where it was last closed; the first time maximised where 1600x900 does not fit.
        show_as_left(window, settings.MAIN_WINDOW_GEOMETRY, PREFERRED_SIZE)
    except BaseException:
        worker.release_jobs()
        raise
    settle_heap()
    settle_heap_when_loaded(window)
    return window, restore_hook


def run(store: Store, *, lang: str | None = None, actor: Actor | None = None) -> int:
    """Show the main window on ``store`` and run until it closes; returns the exit code.

    ``lang`` (from ``--lang``) wins over the language chosen in the window's settings;
    ``actor``, already signed in, skips the login.
    """
    window, restore_hook = _open(store, lang, actor)
    if window is None:
        return 0
    # The map's regions, once built, are left out of the collector's full scans.
    from ui import map_view

    map_view.FREEZE_AFTER_BUILD = True
    app = QApplication.instance()
    assert app is not None
    try:
        return app.exec()
    finally:
        # The window's timers and feed must not outlive the loop (nor the store after it).
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        restore_hook()
