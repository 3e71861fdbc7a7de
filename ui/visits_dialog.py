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
``ui.operation_form.ReadinessForm``; what it reads and its two lists' models are
``ui.visits_models``. ``open_form`` opens any of the readiness forms (visits, budget,
sarpras) from the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QSize, Qt, SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opscenter.actor import Actor
from opscenter.errors import OpsError, StaleEdit
from opscenter.model import FOLLOW_UP_STATUSES
from opscenter.readiness import visits
from opscenter.readiness.visits import FindingRow, FindingValue, VisitRow, VisitValue
from opscenter.store import Store
from ui import theme
from ui.confirm import confirm
from ui.form_parts import (
    change_buttons,
    date_edit,
    day_text,
    field,
    form_page,
    picked,
    push_button,
    qdate,
    text_box,
)
from ui.form_tables import choose_row, current_row, delete_key, show_rows, table
from ui.operation_form import FormContext, FormTarget, ReadinessForm, form_target
from ui.readiness_evidence import kind_names, status_names
from ui.readiness_panel import ReadinessPanel
from ui.screen_fit import fit_to_screen
from ui.translations import translator
from ui.visits_models import (
    FindingColumn,
    FindingsModel,
    VisitColumn,
    VisitsModel,
    VisitsRead,
    finding_value_of,
    read_visits,
    same_value,
    visit_value_of,
)

