"""Spreadsheet import (issue 4): bad input of every kind leaves the database as it was;
good input previews, commits once, re-imports as unchanged, and reverts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from opscenter import journal, messages
from opscenter.errors import ConnectionLost, OpsError
from opscenter.model import Personnel, PollingStation, Unit
from opscenter.progress import Cancelled, CancelToken
from opscenter.roster import commit as commit_mod
from opscenter.roster import errors_xlsx, export, history, normalise, template
from opscenter.roster.classify import prepare
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import FIELDS
from opscenter.roster.preview import Options, Preview
from opscenter.store import Store, open_store
from tests.builders import ADMIN, Small, build_small_operation
from tests.privileges import without_file_override

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "spreadsheets"
HEADER = ["NO", "NAMA", "PANGKAT", "NRP", "JABATAN", "SATUAN", "NO HP"]


@pytest.fixture
def store(sqlite_url: str) -> Iterator[Store]:
    s = open_store(sqlite_url)
    try:
        yield s
    finally:
        s.dispose()


@pytest.fixture
def small(store: Store) -> Small:
    return build_small_operation(store)


def snapshot(store: Store) -> tuple[Any, ...]:
    with store.read() as s:
        people = s.execute(select(Personnel.__table__).order_by(Personnel.id)).all()
        return (
            journal.head(s),
            tuple(tuple(r) for r in people),
            s.scalar(select(func.count(Unit.id))),
            s.scalar(select(func.count(PollingStation.id))),
        )


def xlsx(path: Path, rows: list[list[Any]], title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def roster(path: Path, extra: list[list[Any]] | None = None) -> Path:
    return xlsx(
        path,
        [
            ["KEPOLISIAN NEGARA REPUBLIK INDONESIA"],
            ["DAERAH UJI — RESOR A"],
            [],
            HEADER,
            [1, 2, 3, 4, 5, 6, 7],
            [
                1,
                "Andi Saputra",
                "BRIPDA",
                75010001,
                "Bhabinkamtibmas",
                "Polsek A1",
                "0812 1111 2222",
            ],
            [2, "Siti Rahma", "Kombes Pol.", "75010002", "Kapolres", "Polres A", "+62 813-000-111"],
            [3, "Dewi Lestari", "KOMISARIS BESAR POLISI", 7.5010003e7, "Wakapolres", "pa", ""],
            *(extra or []),
            [],
            ["", "", "", "", "Mengetahui,"],
            ["", "", "", "", "KOMISARIS BESAR POLISI NRP 63050899"],
        ],
    )


# --- refusals: the whole file, one sentence, nothing written -------------------------------


def _refusal(store: Store, path: Path, kind: str = "personnel") -> RosterError:
    before = snapshot(store)
    with pytest.raises(RosterError) as info:
        preview = prepare(store, path, Options(kind=kind))
        commit_mod.commit(store, ADMIN, preview)
    assert snapshot(store) == before
    sentence = messages.describe(info.value)
    assert sentence.endswith(".") and "\n" not in sentence and "{" not in sentence
    return info.value


def test_renamed_pdf_is_not_a_spreadsheet(store: Store, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    assert _refusal(store, path).reason == "not_spreadsheet"


def test_renamed_zip_is_not_a_spreadsheet(store: Store, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "daftar.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("foto.txt", "bukan lembar kerja")
    assert _refusal(store, path).reason == "not_spreadsheet"


def test_text_named_as_excel_is_said_to_be_no_workbook(
    store: Store, small: Small, tmp_path: Path
) -> None:
    """The corpus' too_small.xls is a line of text: read as CSV it was "no known headings",
    true but misleading to someone who thinks it is an Excel file."""
    text = "Attachment f:\\Summer trading shots.xls not found!"
    for name in ("daftar.xls", "daftar.xlsx", "daftar.xlsm"):
        path = tmp_path / name
        path.write_text(text)
        for kind in ("personnel", "tps"):
            refusal = _refusal(store, path, kind)
            assert refusal.reason == "not_workbook"
            assert messages.describe(refusal, "id") == (
                f"Berkas {name} bukan buku kerja Excel yang sah, mungkin rusak atau disimpan "
                "dengan nama yang salah; buka di Excel, simpan sebagai .xlsx, lalu impor lagi."
            )
    # The same text named .csv lacks known headings, as it always did.
    path = tmp_path / "daftar.csv"
    path.write_text(text)
    assert _refusal(store, path).reason == "no_table"


def test_binary_named_as_excel_is_said_to_be_no_workbook(
    store: Store, small: Small, tmp_path: Path
) -> None:
    noise = bytes(range(256)) * 4
    (tmp_path / "daftar.xls").write_bytes(noise)
    assert _refusal(store, tmp_path / "daftar.xls").reason == "not_workbook"
    # A LibreOffice name says nothing of Excel.
    (tmp_path / "daftar.ods").write_bytes(noise)
    assert _refusal(store, tmp_path / "daftar.ods").reason == "not_spreadsheet"


def test_a_csv_roster_imports_under_a_csv_or_an_xls_name(
    store: Store, small: Small, tmp_path: Path
) -> None:
    """Some programs export a table as text named .xls: where it holds a roster, it is read."""
    lines = [",".join(str(c) for c in HEADER), "1,Andi,BRIPDA,75030001,x,pa,"]
    for name in ("daftar.csv", "ekspor.xls"):
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n")
        preview = prepare(store, path, Options(kind="personnel"))
        assert preview.counts["new"] == 1 and preview.counts["rejected"] == 0, name


def test_the_corpus_text_named_xls_is_no_workbook(store: Store, small: Small) -> None:
    path = CORPUS / "too_small.xls"
    if not path.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    for kind in ("personnel", "tps"):
        assert _refusal(store, path, kind).reason == "not_workbook"


def test_truncated_workbook_is_corrupt(store: Store, small: Small, tmp_path: Path) -> None:
    good = roster(tmp_path / "good.xlsx")
    path = tmp_path / "potong.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert _refusal(store, path).reason == "corrupt"


def test_garbage_inside_a_zip_is_corrupt(store: Store, small: Small, tmp_path: Path) -> None:
    good = roster(tmp_path / "good.xlsx")
    path = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("sheet1.xml"):
                data = data[: len(data) // 2] + b"<<<\x00garbage"
            dst.writestr(item, data)
    assert _refusal(store, path).reason in ("corrupt", "no_table", "no_rows")


@pytest.mark.parametrize(
    "name", ["pass_protected.xlsx", "pass_protected.xlsb", "pass_protected.ods", "issue_385.xls"]
)
def test_password_protected(store: Store, small: Small, name: str) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    refusal = _refusal(store, CORPUS / name)
    assert refusal.reason == "password"
    # An .ods comes from LibreOffice: the walk was told to "buka di Excel".
    assert "LibreOffice" in messages.describe(refusal)


def test_empty_file(store: Store, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    assert _refusal(store, path).reason == "empty_file"


def test_header_only(store: Store, small: Small, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "judul.xlsx", [HEADER])
    assert _refusal(store, path).reason == "header_only"


def test_required_column_missing(store: Store, small: Small, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "tanpa_nama.xlsx", [["NRP", "PANGKAT", "SATUAN"], [75010001, "AKP", "pa"]]
    )
    err = _refusal(store, path)
    assert err.reason == "missing_columns"
    assert "Nama" in messages.describe(err)


def test_giant_csv_cell(store: Store, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "raksasa.csv"
    path.write_text("NRP,NAMA,SATUAN\n75010001," + "A" * 2_000_000 + ",pa\n", encoding="utf-8")
    assert _refusal(store, path).reason == "giant_cell"


def test_hidden_sheet_is_not_read_unless_named(store: Store, small: Small, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    wb.active.append(["tidak ada tabel di sini"])
    hidden = wb.create_sheet("Rahasia")
    hidden.sheet_state = "hidden"
    hidden.append(["NRP", "NAMA", "SATUAN"])
    hidden.append([75010001, "Andi Saputra", "pa"])
    path = tmp_path / "tersembunyi.xlsx"
    wb.save(path)
    assert _refusal(store, path).reason == "no_table"
    preview = prepare(store, path, Options(kind="personnel", sheet="Rahasia"))
    assert preview.counts["new"] == 1


def test_a_roster_chosen_as_another_kind_is_said_to_be_a_roster(
    store: Store, small: Small, tmp_path: Path
) -> None:
    """The operation's own personnel export chosen as a TPS list: the sentence says what
    the file is and which kind to choose; it once said no known headings were found, "e.g.
    NRP, NAMA, PANGKAT for personnel", which the file has."""
    path = tmp_path / "pers.xlsx"
    export.write(store, "personnel", path)
    error = _refusal(store, path, kind="tps")
    assert error.reason == "wrong_kind" and error.data["found"] == "personnel"
    assert messages.describe(error, "id") == (
        "Berkas pers.xlsx tampaknya berisi \u201cDaftar personel\u201d, bukan "
        "\u201cDaftar TPS\u201d: pilih jenis data \u201cDaftar personel\u201d."
    )
    english = messages.describe(_refusal(store, path, kind="tps"), "en")
    assert english == (
        "The file pers.xlsx looks like a \u201cPersonnel roster\u201d, not a \u201cTPS list\u201d: "
        "choose the data type \u201cPersonnel roster\u201d."
    )
    assert set(messages.IMPORT_KIND_NAMES) == set(FIELDS)  # the regions import's too (history)
    # A file of no kind at all still says so.
    other = xlsx(tmp_path / "lain.xlsx", [["TANGGAL", "URAIAN"], ["1-1-2024", "apel"]])
    assert _refusal(store, other, kind="tps").reason == "no_table"


