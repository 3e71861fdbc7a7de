"""Laporan > Laporan kesiapan… (and the Kesiapan tab's button): the readiness report written
off the GUI thread where the user chose, the same as ``opscenter readiness --out`` writes;
a failure is one Indonesian sentence and leaves no file."""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from opscenter import cli
from opscenter import clock as operation_clock
from opscenter.clock import file_name
from opscenter.sitrep import files
from opscenter.store import Store
from tests.ui.alt_letters import alt_letter_faults
from tests.ui.conftest import NIGHT_BEFORE, FixedClock, TinyOperation
from ui import actions
from ui.main_window import MainWindow
from ui.operation_page import Tab
from ui.readiness_report import FILTERS, OPEN_BUTTON, ReadinessReportExport


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def exporter(window: MainWindow) -> ReadinessReportExport:
    found = window.findChild(ReadinessReportExport, "readinessReportExport")
    assert found is not None
    return found


def choose(monkeypatch: pytest.MonkeyPatch, path: Path, kind: int = 0) -> list[Path]:
    """The save dialog answers ``path`` with the file type ``FILTERS[kind]``; returns the
    paths it was opened at."""
    asked: list[Path] = []

    def answer(*args: object) -> tuple[str, str]:
        asked.append(Path(str(args[2])))
        return str(path), FILTERS[kind]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def said_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    return shown


def test_the_laporan_menu_has_it_with_its_own_key(window: MainWindow) -> None:
    laporan = actions.menu_of(window, actions.REPORT)
    entries = [a for a in laporan.actions() if not a.isSeparator()]
    assert [a.objectName() for a in entries] == ["sitrepAction", "readinessReportAction"]
    action = entries[1]
    assert action.text() == "Laporan &kesiapan…"
    assert [k.toString() for k in action.shortcuts()] == ["Ctrl+D"]
    # No other action of the window answers Ctrl+D.
    owners = [
        a.objectName()
        for a in window.findChildren(QAction)
        if QKeySequence("Ctrl+D") in a.shortcuts()
    ]
    assert owners == ["readinessReportAction"]
    assert isinstance(laporan, QMenu)


def test_it_writes_the_pdf_where_chosen_and_offers_to_open_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kesiapan.pdf"
    asked = choose(monkeypatch, out)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    action = window.findChild(QAction, "readinessReportAction")
    assert action is not None
    with qtbot.waitSignal(exporter(window).written, timeout=60_000) as written:
        action.trigger()
    assert written.args == [out]
    # Named by the operation's moment (NIGHT_BEFORE: 03:10 WIB on 24 November), by the one
    # rule of every saved document's name, in the documents folder the reports use.
    assert asked[0].name == file_name("LAPKES", ".pdf", "Asia/Jakarta", NIGHT_BEFORE)
    assert asked[0].name == "LAPKES-20241124-0310.pdf"
    text = pdf_text(out)
    assert "LAPORAN KESIAPAN OPERASI" in text
    assert "Polres Kerinci" in text and "Polres Bungo" in text
    assert "KESIAPAN POLRES KERINCI" in text and "KESIAPAN POLRES BUNGO" in text
    assert "R/LAPKES-" in text and "TERBATAS" in text
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    box = exporter(window).done_box
    assert box is not None and str(out) in box.text() and "disimpan ke" in box.text()
    assert str(out) in window.statusBar().currentMessage()
    button = box.findChild(QAbstractButton, OPEN_BUTTON)
    assert button is not None
    button.click()
    assert opened == [QUrl.fromLocalFile(str(out))]


def test_the_excel_type_writes_the_matrix(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, tmp_path / "kesiapan.pdf", kind=1)  # typed .pdf, chose Excel
    with qtbot.waitSignal(exporter(window).written, timeout=60_000) as written:
        exporter(window).ask()
    out = tmp_path / "kesiapan.xlsx"
    assert written.args == [out] and not (tmp_path / "kesiapan.pdf").exists()
    names = [row[0] for row in load_workbook(out).worksheets[0].iter_rows(values_only=True)]
    assert "Polres Kerinci" in names and "Polres Bungo" in names
    box = exporter(window).done_box
    assert box is not None and "Matriks kesiapan disimpan ke" in box.text()


