"""Precise updates of a table model's rows matched by key (STYLE.md: never a reset).

``ui.table_model.TableModel.set_rows`` runs it for every table model: gone rows are
removed, changed ones emit
``dataChanged``, new ones are inserted where they belong, and a changed order becomes a
layout change that carries persistent indexes along, so views keep selection and scroll.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex

R = TypeVar("R")


def runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as inclusive (first, last) runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    out: list[tuple[int, int]] = []
    for i in sorted(indices):
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def sync_keyed_rows(
    model: QAbstractItemModel,
    rows: list[R],
    new_rows: Sequence[R],
    key: Callable[[R], Hashable],
    column_count: int,
) -> None:
    """Make ``rows`` (the model's own list, changed in place) equal ``new_rows``, in their
    order, emitting only the signals for what changed."""
    new = {key(r): r for r in new_rows}
    order = list(new)
    root = QModelIndex()
    gone = [i for i, r in enumerate(rows) if key(r) not in new]
    for first, last in reversed(runs(gone)):
        model.beginRemoveRows(root, first, last)
        del rows[first : last + 1]
        model.endRemoveRows()
    changed = [i for i, r in enumerate(rows) if new[key(r)] != r]
    for i in changed:
        rows[i] = new[key(rows[i])]
    for first, last in runs(changed):
        model.dataChanged.emit(model.index(first, 0), model.index(last, column_count - 1))
    # Inserting in the new order at each key's new position rebuilds that order, as long
    # as the rows already shown kept their relative order (checked below).
    present = {key(r) for r in rows}
    pos = 0
    while pos < len(order):
        if order[pos] in present:
            pos += 1
            continue
        end = pos
        while end < len(order) and order[end] not in present:
            end += 1
        at = min(pos, len(rows))
        model.beginInsertRows(root, at, at + (end - pos) - 1)
        rows[at:at] = [new[k] for k in order[pos:end]]
        model.endInsertRows()
        pos = end
    if [key(r) for r in rows] != order:
        # Same rows, new order (a unit renamed or moved): a layout change.
        model.layoutAboutToBeChanged.emit()
        where = {k: i for i, k in enumerate(order)}
        old = [key(r) for r in rows]
        persistent = model.persistentIndexList()
        moved = [
            model.index(where[old[p.row()]], p.column()) if p.isValid() else QModelIndex()
            for p in persistent
        ]
        rows[:] = [new[k] for k in order]
        model.changePersistentIndexList(persistent, moved)
        model.layoutChanged.emit()
