"""The readiness lists of the operation (Ubah > Daftar aspek dan sarpras…): two tabs, the
readiness aspects and the sarpras categories, each a list with its forms beside it.

Both lists are edited one way (``opscenter.reference_lists`` through ``readiness.aspects``
and ``readiness.sarpras``): add an item (code, Indonesian name, optional English name),
rename the chosen one (its code stays), move it up or down (Ctrl+Up, Ctrl+Down in the
list), remove it (asked first; refused while a judgement, a finding or a stock row uses it).
A category also has its group, its measure and whether its stock counts ammunition (set
when it is added, changed for the chosen one), and its requirement rule (quantity per count
of a basis), read back as a sentence: "1 HT per regu pengamanan TPS".

``ListsDialog`` is the editing itself, for any list of the operation built on
``opscenter.reference_lists``: the voting-day watch's steps use it too
(``ui.watch_steps_dialog``).

Reads and writes run off the GUI thread through ``ui.operation_form.OperationForm``; every
saved change goes on the window's history (Ctrl+Z undoes it: an add is removed, a rename
named back, a move moved back, a removed item put back in its place, a group, measure or
ammunition flag or a rule set back). A
refusal is said in the form in the core's sentence, nothing changed and what was typed
kept; the lists follow changes made on other workstations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from functools import partial
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QSize, Qt, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opscenter.actor import Actor
from opscenter.model.readiness import RULE_BASES, SARPRAS_GROUPS, SarprasCategory
from opscenter.readiness import aspects, sarpras
from opscenter.readiness.aspects import AspectRow
from opscenter.readiness.sarpras import Category
from opscenter.reference_lists import ListItem, Removed, uses
from opscenter.store import Store
from ui import theme
from ui.confirm import confirm
from ui.form_parts import button_row, field
from ui.form_tables import current_row, delete_key, show_rows, table
from ui.operation_form import FormContext, OperationForm
from ui.screen_fit import fit_to_screen
from ui.table_model import TableModel
from ui.translations import translator

_tr = translator("ReadinessListsDialog")


# --- what the dialog reads ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """A category as its list shows it (read in Indonesian: ``item.name`` is the stored
    Indonesian name) and how many stock rows refer to it."""

    item: ListItem
    category: Category
    uses: int


@dataclass(frozen=True, slots=True)
class ListsRead:
    aspects: tuple[AspectRow, ...]
    categories: tuple[CategoryRow, ...]


def read_lists(store: Store, operation_id: int) -> ListsRead:
    with store.read() as s:
        cats = tuple(
            CategoryRow(
                ListItem(c.id, c.version, c.code, c.name, c.name_en, c.ordinal),
                c,
                sum(n for _t, n in uses(s, SarprasCategory, c.id)),
            )
            for c in sarpras.categories(s, operation_id, "id")
        )
        return ListsRead(aspects.aspect_rows(s, operation_id), cats)


# --- words -----------------------------------------------------------------------------------


def evidence_names() -> dict[str | None, str]:
    return {
        "personel": _tr("kekuatan personel"),
        "sarpras": _tr("sarpras terhadap kebutuhan"),
        "anggaran": _tr("pagu terhadap kebutuhan"),
        None: _tr("penilaian dan temuan saja"),
    }


def group_names() -> dict[str, str]:
    return {
        "kendaraan": _tr("Kendaraan"),
        "komunikasi": _tr("Komunikasi"),
        "dalmas": _tr("Dalmas"),
        "teknologi": _tr("Teknologi"),
        "senjata": _tr("Senjata api"),
        "posko": _tr("Posko"),
    }


def group_box(parent: QWidget, name: str) -> QComboBox:
    """A box named ``name`` choosing a sarpras group (by its name; its code is the data)."""
    box = QComboBox(parent)
    box.setObjectName(name)
    names = group_names()
    for code in SARPRAS_GROUPS:
        box.addItem(names[code], code)
    return box


def basis_names() -> dict[str | None, str]:
    return {
        None: _tr("tanpa kebutuhan"),
        "team": _tr("regu pengamanan TPS"),
        "tps_kec": _tr("TPS di tiap kecamatan"),
        "kecamatan": _tr("kecamatan"),
        "personel": _tr("personel pengamanan TPS"),
        "unit": _tr("satuan (Polda, Polres, Polresta)"),
    }


def rule_sentence(basis: str | None, quantity: int, per: int, name: str) -> str:
    """A requirement rule read back: "1 HT per regu pengamanan TPS", "1 Kendaraan roda 2
    per 10 TPS di tiap kecamatan"."""
    if basis is None:
        return _tr("Tanpa aturan: kebutuhan {name} tidak dihitung.").format(name=name)
    what = basis_names()[basis]
    if basis == "unit" or per == 1:
        return _tr("{quantity} {name} per {what}").format(quantity=quantity, name=name, what=what)
    return _tr("{quantity} {name} per {per} {what}").format(
        quantity=quantity, name=name, per=per, what=what
    )


