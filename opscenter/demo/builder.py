"""Shared machinery of the demo scenarios: regions, units, TPS, personnel, ratings.

A scenario module (``jambi``, ``bangka``) holds the data as module-level tuples and calls
these functions in order inside the caller's journaled transaction. All randomness comes
from the one ``random.Random`` of the ``Demo``, consumed in a fixed order, so a scenario
always produces the same rows.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import exercise, journal, reference, sitrep
from opscenter.accounts import hash_password
from opscenter.actor import Actor
from opscenter.demo import DEMO_PASSWORD, names
from opscenter.geo import codes
from opscenter.geo import shapes as geo
from opscenter.model import (
    Account,
    Aspect,
    IncidentStatus,
    IncidentType,
    Personnel,
    PollingStation,
    Rank,
    Region,
    Severity,
    Stage,
    TpsCategory,
    Unit,
    UnitArea,
    UnitStatus,
    UnitStatusChange,
    VulnerabilityLevel,
    VulnerabilityRating,
)
from opscenter.model.base import Base
from opscenter.operations import PKPU_2_2024, OperationSpec, new_operation
from opscenter.plotting import plot, posts

WIB = ZoneInfo("Asia/Jakarta")
CATEGORY_CODES = ("kurang-rawan", "rawan", "sangat-rawan", "khusus")
# Where a "khusus" TPS stands (DOMAIN.md: prisons, hospitals, relocation sites).
SPECIAL_SITES = ("Lembaga pemasyarakatan", "Rumah sakit umum daerah", "Lokasi relokasi bencana")


def _voting_day() -> date:
    day = next(start for *_, start, _end, is_voting in PKPU_2_2024 if is_voting)
    assert day is not None
    return day


# Voting day of the PKPU 2/2024 calendar the demo operations follow.
VOTING_DAY = _voting_day()


def wib(day: date, hour: int = 0, minute: int = 0) -> datetime:
    """A local (WIB) wall-clock time as an aware UTC datetime, as the columns want it."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB).astimezone(UTC)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def spread(rng: random.Random, total: int, weights: Sequence[float], minimum: int = 0) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder), each part >= minimum."""
    base = [minimum] * len(weights)
    rest = total - minimum * len(weights)
    if rest < 0:
        raise ValueError("total below the minimum")
    wsum = sum(weights)
    shares = [rest * w / wsum for w in weights]
    parts = [b + math.floor(s) for b, s in zip(base, shares, strict=True)]
    left = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(shares[i] % 1), i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def kecamatan_codes(spec: KabKotaSpec) -> dict[str, str]:
    """The scenario's kecamatan of a kabupaten/kota by listed name -> Kemendagri code, from
    the shipped code list; a name the list does not have is a mistake in the scenario."""
    if spec.code is None:
        raise ValueError(f"{spec.name} has no Kemendagri code")
    listed = {name: code for code, name in codes.children(spec.code)}
    missing = [n for n in spec.kecamatan if n not in listed]
    if missing:
        raise ValueError(f"not kecamatan of {spec.name} ({spec.code}): {missing}")
    return {n: listed[n] for n in spec.kecamatan}


def real_villages(kecamatan_code: str) -> dict[str, str]:
    """The desa/kelurahan of a kecamatan that have a shipped boundary: code -> official name
    ("Desa Lempur Tengah"). Of two with the same name (the list has a few) the first stays."""
    shaped = geo.shipped("desa")
    out: dict[str, str] = {}
    seen: set[str] = set()
    for code, listed in codes.children(kecamatan_code):
        name = codes.region_name(code, listed)
        if code in shaped and name not in seen:
            out[code] = name
            seen.add(name)
    return out


# --- scenario data shapes -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KabKotaSpec:
    """A kabupaten/kota of the scenario, with the data its rows are generated from."""

    name: str  # as written officially: "Kabupaten Kerinci", "Kota Jambi"
    short: str  # for unit names: "Kerinci"
    code: str | None  # Kemendagri code
    kecamatan: tuple[str, ...]
    tps: int
    # Shares of kurang rawan, rawan, sangat rawan, khusus TPS.
    mix: tuple[float, float, float, float] = (0.86, 0.10, 0.03, 0.01)
    incident_weight: float = 1.0  # conflict-prone areas see more incidents
    kecamatan_tps: tuple[int, ...] | None = None  # fixed TPS per kecamatan, else spread


