"""The printed situation report: sections, classification on every page, figures against SQL,
a sound PDF structure, embedded fonts, reproducible bytes, no overflow at scale, the CLI."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pdfplumber
import pypdf
import pytest
from sqlalchemy import text

from opscenter import cli, sitrep
from opscenter.actor import Actor
from opscenter.demo import DEMO_PASSWORD, load_demo
from opscenter.messages import UNIT_KIND_NAMES
from opscenter.model import UNIT_KINDS, Operation
from opscenter.store import Store, open_store
from reports.sitrep import render, wrap, write_pdf
from reports.sitrep.tables import OPENING_ROWS
from tests.builders import build_small_operation
from tests.reports.pages import cut_off, ending_apart, is_heading, page_lines, rows_under

WIB = ZoneInfo("Asia/Jakarta")
LO = datetime(2024, 11, 27, 6, 0, tzinfo=WIB)
HI = datetime(2024, 11, 28, 6, 0, tzinfo=WIB)
LO_SQL, HI_SQL = "2024-11-26 23:00:00", "2024-11-27 23:00:00"
NOW = datetime(2024, 11, 28, 1, 0, tzinfo=UTC)
SECTIONS_ID = (
    "KEPOLISIAN NEGARA REPUBLIK INDONESIA",
    "DAERAH JAMBI",
    "BIRO OPERASI",
    "LAPORAN SITUASI HARIAN",
    "I. PENILAIAN UMUM",
    "II. SITUASI PER ASPEK",
    "III. STATISTIK KEJADIAN",
    "Kejadian per wilayah",
    "Kejadian per hari",
    "IV. KEJADIAN MENONJOL",
    "V. KEKUATAN PERSONEL DAN PENGAMANAN TPS",
    "VI. KERAWANAN",
    "VII. TINDAKAN YANG DIAMBIL",
    "VIII. PERKIRAAN 24\u201372 JAM",
    "IX. SARAN DAN REKOMENDASI",
    "XI. PEMANTAUAN TPS",
    "Kemajuan per Polres",
    "Penebalan",
    "KEPALA BIRO OPERASI",
    "LAMPIRAN A: PAPAN SATUAN",
    "LAMPIRAN B: DAFTAR KEJADIAN",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("sitrep-pdf") / "jambi.db"
    store = open_store(f"sqlite:///{path}")
    load_demo(store, "jambi")
    try:
        yield store
    finally:
        store.dispose()


@pytest.fixture(scope="module")
def report(demo: Store) -> sitrep.Sitrep:
    signatory = sitrep.Signatory(
        title="KEPALA BIRO OPERASI",
        name="Budi Santoso Uji",
        rank="KOMISARIS BESAR POLISI",
        nrp="63050899",
        on_behalf_of="KEPALA KEPOLISIAN DAERAH JAMBI",
    )
    with demo.read() as s:
        return sitrep.assemble(s, period_from=LO, period_to=HI, now=NOW, signatory=signatory)


@pytest.fixture(scope="module")
def pdf(report: sitrep.Sitrep, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(report, tmp_path_factory.mktemp("out") / "lapsit.pdf")


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[tuple[float, float, str, list[dict[str, Any]]]]:
    with pdfplumber.open(pdf) as doc:
        return [(p.width, p.height, p.extract_text() or "", p.extract_words()) for p in doc.pages]


def sql(store: Store, query: str) -> list[Any]:
    with store.engine.connect() as conn:
        return list(conn.execute(text(query)))


def test_every_section_is_printed(pages: list[Any]) -> None:
    whole = "\n".join(p[2] for p in pages)
    for heading in SECTIONS_ID:
        assert heading in whole, heading


def test_the_watch_section_of_the_demo_fits_its_pages(
    pages: list[Any], report: sitrep.Sitrep
) -> None:
    """Voting day's report (cut-off 28 November 06:00): the watch of Jambi's ten Polres as it
    stood then, the boxes not at the PPK by 06:00 overdue, Kerinci's disturbed TPS with their
    incidents; every glyph inside the page's margins."""
    w = report.watch
    assert w is not None and len(w.polres) == 10 and w.total.tps > 4_800
    assert w.overdue_total > 20 and len(w.overdue) == 20
    assert any(d.polres == "Polres Kerinci" and d.incidents for d in w.disturbed)
    start = next(i for i, p in enumerate(pages) if "XI. PEMANTAUAN TPS" in p[2])
    end = next(i for i, p in enumerate(pages) if "No. TPS Kecamatan Polres Kejadian" in p[2])
    shown = "\n".join(p[2] for p in pages[start : end + 1])
    assert "Polres Kerinci" in shown and "Jumlah" in shown
    assert f"dan {w.overdue_total - 20:,} TPS lainnya.".replace(",", ".") in shown
    assert w.disturbed[0].incidents[0] in shown
    for width, _h, _t, words in pages[start : end + 1]:
        assert all(x["x0"] >= 0 and x["x1"] <= width - 1.5 * 28.35 + 1 for x in words)


