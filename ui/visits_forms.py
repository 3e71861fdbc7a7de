"""The three side forms of the visits dialog (``ui.visits_dialog``), one tab each: a visit
(``VisitForm``), a finding of the chosen visit (``FindingForm``) and the chosen finding's
follow-up (``FollowUpForm``).

The visit and finding forms add a new row or hold the change of the row loaded from its
list (``ChangeForm``): the tab's title, a line naming the row and the save button say
which, and an untouched change form follows the list (``ChangeForm.follow``). What was
typed is, when adding, any text at all, and when changing, a value other than the one read
(``ui.visits_models.same_value``). The dialog reads, writes and chooses the rows; the
forms hold what is typed and say what they act on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QWidget,
)

from opscenter.model import FOLLOW_UP_STATUSES
from opscenter.readiness import visits
from opscenter.readiness.visits import FindingRow, FindingValue, VisitRow, VisitValue
from ui.form_parts import (
    ChangeButtons,
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
from ui.readiness_evidence import kind_names, status_names
from ui.translations import translator
from ui.visits_models import finding_value_of, same_value, visit_value_of

_tr = translator("VisitsDialog")  # the dialog's context: its translations stay

Slot = Callable[[], None]


class Versioned(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


R = TypeVar("R", bound=Versioned)
V = TypeVar("V", VisitValue, FindingValue)


class ChangeForm(Generic[R, V]):
    """A form that adds a new row, or holds the change of ``row`` (None: adding). A form
    gives its page, its buttons, and how its fields are filled, emptied and read."""

    page: QWidget
    buttons: ChangeButtons

    def __init__(self, forms: QTabWidget, locale: QLocale) -> None:
        self.forms, self.locale = forms, locale
        self.row: R | None = None

    def texts(self) -> Sequence[str]:
        """The free texts typed (what makes a new row typed input)."""
        raise NotImplementedError

    def value(self) -> V | None:
        """What the form holds; None: not enough to save."""
        raise NotImplementedError

    def value_of(self, row: R) -> V:
        raise NotImplementedError

    def fill(self, row: R) -> None:
        """The fields from ``row``."""
        raise NotImplementedError

    def empty(self) -> None:
        """The fields emptied, for a new row."""
        raise NotImplementedError

    def changing(self, row: R) -> str:
        """The line naming the row whose change the form holds."""
        raise NotImplementedError

    def stops(self) -> tuple[QWidget, ...]:
        """The form's fields and buttons in reading order."""
        raise NotImplementedError

    def button_stops(self) -> tuple[QWidget, ...]:
        b = self.buttons
        return (b.save, b.edit, b.new, b.remove)

    def show_mode(self) -> None:
        self.buttons.show(self.forms, self.changing(self.row) if self.row is not None else None)

    def load(self, row: R) -> None:
        """``row`` into the form, to change it."""
        self.row = row
        self.fill(row)
        self.show_mode()

    def edit(self, row: R) -> None:
        """``row`` into the form, shown on its tab, to change it (its first field in focus)."""
        self.forms.setCurrentIndex(self.buttons.page)
        self.load(row)
        self.stops()[0].setFocus()

    def new(self) -> None:
        """Back to adding one, the form empty."""
        self.row = None
        self.empty()
        self.show_mode()

    def typed(self) -> bool:
        """Whether the form holds typed input: any text for a new row, a value other than
        the one read for a change."""
        if self.row is None:
            return any(t.strip() for t in self.texts())
        value = self.value()
        return value is not None and not same_value(value, self.value_of(self.row))

    def follow(self, chosen: R | None, fresh: Callable[[int], R | None] | None) -> None:
        """A change form follows the list: an untouched one shows the chosen row as read
        now (or goes back to adding when none is chosen); a touched one keeps what was
        typed and the row it was typed for, which after a stale refusal (``fresh``, the
        row as read now by its id) is the row as read now."""
        row = self.row
        if row is None:
            return
        if self.typed():
            now = fresh(row.id) if fresh is not None else None
            if now is not None:
                self.row = now
        elif chosen is None:
            self.new()
        elif (chosen.id, chosen.version) != (row.id, row.version):
            self.load(chosen)


