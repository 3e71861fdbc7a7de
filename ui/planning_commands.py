"""The planning window's undoable edits: a rating, an accepted set of proposals, a saved
what-if (guard patterns and TPS categories).

Each is a core action saved on the write thread through its window (``PlanningWindow.run``)
and pushed on the window's ``QUndoStack`` once saved; undo runs the reverse action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand

from opscenter import planning
from opscenter.actor import Actor
from opscenter.planning import Accepted, Proposal, Rating, RatingValue, TpsChange, WhatIf
from opscenter.reference import GuardPattern
from opscenter.store import Store
from ui.pending import SavedCommand
from ui.translations import translator

if TYPE_CHECKING:  # the window imports this module; its type only, for the checker
    from ui.planning_window import PlanningWindow


_tr = translator("PlanningWindow")


class WritingWindow(Protocol):
    """A window that runs core writes on the write thread (the planning and the plotting
    windows): what a ``PlanningCommand`` needs of it."""

    store: Store
    actor: Actor
    operation_id: int

    def run(
        self,
        write: Callable[[], object],
        shown: Callable[[Any], None],
        *,
        obsolete: QUndoCommand | None = None,
    ) -> None: ...


W = TypeVar("W", bound=WritingWindow)


class PlanningCommand(SavedCommand, Generic[W]):
    """A core action saved on the write thread (``ui.pending``): ``do`` and ``undo_action``
    give the write (a plain function: it opens its own session), ``shown`` puts its result
    on screen. It is pushed once saved (so a refusal surfaces before the history changes)."""

    def __init__(self, window: W, text: str) -> None:
        super().__init__(text)
        self.window = window
        # Read on the write thread: plain values, taken here on the GUI thread.
        self.store, self.actor, self.operation_id = window.store, window.actor, window.operation_id

    def do(self) -> Callable[[], object]:
        raise NotImplementedError

    def undo_action(self) -> Callable[[], object]:
        raise NotImplementedError

    def shown(self, result: object) -> None:
        raise NotImplementedError

    def step(self, *, redone: bool) -> None:
        write = self.do() if redone else self.undo_action()
        self.window.run(write, self.shown, obsolete=self)


class RatingCommand(PlanningCommand["PlanningWindow"]):
    def __init__(
        self,
        window: PlanningWindow,
        value: RatingValue,
        level_id: int | None,
        before: Rating | None,
    ) -> None:
        super().__init__(window, _tr("perubahan kerawanan"))
        self.value = value  # key (level in it is ignored when clearing)
        self.level_id = level_id
        self.before = before
        # Read and set on the write thread only, where the writes run one after another.
        self.current: Rating | None = before

    def _put(self, level_id: int | None, note: str | None) -> Callable[[], object]:
        def write() -> Rating | None:
            if level_id is None:
                if self.current is not None:
                    planning.clear_rating(
                        self.store,
                        self.actor,
                        self.current.id,
                        expected_version=self.current.version,
                    )
                self.current = None
            else:
                v = RatingValue(
                    self.value.region_id,
                    self.value.stage_id,
                    self.value.aspect_id,
                    level_id,
                    "polri",
                    None,
                    note,
                )
                self.current = planning.set_rating(
                    self.store,
                    self.actor,
                    self.operation_id,
                    v,
                    expected_version=self.current.version if self.current else None,
                )
            return self.current

        return write

    def shown(self, result: object) -> None:
        rating = result if isinstance(result, Rating) else None
        self.window.rating_stored(self.value.region_id, self.value.aspect_id, rating)

    def do(self) -> Callable[[], object]:
        return self._put(self.level_id, self.before.note if self.before else None)

    def undo_action(self) -> Callable[[], object]:
        return self._put(
            self.before.level_id if self.before else None, self.before.note if self.before else None
        )


class AcceptCommand(PlanningCommand["PlanningWindow"]):
    def __init__(self, window: PlanningWindow, proposals: tuple[Proposal, ...]) -> None:
        n = sum(p.count for p in proposals)
        super().__init__(window, _tr("penerimaan penebalan {n} personel").format(n=n))
        self.stage_id = window.stage_id
        self.proposals = proposals
        self.accepted: Accepted | None = None  # set on the write thread

    def do(self) -> Callable[[], object]:
        def write() -> None:
            self.accepted = planning.accept(
                self.store, self.actor, self.operation_id, self.stage_id, self.proposals
            )

        return write

    def undo_action(self) -> Callable[[], object]:
        def write() -> None:
            if self.accepted is not None:
                planning.withdraw(self.store, self.actor, self.accepted)
                self.accepted = None

        return write

    def shown(self, result: object) -> None:
        self.window.reload()


class PatternCommand(PlanningCommand["PlanningWindow"]):
    def __init__(
        self,
        window: PlanningWindow,
        after: dict[int, GuardPattern],
        before: dict[int, GuardPattern],
        tps: tuple[TpsChange, ...] = (),
    ) -> None:
        super().__init__(
            window,
            _tr("penyimpanan perubahan kategori TPS")
            if tps and after == before
            else _tr("penyimpanan pola pengamanan"),
        )
        self.after, self.before = after, before
        self.tps = tps
        self._first = True

    def _moves(self, forward: bool) -> tuple[TpsChange, ...]:
        """The TPS moves (or their reverse) with the versions now in the database."""
        if not self.tps:
            return ()
        with self.store.read() as s:
            return planning.tps_changes(
                s,
                self.operation_id,
                {t.tps_id: t.to_category_id if forward else t.from_category_id for t in self.tps},
            )

    def _save(self, patterns: dict[int, GuardPattern], forward: bool) -> Callable[[], object]:
        # The first save uses the TPS versions the user saw: a TPS changed meanwhile is
        # refused. Each save expects the categories as the window last knew them, its own
        # earlier saves included (read on the write thread, after the writes before it).
        first, self._first = self._first, False
        window = self.window

        def write() -> None:
            tps = self.tps if first else self._moves(forward)
            left = planning.save_what_if(
                self.store,
                self.actor,
                self.operation_id,
                WhatIf(patterns=patterns, tps=tps),
                pattern_versions=window.category_versions(),
            )
            window.note_versions(left)

        return write

    def shown(self, result: object) -> None:
        self.window.reload(keep_what_if=False)

    def do(self) -> Callable[[], object]:
        return self._save(self.after, True)

    def undo_action(self) -> Callable[[], object]:
        return self._save(self.before, False)
