"""The sarpras inventory: what each unit itself holds of each equipment category, by the
government asset condition scale (baik, rusak ringan, rusak berat), read and written as plain
data. ``opscenter.readiness.sarpras_figures`` rolls it up the unit tree against what the guard
plan requires; ``opscenter.readiness.sarpras_categories`` edits the category list. Every
write is journaled and refuses a stale edit (``expected_version`` is the version the user's
screen showed).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import cells
from opscenter.actor import Actor
from opscenter.editing import row_in_operation
from opscenter.errors import InvalidValue
from opscenter.model import Unit
from opscenter.model.readiness import SarprasCategory, SarprasStock
from opscenter.permissions import require
from opscenter.reference import label
from opscenter.store import Store

PERMISSION = "readiness.edit"
# The trees whose units hold sarpras (partner forces keep their own lists).
TREES = ("territorial", "satgas")


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Category:
    """A sarpras category with its requirement rule, as plain data."""

    id: int
    version: int
    code: str
    name: str  # in the language it was read in
    group: str
    measure: str
    rule_basis: str | None
    rule_quantity: int
    rule_per: int
    has_ammunition: bool
    ordinal: int
    name_en: str | None = None  # the English name as stored (for the list's rename form)


@dataclass(frozen=True, slots=True)
class StockLine:
    """One stored stock row: what one unit itself holds of one category."""

    id: int
    version: int
    unit_id: int
    category_id: int
    baik: int
    rusak_ringan: int
    rusak_berat: int
    laik_pakai: bool
    ammunition: int | None
    note: str | None


def as_category(row: SarprasCategory, lang: str) -> Category:
    """A category row as plain data, its name in ``lang`` (the category list's writes
    answer with it too)."""
    return Category(
        int(row.id),
        int(row.version),
        str(row.code),
        label(str(row.name), row.name_en, lang),
        str(row.grp),
        str(row.measure),
        row.rule_basis,
        int(row.rule_quantity),
        int(row.rule_per),
        bool(row.has_ammunition),
        int(row.ordinal),
        row.name_en,
    )


def _stock_line(r: SarprasStock) -> StockLine:
    return cells.plain(StockLine, r)


def categories(session: Session, operation_id: int, lang: str = "id") -> tuple[Category, ...]:
    """The operation's categories in their order."""
    rows = session.scalars(
        select(SarprasCategory)
        .where(SarprasCategory.operation_id == operation_id)
        .order_by(SarprasCategory.ordinal, SarprasCategory.id)
    )
    return tuple(as_category(r, lang) for r in rows)


def stock(session: Session, operation_id: int, unit_id: int | None = None) -> tuple[StockLine, ...]:
    """Stored stock rows (of one unit, or all), as plain data."""
    stmt = select(SarprasStock).where(SarprasStock.operation_id == operation_id)
    if unit_id is not None:
        stmt = stmt.where(SarprasStock.unit_id == unit_id)
    return tuple(_stock_line(r) for r in session.scalars(stmt.order_by(SarprasStock.id)))


# --- writing ---------------------------------------------------------------------------------


class PartnerUnit(InvalidValue):
    """Sarpras are kept for Polri units only, not a partner force's. data: field, value
    (the unit's name), reason."""

    code = "sarpras.partner_unit"


@dataclass(frozen=True, slots=True)
class StockValue:
    """What a unit holds of a category: the key and the counts."""

    unit_id: int
    category_id: int
    baik: int = 0
    rusak_ringan: int = 0
    rusak_berat: int = 0
    laik_pakai: bool = True
    ammunition: int | None = None
    note: str | None = None


def _unit_of(session: Session, operation_id: int, unit_id: int) -> Unit:
    unit = row_in_operation(session, Unit, unit_id, operation_id)
    if unit.tree not in TREES:
        raise PartnerUnit(field="unit_id", value=unit.name, reason="partner")
    return unit


def check_value(session: Session, operation_id: int, v: StockValue) -> StockValue:
    """Refuse keys of another operation, negative counts, and ammunition where the category
    counts none; returns the value with its note trimmed."""
    _unit_of(session, operation_id, v.unit_id)
    cat = row_in_operation(session, SarprasCategory, v.category_id, operation_id)
    for name in ("baik", "rusak_ringan", "rusak_berat", "ammunition"):
        count = getattr(v, name)
        if count is not None and count < 0:
            raise InvalidValue(field=name, value=count, reason="negative")
    if v.ammunition is not None and not cat.has_ammunition:
        raise InvalidValue(field="ammunition", value=cat.name, reason="no_ammunition")
    note = (v.note or "").strip() or None
    return StockValue(
        v.unit_id,
        v.category_id,
        v.baik,
        v.rusak_ringan,
        v.rusak_berat,
        bool(v.laik_pakai),
        v.ammunition,
        note,
    )


def find_stock(session: Session, unit_id: int, category_id: int) -> SarprasStock | None:
    return session.scalars(
        select(SarprasStock).where(
            SarprasStock.unit_id == unit_id, SarprasStock.category_id == category_id
        )
    ).first()


def put_stock(
    session: Session, operation_id: int, value: StockValue, expected_version: int | None = None
) -> tuple[SarprasStock, bool]:
    """Create or change a stock row inside the caller's transaction; returns (row, changed)."""
    v = check_value(session, operation_id, value)
    fields = {
        "baik": v.baik,
        "rusak_ringan": v.rusak_ringan,
        "rusak_berat": v.rusak_berat,
        "laik_pakai": v.laik_pakai,
        "ammunition": v.ammunition,
        "note": v.note,
    }
    key = {"unit_id": v.unit_id, "category_id": v.category_id}
    return cells.put(session, SarprasStock, operation_id, key, fields, expected_version)


def set_stock(
    store: Store,
    actor: Actor,
    operation_id: int,
    value: StockValue,
    *,
    expected_version: int | None = None,
) -> StockLine:
    """Set what a unit holds of a category (journaled as "sarpras.set"); returns the row."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.set", operation_id=operation_id) as s:
        row, _ = put_stock(s, operation_id, value, expected_version)
        return _stock_line(row)


def clear_stock(
    store: Store, actor: Actor, stock_id: int, *, expected_version: int | None = None
) -> StockLine:
    """Remove a stock row (journaled as "sarpras.clear"); returns what it held."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.clear") as s:
        return cells.clear(s, SarprasStock, stock_id, expected_version, _stock_line)
