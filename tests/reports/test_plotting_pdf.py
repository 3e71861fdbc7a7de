"""The printed plotting list and the assignment slips (PDF) and the list as a workbook, on the
Jambi demo's voting-day plotting: what the core holds is what is printed (every officer, the
leader marked, the deficit per kecamatan, the reserve), on A4 with the situation report's
furniture, nothing outside the page; the workbook typed, without formulas."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pdfplumber
import pytest
from openpyxl import load_workbook

from opscenter import operations, sitrep
from opscenter.demo import load_demo
from opscenter.plotting.lists import Guard, PlottingList, plotting_list, slips, unit_named
from opscenter.plotting.plot import plotting
from opscenter.store import Store, open_store
from reports.plotting import PlottingDocument, render_list, render_slips
from reports.plotting.workbook import workbook
from reports.sitrep.layout import MARGIN_L, MARGIN_R
from tests.reports.pages import ending_apart, page_lines

WIB = ZoneInfo("Asia/Jakarta")
WHEN = datetime(2024, 11, 25, 9, 30, tzinfo=WIB)
A4 = (595.3, 841.9)
HEADINGS = ["No", "TPS", "Desa/Kel.", "Pos", "Nama", "Pangkat", "NRP", "HP", "Linmas"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("plotting-pdf") / "jambi.db"
    store = open_store(f"sqlite:///{path}")
    load_demo(store, "jambi")
    try:
        yield store
    finally:
        store.dispose()


def document_of(store: Store, unit: str | None) -> PlottingDocument:
    with store.read() as s:
        op = operations.get_operation(s, None)
        stage = next(st for st in operations.stages(s, op.id) if st.code == "pemungutan")
        scope = unit_named(s, op.id, unit) if unit else None
        listing = plotting_list(s, op.id, stage.id, scope)
        return PlottingDocument(sitrep.report_settings(op), listing, "TERBATAS", WHEN)


@pytest.fixture(scope="module")
def kerinci(demo: Store) -> PlottingDocument:
    """Polres Kerinci: short of police in several kecamatan, so the deficit shows."""
    return document_of(demo, "polres-kerinci")


def pages_of(pdf: bytes) -> list[tuple[float, float, str, list[dict[str, Any]], Any]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [
            (p.width, p.height, p.extract_text() or "", p.extract_words(), p.extract_tables())
            for p in doc.pages
        ]


@pytest.fixture(scope="module")
def list_pdf(kerinci: PlottingDocument) -> bytes:
    return render_list(kerinci)


@pytest.fixture(scope="module")
def list_pages(list_pdf: bytes) -> list[Any]:
    return pages_of(list_pdf)


def test_the_list_holds_what_the_core_holds(demo: Store, kerinci: PlottingDocument) -> None:
    """The list's figures against the plotting itself: Polres Kerinci's posts, officers,
    deficit per kecamatan and reserve."""
    lst = kerinci.listing
    with demo.read() as s:
        op = operations.get_operation(s, None)
        stage = next(st for st in operations.stages(s, op.id) if st.code == "pemungutan")
        whole = plotting(s, op.id, stage.id)
        every = plotting_list(s, op.id, stage.id)
    assert lst.scope == "Polres Kerinci"
    assert all(k.polres == "Polres Kerinci" for k in lst.kecamatan)
    assert all(k.polsek and k.polsek.startswith("Polsek ") for k in lst.kecamatan)
    # The whole operation's list is the plotting, post for post and officer for officer.
    assert every.posts == len(whole.posts) and every.placed == whole.placed
    assert every.deficit == sum(whole.deficit.values())
    assert len(every.reserve) == len(whole.reserve)
    # Kerinci is short; the deficit per kecamatan is what its posts lack.
    assert lst.deficit > 0
    for k in lst.kecamatan:
        assert k.deficit == sum(max(0, p.police - len(p.guards)) for p in k.posts)
    # Each post's leader is its first officer, and only that one.
    for k in lst.kecamatan:
        for p in k.posts:
            assert [g.leader for g in p.guards] == [i == 0 for i in range(len(p.guards))]
    # Its reserve works in Polres Kerinci (or under it).
    assert {g.unit for g in lst.reserve} <= {"Polres Kerinci"} | {k.polsek for k in lst.kecamatan}


def test_letterhead_furniture_and_a4_on_every_page(
    list_pages: list[Any], kerinci: PlottingDocument
) -> None:
    first = list_pages[0][2]
    for line in (
        "KEPOLISIAN NEGARA REPUBLIK INDONESIA",
        "DAERAH JAMBI",
        "DAFTAR PLOTTING PERSONEL PENGAMANAN TPS",
        "Tahapan : Pemungutan suara, 27 November 2024",
        "Satuan : Polres Kerinci",
        "Keadaan per : 25 November 2024 09.30 WIB",
        "I. REKAPITULASI PER KECAMATAN",
    ):
        assert line in first, line
    total = len(list_pages)
    for n, (w, h, text, words, _t) in enumerate(list_pages, 1):
        assert (round(w, 1), round(h, 1)) == A4
        assert f"Hal. {n} dari {total}" in text
        assert "Dibuat 25 November 2024 09.30 WIB" in text
        marks = [x for x in words if x["text"] == "TERBATAS"]
        assert any(x["top"] < 50 for x in marks) and any(x["bottom"] > h - 40 for x in marks)
        # Nothing outside the text area (a point of slack for the grid's line width).
        assert all(x["x0"] >= MARGIN_L - 1 and x["x1"] <= w - MARGIN_R + 1 for x in words), n


def test_every_officer_kecamatan_and_deficit_is_printed(
    list_pages: list[Any], kerinci: PlottingDocument
) -> None:
    whole = "\n".join(p[2] for p in list_pages)
    lst = kerinci.listing
    for k in lst.kecamatan:
        heading = f"{k.kecamatan.upper()} \u2014 {k.polsek.upper()} (POLRES KERINCI)"  # type: ignore[union-attr]
        assert heading in whole, heading
        line = (
            f"{len(k.posts)} pos, kebutuhan {k.needed} personel Polri, ditempatkan {k.placed}, "
            f"kekurangan {k.deficit}; kebutuhan Linmas {k.linmas}."
        )
        assert line in whole, line
        for p in k.posts:
            for g in p.guards:
                assert g.nrp in whole and g.phone in whole, g
    names = _name_cells(list_pages)
    for k in lst.kecamatan:
        for p in k.posts:
            for g in p.guards:
                assert (f"{g.name} (Ketua)" if g.leader else g.name) in names, g
    assert f"kekurangan {lst.deficit}, cadangan {len(lst.reserve)}." in whole
    short = sum(1 for k in lst.kecamatan for p in k.posts if p.short)
    assert len(re.findall(r"kurang \d+ personel", whole)) == short
    assert "OpsCenter tidak memegang daftar nama Linmas per pos" in " ".join(whole.split())
    assert "III. CADANGAN" in whole
    assert (
        "Demikian daftar plotting personel pengamanan TPS ini dibuat untuk dilaksanakan." in whole
    )
    assert "KEPALA BIRO OPERASI" in whole


def _name_cells(pages: list[Any]) -> set[str]:
    """The Nama cells of every post table, each on one line."""
    return {
        " ".join((row[4] or "").split())
        for page in pages
        for t in page[4]
        if t and t[0][:2] == ["No", "TPS"]
        for row in t[1:]
    }


def test_the_list_tables_read_back_with_their_columns(list_pages: list[Any]) -> None:
    tables = [t for page in list_pages for t in page[4] if t and t[0][0] == "No"]
    post_tables = [t for t in tables if t[0][1] == "TPS"]
    assert post_tables, "no post table found"
    for t in post_tables:
        assert [c.replace("\n", "") for c in t[0]] == HEADINGS
    # A post's first row carries its No, TPS, desa, post and Linmas; NRPs are 8 digits.
    row = post_tables[0][1]
    assert row[0] == "1" and re.fullmatch(r"\d{3}(, \d{3})*", " ".join((row[1] or "").split()))
    assert re.fullmatch(r"\d{8}", row[6] or ""), row


def test_the_pages_render_and_look_like_a_report(list_pdf: bytes, tmp_path: Path) -> None:
    (tmp_path / "daftar.pdf").write_bytes(list_pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "3", str(tmp_path / "daftar.pdf"),
         str(tmp_path / "hal")],
        check=True,
    )  # fmt: skip
    rendered = sorted(tmp_path.glob("hal-*.png"))
    assert len(rendered) == 3
    from PIL import Image

    for png in rendered:
        with Image.open(png) as img:
            w, h = img.size
            assert abs(w / h - A4[0] / A4[1]) < 0.01
            # Ink on the page, and a white margin all round (nothing bleeds off the edge).
            grey = img.convert("L")
            assert _darkest(grey) < 100
            for box in ((0, 0, w, 8), (0, h - 8, w, h), (0, 0, 8, h), (w - 8, 0, w, h)):
                assert _darkest(grey.crop(box)) > 200, (png.name, box)


def _darkest(img: Any) -> int:
    """The darkest grey level of a greyscale image (0 black, 255 white)."""
    low, _high = img.getextrema()
    return int(low)


KECAMATAN_HEADING = re.compile(r"KECAMATAN .+ \u2014 POLSEK ")
POST_ROW = re.compile(r"\d+\s+\d{3}\b")  # No, then the first TPS number


def _cut_off(pages: list[list[str]]) -> list[tuple[int, str]]:
    """The headings whose table does not begin under them on their page, as (page,
    heading): a kecamatan's or the reserve's heading must be followed by its table's header
    and first row; the list's heading (with its notes) by the first kecamatan's heading."""
    out = []
    for n, lines in enumerate(pages, 1):
        for i, line in enumerate(lines):
            after = lines[i + 1 : i + 3]
            if line.startswith("II. DAFTAR PLOTTING"):
                kept = any(KECAMATAN_HEADING.match(x) for x in lines[i + 1 :])
            elif KECAMATAN_HEADING.match(line) or line == "III. CADANGAN":
                kept = (
                    len(after) == 2
                    and after[0].startswith("No ")
                    and re.match(r"1\s", after[1]) is not None
                )
            else:
                continue
            if not kept:
                out.append((n, line))
    return out


def test_no_heading_ends_a_page_without_its_table(
    list_pdf: bytes, kerinci: PlottingDocument, tmp_path: Path
) -> None:
    """Polres Kerinci's list: the list's heading and notes, every kecamatan's heading and
    the reserve's heading each begin on the page their table begins on."""
    pages = page_lines(list_pdf, tmp_path)
    assert len(pages) > 10
    headings = sum(1 for lines in pages for x in lines if KECAMATAN_HEADING.match(x))
    assert headings == len(kerinci.listing.kecamatan)
    assert _cut_off(pages) == []


