"""The night theme: worn at start as it was saved, with the menu's tick always saying so, and
no table cell left in a day colour (the "Baru" cream, a deficit's red, a level's colour) for
the night's light text to vanish on."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from opscenter.actor import Actor
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.roster.sheet_guess import scan
from opscenter.store import Store
from tests.ui.conftest import TinyOperation
from tests.ui.test_planning_panel import settled
from ui import night, settings, theme
from ui.exercise_banner import ExerciseBanner
from ui.import_models import UNCERTAIN_BACKGROUND, MappingModel, PreviewModel
from ui.incidents_model import NEW_BACKGROUND
from ui.main_window import MainWindow
from ui.operation_page import Tab
from ui.planning_window import PlanningWindow
from ui.plotting_window import PlottingWindow

VOTING_EVENING = datetime(2024, 11, 27, 13, 0, tzinfo=UTC)  # 20:00 WIB on voting day
ADMIN = Actor("admin.uji", role="admin")


@pytest.fixture(autouse=True)
def day_again(qapp: QApplication) -> Iterator[None]:
    """Whatever look a test switched the application to, the next one starts in the day
    theme (each test's saved settings are its own: tests/ui/conftest.py)."""
    yield
    night.apply_night(qapp, False)


def _wears_night(app: QApplication) -> bool:
    return night.is_night(app) and app.palette().color(QPalette.ColorRole.Base) == night.SURFACE


# -- the saved choice at start ------------------------------------------------------------------


def test_a_restart_wears_the_night_theme_it_saved(
    qapp: QApplication, make_window: Callable[[], MainWindow], tiny_operation: TinyOperation
) -> None:
    first = make_window()
    assert not first.night_action.isChecked() and not _wears_night(qapp)
    first.night_action.trigger()  # Tampilan > Tema malam (Ctrl+Shift+N)
    assert first.night_action.isChecked() and _wears_night(qapp)
    assert settings.NIGHT.get()
    first.close()
    night.apply_night(qapp, False)  # a new process starts in Qt's day look
    second = make_window()
    assert second.night_action.isChecked()
    assert _wears_night(qapp)  # it was ticked but day before: the tick was set, not applied


def test_a_restart_after_night_was_switched_off_is_day(
    qapp: QApplication, make_window: Callable[[], MainWindow], tiny_operation: TinyOperation
) -> None:
    settings.NIGHT.set(True)  # the last shift left it on
    first = make_window()
    assert first.night_action.isChecked() and _wears_night(qapp)
    first.night_action.trigger()  # the morning shift switches it off
    assert not first.night_action.isChecked() and not _wears_night(qapp)
    assert not settings.NIGHT.get()
    first.close()
    second = make_window()
    assert not second.night_action.isChecked() and not _wears_night(qapp)


def test_a_new_window_follows_the_setting_not_the_look_it_finds(
    qapp: QApplication, make_window: Callable[[], MainWindow]
) -> None:
    """One source of truth: the saved choice decides both the tick and the look, even when
    the application already wears the other theme."""
    night.apply_night(qapp, True)
    window = make_window()
    assert not window.night_action.isChecked() and not _wears_night(qapp)
    settings.NIGHT.set(True)
    night.apply_night(qapp, False)
    window = make_window()
    assert window.night_action.isChecked() and _wears_night(qapp)


# -- every highlighted cell at night ------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    where: str
    background: QColor | None
    text: QColor | None


def _colour(value: object) -> QColor | None:
    if isinstance(value, QBrush):
        return None if value.style() == Qt.BrushStyle.NoBrush else value.color()
    return value if isinstance(value, QColor) else None


def _cells(name: str, model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[Cell]:
    parent = parent or QModelIndex()
    out: list[Cell] = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            background = _colour(index.data(Qt.ItemDataRole.BackgroundRole))
            text = _colour(index.data(Qt.ItemDataRole.ForegroundRole))
            if background is not None or text is not None:
                out.append(Cell(f"{name}[{row},{column}] {index.data()!r}", background, text))
        first = model.index(row, 0, parent)
        if model.rowCount(first) > 0:
            out.extend(_cells(name, model, first))
    return out


def _every_cell(widgets: list[QWidget], models: dict[str, QAbstractItemModel]) -> list[Cell]:
    out: list[Cell] = []
    for widget in widgets:
        for view in widget.findChildren(QAbstractItemView):
            model = view.model()
            if model is not None:
                out.extend(_cells(f"{type(model).__name__}@{view.objectName()}", model))
    for name, model in models.items():
        out.extend(_cells(name, model))
    return out


def _import_models(store: Store, tmp_path: Path) -> dict[str, QAbstractItemModel]:
    """The import wizard's models with a column "perlu dicek" and a rejected row."""
    path = tmp_path / "roster.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NO", "NAMA LENGKAP", "PANGKAT / NRP", "KESATUAN", "HP"])
    ws.append([1, "Andi Saputra", "BRIPDA / 75030001", "Polres Kerinci", "0812 1111 2222"])
    ws.append([2, "Cici", "BRIPDA 123", "Polres Entah", ""])
    wb.save(path)
    layout = scan(path, "personnel").layout
    layout.uncertain = {"phone", "unit"}
    mapping = MappingModel()
    mapping.set_layout("personnel", layout, 5)
    preview = PreviewModel()
    preview.set_preview(prepare(store, path, Options(kind="personnel")))
    return {"MappingModel": mapping, "PreviewModel": preview}


