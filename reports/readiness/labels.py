"""The readiness report's wording: its labels beside the situation report's (``Text`` falls
back to those for the letterhead, dates and page numbers), level words, money, and the
reasons the data gives for a level as sentences with their figures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from opscenter.readiness.matrix import Cell, Readiness
from opscenter.readiness.sarpras_figures import worst_line
from reports.sitrep.labels import LABELS as SITREP_LABELS
from reports.sitrep.labels import Text

LABELS: dict[str, tuple[str, str]] = {
    "title": ("LAPORAN KESIAPAN OPERASI", "OPERATIONAL READINESS REPORT"),
    "summary": ("I. KESIAPAN POLDA", "I. READINESS OF THE POLDA"),
    "matrix": ("Matriks kesiapan satuan per aspek", "Readiness of each unit by aspect"),
    "counts": ("Jumlah satuan per tingkat kesiapan", "Units at each level of readiness"),
    "overdue": ("Tindak lanjut temuan yang lewat waktu", "Overdue follow-ups of findings"),
    "unit_page": ("LAMPIRAN: KESIAPAN {unit}", "ANNEX: READINESS OF {unit}"),
    "rollup": ("POLDA (terburuk)", "POLDA (worst)"),
    "no_level": ("Belum dinilai", "Not judged"),
    "judgement": ("Penilaian", "Judgement"),
    "data_says": ("Menurut data", "What the data says"),
    "level": ("Tingkat", "Level"),
    "overall": ("Tingkat kesiapan: {level}", "Readiness: {level}"),
    "polda_overall": (
        "Kesiapan {polda} (aspek terburuk dari {n} satuan): {level}.",
        "Readiness of {polda} (worst aspect of {n} units): {level}.",
    ),
    "legend": (
        "SIAP: siap; CATATAN: siap dengan catatan; BELUM: belum siap; \u2013: belum dinilai dan "
        "tidak ada data. Di bawah tingkat: dinilai, bila seseorang menilainya (* bila berbeda "
        "dari data); data, bila belum dinilai dan tingkat itu menurut data.",
        "READY; NOTED: ready with notes; NOT: not ready; \u2013: not judged and no data. Under "
        "the level: judged, when a person judged it (* when otherwise than the data); data, "
        "when nobody has judged it and the level is what the data suggests.",
    ),
    "src_judged": ("dinilai", "judged"),
    "src_data": ("data", "data"),
    "override_mark": (
        "*: penilaian berbeda dari yang ditunjukkan data.",
        "*: judged otherwise than the data suggests.",
    ),
    "sarpras": ("Sarana prasarana: kekurangan", "Equipment (sarpras): shortfalls"),
    "budget": ("Anggaran", "Budget"),
    "findings": ("Temuan yang belum selesai", "Open findings"),
    "visit": ("Kunjungan terakhir", "Latest visit"),
    "no_data": ("Belum ada data.", "No data yet."),
    "category": ("Kategori", "Category"),
    "deficit": ("Kekurangan", "Shortfall"),  # "Deficit" is for personnel
    "finding": ("Temuan dan saran", "Finding and advice"),
    "overdue_mark": ("LEWAT WAKTU", "OVERDUE"),
    "overdue_n": ("Lewat waktu", "Overdue"),
    "advice": ("Saran", "Advice"),
    "evidence": ("Bukti", "Evidence"),
    "set_by": ("Dinilai {who}, {when}", "Judged by {who}, {when}"),
    "no_judgement": ("Belum dinilai.", "Not judged yet."),
    "no_data_aspect": ("Tidak ada data untuk aspek ini.", "No data speaks for this aspect."),
    "closing": (
        "Demikian laporan kesiapan operasi ini dibuat untuk menjadi maklum.",
        "This readiness report is submitted for your information.",
    ),
    "led_by": ("dipimpin {who}", "led by {who}"),
    "team": ("tim: {team}", "team: {team}"),
    "checked": ("diperiksa: {what}", "checked: {what}"),
    "visit_findings": ("{n} temuan", "{n} finding(s)"),
}

# Level words: in the matrix (short, capitals) and in sentences.
SHORT = {
    "siap": ("SIAP", "READY"),
    "catatan": ("CATATAN", "NOTED"),
    "belum": ("BELUM", "NOT"),
}
LONG = {
    "siap": ("siap", "ready"),
    "catatan": ("siap dengan catatan", "ready with notes"),
    "belum": ("belum siap", "not ready"),
}
# Light tints, so black words read on them in colour and in black and white.
LEVEL_COLOURS = {"siap": "#c8e6c9", "catatan": "#fff59d", "belum": "#ef9a9a"}
STATUS = {
    "terbuka": ("terbuka", "open"),
    "proses": ("dalam proses", "in progress"),
    "selesai": ("selesai", "closed"),
}
VISIT_KINDS = {
    "kunker": ("kunjungan kerja", "working visit"),
    "supervisi": ("supervisi", "supervision"),
    "asistensi": ("asistensi", "assistance"),
}

REASONS: dict[str, tuple[str, str]] = {
    "personel_ok": (
        "Kebutuhan {req} personel, tersedia {avail}: cukup",
        "{req} police needed, {avail} available: sufficient",
    ),
    "personel_short": (
        "Kebutuhan {req} personel, tersedia {avail}: kurang {short}",
        "{req} police needed, {avail} available: {short} short",
    ),
    "sarpras_ok": (
        "Sarpras laik pakai memenuhi kebutuhan pada {n} kategori",
        "Usable equipment meets the requirement in {n} categories",
    ),
    "sarpras_short": (
        "Kekurangan terbesar {name}: kebutuhan {req}, laik pakai {usable}: kurang {deficit}",
        "Largest shortfall {name}: {req} required, {usable} usable: {deficit} short",
    ),
    "anggaran_ok": (
        "Kebutuhan {need}, pagu {pagu}: tercukupi",
        "Need {need}, allocation {pagu}: covered",
    ),
    "anggaran_short": (
        "Kebutuhan {need}, pagu {pagu} ({pct}% kebutuhan): kurang {gap}",
        "Need {need}, allocation {pagu} ({pct}% of the need): {gap} short",
    ),
    "finding_open": (
        "{n} temuan belum selesai ditindaklanjuti",
        "{n} finding(s) not yet followed up",
    ),
    "finding_overdue": (
        "{n} tindak lanjut temuan lewat batas waktu",
        "{n} follow-up(s) of findings overdue",
    ),
}
REASON_ALIASES = {
    "personel_deficit": "personel_short",
    "sarpras_deficit": "sarpras_short",
    "anggaran_low": "anggaran_short",
}


class ReadinessText(Text):
    """The situation report's ``Text`` with the readiness report's labels first."""

    catalogues = (LABELS, SITREP_LABELS)

    def short_level(self, level: str | None) -> str:
        return self.pick(SHORT[level]) if level in SHORT else "\u2013"

    def level(self, level: str | None) -> str:
        return self.pick(LONG[level]) if level in LONG else self("no_level").lower()

    def status(self, status: str) -> str:
        return self.pick(STATUS.get(status, (status, status)))

    def visit_kind(self, kind: str) -> str:
        return self.pick(VISIT_KINDS.get(kind, (kind, kind)))

    def set_at(self, when: datetime, zone: str) -> str:
        """When a judgement was set, in the operation's zone (stored times without a zone
        are UTC)."""
        aware = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
        return self.when(aware.astimezone(ZoneInfo(zone)))

    def reasons(self, r: Readiness, cell: Cell) -> list[str]:
        """Why the data suggests the cell's level, one sentence with figures per reason."""
        return [self.reason_of(r, cell, key) for key in cell.reasons]

    def reason_of(self, r: Readiness, cell: Cell, key: str) -> str:
        code = REASON_ALIASES.get(key, key)
        figures = _figures(r, cell, code)
        pair = REASONS.get(code)
        if pair is None or figures is None:
            return key
        return self.pick(pair, **{k: self._fmt(k, v) for k, v in figures.items()})

    def _fmt(self, key: str, value: Any) -> str:
        if key in ("need", "pagu", "gap"):
            return self.rupiah(int(value))
        return str(value)


