"""The import wizard: file -> sheet and column mapping -> preview with errors -> commit.

Rosters (personnel, TPS, units), sarpras lists, incident logs, plotting lists and the TPS
watch's lists go through the same pages: each kind's ``prepare`` and ``commit`` share one
interface (``opscenter.roster.preview.Reviewable``). A sarpras list without a unit column
belongs to the unit chosen on the mapping page, preset to the one its letterhead names; a
plotting list fills the stage chosen there, preset to the voting stage.

Reading, checking and writing run off the GUI thread, a page at a time (``ui.job_wizard``:
a progress dialog appears after about half a second, with a cancel button). Each page
starts its job from "next" and moves on by itself when the job has succeeded; a refusal is
shown on the page as one sentence.

The wizard puts its pages together (``ui.import_list_pages``, the first and last on
``ui.import_pages``, which serve the regions import too) and keeps what each found; each
kind's background work is ``ui.import_jobs``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from opscenter.actor import Actor
from opscenter.plotting import plot_import
from opscenter.readiness import sarpras_io
from opscenter.roster import commit as commit_mod
from opscenter.roster.preview import Reviewable
from opscenter.roster.sheet_guess import Scan
from opscenter.store import Store
from ui.import_jobs import Scanned
from ui.import_list_pages import ListDonePage, ListFilePage, MappingPage, PreviewPage
from ui.job_wizard import JobWizard
from ui.translations import translator

_tr = translator("ImportWizard")


class ImportWizard(JobWizard):
    def __init__(
        self,
        store: Store,
        *,
        actor: Actor,
        lang: str = "id",
        parent: QWidget | None = None,
        kind: str | None = None,
        stage_id: int | None = None,
    ) -> None:
        """``kind`` presets the kind of data; ``stage_id`` a plotting list's stage."""
        super().__init__(store, actor=actor, lang=lang, parent=parent, title=_tr("Impor data"))
        self.stage_id = stage_id
        self.scan_result: Scan | None = None
        self.units: sarpras_io.UnitChoice | None = None  # a sarpras list's units
        self.stages: plot_import.StageChoice | None = None  # a plotting list's stages
        self.preview: Reviewable | None = None
        self.outcome: commit_mod.Outcome | None = None
        self.file_page = ListFilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = ListDonePage(self)
        self.add_pages(self.file_page, self.mapping_page, self.preview_page, self.done_page)
        if kind is not None:
            self.file_page.kind.setCurrentIndex(self.file_page.kind.findData(kind))
        self.resize(900, 600)

    @property
    def kind(self) -> str:
        return self.scan_result.kind if self.scan_result is not None else ""

    def set_scan(self, result: Scanned) -> None:
        self.scan_result = result.scan
        self.units = result.units
        self.stages = result.stages

    def set_preview(self, result: Reviewable) -> None:
        self.preview = result

    def set_outcome(self, result: commit_mod.Outcome) -> None:
        self.outcome = result


def open_plotting_import(
    parent: QWidget, store: Store, actor: Actor, stage_id: int, *, lang: str
) -> None:
    """The wizard on "Plotting personel" for the stage the plotting window shows (its menu's
    *Impor plotting dari Excel…*), as a window of its own, in the window's language."""
    wizard = ImportWizard(
        store,
        actor=actor,
        lang=lang,
        parent=parent,
        kind=plot_import.KIND,
        stage_id=stage_id or None,
    )
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
