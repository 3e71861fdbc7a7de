"""The English translation: complete, faithful to placeholders, and loaded by the window."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opscenter.store import Store
from ui.main_window import MainWindow
from ui.translations import FOLDER, compile_all

if TYPE_CHECKING:  # fixtures' types only: conftest modules are not for importing
    from tests.ui.conftest import TinyOperation

TS = FOLDER / "opscenter_en.ts"
# {name}-style fields filled by str.format/replace, and Qt's %1 / %n markers.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")


def messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[QTranslator]:
    """Our English .qm, compiled afresh from the .ts and installed for one test only."""
    shutil.copy(TS, tmp_path / TS.name)
    (qm,) = compile_all(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm)), f"could not load {qm}"
    qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)  # the other tests stay Indonesian


def test_the_ts_holds_messages() -> None:
    assert len(messages()) > 50


def test_every_message_is_translated() -> None:
    unfinished = []
    for context, message in messages():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") is not None or not all(t.strip() for t in translations(message)):
            unfinished.append(f"{context}: {message.findtext('source')!r}")
    assert unfinished == []


def test_translations_keep_every_placeholder() -> None:
    lost = []
    for context, message in messages():
        source = message.findtext("source") or ""
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in translations(message):
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                lost.append(f"{context}: {source!r} -> {text!r}")
    assert lost == []


def test_translations_keep_line_breaks_and_mnemonics() -> None:
    wrong = []
    for context, message in messages():
        source = message.findtext("source") or ""
        has_mnemonic = "&" in source.replace("&&", "")
        for text in translations(message):
            if text.count("\n") != source.count("\n"):
                wrong.append(f"line breaks, {context}: {source!r} -> {text!r}")
            if ("&" in text.replace("&&", "")) != has_mnemonic:
                wrong.append(f"mnemonic, {context}: {source!r} -> {text!r}")
    assert wrong == []


def test_the_main_window_menus_are_english(
    english: QTranslator,
    tiny_operation: TinyOperation,
    make_window: Callable[[], MainWindow],
) -> None:
    window = make_window()
    titles = [a.text() for a in window.menuBar().actions()]
    for title in ("&File", "&Edit", "&View", "&Help"):
        assert title in titles
    assert titles[-1] == "&Help"
    assert window.quit_action.text() == "E&xit"
    tabs = window.operation_page.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Unit board",
        "Strength",
        "Stages",
        "Incidents",
        "Readiness",
        "Map",
        "TPS watch",
    ]


def test_every_english_menu_entry_has_an_alt_letter_of_its_own(
    english: QTranslator,
    tiny_operation: TinyOperation,
    make_window: Callable[[], MainWindow],
) -> None:
    """English Edit gave F to both Add follow-up and Find."""
    from tests.ui.alt_letters import menu_letter_faults

    assert menu_letter_faults(make_window().menuBar()) == []


def test_no_tab_takes_an_english_menu_bars_alt_letter(
    qtbot: QtBot,
    english: QTranslator,
    tiny_operation: TinyOperation,
    make_window: Callable[[], MainWindow],
) -> None:
    """The Alt letters of the English interface clash no more than the Indonesian (the
    map's period took E, the English Edit menu's, and its units layer D, Data's)."""
    from tests.ui.test_keys import alt_clashes

    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    assert alt_clashes(window) == []


def test_the_english_plotting_window_gives_no_alt_letter_twice(
    qtbot: QtBot, english: QTranslator, jambi: Store
) -> None:
    """As in Indonesian (tests/ui/test_keys.py): "&Stage" and "&Search" both took S."""
    from opscenter.actor import Actor
    from tests.ui.test_keys import alt_letters_taken_twice
    from ui.plotting_window import PlottingWindow

    plotting = PlottingWindow(jambi, actor=Actor("admin.uji", role="admin"))
    qtbot.addWidget(plotting)
    plotting.show()
    qtbot.waitUntil(lambda: not plotting.busy(), timeout=20_000)
    assert plotting.menuBar().actions()[0].text() == "&Plotting"
    assert alt_letters_taken_twice(plotting) == {}


def test_the_english_import_wizard_gives_every_button_its_own_alt_letter(
    qtbot: QtBot, english: QTranslator, store: Store, tmp_path: Path
) -> None:
    """As in Indonesian (tests/ui/test_import_wizard.py): &Cancel beside &Browse…, &File:,
    &Unit owning the list:, &Import … and &Save rejected rows…; the end's &Close."""
    from PySide6.QtWidgets import QWizard

    from tests.builders import build_small_operation
    from tests.core.test_sarpras_import import _split_workbook
    from tests.ui.alt_letters import alt_letter_faults
    from tests.ui.test_import_wizard import _sarpras_wizard, _to_page

    build_small_operation(store)
    wizard = _sarpras_wizard(qtbot, store, _split_workbook(tmp_path / "a.xlsx", letterhead=False))
    seen = {"file": alt_letter_faults(wizard)}
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    wizard.mapping_page.unit.setCurrentIndex(wizard.mapping_page.unit.findData("pa"))
    seen["mapping"] = alt_letter_faults(wizard)
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "&Cancel"
    _to_page(qtbot, wizard, wizard.preview_page)
    seen["preview"] = alt_letter_faults(wizard)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10_000)
    seen["done"] = alt_letter_faults(wizard)
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Close"
    assert seen == {"file": [], "mapping": [], "preview": [], "done": []}