def _swatches(text: str) -> list[tuple[QColor, QColor]]:
    """(background, text colour) of each swatch in rich text or a style sheet."""
    colour = r"(#[0-9a-fA-F]{6}|rgb\(\d+, \d+, \d+\)|[a-z]+)"
    found = re.findall(rf"background:\s*{colour};\s*color:\s*{colour}", text)
    assert found, text
    return [(_parse(back), _parse(ink)) for back, ink in found]


def _parse(css: str) -> QColor:
    if css.startswith("rgb("):
        r, g, b = (int(n) for n in css[4:-1].split(","))
        return QColor(r, g, b)
    return QColor(css)


def test_no_cell_keeps_a_day_colour_at_night(
    qtbot: QtBot, qapp: QApplication, jambi: Store, tmp_path: Path
) -> None:
    window = MainWindow(jambi, actor=ADMIN, clock=lambda: VOTING_EVENING)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None and window.overview.strength_loaded)
    for tab in Tab:
        window.operation_page.show_tab(tab)
    panel = window.operation_page.incidents
    qtbot.waitUntil(lambda: panel is not None and not panel.loading)
    planning = PlanningWindow(jambi, actor=ADMIN, stage_code="pemungutan")
    qtbot.addWidget(planning)
    planning.show()
    settled(qtbot, planning)
    # The plotting window: its posts still short are alert cells (the third walk found them
    # day-pink at night).
    plotting = PlottingWindow(jambi, actor=ADMIN)
    qtbot.addWidget(plotting)
    plotting.show()
    qtbot.waitUntil(lambda: not plotting.busy() and plotting.posts.rowCount() > 0)
    models = _import_models(jambi, tmp_path)
    assert panel is not None
    panel.view.selectRow(0)  # the detail shows an incident, with its severity's swatch
    qtbot.waitUntil(lambda: panel.detail.incident is not None)
    widgets: list[QWidget] = [window, planning, plotting]

    day = _every_cell(widgets, models)
    day_backgrounds = {c.background.name() for c in day if c.background is not None}
    # The states this test is about are all on screen: "Baru" incidents, a column to check,
    # a deficit, a severity's, a unit status's and a vulnerability level's colour.
    assert NEW_BACKGROUND.name() in day_backgrounds
    assert UNCERTAIN_BACKGROUND.name() in day_backgrounds
    assert theme.DEFICIT.name() in day_backgrounds
    assert len(day_backgrounds) >= 8, day_backgrounds

    window.night_action.trigger()
    assert _wears_night(qapp)
    cells = _every_cell(widgets, models)
    assert len(cells) == len(day)
    surface = night.SURFACE
    problems: dict[str, str] = {}  # what is wrong -> the first cell where it is
    for c in cells:
        if c.background is not None:
            on_text = theme.contrast(c.background, night.TEXT)
            if on_text < theme.TEXT_CONTRAST:
                problems.setdefault(
                    f"{c.background.name()} {on_text:.1f}:1 under night text", c.where
                )
            if theme.contrast(c.background, theme.INK) >= theme.TEXT_CONTRAST:
                problems.setdefault(f"{c.background.name()} is a day colour", c.where)
        if c.text is not None:
            under = c.background or surface
            ratio = theme.contrast(c.text, under)
            if ratio < theme.TEXT_CONTRAST:
                problems.setdefault(
                    f"text {c.text.name()} on {under.name()} {ratio:.1f}:1", c.where
                )
    # The swatches outside the tables: the incident detail's severity, the stages legend,
    # the planning heat map's legend.
    stages = window.operation_page.stages
    assert stages is not None
    legend = stages.ratings_box.legend
    chips = [w.styleSheet() for i in range(legend.count()) if (w := legend.itemAt(i).widget())]
    assert chips
    swatches = [
        ("incident detail", panel.detail.badges.text()),
        ("planning legend", planning.legend.text()),
        *(("stages legend", sheet) for sheet in chips),
    ]
    for where, text in swatches:
        for back, ink in _swatches(text):
            ratio = theme.contrast(back, ink)
            if ratio < theme.TEXT_CONTRAST or theme.contrast(back, theme.INK) >= 4.5:
                problems.setdefault(f"{ink.name()} on {back.name()} {ratio:.1f}:1", where)
    assert not problems, "\n".join(f"{what} ({where})" for what, where in problems.items())

    window.night_action.trigger()  # and back: the day colours return, all of them
    assert _every_cell(widgets, models) == day