# As ``opscenter sitrep --to 2024-11-27T18:00``: voting day until 18:00, the watch under way.
TO = datetime(2024, 11, 27, 18, 0, tzinfo=WIB)
# The headings of a table, each with how its table's header line begins (a heading ending in
# a space: how it begins); "Aspek yang belum siap" is followed by text.
TABLES = {
    "II. SITUASI PER ASPEK": "Aspek ",
    "III. STATISTIK KEJADIAN": "Jenis ",
    "V. KEKUATAN PERSONEL DAN PENGAMANAN TPS": "Satuan ",
    "VI. KERAWANAN": "Wilayah ",
    "Kerawanan tahapan ": "Wilayah ",
    "VII. TINDAKAN YANG DIAMBIL": "Waktu ",
    "Tindak lanjut temuan yang lewat waktu": "Satuan ",
    "Kekurangan sarana prasarana": "Satuan ",
    "Anggaran dan realisasinya": "Satuan ",
    "XI. PEMANTAUAN TPS": "Polres ",
    "Kemajuan per Polres": "Polres ",
    "TPS terlambat dari batas waktu": "No. ",
    "TPS ada gangguan": "No. ",
}
TEXTS = ("Aspek yang belum siap",)


@pytest.fixture(scope="module")
def voting_day(demo: Store) -> sitrep.Sitrep:
    with demo.read() as s:
        return sitrep.assemble(s, period_to=TO, now=TO + timedelta(minutes=5))


def test_no_heading_of_the_demo_report_ends_a_page(
    voting_day: sitrep.Sitrep, tmp_path: Path
) -> None:
    """The demo's report of voting day as the command line writes it: every section's and
    sub-section's heading is on the page its table (header and first row) or text begins on.
    Before, VI ended page 4 and "Tindak lanjut temuan yang lewat waktu" page 9, their
    tables on the next."""
    pages = page_lines(render(voting_day), tmp_path)
    whole = [x for lines in pages for x in lines]
    for heading in TABLES:
        assert any(is_heading(x, heading) for x in whole), heading
    assert cut_off(pages, TABLES, TEXTS) == []


def test_a_heading_at_any_height_keeps_its_table(voting_day: sitrep.Sitrep, tmp_path: Path) -> None:
    """Section V's strength table of 1 to 56 units pushes every heading after it (VI and its
    vulnerability table, VII and its long action table, IX, X and its sub-sections' tables,
    XI and its watch tables) down one row at a time through more than a page: wherever they
    fall, each stays with its table's header and first row (or its text), and the long
    tables still split with their header repeated."""
    unit = voting_day.strength[0]
    base = dataclasses.replace(
        voting_day,
        sections=("strength", "vulnerability", "actions"),
        map=None,
        vulnerability=voting_day.vulnerability[:1],
        actions=voting_day.actions[-12:],  # still split where they fall low; quicker
    )
    assert base.readiness.overdue and base.readiness.sarpras and base.watch is not None
    repeated = 0
    for n in range(1, 57):
        units = tuple(dataclasses.replace(unit, name=f"Polres Uji {i}") for i in range(n))
        pages = page_lines(render(dataclasses.replace(base, strength=units)), tmp_path)
        assert cut_off(pages, TABLES, TEXTS) == [], n
        repeated += sum(1 for lines in pages if lines[1].startswith(("Waktu ", "No. ")))
    assert repeated > 0  # a table went on over a page, its header repeated


