"""The audit journal window: a sound lazily fetched model, filters, export, the Admin menu."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from opscenter import accounts, audit, journal, messages, units
from opscenter.actor import Actor
from opscenter.audit_fields import MORE_FIELDS
from opscenter.clock import file_name
from opscenter.model import UnitStatus
from opscenter.permissions import NotPermitted
from opscenter.store import Store
from tests.ui.alt_letters import alt_letter_faults
from tests.ui.answers import answer_next_question
from ui.accounts_dialog import AccountsDialog, AccountsModel
from ui.audit_detail import detail_text
from ui.audit_model import AuditModel, Column
from ui.audit_view import AuditWindow
from ui.main_window import MainWindow
from ui.unsaved import BOX_NAME, DISCARD_NAME

from .conftest import TinyOperation

KOMANDAN = Actor("komandan", role="commander")
ADMIN = Actor("kapolda", role="admin")
PASSWORD = "rahasia-jambi-2024"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_HASHER", cheap)
    dummy = cheap.hash("x")
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: dummy)


@pytest.fixture
def changes(store: Store, tiny_operation: TinyOperation) -> Store:
    from sqlalchemy import select

    with store.read() as s:
        statuses = list(s.scalars(select(UnitStatus.id).order_by(UnitStatus.id)))
    for i in range(30):
        who = Actor("budi" if i % 3 else "siti", role="operator")
        unit = (tiny_operation.kerinci_id, tiny_operation.bungo_id)[i % 2]
        units.set_status(store, who, unit, statuses[i % len(statuses)], reason=f"patroli {i}")
    return store


def test_status_says_when_older_rows_wait(qtbot: QtBot, changes: Store) -> None:
    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    window.model._page = 5  # a short page, so the first one is not all
    _filter(qtbot, window, account="budi")
    assert window.model.rowCount() == 5
    assert "gulir ke bawah" in window.status.text()


def test_model_is_sound_and_fetches_pages(qtmodeltester: ModelTester, changes: Store) -> None:
    model = AuditModel(changes, page=7)
    qtmodeltester.check(model)
    model.set_filter(audit.AuditFilter())
    assert model.rowCount() == 7
    assert model.canFetchMore()
    with changes.read() as s:
        total = audit.count(s, audit.AuditFilter())
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    seqs = [model.row_at(i).seq for i in range(total)]  # type: ignore[union-attr]
    assert seqs == sorted(seqs, reverse=True)
    assert len(set(seqs)) == total
    top = model.index(0, Column.ACTION).data()
    assert top == "Ubah status satuan"


def _filter(qtbot: QtBot, window: AuditWindow, **values: str) -> None:
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    window.set_filter(**values)
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    qtbot.waitUntil(lambda: window.apply_button.isEnabled(), timeout=10_000)


def _fetch_all(window: AuditWindow) -> int:
    """Every page of the shown filter fetched, as scrolling to the end does: how many rows."""
    while window.model.canFetchMore():
        window.model.fetchMore()
    return window.model.rowCount()


def _count(store: Store, f: audit.AuditFilter) -> int:
    with store.read() as s:
        return audit.count(s, f)


def test_filters_narrow_the_table(qtbot: QtBot, changes: Store) -> None:
    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    _filter(qtbot, window, account="siti")
    assert _fetch_all(window) == _count(changes, audit.AuditFilter(account="siti")) > 0
    expected = window.model.rowCount()
    assert window.status.text() == f"{expected} entri."
    assert {window.model.row_at(i).actor for i in range(expected)} == {"siti"}  # type: ignore[union-attr]
    _filter(qtbot, window, entity="unit_status_change", text="patroli 29")
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    assert len(rows) == 1
    assert rows[0] is not None
    assert rows[0].entity == "unit_status_change"
    window.table.selectRow(0)
    assert "patroli 29" in window.detail.toPlainText()
    _filter(qtbot, window, text="tidak-ada-yang-cocok")
    assert window.model.rowCount() == 0
    assert "Tidak ada entri" in window.status.text()


def test_export_runs_in_the_background(qtbot: QtBot, changes: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    _filter(qtbot, window, account="budi")
    out = tmp_path / "jurnal.xlsx"
    handle = window.export_to(out)
    assert handle is not None
    qtbot.waitUntil(lambda: handle.done, timeout=20_000)
    qtbot.waitUntil(lambda: window.export_button.isEnabled(), timeout=5000)
    ws = load_workbook(out).active
    assert ws is not None
    with changes.read() as s:
        expected = audit.count(s, audit.AuditFilter(account="budi"))
    assert ws.max_row == expected + 1
    assert "ditulis ke" in window.status.text()


def test_the_export_is_named_by_the_operations_clock(
    qtbot: QtBot,
    changes: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    operation_clock_stands: datetime,
) -> None:
    """The button's save dialog offers the name every saved document gets
    (``clock.file_name``): the operation's time in its zone (03:10 WIB on 24 November), not
    the computer's clock and zone."""
    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    offered: list[str] = []

    def answer(*args: object) -> tuple[str, str]:
        offered.append(Path(str(args[2])).name)
        return "", ""  # cancelled: nothing written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert offered == [file_name("jurnal-audit", ".xlsx", "Asia/Jakarta", operation_clock_stands)]
    assert offered == ["jurnal-audit-20241124-0310.xlsx"]


