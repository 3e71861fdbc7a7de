"""Imports land on a busy server (issue 19, point 4): the stale check covers only the rows the
file writes. Another workstation writing elsewhere during the preview and the commit does not
block it; a change to a row the file writes still does, naming the row in both languages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from opscenter import messages, personnel, units
from opscenter.actor import Actor
from opscenter.model import JournalEntry, Personnel
from opscenter.roster import commit as commit_mod
from opscenter.roster.classify import prepare
from opscenter.roster.errors import RosterError
from opscenter.roster.preview import Options
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.core.test_roster_import import roster, snapshot

SITI = Actor("siti", role="operator")
RINA = Actor("rina", role="staff")


class BoardWriter(threading.Thread):
    """Workstation B: its own store (engine, connections), changing a unit's status in a loop
    until stopped. ``wrote`` counts its committed changes; ``reached(n)`` waits for them."""

    def __init__(self, url: str, small: Small) -> None:
        super().__init__(daemon=True)
        self.store = open_store(url)
        self.small = small
        self.stop = threading.Event()
        self.wrote = 0
        self.errors: list[BaseException] = []
        self._progress = threading.Condition()

    def run(self) -> None:
        statuses = [self.small.statuses["bergerak"], self.small.statuses["kembali"]]
        try:
            while not self.stop.is_set():
                units.set_status(self.store, SITI, self.small.units["PB"], statuses[self.wrote % 2])
                with self._progress:
                    self.wrote += 1
                    self._progress.notify_all()
        except BaseException as exc:  # reported by the test, never swallowed
            self.errors.append(exc)
            with self._progress:
                self._progress.notify_all()

    def reached(self, n: int) -> None:
        with self._progress:
            self._progress.wait_for(lambda: self.wrote >= n or bool(self.errors), timeout=60)
        assert not self.errors, self.errors
        assert self.wrote >= n

    def finish(self) -> int:
        self.stop.set()
        self.join(60)
        self.store.dispose()
        assert not self.errors, self.errors
        return self.wrote


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    try:
        yield s
    finally:
        s.dispose()


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


def _journaled_by(store: Store, actor: str) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).where(JournalEntry.actor == actor)) or 0)


def test_import_lands_while_another_workstation_writes(
    db_url: str, store: Store, small: Small, tmp_path: Path
) -> None:
    path = roster(tmp_path / "r.xlsx")
    with store.read() as s:
        people = s.scalar(select(func.count(Personnel.id)))
    b = BoardWriter(db_url, small)
    b.start()
    try:
        b.reached(1)
        preview = prepare(store, path, Options(kind="personnel"))
        seen = b.wrote
        b.reached(seen + 3)  # the board changed after the preview, before the commit
        out = commit_mod.commit(store, ADMIN, preview)
        b.reached(b.wrote + 1)  # and it goes on writing after the commit
    finally:
        wrote = b.finish()
    assert out.txn_id is not None
    with store.read() as s:
        assert s.scalar(select(func.count(Personnel.id))) == people + 3
    # Each of B's changes journals the unit and its status history row.
    assert _journaled_by(store, "siti") == 2 * wrote


def test_a_changed_row_the_file_writes_still_refuses(
    db_url: str, store: Store, small: Small, tmp_path: Path
) -> None:
    first = roster(tmp_path / "r.xlsx")
    commit_mod.commit(store, ADMIN, prepare(store, first, Options(kind="personnel")))
    # The second file moves Andi to another position and adds a fourth person.
    second = roster(
        tmp_path / "r2.xlsx",
        extra=[[4, "Rudi Hartono", "BRIPTU", 75010004, "Banit", "Polsek A1", ""]],
    )
    from openpyxl import load_workbook

    wb = load_workbook(second)
    wb.active.cell(row=6, column=5).value = "Kanit Binmas"
    wb.save(second)
    preview = prepare(store, second, Options(kind="personnel"))
    assert preview.counts["changed"] == 1 and preview.counts["new"] == 1

    b = BoardWriter(db_url, small)
    b.start()
    try:
        b.reached(2)
        with store.read() as s:
            andi = s.scalars(select(Personnel).where(Personnel.nrp == "75010001")).one()
            andi_id, version = andi.id, andi.version
        # Another workstation edits Andi (a row the file writes) after the preview.
        personnel.update(store, RINA, andi_id, version, phone="+6281299990000")
        before = snapshot(store)
        with pytest.raises(RosterError) as info:
            commit_mod.commit(store, ADMIN, preview)
        after = snapshot(store)
    finally:
        b.finish()
    assert info.value.reason == "stale_rows"
    # Nothing of the import was written (only B's board changes moved the journal on).
    assert after[1:] == before[1:]
    id_text = messages.describe(info.value, "id")
    en_text = messages.describe(info.value, "en")
    assert "75010001 Andi Saputra" in id_text and "75010001 Andi Saputra" in en_text
    assert "Rudi" not in id_text  # his row is new and nobody took his NRP
    assert id_text.startswith("Sejak pratinjau r2.xlsx") and "1 baris" in id_text
    assert en_text.startswith("Since the preview of r2.xlsx") and "1 rows" in en_text


def test_someone_else_adding_a_new_rows_key_refuses(
    db_url: str, store: Store, small: Small, tmp_path: Path
) -> None:
    path = roster(tmp_path / "r.xlsx")
    preview = prepare(store, path, Options(kind="personnel"))
    personnel.add(
        store,
        RINA,
        personnel.PersonDraft(
            operation_id=small.operation_id,
            nrp="75010002",
            name="Siti Rahma",
            home_unit_id=small.units["PA"],
        ),
    )
    before = snapshot(store)
    with pytest.raises(RosterError) as info:
        commit_mod.commit(store, ADMIN, preview)
    assert snapshot(store) == before
    assert info.value.reason == "stale_rows"
    text = messages.describe(info.value, "en")
    assert "75010002 Siti Rahma" in text and "Andi" not in text