def test_unknown_sheet(store: Store, small: Small, tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx")
    before = snapshot(store)
    with pytest.raises(RosterError) as info:
        prepare(store, path, Options(kind="personnel", sheet="Tidak Ada"))
    assert info.value.reason == "no_such_sheet"
    assert snapshot(store) == before


# --- rows: cell problems with references ---------------------------------------------------


def test_roster_layout_ranks_numbers_phones(store: Store, small: Small, tmp_path: Path) -> None:
    preview = prepare(store, roster(tmp_path / "r.xlsx"), Options(kind="personnel"))
    assert preview.counts == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 0}
    assert preview.layout.header_row == 3 and preview.layout.data_start == 5
    values = {r.values[0]: r.values for r in preview.outcomes() if r.values}
    assert set(values) == {"75010001", "75010002", "75010003"}
    assert values["75010001"][7] == "+6281211112222"
    assert values["75010002"][7] == "+62813000111"
    ranks = preview.labels["rank_id"]
    assert ranks[values["75010002"][3]] == "Kombes Pol"
    assert ranks[values["75010003"][3]] == "Kombes Pol"


def test_bad_cells_are_named_and_nothing_is_written(
    store: Store, small: Small, tmp_path: Path
) -> None:
    rows = [
        HEADER,
        [1, "Andi", "BRIPDA", "7501", "x", "pa", ""],  # malformed NRP
        [2, "", "BRIPDA", 75010002, "x", "pa", ""],  # missing name
        [3, "Budi", "JENDERAL BINTANG", 75010003, "x", "pa", ""],  # unknown rank
        [4, "Cici", "BRIPDA", 75010004, "x", "Polres Zulu", ""],  # unknown unit
        [5, "Dodi", "BRIPDA", 75010005, "x", "pa", ""],  # duplicate ...
        [6, "Dodi K", "BRIPDA", 75010005, "x", "pa", ""],  # ... within the file
        [7, "Zainal Abidin", "BRIPDA", 90000001, "x", "pa", ""],  # NRP of another person
        [8, "Eko", "BRIPDA", 75010008, "x", "pa", ""],  # a good row among them
        [9, '=HYPERLINK("http://x")', "BRIPDA", 75010009, "x", "pa", ""],  # a formula
        [10, "F" * 500, "BRIPDA", 75010010, "x", "pa", ""],  # giant cell
        [11, "Gita", "BRIPDA", 75010011, "x", "pa", "12ab"],  # bad phone
        [12, "PNS", "Penata III/a", 1.98001012005011e17, "x", "pa", ""],  # NIP as a float
    ]
    path = xlsx(tmp_path / "buruk.xlsx", rows)
    before = snapshot(store)
    preview = prepare(store, path, Options(kind="personnel"))
    assert preview.counts == {"new": 1, "changed": 0, "unchanged": 0, "rejected": 11}
    found = {(p.ref, p.code) for p in preview.problems()}
    assert {
        ("Sheet1!D2", "nrp_malformed"),
        ("Sheet1!B3", "required"),
        ("Sheet1!C4", "rank_unknown"),
        ("Sheet1!F5", "unit_unknown"),
        ("Sheet1!D6", "duplicate"),
        ("Sheet1!D7", "duplicate"),
        ("Sheet1!B8", "conflict_db"),
        # openpyxl stores no computed value for a formula; the cell reads as empty.
        ("Sheet1!B10", "required"),
        ("Sheet1!B11", "too_long"),
        ("Sheet1!G12", "phone_malformed"),
        ("Sheet1!D13", "nip_precision"),
    } <= found
    assert snapshot(store) == before  # a preview writes nothing

    out = tmp_path / "ditolak.xlsx"
    assert errors_xlsx.write(preview, out) == 11
    assert commit_mod.commit(store, ADMIN, preview).txn_id is not None  # the valid row only
    with store.read() as s:
        assert s.scalar(select(func.count(Personnel.id))) == len(before[1]) + 1
    ws = openpyxl.load_workbook(out).active
    assert ws["D2"].fill.fgColor.rgb.endswith("FFC7CE")
    assert "NRP/NIP tidak sah" in ws["D2"].comment.text
    assert ws["F5"].comment is not None and "satuan tidak dikenal" in ws["F5"].comment.text
    assert ws["A2"].comment is None
    reasons = [c.value for c in ws[1]]
    assert "Alasan ditolak" in reasons
    names = [c.value for c in ws["B"]]
    assert "Dodi" in names and "Dodi K" in names  # both copies of a duplicate, cells and all
    assert ws["B3"].value is None and "wajib diisi" in ws["B3"].comment.text


