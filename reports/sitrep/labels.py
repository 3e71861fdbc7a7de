"""The report's wording: the Indonesian/English label catalogue and ``Text``, which picks a
label in the report's language and formats dates, times and lists of names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, ClassVar

from opscenter.messages import beyond_balance
from opscenter.shares import percent
from opscenter.sitrep import Reason, Recommendation

LABELS: dict[str, tuple[str, str]] = {
    "polri": ("KEPOLISIAN NEGARA REPUBLIK INDONESIA", "INDONESIAN NATIONAL POLICE"),
    "title": ("LAPORAN SITUASI HARIAN", "DAILY SITUATION REPORT"),
    # Any period but the daily one (the 24 hours up to the cut-off): the period line says which.
    "title_period": ("LAPORAN SITUASI", "SITUATION REPORT"),
    "number": ("Nomor", "Number"),
    "operation": ("Operasi", "Operation"),
    "period": ("Periode", "Period"),
    "as_of": ("Keadaan per", "As of"),
    "stage": ("Tahapan", "Stage"),
    "voting_in": ("Hari pemungutan suara", "Voting day"),
    "s1": ("I. PENILAIAN UMUM", "I. OVERALL ASSESSMENT"),
    "s2": ("II. SITUASI PER ASPEK", "II. SITUATION BY ASPECT"),
    "s3": ("III. STATISTIK KEJADIAN", "III. INCIDENT STATISTICS"),
    "s4": ("IV. KEJADIAN MENONJOL", "IV. SIGNIFICANT INCIDENTS"),
    "s5": ("V. KEKUATAN PERSONEL DAN PENGAMANAN TPS", "V. PERSONNEL STRENGTH AND TPS COVERAGE"),
    "s6": ("VI. KERAWANAN", "VI. VULNERABILITY"),
    "s7": ("VII. TINDAKAN YANG DIAMBIL", "VII. ACTIONS TAKEN"),
    "s8": ("VIII. PERKIRAAN 24\u201372 JAM", "VIII. OUTLOOK 24\u201372 HOURS"),
    "s9": ("IX. SARAN DAN REKOMENDASI", "IX. RECOMMENDATIONS"),
    "s10": ("X. KESIAPAN OPERASI", "X. OPERATIONAL READINESS"),
    "s11": ("XI. PEMANTAUAN TPS", "XI. TPS WATCH"),
    "annex_a": ("LAMPIRAN A: PAPAN SATUAN", "ANNEX A: UNIT BOARD"),
    "annex_b": ("LAMPIRAN B: DAFTAR KEJADIAN", "ANNEX B: INCIDENT LIST"),
    "green": ("HIJAU \u2014 AMAN TERKENDALI", "GREEN \u2014 UNDER CONTROL"),
    "amber": ("KUNING \u2014 WASPADA", "AMBER \u2014 ALERT"),
    "red": ("MERAH \u2014 RAWAN", "RED \u2014 CRITICAL"),
    "aspect": ("Aspek", "Aspect"),
    "regions_by_level": ("Wilayah per tingkat kerawanan", "Regions by vulnerability level"),
    "high_regions": ("Wilayah kerawanan tinggi", "Highly vulnerable regions"),
    "incidents": ("Kejadian", "Incidents"),
    "main_types": ("Jenis utama", "Main types"),
    "type": ("Jenis", "Type"),
    "severity": ("Tingkat", "Severity"),
    "status": ("Status", "Status"),
    "region": ("Wilayah", "Region"),
    "count": ("Jumlah", "Count"),
    "total": ("Jumlah", "Total"),
    "share": ("%", "%"),
    "chart_region": ("Kejadian per wilayah", "Incidents per region"),
    "chart_day": ("Kejadian per hari", "Incidents per day"),
    "no": ("No.", "No."),
    "time": ("Waktu", "Time"),
    "title_col": ("Uraian", "Description"),
    "casualties": ("Korban (MD/LL)", "Casualties (dead/inj.)"),
    "follow_ups": ("Tindak lanjut", "Follow-up"),
    "unit": ("Satuan", "Unit"),
    "tps": ("TPS", "Polling st."),
    "required": ("Kebutuhan", "Required"),
    "assigned": ("Personel", "Assigned"),
    "bko_in": ("BKO masuk", "BKO in"),
    "bko_out": ("BKO keluar", "BKO out"),
    "available": ("Kekuatan", "Strength"),
    "deficit": ("Kekurangan", "Deficit"),
    "balance": ("Selisih", "Balance"),
    "category": ("Kategori TPS", "TPS category"),
    "pattern": ("Pola a-b-c", "Pattern a-b-c"),
    "guarded": ("Dijaga satuan", "Guarded"),
    "police_req": ("Kebutuhan Polri", "Police required"),
    "linmas_req": ("Kebutuhan Linmas", "Linmas required"),
    "action": ("Tindakan", "Action"),
    "incident": ("Kejadian", "Incident"),
    "by": ("Oleh", "By"),
    "kind": ("Jenis satuan", "Kind"),
    "page": ("Hal. {page} dari {pages}", "Page {page} of {pages}"),
    "generated": ("Dibuat {when}", "Generated {when}"),
    "fingerprint": ("Sidik isi {fp}", "Content fingerprint {fp}"),
    "none": ("Nihil.", "None."),
    "on_behalf": ("a.n.", "on behalf of"),
    "strength_for": (
        "Kebutuhan dihitung untuk tahapan {stage} (pola a-b-c per kategori TPS), termasuk BKO "
        "yang berlaku pada tahapan itu.",
        "Requirements computed for the stage {stage} (a-b-c pattern per TPS category), with "
        "the BKO in force for that stage.",
    ),
    "polda_reserve": (
        "Di luar jumlah ini, cadangan Polda (Brimob, staf Polda) {n} personel; baris Polda "
        "di papan satuan menghitungnya ({whole} personel).",
        "Besides this total, the Polda's reserve (Brimob, Polda staff) of {n} officers; the "
        "Polda row of the unit board counts it ({whole} officers).",
    ),
    "vuln_of": ("Kerawanan tahapan {stage} (penilaian Polri)", "Vulnerability, {stage} (Polri)"),
    "map_of": (
        "Peta kerawanan tahapan {stage} dan kejadian dalam periode",
        "Map: vulnerability, {stage}, and the incidents of the period",
    ),
    "map_no_stage": ("(di luar tahapan)", "(outside any stage)"),
    "map_levels": (
        "Warna wilayah: tingkat kerawanan tertinggi kabupaten/kota (penilaian Polri)",
        "Region colour: the highest vulnerability level of each regency/city (Polri)",
    ),
    "map_unrated": ("Belum dinilai", "Not rated"),
    "map_incidents": (
        "Titik: {n} kejadian menurut tingkat keparahan; makin besar, makin banyak korban",
        "Points: {n} incidents by severity; the larger, the more casualties",
    ),
    "map_unplaced": (
        "{n} kejadian tanpa lokasi wilayah tidak tampil pada peta.",
        "{n} incidents with no region are not shown on the map.",
    ),
    "shown_of": (
        "Ditampilkan {shown} dari {total}; selengkapnya pada Lampiran B.",
        "{shown} of {total} shown; all are listed in Annex B.",
    ),
    "actions_shown": (
        "Ditampilkan {shown} tindakan terakhir dari {total}.",
        "The last {shown} of {total} actions are shown.",
    ),
    "threats": ("Ancaman yang diperkirakan", "Expected threats"),
    "stats_line": (
        "Dalam periode ini tercatat {total} kejadian ({open} belum selesai), korban meninggal "
        "dunia {dead} orang dan luka {injured} orang. Status adalah status saat laporan dibuat.",
        "{total} incidents were recorded in the period ({open} not closed), {dead} dead and "
        "{injured} injured. Statuses are as at the time of the report.",
    ),
    "readiness_line": (
        "Kesiapan {units} satuan untuk tahapan {stage}, {cells} penilaian (satuan \u00d7 aspek): "
        "siap {siap}, siap dengan catatan {catatan}, belum siap {belum}, belum dinilai {none}.",
        "Readiness of {units} units for the stage {stage}, {cells} cells (unit \u00d7 aspect): "
        "ready {siap}, ready with notes {catatan}, not ready {belum}, not judged {none}.",
    ),
    "not_ready": ("Aspek yang belum siap", "Aspects not ready"),
    "overdue_follow_ups": ("Tindak lanjut temuan yang lewat waktu", "Overdue follow-ups"),
    "sarpras_short": ("Kekurangan sarana prasarana", "Equipment shortfalls"),
    "budget_realised": ("Anggaran dan realisasinya", "Budget and its realisation"),
    "finding": ("Temuan", "Finding"),
    "pic": ("Penanggung jawab", "In charge"),
    "due": ("Batas waktu", "Due"),
    "sarpras_category": ("Sarpras", "Equipment"),
    "usable": ("Laik pakai", "Usable"),
    "need": ("Kebutuhan", "Need"),
    "pagu": ("Pagu", "Allocation"),
    "realised": ("Realisasi", "Spent"),
    "realised_share": ("Realisasi/pagu", "Spent/allocation"),
    "watch_line": (
        "Keadaan per {when}: {total} TPS, {late} TPS terlambat dari batas waktu dan {disturbed} "
        "TPS ada gangguan (kejadian terkait yang belum selesai). TPS yang melaporkan suatu "
        "langkah dihitung telah melewati langkah sebelumnya; persen terhadap jumlah TPS.",
        "As of {when}: {total} TPS, {late} overdue and {disturbed} disturbed (open incidents "
        "linked to them). A TPS that reported a step counts at every step before it; shares "
        "are of all TPS.",
    ),
    "watch_per_polres": ("Kemajuan per Polres", "Progress per Polres"),
    "watch_overdue": ("TPS terlambat dari batas waktu", "Overdue TPS"),
    "watch_more": ("dan {n} TPS lainnya.", "and {n} more TPS."),
    "watch_disturbed": ("TPS ada gangguan", "Disturbed TPS"),
    "polres": ("Polres", "Polres"),
    "kecamatan": ("Kecamatan", "District"),
    "step": ("Langkah", "Step"),
    "disturbance": ("Gangguan", "Disturbed"),
    "late": ("Terlambat", "Overdue"),
    "closing": (
        "Demikian laporan situasi ini dibuat untuk menjadi maklum.",
        "This situation report is submitted for your information.",
    ),
    "all_units": ("Semua satuan, urut susunan satuan.", "All units, in tree order."),
    "all_incidents": (
        "Semua kejadian dalam periode, urut waktu kejadian. MD: meninggal dunia, LL: luka.",
        "All incidents in the period, by time of occurrence.",
    ),
}

REASONS: dict[str, tuple[str, str]] = {
    "top_severity": (
        "{n} kejadian tingkat {names} (tertinggi) dalam periode ini",
        "{n} incidents of severity {names} (the highest) in the period",
    ),
    "dead": ("{n} korban meninggal dunia", "{n} dead"),
    "deficit_major": (
        "kekurangan {n} personel (lebih dari 10% kebutuhan) pada {names}",
        "{n} police short (over 10% of the requirement) at {names}",
    ),
    "deficit": ("kekurangan {n} personel pada {names}", "{n} police short at {names}"),
    "serious": ("{n} kejadian tingkat {names}", "{n} incidents of severity {names}"),
    "high_security": (
        "kerawanan keamanan tinggi di {n} wilayah ({names})",
        "high security vulnerability in {n} region(s) ({names})",
    ),
    "calm": (
        "{n} kejadian tercatat, tidak ada yang menonjol dan kekuatan mencukupi",
        "{n} incidents recorded, none significant, and strength is sufficient",
    ),
}

RECOMMENDATIONS: dict[str, tuple[str, str]] = {
    "reinforce": (
        "Penebalan {subject} sebanyak {n} personel dari cadangan (Brimob, Polda) atau dari "
        "satuan yang kekuatannya lebih.",
        "Reinforce {subject} (penebalan) with {n} personnel from the reserve (Brimob, Polda) "
        "or from units with a surplus.",
    ),
    # The posts lack more than the deficit (``why``: ", bukan 113 menurut selisih ..."):
    # the figure the planning window proposes, and why it is not the Selisih.
    "reinforce_posts": (
        "Penebalan {subject} sebanyak {n} personel untuk pos pengamanan TPS{why}; dari "
        "cadangan (Brimob, Polda) atau dari satuan yang kekuatannya lebih.",
        "Reinforce {subject} (penebalan) with {n} personnel for its TPS guard posts{why}; "
        "from the reserve (Brimob, Polda) or from units with a surplus.",
    ),
    "watch_regions": (
        "Tingkatkan patroli, deteksi dini dan penggalangan di {names} (kerawanan keamanan tinggi).",
        "Step up patrols, early detection and outreach in {names} (high security vulnerability).",
    ),
    "close_incidents": (
        "Tuntaskan penanganan {n} kejadian menonjol yang belum selesai dan laporkan "
        "perkembangannya.",
        "Bring the {n} significant incidents still open to a close and report progress.",
    ),
    "keep_posture": (
        "Pertahankan kesiapsiagaan dan pola pengamanan yang berlaku.",
        "Maintain readiness and the current security posture.",
    ),
}

MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


Catalogue = Mapping[str, tuple[str, str]]


class Text:
    """Labels and formats in the report's language.

    Another report's ``Text`` names its own catalogue first in ``catalogues``: a key it
    lacks (the letterhead, dates, page numbers) is read from the situation report's."""

    catalogues: ClassVar[tuple[Catalogue, ...]] = (LABELS,)

    def __init__(self, lang: str, tz: str) -> None:
        self.lang = "en" if lang == "en" else "id"
        self.tz = tz

    def __call__(self, key: str, **kw: object) -> str:
        for catalogue in self.catalogues:
            if key in catalogue:
                return self.pick(catalogue[key], **kw)
        raise KeyError(key)

    def pick(self, pair: tuple[str, str], **kw: object) -> str:
        text = pair[1] if self.lang == "en" else pair[0]
        return text.format(**kw) if kw else text

    def headings(self, *keys: str) -> list[Any]:
        """A table's header row: the labels of ``keys``, in order."""
        return [self(key) for key in keys]

    def date(self, d: date) -> str:
        return f"{d.day} {MONTHS[self.lang][d.month - 1]} {d.year}"

    def clock(self, t: datetime) -> str:
        return t.strftime("%H.%M") if self.lang == "id" else t.strftime("%H:%M")

    def when(self, t: datetime) -> str:
        return f"{self.date(t.date())} {self.clock(t)} {self.tz}"

    def short(self, t: datetime) -> str:
        return f"{t:%d-%m-%Y} {self.clock(t)}"

    def names(self, names: Sequence[str]) -> str:
        if not names:
            return ""
        if len(names) == 1:
            return names[0]
        conj = " dan " if self.lang == "id" else " and "
        return ", ".join(names[:-1]) + conj + names[-1]

    def reason(self, r: Reason) -> str:
        """One reason for the overall assessment, as a clause."""
        return self.pick(REASONS.get(r.code, (r.code, r.code)), n=r.n, names=self.names(r.names))

    def recommendation(self, r: Recommendation) -> str:
        why = ""
        code = r.code
        if r.beyond_balance:
            code = "reinforce_posts"
            why = beyond_balance(r.n, r.balance, r.commanders, self.lang)
        return self.pick(
            RECOMMENDATIONS.get(code, (code, code)),
            subject=r.subject,
            n=r.n,
            names=self.names(r.names),
            why=why,
        )

    def rupiah(self, amount: int) -> str:
        """Whole rupiah with thousands separators: Rp25.000.000.000 (Rp25,000,000,000)."""
        sign = "-" if amount < 0 else ""
        return f"{sign}Rp{self.number(abs(int(amount)))}"

    def percent(self, n: int, total: int) -> str:
        """``n`` of ``total`` in percent with one decimal: 98,8% (98.8%); "–" of none."""
        if not total:
            return "–"
        text = f"{percent(n, total, 1):.1f}%"
        return text.replace(".", ",") if self.lang == "id" else text

    def number(self, n: int) -> str:
        """A whole number with thousands separators: 1.250 (1,250)."""
        digits = f"{n:,}"
        return digits.replace(",", ".") if self.lang == "id" else digits

    def signed(self, n: int) -> str:
        """A balance with its sign and separators: +1.250, -113, +0."""
        return ("-" if n < 0 else "+") + self.number(abs(n))

    def days_to_voting(self, n: int | None) -> str:
        """H-3, H-0 (voting day), H+1; empty without a voting day."""
        if n is None:
            return ""
        if n == 0:
            return f"H-0 ({self('voting_in').lower()})"
        return f"H-{n}" if n > 0 else f"H+{-n}"


def where(location: str, region: str) -> str:
    """The location, with its kabupaten/kota unless the location already names it."""
    if not location:
        return region
    return location if region and region in location else f"{location}, {region}"


def who(unit: str | None, actor: str) -> str:
    """Who acted: the unit and the person, whichever are known."""
    return ", ".join(x for x in (unit or "", actor) if x)