def test_the_exercise_banner_stays_black_on_amber_at_night(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """Deliberately the same in both themes; the night's light label colour must not reach
    its text (the night appends a rule for every QLabel to style sheets)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.setStyleSheet(f"QWidget {{ color: {theme.INK.name()}; }}")
    banner = ExerciseBanner(holder)
    banner.show()
    holder.show()
    night.apply_night(qapp, True)
    image = banner.grab().toImage()
    pixels = Counter(
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    (back, _), (ink, _) = pixels.most_common(2)
    assert (back, ink) == ("#ffb300", "#000000")
    assert theme.contrast(QColor(back), QColor(ink)) >= 11


class _Doomed(QWidget):
    """A styled window whose first restyle deletes every other one, as a garbage collection
    freeing a parentless window (and its menus) may do in the middle of the theme's walk."""

    def __init__(self, doomed: list[QWidget], deleted: list[int]) -> None:
        super().__init__()
        self.doomed, self.deleted = doomed, deleted
        self.setStyleSheet("QWidget { color: #202020; }")
        self.ensurePolished()  # Qt sends a style change only to a polished widget

    def changeEvent(self, event: QEvent) -> None:
        armed = len(self.doomed) == 3  # not while the three are being made
        if armed and event.type() == QEvent.Type.StyleChange and not self.deleted:
            for other in self.doomed:
                if other is not self:
                    shiboken6.delete(other)
                    self.deleted.append(1)
        super().changeEvent(event)


@pytest.mark.parametrize("on", [True, False])
def test_a_window_deleted_during_the_switch_is_passed_over(
    qtbot: QtBot, qapp: QApplication, on: bool
) -> None:
    """CI once failed with "Internal C++ object (QMenu) already deleted" in the night-off walk:
    the list of widgets is taken before the walk, and a widget in it may be gone by its turn.
    Whichever of these windows is restyled first deletes the others, which come later."""
    if not on:
        night.apply_night(qapp, True)
    doomed: list[QWidget] = []
    deleted: list[int] = []
    doomed.extend(_Doomed(doomed, deleted) for _ in range(3))
    try:
        night.apply_night(qapp, on)  # must not raise
        assert len(deleted) == 2  # the walk restyled one of them, which deleted the other two
    finally:
        night.apply_night(qapp, False)
        for w in doomed:
            if shiboken6.isValid(w):
                shiboken6.delete(w)


# -- check boxes and radio buttons at night -----------------------------------------------------


def _indicators(qtbot: QtBot) -> tuple[QWidget, list[QAbstractButton]]:
    """A radio button and a check box, each unchecked and checked, as a form shows them."""
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    buttons: list[QAbstractButton] = []
    for kind, text in ((QRadioButton, "Rawan"), (QCheckBox, "Tampilkan semua")):
        for checked in (False, True):
            button = kind(text, holder)
            button.setAutoExclusive(False)
            button.setChecked(checked)
            column.addWidget(button)
            buttons.append(button)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, buttons


def _indicator_pixels(button: QAbstractButton) -> tuple[QRect, QImage]:
    """Where the button's indicator is, and the button as drawn."""
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(button, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    return button.style().subElementRect(element, option, button), button.grab().toImage()


def _strongest(image: QImage, area: QRect, against: QColor) -> float:
    """The contrast of the pixel in ``area`` that stands out most from ``against``."""
    return max(
        theme.contrast(image.pixelColor(x, y), against)
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    )


@pytest.mark.usefixtures("app_look")
def test_radio_buttons_and_check_boxes_show_at_night(qtbot: QtBot, qapp: QApplication) -> None:
    """Fusion draws an indicator's outline a shade darker than the window: at night that was
    #0c1013 on #10151b (1.05:1), and a tester could not see the radio buttons. The outline
    must stand out from the window, and the dot or tick from the indicator's fill, by WCAG's
    3:1 for controls at least."""
    night.apply_night(qapp, True)
    _holder, buttons = _indicators(qtbot)
    for button in buttons:
        area, image = _indicator_pixels(button)
        name = f"{type(button).__name__} checked={button.isChecked()}"
        assert _strongest(image, area, night.BACKGROUND) >= 3.0, f"{name}: outline"
        if button.isChecked():
            middle = area.adjusted(area.width() // 3, area.height() // 3, 0, 0)
            middle.setSize(area.size() / 3)
            fill = image.pixelColor(area.left() + 3, area.center().y())
            assert _strongest(image, middle, fill) >= 3.0, f"{name}: mark"


@pytest.mark.usefixtures("app_look")
def test_radio_buttons_and_check_boxes_keep_fusion_by_day(qtbot: QtBot) -> None:
    """By day the indicators are Fusion's own, pixel for pixel."""
    _holder, buttons = _indicators(qtbot)
    fusion = QStyleFactory.create("Fusion")
    for button in buttons:
        ours = button.grab().toImage()
        button.setStyle(fusion)
        assert button.grab().toImage() == ours, type(button).__name__