V = TypeVar("V")


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
        self._follow_start: tuple[str, str] = ("", "")
        self._follow_key: tuple[int, int] | None = (-1, -1)  # the follow-up in its form
        # The visit and the finding whose change is in their forms, as they were read
        # (None: the form adds a new one); after a stale refusal the next read takes the
        # place of what was read, and the typed change stays to be saved again.
        self._visit_edit: VisitRow | None = None
        self._finding_edit: FindingRow | None = None
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
        self.forms.addTab(self._visit_form(), _tr("Kunjungan baru"))
        self.forms.addTab(self._finding_form(), _tr("Temuan baru"))
        self.forms.addTab(self._follow_form(), _tr("Tindak lanjut"))

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
            self.visits_view,
            self.findings_view,
            self.forms,
            self.visit_date,
            self.visit_kind,
            self.visit_led,
            self.visit_team,
            self.visit_checked,
            self.visit_unit,
            self.add_visit_button,
            self.edit_visit_button,
            self.new_visit_button,
            self.remove_visit_button,
            self.finding_aspect,
            self.finding_text,
            self.finding_advice,
            self.finding_person,
            self.finding_has_due,
            self.finding_due,
            self.add_finding_button,
            self.edit_finding_button,
            self.new_finding_button,
            self.remove_finding_button,
            self.follow_status,
            self.follow_note,
            self.follow_button,
        )
        self._show_visit_mode()
        self._show_finding_mode()
        self._show_choice()
        self.reload()

    # -- the forms ----------------------------------------------------------------------------

    def _visit_form(self) -> QWidget:
        page, form = form_page(self)
        self.visit_date = date_edit(page, "visitDate", self._clock().date())
        self.visit_kind = QComboBox(page)
        self.visit_kind.setObjectName("visitKind")
        for code, name in kind_names().items():
            self.visit_kind.addItem(name, code)
        self.visit_led = field(page, "visitLedBy", hint=_tr("mis. Kapolda Jambi"), window_undo=True)
        self.visit_team = field(page, "visitTeam", hint=_tr("mis. Tim Itwasda"), window_undo=True)
        self.visit_checked = text_box(page, "visitChecked", 3)
        self.visit_checked.setPlaceholderText(_tr("mis. posko, kendaraan, senjata"))
        self.visit_unit = QComboBox(page)  # a visit's unit, when its change is typed
        self.visit_unit.setObjectName("visitUnit")
        for i in range(self.unit_box.count()):
            self.visit_unit.addItem(self.unit_box.itemText(i), self.unit_box.itemData(i))
        form.addRow(_tr("&Tanggal"), self.visit_date)
        form.addRow(_tr("&Jenis"), self.visit_kind)
        form.addRow(_tr("&Dipimpin oleh"), self.visit_led)
        form.addRow(_tr("T&im"), self.visit_team)
        form.addRow(_tr("Yang di&periksa"), self.visit_checked)
        form.addRow(_tr("Satuan &yang dikunjungi"), self.visit_unit)
        self._visit_rows = form
        self.visit_buttons = b = change_buttons(
            page,
            form,
            0,
            "Visit",
            (self.save_visit, self.edit_visit, self.new_visit, self.remove_visit),
            (
                _tr("Kunjungan baru"),
                _tr("Tambah &kunjungan"),
                _tr("Ubah kunjungan"),
                _tr("Kunjungan &baru"),
            ),
            (
                _tr("Isi formulir dengan kunjungan terpilih untuk diubah"),
                _tr("Kembali ke menambah kunjungan baru"),
                _tr("Hapus kunjungan terpilih beserta temuannya (Delete)"),
            ),
        )
        self.visit_mode, self.add_visit_button = b.mode, b.save
        self.edit_visit_button, self.new_visit_button = b.edit, b.new
        self.remove_visit_button = b.remove
        return page

    def _finding_form(self) -> QWidget:
        page, form = form_page(self)
        self.finding_for = QLabel(page)
        self.finding_for.setWordWrap(True)
        self.finding_aspect = QComboBox(page)
        self.finding_aspect.setObjectName("findingAspect")
        self.finding_text = text_box(page, "findingText", 2)
        self.finding_advice = text_box(page, "findingAdvice", 2)
        self.finding_person = field(
            page, "findingPerson", hint=_tr("mis. Kabag Log"), window_undo=True
        )
        self.finding_has_due = QCheckBox(_tr("&Ada tenggat"), page)
        self.finding_has_due.setObjectName("findingHasDue")
        self.finding_due = date_edit(page, "findingDue", self._clock().date())
        self.finding_due.setEnabled(False)
        self.finding_has_due.toggled.connect(self.finding_due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.finding_has_due)
        due_row.addWidget(self.finding_due, 1)
        form.addRow(self.finding_for)
        form.addRow(_tr("As&pek"), self.finding_aspect)
        form.addRow(_tr("Te&muan"), self.finding_text)
        form.addRow(_tr("Sa&ran"), self.finding_advice)
        form.addRow(_tr("Penanggung &jawab"), self.finding_person)
        form.addRow(_tr("Tenggat"), due_row)
        self.finding_buttons = b = change_buttons(
            page,
            form,
            1,
            "Finding",
            (self.save_finding, self.edit_finding, self.new_finding, self.remove_finding),
            (
                _tr("Temuan baru"),
                _tr("Tambah &temuan"),
                _tr("Ubah temuan"),
                _tr("Temuan &baru"),
            ),
            (
                _tr("Isi formulir dengan temuan terpilih untuk diubah"),
                _tr("Kembali ke menambah temuan baru"),
                _tr("Hapus temuan terpilih (Delete)"),
            ),
        )
        self.finding_mode, self.add_finding_button = b.mode, b.save
        self.edit_finding_button, self.new_finding_button = b.edit, b.new
        self.remove_finding_button = b.remove
        return page

    def _follow_form(self) -> QWidget:
        page, form = form_page(self)
        self.follow_for = QLabel(page)
        self.follow_for.setWordWrap(True)
        self.follow_for.setTextFormat(Qt.TextFormat.PlainText)
        self.follow_status = QComboBox(page)
        self.follow_status.setObjectName("followStatus")
        for code in FOLLOW_UP_STATUSES:
            self.follow_status.addItem(status_names()[code], code)
        self.follow_note_label = QLabel(_tr("Catatan &penutupan"), page)
        self.follow_note = text_box(page, "followNote", 3)
        self.follow_note.setPlaceholderText(_tr("Wajib bila selesai: apa yang sudah dikerjakan"))
        self.follow_note_label.setBuddy(self.follow_note)
        self.follow_status.currentIndexChanged.connect(lambda _i: self._status_picked())
        form.addRow(self.follow_for)
        form.addRow(_tr("S&tatus"), self.follow_status)
        form.addRow(self.follow_note_label, self.follow_note)
        self.follow_button = push_button(
            page, _tr("Si&mpan status"), "saveFollowUp", self.save_follow_up
        )
        form.addRow(self.follow_button)
        return page

    # -- reading ------------------------------------------------------------------------------

    def read(self, unit_id: int, now: datetime) -> VisitsRead:
        return read_visits(self.store, self.operation_id, unit_id, now, self._lang)

    def show_read(self, read: VisitsRead) -> None:
        keep_visit = self._select_visit or self._current_visit_id()
        keep_finding = self._select_finding or self._current_finding_id()
        self._select_visit = self._select_finding = None
        self._read = read
        if not self._dates_set:
            self._dates_set = True
            self.visit_date.setDate(qdate(read.today))
            self.finding_due.setDate(qdate(read.today))
        self.today_label.setText(
            _tr("Hari ini: {day}").format(day=day_text(self._locale, read.today))
        )
        if self.finding_aspect.count() != len(read.aspects):
            self.finding_aspect.clear()
            for aspect_id, name in read.aspects:
                self.finding_aspect.addItem(name, aspect_id)
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

    def _current_visit_id(self) -> int | None:
        row = self.current_visit()
        return row.id if row is not None else None

    def _current_finding_id(self) -> int | None:
        row = self.current_finding()
        return row.id if row is not None else None

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
        visit = self.current_visit()
        kinds = kind_names()
        if visit is None:
            self.finding_for.setText(_tr("Pilih atau tambahkan kunjungan dulu."))
        else:
            self.finding_for.setText(
                _tr("Untuk kunjungan {day}, {kind}").format(
                    day=day_text(self._locale, visit.visited_on), kind=kinds.get(visit.kind, "")
                )
            )
        self.add_finding_button.setEnabled(visit is not None or self._finding_edit is not None)
        self.edit_visit_button.setEnabled(visit is not None)
        self.remove_visit_button.setEnabled(visit is not None)
        self.edit_finding_button.setEnabled(self.current_finding() is not None)
        self.remove_finding_button.setEnabled(self.current_finding() is not None)
        finding = self.current_finding()
        key = (finding.id, finding.version) if finding is not None else None
        if key == self._follow_key:
            return  # the same follow-up as read before: what is typed in its form stays
        self._follow_key = key
        self._follow_start = ("", "")
        if finding is None:
            self.follow_for.setText(_tr("Pilih temuan di daftar temuan."))
            self.follow_note.setPlainText("")
        else:
            self.follow_for.setText(f"{finding.aspect_name}: {finding.finding}")
            self.follow_status.setCurrentIndex(self.follow_status.findData(finding.status))
            self.follow_note.setPlainText(finding.closing_note or "")
            self._follow_start = (finding.status, finding.closing_note or "")
        self.follow_button.setEnabled(finding is not None)
        self._status_picked()

    def _status_picked(self) -> None:
        closing = self.follow_status.currentData() == visits.CLOSED
        self.follow_note_label.setText(
            _tr("Catatan &penutupan (wajib)") if closing else _tr("Catatan &penutupan")
        )
        self.follow_note.setEnabled(closing)
        if closing and self.follow_status.hasFocus() and not self.follow_note.toPlainText():
            self.follow_note.setFocus()  # the note is what closing needs next

    # -- changing a chosen visit or finding ---------------------------------------------------

    def _fresh(self, visit_id: int | None, finding_id: int | None) -> VisitRow | FindingRow | None:
        """The visit (or finding) as last read; None once it is gone."""
        for v in self._read.visits if self._read is not None else ():
            if finding_id is None and v.id == visit_id:
                return v
            for f in v.findings if finding_id is not None else ():
                if f.id == finding_id:
                    return f
        return None

    def _follow_choice(self) -> None:
        """A change form follows the list: an untouched one shows the chosen row as read
        now (or goes back to adding when none is chosen); a touched one keeps what was typed
        and the row it was typed for, which after a stale refusal is the row as read now."""
        visit_edit, finding_edit = self._visit_edit, self._finding_edit
        if visit_edit is not None:
            if self._visit_typed():
                fresh = self._fresh(visit_edit.id, None)
                if self._rebase and isinstance(fresh, VisitRow):
                    self._visit_edit = fresh
            elif (visit := self.current_visit()) is None:
                self.new_visit()
            elif (visit.id, visit.version) != (visit_edit.id, visit_edit.version):
                self._load_visit(visit)
        if finding_edit is not None:
            if self._finding_typed():
                fresh = self._fresh(None, finding_edit.id)
                if self._rebase and isinstance(fresh, FindingRow):
                    self._finding_edit = fresh
            elif (finding := self.current_finding()) is None:
                self.new_finding()
            elif (finding.id, finding.version) != (finding_edit.id, finding_edit.version):
                self._load_finding(finding)

    def _report(self, error: OpsError) -> None:
        super()._report(error)
        if isinstance(error, StaleEdit):
            self._rebase = True  # the next read becomes what a typed change is saved over

    def edit_visit(self) -> None:
        """U&bah terpilih (or a double click): the chosen visit into the form."""
        visit = self.current_visit()
        if visit is not None:
            self.forms.setCurrentIndex(0)
            self._load_visit(visit)
            self.visit_date.setFocus()

    def _load_visit(self, visit: VisitRow) -> None:
        self._visit_edit = visit
        self.visit_date.setDate(qdate(visit.visited_on))
        self.visit_kind.setCurrentIndex(self.visit_kind.findData(visit.kind))
        self.visit_led.setText(visit.led_by or "")
        self.visit_team.setText(visit.team or "")
        self.visit_checked.setPlainText(visit.checked or "")
        self.visit_unit.setCurrentIndex(self.visit_unit.findData(visit.unit_id))
        self._show_visit_mode()

    def new_visit(self) -> None:
        """Kunjungan &baru: back to adding one, the form empty."""
        self._visit_edit = None
        self.visit_led.clear()
        self.visit_team.clear()
        self.visit_checked.clear()
        if self._read is not None:
            self.visit_date.setDate(qdate(self._read.today))
        self._show_visit_mode()

    def _show_visit_mode(self) -> None:
        edit = self._visit_edit
        changing = None
        if edit is not None:
            changing = _tr("Mengubah kunjungan {day}, {kind}").format(
                day=day_text(self._locale, edit.visited_on),
                kind=kind_names().get(edit.kind, edit.kind),
            )
        self.visit_buttons.show(self.forms, changing)
        self._visit_rows.setRowVisible(self.visit_unit, edit is not None)

    def _visit_typed(self) -> bool:
        """Whether the visit form holds typed input: any text for a new visit, a value
        other than the one read for a change."""
        if self._visit_edit is None:
            texts = (
                self.visit_led.text(),
                self.visit_team.text(),
                self.visit_checked.toPlainText(),
            )
            return any(t.strip() for t in texts)
        value = self.visit_value()
        return value is not None and not same_value(value, visit_value_of(self._visit_edit))

    def edit_finding(self) -> None:
        """U&bah terpilih (or a double click): the chosen finding into the form."""
        finding = self.current_finding()
        if finding is not None:
            self.forms.setCurrentIndex(1)
            self._load_finding(finding)
            self.finding_aspect.setFocus()

    def _load_finding(self, finding: FindingRow) -> None:
        self._finding_edit = finding
        self.finding_aspect.setCurrentIndex(self.finding_aspect.findData(finding.aspect_id))
        self.finding_text.setPlainText(finding.finding)
        self.finding_advice.setPlainText(finding.advice or "")
        self.finding_person.setText(finding.person_in_charge or "")
        self.finding_has_due.setChecked(finding.due_on is not None)
        if finding.due_on is not None:
            self.finding_due.setDate(qdate(finding.due_on))
        self._show_finding_mode()

    def new_finding(self) -> None:
        """Temuan &baru: back to adding one to the chosen visit, the form empty."""
        self._finding_edit = None
        self.finding_text.clear()
        self.finding_advice.clear()
        self.finding_person.clear()
        self.finding_has_due.setChecked(False)
        self._show_finding_mode()

    def _show_finding_mode(self) -> None:
        edit = self._finding_edit
        changing = None
        if edit is not None:
            changing = _tr("Mengubah temuan {aspect}: {finding}").format(
                aspect=edit.aspect_name, finding=edit.finding
            )
        self.finding_buttons.show(self.forms, changing)
        self.finding_for.setVisible(edit is None)
        self.add_finding_button.setEnabled(edit is not None or self.current_visit() is not None)

    def _finding_typed(self) -> bool:
        if self._finding_edit is None:
            texts = (
                self.finding_text.toPlainText(),
                self.finding_advice.toPlainText(),
                self.finding_person.text(),
            )
            return any(t.strip() for t in texts)
        value = self.finding_value()
        return value is not None and not same_value(value, finding_value_of(self._finding_edit))

    # -- writing ------------------------------------------------------------------------------

    def save_current(self) -> None:
        """Ctrl+Enter: the form on the tab shown."""
        page = self.forms.currentIndex()
        (self.save_visit, self.save_finding, self.save_follow_up)[page]()

    def visit_value(self) -> VisitValue | None:
        """What the visit form holds: a new visit to the unit chosen at the top, or a change
        that may move the visit to another unit."""
        unit_id = self.unit_id if self._visit_edit is None else self.visit_unit.currentData()
        if unit_id is None:
            return None
        return VisitValue(
            int(unit_id),
            picked(self.visit_date),
            str(self.visit_kind.currentData()),
            self.visit_led.text(),
            self.visit_team.text(),
            self.visit_checked.toPlainText(),
        )

    def save_visit(self) -> None:
        """The visit form's button: add the new visit, or save the change typed."""
        (self.change_visit if self._visit_edit is not None else self.add_visit)()

    def change_visit(self) -> None:
        row, value = self._visit_edit, self.visit_value()
        if row is None or value is None or not self.add_visit_button.isEnabled():
            return
        text = _tr("Ubah kunjungan {unit} {day}").format(
            unit=row.unit_name, day=day_text(self._locale, row.visited_on)
        )

        def done() -> None:
            self._select_visit = row.id
            self.new_visit()

        self._save_change(
            (row.id, "visit", row.version), visits.change_visit, (value, visit_value_of(row)),
            text, self.add_visit_button, done,
        )  # fmt: skip

    def _save_change(
        self,
        row: tuple[int, str, int],
        change: Callable[..., int],
        values: tuple[V, V],
        text: str,
        button: QPushButton,
        done: Callable[[], None],
    ) -> None:
        """Save a row's change typed in a form: ``row`` is its id, kind and the version
        read; ``change`` the core's write (``visits.change_visit``), ``values`` the value
        typed and the one read (what undo puts back); ``done`` follows the save."""
        store, actor = self.store, self.actor
        ref = self.ref(row[0], row[1])
        shown_version = row[2]

        def step(to: V, expected: Callable[[], int]) -> Callable[[], int]:
            def run() -> int:
                ref.version = change(store, actor, ref.id, to, expected_version=expected())
                return ref.version

            return run

        def now() -> int:  # the version when the step runs
            return ref.version

        def saved(_version: int) -> None:
            self.push(text, step(values[0], now), step(values[1], now))
            done()

        self.submit(step(values[0], lambda: shown_version), saved, button)

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
            if self._visit_edit is not None and self._visit_edit.id == visit.id:
                self.new_visit()

        self.submit(write, saved, self.remove_visit_button)

    def add_visit(self) -> None:
        value = self.visit_value()
        if value is None or not self.add_visit_button.isEnabled():
            return
        store, actor, op = self.store, self.actor, self.operation_id

        def write() -> int:
            return visits.add_visit(store, actor, op, value)

        def saved(visit_id: int) -> None:
            ref = self.ref(visit_id, "visit")

            def forward() -> None:
                ref.id, ref.version = visits.add_visit(store, actor, op, value), 1

            def backward() -> None:
                # Refused while it has a finding, which can only be one entered elsewhere
                # (this history removes its own findings first).
                visits.remove_visit(
                    store, actor, ref.id, expected_version=ref.version, expected_findings={}
                )

            text = _tr("Tambah kunjungan {unit} {day}").format(
                unit=self.unit_box.currentText(), day=day_text(self._locale, value.visited_on)
            )
            self.push(text, forward, backward)
            self.visit_led.clear()
            self.visit_team.clear()
            self.visit_checked.clear()
            self._select_visit = visit_id
            self.forms.setCurrentIndex(1)
            self.finding_aspect.setFocus()

        self.submit(write, saved, self.add_visit_button)

    def finding_value(self) -> FindingValue | None:
        aspect = self.finding_aspect.currentData()
        if aspect is None:
            return None
        due = picked(self.finding_due) if self.finding_has_due.isChecked() else None
        return FindingValue(
            int(aspect),
            self.finding_text.toPlainText(),
            self.finding_advice.toPlainText(),
            self.finding_person.text(),
            due,
        )

    def save_finding(self) -> None:
        """The finding form's button: add the new finding, or save the change typed."""
        (self.change_finding if self._finding_edit is not None else self.add_finding)()

    def change_finding(self) -> None:
        row, value = self._finding_edit, self.finding_value()
        if row is None or value is None or not self.add_finding_button.isEnabled():
            return
        text = _tr("Ubah temuan {aspect}").format(aspect=self.finding_aspect.currentText())

        def done() -> None:
            self._select_visit, self._select_finding = row.visit_id, row.id
            self.new_finding()

        self._save_change(
            (row.id, "finding", row.version), visits.change_finding,
            (value, finding_value_of(row)), text, self.add_finding_button, done,
        )  # fmt: skip

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
        shown_version = finding.version
        gone: list[FindingRow] = []  # what the last removal took, for its undo

        def write() -> FindingRow:
            gone[:] = [visits.remove_finding(store, actor, ref.id, expected_version=shown_version)]
            return gone[0]

        def saved(_removed: FindingRow) -> None:
            def forward() -> None:
                gone[:] = [
                    visits.remove_finding(store, actor, ref.id, expected_version=ref.version)
                ]

            def backward() -> None:
                ref.id, ref.version = visits.restore_finding(store, actor, visit_ref.id, gone[0]), 1

            text = _tr("Hapus temuan {aspect}").format(aspect=finding.aspect_name)
            self.push(text, forward, backward)
            self._select_visit = finding.visit_id
            if self._finding_edit is not None and self._finding_edit.id == finding.id:
                self.new_finding()

        self.submit(write, saved, self.remove_finding_button)

    def add_finding(self) -> None:
        visit, value = self.current_visit(), self.finding_value()
        if visit is None or value is None or not self.add_finding_button.isEnabled():
            return
        store, actor = self.store, self.actor
        visit_ref = self.ref(visit.id, "visit")

        def write() -> int:
            return visits.add_finding(store, actor, visit_ref.id, value)

        def saved(finding_id: int) -> None:
            ref = self.ref(finding_id, "finding")

            def forward() -> None:
                ref.id, ref.version = visits.add_finding(store, actor, visit_ref.id, value), 1

            def backward() -> None:
                visits.remove_finding(store, actor, ref.id, expected_version=ref.version)

            text = _tr("Tambah temuan {aspect}").format(aspect=self.finding_aspect.currentText())
            self.push(text, forward, backward)
            self.finding_text.clear()
            self.finding_advice.clear()
            self.finding_person.clear()
            self.finding_has_due.setChecked(False)
            self._select_visit, self._select_finding = visit.id, finding_id
            self.finding_text.setFocus()

        self.submit(write, saved, self.add_finding_button)

    def save_follow_up(self) -> None:
        finding = self.current_finding()
        if finding is None or not self.follow_button.isEnabled():
            return
        status = str(self.follow_status.currentData())
        note = self.follow_note.toPlainText() if status == visits.CLOSED else None
        before = (finding.status, finding.closing_note)
        store, actor = self.store, self.actor
        ref = self.ref(finding.id, "finding")
        shown_version = finding.version

        def write() -> int:
            ref.version = visits.set_follow_up(
                store, actor, ref.id, status, note=note, expected_version=shown_version
            )
            return ref.version

        def saved(_version: int) -> None:
            def step(to: tuple[str, str | None]) -> Callable[[], None]:
                def run() -> None:
                    ref.version = visits.set_follow_up(
                        store, actor, ref.id, to[0], note=to[1], expected_version=ref.version
                    )

                return run

            text = _tr("Tindak lanjut {finding}: {status}").format(
                finding=finding.finding, status=status_names()[status]
            )
            self.push(text, step((status, note)), step(before))
            self._follow_start = (status, note or "")
            self._select_visit, self._select_finding = finding.visit_id, finding.id

        self.submit(write, saved, self.follow_button)

    # -- nothing typed is lost (``ui.unsaved.Editor``) -----------------------------------------

    def _dirty_page(self) -> int | None:
        if self._visit_typed():
            return 0
        if self._finding_typed():
            return 1
        finding = self.current_finding()
        if finding is not None:
            now = (str(self.follow_status.currentData()), self.follow_note.toPlainText().strip())
            if now != (self._follow_start[0], self._follow_start[1].strip()):
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


def open_form(
    window: QWidget,
    form: str,
    panel: ReadinessPanel | None,
    store: Store,
    actor: Actor,
    undo_stack: QUndoStack,
    clock: Callable[[], datetime],
    changes: SignalInstance | None = None,
) -> ReadinessForm | None:
    """Open the readiness form ``form`` ("visits", "budget", "sarpras") over ``window`` (the
    main window) for the unit chosen on the Kesiapan tab; None while the matrix has not been
    read yet. ``changes`` (the change feed) keeps the form current."""
    target = form_target(panel) if panel is not None else None
    if target is None or not target.units:
        return None
    ctx = FormContext(store, actor, target.operation_id, undo_stack, clock, window)
    dialog: ReadinessForm
    if form == "sarpras":
        from ui.sarpras_dialog import SarprasDialog  # loaded when first opened

        dialog = SarprasDialog(ctx, target)
    elif form == "budget":
        from ui.budget_dialog import BudgetDialog  # loaded when first opened

        dialog = BudgetDialog(ctx, target)
    else:
        dialog = VisitsDialog(ctx, target)
    if changes is not None:
        dialog.follow(changes)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
