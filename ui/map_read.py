"""The operation map's background read: what one read brings (``MapRead``, plain data, read
off the GUI thread by ``read_map``) and what the map shows of it (``MapShown``: the last read
with the shapes, places and strength figures it keeps between reads)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from opscenter import incident_log, stage_view
from opscenter.board import UnitsOnMap, units_on_map
from opscenter.errors import NoOperation, NotFound
from opscenter.geo import Boundary, operation_boundaries
from opscenter.geo.places import Point, region_points
from opscenter.geo.tps import TpsRead, read_tps
from opscenter.incident_log import IncidentFilter, IncidentRow
from opscenter.overview import UnitStrengthRow
from opscenter.readiness.matrix import Readiness, readiness
from opscenter.stage_view import Matrix, Timeline
from opscenter.units import unit_areas
from opscenter.watch.progress import Watch, watch


@dataclass(frozen=True)
class MapRead:
    """What one background read brings: plain data only."""

    timeline: Timeline
    stage_id: int | None  # the stage shown
    matrix: Matrix | None
    incidents: tuple[IncidentRow, ...]
    areas: Mapping[int, set[int]]  # Polres unit id -> kabupaten/kota ids
    # None: the shapes were not read again (unchanged since the last read).
    kabkota: Mapping[int, Boundary] | None = None
    # Region id -> where its incidents sit (``opscenter.geo.places``); read with the shapes.
    places: Mapping[int, Point] | None = None
    # The readiness matrix (None: the layer is off, so it was not read).
    readiness: Readiness | None = None
    # The TPS layer's figures (None: the layer is off, so they were not read).
    tps: TpsRead | None = None
    # The units layer's units and BKO (None: the layer is off, so they were not read).
    units: UnitsOnMap | None = None
    # The TPS watch (None: its layer is off, so it was not read).
    watch: Watch | None = None
    # The kecamatan's shapes, for the watch (None: not read again).
    kecamatan: Mapping[int, Boundary] | None = None


@dataclass
class MapShown:
    """What the map shows: the last read, the shapes and places it keeps while later reads
    leave them out, the board's strength figures, and each shown region's code on the map."""

    read: MapRead | None = None
    kabkota: Mapping[int, Boundary] = field(default_factory=dict)
    kecamatan: Mapping[int, Boundary] = field(default_factory=dict)
    places: Mapping[int, Point] = field(default_factory=dict)
    strength: tuple[UnitStrengthRow, ...] = ()
    codes: dict[int, str] = field(default_factory=dict)  # region id -> code on the map
    ids: dict[str, int] = field(default_factory=dict)  # and back


def read_map(
    session: Session,
    *,
    now: datetime,
    lang: str,
    stage_id: int | None,
    shapes: bool,
    with_readiness: bool = False,
    reuse: Readiness | None = None,
    changed: Collection[str] = (),
    with_tps: bool = False,
    reuse_tps: TpsRead | None = None,
    with_units: bool = False,
    with_watch: bool = False,
    kecamatan_shapes: bool = False,
) -> MapRead | None:
    """The map's data for the operation shown (None: there is none yet).

    ``with_readiness``: read the readiness matrix too (expensive at national scale), keeping
    what ``changed`` does not move from ``reuse`` (``readiness(reuse=...)``); ``with_tps``:
    the TPS per kecamatan, likewise from ``reuse_tps``; ``with_watch``: the TPS watch at
    ``now``, with the kecamatan's shapes when ``kecamatan_shapes``."""
    try:
        tl = stage_view.timeline(session, now=now, lang=lang)
    except (NoOperation, NotFound):
        return None
    if stage_id is not None and tl.stage(stage_id) is None:
        stage_id = None  # the chosen stage was deleted
    shown = stage_id if stage_id is not None else tl.current_stage_id
    if shown is None:
        voting = next((st for st in tl.stages if st.is_voting), None)
        shown = voting.id if voting else (tl.stages[0].id if tl.stages else None)
    op = tl.operation_id
    matrix = stage_view.stage_ratings(session, op, shown, lang=lang) if shown else None
    incidents = incident_log.query(session, op, IncidentFilter(stage_id=shown), lang=lang)
    matrix_read = (
        readiness(session, op, lang=lang, reuse=reuse, changed=changed) if with_readiness else None
    )
    return MapRead(
        timeline=tl,
        stage_id=shown,
        matrix=matrix,
        incidents=tuple(incidents),
        areas=unit_areas(session, op),
        kabkota=operation_boundaries(session, op, "kabkota") if shapes else None,
        places=region_points(session, op) if shapes else None,
        readiness=matrix_read,
        tps=(
            read_tps(
                session,
                op,
                lang=lang,
                inputs=matrix_read.inputs if matrix_read is not None else None,
                reuse=reuse_tps,
                changed=changed,
            )
            if with_tps
            else None
        ),
        units=units_on_map(session, op, shown, lang=lang) if with_units else None,
        watch=watch(session, op, now) if with_watch else None,
        kecamatan=(
            operation_boundaries(session, op, "kecamatan")
            if with_watch and kecamatan_shapes
            else None
        ),
    )