def test_without_the_translator_the_menus_stay_indonesian(
    window: MainWindow,
) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Berkas" in titles
    assert titles[-1] == "Ba&ntuan"


def test_names_kept_in_tables_are_english_too(english: QTranslator) -> None:
    """Issue 13: headers, actions and roles written as data (dicts), not as calls, were
    invisible to lupdate and showed in Indonesian in the English interface."""
    from ui.accounts_dialog import HEADERS as ACCOUNT_HEADERS
    from ui.accounts_dialog import role_name
    from ui.audit_model import HEADERS as AUDIT_HEADERS
    from ui.audit_model import Column as AuditColumn
    from ui.audit_model import _tr as audit_tr

    assert role_name("commander") == "Commander (reads everything, approves)"
    assert audit_tr(AUDIT_HEADERS[AuditColumn.ACTION]) == "Action"
    from ui.audit_model import ACTIONS, ROW_ACTIONS

    assert audit_tr(ACTIONS["unit.set_status"]) == "Change unit status"
    assert audit_tr(ROW_ACTIONS["delete"]) == "deleted"
    # Every name in those tables has its English text in the .ts (none left in Indonesian).
    untranslated = [
        text
        for context, table in (
            ("AccountsDialog", list(ACCOUNT_HEADERS.values())),
            ("AuditModel", [*AUDIT_HEADERS.values(), *ACTIONS.values(), *ROW_ACTIONS.values()]),
        )
        for text in table
        if QApplication.translate(context, text) == text and text not in ("No.", "Status")
    ]
    assert untranslated == []


def test_every_tr_string_of_the_interface_is_in_the_ts() -> None:
    """lupdate reads each module's ``_tr("...")`` calls through ``_tr = translator("Ctx")``:
    a module whose helper it could not see would leave its strings untranslated."""
    import ast

    from ui.translations import ROOT, _first_text, _helper_context

    held = {(context, message.findtext("source")) for context, message in messages()}
    missing = []
    modules = 0
    for source in sorted((ROOT / "ui").glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        texts = [t for node in ast.walk(tree) if (t := _first_text(node, "_tr")) is not None]
        if not texts:
            continue
        modules += 1
        context = _helper_context(tree)
        assert context is not None, f"{source.name}: _tr without translator(...)"
        missing += [f"{source.name}: {t!r}" for t in texts if (context, t) not in held]
    assert modules > 50
    assert not missing, missing[:10]