@dataclass(frozen=True, slots=True)
class PolresSpec:
    code: str
    name: str
    kind: str  # polres or polresta
    areas: tuple[str, ...]  # names of the kabkota it covers
    # Active personnel as a share of its voting-day requirement (below 1: a deficit).
    staffing: float
    urban: bool = False  # Kapolsek are AKP in a Polresta


@dataclass(frozen=True, slots=True)
class PartnerSpec:
    code: str
    name: str
    kind: str
    agency: str
    strength: int | None
    areas: tuple[str, ...] = ()  # kabkota names
    parent: str | None = None  # code of the parent partner unit


@dataclass(frozen=True, slots=True)
class AccountSpec:
    username: str
    full_name: str
    role: str


# Every demo account signs in with the published ``DEMO_PASSWORD`` (README, "The demo
# operations"), so a demo database asks for a login like a real one. Its hash uses a fixed
# salt: the demo stays the same rows every time, and one hash serves every account.
_DEMO_SALT = b"opscenter-demo!!"


# --- generated records ------------------------------------------------------------------------


@dataclass(slots=True)
class Tps:
    id: int
    number: int
    village: str
    category: str


@dataclass(slots=True)
class District:
    """A kecamatan, its villages and TPS, and the Polsek that guards it."""

    id: int
    short: str
    county: County
    villages: list[tuple[int, str]] = field(default_factory=list)
    # One Bhabinkamtibmas post per village slot (a town kelurahan may have two).
    posts: list[str] = field(default_factory=list)
    planned_tps: int = 0  # known before the TPS rows exist (Linmas strength needs it)
    tps: list[Tps] = field(default_factory=list)
    polsek_id: int = 0

    @property
    def name(self) -> str:
        return f"Kecamatan {self.short}"


@dataclass(slots=True)
class County:
    """A kabupaten/kota with its kecamatan and the units responsible for it."""

    id: int
    spec: KabKotaSpec
    districts: list[District] = field(default_factory=list)
    polres_id: int = 0
    polres_name: str = ""
    partner_ids: list[int] = field(default_factory=list)  # Kodim etc., to respond to incidents

    @property
    def tps_count(self) -> int:
        return sum(d.planned_tps for d in self.districts)


@dataclass(slots=True)
class PolresRec:
    id: int
    spec: PolresSpec
    counties: list[County]
    polsek: list[tuple[int, District]] = field(default_factory=list)


@dataclass(slots=True)
class Person:
    """Enough of an inserted personnel row to build BKO and Satgas assignments on."""

    id: int
    unit_id: int
    rank: str
    active: bool


