"""The readiness lists dialog (Ubah > Daftar aspek dan sarpras…, Ctrl+Shift+L): the aspects
and the sarpras categories added, renamed, moved, removed and (a category's rule) changed
from the keyboard, each undone with Ctrl+Z; refusals said in the form, nothing changed; a
category's group, measure and ammunition flag changed and set back the same way.

The tiny operation of ``tests/ui/conftest.py`` (Polda Jambi over Polres Kerinci and Bungo).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opscenter.actor import Actor
from opscenter.live import JournalFollower
from opscenter.model import ReadinessAspect, SarprasCategory
from opscenter.readiness import aspects, sarpras, sarpras_categories
from opscenter.readiness.judgements import JudgementValue, set_judgement
from opscenter.reference import READINESS_ASPECTS, items
from opscenter.store import Store
from tests.ui.answers import NOT_ASKED, answer_next_question
from tests.ui.conftest import TinyOperation
from ui import screen_fit
from ui.confirm import NO_NAME, YES_NAME
from ui.main_window import MainWindow
from ui.readiness_lists_dialog import ReadinessListsDialog
from ui.readiness_lists_models import rule_sentence
from ui.reference_list_page import ListPage
from ui.reference_lists_dialog import ListsDialog
from ui.unsaved import DISCARD_NAME

STAFF = Actor("bagops.uji", role="staff")
CTRL = Qt.KeyboardModifier.ControlModifier
# The seeded aspects, in their order.
SEEDED = [code for code, *_rest in READINESS_ASPECTS]


Model = type[ReadinessAspect] | type[SarprasCategory]


def stored(store: Store, model: Model, op: int) -> list[Any]:
    with store.read() as s:
        return [(r.code, r.name, r.name_en) for r in items(s, model, op)]


def codes(store: Store, op: int) -> list[str]:
    return [c for c, _n, _e in stored(store, ReadinessAspect, op)]


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> ReadinessListsDialog:
    return open_dialog(qtbot, window)


def open_dialog(qtbot: QtBot, window: MainWindow) -> ReadinessListsDialog:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    action = window.findChild(QAction, "readinessListsAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+L"
    action.trigger()  # the key itself: tests/ui/test_keys.py presses every registry key
    found = window.findChild(ReadinessListsDialog)
    assert found is not None and found.isVisible()
    qtbot.waitUntil(found.loaded)
    return found


def save(qtbot: QtBot, dialog: ListsDialog, keys: Any = None) -> None:
    """Ctrl+Enter (or ``keys``) from the focused field; wait for the write and the read."""
    with qtbot.waitSignal(dialog.write_done):
        if keys is None:
            widget = QApplication.focusWidget() or dialog
            qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        else:
            keys()
    qtbot.waitUntil(dialog.loaded)


def active(qtbot: QtBot, dialog: ListsDialog) -> None:
    """The dialog active again after a question (offscreen, a closed message box stays the
    active window, and the dialog's keys would not reach it)."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def undo(qtbot: QtBot, dialog: ReadinessListsDialog) -> None:
    active(qtbot, dialog)
    with qtbot.waitSignal(dialog.writes.write_done):
        qtbot.keyClick(dialog.aspects.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.writes.busy)


def choose(page: ListPage, code: str) -> None:
    row = next(i for i, r in enumerate(page.model.rows()) if r.item.code == code)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, 0))


