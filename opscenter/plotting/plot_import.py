"""A plotting workbook made by hand (daftar plotting personel pengamanan TPS) into the
plotting of a stage, with the roster machinery (``opscenter.roster``: reading, table finding,
merged two-row headings, header synonyms, cell references).

What a file says: which officer guards which TPS, for one stage (``Options.stage``, a stage
code; by default the voting stage, pemungutan). It is read so:

- The table is found under its title block; its headings may be merged over two rows
  ("PERSONEL" over NAMA / PANGKAT / NRP). Kecamatan come from a KECAMATAN column, or from
  section rows ("KECAMATAN PANGKALAN BARU", or the app's own "Air Hangat — Polsek Air
  Hangat (Polres Kerinci)"); a section row above the headings counts too. Rows without an
  officer (a desa's line, "kurang 2 personel"), total lines (JUMLAH, "Kekurangan: ..."),
  repeated headings and the reserve (a section CADANGAN, up to the next kecamatan) are not
  placements.
- The officer: by NRP (a NRP column, or PANGKAT/NRP in one), and then a name written beside
  it must be that person's; else by name and, when given, rank. No person, several persons,
  or one who may not guard (not active Polri) refuses the row.
- The TPS: its number ("001", "TPS 1", 1; several of one desa as "001, 002"), its desa
  (capitals or not, with or without "Desa"), within the row's kecamatan when the file says
  it. A row without TPS and desa continues the TPS of the row above it, within the same
  kecamatan and post (the app's export writes a post's TPS on its first rows only; a Polres
  merges the cell down).
- The post: the one holding that TPS for the stage. The stage's posts must be formed first
  (the whole file is refused while the stage has none); a TPS in no post refuses its row.
  Several TPS of one row must lie in one post. One person may stand on several rows of one
  post (two TPS of it), never on two posts.

What it does: each officer goes to that post, locked (decided by hand: a new automatic
plotting leaves them there), basis "hand" and the officer's own unit as the unit they came
from, as a hand placement (``hand.place``) does. A person on another post of the stage is
moved; on the same post, the placement is locked (a change) unless it already was
(unchanged). Nobody is taken off a post: people the file does not name stay where they are
(a later automatic plotting lets a post that holds too many shed its unlocked juniors).

``prepare`` reads and checks everything and writes nothing; the preview says per row what
would happen: new, moved, locked in place, unchanged, or refused with the cell and the
reason. A plotting is saved whole or not at all (``WholeFile``): while any cell is refused,
nothing is written. ``commit`` writes it in one transaction journaled as "import.plotting"
under ``plot.edit``, after checking that the placements and TPS it touches are as the
preview read them (``stale_rows`` otherwise); importing the same file again writes nothing.
The import history reverts it as any import (``roster.history.revert``).

Its parts: the walk over the sheet (``plot_import_sheet``), a row's officer, TPS and post
checked against the operation (``plot_import_checks``), the preview's types
(``plot_import_preview``); here, the stage, ``prepare`` and ``commit``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opscenter import journal
from opscenter.actor import Actor
from opscenter.model import GuardAssignment, GuardPostTps
from opscenter.permissions import require
from opscenter.plotting.plot_import_checks import Known, read_known
from opscenter.plotting.plot_import_preview import PlottingPreview, Record
from opscenter.plotting.plot_import_sheet import Draft, PlottingReader
from opscenter.plotting.pools import officers
from opscenter.plotting.posts import PERMISSION
from opscenter.progress import CancelToken, Progress, no_progress
from opscenter.roster import whole_file
from opscenter.roster.commit import Outcome
from opscenter.roster.errors import RosterError
from opscenter.roster.preview import Options
from opscenter.store import Store

KIND = PlottingPreview.kind


@dataclass(frozen=True, slots=True)
class StageChoice:
    """The stages a plotting list may fill, and the one chosen unless said (the voting)."""

    stages: list[tuple[str, str]]  # (code, name) in the operation's order
    default: str | None
    codes: dict[int, str] = field(default_factory=dict)  # stage id -> its code


def stage_choice(store: Store, operation_id: int | None = None) -> StageChoice:
    """The operation's stages for the import wizard's choice, preset to the voting stage."""
    from opscenter import operations

    with store.read() as s:
        op_id = operation_id or operations.get_operation(s).id
        found = operations.stages(s, op_id)
        return StageChoice(
            [(st.code, st.name) for st in found],
            next((st.code for st in found if st.is_voting), None),
            {st.id: st.code for st in found},
        )


def _stage(s: Session, operation_id: int, code: str | None) -> tuple[int, str, str]:
    """The stage's id, code and name: the one ``code`` names, else the voting stage."""
    from opscenter import operations

    found = {st.code: st for st in operations.stages(s, operation_id)}
    if code is not None:
        stage = found.get(code.strip())
    else:
        stage = next((st for st in found.values() if st.is_voting), None)
    if stage is None:
        raise RosterError("plotting_stage_unknown", code=code or "", codes=", ".join(found))
    return stage.id, stage.code, stage.name