def test_a_heading_at_any_height_keeps_its_table(kerinci: PlottingDocument, tmp_path: Path) -> None:
    """A first kecamatan of 1 to 56 one-row posts pushes the next kecamatan's heading (its
    first post Kerinci's tallest, six desa) and the reserve's down one row at a time through
    more than a page: wherever they fall, each stays with its table's header and first row,
    and the long tables still split with their header repeated."""
    lst = kerinci.listing
    posts = [p for k in lst.kecamatan for p in k.posts]
    tall = max(posts, key=lambda p: len(p.desa))
    assert len(tall.desa) == 6
    some = next(p for p in posts if len(p.desa) == 1 and p.guards)
    one = dataclasses.replace(some, guards=some.guards[:1], police=1)
    first, second = lst.kecamatan[:2]
    second = dataclasses.replace(second, posts=(tall, *second.posts[1:3]))
    assert lst.reserve
    split = 0
    for n in range(1, 57):
        rows = tuple(dataclasses.replace(one, number=i) for i in range(1, n + 1))
        listing = dataclasses.replace(
            lst, kecamatan=(dataclasses.replace(first, posts=rows), second)
        )
        pages = page_lines(render_list(dataclasses.replace(kerinci, listing=listing)), tmp_path)
        assert _cut_off(pages) == [], n
        for lines in pages:
            at = next((i for i, x in enumerate(lines) if POST_ROW.match(x)), None)
            if at is not None:
                assert lines[at - 1].startswith("No TPS"), (n, lines[at - 1])
        split += sum(1 for lines in pages if lines[1].startswith("No TPS"))
    assert split > 0  # a table went on over a page, its header repeated


