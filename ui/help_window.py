"""Bantuan: the built-in manual (F1), the shortcut list and the roles, in one window.

The manual's prose is ``resources/help/manual_<lang>.md`` (Indonesian, and English when the
interface is English). The shortcut list is generated from the action registry
(``ui.actions.shortcut_rows``) and the roles from the role matrix
(``opscenter.permissions``), so neither can drift from what the program does.

``HintBar`` is the first-run hint under the menus: a few lines on where to start, until
the operator dismisses it (remembered in ``ui.settings.HINTS_DISMISSED``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from opscenter.actor import Actor
from opscenter.permissions import DESCRIPTIONS, PERMISSIONS, ROLE_ORDER
from ui import actions, settings
from ui.translations import ROOT, interface_language, translator

FOLDER = ROOT / "resources" / "help"
# The window's pages, in order; ``show_help`` opens one of them.
MANUAL, SHORTCUTS, ROLES = "manual", "shortcuts", "roles"

# What each permission covers, in Indonesian (the core's DESCRIPTIONS are the English, for
# the README); a test keeps the two lists on the same permissions.
DESCRIPTIONS_ID: dict[str, str] = {
    "board.edit": "status satuan di papan (F2, urungkan)",
    "incident.edit": "mencatat kejadian, tindak lanjut, status, satuan yang menangani",
    "personnel.edit": "menambah atau mengubah personel",
    "reference.edit": "data satuan (nama, induk, cadangan, kekuatan); langkah pemantauan TPS",
    "import.run": "impor personel, TPS, satuan, log kejadian dan batas wilayah; membatalkan impor",
    "plan.edit": "kerawanan (langsung atau dari Excel), menyimpan pola pengamanan",
    "plan.accept": "menerima atau menarik usulan penebalan (BKO)",
    "plot.edit": "pos pengamanan TPS dan plotting personel: membentuk, memindah, memecah, "
    "menggabung, menempatkan, menukar, mengunci",
    "watch.record": "pemantauan TPS hari pemungutan: langkah dan jamnya (diketik, per pos, "
    "diimpor)",
    "readiness.edit": "kesiapan: penilaian, jumlah dan aturan sarpras, anggaran, kunjungan, temuan",
    "report.issue": "mengambil nomor laporan situasi (simpan, cetak, terjadwal)",
    "report.configure": "pengaturan laporan: templat nomor, satuan, tempat, penanda tangan",
    "audit.read": "membaca dan mengekspor jurnal audit",
    "operation.create": "membuat operasi (memuat demo)",
    "account.manage": "menambah akun, mengatur ulang kata sandi, mengubah peran, menonaktifkan",
}


_tr = translator("HelpWindow")


def manual_markdown(lang: str) -> str:
    """The manual's prose in ``lang`` ("en"; Indonesian otherwise)."""
    name = "manual_en.md" if lang == "en" else "manual_id.md"
    return (FOLDER / name).read_text(encoding="utf-8")


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th align='left'>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<table cellspacing='0' cellpadding='6' border='1' style='border-collapse:collapse'>"
        f"<tr>{cells}</tr>{body}</table>"
    )


def shortcuts_html() -> str:
    """Every shortcut of the registry, by menu, then those of windows and forms."""
    rows = [[menu, action, keys] for menu, action, keys in actions.shortcut_rows()]
    intro = _tr(
        "Pintasan jendela utama berlaku di mana pun fokus berada: di daftar, di isian, di papan."
    )
    return f"<p>{escape(intro)}</p>" + _table([_tr("Menu"), _tr("Tindakan"), _tr("Tombol")], rows)


def roles_html(actor: Actor | None, lang: str) -> str:
    """The role matrix: which role may do what (the one the core enforces)."""
    described = DESCRIPTIONS if lang == "en" else DESCRIPTIONS_ID
    rows = [
        [described[name], *("\u2713" if role in roles else "" for role in ROLE_ORDER)]
        for name, roles in PERMISSIONS.items()
    ]
    mine = ""
    if actor is not None:
        who = _tr("Anda masuk sebagai {user}, peran {role}.")
        mine = f"<p>{escape(who.format(user=actor.username, role=actor.role))}</p>"
    intro = _tr(
        "Yang tidak boleh dilakukan suatu peran ditolak dengan satu kalimat; menu yang tidak "
        "dapat dipakai tidak ditampilkan."
    )
    return mine + f"<p>{escape(intro)}</p>" + _table([_tr("Wewenang"), *ROLE_ORDER], rows)


class HelpWindow(QDialog):
    """The manual, the shortcut list and the roles, as three pages (not modal: it stays open
    beside the board while the operator works)."""

    def __init__(
        self, *, actor: Actor | None = None, lang: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(_tr("Bantuan OpsCenter"))
        lang = lang or interface_language()
        self.pages = QTabWidget(self)
        self.browsers: dict[str, QTextBrowser] = {}
        for key, title, fill in (
            (MANUAL, _tr("Panduan"), None),
            (SHORTCUTS, _tr("Pintasan keyboard"), shortcuts_html()),
            (ROLES, _tr("Peran"), roles_html(actor, lang)),
        ):
            browser = QTextBrowser(self)
            browser.setObjectName(f"help_{key}")
            browser.setOpenExternalLinks(False)
            if fill is None:
                browser.setMarkdown(manual_markdown(lang))
            else:
                browser.setHtml(fill)
            self.pages.addTab(browser, title)
            self.browsers[key] = browser
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 820, 640
        if room is not None:  # never taller or wider than the screen (a 1366x768 laptop)
            width, height = min(width, room.width() - 40), min(height, room.height() - 80)
        self.resize(width, height)

    def show_page(self, key: str) -> None:
        self.pages.setCurrentWidget(self.browsers[key])
        self.browsers[key].setFocus()

    def current_page(self) -> str:
        return next(k for k, b in self.browsers.items() if b is self.pages.currentWidget())


def show_help(
    window: QWidget, section: str | None = None, *, actor: Actor | None = None
) -> HelpWindow:
    """Open (or bring forward) ``window``'s help at ``section`` (the manual by default)."""
    help_window = window.findChild(HelpWindow)
    if help_window is None:
        help_window = HelpWindow(actor=actor, parent=window)
        actions.close_keys(help_window)
    help_window.show_page(section or MANUAL)
    help_window.show()
    if QGuiApplication.platformName() != "offscreen":
        help_window.raise_()
        help_window.activateWindow()
    return help_window


class HintBar(QFrame):
    """First-run hints, until "Mengerti" dismisses them for good. One line, made to sit in
    the menu bar's free corner (``QMenuBar.setCornerWidget``): it costs the panels below no
    height on a 768 px laptop. The whole hint is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintBar")
        # The palette's colours, not fixed ones: the bar follows the night theme.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        self.text = QLabel(_tr("Baru di OpsCenter? F1 panduan \u00b7 Ctrl+/ pintasan"), self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.setToolTip(
            _tr(
                "Baru di OpsCenter? F1 membuka panduan, Ctrl+/ daftar pintasan. Dari mana saja: "
                "Ctrl+N mencatat kejadian, F2 mengubah status satuan, Esc menutup dialog."
            )
        )
        self.dismiss_button = QPushButton(_tr("&Mengerti"), self)
        self.dismiss_button.setObjectName("hintDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 0, 4, 0)
        row.addWidget(self.text)
        row.addWidget(self.dismiss_button)
        self.setVisible(not settings.HINTS_DISMISSED.get())

    def dismiss(self) -> None:
        settings.HINTS_DISMISSED.set(True)
        self.hide()
