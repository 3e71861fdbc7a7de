"""Qt's own words in Indonesian (issue 14): the wheel has no qtbase_id, so OpsCenter ships
the strings its windows show (resources/translations/qtbase_id.ts), and ``install_translators``
loads them; file dialogs are Qt's own everywhere, so they speak the interface's language."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QMessageBox,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

from ui.app import application, install_translators
from ui.translations import FOLDER, compile_all, interface_language, set_interface_language
from ui.wheel_guard import WheelGuard


def _texts(dialog: QFileDialog) -> dict[str, str]:
    """Every label's and button's words and tool tip in a file dialog, by object name."""
    texts: dict[str, str] = {}
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        for kind, text in (("text", widget.text()), ("tip", widget.toolTip())):
            if text.strip():
                texts[f"{widget.objectName() or type(widget).__name__}.{kind}"] = text
    return texts


def _file_dialog(qtbot: QtBot) -> QFileDialog:
    dialog = QFileDialog(None, "Pilih lembar kerja")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    return dialog


def test_qt_ships_no_indonesian_of_its_own() -> None:
    """Why the .ts exists: were Qt to ship qtbase_id one day, it would be loaded first."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert not QTranslator().load("qtbase_id", folder)
    assert (FOLDER / "qtbase_id.ts").is_file()


def test_qts_translator_for_indonesian_is_installed(indonesian: list[QTranslator]) -> None:
    assert len(indonesian) == 1  # Indonesian is our source language: only Qt's words
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"


def test_every_word_of_the_file_dialog_is_indonesian(
    qtbot: QtBot, indonesian: list[QTranslator]
) -> None:
    # The same dialog without the translator is the English one, word for word.
    for translator in indonesian:
        QApplication.instance().removeTranslator(translator)  # type: ignore[union-attr]
    english = _texts(_file_dialog(qtbot))
    for translator in indonesian:
        QApplication.instance().installTranslator(translator)  # type: ignore[union-attr]
    dialog = _file_dialog(qtbot)
    ours = _texts(dialog)
    assert ours.keys() == english.keys()
    untranslated = {k: v for k, v in ours.items() if v == english[k] and v != "Pilih lembar kerja"}
    assert untranslated == {}
    assert ours["lookInLabel.text"] == "&Cari di:"
    assert ours["fileNameLabel.text"] == "&Nama berkas:"
    assert ours["fileTypeLabel.text"] == "&Jenis berkas:"
    assert ours["backButton.tip"] == "Kembali"
    buttons = {b.text() for b in dialog.findChildren(QAbstractButton) if b.text()}
    assert {"&Simpan", "Batal"} <= buttons
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Nama", "Ukuran", "Jenis", "Tanggal diubah"]


def test_message_box_and_wizard_buttons_are_indonesian(
    qtbot: QtBot, indonesian: list[QTranslator]
) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "OpsCenter",
        "Simpan perubahan?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Close
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    words = {b.text() for b in box.buttons()}
    assert words == {"&Ya", "&Tidak", "Simpan", "Buang", "Tutup", "Batal"}
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    roles = QWizard.WizardButton
    assert [
        wizard.buttonText(r)
        for r in (roles.BackButton, roles.NextButton, roles.FinishButton, roles.CancelButton)
    ] == ["< &Kembali", "&Lanjut >", "&Selesai", "Batal"]


def test_file_dialogs_are_qts_own(qapp: QApplication) -> None:
    """A desktop's native dialog (GTK, Windows) would follow the system's language, not the
    interface's: OpsCenter's application asks for Qt's dialog, which the .ts translates."""
    native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    font, style, locale = QFont(qapp.font()), qapp.style().name(), QLocale()
    names = qapp.applicationName(), qapp.organizationName()
    qapp.setAttribute(native, False)
    try:
        assert application("id") is qapp
        assert qapp.testAttribute(native)
        assert qapp.findChild(WheelGuard) is not None  # and the wheel guarded
    finally:  # the test application's defaults for the other tests
        for guard in qapp.findChildren(WheelGuard):
            qapp.removeEventFilter(guard)
            guard.setParent(None)
        qapp.setAttribute(native, False)
        qapp.setStyle(style)
        qapp.setFont(font)
        QLocale.setDefault(locale)
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])


def test_indonesian_finds_every_translation_it_looks_for(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    """The log said the qtbase Indonesian translation was not found (and looked for an
    opscenter_id, which the source language never needs)."""
    compile_all()
    before = interface_language()
    with caplog.at_level(logging.INFO, logger="ui.app"):
        installed = install_translators(qapp, "id")
    try:
        assert "no translation" not in caplog.text
        assert len(installed) == 1
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        set_interface_language(qapp, before)
