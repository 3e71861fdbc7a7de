"""The three undoable writes of a form over rows (``ui.operation_form.OperationForm``):
adding a row, changing one, removing one.

Each runs its write on the form's write queue and, once saved, puts a step on the window's
undo history whose undo and redo follow the row through ``Ref`` (redoing an add, or undoing
a removal, makes the row anew under a new id). A change or removal expects the version the
screen showed; its undo and redo expect the version the history's last step left.

Used by ``ui.visits_dialog`` and ``ui.budget_writes``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QPushButton

from ui.operation_form import OperationForm, Ref

V = TypeVar("V")


def add_row(
    form: OperationForm,
    kind: str,
    add: Callable[[], int],
    remove: Callable[[int, int], object],
    text: str,
    button: QPushButton,
    after: Callable[[int], None],
) -> None:
    """Save a new row (``add`` returns its id); undo is ``remove(id, version)``, redo adds
    it anew (a new id, which the history's ``Ref`` follows). ``after`` gets the id once
    the step is on the history."""

    def saved(row_id: int) -> None:
        ref = form.ref(row_id, kind)

        def forward() -> None:
            ref.id, ref.version = add(), 1

        def backward() -> None:
            remove(ref.id, ref.version)

        form.push(text, forward, backward)
        after(row_id)

    form.submit(add, saved, button)


def change_row(
    form: OperationForm,
    ref: Ref,
    shown: int,
    change: Callable[[V, int], int],
    to: V,
    before: V,
    text: str,
    button: QPushButton,
    after: Callable[[], None],
) -> None:
    """Change the row of ``ref`` from ``before`` to ``to`` where the screen showed
    version ``shown`` (``change(value, expected_version)`` returns the new version); undo
    and redo change it back and forth."""

    def write() -> int:
        ref.version = change(to, shown)
        return ref.version

    def saved(_version: int) -> None:
        def step(value: V) -> Callable[[], None]:
            def run() -> None:
                ref.version = change(value, ref.version)

            return run

        form.push(text, step(to), step(before))
        after()

    form.submit(write, saved, button)


def remove_row(
    form: OperationForm,
    ref: Ref,
    shown: int,
    remove: Callable[[int], object],
    add_again: Callable[[], int],
    text: str,
    button: QPushButton | None,
    after: Callable[[], None],
) -> None:
    """Remove the row of ``ref`` where the screen showed version ``shown``
    (``remove(expected_version)``); undo adds it again (``add_again`` returns the new id),
    redo removes that one."""

    def write() -> None:
        remove(shown)
        ref.version = shown

    def saved(_none: None) -> None:
        def forward() -> None:
            remove(ref.version)

        def backward() -> None:
            ref.id, ref.version = add_again(), 1

        form.push(text, forward, backward)
        after()

    form.submit(write, saved, button)
