"""The units board's columns: what each column number shows, and the roles both models serve.

A fixed ``Column`` IntEnum for the figures that always exist, and one column per TPS
category and per severity between them, because those lists are the operation's data
(DOMAIN.md: never constants in code). ``ColumnLayout`` maps a column number to its kind.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Qt

from opscenter.board import RefItem


class Column(IntEnum):
    """What a column shows. TPS and INCIDENTS repeat once per category / severity."""

    UNIT = 0
    STATUS = 1
    AVAILABLE = 2
    REQUIRED = 3
    BALANCE = 4
    TPS = 5
    INCIDENTS = 6
    CHANGED = 7
    READINESS = 8  # issue 15: the unit's overall readiness (its worst aspect)
    UNRATED = 9  # issue 18: TPS not yet rated (the KPU's list), after the category columns


# The unit id of a row, for selection and actions.
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Text the search box matches: name, code, status.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    """Column number -> (kind, position within the kind)."""

    categories: tuple[RefItem, ...] = ()
    severities: tuple[RefItem, ...] = ()

    def columns(self) -> list[tuple[Column, int]]:
        return _columns(len(self.categories), len(self.severities))

    def count(self) -> int:
        return 8 + len(self.categories) + len(self.severities)

    def first(self, kind: Column) -> int:
        """The column number of the first column of ``kind``."""
        return next(i for i, (k, _) in enumerate(self.columns()) if k is kind)


@functools.cache
def _layout(categories: int, severities: int) -> list[tuple[Column, int]]:
    # Called for every cell painted: built once per shape.
    out: list[tuple[Column, int]] = [
        (Column.UNIT, 0),
        (Column.STATUS, 0),
        (Column.AVAILABLE, 0),
        (Column.REQUIRED, 0),
        (Column.BALANCE, 0),
        (Column.READINESS, 0),
    ]
    out += [(Column.TPS, i) for i in range(categories)]
    out.append((Column.UNRATED, 0))
    out += [(Column.INCIDENTS, i) for i in range(severities)]
    out.append((Column.CHANGED, 0))
    return out


def _columns(categories: int, severities: int) -> list[tuple[Column, int]]:
    return _layout(categories, severities)