def prepare(
    store: Store,
    path: Path | str,
    options: Options | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> PlottingPreview:
    """Read and check a plotting workbook, and say what it would change; writes nothing.

    As the roster's ``prepare``: ``options`` name the sheet, the person's own column mapping
    and the operation; its ``stage`` is the stage's code (default: the voting stage)."""
    with whole_file.opened(path, options, KIND, progress, cancel) as sheet:
        with store.read() as s:
            op_id = sheet.operation_id(s)
            stage_id, stage_code, stage_name = _stage(s, op_id, sheet.options.stage)
            known = read_known(s, op_id, stage_id)
        if not known.post_labels:
            raise RosterError("plotting_no_posts", file=sheet.file, stage=stage_name)
        reader = PlottingReader(known, sheet.layout, sheet.name)
        reader.walk(sheet.rows(), sheet.total, progress, sheet.cancel)
    records = [_classify(d, known) for d in reader.drafts.values()]
    records.sort(key=lambda r: r.row)
    preview = sheet.preview(
        PlottingPreview,
        op_id,
        records,
        reader.problems,
        stage_id=stage_id,
        stage_code=stage_code,
        stage_name=stage_name,
        labels={"personnel_id": known.people, "post_id": known.post_labels},
    )
    preview.counts["moved"] = sum(1 for r in records if r.action == "moved")
    return preview


def _classify(d: Draft, known: Known) -> Record:
    now = known.placed.get(d.personnel_id)
    if now is None:
        action = "new"
    elif now.post_id != d.post_id:
        action = "moved"
    else:
        action = "unchanged" if now.locked else "locked"
    return Record(
        row=d.row,
        personnel_id=d.personnel_id,
        post_id=d.post_id,
        action=action,
        assignment_id=now.id if now else None,
        version=now.version if now else None,
        from_post_id=now.post_id if now else None,
        tps_ids=tuple(d.tps_ids),
    )


def commit(
    store: Store,
    actor: Actor,
    preview: PlottingPreview,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Outcome:
    """Write the new, moved and locked placements in one transaction journaled as
    "import.plotting" (see the module). Refuses the whole file while any cell is refused
    (``preview.refusal()``), and when a placement or TPS it touches changed since the
    preview (``RosterError("stale_rows")``, naming the people). Writes nothing at all when
    every row is unchanged."""
    require(actor, PERMISSION)
    todo = [r for r in preview.records if r.action != "unchanged"]
    if not whole_file.ready(preview, todo, cancel):
        return whole_file.unwritten(preview)
    op_id, stage_id = preview.operation_id, preview.stage_id
    details = {**preview.details(), "stage": preview.stage_code}
    with store.transaction(actor, "import.plotting", details=details, operation_id=op_id) as s:
        people = officers(s, op_id)
        _check_stale(s, preview, todo, people.keys())
        stored = [r.assignment_id for r in todo if r.assignment_id is not None]
        rows: dict[int, GuardAssignment] = {}
        for start in range(0, len(stored), 900):  # read together, not one by one
            chunk = stored[start : start + 900]
            rows.update(
                (a.id, a)
                for a in s.scalars(select(GuardAssignment).where(GuardAssignment.id.in_(chunk)))
            )
        for r in todo:
            unit = people[r.personnel_id].unit_id
            if r.assignment_id is None:
                s.add(
                    GuardAssignment(
                        operation_id=op_id, stage_id=stage_id, post_id=r.post_id,
                        personnel_id=r.personnel_id, basis="hand", from_unit_id=unit,
                        locked=True,
                    )
                )  # fmt: skip
                continue
            row = rows[r.assignment_id]
            row.post_id, row.basis, row.from_unit_id, row.locked = r.post_id, "hand", unit, True
        s.flush()
        txn_id = s.info[journal.TXN_KEY].txn_id
    return whole_file.written(preview, txn_id, progress)


def _check_stale(
    s: Session, preview: PlottingPreview, todo: Sequence[Record], eligible: Any
) -> None:
    """Refuse when a placement or a TPS's post that ``todo`` touches is no longer as the
    preview read it (someone placed, moved or locked the person, or regrouped the TPS), or
    when the person may no longer guard."""
    ids = [r.personnel_id for r in todo]
    ga = GuardAssignment
    now: dict[int, tuple[int, int]] = {}
    tps_post: dict[int, int] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for person, aid, version in s.execute(
            select(ga.personnel_id, ga.id, ga.version).where(
                ga.stage_id == preview.stage_id, ga.personnel_id.in_(chunk)
            )
        ):
            now[int(person)] = (int(aid), int(version))
    tps_ids = sorted({t for r in todo for t in r.tps_ids})
    for start in range(0, len(tps_ids), 900):
        chunk = tps_ids[start : start + 900]
        for tid, post in s.execute(
            select(GuardPostTps.tps_id, GuardPostTps.post_id).where(
                GuardPostTps.stage_id == preview.stage_id, GuardPostTps.tps_id.in_(chunk)
            )
        ):
            tps_post[int(tid)] = int(post)
    stale = [
        preview.label("personnel_id", r.personnel_id)
        for r in todo
        if now.get(r.personnel_id)
        != ((r.assignment_id, r.version) if r.assignment_id is not None else None)
        or any(tps_post.get(t) != r.post_id for t in r.tps_ids)
        or r.personnel_id not in eligible
    ]
    if stale:
        shown = ", ".join(stale[:5]) + (", \u2026" if len(stale) > 5 else "")
        raise RosterError("stale_rows", file=preview.file, count=len(stale), rows=shown)
