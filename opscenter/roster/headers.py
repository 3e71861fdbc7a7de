"""Finding the table in a sheet and mapping its columns to fields.

Rosters from each Polres have their own layout: a letterhead and title rows above the
header, a group header merged over two columns, a row of column numbers (1, 2, 3 ...)
under it, a signature block below. Headers are matched by synonyms in Indonesian and
English, ignoring case, spacing and punctuation ("NO. HP/WA" = "nohpwa").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from opscenter.roster.reading import Cell

# How far down a sheet the header may be (letterheads are rarely longer than this).
HEADER_SCAN_ROWS = 40


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    required: bool
    synonyms: tuple[str, ...]
    # Field names as a user reads them (Indonesian, English).
    label_id: str
    label_en: str


def _f(key: str, required: bool, label_id: str, label_en: str, *synonyms: str) -> Field:
    return Field(key, required, tuple(norm(s) for s in synonyms), label_id, label_en)


def norm(text: object) -> str:
    """Lower case, letters and digits only: "No. HP / WA" -> "nohpwa"."""
    return re.sub(r"[\W_]+", "", str(text).lower())


PERSONNEL_FIELDS: tuple[Field, ...] = (
    _f("nrp", True, "NRP/NIP", "NRP/NIP", "NRP", "NRP/NIP", "NIP", "NO. POKOK", "NOMOR POKOK",
       "NRP / NIP", "NO NRP", "NOMOR NRP", "PERSONNEL NUMBER", "ID NUMBER", "NIP/NRP"),
    _f("name", True, "Nama", "Name", "NAMA", "NAMA LENGKAP", "NAMA PERSONEL", "NAME",
       "FULL NAME", "NAMA ANGGOTA"),
    _f("rank", False, "Pangkat", "Rank", "PANGKAT", "PKT", "GOL", "GOLONGAN", "PANGKAT/GOL",
       "PANGKAT/GOLONGAN", "RANK", "GRADE", "PANGKAT GOL"),
    _f("rank_nrp", False, "Pangkat/NRP", "Rank/NRP", "PANGKAT/NRP", "PKT/NRP",
       "PANGKAT/NRP/NIP", "PANGKAT / NRP", "PANGKAT GOL/NRP", "RANK/NRP", "PANGKAT DAN NRP"),
    _f("position", False, "Jabatan", "Position", "JABATAN", "JAB", "POSITION", "JABATAN DINAS"),
    _f("unit", False, "Satuan", "Unit", "SATUAN", "KESATUAN", "SATKER", "SATUAN KERJA",
       "UNIT", "SATUAN ASAL", "KESATUAN ASAL", "HOME UNIT", "ASAL SATUAN", "KODE SATUAN"),
    _f("assigned_unit", False, "Satuan penugasan", "Assigned unit", "PENUGASAN",
       "SATUAN PENUGASAN", "BKO", "BKO KE", "DITUGASKAN DI", "ASSIGNED UNIT", "TEMPAT TUGAS"),
    _f("phone", False, "No. HP", "Phone", "NO HP", "HP", "TELP", "TELEPON", "NO TELP", "WA",
       "NO WA", "NO HP/WA", "PHONE", "MOBILE", "NOMOR HP", "NO TELEPON", "KONTAK", "HP/WA"),
    _f("duty_status", False, "Status", "Duty status", "STATUS", "STATUS DINAS", "DUTY STATUS",
       "KONDISI"),
)  # fmt: skip

TPS_FIELDS: tuple[Field, ...] = (
    _f("number", True, "No. TPS", "Polling station no.", "NO TPS", "TPS", "NOMOR TPS",
       "NO. TPS", "TPS NO", "POLLING STATION", "TPS NUMBER"),
    _f("desa", True, "Desa/Kelurahan", "Village", "DESA", "KELURAHAN", "DESA/KELURAHAN",
       "DESA/KEL", "KEL/DESA", "VILLAGE", "NAMA DESA"),
    _f("kecamatan", False, "Kecamatan", "District", "KECAMATAN", "KEC", "DISTRICT"),
    _f("kabkota", False, "Kabupaten/Kota", "Regency/City", "KABUPATEN", "KOTA",
       "KABUPATEN/KOTA", "KAB/KOTA", "REGENCY"),
    _f("category", False, "Kategori", "Category", "KATEGORI", "KERAWANAN", "TINGKAT KERAWANAN",
       "KATEGORI KERAWANAN", "CATEGORY", "KLASIFIKASI", "STATUS KERAWANAN"),
    _f("voters", False, "Jumlah pemilih (DPT)", "Voters", "DPT", "JUMLAH DPT", "JUMLAH PEMILIH",
       "PEMILIH", "VOTERS", "JML DPT", "L+P", "L + P", "JUMLAH PEMILIH L+P", "DPT L+P",
       "JUMLAH DPT L+P", "JUMLAH PEMILIH JUMLAH", "JUMLAH PEMILIH JML", "JUMLAH PEMILIH TOTAL",
       "DPT JUMLAH", "DPT TOTAL", "PEMILIH L+P", "JML PEMILIH", "JML PEMILIH L+P"),
    # The KPU's recap splits the voters by sex under a merged JUMLAH PEMILIH: L, P, L+P.
    _f("voters_l", False, "Pemilih laki-laki (L)", "Male voters", "L", "LAKI-LAKI", "LK",
       "JUMLAH PEMILIH L", "JUMLAH PEMILIH LAKI-LAKI", "DPT L", "JUMLAH DPT L", "PEMILIH L",
       "JML PEMILIH L", "DPT LAKI-LAKI", "PEMILIH LAKI-LAKI"),
    _f("voters_p", False, "Pemilih perempuan (P)", "Female voters", "P", "PEREMPUAN", "PR",
       "JUMLAH PEMILIH P", "JUMLAH PEMILIH PEREMPUAN", "DPT P", "JUMLAH DPT P", "PEMILIH P",
       "JML PEMILIH P", "DPT PEREMPUAN", "PEMILIH PEREMPUAN"),
    _f("unit", False, "Satuan pengaman", "Guarding unit", "SATUAN", "POLSEK", "KESATUAN",
       "SATUAN PENGAMAN", "PENGAMAN", "UNIT", "KODE SATUAN"),
    _f("address", False, "Alamat", "Address", "ALAMAT", "LOKASI", "ALAMAT TPS", "ADDRESS",
       "LOKASI TPS"),
)  # fmt: skip

UNIT_FIELDS: tuple[Field, ...] = (
    _f("code", True, "Kode", "Code", "KODE", "KODE SATUAN", "CODE", "UNIT CODE"),
    _f("name", True, "Nama satuan", "Name", "NAMA", "NAMA SATUAN", "SATUAN", "NAME", "UNIT"),
    _f("kind", True, "Jenis", "Kind", "JENIS", "TINGKAT", "KIND", "TYPE", "JENIS SATUAN"),
    _f("parent", False, "Kode induk", "Parent code", "INDUK", "KODE INDUK", "PARENT",
       "PARENT CODE", "SATUAN INDUK"),
    _f("agency", False, "Instansi", "Agency", "INSTANSI", "AGENCY", "MATRA"),
    _f("tree", False, "Susunan", "Tree", "SUSUNAN", "TREE", "POHON"),
)  # fmt: skip

# Sarpras lists (issue 15): one row per category, its condition split in three columns
# (B / RR / RB) or written in one (KONDISI) beside a count. "SATUAN" is the measure there.
SARPRAS_FIELDS: tuple[Field, ...] = (
    _f("unit", False, "Kesatuan", "Unit", "KESATUAN", "SATKER", "SATUAN KERJA", "POLRES",
       "POLSEK", "POLRES/POLSEK", "POLRES/POLRESTA", "KODE SATUAN", "NAMA SATUAN", "UNIT"),
    _f("category", True, "Jenis sarpras", "Category", "JENIS", "JENIS SARPRAS", "SARPRAS",
       "JENIS BARANG", "NAMA BARANG", "URAIAN", "URAIAN BARANG", "JENIS MATERIIL", "MATERIIL",
       "SARANA PRASARANA", "PERALATAN", "JENIS PERALATAN", "KATEGORI", "CATEGORY", "ITEM"),
    _f("group", False, "Kelompok", "Group", "KELOMPOK", "GROUP", "BIDANG"),
    _f("measure", False, "Satuan ukuran", "Measure", "SATUAN", "SAT", "SATUAN UKURAN",
       "MEASURE"),
    _f("count", False, "Jumlah", "Count", "JUMLAH", "JML", "QTY", "BANYAKNYA", "JUMLAH BARANG",
       "COUNT", "TOTAL"),
    _f("baik", False, "Baik", "Good", "B", "BAIK", "KONDISI BAIK", "GOOD"),
    _f("rusak_ringan", False, "Rusak ringan", "Lightly damaged", "RR", "RUSAK RINGAN",
       "KONDISI RUSAK RINGAN", "LIGHTLY DAMAGED"),
    _f("rusak_berat", False, "Rusak berat", "Badly damaged", "RB", "RUSAK BERAT",
       "KONDISI RUSAK BERAT", "BADLY DAMAGED"),
    _f("condition", False, "Kondisi", "Condition", "KONDISI", "KEADAAN", "CONDITION"),
    _f("laik_pakai", False, "Laik pakai", "Fit for use", "LAIK PAKAI", "LAIK", "LAYAK PAKAI",
       "LAIK PAKAI (YA/TIDAK)", "FIT FOR USE"),
    _f("ammunition", False, "Amunisi", "Ammunition", "AMUNISI", "MUNISI", "AMUNISI (BUTIR)",
       "JUMLAH AMUNISI", "AMMUNITION"),
    _f("note", False, "Keterangan", "Note", "KETERANGAN", "KET", "CATATAN", "NOTE", "NOTES"),
)  # fmt: skip

# Region codes and boundaries (opscenter regions import): GIS attribute tables name their
# fields in many ways (BIG's RBI: KDPPUM, KDPKAB, KDCPUM, KDEPUM; WADMPR ... WADMKD, NAMOBJ).
REGION_FIELDS: tuple[Field, ...] = (
    _f("code", True, "Kode wilayah", "Region code", "KODE", "KODE WILAYAH", "KODE_WIL",
       "KODE WIL", "KDEPUM", "KDCPUM", "KDPKAB", "KDPPUM", "KODE_KEC", "KODE_DESA",
       "KODE_KAB", "KODE_PROV", "KD_KEC", "KD_DESA", "KD_KAB", "KD_PROV", "KODE KEMENDAGRI",
       "KODE_KEMENDAGRI", "KODE_KEMDAGRI", "KDPUM", "CODE", "REGION CODE"),
    _f("name", True, "Nama wilayah", "Region name", "NAMA", "NAMOBJ", "NAMA WILAYAH",
       "NAMA_WIL", "WADMKD", "WADMKC", "WADMKK", "WADMPR", "NAMA_KEC", "NAMA_DESA",
       "NAMA_KAB", "NAMA_PROV", "NAME", "REGION NAME"),
)  # fmt: skip

# Incident logs (issue 16): the export's own headings (``roster.export.INCIDENT_HEADERS``,
# its times in UTC) and each Polres's: WAKTU, or TANGGAL and JAM in the operation's zone; the
# region by name or Kemendagri code; the point in LINTANG and BUJUR, or both in one column.
INCIDENT_FIELDS: tuple[Field, ...] = (
    _f("number", False, "Nomor kejadian", "Incident number", "NOMOR", "NOMOR KEJADIAN",
       "NO KEJADIAN", "NO. KEJADIAN", "INCIDENT NUMBER", "INCIDENT NO"),
    _f("title", False, "Judul", "Title", "JUDUL", "JUDUL KEJADIAN", "NAMA KEJADIAN", "KEJADIAN",
       "PERISTIWA", "TITLE"),
    _f("type", True, "Jenis kejadian", "Incident type", "JENIS", "JENIS KEJADIAN",
       "JENIS GANGGUAN", "JENIS PERISTIWA", "KATEGORI KEJADIAN", "TYPE", "INCIDENT TYPE"),
    _f("severity", True, "Tingkat", "Severity", "TINGKAT", "KEPARAHAN", "TINGKAT KEPARAHAN",
       "TINGKAT KEJADIAN", "BOBOT", "SEVERITY"),
    _f("status", False, "Status", "Status", "STATUS", "STATUS KEJADIAN", "STATUS PENANGANAN"),
    _f("occurred_utc", False, "Waktu kejadian (UTC)", "Occurred (UTC)", "WAKTU KEJADIAN (UTC)",
       "OCCURRED AT (UTC)", "OCCURRED UTC"),
    _f("occurred", False, "Waktu kejadian", "Occurred", "WAKTU", "WAKTU KEJADIAN",
       "TANGGAL DAN JAM", "TANGGAL/JAM", "TGL/JAM", "HARI/TANGGAL/JAM", "HARI TANGGAL JAM",
       "TANGGAL JAM", "TANGGAL & JAM", "OCCURRED", "OCCURRED AT", "DATE AND TIME"),
    _f("date", False, "Tanggal", "Date", "TANGGAL", "TGL", "TANGGAL KEJADIAN", "TGL KEJADIAN",
       "HARI/TANGGAL", "HARI/TGL", "HARI TANGGAL", "DATE"),
    _f("time", False, "Jam", "Time", "JAM", "PUKUL", "JAM KEJADIAN", "PUKUL KEJADIAN", "PKL",
       "TIME"),
    _f("recorded_utc", False, "Waktu dicatat (UTC)", "Recorded (UTC)", "WAKTU DICATAT (UTC)",
       "RECORDED AT (UTC)"),
    _f("location", False, "Lokasi", "Place", "LOKASI", "TEMPAT", "TEMPAT KEJADIAN", "TKP",
       "LOKASI KEJADIAN", "ALAMAT", "LOCATION", "PLACE"),
    _f("region", False, "Wilayah", "Region", "WILAYAH", "KODE WILAYAH", "DESA", "KELURAHAN",
       "DESA/KELURAHAN", "DESA/KEL", "KEL/DESA", "REGION", "VILLAGE", "KODE KEMENDAGRI"),
    _f("kecamatan", False, "Kecamatan", "District", "KECAMATAN", "KEC", "DISTRICT"),
    _f("kabkota", False, "Kabupaten/Kota", "Regency/City", "KABUPATEN", "KOTA",
       "KABUPATEN/KOTA", "KAB/KOTA", "REGENCY"),
    _f("tps", False, "TPS", "Polling station", "TPS", "NO TPS", "NOMOR TPS", "NO. TPS",
       "POLLING STATION"),
    _f("dead", False, "Korban meninggal", "Dead", "KORBAN MENINGGAL", "MENINGGAL",
       "MENINGGAL DUNIA", "KORBAN MD", "MD", "KORBAN JIWA", "DEAD"),
    _f("injured", False, "Korban luka", "Injured", "KORBAN LUKA", "LUKA", "LUKA-LUKA",
       "KORBAN LUKA-LUKA", "LUKA BERAT/RINGAN", "INJURED"),
    _f("description", False, "Uraian", "Description", "URAIAN", "URAIAN KEJADIAN",
       "URAIAN SINGKAT", "KRONOLOGI", "KRONOLOGIS", "KRONOLOGI KEJADIAN", "DESCRIPTION"),
    _f("latitude", False, "Lintang", "Latitude", "LINTANG", "LATITUDE", "LAT"),
    _f("longitude", False, "Bujur", "Longitude", "BUJUR", "LONGITUDE", "LON", "LONG", "LNG"),
    _f("point", False, "Koordinat", "Coordinates", "KOORDINAT", "TITIK KOORDINAT",
       "KOORDINAT GPS", "LAT, LON", "LAT/LON", "LAT LONG", "LATLONG", "LINTANG, BUJUR",
       "LINTANG/BUJUR", "COORDINATES"),
)  # fmt: skip

# Plotting lists (issue 18): the app's own export (No, TPS, Desa/Kel., Pos, Nama, Pangkat,
# NRP, HP, Linmas, Ket.) and each Polres's hand-made "daftar plotting personel pengamanan
# TPS". Only the officer (NRP, or name and rank), the TPS (number, desa, kecamatan) and the
# post (to carry a TPS down over its officers' rows) are read; the rest is recognised so
# that no heading is taken for another.
PLOTTING_FIELDS: tuple[Field, ...] = (
    _f("kecamatan", False, "Kecamatan", "District", "KECAMATAN", "KEC", "DISTRICT"),
    _f("desa", True, "Desa/Kelurahan", "Village", "DESA", "KELURAHAN", "DESA/KELURAHAN",
       "DESA/KEL", "DESA/KEL.", "KEL/DESA", "VILLAGE", "NAMA DESA", "LOKASI DESA"),
    _f("tps", True, "TPS", "Polling station", "TPS", "NO TPS", "NO. TPS", "NOMOR TPS",
       "TPS NO", "NO TPS YANG DIAMANKAN", "TPS YANG DIAMANKAN", "POLLING STATION"),
    _f("post", False, "Pos", "Post", "POS", "NO POS", "NOMOR POS", "POS PAM", "POS PENGAMANAN",
       "POS PAM TPS", "POST"),
    _f("name", False, "Nama", "Name", "NAMA", "NAMA PERSONEL", "NAMA ANGGOTA", "NAMA LENGKAP",
       "NAMA PETUGAS", "NAMA PERSONIL", "NAME"),
    _f("rank", False, "Pangkat", "Rank", "PANGKAT", "PKT", "PANGKAT/GOL", "RANK"),
    _f("nrp", False, "NRP/NIP", "NRP/NIP", "NRP", "NRP/NIP", "NIP", "NIP/NRP", "NO NRP"),
    _f("rank_nrp", False, "Pangkat/NRP", "Rank/NRP", "PANGKAT/NRP", "PKT/NRP",
       "PANGKAT/NRP/NIP", "PANGKAT / NRP", "RANK/NRP", "PANGKAT DAN NRP"),
    _f("phone", False, "No. HP", "Phone", "HP", "NO HP", "NO. HP", "NO HP/WA", "TELP", "PHONE"),
    _f("unit", False, "Satuan", "Unit", "SATUAN", "KESATUAN", "SATKER", "POLSEK", "UNIT"),
    _f("linmas", False, "Linmas", "Linmas", "LINMAS", "JUMLAH LINMAS", "JML LINMAS"),
    _f("note", False, "Keterangan", "Note", "KET", "KET.", "KETERANGAN", "NOTE"),
)  # fmt: skip

# The voting-day watch (issue 18): a Polres's periodic list, one row per report (TPS,
# LANGKAH, JAM) or one row per TPS with a column per step (``opscenter.watch.imports``; the
# step columns are the operation's own steps, found by their names, not listed here).
WATCH_FIELDS: tuple[Field, ...] = (
    _f("tps", True, "TPS", "Polling station", "TPS", "KODE TPS", "NO TPS", "NOMOR TPS",
       "NO. TPS", "TPS NO", "ID TPS", "KODE TPS KPU", "POLLING STATION", "TPS CODE"),
    _f("desa", False, "Desa/Kelurahan", "Village", "DESA", "KELURAHAN", "DESA/KELURAHAN",
       "DESA/KEL", "KEL/DESA", "VILLAGE", "NAMA DESA"),
    _f("kecamatan", False, "Kecamatan", "District", "KECAMATAN", "KEC", "DISTRICT"),
    _f("step", False, "Langkah", "Step", "LANGKAH", "KODE LANGKAH", "TAHAP", "TAHAPAN",
       "KEGIATAN", "STEP"),
    _f("time", False, "Jam", "Time", "JAM", "WAKTU", "PUKUL", "PKL", "JAM LAPOR",
       "WAKTU LAPOR", "TIME"),
    _f("date", False, "Tanggal", "Date", "TANGGAL", "TGL", "HARI/TANGGAL", "DATE"),
)  # fmt: skip

# Fields that hold a count: the figures to check where several columns could fill one.
FIGURE_FIELDS = frozenset(
    {"voters", "voters_l", "voters_p", "count", "baik", "rusak_ringan", "rusak_berat",
     "laik_pakai", "ammunition", "dead", "injured", "linmas"}
)  # fmt: skip

FIELDS: dict[str, tuple[Field, ...]] = {
    "personnel": PERSONNEL_FIELDS,
    "tps": TPS_FIELDS,
    "units": UNIT_FIELDS,
    "sarpras": SARPRAS_FIELDS,
    "regions": REGION_FIELDS,
    "incidents": INCIDENT_FIELDS,
    "plotting": PLOTTING_FIELDS,
    "watch": WATCH_FIELDS,
}


def field_names(kind: str, key: str) -> tuple[str, str] | None:
    """The field ``key`` of a ``kind`` of list as its column mapping names it (Indonesian,
    English): a refused cell names its field so ("B5 (Nama): wajib diisi"). None for a key
    the kind has no column for."""
    found = next((f for f in FIELDS.get(kind, ()) if f.key == key), None)
    return (found.label_id, found.label_en) if found is not None else None


# A table is found by two known headings; a watch list by wide layout may have one (KODE
# TPS, then a column per step, named by the operation's steps).
_MIN_COLUMNS = {"watch": 1}


def required_groups(kind: str) -> list[tuple[str, ...]]:
    """Fields that must be mapped; a tuple means "one of these"."""
    if kind == "personnel":
        return [("nrp", "rank_nrp"), ("name",)]
    if kind == "incidents":  # when: one moment, or a date (and a time) in two columns
        return [("occurred", "occurred_utc", "date"), ("type",), ("severity",)]
    if kind == "plotting":  # the officer by NRP or by name; the TPS by number and desa
        return [("nrp", "rank_nrp", "name"), ("tps",), ("desa",)]
    return [(f.key,) for f in FIELDS[kind] if f.required]


@dataclass(frozen=True, slots=True)
class Choice:
    """One field that more than one column could fill: the column taken, the others, and
    why ("subheader": named by its sub-header; "sum": added up from the columns; "first":
    no heading decided, so the first one, which the person importing must check)."""

    key: str
    column: int
    others: tuple[int, ...]
    reason: str


@dataclass(slots=True)
class Layout:
    """Where the table is: the header row, the first data row, and field -> column."""

    kind: str
    header_row: int  # 0-based row index in the sheet
    data_start: int
    headers: dict[int, str]  # column -> header text as written
    columns: dict[str, int]  # field key -> column (0-based, absolute)
    uncertain: set[str] = field(default_factory=set)
    score: int = 0
    # Fields that several columns could fill, and which the import took (said in the preview).
    choices: list[Choice] = field(default_factory=list)

    def missing(self) -> list[str]:
        """Required fields that no column maps to (the first of each group names it)."""
        return [g[0] for g in required_groups(self.kind) if not any(k in self.columns for k in g)]


def _match(fields: Sequence[Field], text: str) -> tuple[str, bool] | None:
    """(field key, certain) for a header text, or None."""
    key = norm(text)
    if not key or key.isdigit():
        return None
    for f in fields:
        if key in f.synonyms:
            return f.key, True
    keys = {f.key for f in fields}
    # "Pangkat / NRP" in words the list does not hold: a rank word and an NRP word together.
    if "rank_nrp" in keys and _has_any(key, ("pangkat", "pkt", "gol")) and "nrp" in key:
        return "rank_nrp", False
    best: tuple[int, str] | None = None
    for f in fields:
        for syn in f.synonyms:
            hit = len(syn) >= 3 and (key.startswith(syn) or (len(syn) >= 4 and syn in key))
            if hit and (best is None or len(syn) > best[0]):
                best = (len(syn), f.key)
    return (best[1], False) if best else None


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _is_number_row(cells: Sequence[Cell]) -> bool:
    """A row of column numbers under the header: 1, 2, 3 ... or (1), (2) ..."""
    values = [c for c in cells if c is not None]
    if len(values) < 2:
        return False
    for v in values:
        if isinstance(v, bool):
            return False
        if isinstance(v, int | float):
            continue
        if not re.fullmatch(r"\(?\d{1,2}\)?\.?", str(v).strip()):
            return False
    return True


def detect(kind: str, rows: Sequence[tuple[int, int, Sequence[Cell]]]) -> Layout | None:
    """The most likely table layout among the first rows of a sheet, or None."""
    fields = FIELDS[kind]
    best: Layout | None = None
    for pos, (index, offset, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        layout = _layout_at(kind, fields, index, offset, cells)
        if layout is None:
            continue
        # A second header row: sub-headers under a merged group header ("JUMLAH PEMILIH"
        # over L / P / L+P) name their columns; the group header alone would name only one.
        if pos + 1 < len(rows):
            nxt_index, nxt_offset, nxt = rows[pos + 1]
            combined = _combine(fields, cells, offset, nxt, nxt_offset)
            extra = _layout_at(kind, fields, index, offset, combined) if combined else None
            if extra is not None and extra.score > layout.score:
                extra.data_start = nxt_index + 1
                layout = extra
        if best is None or layout.score > best.score:
            best = layout
    if best is None:
        return None
    # Skip a row of column numbers right under the header.
    for index, _offset, cells in rows:
        if index == best.data_start and _is_number_row(cells):
            best.data_start += 1
            break
    if kind == "sarpras":
        _condition_over_split(best)
    voters_by_sex(best)
    return best


def _combine(
    fields: Sequence[Field],
    top: Sequence[Cell],
    offset: int,
    sub: Sequence[Cell],
    sub_offset: int,
) -> list[Cell] | None:
    """The header as two rows read together, or None when the second row adds nothing.

    Under a group header merged over several columns (each column reads its text), a
    column is named by "group sub" when that is a known heading ("JUMLAH PEMILIH L+P"),
    else by its sub-header alone when that is ("KONDISI" over "B" is B); a heading merged
    down over both rows reads the same in each and is kept once."""
    width = max(offset + len(top), sub_offset + len(sub))
    row: list[Cell] = [None] * (width - offset)
    added = False
    for col in range(offset, width):
        i, j = col - offset, col - sub_offset
        t = top[i] if 0 <= i < len(top) else None
        s = sub[j] if 0 <= j < len(sub) else None
        row[i] = t
        if not isinstance(s, str) or not s.strip() or norm(s).isdigit():
            continue
        if not isinstance(t, str):
            row[i] = s
            added = True
            continue
        if norm(s) == norm(t):
            continue
        joined = f"{t} {s}"
        for text in (joined, s):
            found = _match(fields, text)
            if found is not None and found[1]:
                row[i] = text
                added = True
                break
        else:
            if _match(fields, joined) is not None:
                row[i] = joined
                added = True
    return row if added else None


def voters_by_sex(layout: Layout) -> None:
    """TPS: the DPT is L+P. With only L and P it is computed from them (the converter adds
    them); with L+P as well, L and P are read but not used. Either way it is said."""
    cols = layout.columns
    if layout.kind == "tps" and "voters_l" in cols and "voters_p" in cols:
        parts = [cols["voters_l"], cols["voters_p"]]
        if "voters" in cols:
            layout.choices.append(Choice("voters", cols["voters"], tuple(parts), "subheader"))
        else:
            layout.choices.append(Choice("voters", parts[0], (parts[1],), "sum"))


def _condition_over_split(layout: Layout) -> None:
    """Sarpras: a KONDISI heading merged over B / RR / RB; the first of the three columns is B.

    Each column gets one field, so the merged heading takes the first column under it (it
    is the first text of that column) and the sub-heading B loses it."""
    cols = layout.columns
    if (
        "condition" in cols
        and "baik" not in cols
        and ("rusak_ringan" in cols or "rusak_berat" in cols)
    ):
        cols["baik"] = cols.pop("condition")
        layout.uncertain.discard("condition")


def _layout_at(
    kind: str, fields: Sequence[Field], index: int, offset: int, cells: Sequence[Cell]
) -> Layout | None:
    columns: dict[str, int] = {}
    headers: dict[int, str] = {}
    uncertain: set[str] = set()
    score = 0
    # field -> every column whose heading names it (one text merged over several counts once)
    seen: dict[str, list[int]] = {}
    texts: dict[int, str] = {}
    for i, cell in enumerate(cells):
        if cell is None or not isinstance(cell, str):
            continue
        found = _match(fields, cell)
        if found is None:
            continue
        key, certain = found
        col = offset + i
        if key in columns and texts.get(col - 1) == cell:
            # One heading merged over several columns: which of them holds the field is not
            # said (no sub-header), so the first is taken and the choice is reported.
            texts[col] = cell
            seen[key].append(col)
            continue
        texts[col] = cell
        seen.setdefault(key, []).append(col)
        if key in columns:
            # The same field twice: keep the certain match, else the first.
            if certain and columns[key] in headers and key in uncertain:
                del headers[columns[key]]
                uncertain.discard(key)
            else:
                continue
        columns[key] = col
        headers[col] = cell
        if not certain:
            uncertain.add(key)
        score += 2 if certain else 1
    if len(columns) < _MIN_COLUMNS.get(kind, 2):
        return None
    choices = [
        Choice(key, columns[key], tuple(c for c in cols if c != columns[key]), "first")
        for key, cols in seen.items()
        if len(cols) > 1
    ]
    # A field several columns could fill is never certain: the mapping screen asks.
    uncertain.update(ch.key for ch in choices)
    for i, cell in enumerate(cells):  # unmatched headings too: the mapping screen shows them
        if cell is not None and offset + i not in headers:
            headers[offset + i] = str(cell)
    return Layout(
        kind=kind,
        header_row=index,
        data_start=index + 1,
        headers=headers,
        columns=columns,
        uncertain=uncertain,
        score=score,
        choices=choices,
    )


def column_letter(col: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_ref(sheet: str, row: int, col: int) -> str:
    """ "Sheet1!C14" for 0-based row and column; quoted when the name needs it."""
    name = sheet if re.fullmatch(r"[A-Za-z0-9_.]+", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{column_letter(col)}{row + 1}"