def test_a_refused_cell_names_its_field_unless_its_reason_does(
    store: Store, small: Small, tmp_path: Path
) -> None:
    """Walk 35, defect 3b: "B5: wajib diisi" left the reader to find which column B is."""
    rows = [
        HEADER,
        [1, "Andi", "BRIPDA", "7501", "x", "pa", ""],  # the reason names NRP/NIP itself
        [2, "", "BRIPDA", 75010002, "x", "pa", ""],  # missing name
        [3, "Gita", "BRIPDA", 75010011, "x", "pa", "12ab"],  # bad phone
    ]
    preview = prepare(store, xlsx(tmp_path / "buruk.xlsx", rows), Options(kind="personnel"))
    said = {p.ref: messages.cell_problem(p, "id") for p in preview.problems()}
    assert said == {
        "Sheet1!D2": "Sheet1!D2 \u201c7501\u201d: NRP/NIP tidak sah: NRP 8 digit, NIP 18 digit.",
        "Sheet1!B3": "Sheet1!B3 (Nama): wajib diisi.",
        "Sheet1!G4": "Sheet1!G4 (No. HP) \u201c12ab\u201d: nomor HP tidak sah.",
    }
    english = {p.ref: messages.cell_problem(p, "en") for p in preview.problems()}
    assert english["Sheet1!B3"] == "Sheet1!B3 (Name): is required."


