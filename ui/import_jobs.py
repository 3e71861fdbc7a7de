"""The import wizard's background work for each kind of list: the scan of a file's first rows
(with, for a sarpras list, the units it may belong to and, for a plotting list, the stages it
may fill), and each kind's check and write behind one signature
(``opscenter.roster.preview.Reviewable``).

The wizard's pages (``ui.import_list_pages``) run these off the GUI thread
(``ui.job_wizard``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opscenter import incident_import
from opscenter.actor import Actor
from opscenter.plotting import plot_import
from opscenter.progress import CancelToken, Progress
from opscenter.readiness import sarpras_io
from opscenter.roster import commit as commit_mod
from opscenter.roster.classify import prepare
from opscenter.roster.preview import Options, Reviewable
from opscenter.roster.sheet_guess import Scan, scan
from opscenter.store import Store
from opscenter.watch import imports as watch_imports


@dataclass(frozen=True, slots=True)
class Scanned:
    """A scan, and for a sarpras list the units it may belong to (with the letterhead's),
    for a plotting list the stages it may fill (preset to the voting stage)."""

    scan: Scan
    units: sarpras_io.UnitChoice | None = None
    stages: plot_import.StageChoice | None = None


def scan_job(
    store: Store, path: Path, kind: str, sheet: str | None
) -> Callable[[Progress, CancelToken], Scanned]:
    """The background job that reads the file's first rows (and, for a sarpras list, the
    units to choose from)."""

    def job(progress: Progress, cancel: CancelToken) -> Scanned:
        result = scan(path, kind, sheet, progress, cancel)
        if kind == plot_import.KIND:
            return Scanned(result, stages=plot_import.stage_choice(store))
        if kind != sarpras_io.KIND:
            return Scanned(result)
        return Scanned(result, sarpras_io.unit_choice(store, result.letterhead))

    return job


# Each kind's check and write, with one signature: (store, path, options, progress, cancel)
# and (store, actor, preview, progress, cancel).
Prepare = Callable[[Store, Path, Options, Progress, CancelToken], Reviewable]
Commit = Callable[[Store, Actor, Any, Progress, CancelToken], commit_mod.Outcome]


def importer(kind: str) -> tuple[Prepare, Commit]:
    """``kind``'s check and write."""
    if kind == sarpras_io.KIND:
        return sarpras_io.prepare, sarpras_io.commit
    if kind == incident_import.KIND:
        return incident_import.prepare, incident_import.commit
    if kind == plot_import.KIND:
        return plot_import.prepare, plot_import.commit
    if kind == watch_imports.KIND:
        return watch_imports.prepare, watch_imports.commit
    return prepare, commit_mod.commit
