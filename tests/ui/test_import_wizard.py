"""The import wizard: models pass qtmodeltester; a whole import runs off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPushButton, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from opscenter import journal
from opscenter.actor import Actor
from opscenter.model import Personnel
from opscenter.roster.preview import Options, prepare, scan
from opscenter.store import Store
from tests.ui.answers import answer_next_question
from tests.ui.conftest import TinyOperation
from ui.confirm import BOX_NAME as CONFIRM_NAME
from ui.confirm import YES_NAME
from ui.data_menu import install
from ui.import_models import NO_COLUMN, MappingColumn, MappingModel, PreviewModel
from ui.import_wizard import ImportWizard, commit_text

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
    assert "Sheet!C5" in detail and "NRP/NIP tidak sah" in detail
    # The cell cuts a long sentence; its tooltip holds it whole (a new row has none).
    assert model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole) == detail
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) is None
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
    with store.read() as s:
        assert s.scalar(select(func.count(Personnel.id))) == (before or 0) + 2


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


def test_install_adds_the_data_menu(qtbot: QtBot, store: Store) -> None:
    window = QMainWindow()
    window._store = store  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    install(window, STAFF)
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
    assert buttons["commit"] == "Impor 2 baris"  # two new rows; the rejected one is not written
    assert "next" not in buttons and "finish" not in buttons
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    assert _visible_buttons(wizard) == {"finish": "Tutup"}


def test_the_commit_button_counts_new_and_changed_rows(
    store: Store, tiny_operation: TinyOperation, tmp_path: Path
) -> None:
    from opscenter.roster.commit import commit

    path = roster(tmp_path / "r.xlsx")
    commit(store, STAFF, prepare(store, path, Options(kind="personnel")))
    assert commit_text(prepare(store, path, Options(kind="personnel"))) == (
        "Selesai tanpa perubahan"
    )
    wb = openpyxl.load_workbook(path)
    wb.active["E3"] = "0812 9999 0000"  # Andi's phone changes: one row to write
    wb.save(path)
    assert commit_text(prepare(store, path, Options(kind="personnel"))) == "Impor 1 baris"
