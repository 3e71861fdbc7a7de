"""The stage box of a window that shows one stage of the operation (planning, plotting).

``choose_stage`` reads the operation's stages and keeps the stage shown chosen (at first the
one asked for, else today's, else voting day): plain data, so a window may read it off the
GUI thread; ``fill_stage_box`` then lists them in the box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from sqlalchemy.orm import Session

from opscenter import operations, reference
from ui import theme
from ui.translations import translator

_tr = translator("PlanningWindow")  # the planning window's strings


@dataclass(frozen=True)
class StageBar:
    """The head of such a window: its title, the operation's name, the stage box and its
    label (with the mnemonic), for the window's bar to lay out."""

    title: QLabel
    operation: QLabel
    combo: QComboBox
    label: QLabel


def stage_bar(
    parent: QWidget, title: str, name: str, chosen: Callable[[], None], width: int = 18
) -> StageBar:
    """``name`` is the stage box's object name; ``chosen`` is called when the user picks a
    stage; ``width`` the box's width in characters."""
    heading = QLabel(title, parent)
    heading.setFont(theme.scaled_font(heading, 1.4, bold=True))
    operation = QLabel(parent)
    operation.setStyleSheet(f"color: {theme.MUTED.name()};")
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setMinimumContentsLength(width)
    combo.currentIndexChanged.connect(lambda _i: chosen())
    label = QLabel(_tr("&Tahapan:"), parent)
    label.setBuddy(combo)
    return StageBar(heading, operation, combo, label)


@dataclass(frozen=True)
class StageChoice:
    """The operation, its stages as the box lists them and the stage to show (None: the
    operation has none): plain data, read off the GUI thread where the window reads there."""

    operation_id: int
    operation_name: str
    stages: tuple[tuple[str, int], ...]  # (name in the interface's language, id), in order
    stage_id: int | None


def choose_stage(s: Session, shown_id: int, wanted_code: str | None, lang: str) -> StageChoice:
    """The operation's stages, and the one to show: ``shown_id`` while it exists, else the
    one coded ``wanted_code``, else today's, else voting day, else the first."""
    op = operations.get_operation(s)
    stages = operations.stages(s, op.id)
    items = tuple((reference.label(x.name, x.name_en, lang), x.id) for x in stages)
    pick_id: int | None = shown_id
    if all(x.id != shown_id for x in stages):
        current = operations.current_stage(stages, operations.local_today(op))
        voting = next((x for x in stages if x.is_voting), None)
        chosen = next((x for x in stages if x.code == wanted_code), None)
        pick = chosen or current or voting or (stages[0] if stages else None)
        pick_id = pick.id if pick else None
    return StageChoice(op.id, op.name, items, pick_id)


def fill_stage_box(combo: QComboBox, choice: StageChoice) -> None:
    """List ``choice``'s stages in ``combo`` and choose its stage; ``combo`` emits no signal
    for the change."""
    shown = tuple((combo.itemText(i), combo.itemData(i)) for i in range(combo.count()))
    combo.blockSignals(True)
    if shown != choice.stages:
        combo.clear()
        for name, sid in choice.stages:
            combo.addItem(name, sid)
    combo.setCurrentIndex(max(0, combo.findData(choice.stage_id)))
    combo.blockSignals(False)
