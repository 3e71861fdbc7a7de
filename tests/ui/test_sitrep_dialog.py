"""The "Laporan Situasi" dialog: preview off the GUI thread, save, print, errors, schedule."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from opscenter import sitrep
from opscenter.clock import file_name
from opscenter.store import Store
from tests.builders import ADMIN
from tests.ui.answers import answer_next_question
from tests.ui.conftest import FixedClock, TinyOperation
from ui import settings
from ui.main_window import MainWindow
from ui.sitrep_dialog import SitrepDialog
from ui.sitrep_menu import install
from ui.sitrep_schedule import Scheduler, parse_hours
from ui.unsaved import BOX_NAME, DISCARD_NAME

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def dialog(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, clock: FixedClock
) -> SitrepDialog:
    d = SitrepDialog(store, actor=ADMIN, clock=clock)
    qtbot.addWidget(d)
    return d


def wait_idle(qtbot: QtBot, d: SitrepDialog) -> None:
    qtbot.waitUntil(lambda: not d.busy(), timeout=30_000)


def test_defaults_come_from_the_operation_and_the_clock(dialog: SitrepDialog) -> None:
    # NIGHT_BEFORE is 03:10 WIB on 24 Nov: the last 06:00 cut-off was on the 23rd.
    req = dialog.request()
    assert req.period_to == datetime(2024, 11, 23, 6, 0, tzinfo=WIB)
    assert req.period_from == datetime(2024, 11, 22, 6, 0, tzinfo=WIB)
    assert req.classification == "TERBATAS"
    assert req.sections == sitrep.SECTIONS
    assert dialog.sig_title.text() == "KEPALA BIRO OPERASI"


def test_one_click_gives_the_last_24_hours_or_the_daily_period_again(
    qtbot: QtBot, dialog: SitrepDialog, clock: FixedClock
) -> None:
    # The walk, at 20:01 on voting day: the daily period (to 06:00) left out the day's 14
    # hours of voting; "24 jam s.d. sekarang" takes them in, "Harian" goes back.
    qtbot.mouseClick(dialog.choices.recent_button, Qt.MouseButton.LeftButton)
    req = dialog.request()
    now = clock()
    assert req.period_to >= now and req.period_to - now < timedelta(minutes=1)
    assert req.period_to - req.period_from == timedelta(hours=24)
    assert dialog.choices.daily_button.text() == "Harian (s.d. 06.00)"
    qtbot.mouseClick(dialog.choices.daily_button, Qt.MouseButton.LeftButton)
    req = dialog.request()
    assert req.period_to == datetime(2024, 11, 23, 6, 0, tzinfo=WIB)
    assert req.period_from == datetime(2024, 11, 22, 6, 0, tzinfo=WIB)


def test_the_printed_period_is_the_one_the_form_shows(
    qtbot: QtBot, dialog: SitrepDialog, clock: FixedClock, tmp_path: Path
) -> None:
    """The tester at 20:01:37 on voting day: "24 jam s.d. sekarang" showed 26-11 20:02 to
    27-11 20:02 (the end rounded up), and the PDF printed "26 November 2024 20.02 WIB – 27
    November 2024 20.01 WIB" (the report never passes the time it is made), 23 h 59 min,
    titled "LAPORAN SITUASI HARIAN". Now the form and the PDF read 20.01 to 20.01, the 24
    hours up to the click's second, titled "LAPORAN SITUASI"; "Harian" gives the daily title."""
    clock.now = datetime(2024, 11, 27, 20, 1, 37, tzinfo=WIB)
    qtbot.mouseClick(dialog.choices.recent_button, Qt.MouseButton.LeftButton)
    shown = (dialog.period_from.text(), dialog.period_to.text())
    assert shown == ("26-11-2024 20:01 WIB", "27-11-2024 20:01 WIB")
    req = dialog.request()
    assert (req.period_from, req.period_to) == (clock() - timedelta(hours=24), clock())
    clock.now += timedelta(seconds=40)  # written a little later, still as the form says
    recent = letterhead_lines(qtbot, dialog, tmp_path / "recent.pdf")
    assert recent[0] == "LAPORAN SITUASI"
    assert "Periode : 26 November 2024 20.01 WIB – 27 November 2024 20.01 WIB" in recent
    assert "Keadaan per : 27 November 2024 20.01 WIB" in recent
    qtbot.mouseClick(dialog.choices.daily_button, Qt.MouseButton.LeftButton)
    assert dialog.period_to.text() == "27-11-2024 06:00 WIB"
    daily = letterhead_lines(qtbot, dialog, tmp_path / "daily.pdf")
    assert daily[0] == "LAPORAN SITUASI HARIAN"
    assert "Periode : 26 November 2024 06.00 WIB – 27 November 2024 06.00 WIB" in daily