# --- the tables ------------------------------------------------------------------------------


class ItemRow(Protocol):
    """A row of a list: its item, and what else its table shows."""

    @property
    def item(self) -> ListItem: ...


R = TypeVar("R", bound=ItemRow)


class ItemsModel(TableModel[R]):
    """A list's rows, keyed by their item's id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(key=lambda r: r.item.id, parent=parent)


class AspectColumn(IntEnum):
    CODE = 0
    NAME = 1
    NAME_EN = 2
    EVIDENCE = 3
    USES = 4


class AspectsModel(ItemsModel[AspectRow]):
    columns = AspectColumn

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Kode"), ""),
            (_tr("Nama"), ""),
            (_tr("Inggris"), _tr("Nama dalam bahasa Inggris")),
            (_tr("Tingkat dari data"), _tr("Data yang menurunkan tingkat kesiapannya")),
            (_tr("Dipakai"), _tr("Penilaian dan temuan pada aspek ini")),
        )

    def is_text(self, column: int) -> bool:
        return column != AspectColumn.USES

    def value(self, row: AspectRow, column: int) -> str | int:
        if column == AspectColumn.CODE:
            return row.item.code
        if column == AspectColumn.NAME:
            return row.item.name
        if column == AspectColumn.NAME_EN:
            return row.item.name_en or ""
        if column == AspectColumn.EVIDENCE:
            return evidence_names().get(row.evidence, row.evidence or "")
        return row.uses


class CategoryColumn(IntEnum):
    GROUP = 0
    CODE = 1
    NAME = 2
    MEASURE = 3
    RULE = 4
    USES = 5


class CategoriesModel(ItemsModel[CategoryRow]):
    columns = CategoryColumn

    def headers(self) -> Sequence[tuple[str, str]]:
        return (
            (_tr("Kelompok"), ""),
            (_tr("Kode"), ""),
            (_tr("Nama"), ""),
            (_tr("Ukuran"), ""),
            (_tr("Aturan"), _tr("Aturan kebutuhan")),
            (_tr("Dipakai"), _tr("Baris sarpras satuan pada kategori ini")),
        )

    def is_text(self, column: int) -> bool:
        return column != CategoryColumn.USES

    def value(self, row: CategoryRow, column: int) -> str | int:
        c = row.category
        if column == CategoryColumn.GROUP:
            return group_names().get(c.group, c.group)
        if column == CategoryColumn.CODE:
            return c.code
        if column == CategoryColumn.NAME:
            return c.name
        if column == CategoryColumn.MEASURE:
            return c.measure
        if column == CategoryColumn.RULE:
            # In the list the name stands beside it: "1 unit per 10 TPS di tiap kecamatan"
            # (the whole sentence, name and all, squeezed both columns at 1366 px).
            if c.rule_basis is None:
                return basis_names()[None]
            return rule_sentence(c.rule_basis, c.rule_quantity, c.rule_per, c.measure)
        return row.uses

    def extra(self, row: CategoryRow, column: int, role: int) -> Any:
        c = row.category
        if role == Qt.ItemDataRole.ToolTipRole and column == CategoryColumn.NAME:
            return c.name_en
        if role == Qt.ItemDataRole.ToolTipRole and column == CategoryColumn.RULE:
            return rule_sentence(c.rule_basis, c.rule_quantity, c.rule_per, c.name)
        return None


# --- one list's part of the dialog -------------------------------------------------------------


@dataclass(frozen=True)
class ListWrites:
    """One list's core writes, each run on the write thread."""

    add: Callable[[str, str, str | None], ListItem]
    rename: Callable[[int, str, str | None, int | None], ListItem]
    move: Callable[[int, int, int | None], tuple[ListItem, ...]]
    remove: Callable[[int, int | None], Removed]
    restore: Callable[[Removed], ListItem]