def test_an_aspect_is_added_renamed_moved_and_removed_and_each_is_undone(
    qtbot: QtBot, dialog: ReadinessListsDialog, store: Store, tiny_operation: TinyOperation
) -> None:
    op = tiny_operation.operation_id
    page = dialog.aspects
    assert [r.item.code for r in page.model.rows()] == SEEDED
    assert not dialog.is_dirty()

    # Add: Alt+O to the code, type, Tab on, Ctrl+Enter.
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert page.code.hasFocus()
    qtbot.keyClicks(page.code, "Logistik Pemilu")
    qtbot.keyClick(page.code, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.new_name, "Logistik  pemilu")
    assert dialog.is_dirty()
    save(qtbot, dialog)
    assert codes(store, op) == [*SEEDED, "logistik-pemilu"]
    assert page.model.rowCount() == 9 and page.item() is not None
    assert page.item().code == "logistik-pemilu"  # type: ignore[union-attr]
    assert not dialog.is_dirty()
    window = dialog.parentWidget()
    assert isinstance(window, MainWindow)
    assert window.undo_stack.undoText() == "Tambah aspek Logistik pemilu"

    # Rename the chosen one (its code stays).
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Logistik Pilkada")
    save(qtbot, dialog)
    assert stored(store, ReadinessAspect, op)[-1] == ("logistik-pemilu", "Logistik Pilkada", None)

    # Move it up from the list (Ctrl+Up), twice.
    for _ in range(2):
        save(qtbot, dialog, lambda: qtbot.keyClick(page.view, Qt.Key.Key_Up, CTRL))
    assert codes(store, op)[-3:] == ["logistik-pemilu", "kamtibmas", "masyarakat"]
    assert page.item().code == "logistik-pemilu"  # type: ignore[union-attr]

    # Remove it (Delete, asked first: Batal keeps it, Hapus removes it).
    seen = answer_next_question(NO_NAME)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["confirmQuestion"] and "logistik-pemilu" in codes(store, op)
    active(qtbot, dialog)
    page.view.setFocus()
    seen = answer_next_question(YES_NAME)
    save(qtbot, dialog, lambda: qtbot.keyClick(page.view, Qt.Key.Key_Delete))
    assert seen == ["confirmQuestion"]
    assert codes(store, op) == SEEDED

    # Ctrl+Z undoes each: put back, moved down twice, named back, removed.
    undo(qtbot, dialog)
    assert codes(store, op)[-3:] == ["logistik-pemilu", "kamtibmas", "masyarakat"]
    undo(qtbot, dialog)
    undo(qtbot, dialog)
    assert codes(store, op) == [*SEEDED, "logistik-pemilu"]
    undo(qtbot, dialog)
    assert stored(store, ReadinessAspect, op)[-1][1] == "Logistik pemilu"
    undo(qtbot, dialog)
    assert codes(store, op) == SEEDED
    qtbot.waitUntil(lambda: page.model.rowCount() == 8)
    # And redo does them again, the last one too (the history follows the new ids).
    for _ in range(5):
        with qtbot.waitSignal(dialog.writes.write_done):
            window.undo_stack.redo()
    assert codes(store, op) == SEEDED
    assert window.undo_stack.undoText() == "Hapus aspek Logistik Pilkada"


def test_refusals_are_said_in_the_form_and_change_nothing(
    qtbot: QtBot, dialog: ReadinessListsDialog, store: Store, tiny_operation: TinyOperation
) -> None:
    op = tiny_operation.operation_id
    page = dialog.aspects
    window = dialog.parentWidget()
    assert isinstance(window, MainWindow)
    steps = window.undo_stack.count()
    before = stored(store, ReadinessAspect, op)

    # A code that is taken.
    qtbot.keyClicks(page.code, "posko")
    qtbot.keyClicks(page.new_name, "Posko kedua")
    save(qtbot, dialog, lambda: qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton))
    assert dialog.last_error == (
        "Kode \u201cposko\u201d sudah dipakai oleh aspek kesiapan \u201cPosko\u201d; pilih kode "
        "lain. Tidak ada yang disimpan."
    )
    assert dialog.problem.isVisible()
    assert page.code.text() == "posko"  # what was typed is kept

    # An empty name on rename.
    choose(page, "latihan")
    page.name.clear()
    save(qtbot, dialog, lambda: qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton))
    assert dialog.last_error == "Nama wajib diisi."

    # In use: a judgement on the aspect.
    posko = next(r.item.id for r in page.model.rows() if r.item.code == "posko")
    set_judgement(
        store, STAFF, op, JudgementValue(tiny_operation.kerinci_id, posko, "belum", "genset")
    )
    choose(page, "posko")
    answer_next_question(YES_NAME)
    save(qtbot, dialog, lambda: qtbot.keyClick(page.view, Qt.Key.Key_Delete))
    assert dialog.last_error == (
        "Tidak dihapus: aspek kesiapan \u201cPosko\u201d masih dipakai oleh 1 penilaian "
        "kesiapan. Hapus dulu yang memakainya bila memang tidak diperlukan lagi."
    )

    # A stale version: renamed on another workstation after the list was read.
    choose(page, "kamtibmas")
    row = page.current()
    aspects.rename_aspect(
        store, Actor("kabag.lain", role="staff"), row.item.id, "Kamtibmas",
        expected_version=row.item.version,
    )  # fmt: skip
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Situasi kamtibmas terkini")
    save(qtbot, dialog, lambda: qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton))
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Aspek kesiapan ini sudah diubah oleh kabag.lain pada")

    # The first cannot go up: the button is off.
    choose(page, "personel")
    assert not page.up_button.isEnabled() and page.down_button.isEnabled()

    after = stored(store, ReadinessAspect, op)
    assert after == [a if a[0] != "kamtibmas" else ("kamtibmas", "Kamtibmas", None) for a in before]
    assert window.undo_stack.count() == steps  # nothing refused went on the history
    # The typed add is still there: closing asks first; Buang closes without saving.
    assert dialog.is_dirty()
    active(qtbot, dialog)
    seen = answer_next_question(DISCARD_NAME)
    qtbot.keyClick(page.view, Qt.Key.Key_W, CTRL)
    assert seen == ["unsavedQuestion"]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(store, ReadinessAspect, op) == after