def test_operators_cannot_open_it(changes: Store) -> None:
    with pytest.raises(NotPermitted):
        AuditWindow(changes, Actor("budi", role="operator"))


@pytest.mark.parametrize(
    ("role", "menu", "accounts_item"),
    [("operator", False, False), ("staff", False, False), ("commander", True, False),
     ("admin", True, True)],
)  # fmt: skip
def test_install_adds_the_admin_menu_by_role(
    qtbot: QtBot, store: Store, tiny_operation: object, role: str, menu: bool, accounts_item: bool
) -> None:
    # The window installs the menu itself, for the role of the account it acts for.
    window = MainWindow(store, actor=Actor("x", role=role))
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert ("&Admin" in titles) is menu
    if menu:
        assert titles.index("&Admin") == len(titles) - 2  # just before Bantuan
        admin = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Admin")
        names = [a.text() for a in admin.actions()]  # type: ignore[union-attr]
        assert names[0] == "&Jurnal audit\u2026"
        assert admin.actions()[0].shortcut().toString() == "Ctrl+J"  # type: ignore[union-attr]
        assert ("A&kun pengguna\u2026" in names) is accounts_item


def test_ctrl_j_opens_the_journal(qtbot: QtBot, store: Store, tiny_operation: object) -> None:
    window = MainWindow(store, actor=KOMANDAN)
    qtbot.addWidget(window)
    admin = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Admin")
    admin.actions()[0].trigger()  # type: ignore[union-attr]
    journal = window.audit_window  # type: ignore[attr-defined]
    assert journal.isVisible()
    qtbot.waitUntil(lambda: journal.model.rowCount() > 0, timeout=10_000)
    assert journal.model.rowCount() > 0
    journal.close()