class ListPage(QWidget):
    """A list with its forms: add (code, name, English name), and for the chosen item
    rename, up, down, remove; ``extra`` (the category's rule) goes below them."""

    def __init__(
        self,
        parent: QWidget,
        name: str,
        model: TableModel[Any],
        stretch: Sequence[int],
        noun: str,
        list_label: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name + "Page")
        self.model, self.noun = model, noun
        self.view = table(self, name + "Table", model, stretch)
        label = QLabel(list_label, self)
        label.setBuddy(self.view)
        self.view_label = label

        self.add_box = QGroupBox(_tr("Tambah"), self)
        self.code = field(
            self.add_box, name + "Code", hint=_tr("mis. logistik-pemilu"), window_undo=True
        )
        self.new_name = field(self.add_box, name + "NewName", window_undo=True)
        self.new_name_en = field(
            self.add_box, name + "NewNameEn", hint=_tr("boleh kosong"), window_undo=True
        )
        self.add_form = QFormLayout(self.add_box)
        self.add_form.addRow(_tr("K&ode"), self.code)
        self.add_form.addRow(_tr("&Nama"), self.new_name)
        self.add_form.addRow(_tr("Nama &Inggris"), self.new_name_en)
        # The add form's fields (a dialog adds its own: a step's deadline).
        self.add_fields: list[QLineEdit] = [self.code, self.new_name, self.new_name_en]
        self.add_button = QPushButton(_tr("&Tambah"), self.add_box)
        self.add_button.setObjectName(name + "Add")

        self.chosen_box = QGroupBox(_tr("Terpilih"), self)
        self.chosen = QLabel(self.chosen_box)
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.name = field(self.chosen_box, name + "Name", window_undo=True)
        self.name_en = field(self.chosen_box, name + "NameEn", window_undo=True)
        chosen_form = QFormLayout(self.chosen_box)
        chosen_form.addRow(self.chosen)
        chosen_form.addRow(_tr("Nama &baru"), self.name)
        chosen_form.addRow(_tr("Nama In&ggris baru"), self.name_en)
        self.rename_button = QPushButton(_tr("Ganti na&ma"), self.chosen_box)
        self.rename_button.setObjectName(name + "Rename")
        self.up_button = QPushButton(_tr("Nai&k"), self.chosen_box)
        self.up_button.setObjectName(name + "Up")
        self.up_button.setToolTip(_tr("Ctrl+Atas di daftar"))
        self.down_button = QPushButton(_tr("Tu&run"), self.chosen_box)
        self.down_button.setObjectName(name + "Down")
        self.down_button.setToolTip(_tr("Ctrl+Bawah di daftar"))
        self.remove_button = QPushButton(_tr("&Hapus…"), self.chosen_box)
        self.remove_button.setObjectName(name + "Remove")
        self.remove_button.setToolTip(_tr("Delete di daftar"))
        chosen_form.addRow(
            button_row(self.rename_button, self.up_button, self.down_button, self.remove_button)
        )
        self.side = QVBoxLayout()
        self.side.addWidget(self.add_box)
        self.side.addWidget(self.chosen_box)

        lists = QVBoxLayout()
        lists.addWidget(label)
        lists.addWidget(self.view, 1)
        self.list_column = lists  # the category's group and measure go under its list
        body = QHBoxLayout(self)
        body.addLayout(lists, 3)
        body.addLayout(self.side, 2)
        self._key: tuple[int, int] | None = (-1, -1)  # the chosen item in the rename form
        self._start: tuple[str, str] = ("", "")
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            QShortcut(
                QKeySequence(keys),
                self.view,
                lambda s=step: (self.up_button if s < 0 else self.down_button).click(),
                context=Qt.ShortcutContext.WidgetShortcut,
            )
        delete_key(self.view, self.remove_button.click)

    def stops(self, *adding: QWidget) -> list[QWidget]:
        """The page's widgets in reading order, a dialog's own fields of the add form
        (``adding``) before its button."""
        return [
            self.view,
            self.code,
            self.new_name,
            self.new_name_en,
            *adding,
            self.add_button,
            self.name,
            self.name_en,
            self.rename_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ]

    def current(self) -> Any:
        return current_row(self.view, self.model)

    def item(self) -> ListItem | None:
        row = self.current()
        return row.item if row is not None else None

    def show_chosen(self) -> None:
        """The rename form says which item it acts on; typed names stay while it is the same
        item as read before."""
        item = self.item()
        n, last = self.model.rowCount(), self.view.currentIndex().row()
        self.up_button.setEnabled(item is not None and last > 0)
        self.down_button.setEnabled(item is not None and last < n - 1)
        for b in (self.rename_button, self.remove_button, self.name, self.name_en):
            b.setEnabled(item is not None)
        key = (item.id, item.version) if item is not None else None
        if key == self._key:
            return
        self._key = key
        if item is None:
            self.chosen.setText(_tr("Pilih di daftar."))
            self._start = ("", "")
        else:
            self.chosen.setText(f"{item.code}: {item.name}")
            self._start = (item.name, item.name_en or "")
        self.name.setText(self._start[0])
        self.name_en.setText(self._start[1])

    def adding(self) -> bool:
        return any(f.text().strip() for f in self.add_fields)

    def renaming(self) -> bool:
        return self.item() is not None and (
            self.name.text().strip(),
            self.name_en.text().strip(),
        ) != (self._start[0].strip(), self._start[1].strip())

    def clear_add(self) -> None:
        for f in self.add_fields:
            f.clear()

    def renamed(self) -> None:
        """The rename was saved: what is typed is what is stored."""
        self._start = (self.name.text(), self.name_en.text())

    def select(self, item_id: int | None) -> None:
        row = self.model.row_of(item_id) if item_id is not None else None
        if row is None and self.model.rowCount() and not self.view.currentIndex().isValid():
            row = 0
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self.show_chosen()