def test_a_category_is_added_and_its_rule_set_read_back_and_undone(
    qtbot: QtBot, dialog: ReadinessListsDialog, store: Store, tiny_operation: TinyOperation
) -> None:
    op = tiny_operation.operation_id
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentIndex() == 1
    page = dialog.categories
    choose(page, "ht")
    assert dialog.rule_text.text() == "1 HT per regu pengamanan TPS"
    row = next(r for r in page.model.rows() if r.item.code == "r2")
    cell = page.model.index(page.model.row_of(row.item.id) or 0, 4)
    assert cell.data() == "1 unit per 10 TPS di tiap kecamatan"  # the name is beside it
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "1 Kendaraan roda 2 per 10 TPS di tiap kecamatan"
    )

    # A new category: code, name, group, measure; Ctrl+Enter.
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert page.code.hasFocus()
    qtbot.keyClicks(page.code, "trail")
    qtbot.keyClicks(page.new_name, "Sepeda motor trail")
    dialog.group.setCurrentIndex(dialog.group.findData("kendaraan"))
    save(qtbot, dialog)
    with store.read() as s:
        added = next(c for c in sarpras.categories(s, op) if c.code == "trail")
    assert (added.group, added.measure, added.rule_basis) == ("kendaraan", "unit", None)
    assert page.item().code == "trail"  # type: ignore[union-attr]
    assert dialog.rule_text.text() == "Tanpa aturan: kebutuhan Sepeda motor trail tidak dihitung."

    # Its rule: 1 per 5 TPS in each kecamatan, read back as typed.
    dialog.rule_basis.setCurrentIndex(dialog.rule_basis.findData("tps_kec"))
    dialog.rule_per.setFocus()
    dialog.rule_per.selectAll()
    qtbot.keyClicks(dialog.rule_per, "5")
    assert dialog.rule_text.text() == "1 Sepeda motor trail per 5 TPS di tiap kecamatan"
    assert dialog.is_dirty()
    save(qtbot, dialog)
    with store.read() as s:
        c = next(c for c in sarpras.categories(s, op) if c.code == "trail")
    assert (c.rule_basis, c.rule_quantity, c.rule_per) == ("tps_kec", 1, 5)
    assert not dialog.is_dirty()

    # Undo: the rule back to none, then the category gone.
    undo(qtbot, dialog)
    with store.read() as s:
        c = next(c for c in sarpras.categories(s, op) if c.code == "trail")
    assert c.rule_basis is None
    undo(qtbot, dialog)
    assert "trail" not in [code for code, _n, _e in stored(store, SarprasCategory, op)]


def test_the_lists_follow_a_change_made_on_another_workstation(
    qtbot: QtBot, dialog: ReadinessListsDialog, store: Store, tiny_operation: TinyOperation
) -> None:
    follower = JournalFollower(store)
    aspects.add_aspect(
        store, Actor("kabag.lain", role="staff"), tiny_operation.operation_id, "cuaca", "Cuaca"
    )
    changes = follower.poll()
    assert changes is not None
    window = dialog.parentWidget()
    assert isinstance(window, MainWindow)
    with qtbot.waitSignal(dialog.read_shown):
        window.feed.changed.emit(changes)
    assert dialog.aspects.model.rows()[-1].item.code == "cuaca"


