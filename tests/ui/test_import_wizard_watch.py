"""The import wizard on "Laporan pemantauan TPS": a Polres's wide watch list (one row per
TPS, a column per step) through the same pages as a roster, committed off the GUI thread and
recorded as the file; a list with a refused cell shown cell by cell and not saved."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from opscenter import journal
from opscenter.model import Region, TpsWatch
from opscenter.store import Store
from tests.builders import ADMIN, Small, build_small_operation
from tests.ui.test_import_wizard import STAFF, _to_page
from ui.import_wizard import ImportWizard

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def small(store: Store) -> Small:
    ids = build_small_operation(store)
    with store.transaction(ADMIN, "test.setup") as s:
        desa = s.get(Region, ids.regions["A1a"])
        assert desa is not None
        desa.code = "15.01.01.2001"
    return ids


def _workbook(path: Path, *rows: list[object]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Pantau"
    ws.append(["KODE TPS", "Petugas tiba", "Pemungutan dimulai", "Penghitungan selesai"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _wizard(qtbot: QtBot, store: Store, path: Path) -> ImportWizard:
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("watch"))
    assert page.kind.currentText() == "Laporan pemantauan TPS"
    page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    _to_page(qtbot, wizard, wizard.preview_page)
    return wizard


def _stored(store: Store) -> list[tuple[str, str]]:
    with store.read() as s:
        return sorted(
            (row.at.astimezone(WIB).strftime("%H:%M"), row.recorded_by)
            for row in s.scalars(select(TpsWatch))
        )


def test_a_wide_list_is_previewed_and_saved_as_the_file(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    path = _workbook(
        tmp_path / "polres.xlsx",
        ["1501012001001", time(5, 30), time(7, 0), None],
        ["1501012001002", "05.45", None, None],
    )
    wizard = _wizard(qtbot, store, path)
    page = wizard.preview_page
    assert page.counts.text() == "Baru 2, berubah 0, tetap 0, ditolak 0."
    # Which columns were read as steps, said before anything is written.
    assert page.warnings.isVisible()
    assert page.warnings.text().startswith(
        "Kolom langkah: B \u201cPetugas tiba\u201d = Petugas tiba, C \u201cPemungutan"
    )
    keys = [page.model.index(i, 2).data() for i in range(page.model.rowCount())]
    assert keys == ["TPS 001 Desa A1a", "TPS 002 Desa A1a"]
    assert page.model.index(0, 3).data() == (
        "Petugas tiba: \u2014 \u2192 27-11-2024 05:30 WIB; "
        "Pemungutan dimulai: \u2014 \u2192 27-11-2024 07:00 WIB"
    )
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    assert "2 baru, 0 berubah, 0 tetap" in wizard.done_page.result.text()
    assert _stored(store) == [
        ("05:30", "impor: polres.xlsx"),
        ("05:45", "impor: polres.xlsx"),
        ("07:00", "impor: polres.xlsx"),
    ]


def test_an_unknown_tps_is_named_by_its_cell_and_nothing_is_saved(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    with store.read() as s:
        head = journal.head(s)
    path = _workbook(
        tmp_path / "salah.xlsx",
        ["1501012001001", time(5, 30), None, None],
        ["1501012001099", time(5, 40), None, None],
    )
    wizard = _wizard(qtbot, store, path)
    page = wizard.preview_page
    assert page.counts.text() == "Baru 1, berubah 0, tetap 0, ditolak 1."
    details = [page.model.index(i, 3).data() for i in range(page.model.rowCount())]
    assert details[1].startswith("Pantau!A3: Tidak ada TPS \u201c1501012001099\u201d")
    assert page.error.text().startswith("1 baris ditolak (1 sel) di salah.xlsx")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    with store.read() as s:
        assert journal.head(s) == head
    assert _stored(store) == []
