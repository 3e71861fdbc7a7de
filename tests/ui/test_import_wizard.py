"""The import wizard: models pass qtmodeltester; a whole import runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton, QWizard, QWizardPage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from opscenter import journal
from opscenter.actor import Actor
from opscenter.model import JournalTxn, Personnel, SarprasCategory, SarprasStock, Unit
from opscenter.operations import local_text
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.roster.sheet_guess import scan
from opscenter.store import Store
from tests.builders import Small, build_small_operation
from tests.core.test_sarpras_import import _one_column_workbook, _split_workbook
from tests.ui.alt_letters import alt_letter_faults
from tests.ui.answers import answer_next_question
from tests.ui.conftest import TinyOperation
from ui.confirm import BOX_NAME as CONFIRM_NAME
from ui.confirm import YES_NAME
from ui.data_menu import install
from ui.import_list_pages import commit_text
from ui.import_models import (
    NO_COLUMN,
    MappingColumn,
    MappingModel,
    PreviewColumn,
    PreviewModel,
)
from ui.import_wizard import ImportWizard

STAFF = Actor("staf", role="staff")


def roster(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DAFTAR PERSONEL POLRES KERINCI"])
    ws.append(["NO", "NAMA LENGKAP", "PANGKAT / NRP", "KESATUAN", "HP"])
    ws.append([1, "Andi Saputra", "BRIPDA / 75030001", "Polres Kerinci", "0812 1111 2222"])
    ws.append([2, "Budi Santoso", "AKP 75030002", "polres-bungo", ""])
    ws.append([3, "Cici", "BRIPDA 123", "Polres Entah", ""])
    wb.save(path)
    return path


def to_mapping(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    """Give the wizard's first page ``path`` and wait for its mapping page."""
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)