def test_the_rule_sentence() -> None:
    assert rule_sentence("team", 1, 1, "HT") == "1 HT per regu pengamanan TPS"
    assert rule_sentence("unit", 2, 1, "APAR") == "2 APAR per satuan (Polda, Polres, Polresta)"
    assert rule_sentence("personel", 1, 4, "Helm") == "1 Helm per 4 personel pengamanan TPS"
    assert rule_sentence(None, 1, 1, "Drone").startswith("Tanpa aturan")


def test_closing_at_once_asks_nothing(qtbot: QtBot, window: MainWindow) -> None:
    """Opened and closed before its first read (as a quick Esc does): nothing is typed."""
    window.show()
    qtbot.waitExposed(window)
    window.open_readiness_lists()
    dialog = window.findChild(ReadinessListsDialog)
    assert dialog is not None and not dialog.is_dirty()
    seen = answer_next_question(DISCARD_NAME)
    dialog.reject()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [NOT_ASKED]
    qtbot.waitUntil(lambda: window.findChild(ReadinessListsDialog) is None)  # closed, deleted


def categories_tab(qtbot: QtBot, dialog: ReadinessListsDialog) -> ListPage:
    """Alt+S: the categories' tab."""
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentIndex() == 1
    return dialog.categories


def kind_of(store: Store, op: int, code: str) -> tuple[str, str, bool, int]:
    with store.read() as s:
        c = next(c for c in sarpras.categories(s, op) if c.code == code)
    return c.group, c.measure, c.has_ammunition, c.version


def test_a_category_changes_group_measure_and_ammunition_and_ctrl_z_sets_them_back(
    qtbot: QtBot, dialog: ReadinessListsDialog, store: Store, tiny_operation: TinyOperation
) -> None:
    op = tiny_operation.operation_id
    page = categories_tab(qtbot, dialog)
    choose(page, "ht")
    assert dialog.kind_box.isEnabled()
    assert (dialog.kind_group.currentData(), dialog.kind_measure.text()) == ("komunikasi", "buah")
    assert not dialog.kind_ammunition.isChecked() and not dialog.is_dirty()
    start = kind_of(store, op, "ht")

    # Group, measure and the flag changed from the keyboard; Ctrl+Enter saves them.
    dialog.kind_group.setFocus()
    dialog.kind_group.setCurrentIndex(dialog.kind_group.findData("teknologi"))
    qtbot.keyClick(dialog.kind_group, Qt.Key.Key_Tab)
    assert dialog.kind_measure.hasFocus()
    dialog.kind_measure.selectAll()
    qtbot.keyClicks(dialog.kind_measure, "perangkat")
    qtbot.keyClick(dialog.kind_measure, Qt.Key.Key_Tab)
    assert dialog.kind_ammunition.hasFocus()
    qtbot.keyClick(dialog.kind_ammunition, Qt.Key.Key_Space)
    assert dialog.is_dirty()
    save(qtbot, dialog)
    assert kind_of(store, op, "ht")[:3] == ("teknologi", "perangkat", True)
    assert not dialog.is_dirty()
    row = page.model.row_of(page.item().id)  # type: ignore[union-attr]
    assert page.model.index(row or 0, 0).data() == "Teknologi"  # the list follows
    assert page.model.index(row or 0, 3).data() == "perangkat"
    window = dialog.parentWidget()
    assert isinstance(window, MainWindow)
    assert window.undo_stack.undoText() == "Kelompok dan ukuran HT: Teknologi, perangkat"

    # Alt+C saves too (the button's mnemonic): the measure alone back to "buah".
    dialog.kind_measure.selectAll()
    qtbot.keyClicks(dialog.kind_measure, "buah")
    save(
        qtbot, dialog, lambda: qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    )
    assert kind_of(store, op, "ht")[:3] == ("teknologi", "buah", True)

    # Ctrl+Z sets each back: the measure, then group and flag; the form shows them.
    undo(qtbot, dialog)
    assert kind_of(store, op, "ht")[:3] == ("teknologi", "perangkat", True)
    undo(qtbot, dialog)
    assert kind_of(store, op, "ht")[:3] == start[:3]
    qtbot.waitUntil(lambda: dialog.kind_group.currentData() == "komunikasi")
    assert dialog.kind_measure.text() == "buah" and not dialog.kind_ammunition.isChecked()
    assert not dialog.is_dirty()


