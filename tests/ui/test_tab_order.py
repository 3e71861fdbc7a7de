"""Tab order is deliberate in every form (issue 14, point 2): Tab walks each dialog and form
in reading order, once through each field, and Shift+Tab walks it back; no stop keeps the
focus (a date's sections, a table's cells) and no stop is skipped.

The incident form has its own test (tests/ui/test_keys.py); here every other form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from opscenter import accounts
from opscenter.actor import Actor
from opscenter.board import RefItem
from opscenter.store import Store
from tests.builders import ADMIN
from tests.ui.conftest import FixedClock
from tests.ui.test_import_wizard import STAFF, roster, to_mapping
from tests.ui.test_planning_panel import settled
from ui.accounts_dialog import AccountsDialog
from ui.connection_dialog import ConnectionDialog
from ui.import_wizard import ImportWizard
from ui.login_dialog import LoginDialog
from ui.planning_window import PlanningWindow
from ui.sitrep_dialog import SitrepDialog
from ui.unit_status_dialog import UnitStatusDialog

PASSWORD = "sandi-uji-yang-panjang-1"


@dataclass
class Form:
    """A window, the stops Tab must visit in reading order, and whether Tab from the last
    stop comes back to the first (a dialog) or goes on elsewhere in the window (a panel)."""

    window: QWidget
    stops: list[QWidget]
    closed: bool = True


Build = Callable[[QtBot, pytest.FixtureRequest, Path], Form]


def buttons_of(box: QDialogButtonBox) -> list[QWidget]:
    """The box's buttons as they are laid out, left to right."""
    return sorted(box.buttons(), key=lambda b: b.mapTo(box, b.rect().topLeft()).x())


def unit_status(qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path) -> Form:
    statuses = [
        RefItem(1, "siaga", "Siaga", None, "#2e7d32"),
        RefItem(2, "bergerak", "Bergerak", None, "#1565c0"),
    ]
    d = UnitStatusDialog("Polres Kerinci", statuses, 1)
    box = d.findChild(QDialogButtonBox)
    return Form(d, [d.list, d.reason_edit, *buttons_of(box)])


def login(qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path) -> Form:
    store: Store = request.getfixturevalue("store")
    d = LoginDialog(store, bootstrap=True)
    box = d.findChild(QDialogButtonBox)
    return Form(d, [d.username, d.full_name, d.password, d.repeat, *buttons_of(box)])


def connection(qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path) -> Form:
    d = ConnectionDialog()
    d.pg_choice.setChecked(True)
    box = d.findChild(QDialogButtonBox)
    stops = [d.pg_choice, d.host, d.port, d.database, d.user, d.password, d.sslmode]
    if d.ca_file.isEnabled():
        stops += [d.ca_file, d.ca_browse]
    return Form(d, [*stops, d.preview, d.test_button, *buttons_of(box)])


def accounts_dialog(qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path) -> Form:
    store: Store = request.getfixturevalue("store")
    accounts.bootstrap_admin(store, "kapolda", PASSWORD)
    d = AccountsDialog(store, ADMIN)
    d.table.selectRow(0)  # every button enabled
    close = d.findChildren(QDialogButtonBox)[-1]
    buttons = [d.add_button, d.password_button, d.role_button, d.deactivate_button]
    return Form(d, [*buttons, d.table, *buttons_of(close)])


def sitrep_dialog(qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path) -> Form:
    request.getfixturevalue("tiny_operation")
    store: Store = request.getfixturevalue("store")
    clock: FixedClock = request.getfixturevalue("clock")
    d = SitrepDialog(store, actor=ADMIN, clock=clock)
    sections = list(d.section_boxes.values())
    return Form(
        d,
        [
            d.period_from,  # one stop each, not one per section of the date and time
            d.period_to,
            d.choices.daily_button,  # the period's two clicks, below it
            d.choices.recent_button,
            d.classification,
            d.sig_title,
            d.sig_name,
            d.sig_rank,
            d.sig_nrp,
            d.sig_on_behalf,
            d.sig_save,
            d.schedule_on,  # under the signatory
            d.schedule_hours,
            d.schedule_folder,
            d.schedule_browse,
            d.schedule_apply,
            *sections,  # in the column beside, top to bottom
            d.preview,
            d.preview_button,
            d.save_button,
            d.print_button,
            d.close_button,
        ],
    )


def import_mapping(qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path) -> Form:
    request.getfixturevalue("tiny_operation")
    store: Store = request.getfixturevalue("store")
    wizard = ImportWizard(store, actor=STAFF)
    qtbot.addWidget(wizard)
    wizard.show()
    to_mapping(qtbot, wizard, roster(tmp_path / "r.xlsx"))
    page = wizard.mapping_page
    buttons = [
        wizard.button(role)
        for role in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CancelButton,
        )
    ]
    shown = sorted(
        (b for b in buttons if b.isVisible() and b.isEnabled()),
        key=lambda b: b.mapTo(wizard, b.rect().topLeft()).x(),
    )
    return Form(wizard, [page.sheet, page.view, page.create_units, *shown])


def planning_what_if(qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path) -> Form:
    from tests.builders import build_small_operation

    store: Store = request.getfixturevalue("store")
    build_small_operation(store)
    w = PlanningWindow(store, actor=Actor("admin.uji", role="admin"), stage_code="pemungutan")
    settled(qtbot, w)
    spins = [spin for row in w.form._rows.values() for spin in row[:3]]
    t = w.tps_form
    stops = [
        *spins,  # category by category, a then b then c
        w.form.save_button,
        w.form.reset_button,
        t.kecamatan_combo,
        t.tps_combo,
        t.category_combo,
        t.apply_button,
        t.remove_button,
        t.view,
    ]
    return Form(w, [s for s in stops if s.isEnabled()], closed=False)


FORMS: dict[str, Build] = {
    "unit-status": unit_status,
    "login": login,
    "connection": connection,
    "accounts": accounts_dialog,
    "sitrep": sitrep_dialog,
    "import-mapping": import_mapping,
    "planning-what-if": planning_what_if,
}


def press(qtbot: QtBot, key: Qt.Key) -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)
    after = QApplication.focusWidget()
    assert after is not None
    return after


@pytest.mark.parametrize("name", list(FORMS))
def test_tab_walks_each_form_in_reading_order(
    name: str, qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    form = FORMS[name](qtbot, request, tmp_path)
    qtbot.addWidget(form.window)
    form.window.show()
    form.window.activateWindow()
    qtbot.waitActive(form.window)
    first = form.stops[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)

    def label(w: QWidget) -> str:
        return w.objectName() or f"{type(w).__name__}:{getattr(w, 'text', lambda: '')()}"

    forward = [first]
    for _ in form.stops[1:]:
        forward.append(press(qtbot, Qt.Key.Key_Tab))
    assert [label(w) for w in forward] == [label(w) for w in form.stops]
    assert forward == form.stops
    # Tab from the last stop leaves it: back to the first in a dialog, on in a window.
    beyond = press(qtbot, Qt.Key.Key_Tab)
    if form.closed:
        assert beyond is first
    else:
        assert beyond not in form.stops
    # Shift+Tab walks the same stops back, one each.
    form.stops[-1].setFocus(Qt.FocusReason.BacktabFocusReason)
    backward = [form.stops[-1]]
    for _ in form.stops[1:]:
        backward.append(press(qtbot, Qt.Key.Key_Backtab))
    assert backward == form.stops[::-1]
