"""The watch's steps of the operation (Ubah > Langkah pemantauan TPS…): the list every TPS
goes through on voting day (petugas tiba, pemungutan dimulai … diterima PPK), edited as the
readiness lists are (``ui.reference_lists_dialog.ListsDialog``, through
``opscenter.watch.steps``): add a step (code, name, English name, deadline), rename the
chosen one (its code stays), move it (Ctrl+Up, Ctrl+Down; its number, what operators type,
moves with it), remove it (asked first; refused while a TPS has reached it), and set its
deadline: "06:00", or "06:00 +1" for the next morning, empty for none.

Every saved change goes on the window's history (Ctrl+Z); a refusal is said in the core's
sentence with nothing changed and what was typed kept; the list follows other workstations.
Only the roles that keep the reference lists (``reference.edit``) get it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from opscenter.model import WatchStep
from opscenter.reference import items
from opscenter.reference_lists import ListItem, as_item, uses
from opscenter.store import Store
from opscenter.watch import steps
from ui.form_parts import field
from ui.operation_form import FormContext
from ui.reference_list_page import ItemsModel, ListPage
from ui.reference_lists_dialog import ListsDialog, ListWrites
from ui.translations import translator

_tr = translator("WatchStepsDialog")


@dataclass(frozen=True, slots=True)
class StepRow:
    """A step as its list shows it, its deadline, and how many TPS reports name it."""

    item: ListItem
    key: str  # what an operator types for it ("1" ... "6")
    due_minutes: int | None
    uses: int


def read_steps(store: Store, operation_id: int) -> tuple[StepRow, ...]:
    with store.read() as s:
        return tuple(
            StepRow(
                as_item(row),
                str(i + 1),
                row.due_minutes,
                sum(n for _t, n in uses(s, WatchStep, row.id)),
            )
            for i, row in enumerate(items(s, WatchStep, operation_id))
        )


class StepColumn(IntEnum):
    KEY = 0
    CODE = 1
    NAME = 2
    NAME_EN = 3
    DUE = 4
    USES = 5


class StepsModel(ItemsModel[StepRow]):
    columns = StepColumn

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("No."), _tr("Nomor yang diketik operator")),
            (_tr("Kode"), ""),
            (_tr("Nama"), ""),
            (_tr("Inggris"), _tr("Nama dalam bahasa Inggris")),
            (_tr("Batas waktu"), _tr("Terlambat bila belum dicapai pada jam ini (+1: esoknya)")),
            (_tr("Dipakai"), _tr("Catatan pemantauan TPS pada langkah ini")),
        )

    def is_text(self, column: int) -> bool:
        return column not in (StepColumn.KEY, StepColumn.USES)

    def value(self, row: StepRow, column: int) -> str | int:
        if column == StepColumn.KEY:
            return int(row.key)
        if column == StepColumn.DUE:
            return steps.due_text(row.due_minutes)
        return super().value(row, column)


class WatchStepsDialog(ListsDialog):
    """The watch's steps (see the module docstring)."""

    def __init__(self, ctx: FormContext) -> None:
        super().__init__(ctx, name="watchStepsDialog", title=_tr("Langkah pemantauan TPS"))
        self.unsaved_text = _tr("Isian langkah pemantauan belum disimpan.")
        self._due_key: tuple[int, int] | None = (-1, -1)
        self._due_start = ""
        page = ListPage(
            self,
            "steps",
            StepsModel(self),
            (StepColumn.NAME, StepColumn.NAME_EN),
            _tr("langkah"),
            _tr("Da&ftar langkah (urutan pada hari pemungutan)"),
        )
        self.steps = page
        page.code.setPlaceholderText(_tr("mis. apel"))
        self.new_due = field(
            page.add_box,
            "stepNewDue",
            hint=_tr("mis. 06:00 atau 06:00 +1; boleh kosong"),
            window_undo=True,
        )
        page.add_form.addRow(_tr("Batas &waktu"), self.new_due)
        page.add_fields.append(self.new_due)
        page.add_form.addRow(page.add_button)
        self._due_form()
        self.lay_out_lists(page, 84, 34)
        self._connect(page, self._writes)
        self.due_button.clicked.connect(self.save_due)
        self.reading_order(*page.stops(self.new_due), self.due, self.due_button)
        self.reload()

    def _due_form(self) -> None:
        """The chosen step's deadline, set in place."""
        page = self.steps
        box = QGroupBox(_tr("Batas waktu langkah terpilih"), page)
        self.due = field(box, "stepDue", hint=_tr("06:00, 06:00 +1, atau kosong"), window_undo=True)
        label = QLabel(_tr("&Jam"), box)
        label.setBuddy(self.due)
        self.due_button = QPushButton(_tr("Simpan &batas waktu"), box)
        self.due_button.setObjectName("saveDue")
        row = QHBoxLayout(box)
        row.addWidget(label)
        row.addWidget(self.due, 1)
        row.addWidget(self.due_button)
        page.side.addWidget(box)
        page.side.addStretch(1)
        self.due_box = box
        box.setEnabled(False)  # until a step is read and chosen

    def _show_due(self) -> None:
        """The chosen step's deadline as stored; what is typed stays for the same step."""
        row = self.steps.current()
        key = (row.item.id, row.item.version) if isinstance(row, StepRow) else None
        self.due_box.setEnabled(key is not None)
        if key == self._due_key:
            return
        self._due_key = key
        self._due_start = steps.due_text(row.due_minutes) if isinstance(row, StepRow) else ""
        self.due.setText(self._due_start)

    def due_changed(self) -> bool:
        return self.due_box.isEnabled() and self.due.text().strip() != self._due_start

    # -- the core's writes ----------------------------------------------------------------

    def _writes(self) -> ListWrites:
        """The steps' writes; a new one gets the deadline typed now (read on the write
        thread, so an unreadable one is refused in the form)."""
        store, actor, op = self.store, self.actor, self.operation_id
        due = self.new_due.text()

        def add(code: str, name: str, en: str | None) -> ListItem:
            minutes = steps.read_due(due)
            return steps.add_step(store, actor, op, code, name, en, due_minutes=minutes)

        return ListWrites(
            add=add,
            rename=lambda i, name, en, v: steps.rename_step(
                store, actor, i, name, en, expected_version=v
            ),
            move=lambda i, step, v: steps.move_step(store, actor, i, step, expected_version=v),
            remove=lambda i, v: steps.remove_step(store, actor, i, expected_version=v),
            restore=lambda removed: steps.restore_step(store, actor, op, removed),
        )

    def list_pages(self) -> list[tuple[ListPage, Callable[[], ListWrites]]]:
        return [(self.steps, self._writes)]

    def on_chosen(self, page: ListPage) -> None:
        self._show_due()

    def extra_pending(self) -> list[tuple[QWidget, Callable[[], None]]]:
        return [(self.due_box, self.save_due)] if self.due_changed() else []

    # -- reading --------------------------------------------------------------------------

    def reader(self) -> Callable[[datetime], object]:
        store, op = self.store, self.operation_id
        return lambda _now: read_steps(store, op)

    def show_read(self, read: Sequence[StepRow]) -> None:
        self.show_page(self.steps, read)
        self._show_due()

    # -- the deadline ---------------------------------------------------------------------

    def save_due(self) -> None:
        """Save the chosen step's deadline as typed (read on the write thread, so an
        unreadable one is refused in the form); undo and redo set it back and forth."""
        row = self.steps.current()
        if not isinstance(row, StepRow) or not self.due_button.isEnabled():
            return
        typed = self.due.text()
        store, actor = self.store, self.actor
        ref = self.ref(row.item.id)

        def set_due(text: str, version: int) -> ListItem:
            due = steps.read_due(text)
            return steps.set_due(store, actor, ref.id, due, expected_version=version)

        def saved(_done: ListItem) -> tuple[str, str]:
            after = steps.due_text(steps.read_due(typed))
            self._due_start = after
            self.due.setText(after)
            text = _tr("Batas waktu {name}: {due}").format(
                name=row.item.name, due=after or _tr("tanpa batas")
            )
            return text, after

        before = steps.due_text(row.due_minutes)
        self.change_item(ref, row.item.version, set_due, (typed, before), saved, self.due_button)
