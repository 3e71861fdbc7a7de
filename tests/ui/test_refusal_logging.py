"""Expected refusals are logged at INFO in one line; only unexpected errors get a traceback
at ERROR (issue 14: an import refused for a missing column was an ERROR with a traceback)."""

from __future__ import annotations

import logging
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from opscenter.actor import Actor
from opscenter.errors import NoOperation
from opscenter.permissions import NotPermitted
from opscenter.progress import CancelToken, Progress
from opscenter.store import Store
from tests.ui.conftest import TinyOperation
from ui import error_dialog
from ui.import_wizard import ImportWizard
from ui.worker import start_job


def _records(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str, bool]]:
    return [(r.levelno, r.getMessage(), r.exc_info is not None) for r in caplog.records]


def _fail_with(qtbot: QtBot, error: BaseException) -> None:
    def job(progress: Progress, cancel: CancelToken) -> None:
        raise error

    failed: list[BaseException] = []
    start_job(job, on_failure=failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)


def test_a_refused_job_is_one_info_line(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    _fail_with(qtbot, NotPermitted(actor="andi", role="operator", permission="import.run"))
    assert _records(caplog) == [
        (
            logging.INFO,
            "refused in background job: not_permitted: {'actor': 'andi', 'role': 'operator', "
            "'permission': 'import.run'}",
            False,
        )
    ]


def test_a_broken_job_is_an_error_with_its_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    _fail_with(qtbot, RuntimeError("boom"))
    ((level, message, traced),) = _records(caplog)
    assert (level, message, traced) == (logging.ERROR, "unexpected error in background job", True)
    assert "Traceback" in caplog.text and "RuntimeError: boom" in caplog.text


def test_the_crash_hook_logs_a_refusal_in_one_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: None)
    hook = error_dialog.GuiExceptHook("id")
    try:
        raise NoOperation()
    except NoOperation as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert _records(caplog) == [(logging.INFO, "refused in the window: db.no_operation: {}", False)]


def test_an_import_refused_for_a_missing_column_is_one_info_line(
    qtbot: QtBot,
    store: Store,
    tiny_operation: TinyOperation,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The staff member's walk-through: a roster without a name column."""
    path = tmp_path / "tanpa-nama.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NO", "NAMA LENGKAP", "PANGKAT / NRP", "KESATUAN"])
    ws.append([1, "Andi Saputra", "BRIPDA / 75030001", "Polres Kerinci"])
    wb.save(path)
    caplog.set_level(logging.INFO)
    wizard = ImportWizard(store, actor=Actor("staf", role="staff"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    mapping = wizard.mapping_page.model
    name_row = next(
        r for r in range(mapping.rowCount()) if mapping.index(r, 0).data().startswith("Nama")
    )
    assert mapping.setData(mapping.index(name_row, 1), -1)  # the officer unmaps the name
    caplog.clear()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.error.isVisible(), timeout=10_000)
    assert "Nama" in wizard.mapping_page.error.text()
    ((level, message, traced),) = _records(caplog)
    assert level == logging.INFO and not traced
    assert message.startswith(
        "refused in background job: import.refused: {'reason': 'missing_columns'"
    )
    assert "\n" not in message and "Traceback" not in caplog.text