def test_a_refused_row_keeps_its_key_and_whole_numbers_are_quoted_whole(
    store: Store, small: Small, tmp_path: Path
) -> None:
    """Walk 36: a refused row with its NRP in the file showed no key, a new row no name, and
    the phone -5 was quoted "-5.0" (a spreadsheet stores every number as a float)."""
    rows = [
        HEADER,
        [1, "Gita", "BRIPDA", 99990004, "x", "pa", -5],  # bad phone: refused, NRP read
        [2, "Hadi", "BRIPDA", 99990005, "x", "Polres Zulu", 999],  # unknown unit, bad phone
        [3, "Eko Prasetyo", "BRIPDA", 99990006, "x", "pa", ""],  # new
        [4, "Dodi", "BRIPDA", 99990007, "x", "pa", ""],  # duplicate ...
        [5, "Dodi K", "BRIPDA", 99990007, "x", "pa", ""],  # ... within the file
    ]
    preview = prepare(store, xlsx(tmp_path / "buruk.xlsx", rows), Options(kind="personnel"))
    said = {p.ref: messages.cell_problem(p, "id") for p in preview.problems()}
    assert said["Sheet1!G2"] == "Sheet1!G2 (No. HP) \u201c-5\u201d: nomor HP tidak sah."
    assert said["Sheet1!G3"] == "Sheet1!G3 (No. HP) \u201c999\u201d: nomor HP tidak sah."
    keys = {r.row + 1: preview.key_text(r) for r in preview.outcomes()}
    assert keys == {2: "99990004", 3: "99990005", 4: "99990006", 5: "99990007", 6: "99990007"}
    new = next(r for r in preview.outcomes() if r.status == "new")
    assert preview.new_text(new) == "Nama: Eko Prasetyo; Pangkat: Bripda; Satuan: Polres A"