def test_the_signature_never_stands_alone_nor_splits(
    kerinci: PlottingDocument, tmp_path: Path
) -> None:
    """One kecamatan and a reserve of 1 to 50 officers push the end of the list down one row
    at a time through more than a page: wherever it ends, the closing and the whole signature
    are on its page after some of it (the reserve's last rows move with them, or the whole
    reserve with its heading)."""
    lst = kerinci.listing
    assert lst.reserve
    small = min(lst.kecamatan, key=lambda k: len(k.posts))
    last = f"{kerinci.settings.signatory.rank.upper()} NRP "
    moved = 0
    for n in range(1, 51):
        reserve = tuple(
            dataclasses.replace(lst.reserve[i % len(lst.reserve)], name=f"Cadangan Uji {i}")
            for i in range(n)
        )
        listing = dataclasses.replace(lst, kecamatan=(small,), reserve=reserve)
        pages = page_lines(render_list(dataclasses.replace(kerinci, listing=listing)), tmp_path)
        assert ending_apart(pages, LIST_CLOSING, last) == [], n
        assert _cut_off(pages) == [], n  # the reserve's heading still keeps its table
        ending = next(p for p in pages if LIST_CLOSING in p)
        moved += ending[1].startswith("No ")  # the reserve's last rows, under their header
    assert moved > 0


