"""Importing a plotting workbook (daftar plotting personel pengamanan TPS): the app's own
export read back, a Polres's hand-made layout, each refusal naming its cell with the database
unchanged, the stale check, the revert from the import history.

Every workbook is built here with openpyxl, as a Polres makes it: a title block merged
across, a heading merged over two rows, kecamatan section rows, desa in capitals, TPS as
"001" or "TPS 1", a JUMLAH row and a signature block under the table."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from opscenter import journal, messages
from opscenter.model import GuardAssignment, JournalTxn, Personnel, PollingStation
from opscenter.plotting import plot_import
from opscenter.plotting.hand import place
from opscenter.plotting.plot import Plotting, plot, plotting
from opscenter.plotting.posts import form_posts
from opscenter.roster.errors import RosterError
from opscenter.roster.history import imports, revert
from opscenter.roster.preview import Options
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation

HEAD = ["NO", "LOKASI", None, "PERSONEL PENGAMANAN", None, None, "KET"]
SUB = [None, "DESA/KEL", "TPS", "NAMA", "PANGKAT", "NRP", None]


@pytest.fixture
def small(db_url: str) -> Iterator[tuple[Store, Small]]:
    store = open_store(db_url)
    ids = build_small_operation(store)
    form_posts(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    plot(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    yield store, ids
    store.dispose()


def _plotting(store: Store, ids: Small) -> Plotting:
    with store.read() as s:
        return plotting(s, ids.operation_id, ids.stages["pemungutan"])


def _where(store: Store, ids: Small) -> dict[int, tuple[int, str, bool]]:
    """person -> (post id, basis, locked) on the voting stage."""
    with store.read() as s:
        return {
            r.personnel_id: (r.post_id, r.basis, r.locked)
            for r in s.scalars(
                select(GuardAssignment).where(GuardAssignment.stage_id == ids.stages["pemungutan"])
            )
        }


def _txns(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(JournalTxn)) or 0)


@dataclass(frozen=True)
class Person:
    id: int
    nrp: str
    name: str
    rank: str


def _officers(store: Store) -> list[Person]:
    with store.read() as s:
        from opscenter.model import Rank

        return [
            Person(int(i), str(n), str(nm), str(r or ""))
            for i, n, nm, r in s.execute(
                select(Personnel.id, Personnel.nrp, Personnel.name, Rank.name).outerjoin(
                    Rank, Rank.id == Personnel.rank_id
                )
            )
        ]


def _polres_workbook(path: Path, sections: list[tuple[str, list[list[Any]]]]) -> Path:
    """A hand-made plotting list: title block merged across, NO / LOKASI (DESA/KEL, TPS) /
    PERSONEL PENGAMANAN (NAMA, PANGKAT, NRP) / KET over two rows, a section row per
    kecamatan merged across, a JUMLAH row, a signature block."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plotting"
    ws.append(["DAFTAR PLOTTING PERSONEL PENGAMANAN TPS"])
    ws.append(["PILKADA SERENTAK 2024 \u2014 POLRES A"])
    ws.append([])
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    ws.append(HEAD)
    ws.append(SUB)
    top = ws.max_row - 1
    ws.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    ws.merge_cells(start_row=top, start_column=2, end_row=top, end_column=3)
    ws.merge_cells(start_row=top, start_column=4, end_row=top, end_column=6)
    ws.merge_cells(start_row=top, start_column=7, end_row=top + 1, end_column=7)
    ws.append([1, 2, 3, 4, 5, 6, 7])  # the column numbers under the heading
    for kecamatan, rows in sections:
        ws.append([kecamatan])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
        for row in rows:
            ws.append(row)
        ws.append([None, "JUMLAH", None, f"{len(rows)} personel"])
    ws.append([])
    ws.append([None, None, None, "KABAG OPS POLRES A"])
    ws.append([None, None, None, "AKBP UJI"])
    wb.save(path)
    return path


def _export(store: Store, ids: Small, path: Path) -> Path:
    from reports.plotting.export import document, write

    with store.read() as s:
        doc = document(s, ids.operation_id, ids.stages["pemungutan"], None)
    return write(doc, path)


def _prepare(store: Store, path: Path, stage: str | None = None) -> plot_import.PlottingPreview:
    return plot_import.prepare(store, path, Options(kind="plotting", stage=stage))