def letterhead_lines(qtbot: QtBot, dialog: SitrepDialog, out: Path) -> list[str]:
    """The first page of the report ``dialog`` saves to ``out`` as ``pdftotext -layout``
    reads it, its spaces collapsed, from its title on."""
    dialog.save_to(out)
    wait_idle(qtbot, dialog)
    run = ["pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-"]
    text = subprocess.run(run, check=True, capture_output=True, text=True).stdout
    lines = [" ".join(x.split()) for x in text.splitlines() if x.strip()]
    return lines[next(i for i, x in enumerate(lines) if x.startswith("LAPORAN SITUASI")) :]


def test_preview_renders_pages_off_the_gui_thread(qtbot: QtBot, dialog: SitrepDialog) -> None:
    dialog.generate_preview()
    assert dialog.busy()  # the work runs in the pool; the dialog stays responsive
    wait_idle(qtbot, dialog)
    assert dialog.produced is not None
    assert len(dialog.produced.pages) >= 3
    assert dialog.pages_layout.count() == len(dialog.produced.pages)
    assert "R/LAPSIT-1/" in dialog.message.text()
    assert dialog.produced.path is None  # a preview writes nothing


def test_save_writes_the_pdf_and_takes_a_number(
    qtbot: QtBot, dialog: SitrepDialog, tmp_path: Path
) -> None:
    dialog.sig_name.setText("Budi Santoso Uji")
    dialog.sig_on_behalf.setChecked(True)
    dialog.classification.setCurrentText("BIASA")
    out = tmp_path / "lapsit.pdf"
    dialog.save_to(out)
    wait_idle(qtbot, dialog)
    assert dialog.saved_path == out and out.exists()
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "BIASA" in text and "BUDI SANTOSO UJI" in text and "a.n. KEPALA KEPOLISIAN" in text
    assert "disimpan ke" in dialog.message.text()
    # The next one gets the next serial.
    dialog.save_to(tmp_path / "lapsit2.pdf")
    wait_idle(qtbot, dialog)
    assert dialog.produced is not None and dialog.produced.report.serial == 2


