"""A Polres's periodic watch list imported (``opscenter.watch.imports``), checked by hand on
the small operation: the long layout (one row per report) and the wide one (one row per
TPS, a column per step), from real workbooks built with openpyxl and CSV files; every
refusal one Indonesian sentence naming the cell, with the database unchanged; re-importing
changes nothing; a time changed since the preview refuses the commit; the import reverts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from opscenter.actor import Actor
from opscenter.messages import describe, problem_phrase
from opscenter.model import JournalTxn, Region, TpsWatch
from opscenter.permissions import NotPermitted
from opscenter.roster.errors import RosterError
from opscenter.roster.history import imports, revert
from opscenter.store import Store, open_store
from opscenter.watch import entry, steps
from opscenter.watch.imports import commit, prepare
from tests.builders import ADMIN, Small, build_small_operation
from tests.core.test_watch import _tps

WIB = ZoneInfo("Asia/Jakarta")
OPERATOR = Actor("ops.uji", "operator")


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    ids = build_small_operation(store)
    with store.transaction(ADMIN, "test.setup") as s:
        for key, code in (("A1a", "15.01.01.2001"), ("A1b", "15.01.01.2002")):
            desa = s.get(Region, ids.regions[key])
            assert desa is not None
            desa.code = code
    yield store, ids
    store.dispose()


def _at(hour: int, minute: int = 0, day: int = 27) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=WIB)


def _step(store: Store, ids: Small, code: str) -> int:
    with store.read() as s:
        return next(st.id for st in steps.steps(s, ids.operation_id) if st.code == code)


def _rows(store: Store) -> list[tuple[int, int, datetime, str]]:
    with store.read() as s:
        stmt = select(TpsWatch.tps_id, TpsWatch.step_id, TpsWatch.at, TpsWatch.recorded_by)
        return sorted((int(t), int(st), at, str(by)) for t, st, at, by in s.execute(stmt))


def _head(store: Store) -> int:
    with store.read() as s:
        return int(s.execute(select(func.count()).select_from(JournalTxn)).scalar_one())


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Laporan"
    ws.append(["LAPORAN PEMANTAUAN TPS POLRES A"])
    ws.append([])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_a_long_workbook_by_code_key_and_name_with_excel_times(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = _xlsx(
        tmp_path / "polres-a.xlsx",
        [
            ["NO", "KODE TPS", "LANGKAH", "JAM"],
            [1, "1501012001003", "tiba", "05:40"],
            [2, 1501012001003, "2", time(7, 5)],  # a number cell, an Excel time cell
            [3, "15.01.01.2002-001", "Penghitungan selesai", datetime(2024, 11, 27, 14, 30)],
            [4, "Desa A2a 2", "TIBA", "27-11-2024 05.50"],
            [None, "JUMLAH", None, None],
        ],
    )
    preview = prepare(store, path)
    assert preview.refusal() is None, [(p.ref, problem_phrase(p)) for p in preview.problems]
    assert not preview.wide
    assert preview.counts == {"new": 4, "changed": 0, "unchanged": 0, "rejected": 0}
    keys = [preview.key_text(r) for r in preview.outcomes()]
    assert keys[0] == "TPS 003 Desa A1a \u00b7 Petugas tiba"
    assert keys[2] == "TPS 001 Desa A1b \u00b7 Penghitungan selesai"
    done = commit(store, OPERATOR, preview)
    assert done.txn_id is not None
    a1a3, a1b1, a2a2 = (_tps(store, ids, "A1a", 3), _tps(store, ids, "A1b", 1),
                        _tps(store, ids, "A2a", 2))  # fmt: skip
    by = "impor: polres-a.xlsx"
    assert _rows(store) == sorted(
        [
            (a1a3, _step(store, ids, "tiba"), _at(5, 40), by),
            (a1a3, _step(store, ids, "mulai"), _at(7, 5), by),
            (a1b1, _step(store, ids, "hitung"), _at(14, 30), by),
            (a2a2, _step(store, ids, "tiba"), _at(5, 50), by),
        ]
    )
    with store.read() as s:
        txn = s.get(JournalTxn, done.txn_id)
        assert txn is not None and txn.action == "import.watch" and txn.actor == "ops.uji"
    # The same file again: every row unchanged, nothing written, not even a journal row.
    head = _head(store)
    again = prepare(store, path)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 4, "rejected": 0}
    assert commit(store, OPERATOR, again).txn_id is None
    assert _head(store) == head


def test_a_wide_csv_by_kecamatan_desa_and_number(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    a1a1, a1a2 = _tps(store, ids, "A1a", 1), _tps(store, ids, "A1a", 2)
    tiba, mulai = _step(store, ids, "tiba"), _step(store, ids, "mulai")
    # TPS 1 of A1a had its guards reported by telephone at 05:35; the list says 05:30.
    entry.record(store, OPERATOR, ids.operation_id, [entry.Mark(a1a1, tiba, _at(5, 35))])
    path = tmp_path / "rekap.csv"
    path.write_text(
        "KECAMATAN;DESA;TPS;Petugas tiba;Pemungutan dimulai;Penghitungan selesai;KETERANGAN\n"
        "Kecamatan A1;A1a;001;05:30;07:00;;aman\n"
        "Kecamatan A1;A1a;TPS 2;05:45;;;\n"
        "Kecamatan A1;A1a;3;;;;belum lapor\n",
        encoding="utf-8",
    )
    preview = prepare(store, path)
    assert preview.refusal() is None, [(p.ref, problem_phrase(p)) for p in preview.problems]
    assert preview.wide
    assert sorted(preview.step_columns.values()) == [
        "Pemungutan dimulai", "Penghitungan selesai", "Petugas tiba"]  # fmt: skip
    assert preview.notes() == (
        "Kolom langkah: D \u201cPetugas tiba\u201d = Petugas tiba, E \u201cPemungutan "
        "dimulai\u201d = Pemungutan dimulai, F \u201cPenghitungan selesai\u201d = "
        "Penghitungan selesai."
    )
    # A row whose cells are all empty gives nothing: it is counted unchanged.
    assert preview.counts == {"new": 1, "changed": 1, "unchanged": 1, "rejected": 0}
    changed = next(r for r in preview.outcomes() if r.status == "changed")
    assert preview.key_text(changed) == "TPS 001 Desa A1a"
    assert changed.changes is not None
    assert {k: [preview.label(k, v) for v in pair] for k, pair in changed.changes.items()} == {
        "Petugas tiba": ["27-11-2024 05:35 WIB", "27-11-2024 05:30 WIB"],
        "Pemungutan dimulai": ["", "27-11-2024 07:00 WIB"],
    }
    commit(store, ADMIN, preview)
    assert [(t, s, at) for t, s, at, _by in _rows(store)] == sorted(
        [(a1a1, tiba, _at(5, 30)), (a1a1, mulai, _at(7, 0)), (a1a2, tiba, _at(5, 45))]
    )


def test_a_wide_workbook_by_code_with_step_codes_and_time_headings(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = _xlsx(
        tmp_path / "wide.xlsx",
        [
            ["KODE TPS", "TIBA", "JAM MULAI", "PPK"],
            ["1501012001004", time(5, 15), time(7, 0), datetime(2024, 11, 28, 1, 10)],
        ],
    )
    preview = prepare(store, path)
    assert preview.refusal() is None, [(p.ref, problem_phrase(p)) for p in preview.problems]
    assert sorted(preview.step_columns.values()) == [
        "Diterima PPK", "Pemungutan dimulai", "Petugas tiba"]  # fmt: skip
    assert preview.notes("en") == (
        "Step columns: B \u201cTIBA\u201d = Petugas tiba, C \u201cJAM MULAI\u201d = "
        "Pemungutan dimulai, D \u201cPPK\u201d = Diterima PPK."
    )
    commit(store, ADMIN, preview)
    tps = _tps(store, ids, "A1a", 4)
    assert [(t, at) for t, _s, at, _by in _rows(store)] == [
        (tps, _at(5, 15)), (tps, _at(7, 0)), (tps, _at(1, 10, day=28))]  # fmt: skip


def _future() -> str:
    return (datetime.now(WIB) + timedelta(hours=3)).strftime("%d-%m-%Y %H:%M")


@pytest.mark.parametrize(
    ("line", "ref", "words"),
    [
        ("1501012001099;tiba;05:40", "lapor!A3", "Tidak ada TPS \u201c1501012001099\u201d"),
        ("Desa Z 1;tiba;05:40", "lapor!A3", "Tidak ada TPS \u201cDesa Z 1\u201d"),
        ("1501012001003;apel;05:40", "lapor!B3", "Langkah \u201capel\u201d tidak dikenal"),
        ("1501012001003;tiba;jam enam", "lapor!C3", "Waktu \u201cjam enam\u201d tidak terbaca"),
        ("1501012001003;tiba;05:40 WITU", "lapor!C3", "tidak terbaca"),
        ("1501012001003;tiba;FUTURE", "lapor!C3", "belum terjadi; periksa jamnya"),
        ("1501012001003;tiba;20-11-2024 05:40", "lapor!C3", "jauh dari hari pemungutan"),
        ("1501012001003;tiba;", "lapor!C3", "wajib diisi"),
    ],
    ids=["code", "name", "step", "time", "zone", "future", "far", "empty-time"],
)
def test_each_refused_cell_is_named_in_a_sentence_and_nothing_is_saved(
    small: tuple[Store, Small], tmp_path: Path, line: str, ref: str, words: str
) -> None:
    store, _ids = small
    path = tmp_path / "lapor.csv"
    path.write_text(
        "KODE TPS;LANGKAH;JAM\n1501012001001;tiba;05:00\n"
        + line.replace("FUTURE", _future())
        + "\n",
        encoding="utf-8",
    )
    # Row 2 is good, row 3 refused (a CSV's sheet is named by its file).
    preview = prepare(store, path)
    assert preview.counts["rejected"] == 1 and preview.counts["new"] == 1
    (problem,) = preview.problems
    assert problem.ref == ref
    assert words in problem_phrase(problem)
    refusal = preview.refusal()
    assert refusal is not None
    assert describe(refusal) == (
        "1 baris ditolak (1 sel) di lapor.csv, jadi tidak ada laporan pemantauan yang tersimpan; "
        "perbaiki sel itu lalu impor lagi."
    )
    head = _head(store)
    with pytest.raises(RosterError):
        commit(store, ADMIN, preview)
    assert _rows(store) == [] and _head(store) == head


def test_a_pair_given_twice_with_two_times_is_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    path = tmp_path / "ganda.csv"
    path.write_text(
        "KODE TPS;LANGKAH;JAM\n1501012001001;tiba;05:00\n1501012001001;1;05:10\n",
        encoding="utf-8",
    )
    preview = prepare(store, path)
    (problem,) = preview.problems
    assert problem.ref == "ganda!C3" and "ganda" in problem_phrase(problem)
    assert "ganda!C2" in problem_phrase(problem)


@pytest.mark.parametrize(
    ("text", "reason", "words"),
    [
        ("", "empty_file", "kosong"),
        ("KODE TPS;LANGKAH;JAM\n", "header_only", "hanya berisi judul kolom"),
        ("LANGKAH;JAM\ntiba;05:00\n", "missing_columns", "tidak memiliki kolom wajib: TPS"),
        ("KODE TPS;LANGKAH\n1501012001001;tiba\n", "missing_columns", "kolom wajib: Jam"),
        ("KODE TPS;KETERANGAN\n1501012001001;aman\n", "watch_no_steps", "tidak memiliki kolom"),
        ("NAMA;PANGKAT\nBudi;Bripda\n", "watch_no_table", "tabel pemantauan TPS"),
    ],
    ids=["empty", "header-only", "no-tps", "no-time", "no-steps", "no-table"],
)
def test_a_file_without_a_watch_table_is_refused_in_a_sentence(
    small: tuple[Store, Small], tmp_path: Path, text: str, reason: str, words: str
) -> None:
    store, _ids = small
    path = tmp_path / "lapor.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RosterError) as refused:
        prepare(store, path)
    assert refused.value.data["reason"] == reason
    sentence = describe(refused.value)
    assert words in sentence and sentence.endswith(".")


def test_a_time_changed_since_the_preview_refuses_the_commit(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    path = tmp_path / "lapor.csv"
    path.write_text("KODE TPS;LANGKAH;JAM\n1501012001001;tiba;05:00\n", encoding="utf-8")
    preview = prepare(store, path)
    tps, tiba = _tps(store, ids, "A1a", 1), _step(store, ids, "tiba")
    entry.record(store, OPERATOR, ids.operation_id, [entry.Mark(tps, tiba, _at(5, 20))])
    before, head = _rows(store), _head(store)
    with pytest.raises(RosterError) as refused:
        commit(store, ADMIN, preview)
    assert refused.value.data["reason"] == "stale_rows"
    assert "Petugas tiba TPS 001 Desa A1a" in describe(refused.value)
    assert _rows(store) == before and _head(store) == head


def test_a_commander_may_not_import_and_the_import_reverts(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    path = tmp_path / "lapor.csv"
    path.write_text("KODE TPS;LANGKAH;JAM\n1501012001001;tiba;05:00\n", encoding="utf-8")
    preview = prepare(store, path)
    with pytest.raises(NotPermitted):
        commit(store, Actor("kdr.uji", "commander"), preview)
    assert _rows(store) == []
    done = commit(store, ADMIN, preview)
    listed = imports(store)
    assert listed[0].txn_id == done.txn_id and listed[0].kind == "watch"
    revert(store, ADMIN, listed[0].txn_id)
    assert _rows(store) == []
