"""The import wizard on "Log kejadian": a Polres's incident log through the same pages as a
roster (mapping, preview, commit off the GUI thread), reverted from the history; a log with
a refused cell shown cell by cell, in the incident form's words for a point outside the area,
and not saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from opscenter import journal
from opscenter.model import Region
from opscenter.store import Store
from tests.builders import ADMIN, Small, build_small_operation
from tests.core.test_incident_import import POLRES_HEADER, polres_rows, stored, workbook
from tests.ui.answers import answer_next_question
from tests.ui.test_import_wizard import STAFF, _to_page
from ui.confirm import YES_NAME
from ui.import_wizard import ImportWizard


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store, timezone="Asia/Makassar")


def _incident_wizard(qtbot: QtBot, store: Store, path: Path) -> ImportWizard:
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("incidents"))
    assert page.kind.currentText() == "Log kejadian"
    page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    return wizard


def test_a_polres_log_is_imported_and_reverted_from_the_history(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    from ui.import_history import ImportHistoryDialog

    path = workbook(tmp_path / "polres.xlsx", POLRES_HEADER, *polres_rows())
    wizard = _incident_wizard(qtbot, store, path)
    mapping = wizard.mapping_page.model.mapping()
    assert (mapping["date"], mapping["time"], mapping["point"]) == (1, 2, 11)
    assert not wizard.mapping_page.create_units.isVisible()
    _to_page(qtbot, wizard, wizard.preview_page)
    page = wizard.preview_page
    assert page.counts.text() == "Baru 2, berubah 0, tetap 0, ditolak 0."
    # How rows are matched, said on the preview page before anything is written.
    assert page.warnings.isVisible()
    assert page.warnings.text().startswith(
        "Baris dicocokkan dengan kejadian tersimpan menurut waktu, wilayah dan jenis yang sama"
    )
    keys = [page.model.index(i, 2).data() for i in range(page.model.rowCount())]
    # Read and shown in the operation's zone (WITA), numbered as they will be stored.
    assert keys == [
        "KEJ-0001 \u00b7 27-11-2024 14:05 WITA \u00b7 Bentrokan massa",
        "KEJ-0002 \u00b7 27-11-2024 21:30 WITA \u00b7 Politik uang",
    ]
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    assert "2 baru, 0 berubah, 0 tetap" in wizard.done_page.result.text()
    assert [r[:2] for r in stored(store)] == [(1, "Bentrokan massa"), (2, "Politik uang")]
    dialog = ImportHistoryDialog(store, actor=STAFF)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 3).data() == "Log kejadian"
    dialog.view.selectRow(0)
    answer_next_question(YES_NAME)
    dialog.revert_selected()
    qtbot.waitUntil(lambda: "dibatalkan" in dialog.message.text(), timeout=10_000)
    assert stored(store) == []


def test_a_point_outside_the_area_is_shown_in_the_forms_words_and_nothing_saved(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    with store.transaction(ADMIN, "test.setup") as s:
        kota = s.get(Region, small.regions["B"])
        assert kota is not None
        kota.name, kota.code = "Kota Sungai Penuh", "15.72"
    with store.read() as s:
        head = journal.head(s)
    body = polres_rows()
    body[0][11] = "-1.9787, 101.3013"  # Kerinci, around Sungai Penuh: outside
    wizard = _incident_wizard(qtbot, store, workbook(tmp_path / "luar.xlsx", POLRES_HEADER, *body))
    _to_page(qtbot, wizard, wizard.preview_page)
    page = wizard.preview_page
    assert page.counts.text() == "Baru 1, berubah 0, tetap 0, ditolak 1."
    details = [page.model.index(i, 3).data() for i in range(page.model.rowCount())]
    assert details[0].startswith(
        "Kejadian!L6 (Koordinat): Titik lintang -1,9787, bujur 101,3013 berada di luar "
        "wilayah operasi"
    )
    assert page.error.text() == (
        "1 baris ditolak (1 sel) di luar.xlsx, jadi tidak ada kejadian yang tersimpan; perbaiki "
        "sel itu lalu impor lagi."
    )
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    with store.read() as s:
        assert journal.head(s) == head
    assert stored(store) == []