class Demo:
    """One scenario being loaded: the operation, its reference ids, the rng, the rows so far."""

    def __init__(
        self, session: Session, spec: OperationSpec, seed: int, actor: Actor, operator: str
    ) -> None:
        self.session = session
        self.rng = random.Random(seed)
        self.actor = actor
        self.operator = operator  # username the board's status changes are attributed to
        # The demo is a live operation at the moment an exercise opens it (voting day,
        # 20:00 local): nothing in it happens, is recorded or changes after ``now``.
        self.now = exercise.evening_of(VOTING_DAY, spec.timezone)
        # One situation report a day, each at the cut-off hour, since the operation began.
        _lo, last_cutoff = sitrep.default_period(
            self.now, spec.report_cutoff_hour, ZoneInfo(spec.timezone)
        )
        issued = (last_cutoff.astimezone(ZoneInfo(spec.timezone)).date() - spec.starts_on).days
        spec = replace(spec, sitrep_serial=issued)
        op = new_operation(session, spec)
        self.spec = spec
        self.op_id = op.id
        self.rank = self._codes(Rank)
        self.unit_status = self._codes(UnitStatus)
        self.severity = self._codes(Severity)
        self.incident_status = self._codes(IncidentStatus)
        self.incident_type = self._codes(IncidentType)
        self.aspect = self._codes(Aspect)
        self.level = self._codes(VulnerabilityLevel)
        self.categories = reference.by_code(session, TpsCategory, op.id)
        self.stages = {
            s.code: s
            for s in session.scalars(
                select(Stage).where(Stage.operation_id == op.id).order_by(Stage.ordinal)
            )
        }
        self.counties: list[County] = []
        self.polres: list[PolresRec] = []
        self.personnel: list[Person] = []
        self.used_ids: set[str] = set()
        self.province_id = 0

    def _codes(self, model: type[Base]) -> dict[str, int]:
        items = reference.by_code(self.session, model, self.op_id)
        return {code: int(item.id) for code, item in items.items()}  # type: ignore[attr-defined]

    def insert(self, model: type[Base], rows: Iterable[dict[str, Any]]) -> list[int]:
        """Insert operation rows at Core speed; each one is journaled by ``insert_rows``."""
        return journal.insert_rows(
            self.session, model, ({"operation_id": self.op_id, **r} for r in rows)
        )

    # -- regions -------------------------------------------------------------------------------

    def add_regions(
        self,
        province: str,
        province_code: str,
        kabkota: Sequence[KabKotaSpec],
        desa_heads: Sequence[str],
    ) -> None:
        """provinsi -> kabkota -> kecamatan -> desa, and the TPS counts spread over them."""
        rng = self.rng
        [prov_id] = self.insert(
            Region,
            [{"parent_id": None, "level": "provinsi", "name": province, "code": province_code}],
        )
        self.province_id = prov_id
        ids = self.insert(
            Region,
            (
                {"parent_id": prov_id, "level": "kabkota", "name": k.name, "code": k.code}
                for k in kabkota
            ),
        )
        self.counties = [County(id=i, spec=k) for i, k in zip(ids, kabkota, strict=True)]
        kec_rows = [
            {"parent_id": c.id, "level": "kecamatan", "name": f"Kecamatan {name}", "code": code}
            for c in self.counties
            for name, code in kecamatan_codes(c.spec).items()
        ]
        kec_ids = iter(self.insert(Region, kec_rows))
        for c in self.counties:
            c.districts = [District(id=next(kec_ids), short=n, county=c) for n in c.spec.kecamatan]
        # TPS per kecamatan: uneven, like real kecamatan; villages of a few TPS each, chosen
        # among the kecamatan's real desa/kelurahan that have a shipped boundary.
        desa_rows: list[dict[str, Any]] = []
        plan: list[tuple[District, list[str], list[int]]] = []
        for c in self.counties:
            weights = [rng.uniform(0.6, 1.6) for _ in c.districts]
            counts = c.spec.kecamatan_tps or spread(
                rng, c.spec.tps, weights, min(8, c.spec.tps // len(c.districts))
            )
            kec_codes = kecamatan_codes(c.spec)
            for d, n_tps in zip(c.districts, counts, strict=True):
                d.planned_tps = n_tps
                n_desa = max(2, min(n_tps, round(n_tps / rng.uniform(2.6, 4.2))))
                # The draws stay those of the synthetic villages the demo had before its
                # villages were real: every figure of the scenario (DOMAIN.md, the README,
                # the tests) follows from them. The names drawn are discarded.
                names.village_names(rng, n_desa, desa_heads, "Desa", set())
                slots = spread(rng, n_tps, [rng.uniform(0.5, 1.5) for _ in range(n_desa)], 1)
                # The real villages, with a shipped boundary, drawn apart (seeded by the
                # kecamatan's code). A town kecamatan may have fewer kelurahan than slots:
                # they share the slots' TPS.
                real = real_villages(kec_codes[d.short])
                few = min(n_desa, len(real))
                pick = random.Random(kec_codes[d.short])
                chosen = sorted(pick.sample(sorted(real), few))
                village = [real[code] for code in chosen]
                per = [sum(slots[i::few]) for i in range(few)]
                d.posts = [village[i % few] for i in range(n_desa)]
                plan.append((d, village, per))
                desa_rows.extend(
                    {"parent_id": d.id, "level": "desa", "name": real[code], "code": code}
                    for code in chosen
                )
        desa_ids = iter(self.insert(Region, desa_rows))
        for d, village, _per in plan:
            d.villages = [(next(desa_ids), v) for v in village]
        self._tps_plan = plan

    # -- units ---------------------------------------------------------------------------------

    def unit_rows(self, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert units with a board status (mostly siaga) set by the operator."""
        rng = self.rng
        full: list[dict[str, Any]] = []
        for r in rows:
            status, reason = "siaga", None
            roll = rng.random()
            if roll < 0.05:
                status, reason = "di-lokasi", "Pengamanan kegiatan di wilayah"
            elif roll < 0.08:
                status, reason = "bergerak", "Patroli wilayah"
            elif roll < 0.09 and r.get("tree") == "partner":
                status, reason = "tidak-siap", "Personel ditarik untuk kegiatan satuan"
            at = wib(date(2024, 11, 26), rng.randint(6, 20), rng.randrange(60))
            full.append({
                "agency": "polri", "declared_strength": None, "is_reserve": False, **r,
                "status_id": self.unit_status[status], "status_reason": reason,
                "status_changed_at": at, "status_changed_by": self.operator,
            })  # fmt: skip
        ids = self.insert(Unit, full)
        self.insert(
            UnitStatusChange,
            (
                {"unit_id": i, "status_id": r["status_id"], "previous_status_id": None,
                 "at": r["status_changed_at"], "actor": self.operator, "reason": r["status_reason"]}
                for i, r in zip(ids, full, strict=True)
            ),
        )  # fmt: skip
        return ids

    def add_territory(self, parent_id: int | None, polres: Sequence[PolresSpec]) -> None:
        """Polres/Polresta with their areas, and one Polsek per kecamatan of those areas."""
        by_name = {c.spec.name: c for c in self.counties}
        ids = self.unit_rows(
            [{"parent_id": parent_id, "tree": "territorial", "kind": p.kind, "code": p.code,
              "name": p.name} for p in polres]
        )  # fmt: skip
        self.polres = [
            PolresRec(id=i, spec=p, counties=[by_name[a] for a in p.areas])
            for i, p in zip(ids, polres, strict=True)
        ]
        area_rows: list[dict[str, Any]] = []
        polsek_rows: list[dict[str, Any]] = []
        districts: list[tuple[PolresRec, District]] = []
        for rec in self.polres:
            for c in rec.counties:
                c.polres_id = rec.id
                c.polres_name = rec.spec.name
                area_rows.append({"unit_id": rec.id, "region_id": c.id})
                for d in c.districts:
                    polsek_rows.append({
                        "parent_id": rec.id, "tree": "territorial", "kind": "polsek",
                        "code": f"polsek-{slug(d.short)}", "name": f"Polsek {d.short}",
                    })  # fmt: skip
                    districts.append((rec, d))
        for i, (rec, d) in zip(self.unit_rows(polsek_rows), districts, strict=True):
            d.polsek_id = i
            rec.polsek.append((i, d))
            area_rows.append({"unit_id": i, "region_id": d.id})
        self.insert(UnitArea, area_rows)

    def add_partners(self, partners: Sequence[PartnerSpec]) -> dict[str, int]:
        """Partner forces: declared strength, no personnel rows; parents listed first."""
        by_name = {c.spec.name: c for c in self.counties}
        ids: dict[str, int] = {}
        for p in partners:
            [uid] = self.unit_rows(
                [{"parent_id": ids[p.parent] if p.parent else None, "tree": "partner",
                  "kind": p.kind, "agency": p.agency, "code": p.code, "name": p.name,
                  "declared_strength": p.strength}]
            )  # fmt: skip
            ids[p.code] = uid
            for a in p.areas:
                self.insert(UnitArea, [{"unit_id": uid, "region_id": by_name[a].id}])
                if p.kind in ("kodim", "lanal"):
                    by_name[a].partner_ids.append(uid)
        return ids

    def add_linmas(self) -> None:
        """Linmas per kabkota: two per TPS there (DOMAIN.md), recruited through KPU."""
        self.add_partners(
            [
                PartnerSpec(
                    code=f"linmas-{slug(c.spec.short)}",
                    name=f"Linmas {c.spec.name}",
                    kind="linmas",
                    agency="linmas",
                    strength=2 * c.tps_count,
                    areas=(c.spec.name,),
                )
                for c in self.counties
            ]
        )

    # -- TPS -----------------------------------------------------------------------------------

    def add_tps(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        keys: list[tuple[District, int, str, str]] = []
        for d, _village, per in self._tps_plan:
            mix = d.county.spec.mix
            for (desa_id, desa), count in zip(d.villages, per, strict=True):
                for number in range(1, count + 1):
                    cat = rng.choices(CATEGORY_CODES, weights=mix)[0]
                    if cat == "khusus":
                        voters = rng.randint(90, 320)
                        address = f"{rng.choice(SPECIAL_SITES)}, {desa}"
                    else:
                        voters = max(150, min(600, round(rng.gauss(480, 75))))
                        address = f"RT {rng.randint(1, 24):02d}, {desa}"
                    rows.append({
                        "number": number, "region_id": desa_id,
                        "category_id": self.categories[cat].id, "voters": voters,
                        "unit_id": d.polsek_id, "address": address,
                    })  # fmt: skip
                    keys.append((d, number, desa, cat))
        for tid, (d, number, desa, cat) in zip(
            self.insert(PollingStation, rows), keys, strict=True
        ):
            d.tps.append(Tps(id=tid, number=number, village=desa, category=cat))

    def required(self, district: District) -> int:
        """Police needed on voting day in one kecamatan: a * ceil(n / b) per category."""
        counts: dict[str, int] = {}
        for t in district.tps:
            counts[t.category] = counts.get(t.category, 0) + 1
        total = 0
        for code, n in counts.items():
            cat = self.categories[code]
            total += cat.guard_police * math.ceil(n / cat.guard_tps)
        return total

    # -- personnel -----------------------------------------------------------------------------

    def staff(
        self,
        unit_id: int,
        active: int,
        inactive: int,
        leaders: Sequence[tuple[str, str]],
        members: Sequence[tuple[str, float]],
        positions: Sequence[str],
        *,
        pns: int = 0,
        female_share: float = 0.08,
    ) -> list[dict[str, Any]]:
        """Rows for one unit: leaders first, then members of weighted ranks; ``active`` aktif."""
        rng = self.rng
        total = active + inactive
        ranks: list[tuple[str, str]] = list(leaders[:total])
        for _ in range(total - len(ranks)):
            rank = rng.choices([m[0] for m in members], weights=[m[1] for m in members])[0]
            ranks.append((rng.choice(positions), rank))
        # PNS replace members at the end of the list: staff work, not leadership.
        for i in range(max(len(leaders), total - pns), total):
            ranks[i] = (rng.choice(PNS_POSITIONS), "pns")
        # Leaders stay on duty; the ones on leave, sick or in training are members.
        pool = list(range(min(len(leaders), total), total))
        off = set(rng.sample(pool, min(inactive, len(pool))))
        rows: list[dict[str, Any]] = []
        for i, (position, rank) in enumerate(ranks):
            female = rng.random() < female_share
            if rank == "pns":
                born = rng.randint(1968, 1998)
                rank_code = rng.choice(PNS_RANKS)
                number, kind = names.nip(rng, born, female=female, used=self.used_ids), "nip"
            else:
                born = rng.randint(*BIRTH_YEARS[rank])
                rank_code = rank
                number, kind = names.nrp(rng, born, self.used_ids), "nrp"
            status = "aktif"
            if i in off:
                status = rng.choices(("cuti", "sakit", "pendidikan"), weights=(5, 3, 2))[0]
            rows.append({
                "nrp": number, "id_kind": kind, "name": names.person_name(rng, female=female),
                "rank_id": self.rank[rank_code], "position": position, "home_unit_id": unit_id,
                "assigned_unit_id": None, "phone": names.phone(rng), "duty_status": status,
            })  # fmt: skip
        return rows

    def add_personnel(self, rows: list[dict[str, Any]]) -> None:
        ids = self.insert(Personnel, rows)
        ranks_by_id = {v: k for k, v in self.rank.items()}
        self.personnel.extend(
            Person(id=i, unit_id=r["home_unit_id"], rank=ranks_by_id[r["rank_id"]],
                   active=r["duty_status"] == "aktif")
            for i, r in zip(ids, rows, strict=True)
        )  # fmt: skip

    def staff_territory(
        self, pns_per_polres: int = 1, exact_total: int | None = None
    ) -> list[dict[str, Any]]:
        """Personnel of every Polres and its Polsek, sized from its voting-day requirement.

        ``exact_total`` fixes the head count of a single Polres instead (Bangka: 363).
        """
        rng = self.rng
        rows: list[dict[str, Any]] = []
        for rec in self.polres:
            need = [self.required(d) for _, d in rec.polsek]
            if exact_total is not None:
                off = round(exact_total * INACTIVE_SHARE)
                active = exact_total - off
            else:
                active = round(sum(need) * rec.spec.staffing)
                off = round(active * INACTIVE_SHARE)
            hq = round(active * 0.38)
            per_polsek = spread(rng, active - hq, need, min(4, (active - hq) // len(need)))
            off_parts = spread(rng, off, [hq, *per_polsek])
            leaders = POLRESTA_LEADERS if rec.spec.kind == "polresta" else POLRES_LEADERS
            title = rec.spec.name.split(" ", 1)[1]
            named = [(f"{p} {title}" if i < 2 else p, r) for i, (p, r) in enumerate(leaders)]
            rows += self.staff(rec.id, hq, off_parts[0], named, MEMBER_RANKS, POLRES_POSITIONS,
                               pns=pns_per_polres)  # fmt: skip
            kapolsek = "akp" if rec.spec.urban else "iptu"
            for (uid, d), n, n_off in zip(rec.polsek, per_polsek, off_parts[1:], strict=True):
                lead = [(f"Kapolsek {d.short}", kapolsek), ("Kanit Reskrim", "ipda"),
                        ("Kanit Samapta", "aiptu"), ("Kanit Intelkam", "aipda")]  # fmt: skip
                positions = [f"Bhabinkamtibmas {v}" for v in d.posts[:8]]
                rows += self.staff(
                    uid, n, n_off, lead, MEMBER_RANKS, [*positions, *POLSEK_POSITIONS]
                )
        return rows

    # -- vulnerability ---------------------------------------------------------------------------

    def add_guard_posts(self, stage: str = "pemungutan") -> None:
        """The stage's guard posts, formed from the patterns (``opscenter.plotting.posts``),
        and plotted with named officers (``opscenter.plotting.plot``)."""
        posts.form_in(self.session, self.op_id, self.stages[stage].id)
        plot.plot_in(self.session, self.op_id, self.stages[stage].id)

    def add_ratings(
        self, base: dict[str, tuple[int, int, int, int]], bawaslu: dict[str, float], stage: str
    ) -> None:
        """Polri's rating of every kabkota x stage x aspect; Bawaslu's IKP for one stage."""
        aspects = ("politik", "ekonomi", "sosbud", "keamanan")
        levels = ("rendah", "sedang", "tinggi")
        rows: list[dict[str, Any]] = []
        for c in self.counties:
            for s in self.stages.values():
                lift = STAGE_LIFT.get(s.code, (0, 0, 0, 0))
                for a, b, up in zip(aspects, base[c.spec.name], lift, strict=True):
                    level = levels[max(0, min(2, b + up - 1))]
                    rows.append({
                        "region_id": c.id, "stage_id": s.id, "aspect_id": self.aspect[a],
                        "level_id": self.level[level], "source": "polri", "score": None,
                        "note": "Penilaian kerawanan Polda (data demo)",
                    })  # fmt: skip
            if c.spec.name in bawaslu:
                score = bawaslu[c.spec.name]
                level = "rendah" if score < 34 else "sedang" if score < 67 else "tinggi"
                rows.append({
                    "region_id": c.id, "stage_id": self.stages[stage].id,
                    "aspect_id": self.aspect["politik"], "level_id": self.level[level],
                    "source": "bawaslu", "score": score,
                    "note": "Indeks Kerawanan Pemilu (IKP) Bawaslu: kerawanan proses pemilihan, "
                    "bukan ketertiban umum. Angka demo, bukan angka resmi.",
                })  # fmt: skip
        self.insert(VulnerabilityRating, rows)

    # -- accounts --------------------------------------------------------------------------------

    def add_accounts(self, accounts: Sequence[AccountSpec]) -> None:
        """Accounts are global: add only usernames not in the database yet."""
        wanted = [a.username for a in accounts]
        have = set(
            self.session.scalars(select(Account.username).where(Account.username.in_(wanted)))
        )
        password_hash = hash_password(DEMO_PASSWORD, salt=_DEMO_SALT)
        rows = [
            {"username": a.username, "full_name": a.full_name, "role": a.role,
             "password_hash": password_hash, "active": True}
            for a in accounts
            if a.username not in have
        ]  # fmt: skip
        journal.insert_rows(self.session, Account, rows)

    # -- situation reports -----------------------------------------------------------------------

    def seat_signatory(self, rows: Sequence[dict[str, Any]], position: str) -> None:
        """The operation's signatory (``OperationSpec.signatory``, a synthetic officer) is the
        person holding ``position`` among ``rows`` (not added yet): that row takes the
        signatory's name and NRP, so the signature block names someone on the roster.
        Set before the rows are added, so the demo stays one journal row per row."""
        assert self.spec.signatory is not None
        _title, name, _rank, nrp = self.spec.signatory
        person = next(r for r in rows if r["position"] == position)
        assert nrp not in self.used_ids, nrp
        self.used_ids.add(nrp)
        person["name"], person["nrp"], person["id_kind"] = name, nrp, "nrp"


# --- personnel data ---------------------------------------------------------------------------

# Birth years by rank: recruits are young, inspectors either promoted veterans or Akpol graduates.
BIRTH_YEARS: dict[str, tuple[int, int]] = {
    "bharada": (2000, 2005), "bharatu": (1998, 2003), "bharaka": (1995, 2001),
    "abripda": (1993, 2000), "abriptu": (1991, 1998), "abrip": (1989, 1996),
    "bripda": (1999, 2005), "briptu": (1995, 2002), "brigpol": (1990, 1999),
    "bripka": (1985, 1994), "aipda": (1978, 1988), "aiptu": (1970, 1984),
    "ipda": (1970, 1999), "iptu": (1972, 1996), "akp": (1972, 1993), "kompol": (1976, 1988),
    "akbp": (1974, 1984), "kombes": (1970, 1977), "brigjen": (1968, 1971), "irjen": (1966, 1969),
}  # fmt: skip
# Rank mix of the rank and file of a Polres or Polsek (Bripda..Aiptu, a few inspectors).
MEMBER_RANKS = (
    ("bripda", 20.0), ("briptu", 19.0), ("brigpol", 21.0), ("bripka", 15.0), ("aipda", 10.0),
    ("aiptu", 9.0), ("ipda", 2.0), ("iptu", 1.0),
)  # fmt: skip
POLRES_LEADERS = (
    ("Kapolres", "akbp"), ("Wakapolres", "kompol"), ("Kabag Ops", "kompol"), ("Kabag Ren", "akp"),
    ("Kabag SDM", "akp"), ("Kasat Reskrim", "akp"), ("Kasat Intelkam", "akp"),
    ("Kasat Samapta", "akp"), ("Kasat Lantas", "akp"), ("Kasat Binmas", "akp"),
    ("Kasat Resnarkoba", "akp"), ("Kasi Propam", "iptu"), ("Kasi Humas", "iptu"),
    ("Kasi Dokkes", "ipda"), ("Kapospol Pelabuhan", "ipda"),
)  # fmt: skip
POLRESTA_LEADERS = (
    ("Kapolresta", "kombes"), ("Wakapolresta", "akbp"), ("Kabag Ops", "kompol"),
    ("Kabag Ren", "kompol"), ("Kabag SDM", "akp"), ("Kasat Reskrim", "kompol"),
    ("Kasat Intelkam", "akp"), ("Kasat Samapta", "akp"), ("Kasat Lantas", "akp"),
    ("Kasat Binmas", "akp"), ("Kasat Resnarkoba", "akp"), ("Kasat Pamobvit", "akp"),
    ("Kasi Propam", "iptu"), ("Kasi Humas", "iptu"), ("Kasi Dokkes", "ipda"),
)  # fmt: skip
POLRES_POSITIONS = (
    "Banit Sat Samapta", "Banit Sat Lantas", "Banit Sat Reskrim", "Banit Sat Intelkam",
    "Banit Sat Binmas", "Bamin Bag Ops", "Banit Sat Resnarkoba", "Bintara Sat Tahti",
    "Bamin Bag SDM", "Banit Si Propam",
)  # fmt: skip
POLSEK_POSITIONS = ("Anggota Unit Samapta", "Anggota Unit Reskrim", "Anggota Unit Intelkam",
                    "Bamin Polsek")  # fmt: skip
PNS_RANKS = ("pns-iia", "pns-iib", "pns-iic", "pns-iiia", "pns-iiib", "pns-iiic")
# Share of a unit on leave, sick or in training on any day.
INACTIVE_SHARE = 0.05
PNS_POSITIONS = ("Staf Bag SDM", "Staf Bag Ren", "Staf Sikeu", "Staf Bag Log", "Operator Siwas")
# How stages raise the base rating of each aspect (politik, ekonomi, sosbud, keamanan).
STAGE_LIFT: dict[str, tuple[int, int, int, int]] = {
    "kampanye": (1, 0, 0, 1), "masa-tenang": (1, 0, 0, 1), "pemungutan": (1, 0, 0, 1),
    "rekapitulasi": (1, 0, 0, 1), "sengketa-mk": (1, 0, 0, 0),
}  # fmt: skip


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
