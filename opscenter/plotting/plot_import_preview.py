"""What a plotting list's preview holds (``plot_import.prepare``): a ``Record`` per officer the
file places, with what it does to the stored plotting, and the ``PlottingPreview`` the import
wizard and the command line show before ``plot_import.commit`` writes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from opscenter.roster.preview import RowOutcome
from opscenter.roster.problems import Problem
from opscenter.roster.whole_file import WholeFilePreview


@dataclass(frozen=True, slots=True)
class Record:
    """One officer the file places, and what that does to the stored plotting."""

    row: int  # the first sheet row naming them (0-based)
    personnel_id: int
    post_id: int
    # "new" (in no post of the stage), "moved" (from another post), "locked" (on this post,
    # now locked), "unchanged" (on this post, locked already)
    action: str
    assignment_id: int | None  # the stored placement, and its version, as the preview read it
    version: int | None
    from_post_id: int | None
    tps_ids: tuple[int, ...]  # the TPS the file names for them (the stale check's)

    @property
    def status(self) -> str:
        """As the import wizard counts rows: new, changed (moved or locked) or unchanged."""
        return "changed" if self.action in ("moved", "locked") else self.action

    def outcome(self) -> RowOutcome:
        """As the wizard lists it: the person and the post; a move or a lock as a change."""
        changes: dict[str, tuple[Any, Any]] | None = None
        if self.action == "moved":
            changes = {"post_id": (self.from_post_id, self.post_id)}
        elif self.action == "locked":
            changes = {"locked": (False, True)}
        return RowOutcome(
            self.row,
            self.status,
            values=(self.personnel_id, self.post_id),
            db_id=self.assignment_id,
            changes=changes,
        )


@dataclass(slots=True)
class PlottingPreview(WholeFilePreview[Record]):
    # A plotting is saved whole or not at all: any refused cell refuses the file.
    refusal_reason: ClassVar[str] = "plotting_rejected"
    kind: ClassVar[str] = "plotting"
    stage_id: int
    stage_code: str
    stage_name: str
    # Its labels: "personnel_id" -> "NRP name", "post_id" -> "Pos 3 Kecamatan A1". No free
    # text of a plotting is kept, so none is flagged (no warnings).

    def key_text(self, r: RowOutcome) -> str:
        """ "90000001 Personel 1 \u2192 Pos 2 Kecamatan A1"."""
        if r.values is None:
            return ""
        person, post = r.values
        return f"{self.label('personnel_id', person)} \u2192 {self.label('post_id', post)}"

    def field_label(self, column: str) -> str:
        return {"post_id": "Pos", "locked": "Dikunci"}.get(column, column)

    def by_row(self) -> list[tuple[int, str, Record | None, list[Problem]]]:
        """Every row the preview speaks of, in sheet order: (row, action, record, problems);
        action is "rejected" for a refused row. What the command line lists."""
        out: list[tuple[int, str, Record | None, list[Problem]]] = [
            (r.row, r.action, r, []) for r in self.records
        ]
        out += [(r.row, "rejected", None, list(r.problems or ())) for r in self.rows]
        return sorted(out, key=lambda item: item[0])