# --- the lists' dialog ---------------------------------------------------------------------


class ListsDialog(OperationForm):
    """Reference lists of the operation, each a ``ListPage`` with its core writes
    (``ListWrites``), edited one way: add, rename, move, remove (asked first), each saved
    change on the window's history. A dialog gives its pages (``list_pages``), ``reader`` and
    ``show_read`` (through ``show_page``), and the saves of its own forms (``extra_pending``).
    """

    def __init__(self, ctx: FormContext, *, name: str, title: str) -> None:
        super().__init__(ctx, name=name, title=title)
        # page name -> the item to choose once the next read is shown (one just added)
        self._select: dict[str, int | None] = {}

    def list_pages(self) -> list[tuple[ListPage, Callable[[], ListWrites]]]:
        raise NotImplementedError

    def extra_pending(self) -> list[tuple[QWidget, Callable[[], None]]]:
        """The saves of a dialog's own forms holding what is typed and not stored."""
        return []

    def lay_out_lists(self, lists: QWidget, width: int, height: int) -> None:
        """Lay the dialog out around ``lists`` with the keys it takes in the hint, ``width``
        letters wide and ``height`` lines high where the screen has room."""
        body = QVBoxLayout()
        body.addWidget(lists, 1)
        self.lay_out(None, body)
        self.hint.setText(
            _tr(
                "Ctrl+Enter menyimpan isian yang terbuka · Ctrl+Atas/Bawah memindah · Delete "
                "menghapus · Ctrl+Z membatalkan · Esc menutup"
            )
        )
        em = self.fontMetrics().horizontalAdvance("M")
        fit_to_screen(self, QSize(em * width, self.fontMetrics().height() * height))

    def _connect(self, page: ListPage, writes: Callable[[], ListWrites]) -> None:
        page.add_button.clicked.connect(lambda: self.add_item(page, writes()))
        page.rename_button.clicked.connect(lambda: self.rename_item(page, writes()))
        page.up_button.clicked.connect(lambda: self.move_item(page, writes(), -1))
        page.down_button.clicked.connect(lambda: self.move_item(page, writes(), 1))
        page.remove_button.clicked.connect(lambda: self.remove_item(page, writes()))
        page.view.selectionModel().currentRowChanged.connect(lambda *_: self._chosen(page))

    def _chosen(self, page: ListPage) -> None:
        page.show_chosen()
        self.on_chosen(page)

    def on_chosen(self, page: ListPage) -> None:
        """The chosen item of ``page`` changed: a dialog's own forms follow it."""

    def show_page(self, page: ListPage, rows: Sequence[Any]) -> None:
        """Show a read's rows on ``page``, keeping the chosen item (or the one just added)."""
        item = page.item()
        keep = self._select.pop(page.objectName(), None) or (item.id if item is not None else None)
        show_rows(page.model, rows)
        page.select(keep)

    def _track(self, rows: Sequence[ListItem]) -> None:
        """The versions a write left on rows the history holds (a move changes the
        neighbour's too); run on the write thread, like the steps that read them."""
        for row in rows:
            for ref in self._refs:
                if ref.id == row.id:
                    ref.version = row.version

    def _keep(self, page: ListPage, item_id: int) -> None:
        self._select[page.objectName()] = item_id

    def add_item(self, page: ListPage, writes: ListWrites) -> None:
        code, name = page.code.text(), page.new_name.text()
        en = page.new_name_en.text() or None
        holder: list[Removed] = []

        def write() -> ListItem:
            return writes.add(code, name, en)

        def saved(item: ListItem) -> None:
            ref = self.ref(item.id)

            def forward() -> None:
                new = writes.restore(holder[0])
                ref.id, ref.version = new.id, new.version

            def backward() -> None:
                holder[:] = [writes.remove(ref.id, ref.version)]

            self.push(
                _tr("Tambah {noun} {name}").format(noun=page.noun, name=item.name),
                forward,
                backward,
            )
            page.clear_add()
            self._keep(page, item.id)
            page.view.setFocus()

        self.submit(write, saved, page.add_button)

    def rename_item(self, page: ListPage, writes: ListWrites) -> None:
        item = page.item()
        if item is None or not page.rename_button.isEnabled():
            return
        name, en = page.name.text(), page.name_en.text() or None
        before = (item.name, item.name_en)
        ref, shown = self.ref(item.id), item.version

        def write() -> ListItem:
            done = writes.rename(ref.id, name, en, shown)
            ref.version = done.version
            return done

        def saved(done: ListItem) -> None:
            def step(to: tuple[str, str | None]) -> Callable[[], None]:
                def run() -> None:
                    ref.version = writes.rename(ref.id, to[0], to[1], ref.version).version

                return run

            self.push(
                _tr("Ganti nama {noun} {old} menjadi {new}").format(
                    noun=page.noun, old=before[0], new=done.name
                ),
                step((done.name, done.name_en)),
                step(before),
            )
            page.renamed()

        self.submit(write, saved, page.rename_button)

    def move_item(self, page: ListPage, writes: ListWrites, step: int) -> None:
        item = page.item()
        button = page.up_button if step < 0 else page.down_button
        if item is None or not button.isEnabled():
            return
        ref, shown = self.ref(item.id), item.version
        track = self._track

        def write() -> tuple[ListItem, ...]:
            moved = writes.move(ref.id, step, shown)
            track(moved)
            return moved

        def saved(_moved: tuple[ListItem, ...]) -> None:
            def run(s: int) -> Callable[[], None]:
                return lambda: track(writes.move(ref.id, s, ref.version))

            text = _tr("Naikkan {noun} {name}") if step < 0 else _tr("Turunkan {noun} {name}")
            self.push(text.format(noun=page.noun, name=item.name), run(step), run(-step))
            self._keep(page, item.id)

        self.submit(write, saved, button)

    def remove_item(self, page: ListPage, writes: ListWrites) -> None:
        item = page.item()
        if item is None or not page.remove_button.isEnabled():
            return
        if not confirm(
            self,
            _tr("Hapus {noun}").format(noun=page.noun),
            _tr("Hapus {noun} \u201c{name}\u201d ({code}) dari daftar?").format(
                noun=page.noun, name=item.name, code=item.code
            ),
            _tr("&Hapus"),
            _tr("Ditolak bila masih dipakai; Ctrl+Z mengembalikannya."),
        ):
            return
        ref, shown = self.ref(item.id), item.version
        holder: list[Removed] = []

        def write() -> Removed:
            holder[:] = [writes.remove(ref.id, shown)]
            return holder[0]

        def saved(_removed: Removed) -> None:
            def forward() -> None:
                holder[:] = [writes.remove(ref.id, ref.version)]

            def backward() -> None:
                back = writes.restore(holder[0])
                ref.id, ref.version = back.id, back.version

            self.push(
                _tr("Hapus {noun} {name}").format(noun=page.noun, name=item.name),
                forward,
                backward,
            )

        self.submit(write, saved, page.remove_button)

    # -- Ctrl+Enter and nothing typed is lost (``ui.unsaved.Editor``) ---------------------------

    def _pending(self) -> list[Callable[[], None]]:
        """The saves of what is typed and not stored, the form with the focus first."""
        out: list[tuple[QWidget, Callable[[], None]]] = []
        for page, writes_of in self.list_pages():
            writes = writes_of()
            if page.adding():
                out.append((page.add_box, partial(self.add_item, page, writes)))
            if page.renaming():
                out.append((page.chosen_box, partial(self.rename_item, page, writes)))
        out += self.extra_pending()
        focus = self.focusWidget()
        out.sort(key=lambda pair: not (focus is not None and pair[0].isAncestorOf(focus)))
        return [save for _box, save in out]

    def save_current(self) -> None:
        pending = self._pending()
        if pending:
            pending[0]()

    def is_dirty(self) -> bool:
        return bool(self._pending())


