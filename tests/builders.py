"""A small operation whose required strength can be computed by hand.

Guard patterns (seeded): kurang rawan 2-8-16, rawan 2-2-4, sangat rawan 2-1-2, khusus 2-1-2.

    Polda Uji
    ├── Polres A (Kabupaten A)      needs 14 police, 44 Linmas; has 11 (+5 BKO on voting day)
    │   ├── Polsek A1 (Kec. A1)     9 KR + 3 R in desa A1a, 1 SR in desa A1b -> 4+4+2 = 10 police
    │   └── Polsek A2 (Kec. A2)     8 KR + 1 K                             -> 2+2   = 4 police
    ├── Polres B (Kota B)          5 R -> 6 police; 10 on its roster, 1 assigned to a Satgas
    │   └── Polsek B1 (Kec. B1)
    └── Sat Brimob (reserve)       30 personnel; lends 5 to Polsek A1 for voting day
    Satgas Preventif (task-force tree, holds the one person assigned from Polres B)
    Linmas Kab. A (partner, declares 40)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from opscenter import operations, reference
from opscenter.actor import Actor
from opscenter.model import (
    BkoAssignment,
    Personnel,
    PollingStation,
    Rank,
    Region,
    TpsCategory,
    Unit,
    UnitArea,
    UnitStatus,
)
from opscenter.store import Store

ADMIN = Actor("admin.uji", role="admin")


@dataclass(frozen=True)
class Small:
    operation_id: int
    units: dict[str, int]
    regions: dict[str, int]
    stages: dict[str, int]
    statuses: dict[str, int]


def build_small_operation(
    store: Store, code: str = "uji", timezone: str = operations.DEFAULT_TIMEZONE
) -> Small:
    with store.transaction(ADMIN, "test.setup") as s:
        op = operations.new_operation(
            s,
            operations.OperationSpec(
                code=code,
                name=f"Operasi Uji {code}",
                command_name="DAERAH UJI",
                province="Uji",
                starts_on=date(2024, 8, 24),
                ends_on=date(2024, 12, 16),
                timezone=timezone,
            ),
        )
        oid = op.id
        cats = reference.by_code(s, TpsCategory, oid)
        ranks = reference.by_code(s, Rank, oid)
        statuses = reference.by_code(s, UnitStatus, oid)

        regions: dict[str, Region] = {}

        def region(key: str, level: str, name: str, parent: str | None) -> None:
            r = Region(
                operation_id=oid,
                level=level,
                name=name,
                parent_id=regions[parent].id if parent else None,
            )
            s.add(r)
            s.flush()
            regions[key] = r

        region("P", "provinsi", "Provinsi Uji", None)
        region("A", "kabkota", "Kabupaten A", "P")
        region("B", "kabkota", "Kota B", "P")
        region("A1", "kecamatan", "Kecamatan A1", "A")
        region("A2", "kecamatan", "Kecamatan A2", "A")
        region("B1", "kecamatan", "Kecamatan B1", "B")
        region("A1a", "desa", "Desa A1a", "A1")
        region("A1b", "desa", "Desa A1b", "A1")
        region("A2a", "desa", "Desa A2a", "A2")
        region("B1a", "desa", "Desa B1a", "B1")

        units: dict[str, Unit] = {}

        def unit(
            key: str,
            kind: str,
            name: str,
            parent: str | None,
            tree: str = "territorial",
            area: str | None = None,
            **kw: object,
        ) -> None:
            u = Unit(
                operation_id=oid,
                tree=tree,
                kind=kind,
                code=key.lower(),
                name=name,
                parent_id=units[parent].id if parent else None,
                status_id=statuses["siaga"].id,
                **kw,
            )
            s.add(u)
            s.flush()
            units[key] = u
            if area:
                s.add(UnitArea(operation_id=oid, unit_id=u.id, region_id=regions[area].id))

        unit("POLDA", "polda", "Polda Uji", None)
        unit("PA", "polres", "Polres A", "POLDA", area="A")
        unit("PA1", "polsek", "Polsek A1", "PA", area="A1")
        unit("PA2", "polsek", "Polsek A2", "PA", area="A2")
        unit("PB", "polresta", "Polres B", "POLDA", area="B")
        unit("PB1", "polsek", "Polsek B1", "PB", area="B1")
        unit("BRIMOB", "brimob", "Sat Brimob", "POLDA", is_reserve=True)
        unit("SATGAS", "satgas", "Satgas Preventif", None, tree="satgas")
        unit(
            "LINMAS",
            "linmas",
            "Linmas Kab. A",
            None,
            tree="partner",
            agency="linmas",
            area="A",
            declared_strength=40,
        )

        def tps(desa: str, guard: str, category: str, count: int) -> None:
            start = 1 + sum(
                1
                for o in s.new
                if isinstance(o, PollingStation) and o.region_id == regions[desa].id
            )
            for n in range(start, start + count):
                s.add(
                    PollingStation(
                        operation_id=oid,
                        number=n,
                        region_id=regions[desa].id,
                        category_id=cats[category].id,
                        voters=300,
                        unit_id=units[guard].id,
                    )
                )

        tps("A1a", "PA1", "kurang-rawan", 9)
        tps("A1a", "PA1", "rawan", 3)
        tps("A1b", "PA1", "sangat-rawan", 1)
        tps("A2a", "PA2", "kurang-rawan", 8)
        tps("A2a", "PA2", "khusus", 1)
        tps("B1a", "PB1", "rawan", 5)

        serial = iter(range(1, 10_000))

        def people(home: str, count: int, rank: str = "bripda", **kw: object) -> None:
            for _ in range(count):
                n = next(serial)
                s.add(
                    Personnel(
                        operation_id=oid,
                        nrp=f"{90000000 + n:08d}",
                        name=f"Personel {n}",
                        rank_id=ranks[rank].id,
                        home_unit_id=units[home].id,
                        **kw,
                    )
                )

        people("PA1", 6)
        people("PA1", 1, duty_status="cuti")
        people("PA2", 3)
        people("PA", 2, rank="akp")
        people("PB", 9)
        people("PB", 1, assigned_unit_id=units["SATGAS"].id)  # works for the Satgas, not PB
        people("BRIMOB", 30)
        # A civil servant: not a guard, never counted as police strength.
        s.add(
            Personnel(
                operation_id=oid,
                nrp="198001012005011001",
                id_kind="nip",
                name="PNS Uji",
                rank_id=ranks["pns-iiia"].id,
                home_unit_id=units["PA"].id,
            )
        )

        stage_rows = {st.code: st.id for st in operations.stages(s, oid)}
        s.add(
            BkoAssignment(
                operation_id=oid,
                from_unit_id=units["BRIMOB"].id,
                to_unit_id=units["PA1"].id,
                personnel_count=5,
                stage_id=stage_rows["pemungutan"],
                starts_at=datetime(2024, 11, 26, 0, tzinfo=UTC),
                ends_at=datetime(2024, 11, 28, 12, tzinfo=UTC),
            )
        )
        s.add(
            BkoAssignment(
                operation_id=oid,
                from_unit_id=units["BRIMOB"].id,
                to_unit_id=units["PB"].id,
                personnel_count=7,
                stage_id=stage_rows["kampanye"],
                starts_at=datetime(2024, 10, 1, tzinfo=UTC),
                ends_at=datetime(2024, 10, 20, tzinfo=UTC),
            )
        )
        s.flush()
        return Small(
            operation_id=oid,
            units={k: u.id for k, u in units.items()},
            regions={k: r.id for k, r in regions.items()},
            stages=stage_rows,
            statuses={k: v.id for k, v in statuses.items()},
        )


def commanders_in_polres_b(store: Store, ids: Small, n: int) -> None:
    """Make ``n`` of Polres B's nine Bripda Kompol: still counted in its strength, but
    officers of Kompol and above command rather than guard a TPS (the plotting's rule 7)."""
    with store.transaction(ADMIN, "test.setup") as s:
        kompol = reference.by_code(s, Rank, ids.operation_id)["kompol"].id
        rows = s.scalars(
            select(Personnel)
            .where(Personnel.home_unit_id == ids.units["PB"], Personnel.assigned_unit_id.is_(None))
            .order_by(Personnel.nrp)
        ).all()
        assert len(rows) == 9
        for p in rows[:n]:
            p.rank_id = kompol
