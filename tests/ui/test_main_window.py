"""The main window: shows the operation, follows changes committed through the core."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from opscenter import journal, overview, personnel, units
from opscenter.actor import Actor
from opscenter.errors import ConnectionLost, NoOperation
from opscenter.model import UnitStatus
from opscenter.operations import OperationSpec, new_operation
from opscenter.reference import by_code
from opscenter.store import Store, open_store
from tests.imports import loaded_by
from ui import error_dialog
from ui.main_window import MainWindow
from ui.operation_header import countdown_text
from ui.operation_page import Tab
from ui.screenshot import render
from ui.strength_model import DEFICIT_BACKGROUND, Column

if TYPE_CHECKING:  # fixtures' types only: conftest modules are not for importing
    from tests.ui.conftest import FixedClock, TinyOperation

ADMIN = Actor("test", role="admin")


def label(window: MainWindow, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None, f"no label {name}"
    return found.text()


def add_person(store: Store, op: TinyOperation, nrp: str, unit_id: int) -> int:
    draft = personnel.PersonDraft(
        operation_id=op.operation_id,
        nrp=nrp,
        name="Bripda Contoh",
        home_unit_id=unit_id,
        rank_id=op.rank_ids["bripda"],
    )
    return personnel.add(store, ADMIN, draft)


def test_shows_the_operation_its_stage_and_countdown(
    tiny_operation: TinyOperation, window: MainWindow
) -> None:
    name = tiny_operation.name
    assert window.windowTitle() == f"OpsCenter — {name}"
    assert window.pages.currentWidget() is window.operation_page
    assert label(window, "operationNameLabel") == name
    assert label(window, "commandLabel") == "KEPOLISIAN NEGARA REPUBLIK INDONESIA / DAERAH JAMBI"
    assert label(window, "provinceLabel") == "Provinsi Jambi"
    assert label(window, "stageLabel") == "Tahapan: Masa tenang"
    assert label(window, "countdownLabel") == "H-3 pemungutan suara"
    assert label(window, "dateLabel") == "Minggu, 24 November 2024"  # already Sunday in WIB
    assert label(window, "timeLabel") == "03:10 WIB"


def test_summary_and_table_show_the_figures(window: MainWindow) -> None:
    assert label(window, "figure_units") == "3"
    assert label(window, "figure_personnel") == "13"
    assert label(window, "figure_tps") == "22"
    assert label(window, "figure_required") == "14"  # 4 Kerinci + 10 Bungo
    assert label(window, "figure_available") == "10"  # the Polda's own staff guard no TPS
    assert label(window, "figure_balance") == "\u22124"
    assert label(window, "note_balance") == "1 satuan kurang 6 personel"
    assert label(window, "figure_incidents") == "0"
    assert label(window, "note_incidents") == "\u00a0·  ".join(
        f"{s}\u00a00" for s in ("Ringan", "Sedang", "Berat", "Kritis")
    )

    window.operation_page.show_tab(Tab.STRENGTH)  # a hidden tab catches up when opened
    model = window.operation_page.strength.model
    assert [r.name for r in model.rows()] == ["Polres Bungo", "Polres Kerinci"]
    bungo_balance = model.index(0, Column.BALANCE)
    assert model.data(bungo_balance) == "\u22126"
    assert model.data(bungo_balance, Qt.ItemDataRole.BackgroundRole).color() == DEFICIT_BACKGROUND
    assert "sqlite" in label(window, "databaseLabel")
    assert label(window, "versionLabel").startswith("OpsCenter ")


def test_the_strength_tab_is_built_when_first_opened_with_the_figures_shown(
    window: MainWindow,
) -> None:
    page = window.operation_page
    assert page.strength is None  # hidden at start: not built (issue 3, start-up time)
    page.show_tab(Tab.STRENGTH)
    assert page.strength is not None and page.tabs.currentWidget() is page.strength
    assert [r.name for r in page.strength.model.rows()] == ["Polres Bungo", "Polres Kerinci"]
    # The whole under the rows, as the summary strip counts it (the walk: no total here, and
    # nothing said why the board's Polda row has more).
    rows = page.strength.model.rows()
    need, have = sum(r.police_required for r in rows), sum(r.police_available for r in rows)
    total = page.strength.total.text()
    assert total.startswith(f"Jumlah 2 Polres: kebutuhan {need}, kekuatan {have}, selisih ")
    assert label(window, "figure_balance") in total
    assert "; kurang 6 di 1 Polres" in total  # Bungo's 6, whatever Kerinci's surplus
    assert total.endswith("baris Polda di Papan satuan menghitungnya.")


def test_a_change_committed_through_the_core_refreshes_the_window(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, window: MainWindow
) -> None:
    window.operation_page.show_tab(Tab.STRENGTH)  # a hidden tab catches up when opened
    model = window.operation_page.strength.model
    with qtbot.assertNotEmitted(model.modelReset):
        add_person(store, tiny_operation, "75030001", tiny_operation.bungo_id)
        qtbot.waitUntil(lambda: label(window, "figure_personnel") == "14")
    assert model.row(0).name == "Polres Bungo" and model.row(0).balance == -5
    assert label(window, "figure_balance") == "\u22123"


def test_the_strength_tile_names_the_polda_reserve_the_board_counts(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, window: MainWindow
) -> None:
    """The walk read "Kekuatan Polri 2.500" in the header and 2.829 on the board's Polda row
    as two answers to one sum: the tile names the difference, the Polda's own people."""
    available = label(window, "figure_available")
    assert label(window, "note_available") == "+3 cadangan\u00a0Polda"  # the Polda's own three
    add_person(store, tiny_operation, "75030003", tiny_operation.polda_id)
    qtbot.waitUntil(lambda: label(window, "note_available") == "+4 cadangan\u00a0Polda")
    assert label(window, "figure_available") == available  # the Polres' total, unchanged


