"""The readiness matrix as a table: the Polda's roll-up first, then one row per unit; one
column per aspect and the overall level last.

Every cell names its level in words ("Siap", "Catatan", "Belum", "—" for none) on its level's
colour, worn by the theme (``ui.theme.cell_background``: dark at night); a judgement that
differs from what the data suggests is marked "*" (the tooltip says what the data suggests),
and overdue follow-ups add "⚠n". The roll-up row's cells add how many units stand at each
level ("5 · 1 · 1": siap · catatan · belum). Rows are keyed (``TableModel``): a live change
replaces only the rows that differ (``changed_rows`` finds them off the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from opscenter.board import UNIT_STATUS_FIELDS
from opscenter.live import JournalChanges
from opscenter.readiness.matrix import (
    SEVERITY,
    TOURED_KINDS,
    Cell,
    Readiness,
    RollUp,
    UnitReadiness,
)
from ui import theme
from ui.table_model import SORT_ROLE, AnyIndex, MatrixModel
from ui.translations import QT_TRANSLATE_NOOP, translator

# The key of the Polda's roll-up row (unit rows are keyed by unit id).
ROLLUP_KEY = "rekap"
NO_LEVEL = "\u2014"
OVERDUE_MARK = "\u26a0"
# Day colours of the levels (the night theme darkens them under its light text).
LEVEL_COLOURS = {
    "siap": theme.SURPLUS,
    "catatan": QColor("#f9a825"),
    "belum": theme.DEFICIT,
}
# Short labels (cells) and full ones (the form, the evidence pane), Indonesian first.
SHORT_LEVELS = {
    "siap": QT_TRANSLATE_NOOP("ReadinessModel", "Siap"),
    "catatan": QT_TRANSLATE_NOOP("ReadinessModel", "Catatan"),
    "belum": QT_TRANSLATE_NOOP("ReadinessModel", "Belum"),
}
FULL_LEVELS = {
    "siap": QT_TRANSLATE_NOOP("ReadinessModel", "Siap"),
    "catatan": QT_TRANSLATE_NOOP("ReadinessModel", "Siap dengan catatan"),
    "belum": QT_TRANSLATE_NOOP("ReadinessModel", "Belum siap"),
}


_tr = translator("ReadinessModel")


# Journal entities the matrix is computed from (a change of anything else is not read).
ENTITIES = frozenset(
    {
        "operation",
        "readiness_judgement",
        "readiness_aspect",
        "sarpras_stock",
        "sarpras_category",
        "budget_allocation",
        "budget_index",
        "budget_realisation",
        "budget_component",
        "inspection_visit",
        "inspection_finding",
        "unit",
        "personnel",
        "polling_station",
        "bko_assignment",
        "tps_category",
        "stage",
    }
)


def matters(changes: JournalChanges) -> bool:
    """Whether a change set can move the matrix: not units of which only the status changed
    (hundreds a minute on voting night, and no readiness figure depends on them)."""
    entities = set(changes.rows) & ENTITIES
    touched = changes.fields.get("unit")
    if touched is not None and touched <= UNIT_STATUS_FIELDS:
        entities.discard("unit")
    return bool(entities)


def short_level(level: str | None) -> str:
    return _tr(SHORT_LEVELS[level]) if level in SHORT_LEVELS else NO_LEVEL


def full_level(level: str | None) -> str:
    return _tr(FULL_LEVELS[level]) if level in FULL_LEVELS else _tr("Tanpa tingkat")


def counts_text(counts: Mapping[str, int]) -> str:
    """ "5 siap · 1 catatan · 1 belum" (and "2 tanpa data" when some have no level)."""
    parts = [
        _tr("{n} siap").format(n=counts.get("siap", 0)),
        _tr("{n} catatan").format(n=counts.get("catatan", 0)),
        _tr("{n} belum").format(n=counts.get("belum", 0)),
    ]
    if counts.get(""):
        parts.append(_tr("{n} tanpa data").format(n=counts[""]))
    return " \u00b7 ".join(parts)


class Column(IntEnum):
    """Fixed columns; the aspects are data and follow UNIT as 1..n, the overall level last."""

    UNIT = 0
    FIRST_ASPECT = 1


@dataclass(frozen=True, slots=True)
class RollUpRow:
    """The Polda's row: per aspect the worst level and the counts; overall likewise."""

    name: str
    rollup: Mapping[int, RollUp]
    overall: RollUp


MatrixRow = UnitReadiness | RollUpRow
# Which rows a matrix shows (None: every one); plain, so that a read off the GUI thread
# builds the same rows as the model.
RowFilter = Callable[[MatrixRow], bool]