class VisitForm(ChangeForm[VisitRow, VisitValue]):
    """A new visit to the unit chosen at the top (``units``), or the change of one, which
    may move it to another unit. ``today`` is the operation's date as last read (None:
    not read), ``slots`` what save, Ubah terpilih and Hapus terpilih do."""

    def __init__(
        self,
        parent: QWidget,
        forms: QTabWidget,
        locale: QLocale,
        units: QComboBox,
        start: date,
        today: Callable[[], date | None],
        slots: tuple[Slot, Slot, Slot],
    ) -> None:
        super().__init__(forms, locale)
        self.units, self.today = units, today
        self.page, form = form_page(parent)
        page = self.page
        self.date = date_edit(page, "visitDate", start)
        self.kind = QComboBox(page)
        self.kind.setObjectName("visitKind")
        for code, name in kind_names().items():
            self.kind.addItem(name, code)
        self.led = field(page, "visitLedBy", hint=_tr("mis. Kapolda Jambi"), window_undo=True)
        self.team = field(page, "visitTeam", hint=_tr("mis. Tim Itwasda"), window_undo=True)
        self.checked = text_box(page, "visitChecked", 3)
        self.checked.setPlaceholderText(_tr("mis. posko, kendaraan, senjata"))
        self.unit = QComboBox(page)  # a visit's unit, when its change is typed
        self.unit.setObjectName("visitUnit")
        for i in range(units.count()):
            self.unit.addItem(units.itemText(i), units.itemData(i))
        form.addRow(_tr("&Tanggal"), self.date)
        form.addRow(_tr("&Jenis"), self.kind)
        form.addRow(_tr("&Dipimpin oleh"), self.led)
        form.addRow(_tr("T&im"), self.team)
        form.addRow(_tr("Yang di&periksa"), self.checked)
        form.addRow(_tr("Satuan &yang dikunjungi"), self.unit)
        self.rows = form
        save, edit, remove = slots
        self.buttons = change_buttons(
            page,
            form,
            0,
            "Visit",
            (save, edit, self.new, remove),
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

    def stops(self) -> tuple[QWidget, ...]:
        fields = (self.date, self.kind, self.led, self.team, self.checked, self.unit)
        return (*fields, *self.button_stops())

    def texts(self) -> Sequence[str]:
        return (self.led.text(), self.team.text(), self.checked.toPlainText())

    def value(self) -> VisitValue | None:
        unit_id = (self.units if self.row is None else self.unit).currentData()
        if unit_id is None:
            return None
        return VisitValue(
            int(unit_id),
            picked(self.date),
            str(self.kind.currentData()),
            self.led.text(),
            self.team.text(),
            self.checked.toPlainText(),
        )

    def value_of(self, row: VisitRow) -> VisitValue:
        return visit_value_of(row)

    def fill(self, row: VisitRow) -> None:
        self.date.setDate(qdate(row.visited_on))
        self.kind.setCurrentIndex(self.kind.findData(row.kind))
        self.led.setText(row.led_by or "")
        self.team.setText(row.team or "")
        self.checked.setPlainText(row.checked or "")
        self.unit.setCurrentIndex(self.unit.findData(row.unit_id))

    def clear_texts(self) -> None:
        self.led.clear()
        self.team.clear()
        self.checked.clear()

    def empty(self) -> None:
        self.clear_texts()
        today = self.today()
        if today is not None:
            self.date.setDate(qdate(today))

    def changing(self, row: VisitRow) -> str:
        return _tr("Mengubah kunjungan {day}, {kind}").format(
            day=day_text(self.locale, row.visited_on), kind=kind_names().get(row.kind, row.kind)
        )

    def show_mode(self) -> None:
        super().show_mode()
        self.rows.setRowVisible(self.unit, self.row is not None)


class FindingForm(ChangeForm[FindingRow, FindingValue]):
    """A new finding of the visit chosen in the list (``visit``), or the change of one.
    ``slots`` are what save, Ubah terpilih and Hapus terpilih do."""

    def __init__(
        self,
        parent: QWidget,
        forms: QTabWidget,
        locale: QLocale,
        start: date,
        visit: Callable[[], VisitRow | None],
        slots: tuple[Slot, Slot, Slot],
    ) -> None:
        super().__init__(forms, locale)
        self.visit = visit
        self.page, form = form_page(parent)
        page = self.page
        self.for_visit = QLabel(page)
        self.for_visit.setWordWrap(True)
        self.aspect = QComboBox(page)
        self.aspect.setObjectName("findingAspect")
        self.text = text_box(page, "findingText", 2)
        self.advice = text_box(page, "findingAdvice", 2)
        self.person = field(page, "findingPerson", hint=_tr("mis. Kabag Log"), window_undo=True)
        self.has_due = QCheckBox(_tr("&Ada tenggat"), page)
        self.has_due.setObjectName("findingHasDue")
        self.due = date_edit(page, "findingDue", start)
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(self.for_visit)
        form.addRow(_tr("As&pek"), self.aspect)
        form.addRow(_tr("Te&muan"), self.text)
        form.addRow(_tr("Sa&ran"), self.advice)
        form.addRow(_tr("Penanggung &jawab"), self.person)
        form.addRow(_tr("Tenggat"), due_row)
        save, edit, remove = slots
        self.buttons = change_buttons(
            page,
            form,
            1,
            "Finding",
            (save, edit, self.new, remove),
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

    def aspects(self, aspects: Sequence[tuple[int, str]]) -> None:
        """The aspects offered, as read (filled again only when their number changed)."""
        if self.aspect.count() != len(aspects):
            self.aspect.clear()
            for aspect_id, name in aspects:
                self.aspect.addItem(name, aspect_id)

    def stops(self) -> tuple[QWidget, ...]:
        fields = (self.aspect, self.text, self.advice, self.person, self.has_due, self.due)
        return (*fields, *self.button_stops())

    def texts(self) -> Sequence[str]:
        return (self.text.toPlainText(), self.advice.toPlainText(), self.person.text())

    def value(self) -> FindingValue | None:
        aspect = self.aspect.currentData()
        if aspect is None:
            return None
        due = picked(self.due) if self.has_due.isChecked() else None
        return FindingValue(
            int(aspect),
            self.text.toPlainText(),
            self.advice.toPlainText(),
            self.person.text(),
            due,
        )

    def value_of(self, row: FindingRow) -> FindingValue:
        return finding_value_of(row)

    def fill(self, row: FindingRow) -> None:
        self.aspect.setCurrentIndex(self.aspect.findData(row.aspect_id))
        self.text.setPlainText(row.finding)
        self.advice.setPlainText(row.advice or "")
        self.person.setText(row.person_in_charge or "")
        self.has_due.setChecked(row.due_on is not None)
        if row.due_on is not None:
            self.due.setDate(qdate(row.due_on))

    def empty(self) -> None:
        self.text.clear()
        self.advice.clear()
        self.person.clear()
        self.has_due.setChecked(False)

    def changing(self, row: FindingRow) -> str:
        return _tr("Mengubah temuan {aspect}: {finding}").format(
            aspect=row.aspect_name, finding=row.finding
        )

    def show_mode(self) -> None:
        super().show_mode()
        self.for_visit.setVisible(self.row is None)
        self.show_visit(self.visit())

    def show_visit(self, visit: VisitRow | None) -> None:
        """Which visit a new finding goes to; adding needs one, a change does not."""
        if visit is None:
            self.for_visit.setText(_tr("Pilih atau tambahkan kunjungan dulu."))
        else:
            self.for_visit.setText(
                _tr("Untuk kunjungan {day}, {kind}").format(
                    day=day_text(self.locale, visit.visited_on),
                    kind=kind_names().get(visit.kind, ""),
                )
            )
        self.buttons.save.setEnabled(visit is not None or self.row is not None)


class FollowUpForm:
    """The chosen finding's follow-up: its status and, to close it, a closing note. What
    is typed stays while the same follow-up is read again (``key``: its finding's id and
    version)."""

    def __init__(self, parent: QWidget, save: Slot) -> None:
        self.page, form = form_page(parent)
        page = self.page
        self.start: tuple[str, str] = ("", "")
        self.key: tuple[int, int] | None = (-1, -1)  # the follow-up in the form
        self.for_finding = QLabel(page)
        self.for_finding.setWordWrap(True)
        self.for_finding.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QComboBox(page)
        self.status.setObjectName("followStatus")
        for code in FOLLOW_UP_STATUSES:
            self.status.addItem(status_names()[code], code)
        self.note_label = QLabel(_tr("Catatan &penutupan"), page)
        self.note = text_box(page, "followNote", 3)
        self.note.setPlaceholderText(_tr("Wajib bila selesai: apa yang sudah dikerjakan"))
        self.note_label.setBuddy(self.note)
        self.status.currentIndexChanged.connect(lambda _i: self.status_picked())
        form.addRow(self.for_finding)
        form.addRow(_tr("S&tatus"), self.status)
        form.addRow(self.note_label, self.note)
        self.button = push_button(page, _tr("Si&mpan status"), "saveFollowUp", save)
        form.addRow(self.button)

    def stops(self) -> tuple[QWidget, ...]:
        """The form's fields and button in reading order."""
        return (self.status, self.note, self.button)

    def show(self, finding: FindingRow | None) -> None:
        """The follow-up of ``finding`` (None: none chosen), unless it is the one shown."""
        key = (finding.id, finding.version) if finding is not None else None
        if key == self.key:
            return  # the same follow-up as read before: what is typed in its form stays
        self.key = key
        self.start = ("", "")
        if finding is None:
            self.for_finding.setText(_tr("Pilih temuan di daftar temuan."))
            self.note.setPlainText("")
        else:
            self.for_finding.setText(f"{finding.aspect_name}: {finding.finding}")
            self.status.setCurrentIndex(self.status.findData(finding.status))
            self.note.setPlainText(finding.closing_note or "")
            self.start = (finding.status, finding.closing_note or "")
        self.button.setEnabled(finding is not None)
        self.status_picked()

    def status_picked(self) -> None:
        closing = self.status.currentData() == visits.CLOSED
        self.note_label.setText(
            _tr("Catatan &penutupan (wajib)") if closing else _tr("Catatan &penutupan")
        )
        self.note.setEnabled(closing)
        if closing and self.status.hasFocus() and not self.note.toPlainText():
            self.note.setFocus()  # the note is what closing needs next

    def value(self) -> tuple[str, str | None]:
        """The status chosen and, closing, the note."""
        status = str(self.status.currentData())
        return status, self.note.toPlainText() if status == visits.CLOSED else None

    def typed(self) -> bool:
        now = (str(self.status.currentData()), self.note.toPlainText().strip())
        return now != (self.start[0], self.start[1].strip())