def test_the_save_dialog_opens_in_the_documents_then_the_last_report_folder(
    qtbot: QtBot, dialog: SitrepDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Simpan…" asks where in the user's documents folder, then where a report was last
    saved; it once asked in the program's own folder (a bare file name: /work/main)."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    asked: list[Path] = []
    answers = [tmp_path / "laporan" / "lapsit.pdf", None]

    def answer(*args: object) -> tuple[str, str]:
        asked.append(Path(str(args[2])))
        chosen = answers.pop(0)
        return (str(chosen), "") if chosen else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    (tmp_path / "laporan").mkdir()
    # A report stands at its period's end (the last 06:00 cut-off before NIGHT_BEFORE), read
    # in the operation's zone: the one rule of every saved document's name.
    name = file_name("LAPSIT", ".pdf", WIB, dialog.choices.period()[1])
    assert name == "LAPSIT-20241123-0600.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert asked == [home / "Documents" / name]
    assert dialog.saved_path == tmp_path / "laporan" / "lapsit.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # then cancelled
    assert asked[1] == tmp_path / "laporan" / name
    (tmp_path / "laporan" / "lapsit.pdf").unlink()
    (tmp_path / "laporan").rmdir()  # the folder is gone: the documents again
    assert settings.report_folder() == home / "Documents"


def test_errors_are_one_indonesian_sentence(
    qtbot: QtBot, dialog: SitrepDialog, tmp_path: Path
) -> None:
    out = tmp_path / "tidak-ada" / "lapsit.pdf"
    dialog.save_to(out)
    wait_idle(qtbot, dialog)
    assert "tidak ada; laporan tidak ditulis" in dialog.message.text()
    assert not out.parent.exists()
    dialog.set_period(datetime(2024, 11, 27, 6, tzinfo=WIB), datetime(2024, 11, 26, 6, tzinfo=WIB))
    dialog.generate_preview()
    wait_idle(qtbot, dialog)
    assert "lebih awal dari waktu mulai" in dialog.message.text()
    assert "\n" not in dialog.message.text()


def test_print_opens_the_saved_file_in_the_system_viewer(
    qtbot: QtBot, dialog: SitrepDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.print_report()
    wait_idle(qtbot, dialog)
    assert len(opened) == 1 and opened[0].toLocalFile().endswith(".pdf")
    assert Path(opened[0].toLocalFile()).exists()


def test_install_adds_the_report_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(window, ADMIN, store=window.desk.store, clock=window.desk.clock)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Laporan" in menus
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Laporan")
    action = menu.actions()[0]  # type: ignore[union-attr]
    assert action.text() == "Laporan &Situasi\u2026"
    assert action.shortcut().toString() == "Ctrl+P"
    action.trigger()
    dialogs = window.findChildren(SitrepDialog)
    assert len(dialogs) == 1
    d = dialogs[0]
    wait_idle(qtbot, d)
    qtbot.waitUntil(lambda: d.produced is not None, timeout=30_000)  # previews on opening
    d.close()


def test_scheduled_report_is_written_to_the_folder(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    clock = FixedClock(datetime(2024, 11, 27, 4, 0, tzinfo=UTC))  # 11:00 WIB
    scheduler = Scheduler(store, actor=ADMIN, clock=clock)
    scheduler.configure([time(6), time(18)], tmp_path, WIB)
    assert scheduler.due == datetime(2024, 11, 27, 18, 0, tzinfo=WIB)
    with qtbot.waitSignal(scheduler.written, timeout=30_000) as blocker:
        scheduler.fire()
    path = Path(str(blocker.args[0]))
    assert path.parent == tmp_path and path.name == "LAPSIT-20241127-1800.pdf"
    assert path.exists()
    scheduler.configure([], None, WIB)
    assert scheduler.due is None


def test_schedule_settings_in_the_dialog(dialog: SitrepDialog, tmp_path: Path) -> None:
    dialog.schedule_on.setChecked(True)
    dialog.schedule_hours.setText("06.00; 18:30")
    dialog.schedule_folder.setText(str(tmp_path))
    dialog.apply_schedule()
    assert dialog.scheduler.hours == [time(6), time(18, 30)]
    assert "Laporan berikutnya: 24-11-2024 06:00" in dialog.schedule_status.text()
    dialog.schedule_hours.setText("jam enam")
    dialog.apply_schedule()
    assert "Jam tidak sah" in dialog.schedule_status.text()
    dialog.schedule_hours.setText("06:00")
    dialog.schedule_on.setChecked(False)
    dialog.apply_schedule()  # leave the (test-mode) settings switched off
    assert dialog.scheduler.due is None


def test_parse_hours() -> None:
    assert parse_hours("18:00, 06:00") == [time(6), time(18)]
    assert parse_hours("") == []
    with pytest.raises(ValueError, match="hour"):
        parse_hours("25:00")


def test_signatory_can_be_kept_as_the_operation_default(
    qtbot: QtBot, dialog: SitrepDialog, store: Store, clock: FixedClock
) -> None:
    dialog.sig_name.setText("Budi Santoso Uji")
    dialog.sig_rank.setText("Komisaris Besar Polisi")
    dialog.sig_nrp.setText("63050899")
    with qtbot.waitSignal(dialog.writes.write_done) as saved:
        dialog.save_signatory()
        assert not dialog.sig_save.isEnabled()  # pending: the button says "Menyimpan…"
    assert saved.args == [True]
    assert "disimpan sebagai bawaan" in dialog.message.text()
    again = SitrepDialog(store, actor=ADMIN, clock=clock)
    qtbot.addWidget(again)
    assert again.sig_name.text() == "BUDI SANTOSO UJI"
    assert again.sig_rank.text() == "KOMISARIS BESAR POLISI"


def test_saved_schedule_is_armed_when_the_window_starts(
    window: MainWindow, dialog: SitrepDialog, tmp_path: Path
) -> None:
    dialog.schedule_on.setChecked(True)
    dialog.schedule_hours.setText("06:00")
    dialog.schedule_folder.setText(str(tmp_path))
    dialog.apply_schedule()
    install(window, ADMIN, store=window.desk.store, clock=window.desk.clock)
    scheduler = window.property("sitrepScheduler")
    assert isinstance(scheduler, Scheduler)
    assert scheduler.due == datetime(2024, 11, 24, 6, 0, tzinfo=WIB)
    dialog.schedule_on.setChecked(False)
    dialog.apply_schedule()  # leave the (test-mode) settings switched off


# --- the preview is never stale (issue 14) -----------------------------------------------------


def previewed(qtbot: QtBot, d: SitrepDialog) -> sitrep.Sitrep:
    d.generate_preview()
    wait_idle(qtbot, d)
    assert d.produced is not None and not d.preview_stale
    return d.produced.report


def test_a_changed_period_greys_the_preview_and_renders_it_again_by_itself(
    qtbot: QtBot, dialog: SitrepDialog
) -> None:
    dialog.show()
    old = previewed(qtbot, dialog)
    assert old.period_from == datetime(2024, 11, 22, 6, tzinfo=WIB)
    assert not dialog.stale_label.isVisible() and dialog.pages_widget.isEnabled()
    fired: list[int] = []
    dialog._refresh.timeout.connect(lambda: fired.append(1))

    # Three quick changes (period, a section, the signatory): greyed at once, one render.
    dialog.set_period(datetime(2024, 11, 21, 6, tzinfo=WIB), datetime(2024, 11, 22, 6, tzinfo=WIB))
    assert dialog.preview_stale and dialog.stale_label.isVisible()
    assert dialog.stale_label.text() == "Pratinjau diperbarui\u2026"
    assert not dialog.pages_widget.isEnabled()  # the old pages are drawn greyed
    dialog.section_boxes["annex_incidents"].setChecked(False)
    dialog.sig_name.setText("Budi Santoso Uji")
    wait_idle(qtbot, dialog)  # no button pressed

    assert fired == [1]
    assert dialog.produced is not None
    new = dialog.produced.report
    assert new.period_from == datetime(2024, 11, 21, 6, tzinfo=WIB)
    assert "annex_incidents" not in new.sections
    assert new.signatory is not None and new.signatory.name == "BUDI SANTOSO UJI"
    assert not dialog.preview_stale and not dialog.stale_label.isVisible()
    assert dialog.pages_widget.isEnabled()
    assert dialog.pages_layout.count() == len(dialog.produced.pages)
    # The typed signatory is unsaved: closing asks, and this test throws it away.
    asked = answer_next_question(DISCARD_NAME)
    dialog.reject()
    assert asked == [BOX_NAME] and not dialog.isVisible()


def test_a_newer_render_supersedes_one_still_running(qtbot: QtBot, dialog: SitrepDialog) -> None:
    dialog.generate_preview()
    first = dialog._preview_job
    assert first is not None
    dialog.classification.setCurrentText("RAHASIA")
    dialog.generate_preview()  # before the first has reported anything
    assert first.cancel.cancelled and dialog._preview_job is not first
    qtbot.waitUntil(lambda: first.done and not dialog.busy(), timeout=30_000)
    assert dialog.produced is not None
    assert dialog.produced.report.classification == "RAHASIA"
    assert not dialog.preview_stale


def test_a_refused_period_leaves_the_preview_marked_out_of_date(
    qtbot: QtBot, dialog: SitrepDialog
) -> None:
    previewed(qtbot, dialog)
    dialog.set_period(datetime(2024, 11, 27, 6, tzinfo=WIB), datetime(2024, 11, 26, 6, tzinfo=WIB))
    wait_idle(qtbot, dialog)
    assert dialog.preview_stale and not dialog.pages_widget.isEnabled()
    assert "tidak diperbarui" in dialog.stale_label.text()
    assert "lebih awal dari waktu mulai" in dialog.message.text()