def test_a_commit_on_another_thread_reaches_the_window(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, window: MainWindow
) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            add_person(store, tiny_operation, "75030002", tiny_operation.kerinci_id)
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    qtbot.waitUntil(lambda: label(window, "figure_personnel") == "14")


def journal_head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


def test_a_burst_of_commits_is_one_refresh(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, window: MainWindow
) -> None:
    refreshes: list[None] = []
    window.refreshed.connect(lambda: refreshes.append(None))
    for i in range(5):
        add_person(store, tiny_operation, f"7504000{i}", tiny_operation.bungo_id)
    qtbot.waitUntil(lambda: label(window, "figure_personnel") == "18")
    # Settled, not waited for: the feed has read the last of the burst (a refresh is started
    # in the same call that emits it) and no overview is being built or queued.
    last = journal_head(store)
    qtbot.waitUntil(lambda: window.feed.cursor == last and not window.busy())
    assert len(refreshes) == 1


def test_f5_and_menus(qtbot: QtBot, window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == [
        "&Berkas",
        "&Ubah",
        "&Tampilan",
        "&Data",
        "&Laporan",
        "&Perencanaan",
        "&Admin",
        "Ba&ntuan",
    ]  # the local user on SQLite is an admin
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.reload_action.shortcut() == QKeySequence("F5")
    assert window.about_action.text() == "&Tentang OpsCenter"
    with qtbot.waitSignal(window.refreshed, timeout=1000):
        window.reload_action.trigger()


def test_keluar_and_the_title_bars_close_ask_first_batal_being_the_default(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The walk: Ctrl+Q, or Alt+B then "k" typed into what had become the Berkas menu,
    closed the window at once. Keluar asks now; Enter (the default) and Esc answer Batal,
    and the question's Keluar has no letter a path typed on could press."""
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from tests.ui.answers import NOT_ASKED, answer_next_question
    from ui.confirm import BOX_NAME, NO_NAME, YES_NAME

    window.show()
    qtbot.waitExposed(window)
    asked: list[str] = []

    def look_and_press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        default = box.defaultButton()
        yes = box.findChild(QAbstractButton, YES_NAME)
        assert default is not None and yes is not None
        asked.extend((default.objectName(), yes.text()))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, look_and_press_enter)
    window.quit_action.trigger()  # Ctrl+Q, Berkas › Keluar
    assert asked == ["Keluar dari OpsCenter?", NO_NAME, "Keluar"]  # no "&": no letter
    assert window.isVisible()
    # The title bar's close (a spontaneous close event) asks the same.
    seen = answer_next_question(NO_NAME)

    class TitleBarClose(QCloseEvent):
        def spontaneous(self) -> bool:
            return True

    closing = TitleBarClose()
    window.closeEvent(closing)
    assert seen == [BOX_NAME] and not closing.isAccepted()
    # A close from the program asks nothing (tests, the end of ``ui.app.run``).
    seen = answer_next_question(NO_NAME)
    window.closeEvent(QCloseEvent())
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [NOT_ASKED]
    window.show()
    seen = answer_next_question(YES_NAME)
    window.quit_action.trigger()
    assert seen == [BOX_NAME] and not window.isVisible()


def test_the_day_moves_on_at_local_midnight(window: MainWindow, clock: FixedClock) -> None:
    start = clock.now
    clock.now = start + timedelta(days=3)  # 27 November 03:10 WIB: voting day
    window.tick()
    assert label(window, "countdownLabel") == "Hari pemungutan suara"
    assert label(window, "stageLabel") == "Tahapan: Pemungutan suara"
    clock.now = start + timedelta(days=5)
    window.tick()
    assert label(window, "countdownLabel") == "H+2 pemungutan suara"


def test_countdown_wording() -> None:
    assert countdown_text(3) == "H-3 pemungutan suara"
    assert countdown_text(0) == "Hari pemungutan suara"
    assert countdown_text(-1) == "H+1 pemungutan suara"
    assert countdown_text(None) == "Tanggal pemungutan suara belum ditetapkan"


def test_empty_database_shows_how_to_load_the_demo(
    qtbot: QtBot, store: Store, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    assert window.overview is None
    assert window.windowTitle() == "OpsCenter"
    assert window.pages.currentWidget() is window.empty_state
    assert "belum berisi operasi" in label(window, "emptyBody")
    assert (
        label(window, "emptyCommand") == f"opscenter demo --scenario jambi --db {store.describe()}"
    )
    # An operation created meanwhile (the demo loader, another workstation) replaces it.
    with store.transaction(ADMIN, "operation.create") as s:
        new_operation(
            s,
            OperationSpec(
                code="x",
                name="Operasi Uji",
                command_name="DAERAH JAMBI",
                province="Jambi",
                starts_on=date(2024, 8, 1),
                ends_on=date(2025, 3, 31),
            ),
        )
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.operation_page)
    assert window.windowTitle() == "OpsCenter — Operasi Uji"


def test_a_failed_refresh_keeps_the_figures_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tiny_operation: TinyOperation, window: MainWindow
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise ConnectionLost(detail="server closed the connection")

    monkeypatch.setattr(overview, "build", fail)
    window.refresh()
    assert not window.problem_banner.isHidden()
    assert window.problem_banner.text().startswith("Data tidak dapat dimuat ulang: Hubungan ke")
    assert label(window, "operationNameLabel") == tiny_operation.name
    monkeypatch.undo()
    window.refresh()
    assert window.problem_banner.isHidden()


def test_excepthook_logs_in_full_and_shows_one_sentence(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    hook = error_dialog.GuiExceptHook("id")
    for error in (RuntimeError("boom"), NoOperation()):
        try:
            raise error
        except BaseException as exc:
            hook(type(exc), exc, exc.__traceback__)
    assert shown[0].startswith("Terjadi kesalahan yang tidak terduga")
    assert shown[1].startswith("Basis data ini belum berisi operasi")
    assert not any("Traceback" in s or "boom" in s for s in shown)
    assert "Traceback" in caplog.text and "RuntimeError: boom" in caplog.text


@pytest.mark.usefixtures("app_look")
def test_screenshot_is_a_full_hd_png(
    tmp_path: Path, store: Store, tiny_operation: TinyOperation, clock: FixedClock
) -> None:
    out = render(store, tmp_path / "shots" / "main.png", now=clock.now)
    assert out == tmp_path / "shots" / "main.png"
    assert QImage(str(out)).size() == QSize(1920, 1080)
    with pytest.raises(ValueError, match="unknown view"):
        render(store, tmp_path / "x.png", view="papan")
    for view in ("board", "stages", "incidents", "wall"):
        shot = render(store, tmp_path / f"{view}.png", view=view, now=clock.now)
        assert QImage(str(shot)).size() == QSize(1920, 1080), view


@pytest.mark.usefixtures("app_look")
def test_the_board_screenshot_waits_for_the_readiness_column(
    tmp_path: Path,
    store: Store,
    tiny_operation: TinyOperation,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The README's board showed its Kesiapan column empty: the column reads after the
    board's first paint, and a render never painted before its one grab. The same render
    with the column's read switched off must now differ from it."""
    from ui.readiness_column import ReadinessColumn

    shot = QImage(str(render(store, tmp_path / "filled.png", view="board", now=clock.now)))
    monkeypatch.setattr(ReadinessColumn, "refresh", lambda self: None)
    empty = QImage(str(render(store, tmp_path / "empty.png", view="board", now=clock.now)))
    assert shot.size() == empty.size()
    assert shot != empty


RUN_SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from opscenter.store import open_store
from tests.builders import build_small_operation
from ui import app
from ui.main_window import MainWindow

store = open_store(sys.argv[1])
build_small_operation(store)
titles = []
previous_hook = sys.excepthook

def close_soon():
    # Only our exit code ends the loop, not Qt's own quit when the last window closes.
    QApplication.instance().setQuitOnLastWindowClosed(False)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            titles.append(widget.windowTitle())
            widget.close()
    QCoreApplication.exit(3)

QTimer.singleShot(0, close_soon)
code = app.run(store)
print(code, titles, QApplication.applicationName(), QApplication.font().pointSizeF() >= 11,
      sys.excepthook is previous_hook, sep="|")
store.dispose()
"""


def _last_line_of(script: str, sqlite_url: str) -> list[str]:
    """The fields of the last line ``script`` prints, run offscreen in its own process on
    ``sqlite_url``: a finished app.exec() leaves Qt's quit flag set for the thread, and
    every later event loop in the same process (other tests' waits) would end at once. As
    every test, it never touches the user's real settings (closing the window keeps its
    place there)."""
    import os

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Test mode alone shares one settings file (~/.qttest) with every process on the machine:
    # a text size of 90 % left there by another run made this start small (``own_settings``
    # in conftest says the same of the tests in this process). A folder of its own.
    test_mode = (
        "import tempfile\n"
        "from PySide6.QtCore import QSettings, QStandardPaths\n"
        "QStandardPaths.setTestModeEnabled(True)\n"
        "_own = tempfile.mkdtemp(prefix='opscenter-settings-')\n"
        "for _kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):\n"
        "    QSettings.setPath(_kind, QSettings.Scope.UserScope, _own)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", test_mode + script, sqlite_url],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1].split("|")


def test_run_shows_the_window_and_returns_the_exit_code(sqlite_url: str) -> None:
    code, titles, name, big_font, hook_restored = _last_line_of(RUN_SCRIPT, sqlite_url)
    assert code == "3"
    assert titles == "['OpsCenter — Operasi Uji uji']"
    assert name == "OpsCenter"
    assert big_font == "True"
    assert hook_restored == "True"  # the GUI hook is gone with the GUI


FIRST_PAINT_SCRIPT = """
import os, sys, threading, time
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from sqlalchemy import event
from sqlalchemy.engine import Engine
from opscenter.store import open_store
from tests.builders import build_small_operation
from ui import app

store = open_store(sys.argv[1])
build_small_operation(store)
painted = []
reads = []  # for each statement off the GUI thread: whether the board was painted by then

@event.listens_for(Engine, "before_cursor_execute")
def note(*_args):
    if threading.current_thread() is not threading.main_thread():
        reads.append(bool(painted))

class FirstPaint(QObject):
    def eventFilter(self, watched, ev):
        if ev.type() == QEvent.Type.Paint:
            painted.append(True)
        return False

window = app.open_window(store)
first = FirstPaint()
window.operation_page.board.tree_view.viewport().installEventFilter(first)
loop = QEventLoop()
until = time.monotonic() + 60
check = QTimer()
check.timeout.connect(
    lambda: loop.quit() if (painted and not window.busy()) or time.monotonic() > until else None
)
check.start(10)
loop.exec()
print(reads.count(False), reads.count(True), window.busy(), sep="|", flush=True)
os._exit(0)  # skip teardown: only the figures above matter
"""


def test_the_windows_first_background_reads_wait_for_the_boards_first_paint(
    sqlite_url: str,
) -> None:
    # The figures and the strength, read off the GUI thread, took the GIL from the GUI thread
    # building and painting the board (issue 3).
    before, after, busy = _last_line_of(FIRST_PAINT_SCRIPT, sqlite_url)
    assert before == "0"  # not one read before the board was on the screen
    assert int(after) > 0 and busy == "False"  # then every one of them, to the end


NEVER_PAINTED_SCRIPT = """
import os, sys, time
from PySide6.QtCore import QEventLoop, QTimer
from opscenter.store import open_store
from tests.builders import build_small_operation
from ui import app

store = open_store(sys.argv[1])
build_small_operation(store)
app.show_as_left = lambda *_args: None  # mapped where it is never exposed: no paint, no hide
app.FIRST_PAINT_WAIT_MS = 200
window = app.open_window(store)
loop = QEventLoop()
started = time.monotonic()
check = QTimer()
check.timeout.connect(
    lambda: loop.quit() if not window.busy() or time.monotonic() - started > 30 else None
)
check.start(10)
loop.exec()
print(window.isVisible(), window.busy(), sep="|", flush=True)
os._exit(0)
"""


def test_the_windows_first_reads_start_even_when_it_is_never_painted(sqlite_url: str) -> None:
    # Held until the first paint, they would wait for ever on a window mapped where it is
    # never exposed (another workspace, no compositor), and a held write with them.
    visible, busy = _last_line_of(NEVER_PAINTED_SCRIPT, sqlite_url)
    assert visible == "False"
    assert busy == "False"  # read and shown, after FIRST_PAINT_WAIT_MS at the latest


@pytest.mark.usefixtures("app_look")
def test_the_bangka_demo_renders(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    clock: FixedClock,
    make_window: Callable[[], MainWindow],
) -> None:
    from opscenter.demo import load_demo

    load_demo(store, "bangka")
    window = make_window()
    qtbot.waitUntil(lambda: not window.busy())  # the strength comes from a background job
    assert "Menumbing" in label(window, "operationNameLabel")
    window.operation_page.show_tab(Tab.STRENGTH)
    assert [r.name for r in window.operation_page.strength.model.rows()] == ["Polres Bangka"]
    out = render(store, tmp_path / "bangka.png", now=clock.now)
    assert QImage(str(out)).size() == QSize(1920, 1080)


def test_a_change_by_another_process_reaches_the_feed(qtbot: QtBot, store: Store) -> None:
    """The journal follower notices an SQLite commit made by a different process."""
    import sys
    from pathlib import Path

    from tests.builders import build_small_operation
    from ui.live import ChangeFeed

    ids = build_small_operation(store)
    feed = ChangeFeed(store, poll_ms=50, interval_ms=10)
    code = (
        "from opscenter.store import open_store; from opscenter import units;"
        "from opscenter.actor import Actor;"
        f"s = open_store({str(store.url)!r});"
        f"units.set_status(s, Actor('lain', 'operator'), {ids.units['PB']}, "
        f"{ids.statuses['kembali']}); s.dispose()"
    )
    root = Path(__file__).resolve().parents[2]
    with qtbot.waitSignal(feed.changed, timeout=3000) as blocker:
        subprocess.run([sys.executable, "-c", code], check=True, cwd=root, timeout=60)
    assert ids.units["PB"] in blocker.args[0].ids("unit")
    feed.stop()


def test_language_choice_is_remembered_for_the_next_start(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import settings

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[1:3]))
    window.language_actions["en"].trigger()
    assert settings.LANGUAGE.get() == "en"
    # In the language chosen, its title too.
    assert shown == [("Language", "The interface language changes when OpsCenter is next opened.")]
    window.language_actions["id"].trigger()
    assert settings.LANGUAGE.get() == "id"


def test_undo_and_redo_are_in_the_edit_menu(window: MainWindow) -> None:
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert not window.undo_action.isEnabled()  # nothing done yet


def test_the_boards_ctrl_z_hint_shows_only_with_something_to_undo_and_names_it(
    window: MainWindow,
) -> None:
    """The walk: the status line said "Ctrl+Z: batalkan" after an import, which Ctrl+Z does
    not undo (Data › Riwayat impor does) and Ubah › Urungkan was off. The hint now shows
    only while Urungkan is on, names what it undoes, and uses the menu's word."""
    from PySide6.QtGui import QUndoCommand

    board = window.operation_page.board
    assert board is not None
    assert "Ctrl+Z" not in board.footer.text()
    assert "F2: ubah status satuan terpilih" in board.footer.text()
    stack = window.desk.undo_stack
    stack.push(QUndoCommand("Status Polres Kerinci: Siaga"))
    assert window.undo_action.isEnabled()
    assert "Ctrl+Z: urungkan Status Polres Kerinci: Siaga" in board.footer.text()
    assert window.undo_action.text() == "&Urungkan Status Polres Kerinci: Siaga"
    stack.undo()
    assert "Ctrl+Z" not in board.footer.text()


def test_the_plotting_and_planning_windows_undo_with_the_main_windows_word(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation
) -> None:
    """The plotting window said "Batalkan" (Batal's word: cancel) for the undo the main
    window calls "Urungkan"."""
    from ui.planning_window import PlanningWindow
    from ui.plotting_window import PlottingWindow

    plotting = PlottingWindow(store, actor=ADMIN)
    qtbot.addWidget(plotting)
    planning = PlanningWindow(store, actor=ADMIN)
    qtbot.addWidget(planning)
    for stack in (plotting.undo_stack, planning.undo_stack):
        from PySide6.QtGui import QUndoCommand

        stack.push(QUndoCommand("BKO"))
    assert plotting.undo_action.text() == "&Urungkan BKO"
    assert planning.undo_action.text() == "Urungkan BKO"
    assert plotting.redo_action.text().replace("&", "").startswith("Ulangi")


def test_a_status_change_alone_does_not_recompute_the_overview(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, window: MainWindow
) -> None:
    window.show()  # a hidden board keeps changes for when it is shown
    qtbot.waitExposed(window)
    refreshes: list[None] = []
    window.refreshed.connect(lambda: refreshes.append(None))
    with store.read() as s:
        moving = by_code(s, UnitStatus, tiny_operation.operation_id)["bergerak"].id
    units.set_status(store, ADMIN, tiny_operation.bungo_id, moving)
    board = window.operation_page.board
    assert board is not None
    qtbot.waitUntil(lambda: board.rows.rows[tiny_operation.bungo_id].status_id == moving)
    # The board shows the change, so the feed has emitted it and the window has decided;
    # a rebuild it started would be finished (and counted) once the window is idle.
    qtbot.waitUntil(lambda: not window.busy())
    assert refreshes == []  # the strength figures did not move: no background rebuild


def test_stages_and_incidents_are_built_when_their_tab_is_first_opened(
    window: MainWindow,
) -> None:
    page = window.operation_page
    assert page.board is not None and page.stages is None and page.incidents is None
    page.tabs.setCurrentIndex(Tab.INCIDENTS)
    assert page.incidents is not None and page.tabs.currentWidget() is page.incidents
    page.show_tab(Tab.STAGES)
    assert page.stages is not None and page.tabs.currentWidget() is page.stages
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Papan satuan",
        "Kekuatan",
        "Tahapan",
        "Kejadian",
        "Kesiapan",
        "Peta",
        "Pantau TPS",
    ]
    assert page.readiness is None  # issue 15: the readiness board too, when first opened
    page.show_tab(Tab.READINESS)
    assert page.readiness is not None and page.tabs.currentWidget() is page.readiness
    assert page.map is None  # issue 16: and the map
    page.show_tab(Tab.MAP)
    assert page.map is not None and page.tabs.currentWidget() is page.map
    assert page.watch is None  # issue 18: and the TPS watch
    page.show_tab(Tab.WATCH)
    assert page.watch is not None and page.tabs.currentWidget() is page.watch


def test_the_maps_filter_reaches_the_incidents_list_and_the_board_and_says_so_on_their_tabs(
    window: MainWindow, store: Store, tiny_operation: TinyOperation
) -> None:
    from sqlalchemy import select

    from opscenter.model import Region
    from ui.choice_combo import chosen

    with store.read() as s:
        ids = {name: rid for name, rid in s.execute(select(Region.name, Region.id))}
    kerinci, bungo = ids["Kabupaten Kerinci"], ids["Kabupaten Bungo"]
    page = window.operation_page
    window.findChild(QAction, "mapTabAction").trigger()  # Ctrl+6
    assert page.map is not None and page.tabs.currentWidget() is page.map
    page.map.region_filter_wanted.emit(kerinci)  # before the list exists
    assert page.incidents is None
    named = page.board.region_filter.currentText() if page.board is not None else ""
    assert named
    assert page.tabs.tabText(Tab.INCIDENTS) == f"Kejadian \u00b7 {named}"  # said already
    page.show_tab(Tab.INCIDENTS)
    assert page.incidents is not None
    assert page.incidents.region_box.currentData() == kerinci
    page.map.region_filter_wanted.emit(bungo)  # and while it does
    assert page.incidents.region_box.currentData() == bungo
    # The board too, to the units answering for it (the tiny operation gives none an area).
    assert page.board is not None
    assert page.board.region_filter.currentData() == bungo
    assert page.board.flat_proxy.rowCount() == 0
    # Each tab filtered by region says so, from whichever tab the user looks.
    board_box, incidents_box = page.board.region_filter, page.incidents.region_box
    assert page.tabs.tabText(Tab.BOARD) == f"Papan satuan \u00b7 {board_box.currentText()}"
    assert page.tabs.tabText(Tab.INCIDENTS) == f"Kejadian \u00b7 {incidents_box.currentText()}"
    # The user sets the board to every region again: the list keeps the map's filter.
    board_box.setCurrentIndex(0)
    assert page.tabs.tabText(Tab.BOARD) == "Papan satuan"
    assert page.map.filtered_region() == bungo
    # Off from the map: the tabs still on the map's region go back to every region.
    page.map.region_filter_wanted.emit(None)
    assert chosen(incidents_box) is None and chosen(board_box) is None
    assert page.tabs.tabText(Tab.INCIDENTS) == "Kejadian"


def test_a_click_on_the_map_filters_no_other_tab_and_seluruh_wilayah_clears_the_filter(
    qtbot: QtBot, jambi: Store
) -> None:
    """The walk at 1366x768: Ctrl+6, one click in Kabupaten Tebo, then Ctrl+1 and Ctrl+4
    showed only Polres Tebo and Tebo's 14 incidents while the header counted all 49, and
    Alt+W (Seluruh wilayah) on the map did not take the filter off. A click now only
    chooses the region on the map; the strip's button filters, Seluruh wilayah undoes it."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from opscenter.model import Region
    from ui.choice_combo import chosen

    main = MainWindow(jambi, actor=ADMIN, clock=lambda: datetime(2024, 11, 26, 14, 30, tzinfo=UTC))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitUntil(lambda: main.overview is not None and main.overview.strength_loaded)
    page = main.operation_page
    page.show_tab(Tab.INCIDENTS)
    main.findChild(QAction, "mapTabAction").trigger()  # Ctrl+6
    board, incidents, panel = page.board, page.incidents, page.map
    assert board is not None and incidents is not None and panel is not None
    qtbot.waitUntil(lambda: panel.loaded() and not panel.live.held, timeout=20_000)
    with jambi.read() as s:
        tebo = s.scalars(select(Region.id).where(Region.name == "Kabupaten Tebo")).one()
    shape = panel.boundary(tebo)
    assert shape is not None
    at = panel.view.project(*shape.label_point).toPoint()
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=at)
    assert panel.selected_region() == tebo and panel.region_name.text() == "Kabupaten Tebo"
    assert chosen(board.region_filter) is None and chosen(incidents.region_box) is None
    assert page.tabs.tabText(Tab.BOARD) == "Papan satuan"
    assert page.tabs.tabText(Tab.INCIDENTS) == "Kejadian"
    panel.filter_button.click()  # Saring tab lain ke wilayah ini: asked for
    assert chosen(board.region_filter) == tebo and chosen(incidents.region_box) == tebo
    assert page.tabs.tabText(Tab.BOARD) == "Papan satuan \u00b7 Kab. Tebo"
    assert page.tabs.tabText(Tab.INCIDENTS) == "Kejadian \u00b7 Kab. Tebo"
    panel.home_button.click()  # Seluruh wilayah (Alt+W)
    assert chosen(board.region_filter) is None and chosen(incidents.region_box) is None
    assert page.tabs.tabText(Tab.BOARD) == "Papan satuan"
    assert panel.selected_region() is None


def test_the_main_window_loads_no_plotting_geometry_spreadsheet_or_pdf_library() -> None:
    # They load when a tab, a menu or a report first needs them (issue 3: start-up time).
    # numpy and shapely came with the report menu's map (0.1 s of every start).
    watched = ("pyqtgraph", "openpyxl", "reportlab", "pypdfium2", "numpy", "shapely")
    assert loaded_by("ui.app, ui.main_window", watched) == []


def test_the_main_window_loads_no_report_readiness_form_or_strength_tab_before_opened() -> None:
    # The report's core and dialog, the readiness forms (with the Kesiapan tab's panel) and
    # the strength tab load when first opened: together a tenth of a second of every start
    # (issue 3).
    watched = (
        "opscenter.sitrep",
        "ui.sitrep_dialog",
        "ui.readiness_forms",
        "ui.readiness_panel",
        "ui.strength_panel",
    )
    assert loaded_by("ui.app, ui.main_window", watched) == []


def test_the_wall_summary_follows_the_windows_overview(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, window: MainWindow
) -> None:
    """The wall shows the figures the window computed off the GUI thread, and the next ones
    after a change: it never recomputes them itself on the GUI thread."""
    window.show_wall()
    wall = window.wall
    assert wall is not None
    qtbot.addWidget(wall)
    qtbot.waitUntil(lambda: not window.busy() and not wall.busy())

    def wall_label(name: str) -> str:
        found = wall.summary.findChild(QLabel, name)
        assert found is not None, name
        return found.text()

    assert wall_label("figure_required") == "14"
    assert wall_label("figure_personnel") == "13"
    add_person(store, tiny_operation, "75050001", tiny_operation.bungo_id)
    qtbot.waitUntil(lambda: wall_label("figure_personnel") == "14")
    assert wall_label("figure_balance") == label(window, "figure_balance") == "\u22123"
    wall.close()


def test_diperbarui_moves_with_this_windows_change_and_another_workstations(
    qtbot: QtBot,
    store: Store,
    sqlite_url: str,
    tiny_operation: TinyOperation,
    window: MainWindow,
    clock: FixedClock,
) -> None:
    """The walk: "Diperbarui 20:03:57 WIB" stood still after a status change at 20:11 made
    in this window (a status change alone reads no overview again)."""
    window.show()
    qtbot.waitExposed(window)
    assert window.updated_label.text() == "Diperbarui 03:10:00 WIB"  # NIGHT_BEFORE, in WIB
    board = window.operation_page.board
    assert board is not None
    with store.read() as s:
        statuses = by_code(s, UnitStatus, tiny_operation.operation_id)
    clock.now += timedelta(minutes=1, seconds=5)
    with qtbot.waitSignal(board.write_done):
        board.set_unit_status(tiny_operation.kerinci_id, statuses["bergerak"].id)
    qtbot.waitUntil(lambda: window.updated_label.text() == "Diperbarui 03:11:05 WIB")
    # Another workstation's change, through the live feed (another store on the same file).
    clock.now += timedelta(minutes=2)
    other = open_store(sqlite_url)
    try:
        units.set_status(other, Actor("lain", "operator"), tiny_operation.bungo_id,
                         statuses["bergerak"].id)  # fmt: skip
    finally:
        other.dispose()
    qtbot.waitUntil(lambda: window.updated_label.text() == "Diperbarui 03:13:05 WIB")
    assert board.rows.rows[tiny_operation.bungo_id].status_id == statuses["bergerak"].id