def test_a_table_never_begins_at_a_page_s_foot_with_a_lone_row(
    voting_day: sitrep.Sitrep, tmp_path: Path
) -> None:
    """Section V at every height of a page: a significant incident of 0 to 75 follow-up
    lines before it moves its heading down a line at a time. Wherever the strength table and
    the TPS coverage table under it begin, their header has at least ``OPENING_ROWS`` rows
    under it on that page (their rest, header repeated, on the next), the heading above the
    strength table on the same page. Before, the heading, the header and Polresta Jambi ended
    page 4 (the tester's report of 24 hours until 20:02), the nine other Polres on page 5."""
    units = tuple(
        dataclasses.replace(voting_day.strength[0], name=f"Polres Uji {i}") for i in range(10)
    )
    incident = voting_day.significant[0]
    follow_up = sitrep.FollowUpItem(LO, "petugas", "Patroli dialogis di lokasi.", None, None)
    categories = tuple(f"{c.name} " for c in voting_day.tps_coverage)
    assert len(categories) >= OPENING_ROWS
    heading = "V. KEKUATAN PERSONEL DAN PENGAMANAN TPS"
    low = 0  # how often the strength table went over to the next page
    for n in range(0, 76):
        first = dataclasses.replace(incident, follow_ups=(follow_up,) * n)
        report = dataclasses.replace(
            voting_day,
            sections=("significant", "strength"),
            significant=(first,),
            strength=units,
            map=None,
        )
        pages = page_lines(render(report), tmp_path)
        strength = rows_under(pages, "Satuan TPS Kebutuhan", lambda x: x.startswith("Polres Uji "))
        assert strength[0][1] >= OPENING_ROWS, (n, strength)
        at = next(p for p, lines in enumerate(pages, 1) if heading in lines)
        assert at == strength[0][0], n  # the heading on the page the table begins on
        low += len(strength) > 1
        # "Kebutuhan Linmas" wraps: "Linmas" is the header's second line.
        coverage = rows_under(pages, "Kategori TPS", lambda x: x.startswith(categories), 1)
        assert coverage[0][1] >= OPENING_ROWS, (n, coverage)
    assert low > 0  # the table did go on over a page, where it fell low


CLOSING = "Demikian laporan situasi ini dibuat untuk menjadi maklum."


def test_the_signature_of_voting_day_until_20_keeps_the_end_of_the_text(
    demo: Store, tmp_path: Path
) -> None:
    """The demo's report of voting day until 20:00: the closing and the signature on the page
    where the text ends, after its last rows. Before, the watch's last table filled page 12
    and page 13 held the closing and the signature alone."""
    to = datetime(2024, 11, 27, 20, 0, tzinfo=WIB)
    with demo.read() as s:
        report = sitrep.assemble(s, period_to=to, now=to + timedelta(minutes=3))
    pages = page_lines(render(report), tmp_path)
    assert ending_apart(pages, CLOSING, f"{report.signatory.rank.upper()} NRP ") == []


def test_the_signature_never_stands_alone_nor_splits(
    voting_day: sitrep.Sitrep, tmp_path: Path
) -> None:
    """Section V's strength table of 1 to 56 units pushes the end of the report down one row
    at a time through more than a page: wherever the text ends, the closing and the whole
    signature are on its last page after some of it (its last rows move with them)."""
    unit = voting_day.strength[0]
    base = dataclasses.replace(voting_day, sections=("strength",), map=None)
    last = f"{voting_day.signatory.rank.upper()} NRP "
    moved = 0
    for n in range(1, 57):
        units = tuple(dataclasses.replace(unit, name=f"Polres Uji {i}") for i in range(n))
        pages = page_lines(render(dataclasses.replace(base, strength=units)), tmp_path)
        assert ending_apart(pages, CLOSING, last) == [], n
        ending = next(p for p in pages if CLOSING in p)
        moved += ending[1].startswith("No. ")  # the last table's rows came with it
    assert moved > 0


def test_classification_at_top_and_bottom_of_every_page(pages: list[Any]) -> None:
    for n, (_w, h, _text, words) in enumerate(pages, 1):
        marks = [w for w in words if w["text"] == "TERBATAS"]
        assert any(w["top"] < 50 for w in marks), f"page {n}: none at the top"
        assert any(w["bottom"] > h - 40 for w in marks), f"page {n}: none at the bottom"


