"""Reference lists seeded per operation (DOMAIN.md), and look-ups over them.

The seed is a starting point: every row is editable by staff afterwards. Each row keeps
its Indonesian ``name`` and an optional English ``name_en``; ``label`` picks the one a
reader sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.errors import NotFound
from opscenter.model import (
    Aspect,
    BudgetComponent,
    IncidentStatus,
    IncidentType,
    Rank,
    ReadinessAspect,
    SarprasCategory,
    Severity,
    TpsCategory,
    UnitStatus,
    VulnerabilityLevel,
    WatchStep,
)
from opscenter.model.base import Base

# (code, name, full name, aliases); low to high. "Pol" is optional in rosters.
POLRI_RANKS: Sequence[tuple[str, str, str, str]] = (
    ("bharada", "Bharada", "BHAYANGKARA DUA", ""),
    ("bharatu", "Bharatu", "BHAYANGKARA SATU", ""),
    ("bharaka", "Bharaka", "BHAYANGKARA KEPALA", ""),
    ("abripda", "Abripda", "AJUN BRIGADIR POLISI DUA", ""),
    ("abriptu", "Abriptu", "AJUN BRIGADIR POLISI SATU", ""),
    ("abrip", "Abrip", "AJUN BRIGADIR POLISI", ""),
    ("bripda", "Bripda", "BRIGADIR POLISI DUA", ""),
    ("briptu", "Briptu", "BRIGADIR POLISI SATU", ""),
    ("brigpol", "Brigpol", "BRIGADIR POLISI", "BRIGADIR|BRIG"),
    ("bripka", "Bripka", "BRIGADIR POLISI KEPALA", ""),
    ("aipda", "Aipda", "AJUN INSPEKTUR POLISI DUA", ""),
    ("aiptu", "Aiptu", "AJUN INSPEKTUR POLISI SATU", ""),
    ("ipda", "Ipda", "INSPEKTUR POLISI DUA", ""),
    ("iptu", "Iptu", "INSPEKTUR POLISI SATU", ""),
    ("akp", "AKP", "AJUN KOMISARIS POLISI", ""),
    ("kompol", "Kompol", "KOMISARIS POLISI", ""),
    ("akbp", "AKBP", "AJUN KOMISARIS BESAR POLISI", ""),
    ("kombes", "Kombes Pol", "KOMISARIS BESAR POLISI", "KOMBES"),
    ("brigjen", "Brigjen Pol", "BRIGADIR JENDERAL POLISI", "BRIGJEN"),
    ("irjen", "Irjen Pol", "INSPEKTUR JENDERAL POLISI", "IRJEN"),
    ("komjen", "Komjen Pol", "KOMISARIS JENDERAL POLISI", "KOMJEN"),
    ("jenderal", "Jenderal Pol", "JENDERAL POLISI", "JENDERAL"),
)
# PNS Polri grades (golongan), low to high.
PNS_GRADES: Sequence[tuple[str, str]] = tuple(
    (f"pns-{g.lower().replace('/', '')}", f"Penata {g}" if g.startswith("III") else f"PNS {g}")
    for g in ("II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")
)

# (code, name, name_en, colour, available)
UNIT_STATUSES = (
    ("siaga", "Siaga", "Standby", "#2e7d32", True),
    ("bergerak", "Bergerak", "Moving", "#1565c0", True),
    ("di-lokasi", "Di lokasi", "On site", "#6a1b9a", True),
    ("kembali", "Kembali", "Returning", "#00838f", True),
    ("tidak-siap", "Tidak siap", "Not ready", "#c62828", False),
)
# (code, name, name_en, colour): a small ordered scale the operation can rename.
SEVERITIES = (
    ("ringan", "Ringan", "Minor", "#9e9d24"),
    ("sedang", "Sedang", "Moderate", "#ef6c00"),
    ("berat", "Berat", "Serious", "#c62828"),
    ("kritis", "Kritis", "Critical", "#6a0000"),
)
INCIDENT_STATUSES = (
    ("baru", "Baru", "New", False),
    ("ditangani", "Ditangani", "In hand", False),
    ("selesai", "Selesai", "Closed", True),
)
# (code, name, name_en, category)
INCIDENT_TYPES = (
    ("politik-uang", "Politik uang", "Vote buying", "pelanggaran"),
    (
        "hoaks-sara",
        "Hoaks / ujaran kebencian / politisasi SARA",
        "Hoax, hate speech, SARA",
        "pelanggaran",
    ),
    ("bentrokan", "Bentrokan massa", "Crowd clash", "gangguan"),
    ("intimidasi", "Intimidasi / kekerasan", "Intimidation / violence", "kejahatan"),
    ("perusakan-apk", "Perusakan APK", "Damage to campaign props", "kejahatan"),
    ("netralitas", "Pelanggaran netralitas", "Neutrality breach", "pelanggaran"),
    (
        "kampanye-ilegal",
        "Kampanye di luar jadwal / tempat terlarang",
        "Unlawful campaigning",
        "pelanggaran",
    ),
    ("logistik", "Gangguan logistik pemilu", "Election logistics disruption", "gangguan"),
    ("bencana-tps", "Bencana alam di TPS", "Natural disaster at a polling station", "bencana"),
    ("unjuk-rasa", "Unjuk rasa di KPU / Bawaslu", "Protest at KPU / Bawaslu", "gangguan"),
    ("sengketa-psu", "Sengketa PSU / penghitungan ulang", "Re-vote / recount dispute", "gangguan"),
    ("ancaman-teror", "Ancaman teror", "Terror threat", "kejahatan"),
    ("padam", "Listrik / jaringan padam", "Power / network outage", "gangguan"),
    ("kriminal-umum", "Tindak pidana umum", "General crime", "kejahatan"),
    ("kecelakaan", "Kecelakaan lalu lintas", "Traffic accident", "gangguan"),
)
# (code, name, name_en, police a, tps b, linmas c, colour) — DOMAIN.md's example patterns.
TPS_CATEGORIES = (
    ("kurang-rawan", "Kurang rawan", "Low risk", 2, 8, 16, "#2e7d32"),
    ("rawan", "Rawan", "At risk", 2, 2, 4, "#ef6c00"),
    ("sangat-rawan", "Sangat rawan", "High risk", 2, 1, 2, "#c62828"),
    ("khusus", "Khusus", "Special", 2, 1, 2, "#6a1b9a"),
)
ASPECTS = (
    ("politik", "Politik", "Political"),
    ("ekonomi", "Ekonomi", "Economic"),
    ("sosbud", "Sosial budaya", "Socio-cultural"),
    ("keamanan", "Keamanan", "Security"),
)
VULNERABILITY_LEVELS = (
    ("rendah", "Rendah", "Low", "#2e7d32"),
    ("sedang", "Sedang", "Medium", "#f9a825"),
    ("tinggi", "Tinggi", "High", "#c62828"),
)

# (code, name, name_en, evidence): the readiness aspects the Kapolda's tour and Polda Sumut's
# supervision teams check; ``evidence`` names the data a level can be derived from.
READINESS_ASPECTS = (
    ("personel", "Personel", "Personnel", "personel"),
    ("sarpras", "Sarana prasarana", "Equipment and facilities", "sarpras"),
    ("anggaran", "Anggaran", "Budget", "anggaran"),
    (
        "perencanaan",
        "Perencanaan (Renops, Renpam, cara bertindak)",
        "Planning (operation and security plans)",
        None,
    ),
    ("latihan", "Latihan pra operasi", "Pre-operation training", None),
    ("posko", "Posko", "Command posts", None),
    ("kamtibmas", "Situasi kamtibmas", "Public order situation", None),
    ("masyarakat", "Kesiapan masyarakat", "Community readiness", None),
)
# (code, name, name_en, group, measure, rule basis, quantity, per, ammunition): rules are a
# starting point (one HT per TPS guard team, one R2 per 10 TPS of a kecamatan ...).
SARPRAS_CATEGORIES = (
    ("r2", "Kendaraan roda 2", "Motorcycles", "kendaraan", "unit", "tps_kec", 1, 10, False),
    ("r4", "Kendaraan roda 4", "Cars", "kendaraan", "unit", "kecamatan", 1, 1, False),
    ("r6", "Kendaraan roda 6 / truk", "Trucks", "kendaraan", "unit", "unit", 2, 1, False),
    (
        "rantis",
        "Kendaraan taktis (rantis)",
        "Tactical vehicles",
        "kendaraan",
        "unit",
        None,
        1,
        1,
        False,
    ),
    ("water-cannon", "Water cannon", "Water cannon", "kendaraan", "unit", None, 1, 1, False),
    ("kapal", "Kapal patroli", "Patrol boats", "kendaraan", "unit", None, 1, 1, False),
    ("ht", "HT", "Handheld radios", "komunikasi", "buah", "team", 1, 1, False),
    ("rig", "Rig", "Base radios", "komunikasi", "buah", "kecamatan", 1, 1, False),
    ("repeater", "Repeater", "Repeaters", "komunikasi", "buah", "unit", 1, 1, False),
    ("tameng", "Tameng", "Shields", "dalmas", "buah", None, 1, 1, False),
    ("helm", "Helm", "Helmets", "dalmas", "buah", None, 1, 1, False),
    ("tongkat", "Tongkat", "Batons", "dalmas", "buah", None, 1, 1, False),
    ("gas-air-mata", "Gas air mata", "Tear gas", "dalmas", "buah", None, 1, 1, False),
    ("drone", "Drone", "Drones", "teknologi", "unit", None, 1, 1, False),
    ("bwc", "Body-worn camera", "Body-worn cameras", "teknologi", "buah", None, 1, 1, False),
    ("cctv", "CCTV", "CCTV cameras", "teknologi", "buah", None, 1, 1, False),
    ("senpi", "Senjata api", "Firearms", "senjata", "pucuk", None, 1, 1, True),
    ("apar", "APAR", "Fire extinguishers", "posko", "buah", "unit", 2, 1, False),
    ("tenda", "Tenda", "Tents", "posko", "buah", "unit", 1, 1, False),
    ("genset", "Genset", "Generators", "posko", "unit", "unit", 1, 1, False),
)
# (code, name, name_en): components of the daily index (indeks harian per orang).
BUDGET_COMPONENTS = (
    ("uang-saku", "Uang saku", "Pocket allowance"),
    ("uang-makan", "Uang makan", "Meals"),
    ("angkut-logistik", "Angkut logistik", "Logistics transport"),
    ("kesehatan", "Kesehatan", "Health"),
)

# (code, name, name_en, due_minutes): the voting-day watch's steps of a TPS, with the
# deadline after voting day's midnight by which a TPS not there is overdue (06:00 for the
# guards' arrival, 20:00 for the count, 06:00 the next morning for the box at the PPK).
WATCH_STEPS = (
    ("tiba", "Petugas tiba", "Guards arrived", 6 * 60),
    ("mulai", "Pemungutan dimulai", "Voting started", None),
    ("selesai", "Pemungutan selesai", "Voting finished", None),
    ("hitung", "Penghitungan selesai", "Counting finished", 20 * 60),
    ("kawal", "Kotak suara dikawal ke PPK", "Ballot boxes escorted to the PPK", None),
    ("ppk", "Diterima PPK", "Received by the PPK", 30 * 60),
)


# Each seeded list: its model, the names of the fields its tuples hold, and the tuples.
SEEDS: Sequence[tuple[type[Base], tuple[str, ...], Sequence[tuple[object, ...]]]] = (
    (UnitStatus, ("code", "name", "name_en", "colour", "is_available"), UNIT_STATUSES),
    (Severity, ("code", "name", "name_en", "colour"), SEVERITIES),
    (IncidentStatus, ("code", "name", "name_en", "is_closed"), INCIDENT_STATUSES),
    (IncidentType, ("code", "name", "name_en", "category"), INCIDENT_TYPES),
    (
        TpsCategory,
        ("code", "name", "name_en", "guard_police", "guard_tps", "guard_linmas", "colour"),
        TPS_CATEGORIES,
    ),
    (Aspect, ("code", "name", "name_en"), ASPECTS),
    (VulnerabilityLevel, ("code", "name", "name_en", "colour"), VULNERABILITY_LEVELS),
    (ReadinessAspect, ("code", "name", "name_en", "evidence"), READINESS_ASPECTS),
    (
        SarprasCategory,
        (
            "code",
            "name",
            "name_en",
            "grp",
            "measure",
            "rule_basis",
            "rule_quantity",
            "rule_per",
            "has_ammunition",
        ),
        SARPRAS_CATEGORIES,
    ),
    (BudgetComponent, ("code", "name", "name_en"), BUDGET_COMPONENTS),
    (WatchStep, ("code", "name", "name_en", "due_minutes"), WATCH_STEPS),
)


def seed_rows(operation_id: int) -> list[Base]:
    """Fresh reference rows for a new operation."""
    rows: list[Base] = [
        Rank(
            operation_id=operation_id,
            code=code,
            name=name,
            ordinal=i,
            corps="polri",
            full_name=full,
            aliases=aliases,
        )
        for i, (code, name, full, aliases) in enumerate(POLRI_RANKS, 1)
    ]
    # Civil-service grades rank after every officer rank in the list.
    rows += [
        Rank(
            operation_id=operation_id,
            code=code,
            name=name,
            ordinal=i,
            corps="pns",
            full_name=name.upper(),
            aliases="",
        )
        for i, (code, name) in enumerate(PNS_GRADES, 101)
    ]
    for model, fields, table in SEEDS:
        for i, values in enumerate(table, 1):
            rows.append(
                model(
                    operation_id=operation_id, ordinal=i, **dict(zip(fields, values, strict=True))
                )
            )
    return rows


R = TypeVar("R", bound=Base)


def label(name: str, name_en: str | None, lang: str) -> str:
    """A reference row's (or a stage's) name in ``lang``: the English name when English is
    asked for and the row has one, else the Indonesian name. Rows staff add often have no
    English name; showing the Indonesian one beats showing nothing."""
    return (name_en or name) if lang == "en" else name


def items(session: Session, model: type[R], operation_id: int) -> list[R]:
    """One reference list of an operation, in its order."""
    stmt = (
        select(model)
        .where(model.operation_id == operation_id)  # type: ignore[attr-defined]
        .order_by(model.ordinal, model.id)  # type: ignore[attr-defined]
    )
    return list(session.scalars(stmt))


def by_code(session: Session, model: type[R], operation_id: int) -> dict[str, R]:
    return {item.code: item for item in items(session, model, operation_id)}  # type: ignore[attr-defined]


def get_by_code(session: Session, model: type[R], operation_id: int, code: str) -> R:
    stmt = select(model).where(
        model.operation_id == operation_id,  # type: ignore[attr-defined]
        model.code == code,  # type: ignore[attr-defined]
    )
    item = session.scalars(stmt).first()
    if item is None:
        raise NotFound(entity=model.__tablename__, key=code)
    return item


@dataclass(frozen=True, slots=True)
class GuardPattern:
    """a police guard b TPS with c Linmas."""

    police: int
    tps: int
    linmas: int

    def __str__(self) -> str:
        return f"{self.police}-{self.tps}-{self.linmas}"


def guard_patterns(session: Session, operation_id: int) -> dict[int, GuardPattern]:
    """Category id -> its guard pattern."""
    return {
        c.id: GuardPattern(c.guard_police, c.guard_tps, c.guard_linmas)
        for c in items(session, TpsCategory, operation_id)
    }


def update_item(session: Session, item: Any, **fields: Any) -> None:
    """Apply edits to a reference row (journaled by the session's flush)."""
    for key, value in fields.items():
        if not hasattr(item, key):
            raise NotFound(entity=type(item).__name__, key=key)
        setattr(item, key, value)
