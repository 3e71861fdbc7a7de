"""Shared machinery of the demo scenarios: regions, units, TPS, ratings, accounts.

A scenario module (``jambi``, ``bangka``) holds the data as module-level tuples (shaped by
``specs``) and calls these functions in order inside the caller's journaled transaction;
``records`` holds what the ``Demo`` keeps of the rows it inserted, ``staffing`` adds the
personnel. All randomness comes from the one ``random.Random`` of the ``Demo``, consumed
in a fixed order, so a scenario always produces the same rows.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import exercise, journal, reference, sitrep
from opscenter.accounts import hash_password
from opscenter.actor import Actor
from opscenter.demo import DEMO_PASSWORD, names
from opscenter.demo.records import County, District, Person, PolresRec, Tps
from opscenter.demo.specs import AccountSpec, KabKotaSpec, PartnerSpec, PolresSpec
from opscenter.geo import codes
from opscenter.geo import shapes as geo
from opscenter.model import (
    Account,
    Aspect,
    IncidentStatus,
    IncidentType,
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


# Every demo account signs in with the published ``DEMO_PASSWORD`` (README, "The demo
# operations"), so a demo database asks for a login like a real one. Its hash uses a fixed
# salt: the demo stays the same rows every time, and one hash serves every account.
_DEMO_SALT = b"opscenter-demo!!"


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


# How stages raise the base rating of each aspect (politik, ekonomi, sosbud, keamanan).
STAGE_LIFT: dict[str, tuple[int, int, int, int]] = {
    "kampanye": (1, 0, 0, 1), "masa-tenang": (1, 0, 0, 1), "pemungutan": (1, 0, 0, 1),
    "rekapitulasi": (1, 0, 0, 1), "sengketa-mk": (1, 0, 0, 0),
}  # fmt: skip


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