def test_footer_numbers_pages_and_carries_the_fingerprint(
    pages: list[Any], report: sitrep.Sitrep
) -> None:
    total = len(pages)
    for n, (_w, _h, page_text, _words) in enumerate(pages, 1):
        assert f"Hal. {n} dari {total}" in page_text
        assert report.short_fingerprint in page_text
        assert "Dibuat 28 November 2024 08.00 WIB" in page_text


def test_letterhead_number_period_and_signature(pages: list[Any], report: sitrep.Sitrep) -> None:
    first = pages[0][2]
    assert "Nomor : R/LAPSIT-96/XI/OPS.1.1/2024/Ro Ops" in first  # 95 issued before
    assert "27 November 2024 06.00 WIB \u2013 28 November 2024 06.00 WIB" in first
    assert "Penghitungan dan rekapitulasi \u00b7 H+1" in first
    whole = "\n".join(p[2] for p in pages)
    assert "Jambi, 28 November 2024" in whole
    assert "a.n. KEPALA KEPOLISIAN DAERAH JAMBI" in whole
    assert "BUDI SANTOSO UJI" in whole
    assert "KOMISARIS BESAR POLISI NRP 63050899" in whole


def test_annexes_are_landscape_and_the_body_portrait(pages: list[Any]) -> None:
    assert pages[0][0] < pages[0][1]
    annex = next(i for i, p in enumerate(pages) if "LAMPIRAN A" in p[2])
    assert all(w > h for w, h, _t, _ in pages[annex:])
    assert all(w < h for w, h, _t, _ in pages[:annex])


def test_printed_figures_match_sql(demo: Store, pages: list[Any], report: sitrep.Sitrep) -> None:
    whole = "\n".join(p[2] for p in pages)
    (total, dead, injured), = sql(
        demo,
        "SELECT count(*), sum(dead), sum(injured) FROM incident "
        f"WHERE occurred_at >= '{LO_SQL}' AND occurred_at < '{HI_SQL}'",
    )  # fmt: skip
    assert f"tercatat {total} kejadian" in whole
    assert f"meninggal dunia {dead} orang dan luka {injured} orang" in whole.replace("\n", " ")
    # Every incident of the period is in Annex B, and none from outside it.
    numbers = {
        f"KEJ-{n:04d}"
        for (n,) in sql(
            demo,
            "SELECT number FROM incident "
            f"WHERE occurred_at >= '{LO_SQL}' AND occurred_at < '{HI_SQL}'",
        )
    }
    annex = whole[whole.index("LAMPIRAN B") :]
    printed = {w for w in annex.split() if w.startswith("KEJ-")}
    assert printed == numbers
    # TPS per category and the total.
    for name, n in sql(
        demo,
        "SELECT c.name, count(*) FROM polling_station ps JOIN tps_category c "
        "ON c.id = ps.category_id GROUP BY c.name",
    ):
        assert any(line.startswith(f"{name} ") and f" {grouped(n)} " in f"{line} " for line in
                   whole.splitlines()), name  # fmt: skip
    # Required police per Polres (a x ceil(n / b) per unit, kecamatan and category).
    for name, required in sql(
        demo,
        "SELECT pr.name, sum(c.guard_police * ((g.n + c.guard_tps - 1) / c.guard_tps)) "
        "FROM (SELECT ps.unit_id, d.parent_id AS kec, ps.category_id, count(*) AS n "
        "      FROM polling_station ps JOIN region d ON d.id = ps.region_id "
        "      GROUP BY ps.unit_id, d.parent_id, ps.category_id) g "
        "JOIN tps_category c ON c.id = g.category_id JOIN unit u ON u.id = g.unit_id "
        "JOIN unit pr ON pr.id = CASE WHEN u.kind IN ('polres', 'polresta') THEN u.id "
        "ELSE u.parent_id END WHERE pr.kind IN ('polres', 'polresta') GROUP BY pr.name",
    ):
        body = whole[: whole.index("LAMPIRAN A")]
        line = next(x for x in body.splitlines() if x.startswith(f"{name} "))
        assert line.split()[len(name.split()) + 1] == grouped(required), line
    # The strength table's total row: the Polres deficits summed, not "–" beside Kerinci's.
    short = sum(u.deficit for u in report.strength)
    assert short > 0
    body = whole[: whole.index("LAMPIRAN A")]
    total_line = next(
        x for x in body.splitlines() if x.startswith(f"Jumlah {grouped(report.tps_total.tps)} ")
    )
    assert total_line.split()[-1] == grouped(short), total_line
    # Beneath it, the Polda's reserve that Annex A's Polda row counts besides (the walk read
    # the two totals as two answers to one sum); every figure grouped as the body writes it.
    polda = next(u for u in report.units if u.kind == "polda")
    reserve = polda.available - report.strength_total.available
    assert reserve > 0
    assert (
        f"Di luar jumlah ini, cadangan Polda (Brimob, staf Polda) {grouped(reserve)} personel; "
        f"baris Polda di papan satuan menghitungnya ({grouped(polda.available)} personel)."
    ) in " ".join(body.split())
    polda_line = next(x for x in board_text(whole).splitlines() if x.startswith(polda.name))
    assert grouped(polda.available) in polda_line.split(), polda_line
    # The assessment names the levels by the list's names, not "tingkat tertinggi".
    assert "tingkat tertinggi" not in whole
    levels = [c.name for c in report.by_severity]
    flat = whole.replace("\n", " ")
    assert f"tingkat {levels[-1]} (tertinggi)" in flat or f"tingkat {levels[-2]}" in flat
    # Every unit is on the board.
    board = whole[whole.index("LAMPIRAN A") : whole.index("LAMPIRAN B")]
    for (name,) in sql(demo, "SELECT name FROM unit"):
        assert name in board, name


