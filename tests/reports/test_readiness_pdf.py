"""The printed readiness report: the sitrep's letterhead, classification on every page,
number and "Hal. X dari Y", the matrix with its roll-up, one page per Polres with what the
data says in sentences with figures, sarpras, budget, findings and the latest visit; fonts
embedded; and the readiness section of the situation report.

Sarpras, budget and a visit are written through their own services (``with_evidence``),
with the figures worked out by hand there.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from opscenter import sitrep
from opscenter.actor import Actor
from opscenter.model import BudgetComponent, Operation, ReadinessAspect
from opscenter.readiness import budget, sarpras, sarpras_categories, visits
from opscenter.readiness.judgements import JudgementValue, set_judgement
from opscenter.readiness.matrix import readiness
from opscenter.reference import by_code
from opscenter.sitrep.content import NotReady, ReadinessSummary
from opscenter.store import Store, open_store
from reports.readiness import ReadinessReport, default_number, render
from reports.readiness.labels import ReadinessText
from reports.sitrep import render as sitrep_render
from tests.builders import ADMIN, Small, build_small_operation
from tests.reports.pages import cut_off, ending_apart, page_lines

STAFF = Actor("bagops.uji", role="staff")
TODAY = date(2024, 11, 20)
WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2024, 11, 20, 8, 30, tzinfo=WIB)


@dataclass(frozen=True)
class Fixture:
    store: Store
    small: Small
    aspects: dict[str, int]


def judged_small_operation(store: Store) -> Fixture:
    """The small operation with its report settings and three judgements on Polres B."""
    small = build_small_operation(store)
    with store.read() as s:
        aspects = {c: a.id for c, a in by_code(s, ReadinessAspect, small.operation_id).items()}
    sitrep.configure(
        store,
        ADMIN,
        "uji",
        unit_name="Biro Operasi",
        place="Kota Uji",
        signatory=sitrep.Signatory(
            title="KEPALA BIRO OPERASI", name="Budi Uji", rank="Komisaris Besar Polisi", nrp="1"
        ),
    )
    pb = small.units["PB"]
    for code, level, note, evidence in (
        ("posko", "belum", "Genset posko rusak berat; diganti paling lambat 22/11", "foto 19/11"),
        ("latihan", "catatan", "Latihan sispamkota baru satu kali", None),
        ("perencanaan", "siap", None, "Renpam No. 12/XI/2024"),
    ):
        if code in aspects:
            set_judgement(
                store,
                STAFF,
                small.operation_id,
                JudgementValue(pb, aspects[code], level, note, evidence),
            )
    return Fixture(store, small, aspects)


def with_evidence(store: Store, small: Small, aspects: dict[str, int]) -> None:
    """Sarpras, budget and a visit written through their services, with figures checked by
    hand in the tests:

    * rules: only HT (one per guard team) and R2 (one per 10 TPS of a kecamatan) left on.
      Polres A guards 7 teams (Polsek A1: 9 kurang rawan 2-8-16 -> 2, 3 rawan 2-2-4 -> 2,
      1 sangat rawan -> 1; Polsek A2: 8 kurang rawan -> 1, 1 khusus -> 1) in kecamatan of 13
      and 9 TPS (R2: 2 + 1 = 3). It holds HT 3 baik, 1 rusak ringan, 2 rusak berat: 4 usable
      of 7, short 3 (43 %); R2 3 of 3. Polres B: 5 rawan -> 3 teams, HT 3; R2 1; all held.
    * budget: uang saku Rp500.000 a day for 2 days of voting: Polres A's 16 police (11 +
      5 BKO) need Rp16.000.000 and have a DIPA of Rp12.800.000 (80 %), Rp5.920.000 paid
      (37 %); Polres B's 9 need Rp9.000.000 and have Rp9.000.000, Rp3.000.000 paid.
    * Polres A visited on 10 November by the Kapolda: the APAR finding due 15 November still
      open (overdue on the 20th), the Dalmas training one due 30 November in progress.
    """
    op = small.operation_id
    pa, pb = small.units["PA"], small.units["PB"]
    with store.read() as s:
        cats = {c.code: c for c in sarpras.categories(s, op)}
        components = by_code(s, BudgetComponent, op)
    for code, c in cats.items():
        if code not in ("ht", "r2"):
            sarpras_categories.set_rule(store, ADMIN, c.id, None, 1, 1, expected_version=c.version)
    for unit, ht, r2 in ((pa, (3, 1, 2), 3), (pb, (3, 0, 0), 1)):
        sarpras.set_stock(store, STAFF, op, sarpras.StockValue(unit, cats["ht"].id, *ht))
        sarpras.set_stock(store, STAFF, op, sarpras.StockValue(unit, cats["r2"].id, r2))
    budget.set_index(
        store,
        STAFF,
        op,
        components["uang-saku"].id,
        small.stages["pemungutan"],
        days=2,
        daily_rupiah=500_000,
    )
    for unit, pagu, paid in ((pa, 12_800_000, 5_920_000), (pb, 9_000_000, 3_000_000)):
        allocation = budget.add_allocation(
            store, STAFF, op, budget.AllocationValue(unit, "dipa", pagu, "DIPA 2024")
        )
        budget.add_realisation(
            store,
            STAFF,
            op,
            budget.RealisationValue(allocation, date(2024, 11, 18), paid, "Uang saku"),
        )
    visit = visits.add_visit(
        store,
        STAFF,
        op,
        visits.VisitValue(
            pa,
            date(2024, 11, 10),
            "kunker",
            "Kapolda Uji",
            "Irwasda, Karo Ops, Karo Log",
            "posko, sarpras, personel",
        ),
    )
    found = {
        aspect: visits.add_finding(
            store,
            STAFF,
            visit,
            visits.FindingValue(aspects[aspect], text, advice, pic, date(2024, 11, due)),
        )
        for aspect, text, advice, pic, due in (
            ("posko", "APAR posko kedaluwarsa", "Isi ulang APAR", "Kabag Log Polres A", 15),
            ("latihan", "Latihan dalmas belum merata", None, "Kabag Ops Polres A", 30),
        )
    }
    visits.set_follow_up(store, STAFF, found["latihan"], "proses", expected_version=1)


@pytest.fixture(scope="module")
def fx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    """Judgements only: no sarpras, budget or visit recorded."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('readiness-pdf') / 'uji.db'}")
    try:
        yield judged_small_operation(store)
    finally:
        store.dispose()


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    """The judgements, and sarpras, budget and a visit (``with_evidence``)."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('readiness-full') / 'uji.db'}")
    try:
        f = judged_small_operation(store)
        with_evidence(store, f.small, f.aspects)
        yield f
    finally:
        store.dispose()


def report_of(
    f: Fixture,
    *,
    unit_ids: tuple[int, ...] | None = None,
    language: str | None = None,
    number: str | None = None,
) -> ReadinessReport:
    with f.store.read() as s:
        op = s.get(Operation, f.small.operation_id)
        assert op is not None
        settings = sitrep.report_settings(op)
        r = readiness(s, op.id, today=TODAY)
    if language:
        settings = dataclasses.replace(settings, language=language)
    return ReadinessReport(
        settings=settings,
        readiness=r,
        number=number or default_number(settings.number_template, TODAY),
        classification="TERBATAS",
        generated_at=NOW,
        unit_ids=unit_ids,
    )


def pdf_pages(data: bytes, tmp_path: Path, *, layout: bool = True) -> list[str]:
    """The text of every page, by pdftotext (poppler): as laid out (tables row by row), or
    in reading order (a table cell's lines together)."""
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    mode = ["-layout"] if layout else []
    out = subprocess.run(
        ["pdftotext", *mode, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[:-1]


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


@needs_poppler
def test_every_page_carries_letterhead_classification_number_and_page_of(
    full: Fixture, tmp_path: Path
) -> None:
    rep = report_of(full)
    pages = pdf_pages(render(rep), tmp_path)
    # Summary (with the signature), then one page per Polres: the Polda's own Satgas and
    # reserves stand in the summary only.
    assert [u.name for u in rep.pages] == ["Polres A", "Polres B"]
    assert len(pages) == 1 + len(rep.pages)
    first = pages[0]
    for words in ("KEPOLISIAN NEGARA REPUBLIK INDONESIA", "DAERAH UJI", "BIRO OPERASI"):
        assert words in first
    assert "LAPORAN KESIAPAN OPERASI" in first
    assert rep.number == "R/LAPKES-....../XI/OPS.1.1/2024/Ro Ops"
    for n, page in enumerate(pages, 1):
        lines = [ln.strip() for ln in page.strip().splitlines() if ln.strip()]
        assert lines[0] == "TERBATAS" and lines[-1] == "TERBATAS", (n, lines[:2], lines[-2:])
        assert f"Hal. {n} dari {len(pages)}" in page
        assert rep.number in page
    # The signature closes the summary.
    assert "KEPALA BIRO OPERASI" in first and "BUDI UJI" in first
    assert "KOMISARIS BESAR POLISI NRP 1" in first


@needs_poppler
def test_the_summary_shows_the_matrix_its_roll_up_counts_and_overdue_follow_ups(
    full: Fixture, tmp_path: Path
) -> None:
    rep = report_of(full)
    first = pdf_pages(render(rep), tmp_path)[0]
    matrix = first[: first.index("Jumlah satuan per tingkat")]
    rows = {ln.split()[1]: ln for ln in matrix.splitlines() if ln.strip().startswith("Polres")}
    # Polres A: personel siap (data), sarpras HT 4 usable of 7 = 43 % short -> belum (data),
    # anggaran 80 % of the need -> catatan (data); posko has an overdue follow-up -> belum.
    # Latihan: an open follow-up, not yet due -> catatan (data).
    levels = ["SIAP", "BELUM", "CATATAN", "–", "CATATAN", "BELUM", "–", "–"]
    assert rows["A"].split()[2:] == levels, rows["A"]
    # Polres B: perencanaan, latihan and posko judged; personel 6 needed, 9 available -> siap.
    levels = ["SIAP", "SIAP", "SIAP", "SIAP", "CATATAN", "BELUM", "–", "–"]
    assert rows["B"].split()[2:] == levels, rows["B"]
    sources = matrix.splitlines()[matrix.splitlines().index(rows["B"]) + 1].split()
    assert sources == ["data", "data", "data", "dinilai", "dinilai", "dinilai"], sources
    assert "POLDA (terburuk)" in first
    rollup = next(ln for ln in first.splitlines() if "POLDA (terburuk)" in ln)
    # Anggaran: the Polda's own row, Rp21.800.000 of its Rp50.000.000 need (44 %) -> belum.
    assert rollup.split()[2:] == ["SIAP", "BELUM", "BELUM", "SIAP", "CATATAN", "BELUM", "–", "–"]
    assert "Kesiapan Polda Uji (aspek terburuk dari 4 satuan): BELUM SIAP." in first
    assert "Jumlah satuan per tingkat kesiapan" in first
    # Overdue: Polres A's APAR, due 15 November, still open on the 20th.
    flat = " ".join(pdf_pages(render(rep), tmp_path, layout=False)[0].split())
    overdue = flat[flat.index("Tindak lanjut temuan yang lewat waktu") :]
    assert "APAR posko kedaluwarsa" in overdue and "15 November 2024" in overdue
    assert "Latihan dalmas" not in overdue  # due on the 30th: open, not overdue


@needs_poppler
def test_a_polres_page_says_what_the_data_says_with_figures(full: Fixture, tmp_path: Path) -> None:
    rep = report_of(full)
    pages = pdf_pages(render(rep), tmp_path, layout=False)
    a = next(p for p in pages[1:] if "KESIAPAN POLRES A" in p)
    flat = " ".join(a.split())
    # Voting day: 14 needed, 11 own + 5 BKO = 16.
    assert "Kebutuhan 14 personel, tersedia 16: cukup." in flat
    assert "Kekurangan terbesar HT: kebutuhan 7, laik pakai 4: kurang 3." in flat
    assert "Kebutuhan Rp16.000.000, pagu Rp12.800.000 (80% kebutuhan)" in flat
    assert "1 tindak lanjut temuan lewat batas waktu." in flat
    # Budget figures with thousands separators, sarpras shortfalls, findings, the visit.
    laid_out = " ".join(pdf_pages(render(rep), tmp_path)[1].split())
    # Paid against the pagu: 5.920.000 of 12.800.000 = 46 %.
    assert "Rp16.000.000 Rp12.800.000 Rp5.920.000 46%" in laid_out
    assert "HT 7 4 3" in laid_out and "roda 2" not in flat  # R2: 3 of 3, none short
    assert "LEWAT WAKTU" in flat and "Kabag Log Polres A" in flat
    assert "10 November 2024, kunjungan kerja; dipimpin Kapolda Uji" in flat
    b = next(p for p in pages[1:] if "KESIAPAN POLRES B" in p)
    flat_b = " ".join(b.split())
    assert "Genset posko rusak berat" in flat_b and "Bukti: foto 19/11" in flat_b
    assert "Dinilai bagops.uji" in flat_b
    assert "Kebutuhan 6 personel, tersedia 9: cukup." in flat_b
    # No findings on B, no visit: said, not left blank.
    assert "Temuan yang belum selesai Nihil." in flat_b
    assert "Kunjungan terakhir Belum ada data." in flat_b


@needs_poppler
def test_without_sources_the_report_says_there_is_no_data(fx: Fixture, tmp_path: Path) -> None:
    pages = pdf_pages(render(report_of(fx)), tmp_path)
    flat = " ".join(pages[1].split())
    headings = ("Sarana prasarana: kekurangan", "Anggaran", "Temuan yang belum selesai")
    for heading in (*headings, "Kunjungan terakhir"):
        assert f"{heading} Belum ada data." in flat, heading
    first = " ".join(pages[0].split())
    assert "Tindak lanjut temuan yang lewat waktu Belum ada data." in first


@needs_poppler
def test_one_unit_prints_the_summary_and_that_page_only(fx: Fixture, tmp_path: Path) -> None:
    rep = report_of(fx, unit_ids=(fx.small.units["PB"],), number="R/99/XI/2024")
    pages = pdf_pages(render(rep), tmp_path)
    assert len(pages) == 2
    assert "KESIAPAN POLRES B" in pages[1] and "Polres A" in pages[0]
    assert "R/99/XI/2024" in pages[0] and "Hal. 2 dari 2" in pages[1]


@needs_poppler
def test_english_when_the_operation_reports_in_english(full: Fixture, tmp_path: Path) -> None:
    pages = pdf_pages(render(report_of(full, language="en")), tmp_path)
    first, flat = pages[0], " ".join(" ".join(pages).split())
    assert "INDONESIAN NATIONAL POLICE" in first and "OPERATIONAL READINESS REPORT" in first
    assert "Page 1 of" in first and "POLDA (worst)" in first
    assert "14 police needed, 16 available: sufficient." in flat
    assert "Rp16,000,000" in flat


def test_money_and_level_words() -> None:
    t = ReadinessText("id", "WIB")
    assert t.rupiah(25_000_000_000) == "Rp25.000.000.000"
    assert t.rupiah(0) == "Rp0"
    assert ReadinessText("en", "WIB").rupiah(1_500_000) == "Rp1,500,000"
    assert [t.level(x) for x in ("siap", "catatan", "belum", None)] == [
        "siap",
        "siap dengan catatan",
        "belum siap",
        "belum dinilai",
    ]
    assert default_number("R/LAPSIT-{serial}/{month_roman}/{year}", date(2024, 6, 5)) == (
        "R/LAPKES-....../VI/2024"
    )


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
def test_every_font_is_embedded(full: Fixture, tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(render(report_of(full)))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    fonts = out.stdout.splitlines()[2:]
    assert fonts, out.stdout
    for line in fonts:
        cols = line.split()
        # name type encoding emb sub uni object ID: "emb" is the fourth from the end but 2
        assert cols[-5] == "yes", line
    assert "Helvetica" not in out.stdout


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_every_page_renders_to_an_image(full: Fixture, tmp_path: Path) -> None:
    """Every page rasterises (the images were looked at by hand when this report was made)."""
    path = tmp_path / "r.pdf"
    rep = report_of(full)
    path.write_bytes(render(rep))
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == 1 + len(rep.pages)


# -- the readiness section of the situation report -----------------------------------------------


def _sitrep_text(report: sitrep.Sitrep, tmp_path: Path) -> str:
    pages = pdf_pages(sitrep_render(report), tmp_path, layout=False)
    whole = " ".join(" ".join(pages).split())
    return whole[whole.index("X. KESIAPAN OPERASI") : whole.index("Demikian laporan situasi")]


@needs_poppler
def test_the_situation_report_tells_readiness(fx: Fixture, tmp_path: Path) -> None:
    with fx.store.read() as s:
        report = sitrep.assemble(
            s,
            "uji",
            period_from=datetime(2024, 11, 19, 6, tzinfo=WIB),
            period_to=datetime(2024, 11, 20, 6, tzinfo=WIB),
            now=NOW,
        )
    r = report.readiness
    assert r.not_ready == (NotReady("Polres B", ("Posko",)),)
    # 4 units x 8 aspects: personel siap from the data at A and B, and B's three judgements.
    assert {c.key: c.n for c in r.levels} == {"siap": 3, "catatan": 1, "belum": 1, "": 27}
    section = _sitrep_text(report, tmp_path)
    assert "siap 3, siap dengan catatan 1, belum siap 1, belum dinilai 27." in section
    assert "Aspek yang belum siap – Polres B: Posko." in section
    assert "Tindak lanjut temuan yang lewat waktu Nihil." in section
    # No sarpras or budget figures yet: those parts are left out, not printed empty.
    assert "Kekurangan sarana prasarana" not in section and "Anggaran dan" not in section


@needs_poppler
def test_the_situation_report_tells_sarpras_budget_and_overdue_follow_ups(
    full: Fixture, tmp_path: Path
) -> None:
    with full.store.read() as s:
        report = sitrep.assemble(
            s,
            "uji",
            period_from=datetime(2024, 11, 19, 6, tzinfo=WIB),
            period_to=datetime(2024, 11, 20, 6, tzinfo=WIB),
            now=NOW,
        )
    section = _sitrep_text(report, tmp_path)
    assert "Polres A Posko APAR posko kedaluwarsa Kabag Log Polres A 15 November 2024" in section
    assert "Kekurangan sarana prasarana" in section
    laid_out = " ".join(" ".join(pdf_pages(sitrep_render(report), tmp_path)).split())
    assert "Polres A HT 7 4 3" in laid_out
    assert "Polres A Rp16.000.000 Rp12.800.000 Rp5.920.000 46%" in laid_out
    assert "– Polres A: Sarana prasarana, Posko." in section


@needs_poppler
def test_a_situation_report_without_readiness_data_says_nihil(fx: Fixture, tmp_path: Path) -> None:
    with fx.store.read() as s:
        report = sitrep.assemble(
            s,
            "uji",
            period_from=datetime(2024, 11, 19, 6, tzinfo=WIB),
            period_to=datetime(2024, 11, 20, 6, tzinfo=WIB),
            now=NOW,
        )
    nothing = dataclasses.replace(report, readiness=ReadinessSummary("Pemungutan suara", 4))
    assert _sitrep_text(nothing, tmp_path) == "X. KESIAPAN OPERASI Nihil. "


def test_a_heading_at_any_height_keeps_its_table(full: Fixture, tmp_path: Path) -> None:
    """Polres A's page with 1 to 56 sarpras shortfalls pushes the budget's, the open findings'
    and the latest visit's headings down one row at a time through more than a page: wherever
    they fall, each stays with its table's header and first row (or its text), and the
    shortfall table still splits with its header repeated."""
    pa = full.small.units["PA"]
    rep = report_of(full, unit_ids=(pa,))
    r = rep.readiness
    short = next(x for x in r.sources.sarpras[pa] if x.deficit)
    assert r.sources.budget.get(pa) and r.sources.findings.get(pa)
    assert r.sources.latest_visit.get(pa)
    tables = {
        "Tindak lanjut temuan yang lewat waktu": "Satuan ",
        "Sarana prasarana: kekurangan": "Kategori ",
        "Anggaran": "Kebutuhan ",
        "Temuan yang belum selesai": "Aspek ",
    }
    repeated = 0
    for n in range(1, 57):
        lines = tuple(dataclasses.replace(short, name=f"Sarpras uji {i}") for i in range(n))
        sources = dataclasses.replace(r.sources, sarpras={**r.sources.sarpras, pa: lines})
        varied = dataclasses.replace(rep, readiness=dataclasses.replace(r, sources=sources))
        pages = page_lines(render(varied), tmp_path)
        assert cut_off(pages, tables, ("Kunjungan terakhir",)) == [], n
        repeated += sum(1 for lines in pages if lines[1].startswith("Kategori "))
    assert repeated > 0  # the shortfall table went on over a page, its header repeated


def test_the_signature_never_stands_alone_nor_splits(full: Fixture, tmp_path: Path) -> None:
    """The summary's overdue follow-ups, 1 to 40 of them, push the end of the summary down
    one row at a time through more than a page: wherever it ends, the closing and the whole
    signature are on its page after some of it (its last rows move with them)."""
    pa = full.small.units["PA"]
    rep = report_of(full, unit_ids=(pa,))
    r = rep.readiness
    late = next(f for f in r.sources.findings[pa] if f.overdue(TODAY))
    moved = 0
    for n in range(1, 41):
        rows = tuple(
            dataclasses.replace(late, id=late.id + 1000 + i, finding=f"Temuan uji {i}")
            for i in range(n)
        )
        sources = dataclasses.replace(r.sources, findings={**r.sources.findings, pa: rows})
        varied = dataclasses.replace(rep, readiness=dataclasses.replace(r, sources=sources))
        pages = page_lines(render(varied), tmp_path)
        assert ending_apart(pages, CLOSING, "KOMISARIS BESAR POLISI NRP ") == [], n
        assert cut_off(pages, {"Tindak lanjut temuan yang lewat waktu": "Satuan "}) == [], n
        ending = next(p for p in pages if CLOSING in p)
        moved += ending[1].startswith("Satuan Aspek ")  # its last rows, under their header
    assert moved > 0


CLOSING = "Demikian laporan kesiapan operasi ini dibuat untuk menjadi maklum."