def test_a_column_chosen_among_several_says_what_to_check_and_where_to_choose(
    tmp_path: Path,
) -> None:
    """Walk 35, defect 3a: the column page said "pilih kolomnya di halaman sebelumnya" though
    columns are chosen on that page, and "periksa angkanya" of a column of names."""
    from opscenter.roster.sheet_guess import scan

    rows = [["NO", "NAMA", "PANGKAT", "NRP", "NAMA LENGKAP"], [1, "Andi", "BRIPDA", 75010001, "A"]]
    path = xlsx(tmp_path / "dua.xlsx", rows)
    layout = scan(path, "personnel").layout
    head = (
        "Nama diambil dari kolom B \u201cNAMA\u201d, padahal E \u201cNAMA LENGKAP\u201d juga bisa; "
    )
    assert messages.import_choices(layout, 0, "id", where="mapping") == (
        head + "periksa isi kolom itu, atau klik dua kali baris Nama di atas untuk memilih "
        "kolom lain."
    )
    assert messages.import_choices(layout, 0, "id", where="preview") == (
        head + "periksa isi kolom itu, atau pilih kolomnya di halaman sebelumnya."
    )
    assert messages.import_choices(layout, 0, "id", where="cli") == (
        head + "periksa isi kolom itu."
    )
    assert messages.import_choices(layout, 0, "en", where="mapping").endswith(
        "; check what that column holds, or double-click the Name row above to choose "
        "another column."
    )


def test_control_characters_are_rejected_and_reported(
    store: Store, small: Small, tmp_path: Path
) -> None:
    path = tmp_path / "kendali.csv"
    path.write_text(
        "NRP;NAMA;SATUAN;JABATAN\n75010001;Eko\x07Prasetyo;pa;x\n"
        '75010002;=HYPERLINK("http://x");pa;x\n75010003;Ani;pa;@SUM(A1)\n',
        encoding="utf-8",
    )
    before = snapshot(store)
    preview = prepare(store, path, Options(kind="personnel"))
    assert [(p.ref, p.code) for p in preview.problems()] == [
        ("kendali!B2", "control_char"),
        ("kendali!B3", "formula_text"),
    ]
    assert preview.counts["new"] == 1  # "@SUM(A1)" as a position is plain text
    assert snapshot(store) == before
    out = tmp_path / "ditolak.xlsx"
    errors_xlsx.write(preview, out)
    ws = openpyxl.load_workbook(out).active
    cell = ws["B2"]
    assert cell.value == "Eko\ufffdPrasetyo" and "karakter kendali" in cell.comment.text
    assert ws["B3"].value == '=HYPERLINK("http://x")' and ws["B3"].data_type == "s"
    assert "rumus" in ws["B3"].comment.text


