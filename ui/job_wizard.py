"""A wizard whose pages do their work off the GUI thread: the import wizard
(``ui.import_wizard``) and the regions import (``ui.regions_import``) are built on it.

A page's "next" checks what is typed and starts its job (``JobPage.begin``) through
``ui.worker`` (a progress dialog after about half a second, with a cancel button); the page
moves on by itself when the job has succeeded, and a refusal is shown on the page as one
sentence. The wizard runs one job at a time and cancels it when the wizard is closed.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from opscenter.actor import Actor
from opscenter.store import Store
from ui.error_dialog import sentence_for
from ui.form_parts import error_label
from ui.translations import translator
from ui.worker import JobHandle, start_job

_tr = translator("JobWizard")

W = TypeVar("W", bound="JobWizard")


class JobPage(QWizardPage, Generic[W]):
    """A page of ``W`` whose "next" runs a background job first."""

    def __init__(self, wizard: W, title: str = "") -> None:
        super().__init__(wizard)
        self.wiz = wizard
        if title:
            self.setTitle(title)
        self.error = error_label(self, "importError")
        self._advance = False

    def show_error(self, error: BaseException | None) -> None:
        if error is None:
            self.error.hide()
            self.error.clear()
            return
        self.error.setText(sentence_for(error, self.wiz.lang))
        self.error.show()

    def refuse(self, text: str) -> bool:
        """Say on the page why it cannot go on; False, for ``begin`` to return."""
        self.error.setText(text)
        self.error.show()
        return False

    def run(self, job: Any, title: str, on_success: Any) -> None:
        self.show_error(None)

        def done(result: Any) -> None:
            on_success(result)
            self._advance = True
            self.wiz.next()
            self._advance = False

        self.wiz.start(job, title, done, self.show_error)

    def validatePage(self) -> bool:
        # The job's success turns the page (``run``): this time the page lets it go.
        return self._advance or self.begin()

    def begin(self) -> bool:
        """Check the page and start its job (``run``), returning False; or return True to
        go on at once, with nothing to run."""
        return True


class JobWizard(QWizard):
    """The store and account a wizard's jobs work on, and its one job at a time."""

    def __init__(
        self, store: Store, *, actor: Actor, lang: str, parent: QWidget | None, title: str
    ) -> None:
        super().__init__(parent)
        self.store, self.actor, self.lang = store, actor, lang
        self.job: JobHandle | None = None
        self.setWindowTitle(title)
        # Done is done: the last page has no way back (Back) or out without its result (Cancel).
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        # Qt's Cancel has no Alt letter. A: the pages' labels take B (Berkas), J, S, T, and
        # the regions' O; the buttons K and L (Kembali, Lanjut), T (Telusuri), I, D.
        self.setButtonText(QWizard.WizardButton.CancelButton, _tr("B&atal"))

    def add_pages(self, *pages: QWizardPage) -> None:
        for page in pages:
            self.addPage(page)

    def busy(self) -> bool:
        return self.job is not None and not self.job.done

    def start(self, job: Any, title: str, on_success: Any, on_failure: Any) -> None:
        if self.busy():
            return
        self.job = start_job(
            job, parent=self, title=title, on_success=on_success, on_failure=on_failure
        )

    def reject(self) -> None:
        if self.job is not None and not self.job.done:
            self.job.cancel.cancel()
        super().reject()