def test_mapping_model(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    s = scan(roster(tmp_path / "r.xlsx"), "personnel")
    model = MappingModel()
    qtmodeltester.check(model)
    model.set_layout("personnel", s.layout, 5)
    assert model.mapping() == {"name": 1, "rank_nrp": 2, "unit": 3, "phone": 4}
    row = next(i for i in range(model.rowCount()) if model.index(i, 0).data().startswith("No. HP"))
    index = model.index(row, MappingColumn.COLUMN)
    assert model.setData(index, NO_COLUMN)
    assert "phone" not in model.mapping()
    assert not model.setData(index, 99)
    assert model.setData(index, 4)
    assert model.index(row, MappingColumn.COLUMN).data() == "E \u2014 HP"


def test_preview_model(
    qtmodeltester: ModelTester, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    model = PreviewModel()
    qtmodeltester.check(model)
    preview = prepare(store, roster(tmp_path / "r.xlsx"), Options(kind="personnel"))
    model.set_preview(preview)
    assert model.rowCount() == 3
    statuses = [model.index(i, 1).data() for i in range(3)]
    assert statuses == ["Baru", "Baru", "Ditolak"]
    detail = model.index(2, 3).data()
    # Each refused cell with the value the file holds, so the officer sees what to correct.
    assert "Sheet!C5 (Pangkat/NRP) \u201c123\u201d: NRP/NIP tidak sah" in detail
    assert "Sheet!D5 \u201cPolres Entah\u201d: satuan tidak dikenal" in detail
    # Each refused cell on a line of its own; the tooltip says the same.
    assert detail.count("\n") == 1
    assert model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole) == detail
    # The walk: a new row showed no name. Who it adds, for the officer to check.
    assert model.index(0, 3).data() == "Nama: Andi Saputra; Pangkat: Bripda; Satuan: Polres Kerinci"
    assert model.index(2, 1).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_wizard_imports_off_the_gui_thread(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    path = roster(tmp_path / "r.xlsx")
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    to_mapping(qtbot, wizard, path)
    assert wizard.mapping_page.model.rowCount() > 0
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10_000)
    assert "Baru 2" in wizard.preview_page.counts.text()
    out = tmp_path / "ditolak.xlsx"
    wizard.preview_page.write_errors(out)
    assert openpyxl.load_workbook(out).active["C2"].comment is not None
    with store.read() as s:
        before = s.scalar(select(func.count(Personnel.id)))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    assert "jurnal" in wizard.done_page.result.text()
    assert wizard.done_page.result.text().endswith(" 1 baris yang ditolak tidak dimuat.")
    with store.read() as s:
        assert s.scalar(select(func.count(Personnel.id))) == (before or 0) + 2


def test_the_preview_and_its_end_write_counts_as_the_commit_button_does(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    """Walk 35, defect 3c: "Baru 59966" beside the button "Impor 59.966 baris"."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NO", "NAMA LENGKAP", "PANGKAT / NRP", "KESATUAN", "HP"])
    for n in range(1, 1201):
        ws.append([n, f"Anggota {n}", f"BRIPDA / {75100000 + n}", "Polres Kerinci", ""])
    wb.save(tmp_path / "besar.xlsx")
    wizard = ImportWizard(store, actor=STAFF)
    wizard.setLocale(QLocale("id"))  # the application's (``ui.app``): 1.200
    qtbot.addWidget(wizard)
    wizard.show()
    to_mapping(qtbot, wizard, tmp_path / "besar.xlsx")
    _to_page(qtbot, wizard, wizard.preview_page)
    assert wizard.preview_page.counts.text() == "Baru 1.200, berubah 0, tetap 0, ditolak 0."
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "&Impor 1.200 baris"
    commit.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20_000)
    # None refused: the end says nothing of refused rows ("0 baris ditolak tidak dimuat").
    assert wizard.done_page.result.text().endswith(": 1.200 baru, 0 berubah, 0 tetap.")


def test_wizard_shows_a_refusal_as_one_sentence(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_bytes(b"%PDF-1.4\n")
    with store.read() as s:
        head = journal.head(s)
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.file_page.error.isVisible(), timeout=10_000)
    assert "bukan lembar kerja" in wizard.file_page.error.text()
    assert wizard.currentPage() is wizard.file_page
    with store.read() as s:
        assert journal.head(s) == head


def test_typing_starts_in_the_files_path_and_alt_keys_reach_each_field(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation
) -> None:
    """Ctrl+I, then type the path: the first page's focus is the path field, not the kind."""
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    page = wizard.file_page
    qtbot.waitUntil(lambda: page.path.hasFocus())
    qtbot.keyClick(page.path, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.kind.hasFocus())
    qtbot.keyClick(page.kind, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.path.hasFocus())
    browse = page.findChild(QPushButton, "importBrowse")
    assert browse is not None and browse.text().startswith("&")


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [("id", "Daftar personel", "Laporan pemantauan TPS"),
     ("en", "Personnel roster", "TPS watch report")],
)  # fmt: skip
def test_the_kind_box_names_each_kind_as_a_wrong_kind_refusal_does(
    qtbot: QtBot, store: Store, lang: str, first: str, last: str
) -> None:
    """One name for each kind of list: the box offers it, and "looks like a personnel roster,
    not a TPS list" names the same choice (messages.IMPORT_KIND_NAMES)."""
    wizard = ImportWizard(store, actor=STAFF, lang=lang)
    qtbot.addWidget(wizard)
    box = wizard.file_page.kind
    names = [box.itemText(i) for i in range(box.count())]
    assert names[0] == first and names[-1] == last and len(set(names)) == box.count() == 7


def test_install_adds_the_data_menu(qtbot: QtBot, store: Store) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    install(window, STAFF, store=store)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Data" in menus
    action = window.findChild(type(window.menuBar().actions()[0]), "importAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+I"


def test_history_reverts_an_import(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    store: Store,
    tiny_operation: TinyOperation,
    tmp_path: Path,
) -> None:
    from opscenter.roster.commit import commit
    from ui.import_history import ImportHistoryDialog

    preview = prepare(store, roster(tmp_path / "r.xlsx"), Options(kind="personnel"))
    with store.read() as s:
        before = s.scalar(select(func.count(Personnel.id)))
    outcome = commit(store, Actor("staf", role="staff"), preview)
    dialog = ImportHistoryDialog(store, actor=Actor("staf", role="staff"))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == outcome.txn_id
    assert dialog.model.index(0, 4).data() == "r.xlsx"
    with store.read() as s:
        at = s.get(JournalTxn, outcome.txn_id).at
    # On the operation's clocks, named, as every other time in the window: not in UTC.
    assert dialog.model.index(0, 1).data() == local_text(at, "Asia/Jakarta")
    assert dialog.model.index(0, 1).data().endswith(" WIB")
    dialog.view.selectRow(0)
    asked = answer_next_question(YES_NAME)  # how many rows (tests/ui/test_keys.py)
    with qtbot.assertNotEmitted(dialog.model.modelReset):  # the reload repaints one row
        dialog.revert_selected()
        assert asked == [CONFIRM_NAME]
        qtbot.waitUntil(lambda: "dibatalkan" in dialog.message.text(), timeout=10_000)
    assert dialog.model.index(0, 6).data() == "dibatalkan"
    assert [i.row() for i in dialog.view.selectionModel().selectedRows()] == [0]
    with store.read() as s:
        assert s.scalar(select(func.count(Personnel.id))) == before
    dialog.view.selectRow(0)
    dialog.revert_selected()  # twice: refused in one sentence, nothing changes
    qtbot.waitUntil(lambda: "sudah pernah" in dialog.message.text(), timeout=10_000)


def test_the_preview_page_flags_formula_text_in_both_languages(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    """Issue 19: a name and a position a spreadsheet would run are imported, but said."""
    path = tmp_path / "rumus.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NAMA", "PANGKAT / NRP", "JABATAN", "KESATUAN"])
    ws.append(["@SUM(1+1)*cmd|' /C calc'!A0", "BRIPDA 75030001", "+cmd", "Polres Kerinci"])
    ws.append(["Budi Santoso", "AKP 75030002", "Kasat", "polres-bungo"])
    for cell in ws[2]:
        cell.data_type = "s"
    wb.save(path)
    for lang, words in (("id", "Perhatian: 2 sel"), ("en", "Warning: 2 cell(s)")):
        wizard = ImportWizard(store, lang=lang, actor=STAFF)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.file_page.path.setText(str(path))
        wizard.next()
        qtbot.waitUntil(lambda w=wizard: w.currentPage() is w.mapping_page, timeout=10_000)
        wizard.next()
        qtbot.waitUntil(lambda w=wizard: w.currentPage() is w.preview_page, timeout=10_000)
        page = wizard.preview_page
        assert page.warnings.isVisible()
        text = page.warnings.text()
        assert text.startswith(words)
        assert "Sheet!A2" in text and "Sheet!C2" in text and "+cmd" in text
        assert "Baru 2" in page.counts.text() and "ditolak 0" in page.counts.text()
        wizard.close()


def _visible_buttons(wizard: ImportWizard) -> dict[str, str]:
    """The wizard's buttons a person can see, by role, with their words."""
    roles = {
        "back": QWizard.WizardButton.BackButton,
        "next": QWizard.WizardButton.NextButton,
        "commit": QWizard.WizardButton.CommitButton,
        "finish": QWizard.WizardButton.FinishButton,
        "cancel": QWizard.WizardButton.CancelButton,
    }
    shown = {name: wizard.button(role) for name, role in roles.items()}
    return {name: b.text() for name, b in shown.items() if b is not None and b.isVisible()}


def test_the_commit_button_names_the_import_and_the_end_offers_only_close(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    """Issue 14: "Next >" committed the import, and "Cancel" stayed after it had finished."""
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    to_mapping(qtbot, wizard, roster(tmp_path / "r.xlsx"))
    assert "next" in _visible_buttons(wizard) and "commit" not in _visible_buttons(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10_000)
    buttons = _visible_buttons(wizard)
    assert buttons["commit"] == "&Impor 2 baris"  # two new rows; the rejected one is not written
    assert "next" not in buttons and "finish" not in buttons
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    assert _visible_buttons(wizard) == {"finish": "&Tutup"}


def test_the_commit_button_counts_new_and_changed_rows(
    store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    from opscenter.roster.commit import commit

    path = roster(tmp_path / "r.xlsx")
    commit(store, STAFF, prepare(store, path, Options(kind="personnel")))
    assert commit_text(prepare(store, path, Options(kind="personnel"))) == (
        "&Selesai tanpa perubahan"
    )
    wb = openpyxl.load_workbook(path)
    wb.active["E3"] = "0812 9999 0000"  # Andi's phone changes: one row to write
    wb.save(path)
    assert commit_text(prepare(store, path, Options(kind="personnel"))) == "&Impor 1 baris"


# --- sarpras lists (issue 15): the same pages, the unit from a column or chosen -------------

# The calamine corpus (README there): beside the checkout, or beside the worktrees' folder.
_ROOT = Path(__file__).resolve().parents[2]
CORPUS = next(
    (
        d / "shared" / "corpus" / "spreadsheets"
        for d in (_ROOT.parent, _ROOT.parent.parent)
        if (d / "shared" / "corpus" / "spreadsheets").is_dir()
    ),
    _ROOT.parent / "shared" / "corpus" / "spreadsheets",
)


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


def _sarpras_wizard(qtbot: QtBot, store: Store, path: Path) -> ImportWizard:
    """A wizard on "Daftar sarpras" given ``path``, its first page's job started."""
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("sarpras"))
    assert page.kind.currentText() == "Daftar sarpras"
    page.path.setText(str(path))
    wizard.next()
    return wizard


def _to_page(qtbot: QtBot, wizard: ImportWizard, page: QWizardPage) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=10_000)


def _stock(store: Store, ids: Small) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(unit code, category code) -> (baik, RR, RB) as stored."""
    with store.read() as s:
        rows = s.execute(
            select(Unit.code, SarprasCategory.code, SarprasStock.baik, SarprasStock.rusak_ringan,
                   SarprasStock.rusak_berat)
            .join(Unit, Unit.id == SarprasStock.unit_id)
            .join(SarprasCategory, SarprasCategory.id == SarprasStock.category_id)
            .where(SarprasStock.operation_id == ids.operation_id)
        ).all()  # fmt: skip
    return {(r[0], r[1]): (r[2], r[3], r[4]) for r in rows}


def _head(store: Store) -> int:
    with store.read() as s:
        return journal.head(s)


def test_a_sarpras_list_with_a_unit_column_and_again_unchanged(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    path = _one_column_workbook(tmp_path / "rekap.xlsx")
    wizard = _sarpras_wizard(qtbot, store, path)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    page = wizard.mapping_page
    assert page.model.mapping()["unit"] == 1  # SATKER: the unit comes from the column
    assert not page.unit.isVisible() and not page.create_units.isVisible()
    _to_page(qtbot, wizard, wizard.preview_page)
    preview = wizard.preview_page
    assert preview.counts.text() == "Baru 3, berubah 0, tetap 0, ditolak 0."
    assert not preview.error.isVisible()
    keys = {preview.model.index(i, 2).data() for i in range(preview.model.rowCount())}
    assert keys == {"Polsek A1 / HT", "Polsek A2 / Kendaraan roda 2", "Polsek A2 / Senjata api"}
    assert _visible_buttons(wizard)["commit"] == "&Impor 3 baris"
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    assert "3 baru, 0 berubah, 0 tetap" in wizard.done_page.result.text()
    held = _stock(store, small)
    assert held[("pa1", "ht")] == (5, 2, 1) and held[("pa2", "r2")] == (4, 0, 0)
    head = _head(store)
    wizard.close()

    again = _sarpras_wizard(qtbot, store, path)  # the same file: nothing to write, and said
    qtbot.waitUntil(lambda: again.currentPage() is again.mapping_page, timeout=10_000)
    _to_page(qtbot, again, again.preview_page)
    assert again.preview_page.counts.text() == "Baru 0, berubah 0, tetap 3, ditolak 0."
    assert again.preview_page.model.rowCount() == 0
    assert _visible_buttons(again)["commit"] == "&Selesai tanpa perubahan"
    assert alt_letter_faults(again) == []  # beside "Simpan baris yang &ditolak…"
    again.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: again.currentPage() is again.done_page, timeout=10_000)
    assert again.done_page.result.text() == (
        "Tidak ada yang perlu disimpan: 3 baris sudah sama dengan basis data."
    )
    assert _head(store) == head and _stock(store, small) == held


def test_a_sarpras_list_without_a_unit_column_takes_the_letterhead_guess_or_a_choice(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    path = _split_workbook(tmp_path / "polres_a.xlsx")  # RESOR A on its letterhead
    wizard = _sarpras_wizard(qtbot, store, path)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    page = wizard.mapping_page
    assert "unit" not in page.model.mapping()
    mapped = page.model.mapping()
    assert (mapped["baik"], mapped["rusak_ringan"], mapped["rusak_berat"]) == (3, 4, 5)
    assert page.unit.isVisible()
    # The operation's Polda and Polres units, the Polda first; the letterhead's preset.
    choices = [page.unit.itemText(i) for i in range(page.unit.count())]
    assert choices == ["Polda Uji", "Polres A", "Polres B"]
    assert page.unit.currentText() == "Polres A"
    assert page.unit_note.text().startswith("Polres A ditebak dari kop surat")
    page.unit.setCurrentIndex(page.unit.findData("pb"))  # the person knows better
    assert page.unit_note.text() == ""
    _to_page(qtbot, wizard, wizard.preview_page)
    assert wizard.preview_page.counts.text() == "Baru 3, berubah 0, tetap 0, ditolak 0."
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    held = _stock(store, small)
    assert {u for u, _c in held} == {"pb"}
    assert held[("pb", "ht")] == (15, 3, 2)
    wizard.close()

    # Polres B's list changes: one row; the preview says which cell and from what to what.
    wb = openpyxl.load_workbook(path)
    wb.active["C13"] = 21  # HT: 21 in all, rusak ringan 3 -> 4
    wb.active["E13"] = 4
    wb.save(path)
    again = _sarpras_wizard(qtbot, store, path)
    qtbot.waitUntil(lambda: again.currentPage() is again.mapping_page, timeout=10_000)
    again.mapping_page.unit.setCurrentIndex(again.mapping_page.unit.findData("pb"))
    _to_page(qtbot, again, again.preview_page)
    model = again.preview_page.model
    assert again.preview_page.counts.text() == "Baru 0, berubah 1, tetap 2, ditolak 0."
    assert model.index(0, 1).data() == "Berubah"
    assert model.index(0, 3).data() == "Rusak ringan: 3 \u2192 4"
    again.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: again.currentPage() is again.done_page, timeout=10_000)
    assert "0 baru, 1 berubah, 2 tetap" in again.done_page.result.text()
    assert _stock(store, small)[("pb", "ht")] == (15, 4, 2)


def test_a_sarpras_list_whose_letterhead_names_no_unit_asks_for_one(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    path = _split_workbook(tmp_path / "tanpa_kop.xlsx", letterhead=False)
    wizard = _sarpras_wizard(qtbot, store, path)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    page = wizard.mapping_page
    assert page.unit.currentIndex() == -1
    assert "tidak menyebut satuan" in page.unit_note.text()
    wizard.next()
    assert page.error.text() == "Pilih satuan pemilik daftar ini."
    assert wizard.currentPage() is page
    page.unit.setCurrentIndex(page.unit.findData("pa"))
    _to_page(qtbot, wizard, wizard.preview_page)
    assert wizard.preview_page.counts.text().startswith("Baru 3")


def _bad_rows(path: Path) -> Path:
    return _one_column_workbook(
        path,
        [
            [1, "Polsek A1", "HT", "baik", 5, "buah", None],
            [2, "Polsek A1", "Kapal selam", "baik", 1, "unit", None],
            [3, "Polsek A2", "HT", "baik", -2, "buah", None],
            [4, "Polres Entah", "HT", "baik", 1, "buah", None],
        ],
    )


def test_a_sarpras_list_with_refused_cells_is_shown_and_not_saved(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    """Unknown category, a negative count, a unit not in the operation: each cell said, the
    whole list refused in one sentence, the commit button off and the database unchanged."""
    head = _head(store)
    wizard = _sarpras_wizard(qtbot, store, _bad_rows(tmp_path / "salah.xlsx"))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    _to_page(qtbot, wizard, wizard.preview_page)
    page = wizard.preview_page
    assert page.counts.text() == "Baru 1, berubah 0, tetap 0, ditolak 3."
    details = [page.model.index(i, 3).data() for i in range(page.model.rowCount())]
    # Each refused cell quoted, as the command line says it (messages.cell_problem).
    assert details[1].startswith("Data!C4 \u201cKapal selam\u201d: jenis sarpras tidak dikenal")
    assert details[2] == "Data!E5 \u201c-2\u201d: jumlah tidak boleh negatif."
    assert details[3].startswith("Data!B6 (Kesatuan) \u201cPolres Entah\u201d: ")  # its field
    assert [page.model.index(i, 1).data() for i in range(4)] == [
        "Baru", "Ditolak", "Ditolak", "Ditolak",
    ]  # fmt: skip
    assert page.error.isVisible()
    assert page.error.text() == (
        "3 baris ditolak (3 sel) di salah.xlsx, jadi tidak ada yang tersimpan; perbaiki sel "
        "itu lalu impor lagi."
    )
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    # Off, and saying so: not "Impor 1 baris" (walk 36).
    assert not commit.isEnabled() and commit.text() == "Tidak dapat diimpor"
    out = tmp_path / "ditolak.xlsx"
    page.write_errors(out)  # the refused rows, marked, to send back to the Polres
    marked = openpyxl.load_workbook(out).active
    assert marked["C2"].value == "Kapal selam" and marked["C2"].comment is not None
    wizard.next()  # the button is off; the key does nothing either
    assert wizard.currentPage() is page
    assert _head(store) == head and _stock(store, small) == {}


def _no_sarpras_table(tmp_path: Path) -> Path:
    return roster(tmp_path / "personel.xlsx")  # a real roster, but no sarpras table in it


def _truncated(tmp_path: Path) -> Path:
    good = _one_column_workbook(tmp_path / "baik.xlsx")
    path = tmp_path / "potong.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return path


def _corpus(name: str) -> Callable[[Path], Path]:
    def get(_tmp: Path) -> Path:
        if not (CORPUS / name).exists():
            pytest.skip(f"corpus not found at {CORPUS}")
        return CORPUS / name

    return get


@pytest.mark.parametrize(
    ("make", "words"),
    [
        # A roster chosen as a sarpras list is said to be a roster, and which kind to choose.
        (_no_sarpras_table, "berisi \u201cDaftar personel\u201d, bukan \u201cDaftar sarpras\u201d"),
        (_corpus("temperature.xlsx"), "tidak ditemukan tabel sarpras"),
        (_truncated, "rusak atau terpotong"),
        (_corpus("pass_protected.xlsx"), "kata sandi"),
        # Text named .xls: said to be no Excel workbook, not to lack known headings.
        (_corpus("too_small.xls"), "bukan buku kerja Excel yang sah"),
    ],
    ids=["roster", "corpus-temperature", "truncated", "corpus-password", "corpus-text-as-xls"],
)
def test_a_file_that_is_no_sarpras_list_is_refused_on_the_first_page(
    qtbot: QtBot,
    store: Store,
    small: Small,
    tmp_path: Path,
    make: Callable[[Path], Path],
    words: str,
) -> None:
    head = _head(store)
    wizard = _sarpras_wizard(qtbot, store, make(tmp_path))
    page = wizard.file_page
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
    assert words in page.error.text()
    assert wizard.currentPage() is page
    assert _head(store) == head and _stock(store, small) == {}


def test_a_sarpras_import_is_reverted_from_the_history(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    """As for rosters: the wizard writes, the history of imports takes it back."""
    from ui.import_history import ImportHistoryDialog

    wizard = _sarpras_wizard(qtbot, store, _one_column_workbook(tmp_path / "rekap.xlsx"))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    _to_page(qtbot, wizard, wizard.preview_page)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    assert len(_stock(store, small)) == 3
    dialog = ImportHistoryDialog(store, actor=STAFF)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 3).data() == "Daftar sarpras"
    dialog.view.selectRow(0)
    answer_next_question(YES_NAME)
    dialog.revert_selected()
    qtbot.waitUntil(lambda: "dibatalkan" in dialog.message.text(), timeout=10_000)
    assert _stock(store, small) == {}


# --- the KPU's TPS list (issue 18): what the import chose by itself is said -----------------


def _tps_wizard(qtbot: QtBot, store: Store, path: Path) -> ImportWizard:
    """A wizard on "TPS" given ``path``, on its mapping page."""
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("tps"))
    to_mapping(qtbot, wizard, path)
    return wizard


def test_a_kpu_recap_says_its_choices_on_the_mapping_and_preview_pages(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    from tests.core.test_kpu_tps import kpu_recap

    wizard = _tps_wizard(qtbot, store, kpu_recap(tmp_path / "dpt.xlsx"))
    mapping = wizard.mapping_page
    assert mapping.model.mapping()["voters"] == 6  # G: JUMLAH PEMILIH L+P, not E (L)
    assert mapping.choices_note.isVisibleTo(wizard)
    assert mapping.choices_note.text().startswith(
        "Jumlah pemilih (DPT) diambil dari kolom G \u201cJUMLAH PEMILIH L+P\u201d"
    )
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10_000)
    preview = wizard.preview_page
    assert "berubah 13" in preview.counts.text() and "ditolak 0" in preview.counts.text()
    assert "2 baris jumlah dilewati." in preview.warnings.text()


def test_the_mapping_page_asks_when_two_columns_could_be_the_voters(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    from tests.core.test_kpu_tps import two_voters_columns

    wizard = _tps_wizard(qtbot, store, two_voters_columns(tmp_path / "dua.xlsx"))
    model = wizard.mapping_page.model
    row = next(i for i in range(model.rowCount()) if model.index(i, 0).data().startswith("Jumlah"))
    assert model.index(row, MappingColumn.CERTAINTY).data() == "perlu dicek"
    # Said where the column is chosen: on this page, by a double click on the field's row.
    assert wizard.mapping_page.choices_note.text().endswith(
        "padahal E \u201cDPT\u201d juga bisa; periksa angkanya, atau klik dua kali baris "
        "Jumlah pemilih (DPT) di atas untuk memilih kolom lain."
    )


# --- plotting lists (issue 18): the stage chosen on the mapping page ------------------------


def _plotted(store: Store) -> tuple[Small, Any]:
    """The small operation with its voting-day posts formed and plotted, and the plotting."""
    from opscenter.plotting.plot import plot, plotting
    from opscenter.plotting.posts import form_posts
    from tests.builders import ADMIN

    ids = build_small_operation(store)
    stage = ids.stages["pemungutan"]
    form_posts(store, ADMIN, ids.operation_id, stage)
    plot(store, ADMIN, ids.operation_id, stage)
    with store.read() as s:
        return ids, plotting(s, ids.operation_id, stage)


def _plotting_wizard(qtbot: QtBot, store: Store, path: Path) -> ImportWizard:
    """A wizard on "Plotting personel" given ``path``, on its mapping page."""
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("plotting"))
    assert page.kind.currentText() == "Plotting personel"
    to_mapping(qtbot, wizard, path)
    return wizard


def test_a_plotting_list_moves_and_places_and_is_reverted_from_the_history(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from tests.core.test_plot_import import _polres_workbook
    from ui.import_history import ImportHistoryDialog

    _ids, p = _plotted(store)
    first, second = p.posts[0], p.posts[1]
    mover, fresh = second.officers[0].officer, p.reserve[0]
    t = first.post.tps[0]
    path = _polres_workbook(
        tmp_path / "plotting.xlsx",
        [(first.post.kecamatan.upper(), [
            [1, t.desa.upper(), f"{t.number:03d}", mover.name, mover.rank, mover.nrp, None],
            [2, None, None, fresh.name, fresh.rank, fresh.nrp, None],
        ])],
    )  # fmt: skip
    wizard = _plotting_wizard(qtbot, store, path)
    page = wizard.mapping_page
    assert page.stage.isVisible() and page.stage.currentText() == "Pemungutan suara"
    assert not page.unit.isVisible() and not page.create_units.isVisible()
    _to_page(qtbot, wizard, wizard.preview_page)
    preview = wizard.preview_page
    assert preview.counts.text() == "Baru 1, berubah 1, tetap 0, ditolak 0."
    rows = [
        tuple(preview.model.index(i, c).data() for c in range(4))
        for i in range(preview.model.rowCount())
    ]
    kec = first.post.kecamatan
    assert rows == [
        (8, "Berubah", f"{mover.nrp} {mover.name} \u2192 Pos 1 {kec}",
         f"Pos: Pos 2 {kec} \u2192 Pos 1 {kec}"),
        (9, "Baru", f"{fresh.nrp} {fresh.name} \u2192 Pos 1 {kec}", ""),
    ]  # fmt: skip
    assert _visible_buttons(wizard)["commit"] == "&Impor 2 baris"
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    with store.read() as s:
        from opscenter.model import GuardAssignment

        placed = {r.personnel_id: (r.post_id, r.locked) for r in s.scalars(select(GuardAssignment))}
    assert placed[mover.id] == placed[fresh.id] == (first.post.id, True)
    dialog = ImportHistoryDialog(store, actor=STAFF)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 3).data() == "Plotting personel"
    dialog.view.selectRow(0)
    answer_next_question(YES_NAME)
    dialog.revert_selected()
    qtbot.waitUntil(lambda: "dibatalkan" in dialog.message.text(), timeout=10_000)
    with store.read() as s:
        back = {r.personnel_id: r.post_id for r in s.scalars(select(GuardAssignment))}
    assert back[mover.id] == second.post.id and fresh.id not in back


def test_a_plotting_list_for_a_stage_without_posts_is_refused_on_the_mapping_page(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from tests.core.test_plot_import import _polres_workbook

    _ids, p = _plotted(store)
    t = p.posts[0].post.tps[0]
    path = _polres_workbook(
        tmp_path / "k.xlsx", [("KECAMATAN A1", [[1, t.desa, t.number, "Personel 1", None, None]])]
    )
    head = _head(store)
    wizard = _plotting_wizard(qtbot, store, path)
    page = wizard.mapping_page
    page.stage.setCurrentIndex(page.stage.findData("kampanye"))
    wizard.next()
    qtbot.waitUntil(page.error.isVisible, timeout=10_000)
    assert page.error.text().startswith("Tahapan Kampanye belum mempunyai pos pengamanan")
    assert wizard.currentPage() is page and _head(store) == head


def test_the_plotting_window_opens_the_wizard_on_its_stage(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """*Plotting → Impor plotting dari Excel…*: the wizard on "Plotting personel", the
    stage the window shows chosen; off for a role that may not change the plotting."""
    from tests.core.test_plot_import import _polres_workbook
    from ui.plotting_window import PlottingWindow

    _ids, p = _plotted(store)
    t = p.posts[0].post.tps[0]
    path = _polres_workbook(
        tmp_path / "k.xlsx", [("KECAMATAN A1", [[1, t.desa, t.number, "Personel 1", None, None]])]
    )
    window = PlottingWindow(store, actor=STAFF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    action = window.findChild(QAction, "plotImportAction")
    assert action is not None and action.isEnabled()
    assert action.text() == "&Impor plotting dari Excel\u2026"
    action.trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    assert wizard.file_page.kind.currentData() == "plotting"
    to_mapping(qtbot, wizard, path)
    with store.read() as s:
        from opscenter.model import Stage

        shown = s.get_one(Stage, window.stage_id).code
    assert wizard.mapping_page.stage.currentData() == shown
    wizard.close()
    reader = PlottingWindow(store, actor=Actor("op", role="operator"))
    qtbot.addWidget(reader)
    later = reader.findChild(QAction, "plotImportAction")
    assert later is not None and not later.isEnabled()


# --- walk 36: the wizard by keyboard alone ----------------------------------------------------


def test_f2_opens_the_chosen_pairs_column_and_enter_commits_it(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    """The walk: "Klik dua kali untuk mengubah", and F2 or Enter on a pair did nothing but turn
    the page. F2 opens the pair's column (the row's cursor stands on its field), Enter takes
    the choice and stays on the page."""
    from PySide6.QtWidgets import QComboBox

    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    to_mapping(qtbot, wizard, roster(tmp_path / "r.xlsx"))
    page = wizard.mapping_page
    assert "F2 atau klik dua kali untuk mengubah" in page.subTitle()
    model = page.model
    row = next(i for i in range(model.rowCount()) if model.index(i, 0).data().startswith("No. HP"))
    page.view.setFocus()
    page.view.setCurrentIndex(model.index(row, MappingColumn.FIELD))
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = page.view.viewport().findChild(QComboBox)
    assert editor is not None and editor.currentText() == "E \u2014 HP"
    scanned = wizard.job  # the first page's
    qtbot.keyClick(editor, Qt.Key.Key_Home)  # "(tidak ada)"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "phone" not in model.mapping())
    qtbot.wait(50)
    assert wizard.job is scanned and wizard.currentPage() is page  # not "next" as well
    assert page.view.state() != page.view.State.EditingState


def test_a_sarpras_preview_counts_rows_and_cells_alike_and_shows_every_refused_cell(
    qtbot: QtBot, store: Store, small: Small, tmp_path: Path
) -> None:
    """The walk: "ditolak 2" above "5 sel di sarpras_kerinci.xlsx ditolak", each row's detail
    ending in "…" after its first cell, and whole numbers quoted as "-5.0"."""
    path = _one_column_workbook(
        tmp_path / "sarpras_kerinci.xlsx",
        [
            [1, "Polsek A1", "HT", "baik", 5, "buah", None],
            [2, "Polsek A1", "Kapal selam", "sangat baik", -5, "unit", None],
            [3, "Polres Entah", "HT", "baik", -1, "buah", None],
        ],
    )
    wizard = _sarpras_wizard(qtbot, store, path)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    _to_page(qtbot, wizard, wizard.preview_page)
    page = wizard.preview_page
    assert page.counts.text() == "Baru 1, berubah 0, tetap 0, ditolak 2."
    assert page.error.text().startswith("2 baris ditolak (5 sel) di sarpras_kerinci.xlsx, ")
    detail = page.model.index(1, 3).data()
    assert detail.splitlines() == [
        "Data!C4 \u201cKapal selam\u201d: jenis sarpras tidak dikenal.",
        "Data!E4 \u201c-5\u201d: jumlah tidak boleh negatif.",
        "Data!D4 \u201csangat baik\u201d: kondisi tidak dikenal: tulis baik, RR (rusak ringan) "
        "atau RB (rusak berat).",
    ]
    # A refused row says in Kunci which it is, as a roster's keeps its NRP: the unit and
    # category its cells gave, a name the operation does not know as the file writes it.
    keys = [page.model.index(i, PreviewColumn.KEY).data() for i in range(3)]
    assert keys == ["Polsek A1 / HT", "Polsek A1 / Kapal selam", "Polres Entah / HT"]
    # The detail wraps in the width left by the row, result and key, the row as tall as it.
    view = page.view
    header = view.horizontalHeader()
    assert header.sectionSize(3) > view.viewport().width() // 2
    assert view.wordWrap()
    qtbot.waitUntil(lambda: view.rowHeight(1) >= 3 * view.fontMetrics().lineSpacing())


def test_tab_leaves_the_preview_and_its_buttons_have_their_own_letters(
    qtbot: QtBot, store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    """The walk: Tab and Ctrl+Tab walked the preview's cells, and "Simpan baris yang
    ditolak…" and "Impor N baris" had no Alt letter."""
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    to_mapping(qtbot, wizard, roster(tmp_path / "r.xlsx"))
    _to_page(qtbot, wizard, wizard.preview_page)
    page = wizard.preview_page
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert page.save_errors.hasFocus()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert page.save_errors.shortcut().toString() == "Alt+D"
    assert commit.shortcut().toString() == "Alt+I"
    assert alt_letter_faults(wizard) == []


