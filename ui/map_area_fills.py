"""The colours and hover figures of the map's area layers over the kabupaten/kota (the TPS
watch colours the kecamatan: ``ui.map_watch``):

* vulnerability (Polri's ratings) of a stage, for one aspect or the highest across aspects,
  from the stages view's read (``opscenter.stage_view.stage_ratings``);
* Bawaslu's IKP (Indeks Kerawanan Pemilu) of the stage, from the same read, on its level's
  colour with its score: Bawaslu's measure of the election process, never mixed with Polri's;
* strength balance per Polres area: the board's figures (``Overview.strength``), over the
  regions each Polres answers for (``opscenter.units.unit_areas``): deficit red, surplus green;
* readiness per Polres area: each Polres's overall level in the readiness matrix
  (``opscenter.readiness.matrix.readiness``, the readiness panel's read and colours).

Each takes what the map shows (``MapShown``) and gives region code -> colour, and region
code -> its figures (the region's hover text).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from opscenter.overview import UnitStrengthRow
from opscenter.stage_view import Matrix
from ui import theme
from ui.map_read import MapShown
from ui.readiness_model import LEVEL_COLOURS, full_level
from ui.translations import translator

_tr = translator("MapPanel")

Fills = tuple[dict[str, QColor], dict[str, str]]


def balance_colour(balance: int) -> QColor:
    if balance < 0:
        return QColor(theme.DEFICIT)
    if balance > 0:
        return QColor(theme.SURPLUS)
    return QColor(theme.GOLD)


def strength_figures(row: UnitStrengthRow) -> dict[str, int]:
    """The figures a unit's strength line names: its police available and required, and the
    balance (the regions' and the units' hover texts)."""
    return {
        "available": row.police_available,
        "required": row.police_required,
        "balance": row.balance,
    }


def rated_regions(shown: MapShown) -> Iterator[tuple[Matrix, int, str]]:
    """The stage's ratings with each kabupaten/kota that has a shape: (matrix, region
    id, its code on the map)."""
    read = shown.read
    matrix = read.matrix if read else None
    for region in matrix.regions if matrix is not None else ():
        code = shown.codes.get(region.id)
        if matrix is not None and code is not None:
            yield matrix, region.id, code


def vulnerability_fills(shown: MapShown, aspect: int | None) -> Fills:
    """Region code -> colour of its level (``aspect``'s, or the highest when None), and the
    figures under its name."""
    fills: dict[str, QColor] = {}
    figures: dict[str, str] = {}
    for matrix, region_id, code in rated_regions(shown):
        if aspect is None:
            level = matrix.highest(region_id)
        else:
            cell = matrix.cell(region_id, aspect)
            level = matrix.level(cell.level_id) if cell else None
        lines = [_tr("Kerawanan, {stage}:").format(stage=matrix.stage.name)]
        for a in matrix.aspects:
            cell = matrix.cell(region_id, a.id)
            value = matrix.level(cell.level_id).name if cell else _tr("belum dinilai")
            lines.append(f"  {a.name}: {value}")
        figures[code] = "\n".join(lines)
        if level is not None:
            fills[code] = QColor(level.colour)
    return fills, figures


def bawaslu_fills(shown: MapShown) -> Fills:
    """Region code -> the colour of the level of Bawaslu's IKP for the stage, and its
    score (Bawaslu's own measure: never mixed with Polri's ratings)."""
    fills: dict[str, QColor] = {}
    figures: dict[str, str] = {}
    locale = QLocale()
    for matrix, region_id, code in rated_regions(shown):
        rating = matrix.bawaslu(region_id)
        if rating is None:
            figures[code] = _tr("IKP Bawaslu, {stage}: belum ada").format(stage=matrix.stage.name)
            continue
        level = matrix.level(rating.level_id)
        fills[code] = QColor(level.colour)
        score = locale.toString(rating.score, "f", 1) if rating.score is not None else "\u2014"
        figures[code] = _tr("IKP Bawaslu, {stage}: {score} ({level})").format(
            stage=matrix.stage.name, score=score, level=level.name
        )
    return fills, figures


def strength_fills(shown: MapShown) -> Fills:
    """Region code -> the balance colour of the Polres answering for it."""
    read = shown.read
    fills: dict[str, QColor] = {}
    figures: dict[str, str] = {}
    if read is None:
        return fills, figures
    for row in shown.strength:
        for region_id in read.areas.get(row.unit_id, ()):
            code = shown.codes.get(region_id)
            if code is None:
                continue
            fills[code] = balance_colour(row.balance)
            figures[code] = _tr(
                "{unit}: kekuatan {available}, kebutuhan {required}, selisih {balance:+d}"
            ).format(unit=row.name, **strength_figures(row))
    return fills, figures


def readiness_fills(shown: MapShown) -> Fills:
    """Region code -> the colour of the overall readiness level of the Polres answering
    for it (its worst aspect, as the readiness matrix rolls it up)."""
    read = shown.read
    fills: dict[str, QColor] = {}
    figures: dict[str, str] = {}
    matrix = read.readiness if read else None
    if read is None or matrix is None:
        return fills, figures
    for unit in matrix.units:
        level = unit.level
        for region_id in read.areas.get(unit.unit_id, ()):
            code = shown.codes.get(region_id)
            if code is None:
                continue
            if level in LEVEL_COLOURS:
                fills[code] = QColor(LEVEL_COLOURS[level])
            figures[code] = _tr("Kesiapan {unit}: {level}").format(
                unit=unit.name, level=full_level(level)
            )
    return fills, figures
