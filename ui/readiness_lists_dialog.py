"""The readiness lists of the operation (Ubah > Daftar aspek dan sarpras…): two tabs, the
readiness aspects and the sarpras categories, each a list with its forms beside it.

Both lists are edited one way (``opscenter.reference_lists`` through ``readiness.aspects``
and ``readiness.sarpras_categories``), by ``ui.reference_lists_dialog.ListsDialog``: add an
item (code, Indonesian name, optional English name), rename the chosen one (its code stays),
move it up or down (Ctrl+Up, Ctrl+Down in the list), remove it (asked first; refused while a
judgement, a finding or a stock row uses it). A category also has its group, its measure and
whether its stock counts ammunition (set when it is added, changed for the chosen one), and
its requirement rule (quantity per count of a basis), read back as a sentence: "1 HT per
regu pengamanan TPS" (``ui.readiness_category_forms``; what is read and its tables:
``ui.readiness_lists_models``).

Reads and writes run off the GUI thread through ``ui.operation_form.OperationForm``; every
saved change goes on the window's history (Ctrl+Z undoes it: an add is removed, a rename
named back, a move moved back, a removed item put back in its place, a group, measure or
ammunition flag or a rule set back). A
refusal is said in the form in the core's sentence, nothing changed and what was typed
kept; the lists follow changes made on other workstations.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QWidget

from opscenter.actor import Actor
from opscenter.readiness import aspects, sarpras_categories
from opscenter.readiness.sarpras import Category
from opscenter.reference_lists import ListItem, as_item
from opscenter.store import Store
from ui.form_parts import field
from ui.operation_form import FormContext
from ui.readiness_category_forms import KindForm, RuleForm, group_box
from ui.readiness_lists_models import (
    AspectColumn,
    AspectsModel,
    CategoriesModel,
    CategoryColumn,
    CategoryRow,
    ListsRead,
    group_names,
    read_lists,
    rule_sentence,
)
from ui.reference_list_page import ListPage
from ui.reference_lists_dialog import ListsDialog, ListWrites
from ui.translations import translator

_tr = translator("ReadinessListsDialog")


class ReadinessListsDialog(ListsDialog):
    """The readiness aspects and the sarpras categories (see the module docstring)."""

    def __init__(self, ctx: FormContext) -> None:
        super().__init__(
            ctx,
            name="readinessListsDialog",
            title=_tr("Daftar aspek kesiapan dan kategori sarpras"),
        )
        self.unsaved_text = _tr("Isian daftar aspek atau sarpras belum disimpan.")

        self.aspects = ListPage(
            self,
            "aspects",
            AspectsModel(self),
            (AspectColumn.NAME, AspectColumn.NAME_EN),
            _tr("aspek"),
            _tr("Da&ftar aspek (urutan kolom matriks kesiapan)"),
        )
        self.aspects.add_form.addRow(self.aspects.add_button)
        self.categories = ListPage(
            self,
            "categories",
            CategoriesModel(self),
            (CategoryColumn.NAME, CategoryColumn.RULE),
            _tr("kategori"),
            _tr("Da&ftar kategori sarpras"),
        )
        self._category_fields()
        self._category_forms()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("readinessListsTabs")
        self.tabs.addTab(self.aspects, _tr("&Aspek kesiapan"))
        self.tabs.addTab(self.categories, _tr("Kategori &sarpras"))
        self.lay_out_lists(self.tabs, 92, 40)

        self._connect(self.aspects, self._aspect_writes)
        self._connect(self.categories, self._category_writes)
        self.rule_button.clicked.connect(self.save_rule)
        self.kind_button.clicked.connect(self.save_kind)
        self.reading_order(
            self.tabs,
            *self.aspects.stops(),
            *self.categories.stops(self.group, self.measure),
            self.kind_group,
            self.kind_measure,
            self.kind_ammunition,
            self.kind_button,
            self.rule_quantity,
            self.rule_per,
            self.rule_basis,
            self.rule_button,
        )
        self.reload()

    # -- the category's own fields ------------------------------------------------------------

    def _category_fields(self) -> None:
        page = self.categories
        box = page.add_box
        self.group = group_box(box, "categoryGroup")
        self.measure = field(
            box, "categoryMeasure", hint=_tr("unit, buah, pucuk …"), window_undo=True
        )
        self.measure.setText("unit")
        page.add_form.addRow(_tr("Ke&lompok"), self.group)
        page.add_form.addRow(_tr("Dihitung &dalam"), self.measure)
        page.add_form.addRow(page.add_button)

    def _category_forms(self) -> None:
        """The chosen category's group, measure and flag under its list; its rule beside."""
        page = self.categories
        self.kind_box = KindForm(page)
        page.list_column.addWidget(self.kind_box)
        self.rule_box = RuleForm(page)
        page.side.addWidget(self.rule_box)
        kind, rule = self.kind_box, self.rule_box
        self.kind_group, self.kind_measure = kind.group, kind.measure
        self.kind_ammunition, self.kind_button = kind.ammunition, kind.button
        self.rule_quantity, self.rule_per, self.rule_basis = rule.quantity, rule.per, rule.basis
        self.rule_text, self.rule_button = rule.sentence, rule.button

    # -- the core's writes of each list -------------------------------------------------------

    def _aspect_writes(self) -> ListWrites:
        store, actor, op = self.store, self.actor, self.operation_id
        return ListWrites(
            add=lambda code, name, en: aspects.add_aspect(store, actor, op, code, name, en),
            rename=lambda i, name, en, v: aspects.rename_aspect(
                store, actor, i, name, en, expected_version=v
            ),
            move=lambda i, step, v: aspects.move_aspect(store, actor, i, step, expected_version=v),
            remove=lambda i, v: aspects.remove_aspect(store, actor, i, expected_version=v),
            restore=lambda removed: aspects.restore_aspect(store, actor, op, removed),
        )

    def _category_writes(self) -> ListWrites:
        """The categories' writes; a new one gets the group and measure shown now."""
        store, actor, op = self.store, self.actor, self.operation_id
        group, measure = str(self.group.currentData()), self.measure.text()

        def add(code: str, name: str, en: str | None) -> ListItem:
            category = sarpras_categories.add_category(
                store, actor, op, code, name, group, measure=measure, name_en=en
            )
            return as_item(category)

        return ListWrites(
            add=add,
            rename=lambda i, name, en, v: as_item(
                sarpras_categories.rename_category(store, actor, i, name, en, expected_version=v)
            ),
            move=lambda i, step, v: sarpras_categories.move_category(
                store, actor, i, step, expected_version=v
            ),
            remove=lambda i, v: sarpras_categories.remove_category(
                store, actor, i, expected_version=v
            ),
            restore=lambda removed: as_item(
                sarpras_categories.restore_category(store, actor, op, removed)
            ),
        )

    # -- reading ------------------------------------------------------------------------------

    def reader(self) -> Callable[[datetime], object]:
        store, op = self.store, self.operation_id
        return lambda _now: read_lists(store, op)

    def show_read(self, read: ListsRead) -> None:
        self.show_page(self.aspects, read.aspects)
        self.show_page(self.categories, read.categories)
        self.kind_box.show_chosen()
        self.rule_box.show_chosen()

    def list_pages(self) -> list[tuple[ListPage, Callable[[], ListWrites]]]:
        return [(self.aspects, self._aspect_writes), (self.categories, self._category_writes)]

    def on_chosen(self, page: ListPage) -> None:
        if page is self.categories:
            self.kind_box.show_chosen()
            self.rule_box.show_chosen()

    def extra_pending(self) -> list[tuple[QWidget, Callable[[], None]]]:
        out: list[tuple[QWidget, Callable[[], None]]] = []
        if self.kind_box.changed():
            out.append((self.kind_box, self.save_kind))
        if self.rule_box.changed():
            out.append((self.rule_box, self.save_rule))
        return out

    # -- writing ------------------------------------------------------------------------------

    def save_rule(self) -> None:
        row = self.categories.current()
        if not isinstance(row, CategoryRow) or not self.rule_button.isEnabled():
            return
        c = row.category
        rule = self.rule_box.now()
        store, actor = self.store, self.actor
        ref = self.ref(c.id)

        def saved(_done: Category) -> tuple[str, tuple[str | None, int, int]]:
            self.rule_box.start = rule
            text = _tr("Aturan {name}: {rule}").format(
                name=c.name, rule=rule_sentence(*rule, c.name)
            )
            return text, rule

        self.change_item(
            ref,
            c.version,
            lambda to, v: sarpras_categories.set_rule(
                store, actor, ref.id, *to, expected_version=v
            ),
            (rule, (c.rule_basis, c.rule_quantity, c.rule_per)),
            saved,
            self.rule_button,
        )

    def save_kind(self) -> None:
        """Save the chosen category's group, measure and ammunition flag; Ctrl+Z sets the
        ones it had back."""
        row = self.categories.current()
        if not isinstance(row, CategoryRow) or not self.kind_button.isEnabled():
            return
        c = row.category
        store, actor = self.store, self.actor
        ref = self.ref(c.id)

        def saved(done: Category) -> tuple[str, tuple[str, str, bool]]:
            self.kind_box.start = (done.group, done.measure, done.has_ammunition)
            self.kind_measure.setText(done.measure)
            text = _tr("Kelompok dan ukuran {name}: {group}, {measure}").format(
                name=c.name,
                group=group_names().get(done.group, done.group),
                measure=done.measure,
            )
            return text, self.kind_box.start

        self.change_item(
            ref,
            c.version,
            lambda to, v: sarpras_categories.change_category(
                store, actor, ref.id, *to, expected_version=v
            ),
            (self.kind_box.now(), (c.group, c.measure, c.has_ammunition)),
            saved,
            self.kind_button,
        )


def open_lists(
    window: QWidget,
    store: Store,
    actor: Actor,
    operation_id: int,
    undo_stack: QUndoStack,
    clock: Callable[[], datetime],
    changes: SignalInstance | None = None,
    kind: Callable[[FormContext], ListsDialog] | None = None,
) -> ListsDialog:
    """Open a lists dialog over ``window`` (the main window): ``kind`` (default: the
    readiness lists; ``ui.watch_steps_dialog.WatchStepsDialog``); ``changes`` (the change
    feed) keeps it current."""
    make = kind or ReadinessListsDialog
    dialog = make(FormContext(store, actor, operation_id, undo_stack, clock, window))
    if changes is not None:
        dialog.follow(changes)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