def grouped(n: int) -> str:
    """A count as the Indonesian report writes it: 2.829."""
    return f"{n:,}".replace(",", ".")


def board_text(whole: str) -> str:
    return whole[whole.index("LAMPIRAN A") : whole.index("LAMPIRAN B")]


def test_pdf_structure_is_sound(pdf: Path) -> None:
    reader = pypdf.PdfReader(pdf, strict=True)
    assert len(reader.pages) > 5
    for page in reader.pages:
        page.extract_text()
    fonts: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            f = font.get_object()
            fonts.add(str(f["/BaseFont"]))
            for desc in f.get("/DescendantFonts", []):
                assert "/FontFile2" in desc.get_object()["/FontDescriptor"]  # embedded
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_same_report_gives_the_same_bytes(report: sitrep.Sitrep) -> None:
    assert render(report) == render(report)


def test_the_pdf_carries_its_true_creation_date(report: sitrep.Sitrep) -> None:
    """Issue 14: every PDF said 2000-01-01 (reportlab's invariant mode). The date is the
    snapshot's own, so the same snapshot still gives the same bytes (above), and the content
    fingerprint leaves it out: an hour later, the same content, the same fingerprint."""
    later = dataclasses.replace(report, generated_at=report.generated_at + timedelta(hours=1))
    dates = []
    for r in (report, later):
        info = pypdf.PdfReader(io.BytesIO(render(r))).metadata
        assert info is not None
        dates.append((info.creation_date, info.modification_date))
    assert dates == [(report.generated_at,) * 2, (later.generated_at,) * 2]
    assert report.generated_at == NOW  # 08:00 WIB, +07:00 in the file
    assert sitrep.fingerprint(sitrep.content_of(later)) == report.fingerprint


def test_the_demo_signs_its_own_reports(demo: Store) -> None:
    """Issue 14: without a signatory set, the demo's report printed dots for the name."""
    with demo.read() as s:
        r = sitrep.assemble(s, period_from=LO, period_to=HI, now=NOW, sections=())
    with pdfplumber.open(io.BytesIO(render(r))) as doc:
        whole = "\n".join(p.extract_text() or "" for p in doc.pages)
    assert "KEPALA BIRO OPERASI\nAHMAD FAUZI HARAHAP\nKOMISARIS BESAR POLISI NRP 72040519" in (
        whole
    )
    assert "\u2026" not in whole


