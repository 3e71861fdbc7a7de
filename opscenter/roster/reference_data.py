"""The reference data of one operation that an import's rows are checked against (ranks,
units, TPS categories, desa with their kecamatan and kabupaten), read once, so checking a row
touches no database."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.model import Rank, Region, TpsCategory, Unit
from opscenter.roster import normalise as nz
from opscenter.roster.headers import norm


class Context:
    """Reference data of one operation, read once: look-ups for every row."""

    def __init__(self, session: Session, operation_id: int, *, create_units: bool) -> None:
        self.operation_id = operation_id
        self.create_units = create_units
        ranks = session.execute(
            select(Rank.id, Rank.code, Rank.name, Rank.full_name, Rank.aliases).where(
                Rank.operation_id == operation_id
            )
        ).all()
        self.ranks = nz.RankIndex((r[0], r[1], r[2], r[3], r[4] or "") for r in ranks)
        unit_rows = session.execute(
            select(Unit.id, Unit.code, Unit.name).where(Unit.operation_id == operation_id)
        ).all()
        self.unit_codes: dict[str, int] = {r[1]: r[0] for r in unit_rows}
        self.units = nz.NameIndex((r[0], (r[2], r[1])) for r in unit_rows)
        self.unit_labels: dict[int, str] = {r[0]: r[2] for r in unit_rows}
        # Units the user chose to create in the preview: placeholder ids below zero.
        self.new_units: dict[str, int] = {}
        cats = session.execute(
            select(TpsCategory.id, TpsCategory.code, TpsCategory.name, TpsCategory.name_en).where(
                TpsCategory.operation_id == operation_id
            )
        ).all()
        self.categories = nz.NameIndex(
            (c[0], (c[1], c[2], c[3], "".join(w[0] for w in c[2].split()))) for c in cats
        )
        self.category_labels = {c[0]: c[2] for c in cats}
        self.rank_labels = self.ranks.names
        regions = session.execute(
            select(Region.id, Region.parent_id, Region.level, Region.name).where(
                Region.operation_id == operation_id
            )
        ).all()
        by_id = {r[0]: r for r in regions}
        self.region_labels: dict[int, str] = {}
        # desa key -> [(desa id, kecamatan key, kabkota key)]
        self.desa: dict[str, list[tuple[int, str, str]]] = {}
        for rid, parent, level, name in regions:
            if level != "desa":
                continue
            kec = by_id.get(parent) if parent is not None else None
            kab = by_id.get(kec[1]) if kec is not None and kec[1] is not None else None
            kec_name = kec[3] if kec else ""
            self.region_labels[rid] = f"{name}, {kec_name}" if kec_name else name
            self.desa.setdefault(place_key(name), []).append(
                (rid, place_key(kec[3]) if kec else "", place_key(kab[3]) if kab else "")
            )

    def unit_id(self, value: str) -> int | None:
        hit = self.units.find(value)
        if hit is None and self.create_units:
            key = norm(value)
            if key not in self.new_units:
                self.new_units[key] = -(len(self.new_units) + 1)
                self.unit_labels[self.new_units[key]] = value
            hit = self.new_units[key]
        return hit

    def new_unit_names(self) -> dict[int, str]:
        return {pid: self.unit_labels[pid] for pid in self.new_units.values()}


_PLACE_PREFIX = re.compile(
    r"^(desa|kelurahan|kel|ds|dusun|nagari|kecamatan|kec|kabupaten|kab|kota|provinsi)\b\.?\s*",
    re.IGNORECASE,
)


def place_key(name: str) -> str:
    """A place's name as the importers compare it: without its "Kab."/"Kota"/"Desa"-style
    prefix, in lower case, letters and digits only (``headers.norm``)."""
    return norm(_PLACE_PREFIX.sub("", name.strip()))