def test_hidden_rows_are_imported_like_visible_ones(
    store: Store, small: Small, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NRP", "NAMA", "SATUAN"])
    ws.append([75010001, "Andi", "pa"])
    ws.append([75010002, "Budi", "pa"])
    ws.row_dimensions[3].hidden = True
    path = tmp_path / "baris_tersembunyi.xlsx"
    wb.save(path)
    assert prepare(store, path, Options(kind="personnel")).counts["new"] == 2


def test_file_with_office_lock_files_beside_it(store: Store, small: Small, tmp_path: Path) -> None:
    path = roster(tmp_path / "dibuka.xlsx")
    (tmp_path / "~$dibuka.xlsx").write_bytes(b"\x05owner")  # Excel's owner file
    (tmp_path / ".~lock.dibuka.xlsx#").write_text("user,host,,")  # LibreOffice's
    assert prepare(store, path, Options(kind="personnel")).counts["new"] == 3


_PREPARE_AND_SAY = """
import sys
from opscenter import messages
from opscenter.roster.errors import RosterError
from opscenter.roster.headers import FIELDS
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options
from opscenter.store import open_store

store = open_store(sys.argv[1])
try:
    prepare(store, sys.argv[2], Options(kind="personnel"))
except RosterError as exc:
    print(exc.reason, messages.describe(exc), sep="|")
else:
    print("read")
finally:
    store.dispose()
"""


def test_unreadable_file_is_refused(store: Store, small: Small, tmp_path: Path) -> None:
    path = roster(tmp_path / "terkunci.xlsx")
    path.chmod(0)
    before = snapshot(store)
    # In a process that file modes bind, root included (CI runs as root): tests/privileges.py.
    done = subprocess.run(
        [*without_file_override(), sys.executable, "-c", _PREPARE_AND_SAY,
         store.url.render_as_string(hide_password=False), str(path)],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    reason, _, sentence = done.stdout.strip().partition("|")
    assert reason == "locked"
    assert sentence.endswith(".") and "\n" not in sentence and "{" not in sentence
    assert snapshot(store) == before


# --- commit, re-import, revert -------------------------------------------------------------


def test_commit_reimport_revert(store: Store, small: Small, tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx", [[4, "Personel 1", "Briptu", 90000001, "Baru", "pa1", ""]])
    before = snapshot(store)
    preview = prepare(store, path, Options(kind="personnel"))
    assert preview.counts == {"new": 3, "changed": 1, "unchanged": 0, "rejected": 0}
    changed = next(r for r in preview.rows if r.status == "changed")
    assert changed.changes is not None and set(changed.changes) == {"rank_id", "position"}
    outcome = commit_mod.commit(store, ADMIN, preview)
    assert outcome.txn_id is not None
    with store.read() as s:
        from opscenter.model import JournalTxn

        txn = s.get(JournalTxn, outcome.txn_id)
        assert txn is not None and txn.action == "import.personnel"
        assert txn.details and txn.details["sha256"] == preview.sha256
        assert txn.details["file"] == "r.xlsx"
    after = snapshot(store)
    again = prepare(store, path, Options(kind="personnel"))
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 4, "rejected": 0}
    assert commit_mod.commit(store, ADMIN, again).txn_id is None
    assert snapshot(store) == after
    history.revert(store, ADMIN, outcome.txn_id)
    reverted = snapshot(store)
    assert reverted[1:] == before[1:] or _same_but_versions(reverted, before)
    with pytest.raises(RosterError) as info:
        history.revert(store, ADMIN, outcome.txn_id)
    assert info.value.reason == "already_reverted"


def _same_but_versions(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """The reverted person has its fields back; only its version counter moved on."""
    keys = Personnel.__table__.c.keys()

    def strip(rows: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        return [tuple(v for k, v in zip(keys, r, strict=True) if k != "version") for r in rows]

    return strip(a[1]) == strip(b[1]) and a[2:] == b[2:]


def test_stale_preview_is_refused(store: Store, small: Small, tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx")
    preview = prepare(store, path, Options(kind="personnel"))
    commit_mod.commit(store, ADMIN, prepare(store, path, Options(kind="personnel")))
    before = snapshot(store)
    with pytest.raises(RosterError) as info:
        commit_mod.commit(store, ADMIN, preview)
    # The same file landed meanwhile: every row it adds now exists, and is named.
    assert info.value.reason == "stale_rows"
    assert "75010001 Andi Saputra" in messages.describe(info.value, "id")
    assert snapshot(store) == before


def test_unknown_unit_created_when_chosen(store: Store, small: Small, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "u.xlsx", [["NRP", "NAMA", "SATUAN"], [75010001, "Andi", "Polsek Baru"]])
    refused = prepare(store, path, Options(kind="personnel"))
    assert refused.counts["rejected"] == 1
    preview = prepare(store, path, Options(kind="personnel", create_units=True))
    assert preview.counts["new"] == 1 and list(preview.new_units.values()) == ["Polsek Baru"]
    commit_mod.commit(store, ADMIN, preview)
    with store.read() as s:
        assert s.scalar(select(Unit.code).where(Unit.name == "Polsek Baru")) == "polsek-baru"


def test_subtotal_lines_of_a_roster_are_skipped_and_counted(
    store: Store, small: Small, tmp_path: Path
) -> None:
    """A "JUMLAH" line after each Polsek: its label in the NO column (not a field of its
    own) with a count where the NRP goes, or in the name column; neither is a person, and
    the people after them are still read."""
    path = roster(
        tmp_path / "r.xlsx",
        extra=[
            ["JUMLAH", None, None, 3],
            [4, "Budi Santoso", "BRIPTU", 75010004, "Ba Ops", "Polsek A1", ""],
            [None, "Jumlah Polsek A1", None, None, None, None, None],
            [5, "Tri Wahyuni", "BRIPDA", 75010005, "Ba Ops", "Polsek A1", ""],
        ],
    )
    preview = prepare(store, path, Options(kind="personnel"))
    assert preview.subtotals == 2
    assert preview.counts == {"new": 5, "changed": 0, "unchanged": 0, "rejected": 0}


def test_database_lost_mid_import_writes_nothing(
    store: Store, small: Small, tmp_path: Path
) -> None:
    rows = [HEADER] + [
        [i, f"Orang {i}", "BRIPDA", 76000000 + i, "x", "pa", ""] for i in range(12_000)
    ]
    path = xlsx(tmp_path / "besar.xlsx", rows)
    preview = prepare(store, path, Options(kind="personnel"))
    before = snapshot(store)

    def progress(done: int, total: int, text: str) -> None:
        if text == "write" and done >= 5_000:
            raise ConnectionLost(detail="server closed the connection unexpectedly")

    with pytest.raises(ConnectionLost):
        commit_mod.commit(store, ADMIN, preview, progress)
    assert snapshot(store) == before


def test_cancel_writes_nothing(store: Store, small: Small, tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx")
    preview = prepare(store, path, Options(kind="personnel"))
    cancel = CancelToken()
    cancel.cancel()
    before = snapshot(store)
    with pytest.raises(Cancelled):
        commit_mod.commit(store, ADMIN, preview, cancel=cancel)
    assert snapshot(store) == before


# --- export, template, TPS, units ----------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("kind", ["personnel", "tps"])
def test_export_imports_back_unchanged(
    store: Store, small: Small, tmp_path: Path, kind: str, suffix: str
) -> None:
    out = tmp_path / f"ekspor{suffix}"
    n = export.write(store, kind, out)
    assert n > 0
    before = snapshot(store)
    preview = prepare(store, out, Options(kind=kind))
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": n, "rejected": 0}
    assert commit_mod.commit(store, ADMIN, preview).txn_id is None
    assert snapshot(store) == before


def test_tps_import(store: Store, small: Small, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "tps.xlsx",
        [
            ["DAFTAR TPS"],
            ["KECAMATAN", "DESA/KEL", "NO. TPS", "KERAWANAN", "DPT", "POLSEK"],
            ["Kec. A1", "Desa A1a", "TPS 013", "SR", 250, "pa1"],
            ["Kecamatan A1", "A1b", 2.0, "Kurang Rawan", "300", "Polsek A1"],
            ["Kecamatan A1", "A1b", 3, "Agak Rawan", 700, "pa1"],
            ["", "Desa Hilang", 1, "R", 10, "pa1"],
        ],
    )
    preview = prepare(store, path, Options(kind="tps"))
    assert preview.counts == {"new": 2, "changed": 0, "unchanged": 0, "rejected": 2}
    codes = {p.code for p in preview.problems()}
    assert {"category_unknown", "voters_range", "region_unknown"} <= codes
    commit_mod.commit(store, ADMIN, preview)
    assert prepare(store, path, Options(kind="tps")).counts["unchanged"] == 2


def test_units_import_parent_in_same_file(store: Store, small: Small, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "satuan.xlsx",
        [
            ["KODE", "NAMA SATUAN", "JENIS", "KODE INDUK", "INSTANSI"],
            ["pa3", "Polsek A3", "polsek", "pa9", "polri"],
            ["pa9", "Polres A9", "Polres", "polda", ""],
            ["kodim", "Kodim 0415", "kodim", "", "TNI"],
            ["x", "Xx", "kapal", "", ""],
        ],
    )
    preview = prepare(store, path, Options(kind="units"))
    assert preview.counts == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 1}
    commit_mod.commit(store, ADMIN, preview)
    with store.read() as s:
        rows = {r[0]: r[1] for r in s.execute(select(Unit.code, Unit.tree))}
        assert rows["kodim"] == "partner" and rows["pa3"] == "territorial"
    assert prepare(store, path, Options(kind="units")).counts["unchanged"] == 3


def test_template_has_lists_and_imports_as_header_only(
    store: Store, small: Small, tmp_path: Path
) -> None:
    out = template.write("personnel", tmp_path / "templat.xlsx", store)
    wb = openpyxl.load_workbook(out)
    ws = wb["Data"]
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert any("Daftar!$A$2" in f for f in formulas)  # ranks
    assert wb["Daftar"]["A2"].value == "Bharada"
    assert _refusal(store, out).reason == "header_only"
    tps = template.write("tps", tmp_path / "tps.xlsx")
    ws = openpyxl.load_workbook(tps)["Data"]
    assert any("Daftar!$B$2" in dv.formula1 for dv in ws.data_validations.dataValidation)


# --- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (75010001, ("75010001", "nrp")),
        (75010001.0, ("75010001", "nrp")),
        ("7.5010001E+07", ("75010001", "nrp")),
        ("7501 0001", ("75010001", "nrp")),
        (1234567, ("01234567", "nrp")),
        ("198001012005011001", ("198001012005011001", "nip")),
        ("19800101 200501 1 001", ("198001012005011001", "nip")),
    ],
)
def test_nrp_forms(value: Any, expected: tuple[str, str]) -> None:
    assert normalise.nrp(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        (81234567890.0, "+6281234567890"),
        (None, None),
    ],
)
def test_phone_forms(value: Any, expected: str | None) -> None:
    assert normalise.phone(value) == expected


def test_rank_and_nrp_in_one_cell() -> None:
    assert normalise.split_rank_nrp("BRIPDA / 98765432") == ("BRIPDA", "98765432")
    assert normalise.split_rank_nrp("Kombes Pol. NRP 63050899") == ("Kombes Pol.", "63050899")
    assert normalise.split_rank_nrp("AKBP\n75010001") == ("AKBP", "75010001")


def test_dates_as_text_and_serial_numbers() -> None:
    from datetime import date

    assert normalise.to_date(45623) == date(2024, 11, 27)
    assert normalise.to_date("27-11-2024") == date(2024, 11, 27)
    assert normalise.to_date("27 Nopember 2024") == date(2024, 11, 27)
    assert normalise.to_date("2024-11-27") == date(2024, 11, 27)


# --- the corpus ----------------------------------------------------------------------------


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        p
        for p in CORPUS.iterdir()
        if p.suffix.lower() in (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
    )


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Small]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    s = open_store(url)
    small = build_small_operation(s)
    try:
        yield s, small
    finally:
        s.dispose()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("kind", ["personnel", "tps"])
@pytest.mark.parametrize(
    "path", _corpus_files() or [None], ids=lambda p: p.name if p else "missing"
)
def test_corpus_file(corpus_store: tuple[Store, Small], path: Path | None, kind: str) -> None:
    if path is None:
        pytest.skip(f"corpus not found at {CORPUS} (CI clones shared/ beside the repository)")
    store, _ = corpus_store
    before = snapshot(store)
    preview: Preview | None = None
    refusal: RosterError | None = None
    try:
        preview = prepare(store, path, Options(kind=kind))
    except RosterError as exc:
        refusal = exc
    except OpsError as exc:  # pragma: no cover - any other typed error is a finding
        pytest.fail(f"{path.name}: untyped refusal {exc!r}")
    if refusal is not None:
        sentence = messages.describe(refusal)
        assert "\n" not in sentence and "{" not in sentence
    if preview is not None:
        # Calamine's test files are not rosters: whatever maps must be valid rows or rejected.
        assert preview.counts["new"] + preview.counts["changed"] == sum(
            1 for r in preview.outcomes() if r.values is not None
        )
    assert snapshot(store) == before


def test_postgresql_connection_killed_mid_import_writes_nothing(
    pg_url: str, tmp_path: Path
) -> None:
    """The server drops the import's connection between two batches: nothing half-written."""
    import psycopg
    from sqlalchemy.engine import make_url

    from opscenter.errors import StorageError

    store = open_store(pg_url)
    try:
        build_small_operation(store)
        rows = [HEADER] + [
            [i, f"Orang {i}", "BRIPDA", 76000000 + i, "x", "pa", ""] for i in range(12_000)
        ]
        path = xlsx(tmp_path / "besar.xlsx", rows)
        preview = prepare(store, path, Options(kind="personnel"))
        before = snapshot(store)
        url = make_url(pg_url)
        dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)

        def progress(done: int, total: int, text: str) -> None:
            if text == "write" and done >= 5_000:
                with psycopg.connect(dsn, autocommit=True) as admin:
                    admin.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )

        with pytest.raises(StorageError) as info:
            commit_mod.commit(store, ADMIN, preview, progress)
        assert "\n" not in messages.describe(info.value)
        assert snapshot(store) == before
        # And the same preview commits whole once the server is back.
        outcome = commit_mod.commit(store, ADMIN, preview)
        assert outcome.txn_id is not None
        again = prepare(store, path, Options(kind="personnel"))
        assert again.counts["unchanged"] == 12_000
        history.revert(store, ADMIN, outcome.txn_id)
        assert snapshot(store)[1:] == before[1:]
    finally:
        store.dispose()


def test_unit_merged_down_over_its_people(store: Store, small: Small, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DAFTAR PERSONEL"])
    ws.merge_cells("A1:D1")
    ws.append(["SATUAN", "NRP", "NAMA", "PANGKAT"])
    ws.append(["Polsek A1", 75010001, "Andi", "Bripda"])
    ws.append([None, 75010002, "Budi", "Briptu"])
    ws.append([None, 75010003, "Cici", "Brigadir"])
    ws.merge_cells("A3:A5")
    path = tmp_path / "gabung.xlsx"
    wb.save(path)
    preview = prepare(store, path, Options(kind="personnel"))
    assert preview.counts["new"] == 3
    units = {r.values[5] for r in preview.outcomes() if r.values}
    assert units == {small.units["PA1"]}