def test_the_written_boxs_buttons_have_alt_letters_of_their_own(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Buka berkas" and "Tutup" had no Alt letter: Alt+B opens the file, Alt+T closes."""
    choose(monkeypatch, tmp_path / "kesiapan.xlsx", kind=1)
    with qtbot.waitSignal(exporter(window).written, timeout=60_000):
        exporter(window).ask()
    box = exporter(window).done_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert sorted(b.text() for b in box.buttons()) == ["&Buka berkas", "&Tutup"]
    assert alt_letter_faults(box) == []
    # Esc still closes it: Tutup keeps the standard Close button's role.
    with qtbot.waitSignal(box.finished):
        qtbot.keyClick(box, Qt.Key.Key_Escape)


def test_a_missing_folder_is_one_sentence_and_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = said_errors(monkeypatch)
    out = tmp_path / "tidak-ada" / "kesiapan.pdf"
    choose(monkeypatch, out)
    with qtbot.waitSignal(exporter(window).failed, timeout=60_000):
        exporter(window).ask()
    assert len(shown) == 1 and "tidak ada; laporan tidak ditulis" in shown[0]
    assert shown[0].endswith(".") and "Traceback" not in shown[0]
    assert not out.parent.exists()


def test_a_full_disk_is_one_sentence_and_nothing_half_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up halfway through the file: the temporary file goes, and the report
    is not there at all."""
    real = files.private_file

    class HalfWritten:
        def __init__(self, path: Path) -> None:
            self.path = real(path)

        def write_bytes(self, data: bytes) -> int:
            self.path.write_bytes(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "private_file", HalfWritten)
    shown = said_errors(monkeypatch)
    out = tmp_path / "laporan" / "kesiapan.pdf"
    out.parent.mkdir()
    choose(monkeypatch, out)
    with qtbot.waitSignal(exporter(window).failed, timeout=60_000) as failed:
        exporter(window).ask()
    assert shown == [failed.args[0]]
    assert shown[0].startswith(f"Laporan tidak dapat ditulis ke {out}")
    assert "pilih folder lain" in shown[0]
    assert list(out.parent.iterdir()) == []


def test_the_readiness_tab_has_the_same_report(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "dari-tab.pdf"
    choose(monkeypatch, out)
    window.operation_page.show_tab(Tab.READINESS)
    panel = window.operation_page.readiness
    assert panel is not None and panel.report_button.isVisibleTo(panel)
    assert "Ctrl+D" in panel.report_button.toolTip()
    with qtbot.waitSignal(panel.report.written, timeout=60_000):
        panel.report_button.click()
    assert "KESIAPAN POLRES BUNGO" in pdf_text(out)


def test_the_window_and_the_command_line_print_the_same(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    clock: FixedClock,
    tiny_operation: TinyOperation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One database, one moment: the same words on the same pages."""
    gui, command = tmp_path / "jendela.pdf", tmp_path / "perintah.pdf"
    with qtbot.waitSignal(exporter(window).written, timeout=60_000):
        exporter(window).write_to(gui)
    monkeypatch.setattr(operation_clock, "now", clock)  # the command line's "now"
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("OPSCENTER_LANG", "id")
    url = store.url.render_as_string(hide_password=False)
    assert cli.main(["readiness", "--db", url, "--out", str(command)]) == 0
    assert pdf_text(gui) == pdf_text(command)
    assert "KESIAPAN POLRES KERINCI" in pdf_text(command)


def test_a_saved_file_ends_in_the_chosen_type() -> None:
    """The one rule the save dialogs' chosen type follows (``ui.save_dialog.ending``): a name
    typed with that ending, in any case, stays; another ending, or none, gets it."""
    from ui.save_dialog import ending

    assert ending(Path("LAPKES.PDF"), ".pdf") == Path("LAPKES.PDF")
    assert ending(Path("matriks.pdf"), ".xlsx") == Path("matriks.xlsx")
    assert ending(Path("laporan"), ".pdf") == Path("laporan.pdf")
