"""The operation map's live updates: what a journal change set does to the map it shows.

``ui.live_updates.LiveUpdates`` decides when (shown, merged, retried); this decides what:

* a few incidents changed (one recorded, one closed) -> those are read on the GUI thread and
  their points redrawn, the layers' other data kept;
* only units' statuses changed -> those units are read and their squares recoloured;
* anything else the map shows -> the layers are read again off the GUI thread, the readiness
  matrix and the TPS keeping what the changes do not move, the shapes only when they changed.

``MapUpdates`` acts on ``ui.map_panel.MapPanel``'s read and on its ``ui.map_presenter``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from opscenter import incident_log
from opscenter.board import UNIT_STATUS_FIELDS, UnitsOnMap, reload_units
from opscenter.geo.tps import TPS_ENTITIES
from opscenter.incident_log import IncidentFilter
from opscenter.watch.progress import ENTITIES as WATCH_ENTITIES
from ui.map_read import MapRead
from ui.readiness_model import matters

if TYPE_CHECKING:
    from opscenter.live import JournalChanges
    from ui.map_panel import MapPanel

# Journal entities the map shows; a change to any of them re-reads the layers' data.
SHOWN = (
    "vulnerability_rating",
    "incident",
    "stage",
    "region",
    "aspect",
    "vulnerability_level",
    "severity",
    "unit",
    "unit_area",
    "bko_assignment",
    "operation",
    "region_boundary",  # Data > Impor batas wilayah: an imported shape wins over the shipped one
)
# Up to this many incidents changed at once are read on the GUI thread (a few rows), and
# only they; more (an import) re-read the layers in the background.
PRECISE_INCIDENTS = 20
# Entities that change the shapes themselves (read again only then).
SHAPES = ("region", "operation", "region_boundary")


class MapUpdates:
    """The map's precise updates (see the module docstring)."""

    def __init__(self, panel: MapPanel) -> None:
        self.panel = panel  # its read, switches and view are read and set here

    def apply(self, changes: JournalChanges) -> None:
        """Show what ``changes`` say changed (``LiveUpdates`` calls it when the map shows)."""
        panel = self.panel
        read = panel.map_read
        readiness_moved = (
            (
                panel.readiness.switch.isChecked()
                and read is not None
                and read.readiness is not None
                and matters(changes)
            )
            or (
                panel.tps.switch.isChecked()
                and read is not None
                and read.tps is not None
                and any(entity in changes for entity in TPS_ENTITIES)
            )
            or (
                panel.watch.switch.isChecked()
                and read is not None
                and read.watch is not None
                and any(entity in changes for entity in WATCH_ENTITIES)
            )
        )
        if not readiness_moved and not any(entity in changes for entity in SHOWN):
            return
        units = read.units if read is not None else None
        unit_fields = changes.fields.get("unit")
        if (
            read is not None
            and units is not None
            and not readiness_moved
            and set(changes.rows) & set(SHOWN) == {"unit"}
            and unit_fields is not None
            and unit_fields <= UNIT_STATUS_FIELDS
            and self._recolour_units(read, units, changes.ids("unit"))
        ):
            return
        ids = changes.ids("incident")
        only_incidents = set(changes.rows) & set(SHOWN) == {"incident"}
        if (
            read is not None
            and only_incidents
            and not readiness_moved
            and len(ids) <= PRECISE_INCIDENTS
        ):
            self._reread_incidents(read, ids)
            return
        if any(entity in changes for entity in SHAPES):
            panel._shapes_stale = True
        panel._read(changed=tuple(changes.rows), moves_readiness=matters(changes))

    def _reread_incidents(self, read: MapRead, ids: frozenset[int]) -> None:
        """A few incidents changed (one recorded, one closed): read those here and redraw
        the points; the layers' other data stands."""
        panel = self.panel
        with panel._store.read() as s:
            found = incident_log.query(
                s,
                read.timeline.operation_id,
                IncidentFilter(stage_id=read.stage_id),
                ids=ids,
                lang=panel._lang,
            )
        kept = tuple(r for r in read.incidents if r.id not in ids)
        panel._shown.read = replace(read, incidents=kept + tuple(found))
        if not panel.incidents.switch.isChecked():
            return
        points = panel._incident_points
        shown = [row for row in found if points.shown_on_map(row)]
        removed = ids - {row.id for row in shown}
        panel.view.update_points([points.point(row) for row in shown], removed=removed)
        # Drawn only within the period and up to the slider's time (live at its end).
        panel.presenter.timed.update([(row.occurred_at, row.id) for row in shown], removed)
        panel.presenter.show_replay()
        panel.presenter.show_severities()

    def _recolour_units(self, read: MapRead, units: UnitsOnMap, ids: frozenset[int]) -> bool:
        """Units whose status changed (only that): read those here and redraw the squares;
        False when one of them is new or moved under another parent (read everything)."""
        panel = self.panel
        with panel._store.read() as s:
            found = {
                r.id: r
                for r in reload_units(
                    s, ids, operation_id=read.timeline.operation_id, lang=panel._lang
                )
            }
        rows = {r.id: r for r in units.rows}
        if any(
            uid not in rows or uid not in found or found[uid].parent_id != rows[uid].parent_id
            for uid in ids
        ):
            return False
        kept = tuple(found.get(r.id, r) for r in units.rows)
        panel._shown.read = replace(read, units=replace(units, rows=kept))
        panel.presenter.show_units()
        return True