def test_accounts_dialog_manages_accounts_precisely(
    qtbot: QtBot, qtmodeltester: ModelTester, store: Store
) -> None:
    accounts.bootstrap_admin(store, "kapolda", PASSWORD)
    dialog = AccountsDialog(store, ADMIN)
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    with qtbot.waitSignals([model.rowsInserted, dialog.writes.write_done]):
        dialog.create_account("budi", "Budi Santoso", "operator", PASSWORD)
    row = next(
        model.row_at(i) for i in range(model.rowCount()) if model.row_at(i).username == "budi"
    )  # type: ignore[union-attr]
    assert row is not None
    new_id = row.id
    with qtbot.waitSignals([model.dataChanged, dialog.writes.write_done]):
        dialog.change_role(row, "staff")
    row = next(model.row_at(i) for i in range(model.rowCount()) if model.row_at(i).id == new_id)  # type: ignore[union-attr]
    assert row is not None
    assert row.role == "staff"
    with qtbot.waitSignal(dialog.writes.write_done) as refused:
        dialog.reset_password(row, "pendek")
    assert refused.args == [False]
    assert "terlalu pendek" in dialog.error.text()
    row = next(model.row_at(i) for i in range(model.rowCount()) if model.row_at(i).id == new_id)  # type: ignore[union-attr]
    assert row is not None
    with qtbot.waitSignals([model.dataChanged, dialog.writes.write_done]):
        dialog.deactivate(row)
    qtmodeltester.check(model)
    assert not dialog.error.isVisible()
    kapolda = next(
        model.row_at(i) for i in range(model.rowCount()) if model.row_at(i).username == "kapolda"
    )  # type: ignore[union-attr]
    assert kapolda is not None
    with qtbot.waitSignal(dialog.writes.write_done):
        dialog.deactivate(kapolda)
    assert "admin aktif terakhir" in dialog.error.text()
    assert isinstance(model, AccountsModel)


def test_a_refused_new_account_keeps_the_form_and_what_was_typed(
    qtbot: QtBot, store: Store
) -> None:
    accounts.bootstrap_admin(store, "kapolda", PASSWORD)
    dialog = AccountsDialog(store, ADMIN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_button.click()
    form = dialog.new_account
    form.username.setText("kapolda")  # taken
    form.full_name.setText("Orang Lain")
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.writes.write_done) as refused:
        form.save_button.click()
        assert not form.save_button.isEnabled()  # pending
    assert refused.args == [False]
    assert form.isVisible() and form.error.isVisible()
    assert form.error.text() == "Nama pengguna sudah ada."
    assert form.username.text() == "kapolda" and form.full_name.text() == "Orang Lain"
    assert form.save_button.isEnabled()
    form.username.setText("budi")
    with qtbot.waitSignal(dialog.writes.write_done) as saved:
        form.save_button.click()
    assert saved.args == [True]
    assert not form.isVisible()
    assert any(dialog.model.row_at(i).username == "budi" for i in range(dialog.model.rowCount()))  # type: ignore[union-attr]


