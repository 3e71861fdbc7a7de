"""Opening a readiness form (visits, budget, sarpras) from the main window, for the unit
chosen on the Kesiapan tab (``ui.operation_form.form_target``). This module and the visits
form load when a form is first opened (``ui.edit_menu``), not with the main window; the
budget and sarpras forms when first opened themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from opscenter.actor import Actor
from opscenter.store import Store
from ui.operation_form import FormContext, ReadinessForm, form_target
from ui.readiness_panel import ReadinessPanel
from ui.visits_dialog import VisitsDialog


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
