"""The editing of an operation's reference lists (those built on
``opscenter.reference_lists``: the readiness aspects and sarpras categories,
``ui.readiness_lists_dialog``; the voting-day watch's steps, ``ui.watch_steps_dialog``).

``ListsDialog`` edits each of its lists, a ``ui.reference_list_page.ListPage`` with its core
writes (``ListWrites``), one way: add an item, rename the chosen one (its code stays), move
it up or down, remove it (asked first; the core refuses while a row uses it). Every saved
change goes on the window's history (Ctrl+Z undoes it: an add is removed, a rename named
back, a move moved back, a removed item put back in its place); Ctrl+Enter saves the form
holding what is typed, the one with the focus first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from opscenter.reference_lists import ListItem, Removed
from ui.confirm import confirm
from ui.form_tables import show_rows
from ui.operation_form import FormContext, OperationForm, Ref
from ui.reference_list_page import ListPage
from ui.screen_fit import fit_to_screen
from ui.translations import translator

_tr = translator("ReadinessListsDialog")


class Versioned(Protocol):
    """A row as a core write returns it: its version is the one the next write expects."""

    @property
    def version(self) -> int: ...


T = TypeVar("T", bound=Versioned)
V = TypeVar("V")


@dataclass(frozen=True)
class ListWrites:
    """One list's core writes, each run on the write thread."""

    add: Callable[[str, str, str | None], ListItem]
    rename: Callable[[int, str, str | None, int | None], ListItem]
    move: Callable[[int, int, int | None], tuple[ListItem, ...]]
    remove: Callable[[int, int | None], Removed]
    restore: Callable[[Removed], ListItem]


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
                "menghapus · Ctrl+Z mengurungkan · Esc menutup"
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
        ref = self.ref(item.id)

        def saved(done: ListItem) -> tuple[str, tuple[str, str | None]]:
            page.renamed()
            text = _tr("Ganti nama {noun} {old} menjadi {new}").format(
                noun=page.noun, old=item.name, new=done.name
            )
            return text, (done.name, done.name_en)

        self.change_item(
            ref,
            item.version,
            lambda to, v: writes.rename(ref.id, to[0], to[1], v),
            ((page.name.text(), page.name_en.text() or None), (item.name, item.name_en)),
            saved,
            page.rename_button,
        )

    def change_item(
        self,
        ref: Ref,
        shown: int,
        change: Callable[[V, int], T],
        values: tuple[V, V],
        saved: Callable[[T], tuple[str, V]],
        button: QPushButton,
    ) -> None:
        """Change the row of ``ref`` from ``values[1]`` (read at version ``shown``) to
        ``values[0]``: ``change(value, expected_version)`` is the core's write and returns
        the row it changed. ``saved`` gets that row once stored, does what follows on screen
        and gives the history's text and the value a redo sets (the stored one: the core may
        tidy what was typed); undo and redo change the row back and forth."""

        def write() -> T:
            done = change(values[0], shown)
            ref.version = done.version
            return done

        def landed(done: T) -> None:
            text, after = saved(done)

            def step(value: V) -> Callable[[], None]:
                def run() -> None:
                    ref.version = change(value, ref.version).version

                return run

            self.push(text, step(after), step(values[1]))

        self.submit(write, landed, button)

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
