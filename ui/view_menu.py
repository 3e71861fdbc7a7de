"""The main window's "Tampilan" menu: reading everything again (F5), the operation's tabs,
the video wall, the night theme, the text size and the interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMessageBox

from ui import actions, screen_fit, settings, text_size
from ui.night import apply_night
from ui.operation_page import Tab
from ui.translations import translator

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.main_window import MainWindow

_tr = translator("MainWindow")  # the window's menus

# How long the status bar says the text size after a step.
STATUS_MS = 3000

TAB_ACTIONS = (
    (Tab.BOARD, "boardTabAction"),
    (Tab.STRENGTH, "strengthTabAction"),
    (Tab.STAGES, "stagesTabAction"),
    (Tab.INCIDENTS, "incidentsTabAction"),
    (Tab.READINESS, "readinessTabAction"),
    (Tab.MAP, "mapTabAction"),
    (Tab.WATCH, "watchTabAction"),
)


def install(window: MainWindow, lang: str) -> None:
    """Add "&Tampilan" to ``window``'s menu bar; ``lang`` is the language ``window`` shows
    (ticked under "&Bahasa"). The saved night choice is applied here."""
    menu = window.menuBar().addMenu(_tr("&Tampilan"))
    window.reload_action = actions.create(window, "reloadAction")
    window.reload_action.triggered.connect(window.reload)
    menu.addAction(window.reload_action)
    menu.addSeparator()
    window.tab_actions = []
    for tab, name in TAB_ACTIONS:
        action = actions.create(window, name)
        action.triggered.connect(lambda _c=False, t=tab: window.operation_page.show_tab(t))
        menu.addAction(action)
        window.tab_actions.append(action)
    menu.addSeparator()
    window.wall_action = actions.create(window, "wallAction")
    window.wall_action.triggered.connect(window.show_wall)
    menu.addAction(window.wall_action)
    window.night_action = actions.create(window, "nightAction", checkable=True)
    window.night_action.toggled.connect(lambda on: set_night(window, on))
    # The saved choice goes through set_night, which applies it and ticks the action
    # (ticking it before connecting showed night ticked over a day look).
    set_night(window, settings.NIGHT.get())
    menu.addAction(window.night_action)
    menu.addSeparator()
    window.larger_text_action = actions.create(window, "largerTextAction")
    window.larger_text_action.triggered.connect(lambda: step_text(window, text_size.larger))
    window.smaller_text_action = actions.create(window, "smallerTextAction")
    window.smaller_text_action.triggered.connect(lambda: step_text(window, text_size.smaller))
    window.text_size_reset_action = actions.create(window, "textSizeResetAction")
    window.text_size_reset_action.triggered.connect(
        lambda: step_text(window, lambda _now: text_size.DEFAULT)
    )
    for action in (
        window.larger_text_action,
        window.smaller_text_action,
        window.text_size_reset_action,
    ):
        menu.addAction(action)
    # The saved size (worn already when the start applied it; a new window's actions say so).
    set_text_size(window, settings.TEXT_SIZE.get())
    menu.addSeparator()
    language_menu = menu.addMenu(_tr("&Bahasa"))
    window.language_actions = {}
    group = QActionGroup(window)
    for code, label in (("id", "&Bahasa Indonesia"), ("en", "&English")):
        action = QAction(label, window, checkable=True)  # each in its own language
        action.setChecked(code == lang)
        action.triggered.connect(lambda _c=False, c=code: choose_language(window, c, lang))
        group.addAction(action)
        language_menu.addAction(action)
        window.language_actions[code] = action


def set_night(window: MainWindow, on: bool) -> None:
    """Night theme on or off: the look, the menu's tick and the saved setting together,
    whoever asks (the menu, Ctrl+Shift+N, the start)."""
    settings.NIGHT.set(on)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_night(app, on)
    if window.night_action.isChecked() != on:
        window.night_action.setChecked(on)  # comes back here with the same value: a no-op


def set_text_size(window: MainWindow, percent: int) -> int:
    """The text size step nearest ``percent`` as the operator's choice, saved, and worn in
    every window as far as ``window``'s screen has room for it (``text_size.worn``), with the
    actions (each disabled where it has no step left to go), whoever asks (the menu, its
    keys, the start); returns the step worn. A screen's limit is not saved: 140 % chosen at a
    1920 desk is worn at 110 % on a laptop and at 140 % again back at the desk."""
    app = QApplication.instance()
    settings.TEXT_SIZE.set(text_size.snap(percent))
    step = text_size.worn(percent, screen_fit.available(window).size())
    step = text_size.apply(app, step) if isinstance(app, QApplication) else step
    # Enabled below the last step even where this screen stops short of it: pressed there,
    # it says why the text grows no more (``step_text``).
    window.larger_text_action.setEnabled(step < text_size.STEPS[-1])
    window.smaller_text_action.setEnabled(step > text_size.STEPS[0])
    window.text_size_reset_action.setEnabled(step != text_size.DEFAULT)
    return step


def step_text(window: MainWindow, step: Callable[[int], int]) -> None:
    """One step of the text size from the one worn now (``text_size.larger``...), said for a
    moment in the status bar."""
    wanted = step(text_size.applied())
    shown = set_text_size(window, wanted)
    said = _tr("Ukuran teks: {percent}%").format(percent=shown)
    if wanted > shown:  # Ctrl++ at the largest step this screen has room for
        said = _tr("Ukuran teks: {percent}%, yang terbesar untuk layar ini").format(percent=shown)
    window.statusBar().showMessage(said, STATUS_MS)


def choose_language(window: MainWindow, code: str, shown: str) -> None:
    """Remember the interface language; every panel takes it at the next start (``shown``:
    the language the window shows now)."""
    settings.LANGUAGE.set(code)
    if code != shown:
        # Said in the language chosen, its title too (the walk: "Bahasa" over English).
        QMessageBox.information(
            window,
            *(
                (_tr("Bahasa"), _tr("Bahasa tampilan berganti saat OpsCenter dibuka kembali."))
                if code == "id"
                else ("Language", "The interface language changes when OpsCenter is next opened.")
            ),
        )