def _accounts_window(qtbot: QtBot, store: Store) -> AccountsDialog:
    """The accounts window shown and active, as Admin > Akun pengguna leaves it."""
    accounts.bootstrap_admin(store, "kapolda", PASSWORD)
    dialog = AccountsDialog(store, ADMIN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # as the window manager does (offscreen has none)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_user_name_with_spaces_is_refused_naming_the_rule(qtbot: QtBot, store: Store) -> None:
    """The tester's "Jambi Op Baru" was refused as if no name had been typed ("wajib
    diisi"); the form says the rule, shows it before, and nothing is written."""
    dialog = _accounts_window(qtbot, store)
    with store.read() as s:
        head = journal.head(s)
    dialog.add_button.click()
    form = dialog.new_account
    assert "tanpa spasi" in form.username.placeholderText()
    qtbot.keyClicks(form.username, "Jambi Op Baru")
    qtbot.keyClicks(form.full_name, "Uji")
    qtbot.keyClicks(form.password, "rahasia1234")
    qtbot.keyClicks(form.repeat, "rahasia1234")
    form.repeat.setFocus()  # Enter pressed in the last field, as the tester did
    with qtbot.waitSignal(dialog.writes.write_done) as refused:
        qtbot.keyClick(form.repeat, Qt.Key.Key_Return)
    assert refused.args == [False]
    assert form.isVisible() and form.error.isVisible()
    assert form.error.text() == (
        "Nama pengguna tidak boleh memuat spasi; sambungkan katanya dengan titik, "
        "mis. jambi.op.baru."
    )
    assert form.username.text() == "Jambi Op Baru"  # kept, to be corrected
    # The cursor went to the field at fault (it stayed in "Ulangi kata sandi"), the name
    # selected: typing the corrected name replaces it.
    assert form.focusWidget() is form.username
    assert form.username.selectedText() == "Jambi Op Baru"
    assert [dialog.model.row_at(i).username for i in range(dialog.model.rowCount())] == [  # type: ignore[union-attr]
        "kapolda"
    ]
    with store.read() as s:
        assert journal.head(s) == head


def test_a_refused_new_account_puts_the_cursor_in_the_field_it_names(
    qtbot: QtBot, store: Store
) -> None:
    """A short password is corrected in "Kata sandi", two that differ in "Ulangi kata
    sandi": the cursor goes there from wherever Enter was pressed, the text selected."""
    dialog = _accounts_window(qtbot, store)
    dialog.add_button.click()
    form = dialog.new_account
    qtbot.keyClicks(form.username, "jambi.op.baru")
    qtbot.keyClicks(form.full_name, "Uji")
    qtbot.keyClicks(form.password, "pendek")
    qtbot.keyClicks(form.repeat, "pendek")
    form.full_name.setFocus()
    with qtbot.waitSignal(dialog.writes.write_done) as refused:
        qtbot.keyClick(form.full_name, Qt.Key.Key_Return)
    assert refused.args == [False]
    assert "terlalu pendek" in form.error.text()
    assert form.focusWidget() is form.password
    assert form.password.selectedText() == "pendek"
    form.password.setText("rahasia1234")
    form.repeat.setText("rahasia1235")
    form.full_name.setFocus()
    qtbot.keyClick(form.full_name, Qt.Key.Key_Return)  # refused before anything is sent
    assert form.error.text() == "Kedua kata sandi tidak sama; ketik ulang."
    assert form.focusWidget() is form.repeat
    assert form.repeat.selectedText() == "rahasia1235"
    assert [dialog.model.row_at(i).username for i in range(dialog.model.rowCount())] == [  # type: ignore[union-attr]
        "kapolda"
    ]


def test_the_accounts_window_and_its_form_give_each_alt_letter_once(
    qtbot: QtBot, store: Store
) -> None:
    """Alt+T was both "Tambah akun…" and "Tutup": pressing it closed the window."""
    dialog = _accounts_window(qtbot, store)
    dialog.table.selectRow(0)  # every button can be pressed
    assert alt_letter_faults(dialog) == []
    dialog.add_button.click()
    form = dialog.new_account
    qtbot.waitExposed(form)
    assert alt_letter_faults(form) == []


def test_dropping_a_new_account_gives_the_keys_back_to_the_accounts_window(
    qtbot: QtBot, store: Store
) -> None:
    """Esc, then Buang in "Perubahan belum disimpan": the question and the form vanish at
    once, and a window manager (openbox) then left no window with the keys. The accounts
    window asks for them itself."""
    dialog = _accounts_window(qtbot, store)
    dialog.add_button.click()
    form = dialog.new_account
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClicks(form.username, "j")
    seen = answer_next_question(DISCARD_NAME)
    qtbot.keyClick(form.username, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [BOX_NAME]
    assert not form.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.isAncestorOf(QApplication.focusWidget())


def test_new_journal_rows_its_filter_takes_appear_live(
    qtbot: QtBot, changes: Store, tiny_operation: TinyOperation
) -> None:
    from opscenter import journal
    from ui.live import ChangeFeed

    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _filter(qtbot, window, account="siti")
    feed = ChangeFeed(changes, interval_ms=0)
    window.live.follow(feed.changed)
    applied: list[object] = []
    window.live.applied.connect(applied.append)
    before = window.model.rowCount()
    window.table.selectRow(1)
    kept = window.model.row_at(1)
    assert kept is not None
    bungo, kerinci = tiny_operation.bungo_id, tiny_operation.kerinci_id
    units.set_status(changes, Actor("siti", role="operator"), bungo,
                     other_status(changes, bungo), reason="live 1")  # fmt: skip
    units.set_status(changes, Actor("budi", role="operator"), kerinci,
                     other_status(changes, kerinci), reason="live 2")  # fmt: skip
    with changes.read() as s:
        head = journal.head(s)
    qtbot.waitUntil(lambda: feed.cursor >= head and bool(applied) and not window.live.held)
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    assert all(r is not None and r.actor == "siti" for r in rows)
    assert window.model.rowCount() > before  # siti's new rows, not budi's
    top = rows[0]
    assert top is not None and "live 1" in str(top.changes)
    selected = window.table.selectionModel().selectedRows()
    assert selected and window.model.row_at(selected[0].row()) == kept  # selection kept
    feed.stop()


def other_status(store: Store, unit_id: int) -> int:
    """A unit status other than the unit's own."""
    from sqlalchemy import select

    from opscenter.model import Unit

    with store.read() as s:
        now = s.get_one(Unit, unit_id).status_id
        return next(x for x in s.scalars(select(UnitStatus.id)) if x != now)


def test_ctrl_f_then_a_unit_name_finds_its_rows(qtbot: QtBot, changes: Store) -> None:
    # The walk: Ctrl+F, type a name the table shows ("unit=Polres Kerinci"), Enter. The
    # status changes of that unit are found, though the journal holds its id.
    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    window.text.setText("patroli")
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.text.hasFocus()
    assert window.text.selectedText() == "patroli"  # typed over
    qtbot.keyClicks(window.text, "Polres Kerinci")
    qtbot.keyClick(window.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    changed = [r for r in rows if r is not None and r.entity == "unit_status_change"]
    assert len(changed) == 15  # every other one of the 30 changes
    assert all(
        "unit=Polres Kerinci"
        in audit.summarise(r.changes, r.action, entity=r.entity, names=r.names)
        for r in changed
    )
    # The table names each field as the officer reads it, not by its column.
    first = next(i for i, r in enumerate(rows) if r is changed[0])
    shown = window.model.index(first, Column.CHANGES).data()
    assert "satuan: Polres Kerinci" in shown
    assert "unit=" not in shown and "_id" not in shown


def test_every_journaled_table_has_a_name_and_the_time_says_it_is_real(changes: Store) -> None:
    """The walk: the Data filter listed "guard_post_tps", a table's name; and the Waktu
    column (real time) stood beside a detail in exercise time with nothing saying so."""
    from opscenter.model import Base
    from ui.audit_model import MORE_ENTITIES, AuditModel

    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__journaled__", False):
            table = mapper.local_table.name
            assert table in messages.ENTITY_NAMES or table in MORE_ENTITIES, table
    model = AuditModel(changes)
    tip = model.headerData(Column.TIME, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Waktu nyata saat dicatat, juga dalam latihan.")


def test_the_detail_pane_names_every_journaled_field(changes: Store) -> None:
    # The walk saw "status_changed_at", "status_changed_by", "sitrep_serial: 95 → 96": raw
    # column names. Every column of a journaled table has a name, in both languages.
    from opscenter.model import Base

    for mapper in Base.registry.mappers:
        if not getattr(mapper.class_, "__journaled__", False):
            continue
        for column in mapper.local_table.c:
            assert column.key in messages.FIELD_NAMES or column.key in MORE_FIELDS, column
    with changes.read() as s:
        rows = audit.query(s, audit.AuditFilter(entity="unit", limit=1))
    text = detail_text(rows[0])
    # The transaction the import history numbers an import by, to find its rows here.
    assert text.splitlines()[1] == f"transaksi jurnal: {rows[0].txn_id}"
    assert "waktu perubahan status: " in text
    assert "status diubah oleh: " in text
    assert "status: " in text
    assert "status_changed" not in text
    assert "status changed at: " in detail_text(rows[0], "en")


def test_a_search_finds_rows_by_their_actions_name(qtbot: QtBot, changes: Store) -> None:
    # The table shows "Ubah status satuan" where the journal keeps "unit.set_status".
    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    _filter(qtbot, window, text="ubah STATUS satuan")
    found = _fetch_all(window)
    assert found == _count(changes, audit.AuditFilter(text="unit.set_status")) >= 30
    assert {window.model.index(i, Column.ACTION).data() for i in range(found)} == {
        "Ubah status satuan"
    }


def test_an_entry_reads_by_the_name_of_the_row_it_changed(qtbot: QtBot, changes: Store) -> None:
    # The walk: "penilaian kerawanan #91 · diubah", "pos pengamanan: 1052": ids an auditor
    # cannot read. The row and the ids of its changes read by their names.
    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    _filter(qtbot, window, entity="unit_status_change")
    row = window.model.row_at(0)
    assert row is not None
    unit = "Polres Kerinci" if row.changes["unit_id"] == _unit_id(changes, "Polres Kerinci") else (
        "Polres Bungo"
    )  # fmt: skip
    shown = window.model.index(0, Column.ENTITY).data()
    assert shown.startswith(f"riwayat status satuan {unit} / ")
    assert shown.endswith(" \u00b7 baru")
    assert "#" not in shown
    assert window.model.index(0, Column.ENTITY).data(Qt.ItemDataRole.ToolTipRole) == shown
    window.table.selectRow(0)
    assert shown in window.detail.toPlainText().splitlines()[0]
    assert f"satuan: {unit}" in window.detail.toPlainText()


def _unit_id(store: Store, name: str) -> int:
    from sqlalchemy import select

    from opscenter.model import Unit

    with store.read() as s:
        return int(s.scalars(select(Unit.id).where(Unit.name == name)).one())


@pytest.mark.parametrize("exercise", [False, True])
def test_the_time_column_says_it_is_real_time_while_an_exercise_runs(
    qtbot: QtBot, changes: Store, exercise: bool
) -> None:
    # The walk: the Waktu column read 05-12-2026 04:12 WIB while the board, in an exercise,
    # read 27-11-2024 20:0x; nothing said the journal keeps the computer's real time.
    from zoneinfo import ZoneInfo

    from opscenter import clock

    if exercise:
        clock.simulate(datetime(2024, 11, 27, 20, 0, tzinfo=ZoneInfo("Asia/Jakarta")))
    try:
        window = AuditWindow(changes, KOMANDAN)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        title = window.model.headerData(
            Column.TIME, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
        )
        note = window.real_time_note
        if exercise:
            assert title == "Waktu (jam nyata)"
            assert note.isVisible()
            assert note.text().startswith("Waktu di jurnal adalah waktu nyata komputer")
            assert "waktu simulasi" in note.text()
        else:
            assert title == "Waktu"
            assert not note.isVisible()
    finally:
        clock.use_real()


def test_titles_and_action_names_are_whole_at_1366(
    qtbot: QtBot, changes: Store, app_look: None
) -> None:
    # The walk at 1366 × 768, in the users' 12 pt: "Terbitkan nomor laporan s…" and
    # "Perubahan (sebelum → se…".
    from opscenter.model import utcnow

    window = AuditWindow(changes, KOMANDAN)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    issued = audit.AuditRow(
        seq=1, txn_id=1, at=utcnow(), actor="jambi.admin", operation_id=None,
        entity="operation", entity_id=1, action="update", txn_action="sitrep.issue",
        changes={"sitrep_serial": [95, 96]}, timezone="Asia/Jakarta",
    )  # fmt: skip
    window.model.show(window.model.filter, [issued])
    header = window.table.horizontalHeader()
    assert window.table.viewport().width() < 1366
    for column in Column:
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column.name
    assert window.model.index(0, Column.ACTION).data() == "Terbitkan nomor laporan situasi"
    need = window.table.sizeHintForColumn(Column.ACTION)
    assert header.sectionSize(Column.ACTION) >= need
    # The columns fill the table, none past its edge.
    assert sum(header.sectionSize(c) for c in Column) <= window.table.viewport().width()