def test_sections_can_be_left_out(demo: Store) -> None:
    with demo.read() as s:
        r = sitrep.assemble(
            s, period_from=LO, period_to=HI, now=NOW, sections=("assessment", "strength")
        )
    data = render(r)
    from io import BytesIO

    with pdfplumber.open(BytesIO(data)) as doc:
        whole = "\n".join(p.extract_text() or "" for p in doc.pages)
    assert "I. PENILAIAN UMUM" in whole and "V. KEKUATAN PERSONEL" in whole
    assert "LAMPIRAN B" not in whole and "IV. KEJADIAN MENONJOL" not in whole


def test_annex_a_names_each_unit_s_kind(pdf: Path) -> None:
    """Annex A's "Jenis satuan" column, as ``pdftotext`` reads the demo's report: the kinds'
    names ("Polsek", "Satuan Brimob", "Satker/instansi"), never the stored codes ("polsek",
    "brimob", "agency") the TERBATAS report once printed for the Karo Ops."""
    run = ["pdftotext", "-layout", str(pdf), "-"]
    whole = subprocess.run(run, check=True, capture_output=True, text=True).stdout
    annex = whole[whole.index("LAMPIRAN A: PAPAN SATUAN") : whole.index("LAMPIRAN B")]
    # Each row without its six figures: name, kind, status.
    rows = " | ".join(" ".join(line.split()[:-6]) for line in annex.splitlines())
    for row in (
        "Polsek Kayu Aro Polsek Siaga",
        "Polres Kerinci Polres Siaga",
        "Sat Brimob Polda Jambi Satuan Brimob Siaga",
        "Biro dan Direktorat Polda Jambi Satker/instansi Siaga",
        "Subsatgas Pengamanan TPS Subsatgas Siaga",
        "Satpol PP Provinsi Jambi Satpol PP Siaga",
    ):
        assert f"| {row} |" in rows, row
    codes = re.findall(r"\b(polda|polresta|polres|polsek|satgas|subsatgas|brimob|satpolpp|"
                       r"linmas|agency|korem|kodim|koramil|lanal)\b", annex)  # fmt: skip
    assert codes == []
    assert set(UNIT_KIND_NAMES) == set(UNIT_KINDS)  # every kind a unit may have is named


def test_english_operation_prints_english(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'en.db'}")
    try:
        small = build_small_operation(store)
        with store.transaction(Actor("uji"), "test.lang") as s:
            s.get_one(Operation, small.operation_id).language = "en"
        with store.read() as s:
            r = sitrep.assemble(s, period_from=LO, period_to=HI, now=NOW)
        path = write_pdf(r, tmp_path / "en.pdf")
    finally:
        store.dispose()
    with pdfplumber.open(path) as doc:
        whole = "\n".join(p.extract_text() or "" for p in doc.pages)
    for heading in ("INDONESIAN NATIONAL POLICE", "DAILY SITUATION REPORT", "OVERALL ASSESSMENT",
                    "OUTLOOK 24\u201372 HOURS", "ANNEX B: INCIDENT LIST", "Page 1 of"):  # fmt: skip
        assert heading in whole, heading
    for word in (
        "LAPORAN",
        "KEJADIAN MENONJOL",
        "Hal. 1 dari",
        "Jumlah",
        "brimob",
        "Satuan Brimob",
    ):
        assert word not in whole, word
    assert "Brimob unit" in whole and "Task force" in whole  # annex A's unit kinds


def test_nothing_overflows_with_many_long_incidents_and_units(
    report: sitrep.Sitrep, tmp_path: Path
) -> None:
    """2,000 incidents with long unbroken text and 500 units: every glyph stays on its page."""
    long_word = "Sangat" * 40
    base = report.incidents[0]
    incidents = tuple(
        dataclasses.replace(
            base,
            number=f"KEJ-{n:05d}",
            title=f"{long_word} {base.title} " * 2,
            location=f"Desa {long_word}",
            occurred_at=LO + timedelta(seconds=n * 40),
        )
        for n in range(2000)
    )
    unit = report.units[-1]
    units = tuple(
        dataclasses.replace(unit, name=f"Polsek {long_word} {n}", depth=n % 4) for n in range(500)
    )
    big = dataclasses.replace(report, incidents=incidents, units=units)
    path = write_pdf(big, tmp_path / "big.pdf")
    with pdfplumber.open(path) as doc:
        assert len(doc.pages) > 60
        for page in [*doc.pages[:12], *doc.pages[-3:]]:
            for ch in page.chars:
                assert ch["x0"] >= 0 and ch["x1"] <= page.width + 0.5, ch["text"]
                assert ch["top"] >= 0 and ch["bottom"] <= page.height + 0.5
        last = doc.pages[-1].extract_text() or ""
        assert "KEJ-01999" in last