def row_key(row: MatrixRow) -> int | str:
    return ROLLUP_KEY if isinstance(row, RollUpRow) else row.unit_id


def on_wall(row: MatrixRow) -> bool:
    """A row the wall shows: the roll-up, every Polres (a Polsek under a Polres running its
    own operation), and another unit (a Satgas, the Polda's reserves) only where some aspect
    has a level: a row of "—" tells the room nothing, and ten of them paged the Polres away."""
    return isinstance(row, RollUpRow) or row.kind in TOURED_KINDS or row.level is not None


def matrix_rows(r: Readiness, keep: RowFilter | None = None) -> list[MatrixRow]:
    """The roll-up row, then the units in the core's order (those ``keep`` keeps; the
    roll-up still counts them all)."""
    overall_counts: dict[str, int] = {}
    for u in r.units:
        key = u.level or ""
        overall_counts[key] = overall_counts.get(key, 0) + 1
    overdue = sum(x.overdue_findings for x in r.rollup.values())
    overall = RollUp(-1, r.level, overall_counts, overdue)
    name = _tr("{polda} (rekap)").format(polda=r.polda_name or _tr("Polda"))
    rows: list[MatrixRow] = [RollUpRow(name, r.rollup, overall), *r.units]
    return rows if keep is None else [row for row in rows if keep(row)]


def changed_rows(shown: Sequence[MatrixRow], fresh: Sequence[MatrixRow]) -> list[int] | None:
    """Positions whose row differs between ``shown`` and ``fresh`` (plain data: safe on a
    worker thread); None when the rows themselves differ (units added, removed, moved)."""
    if len(shown) != len(fresh) or any(
        row_key(a) != row_key(b) for a, b in zip(shown, fresh, strict=True)
    ):
        return None
    return [i for i, (a, b) in enumerate(zip(shown, fresh, strict=True)) if a != b]


VOWELS = frozenset("aeiouAEIOU")


def _hyphenate(word: str) -> str:
    """A long single word on two lines at the syllable break nearest its middle (a vowel,
    then a consonant that opens the next syllable): "Perencanaan" -> "Perenca-\nnaan"."""
    breaks = [
        i
        for i in range(2, len(word) - 2)
        if word[i - 1] in VOWELS and word[i] not in VOWELS and word[i + 1] in VOWELS
    ]
    if not breaks:
        return word
    at = min(breaks, key=lambda i: abs(i - len(word) / 2))
    return word[:at] + "-\n" + word[at:]


def header_label(name: str, line: int = 9) -> str:
    """An aspect's name on short lines for a narrow column, without its parenthesis (the
    tooltip has it whole): words wrap at ``line`` letters, and a longer word is hyphenated:
    "Latihan pra operasi" -> "Latihan\npra\noperasi", "Kesiapan masyarakat" ->
    "Kesiapan\nmasya-\nrakat", "Perencanaan (Renops, ...)" -> "Perenca-\nnaan"."""
    lines: list[str] = []
    for word in name.split(" (")[0].split():
        if len(word) > line:
            lines += _hyphenate(word).split("\n")
        elif lines and len(lines[-1]) + 1 + len(word) <= line and not lines[-1].endswith("-"):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


