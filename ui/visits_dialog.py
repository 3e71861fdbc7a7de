"""Visits and findings of one unit (Ubah > Kunjungan dan temuan…): the staff officer enters
the inspection visits (kunjungan kerja, supervisi, asistensi), their findings per readiness
aspect, and moves each follow-up on (terbuka, dalam proses, selesai).

The unit is chosen in a box at the top (the unit of the cell chosen on the Kesiapan tab
first). The visits are listed newest first; the findings of the chosen visit below them, an
overdue follow-up (``FindingRow.overdue`` on the operation's local date) in red with
"lewat tenggat". Three small forms at the side add a visit, add a finding to the chosen
visit, and set the chosen finding's follow-up; closing one ("selesai") needs a closing note.

A visit or finding typed wrongly is corrected in the same forms: "Ubah terpilih" (or a
double click on the list) fills the form with the chosen row, which then follows the list
while nothing is typed; "Simpan perubahan" saves the change and "Kunjungan baru" / "Temuan
baru" go back to adding. "Hapus terpilih" (or Delete on the list) removes the chosen row
after a question, a visit with its findings (the question says how many); its undo puts
them back with their follow-ups as they were (``visits.restore_visit``).

Reads and writes run off the GUI thread (``ui.worker``, ``ui.pending``); each saved write
goes on the window's ``QUndoStack`` (``ui.pending.WriteCommand``: undo removes what was
added, puts back what was removed, or puts a change or follow-up back as it was; Ctrl+Y
redoes; a step refused leaves the history). A
change saved over a row another workstation changed meanwhile is refused; the typed change
stays and, saved again, goes over the row as now read. A refusal is said inside the dialog
in the core's sentence, nothing changed and what was typed kept. Esc and Ctrl+W close,
asking first about typed input (``ui.unsaved.may_close``).

The form's base (unit box, reads, writes, undo, refusals) is
``ui.operation_form.ReadinessForm``, its undoable adds, changes and removals
``ui.form_steps``; what it reads and its two lists' models are ``ui.visits_models``, its
three side forms ``ui.visits_forms``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, QSize
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
)

from opscenter.errors import OpsError, StaleEdit
from opscenter.readiness import visits
from opscenter.readiness.visits import FindingRow, VisitRow
from ui import theme
from ui.confirm import confirm
from ui.form_parts import day_text, qdate
from ui.form_steps import add_row, change_row, remove_row
from ui.form_tables import choose_row, current_row, delete_key, show_rows, table
from ui.operation_form import FormContext, FormTarget, ReadinessForm
from ui.readiness_evidence import kind_names, status_names
from ui.screen_fit import fit_to_screen
from ui.translations import translator
from ui.visits_forms import ChangeForm, FindingForm, FollowUpForm, R, V, VisitForm
from ui.visits_models import (
    FindingColumn,
    FindingsModel,
    VisitColumn,
    VisitsModel,
    VisitsRead,
    read_visits,
)

_tr = translator("VisitsDialog")


class VisitsDialog(ReadinessForm):
    """The visits and findings of one unit (see the module docstring)."""

    def __init__(self, ctx: FormContext, target: FormTarget) -> None:
        super().__init__(ctx, target, name="visitsDialog", title=_tr("Kunjungan dan temuan"))
        self.unsaved_text = _tr("Isian kunjungan atau temuan belum disimpan.")
        self._read: VisitsRead | None = None
        self._select_visit: int | None = None
        self._select_finding: int | None = None
        self._dates_set = False  # the date fields start at the operation's today, once read
        # After a stale refusal the next read takes the place of the row a typed change
        # was read as (``ChangeForm.follow``); the typed change stays to be saved again.
        self._rebase = False
        self.today_label = QLabel(self)
        self.today_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        # Never squeezed by the unit box beside it: the date is what "lewat tenggat" means.
        self.today_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)

        self.visits_model = VisitsModel(self)
        self.visits_model.set_locale(self._locale)
        self.visits_view = table(
            self, "visitsTable", self.visits_model, (VisitColumn.LED_BY, VisitColumn.TEAM)
        )
        self.findings_model = FindingsModel(self)
        self.findings_model.set_locale(self._locale)
        self.findings_view = table(
            self,
            "findingsTable",
            self.findings_model,
            (FindingColumn.FINDING, FindingColumn.ADVICE),
            (FindingColumn.ASPECT, FindingColumn.PERSON, FindingColumn.STATUS),
        )
        visits_label = QLabel(_tr("Daftar kunjun&gan (terbaru di atas)"), self)
        visits_label.setBuddy(self.visits_view)
        self.findings_label = QLabel(_tr("T&emuan kunjungan terpilih"), self)
        self.findings_label.setBuddy(self.findings_view)
        self.visits_view.selectionModel().currentRowChanged.connect(self._visit_chosen)
        self.findings_view.selectionModel().currentRowChanged.connect(self._finding_chosen)
        self.visits_view.doubleClicked.connect(lambda _i: self.edit_visit())
        self.findings_view.doubleClicked.connect(lambda _i: self.edit_finding())
        delete_key(self.visits_view, lambda: self.remove_visit())
        delete_key(self.findings_view, lambda: self.remove_finding())

        self.forms = QTabWidget(self)
        self.forms.setObjectName("visitsForms")
        start = self._clock().date()
        self.visit_form = v = VisitForm(
            self, self.forms, self._locale, self.unit_box, start,
            lambda: self._read.today if self._read is not None else None,
            (self.save_visit, self.edit_visit, self.remove_visit),
        )  # fmt: skip
        self.finding_form = f = FindingForm(
            self, self.forms, self._locale, start, self.current_visit,
            (self.save_finding, self.edit_finding, self.remove_finding),
        )  # fmt: skip
        self.follow_form = u = FollowUpForm(self, self.save_follow_up)
        self.forms.addTab(v.page, _tr("Kunjungan baru"))
        self.forms.addTab(f.page, _tr("Temuan baru"))
        self.forms.addTab(u.page, _tr("Tindak lanjut"))
        # The forms' fields and buttons under the names the dialog has always had for them.
        self.visit_date, self.visit_kind, self.visit_unit = v.date, v.kind, v.unit
        self.visit_led, self.visit_team, self.visit_checked = v.led, v.team, v.checked
        self.visit_mode, self.add_visit_button = v.buttons.mode, v.buttons.save
        self.edit_visit_button, self.new_visit_button = v.buttons.edit, v.buttons.new
        self.remove_visit_button = v.buttons.remove
        self.finding_aspect, self.finding_text = f.aspect, f.text
        self.finding_advice, self.finding_person = f.advice, f.person
        self.finding_has_due, self.finding_due = f.has_due, f.due
        self.finding_mode, self.add_finding_button = f.buttons.mode, f.buttons.save
        self.edit_finding_button, self.new_finding_button = f.buttons.edit, f.buttons.new
        self.remove_finding_button = f.buttons.remove
        self.follow_status, self.follow_note, self.follow_button = u.status, u.note, u.button

        lists = QVBoxLayout()
        lists.addWidget(visits_label)
        lists.addWidget(self.visits_view, 2)
        lists.addWidget(self.findings_label)
        lists.addWidget(self.findings_view, 3)
        middle = QHBoxLayout()
        middle.addLayout(lists, 5)
        middle.addWidget(self.forms, 2)
        self.place(self.today_label, middle)
        em = self.fontMetrics().horizontalAdvance("M")
        fit_to_screen(self, QSize(em * 100, self.fontMetrics().height() * 40))
        self.findings_view.setColumnWidth(FindingColumn.ASPECT, em * 9)
        self.findings_view.setColumnWidth(FindingColumn.PERSON, em * 9)
        # "⚠ terbuka · lewat tenggat" wraps: the finding's own text gets the room.
        self.findings_view.setColumnWidth(FindingColumn.STATUS, em * 10)
        self.reading_order(
            self.visits_view, self.findings_view, self.forms, *v.stops(), *f.stops(), *u.stops()
        )
        v.show_mode()
        f.show_mode()
        self._show_choice()
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def read(self, unit_id: int, now: datetime) -> VisitsRead:
        return read_visits(self.store, self.operation_id, unit_id, now, self._lang)

    def show_read(self, read: VisitsRead) -> None:
        visit, finding = self.current_visit(), self.current_finding()
        keep_visit = self._select_visit or (visit.id if visit is not None else None)
        keep_finding = self._select_finding or (finding.id if finding is not None else None)
        self._select_visit = self._select_finding = None
        self._read = read
        if not self._dates_set:
            self._dates_set = True
            self.visit_date.setDate(qdate(read.today))
            self.finding_due.setDate(qdate(read.today))
        self.today_label.setText(
            _tr("Hari ini: {day}").format(day=day_text(self._locale, read.today))
        )
        self.finding_form.aspects(read.aspects)
        self.visits_model.today = self.findings_model.today = read.today
        show_rows(self.visits_model, read.visits)
        choose_row(self.visits_view, self.visits_model, keep_visit)
        self._show_findings(keep_finding)
        self._rebase = False

    def unit_changed(self) -> None:
        self.visits_model.reset_rows(())
        self.findings_model.reset_rows(())
        self._read = None
        self._show_choice()

    def current_visit(self) -> VisitRow | None:
        return current_row(self.visits_view, self.visits_model)

    def current_finding(self) -> FindingRow | None:
        return current_row(self.findings_view, self.findings_model)

    def _visit_chosen(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_findings(None)

    def _show_findings(self, keep: int | None) -> None:
        visit = self.current_visit()
        show_rows(self.findings_model, visit.findings if visit is not None else ())
        choose_row(self.findings_view, self.findings_model, keep)
        self._show_choice()

    def _finding_chosen(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_choice()

    def _show_choice(self) -> None:
        """The forms say which visit and which finding they act on."""
        self._follow_choice()
        visit, finding = self.current_visit(), self.current_finding()
        self.finding_form.show_visit(visit)
        self.edit_visit_button.setEnabled(visit is not None)
        self.remove_visit_button.setEnabled(visit is not None)
        self.edit_finding_button.setEnabled(finding is not None)
        self.remove_finding_button.setEnabled(finding is not None)
        self.follow_form.show(finding)

    # -- changing a chosen visit or finding ---------------------------------------------------

    def _fresh_visit(self, visit_id: int) -> VisitRow | None:
        """The visit as last read; None once it is gone."""
        rows = self._read.visits if self._read is not None else ()
        return next((v for v in rows if v.id == visit_id), None)

    def _fresh_finding(self, finding_id: int) -> FindingRow | None:
        """The finding as last read; None once it is gone."""
        rows = self._read.visits if self._read is not None else ()
        return next((f for v in rows for f in v.findings if f.id == finding_id), None)

    def _follow_choice(self) -> None:
        """The change forms follow the list (``ChangeForm.follow``)."""
        rebase = self._rebase
        self.visit_form.follow(self.current_visit(), self._fresh_visit if rebase else None)
        self.finding_form.follow(self.current_finding(), self._fresh_finding if rebase else None)

    def _report(self, error: OpsError) -> None:
        super()._report(error)
        if isinstance(error, StaleEdit):
            self._rebase = True  # the next read becomes what a typed change is saved over

    def edit_visit(self) -> None:
        """U&bah terpilih (or a double click): the chosen visit into the form."""
        if (visit := self.current_visit()) is not None:
            self.visit_form.edit(visit)

    def edit_finding(self) -> None:
        """U&bah terpilih (or a double click): the chosen finding into the form."""
        if (finding := self.current_finding()) is not None:
            self.finding_form.edit(finding)

    # -- writing ------------------------------------------------------------------------------

    def save_current(self) -> None:
        """Ctrl+Enter: the form on the tab shown."""
        page = self.forms.currentIndex()
        (self.save_visit, self.save_finding, self.save_follow_up)[page]()

    def save_visit(self) -> None:
        """The visit form's button: add the new visit, or save the change typed."""
        row = self.visit_form.row
        if row is None:
            self.add_visit()
            return
        text = _tr("Ubah kunjungan {unit} {day}").format(
            unit=row.unit_name, day=day_text(self._locale, row.visited_on)
        )
        self._save_change(self.visit_form, "visit", visits.change_visit, text, (row.id, None))

    def _save_change(
        self,
        form: ChangeForm[R, V],
        kind: str,
        change: Callable[..., int],
        text: str,
        select: tuple[int, int | None],
    ) -> None:
        """Save the change typed in ``form`` to its row (of table ``kind``) with the core's
        ``change`` (``visits.change_visit``); undo puts the row back as read. ``select``
        is the visit (and finding) chosen once it is saved; the form goes back to adding."""
        row, value = form.row, form.value()
        if row is None or value is None or not form.buttons.save.isEnabled():
            return
        store, actor = self.store, self.actor
        ref = self.ref(row.id, kind)
        before = form.value_of(row)

        def write(to: V, version: int) -> int:
            return change(store, actor, ref.id, to, expected_version=version)

        def done() -> None:
            self._select_visit = select[0]
            if select[1] is not None:
                self._select_finding = select[1]
            form.new()

        change_row(self, ref, row.version, write, value, before, text, form.buttons.save, done)

    def remove_visit(self) -> None:
        """&Hapus terpilih (or Delete on the list): the chosen visit with its findings, after
        a question that says how many go with it; Ctrl+Z puts them all back."""
        visit = self.current_visit()
        if visit is None or self.writes.busy:
            return
        what = _tr("Kunjungan {day} ({kind}) ke {unit}").format(
            day=day_text(self._locale, visit.visited_on),
            kind=kind_names().get(visit.kind, visit.kind),
            unit=visit.unit_name,
        )
        count = len(visit.findings)
        if count:
            text = _tr("{what} dihapus beserta {n} temuannya dan tindak lanjutnya.").format(
                what=what, n=count
            )
        else:
            text = _tr("{what} dihapus; tidak ada temuan padanya.").format(what=what)
        if not confirm(
            self,
            _tr("Hapus kunjungan"),
            text,
            _tr("&Hapus kunjungan"),
            _tr("Ctrl+Z mengembalikannya beserta temuannya."),
        ):
            return
        store, actor = self.store, self.actor
        ref = self.ref(visit.id, "visit")
        finding_refs = [self.ref(f.id, "finding") for f in visit.findings]
        shown_version = visit.version
        shown_findings = {f.id: f.version for f in visit.findings}
        gone: list[VisitRow] = []  # what the last removal took, for its undo

        def write() -> VisitRow:
            gone[:] = [
                visits.remove_visit(
                    store,
                    actor,
                    ref.id,
                    expected_version=shown_version,
                    expected_findings=shown_findings,
                )
            ]
            return gone[0]

        def saved(_removed: VisitRow) -> None:
            def forward() -> None:
                expected = {r.id: r.version for r in finding_refs}
                gone[:] = [
                    visits.remove_visit(
                        store,
                        actor,
                        ref.id,
                        expected_version=ref.version,
                        expected_findings=expected,
                    )
                ]

            def backward() -> None:
                old = gone[0]
                by_id = {r.id: r for r in finding_refs}
                back = visits.restore_visit(store, actor, old)
                ref.id, ref.version = back.id, back.version
                for was, now in zip(old.findings, back.findings, strict=True):
                    if (r := by_id.get(was.id)) is not None:
                        r.id, r.version = now.id, now.version

            text = _tr("Hapus kunjungan {unit} {day}").format(
                unit=visit.unit_name, day=day_text(self._locale, visit.visited_on)
            )
            self.push(text, forward, backward)
            edit = self.visit_form.row
            if edit is not None and edit.id == visit.id:
                self.visit_form.new()

        self.submit(write, saved, self.remove_visit_button)

    def add_visit(self) -> None:
        value = self.visit_form.value()
        if value is None or not self.add_visit_button.isEnabled():
            return
        store, actor, op = self.store, self.actor, self.operation_id

        def add() -> int:
            return visits.add_visit(store, actor, op, value)

        def remove(visit_id: int, version: int) -> None:
            # Refused while it has a finding, which can only be one entered elsewhere
            # (this history removes its own findings first).
            visits.remove_visit(
                store, actor, visit_id, expected_version=version, expected_findings={}
            )

        def done(visit_id: int) -> None:
            self.visit_form.clear_texts()
            self._select_visit = visit_id
            self.forms.setCurrentIndex(1)
            self.finding_aspect.setFocus()

        text = _tr("Tambah kunjungan {unit} {day}").format(
            unit=self.unit_box.currentText(), day=day_text(self._locale, value.visited_on)
        )
        add_row(self, "visit", add, remove, text, self.add_visit_button, done)

    def save_finding(self) -> None:
        """The finding form's button: add the new finding, or save the change typed."""
        row = self.finding_form.row
        if row is None:
            self.add_finding()
            return
        text = _tr("Ubah temuan {aspect}").format(aspect=self.finding_aspect.currentText())
        select = (row.visit_id, row.id)
        self._save_change(self.finding_form, "finding", visits.change_finding, text, select)

    def remove_finding(self) -> None:
        """&Hapus terpilih (or Delete on the list): the chosen finding with its follow-up,
        after a question; Ctrl+Z puts it back."""
        finding = self.current_finding()
        if finding is None or self.writes.busy:
            return
        status = status_names().get(finding.status, finding.status)
        if not confirm(
            self,
            _tr("Hapus temuan"),
            _tr(
                "Temuan {aspect} \u201c{finding}\u201d dihapus beserta tindak lanjutnya ({status})."
            ).format(aspect=finding.aspect_name, finding=finding.finding, status=status),
            _tr("&Hapus temuan"),
            _tr("Ctrl+Z mengembalikannya."),
        ):
            return
        store, actor = self.store, self.actor
        ref = self.ref(finding.id, "finding")
        visit_ref = self.ref(finding.visit_id, "visit")
        gone: list[FindingRow] = []  # what the last removal took, for its undo

        def remove(version: int) -> None:
            gone[:] = [visits.remove_finding(store, actor, ref.id, expected_version=version)]

        def add_again() -> int:
            return visits.restore_finding(store, actor, visit_ref.id, gone[0])

        def done() -> None:
            self._select_visit = finding.visit_id
            edit = self.finding_form.row
            if edit is not None and edit.id == finding.id:
                self.finding_form.new()

        text = _tr("Hapus temuan {aspect}").format(aspect=finding.aspect_name)
        remove_row(
            self, ref, finding.version, remove, add_again, text, self.remove_finding_button, done
        )

    def add_finding(self) -> None:
        visit, value = self.current_visit(), self.finding_form.value()
        if visit is None or value is None or not self.add_finding_button.isEnabled():
            return
        store, actor = self.store, self.actor
        visit_ref = self.ref(visit.id, "visit")

        def add() -> int:
            return visits.add_finding(store, actor, visit_ref.id, value)

        def remove(finding_id: int, version: int) -> None:
            visits.remove_finding(store, actor, finding_id, expected_version=version)

        def done(finding_id: int) -> None:
            self.finding_form.empty()
            self._select_visit, self._select_finding = visit.id, finding_id
            self.finding_text.setFocus()

        text = _tr("Tambah temuan {aspect}").format(aspect=self.finding_aspect.currentText())
        add_row(self, "finding", add, remove, text, self.add_finding_button, done)

    def save_follow_up(self) -> None:
        finding = self.current_finding()
        if finding is None or not self.follow_button.isEnabled():
            return
        status, note = self.follow_form.value()
        store, actor = self.store, self.actor
        ref = self.ref(finding.id, "finding")

        def change(to: tuple[str, str | None], version: int) -> int:
            return visits.set_follow_up(
                store, actor, ref.id, to[0], note=to[1], expected_version=version
            )

        def done() -> None:
            self.follow_form.start = (status, note or "")
            self._select_visit, self._select_finding = finding.visit_id, finding.id

        text = _tr("Tindak lanjut {finding}: {status}").format(
            finding=finding.finding, status=status_names()[status]
        )
        before = (finding.status, finding.closing_note)
        change_row(
            self, ref, finding.version, change, (status, note), before, text,
            self.follow_button, done,
        )  # fmt: skip

    # -- nothing typed is lost (``ui.unsaved.Editor``) -----------------------------------------

    def _dirty_page(self) -> int | None:
        if self.visit_form.typed():
            return 0
        if self.finding_form.typed():
            return 1
        if self.current_finding() is not None and self.follow_form.typed():
            return 2
        return None

    def is_dirty(self) -> bool:
        return self._dirty_page() is not None

    def save_input(self) -> bool:
        page = self._dirty_page()
        if page is not None:
            self.forms.setCurrentIndex(page)
            self.save_current()
        return False  # closes once saved (``may_close`` waits for the write)