# --- the dialog ------------------------------------------------------------------------------


class ReadinessListsDialog(ListsDialog):
    """The readiness aspects and the sarpras categories (see the module docstring)."""

    def __init__(self, ctx: FormContext) -> None:
        super().__init__(
            ctx,
            name="readinessListsDialog",
            title=_tr("Daftar aspek kesiapan dan kategori sarpras"),
        )
        self.unsaved_text = _tr("Isian daftar aspek atau sarpras belum disimpan.")
        self._rule_key: tuple[int, int] | None = (-1, -1)
        self._rule_start: tuple[str | None, int, int] = (None, 1, 1)
        self._kind_key: tuple[int, int] | None = (-1, -1)
        self._kind_start: tuple[str, str, bool] = ("", "", False)

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
        self._kind_form()
        self._rule_form()
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

    def _kind_form(self) -> None:
        """The chosen category's group, measure and ammunition flag, changed in place."""
        page = self.categories
        box = QGroupBox(_tr("Kelompok dan ukuran kategori terpilih"), page)
        self.kind_group = group_box(box, "kindGroup")
        self.kind_measure = field(
            box, "kindMeasure", hint=_tr("unit, buah, pucuk …"), window_undo=True
        )
        self.kind_ammunition = QCheckBox(_tr("Mencatat jumlah amunisi"), box)
        self.kind_ammunition.setObjectName("kindAmmunition")
        self.kind_ammunition.setToolTip(
            _tr("Tidak dapat dilepas selama data sarpras kategori ini berisi jumlah amunisi.")
        )
        # "Catat": the letters of "Simpan kelompok" are all taken on this page.
        self.kind_button = QPushButton(_tr("&Catat kelompok dan ukuran"), box)
        self.kind_button.setObjectName("saveKind")
        # Under the list (it gives up the height): the forms beside it fill a laptop screen.
        fields = QHBoxLayout()
        for text, edit in ((_tr("Kelompok"), self.kind_group), (_tr("dalam"), self.kind_measure)):
            label = QLabel(text, box)
            label.setBuddy(edit)
            fields.addWidget(label)
            fields.addWidget(edit, 1)
        below = QHBoxLayout()
        below.addWidget(self.kind_ammunition, 1)
        below.addWidget(self.kind_button)
        column = QVBoxLayout(box)
        column.addLayout(fields)
        column.addLayout(below)
        page.list_column.addWidget(box)
        self.kind_box = box
        box.setEnabled(False)  # until a category is read and chosen

    def _chosen_category(
        self, box: QGroupBox, last: tuple[int, int] | None
    ) -> tuple[tuple[int, int] | None, Category | None]:
        """The chosen category's (id, version), with ``box`` on only while one is chosen;
        and the category itself when that is not ``last``, the key its form shows: the form
        then shows it as stored (what is typed stays for the same category and version)."""
        row = self.categories.current()
        key = (row.item.id, row.item.version) if isinstance(row, CategoryRow) else None
        box.setEnabled(key is not None)
        changed = key != last and isinstance(row, CategoryRow)
        return key, (row.category if changed else None)

    def _show_kind(self) -> None:
        """The chosen category's group, measure and flag as stored."""
        self._kind_key, c = self._chosen_category(self.kind_box, self._kind_key)
        if c is not None:
            self._kind_start = (c.group, c.measure, c.has_ammunition)
            self.kind_group.setCurrentIndex(self.kind_group.findData(c.group))
            self.kind_measure.setText(c.measure)
            self.kind_ammunition.setChecked(c.has_ammunition)

    def _kind_now(self) -> tuple[str, str, bool]:
        return (
            str(self.kind_group.currentData()),
            self.kind_measure.text(),
            self.kind_ammunition.isChecked(),
        )

    def kind_changed(self) -> bool:
        group, measure, ammunition = self._kind_now()
        start = self._kind_start
        return self.kind_box.isEnabled() and (group, measure.strip(), ammunition) != (
            start[0],
            start[1].strip(),
            start[2],
        )

    def _rule_form(self) -> None:
        page = self.categories
        box = QGroupBox(_tr("Aturan kebutuhan kategori terpilih"), page)
        self.rule_quantity = QSpinBox(box)
        self.rule_quantity.setObjectName("ruleQuantity")
        self.rule_quantity.setRange(0, 100_000)
        self.rule_per = QSpinBox(box)
        self.rule_per.setObjectName("rulePer")
        self.rule_per.setRange(1, 100_000)
        self.rule_basis = QComboBox(box)
        self.rule_basis.setObjectName("ruleBasis")
        # Not as wide as its widest choice: that width came out of the list beside it.
        self.rule_basis.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rule_basis.setMinimumContentsLength(14)
        for code, name in basis_names().items():
            if code in (None, *RULE_BASES):
                self.rule_basis.addItem(name, code)
        row = QHBoxLayout()
        for text, edit in (
            (_tr("&Jumlah"), self.rule_quantity),
            (_tr("p&er"), self.rule_per),
            (None, self.rule_basis),
        ):
            if text is not None:
                label = QLabel(text, box)
                label.setBuddy(edit)
                row.addWidget(label)
            row.addWidget(edit, 1 if text is None else 0)
        self.rule_text = QLabel(box)
        self.rule_text.setObjectName("ruleSentence")
        self.rule_text.setWordWrap(True)
        self.rule_text.setTextFormat(Qt.TextFormat.PlainText)
        self.rule_text.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.rule_button = QPushButton(_tr("Sim&pan aturan"), box)
        self.rule_button.setObjectName("saveRule")
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.rule_text)
        column.addWidget(self.rule_button)
        page.side.addWidget(box)
        self.rule_box = box
        box.setEnabled(False)  # until a category is read and chosen
        for spin in (self.rule_quantity, self.rule_per):
            spin.valueChanged.connect(lambda _v: self._rule_typed())
        self.rule_basis.currentIndexChanged.connect(lambda _i: self._rule_typed())

    def _rule_typed(self) -> None:
        row = self.categories.current()
        name = row.category.name if isinstance(row, CategoryRow) else "…"
        basis = self.rule_basis.currentData()
        self.rule_per.setEnabled(basis not in (None, "unit"))
        self.rule_quantity.setEnabled(basis is not None)
        self.rule_text.setText(
            rule_sentence(basis, self.rule_quantity.value(), self.rule_per.value(), name)
        )

    def _show_rule(self) -> None:
        self._rule_key, c = self._chosen_category(self.rule_box, self._rule_key)
        if c is not None:
            self._rule_start = (c.rule_basis, c.rule_quantity, c.rule_per)
            self.rule_basis.setCurrentIndex(self.rule_basis.findData(c.rule_basis))
            self.rule_quantity.setValue(c.rule_quantity)
            self.rule_per.setValue(c.rule_per)
        self._rule_typed()

    def _rule_now(self) -> tuple[str | None, int, int]:
        basis = self.rule_basis.currentData()
        return (basis, self.rule_quantity.value(), self.rule_per.value())

    def rule_changed(self) -> bool:
        return self.rule_box.isEnabled() and self._rule_now() != self._rule_start

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

        def plain(c: Category) -> ListItem:
            return ListItem(c.id, c.version, c.code, c.name, c.name_en, c.ordinal)

        def add(code: str, name: str, en: str | None) -> ListItem:
            category = sarpras.add_category(
                store, actor, op, code, name, group, measure=measure, name_en=en
            )
            return plain(category)

        return ListWrites(
            add=add,
            rename=lambda i, name, en, v: plain(
                sarpras.rename_category(store, actor, i, name, en, expected_version=v)
            ),
            move=lambda i, step, v: sarpras.move_category(
                store, actor, i, step, expected_version=v
            ),
            remove=lambda i, v: sarpras.remove_category(store, actor, i, expected_version=v),
            restore=lambda removed: plain(sarpras.restore_category(store, actor, op, removed)),
        )

    # -- reading ------------------------------------------------------------------------------

    def reader(self) -> Callable[[datetime], object]:
        store, op = self.store, self.operation_id
        return lambda _now: read_lists(store, op)

    def show_read(self, read: ListsRead) -> None:
        self.show_page(self.aspects, read.aspects)
        self.show_page(self.categories, read.categories)
        self._show_kind()
        self._show_rule()

    def list_pages(self) -> list[tuple[ListPage, Callable[[], ListWrites]]]:
        return [(self.aspects, self._aspect_writes), (self.categories, self._category_writes)]

    def on_chosen(self, page: ListPage) -> None:
        if page is self.categories:
            self._show_kind()
            self._show_rule()

    def extra_pending(self) -> list[tuple[QWidget, Callable[[], None]]]:
        out: list[tuple[QWidget, Callable[[], None]]] = []
        if self.kind_changed():
            out.append((self.kind_box, self.save_kind))
        if self.rule_changed():
            out.append((self.rule_box, self.save_rule))
        return out

    # -- writing ------------------------------------------------------------------------------

    def save_rule(self) -> None:
        row = self.categories.current()
        if not isinstance(row, CategoryRow) or not self.rule_button.isEnabled():
            return
        c = row.category
        basis, quantity, per = self._rule_now()
        before = (c.rule_basis, c.rule_quantity, c.rule_per)
        store, actor = self.store, self.actor
        ref, shown = self.ref(c.id), c.version

        def write() -> Category:
            done = sarpras.set_rule(
                store, actor, ref.id, basis, quantity, per, expected_version=shown
            )
            ref.version = done.version
            return done

        def saved(_done: Category) -> None:
            def step(to: tuple[str | None, int, int]) -> Callable[[], None]:
                def run() -> None:
                    ref.version = sarpras.set_rule(
                        store, actor, ref.id, *to, expected_version=ref.version
                    ).version

                return run

            self.push(
                _tr("Aturan {name}: {rule}").format(
                    name=c.name, rule=rule_sentence(basis, quantity, per, c.name)
                ),
                step((basis, quantity, per)),
                step(before),
            )
            self._rule_start = (basis, quantity, per)

        self.submit(write, saved, self.rule_button)

    def save_kind(self) -> None:
        """Save the chosen category's group, measure and ammunition flag; Ctrl+Z sets the
        ones it had back."""
        row = self.categories.current()
        if not isinstance(row, CategoryRow) or not self.kind_button.isEnabled():
            return
        c = row.category
        kind = self._kind_now()
        before = (c.group, c.measure, c.has_ammunition)
        store, actor = self.store, self.actor
        ref, shown = self.ref(c.id), c.version

        def write() -> Category:
            done = sarpras.change_category(store, actor, ref.id, *kind, expected_version=shown)
            ref.version = done.version
            return done

        def saved(done: Category) -> None:
            def step(to: tuple[str, str, bool]) -> Callable[[], None]:
                def run() -> None:
                    ref.version = sarpras.change_category(
                        store, actor, ref.id, *to, expected_version=ref.version
                    ).version

                return run

            after = (done.group, done.measure, done.has_ammunition)
            self.push(
                _tr("Kelompok dan ukuran {name}: {group}, {measure}").format(
                    name=c.name,
                    group=group_names().get(done.group, done.group),
                    measure=done.measure,
                ),
                step(after),
                step(before),
            )
            self._kind_start = (done.group, done.measure, done.has_ammunition)
            self.kind_measure.setText(done.measure)

        self.submit(write, saved, self.kind_button)

    # -- Ctrl+Enter and nothing typed is lost (``ui.unsaved.Editor``) ---------------------------


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
