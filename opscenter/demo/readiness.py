"""Demo readiness: sarpras counts by condition, budgets, the commander's tour with findings and
follow-ups, and a few judgements, for the units the readiness matrix judges.

Counts follow each unit's own TPS (guard teams, TPS per kecamatan, kecamatan) times a
supply factor, so a unit marked short (Polres Kerinci) lacks radios and motorcycles for its
guard plan while the others are ready or nearly so. Everything is deterministic (the
scenario's rng) and dated before the demo's "now" (voting day, 20:00).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from opscenter.demo.builder import Demo, wib
from opscenter.demo.records import District
from opscenter.model import (
    Base,
    BudgetAllocation,
    BudgetComponent,
    BudgetIndex,
    BudgetRealisation,
    InspectionFinding,
    InspectionVisit,
    ReadinessAspect,
    ReadinessJudgement,
    SarprasCategory,
    SarprasStock,
)
from opscenter.reference import by_code

# Rupiah per person per day (a demo index in the style of an operation's RAB).
DAILY_INDEX = {
    "uang-saku": 120_000,
    "uang-makan": 60_000,
    "angkut-logistik": 15_000,
    "kesehatan": 5_000,
}
# Paid days per stage.
PAID_DAYS = {"masa-tenang": 3, "pemungutan": 1, "rekapitulasi": 6}
# Equipment a unit holds whatever its TPS: (category code, low, high).
FIXED_STOCK = (
    ("r6", 2, 3),
    ("repeater", 1, 2),
    ("tameng", 20, 60),
    ("helm", 20, 60),
    ("tongkat", 20, 60),
    ("gas-air-mata", 10, 30),
    ("drone", 0, 2),
    ("bwc", 6, 24),
    ("cctv", 2, 10),
    ("apar", 2, 4),
    ("tenda", 1, 3),
    ("genset", 1, 2),
)


@dataclass(frozen=True)
class Judged:
    """A unit the matrix judges, with the kecamatan whose TPS it guards."""

    id: int
    name: str
    districts: Sequence[District]
    # Equipment on hand against the rules (below 1: short).
    supply: float = 1.0
    coastal: bool = False


@dataclass(frozen=True)
class Finding:
    aspect: str
    finding: str
    advice: str
    pic: str
    due: date
    status: str = "terbuka"
    closing_note: str | None = None


@dataclass(frozen=True)
class Visit:
    unit: str
    on: date
    kind: str
    led_by: str
    team: str
    checked: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Judgement:
    unit: str
    aspect: str
    level: str
    note: str | None
    evidence: str | None
    by: str
    on: date


@dataclass(frozen=True)
class Plan:
    top_id: int
    units: Sequence[Judged]
    # (reference, signed on, pagu): the regional government's grant (NPHD) to the top.
    hibah: tuple[str, date, int]
    # The top's own DIPA, and each judged unit's.
    dipa_top: int
    dipa_unit: int
    # Of the hibah, what the top passes to each judged unit (the rest it spends itself).
    hibah_share: int
    visits: Sequence[Visit] = ()
    judgements: Sequence[Judgement] = field(default_factory=tuple)


def _teams(demo: Demo, d: District) -> int:
    counts: dict[str, int] = {}
    for t in d.tps:
        counts[t.category] = counts.get(t.category, 0) + 1
    return sum(math.ceil(n / demo.categories[c].guard_tps) for c, n in counts.items())


def _split(demo: Demo, total: int) -> tuple[int, int, int]:
    """(baik, rusak ringan, rusak berat) of ``total`` items: most in good order."""
    rb = round(total * demo.rng.uniform(0.0, 0.06))
    rr = round(total * demo.rng.uniform(0.03, 0.12))
    return total - rr - rb, rr, rb


def _insert(demo: Demo, model: type[Base], rows: Sequence[dict[str, object]]) -> list[int]:
    """``demo.insert`` of rows that leave out what they do not have (every row gets every
    column a row names: one statement for all)."""
    keys = {k for r in rows for k in r}
    return demo.insert(model, [{k: r.get(k) for k in keys} for r in rows])


def add_readiness(demo: Demo, plan: Plan) -> None:
    _add_stock(demo, plan.units)
    _add_budget(demo, plan)
    _add_visits(demo, plan)
    _add_judgements(demo, plan)


def _add_stock(demo: Demo, units: Sequence[Judged]) -> None:
    cats = {c: int(r.id) for c, r in by_code(demo.session, SarprasCategory, demo.op_id).items()}
    rng = demo.rng
    rows: list[dict[str, object]] = []

    def stock(unit: Judged, code: str, baik: int, rr: int, rb: int, **more: object) -> None:
        """One stock row: the unit's count of the category by condition, all fit for use."""
        rows.append(
            {
                "unit_id": unit.id,
                "category_id": cats[code],
                "baik": baik,
                "rusak_ringan": rr,
                "rusak_berat": rb,
                "laik_pakai": True,
                **more,
            }
        )

    for u in units:
        teams = sum(_teams(demo, d) for d in u.districts)
        per_kec = sum(math.ceil(len(d.tps) / 10) for d in u.districts)
        kec = len(u.districts)
        # What the unit's own TPS call for, before the supply factor and a margin.
        wanted = {"ht": teams, "r2": per_kec, "r4": kec, "rig": kec}
        for code, need in wanted.items():
            total = max(0, round(need * u.supply * rng.uniform(1.02, 1.12)))
            stock(u, code, *_split(demo, total))
        for code, lo, hi in FIXED_STOCK:
            stock(u, code, *_split(demo, rng.randint(lo, hi)))
        arms = rng.randint(40, 120)
        stock(u, "senpi", arms - 2, 1, 1, ammunition=arms * 30)
        if u.coastal:
            stock(u, "kapal", 1, 1, 0)
    _insert(demo, SarprasStock, rows)


