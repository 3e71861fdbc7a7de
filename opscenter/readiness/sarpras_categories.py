"""The sarpras categories of an operation as an editable list (``opscenter.reference_lists``:
add, rename, move, remove, put back), each category's group, measure and ammunition flag, and
its requirement rule (``opscenter.readiness.sarpras_figures`` counts what a rule requires).
Every write needs "readiness.edit", is journaled, and refuses a stale edit
(``expected_version`` is the version the user's screen showed).
"""

from __future__ import annotations

from sqlalchemy import func, select

from opscenter import reference_lists
from opscenter.actor import Actor
from opscenter.editing import fetch_for_edit
from opscenter.errors import InvalidValue
from opscenter.model.readiness import RULE_BASES, SARPRAS_GROUPS, SarprasCategory, SarprasStock
from opscenter.permissions import require
from opscenter.readiness.sarpras import PERMISSION, Category, as_category
from opscenter.reference_lists import ListItem, Removed
from opscenter.store import Store


def _check_rule(basis: str | None, quantity: int, per: int) -> None:
    if basis is not None and basis not in RULE_BASES:
        raise InvalidValue(field="rule_basis", value=basis, reason="unknown")
    if quantity < 0:
        raise InvalidValue(field="rule_quantity", value=quantity, reason="negative")
    if per < 1:
        raise InvalidValue(field="rule_per", value=per, reason="not_positive")


def set_rule(
    store: Store,
    actor: Actor,
    category_id: int,
    basis: str | None,
    quantity: int,
    per: int,
    *,
    expected_version: int | None,
    lang: str = "id",
) -> Category:
    """Change a category's requirement rule: ``quantity`` items per ``per`` of ``basis``
    (None: no requirement). Journaled as "sarpras.rule"."""
    require(actor, PERMISSION)
    _check_rule(basis, quantity, per)
    with store.transaction(actor, "sarpras.rule") as s:
        row = fetch_for_edit(s, SarprasCategory, category_id, expected_version)
        row.rule_basis = basis
        row.rule_quantity = quantity
        row.rule_per = per
        s.flush()
        return as_category(row, lang)


# The measure column's length ("unit", "buah", "pucuk" ...).
MEASURE_LENGTH = 20


class AmmunitionCounted(InvalidValue):
    """A category's ammunition flag was not turned off: stock rows of it still carry an
    ammunition count (kept, they would be counts the category no longer takes; dropped,
    they would be lost). data: field, value, reason, name (the category), count (rows)."""

    code = "sarpras.ammunition_counted"


def _kind_fields(group: str, measure: str, has_ammunition: bool) -> dict[str, object]:
    """A category's group, measure and ammunition flag as stored; refuses an unknown group
    and an empty or too long measure."""
    if group not in SARPRAS_GROUPS:
        raise InvalidValue(field="group", value=group, reason="unknown")
    cleaned = reference_lists.clean_name(measure, "measure")
    if len(cleaned) > MEASURE_LENGTH:
        raise InvalidValue(field="measure", value=measure, reason="measure_too_long")
    return {"grp": group, "measure": cleaned, "has_ammunition": bool(has_ammunition)}


def add_category(
    store: Store,
    actor: Actor,
    operation_id: int,
    code: str,
    name: str,
    group: str,
    *,
    measure: str = "unit",
    name_en: str | None = None,
    has_ammunition: bool = False,
    lang: str = "id",
) -> Category:
    """Add a category at the end of the list, with no rule yet (journaled as
    "sarpras.category_add"; ``opscenter.reference_lists`` checks the code and names)."""
    require(actor, PERMISSION)
    fields = {
        **_kind_fields(group, measure, has_ammunition),
        "rule_basis": None,
        "rule_quantity": 1,
        "rule_per": 1,
    }
    with store.transaction(actor, "sarpras.category_add", operation_id=operation_id) as s:
        row = reference_lists.add(
            s, SarprasCategory, operation_id, code, name, name_en, fields=fields
        )
        return as_category(row, lang)


def rename_category(
    store: Store,
    actor: Actor,
    category_id: int,
    name: str,
    name_en: str | None = None,
    *,
    expected_version: int | None,
    lang: str = "id",
) -> Category:
    """Rename a category (journaled as "sarpras.category_rename"); its code stays."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.category_rename") as s:
        row = reference_lists.rename(
            s, SarprasCategory, category_id, name, name_en, expected_version
        )
        return as_category(row, lang)


def change_category(
    store: Store,
    actor: Actor,
    category_id: int,
    group: str,
    measure: str,
    has_ammunition: bool,
    *,
    expected_version: int | None,
    lang: str = "id",
) -> Category:
    """Change a category's group, its measure and whether its stock counts ammunition
    (journaled as "sarpras.category_change"); its code, names and rule stay. The flag is
    not turned off while a stock row of the category carries an ammunition count."""
    require(actor, PERMISSION)
    fields = _kind_fields(group, measure, has_ammunition)
    with store.transaction(actor, "sarpras.category_change") as s:
        row = fetch_for_edit(s, SarprasCategory, category_id, expected_version)
        if row.has_ammunition and not has_ammunition:
            counted = s.scalar(
                select(func.count())
                .select_from(SarprasStock)
                .where(SarprasStock.category_id == row.id, SarprasStock.ammunition.is_not(None))
            )
            if counted:
                raise AmmunitionCounted(
                    field="has_ammunition",
                    value=row.code,
                    reason="ammunition_counted",
                    name=row.name,
                    count=int(counted),
                )
        for key, value in fields.items():
            setattr(row, key, value)
        s.flush()
        return as_category(row, lang)


def move_category(
    store: Store, actor: Actor, category_id: int, step: int, *, expected_version: int | None
) -> tuple[ListItem, ...]:
    """Move a category one place up (-1) or down (+1) (journaled as
    "sarpras.category_move"); returns the rows whose version changed, the category first."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.category_move") as s:
        return reference_lists.move(s, SarprasCategory, category_id, step, expected_version)


def remove_category(
    store: Store, actor: Actor, category_id: int, *, expected_version: int | None
) -> Removed:
    """Remove a category no unit holds a stock row of (journaled as
    "sarpras.category_remove"); returns what it held, for an undo."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.category_remove") as s:
        return reference_lists.remove(s, SarprasCategory, category_id, expected_version)


def restore_category(
    store: Store, actor: Actor, operation_id: int, removed: Removed, lang: str = "id"
) -> Category:
    """A removed category again, in its place, with its group and rule (an undo; journaled
    as "sarpras.category_add")."""
    require(actor, PERMISSION)
    with store.transaction(actor, "sarpras.category_add", operation_id=operation_id) as s:
        return as_category(
            reference_lists.put_back(s, SarprasCategory, operation_id, removed), lang
        )
