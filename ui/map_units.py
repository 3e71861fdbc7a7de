"""The map's units layer: each Polri unit's headquarters as a small square in its status
colour (the board's status colours, ``opscenter.board.units_on_map``) at its seat
(``opscenter.units.unit_seats``: a Polsek at its kecamatan's point, a Polres at its
kabupaten/kota's, Brimob and the Polda's staff at the Polda's, the Satgas too), units at one
seat on a spiral around it, the Polsek and Satgas only once zoomed in enough; the BKO in force
for the stage as arrows from the lending to the receiving unit, as wide as the people lent;
with their hover texts and the layer's legend."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor

from opscenter.board import UnitRow, UnitsOnMap
from opscenter.geo.places import Point, spread
from ui import theme
from ui.map_area_fills import strength_figures
from ui.map_colours import colours
from ui.map_layers import MapFlow, MapUnit
from ui.map_read import MapShown
from ui.translations import translator

# Units at one seat (the Polda, Brimob, the staff) sit on a spiral around it (degrees),
# wider than the incidents' (``ui.map_incidents.SPREAD_DEG``): their squares are larger.
UNIT_SPREAD_DEG = 0.05
# A unit's square (pixels) by echelon; the kinds drawn only once zoomed in enough.
UNIT_SIDES = {"polda": 15.0, "polres": 12.0, "polresta": 12.0, "polsek": 8.0, "subsatgas": 8.0}
UNIT_SIDE = 10.0
ZOOMED_KINDS = frozenset({"polsek", "satgas", "subsatgas"})

_tr = translator("MapPanel")


def flow_width(people: int) -> float:
    """A BKO arrow's width (pixels): 2.5 for one person, growing with the square root of
    the people lent, at most 8 (60 Brimob: 8)."""
    return min(8.0, 1.5 + math.sqrt(max(1, people)))


def flow_colour() -> QColor:
    """The BKO arrows' colour (the map's hover colour: navy by day, gold at night)."""
    return QColor(colours().hover)


def unit_colour(row: UnitRow) -> QColor:
    """A unit's square: its status's colour (the board's), muted without a status."""
    return QColor(row.status_colour) if row.status_colour else QColor(theme.MUTED)


def units_legend(units: UnitsOnMap) -> list[tuple[QColor, str]]:
    return (
        [(QColor(st.colour), st.name) for st in units.statuses]
        + [(QColor(theme.MUTED), _tr("Belum ada status"))]
        + [
            (
                flow_colour(),
                _tr("Panah: BKO dari satuan pemberi ke penerima, setebal jumlah personel"),
            )
        ]
    )


def unit_places(shown: MapShown) -> dict[int, Point]:
    """Unit id -> where its square sits: its seat's point; units at one seat on a
    spiral around it, in the board's order (the commands nearest)."""
    read = shown.read
    units = read.units if read else None
    if units is None:
        return {}
    rows = [r for r in units.rows if units.seats.get(r.id) in shown.places]
    places = [shown.places[units.seats[r.id]] for r in rows]
    return {
        r.id: spot
        for r, spot in zip(rows, spread(places, UNIT_SPREAD_DEG), strict=True)
        if spot is not None
    }


def unit_marks(shown: MapShown) -> tuple[list[MapUnit], list[MapFlow]]:
    """Each placed unit's square and each BKO's arrow, with their hover texts."""
    read = shown.read
    units = read.units if read else None
    if units is None:
        return [], []
    names = {r.id: r.name for r in units.rows}
    strength = {row.unit_id: row for row in shown.strength}
    incoming: dict[int, list[str]] = {}
    outgoing: dict[int, list[str]] = {}
    flows = []
    for src, dst, people in units.bko:
        lender, receiver = names.get(src, "?"), names.get(dst, "?")
        incoming.setdefault(dst, []).append(
            _tr("BKO masuk: {n} personel dari {unit}").format(n=people, unit=lender)
        )
        outgoing.setdefault(src, []).append(
            _tr("BKO keluar: {n} personel ke {unit}").format(n=people, unit=receiver)
        )
        flows.append(
            MapFlow(
                src,
                dst,
                flow_width(people),
                _tr("BKO {n} personel: {lender} \u2192 {receiver}").format(
                    n=people, lender=lender, receiver=receiver
                ),
            )
        )
    places = unit_places(shown)
    marks = []
    for row in units.rows:
        place = places.get(row.id)
        if place is None:
            continue
        lines = [row.name, _tr("Status: {status}").format(status=_status_name(row))]
        figures = strength.get(row.id)
        if figures is not None:
            lines.append(
                _tr("Kekuatan {available}, kebutuhan {required}, selisih {balance:+d}").format(
                    **strength_figures(figures)
                )
            )
        lines += incoming.get(row.id, []) + outgoing.get(row.id, [])
        marks.append(
            MapUnit(
                row.id,
                place[0],
                place[1],
                unit_colour(row),
                side=UNIT_SIDES.get(row.kind, UNIT_SIDE),
                text="\n".join(lines),
                always=row.kind not in ZOOMED_KINDS,
            )
        )
    return marks, flows


def _status_name(row: UnitRow) -> str:
    return row.status_name or _tr("(belum ada)")