def test_wrap_keeps_every_line_inside_the_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.fonts import REGULAR, register

    register()
    out = wrap("Kabupaten Tanjung Jabung Barat " + "x" * 300, 100)
    assert all(stringWidth(line, REGULAR, 8) <= 100 for line in out.splitlines())
    assert out.replace("\n", "").replace(" ", "") == ("KabupatenTanjungJabungBarat" + "x" * 300)


# --- the command line ---------------------------------------------------------------------------


def _run(demo_url: str, *args: str) -> int:
    return cli.main(["sitrep", "--db", demo_url, *args])


@pytest.fixture
def demo_url(demo: Store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo's address, with its admin signed in: the demo has accounts, so a command
    that writes names one (``OPSCENTER_USER``, the password in a 0600 file)."""
    secret = tmp_path_factory.mktemp("secret") / "pass"
    secret.touch(mode=0o600)
    secret.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("OPSCENTER_USER", "jambi.admin")
        env.setenv("OPSCENTER_PASSWORD_FILE", str(secret))
        yield str(demo.url.render_as_string(hide_password=False))


def test_cli_writes_the_report(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lapsit.pdf"
    assert _run(demo_url, "--out", str(out), "--from", "2024-11-27T06:00+07:00",
                "--to", "2024-11-28T06:00+07:00", "--classification", "rahasia") == 0  # fmt: skip
    said = capsys.readouterr().out
    assert "Laporan situasi R/LAPSIT-" in said and str(out) in said
    with pdfplumber.open(out) as doc:
        assert all("RAHASIA" in (p.extract_text() or "") for p in doc.pages)
    # The same period again: a new number, the same content fingerprint.
    out2 = tmp_path / "lapsit2.pdf"
    assert _run(demo_url, "--out", str(out2), "--from", "2024-11-27T06:00",
                "--to", "2024-11-28T06:00", "--classification", "RAHASIA") == 0  # fmt: skip
    said2 = capsys.readouterr().out
    assert said.split("sidik isi ")[1][:12] == said2.split("sidik isi ")[1][:12]
    assert said.split()[2] != said2.split()[2]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "2024-11-28T06:00", "--to", "2024-11-27T06:00"], "lebih awal"),
        (["--classification", "RAHASIA BANGET"], "SANGAT RAHASIA, RAHASIA, TERBATAS atau BIASA"),
        (["--operation", "tidak-ada"], "tidak ditemukan"),
    ],
)
def test_cli_refuses_bad_input_and_writes_nothing(
    demo_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    words: str,
) -> None:
    out = tmp_path / "lapsit.pdf"
    assert _run(demo_url, "--out", str(out), *args) == 1
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1 and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_cli_refuses_a_missing_folder(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tidak-ada" / "lapsit.pdf"
    assert _run(demo_url, "--out", str(out)) == 1
    assert "tidak ada; laporan tidak ditulis" in capsys.readouterr().err
    assert not out.parent.exists()


def test_cli_refuses_an_unwritable_destination(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Root ignores file permissions; a folder in place of the file is refused for everyone.
    target = tmp_path / "lapsit.pdf"
    target.mkdir()
    assert _run(demo_url, "--out", str(target)) == 1
    assert "tidak dapat ditulis" in capsys.readouterr().err
    assert list(target.iterdir()) == []


def test_cli_bad_iso_time_is_a_usage_error(demo_url: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        _run(demo_url, "--out", str(tmp_path / "x.pdf"), "--from", "kemarin")
    assert info.value.code == 2


def test_wrapping_keeps_a_units_indent_in_the_annex() -> None:
    """Long indented names once lost their indent (the slow path split on spaces)."""
    from reports import fonts
    from reports.sitrep import wrap

    fonts.register()
    short = wrap("      Polsek A", 200)
    long = wrap("      Polsek Pamenang Selatan dengan nama yang sangat panjang sekali", 120)
    assert short.startswith("      Polsek")
    assert long.startswith("      Polsek")
    assert len(long.splitlines()) > 1