def _sentences(preview: plot_import.PlottingPreview) -> list[str]:
    return [messages.cell_problem(p) for p in preview.problems]


def _rows_of(data: bytes) -> list[tuple[Any, ...]]:
    ws = load_workbook(io.BytesIO(data)).active
    return [tuple(c for c in row) for row in ws.iter_rows(values_only=True)]


# --- the app's own export -------------------------------------------------------------


def test_the_export_reads_back_on_the_same_posts(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    before = _where(store, ids)
    placed = _plotting(store, ids).placed
    assert placed == 20 and not any(locked for _p, _b, locked in before.values())
    path = _export(store, ids, tmp_path / "plotting.xlsx")
    preview = _prepare(store, path)
    assert preview.problems == [] and preview.refusal() is None
    # Every placed officer read back onto the post they are on: none new, none moved; the
    # file confirms them by hand, so each is locked in place.
    assert {r.personnel_id: r.post_id for r in preview.records} == {
        p: post for p, (post, _b, _l) in before.items()
    }
    assert {r.action for r in preview.records} == {"locked"}
    assert preview.counts == {"new": 0, "changed": 20, "unchanged": 0, "rejected": 0, "moved": 0}
    done = plot_import.commit(store, ADMIN, preview)
    assert done.txn_id is not None
    after = _where(store, ids)
    assert {p: post for p, (post, _b, _l) in after.items()} == {
        p: post for p, (post, _b, _l) in before.items()
    }
    assert all(basis == "hand" and locked for _p, basis, locked in after.values())
    # Exported again it is the same list, and read back it changes nothing, not even the
    # journal.
    again = _export(store, ids, tmp_path / "lagi.xlsx")
    assert _rows_of(again.read_bytes())[8:] == _rows_of(path.read_bytes())[8:]
    preview = _prepare(store, again)
    assert preview.counts["unchanged"] == 20 and preview.counts["changed"] == 0
    txns = _txns(store)
    assert plot_import.commit(store, ADMIN, preview).txn_id is None
    assert _txns(store) == txns


# --- a Polres's own layout ------------------------------------------------------------


def test_a_polres_layout_places_moves_and_locks(small: tuple[Store, Small], tmp_path: Path) -> None:
    store, ids = small
    p = _plotting(store, ids)
    where = _where(store, ids)
    a1 = [pp for pp in p.posts if pp.post.kecamatan == "Kecamatan A1"]
    first, second = a1[0], a1[1]
    stays = first.officers[0].officer  # on post 1 of A1, written there again
    mover = second.officers[0].officer  # on post 2, written on post 1
    fresh = next(o for o in p.reserve if o.rank_code == "bripda")  # in the reserve
    t1 = first.post.tps[0]
    t2 = first.post.tps[-1]
    b1 = next(pp for pp in p.posts if pp.post.kecamatan == "Kecamatan B1")
    keeper = b1.officers[0].officer
    path = _polres_workbook(
        tmp_path / "plotting_polres_a.xlsx",
        [
            (
                "KECAMATAN A1",
                [
                    [1, t1.desa.upper(), f"{t1.number:03d}", stays.name.upper(), "BRIPDA",
                     stays.nrp, "Ketua"],
                    # by name and rank alone, the TPS written "TPS 1"; the desa merged down
                    [2, None, f"TPS {t2.number}", mover.name, mover.rank, None, None],
                    # the row below continues the TPS of the one above
                    [3, None, None, None, None, int(fresh.nrp), None],
                ],
            ),
            (
                "KECAMATAN B1",
                [[1, b1.post.tps[0].desa.upper(), b1.post.tps[0].number, keeper.name,
                  keeper.rank, keeper.nrp, None]],
            ),
        ],
    )  # fmt: skip
    preview = _prepare(store, path)
    assert _sentences(preview) == []
    actions = {r.personnel_id: r.action for r in preview.records}
    assert actions == {
        stays.id: "locked",
        mover.id: "moved",
        fresh.id: "new",
        keeper.id: "locked",
    }
    assert all(r.post_id == first.post.id for r in preview.records if r.personnel_id != keeper.id)
    assert preview.counts == {"new": 1, "changed": 3, "unchanged": 0, "rejected": 0, "moved": 1}
    # The preview says per row what happens, in words.
    by_row = preview.by_row()
    assert [a for _r, a, _rec, _p in by_row] == ["locked", "moved", "new", "locked"]
    changes = [o.changes for o in preview.outcomes() if o.changes and "post_id" in o.changes]
    assert [preview.label("post_id", c["post_id"][0]) for c in changes] == ["Pos 2 Kecamatan A1"]
    done = plot_import.commit(store, ADMIN, preview)
    after = _where(store, ids)
    for person in (stays, mover, fresh):
        assert after[person.id] == (first.post.id, "hand", True)
    assert after[keeper.id] == (b1.post.id, "hand", True)
    # Nobody else moved: the file names only these.
    untouched = {k: v for k, v in where.items() if k not in (stays.id, mover.id, keeper.id)}
    assert {k: after[k] for k in untouched} == untouched
    with store.read() as s:
        txn = s.get_one(JournalTxn, done.txn_id)
        assert txn.action == "import.plotting" and txn.details is not None
        assert txn.details["stage"] == "pemungutan" and txn.details["kind"] == "plotting"
        row = s.scalar(select(GuardAssignment).where(GuardAssignment.personnel_id == fresh.id))
        assert row is not None and row.from_unit_id == fresh.unit_id
    # A locked placement survives a new automatic plotting.
    plot(store, ADMIN, ids.operation_id, ids.stages["pemungutan"])
    assert _where(store, ids)[mover.id] == (first.post.id, "hand", True)


def test_the_import_is_reverted_from_the_history(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    p = _plotting(store, ids)
    before = _where(store, ids)
    post, other = p.posts[0], p.posts[1]
    mover = other.officers[0].officer
    fresh = p.reserve[0]
    t = post.post.tps[0]
    path = _polres_workbook(
        tmp_path / "p.xlsx",
        [(post.post.kecamatan.upper(), [
            [1, t.desa, t.number, mover.name, mover.rank, mover.nrp, None],
            [2, t.desa, t.number, fresh.name, fresh.rank, fresh.nrp, None],
        ])],
    )  # fmt: skip
    done = plot_import.commit(store, ADMIN, _prepare(store, path))
    record = imports(store)[0]
    assert (record.txn_id, record.kind, record.file) == (done.txn_id, "plotting", "p.xlsx")
    assert done.txn_id is not None
    revert(store, ADMIN, done.txn_id)
    assert _where(store, ids) == before
    assert imports(store)[0].reverted


# --- refusals ---------------------------------------------------------------------------


def test_every_bad_cell_is_named_and_nothing_is_written(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    p = _plotting(store, ids)
    a1 = next(pp for pp in p.posts if pp.post.kecamatan == "Kecamatan A1")
    a1b = next(pp for pp in p.posts if pp.post.kecamatan == "Kecamatan A1" and pp.post.number == 2)
    t, u = a1.post.tps[0], a1b.post.tps[0]
    people = {o.name: o for o in _officers(store)}
    on_leave = people["Personel 7"]  # cuti: may not guard
    with store.transaction(ADMIN, "test.setup") as s:  # a namesake, and a TPS in no post
        s.add(Personnel(operation_id=ids.operation_id, nrp="90009999", name="Personel 3",
                        rank_id=s.get_one(Personnel, people["Personel 3"].id).rank_id,
                        home_unit_id=ids.units["PA1"]))  # fmt: skip
        s.add(PollingStation(operation_id=ids.operation_id, number=77, voters=200,
                             region_id=ids.regions["A1a"], unit_id=ids.units["PA1"]))  # fmt: skip
    p1, p2 = people["Personel 1"], people["Personel 2"]
    path = _polres_workbook(
        tmp_path / "salah.xlsx",
        [
            ("KECAMATAN A1", [
                [1, t.desa, t.number, None, None, "99999999", None],  # 8: no such NRP
                [2, t.desa, t.number, "Personel 3", "Bripda", None, None],  # 9: two of them
                [3, "DESA ZZZ", 1, p1.name, p1.rank, p1.nrp, None],  # 10: no such desa
                [4, t.desa, "TPS 99", p1.name, p1.rank, p1.nrp, None],  # 11: no such TPS
                [5, t.desa, "077", p1.name, p1.rank, p1.nrp, None],  # 12: TPS in no post
                [6, t.desa, t.number, "Budi", None, p1.nrp, None],  # 13: another's NRP
                [7, t.desa, t.number, on_leave.name, "Bripda", None, None],  # 14: on leave
                [8, t.desa, t.number, p2.name, p2.rank, p2.nrp, None],  # 15: fine ...
                [9, u.desa, u.number, p2.name, p2.rank, p2.nrp, None],  # 16: ... twice
                [10, t.desa, "1x", p1.name, p1.rank, p1.nrp, None],  # 17: not a number
                [11, t.desa, f"{t.number}, {u.number}", p1.name, p1.rank, p1.nrp, None],  # 18
            ]),
            ("KECAMATAN ZZZ", []),  # 20 (after the JUMLAH row 19): no such kecamatan
        ],
    )  # fmt: skip
    before, txns = _where(store, ids), _txns(store)
    preview = _prepare(store, path)
    assert _sentences(preview) == [
        "Plotting!F8 (NRP/NIP) \u201c99999999\u201d: NRP ini tidak ada di daftar personel operasi.",
        "Plotting!D9 \u201cPersonel 3\u201d: ada beberapa personel dengan nama (dan pangkat) "
        "ini; tulis NRP-nya (90000003, 90009999).",
        "Plotting!B10 \u201cDESA ZZZ\u201d: desa/kelurahan tidak dikenal.",
        f"Plotting!C11 \u201cTPS 099 {t.desa}\u201d: TPS ini tidak ada di desa/kelurahan itu.",
        f"Plotting!C12 \u201cTPS 077 {t.desa}\u201d: TPS ini belum masuk pos pengamanan mana "
        "pun pada tahapan ini; bentuk pos untuknya dahulu.",
        "Plotting!D13 \u201cBudi\u201d: nama ini tidak sama dengan pemilik NRP di baris ini "
        "(90000001 Personel 1).",
        "Plotting!D14 (Nama) \u201cPersonel 7\u201d: bukan personel Polri aktif, jadi tidak dapat "
        "menjaga TPS (90000007 Personel 7).",
        "Plotting!F16 (NRP/NIP) \u201c90000002\u201d: personel ini sudah ditempatkan di pos "
        "lain oleh baris sebelumnya; satu personel hanya satu pos per tahapan (Plotting!F15).",
        "Plotting!C17 (TPS) \u201c1x\u201d: bukan bilangan bulat.",
        f"Plotting!C18 \u201c{t.number}, {u.number}\u201d: TPS di sel ini ada di pos yang "
        "berbeda; tulis TPS satu pos saja per baris (Pos 1 Kecamatan A1, Pos 2 Kecamatan A1).",
        "Plotting!A20 \u201cKECAMATAN ZZZ\u201d: kecamatan tidak dikenal.",
    ]
    refusal = preview.refusal()
    assert refusal is not None
    assert messages.describe(refusal) == (
        "11 baris ditolak (11 sel) di salah.xlsx, jadi tidak ada yang tersimpan; perbaiki sel itu "
        "lalu impor lagi."
    )
    with pytest.raises(RosterError):
        plot_import.commit(store, ADMIN, preview)
    assert _where(store, ids) == before and _txns(store) == txns


def test_a_stage_without_posts_or_an_unknown_stage_is_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    t = _plotting(store, ids).posts[0].post.tps[0]
    path = _polres_workbook(
        tmp_path / "k.xlsx",
        [("KECAMATAN A1", [[1, t.desa, t.number, "Personel 1", "Bripda", None, None]])],
    )
    with pytest.raises(RosterError) as refused:
        _prepare(store, path, stage="kampanye")
    assert messages.describe(refused.value).startswith(
        "Tahapan Kampanye belum mempunyai pos pengamanan, jadi k.xlsx tidak dapat dipasang"
    )
    with pytest.raises(RosterError) as refused:
        _prepare(store, path, stage="tidak-ada")
    said = messages.describe(refused.value)
    assert said.startswith("Tahapan \u201ctidak-ada\u201d tidak ada di operasi ini; pilihan: ")
    assert "pemungutan" in said


def test_a_sheet_without_a_plotting_table_is_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    path = tmp_path / "lain.xlsx"
    wb = Workbook()
    wb.active.append(["JENIS", "JUMLAH"])
    wb.active.append(["HT", 3])
    wb.save(path)
    with pytest.raises(RosterError) as refused:
        _prepare(store, path)
    # JENIS and JUMLAH are a sarpras list's columns: the refusal says which list it is.
    assert messages.describe(refused.value) == (
        "Berkas lain.xlsx tampaknya berisi \u201cDaftar sarpras\u201d, bukan "
        "\u201cPlotting personel\u201d: pilih jenis data \u201cDaftar sarpras\u201d."
    )
    wb = Workbook()
    wb.active.append(["TANGGAL", "URAIAN"])  # no list of any kind
    wb.active.append(["1-1-2024", "apel"])
    wb.save(path)
    with pytest.raises(RosterError) as refused:
        _prepare(store, path)
    assert "tidak ditemukan tabel plotting" in messages.describe(refused.value)


def test_a_placement_changed_since_the_preview_is_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    p = _plotting(store, ids)
    post, other = p.posts[0], p.posts[1]
    fresh = p.reserve[0]
    t = post.post.tps[0]
    path = _polres_workbook(
        tmp_path / "p.xlsx",
        [(post.post.kecamatan, [[1, t.desa, t.number, fresh.name, fresh.rank, fresh.nrp, None]])],
    )
    preview = _prepare(store, path)
    assert [r.action for r in preview.records] == ["new"]
    # Meanwhile another workstation puts the same person on another post.
    place(store, ADMIN, ids.operation_id, ids.stages["pemungutan"], fresh.id, other.post.id)
    before, txns = _where(store, ids), _txns(store)
    with pytest.raises(RosterError) as refused:
        plot_import.commit(store, ADMIN, preview)
    assert messages.describe(refused.value) == (
        f"Sejak pratinjau p.xlsx dibuat, 1 baris yang akan diimpor diubah di workstation lain "
        f"({fresh.nrp} {fresh.name}); tidak ada yang tersimpan. Buat pratinjau lagi lalu simpan."
    )
    assert _where(store, ids) == before and _txns(store) == txns
    # A change elsewhere does not matter: prepared again, it moves the person.
    preview = _prepare(store, path)
    assert [r.action for r in preview.records] == ["moved"]
    plot_import.commit(store, ADMIN, preview)
    assert _where(store, ids)[fresh.id] == (post.post.id, "hand", True)
    with store.read() as s:
        assert journal.head(s) > 0


def test_the_jambi_plotting_reads_back(sqlite_url: str, tmp_path: Path) -> None:
    """Jambi's whole voting-day list (about 2,250 officers): a kecamatan named "Kota Baru"
    (not the city), a "Desa Terusan" beside a "Kelurahan Terusan" in one kecamatan; every
    officer read back onto their own post, then nothing left to change."""
    from opscenter import operations
    from opscenter.demo import load_demo
    from reports.plotting.export import document, write

    store = open_store(sqlite_url)
    try:
        load_demo(store, "jambi")
        with store.read() as s:
            op = operations.get_operation(s)
            stage = next(st for st in operations.stages(s, op.id) if st.is_voting)
            doc = document(s, op.id, stage.id, None)
            held = plotting(s, op.id, stage.id)
        path = write(doc, tmp_path / "jambi.xlsx")
        preview = _prepare(store, path)
        assert _sentences(preview) == []
        where = {o.officer.id: pp.post.id for pp in held.posts for o in pp.officers}
        assert len(where) > 2000
        assert {r.personnel_id: r.post_id for r in preview.records} == where
        plot_import.commit(store, ADMIN, preview)
        again = _prepare(store, path)
        assert again.counts["unchanged"] == len(where) and again.counts["changed"] == 0
    finally:
        store.dispose()


def test_more_bad_cells_and_a_kecamatan_column(small: tuple[Store, Small], tmp_path: Path) -> None:
    """A KECAMATAN column instead of section rows: an unknown kecamatan in it, a desa whose
    name two kecamatan share with no kecamatan said, a first row without a TPS, a TPS
    without its desa, an unknown rank, a malformed NRP."""
    from opscenter.model import Region

    store, ids = small
    t = _plotting(store, ids).posts[0].post.tps[0]  # in Desa A1a, Kecamatan A1
    with store.transaction(ADMIN, "test.setup") as s:  # a namesake desa in Kecamatan A2
        s.add(Region(operation_id=ids.operation_id, level="desa", name="Desa A1a",
                     parent_id=ids.regions["A2"]))  # fmt: skip
    path = tmp_path / "kolom.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Plotting"
    ws.append(["NO", "KECAMATAN", "DESA", "TPS", "NAMA", "PANGKAT", "NRP"])
    ws.append([1, None, None, None, "Personel 1", "Bripda", "90000001"])  # 2: no TPS above
    ws.append([2, "Kec. Entah", t.desa, t.number, "Personel 1", "Bripda", "90000001"])  # 3
    ws.append([3, None, t.desa, t.number, "Personel 2", "Bripda", "90000002"])  # 4: which A1a?
    ws.append([4, "KECAMATAN A1", None, t.number, "Personel 3", "Brigjen Muda", None])  # 5
    ws.append([5, "KECAMATAN A1", t.desa, t.number, "Personel 4", "Bripda", "9000"])  # 6
    ws.append([6, "A1", t.desa.upper(), f"TPS {t.number}", "Personel 5", "Bripda", None])  # fine
    wb.save(path)
    before, txns = _where(store, ids), _txns(store)
    preview = _prepare(store, path)
    assert _sentences(preview) == [
        "Plotting!D2 (TPS): wajib diisi.",
        "Plotting!B3 \u201cKec. Entah\u201d: kecamatan tidak dikenal.",
        f"Plotting!C4 \u201c{t.desa}\u201d: nama desa/kelurahan ada di beberapa kecamatan; "
        "isi kolom kecamatan.",
        "Plotting!C5 (Desa/Kelurahan): wajib diisi.",
        "Plotting!F5 \u201cBrigjen Muda\u201d: pangkat tidak dikenal.",
        "Plotting!G6 \u201c9000\u201d: NRP/NIP tidak sah: NRP 8 digit, NIP 18 digit.",
    ]
    assert len(preview.records) == 1  # Personel 5, "A1" and "TPS 1" read as written
    with pytest.raises(RosterError):
        plot_import.commit(store, ADMIN, preview)
    assert _where(store, ids) == before and _txns(store) == txns


def test_a_sheet_without_a_tps_column_or_without_rows_is_refused(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, _ids = small
    path = tmp_path / "tanpa_tps.xlsx"
    wb = Workbook()
    wb.active.append(["NO", "DESA", "NAMA", "PANGKAT", "NRP"])
    wb.active.append([1, "Desa A1a", "Personel 1", "Bripda", "90000001"])
    wb.save(path)
    with pytest.raises(RosterError) as refused:
        _prepare(store, path)
    assert messages.describe(refused.value) == (
        "Lembar \u201cSheet\u201d di tanpa_tps.xlsx tidak memiliki kolom wajib: TPS."
    )
    wb = Workbook()
    wb.active.append(["DESA", "TPS", "NAMA", "NRP"])
    wb.save(path)
    with pytest.raises(RosterError) as refused:
        _prepare(store, path)
    assert "hanya berisi judul kolom" in messages.describe(refused.value)


def test_rank_and_nrp_in_one_column_and_several_tps_in_one_cell(
    small: tuple[Store, Small], tmp_path: Path
) -> None:
    store, ids = small
    p = _plotting(store, ids)
    post = next(pp.post for pp in p.posts if len(pp.post.tps) > 1)
    first, last = post.tps[0], post.tps[-1]
    assert first.desa == last.desa
    fresh = p.reserve[0]
    path = tmp_path / "satu_kolom.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Plotting"
    ws.append(["KECAMATAN", "DESA/KEL", "NO. TPS", "NAMA PERSONEL", "PANGKAT / NRP"])
    numbers = f"{first.number:03d} - {last.number:03d}"
    ws.append([post.kecamatan, first.desa, numbers, fresh.name, f"{fresh.rank} / {fresh.nrp}"])
    other = p.reserve[1]  # "-" for an NRP not written: found by name and rank
    ws.append([None, None, None, other.name, f"{other.rank} / -"])
    wb.save(path)
    preview = _prepare(store, path)
    assert _sentences(preview) == []
    record, second = preview.records
    assert (record.personnel_id, record.post_id, record.action) == (fresh.id, post.id, "new")
    assert set(record.tps_ids) >= {first.id, last.id}
    assert (second.personnel_id, second.post_id) == (other.id, post.id)
