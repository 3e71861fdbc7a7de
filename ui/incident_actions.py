"""The incidents panel's writes: a new incident, a follow-up, a status, the responding units,
the point (coordinates).

Each is saved on the write thread (``ui.pending.PendingWrite``); a refusal is said in one
sentence, and a stale one offers to apply the operator's change again on top of what the
other person saved. What is typed in the new-incident form survives a crash (the drafts
box, ``ui.unsaved.drafts_box``).

Undo: a status change, a change of responding units and a change of the incident's point
are ``QUndoCommand``s that run the core service again with the previous value (journaled,
like any edit). A new incident and a follow-up are not undoable: the log and its follow-ups
are append-only records of what was reported and said, and a mistake is corrected by a
further follow-up, not erased.

``IncidentActions`` is the panel's part that writes (``ui.incidents_panel.IncidentsPanel``
holds one); its methods act on the panel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from opscenter import incident_choices, incidents
from opscenter.drafts import Draft, draft_key
from opscenter.errors import OpsError, StaleEdit
from opscenter.incident_choices import Choice
from opscenter.incident_log import IncidentRow
from opscenter.incidents import IncidentDraft
from opscenter.messages import describe
from ui.confirm import confirm
from ui.error_dialog import refusal_box
from ui.incident_form import IncidentForm
from ui.pending import WriteCommand
from ui.translations import translator
from ui.unsaved import drafts_box

if TYPE_CHECKING:
    from ui.incidents_panel import IncidentsPanel

# Closing an incident of these severities asks first (``IncidentActions._may_close``).
SERIOUS_SEVERITIES = ("berat", "kritis")


_tr = translator("IncidentsPanel")


class IncidentActions:
    """The incidents panel's writes (see the module docstring)."""

    def __init__(self, panel: IncidentsPanel) -> None:
        self.panel = panel  # the rows shown, the detail pane, the write queue
        self._drafts_left: list[Draft] = []  # restored drafts still to open

    def _report(self, exc: OpsError) -> None:
        self.panel.last_error = describe(exc, self.panel._lang)
        self.panel.detail.show_error(self.panel.last_error)

    def _refused(self, exc: OpsError, incident_id: int, again: Callable[[], None]) -> None:
        """Say why; after a stale refusal re-read the incident and offer to apply the
        operator's change again on top of what the other person saved."""
        self._report(exc)
        if not isinstance(exc, StaleEdit):
            return
        self._refresh_ids([incident_id])
        self.panel.error_box = refusal_box(
            self.panel, _tr("Perubahan tidak disimpan"), self.panel.last_error or "", again
        )

    def _refresh_ids(self, ids: Sequence[int]) -> None:
        """After an edit in this panel: show it at once; the change feed's report of it is
        not read again (``LiveUpdates.note_read``), unless someone changed it meanwhile."""
        if self.panel.loading:
            self.panel._reread_after_load |= set(ids)  # the query may have read before the edit
        self.panel._reread(set(ids))

    def write_ended(self, _saved: bool) -> None:
        """The last pending write ended (saved, refused or failed): what a change reported
        meanwhile about an incident it was to read back is read now."""
        if not self.panel.writes.busy:
            late = self.panel.live.writes_over("incident")
            if late:
                self.panel._reread(late)

    def new_incident(self) -> None:
        if self.panel._choices is None:
            return
        choices = self.panel._choices
        store, actor = self.panel._store, self.panel._actor

        def submit(draft: IncidentDraft) -> int:
            return incidents.record(store, actor, draft)

        def tps_for(region_id: int | None) -> Sequence[Choice]:
            with store.read() as s:
                return incident_choices.tps_choices(s, choices.operation_id, region_id)

        self.panel.form = IncidentForm(
            choices, submit, clock=self.panel._clock, tps_for=tps_for, parent=self.panel
        )
        self.panel.form.saved.connect(self._recorded)
        self._keep_draft(self.panel.form)
        self.panel.form.open()

    # -- drafts: what is typed in the form survives a crash ---------------------------------

    def draft_key(self) -> str | None:
        """Which drafts belong here: this database and operation."""
        if self.panel._choices is None:
            return None
        return draft_key(self.panel._store.describe(), self.panel._choices.operation_id)

    def _keep_draft(self, form: IncidentForm) -> None:
        key = self.draft_key()
        if key is not None:
            form.keep_drafts(drafts_box(), key)
            form.finished.connect(self._next_draft)

    def restore_drafts(self, drafts: Sequence[Draft]) -> None:
        """Open the form on each draft in turn (the next when the last one is closed)."""
        self._drafts_left = list(drafts)
        self._next_draft()

    def _next_draft(self) -> None:
        left = self._drafts_left
        if not left or (self.panel.form is not None and self.panel.form.isVisible()):
            return
        draft = left.pop(0)
        self.new_incident()
        if self.panel.form is not None:
            self.panel.form.keep_drafts(drafts_box(), draft.key, draft.id)
            self.panel.form.set_fields(draft.fields)

    def _recorded(self, incident_id: int) -> None:
        self._refresh_ids([incident_id])
        self.panel.select_incident(incident_id)

    def _may_close(self, row: IncidentRow | None, code: str | None) -> bool:
        """Closing a Berat or Kritis incident asks first, naming it; anything else goes."""
        choices = self.panel._choices
        if row is None or code is None or choices is None or row.is_closed:
            return True
        severity = next((s.code for s in choices.severities if s.id == row.severity_id), "")
        if code not in choices.closed_statuses or severity not in SERIOUS_SEVERITIES:
            return True
        status = next((s.name for s in choices.statuses if s.code == code), code)
        return confirm(
            self.panel,
            _tr("Tutup kejadian {severity}").format(severity=row.severity_name),
            _tr(
                "Kejadian {code} ({severity}) \u201c{title}\u201d menjadi {status}: keluar dari "
                "kejadian terbuka di papan, ringkasan dan layar dinding."
            ).format(code=row.code, severity=row.severity_name, title=row.title, status=status),
            _tr("&Tutup kejadian"),
        )

    def add_follow_up(self, incident_id: int, text: str, status_code: str | None) -> None:
        """Save a follow-up on the write thread; the typed text stays until it is saved."""
        row = self.panel.model.incident(incident_id)
        if not self._may_close(row, status_code):
            return  # what was typed stays
        store, actor = self.panel._store, self.panel._actor
        version = row.version if (row and status_code) else None
        old = row.status_code if row is not None else None

        def saved(_done: object) -> None:
            self.panel.detail.follow_up_saved()
            # The note stays (the log is append-only); the status it set is undone as the
            # status box's is (the walk: closed this way, Ctrl+Z did nothing, unexplained).
            if status_code and old and old != status_code:
                self._push_status(incident_id, row.code if row else "", old, status_code)
            self._refresh_ids([incident_id])

        self.panel.live.expect("incident", {incident_id})
        self.panel.writes.submit(
            lambda: incidents.add_follow_up(
                store, actor, incident_id, text, status_code=status_code, expected_version=version
            ),
            on_saved=saved,
            on_refused=lambda exc: self._refused(
                exc, incident_id, lambda: self.add_follow_up(incident_id, text, status_code)
            ),
            button=self.panel.detail.follow_add,
        )

    def change_status(self, incident_id: int, code: str) -> None:
        """Save a status change on the write thread; once saved it goes on the undo stack."""
        row = self.panel.model.incident(incident_id)
        if row is None or row.status_code == code:
            return
        if not self._may_close(row, code):
            self.panel.detail.show_status(row.status_id)  # the list shows the status it still has
            return
        store, actor, old, version = (
            self.panel._store,
            self.panel._actor,
            row.status_code,
            row.version,
        )

        def saved(_done: object) -> None:
            self._push_status(incident_id, row.code, old, code)
            self._refresh_ids([incident_id])

        self.panel.live.expect("incident", {incident_id})
        self.panel.writes.submit(
            lambda: incidents.set_status(store, actor, incident_id, code, version),
            on_saved=saved,
            on_refused=lambda exc: self._refused(
                exc, incident_id, lambda: self.change_status(incident_id, code)
            ),
            button=self.panel.detail.status_apply,
        )

    def _push_status(self, incident_id: int, incident_code: str, old: str, new: str) -> None:
        """A saved status change onto the undo stack (pushed once saved: pushing runs
        nothing): undone, the status goes back to ``old``; redone, to ``new``."""
        store, actor = self.panel._store, self.panel._actor
        choices = self.panel._choices
        name = next((s.name for s in choices.statuses if s.code == new), new) if choices else new

        def to(status: str) -> Callable[[], object]:
            return lambda: incidents.set_status(store, actor, incident_id, status, None)

        self.panel._undo.push(
            WriteCommand(
                _tr("Status {n} menjadi {s}").format(n=incident_code, s=name),
                self.panel.writes,
                to(new),
                to(old),
                self._report,
                after=lambda _redone: self._refresh_ids([incident_id]),
            )
        )

    def set_units(self, incident_id: int, unit_ids: Sequence[int]) -> None:
        """Save the responding units on the write thread; once saved, undoable."""
        row = self.panel.model.incident(incident_id)
        if row is None:
            return
        store, actor, old, new = self.panel._store, self.panel._actor, row.unit_ids, tuple(unit_ids)
        if set(old) == set(new):
            return

        def to(ids: tuple[int, ...]) -> Callable[[], None]:
            return lambda: incidents.set_units(store, actor, incident_id, ids)

        def shown(redone: bool) -> None:
            self._refresh_ids([incident_id])
            if self.panel._selected_id == incident_id:
                self.panel.detail.units.set_checked(new if redone else old)

        def saved(_done: object) -> None:
            self.panel._undo.push(
                WriteCommand(
                    _tr("Satuan penanganan {n}").format(n=row.code),
                    self.panel.writes,
                    to(new),
                    to(old),
                    self._report,
                    after=shown,
                )
            )
            self._refresh_ids([incident_id])

        self.panel.live.expect("incident", {incident_id})
        self.panel.writes.submit(
            to(new),
            on_saved=saved,
            on_refused=self._report,
            button=self.panel.detail.units_apply,
        )

    def set_point(self, incident_id: int, point: tuple[int | None, int | None]) -> None:
        """Save the incident's point on the write thread (refused outside the operation's
        area, in a sentence); once saved, undoable: undo puts the previous point back."""
        row = self.panel.model.incident(incident_id)
        if row is None:
            return
        old = (row.latitude_e6, row.longitude_e6)
        if point == old:
            self.panel.detail.point_saved()
            return
        store, actor, version = self.panel._store, self.panel._actor, row.version

        def to(p: tuple[int | None, int | None], expected: int | None) -> Callable[[], int]:
            return lambda: incidents.update(
                store, actor, incident_id, expected, latitude_e6=p[0], longitude_e6=p[1]
            )

        def saved(_done: object) -> None:
            self.panel.detail.point_saved()
            self.panel._undo.push(
                WriteCommand(
                    _tr("Titik {n}").format(n=row.code),
                    self.panel.writes,
                    to(point, None),
                    to(old, None),
                    self._report,
                    after=lambda _redone: self._refresh_ids([incident_id]),
                )
            )
            self._refresh_ids([incident_id])

        self.panel.live.expect("incident", {incident_id})
        self.panel.writes.submit(
            to(point, version),
            on_saved=saved,
            on_refused=lambda exc: self._refused(
                exc, incident_id, lambda: self.set_point(incident_id, point)
            ),
            button=self.panel.detail.point_apply,
        )