LIST_CLOSING = "Demikian daftar plotting personel pengamanan TPS ini dibuat untuk dilaksanakan."


def test_the_slips_one_per_officer_two_to_a_page(demo: Store) -> None:
    doc = document_of(demo, "polsek-air-hangat")
    every = slips(doc.listing)
    assert len(every) == doc.listing.placed > 0
    pages = pages_of(render_slips(doc))
    assert all((round(w, 1), round(h, 1)) == A4 for w, h, *_ in pages)
    whole = "\n".join(p[2] for p in pages)
    assert whole.count("LAMPIRAN SURAT PERINTAH") == len(every)
    assert len(pages) == (len(every) + 1) // 2
    for s in every:
        g = s.guard
        assert f"Nama : {g.name.upper()}" in whole
        assert f"Pangkat/NRP : {g.rank} / {g.nrp}" in whole
    leaders = sum(1 for s in every if s.guard.leader)
    assert whole.count("ketua pos") == leaders
    assert whole.count("anggota pos") == len(every) - leaders
    first = pages[0][2]
    assert "Tugas : pengamanan TPS" in first and "Kecamatan Air Hangat" in first
    assert "Tahapan : Pemungutan suara, 27 November 2024" in first
    assert "Sprin/" in first and "Jambi, 25 November 2024" in first
    for _w, h, _text, words, _t in pages:
        assert all(x["bottom"] < h - 20 for x in words if x["text"] != "TERBATAS")


def test_the_workbook_is_typed_without_formulas(kerinci: PlottingDocument) -> None:
    lst = kerinci.listing
    wb = load_workbook(io.BytesIO(workbook(kerinci)))
    ws = wb.active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "DAFTAR PLOTTING PERSONEL PENGAMANAN TPS"
    assert "Linmas" in str(rows[5][0]) and "tidak memegang daftar nama Linmas" in str(rows[5][0])
    heads = [r for r in rows if r[0] == "No" and r[1] == "TPS"]
    assert len(heads) == len(lst.kecamatan)
    assert list(heads[0]) == [*HEADINGS, "Ket."]
    people = [r for r in rows if isinstance(r[3], int) and r[4] and r[6]]
    assert len(people) == lst.placed
    for r in people:
        assert isinstance(r[6], str) and re.fullmatch(r"\d{8}", r[6])  # NRP: text
        assert isinstance(r[7], str) and r[7].startswith("+62")  # HP as written
    assert sum(1 for r in people if r[9] == "Ketua") == lst.posts - sum(
        1 for k in lst.kecamatan for p in k.posts if not p.guards
    )
    # Linmas once per post (its first row), so a sum counts each post once.
    linmas = [r[8] for r in rows[:-1] if isinstance(r[8], int)]
    assert sum(linmas) == sum(k.linmas for k in lst.kecamatan)
    deficits = {
        r[0]: r[1] for r in rows if isinstance(r[0], str) and r[0].startswith("Kekurangan:")
    }
    assert deficits == {f"Kekurangan: {k.kecamatan}": k.deficit for k in lst.kecamatan}
    assert "III. CADANGAN" in [r[0] for r in rows]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_a_name_like_a_formula_stays_text(kerinci: PlottingDocument) -> None:
    lst = kerinci.listing
    k = lst.kecamatan[0]
    p = k.posts[0]
    bad = dataclasses.replace(p.guards[0], name="=SUM(A1:A9)", phone="+62811")
    post = dataclasses.replace(p, guards=(bad, *p.guards[1:]))
    kec = dataclasses.replace(k, posts=(post, *k.posts[1:]))
    reserve = (Guard("@SUM(1+1)", "Bripda", "99000001", "-1", "Polres Kerinci", False),)
    listing: PlottingList = dataclasses.replace(lst, kecamatan=(kec,), reserve=reserve)
    doc = dataclasses.replace(kerinci, listing=listing)
    wb = load_workbook(io.BytesIO(workbook(doc)))
    ws = wb.active
    assert ws is not None
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    values = [c.value for c in cells]
    assert "=SUM(A1:A9)" in values and "@SUM(1+1)" in values
    assert "-1" in values and "+62811" in values
    # And the PDF prints it as it is.
    assert "=SUM(A1:A9) (Ketua)" in _name_cells(pages_of(render_list(doc)))