def test_every_button_of_the_wizard_has_an_alt_letter_of_its_own(
    qtbot: QtBot, indonesian: object, store: Store, small: Small, tmp_path: Path
) -> None:
    """The walk: Batal (Qt's Cancel) and the last page's Tutup had no Alt letter, while the
    wizard's other buttons had. Page by page, as the user meets them, in Qt's Indonesian
    words (< &Kembali, &Lanjut >): every button has a letter and no letter is given twice,
    a field label's included (&Berkas took B, so Batal is B&atal)."""
    path = _split_workbook(tmp_path / "tanpa_kop.xlsx", letterhead=False)
    wizard = _sarpras_wizard(qtbot, store, path)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    seen: dict[str, list[str]] = {}

    def look(name: str) -> None:
        seen[name] = alt_letter_faults(wizard)

    look("file")
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    page = wizard.mapping_page
    page.unit.setCurrentIndex(page.unit.findData("pa"))
    look("mapping")
    assert cancel.text() == "B&atal" and cancel.shortcut().toString() == "Alt+A"
    _to_page(qtbot, wizard, wizard.preview_page)
    look("preview")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    look("done")
    assert _visible_buttons(wizard) == {"finish": "&Tutup"}
    assert seen == {"file": [], "mapping": [], "preview": [], "done": []}