def test_a_refused_change_of_a_category_is_said_and_changes_nothing(
    qtbot: QtBot, dialog: ReadinessListsDialog, store: Store, tiny_operation: TinyOperation
) -> None:
    op = tiny_operation.operation_id
    page = categories_tab(qtbot, dialog)
    window = dialog.parentWidget()
    assert isinstance(window, MainWindow)
    steps = window.undo_stack.count()
    senpi = kind_of(store, op, "senpi")
    with store.read() as s:
        senpi_id = next(c.id for c in sarpras.categories(s, op) if c.code == "senpi")
    sarpras.set_stock(
        store,
        STAFF,
        op,
        sarpras.StockValue(tiny_operation.kerinci_id, senpi_id, 12, ammunition=300),
    )

    # The ammunition flag off while Kerinci's firearms carry a count.
    choose(page, "senpi")
    qtbot.waitUntil(lambda: dialog.kind_ammunition.isChecked())
    dialog.kind_ammunition.setChecked(False)
    save(qtbot, dialog, lambda: qtbot.mouseClick(dialog.kind_button, Qt.MouseButton.LeftButton))
    assert dialog.last_error == (
        "Kategori sarpras \u201cSenjata api\u201d tetap mencatat amunisi: 1 data sarpras masih "
        "berisi jumlah amunisi. Kosongkan dulu jumlah amunisi itu; tidak ada yang disimpan."
    )
    assert dialog.problem.isVisible()
    assert not dialog.kind_ammunition.isChecked()  # what was typed is kept

    # An empty measure.
    dialog.kind_ammunition.setChecked(True)
    dialog.kind_measure.clear()
    save(qtbot, dialog, lambda: qtbot.mouseClick(dialog.kind_button, Qt.MouseButton.LeftButton))
    assert dialog.last_error == "Satuan ukuran wajib diisi."

    # A stale version: changed on another workstation after the list was read.
    choose(page, "tenda")
    shown = page.current().category
    sarpras_categories.change_category(
        store, Actor("kabag.lain", role="staff"), shown.id, "posko", "unit", False,
        expected_version=shown.version,
    )  # fmt: skip
    dialog.kind_group.setCurrentIndex(dialog.kind_group.findData("kendaraan"))
    save(qtbot, dialog, lambda: qtbot.mouseClick(dialog.kind_button, Qt.MouseButton.LeftButton))
    assert dialog.last_error is not None
    assert dialog.last_error.startswith("Kategori sarpras ini sudah diubah oleh kabag.lain pada")

    assert kind_of(store, op, "senpi") == senpi
    assert kind_of(store, op, "tenda")[:3] == ("posko", "unit", False)
    assert window.undo_stack.count() == steps  # nothing refused went on the history


@pytest.mark.usefixtures("app_look")
def test_the_category_forms_follow_another_workstation_and_fit_the_laptop(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tiny_operation: TinyOperation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.ui.test_fit import TASK_BAR, _window_size, check

    laptop = QSize(1366, 768)  # fitted as on the laptop (the offscreen screen is 800x800)
    free = QRect(0, 0, laptop.width(), laptop.height() - TASK_BAR)
    monkeypatch.setattr(screen_fit, "available", lambda _w: free)
    dialog = open_dialog(qtbot, window)
    op = tiny_operation.operation_id
    dialog.tabs.setCurrentIndex(1)
    choose(dialog.categories, "drone")
    follower = JournalFollower(store)
    with store.read() as s:
        drone = next(c for c in sarpras.categories(s, op) if c.code == "drone")
    sarpras_categories.change_category(
        store, Actor("kabag.lain", role="staff"), drone.id, "kendaraan", "unit", False,
        expected_version=drone.version,
    )  # fmt: skip
    changes = follower.poll()
    assert changes is not None
    with qtbot.waitSignal(dialog.read_shown):
        window.feed.changed.emit(changes)
    assert dialog.kind_group.currentData() == "kendaraan"
    # The categories' tab with its three forms fits the dialog as fitted to the laptop.
    problems = check(dialog, "lists-categories", _window_size(laptop), tmp_path)
    assert problems == []
