"""Fixtures for the desktop front end: offscreen Qt, strict about Qt warnings, a tiny operation.

The tiny operation is built through the core, as a user's actions would build it:

    Polda Jambi (3 personnel)
    ├── Polres Kerinci: 16 TPS "kurang rawan" (2-8-16 -> 4 police), 6 personnel  -> +2
    └── Polres Bungo:   4 TPS "sangat rawan" (2-1-2 -> 8 police)
                        + 2 TPS "rawan" (2-2-4 -> 2 police),      4 personnel  -> -6
"""

from __future__ import annotations

import os
import shutil

# Before anything starts Qt: no display is needed (or touched) by these tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QMessageLogContext,
    QModelIndex,
    QSettings,
    QStandardPaths,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from opscenter.actor import Actor
from opscenter.demo import load_demo
from opscenter.drafts import ENV_VAR
from opscenter.model import Personnel as PersonnelRow
from opscenter.model import PollingStation, Rank, Region, TpsCategory, Unit
from opscenter.operations import OperationSpec, new_operation
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from ui import theme
from ui.main_window import MainWindow

# Real settings and data folders are never touched by a test.
QStandardPaths.setTestModeEnabled(True)

# Qt messages that say nothing about our code. Each entry needs its reason.
HARMLESS_QT_MESSAGES = (
    # The offscreen platform has no window manager to pass size hints to.
    "This plugin does not support propagateSizeHints()",
    # Nor can it grab the keyboard for a popup (a completer's list) or raise one.
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support raise()",
)
FAILING_QT_MESSAGES = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)

# 03:10 WIB on Sunday 24 November 2024: the quiet period, three days before voting (H-3).
NIGHT_BEFORE = datetime(2024, 11, 23, 20, 10, tzinfo=UTC)
OPERATION_NAME = "Operasi Mantap Praja Jambi 2024"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A test that failed with a form still holding typed text left it open: pytest-qt's
    teardown closes the windows and the form's close question (``ui.unsaved.ask``) then
    waited for an answer for ever, hanging the whole run instead of reporting the failure.
    While the windows close, such a question is answered "Buang" (discard)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton

    from ui.unsaved import BOX_NAME, DISCARD_NAME

    def discard() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == BOX_NAME:
            button = box.findChild(QAbstractButton, DISCARD_NAME)
            if button is not None:
                button.click()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(discard)
    timer.start()
    try:
        return (yield)
    finally:
        timer.stop()


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qapp: QApplication) -> Iterator[None]:
    """Any Qt warning, critical or fatal message fails the test that caused it."""
    seen: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in FAILING_QT_MESSAGES and not any(h in message for h in HARMLESS_QT_MESSAGES):
            where = f" ({context.file}:{context.line})" if context.file else ""
            seen.append(f"{kind.name}: {message}{where}")
        if previous is not None:  # pytest-qt's capture, for its report
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
    if seen:
        pytest.fail("Qt warned during the test:\n" + "\n".join(seen), pytrace=False)


