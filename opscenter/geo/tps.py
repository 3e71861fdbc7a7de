"""TPS per kecamatan and category, for the map's TPS layer and any other drawing of it.

The counts are the strength computation's own (``opscenter.strength_inputs.load_inputs``:
``tps_groups``, TPS per guarding unit, kecamatan and category), summed per kecamatan: no
TPS query of its own. TPS not yet rated count under ``opscenter.strength.UNRATED``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter.model import Region, TpsCategory
from opscenter.reference import items, label
from opscenter.strength import StrengthInputs
from opscenter.strength_inputs import load_inputs

# Entities that move the figures (the inputs' TPS counts, the categories, the names).
TPS_ENTITIES = ("polling_station", "tps_category", "region", "operation")


@dataclass(frozen=True)
class TpsRead:
    """The TPS layer's figures: the strength's inputs (their ``tps_groups`` count TPS per
    unit, kecamatan and category) summed per kecamatan, with the names to show them."""

    # Read for the TPS counts only: a later read reuses them when no TPS_ENTITIES entity moved.
    inputs: StrengthInputs
    mix: Mapping[int, Mapping[int, int]]  # kecamatan id -> category id (or UNRATED) -> TPS
    categories: tuple[tuple[int, str, str], ...]  # (id, name, colour), in the list's order
    kecamatan: Mapping[int, str]  # kecamatan id -> name


def read_tps(
    session: Session,
    operation_id: int,
    *,
    lang: str,
    inputs: StrengthInputs | None = None,
    reuse: TpsRead | None = None,
    changed: Collection[str] = (),
) -> TpsRead:
    """TPS per kecamatan and category, from ``inputs`` when the caller read them (the
    readiness matrix's), else from the strength's inputs read again only where ``changed``
    moves them."""
    if inputs is None:
        inputs = load_inputs(
            session,
            operation_id,
            None,
            reuse=reuse.inputs if reuse is not None else None,
            changed=[e for e in changed if e in TPS_ENTITIES],
        )
    mix: dict[int, dict[int, int]] = {}
    for (_unit, kecamatan, category), n in inputs.tps_groups.items():
        counts = mix.setdefault(kecamatan, {})
        counts[category] = counts.get(category, 0) + n
    names = session.execute(
        select(Region.id, Region.name).where(
            Region.operation_id == operation_id, Region.level == "kecamatan"
        )
    ).all()
    return TpsRead(
        inputs=inputs,
        mix=mix,
        categories=tuple(
            (c.id, label(c.name, c.name_en, lang), c.colour)
            for c in items(session, TpsCategory, operation_id)
        ),
        kecamatan={int(rid): str(name) for rid, name in names},
    )