class ReadinessModel(MatrixModel[MatrixRow]):
    """The matrix of one ``Readiness`` (see the module docstring)."""

    columns = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(row_key, parent)
        self._readiness: Readiness | None = None
        self.keep: RowFilter | None = None  # the rows shown (``matrix_rows``)

    @property
    def readiness(self) -> Readiness | None:
        return self._readiness

    def set_readiness(self, r: Readiness | None) -> None:
        """A new matrix: aspects changed -> reset; otherwise rows updated by key."""
        old = self._readiness
        same_columns = old is not None and r is not None and old.aspects == r.aspects
        self._readiness = r
        rows = matrix_rows(r, self.keep) if r is not None else []
        if same_columns:
            self.set_rows(rows)
        else:
            self.reset_rows(rows)

    def apply_rows(self, r: Readiness, rows: Sequence[MatrixRow], changed: Iterable[int]) -> None:
        """Show ``r`` whose rows equal the shown ones but at ``changed`` (``changed_rows``):
        only those rows are replaced and repainted."""
        self._readiness = r
        for i in changed:
            self.replace_row(i, rows[i])

    # -- columns ------------------------------------------------------------------------------

    def aspect_count(self) -> int | None:
        return None if self._readiness is None else len(self._readiness.aspects)

    def overall_column(self) -> int:
        return self.last_column()

    def aspect_at(self, column: int) -> int | None:
        """The aspect id of ``column`` (None: the unit or overall column)."""
        r = self._readiness
        a = column - Column.FIRST_ASPECT
        return r.aspects[a].id if r is not None and 0 <= a < len(r.aspects) else None

    def column_of(self, aspect_id: int | None) -> int:
        r = self._readiness
        if r is not None:
            for i, a in enumerate(r.aspects):
                if a.id == aspect_id:
                    return Column.FIRST_ASPECT + i
        return self.overall_column()

    def headers(self) -> list[tuple[str, str]]:
        r = self._readiness
        if r is None:
            return []
        unit = (_tr("Satuan"), _tr("Polres dan satuan Polda yang dinilai"))
        aspects = [(header_label(a.name), a.name) for a in r.aspects]
        overall = (_tr("Semua\naspek"), _tr("Keseluruhan: aspek terburuk satuan ini"))
        return [unit, *aspects, overall]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- cells --------------------------------------------------------------------------------

    def cell_at(self, index: AnyIndex) -> Cell | None:
        """The unit's cell under ``index`` (None: the roll-up row, a name or overall cell)."""
        row = self.row_at(index.row()) if index.isValid() else None
        aspect = self.aspect_at(index.column()) if index.isValid() else None
        if not isinstance(row, UnitReadiness) or aspect is None:
            return None
        return row.cells.get(aspect)

    def cell(self, row: MatrixRow, column: int, role: int) -> Any:
        if column == Column.UNIT:
            return self._name(row, role)
        aspect = self.aspect_at(column)
        if isinstance(row, RollUpRow):
            up = row.overall if aspect is None else row.rollup.get(aspect)
            return self._rollup(up, role) if up is not None else None
        if aspect is None:
            overdue = sum(c.overdue_findings for c in row.cells.values())
            return self._level(row.level, "", overdue, role, _tr("Aspek terburuk satuan ini"))
        c = row.cells.get(aspect)
        if c is None:
            return None
        mark = "*" if c.overridden else ""
        tip = ""
        if c.overridden:
            tip = _tr("Penilaian petugas; data menunjukkan: {level}").format(
                level=full_level(c.derived)
            )
        elif c.judgement is None and c.level is not None:
            tip = _tr("Dari data; belum dinilai petugas")
        return self._level(c.level, mark, c.overdue_findings, role, tip)

    def _name(self, row: MatrixRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return row.name
        if role == Qt.ItemDataRole.FontRole and isinstance(row, RollUpRow):
            return self._bold
        return None

    def _level(self, level: str | None, mark: str, overdue: int, role: int, tip: str) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            text = short_level(level) + mark
            return f"{text}{OVERDUE_MARK}{overdue}" if overdue else text
        if role == SORT_ROLE:
            return SEVERITY[level] if level is not None else -1
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [full_level(level) + (f": {tip}" if tip else "")]
            if overdue:
                lines.append(_tr("{n} tindak lanjut lewat tenggat").format(n=overdue))
            return "\n".join(lines)
        return self._look(level, role)

    def _rollup(self, up: RollUp, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.DisplayRole:
            counts = up.counts
            if up.level is None:
                return NO_LEVEL  # no unit has a level on it: nothing to count
            # The level over the counts, set close with thin spaces, so that a column is no
            # wider than a unit's "Catatan*⚠1" (the roll-up's overdue count is in its tooltip).
            return (
                short_level(up.level)
                + "\n"
                + "\u2009\u00b7\u2009".join(
                    str(counts.get(lv, 0)) for lv in ("siap", "catatan", "belum")
                )
            )
        if role == SORT_ROLE:
            return SEVERITY[up.level] if up.level is not None else -1
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = full_level(up.level) + "\n" + counts_text(up.counts)
            if up.overdue_findings:
                tip += "\n" + _tr("{n} tindak lanjut lewat tenggat").format(n=up.overdue_findings)
            return tip
        return self._look(up.level, role)

    def _look(self, level: str | None, role: int) -> Any:
        return level_look(level, role)


def level_look(level: str | None, role: int) -> Any:
    """A level cell's alignment and colours in the theme being worn (None: not this role);
    the matrix and the units board's readiness column both paint with it."""
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignCenter)
    colour = LEVEL_COLOURS.get(level) if level is not None else None
    if colour is None:
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(theme.text_colour(theme.MUTED))
        return None
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(theme.cell_background(colour))
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(theme.cell_text(colour))
    return None