@pytest.fixture(autouse=True)
def same_look_after(qapp: QApplication) -> Iterator[None]:
    """A test that leaves the application's type or style changed fails, and the test
    application's own are put back: the next test would otherwise lay out in another size
    (a timeline's lanes measured in 12 pt after a screenshot set the users' look)."""
    font, style = QFont(qapp.font()), qapp.style().name()
    yield
    same = {"font": qapp.font() == font, "style": qapp.style().name() == style}
    left = [what for what, kept in same.items() if not kept]
    if left:
        qapp.setFont(font)
        qapp.setStyle(style)
        pytest.fail(
            f"the test left the application's {' and '.join(left)} changed: use the "
            "app_look fixture for the users' look",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path) -> Path:
    """Each test starts from no saved settings, in a folder nobody else writes.

    Test mode alone keeps one file (~/.qttest) for every test, every run and every process on
    the machine: a choice saved by one (the night theme left on by a run that was stopped, or
    another suite running beside this one) reached a test that assumed the default."""
    folder = tmp_path / "settings"
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def drafts_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps incident drafts in its own folder: none is offered to another test."""
    folder = tmp_path / "drafts"
    monkeypatch.setenv(ENV_VAR, str(folder))
    return folder


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """The process set up as the window sets it up in Indonesian, Qt's own words too (Batal,
    < Kembali); undone after the test."""
    from ui.app import install_translators
    from ui.translations import compile_all, interface_language, set_interface_language

    compile_all()  # what the set-up script does (only when a .ts is newer than its .qm)
    before = interface_language()
    installed = install_translators(qapp, "id")
    try:
        yield installed
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        set_interface_language(qapp, before)


@pytest.fixture
def store(sqlite_url: str) -> Iterator[Store]:
    s = open_store(sqlite_url)
    try:
        yield s
    finally:
        s.dispose()


@dataclass(frozen=True)
class TinyOperation:
    name: str
    operation_id: int
    polda_id: int
    kerinci_id: int
    bungo_id: int
    rank_ids: dict[str, int]


def build_tiny_operation(store: Store) -> TinyOperation:
    with store.transaction(Actor("test"), "test.setup") as s:
        op = new_operation(
            s,
            OperationSpec(
                code="mantap-praja-jambi",
                name=OPERATION_NAME,
                command_name="DAERAH JAMBI",
                province="Jambi",
                starts_on=date(2024, 8, 1),
                ends_on=date(2025, 3, 31),
            ),
        )
        cats = by_code(s, TpsCategory, op.id)
        ranks = by_code(s, Rank, op.id)

        def region(level: str, name: str, parent: Region | None) -> Region:
            r = Region(
                operation_id=op.id, level=level, name=name, parent_id=parent.id if parent else None
            )
            s.add(r)
            s.flush()
            return r

        def unit(kind: str, code: str, name: str, parent: Unit | None) -> Unit:
            u = Unit(operation_id=op.id, tree="territorial", kind=kind, code=code, name=name,
                     parent_id=parent.id if parent else None)  # fmt: skip
            s.add(u)
            s.flush()
            return u

        nrps = iter(range(75_010_001, 75_020_000))

        def people(u: Unit, rank: str, n: int) -> None:
            for _ in range(n):
                nrp = str(next(nrps))
                s.add(PersonnelRow(operation_id=op.id, nrp=nrp, name=f"Personel {nrp}",
                                   rank_id=ranks[rank].id, home_unit_id=u.id))  # fmt: skip

        def tps(u: Unit, desa: Region, category: str, n: int, first: int = 1) -> None:
            for number in range(first, first + n):
                s.add(PollingStation(operation_id=op.id, number=number, region_id=desa.id,
                                     unit_id=u.id, category_id=cats[category].id))  # fmt: skip

        jambi = region("provinsi", "Provinsi Jambi", None)
        kerinci = region("kabkota", "Kabupaten Kerinci", jambi)
        gunung_kerinci = region("kecamatan", "Kecamatan Gunung Kerinci", kerinci)
        siulak = region("desa", "Desa Siulak Deras", gunung_kerinci)
        bungo = region("kabkota", "Kabupaten Bungo", jambi)
        pasar_bungo = region("kecamatan", "Kecamatan Pasar Muara Bungo", bungo)
        dusun = region("desa", "Dusun Tanjung Gedang", pasar_bungo)

        polda = unit("polda", "polda-jambi", "Polda Jambi", None)
        polres_kerinci = unit("polres", "polres-kerinci", "Polres Kerinci", polda)
        polres_bungo = unit("polres", "polres-bungo", "Polres Bungo", polda)

        tps(polres_kerinci, siulak, "kurang-rawan", 16)
        tps(polres_bungo, dusun, "sangat-rawan", 4)
        tps(polres_bungo, dusun, "rawan", 2, first=5)
        people(polda, "akbp", 3)
        people(polres_kerinci, "bripda", 6)
        people(polres_bungo, "brigpol", 4)
        return TinyOperation(op.name, op.id, polda.id, polres_kerinci.id, polres_bungo.id,
                             {code: r.id for code, r in ranks.items()})  # fmt: skip


@pytest.fixture
def tiny_operation(store: Store) -> TinyOperation:
    return build_tiny_operation(store)


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NIGHT_BEFORE)


@pytest.fixture
def operation_clock_stands() -> Iterator[datetime]:
    """The process's operation clock (``opscenter.clock.now``, what a window given no clock
    reads) stands at NIGHT_BEFORE, as an exercise's would: never the real time."""
    from opscenter import clock as operation_clock

    operation_clock.simulate(NIGHT_BEFORE, monotonic=lambda: 0.0)
    try:
        yield NIGHT_BEFORE
    finally:
        operation_clock.use_real()


@pytest.fixture
def make_window(qtbot: QtBot, store: Store, clock: FixedClock) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(store, actor=Actor("test"), clock=clock)
        qtbot.addWidget(window)  # closed and deleted before the store is disposed
        return window

    return make


@pytest.fixture
def window(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tiny_operation: TinyOperation
) -> MainWindow:
    made = make_window()
    # The strength figures come from a background job, after the rest of the overview.
    qtbot.waitUntil(lambda: made.overview is not None and made.overview.strength_loaded)
    return made


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[None]:
    """The application's own type and style (``theme.apply_look``): a 12 pt base, as users
    see it; the test application's defaults are restored afterwards."""
    font, style = QFont(qapp.font()), qapp.style().name()
    theme.apply_look(qapp)
    try:
        yield
    finally:
        qapp.setStyle(style)
        qapp.setFont(font)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Jambi demo, loaded once a session (it takes seconds); tests take a copy."""
    path = tmp_path_factory.mktemp("demo") / "jambi.db"
    store = open_store(f"sqlite:///{path}")
    load_demo(store, "jambi")
    store.dispose()
    return path


@pytest.fixture
def db_path(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the Jambi demo of this test's own."""
    path = tmp_path / "jambi.db"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def jambi(db_path: Path) -> Iterator[Store]:
    """The store of this test's own copy of the Jambi demo (a module may define its own)."""
    store = open_store(f"sqlite:///{db_path}")
    try:
        yield store
    finally:
        store.dispose()


def drawn(view: QAbstractItemView, index: QModelIndex) -> str:
    """The text a cell shows: its delegate's option, cut as the style cuts it."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    delegate = view.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    style = view.style()
    room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()
    room -= 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    return option.fontMetrics.elidedText(option.text, option.textElideMode, room)