def _figures(r: Readiness, cell: Cell, code: str) -> dict[str, Any] | None:
    """The figures a reason's sentence names, from the matrix's own sources."""
    uid = cell.unit_id
    if code.startswith("personel"):
        s = r.strength.get(uid)
        if s is None:
            return None
        return {"req": s.police_required, "avail": s.police_available, "short": s.deficit}
    if code.startswith("sarpras"):
        lines = [ln for ln in r.sources.sarpras.get(uid, ()) if ln.required]
        if not lines:
            return None
        if code == "sarpras_ok":
            return {"n": len(lines)}
        ln = worst_line(lines) or lines[0]
        return {"name": ln.name, "req": ln.required, "usable": ln.usable, "deficit": ln.deficit}
    if code.startswith("anggaran"):
        b = r.sources.budget.get(uid)
        if b is None or not b.need:
            return None
        pct = int(100 * b.pagu // b.need)
        return {"need": b.need, "pagu": b.pagu, "pct": pct, "gap": max(0, b.need - b.pagu)}
    if code == "finding_open":
        return {"n": cell.open_findings}
    if code == "finding_overdue":
        return {"n": cell.overdue_findings}
    return None


def joined(parts: Sequence[str]) -> str:
    """Sentences joined into one paragraph, each ending with a full stop."""
    return " ".join(p if p.endswith(".") else f"{p}." for p in parts if p)