def _add_budget(demo: Demo, plan: Plan) -> None:
    components = by_code(demo.session, BudgetComponent, demo.op_id)
    _insert(
        demo,
        BudgetIndex,
        [
            {
                "component_id": c.id,
                "stage_id": demo.stages[stage].id,
                "days": days,
                "daily_rupiah": DAILY_INDEX[code],
            }
            for stage, days in PAID_DAYS.items()
            for code, c in components.items()
            if code in DAILY_INDEX
        ],
    )
    reference, signed, hibah = plan.hibah
    kept = hibah - plan.hibah_share * len(plan.units)
    allocations = [
        {
            "unit_id": plan.top_id,
            "source": "hibah",
            "reference": reference,
            "signed_on": signed,
            "pagu": kept,
            "note": "Dikelola langsung: posko, logistik dan dukungan operasi",
        },
        {"unit_id": plan.top_id, "source": "dipa", "reference": "DIPA 2024", "pagu": plan.dipa_top},
    ]
    for u in plan.units:  # a Polsek paid by its Polres holds no pagu of its own
        if plan.hibah_share:
            allocations.append(
                {
                    "unit_id": u.id,
                    "source": "hibah",
                    "reference": reference,
                    "signed_on": signed,
                    "pagu": plan.hibah_share,
                    "note": "Bagian dari hibah untuk satuan ini",
                }
            )
        if plan.dipa_unit:
            allocations.append(
                {
                    "unit_id": u.id,
                    "source": "dipa",
                    "reference": "DIPA 2024",
                    "pagu": plan.dipa_unit,
                }
            )
    ids = _insert(demo, BudgetAllocation, allocations)
    rng = demo.rng
    paid_until = demo.now.date() - timedelta(days=1)
    rows: list[dict[str, object]] = []
    stage_id = demo.stages["masa-tenang"].id
    uang_saku = components["uang-saku"].id
    for alloc_id, alloc in zip(ids, allocations, strict=True):
        if alloc["source"] != "hibah":
            continue
        pagu = int(str(alloc["pagu"]))
        # Two payments: the advance for the quiet period and voting day, then logistics.
        first = (pagu * rng.randint(35, 55) // 100) // 1000 * 1000
        second = (pagu * rng.randint(10, 30) // 100) // 1000 * 1000
        rows += [
            {
                "allocation_id": alloc_id,
                "paid_on": paid_until - timedelta(days=6),
                "amount": first,
                "description": "Uang saku dan uang makan masa tenang s.d. pemungutan suara",
                "component_id": uang_saku,
                "stage_id": stage_id,
            },
            {
                "allocation_id": alloc_id,
                "paid_on": paid_until - timedelta(days=2),
                "amount": second,
                "description": "Angkutan logistik dan kesehatan pengamanan TPS",
            },
        ]
    _insert(demo, BudgetRealisation, rows)


def _add_visits(demo: Demo, plan: Plan) -> None:
    aspects = {c: int(a.id) for c, a in by_code(demo.session, ReadinessAspect, demo.op_id).items()}
    by_name = {u.name: u.id for u in plan.units}
    visit_ids = _insert(
        demo,
        InspectionVisit,
        [
            {
                "unit_id": by_name[v.unit],
                "visited_on": v.on,
                "kind": v.kind,
                "led_by": v.led_by,
                "team": v.team,
                "checked": v.checked,
            }
            for v in plan.visits
        ],
    )
    rows: list[dict[str, object]] = []
    for vid, v in zip(visit_ids, plan.visits, strict=True):
        for f in v.findings:
            closed = wib(f.due - timedelta(days=1), 16) if f.status == "selesai" else None
            rows.append(
                {
                    "visit_id": vid,
                    "aspect_id": aspects[f.aspect],
                    "finding": f.finding,
                    "advice": f.advice,
                    "person_in_charge": f.pic,
                    "due_on": f.due,
                    "status": f.status,
                    "closing_note": f.closing_note,
                    "closed_at": closed,
                }
            )
    _insert(demo, InspectionFinding, rows)


def _add_judgements(demo: Demo, plan: Plan) -> None:
    aspects = {c: int(a.id) for c, a in by_code(demo.session, ReadinessAspect, demo.op_id).items()}
    by_name = {u.name: u.id for u in plan.units}
    _insert(
        demo,
        ReadinessJudgement,
        [
            {
                "unit_id": by_name[j.unit],
                "aspect_id": aspects[j.aspect],
                "level": j.level,
                "note": j.note,
                "evidence": j.evidence,
                "set_by": j.by,
                "set_at": wib(j.on, 15),
            }
            for j in plan.judgements
        ],
    )


def routine(units: Sequence[Judged], by: str, on: date, short: Sequence[str]) -> list[Judgement]:
    """The judgements a Bag Ops keeps on the aspects no data speaks for: plans, training,
    posko, public order and community, siap for most; the short ones noted."""
    out: list[Judgement] = []
    for u in units:
        out.append(
            Judgement(
                u.name,
                "perencanaan",
                "siap",
                None,
                "Renpam dan cara bertindak telah disahkan",
                by,
                on,
            )
        )
        out.append(
            Judgement(
                u.name,
                "latihan",
                "siap",
                None,
                "Latihan Sispamkota dan simulasi pengamanan TPS telah dilaksanakan",
                by,
                on,
            )
        )
        if u.name in short:
            out.append(
                Judgement(
                    u.name,
                    "posko",
                    "catatan",
                    "Genset posko cadangan belum ada",
                    "Cek fisik oleh Tim Supervisi",
                    by,
                    on,
                )
            )
            out.append(
                Judgement(
                    u.name,
                    "kamtibmas",
                    "belum",
                    "Potensi konflik pendukung paslon di wilayah rawan",
                    "Laporan Intelkam",
                    by,
                    on,
                )
            )
        else:
            out.append(Judgement(u.name, "posko", "siap", None, None, by, on))
            out.append(Judgement(u.name, "kamtibmas", "siap", None, "Laporan Intelkam", by, on))
        out.append(
            Judgement(
                u.name,
                "masyarakat",
                "siap",
                None,
                "Deklarasi pemilu damai bersama tokoh masyarakat",
                by,
                on,
            )
        )
    return out
